using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Text;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD001 and GRD006 for one syntax tree, driven by the spots <see cref="SourceSpots"/> finds in the raw text: a tree with
    /// no provider prefix, escape, key-shaped literal or joined literals costs a few ordinal searches and no walk at all.
    /// <list type="bullet">
    /// <item>Literals of every kind are scanned on their <c>ValueText</c> (escapes resolved) and reported at the literal.</item>
    /// <item>Concatenations and interpolations are scanned on their folded value; a key that spans pieces is reported once,
    /// at the outermost expression. A key that sits whole inside one piece is left to that piece (the literal, or the
    /// <c>const</c> declaration a referenced constant came from), so a constant used in many places is reported at its
    /// declaration only. Names are folded by the compiler only when one of them is a <see cref="ConstantChain"/> or a
    /// string piece holds a prefix; otherwise the literals alone are joined, with runtime values between them.</item>
    /// <item>Comments, XML docs, disabled code and directives are scanned on the raw text of the file.</item>
    /// </list>
    /// </summary>
    internal sealed class CSharpKeyScan
    {
        private readonly SemanticModelAnalysisContext _context;
        private readonly GuardrailsSettings _settings;
        private readonly ConstantChain _keyConstants;
        private readonly CompilationMentions _mentions;
        private readonly SyntaxTree _tree;
        private readonly SyntaxNode _root;
        private readonly List<SecretMatch> _matches = new List<SecretMatch>();
        private readonly HashSet<int> _literalsDone = new HashSet<int>();
        private readonly HashSet<TextSpan> _expressionsDone = new HashSet<TextSpan>();

        /// <summary>Expressions folded with their calls (<see cref="ScanBuilt"/>): a concatenation checked without its calls may hold one.</summary>
        private readonly HashSet<TextSpan> _builtDone = new HashSet<TextSpan>();

        /// <summary>Keys reported from folded expressions, by value and place: one key found by two folds is reported once.</summary>
        private readonly List<(TextSpan Span, string Key)> _foldedReported = new List<(TextSpan, string)>();

        private CSharpKeyScan(SemanticModelAnalysisContext context, GuardrailsSettings settings, ConstantChain keyConstants, CompilationMentions mentions)
        {
            _mentions = mentions;
            _context = context;
            _settings = settings;
            _keyConstants = keyConstants;
            _tree = context.SemanticModel.SyntaxTree;
            _root = _tree.GetRoot(context.CancellationToken);
            _near = _root;
        }

        public static void Run(SemanticModelAnalysisContext context, GuardrailsSettings settings, ConstantChain keyConstants, CompilationMentions mentions)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            SourceSpots spots = SourceSpots.For(context.SemanticModel.SyntaxTree, cancellationToken);
            if (spots.IsEmpty && keyConstants.IsEmpty)
            {
                return;
            }

            new CSharpKeyScan(context, settings, keyConstants, mentions).Run(spots);
        }

        private void Run(SourceSpots spots)
        {
            CancellationToken cancellationToken = _context.CancellationToken;

            // A prefix or an escape in a literal: the literal, and whatever joins it.
            CheckLiteralsAt(spots.Anchors, anchors: true);
            CheckLiteralsAt(spots.Escapes, anchors: false);

            // A key-shaped literal: what the code names it decides (GRD001 for context-gated formats, GRD006).
            foreach (SourceSpots.NamedCandidate candidate in spots.NamedCandidates)
            {
                // Whatever names the value, in source or in a referenced SDK, must contain a hint for it to be a key.
                if (!_mentions.AnyOf(candidate.NameHints, cancellationToken))
                {
                    continue;
                }

                int position = candidate.Position;
                if (StringTokenAt(position, out SyntaxToken token) && _literalsDone.Add(token.SpanStart))
                {
                    // The spot's raw text is the value (no escapes, no doubled quotes): already judged as a value. When the
                    // literal is a plain "…" that starts at the spot's quote and has no escape, its value is that very text,
                    // and whether it is a generic secret was worked out with the hints: judging it under a name reuses that.
                    if (token.IsKind(SyntaxKind.StringLiteralToken) && token.SpanStart == position - 1 && token.Text.Length == token.ValueText.Length + 2)
                    {
                        SecretScanner.RememberNameHints(token.ValueText, candidate.NameHints);
                    }

                    CheckLiteral(token, valueMayBeNamed: true);
                }
            }

            // A short piece of a value given to a credential's name: the value it is folded into, judged by that name.
            CheckLiteralsAt(spots.NamedPieces, anchors: true);

            // A literal ending inside an anchor that has no separator (an Azure key split inside JQQJ99): as an anchor.
            CheckLiteralsAt(spots.SplitAnchors, anchors: true);

            // A credential's name given an interpolation of holes only ($"{A}{B}"): folded through the compiler's constants.
            foreach (int position in spots.NamedInterpolations)
            {
                SyntaxToken start = FindToken(position);
                if (start.SpanStart == position && start.Parent is InterpolatedStringExpressionSyntax interpolation)
                {
                    CheckEnclosingExpression(interpolation, hot: true);
                }
            }

            // A credential's name given names joined with no literal (A + B, string.Concat(Parts)): folded through the constants.
            foreach (int position in spots.NamedComposites)
            {
                if (ValueStartingAt(position) is ExpressionSyntax value && JoinsNamesOnly(value) && _builtDone.Add(value.Span))
                {
                    _expressionsDone.Add(value.Span); // its concatenation is judged here, once
                    ScanBuilt(value, Fold.Fold(value), reversed: false);
                }
            }

            // A literal sliced ("…"[..n], "…"[^1]) and an array of char literals: what they build.
            foreach (int position in spots.Slices)
            {
                SyntaxToken bracket = FindToken(position);
                if (bracket.IsKind(SyntaxKind.OpenBracketToken) && bracket.Parent?.Parent is ElementAccessExpressionSyntax slice &&
                    slice.Expression is LiteralExpressionSyntax sliced)
                {
                    CheckEnclosingExpression(sliced, hot: SecretScanner.MightContainKey(sliced.Token.ValueText));
                    CheckBuiltString(sliced);
                }
            }

            foreach (int position in spots.CharArrays)
            {
                SyntaxToken token = FindToken(position);
                if (token.IsKind(SyntaxKind.CharacterLiteralToken) && token.Parent?.Parent is InitializerExpressionSyntax chars &&
                    chars.Expressions.Count >= MinimumCharArray)
                {
                    CheckBuiltString(token.Parent);
                }
            }

            // Literals joined in source: a key may be split anywhere, even inside its prefix.
            foreach (int quote in spots.Joins)
            {
                SyntaxToken token = FindToken(quote);
                if (token.Span.End == quote + 1 && (StringValueSyntax.IsStringToken((SyntaxKind)token.RawKind) || token.IsKind(SyntaxKind.CharacterLiteralToken)))
                {
                    CheckEnclosingExpression(token.Parent);
                }
            }

            // A constant that may hold a piece of a key, folded into something here.
            foreach (SyntaxNode use in _keyConstants.UsesIn(_tree, cancellationToken))
            {
                CheckEnclosingExpression(use);
                CheckBuiltString(use);
            }

            // Data with no visible key turned into a string: char and byte arrays, base64 and hex, reversed text.
            foreach (int position in spots.Builders)
            {
                SyntaxToken token = FindToken(position);
                if (token.Parent != null && token.Span.Contains(position))
                {
                    CheckBuilderCall(token.Parent);
                }
            }

            // Literals over several lines: JSON, YAML, INI or .env text whose names make a value a key (the one content line
            // of an interpolated raw literal is a text token with no line break of its own).
            foreach (int position in spots.MultiLineLiterals)
            {
                if (StringTokenAt(position, out SyntaxToken token) && (token.Text.IndexOf('\n') >= 0 || IsMultiLineRaw(token)) && _literalsDone.Add(token.SpanStart))
                {
                    CheckLiteral(token);
                }
            }

            // A literal whose first bytes, decoded, are key characters: a key carried as hex or base64 (see EncodedKeys).
            foreach (int position in spots.Encoded)
            {
                if (StringTokenAt(position, out SyntaxToken token) && !_literalsDone.Contains(token.SpanStart) && !CheckEncoded(token, token.ValueText))
                {
                    CheckBasicCredentials(token, token.ValueText);
                }
            }

            if (spots.Anchors.Count > 0)
            {
                CheckTrivia();
            }
        }

        /// <summary>Where the last token was found (see <see cref="StringValueSyntax.FindTokenNear"/>).</summary>
        private SyntaxNode _near;

        /// <summary>The token at <paramref name="position"/>, as the root's <c>FindToken</c> finds it.</summary>
        private SyntaxToken FindToken(int position) => StringValueSyntax.FindTokenNear(ref _near, position);

        /// <summary><see cref="StringValueSyntax.StringTokenAt"/>, found near the last token.</summary>
        private bool StringTokenAt(int position, out SyntaxToken token) => StringValueSyntax.StringTokenNear(ref _near, position, out token);

        /// <summary>The value of a declarator, property or assignment that starts at <paramref name="position"/>, or null.</summary>
        private ExpressionSyntax? ValueStartingAt(int position)
        {
            for (SyntaxNode? node = FindToken(position).Parent; node != null && node.SpanStart == position; node = node.Parent)
            {
                if (node is ExpressionSyntax value &&
                    (node.Parent is EqualsValueClauseSyntax || node.Parent is ArrowExpressionClauseSyntax || (node.Parent is AssignmentExpressionSyntax assignment && assignment.Right == node)))
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>
        /// <paramref name="value"/> is built of names only, through <c>+</c>, interpolation holes, parentheses, casts and the
        /// calls that build a string (<c>string.Concat(Parts)</c>, <c>new string(Chars)</c>): folding it asks the compiler
        /// about names only, never about a call that reads something at run time (<c>GetApiKey()</c>, <c>config[…]</c>).
        /// </summary>
        private static bool JoinsNamesOnly(ExpressionSyntax value)
        {
            foreach (SyntaxNode node in value.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax call when !(call.Expression is MemberAccessExpressionSyntax callee && StringValueSyntax.IsBuilderMethod(callee.Name.Identifier.ValueText)):
                    case ObjectCreationExpressionSyntax creation when !(creation.Type is PredefinedTypeSyntax):
                    case ElementAccessExpressionSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                    case ConditionalExpressionSyntax _:
                    case BinaryExpressionSyntax other when !other.IsKind(SyntaxKind.AddExpression):
                        return false;
                }
            }

            return true;
        }

        /// <summary>An array of fewer chars than this holds no key worth folding (separators, trim sets).</summary>
        private const int MinimumCharArray = 8;

        /// <param name="anchors">The positions are provider prefixes: a literal there looks like part of a key.</param>
        private void CheckLiteralsAt(IReadOnlyList<int> positions, bool anchors)
        {
            foreach (int position in positions)
            {
                if (!StringTokenAt(position, out SyntaxToken token))
                {
                    if (anchors && token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        CheckNameof(token);
                    }

                    continue;
                }

                if (_literalsDone.Add(token.SpanStart))
                {
                    CheckLiteral(token);
                }

                // The spot says this literal looks like part of a key: its concatenation is worth the compiler's folding.
                CheckEnclosingExpression(token.Parent, hot: anchors);
                CheckBuiltString(token.Parent);
                if (anchors)
                {
                    CheckLocalUses(token.Parent);
                    CheckSourceCalls(token.Parent);
                }
            }
        }

        /// <summary>
        /// A prefix in an identifier that <c>nameof(…)</c> turns into a string: a compile-time constant, the identifier's
        /// own text (C# spec §12.8.23, the last identifier of a member access), alone or as a piece of a concatenation.
        /// Identifiers anywhere else are no text the program holds.
        /// </summary>
        private void CheckNameof(SyntaxToken identifier)
        {
            SyntaxNode? name = identifier.Parent;
            if (!(name is IdentifierNameSyntax))
            {
                return;
            }

            if (name.Parent is MemberAccessExpressionSyntax member && member.Name == name)
            {
                name = member;
            }

            if (!(name.Parent is ArgumentSyntax argument) || !(argument.Parent?.Parent is InvocationExpressionSyntax nameof) ||
                !(nameof.Expression is IdentifierNameSyntax callee) || callee.Identifier.ValueText != "nameof" || nameof.ArgumentList.Arguments.Count != 1)
            {
                return;
            }

            CheckEnclosingExpression(nameof, hot: true);
            CheckBuiltString(nameof);
            string value = identifier.ValueText;
            if (!SecretScanner.MightContainKey(value) || !_literalsDone.Add(nameof.SpanStart))
            {
                return;
            }

            _matches.Clear();
            SecretScanner.Scan(value, _matches);
            foreach (SecretMatch match in _matches.ToArray())
            {
                if (FirstReport(nameof.Span, value.Substring(match.Start, match.Length)))
                {
                    Report(nameof.GetLocation(), match, wholeValue: false);
                }
            }
        }

        // ---- strings built by calls: string.Concat/Join/Format, StringBuilder, char and byte arrays, … -----------

        private StringFold? _fold;

        private StringFold Fold => _fold ??= new StringFold(_context.SemanticModel, _context.CancellationToken);

        /// <summary>
        /// The outermost expression that builds one string from <paramref name="leaf"/> through a call or an array (see
        /// <see cref="StringFold"/>), folded and scanned once. Plain <c>+</c> and interpolation alone are left to
        /// <see cref="CheckEnclosingExpression"/>.
        /// </summary>
        private void CheckBuiltString(SyntaxNode? leaf)
        {
            SyntaxNode? outer = StringValueSyntax.OutermostBuilt(leaf, out bool throughCall);
            if (!throughCall || outer == null)
            {
                return;
            }

            if (outer.Parent is ExpressionStatementSyntax statement && outer is InvocationExpressionSyntax append)
            {
                CheckAppendStatements(statement, append);
                return;
            }

            if (outer is ExpressionSyntax expression && _builtDone.Add(outer.Span))
            {
                ScanBuilt(expression, Fold.Fold(expression), reversed: false);
            }
        }

        /// <summary>At a <see cref="SourceSpots.Builders"/> spot: the call whose name is <paramref name="node"/>.</summary>
        private void CheckBuilderCall(SyntaxNode node)
        {
            SyntaxNode? call = node;
            while (call != null && !(call is InvocationExpressionSyntax) && !(call is ObjectCreationExpressionSyntax))
            {
                if (call is StatementSyntax || call is MemberDeclarationSyntax)
                {
                    return;
                }

                call = call.Parent;
            }

            if (call is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member &&
                member.Name.Identifier.ValueText == "Reverse" && member.Expression is IdentifierNameSyntax type && type.Identifier.ValueText == "Array" &&
                invocation.ArgumentList.Arguments.Count == 1)
            {
                // Array.Reverse(chars): the array's content, read backwards.
                ExpressionSyntax target = invocation.ArgumentList.Arguments[0].Expression;
                if (_builtDone.Add(invocation.Span))
                {
                    ScanBuilt(target, Fold.Fold(target), reversed: true);
                }

                return;
            }

            if (call is InvocationExpressionSyntax split && split.Expression is MemberAccessExpressionSyntax splitMember &&
                splitMember.Name.Identifier.ValueText == "Split" && !(splitMember.Expression is LiteralExpressionSyntax))
            {
                return; // "Split(" is common: only a literal split into pieces is worth folding
            }

            if (call != null)
            {
                CheckBuiltString(call);
                if (call is InvocationExpressionSyntax || call is ObjectCreationExpressionSyntax)
                {
                    SyntaxNode? outer = StringValueSyntax.OutermostBuilt(call, out _);
                    if (outer is ExpressionSyntax expression && _builtDone.Add(outer.Span))
                    {
                        ScanBuilt(expression, Fold.Fold(expression), reversed: false);
                    }
                }
            }
        }

        /// <summary>
        /// A local that a prefix literal starts (<c>var head = "sk-…"; … head + tail</c>, <c>key += "…";</c>): its uses in
        /// its block are folded through its initializer, and the statements that grow it (<c>+=</c>) are read in order.
        /// </summary>
        private void CheckLocalUses(SyntaxNode? literal)
        {
            SyntaxNode? value = literal;
            while (value?.Parent is BinaryExpressionSyntax || value?.Parent is ParenthesizedExpressionSyntax)
            {
                value = value.Parent;
            }

            if (value?.Parent is AssignmentExpressionSyntax grows && grows.IsKind(SyntaxKind.AddAssignmentExpression) && grows.Right == value &&
                grows.Left is IdentifierNameSyntax grown0 && grows.Parent is ExpressionStatementSyntax && grows.Parent.Parent is BlockSyntax growsIn)
            {
                // name += "…": the local it grows, from its declaration in the same block.
                foreach (StatementSyntax statement in growsIn.Statements)
                {
                    if (statement.SpanStart >= grows.SpanStart)
                    {
                        break;
                    }

                    if (statement is LocalDeclarationStatementSyntax local)
                    {
                        foreach (VariableDeclaratorSyntax v in local.Declaration.Variables)
                        {
                            if (v.Identifier.ValueText == grown0.Identifier.ValueText && v.Initializer != null)
                            {
                                value = v.Initializer.Value;
                            }
                        }
                    }
                }
            }

            if (!(value?.Parent is EqualsValueClauseSyntax equals) || !(equals.Parent is VariableDeclaratorSyntax declarator) ||
                !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration) || !(declaration.Parent is BlockSyntax block))
            {
                return;
            }

            string name = declarator.Identifier.ValueText;
            bool grown = false;
            foreach (SyntaxNode node in block.DescendantNodes())
            {
                if (!(node is IdentifierNameSyntax use) || use.Identifier.ValueText != name || use.SpanStart < declarator.Span.End)
                {
                    continue;
                }

                if (use.Parent is AssignmentExpressionSyntax grow && grow.Left == use)
                {
                    grown |= grow.IsKind(SyntaxKind.AddAssignmentExpression);
                    continue;
                }

                SyntaxNode outer = use;
                while (outer.Parent is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression) || outer.Parent is ParenthesizedExpressionSyntax ||
                       outer.Parent is InterpolationSyntax || outer.Parent is InterpolatedStringExpressionSyntax)
                {
                    outer = outer.Parent!;
                }

                SyntaxNode? built = StringValueSyntax.OutermostBuilt(outer, out bool throughCall);
                if (throughCall && built != null)
                {
                    outer = built;
                }

                if (outer != use && outer is ExpressionSyntax expression && _builtDone.Add(outer.Span))
                {
                    ScanBuilt(expression, Fold.Fold(expression), reversed: false);
                }
            }

            if (grown && _expressionsDone.Add(declarator.Span))
            {
                // string key = "sk-…"; key += "…"; key += "…";: the initializer and every += in the block, in order.
                var pieces = new StringBuilder(Fold.Fold(equals.Value) ?? StringFold.Unknown.ToString());
                var leaves = new List<(SyntaxNode Node, int Start, string Value)>(Fold.Leaves);
                foreach (StatementSyntax statement in block.Statements)
                {
                    if (statement.SpanStart > declaration.SpanStart && statement is ExpressionStatementSyntax e && e.Expression is AssignmentExpressionSyntax assignment &&
                        assignment.IsKind(SyntaxKind.AddAssignmentExpression) && assignment.Left is IdentifierNameSyntax target && target.Identifier.ValueText == name)
                    {
                        string? piece = Fold.Fold(assignment.Right);
                        foreach ((SyntaxNode node, int start, string v) in Fold.Leaves)
                        {
                            leaves.Add((node, pieces.Length + start, v));
                        }

                        pieces.Append(piece ?? StringFold.Unknown.ToString());
                    }
                }

                ScanBuilt(equals.Value, pieces.ToString(), reversed: false, leaves);
            }
        }

        /// <summary>
        /// A literal that looks like part of a key passed to a method or constructor of the compilation (<c>Join("sk-…", "…")</c>,
        /// <c>new Cfg("sk-…", "…").Key</c>): the call folded through the callee's body (see <see cref="StringFold"/>), and the
        /// call that call is passed to, a few levels up. Bound only here, at a prefix spot.
        /// </summary>
        private void CheckSourceCalls(SyntaxNode? literal)
        {
            SyntaxNode? node = StringValueSyntax.OutermostBuilt(literal, out _);
            for (int level = 0; level < MaximumCallLevels && node?.Parent is ArgumentSyntax argument; level++)
            {
                SyntaxNode? call = argument.Parent?.Parent;
                if (!(call is InvocationExpressionSyntax) && !(call is BaseObjectCreationExpressionSyntax))
                {
                    return;
                }

                if (call is BaseObjectCreationExpressionSyntax && call.Parent is MemberAccessExpressionSyntax member && member.Expression == call &&
                    !(member.Parent is InvocationExpressionSyntax))
                {
                    call = member; // new Cfg(…).Key
                }

                node = StringValueSyntax.OutermostBuilt(call, out _) ?? call;
                if (node is ExpressionSyntax expression && _builtDone.Add(node.Span))
                {
                    ScanBuilt(expression, Fold.Fold(expression), reversed: false);
                }
            }
        }

        /// <summary>How many calls up from a literal <see cref="CheckSourceCalls"/> looks (<c>Log(Wrap(Join("…", "…")))</c>).</summary>
        private const int MaximumCallLevels = 3;

        /// <summary><c>sb.Append("…"); sb.Append("…");</c>: the appends to one builder in one block, in order.</summary>
        private void CheckAppendStatements(ExpressionStatementSyntax statement, InvocationExpressionSyntax first)
        {
            ExpressionSyntax receiver = first;
            while (receiver is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax m)
            {
                receiver = m.Expression;
            }

            if (!(receiver is IdentifierNameSyntax builder) || !(statement.Parent is BlockSyntax block) || !_expressionsDone.Add(block.Span))
            {
                return;
            }

            var pieces = new StringBuilder();
            var leaves = new List<(SyntaxNode Node, int Start, string Value)>();
            foreach (StatementSyntax s in block.Statements)
            {
                if (s is ExpressionStatementSyntax e && e.Expression is InvocationExpressionSyntax invocation &&
                    invocation.Expression is MemberAccessExpressionSyntax member && (member.Name.Identifier.ValueText == "Append" || member.Name.Identifier.ValueText == "Add") &&
                    member.Expression is IdentifierNameSyntax target && target.Identifier.ValueText == builder.Identifier.ValueText &&
                    invocation.ArgumentList.Arguments.Count == 1)
                {
                    string? piece = Fold.Fold(invocation.ArgumentList.Arguments[0].Expression);
                    foreach ((SyntaxNode node, int start, string value) in Fold.Leaves)
                    {
                        leaves.Add((node, pieces.Length + start, value));
                    }

                    pieces.Append(piece ?? StringFold.Unknown.ToString());
                }
            }

            ScanBuilt(statement.Expression, pieces.ToString(), reversed: false, leaves);
        }

        private void ScanBuilt(ExpressionSyntax at, string? folded, bool reversed, List<(SyntaxNode Node, int Start, string Value)>? leaves = null)
        {
            if (folded == null)
            {
                return;
            }

            if (reversed)
            {
                char[] chars = folded.ToCharArray();
                Array.Reverse(chars);
                folded = new string(chars);
            }

            if (!SecretScanner.MightContainKey(folded))
            {
                if (!reversed)
                {
                    leaves ??= Fold.Leaves;
                    CheckFoldedNamedValue(at, folded, LeavesSpan(leaves, folded));
                }

                return;
            }

            leaves ??= new List<(SyntaxNode, int, string)>(Fold.Leaves);
            _matches.Clear();
            SecretScanner.Scan(folded, _matches);
            if (_matches.Count == 0 && !reversed)
            {
                // A prefix with no key of that format behind it ("sk-" + 32 hex): judged by its name, as a literal is.
                CheckFoldedNamedValue(at, folded, LeavesSpan(leaves, folded));
                return;
            }

            foreach (SecretMatch match in _matches)
            {
                string key = folded.Substring(match.Start, match.Length);
                SyntaxNode? first = null, last = null;
                int firstIndex = -1, lastIndex = -1, index = -1;
                bool inOnePiece = false;
                foreach ((SyntaxNode node, int start, string value) in leaves)
                {
                    index++;
                    if (value.IndexOf(key, StringComparison.Ordinal) >= 0 && FoundAlone(value, key))
                    {
                        inOnePiece = true; // reported at that literal or declaration
                        break;
                    }

                    if (reversed)
                    {
                        first ??= node;
                        last = node;
                        continue;
                    }

                    if (start <= match.Start && (first == null || start + value.Length > match.Start))
                    {
                        first = node;
                        firstIndex = index;
                    }

                    if (start < match.Start + match.Length)
                    {
                        last = node;
                        lastIndex = index;
                    }
                }

                if (inOnePiece)
                {
                    continue;
                }

                Location location = first != null && last != null && first.SyntaxTree == _tree && last.SyntaxTree == _tree
                    ? Location.Create(_tree, first == last ? KeyLinesIn(first, key) : PiecesSpan(leaves, reversed ? 0 : firstIndex, reversed ? leaves.Count - 1 : lastIndex))
                    : at.GetLocation();
                if (_builtReported.Add(location.SourceSpan) && FirstReport(location.SourceSpan, key))
                {
                    Report(location, match, wholeValue: false);
                }
            }
        }

        /// <summary>
        /// From the first to the last in the file of the pieces <paramref name="from"/>..<paramref name="to"/> a key was folded
        /// out of (pieces folded out of source order, such as dictionary values ordered by their numbers, included).
        /// </summary>
        private TextSpan PiecesSpan(List<(SyntaxNode Node, int Start, string Value)> leaves, int from, int to)
        {
            int start = int.MaxValue, end = -1;
            for (int i = Math.Max(0, from); i <= to && i < leaves.Count; i++)
            {
                SyntaxNode node = leaves[i].Node;
                if (node.SyntaxTree == _tree)
                {
                    start = Math.Min(start, node.SpanStart);
                    end = Math.Max(end, node.Span.End);
                }
            }

            return TextSpan.FromBounds(start, end);
        }

        /// <summary>
        /// The one piece a key was folded out of; in a literal over several lines (a raw literal split on its line breaks),
        /// from the line of the key's first characters to that of its last, when the source spells them.
        /// </summary>
        private static TextSpan KeyLinesIn(SyntaxNode piece, string key)
        {
            string text = piece.ToString();
            int probe = Math.Min(6, key.Length);
            if (text.IndexOf('\n') < 0)
            {
                return piece.Span;
            }

            int start = text.IndexOf(key.Substring(0, probe), StringComparison.Ordinal);
            int end = start < 0 ? -1 : text.IndexOf(key.Substring(key.Length - probe), start, StringComparison.Ordinal);
            return start < 0 || end < 0 ? piece.Span : TextSpan.FromBounds(piece.SpanStart + start, piece.SpanStart + end + probe);
        }

        /// <summary>From the first folded piece to the last, when both are in this file in order.</summary>
        /// <param name="folded">The value: one piece over several lines is narrowed to the value's own lines (<see cref="KeyLinesIn"/>).</param>
        private Location? LeavesSpan(List<(SyntaxNode Node, int Start, string Value)> leaves, string? folded = null) =>
            leaves.Count > 0 && leaves[0].Node.SyntaxTree == _tree && leaves[leaves.Count - 1].Node.SyntaxTree == _tree &&
            leaves[0].Node.SpanStart <= leaves[leaves.Count - 1].Node.Span.End
                ? Location.Create(_tree, leaves[0].Node == leaves[leaves.Count - 1].Node && folded != null
                    ? KeyLinesIn(leaves[0].Node, folded)
                    : TextSpan.FromBounds(leaves[0].Node.SpanStart, leaves[leaves.Count - 1].Node.Span.End))
                : null;

        /// <summary>No report yet of <paramref name="key"/> from a fold whose place overlaps <paramref name="span"/>.</summary>
        private bool FirstReport(TextSpan span, string key)
        {
            foreach ((TextSpan reported, string value) in _foldedReported)
            {
                if (reported.OverlapsWith(span) && value == key)
                {
                    return false;
                }
            }

            _foldedReported.Add((span, key));
            return true;
        }

        /// <summary>Pieces folded from one declaration into several uses are reported once, at the pieces.</summary>
        private readonly HashSet<TextSpan> _builtReported = new HashSet<TextSpan>();

        /// <summary>Whether scanning <paramref name="piece"/> alone finds <paramref name="key"/> (then it is reported there).</summary>
        private static bool FoundAlone(string piece, string key)
        {
            var alone = new List<SecretMatch>();
            SecretScanner.Scan(piece, alone);
            foreach (SecretMatch m in alone)
            {
                if (m.Length == key.Length && string.CompareOrdinal(piece, m.Start, key, 0, key.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The outermost concatenation or interpolation that <paramref name="leaf"/> (a literal, an interpolated text or a
        /// name) is a piece of, through parentheses and interpolation holes; checked once.
        /// </summary>
        /// <param name="hot">A piece is at a spot (a provider prefix or an escape): fold every constant in the expression.</param>
        private void CheckEnclosingExpression(SyntaxNode? leaf, bool hot = false)
        {
            SyntaxNode? outer = StringValueSyntax.OutermostValue(leaf);
            if ((outer is BinaryExpressionSyntax || outer is InterpolatedStringExpressionSyntax) && _expressionsDone.Add(outer.Span))
            {
                CheckConcatenation((ExpressionSyntax)outer, hot);
            }
        }

        /// <summary>A self-identifying key carried as base64, base64url or hex in <paramref name="token"/>, reported there once.</summary>
        private bool CheckEncoded(SyntaxToken token, string value)
        {
            if (value.Length < EncodedKeys.MinimumLength || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                !EncodedKeys.TryFindKey(value, out KeyFormat? encoded, out string? decodedKey))
            {
                return false;
            }

            if (FirstReport(token.Span, decodedKey!))
            {
                Report(token.GetLocation(), EncodedKeys.Match(value, 0, value.Length, encoded!), wholeValue: false);
            }

            return true;
        }

        /// <summary>
        /// <c>"Basic &lt;base64 of user:key&gt;"</c> in <paramref name="token"/> (an Authorization header value handed to
        /// <c>DefaultRequestHeaders.Add</c> or <c>TryAddWithoutValidation</c>): a self-identifying key in the credentials is
        /// reported at the encoded text, as the file scan reports it (<see cref="EncodedKeys.BasicCredentials"/>).
        /// </summary>
        private bool CheckBasicCredentials(SyntaxToken token, string value)
        {
            if (value.Length < EncodedKeys.MinimumLength + 6 || value.IndexOf("asic ", StringComparison.Ordinal) < 1)
            {
                return false;
            }

            _matches.Clear();
            EncodedKeys.BasicCredentials(value, _matches, 0);
            foreach (SecretMatch match in _matches)
            {
                Report(KeyLocation(token, value, match), match, wholeValue: false);
            }

            return _matches.Count > 0;
        }

        /// <param name="valueMayBeNamed">The value is known to pass <see cref="SecretScanner.MightBeNamedValue(string)"/>.</param>
        private void CheckLiteral(SyntaxToken token, bool valueMayBeNamed = false)
        {
            string value = token.ValueText;
            if (SecretScanner.MightContainKey(value))
            {
                _matches.Clear();
                SecretScanner.Scan(value, _matches);
                foreach (SecretMatch match in _matches)
                {
                    // The value the compiler sees may differ in length from the source text (escapes): report the whole
                    // literal, or, in a literal over several lines (JSON or YAML in a raw or verbatim string), the key's own text.
                    Location location = KeyLocation(token, value, match);
                    Report(location, match, wholeValue: match.Length == value.Length && location.SourceSpan == token.Span);
                }

                if (_matches.Count > 0)
                {
                    return;
                }
            }

            // A key percent-encoded in a URL or wholly (adversary round 13 route 1: "…?api-key=sk%2Dproj-…"): at the literal.
            if (value.IndexOf('%') >= 0)
            {
                _matches.Clear();
                Guardrails.Core.Files.SourceEscapes.ScanPercentDecoded(value, _matches);
                foreach (SecretMatch match in _matches)
                {
                    Report(token.GetLocation(), match, wholeValue: false);
                }

                if (_matches.Count > 0)
                {
                    return;
                }
            }

            // A self-identifying key carried as base64, base64url or hex, whatever the code names it (the value decides
            // cheaply: random base64, hashes and identifiers fail on their first bytes).
            if (CheckEncoded(token, value) || CheckBasicCredentials(token, value))
            {
                return;
            }

            // Keys with no fixed format: only where the code names the value as a credential. The value is judged
            // first, so the name (which may need the semantic model) is looked up for few literals.
            if (token.IsKind(SyntaxKind.InterpolatedStringTextToken) && !(token.Parent?.Parent is InterpolatedStringExpressionSyntax only && only.Contents.Count == 1))
            {
                return; // a piece of an interpolation: judged with the whole value (CheckConcatenation)
            }

            if (value.IndexOf('\n') >= 0)
            {
                // Most literals over several lines are SQL, markup or prose: parsed as configuration only when the text
                // holds a secret word and a value that some name could make a key.
                if (Guardrails.Core.Files.TextFileSecrets.MightHoldNamedValue(value))
                {
                    CheckEmbeddedConfiguration(token, value);
                }

                return;
            }

            // A raw literal over several lines whose content is one line (C# §12.8.3: the content lines are those between
            // the delimiter lines; `"""` newline `mistral_api_key: …` newline `"""`) is configuration text too; when that
            // finds nothing (one bare token), the value is judged by the name the code gives it, below.
            if (IsMultiLineRaw(token) && Guardrails.Core.Files.TextFileSecrets.MightHoldNamedValue(value) && CheckEmbeddedConfiguration(token, value))
            {
                return;
            }

            if (valueMayBeNamed || SecretScanner.MightBeNamedValue(value))
            {
                // A raw literal over three lines holding one token: reported at the token's line.
                int at = token.Text.IndexOf('\n') >= 0 ? token.Text.IndexOf(value, StringComparison.Ordinal) : -1;
                Location location = Location.Create(_tree, at >= 0 ? new TextSpan(token.SpanStart + at, value.Length) : token.Span);
                CheckNamedValue(token.Parent is InterpolatedStringTextSyntax text ? text.Parent : token.Parent, value, location);
            }
        }

        /// <summary>A value with no fixed format, judged by the name the code gives it, or by a comment next to it.</summary>
        private void CheckNamedValue(SyntaxNode? expression, string value, Location location)
        {
            string? name = CredentialSinks.NameFor(
                expression, _context.SemanticModel, () => _mentions.AnyOf(SecretScanner.NameHints(value), _context.CancellationToken), _context.CancellationToken);
            SecretMatch match = default;
            bool named = name != null && SecretScanner.TryMatchNamedValue(name, value, out match);
            if (named && !match.Format.IsGeneric)
            {
                Report(location, match, wholeValue: true);
                return;
            }

            // "// Mistral API key" above or after the declaration, or its XML doc: the comment names the value.
            string? comment = CommentName(expression);
            if (comment != null && SecretScanner.TryMatchNamedValue(comment, value, out SecretMatch byComment) && !byComment.Format.IsGeneric)
            {
                Report(location, byComment, wholeValue: true);
                return;
            }

            // A name that says only "a key" (Key, x-api-key, a bearer token, [JsonPropertyName("mistral_api_key")] on a neutral
            // member): the code around it says whose (see CredentialSinks.ProviderContexts).
            if (expression != null && CredentialSinks.ProviderKeyInContext(expression, name, value, out SecretMatch inContext))
            {
                Report(location, inContext, wholeValue: true);
                return;
            }

            if (named)
            {
                Report(location, match, wholeValue: true);
            }
        }

        /// <summary>
        /// The words of a comment on the declaration or statement holding <paramref name="expression"/> (the line above,
        /// the end of its line, or its XML doc), up to the comment's last secret word ("Mistral API key"), or null.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static string? CommentName(SyntaxNode? expression)
        {
            SyntaxNode? holder = expression;
            while (holder != null && !(holder is StatementSyntax) && !(holder is MemberDeclarationSyntax))
            {
                holder = holder.Parent;
            }

            if (holder == null)
            {
                return null;
            }

            string? found = null;
            foreach (SyntaxTrivia trivia in holder.GetLeadingTrivia())
            {
                found = CommentWords(trivia) ?? found;
            }

            SyntaxToken last = holder.GetLastToken();
            foreach (SyntaxTrivia trivia in last.TrailingTrivia)
            {
                found = CommentWords(trivia) ?? found;
            }

            return found;
        }

        private static readonly string[] CommentSecretWords = { "key", "token", "secret", "password", "credential" };

        [MethodImpl(HotPath.Optimized)]
        private static string? CommentWords(SyntaxTrivia trivia)
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) &&
                !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                return null;
            }

            string text = trivia.ToFullString();
            int end = -1;
            foreach (string word in CommentSecretWords)
            {
                for (int at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    int after = at + word.Length;
                    if ((at == 0 || !char.IsLetter(text[at - 1])) && (after == text.Length || !char.IsLetter(text[after]) || text[after] == 's'))
                    {
                        end = Math.Max(end, after);
                    }
                }
            }

            return end < 0 ? null : text.Substring(0, end);
        }

        /// <summary>
        /// JSON, YAML, INI or .env text in a multi-line literal: read as that file kind would be (key paths, sections,
        /// variable names, a sibling "provider" field), each key reported at its own line.
        /// </summary>
        /// <returns>True when a key was reported.</returns>
        private bool CheckEmbeddedConfiguration(SyntaxToken token, string value)
        {
            string trimmed = value.TrimStart();
            string path = trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[{", StringComparison.Ordinal) || trimmed.StartsWith("[\n", StringComparison.Ordinal) || trimmed.StartsWith("[\r", StringComparison.Ordinal)
                ? "embedded.json"
                : trimmed.StartsWith("[", StringComparison.Ordinal) ? "embedded.ini"
                : LooksLikeDotEnv(value) ? "embedded.env"
                : value.IndexOf(": ", StringComparison.Ordinal) >= 0 || value.IndexOf(":\n", StringComparison.Ordinal) >= 0 ? "embedded.yaml"
                : "embedded.ini";
            _matches.Clear();
            Guardrails.Core.Files.TextFileSecrets.Scan(path, value, _matches);
            foreach (SecretMatch match in _matches)
            {
                // Only named values get here: a self-identifying key in the literal was reported by CheckLiteral.
                Report(KeyLocation(token, value, match), match, wholeValue: false);
            }

            return _matches.Count > 0;
        }

        /// <summary>
        /// A raw literal written over several lines, the delimiters on lines of their own, or the text of an interpolated one
        /// with no hole (<c>$"""</c> newline <c>mistral_api_key: …</c> newline <c>"""</c>: one text token, session 13).
        /// </summary>
        private static bool IsMultiLineRaw(SyntaxToken token) =>
            token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken) ||
            (token.IsKind(SyntaxKind.InterpolatedStringTextToken) && token.Parent?.Parent is InterpolatedStringExpressionSyntax only && only.Contents.Count == 1 &&
             only.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken));

        private static bool LooksLikeDotEnv(string value)
        {
            foreach (string line in value.Split('\n'))
            {
                string l = line.Trim();
                int eq = l.IndexOf('=');
                if (eq > 0 && l.IndexOf(' ') < 0 || (eq > 0 && l.Substring(0, eq).IndexOf(' ') < 0 && l.StartsWith("export ", StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The literal, or in a literal that spans lines, the key's text inside it when the source spells it unchanged
        /// (no escapes inside the key), so the report stands at the key's own line.
        /// </summary>
        private Location KeyLocation(SyntaxToken token, string value, SecretMatch match)
        {
            SyntaxTree tree = _context.SemanticModel.SyntaxTree;
            string text = token.Text;
            if (text.IndexOf('\n') >= 0 || IsMultiLineRaw(token))
            {
                int at = text.IndexOf(value.Substring(match.Start, match.Length), StringComparison.Ordinal);
                if (at >= 0)
                {
                    return Location.Create(tree, new TextSpan(token.SpanStart + at, match.Length));
                }
            }

            return Location.Create(tree, token.Span);
        }

        // ---- constant folding -------------------------------------------------------------------------------------

        /// <summary>
        /// A concatenation or interpolation, folded by <see cref="StringFold"/>: first without the compiler (its literal
        /// pieces, names left unknown); then, when a name may be a constant holding part of a key (a <see cref="ConstantChain"/>
        /// name) or a piece looks like part of one, with the compiler's constants.
        /// </summary>
        private void CheckConcatenation(ExpressionSyntax root, bool hot)
        {
            StringFold fold = Fold;
            string? folded = fold.FoldConcatenation(root, resolveNames: false);
            bool hotPiece = hot, hotName = false;
            foreach ((SyntaxNode _, int _, string value) in fold.Leaves)
            {
                hotPiece |= SecretScanner.MightContainKey(value);
            }

            foreach (string name in fold.Names)
            {
                hotName |= _keyConstants.Contains(name);
            }

            if (fold.NeedsCompiler && (hotName || hotPiece))
            {
                folded = fold.FoldConcatenation(root, resolveNames: true);
            }
            else if (fold.Leaves.Count < 2)
            {
                return; // one string between runtime values: that literal is checked on its own
            }

            if (folded != null)
            {
                ScanFolded(root, folded, fold.Leaves);
            }
        }

        private void ScanFolded(SyntaxNode at, string folded, List<(SyntaxNode Node, int Start, string Value)> pieces)
        {
            if (!SecretScanner.MightContainKey(folded))
            {
                CheckFoldedNamedValue(at, folded);
                return;
            }

            _matches.Clear();
            SecretScanner.Scan(folded, _matches);
            if (_matches.Count == 0)
            {
                CheckFoldedNamedValue(at, folded); // a prefix with no key of that format behind it: judged by its name
                return;
            }

            foreach (SecretMatch match in _matches)
            {
                if (!SitsInOnePiece(pieces, match.Start, match.Start + match.Length))
                {
                    if (FirstReport(at.Span, folded.Substring(match.Start, match.Length)))
                    {
                        Report(PiecesLocation(at, pieces, match) ?? at.GetLocation(), match, wholeValue: match.Length == folded.Length);
                    }
                }
            }
        }

        /// <summary>
        /// In an expression over several lines (a raw interpolated string holding JSON, a concatenation one piece a line),
        /// the key's own lines: from the first piece it takes characters from to the last (a constant's literal in this file
        /// included); null when the expression is on one line (reported whole, as before) or a piece is in another file.
        /// </summary>
        private static Location? PiecesLocation(SyntaxNode at, List<(SyntaxNode Node, int Start, string Value)> pieces, SecretMatch match)
        {
            SyntaxTree tree = at.SyntaxTree;
            if (tree.GetText().Lines.GetLineFromPosition(at.SpanStart).End >= at.Span.End)
            {
                return null;
            }

            int from = -1, to = -1;
            foreach ((SyntaxNode node, int pieceStart, string value) in pieces)
            {
                if (pieceStart < match.Start + match.Length && pieceStart + value.Length > match.Start)
                {
                    if (node.SyntaxTree != tree)
                    {
                        return null;
                    }

                    // An interpolated text piece starts with the line break after the opening quotes: its first character of content.
                    int start = node.SpanStart;
                    string text = node.ToString();
                    int skip = 0;
                    while (skip < text.Length && char.IsWhiteSpace(text[skip]))
                    {
                        skip++;
                    }

                    start += skip < text.Length ? skip : 0;
                    from = from < 0 ? start : Math.Min(from, start);
                    to = Math.Max(to, node.Span.End);
                }
            }

            return from < 0 || to <= from ? null : Location.Create(tree, TextSpan.FromBounds(from, to));
        }

        /// <summary>A folded value with no run-time part and no fixed format, judged by the name the code gives it.</summary>
        private void CheckFoldedNamedValue(SyntaxNode at, string folded, Location? location = null)
        {
            if (folded.IndexOf(StringFold.Unknown) < 0 && SecretScanner.MightBeNamedValue(folded))
            {
                SyntaxNode? value = at;
                while (value?.Parent is ParenthesizedExpressionSyntax)
                {
                    value = value.Parent;
                }

                CheckNamedValue(value, folded, location ?? at.GetLocation());
            }
        }

        /// <summary>The key lies inside one piece (a literal, or a constant's value): it is reported there, not here.</summary>
        private static bool SitsInOnePiece(List<(SyntaxNode Node, int Start, string Value)> pieces, int start, int end)
        {
            foreach ((SyntaxNode _, int pieceStart, string value) in pieces)
            {
                if (start >= pieceStart && end <= pieceStart + value.Length)
                {
                    return true;
                }
            }

            return false;
        }

        // ---- comments, XML docs, disabled code ----------------------------------------------------------------------

        private void CheckTrivia()
        {
            SyntaxNode root = _root;
            string all = TreeText.Of(_tree, _context.CancellationToken);
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
