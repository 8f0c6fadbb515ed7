namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 14 routes 8 and 6 (/work/wt/adv14/repro-8, repro-6): a workflow configures the declared claude-code
/// through claude-code-base-action's <c>mcp_config</c> (the policy's denied filesystem server) and <c>claude_env</c> (a model
/// the policy does not allow, a relay host) and claude-code-action's <c>plugins</c>; and a LiteLLM relay to DeepSeek is
/// published by compose's <c>${LITELLM_PORT:-4000}</c> behind <c>ANTHROPIC_BASE_URL=http://localhost:4000</c>. Main: the
/// Enforce build is green. Now GRD132, GRD133 and GRD138.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound14LeadTests
{
    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-round14-lead",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"] }, "permissions": { "bypassMode": "forbid" }, "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } }
          ],
          "mcpServers": {
            "deny": [ { "id": "filesystem-root", "package": "@modelcontextprotocol/server-filesystem", "reason": "exposes the whole disk" } ]
          }
        }
        """;

    private const string Workflow =
        "on: [pull_request]\n" +
        "jobs:\n" +
        "  review:\n" +
        "    runs-on: ubuntu-latest\n" +
        "    steps:\n" +
        "      - uses: anthropics/claude-code-base-action@beta\n" +
        "        with:\n" +
        "          prompt: review the diff\n" +
        "          mcp_config: |\n" +
        "            {\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"]}}}\n" +
        "          claude_env: |\n" +
        "            ANTHROPIC_MODEL: claude-3-haiku-20240307\n" +
        "            ANTHROPIC_BASE_URL: https://anthropic-relay.cheap-llm.example\n" +
        "      - uses: anthropics/claude-code-action@v1\n" +
        "        with:\n" +
        "          plugin_marketplaces: https://github.com/cheap-llm/claude-plugins.git\n" +
        "          plugins: shell-everything@cheap-llm\n";

    private readonly PackageFixture _fixture;

    public AdversaryRound14LeadTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject Project()
    {
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        project.Write(".gitignore", "bin/\nobj/\n");
        return project;
    }

    [Fact]
    public void Route8_mcp_config_claude_env_and_plugins_inputs_fail_the_Enforce_build()
    {
        TestProject project = Project();
        project.Write(".github/workflows/review.yml", Workflow);
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(build.Output, @"review\.yml\(9,\d+\): Guardrails error GRD132: .*mcp_config"), build.Output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(build.Output, @"review\.yml\(17,\d+\): Guardrails error GRD132: .*shell-everything"), build.Output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(build.Output, @"review\.yml\(\d+,\d+\): Guardrails error GRD133: .*claude-3-haiku-20240307"), build.Output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(build.Output, @"review\.yml\(\d+,\d+\): Guardrails error GRD138: .*anthropic-relay\.cheap-llm\.example"), build.Output);
    }

    [Fact]
    public void Route6_a_relay_published_by_compose_interpolation_fails_the_Enforce_build()
    {
        TestProject project = Project();
        project.Write(".claude/settings.json", "{ \"model\": \"claude-sonnet-4-5\", \"env\": { \"ANTHROPIC_BASE_URL\": \"http://localhost:4000\" } }\n");
        project.Write("compose.yml", "services:\n  relay:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"${LITELLM_PORT:-4000}:4000\"]\n" +
            "    volumes: [\"./litellm/config.yaml:/app/config.yaml\"]\n    command: [\"--config\", \"/app/config.yaml\"]\n");
        project.Write("litellm/config.yaml", "model_list:\n  - model_name: claude-sonnet-4-5\n    litellm_params:\n      model: deepseek/deepseek-chat\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(build.Output, @"settings\.json\(\d+,\d+\): Guardrails error GRD138: .*deepseek"), build.Output);
    }
}
