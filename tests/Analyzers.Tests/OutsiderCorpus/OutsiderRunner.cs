using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Tests.OutsiderCorpus;

/// <summary>What the analyzers reported for one case.</summary>
internal sealed record Outcome(Case Case, bool Hit, bool ElsewhereOnly, string[] Reported, string[] CompileErrors);

/// <summary>Runs one case through <see cref="SecretsCorpusHost"/> (the package's secrets analyzers, default mode).</summary>
internal static class OutsiderRunner
{
    public static IReadOnlyList<string> AnalyzerNames => SecretsCorpusHost.AnalyzerNames;

    /// <summary>Strips the markers; returns the text and the (0-based) line ranges they enclosed.</summary>
    public static (string Text, List<(int First, int Last)> Regions) Unmark(string marked) =>
        SecretsCorpusHost.Unmark(marked, OutsiderConstructs.S, OutsiderConstructs.E);

    public static async Task<Outcome> RunAsync(Case c)
    {
        var regions = new List<(string Path, int First, int Last)>();
        var sources = new List<(string, string)>();
        foreach (Src s in c.Code.Sources)
        {
            var (text, rs) = Unmark(s.Text);
            regions.AddRange(rs.Select(x => (s.Path, x.First, x.Last)));
            sources.Add((s.Path, text));
        }

        var files = new List<(string, string)>();
        foreach (Src f in c.Files)
        {
            var (text, rs) = Unmark(f.Text);
            regions.AddRange(rs.Select(x => (f.Path, x.First, x.Last)));
            files.Add((f.Path, text));
        }

        var (errors, all) = await SecretsCorpusHost.RunAsync(sources, files, c.Code.Exe);
        var secrets = all.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();

        string[] wanted = c.Expect switch
        {
            "key" => ["GRD001", "GRD002"],
            "generic" => ["GRD006"],
            _ => [],
        };

        bool InRegion(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return regions.Any(r => r.Path == span.Path && span.StartLinePosition.Line >= r.First && span.StartLinePosition.Line <= r.Last);
        }

        bool hit = c.Expect switch
        {
            "silent" => secrets.Length > 0,
            "no-provider-key" => secrets.Any(d => d.Id is "GRD001" or "GRD002"),
            _ => secrets.Any(d => wanted.Contains(d.Id) && InRegion(d)),
        };
        bool elsewhere = OutsiderCorpusTests.IsPositive(c) && !hit && secrets.Any(d => wanted.Contains(d.Id));
        string[] reported = secrets.Select(d => d.Id + "@" + Path.GetFileName(d.Location.GetLineSpan().Path) + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToArray();
        return new Outcome(c, hit, elsewhere, reported, errors);
    }
}
