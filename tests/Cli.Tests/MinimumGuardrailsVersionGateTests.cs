using System.Text;

namespace Guardrails.Cli.Tests;

/// <summary>
/// The policy's <c>minimumGuardrailsVersion</c> in the CI gate (GRDCL44): a gate, or a build recorded in the audit record,
/// older than the minimum the policy the record names states fails, naming both versions.
/// </summary>
public class MinimumGuardrailsVersionGateTests
{
    private static CliRun Gate(string minimum, string toolVersion)
    {
        using var repo = new TempRepo();
        byte[] app = Encoding.UTF8.GetBytes("MZ fake assembly bytes minimum version");
        VerifyBuildTests.Bytes(repo, "obj/Debug/net8.0/App.dll", app);
        repo.Write("policy/guardrails.policy.json", "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 1, \"minimumGuardrailsVersion\": \"" + minimum + "\" }");
        repo.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("obj/Debug/net8.0/guardrails/guardrails.audit.json",
            "{ \"auditFormat\": \"1.2\", \"project\": { \"path\": \"" + repo.PathOf("App.csproj").Replace("\\", "\\\\") + "\" }, \"tool\": { \"version\": \"" + toolVersion + "\" }, \"policy\": { \"path\": \"policy/guardrails.policy.json\" }, " +
            "\"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" + VerifyBuildTests.Sha(app) + "\" }, \"checkRan\": true, \"analyzersRan\": true, \"verified\": true, \"findings\": [] } }");
        return CliRun.Of("verify-build", repo.Root);
    }

    [Fact]
    public void A_policy_asking_for_a_newer_gate_fails_with_GRDCL44()
    {
        CliRun run = Gate("999.0.0", "999.1.0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GRDCL44", run.Out);
        Assert.Contains("requires Guardrails 999.0.0 or later", run.Out);
        Assert.Contains("this gate is Guardrails ", run.Out);
    }

    [Fact]
    public void A_build_older_than_the_policy_minimum_fails_with_GRDCL44()
    {
        CliRun run = Gate("0.0.5", "0.0.4");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GRDCL44", run.Out);
        Assert.Contains("the build ran Guardrails 0.0.4", run.Out);
    }

    [Fact]
    public void A_policy_minimum_both_meet_passes()
    {
        CliRun run = Gate("0.0.5", "0.1.0");

        Assert.DoesNotContain("GRDCL44", run.Out);
        Assert.Equal(0, run.ExitCode);
    }
}
