using System.Text.Json;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.BuildTasks.Results;
namespace Guardrails.Cli.Tests;

/// <summary>
/// `guardrails policy diff --inventory` against the truth: an estate of repositories is checked by the build's
/// engine under the policy in force (their audit records go into an inventory), the diff predicts which repositories
/// the new revision breaks, and then every repository is checked again by the engine under the new revision. The
/// changes are ones a matcher by entry name gets wrong: a deny of a version range, an approval moved into a route, a
/// deny of a wildcard MCP host, a waiver that expires and a narrowed assistant version range.
/// </summary>
public sealed class EstateReplayTests
{
    private const string At = "2026-12-03";

    private const string OldPolicy = """
        {
          "policyFormat": "1.0",
          "policyId": "estate",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "requireManifest": true },
          "dataClasses": ["public", "internal", "confidential"],
          "tiers": { "standard": { "maxDataClass": "confidential" } },
          "assistants": [
            { "id": "claude-code", "versions": "[2.0,3.0)", "models": { "allow": ["claude-sonnet-4*"] },
              "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2030-01-01" } }
          ],
          "mcpServers": {
            "allow": [ { "id": "contoso-mcp", "url": "https://*.mcp.contoso.example/*" } ]
          },
          "packages": {
            "approved": [
              { "id": "Anthropic", "versions": "[10.0,13.0)" },
              { "id": "OpenAI" },
              { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" }
            ],
            "denied": [ { "id": "Shady.Llm.*", "reason": "no data-processing agreement" } ]
          },
          "waivers": [
            { "id": "WVR-1", "rule": "GRD114", "subject": "claude-code/claude-haiku-4*", "approvedBy": "sec@example.test",
              "approvedAt": "2026-11-01", "expiresAt": "2030-01-01", "reason": "latency evaluation" }
          ]
        }
        """;

    /// <summary>
    /// Revision 2: claude-code only from 2.5; a wildcard MCP host denied inside the approved one; Anthropic 12.0-12.1
    /// denied; OpenAI and Azure.AI.OpenAI approved only as the azure-openai route; the waiver ends on 2026-12-01.
    /// </summary>
    private const string NewPolicy = """
        {
          "policyFormat": "1.0",
          "policyId": "estate",
          "revision": 2,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "requireManifest": true },
          "dataClasses": ["public", "internal", "confidential"],
          "tiers": { "standard": { "maxDataClass": "confidential" } },
          "assistants": [
            { "id": "claude-code", "versions": "[2.5,3.0)", "models": { "allow": ["claude-sonnet-4*"] },
              "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2030-01-01" } }
          ],
          "mcpServers": {
            "allow": [ { "id": "contoso-mcp", "url": "https://*.mcp.contoso.example/*" } ],
            "deny": [ { "id": "eu-mcp", "url": "https://*.eu.mcp.contoso.example/*", "reason": "data residency" } ]
          },
          "packages": {
            "approved": [ { "id": "Anthropic", "versions": "[10.0,13.0)" } ],
            "denied": [
              { "id": "Shady.Llm.*", "reason": "no data-processing agreement" },
              { "id": "Anthropic*", "versions": "[12.0,12.2)", "reason": "CVE in 12.0 and 12.1" }
            ]
          },
          "routes": [
            { "id": "azure-openai", "packages": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ], "endpoints": ["*.openai.azure.com"] }
          ],
          "waivers": [
            { "id": "WVR-1", "rule": "GRD114", "subject": "claude-code/claude-haiku-4*", "approvedBy": "sec@example.test",
              "approvedAt": "2026-11-01", "expiresAt": "2026-12-01", "reason": "latency evaluation" }
          ]
        }
        """;

    /// <summary>name, assistant version, models, MCP server URL, packages (id/version, with a dependency "a/1.0&gt;b/2.0"), waivers claimed.</summary>
    private static readonly (string Name, string Version, string[] Models, string? Mcp, string[] Packages, string[] Waivers)[] Estate =
    {
        ("anthropic-12-1", "2.6", new[] { "claude-sonnet-4" }, null, new[] { "Anthropic/12.1.0" }, Array.Empty<string>()),
        ("anthropic-11", "2.6", new[] { "claude-sonnet-4" }, null, new[] { "Anthropic/11.0.0" }, Array.Empty<string>()),
        ("azure-route", "2.6", new[] { "claude-sonnet-4" }, null, new[] { "Azure.AI.OpenAI/2.1.0>OpenAI/2.1.0" }, Array.Empty<string>()),
        ("openai-direct", "2.6", new[] { "claude-sonnet-4" }, null, new[] { "OpenAI/2.1.0" }, Array.Empty<string>()),
        ("mcp-eu", "2.6", new[] { "claude-sonnet-4" }, "https://billing.eu.mcp.contoso.example/sse", Array.Empty<string>(), Array.Empty<string>()),
        ("mcp-docs", "2.6", new[] { "claude-sonnet-4" }, "https://docs.mcp.contoso.example/sse", Array.Empty<string>(), Array.Empty<string>()),
        ("haiku-waived", "2.6", new[] { "claude-haiku-4" }, null, Array.Empty<string>(), new[] { "WVR-1" }),
        ("old-claude", "2.1", new[] { "claude-sonnet-4" }, null, Array.Empty<string>(), Array.Empty<string>()),
        ("already-failing", "2.6", new[] { "claude-sonnet-4" }, null, new[] { "Shady.Llm.Client/1.0.0" }, Array.Empty<string>()),
    };

    [Fact]
    public void Diff_predicts_exactly_the_repositories_whose_check_then_fails_under_the_new_revision()
    {
        using var root = new TempRepo();
        string oldPolicy = root.Write("policy/v1.json", OldPolicy);
        string newPolicy = root.Write("policy/v2.json", NewPolicy);
        Assert.Equal(0, CliRun.Of("policy", "validate", newPolicy).ExitCode);
        DateTimeOffset at = DateTimeOffset.Parse(At + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var failedBefore = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var repo in Estate)
        {
            CheckRequest request = Lay(root, repo, oldPolicy, at);
            CheckResult result = GuardrailsChecker.Run(request);
            if (result.Findings.Any(f => f.IsError(result.Enforce)))
            {
                failedBefore.Add(Repository(repo.Name));
            }

            root.Write("artifacts/" + repo.Name + "/guardrails.audit.json", AuditRecord.Build(request, result, "test", new BuildProvenance()));
        }

        Assert.Equal(new[] { Repository("already-failing") }, failedBefore);
        string db = Path.Combine(root.Root, "estate.db");
        Assert.Equal(0, CliRun.Of("inventory", Path.Combine(root.Root, "artifacts"), "--db", db, "--format", "json", "-o", Path.Combine(root.Root, "inv.json")).ExitCode);

        CliRun diff = CliRun.Of("policy", "diff", oldPolicy, newPolicy, "--inventory", db, "--at", At, "--format", "json");

        using JsonDocument doc = JsonDocument.Parse(diff.Out);
        var predicted = new SortedSet<string>(doc.RootElement.GetProperty("breaks").EnumerateArray().Select(b => b.GetProperty("repository").GetString()!), StringComparer.Ordinal);
        Assert.Equal(Estate.Length, doc.RootElement.GetProperty("repositoriesEvaluated").GetInt32());

        // The truth: the engine checks every repository again, under the new revision.
        var failsAfter = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var repo in Estate)
        {
            CheckResult result = GuardrailsChecker.Run(Lay(root, repo, newPolicy, at));
            if (result.Findings.Any(f => f.IsError(result.Enforce)))
            {
                failsAfter.Add(Repository(repo.Name));
            }
        }

        failsAfter.ExceptWith(failedBefore);
        Assert.Equal(failsAfter, predicted);
        Assert.Equal(new[] { "anthropic-12-1", "haiku-waived", "mcp-eu", "old-claude", "openai-direct" }.Select(Repository), predicted);
        Assert.Equal(1, diff.ExitCode);

        // Each break names the build's own error: the rule and what it is about.
        var rules = doc.RootElement.GetProperty("breaks").EnumerateArray().Select(b => b.GetProperty("repository").GetString() + " " + b.GetProperty("rule").GetString() + " " + b.GetProperty("subject").GetString()).ToList();
        Assert.Contains(Repository("anthropic-12-1") + " GRD202 Anthropic", rules);
        Assert.Contains(Repository("openai-direct") + " GRD201 OpenAI", rules);
        Assert.Contains(rules, r => r.StartsWith(Repository("mcp-eu") + " GRD115 ", StringComparison.Ordinal));
        Assert.Contains(Repository("old-claude") + " GRD113 claude-code", rules);
        Assert.Contains(Repository("haiku-waived") + " GRD114 claude-code/claude-haiku-4", rules);
    }

    [Fact]
    public void Diff_of_an_unchanged_revision_breaks_nothing_even_where_a_build_already_fails()
    {
        using var root = new TempRepo();
        string oldPolicy = root.Write("policy/v1.json", OldPolicy);
        DateTimeOffset at = DateTimeOffset.Parse(At + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var repo = Estate.Single(e => e.Name == "already-failing");
        CheckRequest request = Lay(root, repo, oldPolicy, at);
        root.Write("artifacts/a/guardrails.audit.json", AuditRecord.Build(request, GuardrailsChecker.Run(request), "test", new BuildProvenance()));
        string db = Path.Combine(root.Root, "estate.db");
        Assert.Equal(0, CliRun.Of("inventory", Path.Combine(root.Root, "artifacts"), "--db", db, "--format", "json", "-o", Path.Combine(root.Root, "inv.json")).ExitCode);

        CliRun diff = CliRun.Of("policy", "diff", oldPolicy, root.Write("policy/v1-copy.json", OldPolicy), "--inventory", db, "--at", At);

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("Re-evaluated 1 known build(s)", diff.Out);
        Assert.Contains("No known repository in the inventory would break.", diff.Out);
    }

    /// <summary>
    /// The decommission view replays the estate once, holding every revision in memory and reading each once; the
    /// reference is the per-entry replay: for every entry, its revision written to disk and `policy diff --inventory`
    /// run on it alone, and the engine's own check of every repository under that revision. Over a generated estate
    /// (assistant versions, models, MCP hosts, packages with chains, claimed waivers, Audit builds) all three must name
    /// the same repositories for every entry, and the one-pass view the same rule, subject and message.
    /// </summary>
    [Fact]
    public void Decommission_in_one_pass_names_the_same_breaks_as_the_per_entry_replay_over_a_generated_estate()
    {
        using var root = new TempRepo();
        string oldPolicy = root.Write("policy/v1.json", OldPolicy);
        DateTimeOffset at = DateTimeOffset.Parse(At + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(15);
        string[] versions = { "2.1", "2.6", "2.9" };
        string[] models = { "claude-sonnet-4", "claude-haiku-4", "claude-opus-4" };
        string?[] mcps = { null, "https://docs.mcp.contoso.example/sse", "https://billing.eu.mcp.contoso.example/sse", "https://tools.elsewhere.example/sse" };
        string[] packages = { "Anthropic/11.0.0", "Anthropic/12.1.0", "OpenAI/2.1.0", "Azure.AI.OpenAI/2.1.0>OpenAI/2.1.0", "Shady.Llm.Client/1.0.0" };
        var estate = new List<((string Name, string Version, string[] Models, string? Mcp, string[] Packages, string[] Waivers) Repo, string Mode)>();
        for (int i = 0; i < 24; i++)
        {
            var repo = ("generated-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), versions[random.Next(versions.Length)],
                models.Where(_ => random.Next(3) == 0).DefaultIfEmpty(models[0]).ToArray(), mcps[random.Next(mcps.Length)],
                packages.Where(_ => random.Next(3) == 0).ToArray(), random.Next(2) == 0 ? new[] { "WVR-1" } : Array.Empty<string>());
            estate.Add((repo, random.Next(6) == 0 ? "Audit" : "Enforce"));
        }

        CheckRequest Check((string Name, string Version, string[] Models, string? Mcp, string[] Packages, string[] Waivers) repo, string mode, string policy)
        {
            CheckRequest request = Lay(root, repo, policy, at);
            request.Mode = mode;
            return request;
        }

        // A break is an error the build did not have before (by rule and subject): one it already has is not news.
        static HashSet<string> Errors(CheckResult result) =>
            result.Findings.Where(f => f.IsError(result.Enforce)).Select(f => f.Rule.Id + "|" + (f.Subject ?? f.Message)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errorsBefore = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (repo, mode) in estate)
        {
            CheckRequest request = Check(repo, mode, oldPolicy);
            CheckResult result = GuardrailsChecker.Run(request);
            errorsBefore[repo.Name] = Errors(result);

            root.Write("artifacts/" + repo.Name + "/guardrails.audit.json", AuditRecord.Build(request, result, "test", new BuildProvenance()));
        }

        string db = Path.Combine(root.Root, "estate.db");
        string report = Path.Combine(root.Root, "inv.json");
        Assert.Equal(0, CliRun.Of("inventory", Path.Combine(root.Root, "artifacts"), "--db", db, "--format", "json", "-o", report, "--now", At, "--policy", oldPolicy).ExitCode);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        List<JsonElement> items = doc.RootElement.GetProperty("decommission").EnumerateArray().ToList();
        Assert.Contains(items, d => d.GetProperty("type").GetString() == "assistant");
        Assert.Contains(items, d => d.GetProperty("type").GetString() == "model");
        Assert.Contains(items, d => d.GetProperty("type").GetString() == "package");

        static string Break(JsonElement b) => string.Join("|", new[] { "repository", "project", "rule", "subject", "because" }.Select(p => b.GetProperty(p).GetString()));
        var repositoriesBroken = new HashSet<string>(StringComparer.Ordinal);
        int entriesBreakingSome = 0, entriesSparingSome = 0;
        foreach (JsonElement item in items)
        {
            string type = item.GetProperty("type").GetString()!, id = item.GetProperty("id").GetString()!;
            Assert.NotNull(Inventory.Decommission.Revision(Guardrails.Core.Json.JsonReader.Parse(OldPolicy), type, id, out string revision));
            string revisionPath = root.Write("revoke/" + items.IndexOf(item) + "/" + Inventory.Decommission.RevisedName(oldPolicy), revision);
            string[] onePass = item.GetProperty("breaks").EnumerateArray().Select(Break).OrderBy(x => x, StringComparer.Ordinal).ToArray();

            // The per-entry replay: this revision alone, read from disk by `policy diff`.
            CliRun diff = CliRun.Of("policy", "diff", oldPolicy, revisionPath, "--inventory", db, "--at", At, "--format", "json");
            using JsonDocument perEntry = JsonDocument.Parse(diff.Out);
            Assert.Equal(string.Join("\n", perEntry.RootElement.GetProperty("breaks").EnumerateArray().Select(Break).OrderBy(x => x, StringComparer.Ordinal)), string.Join("\n", onePass));
            Assert.Equal(estate.Count, item.GetProperty("evaluated").GetInt32());

            // The truth: the engine checks every repository under this revision.
            var failsAfter = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (repo, mode) in estate)
            {
                if (!Errors(GuardrailsChecker.Run(Check(repo, mode, revisionPath))).IsSubsetOf(errorsBefore[repo.Name]))
                {
                    failsAfter.Add(Repository(repo.Name));
                }
            }

            var predicted = new SortedSet<string>(item.GetProperty("breaks").EnumerateArray().Select(b => b.GetProperty("repository").GetString()!), StringComparer.Ordinal);
            Assert.True(failsAfter.SetEquals(predicted), type + ":" + id + " predicted " + string.Join(", ", predicted) + "; the check fails " + string.Join(", ", failsAfter));
            repositoriesBroken.UnionWith(predicted);
            entriesBreakingSome += predicted.Count > 0 ? 1 : 0;
            entriesSparingSome += predicted.Count < estate.Count ? 1 : 0;
        }

        // Not a vacuous comparison: entries break some repositories and spare others.
        Assert.True(entriesBreakingSome >= 4, "entries that break something: " + entriesBreakingSome);
        Assert.True(entriesSparingSome >= 4, "entries that spare someone: " + entriesSparingSome);
        Assert.True(repositoriesBroken.Count >= 8, "repositories some revocation breaks: " + repositoriesBroken.Count);
    }

    private static string Repository(string name) => "github.com/contoso/" + name;

    /// <summary>Writes the repository (manifest, restored assets file) and returns the check the build would run.</summary>
    private static CheckRequest Lay(TempRepo root, (string Name, string Version, string[] Models, string? Mcp, string[] Packages, string[] Waivers) repo, string policy, DateTimeOffset at)
    {
        string dir = "repos/" + repo.Name + "/";
        string mcp = repo.Mcp == null ? string.Empty : ", \"mcpServers\": [ { \"url\": \"" + repo.Mcp + "\" } ]";
        string manifest = root.Write(dir + "ai-assistants.json", $$"""
            {
              "manifestFormat": "1.0",
              "repository": "{{Repository(repo.Name)}}",
              "tier": "standard",
              "dataClass": "internal",
              "owner": { "team": "{{repo.Name}}-team", "contact": "{{repo.Name}}@example.test" },
              "waivers": [{{string.Join(", ", repo.Waivers.Select(w => "\"" + w + "\""))}}],
              "assistants": [ { "id": "claude-code", "version": "{{repo.Version}}", "models": [{{string.Join(", ", repo.Models.Select(m => "\"" + m + "\""))}}]{{mcp}} } ]
            }
            """);
        var libraries = new List<string>();
        var direct = new List<string>();
        foreach (string spec in repo.Packages)
        {
            string[] chain = spec.Split('>');
            for (int i = 0; i < chain.Length; i++)
            {
                string[] idVersion = chain[i].Split('/');
                string deps = i + 1 < chain.Length ? "\"" + chain[i + 1].Split('/')[0] + "\": \"" + chain[i + 1].Split('/')[1] + "\"" : string.Empty;
                libraries.Add("\"" + chain[i] + "\": { \"type\": \"package\", \"dependencies\": { " + deps + " } }");
                if (i == 0)
                {
                    direct.Add("\"" + idVersion[0] + "\": { \"target\": \"Package\", \"version\": \"[" + idVersion[1] + ", )\" }");
                }
            }
        }

        string assets = root.Write(dir + "obj/project.assets.json", "{ \"version\": 3, \"targets\": { \"net8.0\": { " + string.Join(", ", libraries) +
            " } }, \"project\": { \"frameworks\": { \"net8.0\": { \"targetAlias\": \"net8.0\", \"dependencies\": { " + string.Join(", ", direct) + " } } } } }");
        return new CheckRequest
        {
            ProjectPath = root.Write(dir + repo.Name + ".csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"),
            PolicyPath = policy,
            ManifestPath = manifest,
            ProjectAssetsFile = assets,
            Mode = "Enforce",
            Now = at,
            CheckFootprints = false,
        };
    }
}
