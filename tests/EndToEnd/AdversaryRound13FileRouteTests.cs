namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 15, 13 and 16 (issue 12), each with the repository content of the round's repros
/// (/work/wt/adv13/repro-15, repro-13, repro-16) in a real Enforce build of the packed package: assistant command lines in
/// the other CI systems' pipeline files, in scripts that are not <c>*.sh</c>, and behind a mirrored or local GitHub action.
/// Main: each build green.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13FileRouteTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv13-files", 1, members: """
        "defaults": { "unknownAssistant": "deny" },
        "assistants": [
          { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"] }, "permissions": { "bypassMode": "forbid" }, __APPROVAL__ }
        ]
        """.Replace("__APPROVAL__", Approval));

    private const string Claude = "claude -p \"review the change\" --dangerously-skip-permissions --model claude-3-haiku-20240307";

    private readonly PackageFixture _fixture;

    public AdversaryRound13FileRouteTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject NewRepository(string assistants) =>
        _fixture.NewPinnedProject(Policy,
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"github.com/contoso/payments\", \"tier\": \"standard\", \"dataClass\": \"internal\", \"owner\": { \"team\": \"Payments\", \"contact\": \"payments@contoso.example\" }, \"assistants\": " + assistants + " }",
            ("GuardrailsMode", "Enforce"));

    /// <summary>
    /// Route 15 (repro-15): the declared claude-code with the bypass flag and a denied model in a Jenkinsfile, Buildkite,
    /// Drone, Travis, CodeBuild, Cloud Build, AppVeyor and Tekton; undeclared Gemini (Jenkinsfile) and Codex (Drone) by
    /// program name. Now: GRD134 and GRD133 in each file, GRD130 for gemini and openai-codex.
    /// </summary>
    [Fact]
    public void Route15_assistants_in_the_other_CI_systems_pipeline_files_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[ { \"id\": \"claude-code\", \"version\": \"2.0.14\" } ]");
        string quoted = "'" + Claude + "'";
        project.Write(".claude/settings.json", "{ \"model\": \"claude-sonnet-4-5\" }\n");
        project.Write("Jenkinsfile", "pipeline { agent any\n  stages { stage('review') { steps { sh '" + Claude.Replace("\"", "\\\"") + "'; sh 'gemini -p review --yolo' } } } }\n");
        project.Write(".buildkite/pipeline.yml", "steps:\n  - label: review\n    command: " + quoted + "\n");
        project.Write(".drone.yml", "kind: pipeline\nname: ai\nsteps:\n  - name: ai\n    image: node:20\n    commands:\n      - " + quoted + "\n      - codex exec --full-auto \"fix the tests\"\n");
        project.Write(".travis.yml", "language: node_js\nscript:\n  - " + quoted + "\n");
        project.Write("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - " + quoted + "\n");
        project.Write("cloudbuild.yaml", "steps:\n  - name: node:20\n    entrypoint: bash\n    args: [\"-c\", " + quoted + "]\n");
        project.Write("appveyor.yml", "build_script:\n  - " + quoted + "\n");
        project.Write(".tekton/review.yaml", "apiVersion: tekton.dev/v1\nkind: Task\nmetadata:\n  name: ai\nspec:\n  steps:\n    - name: ai\n      image: node:20\n      script: |\n        " + Claude + "\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        // Tekton's script is a block scalar: its line is the indicator's or the first content line's
        foreach ((string file, string line) in new[]
        {
            ("Jenkinsfile", "2"), (@"\.buildkite[/\\]pipeline\.yml", "3"), (@"\.drone\.yml", "7"), (@"\.travis\.yml", "3"), (@"buildspec\.yml", "5"),
            (@"cloudbuild\.yaml", "3"), (@"appveyor\.yml", "2"), (@"\.tekton[/\\]review\.yaml", "(?:9|10)"),
        })
        {
            Assert.Matches(file + @"\(" + line + @",\d+\): Guardrails error GRD134: [^\n]*--dangerously-skip-permissions", build.Output);
            Assert.Matches(file + @"\(" + line + @",\d+\): Guardrails error GRD133: [^\n]*'claude-3-haiku-20240307'", build.Output);
        }

        Assert.Matches(@"Jenkinsfile\(\d+,\d+\): Guardrails error GRD130: [^\n]*'gemini'", build.Output);
        Assert.Matches(@"\.drone\.yml\(\d+,\d+\): Guardrails error GRD130: [^\n]*'openai-codex'", build.Output);
    }

    /// <summary>
    /// Route 13 (repro-13): a .githooks hook and an extension-less shebang script run Gemini (undeclared); scripts/fix.bash and
    /// build.ps1 run the declared claude-code with the bypass flag and a denied model; scripts/fix.zsh runs Codex with its
    /// bypass; scripts/review.cmd runs Gemini. Now: GRD130 for each undeclared one, GRD134/GRD133 for claude-code.
    /// </summary>
    [Fact]
    public void Route13_assistants_in_scripts_that_are_not_sh_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[ { \"id\": \"claude-code\", \"version\": \"2.0.14\" } ]");
        project.Write(".claude/settings.json", "{ \"model\": \"claude-sonnet-4-5\" }\n");
        project.Write(".githooks/pre-commit", "#!/bin/sh\nnpx -y @google/gemini-cli -p \"review the staged changes\" --yolo\n");
        project.Write("tools/review", "#!/usr/bin/env bash\ngemini -p \"$*\" --yolo\n");
        project.Write("scripts/fix.bash", "#!/usr/bin/env bash\nclaude -p \"$1\" --dangerously-skip-permissions --model claude-3-haiku-20240307\n");
        project.Write("scripts/fix.zsh", "#!/bin/zsh\nnpx -y @openai/codex exec --dangerously-bypass-approvals-and-sandbox \"$1\"\n");
        project.Write("build.ps1", "param([string]$Task = \"build\")\ndotnet build -c Release\nnpx -y @anthropic-ai/claude-code@2.0.14 -p \"fix any build error\" --dangerously-skip-permissions --model claude-3-haiku-20240307\n");
        project.Write("scripts/review.cmd", "@echo off\r\ngemini -p \"%*\" --yolo\r\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"\.githooks[/\\]pre-commit\(\d+,\d+\): Guardrails error GRD130: [^\n]*'gemini'", build.Output);
        Assert.Matches(@"tools[/\\]review\(2,\d+\): Guardrails error GRD130: [^\n]*'gemini'", build.Output);
        Assert.Matches(@"scripts[/\\]review\.cmd\(2,\d+\): Guardrails error GRD130: [^\n]*'gemini'", build.Output);
        Assert.Matches(@"scripts[/\\]fix\.zsh\(\d+,\d+\): Guardrails error GRD130: [^\n]*'openai-codex'", build.Output);
        foreach ((string file, int line) in new[] { (@"scripts[/\\]fix\.bash", 2), (@"build\.ps1", 3) })
        {
            Assert.Matches(file + @"\(" + line + @",\d+\): Guardrails error GRD134: [^\n]*--dangerously-skip-permissions", build.Output);
            Assert.Matches(file + @"\(" + line + @",\d+\): Guardrails error GRD133: [^\n]*'claude-3-haiku-20240307'", build.Output);
        }
    }

    /// <summary>
    /// Route 16 (repro-16): claude-code-action, run-gemini-cli and codex-action through the organisation's mirror
    /// (contoso-actions/…), and a local docker action whose image is Aider's; no assistant declared. Now: GRD130 for each,
    /// the message naming the upstream action, and the claude_args flags judged (GRD134).
    /// </summary>
    [Fact]
    public void Route16_assistant_actions_through_a_mirror_or_a_local_action_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[]");
        project.Write(".github/workflows/ai.yml",
            "on: [pull_request, issue_comment]\njobs:\n  ai:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" +
            "      - uses: contoso-actions/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: --dangerously-skip-permissions --model claude-3-haiku-20240307\n" +
            "      - uses: contoso-actions/run-gemini-cli@v0\n        with:\n          gemini_api_key: ${{ secrets.GEMINI_API_KEY }}\n          prompt: review this pull request\n" +
            "      - uses: contoso-actions/codex-action@v1\n        with:\n          openai-api-key: ${{ secrets.OPENAI_API_KEY }}\n          sandbox: danger-full-access\n          prompt: fix the failing tests\n" +
            "      - uses: ./.github/actions/fixer\n");
        project.Write(".github/actions/fixer/action.yml", "name: fixer\nruns:\n  using: docker\n  image: docker://paulgauthier/aider:v0.86.0\n  args: [\"--yes-always\", \"--message\", \"fix\"]\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"ai\.yml\(\d+,\d+\): Guardrails error GRD130: [^\n]*'claude-code'[^\n]*mirror or fork of anthropics/claude-code-action", build.Output);
        Assert.Matches(@"ai\.yml\(\d+,\d+\): Guardrails error GRD130: [^\n]*'gemini'[^\n]*mirror or fork of google-github-actions/run-gemini-cli", build.Output);
        Assert.Matches(@"ai\.yml\(\d+,\d+\): Guardrails error GRD130: [^\n]*'openai-codex'[^\n]*mirror or fork of openai/codex-action", build.Output);
        Assert.Matches(@"fixer[/\\]action\.yml\(4,\d+\): Guardrails error GRD130: [^\n]*'aider'", build.Output);
    }
}
