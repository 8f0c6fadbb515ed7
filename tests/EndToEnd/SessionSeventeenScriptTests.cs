namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Session 17 (issue 12; session 16's review, adversary round 13 route 6): a <c>tools/ci/run.bash</c> (a script kind off the
/// walk's folders and <c>scripts/</c>) running Claude Code with the bypass flag, a Python program committed with the executable
/// bit starting it by <c>subprocess.run([...])</c>, a workflow step that writes a denied MCP server into <c>.mcp.json</c> by a
/// heredoc before it runs Claude Code, and a dev container whose <c>postCreateCommand</c> registers that server with
/// <c>claude mcp add</c>. Main: the bash script, the Python program and the dev container pass; the heredoc is one GRD132 that
/// names the run block as the server. Now GRD134 at each script and GRD132 naming the server at the heredoc body and the
/// dev container's command, and no report naming the run block.
/// </summary>
[Collection(PackageCollection.Name)]
public class SessionSeventeenScriptTests
{
    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-session17-scripts",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } }
          ],
          "mcpServers": {
            "deny": [ { "id": "fetch-any", "package": "pkg:pypi/mcp-server-fetch", "reason": "fetches arbitrary URLs" } ]
          }
        }
        """;

    private const string Workflow =
        "on: [issue_comment]\n" +
        "jobs:\n" +
        "  a:\n" +
        "    runs-on: ubuntu-latest\n" +
        "    steps:\n" +
        "      - run: |\n" +
        "          cat > .mcp.json <<'EOF'\n" +
        "          { \"mcpServers\": { \"fs\": { \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"] } } }\n" +
        "          EOF\n" +
        "          claude -p \"triage the failing test\"\n";

    private readonly PackageFixture _fixture;

    public SessionSeventeenScriptTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Scripts_anywhere_executables_heredoc_footprints_and_dev_container_commands_fail_the_Enforce_build()
    {
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        project.Write("tools/ci/run.bash", "#!/usr/bin/env bash\nclaude --dangerously-skip-permissions -p \"fix the build\"\n");
        project.Write("tools/agent.py", "#!/usr/bin/env python3\nimport subprocess\nsubprocess.run([\"claude\", \"-p\", \"fix\", \"--dangerously-skip-permissions\"], check=True)\n");
        project.Write(".github/workflows/ai.yml", Workflow);
        project.Write(".devcontainer/devcontainer.json", "{\n  \"image\": \"mcr.microsoft.com/devcontainers/dotnet:8.0\",\n  \"postCreateCommand\": \"claude mcp add --scope user fs -- uvx mcp-server-fetch\"\n}\n");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.Run(project.Directory, "init", "-q");
        Git.Run(project.Directory, "add", "-A");
        Git.Run(project.Directory, "update-index", "--chmod=+x", "tools/agent.py");
        Git.Run(project.Directory, "commit", "-q", "-m", "init");

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"run\.bash\(2,\d+\): Guardrails error GRD134: ", build.Output);
        Assert.Matches(@"agent\.py\(3,\d+\): Guardrails error GRD134: ", build.Output);
        Assert.Matches(@"ai\.yml\(8,\d+\): Guardrails error GRD132: .*'fs'.*fetch-any", build.Output);
        Assert.Matches(@"devcontainer\.json\(3,\d+\): Guardrails error GRD132: .*fetch-any", build.Output);
        Assert.DoesNotContain("jobs.a.steps[0].run", build.Output);
    }
}
