using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

/// <summary>
/// Signature types (adversary round 10 route 2, sdk14): a public client type only the SDK declares, so an assembly of another
/// name that declares it carries that SDK. Session 15 adds them for the catalog SDKs the mirror serves beyond the first 13,
/// each read from the real package (the E2E SignatureTypeTests read them again from the restored packages).
/// </summary>
public class SignatureTypeCatalogTests
{
    [Theory]
    [InlineData("Anthropic.Aws.AnthropicAwsClient", "anthropic-aws")]
    [InlineData("Anthropic.Vertex.AnthropicVertexClient", "anthropic-vertex")]
    [InlineData("Anthropic.GoogleCloud.AnthropicGoogleCloudClient", "anthropic-googlecloud")]
    [InlineData("Anthropic.Foundry.AnthropicFoundryClient", "anthropic-foundry")]
    [InlineData("OllamaSharp.OllamaApiClient", "ollamasharp")]
    [InlineData("Betalgo.Ranul.OpenAI.Managers.OpenAIService", "betalgo-openai")]
    [InlineData("Microsoft.Agents.AI.ChatClientAgent", "microsoft-agents-ai")]
    [InlineData("LLama.LLamaWeights", "llamasharp")]
    [InlineData("LLama.StatelessExecutor", "llamasharp")]
    [InlineData("ModelContextProtocol.Client.McpClient", "model-context-protocol")]
    [InlineData("Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient", "onnxruntime-genai")]
    [InlineData("Microsoft.ML.OnnxRuntimeGenAI.Generator", "onnxruntime-genai")]
    [InlineData("Microsoft.Extensions.AI.OpenAIClientExtensions", "microsoft-extensions-ai-openai")]
    public void The_client_types_of_the_served_catalog_sdks_are_signature_types(string fullTypeName, string sdkId)
    {
        Assert.True(AiSdkCatalog.TryGetBySignatureType(fullTypeName, out AiSdk sdk), fullTypeName);
        Assert.Equal(sdkId, sdk.Id);
    }

    [Fact]
    public void Every_signature_type_is_a_whole_type_name_in_its_sdk_s_namespaces_of_an_sdk_read_from_its_package_or_source()
    {
        Assert.Equal(AiSdkCatalog.SignatureTypes.Count, AiSdkCatalog.SignatureTypes.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        foreach (KeyValuePair<string, AiSdk> signature in AiSdkCatalog.SignatureTypes)
        {
            int dot = signature.Key.LastIndexOf('.');
            Assert.True(dot > 0, signature.Key);
            Assert.True(AiSdkCatalog.NamespaceIsUnder(signature.Key.Substring(0, dot), signature.Value.Namespaces), signature.Key);
            Assert.Matches(@"\[(M|S)", signature.Value.Source);
            Assert.Equal(PackageEcosystem.NuGet, signature.Value.Ecosystem);
        }
    }
}
