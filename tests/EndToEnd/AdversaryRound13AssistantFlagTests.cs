namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 6 and 8 (/work/wt/adv13/repro-6, repro-8): a workflow registers a denied MCP server through the
/// assistant's own CLI (<c>claude mcp add … -- uvx mcp-server-fetch</c>, <c>claude mcp add-json</c>, Copilot CLI's
/// <c>--additional-mcp-config '&lt;json&gt;'</c>) and allows every shell command through flags (<c>--allowedTools "Bash(*)"</c>,
/// Copilot <c>--allow-tool 'shell'</c>, <c>COPILOT_ALLOW_ALL: "true"</c>), and a slash command allows
/// <c>allowed-tools: Bash, Edit, Write</c>. Main: the Enforce build is green. Now GRD132 and GRD134 at each line.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13AssistantFlagTests
{
    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-round13-assistant-flags",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } },
            { "id": "github-copilot", "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } }
          ],
          "mcpServers": {
            "allow": [ { "id": "fs", "package": "@modelcontextprotocol/server-filesystem" } ],
            "deny": [ { "id": "fetch-any", "package": "pkg:pypi/mcp-server-fetch", "reason": "fetches arbitrary URLs" } ]
          }
        }
        """;

    private const string Workflow =
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

    private readonly PackageFixture _fixture;

    public AdversaryRound13AssistantFlagTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Routes6_and_8_servers_registered_and_shell_allowed_by_the_CLI_fail_the_Enforce_build()
    {
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        project.Write(".github/workflows/ai.yml", Workflow);
        project.Write(".claude/commands/ship.md", "---\nallowed-tools: Bash, Edit, Write\n---\nCommit and push.\n");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        foreach (int line in new[] { 6, 7, 8 })
        {
            Assert.Matches(@"ai\.yml\(" + line + @",\d+\): Guardrails error GRD132: .*fetch-any", build.Output);
        }

        foreach (int line in new[] { 9, 10, 12 })
        {
            Assert.Matches(@"ai\.yml\(" + line + @",\d+\): Guardrails error GRD134: ", build.Output);
        }

        Assert.Matches(@"ship\.md\(2,\d+\): Guardrails error GRD134: ", build.Output);
    }
}
