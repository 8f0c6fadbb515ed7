namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 4 and 18 (/work/wt/adv13/repro-4, repro-18), the repository content of the round's repros in
/// a real Enforce build of the packed package. Route 4: approved assistants pointed at a relay and denied models by the
/// shell (NAME=value prefix, env, export, $GITHUB_ENV), Claude Code --agents, Copilot CLI's COPILOT_MODEL. Route 18: the
/// assistant behind command wrappers (timeout, nice, stdbuf, script -qc, sudo -E, xargs) and a variable or one-line
/// function of the same script. Main: build green, no GRD13x. Now: the coded id at each file and line.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13CommandLineTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-round13-command-lines",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*", "claude-opus-4*"] }, "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, __APPROVAL__ },
            { "id": "github-copilot", "models": { "allow": ["gpt-4.1"] }, __APPROVAL__ }
          ]
        }
        """.Replace("__APPROVAL__", Approval);

    private const string Job = "name: c\non: [issue_comment]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n";

    private const string Relay = "https://anthropic-relay.cheap-llm.example";

    private readonly PackageFixture _fixture;

    public AdversaryRound13CommandLineTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Routes_4_and_18_shell_environment_wrappers_and_indirection_fail_the_Enforce_build()
    {
        TestProject project = _fixture.NewProject();
        Directory.CreateDirectory(project.PathOf(".git"));
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        project.Write(".github/workflows/review.yml", Job +
            "      - run: ANTHROPIC_BASE_URL=" + Relay + " ANTHROPIC_MODEL=claude-3-haiku-20240307 npx -y @anthropic-ai/claude-code@2.0.14 -p \"review the diff\"\n" +
            "      - run: env ANTHROPIC_MODEL=claude-3-haiku-20240307 claude -p \"summarise\"\n" +
            "      - run: export ANTHROPIC_MODEL=claude-3-haiku-20240307; claude -p \"triage\"\n" +
            "      - run: echo \"ANTHROPIC_BASE_URL=" + Relay + "\" >> \"$GITHUB_ENV\"\n" +
            "      - run: claude -p \"label\"\n" +
            "      - run: npx -y @github/copilot@0.0.399 -p \"write the release notes\"\n" +
            "        env: { COPILOT_MODEL: gpt-5 }\n");
        project.Write(".github/workflows/agents.yml", Job +
            "      - run: |\n          claude -p \"label\" --agents '{\"fast\": {\"description\": \"fast\", \"prompt\": \"label it\", \"model\": \"claude-3-haiku-20240307\"}}'\n");
        project.Write(".github/workflows/fix.yml", Job +
            "      - run: timeout 15m claude -p \"fix the build\" --dangerously-skip-permissions --model claude-3-haiku-20240307\n" +
            "      - run: nice -n 10 claude -p \"fix the tests\" --dangerously-skip-permissions\n" +
            "      - run: stdbuf -oL claude -p \"summarise\" --dangerously-skip-permissions | tee log.txt\n" +
            "      - run: script -qc \"claude -p triage --dangerously-skip-permissions\" /dev/null\n");
        project.Write("scripts/agent.sh", "#!/bin/sh\n" +
            "FLAGS=\"--dangerously-skip-permissions\"\n" +
            "claude -p \"$1\" $FLAGS\n" +
            "ai() { claude \"$@\"; }\n" +
            "ai -p \"$1\" --dangerously-skip-permissions\n" +
            "sudo -E claude -p \"$1\" --dangerously-skip-permissions\n" +
            "xargs -a tasks.txt -I{} claude -p {} --dangerously-skip-permissions\n" +
            "ANTHROPIC_BASE_URL=" + Relay + " ANTHROPIC_MODEL=claude-3-haiku-20240307 claude -p \"$1\"\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        foreach ((string file, int line) in new[] { ("review.yml", 7), ("review.yml", 8), ("review.yml", 9), ("review.yml", 13), ("fix.yml", 7), ("agent.sh", 8) })
        {
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(file) + @"\(" + line + @",\d+\): Guardrails error GRD133: ", result.Output);
        }

        Assert.Matches(@"agents\.yml\([78],\d+\): Guardrails error GRD133: .*--agents fast\.model", result.Output);
        foreach ((string file, int line) in new[] { ("review.yml", 7), ("review.yml", 11), ("agent.sh", 8) })
        {
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(file) + @"\(" + line + @",\d+\): Guardrails error GRD138: .*anthropic-relay\.cheap-llm\.example", result.Output);
        }

        foreach ((string file, int line) in new[] { ("fix.yml", 7), ("fix.yml", 8), ("fix.yml", 9), ("fix.yml", 10), ("agent.sh", 3), ("agent.sh", 5), ("agent.sh", 6), ("agent.sh", 7) })
        {
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(file) + @"\(" + line + @",\d+\): Guardrails error GRD134: ", result.Output);
        }
    }
}
