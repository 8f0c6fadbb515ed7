using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 11 route 3 (CI runs AI through launchers the assistant catalog did not name: review bots' actions,
/// reusable workflows, images and CLIs, GitHub Models) and the side observation on footprint catalog gaps.
/// </summary>
public class AssistantRoutesRound11CiTests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private static string Workflow(string steps) =>
        "name: ai\non: [pull_request]\npermissions: { contents: read, models: read }\njobs:\n  ai:\n    runs-on: ubuntu-latest\n    steps:\n" + steps;

    // ---- Route 3: CI launchers ----

    [Theory]
    [InlineData("      - uses: qodo-ai/pr-agent@main\n        env: { OPENAI_KEY: \"${{ secrets.OPENAI_KEY }}\" }\n", "qodo-pr-agent")]
    [InlineData("      - uses: Codium-ai/pr-agent@main\n", "qodo-pr-agent")]
    [InlineData("      - run: python -m pr_agent.cli --pr_url ${{ github.event.pull_request.html_url }} review\n", "qodo-pr-agent")]
    [InlineData("      - run: uvx --from pr-agent pr-agent --pr_url=$URL review\n", "qodo-pr-agent")]
    [InlineData("      - run: pip install pr-agent && python3 -m pr_agent.cli review\n", "qodo-pr-agent")]
    [InlineData("      - run: curl -fsSL https://app.factory.ai/cli | sh\n      - run: droid exec --auto high \"fix the failing tests\"\n", "factory-droid")]
    [InlineData("      - run: droid exec \"fix\"\n", "factory-droid")]
    [InlineData("      - uses: coderabbitai/ai-pr-reviewer@latest\n        env: { OPENAI_API_KEY: \"${{ secrets.OPENAI_API_KEY }}\" }\n", "coderabbit")]
    [InlineData("      - uses: anc95/ChatGPT-CodeReview@main\n", "chatgpt-codereview")]
    [InlineData("      - run: llm -m gpt-4o \"summarize\" < CHANGELOG.md\n", "llm")]
    [InlineData("      - run: npx -y @qodo/command\n", "qodo")]
    [InlineData("      - uses: actions/ai-inference@v1\n        with: { model: \"xai/grok-3\", prompt: \"Summarize the diff\" }\n", "github-models")]
    [InlineData("      - run: gh models run openai/gpt-4.1 \"Write release notes\" < CHANGELOG.md\n", "github-models")]
    [InlineData("      - run: openhands --task \"fix\"\n", "openhands")]
    public void Route3_an_undeclared_assistant_run_from_a_workflow_step_is_GRD130(string steps, string assistant)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow(steps));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD130"), x => x.Subject == assistant);
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal(file, f.File);
    }

    [Fact]
    public void Route3_a_job_level_reusable_workflow_and_a_container_image_are_read_like_steps()
    {
        using var repo = new FootprintRepo();
        string resolver = repo.Write(".github/workflows/openhands.yml",
            "name: resolver\non: [issue_comment]\njobs:\n  call-openhands-resolver:\n    uses: All-Hands-AI/OpenHands/.github/workflows/openhands-resolver.yml@main\n" +
            "    with: { macro: \"@openhands-agent\", max_iterations: 50, LLM_MODEL: \"anthropic/claude-opus-4-1\" }\n    secrets: inherit\n");
        string container = repo.Write(".github/workflows/review.yml",
            "name: review\non: [pull_request]\njobs:\n  review:\n    runs-on: ubuntu-latest\n    container: codiumai/pr-agent:latest\n    steps:\n      - run: echo review\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Equal(resolver, Assert.Single(run.Of("GRD130"), x => x.Subject == "openhands").File);
        Assert.Equal(container, Assert.Single(run.Of("GRD130"), x => x.Subject == "qodo-pr-agent").File);
    }

    /// <summary>GitHub Models and OpenHands declared and approved with model lists: their CI models are held against them.</summary>
    [Fact]
    public void Route3_GitHub_Models_and_OpenHands_models_in_CI_are_held_against_the_policy_s_models()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow(
            "      - uses: actions/ai-inference@v1\n        with:\n          model: xai/grok-3\n          prompt: \"Summarize the diff\"\n" +
            "      - run: gh models run xai/grok-3 \"Write release notes\"\n" +
            "      - run: gh models run openai/gpt-4.1 \"Write release notes\"\n" +
            "      - uses: actions/ai-inference@v1\n        with: { model: openai/gpt-4.1 }\n"));
        string resolver = repo.Write(".github/workflows/openhands.yml",
            "name: resolver\non: [issue_comment]\njobs:\n  call:\n    uses: All-Hands-AI/OpenHands/.github/workflows/openhands-resolver.yml@main\n" +
            "    with:\n      LLM_MODEL: \"anthropic/claude-opus-4-1\"\n");
        const string Approval = "\"approval\": { \"approvedBy\": \"dana\", \"approvedAt\": \"2026-01-10\", \"expiresAt\": \"2026-12-31\" }";
        string policy = FootprintHarness.Policy.Replace("{ \"id\": \"gemini\",",
            "{ \"id\": \"github-models\", \"models\": { \"allow\": [\"openai/gpt-4.1\"] }, " + Approval + " },\n" +
            "            { \"id\": \"openhands\", \"models\": { \"allow\": [\"anthropic/claude-sonnet-4*\"] }, " + Approval + " },\n" +
            "            { \"id\": \"gemini\",");

        FootprintHarness.Run run = FootprintHarness.Check(repo, policy, FootprintHarness.Manifest("[ { \"id\": \"github-models\" }, { \"id\": \"openhands\" } ]"));

        Assert.Empty(run.Of("GRD130"));
        List<Finding> models = run.Of("GRD133");
        Assert.Equal(3, models.Count);
        Assert.Contains(models, m => m.File == file && m.Line == 10 && m.Message.Contains("'xai/grok-3'"));
        Assert.Contains(models, m => m.File == file && m.Line == 12 && m.Message.Contains("'xai/grok-3'"));
        Assert.Contains(models, m => m.File == resolver && m.Message.Contains("'anthropic/claude-opus-4-1'"));
        Assert.All(models, m => Assert.True(run.IsError(m), run.ToString()));
    }

    [Theory]
    [InlineData("droid exec --auto high \"fix the failing tests\"", "factory-droid/bypassMode", "--auto high")]
    [InlineData("droid exec --skip-permissions-unsafe \"fix\"", "factory-droid/bypassMode", "--skip-permissions-unsafe")]
    [InlineData("droid exec --auto medium \"fix\"", "factory-droid/autoApprove", "--auto medium")]
    public void Route3_Factory_s_autonomy_on_droid_exec_s_command_line_is_held_against_its_ceilings(string command, string subject, string flag)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/ai.yml", Workflow("      - run: " + command + "\n"));
        string policy = FootprintHarness.Policy.Replace("{ \"id\": \"gemini\",",
            "{ \"id\": \"factory-droid\", \"permissions\": { \"bypassMode\": \"forbid\", \"autoApprove\": \"forbid\" }, \"approval\": { \"approvedBy\": \"dana\", \"approvedAt\": \"2026-01-10\", \"expiresAt\": \"2026-12-31\" } },\n            { \"id\": \"gemini\",");

        FootprintHarness.Run run = FootprintHarness.Check(repo, policy, FootprintHarness.Manifest("[ { \"id\": \"factory-droid\" } ]"));

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal(subject, f.Subject);
        Assert.Equal(file, f.File);
        Assert.Equal(8, f.Line);
        Assert.Contains(flag, f.Message);
    }

    // ---- Side observation: footprint catalog gaps ----

    [Theory]
    [InlineData(".tabnineignore", "secrets/\n", "tabnine")]
    [InlineData(".cody/ignore", "secrets/\n", "sourcegraph-cody")]
    [InlineData(".bolt/prompt", "Use Tailwind.\n", "bolt")]
    [InlineData(".kiloignore", "secrets/\n", "kilo-code")]
    [InlineData(".zencoder/rules/style.md", "---\ndescription: style\n---\nBe nice.\n", "zencoder")]
    [InlineData(".comate/rules/style.mdr", "Be nice.\n", "comate")]
    [InlineData(".sweep.yaml", "gha_enabled: true\n", "sweep")]
    [InlineData("ellipsis.yaml", "version: 1.3\npr_review:\n  auto_review_enabled: true\n", "ellipsis")]
    [InlineData(".ellipsis.yaml", "version: 1.3\n", "ellipsis")]
    [InlineData("gptme.toml", "files = [\"README.md\"]\n", "gptme")]
    public void Footprints_the_catalog_lacked_are_GRD130(string path, string content, string assistant)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding f = Assert.Single(run.Of("GRD130"));
        Assert.True(run.IsError(f), run.ToString());
        Assert.Equal(assistant, f.Subject);
        Assert.Equal(file, f.File);
    }
}
