using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>Tamper evidence in real builds: policy pinning, rollback, local bypasses, audit record and reports.</summary>
[Collection(PackageCollection.Name)]
public class IntegrityTests
{
    private readonly PackageFixture _fixture;

    public IntegrityTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-integrity", 7);

    /// <summary>Every local bypass at once: mode, NoWarn, WarningsNotAsErrors, and (with -p:DropGuardrails=true) the analyzer removed.</summary>
    private const string Bypasses = """
          <PropertyGroup>
            <GuardrailsMode>Audit</GuardrailsMode>
            <NoWarn>$(NoWarn);GRD001</NoWarn>
            <WarningsNotAsErrors>$(WarningsNotAsErrors);GRD001</WarningsNotAsErrors>
          </PropertyGroup>
          <Target Name="DropGuardrailsAnalyzer" AfterTargets="ResolveLockFileAnalyzers" Condition="'$(DropGuardrails)' == 'true'">
            <ItemGroup>
              <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers'" />
            </ItemGroup>
          </Target>
        """;

    [Fact]
    public void A_pinned_policy_builds_and_a_tampered_one_fails_on_the_hash()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string policy = project.PathOf(E2eDocuments.PolicyFile);
        string pin = project.PinPolicy();

        DotNet.Result good = project.Build();
        Assert.True(good.ExitCode == 0, good.ToString());

        // A team "relaxes" its copy of the policy: same revision, different bytes.
        File.WriteAllText(policy, Policy.Replace("\"owner\"", "\"defaults\": { \"unknownAssistant\": \"allow\" },\n  \"owner\""));
        File.SetLastWriteTimeUtc(policy, DateTime.UtcNow.AddSeconds(5));
        DotNet.Result tampered = project.Build();

        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("guardrails.policy.json : Guardrails error GRD301:", tampered.Output);
        Assert.Contains(pin.ToLowerInvariant(), tampered.Output);
        Assert.Contains(E2eDocuments.Sha256(policy).ToLowerInvariant(), tampered.Output);

        // Rolling back to an older revision (re-pinned, so only the rollback rule speaks).
        File.WriteAllText(policy, Policy.Replace("\"revision\": 7", "\"revision\": 6"));
        File.SetLastWriteTimeUtc(policy, DateTime.UtcNow.AddSeconds(10));
        project.PinPolicy();
        DotNet.Result rolledBack = project.Build();

        Assert.NotEqual(0, rolledBack.ExitCode);
        Assert.Contains("guardrails.policy.json(4,15): Guardrails error GRD303:", rolledBack.Output);
        Assert.DoesNotContain("GRD301", rolledBack.Output);
    }

    [Fact]
    public void Each_local_bypass_is_caught_in_Enforce_and_allowed_in_a_relaxed_tier()
    {
        TestProject project = _fixture.NewGovernedProject(
            Policy.Replace(
                "\"owner\"",
                "\"tiers\": { \"sandbox\": { \"allowLocalSuppression\": true }, \"regulated\": { \"allowLocalSuppression\": false } },\n" +
                "  \"waivers\": [" + Waiver("WVR-P", "GRD304", "GRD001") + ", " + Waiver("WVR-C", "GRD305", "GRD001") + ", " +
                Waiver("WVR-M", "GRD307", "mode") + ", " + Waiver("WVR-S", "GRD005", "GRD001") + "],\n  \"owner\""),
            E2eDocuments.MinimalManifest.Replace("\"assistants\"", "\"tier\": \"regulated\",\n  \"assistants\""),
            ("GuardrailsMode", "Enforce"));
        project.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.GRD001.severity = none\n");
        project.AddToProject(Bypasses);
        project.Write("Program.cs", "#pragma warning disable GRD001\nConsole.WriteLine(Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") is null);\n");

        DotNet.Result caught = project.Build();

        Assert.NotEqual(0, caught.ExitCode);
        Assert.Contains("Guardrails error GRD307:", caught.Output);
        Assert.Contains("error GRD304:", caught.Output);
        Assert.Contains("NoWarn: GRD001", caught.Output);
        Assert.Contains("WarningsNotAsErrors: GRD001", caught.Output);
        Assert.Contains(".editorconfig(4,1): Guardrails error GRD305:", caught.Output);
        Assert.Contains("Program.cs(1,25): error GRD005:", caught.Output);
        Assert.DoesNotContain("GRD306", caught.Output);
        string effective = Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(project.PathOf(E2eDocuments.EffectivePolicyFile)));
        Assert.Contains("mode=Enforce", effective);
        Assert.Contains("suppression.allowed=false", effective);

        DotNet.Result dropped = project.Build("-p:DropGuardrails=true");
        Assert.NotEqual(0, dropped.ExitCode);
        Assert.Contains("error GRD306:", dropped.Output);
        Assert.Contains("missing from the Analyzer items: Guardrails.Analyzers.dll", dropped.Output);

        // The same project in the sandbox tier: the policy lets it use every local bypass.
        project.Write("ai-assistants.json", E2eDocuments.MinimalManifest.Replace("\"assistants\"", "\"tier\": \"sandbox\",\n  \"assistants\""));
        File.SetLastWriteTimeUtc(project.PathOf("ai-assistants.json"), DateTime.UtcNow.AddSeconds(5));
        DotNet.Result relaxed = project.Build();

        Assert.True(relaxed.ExitCode == 0, relaxed.ToString());
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("GRD30\\d"), relaxed.Output);

        // Back in the regulated tier, with waivers for each bypass: reported as warnings that name the waiver.
        project.Write("ai-assistants.json", E2eDocuments.MinimalManifest.Replace("\"assistants\"", "\"tier\": \"regulated\",\n  \"waivers\": [\"WVR-P\", \"WVR-C\", \"WVR-M\", \"WVR-S\"],\n  \"assistants\""));
        File.SetLastWriteTimeUtc(project.PathOf("ai-assistants.json"), DateTime.UtcNow.AddSeconds(10));
        DotNet.Result waived = project.Build();

        Assert.True(waived.ExitCode == 0, waived.ToString());
        Assert.Contains("Waived by 'WVR-P'", waived.Output);
        Assert.Contains("Waived by 'WVR-C'", waived.Output);
        Assert.Contains("Waived by 'WVR-M'", waived.Output);
        Assert.DoesNotContain("GRD005", waived.Output);
        Assert.DoesNotContain("error GRD", waived.Output);
        string audit = File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile));
        Assert.Contains("\"waiver:WVR-P\"", audit);
        Assert.Contains("GRD001 (waiver WVR-S)", audit);
    }

    private static string Waiver(string id, string rule, string subject) =>
        "{ \"id\": \"" + id + "\", \"rule\": \"" + rule + "\", \"subject\": \"" + subject + "\", \"approvedBy\": \"sec@example.test\", " +
        "\"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-01-01\", \"reason\": \"e2e\" }";

    private const string GovernedPolicy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-audit",
          "revision": 4,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["dana@example.test"] },
          "dataClasses": ["public", "internal", "confidential"],
          "tiers": { "regulated": { "maxDataClass": "confidential", "mode": "Enforce" } },
          "assistants": [
            { "id": "claude-code", "vendor": "Anthropic", "tiers": ["regulated"], "maxDataClass": "confidential",
              "repositories": ["github.com/example/*"],
              "models": { "allow": ["claude-sonnet-4*"] },
              "credentialRefs": ["env:ANTHROPIC_API_KEY"],
              "approval": { "approvedBy": "dana@example.test", "approvedAt": "2026-04-02", "expiresAt": "2099-10-02", "ticket": "GOV-118" } }
          ],
          "mcpServers": { "allow": [ { "id": "github", "url": "https://api.githubcopilot.com/mcp/*", "maxDataClass": "confidential",
            "approval": { "approvedBy": "dana@example.test", "approvedAt": "2026-05-01", "expiresAt": "2099-05-01" } } ] }
        }
        """;

    private static readonly string GovernedManifest = E2eDocuments.Manifest(
        "regulated",
        "confidential",
        """
        "assistants": [
          { "id": "claude-code", "version": "2.1.0", "models": ["claude-sonnet-4-5"], "mcpServers": ["github"], "credentialRef": "env:ANTHROPIC_API_KEY" }
        ]
        """,
        repository: "github.com/example/payments",
        team: "Payments",
        contact: "payments@example.test");

    [Fact]
    public void The_audit_record_of_a_real_build_says_who_approved_each_AI_component_what_it_reaches_and_when_it_expires()
    {
        TestProject project = _fixture.NewPinnedProject(GovernedPolicy, GovernedManifest, ("GuardrailsSarifPath", "obj/guardrails.sarif"), ("GuardrailsCycloneDxPath", "obj/ai-bom.cdx.json"));

        DotNet.Result result = project.Build();
        Assert.True(result.ExitCode == 0, result.ToString());

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile)));
        JsonElement audit = doc.RootElement;
        Assert.Equal("e2e-audit", audit.GetProperty("policy").GetProperty("policyId").GetString());
        Assert.Equal(4, audit.GetProperty("policy").GetProperty("revision").GetInt64());
        Assert.True(audit.GetProperty("policy").GetProperty("pinMatched").GetBoolean());
        Assert.Equal(E2eDocuments.Sha256(project.PathOf(E2eDocuments.PolicyFile)).ToLowerInvariant(), audit.GetProperty("policy").GetProperty("sha256").GetString());
        Assert.Equal("Enforce", audit.GetProperty("mode").GetProperty("effective").GetString());
        Assert.Equal("github.com/example/payments", audit.GetProperty("repository").GetString());

        JsonElement Component(string type, string id) =>
            audit.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type && c.GetProperty("id").GetString() == id);
        JsonElement assistant = Component("assistant", "claude-code");
        Assert.Equal("dana@example.test", assistant.GetProperty("approval").GetProperty("approvedBy").GetString());
        Assert.Equal("2026-04-02", assistant.GetProperty("approval").GetProperty("approvedAt").GetString());
        Assert.Equal("2099-10-02", assistant.GetProperty("approval").GetProperty("expiresAt").GetString());
        Assert.Equal("regulated", assistant.GetProperty("reach").GetProperty("tiers")[0].GetString());
        Assert.Equal("confidential", assistant.GetProperty("reach").GetProperty("maxDataClass").GetString());
        Assert.Equal("github.com/example/*", assistant.GetProperty("reach").GetProperty("repositories")[0].GetString());
        Assert.Equal("2099-10-02", Component("model", "claude-sonnet-4-5").GetProperty("approval").GetProperty("expiresAt").GetString());
        JsonElement mcp = Component("mcpServer", "github");
        Assert.Equal("2099-05-01", mcp.GetProperty("approval").GetProperty("expiresAt").GetString());
        Assert.Equal("confidential", mcp.GetProperty("reach").GetProperty("maxDataClass").GetString());

        Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(project.PathOf("obj/guardrails.sarif"))).RootElement.GetProperty("version").GetString());
        Assert.Contains("\"guardrails:approvedBy\"", File.ReadAllText(project.PathOf("obj/ai-bom.cdx.json")));
    }

    [Fact]
    public void No_Guardrails_output_of_a_project_full_of_keys_contains_a_key()
    {
        string[] keys =
        {
            FakeKeys.OpenAiProject("E2eLeakFakeKeyNotRealA"),
            FakeKeys.OpenAiLegacy("E2eLeakFakeKeyNotRealB"),
            FakeKeys.OpenAiProject("E2eLeakFakeKeyNotRealC"),
            FakeKeys.OpenAiProject("E2eLeakFakeKeyNotRealD"),
        };
        TestProject project = _fixture.NewGovernedProject(
            GovernedPolicy,
            GovernedManifest
                .Replace("\"payments@example.test\"", "\"" + keys[1] + "\"")
                .Replace("\"mcpServers\": [\"github\"]", "\"mcpServers\": [\"github\", { \"url\": \"https://mcp.example.test/sse?api_key=" + keys[2] + "\" }]")
                .Replace("\"env:ANTHROPIC_API_KEY\" }", "\"" + keys[3] + "\" }"),
            ("GuardrailsMode", "Enforce"), ("GuardrailsSarifPath", "obj/guardrails.sarif"), ("GuardrailsCycloneDxPath", "obj/ai-bom.cdx.json"));
        project.Write("Program.cs", "string apiKey = \"" + keys[0] + "\";\nConsole.WriteLine(apiKey.Length);\n");
        project.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + keys[2] + "\" } }\n");

        DotNet.Result result = project.Build("-v:n");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error GRD001", result.Output);

        var outputs = new Dictionary<string, string>
        {
            ["build log"] = result.Output,
            ["audit record"] = File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile)),
            ["SARIF"] = File.ReadAllText(project.PathOf("obj/guardrails.sarif")),
            ["CycloneDX"] = File.ReadAllText(project.PathOf("obj/ai-bom.cdx.json")),
            ["effective policy"] = File.ReadAllText(project.PathOf(E2eDocuments.EffectivePolicyFile)),
        };
        Assert.Contains("GRD1", outputs["audit record"]);
        foreach ((string name, string text) in outputs)
        {
            foreach (string key in keys)
            {
                Assert.False(text.Contains(key, StringComparison.Ordinal), name + " contains a whole key");
                // No long run of the key either: the redacted form keeps the prefix and at most four characters.
                Assert.False(text.Contains(key.Substring(key.Length - 24), StringComparison.Ordinal), name + " contains most of a key");
                Assert.False(text.Contains(key.Substring(9, 24), StringComparison.Ordinal), name + " contains part of a key");
            }
        }
    }
}
