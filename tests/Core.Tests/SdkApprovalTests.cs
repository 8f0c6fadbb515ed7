using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

public class SdkApprovalTests
{
    private static SdkApproval Approval(params string[] lines)
    {
        SdkApproval? approval = SdkApproval.From(EffectivePolicy.Read(new[] { "policy=true" }.Concat(lines)));
        Assert.NotNull(approval);
        return approval!;
    }

    private static AiSdk Sdk(string id)
    {
        Assert.True(AiSdkCatalog.TryGetById(id, out AiSdk sdk));
        return sdk;
    }

    [Fact]
    public void No_policy_or_policy_false_means_no_approval_view()
    {
        Assert.Null(SdkApproval.From(null));
        Assert.Null(SdkApproval.From(EffectivePolicy.Read(new[] { "policy=false", "package.approved=OpenAI" })));
        Assert.Null(SdkApproval.From(EffectivePolicy.Read(new[] { "mode=Enforce" })));
    }

    [Fact]
    public void A_policy_that_approves_nothing_approves_no_sdk_but_neutral_abstractions()
    {
        SdkApproval approval = Approval();
        Assert.All(AiSdkCatalog.All.Where(s => !s.IsNeutral), s => Assert.False(approval.IsApproved(s), s.Id));
        Assert.True(approval.IsApproved(Sdk("microsoft-extensions-ai-abstractions")));
    }

    [Fact]
    public void Any_approved_package_id_approves_the_sdk_case_insensitively()
    {
        SdkApproval approval = Approval("package.approved=microsoft.semantickernel.core");
        Assert.True(approval.IsApproved(Sdk("semantic-kernel")));
        Assert.False(approval.IsApproved(Sdk("semantic-kernel-connectors-openai")));
    }

    [Fact]
    public void Package_patterns_approve_and_deny_like_the_policy_lists()
    {
        SdkApproval approval = Approval("package.approved=Microsoft.SemanticKernel*", "package.denied=Microsoft.SemanticKernel.Connectors.Hugging?ace");
        Assert.True(approval.IsApproved(Sdk("semantic-kernel")));
        Assert.True(approval.IsApproved(Sdk("semantic-kernel-connectors-openai")));
        Assert.False(approval.IsApproved(Sdk("semantic-kernel-connectors-huggingface")));
        Assert.False(approval.IsApproved(Sdk("openai")));
    }

    [Fact]
    public void A_denied_package_wins_even_for_neutral_sdks()
    {
        SdkApproval approval = Approval("package.approved=OpenAI", "package.denied=OpenAI", "package.denied=Microsoft.Extensions.AI.Abstractions");
        Assert.False(approval.IsApproved(Sdk("openai")));
        Assert.False(approval.IsApproved(Sdk("microsoft-extensions-ai-abstractions")));
    }

    [Fact]
    public void Custom_sdks_come_first_by_assembly_name()
    {
        SdkApproval approval = Approval("sdk.custom=gw|Contoso|Contoso.Gw|Contoso.Gw.Client||gw.contoso.example");
        Assert.True(approval.TryGetSdkByAssemblyName("contoso.gw.client", out AiSdk custom));
        Assert.Equal("gw", custom.Id);
        Assert.True(approval.TryGetSdkByAssemblyName("OpenAI", out AiSdk openAi));
        Assert.Equal("openai", openAi.Id);
        Assert.Single(approval.CustomSdks);
    }

    [Theory]
    [InlineData("AI Governance", "ai@contoso.example", "AI Governance (ai@contoso.example)")]
    [InlineData("AI Governance", null, "AI Governance")]
    [InlineData(null, "ai@contoso.example", "ai@contoso.example")]
    [InlineData(null, null, "the owner of the AI policy")]
    public void Owner_contact_for_messages(string? name, string? contact, string expected)
    {
        var lines = new List<string>();
        if (name != null)
        {
            lines.Add("owner.name=" + name);
        }

        if (contact != null)
        {
            lines.Add("owner.contact=" + contact);
        }

        Assert.Equal(expected, Approval(lines.ToArray()).OwnerContact);
    }

    [Fact]
    public void Endpoints_of_an_approved_sdk_are_approved_others_are_not()
    {
        SdkApproval approval = Approval("package.approved=OpenAI");
        Assert.False(approval.IsUnapprovedEndpoint("api.openai.com", out _, out _));
        Assert.True(approval.IsUnapprovedEndpoint("api.anthropic.com", out string provider, out string? package));
        Assert.Equal("Anthropic", provider);
        Assert.Equal("Anthropic", package);
        Assert.True(approval.IsUnapprovedEndpoint("contoso.openai.azure.com", out provider, out package));
        Assert.Equal("Microsoft (Azure OpenAI)", provider);
        Assert.Equal("Azure.AI.OpenAI", package);
    }

    [Fact]
    public void Endpoint_approved_lines_accept_host_patterns_and_pasted_urls()
    {
        SdkApproval approval = Approval("endpoint.approved=*.openai.azure.com", "endpoint.approved=https://api.groq.com:443/openai/v1");
        Assert.False(approval.IsUnapprovedEndpoint("contoso.openai.azure.com", out _, out _));
        Assert.False(approval.IsUnapprovedEndpoint("api.groq.com", out _, out _));
        Assert.True(approval.IsUnapprovedEndpoint("api.openai.com", out _, out _));
    }

    [Fact]
    public void Providers_without_an_sdk_are_known_and_only_endpoint_lines_approve_them()
    {
        Assert.True(Approval().IsUnapprovedEndpoint("api.groq.com", out string provider, out string? package));
        Assert.Equal("Groq", provider);
        Assert.Null(package);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("api.openai.com.evil.example")]
    [InlineData("localhost")]
    public void Unknown_and_look_alike_hosts_are_not_ai_endpoints(string host)
    {
        Assert.False(Approval().IsUnapprovedEndpoint(host, out _, out _));
    }

    [Fact]
    public void Hosts_of_policy_defined_sdks_are_endpoints_until_approved()
    {
        Assert.True(Approval("sdk.custom=gw|Contoso Gateway|Contoso.Gw|||gw.contoso.example").IsUnapprovedEndpoint("gw.contoso.example", out string provider, out _));
        Assert.Equal("Contoso Gateway", provider);
        Assert.False(Approval("sdk.custom=gw|Contoso Gateway|Contoso.Gw|||gw.contoso.example", "package.approved=Contoso.Gw").IsUnapprovedEndpoint("gw.contoso.example", out _, out _));
    }
}
