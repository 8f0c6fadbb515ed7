using System.Collections.Generic;
using System.Threading;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// For one compilation: the fields and properties whose name could make a value a key (a secret word in it) and whose
    /// initializer or expression body holds no string literal, only names (<c>const string MistralApiKey = Part1 + Part2;</c>,
    /// <c>$"{A}{B}"</c>, <c>string.Concat(Parts)</c>): a key with no fixed format put together from constants declared
    /// elsewhere, where nothing in the raw text points (see <see cref="SourceSpots"/>). Found through the compiler's
    /// declaration table (<see cref="Compilation.GetSymbolsWithName(System.Func{string, bool}, SymbolFilter, CancellationToken)"/>,
    /// member names only, no binding of bodies), once per compilation; each value is folded (<see cref="StringFold"/>) and
    /// judged by its name in the tree that declares it. Locals are not covered.
    /// </summary>
    internal sealed class NamedDeclarations
    {
        private static readonly NamedDeclarations None = new NamedDeclarations(new Dictionary<SyntaxTree, List<ExpressionSyntax>>());

        private readonly Dictionary<SyntaxTree, List<ExpressionSyntax>> _byTree;

        private NamedDeclarations(Dictionary<SyntaxTree, List<ExpressionSyntax>> byTree) => _byTree = byTree;

        public bool IsEmpty => _byTree.Count == 0;

        /// <summary>The values declared in <paramref name="tree"/> (empty for most trees).</summary>
        public IReadOnlyList<ExpressionSyntax> In(SyntaxTree tree) =>
            _byTree.TryGetValue(tree, out List<ExpressionSyntax>? values) ? values : (IReadOnlyList<ExpressionSyntax>)System.Array.Empty<ExpressionSyntax>();

        public static NamedDeclarations Compute(Compilation compilation, CancellationToken cancellationToken)
        {
            Dictionary<SyntaxTree, List<ExpressionSyntax>>? byTree = null;
            foreach (ISymbol symbol in compilation.GetSymbolsWithName(SecretScanner.NameMayBeSecretLike, SymbolFilter.Member, cancellationToken))
            {
                if (!(symbol is IFieldSymbol) && !(symbol is IPropertySymbol))
                {
                    continue;
                }

                foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
                {
                    ExpressionSyntax? value = ValueOf(reference.GetSyntax(cancellationToken));
                    if (value != null && HoldsNamesOnly(value))
                    {
                        byTree ??= new Dictionary<SyntaxTree, List<ExpressionSyntax>>();
                        if (!byTree.TryGetValue(value.SyntaxTree, out List<ExpressionSyntax>? list))
                        {
                            byTree[value.SyntaxTree] = list = new List<ExpressionSyntax>();
                        }

                        list.Add(value);
                    }
                }
            }

            return byTree == null ? None : new NamedDeclarations(byTree);
        }

        private static ExpressionSyntax? ValueOf(SyntaxNode declaration) =>
            declaration switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };

        /// <summary>
        /// The value is built from names only: a name, <c>+</c>, an interpolation of holes, or a call of names (at least one
        /// name, no string or char literal, no lambda).
        /// </summary>
        private static bool HoldsNamesOnly(ExpressionSyntax value)
        {
            if (value is LiteralExpressionSyntax || value is LambdaExpressionSyntax)
            {
                return false;
            }

            bool name = false;
            foreach (SyntaxNode node in value.DescendantNodesAndSelf())
            {
                switch (node.Kind())
                {
                    case SyntaxKind.StringLiteralExpression:
                    case SyntaxKind.CharacterLiteralExpression:
                    case SyntaxKind.Utf8StringLiteralExpression:
                    case SyntaxKind.InterpolatedStringText:
                    case SyntaxKind.SimpleLambdaExpression:
                    case SyntaxKind.ParenthesizedLambdaExpression:
                        return false;
                    case SyntaxKind.IdentifierName:
                        name = true;
                        break;
                }
            }

            return name;
        }
    }
}
