using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Routes of the fourth outside review (adversary round 4, /work/wt/adversary4-findings.md): each turned an Enforce build
/// with a key, an opt-out, an undeclared assistant or an unapproved use of an AI SDK green, with an audit record that
/// says clean and the documented CI gate (guardrails verify-build with the pin, --min-revision and --rescan-with-policy)
/// green as well. Each test asserts what must happen instead: the build fails with a GRD code, or the gate fails with a
/// GRDCL code. They fail on main b90d186 (branch adv4), each at the assertion named in its summary. All six are taken:
/// #5, #7, #17 closed at the gate, #13, #1 and #6 in the build (bypass4).
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound4Tests
{
    private const string CursorFilesystemMcp = "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n";

    private const string ResxHeader = """
        <?xml version="1.0" encoding="utf-8"?>
        <root>
          <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
          <resheader name="version"><value>2.0</value></resheader>
          <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
          <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
        """;

    private readonly PackageFixture _fixture;

    public AdversaryRound4Tests(PackageFixture fixture) => _fixture = fixture;

    private static void AssertRecordListsTheOptOut(string recordPath)
    {
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(recordPath));
        Assert.Contains("GuardrailsCheckFootprints", audit.RootElement.GetProperty("localBypasses").ToString()); // a local bypass, not a central value
    }

    /// <summary>
    /// Finding 13: a package the team adds (from a feed committed in the repository) carries a byte-identical copy of the
    /// published policy, points GuardrailsPolicyPath at it and sets the three opt-outs. The pin still matches and the
    /// record's policy hash is the published one, and the package became "the package whose folder holds the policy file
    /// the central path names": no GRD308, no GRD310, record clean, the undeclared .cursor/ and the key in appsettings.json
    /// passed. Fails today at Assert.True(result.ExitCode != 0, …): the build exits 0.
    /// </summary>
    [Fact]
    public void A_team_package_carrying_a_copy_of_the_policy_cannot_make_its_opt_outs_central()
    {
        TestProject repo = _fixture.NewProject();
        string feed = repo.PathOf("eng/feed");
        string policy = E2eDocuments.Policy("e2e-adv4-policy-copy", 2);
        TestPackages.WritePolicyPackage(feed, "E2eAdv4.Policy", "1.0.0", policy, importsCentralCapture: true);
        repo.UseLocalFeed(("repository-feed", feed));
        repo.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        repo.SetProperties(("GuardrailsMode", "Enforce"));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"E2eAdv4.Policy\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>");
        string key = FakeKeys.OpenAiProject("E2eAdv4PolicyCopyFakeKeyNotReal");
        repo.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write(".cursor/mcp.json", CursorFilesystemMcp);
        Directory.CreateDirectory(repo.PathOf(".git"));
        DotNet.Result without = repo.Build();
        Assert.True(without.ExitCode != 0 && without.Output.Contains("error GRD002", StringComparison.Ordinal), without.ToString());

        TestPackages.Write(
            feed,
            "E2eAdv4.TeamDefaults",
            "1.0.0",
            TestPackages.Text(
                ("content/guardrails.policy.json", policy),
                ("build/E2eAdv4.TeamDefaults.props", """
                    <Project>
                      <PropertyGroup>
                        <GuardrailsPolicyPath>$(MSBuildThisFileDirectory)../content/guardrails.policy.json</GuardrailsPolicyPath>
                        <GuardrailsScanFiles>false</GuardrailsScanFiles>
                        <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                        <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
                      </PropertyGroup>
                      <Import Project="$(_GuardrailsCentralCaptureProps)" Condition="'$(_GuardrailsCentralCaptureProps)' != ''" />
                    </Project>
                    """)),
            dependencies: new[] { ("E2eAdv4.Policy", "1.0.0") },
            developmentDependency: true);

        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"E2eAdv4.TeamDefaults\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "a team package with a copy of the policy makes its opt-outs central, the build is green:\n" + result);
        Assert.True(result.Output.Contains("error GRD310", StringComparison.Ordinal) || result.Output.Contains("error GRD308", StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// Finding 1: a Directory.Build.props in the team's folder that does NOT import the repository's root one (the policy
    /// comes from the policy package, so nothing is lost by skipping the root file). MSBuild imports only the nearest
    /// file, so the team's file is "the topmost Directory.Build.props MSBuild imported" and its opt-outs counted as central:
    /// no diagnostic, record clean. Fails today at Assert.True(result.ExitCode != 0, …): the build exits 0.
    /// </summary>
    [Fact]
    public void Opt_outs_in_a_team_folder_Directory_Build_props_that_skips_the_root_one_fail_the_build_with_GRD310()
    {
        TestProject repo = _fixture.NewProject();
        string feed = repo.PathOf("eng/feed");
        TestPackages.WritePolicyPackage(feed, "E2eAdv4.NestedPolicy", "1.0.0", E2eDocuments.Policy("e2e-adv4-nested-no-import", 2), importsCentralCapture: true);
        repo.UseLocalFeed(("repository-feed", feed));
        repo.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        repo.SetProperties(("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        string key = FakeKeys.OpenAiProject("E2eAdv4NestedNoImportFakeKeyNotReal");
        repo.Write("team/Team.csproj", File.ReadAllText(repo.PathOf(repo.Name + ".csproj")).Replace(
            "</Project>", "  <ItemGroup>\n    <PackageReference Include=\"E2eAdv4.NestedPolicy\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
        repo.Write("team/Program.cs", "Console.WriteLine(1);\n");
        repo.Write("team/appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write(".cursor/mcp.json", CursorFilesystemMcp);
        repo.AddToProject("  <ItemGroup>\n    <Compile Remove=\"team/**\" />\n    <None Remove=\"team/**\" />\n  </ItemGroup>");
        DotNet.Result without = repo.BuildProjectFile("team/Team.csproj");
        Assert.True(without.ExitCode != 0 && without.Output.Contains("error GRD130", StringComparison.Ordinal), without.ToString());

        repo.Write("team/Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <GuardrailsMode>Enforce</GuardrailsMode>
                <GuardrailsScanFiles>false</GuardrailsScanFiles>
                <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
              </PropertyGroup>
            </Project>
            """);
        DotNet.Result result = repo.BuildProjectFile("team/Team.csproj");

        Assert.True(result.ExitCode != 0, "opt-outs in a team folder's Directory.Build.props (root one not imported) turn the build green:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.DoesNotContain(key, result.Output);
        AssertRecordListsTheOptOut(repo.PathOf("team/" + E2eDocuments.AuditRecordFile));
    }

    /// <summary>
    /// Finding 7: the key as plain text in a committed .bin file that a .resx pulls in with a ResXFileRef (System.String):
    /// GenerateResource puts it into the resources of the assembly itself. The build reads the .resx, not the file it
    /// references; the gate verifies the assembly by its hash. Fails today at the last Assert.True (build and gate green).
    /// </summary>
    [Fact]
    public void A_key_pulled_into_the_assembly_by_a_resx_file_reference_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-resx-ref", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv4ResxRefFakeKeyNotReal");
        repo.Write("res/openai.bin", key);
        repo.Write("Strings.resx", ResxHeader + """
              <data name="OpenAiKey" type="System.Resources.ResXFileRef, System.Windows.Forms"><value>res/openai.bin;System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089;utf-8</value></data>
            </root>
            """);
        repo.Write("Program.cs", "Console.WriteLine(new System.Resources.ResourceManager(\"App.Strings\", typeof(Program).Assembly).GetString(\"OpenAiKey\")!.Length);\n");

        repo.AssertBuildOrGateFails(
            key,
            () => File.ReadAllText(repo.PathOf("bin/Debug/net10.0/App.dll"), System.Text.Encoding.Latin1).Contains(key, StringComparison.Ordinal), // it ships
            "the key ships inside App.dll",
            "GRDCL");
    }

    /// <summary>
    /// Finding 5: the key as plain text (no NUL byte) in files named .png and .pfx, copied to the output as ordinary None
    /// items. Both are judged binary by their name alone: the build leaves them out quietly, the gate's bin/ text scan
    /// (GRDCL31) does not read them, and `guardrails scan` says nothing. Fails today at the last Assert.True.
    /// </summary>
    [Fact]
    public void A_key_in_a_text_file_with_an_image_or_certificate_name_copied_to_bin_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-binary-name", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv4BinaryNameFakeKeyNotReal");
        repo.Write("ship.png", "OPENAI_API_KEY=" + key + "\n");
        repo.Write("ship.pfx", "OPENAI_API_KEY=" + key + "\n");
        repo.AddToProject("  <ItemGroup><None Update=\"ship.*\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>");

        repo.AssertBuildOrGateFails(
            key,
            () => File.ReadAllText(repo.PathOf("bin/Debug/net10.0/ship.png")).Contains(key, StringComparison.Ordinal),
            "bin/ship.png and bin/ship.pfx hold a key as plain text",
            "GRDCL31");
    }

    /// <summary>
    /// Finding 6: a real git repository with web/.cursor/mcp.json committed, whose index is then written as a split index
    /// (`git update-index --split-index`, or core.splitIndex=true): .git/index holds a link to .git/sharedindex.*, where the
    /// entries are. The footprint pass over the git index read no entries, so the committed, undeclared Cursor MCP
    /// configuration off the project's walk was not reported. Fails today at Assert.True(result.ExitCode != 0, …) after the split.
    /// </summary>
    [Fact]
    public void Assistant_files_committed_in_a_repository_with_a_split_git_index_fail_the_build_with_GRD130()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-split-index", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.Write("web/.cursor/mcp.json", CursorFilesystemMcp);
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);
        DotNet.Result plain = repo.Build();
        Assert.True(plain.ExitCode != 0 && plain.Output.Contains("error GRD130: 'web/.cursor/'", StringComparison.Ordinal), plain.ToString());

        Git.Run(repo.Directory, "update-index", "--split-index");
        Assert.NotEmpty(Directory.GetFiles(repo.PathOf(".git"), "sharedindex.*"));
        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "with a split git index the committed web/.cursor/mcp.json is not seen:\n" + result);
        Assert.Contains("error GRD130: 'web/.cursor/'", result.Output);
    }

    /// <summary>
    /// Finding 17: a package the team adds (from a feed committed in the repository) carries the unmodified OpenAI.dll and
    /// System.ClientModel.dll under tools/; a target copies them into bin/ and the app loads them with a type name from its
    /// configuration. The gate accepted bin/OpenAI.dll as "a file of a package a verified project restored" and the
    /// check judges packages by id only: build, record and gate green, the AI-BOM without OpenAI. Fails today at the last
    /// Assert.True (build exit 0, gate exit 0).
    /// </summary>
    [Fact]
    public void An_unapproved_sdk_vendored_in_the_tools_folder_of_a_team_package_and_copied_into_bin_fails_the_build_or_the_gate()
    {
        // The real SDK files, from nuget.org into the fixture's package folder (a folder outside the repository).
        string download = Path.Combine(_fixture.Root, "adv4-download-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(download);
        File.WriteAllText(Path.Combine(download, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n  </packageSources>\n</configuration>\n");
        File.WriteAllText(Path.Combine(download, "Download.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="OpenAI" Version="[2.1.0]" />
                <PackageDownload Include="System.ClientModel" Version="[1.2.1]" />
              </ItemGroup>
            </Project>
            """);
        DotNet.Result restore = DotNet.Run(download, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder }, "restore", Path.Combine(download, "Download.csproj"), "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        string openAi = Path.Combine(_fixture.PackagesFolder, "openai", "2.1.0", "lib", "net6.0", "OpenAI.dll");
        string clientModel = Path.Combine(_fixture.PackagesFolder, "system.clientmodel", "1.2.1", "lib", "net6.0", "System.ClientModel.dll");

        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-vendored-sdk", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string feed = repo.PathOf("eng/feed");
        TestPackages.Write(
            feed,
            "E2eAdv4.Tools",
            "1.0.0",
            new[] { ("tools/plugins/OpenAI.dll", File.ReadAllBytes(openAi)), ("tools/plugins/System.ClientModel.dll", File.ReadAllBytes(clientModel)) },
            developmentDependency: true);

        repo.UseLocalFeed(("repository-feed", feed));
        repo.AddToProject("""
              <ItemGroup><PackageReference Include="E2eAdv4.Tools" Version="1.0.0" PrivateAssets="all" GeneratePathProperty="true" /></ItemGroup>
              <Target Name="CopyPlugins" AfterTargets="Build">
                <ItemGroup><_Plugin Include="$(PkgE2eAdv4_Tools)/tools/plugins/*.*" /></ItemGroup>
                <Copy SourceFiles="@(_Plugin)" DestinationFolder="$(OutDir)" />
              </Target>
            """);
        repo.Write("Program.cs", """
            using System.Reflection;
            var plugins = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(f => !f.EndsWith("App.dll")).Select(Assembly.LoadFrom).ToList();
            var type = plugins.Select(a => a.GetType(Environment.GetEnvironmentVariable("PLUGIN_TYPE") ?? "none")).FirstOrDefault(t => t != null);
            Console.WriteLine(type is null ? "no plugin" : Activator.CreateInstance(type, "gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "x")!.GetType().FullName);
            """);

        repo.AssertBuildOrGateFails(
            null,
            () => File.Exists(repo.PathOf("bin/Debug/net10.0/OpenAI.dll")),
            "bin/OpenAI.dll (unapproved, from a team package's tools/ folder) ships",
            "GRDCL");
    }
}
