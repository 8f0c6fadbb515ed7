using System.Security.Cryptography;
using System.Text;

namespace Guardrails.Cli.Tests;

/// <summary>guardrails verify-build: the CI gate that sees builds in which Guardrails never ran.</summary>
public class VerifyBuildTests
{
    private static void Bytes(TempRepo repo, string relative, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(repo.PathOf(relative))!);
        File.WriteAllBytes(repo.PathOf(relative), content);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static string Record(string compile) => "{ \"auditFormat\": \"1.2\", \"compile\": " + compile + " }";

    private static string Verified(string file, string sha) =>
        Record("{ \"assembly\": { \"file\": \"" + file + "\", \"sha256\": \"" + sha + "\" }, \"checkRan\": true, \"analyzersRan\": true, \"severities\": \"error, not configurable (Enforce; no local suppression)\", \"verified\": true, \"findings\": [] }");

    [Fact]
    public void Every_compiled_assembly_needs_a_verified_record_for_its_own_bytes()
    {
        using var repo = new TempRepo();
        byte[] app = Encoding.UTF8.GetBytes("MZ fake assembly bytes one");
        Bytes(repo, "src/App/obj/Debug/net10.0/App.dll", app);
        repo.Write("src/App/obj/Debug/net10.0/guardrails/guardrails.audit.json", Verified("App.dll", Sha(app)));

        CliRun ok = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("1 compiled output(s) verified", ok.Out);

        // A second project compiled with the build assets excluded: no record at all.
        Bytes(repo, "src/Lib/obj/Release/net8.0/Lib.dll", Encoding.UTF8.GetBytes("MZ lib"));
        CliRun missing = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("FAIL  GRDCL20 " + repo.PathOf("src/Lib/obj/Release/net8.0"), missing.Out);
        Assert.Contains("ok    " + repo.PathOf("src/App/obj/Debug/net10.0"), missing.Out);
        Directory.Delete(repo.PathOf("src/Lib"), recursive: true);

        // App compiled again without the verification (targets replaced): the record left from before does not vouch for it.
        Bytes(repo, "src/App/obj/Debug/net10.0/App.dll", Encoding.UTF8.GetBytes("MZ fake assembly bytes two"));
        CliRun stale = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("GRDCL24", stale.Out);
        Assert.Contains("is not the one the audit record verified", stale.Out);
    }

    [Theory]
    [InlineData("{ \"checkRan\": true, \"analyzersRan\": false, \"verified\": false, \"findings\": [ { \"id\": \"GRD306\" } ] }", "GRDCL22", "compile.analyzersRan is not true (GRD306)")]
    [InlineData("{ \"checkRan\": true, \"analyzersRan\": true, \"verified\": true }", "GRDCL23", "does not name the assembly")]
    [InlineData(null, "GRDCL21", "no compile section")]
    public void A_record_that_does_not_confirm_the_compilation_fails(string? compile, string code, string text)
    {
        using var repo = new TempRepo();
        Bytes(repo, "obj/Debug/net8.0/App.dll", new byte[] { 1, 2, 3 });
        repo.Write("obj/Debug/net8.0/guardrails/guardrails.audit.json", compile == null ? "{ \"auditFormat\": \"1.2\" }" : Record(compile));

        CliRun run = CliRun.Of("verify-build", repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(code, run.Out);
        Assert.Contains(text, run.Out);
    }

    [Fact]
    public void Nothing_compiled_is_exit_2_not_a_pass()
    {
        using var repo = new TempRepo();
        repo.Write("src/App/App.csproj", "<Project />");
        CliRun run = CliRun.Of("verify-build", repo.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GRDCL25", run.Err);
    }
}
