using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Issue 16 (session 15's open list: "UTF-16 after 8 KB"): a key past the first 8 KB of a UTF-16 configuration file —
/// little- and big-endian with a byte-order mark, and little-endian without one (recognised from the first 8 KB, then
/// read whole) — is GRD002 at its line. Checked on main in session 16: `guardrails scan` already found all three (the
/// encoding is decided from the head, the text is decoded to its end), so this is a guard, not a fix.
/// </summary>
public sealed class Utf16PastHeadScanTests
{
    [Fact]
    public void A_key_after_the_first_8_KB_of_a_UTF16_config_file_is_GRD002_at_its_line()
    {
        string key = FakeKeys.OpenAiProject("Utf16PastHeadFakeKeyNotReal");
        var text = new StringBuilder("{\n");
        for (int i = 0; i < 400; i++)
        {
            text.Append("  \"Setting").Append(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append("\": \"value number ").Append(i).Append("\",\n");
        }

        text.Append("  \"OpenAI\": { \"ApiKey\": \"").Append(key).Append("\" }\n}\n");
        string json = text.ToString();
        Assert.True(Encoding.Unicode.GetByteCount(json.Substring(0, json.IndexOf(key, StringComparison.Ordinal))) > 8192);

        using var repo = new TempRepo();
        repo.Write("placeholder.txt", "x\n");
        File.WriteAllBytes(repo.PathOf("le-bom.json"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]);
        File.WriteAllBytes(repo.PathOf("be-bom.json"), [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(json)]);
        File.WriteAllBytes(repo.PathOf("le-unmarked.json"), Encoding.Unicode.GetBytes(json));

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD002")
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32()))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
        Assert.Equal(new (string?, int)[] { ("be-bom.json", 402), ("le-bom.json", 402), ("le-unmarked.json", 402) }, found);
        Assert.DoesNotContain(key, run.Out + run.Err);
    }
}
