using System.Security.Cryptography;

namespace Guardrails.EndToEnd.Tests;

/// <summary>Tamper evidence in real builds: policy pinning, rollback, local bypasses, audit record and reports.</summary>
[Collection(PackageCollection.Name)]
public class IntegrityTests
{
    private const string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-integrity",
          "revision": 7,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] }
        }
        """;

    private const string Manifest = """
        {
          "manifestFormat": "1.0",
          "repository": "example/e2e",
          "owner": { "team": "E2E", "contact": "e2e@example.test" },
          "assistants": []
        }
        """;

    private readonly PackageFixture _fixture;

    public IntegrityTests(PackageFixture fixture) => _fixture = fixture;

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

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void A_pinned_policy_builds_and_a_tampered_one_fails_on_the_hash()
    {
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", Manifest);
        string pin = Sha256(policy);
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsPolicySha256", pin));

        DotNet.Result good = project.Build();
        Assert.True(good.ExitCode == 0, good.ToString());

        // A team "relaxes" its copy of the policy: same revision, different bytes.
        File.WriteAllText(policy, Policy.Replace("\"owner\"", "\"defaults\": { \"unknownAssistant\": \"allow\" },\n  \"owner\""));
        File.SetLastWriteTimeUtc(policy, DateTime.UtcNow.AddSeconds(5));
        DotNet.Result tampered = project.Build();

        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("guardrails.policy.json : Guardrails error GRD301:", tampered.Output);
        Assert.Contains(pin.ToLowerInvariant(), tampered.Output);
        Assert.Contains(Sha256(policy).ToLowerInvariant(), tampered.Output);

        // Rolling back to an older revision (re-pinned, so only the rollback rule speaks).
        File.WriteAllText(policy, Policy.Replace("\"revision\": 7", "\"revision\": 6"));
        File.SetLastWriteTimeUtc(policy, DateTime.UtcNow.AddSeconds(10));
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsPolicySha256", Sha256(policy)));
        DotNet.Result rolledBack = project.Build();

        Assert.NotEqual(0, rolledBack.ExitCode);
        Assert.Contains("guardrails.policy.json(4,15): Guardrails error GRD303:", rolledBack.Output);
        Assert.DoesNotContain("GRD301", rolledBack.Output);
    }

    [Fact]
    public void Each_local_bypass_is_caught_in_Enforce_and_allowed_in_a_relaxed_tier()
    {
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy.Replace(
            "\"owner\"",
            "\"tiers\": { \"sandbox\": { \"allowLocalSuppression\": true }, \"regulated\": { \"allowLocalSuppression\": false } },\n  \"owner\""));
        project.Write("ai-assistants.json", Manifest.Replace("\"assistants\"", "\"tier\": \"regulated\",\n  \"assistants\""));
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
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
        string effective = File.ReadAllText(project.PathOf("obj/Debug/net10.0/guardrails/guardrails.effective-policy.txt"));
        Assert.Contains("mode=Enforce", effective);
        Assert.Contains("suppression.allowed=false", effective);

        DotNet.Result dropped = project.Build("-p:DropGuardrails=true");
        Assert.NotEqual(0, dropped.ExitCode);
        Assert.Contains("error GRD306:", dropped.Output);
        Assert.Contains("missing from the Analyzer items: Guardrails.Analyzers.dll", dropped.Output);

        // The same project in the sandbox tier: the policy lets it use every local bypass.
        project.Write("ai-assistants.json", Manifest.Replace("\"assistants\"", "\"tier\": \"sandbox\",\n  \"assistants\""));
        File.SetLastWriteTimeUtc(project.PathOf("ai-assistants.json"), DateTime.UtcNow.AddSeconds(5));
        DotNet.Result relaxed = project.Build();

        Assert.True(relaxed.ExitCode == 0, relaxed.ToString());
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("GRD30\\d"), relaxed.Output);
    }
}
