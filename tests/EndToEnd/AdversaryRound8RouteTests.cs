using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 8 routes 1, 5 and 8 (session 12, msbuild12): projects that compiled outside every check, each with the
/// repository content of the round's repro in a real Enforce build of the packed package, then the documented gate
/// (<c>verify-build</c>, <c>scan</c>).
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound8RouteTests
{
    private const string NotApprovedOpenAi = """
        "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
        """;

    private readonly PackageFixture _fixture;

    public AdversaryRound8RouteTests(PackageFixture fixture) => _fixture = fixture;

    private static JsonElement[] ScanFindings(DotNet.Result scan)
    {
        string json = scan.Output.Substring(scan.Output.IndexOf('{'));
        using JsonDocument doc = JsonDocument.Parse(json.Substring(0, json.LastIndexOf('}') + 1));
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>
    /// Route 1 (repro-1): a look-alike Microsoft.Build.NoTargets package in eng/feed, a feed folder the repository commits
    /// and its nuget.config adds. Its Sdk.props imports Microsoft.NET.Sdk and moves obj/ and bin/ to .nt/, its Sdk.targets
    /// adds OpenAI; src/Worker/Worker.csproj only names the SDK and calls OpenAI. The build is green (the Worker has no
    /// Guardrails); the gate left it out by the SDK's name. Now its SDK package, restored from a feed inside the
    /// repository, vouches for nothing: GRDCL30 for the Worker, saying so. (The version is one nuget.org does not serve,
    /// so the look-alike cannot shadow the real 3.7.0 in the tests' shared package folder; the gate does not judge by version.)
    /// </summary>
    [Fact]
    public void Route1_a_look_alike_NoTargets_SDK_from_the_repository_s_feed_compiling_OpenAI_fails_the_gate_with_GRDCL30()
    {
        const string Version = "3.7.0-e2e.round8";
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r8-notargets", 2, members: NotApprovedOpenAi), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        WriteSdkPackage(repo.PathOf("eng/feed/microsoft.build.notargets." + Version + ".nupkg"), "Microsoft.Build.NoTargets", Version,
            ("Sdk/Sdk.props", """
                <Project>
                  <PropertyGroup>
                    <BaseIntermediateOutputPath>$(MSBuildProjectDirectory)/.nt/i/</BaseIntermediateOutputPath>
                    <BaseOutputPath>$(MSBuildProjectDirectory)/.nt/o/</BaseOutputPath>
                    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                  </PropertyGroup>
                  <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
                </Project>
                """),
            ("Sdk/Sdk.targets", """
                <Project>
                  <ItemGroup>
                    <PackageReference Include="OpenAI" Version="2.1.0" />
                  </ItemGroup>
                  <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
                </Project>
                """));
        repo.UseNuGetOrg(("eng", repo.PathOf("eng/feed")));
        string worker = repo.Write("src/Worker/Worker.csproj", "<Project Sdk=\"Microsoft.Build.NoTargets/" + Version + "\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("src/Worker/Program.cs", "using System;\nusing OpenAI.Chat;\nvar client = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!);\nConsole.WriteLine(client.GetType().FullName);\n");
        repo.AddToProject("  <ItemGroup><Compile Remove=\"src/**;eng/**\" /><None Remove=\"src/**;eng/**\" /></ItemGroup>");
        repo.Write("Repo.slnx", "<Solution>\n  <Project Path=\"App.csproj\" />\n  <Project Path=\"src/Worker/Worker.csproj\" />\n</Solution>\n");
        repo.Write(".gitignore", "bin/\nobj/\n.nt/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.BuildProjectFile("Repo.slnx");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(repo.PathOf("src/Worker/.nt/o/Debug/net10.0/OpenAI.dll")), "the look-alike compiled the Worker with OpenAI:\n" + build);

        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder });
        Assert.True(gate.ExitCode != 0, "a look-alike NoTargets SDK compiled OpenAI and the gate passes:\n" + gate);
        Assert.Contains("FAIL  GRDCL30 " + worker, gate.Output);
        Assert.Contains("the SDK Microsoft.Build.NoTargets " + Version + " in ", gate.Output);
        Assert.Contains("was restored from a feed inside the repository", gate.Output);
    }

    /// <summary>
    /// Route 5 (repro-5): OpenAI, a SHIP constant and ManagePackageVersionsCentrally=false (dropping the
    /// GlobalPackageReference to Guardrails) only under Condition="'$(_IsPublishing)' == 'true'". `dotnet build` compiles the
    /// clean branch; the scan judged packages only from the build's assets file (no OpenAI). Now the project file's
    /// declared packages are judged too: GRD201 at the reference. And the gate run after a `dotnet publish` that compiles
    /// (docs: run it after the last step that compiles) fails the publish's compilation.
    /// </summary>
    [Fact]
    public void Route5_a_package_only_dotnet_publish_takes_is_GRD201_in_the_scan_and_a_compiling_publish_fails_the_gate_after_it()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r8-publish", 2, members: NotApprovedOpenAi), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.Write("Directory.Packages.props", "<Project>\n  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>\n  <ItemGroup>\n    <GlobalPackageReference Include=\"Guardrails\" Version=\"" + _fixture.Version + "\" />\n  </ItemGroup>\n</Project>\n");
        repo.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <PropertyGroup Condition="'$(_IsPublishing)' == 'true'">
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <DefineConstants>$(DefineConstants);SHIP</DefineConstants>
              </PropertyGroup>
              <ItemGroup Condition="'$(_IsPublishing)' == 'true'">
                <PackageReference Include="OpenAI" Version="2.1.0" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("Program.cs", "#if SHIP\nvar chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!);\nConsole.WriteLine(chat.GetType().FullName);\n#else\nConsole.WriteLine(\"hello\");\n#endif\n");
        repo.Write(".gitignore", "bin/\nobj/\nout/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), "--format", "json");
        Assert.True(scan.ExitCode != 0, "OpenAI only a publish restores, and the scan after the build passes:\n" + scan);
        JsonElement finding = Assert.Single(ScanFindings(scan), f => f.GetProperty("rule").GetString() == "GRD201");
        Assert.Equal("App.csproj", finding.GetProperty("file").GetString());
        Assert.Equal(8, finding.GetProperty("line").GetInt32());
        Assert.Contains("not in the restore's obj/project.assets.json", finding.GetProperty("message").GetString());

        DotNet.Result publish = repo.Publish("-o", repo.PathOf("out"));
        Assert.True(publish.ExitCode == 0 && File.Exists(repo.PathOf("out/OpenAI.dll")), "the publish compiles the SHIP branch with OpenAI:\n" + publish);
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        Assert.True(gate.ExitCode != 0, "the gate after a compiling publish passes:\n" + gate);
        Assert.Matches("FAIL  GRDCL2[0-4] " + System.Text.RegularExpressions.Regex.Escape(repo.PathOf("obj") + Path.DirectorySeparatorChar), gate.Output);
    }

    /// <summary>
    /// Route 8 (repro-8 run.sh and run-glob.sh): tools/w/worker.xml, an SDK-style C# project referencing OpenAI, built by an
    /// SDK-less tools/pack.proj's Exec (in the solution) and by Directory.Solution.targets' MSBuild task over tools/*/*.xml,
    /// with ManagePackageVersionsCentrally=false and folders of its own. It was a project to neither the gate nor the scan.
    /// Now a file with a &lt;Project root that uses an SDK is one: GRDCL30 for it, GRD201 at its reference in the scan.
    /// </summary>
    [Fact]
    public void Route8_a_CSharp_project_saved_as_xml_built_by_Exec_or_a_wildcard_item_fails_the_gate_and_the_scan()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r8-xml", 2, members: NotApprovedOpenAi), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        string worker = repo.Write("tools/w/worker.xml", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><LanguageTargets>$(MSBuildToolsPath)/Microsoft.CSharp.targets</LanguageTargets><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="OpenAI" Version="2.1.0" /></ItemGroup>
            </Project>
            """);
        repo.Write("tools/w/Program.cs", "using System;\nvar chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!);\nConsole.WriteLine(chat.GetType().FullName);\n");
        repo.Write("tools/pack.proj", """
            <Project>
              <!-- packaging helper: no SDK, no Import, no compiler task -->
              <Target Name="Build">
                <Exec Command="dotnet build &quot;$(MSBuildThisFileDirectory)w/worker.xml&quot; -nodeReuse:false -p:ManagePackageVersionsCentrally=false -p:BaseIntermediateOutputPath=$(MSBuildThisFileDirectory)../.cache/i/ -p:OutputPath=$(MSBuildThisFileDirectory)../.cache/o/" />
              </Target>
              <Target Name="Restore" />
            </Project>
            """);
        repo.Write("Directory.Solution.targets", """
            <Project>
              <ItemGroup><W Include="tools/*/*.xml" /></ItemGroup>
              <Target Name="BuildTools" AfterTargets="Build">
                <PropertyGroup><_P>Configuration=$(Configuration);ManagePackageVersionsCentrally=false;BaseIntermediateOutputPath=$(MSBuildThisFileDirectory).cache/g/i/;OutputPath=$(MSBuildThisFileDirectory).cache/g/o/</_P></PropertyGroup>
                <MSBuild Projects="@(W)" Targets="Restore" Properties="$(_P);_R=1" />
                <MSBuild Projects="@(W)" Targets="Build" Properties="$(_P)" />
              </Target>
            </Project>
            """);
        repo.AddToProject("  <ItemGroup><Compile Remove=\"tools/**\" /><None Remove=\"tools/**\" /></ItemGroup>");
        repo.Write("Repo.slnx", "<Solution>\n  <Project Path=\"App.csproj\" />\n  <Project Path=\"tools/pack.proj\" Type=\"9A19103F-16F7-4668-BE54-9A1E7A4F7556\" />\n</Solution>\n");
        repo.Write(".gitignore", "bin/\nobj/\n.cache/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.BuildProjectFile("Repo.slnx");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(repo.PathOf(".cache/o/worker.dll")) && File.Exists(repo.PathOf(".cache/g/o/worker.dll")), "Exec and the wildcard MSBuild task compiled worker.xml:\n" + build);

        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        Assert.True(gate.ExitCode != 0, "worker.xml compiled OpenAI outside Guardrails and the gate passes:\n" + gate);
        Assert.Contains("FAIL  GRDCL30 " + worker, gate.Output);
        Assert.DoesNotContain("FAIL  GRDCL30 " + repo.PathOf("tools/pack.proj"), gate.Output); // it names what it builds

        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), "--format", "json");
        Assert.True(scan.ExitCode != 0, "the scan passes worker.xml's OpenAI reference:\n" + scan);
        Assert.Contains(ScanFindings(scan), f => f.GetProperty("rule").GetString() == "GRD201" && f.GetProperty("file").GetString() == "tools/w/worker.xml" && f.GetProperty("line").GetInt32() == 3);
    }

    /// <summary>An MSBuild SDK package (packageType MSBuildSdk) with <paramref name="files"/>, written as a feed folder's .nupkg.</summary>
    private static void WriteSdkPackage(string nupkg, string id, string version, params (string Path, string Text)[] files)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(nupkg)!);
        using ZipArchive zip = ZipFile.Open(nupkg, ZipArchiveMode.Create);
        void Entry(string path, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        Entry(id + ".nuspec", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n    <id>" + id +
            "</id>\n    <version>" + version + "</version>\n    <authors>Microsoft</authors>\n    <description>Provides targets for projects that do not compile an assembly.</description>\n" +
            "    <packageTypes><packageType name=\"MSBuildSdk\" /></packageTypes>\n  </metadata>\n</package>\n");
        foreach ((string path, string text) in files)
        {
            Entry(path, text);
        }
    }
}
