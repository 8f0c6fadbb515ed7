namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// A policy with a member twice (<c>"endpoints": { "denied": […] }, …, "endpoints": {}</c>): one JSON reader keeps the
/// first, another the last, so the central team's denial could be read away by whichever reader a tool uses. The build
/// refuses the policy with GRD102 at the second occurrence, naming the member, and fails (Enforce).
/// </summary>
[Collection(PackageCollection.Name)]
public class DuplicateJsonMemberBuildTests
{
    private readonly PackageFixture _fixture;

    public DuplicateJsonMemberBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_policy_with_a_member_twice_fails_the_build_with_GRD102()
    {
        string policy = E2eDocuments.Policy("e2e-duplicate-member", 1, members: "\"endpoints\": { \"denied\": [\"api.openai.com\"] },\n  \"endpoints\": {}");
        TestProject project = _fixture.NewGovernedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Matches(@"guardrails\.policy\.json\(\d+,\d+\): [^\n]*error GRD102:[^\n]*""endpoints"" appears twice", result.Output);
    }
}
