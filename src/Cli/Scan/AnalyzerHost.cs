using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Cli.Scan;

/// <summary>
/// Runs an analyzer's semantic-model, syntax-tree and syntax-node actions on chosen syntax trees, the way the compiler's driver does, without the
/// driver's cost: the driver binds every method body of a tree before it hands out the tree's semantic model (it needs
/// the compilation events), which for a repository with no references means binding a million lines against nothing.
/// The Guardrails key analyzers need a semantic model only for the few candidates their raw-text prefilter lets
/// through, so they run here on a lazily bound model. An analyzer that registers any other kind of action is refused
/// (<see cref="NotSupportedException"/>), so a change to the analyzers cannot make the scan silently miss findings.
/// </summary>
internal sealed class AnalyzerHost
{
    private readonly List<Action<SemanticModelAnalysisContext>> _semanticModelActions = new();
    private readonly List<Action<SyntaxTreeAnalysisContext>> _syntaxTreeActions = new();
    private readonly List<(Action<SyntaxNodeAnalysisContext> Action, HashSet<SyntaxKind> Kinds)> _syntaxNodeActions = new();
    private readonly AnalyzerOptions _options;
    private readonly bool _additionalFilesElsewhere;

    private AnalyzerHost(AnalyzerOptions options, bool additionalFilesElsewhere)
    {
        _options = options;
        _additionalFilesElsewhere = additionalFilesElsewhere;
    }

    /// <param name="additionalFilesElsewhere">The caller runs the analyzer's additional-file actions itself (the scan hands
    /// the configuration files to the compiler's driver), so registering one is not a failure here.</param>
    public static AnalyzerHost Start(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken, bool additionalFilesElsewhere = false)
    {
        var host = new AnalyzerHost(options, additionalFilesElsewhere);
        var context = new RecordingContext();
        analyzer.Initialize(context);
        foreach (Action<CompilationStartAnalysisContext> start in context.Starts)
        {
            start(new RecordingStart(host, compilation, options, cancellationToken));
        }

        return host;
    }

    public void Analyze(SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
#pragma warning disable CS0618 // the public constructors are meant for hosts and tests
        var context = new SemanticModelAnalysisContext(model, _options, report, _ => true, cancellationToken);
        foreach (Action<SemanticModelAnalysisContext> action in _semanticModelActions)
        {
            action(context);
        }

        if (_syntaxTreeActions.Count > 0)
        {
            var treeContext = new SyntaxTreeAnalysisContext(model.SyntaxTree, _options, report, _ => true, cancellationToken);
            foreach (Action<SyntaxTreeAnalysisContext> action in _syntaxTreeActions)
            {
                action(treeContext);
            }
        }

        if (_syntaxNodeActions.Count > 0)
        {
            // Only the nodes of the registered kinds, as the driver hands them out; the model binds only what an action asks.
            foreach (SyntaxNode node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodesAndSelf(descendIntoTrivia: true))
            {
                SyntaxKind kind = node.Kind();
                foreach ((Action<SyntaxNodeAnalysisContext> action, HashSet<SyntaxKind> kinds) in _syntaxNodeActions)
                {
                    if (kinds.Contains(kind))
                    {
                        action(new SyntaxNodeAnalysisContext(node, model, _options, report, _ => true, cancellationToken));
                    }
                }
            }
        }
#pragma warning restore CS0618
    }

    private static NotSupportedException Unsupported(string what) =>
        new("The scan host runs semantic-model actions only; the analyzer registered a " + what + ". Update src/Cli/Scan/AnalyzerHost.cs.");

    private sealed class RecordingContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> Starts { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Starts.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported("compilation action");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported("semantic-model action outside compilation start");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported("symbol action");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("code-block action");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported("code-block action");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported("syntax-tree action");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported("syntax-node action");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Unsupported("operation action");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported("operation-block action");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported("operation-block action");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported("symbol-start action");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => throw Unsupported("additional-file action");
    }

    private sealed class RecordingStart : CompilationStartAnalysisContext
    {
        private readonly AnalyzerHost _host;

        public RecordingStart(AnalyzerHost host, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            : base(compilation, options, cancellationToken) => _host = host;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _host._semanticModelActions.Add(action);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported("compilation-end action");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported("symbol action");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("code-block action");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported("code-block action");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _host._syntaxTreeActions.Add(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            if (typeof(TLanguageKindEnum) != typeof(SyntaxKind))
            {
                throw Unsupported("syntax-node action of another language");
            }

            _host._syntaxNodeActions.Add((action, new HashSet<SyntaxKind>(syntaxKinds.Cast<SyntaxKind>())));
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Unsupported("operation action");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported("operation-block action");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported("operation-block action");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported("symbol-start action");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
            if (!_host._additionalFilesElsewhere)
            {
                throw Unsupported("additional-file action");
            }
        }
    }
}
