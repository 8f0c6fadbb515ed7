using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Files;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Session 17 (issue 12, session 16's review): one list of script kinds (<see cref="ScriptKinds"/>) read by the key scan, the
/// install reader and the launcher reader; every script kind read wherever it is committed (<c>tools/ci/run.bash</c>); a file
/// committed with the executable bit read by its shebang (shell, Python, Node); only scripts among the extension-less files
/// as inputs of the incremental check; <c>$GITHUB_ENV</c> scoped to the later steps of its job and a script's definitions to
/// the lines after them; a dev container's lifecycle commands read as a launcher.
/// </summary>
public class ScriptsSession17Tests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private static readonly string ClaudeAndCopilot = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" }, { \"id\": \"github-copilot\" } ]");

    private const string Bypass = "claude -p fix --dangerously-skip-permissions";

    private const string Relay = "https://anthropic-relay.cheap-llm.example";

    private const string Job = "on: [pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n";

    // ---- 1: one list of script kinds ----

    [Theory]
    [InlineData("tools/setup.sh")]
    [InlineData("tools/setup.bash")]
    [InlineData("tools/setup.zsh")]
    [InlineData("tools/setup.ksh")]
    [InlineData("tools/setup.fish")]
    [InlineData("tools/Setup.ps1")]
    [InlineData("tools/Setup.psm1")]
    [InlineData("tools/setup.cmd")]
    [InlineData("tools/SETUP.BAT")]
    public void Every_script_kind_is_a_command_file_the_install_reader_reads(string path)
    {
        Assert.True(ScriptKinds.IsScript(path));
        Assert.True(InstalledSdks.IsCommandFile(path), path);
    }

    [Fact]
    public void The_scanned_kinds_hold_every_script_kind()
    {
        foreach (string extension in ScriptKinds.Extensions)
        {
            Assert.True(ScanFileKinds.IsScanned("tools/run" + extension), extension);
        }
    }

    // ---- 2: every script kind anywhere, executable files by their shebang ----

    [Theory]
    [InlineData("tools/ci/run.bash", "#!/usr/bin/env bash\nset -e\n" + Bypass + "\n", 3)]
    [InlineData("tools/ci/run.zsh", "#!/bin/zsh\n" + Bypass + "\n", 2)]
    [InlineData("tools/ci/run.ksh", "#!/bin/ksh\n" + Bypass + "\n", 2)]
    [InlineData("tools/ci/run.fish", "#!/usr/bin/env fish\n" + Bypass + "\n", 2)]
    [InlineData("eng/Run.ps1", "param([string]$Task = 'fix')\n& " + Bypass + "\n", 2)]
    [InlineData("eng/run.cmd", "@echo off\ncall " + Bypass + "\n", 2)]
    [InlineData("eng/ci/agent.sh", "#!/bin/sh\n" + Bypass + "\n", 2)]
    public void A_script_of_any_kind_committed_anywhere_is_read(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed(Array.Empty<string>(), (path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((repo.Full(path), line), (bypass.File, bypass.Line));
        Assert.True(run.IsError(bypass), run.ToString());
    }

    [Fact]
    public void A_script_in_a_levels_scripts_folder_is_read_once()
    {
        using FootprintRepo repo = FootprintRepo.Committed(Array.Empty<string>(), ("scripts/fix.bash", "#!/bin/bash\n" + Bypass + "\n"), ("fix.zsh", "#!/bin/zsh\n" + Bypass + "\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Equal(2, run.Of("GRD134").Count);
    }

    [Theory]
    [InlineData("tools/agent.py", "#!/usr/bin/env python3\nimport subprocess\n\nsubprocess.run([\"claude\", \"-p\", \"fix\", \"--dangerously-skip-permissions\"], check=True)\n", 4)]
    [InlineData("tools/agent", "#!/usr/bin/python3\nimport os\nos.system(\"" + Bypass + "\")\n", 3)]
    [InlineData("tools/review.js", "#!/usr/bin/env node\nconst { execSync } = require('child_process');\nexecSync('" + Bypass + "', { stdio: 'inherit' });\n", 3)]
    [InlineData("tools/review", "#!/usr/bin/env node\nconst { spawn } = require('node:child_process');\nspawn('claude', ['-p', 'fix', '--dangerously-skip-permissions']);\n", 3)]
    [InlineData("tools/review.mjs", "#!/usr/bin/env zx\nawait $`" + Bypass + "`\n", 2)]
    [InlineData("ci/run.step", "#!/bin/bash\necho go\n" + Bypass + "\n", 3)]
    public void A_file_committed_executable_is_read_by_its_shebang(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed(new[] { path }, (path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((repo.Full(path), line), (bypass.File, bypass.Line));
    }

    [Fact]
    public void Control_an_executable_python_file_that_only_prints_a_command_and_the_same_file_not_executable_are_silent()
    {
        const string Printing = "#!/usr/bin/env python3\nprint(\"claude -p x\")\n";
        const string Calling = "#!/usr/bin/env python3\nimport subprocess\nsubprocess.run([\"claude\", \"-p\", \"x\", \"--dangerously-skip-permissions\"])\n";
        using FootprintRepo repo = FootprintRepo.Committed(new[] { "tools/printer.py" }, ("tools/printer.py", Printing), ("tools/plain.py", Calling), ("tools/data.bin", "#!/usr/bin/env python3\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        // The process-call reader reads executable files only, and the committed-flag pass leaves program source that is not
        // committed executable to the code readers (GRD134.md Limits): the plain file is not reported.
        Assert.Empty(run.Of("GRD134"));
        Assert.Empty(run.Of("GRD130"));
    }

    // ---- 3: the inputs of the incremental check ----

    [Fact]
    public void Only_scripts_among_the_extension_less_and_executable_files_are_inputs_of_the_check()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            new[] { "gradlew", "tools/agent.py", "tools/agent", "tools/tool.jar" },
            ("LICENSE", "MIT License\n"), ("tools/notes", "claude is a name\n"), ("gradlew", "#!/bin/sh\nexec java -jar x.jar\n"),
            ("tools/review", "#!/usr/bin/env bash\necho review\n"), ("tools/agent.py", "#!/usr/bin/env python3\nprint(1)\n"),
            ("tools/agent", "#!/usr/bin/env python3\nprint(1)\n"), ("tools/run", "#!/usr/bin/env python3\nprint(1)\n"), ("tools/tool.jar", "PK\u0003\u0004"));
        DiscoveryResult discovery = repo.Discover();

        List<string> inputs = Launchers.InputFiles(discovery.Levels, discovery.RepositoryRoot);

        Assert.Contains(repo.Full("gradlew"), inputs);
        Assert.Contains(repo.Full("tools/review"), inputs);
        Assert.Contains(repo.Full("tools/agent.py"), inputs);
        Assert.Contains(repo.Full("tools/agent"), inputs);
        Assert.DoesNotContain(repo.Full("tools/run"), inputs);
        Assert.DoesNotContain(repo.Full("LICENSE"), inputs);
        Assert.DoesNotContain(repo.Full("tools/notes"), inputs);
        Assert.DoesNotContain(repo.Full("tools/tool.jar"), inputs);
    }

    // ---- 4: what the shell sets holds where it holds ----

    [Fact]
    public void A_GITHUB_ENV_line_holds_for_the_later_steps_of_its_job_not_for_another_job()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Job +
            "      - run: echo \"ANTHROPIC_BASE_URL=" + Relay + "\" >> \"$GITHUB_ENV\"\n" +
            "      - run: claude -p \"label\"\n" +
            "  b:\n    runs-on: ubuntu-latest\n    steps:\n" +
            "      - run: claude -p \"summarise\"\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Finding relay = Assert.Single(run.Of("GRD138"));
        Assert.Equal((file, 7), (relay.File, relay.Line));
    }

    [Fact]
    public void A_second_job_with_a_plain_claude_run_is_clean()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ai.yml", Job +
            "      - run: echo \"ANTHROPIC_BASE_URL=" + Relay + "\" >> \"$GITHUB_ENV\"\n" +
            "  b:\n    runs-on: ubuntu-latest\n    steps:\n" +
            "      - run: claude -p \"summarise\"\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Assert.Empty(run.Of("GRD138"));
    }

    [Fact]
    public void A_GITHUB_ENV_line_does_not_reach_the_later_commands_of_its_own_step()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/ai.yml", Job + "      - run: echo \"ANTHROPIC_BASE_URL=" + Relay + "\" >> \"$GITHUB_ENV\" && claude -p \"label\"\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Assert.Empty(run.Of("GRD138"));
    }

    [Theory]
    [InlineData("#!/bin/sh\nclaude -p fix $FLAGS\nFLAGS=--dangerously-skip-permissions\n")]
    [InlineData("#!/bin/sh\nai -p fix --dangerously-skip-permissions\nai() { claude \"$@\"; }\n")]
    public void A_scripts_variables_and_functions_hold_only_after_their_definition(string script)
    {
        using var repo = new FootprintRepo();
        repo.Write("scripts/review.sh", script);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD134"));
    }

    [Theory]
    [InlineData("#!/bin/sh\nFLAGS=--dangerously-skip-permissions\nclaude -p fix $FLAGS\n", 3)]
    [InlineData("#!/bin/sh\nai() { claude \"$@\"; }\nai -p fix --dangerously-skip-permissions\n", 3)]
    [InlineData("#!/bin/sh\nFLAGS=--model\nclaude -p fix $FLAGS sonnet\nFLAGS=--dangerously-skip-permissions\nclaude -p fix $FLAGS\n", 5)]
    public void Control_definitions_before_their_use_still_count(string script, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("scripts/review.sh", script);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, line), (bypass.File, bypass.Line));
    }

    // ---- 5: a here-document's body is data ----

    [Fact]
    public void A_heredoc_body_in_a_script_is_not_read_as_commands()
    {
        using var repo = new FootprintRepo();
        repo.Write("scripts/notes.sh", "#!/bin/sh\ncat > notes.txt <<'EOF'\nclaude -p fix --dangerously-skip-permissions\n{ \"mcpServers\": { \"x\": {} } }\nEOF\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD134"));
        Assert.Empty(run.Of("GRD132"));
        Assert.Empty(run.Of("GRD130"));
    }

    [Theory]
    [InlineData("sudo bash -s <<'EOF'")]
    [InlineData("cat <<EOF | sh")]
    public void A_heredoc_given_to_a_shell_is_its_commands(string start)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("scripts/remote.sh", "#!/bin/sh\n" + start + "\n" + Bypass + "\nEOF\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 3), (bypass.File, bypass.Line));
    }

    // ---- 6: dev container lifecycle commands ----

    [Theory]
    [InlineData("{\n  \"image\": \"mcr.microsoft.com/devcontainers/dotnet:8.0\",\n  \"postCreateCommand\": \"claude mcp add --scope user fetch -- uvx mcp-server-fetch\"\n}\n", 3)]
    [InlineData("{\n  // JSONC\n  \"onCreateCommand\": [\"claude\", \"mcp\", \"add\", \"fetch\", \"--\", \"uvx\", \"mcp-server-fetch\"],\n}\n", 3)]
    [InlineData("{\n  \"postStartCommand\": {\n    \"deps\": \"dotnet restore\",\n    \"mcp\": \"code --add-mcp '{\\\"name\\\":\\\"fetch\\\",\\\"command\\\":\\\"uvx\\\",\\\"args\\\":[\\\"mcp-server-fetch\\\"]}'\"\n  }\n}\n", 4)]
    public void A_dev_containers_lifecycle_command_that_registers_a_denied_server_is_GRD132(string json, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".devcontainer/devcontainer.json", json);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeAndCopilot);

        Finding server = Assert.Single(run.Of("GRD132"));
        Assert.Equal((file, line), (server.File, server.Line));
        Assert.Contains("denied by the policy entry 'fetch-any'", server.Message);
    }

    [Fact]
    public void A_dev_containers_update_command_running_claude_with_the_bypass_is_GRD134()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".devcontainer/python/devcontainer.json", "{\n  \"updateContentCommand\": \"npm i -g @anthropic-ai/claude-code && " + Bypass + "\"\n}\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 2), (bypass.File, bypass.Line));
    }

    [Fact]
    public void Control_a_dev_container_without_an_assistant_command_is_silent()
    {
        using var repo = new FootprintRepo();
        repo.Write(".devcontainer.json", "{ \"postCreateCommand\": \"dotnet restore\", \"postAttachCommand\": { \"a\": [\"echo\", \"claude\"] } }\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD132"));
        Assert.Empty(run.Of("GRD134"));
    }
}
