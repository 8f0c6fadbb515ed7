using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>policyId, revision and allowLocalSuppression as the policy model carries them for the integrity checks.</summary>
public class PolicyModelIntegrityTests
{
    private static GuardrailsPolicy Read(string policy, out List<Finding> findings)
    {
        JsonNodeOrFail(policy, out var root);
        findings = new List<Finding>();
        GuardrailsPolicy? model = PolicyReader.Read(root, "guardrails.policy.json", findings, out _);
        Assert.NotNull(model);
        return model!;
    }

    private static void JsonNodeOrFail(string text, out Guardrails.Core.Json.JsonNode root)
    {
        Guardrails.Core.Json.JsonNode? node = SourceFile.TryParseJson(text, "guardrails.policy.json", "The policy", out Finding? problem);
        Assert.Null(problem);
        root = node!;
    }

    [Fact]
    public void PolicyId_and_revision_are_read_with_their_positions()
    {
        GuardrailsPolicy model = Read(BasePolicy, out List<Finding> findings);
        Assert.Empty(findings);
        Assert.Equal("test-policy", model.PolicyId!.Value);
        Assert.Equal(PositionOf(BasePolicy, "\"test-policy\""), (model.PolicyId.Node.Start.Line, model.PolicyId.Node.Start.Column));
        Assert.Equal(3, model.Revision!.Value);
        Assert.Equal(PositionOf(BasePolicy, "3,"), (model.Revision.Node.Start.Line, model.Revision.Node.Start.Column));
        Assert.Null(model.AllowLocalSuppression);
        Assert.All(model.Tiers, t => Assert.Null(t.AllowLocalSuppression));
    }

    [Fact]
    public void AllowLocalSuppression_is_read_at_the_top_and_per_tier_with_positions()
    {
        string policy = BasePolicy
            .Edit("\"revision\": 3,", "\"revision\": 3, \"allowLocalSuppression\": false,")
            .Edit("\"sandbox\": { \"maxDataClass\": \"internal\" }", "\"sandbox\": { \"maxDataClass\": \"internal\", \"allowLocalSuppression\": [\"Code\", \"auditMode\"] }");
        GuardrailsPolicy model = Read(policy, out List<Finding> findings);

        // Validation names kinds as written ("Code" is GRD107), yet the value counts kinds ignoring case, as it always has.
        Assert.Equal(PositionOf(policy, "\"Code\""), (Assert.Single(findings, f => f.Rule.Id == "GRD107").Line, Assert.Single(findings).Column));
        Assert.Empty(model.AllowLocalSuppression!.Value);
        Assert.Equal(PositionOf(policy, "false,"), (model.AllowLocalSuppression.Node.Start.Line, model.AllowLocalSuppression.Node.Start.Column));

        TierRule sandbox = model.FindTier("sandbox")!;
        Assert.Equal(new[] { "code", "auditMode" }, sandbox.AllowLocalSuppression!.Value);
        Assert.Equal(PositionOf(policy, "[\"Code\""), (sandbox.AllowLocalSuppression.Node.Start.Line, sandbox.AllowLocalSuppression.Node.Start.Column));
        Assert.Null(model.FindTier("regulated")!.AllowLocalSuppression);
    }

    [Fact]
    public void True_allows_every_kind_and_unknown_or_non_string_items_allow_nothing()
    {
        string policy = BasePolicy
            .Edit("\"revision\": 3,", "\"revision\": 3, \"allowLocalSuppression\": true,")
            .Edit("\"sandbox\": { \"maxDataClass\": \"internal\" }", "\"sandbox\": { \"maxDataClass\": \"internal\", \"allowLocalSuppression\": [\"everything\", 1, \"properties\"] }");
        GuardrailsPolicy model = Read(policy, out List<Finding> findings);

        Assert.Equal(PolicyReader.LocalSuppressionKinds, model.AllowLocalSuppression!.Value);
        Assert.Equal(new[] { "properties" }, model.FindTier("sandbox")!.AllowLocalSuppression!.Value);
        Assert.Equal(2, findings.Count(f => f.Rule.Id == "GRD107"));
    }

    [Fact]
    public void A_tier_value_overrides_the_top_level_one_and_other_tiers_fall_back_to_it()
    {
        string policy = BasePolicy
            .Edit("\"revision\": 3,", "\"revision\": 3, \"allowLocalSuppression\": [\"properties\"],")
            .Edit("\"sandbox\": { \"maxDataClass\": \"internal\" }", "\"sandbox\": { \"maxDataClass\": \"internal\", \"allowLocalSuppression\": true }");
        GuardrailsPolicy model = Read(policy, out _);

        LocalSuppressionPolicy sandbox = LocalSuppressionPolicy.From(model, "sandbox");
        Assert.Equal("tiers.sandbox.allowLocalSuppression", sandbox.Source);
        Assert.True(sandbox.Allows(BypassKind.Code));
        Assert.True(sandbox.Allows(BypassKind.AuditMode));

        LocalSuppressionPolicy regulated = LocalSuppressionPolicy.From(model, "regulated");
        Assert.Equal("allowLocalSuppression", regulated.Source);
        Assert.True(regulated.Allows(BypassKind.Properties));
        Assert.False(regulated.Allows(BypassKind.Code));

        // Tier names match as written, as the policy's keys always did.
        Assert.Equal("allowLocalSuppression", LocalSuppressionPolicy.From(model, "Sandbox").Source);
        Assert.Equal("default", LocalSuppressionPolicy.From(Read(BasePolicy, out _), "sandbox").Source);
    }
}
