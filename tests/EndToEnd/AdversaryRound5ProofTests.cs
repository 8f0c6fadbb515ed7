using System.IO.Compression;
using System.Text;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// End-to-end proof for the routes of the fifth outside review (/work/wt/adversary5-findings.md) that were closed with unit
/// tests only: #11 (a padded committed text file), #12 (a key as a file or folder name), the committed dangling symbolic
/// link whose target text holds a key (adv5's side observation) and #1's strong form `fpol2` (a committed pre-extracted
/// policy package folder). Each builds a real project from the packed package with `dotnet build`, then runs the CI steps
/// docs/rollout.md names (`guardrails verify-build` with the pin, --min-revision and --rescan-with-policy, and
/// `guardrails scan` with the published policy and its pin), and asserts the exit codes, the coded ids and that no
/// output holds the whole key.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound5ProofTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound5ProofTests(PackageFixture fixture) => _fixture = fixture;

    private static void AssertNoKey(string key, params DotNet.Result[] outputs)
    {
        foreach (DotNet.Result output in outputs)
        {
            Assert.DoesNotContain(key, output.Output);
        }
    }

    /// <summary>
    /// #11: deploy/ belongs to no project (the build does not read it; the scan over the whole repository is the check
    /// for it). values.yaml holds the key on line 2 and is padded past the compiler's 2,097,152 characters: GRD002 at its
    /// line, not a GRD007 "not scanned" warning. big.yaml is padded past 64 MiB: GRD312, an error in Enforce.
    /// </summary>
    [Fact]
    public void Committed_text_files_padded_past_2_MiB_and_64_MiB_fail_the_scan_with_GRD002_and_GRD312()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r5-padded", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string project = repo.MoveProjectInto("app", string.Empty, "Console.WriteLine(1);\n");
        string key = FakeKeys.OpenAiProject("E2eR5PaddedFakeKeyNotReal");
        string bigKey = FakeKeys.OpenAiProject("E2eR5HugeFakeKeyNotReal");
        var padded = new StringBuilder("openai:\n  apiKey: " + key + "\n");
        while (padded.Length <= 2 * 1024 * 1024 + 100_000)
        {
            padded.Append("# padding, padding, padding, padding, padding, padding, padding, padding, padding\n");
        }

        repo.Write("deploy/values.yaml", padded.ToString());
        using (var writer = new StreamWriter(repo.PathOf("deploy/big.yaml"), false, new UTF8Encoding(false)))
        {
            writer.Write("openai:\n  apiKey: " + bigKey + "\n");
            string line = new string('#', 1023) + "\n";
            for (int i = 0; i < 65 * 1024; i++)
            {
                writer.Write(line);
            }
        }

        Assert.True(new FileInfo(repo.PathOf("deploy/values.yaml")).Length > 2 * 1024 * 1024);
        Assert.True(new FileInfo(repo.PathOf("deploy/big.yaml")).Length > 64L * 1024 * 1024);
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.BuildProjectFile(project);
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile));

        AssertNoKey(key, build, gate, scan);
        AssertNoKey(bigKey, build, gate, scan);
        Assert.True(scan.ExitCode == 1, "a key on line 2 of a padded committed file and a file over 64 MiB, the scan passes:\n" + scan);
        Assert.Contains("GRD002", scan.Output);
        Assert.Contains("values.yaml", scan.Output);
        Assert.Contains("GRD312", scan.Output);
        Assert.Contains("big.yaml", scan.Output);
        Assert.DoesNotContain("GRD007 values.yaml", scan.Output);
    }

    /// <summary>
    /// #12: the key as the name of a file (keys/&lt;key&gt;.txt) and another as the name of a folder
    /// (cfg/&lt;key&gt;/settings.txt), both copied to bin/. The Enforce build fails with GRD002 (the files are kept from
    /// the compiler), the scan with GRD002; built in Audit so that bin/ holds them, the gate fails with GRDCL31. Every
    /// output shows the path redacted: build log, audit record, SARIF, scan, gate.
    /// </summary>
    [Fact]
    public void A_key_as_a_file_name_and_as_a_folder_name_copied_to_bin_fails_build_scan_and_gate_redacted()
    {
        (string, string) sarif = ("GuardrailsSarifPath", "obj/guardrails.sarif");
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r5-key-name", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"), sarif);
        string fileKey = FakeKeys.OpenAiProject("E2eR5FileNameFakeKeyNotReal");
        string folderKey = FakeKeys.Anthropic("E2eR5FolderNameFakeKeyNotReal");
        repo.Write("keys/" + fileKey + ".txt", "openai\n");
        repo.Write("cfg/" + folderKey + "/settings.txt", "anthropic\n");
        repo.AddToProject("  <ItemGroup><None Update=\"keys/*.txt;cfg/**/*.txt\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>");
        repo.Write("Program.cs", "Console.WriteLine(Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, \"keys\"))[0]).Length);\n");
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.Build();
        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile));
        DotNet.Result scanSarif = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), "--format", "sarif", "-o", repo.PathOf("obj/scan.sarif"));
        string buildFiles = File.ReadAllText(repo.PathOf(E2eDocuments.AuditRecordFile)) + File.ReadAllText(repo.PathOf("obj/guardrails.sarif")) + File.ReadAllText(repo.PathOf("obj/scan.sarif"));

        repo.PinPolicy(("GuardrailsMode", "Audit"), sarif);
        DotNet.Result audit = repo.Build();
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        string auditFiles = File.ReadAllText(repo.PathOf(E2eDocuments.AuditRecordFile)) + File.ReadAllText(repo.PathOf("obj/guardrails.sarif"));

        foreach (string key in new[] { fileKey, folderKey })
        {
            AssertNoKey(key, build, scan, scanSarif, audit, gate);
            Assert.DoesNotContain(key, buildFiles);
            Assert.DoesNotContain(key, auditFiles);
        }

        Assert.True(build.ExitCode != 0, "a key as a file name and a folder name, the Enforce build passes:\n" + build);
        Assert.Contains("error GRD002", build.Output);
        Assert.Contains("keys/sk-", build.Output.Replace('\\', '/'));
        Assert.Contains("cfg/sk-", build.Output.Replace('\\', '/'));
        Assert.DoesNotContain("error CS", build.Output);
        Assert.True(scan.ExitCode == 1, scan.ToString());
        Assert.Contains("GRD002", scan.Output);
        Assert.Contains("keys/sk-", scan.Output.Replace('\\', '/'));
        Assert.Contains("cfg/sk-", scan.Output.Replace('\\', '/'));
        Assert.Contains("GRD002", buildFiles);

        Assert.True(audit.ExitCode == 0 && File.Exists(repo.PathOf("bin/Debug/net10.0/keys/" + fileKey + ".txt")), audit.ToString());
        Assert.Contains("warning GRD002", audit.Output);
        Assert.True(gate.ExitCode != 0, "bin/ holds a key as a file name and a folder name, the gate passes:\n" + gate);
        Assert.Contains("GRDCL31", gate.Output);
        Assert.Contains("keys/sk-", gate.Output.Replace('\\', '/'));
        Assert.Contains("cfg/sk-", gate.Output.Replace('\\', '/'));
    }

    /// <summary>
    /// Adversary round 6 E2E-1, found writing the test above: the key as the name of an ENTRY inside a zip (data.zip with
    /// keys/&lt;key&gt;.txt) copied to bin/. #12 was closed for loose names only: build, gate and scan were green (main
    /// e4ad0d0). The name ships as plain bytes in the zip's headers; the gate opens the archive and judges its entry names
    /// (GRDCL31), redacted.
    /// </summary>
    [Fact]
    public void A_key_as_the_name_of_an_entry_in_a_zip_copied_to_bin_fails_the_gate_redacted()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r6-zip-entry-name", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eR6ZipEntryNameFakeKeyNotReal");
        using (ZipArchive zip = ZipFile.Open(repo.PathOf("data.zip"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("keys/" + key + ".txt").Open());
            writer.Write("openai\n");
        }

        repo.AddToProject("  <ItemGroup><None Update=\"data.zip\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>");
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);

        repo.AssertBuildOrGateFails(key, () => File.Exists(repo.PathOf("bin/Debug/net10.0/data.zip")), "bin/data.zip holds an entry named by a key", "GRDCL31", "data.zip!keys/sk-");
        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile));
        Assert.DoesNotContain(key, scan.Output);
    }

    /// <summary>
    /// adv5's side observation: a committed symbolic link that points to no file, whose target text (what git commits as
    /// the link's blob) is OPENAI_API_KEY=&lt;key&gt;. It failed the build with CS2001 on obj/.../apphost and no GRD code,
    /// and the scan said nothing. Now: no CS2001; the build on .NET (the SDK's MSBuild) reads the target text (GRD002 at the
    /// link), the scan too, and the gate fails the failed build.
    /// </summary>
    [Fact]
    public void A_committed_dangling_symbolic_link_whose_target_text_holds_a_key_fails_build_scan_and_gate_without_CS2001()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-r5-dangling-link", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eR5DanglingLinkFakeKeyNotReal");
        Directory.CreateDirectory(repo.PathOf("deploy"));
        File.CreateSymbolicLink(repo.PathOf("deploy/openai.env"), "OPENAI_API_KEY=" + key);
        Assert.False(new FileInfo(repo.PathOf("deploy/openai.env")).ResolveLinkTarget(returnFinalTarget: true)!.Exists); // points to no file
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);

        DotNet.Result build = repo.Build();
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        DotNet.Result scan = GuardrailsTool.DocumentedScan(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile));

        AssertNoKey(key, build, gate, scan);
        Assert.DoesNotContain("CS2001", build.Output);
        Assert.True(build.ExitCode != 0, "a committed dangling link with a key as its target, the Enforce build passes:\n" + build);
        Assert.Contains("error GRD002", build.Output);
        Assert.Contains("openai.env", build.Output);
        Assert.DoesNotContain(key, File.ReadAllText(repo.PathOf(E2eDocuments.AuditRecordFile)));
        Assert.True(scan.ExitCode == 1, "a committed dangling link with a key as its target, the scan passes:\n" + scan);
        Assert.Contains("GRD002", scan.Output);
        Assert.Contains("openai.env", scan.Output);
        Assert.True(gate.ExitCode != 0, gate.ToString());
        Assert.Contains("GRDCL", gate.Output);
    }

    /// <summary>
    /// The setup of adv5's `fpol2`, past every mitigation docs/rollout.md §1 recommends: the policy package
    /// (<paramref name="id"/> 1.0.0) on a central feed outside the repository, package source mapping of its id to that
    /// feed, a lock file, RestorePackagesPath pointing at eng/pkgs/ in the repository (restored there, genuine) and a key
    /// in appsettings.json that an opt-out would hide. Returns the package's folder, CI's copy of the published policy
    /// (outside the repository) and the published .nupkg's SHA-512 (CI's package pin).
    /// </summary>
    private (TestProject Repo, string Key, string PackageFolder, string PublishedPolicy, string PackagePin) LockedPolicyPackageRepository(string id, string policyId)
    {
        string centralFeed = Path.Combine(_fixture.Root, "central-feed-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        string policy = E2eDocuments.Policy(policyId, 2);
        TestPackages.WritePolicyPackage(centralFeed, id, "1.0.0", policy, importsCentralCapture: true);
        string packagePin = Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(Path.Combine(centralFeed, id + ".1.0.0.nupkg"))));
        string published = Path.Combine(_fixture.Root, "ci-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".policy.json");
        File.WriteAllText(published, policy);

        TestProject repo = _fixture.NewProject();
        repo.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="guardrails-test-feed" value="{_fixture.Feed}" />
                <add key="central" value="{centralFeed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="guardrails-test-feed"><package pattern="Guardrails" /></packageSource>
                <packageSource key="central"><package pattern="{id}" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        repo.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        repo.SetProperties(("GuardrailsMode", "Enforce"));
        repo.AddToProject($"""
              <PropertyGroup>
                <RestorePackagesPath>$(MSBuildThisFileDirectory)eng/pkgs/</RestorePackagesPath>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="{id}" Version="1.0.0" PrivateAssets="all" /></ItemGroup>
            """);
        string key = FakeKeys.OpenAiProject("E2eR5" + id.Replace(".", string.Empty, StringComparison.Ordinal) + "FakeKeyNotReal");
        repo.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");

        DotNet.Result restore = repo.Restore();
        Assert.DoesNotContain(key, restore.Output);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        string packageFolder = repo.PathOf("eng/pkgs/" + id.ToLowerInvariant() + "/1.0.0");
        Assert.True(File.Exists(Path.Combine(packageFolder, ".nupkg.metadata")) && File.Exists(repo.PathOf("packages.lock.json")), restore.ToString());
        Assert.Contains(id, File.ReadAllText(repo.PathOf("packages.lock.json")));
        return (repo, key, packageFolder, published, packagePin);
    }

    /// <summary>The forged props: the published path, pin and capture import, plus the opt-out that hides the key.</summary>
    private static void AddOptOut(string packageFolder, string id)
    {
        foreach (string props in new[] { "build/" + id + ".props", "buildTransitive/" + id + ".props" })
        {
            string path = Path.Combine(packageFolder, props);
            File.WriteAllText(path, File.ReadAllText(path).Replace("</PropertyGroup>", "  <GuardrailsScanFiles>false</GuardrailsScanFiles>\n  </PropertyGroup>", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// #1's strong form (adv5 `fpol2`): the genuine package extracted into eng/pkgs/ and committed there with the opt-out
    /// added to its props (its .nupkg, .nupkg.sha512 and .nupkg.metadata untouched: NuGet sees it as installed and never
    /// extracts it again, locked mode passes). The committed folder is the repository's own, not the central package:
    /// GRD308 at its props, and the key the opt-out would hide does not leak.
    /// </summary>
    [Fact]
    public void A_committed_pre_extracted_policy_package_folder_with_lock_file_locked_mode_and_source_mapping_fails_the_build_with_GRD308()
    {
        (TestProject repo, string key, string packageFolder, _, _) = LockedPolicyPackageRepository("E2eFpol.Policy", "e2e-r5-fpol2");
        AddOptOut(packageFolder, "E2eFpol.Policy");
        repo.AddToProject("  <PropertyGroup><RestoreLockedMode>true</RestoreLockedMode></PropertyGroup>");
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);
        Directory.Delete(repo.PathOf("obj"), recursive: true); // a fresh clone: restore sees the committed folder as installed

        DotNet.Result build = repo.Build();

        Assert.DoesNotContain(key, build.Output);
        Assert.DoesNotContain("NU1403", build.Output); // the lock file holds: locked mode let the committed folder through
        Assert.True(build.ExitCode != 0, "a committed pre-extracted policy package with opt-outs, lock file, locked mode and source mapping, the build passes:\n" + build);
        Assert.Contains("error GRD308", build.Output);
        Assert.Contains("e2efpol.policy", build.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Adversary round 6 E2E-2, fpol2 without committing the package folder: eng/pkgs/ is git-ignored, the forged
    /// extraction is committed as eng/seed/ and a target copies it into RestorePackagesPath before restore, so the folder
    /// holding the policy is untracked and judged by the source its .nupkg.metadata names (the central feed). The build
    /// does not tell it apart (green on 47cd58d, opt-out counted central); the documented gate does: GRDCL28 (its re-scan
    /// finds the key) without the package pin, GRDCL32 (files that are not the pinned .nupkg's bytes) with it.
    /// </summary>
    [Fact]
    public void A_policy_package_folder_seeded_by_a_target_before_restore_fails_the_gate_with_GRDCL32()
    {
        (TestProject repo, string key, string packageFolder, string published, string packagePin) = LockedPolicyPackageRepository("E2eFpol3.Policy", "e2e-r6-fpol3");
        string seed = repo.PathOf("eng/seed/e2efpol3.policy/1.0.0");
        foreach (string file in Directory.EnumerateFiles(packageFolder, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(seed, Path.GetRelativePath(packageFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        AddOptOut(seed, "E2eFpol3.Policy");
        Directory.Delete(packageFolder, recursive: true);
        repo.AddToProject("""
              <PropertyGroup><RestoreLockedMode>true</RestoreLockedMode></PropertyGroup>
              <Target Name="SeedPackages" BeforeTargets="Restore;_GenerateRestoreGraph">
                <ItemGroup><_Seed Include="$(MSBuildThisFileDirectory)eng/seed/**/*;$(MSBuildThisFileDirectory)eng/seed/**/.*" /></ItemGroup>
                <Copy SourceFiles="@(_Seed)" DestinationFiles="@(_Seed->'$(MSBuildThisFileDirectory)eng/pkgs/%(RecursiveDir)%(Filename)%(Extension)')" />
              </Target>
            """);
        repo.Write(".gitignore", "bin/\nobj/\neng/pkgs/\n");
        Git.CommitAll(repo.Directory);
        Directory.Delete(repo.PathOf("obj"), recursive: true);

        DotNet.Result build = repo.Build();
        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, published, 2);
        DotNet.Result pinned = GuardrailsTool.DocumentedGate(repo.Directory, published, 2, packagePin);

        AssertNoKey(key, build, gate, pinned);
        Assert.DoesNotContain("NU1403", build.Output);
        Assert.Contains("GuardrailsScanFiles", File.ReadAllText(Path.Combine(packageFolder, "buildTransitive", "E2eFpol3.Policy.props"))); // the seed was restored as installed
        bool buildFailed = build.ExitCode != 0 && (build.Output.Contains("error GRD308", StringComparison.Ordinal) || build.Output.Contains("error GRD310", StringComparison.Ordinal));
        if (!buildFailed)
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.True(gate.ExitCode != 0 && gate.Output.Contains("GRDCL28", StringComparison.Ordinal), "the seeded policy package's opt-out hides the key from build and gate:\n" + build + "\n" + gate);
            Assert.True(pinned.ExitCode != 0, "the seeded policy package passes the gate that pins the package:\n" + build + "\n" + pinned);
            Assert.Contains("GRDCL32", pinned.Output);
            Assert.Contains("e2efpol3.policy", pinned.Output, StringComparison.OrdinalIgnoreCase);
        }
    }
}
