using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Keys written with the configuration format's own escapes (adversary route 23): found as the format's reader decodes
/// them, reported from the first character of the key in the file (where its first escape starts).
/// </summary>
public class FormatEscapeScanTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("EscapedFakeKeyNotReal");

    private static string Xml(string s, bool hex) =>
        string.Concat(s.Select((c, i) => i % 4 != 0 ? c.ToString() : hex ? "&#x" + ((int)c).ToString("X") + ";" : "&#" + (int)c + ";"));

    private static string U(string s) => string.Concat(s.Select((c, i) => i % 5 != 0 ? c.ToString() : "\\u" + ((int)c).ToString("x4")));

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    public static TheoryData<string, string, string> Files() => new()
    {
        { "App.config", "<configuration>\n  <appSettings>\n    <add key=\"OpenAIKey\" value=\"", "\" />\n  </appSettings>\n</configuration>\n" },
        { "settings.xml", "<settings>\n  <OpenAIApiKey>", "</OpenAIApiKey>\n</settings>\n" },
        { "Resources.resx", "<root>\n  <data name=\"OpenAIKey\" xml:space=\"preserve\">\n    <value>", "</value>\n  </data>\n</root>\n" },
        { "config.yaml", "openai:\n  api_key: \"", "\"\n" },
        { "settings.toml", "[openai]\napi_key = \"", "\"\n" },
        { "app.properties", "# settings\nopenai.api_key=", "\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_key_spelled_with_the_formats_escapes_is_found_at_its_first_character(string path, string before, string after)
    {
        bool xml = path.EndsWith(".config", StringComparison.Ordinal) || path.EndsWith(".xml", StringComparison.Ordinal) || path.EndsWith(".resx", StringComparison.Ordinal);
        string escaped = xml ? Xml(Key, hex: path.EndsWith(".xml", StringComparison.Ordinal)) : U(Key);
        string text = before + escaped + after;
        Assert.DoesNotContain(Key, text); // the raw text does not hold the key

        List<SecretMatch> found = Scan(path, text);

        SecretMatch match = Assert.Single(found);
        Assert.Equal(before.Length, match.Start);
        Assert.Equal(escaped.Length, match.Length);
        Assert.Equal("openai-project", match.Format.Id);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Theory]
    [InlineData("config.yml", "openai:\n  api_key: \"{0}\\\n    {1}\"\n")]
    [InlineData("app.properties", "openai.api_key={0}\\\n    {1}\n")]
    [InlineData("app.properties", "openai.api_key={0}\\\r\n\t{1}\r\n")]
    public void A_key_split_by_an_escaped_line_break_is_found_at_its_first_line(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "\\x73" + Key.Substring(1, 60), Key.Substring(61));
        if (path.EndsWith(".properties", StringComparison.Ordinal))
        {
            text = text.Replace("\\x73", "\\u0073", StringComparison.Ordinal);
        }

        SecretMatch match = Assert.Single(Scan(path, text));
        Assert.Equal(text.IndexOf('\\'), match.Start);
        Assert.Equal(text.IndexOf(Key.Substring(61), StringComparison.Ordinal) + Key.Length - 61, match.Start + match.Length);
    }

    [Fact]
    public void A_plain_key_next_to_escapes_is_reported_once_and_escapes_of_no_key_report_nothing()
    {
        string text = "<configuration>\n  <add key=\"Note\" value=\"Tom &amp; Jerry &#169; 2026 &lt;b&gt;\" />\n  <add key=\"OpenAIKey\" value=\"" + Key + "\" />\n</configuration>\n";
        SecretMatch match = Assert.Single(Scan("App.config", text));
        Assert.Equal(text.IndexOf(Key, StringComparison.Ordinal), match.Start);

        Assert.Empty(Scan("config.yaml", "paths:\n  root: \"C:\\\\tools\\\\bin\"\n  greeting: \"caf\\u00e9 \\x41\"\n  bad: \"\\uZZZZ \\u\"\n"));
        Assert.Empty(Scan("settings.xml", "<s><v>&#0; &#xD800; &#99999999; &#; &unknown; &#x110000;</v></s>"));
    }
}
