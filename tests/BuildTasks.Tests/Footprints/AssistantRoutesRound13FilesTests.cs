using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 13 routes 15, 13 and 16 (issue 12): the command lines of the other CI systems' pipeline files, scripts
/// that are not <c>*.sh</c>, and the assistants' GitHub actions through a mirror or fork or a local action.
/// </summary>
public class AssistantRoutesRound13FilesTests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private const string Claude = "claude -p fix --model claude-opus-4-1 --dangerously-skip-permissions";

    private const string Gemini = "npx -y @google/gemini-cli --yolo -p review";

    // ---- Route 15: the other CI systems' command fields ----

    [Theory]
    [InlineData("Jenkinsfile", "pipeline {\n  agent any\n  stages { stage('review') { steps {\n    sh '" + Claude + "'\n  } } }\n}\n", 4)]
    [InlineData("Jenkinsfile", "node {\n  stage('r') {\n    sh(script: \"" + Claude + "\", returnStatus: true)\n  }\n}\n", 3)]
    [InlineData("Jenkinsfile", "node {\n  sh '''\n    npm ci\n    " + Claude + "\n  '''\n}\n", 4)]
    [InlineData("Jenkinsfile", "node {\n  bat \"\"\"\n    " + Claude + "\n  \"\"\"\n}\n", 3)]
    [InlineData("Jenkinsfile", "node {\n  powershell script: '" + Claude + "'\n}\n", 2)]
    [InlineData(".buildkite/pipeline.yml", "steps:\n  - label: review\n    command: " + Claude + "\n", 3)]
    [InlineData(".buildkite/pipeline.yml", "steps:\n  - label: review\n    commands:\n      - npm ci\n      - " + Claude + "\n", 5)]
    [InlineData(".drone.yml", "kind: pipeline\nsteps:\n  - name: review\n    image: node:22\n    commands:\n      - " + Claude + "\n", 6)]
    [InlineData(".woodpecker.yml", "steps:\n  review:\n    image: node:22\n    commands:\n      - " + Claude + "\n", 5)]
    [InlineData(".travis.yml", "language: node_js\nscript:\n  - " + Claude + "\n", 3)]
    [InlineData(".travis.yml", "language: node_js\nbefore_install:\n  - npm i -g @anthropic-ai/claude-code\nafter_success: " + Claude + "\n", 4)]
    [InlineData("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - " + Claude + "\n", 5)]
    [InlineData("cloudbuild.yaml", "steps:\n  - name: node:22\n    entrypoint: bash\n    args: [\"-c\", \"" + Claude + "\"]\n", 3)]
    [InlineData("cloudbuild.yaml", "steps:\n  - name: node:22\n    entrypoint: claude\n    args: [\"-p\", \"fix\", \"--model\", \"claude-opus-4-1\", \"--dangerously-skip-permissions\"]\n", 3)]
    [InlineData("appveyor.yml", "image: Ubuntu\nbuild_script:\n  - sh: " + Claude + "\n", 3)]
    [InlineData(".cirrus.yml", "task:\n  container:\n    image: node:22\n  review_script: " + Claude + "\n", 4)]
    [InlineData(".tekton/review.yaml", "apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n    - name: review\n      image: node:22\n      script: " + Claude + "\n", 7)]
    [InlineData(".tekton/review.yaml", "apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n    - name: review\n      image: node:22\n      command: [\"claude\"]\n      args: [\"-p\", \"fix\", \"--model\", \"claude-opus-4-1\", \"--dangerously-skip-permissions\"]\n", 7)]
    public void Route15_the_other_pipeline_files_command_lines_are_GRD133_and_GRD134(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal((file, line), (model.File, model.Line));
        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, line), (bypass.File, bypass.Line));
        Assert.True(run.IsError(bypass), run.ToString());
    }

    [Theory]
    [InlineData("Jenkinsfile", "node {\n  sh 'gemini -p review --yolo'\n}\n", 2)]
    [InlineData(".drone.yml", "kind: pipeline\nsteps:\n  - name: fix\n    image: node:22\n    commands:\n      - codex exec --full-auto fix\n", 6)]
    public void Route15_an_undeclared_assistant_by_program_name_in_another_pipeline_is_GRD130(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Contains(run.Of("GRD130"), f => f.File == file && f.Line == line && run.IsError(f));
    }

    [Fact]
    public void Route15_control_pipelines_without_an_assistant_are_silent()
    {
        using var repo = new FootprintRepo();
        repo.Write("Jenkinsfile", "node {\n  sh 'dotnet build'\n  echo 'claude is a name'\n}\n");
        repo.Write(".travis.yml", "language: csharp\nscript:\n  - dotnet test\n");
        repo.Write("cloudbuild.yaml", "steps:\n  - name: gcr.io/cloud-builders/docker\n    args: [\"build\", \"-t\", \"app\", \".\"]\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD133"));
        Assert.Empty(run.Of("GRD134"));
    }

    // ---- Route 13: scripts not named *.sh ----

    [Theory]
    [InlineData("scripts/fix.bash", "#!/usr/bin/env bash\nset -e\n" + Claude + "\n", 3)]
    [InlineData("fix.zsh", "#!/bin/zsh\n" + Claude + "\n", 2)]
    [InlineData("build.ps1", "param([string]$Task = 'fix')\n& claude -p $Task --model claude-opus-4-1 --dangerously-skip-permissions\n", 2)]
    [InlineData("scripts/tools.psm1", "function Invoke-Fix {\n  claude -p fix --model claude-opus-4-1 --dangerously-skip-permissions\n}\n", 2)]
    [InlineData("scripts/review.cmd", "@echo off\nREM review\ncall " + Claude + "\n", 3)]
    [InlineData("fix.bat", "@" + Claude + "\n", 1)]
    public void Route13_scripts_of_other_kinds_are_read_line_by_line(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, line), (bypass.File, bypass.Line));
        Assert.Single(run.Of("GRD133"));
    }

    [Theory]
    [InlineData(".githooks/pre-commit", "#!/bin/sh\n" + Gemini + "\n", 2)]
    [InlineData("tools/review", "#!/usr/bin/env bash\n" + Gemini + "\n", 2)]
    [InlineData("tools/agent", "#!/bin/sh\n# a tool\n" + Gemini + "\n", 3)]
    public void Route13_hooks_and_committed_shebang_scripts_run_an_undeclared_assistant_GRD130(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        string file = Path.Combine(repo.Root, path.Replace('/', Path.DirectorySeparatorChar));
        Assert.Contains(run.Of("GRD130"), f => f.File == file && f.Line == line && run.IsError(f));
    }

    [Fact]
    public void Route13_control_an_extension_less_file_without_a_shell_shebang_is_not_a_script()
    {
        using FootprintRepo repo = FootprintRepo.Committed(("tools/notes", Gemini + "\n"), ("tools/run", "#!/usr/bin/env python3\nprint('" + Gemini + "')\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        // Not read as scripts; the Gemini --yolo in them still counts by the committed-flag pass (round 14, CommittedFlags.cs).
        Assert.DoesNotContain(run.Of("GRD130"), f => f.File.Contains("tools") && !f.Message.Contains("counts wherever it is committed"));
    }

    // ---- Route 16: mirrored actions and local actions ----

    [Fact]
    public void Route16_an_assistant_action_under_another_owner_is_the_assistant_and_its_inputs_are_judged()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml",
            "on: [pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n" +
            "      - uses: contoso-actions/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.K }}\n          claude_args: --dangerously-skip-permissions --model claude-opus-4-1\n" +
            "      - uses: contoso-actions/run-gemini-cli@v0\n        with:\n          gemini_api_key: ${{ secrets.G }}\n" +
            "      - uses: contoso-actions/codex-action@v1\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Single(run.Of("GRD133"));
        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 9), (bypass.File, bypass.Line));
        Finding gemini = Assert.Single(run.Of("GRD130"), f => f.Message.Contains("gemini"));
        Assert.Contains("mirror or fork of google-github-actions/run-gemini-cli", gemini.Message);
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("openai-codex") && f.Message.Contains("mirror or fork of openai/codex-action"));
    }

    [Fact]
    public void Route16_a_local_action_that_runs_an_assistant_is_its_launcher()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ai.yml", "on: [issue_comment]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/fixer\n      - uses: ./.github/actions/review\n");
        string docker = repo.Write(".github/actions/fixer/action.yml", "name: fixer\nruns:\n  using: docker\n  image: docker://paulgauthier/aider\n");
        string composite = repo.Write(".github/actions/review/action.yml", "name: review\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: gemini -p review --yolo\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Contains(run.Of("GRD130"), f => f.File == composite && f.Line == 6 && f.Message.Contains("gemini"));
        Assert.Contains(run.Of("GRD130"), f => f.File == docker && f.Line == 4 && f.Message.Contains("aider"));
    }

    [Fact]
    public void Route16_control_an_ordinary_action_under_any_owner_is_silent()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ci.yml", "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: contoso-actions/checkout@v4\n      - uses: contoso-actions/setup-dotnet@v4\n        with:\n          dotnet-version: 8.0.x\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
    }
}
