using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;
using Guardrails.Core.Policy;

namespace Guardrails.BuildTasks.Reports
{
    /// <summary>
    /// guardrails.audit.json: what one check saw and decided, for the accountable owner. Deterministic apart from
    /// "generatedAt": keys sorted, arrays sorted, invariant culture. Never a secret value (every string goes through
    /// <see cref="SafeText"/>; credentials appear only as references such as "env:OPENAI_API_KEY").
    /// </summary>
    public static class AuditRecord
    {
        public const string FileName = "guardrails.audit.json";

        /// <summary>
        /// 1.1 added "build" (repository, commit, branch, CI system, build time). 1.2 added "compile" and
        /// "compileVerifiedAt" (written after the compiler by the post-compile verification), and what an estate
        /// re-evaluation needs: "chain" of package components (ids from the top-level reference), "server" of MCP
        /// server components (the server as the manifest declares it) and "permissions" of assistant components.
        /// 1.3 added "endpoints" (written with "compile"): every AI endpoint the code uses with the policy's verdict and
        /// the number of files, and whether that list is complete (<see cref="EndpointReach"/>).
        /// Every version only adds: everything of 1.0, 1.1 and 1.2 is unchanged. See docs/rollout.md and schemas/guardrails.audit.schema.json.
        /// </summary>
        /// 1.4 added "project.targetFramework": the $(TargetFramework) of the (inner) build, so the gate can ask for one
        /// verified record per framework the project restores (adversary round 9 route 1).
        public const string Format = "1.5";

        public static string Build(CheckRequest request, CheckResult result, string toolVersion, BuildProvenance? provenance = null)
        {
            provenance ??= BuildProvenance.Detect(SafeDirectory(request.ProjectPath), Environment.GetEnvironmentVariable);
            var root = JsonWriter.Object();
            root["auditFormat"] = Format;
            root["generatedAt"] = request.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            root["tool"] = Obj(("name", "Guardrails"), ("version", toolVersion));
            root["project"] = Obj(("path", request.ProjectPath), ("name", CheckRequest.ProjectName(request.ProjectPath)),
                ("targetFramework", string.IsNullOrWhiteSpace(request.TargetFramework) ? null : request.TargetFramework!.Trim()));
            root["repository"] = result.Manifest?.Repository?.Value;
            root["build"] = Obj(
                ("repository", provenance.Repository),
                ("commit", provenance.Commit),
                ("branch", provenance.Branch),
                ("ciSystem", provenance.CiSystem),
                ("time", request.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            root["mode"] = Obj(
                ("effective", result.Enforce ? "Enforce" : "Audit"),
                ("requested", string.IsNullOrWhiteSpace(request.Mode) ? "Enforce" : request.Mode!.Trim()),
                ("tierMode", result.Integrity.TierMode));
            root["policy"] = PolicySection(request, result);
            root["manifest"] = ManifestSection(request, result);
            root["components"] = Components(result);
            root["findings"] = Findings(result);
            root["waiversApplied"] = WaiversApplied(result);
            root["localBypasses"] = Bypasses(result.Integrity);
            root["localSuppression"] = Obj(
                ("allowedInCode", result.PolicyDocument == null ? (object?)null : result.Integrity.SuppressionAllowed),
                ("decidedBy", result.Integrity.SuppressionSource),
                ("waivedIds", Sorted(result.Integrity.WaivedSuppressions)));
            return JsonWriter.Write(root, SafeText.Clean);
        }

        /// <summary>
        /// The audit record with the post-compile verification in "compile": whether the Guardrails analyzers ran in the
        /// compiler, with which severities, and what the verification found. A record without this section (or with
        /// "verified": false) says the compiler's side was not confirmed.
        /// </summary>
        public static string WithCompile(string? existing, object? compile, string now, object? endpoints = null, IEnumerable<WaiverEntry>? compileWaivers = null)
        {
            JsonNode? parsed = string.IsNullOrWhiteSpace(existing) ? null : JsonReader.TryParse(existing!, out _);
            var root = parsed != null && parsed.IsObject ? (SortedDictionary<string, object?>)ToObject(parsed)! : JsonWriter.Object();
            if (!root.ContainsKey("auditFormat"))
            {
                root["auditFormat"] = Format;
                root["check"] = Obj(("ran", false), ("reason", "no record of a Guardrails check for this compilation"));
            }

            root["compile"] = compile;
            root["compileVerifiedAt"] = now;
            root["waiversApplied"] = WithCompileWaivers(root.TryGetValue("waiversApplied", out object? applied) ? applied as List<object?> : null, compileWaivers);
            root["endpoints"] = endpoints;
            return JsonWriter.Write(root, SafeText.Clean);
        }

        /// <summary>
        /// The check's waiversApplied, then the waivers the verification after the compiler applied (marked
        /// <c>"appliedBy": "compile"</c>): those of an earlier verification are replaced, one the check already lists is not repeated.
        /// </summary>
        private static List<object?> WithCompileWaivers(List<object?>? applied, IEnumerable<WaiverEntry>? compileWaivers)
        {
            var list = new List<object?>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (object? item in applied ?? new List<object?>())
            {
                if (item is IDictionary<string, object?> entry && entry.TryGetValue("appliedBy", out object? by) && by as string == "compile")
                {
                    continue;
                }

                list.Add(item);
                if (item is IDictionary<string, object?> kept && kept.TryGetValue("id", out object? id) && id is string s)
                {
                    ids.Add(s);
                }
            }

            foreach (WaiverEntry w in compileWaivers ?? new WaiverEntry[0])
            {
                if (ids.Add(w.Id))
                {
                    list.Add(Obj(
                        ("id", w.Id),
                        ("rule", w.Rule),
                        ("subject", w.Subject),
                        ("approvedBy", w.ApprovedBy),
                        ("approvedAt", null),
                        ("expiresAt", w.Until()),
                        ("ticket", null),
                        ("reason", w.Reason),
                        ("appliedBy", "compile")));
                }
            }

            return list;
        }

        /// <summary>A parsed JSON value as the writer takes it (objects with sorted keys, lists, strings, numbers, booleans).</summary>
        internal static object? ToObject(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    var obj = JsonWriter.Object();
                    foreach (JsonProperty p in node.Properties)
                    {
                        obj[p.Name] = ToObject(p.Value);
                    }

                    return obj;
                case JsonKind.Array:
                    var list = new List<object?>();
                    foreach (JsonNode item in node.Items)
                    {
                        list.Add(ToObject(item));
                    }

                    return list;
                case JsonKind.True:
                    return true;
                case JsonKind.False:
                    return false;
                case JsonKind.Number:
                    return node.TryGetInt64(out long l) ? (object)l : node.Text;
                case JsonKind.String:
                    return node.Text;
                default:
                    return null;
            }
        }

        private static string? SafeDirectory(string path)
        {
            try
            {
                return string.IsNullOrEmpty(path) ? null : Path.GetDirectoryName(Path.GetFullPath(path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return null;
            }
        }

        private static object? PolicySection(CheckRequest request, CheckResult result)
        {
            if (string.IsNullOrWhiteSpace(request.PolicyPath))
            {
                return null;
            }

            IntegrityState s = result.Integrity;
            GuardrailsPolicy? p = result.Policy;
            return Obj(
                ("path", request.PolicyPath!.Trim()),
                ("policyId", s.PolicyId),
                ("revision", s.PolicyRevision),
                ("highestRevisionSeenBefore", s.HighestSeenRevision),
                ("sha256", s.PolicySha256),
                ("pinnedSha256", Sorted(s.Pins)),
                ("pinMatched", s.PinMatched),
                ("valid", p != null && result.PolicyErrors == 0),
                ("owner", p == null ? null : Obj(("name", p.Owner.Name?.Value), ("contact", p.Owner.Contact?.Value), ("approvers", Sorted(p.Owner.Approvers.ConvertAll(a => a.Value))))));
        }

        private static object? ManifestSection(CheckRequest request, CheckResult result)
        {
            if (string.IsNullOrWhiteSpace(request.ManifestPath))
            {
                return null;
            }

            string path = request.ManifestPath!.Trim();
            AssistantManifest? m = result.Manifest;
            return Obj(
                ("path", path),
                ("sha256", result.ManifestSha256),
                ("tier", m?.Tier?.Value),
                ("dataClass", m?.DataClass?.Value),
                ("owner", m == null ? null : Obj(("team", m.OwnerTeam?.Value), ("contact", m.OwnerContact?.Value))),
                ("waiversClaimed", m == null ? null : Sorted(m.Waivers.ConvertAll(w => w.Value))));
        }

        /// <summary>Every assistant, model, MCP server and AI SDK package in use, with the policy entry and approval that allow it.</summary>
        internal static List<object?> Components(CheckResult result)
        {
            var list = new List<(string Key, object? Value)>();
            GuardrailsPolicy? policy = result.Policy;
            AssistantManifest? manifest = result.Manifest;
            if (manifest != null)
            {
                foreach (ManifestAssistant a in manifest.Assistants)
                {
                    AssistantRule? rule = policy?.FindAssistant(a.Id.Value);
                    list.Add(("assistant|" + a.Id.Value, Obj(
                        ("type", "assistant"),
                        ("id", a.Id.Value),
                        ("version", a.Version?.Value),
                        ("vendor", rule?.Vendor?.Value),
                        ("credentialRef", a.CredentialRef?.Value),
                        ("permissions", Sorted(PermissionsOn(a))),
                        ("policyEntry", rule == null ? null : PolicyEntry(policy!, rule.Node, rule.Denied ? "denied" : "approved")),
                        ("approval", Approval(rule?.Approval)),
                        ("reach", rule == null ? null : Obj(
                            ("tiers", rule.Tiers == null ? (object)"any" : Sorted(rule.Tiers.ConvertAll(t => t.Value))),
                            ("maxDataClass", rule.MaxDataClass?.Value),
                            ("repositories", rule.Repositories == null ? (object)"any" : Sorted(rule.Repositories.ConvertAll(r => r.Value))))))));

                    foreach (Located<string> model in a.Models)
                    {
                        bool allowed = rule != null && rule.Models.IsAllowed(model.Value, out _);
                        list.Add(("model|" + a.Id.Value + "|" + model.Value, Obj(
                            ("type", "model"),
                            ("id", model.Value),
                            ("assistant", a.Id.Value),
                            ("policyEntry", rule == null ? null : PolicyEntry(policy!, rule.Node, allowed ? "allowed for " + rule.Id : "not allowed for " + rule.Id)),
                            ("approval", allowed ? Approval(rule!.Approval) : null))));
                    }

                    foreach (ManifestMcpServer server in a.McpServers)
                    {
                        McpServerRule? allow = McpAllowFor(policy, server);
                        string id = McpId(allow, server);
                        list.Add(("mcp|" + a.Id.Value + "|" + id, Obj(
                            ("type", "mcpServer"),
                            ("id", id),
                            ("assistant", a.Id.Value),
                            ("identity", server.Identity?.Describe()),
                            ("server", Declared(server)),
                            ("policyEntry", allow == null ? null : PolicyEntry(policy!, allow.Node, "approved")),
                            ("approval", Approval(allow?.Approval)),
                            ("reach", allow == null ? null : Obj(
                                ("tiers", allow.Tiers == null ? (object)"any" : Sorted(allow.Tiers.ConvertAll(t => t.Value))),
                                ("maxDataClass", allow.MaxDataClass?.Value))))));
                    }
                }
            }

            foreach (PackageUse p in result.AiPackages)
            {
                list.Add(("package|" + p.Id + "|" + p.Version, Obj(
                    ("type", "package"),
                    ("id", p.Id),
                    ("version", p.Version),
                    ("sdk", p.Description),
                    ("direct", p.Direct),
                    ("chain", new List<object?>(p.Chain)),
                    ("usedIn", p.UsedIn.Count == 0 ? null : Sorted(p.UsedIn)),
                    ("policyEntry", p.ApprovedBy == null ? null : PolicyEntry(policy!, p.ApprovedBy.Node, "packages.approved '" + p.ApprovedBy.Id.Value + "'" + (p.ApprovedBy.VersionsText != null ? " " + p.ApprovedBy.VersionsText.Value : string.Empty))))));
            }

            foreach (ShippedSdkAssembly a in result.ShippedSdkAssemblies)
            {
                list.Add(("assembly|" + a.File, Obj(
                    ("type", "assembly"),
                    ("id", a.File),
                    ("sdk", a.SdkName),
                    ("package", a.Package),
                    ("shippedAs", "copied to the output with no restored package of the SDK"),
                    ("policyStatus", a.Approved ? "approved" : "not approved"))));
            }

            list.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
            return list.ConvertAll(x => x.Value);
        }

        private static List<object?> Findings(CheckResult result)
        {
            var list = new List<(string Key, object? Value)>();
            foreach (Finding f in result.Findings)
            {
                string level = f.IsError(result.Enforce) ? "error" : "warning";
                list.Add((f.File + "|" + f.Line.ToString("D9", CultureInfo.InvariantCulture) + "|" + f.Column.ToString("D9", CultureInfo.InvariantCulture) + "|" + f.Rule.Id + "|" + f.Message, Obj(
                    ("rule", f.Rule.Id),
                    ("title", f.Rule.Title),
                    ("level", level),
                    ("file", f.File),
                    ("line", f.Line),
                    ("column", f.Column),
                    ("subject", f.Subject),
                    ("waivedBy", f.WaivedBy),
                    ("message", f.Message),
                    ("helpUri", f.Rule.HelpLink))));
            }

            list.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
            return list.ConvertAll(x => x.Value);
        }

        private static List<object?> WaiversApplied(CheckResult result)
        {
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Finding f in result.Findings)
            {
                if (f.WaivedBy != null)
                {
                    ids.Add(f.WaivedBy);
                }
            }

            foreach (LocalBypass b in result.Integrity.Bypasses)
            {
                if (b.AllowedBy != null && b.AllowedBy.StartsWith("waiver:", StringComparison.Ordinal))
                {
                    ids.Add(b.AllowedBy.Substring("waiver:".Length));
                }
            }

            foreach (string waived in result.Integrity.WaivedSuppressions)
            {
                int at = waived.IndexOf("(waiver ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    ids.Add(waived.Substring(at + "(waiver ".Length).TrimEnd(')'));
                }
            }

            var list = new List<object?>();
            foreach (string id in ids)
            {
                WaiverRule? w = result.Policy?.FindWaiver(id);
                list.Add(Obj(
                    ("id", id),
                    ("rule", w?.Rule?.Value),
                    ("subject", w?.Subject?.Value),
                    ("approvedBy", w?.ApprovedBy?.Value),
                    ("approvedAt", Date(w?.ApprovedAt)),
                    ("expiresAt", Date(w?.ExpiresAt)),
                    ("ticket", w?.Ticket?.Value),
                    ("reason", w?.Reason?.Value)));
            }

            return list;
        }

        private static List<object?> Bypasses(IntegrityState state)
        {
            var list = new List<(string Key, object? Value)>();
            foreach (LocalBypass b in state.Bypasses)
            {
                list.Add((b.RuleId + "|" + b.File + "|" + b.Line.ToString("D9", CultureInfo.InvariantCulture) + "|" + b.What, Obj(
                    ("rule", b.RuleId),
                    ("kind", LocalBypass.PolicyName(b.Kind)),
                    ("what", b.What),
                    ("subject", b.Subject),
                    ("file", b.File),
                    ("line", b.Line),
                    ("allowedBy", b.AllowedBy))));
            }

            list.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
            return list.ConvertAll(x => x.Value);
        }

        /// <summary>The mcpServers.allow entry that approves a server (by policy id, or by identity), as the policy evaluation matches it.</summary>
        internal static McpServerRule? McpAllowFor(GuardrailsPolicy? policy, ManifestMcpServer server) =>
            policy == null ? null
            : server.Identity == null
                ? policy.McpAllow.Find(d => d.Id != null && string.Equals(d.Id.Value, server.Id, StringComparison.OrdinalIgnoreCase))
                : policy.McpAllow.Find(d => d.Matches(server.Identity));

        private static IEnumerable<string> PermissionsOn(ManifestAssistant a)
        {
            foreach (KeyValuePair<string, Located<bool>> p in a.Permissions)
            {
                if (p.Value.Value)
                {
                    yield return p.Key;
                }
            }
        }

        /// <summary>The MCP server as the manifest declares it: a policy id, or an identity (url, command, package, version, sha256).</summary>
        private static object Declared(ManifestMcpServer server)
        {
            McpServerIdentity? i = server.Identity;
            return Obj(
                ("id", server.Id),
                ("url", i?.Url),
                ("command", i?.Command == null ? null : new List<object?>(i.Command)),
                ("package", i?.Package),
                ("version", i?.Version),
                ("sha256", i?.Sha256));
        }

        internal static string McpId(McpServerRule? allow, ManifestMcpServer server) => allow?.Id?.Value ?? server.Id ?? server.Identity?.Describe() ?? "?";

        internal static object? Approval(ApprovalRecord? approval) => approval == null ? null : Obj(
            ("approvedBy", approval.ApprovedBy?.Value),
            ("approvedAt", Date(approval.ApprovedAt)),
            ("expiresAt", Date(approval.ExpiresAt)),
            ("ticket", approval.Ticket?.Value));

        private static object PolicyEntry(GuardrailsPolicy policy, JsonNode node, string status) => Obj(
            ("file", Path.GetFileName(policy.File)),
            ("line", node.Start.Line),
            ("status", status));

        internal static string? Date(Located<DateTimeOffset>? date) => date == null ? null : Dates.Show(date.Value);

        internal static List<object?> Sorted(IEnumerable<string> values)
        {
            var list = new List<string>(values);
            list.Sort(StringComparer.Ordinal);
            return list.ConvertAll(v => (object?)v);
        }

        /// <summary>An object with sorted keys (every string is cleaned of secrets when the document is written).</summary>
        internal static SortedDictionary<string, object?> Obj(params (string Key, object? Value)[] members)
        {
            var obj = JsonWriter.Object();
            foreach ((string key, object? value) in members)
            {
                obj[key] = value;
            }

            return obj;
        }
    }
}
