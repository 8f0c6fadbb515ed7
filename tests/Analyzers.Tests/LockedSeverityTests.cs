using System.Collections.Immutable;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// In Enforce mode with no local suppression allowed, GRD001 is reported with a NotConfigurable, error-by-default twin of
/// its descriptor: what Roslyn guarantees for such a diagnostic holds in a real compilation (pragmas with or without ids,
/// per-tree editorconfig severities and a foreign DiagnosticSuppressor change nothing). Where the policy allows local
/// suppression, the same means still work, which shows each one would have hidden the finding.
/// </summary>
public class LockedSeverityTests
{
    private const string Locked = "mode=Enforce\npolicy=true\nsuppression.allowed=false\n";
    private const string Allowed = "mode=Enforce\npolicy=true\nsuppression.allowed=true\n";

    private static string Source(string prefix) =>
        prefix + "\nclass C { const string K = \"" + FakeKeys.OpenAiProject() + "\"; }\n";

    [Theory]
    [InlineData("#pragma warning disable", "")]
    [InlineData("#pragma warning disable GRD001", "")]
    [InlineData("", "dotnet_diagnostic.GRD001.severity = none")]
    [InlineData("", "dotnet_diagnostic.GRD001.severity = refactoring")]
    public async Task Locked_GRD001_survives_pragmas_and_editorconfig(string pragma, string editorconfig)
    {
        Diagnostic locked = Assert.Single(await RunAsync(Source(pragma), Locked, editorconfig, suppressor: false), d => d.Id == "GRD001");
        Assert.Equal(DiagnosticSeverity.Error, locked.Severity);
        Assert.False(locked.IsSuppressed);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, locked.Descriptor.CustomTags);

        ImmutableArray<Diagnostic> allowed = await RunAsync(Source(pragma), Allowed, editorconfig, suppressor: false);
        Assert.DoesNotContain(allowed, d => d.Id == "GRD001" && !d.IsSuppressed && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Locked_GRD001_survives_NoWarn_for_every_id_of_the_analyzer_which_would_otherwise_not_run_at_all()
    {
        var noWarn = ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("GRD001", ReportDiagnostic.Suppress).Add("GRD006", ReportDiagnostic.Suppress);
        Diagnostic locked = Assert.Single(await RunAsync(Source(string.Empty), Locked, string.Empty, suppressor: false, noWarn), d => d.Id == "GRD001");
        Assert.Equal(DiagnosticSeverity.Error, locked.Severity);
        Assert.DoesNotContain(await RunAsync(Source(string.Empty), Allowed, string.Empty, suppressor: false, noWarn), d => d.Id == "GRD001" && !d.IsSuppressed);
    }

    [Fact]
    public async Task Two_effective_policy_files_lock_the_findings_whatever_the_second_one_says()
    {
        string fake = "mode=Audit\npolicy=true\nsuppression.allowed=true\n";
        Diagnostic locked = Assert.Single(await RunAsync("#pragma warning disable\n" + Source(string.Empty), Locked, string.Empty, suppressor: false, extraPolicy: fake), d => d.Id == "GRD001");
        Assert.Equal(DiagnosticSeverity.Error, locked.Severity);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, locked.Descriptor.CustomTags);
    }

    [Fact]
    public async Task A_foreign_DiagnosticSuppressor_cannot_suppress_a_locked_GRD001()
    {
        Diagnostic locked = Assert.Single(await RunAsync(Source(string.Empty), Locked, string.Empty, suppressor: true), d => d.Id == "GRD001");
        Assert.False(locked.IsSuppressed);

        Diagnostic configurable = Assert.Single(await RunAsync(Source(string.Empty), Allowed, string.Empty, suppressor: true), d => d.Id == "GRD001");
        Assert.True(configurable.IsSuppressed);
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, string effective, string editorconfig, bool suppressor,
        ImmutableDictionary<string, ReportDiagnostic>? noWarn = null, string? extraPolicy = null)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, path: "/src/C.cs");
        var references = new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (noWarn != null)
        {
            compilationOptions = compilationOptions.WithSpecificDiagnosticOptions(noWarn);
        }

        CSharpCompilation compilation = CSharpCompilation.Create("T", new[] { tree }, references, compilationOptions);
        if (editorconfig.Length > 0)
        {
            AnalyzerConfigSet set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse("root = true\n[*.cs]\n" + editorconfig + "\n", "/src/.editorconfig") });
            AnalyzerConfigOptionsResult options = set.GetOptionsForSourcePath("/src/C.cs");
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(options.TreeOptions)));
        }

        var analyzers = suppressor
            ? ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedKeyInCodeAnalyzer(), new Grd001Suppressor())
            : ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedKeyInCodeAnalyzer());
        var additional = extraPolicy == null
            ? ImmutableArray.Create<AdditionalText>(new Text("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(effective)))
            : ImmutableArray.Create<AdditionalText>(new Text("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(effective)), new Text("/fake/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(extraPolicy)));
        var withOptions = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, withOptions);
        return await withAnalyzers.GetAllDiagnosticsAsync();
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class Grd001Suppressor : DiagnosticSuppressor
    {
        private static readonly SuppressionDescriptor Rule = new("SPR001", "GRD001", "a suppressor a developer added with <Analyzer Include>");

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => ImmutableArray.Create(Rule);

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            foreach (Diagnostic d in context.ReportedDiagnostics)
            {
                context.ReportSuppression(Suppression.Create(Rule, d));
            }
        }
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class TreeOptions(ImmutableDictionary<string, ReportDiagnostic> options) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            options.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
