using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The worst routes found by the adversarial passes of issue 12 (the ranked list with exact steps is
/// /work/wt/adversary-findings.md): each turned a red Enforce build green with no diagnostic while the audit record said
/// the build was verified. Written against the package as it was (they failed then); kept as regression tests. Each asserts
/// what Enforce promises: the build fails with a coded GRD id that names the route, and the key is never printed.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRoutesTests
{
    private const string Audit = E2eDocuments.AuditRecordFile;

    private readonly PackageFixture _fixture;

    public AdversaryRoutesTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-adversary", 2);

    /// <summary>Fails, with at least one of <paramref name="anyOf"/> (coded errors that name the route), and never prints the key.</summary>
    private static void FailsWithAny(DotNet.Result result, string key, params string[] anyOf)
    {
        Assert.True(result.ExitCode != 0, "the Enforce build must fail:\n" + result);
        Assert.True(anyOf.Any(id => result.Output.Contains(id, StringComparison.Ordinal)), "expected one of " + string.Join(", ", anyOf) + " in:\n" + result);
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// docs/rollout.md §1: the policy ships as an internal package whose props set GuardrailsPolicyPath and the pin, taken
    /// by every project through a GlobalPackageReference. NuGet imports Guardrails' props before the policy package's
    /// props, so the "central" capture sees nothing, and three lines in the project file clear the policy, its pin and
    /// GRD001: exit 0, no diagnostic, audit record <c>policy: null</c>, <c>compile.verified: true</c>.
    /// </summary>
    [Fact]
    public void A_project_cannot_clear_the_policy_and_pin_that_a_policy_package_sets()
    {
        TestProject project = _fixture.NewProject();
        string feed = project.PathOf("policy-feed");
        string pin = TestPackages.WritePolicyPackage(feed, "Acme.Guardrails.Policy", "1.0.0", Policy);
        project.UseLocalFeed(("policy-feed", feed));
        project.Write("Directory.Packages.props", $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <GlobalPackageReference Include="Guardrails" Version="{_fixture.Version}" />
                <GlobalPackageReference Include="Acme.Guardrails.Policy" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        project.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        WriteProjectFile(project, string.Empty);
        string key = FakeKeys.OpenAiProject("AdversaryPolicyPackageFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");

        // The policy package governs the project: the key fails the build, checked against the pinned policy.
        DotNet.Result governed = project.Build();
        FailsWithAny(governed, key, "error GRD001:");
        using (JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit))))
        {
            Assert.True(audit.RootElement.GetProperty("policy").GetProperty("pinMatched").GetBoolean(), pin);
        }

        // The route: the project file clears what the policy package set, and silences GRD001.
        WriteProjectFile(project, """
                <GuardrailsPolicyPath></GuardrailsPolicyPath>
                <GuardrailsPolicySha256></GuardrailsPolicySha256>
                <NoWarn>$(NoWarn);GRD001</NoWarn>
            """);
        DotNet.Result cleared = project.Build();
        FailsWithAny(cleared, key, "error GRD308:", "error GRD301:");
    }

    /// <summary>
    /// The post-compile verification reads <c>@(Analyzer)</c> when its own target runs. A Directory.Build.targets that
    /// takes Guardrails' analyzers out after the check and puts them back right before the verification compiles without
    /// them: exit 0, no GRD001, and the audit record says <c>analyzersRan: true</c>, <c>verified: true</c>.
    /// </summary>
    [Fact]
    public void Analyzers_removed_for_the_compiler_and_restored_before_the_verification_fail_the_build_and_the_record_says_so()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("AdversaryAnalyzerSwapFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        FailsWithAny(project.Build(), key, "error GRD001:");

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

        FailsWithAny(swapped, key, "error GRD306:", "error GRD311:", "error GRD001:");
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit)));
        if (audit.RootElement.TryGetProperty("compile", out JsonElement compile))
        {
            Assert.False(compile.GetProperty("verified").GetBoolean() && compile.GetProperty("analyzersRan").GetBoolean(),
                "the record claims the analyzers ran and the build was verified, but the compiler never got them: " + compile);
        }
    }

    /// <summary>
    /// The central settings live in the repository's root Directory.Build.props (docs/rollout.md, "Who may set what"),
    /// which the route does not touch. A targets file imported from Directory.Build.targets clears the policy, the pin and
    /// Guardrails' own record of the central values at run time, before the check: exit 0, no diagnostic, audit record
    /// <c>policy: null</c>, <c>compile.verified: true</c>. (Written directly in Directory.Build.targets the same lines are
    /// GRD308: only the text of the project file and Directory.Build.targets is searched.)
    /// </summary>
    [Fact]
    public void Central_settings_cleared_at_run_time_from_an_imported_targets_file_fail_the_build()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string pin = project.PinPolicy();
        string key = FakeKeys.OpenAiProject("AdversaryRunTimeClearFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        FailsWithAny(project.Build(), key, "error GRD001:");

        project.Write("Directory.Build.targets", "<Project><Import Project=\"$(MSBuildThisFileDirectory)eng/build.targets\" /></Project>\n");
        project.Write("eng/build.targets", """
            <Project>
              <Target Name="_Tidy" BeforeTargets="_GuardrailsPrepare">
                <PropertyGroup>
                  <GuardrailsPolicyPath></GuardrailsPolicyPath>
                  <GuardrailsPolicySha256></GuardrailsPolicySha256>
                  <_GuardrailsCentralPolicyPath></_GuardrailsCentralPolicyPath>
                  <_GuardrailsCentralPolicySha256></_GuardrailsCentralPolicySha256>
                  <NoWarn>$(NoWarn);GRD001</NoWarn>
                </PropertyGroup>
              </Target>
            </Project>
            """);
        DotNet.Result cleared = project.Build();

        FailsWithAny(cleared, key, "error GRD308:", "error GRD311:", "error GRD001:");
        using (JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit))))
        {
            Assert.True(audit.RootElement.GetProperty("policy").ValueKind == JsonValueKind.Object,
                "the record of a build under a pinned central policy must name that policy: " + audit.RootElement.GetProperty("policy"));
        }

        // The route is named: the target, in the imported file, at its line (the check evaluates the project again and
        // compares Guardrails' record of the central settings with what it received).
        Assert.Contains("build.targets(6,", cleared.Output);
        Assert.Contains("error GRD308: The target '_Tidy' rewrites _GuardrailsCentralPolicyPath at run time", cleared.Output);
        // The central policy still governs: GRD001 is an error, not silenced by the NoWarn the same target added.
        Assert.Contains("error GRD001:", cleared.Output);

        // The CI gate, given the published pin, fails this build's output as well (its record has failed the check).
        DotNet.Result gate = GuardrailsTool.VerifyBuild(project.Directory, "--policy-sha256", pin);
        Assert.True(gate.ExitCode != 0, "the CI gate must fail the output of this build:\n" + gate);
        Assert.Contains("GRDCL2", gate.Output);
        Assert.DoesNotContain(key, gate.Output);
    }

    /// <summary>
    /// #22 at evaluation time: the imported file writes Guardrails' record of the central settings outside any target (the
    /// text of the project and Directory.Build.props/targets, all the build once searched, never names it).
    /// </summary>
    [Fact]
    public void Central_record_forged_during_evaluation_by_a_file_imported_from_Directory_Build_targets_fails_the_build()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("AdversaryEvaluationForgeFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        project.Write("Directory.Build.targets", "<Project><Import Project=\"$(MSBuildThisFileDirectory)eng/outer.targets\" Condition=\"Exists('$(MSBuildThisFileDirectory)eng/outer.targets')\" /></Project>\n");
        project.Write("eng/outer.targets", "<Project><Import Project=\"inner.targets\" /></Project>\n");
        project.Write("eng/inner.targets", """
            <Project>
              <PropertyGroup>
                <GuardrailsPolicyPath></GuardrailsPolicyPath>
                <GuardrailsPolicySha256></GuardrailsPolicySha256>
                <_GuardrailsCentralPolicyPath></_GuardrailsCentralPolicyPath>
                <_GuardrailsCentralPolicySha256></_GuardrailsCentralPolicySha256>
                <_GuardrailsCentralCaptured></_GuardrailsCentralCaptured>
                <NoWarn>$(NoWarn);GRD001</NoWarn>
              </PropertyGroup>
            </Project>
            """);

        DotNet.Result forged = project.Build();

        FailsWithAny(forged, key, "error GRD308:");
        Assert.Contains("inner.targets(5,", forged.Output);
        Assert.Contains("This build file sets _GuardrailsCentralPolicyPath, part of Guardrails' own record of the central settings", forged.Output);
        Assert.Contains("error GRD001:", forged.Output);
    }

    /// <summary>
    /// #22 from a package: a repository-local package whose build/*.targets (imported through nuget.g.targets, a file no
    /// text search of the repository reads) clears the central settings at run time.
    /// </summary>
    [Fact]
    public void A_package_build_targets_file_that_clears_the_central_settings_at_run_time_fails_the_build()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        string feed = project.PathOf("local-feed");
        TestPackages.Write(feed, "Acme.Build.Tidy", "1.0.0", ("build/Acme.Build.Tidy.targets", """
            <Project>
              <Target Name="_AcmeTidy" BeforeTargets="GuardrailsCheck">
                <PropertyGroup>
                  <GuardrailsPolicyPath></GuardrailsPolicyPath>
                  <_GuardrailsCentralPolicyPath></_GuardrailsCentralPolicyPath>
                  <_GuardrailsCentralPolicySha256></_GuardrailsCentralPolicySha256>
                </PropertyGroup>
              </Target>
            </Project>
            """));
        project.UseLocalFeed(("local-feed", feed));
        project.AddToProject("<ItemGroup><PackageReference Include=\"Acme.Build.Tidy\" Version=\"1.0.0\" PrivateAssets=\"all\" /></ItemGroup>");
        string key = FakeKeys.OpenAiProject("AdversaryPackageTargetsFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");

        DotNet.Result cleared = project.Build();

        FailsWithAny(cleared, key, "error GRD308:");
        Assert.Contains("Acme.Build.Tidy.targets(5,", cleared.Output);
        Assert.Contains("The target '_AcmeTidy' rewrites _GuardrailsCentralPolicyPath at run time", cleared.Output);
    }

    /// <summary>
    /// A Guardrails target replaced from a file imported by Directory.Build.targets (the text of Directory.Build.targets,
    /// which the build once searched alone, only holds the import): GRD311 at the imported file's target.
    /// </summary>
    [Fact]
    public void A_Guardrails_target_redefined_in_an_imported_file_is_GRD311_at_that_target()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("AdversaryImportedRedefinitionFakeKey");
        project.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        project.Write("Directory.Build.targets", "<Project><Import Project=\"eng/quiet.targets\" /></Project>\n");
        project.Write("eng/quiet.targets", """
            <Project>
              <Target Name="_GuardrailsCollectScanFiles" />
            </Project>
            """);

        DotNet.Result replaced = project.Build();

        FailsWithAny(replaced, key, "error GRD311:");
        Assert.Contains("quiet.targets(2,", replaced.Output);
        Assert.Contains("defines a target named '_GuardrailsCollectScanFiles'", replaced.Output);
    }

    /// <summary>
    /// Issue 12 item 8: <c>--no-restore</c> with a stale assets file. A package reference added after the last restore is
    /// not in obj/project.assets.json, so the package check (and the compiler) would work from an older restore than the
    /// project names: GRD313 naming the package. A restore makes the build green again.
    /// </summary>
    [Fact]
    public void A_build_with_no_restore_and_a_package_reference_added_since_the_last_restore_is_GRD313()
    {
        TestProject project = _fixture.NewPinnedProject(Policy, E2eDocuments.MinimalManifest);
        string feed = project.PathOf("local-feed");
        TestPackages.Write(feed, "Acme.Plain", "1.0.0", ("lib/netstandard2.0/_._", string.Empty));
        project.UseLocalFeed(("local-feed", feed));
        DotNet.Result restored = project.Build();
        Assert.True(restored.ExitCode == 0, restored.ToString());

        project.AddToProject("<ItemGroup><PackageReference Include=\"Acme.Plain\" Version=\"1.0.0\" /></ItemGroup>");
        DotNet.Result stale = project.Build("--no-restore");

        Assert.True(stale.ExitCode != 0, stale.ToString());
        Assert.Contains("project.assets.json(1,1): Guardrails error GRD313: The package assets file is older than the project's package references: Acme.Plain is referenced but not in the last restore", stale.Output);

        DotNet.Result fresh = project.Build();
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.DoesNotContain("GRD313", fresh.Output);
    }

    private static void WriteProjectFile(TestProject project, string properties) =>
        project.Write(project.Name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
            {properties}
              </PropertyGroup>
            </Project>
            """);
}
