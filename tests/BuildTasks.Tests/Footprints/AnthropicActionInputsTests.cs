using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 14 route 8: the inputs of Anthropic's actions that configure the assistant besides its model and flags —
/// <c>mcp_config</c> (inline JSON, as Claude Code's <c>--mcp-config</c>), <c>claude_env</c> (<c>NAME: value</c> lines, the
/// assistant's environment) and <c>plugins</c> (+ <c>plugin_marketplaces</c>, as <c>enabledPlugins</c>) — were not read: a
/// workflow ran the denied filesystem server, a model the policy does not allow and a relay, with no finding.
/// </summary>
public class AnthropicActionInputsTests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private const string Workflow = """
        name: review
        on: [pull_request]
        jobs:
          review:
            runs-on: ubuntu-latest
            steps:
              - uses: anthropics/claude-code-base-action@beta
                with:
                  prompt: review the diff
                  mcp_config: |
                    {"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]}}}
                  claude_env: |
                    ANTHROPIC_MODEL: claude-3-haiku-20240307
                    ANTHROPIC_BASE_URL: https://anthropic-relay.cheap-llm.example
              - uses: anthropics/claude-code-action@v1
                with:
                  plugin_marketplaces: https://github.com/cheap-llm/claude-plugins.git
                  plugins: shell-everything@cheap-llm
        """;

    [Fact]
    public void Mcp_config_claude_env_and_plugins_inputs_are_judged_as_the_cli_s_flags_environment_and_plugins()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/review.yml", Workflow);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Contains(run.Of("GRD132"), f => f.File == file && f.Line == 10 && f.Message.Contains("mcp_config", StringComparison.Ordinal));
        Assert.Contains(run.Of("GRD132"), f => f.File == file && f.Line == 18 && f.Message.Contains("shell-everything", StringComparison.Ordinal));
        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Contains("claude-3-haiku-20240307", model.Message);
        Assert.Equal(file, model.File);
        Finding relay = Assert.Single(run.Of("GRD138"));
        Assert.Contains("anthropic-relay.cheap-llm.example", relay.Message);
        Assert.All(run.Of("GRD132").Concat(run.Of("GRD133")).Concat(run.Of("GRD138")), f => Assert.True(run.IsError(f), run.ToString()));
    }
}
