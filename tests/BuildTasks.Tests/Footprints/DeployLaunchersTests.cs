using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 12 route 12 (repro-15, repro-15b): deploy and runtime descriptors start assistants — docker compose,
/// Kubernetes/OpenShift/Helm workloads, Procfile, Tiltfile, Containerfile, .envrc, pixi tasks, .replit, fly.toml, Heroku's
/// app.json and App Engine's app.yaml — judged with the launcher rules (GRD130, GRD133, GRD134) like a justfile recipe.
/// </summary>
public class DeployLaunchersTests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private const string GeminiPlain = "npx -y @google/gemini-cli --yolo -p fix";

    [Theory]
    [InlineData("docker-compose.yml", "services:\n  agent:\n    image: node:22\n    working_dir: /src\n    command: npx -y @google/gemini-cli --yolo -p \"fix the failing tests\"\n", 5)]
    [InlineData("compose.yaml", "services:\n  agent:\n    image: node:22\n    command: [\"npx\", \"-y\", \"@google/gemini-cli\", \"--yolo\", \"-p\", \"fix the failing tests\"]\n", 4)]
    [InlineData("docker-compose.override.yml", "services:\n  agent:\n    image: node:22\n    entrypoint:\n      - npx\n      - -y\n      - \"@google/gemini-cli\"\n    command: [\"--yolo\", \"-p\", \"fix the failing tests\"]\n", 4)]
    [InlineData("compose.yml", "services:\n  agent:\n    image: node:22\n    healthcheck:\n      test: [\"CMD-SHELL\", \"npx -y @google/gemini-cli --yolo -p fix || exit 1\"]\n", 5)]
    [InlineData("compose.yml", "services:\n  agent:\n    image: node:22\n    healthcheck:\n      test: [\"CMD\", \"npx\", \"-y\", \"@google/gemini-cli\", \"-p\", \"fix the failing tests\"]\n", 5)]
    [InlineData("Procfile", "web: dotnet App.dll\nworker: " + GeminiPlain + "\n", 2)]
    [InlineData("Procfile.dev", "worker: " + GeminiPlain + "\n", 1)]
    [InlineData("Tiltfile", "docker_build('gemini', '.')\nlocal_resource(\"agent\", cmd=\"" + GeminiPlain + "\")\n", 2)]
    [InlineData("Tiltfile", "local_resource('agent',\n    serve_cmd=['npx', '-y', '@google/gemini-cli', '--yolo', '-p', 'fix the failing tests'])\n", 2)]
    [InlineData("Tiltfile", "local_resource('agent', '" + GeminiPlain + "')\n", 1)]
    [InlineData("Tiltfile", "x = 1\nlocal(\"\"\"" + GeminiPlain + "\"\"\")\n", 2)]
    [InlineData("Containerfile", "FROM node:22\nRUN " + GeminiPlain + "\n", 2)]
    [InlineData("app.Containerfile", "FROM node:22\nCMD [\"npx\", \"-y\", \"@google/gemini-cli\", \"--yolo\"]\n", 2)]
    [InlineData(".envrc", "export FOO=1\n" + GeminiPlain + " &\n", 2)]
    [InlineData("pixi.toml", "[project]\nname = \"x\"\nchannels = [\"conda-forge\"]\nplatforms = [\"linux-64\"]\n[tasks]\nfix = \"" + GeminiPlain + "\"\n", 6)]
    [InlineData("pixi.toml", "[project]\nname = \"x\"\n[feature.dev.tasks]\nfix = { cmd = \"" + GeminiPlain + "\", depends-on = [\"build\"] }\n", 4)]
    [InlineData("pyproject.toml", "[project]\nname = \"x\"\n[tool.pixi.tasks]\nfix = \"" + GeminiPlain + "\"\n", 4)]
    [InlineData(".replit", "run = \"" + GeminiPlain + "\"\n", 1)]
    [InlineData(".replit", "entrypoint = \"main.py\"\nonBoot = \"" + GeminiPlain + "\"\n[deployment]\nrun = [\"sh\", \"-c\", \"dotnet App.dll\"]\n", 2)]
    [InlineData("fly.toml", "app = \"payments\"\n[processes]\napp = \"dotnet App.dll\"\nworker = \"" + GeminiPlain + "\"\n", 4)]
    [InlineData("fly.toml", "app = \"payments\"\n[deploy]\nrelease_command = \"" + GeminiPlain + "\"\n", 3)]
    [InlineData("app.json", "{ \"name\": \"payments\",\n  \"scripts\": { \"postdeploy\": \"" + GeminiPlain + "\" } }\n", 2)]
    [InlineData("app.yaml", "runtime: nodejs22\nentrypoint: " + GeminiPlain + "\n", 2)]
    public void An_undeclared_assistant_started_by_a_deploy_descriptor_is_GRD130(string path, string content, int line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD130"), x => x.Subject == "gemini");
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal(file, f.File);
        Assert.Equal(line, f.Line);
    }

    /// <summary>repro-15's compose service that runs the declared claude-code with the bypass flag and a denied model.</summary>
    [Fact]
    public void The_approved_assistant_in_a_compose_list_command_is_held_to_its_ceilings_and_models()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("docker-compose.yml",
            "services:\n  reviewer:\n    image: node:22\n    command: [\"npx\", \"-y\", \"@anthropic-ai/claude-code\", \"--dangerously-skip-permissions\", \"--model\", \"claude-opus-4-1-preview\", \"-p\", \"review\"]\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal(file, bypass.File);
        Assert.Equal(4, bypass.Line);
        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal(file, model.File);
        Assert.Contains("'claude-opus-4-1-preview'", model.Message);
        Assert.True(run.IsError(bypass) && run.IsError(model), run.ToString());
    }

    /// <summary>repro-15's nightly CronJob, committed off the project's walk, and a multi-document manifest.</summary>
    [Fact]
    public void Kubernetes_workloads_committed_anywhere_are_read_each_document_and_container()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("deploy/k8s/cronjob.yaml",
                "apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: nightly-fixer }\nspec:\n  schedule: \"0 2 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" +
                "          restartPolicy: Never\n          containers:\n            - name: agent\n              image: node:22\n" +
                "              command: [\"npx\", \"-y\", \"@google/gemini-cli\", \"--yolo\", \"-p\", \"fix the failing tests\"]\n"),
            ("deploy/k8s/all.yml",
                "apiVersion: v1\nkind: Service\nmetadata: { name: web }\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n" +
                "      initContainers:\n        - name: setup\n          image: node:22\n          command: [\"sh\", \"-c\"]\n          args: [\"npm i -g @openai/codex && codex exec --full-auto fix\"]\n" +
                "      containers:\n        - name: web\n          image: contoso/web:1\n          args: [\"--port\", \"8080\"]\n"),
            ("deploy/k8s/plain.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: contoso/web:1\n          command: [\"dotnet\", \"App.dll\"]\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding gemini = Assert.Single(run.Of("GRD130"), x => x.Subject == "gemini");
        Assert.Equal(Path.Combine(repo.Root, "deploy", "k8s", "cronjob.yaml"), gemini.File);
        Assert.Equal(14, gemini.Line);
        Finding codex = Assert.Single(run.Of("GRD130"), x => x.Subject == "openai-codex");
        Assert.Equal(Path.Combine(repo.Root, "deploy", "k8s", "all.yml"), codex.File);
        Assert.Equal(14, codex.Line);
        Assert.DoesNotContain(run.Result.Findings, f => f.File.EndsWith("plain.yaml", StringComparison.Ordinal));
    }

    /// <summary>A Helm chart's template is not YAML until rendered: its template actions are read as placeholders.</summary>
    [Fact]
    public void A_helm_template_s_containers_are_read_past_its_template_actions()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("charts/agent/templates/job.yaml",
                "{{- if .Values.agent.enabled }}\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ include \"agent.fullname\" . }}\nspec:\n  template:\n    spec:\n" +
                "      containers:\n        - name: agent\n          image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n" +
                "          command:\n            - npx\n            - -y\n            - \"@google/gemini-cli\"\n            - --yolo\n{{- end }}\n"),
            ("deploy/compose/docker-compose.yml", "services:\n  agent:\n    image: node:22\n    command: npx -y @qwen-code/qwen-code --yolo\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding gemini = Assert.Single(run.Of("GRD130"), x => x.Subject == "gemini");
        Assert.Equal(Path.Combine(repo.Root, "charts", "agent", "templates", "job.yaml"), gemini.File);
        Assert.Equal(12, gemini.Line);
        Finding qwen = Assert.Single(run.Of("GRD130"), x => x.Subject == "qwen-code");
        Assert.Equal(Path.Combine(repo.Root, "deploy", "compose", "docker-compose.yml"), qwen.File);
    }

    [Fact]
    public void Deploy_descriptors_that_start_no_assistant_pass()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("docker-compose.yml", "services:\n  web:\n    image: contoso/web:1\n    command: [\"dotnet\", \"App.dll\", \"--urls\", \"http://+:8080\"]\n    healthcheck: { test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080\"] }\n"),
            ("Procfile", "web: dotnet App.dll\n"),
            ("Tiltfile", "docker_build('gemini', '.')\nk8s_yaml('deploy/k8s/web.yaml')\nlocal_resource('codex', cmd='make build')\n"),
            ("fly.toml", "app = \"codex\"\n[processes]\napp = \"dotnet App.dll\"\n"),
            ("deploy/k8s/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: claude\n          image: contoso/claude:1\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD133"));
        Assert.Empty(run.Of("GRD134"));
    }

    /// <summary>Descriptors their own tools would refuse: read as far as they go, never an exception.</summary>
    [Theory]
    [InlineData("docker-compose.yml", "services:\n  agent: [\n    command: npx -y @google/gemini-cli --yolo\n", true)]
    [InlineData("Tiltfile", "local_resource('agent', cmd='npx -y @google/gemini-cli --yolo\n", false)]
    [InlineData("Tiltfile", "local_resource(\nlocal(", false)]
    [InlineData("pixi.toml", "[tasks\nfix = \"npx -y @google/gemini-cli\"\n", false)]
    [InlineData("Procfile", ":\nworker\n: npx\n", false)]
    [InlineData("fly.toml", "[processes]\napp = [1, 2]\n[deploy]\nrelease_command = { a = 1 }\n", false)]
    public void Malformed_descriptors_are_read_without_an_exception(string path, string content, bool found)
    {
        using var repo = new FootprintRepo();
        repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Equal(found, run.Of("GRD130").Exists(f => f.Subject == "gemini"));
    }
}
