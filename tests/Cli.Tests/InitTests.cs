using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

public sealed class InitTests
{
    private static TempRepo RepositoryThatUsesAssistants()
    {
        var repo = new TempRepo();
        Directory.CreateDirectory(repo.PathOf(".git"));
        repo.Write(".cursor/mcp.json", AssistantFixtures.CursorMcpJson);
        repo.Write("CLAUDE.md", "# Conventions\n");
        repo.Write(".claude/settings.json", "{ \"model\": \"claude-sonnet-4-5\" }");
        repo.Write("App/App.csproj", Documents.ProjectWith("OpenAI", "2.1.0"));
        repo.Write("App/Client.cs", "class C { string Url = \"https://api.openai.com/v1/chat/completions\"; }");
        return repo;
    }

    [Fact]
    public void Draft_lists_assistants_servers_models_packages_and_endpoints_each_marked_for_review()
    {
        using TempRepo repo = RepositoryThatUsesAssistants();

        CliRun run = CliRun.Of("init", repo.Root);

        Assert.Equal(0, run.ExitCode);
        string draft = File.ReadAllText(repo.PathOf("ai-assistants.json"));
        Assert.Contains("\"id\": \"cursor\"", draft);
        Assert.Contains("\"id\": \"claude-code\"", draft);
        Assert.Contains("\"models\": [\"claude-sonnet-4-5\"]", draft);
        Assert.Contains("{ \"id\": \"github\", \"command\": [\"npx\", \"-y\", \"@modelcontextprotocol/server-github@2025.4.8\"] }", draft);
        Assert.Contains("{ \"id\": \"docs\", \"url\": \"https://mcp.contoso.example/mcp\" }", draft);
        Assert.Contains("OpenAI 2.1.0", draft);
        Assert.Contains("api.openai.com (OpenAI; App/Client.cs(1))", draft);
        // Every assistant and every MCP server entry is preceded by a REVIEW comment.
        string[] lines = draft.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("{ \"id\"", StringComparison.Ordinal) || lines[i].Trim() == "{")
            {
                if (i > 0 && lines[i - 1].Contains("\"assistants\"", StringComparison.Ordinal)) continue;
                Assert.True(i == 3 || lines[i - 1].Contains("// REVIEW", StringComparison.Ordinal), "no REVIEW mark before line " + (i + 1) + ": " + lines[i]);
            }
        }
    }

    /// <summary>
    /// .mcp.json is read by Claude Code and by Visual Studio: its servers go to the assistant the repository shows most
    /// signs of (here CLAUDE.md too), so the draft does not hang a Claude Code server on an assistant the team may not use.
    /// </summary>
    [Fact]
    public void Servers_of_a_file_several_assistants_read_go_to_the_one_the_repository_shows_most_signs_of()
    {
        using var repo = new TempRepo();
        repo.Write("CLAUDE.md", "# Notes for Claude\n");
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"github\": { \"type\": \"http\", \"url\": \"https://api.githubcopilot.com/mcp/\" } } }");

        Assert.Equal(0, CliRun.Of("init", repo.Root).ExitCode);

        using var draft = System.Text.Json.JsonDocument.Parse(File.ReadAllText(repo.PathOf("ai-assistants.json")),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var servers = draft.RootElement.GetProperty("assistants").EnumerateArray().ToDictionary(
            a => a.GetProperty("id").GetString()!,
            a => a.TryGetProperty("mcpServers", out var list) ? list.EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToArray() : Array.Empty<string>());
        Assert.Equal(new[] { "github" }, servers["claude-code"]);
        Assert.All(servers.Where(kv => kv.Key != "claude-code"), kv => Assert.Empty(kv.Value));
    }

    [Fact]
    public void Draft_reads_as_a_manifest_and_declares_the_footprints_it_found()
    {
        using TempRepo repo = RepositoryThatUsesAssistants();
        string policy = repo.Write("policy/guardrails.policy.json", Documents.Policy.Replace(
            "\"packages\": {",
            "\"mcpServers\": { \"allow\": [ { \"id\": \"github\", \"package\": \"@modelcontextprotocol/server-github\" }, { \"id\": \"docs\", \"url\": \"https://mcp.contoso.example/mcp\" } ] },\n  \"packages\": {",
            StringComparison.Ordinal));
        Assert.Equal(0, CliRun.Of("init", repo.Root).ExitCode);

        CliRun scan = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", policy);

        Assert.DoesNotContain("GRD102", scan.Out); // the draft (JSON with comments) parses
        Assert.DoesNotContain("GRD130", scan.Out); // every footprint found is declared
        Assert.Contains("GRD111", scan.Out); // cursor is not approved by this policy: the draft approves nothing
    }

    [Fact]
    public void Existing_manifest_is_not_overwritten_without_force()
    {
        using TempRepo repo = RepositoryThatUsesAssistants();
        repo.Write("ai-assistants.json", "{}");

        CliRun run = CliRun.Of("init", repo.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GRDCL05", run.Err);
        Assert.Equal("{}", File.ReadAllText(repo.PathOf("ai-assistants.json")));
        Assert.Equal(0, CliRun.Of("init", repo.Root, "--force").ExitCode);
        Assert.NotEqual("{}", File.ReadAllText(repo.PathOf("ai-assistants.json")));
    }

    [Fact]
    public void A_key_in_an_mcp_command_line_never_reaches_the_draft_whole()
    {
        using var repo = new TempRepo();
        Directory.CreateDirectory(repo.PathOf(".git"));
        string key = FakeKeys.OpenAiProject();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"llm\": { \"command\": \"llm-mcp\", \"args\": [\"--api-key\", \"" + key + "\"] } } }");

        CliRun run = CliRun.Of("init", repo.Root, "--output", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"id\": \"llm\"", run.Out);
        Assert.DoesNotContain(key, run.Out);
    }
}
