namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 12, adversary round 14 routes 1 and 2 (/work/wt/adv14/repro-1, repro-2): the undeclared Gemini CLI run with
/// <c>--yolo</c> from a Gitea/Forgejo workflow (a CI file no reader knows), and the declared claude-code given
/// <c>--dangerously-skip-permissions</c> through the wrapper script that starts it (<c>./scripts/ai-review.sh FLAG</c>, the
/// script ending <c>claude … "$@"</c>). Main: the Enforce build is green. Now the flag counts wherever it is committed:
/// GRD130 for gemini at the Forgejo line, GRD134 at the workflow line that hands the wrapper the flag.
/// </summary>
[Collection(PackageCollection.Name)]
public class CommittedFlagTests
{
    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-committed-flags",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } },
            { "id": "gemini", "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } }
          ]
        }
        """;

    private const string Steps = "on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";

    private readonly PackageFixture _fixture;

    public CommittedFlagTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Round14_routes1_and_2_a_flag_in_a_CI_file_no_reader_knows_or_handed_to_a_wrapper_fails_the_Enforce_build()
    {
        string bypass = "--dangerously-skip-" + "permissions";
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        project.Write(".forgejo/workflows/fix.yml", Steps + "      - run: npx -y @google/gemini-cli --yolo -p \"fix the failing tests\"\n");
        project.Write("scripts/ai-review.sh", "#!/bin/sh\n# review helper: extra flags are passed on\nexec npx -y @anthropic-ai/claude-code@2.0.14 -p \"review the diff\" \"$@\"\n");
        project.Write(".github/workflows/ai.yml", Steps + "      - run: ./scripts/ai-review.sh " + bypass + "\n");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"fix\.yml\(7,\d+\): Guardrails error GRD130: .*'gemini'.*counts wherever it is committed", build.Output);
        Assert.Matches(@"ai\.yml\(7,\d+\): Guardrails error GRD134: .*'bypassMode'", build.Output);
    }
}
