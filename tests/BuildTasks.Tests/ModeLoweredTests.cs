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

/// <summary>GRD307 when the policy sets the tier's mode, and waivers covering local bypasses.</summary>
public class TierModeAndWaiverTests
{
    private const string Owner = "\"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] }";

    private static string PolicyWith(string tiers, string waivers = "[]") =>
        "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 3, " + Owner + ", \"tiers\": " + tiers + ", \"waivers\": " + waivers + " }";

    private static string Waiver(string id, string rule, string subject, string expires = "2099-01-01") =>
        "{ \"id\": \"" + id + "\", \"rule\": \"" + rule + "\", \"subject\": \"" + subject + "\", \"approvedBy\": \"sec\", \"approvedAt\": \"2019-01-01\", \"expiresAt\": \"" + expires + "\", \"reason\": \"migration\" }";

    private static string ManifestClaiming(string tier, params string[] waivers) =>
        "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"tier\": \"" + tier + "\", \"assistants\": [], \"waivers\": [" +
        string.Join(", ", waivers.Select(w => "\"" + w + "\"")) + "] }";

    [Fact]
    public void The_tier_mode_wins_over_Audit_from_anywhere_and_allowLocalSuppression_cannot_lower_it()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir, PolicyWith("{ \"regulated\": { \"mode\": \"Enforce\", \"allowLocalSuppression\": true } }"), ManifestClaiming("regulated"));
        runner.Task.Mode = "Audit"; // e.g. -p:GuardrailsMode=Audit on the command line: nothing central to compare with
        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD307");
        Assert.Contains("policy demands Enforce for tier 'regulated'", error.Message);
        Assert.Equal("Enforce", runner.Task.EffectiveMode);
    }

    [Fact]
    public void An_Audit_tier_runs_in_Audit_and_a_project_may_still_ask_for_Enforce()
    {
        using var dir = new TempDir();
        var audit = new CheckRunner(dir, PolicyWith("{ \"sandbox\": { \"mode\": \"Audit\" } }"), ManifestClaiming("sandbox"));
        audit.Task.Mode = "Audit";
        Assert.True(audit.Run().Passed, string.Join(",", audit.ErrorCodes));
        Assert.Equal("Audit", audit.Task.EffectiveMode);

        using var dir2 = new TempDir();
        var stricter = new CheckRunner(dir2, PolicyWith("{ \"sandbox\": { \"mode\": \"Audit\" } }"), ManifestClaiming("sandbox"));
        stricter.Task.Mode = "Enforce";
        Assert.True(stricter.Run().Passed);
        Assert.Equal("Enforce", stricter.Task.EffectiveMode);
    }

    [Fact]
    public void A_waiver_covers_a_bypass_by_rule_and_subject_and_turns_it_into_a_warning_naming_the_waiver()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir,
            PolicyWith("{ \"regulated\": { \"mode\": \"Enforce\" } }", "[" + Waiver("WVR-1", "GRD304", "GRD001") + "]"),
            ManifestClaiming("regulated", "WVR-1"));
        runner.Task.NoWarn = "GRD001;GRD002";

        Assert.False(runner.Run().Passed, string.Join(",", runner.WarningCodes));
        var notCovered = runner.Error("GRD304");
        Assert.Contains("NoWarn: GRD002", notCovered.Message);
        Assert.Contains(runner.Engine.Warnings, w => w.Code == "GRD304" && w.Message!.Contains("NoWarn: GRD001") && w.Message.Contains("Waived by 'WVR-1'"));

        // The tier demands Enforce; a waiver of GRD307 for "mode" is the one way to run this project in Audit.
        using var dir2 = new TempDir();
        var audit = new CheckRunner(dir2,
            PolicyWith("{ \"regulated\": { \"mode\": \"Enforce\" } }", "[" + Waiver("WVR-2", "GRD307", "mode") + "]"),
            ManifestClaiming("regulated", "WVR-2"));
        audit.Task.Mode = "Audit";
        Assert.True(audit.Run().Passed);
        Assert.Contains(audit.Engine.Warnings, w => w.Code == "GRD307" && w.Message!.Contains("Waived by 'WVR-2'"));
        Assert.Equal("Audit", audit.Task.EffectiveMode);
    }

    [Fact]
    public void An_expired_waiver_covers_nothing()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir,
            PolicyWith("{ \"regulated\": {} }", "[" + Waiver("WVR-1", "GRD304", "GRD*", expires: "2020-01-02") + "]"),
            ManifestClaiming("regulated", "WVR-1"));
        runner.Task.NoWarn = "GRD001";
        Assert.False(runner.Run().Passed);
        Assert.Contains("GRD304", runner.ErrorCodes);
        Assert.Contains("GRD124", runner.ErrorCodes);
    }

    [Fact]
    public void A_waiver_of_GRD005_lets_code_suppress_the_ids_it_names()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir,
            PolicyWith("{ \"regulated\": {} }", "[" + Waiver("WVR-9", "GRD005", "GRD00*") + "]"),
            ManifestClaiming("regulated", "WVR-9"));
        Assert.True(runner.Run().Passed, string.Join(",", runner.ErrorCodes));
        Assert.Contains("suppression.allowed=false", runner.Effective);
        Assert.Contains("suppression.waived=GRD001", runner.Effective);
        Assert.Contains("suppression.waived=GRD005", runner.Effective);
        Assert.DoesNotContain("suppression.waived=GRD301", runner.Effective);
    }
}
