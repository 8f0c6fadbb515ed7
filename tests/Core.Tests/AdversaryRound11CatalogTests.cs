using Guardrails.Core.Policy;
using Guardrails.Core.Secrets;
using Guardrails.Core.Sdks;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 11 routes 2 and 11: OpenAI's data-residency hosts and OpenAI-compatible hosts and gateways the endpoint
/// catalog lacked, and keys of providers the endpoint catalog knows, under their own names. One provider list for both.
/// </summary>
public class AdversaryRound11CatalogTests
{
    [Theory]
    [InlineData("us.api.openai.com", "OpenAI")]
    [InlineData("au.api.openai.com", "OpenAI")]
    [InlineData("in.api.openai.com", "OpenAI")]
    [InlineData("jp.api.openai.com", "OpenAI")]
    [InlineData("ae.api.openai.com", "OpenAI")]
    [InlineData("eu.api.openai.com", "OpenAI")]
    [InlineData("mtls.api.openai.com", "OpenAI")]
    [InlineData("eu.openrouter.ai", "OpenRouter")]
    [InlineData("us.openrouter.ai", "OpenRouter")]
    [InlineData("gateway.ai.cloudflare.com", "Cloudflare AI Gateway")]
    [InlineData("api.portkey.ai", "Portkey AI Gateway")]
    [InlineData("oai.helicone.ai", "Helicone AI Gateway")]
    [InlineData("api.deepinfra.com", "DeepInfra")]
    [InlineData("api.z.ai", "Zhipu AI")]
    [InlineData("api.sambanova.ai", "SambaNova")]
    [InlineData("api.novita.ai", "Novita AI")]
    [InlineData("api.hyperbolic.xyz", "Hyperbolic")]
    [InlineData("api.minimax.io", "MiniMax")]
    [InlineData("ark.cn-beijing.volces.com", "Volcengine Ark (Doubao)")]
    [InlineData("api.siliconflow.cn", "SiliconFlow")]
    [InlineData("api.lambda.ai", "Lambda")]
    [InlineData("inference.baseten.co", "Baseten")]
    [InlineData("llm-gateway.assemblyai.com", "AssemblyAI")]
    [InlineData("api.githubcopilot.com", "GitHub (Copilot)")]
    [InlineData("contoso.openai.azure.us", "Microsoft (Azure OpenAI)")]
    public void Route2_hosts_are_endpoints_of_their_provider_and_not_approved_by_default(string host, string provider)
    {
        Assert.Contains(AiSdkCatalog.FindEndpointsByHost(host), e => e.Provider == provider);

        var verdicts = new PolicyVerdicts(new EffectivePolicy());
        Decision d = verdicts.Host(host);
        Assert.Equal(Verdict.NotApproved, d.Verdict);
    }

    [Theory]
    [InlineData("api.openai.com.evil.example")]
    [InlineData("xapi.openai.com")]
    [InlineData("evil-openai.com")]
    [InlineData("openrouter.ai.evil.example")]
    [InlineData("gateway.ai.cloudflare.com.evil.example")]
    [InlineData("ark.volces.com.evil.example")]
    public void Route2_look_alikes_stay_outside_the_catalog(string host) => Assert.Empty(AiSdkCatalog.FindEndpointsByHost(host));

    /// <summary>The key catalog's providers that are AI APIs (not a vector store, tracing, a code host or an IDE's own key).</summary>
    private static readonly string[] NotAnAiApi =
    {
        "Generic secret", "Private key", "OpenAI-compatible service", "GitHub", "Pinecone", "LangSmith", "Langfuse", "Weights & Biases", "Cursor", "Azure AI Search",
    };

    /// <summary>Key providers whose API hosts the endpoint catalog files under another provider name.</summary>
    private static readonly Dictionary<string, string> HostProviderOf = new(StringComparer.Ordinal)
    {
        ["Amazon Bedrock"] = "AWS (Bedrock)",
        ["Azure OpenAI"] = "Microsoft (Azure OpenAI)",
        ["Azure"] = "Microsoft (Azure OpenAI)",
        ["Azure AI services"] = "Microsoft (Azure AI Foundry)",
        ["Google Cloud"] = "Google (Vertex AI)",
    };

    [Fact]
    public void Route11_every_AI_provider_with_a_key_format_has_its_API_host_and_every_host_provider_with_a_key_catalogued_has_a_key_entry()
    {
        var hostProviders = AiSdkCatalog.Endpoints.Select(e => e.Provider).ToHashSet(StringComparer.Ordinal);
        string[] keyWithoutHost = KeyCatalog.All
            .Select(f => f.Provider)
            .Distinct()
            .Where(p => !NotAnAiApi.Any(x => p.StartsWith(x, StringComparison.Ordinal)))
            .Where(p => !hostProviders.Any(h => h.StartsWith(HostProviderOf.TryGetValue(p, out string? other) ? other : p, StringComparison.Ordinal)))
            .ToArray();
        Assert.True(keyWithoutHost.Length == 0, "key formats without an API host: " + string.Join(", ", keyWithoutHost));

        // The providers of route 11 (and those with an OpenAI-compatible host and a documented key variable) have keys.
        var keyProviders = KeyCatalog.All.Select(f => f.Provider).ToHashSet(StringComparer.Ordinal);
        foreach (string provider in new[] { "Alibaba DashScope (Qwen)", "Moonshot AI", "Zhipu AI", "SiliconFlow", "Volcengine Ark (Doubao)", "SambaNova", "DeepInfra", "DeepSeek", "Mistral AI", "Cohere", "AssemblyAI" })
        {
            Assert.Contains(provider, hostProviders);
            Assert.Contains(provider, keyProviders);
        }
    }

    [Theory]
    [InlineData("DASHSCOPE_API_KEY", "dashscope")]
    [InlineData("MOONSHOT_API_KEY", "moonshot")]
    [InlineData("ZHIPUAI_API_KEY", "zhipu")]
    [InlineData("SILICONFLOW_API_KEY", "siliconflow")]
    [InlineData("ARK_API_KEY", "volcengine-ark")]
    [InlineData("SAMBANOVA_API_KEY", "sambanova")]
    public void Route11_keys_under_their_providers_names_are_that_providers_keys(string name, string formatId)
    {
        string value = formatId switch
        {
            "dashscope" => FakeKeys.DashScope(),
            "moonshot" => FakeKeys.Moonshot(),
            "zhipu" => FakeKeys.Zhipu(),
            "siliconflow" => FakeKeys.SiliconFlow(),
            "volcengine-ark" => FakeKeys.VolcengineArk(),
            _ => FakeKeys.SambaNova(),
        };
        Assert.True(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m), name);
        Assert.Equal(formatId, m.Format.Id);
        Assert.False(m.Format.IsGeneric);
    }

    [Theory]
    [InlineData("SPARK_API_KEY")]
    [InlineData("requestId")]
    [InlineData("apiKey")]
    public void Route11_a_UUID_under_another_name_is_no_key(string name) =>
        Assert.False(SecretScanner.TryMatchNamedValue(name, FakeKeys.VolcengineArk(), out _));
}
