using Guardrails.Core.Policy;
namespace Guardrails.BuildTasks.Tests.Policy;

public class CompliantPolicyAndManifestTests
{
    [Fact]
    public void The_base_policy_and_manifest_have_no_findings_and_publish_the_effective_facts()
    {
        var run = PolicyHarness.Check();

        Assert.True(run.Result.Findings.Count == 0, run.ToString());
        Assert.NotNull(run.Result.Policy);
        Assert.Equal(0, run.Result.PolicyErrors);
        var e = run.Result.Effective;
        Assert.True(e.HasPolicy);
        Assert.Equal("AI Governance", e.OwnerName);
        Assert.Equal("ai-gov@example.test", e.OwnerContact);
        Assert.Equal(new[] { "Anthropic", "Microsoft.Extensions.AI*" }, e.ApprovedPackages.Select(p => p.Id));
        Assert.Equal(new[] { "Shady.AI" }, e.DeniedPackages.Select(p => p.Id));
        var sdk = Assert.Single(e.CustomSdks).Sdk;
        Assert.Equal(("contoso-gateway", "Contoso", "Contoso.AiGateway", "Contoso.AiGateway", "ai-gateway.contoso.example"),
            (sdk.Id, sdk.Provider, string.Join(",", sdk.PackageIds), string.Join(",", sdk.Namespaces), string.Join(",", sdk.EndpointHosts)));
        Assert.Equal("ai-gateway.contoso.example", Assert.Single(e.ApprovedEndpoints).Host);
        Assert.True(e.ApprovedEndpoints[0].Line > 0);
        EffectivePolicy read = EffectivePolicy.Read(e.Write(), out _)!;
        Assert.Equal(("Enforce", true), (read.Mode, read.HasPolicy));
    }

    [Fact]
    public void The_model_exposes_every_section_for_other_checks()
    {
        var p = PolicyHarness.Check().Result.Policy!;
        Assert.Equal("test-policy", p.PolicyId!.Value);
        Assert.Equal(3, p.Revision!.Value);
        Assert.Equal(new[] { "dana", "li" }, p.Owner.Approvers.Select(a => a.Value));
        Assert.Equal(2, p.RankOf("confidential"));
        Assert.Equal("Enforce", p.FindTier("regulated")!.Mode!.Value);
        var claude = p.FindAssistant("CLAUDE-CODE")!;
        Assert.True(claude.Forbids("bypassMode"));
        Assert.False(claude.Forbids("alwaysAllowTools"));
        Assert.True(p.FindAssistant("shadow-ai")!.Denied);
        Assert.Equal(2, p.McpAllow.Count);
        Assert.Single(p.McpDeny);
        Assert.Equal(14, p.Defaults.ExpiryWarningDays);
        Assert.Equal(Guardrails.BuildTasks.Policy.UnknownHandling.Deny, p.Defaults.UnknownFootprint);
        Assert.Equal("WVR-1", Assert.Single(p.Waivers).Id);
    }

    [Fact]
    public void An_invalid_policy_is_not_published_to_the_analyzers_and_the_manifest_is_not_judged_against_it()
    {
        var run = PolicyHarness.Check(
            PolicyHarness.BasePolicy.Edit("\"revision\": 3", "\"revision\": \"three\""),
            PolicyHarness.BaseManifest.Edit("\"claude-code\", \"version\"", "\"unknown-bot\", \"version\""));

        Assert.Equal("GRD107", Assert.Single(run.Result.Findings).Rule.Id);
        Assert.False(run.Result.Effective.HasPolicy);
        Assert.Empty(run.Result.Effective.ApprovedPackages);
    }
}
