namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 12 routes 12 and 5, each with the repository content of the round's repros (/work/wt/adv12/repro-15,
/// repro-15b, repro-2) in a real Enforce build of the packed package: assistants started by deploy descriptors (compose,
/// a Kubernetes CronJob, Procfile, Tiltfile, Containerfile, .envrc, pixi, .replit) and an approved assistant pointed at a
/// LiteLLM relay the repository serves on loopback. Main: each build green (route 12: one GRD131 warning).
/// </summary>
[Collection(PackageCollection.Name)]
public class DeployAndRelayRoutes12Tests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv12-deploy", 1, members: """
        "defaults": { "unknownAssistant": "deny" },
        "assistants": [
          { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"], "deny": ["*-preview"] }, "permissions": { "bypassMode": "forbid" }, __APPROVAL__ },
          { "id": "github-copilot", "models": { "allow": ["gpt-4.1"] }, __APPROVAL__ }
        ]
        """.Replace("__APPROVAL__", Approval));

    private readonly PackageFixture _fixture;

    public DeployAndRelayRoutes12Tests(PackageFixture fixture) => _fixture = fixture;

    private TestProject NewRepository(string assistants) =>
        _fixture.NewPinnedProject(Policy,
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"github.com/contoso/payments\", \"tier\": \"standard\", \"dataClass\": \"internal\", \"owner\": { \"team\": \"Payments\", \"contact\": \"payments@contoso.example\" }, \"assistants\": " + assistants + " }",
            ("GuardrailsMode", "Enforce"));

    /// <summary>
    /// Route 12 (repro-15, repro-15b): the undeclared Gemini CLI with --yolo in compose, a nightly CronJob committed under
    /// deploy/k8s, a Procfile, a Tiltfile, a Containerfile, .envrc, pixi tasks and .replit; the declared claude-code in a
    /// compose list command with the bypass flag and a denied model. Now: GRD130 at each file's line, GRD134 and GRD133 at
    /// the compose service.
    /// </summary>
    [Fact]
    public void Route12_assistants_started_by_deploy_descriptors_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[ { \"id\": \"claude-code\", \"version\": \"2.0.14\", \"models\": [\"claude-sonnet-4-5\"] } ]");
        const string G = "npx -y @google/gemini-cli --yolo -p \"fix the failing tests\"";
        const string C = "npx -y @google/gemini-cli --yolo -p fix";
        project.Write("docker-compose.yml",
            "services:\n  agent:\n    image: node:22\n    working_dir: /src\n    volumes: [\".:/src\"]\n    command: " + G + "\n  reviewer:\n    image: node:22\n" +
            "    command: [\"npx\", \"-y\", \"@anthropic-ai/claude-code\", \"--dangerously-skip-permissions\", \"--model\", \"claude-opus-4-1-preview\", \"-p\", \"review\"]\n");
        project.Write("deploy/k8s/cronjob.yaml",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: nightly-fixer }\nspec:\n  schedule: \"0 2 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" +
            "          restartPolicy: Never\n          containers:\n            - name: agent\n              image: node:22\n" +
            "              command: [\"npx\", \"-y\", \"@google/gemini-cli\", \"--yolo\", \"-p\", \"fix the failing tests\"]\n");
        project.Write("Procfile", "worker: " + G + "\n");
        project.Write("Tiltfile", "local_resource(\"agent\", cmd=\"" + C + "\")\n");
        project.Write("Containerfile", "FROM node:22\nRUN " + C + "\n");
        project.Write(".envrc", "export FOO=1\n" + C + " &\n");
        project.Write("pixi.toml", "[project]\nname = \"x\"\nchannels = [\"conda-forge\"]\nplatforms = [\"linux-64\"]\n[tasks]\nfix = \"" + C + "\"\n");
        project.Write(".replit", "run = \"" + C + "\"\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        foreach ((string file, int line) in new[]
        {
            (@"docker-compose\.yml", 6), (@"deploy[/\\]k8s[/\\]cronjob\.yaml", 14), ("Procfile", 1), ("Tiltfile", 1), ("Containerfile", 2),
            (@"\.envrc", 2), (@"pixi\.toml", 6), (@"\.replit", 1),
        })
        {
            Assert.Matches(file + @"\(" + line + @",\d+\): Guardrails error GRD130: [^\n]*gemini", build.Output);
        }

        Assert.Matches(@"docker-compose\.yml\(9,\d+\): Guardrails error GRD134: [^\n]*--dangerously-skip-permissions", build.Output);
        Assert.Matches(@"docker-compose\.yml\(9,\d+\): Guardrails error GRD133: [^\n]*'claude-opus-4-1-preview'", build.Output);
    }

    /// <summary>
    /// Route 5 (repro-2): claude-code, approved, with ANTHROPIC_BASE_URL at http://localhost:4000, where the committed
    /// compose (started by the dev container) runs LiteLLM mapping claude-sonnet-4-5 to deepseek/deepseek-chat; Copilot's
    /// bring-your-own-key model at the same relay (s5). Now: GRD138 naming DeepSeek at both settings, the VS Code settings
    /// a Copilot footprint (no GRD131), and a loopback URL nothing committed serves (telemetry on :4318) left alone.
    /// </summary>
    [Fact]
    public void Route5_an_assistant_pointed_at_a_LiteLLM_relay_the_repository_serves_on_loopback_fails_the_Enforce_build()
    {
        TestProject project = NewRepository("[ { \"id\": \"claude-code\", \"version\": \"2.0.14\", \"models\": [\"claude-sonnet-4-5\"] }, { \"id\": \"github-copilot\" } ]");
        project.Write(".claude/settings.json",
            "{ \"model\": \"claude-sonnet-4-5\",\n  \"env\": { \"ANTHROPIC_BASE_URL\": \"http://localhost:4000\", \"ANTHROPIC_AUTH_TOKEN\": \"${LITELLM_MASTER_KEY}\",\n" +
            "    \"OTEL_EXPORTER_OTLP_ENDPOINT\": \"http://localhost:4318\" } }\n");
        project.Write("CLAUDE.md", "Payments service. Use dotnet build.\n");
        project.Write("docker-compose.yml",
            "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"4000:4000\"]\n    volumes: [\"./deploy/llm/config.yaml:/app/config.yaml\"]\n" +
            "    command: [\"--config\", \"/app/config.yaml\", \"--port\", \"4000\"]\n    environment: [ \"DEEPSEEK_API_KEY\" ]\n");
        project.Write("deploy/llm/config.yaml",
            "model_list:\n  - model_name: claude-sonnet-4-5\n    litellm_params:\n      model: deepseek/deepseek-chat\n      api_key: os.environ/DEEPSEEK_API_KEY\n");
        project.Write(".devcontainer/devcontainer.json", "{ \"name\": \"payments\", \"dockerComposeFile\": [\"../docker-compose.yml\"], \"service\": \"llm\", \"forwardPorts\": [4000] }\n");
        project.Write(".vscode/settings.json",
            "{\n  \"github.copilot.chat.customOAIModels\": {\n    \"gpt-4.1\": { \"name\": \"gpt-4.1\", \"url\": \"http://localhost:4000/v1\", \"toolCalling\": true, \"requiresAPIKey\": true }\n  }\n}\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"\.claude[/\\]settings\.json\(2,\d+\): Guardrails error GRD138: [^\n]*deepseek/deepseek-chat[^\n]*'api\.deepseek\.com', an endpoint of DeepSeek", build.Output);
        Assert.Matches(@"\.vscode[/\\]settings\.json\(3,\d+\): Guardrails error GRD138: [^\n]*'api\.deepseek\.com', an endpoint of DeepSeek", build.Output);
        Assert.DoesNotMatch(@"GRD131: [^\n]*github-copilot", build.Output);
        Assert.DoesNotMatch(@"GRD138: [^\n]*OTEL_EXPORTER", build.Output);
    }
}
