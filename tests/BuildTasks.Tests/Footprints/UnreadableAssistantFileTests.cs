using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD137: an assistant file that cannot be read or parsed: a warning, an error when the policy says so.</summary>
public class UnreadableAssistantFileTests
{
    private const string Broken = "[mcp_servers.x]\ncommand = npx\n";

    [Fact]
    public void A_malformed_file_is_a_warning_at_the_fault()
    {
        using var repo = new FootprintRepo();
        repo.Write(".codex/config.toml", Broken);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"openai-codex\" } ]"));

        Finding f = Assert.Single(run.Of("GRD137"));
        Assert.True(f.WarningOnly);
        Assert.Equal((2, 11), (f.Line, f.Column));
        Assert.Contains("is not valid TOML", f.Message);
        Assert.False(run.Result.HasErrors && run.Result.Findings.Any(x => x.Rule.Id == "GRD137" && run.IsError(x)));
    }

    [Fact]
    public void The_policy_can_count_an_unreadable_file_as_unknown_which_fails_in_enforce_mode_only()
    {
        using var repo = new FootprintRepo();
        repo.Write(".codex/config.toml", Broken);
        string policy = FootprintHarness.PolicyWith("{ \"unknownFootprint\": \"deny\", \"unreadableFootprint\": \"deny\" }");
        string manifest = FootprintHarness.Manifest("[ { \"id\": \"openai-codex\" } ]");

        FootprintHarness.Run enforce = FootprintHarness.Check(repo, policy, manifest);
        Assert.True(enforce.IsError(Assert.Single(enforce.Of("GRD137"))));

        FootprintHarness.Run audit = FootprintHarness.Check(repo, policy, manifest, mode: "Audit");
        Assert.False(audit.IsError(Assert.Single(audit.Of("GRD137"))));
    }

    [Fact]
    public void Without_a_policy_it_is_still_a_warning()
    {
        using var repo = new FootprintRepo();
        repo.Write(".continue/mcpServers/x.yaml", "mcpServers:\n  - name: a\n\tcommand: b\n");
        Finding f = Assert.Single(FootprintHarness.Check(repo, policy: null, manifest: null).Of("GRD137"));
        Assert.True(f.WarningOnly);
        Assert.Equal(3, f.Line);
    }

    /// <summary>A committed .cursor/ with more entries than discovery's 50,000-entry budget, so nothing after it is looked at.</summary>
    private static FootprintRepo RepoPastTheEntryLimit()
    {
        var repo = new FootprintRepo();
        repo.Write(".cursor/rules/keep.mdc", "x");
        string bulk = Path.Combine(repo.Root, ".cursor");
        for (int i = 0; i < 50_001; i++)
        {
            File.WriteAllBytes(Path.Combine(bulk, "f" + i + ".txt"), Array.Empty<byte>());
        }

        return repo;
    }

    [Fact]
    public void A_discovery_stopped_at_its_entry_limit_fails_Enforce_unless_the_policy_says_how_to_treat_it()
    {
        using FootprintRepo repo = RepoPastTheEntryLimit();
        string manifest = FootprintHarness.Manifest("[ { \"id\": \"cursor\" } ]");

        FootprintHarness.Run enforce = FootprintHarness.Check(repo, FootprintHarness.Policy, manifest);
        Finding stopped = Assert.Single(enforce.Of("GRD137"), f => f.Message.Contains("stopped after 50000 entries", StringComparison.Ordinal));
        Assert.True(enforce.IsError(stopped), enforce.ToString());
        Assert.Contains("defaults.unreadableFootprint", stopped.Message);

        FootprintHarness.Run audit = FootprintHarness.Check(repo, FootprintHarness.Policy, manifest, mode: "Audit");
        Assert.False(audit.IsError(Assert.Single(audit.Of("GRD137"))));

        // The policy owner decides: "warn" keeps it a warning, "allow" reports nothing.
        string warn = FootprintHarness.PolicyWith("{ \"unknownAssistant\": \"deny\", \"unknownFootprint\": \"deny\", \"unreadableFootprint\": \"warn\" }");
        FootprintHarness.Run warned = FootprintHarness.Check(repo, warn, manifest);
        Assert.True(Assert.Single(warned.Of("GRD137")).WarningOnly);
        string allow = FootprintHarness.PolicyWith("{ \"unknownAssistant\": \"deny\", \"unknownFootprint\": \"deny\", \"unreadableFootprint\": \"allow\" }");
        Assert.Empty(FootprintHarness.Check(repo, allow, manifest).Of("GRD137"));

        // Without a policy nothing governs footprints: a warning.
        Assert.True(Assert.Single(FootprintHarness.Check(repo, policy: null, manifest: null).Of("GRD137")).WarningOnly);
    }

    [Fact]
    public void An_assistant_file_padded_past_the_size_limit_fails_Enforce_unless_the_policy_says_how_to_treat_it()
    {
        // Adversary round 3 #15: .mcp.json and .claude/settings.json padded with spaces to just over 4 MB (valid JSON the
        // assistant reads whole) hid a denied MCP server and bypassPermissions behind a warning.
        using var repo = new FootprintRepo();
        string padded = "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } }" +
                        new string(' ', (int)SourceFile.MaxBytes) + "}\n";
        repo.Write(".mcp.json", padded);
        string manifest = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

        FootprintHarness.Run enforce = FootprintHarness.Check(repo, FootprintHarness.Policy, manifest);
        Finding f = Assert.Single(enforce.Of("GRD137"));
        Assert.True(enforce.IsError(f), enforce.ToString());
        Assert.Contains("the limit is 4194304 bytes", f.Message);
        Assert.Contains("defaults.unreadableFootprint", f.Message);

        string warn = FootprintHarness.PolicyWith("{ \"unknownAssistant\": \"deny\", \"unknownFootprint\": \"deny\", \"unreadableFootprint\": \"warn\" }");
        Assert.True(Assert.Single(FootprintHarness.Check(repo, warn, manifest).Of("GRD137")).WarningOnly);
        Assert.True(Assert.Single(FootprintHarness.Check(repo, policy: null, manifest: null).Of("GRD137")).WarningOnly);

        // A file the reader could read but not parse stays a warning (A_malformed_file_is_a_warning_at_the_fault).
        repo.Write(".mcp.json", "{ \"mcpServers\": ");
        Assert.True(Assert.Single(FootprintHarness.Check(repo, FootprintHarness.Policy, manifest).Of("GRD137")).WarningOnly);
    }
}
