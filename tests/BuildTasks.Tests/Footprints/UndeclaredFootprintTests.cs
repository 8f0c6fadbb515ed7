using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD130: an assistant's footprint, but the manifest does not declare the assistant.</summary>
public class UndeclaredFootprintTests
{
    [Fact]
    public void An_undeclared_cursor_folder_is_an_error_at_its_first_file_once_per_footprint()
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture("cursor");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        List<Finding> findings = run.Of("GRD130");
        Assert.True(findings.Count == 2, run.ToString()); // .cursor/ and .cursorignore
        Finding folder = findings.Single(f => f.File.EndsWith(Path.Combine(".cursor", "mcp.json")));
        Assert.Equal((1, 1), (folder.Line, folder.Column));
        Assert.True(run.IsError(folder));
        Assert.Contains("'.cursor/' shows that 'cursor' is used", folder.Message);
        Assert.Contains("the policy approves 'cursor'", folder.Message);
        Assert.Equal("cursor", folder.Subject);
    }

    [Fact]
    public void Declaring_the_assistant_clears_it_and_a_shared_file_is_covered_by_any_of_its_assistants()
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture("cursor");
        repo.Write(".mcp.json", "{ \"mcpServers\": {} }");
        repo.Write("AGENTS.md", "# agents");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"cursor\" }, { \"id\": \"claude-code\" } ]"));

        Assert.Empty(run.Of("GRD130"));
    }

    [Fact]
    public void The_policy_default_can_lower_it_to_a_warning_or_allow_it()
    {
        using var repo = new FootprintRepo();
        repo.Write("GEMINI.md", "# g");

        FootprintHarness.Run warn = FootprintHarness.Check(repo, FootprintHarness.PolicyWith("{ \"unknownFootprint\": \"warn\" }"), FootprintHarness.Manifest("[]"));
        Assert.True(Assert.Single(warn.Of("GRD130")).WarningOnly);

        FootprintHarness.Run allow = FootprintHarness.Check(repo, FootprintHarness.PolicyWith("{ \"unknownFootprint\": \"allow\" }"), FootprintHarness.Manifest("[]"));
        Assert.Empty(allow.Of("GRD130"));
    }

    [Fact]
    public void Without_a_policy_or_outside_the_walk_nothing_is_reported()
    {
        using var repo = new FootprintRepo();
        repo.Write(".windsurfrules", "x");
        Assert.Empty(FootprintHarness.Check(repo, policy: null, FootprintHarness.Manifest("[]")).Of("GRD130"));

        using var other = new FootprintRepo();
        other.Write("src/Other/.cursor/mcp.json", "{}"); // a sibling project's folder is not on the walk up
        Assert.Empty(FootprintHarness.Check(other, FootprintHarness.Policy, FootprintHarness.Manifest("[]")).Of("GRD130"));
    }

    [Fact]
    public void With_a_policy_but_no_manifest_every_footprint_is_undeclared_and_a_broken_manifest_adds_nothing()
    {
        using var repo = new FootprintRepo();
        repo.Write("CLAUDE.md", "# c");

        FootprintHarness.Run none = FootprintHarness.Check(repo, FootprintHarness.Policy, manifest: null);
        Assert.Contains("no ai-assistants.json declares it", Assert.Single(none.Of("GRD130")).Message);
        Assert.Single(none.Of("GRD103"));

        FootprintHarness.Run broken = FootprintHarness.Check(repo, FootprintHarness.Policy, "{ \"assistants\": [ }");
        Assert.Empty(broken.Of("GRD130"));
        Assert.Single(broken.Of("GRD102"));
    }

    [Fact]
    public void A_policy_waiver_for_the_assistant_downgrades_it()
    {
        using var repo = new FootprintRepo();
        repo.Write(".windsurfrules", "x");
        string waivers = "[ { \"id\": \"WVR-9\", \"rule\": \"GRD130\", \"subject\": \"windsurf\", \"approvedBy\": \"dana\", \"approvedAt\": \"2026-05-01\", \"expiresAt\": \"2026-12-31\", \"reason\": \"trial\" } ]";

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.PolicyWith(waivers: waivers), FootprintHarness.Manifest("[]", "[\"WVR-9\"]"));

        Assert.True(run.Of("GRD130").Count == 1, run.ToString());
        Finding f = run.Of("GRD130")[0];
        Assert.Equal("WVR-9", f.WaivedBy);
        Assert.False(run.IsError(f));
    }
}
