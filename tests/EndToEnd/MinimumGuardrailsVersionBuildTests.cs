namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The policy's <c>minimumGuardrailsVersion</c> above the packed package's version: the build fails (Enforce) with GRD319
/// at the field in the policy, naming the minimum and the version it runs.
/// </summary>
[Collection(PackageCollection.Name)]
public class MinimumGuardrailsVersionBuildTests
{
    private readonly PackageFixture _fixture;

    public MinimumGuardrailsVersionBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_policy_requiring_a_newer_Guardrails_fails_the_build_with_GRD319()
    {
        string policy = E2eDocuments.Policy("e2e-minimum-version", 1, members: "\"minimumGuardrailsVersion\": \"999.0.0\"");
        TestProject project = _fixture.NewGovernedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Output, @"guardrails\.policy\.json\(6,31\): [^\n]*error GRD319:[^\n]*requires Guardrails 999\.0\.0 or later[^\n]*runs Guardrails \d"), result.ToString());
    }
}
