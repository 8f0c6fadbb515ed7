using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// --thread-cpu: each analyzer's own CPU time, summed over its callbacks with the CPU clock of the thread that runs each
/// one (<see cref="ThreadClock"/>), so neither waiting for a core on a loaded machine nor the compiler's work on other
/// threads counts; what the analyzer makes the compiler bind for it does. The wrapper hands every registration on to the
/// real context and times the callback.
/// </summary>
internal sealed class TimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long _ns;
    private long _bytes;
    private long _gcPauseTicks;

    public DiagnosticAnalyzer Inner => inner;

    public double Milliseconds => Interlocked.Read(ref _ns) / 1e6;

    /// <summary>Bytes the callbacks allocated (on their own threads): deterministic, unlike time, and what the GC pays for.</summary>
    public long AllocatedBytes => Interlocked.Read(ref _bytes);

    /// <summary>Time the runtime was paused for garbage collection while a callback ran (process-wide; the callbacks run one at a time here).</summary>
    public double GcPauseMilliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _gcPauseTicks)).TotalMilliseconds;

    /// <summary>The callbacks since <see cref="Reset"/> as one measured stretch (thread CPU, own-thread bytes, pauses inside).</summary>
    public Segment Measured => new(Milliseconds, AllocatedBytes, GcPauseMilliseconds, AllocatedBytes);

    public void Reset()
    {
        Interlocked.Exchange(ref _gcPauseTicks, 0);
        Interlocked.Exchange(ref _ns, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context, this));

    internal Action<T> Wrap<T>(Action<T> action) => argument =>
    {
        long start = ThreadClock.Now();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan paused = GC.GetTotalPauseDuration();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _ns, ThreadClock.Now() - start);
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
            Interlocked.Add(ref _gcPauseTicks, (GC.GetTotalPauseDuration() - paused).Ticks);
        }
    };

    private sealed class Context(AnalysisContext real, TimedAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => real.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => real.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            real.RegisterCompilationStartAction(owner.Wrap<CompilationStartAnalysisContext>(start => action(new Start(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => real.RegisterCompilationAction(owner.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => real.RegisterSemanticModelAction(owner.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => real.RegisterSymbolAction(owner.Wrap(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => real.RegisterCodeBlockAction(owner.Wrap(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => real.RegisterSyntaxTreeAction(owner.Wrap(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => real.RegisterAdditionalFileAction(owner.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => real.RegisterSyntaxNodeAction(owner.Wrap(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => real.RegisterOperationAction(owner.Wrap(action), operationKinds);
    }

    private sealed class Start(CompilationStartAnalysisContext real, TimedAnalyzer owner) : CompilationStartAnalysisContext(real.Compilation, real.Options, real.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => real.RegisterCompilationEndAction(owner.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => real.RegisterSemanticModelAction(owner.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => real.RegisterSymbolAction(owner.Wrap(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => real.RegisterCodeBlockAction(owner.Wrap(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => real.RegisterSyntaxTreeAction(owner.Wrap(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => real.RegisterAdditionalFileAction(owner.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => real.RegisterSyntaxNodeAction(owner.Wrap(action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => real.RegisterOperationBlockAction(owner.Wrap(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => real.RegisterOperationAction(owner.Wrap(action), operationKinds);
    }
}
