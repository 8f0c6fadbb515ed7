using System.Reflection;
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

    private static DotNet.Result Gate(string folder, params string[] extra)
    {
        string configuration = typeof(AdversaryRound2Tests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        string tool = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net8.0", "guardrails.dll");
        return DotNet.Run(folder, null, new[] { tool, "verify-build" }.Concat(extra).Append(folder).ToArray());
    }

    /// <summary>
    /// Finding 10: the opt-outs given as MSBuild global properties in Directory.Build.rsp are captured as the central
    /// values (a global property already holds them when the central capture runs), so no GRD310: the key in
    /// appsettings.json and the undeclared .cursor/ pass, and the audit record lists no local bypass.
    /// </summary>
    [Fact]
    public void Opt_outs_in_Directory_Build_rsp_fail_the_build_with_GRD310()
    {
        TestProject repo = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-adv2-rsp", 2), E2eDocuments.MinimalManifest);
        repo.PinPolicy(("GuardrailsMode", "Enforce"));
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
    /// Finding 8: an undeclared assistant folder fails the Enforce check, but the compiler still runs (the findings show
    /// in the same build) and the verification after it passes, so a CI that lets the build step fail softly
    /// (continue-on-error, `|| true`) and relies on the gate must get a failing gate.
    /// </summary>
    [Fact]
    public void The_gate_fails_a_build_whose_check_reported_Enforce_errors()
    {
        TestProject repo = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-adv2-failed-check", 2), E2eDocuments.MinimalManifest);
        repo.PinPolicy(("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(repo.PathOf(".git"));
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n");

        DotNet.Result build = repo.Build();
        Assert.True(build.ExitCode != 0 && build.Output.Contains("error GRD130", StringComparison.Ordinal), build.ToString());
        Assert.True(File.Exists(repo.PathOf("obj/Debug/net10.0/App.dll")), "the compiler ran after the failed check:\n" + build);
        DotNet.Result gate = Gate(repo.Directory, "--policy-sha256", E2eDocuments.Sha256(repo.PathOf(E2eDocuments.PolicyFile)).ToLowerInvariant(), "--min-revision", "2");

        Assert.True(gate.ExitCode == 1, gate.ToString());
        Assert.Contains("GRDCL29", gate.Output);
        Assert.Contains("GRD130", gate.Output);
    }
}
