using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 13 routes 4 and 18: how a launcher's command line is read. Route 4: the assistant's environment set by
/// the shell (<c>NAME=value cmd</c>, <c>env NAME=value cmd</c>, <c>export NAME=value</c> earlier in the block, a line
/// appended to <c>$GITHUB_ENV</c>), Claude Code's <c>--agents</c> JSON and Copilot CLI's <c>COPILOT_MODEL</c>. Route 18: the
/// assistant behind command wrappers (<c>timeout</c>, <c>nice</c>, <c>stdbuf</c>, <c>sudo -E</c>, <c>xargs</c>, <c>script -qc</c>, …).
/// </summary>
public class CommandLineRound13Tests
{
    private const string Job = "name: c\non: [pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n";

    private static readonly string ClaudeAndCopilot = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ]");

    private const string Relay = "https://anthropic-relay.cheap-llm.example";

    public static TheoryData<string, string, int, string> ShellEnvironment => new()
    {
        // NAME=value before the command; env NAME=value; export earlier in the same run block.
        { ".github/workflows/ai.yml", Job + "      - run: ANTHROPIC_BASE_URL=" + Relay + " ANTHROPIC_MODEL=claude-3-haiku-20240307 npx -y @anthropic-ai/claude-code@2.0.14 -p \"review\"\n", 7, "both" },
        { ".github/workflows/ai.yml", Job + "      - run: env ANTHROPIC_MODEL=claude-3-haiku-20240307 claude -p \"summarise\"\n", 7, "GRD133" },
        { ".github/workflows/ai.yml", Job + "      - run: env -i ANTHROPIC_BASE_URL=" + Relay + " claude -p \"summarise\"\n", 7, "GRD138" },
        { ".github/workflows/ai.yml", Job + "      - run: export ANTHROPIC_MODEL=claude-3-haiku-20240307; claude -p \"triage\"\n", 7, "GRD133" },
        { ".github/workflows/ai.yml", Job + "      - run: |\n          export ANTHROPIC_BASE_URL=" + Relay + "\n          claude -p \"triage\"\n", 7, "GRD138" },
        // A line appended to $GITHUB_ENV: every later step of the job.
        { ".github/workflows/ai.yml", Job + "      - run: echo \"ANTHROPIC_BASE_URL=" + Relay + "\" >> \"$GITHUB_ENV\"\n      - run: claude -p \"label\"\n", 8, "GRD138" },
        // A script: the prefix form, and an export that holds to the script's end.
        { "scripts/review.sh", "#!/bin/sh\nexport ANTHROPIC_MODEL=claude-3-haiku-20240307\necho start\nclaude -p \"$1\"\n", 4, "GRD133" },
        { "scripts/review.sh", "#!/bin/sh\nANTHROPIC_BASE_URL=" + Relay + " ANTHROPIC_MODEL=claude-3-haiku-20240307 claude -p \"$1\"\n", 2, "both" },
    };

    [Theory]
    [MemberData(nameof(ShellEnvironment))]
    public void Round13_route4_the_assistant_environment_the_shell_sets_is_judged_like_yaml_env(string path, string content, int line, string expected)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        if (expected != "GRD138")
        {
            Finding model = Assert.Single(run.Of("GRD133"));
            Assert.Equal((file, line), (model.File, model.Line));
            Assert.Contains("claude-3-haiku-20240307", model.Message);
        }

        if (expected != "GRD133")
        {
            Finding relay = Assert.Single(run.Of("GRD138"));
            Assert.Equal((file, line), (relay.File, relay.Line));
            Assert.Contains("anthropic-relay.cheap-llm.example", relay.Message);
        }
    }

    [Fact]
    public void Round13_route4_an_approved_model_in_the_shell_environment_is_no_finding()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ai.yml", Job + "      - run: ANTHROPIC_MODEL=claude-sonnet-4-5 claude -p hi\n      - run: export ANTHROPIC_MODEL=claude-sonnet-4-5; claude -p hi\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Assert.Empty(run.Of("GRD133"));
        Assert.Empty(run.Of("GRD138"));
    }

    [Fact]
    public void Round13_route18_command_v_only_looks_the_program_up()
    {
        using var repo = new FootprintRepo();
        repo.Write("scripts/check.sh", "#!/bin/sh\nif command -v claude >/dev/null; then echo found; fi\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]"));

        Assert.Empty(run.Of("GRD130"));
    }

    [Fact]
    public void Round13_route4_export_ends_with_its_run_block()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ai.yml", Job + "      - run: export ANTHROPIC_MODEL=claude-3-haiku-20240307\n      - run: claude -p hi\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Assert.Empty(run.Of("GRD133"));
    }

    [Fact]
    public void Round13_route4_claude_agents_json_models_are_judged()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Job + "      - run: claude -p \"label\" --agents '{\"fast\": {\"description\": \"fast\", \"prompt\": \"label it\", \"model\": \"claude-3-haiku-20240307\"}}'\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal((file, 7), (model.File, model.Line));
        Assert.Contains("--agents", model.Message);
    }

    [Theory]
    [InlineData("      - run: npx -y @github/copilot@0.0.399 -p \"notes\"\n        env: { COPILOT_MODEL: gpt-5 }\n")]
    [InlineData("      - run: COPILOT_MODEL=gpt-5 copilot -p \"notes\"\n")]
    public void Round13_route4_copilot_cli_model_variable_is_judged(string step)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Job + step);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal(file, model.File);
        Assert.Contains("gpt-5", model.Message);
    }

    public static TheoryData<string> Wrapped => new()
    {
        "timeout 15m claude -p \"fix\" --dangerously-skip-permissions",
        "timeout -k 10s --signal=KILL 15m claude -p fix --dangerously-skip-permissions",
        "nice -n 10 claude -p \"fix the tests\" --dangerously-skip-permissions",
        "ionice -c 3 claude -p fix --dangerously-skip-permissions",
        "stdbuf -oL claude -p \"summarise\" --dangerously-skip-permissions | tee log.txt",
        "stdbuf -o L claude -p summarise --dangerously-skip-permissions",
        "script -qc \"claude -p triage --dangerously-skip-permissions\" /dev/null",
        "sudo -E -u runner claude -p fix --dangerously-skip-permissions",
        "doas -u runner claude -p fix --dangerously-skip-permissions",
        "xargs -a tasks.txt -I{} claude -p {} --dangerously-skip-permissions",
        "unbuffer claude -p fix --dangerously-skip-permissions",
        "flock /tmp/ai.lock claude -p fix --dangerously-skip-permissions",
        "taskset 0x3 claude -p fix --dangerously-skip-permissions",
        "taskset -c 0,1 claude -p fix --dangerously-skip-permissions",
        "caffeinate -i claude -p fix --dangerously-skip-permissions",
        "chronic claude -p fix --dangerously-skip-permissions",
        "env -i PATH=/usr/bin claude -p fix --dangerously-skip-permissions",
        "timeout 15m nice -n 5 sudo -E npx -y @anthropic-ai/claude-code -p fix --dangerously-skip-permissions",
    };

    [Theory]
    [MemberData(nameof(Wrapped))]
    public void Round13_route18_an_assistant_behind_a_command_wrapper_is_judged(string command)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/fix.yml", Job + "      - run: " + command.Replace("\"", "\\\"").Insert(0, "\"") + "\"\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 7), (bypass.File, bypass.Line));
        Assert.True(run.IsError(bypass));
    }

    [Fact]
    public void Round13_route18_a_wrapper_model_flag_is_judged()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/fix.yml", Job + "      - run: timeout 15m claude -p \"fix the build\" --model claude-3-haiku-20240307\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Assert.Equal((file, 7), (Assert.Single(run.Of("GRD133")).File, Assert.Single(run.Of("GRD133")).Line));
    }

    public static TheoryData<string, string, int> Indirection => new()
    {
        // A variable holding the flags or the command, a one-line shell function, defined in the same file.
        { "scripts/agent.sh", "#!/bin/sh\nFLAGS=\"--dangerously-skip-permissions\"\nclaude -p \"$1\" $FLAGS\n", 3 },
        { "scripts/agent.sh", "#!/bin/sh\nFLAGS=\"--dangerously-skip-permissions\"; claude -p \"$1\" ${FLAGS}\n", 2 },
        { "scripts/agent.sh", "#!/bin/sh\nAGENT=\"npx -y @anthropic-ai/claude-code\"\n$AGENT -p \"$1\" --dangerously-skip-permissions\n", 3 },
        { "scripts/agent.sh", "#!/bin/sh\nai() { claude \"$@\"; }\nai -p \"$1\" --dangerously-skip-permissions\n", 3 },
        { "scripts/agent.sh", "#!/bin/bash\nfunction ai { timeout 5m claude \"$@\"; }\nai -p \"$1\" --dangerously-skip-permissions\n", 3 },
        { ".github/workflows/fix.yml", Job + "      - run: |\n          ai() { claude \"$@\"; }\n          ai -p fix --dangerously-skip-permissions\n", 7 },
        { ".github/workflows/fix.yml", Job + "      - run: FLAGS=--dangerously-skip-permissions; claude -p fix $FLAGS\n", 7 },
    };

    [Theory]
    [MemberData(nameof(Indirection))]
    public void Round13_route18_a_variable_or_function_the_file_defines_is_put_in(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, line), (bypass.File, bypass.Line));
        Assert.True(run.IsError(bypass));
    }
}
