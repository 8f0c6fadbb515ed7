using System.Text.RegularExpressions;
using Guardrails.Core.Policy;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 12 leftovers (after the second outside review): a policy chosen on the command line, keys in the repository's
/// imported MSBuild files outside the project's items, files added to the package or the publish folder by late targets.
/// Each test fails on the build before its fix.
/// </summary>
[Collection(PackageCollection.Name)]
public class Issue12LeftoverTests
{
    private static readonly string CentralPolicy = E2eDocuments.Policy("e2e-central-cli", 1, approver: "dana", members: """
        "dataClasses": ["public", "internal", "confidential"],
        "tiers": { "standard": { "maxDataClass": "confidential" } }
        """);

    private static readonly string PermissivePolicy = E2eDocuments.Policy("e2e-permissive-cli", 1, approver: "dana", members: """
        "dataClasses": ["public", "internal", "confidential"],
        "tiers": { "standard": { "maxDataClass": "confidential" } },
        "assistants": [
          { "id": "rogue-agent", "approval": { "approvedBy": "dana", "approvedAt": "2026-01-01", "expiresAt": "2099-01-01" } }
        ]
        """);

    private static readonly string RogueManifest = E2eDocuments.Manifest("standard", "internal", """
        "assistants": [ { "id": "rogue-agent" } ]
        """);

    private readonly PackageFixture _fixture;

    public Issue12LeftoverTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>Each distinct "file(line,col): error CODE" the build printed (MSBuild repeats errors in its summary).</summary>
    private static string[] Errors(string output, string code) =>
        Regex.Matches(output, @"([^\s:]+\(\d+,\d+\)): (?:Guardrails )?error " + code).Select(m => m.Groups[1].Value).Distinct().ToArray();

    /// <summary>
    /// -p:GuardrailsPolicyPath (with a matching -p:GuardrailsPolicySha256) naming a permissive policy: GRD308 names the
    /// route, and the build is judged under the central policy all the same, so the assistant the central policy does
    /// not approve is still GRD111 and the analyzers get the central policy.
    /// </summary>
    [Fact]
    public void A_policy_given_on_the_command_line_is_GRD308_and_the_build_is_still_judged_under_the_central_policy()
    {
        TestProject repo = _fixture.NewPinnedProject(CentralPolicy, RogueManifest, ("GuardrailsMode", "Enforce"));
        string permissive = repo.Write("elsewhere/permissive.policy.json", PermissivePolicy);

        DotNet.Result result = repo.Build("-p:GuardrailsPolicyPath=" + permissive, "-p:GuardrailsPolicySha256=" + E2eDocuments.Sha256(permissive));

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error GRD308", result.Output);
        Assert.Contains("GuardrailsPolicyPath is set in the command line", result.Output);
        Assert.True(Errors(result.Output, "GRD111").Length > 0, "the assistant the central policy does not approve passed under the command-line policy:\n" + result);
        EffectivePolicy effective = EffectivePolicy.Read(File.ReadAllText(repo.PathOf("obj/Debug/net10.0/guardrails/guardrails.effective-policy.json")), out _)!;
        Assert.Equal("e2e-central-cli", effective.PolicyId);
        Assert.DoesNotContain("a target rewrote it", result.Output);
    }

    /// <summary>
    /// Keys in properties of the repository's MSBuild files that are not items of the project: eng/keys.props imported by
    /// Directory.Build.props and eng/app.props imported by the project (hidden from the None items). Each is GRD002 at its
    /// file and line, once; the value the build writes into runtimeconfig.json from one of them is not reported a second
    /// time in the generated listing.
    /// </summary>
    [Fact]
    public void Keys_in_imported_build_files_above_or_outside_the_items_are_GRD002_at_their_source_once()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-imports", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string keyB = FakeKeys.OpenAiProject("E2eImportedPropsKeyFakeNotReal");
        string keyA = FakeKeys.OpenAiProject("E2eProjectImportKeyFakeNotReal");
        string props = File.ReadAllText(repo.PathOf("Directory.Build.props"));
        repo.Write("Directory.Build.props", props.Replace("</Project>", "  <Import Project=\"eng/keys.props\" />\n</Project>", StringComparison.Ordinal));
        repo.Write("eng/keys.props", "<Project>\n  <PropertyGroup>\n    <KeyB>" + keyB + "</KeyB>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("eng/app.props", "<Project>\n  <PropertyGroup>\n    <KeyA>" + keyA + "</KeyA>\n  </PropertyGroup>\n</Project>\n");
        repo.AddToProject("  <Import Project=\"eng/app.props\" />\n  <ItemGroup>\n    <None Remove=\"eng/**\" />\n" +
                          "    <RuntimeHostConfigurationOption Include=\"App.KeyB\" Value=\"$(KeyB)\" />\n  </ItemGroup>");

        DotNet.Result result = repo.Build();

        Assert.True(result.ExitCode != 0, "keys in imported .props files pass the build:\n" + result);
        string[] found = Errors(result.Output, "GRD002");
        Assert.Single(found, f => f.EndsWith("keys.props(3,11)", StringComparison.Ordinal));
        Assert.Single(found, f => f.EndsWith("app.props(3,11)", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains("runtimeconfig-options", StringComparison.Ordinal));
        Assert.DoesNotContain(keyA, result.Output);
        Assert.DoesNotContain(keyB, result.Output);
    }


    /// <summary>
    /// dotnet pack with files a target adds to the package after the check ran: a TfmSpecificPackageFile from a target in
    /// TargetsForTfmSpecificContentInPackage (NuGet's documented extension point) and a _PackageFiles item added by a
    /// Directory.Build.targets target right before GenerateNuspec (imported after Guardrails' targets). Neither is an item
    /// of the build the compiler's scan sees; both hold a key. The pack fails with GRD002 at each file and leaves no package.
    /// </summary>
    [Fact]
    public void Dotnet_pack_with_keys_in_files_late_targets_add_to_the_package_fails_and_leaves_no_package()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-late-pack", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key1 = FakeKeys.OpenAiProject("E2eLatePackTfmFileFakeKeyNotReal");
        string key2 = FakeKeys.OpenAiProject("E2eLatePackFilesFakeKeyNotReal");
        repo.Write("late/notes.txt", "notes\nOPENAI_API_KEY=" + key1 + "\n");
        repo.Write("late/more.txt", "OPENAI_API_KEY=" + key2 + "\n");
        repo.AddToProject("""
              <PropertyGroup>
                <TargetsForTfmSpecificContentInPackage>$(TargetsForTfmSpecificContentInPackage);AddLateContent</TargetsForTfmSpecificContentInPackage>
              </PropertyGroup>
              <ItemGroup>
                <None Remove="late/**" />
              </ItemGroup>
              <Target Name="AddLateContent">
                <ItemGroup>
                  <TfmSpecificPackageFile Include="late/notes.txt" PackagePath="content/notes.txt" />
                </ItemGroup>
              </Target>
            """);
        repo.Write("Directory.Build.targets", """
            <Project>
              <Target Name="AddMorePackageFiles" BeforeTargets="GenerateNuspec">
                <ItemGroup>
                  <_PackageFiles Include="$(MSBuildThisFileDirectory)late/more.txt" PackagePath="content/more.txt" BuildAction="None" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        string output = repo.PathOf("out");

        DotNet.Result result = repo.Pack("-o", output);

        Assert.True(result.ExitCode != 0, "keys in files late targets add to the package pass dotnet pack:\n" + result);
        string[] found = Errors(result.Output, "GRD002");
        Assert.Contains(found, f => f.EndsWith("notes.txt(2,16)", StringComparison.Ordinal));
        Assert.Contains(found, f => f.EndsWith("more.txt(1,16)", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.nupkg").Any(), "the package with the keys was left behind:\n" + result);
        Assert.DoesNotContain(key1, result.Output);
        Assert.DoesNotContain(key2, result.Output);
    }

    /// <summary>
    /// dotnet publish with a file a target adds to ResolvedFileToPublish after ComputeResolvedFilesToPublishList (after the
    /// check ran): the publish fails with GRD002 at the file.
    /// </summary>
    [Fact]
    public void Dotnet_publish_with_a_key_in_a_file_a_late_target_adds_to_the_publish_list_fails()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-late-publish", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eLatePublishFileFakeKeyNotReal");
        repo.Write("late/pub.txt", "OPENAI_API_KEY=" + key + "\n");
        repo.AddToProject("""
              <ItemGroup>
                <None Remove="late/**" />
              </ItemGroup>
              <Target Name="AddLatePublishFile" AfterTargets="ComputeResolvedFilesToPublishList">
                <ItemGroup>
                  <ResolvedFileToPublish Include="late/pub.txt" RelativePath="pub.txt" CopyToPublishDirectory="PreserveNewest" />
                </ItemGroup>
              </Target>
            """);

        DotNet.Result result = repo.Publish("-o", repo.PathOf("pub"));

        Assert.True(result.ExitCode != 0, "a key in a file a late target publishes passes dotnet publish:\n" + result);
        Assert.Contains(Errors(result.Output, "GRD002"), f => f.EndsWith("pub.txt(1,16)", StringComparison.Ordinal));
        Assert.DoesNotContain(key, result.Output);
    }

    /// <summary>
    /// dotnet pack from a hand-written .nuspec (NuspecFile): NuGet takes the files from the nuspec, not from the items, so
    /// the package it wrote is scanned itself; a key in a file the nuspec packs fails the pack and no package is left.
    /// </summary>
    [Fact]
    public void Dotnet_pack_from_a_nuspec_with_a_key_in_a_packed_file_fails_and_leaves_no_package()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-nuspec-pack", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eNuspecPackFileFakeKeyNotReal");
        repo.Write("late/keys.txt", "OPENAI_API_KEY=" + key + "\n");
        repo.Write("App.nuspec", """
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>App</id>
                <version>1.0.0</version>
                <authors>e2e</authors>
                <description>A package packed from a nuspec.</description>
              </metadata>
              <files>
                <file src="late/keys.txt" target="content/keys.txt" />
              </files>
            </package>
            """);
        repo.AddToProject("  <PropertyGroup>\n    <NuspecFile>App.nuspec</NuspecFile>\n  </PropertyGroup>\n  <ItemGroup>\n    <None Remove=\"late/**\" />\n  </ItemGroup>");
        string output = repo.PathOf("out");

        DotNet.Result result = repo.Pack("-o", output);

        Assert.True(result.ExitCode != 0, "a key in a file a .nuspec packs passes dotnet pack:\n" + result);
        Assert.Contains(Errors(result.Output, "GRD002"), f => f.EndsWith(".nupkg/content/keys.txt(1,16)", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.nupkg").Any(), "the package with the key was left behind:\n" + result);
        Assert.DoesNotContain(key, result.Output);
    }
}
