using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Routes of the third outside review (adversary round 3, /work/wt/adversary3-findings.md): each turned an Enforce build
/// with a key, an opt-out or an unapproved AI SDK green, most with an audit record that says clean and the documented CI
/// gate (guardrails verify-build with the pin, --min-revision and --rescan-with-policy) green as well. Each test asserts
/// what must happen instead: the build fails with a GRD code, or the gate fails with a GRDCL code. From branch adv3
/// (b75b08c, 538824a, 881b336), kept as regression tests for the routes closed (#3, #11, #6, #12), with the routes of the
/// same review that only a real build proves (#4, #14, #9). Findings 7 and 10 (an SDK embedded as resources, the Azure
/// route's base client through a subclass or Activator) are left to the work on reflection and late items.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound3Tests
{
    private const string RootCursorMcp = "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n";

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

    private static void AssertRecordListsTheOptOut(string recordPath)
    {
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(recordPath));
        Assert.Contains("GuardrailsScanFiles", audit.RootElement.ToString()); // a local bypass in the record, not a central value
    }

    /// <summary>
    /// Finding 3: a Directory.Build.props in the team's own folder that imports the central one and then sets the three
    /// opt-outs. It is "the Directory.Build.props MSBuild imported", so the opt-outs were captured as central values: no
    /// GRD310, the key in appsettings.json and the undeclared .cursor/ passed, and the record listed no local bypass.
    /// </summary>
    [Fact]
    public void Opt_outs_in_a_nested_Directory_Build_props_that_imports_the_central_one_fail_the_build_with_GRD310()
    {
        TestProject repo = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-adv3-nested-props", 2), E2eDocuments.MinimalManifest);
        repo.PinPolicy(("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv3NestedPropsFakeKeyNotReal");
        repo.Write("team/Team.csproj", File.ReadAllText(repo.PathOf(repo.Name + ".csproj")));
        repo.Write("team/Program.cs", "Console.WriteLine(1);\n");
        repo.Write("team/appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.AddToProject("  <ItemGroup>\n    <Compile Remove=\"team/**\" />\n    <None Remove=\"team/**\" />\n  </ItemGroup>");
        DotNet.Result without = repo.BuildProjectFile("team/Team.csproj");
        Assert.True(without.ExitCode != 0 && without.Output.Contains("error GRD002", StringComparison.Ordinal), without.ToString());

        repo.Write("team/Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
              <PropertyGroup>
                <GuardrailsScanFiles>false</GuardrailsScanFiles>
                <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
              </PropertyGroup>
            </Project>
            """);
        DotNet.Result result = repo.BuildProjectFile("team/Team.csproj");

        Assert.True(result.ExitCode != 0, "three opt-outs in a nested Directory.Build.props turn the build green with no GRD310:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.Contains("GuardrailsScanFiles=false, set in " + repo.PathOf("team/Directory.Build.props") + "(4)", result.Output); // the nested file is named
        Assert.DoesNotContain("error GRD308", result.Output); // the root file's policy path and pin are still central
        Assert.DoesNotContain(key, result.Output);
        AssertRecordListsTheOptOut(repo.PathOf("team/" + E2eDocuments.AuditRecordFile));
    }

    /// <summary>
    /// Finding 11: the same opt-outs in the build/ props of an ordinary package (here from a feed committed in the
    /// repository). NuGet imports it before Guardrails.props captures the central values, so it counted as central: no
    /// GRD310, record clean. Central is Directory.Build.props and the policy package, not any package a team adds.
    /// </summary>
    [Fact]
    public void Opt_outs_in_the_build_props_of_a_package_the_project_references_fail_the_build_with_GRD310()
    {
        TestProject repo = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-adv3-package-props", 2), E2eDocuments.MinimalManifest);
        repo.PinPolicy(("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv3PackagePropsFakeKeyNotReal");
        repo.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        DotNet.Result without = repo.Build();
        Assert.True(without.ExitCode != 0 && without.Output.Contains("error GRD002", StringComparison.Ordinal), without.ToString());
        string feed = repo.PathOf("eng/feed");
        TestPackages.Write(
            feed,
            "E2eAdv3.BuildDefaults",
            "1.0.0",
            TestPackages.Text(("build/E2eAdv3.BuildDefaults.props", """
                <Project>
                  <PropertyGroup>
                    <GuardrailsScanFiles>false</GuardrailsScanFiles>
                    <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                    <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
                  </PropertyGroup>
                </Project>
                """)),
            developmentDependency: true);

        repo.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="repository-feed" value="eng/feed" />
                <add key="guardrails-test-feed" value="{_fixture.Feed}" />
              </packageSources>
            </configuration>
            """);
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"E2eAdv3.BuildDefaults\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "a package's build props switch the key scan off and the build is green with no GRD310:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.Matches(@"GuardrailsCheckFootprints=false, set in \S*e2eadv3\.builddefaults[/\\]1\.0\.0[/\\]build[/\\]E2eAdv3\.BuildDefaults\.props\(4\)", result.Output);
        Assert.DoesNotContain(key, result.Output);
        AssertRecordListsTheOptOut(repo.PathOf(E2eDocuments.AuditRecordFile));
    }

    /// <summary>
    /// Finding 6: a .txt file copied to the output is taken out of the None items before CoreCompile (where Guardrails
    /// lists what ships) and put back after it (where the SDK's copy step reads them): the key ships in bin/ unreported.
    /// </summary>
    [Fact]
    public void A_shipped_file_taken_out_of_the_items_only_around_CoreCompile_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-adv3-item-swap", 2), E2eDocuments.MinimalManifest);
        repo.PinPolicy(("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv3ItemSwapFakeKeyNotReal");
        repo.Write("prod.txt", "OPENAI_API_KEY=" + key + "\n");
        repo.AddToProject("""
              <ItemGroup><None Update="prod.txt" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>
              <Target Name="Hide" BeforeTargets="CoreCompile">
                <ItemGroup><_Keep Include="@(None)" Condition="'%(Filename)' == 'prod'" /><None Remove="@(_Keep)" /></ItemGroup>
              </Target>
              <Target Name="Show" AfterTargets="CoreCompile">
                <ItemGroup><None Include="@(_Keep)" /></ItemGroup>
              </Target>
            """);

        DotNet.Result result = repo.Build();
        Assert.DoesNotContain(key, result.Output);
        if (result.ExitCode != 0 && Regex.IsMatch(result.Output, @"error GRD(002|311)"))
        {
            return;
        }

        // The build is green and ships the key: the documented gate reads bin/ itself (GRDCL31).
        Assert.True(result.ExitCode == 0 && File.Exists(repo.PathOf("bin/Debug/net10.0/prod.txt")), result.ToString());
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        Assert.True(gate.ExitCode != 0, "bin/Debug/net10.0/prod.txt holds a key and neither the build nor the gate objects:\n" + result + "\n" + gate);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf("bin/Debug/net10.0/prod.txt"), gate.Output);
        Assert.DoesNotContain(key, gate.Output);
    }

    /// <summary>
    /// Finding 12: a NoTargets project with the .proj extension references the unapproved OpenAI package and is only
    /// restored (by an MSBuild task in the app's own build); the app copies OpenAI.dll from the package folder into bin/
    /// and loads it by reflection. The gate accepted bin/OpenAI.dll as "a file of a restored package", the .proj is
    /// neither a project the gate requires a record for nor one whose packages anything checks.
    /// </summary>
    [Fact]
    public void An_unapproved_sdk_restored_by_a_restore_only_NoTargets_proj_and_copied_into_bin_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-adv3-notargets", 2), E2eDocuments.MinimalManifest);
        repo.PinPolicy(("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.Write("tools/Sdk.proj", """
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="OpenAI" Version="2.1.0" /></ItemGroup>
            </Project>
            """);
        repo.AddToProject("""
              <ItemGroup><None Remove="tools/**" /></ItemGroup>
              <Target Name="CopyPlugins" AfterTargets="Build">
                <MSBuild Projects="tools/Sdk.proj" Targets="Restore" Properties="_IsRestoreOnly=true" />
                <PropertyGroup><_P>$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot)))</_P></PropertyGroup>
                <Copy SourceFiles="$(_P)openai/2.1.0/lib/net6.0/OpenAI.dll;$(_P)system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" DestinationFolder="$(OutDir)" />
              </Target>
            """);
        repo.Write("Program.cs", """
            using System.Reflection;
            var sdk = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "Open" + "AI.dll"));
            var type = sdk.GetType(string.Join(".", "Open" + "AI", "Chat", "ChatClient"))!;
            object client = Activator.CreateInstance(type, "gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing")!;
            Console.WriteLine(client.GetType().FullName);
            """);

        repo.AssertBuildOrGateFails(null, () => File.Exists(repo.PathOf("bin/Debug/net10.0/OpenAI.dll")), "bin/OpenAI.dll (unapproved) ships and is used,", "GRDCL");
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
