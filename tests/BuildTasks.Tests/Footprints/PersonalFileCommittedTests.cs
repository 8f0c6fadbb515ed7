using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD136: a personal assistant file that is committed (read from the git index).</summary>
public class PersonalFileCommittedTests
{
    [Fact]
    public void A_committed_personal_file_is_an_error_and_an_untracked_one_is_not()
    {
        using var repo = new FootprintRepo(withGit: false);
        GitIndexTests.Git(repo.Root, "init", "-q");
        repo.Write(".claude/settings.local.json", "{}");
        repo.Write("CLAUDE.local.md", "mine");
        GitIndexTests.Git(repo.Root, "add", ".claude/settings.local.json");

        FootprintHarness.Run run = FootprintHarness.Check(repo, policy: null, manifest: null);

        Finding f = Assert.Single(run.Of("GRD136"));
        Assert.EndsWith(Path.Combine(".claude", "settings.local.json"), f.File);
        Assert.Contains("git rm --cached .claude/settings.local.json", f.Message);
        Assert.True(run.IsError(f));
    }

    [Fact]
    public void Without_a_readable_index_presence_counts_and_outside_git_nothing_does()
    {
        using var repo = new FootprintRepo(); // an empty .git folder: no index
        repo.Write(".aider.chat.history.md", "# chat");
        repo.Write(".aider.tags.cache.v4/tags.db", "x");
        List<Finding> findings = FootprintHarness.Check(repo, policy: null, manifest: null).Of("GRD136");
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("could not be read"));

        using var loose = new FootprintRepo(withGit: false);
        loose.Write("src/App/CLAUDE.local.md", "mine");
        Assert.Empty(FootprintHarness.Check(loose, policy: null, manifest: null).Of("GRD136"));
    }
}
