using Guardrails.Core.Json;

namespace Guardrails.Core.Tests;

public class JsonReaderTests
{
    [Fact]
    public void Records_line_and_column_of_members_and_values()
    {
        string text = "{\n  \"a\": 1,\n  \"list\": [ \"x\", { \"b\": true } ]\n}";
        JsonNode root = JsonReader.Parse(text);

        JsonProperty list = root.GetProperty("list")!;
        Assert.Equal(3, list.NameStart.Line);
        Assert.Equal(3, list.NameStart.Column);
        JsonNode inner = list.Value.Items[1];
        Assert.Equal(JsonKind.Object, inner.Kind);
        Assert.Equal(3, inner.Start.Line);
        Assert.Equal(18, inner.Start.Column);
        Assert.True(inner["b"]!.TryGetBoolean(out bool b) && b);
        Assert.True(root["a"]!.TryGetInt64(out long a) && a == 1);
    }

    [Fact]
    public void Unescapes_strings()
    {
        JsonNode root = JsonReader.Parse("[\"a\\u0073b\\n\\\"q\\\"\"]");
        Assert.Equal("asb\n\"q\"", root.Items[0].Text);
    }

    [Theory]
    [InlineData("{\"a\": 1,\n \"b\" 2}", 2, 6)]
    [InlineData("[1, 2", 1, 6)]
    [InlineData("{\"a\": 'x'}", 1, 7)]
    [InlineData("", 1, 1)]
    [InlineData("{} {}", 1, 4)]
    [InlineData("{\"a\": tru}", 1, 7)]
    [InlineData("{\"a\": \"unterminated}", 1, 7)]
    [InlineData("{\"a\": 01}", 1, 8)]
    public void Reports_malformed_input_at_line_and_column(string text, int line, int column)
    {
        var e = Assert.Throws<JsonParseException>(() => JsonReader.Parse(text));
        Assert.Equal(line, e.Position.Line);
        Assert.Equal(column, e.Position.Column);
    }

    [Fact]
    public void Allows_comments_and_trailing_commas_by_default_but_not_in_strict_mode()
    {
        string text = "// header\n{ /* c */ \"a\": [1, 2,], }";
        Assert.Equal(2, JsonReader.Parse(text)["a"]!.Items.Count);
        Assert.Throws<JsonParseException>(() => JsonReader.Parse(text, JsonReaderOptions.Strict));
    }

    [Fact]
    public void Error_messages_never_quote_the_input()
    {
        string secretish = "sk" + "-supersecretvalue";
        var e = Assert.Throws<JsonParseException>(() => JsonReader.Parse("{\"key\": " + secretish + "}"));
        Assert.DoesNotContain("supersecret", e.Message);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        string text = new string('[', 100_000) + new string(']', 100_000);
        var e = Assert.Throws<JsonParseException>(() => JsonReader.Parse(text));
        Assert.Contains("deeper", e.Message);
    }

    [Fact]
    public void Tolerates_a_leading_byte_order_mark_and_crlf_line_ends()
    {
        JsonNode root = JsonReader.Parse("\uFEFF{\r\n\"a\":\r\n 5}");
        Assert.Equal(3, root["a"]!.Start.Line);
        Assert.Equal(2, root["a"]!.Start.Column);
    }

    [Fact]
    public void Keeps_duplicate_members_and_returns_the_last()
    {
        JsonNode root = JsonReader.Parse("{\"a\": 1, \"a\": 2}");
        Assert.Equal(2, root.Properties.Count);
        Assert.Equal("2", root["a"]!.Text);
    }
}
