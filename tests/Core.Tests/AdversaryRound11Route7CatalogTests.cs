using System.Text.RegularExpressions;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 11 route 7: real nuget.org AI SDKs of OpenAI, Google (Gemini / Vertex AI) and Alibaba (DashScope / Qwen)
/// the one SDK catalog did not list, so neither GRD201 (by package id) nor GRD003 (by assembly) judged them; and the
/// Cnblogs.DashScope.* family, held by prefix in the catalog's one wildcard grammar (a trailing <c>*</c>, as npm's and PyPI's).
/// </summary>
public class AdversaryRound11Route7CatalogTests
{
    [Theory]
    [InlineData("Standard.AI.OpenAI", "OpenAI")]
    [InlineData("OpenAiClient", "OpenAI")]
    [InlineData("OpenAIDotnet", "OpenAI")]
    [InlineData("Universal.OpenAI.Client", "OpenAI")]
    [InlineData("Soenneker.OpenAI.OpenApiClient", "OpenAI")]
    [InlineData("Sdcb.DashScope", "Alibaba DashScope (Qwen)")]
    [InlineData("Cnblogs.DashScope.Sdk", "Alibaba DashScope (Qwen)")]
    [InlineData("Cnblogs.DashScope.Core", "Alibaba DashScope (Qwen)")]
    [InlineData("Cnblogs.DashScope.AI", "Alibaba DashScope (Qwen)")]
    [InlineData("cnblogs.dashscope.aspnetcore", "Alibaba DashScope (Qwen)")]
    [InlineData("Universal.Alibaba.DashScope.Client", "Alibaba DashScope (Qwen)")]
    [InlineData("Google.Cloud.VertexAI.Extensions", "Google (Vertex AI)")]
    [InlineData("GeminiDotnet", "Google (Gemini)")]
    [InlineData("GeminiDotnet.Extensions.AI", "Google (Gemini)")]
    [InlineData("AutoGen.Gemini", "Google (Gemini / Vertex AI)")]
    public void Route7_packages_are_catalog_sdks_of_their_provider_and_not_approved_by_default(string packageId, string provider)
    {
        Assert.True(AiSdkCatalog.TryGetByPackageId(packageId, out AiSdk sdk), packageId);
        Assert.Equal(provider, sdk.Provider);
        Assert.Equal(PackageEcosystem.NuGet, sdk.Ecosystem);
        Assert.True(sdk.HasPackage(packageId), packageId);

        Decision d = new PolicyVerdicts(new EffectivePolicy()).Package(packageId, "1.0.0");
        Assert.Equal(Verdict.NotApproved, d.Verdict);
        Assert.Equal(sdk, d.Sdk);
    }

    [Theory]
    [InlineData("Cnblogs.DashScope")]
    [InlineData("Cnblogs.DashScopeX")]
    [InlineData("Cnblogs.Dash")]
    [InlineData("Sdcb.DashScope.Tests.Helpers")]
    public void Names_beside_the_family_are_not_catalog_sdks(string packageId) =>
        Assert.False(AiSdkCatalog.TryGetByPackageId(packageId, out _), packageId);

    [Fact]
    public void Route7_assemblies_decide_GRD003()
    {
        foreach ((string assembly, string sdkId) in new[]
        {
            ("Standard.AI.OpenAI", "standard-ai-openai"), ("Sdcb.DashScope", "sdcb-dashscope"), ("Cnblogs.DashScope.Core", "cnblogs-dashscope"),
            ("Cnblogs.DashScope.AI", "cnblogs-dashscope"), ("GeminiDotnet", "geminidotnet"), ("Google.Cloud.VertexAI.Extensions", "google-cloud-vertexai-extensions"),
            ("AutoGen.Gemini", "autogen-gemini"),
        })
        {
            Assert.True(AiSdkCatalog.TryGetByAssemblyName(assembly, out AiSdk sdk), assembly);
            Assert.Equal(sdkId, sdk.Id);
        }
    }

    /// <summary>A NuGet id (letters, digits, '_', '-', dots between parts), or a family: such an id's prefix and ".*".</summary>
    private static readonly Regex NuGetId = new(@"^[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*(?:\.\*)?$", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_NuGet_id_in_the_catalog_is_well_formed_names_its_own_entry_and_a_provider()
    {
        foreach (AiSdk sdk in AiSdkCatalog.All.Where(s => s.Ecosystem == PackageEcosystem.NuGet))
        {
            Assert.False(string.IsNullOrWhiteSpace(sdk.Provider), sdk.Id);
            Assert.DoesNotContain('*', sdk.PrimaryPackageId); // messages and #r "….dll" name a real package
            foreach (string id in sdk.PackageIds)
            {
                Assert.Matches(NuGetId, id);
                string probe = id.EndsWith("*", StringComparison.Ordinal) ? id.Substring(0, id.Length - 1) + "Probe" : id;
                Assert.True(AiSdkCatalog.TryGetByPackageId(probe, out AiSdk found), id);
                Assert.Equal(sdk.Id, found.Id);
            }
        }
    }
}
