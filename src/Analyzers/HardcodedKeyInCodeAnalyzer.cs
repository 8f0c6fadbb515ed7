using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD001: an AI-provider key in C#, as the compiler sees it: every kind of string literal with escapes resolved,
    /// constant-folded concatenations and interpolations, comments, XML docs and disabled code (see <see cref="CSharpKeyScan"/>),
    /// and keys with no fixed format where the code names the value as a credential (see <see cref="CredentialSinks"/>).
    /// Generic high-entropy secrets at those sinks are GRD006, the lower tier: they come out of the same single walk,
    /// so this analyzer reports both ids (GRD006 is also reported for files by <see cref="HardcodedKeyInFileAnalyzer"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedKeyInCodeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.WithLockedTwins(Descriptors.KeyInCode, Descriptors.PossibleSecret);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // A key is a key, in generated code too.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                GuardrailsSettings settings = GuardrailsSettings.From(start.Options, start.CancellationToken);

                // Driven by the raw text (SourceSpots); the semantic model is consulted only for the rare candidates that
                // pass a prefilter. Constants that may carry key pieces are found once for the whole compilation, here,
                // before any tree is analysed: computed lazily instead, every tree's callback would wait for the first.
                ConstantChain keyConstants = ConstantChain.Compute(
                    start.Compilation, tree => SourceSpots.For(tree, start.CancellationToken).KeyConstants, start.CancellationToken, includeFields: true);
                var mentions = new CompilationMentions(start.Compilation);
                start.RegisterSemanticModelAction(model => CSharpKeyScan.Run(model, settings, keyConstants, mentions));
            });
        }
    }
}
