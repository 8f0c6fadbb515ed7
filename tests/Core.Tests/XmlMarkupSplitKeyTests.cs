using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 10 route 3: a key in XML element text split by a comment, a CDATA section or a processing instruction.
/// Every XML reader (XElement.Value, XmlNode.InnerText) returns the whole value, so the scan reads element text the same
/// way (comments and PIs removed, CDATA content kept, references decoded) and reports the key at its first piece.
/// </summary>
public class XmlMarkupSplitKeyTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("XmlSplitFakeKeyNotReal");
    private static readonly string Named = FakeKeys.Mistral("MistralFakeKeyForXmlSplitTests7");

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    public static TheoryData<string, string> Split() => new()
    {
        { "App.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <openai>\n    <apiKey>{0}<!-- rotated 2026-11 -->{1}</apiKey>\n  </openai>\n</configuration>\n" },
        { "settings.xml", "<settings>\n  <OpenAIKey>{0}<![CDATA[{1}]]></OpenAIKey>\n</settings>\n" },
        { "settings.xml", "<settings>\n  <Value>{0}<?pi x?>{1}</Value>\n</settings>\n" },
        { "settings.xml", "<settings>\n  <Value>{0}<!----><![CDATA[]]>&#" + "{2};{1}</Value>\n</settings>\n" },
        { "Keys.xaml", "<ResourceDictionary xmlns:s=\"clr-namespace:System;assembly=mscorlib\"><s:String x:Key=\"K\">{0}<!---->{1}</s:String></ResourceDictionary>" },
        { "Strings.resx", "<root>\n  <data name=\"Llm\" xml:space=\"preserve\">\n    <value>{0}<!-- x -->{1}</value>\n  </data>\n</root>\n" },
        { "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><desc>{0}<![CDATA[{1}]]></desc></svg>" },
        { "index.html", "<html><body><span id=\"k\" hidden>{0}<!---->{1}</span></body></html>" },
        { "K.razor", "<span id=\"k\" hidden>{0}<!---->{1}</span>" },
    };

    [Theory]
    [MemberData(nameof(Split))]
    public void A_key_split_by_xml_markup_is_found_at_its_first_piece(string path, string format)
    {
        // The &#NN; variant spells the character after the split with a reference: the tail then starts one character later.
        bool reference = format.Contains("&#", StringComparison.Ordinal);
        string head = Key.Substring(0, 40);
        string tail = reference ? Key.Substring(41) : Key.Substring(40);
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, head, tail, (int)Key[40]);
        Assert.DoesNotContain(Key, text);

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf(head, StringComparison.Ordinal), match.Start);
        // The span runs to the next character read: through a closing "]]>" right after the key.
        int tailEnd = text.IndexOf(tail, StringComparison.Ordinal) + tail.Length;
        Assert.Equal(tailEnd + (string.CompareOrdinal(text, tailEnd, "]]>", 0, 3) == 0 ? 3 : 0), match.Start + match.Length);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Fact]
    public void A_key_with_no_fixed_format_split_by_a_comment_is_found_by_its_element_name()
    {
        string text = "<settings>\n  <Mistral>\n    <ApiKey>" + Named.Substring(0, 16) + "<!-- x -->" + Named.Substring(16) + "</ApiKey>\n  </Mistral>\n</settings>\n";

        SecretMatch match = Assert.Single(Scan("settings.xml", text));

        Assert.Equal("mistral", match.Format.Id);
        Assert.Equal(text.IndexOf(Named.Substring(0, 16), StringComparison.Ordinal), match.Start);
    }

    [Fact]
    public void Malformed_markup_joins_nothing_and_does_not_throw()
    {
        // (Two sibling values that join into a key are the split-key reader's: SplitKeyInFileTests.)
        string head = Key.Substring(0, 10);
        string tail = Key.Substring(10);

        // Unclosed comment, CDATA and PI: read as text, nothing thrown, nothing joined past the end.
        foreach (string broken in new[] { "<!--", "<![CDATA[", "<?", "<!-- -- >", "]]>", "<![CDATA[<!--]]>" })
        {
            string text = "<s><a>" + head + broken + tail;
            Assert.DoesNotContain(Scan("settings.xml", text), m => m.Start == text.IndexOf(head, StringComparison.Ordinal));
        }

        // A comment inside CDATA is text, not a comment: the value holds "<!---->" and no key.
        string cdata = "<s><a><![CDATA[" + head + "<!---->" + tail + "]]></a></s>";
        Assert.DoesNotContain(Scan("settings.xml", cdata), m => m.Start == cdata.IndexOf(head, StringComparison.Ordinal));
    }

    [Fact]
    public void The_streaming_scan_finds_the_split_key_at_its_line_and_column()
    {
        string text = "<settings>\n  <OpenAIKey>" + Key.Substring(0, 40) + "<![CDATA[" + Key.Substring(40) + "]]></OpenAIKey>\n</settings>\n";
        var found = new List<(int Line, int Column)>();

        Assert.True(TextFileSecrets.ScanStream("settings.xml", new StringReader(text), (m, line, column) => found.Add((line, column))));

        Assert.Equal((2, 14), Assert.Single(found));
    }
}
