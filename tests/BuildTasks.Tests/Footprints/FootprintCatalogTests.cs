using Guardrails.BuildTasks.Footprints;

namespace Guardrails.BuildTasks.Tests.Footprints;

public class FootprintCatalogTests
{
    private static readonly string[] IssueAssistants =
    {
        "github-copilot", "visual-studio", "cursor", "claude-code", "openai-codex", "gemini", "windsurf", "cline", "roo",
        "continue", "aider", "amazon-q", "jetbrains-ai", "kiro", "tabnine", "augment", "zed", "devin",
        // Found missing by an outside review: Trae, OpenCode and Goose left files no footprint matched.
        "trae", "opencode", "goose",
        // Found missing by a second outside review: Kilo Code's folder and Amp's AGENT.md.
        "kilo-code", "amp",
        // Found missing by the third outside review (round 3 #2): Qwen Code and Firebase Studio.
        "qwen-code", "firebase-studio",
        // Issue 12 after the fourth outside review (round 4 #3): CodeRabbit's repository configuration.
        "coderabbit", "crush",
        // Adversary round 7 route 7: assistants whose files no footprint matched.
        "mistral-vibe", "iflow-cli", "warp", "openhands", "qoder", "lingma", "codebuddy", "rovo-dev", "gptme", "qodo-pr-agent",
        "greptile", "sourcery", "kimi",
        // Adversary round 9 route 6: Factory's droids and settings, Qodo's agents, Firebender, Refact.ai, Sweep.
        "factory-droid", "qodo", "firebender", "refact", "sweep",
        // Adversary round 11: route 3's CI launchers (ChatGPT-CodeReview's action, GitHub Models' ai-inference action) and
        // the footprint sweep's Sourcegraph Cody, bolt.new, Zencoder, Baidu Comate, Ellipsis.
        "chatgpt-codereview", "github-models", "sourcegraph-cody", "bolt", "zencoder", "comate", "ellipsis",
    };

    [Fact]
    public void Every_assistant_of_the_issue_has_catalog_entries_and_nothing_else_is_there()
    {
        Assert.Equal(IssueAssistants.OrderBy(a => a), FootprintCatalog.Assistants.OrderBy(a => a));
        foreach (string id in IssueAssistants)
        {
            Assert.NotEmpty(FootprintCatalog.For(id));
        }
    }

    [Theory]
    [InlineData(".github/copilot-instructions.md", "github-copilot")]
    [InlineData(".github/workflows/copilot-setup-steps.yml", "github-copilot")]
    [InlineData(".vscode/mcp.json", "github-copilot")]
    [InlineData(".vs/mcp.json", "visual-studio")]
    [InlineData(".mcp.json", "visual-studio")]
    [InlineData(".mcp.json", "claude-code")]
    [InlineData(".cursorrules", "cursor")]
    [InlineData("CLAUDE.local.md", "claude-code")]
    [InlineData("AGENTS.md", "openai-codex")]
    [InlineData(".aiexclude", "gemini")]
    [InlineData(".windsurfrules", "windsurf")]
    [InlineData(".clinerules", "cline")]
    [InlineData(".roomodes", "roo")]
    [InlineData(".continuerc.json", "continue")]
    [InlineData(".aider.conf.yml", "aider")]
    [InlineData(".aider.chat.history.md", "aider")]
    [InlineData(".aiignore", "jetbrains-ai")]
    [InlineData(".zed/settings.json", "zed")]
    [InlineData(".rules", "zed")]
    [InlineData(".trae/mcp.json", "trae")]
    [InlineData("opencode.json", "opencode")]
    [InlineData("opencode.jsonc", "opencode")]
    [InlineData(".opencode/opencode.json", "opencode")]
    [InlineData("AGENTS.md", "opencode")]
    [InlineData(".goosehints", "goose")]
    [InlineData(".kilocode/mcp.json", "kilo-code")]
    [InlineData(".kilocodemodes", "kilo-code")]
    [InlineData("AGENT.md", "amp")]
    [InlineData(".amp/settings.json", "amp")]
    [InlineData(".vibe/config.toml", "mistral-vibe")]
    [InlineData(".iflow/settings.json", "iflow-cli")]
    [InlineData("IFLOW.md", "iflow-cli")]
    [InlineData("WARP.md", "warp")]
    [InlineData("CODEBUDDY.md", "codebuddy")]
    [InlineData("gptme.toml", "gptme")]
    [InlineData(".pr_agent.toml", "qodo-pr-agent")]
    [InlineData("greptile.json", "greptile")]
    [InlineData(".sourcery.yaml", "sourcery")]
    [InlineData(".kimi-code/mcp.json", "kimi")]
    [InlineData("mcp.json", "claude-code")]
    [InlineData(".claude.json", "claude-code")]
    [InlineData("CONVENTIONS.md", "aider")]
    [InlineData(".idx/airules.md", "firebase-studio")]
    [InlineData(".idx/mcp.json", "firebase-studio")]
    [InlineData(".qwen/settings.json", "qwen-code")]
    [InlineData("QWEN.md", "qwen-code")]
    [InlineData("AGENTS.md", "amp")]
    public void The_issue_paths_are_file_footprints_of_their_assistant(string path, string assistant)
    {
        string[] segments = path.Split('/');
        Assert.Contains(FootprintCatalog.For(assistant), e => e.Pattern.MatchesFile(segments));
    }

    [Theory]
    [InlineData(".github/instructions", "github-copilot")]
    [InlineData(".github/prompts", "github-copilot")]
    [InlineData(".github/agents", "github-copilot")]
    [InlineData(".github/chatmodes", "github-copilot")]
    [InlineData(".github/copilot", "github-copilot")]
    [InlineData(".cursor", "cursor")]
    [InlineData(".claude", "claude-code")]
    [InlineData(".codex", "openai-codex")]
    [InlineData(".gemini", "gemini")]
    [InlineData(".windsurf", "windsurf")]
    [InlineData(".roo", "roo")]
    [InlineData(".continue", "continue")]
    [InlineData(".amazonq", "amazon-q")]
    [InlineData(".aiassistant", "jetbrains-ai")]
    [InlineData(".junie", "jetbrains-ai")]
    [InlineData(".kiro", "kiro")]
    [InlineData(".tabnine", "tabnine")]
    [InlineData(".augment", "augment")]
    [InlineData(".devin", "devin")]
    [InlineData(".aider.tags.cache.v4", "aider")]
    [InlineData(".trae", "trae")]
    [InlineData(".trae/rules", "trae")]
    [InlineData(".opencode", "opencode")]
    [InlineData(".openhands/microagents", "openhands")]
    [InlineData(".qoder/rules", "qoder")]
    [InlineData(".lingma/rules", "lingma")]
    [InlineData(".rovodev", "rovo-dev")]
    [InlineData(".kimi", "kimi")]
    [InlineData(".vibe", "mistral-vibe")]
    [InlineData(".codebuddy", "codebuddy")]
    [InlineData(".greptile", "greptile")]
    public void The_issue_folders_are_folder_footprints_of_their_assistant(string path, string assistant)
    {
        string[] segments = path.Split('/');
        Assert.Contains(FootprintCatalog.For(assistant), e => e.Pattern.MatchesFolder(segments));
    }

    [Theory]
    [InlineData(".claude/settings.local.json")]
    [InlineData("CLAUDE.local.md")]
    [InlineData(".aider.chat.history.md")]
    [InlineData(".aider.input.history")]
    public void Personal_files_are_classified_as_personal_before_any_wider_pattern(string path)
    {
        string[] segments = path.Split('/');
        FootprintEntry first = FootprintCatalog.All.First(e => e.Pattern.MatchesFile(segments));
        Assert.Equal(FootprintKind.PersonalFile, first.Kind);
    }

    [Fact]
    public void Ordinary_repository_files_are_not_footprints()
    {
        foreach (string path in new[] { "README.md", "src/App/Program.cs", ".github/workflows/build.yml", ".gitignore", "docs/AGENTS.txt" })
        {
            string[] segments = path.Split('/');
            Assert.DoesNotContain(FootprintCatalog.All, e => e.ContentMarkers == null && (e.Pattern.MatchesFile(segments) || e.Pattern.FolderPrefixLength(segments) > 0));
        }

        // A workflow is a footprint only when its text names an assistant (NamedInContentFootprintTests).
        Assert.All(FootprintCatalog.All.Where(e => e.Pattern.MatchesFile(".github/workflows/build.yml".Split('/'))), e => Assert.NotNull(e.ContentMarkers));

        // VS Code's own files are footprints only when they configure MCP servers (FootprintMcpServerTests).
        foreach (string path in new[] { ".vscode/settings.json", "acme.code-workspace" })
        {
            string[] segments = path.Split('/');
            Assert.All(FootprintCatalog.All.Where(e => e.Pattern.MatchesFile(segments) || e.Pattern.FolderPrefixLength(segments) > 0), e => Assert.True(e.OnlyWithMcpServers, e.ToString()));
        }
    }
}
