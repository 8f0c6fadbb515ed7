using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Runs the package's secrets analyzers (every DiagnosticAnalyzer in Guardrails.Analyzers that reports GRD001, GRD002
/// or GRD006) over C# sources compiled against the runtime's System assemblies, with committed files as
/// AdditionalFiles and no effective policy (the default mode). Shared by the generated corpora (Outsider, Third),
/// which mark the key's lines in their texts; <see cref="Unmark"/> strips those markers.
/// </summary>
internal static class SecretsCorpusHost
{
    public static readonly string[] SecretIds = ["GRD001", "GRD002", "GRD006"];

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

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12, preprocessorSymbols: ["RELEASE"]);

    public static IReadOnlyList<string> AnalyzerNames => Analyzers.Value.Select(a => a.GetType().Name).ToArray();

    /// <summary>Removes the <paramref name="open"/>/<paramref name="close"/> markers; returns the text and the 0-based line ranges they enclosed.</summary>
    public static (string Text, List<(int First, int Last)> Regions) Unmark(string marked, char open, char close)
    {
        var regions = new List<(int, int)>();
        var sb = new System.Text.StringBuilder(marked.Length);
        int line = 0;
        int start = -1;
        foreach (char c in marked)
        {
            if (c == open)
            {
                start = line;
            }
            else if (c == close)
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

    /// <summary>
    /// Compiles <paramref name="sources"/> (unmarked text by path), runs the analyzers with <paramref name="files"/> as
    /// AdditionalFiles, and returns the compile errors plus analyzer crashes (AD0001), and every GRD001/GRD002/GRD006
    /// diagnostic whatever its severity.
    /// </summary>
    public static async Task<(string[] Errors, Diagnostic[] Secrets)> RunAsync(IEnumerable<(string Path, string Text)> sources, IEnumerable<(string Path, string Text)> files, bool exe)
    {
        SyntaxTree[] trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), Parse, s.Path)).ToArray();
        ImmutableArray<AdditionalText> additional = files.Select(f => (AdditionalText)new Additional(f.Path, f.Text)).ToImmutableArray();
        var options = new CSharpCompilationOptions(exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        CSharpCompilation compilation = CSharpCompilation.Create("CorpusCase", trees, References.Value, options);
        string[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();

        var withAnalyzers = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        string[] crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).ToArray();
        return (errors.Concat(crashes).ToArray(), diagnostics.Where(d => SecretIds.Contains(d.Id)).ToArray());
    }

    private sealed class Additional(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => this.source;
    }
}
