namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD307: a project lowering GuardrailsMode to Audit below the central setting.</summary>
public class ModeLoweredTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Enforce")]
    public void A_project_setting_Audit_is_GRD307_and_the_check_stays_in_Enforce(string central)
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.CentralSettingsCaptured = true;
        runner.Task.CentralMode = central;
        runner.Task.Mode = "Audit";
        runner.Task.NoWarn = "GRD001";

        Assert.False(runner.Run().Passed);
        Assert.Contains("GRD307", runner.ErrorCodes);
        Assert.Contains("GRD304", runner.ErrorCodes);
        Assert.Equal("Enforce", runner.Task.EffectiveMode);
        Assert.Contains("mode=Enforce", runner.Effective);
    }

    [Fact]
    public void Audit_set_centrally_or_allowed_by_the_tier_is_honoured()
    {
        using var dir = new TempDir();
        var central = new CheckRunner(dir);
        central.Task.CentralSettingsCaptured = true;
        central.Task.CentralMode = "Audit";
        central.Task.Mode = "Audit";
        Assert.True(central.Run().Passed);
        Assert.Equal("Audit", central.Task.EffectiveMode);

        using var dir2 = new TempDir();
        var sandbox = new CheckRunner(dir2, CheckRunner.PolicyAllowing("false", sandbox: "[\"auditMode\"]"), CheckRunner.ManifestInTier("sandbox"));
        sandbox.Task.CentralSettingsCaptured = true;
        sandbox.Task.CentralMode = "Enforce";
        sandbox.Task.Mode = "Audit";
        Assert.True(sandbox.Run().Passed);
        Assert.Equal("Audit", sandbox.Task.EffectiveMode);
    }

    [Fact]
    public void Not_captured_means_no_comparison()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.CentralMode = "Enforce";
        runner.Task.Mode = "Audit";
        Assert.True(runner.Run().Passed);
    }
}
