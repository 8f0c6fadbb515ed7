using Guardrails.BuildTasks.Footprints;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

public class AssistantFileReaderTests
{
    public static IEnumerable<object[]> Assistants() => AssistantFixtures.All.Keys.Select(k => new object[] { k });

    private static List<FootprintContent> ReadAll(FootprintRepo repo) =>
        repo.Discover().Hits.Where(h => !h.IsDirectory).Select(AssistantFileReader.Read).ToList();

    [Theory]
    [MemberData(nameof(Assistants))]
    public void Every_clean_fixture_reads_without_problems_credentials_or_permissions(string assistant)
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture(assistant);

        List<FootprintContent> contents = ReadAll(repo);

        Assert.NotEmpty(contents);
        Assert.All(contents, c => Assert.Null(c.Problem));
        Assert.All(contents, c => Assert.Empty(c.Credentials));
        Assert.All(contents, c => Assert.Empty(c.Permissions));
        Assert.All(contents.SelectMany(c => c.Servers), s => Assert.False(s.HasUnresolvedVariable, s.Describe()));
    }

    [Theory]
    [InlineData("github-copilot", ".github/agents/reviewer.agent.md", "github", null, "pkg:npm/@modelcontextprotocol/server-github", "2025.4.8")]
    [InlineData("github-copilot", ".vscode/mcp.json", "acme-db", null, "pkg:nuget/Acme.Db.Mcp", "2.1.0")]
    [InlineData("github-copilot", ".vscode/mcp.json", "learn", "https://learn.microsoft.com/api/mcp", null, null)]
    [InlineData("visual-studio", ".vs/mcp.json", "nuget", null, "pkg:nuget/NuGet.Mcp.Server", "0.2.0")]
    [InlineData("cursor", ".cursor/mcp.json", "github", null, "pkg:npm/@modelcontextprotocol/server-github", "2025.4.8")]
    [InlineData("cursor", ".cursor/mcp.json", "docs", "https://mcp.contoso.example/mcp", null, null)]
    [InlineData("claude-code", ".mcp.json", "sentry", "https://mcp.sentry.dev/mcp", null, null)]
    [InlineData("claude-code", ".mcp.json", "fs", null, "pkg:npm/@modelcontextprotocol/server-filesystem", "2025.7.1")]
    [InlineData("openai-codex", ".codex/config.toml", "context7", null, "pkg:npm/@upstash/context7-mcp", "1.0.14")]
    [InlineData("openai-codex", ".codex/config.toml", "figma", "https://mcp.figma.com/mcp", null, null)]
    [InlineData("gemini", ".gemini/settings.json", "github", "https://api.githubcopilot.com/mcp/", null, null)]
    [InlineData("roo", ".roo/mcp.json", "fetch", null, "pkg:pypi/mcp-server-fetch", "2025.4.7")]
    [InlineData("continue", ".continue/mcpServers/sqlite.yaml", "SQLite", null, "pkg:pypi/mcp-server-sqlite", "0.6.2")]
    [InlineData("amazon-q", ".amazonq/mcp.json", "aws-docs", null, "pkg:docker/public.ecr.aws/awslabs/aws-documentation-mcp-server", "1.1.2")]
    [InlineData("jetbrains-ai", ".junie/mcp/mcp.json", "jetbrains", null, "pkg:npm/@jetbrains/mcp-proxy", "1.8.0")]
    [InlineData("kiro", ".kiro/settings/mcp.json", "fetch", null, "pkg:pypi/mcp-server-fetch", "2025.4.7")]
    [InlineData("tabnine", ".tabnine/agent/settings.json", "git", null, "pkg:pypi/mcp-server-git", "2025.7.1")]
    [InlineData("zed", ".zed/settings.json", "postgres", null, "pkg:npm/@zeddotdev/postgres-context-server", "0.1.2")]
    [InlineData("devin", ".devin/mcp_config.json", "linear", "https://mcp.linear.app/sse", null, null)]
    [InlineData("trae", ".trae/mcp.json", "fetch", null, "pkg:pypi/mcp-server-fetch", "2025.4.7")]
    [InlineData("opencode", "opencode.json", "fs", null, "pkg:npm/@modelcontextprotocol/server-filesystem", "2025.7.1")]
    [InlineData("opencode", "opencode.json", "docs", "https://mcp.contoso.example/mcp", null, null)]
    [InlineData("opencode", ".opencode/opencode.jsonc", "sentry", "https://mcp.sentry.dev/mcp", null, null)]
    public void Servers_are_identified_by_url_or_package_in_every_dialect(string assistant, string file, string name, string? url, string? package, string? version)
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture(assistant);

        FootprintContent content = repo.ReadFile(file);

        McpServerUse server = Assert.Single(content.Servers, s => s.Name == name);
        Assert.Equal(url, server.Url);
        Assert.Equal(package, server.Package);
        Assert.Equal(version, server.Version);
        Assert.True(server.Line > 0 && server.Column > 0);
    }

    [Theory]
    [InlineData("github-copilot", ".github/agents/reviewer.agent.md", "gpt-4.1", 4)]
    [InlineData("claude-code", ".claude/settings.json", "claude-sonnet-4-5", 3)]
    [InlineData("claude-code", ".claude/agents/security-reviewer.md", "sonnet", 5)]
    [InlineData("openai-codex", ".codex/config.toml", "gpt-5-codex", 1)]
    [InlineData("gemini", ".gemini/settings.json", "gemini-2.5-pro", 2)]
    [InlineData("continue", ".continue/models/openai.yaml", "gpt-4o", 7)]
    [InlineData("aider", ".aider.conf.yml", "sonnet", 2)]
    [InlineData("aider", ".aider.conf.yml", "haiku", 3)]
    [InlineData("zed", ".zed/settings.json", "claude-sonnet-4", 4)]
    public void Models_are_found_in_settings_and_front_matter_at_their_line(string assistant, string file, string model, int line)
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture(assistant);

        FootprintContent content = repo.ReadFile(file);

        ModelUse use = Assert.Single(content.Models, m => m.Model == model);
        Assert.Equal(line, use.Line);
    }

    [Fact]
    public void Cursor_server_position_is_the_name_of_the_server()
    {
        using var repo = new FootprintRepo();
        repo.WriteFixture("cursor");
        McpServerUse github = repo.ReadFile(".cursor/mcp.json").Servers.Single(s => s.Name == "github");
        Assert.Equal((3, 5), (github.Line, github.Column));
    }

    [Theory]
    [InlineData(".claude/settings.json", "{\n  \"permissions\": {\n    \"defaultMode\": \"bypassPermissions\"\n  }\n}", "bypassMode", "permissions.defaultMode", 3)]
    [InlineData(".claude/settings.json", "{ \"permissions\": { \"defaultMode\": \"acceptEdits\" } }", "autoApprove", "permissions.defaultMode", 1)]
    [InlineData(".claude/settings.json", "{\n\"enableAllProjectMcpServers\": true }", "enableAllProjectMcpServers", "enableAllProjectMcpServers", 2)]
    [InlineData(".claude/settings.json", "{ \"permissions\": { \"allow\": [\"Bash\"] } }", "alwaysAllowTools", "permissions.allow", 1)]
    [InlineData(".gemini/settings.json", "{ \"mcpServers\": { \"x\": { \"command\": \"uvx\", \"args\": [\"x==1\"],\n \"trust\": true } } }", "autoApprove", "mcpServers.x.trust", 2)]
    [InlineData(".gemini/settings.json", "{ \"general\": { \"defaultApprovalMode\": \"yolo\" } }", "bypassMode", "general.defaultApprovalMode", 1)]
    [InlineData(".codex/config.toml", "model = \"o3\"\napproval_policy = \"never\"\n", "bypassMode", "approval_policy", 2)]
    [InlineData(".codex/config.toml", "[profiles.ci]\nsandbox_mode = \"danger-full-access\"\n", "bypassMode", "profiles.ci.sandbox_mode", 2)]
    [InlineData(".roo/mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"a@1\"], \"alwaysAllow\": [\"read_file\"] } } }", "alwaysAllowTools", "mcpServers.fs.alwaysAllow", 1)]
    [InlineData(".kiro/settings/mcp.json", "{ \"mcpServers\": { \"f\": { \"url\": \"https://x.example/mcp\",\n\"autoApprove\": [\"*\"] } } }", "autoApprove", "mcpServers.f.autoApprove", 2)]
    [InlineData(".aider.conf.yml", "model: sonnet\nyes-always: true\n", "bypassMode", "yes-always", 2)]
    [InlineData(".codex/config.toml", "[projects.\"/src/app\"]\ntrust_level = \"trusted\"\n", "trustWorkspace", "projects./src/app.trust_level", 2)]
    [InlineData(".zed/settings.json", "{ \"agent\": { \"always_allow_tool_actions\": true } }", "autoApprove", "agent.always_allow_tool_actions", 1)]
    [InlineData(".github/prompts/fix.prompt.md", "---\nmode: agent\nallowed-tools: ['*']\n---\nFix it.", "alwaysAllowTools", "allowed-tools", 3)]
    [InlineData(".amazonq/cli-agents/dev.json", "{ \"allowedTools\": [\"fs_read\", \"*\"] }", "alwaysAllowTools", "allowedTools", 1)]
    public void Permission_settings_above_a_ceiling_are_found_with_their_key_and_line(string file, string text, string ceiling, string setting, int line)
    {
        using var repo = new FootprintRepo();
        repo.Write(file, text);

        FootprintContent content = repo.ReadFile(file);

        Assert.Null(content.Problem);
        PermissionUse use = Assert.Single(content.Permissions);
        Assert.Equal(ceiling, use.Ceiling);
        Assert.Equal(setting, use.Setting);
        Assert.Equal(line, use.Line);
    }

    [Theory]
    [InlineData("{ \"permissions\": { \"defaultMode\": \"plan\", \"allow\": [\"Bash(git diff:*)\"] }, \"enableAllProjectMcpServers\": false }")]
    [InlineData("{ \"mcpServers\": { \"x\": { \"url\": \"https://a.example\", \"trust\": false, \"alwaysAllow\": [], \"autoApprove\": [] } } }")]
    public void Settings_at_or_below_the_ceiling_are_left_alone(string json)
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", json);
        Assert.Empty(repo.ReadFile(".claude/settings.json").Permissions);
    }

    [Fact]
    public void A_literal_provider_key_in_env_is_a_credential_reported_redacted_at_its_line()
    {
        using var repo = new FootprintRepo();
        string key = FakeKeys.OpenAiProject();
        repo.Write(".cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"ai\": {\n      \"command\": \"uvx\", \"args\": [\"ai-mcp==1.0\"],\n      \"env\": { \"OPENAI_API_KEY\": \"" + key + "\" }\n    }\n  }\n}\n");

        FootprintContent content = repo.ReadFile(".cursor/mcp.json");

        CredentialUse credential = Assert.Single(content.Credentials);
        Assert.Equal("OpenAI", credential.Provider);
        Assert.Equal(5, credential.Line);
        Assert.StartsWith("sk-proj-\u2026", credential.Redacted);
        Assert.DoesNotContain(key.Substring(8, 20), credential.Redacted);
    }

    [Theory]
    [InlineData("\"env\": { \"GITHUB_TOKEN\": \"FakeTok3nValueNotReal42x\" }", "mcpServers.gh.env.GITHUB_TOKEN")]
    [InlineData("\"headers\": { \"Authorization\": \"Bearer FakeTok3nValueNotReal42x\" }", "mcpServers.gh.headers.Authorization")]
    [InlineData("\"headers\": { \"X-API-Key\": \"FakeTok3nValueNotReal42x\" }", "mcpServers.gh.headers.X-API-Key")]
    public void Generic_literal_credentials_under_secret_names_are_found(string bag, string setting)
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"gh\": { \"url\": \"https://gh.example/mcp\", " + bag + " } } }");

        CredentialUse credential = Assert.Single(repo.ReadFile(".mcp.json").Credentials);
        Assert.Equal(setting, credential.Setting);
        Assert.Equal("\u2026" + "l42x", credential.Redacted);
    }

    [Theory]
    [InlineData("${GITHUB_TOKEN}")]
    [InlineData("${env:GITHUB_TOKEN}")]
    [InlineData("${input:gh-token}")]
    [InlineData("${{ secrets.COPILOT_MCP_GITHUB_TOKEN }}")]
    [InlineData("$GITHUB_TOKEN")]
    [InlineData("Bearer ${GITHUB_TOKEN}")]
    [InlineData("${GITHUB_TOKEN:-}")]
    [InlineData("env:GITHUB_TOKEN")]
    [InlineData("your-token-here")]
    [InlineData("")]
    public void References_and_placeholders_pass(string value)
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"gh\": { \"url\": \"https://gh.example/mcp\", \"env\": { \"GITHUB_TOKEN\": \"" + value + "\" }, \"headers\": { \"Authorization\": \"" + value + "\" } } } }");
        Assert.Empty(repo.ReadFile(".mcp.json").Credentials);
    }

    [Fact]
    public void Literal_credentials_outside_servers_are_found_in_yaml_and_toml_too()
    {
        using var repo = new FootprintRepo();
        repo.Write(".continue/models/m.yaml", "models:\n  - name: x\n    provider: openai\n    model: gpt-4o\n    apiKey: FakeGeneric9Secret7NotReal\n");
        repo.Write(".aider.conf.yml", "model: sonnet\napi-key:\n  - openai=FakeGeneric9Secret7NotReal\n");
        repo.Write(".codex/config.toml", "[mcp_servers.x]\nurl = \"https://x.example/mcp\"\nhttp_headers = { Authorization = \"Bearer FakeGeneric9Secret7NotReal\" }\n");

        Assert.Equal(5, Assert.Single(repo.ReadFile(".continue/models/m.yaml").Credentials).Line);
        Assert.Equal(3, Assert.Single(repo.ReadFile(".aider.conf.yml").Credentials).Line);
        Assert.Equal(3, Assert.Single(repo.ReadFile(".codex/config.toml").Credentials).Line);
    }

    [Fact]
    public void An_env_file_in_an_assistant_folder_is_read_as_name_value_lines()
    {
        using var repo = new FootprintRepo();
        repo.Write(".gemini/.env", "# gemini\nGEMINI_MODEL=gemini-2.5-pro\nGEMINI_API_KEY=FakeGeneric9Secret7NotReal\n");

        CredentialUse credential = Assert.Single(repo.ReadFile(".gemini/.env").Credentials);
        Assert.Equal((3, 16), (credential.Line, credential.Column));
    }

    [Fact]
    public void A_known_key_in_a_plain_text_rules_file_is_found_by_the_raw_scan()
    {
        using var repo = new FootprintRepo();
        repo.Write(".cursorrules", "Use this key when testing:\n  " + FakeKeys.OpenAiLegacy() + "\n");

        CredentialUse credential = Assert.Single(repo.ReadFile(".cursorrules").Credentials);
        Assert.Equal((2, 3), (credential.Line, credential.Column));
    }

    [Theory]
    [InlineData(".cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"npx\" }\n    \"b\": {}\n  }\n}", 4, 5)]
    [InlineData(".codex/config.toml", "model = \"o3\"\n[mcp_servers.x\n", 2, 15)]
    [InlineData(".continue/mcpServers/x.yaml", "mcpServers:\n  - name: a\n   command: b\n", 3, 4)]
    [InlineData(".claude/agents/a.md", "---\nmodel: [unclosed\n---\nbody", 2, 8)]
    public void Malformed_files_are_a_read_problem_at_line_and_column(string file, string text, int line, int column)
    {
        using var repo = new FootprintRepo();
        repo.Write(file, text);

        FootprintContent content = repo.ReadFile(file);

        Assert.NotNull(content.Problem);
        Assert.Equal((line, column), (content.Problem!.Line, content.Problem.Column));
        Assert.Contains("is not valid", content.Problem.Message);
    }

    [Fact]
    public void A_broken_file_still_reports_a_known_key_and_binary_content_is_a_read_problem()
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"x\": { \"env\": { \"K\": \"" + FakeKeys.OpenAiProject() + "\" } ");
        string binary = Path.Combine(repo.Root, ".claude", "settings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        File.WriteAllBytes(binary, new byte[] { 0x7B, 0xC3, 0x28, 0xFF, 0xFE });

        FootprintContent broken = repo.ReadFile(".mcp.json");
        Assert.NotNull(broken.Problem);
        Assert.Single(broken.Credentials);

        FootprintContent unreadable = repo.ReadFile(".claude/settings.json");
        Assert.NotNull(unreadable.Problem);
        Assert.Contains("UTF-8", unreadable.Problem!.Message);
    }

    [Theory]
    [InlineData("\"url\": \"https://${MCP_HOST}/mcp\"")]
    [InlineData("\"command\": \"${TOOLS}/server\"")]
    [InlineData("\"command\": \"npx\", \"args\": [\"-y\", \"@acme/mcp@${VERSION}\"]")]
    public void A_variable_in_the_identity_makes_the_server_unresolved(string fields)
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"x\": { " + fields + " } } }");
        Assert.True(Assert.Single(repo.ReadFile(".mcp.json").Servers).HasUnresolvedVariable);
    }

    [Fact]
    public void A_variable_only_in_server_arguments_after_the_package_keeps_the_package_identity()
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem@2025.7.1\", \"${workspaceFolder}\"] } } }");
        McpServerUse server = Assert.Single(repo.ReadFile(".mcp.json").Servers);
        Assert.False(server.HasUnresolvedVariable);
        Assert.Equal("pkg:npm/@modelcontextprotocol/server-filesystem@2025.7.1", server.Describe());
    }

    [Fact]
    public void Servers_key_counts_only_in_mcp_files()
    {
        using var repo = new FootprintRepo();
        repo.Write(".claude/settings.json", "{ \"servers\": { \"x\": { \"url\": \"https://a.example\" } } }");
        Assert.Empty(repo.ReadFile(".claude/settings.json").Servers);
    }
}
