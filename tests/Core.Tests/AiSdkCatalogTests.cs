using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

public class AiSdkCatalogTests
{
    [Theory]
    [InlineData("OpenAI", "openai")]
    [InlineData("openai", "openai")]
    [InlineData("Azure.AI.OpenAI", "azure-openai")]
    [InlineData("Azure.AI.Inference", "azure-ai-inference")]
    [InlineData("Azure.AI.Projects", "azure-ai-projects")]
    [InlineData("Azure.AI.Agents.Persistent", "azure-ai-agents-persistent")]
    [InlineData("Anthropic", "anthropic")]
    [InlineData("Anthropic.SDK", "anthropic-sdk")]
    [InlineData("Microsoft.Extensions.AI", "microsoft-extensions-ai")]
    [InlineData("Microsoft.Extensions.AI.OpenAI", "microsoft-extensions-ai-openai")]
    [InlineData("Microsoft.Extensions.AI.AzureAIInference", "microsoft-extensions-ai-azureaiinference")]
    [InlineData("Microsoft.Extensions.AI.Ollama", "microsoft-extensions-ai-ollama")]
    [InlineData("Microsoft.SemanticKernel", "semantic-kernel")]
    [InlineData("Microsoft.SemanticKernel.Core", "semantic-kernel")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI", "semantic-kernel-connectors-openai")]
    [InlineData("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "semantic-kernel-connectors-azureopenai")]
    [InlineData("Microsoft.SemanticKernel.Connectors.Google", "semantic-kernel-connectors-google")]
    [InlineData("Microsoft.Agents.AI", "microsoft-agents-ai")]
    [InlineData("Microsoft.KernelMemory.Core", "kernel-memory")]
    [InlineData("ModelContextProtocol", "model-context-protocol")]
    [InlineData("Google.GenAI", "google-genai")]
    [InlineData("Google.Cloud.AIPlatform.V1", "google-cloud-aiplatform")]
    [InlineData("AWSSDK.BedrockRuntime", "aws-bedrock-runtime")]
    [InlineData("Mistral.SDK", "mistral-sdk")]
    [InlineData("Cohere", "cohere-tryagi")]
    [InlineData("HuggingFace", "huggingface")]
    [InlineData("OllamaSharp", "ollamasharp")]
    [InlineData("LLamaSharp", "llamasharp")]
    [InlineData("LLamaSharp.Backend.Cpu", "llamasharp")]
    [InlineData("Microsoft.ML.OnnxRuntimeGenAI", "onnxruntime-genai")]
    [InlineData("Betalgo.Ranul.OpenAI", "betalgo-openai")]
    [InlineData("LangChain", "langchain")]
    [InlineData("GitHub.Copilot.SDK", "github-copilot-sdk")]
    [InlineData("Claudia", "claudia")] // adversary round 8 route 6: real nuget.org AI clients that were never judged
    [InlineData("LlmTornado", "llmtornado")]
    [InlineData("Forge.OpenAI", "forge-openai")]
    [InlineData("Rystem.OpenAi", "rystem-openai")]
    [InlineData("ChatGPT.Net", "chatgpt-net")]
    [InlineData("ChatGptNet", "chatgptnet")]
    [InlineData("Azure.AI.OpenAI.Assistants", "azure-openai-assistants")]
    [InlineData("Microsoft.ML.GenAI.Core", "ml-genai")]
    [InlineData("Microsoft.ML.GenAI.LLaMA", "ml-genai")]
    public void Finds_every_sdk_the_issue_lists_by_package_id_case_insensitively(string packageId, string expectedId)
    {
        Assert.True(AiSdkCatalog.TryGetByPackageId(packageId, out AiSdk sdk));
        Assert.Equal(expectedId, sdk.Id);
        Assert.True(AiSdkCatalog.TryGetByPackageId(packageId.ToUpperInvariant(), out AiSdk upper));
        Assert.Same(sdk, upper);
    }

    [Theory]
    [InlineData("OpenAI", "openai")]
    [InlineData("OpenAI_API", "openai")]
    [InlineData("OpenAI-DotNet", "openai-dotnet")]
    [InlineData("Microsoft.SemanticKernel.Abstractions", "semantic-kernel")]
    [InlineData("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "semantic-kernel-connectors-azureopenai")]
    [InlineData("Microsoft.Extensions.AI.OpenAI", "microsoft-extensions-ai-openai")]
    [InlineData("Microsoft.Extensions.AI.Abstractions", "microsoft-extensions-ai-abstractions")]
    [InlineData("ModelContextProtocol.Core", "model-context-protocol")]
    [InlineData("LLamaSharp", "llamasharp")]
    public void Finds_sdks_by_assembly_name(string assemblyName, string expectedId)
    {
        Assert.True(AiSdkCatalog.TryGetByAssemblyName(assemblyName, out AiSdk sdk));
        Assert.Equal(expectedId, sdk.Id);
    }

    [Theory]
    [InlineData("Newtonsoft.Json")]
    [InlineData("System.Net.Http")]
    [InlineData("")]
    [InlineData("OpenAI.Extra")]
    public void Unknown_names_are_not_sdks(string name)
    {
        Assert.False(AiSdkCatalog.TryGetByPackageId(name, out _));
        Assert.False(AiSdkCatalog.TryGetByAssemblyName(name, out _));
    }

    [Fact]
    public void Ids_package_ids_and_assembly_names_each_belong_to_exactly_one_entry()
    {
        AssertUnique(AiSdkCatalog.All.Select(s => s.Id));
        AssertUnique(AiSdkCatalog.All.SelectMany(s => s.PackageIds));
        AssertUnique(AiSdkCatalog.All.SelectMany(s => s.AssemblyNames));
    }

    [Fact]
    public void Every_entry_is_complete_cites_a_source_and_has_valid_host_patterns()
    {
        foreach (AiSdk sdk in AiSdkCatalog.All)
        {
            Assert.Matches("^[a-z0-9-]+$", sdk.Id);
            Assert.NotEmpty(sdk.PackageIds);
            if (sdk.Ecosystem == PackageEcosystem.NuGet)
            {
                Assert.NotEmpty(sdk.AssemblyNames);
                Assert.NotEmpty(sdk.Namespaces);
                Assert.All(sdk.PackageIds, id => Assert.DoesNotContain(':', id));
            }
            else
            {
                // npm/PyPI SDKs: package URLs only; no assembly, namespace or host of their own (their provider's hosts
                // belong to the .NET SDK, so approving the npm SDK approves no endpoint for C# code).
                Assert.Empty(sdk.AssemblyNames);
                Assert.Empty(sdk.Namespaces);
                Assert.Empty(sdk.EndpointHosts);
                Assert.All(sdk.PackageIds, id => Assert.StartsWith("pkg:" + sdk.Ecosystem + "/", id));
                Assert.All(sdk.PackageIds.Where(id => sdk.Ecosystem == PackageEcosystem.PyPI && !id.EndsWith("*", StringComparison.Ordinal)),
                    id => Assert.Equal(PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, id.Substring("pkg:pypi/".Length)), id));
            }

            Assert.Matches(@"\[(M|S|D)", sdk.Source);
            Assert.False(sdk.IsCustom);
            foreach (string host in sdk.EndpointHosts)
            {
                Assert.True(HostPattern.IsValid(host), sdk.Id + ": " + host);
            }
        }

        foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
        {
            Assert.NotEmpty(endpoint.HostPatterns);
            Assert.All(endpoint.HostPatterns, h => Assert.True(HostPattern.IsValid(h), h));
        }
    }

    [Fact]
    public void Only_the_interface_only_abstractions_are_neutral()
    {
        Assert.Equal(new[] { "microsoft-extensions-ai-abstractions" }, AiSdkCatalog.All.Where(s => s.IsNeutral).Select(s => s.Id));
    }

    [Fact]
    public void Semantic_kernel_connectors_are_separate_entries_so_partial_approval_is_possible()
    {
        Assert.True(AiSdkCatalog.TryGetByAssemblyName("Microsoft.SemanticKernel.Core", out AiSdk core));
        Assert.True(AiSdkCatalog.TryGetByAssemblyName("Microsoft.SemanticKernel.Connectors.OpenAI", out AiSdk openAi));
        Assert.True(AiSdkCatalog.TryGetByAssemblyName("Microsoft.SemanticKernel.Connectors.AzureOpenAI", out AiSdk azure));
        Assert.Equal(3, new[] { core.Id, openAi.Id, azure.Id }.Distinct().Count());
        Assert.DoesNotContain("Microsoft.SemanticKernel.Connectors.OpenAI", core.PackageIds);
    }

    [Theory]
    [InlineData("api.openai.com", "OpenAI")]
    [InlineData("myres.openai.azure.com", "Microsoft (Azure OpenAI)")]
    [InlineData("api.anthropic.com", "Anthropic")]
    [InlineData("generativelanguage.googleapis.com", "Google (Gemini / Vertex AI)")]
    [InlineData("api.mistral.ai", "Mistral AI")]
    [InlineData("api.groq.com", "Groq")]
    [InlineData("bedrock-runtime.us-east-1.amazonaws.com", "AWS (Bedrock)")]
    [InlineData("us-central1-aiplatform.googleapis.com", "Google (Gemini / Vertex AI)")]
    public void Endpoint_hosts_find_their_provider(string host, string provider)
    {
        Assert.Contains(AiSdkCatalog.FindEndpointsByHost(host), e => e.Provider == provider);
    }

    [Theory]
    [InlineData("api.openai.com.evil.example")]
    [InlineData("xapi.openai.com")]
    [InlineData("openai.azure.com")]
    [InlineData("example.com")]
    [InlineData("localhost")]
    public void Look_alike_and_unrelated_hosts_are_not_endpoints(string host)
    {
        Assert.Empty(AiSdkCatalog.FindEndpointsByHost(host));
        Assert.Empty(AiSdkCatalog.FindSdksByHost(host));
    }

    [Fact]
    public void Finds_sdks_by_host()
    {
        Assert.Contains(AiSdkCatalog.FindSdksByHost("api.openai.com"), s => s.Id == "openai");
        Assert.Contains(AiSdkCatalog.FindSdksByHost("x.openai.azure.com"), s => s.Id == "azure-openai");
        Assert.DoesNotContain(AiSdkCatalog.FindSdksByHost("x.openai.azure.com"), s => s.Id == "openai");
    }

    [Theory]
    [InlineData("api.mistral.ai", "mistral-sdk")]
    [InlineData("bedrock-runtime.us-east-1.amazonaws.com", "aws-bedrock-runtime")]
    [InlineData("us-central1-aiplatform.googleapis.com", "google-genai")]
    [InlineData("claude.googleapis.com", "anthropic-googlecloud")]
    public void A_host_names_the_providers_own_sdk_before_framework_connectors_and_cloud_hosted_variants(string host, string expectedFirst)
    {
        Assert.Equal(expectedFirst, AiSdkCatalog.FindSdksByHost(host)[0].Id);
    }

    [Fact]
    public void Framework_connectors_are_integrations()
    {
        Assert.All(AiSdkCatalog.All.Where(s => s.Id.StartsWith("semantic-kernel-connectors-", StringComparison.Ordinal)), s => Assert.True(s.IsIntegration, s.Id));
        Assert.False(Sdk("openai").IsIntegration);
        Assert.False(Sdk("semantic-kernel").IsIntegration);
        Assert.Equal(AiSdkCatalog.All.Count, AiSdkCatalog.AllProviderSdksFirst.Count);
    }

    private static AiSdk Sdk(string id)
    {
        Assert.True(AiSdkCatalog.TryGetById(id, out AiSdk sdk));
        return sdk;
    }

    [Fact]
    public void Namespace_lookup_returns_every_sdk_that_uses_the_namespace()
    {
        string[] ids = AiSdkCatalog.FindByNamespace("OpenAI.Chat").Select(s => s.Id).ToArray();
        Assert.Contains("openai", ids);
        Assert.Contains("openai-dotnet", ids);
        Assert.Contains("microsoft-extensions-ai-openai", ids);
        Assert.Empty(AiSdkCatalog.FindByNamespace("OpenAIish"));
        Assert.Empty(AiSdkCatalog.FindByNamespace("MyCompany.OpenAI"));
    }

    private static void AssertUnique(IEnumerable<string> values)
    {
        string[] dupes = values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(dupes);
    }

    /// <summary>Issue 12 route R11: npm and PyPI AI SDKs are catalog entries named by package URL, families by prefix.</summary>
    [Theory]
    [InlineData("pkg:npm/openai", "npm-openai")]
    [InlineData("pkg:npm/@anthropic-ai/sdk", "npm-anthropic")]
    [InlineData("pkg:npm/@google/genai", "npm-google-genai")]
    [InlineData("pkg:npm/@modelcontextprotocol/sdk", "npm-model-context-protocol")]
    [InlineData("pkg:npm/@aws-sdk/client-bedrock-runtime", "npm-aws-bedrock-runtime")]
    [InlineData("pkg:npm/ai", "npm-vercel-ai")]
    [InlineData("pkg:npm/@ai-sdk/openai", "npm-vercel-ai-providers")]
    [InlineData("pkg:npm/@langchain/anthropic", "npm-langchain-packages")]
    [InlineData("pkg:pypi/openai", "pypi-openai")]
    [InlineData("pkg:pypi/anthropic", "pypi-anthropic")]
    [InlineData("pkg:pypi/huggingface-hub", "pypi-huggingface-hub")]
    [InlineData("pkg:pypi/langchain-openai", "pypi-langchain-packages")]
    [InlineData("pkg:pypi/llama-index-llms-openai", "pypi-llama-index-packages")]
    [InlineData("pkg:pypi/vertexai", "pypi-google-vertexai")]
    public void Npm_and_PyPI_package_urls_find_their_sdk(string packageUrl, string sdkId)
    {
        Assert.True(AiSdkCatalog.TryGetByPackageId(packageUrl, out AiSdk sdk), packageUrl);
        Assert.Equal(sdkId, sdk.Id);
        Assert.NotEqual(PackageEcosystem.NuGet, sdk.Ecosystem);
    }

    [Theory]
    [InlineData("pkg:npm/react")]
    [InlineData("pkg:npm/@ai-sdk")]
    [InlineData("pkg:npm/openai-extra")]
    [InlineData("pkg:pypi/boto3")]
    [InlineData("pkg:pypi/langchainx")]
    [InlineData("pkg:nuget/OpenAI")]
    [InlineData("openai-npm")]
    public void Other_packages_of_those_ecosystems_are_no_sdk(string packageUrl) =>
        Assert.False(AiSdkCatalog.TryGetByPackageId(packageUrl, out _), packageUrl);

    [Theory]
    [InlineData("Google_GenerativeAI", "google-generativeai")]
    [InlineData("huggingface_hub", "huggingface-hub")]
    [InlineData("LangChain.OpenAI", "langchain-openai")]
    [InlineData("llama__index--core", "llama-index-core")]
    public void PyPI_names_are_normalized_as_PEP_503_does(string name, string normalized) =>
        Assert.Equal("pkg:pypi/" + normalized, PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, name));
}
