using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 8 route 4: a denied model under another name the assistant accepts — Claude Code's aliases and the
/// cloud-qualified ids of the same model — passed a deny-only policy.
/// </summary>
public class ModelNamesTests
{
    private static ModelRules Rules(string[] allow, string[] deny)
    {
        var node = JsonReader.Parse("\"x\"");
        var rules = new ModelRules { HasAllowList = allow.Length > 0 };
        rules.Allow.AddRange(allow.Select(a => new Located<string>(a, node)));
        rules.Deny.AddRange(deny.Select(d => new Located<string>(d, node)));
        return rules;
    }

    [Theory]
    [InlineData("opus")]
    [InlineData("Opus")]
    [InlineData("opusplan")]
    [InlineData("default")]
    [InlineData("best")]
    [InlineData("us.anthropic.claude-opus-4-1-20250805-v1:0")]
    [InlineData("global.anthropic.claude-opus-4-1-20250805-v1:0")]
    [InlineData("anthropic.claude-opus-4-1-20250805-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-1-20250805-v1:0")]
    [InlineData("anthropic/claude-opus-4-1")]
    [InlineData("claude-opus-4-1@20250805")]
    [InlineData("claude-opus-4-1-20250805")]
    [InlineData("claude-opus-4-1[1m]")]
    public void Another_name_of_a_denied_model_is_denied(string model)
    {
        ModelRules rules = Rules(allow: [], deny: ["claude-opus-4-1"]);
        Assert.False(rules.IsAllowed(model, out Located<string>? deniedBy), model);
        Assert.Equal("claude-opus-4-1", deniedBy!.Value);
    }

    [Theory]
    [InlineData("sonnet")]
    [InlineData("haiku")]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("claude-sonnet-4-5")]
    [InlineData("someone/claude-opus-4-1-finetune")] // another owner's model: not the denied one's other name
    public void Other_models_and_aliases_pass_a_deny_list(string model)
    {
        Assert.True(Rules(allow: [], deny: ["claude-opus-4-1", "*-preview"]).IsAllowed(model, out _), model);
    }

    [Fact]
    public void An_alias_passes_an_allow_list_only_where_it_names_it_or_covers_its_whole_family()
    {
        // "sonnet" is whatever Sonnet is current: "claude-sonnet-4*" does not cover a Sonnet 5, "claude-sonnet-*" does.
        Assert.False(Rules(allow: ["claude-sonnet-4*"], deny: []).IsAllowed("sonnet", out _));
        Assert.True(Rules(allow: ["claude-sonnet-*"], deny: []).IsAllowed("sonnet", out _));
        Assert.True(Rules(allow: ["claude-sonnet-4*", "sonnet"], deny: []).IsAllowed("sonnet", out _));
        Assert.False(Rules(allow: ["claude-sonnet-*"], deny: []).IsAllowed("opusplan", out _)); // opus and sonnet
        Assert.True(Rules(allow: ["claude-*"], deny: []).IsAllowed("opusplan", out _));
        // A dated or cloud-qualified id passes the allow entry of its model.
        Assert.True(Rules(allow: ["claude-sonnet-4-5"], deny: []).IsAllowed("us.anthropic.claude-sonnet-4-5-20250929-v1:0", out _));
        Assert.False(Rules(allow: ["claude-sonnet-4-5"], deny: []).IsAllowed("us.anthropic.claude-opus-4-1-20250805-v1:0", out _));
    }

    /// <summary>
    /// Adversary round 9 route 4: an account's own alias of a model (a Bedrock application inference profile, a provisioned
    /// or custom model, a prompt router, a Vertex endpoint) names no model a policy can read; under a deny list it passed.
    /// It is now not allowed unless the allow list names it, and the message says why.
    /// </summary>
    [Theory]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k3x9opus41")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcd1234efgh")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:custom-model/anthropic.claude-v2:1:100k/abcdefgh")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1")]
    [InlineData("projects/acme/locations/us-east5/endpoints/1234567890")]
    public void An_opaque_model_alias_fails_a_deny_list_unless_allowed_by_name(string model)
    {
        Assert.True(ModelNames.IsOpaque(model), model);
        Assert.False(Rules(allow: [], deny: ["claude-opus-4-1"]).IsAllowed(model, out Located<string>? deniedBy), model);
        Assert.Null(deniedBy);
        Assert.Contains("cannot tell which model", ModelNames.Explain(model), StringComparison.Ordinal);
        Assert.True(Rules(allow: [model], deny: ["claude-opus-4-1"]).IsAllowed(model, out _), model);
        Assert.True(Rules(allow: [], deny: []).IsAllowed(model, out _), model); // no model rules: nothing to judge
    }

    [Theory]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("publishers/anthropic/models/claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-5")]
    public void A_model_id_in_a_cloud_form_is_not_opaque(string model)
    {
        Assert.False(ModelNames.IsOpaque(model), model);
        Assert.True(Rules(allow: [], deny: ["claude-opus-4-1"]).IsAllowed(model, out _), model);
    }

    /// <summary>
    /// Adversary round 13, side observations: VS Code writes a Copilot prompt or chat-mode file's model as its display name
    /// (<c>GPT-4.1 (copilot)</c>), which the approved <c>gpt-4.1</c> did not match; and the moving <c>-latest</c>/<c>:latest</c>
    /// alias of a preview model escaped a <c>*-preview</c> deny that its dated name met.
    /// </summary>
    [Theory]
    [InlineData("GPT-4.1 (copilot)", "gpt-4.1")]
    [InlineData("Claude Sonnet 4 (copilot)", "claude-sonnet-4")]
    [InlineData("gpt-4.1 (Copilot)", "gpt-4.1")]
    [InlineData("Gemini 2.5 Pro (copilot)", "gemini-2.5-pro")]
    public void A_Copilot_display_name_is_read_as_its_model_id(string display, string id)
    {
        Assert.Equal(id, ModelNames.Canonical(display));
        Assert.True(Rules(allow: [id], deny: []).IsAllowed(display, out _), display);
        Assert.False(Rules(allow: ["gpt-5"], deny: []).IsAllowed(display, out _), display);
    }

    [Theory]
    [InlineData("GPT-5 mini (Preview) (copilot)")]
    [InlineData("claude-opus-4-1-preview-latest")]
    [InlineData("claude-opus-4-1-preview:latest")]
    [InlineData("claude-opus-4-1-preview@latest")]
    public void A_preview_model_under_its_latest_alias_or_display_name_is_denied_by_a_preview_glob(string model)
    {
        Assert.False(Rules(allow: ["claude-opus-4*", "gpt-5*"], deny: ["*-preview"]).IsAllowed(model, out Located<string>? deniedBy), model);
        Assert.Equal("*-preview", deniedBy!.Value);
    }

    [Fact]
    public void The_latest_alias_of_an_approved_model_passes_like_its_dated_snapshots()
    {
        Assert.True(Rules(allow: ["claude-3-5-sonnet"], deny: []).IsAllowed("claude-3-5-sonnet-latest", out _));
        Assert.True(Rules(allow: ["claude-opus-4*"], deny: ["*-preview"]).IsAllowed("claude-opus-4-1-latest", out _));
        Assert.Equal("claude-3-5-sonnet", ModelNames.WithoutDate("claude-3-5-sonnet-latest"));
        Assert.Null(ModelNames.WithoutDate("latest"));
    }
}
