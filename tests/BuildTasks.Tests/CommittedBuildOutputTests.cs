using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Results;
using Guardrails.BuildTasks.Tests.Footprints;

namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD315: build output committed to git (a committed obj/ lets an incremental build skip the compiler and the check).</summary>
public class CommittedBuildOutputTests
{
    private const string Outputs = "obj/;obj/Debug/net10.0/;bin/;bin/Debug/net10.0/";

    private static CheckResult Run(FootprintRepo repo, bool withPolicy)
    {
        string? policyPath = null;
        if (withPolicy)
        {
            policyPath = Path.Combine(repo.Outside, "policy", "guardrails.policy.json");
            Directory.CreateDirectory(Path.GetDirectoryName(policyPath)!);
            File.WriteAllText(policyPath, FootprintHarness.Policy);
        }

        string project = Path.Combine(repo.ProjectDir, "App.csproj");
        return GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = project,
            PolicyPath = policyPath,
            Mode = "Enforce",
            CheckFootprints = false,
            BuildOutputFolders = CommittedBuildOutput.Folders(project, Outputs),
            Now = FootprintHarness.Now,
        });
    }

    private static FootprintRepo Repo(bool commitOutputs)
    {
        var repo = new FootprintRepo(withGit: false);
        GitIndexTests.Git(repo.Root, "init", "-q");
        repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("src/App/Program.cs", "class P { static void Main() { } }");
        repo.Write("src/App/obj/Debug/net10.0/App.dll", "MZ not really");
        repo.Write("src/App/obj/Debug/net10.0/guardrails/guardrails.check.stamp", string.Empty);
        repo.Write("src/App/bin/Debug/net10.0/App.dll", "MZ not really");
        GitIndexTests.Git(repo.Root, "add", "src/App/App.csproj", "src/App/Program.cs");
        if (commitOutputs)
        {
            GitIndexTests.Git(repo.Root, "add", "-f", "src/App/obj", "src/App/bin");
        }

        return repo;
    }

    [Fact]
    public void Committed_obj_and_bin_are_each_one_error_under_a_policy_naming_the_folder_and_its_first_file()
    {
        using FootprintRepo repo = Repo(commitOutputs: true);

        CheckResult result = Run(repo, withPolicy: true);

        List<Finding> found = result.Findings.Where(f => f.Rule.Id == "GRD315").ToList();
        Assert.Equal(2, found.Count);
        Finding obj = Assert.Single(found, f => f.Subject == "src/App/obj/");
        Assert.Contains("git tracks 2 file(s)", obj.Message);
        Assert.EndsWith(Path.Combine("obj", "Debug", "net10.0", "App.dll"), obj.File);
        Assert.Contains("git rm -r --cached src/App/obj/", obj.Message);
        Assert.Single(found, f => f.Subject == "src/App/bin/");
        Assert.All(found, f => Assert.True(f.IsError(result.Enforce)));
    }

    [Fact]
    public void Without_a_policy_it_is_a_warning_and_untracked_output_is_nothing()
    {
        using FootprintRepo committed = Repo(commitOutputs: true);
        CheckResult noPolicy = Run(committed, withPolicy: false);
        Assert.Equal(2, noPolicy.Findings.Count(f => f.Rule.Id == "GRD315"));
        Assert.All(noPolicy.Findings.Where(f => f.Rule.Id == "GRD315"), f => Assert.False(f.IsError(noPolicy.Enforce)));

        using FootprintRepo local = Repo(commitOutputs: false);
        Assert.DoesNotContain(Run(local, withPolicy: true).Findings, f => f.Rule.Id == "GRD315");
    }
}
