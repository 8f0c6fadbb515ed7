using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Roslyn 4.8's binder throws "This program location is thought to be unreachable" (InvalidOperationException from
/// FunctionTypeSymbol) when asked for the operation of any node of a method that holds an implicitly typed lambda with no
/// delegate type to be converted to (its target's type is missing, <c>var</c> or <c>object</c>: CS8917) whose block
/// returns both a value and a lambda. Found by benchmarks/RealCodeScan in dotnet/extensions compiled without its Polly
/// package (an IDE with a 4.8 compiler shows the same while packages restore). No analyzer may throw (AD0001) on it: the
/// analyzers take the failure as "the compiler cannot tell" and keep their syntactic verdict everywhere else.
/// </summary>
public class RoslynBinderFaultTests
{
    // The shape, written from the compiler's rule (not the repository's text): the target type is not declared anywhere.
    private const string Source = """
        using OpenAI.Chat;

        public class Wiring
        {
            public void Configure(UndeclaredOptions options, ChatClient client)
            {
                client.CompleteChat("direct use");
                options.Factory = state =>
                {
                    if (state.Done) return null;
                    return () => state.Client.CompleteChat("https://api.openai.com/v1/chat/completions");
                };
            }
        }
        """;

    [Fact]
    public async Task The_4_8_binder_throws_on_the_shape_yet_no_analyzer_reports_AD0001_and_the_use_beside_it_is_still_reported()
    {
        ImmutableArray<MetadataReference> framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Wiring.cs");
        CSharpCompilation compilation = CSharpCompilation.Create("Wiring", new[] { tree }, framework.AddRange(await SdkStubs.AllAsync()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // The compiler's own fault, as an analyzer meets it (the reason for the guard; a fixed compiler fails this line).
        InvocationExpressionSyntax inner = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Last();
        Assert.Contains("unreachable", Assert.Throws<InvalidOperationException>(() => compilation.GetSemanticModel(tree).GetOperation(inner)).Message);

        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(UnapprovedAiSdkAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var thrown = new List<string>();
        var policy = new Text("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(SdkVerify<UnapprovedAiSdkAnalyzer>.Policy()));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(policy)),
            onAnalyzerException: (e, analyzer, _) => { lock (thrown) { thrown.Add(analyzer.GetType().Name + ": " + e.Message); } },
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> found = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(thrown);
        Assert.DoesNotContain(found, d => d.Id == "AD0001");
        // The parameter's type and the direct call beside the lambda are still reported; inside it the compiler cannot tell.
        Assert.Equal(new[] { 5, 7 }, found.Where(d => d.Id == "GRD003").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l));
    }

    // The same shape in a method that loads an SDK by an AssemblyName. GetTypeInfo throws on the faulting lambda's return
    // expressions (the null and the returned lambda: probed with Roslyn 4.8.0 over every expression of the shape; the
    // nodes inside them do not throw), so the guard is what keeps a future call on such a node from AD0001 (realcode9).
    private const string LoadSource = """
        using System.Reflection;
        using System.Runtime.Loader;
        public class Plugins
        {
            public void Configure(UndeclaredOptions options)
            {
                AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("OpenAI"));
                options.Factory = state =>
                {
                    if (state.Done) return null;
                    return () => state.Client.Load(new AssemblyName("OpenAI"));
                };
            }
        }
        """;

    [Fact]
    public async Task GetTypeInfo_throws_on_the_shape_too_and_the_reflection_load_check_survives_it()
    {
        ImmutableArray<MetadataReference> framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(LoadSource, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Plugins.cs");
        CSharpCompilation compilation = CSharpCompilation.Create("Plugins", new[] { tree }, framework.AddRange(await SdkStubs.AllAsync()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        ExpressionSyntax returned = tree.GetRoot().DescendantNodes().OfType<ParenthesizedLambdaExpressionSyntax>().Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
#pragma warning disable RS0030 // the compiler's fault itself, as the analyzer would meet it
        Assert.Contains("unreachable", Assert.Throws<InvalidOperationException>(() => model.GetTypeInfo(returned)).Message);
#pragma warning restore RS0030
        Assert.Null(model.TypeOrNull(returned, CancellationToken.None));
        ObjectCreationExpressionSyntax outer = tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>().First();
        Assert.Equal("System.Reflection.AssemblyName", model.TypeOrNull(outer, CancellationToken.None)?.ToDisplayString());

        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(UnapprovedAiSdkAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var thrown = new List<string>();
        var policy = new Text("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(SdkVerify<UnapprovedAiSdkAnalyzer>.Policy()));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(policy)),
            onAnalyzerException: (e, analyzer, _) => { lock (thrown) { thrown.Add(analyzer.GetType().Name + ": " + e.Message); } },
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> found = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(thrown);
        Assert.DoesNotContain(found, d => d.Id == "AD0001");
        // The load outside the lambda is still judged by the name it folds to (the SDK's assembly: GRD003).
        Assert.True(found.Any(d => d.Id == "GRD003" && d.Location.GetLineSpan().StartLinePosition.Line + 1 == 7), string.Join("\n", found));
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
