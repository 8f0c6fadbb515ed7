namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 10 route 4 remainders and route 1's scan variants (/work/wt/adv10/repro-4/var-*, the route 1 paragraph),
/// each with the repository content of the round's repro in a real build of the packed package: the build fails with the
/// coded id at the file and line.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound10AssistantRouteTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-round10-assistants",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "models": { "deny": ["claude-opus-4-1", "claude-opus-4*"] }, "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, __APPROVAL__ }
          ]
        }
        """.Replace("__APPROVAL__", Approval);

    private const string Job = "name: c\non: [pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n";

    private readonly PackageFixture _fixture;

    public AdversaryRound10AssistantRouteTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject NewRepository()
    {
        TestProject project = _fixture.NewProject();
        Directory.CreateDirectory(project.PathOf(".git"));
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        return project;
    }

    /// <summary>
    /// Route 4 (repro-4 var-*): claude-code declared and approved, run from CI with a denied model and the forbidden bypass
    /// through a YAML alias, a job variable, the job's ANTHROPIC_MODEL, inline --settings JSON, a GitLab variable holding the
    /// command, GitLab job variables, npm exec --package and node …/cli.js. Main: build green, no GRD13x (scan 0 for each).
    /// Now: GRD133 (and GRD134 where the bypass is given) at each line.
    /// </summary>
    [Fact]
    public void Route4_an_approved_assistant_reached_indirectly_from_CI_with_a_denied_model_and_the_bypass_fails_the_Enforce_build()
    {
        TestProject project = NewRepository();
        project.Write(".github/workflows/alias.yml", "name: c\non: [pull_request]\nenv:\n  CMD: &cmd npx -y @anthropic-ai/claude-code --model claude-opus-4-1 --dangerously-skip-permissions -p hi\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: *cmd\n");
        project.Write(".github/workflows/var.yml", Job + "    env:\n      M: claude-opus-4-1\n    steps:\n      - run: npx -y @anthropic-ai/claude-code --model \"$M\" -p hi\n");
        project.Write(".github/workflows/envmodel.yml", Job + "    env:\n      ANTHROPIC_MODEL: claude-opus-4-1\n    steps:\n      - run: npx -y @anthropic-ai/claude-code -p hi\n");
        project.Write(".github/workflows/settings.yml", Job + "    steps:\n      - run: npx -y @anthropic-ai/claude-code --settings '{\"model\":\"claude-opus-4-1\",\"permissions\":{\"defaultMode\":\"bypassPermissions\"}}' -p hi\n");
        project.Write(".github/workflows/npmexec.yml", Job + "    steps:\n      - run: npm exec --yes --package=@anthropic-ai/claude-code -- claude --model claude-opus-4-1 --dangerously-skip-permissions -p hi\n");
        project.Write(".github/workflows/node.yml", Job + "    steps:\n      - run: npm i @anthropic-ai/claude-code && node node_modules/@anthropic-ai/claude-code/cli.js --model claude-opus-4-1 --dangerously-skip-permissions -p hi\n");
        project.Write(".gitlab-ci.yml", "variables:\n  CMD: npx -y @anthropic-ai/claude-code --model claude-opus-4-1 --dangerously-skip-permissions -p hi\nreview:\n  script:\n    - $CMD\nreview2:\n  variables:\n    ANTHROPIC_MODEL: claude-opus-4-1\n  script:\n    - npx -y @anthropic-ai/claude-code -p hi\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        foreach ((string file, int line) in new[] { ("alias.yml", 4), ("var.yml", 9), ("envmodel.yml", 7), ("settings.yml", 7), ("npmexec.yml", 7), ("node.yml", 7), (".gitlab-ci.yml", 5), (".gitlab-ci.yml", 8) })
        {
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(file) + @"\(" + line + @",\d+\): Guardrails error GRD133: ", result.Output);
        }

        foreach ((string file, int line) in new[] { ("alias.yml", 4), ("settings.yml", 7), ("npmexec.yml", 7), ("node.yml", 7), (".gitlab-ci.yml", 5) })
        {
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(file) + @"\(" + line + @",\d+\): Guardrails error GRD134: ", result.Output);
        }
    }

    /// <summary>
    /// Route 1, scan variants: a package.json script that is not a lifecycle one runs an undeclared assistant, and assistant
    /// CLIs are declared as npm and PyPI dependencies. Main: build green, scan 0. Now: GRD130 at each line.
    /// </summary>
    [Fact]
    public void Route1_package_json_scripts_of_any_name_and_assistant_CLIs_as_dependencies_fail_the_Enforce_build_with_GRD130()
    {
        TestProject project = NewRepository();
        project.Write("package.json", "{\n  \"name\": \"web\",\n  \"private\": true,\n  \"scripts\": {\n    \"review\": \"npx -y @google/gemini-cli --yolo -p hi\"\n  },\n  \"devDependencies\": {\n    \"opencode-ai\": \"^0.15.0\"\n  }\n}\n");
        project.Write("requirements.txt", "aider-chat==0.86.1\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"package\.json\(5,\d+\): Guardrails error GRD130: .*'gemini'.*npm run review", result.Output);
        Assert.Matches(@"package\.json\(8,\d+\): Guardrails error GRD130: .*installs 'opencode'", result.Output);
        Assert.Matches(@"requirements\.txt\(1,\d+\): Guardrails error GRD130: .*installs 'aider'", result.Output);
    }
}
