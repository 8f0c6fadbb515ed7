using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 13, side observations (issue 12): Copilot's display names of models in prompt and chat-mode files, and
/// Codex's AGENTS.override.md.
/// </summary>
public class SideObservationsRound13Tests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    // ---- Side observations: model names and AGENTS.override.md ----

    [Fact]
    public void Side_a_Copilot_display_name_of_an_approved_model_in_a_prompt_file_is_not_GRD133()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/prompts/release.prompt.md", "---\nmode: agent\nmodel: GPT-4.1 (copilot)\n---\nWrite the release notes.\n");
        string denied = repo.Write(".github/chatmodes/review.chatmode.md", "---\ndescription: review\nmodel: GPT-5 (copilot)\n---\nReview.\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]"));

        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal((denied, 3), (model.File, model.Line));
        Assert.Contains("read as 'gpt-5'", model.Message);
    }

    [Fact]
    public void Side_AGENTS_override_md_is_a_Codex_footprint()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("AGENTS.override.md", "# Codex: use these instructions instead of AGENTS.md\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding found = Assert.Single(run.Of("GRD130"));
        Assert.Equal(file, found.File);
        Assert.Equal("openai-codex", found.Subject);
    }
}
