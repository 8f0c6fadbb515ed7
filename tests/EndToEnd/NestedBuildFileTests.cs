using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// MSBuild imports only the nearest Directory.Build.props. Found by an outside review: a Directory.Build.props placed next
/// to the project, not importing the repository's own (which holds the policy path, pin and Enforce), turned an Enforce
/// build with a hardcoded key green with no diagnostic and an audit record saying "no policy".
/// </summary>
[Collection(PackageCollection.Name)]
public class NestedBuildFileTests
{
    private readonly PackageFixture _fixture;

    public NestedBuildFileTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_nearer_Directory_Build_props_that_hides_the_repositorys_one_fails_the_build_naming_the_hidden_file()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-nested", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        string app = repo.PathOf(Path.Combine("src", "App"));
        Directory.CreateDirectory(app);
        File.Move(repo.PathOf(repo.Name + ".csproj"), Path.Combine(app, "App.csproj"));
        File.Delete(repo.PathOf("Program.cs"));
        string key = FakeKeys.OpenAiProject("E2eNestedPropsFakeKeyNotReal");
        repo.Write("src/App/Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        repo.Write("src/App/Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <NoWarn>$(NoWarn);GRD001</NoWarn>
                <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
              </PropertyGroup>
            </Project>
            """);

        DotNet.Result result = DotNet.Run(repo.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", Path.Combine(app, "App.csproj"), "-nodeReuse:false", "-p:UseSharedCompilation=false");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith(repo.PathOf("Directory.Build.props") + " ", StringComparison.Ordinal) && l.Contains("error GRD308") && l.Contains("does not import it"));
        Assert.DoesNotContain(key, result.Output);
    }
}
