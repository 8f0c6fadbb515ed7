using System.Text;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 10, side observation: the record carries <c>tool.version</c>, but the gate took a record of any
/// Guardrails version, so a repository pinning an older, genuine release (with holes later releases closed) passed.
/// <c>verify-build --min-tool-version</c> refuses older records (GRDCL43, exit 1) and a version it cannot read (exit 2).
/// </summary>
public sealed class MinToolVersionTests
{
    [Fact]
    public void A_record_of_an_older_Guardrails_or_of_none_fails_the_minimum_tool_version_CI_gives()
    {
        using var repo = new TempRepo();
        byte[] app = Encoding.UTF8.GetBytes("MZ fake assembly bytes");
        VerifyBuildTests.Bytes(repo, "obj/Debug/net10.0/App.dll", app);
        string record = "obj/Debug/net10.0/guardrails/guardrails.audit.json";
        string WithTool(string? version) =>
            "{ \"auditFormat\": \"1.4\"" + (version == null ? string.Empty : ", \"tool\": { \"name\": \"Guardrails\", \"version\": \"" + version + "\" }") +
            ", \"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" + VerifyBuildTests.Sha(app) + "\" }, \"checkRan\": true, \"analyzersRan\": true, \"verified\": true, \"findings\": [] } }";

        repo.Write(record, WithTool("0.2.0"));
        Assert.Equal(0, CliRun.Of("verify-build", "--min-tool-version", "0.2.0", repo.Root).ExitCode);
        Assert.Equal(0, CliRun.Of("verify-build", "--min-tool-version", "0.2.0-beta.1", repo.Root).ExitCode);

        CliRun older = CliRun.Of("verify-build", "--min-tool-version", "0.10.0", repo.Root);
        Assert.Equal(1, older.ExitCode);
        Assert.Contains("GRDCL43", older.Out);
        Assert.Contains("Guardrails 0.2.0, older than the 0.10.0", older.Out);

        repo.Write(record, WithTool("0.10.0-rc.1"));
        CliRun prerelease = CliRun.Of("verify-build", "--min-tool-version", "0.10.0", repo.Root);
        Assert.Equal(1, prerelease.ExitCode);
        Assert.Contains("GRDCL43", prerelease.Out);

        repo.Write(record, WithTool(null));
        CliRun none = CliRun.Of("verify-build", "--min-tool-version", "0.1.0", repo.Root);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("GRDCL43", none.Out);
        Assert.Equal(0, CliRun.Of("verify-build", repo.Root).ExitCode);

        CliRun unreadable = CliRun.Of("verify-build", "--min-tool-version", "latest", repo.Root);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("GRDCL43", unreadable.Err);
    }
}
