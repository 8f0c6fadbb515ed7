using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Inventory;

/// <summary>
/// The report's "decommission" view, decided in C# by the same replay <c>policy diff --inventory</c> uses
/// (<see cref="EstateReplay"/>): for every revocable entry the estate uses (assistant, model, MCP server, AI SDK
/// package, endpoint), the policy in force is revoked for that entry alone and each repository's recorded build is run
/// through the build's own check under both; the repositories whose build would then fail, with the rule, are embedded
/// in the report. The page only displays them.
/// </summary>
internal static class Decommission
{
    /// <summary>Entries of these types can be revoked in the policy document.</summary>
    public static readonly string[] Types = { "assistant", "model", "mcpServer", "package", "endpoint" };

    public static List<object?> Compute(string dbPath, string policyPath, IReadOnlyList<SortedDictionary<string, object?>> components, DateTimeOffset at)
    {
        byte[] bytes = File.ReadAllBytes(policyPath);
        JsonNode? root = JsonReader.TryParse(System.Text.Encoding.UTF8.GetString(bytes), out _);
        var items = new List<object?>();
        if (root == null || !root.IsObject)
        {
            return items;
        }

        // The policy in force and each revision are held in memory (named under a folder that is never created): the
        // replay reads the policy once, not once per build, and writes nothing to disk.
        string work = Path.Combine(Path.GetTempPath(), "guardrails-decommission-" + Guid.NewGuid().ToString("N")[..12]);
        string inForce = Path.GetFullPath(policyPath);
        var held = new Dictionary<string, LoadedFile>(StringComparer.Ordinal) { [inForce] = LoadedFile.FromBytes(inForce, bytes) };
        var targets = new List<(SortedDictionary<string, object?> Component, string Policy, string Revocation)>();
        foreach (SortedDictionary<string, object?> c in components)
        {
            string type = (string)c["type"]!, id = (string)c["id"]!;
            if (!Types.Contains(type))
            {
                continue;
            }

            string? revocation = Revision(root, type, id, out string revised);
            if (revocation == null)
            {
                continue;
            }

            // Messages name the file and a line of the revised document (rewritten, so its lines are not the policy's):
            // "<policy>.revised.json", each in its own folder.
            string file = Path.Combine(work, targets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), RevisedName(inForce));
            held[file] = LoadedFile.FromBytes(file, System.Text.Encoding.UTF8.GetBytes(revised));
            targets.Add((c, file, revocation));
        }

        List<EstateReplay.Result> results = EstateReplay.WouldBreakEach(dbPath, inForce, targets.Select(t => t.Policy).ToList(), at, held);
        for (int i = 0; i < targets.Count; i++)
        {
            EstateReplay.Result r = results[i];
            items.Add(AuditRecord.Obj(
                ("type", targets[i].Component["type"]),
                ("id", targets[i].Component["id"]),
                ("revocation", targets[i].Revocation),
                ("evaluated", r.Evaluated),
                ("notEvaluated", r.NotEvaluated.Select(x => (object?)x).ToList()),
                ("breaks", r.Breaks.Select(b => (object?)AuditRecord.Obj(
                    ("repository", b.Repository), ("project", b.Project), ("owner", b.Owner), ("contact", b.Contact),
                    ("rule", b.Rule), ("subject", b.Subject), ("because", b.Because))).ToList())));
        }

        return items;
    }

    /// <summary>The name the revised policy document goes by in messages: "guardrails.policy.json" gives "guardrails.policy.revised.json".</summary>
    internal static string RevisedName(string policyPath) => Path.GetFileNameWithoutExtension(policyPath) + ".revised.json";

    /// <summary>The policy document <paramref name="policy"/> revoked for the entry alone (<see cref="Revoke"/>), as JSON text; returns what was changed, or null when it cannot be revoked there.</summary>
    internal static string? Revision(JsonNode policy, string type, string id, out string revised)
    {
        var copy = (SortedDictionary<string, object?>)AuditRecord.ToObject(policy)!;
        string? revocation = Revoke(copy, type, id);
        revised = revocation == null ? string.Empty : JsonWriter.Write(copy);
        return revocation;
    }

    /// <summary>Changes <paramref name="policy"/> so that it no longer allows the entry; returns what was changed, or null when it cannot be revoked there.</summary>
    internal static string? Revoke(SortedDictionary<string, object?> policy, string type, string id)
    {
        switch (type)
        {
            case "assistant":
                foreach (SortedDictionary<string, object?> a in Objects(policy, "assistants"))
                {
                    if (Same(a, "id", id))
                    {
                        a.Clear();
                        a["id"] = id;
                        a["status"] = "denied";
                        a["reason"] = "decommissioned";
                        return "assistants: '" + id + "' denied";
                    }
                }

                return null;
            case "model":
                bool any = false;
                foreach (SortedDictionary<string, object?> a in Objects(policy, "assistants"))
                {
                    if (a.TryGetValue("models", out object? m) && m is SortedDictionary<string, object?> models)
                    {
                        if (!(models.TryGetValue("deny", out object? d) && d is List<object?> deny))
                        {
                            models["deny"] = deny = new List<object?>();
                        }

                        deny.Add(id);
                        any = true;
                    }
                }

                return any ? "models: '" + id + "' denied for every assistant" : null;
            case "mcpServer":
                if (Child(policy, "mcpServers") is SortedDictionary<string, object?> mcp && mcp.TryGetValue("allow", out object? allow) && allow is List<object?> list &&
                    list.RemoveAll(e => e is SortedDictionary<string, object?> s && Same(s, "id", id)) > 0)
                {
                    return "mcpServers.allow: '" + id + "' removed";
                }

                return null;
            case "package":
                SortedDictionary<string, object?> packages = Child(policy, "packages") ?? (SortedDictionary<string, object?>)(policy["packages"] = JsonWriter.Object());
                if (packages.TryGetValue("approved", out object? approved) && approved is List<object?> approvedList)
                {
                    approvedList.RemoveAll(e => e is SortedDictionary<string, object?> p && Same(p, "id", id));
                }

                Append(packages, "denied", AuditRecord.Obj(("id", id), ("reason", "decommissioned")));
                return "packages.denied: '" + id + "' added";
            case "endpoint":
                SortedDictionary<string, object?> endpoints = Child(policy, "endpoints") ?? (SortedDictionary<string, object?>)(policy["endpoints"] = JsonWriter.Object());
                Append(endpoints, "denied", id);
                return "endpoints.denied: '" + id + "' added";
            default:
                return null;
        }
    }

    private static void Append(SortedDictionary<string, object?> obj, string key, object? value)
    {
        if (!(obj.TryGetValue(key, out object? v) && v is List<object?> list))
        {
            obj[key] = list = new List<object?>();
        }

        list.Add(value);
    }

    private static SortedDictionary<string, object?>? Child(SortedDictionary<string, object?> obj, string key) =>
        obj.TryGetValue(key, out object? v) ? v as SortedDictionary<string, object?> : null;

    private static IEnumerable<SortedDictionary<string, object?>> Objects(SortedDictionary<string, object?> obj, string key) =>
        obj.TryGetValue(key, out object? v) && v is List<object?> list ? list.OfType<SortedDictionary<string, object?>>() : Enumerable.Empty<SortedDictionary<string, object?>>();

    private static bool Same(SortedDictionary<string, object?> obj, string key, string value) =>
        obj.TryGetValue(key, out object? v) && v is string s && string.Equals(s, value, StringComparison.OrdinalIgnoreCase);
}
