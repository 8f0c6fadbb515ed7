using System.Runtime.CompilerServices;
using Guardrails.Core.Secrets;
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
        /// The token at <paramref name="position"/> (as <see cref="SyntaxNode.FindToken(int, bool)"/> on the root finds it),
        /// found from the smallest ancestor of the last one found that holds the position, not from the root each time:
        /// from the root, every lookup reads past every member before it in a large namespace or type, and spots come in
        /// text order, mostly a few tokens apart. <paramref name="near"/> starts as the root and is kept between calls.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static SyntaxToken FindTokenNear(ref SyntaxNode near, int position)
        {
            while (near.Parent != null && !near.FullSpan.Contains(position))
            {
                near = near.Parent;
            }

            SyntaxToken token = near.FindToken(position);
            near = token.Parent ?? near;
            return token;
        }

        /// <summary><see cref="StringTokenAt"/> through <see cref="FindTokenNear"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool StringTokenNear(ref SyntaxNode near, int position, out SyntaxToken token)
        {
            token = FindTokenNear(ref near, position);
            return token.Span.Contains(position) && IsStringToken((SyntaxKind)token.RawKind);
        }

        /// <summary>Methods and constructors whose result is built from their receiver or arguments (see StringFold).</summary>
        internal static bool IsBuilderMethod(string name)
        {
            switch (name)
            {
                case "Concat":
                case "Join":
                case "Format":
                case "Create":
                case "Append":
                case "AppendFormat":
                case "Add":
                case "GetString":
                case "FromBase64String":
                case "FromHexString":
                case "DecodeFromChars":
                case "DecodeFromUtf8":
                case "Replace":
                case "Substring":
                case "Split":
                case "Reverse":
                case "ToCharArray":
                case "ToArray":
                case "ToString":
                case "Trim":
                case "ToUpper":
                case "ToUpperInvariant":
                case "ToLower":
                case "ToLowerInvariant":
                case "Normalize":
                case "Intern":
                case "Copy":
                case "AsSpan":
                case "Insert":
                case "Remove":
                case "PadLeft":
                case "PadRight":
                case "Select":
                case "UnescapeDataString":
                case "UrlDecode":
                case "HtmlDecode":
                case "Unescape":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The outermost expression that builds one string from <paramref name="leaf"/>: up through <c>+</c>,
        /// interpolation, parentheses and casts, array elements, and the receiver or arguments of a building call
        /// (<c>string.Concat</c>, <c>Append</c>, <c>Replace</c>, <c>new string(…)</c>, <c>Encoding.UTF8.GetString</c>, …).
        /// <paramref name="throughCall"/> tells whether a call or an array was crossed.
        /// </summary>
        public static SyntaxNode? OutermostBuilt(SyntaxNode? leaf, out bool throughCall)
        {
            throughCall = false;
            SyntaxNode? node = leaf is InterpolatedStringTextSyntax ? leaf.Parent : leaf;
            while (node?.Parent is MemberAccessExpressionSyntax member && member.Name == node)
            {
                node = member;
            }

            if (node == null)
            {
                return null;
            }

            while (true)
            {
                SyntaxNode? parent = node.Parent;
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax _:
                    case CastExpressionSyntax _:
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                        node = parent;
                        continue;
                    case InterpolationSyntax _ when parent.Parent is InterpolatedStringExpressionSyntax interpolated:
                        node = interpolated;
                        continue;
                    case ArgumentSyntax _ when parent.Parent?.Parent is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax callee && IsBuilderMethod(callee.Name.Identifier.ValueText):
                        node = call;
                        throughCall = true;
                        continue;
                    case ArgumentSyntax _ when parent.Parent?.Parent is ObjectCreationExpressionSyntax creation && IsBuiltType(creation.Type):
                        node = creation;
                        throughCall = true;
                        continue;
                    case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax call && IsBuilderMethod(access.Name.Identifier.ValueText):
                        node = call;
                        throughCall = true;
                        continue;
                    case MemberAccessExpressionSyntax element when element.Expression == node && !(element.Parent is InvocationExpressionSyntax) &&
                        (node is IdentifierNameSyntax || node is MemberAccessExpressionSyntax):
                        // Parts.T.Item1, Parts.T.Head: an element of a tuple the name holds (StringFold picks it; any other member
                        // folds to nothing).
                        node = element;
                        throughCall = true;
                        continue;
                    case ElementAccessExpressionSyntax slice when slice.Expression == node && slice.ArgumentList.Arguments.Count == 1:
                        // "…"[a..b], "…"[^1]: a slice of the string (StringFold folds constant bounds).
                        node = slice;
                        throughCall = true;
                        continue;
                    case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) &&
                        (initializer.Parent is ArrayCreationExpressionSyntax || initializer.Parent is ImplicitArrayCreationExpressionSyntax ||
                         initializer.Parent is StackAllocArrayCreationExpressionSyntax || initializer.Parent is ImplicitStackAllocArrayCreationExpressionSyntax):
                        node = initializer.Parent;
                        throughCall = true;
                        continue;
                    case ExpressionElementSyntax _ when parent.Parent is CollectionExpressionSyntax collection:
                        node = collection;
                        throughCall = true;
                        continue;
                    case InitializerExpressionSyntax list when list.IsKind(SyntaxKind.CollectionInitializerExpression) && list.Parent is ObjectCreationExpressionSyntax listCreation:
                        // new List<string> { "…", "…" }: the list's elements, joined by whatever consumes it.
                        node = listCreation;
                        throughCall = true;
                        continue;
                    case AssignmentExpressionSyntax element when element.Right == node && element.Left is ImplicitElementAccessSyntax &&
                        element.Parent is InitializerExpressionSyntax indexed && indexed.Parent is ObjectCreationExpressionSyntax indexedCreation:
                        // new Dictionary<int, string> { [0] = "…", [1] = "…" }: pieces ordered by their keys (see StringFold).
                        node = indexedCreation;
                        throughCall = true;
                        continue;
                    case InitializerExpressionSyntax pair when pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2 &&
                        pair.Expressions[1] == node && pair.Parent?.Parent is ObjectCreationExpressionSyntax pairsCreation:
                        // new Dictionary<int, string> { { 0, "…" }, { 1, "…" } }: the same.
                        node = pairsCreation;
                        throughCall = true;
                        continue;
                    default:
                        return node;
                }
            }
        }

        private static bool IsBuiltType(TypeSyntax type)
        {
            string? name = type is PredefinedTypeSyntax p ? p.Keyword.ValueText
                : type is IdentifierNameSyntax i ? i.Identifier.ValueText
                : type is QualifiedNameSyntax q ? q.Right.Identifier.ValueText
                : null;
            return name == "string" || name == "String" || name == "StringBuilder";
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
                while (parent != null && (parent.IsKind(SyntaxKind.ParenthesizedExpression) || (parent.IsKind(SyntaxKind.CastExpression) && parent.Parent.IsKind(SyntaxKind.AddExpression))))
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
