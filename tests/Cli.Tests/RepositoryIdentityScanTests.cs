using System.Diagnostics;
using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 7 route 12: on a CI system other than the four GRD127 knew (CircleCI here, or any system that only sets
/// CI), github.com/contoso/hr-payroll claimed github.com/contoso/payroll in ai-assistants.json and nothing compared the
/// claim. `guardrails scan` (the documented CI gate's scan, and verify-build's --rescan-with-policy) now compares it with
/// the CI's repository variable, else with the git remotes. The CI environment is given to a child process: setting
/// it in this process would reach the other tests running beside it.
/// </summary>
public sealed class RepositoryIdentityScanTests
{
    private static TempRepo Repository(string remote)
    {
        var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest(repository: "github.com/contoso/payroll"));
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("App/Program.cs", "System.Console.WriteLine(1);\n");
        ScanTests.Git(repo.Root, "init", "-q");
        ScanTests.Git(repo.Root, "remote", "add", "origin", remote);
        ScanTests.Git(repo.Root, "add", "-A");
        return repo;
    }

    /// <summary>`guardrails scan` in a child process with only the given CI variables (the test host's own CI variables removed).</summary>
    internal static (int ExitCode, JsonElement[] Findings, string Output) Scan(TempRepo repo, params (string Name, string Value)[] environment)
    {
        string cli = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { cli, "scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json") })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (string name in psi.Environment.Keys.ToArray())
        {
            if (name == "CI" || name.StartsWith("GITHUB_", StringComparison.Ordinal) || name == "TF_BUILD" || name == "GITLAB_CI" || name == "JENKINS_URL" ||
                name.StartsWith("CIRCLE", StringComparison.Ordinal) || name.StartsWith("BUILDKITE", StringComparison.Ordinal) || name == "TEAMCITY_VERSION")
            {
                psi.Environment.Remove(name);
            }
        }

        foreach ((string name, string value) in environment)
        {
            psi.Environment[name] = value;
        }

        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        using JsonDocument doc = JsonDocument.Parse(output);
        return (p.ExitCode, doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToArray(), output + err.Result);
    }

    private static JsonElement[] Grd127(JsonElement[] findings) => findings.Where(f => f.GetProperty("rule").GetString() == "GRD127").ToArray();

    [Fact]
    public void On_CircleCI_a_manifest_claiming_another_repository_fails_the_scan_at_its_repository_value()
    {
        using TempRepo repo = Repository("https://github.com/contoso/hr-payroll.git");

        var run = Scan(repo, ("CI", "true"), ("CIRCLECI", "true"), ("CIRCLE_REPOSITORY_URL", "git@github.com:contoso/hr-payroll.git"));

        Assert.True(run.ExitCode == 1, run.Output);
        JsonElement f = Assert.Single(Grd127(run.Findings));
        Assert.Equal(("ai-assistants.json", "error"), (f.GetProperty("file").GetString(), f.GetProperty("level").GetString()));
        Assert.Contains("github.com/contoso/hr-payroll", f.GetProperty("message").GetString());
    }

    [Fact]
    public void On_a_CI_system_that_names_no_repository_the_git_remote_decides()
    {
        using TempRepo repo = Repository("git@github.com:contoso/hr-payroll.git");

        var run = Scan(repo, ("CI", "true"), ("TEAMCITY_VERSION", "2025.03"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Equal("error", Assert.Single(Grd127(run.Findings)).GetProperty("level").GetString());
    }

    [Fact]
    public void The_claimed_repository_as_remote_in_another_spelling_passes_and_a_fork_s_clone_outside_CI_gets_a_warning()
    {
        using (TempRepo same = Repository("git@GitHub.com:Contoso/Payroll.git"))
        {
            var run = Scan(same, ("CI", "true"));
            Assert.Empty(Grd127(run.Findings));
        }

        using TempRepo fork = Repository("https://github.com/alice/payroll.git");
        var local = Scan(fork);
        Assert.Equal("warning", Assert.Single(Grd127(local.Findings)).GetProperty("level").GetString());
        ScanTests.Git(fork.Root, "remote", "add", "upstream", "https://github.com/contoso/payroll");
        Assert.Empty(Grd127(Scan(fork, ("CI", "true")).Findings));
    }
}

/// <summary>Route 12 at verify-build: the record's claimed repository against the CI's repository or the checkout's remotes.</summary>
public sealed class RepositoryIdentityGateTests
{
    [Fact]
    public void The_gate_fails_a_record_that_claims_another_repository_than_the_one_CI_builds()
    {
        using var repo = new TempRepo();
        Directory.CreateDirectory(repo.PathOf("obj"));
        ScanTests.Git(repo.Root, "init", "-q");
        ScanTests.Git(repo.Root, "remote", "add", "origin", "git@github.com:contoso/hr-payroll.git");
        Core.Json.JsonNode record = Core.Json.JsonReader.TryParse("{ \"repository\": \"github.com/contoso/payroll\" }", out _)!;
        var circle = new Dictionary<string, string> { ["CIRCLECI"] = "true", ["CIRCLE_REPOSITORY_URL"] = "https://github.com/contoso/hr-payroll" };

        Verify.GateResult? onCircle = Verify.BuildGate.RepositoryClaim(repo.PathOf("obj"), record, n => circle.GetValueOrDefault(n));
        Verify.GateResult? onAnyCi = Verify.BuildGate.RepositoryClaim(repo.PathOf("obj"), record, n => n == "CI" ? "true" : null);
        Verify.GateResult? onALaptop = Verify.BuildGate.RepositoryClaim(repo.PathOf("obj"), record, _ => null);

        Assert.Equal("GRDCL29", onCircle?.Code);
        Assert.Contains("github.com/contoso/hr-payroll", onCircle!.Message);
        Assert.Equal("GRDCL29", onAnyCi?.Code);
        Assert.Null(onALaptop);
        ScanTests.Git(repo.Root, "remote", "add", "upstream", "https://github.com/contoso/payroll.git");
        Assert.Null(Verify.BuildGate.RepositoryClaim(repo.PathOf("obj"), record, n => n == "CI" ? "true" : null));
    }
}
