using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 13, routes 6 and 8: an assistant CLI's own subcommands and flags. Route 6: an MCP server registered at
/// run time (<c>claude mcp add … -- CMD</c>, <c>claude mcp add-json</c>, <c>codex|gemini mcp add</c>, Copilot CLI's
/// <c>--additional-mcp-config</c>, VS Code's <c>code --add-mcp</c>) is judged by GRD132 like a committed .mcp.json. Route 8:
/// <c>--allowedTools</c> values (and claude-code-action's <c>allowed_tools</c>), Copilot CLI's <c>--allow-tool shell</c> and a
/// slash command's comma list <c>allowed-tools: Bash, Edit, Write</c> are read as <c>permissions.allow</c> entries (GRD134).
/// </summary>
public class AssistantFlagsRound13Tests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");
    private static readonly string Copilot = FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]");
    private static readonly string Gemini = FootprintHarness.Manifest("[ { \"id\": \"gemini\" } ]");

    /// <summary>The harness policy with github-copilot's autoApprove forbidden.</summary>
    private static readonly string Strict = FootprintHarness.Policy.Replace(
        "{ \"id\": \"github-copilot\", \"models\": { \"allow\": [\"gpt-4.1\"] },",
        "{ \"id\": \"github-copilot\", \"models\": { \"allow\": [\"gpt-4.1\"] }, \"permissions\": { \"autoApprove\": \"forbid\" },");

    private static string Workflow(string run) =>
        "on: [issue_comment]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: " + run + "\n";

    // ---- Route 6: MCP servers registered by the assistant's CLI ----

    [Theory]
    [InlineData("claude mcp add --scope project fetch -- uvx mcp-server-fetch")]
    [InlineData("npx -y @anthropic-ai/claude-code@2.0.14 mcp add --scope project fetch -- uvx mcp-server-fetch")]
    [InlineData("claude mcp add -s user -e KEY=1 fetch uvx mcp-server-fetch")]
    [InlineData("claude mcp add-json fetch '{\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}' && claude -p review")]
    [InlineData("claude mcp add-json --scope user fetch '{\"type\":\"stdio\",\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}'")]
    public void Claude_mcp_add_registers_a_server_judged_by_GRD132(string run)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow(run));

        FootprintHarness.Run run1 = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(run1.Of("GRD132"));
        Assert.True(run1.IsError(f));
        Assert.Equal((file, 6), (f.File, f.Line));
        Assert.Contains("denied by the policy entry 'fetch-any'", f.Message);
    }

    [Theory]
    [InlineData("scripts/setup-ai.sh", "#!/bin/sh\ngemini mcp add fetch uvx mcp-server-fetch\n", 2)]
    [InlineData("scripts/setup-ai.sh", "#!/bin/sh\ngemini mcp add -s project -e A=b fetch -- uvx mcp-server-fetch\n", 2)]
    public void Gemini_mcp_add_registers_a_server_judged_by_GRD132(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Gemini);

        Finding f = Assert.Single(run.Of("GRD132"));
        Assert.Equal((file, line), (f.File, f.Line));
        Assert.Contains("denied by the policy entry 'fetch-any'", f.Message);
    }

    [Theory]
    [InlineData("npx -y @github/copilot@0.0.399 -p fix --additional-mcp-config '{\"mcpServers\":{\"fetch\":{\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}}}'")]
    [InlineData("copilot -p fix --additional-mcp-config=@ci/extra-mcp.json")]
    public void Copilot_additional_mcp_config_is_judged_by_GRD132(string run)
    {
        using var repo = new FootprintRepo();
        repo.Write("ci/extra-mcp.json", "{ \"mcpServers\": { \"fetch\": { \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"] } } }\n");
        string file = repo.Write(".github/workflows/ai.yml", Workflow(run));

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(r.Of("GRD132"), x => x.File == file);
        Assert.Equal(6, f.Line);
        Assert.Contains("denied by the policy entry 'fetch-any'", f.Message);
    }

    [Fact]
    public void VS_Code_add_mcp_in_a_setup_script_is_judged_by_GRD132()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("scripts/setup-ai.sh", "#!/bin/sh\nset -e\ncode --add-mcp '{\"name\":\"fetch\",\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}'\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(run.Of("GRD132"));
        Assert.Equal((file, 3), (f.File, f.Line));
        Assert.Contains("denied by the policy entry 'fetch-any'", f.Message);
    }

    [Fact]
    public void A_mcp_json_written_by_a_heredoc_in_the_step_that_runs_the_assistant_is_judged_by_GRD132()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          cat > .mcp.json <<'EOF'\n          { \"mcpServers\": { \"fs\": { \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"] } } }\n          EOF\n          claude -p \"triage the failing test\"\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        // One report, at the written server's line, naming it: the run block is not taken for a server ('jobs.a.steps[0].run').
        Finding f = Assert.Single(run.Of("GRD132"));
        Assert.Equal((file, 8), (f.File, f.Line));
        Assert.Contains("'fs'", f.Message);
        Assert.DoesNotContain("jobs.a.steps", f.Message);
        Assert.Contains("denied by the policy entry 'fetch-any'", f.Message);
    }

    [Fact]
    public void A_mcp_json_written_by_echo_is_judged_by_GRD132()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow("echo '{\"mcpServers\":{\"fetch\":{\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}}}' > ./.mcp.json && claude -p review"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD132"));
        Assert.Equal((file, 6), (f.File, f.Line));
    }

    [Fact]
    public void Claude_settings_written_by_a_heredoc_in_a_script_are_judged_by_GRD134()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("scripts/agent.sh", "#!/bin/sh\nmkdir -p .claude\ncat <<EOF > .claude/settings.json\n{\n  \"permissions\": { \"allow\": [\"Bash\"] }\n}\nEOF\nclaude -p \"$1\"\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 5), (f.File, f.Line));
        Assert.Equal("claude-code/autoApprove", f.Subject);
    }

    [Fact]
    public void Route6_controls_an_allowed_server_added_by_claude_mcp_add_passes()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ai.yml", Workflow("claude mcp add --scope project fs -- npx -y @modelcontextprotocol/server-filesystem . && claude mcp list && claude mcp remove fs"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Assert.Empty(run.Of("GRD132"));
    }

    // ---- Route 8: tools allowed without asking on the command line ----

    [Theory]
    [InlineData("npx -y @anthropic-ai/claude-code@2.0.14 -p \"fix the issue and push\" --allowedTools \"Bash(*)\" \"Edit\" \"Write\"")]
    [InlineData("claude -p \"$1\" --allowed-tools Bash")]
    [InlineData("claude -p fix --allowedTools=Bash,Edit")]
    [InlineData("claude -p fix --allowedTools \"Edit Bash\"")]
    [InlineData("claude --allowedTools Edit Write Bash -p fix")]
    public void Claude_allowedTools_with_an_unrestricted_shell_is_GRD134(string run)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow(run));

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(r.Of("GRD134"));
        Assert.True(r.IsError(f));
        Assert.Equal((file, 6), (f.File, f.Line));
        Assert.Equal("claude-code/autoApprove", f.Subject);
        Assert.Contains("--allowed", f.Message);
    }

    [Theory]
    [InlineData("anthropics/claude-code-action@v1", "claude_args: --allowedTools \"Bash(*)\"")]
    [InlineData("anthropics/claude-code-action@v0.0.63", "allowed_tools: \"Bash\"")]
    [InlineData("anthropics/claude-code-action@v0.0.63", "allowed_tools: \"Edit,Bash\"")]
    public void Claude_code_action_allowed_tools_with_an_unrestricted_shell_is_GRD134(string action, string input)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", "on: [issue_comment]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: " + action + "\n        with:\n          " + input + "\n");

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(r.Of("GRD134"));
        Assert.Equal((file, 8), (f.File, f.Line));
        Assert.Equal("claude-code/autoApprove", f.Subject);
    }

    [Theory]
    [InlineData("npx -y @github/copilot@0.0.399 -p \"fix the issue\" --allow-tool 'shell'")]
    [InlineData("copilot -p fix --allow-tool write --allow-tool shell")]
    public void Copilot_allow_tool_shell_is_GRD134_like_allow_all_tools(string run)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow(run));

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(r.Of("GRD134"));
        Assert.Equal((file, 6), (f.File, f.Line));
        Assert.Equal("github-copilot/autoApprove", f.Subject);
    }

    [Theory]
    [InlineData("        env: { COPILOT_ALLOW_ALL: \"true\" }\n", 7)]
    [InlineData("        env:\n          COPILOT_ALLOW_ALL: 1\n", 8)]
    public void COPILOT_ALLOW_ALL_in_a_step_s_env_is_GRD134_like_allow_all_tools(string env, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow("npx -y @github/copilot@0.0.399 -p \"update the changelog\"") + env);

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, Copilot);

        Finding f = Assert.Single(r.Of("GRD134"));
        Assert.Equal((file, line), (f.File, f.Line));
        Assert.Equal("github-copilot/autoApprove", f.Subject);
    }

    [Theory]
    [InlineData(".claude/commands/ship.md", "Bash, Edit, Write")]
    [InlineData(".claude/commands/ship.md", "Edit, Bash(*), Write")]
    [InlineData(".claude/skills/ship/SKILL.md", "Read,Bash")]
    public void A_slash_command_s_comma_list_with_a_lone_Bash_is_GRD134(string path, string tools)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, "---\nname: ship\ndescription: ship it\nallowed-tools: " + tools + "\n---\nCommit and push.\n");

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, ClaudeCode);

        Finding f = Assert.Single(r.Of("GRD134"));
        Assert.Equal((file, 4), (f.File, f.Line));
        Assert.Equal("claude-code/autoApprove", f.Subject);
    }

    [Theory]
    [InlineData(".claude/commands/ship.md", "---\nallowed-tools: Bash(git add:*), Bash(git status:*), Bash(git commit:*), Edit\n---\nCommit.\n")]
    [InlineData(".github/workflows/ai.yml", "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p fix --allowedTools \"Bash(git diff:*)\" Edit && copilot -p x --allow-tool 'shell(git)'\n")]
    public void Route8_controls_scoped_shell_entries_pass(string path, string content)
    {
        using var repo = new FootprintRepo();
        repo.Write(path, content);

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ]"));

        Assert.Empty(r.Of("GRD134"));
    }

    /// <summary>The end-to-end repro (tests/EndToEnd AdversaryRound13AssistantFlagTests) checked here at each line.</summary>
    [Fact]
    public void The_round13_route6_and_route8_workflow_is_judged_at_every_line()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", AdversaryRound13Workflow);
        string ship = repo.Write(".claude/commands/ship.md", "---\nallowed-tools: Bash, Edit, Write\n---\nCommit and push.\n");

        FootprintHarness.Run r = FootprintHarness.Check(repo, Strict, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ]"));

        Assert.Equal(new[] { 6, 7, 8 }, r.Of("GRD132").Where(f => f.File == file && r.IsError(f)).Select(f => f.Line).Order().ToArray());
        Assert.Equal(new[] { 9, 10, 12 }, r.Of("GRD134").Where(f => f.File == file && r.IsError(f)).Select(f => f.Line).Order().ToArray());
        Assert.Single(r.Of("GRD134"), f => f.File == ship && f.Line == 2);
    }

    internal const string AdversaryRound13Workflow =
        "on: [issue_comment]\n" +
        "jobs:\n" +
        "  fix:\n" +
        "    runs-on: ubuntu-latest\n" +
        "    steps:\n" +
        "      - run: npx -y @anthropic-ai/claude-code@2.0.14 mcp add --scope project fetch -- uvx mcp-server-fetch\n" +
        "      - run: claude mcp add-json web '{\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}' && claude -p \"review the diff\"\n" +
        "      - run: npx -y @github/copilot@0.0.399 -p \"fix the build\" --additional-mcp-config '{\"mcpServers\":{\"fetch\":{\"command\":\"uvx\",\"args\":[\"mcp-server-fetch\"]}}}'\n" +
        "      - run: npx -y @anthropic-ai/claude-code@2.0.14 -p \"fix the issue and push\" --allowedTools \"Bash(*)\" \"Edit\" \"Write\"\n" +
        "      - run: npx -y @github/copilot@0.0.399 -p \"fix the issue\" --allow-tool 'shell'\n" +
        "      - run: npx -y @github/copilot@0.0.399 -p \"update the changelog\"\n" +
        "        env: { COPILOT_ALLOW_ALL: \"true\" }\n";
}
