using Guardrails.BuildTasks.Foundation;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD135: a literal credential in an assistant file, with or without a policy, never printed.</summary>
public class CredentialInAssistantFileTests
{
    [Fact]
    public void A_literal_key_is_an_error_even_without_a_policy_and_the_key_is_never_printed()
    {
        using var repo = new FootprintRepo();
        string key = FakeKeys.OpenAiProject();
        repo.Write(".cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"ai\": { \"url\": \"https://a.example/mcp\",\n      \"headers\": { \"Authorization\": \"Bearer " + key + "\" } }\n  }\n}");

        FootprintHarness.Run run = FootprintHarness.Check(repo, policy: null, manifest: null);

        Finding f = Assert.Single(run.Of("GRD135"));
        Assert.Equal(4, f.Line);
        Assert.True(run.IsError(f));
        Assert.Contains("OpenAI key", f.Message);
        Assert.Contains("sk-proj-\u2026", f.Message);
        Assert.DoesNotContain(key.Substring(8, 30), f.Message);
    }

    [Fact]
    public void Clean_fixtures_with_references_pass()
    {
        using var repo = new FootprintRepo();
        foreach (string assistant in AssistantFixtures.All.Keys)
        {
            repo.WriteFixture(assistant);
        }

        Assert.Empty(FootprintHarness.Check(repo, policy: null, manifest: null).Of("GRD135"));
    }

    [Fact]
    public void Audit_mode_reports_it_as_a_warning()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{ \"env\": { \"ANTHROPIC_API_KEY\": \"" + FakeKeys.Anthropic() + "\" } }");
        FootprintHarness.Run run = FootprintHarness.Check(repo, policy: null, manifest: null, mode: "Audit");
        Assert.False(run.IsError(Assert.Single(run.Of("GRD135"))));
    }
}
