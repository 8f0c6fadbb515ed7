namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 route 14 (issue 12), with the repository content of the round's repro (/work/wt/adv13/repro-14) in a
/// real Enforce build of the packed package: assistants started by task runners no reader knew, committed in folders off the
/// project's walk — Cake <c>StartProcess</c>, composer <c>post-install-cmd</c>, tox <c>commands</c>, nox
/// <c>session.run</c>, Poe/Hatch/PDM scripts, Deno tasks, Nx <c>run-commands</c>, a Rakefile's <c>sh</c> — and Cursor's
/// <c>.cursor/environment.json</c> terminal (the round's scan-only probe). Main: the build green, no finding.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13TaskRunnerTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv13-runners", 1, members: """
        "defaults": { "unknownAssistant": "deny" },
        "assistants": [
          { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"] }, "permissions": { "bypassMode": "forbid" }, __APPROVAL__ }
        ]
        """.Replace("__APPROVAL__", Approval));

    private const string Gemini = "npx -y @google/gemini-cli -p \\\"fix the lint errors\\\" --yolo";

    private readonly PackageFixture _fixture;

    public AdversaryRound13TaskRunnerTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Route14_assistants_started_by_task_runners_fail_the_Enforce_build()
    {
        TestProject project = _fixture.NewPinnedProject(Policy,
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"github.com/contoso/payments\", \"tier\": \"standard\", \"dataClass\": \"internal\", \"owner\": { \"team\": \"Payments\", \"contact\": \"payments@contoso.example\" }, \"assistants\": [ { \"id\": \"claude-code\", \"version\": \"2.0.14\" } ] }",
            ("GuardrailsMode", "Enforce"));
        project.Write(".claude/settings.json", "{ \"model\": \"claude-sonnet-4-5\" }\n");
        project.Write("build.cake", "var target = Argument(\"target\", \"Default\");\nTask(\"Default\").Does(() => {\n    StartProcess(\"dotnet\", \"build -c Release\");\n    StartProcess(\"npx\", \"-y @google/gemini-cli -p \\\"fix any build error\\\" --yolo\");\n});\nRunTarget(target);\n");
        project.Write("php/composer.json", "{ \"name\": \"contoso/portal\", \"require\": {}, \"scripts\": { \"post-install-cmd\": [\"" + Gemini + "\"] } }\n");
        project.Write("py/tox.ini", "[tox]\nenv_list = lint\n[testenv:lint]\nallowlist_externals = npx\ncommands = npx -y @google/gemini-cli -p \"fix the lint errors\" --yolo\n");
        project.Write("py/noxfile.py", "import nox\n\n@nox.session\ndef fix(session):\n    session.run(\"npx\", \"-y\", \"@openai/codex\", \"exec\", \"--full-auto\", \"fix the tests\", external=True)\n");
        project.Write("py/pyproject.toml", "[project]\nname = \"tools\"\nversion = \"0.1\"\n[tool.poe.tasks]\nfix = \"" + Gemini + "\"\n[tool.hatch.envs.default.scripts]\nreview = \"npx -y @qwen-code/qwen-code -p review --yolo\"\n[tool.pdm.scripts]\nagent = \"npx -y opencode-ai run fix\"\n");
        project.Write("deno/deno.json", "{ \"tasks\": { \"fix\": \"" + Gemini + "\" } }\n");
        project.Write("web/project.json", "{ \"name\": \"web\", \"targets\": { \"fix\": { \"executor\": \"nx:run-commands\", \"options\": { \"command\": \"" + Gemini + "\" } } } }\n");
        project.Write("ruby/Rakefile", "task :fix do\n  sh 'npx -y @google/gemini-cli -p \"fix the lint errors\" --yolo'\nend\n");
        project.Write("tools/review.cake", "Task(\"Review\").Does(() => StartProcess(\"claude\", new ProcessSettings { Arguments = \"-p review --dangerously-skip-permissions --model claude-3-haiku-20240307\" }));\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        foreach ((string file, string line, string assistant) in new[]
        {
            (@"build\.cake", "4", "gemini"), (@"php[/\\]composer\.json", "1", "gemini"), (@"py[/\\]tox\.ini", "5", "gemini"),
            (@"py[/\\]noxfile\.py", "5", "openai-codex"), (@"py[/\\]pyproject\.toml", "5", "gemini"), (@"py[/\\]pyproject\.toml", "7", "qwen-code"),
            (@"py[/\\]pyproject\.toml", "9", "opencode"), (@"deno[/\\]deno\.json", "1", "gemini"), (@"web[/\\]project\.json", "1", "gemini"),
            (@"ruby[/\\]Rakefile", "2", "gemini"),
        })
        {
            Assert.Matches(file + @"\(" + line + @",\d+\): Guardrails error GRD130: [^\n]*'" + assistant + "'", build.Output);
        }

        // the declared claude-code started by Cake with the bypass flag and a denied model
        Assert.Matches(@"tools[/\\]review\.cake\(1,\d+\): Guardrails error GRD134: [^\n]*--dangerously-skip-permissions", build.Output);
        Assert.Matches(@"tools[/\\]review\.cake\(1,\d+\): Guardrails error GRD133: [^\n]*'claude-3-haiku-20240307'", build.Output);
    }
}
