using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Tests.ThirdCorpus;

/// <summary>A C# source or a committed file of one case. The key's lines are enclosed in <see cref="ThirdRunner.Open"/> / <see cref="ThirdRunner.Close"/>.</summary>
internal sealed record TSrc(string Path, string Text);

/// <summary>
/// One case. <paramref name="Class"/> begins with <c>must/</c>, <c>stretch/</c>, <c>possible/</c> (a key-named
/// generic secret: GRD006 expected) or <c>trap/</c> (nothing at warning or above). <paramref name="Rule"/> is the rule
/// expected to report it (GRD001 for C#, GRD002 for files, GRD006 for possible).
/// </summary>
internal sealed record TCase(string Class, string Form, string Rule, TSrc[] Code, TSrc[] Files, bool Exe = false)
{
    public string Id => this.Class + "|" + this.Form;

    public bool IsTrap => this.Class.StartsWith("trap/", StringComparison.Ordinal);
}

/// <summary>How a case came out. Found: its rule at the key's line; AsGeneric: only GRD006 there; Elsewhere: only at another line.</summary>
internal enum THit
{
    None,
    Found,
    AsGeneric,
    Elsewhere,
}

internal sealed record TOutcome(TCase Case, THit Hit, bool TrapFired, string[] Reported, string[] Errors);

/// <summary>Runs one case through <see cref="SecretsCorpusHost"/> and judges it against its marked lines.</summary>
internal static class ThirdRunner
{
    public const char Open = '\u0001';
    public const char Close = '\u0002';

    public static IReadOnlyList<string> AnalyzerNames => SecretsCorpusHost.AnalyzerNames;

    public static async Task<TOutcome> RunAsync(TCase c)
    {
        var regions = new List<(string Path, int First, int Last)>();
        var sources = new List<(string, string)>();
        var files = new List<(string, string)>();
        foreach (var (src, into) in c.Code.Select(s => (s, sources)).Concat(c.Files.Select(f => (f, files))))
        {
            var (text, rs) = SecretsCorpusHost.Unmark(src.Text, Open, Close);
            regions.AddRange(rs.Select(x => (src.Path, x.First, x.Last)));
            into.Add((src.Path, text));
        }

        var (errors, all) = await SecretsCorpusHost.RunAsync(sources, files, c.Exe);
        Diagnostic[] secrets = all.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();

        bool InRegion(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return regions.Any(r => r.Path == span.Path && span.StartLinePosition.Line >= r.First && span.StartLinePosition.Line <= r.Last);
        }

        THit hit = THit.None;
        if (!c.IsTrap)
        {
            string[] wanted = c.Rule == "GRD006" ? ["GRD006"] : ["GRD001", "GRD002"];
            if (secrets.Any(d => wanted.Contains(d.Id) && InRegion(d)))
            {
                hit = THit.Found;
            }
            else if (secrets.Any(d => d.Id == "GRD006" && InRegion(d)))
            {
                hit = THit.AsGeneric;
            }
            else if (secrets.Length > 0)
            {
                hit = THit.Elsewhere;
            }
        }

        string[] reported = secrets.Select(d => d.Id + "@" + Path.GetFileName(d.Location.GetLineSpan().Path) + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToArray();
        return new TOutcome(c, hit, c.IsTrap && secrets.Length > 0, reported, errors);
    }
}
