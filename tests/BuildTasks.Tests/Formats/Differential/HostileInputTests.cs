using System.Text.Json;
using Guardrails.BuildTasks.Formats;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Tests.Formats.Differential;

/// <summary>
/// Hostile and edge-case inputs, each read by the own reader and by the reference library, with the outcome asserted:
/// "same" (both read the same values), "both-reject" (both refuse; the own reader with a positioned
/// <see cref="JsonParseException"/>), "limit:&lt;message&gt;" (a documented limit of the own subset reader: a clear
/// positioned error where the reference reads the document), "own:&lt;canonical&gt;" (a documented difference: what the
/// own reader returns instead). Never another exception, never silently different values.
/// </summary>
public class HostileInputTests
{
    public static TheoryData<string, string> Toml() => new()
    {
        { "[", "both-reject" },
        { "[[", "both-reject" },
        { "\"", "both-reject" },
        { "a=\"\"\"", "both-reject" },
        { "a='''", "both-reject" },
        { "a={", "both-reject" },
        { "a=[" + new string('[', 200), "both-reject" },
        { "a=" + new string('[', 100_000), "both-reject" },
        { "a = " + string.Concat(Enumerable.Repeat("{b=", 100_000)), "both-reject" },
        { "a = \"" + new string('x', 100_000), "both-reject" },
        { "a = \"\\u12\"", "both-reject" },
        { "a = \"\\uD800\"", "both-reject" },
        { "a=\"\\", "both-reject" },
        { "x.=1", "both-reject" },
        { "a = 0x", "both-reject" },
        { "a = 0xZZ", "both-reject" },
        { "a = 0b102", "both-reject" },
        { "a = 99999999999999999999", "both-reject" },
        { "a = 1e", "both-reject" },
        { "\"a\nb\" = 1", "both-reject" },
        { "a = [1,,2]", "both-reject" },
        { "a = 'x\ny'", "both-reject" },
        { "a = \"\\q\"", "both-reject" },
        { "a = tru", "both-reject" },
        { "\uFEFFa=1", "same" },
        { "a.b=1\n[a]\nc=2", "same" },
        { "[a.b]\nx=1\n[a]\ny=2", "same" },
        { "a.\"b\".c = 1", "same" },
        { "a = [1, 'x', {b=2}]", "same" },
        { "a = { b = 1, }", "same" },
        { "a = \"\"\"\nx\\\n   y\"\"\"", "same" },
        { "a = \"\\U0001F600\"", "same" },
        { "a = inf", "same" },
        { "a = -nan", "same" },
        { "a = +1", "same" },
        { "a = 1_000", "same" },
        { "a = 0x7FFF_FFFF_FFFF_FFFF", "same" },
        { "a = 07:32:00", "same" },
        { "a = 1979-05-27", "same" },
        { "[a]\n[a]", "same" },
        // Tomlyn wraps 2^63 to a negative number; the own reader refuses it, as TOML requires.
        { "a = 0x8000000000000000", "limit:integer is larger than 64 bits" },
        // Documented: dates and times are kept as their text (Tomlyn normalises the separator).
        { "a = 1979-05-27 07:32:00Z", "own:{\"a\":\"1979-05-27 07:32:00Z\",}" },
        // Documented leniency: a repeated key or a table redefined is kept, and the tree's lookup takes the last
        // (what most assistants' own parsers do, where they do not refuse the file).
        { "a=1\na=2", "own:{\"a\":n:1,\"a\":n:2,}" },
        { "[[a]]\n[a]", "own:{\"a\":[{},],\"a\":{},}" },
        // Documented leniency: numbers TOML forbids in form, read as the number a reader means.
        { "a = 012", "own:{\"a\":n:12,}" },
        { "a = .5", "own:{\"a\":n:0.5,}" },
        { "a = 1__0", "own:{\"a\":n:10,}" },
        // Documented leniency: a raw control character inside a string is kept as it is.
        { "a = \"x\u0000\"", "own:{\"a\":\"x\\u0000\",}" },
    };

    public static TheoryData<string, string> Yaml() => new()
    {
        { "{", "both-reject" },
        { "[", "both-reject" },
        { new string('[', 500), "both-reject" },
        { "'", "both-reject" },
        { "\"\\x\"", "both-reject" },
        { "a: \"\\uD800\"", "both-reject" },
        { "a: 'unterminated", "both-reject" },
        { "a: [1, 2", "both-reject" },
        { "a: |\n  x\n b: 1", "both-reject" },
        { "a:\n  b: 1\n c: 2", "both-reject" },
        { "-", "same" },
        { ":", "same" },
        { "- - -", "same" },
        { "a: |", "same" },
        { "a: >", "same" },
        { "a: |+\n  x\n\n", "same" },
        { "a: >\n  one\n\n  two\n", "same" },
        { "a: plain\n  more\n\n  para", "same" },
        { "a: {b: [c, {d: e}]}", "same" },
        { "---\n---\n", "same" },
        { "a:\n  - b: c\n    d:\n", "same" },
        { "a:\tb", "same" },
        { "a: !!binary aGk=", "same" },
        { "a: !custom x", "same" },
        { string.Concat(Enumerable.Repeat("- ", 5000)) + "x", "same" },
        { "%YAML 1.2\n---\na: 1", "same" },
        { "a: 1_000", "same" },
        { "a: yes", "same" },
        { "a: 012", "same" },
        { "a: 'it''s'", "same" },
        { "a: \"\\x41\\u00e9\\U0001F600\\N\\_\"", "same" },
        { "a: x # c\n  # c2\nb: y", "same" },
        { "a: 1\n---\nb: 2", "same" },
        { "a: null\nb: Null\nc: NULL\nd: ~\ne:", "same" },
        { "[1, 2]", "same" },
        // Documented limits of the subset reader: a clear positioned error where YAML reads the document.
        { "a: &x 1\nb: *x", "limit:anchors and aliases are not supported" },
        { "? a\n: b", "limit:complex mapping keys" },
        { "a: \"multi\n  line\"", "limit:multi-line quoted strings are not supported" },
        { "%YAML 1.2\na: 1", "both-reject" },
        // Documented: plain scalars are typed with YAML 1.2 core's decimal numbers only; 0x1F, 0o17 and .inf stay text.
        { "a: 0x1F", "own:{\"a\":\"0x1F\",}" },
        { "a: .inf", "own:{\"a\":\".inf\",}" },
        // Documented leniency: a repeated key is kept (lookups take the last, as PyYAML does); ': ' inside a
        // plain value is read as text; a lone byte-order mark is an empty document.
        { "a: 1\na: 2", "own:{\"a\":n:1,\"a\":n:2,}" },
        { "a: b: c", "own:{\"a\":\"b: c\",}" },
        { "\uFEFF", "own:null" },
    };

    public static TheoryData<string, string> Json() => new()
    {
        { new string('[', 100_000), "both-reject" },
        { "[1,]", "both-reject" },
        { "// c\n{}", "both-reject" },
        { "{\"a\":\"\u0001\"}", "both-reject" },
        { "NaN", "both-reject" },
        { "01", "both-reject" },
        { "{\"a\" 1}", "both-reject" },
        { "", "both-reject" },
        { "   ", "both-reject" },
        { "[\"a\"]x", "both-reject" },
        { "{\"a\":tru}", "both-reject" },
        { "[1 2]", "both-reject" },
        { "\"\\x\"", "both-reject" },
        { "{'a':1}", "both-reject" },
        { "[.5]", "both-reject" },
        { "[1.]", "both-reject" },
        { "[-]", "both-reject" },
        { "{\"a\":1,\"a\":2}", "same" },
        { "1e400", "same" },
        { "-0", "same" },
        { "[0.1e-999]", "same" },
        { "\"\\u00e9\"", "same" },
        { "[1e5]", "same" },
        { "{\"\":0}", "same" },
        { "\"" + new string('x', 200_000) + "\"", "same" },
        // Documented leniency: a byte-order mark before the value is skipped (System.Text.Json skips it in bytes).
        { "\uFEFF{}", "own:{}" },
        // Documented: an escaped lone surrogate becomes U+FFFD (System.Text.Json refuses to return such a string).
        { "\"\\uD800\"", "own:\"\\uFFFD\"" },
        { "[\"\\uDE00\\uD83D\"]", "own:[\"\\uFFFD\\uFFFD\",]" },
    };

    [Theory]
    [MemberData(nameof(Toml))]
    public void Toml_reader_on_hostile_input(string input, string expected) =>
        Check(input, expected, () => TomlReader.Parse(input), () => Canonical.OfToml(Canonical.TomlynParse(input)));

    [Theory]
    [MemberData(nameof(Yaml))]
    public void Yaml_reader_on_hostile_input(string input, string expected) =>
        Check(input, expected, () => YamlReader.Parse(input), () => Canonical.OfYaml(Canonical.YamlDotNetParse(input)!));

    [Theory]
    [MemberData(nameof(Json))]
    public void Json_reader_on_hostile_input(string input, string expected) =>
        Check(input, expected, () => JsonReader.Parse(input, Guardrails.Core.Json.JsonReaderOptions.Strict), () => Canonical.Of(JsonDocument.Parse(input).RootElement));

    private static void Check(string input, string expected, Func<JsonNode> own, Func<string> reference)
    {
        string? ownCanonical = null;
        JsonParseException? ownError = null;
        try
        {
            ownCanonical = Canonical.Of(own());
        }
        catch (JsonParseException e)
        {
            ownError = e;
        }

        string? referenceCanonical = null;
        try
        {
            referenceCanonical = reference();
        }
        catch (Exception)
        {
            // Any exception: the reference library refuses the document.
        }

        if (ownError != null)
        {
            Assert.True(ownError.Position.Line >= 1 && ownError.Position.Column >= 1, "the error has a position");
            Assert.False(string.IsNullOrWhiteSpace(ownError.Message));
        }

        if (expected == "same")
        {
            Assert.True(ownError == null, "own reader refused: " + ownError?.Message);
            Assert.NotNull(referenceCanonical);
            Assert.Equal(referenceCanonical, ownCanonical);
        }
        else if (expected == "both-reject")
        {
            Assert.True(referenceCanonical == null, "the reference reads it: " + referenceCanonical);
            Assert.True(ownError != null, "the own reader reads it: " + ownCanonical);
        }
        else if (expected.StartsWith("limit:", StringComparison.Ordinal))
        {
            Assert.True(ownError != null, "the own reader reads it: " + ownCanonical);
            Assert.Contains(expected.Substring("limit:".Length), ownError!.Message);
            Assert.NotNull(referenceCanonical);
        }
        else
        {
            Assert.StartsWith("own:", expected);
            Assert.True(ownError == null, "own reader refused: " + ownError?.Message);
            Assert.Equal(expected.Substring("own:".Length), ownCanonical);
            Assert.NotEqual(referenceCanonical, ownCanonical); // otherwise the case is "same"
        }
    }
}
