using System.IO.Compression;
using System.Text.Json;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.BuildTasks.Results;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

public sealed class InventoryTests
{
    private static readonly string Estate = Path.Combine(RepoPaths.Root, "samples", "estate");

    private static JsonDocument Json(TempRepo repo, out CliRun run, params string[] paths)
    {
        string out_ = Path.Combine(repo.Root, "inventory-" + Guid.NewGuid().ToString("N")[..6] + ".json");
        run = CliRun.Of(new[] { "inventory" }.Concat(paths).Concat(new[] { "--db", Path.Combine(repo.Root, "inv.db"), "--format", "json", "-o", out_, "--now", "2026-12-03" }).ToArray());
        return JsonDocument.Parse(File.ReadAllText(out_));
    }

    private static JsonElement Component(JsonDocument doc, string type, string id) =>
        doc.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type && c.GetProperty("id").GetString() == id);

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public void Estate_sample_gives_components_with_the_repositories_using_them_and_expiring_waivers()
    {
        using var repo = new TempRepo();
        using JsonDocument doc = Json(repo, out CliRun run, Estate);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, doc.RootElement.GetProperty("repositories").GetArrayLength());
        JsonElement claude = Component(doc, "assistant", "claude-code");
        Assert.Equal(new[] { "github.com/contoso/checkout", "github.com/contoso/payments" }, Strings(claude.GetProperty("repositories")));
        Assert.Equal("dana.security@contoso.example", claude.GetProperty("approvedBy").GetString());
        Assert.Equal("2030-10-02", claude.GetProperty("expiresAt").GetString());
        Assert.Contains("Payments <payments@contoso.example>", Strings(claude.GetProperty("owners")));
        Assert.Equal(new[] { "github.com/contoso/payments" }, Strings(Component(doc, "mcpServer", "github").GetProperty("repositories")));
        Assert.Equal(new[] { "github.com/contoso/checkout" }, Strings(Component(doc, "package", "Azure.AI.OpenAI").GetProperty("repositories")));
        Assert.Contains(doc.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("type").GetString() == "endpoint");
        string[] waivers = doc.RootElement.GetProperty("waiversExpiring").EnumerateArray().Select(w => w.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(new[] { "WVR-7", "WVR-12" }, waivers);
        JsonElement checkout = doc.RootElement.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("repository").GetString() == "github.com/contoso/checkout");
        Assert.Equal("Checkout", checkout.GetProperty("owner").GetString());
        Assert.Equal("azure-pipelines", checkout.GetProperty("ci").GetString());
        Assert.Equal(1, checkout.GetProperty("errors").GetInt32());
        Assert.Contains(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "GRD114" && f.GetProperty("repository").GetString() == "github.com/contoso/checkout");
    }

    /// <summary>Issue 15, "what can it reach": the endpoints the records list (audit 1.3), with the repositories reaching them.</summary>
    [Fact]
    public void Recorded_endpoints_are_listed_with_their_repositories_files_and_status_and_unknown_where_the_record_cannot_say()
    {
        using var repo = new TempRepo();

        // A record from before 1.3 (no endpoint list) next to the sample estate: its endpoints are "not recorded", not none.
        string older = File.ReadAllText(Path.Combine(Estate, "payments", "guardrails.audit.json"))
            .Replace("github.com/contoso/payments", "github.com/contoso/legacy", StringComparison.Ordinal)
            .Replace("\"auditFormat\": \"1.3\"", "\"auditFormat\": \"1.2\"", StringComparison.Ordinal);
        older = older[..older.IndexOf("\"endpoints\"", StringComparison.Ordinal)] + older[older.IndexOf("\"findings\"", StringComparison.Ordinal)..];
        string legacy = repo.Write("legacy/guardrails.audit.json", older);
        using JsonDocument doc = Json(repo, out CliRun run, Estate, legacy);

        Assert.Equal(0, run.ExitCode);
        JsonElement gateway = Component(doc, "endpoint", "ai-gateway.contoso.example");
        Assert.Equal(new[] { "github.com/contoso/checkout" }, Strings(gateway.GetProperty("repositories")));
        Assert.Equal("approved", gateway.GetProperty("status").GetString());
        Assert.Equal(1, gateway.GetProperty("files").GetInt32());
        Assert.Equal(2, Component(doc, "endpoint", "*.openai.azure.com").GetProperty("files").GetInt32());
        Assert.Equal(new[] { "github.com/contoso/legacy", "github.com/contoso/payments" }, Strings(Component(doc, "endpoint", "api.anthropic.com").GetProperty("repositories")));

        var reach = doc.RootElement.GetProperty("repositories").EnumerateArray().ToDictionary(r => r.GetProperty("repository").GetString()!, r => r.GetProperty("endpoints").GetString());
        Assert.Equal("complete", reach["github.com/contoso/checkout"]);
        Assert.Equal("unknown", reach["github.com/contoso/hr-portal"]);
        Assert.Equal("not recorded", reach["github.com/contoso/legacy"]);
        var unknown = doc.RootElement.GetProperty("endpointsUnknown").EnumerateArray().ToDictionary(u => u.GetProperty("repository").GetString()!, u => u.GetProperty("endpoints").GetString()!);
        Assert.Equal(new[] { "github.com/contoso/hr-portal", "github.com/contoso/legacy" }, unknown.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains("analyzers did not run", unknown["github.com/contoso/hr-portal"]);

        CliRun csv = CliRun.Of("inventory", Estate, "--db", Path.Combine(repo.Root, "inv.db"), "--format", "csv", "--now", "2026-12-03");
        Assert.Contains("endpoint,ai-gateway.contoso.example,github.com/contoso/checkout,", csv.Out);
    }

    /// <summary>The decommission view is decided by the replay, not the page: revoke each entry, replay every recorded build.</summary>
    [Fact]
    public void With_the_policy_in_force_every_revocable_entry_says_whose_builds_fail_as_the_build_check_decides()
    {
        using var repo = new TempRepo();
        string policy = Path.Combine(RepoPaths.Root, "samples", "policy", "guardrails.policy.json");
        string out_ = Path.Combine(repo.Root, "inv.json");
        CliRun run = CliRun.Of("inventory", Estate, "--db", Path.Combine(repo.Root, "inv.db"), "--format", "json", "-o", out_, "--now", "2026-12-03", "--policy", policy);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(out_));
        var decommission = doc.RootElement.GetProperty("decommission").EnumerateArray()
            .ToDictionary(d => d.GetProperty("type").GetString() + ":" + d.GetProperty("id").GetString());
        string[] Breaks(string key) => decommission[key].GetProperty("breaks").EnumerateArray()
            .Select(b => b.GetProperty("repository").GetString() + " " + b.GetProperty("rule").GetString()).OrderBy(x => x, StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "github.com/contoso/checkout GRD112", "github.com/contoso/payments GRD112" }, Breaks("assistant:claude-code"));
        Assert.Equal(new[] { "github.com/contoso/checkout GRD004" }, Breaks("endpoint:ai-gateway.contoso.example"));
        Assert.Equal(new[] { "github.com/contoso/payments GRD004", "github.com/contoso/payments GRD202" }, Breaks("package:Anthropic"));
        Assert.Equal(new[] { "github.com/contoso/payments GRD115" }, Breaks("mcpServer:github"));
        Assert.Equal(new[] { "github.com/contoso/checkout GRD114", "github.com/contoso/hr-portal GRD114" }, Breaks("model:gpt-4.1"));
        Assert.Empty(Breaks("endpoint:api.githubcopilot.com")); // an MCP server's address, not an endpoint the code calls
        Assert.Equal("Checkout", decommission["endpoint:ai-gateway.contoso.example"].GetProperty("breaks")[0].GetProperty("owner").GetString());
        // The build's own message, naming the revised document (rewritten: its lines are not the policy file's).
        string because = decommission["assistant:claude-code"].GetProperty("breaks")[0].GetProperty("because").GetString()!;
        Assert.Contains("Assistant 'claude-code' is denied by the policy (guardrails.policy.revised.json line ", because);

        // Without the policy in force nothing is predicted (the page says how to get it).
        using JsonDocument without = Json(repo, out _, Estate);
        Assert.Equal(JsonValueKind.Null, without.RootElement.GetProperty("decommission").ValueKind);
    }

    /// <summary>The CSV has one row per component and repository, and each row says what that repository holds, not the estate's totals.</summary>
    [Fact]
    public void Csv_rows_give_each_repository_its_own_tier_data_class_versions_and_files()
    {
        using var repo = new TempRepo();
        CliRun csv = CliRun.Of("inventory", Estate, "--db", Path.Combine(repo.Root, "inv.db"), "--format", "csv", "-o", "-", "--now", "2026-12-03");

        string[] lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type,id,repository,approvedBy,expiresAt,tiers,dataClasses,status,versions,filesTotal", lines[0]);
        Assert.Contains("assistant,claude-code,github.com/contoso/checkout,dana.security@contoso.example,2030-10-02,standard,internal,approved,,", lines);
        Assert.Contains("assistant,claude-code,github.com/contoso/payments,dana.security@contoso.example,2030-10-02,standard,confidential,approved,,", lines);
        Assert.Contains("assistant,github-copilot,github.com/contoso/hr-portal,li.wei@contoso.example,2030-03-01,sandbox,internal,approved,,", lines);
        Assert.Contains("endpoint,ai-gateway.contoso.example,github.com/contoso/checkout,,,standard,internal,approved,,1", lines);
    }

    [Fact]
    public void Waivers_expiring_later_than_30_days_are_not_listed()
    {
        using var repo = new TempRepo();
        string db = Path.Combine(repo.Root, "inv.db");
        CliRun run = CliRun.Of("inventory", Estate, "--db", db, "--format", "json", "-o", Path.Combine(repo.Root, "a.json"), "--now", "2026-11-18");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Root, "a.json")));
        Assert.Equal(new[] { "WVR-7" }, doc.RootElement.GetProperty("waiversExpiring").EnumerateArray().Select(w => w.GetProperty("id").GetString()!).ToArray());
    }

    /// <summary>
    /// Waivers in real records, not hand-written samples: the check waives a model finding (GRD114, the record's
    /// findings[].waivedBy and waiversApplied) and the verification after the compiler waives an endpoint (GRD004, the
    /// record's endpoints.hosts[].waiver and a waiversApplied entry "appliedBy": "compile"), both claimed by the
    /// manifest and ending within 30 days; a third, claimed too, ends later. The inventory keeps both in SQLite and
    /// lists them, with the repository, as expiring in the JSON, the CSV and the HTML report; the later one is kept
    /// but not listed.
    /// </summary>
    [Fact]
    public void Waivers_a_real_build_applied_reach_the_database_and_every_report_format()
    {
        using var repo = new TempRepo();
        DateTimeOffset now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        string policy = repo.Write("policy/guardrails.policy.json", """
            {
              "policyFormat": "1.0", "policyId": "waivers", "revision": 1,
              "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
              "defaults": { "unknownAssistant": "deny", "requireManifest": true },
              "dataClasses": ["public", "internal"],
              "tiers": { "standard": { "maxDataClass": "internal" } },
              "assistants": [ { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"] },
                "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2030-01-01" } } ],
              "waivers": [
                { "id": "WVR-MODEL", "rule": "GRD114", "subject": "claude-code/gpt-4o", "approvedBy": "sec@example.test",
                  "approvedAt": "2026-11-01", "expiresAt": "2026-12-20", "reason": "model evaluation" },
                { "id": "WVR-ENDPOINT", "rule": "GRD004", "subject": "api.mistral.ai", "approvedBy": "sec@example.test",
                  "approvedAt": "2026-11-01", "expiresAt": "2026-12-31", "reason": "pilot" },
                { "id": "WVR-LATER", "rule": "GRD114", "subject": "claude-code/o3", "approvedBy": "sec@example.test",
                  "approvedAt": "2026-11-01", "expiresAt": "2027-06-30", "reason": "later" }
              ]
            }
            """);
        string manifest = repo.Write("repos/pilot/ai-assistants.json", """
            {
              "manifestFormat": "1.0", "repository": "github.com/contoso/pilot", "tier": "standard", "dataClass": "internal",
              "owner": { "team": "Pilot", "contact": "pilot@example.test" },
              "waivers": ["WVR-MODEL", "WVR-ENDPOINT", "WVR-LATER"],
              "assistants": [ { "id": "claude-code", "models": ["claude-sonnet-4", "gpt-4o", "o3"] } ]
            }
            """);
        var request = new CheckRequest
        {
            ProjectPath = repo.Write("repos/pilot/Pilot.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"),
            PolicyPath = policy,
            ManifestPath = manifest,
            Now = now,
            CheckFootprints = false,
        };
        CheckResult result = GuardrailsChecker.Run(request);
        Assert.DoesNotContain(result.Findings, f => f.IsError(result.Enforce));
        Assert.Contains(result.Findings, f => f.Rule.Id == "GRD114" && f.WaivedBy == "WVR-MODEL");

        // What the verification after the compiler writes for code that calls Mistral: the evaluator's verdict and its waiver.
        var verdicts = Guardrails.Core.Policy.PolicyVerdicts.From(result.Effective);
        Guardrails.Core.Policy.Decision mistral = verdicts.Host("api.mistral.ai");
        Assert.Equal("WVR-ENDPOINT", mistral.Waiver?.Id);
        object endpoints = EndpointReach.Section(new[] { new EndpointUse("api.mistral.ai", repo.PathOf("repos/pilot/Chat.cs")) }, verdicts, null, "compiler error log (GRD008)");
        string record = AuditRecord.WithCompile(AuditRecord.Build(request, result, "test", new BuildProvenance()), null, "2026-12-03T09:00:00Z", endpoints, new[] { mistral.Waiver! });
        using (JsonDocument written = JsonDocument.Parse(record))
        {
            Assert.Equal("WVR-ENDPOINT", written.RootElement.GetProperty("endpoints").GetProperty("hosts")[0].GetProperty("waiver").GetString());
            Assert.Contains(written.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("waivedBy").GetString() == "WVR-MODEL");
        }

        repo.Write("artifacts/pilot/guardrails.audit.json", record);
        string db = Path.Combine(repo.Root, "inv.db");
        string[] Run(string format, string output) =>
            new[] { "inventory", repo.PathOf("artifacts"), "--db", db, "--now", "2026-12-03", "--format", format, "-o", output };

        Assert.Equal(0, CliRun.Of(Run("json", repo.PathOf("inv.json"))).ExitCode);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(repo.PathOf("inv.json")));
        var expiring = doc.RootElement.GetProperty("waiversExpiring").EnumerateArray().ToDictionary(w => w.GetProperty("id").GetString()!);
        Assert.Equal(new[] { "WVR-ENDPOINT", "WVR-MODEL" }, expiring.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("2026-12-20", expiring["WVR-MODEL"].GetProperty("expiresAt").GetString());
        Assert.Equal("claude-code/gpt-4o", expiring["WVR-MODEL"].GetProperty("subject").GetString());
        Assert.Equal("2026-12-31", expiring["WVR-ENDPOINT"].GetProperty("expiresAt").GetString());
        Assert.Equal("GRD004", expiring["WVR-ENDPOINT"].GetProperty("rule").GetString());
        Assert.Equal(new[] { "github.com/contoso/pilot" }, Strings(expiring["WVR-ENDPOINT"].GetProperty("repositories")));

        // The database keeps every applied waiver, the later one too.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + db + ";Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT w.id, w.rule, w.expires_at, r.repository FROM waivers w JOIN records r ON r.id = w.record_id ORDER BY w.id";
            using var reader = query.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0) + " " + reader.GetString(1) + " " + reader.GetString(2) + " " + reader.GetString(3));
            }

            Assert.Equal(new[]
            {
                "WVR-ENDPOINT GRD004 2026-12-31 github.com/contoso/pilot",
                "WVR-LATER GRD114 2027-06-30 github.com/contoso/pilot",
                "WVR-MODEL GRD114 2026-12-20 github.com/contoso/pilot",
            }, rows);
        }

        CliRun csv = CliRun.Of(Run("csv", repo.PathOf("inv.csv")));
        Assert.Equal(0, csv.ExitCode);
        string[] lines = File.ReadAllLines(repo.PathOf("inv.csv"));
        Assert.Contains("waiver,WVR-MODEL,github.com/contoso/pilot,sec@example.test,2026-12-20,,,GRD114 claude-code/gpt-4o,,", lines);
        Assert.Contains("waiver,WVR-ENDPOINT,github.com/contoso/pilot,sec@example.test,2026-12-31,,,GRD004 api.mistral.ai,,", lines);
        Assert.DoesNotContain(lines, l => l.Contains("WVR-LATER", StringComparison.Ordinal));

        Assert.Equal(0, CliRun.Of(Run("html", repo.PathOf("inv.html"))).ExitCode);
        string html = File.ReadAllText(repo.PathOf("inv.html"));
        Assert.Contains("\"id\":\"WVR-ENDPOINT\"", html.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Contains("\"id\":\"WVR-MODEL\"", html.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("\"id\":\"WVR-LATER\"", html.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>
    /// An AI-BOM the build wrote (CycloneDxExport from a real check; GuardrailsCycloneDxPath), with no audit record
    /// beside it, is gathered like a record: its assistant, model, MCP server and AI SDK package reach the inventory
    /// with the repository, approver and expiry, and the decommission view says it cannot replay such a build.
    /// </summary>
    [Fact]
    public void An_ai_bom_the_build_wrote_is_gathered_with_its_repository_and_components()
    {
        using var repo = new TempRepo();
        string policy = Path.Combine(RepoPaths.Root, "samples", "policy", "guardrails.policy.json");
        string manifest = repo.Write("repos/bom/ai-assistants.json", """
            {
              "manifestFormat": "1.0", "repository": "github.com/contoso/bom-only", "tier": "standard", "dataClass": "internal",
              "owner": { "team": "Bom", "contact": "bom@contoso.example" },
              "assistants": [ { "id": "claude-code", "version": "2.1.0", "models": ["claude-sonnet-4"],
                "mcpServers": [ { "id": "github", "url": "https://api.githubcopilot.com/mcp/" } ] } ]
            }
            """);
        var request = new CheckRequest
        {
            ProjectPath = repo.Write("repos/bom/Bom.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"),
            PolicyPath = policy,
            ManifestPath = manifest,
            DeclaredPackages = new[] { new DeclaredPackage("Azure.AI.OpenAI", "2.1.0", repo.PathOf("repos/bom/Bom.csproj"), 1, 1) },
            DeclaredPackagesOrigin = "restored",
            Now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero),
            CheckFootprints = false,
        };
        CheckResult result = GuardrailsChecker.Run(request);
        repo.Write("artifacts/bom/obj/ai-bom.cdx.json", CycloneDxExport.Build(request, result, "test"));

        string out_ = repo.PathOf("inv.json");
        CliRun run = CliRun.Of("inventory", repo.PathOf("artifacts"), "--db", repo.PathOf("inv.db"), "--format", "json", "-o", out_, "--now", "2026-12-03", "--policy", policy);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(out_));
        Assert.Equal(new[] { "github.com/contoso/bom-only" }, doc.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("repository").GetString()!).ToArray());
        JsonElement claude = Component(doc, "assistant", "claude-code");
        Assert.Equal(new[] { "github.com/contoso/bom-only" }, Strings(claude.GetProperty("repositories")));
        Assert.Equal("dana.security@contoso.example", claude.GetProperty("approvedBy").GetString());
        Assert.Equal("2030-10-02", claude.GetProperty("expiresAt").GetString());
        Assert.Equal(new[] { "github.com/contoso/bom-only" }, Strings(Component(doc, "model", "claude-sonnet-4").GetProperty("repositories")));
        Assert.Equal(new[] { "github.com/contoso/bom-only" }, Strings(Component(doc, "mcpServer", "github").GetProperty("repositories")));
        Assert.Equal(new[] { "github.com/contoso/bom-only" }, Strings(Component(doc, "package", "Azure.AI.OpenAI").GetProperty("repositories")));
        JsonElement assistantDecommission = doc.RootElement.GetProperty("decommission").EnumerateArray().First(d => d.GetProperty("id").GetString() == "claude-code");
        Assert.Empty(assistantDecommission.GetProperty("breaks").EnumerateArray());
        Assert.Single(assistantDecommission.GetProperty("notEvaluated").EnumerateArray());
    }

    [Fact]
    public void Bad_inputs_get_a_coded_message_naming_the_file_and_the_rest_still_renders()
    {
        using var repo = new TempRepo();
        string good = File.ReadAllText(Path.Combine(Estate, "payments", "guardrails.audit.json"));
        repo.Write("in/a/guardrails.audit.json", good);
        string truncated = repo.Write("in/b/guardrails.audit.json", good[..(good.Length / 2)]);
        string foreign = repo.Write("in/c/guardrails.audit.json", "{ \"name\": \"left-pad\", \"version\": \"1.3.0\" }");
        string zip = repo.Write("in/artifacts.zip", "this is not a zip file");

        using JsonDocument doc = Json(repo, out CliRun run, repo.PathOf("in"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GRDINV05: " + truncated + ": Not valid JSON", run.Err);
        Assert.Contains("GRDINV06: " + foreign, run.Err);
        Assert.Contains("GRDINV04: " + zip, run.Err);
        string[] codes = doc.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).OrderBy(c => c).ToArray();
        Assert.Equal(new[] { "GRDINV04", "GRDINV05", "GRDINV06" }, codes);
        Assert.Equal("github.com/contoso/payments", Assert.Single(doc.RootElement.GetProperty("repositories").EnumerateArray()).GetProperty("repository").GetString());
    }

    [Fact]
    public void Records_inside_a_CI_artifact_zip_are_read()
    {
        using var repo = new TempRepo();
        string zipPath = repo.PathOf("artifact.zip");
        using (ZipArchive zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Path.Combine(Estate, "hr-portal", "guardrails.audit.json"), "obj/Debug/net8.0/guardrails/guardrails.audit.json");
            zip.CreateEntryFromFile(Path.Combine(Estate, "checkout", "guardrails.audit.json"), "checkout/guardrails.audit.json");
        }

        using JsonDocument doc = Json(repo, out CliRun run, zipPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, doc.RootElement.GetProperty("repositories").GetArrayLength());
    }

    [Fact]
    public void The_database_keeps_history_first_and_last_seen_and_does_not_count_a_record_twice()
    {
        using var repo = new TempRepo();
        string record = File.ReadAllText(Path.Combine(Estate, "payments", "guardrails.audit.json"));
        repo.Write("run1/guardrails.audit.json", record);
        repo.Write("run2/guardrails.audit.json", record.Replace("2026-11-30T09:12:44Z", "2026-12-02T10:00:00Z", StringComparison.Ordinal));

        using (JsonDocument first = Json(repo, out CliRun run1, repo.PathOf("run1")))
        {
            Assert.Contains("1 new record(s), 0 already known", run1.Out);
        }

        using JsonDocument doc = Json(repo, out CliRun run2, repo.PathOf("run1"), repo.PathOf("run2"));

        Assert.Contains("1 new record(s), 1 already known", run2.Out);
        JsonElement payments = Assert.Single(doc.RootElement.GetProperty("repositories").EnumerateArray());
        Assert.Equal("2026-11-30T09:12:44Z", payments.GetProperty("firstSeen").GetString());
        Assert.Equal("2026-12-02T10:00:00Z", payments.GetProperty("lastSeen").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("recordCount").GetInt32());
    }

    [Fact]
    public void No_whole_key_reaches_the_html_csv_or_json()
    {
        using var repo = new TempRepo();
        string key = FakeKeys.OpenAiProject();
        string record = File.ReadAllText(Path.Combine(Estate, "checkout", "guardrails.audit.json"))
            .Replace("Model 'gpt-4o' is not approved", "Key " + key + " leaked; model 'gpt-4o' is not approved", StringComparison.Ordinal)
            .Replace("\"Checkout\"", "\"" + key + "\"", StringComparison.Ordinal);
        string input = repo.Write("in/guardrails.audit.json", record);
        string db = Path.Combine(repo.Root, "inv.db");

        foreach (string format in new[] { "html", "csv", "json" })
        {
            string output = Path.Combine(repo.Root, "report." + format);
            CliRun run = CliRun.Of("inventory", input, "--db", db, "--format", format, "-o", output);
            Assert.Equal(0, run.ExitCode);
            string text = File.ReadAllText(output);
            Assert.DoesNotContain(key, text);
            Assert.DoesNotContain(key, run.All);
        }

        Assert.Contains("sk-proj-", File.ReadAllText(Path.Combine(repo.Root, "report.json")));
    }

    [Fact]
    public void Html_report_is_self_contained()
    {
        using var repo = new TempRepo();
        string output = Path.Combine(repo.Root, "report.html");
        CliRun run = CliRun.Of("inventory", Estate, "--db", Path.Combine(repo.Root, "inv.db"), "-o", output);

        Assert.Equal(0, run.ExitCode);
        string html = File.ReadAllText(output);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", html);
        Assert.DoesNotContain("@import", html);
        Assert.Contains("github.com/contoso/hr-portal", html);
    }

    [Fact]
    public void A_record_with_invalid_utf8_is_skipped_with_its_line_and_column_and_the_good_one_is_read()
    {
        using var repo = new TempRepo();
        string good = File.ReadAllText(Path.Combine(Estate, "payments", "guardrails.audit.json"));
        repo.Write("in/a/guardrails.audit.json", good);
        string bad = repo.PathOf("in/b/guardrails.audit.json");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        byte[] prefix = System.Text.Encoding.UTF8.GetBytes("{\n  \"recordFormat\": \"1.2\",\n  \"x\": \"caf");
        File.WriteAllBytes(bad, prefix.Concat(new byte[] { 0xE9, (byte)'"', (byte)'}' }).ToArray());

        CliRun run = CliRun.Of("inventory", repo.PathOf("in"), bad, "--db", Path.Combine(repo.Root, "inv.db"), "--format", "json", "-o", Path.Combine(repo.Root, "x.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GRDINV01", run.All);
        Assert.Contains("not valid UTF-8 (line 3, column 12)", run.All);
        Assert.Contains("github.com/contoso/payments", File.ReadAllText(Path.Combine(repo.Root, "x.json")));
    }

    [Fact]
    public void Nothing_readable_exits_2()
    {
        using var repo = new TempRepo();
        CliRun run = CliRun.Of("inventory", repo.PathOf("missing"), "--db", Path.Combine(repo.Root, "inv.db"), "--format", "json", "-o", Path.Combine(repo.Root, "x.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GRDINV01", run.Err);
    }

    [Fact]
    public void A_record_written_by_the_build_task_is_read_with_its_build_provenance()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", Documents.Policy);
        string manifest = repo.Write("ai-assistants.json", Documents.Manifest("""{ "id": "claude-code", "models": ["claude-sonnet-4-5"] }""", repository: "github.com/example/task-written"));
        var request = new CheckRequest { ProjectPath = repo.PathOf("App/App.csproj"), PolicyPath = policy, ManifestPath = manifest, CheckFootprints = false, Now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero) };
        CheckResult result = GuardrailsChecker.Run(request);
        var provenance = new BuildProvenance { Repository = "github.com/example/task-written", Commit = "0123456789abcdef0123456789abcdef01234567", Branch = "main", CiSystem = "github-actions" };
        repo.Write("out/guardrails.audit.json", AuditRecord.Build(request, result, "0.1.0", provenance));

        using JsonDocument doc = Json(repo, out CliRun run, repo.PathOf("out"));

        Assert.Equal(0, run.ExitCode);
        JsonElement r = Assert.Single(doc.RootElement.GetProperty("repositories").EnumerateArray());
        Assert.Equal("github.com/example/task-written", r.GetProperty("repository").GetString());
        Assert.Equal("main", r.GetProperty("branch").GetString());
        Assert.Equal("github-actions", r.GetProperty("ci").GetString());
        Assert.Equal("Payments", r.GetProperty("owner").GetString());
        Assert.Equal(new[] { "github.com/example/task-written" }, Strings(Component(doc, "model", "claude-sonnet-4-5").GetProperty("repositories")));
    }

    /// <summary>An SDK assembly shipped with no restored package is listed with what the record says the policy holds of it.</summary>
    [Fact]
    public void A_shipped_sdk_assembly_keeps_the_policy_status_its_record_gives()
    {
        using var repo = new TempRepo();
        var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Estate, "payments", "guardrails.audit.json")))!;
        record["components"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "type": "assembly", "id": "lib/OpenAI.dll", "sdk": "OpenAI .NET SDK", "package": "OpenAI", "policyStatus": "approved" }"""));
        record["components"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "type": "assembly", "id": "lib/Mistral.SDK.dll", "sdk": "Mistral SDK", "package": "Mistral.SDK", "policyStatus": "not approved" }"""));
        repo.Write("payments/guardrails.audit.json", record.ToJsonString());

        using JsonDocument doc = Json(repo, out CliRun run, repo.PathOf("payments"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("approved", Component(doc, "assembly", "lib/OpenAI.dll").GetProperty("status").GetString());
        Assert.Equal("not approved", Component(doc, "assembly", "lib/Mistral.SDK.dll").GetProperty("status").GetString());
    }
}
