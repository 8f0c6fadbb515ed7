namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD301 (pin mismatch) and GRD302 (malformed pin).</summary>
public class PolicyPinTests
{
    [Fact]
    public void A_matching_pin_passes_in_any_case_and_with_a_sha256_prefix()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string hash = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.PolicySha256 = " sha256:" + hash.ToUpperInvariant() + " ";

        Assert.True(runner.Run().Passed, string.Join(", ", runner.ErrorCodes));
        Assert.Empty(runner.Engine.Errors);
    }

    [Fact]
    public void A_tampered_policy_fails_with_GRD301_naming_both_hashes()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string pinned = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.PolicySha256 = pinned;
        File.WriteAllText(runner.Task.PolicyPath!, CheckRunner.Policy.Replace("\"revision\": 3", "\"revision\": 3, \"defaults\": { \"unknownAssistant\": \"allow\" }"));
        string actual = CheckRunner.Sha256Of(runner.Task.PolicyPath!);

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD301");
        Assert.Equal(runner.Task.PolicyPath, error.File);
        Assert.Contains(pinned, error.Message);
        Assert.Contains(actual, error.Message);
        Assert.Contains("docs/rules/GRD301.md", error.Message);
    }

    [Fact]
    public void Several_pins_accept_either_file_during_a_rollout()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string hash = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.PolicySha256 = new string('a', 64) + ";" + hash;
        Assert.True(runner.Run().Passed);
    }

    [Fact]
    public void Audit_mode_reports_a_mismatch_as_a_warning()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.PolicySha256 = new string('0', 64);
        runner.Task.Mode = "Audit";
        Assert.True(runner.Run().Passed);
        Assert.Contains("GRD301", runner.WarningCodes);
    }

    [Fact]
    public void A_pin_with_the_policy_path_cleared_is_GRD301_on_the_project()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir, policy: null);
        runner.Task.PolicySha256 = new string('b', 64);

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD301");
        Assert.Equal(runner.Task.ProjectPath, error.File);
        Assert.Contains("GuardrailsPolicyPath is empty", error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("sha1:0123456789012345678901234567890123456789")]
    public void A_malformed_pin_is_GRD302_and_never_silently_accepted(string pin)
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.PolicySha256 = pin;

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD302");
        Assert.Equal(runner.Task.ProjectPath, error.File);
        Assert.Contains("64 hexadecimal digits", error.Message);
        Assert.DoesNotContain("GRD301", runner.ErrorCodes);
    }

    [Fact]
    public void A_hostile_pin_is_shortened_and_control_characters_are_not_echoed()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.PolicySha256 = "\u001b[31m" + new string('x', 500);
        runner.Run();
        string message = runner.Error("GRD302").Message!;
        Assert.False(message.Contains('\u001b'), message);
        Assert.DoesNotContain(new string('x', 100), message);
    }
}
