using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests.OutsiderCorpus;

/// <summary>What the analyzers reported for one case.</summary>
internal sealed record Outcome(Case Case, bool Hit, bool ElsewhereOnly, string[] Reported, string[] CompileErrors);

/// <summary>
/// Runs the package's secrets analyzers (every DiagnosticAnalyzer in Guardrails.Analyzers that reports GRD001, GRD002
/// or GRD006) on one case: its C# sources in a compilation against the runtime's assemblies, its files as
/// AdditionalFiles, no effective policy (so the default mode applies).
/// </summary>
internal static class OutsiderRunner
{
    private static readonly string[] SecretIds = ["GRD001", "GRD002", "GRD006"];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll" or "System.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        typeof(HardcodedKeyInCodeAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null && t.GetConstructor(Type.EmptyTypes) != null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => a.SupportedDiagnostics.Any(d => SecretIds.Contains(d.Id)))
            .ToImmutableArray());

    public static IReadOnlyList<string> AnalyzerNames => Analyzers.Value.Select(a => a.GetType().Name).ToArray();

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12, preprocessorSymbols: ["RELEASE"]);

    /// <summary>Strips the markers; returns the text and the (0-based) line ranges they enclosed.</summary>
    public static (string Text, List<(int First, int Last)> Regions) Unmark(string marked)
    {
        var regions = new List<(int, int)>();
        var sb = new System.Text.StringBuilder(marked.Length);
        int line = 0;
        int start = -1;
        foreach (char c in marked)
        {
            if (c == OutsiderConstructs.S)
            {
                start = line;
                continue;
            }

            if (c == OutsiderConstructs.E)
            {
                regions.Add((start, line));
                continue;
            }

            if (c == '\n')
            {
                line++;
            }

            sb.Append(c);
        }

        return (sb.ToString(), regions);
    }

    public static async Task<Outcome> RunAsync(Case c)
    {
        var regions = new List<(string Path, int First, int Last)>();
        var trees = new List<SyntaxTree>();
        foreach (Src s in c.Code.Sources)
        {
            var (text, rs) = Unmark(s.Text);
            regions.AddRange(rs.Select(x => (s.Path, x.First, x.Last)));
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), Parse, s.Path));
        }

        var additional = new List<AdditionalText>();
        foreach (Src f in c.Files)
        {
            var (text, rs) = Unmark(f.Text);
            regions.AddRange(rs.Select(x => (f.Path, x.First, x.Last)));
            additional.Add(new Additional(f.Path, text));
        }

        var options = new CSharpCompilationOptions(c.Code.Exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        CSharpCompilation compilation = CSharpCompilation.Create("OutsiderCase", trees, References.Value, options);
        string[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();

        var withAnalyzers = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional.ToImmutableArray()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).ToArray();
        var secrets = diagnostics.Where(d => SecretIds.Contains(d.Id) && d.Severity >= DiagnosticSeverity.Warning).ToArray();

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
        return new Outcome(c, hit, elsewhere, reported, errors.Concat(crashes).ToArray());
    }

    private sealed class Additional(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => this.source;
    }
}
