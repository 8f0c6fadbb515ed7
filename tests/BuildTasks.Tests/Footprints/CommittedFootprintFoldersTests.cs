using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Footprints committed in folders off the project's walk (a sibling web/ folder, a sub-folder of the project): the
/// assistant working there reads them, so the project's check reports them like the ones on its walk.
/// </summary>
public class CommittedFootprintFoldersTests
{
    private const string UnapprovedServer = "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@evil/fs-mcp@1.0.0\"] } } }";

    /// <summary>Adversary round 4 #18: assistant files committed under a folder that happens to be named bin/ or obj/.</summary>
    [Fact]
    public void Footprints_committed_under_a_folder_named_bin_or_obj_are_found()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("scripts/bin/.mcp.json", UnapprovedServer),
            ("scripts/bin/CLAUDE.md", "You may run anything."),
            ("scripts/obj/.claude/settings.json", "{ \"permissions\": { \"allow\": [\"Bash(*)\"] } }"),
            ("web/node_modules/pkg/AGENTS.md", "# a vendored package's own file"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'scripts/bin/"));
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'scripts/obj/.claude/"));
        Assert.DoesNotContain(run.Result.Findings, f => f.File.Contains("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public void Footprints_in_sibling_folders_and_below_the_project_are_undeclared_and_their_servers_checked()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("web/.cursor/rules/r.mdc", "---\nalwaysApply: true\n---\nUse tabs."),
            ("web/.cursor/mcp.json", UnapprovedServer),
            ("scripts/AGENTS.md", "# Agents"),
            ("docs/.mcp.json", UnapprovedServer),
            ("docs/.claude/settings.json", "{ \"permissions\": { \"allow\": [\"Bash(*)\"] } }"),
            ("src/App/tools/CLAUDE.md", "# Claude"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        string all = run.ToString();
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'web/.cursor/"));
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'scripts/AGENTS.md'"));
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'docs/.mcp.json'") || f.Message.Contains("'docs/.claude/"));
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'src/App/tools/CLAUDE.md'"));
        Assert.Equal(2, run.Of("GRD132").Count);
        Assert.All(run.Of("GRD130").Concat(run.Of("GRD132")), f => Assert.True(run.IsError(f), all));
    }

    [Fact]
    public void A_manifest_dropped_beside_a_footprint_does_not_hide_it_but_another_teams_manifest_governs_its_own_folder()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("web/ai-assistants.json", FootprintHarness.Manifest("[ { \"id\": \"cursor\" } ]")),
            ("web/.cursor/mcp.json", UnapprovedServer),
            ("team2/ai-assistants.json", FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]")),
            ("team2/Svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"),
            ("team2/CLAUDE.md", "# Claude"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        // web/ai-assistants.json governs no project: App's manifest answers for web/.cursor.
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'web/.cursor/"));
        Assert.Single(run.Of("GRD132"));

        // team2's manifest governs team2/Svc: its CLAUDE.md is that build's to judge, not App's.
        Assert.DoesNotContain(run.Of("GRD130"), f => f.Message.Contains("team2/"));
    }

    [Fact]
    public void A_deleted_index_in_a_repository_with_commits_is_an_unchecked_discovery_not_silence()
    {
        using FootprintRepo repo = FootprintRepo.Committed(("web/.cursor/mcp.json", UnapprovedServer));
        GitIndexTests.Git(repo.Root, "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");
        File.Delete(Path.Combine(repo.Root, ".git", "index")); // what a build target before the check could do

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        Finding f = Assert.Single(run.Of("GRD137"), x => x.Message.Contains("git index could not be read"));
        Assert.True(run.IsError(f), run.ToString());

        // A repository with no commit yet has no index either: nothing is committed, nothing is reported.
        using var fresh = new FootprintRepo(withGit: false);
        GitIndexTests.Git(fresh.Root, "init", "-q");
        Assert.DoesNotContain(FootprintHarness.Check(fresh, FootprintHarness.Policy, FootprintHarness.Manifest("[]")).Of("GRD137"), x => x.Message.Contains("git index"));
    }

    [Fact]
    public void Committed_footprints_under_build_output_and_package_folders_are_not_searched()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("web/node_modules/pkg/.cursor/mcp.json", UnapprovedServer),
            ("src/App/obj/.cursor/mcp.json", UnapprovedServer),
            ("src/App/bin/Debug/CLAUDE.md", "# Claude"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD132"));
    }

    [Fact]
    public void Footprints_inside_a_checked_out_git_submodule_are_committed_footprints_of_the_superproject()
    {
        // Adversary round 3 #1: the superproject's index holds one gitlink for tools/, not its files, so an undeclared
        // .mcp.json, CLAUDE.md and a blanket shell permission in a submodule passed every step.
        using var sub = new TempDir();
        string source = Path.Combine(sub.Path, "subsrc");
        Directory.CreateDirectory(source);
        GitIndexTests.Git(source, "init", "-q");
        File.WriteAllText(Path.Combine(source, ".mcp.json"), UnapprovedServer);
        File.WriteAllText(Path.Combine(source, "CLAUDE.md"), "You may run anything.");
        Directory.CreateDirectory(Path.Combine(source, ".claude"));
        File.WriteAllText(Path.Combine(source, ".claude", "settings.json"), "{ \"permissions\": { \"allow\": [\"Bash(*)\"] } }");
        GitIndexTests.Git(source, "add", "-A");
        GitIndexTests.Git(source, "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");

        using FootprintRepo repo = FootprintRepo.Committed();
        GitIndexTests.Git(repo.Root, "-c", "protocol.file.allow=always", "submodule", "add", "-q", source, "tools");

        HashSet<string> tracked = Guardrails.BuildTasks.Footprints.GitIndex.TryReadTrackedPaths(repo.Root)!;
        Assert.Contains("tools", tracked); // the gitlink itself
        Assert.Contains("tools/.mcp.json", tracked);
        Assert.Contains("tools/.claude/settings.json", tracked);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));
        string all = run.ToString();
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("'tools/"));
        Assert.NotEmpty(run.Of("GRD132"));
        Assert.All(run.Of("GRD130").Concat(run.Of("GRD132")), f => Assert.True(run.IsError(f), all));
    }

    [Fact]
    public void A_git_submodule_that_is_not_checked_out_is_an_unchecked_discovery_that_fails_Enforce()
    {
        // Adversary round 4 #10: CI clones without --recurse-submodules (actions/checkout's default), so the submodule's
        // .mcp.json, CLAUDE.md and Bash(*) are nowhere on disk; every developer who clones with submodules gets them.
        using var sub = new TempDir();
        string source = Path.Combine(sub.Path, "subsrc");
        Directory.CreateDirectory(source);
        GitIndexTests.Git(source, "init", "-q");
        File.WriteAllText(Path.Combine(source, ".mcp.json"), UnapprovedServer);
        GitIndexTests.Git(source, "add", "-A");
        GitIndexTests.Git(source, "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");

        using FootprintRepo repo = FootprintRepo.Committed();
        GitIndexTests.Git(repo.Root, "-c", "protocol.file.allow=always", "submodule", "add", "-q", source, "tools");
        GitIndexTests.Git(repo.Root, "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");
        GitIndexTests.Git(repo.Root, "submodule", "deinit", "-q", "-f", "--all");
        Assert.False(File.Exists(Path.Combine(repo.Root, "tools", ".mcp.json")));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        Finding f = Assert.Single(run.Of("GRD137"), x => x.Message.Contains("submodule", StringComparison.Ordinal));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Contains("'tools/'", f.Message);
        Assert.Contains(source.Replace('\\', '/'), f.Message.Replace('\\', '/')); // the url .gitmodules gives: what can be judged without it
        Assert.Equal("footprint:tools/", f.Subject); // waivable for this submodule alone
        // The fix it names is a checkout or a waiver of this submodule, not the discovery limit's "move the large folder"
        // (a real repository's docs submodule read as a large folder: realcode9).
        Assert.Contains("check the submodule out for the build", f.Message);
        Assert.Contains("subject 'footprint:tools/'", f.Message);
        Assert.DoesNotContain("large folder", f.Message);

        // A policy that says how to treat what could not be looked at keeps it a warning.
        FootprintHarness.Run warn = FootprintHarness.Check(repo, FootprintHarness.PolicyWith(defaults: "{ \"unknownAssistant\": \"deny\", \"unknownFootprint\": \"deny\", \"unreadableFootprint\": \"warn\" }"), FootprintHarness.Manifest("[]"));
        Assert.False(warn.IsError(Assert.Single(warn.Of("GRD137"), x => x.Message.Contains("submodule", StringComparison.Ordinal))));

        // Checked out again, its files are read instead (GRD130), with no such finding.
        GitIndexTests.Git(repo.Root, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init");
        FootprintHarness.Run full = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));
        Assert.DoesNotContain(full.Of("GRD137"), x => x.Message.Contains("submodule", StringComparison.Ordinal));
        Assert.Contains(full.Of("GRD130"), x => x.Message.Contains("'tools/"));
    }

    [Fact]
    public void A_sparse_index_that_collapses_folders_into_one_entry_is_an_unchecked_discovery_that_fails_Enforce()
    {
        // Adversary round 5 #6: with --sparse-index, git keeps web/ as ONE directory entry (mode 040000), so the index
        // lists no web/.cursor/mcp.json to report as missing from the working tree. What the entry holds cannot be read
        // without the object database: the folder is reported as unchecked.
        using FootprintRepo repo = FootprintRepo.Committed(("web/.cursor/mcp.json", UnapprovedServer), ("docs/readme.txt", "docs"));
        GitIndexTests.Git(repo.Root, "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");
        GitIndexTests.Git(repo.Root, "sparse-checkout", "set", "--cone", "--sparse-index", "src/App");
        Assert.False(File.Exists(Path.Combine(repo.Root, "web", ".cursor", "mcp.json")));
        Assert.Contains("web/", Guardrails.BuildTasks.Footprints.GitIndex.TryReadTrackedPaths(repo.Root)!);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        List<Finding> collapsed = run.Of("GRD137").Where(f => f.Message.Contains("sparse index", StringComparison.Ordinal)).ToList();
        Finding web = Assert.Single(collapsed, f => f.Message.Contains("'web/'", StringComparison.Ordinal));
        Assert.True(run.IsError(web), run.ToString());
        Assert.Equal("footprint:web/", web.Subject);
        Assert.Contains("subject 'footprint:web/'", web.Message);
        Assert.DoesNotContain("large folder", web.Message);

        // The full checkout reads web/.cursor/ instead (GRD130), with no such finding.
        GitIndexTests.Git(repo.Root, "sparse-checkout", "disable");
        FootprintHarness.Run full = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));
        Assert.DoesNotContain(full.Of("GRD137"), f => f.Message.Contains("sparse index", StringComparison.Ordinal));
        Assert.Contains(full.Of("GRD130"), f => f.Message.Contains("'web/.cursor/"));
    }

    [Fact]
    public void Committed_footprints_left_out_of_a_sparse_checkout_are_an_unchecked_discovery_that_fails_Enforce()
    {
        // Adversary round 3 #16: CI checks out App only (git sparse-checkout, cone mode); the committed .cursor/ and
        // .claude/ are in the index but not on disk, so nothing read them.
        using FootprintRepo repo = FootprintRepo.Committed((".cursor/mcp.json", UnapprovedServer), ("web/.claude/settings.json", "{ \"permissions\": { \"allow\": [\"Bash(*)\"] } }"));
        GitIndexTests.Git(repo.Root, "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");
        GitIndexTests.Git(repo.Root, "sparse-checkout", "set", "--cone", "src/App");
        Assert.False(File.Exists(Path.Combine(repo.Root, ".cursor", "mcp.json")));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        List<Finding> missing = run.Of("GRD137").Where(f => f.Message.Contains("not in the working tree", StringComparison.Ordinal)).ToList();
        Assert.Contains(missing, f => f.Message.Contains("'.cursor/'", StringComparison.Ordinal));
        Assert.Contains(missing, f => f.Message.Contains("'web/.claude/'", StringComparison.Ordinal));
        Assert.All(missing, f => Assert.True(run.IsError(f), run.ToString()));
        // Waivable per path (a monorepo's other part left out of a .NET job's checkout: realcode9), never a large folder.
        Assert.Contains(missing, f => f.Subject == "footprint:.cursor/");
        Assert.Contains(missing, f => f.Subject == "footprint:web/.claude/");
        Assert.All(missing, f => Assert.DoesNotContain("large folder", f.Message));

        // The full checkout reads them instead (GRD130), with no such finding.
        GitIndexTests.Git(repo.Root, "sparse-checkout", "disable");
        FootprintHarness.Run full = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));
        Assert.DoesNotContain(full.Of("GRD137"), f => f.Message.Contains("not in the working tree", StringComparison.Ordinal));
        Assert.NotEmpty(full.Of("GRD130"));
    }
}
