using Microsoft.Build.Framework;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// <c>minimumGuardrailsVersion</c> in the policy: the central team's lowest Guardrails allowed to enforce it. A Guardrails
/// older than that (holes later releases closed) reading the policy is GRD319 at the field, naming both versions.
/// </summary>
public class MinimumGuardrailsVersionTests
{
    private const string ValidManifest = "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [] }";

    private static string Policy(string minimum) =>
        "{\n  \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 1,\n  \"minimumGuardrailsVersion\": \"" + minimum + "\",\n  \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] }\n}";

    private static (bool Ok, FakeBuildEngine Engine, string PolicyPath) Run(string minimum)
    {
        var dir = new TempDir();
        var engine = new FakeBuildEngine();
        string policy = dir.Write("guardrails.policy.json", Policy(minimum));
        var task = new GuardrailsCheck
        {
            BuildEngine = engine,
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = policy,
            ManifestPath = dir.Write("ai-assistants.json", ValidManifest),
            EffectivePolicyFile = Path.Combine(dir.Path, "obj", "guardrails.effective-policy.json"),
        };
        return (task.Execute(), engine, policy);
    }

    [Fact]
    public void A_policy_asking_for_a_newer_Guardrails_is_GRD319_naming_both_versions()
    {
        (bool ok, FakeBuildEngine engine, string policy) = Run("999.0.0");

        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(engine.Errors, e => e.Code == "GRD319");
        Assert.Equal(policy, error.File);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("999.0.0", error.Message);
        string running = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(GuardrailsCheck).Assembly)!.InformationalVersion.Split('+')[0];
        Assert.Contains("runs Guardrails " + running, error.Message);
    }

    [Theory]
    [InlineData("0.0.1")]
    [InlineData("0.1.0-alpha")]
    public void A_policy_asking_for_an_older_Guardrails_passes(string minimum)
    {
        (bool ok, FakeBuildEngine engine, _) = Run(minimum);

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Code + " " + e.Message)));
        Assert.DoesNotContain(engine.Errors, e => e.Code == "GRD319");
    }

    [Fact]
    public void A_minimum_that_is_not_a_version_is_an_invalid_value()
    {
        (bool ok, FakeBuildEngine engine, _) = Run("latest");

        Assert.False(ok);
        Assert.Contains(engine.Errors, e => e.Code == "GRD107" && e.LineNumber == 3);
    }
}
