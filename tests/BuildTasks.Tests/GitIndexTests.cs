using System.Diagnostics;
using Guardrails.BuildTasks.Footprints;

namespace Guardrails.BuildTasks.Tests;

public class GitIndexTests
{
    /// <summary>Runs git in <paramref name="dir"/> and asserts it succeeded (the tests build real indexes with it).</summary>
    internal static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "git " + string.Join(' ', args) + ": " + p.StandardError.ReadToEnd());
    }

    [Fact]
    public void A_changed_index_is_read_again_and_callers_get_their_own_copy()
    {
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write("one.txt", "1");
        dir.Write("two.txt", "2");
        Git(dir.Path, "add", "one.txt");

        HashSet<string> first = GitIndex.TryReadTrackedPaths(dir.Path)!;
        first.Add("changed-by-a-caller.txt");
        Assert.Equal(new[] { "one.txt" }, GitIndex.TryReadTrackedPaths(dir.Path)!);

        Git(dir.Path, "add", "two.txt");
        Assert.Equal(new[] { "one.txt", "two.txt" }, GitIndex.TryReadTrackedPaths(dir.Path)!.Order(StringComparer.Ordinal));
        Dictionary<string, string> entries = GitIndex.TryReadEntries(dir.Path)!;
        entries.Clear();
        Assert.Equal(2, GitIndex.TryReadEntries(dir.Path)!.Count);
    }

    /// <summary>
    /// Adversary round 4 #6: a split index (git update-index --split-index, core.splitIndex) keeps most entries in a shared
    /// index file; read alone it held almost none, so every committed footprint off the project's walk (and the gate's
    /// tracked projects) vanished. Deleted, replaced and added entries after the split are taken from the split file.
    /// </summary>
    [Theory]
    [InlineData("2")]
    [InlineData("4")]
    public void A_split_index_is_read_with_its_shared_index_deletions_and_additions_included(string version)
    {
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        for (int i = 0; i < 40; i++)
        {
            dir.Write("src/f" + i.ToString("D2") + ".txt", "x" + i);
        }

        dir.Write("web/.cursor/mcp.json", "{}");
        dir.Write("gone.txt", "g");
        Git(dir.Path, "add", ".");
        Git(dir.Path, "update-index", "--index-version", version);
        Git(dir.Path, "update-index", "--split-index");
        dir.Write("late/AGENTS.md", "# added after the split");
        dir.Write("src/f07.txt", "changed");
        Git(dir.Path, "add", "late/AGENTS.md", "src/f07.txt");
        Git(dir.Path, "rm", "-q", "--cached", "gone.txt");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, ".git"), "sharedindex.*"));

        HashSet<string>? tracked = GitIndex.TryReadTrackedPaths(dir.Path);

        Assert.NotNull(tracked);
        Assert.Contains("web/.cursor/mcp.json", tracked!);
        Assert.Contains("late/AGENTS.md", tracked);
        Assert.Contains("src/f07.txt", tracked);
        Assert.DoesNotContain("gone.txt", tracked);
        Assert.DoesNotContain(string.Empty, tracked);
        Assert.Equal(42, tracked.Count);

        // A split index whose shared index is missing is unreadable, not an index with no entries.
        foreach (string shared in Directory.GetFiles(Path.Combine(dir.Path, ".git"), "sharedindex.*"))
        {
            File.Delete(shared);
        }

        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, ".git", "index"), DateTime.UtcNow.AddSeconds(5));
        Assert.Null(GitIndex.TryReadTrackedPaths(dir.Path));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    public void Tracked_paths_are_read_from_every_index_version(string version)
    {
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write("CLAUDE.local.md", "mine");
        dir.Write(".claude/settings.local.json", "{}");
        dir.Write("a/very/long/path/name/that/shares/a/prefix/one.txt", "1");
        dir.Write("a/very/long/path/name/that/shares/a/prefix/two.txt", "2");
        dir.Write("untracked.md", "x");
        Git(dir.Path, "add", "CLAUDE.local.md", ".claude/settings.local.json", "a");
        Git(dir.Path, "update-index", "--index-version", version);
        if (version == "3")
        {
            Git(dir.Path, "update-index", "--skip-worktree", "CLAUDE.local.md"); // sets the extended flag
        }

        HashSet<string>? tracked = GitIndex.TryReadTrackedPaths(dir.Path);

        Assert.NotNull(tracked);
        Assert.Equal(
            new[] { ".claude/settings.local.json", "CLAUDE.local.md", "a/very/long/path/name/that/shares/a/prefix/one.txt", "a/very/long/path/name/that/shares/a/prefix/two.txt" },
            tracked!.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void No_git_folder_or_a_garbage_index_gives_null()
    {
        using var dir = new TempDir();
        Assert.Null(GitIndex.TryReadTrackedPaths(dir.Path));
        dir.Write(".git/index", "not an index");
        Assert.Null(GitIndex.TryReadTrackedPaths(dir.Path));
        Assert.Null(GitIndex.Parse(new byte[] { (byte)'D', (byte)'I', (byte)'R', (byte)'C', 0, 0, 0, 2, 0, 0, 0, 5 }));
    }

    [Fact]
    public void A_git_file_pointing_elsewhere_is_followed()
    {
        using var dir = new TempDir();
        string main = Path.Combine(dir.Path, "main");
        Directory.CreateDirectory(main);
        Git(main, "init", "-q");
        File.WriteAllText(Path.Combine(main, "AGENTS.md"), "x");
        Git(main, "add", "AGENTS.md");
        string work = Path.Combine(dir.Path, "work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, ".git"), "gitdir: ../main/.git\n");

        Assert.Contains("AGENTS.md", GitIndex.TryReadTrackedPaths(work)!);
    }
}
