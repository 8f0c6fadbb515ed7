using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 11 route 14: an approved assistant pointed by its committed settings at another provider's API. A
/// catalog host passed GRD138 as "the assistant's own service" whichever provider it belonged to; now only the
/// assistant's own providers' hosts pass (or hosts the policy approves), and Copilot's bring-your-own-key models are
/// Copilot models for GRD133.
/// </summary>
public class AssistantRoutesRound11Tests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");
    private static readonly string Copilot = FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]");

    private const string CustomModels = "{\n  \"github.copilot.chat.customOAIModels\": {\n" +
        "    \"grok-4\": { \"name\": \"Grok 4\", \"url\": \"https://api.x.ai/v1\", \"toolCalling\": true, \"requiresAPIKey\": true },\n" +
        "    \"gpt-5-pro\": { \"name\": \"GPT-5 pro\", \"url\": \"https://api.openai.com/v1\", \"requiresAPIKey\": true },\n" +
        "    \"deepseek-reasoner\": { \"name\": \"DeepSeek R1\", \"url\": \"https://api.deepseek.com/v1\", \"requiresAPIKey\": true }\n  }\n}\n";

    [Fact]
    public void Copilot_custom_OpenAI_models_at_other_providers_are_GRD138_naming_the_provider()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".vscode/settings.json", CustomModels);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, Copilot);

        List<Finding> endpoints = run.Of("GRD138");
        Assert.Equal(new[] { 3, 4, 5 }, endpoints.Select(f => f.Line).OrderBy(l => l).ToArray());
        Assert.All(endpoints, f => Assert.Equal(file, f.File));
        Assert.All(endpoints, f => Assert.True(run.IsError(f)));
        Assert.Contains(endpoints, f => f.Message.Contains("'api.x.ai'") && f.Message.Contains("xAI"));
        Assert.Contains(endpoints, f => f.Message.Contains("'api.openai.com'") && f.Message.Contains("OpenAI"));
        Assert.Contains(endpoints, f => f.Message.Contains("'api.deepseek.com'") && f.Message.Contains("DeepSeek") && f.Subject == "github-copilot/api.deepseek.com");
    }

    [Fact]
    public void Copilot_custom_and_Azure_models_are_Copilot_models_for_GRD133()
    {
        using var repo = new FootprintRepo();
        repo.Write(".vscode/settings.json", CustomModels.Replace("\n  }\n}\n",
            ",\n    \"mine\": { \"id\": \"o3-pro\", \"name\": \"o3\", \"url\": \"https://api.openai.com/v1\" }\n  },\n" +
            "  \"github.copilot.chat.azureModels\": {\n    \"gpt-5\": { \"name\": \"GPT-5 (Azure)\", \"url\": \"https://contoso.openai.azure.com/openai/deployments/gpt-5\" },\n    \"gpt-4.1\": { \"name\": \"ok\", \"url\": \"https://contoso.openai.azure.com/openai/deployments/gpt-41\" }\n  }\n}\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, Copilot);

        string[] models = run.Of("GRD133").Select(f => f.Subject!).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "github-copilot/deepseek-reasoner", "github-copilot/gpt-5", "github-copilot/gpt-5-pro", "github-copilot/grok-4", "github-copilot/o3-pro" }, models);
        // Azure OpenAI is Copilot's own bring-your-own-key provider: its hosts are no GRD138.
        Assert.DoesNotContain(run.Of("GRD138"), f => f.Message.Contains("openai.azure.com"));
    }

    [Theory]
    [InlineData("https://api.deepseek.com/anthropic", "DeepSeek")]
    [InlineData("https://api.moonshot.ai/anthropic", "Moonshot")]
    [InlineData("https://openrouter.ai/api", "OpenRouter")]
    [InlineData("https://api.openai.com/v1", "OpenAI")]
    public void Claude_Code_pointed_at_another_providers_API_is_GRD138(string url, string provider)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{ \"env\": {\n  \"ANTHROPIC_BASE_URL\": \"" + url + "\",\n  \"ANTHROPIC_MODEL\": \"claude-sonnet-4-5\" } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD138"));
        Assert.True(run.IsError(f));
        Assert.Equal(2, f.Line);
        Assert.Contains(provider, f.Message);
        Assert.Contains("not claude-code's own provider", f.Message);
        Assert.Empty(run.Of("GRD133"));
    }

    [Theory]
    [InlineData("ANTHROPIC_BASE_URL", "https://api.anthropic.com")]
    [InlineData("ANTHROPIC_BEDROCK_BASE_URL", "https://bedrock-runtime.us-east-1.amazonaws.com")]
    [InlineData("ANTHROPIC_VERTEX_BASE_URL", "https://us-east5-aiplatform.googleapis.com")]
    [InlineData("ANTHROPIC_FOUNDRY_RESOURCE", "contoso-ai")]
    public void Claude_Codes_own_providers_pass(string name, string value)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{ \"env\": { \"" + name + "\": \"" + value + "\" } }");
        Assert.Empty(FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode).Of("GRD138"));
    }

    [Fact]
    public void Another_providers_host_the_policy_approves_passes()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{ \"env\": { \"ANTHROPIC_BASE_URL\": \"https://api.deepseek.com/anthropic\" } }");
        string policy = FootprintHarness.Policy.Replace("\"mcpServers\": {", "\"endpoints\": { \"approved\": [\"api.deepseek.com\"] },\n  \"mcpServers\": {");
        Assert.Empty(FootprintHarness.Check(repo, policy, ClaudeCode).Of("GRD138"));
    }

    [Fact]
    public void Every_own_provider_is_a_provider_of_the_endpoint_catalog_and_every_assistant_a_known_id()
    {
        var providers = AiSdkCatalog.Endpoints.Select(e => e.Provider).ToHashSet(StringComparer.Ordinal);
        var ids = typeof(AssistantIds).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(AssistantProviders.Assistants);
        foreach (string assistant in AssistantProviders.Assistants)
        {
            Assert.Contains(assistant, ids);
            Assert.All(AssistantProviders.Of(assistant), p => Assert.Contains(p, providers));
        }
    }
}
