using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Routes of the second outside review (adversary round 2 of issue 12): each turned an Enforce build with a key or an
/// unapproved AI SDK green, with an audit record that said verified, and the documented CI gate (guardrails
/// verify-build) green as well. Each test asserts what must happen instead: the build fails with a GRD code, or the
/// gate fails with a GRDCL code.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound2Tests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound2Tests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Finding 1: the gate discovers assemblies only under obj/&lt;configuration&gt;/&lt;tfm&gt;/. A project of the
    /// repository that never gets Guardrails and compiles into another intermediate folder (one property in its own
    /// project file) ships its key while the governed project beside it makes the gate say "verified".
    /// </summary>
    [Fact]
    public void A_project_compiled_without_Guardrails_into_another_intermediate_folder_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-gate", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv2GateFakeKeyNotReal");
        repo.Write("side/Side.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IntermediateOutputPath>build-cache\$(Configuration)\</IntermediateOutputPath>
              </PropertyGroup>
            </Project>
            """);
        repo.Write("side/Keys.cs", "namespace Side;\npublic static class Keys { public const string OpenAi = \"" + key + "\"; }\n");
        repo.AddToProject("  <ItemGroup>\n    <ProjectReference Include=\"side/Side.csproj\" />\n    <Compile Remove=\"side/**\" />\n    <None Remove=\"side/**\" />\n  </ItemGroup>");
        repo.Write("Program.cs", "Console.WriteLine(Side.Keys.OpenAi.Length);\n");

        DotNet.Result build = repo.Build();
        Assert.True(File.Exists(repo.PathOf("side/build-cache/Debug/net10.0/Side.dll")) || build.ExitCode != 0, build.ToString());
        DotNet.Result gate = GuardrailsTool.VerifyBuild(repo.Directory, "--policy-sha256", E2eDocuments.Sha256(repo.PathOf(E2eDocuments.PolicyFile)).ToLowerInvariant(), "--min-revision", "2");

        bool buildFailedOnGuardrails = build.ExitCode != 0 && build.Output.Contains("error GRD", StringComparison.Ordinal);
        bool gateFailed = gate.ExitCode != 0 && gate.Output.Contains("GRDCL", StringComparison.Ordinal);
        Assert.True(buildFailedOnGuardrails || gateFailed, "Side.dll holds a key, compiled without Guardrails, and neither the build nor the gate objects:\n" + build + "\n" + gate);
        Assert.DoesNotContain(key, build.Output + gate.Output);
    }

    /// <summary>
    /// Finding 5: a key in a property of App.csproj.user (which the SDK imports with no Import line; neither the build's
    /// scan nor guardrails scan reads it), used as a RuntimeHostConfigurationOption, is written by the SDK into
    /// bin/…/App.runtimeconfig.json, which nothing scans either.
    /// </summary>
    [Fact]
    public void A_key_in_App_csproj_user_shipped_in_runtimeconfig_json_fails_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-runtimeconfig", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv2RuntimeConfigFakeKeyNotReal");
        repo.Write(repo.Name + ".csproj.user", "<Project>\n  <PropertyGroup>\n    <OpenAiKey>" + key + "</OpenAiKey>\n  </PropertyGroup>\n</Project>\n");
        repo.AddToProject("  <ItemGroup>\n    <RuntimeHostConfigurationOption Include=\"App.OpenAiKey\" Value=\"$(OpenAiKey)\" />\n  </ItemGroup>");

        DotNet.Result result = repo.Build();

        Assert.True(File.Exists(repo.PathOf("bin/Debug/net10.0/App.runtimeconfig.json")) || result.ExitCode != 0, result.ToString());
        Assert.True(result.ExitCode != 0, "the key ships in App.runtimeconfig.json and the build is green:\n" + result);
        Assert.Contains("error GRD002", result.Output);
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// Finding 5, the other sources: a key given as a global property in Directory.Build.rsp, and one from an environment
    /// variable (no file of the repository holds it), each written by the SDK into App.runtimeconfig.json through a
    /// RuntimeHostConfigurationOption: the response file is scanned, and so are the values the build writes there.
    /// </summary>
    [Fact]
    public void Keys_from_Directory_Build_rsp_or_the_environment_written_into_runtimeconfig_json_fail_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-runtime-options", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string fromRsp = FakeKeys.OpenAiProject("E2eAdv2ResponseFileKeyFakeNotReal");
        string fromEnvironment = FakeKeys.OpenAiProject("E2eAdv2EnvironmentKeyFakeNotReal");
        repo.Write("Directory.Build.rsp", "-p:KeyC=" + fromRsp + "\n");
        repo.AddToProject("  <ItemGroup>\n    <RuntimeHostConfigurationOption Include=\"App.KeyC\" Value=\"$(KeyC)\" />\n    <RuntimeHostConfigurationOption Include=\"App.KeyD\" Value=\"$(KeyD)\" />\n  </ItemGroup>");

        DotNet.Result result = repo.BuildWithEnvironment(new Dictionary<string, string> { ["KeyD"] = fromEnvironment });

        Assert.True(result.ExitCode != 0, "keys from Directory.Build.rsp and the environment ship in App.runtimeconfig.json and the build is green:\n" + result);
        Assert.Matches(@"Directory\.Build\.rsp\(1,\d+\): error GRD002", result.Output);
        Assert.Matches(@"guardrails\.runtimeconfig-options\.txt\(\d+,\d+\): error GRD002", result.Output);
        Assert.DoesNotContain(fromRsp, result.Output);
        Assert.DoesNotContain(fromEnvironment, result.Output);
    }

    /// <summary>
    /// Finding 10: the opt-outs given as MSBuild global properties in Directory.Build.rsp are captured as the central
    /// values (a global property already holds them when the central capture runs), so no GRD310: the key in
    /// appsettings.json and the undeclared .cursor/ pass, and the audit record lists no local bypass.
    /// </summary>
    [Fact]
    public void Opt_outs_in_Directory_Build_rsp_fail_the_build_with_GRD310()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-rsp", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        string key = FakeKeys.OpenAiProject("E2eAdv2ResponseFileFakeKeyNotReal");
        repo.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n");
        DotNet.Result without = repo.Build();
        Assert.True(without.ExitCode != 0 && without.Output.Contains("error GRD002", StringComparison.Ordinal), without.ToString());

        repo.Write("Directory.Build.rsp", "-p:GuardrailsScanFiles=false\n-p:GuardrailsCheckFootprints=false\n-p:GuardrailsScanRepositoryFiles=false\n");
        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "three opt-outs in Directory.Build.rsp turn the build green with no GRD310:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// Finding 10 from the environment: MSBuild turns environment variables into properties, so a CI variable (or one
    /// exported in a shell) switching the scan and footprint discovery off reaches the check like a central value. It
    /// is not central: GRD310 names each opt-out and says it came from an environment variable.
    /// </summary>
    [Fact]
    public void Opt_outs_from_environment_variables_fail_the_build_with_GRD310_naming_the_environment()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-environment", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        string key = FakeKeys.OpenAiProject("E2eAdv2EnvironmentOptOutFakeKeyNotReal");
        repo.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n");

        DotNet.Result result = repo.BuildWithEnvironment(new Dictionary<string, string>
        {
            ["GuardrailsScanFiles"] = "false",
            ["GuardrailsCheckFootprints"] = "false",
        });

        Assert.True(result.ExitCode != 0, "two opt-outs from the environment turn the build green with no GRD310:\n" + result);
        Assert.Contains("error GRD310", result.Output);
        Assert.Contains("GuardrailsScanFiles=false, set in an environment variable", result.Output);
        Assert.Contains("GuardrailsCheckFootprints=false, set in an environment variable", result.Output);
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// Finding 2: files the build ships through the items the SDK's copy, pack and publish steps consume themselves
    /// (ContentWithTargetPath, None with Pack="true", ResolvedFileToPublish written in the project), of a kind the scan
    /// does not read by extension (.txt): each holds a key and each is reported.
    /// </summary>
    [Fact]
    public void Keys_in_files_shipped_through_ContentWithTargetPath_Pack_and_ResolvedFileToPublish_fail_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-shipped", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv2ShippedItemsFakeKeyNotReal");
        repo.Write("cwtp.txt", "key=" + key + "\n");
        repo.Write("packed.txt", "key=" + key + "\n");
        repo.Write("pub.txt", "key=" + key + "\n");
        repo.AddToProject("""
              <ItemGroup>
                <None Remove="cwtp.txt;pub.txt" />
                <ContentWithTargetPath Include="cwtp.txt" TargetPath="cwtp.txt" CopyToOutputDirectory="PreserveNewest" />
                <None Update="packed.txt" Pack="true" PackagePath="content/" />
                <ResolvedFileToPublish Include="pub.txt" RelativePath="pub.txt" />
              </ItemGroup>
            """);

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "three shipped files hold a key and the build is green:\n" + result);
        foreach (string file in new[] { "cwtp.txt", "packed.txt", "pub.txt" })
        {
            Assert.Matches(@"\b" + file.Replace(".", "\\.") + @"\(1,\d+\): error GRD002", result.Output);
        }

        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// Finding 9: a second compiler run in a project target writes bin/Plugins.dll, which no Guardrails analyzer saw; the
    /// project's own record is verified, so only the gate, which compares what is in bin/ with what the records
    /// describe, can tell.
    /// </summary>
    [Fact]
    public void A_second_compiler_run_writing_into_bin_fails_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-second-csc", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.Write("plugins/Plugins.cs", "namespace Plugins;\npublic static class Names { public const string Model = \"gpt-4o\"; }\n");
        repo.AddToProject("""
              <ItemGroup><Compile Remove="plugins/**" /></ItemGroup>
              <Target Name="BuildPlugins" AfterTargets="Build">
                <Csc Sources="plugins/Plugins.cs" OutputAssembly="$(OutDir)Plugins.dll" TargetType="library"
                     References="@(ReferencePathWithRefAssemblies)" ToolExe="$(CscToolExe)" ToolPath="$(CscToolPath)" UseSharedCompilation="false" />
              </Target>
            """);

        DotNet.Result build = repo.Build();
        Assert.True(build.ExitCode == 0 && File.Exists(repo.PathOf("bin/Debug/net10.0/Plugins.dll")), build.ToString());
        string pin = E2eDocuments.Sha256(repo.PathOf(E2eDocuments.PolicyFile)).ToLowerInvariant();

        DotNet.Result gate = GuardrailsTool.VerifyBuild(repo.Directory, "--policy-sha256", pin, "--min-revision", "2");

        Assert.True(gate.ExitCode == 1, gate.ToString());
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf("bin/Debug/net10.0/Plugins.dll"), gate.Output);
        Assert.Contains("ok    " + repo.PathOf("obj/Debug/net10.0"), gate.Output);
        Assert.DoesNotContain("GRDCL30 " + repo.PathOf("bin/Debug/net10.0/App.dll"), gate.Output);
    }

    /// <summary>
    /// Finding 8: an undeclared assistant folder fails the Enforce check, but the compiler still runs (the findings show
    /// in the same build) and the verification after it passes, so a CI that lets the build step fail softly
    /// (continue-on-error, `|| true`) and relies on the gate must get a failing gate.
    /// </summary>
    [Fact]
    public void The_gate_fails_a_build_whose_check_reported_Enforce_errors()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-failed-check", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n");

        DotNet.Result build = repo.Build();
        Assert.True(build.ExitCode != 0 && build.Output.Contains("error GRD130", StringComparison.Ordinal), build.ToString());
        Assert.True(File.Exists(repo.PathOf("obj/Debug/net10.0/App.dll")), "the compiler ran after the failed check:\n" + build);
        DotNet.Result gate = GuardrailsTool.VerifyBuild(repo.Directory, "--policy-sha256", E2eDocuments.Sha256(repo.PathOf(E2eDocuments.PolicyFile)).ToLowerInvariant(), "--min-revision", "2");

        Assert.True(gate.ExitCode == 1, gate.ToString());
        Assert.Contains("GRDCL29", gate.Output);
        Assert.Contains("GRD130", gate.Output);
    }

    /// <summary>
    /// Finding 3: the unapproved OpenAI SDK (the real package from nuget.org) fetched with PackageDownload, copied to the
    /// output as a None item and loaded by reflection: not in project.assets.json, not a compiler reference, so neither
    /// the package check nor GRD003 sees it, and the AI-BOM lists nothing.
    /// </summary>
    [Fact]
    public void An_unapproved_AI_SDK_copied_to_the_output_from_a_PackageDownload_fails_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv2-download", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.AddToProject("""
              <ItemGroup>
                <PackageDownload Include="OpenAI" Version="[2.1.0]" />
                <PackageDownload Include="System.ClientModel" Version="[1.2.1]" />
                <None Include="$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot)))openai/2.1.0/lib/net6.0/OpenAI.dll;$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot)))system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" CopyToOutputDirectory="PreserveNewest" Visible="false" />
              </ItemGroup>
            """);
        repo.Write("Program.cs", """
            using System.Reflection;
            // The assembly and type names come at run time (a constant name is GRD003 at the call, before the copy is judged).
            var sdk = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, args[0]));
            var type = sdk.GetType(args[1])!;
            object client = Activator.CreateInstance(type, "gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing")!;
            Console.WriteLine(client.GetType().FullName);
            """);

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "OpenAI.dll ships in bin/ and is used, and the build is green:\n" + result);
        Assert.Contains("error GRD201", result.Output);
    }
}
