using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Routes of the third outside review (adversary round 3 of issue 12, /work/wt/adversary3-findings.md) that only a real
/// build proves: each turned an Enforce build green (or recorded an opt-out as central). Each test asserts what must
/// happen instead: the build fails with a GRD code naming the route, and no key is printed.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound3Tests
{
    private const string RootCursorMcp = "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n";

    private const string OptOuts =
        "    <GuardrailsScanFiles>false</GuardrailsScanFiles>\n    <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>\n    <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>\n";

    private readonly PackageFixture _fixture;

    public AdversaryRound3Tests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>The pinned repository with its project moved to App/ (the root Directory.Build.props holds the central settings).</summary>
    private TestProject RepoWithAppFolder(string policyId, string key)
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy(policyId, 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        Directory.CreateDirectory(repo.PathOf("App"));
        File.Move(repo.PathOf(repo.Name + ".csproj"), repo.PathOf("App/App.csproj"));
        File.Move(repo.PathOf("Program.cs"), repo.PathOf("App/Program.cs"));
        repo.Write("App/appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write(".cursor/mcp.json", RootCursorMcp);
        return repo;
    }

    private DotNet.Result BuildApp(TestProject repo) =>
        DotNet.Run(repo.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", repo.PathOf("App/App.csproj"), "-nodeReuse:false", "-p:UseSharedCompilation=false");

    private static void AssertRecordNamesOptOuts(TestProject repo)
    {
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(repo.PathOf("App/" + E2eDocuments.AuditRecordFile)));
        string record = audit.RootElement.ToString();
        Assert.Contains("GuardrailsScanFiles", record); // the record lists the opt-out as a local bypass, not as central
    }

    /// <summary>
    /// #3: the three opt-outs in App/Directory.Build.props, which imports the repository's root one, were captured as
    /// central (it is "the Directory.Build.props MSBuild imported"): no diagnostic, record clean. Central is the topmost
    /// Directory.Build.props; the nested one is the team's own file: GRD310 naming it and its line.
    /// </summary>
    [Fact]
    public void Opt_outs_in_a_nested_Directory_Build_props_that_imports_the_root_one_are_GRD310_at_that_file()
    {
        string key = FakeKeys.OpenAiProject("E2eAdv3NestedPropsFakeKeyNotReal");
        TestProject repo = RepoWithAppFolder("e2e-adv3-nested", key);
        string nested = repo.Write("App/Directory.Build.props",
            "<Project>\n  <Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" />\n" +
            "  <PropertyGroup>\n" + OptOuts + "  </PropertyGroup>\n</Project>\n");

        DotNet.Result result = BuildApp(repo);

        Assert.True(result.ExitCode != 0, "opt-outs in a nested Directory.Build.props turn the build green:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.Contains("GuardrailsScanFiles=false, set in " + nested + "(4)", result.Output);
        Assert.DoesNotContain("error GRD308", result.Output); // the root file's policy path and pin are still central
        Assert.DoesNotContain(key, result.Output);
        AssertRecordNamesOptOuts(repo);
    }

    /// <summary>
    /// #11: the opt-outs in the build/ props of a repository-local package (any package NuGet imports before Guardrails'
    /// props) were captured as central. Only Guardrails' own package and the policy package (the one holding the central
    /// policy file) are central: GRD310 naming the package's props file.
    /// </summary>
    [Fact]
    public void Opt_outs_in_the_build_props_of_a_repository_local_package_are_GRD310()
    {
        string key = FakeKeys.OpenAiProject("E2eAdv3PackagePropsFakeKeyNotReal");
        TestProject repo = RepoWithAppFolder("e2e-adv3-pkgprops", key);
        string feed = repo.PathOf("eng/feed");
        TestPackages.Write(feed, "Acme.Build", "1.0.0", ("build/Acme.Build.props", "<Project>\n  <PropertyGroup>\n" + OptOuts + "  </PropertyGroup>\n</Project>\n"));
        repo.UseLocalFeed(("repo", feed));
        string project = File.ReadAllText(repo.PathOf("App/App.csproj"));
        File.WriteAllText(repo.PathOf("App/App.csproj"), project.Replace("</ItemGroup>", "  <PackageReference Include=\"Acme.Build\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>", StringComparison.Ordinal));

        DotNet.Result result = BuildApp(repo);

        Assert.True(result.ExitCode != 0, "opt-outs in a local package's build props turn the build green:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.Matches(@"GuardrailsCheckFootprints=false, set in \S*acme\.build[/\\]1\.0\.0[/\\]build[/\\]Acme\.Build\.props\(4\)", result.Output);
        Assert.DoesNotContain(key, result.Output);
        AssertRecordNamesOptOuts(repo);
    }

    /// <summary>
    /// #4: GuardrailsScanFiles=false set by a project target before CoreCompile (so the scan-file collection is skipped)
    /// and put back by a second target after the selection, so the check saw "true": no diagnostic, record clean. A
    /// target that writes an opt-out is GRD310 naming the target, whatever it does later.
    /// </summary>
    [Fact]
    public void An_opt_out_set_by_a_target_and_put_back_before_the_check_is_GRD310_naming_the_target()
    {
        string key = FakeKeys.OpenAiProject("E2eAdv3TargetOptOutFakeKeyNotReal");
        TestProject repo = RepoWithAppFolder("e2e-adv3-target", key);
        File.Delete(repo.PathOf(".cursor/mcp.json"));
        string project = File.ReadAllText(repo.PathOf("App/App.csproj"));
        File.WriteAllText(repo.PathOf("App/App.csproj"), project.Replace("</Project>", """
              <Target Name="Off" BeforeTargets="CoreCompile">
                <PropertyGroup><GuardrailsScanFiles>false</GuardrailsScanFiles></PropertyGroup>
              </Target>
              <Target Name="On" AfterTargets="_GuardrailsSelectScanFiles">
                <PropertyGroup><GuardrailsScanFiles>true</GuardrailsScanFiles></PropertyGroup>
              </Target>
            </Project>
            """, StringComparison.Ordinal));

        DotNet.Result result = BuildApp(repo);

        Assert.True(result.ExitCode != 0, "an opt-out switched on and off by targets turns the build green:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.Contains("GuardrailsScanFiles=false, set in the target 'Off' at " + repo.PathOf("App/App.csproj"), result.Output);
        Assert.DoesNotContain("the target 'On'", result.Output); // putting a check back on is no opt-out
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// #14 and #9: a key in a shipped .txt saved as UTF-16 without a byte-order mark (read as binary: never scanned), and
    /// keys in plain text, a key file and a Jenkinsfile in the project folder (kinds neither the build nor the scan read).
    /// </summary>
    [Fact]
    public void Keys_in_unmarked_UTF16_and_in_plain_text_key_and_Jenkins_files_fail_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv3-kinds", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv3EncodingsFakeKeyNotReal");
        File.WriteAllBytes(repo.PathOf("k16.txt"), new UnicodeEncoding(false, false).GetBytes("OPENAI_API_KEY=" + key + "\r\n"));
        repo.Write("notes.txt", "staging key: " + key + "\n");
        repo.Write("openai.key", key + "\n");
        repo.Write("Jenkinsfile", "pipeline {\n  environment { OPENAI_API_KEY = '" + key + "' }\n}\n");
        repo.AddToProject("  <ItemGroup>\n    <None Remove=\"k16.txt\" />\n    <EmbeddedResource Include=\"k16.txt\" />\n  </ItemGroup>");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        foreach (string file in new[] { "k16.txt(1,16)", "notes.txt(1,", "openai.key(1,1)", "Jenkinsfile(2," })
        {
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(file) + @"[^\n]*error GRD002", result.Output);
        }

        Assert.DoesNotContain(key, result.Output);
    }
}
