using Guardrails.BuildTasks.Formats;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Tests.Formats;

public class TomlReaderTests
{
    [Fact]
    public void Codex_config_reads_into_the_shared_tree_with_positions()
    {
        const string toml = """
            # Codex project config
            model = "gpt-5-codex"
            approval_policy = "on-request"

            [mcp_servers.docs]
            command = "npx"
            args = ["-y", "@upstash/context7-mcp@1.0.14"]   # pinned
            env_vars = ["CONTEXT7_API_KEY"]

            [mcp_servers."figma remote"]
            url = 'https://mcp.figma.com/mcp'
            bearer_token_env_var = "FIGMA_OAUTH_TOKEN"
            http_headers = { "X-Figma-Region" = "us-east-1", trace = true }
            startup_timeout_sec = 20
            """;
        JsonNode root = TomlReader.Parse(toml);

        Assert.Equal("gpt-5-codex", root["model"]!.Text);
        Assert.Equal(2, root["model"]!.Start.Line);
        Assert.Equal(9, root["model"]!.Start.Column);
        JsonNode servers = root["mcp_servers"]!;
        Assert.Equal(new[] { "docs", "figma remote" }, servers.Properties.Select(p => p.Name));
        JsonNode docs = servers["docs"]!;
        Assert.Equal(new[] { "-y", "@upstash/context7-mcp@1.0.14" }, docs["args"]!.Items.Select(i => i.Text));
        Assert.Equal(7, docs["args"]!.Start.Line);
        JsonNode figma = servers["figma remote"]!;
        Assert.Equal("https://mcp.figma.com/mcp", figma["url"]!.Text);
        Assert.Equal("us-east-1", figma["http_headers"]!["X-Figma-Region"]!.Text);
        Assert.Equal(JsonKind.True, figma["http_headers"]!["trace"]!.Kind);
        Assert.Equal("20", figma["startup_timeout_sec"]!.Text);
    }

    [Fact]
    public void Dotted_keys_arrays_of_tables_multiline_strings_and_dates()
    {
        const string toml = "a.b.c = 1\n[[agents]]\nname = \"x\"\n[[agents]]\nname = \"y\"\nprompt = \"\"\"\nline1\nline2\"\"\"\nlit = '''\nraw\\n'''\nwhen = 1979-05-27T07:32:00Z\narr = [\n  1,\n  2, # c\n]\nesc = \"tab\\tq\\\"\\u00e9\"\n";
        JsonNode root = TomlReader.Parse(toml);
        Assert.Equal("1", root["a"]!["b"]!["c"]!.Text);
        Assert.Equal(new[] { "x", "y" }, root["agents"]!.Items.Select(i => i["name"]!.Text));
        Assert.Equal("line1\nline2", root["agents"]!.Items[1]["prompt"]!.Text);
        Assert.Equal("raw\\n", root["agents"]!.Items[1]["lit"]!.Text);
        Assert.Equal("1979-05-27T07:32:00Z", root["agents"]!.Items[1]["when"]!.Text);
        Assert.Equal(2, root["agents"]!.Items[1]["arr"]!.Items.Count);
        Assert.Equal("tab\tq\"\u00e9", root["agents"]!.Items[1]["esc"]!.Text);
    }

    [Theory]
    [InlineData("model = \"unterminated\n", 1, 9)]
    [InlineData("model = gpt-5\n", 1, 9)]
    [InlineData("[mcp_servers.x\ncommand = \"a\"\n", 1, 15)]
    [InlineData("a = 1\nb = [1, 2\n", 2, 5)]
    [InlineData("a = 1 2\n", 1, 7)]
    [InlineData("= 1\n", 1, 1)]
    public void Malformed_toml_is_a_positioned_error_never_another_exception(string toml, int line, int column)
    {
        JsonNode? root = TomlReader.TryParse(toml, out JsonParseException? error);
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal(line, error!.Position.Line);
        Assert.Equal(column, error.Position.Column);
    }

    [Fact]
    public void A_value_redefined_as_a_table_is_an_error()
    {
        Assert.Null(TomlReader.TryParse("a = 1\n[a.b]\n", out JsonParseException? error));
        Assert.Equal(2, error!.Position.Line);
    }

    [Theory]
    [InlineData("[", 1, 2)]
    [InlineData("[[", 1, 3)]
    [InlineData("\"", 1, 1)]
    [InlineData("a=\"\"\"", 1, 3)]
    [InlineData("a=\'\'\'", 1, 3)]
    [InlineData("a={", 1, 4)]
    [InlineData("a = \"\\u12\"", 1, 7)]
    [InlineData("a=\"\\", 1, 5)]
    [InlineData("x.=1", 1, 3)]
    public void Hostile_input_is_a_positioned_error(string toml, int line, int column)
    {
        Assert.Null(TomlReader.TryParse(toml, out JsonParseException? error));
        Assert.Equal((line, column), (error!.Position.Line, error.Position.Column));
        if (toml.Length > 3)
        {
            Assert.DoesNotContain(toml, error.Message); // messages never quote the input
        }
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_an_error_not_a_stack_overflow()
    {
        Assert.Null(TomlReader.TryParse("a=" + new string('[', 100_000), out JsonParseException? error));
        Assert.Equal(1, error!.Position.Line);
        Assert.Contains("deeper than 64", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        JsonNode root = TomlReader.Parse("\uFEFFa=1");
        Assert.Equal("1", root["a"]!.Text);
        Assert.Equal(1, root["a"]!.Start.Line);
    }
}
