using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>Syntax shared by the rules that fold strings (GRD001, GRD004).</summary>
    internal static class StringValueSyntax
    {
        /// <summary>Any kind of string literal token, or the text part of an interpolated string.</summary>
        public static bool IsStringToken(SyntaxKind kind)
        {
            switch (kind)
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The string token whose text covers <paramref name="position"/> (a candidate found on the raw text), or false
        /// when the position is in a comment, an identifier or anything else.
        /// </summary>
        public static bool StringTokenAt(SyntaxNode root, int position, out SyntaxToken token)
        {
            token = root.FindToken(position);
            return token.Span.Contains(position) && IsStringToken((SyntaxKind)token.RawKind);
        }

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
