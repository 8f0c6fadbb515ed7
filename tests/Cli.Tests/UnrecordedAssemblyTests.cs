using System.Text;

namespace Guardrails.Cli.Tests;

/// <summary>
/// The GRD318 gate variant (docs/ci.md Limits until session 14): a second <c>ProjectReference</c> with
/// <c>AdditionalProperties="ImportProjectExtensionTargets=false;BaseIntermediateOutputPath=…/.cache/i/;OutputPath=…/.cache/o/x/"</c>
/// compiles a library again without Guardrails into a gitignored <c>.cache/</c>: neither under <c>obj/&lt;cfg&gt;/&lt;tfm&gt;/</c>
/// nor in <c>bin/</c>, no record, and verify-build passed. An assembly the build wrote anywhere in the tree outside bin/
/// that no verified record describes is now GRDCL30; one git tracks is not the gate's (the package check judges it).
/// </summary>
public sealed class UnrecordedAssemblyTests
{
    [Fact]
    public void An_assembly_compiled_into_a_folder_of_its_own_with_no_record_fails_the_gate_and_a_committed_one_does_not()
    {
        using var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        byte[] app = Encoding.UTF8.GetBytes("MZ fake assembly bytes");
        VerifyBuildTests.Bytes(repo, "obj/Debug/net10.0/App.dll", app);
        repo.Write("obj/Debug/net10.0/guardrails/guardrails.audit.json",
            "{ \"auditFormat\": \"1.4\", \"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" + VerifyBuildTests.Sha(app) +
            "\" }, \"checkRan\": true, \"analyzersRan\": true, \"verified\": true, \"findings\": [] } }");
        byte[] managed = File.ReadAllBytes(typeof(UnrecordedAssemblyTests).Assembly.Location);
        VerifyBuildTests.Bytes(repo, "tools/lib/Committed.dll", managed);
        repo.Write(".gitignore", ".cache/\nobj/\n");
        ScanTests.Git(repo.Root, "add", "-A");
        Assert.Equal(0, CliRun.Of("verify-build", repo.Root).ExitCode);

        VerifyBuildTests.Bytes(repo, ".cache/o/x/Lib.dll", managed);
        CliRun run = CliRun.Of("verify-build", repo.Root);

        Assert.Equal(1, run.ExitCode);
        string fail = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains("GRDCL30", fail);
        Assert.Contains(Path.Combine(".cache", "o", "x", "Lib.dll"), fail);
        Assert.Contains("GRD318", fail);
    }
}
