using System.Text;

namespace Guardrails.Cli.Tests;

/// <summary>
/// The audit record the gate reads with a member twice (<c>"verified": false, …, "verified": true</c>): JSON parsers
/// disagree on which counts, so the gate refuses the record (GRDCL21, naming the file, the member and its line) rather
/// than pass it on one reading.
/// </summary>
public class DuplicateJsonMemberGateTests
{
    [Theory]
    [InlineData("\"verified\": false, \"verified\": true")]
    [InlineData("\"verified\": true, \"verified\": true")]
    public void An_audit_record_with_a_member_twice_fails_the_gate(string verified)
    {
        using var repo = new TempRepo();
        byte[] app = Encoding.UTF8.GetBytes("MZ fake assembly bytes duplicate");
        VerifyBuildTests.Bytes(repo, "obj/Debug/net8.0/App.dll", app);
        repo.Write("obj/Debug/net8.0/guardrails/guardrails.audit.json",
            "{ \"auditFormat\": \"1.2\",\n  \"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" + VerifyBuildTests.Sha(app) + "\" },\n    \"checkRan\": true, \"analyzersRan\": true,\n    " + verified + ", \"findings\": [] } }");

        CliRun run = CliRun.Of("verify-build", repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GRDCL21", run.Out);
        Assert.Contains("\"verified\"", run.Out);
        Assert.Contains("guardrails.audit.json(4,", run.Out);
    }
}
