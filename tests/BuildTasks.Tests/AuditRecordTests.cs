using System.Text.Json;
using Guardrails.BuildTasks.Tests.Policy;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

/// <summary>guardrails.audit.json, the SARIF report and the CycloneDX AI-BOM written by the check; GRD309 when they cannot be.</summary>
public class AuditRecordTests
{
    // The harness policy, with approvals that do not expire while this suite is in use.
    private static readonly string Policy = PolicyHarness.BasePolicy.Replace("2026-12-31", "2099-12-31").Replace("2026-09-30", "2099-09-30");

    private static CheckRunner Run(TempDir dir, string? policy = null, string? manifest = null, Action<GuardrailsCheck>? configure = null)
    {
        var runner = new CheckRunner(dir, policy ?? Policy, manifest ?? PolicyHarness.BaseManifest);
        runner.Task.SarifFile = Path.Combine(dir.Path, "out", "guardrails.sarif");
        runner.Task.CycloneDxFile = Path.Combine(dir.Path, "out", "ai-bom.cdx.json");
        configure?.Invoke(runner.Task);
        return runner.Run();
    }

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    private static JsonElement Component(JsonElement audit, string type, string id) =>
        audit.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type && c.GetProperty("id").GetString() == id);

    [Fact]
    public void The_record_answers_who_approved_each_component_what_it_can_reach_and_when_it_expires()
    {
        using var dir = new TempDir();
        var runner = Run(dir);
        Assert.True(runner.Passed, string.Join(",", runner.ErrorCodes));
        JsonElement audit = Json(runner.Task.AuditFile!);

        Assert.Equal("1.5", audit.GetProperty("auditFormat").GetString());
        Assert.Equal("github.com/contoso/payments", audit.GetProperty("repository").GetString());
        Assert.Equal("Enforce", audit.GetProperty("mode").GetProperty("effective").GetString());
        Assert.Equal("Enforce", audit.GetProperty("mode").GetProperty("tierMode").GetString());
        JsonElement policy = audit.GetProperty("policy");
        Assert.Equal("test-policy", policy.GetProperty("policyId").GetString());
        Assert.Equal(3, policy.GetProperty("revision").GetInt64());
        Assert.Equal(CheckRunner.Sha256Of(runner.Task.PolicyPath!), policy.GetProperty("sha256").GetString());
        Assert.Equal(CheckRunner.Sha256Of(runner.Task.ManifestPath!), audit.GetProperty("manifest").GetProperty("sha256").GetString());
        Assert.Equal("regulated", audit.GetProperty("manifest").GetProperty("tier").GetString());

        JsonElement assistant = Component(audit, "assistant", "claude-code");
        Assert.Equal("dana", assistant.GetProperty("approval").GetProperty("approvedBy").GetString());
        Assert.Equal("2026-01-10", assistant.GetProperty("approval").GetProperty("approvedAt").GetString());
        Assert.Equal("2099-12-31", assistant.GetProperty("approval").GetProperty("expiresAt").GetString());
        Assert.Equal("GOV-1", assistant.GetProperty("approval").GetProperty("ticket").GetString());
        Assert.Equal(new[] { "regulated", "sandbox" }, assistant.GetProperty("reach").GetProperty("tiers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("confidential", assistant.GetProperty("reach").GetProperty("maxDataClass").GetString());
        Assert.Contains("!github.com/contoso/hr-*", assistant.GetProperty("reach").GetProperty("repositories").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("env:ANTHROPIC_API_KEY", assistant.GetProperty("credentialRef").GetString());

        Assert.Equal("dana", Component(audit, "model", "claude-sonnet-4-5").GetProperty("approval").GetProperty("approvedBy").GetString());
        JsonElement mcp = Component(audit, "mcpServer", "github");
        Assert.Equal("confidential", mcp.GetProperty("reach").GetProperty("maxDataClass").GetString());
        Assert.Equal("any", mcp.GetProperty("reach").GetProperty("tiers").GetString());
        Assert.True(mcp.GetProperty("policyEntry").GetProperty("line").GetInt32() > 0);
        Assert.Equal("github", mcp.GetProperty("server").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, mcp.GetProperty("server").GetProperty("url").ValueKind);
    }

    [Fact]
    public void The_record_is_deterministic_apart_from_the_timestamp()
    {
        // The same inputs at the same instant give the same bytes (the clock fixed: under load two runs cross a second);
        // the instant is the only thing that varies, and it is written where the record says (generatedAt, build.time).
        using var dir = new TempDir();
        var at = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        string first = File.ReadAllText(Run(dir, configure: t => { t.NoWarn = "GRD002;GRD001"; t.Clock = () => at; }).Task.AuditFile!);
        File.Delete(Path.Combine(dir.Path, "obj", "guardrails", "policy-revisions.txt"));
        string second = File.ReadAllText(Run(dir, configure: t => { t.NoWarn = "GRD001;GRD002"; t.Clock = () => at; }).Task.AuditFile!);
        Assert.Equal(first, second);
        JsonElement record = JsonDocument.Parse(first).RootElement;
        Assert.Equal("2026-06-01T12:00:00Z", record.GetProperty("generatedAt").GetString());
        Assert.Equal("2026-06-01T12:00:00Z", record.GetProperty("build").GetProperty("time").GetString());

        File.Delete(Path.Combine(dir.Path, "obj", "guardrails", "policy-revisions.txt"));
        string later = File.ReadAllText(Run(dir, configure: t => { t.NoWarn = "GRD001;GRD002"; t.Clock = () => at.AddSeconds(1); }).Task.AuditFile!);
        Assert.Equal(first.Replace("2026-06-01T12:00:00Z", "2026-06-01T12:00:01Z", StringComparison.Ordinal), later);
    }

    [Fact]
    public void Findings_bypasses_and_the_waivers_that_allowed_them_are_recorded()
    {
        using var dir = new TempDir();
        string policy = Policy.Replace("\"waivers\": [", "\"waivers\": [\n { \"id\": \"WVR-7\", \"rule\": \"GRD304\", \"subject\": \"GRD001\", \"approvedBy\": \"li\", \"approvedAt\": \"2026-05-01\", \"expiresAt\": \"2099-01-31\", \"reason\": \"fixtures\" },");
        string manifest = PolicyHarness.BaseManifest.Replace("\"waivers\": []", "\"waivers\": [\"WVR-7\"]");
        var runner = Run(dir, policy, manifest, t => t.NoWarn = "GRD001;GRD002");
        JsonElement audit = Json(runner.Task.AuditFile!);

        JsonElement waiver = Assert.Single(audit.GetProperty("waiversApplied").EnumerateArray());
        Assert.Equal("WVR-7", waiver.GetProperty("id").GetString());
        Assert.Equal("li", waiver.GetProperty("approvedBy").GetString());
        Assert.Equal("2099-01-31", waiver.GetProperty("expiresAt").GetString());

        var bypasses = audit.GetProperty("localBypasses").EnumerateArray().ToList();
        Assert.Equal("waiver:WVR-7", bypasses.Single(b => b.GetProperty("subject").GetString() == "GRD001").GetProperty("allowedBy").GetString());
        Assert.Equal(JsonValueKind.Null, bypasses.Single(b => b.GetProperty("subject").GetString() == "GRD002").GetProperty("allowedBy").ValueKind);

        var findings = audit.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "GRD304" && f.GetProperty("level").GetString() == "error" && f.GetProperty("subject").GetString() == "GRD002");
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "GRD304" && f.GetProperty("level").GetString() == "warning" && f.GetProperty("waivedBy").GetString() == "WVR-7");
        Assert.False(audit.GetProperty("localSuppression").GetProperty("allowedInCode").GetBoolean());
    }

    [Fact]
    public void Sarif_is_2_1_0_with_rules_results_locations_and_waivers_as_suppressions()
    {
        using var dir = new TempDir();
        var runner = Run(dir, configure: t =>
        {
            t.NoWarn = "GRD001";
            t.AnalyzerConfigFiles = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(dir.Write(".editorconfig", "[*]\ndotnet_diagnostic.GRD003.severity = none\n")) };
        });
        JsonElement sarif = Json(runner.Task.SarifFile!);

        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        JsonElement run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        JsonElement driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("Guardrails", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "GRD304", "GRD305" }, rules);
        Assert.EndsWith("docs/rules/GRD305.md", driver.GetProperty("rules")[1].GetProperty("helpUri").GetString());
        // SARIF1001: a rule's name is a readable identifier, not its id again.
        Assert.Equal(new[] { "SuppressedByProperty", "SeverityLoweredInConfig" }, driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray());
        Assert.Equal(Guardrails.Core.Rules.RuleCatalog.RepositoryUrl, driver.GetProperty("informationUri").GetString());

        JsonElement config = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "GRD305");
        Assert.Equal(1, config.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", config.GetProperty("level").GetString());
        JsonElement location = config.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.StartsWith("file:///", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startColumn").GetInt32());

        JsonElement project = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "GRD304");
        Assert.False(project.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
    }

    [Fact]
    public void CycloneDx_1_6_lists_assistants_and_mcp_servers_as_services_and_models_as_components()
    {
        using var dir = new TempDir();
        var runner = Run(dir);
        JsonElement bom = Json(runner.Task.CycloneDxFile!);

        Assert.Equal("CycloneDX", bom.GetProperty("bomFormat").GetString());
        Assert.Equal("1.6", bom.GetProperty("specVersion").GetString());
        JsonElement assistant = bom.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("bom-ref").GetString() == "assistant:claude-code");
        Assert.Equal("Anthropic", assistant.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal("regulated", assistant.GetProperty("trustZone").GetString());
        var props = assistant.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString());
        Assert.Equal("dana", props["guardrails:approvedBy"]);
        Assert.Equal("2099-12-31", props["guardrails:expiresAt"]);
        Assert.Equal("regulated,sandbox", props["guardrails:tiers"]);
        Assert.Contains(bom.GetProperty("services").EnumerateArray(), s => s.GetProperty("bom-ref").GetString() == "mcp:github");
        JsonElement model = Assert.Single(bom.GetProperty("components").EnumerateArray());
        Assert.Equal("machine-learning-model", model.GetProperty("type").GetString());
        Assert.Equal(new[] { "mcp:github", "model:claude-code/claude-sonnet-4-5" },
            bom.GetProperty("dependencies")[0].GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()));
        Assert.False(assistant.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void No_output_contains_a_key_that_reached_the_manifest()
    {
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("AuditFakeKeyNotReal");
        string manifest = PolicyHarness.BaseManifest
            .Replace("\"github.com/contoso/payments\"", "\"github.com/contoso/" + key + "\"")
            .Replace("\"mcpServers\": [\"github\"]", "\"mcpServers\": [{ \"url\": \"https://mcp.example.test/?key=" + key + "\" }]")
            .Replace("\"Payments\"", "\"" + key + "\"");
        var runner = Run(dir, manifest: manifest, configure: t => t.NoWarn = "GRD001");

        foreach (string output in new[] { runner.Task.AuditFile!, runner.Task.SarifFile!, runner.Task.CycloneDxFile! })
        {
            string text = File.ReadAllText(output);
            JsonDocument.Parse(text).Dispose();
            Assert.DoesNotContain(key, text);
            Assert.DoesNotContain(key.Substring(10, 30), text);
        }

        Assert.DoesNotContain(key, runner.AllLogged);
    }

    [Fact]
    public void An_unwritable_report_path_is_GRD309()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "out", "guardrails.sarif"));
        var runner = Run(dir);
        Assert.False(runner.Passed);
        var error = runner.Error("GRD309");
        Assert.Contains("SARIF", error.Message);

        using var dir2 = new TempDir();
        var audit = new CheckRunner(dir2);
        audit.Task.Mode = "Audit";
        audit.Task.AuditFile = dir2.Path;
        Assert.True(audit.Run().Passed);
        Assert.Contains("audit record", audit.Warning("GRD309").Message);
    }

    [Fact]
    public void AI_SDK_packages_in_the_restore_graph_are_listed_with_the_policy_entry_and_as_purls_in_the_AI_BOM()
    {
        using var dir = new TempDir();
        string assets = dir.Write("obj/project.assets.json", """
            { "version": 3,
              "targets": { "net10.0": {
                "Anthropic/1.4.0": { "type": "package", "dependencies": { "Newtonsoft.Json": "13.0.3" } },
                "Newtonsoft.Json/13.0.3": { "type": "package" } } },
              "project": { "frameworks": { "net10.0": { "dependencies": { "Anthropic": { "target": "Package", "version": "[1.4.0, )" } } } } } }
            """);
        var runner = Run(dir, configure: t => t.ProjectAssetsFile = assets);
        Assert.True(runner.Passed, string.Join(",", runner.ErrorCodes));

        JsonElement audit = Json(runner.Task.AuditFile!);
        JsonElement package = Component(audit, "package", "Anthropic");
        Assert.Equal("1.4.0", package.GetProperty("version").GetString());
        Assert.True(package.GetProperty("direct").GetBoolean());
        Assert.Contains("packages.approved 'Anthropic' [1.0,2.0)", package.GetProperty("policyEntry").GetProperty("status").GetString());
        Assert.DoesNotContain(audit.GetProperty("components").EnumerateArray(), c => c.GetProperty("id").GetString() == "Newtonsoft.Json");

        JsonElement bom = Json(runner.Task.CycloneDxFile!);
        Assert.Contains(bom.GetProperty("components").EnumerateArray(), c => c.TryGetProperty("purl", out JsonElement purl) && purl.GetString() == "pkg:nuget/Anthropic@1.4.0");
    }
}
