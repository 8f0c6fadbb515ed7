using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.Cli.Inventory;

internal sealed class Component
{
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
    public string? Version { get; set; }
    public string? Assistant { get; set; }
    public string? Status { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ExpiresAt { get; set; }
    public string? MaxDataClass { get; set; }

    /// <summary>For an endpoint the record lists (audit 1.3 "endpoints"): how many files of the project use it.</summary>
    public long? Files { get; set; }
}

internal sealed class RecordFinding
{
    public string Rule { get; set; } = "";
    public string Level { get; set; } = "";
    public string? File { get; set; }
    public long Line { get; set; }
    public string Message { get; set; } = "";
}

internal sealed class RecordWaiver
{
    public string Id { get; set; } = "";
    public string? Rule { get; set; }
    public string? Subject { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ExpiresAt { get; set; }
}

/// <summary>One build's evidence, from an audit record (format 1.x) or a CycloneDX AI-BOM written by Guardrails.</summary>
internal sealed class Record
{
    public string Kind { get; set; } = "audit";
    public string Source { get; set; } = "";
    public string Repository { get; set; } = "";
    public string Project { get; set; } = "";
    public string? Commit { get; set; }
    public string? Branch { get; set; }
    public string? Ci { get; set; }
    public string BuiltAt { get; set; } = "";
    public string? PolicyId { get; set; }
    public long? PolicyRevision { get; set; }
    public string? Mode { get; set; }
    public string? Tier { get; set; }
    public string? DataClass { get; set; }
    public string? OwnerTeam { get; set; }
    public string? OwnerContact { get; set; }
    public List<Component> Components { get; } = new();

    /// <summary>
    /// Whether the record lists every AI endpoint the code uses (audit 1.3 "endpoints"): "complete", "unknown: why",
    /// or null for a record that predates the list (or an AI-BOM).
    /// </summary>
    public string? Endpoints { get; set; }
    public List<RecordFinding> Findings { get; } = new();
    public List<RecordWaiver> Waivers { get; } = new();

    /// <summary>
    /// What the build used, as the policy evaluator takes it (JSON, see <see cref="RecordedUses"/>): the manifest the
    /// record describes and the packages with versions and chains; null when the record cannot say (an AI-BOM).
    /// </summary>
    public string? Uses { get; set; }

    /// <summary>Reads an audit record or AI-BOM; null (with a coded problem) for foreign JSON.</summary>
    public static Record? From(JsonNode root, string source, List<InputProblem> problems)
    {
        if (root["auditFormat"] != null)
        {
            string format = root["auditFormat"]!.Text ?? "";
            if (!format.StartsWith("1.", StringComparison.Ordinal))
            {
                problems.Add(new InputProblem("GRDINV07", source, "Audit record format '" + format + "' is newer than this tool reads (1.x); update the guardrails tool. Skipped."));
                return null;
            }

            return FromAudit(root, source);
        }

        if (root["bomFormat"]?.Text == "CycloneDX")
        {
            return FromBom(root, source);
        }

        problems.Add(new InputProblem("GRDINV06", source, "This JSON is neither a Guardrails audit record (no \"auditFormat\") nor a CycloneDX AI-BOM; skipped."));
        return null;
    }

    private static string? S(JsonNode? n) => n == null || n.Kind == JsonKind.Null ? null : n.Text;

    private static Record FromAudit(JsonNode root, string source)
    {
        var r = new Record { Kind = "audit", Source = source };
        JsonNode? build = root["build"];
        r.Project = S(root["project"]?["name"]) ?? "(unknown project)";
        r.Repository = S(root["repository"]) ?? S(build?["repository"]) ?? S(root["project"]?["path"]) ?? r.Project;
        r.Commit = S(build?["commit"]);
        r.Branch = S(build?["branch"]);
        r.Ci = S(build?["ciSystem"]);
        r.BuiltAt = S(build?["time"]) ?? S(root["generatedAt"]) ?? "";
        r.PolicyId = S(root["policy"]?["policyId"]);
        r.PolicyRevision = root["policy"]?["revision"] is JsonNode rev && rev.TryGetInt64(out long v) ? v : null;
        r.Mode = S(root["mode"]?["effective"]);
        JsonNode? manifest = root["manifest"];
        r.Tier = S(manifest?["tier"]);
        r.DataClass = S(manifest?["dataClass"]);
        r.OwnerTeam = S(manifest?["owner"]?["team"]);
        r.OwnerContact = S(manifest?["owner"]?["contact"]);
        foreach (JsonNode c in Items(root["components"]))
        {
            var comp = new Component
            {
                Type = S(c["type"]) ?? "?",
                Id = S(c["id"]) ?? "?",
                Version = S(c["version"]),
                Assistant = S(c["assistant"]),
                // A package or assistant names its policy entry; an SDK assembly shipped with no restored package says what the
                // policy holds of its package in "policyStatus" (audit 1.3). Neither → the policy has no entry for it.
                Status = S(c["policyEntry"]?["status"]) ?? S(c["policyStatus"]) ?? "not in policy",
                ApprovedBy = S(c["approval"]?["approvedBy"]),
                ExpiresAt = S(c["approval"]?["expiresAt"]),
                MaxDataClass = S(c["reach"]?["maxDataClass"]),
            };
            r.Components.Add(comp);
            if (comp.Type == "package")
            {
                AddEndpoints(r, comp.Id);
            }
            else if (comp.Type == "mcpServer" && S(c["identity"]) is string identity && identity.Contains("://", StringComparison.Ordinal))
            {
                r.Components.Add(new Component { Type = "endpoint", Id = Host(identity), Status = "mcp server " + comp.Id, Assistant = comp.Assistant });
            }
        }

        // What the code reaches, as the analyzers recorded it (GRD008 through the compiler's error log), with the policy's verdict.
        if (root["endpoints"] is JsonNode reach && reach.IsObject)
        {
            bool complete = reach["complete"]?.Kind == JsonKind.True;
            r.Endpoints = complete ? "complete" : "unknown: " + (S(reach["incompleteBecause"]) ?? "the record says the list is incomplete");
            foreach (JsonNode h in Items(reach["hosts"]))
            {
                r.Components.Add(new Component
                {
                    Type = "endpoint",
                    Id = S(h["host"]) ?? "?",
                    Status = S(h["status"]) ?? "unknown",
                    Files = h["files"] is JsonNode n && n.TryGetInt64(out long files) ? files : null,
                });
            }
        }

        foreach (JsonNode f in Items(root["findings"]))
        {
            r.Findings.Add(new RecordFinding
            {
                Rule = S(f["rule"]) ?? "?",
                Level = S(f["level"]) ?? "warning",
                File = S(f["file"]),
                Line = f["line"] is JsonNode l && l.TryGetInt64(out long line) ? line : 0,
                Message = S(f["message"]) ?? "",
            });
        }

        foreach (JsonNode w in Items(root["waiversApplied"]))
        {
            r.Waivers.Add(new RecordWaiver { Id = S(w["id"]) ?? "?", Rule = S(w["rule"]), Subject = S(w["subject"]), ApprovedBy = S(w["approvedBy"]), ExpiresAt = S(w["expiresAt"]) });
        }

        r.Uses = RecordedUses.FromAudit(root, r.Project);
        return r;
    }

    private static Record FromBom(JsonNode root, string source)
    {
        var r = new Record { Kind = "ai-bom", Source = source };
        JsonNode? meta = root["metadata"];
        Dictionary<string, string> mp = Props(meta);
        r.Project = S(meta?["component"]?["name"]) ?? "(unknown project)";
        r.Repository = mp.GetValueOrDefault("guardrails:repository") ?? r.Project;
        r.BuiltAt = S(meta?["timestamp"]) ?? "";
        r.PolicyId = mp.GetValueOrDefault("guardrails:policyId");
        r.PolicyRevision = long.TryParse(mp.GetValueOrDefault("guardrails:policyRevision"), out long rev) ? rev : null;
        r.Mode = mp.GetValueOrDefault("guardrails:mode");
        r.Tier = mp.GetValueOrDefault("guardrails:tier");
        r.DataClass = mp.GetValueOrDefault("guardrails:dataClass");
        foreach (JsonNode n in Items(root["services"]).Concat(Items(root["components"])))
        {
            Dictionary<string, string> p = Props(n);
            string kind = p.GetValueOrDefault("guardrails:kind") ?? "";
            string type = kind switch { "ai-assistant" => "assistant", "model" => "model", "mcp-server" => "mcpServer", "ai-sdk-package" => "package", _ => "" };
            if (type.Length == 0)
            {
                continue;
            }

            var comp = new Component
            {
                Type = type,
                Id = S(n["name"]) ?? "?",
                Version = S(n["version"]),
                Status = p.GetValueOrDefault("guardrails:policyStatus"),
                ApprovedBy = p.GetValueOrDefault("guardrails:approvedBy"),
                ExpiresAt = p.GetValueOrDefault("guardrails:expiresAt"),
                MaxDataClass = p.GetValueOrDefault("guardrails:maxDataClass"),
            };
            r.Components.Add(comp);
            if (type == "package")
            {
                AddEndpoints(r, comp.Id);
            }
        }

        return r;
    }

    /// <summary>The provider endpoints an AI SDK package talks to by default (Core's SDK catalog).</summary>
    private static void AddEndpoints(Record r, string packageId)
    {
        if (AiSdkCatalog.TryGetByPackageId(packageId, out AiSdk sdk))
        {
            foreach (string host in sdk.EndpointHosts)
            {
                r.Components.Add(new Component { Type = "endpoint", Id = host, Status = "via " + packageId });
            }
        }
    }

    private static string Host(string url)
    {
        // The one host grammar (WHATWG: '\' ends the host, user-info skipped); a host it cannot read is shown cut as before.
        if (Guardrails.Core.Sdks.HostPattern.TryExtractHost(url, out string host))
        {
            return host;
        }

        string u = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        int end = u.IndexOfAny(new[] { '/', ':', '?' });
        return end < 0 ? u : u[..end];
    }

    private static IEnumerable<JsonNode> Items(JsonNode? n) => n != null && n.IsArray ? n.Items : Array.Empty<JsonNode>();

    private static Dictionary<string, string> Props(JsonNode? n)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonNode p in Items(n?["properties"]))
        {
            if (S(p["name"]) is string name && S(p["value"]) is string value)
            {
                d[name] = value;
            }
        }

        return d;
    }
}
