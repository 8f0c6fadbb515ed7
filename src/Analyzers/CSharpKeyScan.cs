using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// One walk over one syntax tree for GRD001. The common case (a token that cannot hold a key) costs a kind check and
    /// an ordinal prefilter over the token's cached value text: no allocation and no semantic work.
    /// <list type="bullet">
    /// <item>Literals of every kind are scanned on their <c>ValueText</c> (escapes resolved) and reported at the literal.</item>
    /// <item>Concatenations and interpolations that the compiler folds to a constant are scanned on the folded value; a key
    /// that spans pieces is reported once, at the outermost folded expression. A key that sits whole inside one piece is
    /// left to that piece (the literal, or the <c>const</c> declaration a referenced constant came from), so a constant
    /// used in many places is reported at its declaration only.</item>
    /// <item>Comments, XML docs, disabled code and directives are scanned on the raw text of the file.</item>
    /// </list>
    /// </summary>
    internal sealed class CSharpKeyScan
    {
        private readonly SemanticModelAnalysisContext _context;
        private readonly GuardrailsSettings _settings;
        private readonly List<SecretMatch> _matches = new List<SecretMatch>();
        private readonly Stack<SyntaxNode> _stack = new Stack<SyntaxNode>();
        private readonly List<SyntaxNode> _leaves = new List<SyntaxNode>();
        private readonly List<int> _pieceEnds = new List<int>();
        private readonly StringBuilder _folded = new StringBuilder();

        private CSharpKeyScan(SemanticModelAnalysisContext context, GuardrailsSettings settings)
        {
            _context = context;
            _settings = settings;
        }

        public static void Run(SemanticModelAnalysisContext context, GuardrailsSettings settings) =>
            new CSharpKeyScan(context, settings).Run();

        private void Run()
        {
            SyntaxTree tree = _context.SemanticModel.SyntaxTree;
            SyntaxNode root = tree.GetRoot(_context.CancellationToken);
            int visited = 0;
            foreach (SyntaxNodeOrToken item in root.DescendantNodesAndTokens())
            {
                if ((++visited & 0x3FF) == 0)
                {
                    _context.CancellationToken.ThrowIfCancellationRequested();
                }

                if (item.IsToken)
                {
                    SyntaxToken token = item.AsToken();
                    if (IsStringToken((SyntaxKind)token.RawKind))
                    {
                        CheckLiteral(token);
                    }

                    continue;
                }

                SyntaxNode? node = item.AsNode();
                switch ((SyntaxKind)item.RawKind)
                {
                    case SyntaxKind.AddExpression:
                        if (!IsInsideConcatenation(node!))
                        {
                            CheckConcatenation(node!);
                        }

                        break;
                    case SyntaxKind.InterpolatedStringExpression:
                        if (((InterpolatedStringExpressionSyntax)node!).Contents.Count > 1 && !IsInsideConcatenation(node))
                        {
                            CheckConcatenation(node);
                        }

                        break;
                }
            }

            CheckTrivia(root);
        }

        internal static bool IsStringToken(SyntaxKind kind)
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

        private void CheckLiteral(SyntaxToken token)
        {
            string value = token.ValueText;
            if (SecretScanner.MightContainKey(value))
            {
                _matches.Clear();
                SecretScanner.Scan(value, _matches);
                foreach (SecretMatch match in _matches)
                {
                    // The value the compiler sees may differ in length from the source text (escapes): report the whole literal.
                    Report(Location.Create(_context.SemanticModel.SyntaxTree, token.Span), match, wholeValue: match.Length == value.Length);
                }

                if (_matches.Count > 0)
                {
                    return;
                }
            }

            // Keys with no fixed format: only where the code names the value as a credential.
            if (value.Length >= MinimumNamedLength && value.Length <= MaximumNamedLength &&
                (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)) &&
                LooksRandom(value))
            {
                string? name = CredentialSinks.NameFor(token, _context.SemanticModel, _context.CancellationToken);
                if (name != null && SecretScanner.TryMatchNamedValue(name, value, out SecretMatch match))
                {
                    Report(Location.Create(_context.SemanticModel.SyntaxTree, token.Span), match, wholeValue: true);
                }
            }
        }

        /// <summary>The shortest and longest values <see cref="SecretScanner.TryMatchNamedValue"/> considers.</summary>
        private const int MinimumNamedLength = 16;
        private const int MaximumNamedLength = 512;

        /// <summary>No whitespace: prose, markup and format strings are out before any name is looked up.</summary>
        private static bool LooksRandom(string value)
        {
            foreach (char c in value)
            {
                if (c <= ' ')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsInsideConcatenation(SyntaxNode node)
        {
            SyntaxNode? parent = node.Parent;
            while (parent != null && parent.IsKind(SyntaxKind.ParenthesizedExpression))
            {
                parent = parent.Parent;
            }

            return parent != null && parent.IsKind(SyntaxKind.AddExpression);
        }

        // ---- constant folding -------------------------------------------------------------------------------------

        private void CheckConcatenation(SyntaxNode root)
        {
            _leaves.Clear();
            _stack.Clear();
            _stack.Push(root);
            bool names = false, hot = false, fragment = false, other = false;
            int literals = 0;
            while (_stack.Count > 0)
            {
                SyntaxNode node = _stack.Pop();
                switch (node)
                {
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                        _stack.Push(add.Right);
                        _stack.Push(add.Left);
                        continue;
                    case ParenthesizedExpressionSyntax parenthesized:
                        _stack.Push(parenthesized.Expression);
                        continue;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        string value = literal.Token.ValueText;
                        hot |= SecretScanner.MightContainKey(value);
                        fragment |= IsKeyFragment(value);
                        literals++;
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        names = true; // folded by the compiler only when every hole is a constant
                        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax text)
                            {
                                string part = text.TextToken.ValueText;
                                hot |= SecretScanner.MightContainKey(part);
                                fragment |= IsKeyFragment(part);
                            }
                        }

                        break;
                    case IdentifierNameSyntax _:
                    case MemberAccessExpressionSyntax _:
                        names = true;
                        break;
                    default:
                        other = true;
                        break;
                }

                _leaves.Add(node);
            }

            // Something must suggest a key is being assembled: a piece that passes the prefilter or looks like a key
            // fragment, or only names (possible constants) where only constants may stand.
            if (!hot && !fragment && !(names && !other && IsConstantContext(root)))
            {
                return;
            }

            _folded.Clear();
            _pieceEnds.Clear();
            if (!names)
            {
                if (literals < 2)
                {
                    return;
                }

                // Only literals and runtime values: no binding needed. Runtime values separate the literal runs.
                foreach (SyntaxNode leaf in _leaves)
                {
                    if (leaf is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        _folded.Append(literal.Token.ValueText);
                    }
                    else
                    {
                        _folded.Append(Separator);
                    }

                    _pieceEnds.Add(_folded.Length);
                }
            }
            else
            {
                // Names may be constants: ask the compiler for the value it folds.
                IOperation? operation = _context.SemanticModel.GetOperation(root, _context.CancellationToken);
                if (operation == null)
                {
                    return;
                }

                AppendPieces(operation);
            }

            ScanFolded(root);
        }

        /// <summary>Stands for a value only known at run time: not part of any key alphabet.</summary>
        private const char Separator = '\0';

        private void AppendPieces(IOperation operation)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && !operation.ConstantValue.HasValue:
                    AppendPieces(binary.LeftOperand);
                    AppendPieces(binary.RightOperand);
                    return;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && binary.ConstantValue.Value is string:
                    AppendPieces(binary.LeftOperand);
                    AppendPieces(binary.RightOperand);
                    return;
                case IInterpolatedStringOperation interpolated:
                    foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text)
                        {
                            AppendPieces(text.Text);
                        }
                        else if (part is IInterpolationOperation hole && hole.Alignment == null && hole.FormatString == null)
                        {
                            AppendPieces(hole.Expression);
                        }
                        else
                        {
                            AppendPiece(Separator.ToString());
                        }
                    }

                    return;
                default:
                    Optional<object?> constant = operation.ConstantValue;
                    AppendPiece(
                        !constant.HasValue ? Separator.ToString()
                        : constant.Value is string folded ? folded
                        : constant.Value == null ? string.Empty
                        : Separator.ToString());
                    return;
            }
        }

        private void AppendPiece(string value)
        {
            _folded.Append(value);
            _pieceEnds.Add(_folded.Length);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.IsImplicit)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private void ScanFolded(SyntaxNode at)
        {
            string folded = _folded.ToString();
            if (!SecretScanner.MightContainKey(folded))
            {
                return;
            }

            _matches.Clear();
            SecretScanner.Scan(folded, _matches);
            foreach (SecretMatch match in _matches)
            {
                if (!SitsInOnePiece(match.Start, match.Start + match.Length))
                {
                    Report(at.GetLocation(), match, wholeValue: match.Length == folded.Length);
                }
            }
        }

        private bool SitsInOnePiece(int start, int end)
        {
            int pieceStart = 0;
            foreach (int pieceEnd in _pieceEnds)
            {
                if (start >= pieceStart && end <= pieceEnd)
                {
                    return true;
                }

                pieceStart = pieceEnd;
            }

            return false;
        }

        /// <summary>A piece that could be part of a key split over several literals: 8+ characters of a key alphabet.</summary>
        private static bool IsKeyFragment(string value)
        {
            if (value.Length < 8)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+' || c == '/' || c == '='))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Where only constants may stand: const declarations, attribute arguments, parameter defaults, case labels.</summary>
        private static bool IsConstantContext(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case ParameterSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case ConstantPatternSyntax _:
                        return true;
                    case FieldDeclarationSyntax field:
                        return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case LocalDeclarationStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }

            return false;
        }

        // ---- comments, XML docs, disabled code ----------------------------------------------------------------------

        private void CheckTrivia(SyntaxNode root)
        {
            SourceText text = root.SyntaxTree.GetText(_context.CancellationToken);
            string all = text.ToString();
            if (!SecretScanner.MightContainKey(all))
            {
                return;
            }

            _matches.Clear();
            SecretScanner.Scan(all, _matches);
            foreach (SecretMatch match in _matches)
            {
                SyntaxTrivia trivia = root.FindTrivia(match.Start, findInsideTrivia: false);
                switch ((SyntaxKind)trivia.RawKind)
                {
                    case SyntaxKind.None:
                    case SyntaxKind.WhitespaceTrivia:
                    case SyntaxKind.EndOfLineTrivia:
                        // In a token: a literal, seen (decoded) by the token walk.
                        continue;
                    case SyntaxKind.SingleLineCommentTrivia:
                        Report(Location.Create(root.SyntaxTree, trivia.Span), match, wholeValue: false);
                        break;
                    default:
                        // Multi-line and XML doc comments, disabled code, directives: the key itself, not the whole block.
                        Report(Location.Create(root.SyntaxTree, new TextSpan(match.Start, match.Length)), match, wholeValue: false);
                        break;
                }
            }
        }

        /// <param name="wholeValue">The reported expression's value is exactly the key: the code fix may replace the expression.</param>
        private void Report(Location location, SecretMatch match, bool wholeValue)
        {
            if (match.Format.IsGeneric)
            {
                _context.ReportDiagnostic(_settings.Create(Descriptors.PossibleSecret, location, match.Format.TokenKind, match.Redacted));
                return;
            }

            ImmutableDictionary<string, string?>? properties = wholeValue && match.Format.EnvironmentVariable.Length > 0
                ? ImmutableDictionary<string, string?>.Empty.Add(Descriptors.EnvironmentVariableProperty, match.Format.EnvironmentVariable)
                : null;
            _context.ReportDiagnostic(_settings.Create(
                Descriptors.KeyInCode,
                location,
                properties,
                match.Format.Provider,
                match.Format.TokenKind,
                match.Redacted,
                match.Format.EnvironmentVariable,
                match.Format.RotateUrl));
        }
    }
}
