using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>
/// Runs the independent corpus (written from the key-format reference, provider documentation and the C#
/// specification, not from the detector) through the real analyzers and prints recall and false positives per class.
/// </summary>
public class IndependentCorpusTests
{
    private readonly ITestOutputHelper output;

    public IndependentCorpusTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void The_generator_makes_valid_GitHub_checksums_and_random_bodies()
    {
        Assert.Equal(0xCBF43926u, KeyForge.Crc32("123456789"));
        Assert.Equal("000000", KeyForge.Base62(0, 6));
        Assert.Equal("00000z", KeyForge.Base62(61, 6));
        Assert.Equal("000010", KeyForge.Base62(62, 6));
        var f = new KeyForge(1);
        string token = f.GitHubToken("gh" + "p_");
        Assert.Equal(40, token.Length);
        Assert.Equal(KeyForge.Base62(KeyForge.Crc32(token.Substring(4, 30)), 6), token.Substring(34));
        string bad = f.GitHubToken("gh" + "p_", validChecksum: false);
        Assert.NotEqual(KeyForge.Base62(KeyForge.Crc32(bad.Substring(4, 30)), 6), bad.Substring(34));
        foreach (KeyKind kind in Providers.All)
        {
            string a = kind.Make(f), b = kind.Make(f);
            Assert.NotEqual(a, b);
            Assert.Equal(a.Length, b.Length);
        }
    }

    [Fact]
    public async Task Recall_is_one_on_every_must_find_class_and_no_trap_is_reported()
    {
        IReadOnlyList<CorpusCase> cases = Corpus.Build();
        var results = new List<CaseResult>(cases.Count);
        foreach (CorpusCase c in cases)
        {
            results.Add(await CorpusRunner.RunAsync(c));
        }

        string report = Report(results);
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "independent-corpus-report.txt"), report);

        Assert.Empty(results.SelectMany(r => r.Problems.Select(p => r.Case.Id + ": " + p)).Take(20));
        Assert.Empty(results.Where(r => r.Case.Expect != Expect.Silence && r.Case.NotRequired == null && r.Case.Open == null && !r.Found).Select(r => r.Case.Id).Take(50));
        Assert.Empty(results.Where(r => r.Case.Expect == Expect.Silence && r.Reported).Select(r => r.Case.Id + " → " + string.Join("; ", r.Diagnostics)).Take(50));
    }

    private static string Report(List<CaseResult> results)
    {
        var sb = new StringBuilder();
        var positives = results.Where(r => r.Case.Expect != Expect.Silence).ToList();
        var required = positives.Where(r => r.Case.NotRequired == null && r.Case.Open == null).ToList();
        var open = positives.Where(r => r.Case.NotRequired == null && r.Case.Open != null).ToList();
        var notRequired = positives.Where(r => r.Case.NotRequired != null).ToList();
        var traps = results.Where(r => r.Case.Expect == Expect.Silence).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"cases {results.Count}: must-find {required.Count}, found {required.Count(r => r.Found)} (recall {Ratio(required.Count(r => r.Found), required.Count)}); wrong line {required.Count(r => r.WrongLine)}; open {open.Count}, found {open.Count(r => r.Found)}; not required {notRequired.Count}, found {notRequired.Count(r => r.Found)}; traps {traps.Count}, reported {traps.Count(r => r.Reported)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"all positives (must-find + open): recall {Ratio(required.Count(r => r.Found) + open.Count(r => r.Found), required.Count + open.Count)}");

        foreach (string dimension in new[] { "group", "provider", "construct", "context", "file kind" })
        {
            sb.AppendLine().AppendLine("recall by " + dimension + ":");
            foreach (var g in positives.Where(r => r.Case.Classes.ContainsKey(dimension)).GroupBy(r => r.Case.Classes[dimension]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var must = g.Where(r => r.Case.NotRequired == null && r.Case.Open == null).ToList();
                int openCount = g.Count(r => r.Case.NotRequired == null && r.Case.Open != null);
                int notRequiredCount = g.Count(r => r.Case.NotRequired != null);
                string extra = (openCount > 0 ? $"  [open {g.Count(r => r.Case.NotRequired == null && r.Case.Open != null && r.Found)}/{openCount}]" : string.Empty) +
                    (notRequiredCount > 0 ? $"  [not required {g.Count(r => r.Case.NotRequired != null && r.Found)}/{notRequiredCount}]" : string.Empty);
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {Ratio(must.Count(r => r.Found), must.Count),5}  {must.Count(r => r.Found),4}/{must.Count,-4} {g.Key}{extra}");
            }
        }

        foreach (string dimension in new[] { "trap", "trap placement" })
        {
            sb.AppendLine().AppendLine("false positives by " + dimension + ":");
            foreach (var g in traps.GroupBy(r => r.Case.Classes[dimension]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Count(r => r.Reported),4}/{g.Count(),-4} {g.Key}");
            }
        }

        sb.AppendLine().AppendLine("not required (measured only):");
        foreach (var g in notRequired.GroupBy(r => r.Case.NotRequired!))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Count(r => r.Found)}/{g.Count()} found: {g.Key}");
        }

        sb.AppendLine().AppendLine("open (should be found, not yet):");
        foreach (var g in open.GroupBy(r => r.Case.Open!))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Count(r => r.Found)}/{g.Count()} found: {g.Key}");
        }

        sb.AppendLine().AppendLine("open misses (first 300):");
        foreach (CaseResult r in open.Where(r => !r.Found).Take(300))
        {
            sb.AppendLine("  OPEN " + r.Case.Id + (r.WrongLine ? "  (reported elsewhere: " + string.Join("; ", r.Diagnostics) + ")" : string.Empty));
        }

        sb.AppendLine().AppendLine("must-find misses (first 400):");
        foreach (CaseResult r in required.Where(r => !r.Found).Take(400))
        {
            sb.AppendLine("  MISS " + r.Case.Id + (r.WrongLine ? "  (reported elsewhere: " + string.Join("; ", r.Diagnostics) + ")" : string.Empty));
        }

        sb.AppendLine().AppendLine("reported traps:");
        foreach (CaseResult r in traps.Where(r => r.Reported))
        {
            sb.AppendLine("  FP " + r.Case.Id + " → " + string.Join("; ", r.Diagnostics));
        }

        sb.AppendLine().AppendLine("problems:");
        foreach (CaseResult r in results.Where(r => r.Problems.Count > 0).Take(100))
        {
            sb.AppendLine("  " + r.Case.Id + ": " + string.Join(" | ", r.Problems));
        }

        return sb.ToString();
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture);
}
