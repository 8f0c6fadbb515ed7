using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Analyzers;
using Guardrails.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Guardrails.CodeFixes
{
    /// <summary>
    /// GRD001: replace a hardcoded key with a read of the provider's usual environment variable:
    /// <c>Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("Set the OPENAI_API_KEY environment variable.")</c>.
    /// <para>
    /// The <c>?? throw</c> keeps the expression a non-null <c>string</c>, so the fix compiles without nullable warnings
    /// wherever the literal stood, and a missing variable fails at once with a message that names it (instead of a
    /// provider's 401 later). Offered only where a run-time value compiles and the reported expression is exactly the
    /// key: not in <c>const</c> declarations, attribute arguments, parameter defaults, case labels or patterns, not for
    /// UTF-8 (<c>u8</c>) literals, not inside a longer string, not in comments.
    /// </para>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadKeyFromEnvironmentCodeFix))]
    [Shared]
    public sealed class ReadKeyFromEnvironmentCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "GRD001.ReadKeyFromEnvironment";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.KeyInCode);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Descriptors.EnvironmentVariableProperty, out string? variable) ||
                    variable == null || !IsVariableName(variable))
                {
                    continue;
                }

                if (!(root.FindNode(diagnostic.Location.SourceSpan, findInsideTrivia: false, getInnermostNodeForTie: true) is ExpressionSyntax expression) ||
                    expression.Span != diagnostic.Location.SourceSpan || !CanBeRuntimeValue(expression))
                {
                    continue;
                }

                // The title names the variable only: never the key.
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Read the key from the " + variable + " environment variable",
                        cancellationToken => ReplaceAsync(context.Document, expression, variable, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, string variable, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            ExpressionSyntax read = SyntaxFactory.ParseExpression(
                "global::System.Environment.GetEnvironmentVariable(\"" + variable + "\") ?? throw new global::System.InvalidOperationException(\"Set the " + variable + " environment variable.\")");
            // Every qualified name may shorten ("global::System.Environment" → "Environment" under using System).
            read = read.ReplaceNodes(
                read.DescendantNodes().Where(n => n is NameSyntax || n is MemberAccessExpressionSyntax),
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
            ExpressionSyntax replacement = SyntaxFactory.ParenthesizedExpression(read)
                .WithTriviaFrom(expression)
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(expression, replacement));
        }

        private static bool IsVariableName(string name)
        {
            foreach (char c in name)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return name.Length > 0;
        }

        /// <summary>False where only a compile-time constant may stand, or for UTF-8 literals.</summary>
        private static bool CanBeRuntimeValue(ExpressionSyntax expression)
        {
            if (expression.IsKind(SyntaxKind.Utf8StringLiteralExpression))
            {
                return false;
            }

            for (SyntaxNode? current = expression.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case ParameterSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case PatternSyntax _:
                        return false;
                    case FieldDeclarationSyntax field:
                        return !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case LocalDeclarationStatementSyntax local:
                        return !local.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return true;
                }
            }

            return true;
        }
    }
}
