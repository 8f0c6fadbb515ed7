using System.Security.Cryptography;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 12, the open part of adversary round 5 #1: a look-alike of the policy package (same id and version, the
/// published policy file byte for byte, opt-outs in its props) on a REMOTE feed that the repository's nuget.config adds.
/// The build cannot tell it apart (the feed is not inside the repository, the package carries the published policy and
/// pin), and the policy pin CI gives (GRDCL26) compares only the policy file. CI pins the package itself with
/// <c>guardrails verify-build --policy-package-sha512</c>: GRDCL32 when the package folder holding the record's policy is
/// not restore's record of the published .nupkg. Fails without the option (verify-build did not know it).
/// </summary>
[Collection(PackageCollection.Name)]
public class PolicyPackagePinTests
{
    private const string PackageId = "E2eBypass7.Policy";

    private readonly PackageFixture _fixture;

    public PolicyPackagePinTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>The policy package as docs/rollout.md §1 builds it, plus <paramref name="extraProperties"/> in its props, in a feed folder outside any repository.</summary>
    private string Feed(string name, string policy, string pin, string extraProperties)
    {
        string feed = Path.Combine(_fixture.Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        string nupkg = TestPackages.Write(
            feed,
            PackageId,
            "1.0.0",
            TestPackages.Text(
                ("content/guardrails.policy.json", policy),
                ("buildTransitive/" + PackageId + ".props", $$"""
                    <Project>
                      <PropertyGroup>
                        <GuardrailsPolicyPath>$(MSBuildThisFileDirectory)../content/guardrails.policy.json</GuardrailsPolicyPath>
                        <GuardrailsPolicySha256>{{pin}}</GuardrailsPolicySha256>{{extraProperties}}
                      </PropertyGroup>
                      <Import Project="$(_GuardrailsCentralCaptureProps)" Condition="'$(_GuardrailsCentralCaptureProps)' != ''" />
                    </Project>
                    """)),
            developmentDependency: true);
        return nupkg;
    }

    private TestProject Repository(string feed, string feedKey)
    {
        TestProject repo = _fixture.NewProject();
        repo.UseLocalFeed((feedKey, Path.GetDirectoryName(feed)!));
        repo.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        repo.SetProperties(("GuardrailsMode", "Enforce"));
        repo.MoveProjectInto("app", "  <ItemGroup>\n    <PackageReference Include=\"" + PackageId + "\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>", "Console.WriteLine(1);\n");
        Directory.CreateDirectory(repo.PathOf(".git"));
        return repo;
    }

    private DotNet.Result Build(TestProject repo) =>
        DotNet.Run(repo.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(repo.Directory, "..", Path.GetFileName(repo.Directory) + "-packages") },
            "build", repo.PathOf("app/App.csproj"), "-nodeReuse:false", "-p:UseSharedCompilation=false");

    [Fact]
    public void A_look_alike_policy_package_from_a_remote_feed_fails_the_gate_that_pins_the_package()
    {
        string policy = E2eDocuments.Policy("e2e-bypass7-package-pin", 2);
        string pin = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(policy))).ToLowerInvariant();
        string genuine = Feed("central-feed", policy, pin, string.Empty);
        string packagePin = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(genuine))); // what packages.lock.json records as contentHash
        string lookAlike = Feed("look-alike-feed", policy, pin, "\n    <GuardrailsScanFiles>false</GuardrailsScanFiles>\n    <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>\n    <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>");

        // The legitimate build: the published package from the central feed passes the gate with both pins.
        TestProject clean = Repository(genuine, "central");
        string published = Path.Combine(_fixture.Root, "ci-" + Guid.NewGuid().ToString("N")[..8] + ".policy.json"); // CI's copy of the published policy
        File.WriteAllText(published, policy);
        DotNet.Result cleanBuild = Build(clean);
        Assert.True(cleanBuild.ExitCode == 0, cleanBuild.ToString());
        DotNet.Result cleanGate = GuardrailsTool.VerifyBuild(clean.Directory, "--policy-sha256", pin, "--min-revision", "2", "--policy-package-sha512", packagePin, "--rescan-with-policy", published);
        Assert.True(cleanGate.ExitCode == 0, cleanGate.ToString());

        // The look-alike (same id, version and policy file; opt-outs in its props) from a remote feed the repository's
        // nuget.config adds, with an undeclared assistant and a key in a committed workflow that the opt-outs hide.
        TestProject repo = Repository(lookAlike, "team-feed");
        string key = FakeKeys.OpenAiProject("E2eBypass7RemoteLookAlikeFakeKeyNotReal");
        repo.Write(".github/workflows/ci.yml", "name: ci\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: " + key + "\n    steps:\n      - run: dotnet build\n");
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n");
        DotNet.Result build = Build(repo);
        Assert.DoesNotContain(key, build.Output);
        if (build.ExitCode != 0)
        {
            Assert.Contains("error GRD3", build.Output); // the build told it apart itself, with a coded error
            return;
        }

        DotNet.Result gate = GuardrailsTool.VerifyBuild(repo.Directory, "--policy-sha256", pin, "--min-revision", "2", "--policy-package-sha512", packagePin, "--rescan-with-policy", published);
        Assert.DoesNotContain(key, gate.Output);
        Assert.True(gate.ExitCode == 1, gate.ToString());
        Assert.Contains("FAIL  GRDCL32 ", gate.Output);
        Assert.Contains("look-alike", gate.Output);
        Assert.Contains(Path.GetDirectoryName(lookAlike)!, gate.Output); // names the feed it was restored from
    }
}
