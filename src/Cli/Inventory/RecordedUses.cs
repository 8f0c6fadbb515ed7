using Guardrails.BuildTasks.Reports;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Inventory;

/// <summary>
/// What one build used, taken from its audit record in the shape the build's own check reads it, so that a policy
/// revision can be held against the estate by the same code (<see cref="EstateReplay"/>): the team manifest as the
/// record describes it (repository, tier, data class, owner, claimed waivers, assistants with version, models,
/// credential reference, permissions and MCP servers), the AI SDK packages with version and chain, and the mode the
/// build ran in. Stored with the record in the inventory.
/// </summary>
internal static class RecordedUses
{
    public static string FromAudit(JsonNode root, string project)
    {
        var uses = AuditRecord.Obj(
            ("project", project),
            ("mode", S(root["mode"]?["effective"]) ?? "Enforce"),
            ("manifest", Manifest(root)),
            ("packages", Packages(root)),
            ("endpoints", Endpoints(root)));
        return JsonWriter.Write(uses);
    }

    private static object? Manifest(JsonNode root)
    {
        JsonNode? m = root["manifest"];
        if (m == null || !m.IsObject)
        {
            return null;
        }

        List<JsonNode> components = Items(root["components"]).ToList();
        var assistants = new List<object?>();
        foreach (JsonNode a in components.Where(c => S(c["type"]) == "assistant"))
        {
            string id = S(a["id"]) ?? "?";
            var entry = AuditRecord.Obj(("id", id));
            if (S(a["version"]) is string version)
            {
                entry["version"] = version;
            }

            if (S(a["credentialRef"]) is string credential)
            {
                entry["credentialRef"] = credential;
            }

            var permissions = JsonWriter.Object();
            foreach (JsonNode p in Items(a["permissions"]))
            {
                if (S(p) is string name)
                {
                    permissions[name] = true;
                }
            }

            if (permissions.Count > 0)
            {
                entry["permissions"] = permissions;
            }

            List<object?> models = components.Where(c => S(c["type"]) == "model" && Same(S(c["assistant"]), id)).Select(c => (object?)(S(c["id"]) ?? "?")).ToList();
            if (models.Count > 0)
            {
                entry["models"] = models;
            }

            List<object?> servers = components.Where(c => S(c["type"]) == "mcpServer" && Same(S(c["assistant"]), id)).Select(Server).ToList();
            if (servers.Count > 0)
            {
                entry["mcpServers"] = servers;
            }

            assistants.Add(entry);
        }

        var manifest = AuditRecord.Obj(("manifestFormat", "1.0"), ("assistants", assistants));
        if (S(root["repository"]) is string repository)
        {
            manifest["repository"] = repository;
        }

        if (S(m["tier"]) is string tier)
        {
            manifest["tier"] = tier;
        }

        if (S(m["dataClass"]) is string dataClass)
        {
            manifest["dataClass"] = dataClass;
        }

        JsonNode? owner = m["owner"];
        if (owner != null && owner.IsObject)
        {
            var o = JsonWriter.Object();
            foreach (string field in new[] { "team", "contact" })
            {
                if (S(owner[field]) is string value)
                {
                    o[field] = value;
                }
            }

            manifest["owner"] = o;
        }

        List<object?> waivers = Items(m["waiversClaimed"]).Select(S).Where(w => w != null).Select(w => (object?)w).ToList();
        if (waivers.Count > 0)
        {
            manifest["waivers"] = waivers;
        }

        return manifest;
    }

    /// <summary>The server as declared (1.2 "server"); for older records the policy id, or the URL when the identity is one.</summary>
    private static object? Server(JsonNode component)
    {
        JsonNode? declared = component["server"];
        if (declared != null && declared.IsObject)
        {
            var d = JsonWriter.Object();
            foreach (string field in new[] { "id", "url", "package", "version", "sha256" })
            {
                if (S(declared[field]) is string value)
                {
                    d[field] = value;
                }
            }

            if (declared["command"] is JsonNode command && command.IsArray)
            {
                d["command"] = command.Items.Select(x => (object?)(x.Text ?? string.Empty)).ToList();
            }

            return d.Count == 1 && d.ContainsKey("id") ? d["id"] : d;
        }

        string? identity = S(component["identity"]);
        return identity != null && identity.Contains("://", StringComparison.Ordinal)
            ? AuditRecord.Obj(("id", S(component["id"])), ("url", identity))
            : S(component["id"]) ?? "?";
    }

    private static List<object?> Packages(JsonNode root)
    {
        var list = new List<object?>();
        foreach (JsonNode p in Items(root["components"]).Where(c => S(c["type"]) == "package"))
        {
            string id = S(p["id"]) ?? "?";
            List<object?> chain = Items(p["chain"]).Select(S).Where(x => x != null).Select(x => (object?)x).ToList();
            list.Add(AuditRecord.Obj(
                ("id", id),
                ("version", S(p["version"]) ?? string.Empty),
                ("chain", chain.Count > 0 ? chain : null),
                ("direct", p["direct"]?.Kind == JsonKind.True)));
        }

        return list;
    }

    /// <summary>The AI endpoints the code used (audit 1.3 "endpoints"), hosts only; null when the record does not list them.</summary>
    private static List<object?>? Endpoints(JsonNode root)
    {
        JsonNode? reach = root["endpoints"];
        if (reach == null || !reach.IsObject)
        {
            return null;
        }

        return Items(reach["hosts"]).Select(h => S(h["host"])).Where(h => h != null).Select(h => (object?)h).ToList();
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? S(JsonNode? n) => n == null || n.Kind == JsonKind.Null ? null : n.Text;

    private static IEnumerable<JsonNode> Items(JsonNode? n) => n != null && n.IsArray ? n.Items : Array.Empty<JsonNode>();
}
