using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

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

/// <summary>
/// Runs every analyzer of the package that reports GRD001, GRD002 or GRD006 over one case (sources compiled against
/// the runtime's System assemblies, files as AdditionalFiles, no policy: the default mode).
/// </summary>
internal static class ThirdRunner
{
    public const char Open = '\u0001';
    public const char Close = '\u0002';

    private static readonly string[] SecretIds = ["GRD001", "GRD002", "GRD006"];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
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

    /// <summary>Removes the markers; returns the text and the 0-based line ranges they enclosed.</summary>
    public static (string Text, List<(int First, int Last)> Regions) Unmark(string marked)
    {
        var regions = new List<(int, int)>();
        var sb = new System.Text.StringBuilder(marked.Length);
        int line = 0;
        int start = -1;
        foreach (char c in marked)
        {
            if (c == Open)
            {
                start = line;
            }
            else if (c == Close)
            {
                regions.Add((start, line));
            }
            else
            {
                if (c == '\n')
                {
                    line++;
                }

                sb.Append(c);
            }
        }

        return (sb.ToString(), regions);
    }

    public static async Task<TOutcome> RunAsync(TCase c)
    {
        var regions = new List<(string Path, int First, int Last)>();
        var trees = new List<SyntaxTree>();
        foreach (TSrc s in c.Code)
        {
            var (text, rs) = Unmark(s.Text);
            regions.AddRange(rs.Select(x => (s.Path, x.First, x.Last)));
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), Parse, s.Path));
        }

        var additional = new List<AdditionalText>();
        foreach (TSrc f in c.Files)
        {
            var (text, rs) = Unmark(f.Text);
            regions.AddRange(rs.Select(x => (f.Path, x.First, x.Last)));
            additional.Add(new Additional(f.Path, text));
        }

        var options = new CSharpCompilationOptions(c.Exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
        CSharpCompilation compilation = CSharpCompilation.Create("ThirdCase", trees, References.Value, options);
        string[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();

        var withAnalyzers = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional.ToImmutableArray()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        string[] crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).ToArray();
        Diagnostic[] secrets = diagnostics.Where(d => SecretIds.Contains(d.Id) && d.Severity >= DiagnosticSeverity.Warning).ToArray();

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
        return new TOutcome(c, hit, c.IsTrap && secrets.Length > 0, reported, errors.Concat(crashes).ToArray());
    }

    private sealed class Additional(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => this.source;
    }
}
