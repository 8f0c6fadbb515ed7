namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 9 (docs: /work/wt/adversary9-findings.md), routes that defeated the build, the gate and the scan together.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound9RouteTests
{
    private const string NotApprovedOpenAi = """
        "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
        """;

    private readonly PackageFixture _fixture;

    public AdversaryRound9RouteTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Route 1 (repro-1): Guardrails comes in as a central GlobalPackageReference; the project targets net10.0 and net9.0
    /// and, for net9.0 only, sets RestoreEnableGlobalPackageReference=false, moves its intermediate and output folders to a
    /// gitignored .cache/, downloads OpenAI and references its assembly by hint path. The net9.0 inner build compiled
    /// OpenAI use with no check while the net10.0 record vouched for the project: build green, gate green. Now the net10.0
    /// check reads the whole restore and fails for the framework without Guardrails (GRD317), and the gate does not pass.
    /// </summary>
    [Fact]
    public void Route1_a_framework_that_drops_Guardrails_fails_the_build_with_GRD317_and_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r9-tfm", 2, members: NotApprovedOpenAi), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.Write("Directory.Packages.props", "<Project>\n  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>\n  <ItemGroup>\n    <GlobalPackageReference Include=\"Guardrails\" Version=\"" + _fixture.Version + "\" />\n  </ItemGroup>\n</Project>\n");
        repo.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworks>net10.0;net9.0</TargetFrameworks><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' == 'net9.0'">
                <IntermediateOutputPath>.cache/i/</IntermediateOutputPath>
                <OutputPath>.cache/o/</OutputPath>
                <RestoreEnableGlobalPackageReference>false</RestoreEnableGlobalPackageReference>
                <DefineConstants>$(DefineConstants);LEGACY</DefineConstants>
              </PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net9.0'">
                <PackageDownload Include="OpenAI" Version="[2.1.0]" />
                <PackageDownload Include="System.ClientModel" Version="[1.2.1]" />
                <Reference Include="$(NuGetPackageRoot)/openai/2.1.0/lib/net6.0/OpenAI.dll" />
                <Reference Include="$(NuGetPackageRoot)/system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("Program.cs", "#if LEGACY\nusing OpenAI.Chat;\nvar client = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"K\") ?? \"x\");\nConsole.WriteLine(client.GetType());\n#else\nConsole.WriteLine(\"hello\");\n#endif\n");
        repo.Write(".gitignore", "bin/\nobj/\n.cache/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.Build();

        Assert.True(build.ExitCode != 0, "the net9.0 framework compiled OpenAI without Guardrails and the build passed:\n" + build);
        Assert.Contains("error GRD317: The target framework 'net9.0' of this project restores without the Guardrails package, which the framework 'net10.0' restores", build.Output);
        Assert.Contains("downloads the AI SDK OpenAI (PackageDownload)", build.Output);

        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder });
        Assert.True(gate.ExitCode == 1, "the gate passes a project whose net9.0 build had no Guardrails:\n" + gate);
        Assert.Contains("GRD317", gate.Output);

        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), "--format", "json");
        Assert.True(scan.ExitCode == 1, "the scan passes the net9.0 opt-out:\n" + scan);
        string json = scan.Output[scan.Output.IndexOf('{')..(scan.Output.LastIndexOf('}') + 1)];
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(json);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("rule").GetString() + " " + f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32()).ToList();
        Assert.Contains("GRD317 App.csproj:6", findings);
        Assert.Contains("GRD201 App.csproj:10", findings);
        Assert.Contains("GRD201 App.csproj:12", findings);
    }

    /// <summary>
    /// Route 1 from the gate's side: a multi-targeted project with Guardrails in every framework, of which CI built only one
    /// (`dotnet build -f net10.0`). The record of that framework vouched for the project; now every framework of the
    /// project's restore needs a verified record of its own (GRDCL35, naming the framework).
    /// </summary>
    [Fact]
    public void Route1_a_framework_of_the_restore_with_no_verified_record_fails_the_gate_with_GRDCL35()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r9-tfm-gate", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        string project = repo.PathOf("App.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0;net9.0</TargetFrameworks>", StringComparison.Ordinal));
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.Build("-f", "net10.0");
        Assert.True(build.ExitCode == 0, build.ToString());

        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder });
        Assert.True(gate.ExitCode == 1, "one framework of two built and the gate passes:\n" + gate);
        Assert.Contains("FAIL  GRDCL35 " + project + ": this project restores the target framework 'net9.0'", gate.Output);

        DotNet.Result all = repo.Build();
        Assert.True(all.ExitCode == 0, all.ToString());
        DotNet.Result passed = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder });
        Assert.True(passed.ExitCode == 0, "every framework built with Guardrails and the gate fails:\n" + passed);
    }

    /// <summary>
    /// Route 1's variant (tried in session 13): App references Lib twice, the second time with AdditionalProperties that turn
    /// NuGet's imports off (so no Guardrails targets) and move the folders to a gitignored .cache/; that build compiles Lib's
    /// LEGACY branch against OpenAI by hint path. The real build was green and the gate had nothing to read (since session 14 the
    /// check fails the PackageDownload itself, GRD201); the documented scan
    /// fails it at the ProjectReference (GRD318), and since session 14 the gate fails the assembly that build wrote (GRDCL30).
    /// </summary>
    [Fact]
    public void Route1_variant_a_ProjectReference_that_builds_the_library_again_without_Guardrails_fails_the_scan_with_GRD318()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r9-globals", 2, members: NotApprovedOpenAi), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.Write("Directory.Packages.props", "<Project>\n  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>\n  <ItemGroup>\n    <GlobalPackageReference Include=\"Guardrails\" Version=\"" + _fixture.Version + "\" />\n  </ItemGroup>\n</Project>\n");
        repo.Write("src/Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageDownload Include="OpenAI" Version="[2.1.0]" /><PackageDownload Include="System.ClientModel" Version="[1.2.1]" /></ItemGroup>
              <PropertyGroup Condition="'$(LEGACY)' == 'true'"><DefineConstants>$(DefineConstants);LEGACY</DefineConstants></PropertyGroup>
              <ItemGroup Condition="'$(LEGACY)' == 'true'">
                <Reference Include="$(NuGetPackageRoot)/openai/2.1.0/lib/net6.0/OpenAI.dll" />
                <Reference Include="$(NuGetPackageRoot)/system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("src/Lib/Lib.cs", "namespace Lib;\npublic static class L\n{\n#if LEGACY\n    public static object Make() => new OpenAI.Chat.ChatClient(\"gpt-4o\", \"x\");\n#else\n    public static object Make() => \"hello\";\n#endif\n}\n");
        repo.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><Compile Remove="src/**" /></ItemGroup>
              <ItemGroup>
                <ProjectReference Include="src/Lib/Lib.csproj" />
                <ProjectReference Include="src/Lib/Lib.csproj" AdditionalProperties="LEGACY=true;ImportProjectExtensionTargets=false;BaseOutputPath=$(MSBuildThisFileDirectory)src/Lib/.cache/o/;BaseIntermediateOutputPath=$(MSBuildThisFileDirectory)src/Lib/.cache/i/;IntermediateOutputPath=$(MSBuildThisFileDirectory)src/Lib/.cache/i/x/;OutputPath=$(MSBuildThisFileDirectory)src/Lib/.cache/o/x/;MSBuildProjectExtensionsPath=$(MSBuildThisFileDirectory)src/Lib/obj/" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("Program.cs", "Console.WriteLine(Lib.L.Make());\n");
        repo.Write(".gitignore", "bin/\nobj/\n.cache/\n");
        Git.CommitAll(repo.Directory);

        // Since session 14 the build's own check judges Lib's PackageDownload of OpenAI (GRD201 at the element), so the build is
        // red too; the second, Guardrails-free build of Lib has run all the same, and the scan and the gate must find it.
        DotNet.Result build = repo.Build();
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"Lib\.csproj\(3,\d+\): Guardrails error GRD201: Package 'OpenAI' 2\.1\.0", build.Output);
        Assert.True(File.Exists(repo.PathOf("src/Lib/.cache/o/x/Lib.dll")), "the second build of Lib did not run:\n" + build);

        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), "--format", "json");
        Assert.True(scan.ExitCode == 1, "the scan passes a ProjectReference that builds Lib without Guardrails:\n" + scan);
        string json = scan.Output[scan.Output.IndexOf('{')..(scan.Output.LastIndexOf('}') + 1)];
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("rule").GetString() == "GRD318" && f.GetProperty("file").GetString() == "App.csproj" && f.GetProperty("line").GetInt32() == 6);

        // Session 14: the gate itself finds that build's output, an assembly outside bin/ and obj/<cfg>/<tfm>/ no record vouches for.
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder });
        Assert.True(gate.ExitCode == 1, "the gate passes a library compiled again without Guardrails into .cache/:\n" + gate);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf("src/Lib/.cache/o/x/Lib.dll") + ": this assembly was written into the repository's tree outside bin/", gate.Output);
        Assert.DoesNotContain("/ref/Lib.dll", gate.Output);
    }
}
