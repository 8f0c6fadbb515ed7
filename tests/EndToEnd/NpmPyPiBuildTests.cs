namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 12 route R11 (adversary round 7, repro-6's content): an SPA's package.json depends on the npm <c>openai</c> SDK
/// and Python tooling's requirements.txt on <c>anthropic</c>. The package check read NuGet only, so the Enforce build
/// passed. The build now reads the repository's committed npm/PyPI package files (git's index) and judges their packages
/// with the one package evaluator as package URLs: GRD201 at each file and line; approved in packages.approved it passes.
/// </summary>
[Collection(PackageCollection.Name)]
public class NpmPyPiBuildTests
{
    private const string PackageJson = "{\n  \"name\": \"client-app\",\n  \"private\": true,\n  \"dependencies\": {\n    \"react\": \"^18.3.1\",\n    \"openai\": \"^4.77.0\"\n  }\n}\n";

    private const string Requirements = "requests==2.32.3\nanthropic==0.40.0\n";

    private readonly PackageFixture _fixture;

    public NpmPyPiBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Committed_npm_and_PyPI_AI_SDKs_fail_the_Enforce_build_with_GRD201_at_their_lines_and_pass_when_approved()
    {
        string unapproved = E2eDocuments.Policy("e2e-npm-pypi", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(unapproved, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("ClientApp/package.json", PackageJson);
        project.Write("scripts/requirements.txt", Requirements);
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"package\.json\(6,5\): Guardrails error GRD201: Package 'pkg:npm/openai' \^4\.77\.0 \(OpenAI TypeScript/JavaScript SDK", build.Output);
        Assert.Matches(@"requirements\.txt\(2,1\): Guardrails error GRD201: Package 'pkg:pypi/anthropic' 0\.40\.0 \(Anthropic Python library", build.Output);

        string approved = E2eDocuments.Policy("e2e-npm-pypi", 2, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" }, { "id": "pkg:npm/openai" }, { "id": "pkg:pypi/anthropic", "versions": "[0.40,1.0)" } ] }
            """);
        project.Write(E2eDocuments.PolicyFile, approved);
        project.PinPolicy(("GuardrailsMode", "Enforce"));

        DotNet.Result passes = project.Build();

        Assert.True(passes.ExitCode == 0, passes.ToString());
        Assert.DoesNotContain("GRD201", passes.Output);
    }
}
