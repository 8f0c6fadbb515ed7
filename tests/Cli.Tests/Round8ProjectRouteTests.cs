using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 8 routes 1, 5 and 8: projects that compiled outside every check. Route 1, a look-alike
/// Microsoft.Build.NoTargets SDK from a feed the repository supplies (the gate decided "compiles nothing" from the SDK's
/// name); route 5, a PackageReference only `dotnet publish` takes (the scan trusted the build's assets file); route 8, a C#
/// project saved as worker.xml built by a script's Exec or a wildcard item (a project to no check).
/// </summary>
public class Round8ProjectRouteTests
{
    private static JsonElement[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>A repository with one verified project (src/App) and a git index holding every file written so far.</summary>
    private static TempRepo VerifiedApp()
    {
        var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        byte[] app = File.ReadAllBytes(typeof(Round8ProjectRouteTests).Assembly.Location);
        string project = repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Directory.CreateDirectory(repo.PathOf("src/App/obj/Debug/net8.0"));
        File.WriteAllBytes(repo.PathOf("src/App/obj/Debug/net8.0/App.dll"), app);
        repo.Write("src/App/obj/Debug/net8.0/guardrails/guardrails.audit.json", "{ \"auditFormat\": \"1.2\", \"project\": { \"path\": \"" + project.Replace("\\", "\\\\") + "\" }, " +
            "\"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" + Sha(app) + "\" }, \"checkRan\": true, \"analyzersRan\": true, " +
            "\"severities\": \"error, not configurable (Enforce; no local suppression)\", \"verified\": true, \"findings\": [] } }");
        return repo;
    }

    private static void Track(TempRepo repo) => ScanTests.Git(repo.Root, "add", "-A", "--", ".", ":(exclude)**/obj/**", ":(exclude)sdk-packages/**");

    /// <summary>
    /// The SDK package as restore leaves it in a package folder (sdk-packages/&lt;id&gt;/&lt;version&gt;/, from
    /// <paramref name="source"/>), and the project's obj/project.assets.json naming that package folder, as a restore writes it.
    /// </summary>
    internal static void RestoredSdk(TempRepo repo, string projectFolder, string id, string version, string source)
    {
        string folder = "sdk-packages/" + id.ToLowerInvariant() + "/" + version;
        VerifyBuildTests.Restored(repo, folder, id.ToLowerInvariant() + "." + version, ("Sdk/Sdk.props", Encoding.UTF8.GetBytes("<Project />")));
        string metadata = repo.PathOf(folder + "/.nupkg.metadata");
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("https://api.nuget.org/v3/index.json", source.Replace("\\", "\\\\"), StringComparison.Ordinal));
        repo.Write(projectFolder + "/obj/project.assets.json", "{ \"version\": 3, \"packageFolders\": { \"" + repo.PathOf("sdk-packages").Replace("\\", "\\\\") + "/\": {} } }");
    }

    /// <summary>
    /// Route 1 (repro-1): src/Worker/Worker.csproj names Sdk="Microsoft.Build.NoTargets/3.7.0"; what NuGet resolved for that
    /// name decides whether it compiles nothing: the package from nuget.org (restore's record holding) leaves it out, one
    /// restored from a feed folder inside the repository, from a source CI does not trust, with restore's record broken,
    /// or found in no package folder makes it a compiling project with no record: GRDCL30 naming why.
    /// </summary>
    /// <summary>
    /// Session 14 (issue 12, the NoTargets route): a genuine NoTargets project (SDK from nuget.org) whose own target calls
    /// the <c>Csc</c> task with sources and an SDK reference of its choosing compiles an assembly no record vouches for;
    /// the gate left it out as "compiles nothing". It is now a compiling project (GRDCL30 when no verified record names it).
    /// </summary>
    [Fact]
    public void A_NoTargets_project_that_runs_its_own_compiler_task_needs_a_verified_record()
    {
        using TempRepo repo = VerifiedApp();
        string worker = repo.Write("src/Worker/Worker.csproj", """
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <Target Name="Gen" AfterTargets="Build">
                <Csc Sources="@(Compile)" References="$(NuGetPackageRoot)openai/2.15.0/lib/net8.0/OpenAI.dll" OutputAssembly="$(MSBuildThisFileDirectory)out/Gen.dll" TargetType="library" />
              </Target>
            </Project>
            """);
        repo.Write("src/Worker/Gen.cs", "public static class Gen { }\n");
        Track(repo);
        RestoredSdk(repo, "src/Worker", "Microsoft.Build.NoTargets", "3.7.0", "https://api.nuget.org/v3/index.json");

        CliRun run = CliRun.Of("verify-build", repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + worker, run.Out);
    }

    [Fact]
    public void Route1_a_NoTargets_project_is_left_out_only_when_its_SDK_package_came_from_a_trusted_source()
    {
        using TempRepo repo = VerifiedApp();
        string worker = repo.Write("src/Worker/Worker.csproj", "<Project Sdk=\"Microsoft.Build.NoTargets/3.7.0\">\n  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        repo.Write("src/Worker/Program.cs", "System.Console.WriteLine(1);\n");
        Track(repo);
        string fail = "FAIL  GRDCL30 " + worker;

        RestoredSdk(repo, "src/Worker", "Microsoft.Build.NoTargets", "3.7.0", "https://api.nuget.org/v3/index.json");
        CliRun real = CliRun.Of("verify-build", repo.Root);
        Assert.True(real.ExitCode == 0, real.Out + real.Err);

        // The look-alike from eng/feed, a folder of the repository its nuget.config adds.
        repo.Write("eng/feed/readme.txt", "feed");
        Track(repo);
        RestoredSdk(repo, "src/Worker", "Microsoft.Build.NoTargets", "3.7.0", repo.PathOf("eng/feed"));
        CliRun local = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, local.ExitCode);
        Assert.Contains(fail, local.Out);
        Assert.Contains("restored from a feed inside the repository", local.Out);

        // From a remote feed the repository's nuget.config adds: not nuget.org (the default), nor a source CI names.
        RestoredSdk(repo, "src/Worker", "Microsoft.Build.NoTargets", "3.7.0", "https://pkgs.example.test/v3/index.json");
        CliRun remote = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, remote.ExitCode);
        Assert.Contains(fail, remote.Out);
        Assert.Contains("not a source CI trusts", remote.Out);
        Assert.Equal(1, CliRun.Of("verify-build", repo.Root, "--trusted-package-source", "https://api.nuget.org/v3/index.json").ExitCode);
        CliRun trusted = CliRun.Of("verify-build", repo.Root, "--trusted-package-source", "https://pkgs.example.test/v3/index.json/");
        Assert.True(trusted.ExitCode == 0, trusted.Out + trusted.Err);

        // Restore's record broken (the .nupkg is not the one .nupkg.sha512 names): not vouched for.
        RestoredSdk(repo, "src/Worker", "Microsoft.Build.NoTargets", "3.7.0", "https://api.nuget.org/v3/index.json");
        File.WriteAllText(repo.PathOf("sdk-packages/microsoft.build.notargets/3.7.0/microsoft.build.notargets.3.7.0.nupkg.sha512"), "AAAA");
        CliRun broken = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(fail, broken.Out);
        Assert.Contains("is not a package restore wrote", broken.Out);

        // A version found in no package folder, and a version the gate cannot read: compiling.
        File.WriteAllText(worker, "<Project Sdk=\"Microsoft.Build.NoTargets/0.0.1-nowhere\" />");
        CliRun nowhere = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, nowhere.ExitCode);
        Assert.Contains("was found in none of the package folders", nowhere.Out);
        File.WriteAllText(worker, "<Project Sdk=\"Microsoft.Build.Traversal\" />");
        CliRun noVersion = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, noVersion.ExitCode);
        Assert.Contains("with no version the gate can read", noVersion.Out);

        // global.json's msbuild-sdks gives the version, as MSBuild reads it.
        RestoredSdk(repo, "src/Worker", "Microsoft.Build.Traversal", "4.1.0", "https://api.nuget.org/v3/index.json");
        repo.Write("global.json", "{ \"msbuild-sdks\": { \"Microsoft.Build.Traversal\": \"4.1.0\" } }");
        CliRun pinned = CliRun.Of("verify-build", repo.Root);
        Assert.True(pinned.ExitCode == 0, pinned.Out + pinned.Err);

        // Adversary round 10 route 6: the SDK named twice (the second time in another case); MSBuild takes the last (a
        // look-alike version from the repository's feed), the gate took the first (the genuine one, restored from
        // nuget.org) and left the project out. Now it picks neither: GRDCL30 naming the duplicate.
        repo.Write("global.json", "{ \"msbuild-sdks\": {\n  \"Microsoft.Build.Traversal\": \"4.1.0\",\n  \"microsoft.build.traversal\": \"3.5.6\" } }");
        CliRun duplicate = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains(fail, duplicate.Out);
        Assert.Contains("is named 2 times in", duplicate.Out);
        Assert.Contains("'3.5.6' on line 3", duplicate.Out);
    }

    private const string WorkerXml = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><LanguageTargets>$(MSBuildToolsPath)/Microsoft.CSharp.targets</LanguageTargets><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup><PackageReference Include="OpenAI" Version="2.15.0" /></ItemGroup>
        </Project>
        """;

    /// <summary>
    /// Route 8 (repro-8, run.sh and run-glob.sh): tools/w/worker.xml, an SDK-style C# project named by no solution,
    /// ProjectReference or literal MSBuild task, is a project to the gate by its content (GRDCL30 without a record); an
    /// SDK-less script whose Exec runs a compiler or a build of something it does not name as an existing file counts as
    /// compiling; one whose Exec names what it builds, or runs no build, compiles nothing.
    /// </summary>
    [Fact]
    public void Route8_a_project_saved_as_xml_and_a_script_whose_Exec_builds_what_it_does_not_name_need_a_record()
    {
        using TempRepo repo = VerifiedApp();
        string script = repo.Write("tools/pack.proj", "<Project>\n  <Target Name=\"Build\">\n    <Exec Command=\"echo packing\" />\n  </Target>\n</Project>\n");
        repo.Write("Directory.Solution.targets", "<Project>\n  <ItemGroup><W Include=\"tools/*/*.xml\" /></ItemGroup>\n  <Target Name=\"BuildTools\" AfterTargets=\"Build\">\n    <MSBuild Projects=\"@(W)\" Targets=\"Build\" />\n  </Target>\n</Project>\n");
        repo.Write("docs/notes.xml", "<notes><Project>not one</Project></notes>\n");
        repo.Write("src/App/App.csproj.user", "<Project>\n  <PropertyGroup><ActiveDebugProfile>App</ActiveDebugProfile></PropertyGroup>\n</Project>\n");
        Track(repo);
        CliRun clean = CliRun.Of("verify-build", repo.Root);
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Err);

        string worker = repo.Write("tools/w/worker.xml", WorkerXml);
        repo.Write("tools/w/Program.cs", "System.Console.WriteLine(1);\n");
        Track(repo);
        CliRun xml = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, xml.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + worker, xml.Out);

        // No Sdk attribute: imports the C# targets itself.
        File.WriteAllText(worker, "<Project>\n  <Import Project=\"$(MSBuildToolsPath)/Microsoft.CSharp.targets\" />\n</Project>\n");
        Assert.Contains("FAIL  GRDCL30 " + worker, CliRun.Of("verify-build", repo.Root).Out);
        File.Delete(worker);
        ScanTests.Git(repo.Root, "rm", "-q", "--cached", "tools/w/worker.xml");

        foreach (string command in new[]
        {
            "dotnet build &quot;$(MSBuildThisFileDirectory)$(Worker)&quot; -c $(Configuration)",
            "dotnet build $(MSBuildThisFileDirectory)../gen/worker.xml -p:ManagePackageVersionsCentrally=false",
            "dotnet msbuild tools/*/*.xml -t:Build",
            "msbuild.exe @(Workers)",
            "$(DOTNET_HOST_PATH) exec $(RoslynTargetsPath)/bincore/csc.dll -out:w.dll w/Program.cs",
            "csc /out:w.dll w/*.cs",
        })
        {
            File.WriteAllText(script, "<Project>\n  <Target Name=\"Build\">\n    <Exec Command=\"" + command + "\" />\n  </Target>\n</Project>\n");
            CliRun run = CliRun.Of("verify-build", repo.Root);
            Assert.True(run.ExitCode == 1 && run.Out.Contains("FAIL  GRDCL30 " + script, StringComparison.Ordinal), command + "\n" + run.Out + run.Err);
        }

        // A build of files it names literally (existing), with options and their values, compiles nothing itself.
        repo.Write("tools/Tools.slnx", "<Solution />\n");
        File.WriteAllText(script, "<Project>\n  <Target Name=\"Build\">\n    <Exec Command=\"dotnet build &quot;$(MSBuildThisFileDirectory)Tools.slnx&quot; -c $(Configuration) -nodeReuse:false /p:X=1\" />\n" +
            "    <Exec Command=\"dotnet run --project ../src/App/App.csproj -- $(Args)\" />\n  </Target>\n</Project>\n");
        Track(repo);
        CliRun named = CliRun.Of("verify-build", repo.Root);
        Assert.True(named.ExitCode == 0, named.Out + named.Err);
    }

    /// <summary>Route 8 through guardrails scan: worker.xml's PackageReference to OpenAI (not approved) is GRD201 at its line.</summary>
    [Fact]
    public void Route8_scan_reads_a_project_saved_as_xml_as_a_project()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("tools/pack.proj", "<Project>\n  <Target Name=\"Build\">\n    <Exec Command=\"dotnet build w/worker.xml\" />\n  </Target>\n</Project>\n");
        repo.Write("tools/w/worker.xml", WorkerXml);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        JsonElement f = Assert.Single(Findings(run), e => e.GetProperty("rule").GetString() == "GRD201");
        Assert.Equal("tools/w/worker.xml", f.GetProperty("file").GetString());
        Assert.Equal(3, f.GetProperty("line").GetInt32());
    }

    /// <summary>
    /// Route 5 (repro-5): OpenAI and ManagePackageVersionsCentrally=false under Condition="'$(_IsPublishing)' == 'true'".
    /// The build's restore wrote an assets file without OpenAI; the scan judged packages from it alone. The project file's
    /// declared packages, conditions ignored, are judged too: GRD201 at the reference, saying the restore did not bring it in.
    /// </summary>
    [Fact]
    public void Route5_a_package_only_dotnet_publish_restores_is_GRD201_at_its_reference_although_the_project_was_restored()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <PropertyGroup Condition="'$(_IsPublishing)' == 'true'">
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <DefineConstants>$(DefineConstants);SHIP</DefineConstants>
              </PropertyGroup>
              <ItemGroup Condition="'$(_IsPublishing)' == 'true'">
                <PackageReference Include="OpenAI" Version="2.15.0" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Azure.AI.OpenAI" Version="2.1.0" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("App/obj/project.assets.json", """
            {
              "version": 3,
              "targets": { "net8.0": { "Azure.AI.OpenAI/2.1.0": { "type": "package" } } },
              "libraries": { "Azure.AI.OpenAI/2.1.0": { "type": "package", "path": "azure.ai.openai/2.1.0" } },
              "project": { "frameworks": { "net8.0": { "dependencies": { "Azure.AI.OpenAI": { "version": "[2.1.0, )" } } } } }
            }
            """);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        JsonElement f = Assert.Single(Findings(run), e => e.GetProperty("rule").GetString() == "GRD201");
        Assert.Equal("App/App.csproj", f.GetProperty("file").GetString());
        Assert.Equal(8, f.GetProperty("line").GetInt32());
        Assert.Contains("'OpenAI' 2.15.0", f.GetProperty("message").GetString());
        Assert.Contains("not in the restore's obj/project.assets.json", f.GetProperty("message").GetString());
    }
}
