using System.Text;
using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>TextFileSecrets.ScanStream: files too large for the compiler, scanned in windows with bounded memory.</summary>
public class TextFileStreamScanTests
{
    private static List<(string Id, int Line, int Column, string Redacted)> Scan(string path, string text, out bool isText)
    {
        var found = new List<(string, int, int, string)>();
        isText = TextFileSecrets.ScanStream(path, new StringReader(text), (m, line, column) => found.Add((m.Format.Id, line, column, m.Redacted)));
        return found;
    }

    /// <summary>Line and column of the character at <paramref name="offset"/>, counted independently of the scanner.</summary>
    private static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1 + text.Take(offset).Count(c => c == '\n');
        int lineStart = text.LastIndexOf('\n', offset - 1) + 1;
        return (line, offset - lineStart + 1);
    }

    [Fact]
    public void Keys_anywhere_in_a_padded_file_are_found_once_each_at_their_line_and_column_also_across_window_edges()
    {
        string first = FakeKeys.OpenAiProject("StreamFirstFakeKeyNotReal");
        string edge = FakeKeys.Anthropic("StreamEdgeFakeKeyNotReal0");
        string last = FakeKeys.HuggingFace("STREAMlastFAKEkeyNOTreal");
        var sb = new StringBuilder("{\n  \"OpenAI\": { \"ApiKey\": \"" + first + "\" },\n  \"pad\": [\n");
        int firstAt = sb.ToString().IndexOf(first, StringComparison.Ordinal);
        string padLine = "    \"" + new string('x', 200) + "\",\n";
        while (sb.Length < TextFileSecrets.WindowChars - TextFileSecrets.WindowOverlap - 40)
        {
            sb.Append(padLine);
        }

        // A key straddling the first window's boundary, on one very long line (no line start near the edge).
        sb.Append("    \"" + new string('y', TextFileSecrets.WindowOverlap) + " " + edge + " " + new string('y', 3 * TextFileSecrets.WindowOverlap) + "\",\n");
        int edgeAt = sb.ToString().IndexOf(edge, StringComparison.Ordinal);
        while (sb.Length < 3 * TextFileSecrets.WindowChars + 12345)
        {
            sb.Append(padLine);
        }

        sb.Append("  ],\n  \"HF_TOKEN\": \"" + last + "\"\n}\n");
        string text = sb.ToString();
        int lastAt = text.IndexOf(last, StringComparison.Ordinal);
        Assert.True(text.Length > TextFileSecrets.MaxLength);

        var found = Scan("appsettings.json", text, out bool isText);

        Assert.True(isText);
        Assert.Equal(3, found.Count);
        Assert.Equal(Position(text, firstAt), (found[0].Line, found[0].Column));
        Assert.Equal(Position(text, edgeAt), (found[1].Line, found[1].Column));
        Assert.Equal(Position(text, lastAt), (found[2].Line, found[2].Column));
        Assert.All(found, f => Assert.DoesNotContain(f.Redacted, text)); // redacted forms only
    }

    [Fact]
    public void A_key_with_no_fixed_format_is_found_where_its_json_object_names_the_provider()
    {
        string hex = FakeKeys.AzureHex32();
        string pad = "  \"pad\": \"" + new string('z', TextFileSecrets.WindowChars + 10) + "\",\n";
        string text = "{\n" + pad + "  \"AzureOpenAI\": {\n    \"Endpoint\": \"https://x.openai.azure.com\",\n    \"ApiKey\": \"" + hex + "\"\n  }\n}\n";
        string bare = "{\n" + pad + "  \"Other\": {\n    \"Colour\": \"" + hex + "\"\n  }\n}\n";

        var found = Scan("appsettings.json", text, out _);
        var none = Scan("appsettings.json", bare, out _);

        var hit = Assert.Single(found);
        Assert.Equal("azure-openai-32", hit.Id);
        Assert.Equal(Position(text, text.IndexOf(hex, StringComparison.Ordinal)), (hit.Line, hit.Column));
        Assert.Empty(none);
    }

    [Fact]
    public void A_NUL_anywhere_stops_the_scan_as_binary()
    {
        string text = new string('a', TextFileSecrets.WindowChars * 2) + "\0" + FakeKeys.OpenAiProject();
        Scan("appsettings.json", text, out bool isText);
        Assert.False(isText);
    }
}
