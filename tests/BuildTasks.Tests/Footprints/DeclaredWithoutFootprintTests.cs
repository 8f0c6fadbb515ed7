using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD131: a declared assistant, or a declared footprint path, with nothing in the repository.</summary>
public class DeclaredWithoutFootprintTests
{
    [Fact]
    public void A_declared_assistant_with_no_files_is_a_warning_at_its_manifest_entry()
    {
        using var repo = new FootprintRepo();
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[\n    { \"id\": \"gemini\" } ]"));

        Finding f = Assert.Single(run.Of("GRD131"));
        Assert.True(f.WarningOnly);
        Assert.Equal((3, 13), (f.Line, f.Column));
        Assert.EndsWith("ai-assistants.json", f.File);
    }

    [Fact]
    public void Declared_footprint_paths_are_checked_one_by_one()
    {
        using var repo = new FootprintRepo();
        repo.Write("GEMINI.md", "# g");
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy,
            FootprintHarness.Manifest("[ { \"id\": \"gemini\", \"footprints\": [\"GEMINI.md\", \".gemini/settings.json\"] } ]"));

        Finding f = Assert.Single(run.Of("GRD131"));
        Assert.Contains("'.gemini/settings.json'", f.Message);
    }

    [Fact]
    public void Present_footprints_and_assistants_the_catalog_does_not_know_are_left_alone()
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture("cursor");
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"cursor\" }, { \"id\": \"in-house-bot\" } ]"));
        Assert.Empty(run.Of("GRD131"));
    }
}
