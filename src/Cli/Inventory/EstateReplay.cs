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
/// error (rule and subject) the old one did not, in the mode the build ran in: an error it already has is not a break, so
/// an unchanged revision breaks nothing, and a build that already fails is listed only for a new error.
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
    /// <see cref="WouldBreak"/> for several revisions at once against the same estate, in one pass over the estate: each
    /// repository's recorded build is read and its manifest materialized once, evaluated once under the revision in force
    /// and then under each revision (the decommission view asks this for every revocable entry). Nothing is written to
    /// disk: the recorded manifest, and any revision in <paramref name="held"/> (by path), reach the check from memory
    /// (<see cref="CheckRequest.HeldFiles"/>); a path not held is read from disk by the check, as in a build.
    /// </summary>
    public static List<Result> WouldBreakEach(string dbPath, string oldPolicy, IReadOnlyList<string> newPolicies, DateTimeOffset at,
        IReadOnlyDictionary<string, LoadedFile>? held = null)
    {
        var breaks = newPolicies.Select(_ => new List<Breakage>()).ToList();
        var skipped = new List<string>();
        int evaluated = 0;
        var files = new Dictionary<string, LoadedFile>(held ?? new Dictionary<string, LoadedFile>(), StringComparer.Ordinal);
        var reads = new ReadCache();

        // A folder that is never created: the recorded build's project and manifest are only names here.
        string work = Path.Combine(Path.GetTempPath(), "guardrails-replay-" + Guid.NewGuid().ToString("N")[..12]);
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
            var build = new RecordedBuild(u, Path.Combine(work, evaluated.ToString(System.Globalization.CultureInfo.InvariantCulture)), files, reads);
            Dictionary<string, (string Rule, string Subject, string Message)> before = build.Errors(oldPolicy, at);
            for (int i = 0; i < newPolicies.Count; i++)
            {
                foreach (KeyValuePair<string, (string Rule, string Subject, string Message)> e in build.Errors(newPolicies[i], at))
                {
                    if (!before.ContainsKey(e.Key))
                    {
                        breaks[i].Add(new Breakage(repo, owner, contact, project, e.Value.Rule, e.Value.Subject, e.Value.Message));
                    }
                }
            }

            build.Release();
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

    /// <summary>One recorded build in the shape the check reads it: its project and manifest named under a folder that is
    /// never created, the manifest held in memory.</summary>
    private sealed class RecordedBuild
    {
        private readonly JsonNode _uses;
        private readonly string _projectPath;
        private readonly string? _manifestPath;
        private readonly Dictionary<string, LoadedFile> _files;
        private readonly ReadCache _reads;
        private readonly List<DeclaredPackage> _packages = new();

        public RecordedBuild(JsonNode uses, string dir, Dictionary<string, LoadedFile> files, ReadCache reads)
        {
            _uses = uses;
            _files = files;
            _reads = reads;
            _projectPath = Path.Combine(dir, SafeName(uses["project"]?.Text ?? "project") + ".csproj");
            JsonNode? manifest = uses["manifest"];
            if (manifest != null && manifest.IsObject)
            {
                _manifestPath = Path.Combine(dir, "ai-assistants.json");
                files[_manifestPath] = LoadedFile.FromBytes(_manifestPath, System.Text.Encoding.UTF8.GetBytes(Copy(manifest)));
            }

            foreach (JsonNode p in uses["packages"]?.Items ?? Array.Empty<JsonNode>())
            {
                List<string>? chain = p["chain"] is JsonNode c && c.IsArray ? c.Items.Select(x => x.Text ?? string.Empty).ToList() : null;
                _packages.Add(new DeclaredPackage(p["id"]?.Text ?? "?", p["version"]?.Text ?? string.Empty, _projectPath, 0, 0, chain));
            }
        }

        /// <summary>Drops the held manifest once every revision has been evaluated (memory stays bounded by one build).</summary>
        public void Release()
        {
            if (_manifestPath != null)
            {
                _files.Remove(_manifestPath);
            }
        }

        /// <summary>The errors the build would report under <paramref name="policyPath"/>, keyed by rule and subject.</summary>
        public Dictionary<string, (string Rule, string Subject, string Message)> Errors(string policyPath, DateTimeOffset at)
        {
            var request = new CheckRequest
            {
                ProjectPath = _projectPath,
                PolicyPath = policyPath,
                Mode = _uses["mode"]?.Text,
                Now = at,
                CheckFootprints = false,
                ManifestPath = _manifestPath,
                HeldFiles = _files,
                PolicyReads = _reads,
                DeclaredPackages = _packages,
                DeclaredPackagesOrigin = "restored, as the audit record gives it",
            };
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
            foreach (JsonNode h in verdicts == null ? Array.Empty<JsonNode>() : _uses["endpoints"]?.Items ?? Array.Empty<JsonNode>())
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
    }

    private static string Copy(JsonNode node) => JsonWriter.Write(Guardrails.BuildTasks.Reports.AuditRecord.ToObject(node));

    private static string SafeName(string project)
    {
        char[] bad = Path.GetInvalidFileNameChars();
        string name = new(project.Select(ch => Array.IndexOf(bad, ch) >= 0 ? '_' : ch).ToArray());
        return name.Length == 0 ? "project" : name;
    }
}
