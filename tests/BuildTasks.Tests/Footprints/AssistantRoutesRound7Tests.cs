using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 7, routes 7, 9 and 10: MCP servers and assistants in files the footprint catalog did not read (a dev
/// container's customizations.vscode, Amp's settings in VS Code's, Mistral Vibe, iFlow and assistants the catalog did not
/// know), VS Code chat settings that approve without asking, and assistants installed or launched by tool managers, dev
/// environments and hook runners, with their permission-bypass flags.
/// </summary>
public class AssistantRoutesRound7Tests
{
    private static readonly string Copilot = FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]");
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");
    private static readonly string Nobody = FootprintHarness.Manifest("[ { \"id\": \"cursor\" } ]");

    /// <summary>The harness policy with github-copilot's autoApprove and enableAllProjectMcpServers forbidden, Amp and Codex approved with bypassMode and autoApprove forbidden.</summary>
    private static readonly string Strict = FootprintHarness.Policy
        .Replace(
            "{ \"id\": \"github-copilot\", \"models\": { \"allow\": [\"gpt-4.1\"] },",
            "{ \"id\": \"github-copilot\", \"models\": { \"allow\": [\"gpt-4.1\"] }, \"permissions\": { \"autoApprove\": \"forbid\", \"enableAllProjectMcpServers\": \"forbid\" },")
        .Replace(
            "{ \"id\": \"gemini\",",
            "{ \"id\": \"amp\", \"permissions\": { \"bypassMode\": \"forbid\", \"autoApprove\": \"forbid\" }, \"approval\": { \"approvedBy\": \"dana\", \"approvedAt\": \"2026-01-10\", \"expiresAt\": \"2026-12-31\" } },\n" +
            "            { \"id\": \"openai-codex\", \"permissions\": { \"bypassMode\": \"forbid\", \"autoApprove\": \"forbid\" }, \"approval\": { \"approvedBy\": \"dana\", \"approvedAt\": \"2026-01-10\", \"expiresAt\": \"2026-12-31\" } },\n" +
            "            { \"id\": \"gemini\",");

    private const string DeniedServer = "{ \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"] }";

    // ---- Route 7: a dev container's customizations.vscode ----

    [Theory]
    [InlineData(".devcontainer/devcontainer.json")]
    [InlineData(".devcontainer/python/devcontainer.json")]
    [InlineData(".devcontainer.json")]
    public void A_dev_container_s_VS_Code_MCP_server_is_judged_for_Copilot(string path)
    {
        Assert.NotEqual(FootprintHarness.Policy, Strict);
        using var repo = new FootprintRepo();
        string file = repo.Write(path, "{\n  \"name\": \"dev\",\n  \"customizations\": { \"vscode\": { \"mcp\": { \"servers\": {\n    \"fetch\": " + DeniedServer + "\n  } } } }\n}\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(run.Of("GRD132"));
        Assert.True(run.IsError(f));
        Assert.Equal(file, f.File);
        Assert.Equal(4, f.Line);
        Assert.Contains("denied by the policy entry 'fetch-any'", f.Message);
        Assert.Empty(run.Of("GRD130"));
    }

    [Fact]
    public void A_dev_container_s_MCP_server_makes_an_undeclared_Copilot_a_finding_at_the_server()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".devcontainer/devcontainer.json", "{\n  \"customizations\": {\n    \"vscode\": {\n      \"mcp\": { \"servers\": { \"docs\": { \"url\": \"https://mcp.contoso.example/docs\" } } }\n    }\n  }\n}\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD130"));
        Assert.True(run.IsError(f));
        Assert.Equal(file, f.File);
        Assert.Equal(4, f.Line);
        Assert.Equal("github-copilot", f.Subject);
        Assert.Contains("MCP server 'docs'", f.Message);
    }

    [Fact]
    public void A_dev_container_s_VS_Code_settings_that_auto_approve_are_held_against_Copilot_s_ceiling()
    {
        using var repo = new FootprintRepo();
        repo.Write(".devcontainer/devcontainer.json", "{\n  \"customizations\": { \"vscode\": { \"settings\": {\n    \"editor.tabSize\": 4,\n    \"chat.tools.terminal.autoApprove\": { \"/.*/\": true }\n  } } }\n}\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f));
        Assert.Equal(4, f.Line);
        Assert.Equal("github-copilot/autoApprove", f.Subject);
    }

    [Fact]
    public void A_dev_container_with_extensions_and_ordinary_settings_only_is_not_a_Copilot_configuration()
    {
        using var repo = new FootprintRepo();
        repo.Write(".devcontainer/devcontainer.json", "{ \"customizations\": { \"vscode\": { \"extensions\": [\"ms-dotnettools.csharp\"], \"settings\": { \"editor.tabSize\": 4, \"chat.tools.global.autoApprove\": false } } } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD134"));
    }

    // ---- Route 7: Amp's settings in VS Code's ----

    [Fact]
    public void Amp_s_MCP_servers_in_VS_Code_settings_are_Amp_s_even_when_Copilot_is_declared()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".vscode/settings.json", "{\n  \"amp.mcpServers\": {\n    \"fetch\": " + DeniedServer + "\n  },\n  \"amp.dangerouslyAllowAll\": true\n}\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Finding undeclared = Assert.Single(run.Of("GRD130"));
        Assert.Equal("amp", undeclared.Subject);
        Assert.Equal(file, undeclared.File);
        Finding server = Assert.Single(run.Of("GRD132"));
        Assert.Equal(3, server.Line);
        Assert.Empty(run.Of("GRD134")); // Amp is not declared: its ceiling is not the question, its use is
    }

    [Theory]
    [InlineData(".vscode/settings.json", "{\n  \"chat.tools.global.autoApprove\": false,\n  \"amp.dangerouslyAllowAll\": true\n}", 3)]
    [InlineData("app.code-workspace", "{ \"folders\": [],\n  \"settings\": {\n    \"amp.dangerouslyAllowAll\": true } }", 3)]
    [InlineData(".amp/settings.json", "{\n  \"amp.dangerouslyAllowAll\": true\n}", 2)]
    public void Amp_s_dangerouslyAllowAll_is_held_against_Amp_s_bypassMode(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, FootprintHarness.Manifest("[ { \"id\": \"amp\" }, { \"id\": \"github-copilot\" } ]"));

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f));
        Assert.Equal(line, f.Line);
        Assert.Equal("amp/bypassMode", f.Subject);
    }

    // ---- Route 7: assistants the catalog did not know ----

    [Theory]
    [InlineData(".vibe/config.toml", "[[mcp_servers]]\nname = \"fetch\"\ntransport = \"stdio\"\ncommand = \"uvx\"\nargs = [\"mcp-server-fetch\"]\n", "mistral-vibe")]
    [InlineData(".iflow/settings.json", "{ \"mcpServers\": { \"fetch\": " + DeniedServer + " } }", "iflow-cli")]
    [InlineData(".kimi-code/mcp.json", "{ \"mcpServers\": { \"fetch\": " + DeniedServer + " } }", "kimi")]
    public void A_new_assistant_s_MCP_configuration_is_undeclared_and_its_servers_are_judged(string path, string content, string assistant)
    {
        using var repo = new FootprintRepo();
        repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Assert.Equal(assistant, Assert.Single(run.Of("GRD130")).Subject);
        Assert.True(run.IsError(Assert.Single(run.Of("GRD132"))));
    }

    [Theory]
    [InlineData("WARP.md", "warp")]
    [InlineData(".openhands/microagents/repo.md", "openhands")]
    [InlineData(".qoder/rules/main.md", "qoder")]
    [InlineData(".lingma/rules/main.md", "lingma")]
    [InlineData("CODEBUDDY.md", "codebuddy")]
    [InlineData(".rovodev/prompts/review.md", "rovo-dev")]
    [InlineData("gptme.toml", "gptme")]
    [InlineData(".pr_agent.toml", "qodo-pr-agent")]
    [InlineData("greptile.json", "greptile")]
    [InlineData(".sourcery.yaml", "sourcery")]
    [InlineData(".kimi/hooks/check.sh", "kimi")]
    [InlineData("IFLOW.md", "iflow-cli")]
    public void An_assistant_the_catalog_did_not_know_is_an_undeclared_footprint(string path, string assistant)
    {
        using var repo = new FootprintRepo();
        repo.Write(path, path.EndsWith(".json") ? "{ \"strictness\": 2 }\n" : path.EndsWith(".toml") ? "[config]\nmodel = \"gpt-4.1\"\n" : path.EndsWith(".yaml") ? "version: \"1\"\n" : "rules\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(run.Of("GRD130"));
        Assert.True(run.IsError(f));
        Assert.Contains("'" + assistant + "'", f.Message);
    }

    // ---- Route 9: VS Code settings that approve without asking ----

    [Theory]
    [InlineData("\"github.copilot.chat.agent.terminal.allowList\": { \"/.*/\": true }", "github-copilot/autoApprove")]
    [InlineData("\"chat.mcp.discovery.enabled\": true", "github-copilot/enableAllProjectMcpServers")]
    [InlineData("\"chat.mcp.discovery.enabled\": { \"claude-desktop\": true, \"cursor-global\": false }", "github-copilot/enableAllProjectMcpServers")]
    [InlineData("\"chat.tools.urls.autoApprove\": { \"*\": true }", "github-copilot/autoApprove")]
    public void VS_Code_chat_settings_beyond_chat_tools_autoApprove_are_held_against_Copilot(string setting, string subject)
    {
        using var repo = new FootprintRepo();
        repo.Write(".vscode/settings.json", "{\n  \"editor.tabSize\": 4,\n  " + setting + "\n}");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f));
        Assert.Equal((3, 3), (f.Line, f.Column));
        Assert.Equal(subject, f.Subject);
    }

    [Fact]
    public void Discovery_off_and_allow_lists_that_ask_are_no_footprint()
    {
        using var repo = new FootprintRepo();
        repo.Write(".vscode/settings.json", "{ \"chat.mcp.discovery.enabled\": false, \"github.copilot.chat.agent.terminal.allowList\": { \"rm\": false } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD134"));
    }

    // ---- Route 10: tool managers, dev environments, hook and task runners ----

    [Theory]
    [InlineData("mise.toml", "[tools]\ndotnet = \"10\"\n\"npm:@anthropic-ai/claude-code\" = \"latest\"\n", "claude-code", 3)]
    [InlineData(".mise.toml", "[tools]\n\"pipx:aider-chat\" = \"latest\"\n", "aider", 2)]
    [InlineData(".mise.toml", "[tools]\n\"pipx:Aider_Chat\" = \"latest\"\n", "aider", 2)] // PEP 503: the same project (install16)
    [InlineData(".tool-versions", "dotnet 10.0.100\nnpm:@google/gemini-cli latest\n", "gemini", 2)]
    [InlineData(".gitpod.yml", "tasks:\n  - name: setup\n    init: npm install -g @anthropic-ai/claude-code\n", "claude-code", 3)]
    [InlineData("devbox.json", "{\n  \"packages\": [\"dotnet-sdk@10\",\n    \"codex@latest\"]\n}\n", "openai-codex", 3)]
    [InlineData("flake.nix", "{ outputs = { nixpkgs, ... }: {\n  devShells.default = mkShell { packages = [ pkgs.claude-code ]; };\n}; }\n", "claude-code", 2)]
    [InlineData("shell.nix", "{ pkgs ? import <nixpkgs> {} }:\npkgs.mkShell { packages = [ pkgs.gemini-cli ]; }\n", "gemini", 2)]
    [InlineData(".idx/dev.nix", "{ pkgs, ... }: {\n  idx.workspace.onStart = { ai = \"npx -y @openai/codex exec fix\"; };\n}\n", "openai-codex", 2)]
    [InlineData("lefthook.yml", "pre-commit:\n  commands:\n    review:\n      run: npx -y @anthropic-ai/claude-code -p \"review {staged_files}\"\n", "claude-code", 4)]
    [InlineData(".overcommit.yml", "PreCommit:\n  AiReview:\n    enabled: true\n    command: [\"npx\", \"-y\", \"@anthropic-ai/claude-code\", \"-p\", \"review\"]\n", "claude-code", 4)]
    [InlineData("Taskfile.yml", "version: \"3\"\ntasks:\n  ai:\n    desc: codex fixes the tests\n    cmds:\n      - npx -y @openai/codex exec \"fix tests\"\n", "openai-codex", 6)]
    [InlineData("justfile", "ai:\n    claude -p \"fix the build\"\n", "claude-code", 2)]
    [InlineData("Makefile", "build:\n\tdotnet build\nai:\n\t@npx -y @anthropic-ai/claude-code -p fix\n", "claude-code", 4)]
    [InlineData("package.json", "{ \"name\": \"app\",\n  \"husky\": { \"hooks\": {\n    \"pre-commit\": \"gemini -p review\" } } }", "gemini", 3)]
    public void An_assistant_a_tool_manager_or_hook_runner_installs_or_runs_is_an_undeclared_footprint(string path, string content, string assistant, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Nobody);

        Finding f = Assert.Single(run.Of("GRD130"));
        Assert.True(run.IsError(f));
        Assert.Equal(file, f.File);
        Assert.Equal(line, f.Line);
        Assert.Equal(assistant, f.Subject);
    }

    [Fact]
    public void Ordinary_tool_manager_and_task_files_are_no_footprint()
    {
        using var repo = new FootprintRepo();
        repo.Write("mise.toml", "[tools]\ndotnet = \"10\"\nnode = \"22\"\n[tasks.build]\nrun = \"dotnet build\"\n");
        repo.Write("Taskfile.yml", "version: \"3\"\ntasks:\n  codex:\n    desc: claude and codex are words here\n    cmds:\n      - dotnet test\n");
        repo.Write("Makefile", "# claude -p in a comment\ncodex:\n\tdotnet build\n");
        repo.Write("devbox.json", "{ \"packages\": [\"nodejs@22\"], \"shell\": { \"init_hook\": [\"echo claude\"] } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Nobody);

        Assert.Empty(run.Of("GRD130"));
    }

    [Theory]
    [InlineData(".gitpod.yml", "tasks:\n  - init: npm install -g @anthropic-ai/claude-code\n    command: claude --dangerously-skip-permissions\n", "claude-code", "claude-code/bypassMode", 3)]
    [InlineData("lefthook.yml", "pre-commit:\n  commands:\n    review:\n      run: npx -y @anthropic-ai/claude-code -p review --permission-mode bypassPermissions\n", "claude-code", "claude-code/bypassMode", 4)]
    [InlineData("Makefile", "ai:\n\tclaude -p fix --permission-mode acceptEdits\n", "claude-code", "claude-code/autoApprove", 2)]
    [InlineData("Taskfile.yml", "version: \"3\"\ntasks:\n  ai:\n    cmds:\n      - npx -y @openai/codex exec --full-auto \"fix tests\"\n", "openai-codex", "openai-codex/autoApprove", 5)]
    [InlineData("justfile", "ai:\n    codex exec --dangerously-bypass-approvals-and-sandbox fix\n", "openai-codex", "openai-codex/bypassMode", 2)]
    [InlineData(".husky/pre-push", "codex --yolo exec review\n", "openai-codex", "openai-codex/bypassMode", 1)]
    [InlineData("package.json", "{ \"scripts\": {\n  \"postinstall\": \"copilot -p setup --allow-all-tools\" } }", "github-copilot", "github-copilot/autoApprove", 2)]
    public void A_permission_bypass_flag_on_a_launched_assistant_is_held_against_its_ceiling(string path, string content, string assistant, string subject, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, FootprintHarness.Manifest("[ { \"id\": \"" + assistant + "\" } ]"));

        Assert.Empty(run.Of("GRD130"));
        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f));
        Assert.Equal(file, f.File);
        Assert.Equal(line, f.Line);
        Assert.Equal(subject, f.Subject);
    }

    [Fact]
    public void A_flag_is_held_against_the_assistant_that_takes_it_only()
    {
        using var repo = new FootprintRepo();
        repo.Write("Makefile", "ai:\n\tclaude -p fix\n\tcodex exec --full-auto fix\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" }, { \"id\": \"openai-codex\" } ]"));

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.Equal("openai-codex/autoApprove", f.Subject);
        Assert.Equal(3, f.Line);
    }
}
