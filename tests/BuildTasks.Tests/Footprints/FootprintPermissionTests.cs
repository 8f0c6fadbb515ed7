using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD134: a permission setting in an assistant file above the policy's ceiling.</summary>
public class FootprintPermissionTests
{
    [Fact]
    public void Bypass_mode_is_an_error_at_the_setting_when_the_policy_forbids_it()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{\n  \"permissions\": {\n    \"defaultMode\": \"bypassPermissions\"\n  }\n}");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]"));

        Finding f = Assert.Single(run.Of("GRD134"));
        Assert.Equal((3, 5), (f.Line, f.Column));
        Assert.Contains("'permissions.defaultMode': bypassPermissions", f.Message);
        Assert.Equal("claude-code/bypassMode", f.Subject);
    }

    [Fact]
    public void A_finer_permission_counts_against_autoApprove()
    {
        using var repo = new FootprintRepo();
        repo.Write(".cursor/mcp.json", "{ \"mcpServers\": { \"docs\": { \"url\": \"https://mcp.contoso.example/mcp\", \"alwaysAllow\": [\"search\"] } } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"cursor\" } ]"));

        Assert.Contains("(a kind of 'autoApprove')", Assert.Single(run.Of("GRD134")).Message);
    }

    [Fact]
    public void Settings_the_policy_does_not_forbid_pass()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/copilot/settings.json", "{ \"autoApprove\": true }");
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" } ]"));
        Assert.Empty(run.Of("GRD134"));
    }
}
