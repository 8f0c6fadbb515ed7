using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD133: a model named in an assistant file that the policy does not approve for that assistant.</summary>
public class FootprintModelTests
{
    [Fact]
    public void Approved_models_in_settings_and_front_matter_pass()
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture("claude-code");
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]"));
        Assert.Empty(run.Of("GRD133"));
    }

    [Fact]
    public void Denied_and_unlisted_models_are_errors_at_the_value()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{\n  \"model\": \"claude-sonnet-4-5-preview\"\n}");
        repo.Write(".claude/agents/a.md", "---\nname: a\nmodel: gpt-4o\n---\nbody");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]"));

        List<Finding> findings = run.Of("GRD133");
        Finding denied = findings.Single(f => f.File.EndsWith("settings.json"));
        Assert.Equal((2, 12), (denied.Line, denied.Column));
        Assert.Contains("the policy denies '*-preview'", denied.Message);
        Finding unlisted = findings.Single(f => f.File.EndsWith("a.md"));
        Assert.Equal(3, unlisted.Line);
        Assert.Contains("approved: claude-sonnet-4*, sonnet", unlisted.Message);
        Assert.Equal("claude-code/gpt-4o", unlisted.Subject);
    }

    [Fact]
    public void A_denied_model_under_an_alias_or_a_cloud_id_is_an_error()
    {
        // Adversary round 8 route 4: under a deny-only model list, Claude Code's "opus" and the Bedrock id passed.
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{\n  \"model\": \"opus\",\n  \"env\": { \"ANTHROPIC_MODEL\": \"us.anthropic.claude-opus-4-1-20250805-v1:0\" }\n}");
        string policy = FootprintHarness.Policy.Replace("\"models\": { \"allow\": [\"claude-sonnet-4*\", \"sonnet\"], \"deny\": [\"*-preview\"] }", "\"models\": { \"deny\": [\"claude-opus-4-1\"] }");
        Assert.NotEqual(FootprintHarness.Policy, policy);

        List<Finding> findings = FootprintHarness.Check(repo, policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]")).Of("GRD133");

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Contains("the policy denies 'claude-opus-4-1'", f.Message));
        // The message says how the name was read, so "opus denied by claude-opus-4-1" is not a puzzle.
        Assert.Contains(findings, f => f.Message.Contains("'opus' stands for whichever claude-opus-* model is current"));
        Assert.Contains(findings, f => f.Message.Contains("(read as 'claude-opus-4-1-20250805')"));
    }

    [Fact]
    public void An_application_inference_profile_under_a_deny_list_is_an_error()
    {
        // Adversary round 9 route 4: an account-level alias of any model passed GRD133 under a deny list.
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{\n  \"env\": { \"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"ANTHROPIC_MODEL\": \"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k3x9opus41\" }\n}");
        string policy = FootprintHarness.Policy.Replace("\"models\": { \"allow\": [\"claude-sonnet-4*\", \"sonnet\"], \"deny\": [\"*-preview\"] }", "\"models\": { \"deny\": [\"claude-opus-4-1\"] }");
        Assert.NotEqual(FootprintHarness.Policy, policy);

        Finding finding = Assert.Single(FootprintHarness.Check(repo, policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]")).Of("GRD133"));

        Assert.Contains("application-inference-profile/k3x9opus41", finding.Message);
        Assert.Contains("cannot tell which model", finding.Message);
        // Session 12 review: "(approved: none)" read as if the policy allowed nothing; a deny list cannot judge an opaque id.
        Assert.DoesNotContain("(approved: none)", finding.Message);
        Assert.Contains("the policy has only a deny list, which cannot judge a name that does not say its model; to approve it, name it as written in the assistant's models.allow", finding.Message);
    }

    [Fact]
    public void Models_of_undeclared_assistants_are_left_to_GRD130()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{ \"model\": \"gpt-4o\" }");
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));
        Assert.Empty(run.Of("GRD133"));
        Assert.Single(run.Of("GRD130"));
    }
}
