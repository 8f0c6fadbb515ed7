using Guardrails.BuildTasks.Formats;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Tests.Formats;

public class YamlReaderTests
{
    [Fact]
    public void Continue_block_reads_sequences_of_mappings_with_positions()
    {
        const string yaml = """
            name: DB MCP   # a comment
            version: 0.0.1
            schema: v1
            mcpServers:
              - name: SQLite
                command: uvx
                args:
                  - "mcp-server-sqlite==0.6.2"
                  - --db-path
                  - './test.db'
                env: { API_KEY: "${{ secrets.DB_KEY }}", MODE: ro }
              - uses: acme/jira-mcp@1.2.0
            """;
        JsonNode root = YamlReader.Parse(yaml);
        Assert.Equal("DB MCP", root["name"]!.Text);
        Assert.Equal("0.0.1", root["version"]!.Text); // not a number in YAML 1.2
        JsonNode servers = root["mcpServers"]!;
        Assert.Equal(2, servers.Items.Count);
        JsonNode sqlite = servers.Items[0];
        Assert.Equal(5, sqlite.Start.Line);
        Assert.Equal(5, sqlite.Start.Column);
        Assert.Equal("uvx", sqlite["command"]!.Text);
        Assert.Equal(new[] { "mcp-server-sqlite==0.6.2", "--db-path", "./test.db" }, sqlite["args"]!.Items.Select(i => i.Text));
        Assert.Equal(8, sqlite["args"]!.Items[0].Start.Line);
        Assert.Equal("${{ secrets.DB_KEY }}", sqlite["env"]!["API_KEY"]!.Text);
        Assert.Equal("acme/jira-mcp@1.2.0", servers.Items[1]["uses"]!.Text);
    }

    [Fact]
    public void Scalars_are_typed_as_yaml_core_and_block_scalars_keep_their_text()
    {
        const string yaml = "a: true\nb: ~\nc: 12\nd: 'it''s'\ne: \"x\\ty\"\nf: |\n  line1\n  line2\ng: >-\n  folded\n  text\nh: plain\n  continued\ni: !!str 42\nlist:\n- one\n- two\n";
        JsonNode root = YamlReader.Parse(yaml);
        Assert.Equal(JsonKind.True, root["a"]!.Kind);
        Assert.Equal(JsonKind.Null, root["b"]!.Kind);
        Assert.Equal(JsonKind.Number, root["c"]!.Kind);
        Assert.Equal("it's", root["d"]!.Text);
        Assert.Equal("x\ty", root["e"]!.Text);
        Assert.Equal("line1\nline2\n", root["f"]!.Text);
        Assert.Equal("folded text", root["g"]!.Text);
        Assert.Equal("plain continued", root["h"]!.Text);
        Assert.Equal("42", root["i"]!.Text);
        Assert.Equal(new[] { "one", "two" }, root["list"]!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Front_matter_is_parsed_with_file_line_numbers_and_absent_front_matter_is_null()
    {
        const string md = "---\nname: reviewer\nmodel: gpt-4.1\ntools: ['read', \"search\"]\nmcp-servers:\n  github:\n    type: local\n    command: npx\n---\n# Body\n---\nnot: yaml\n";
        JsonNode fm = YamlReader.ParseFrontMatter(md)!;
        Assert.Equal("gpt-4.1", fm["model"]!.Text);
        Assert.Equal(3, fm["model"]!.Start.Line);
        Assert.Equal(8, fm["model"]!.Start.Column);
        Assert.Equal(new[] { "read", "search" }, fm["tools"]!.Items.Select(i => i.Text));
        Assert.Equal(6, fm["mcp-servers"]!.GetProperty("github")!.NameStart.Line);
        Assert.Null(YamlReader.ParseFrontMatter("# Just markdown\n---\n"));
        Assert.Throws<JsonParseException>(() => YamlReader.ParseFrontMatter("---\nmodel: x\n"));
    }

    [Fact]
    public void Flow_collections_may_span_lines()
    {
        JsonNode root = YamlReader.Parse("args: [\n  \"-y\",\n  pkg@1.0,  # pinned\n]\nnext: 1\n");
        Assert.Equal(new[] { "-y", "pkg@1.0" }, root["args"]!.Items.Select(i => i.Text));
        Assert.Equal(3, root["args"]!.Items[1].Start.Line);
        Assert.Equal("1", root["next"]!.Text);
    }

    [Theory]
    [InlineData("a: 1\n  b: 2\n", 2)]
    [InlineData("a:\n\t- x\n", 2)]
    [InlineData("a: &anchor 1\n", 1)]
    [InlineData("a: \"unterminated\n", 1)]
    [InlineData("a: [1, 2\n", 1)]
    [InlineData("- a\nb: 1\n", 2)]
    [InlineData("? complex\n: value\n", 1)]
    public void Unsupported_or_malformed_yaml_is_a_positioned_error(string yaml, int line)
    {
        Assert.Null(YamlReader.TryParse(yaml, out JsonParseException? error));
        Assert.Equal(line, error!.Position.Line);
    }

    [Theory]
    [InlineData("{", 1, 1)]
    [InlineData("[", 1, 1)]
    [InlineData("'", 1, 1)]
    [InlineData("\"\\x\"", 1, 1)]
    [InlineData("a: [1, {b: ", 1, 8)]
    public void Hostile_input_is_a_positioned_error(string yaml, int line, int column)
    {
        Assert.Null(YamlReader.TryParse(yaml, out JsonParseException? error));
        Assert.Equal((line, column), (error!.Position.Line, error.Position.Column));
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_an_error_not_a_stack_overflow()
    {
        Assert.Null(YamlReader.TryParse(new string('[', 100_000), out JsonParseException? error));
        Assert.Contains("deeper than 64", error!.Message);
    }

    [Theory]
    [InlineData("-", "[null,]")]
    [InlineData(":", "{\"\":null,}")]
    [InlineData("- - -", "[[[null,],],]")]
    [InlineData("a: |", "{\"a\":\"\",}")]
    [InlineData("a: >", "{\"a\":\"\",}")]
    [InlineData("a: {b: [c, {d: e}]}", "{\"a\":{\"b\":[\"c\",{\"d\":\"e\",},],},}")]
    [InlineData("a:\n  - b: c\n    d:\n", "{\"a\":[{\"b\":\"c\",\"d\":null,},],}")]
    public void Degenerate_input_reads_as_yaml_says(string yaml, string expected)
    {
        Assert.Equal(expected, Differential.Canonical.Of(YamlReader.Parse(yaml)));
    }

    [Theory]
    [InlineData("---\n---\n")]
    [InlineData("\uFEFF")]
    [InlineData("# only a comment\n")]
    public void A_document_with_no_content_is_null(string yaml)
    {
        Assert.Equal(JsonKind.Null, YamlReader.Parse(yaml).Kind);
    }

    /// <summary>Adversary round 10 route 4: CI files are read with their anchors and aliases, as CI services read them.</summary>
    [Fact]
    public void With_aliases_an_alias_is_the_anchored_node_and_a_merge_key_keeps_it()
    {
        JsonNode root = YamlReader.ParseWithAliases("env:\n  CMD: &cmd npx -y pkg --flag\nbase: &base\n  variables:\n    M: x\njobs:\n  a:\n    <<: *base\n    steps:\n      - run: *cmd # the same text\n");

        JsonNode run = root["jobs"]!["a"]!["steps"]!.Items[0]["run"]!;
        Assert.Equal("npx -y pkg --flag", run.Text);
        Assert.Equal(2, run.Start.Line);
        Assert.Equal("x", root["jobs"]!["a"]!["<<"]!["variables"]!["M"]!.Text);
        Assert.Null(YamlReader.TryParse("a: &x 1\nb: *x\n", out _)); // the default reader still refuses them
    }

    [Theory]
    [InlineData("a: *nowhere\n", "refers to no anchor")]
    [InlineData("a: &x 1\nb: *x trailing\n", "unexpected text after a YAML alias")]
    [InlineData("a: & 1\n", "needs a name")]
    public void With_aliases_a_bad_alias_is_a_clear_error(string yaml, string message)
    {
        JsonParseException e = Assert.Throws<JsonParseException>(() => YamlReader.ParseWithAliases(yaml));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void With_aliases_an_alias_bomb_is_refused()
    {
        var yaml = new System.Text.StringBuilder("l0: &l0\n" + string.Concat(Enumerable.Repeat("  - x\n", 10)));
        for (int level = 1; level <= 6; level++)
        {
            yaml.Append("l" + level + ": &l" + level + "\n" + string.Concat(Enumerable.Repeat("  - *l" + (level - 1) + "\n", 10)));
        }

        JsonParseException e = Assert.Throws<JsonParseException>(() => YamlReader.ParseWithAliases(yaml.ToString()));
        Assert.Contains("repeat more than", e.Message);
    }
}
