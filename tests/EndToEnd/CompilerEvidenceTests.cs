using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The verification after the compiler reads what the compiler itself recorded (its SARIF error log): the analyzers it
/// loaded and the diagnostics it suppressed, not the MSBuild items after the fact (adversary routes #16, #5, #13 of issue 12).
/// </summary>
[Collection(PackageCollection.Name)]
public class CompilerEvidenceTests
{
    private const string Audit = E2eDocuments.AuditRecordFile;

    private readonly PackageFixture _fixture;

    public CompilerEvidenceTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-evidence", 2);

    private static JsonElement Compile(TestProject project)
    {
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit)));
        return audit.RootElement.GetProperty("compile").Clone();
    }

    /// <summary>Route #16: a target removes the analyzers for csc only and puts them back before the verification.</summary>
    [Fact]
    public void Analyzers_removed_for_the_compiler_and_put_back_before_the_verification_are_GRD306_and_the_record_says_they_did_not_run()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("EvidenceAnalyzerSwapFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        DotNet.Result plain = project.Build();
        Assert.True(plain.ExitCode != 0 && plain.Output.Contains("error GRD001:", StringComparison.Ordinal), plain.ToString());

        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="_Strip" AfterTargets="GuardrailsCheck" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <_Saved Include="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers' or '%(Filename)' == 'Guardrails.Core' or '%(Filename)' == 'Guardrails.CodeFixes'" />
                  <Analyzer Remove="@(_Saved)" />
                </ItemGroup>
              </Target>
              <Target Name="_Restore" BeforeTargets="_GuardrailsVerifyCompile">
                <ItemGroup>
                  <Analyzer Include="@(_Saved)" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        DotNet.Result swapped = project.Build();

        Assert.True(swapped.ExitCode != 0, swapped.ToString());
        Assert.Contains("error GRD306:", swapped.Output);
        Assert.DoesNotContain(key, swapped.Output);
        JsonElement compile = Compile(project);
        Assert.False(compile.GetProperty("analyzersRan").GetBoolean(), compile.ToString());
        Assert.False(compile.GetProperty("verified").GetBoolean(), compile.ToString());

        // Put back inside CoreCompile, ahead of the verification there: the items look whole, the compiler's own log does not.
        project.Write("Directory.Build.targets", """
            <Project>
              <PropertyGroup>
                <TargetsTriggeredByCompilation>_Restore;$(TargetsTriggeredByCompilation)</TargetsTriggeredByCompilation>
              </PropertyGroup>
              <Target Name="_Strip" AfterTargets="GuardrailsCheck" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <_Saved Include="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers' or '%(Filename)' == 'Guardrails.Core' or '%(Filename)' == 'Guardrails.CodeFixes'" />
                  <Analyzer Remove="@(_Saved)" />
                </ItemGroup>
              </Target>
              <Target Name="_Restore">
                <ItemGroup>
                  <Analyzer Include="@(_Saved)" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length - 1);\n");
        DotNet.Result early = project.Build();
        Assert.True(early.ExitCode != 0, early.ToString());
        Assert.True(early.Output.Contains("did not load the Guardrails analyzers", StringComparison.Ordinal) || early.Output.Contains("error GRD311:", StringComparison.Ordinal), early.ToString());
        Assert.DoesNotContain(key, early.Output);
        Assert.False(Compile(project).GetProperty("verified").GetBoolean());

        // The same swap that also points the compiler's error log elsewhere leaves no log of this compile: GRD311.
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="_Strip" AfterTargets="_GuardrailsBeforeCompile" BeforeTargets="CoreCompile">
                <PropertyGroup>
                  <_SavedLog>$(ErrorLog)</_SavedLog>
                  <ErrorLog>$(MSBuildProjectDirectory)/elsewhere.sarif,version=2.1</ErrorLog>
                </PropertyGroup>
                <ItemGroup>
                  <_Saved Include="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers' or '%(Filename)' == 'Guardrails.Core' or '%(Filename)' == 'Guardrails.CodeFixes'" />
                  <Analyzer Remove="@(_Saved)" />
                </ItemGroup>
              </Target>
              <Target Name="_Restore" BeforeTargets="_GuardrailsVerifyCompile">
                <PropertyGroup><ErrorLog>$(_SavedLog)</ErrorLog></PropertyGroup>
                <ItemGroup>
                  <Analyzer Include="@(_Saved)" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length + 1);\n");
        DotNet.Result redirected = project.Build();
        Assert.True(redirected.ExitCode != 0, redirected.ToString());
        Assert.True(redirected.Output.Contains("error GRD311:", StringComparison.Ordinal) || redirected.Output.Contains("error GRD306:", StringComparison.Ordinal), redirected.ToString());
        Assert.DoesNotContain(key, redirected.Output);
        Assert.False(Compile(project).GetProperty("verified").GetBoolean());
    }

    /// <summary>Route #5: [assembly: SuppressMessage] of GRD004 and of GRD005 itself; the compiler's log still records the suppressed GRD004.</summary>
    [Fact]
    public void A_finding_suppressed_in_source_together_with_GRD005_fails_Enforce_with_GRD311_and_is_allowed_where_the_policy_allows_code_suppression()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        project.Write("Program.cs", "using var http = new HttpClient();\nConsole.WriteLine(http.PostAsync(\"https://api.openai.com/v1/chat/completions\", null).GetType());\n");
        DotNet.Result direct = project.Build();
        Assert.True(direct.ExitCode != 0 && direct.Output.Contains("error GRD004:", StringComparison.Ordinal), direct.ToString());

        project.Write("Suppressions.cs", """
            using System.Diagnostics.CodeAnalysis;
            [assembly: SuppressMessage("x", "GRD004")]
            [assembly: SuppressMessage("x", "GRD005")]
            """);
        DotNet.Result suppressed = project.Build();

        Assert.True(suppressed.ExitCode != 0, suppressed.ToString());
        Assert.Contains("error GRD311:", suppressed.Output);
        Assert.Contains("GRD004 was reported by the compiler but suppressed in source (SuppressMessageAttribute)", suppressed.Output);
        Assert.Contains("Program.cs(2,", suppressed.Output);
        JsonElement compile = Compile(project);
        Assert.False(compile.GetProperty("verified").GetBoolean(), compile.ToString());
        Assert.Matches(@"[1-9][0-9]* Guardrails diagnostic\(s\) suppressed in source", compile.GetProperty("evidence").GetString());

        // A tier whose policy allows suppression in code: the same source builds.
        project.Write(E2eDocuments.PolicyFile, E2eDocuments.Policy("e2e-evidence", 3, members: "\"allowLocalSuppression\": true"));
        project.PinPolicy();
        DotNet.Result allowed = project.Build();
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.DoesNotContain("GRD311", allowed.Output);
    }

    /// <summary>Route #13: a Visual Basic project gets Guardrails, but its analyzers are C#-only; Enforce must not call it verified.</summary>
    [Fact]
    public void A_Visual_Basic_project_under_an_Enforce_policy_fails_with_GRD306_instead_of_being_recorded_as_verified()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        File.Delete(project.PathOf("Program.cs"));
        File.Delete(project.PathOf(project.Name + ".csproj"));
        string key = FakeKeys.OpenAiProject("EvidenceVisualBasicFakeKey");
        project.Write("Keys.vb", "Public Module Keys\n    Public Const OpenAIKey As String = \"" + key + "\"\nEnd Module\n");
        string vbproj = project.Write("Lib.vbproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Guardrails" Version="{_fixture.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        DotNet.Result result = DotNet.Run(project.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", vbproj, "-nodeReuse:false", "-p:UseSharedCompilation=false");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error GRD306:", result.Output);
        Assert.Contains("compiled as VB", result.Output);
        Assert.DoesNotContain(key, result.Output);
        JsonElement compile = Compile(project);
        Assert.False(compile.GetProperty("verified").GetBoolean(), compile.ToString());
        Assert.False(compile.GetProperty("analyzersRan").GetBoolean(), compile.ToString());
    }

    /// <summary>
    /// Route #12: the SDK reaches the compiler through PackageDownload + Reference HintPath, so no PackageReference and no
    /// assets-file library exists for the package check to judge. The verification judges the compiler's references.
    /// </summary>
    [Fact]
    public void An_AI_SDK_assembly_referenced_by_HintPath_from_a_PackageDownload_is_GRD201_naming_the_file()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        project.ReferenceOpenAiByHintPath();
        // No use in code the analyzers could judge (GRD003): only the reference reaches the compiler.
        // The type is named at run time: a constant name would be GRD003 at the call (reflection), and this test is about the reference.
        project.Write("Program.cs", "Console.WriteLine(Type.GetType(args.Length > 0 ? args[0] : \"none\") is null);\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error GRD201: The compiler referenced OpenAI.dll, an assembly of the AI SDK", result.Output);
        Assert.Contains("openai/2.1.0/lib/net6.0/OpenAI.dll", result.Output);
        Assert.False(Compile(project).GetProperty("verified").GetBoolean());
    }

    /// <summary>
    /// Route #21: after restore, a target points ProjectAssetsFile at a clean copy (committed in the repository), so the
    /// package check judges an assets file without OpenAI while ResolvePackageAssets has already handed OpenAI.dll to the
    /// compiler. Only reflection uses it (no GRD003). The verification judges the compiler's references: GRD201.
    /// </summary>
    [Fact]
    public void OpenAI_hidden_behind_a_clean_copy_of_the_assets_file_is_GRD201_from_the_compilers_references()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        project.UseNuGetOrg();
        // The type is named at run time: a constant name would be GRD003 at the call (reflection), and this test is about the reference.
        project.Write("Program.cs", "Console.WriteLine(Type.GetType(args.Length > 0 ? args[0] : \"none\") is null);\n");
        DotNet.Result clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        project.Write("eng/clean.assets.json", File.ReadAllText(project.PathOf("obj/project.assets.json")));

        project.AddToProject("<ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.1.0\" /></ItemGroup>");
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="_Lie" AfterTargets="ResolveReferences" BeforeTargets="GuardrailsCheck">
                <PropertyGroup><ProjectAssetsFile>$(MSBuildThisFileDirectory)eng/clean.assets.json</ProjectAssetsFile></PropertyGroup>
              </Target>
            </Project>
            """);

        DotNet.Result lied = project.Build();

        Assert.True(lied.ExitCode != 0, lied.ToString());
        Assert.Contains("error GRD201: The compiler referenced OpenAI.dll, an assembly of the AI SDK", lied.Output);
        Assert.Contains("openai/2.1.0/lib/", lied.Output);
        Assert.False(Compile(project).GetProperty("verified").GetBoolean());
    }

    /// <summary>
    /// Route #28: a repository-local package that reuses an approved id (Microsoft.Extensions.AI, approved without a version
    /// range) and carries the real OpenAI.dll. The compiler's references hold OpenAI.dll, which no approved package brings:
    /// GRD201 naming the file; and (adversary round 12 route 1) the package check reads the approved id's assembly: GRD201 at
    /// the package, the approval not covering the SDK it carries.
    /// </summary>
    [Fact]
    public void A_local_package_reusing_an_approved_id_that_carries_OpenAI_dll_is_GRD201_naming_the_file()
    {
        // The real OpenAI 2.1.0 assembly, from the registry.
        TestProject fetch = _fixture.NewProject("Fetch");
        fetch.UseNuGetOrg();
        fetch.AddToProject("<ItemGroup><PackageDownload Include=\"OpenAI\" Version=\"[2.1.0]\" /></ItemGroup>");
        DotNet.Result fetched = fetch.Build();
        Assert.True(fetched.ExitCode == 0, fetched.ToString());
        string openAiDll = Path.Combine(_fixture.PackagesFolder, "openai", "2.1.0", "lib", "net6.0", "OpenAI.dll");
        Assert.True(File.Exists(openAiDll), openAiDll);

        string approving = E2eDocuments.Policy("e2e-evidence-local", 2, members: "\"packages\": { \"approved\": [ { \"id\": \"Microsoft.Extensions.AI\" } ] }");
        TestProject project = _fixture.NewPinnedProject(approving, E2eDocuments.MinimalManifest);
        string feed = project.PathOf("eng/packages");
        // A look-alike of Microsoft.Extensions.AI carrying another SDK.
        TestPackages.Write(feed, "Microsoft.Extensions.AI", "99.0.0", new[] { ("lib/net8.0/OpenAI.dll", File.ReadAllBytes(openAiDll)) });

        project.UseNuGetOrg(("local", feed));
        project.AddToProject("<ItemGroup><PackageReference Include=\"Microsoft.Extensions.AI\" Version=\"99.0.0\" /></ItemGroup>");
        // The type is named at run time: a constant name would be GRD003 at the call (reflection), and this test is about the reference.
        project.Write("Program.cs", "Console.WriteLine(Type.GetType(args.Length > 0 ? args[0] : \"none\") is null);\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error GRD201: The compiler referenced OpenAI.dll, an assembly of the AI SDK", result.Output);
        Assert.Contains("microsoft.extensions.ai/99.0.0/lib/net8.0/OpenAI.dll", result.Output);
        // Adversary round 12 route 1: the package check reads the approved id's assembly too; the approval of
        // 'Microsoft.Extensions.AI' does not cover the OpenAI SDK it carries.
        Assert.Contains("error GRD201: Package 'Microsoft.Extensions.AI' 99.0.0 (it carries the OpenAI .NET SDK", result.Output);
        Assert.Contains("approves 'Microsoft.Extensions.AI' (Microsoft.Extensions.AI), not the OpenAI .NET SDK its assembly declares", result.Output);
        Assert.False(Compile(project).GetProperty("verified").GetBoolean());
    }
}
