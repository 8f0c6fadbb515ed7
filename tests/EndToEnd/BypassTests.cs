using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The bypass suite of issue 12: each route a developer could take to turn a red Enforce build green without changing
/// the policy, in a real build, failing with the coded id that names the route, and no key in any output.
/// </summary>
[Collection(PackageCollection.Name)]
public class BypassTests
{
    private readonly PackageFixture _fixture;

    public BypassTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-bypass", 3);

    private const string Audit = E2eDocuments.AuditRecordFile;

    private static void Fails(DotNet.Result result, params string[] expected)
    {
        Assert.True(result.ExitCode != 0, result.ToString());
        foreach (string text in expected)
        {
            Assert.True(result.Output.Contains(text, StringComparison.Ordinal), "expected '" + text + "' in:\n" + result);
        }
    }

    private static void Touch(TestProject project, string file, string content, int seconds)
    {
        project.Write(file, content);
        File.SetLastWriteTimeUtc(project.PathOf(file), DateTime.UtcNow.AddSeconds(seconds));
    }

    [Fact]
    public void Central_settings_from_the_command_line_a_response_file_or_the_environment_do_not_weaken_Enforce()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);

        DotNet.Result clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        using (JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit))))
        {
            JsonElement compile = audit.RootElement.GetProperty("compile");
            Assert.True(compile.GetProperty("verified").GetBoolean(), compile.ToString());
            Assert.True(compile.GetProperty("analyzersRan").GetBoolean());
            Assert.StartsWith("error, not configurable", compile.GetProperty("severities").GetString());
        }

        Fails(project.Build("-p:GuardrailsMode=Audit"), "error GRD307:", "GuardrailsMode=Audit set in the command line");

        project.Write("Directory.Build.rsp", "-p:GuardrailsMode=Audit\n");
        Fails(project.Build(), "error GRD307:", "Directory.Build.rsp");
        File.Delete(project.PathOf("Directory.Build.rsp"));

        Fails(project.BuildWithEnvironment(new Dictionary<string, string> { ["GuardrailsMode"] = "Audit" }), "error GRD307:", "an environment variable");
        Assert.True(project.Build("-p:GuardrailsMode=Enforce").ExitCode == 0, "Enforce from the command line is stricter, and allowed");

        // The pin cleared, or replaced together with the path, from the command line; a key pasted into the pin is never printed.
        Fails(project.Build("-p:GuardrailsPolicySha256="), "error GRD308:", "GuardrailsPolicySha256 is set in the command line");
        string key = FakeKeys.OpenAiProject("E2ePinPasteFakeKeyNotReal");
        DotNet.Result pasted = project.Build("-p:GuardrailsPolicySha256=" + key, "-p:GuardrailsPolicyPath=" + project.PathOf(E2eDocuments.PolicyFile));
        Fails(pasted, "error GRD308:", "GuardrailsPolicyPath is set in the command line");
        Assert.DoesNotContain(key, pasted.Output);
        foreach (string file in Directory.GetFiles(project.PathOf("obj"), "*", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllText(file).Contains(key, StringComparison.Ordinal), file);
        }

        // A key given as the mode: reported without the key, and no file under obj/ holds it (the settings cache hashes
        // every value; the mode is no compiler-visible property, so the generated globalconfig does not carry it).
        string modeKey = FakeKeys.OpenAiProject("E2eModePasteFakeKeyNotReal");
        DotNet.Result modePasted = project.Build("-p:GuardrailsMode=" + modeKey);
        Assert.True(modePasted.ExitCode != 0, modePasted.ToString());
        Assert.DoesNotContain(modeKey, modePasted.Output);
        foreach (string file in Directory.GetFiles(project.PathOf("obj"), "*", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllText(file).Contains(modeKey, StringComparison.Ordinal), file);
        }

        Fails(project.Build("-p:ImportDirectoryBuildProps=false"), "error GRD308:", "ImportDirectoryBuildProps=false");

        // DesignTimeBuild=true on a compiling build no longer skips the check: the NoWarn given with it is reported.
        Fails(project.Build("-p:DesignTimeBuild=true", "-p:NoWarn=GRD001"), "error GRD304:", "NoWarn: GRD001");
    }

    [Fact]
    public void Implicitly_triggered_builds_that_skip_the_analyzers_fail_and_the_audit_record_says_so()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        Assert.True(project.Build().ExitCode == 0);
        string key = FakeKeys.OpenAiProject("E2eImplicitFakeKeyNotReal");
        Touch(project, "Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n", 5);
        project.AddToProject("<PropertyGroup><IsImplicitlyTriggeredBuild>true</IsImplicitlyTriggeredBuild></PropertyGroup>");

        DotNet.Result skipped = project.Build();
        Fails(skipped, "error GRD306:", "IsImplicitlyTriggeredBuild=true");
        Assert.DoesNotContain("GRD001", skipped.Output); // the analyzers really did not run
        Assert.DoesNotContain(key, skipped.Output);
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit)));
        Assert.False(audit.RootElement.GetProperty("compile").GetProperty("analyzersRan").GetBoolean());
        Assert.False(audit.RootElement.GetProperty("compile").GetProperty("verified").GetBoolean());

        // A failed verification leaves no stamp: the next build reports it again although nothing was recompiled.
        Fails(project.Build(), "error GRD306:");
    }

    [Fact]
    public void Targets_that_change_the_compiler_inputs_after_the_check_are_caught_after_CoreCompile()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string inCode = FakeKeys.OpenAiProject("E2eLateCodeFakeKeyNotReal");
        string inSettings = FakeKeys.OpenAiProject("E2eLateSettingsFakeKeyNotReal");
        project.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + inSettings + "\" } }\n");
        project.Write("fake/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Audit\npolicy=true\nsuppression.allowed=true\n"));
        project.Write("quiet.ruleset", "<RuleSet Name=\"quiet\" ToolsVersion=\"16.0\"><Rules AnalyzerId=\"Guardrails\" RuleNamespace=\"Guardrails\"><Rule Id=\"GRD001\" Action=\"None\" /></Rules></RuleSet>\n");
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="QuietAfterCheck" AfterTargets="_GuardrailsBeforeCompile" BeforeTargets="CoreCompile">
                <PropertyGroup>
                  <NoWarn>$(NoWarn);GRD001</NoWarn>
                </PropertyGroup>
                <ItemGroup>
                  <AdditionalFiles Include="$(MSBuildThisFileDirectory)fake/guardrails.effective-policy.json" />
                  <AdditionalFiles Remove="$(MSBuildThisFileDirectory)appsettings.json" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        project.AddToProject("""
              <PropertyGroup><CodeAnalysisRuleSet>quiet.ruleset</CodeAnalysisRuleSet></PropertyGroup>
              <ItemGroup><None Remove="appsettings.json" /></ItemGroup>
            """);

        // The compiler succeeds (no key in code; appsettings.json was taken out of the scan): the verification after
        // CoreCompile names each route.
        DotNet.Result result = project.Build();
        Fails(result,
            "error GRD304:", "after the Guardrails check ran",
            "quiet.ruleset(1,", "error GRD305:", "ruleset: GRD001 Action=None",
            "guardrails.effective-policy.json : Guardrails error GRD311:", "second effective-policy file",
            "appsettings.json : Guardrails error GRD311:", "removed from the compiler's AdditionalFiles");
        Assert.DoesNotContain(inSettings, result.Output);

        // With a key in code, the locked GRD001 survives NoWarn, the ruleset and the fake Audit policy: the compiler fails.
        Touch(project, "Program.cs", "string apiKey = \"" + inCode + "\";\nConsole.WriteLine(apiKey.Length);\n", 5);
        DotNet.Result withKey = project.Build();
        Fails(withKey, "Program.cs(1,17): error GRD001:");
        Assert.DoesNotContain(inCode, withKey.Output);
    }

    [Fact]
    public void Padding_a_scanned_file_binary_bytes_and_a_deleted_effective_policy_do_not_turn_Enforce_green()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("E2ePaddedSettingsFakeKeyNotReal");
        string hidden = FakeKeys.Anthropic("E2eNulHiddenFakeKeyNotReal0");

        // Past the compiler's 2,097,152-character limit: the check scans it itself, streaming.
        project.Write("appsettings.json", "{\n  \"Padding\": \"" + new string('p', 2_200_000) + "\",\n  \"OpenAI\": {\n    \"ApiKey\": \"" + key + "\"\n  }\n}\n");
        // A NUL byte makes a settings file binary-looking: nothing scans it, so it is a finding of its own.
        File.WriteAllBytes(project.PathOf("appsettings.Staging.json"), System.Text.Encoding.UTF8.GetBytes("{ \"Anthropic\": { \"ApiKey\": \"" + hidden + "\" } }\0\n"));

        // A late target deletes the effective policy the check wrote and hands the compiler a lone Audit one.
        project.Write("fake/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Audit\npolicy=true\nsuppression.allowed=true\n"));
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="SwapPolicy" AfterTargets="_GuardrailsBeforeCompile" BeforeTargets="CoreCompile">
                <Delete Files="$(_GuardrailsEffectivePolicyFile)" />
                <ItemGroup>
                  <AdditionalFiles Remove="$(_GuardrailsEffectivePolicyFile)" />
                  <AdditionalFiles Include="$(MSBuildThisFileDirectory)fake/guardrails.effective-policy.json" />
                </ItemGroup>
              </Target>
            </Project>
            """);

        DotNet.Result result = project.Build();

        Fails(result,
            "appsettings.json(4,16): Guardrails error GRD002:", "Found by the Guardrails check",
            "appsettings.Staging.json : Guardrails error GRD312:", "appsettings.Staging.json: its content is binary",
            "error GRD311:", "was deleted before the compiler ran");
        Assert.DoesNotContain("appsettings.json(4,16): Guardrails error GRD312", result.Output);
        foreach (string secret in new[] { key, hidden })
        {
            Assert.DoesNotContain(secret, result.Output);
            foreach (string file in Directory.GetFiles(project.PathOf("obj"), "*", SearchOption.AllDirectories))
            {
                Assert.False(File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), file);
            }
        }

        // The padding removed: the check passes the file to the compiler again, and GRD002 comes from the analyzer.
        File.Delete(project.PathOf("Directory.Build.targets"));
        File.Delete(project.PathOf("appsettings.Staging.json"));
        project.Write("appsettings.json", "{\n  \"OpenAI\": {\n    \"ApiKey\": \"" + key + "\"\n  }\n}\n");
        DotNet.Result small = project.Build();
        Fails(small, "appsettings.json(3,16): error GRD002:");
        Assert.DoesNotContain("Found by the Guardrails check", small.Output);
    }

    [Fact]
    public void A_swapped_analyzer_assembly_and_a_line_smuggled_into_the_generated_globalconfig_are_caught_after_the_compiler()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        Assert.True(project.Build().ExitCode == 0);

        // Another assembly under the name of Guardrails' analyzers (here: Guardrails' own Core, renamed), swapped in after
        // the references are resolved; and a property value whose line break becomes a line of its own in the globalconfig.
        // Only the Guardrails package's own folder: other classes restore into the shared packages folder meanwhile.
        string core = Directory.GetFiles(Path.Combine(_fixture.PackagesFolder, "guardrails"), "Guardrails.Core.dll", SearchOption.AllDirectories).First(f => f.Contains("analyzers", StringComparison.Ordinal));
        Directory.CreateDirectory(project.PathOf("tools"));
        File.Copy(core, project.PathOf("tools/Guardrails.Analyzers.dll"));
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="SwapAnalyzer" AfterTargets="ResolveReferences">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers'" />
                  <Analyzer Include="$(MSBuildThisFileDirectory)tools/Guardrails.Analyzers.dll" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        project.AddToProject("""
              <ItemGroup><CompilerVisibleProperty Include="Smuggled" /></ItemGroup>
              <PropertyGroup><Smuggled>x%0Adotnet_diagnostic.GRD001.severity = none</Smuggled></PropertyGroup>
            """);
        project.Write("Program.cs", "Console.WriteLine(\"recompiled\");\n");

        DotNet.Result result = project.Build();

        Fails(result,
            "error GRD306:", "Guardrails.Analyzers.dll given to the compiler is not the Guardrails package's copy", "tools/Guardrails.Analyzers.dll",
            "error GRD305:", "smuggled into the generated globalconfig");
    }

    [Fact]
    public void Analyzers_taken_from_the_compiler_and_put_back_before_the_verification_are_caught_inside_CoreCompile()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("E2eStripRestoreFakeKeyNotReal");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        // The adversary's route: strip Guardrails' analyzers for the compiler only, put them back after it.
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="_Strip" AfterTargets="GuardrailsCheck" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <_Saved Include="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers' or '%(Filename)' == 'Guardrails.Core' or '%(Filename)' == 'Guardrails.CodeFixes'" />
                  <Analyzer Remove="@(_Saved)" />
                </ItemGroup>
              </Target>
              <Target Name="_Restore" AfterTargets="CoreCompile">
                <ItemGroup><Analyzer Include="@(_Saved)" /></ItemGroup>
              </Target>
            </Project>
            """);

        DotNet.Result result = project.Build();
        Fails(result, "error GRD306:", "missing from the Analyzer items: Guardrails.Analyzers.dll");
        Assert.DoesNotContain("error GRD001", result.Output); // the compiler really ran without them
        Assert.DoesNotContain(key, result.Output);
        using (JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit))))
        {
            Assert.False(audit.RootElement.GetProperty("compile").GetProperty("analyzersRan").GetBoolean());
            Assert.False(audit.RootElement.GetProperty("compile").GetProperty("verified").GetBoolean());
        }

        // Hooking the verification itself to put them back is named at the hook; emptying TargetsTriggeredByCompilation
        // (the verification no longer runs inside CoreCompile) is named too.
        project.Write("Directory.Build.targets", """
            <Project>
              <PropertyGroup><TargetsTriggeredByCompilation></TargetsTriggeredByCompilation></PropertyGroup>
              <Target Name="_Strip" AfterTargets="GuardrailsCheck" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <_Saved Include="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers' or '%(Filename)' == 'Guardrails.Core'" />
                  <Analyzer Remove="@(_Saved)" />
                </ItemGroup>
              </Target>
              <Target Name="_Restore" BeforeTargets="_GuardrailsVerifyCompile">
                <ItemGroup><Analyzer Include="@(_Saved)" /></ItemGroup>
              </Target>
            </Project>
            """);
        DotNet.Result hooked = project.Build();
        Fails(hooked,
            "Directory.Build.targets(9", "error GRD311:", "hooks a target to Guardrails' verification target '_GuardrailsVerifyCompile'",
            "TargetsTriggeredByCompilation no longer lists it");
        Assert.DoesNotContain(key, hooked.Output);
    }

    [Fact]
    public void A_project_clearing_or_replacing_a_policy_packages_path_and_pin_is_GRD308_whatever_order_NuGet_imports_the_props()
    {
        string version = "1.0." + Random.Shared.Next(1, 100000);
        TestPackages.WritePolicyPackage(_fixture.Feed, "E2e.Guardrails.Policy", version, E2eDocuments.Policy("e2e-policy-package", 7), importsCentralCapture: true);
        TestProject project = _fixture.NewProject();
        project.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        project.AddToProject("<ItemGroup><PackageReference Include=\"E2e.Guardrails.Policy\" Version=\"" + version + "\" PrivateAssets=\"all\" /></ItemGroup>");

        DotNet.Result governed = project.Build();
        Assert.True(governed.ExitCode == 0, governed.ToString());
        using (JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit))))
        {
            Assert.Equal("e2e-policy-package", audit.RootElement.GetProperty("policy").GetProperty("policyId").GetString());
        }

        // The adversary's three lines: the policy package's path and pin cleared in the project file.
        project.AddToProject("<PropertyGroup><GuardrailsPolicyPath></GuardrailsPolicyPath><GuardrailsPolicySha256></GuardrailsPolicySha256></PropertyGroup>");
        Fails(project.Build(), "error GRD308:", "GuardrailsPolicyPath is set centrally");

        // Or pointed at a permissive policy of its own, with its own pin.
        project.Write("local/guardrails.policy.json", E2eDocuments.Policy("local", 99, members: "\"allowLocalSuppression\": true"));
        project.AddToProject("<PropertyGroup><GuardrailsPolicyPath>local/guardrails.policy.json</GuardrailsPolicyPath><GuardrailsPolicySha256>" +
            E2eDocuments.Sha256(project.PathOf("local/guardrails.policy.json")) + "</GuardrailsPolicySha256><GuardrailsMode>Audit</GuardrailsMode></PropertyGroup>");
        Fails(project.Build(), "error GRD308:", "GuardrailsPolicySha256 is set centrally");
    }

    [Fact]
    public void Opt_outs_and_forged_central_values_in_the_project_are_findings_that_name_the_property()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        project.Write(".cursor/mcp.json", "{ \"mcpServers\": {} }\n");
        project.AddToProject("""
              <PropertyGroup>
                <GuardrailsScanFiles>false</GuardrailsScanFiles>
                <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
                <GuardrailsRevisionStateFile>$(MSBuildProjectDirectory)/fresh-revisions.txt</GuardrailsRevisionStateFile>
                <GuardrailsMode>Audit</GuardrailsMode>
                <_GuardrailsCentralMode>Audit</_GuardrailsCentralMode>
              </PropertyGroup>
              <ItemGroup><GuardrailsScanExclude Include="appsettings.json" /></ItemGroup>
            """);

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error GRD310:", result.Output);
        Assert.Contains("error GRD307:", result.Output);
        Assert.Contains("GuardrailsScanFiles=false, set in " + project.PathOf(project.Name + ".csproj") + "(", result.Output); // the file and line that set it
        Assert.Contains("GuardrailsCheckFootprints=false", result.Output);
        Assert.Contains("GuardrailsScanRepositoryFiles=false", result.Output);
        Assert.Contains("GuardrailsRevisionStateFile=", result.Output);
        Assert.Contains("GuardrailsScanExclude Include=\"appsettings.json\"", result.Output);
        Assert.Contains("App.csproj : Guardrails error GRD308:", result.Output); // the forged capture, and Enforce stays
        Assert.Contains("_GuardrailsCentral", result.Output);
    }

    [Fact]
    public void Code_suppressions_do_not_hide_a_locked_finding_and_are_reported()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("E2ePragmaFakeKeyNotReal");
        project.Write("Program.cs", "#pragma warning disable\nusing Quiet = System.Diagnostics.CodeAnalysis.SuppressMessageAttribute;\n" +
            "Console.WriteLine(Holder.Key.Length);\n" +
            "static class Holder\n{\n    [Quiet(checkId: \"GRD001\", category: \"x\")]\n    public static readonly string Key = \"" + key + "\";\n}\n");

        DotNet.Result result = project.Build();

        Fails(result, "Program.cs(1,17): error GRD005:", "#pragma warning disable (no ids)", "error GRD005:", "[Quiet]");
        Assert.DoesNotContain(key, result.Output);
    }
}
