using Guardrails.BuildTasks.Reports;

namespace Guardrails.BuildTasks.Tests;

/// <summary>Build provenance from the .git folder, read through the one loader and the one gitdir resolution (GitIndex).</summary>
public class ProvenanceGitTests
{
    [Fact]
    public void A_worktree_git_file_and_a_packed_ref_with_CRLF_give_branch_commit_and_origin()
    {
        using var dir = new TempDir();
        dir.Write("main-clone/.git/worktrees/wt/HEAD", "ref: refs/heads/release/2\r\n");
        dir.Write("main-clone/.git/worktrees/wt/config", "[remote \"origin\"]\r\n\turl = https://user:secret@example.test/team/app.git\r\n");
        dir.Write("main-clone/.git/worktrees/wt/packed-refs",
            "# pack-refs with: peeled fully-peeled sorted\r\n" +
            "0123456789abcdef0123456789abcdef01234567 refs/heads/main\r\n" +
            "fedcba9876543210fedcba9876543210fedcba98 refs/heads/release/2\r\n");
        dir.Write("wt/.git", "gitdir: ../main-clone/.git/worktrees/wt\n");
        dir.Write("wt/App/App.csproj", "<Project />");

        BuildProvenance p = BuildProvenance.Detect(Path.Combine(dir.Path, "wt", "App"), _ => null);

        Assert.Equal(("example.test/team/app", "fedcba9876543210fedcba9876543210fedcba98", "release/2"), (p.Repository, p.Commit, p.Branch));
    }

    [Fact]
    public void A_git_file_that_points_nowhere_leaves_the_facts_unknown()
    {
        using var dir = new TempDir();
        dir.Write("wt/.git", "gitdir: ../missing/.git\n");
        dir.Write("wt/App/App.csproj", "<Project />");

        BuildProvenance p = BuildProvenance.Detect(Path.Combine(dir.Path, "wt", "App"), _ => null);

        Assert.Equal(((string?)null, (string?)null, (string?)null), (p.Repository, p.Commit, p.Branch));
    }
}
