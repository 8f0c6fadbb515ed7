namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD304: Guardrails ids in NoWarn, WarningsNotAsErrors, MSBuildWarningsAsMessages, MSBuildWarningsNotAsErrors.</summary>
public class SuppressedByPropertyTests
{
    [Fact]
    public void Guardrails_ids_in_NoWarn_are_GRD304_naming_the_property_and_ids()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.NoWarn = "1701;1702;grd001 , CS8618;GRD003";

        Assert.False(runner.Run().Passed);
        Assert.Equal(2, runner.ErrorCodes.Count(c => c == "GRD304"));
        var error = runner.Engine.Errors.First(e => e.Code == "GRD304");
        Assert.Equal(runner.Task.ProjectPath, error.File);
        Assert.Contains("NoWarn: GRD001)", error.Message);
        Assert.Contains(runner.Engine.Errors, e => e.Message!.Contains("NoWarn: GRD003)"));
        Assert.Contains("\"properties\"", error.Message);
        Assert.Contains("suppression.allowed=false", runner.Effective);
    }

    [Fact]
    public void Each_property_is_reported_once()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.WarningsNotAsErrors = "GRD001";
        runner.Task.MSBuildWarningsAsMessages = "GRD101;GRD101";
        runner.Task.MSBuildWarningsNotAsErrors = "GRD102";
        runner.Run();
        Assert.Equal(3, runner.ErrorCodes.Count(c => c == "GRD304"));
        Assert.Contains(runner.Engine.Errors, e => e.Message!.Contains("MSBuildWarningsAsMessages: GRD101)"));
    }

    [Fact]
    public void Ids_the_SDK_copies_from_NoWarn_into_MSBuildWarningsAsMessages_are_reported_once()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.NoWarn = "GRD001";
        runner.Task.MSBuildWarningsAsMessages = "GRD001;GRD002";
        runner.Run();
        Assert.Equal(2, runner.ErrorCodes.Count(c => c == "GRD304"));
        Assert.Contains(runner.Engine.Errors, e => e.Message.Contains("MSBuildWarningsAsMessages: GRD002)"));
    }

    [Fact]
    public void Other_ids_and_look_alikes_are_left_alone()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.NoWarn = "1701;1702;NU1603;CS1591;GRD;GRD1;XGRD001;GRD0011";
        Assert.True(runner.Run().Passed, string.Join(",", runner.ErrorCodes));
        Assert.Empty(runner.Engine.Warnings);
    }

    [Fact]
    public void Allowed_by_the_policy_for_the_tier_and_not_without_a_policy()
    {
        using var dir = new TempDir();
        var sandbox = new CheckRunner(dir, CheckRunner.PolicyAllowing("false", sandbox: "[\"properties\"]"), CheckRunner.ManifestInTier("sandbox"));
        sandbox.Task.NoWarn = "GRD001";
        Assert.True(sandbox.Run().Passed, string.Join(",", sandbox.ErrorCodes));

        using var dir2 = new TempDir();
        var regulated = new CheckRunner(dir2, CheckRunner.PolicyAllowing("false", sandbox: "true"), CheckRunner.ManifestInTier("regulated"));
        regulated.Task.NoWarn = "GRD001";
        Assert.False(regulated.Run().Passed);
        Assert.Contains("tier 'regulated'", regulated.Error("GRD304").Message);

        using var dir3 = new TempDir();
        var ungoverned = new CheckRunner(dir3, policy: null, manifest: null);
        ungoverned.Task.NoWarn = "GRD001";
        Assert.True(ungoverned.Run().Passed);
    }

    [Fact]
    public void Audit_mode_warns()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.Mode = "Audit";
        runner.Task.NoWarn = "GRD001";
        Assert.True(runner.Run().Passed);
        Assert.Equal("GRD304", Assert.Single(runner.WarningCodes));
    }
}
