using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// What the second outside review listed as "not tried": multi-targeting where one framework is clean, a solution filter
/// that leaves a project out, a version override or a floating version under central package management. Each is tried
/// here as a developer would, and must fail the Enforce build (or the CI gate) with a coded diagnostic.
/// </summary>
[Collection(PackageCollection.Name)]
public class Round2NotTriedTests
{
    private readonly PackageFixture _fixture;

    public Round2NotTriedTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>A key compiled only for netstandard2.0 (net10.0 compiles a clean branch): the build fails on it.</summary>
    [Fact]
    public void A_key_in_code_only_one_target_framework_compiles_fails_the_multi_targeted_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-multi-tfm", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        string key = FakeKeys.OpenAiProject("E2eOneFrameworkOnlyFakeKeyNotReal");
        string csproj = repo.PathOf(repo.Name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj)
            .Replace("<OutputType>Exe</OutputType>", "<LangVersion>latest</LangVersion>", StringComparison.Ordinal)
            .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>", StringComparison.Ordinal)
            .Replace("<ImplicitUsings>enable</ImplicitUsings>", "<ImplicitUsings>disable</ImplicitUsings>", StringComparison.Ordinal));
        File.Delete(repo.PathOf("Program.cs"));
        repo.Write("Keys.cs", "public static class Keys\n{\n#if NETSTANDARD2_0\n    public const string OpenAi = \"" + key + "\";\n#else\n    public const string OpenAi = \"\";\n#endif\n}\n");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "a key compiled for one framework only passes:\n" + result);
        string[] lines = result.Output.Split('\n').Where(l => l.Contains("Keys.cs(4,", StringComparison.Ordinal) && l.Contains("error GRD001", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(lines);
        // The netstandard2.0 compilation reports it; the net10.0 one reads the file's text too (the key is in the source
        // whatever the preprocessor keeps), so it may report the same line: either way the build fails.
        Assert.Contains(lines, l => l.Contains("TargetFramework=netstandard2.0", StringComparison.Ordinal));
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// A solution filter (.slnf) that leaves out the project holding the key: the build of the filter is green (that
    /// project is not built, so nothing of it is checked), and the CI gate names the project no verified record covers.
    /// </summary>
    [Fact]
    public void A_solution_filter_that_leaves_the_project_with_the_key_out_is_caught_by_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-slnf", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eSolutionFilterFakeKeyNotReal");
        repo.Write("side/Side.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        repo.Write("side/Keys.cs", "namespace Side;\npublic static class Keys { public const string OpenAi = \"" + key + "\"; }\n");
        repo.AddToProject("  <ItemGroup>\n    <Compile Remove=\"side/**\" />\n    <None Remove=\"side/**\" />\n  </ItemGroup>");
        repo.Write("All.sln", string.Join("\r\n",
            "Microsoft Visual Studio Solution File, Format Version 12.00",
            "# Visual Studio Version 17",
            "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"App\", \"App.csproj\", \"{11111111-1111-1111-1111-111111111111}\"",
            "EndProject",
            "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Side\", \"side\\Side.csproj\", \"{22222222-2222-2222-2222-222222222222}\"",
            "EndProject",
            "Global",
            "\tGlobalSection(SolutionConfigurationPlatforms) = preSolution",
            "\t\tDebug|Any CPU = Debug|Any CPU",
            "\tEndGlobalSection",
            "\tGlobalSection(ProjectConfigurationPlatforms) = postSolution",
            "\t\t{11111111-1111-1111-1111-111111111111}.Debug|Any CPU.ActiveCfg = Debug|Any CPU",
            "\t\t{11111111-1111-1111-1111-111111111111}.Debug|Any CPU.Build.0 = Debug|Any CPU",
            "\t\t{22222222-2222-2222-2222-222222222222}.Debug|Any CPU.ActiveCfg = Debug|Any CPU",
            "\t\t{22222222-2222-2222-2222-222222222222}.Debug|Any CPU.Build.0 = Debug|Any CPU",
            "\tEndGlobalSection",
            "EndGlobal",
            string.Empty));
        repo.Write("App.slnf", "{ \"solution\": { \"path\": \"All.sln\", \"projects\": [ \"App.csproj\" ] } }\n");

        DotNet.Result build = DotNet.Run(repo.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", repo.PathOf("App.slnf"), "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.False(File.Exists(repo.PathOf("side/bin/Debug/net10.0/Side.dll")), "the filter built the left-out project:\n" + build);
        DotNet.Result gate = GuardrailsTool.VerifyBuild(repo.Directory, "--policy-sha256", E2eDocuments.Sha256(repo.PathOf(E2eDocuments.PolicyFile)).ToLowerInvariant(), "--min-revision", "1");

        bool buildFailed = build.ExitCode != 0 && build.Output.Contains("error GRD", StringComparison.Ordinal);
        Assert.True(buildFailed || (gate.ExitCode != 0 && gate.Output.Contains("GRDCL30", StringComparison.Ordinal) && gate.Output.Contains("Side.csproj", StringComparison.Ordinal)),
            "a project left out by a solution filter is silent:\n" + build + "\n" + gate);
        Assert.DoesNotContain(key, build.Output + gate.Output);
    }

    /// <summary>
    /// Central package management pins OpenAI 1.90.0 and the policy approves only that version; the project takes another
    /// with a floating VersionOverride (CentralPackageFloatingVersionsEnabled). The restored version is judged: GRD203.
    /// Local look-alike packages under versions the real SDK never had (no download, no clash with the real package in
    /// the shared packages folder).
    /// </summary>
    [Fact]
    public void A_floating_VersionOverride_under_central_package_management_is_judged_on_the_version_restored()
    {
        string policy = E2eDocuments.Policy("e2e-cpm", 1, members: """
            "packages": { "approved": [ { "id": "OpenAI", "versions": "[1.90.0]" } ] }
            """);
        TestProject repo = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string feed = repo.PathOf("local-feed");
        TestPackages.Write(feed, "OpenAI", "1.90.0", ("lib/netstandard2.0/_._", string.Empty));
        TestPackages.Write(feed, "OpenAI", "1.91.0", ("lib/netstandard2.0/_._", string.Empty));
        repo.UseLocalFeed(("local", feed));
        repo.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralPackageFloatingVersionsEnabled>true</CentralPackageFloatingVersionsEnabled>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Guardrails" Version="VERSION" />
                <PackageVersion Include="OpenAI" Version="1.90.0" />
              </ItemGroup>
            </Project>
            """.Replace("VERSION", _fixture.Version, StringComparison.Ordinal));
        string csproj = repo.PathOf(repo.Name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(" Version=\"" + _fixture.Version + "\"", string.Empty, StringComparison.Ordinal));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"OpenAI\" VersionOverride=\"1.9*\" />\n  </ItemGroup>");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "a floating VersionOverride past the approved version passes:\n" + result);
        Assert.Contains("error GRD203", result.Output);
        Assert.Contains("1.91.0", result.Output);
    }

    /// <summary>
    /// A source generator of the repository that decodes a key (XOR-masked bytes: no literal of it in any source) and
    /// writes it into the compilation as a constant: the analyzers read generated code, so the generated literal is GRD001.
    /// </summary>
    [Fact]
    public void A_key_a_source_generator_decodes_into_generated_code_fails_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-generator", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        string key = FakeKeys.OpenAiProject("E2eGeneratorDecodedFakeKeyNotReal");
        string masked = string.Join(", ", System.Text.Encoding.ASCII.GetBytes(key).Select(b => "0x" + (b ^ 0x2A).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        repo.Write("gen/Gen.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
                <IsRoslynComponent>true</IsRoslynComponent>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("gen/KeyGenerator.cs", """
            using System.Text;
            using Microsoft.CodeAnalysis;

            [Generator]
            public sealed class KeyGenerator : IIncrementalGenerator
            {
                private static readonly byte[] Hidden = { MASKED };

                public void Initialize(IncrementalGeneratorInitializationContext context) =>
                    context.RegisterPostInitializationOutput(c => c.AddSource("Keys.g.cs", "public static class Keys { public const string OpenAi = \"" + Decode() + "\"; }\n"));

                private static string Decode()
                {
                    var bytes = new byte[Hidden.Length];
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        bytes[i] = (byte)(Hidden[i] ^ 0x2A);
                    }

                    return Encoding.ASCII.GetString(bytes);
                }
            }
            """.Replace("MASKED", masked, StringComparison.Ordinal));
        repo.AddToProject("  <ItemGroup>\n    <Compile Remove=\"gen/**\" />\n    <None Remove=\"gen/**\" />\n" +
                          "    <ProjectReference Include=\"gen/Gen.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />\n  </ItemGroup>");
        repo.Write("Program.cs", "Console.WriteLine(Keys.OpenAi.Length);\n");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "a key a source generator decodes into the compilation passes:\n" + result);
        Assert.Contains(result.Output.Split('\n'), l => l.Contains("Keys.g.cs(", StringComparison.Ordinal) && l.Contains("error GRD001", StringComparison.Ordinal));
        Assert.DoesNotContain(key, result.Output);
    }
}
