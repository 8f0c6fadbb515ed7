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

    /// <summary>
    /// Adversary round 4 #1: the policy comes from a policy package (so a central policy reaches the build), the
    /// repository's Directory.Build.props sets only the mode, and a team folder's own Directory.Build.props that does not
    /// import it switches the checks off. MSBuild stops at the nearer file, so it was taken for "the topmost imported"
    /// central one: opt-outs silent, record clean, gate green. The repository's own file is the topmost on disk; the
    /// nearer one is local (GRD310 at its lines) and the hidden file is GRD308.
    /// </summary>
    [Fact]
    public void A_team_folders_Directory_Build_props_that_does_not_import_the_repositorys_one_is_local_and_its_opt_outs_are_GRD310()
    {
        string version = "1.0." + Random.Shared.Next(1, 100000);
        TestPackages.WritePolicyPackage(_fixture.Feed, "E2e.Guardrails.Policy", version, E2eDocuments.Policy("e2e-nested-package", 2), importsCentralCapture: true);
        TestProject repo = _fixture.NewProject();
        Directory.CreateDirectory(repo.PathOf(".git"));
        repo.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        repo.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <GuardrailsMode>Enforce</GuardrailsMode>\n  </PropertyGroup>\n</Project>\n");
        repo.AddToProject("<ItemGroup><PackageReference Include=\"E2e.Guardrails.Policy\" Version=\"" + version + "\" PrivateAssets=\"all\" /></ItemGroup>");
        string app = repo.PathOf(Path.Combine("src", "App"));
        Directory.CreateDirectory(app);
        File.Move(repo.PathOf(repo.Name + ".csproj"), Path.Combine(app, "App.csproj"));
        File.Move(repo.PathOf("Program.cs"), Path.Combine(app, "Program.cs"));
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n");
        repo.Write("src/App/Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <GuardrailsMode>Enforce</GuardrailsMode>
                <GuardrailsScanFiles>false</GuardrailsScanFiles>
                <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
              </PropertyGroup>
            </Project>
            """);

        DotNet.Result result = DotNet.Run(repo.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", Path.Combine(app, "App.csproj"), "-nodeReuse:false", "-p:UseSharedCompilation=false");

        Assert.True(result.ExitCode != 0, "expected the opt-outs to fail the build:\n" + result);
        string nested = repo.PathOf(Path.Combine("src", "App", "Directory.Build.props"));
        foreach (string optOut in new[] { "GuardrailsScanFiles", "GuardrailsCheckFootprints", "GuardrailsScanRepositoryFiles" })
        {
            Assert.Contains(result.Output.Split('\n'), l => l.Contains("error GRD310") && l.Contains(optOut) && l.Contains(nested));
        }

        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith(repo.PathOf("Directory.Build.props") + " ", StringComparison.Ordinal) && l.Contains("error GRD308") && l.Contains("does not import it"));
    }
}
