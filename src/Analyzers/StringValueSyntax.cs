using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>Syntax shared by the rules that fold strings (GRD001, GRD004).</summary>
    internal static class StringValueSyntax
    {
        /// <summary>
        /// The whole value that <paramref name="leaf"/> (a literal, an interpolated text, or a name) is a piece of: up
        /// through member access (<c>Parts.Prefix</c>), <c>+</c>, interpolation holes and parentheses, without the
        /// parentheses around the result. <paramref name="leaf"/> itself when it is a piece of nothing.
        /// </summary>
        public static SyntaxNode? OutermostValue(SyntaxNode? leaf)
        {
            SyntaxNode? node = leaf is InterpolatedStringTextSyntax ? leaf.Parent : leaf;
            while (node?.Parent is MemberAccessExpressionSyntax member && member.Name == node)
            {
                node = member;
            }

            if (node == null)
            {
                return null;
            }

            SyntaxNode value = node;
            while (true)
            {
                SyntaxNode? parent = node.Parent;
                while (parent != null && parent.IsKind(SyntaxKind.ParenthesizedExpression))
                {
                    node = parent;
                    parent = parent.Parent;
                }

                if (parent != null && parent.IsKind(SyntaxKind.AddExpression))
                {
                    node = value = parent;
                }
                else if (parent is InterpolationSyntax && parent.Parent is InterpolatedStringExpressionSyntax interpolated)
                {
                    node = value = interpolated;
                }
                else
                {
                    return value;
                }
            }
        }
    }
}
