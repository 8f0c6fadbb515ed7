using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

internal static class WaiverCases
{
    /// <summary>A manifest using gpt-4o (GRD114), optionally claiming WVR-1.</summary>
    public static string Manifest(bool claim, string repo = "github.com/contoso/payments") =>
        BaseManifest.Edit("\"claude-sonnet-4-5\"", "\"gpt-4o\"").Edit("\"waivers\": []", claim ? "\"waivers\": [\"WVR-1\"]" : "\"waivers\": []").Edit("github.com/contoso/payments", repo);
}

public class WaiverAppliesTests
{
    [Fact]
    public void A_valid_waiver_downgrades_exactly_the_covered_finding_and_says_so()
    {
        var without = Check(manifest: WaiverCases.Manifest(claim: false));
        Assert.True(Assert.Single(without.Result.Findings).IsError(true));

        var with = Check(manifest: WaiverCases.Manifest(claim: true));
        var f = Assert.Single(with.Result.Findings);
        Assert.Equal("GRD114", f.Rule.Id);
        Assert.False(f.IsError(true));
        Assert.Equal("WVR-1", f.WaivedBy);
        Assert.Contains("Waived by 'WVR-1' (model evaluation, approved by li) until 2026-09-30", f.Message);
    }

    [Fact]
    public void A_waiver_does_not_cover_another_subject_or_rule()
    {
        string manifest = WaiverCases.Manifest(claim: true).Edit("\"gpt-4o\"", "\"gpt-4o\", \"gpt-5\"").Edit("\"version\": \"2.1.0\"", "\"version\": \"9.0\"");
        var run = Check(manifest: manifest);
        Assert.Single(run.Errors, f => f.Rule.Id == "GRD114");      // gpt-5 is not waived
        Assert.Single(run.Errors, f => f.Rule.Id == "GRD113");      // another rule is not waived
        Assert.Single(run.Result.Findings, f => f.WaivedBy == "WVR-1");
    }
}

public class GRD123_WaiverUnknownTests
{
    [Fact]
    public void Claiming_a_waiver_the_policy_does_not_define_fails_at_the_claim()
    {
        string manifest = BaseManifest.Edit("\"waivers\": []", "\"waivers\": [\"WVR-99\"]");
        var f = Assert.Single(Check(manifest: manifest).Result.Findings);
        Assert.Equal("GRD123", f.Rule.Id);
        Assert.Equal(PositionOf(manifest, "\"WVR-99\""), (f.Line, f.Column));
        Assert.Contains("defines WVR-1", f.Message);
    }
}

public class GRD124_WaiverExpiredTests
{
    [Fact]
    public void An_expired_waiver_fails_and_covers_nothing_and_one_about_to_expire_warns()
    {
        var expired = Check(manifest: WaiverCases.Manifest(claim: true), now: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(Assert.Single(expired.Of("GRD124")).IsError(true));
        Assert.True(Assert.Single(expired.Of("GRD114")).IsError(true));

        var soon = Check(manifest: WaiverCases.Manifest(claim: true), now: new DateTimeOffset(2026, 9, 25, 0, 0, 0, TimeSpan.Zero));
        Assert.False(Assert.Single(soon.Of("GRD124")).IsError(true));
        Assert.False(Assert.Single(soon.Of("GRD114")).IsError(true));
    }
}

public class GRD125_WaiverOutOfScopeTests
{
    [Fact]
    public void A_waiver_for_another_repository_or_project_covers_nothing()
    {
        var run = Check(manifest: WaiverCases.Manifest(claim: true, repo: "github.com/contoso/billing"));
        Assert.Contains("repository 'github.com/contoso/billing'", Assert.Single(run.Of("GRD125")).Message);
        Assert.True(Assert.Single(run.Of("GRD114")).IsError(true));

        string projectScoped = BasePolicy.Edit("\"scope\": { \"repositories\": [\"github.com/contoso/payments\"] }", "\"scope\": { \"projects\": [\"Payments.*\"] }");
        Assert.Single(Check(projectScoped, WaiverCases.Manifest(claim: true), project: "Billing.Api").Of("GRD125"));
        Assert.Empty(Check(projectScoped, WaiverCases.Manifest(claim: true), project: "Payments.Api").Errors);
    }
}
