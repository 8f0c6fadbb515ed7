using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 12 route 5 (repro-2): an assistant pointed at loopback, where the repository itself serves an AI relay
/// (LiteLLM in docker compose, its <c>model_list</c> mapping the approved model name to DeepSeek). Loopback is left alone
/// only while nothing committed serves it; a relay's port is judged by what the relay sends the traffic to (GRD138).
/// </summary>
public class LoopbackRelayTests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private static string Settings(string baseUrl) =>
        "{ \"model\": \"claude-sonnet-4-5\",\n  \"env\": { \"ANTHROPIC_BASE_URL\": \"" + baseUrl + "\", \"ANTHROPIC_AUTH_TOKEN\": \"${LITELLM_MASTER_KEY}\" } }\n";

    private const string LiteLlmCompose =
        "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"4000:4000\"]\n    volumes: [\"./deploy/llm/config.yaml:/app/config.yaml\"]\n" +
        "    command: [\"--config\", \"/app/config.yaml\", \"--port\", \"4000\"]\n    environment: [ \"DEEPSEEK_API_KEY\" ]\n";

    private static string LiteLlmConfig(string model) =>
        "model_list:\n  - model_name: claude-sonnet-4-5\n    litellm_params:\n      model: " + model + "\n      api_key: os.environ/DEEPSEEK_API_KEY\n";

    /// <summary>repro-2 as committed: the settings, the compose relay, its config and the dev container that starts it.</summary>
    [Theory]
    [InlineData("http://localhost:4000")]
    [InlineData("http://127.0.0.1:4000/v1")]
    [InlineData("http://[::1]:4000")]
    [InlineData("http://0.0.0.0:4000")]
    public void A_loopback_base_URL_served_by_a_committed_LiteLLM_relay_is_judged_as_the_provider_it_relays_to(string baseUrl)
    {
        using var repo = new FootprintRepo();
        string settings = repo.Write(".claude/settings.json", Settings(baseUrl));
        repo.Write("CLAUDE.md", "Payments service. Use dotnet build.\n");
        repo.Write("docker-compose.yml", LiteLlmCompose);
        repo.Write("deploy/llm/config.yaml", LiteLlmConfig("deepseek/deepseek-chat"));
        repo.Write(".devcontainer/devcontainer.json", "{ \"name\": \"payments\", \"dockerComposeFile\": [\"../docker-compose.yml\"], \"service\": \"llm\", \"forwardPorts\": [4000] }\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD138"));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal(settings, f.File);
        Assert.Equal(2, f.Line);
        Assert.Equal("claude-code/api.deepseek.com", f.Subject);
        Assert.Contains("DeepSeek", f.Message);
        Assert.Contains("deepseek/deepseek-chat", f.Message);
        Assert.Contains("docker-compose.yml", f.Message);
    }

    /// <summary>
    /// Adversary round 14 route 6: the same relay published where the port list did not look — compose's default-value
    /// interpolation in <c>ports</c>, <c>network_mode: host</c> (LiteLLM's <c>--port</c>, else its default 4000), a service
    /// of a file the compose file <c>include:</c>s, and a GitHub Actions job's <c>services:</c> container.
    /// </summary>
    [Theory]
    [InlineData("interpolated")]
    [InlineData("unset")]
    [InlineData("hostnet")]
    [InlineData("hostnet-default")]
    [InlineData("include")]
    [InlineData("actions")]
    public void A_relay_published_by_interpolation_host_network_include_or_a_workflow_service_is_judged(string variant)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", Settings("http://localhost:4000"));
        repo.Write("deploy/llm/config.yaml", LiteLlmConfig("deepseek/deepseek-chat"));
        const string Mount = "    volumes: [\"./deploy/llm/config.yaml:/app/config.yaml\"]\n";
        switch (variant)
        {
            case "interpolated":
                repo.Write("compose.yml", "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"${LITELLM_PORT:-4000}:4000\"]\n" + Mount);
                break;
            case "unset":
                repo.Write("compose.yml", "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"${LITELLM_PORT}:4000\"]\n" + Mount);
                break;
            case "hostnet":
                repo.Write("compose.yml", "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    network_mode: host\n" + Mount +
                    "    command: [\"--config\", \"/app/config.yaml\", \"--port\", \"4000\"]\n");
                break;
            case "hostnet-default":
                repo.Write("compose.yml", "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    network_mode: \"host\"\n" + Mount);
                break;
            case "include":
                repo.Write("compose.yml", "include:\n  - deploy/relay.yaml\nservices:\n  app:\n    image: nginx\n");
                repo.Write("deploy/relay.yaml", "services:\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"4000:4000\"]\n" +
                    "    volumes: [\"./llm/config.yaml:/app/config.yaml\"]\n");
                break;
            case "actions":
                repo.Write(".github/workflows/review.yml", "on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    services:\n      relay:\n" +
                    "        image: ghcr.io/berriai/litellm:main-latest\n        ports: [\"4000:4000\"]\n        volumes: [\"./deploy/llm/config.yaml:/app/config.yaml\"]\n" +
                    "    steps:\n      - run: echo review\n");
                break;
        }

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        // with no committed config to read (the unset port's relay is still read by its mounted config), the relay's upstream is unknown
        Finding f = Assert.Single(run.Of("GRD138"));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal("claude-code/api.deepseek.com", f.Subject);
    }

    [Theory]
    [InlineData("openrouter/anthropic/claude-sonnet-4.5", "claude-code/openrouter.ai")]
    [InlineData("azure/gpt-4o", "claude-code/*.openai.azure.com")]
    [InlineData("bedrock/us.anthropic.claude-sonnet-4-5-v1:0", null)]
    [InlineData("anthropic/claude-sonnet-4-5", null)]
    [InlineData("claude-sonnet-4-5", null)]
    [InlineData("gpt-4o", "claude-code/api.openai.com")]
    public void Each_relayed_model_is_judged_as_the_provider_its_prefix_names(string model, string? subject)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", Settings("http://localhost:4000"));
        repo.Write("docker-compose.yml", LiteLlmCompose);
        repo.Write("deploy/llm/config.yaml", LiteLlmConfig(model));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        if (subject == null)
        {
            Assert.Empty(run.Of("GRD138")); // Anthropic, or Claude on Bedrock: claude-code's own providers
        }
        else
        {
            Assert.Equal(subject, Assert.Single(run.Of("GRD138")).Subject);
        }
    }

    /// <summary>Relays recognised by image or command; one whose upstream is not in a committed config is judged as the relay itself.</summary>
    [Theory]
    [InlineData("    image: litellm/litellm:v1.72.0\n    volumes: [\"./deploy/llm/config.yaml:/app/config.yaml\"]\n", "claude-code/api.deepseek.com")]
    [InlineData("    image: python:3.12\n    volumes: [\"./deploy/llm/config.yaml:/srv/litellm.yaml\"]\n    command: sh -c \"pip install 'litellm[proxy]' && litellm --config /srv/litellm.yaml --port 4000\"\n", "claude-code/api.deepseek.com")]
    [InlineData("    image: calciumion/new-api:latest\n", "claude-code/localhost")]
    [InlineData("    image: justsong/one-api\n", "claude-code/localhost")]
    [InlineData("    build: ./relay\n", "claude-code/localhost")]
    public void A_service_publishing_the_port_is_judged_by_what_it_relays_to(string service, string subject)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", Settings("http://localhost:4000"));
        repo.Write("compose.yaml", "services:\n  llm:\n" + service + "    ports:\n      - target: 4000\n        published: \"4000\"\n");
        repo.Write("deploy/llm/config.yaml", LiteLlmConfig("deepseek/deepseek-chat"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD138"));
        Assert.Equal(subject, f.Subject);
        Assert.True(run.IsError(f), run.ToString());
    }

    /// <summary>A relay built from the repository: its Dockerfile's FROM or its litellm command, and the config it copies in.</summary>
    [Theory]
    [InlineData("FROM ghcr.io/berriai/litellm:main-stable\nCOPY config.yaml /app/config.yaml\n")]
    [InlineData("FROM python:3.12-slim\nRUN pip install 'litellm[proxy]'\nCOPY config.yaml /app/config.yaml\nCMD [\"litellm\", \"--config\", \"/app/config.yaml\"]\n")]
    public void A_relay_built_from_a_committed_Dockerfile_is_read_with_the_config_it_copies(string dockerfile)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", Settings("http://localhost:4000"));
        repo.Write("compose.yaml", "services:\n  llm:\n    build: { context: ./relay }\n    ports: [\"127.0.0.1:4000:4000\"]\n");
        repo.Write("relay/Dockerfile", dockerfile);
        repo.Write("relay/config.yaml", LiteLlmConfig("deepseek/deepseek-chat"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD138"));
        Assert.Equal("claude-code/api.deepseek.com", f.Subject);
        Assert.Contains("relay/config.yaml", f.Message);
    }

    /// <summary>An Ollama (or any relay) the developer runs themselves: nothing committed serves the port.</summary>
    [Fact]
    public void Plain_loopback_with_nothing_committed_on_its_port_passes()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", Settings("http://localhost:11434"));
        repo.Write("docker-compose.yml", "services:\n  db:\n    image: postgres:17\n    ports: [\"5432:5432\"]\n  llm:\n    image: ghcr.io/berriai/litellm:main-latest\n    ports: [\"4000:4000\"]\n");
        repo.Write("config.yaml", LiteLlmConfig("deepseek/deepseek-chat"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD138"));
    }

    /// <summary>Copilot's bring-your-own-key model at loopback: a Copilot footprint, and its URL judged through the relay.</summary>
    [Fact]
    public void Copilot_custom_OpenAI_models_at_loopback_are_a_Copilot_footprint_judged_through_the_relay()
    {
        using var repo = new FootprintRepo();
        string settings = repo.Write(".vscode/settings.json",
            "{\n  \"github.copilot.chat.customOAIModels\": {\n    \"gpt-4.1\": { \"name\": \"gpt-4.1\", \"url\": \"http://localhost:4000/v1\", \"toolCalling\": true, \"requiresAPIKey\": true }\n  }\n}\n");
        var manifest = FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]");

        FootprintHarness.Run alone = FootprintHarness.Check(repo, FootprintHarness.Policy, manifest);

        Assert.DoesNotContain(alone.Of("GRD131"), f => f.Subject == "github-copilot");
        Assert.Empty(alone.Of("GRD138"));

        repo.Write("docker-compose.yml", LiteLlmCompose);
        repo.Write("deploy/llm/config.yaml", LiteLlmConfig("openrouter/x-ai/grok-4"));

        FootprintHarness.Run relayed = FootprintHarness.Check(repo, FootprintHarness.Policy, manifest);

        Finding f = Assert.Single(relayed.Of("GRD138"));
        Assert.Equal(settings, f.File);
        Assert.Equal("github-copilot/openrouter.ai", f.Subject);
    }

    /// <summary>The LiteLLM prefix table names providers; their hosts come from the one endpoint catalog.</summary>
    [Fact]
    public void Every_LiteLLM_provider_prefix_names_a_provider_of_the_endpoint_catalog()
    {
        foreach (KeyValuePair<string, string> prefix in Guardrails.BuildTasks.Footprints.Relays.LiteLlmProviderNames)
        {
            Assert.True(Guardrails.BuildTasks.Footprints.Relays.HostOf(prefix.Value) != null, prefix.Key + " -> " + prefix.Value + " is not a provider of AiSdkCatalog.Endpoints");
        }
    }
}
