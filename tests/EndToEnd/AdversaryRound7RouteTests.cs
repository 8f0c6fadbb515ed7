namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 7 routes closed in session 11 (routes11b), each with the repository content of the round's repro in
/// a real Enforce build of the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound7RouteTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound7RouteTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Route 12 (repro-12): github.com/contoso/hr-payroll, excluded from claude-code by "!github.com/contoso/hr-*", said
    /// "repository": "github.com/contoso/payroll" in its manifest. On GitHub Actions that was GRD127; on CircleCI (and
    /// Buildkite, Bitbucket, TeamCity, Drone, CodeBuild, Cloud Build…) nothing compared the claim. Now the CI's variable
    /// decides where the system names the repository, else the git remotes.
    /// </summary>
    [Fact]
    public void Route12_a_manifest_claiming_another_repository_fails_the_Enforce_build_on_CircleCI_and_on_a_CI_naming_no_repository()
    {
        string policy = E2eDocuments.Policy("e2e-route12", 1, members: """
            "dataClasses": ["public", "internal"],
            "tiers": { "standard": { "maxDataClass": "internal" } }
            """);
        string manifest = E2eDocuments.Manifest("standard", "internal", "\"assistants\": []", repository: "github.com/contoso/payroll");
        TestProject project = _fixture.NewPinnedProject(policy, manifest, ("GuardrailsMode", "Enforce"));
        Git.CommitAll(project.Directory);
        Git.Run(project.Directory, "remote", "add", "origin", "https://github.com/contoso/hr-payroll.git");

        DotNet.Result circle = project.BuildWithEnvironment(new Dictionary<string, string>
        {
            ["CI"] = "true", ["CIRCLECI"] = "true", ["CIRCLE_PROJECT_REPONAME"] = "hr-payroll", ["CIRCLE_REPOSITORY_URL"] = "git@github.com:contoso/hr-payroll.git",
        });
        Assert.True(circle.ExitCode != 0, circle.ToString());
        Assert.Matches(@"ai-assistants\.json\(3,\d+\): Guardrails error GRD127: [^\n]*'github\.com/contoso/hr-payroll'", circle.Output);

        DotNet.Result anyCi = project.BuildWithEnvironment(new Dictionary<string, string> { ["CI"] = "true" });
        Assert.True(anyCi.ExitCode != 0, anyCi.ToString());
        Assert.Matches(@"ai-assistants\.json\(3,\d+\): Guardrails error GRD127: [^\n]*no git remote", anyCi.Output);

        // A fork's checkout with the claimed repository as its upstream remote (ssh spelling, other case) passes.
        Git.Run(project.Directory, "remote", "set-url", "origin", "https://github.com/alice/payroll.git");
        Git.Run(project.Directory, "remote", "add", "upstream", "git@github.com:Contoso/Payroll.git");
        DotNet.Result fork = project.BuildWithEnvironment(new Dictionary<string, string> { ["CI"] = "true" });
        Assert.True(fork.ExitCode == 0, fork.ToString());
        Assert.DoesNotContain("GRD127", fork.Output);
    }
}
