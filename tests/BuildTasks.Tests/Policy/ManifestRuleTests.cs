using Guardrails.Tests.Shared;
using Guardrails.BuildTasks.Foundation;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

public class GRD111_AssistantNotApprovedTests
{
    private static readonly string Cursor = BaseManifest.Edit("\"waivers\": []", "\"waivers\": []").Edit("\"credentialRef\": \"env:ANTHROPIC_API_KEY\" }", "\"credentialRef\": \"env:ANTHROPIC_API_KEY\" },\n    { \"id\": \"cursor\", \"version\": \"1.4\" }");

    [Fact]
    public void An_assistant_the_policy_does_not_list_fails_at_its_id()
    {
        var run = Check(manifest: Cursor);

        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD111", f.Rule.Id);
        Assert.Equal(PositionOf(Cursor, "\"cursor\""), (f.Line, f.Column));
        Assert.Contains("'test-policy'", f.Message);
        Assert.Contains("claude-code, copilot", f.Message);
        Assert.Contains("Ask AI Governance (ai-gov@example.test)", f.Message);
        Assert.Equal("cursor", f.Subject);
    }

    [Fact]
    public void Defaults_can_turn_unknown_assistants_into_warnings_or_allow_them()
    {
        var warn = Check(BasePolicy.Edit("\"unknownAssistant\": \"deny\"", "\"unknownAssistant\": \"warn\""), Cursor);
        Assert.False(Assert.Single(warn.Of("GRD111")).IsError(true));
        Assert.Empty(Check(BasePolicy.Edit("\"unknownAssistant\": \"deny\"", "\"unknownAssistant\": \"allow\""), Cursor).Result.Findings);
    }
}

public class GRD112_AssistantDeniedTests
{
    [Fact]
    public void A_denied_assistant_fails_with_the_reason()
    {
        var run = Check(manifest: BaseManifest.Edit("{ \"id\": \"claude-code\", \"version\": \"2.1.0\", \"models\": [\"claude-sonnet-4-5\"], \"mcpServers\": [\"github\"], \"credentialRef\": \"env:ANTHROPIC_API_KEY\" }", "{ \"id\": \"shadow-ai\" }"));
        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD112", f.Rule.Id);
        Assert.Contains("sends code to an unvetted service", f.Message);
    }
}

public class GRD113_AssistantVersionTests
{
    [Fact]
    public void A_version_outside_the_range_fails_and_one_inside_passes()
    {
        var run = Check(manifest: BaseManifest.Edit("\"version\": \"2.1.0\"", "\"version\": \"3.0.0\""));
        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD113", f.Rule.Id);
        Assert.Contains("[2.0,3.0)", f.Message);
        Assert.Empty(Check(manifest: BaseManifest.Edit("\"version\": \"2.1.0\"", "\"version\": \"2.9.9\"")).Result.Findings);
        Assert.Single(Check(manifest: BaseManifest.Edit("\"version\": \"2.1.0\", ", "")).Of("GRD113"));
    }
}

public class GRD114_ModelNotApprovedTests
{
    [Theory]
    [InlineData("gpt-4o", "approved: claude-sonnet-4*, claude-opus-4")]
    [InlineData("claude-sonnet-4-preview", "the policy denies '*-preview'")]
    [InlineData("claude-opus-4-1", "approved:")]
    public void Models_outside_the_allow_list_or_on_the_deny_list_fail(string model, string expected)
    {
        string manifest = BaseManifest.Edit("\"claude-sonnet-4-5\"", "\"" + model + "\"");
        var f = Assert.Single(Check(manifest: manifest).Result.Findings);
        Assert.Equal("GRD114", f.Rule.Id);
        Assert.Contains(expected, f.Message);
        Assert.Equal(PositionOf(manifest, "\"" + model + "\""), (f.Line, f.Column));
    }

    [Fact]
    public void Exact_glob_and_prefix_matches_pass()
    {
        Assert.Empty(Check(manifest: BaseManifest.Edit("\"claude-sonnet-4-5\"", "\"claude-opus-4\", \"Claude-Sonnet-4-5\"")).Result.Findings);
        string prefix = BasePolicy.Edit("\"deny\": [\"*-preview\"] }", "\"deny\": [\"*-preview\"], \"match\": \"prefix\" }");
        Assert.Empty(Check(prefix, BaseManifest.Edit("\"claude-sonnet-4-5\"", "\"claude-opus-4-1\"")).Result.Findings);
    }
}

public class GRD115_McpServerNotApprovedTests
{
    private static string With(string servers) => BaseManifest.Edit("\"mcpServers\": [\"github\"]", "\"mcpServers\": [" + servers + "]");

    [Theory]
    [InlineData("\"jira\"", "matches no approved entry")]
    [InlineData("{ \"url\": \"https://api.githubcopilot.com.evil.example/mcp/x\" }", "matches no approved entry")]
    [InlineData("{ \"id\": \"github\", \"url\": \"https://evil.example/mcp?x=api.githubcopilot.com\" }", "matches no approved entry")]
    [InlineData("{ \"id\": \"files\", \"command\": [\"npx\", \"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] }", "denied by the policy entry 'fs-root'")]
    [InlineData("\"fs-root\"", "denied")]
    [InlineData("{ \"package\": \"Contoso.Db.Mcp\", \"version\": \"3.0.0\" }", "matches no approved entry")]
    public void Servers_are_matched_by_identity_and_unknown_or_denied_ones_fail(string server, string expected)
    {
        var f = Assert.Single(Check(manifest: With(server)).Result.Findings);
        Assert.Equal("GRD115", f.Rule.Id);
        Assert.Contains(expected, f.Message);
    }

    [Fact]
    public void Approved_identities_pass()
    {
        Assert.Empty(Check(manifest: With("{ \"id\": \"gh\", \"url\": \"https://API.githubcopilot.com/mcp/repos\" }")).Result.Findings);
    }

    /// <summary>
    /// Adversary round 4 #12 through the manifest: a server declared with an approved url and a command is judged on both
    /// identities, as in assistant files (one rule, PolicyEvaluator's): the url does not vouch for what an stdio server runs.
    /// </summary>
    [Theory]
    [InlineData("[\"npx\", \"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"]", "denied by the policy entry 'fs-root'")]
    [InlineData("[\"npx\", \"-y\", \"@acme/shell-mcp\"]", "matches no approved entry")]
    public void A_declared_server_with_an_approved_url_and_a_command_is_judged_by_its_command_too(string command, string expected)
    {
        var run = Check(manifest: With("{ \"id\": \"github\", \"url\": \"https://api.githubcopilot.com/mcp/\", \"command\": " + command + " }"));
        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD115", f.Rule.Id);
        Assert.Contains(expected, f.Message);
    }

    [Fact]
    public void A_declared_server_whose_url_and_package_are_both_approved_passes()
    {
        string policy = PolicyHarness.BasePolicy.Edit("\"tiers\": [\"sandbox\"] }", "\"tiers\": [\"sandbox\", \"regulated\"] }");
        Assert.Empty(Check(policy, With("{ \"id\": \"github\", \"url\": \"https://api.githubcopilot.com/mcp/\", \"package\": \"Contoso.Db.Mcp\", \"version\": \"2.2.0\" }")).Result.Findings);
    }

    [Fact]
    public void A_declared_npm_package_is_matched_in_every_spelling_a_policy_may_use()
    {
        // The manifest gives the purl, the deny entry the bare npm name: the same package (one spelling list, McpServerIdentity's).
        string policy = PolicyHarness.BasePolicy.Edit("\"reason\": \"exposes the whole disk\" }", "\"reason\": \"exposes the whole disk\" }, { \"id\": \"shell\", \"package\": \"@acme/shell-mcp\" }");
        var f = Assert.Single(Check(policy, With("{ \"package\": \"pkg:npm/@acme/shell-mcp\", \"version\": \"1.0.0\" }")).Result.Findings);
        Assert.Contains("denied by the policy entry 'shell'", f.Message);
    }
}

public class GRD116_ApprovalExpiredTests
{
    [Fact]
    public void An_expired_approval_is_an_error_and_one_about_to_expire_a_warning()
    {
        var expired = Check(now: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var f = Assert.Single(expired.Result.Findings);
        Assert.Equal("GRD116", f.Rule.Id);
        Assert.True(f.IsError(true));
        Assert.Contains("expired on 2026-12-31", f.Message);
        Assert.Contains("GOV-1", f.Message);

        var soon = Check(now: new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.Zero));
        var w = Assert.Single(soon.Result.Findings);
        Assert.False(w.IsError(true));
        Assert.Contains("in 7 days", w.Message);

        // The expiry date itself is still valid (a date means the whole day, UTC).
        Assert.All(Check(now: new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)).Result.Findings, x => Assert.False(x.IsError(true)));
    }
}

public class GRD117_TierNotAllowedTests
{
    [Fact]
    public void An_assistant_outside_its_tiers_and_an_undefined_tier_fail()
    {
        string manifest = BaseManifest.Edit("\"credentialRef\": \"env:ANTHROPIC_API_KEY\" }", "\"credentialRef\": \"env:ANTHROPIC_API_KEY\" },\n    { \"id\": \"copilot\" }").Edit("\"dataClass\": \"confidential\"", "\"dataClass\": \"internal\"");
        var f = Assert.Single(Check(manifest: manifest).Result.Findings);
        Assert.Equal("GRD117", f.Rule.Id);
        Assert.Contains("not approved for tier 'regulated'", f.Message);

        var undefined = Check(manifest: BaseManifest.Edit("\"tier\": \"regulated\"", "\"tier\": \"prod\""));
        Assert.Contains(undefined.Of("GRD117"), x => x.Message.Contains("Tier 'prod' is not defined by the policy"));
        Assert.Contains(undefined.Of("GRD117"), x => x.Message.Contains("'claude-code' is not approved for tier 'prod'"));
    }
}

public class GRD117_TierAssignedByThePolicyTests
{
    // Found by an outside review: the tier (and with it Audit mode and local suppression) was whatever the team wrote.
    private static readonly string Policy = BasePolicy.Edit(
        "\"tiers\": { \"sandbox\": { \"maxDataClass\": \"internal\" }, \"regulated\": { \"maxDataClass\": \"confidential\", \"mode\": \"Enforce\" } }",
        "\"tiers\": { \"sandbox\": { \"maxDataClass\": \"internal\", \"mode\": \"Audit\", \"allowLocalSuppression\": true },\n" +
        "             \"regulated\": { \"maxDataClass\": \"confidential\", \"mode\": \"Enforce\", \"repositories\": [\"github.com/contoso/pay*\", \"!github.com/contoso/paylab\"] } }");

    private static readonly string ClaimsSandbox = BaseManifest.Edit("\"tier\": \"regulated\"", "\"tier\": \"sandbox\"");

    [Fact]
    public void A_repository_the_policy_puts_in_a_tier_cannot_declare_a_laxer_one()
    {
        var run = Check(Policy, ClaimsSandbox);

        Finding f = Assert.Single(run.Of("GRD117"));
        Assert.True(f.IsError(true));
        Assert.Equal(PositionOf(ClaimsSandbox, "\"sandbox\""), (f.Line, f.Column));
        Assert.Contains("puts repository 'github.com/contoso/payments' in tier 'regulated'", f.Message);
        Assert.Contains("the manifest says 'sandbox'", f.Message);
    }

    [Theory]
    [InlineData("github.com/contoso/payments.git")]
    [InlineData("https://github.com/contoso/payments")]
    [InlineData("github.com/contoso/payments/")]
    [InlineData("git@github.com:contoso/payments.git")]
    [InlineData("https://ci-user@github.com/contoso/payments.git/")]
    public void Another_spelling_of_the_repository_is_assigned_the_same_tier(string spelling)
    {
        // Adversary round 8 route 2: the tier globs (and exclusions, waiver scopes) were matched against the raw text, so
        // ".git" or a scheme took the repository out of its tier while GRD127 accepted the name.
        var run = Check(Policy, ClaimsSandbox.Edit("\"github.com/contoso/payments\"", "\"" + spelling + "\""));
        Finding f = Assert.Single(run.Of("GRD117"));
        Assert.Contains("puts repository 'github.com/contoso/payments' in tier 'regulated'", f.Message);
    }

    [Fact]
    public void The_assigned_tier_decides_the_mode_so_Audit_is_refused_where_the_claimed_tier_would_allow_it()
    {
        var audit = Check(Policy, ClaimsSandbox, mode: "Audit");
        Assert.True(audit.Result.Enforce, audit.ToString());
        Assert.Contains(audit.Result.Findings, x => x.Rule.Id == "GRD307" && x.Message.Contains("tier 'regulated'"));

        // A repository outside the tier's globs keeps the tier it names, and with it Audit.
        string lab = ClaimsSandbox.Edit("github.com/contoso/payments", "github.com/contoso/paylab");
        var labAudit = Check(Policy, lab, mode: "Audit");
        Assert.Empty(labAudit.Of("GRD117"));
        Assert.DoesNotContain(labAudit.Result.Findings, x => x.Rule.Id == "GRD307");
    }

    [Fact]
    public void Declaring_the_assigned_tier_passes_and_the_reader_refuses_a_malformed_repository_list()
    {
        Assert.Empty(Check(Policy, BaseManifest).Of("GRD117"));

        var broken = Check(Policy.Edit("\"repositories\": [\"github.com/contoso/pay*\", \"!github.com/contoso/paylab\"]", "\"repositories\": [\"github.com/contoso/pay*\", 42]"), BaseManifest);
        Finding invalid = Assert.Single(broken.Of(Guardrails.Core.Rules.RuleCatalog.InvalidValue.Id));
        Assert.Contains("'repositories' in tiers.regulated", invalid.Message);
    }
}

public class GRD118_DataClassTooHighTests
{
    [Fact]
    public void Data_above_the_tier_and_the_assistant_ceiling_fails()
    {
        var run = Check(manifest: BaseManifest.Edit("\"dataClass\": \"confidential\"", "\"dataClass\": \"restricted\""));
        var f = run.Of("GRD118");
        Assert.Equal(3, f.Count); // tier ceiling, the assistant's ceiling, the MCP server's ceiling
        Assert.Contains(f, x => x.Message.Contains("tier 'regulated'"));
        Assert.Contains(f, x => x.Message.Contains("Assistant 'claude-code' may touch data up to 'confidential'"));
        Assert.Contains(f, x => x.Message.Contains("MCP server 'github'"));
        Assert.Empty(Check(manifest: BaseManifest.Edit("\"dataClass\": \"confidential\"", "\"dataClass\": \"internal\"")).Result.Findings);
    }
}

public class GRD119_OwnerMissingTests
{
    [Fact]
    public void A_manifest_without_owner_or_without_contact_fails()
    {
        Assert.Single(Check(manifest: BaseManifest.Edit("\"owner\": { \"team\": \"Payments\", \"contact\": \"payments@example.test\" },", "")).Of("GRD119"));
        Assert.Contains("missing: contact", Assert.Single(Check(manifest: BaseManifest.Edit(", \"contact\": \"payments@example.test\"", "")).Of("GRD119")).Message);
    }
}

public class GRD120_LiteralCredentialTests
{
    [Fact]
    public void A_literal_credential_is_reported_without_its_value()
    {
        string literal = "hunter2" + "-NotReal-" + "FakeSecretValue42";
        var run = Check(manifest: BaseManifest.Edit("\"env:ANTHROPIC_API_KEY\"", "\"" + literal + "\""));
        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD120", f.Rule.Id);
        Assert.DoesNotContain(literal, f.Message);
        Assert.DoesNotContain("hunter2", f.Message);
        Assert.Contains("\u2026ue42", f.Message);
    }

    [Fact]
    public void A_provider_key_anywhere_in_the_manifest_is_reported_redacted()
    {
        string key = FakeKeys.OpenAiProject("ManifestFakeKeyNotReal");
        var run = Check(manifest: BaseManifest.Edit("\"env:ANTHROPIC_API_KEY\"", "\"" + key + "\""));
        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD120", f.Rule.Id);
        Assert.Contains("OpenAI", f.Message);
        Assert.DoesNotContain(key, f.Message);
        Assert.DoesNotContain(key.Substring(8, 30), f.Message);
    }
}

public class GRD121_CredentialRefNotAllowedTests
{
    [Fact]
    public void A_reference_outside_the_permitted_patterns_fails()
    {
        Assert.Single(Check(manifest: BaseManifest.Edit("\"env:ANTHROPIC_API_KEY\"", "\"env:MY_OWN_KEY\"")).Of("GRD121"));
        Assert.Empty(Check(manifest: BaseManifest.Edit("\"env:ANTHROPIC_API_KEY\"", "\"vault:kv/ai/payments/anthropic\"")).Result.Findings);
    }
}

public class GRD122_RepositoryNotAllowedTests
{
    [Fact]
    public void A_negated_repository_glob_excludes_and_other_owners_fail()
    {
        Assert.Single(Check(manifest: BaseManifest.Edit("github.com/contoso/payments", "github.com/contoso/hr-payroll")).Of("GRD122"));
        Assert.Single(Check(manifest: BaseManifest.Edit("github.com/contoso/payments", "github.com/fabrikam/payments")).Of("GRD122"));
        Assert.Single(Check(manifest: BaseManifest.Edit("github.com/contoso/payments", "github.com/contoso/payments/sub")).Of("GRD122"));
    }
}

public class GRD127_RepositoryMismatchTests
{
    [Fact]
    public void Claiming_another_repository_to_take_its_waiver_fails_in_CI_at_the_repository_value()
    {
        // Found by an outside review: a repository renamed itself in ai-assistants.json to fall under another
        // repository's waiver, and nothing compared the claim with the repository being built.
        string claimed = WaiverCases.Manifest(claim: true);
        var run = Check(manifest: claimed, buildRepository: "github.com/contoso/victim");

        Finding f = Assert.Single(run.Of("GRD127"));
        Assert.True(f.IsError(true));
        Assert.Equal(PositionOf(claimed, "\"github.com/contoso/payments\""), (f.Line, f.Column));
        Assert.Contains("'github.com/contoso/victim'", f.Message);
        Assert.Contains("'github.com/contoso/payments'", f.Message);
    }

    [Theory]
    [InlineData("github.com/contoso/payments")]
    [InlineData("https://github.com/contoso/payments.git")]
    [InlineData("https://x-access-token:abc@GitHub.com/Contoso/Payments/")]
    [InlineData("git@github.com:contoso/payments.git")]
    public void The_same_repository_in_any_url_form_passes(string built)
    {
        Assert.Empty(Check(manifest: WaiverCases.Manifest(claim: true), buildRepository: built).Of("GRD127"));
    }

    [Fact]
    public void A_manifest_without_the_host_matches_the_owner_and_name_but_not_a_longer_name()
    {
        string shortName = BaseManifest.Edit("\"github.com/contoso/payments\"", "\"contoso/payments\"");
        Assert.Empty(Check(manifest: shortName, buildRepository: "https://github.com/contoso/payments").Of("GRD127"));
        Assert.Single(Check(manifest: shortName, buildRepository: "https://github.com/contoso/payments-legacy").Of("GRD127"));
        Assert.Single(Check(manifest: shortName, buildRepository: "https://github.com/evil-contoso/payments").Of("GRD127"));
    }

    [Fact]
    public void Outside_CI_nothing_is_compared()
    {
        Assert.Empty(Check(manifest: WaiverCases.Manifest(claim: true, repo: "github.com/contoso/anything")).Of("GRD127"));
    }

    [Fact]
    public void On_a_CI_system_that_names_no_repository_the_git_remote_decides_and_a_claimed_other_repository_fails()
    {
        // Adversary round 7 route 12: on CircleCI, Buildkite, TeamCity, Cloud Build… the manifest's claim was compared with
        // nothing; github.com/contoso/hr-payroll claimed github.com/contoso/payments to take its approvals.
        string claimed = WaiverCases.Manifest(claim: true);
        var run = Check(manifest: claimed, remotes: new[] { "github.com/contoso/hr-payroll" }, inCi: true);

        Finding f = Assert.Single(run.Of("GRD127"));
        Assert.True(f.IsError(true));
        Assert.Equal(PositionOf(claimed, "\"github.com/contoso/payments\""), (f.Line, f.Column));
        Assert.Contains("'github.com/contoso/hr-payroll'", f.Message);
    }

    [Fact]
    public void On_a_developer_s_machine_a_remote_that_contradicts_the_claim_is_a_warning()
    {
        Finding f = Assert.Single(Check(manifest: WaiverCases.Manifest(claim: true), remotes: new[] { "github.com/alice/payments" }).Of("GRD127"));
        Assert.False(f.IsError(true));
    }

    [Theory]
    [InlineData("github.com/contoso/payments")]
    [InlineData("github.com/alice/payments", "github.com/contoso/payments")] // a fork's clone with the upstream remote
    [InlineData("gitlab.example.test/mirror/payments", "github.com/Contoso/Payments")] // a mirror whose remote is not origin; case
    [InlineData("/work/cache/payments")] // a local path names no repository
    public void A_remote_naming_the_claimed_repository_or_no_host_passes(params string[] remotes)
    {
        Assert.Empty(Check(manifest: WaiverCases.Manifest(claim: true), remotes: remotes, inCi: true).Of("GRD127"));
    }

    [Fact]
    public void A_CI_variable_decides_over_the_remotes()
    {
        Assert.Empty(Check(manifest: WaiverCases.Manifest(claim: true), buildRepository: "git@github.com:contoso/payments.git", remotes: new[] { "github.com/alice/payments" }, inCi: true).Of("GRD127"));
        Assert.Single(Check(manifest: WaiverCases.Manifest(claim: true), buildRepository: "contoso/hr-payroll", remotes: new[] { "github.com/contoso/payments" }, inCi: true).Of("GRD127"));
    }
}

public class GRD126_PermissionCeilingExceededTests
{
    [Fact]
    public void A_forbidden_permission_turned_on_fails_and_an_allowed_one_passes()
    {
        var run = Check(manifest: BaseManifest.Edit("\"mcpServers\": [\"github\"]", "\"mcpServers\": [\"github\"], \"permissions\": { \"autoApprove\": true, \"bypassMode\": false, \"alwaysAllowTools\": true }"));
        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD126", f.Rule.Id);
        Assert.Contains("'autoApprove'", f.Message);
        Assert.Equal("claude-code/autoApprove", f.Subject);
    }
}
