using System.Collections.Generic;
using System.Collections.Immutable;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>GRD001: an AI-provider key in a C# string literal.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedKeyInCodeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KeyInCode);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // A key is a key, in generated code too.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                GuardrailsSettings settings = GuardrailsSettings.From(start.Options, start.CancellationToken);
                start.RegisterSyntaxTreeAction(tree => AnalyzeTree(tree, settings));
            });
        }

        private static void AnalyzeTree(SyntaxTreeAnalysisContext context, GuardrailsSettings settings)
        {
            SyntaxNode root = context.Tree.GetRoot(context.CancellationToken);
            List<SecretMatch>? matches = null;
            foreach (SyntaxToken token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken) &&
                    !token.IsKind(SyntaxKind.InterpolatedStringTextToken) &&
                    !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) &&
                    !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) &&
                    !token.IsKind(SyntaxKind.Utf8StringLiteralToken))
                {
                    continue;
                }

                string value = token.ValueText;
                if (!SecretScanner.MightContainKey(value))
                {
                    continue;
                }

                matches ??= new List<SecretMatch>();
                matches.Clear();
                SecretScanner.Scan(value, matches);
                foreach (SecretMatch match in matches)
                {
                    // Report on the literal: the value the compiler sees may differ in length from its source text.
                    Location location = Location.Create(context.Tree, token.Span);
                    context.ReportDiagnostic(settings.Create(
                        Descriptors.KeyInCode,
                        location,
                        match.Format.Provider,
                        match.Format.TokenKind,
                        match.Redacted,
                        match.Format.EnvironmentVariable,
                        match.Format.RotateUrl));
                }
            }
        }
    }
}
