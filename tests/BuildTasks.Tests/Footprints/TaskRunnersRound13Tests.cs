using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 13 route 14 (issue 12): assistant launchers in task runners no reader knew — Cake <c>StartProcess</c>,
/// composer <c>scripts</c>, tox <c>commands</c>, nox <c>session.run</c>, Poe/Hatch/PDM scripts, Deno tasks, Nx
/// <c>run-commands</c>, a Rakefile's <c>sh</c>, Cursor's <c>.cursor/environment.json</c> — committed anywhere in the
/// repository (the repro keeps them in php/, py/, deno/, web/, ruby/, off the project's walk). Each is read by one of two
/// general readers (Launchers.Runners): every string of a task file whose shell reading runs an assistant, and the
/// argument lists of a code-shaped task file's calls; the command is judged by the one launcher judge.
/// </summary>
public class TaskRunnersRound13Tests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private const string Gemini = "npx -y @google/gemini-cli -p \\\"fix the lint errors\\\" --yolo";

    [Theory]
    // Cake (dotnet cake): StartProcess(file, arguments) and ProcessSettings { Arguments = … }
    [InlineData("build.cake", "var target = Argument(\"target\", \"Default\");\nTask(\"Default\").Does(() => {\n    StartProcess(\"dotnet\", \"build -c Release\");\n    StartProcess(\"npx\", \"-y @google/gemini-cli -p \\\"fix any build error\\\" --yolo\");\n});\nRunTarget(target);\n", 4, "gemini")]
    [InlineData("build/ci.cake", "Task(\"Fix\").Does(() =>\n{\n    var exit = StartProcess(\"npx\", new ProcessSettings { Arguments = \"-y @openai/codex exec --full-auto fix\" });\n});\n", 3, "codex")]
    // composer: scripts, a string or a list of command lines
    [InlineData("php/composer.json", "{ \"name\": \"contoso/portal\", \"require\": {}, \"scripts\": { \"post-install-cmd\": [\"" + Gemini + "\"] } }\n", 1, "gemini")]
    [InlineData("php/composer.json", "{\n  \"name\": \"contoso/portal\",\n  \"scripts\": {\n    \"test\": \"phpunit\",\n    \"fix\": \"codex exec --full-auto fix\"\n  }\n}\n", 5, "codex")]
    // tox: commands (one line, continued lines)
    [InlineData("py/tox.ini", "[tox]\nenv_list = lint\n[testenv:lint]\nallowlist_externals = npx\ncommands = npx -y @google/gemini-cli -p \"fix the lint errors\" --yolo\n", 5, "gemini")]
    [InlineData("py/tox.ini", "[testenv]\ndeps = pytest\ncommands =\n    pytest -q\n    codex exec --full-auto \"fix the tests\"\ncommands_pre = echo start\n", 5, "codex")]
    // nox: session.run(program, arg, …) as one command
    [InlineData("py/noxfile.py", "import nox\n\n@nox.session\ndef fix(session):\n    session.run(\"npx\", \"-y\", \"@openai/codex\", \"exec\", \"--full-auto\", \"fix the tests\", external=True)\n", 5, "codex")]
    // Poe / Hatch / PDM scripts in a pyproject.toml off the walk
    [InlineData("py/pyproject.toml", "[project]\nname = \"tools\"\nversion = \"0.1\"\n[tool.poe.tasks]\nfix = \"" + Gemini + "\"\n", 5, "gemini")]
    [InlineData("py/pyproject.toml", "[project]\nname = \"tools\"\n[tool.hatch.envs.default.scripts]\nreview = \"npx -y @qwen-code/qwen-code -p review --yolo\"\n", 4, "qwen")]
    [InlineData("py/pyproject.toml", "[project]\nname = \"tools\"\n[tool.pdm.scripts]\nagent = \"npx -y opencode-ai run fix\"\n", 4, "opencode")]
    [InlineData("py/pyproject.toml", "[project]\nname = \"tools\"\n[tool.pdm.scripts]\nagent = { shell = \"cd src && codex exec --full-auto fix\" }\n", 4, "codex")]
    // Deno tasks (deno.json, deno.jsonc with comments and the object form)
    [InlineData("deno/deno.json", "{ \"tasks\": { \"fix\": \"" + Gemini + "\" } }\n", 1, "gemini")]
    [InlineData("deno/deno.jsonc", "{\n  // tasks\n  \"tasks\": {\n    \"fix\": { \"description\": \"fix\", \"command\": \"codex exec --full-auto fix\" }\n  }\n}\n", 4, "codex")]
    // Nx run-commands: options.command and options.commands
    [InlineData("web/project.json", "{ \"name\": \"web\", \"targets\": { \"fix\": { \"executor\": \"nx:run-commands\", \"options\": { \"command\": \"" + Gemini + "\" } } } }\n", 1, "gemini")]
    [InlineData("web/project.json", "{\n  \"targets\": {\n    \"fix\": {\n      \"executor\": \"nx:run-commands\",\n      \"options\": { \"commands\": [\"npm ci\", { \"command\": \"codex exec --full-auto fix\" }] }\n    }\n  }\n}\n", 5, "codex")]
    // a Rakefile's sh (paren-less Ruby call), a *.rake file's system(program, args…)
    [InlineData("ruby/Rakefile", "task :fix do\n  sh 'npx -y @google/gemini-cli -p \"fix the lint errors\" --yolo'\nend\n", 2, "gemini")]
    [InlineData("lib/tasks/ai.rake", "namespace :ai do\n  task :fix do\n    system(\"codex\", \"exec\", \"--full-auto\", \"fix\")\n  end\nend\n", 3, "codex")]
    // invoke's tasks.py, a gulpfile's execSync, Gradle's commandLine
    [InlineData("tools/tasks.py", "from invoke import task\n\n@task\ndef fix(c):\n    c.run(\"codex exec --full-auto fix\")\n", 5, "codex")]
    [InlineData("web/gulpfile.js", "const { execSync } = require('child_process');\nexports.fix = () => execSync('npx -y @google/gemini-cli --yolo -p fix', { stdio: 'inherit' });\n", 2, "gemini")]
    [InlineData("web/Gruntfile.js", "const { spawn } = require('child_process');\nmodule.exports = g => g.registerTask('fix', () => {\n  spawn('npx', ['-y', '@openai/codex', 'exec', '--full-auto', 'fix'], { stdio: 'inherit' });\n});\n", 3, "codex")]
    [InlineData("dodo.py", "import subprocess\n\ndef task_fix():\n    return {'actions': [['claude', '-p', 'fix'], 'gemini -p fix --yolo']}\n\ndef review():\n    subprocess.run([\"codex\", \"exec\", \"fix\"], check=True)\n", 7, "codex")]
    [InlineData("dodo.py", "def task_fix():\n    return {'actions': ['gemini -p fix --yolo']}\n", 2, "gemini")]
    [InlineData("android/build.gradle", "tasks.register('fix', Exec) {\n    commandLine 'npx', '-y', '@openai/codex', 'exec', '--full-auto', 'fix'\n}\n", 2, "codex")]
    // Cursor's background agent environment: install, start, terminals[].command
    [InlineData(".cursor/environment.json", "{ \"install\": \"npm i -g @google/gemini-cli\", \"terminals\": [ { \"name\": \"agent\", \"command\": \"gemini -p fix --yolo\" } ] }\n", 1, "gemini")]
    // YAML task runners: moonrepo tasks, melos scripts, a devfile's exec commands
    [InlineData("apps/web/moon.yml", "tasks:\n  lint:\n    command: 'eslint .'\n  fix:\n    command: 'npx -y @google/gemini-cli --yolo -p fix'\n", 5, "gemini")]
    [InlineData("melos.yaml", "name: app\nscripts:\n  fix: codex exec --full-auto fix\n", 3, "codex")]
    [InlineData("devfile.yaml", "schemaVersion: 2.2.0\ncommands:\n  - id: fix\n    exec:\n      component: tools\n      commandLine: gemini -p fix --yolo\n", 6, "gemini")]
    // the task runners the walk already read, now also off it
    [InlineData("tools/Makefile", "fix:\n\tcodex exec --full-auto fix\n", 2, "codex")]
    [InlineData("web/package.json", "{ \"name\": \"web\", \"scripts\": { \"fix\": \"codex exec --full-auto fix\" } }\n", 1, "codex")]
    public void Route14_a_task_runner_that_runs_an_undeclared_assistant_is_GRD130_at_its_line(string path, string content, int line, string assistant)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        string file = repo.Full(path);
        Assert.True(run.Of("GRD130").Exists(f => f.File == file && f.Line == line && f.Message.Contains(assistant) && run.IsError(f)), run.ToString());
    }

    [Theory]
    [InlineData("php/composer.json", "{\n  \"scripts\": {\n    \"review\": \"claude -p review --model claude-opus-4-1 --dangerously-skip-permissions\"\n  }\n}\n", 3)]
    [InlineData("py/noxfile.py", "import nox\n\n@nox.session\ndef review(session):\n    session.run(\"claude\", \"-p\", \"review\", \"--model\", \"claude-opus-4-1\", \"--dangerously-skip-permissions\", external=True)\n", 5)]
    [InlineData("build.cake", "Task(\"Review\").Does(() => StartProcess(\"claude\", \"-p review --model claude-opus-4-1 --dangerously-skip-permissions\"));\n", 1)]
    [InlineData("py/tox.ini", "[testenv:review]\ncommands = claude -p review --model claude-opus-4-1 --dangerously-skip-permissions\n", 2)]
    [InlineData("ruby/Rakefile", "task :review do\n  sh \"claude\", \"-p\", \"review\", \"--model\", \"claude-opus-4-1\", \"--dangerously-skip-permissions\"\nend\n", 2)]
    public void Route14_the_declared_assistant_run_by_a_task_runner_has_its_model_and_bypass_judged(string path, string content, int line)
    {
        using FootprintRepo repo = FootprintRepo.Committed((path, content));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        string file = repo.Full(path);
        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal((file, line), (model.File, model.Line));
        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, line), (bypass.File, bypass.Line));
        Assert.True(run.IsError(bypass), run.ToString());
    }

    [Fact]
    public void Route14_the_message_names_the_runner_s_own_call_and_member()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("build.cake", "Task(\"Fix\").Does(() => StartProcess(\"npx\", \"-y @google/gemini-cli --yolo -p fix\"));\n"),
            ("php/composer.json", "{ \"scripts\": { \"post-install-cmd\": \"codex exec --full-auto fix\" } }\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("its StartProcess on line 1 starts it"));
        Assert.Contains(run.Of("GRD130"), f => f.Message.Contains("its composer.json: scripts.post-install-cmd starts it") && !f.Message.Contains("npm run"));
    }

    [Fact]
    public void Route14_control_task_files_that_only_name_an_assistant_in_prose_or_data_are_silent()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("php/composer.json", "{ \"name\": \"contoso/claude\", \"description\": \"claude code helpers\", \"keywords\": [\"claude\", \"gemini\", \"codex\"],\n  \"scripts\": { \"test\": \"phpunit\", \"lint\": \"echo claude is not run here\" } }\n"),
            ("py/pyproject.toml", "[project]\nname = \"claude\"\ndescription = \"codex exec --full-auto is documented here\"\nkeywords = [\"claude\", \"codex\"]\n[tool.poe.tasks]\ntest = \"pytest -q\"\n"),
            ("py/noxfile.py", "import nox\n# session.run(\"codex\", \"exec\", \"--full-auto\", \"fix\")\nAGENTS = [\"claude\", \"codex\", \"gemini\"]\n\n@nox.session\ndef tests(session):\n    session.log(\"claude and codex are not run here\")\n    session.run(\"pytest\", \"-q\")\n"),
            ("ruby/Rakefile", "task :doc do\n  puts 'run claude yourself'\n  sh 'bundle exec rspec'\nend\n"),
            ("deno/deno.json", "{ \"tasks\": { \"dev\": { \"description\": \"claude -p is how we review\", \"command\": \"deno run -A main.ts\" } } }\n"),
            ("build.cake", "Task(\"Default\").Does(() => { Information(\"gemini is not run here\"); StartProcess(\"dotnet\", \"test\"); });\n"),
            ("docs/review.md", "Run `codex exec --full-auto fix` in a sandbox only.\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.True(run.Of("GRD130").Count == 0 && run.Of("GRD133").Count == 0 && run.Of("GRD134").Count == 0, run.ToString());
    }
}
