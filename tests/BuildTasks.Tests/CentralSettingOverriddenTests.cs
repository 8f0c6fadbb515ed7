namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD308: a project changing the centrally set policy path or pin.</summary>
public class CentralSettingOverriddenTests
{
    [Fact]
    public void A_project_pointing_at_its_own_policy_is_GRD308()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.CentralSettingsCaptured = true;
        runner.Task.CentralPolicyPath = Path.Combine(dir.Path, "eng", "guardrails.policy.json");

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD308");
        Assert.Contains("eng", error.Message);
        Assert.Contains("cannot choose its own policy", error.Message);
    }

    [Fact]
    public void A_project_with_its_own_permissive_policy_and_Audit_cannot_make_GRD308_a_warning()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir, CheckRunner.PolicyAllowing("true"));
        runner.Task.CentralSettingsCaptured = true;
        runner.Task.CentralPolicyPath = Path.Combine(dir.Path, "eng", "guardrails.policy.json");
        runner.Task.CentralMode = string.Empty;
        runner.Task.Mode = "Audit";

        Assert.False(runner.Run().Passed);
        Assert.Contains("GRD308", runner.ErrorCodes);
        Assert.DoesNotContain("GRD308", runner.WarningCodes);
        Assert.Equal("Enforce", runner.Task.EffectiveMode);
    }

    [Fact]
    public void Clearing_the_policy_path_is_GRD308_even_though_no_policy_is_loaded()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir, policy: null);
        runner.Task.CentralSettingsCaptured = true;
        runner.Task.CentralPolicyPath = "/org/guardrails.policy.json";
        Assert.False(runner.Run().Passed);
        Assert.Contains("GRD308", runner.ErrorCodes);
    }

    [Fact]
    public void A_project_changing_the_pin_is_GRD308_and_the_same_values_pass()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string hash = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.CentralSettingsCaptured = true;
        runner.Task.CentralPolicySha256 = new string('d', 64);
        runner.Task.PolicySha256 = hash;
        Assert.False(runner.Run().Passed);
        Assert.Contains("GRD308", runner.ErrorCodes);

        using var dir2 = new TempDir();
        var same = new CheckRunner(dir2);
        same.Task.CentralSettingsCaptured = true;
        same.Task.CentralPolicyPath = same.Task.PolicyPath;
        same.Task.CentralPolicySha256 = CheckRunner.Sha256Of(same.Task.PolicyPath!).ToUpperInvariant();
        same.Task.PolicySha256 = CheckRunner.Sha256Of(same.Task.PolicyPath!);
        Assert.True(same.Run().Passed, string.Join(",", same.ErrorCodes));
    }
}
