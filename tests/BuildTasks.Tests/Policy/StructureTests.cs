using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

public class GRD105_UnsupportedFormatTests
{
    [Fact]
    public void A_newer_major_policy_format_is_refused_at_the_format_value()
    {
        string policy = BasePolicy.Edit("\"policyFormat\": \"1.0\"", "\"policyFormat\": \"2.0\"");
        var run = Check(policy);

        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD105", f.Rule.Id);
        Assert.Equal(PositionOf(policy, "\"2.0\""), (f.Line, f.Column));
        Assert.Contains("format 1.x only", f.Message);
        Assert.Contains("Update the Guardrails package", f.Message);
        Assert.Null(run.Result.Policy);
    }

    [Fact]
    public void A_missing_format_and_a_newer_manifest_format_are_refused()
    {
        Assert.Single(Check(BasePolicy.Edit("\"policyFormat\": \"1.0\",", "")).Of("GRD105"));
        var run = Check(manifest: BaseManifest.Edit("\"manifestFormat\": \"1.0\"", "\"manifestFormat\": \"3\""));
        Assert.Equal(run.ManifestPath, Assert.Single(run.Of("GRD105")).File);
    }

    [Fact]
    public void Any_minor_of_the_supported_major_is_accepted()
    {
        Assert.Empty(Check(BasePolicy.Edit("\"policyFormat\": \"1.0\"", "\"policyFormat\": \"1.7\"")).Result.Findings);
    }
}

public class GRD106_UnknownFieldTests
{
    [Fact]
    public void An_unknown_policy_field_is_an_error_with_a_suggestion()
    {
        string policy = BasePolicy.Edit("\"models\": {", "\"modles\": {");
        var run = Check(policy);

        var f = Assert.Single(run.Of("GRD106"));
        Assert.True(f.IsError(enforce: true));
        Assert.Equal(PositionOf(policy, "\"modles\""), (f.Line, f.Column));
        Assert.Contains("Did you mean 'models'?", f.Message);
    }

    [Fact]
    public void An_unknown_manifest_field_is_a_warning_and_schema_links_are_fine()
    {
        var run = Check(manifest: BaseManifest.Edit("\"tier\":", "\"$schema\": \"x\", \"notes\": \"hello\", \"tier\":"));

        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD106", f.Rule.Id);
        Assert.False(f.IsError(enforce: true));
        Assert.Contains("'notes'", f.Message);
    }
}

public class GRD107_InvalidValueTests
{
    [Theory]
    [InlineData("\"revision\": 3", "\"revision\": \"three\"", "must be a number")]
    [InlineData("\"expiresAt\": \"2026-12-31\", \"ticket\"", "\"expiresAt\": \"end of year\", \"ticket\"", "is not a date")]
    [InlineData("\"versions\": \"[2.0,3.0)\"", "\"versions\": \"[2.0,\"", "is not a NuGet version range")]
    [InlineData("\"unknownAssistant\": \"deny\"", "\"unknownAssistant\": \"maybe\"", "must be \"deny\", \"warn\" or \"allow\"")]
    [InlineData("\"rule\": \"GRD114\"", "\"rule\": \"GRD102\"", "not a rule a waiver can cover")]
    [InlineData("\"url\": \"https://api.githubcopilot.com/mcp/*\"", "\"url\": \"https://api.githubcopilot.com/mcp/*\", \"package\": \"X\"", "exactly one of 'url', 'command' or 'package'")]
    [InlineData("\"url\": \"https://api.githubcopilot.com/mcp/*\"", "\"url\": \"https://api.*.com/mcp\"", "whole labels on the left")]
    [InlineData("\"approvedAt\": \"2026-05-01\"", "\"approvedAt\": \"2026-10-01\"", "before it was approved")]
    public void A_wrong_type_or_value_is_GRD107_at_the_value(string from, string to, string expected)
    {
        string policy = BasePolicy.Edit(from, to);
        var run = Check(policy);

        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD107", f.Rule.Id);
        Assert.Contains(expected, f.Message);
        Assert.Equal(run.PolicyPath, f.File);
        Assert.True(f.Line > 1);
    }

    [Fact]
    public void Missing_required_fields_are_reported_on_the_object_that_lacks_them()
    {
        var run = Check(BasePolicy.Edit("\"approvedBy\": \"dana\", ", ""));
        Assert.Contains("missing the required field 'approvedBy'", Assert.Single(run.Of("GRD107")).Message);

        var manifestRun = Check(manifest: BaseManifest.Edit("\"repository\": \"github.com/contoso/payments\",", ""));
        Assert.Contains(manifestRun.Of("GRD107"), f => f.Message.Contains("'repository'"));
    }

    [Fact]
    public void The_manifest_must_name_a_data_class_when_the_policy_defines_them()
    {
        var run = Check(manifest: BaseManifest.Edit("\"dataClass\": \"confidential\",", ""));
        Assert.Contains("names no 'dataClass'", Assert.Single(run.Of("GRD107")).Message);
    }
}

public class GRD108_DuplicateEntryTests
{
    [Fact]
    public void A_duplicated_assistant_id_is_GRD108_and_a_duplicated_field_is_refused_by_the_reader()
    {
        var ids = Check(BasePolicy.Edit("{ \"id\": \"copilot\"", "{ \"id\": \"Claude-Code\""));
        Assert.Contains(ids.Of("GRD108"), f => f.Message.Contains("assistant 'Claude-Code' twice"));

        // A member twice in one object: JSON readers disagree on which counts, so the policy is not read (GRD102).
        var fields = Check(BasePolicy.Edit("\"policyId\": \"test-policy\",", "\"policyId\": \"test-policy\", \"policyId\": \"again\","));
        Assert.Contains(fields.Of("GRD102"), f => f.Message.Contains("\"policyId\" appears twice"));
    }

    [Fact]
    public void Duplicated_waiver_claims_in_the_manifest_are_reported()
    {
        var run = Check(manifest: BaseManifest.Edit("\"waivers\": []", "\"waivers\": [\"WVR-1\", \"wvr-1\"]"));
        Assert.Single(run.Of("GRD108"));
    }
}

public class GRD109_ApproverNotAllowedTests
{
    [Fact]
    public void An_approval_by_someone_outside_owner_approvers_is_an_error_on_the_policy()
    {
        string policy = BasePolicy.Edit("\"approvedBy\": \"dana\"", "\"approvedBy\": \"mallory\"");
        var run = Check(policy);

        var f = Assert.Single(run.Of("GRD109"));
        Assert.Equal(run.PolicyPath, f.File);
        Assert.Equal(PositionOf(policy, "\"mallory\""), (f.Line, f.Column));
        Assert.Contains("dana, li", f.Message);
    }

    [Fact]
    public void A_waiver_approved_by_a_non_approver_is_an_error_and_covers_nothing()
    {
        var run = Check(BasePolicy.Edit("\"approvedBy\": \"li\", \"approvedAt\": \"2026-05-01\"", "\"approvedBy\": \"intern\", \"approvedAt\": \"2026-05-01\""));
        Assert.Single(run.Of("GRD109"));
    }
}

public class GRD110_UndefinedReferenceTests
{
    [Fact]
    public void A_tier_ceiling_or_assistant_tier_that_is_not_defined_is_reported()
    {
        var run = Check(BasePolicy.Edit("\"sandbox\": { \"maxDataClass\": \"internal\" }", "\"sandbox\": { \"maxDataClass\": \"secret\" }")
            .Edit("\"tiers\": [\"sandbox\"], \"maxDataClass\": \"internal\"", "\"tiers\": [\"lab\"], \"maxDataClass\": \"internal\""));

        var f = run.Of("GRD110");
        Assert.Equal(2, f.Count);
        Assert.Contains(f, x => x.Message.Contains("data class 'secret'"));
        Assert.Contains(f, x => x.Message.Contains("tier 'lab'"));
    }

    [Fact]
    public void A_manifest_data_class_the_policy_does_not_define_is_reported_on_the_manifest()
    {
        var run = Check(manifest: BaseManifest.Edit("\"dataClass\": \"confidential\"", "\"dataClass\": \"top-secret\""));
        Assert.Equal(run.ManifestPath, Assert.Single(run.Of("GRD110")).File);
    }
}
