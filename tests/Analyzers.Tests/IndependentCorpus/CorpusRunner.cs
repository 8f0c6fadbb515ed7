using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>The outcome of one case.</summary>
internal sealed record CaseResult(CorpusCase Case, bool Found, bool WrongLine, bool Reported, IReadOnlyList<string> Diagnostics, IReadOnlyList<string> Problems);

/// <summary>Runs a case through the real analyzers (GRD001/GRD006 in code, GRD002/GRD006 in files).</summary>
internal static class CorpusRunner
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedKeyInCodeAnalyzer(), new HardcodedKeyInFileAnalyzer());

    private static readonly string[] SecretIds = { "GRD001", "GRD002", "GRD006" };

    private sealed class Text : AdditionalText
    {
        private readonly SourceText text;

        public Text(string path, string content)
        {
            Path = path;
            text = SourceText.From(content, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    public static async Task<CaseResult> RunAsync(CorpusCase c)
    {
        var accepted = new HashSet<(string, int)>();
        var trees = new List<SyntaxTree>();
        foreach ((string path, string marked) in c.Sources)
        {
            (string text, HashSet<int> lines) = Cs.Strip(marked);
            trees.Add(CSharpSyntaxTree.ParseText(text, Parse, path, Encoding.UTF8));
            accepted.UnionWith(lines.Select(l => (path, l)));
        }

        if (trees.Count == 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText("namespace Corpus; public static class Empty { }", Parse, "/src/Empty.cs", Encoding.UTF8));
        }

        var additional = new List<AdditionalText>();
        foreach ((string path, string marked) in c.Files)
        {
            (string text, HashSet<int> lines) = Cs.Strip(marked);
            additional.Add(new Text(path, text));
            accepted.UnionWith(lines.Select(l => (path, l)));
        }

        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            References,
            new CSharpCompilationOptions(c.OutputKind, nullableContextOptions: NullableContextOptions.Enable));

        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => "compile: " + d)
            .ToList();

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional.ToImmutableArray()),
            onAnalyzerException: (ex, analyzer, diagnostic) => problems.Add("analyzer exception: " + ex.GetType().Name + ": " + ex.Message),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage()));

        var secret = diagnostics.Where(d => SecretIds.Contains(d.Id) && d.Severity >= DiagnosticSeverity.Warning).ToList();
        bool Acceptable(Diagnostic d)
        {
            return c.Expect switch
            {
                Expect.ProviderKey => d.Id is "GRD001" or "GRD002",
                Expect.AnySecret => true,
                _ => false,
            };
        }

        bool AtLine(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return accepted.Contains((span.Path, span.StartLinePosition.Line + 1));
        }

        bool found = c.Expect != Expect.Silence && secret.Any(d => Acceptable(d) && AtLine(d));
        bool wrongLine = c.Expect != Expect.Silence && !found && secret.Any(Acceptable);
        return new CaseResult(
            c,
            found,
            wrongLine,
            secret.Count > 0,
            secret.Select(d => d.Id + " " + d.Location.GetLineSpan().Path + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.GetMessage()).ToList(),
            problems);
    }
}
