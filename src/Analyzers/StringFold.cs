using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// Folds, on syntax, the ways C# code builds one string out of literal pieces beyond <c>+</c> and interpolation:
    /// <c>string.Concat/Join/Format/Create</c>, <c>StringBuilder</c> append chains, <c>new string(char[])</c>, char and
    /// byte arrays through <c>Encoding.*.GetString</c>, <c>Convert.FromBase64String/FromHexString</c>, and the string
    /// methods a developer uses to hide a key (<c>Replace</c>, <c>Substring</c>, <c>Split</c>, <c>Reverse</c>,
    /// <c>ToCharArray</c>). Names are followed to the initializer of a field (<c>const</c>, <c>readonly</c> or not) or a local, a call into a source method whose body is one expression over its parameters, and a member of a record built from literals
    /// (the semantic model is asked only for a name inside the folded expression). Used only at the few places the raw
    /// text points to (a prefix in a literal, an escape, <c>new string(</c>, <c>GetString(</c>, <c>FromBase64String(</c>),
    /// so the allocations here are paid only there.
    /// </summary>
    internal sealed class StringFold
    {
        /// <summary>Stands for a value only known at run time: not part of any key alphabet.</summary>
        public const char Unknown = '\0';

        /// <summary>
        /// Stands for a known zero byte in a folded byte array (a private-use char, in no key alphabet): kept apart from
        /// <see cref="Unknown"/> so that UTF-16 text (every second byte zero for ASCII) can be read.
        /// </summary>
        private const char ZeroByte = '\uF8FF';

        private const int MaximumDepth = 6;
        private const int MaximumLength = 4096;

        private readonly SemanticModel _model;
        private readonly CancellationToken _cancellationToken;
        private int _depth;

        /// <summary>Names and other constants are asked of the compiler (else they are <see cref="Unknown"/>, see <see cref="NeedsCompiler"/>).</summary>
        private bool _resolve = true;

        /// <summary>Calls, creations and arrays are folded (else only <c>+</c>, interpolation, parentheses, casts and constants).</summary>
        private bool _calls = true;

        public StringFold(SemanticModel model, CancellationToken cancellationToken)
        {
            _model = model;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Literal pieces (their syntax and folded value) in the order they were folded.</summary>
        public List<(SyntaxNode Node, int Start, string Value)> Leaves { get; } = new List<(SyntaxNode, int, string)>();

        /// <summary>After a fold without the compiler: the names it left unknown (a name's identifier, or a member access's member).</summary>
        public List<string> Names { get; } = new List<string>();

        /// <summary>After a fold without the compiler: some piece (a name, <c>nameof(…)</c>, …) only the compiler can fold.</summary>
        public bool NeedsCompiler { get; private set; }

        /// <summary>
        /// A concatenation or interpolation (<c>+</c>, <c>$"…"</c>, parentheses and casts over constants), as the compiler
        /// folds it: calls, creations and arrays inside it are run-time values. With <paramref name="resolveNames"/> false
        /// nothing is asked of the semantic model: names are <see cref="Unknown"/> and listed in <see cref="Names"/>.
        /// </summary>
        public string? FoldConcatenation(ExpressionSyntax expression, bool resolveNames)
        {
            _resolve = resolveNames;
            _calls = false;
            try
            {
                return Fold(expression, MaximumConcatenationLength);
            }
            finally
            {
                _resolve = true;
                _calls = true;
            }
        }

        /// <summary>A concatenation is as long as the source that spells it; only a runaway fold is cut.</summary>
        private const int MaximumConcatenationLength = 1 << 20;

        /// <summary>A folded value: a string, or a sequence of items (the elements of an array, chars or bytes).</summary>
        private sealed class Value
        {
            public Value(string text) => Text = text;

            public Value(List<string> items) => Items = items;

            public string? Text { get; }

            public List<string>? Items { get; }

            public string Joined(string separator = "") => Text ?? string.Join(separator, Items!);
        }

        /// <summary>The value of <paramref name="expression"/>, unknown parts as <see cref="Unknown"/>; null when nothing is known.</summary>
        public string? Fold(ExpressionSyntax expression) => Fold(expression, MaximumLength);

        private string? Fold(ExpressionSyntax expression, int maximumLength)
        {
            Leaves.Clear();
            Names.Clear();
            NeedsCompiler = false;
            _depth = 0;
            Value? value = Eval(expression, 0);
            string? text = value?.Joined();
            return text == null || text.Length > maximumLength || IsAllUnknown(text) ? null : text;
        }

        private static bool IsAllUnknown(string text)
        {
            foreach (char c in text)
            {
                if (c != Unknown)
                {
                    return false;
                }
            }

            return true;
        }

        private static readonly Value UnknownValue = new Value(Unknown.ToString());

        private Value? Eval(ExpressionSyntax expression, int offset) => EvalSyntax(expression, offset) ?? Constant(expression, offset);

        /// <summary>
        /// Any other compile-time constant of this file the compiler folds (<c>nameof(…)</c>, constant chains, casts):
        /// asked only for what the syntax alone could not fold.
        /// </summary>
        private Value? Constant(ExpressionSyntax expression, int offset)
        {
            if (expression.SyntaxTree != _model.SyntaxTree || expression is LiteralExpressionSyntax)
            {
                return null;
            }

            if (!_resolve)
            {
                NeedsCompiler = true;
                return null;
            }

            Optional<object?> constant = _model.GetConstantValue(expression, _cancellationToken);
            string? text = !constant.HasValue ? null : constant.Value is string s ? s : constant.Value is char c ? c.ToString() : null;
            if (text == null)
            {
                return null;
            }

            Leaves.Add((expression, offset, text));
            return new Value(text);
        }

        private Value? EvalSyntax(ExpressionSyntax expression, int offset)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!_calls && (expression is InvocationExpressionSyntax || expression is BaseObjectCreationExpressionSyntax ||
                expression is ArrayCreationExpressionSyntax || expression is ImplicitArrayCreationExpressionSyntax ||
                expression is InitializerExpressionSyntax || expression is CollectionExpressionSyntax))
            {
                return null; // a run-time value in a concatenation (nameof(…) and other constants: see Constant)
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    Leaves.Add((literal, offset, literal.Token.ValueText));
                    return new Value(literal.Token.ValueText);
                case LiteralExpressionSyntax nothing when nothing.IsKind(SyntaxKind.NullLiteralExpression) || nothing.IsKind(SyntaxKind.DefaultLiteralExpression):
                case DefaultExpressionSyntax _:
                    // "sk-pr" + null + "oj-…", string.Concat(…, default(string), …): a null string joins as nothing.
                    return new Value(string.Empty);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.CharacterLiteralExpression):
                    Leaves.Add((literal, offset, literal.Token.ValueText));
                    return new Value(literal.Token.ValueText);
                case LiteralExpressionSyntax literal when _calls && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int n && n >= 0 && n < 256:
                {
                    // An element of a char or byte array (in a concatenation a number is a run-time piece, as it always was).
                    string element = (n == 0 ? ZeroByte : (char)n).ToString();
                    Leaves.Add((literal, offset, element));
                    return new Value(element);
                }

                case ParenthesizedExpressionSyntax parenthesized:
                    return Eval(parenthesized.Expression, offset);
                case CastExpressionSyntax code when code.Type is PredefinedTypeSyntax charType && charType.Keyword.IsKind(SyntaxKind.CharKeyword) &&
                                                    code.Expression is LiteralExpressionSyntax number && number.Token.Value is int n && n >= 0 && n <= char.MaxValue:
                {
                    // (char)101, (char)0x65: one character spelled as its code, in a concatenation too.
                    string c = ((char)n).ToString();
                    Leaves.Add((code, offset, c));
                    return new Value(c);
                }

                case CastExpressionSyntax charArithmetic when charArithmetic.Type is PredefinedTypeSyntax charType && charType.Keyword.IsKind(SyntaxKind.CharKeyword) &&
                                                             !(charArithmetic.Expression is LiteralExpressionSyntax):
                    // (char)('r' + 1), (char)(Base + 3): a constant expression (C# spec §12.23) the compiler folds to one char;
                    // anything else cast to char is no piece of text this fold can know.
                    return Constant(charArithmetic, offset);
                case CastExpressionSyntax cast:
                    return Eval(cast.Expression, offset);
                case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                {
                    // a + b + c + …: the left-nested chain in one builder (a long SQL or JSON concatenation stays linear).
                    var operands = new List<ExpressionSyntax>();
                    ExpressionSyntax left = add;
                    while (left is BinaryExpressionSyntax chain && chain.IsKind(SyntaxKind.AddExpression))
                    {
                        operands.Add(chain.Right);
                        left = chain.Left;
                    }

                    operands.Add(left);
                    var sb = new StringBuilder();
                    for (int i = operands.Count - 1; i >= 0; i--)
                    {
                        sb.Append(Eval(operands[i], offset + sb.Length)?.Joined() ?? UnknownValue.Text);
                    }

                    return new Value(sb.ToString());
                }

                case InterpolatedStringExpressionSyntax interpolated:
                {
                    var sb = new StringBuilder();
                    foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            Leaves.Add((text, offset + sb.Length, text.TextToken.ValueText));
                            sb.Append(text.TextToken.ValueText);
                        }
                        else if (content is InterpolationSyntax hole && hole.AlignmentClause == null && hole.FormatClause == null)
                        {
                            sb.Append(Eval(hole.Expression, offset + sb.Length)?.Joined() ?? UnknownValue.Text);
                        }
                        else if (content is InterpolationSyntax aligned && aligned.FormatClause == null &&
                            IntValue(aligned.AlignmentClause!.Value) is int width && Eval(aligned.Expression, offset + sb.Length)?.Joined() is string value)
                        {
                            // {value,width}: padded with spaces to the width, left of the value when it is positive.
                            sb.Append(width >= 0 ? value.PadLeft(width) : value.PadRight(-width));
                        }
                        else
                        {
                            sb.Append(Unknown);
                        }
                    }

                    return new Value(sb.ToString());
                }

                case ArrayCreationExpressionSyntax array when array.Initializer != null:
                    return Items(array.Initializer.Expressions, offset);
                case StackAllocArrayCreationExpressionSyntax stack when stack.Initializer != null:
                    // Span<char> s = stackalloc char[] { 's', 'k', … }: an array on the stack, read as one.
                    return Items(stack.Initializer.Expressions, offset);
                case ImplicitStackAllocArrayCreationExpressionSyntax stack:
                    return Items(stack.Initializer.Expressions, offset);
                case ImplicitArrayCreationExpressionSyntax array:
                    return Items(array.Initializer.Expressions, offset);
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                    return Items(initializer.Expressions, offset);
                case CollectionExpressionSyntax collection:
                {
                    var items = new List<ExpressionSyntax>();
                    foreach (CollectionElementSyntax element in collection.Elements)
                    {
                        if (element is ExpressionElementSyntax e)
                        {
                            items.Add(e.Expression);
                        }
                    }

                    return Items(items, offset);
                }

                case ObjectCreationExpressionSyntax indexed when indexed.Initializer != null && PiecesByNumber(indexed.Initializer) is List<ExpressionSyntax> ordered:
                    // new Dictionary<int, string> { [1] = "…", [0] = "…" } (or { { 0, "…" }, … }): the values in the order of
                    // their numbers, as code that orders the pieces by key joins them.
                    return Items(ordered, offset);
                case ObjectCreationExpressionSyntax list when list.Initializer != null && list.Initializer.IsKind(SyntaxKind.CollectionInitializerExpression) &&
                                                              (list.ArgumentList == null || list.ArgumentList.Arguments.Count == 0):
                    // new List<string> { "…", "…" }: its elements, as an array's.
                    return Items(list.Initializer.Expressions, offset);
                case ObjectCreationExpressionSyntax creation:
                    return Creation(TypeName(creation.Type), creation.ArgumentList, offset);
                case TupleExpressionSyntax tuple:
                {
                    // ("…", "…"): its elements, as an array's (Item1, Item2 or their names pick one, see Name).
                    var elements = new List<ExpressionSyntax>(tuple.Arguments.Count);
                    foreach (ArgumentSyntax element in tuple.Arguments)
                    {
                        elements.Add(element.Expression);
                    }

                    return Items(elements, offset);
                }

                case MemberAccessExpressionSyntax property when property.Expression is BaseObjectCreationExpressionSyntax created:
                    // new Cfg("…", "…").Key: a member of a source type built from its primary constructor's parameters.
                    return SourceMember(property, created, offset);
                case ImplicitObjectCreationExpressionSyntax:
                    return null;
                case InvocationExpressionSyntax invocation:
                    return Invocation(invocation, offset);
                case ElementAccessExpressionSyntax slice when slice.ArgumentList.Arguments.Count == 1:
                    return Slice(slice, offset);
                case MemberAccessExpressionSyntax empty when empty.Name.Identifier.ValueText == "Empty" &&
                    ((empty.Expression is PredefinedTypeSyntax t && t.Keyword.IsKind(SyntaxKind.StringKeyword)) ||
                     (empty.Expression is IdentifierNameSyntax s && s.Identifier.ValueText == "String")):
                    return new Value(string.Empty);
                case IdentifierNameSyntax _:
                case MemberAccessExpressionSyntax _:
                    return Name(expression, offset);
                default:
                    return null;
            }
        }

        private Value Items(IEnumerable<ExpressionSyntax> expressions, int offset)
        {
            var items = new List<string>();
            int at = offset;
            foreach (ExpressionSyntax e in expressions)
            {
                string item = Eval(e, at)?.Joined() ?? UnknownValue.Text!;
                items.Add(item);
                at += item.Length;
            }

            return new Value(items);
        }

        /// <summary>
        /// The values of an initializer whose every element is keyed by an integer literal (<c>[0] = …</c> or <c>{ 0, … }</c>),
        /// ordered by that number; null for any other initializer (a dictionary keyed by names holds separate values).
        /// </summary>
        private static List<ExpressionSyntax>? PiecesByNumber(InitializerExpressionSyntax initializer)
        {
            if (initializer.Expressions.Count < 2)
            {
                return null;
            }

            var pieces = new List<(int Key, ExpressionSyntax Value)>(initializer.Expressions.Count);
            foreach (ExpressionSyntax element in initializer.Expressions)
            {
                ExpressionSyntax? key, value;
                if (element is AssignmentExpressionSyntax assignment && assignment.Left is ImplicitElementAccessSyntax access && access.ArgumentList.Arguments.Count == 1)
                {
                    key = access.ArgumentList.Arguments[0].Expression;
                    value = assignment.Right;
                }
                else if (element is InitializerExpressionSyntax pair && pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2)
                {
                    key = pair.Expressions[0];
                    value = pair.Expressions[1];
                }
                else
                {
                    return null;
                }

                if (!(key is LiteralExpressionSyntax number && number.Token.Value is int n))
                {
                    return null;
                }

                pieces.Add((n, value));
            }

            var ordered = new List<ExpressionSyntax>(pieces.Count);
            foreach ((int _, ExpressionSyntax value) in System.Linq.Enumerable.OrderBy(pieces, p => p.Key))
            {
                ordered.Add(value);
            }

            return ordered;
        }

        private static string? TypeName(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            _ => null,
        };

        private Value? Creation(string? type, ArgumentListSyntax? arguments, int offset)
        {
            if (arguments == null)
            {
                return null;
            }

            if ((type == "string" || type == "String") && arguments.Arguments.Count == 1)
            {
                Value? chars = Eval(arguments.Arguments[0].Expression, offset);
                return chars == null ? null : new Value(chars.Joined());
            }

            if ((type == "string" || type == "String") && arguments.Arguments.Count == 3)
            {
                // new string(chars, start, length): the range of the chars.
                string? all = Eval(arguments.Arguments[0].Expression, offset)?.Joined();
                int? start = IntArgument(arguments.Arguments[1]);
                int? length = IntArgument(arguments.Arguments[2]);
                return all == null || start == null || length == null || start < 0 || length < 0 || start + length > all.Length
                    ? null
                    : new Value(all.Substring(start.Value, length.Value));
            }

            if (type == "StringBuilder")
            {
                if (arguments.Arguments.Count == 1)
                {
                    Value? initial = Eval(arguments.Arguments[0].Expression, offset);
                    return initial?.Text != null ? initial : new Value(string.Empty);
                }

                return new Value(string.Empty);
            }

            return null;
        }

        /// <summary>
        /// <paramref name="name"/> is an alias of <c>System.String</c> declared in its file (<c>using S = System.String;</c>,
        /// at the top or in a namespace): <c>S.Concat(…)</c> is <c>string.Concat(…)</c>. Read on syntax, only at a fold.
        /// </summary>
        private static bool IsStringAlias(IdentifierNameSyntax name)
        {
            string text = name.Identifier.ValueText;
            for (SyntaxNode? node = name.Parent; node != null; node = node.Parent)
            {
                SyntaxList<UsingDirectiveSyntax> usings = node is CompilationUnitSyntax unit ? unit.Usings
                    : node is BaseNamespaceDeclarationSyntax ns ? ns.Usings
                    : default;
                foreach (UsingDirectiveSyntax directive in usings)
                {
                    if (directive.Alias != null && directive.Alias.Name.Identifier.ValueText == text && TypeName(directive.NamespaceOrType) is string target &&
                        (target == "String" || target == "string"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private Value? Invocation(InvocationExpressionSyntax invocation, int offset)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax member))
            {
                // Join("…", "…"): a method or local function of this compilation whose body joins its parameters.
                return invocation.Expression is IdentifierNameSyntax || invocation.Expression is GenericNameSyntax ? SourceCall(invocation, offset) : null;
            }

            string method = member.Name.Identifier.ValueText;
            SeparatedSyntaxList<ArgumentSyntax> args = invocation.ArgumentList.Arguments;
            string receiverName = member.Expression is PredefinedTypeSyntax p ? p.Keyword.ValueText
                : member.Expression is IdentifierNameSyntax id ? id.Identifier.ValueText
                : member.Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText
                : string.Empty;
            bool onString = receiverName == "string" || receiverName == "String" || (member.Expression is IdentifierNameSyntax alias && IsStringAlias(alias));

            switch (method)
            {
                case "Concat" when onString:
                    return Join(string.Empty, args, 0, offset);
                case "Join" when onString && args.Count >= 2:
                {
                    // string.Join(null, …) joins with nothing, as string.Join("", …) does.
                    string? separator = args[0].Expression.IsKind(SyntaxKind.NullLiteralExpression) || args[0].Expression.IsKind(SyntaxKind.DefaultLiteralExpression)
                        ? string.Empty
                        : Eval(args[0].Expression, offset)?.Text;
                    return separator == null || separator.IndexOf(Unknown) >= 0 ? null : Join(separator, args, 1, offset);
                }

                case "Format" when onString && args.Count >= 2:
                    return Format(args, offset);
                case "Create" when onString && args.Count == 2:
                    return Eval(args[1].Expression, offset);
                case "Intern" when onString && args.Count == 1:
                case "Copy" when onString && args.Count == 1:
                    return Eval(args[0].Expression, offset); // the same characters
                case "GetString" when args.Count == 1:
                {
                    // Encoding.UTF8/ASCII/Latin1/Default.GetString(bytes): ASCII keys read the same in all of them.
                    // Encoding.Unicode/BigEndianUnicode: two bytes a char (UTF-16LE/BE, no BOM is read by GetString).
                    Value? bytes = Eval(args[0].Expression, offset);
                    return bytes == null ? null
                        : receiverName == "Unicode" || receiverName == "BigEndianUnicode" ? Utf16(bytes, bigEndian: receiverName == "BigEndianUnicode")
                        : new Value(bytes.Joined());
                }

                case "FromBase64String" when receiverName == "Convert" && args.Count == 1:
                    return Decode(args[0].Expression, offset, base64: true);
                case "FromHexString" when receiverName == "Convert" && args.Count == 1:
                    return Decode(args[0].Expression, offset, base64: false);
                case "DecodeFromChars" when receiverName == "Base64Url" && args.Count == 1:
                case "DecodeFromUtf8" when receiverName == "Base64Url" && args.Count == 1:
                    return Decode(args[0].Expression, offset, base64: true, url: true);
                case "Replace" when receiverName == "Regex" && (args.Count == 3 || args.Count == 4):
                    return RegexReplace(args, offset);
                case "UnescapeDataString" when receiverName == "Uri" && args.Count == 1:
                case "UrlDecode" when (receiverName == "WebUtility" || receiverName == "HttpUtility") && args.Count == 1:
                case "HtmlDecode" when (receiverName == "WebUtility" || receiverName == "HttpUtility") && args.Count == 1:
                case "Unescape" when receiverName == "Regex" && args.Count == 1:
                    return Unescape(method, args[0].Expression, offset);
            }

            // Instance methods on a folded receiver.
            Value? receiver = Eval(member.Expression, offset);
            if (receiver == null)
            {
                // Text.Join("…", "…"), this.Join(…): a method of a type, not of a folded value.
                return SourceCall(invocation, offset);
            }

            switch (method)
            {
                case "Append" when args.Count == 1:
                    return new Value(receiver.Joined() + (Eval(args[0].Expression, offset + receiver.Joined().Length)?.Joined() ?? UnknownValue.Text));
                case "AppendJoin" when args.Count >= 2:
                {
                    // new StringBuilder().AppendJoin("", "…", "…"): string.Join's pieces appended.
                    string? separator = Eval(args[0].Expression, offset)?.Text;
                    Value? joined = separator == null || separator.IndexOf(Unknown) >= 0 ? null : Join(separator, args, 1, offset + receiver.Joined().Length);
                    return new Value(receiver.Joined() + (joined?.Joined() ?? UnknownValue.Text));
                }

                case "AppendFormat" when args.Count >= 2:
                    return new Value(receiver.Joined() + (Format(args, offset + receiver.Joined().Length)?.Joined() ?? UnknownValue.Text));
                case "ToString" when args.Count == 0:
                case "ToArray" when args.Count == 0:
                case "ToCharArray" when args.Count == 0:
                case "AsSpan" when args.Count == 0:
                case "Trim" when args.Count == 0:
                    return receiver.Items != null ? receiver : Chars(receiver.Joined());
                case "Reverse" when args.Count == 0:
                {
                    List<string> items = receiver.Items ?? Chars(receiver.Joined()).Items!;
                    var reversed = new List<string>(items);
                    reversed.Reverse();
                    return new Value(reversed);
                }

                case "Insert" when args.Count == 2:
                {
                    string text = receiver.Joined();
                    int? at = IntArgument(args[0]);
                    string? inserted = Eval(args[1].Expression, offset + (at ?? 0))?.Joined();
                    return at == null || inserted == null || at < 0 || at > text.Length ? null : new Value(text.Insert(at.Value, inserted));
                }

                case "PadRight" when args.Count >= 1:
                case "PadLeft" when args.Count >= 1:
                {
                    string text = receiver.Joined();
                    int? width = IntArgument(args[0]);
                    string? pad = args.Count == 2 ? Eval(args[1].Expression, offset)?.Text : " ";
                    if (width == null || width < 0 || width > MaximumLength || pad == null || pad.Length != 1)
                    {
                        return null;
                    }

                    return new Value(method == "PadRight" ? text.PadRight(width.Value, pad[0]) : text.PadLeft(width.Value, pad[0]));
                }

                case "Select" when args.Count == 1 && IsCharCast(args[0].Expression):
                    // n => (char)n over char codes: the chars themselves (numbers are folded as the chars they code).
                    return receiver.Items != null ? receiver : Chars(receiver.Joined());
                case "Select" when args.Count == 1 && receiver.Items != null && TrimCall(args[0].Expression) is string trim:
                {
                    // l => l.Trim() over the lines of a split literal: each item trimmed, as the program does.
                    var trimmed = new List<string>(receiver.Items.Count);
                    foreach (string item in receiver.Items)
                    {
                        trimmed.Add(trim == "Trim" ? item.Trim() : trim == "TrimEnd" ? item.TrimEnd() : item.TrimStart());
                    }

                    return new Value(trimmed);
                }

                case "Remove" when args.Count >= 1:
                {
                    // "…junk…".Remove(start, count): the text without the junk (constant arguments only).
                    string text = receiver.Joined();
                    int? start = IntArgument(args[0]);
                    int? count = args.Count == 2 ? IntArgument(args[1]) : text.Length - start;
                    return start == null || count == null || start < 0 || count < 0 || start + count > text.Length ? null : new Value(text.Remove(start.Value, count.Value));
                }
                case "Replace" when args.Count == 2:
                {
                    int leaves = Leaves.Count;
                    string? from = Eval(args[0].Expression, offset)?.Text;
                    string? to = Eval(args[1].Expression, offset)?.Text;
                    Leaves.RemoveRange(leaves, Leaves.Count - leaves); // what is replaced is no piece of the value
                    return from == null || to == null || from.Length == 0 ? null : new Value(receiver.Joined().Replace(from, to));
                }

                case "ToUpperInvariant" when args.Count == 0:
                case "ToUpper" when args.Count <= 1:
                    return new Value(receiver.Joined().ToUpperInvariant()); // keys are ASCII: every culture agrees
                case "ToLowerInvariant" when args.Count == 0:
                case "ToLower" when args.Count <= 1:
                    return new Value(receiver.Joined().ToLowerInvariant());
                case "Normalize" when args.Count == 0:
                    return new Value(receiver.Joined()); // ASCII is the same in every normalization form
                case "AsSpan" when args.Count >= 1:
                case "Substring" when args.Count >= 1:
                {
                    string text = receiver.Joined();
                    int? start = IntArgument(args[0]);
                    int? length = args.Count == 2 ? IntArgument(args[1]) : text.Length - start;
                    return start == null || length == null || start < 0 || length < 0 || start + length > text.Length ? null : new Value(text.Substring(start.Value, length.Value));
                }

                case "Split" when args.Count == 1:
                {
                    int leaves = Leaves.Count;
                    string? separator = Eval(args[0].Expression, offset)?.Joined();
                    Leaves.RemoveRange(leaves, Leaves.Count - leaves);
                    return separator == null || separator.Length == 0 || separator.IndexOf(Unknown) >= 0 ? null
                        : new Value(new List<string>(receiver.Joined().Split(new[] { separator }, StringSplitOptions.None)));
                }

                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>"…"[a..b]</c>, <c>"…"[..^n]</c> (a range over a folded string, the compiler's <c>Substring</c>) and <c>"…"[i]</c>,
        /// <c>"…"[^i]</c> (one char), with constant bounds only.
        /// </summary>
        private Value? Slice(ElementAccessExpressionSyntax slice, int offset)
        {
            ExpressionSyntax argument = slice.ArgumentList.Arguments[0].Expression;
            Value? receiver = Eval(slice.Expression, offset);
            if (receiver == null)
            {
                return null;
            }

            if (receiver.Items != null && !(argument is RangeExpressionSyntax))
            {
                // Parts[1] + Parts[0]: an element of a folded array (a string's chars are its items too).
                int? element = Bound(argument, receiver.Items.Count);
                return element == null || element < 0 || element >= receiver.Items.Count ? null : new Value(receiver.Items[element.Value]);
            }

            string text = receiver.Joined();
            if (argument is RangeExpressionSyntax range)
            {
                int? start = range.LeftOperand == null ? 0 : Bound(range.LeftOperand, text.Length);
                int? end = range.RightOperand == null ? text.Length : Bound(range.RightOperand, text.Length);
                return start == null || end == null || start < 0 || end > text.Length || start > end ? null : new Value(text.Substring(start.Value, end.Value - start.Value));
            }

            int? at = Bound(argument, text.Length);
            return at == null || at < 0 || at >= text.Length ? null : new Value(text[at.Value].ToString());
        }

        /// <summary>An index bound: <c>n</c>, or <c>^n</c> counted from the end.</summary>
        private int? Bound(ExpressionSyntax bound, int length) =>
            bound is PrefixUnaryExpressionSyntax hat && hat.IsKind(SyntaxKind.IndexExpression)
                ? length - IntValue(hat.Operand)
                : IntValue(bound);

        /// <summary><c>l =&gt; l.Trim()</c> (or <c>TrimEnd()</c>, <c>TrimStart()</c>): the trim's name, else null.</summary>
        private static string? TrimCall(ExpressionSyntax expression)
        {
            if (expression is SimpleLambdaExpressionSyntax lambda && lambda.Body is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count == 0 &&
                call.Expression is MemberAccessExpressionSyntax member && member.Expression is IdentifierNameSyntax receiver &&
                receiver.Identifier.ValueText == lambda.Parameter.Identifier.ValueText)
            {
                string name = member.Name.Identifier.ValueText;
                return name == "Trim" || name == "TrimEnd" || name == "TrimStart" ? name : null;
            }

            return null;
        }

        private static Value Chars(string text)
        {
            var items = new List<string>(text.Length);
            foreach (char c in text)
            {
                items.Add(c.ToString());
            }

            return new Value(items);
        }

        private int? IntArgument(ArgumentSyntax argument) => IntValue(argument.Expression);

        private int? IntValue(ExpressionSyntax expression)
        {
            if (expression is LiteralExpressionSyntax literal)
            {
                return literal.Token.Value is int n ? n : (int?)null;
            }

            if (expression.SyntaxTree != _model.SyntaxTree)
            {
                return null;
            }

            if (!_resolve)
            {
                NeedsCompiler = true;
                return null;
            }

            Optional<object?> constant = _model.GetConstantValue(expression, _cancellationToken);
            return constant.HasValue && constant.Value is int value ? value : (int?)null;
        }

        /// <summary><c>n =&gt; (char)n</c> (or <c>n =&gt; n</c>): a lambda that keeps each item as the char it codes.</summary>
        private static bool IsCharCast(ExpressionSyntax expression)
        {
            if (!(expression is SimpleLambdaExpressionSyntax lambda) || !(lambda.Body is ExpressionSyntax body))
            {
                return false;
            }

            while (body is ParenthesizedExpressionSyntax parenthesized)
            {
                body = parenthesized.Expression;
            }

            if (body is CastExpressionSyntax cast)
            {
                if (!(cast.Type is PredefinedTypeSyntax type && type.Keyword.IsKind(SyntaxKind.CharKeyword)))
                {
                    return false;
                }

                body = cast.Expression;
            }

            return body is IdentifierNameSyntax name && name.Identifier.ValueText == lambda.Parameter.Identifier.ValueText;
        }

        /// <summary>
        /// The pure decoders of the base library applied to a folded constant: percent-encoding (<c>Uri.UnescapeDataString</c>,
        /// <c>WebUtility.UrlDecode</c>), HTML character references (<c>HtmlDecode</c>) and <c>Regex.Unescape</c>. Each is
        /// the library's own function, so the value is exactly what the program would compute.
        /// </summary>
        private Value? Unescape(string method, ExpressionSyntax argument, int offset)
        {
            string? text = Eval(argument, offset)?.Joined();
            if (text == null || text.IndexOf(Unknown) >= 0)
            {
                return null;
            }

            string decoded;
            try
            {
                decoded = method switch
                {
                    "UnescapeDataString" => Uri.UnescapeDataString(text),
                    "UrlDecode" => System.Net.WebUtility.UrlDecode(text),
                    "HtmlDecode" => System.Net.WebUtility.HtmlDecode(text),
                    _ => System.Text.RegularExpressions.Regex.Unescape(text),
                };
            }
            catch (ArgumentException)
            {
                return null;
            }

            // The decoded text is reported where the encoded literal stands.
            Leaves.Add((argument, offset, string.Empty));
            return new Value(decoded);
        }

        private Value Join(string separator, SeparatedSyntaxList<ArgumentSyntax> args, int first, int offset)
        {
            if (args.Count == first + 1)
            {
                Value? single = Eval(args[first].Expression, offset);
                if (single?.Items != null)
                {
                    return new Value(single.Joined(separator));
                }
            }

            var sb = new StringBuilder();
            for (int i = first; i < args.Count; i++)
            {
                if (i > first)
                {
                    sb.Append(separator);
                }

                sb.Append(Eval(args[i].Expression, offset + sb.Length)?.Joined() ?? UnknownValue.Text);
            }

            return new Value(sb.ToString());
        }

        private Value? Format(SeparatedSyntaxList<ArgumentSyntax> args, int offset)
        {
            int first = args[0].Expression is LiteralExpressionSyntax ? 0 : 1; // string.Format(provider, format, …)
            string? format = Eval(args[first].Expression, offset)?.Text;
            if (format == null)
            {
                return null;
            }

            var sb = new StringBuilder();
            for (int i = 0; i < format.Length; i++)
            {
                char c = format[i];
                if (c == '{' && i + 2 < format.Length && char.IsDigit(format[i + 1]) && format[i + 2] == '}')
                {
                    int index = first + 1 + (format[i + 1] - '0');
                    sb.Append(index < args.Count ? Eval(args[index].Expression, offset + sb.Length)?.Joined() ?? UnknownValue.Text : UnknownValue.Text);
                    i += 2;
                }
                else
                {
                    sb.Append(c);
                }
            }

            return new Value(sb.ToString());
        }

        private Value? Decode(ExpressionSyntax argument, int offset, bool base64, bool url = false)
        {
            string? text = Eval(argument, offset)?.Joined();
            if (text == null || text.IndexOf(Unknown) >= 0)
            {
                return null;
            }

            if (url)
            {
                // Base64Url (RFC 4648 §5, System.Buffers.Text.Base64Url): '-' and '_' for '+' and '/', padding optional.
                if (text.IndexOf('+') >= 0 || text.IndexOf('/') >= 0)
                {
                    return null;
                }

                text = text.Replace('-', '+').Replace('_', '/');
                text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            }

            byte[] bytes;
            try
            {
                bytes = base64 ? Convert.FromBase64String(text) : FromHex(text);
            }
            catch (FormatException)
            {
                return null;
            }

            var items = new List<string>(bytes.Length);
            foreach (byte b in bytes)
            {
                items.Add((b == 0 ? ZeroByte : (char)b).ToString());
            }

            // The decoded text is reported where the encoded literal stands.
            Leaves.Add((argument, offset, string.Empty));
            return new Value(items);
        }

        /// <summary>Bytes (one item or char each) read as UTF-16 code units; an odd count or an unknown byte is no text.</summary>
        private static Value? Utf16(Value bytes, bool bigEndian)
        {
            string b = bytes.Joined();
            if (b.Length % 2 != 0 || b.IndexOf(Unknown) >= 0)
            {
                return null;
            }

            var chars = new List<string>(b.Length / 2);
            for (int i = 0; i < b.Length; i += 2)
            {
                int lo = b[bigEndian ? i + 1 : i] == ZeroByte ? 0 : b[bigEndian ? i + 1 : i], hi = b[bigEndian ? i : i + 1] == ZeroByte ? 0 : b[bigEndian ? i : i + 1];
                if (lo > 0xFF || hi > 0xFF)
                {
                    return null;
                }

                chars.Add(((char)(lo | (hi << 8))).ToString());
            }

            return new Value(chars);
        }

        /// <summary>How long a pattern from the source may run: the library's own timeout, so a pathological pattern costs this at most.</summary>
        private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(20);

        /// <summary>
        /// <c>Regex.Replace(input, pattern, replacement[, options])</c> with constant arguments: the library's own function
        /// (under a timeout), so the value is exactly what the program computes: junk removed by a constant pattern.
        /// </summary>
        private Value? RegexReplace(SeparatedSyntaxList<ArgumentSyntax> args, int offset)
        {
            string? input = Eval(args[0].Expression, offset)?.Joined();
            int leaves = Leaves.Count;
            string? pattern = Eval(args[1].Expression, offset)?.Text;
            string? replacement = Eval(args[2].Expression, offset)?.Text;
            Leaves.RemoveRange(leaves, Leaves.Count - leaves); // the pattern and its replacement are no pieces of the value
            System.Text.RegularExpressions.RegexOptions options = System.Text.RegularExpressions.RegexOptions.None;
            if (args.Count == 4 && !RegexOptionsOf(args[3].Expression, ref options))
            {
                return null;
            }

            if (input == null || pattern == null || replacement == null || input.IndexOf(Unknown) >= 0 || pattern.IndexOf(Unknown) >= 0 || replacement.IndexOf(Unknown) >= 0)
            {
                return null;
            }

            try
            {
                return new Value(System.Text.RegularExpressions.Regex.Replace(input, pattern, replacement, options, RegexBudget));
            }
            catch (ArgumentException)
            {
                return null; // a malformed pattern: the program throws, there is no value (RegexMatchTimeoutException is one too)
            }
        }

        /// <summary><c>RegexOptions.X | RegexOptions.Y</c> named in the source.</summary>
        private static bool RegexOptionsOf(ExpressionSyntax expression, ref System.Text.RegularExpressions.RegexOptions options)
        {
            if (expression is BinaryExpressionSyntax or && or.IsKind(SyntaxKind.BitwiseOrExpression))
            {
                return RegexOptionsOf(or.Left, ref options) && RegexOptionsOf(or.Right, ref options);
            }

            if (expression is MemberAccessExpressionSyntax member &&
                Enum.TryParse(member.Name.Identifier.ValueText, out System.Text.RegularExpressions.RegexOptions option))
            {
                options |= option & ~System.Text.RegularExpressions.RegexOptions.Compiled; // the same matches, without emitting code
                return true;
            }

            return false;
        }

        private static byte[] FromHex(string text)
        {
            if (text.Length % 2 != 0)
            {
                throw new FormatException();
            }

            var bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Hex(text[2 * i]) << 4) | Hex(text[(2 * i) + 1]));
            }

            return bytes;
        }

        private static int Hex(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : throw new FormatException();

        /// <summary>
        /// A field (any) or a local followed to its initializer, a tuple element to its element; in another file only through
        /// literals (names there would need that file's semantic model).
        /// </summary>
        private Value? Name(ExpressionSyntax name, int offset)
        {
            if (_frame != null && name is IdentifierNameSyntax parameter && _frame.Arguments.TryGetValue(parameter.Identifier.ValueText, out (ExpressionSyntax Value, Frame? Caller) argument) &&
                _frame.Body.Span.Contains(name.Span) && _frame.Body.SyntaxTree == name.SyntaxTree && !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name))
            {
                // A parameter of the callee being folded: the caller's argument, folded where the caller wrote it.
                Frame callee = _frame;
                _frame = argument.Caller;
                _depth++;
                Value? passed = Eval(argument.Value, offset);
                _depth--;
                _frame = callee;
                return passed;
            }

            if (_depth >= MaximumDepth || name.SyntaxTree != _model.SyntaxTree)
            {
                return null;
            }

            if (!_resolve)
            {
                Names.Add(name is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : ((IdentifierNameSyntax)name).Identifier.ValueText);
                NeedsCompiler = true;
                return null;
            }

            ISymbol? symbol = _model.GetSymbolInfo(name, _cancellationToken).Symbol;
            if (symbol is IFieldSymbol field && field.IsConst && field.ConstantValue is string constant)
            {
                // A constant declared as one literal in this file stands at that literal (the key's own line); else at the name.
                SyntaxNode at = name;
                if (field.DeclaringSyntaxReferences.Length == 1 && field.DeclaringSyntaxReferences[0].SyntaxTree == _model.SyntaxTree &&
                    field.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax constDeclarator &&
                    constDeclarator.Initializer?.Value is LiteralExpressionSyntax constLiteral)
                {
                    at = constLiteral;
                }

                Leaves.Add((at, offset, constant));
                return new Value(constant);
            }

            if (symbol is IFieldSymbol element && element.ContainingType?.IsTupleType == true && name is MemberAccessExpressionSyntax tupleAccess)
            {
                // T.Item1, T.Head: one element of a folded tuple.
                int index = TupleIndex(element);
                _depth++;
                Value? tuple = Eval(tupleAccess.Expression, offset);
                _depth--;
                return tuple?.Items == null || index < 0 || index >= tuple.Items.Count ? null : new Value(tuple.Items[index]);
            }

            // Any field, readonly or not (static string[] P = { … }; P[0] + P[1]): its initializer holds the pieces the
            // program starts with, and a key written there is in the source whatever assigns the field later.
            bool followable = symbol is IFieldSymbol || symbol is ILocalSymbol;
            if (!followable || symbol!.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
            if (!(declaration is VariableDeclaratorSyntax declarator) || declarator.Initializer == null)
            {
                return null;
            }

            _depth++;
            int leaves = Leaves.Count;
            bool calls = _calls;
            _calls = true; // the name stands for its initializer's value, however that is built
            Value? value = Eval(declarator.Initializer.Value, offset);
            _calls = calls;
            _depth--;

            // Pieces folded from a declaration in another file are reported at the name that brings them here; in this
            // file, at the pieces themselves (the key's own lines).
            if (declarator.SyntaxTree != _model.SyntaxTree)
            {
                for (int i = leaves; i < Leaves.Count; i++)
                {
                    Leaves[i] = (name, Leaves[i].Start, Leaves[i].Value);
                }
            }

            return value;
        }

        /// <summary>The element a tuple field stands for: 0 for <c>Item1</c> or the first element's name, …; -1 when unknown.</summary>
        private static int TupleIndex(IFieldSymbol element)
        {
            string name = (element.CorrespondingTupleField ?? element).Name;
            return name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(name.Substring(4), out int n) ? n - 1 : -1;
        }

        /// <summary>The parameters of a callee being folded, each bound to its argument and the frame that argument is folded in.</summary>
        private sealed class Frame
        {
            public Frame(SyntaxNode body) => Body = body;

            public SyntaxNode Body { get; }

            public Dictionary<string, (ExpressionSyntax Value, Frame? Caller)> Arguments { get; } = new Dictionary<string, (ExpressionSyntax, Frame?)>(StringComparer.Ordinal);
        }

        private Frame? _frame;

        /// <summary>
        /// A call of a method or local function declared in this compilation whose body is one expression (<c>=&gt; a + b</c>,
        /// or <c>{ return a + b; }</c>): that expression, folded with each parameter standing for its argument. No loops, no
        /// statements, no <c>params</c>; the call must be in this file (the callee may be anywhere), at most
        /// <see cref="MaximumDepth"/> calls and names deep. Asked of the compiler only at a fold.
        /// </summary>
        private Value? SourceCall(InvocationExpressionSyntax invocation, int offset)
        {
            if (!_resolve || _depth >= MaximumDepth || invocation.SyntaxTree != _model.SyntaxTree ||
                !(_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method) || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
            ExpressionSyntax? body = declaration switch
            {
                MethodDeclarationSyntax m => OneExpression(m.ExpressionBody, m.Body),
                LocalFunctionStatementSyntax l => OneExpression(l.ExpressionBody, l.Body),
                _ => null,
            };

            return body == null ? null : Call(invocation, body, method.Parameters, invocation.ArgumentList, offset);
        }

        /// <summary>
        /// <c>new Cfg("…", "…").Key</c>: a member of a record or class with a primary constructor, declared as the
        /// constructor's parameter (a record's positional property) or as one expression over the parameters (<c>=&gt; A + B</c>,
        /// <c>{ get; } = a + b</c>, <c>get =&gt; …</c>).
        /// </summary>
        private Value? SourceMember(MemberAccessExpressionSyntax access, BaseObjectCreationExpressionSyntax creation, int offset)
        {
            if (!_resolve || _depth >= MaximumDepth || access.SyntaxTree != _model.SyntaxTree || creation.ArgumentList == null ||
                !(_model.GetSymbolInfo(creation, _cancellationToken).Symbol is IMethodSymbol constructor) || constructor.DeclaringSyntaxReferences.Length != 1 ||
                !(constructor.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is TypeDeclarationSyntax type) || type.ParameterList == null)
            {
                return null;
            }

            ISymbol? member = _model.GetSymbolInfo(access, _cancellationToken).Symbol;
            if (member == null || member.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode declaration = member.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
            if (declaration is ParameterSyntax positional)
            {
                // A record's positional property: the argument given to its parameter.
                int index = type.ParameterList.Parameters.IndexOf(positional);
                ExpressionSyntax? argument = index < 0 ? null : ArgumentFor(creation.ArgumentList.Arguments, index, positional.Identifier.ValueText);
                return argument == null ? null : Eval(argument, offset);
            }

            ExpressionSyntax? body = declaration switch
            {
                PropertyDeclarationSyntax p => p.ExpressionBody?.Expression ?? p.Initializer?.Value ?? Getter(p),
                VariableDeclaratorSyntax field => field.Initializer?.Value,
                _ => null,
            };

            return body == null ? null : Call(creation, body, constructor.Parameters, creation.ArgumentList, offset);
        }

        private static ExpressionSyntax? Getter(PropertyDeclarationSyntax property)
        {
            if (property.AccessorList == null)
            {
                return null;
            }

            foreach (AccessorDeclarationSyntax accessor in property.AccessorList.Accessors)
            {
                if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    return OneExpression(accessor.ExpressionBody, accessor.Body);
                }
            }

            return null;
        }

        /// <summary>The one expression a body is: <c>=&gt; e</c>, or a block of one <c>return e;</c>.</summary>
        private static ExpressionSyntax? OneExpression(ArrowExpressionClauseSyntax? arrow, BlockSyntax? block) =>
            arrow != null ? arrow.Expression
            : block != null && block.Statements.Count == 1 && block.Statements[0] is ReturnStatementSyntax r ? r.Expression
            : null;

        /// <summary><paramref name="body"/> folded with each of <paramref name="parameters"/> standing for its argument (by position or name, else its default).</summary>
        private Value? Call(ExpressionSyntax call, ExpressionSyntax body, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, ArgumentListSyntax arguments, int offset)
        {
            var frame = new Frame(body);
            for (int i = 0; i < parameters.Length; i++)
            {
                IParameterSymbol parameter = parameters[i];
                if (parameter.IsParams)
                {
                    return null;
                }

                if (ArgumentFor(arguments.Arguments, i, parameter.Name) is ExpressionSyntax value)
                {
                    frame.Arguments[parameter.Name] = (value, _frame);
                }
                else if (parameter.DeclaringSyntaxReferences.Length == 1 &&
                    parameter.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is ParameterSyntax declared && declared.Default != null)
                {
                    frame.Arguments[parameter.Name] = (declared.Default.Value, null);
                }
            }

            Frame? caller = _frame;
            int leaves = Leaves.Count;
            _frame = frame;
            _depth++;
            bool calls = _calls;
            _calls = true;
            Value? result = Eval(body, offset);
            _calls = calls;
            _depth--;
            _frame = caller;

            // Pieces written in the callee's file, not this one, are reported at the call that brings them here; empty
            // pieces (a default "" not passed) are no part of the key's text.
            for (int i = Leaves.Count - 1; i >= leaves; i--)
            {
                if (Leaves[i].Value.Length == 0)
                {
                    Leaves.RemoveAt(i);
                }
                else if (Leaves[i].Node.SyntaxTree != _model.SyntaxTree)
                {
                    Leaves[i] = (call, Leaves[i].Start, Leaves[i].Value);
                }
            }

            return result;
        }

        /// <summary>The argument for parameter <paramref name="index"/> named <paramref name="name"/>: by name, else by position before any named one.</summary>
        private static ExpressionSyntax? ArgumentFor(SeparatedSyntaxList<ArgumentSyntax> args, int index, string name)
        {
            for (int j = 0; j < args.Count; j++)
            {
                if (args[j].NameColon != null)
                {
                    if (args[j].NameColon!.Name.Identifier.ValueText == name)
                    {
                        return args[j].Expression;
                    }
                }
                else if (j == index)
                {
                    return args[j].Expression;
                }
            }

            return null;
        }
    }
}
