using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Issue 12, adversary round 14 routes 1, 2, 4, 9-12 and 14: an assistant's permission flag counts wherever it is committed
/// (<see cref="Launchers"/>' committed-flag pass, CommittedFlags.cs), whatever file kind or spelling runs it: the one-assistant
/// flags on any line, the shared ones (--yolo, -y, --approval-mode yolo) after an assistant's program or package on the line.
/// Prose, comments, lock files and a shared flag with no assistant are not hits; a precise reader's hit is not doubled.
/// </summary>
public class CommittedFlagsTests
{
    private const string Bypass = "--dangerously-skip-" + "permissions";

    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private static readonly string ClaudeAndCopilot = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ]");

    /// <summary>The harness policy with github-copilot's bypassMode and autoApprove forbidden.</summary>
    private static readonly string StrictCopilot = FootprintHarness.Policy.Replace(
        "{ \"id\": \"github-copilot\", \"models\": { \"allow\": [\"gpt-4.1\"] },",
        "{ \"id\": \"github-copilot\", \"models\": { \"allow\": [\"gpt-4.1\"] }, \"permissions\": { \"bypassMode\": \"forbid\", \"autoApprove\": \"forbid\" },");

    private const string Steps = "on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";

    // ---- Route 1: CI files no reader knows ----

    public static TheoryData<string, string, int> Route1Gemini => new()
    {
        // review, session 17: a workflow padded past the pass's 1 MiB buffer with comment lines (was: not searched at all)
        { ".gitea/workflows/padded.yml", Steps + string.Concat(Enumerable.Repeat("      # " + new string('x', 100) + "\n", 11000)) + "      - run: gemini --yolo -p fix\n", 11007 },
        { ".forgejo/workflows/fix.yml", Steps + "      - run: npx -y @google/gemini-cli --yolo -p \"fix the failing tests\"\n", 7 },
        { "ci/templates/ai.yml", "steps:\n  - script: claude -p \"review\"\n  - script: gemini --yolo -p \"fix\"\n", 3 },
        { ".semaphore/semaphore.yml", "version: v1.0\nname: ci\nblocks:\n  - name: ai\n    task:\n      jobs:\n        - name: fix\n          commands:\n            - gemini --yolo -p fix\n", 9 },
        { "argo/fix.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  entrypoint: r\n  templates:\n    - name: r\n      script:\n        image: node:20\n        command: [sh]\n        source: |\n          npx -y @google/gemini-cli --yolo -p fix\n", 11 },
        { "ci/fix.groovy", "sh \"gemini -p fix \\\n  --yolo\"\n", 2 },
        { ".drone.yaml", "kind: pipeline\ntype: docker\nname: ai\nsteps:\n  - name: fix\n    image: node:20\n    commands:\n      - npx -y @google/gemini-cli --approval-mode=yolo -p fix\n", 8 },
    };

    [Theory]
    [MemberData(nameof(Route1Gemini))]
    public void Round14_route1_the_undeclared_gemini_with_yolo_in_a_CI_file_no_reader_knows_is_GRD130(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD130"), x => x.Subject == "gemini");
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal((repo.Full(path), line), (f.File, f.Line));
        Assert.Contains("written in " + path + ":" + line + "; Guardrails does not know how this file runs it, so the flag counts wherever it is committed", f.Message);
    }

    public static TheoryData<string, string, int> Route1Claude => new()
    {
        { ".gitea/workflows/review.yml", Steps + "      - run: npx -y @anthropic-ai/claude-code@2.0.14 -p \"review the diff\" " + Bypass + "\n", 7 },
        { "Jenkinsfile.review", "pipeline { agent any\n  stages { stage('review') { steps {\n    sh 'claude -p review " + Bypass + "'\n  } } }\n}\n", 3 },
        { "vars/aiReview.groovy", "def call() {\n  sh 'claude -p review " + Bypass + "'\n}\n", 2 },
        { "Earthfile", "VERSION 0.8\nreview:\n    FROM node:20\n    RUN npx -y @anthropic-ai/claude-code@2.0.14 -p review " + Bypass + "\n", 4 },
        { ".circleci/continue_config.yml", "version: 2.1\njobs:\n  review:\n    docker: [{ image: node:20 }]\n    steps:\n      - run: claude -p review " + Bypass + "\n", 6 },
        { ".gitlab-ci.yml", "spec:\n  inputs:\n    stage:\n      default: test\n---\nreview:\n  stage: $[[ inputs.stage ]]\n  script:\n    - npx -y @anthropic-ai/claude-code@2.0.14 -p \"review\" " + Bypass + "\n", 9 },
    };

    [Theory]
    [MemberData(nameof(Route1Claude))]
    public void Round14_route1_the_declared_claude_with_the_bypass_in_a_CI_file_no_reader_knows_is_GRD134(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal((repo.Full(path), line), (f.File, f.Line));
        Assert.Contains("'bypassMode'", f.Message);
        Assert.StartsWith("'line " + line + " (Guardrails does not know how this file runs it, so the flag counts wherever it is committed)': ", f.Message);
    }

    // ---- Routes 2, 4, 10, 11, 12, 14: the flag handed through wrappers, compound commands, other step forms and languages ----

    public static TheoryData<string, string, int> BypassAnywhere => new()
    {
        // route 2: the wrapper's argument, npm run's, make's variable
        { ".github/workflows/ai.yml", Steps + "      - run: ./scripts/ai-review.sh " + Bypass + "\n", 7 },
        { ".github/workflows/ai.yml", Steps + "      - run: npm run review -- " + Bypass + "\n", 7 },
        { ".github/workflows/ai.yml", Steps + "      - run: make triage ARGS=" + Bypass + "\n", 7 },
        { "Makefile", "CLAUDE := claude " + Bypass + "\nreview:\n\t$(CLAUDE) -p \"review the diff\"\n", 1 },
        // route 4: compound commands
        { ".github/workflows/ai.yml", Steps + "      - run: 'if [ -n \"$GITHUB_HEAD_REF\" ]; then claude -p review " + Bypass + "; fi'\n", 7 },
        { ".github/workflows/ai.yml", Steps + "      - run: 'expect -c ''spawn claude -p chat " + Bypass + "; expect eof'''\n", 7 },
        { ".github/workflows/ai.yml", Steps + "      - run: '${AGENT:-claude} -p default " + Bypass + "'\n", 7 },
        // route 10: Jenkins step forms
        { "Jenkinsfile", "pipeline { agent any\n  stages { stage('ai') { steps {\n    sh label: 'review', script: \"claude -p review " + Bypass + "\"\n  } } }\n}\n", 3 },
        { "Jenkinsfile", "def FLAGS = '" + Bypass + "'\npipeline { agent any\n  stages { stage('ai') { steps {\n    sh(script: \"claude -p label ${FLAGS}\", returnStdout: true)\n  } } }\n}\n", 1 },
        // route 11: cmd ^ and PowerShell ` continuations
        { "scripts/fix.cmd", "@echo off\nclaude -p fix ^\n  " + Bypass + "\n", 3 },
        { "scripts/triage.ps1", "claude -p triage `\n  " + Bypass + "\n", 2 },
        // route 12: a Kustomize patch, Helm values
        { "deploy/k8s/kustomization.yaml", "resources: [job.yaml]\npatches:\n  - target: { kind: Job, name: review }\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/args/-\n        value: \"" + Bypass + "\"\n", 7 },
        { "deploy/chart/values.yaml", "agent:\n  args: [\"-p\", \"review the repository\", \"" + Bypass + "\"]\n", 2 },
        // route 14: PowerShell Start-Process, Python, Node
        { "scripts/review.ps1", "Start-Process -FilePath claude -ArgumentList \"-p review " + Bypass + "\" -Wait -NoNewWindow\n", 1 },
    };

    [Theory]
    [MemberData(nameof(BypassAnywhere))]
    public void Round14_the_bypass_flag_committed_anywhere_is_GRD134_for_the_declared_claude(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content), ("scripts/ai-review.sh", "#!/bin/sh\nexec npx -y @anthropic-ai/claude-code@2.0.14 -p \"review the diff\" \"$@\"\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal((repo.Full(path), line), (f.File, f.Line));
        Assert.Contains("'bypassMode'", f.Message);
        Assert.Empty(run.Of("GRD130"));
    }

    /// <summary>
    /// Program source is left to the readers of program code (landing, session 17: Guardrails' own samples build inside this
    /// repository, whose C# holds the flags in tables and test data: 54 false GRD130/GRD134). A Python or Node tool that is
    /// not committed executable, calling claude with the flag, is therefore not reported by this pass (GRD134.md Limits); the
    /// same file committed executable is, by the executable-script reader.
    /// </summary>
    [Theory]
    [InlineData("tools/label.py", "import subprocess\nsubprocess.run([\"claude\", \"-p\", \"label\", \"--dangerously-skip-permissions\"], check=True)\n")]
    [InlineData("tools/triage.mjs", "import { execFileSync } from \"node:child_process\";\nexecFileSync(\"claude\", [\"-p\", \"triage\", \"--dangerously-skip-permissions\"]);\n")]
    [InlineData("src/Flags.cs", "static class Flags { static readonly string[] Bypass = { \"--dangerously-skip-permissions\", \"--yolo\", \"--allow-all-tools\" }; }\n")]
    public void Program_source_is_left_to_the_code_readers_unless_committed_executable(string path, string content)
    {
        using FootprintRepo plain = FootprintRepo.Committed((path, content));
        using FootprintRepo executable = FootprintRepo.Committed(new[] { path }, (path, "#!/usr/bin/env " + (path.EndsWith(".py") ? "python3" : "node") + "\n" + content));

        FootprintHarness.Run run = FootprintHarness.Check(plain, FootprintHarness.Policy, ClaudeCode);
        FootprintHarness.Run ran = FootprintHarness.Check(executable, FootprintHarness.Policy, ClaudeCode);

        Assert.True(run.Of("GRD134").Count == 0 && run.Of("GRD130").Count == 0, run.ToString());
        if (!path.EndsWith(".cs"))
        {
            Assert.True(ran.Of("GRD134").Count == 1, ran.ToString());
        }
    }

    // ---- Route 9: CLI flags equal to forbidden settings ----

    [Theory]
    [InlineData("claude -p \"update the shared config\" --add-dir / --permission-mode default", "claude-code", "outsideRepository")]
    [InlineData("claude -p \"sync dotfiles\" --add-dir ~", "claude-code", "outsideRepository")]
    [InlineData("npx -y @github/copilot -p \"release notes\" --allow-all-paths", "github-copilot", "outsideRepository")]
    [InlineData("npx -y @github/copilot -p \"fix the build\" --yolo", "github-copilot", "bypassMode")]
    public void Round14_route9_flags_equal_to_forbidden_settings_are_GRD134(string command, string assistant, string ceiling)
    {
        using FootprintRepo repo = FootprintRepo.Committed((".github/workflows/ai.yml", Steps + "      - run: " + command + "\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, StrictCopilot, ClaudeAndCopilot);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.Equal((repo.Full(".github/workflows/ai.yml"), 7), (f.File, f.Line));
        Assert.Contains("'" + ceiling + "'", f.Message);
        Assert.StartsWith(assistant + "/", f.Subject);
    }

    [Fact]
    public void Round14_route9_add_dir_inside_the_repository_is_not_a_finding()
    {
        using FootprintRepo repo = FootprintRepo.Committed((".github/workflows/ai.yml", Steps + "      - run: claude -p review --add-dir ./docs\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD134"));
    }

    // ---- What is not a hit ----

    public static TheoryData<string, string> NotHits => new()
    {
        // prose
        { "docs/ai.md", "Run `claude -p review " + Bypass + "` on a throwaway VM only.\n" },
        { "NOTES.txt", "gemini --yolo -p fix\n" },
        // comments
        { "scripts/ci.sh", "#!/bin/sh\n# never: claude -p review " + Bypass + "\necho ok\n" },
        { "tools/run.py", "import os\n# subprocess.run([\"claude\", \"" + Bypass + "\"])\n" },
        { "tools/run.js", "/* do not pass\n * " + Bypass + " to claude\n */\n// claude " + Bypass + "\n" },
        { "ci/run.cmd", "REM claude -p fix " + Bypass + "\n:: claude " + Bypass + "\n" },
        { "db/notes.sql", "-- claude " + Bypass + "\nselect 1;\n" },
        // a news feed; an argument parser's test data (a unit test: only after an assistant's program or package)
        { "feed.xml", "<item><description>&lt;p&gt;Fixed the permission mode (e.g. " + Bypass + ") on restart&lt;/p&gt;</description></item>\n" },
        { "test/parse-options.test.ts", "const options = { claudeArgs: '--add-dir \"/path/to/dir-a\" --permission-mode bypassPermissions' };\n" },
        // lock files
        { "package-lock.json", "{ \"note\": \"claude " + Bypass + "\" }\n" },
        { "tools/yarn.lock", "x \"gemini --yolo\"\n" },
        // a shared flag with no assistant on the line; npx's own -y before an assistant package
        { "scripts/deploy.sh", "#!/bin/sh\n./deploy --yolo --env prod\n" },
        { "ci/run.groovy", "sh 'npx -y @google/gemini-cli -p fix'\n" },
        { "ci/other.yml", "steps:\n  - run: gemini -p fix\n  - run: ./release --yolo\n" },
        // a continued line after a command that ended (&&): apt-get's -y is not gemini's
        { "build/Dockerfile.dev", "FROM node:20\nRUN npm install -g @google/gemini-cli@latest && mv /usr/bin/gemini /usr/bin/g \\\n  && apt-get purge -y build-essential\n" },
    };

    [Theory]
    [MemberData(nameof(NotHits))]
    public void Prose_comments_lock_files_and_a_shared_flag_without_an_assistant_are_not_hits(string path, string content)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD134"));
        Assert.DoesNotContain(run.Of("GRD130"), f => f.Message.Contains("counts wherever it is committed"));
    }

    [Fact]
    public void A_continued_line_that_starts_a_new_command_does_not_carry_the_assistant()
    {
        // google-gemini/gemini-cli's .gcp/Dockerfile.development: `mv …/bin/gemini …/g-stable \` then `&& apt-get purge -y`
        string text = "RUN npm install -g @google/gemini-cli@latest && mv /usr/bin/gemini /usr/bin/g \\\n  && apt-get purge -y build-essential \\\n  && apt-get autoremove -y\n";

        Assert.Empty(Launchers.FlagsInText(text));
        Assert.Single(Launchers.FlagsInText("RUN gemini -p fix \\\n  -y\n"));
    }

    [Fact]
    public void A_precise_readers_hit_is_not_doubled()
    {
        using FootprintRepo repo = FootprintRepo.Committed((".github/workflows/ai.yml", Steps + "      - run: claude -p review " + Bypass + "\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.Equal(7, f.Line);
        Assert.DoesNotContain("counts wherever it is committed", f.Message);
    }

    [Fact]
    public void An_undeclared_assistant_a_precise_reader_reports_is_not_doubled()
    {
        using FootprintRepo repo = FootprintRepo.Committed((".github/workflows/ai.yml", Steps + "      - run: npx -y @google/gemini-cli --yolo -p fix\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD130"), x => x.Subject == "gemini");
        Assert.DoesNotContain("counts wherever it is committed", f.Message);
    }

    [Fact]
    public void A_file_with_a_flag_is_an_input_of_the_incremental_check()
    {
        using FootprintRepo repo = FootprintRepo.Committed(("ci/review.groovy", "sh 'claude -p review " + Bypass + "'\n"), ("ci/plain.groovy", "sh 'make'\n"));

        List<string> inputs = Launchers.InputFiles(new[] { repo.ProjectDir, repo.Root }, repo.Root);

        Assert.Contains(repo.Full("ci/review.groovy"), inputs);
        Assert.DoesNotContain(repo.Full("ci/plain.groovy"), inputs);
    }

    // ---- Side: printf's format into $GITHUB_ENV ----

    [Theory]
    [InlineData("claude-sonnet-4-5", 0)]
    [InlineData("claude-3-7-preview", 1)]
    public void Printf_into_GITHUB_ENV_sets_the_argument_not_the_format(string model, int expected)
    {
        using FootprintRepo repo = FootprintRepo.Committed((".github/workflows/ai.yml", Steps + "      - run: printf 'ANTHROPIC_MODEL=%s\\n' " + model + " >> \"$GITHUB_ENV\"\n      - run: claude -p review\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Equal(expected, run.Of("GRD133").Count);
        Assert.DoesNotContain(run.Of("GRD133"), f => f.Message.Contains("%s"));
    }

    [Fact]
    public void Printf_output_fills_each_conversion_with_the_next_argument()
    {
        Assert.Equal(new[] { "A=1", "B=two", string.Empty }, Launchers.PrintfOutput(new List<string> { "printf", "A=%s\\nB=%s\\n", "1", "two", ">>", "$GITHUB_ENV" }));
        Assert.Equal(new[] { "A=x", "A=y", string.Empty }, Launchers.PrintfOutput(new List<string> { "printf", "A=%s\\n", "x", "y" }));
        Assert.Equal(new[] { "P=50%" }, Launchers.PrintfOutput(new List<string> { "printf", "P=%d%%", "50" }));
    }
}
