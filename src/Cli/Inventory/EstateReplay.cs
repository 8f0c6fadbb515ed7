using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;
using Microsoft.Data.Sqlite;

namespace Guardrails.Cli.Inventory;

/// <summary>A repository's build that a policy revision would fail: the build's own error, and who owns it.</summary>
internal sealed record Breakage(string Repository, string? Owner, string? Contact, string Project, string Rule, string Subject, string Because);

/// <summary>
/// Which known repositories a policy revision would break, decided by the build's own check: each repository's latest
/// recorded uses (<see cref="RecordedUses"/>) are run through the task engine (<see cref="GuardrailsChecker"/>: the
/// manifest evaluation, the package gate on the recorded versions and chains through Core's PolicyVerdicts, waivers),
/// once under the revision in force and once under the new one. A repository breaks when the new revision gives it an
/// error the old one did not (a build that already fails is not broken by the change), in the mode the build ran in.
/// The AI endpoints the code uses (audit 1.3 "endpoints", the analyzers' GRD008) are judged by the same evaluator the
/// analyzers ask (PolicyVerdicts.Host under the effective policy the check derives): an endpoint the revision no longer
/// lets pass is the build's GRD004. Footprints are not re-read (the record keeps their findings, not the files), and a
/// record without an endpoint list (before 1.3, or incomplete) predicts no GRD004.
/// </summary>
internal static class EstateReplay
{
    /// <summary>Per repository and project: what could not be re-evaluated (e.g. only an AI-BOM is known).</summary>
    public sealed record Result(List<Breakage> Breaks, List<string> NotEvaluated, int Evaluated);

    public static Result WouldBreak(string dbPath, string oldPolicy, string newPolicy, DateTimeOffset at) =>
        WouldBreakEach(dbPath, oldPolicy, new[] { newPolicy }, at)[0];

    /// <summary>
    /// <see cref="WouldBreak"/> for several revisions at once against the same estate: each repository's build under
    /// the revision in force is evaluated once (the decommission view asks this for every revocable entry).
    /// </summary>
    public static List<Result> WouldBreakEach(string dbPath, string oldPolicy, IReadOnlyList<string> newPolicies, DateTimeOffset at)
    {
        var breaks = newPolicies.Select(_ => new List<Breakage>()).ToList();
        var skipped = new List<string>();
        int evaluated = 0;
        string work = Path.Combine(Path.GetTempPath(), "guardrails-replay-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            using InventoryStore store = InventoryStore.Open(dbPath);
            foreach ((string repo, string project, string? owner, string? contact, string? uses) in Latest(store.Connection))
            {
                JsonNode? u = uses == null ? null : JsonReader.TryParse(uses, out _);
                if (u == null || !u.IsObject)
                {
                    skipped.Add(repo + " (" + project + ")");
                    continue;
                }

                evaluated++;
                string dir = Path.Combine(work, evaluated.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(dir);
                Dictionary<string, (string Rule, string Subject, string Message)> before = Errors(u, oldPolicy, at, dir);
                for (int i = 0; i < newPolicies.Count; i++)
                {
                    foreach (KeyValuePair<string, (string Rule, string Subject, string Message)> e in Errors(u, newPolicies[i], at, dir))
                    {
                        if (!before.ContainsKey(e.Key))
                        {
                            breaks[i].Add(new Breakage(repo, owner, contact, project, e.Value.Rule, e.Value.Subject, e.Value.Message));
                        }
                    }
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        foreach (List<Breakage> list in breaks)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Repository + "|" + a.Project + "|" + a.Rule + "|" + a.Subject, b.Repository + "|" + b.Project + "|" + b.Rule + "|" + b.Subject));
        }

        return breaks.Select(list => new Result(list, skipped, evaluated)).ToList();
    }

    /// <summary>The latest record per repository and project that says what the build used.</summary>
    private static IEnumerable<(string Repo, string Project, string? Owner, string? Contact, string? Uses)> Latest(SqliteConnection db)
    {
        using SqliteCommand q = db.CreateCommand();
        q.CommandText = "SELECT r.repository, r.project, r.owner_team, r.owner_contact, r.uses FROM records r " +
            "WHERE r.id = (SELECT r2.id FROM records r2 WHERE r2.repository = r.repository AND r2.project = r.project ORDER BY r2.uses IS NULL, r2.built_at DESC, r2.id DESC LIMIT 1) " +
            "ORDER BY r.repository, r.project";
        using SqliteDataReader r = q.ExecuteReader();
        var rows = new List<(string, string, string?, string?, string?)>();
        while (r.Read())
        {
            rows.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        }

        return rows;
    }

    /// <summary>The errors the build would report under <paramref name="policyPath"/>, keyed by rule and subject.</summary>
    private static Dictionary<string, (string Rule, string Subject, string Message)> Errors(JsonNode uses, string policyPath, DateTimeOffset at, string dir)
    {
        string project = uses["project"]?.Text ?? "project";
        var request = new CheckRequest
        {
            ProjectPath = Path.Combine(dir, SafeName(project) + ".csproj"),
            PolicyPath = policyPath,
            Mode = uses["mode"]?.Text,
            Now = at,
            CheckFootprints = false,
        };
        JsonNode? manifest = uses["manifest"];
        if (manifest != null && manifest.IsObject)
        {
            request.ManifestPath = Path.Combine(dir, "ai-assistants.json");
            File.WriteAllText(request.ManifestPath, Copy(manifest));
        }

        var packages = new List<DeclaredPackage>();
        foreach (JsonNode p in uses["packages"]?.Items ?? Array.Empty<JsonNode>())
        {
            List<string>? chain = p["chain"] is JsonNode c && c.IsArray ? c.Items.Select(x => x.Text ?? string.Empty).ToList() : null;
            packages.Add(new DeclaredPackage(p["id"]?.Text ?? "?", p["version"]?.Text ?? string.Empty, request.ProjectPath, 0, 0, chain));
        }

        request.DeclaredPackages = packages;
        request.DeclaredPackagesOrigin = "restored, as the audit record gives it";
        CheckResult result = GuardrailsChecker.Run(request);
        var errors = new Dictionary<string, (string, string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (Finding f in result.Findings)
        {
            if (f.IsError(result.Enforce))
            {
                string subject = f.Subject ?? f.Message;
                errors.TryAdd(f.Rule.Id + "|" + subject, (f.Rule.Id, subject, f.Message));
            }
        }

        // GRD004 as the analyzers decide it: each recorded host under the effective policy this check derived.
        Guardrails.Core.Policy.PolicyVerdicts? verdicts = result.Enforce ? Guardrails.Core.Policy.PolicyVerdicts.From(result.Effective) : null;
        foreach (JsonNode h in verdicts == null ? Array.Empty<JsonNode>() : uses["endpoints"]?.Items ?? Array.Empty<JsonNode>())
        {
            string? host = h.Text;
            Guardrails.Core.Policy.Decision? decision = host == null ? null : verdicts!.Host(host);
            if (decision != null && !decision.Passes)
            {
                errors.TryAdd(Guardrails.Core.Rules.RuleIds.UnapprovedEndpoint + "|" + host, (Guardrails.Core.Rules.RuleIds.UnapprovedEndpoint, host!, host + ": " + decision.Reason));
            }
        }

        return errors;
    }

    private static string Copy(JsonNode node) => JsonWriter.Write(Guardrails.BuildTasks.Reports.AuditRecord.ToObject(node));

    private static string SafeName(string project)
    {
        char[] bad = Path.GetInvalidFileNameChars();
        string name = new(project.Select(ch => Array.IndexOf(bad, ch) >= 0 ? '_' : ch).ToArray());
        return name.Length == 0 ? "project" : name;
    }
}
