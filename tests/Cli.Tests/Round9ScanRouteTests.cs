using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 9 route 1 in the scan: the project file of the repro (net10.0;net9.0, and for net9.0 only
/// RestoreEnableGlobalPackageReference=false, a PackageDownload of OpenAI and a Reference by path into its package folder).
/// The scan read none of the three; now the opt-out is GRD317 at its line and the downloaded and path-referenced AI SDK are
/// GRD201 at theirs, saying how they came in.
/// </summary>
public class Round9ScanRouteTests
{
    private static JsonElement[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public void Route1_a_framework_opt_out_a_PackageDownload_and_a_package_folder_Reference_of_an_AI_SDK_are_reported_by_the_scan()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworks>net10.0;net9.0</TargetFrameworks></PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' == 'net9.0'">
                <IntermediateOutputPath>.cache/i/</IntermediateOutputPath>
                <RestoreEnableGlobalPackageReference>false</RestoreEnableGlobalPackageReference>
              </PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net9.0'">
                <PackageDownload Include="OpenAI" Version="[2.1.0]" />
                <Reference Include="$(NuGetPackageRoot)/openai/2.1.0/lib/net6.0/OpenAI.dll" />
                <Reference Include="OpenAI"><HintPath>$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot)))openai/2.2.0/lib/net6.0/OpenAI.dll</HintPath></Reference>
                <Reference Include="System.Web" />
              </ItemGroup>
            </Project>
            """);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        JsonElement[] findings = Findings(run);
        JsonElement optOut = Assert.Single(findings, e => e.GetProperty("rule").GetString() == "GRD317");
        Assert.Equal("src/App/App.csproj", optOut.GetProperty("file").GetString());
        Assert.Equal(5, optOut.GetProperty("line").GetInt32());
        Assert.Contains("RestoreEnableGlobalPackageReference is false under the condition '$(TargetFramework)' == 'net9.0'", optOut.GetProperty("message").GetString());

        var sdk = findings.Where(e => e.GetProperty("rule").GetString() == "GRD201").OrderBy(e => e.GetProperty("line").GetInt32()).ToArray();
        Assert.Equal(new[] { 8, 9, 10 }, sdk.Select(e => e.GetProperty("line").GetInt32()).ToArray());
        Assert.Contains("downloaded by a PackageDownload", sdk[0].GetProperty("message").GetString());
        Assert.All(sdk.Skip(1), e => Assert.Contains("referenced by a path into the NuGet package folder", e.GetProperty("message").GetString()));
    }

    /// <summary>
    /// The variant (tried in session 13): a second ProjectReference to the same library with AdditionalProperties that switch
    /// NuGet's imports (and so Guardrails' targets) off and move its folders; build and gate were green. Also an &lt;MSBuild&gt;
    /// call in Directory.Build.targets. Global properties that keep Guardrails (DefineConstants, the folders) are not reported.
    /// </summary>
    [Fact]
    public void Route1_variant_a_ProjectReference_or_MSBuild_call_with_properties_that_keep_Guardrails_out_is_GRD318()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        repo.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Lib/Lib.csproj" AdditionalProperties="DefineConstants=LEGACY;IntermediateOutputPath=.cache/i/" />
                <ProjectReference Include="../Lib/Lib.csproj" AdditionalProperties="LEGACY=true;ImportProjectExtensionTargets=false;OutputPath=.cache/o/" ReferenceOutputAssembly="false" />
                <ProjectReference Include="../Lib/Lib.csproj"><Properties>MSBuildProjectExtensionsPath=$(MSBuildThisFileDirectory)x/;GuardrailsMode=Audit</Properties></ProjectReference>
              </ItemGroup>
            </Project>
            """);
        repo.Write("Directory.Build.targets", """
            <Project>
              <Target Name="Extra" AfterTargets="Build" Condition="'$(MSBuildProjectName)' == 'App'">
                <MSBuild Projects="src/Lib/Lib.csproj" Properties="RunAnalyzers=false;OutputPath=.cache/r/" />
              </Target>
            </Project>
            """);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        var found = Findings(run).Where(e => e.GetProperty("rule").GetString() == "GRD318")
            .Select(e => e.GetProperty("file").GetString() + ":" + e.GetProperty("line").GetInt32() + " " + e.GetProperty("message").GetString()!.Split(" global property ")[1].Split(',')[0])
            .OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "Directory.Build.targets:3 RunAnalyzers",
            "src/App/App.csproj:5 ImportProjectExtensionTargets",
            "src/App/App.csproj:6 GuardrailsMode",
            "src/App/App.csproj:6 MSBuildProjectExtensionsPath",
        }, found);
    }
}
