using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;
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

    /// <summary>
    /// Adversary round 9 (side observation): the repository's manifest (above the project folders) speaks for every project;
    /// a waiver it claims that is scoped to some projects ("Payments.*") applies to those and is no error in the others —
    /// it was GRD125 in every other project, so a project-scoped waiver could not be claimed in a multi-project repository.
    /// A manifest in the project's own folder still gets GRD125 (above), and a repository out of scope still does.
    /// </summary>
    [Fact]
    public void A_project_scoped_claim_in_the_repository_manifest_is_silent_in_the_other_projects()
    {
        string projectScoped = BasePolicy.Edit("\"scope\": { \"repositories\": [\"github.com/contoso/payments\"] }", "\"scope\": { \"projects\": [\"Payments.*\"] }");

        var other = Check(projectScoped, WaiverCases.Manifest(claim: true), project: "Billing.Api", projectFolder: "src/Billing.Api");
        Assert.Empty(other.Of("GRD125"));
        Assert.True(Assert.Single(other.Of("GRD114")).IsError(true)); // not covered there: the violation stands

        var covered = Check(projectScoped, WaiverCases.Manifest(claim: true), project: "Payments.Api", projectFolder: "src/Payments.Api");
        Assert.Empty(covered.Errors);
        Assert.Equal("WVR-1", Assert.Single(covered.Of("GRD114")).WaivedBy);

        Assert.Single(Check(BasePolicy, WaiverCases.Manifest(claim: true, repo: "github.com/contoso/billing"), project: "Payments.Api", projectFolder: "src/Payments.Api").Of("GRD125"));
    }

    /// <summary>
    /// Session 12 review: "shared by the projects below its folder" compared the folders by hand, ignoring case everywhere, so on
    /// a case-sensitive file system a manifest in 'src/payments/' was taken for the own manifest of a project in 'src/Payments/'
    /// (another folder there) and its project-scoped claim was GRD125. One path comparison: FootprintDiscovery.PathEquals.
    /// </summary>
    [Fact]
    public void Folders_are_compared_as_the_file_system_compares_them()
    {
        string projectScoped = BasePolicy.Edit("\"scope\": { \"repositories\": [\"github.com/contoso/payments\"] }", "\"scope\": { \"projects\": [\"Payments.*\"] }");
        var findings = new List<Finding>();
        GuardrailsPolicy policy = PolicyReader.Read(Parse(projectScoped), "guardrails.policy.json", findings, out _)!;
        string root = Path.Combine(Path.GetTempPath(), "grd-waiver-case");
        AssistantManifest manifest = ManifestReader.Read(Parse(WaiverCases.Manifest(claim: true)), Path.Combine(root, "payments", "ai-assistants.json"), findings, out _)!;
        DateTimeOffset now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var own = new List<Finding>();
        Waivers.Usable(policy, manifest, Path.Combine(root, "payments", "Billing.Api.csproj"), now, own);
        Assert.Single(own, f => f.Rule.Id == "GRD125");

        var other = new List<Finding>();
        Waivers.Usable(policy, manifest, Path.Combine(root, "Payments", "Billing.Api.csproj"), now, other);
        if (Path.DirectorySeparatorChar == '/' && !OperatingSystem.IsMacOS())
        {
            Assert.DoesNotContain(other, f => f.Rule.Id == "GRD125"); // another folder on a case-sensitive file system: shared
        }
        else
        {
            Assert.Single(other, f => f.Rule.Id == "GRD125"); // the same folder
        }
    }

    private static Guardrails.Core.Json.JsonNode Parse(string text) => SourceFile.TryParseJson(text, "x.json", "The file", out _)!;
}

/// <summary>
/// One waiver decision for both halves: the task (Waivers.Apply over the waivers the manifest claims) and the analyzers
/// (PolicyVerdicts over the effective policy the same check wrote, read back from its JSON) take the same waiver, or none,
/// for every waiver × subject × instant of a table.
/// </summary>
public class WaiverDecisionAgreementTests
{
    private static readonly string Policy = PolicyHarness.BasePolicy.Edit(
        """
            { "id": "WVR-1", "rule": "GRD114", "subject": "claude-code/gpt-4o", "scope": { "repositories": ["github.com/contoso/payments"] },
              "approvedBy": "li", "approvedAt": "2026-05-01", "expiresAt": "2026-09-30", "reason": "model evaluation" }
        """,
        """
            { "id": "WVR-1", "rule": "GRD114", "subject": "claude-code/gpt-4o", "scope": { "repositories": ["github.com/contoso/payments"] },
              "approvedBy": "li", "approvedAt": "2026-05-01", "expiresAt": "2026-09-30", "reason": "model evaluation" },
            { "id": "W-PKG", "rule": "grd201", "subject": "OpenAI*", "approvedBy": "dana", "approvedAt": "2026-05-01", "expiresAt": "2026-09-30", "reason": "pilot" },
            { "id": "W-HOST", "rule": "GRD004", "subject": "*.openai.azure.com", "approvedBy": "dana", "approvedAt": "2026-05-01", "expiresAt": "2026-07-31T12:00:00Z", "reason": "gateway migration" },
            { "id": "W-SUPP", "rule": "GRD005", "subject": "GRD00*", "approvedBy": "li", "approvedAt": "2026-05-01", "expiresAt": "2026-12-31", "reason": "generated code" },
            { "id": "W-OLD", "rule": "GRD201", "subject": "Anthropic*", "approvedBy": "dana", "approvedAt": "2025-01-01", "expiresAt": "2026-01-31", "reason": "expired" },
            { "id": "W-ELSEWHERE", "rule": "GRD201", "subject": "Mistral*", "scope": { "repositories": ["github.com/contoso/billing"] }, "approvedBy": "dana", "approvedAt": "2026-05-01", "expiresAt": "2026-12-31", "reason": "other repo" }
        """);

    private static readonly string Manifest = PolicyHarness.BaseManifest.Edit("\"waivers\": []", "\"waivers\": [\"WVR-1\", \"W-PKG\", \"W-HOST\", \"W-SUPP\", \"W-OLD\", \"W-ELSEWHERE\"]");

    private static readonly (string Rule, string Subject)[] Subjects =
    {
        ("GRD201", "OpenAI"), ("GRD201", "openai.chat"), ("GRD201", "Azure.AI.OpenAI"), ("GRD202", "OpenAI"), ("GRD203", "OpenAI"),
        ("GRD003", "OpenAI"), ("GRD003", "Anthropic"), ("GRD201", "Anthropic"), ("GRD201", "Mistral.SDK"),
        ("GRD004", "x.openai.azure.com"), ("GRD004", "deep.x.openai.azure.com"), ("GRD004", "openai.azure.com"), ("GRD004", "x.openai.azure.com.evil.example"),
        ("GRD004", "api.openai.com"), ("GRD114", "claude-code/gpt-4o"), ("GRD114", "claude-code/gpt-5"), ("GRD005", "GRD001"), ("GRD005", "GRD101"),
    };

    private static readonly DateTimeOffset[] Instants =
    {
        new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero),
        new(2026, 7, 31, 11, 59, 59, TimeSpan.Zero),
        new(2026, 7, 31, 12, 0, 0, TimeSpan.Zero),
        new(2026, 9, 30, 23, 59, 59, TimeSpan.Zero),
        new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_task_and_the_analyzers_take_the_same_waiver_for_every_rule_subject_and_instant()
    {
        var decisions = new Dictionary<(string Rule, string Subject, DateTimeOffset At), string?>();
        foreach (DateTimeOffset at in Instants)
        {
            PolicyHarness.Run run = PolicyHarness.Check(Policy, Manifest, now: at);
            Assert.Equal(0, run.Result.PolicyErrors);
            EffectivePolicy effective = EffectivePolicy.Read(run.Result.Effective.Write(), out string? error)!;
            Assert.Null(error);
            var verdicts = new PolicyVerdicts(effective, now: at);
            foreach ((string rule, string subject) in Subjects)
            {
                var findings = new List<Finding> { new(RuleCatalog.All.Single(r => r.Id == rule), "Program.cs", 1, 1, "finding", subject: subject) };
                Waivers.Apply(run.Result.Policy!, run.Result.Manifest!, "App", at, findings);
                string? task = findings[0].WaivedBy;
                string? analyzers = verdicts.FindWaiver(rule, subject)?.Id;
                Assert.True(task == analyzers, rule + " " + subject + " at " + at.ToString("u") + ": the task says " + (task ?? "not waived") + ", the analyzers " + (analyzers ?? "not waived"));
                decisions[(rule, subject, at)] = task;
            }
        }

        // The table decides something: the expected waivers, their ends and their limits.
        DateTimeOffset june = Instants[0];
        Assert.Equal("W-PKG", decisions[("GRD201", "OpenAI", june)]);
        Assert.Equal("W-PKG", decisions[("GRD201", "openai.chat", june)]);      // rule and subject case-insensitive
        Assert.Equal("W-PKG", decisions[("GRD003", "OpenAI", june)]);           // a package waiver reaches GRD003
        Assert.Null(decisions[("GRD202", "OpenAI", june)]);                      // another rule
        Assert.Null(decisions[("GRD201", "Azure.AI.OpenAI", june)]);
        Assert.Null(decisions[("GRD201", "Anthropic", june)]);                   // expired before the check
        Assert.Null(decisions[("GRD003", "Anthropic", june)]);
        Assert.Null(decisions[("GRD201", "Mistral.SDK", june)]);                 // out of scope
        Assert.Equal("W-HOST", decisions[("GRD004", "x.openai.azure.com", june)]);
        Assert.Null(decisions[("GRD004", "x.openai.azure.com.evil.example", june)]);
        Assert.Null(decisions[("GRD004", "api.openai.com", june)]);
        Assert.Equal("WVR-1", decisions[("GRD114", "claude-code/gpt-4o", june)]);
        Assert.Null(decisions[("GRD114", "claude-code/gpt-5", june)]);
        Assert.Equal("W-SUPP", decisions[("GRD005", "GRD001", june)]);
        Assert.Null(decisions[("GRD005", "GRD101", june)]);
        Assert.Equal("W-HOST", decisions[("GRD004", "x.openai.azure.com", Instants[1])]);
        Assert.Null(decisions[("GRD004", "x.openai.azure.com", Instants[2])]);   // the expiry instant itself is past it
        Assert.Equal("W-PKG", decisions[("GRD201", "OpenAI", Instants[3])]);     // a date-only expiry covers its whole day
        Assert.Null(decisions[("GRD201", "OpenAI", Instants[4])]);
        Assert.Null(decisions[("GRD114", "claude-code/gpt-4o", Instants[4])]);
    }

    [Fact]
    public void A_waiver_that_expires_between_the_check_and_the_compilation_no_longer_covers_the_analyzers_findings()
    {
        // The effective policy is written by the check; the analyzers hold its waivers against the instant they run.
        PolicyHarness.Run run = PolicyHarness.Check(Policy, Manifest, now: Instants[1]);
        EffectivePolicy effective = EffectivePolicy.Read(run.Result.Effective.Write(), out _)!;
        Assert.Equal("W-HOST", new PolicyVerdicts(effective, now: Instants[1]).FindWaiver("GRD004", "x.openai.azure.com")?.Id);
        Assert.Null(new PolicyVerdicts(effective, now: Instants[2]).FindWaiver("GRD004", "x.openai.azure.com"));
    }
}
