namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD303: a policy revision lower than one this repository already built against.</summary>
public class PolicyRollbackTests
{
    private static CheckRunner Build(TempDir dir, int revision, string policyId = "p", string? pin = null, string? mode = null)
    {
        var runner = new CheckRunner(dir, CheckRunner.Policy.Replace("\"revision\": 3", "\"revision\": " + revision).Replace("\"policyId\": \"p\"", "\"policyId\": \"" + policyId + "\""));
        runner.Task.PolicySha256 = pin;
        runner.Task.Mode = mode;
        return runner.Run();
    }

    [Fact]
    public void A_lower_revision_than_seen_before_is_GRD303_at_the_revision()
    {
        using var dir = new TempDir();
        Assert.True(Build(dir, 5).Passed);
        Assert.True(Build(dir, 5).Passed);

        var rolledBack = Build(dir, 4);
        Assert.False(rolledBack.Passed);
        var error = rolledBack.Error("GRD303");
        Assert.Equal(rolledBack.Task.PolicyPath, error.File);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("revision 4", error.Message);
        Assert.Contains("revision 5", error.Message);

        // The rollback does not lower what was recorded; moving forward clears it.
        Assert.False(Build(dir, 4).Passed);
        Assert.True(Build(dir, 6).Passed);
        Assert.False(Build(dir, 5).Passed);
    }

    [Fact]
    public void Revisions_are_tracked_per_policy_id()
    {
        using var dir = new TempDir();
        Assert.True(Build(dir, 9, "estate").Passed);
        Assert.True(Build(dir, 1, "sandbox-policy").Passed);
        Assert.Contains("estate\t9", File.ReadAllText(Path.Combine(dir.Path, "obj", "guardrails", "policy-revisions.txt")));
    }

    [Fact]
    public void A_policy_that_fails_its_pin_is_not_recorded()
    {
        using var dir = new TempDir();
        Assert.False(Build(dir, 1000, pin: new string('c', 64)).Passed);
        Assert.True(Build(dir, 2).Passed);
    }

    [Fact]
    public void A_damaged_state_file_is_ignored_not_fatal()
    {
        using var dir = new TempDir();
        dir.Write("obj/guardrails/policy-revisions.txt", "garbage\np\tnot-a-number\n\u0000\u0001");
        var runner = Build(dir, 2);
        Assert.True(runner.Passed, string.Join(", ", runner.ErrorCodes));
        Assert.False(Build(dir, 1).Passed);
    }

    [Fact]
    public void Audit_mode_warns_about_a_rollback()
    {
        using var dir = new TempDir();
        Build(dir, 3);
        var runner = Build(dir, 2, mode: "Audit");
        Assert.True(runner.Passed);
        Assert.Contains("GRD303", runner.WarningCodes);
    }
}
