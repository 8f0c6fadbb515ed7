using System.Text;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
using Xunit.Abstractions;

namespace Guardrails.Core.Tests;

/// <summary>
/// Runs the whole labelled corpus: every positive in several textual contexts, every trap alone and in context,
/// and bulk traps (random hashes, GUIDs, base64 blobs, identifiers, prose). Asserts 100% recall and zero false
/// positives, and prints recall/false positives per provider (see the test output).
/// </summary>
public class DetectionReportTests
{
    private static readonly Func<string, string>[] Contexts =
    {
        k => k,
        k => "var key = \"" + k + "\";",
        k => "{ \"Service\": { \"ApiKey\": \"" + k + "\" } }",
        k => "SERVICE_API_KEY=" + k,
        k => "apiKey: '" + k + "'",
        k => "<add key=\"ApiKey\" value=\"" + k + "\" />",
        k => "curl https://api.example.test/v1/models?key=" + k + "&limit=5",
        k => "// old key: " + k + " (rotated)",
        k => "line one\\n" + k + "\\nline three",
    };

    private readonly ITestOutputHelper output;

    public DetectionReportTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Recall_is_complete_and_traps_stay_silent_per_provider()
    {
        var rows = new SortedDictionary<string, Row>(StringComparer.Ordinal);
        Row RowOf(string provider) => rows.TryGetValue(provider, out Row? r) ? r : rows[provider] = new Row();
        var misses = new List<string>();
        var falsePositives = new List<string>();

        foreach ((string id, string key) in DetectionCorpus.FixedFormatKeys)
        {
            KeyFormat format = KeyCatalog.All.Single(f => f.Id == id);
            foreach (Func<string, string> context in Contexts)
            {
                string text = id == "google-service-account" ? context(string.Empty) + "\n" + key : context(key);
                List<SecretMatch> found = Scan(text);
                Row row = RowOf(format.Provider);
                row.Positives++;
                if (found.Count == 1 && found[0].Format.Id == id)
                {
                    row.Found++;
                }
                else
                {
                    misses.Add(id + " in: " + Redacted(text));
                }
            }
        }

        foreach ((string name, string value, string id) in DetectionCorpus.NamedKeys)
        {
            KeyFormat format = KeyCatalog.All.Single(f => f.Id == id);
            Row row = RowOf(format.Provider + " (named)");
            row.Positives++;
            if (SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m) && m.Format.Id == id)
            {
                row.Found++;
            }
            else
            {
                misses.Add(id + " named " + name);
            }
        }

        int trapCount = 0;
        foreach (string trap in DetectionCorpus.ScanTraps.Concat(BulkTraps()))
        {
            foreach (Func<string, string> context in Contexts)
            {
                trapCount++;
                foreach (SecretMatch m in Scan(context(trap)))
                {
                    RowOf(m.Format.Provider).FalsePositives++;
                    falsePositives.Add(m.Format.Id + " in trap: " + Redacted(trap));
                }
            }
        }

        foreach ((string name, string value) in DetectionCorpus.NamedTraps.Concat(BulkNamedTraps()))
        {
            trapCount++;
            if (SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m))
            {
                RowOf(m.Format.Provider + (m.Format.IsGeneric ? string.Empty : " (named)")).FalsePositives++;
                falsePositives.Add(m.Format.Id + " for " + name + " = " + Redacted(value));
            }
        }

        var report = new StringBuilder();
        report.AppendLine("| provider | positives | found | recall | false positives |");
        report.AppendLine("|---|---|---|---|---|");
        foreach ((string provider, Row row) in rows)
        {
            string recall = row.Positives == 0 ? "n/a" : (100.0 * row.Found / row.Positives).ToString("F0") + "%";
            report.AppendLine($"| {provider} | {row.Positives} | {row.Found} | {recall} | {row.FalsePositives} |");
        }

        report.AppendLine($"traps checked: {trapCount}");
        output.WriteLine(report.ToString());

        Assert.True(misses.Count == 0, "missed:\n" + string.Join("\n", misses));
        Assert.True(falsePositives.Count == 0, "false positives:\n" + string.Join("\n", falsePositives));
        int positives = rows.Values.Sum(r => r.Positives);
        Assert.True(trapCount >= positives, $"{trapCount} traps for {positives} positives: the corpus needs at least as many traps");
    }

    /// <summary>Random hashes, GUIDs, base64 blobs and identifiers: text that fills real repositories.</summary>
    private static IEnumerable<string> BulkTraps()
    {
        var random = new Random(1234);
        string[] words = { "get", "token", "config", "from", "hub", "cached", "user", "key", "api", "secret", "value", "async", "order", "high", "light" };
        for (int i = 0; i < 300; i++)
        {
            yield return RandomHex(random, new[] { 32, 40, 64, 128 }[i % 4]);
            yield return new Guid(RandomBytes(random, 16)).ToString(i % 2 == 0 ? "D" : "N");
            yield return Convert.ToBase64String(RandomBytes(random, 24 + i % 200));
            string identifier = string.Concat(Enumerable.Range(0, 3 + i % 5).Select(n => Pascal(words[random.Next(words.Length)])));
            yield return "hf_" + char.ToLowerInvariant(identifier[0]) + identifier.Substring(1);
            yield return "sk-" + identifier.ToLowerInvariant();
            yield return "ghp_" + identifier;
        }
    }

    private static IEnumerable<(string Name, string Value)> BulkNamedTraps()
    {
        var random = new Random(4321);
        string[] names = { "apiKey", "ClientSecret", "password", "AccessToken", "x-api-key", "SECRET_KEY" };
        for (int i = 0; i < 300; i++)
        {
            string name = names[i % names.Length];
            yield return (name, RandomHex(random, new[] { 32, 40, 64, 128 }[i % 4]));
            yield return (name, new Guid(RandomBytes(random, 16)).ToString());
            yield return (name, new string((char)('a' + i % 26), 16 + i % 40));
            yield return (name, "${" + name.ToUpperInvariant().Replace('-', '_') + "}");
        }
    }

    private static List<SecretMatch> Scan(string text)
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan(text, found);
        return found;
    }

    private static string Redacted(string text) => text.Length <= 24 ? text : text.Substring(0, 16) + "\u2026(" + text.Length + ")";

    private static string Pascal(string w) => char.ToUpperInvariant(w[0]) + w.Substring(1);

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomHex(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[random.Next(16)]));

    private sealed class Row
    {
        public int Positives { get; set; }

        public int Found { get; set; }

        public int FalsePositives { get; set; }
    }
}
