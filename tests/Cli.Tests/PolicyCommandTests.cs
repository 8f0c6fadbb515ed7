using System.Security.Cryptography;
using System.Text.Json;

namespace Guardrails.Cli.Tests;

public sealed class PolicyCommandTests
{
    [Fact]
    public void Validate_accepts_a_valid_policy_and_names_it()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("guardrails.policy.json", Documents.Policy);

        CliRun run = CliRun.Of("policy", "validate", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid policy 'cli-tests' revision 3", run.Out);
    }

    [Fact]
    public void Validate_reports_errors_at_file_line_column_and_exits_1()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("guardrails.policy.json", Documents.Policy.Replace("\"revision\": 3,", "\"revision\": 3,\n  \"approvedAssistants\": [],", StringComparison.Ordinal));

        CliRun run = CliRun.Of("policy", "validate", policy);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(policy + "(5,3): error GRD106", run.Out);
        Assert.Contains("invalid", run.Out);
    }

    [Fact]
    public void Validate_reports_malformed_json_with_its_position()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("guardrails.policy.json", "{\n  \"policyFormat\": \"1.0\",\n  \"policyId\": \n}");

        CliRun run = CliRun.Of("policy", "validate", policy);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"guardrails\.policy\.json\(4,1\): error GRD102", run.Out);
    }

    [Fact]
    public void Validate_of_a_missing_file_exits_2()
    {
        CliRun run = CliRun.Of("policy", "validate", Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".json"));
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Hash_prints_the_sha256_of_the_bytes_and_the_property_to_paste_and_the_scan_accepts_it()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", Documents.Policy);
        string expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(policy))).ToLowerInvariant();

        CliRun run = CliRun.Of("policy", "hash", policy);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines[0].Trim());
        Assert.Equal("<GuardrailsPolicySha256>" + expected + "</GuardrailsPolicySha256>", lines[1].Trim());

        repo.Write("ai-assistants.json", Documents.Manifest());
        CliRun pinned = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", policy, "--policy-sha256", expected);
        Assert.DoesNotContain("GRD301", pinned.Out);
        CliRun wrong = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", policy, "--policy-sha256", new string('0', 64));
        Assert.Contains("GRD301", wrong.Out);
    }

    [Fact]
    public void Diff_says_what_is_approved_revoked_and_expired()
    {
        using var repo = new TempRepo();
        string before = repo.Write("old.json", Documents.Policy);
        string after = repo.Write("new.json", Documents.Policy
            .Replace("\"revision\": 3", "\"revision\": 4", StringComparison.Ordinal)
            .Replace("{ \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" }", "{ \"id\": \"Anthropic\" }", StringComparison.Ordinal));

        CliRun run = CliRun.Of("policy", "diff", before, after, "--at", "2026-12-25", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var changes = doc.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => c.GetProperty("change").GetString() + " " + c.GetProperty("type").GetString() + " " + c.GetProperty("id").GetString()).ToList();
        Assert.Contains("approved package Anthropic", changes);
        Assert.Contains("revoked package Azure.AI.OpenAI", changes);
        // github-copilot's approval runs until 2026-12-20 in both revisions: it has expired by the 25th, but the new revision did not cause that.
        Assert.DoesNotContain(changes, c => c.Contains("github-copilot", StringComparison.Ordinal));
    }

    /// <summary>Packages and endpoints are judged by the one evaluator, not by the lists: a deny pattern revokes what it covers.</summary>
    [Fact]
    public void Diff_judges_packages_and_endpoints_as_the_build_does_so_a_deny_pattern_revokes_the_approvals_it_covers()
    {
        using var repo = new TempRepo();
        string sample = File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json"));
        string before = repo.Write("old.json", sample);
        string after = repo.Write("new.json", sample
            .Replace("{ \"id\": \"Shady.Llm.*\", \"reason\": \"no data-processing agreement\" }", "{ \"id\": \"Shady.Llm.*\", \"reason\": \"no data-processing agreement\" }, { \"id\": \"Azure.AI.*\", \"reason\": \"moving to the gateway\" }", StringComparison.Ordinal)
            .Replace("\"endpoints\": { \"approved\": [\"ai-gateway.contoso.example\"] }", "\"endpoints\": { \"approved\": [\"ai-gateway.contoso.example\"], \"denied\": [\"*.contoso.example\"] }", StringComparison.Ordinal));
        Assert.Contains("\"Azure.AI.*\"", File.ReadAllText(after));
        Assert.Contains("\"denied\": [\"*.contoso.example\"]", File.ReadAllText(after));

        CliRun run = CliRun.Of("policy", "diff", before, after, "--at", "2026-12-03", "--format", "json");

        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var changes = doc.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => c.GetProperty("change").GetString() + " " + c.GetProperty("type").GetString() + " " + c.GetProperty("id").GetString()).ToList();
        Assert.Contains("revoked package Azure.AI.OpenAI", changes);
        Assert.Contains("revoked endpoint ai-gateway.contoso.example", changes);
        Assert.DoesNotContain("revoked package Anthropic", changes);
    }

    /// <summary>Session 12 review: endpoints were compared by host only, so narrowing or widening a deny's <c>except</c> list
    /// (which hosts the deny leaves out) showed no change although it changes what the build lets through.</summary>
    [Fact]
    public void Diff_shows_a_change_of_a_deny_entry_s_except_list()
    {
        using var repo = new TempRepo();
        string sample = File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json"));
        string Deny(string except) => sample.Replace("\"endpoints\": { \"approved\": [\"ai-gateway.contoso.example\"] }",
            "\"endpoints\": { \"approved\": [\"ai-gateway.contoso.example\"], \"denied\": [ { \"host\": \"*.openai.azure.com\"" + except + ", \"reason\": \"own resources only\" } ] }", StringComparison.Ordinal);
        string before = repo.Write("old.json", Deny(", \"except\": [\"contoso-*.openai.azure.com\"]"));
        string after = repo.Write("new.json", Deny(", \"except\": [\"contoso-*.openai.azure.com\", \"fabrikam-*.openai.azure.com\"]"));
        Assert.NotEqual(File.ReadAllText(before), File.ReadAllText(after));

        CliRun run = CliRun.Of("policy", "diff", before, after, "--at", "2026-12-03", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement change = Assert.Single(doc.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("type").GetString() == "endpoint");
        Assert.Equal("changed", change.GetProperty("change").GetString());
        Assert.Equal("*.openai.azure.com", change.GetProperty("id").GetString());
        Assert.Equal("denied except contoso-*.openai.azure.com -> denied except contoso-*.openai.azure.com, fabrikam-*.openai.azure.com", change.GetProperty("detail").GetString());

        // The same deny in both: nothing to say.
        CliRun same = CliRun.Of("policy", "diff", before, before, "--at", "2026-12-03", "--format", "json");
        using JsonDocument none = JsonDocument.Parse(same.Out);
        Assert.DoesNotContain(none.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("type").GetString() == "endpoint");
    }

    /// <summary>
    /// Assistants, models and MCP servers are judged by the manifest evaluator's own decisions, not by the lists: a deny
    /// pattern over an allowed model and a deny entry that catches an allowed server's URL revoke them, and an approval
    /// is in force through its expiry day (expired only the day after), as the build decides.
    /// </summary>
    [Fact]
    public void Diff_judges_assistants_models_and_mcp_servers_as_the_build_does()
    {
        using var repo = new TempRepo();
        string sample = File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json"));
        string before = repo.Write("old.json", sample);
        string after = repo.Write("new.json", sample
            .Replace("\"models\": { \"allow\": [\"claude-sonnet-4*\", \"gpt-4.1\"] }", "\"models\": { \"allow\": [\"claude-sonnet-4*\", \"gpt-4.1\"], \"deny\": [\"gpt-4*\"] }", StringComparison.Ordinal)
            .Replace("\"deny\": [\n      { \"id\": \"filesystem-root\"", "\"deny\": [\n      { \"id\": \"github-freeze\", \"url\": \"https://api.githubcopilot.com/mcp/*\", \"reason\": \"incident\" },\n      { \"id\": \"filesystem-root\"", StringComparison.Ordinal)
            .Replace("\"approvedAt\": \"2026-03-01\", \"expiresAt\": \"2030-03-01\"", "\"approvedAt\": \"2026-03-01\", \"expiresAt\": \"2026-12-03\"", StringComparison.Ordinal));
        Assert.Contains("\"deny\": [\"gpt-4*\"]", File.ReadAllText(after));
        Assert.Contains("github-freeze", File.ReadAllText(after));
        Assert.Contains("\"expiresAt\": \"2026-12-03\"", File.ReadAllText(after));
        Assert.Equal(0, CliRun.Of("policy", "validate", after).ExitCode);

        List<string> Changes(string at)
        {
            CliRun run = CliRun.Of("policy", "diff", before, after, "--at", at, "--format", "json");
            using JsonDocument doc = JsonDocument.Parse(run.Out);
            return doc.RootElement.GetProperty("changes").EnumerateArray()
                .Select(c => c.GetProperty("change").GetString() + " " + c.GetProperty("type").GetString() + " " + c.GetProperty("id").GetString()).ToList();
        }

        List<string> onTheDay = Changes("2026-12-03");
        Assert.Contains("revoked model cursor/gpt-4.1", onTheDay);
        Assert.DoesNotContain("revoked model cursor/claude-sonnet-4*", onTheDay);
        Assert.Contains("revoked mcpServer github", onTheDay);
        Assert.DoesNotContain(onTheDay, c => c.EndsWith(" mcpServer contoso-docs", StringComparison.Ordinal));
        Assert.Contains("changed assistant github-copilot", onTheDay); // approved through 2026-12-03: the build still passes that day
        Assert.DoesNotContain("expired assistant github-copilot", onTheDay);

        List<string> dayAfter = Changes("2026-12-04");
        Assert.Contains("expired assistant github-copilot", dayAfter);
        Assert.Contains("expired model github-copilot/gpt-4.1", dayAfter);
    }

    [Fact]
    public void Diff_reports_an_approval_that_the_new_revision_lets_expire()
    {
        using var repo = new TempRepo();
        string before = repo.Write("old.json", Documents.Policy);
        string after = repo.Write("new.json", Documents.Policy.Replace("\"expiresAt\": \"2030-01-01\"", "\"expiresAt\": \"2026-06-30\"", StringComparison.Ordinal));

        CliRun run = CliRun.Of("policy", "diff", before, after, "--at", "2026-12-01");

        Assert.Contains("expired", run.Out);
        Assert.Contains("claude-code", run.Out);
    }

    [Fact]
    public void Diff_with_an_inventory_names_the_repositories_it_would_break_and_their_owners()
    {
        using var repo = new TempRepo();
        string db = Path.Combine(repo.Root, "inv.db");
        CliRun inventory = CliRun.Of("inventory", Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "estate"), "--db", db, "--format", "json", "-o", Path.Combine(repo.Root, "inv.json"));
        Assert.Equal(0, inventory.ExitCode);
        string before = Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json");
        string text = File.ReadAllText(before);
        int start = text.IndexOf("      { \"id\": \"Azure.AI.OpenAI\"", StringComparison.Ordinal);
        int end = text.IndexOf('\n', start);
        string after = repo.Write("new.json", text.Remove(start, end - start + 1));

        CliRun run = CliRun.Of("policy", "diff", before, after, "--inventory", db, "--at", "2026-12-03");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("revoked", run.Out);
        Assert.Contains("github.com/contoso/checkout (owner Checkout, checkout@contoso.example), Checkout.Web: error GRD201: Package 'Azure.AI.OpenAI' 2.1.0", run.Out);
        Assert.DoesNotContain("github.com/contoso/payments (owner", run.Out);
    }

    [Fact]
    public void Diff_refuses_an_invalid_revision()
    {
        using var repo = new TempRepo();
        string before = repo.Write("old.json", Documents.Policy);
        string after = repo.Write("new.json", "{ \"policyFormat\": \"1.0\" }");

        CliRun run = CliRun.Of("policy", "diff", before, after);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GRDCL07", run.Err);
    }
}
