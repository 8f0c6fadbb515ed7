using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>GRD132: an MCP server in an assistant file that the policy does not approve.</summary>
public class FootprintMcpServerTests
{
    private const string Declared = "[ { \"id\": \"cursor\" }, { \"id\": \"claude-code\" } ]";

    [Fact]
    public void Servers_approved_by_package_range_url_or_bare_package_name_pass()
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture("cursor");
        repo.WriteFixture("claude-code");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest(Declared));

        Assert.Empty(run.Of("GRD132"));
    }

    [Fact]
    public void An_unapproved_server_is_an_error_at_its_name_naming_its_identity_not_only_its_label()
    {
        using var repo = new FootprintRepo();
        repo.Write(".cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"github\": { \"command\": \"npx\", \"args\": [\"-y\", \"@evil/github-mcp@1.0.0\"] }\n  }\n}");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest(Declared));

        Finding f = Assert.Single(run.Of("GRD132"));
        Assert.Equal((3, 5), (f.Line, f.Column));
        Assert.Contains("pkg:npm/@evil/github-mcp@1.0.0", f.Message);
        Assert.True(run.IsError(f));
    }

    [Theory]
    [InlineData("\"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-github@2025.1.0\"]", "no approved entry")]
    [InlineData("\"command\": \"uvx\", \"args\": [\"mcp-server-fetch==2025.4.7\"]", "denied by the policy entry 'fetch-any'")]
    [InlineData("\"url\": \"https://${HOST}/mcp\"", "cannot be identified")]
    [InlineData("\"url\": \"https://evil.example/mcp\"", "no approved entry")]
    public void Versions_outside_the_range_denied_servers_and_unresolved_identities_are_errors(string fields, string expected)
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"x\": { " + fields + " } } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest(Declared));

        Assert.Contains(expected, Assert.Single(run.Of("GRD132")).Message);
    }
}
