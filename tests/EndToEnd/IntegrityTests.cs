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
          "assistants": []
        }
        """;

    private readonly PackageFixture _fixture;

    public IntegrityTests(PackageFixture fixture) => _fixture = fixture;

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
}
