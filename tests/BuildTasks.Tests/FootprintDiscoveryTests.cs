using Guardrails.BuildTasks.Footprints;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

public class FootprintDiscoveryTests
{
    public static IEnumerable<object[]> Assistants() => AssistantFixtures.All.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Assistants))]
    public void Each_assistant_fixture_is_found_from_the_project_folder_at_the_repository_root(string assistant)
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture(assistant);

        DiscoveryResult result = repo.Discover();

        Assert.Equal(repo.Root, result.RepositoryRoot);
        Assert.Empty(result.Problems);
        foreach ((string path, _) in AssistantFixtures.All[assistant])
        {
            FootprintHit hit = Assert.Single(result.Hits, h => h.RelativePath == path);
            Assert.Contains(assistant, hit.Assistants);
            Assert.Equal(repo.Root, hit.Level);
        }
    }

    [Fact]
    public void Folders_between_the_project_and_the_root_are_levels_too_and_nothing_above_the_root_is_searched()
    {
        using var repo = new FootprintRepo();
        repo.Write("src/.cursor/mcp.json", "{}");
        repo.Write("src/App/CLAUDE.md", "# here");
        File.WriteAllText(Path.Combine(repo.Outside, "AGENTS.md"), "# above the repository root");

        DiscoveryResult result = repo.Discover();

        Assert.Equal(new[] { repo.ProjectDir, Path.Combine(repo.Root, "src"), repo.Root }, result.Levels);
        Assert.Contains(result.Hits, h => h.RelativePath == ".cursor/mcp.json" && h.Level == Path.Combine(repo.Root, "src"));
        Assert.Contains(result.Hits, h => h.RelativePath == "CLAUDE.md" && h.Level == repo.ProjectDir);
        Assert.DoesNotContain(result.Hits, h => h.RelativePath == "AGENTS.md");
    }

    [Fact]
    public void Without_a_git_folder_only_the_project_folder_is_searched()
    {
        using var repo = new FootprintRepo(withGit: false);
        repo.Write(".cursorrules", "at the would-be root");
        repo.Write("src/App/GEMINI.md", "# in the project");

        DiscoveryResult result = repo.Discover();

        Assert.Null(result.RepositoryRoot);
        Assert.Equal(new[] { repo.ProjectDir }, result.Levels);
        FootprintHit hit = Assert.Single(result.Hits);
        Assert.Equal("GEMINI.md", hit.RelativePath);
    }

    [Fact]
    public void A_git_file_bounds_the_repository_like_a_git_folder()
    {
        using var repo = new FootprintRepo(withGit: false);
        repo.Write(".git", "gitdir: ../elsewhere/.git/worktrees/repo\n");
        repo.Write("AGENTS.md", "# root");
        Assert.Equal(repo.Root, repo.Discover().RepositoryRoot);
        Assert.Contains(repo.Discover().Hits, h => h.RelativePath == "AGENTS.md");
    }

    [Fact]
    public void The_home_folder_is_never_searched_even_when_it_holds_git()
    {
        using var repo = new FootprintRepo(withGit: false);
        // Home is the repository folder's parent, and it holds a .git (a dotfiles repository) and a CLAUDE.md.
        Directory.CreateDirectory(Path.Combine(repo.Outside, ".git"));
        File.WriteAllText(Path.Combine(repo.Outside, "CLAUDE.md"), "# personal");
        repo.Write("src/App/AGENTS.md", "# project");

        DiscoveryResult result = repo.Discover(new DiscoveryOptions { HomeDirectory = repo.Outside });

        Assert.Null(result.RepositoryRoot);
        Assert.Equal(new[] { repo.ProjectDir }, result.Levels);
        Assert.DoesNotContain(result.Hits, h => h.RelativePath == "CLAUDE.md");
        Assert.Contains(result.Hits, h => h.RelativePath == "AGENTS.md");
        Assert.Empty(FootprintDiscovery.LevelsBetween(repo.Outside, null, repo.Outside));
    }

    [Fact]
    public void Bin_obj_node_modules_and_git_folders_are_not_entered()
    {
        using var repo = new FootprintRepo();
        repo.Write(".cursor/mcp.json", "{}");
        repo.Write(".cursor/node_modules/pkg/mcp.json", "{}");
        repo.Write(".claude/obj/settings.json", "{}");
        repo.Write(".claude/bin/x.md", "x");
        repo.Write(".git/CLAUDE.md", "x");

        DiscoveryResult result = repo.Discover();

        Assert.Contains(result.Hits, h => h.RelativePath == ".cursor/mcp.json");
        Assert.DoesNotContain(result.Hits, h => h.RelativePath.Contains("node_modules") || h.RelativePath.Contains("/obj/") || h.RelativePath.Contains("/bin/") || h.RelativePath.StartsWith(".git/"));
    }

    [Fact]
    public void Symbolic_link_loops_are_reported_as_footprints_and_never_followed_round()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, ".claude", "loop"), repo.Root);
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, ".cursor"), Path.Combine(repo.Root, ".claude"));

        DiscoveryResult result = repo.Discover();

        Assert.Contains(result.Hits, h => h.RelativePath == ".claude/settings.json");
        FootprintHit cursor = Assert.Single(result.Hits, h => h.RelativePath == ".cursor");
        Assert.True(cursor.IsSymbolicLink);
        // .cursor stands for .claude, so Cursor reads settings.json there; the loop back to the root is never entered.
        Assert.Contains(result.Hits, h => h.RelativePath == ".cursor/settings.json");
        Assert.DoesNotContain(result.Hits, h => h.RelativePath.Contains("/loop/"));
        Assert.True(result.EntriesVisited < 100, "visited " + result.EntriesVisited);
    }

    [Fact]
    public void A_linked_assistant_folder_is_searched_where_it_points_so_its_servers_cannot_hide_behind_the_link()
    {
        // Found by an outside review: `ln -s tooling/cursor .cursor` kept a denied MCP server out of the check.
        using var repo = new FootprintRepo();
        repo.Write("tooling/cursor/mcp.json", AssistantFixtures.CursorMcpJson);
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, ".cursor"), Path.Combine(repo.Root, "tooling", "cursor"));

        DiscoveryResult result = repo.Discover();

        FootprintHit mcp = Assert.Single(result.Hits, h => h.RelativePath == ".cursor/mcp.json");
        FootprintContent content = AssistantFileReader.Read(mcp);
        Assert.Contains(content.Servers, s => s.Name == "github");
        Assert.Contains(content.Servers, s => s.Name == "docs");
    }

    [Fact]
    public void A_link_out_of_the_repository_is_not_followed_and_says_so_so_it_cannot_spend_the_entry_budget()
    {
        using var repo = new FootprintRepo();
        string outside = Path.Combine(repo.Outside, "elsewhere");
        Directory.CreateDirectory(outside);
        for (int i = 0; i < 30; i++)
        {
            File.WriteAllText(Path.Combine(outside, "f" + i + ".md"), "x");
        }

        Directory.CreateSymbolicLink(Path.Combine(repo.Root, ".cursor"), outside);
        repo.Write(".claude/settings.json", "{}");

        DiscoveryResult result = repo.Discover(new DiscoveryOptions { HomeDirectory = repo.Outside, MaxEntries = 20 });

        Assert.Contains(result.Hits, h => h.RelativePath == ".cursor" && h.IsSymbolicLink);
        Assert.DoesNotContain(result.Hits, h => h.RelativePath.StartsWith(".cursor/", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("points outside the repository"));
        Assert.Contains(result.Hits, h => h.RelativePath == ".claude/settings.json");
    }

    [Fact]
    public void A_link_to_nothing_is_a_discovery_problem_not_a_silent_skip()
    {
        using var repo = new FootprintRepo();
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, ".cursor"), Path.Combine(repo.Root, "gone"));

        DiscoveryResult result = repo.Discover();

        Assert.Contains(result.Hits, h => h.RelativePath == ".cursor" && h.IsSymbolicLink);
        Assert.Contains(result.Problems, p => p.Path.EndsWith(".cursor", StringComparison.Ordinal) && p.Message.Contains("points at nothing"));
    }

    [Fact]
    public void A_git_folder_made_inside_the_repository_does_not_hide_the_footprints_above_it()
    {
        // Found by an outside review: a build target ran `MakeDir $(MSBuildProjectDirectory)/.git` before the check, and
        // every footprint above the project (an undeclared .cursor/mcp.json at the root) went unreported.
        using var repo = new FootprintRepo();
        repo.Write(".cursor/mcp.json", AssistantFixtures.CursorMcpJson);
        Directory.CreateDirectory(Path.Combine(repo.ProjectDir, ".git"));

        DiscoveryResult result = repo.Discover();

        Assert.Equal(repo.Root, result.RepositoryRoot);
        Assert.Contains(result.Hits, h => h.RelativePath == ".cursor/mcp.json" && h.Level == repo.Root);
        // The nearest repository (whose commit and index describe the project) is still the inner one.
        Assert.Equal(repo.ProjectDir, FootprintDiscovery.FindRepositoryRoot(repo.ProjectDir, repo.Outside));
    }

    [Fact]
    public void Only_folders_a_pattern_can_reach_are_listed()
    {
        using var repo = new FootprintRepo();
        for (int i = 0; i < 200; i++)
        {
            repo.Write("src/Lib" + i + "/Class" + i + ".cs", "class C {}");
            repo.Write(".github/ISSUE_TEMPLATE/t" + i + ".md", "x");
        }

        repo.Write(".github/workflows/build.yml", "on: push");
        repo.Write(".github/workflows/copilot-setup-steps.yml", "on: workflow_dispatch");

        DiscoveryResult result = repo.Discover();

        FootprintHit hit = Assert.Single(result.Hits);
        Assert.Equal(".github/workflows/copilot-setup-steps.yml", hit.RelativePath);
        Assert.Equal(FootprintKind.Workflow, hit.Kind);
        // Root listing (~4 entries) + src + src/App + .github (2) + workflows (2): far fewer than the 400 files.
        Assert.True(result.EntriesVisited < 260, "visited " + result.EntriesVisited);
    }

    [Fact]
    public void Files_in_footprint_folders_take_the_most_specific_kind_and_belong_to_the_outermost_folder()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.local.json", "{}");
        repo.Write(".claude/agents/a.md", "x");
        repo.Write(".claude/notes/n.md", "x");
        repo.Write(".mcp.json", "{}");

        DiscoveryResult result = repo.Discover();

        Assert.Equal(FootprintKind.PersonalFile, result.Hits.Single(h => h.RelativePath == ".claude/settings.local.json").Kind);
        Assert.Equal(FootprintKind.Agent, result.Hits.Single(h => h.RelativePath == ".claude/agents/a.md").Kind);
        Assert.Equal(FootprintKind.Folder, result.Hits.Single(h => h.RelativePath == ".claude/notes/n.md").Kind);
        Assert.All(result.Hits.Where(h => h.RelativePath.StartsWith(".claude")), h => Assert.Equal(".claude", h.RootRelativePath));
        FootprintHit mcp = result.Hits.Single(h => h.RelativePath == ".mcp.json");
        Assert.Equal(new[] { "visual-studio", "claude-code" }, mcp.Assistants);
    }

    [Fact]
    public void Personal_cache_folders_are_reported_without_being_entered()
    {
        using var repo = new FootprintRepo();
        for (int i = 0; i < 50; i++)
        {
            repo.Write(".aider.tags.cache.v4/cache" + i + ".db", "x");
        }

        DiscoveryResult result = repo.Discover();

        FootprintHit hit = Assert.Single(result.Hits);
        Assert.True(hit.IsDirectory);
        Assert.Equal(FootprintKind.PersonalFile, hit.Kind);
    }

    [Fact]
    public void The_entry_limit_stops_discovery_with_a_problem_instead_of_running_on()
    {
        using var repo = new FootprintRepo();
        for (int i = 0; i < 30; i++)
        {
            repo.Write(".cursor/rules/r" + i + ".mdc", "x");
        }

        DiscoveryResult result = repo.Discover(new DiscoveryOptions { MaxEntries = 10 });

        DiscoveryProblem problem = Assert.Single(result.Problems);
        Assert.Contains("stopped after 10 entries", problem.Message);
    }
}
