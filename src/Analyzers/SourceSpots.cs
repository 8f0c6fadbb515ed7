using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// The few places in one syntax tree where GRD001 needs a closer look, found on the raw text with ordinal searches
    /// (the same prefilter that scans files at GB/s) instead of a walk over every node and token. Computed once per tree
    /// and kept while the tree lives, so the IDE pays again only for the document that changed.
    /// <list type="bullet">
    /// <item><see cref="Anchors"/>: where a provider prefix starts (in a literal, a comment or anywhere else).</item>
    /// <item><see cref="Escapes"/>: <c>\u</c>, <c>\U</c> and <c>\x</c> escapes, which can spell a prefix the raw text hides.</item>
    /// <item><see cref="NamedCandidates"/>: the inside of a pair of quotes that holds a token some name could make a key
    /// (<see cref="SecretScanner.MightBeNamedValue(string, int, int)"/>); URLs, prose, GUID-free hashes and identifiers are out.</item>
    /// <item><see cref="Joins"/>: a closing quote followed by <c>+</c> and another string: literals joined in source, where
    /// a key may be split anywhere, even inside its prefix.</item>
    /// <item><see cref="ConstantChain"/>: names of <c>const</c>s whose initializer holds an anchor or escape: pieces that other
    /// constants may fold into a key (see <see cref="ConstantChain"/>).</item>
    /// </list>
    /// Positions are candidates only: a quote inside a comment or a char literal pairs up wrongly, and an anchor may sit in
    /// an identifier. Every consumer asks the syntax tree what token is really there.
    /// </summary>
    internal sealed class SourceSpots
    {
        private static readonly ConditionalWeakTable<SyntaxTree, SourceSpots> Cache = new ConditionalWeakTable<SyntaxTree, SourceSpots>();

        private SourceSpots(List<int> anchors, List<int> escapes, List<NamedCandidate> namedCandidates, List<int> joins, List<string> keyConstants, List<int> builders, List<int> multiLine, List<int> namedPieces,
            List<int> splitAnchors, List<int> slices, List<int> namedInterpolations, List<int> charArrays, List<int> namedComposites, List<int> encoded)
        {
            Encoded = encoded;
            NamedComposites = namedComposites;
            SplitAnchors = splitAnchors;
            Slices = slices;
            NamedInterpolations = namedInterpolations;
            CharArrays = charArrays;
            NamedPieces = namedPieces;
            Builders = builders;
            MultiLineLiterals = multiLine;
            Anchors = anchors;
            Escapes = escapes;
            NamedCandidates = namedCandidates;
            Joins = joins;
            KeyConstants = keyConstants;
        }

        public IReadOnlyList<int> Anchors { get; }

        /// <summary>
        /// The inside of a pair of quotes that reads, as hex or base64, as text with a key anchor in it (or that has escapes
        /// and starts like such a value; <see cref="EncodedKeys.MightHoldKey"/>), or that is <c>Basic </c> followed by such a
        /// value (an Authorization header's credentials): a key that may be carried encoded, whatever names it. Judged on the source text without allocating, so the tree is searched only for these.
        /// </summary>
        public IReadOnlyList<int> Encoded { get; }

        public IReadOnlyList<int> Escapes { get; }

        public IReadOnlyList<NamedCandidate> NamedCandidates { get; }

        /// <summary>Positions of closing quotes followed by <c>+</c> and another string literal.</summary>
        public IReadOnlyList<int> Joins { get; }

        public IReadOnlyList<string> KeyConstants { get; }

        /// <summary>
        /// Calls that turn data with no visible key into a string (<c>new string(</c>, <c>GetString(</c>,
        /// <c>FromBase64String(</c>, <c>FromHexString(</c>, <c>Reverse(</c>, a literal's <c>.Split(</c>): the position of the call's name.
        /// </summary>
        public IReadOnlyList<int> Builders { get; }

        /// <summary>
        /// The inside of a literal that is a piece of a longer value (a <c>+</c>, <c>,</c>, <c>)</c>, <c>}</c> or <c>.</c>
        /// follows it) assigned to a name with a secret word in it, on its line or the two above
        /// (<c>var mistralApiKey = string.Concat("…", "…")</c>): a key with no fixed format assembled from pieces, none of
        /// which is long enough to be a <see cref="NamedCandidates"/> spot.
        /// </summary>
        public IReadOnlyList<int> NamedPieces { get; }

        /// <summary>
        /// The inside of a literal of key characters that ends with the start of an anchor that has no separator
        /// (<c>JQQJ99</c>, the marker in the middle of Azure's 84-character keys): a key split by a call or across
        /// constants right inside its marker, so that no piece holds an anchor. Treated as an anchor.
        /// </summary>
        public IReadOnlyList<int> SplitAnchors { get; }

        /// <summary>The <c>[</c> right after a closing quote: a literal sliced (<c>"…"[..n]</c>, <c>"…"[a..b]</c>, <c>"…"[^1]</c>).</summary>
        public IReadOnlyList<int> Slices { get; }

        /// <summary>
        /// The <c>$"</c> of an interpolation that starts with a hole and is assigned to a name with a secret word in it
        /// (<c>MistralApiKey = $"{A}{B}"</c>): a key with no fixed format put together from constants declared elsewhere.
        /// </summary>
        public IReadOnlyList<int> NamedInterpolations { get; }

        /// <summary>
        /// The start of a value given to a name with a secret word in it (<c>=</c> or <c>=&gt;</c>) that joins names with no
        /// string literal of its own (<c>const string MistralApiKey = Part1 + Part2;</c>, <c>string.Concat(Parts)</c>): a key
        /// with no fixed format put together from constants declared elsewhere, where no quote points (see
        /// <see cref="CollectNamedComposites"/>).
        /// </summary>
        public IReadOnlyList<int> NamedComposites { get; }

        /// <summary>The first of a run of char literals separated by commas (<c>'s', 'k', …</c>): an array of chars.</summary>
        public IReadOnlyList<int> CharArrays { get; }

        /// <summary>
        /// Starts of raw (<c>"""</c>) and verbatim (<c>@"</c>) literals that may hold configuration text over several lines:
        /// those whose source text spans lines and could hold a named value (see <see cref="RawContentEnd"/>), and every
        /// interpolated one (its holes may hold quotes, so its end is not looked for on the text) but an interpolated raw
        /// literal with a hole before its first closing delimiter (see <see cref="OpensAHole"/>).
        /// </summary>
        public IReadOnlyList<int> MultiLineLiterals { get; }

        /// <summary>The call names that <see cref="Builders"/> looks for, each followed by '('.</summary>
        internal static readonly string[] BuilderCalls = { "new string(", "GetString(", "FromBase64String(", "FromHexString(", "Reverse(", "\".Split(", "\".Insert(", "\".PadRight(", "\".PadLeft(", "UnescapeDataString(", "UrlDecode(", "HtmlDecode(", "Unescape(", "\".Replace(", "\".Remove(", "\".Substring(", "\".ToUpper", "\".ToLower", "\".AsSpan(", "Regex.Replace(", "Base64Url.DecodeFrom", "nameof(" };

        /// <summary>The <see cref="BuilderCalls"/> that end in <see cref="StringCallEnd"/>.</summary>
        private static readonly string[] StringCalls = { BuilderCalls[0], BuilderCalls[1], BuilderCalls[2], BuilderCalls[3] };

        private const string StringCallEnd = "tring(";

        private static readonly string ReverseCall = BuilderCalls[4];

        /// <summary>
        /// The <see cref="BuilderCalls"/> on a literal receiver (<c>"…".Split(</c>, <c>.Insert(</c>, <c>.PadRight(</c>,
        /// <c>.PadLeft(</c>, <c>.Replace(</c>, <c>.Remove(</c>, <c>.Substring(</c>, <c>.ToUpper…</c>, <c>.ToLower…</c>, <c>.AsSpan(</c>), found at its closing quote: junk
        /// inside a key's prefix removed at run time leaves no anchor in the literal.
        /// </summary>
        private static readonly string[] LiteralCalls = { BuilderCalls[5], BuilderCalls[6], BuilderCalls[7], BuilderCalls[8], BuilderCalls[13], BuilderCalls[14], BuilderCalls[15], BuilderCalls[16], BuilderCalls[17], BuilderCalls[18] };

        /// <summary>What the decoder <see cref="BuilderCalls"/> contain: <c>UrlDecode(</c>/<c>HtmlDecode(</c>, <c>Unescape(</c>/<c>UnescapeDataString(</c>.</summary>
        private static readonly string[] DecoderMarks = { "Decode(", "Unescape" };

        private static readonly string DecodeCall = DecoderMarks[0];

        /// <summary>Static calls whose name ends in none of the marks above: <c>Regex.Replace(</c>, <c>Base64Url.DecodeFromChars(</c>/<c>DecodeFromUtf8(</c>.</summary>
        private static readonly string RegexReplaceCall = BuilderCalls[19];

        private static readonly string Base64UrlMark = BuilderCalls[20];

        /// <summary><c>nameof(</c>: a constant string (C# spec §12.8.23) that may be a key's head joined by <c>+</c> to the rest.</summary>
        private static readonly string NameofCall = BuilderCalls[21];

        private static readonly string Base64UrlChars = Base64UrlMark + "Chars(";

        private static readonly string Base64UrlUtf8 = Base64UrlMark + "Utf8(";

        private static readonly string UnescapeMark = DecoderMarks[1];

        /// <summary>
        /// The call names that end in <c>(</c> (<see cref="StringCalls"/>, <c>Reverse(</c>, <c>Decode(</c>), found in one
        /// pass over the opening parentheses (far fewer than the characters three searches would read), added in the
        /// order three searches would add them: every <see cref="StringCalls"/> call, then every <c>Reverse(</c>, then
        /// every <c>Decode(</c>.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static void CollectCalls(string text, List<int> builders)
        {
            List<int>? reverses = null, decodes = null;
            for (int paren = text.IndexOf('('); paren >= 0; paren = text.IndexOf('(', paren + 1))
            {
                int end = paren + 1;
                if (paren < 2 || !MayEndACall(text[paren - 2], text[paren - 1]))
                {
                    continue; // most parentheses: the two characters before them end none of the names below
                }

                if (EndsWith(text, end, StringCallEnd))
                {
                    // new string(, GetString(, FromBase64String(, FromHexString(: each ends in "tring(".
                    foreach (string call in StringCalls)
                    {
                        if (EndsWith(text, end, call))
                        {
                            int start = end - call.Length;
                            builders.Add(call[0] == 'n' ? start + 4 : start);
                            break;
                        }
                    }
                }
                else if (EndsWith(text, end, ReverseCall))
                {
                    (reverses ??= new List<int>()).Add(end - ReverseCall.Length);
                }
                else if (EndsWith(text, end, DecodeCall))
                {
                    (decodes ??= new List<int>()).Add(end - DecodeCall.Length);
                }
                else if (EndsWith(text, end, NameofCall))
                {
                    // Only a nameof joined with + (nameof(x) + "…", "…" + nameof(x)) builds a string worth folding; the
                    // many nameof(parameter) in argument checks and logging do not.
                    int close = text.IndexOf(')', end);
                    if (close > 0 && (NextNonSpace(text, close + 1) == '+' || PreviousNonSpace(text, end - NameofCall.Length - 1) == '+'))
                    {
                        (decodes ??= new List<int>()).Add(end - NameofCall.Length);
                    }
                }
                else if (EndsWith(text, end, RegexReplaceCall))
                {
                    (decodes ??= new List<int>()).Add(end - "Replace(".Length);
                }
                else if (EndsWith(text, end, Base64UrlChars) || EndsWith(text, end, Base64UrlUtf8))
                {
                    (decodes ??= new List<int>()).Add(text.LastIndexOf(Base64UrlMark, paren, StringComparison.Ordinal) + "Base64Url.".Length);
                }
            }

            if (reverses != null)
            {
                builders.AddRange(reverses);
            }

            if (decodes != null)
            {
                builders.AddRange(decodes);
            }
        }

        /// <summary>
        /// The two characters before a '(' end one of the call names <see cref="CollectCalls"/> compares (<see cref="CallNamesEndingInParen"/>):
        /// a gate, so that most parentheses of the text are passed over after two character reads.
        /// </summary>
        private static bool MayEndACall(char beforeLast, char last)
        {
            if (last >= 128 || CallEndings[last] is not string befores)
            {
                return false;
            }

            return befores.IndexOf(beforeLast) >= 0;
        }

        /// <summary>Every name <see cref="CollectCalls"/> compares at a '(' (each ends with it).</summary>
        private static string[] CallNamesEndingInParen => new[] { StringCallEnd, ReverseCall, DecodeCall, NameofCall, RegexReplaceCall, Base64UrlChars, Base64UrlUtf8 };

        /// <summary>For each ASCII character: the characters that come before it in a name of <see cref="CallNamesEndingInParen"/> right before the '('.</summary>
        private static readonly string?[] CallEndings = BuildCallEndings();

        private static string?[] BuildCallEndings()
        {
            var endings = new string?[128];
            foreach (string call in CallNamesEndingInParen)
            {
                char last = call[call.Length - 2], beforeLast = call[call.Length - 3];
                endings[last] += beforeLast.ToString();
            }

            return endings;
        }

        private static char NextNonSpace(string text, int i)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            {
                i++;
            }

            return i < text.Length ? text[i] : '\0';
        }

        private static char PreviousNonSpace(string text, int i)
        {
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            {
                i--;
            }

            return i >= 0 ? text[i] : '\0';
        }

        /// <summary><paramref name="text"/> holds <paramref name="value"/> ending right before <paramref name="end"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool EndsWith(string text, int end, string value) =>
            end >= value.Length && string.CompareOrdinal(text, end - value.Length, value, 0, value.Length) == 0;

        /// <summary>Nothing in the tree is worth a closer look (the common case).</summary>
        public bool IsEmpty => Anchors.Count == 0 && Escapes.Count == 0 && NamedCandidates.Count == 0 && Joins.Count == 0 && Builders.Count == 0 && MultiLineLiterals.Count == 0 && NamedPieces.Count == 0 &&
            SplitAnchors.Count == 0 && Slices.Count == 0 && NamedInterpolations.Count == 0 && CharArrays.Count == 0 && NamedComposites.Count == 0 && Encoded.Count == 0;

        public static SourceSpots For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(tree, out SourceSpots? spots))
            {
                return spots;
            }

            // Computed outside the table's lock; two threads may both compute, one result is kept. Cancellation leaves
            // nothing behind.
            spots = Compute(tree, cancellationToken);
            return Cache.GetValue(tree, _ => spots);
        }

        [MethodImpl(HotPath.Optimized)]
        internal static SourceSpots Compute(SyntaxTree tree, CancellationToken cancellationToken)
        {
            string text = TreeText.Of(tree, cancellationToken);
            var anchors = new List<int>();
            SecretScanner.CollectAnchors(text, anchors);
            cancellationToken.ThrowIfCancellationRequested();

            // \u, \U and \x escapes, and a URL's %XX escape (adversary round 13 route 1: "…?api-key=sk%2Dproj-…") once per run
            // of them (%73%6B%2D…): one pass over both, in text order.
            var escapes = new List<int>();
            int afterBackslash = 0; // a backslash before this is the one escaped by the backslash before it ("\\u" is no escape)
            for (int i = text.IndexOfAny(EscapeStarts); i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(EscapeStarts, i + 1) : -1)
            {
                if (text[i] == '\\')
                {
                    if (i < afterBackslash || i + 1 >= text.Length)
                    {
                        continue;
                    }

                    char next = text[i + 1];
                    if (next == 'u' || next == 'U' || next == 'x')
                    {
                        escapes.Add(i);
                    }

                    afterBackslash = i + 2;
                }
                else if (i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]) && (i < 3 || text[i - 3] != '%'))
                {
                    escapes.Add(i);
                }
            }

            var named = new List<NamedCandidate>();
            var joins = new List<int>();
            var builders = new List<int>();
            var multiLine = new List<int>();
            var namedPieces = new List<int>();
            var splitAnchors = new List<int>();
            var slices = new List<int>();
            var namedInterpolations = new List<int>();
            var encoded = new List<int>();
            int rawEnd = 0;
            var assigned = new AssignedName();
            int[] quotes = TreeText.QuotesOf(tree, cancellationToken);
            for (int k = 0; k < quotes.Length; k++)
            {
                int quote = quotes[k];
                if (JoinsAnotherString(text, quote))
                {
                    joins.Add(quote);
                }

                // Raw (""", left to right, not overlapping) and verbatim (@") literals, and a literal's ".Split(", found at
                // the quotes this loop visits anyway instead of in passes of their own.
                if (quote >= rawEnd && quote + 2 < text.Length && text[quote + 1] == '"' && text[quote + 2] == '"')
                {
                    int contentEnd = RawContentEnd(text, quote, out int contentStart, out int delimiter);
                    if (quote == 0 || text[quote - 1] != '$')
                    {
                        if (quote == 0 || SpansLinesAndMayHoldNamedValue(text, contentStart, contentEnd))
                        {
                            multiLine.Add(quote + 3);
                        }
                    }
                    else if (!OpensAHole(text, quote, contentStart, contentEnd))
                    {
                        multiLine.Add(InterpolatedRawTextStart(text, contentStart, contentEnd));
                    }

                    // Its closing delimiter opens nothing: the next raw literal is looked for after it (an unterminated one:
                    // after its opening delimiter).
                    rawEnd = contentEnd < text.Length ? contentEnd + delimiter : quote + 3;
                }

                if (quote > 0 && text[quote - 1] == '@')
                {
                    if (quote == 1 || text[quote - 2] == '$' || VerbatimMayHoldNamedValue(text, quote + 1))
                    {
                        multiLine.Add(quote + 1);
                    }
                }
                else if (quote > 1 && text[quote - 1] == '$' && text[quote - 2] == '@')
                {
                    multiLine.Add(quote + 1); // @$"…": interpolated verbatim (its holes may hold quotes: not judged here)
                }

                if (quote + 1 < text.Length && text[quote + 1] == '[')
                {
                    slices.Add(quote + 1); // an opening quote of a literal starting with '[' too: the tree tells them apart
                }
                else if (quote > 0 && text[quote - 1] == '$' && quote + 2 < text.Length && text[quote + 1] == '{' && text[quote + 2] != '{' && AssignedToASecretName(text, quote, ref assigned))
                {
                    namedInterpolations.Add(quote - 1);
                }

                if (quote + 1 < text.Length && text[quote + 1] == '.')
                {
                    foreach (string call in LiteralCalls)
                    {
                        if (string.CompareOrdinal(text, quote, call, 0, call.Length) == 0)
                        {
                            builders.Add(quote + 2);
                            break;
                        }
                    }
                }

                if (k + 1 == quotes.Length)
                {
                    break;
                }

                int next = quotes[k + 1];

                int run = next - quote - 1;
                bool token = run >= NamedPieceMinimumRun && MayBeToken(text, quote + 1, run);
                if (token && run >= NamedMinimumRun && !AssignedToAPlainName(text, quote) &&
                    SecretScanner.MightBeNamedValue(text, quote + 1, run, out IReadOnlyList<string>? hints))
                {
                    named.Add(new NamedCandidate(quote + 1, hints));
                }

                if (run >= EncodedKeys.MinimumLength && EncodedKeys.MightHoldKey(text, quote + 1, run))
                {
                    encoded.Add(quote + 1);
                }
                else if (run > EncodedKeys.MinimumLength + 6 && (text[quote + 1] == 'B' || text[quote + 1] == 'b') &&
                         string.CompareOrdinal(text, quote + 2, "asic ", 0, 5) == 0 && EncodedKeys.MightHoldKey(text, quote + 7, run - 6))
                {
                    encoded.Add(quote + 1); // "Basic <base64 of user:key>": an Authorization header value (see EncodedKeys.BasicCredentials)
                }

                if (token && run < MaximumPieceRun && IsPiece(text, quote, next) && AssignedToASecretName(text, quote, ref assigned))
                {
                    namedPieces.Add(quote + 1);
                }

                if (token && quote > 0 && CharCastJoinsThisString(text, quote))
                {
                    joins.Add(next); // (char)115 + "k-proj-…": a key's first character as its code, joined with the rest
                }

                if (run >= SplitAnchorMinimumRun && run < MaximumPieceRun && EndsWithSplitAnchor(text, quote + 1, next))
                {
                    splitAnchors.Add(quote + 1);
                }
                else if (run >= 1 && run < ShortHeadMaximumRun && SecretScanner.IsKeyHead(text, quote + 1, run) && (IsPiece(text, quote, next) || IsWholeInitializer(text, quote, next)))
                {
                    splitAnchors.Add(quote + 1); // "AS" + …, string.Concat("gh", …), const string Head = "AIz";: a key cut inside its prefix
                }

            }

            CollectCalls(text, builders);

            // Regex.Unescape, Uri.UnescapeDataString(: inside the name, with or without a call.
            for (int at = text.IndexOf(UnescapeMark, StringComparison.Ordinal); at >= 0; at = text.IndexOf(UnescapeMark, at + UnescapeMark.Length, StringComparison.Ordinal))
            {
                builders.Add(at);
            }

            // 's', 'k', '-', …: one spot per run of char literals joined by commas.
            var charArrays = new List<int>();
            CollectCharArrays(text, charArrays, joins);

            var namedComposites = new List<int>();
            CollectNamedComposites(text, namedComposites);

            cancellationToken.ThrowIfCancellationRequested();
            var keyConstants = new List<string>();
            if (anchors.Count + escapes.Count + splitAnchors.Count > 0)
            {
                SyntaxNode root = tree.GetRoot(cancellationToken);
                AddConstantsWithStringsAt(root, anchors, keyConstants, includeFields: true);
                AddConstantsWithStringsAt(root, escapes, keyConstants, includeFields: true);
                AddConstantsWithStringsAt(root, splitAnchors, keyConstants, includeFields: true);
            }

            return new SourceSpots(anchors, escapes, named, joins, keyConstants, builders, multiLine, namedPieces, splitAnchors, slices, namedInterpolations, charArrays, namedComposites, encoded);
        }

        /// <summary>
        /// The raw literal whose opening delimiter (<paramref name="delimiter"/> quotes) starts at <paramref name="quote"/>:
        /// where its content starts and ends (the end of the text when it is not closed). A raw literal (not interpolated)
        /// becomes a <see cref="MultiLineLiterals"/> spot only when that content spans lines and could hold a value that a
        /// name in it makes a key (<see cref="SpansLinesAndMayHoldNamedValue"/> on the source text, which is the value's
        /// text plus indentation): a self-identifying key in one is an <see cref="Anchors"/> spot already; most are SQL,
        /// markup or prose.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static int RawContentEnd(string text, int quote, out int start, out int delimiter)
        {
            int quotes = 3;
            while (quote + quotes < text.Length && text[quote + quotes] == '"')
            {
                quotes++;
            }

            // The content ends at the first run of as many quotes as opened it (it holds no such run).
            delimiter = quotes;
            start = quote + quotes;
            int end = start;
            while (true)
            {
                int next = text.IndexOf(TripleQuote, end, StringComparison.Ordinal);
                if (next < 0)
                {
                    end = text.Length;
                    break;
                }

                int run = 3;
                while (next + run < text.Length && text[next + run] == '"' && run < quotes)
                {
                    run++;
                }

                if (run >= quotes)
                {
                    end = next;
                    break;
                }

                end = next + run;
            }

            return end;
        }

        private const string TripleQuote = "\"\"\"";

        /// <summary>What starts an <see cref="Escapes"/> spot: a backslash escape or a <c>%XX</c>.</summary>
        private static readonly char[] EscapeStarts = { '\\', '%' };

        /// <summary>
        /// The interpolated raw literal whose delimiter starts at <paramref name="quote"/> (after its <c>$</c>s) has a hole
        /// before <paramref name="contentEnd"/>: a run of at least as many <c>{</c> as it has <c>$</c>. Before its first hole a
        /// raw literal's content holds no run of quotes as long as its delimiter, so the first such run (where
        /// <see cref="RawContentEnd"/> stopped) is not before the real end unless a hole opened first: a hole found here is
        /// a real one. Such a literal is text pieces and holes, and GRD001 judges a piece of an interpolation only with the
        /// whole value (<c>CheckConcatenation</c>), never as configuration text: its <see cref="MultiLineLiterals"/> spot
        /// would be a token lookup that judges nothing (a key in a piece is an <see cref="Anchors"/> spot of its own).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool OpensAHole(string text, int quote, int contentStart, int contentEnd)
        {
            int dollars = 0;
            while (quote - dollars - 1 >= 0 && text[quote - dollars - 1] == '$')
            {
                dollars++;
            }

            for (int brace = contentStart < contentEnd ? text.IndexOf('{', contentStart, contentEnd - contentStart) : -1; brace >= 0;)
            {
                int run = 1;
                while (brace + run < contentEnd && text[brace + run] == '{')
                {
                    run++;
                }

                if (run >= dollars)
                {
                    return true;
                }

                int from = brace + run;
                brace = from < contentEnd ? text.IndexOf('{', from, contentEnd - from) : -1;
            }

            return false;
        }

        /// <summary>
        /// Where the one text token of an interpolated raw literal with no hole starts: its opening token
        /// (<c>InterpolatedMultiLineRawStringStartToken</c>) runs to the end of the opening line, so over several lines the text
        /// starts on the next line (at the delimiter the spot would find the opening token, not a string, and the
        /// configuration text in it would never be judged); on one line, right after the delimiter.
        /// </summary>
        private static int InterpolatedRawTextStart(string text, int contentStart, int contentEnd)
        {
            int newLine = contentStart < contentEnd ? text.IndexOf('\n', contentStart, contentEnd - contentStart) : -1;
            return newLine >= 0 && newLine + 1 < contentEnd ? newLine + 1 : contentStart;
        }

        /// <summary>The verbatim literal (not interpolated) whose text starts at <paramref name="start"/>: see <see cref="RawContentEnd"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool VerbatimMayHoldNamedValue(string text, int start)
        {
            // The content ends at the first quote that is not doubled.
            int end = start;
            while (true)
            {
                int next = text.IndexOf('"', end);
                if (next < 0)
                {
                    end = text.Length;
                    break;
                }

                if (next + 1 < text.Length && text[next + 1] == '"')
                {
                    end = next + 2;
                    continue;
                }

                end = next;
                break;
            }

            return SpansLinesAndMayHoldNamedValue(text, start, end);
        }

        /// <summary>
        /// The text spans lines, and holds a named value with its name (configuration text), or is one token alone on its
        /// lines (a raw literal's value drops its first and last line: the code around names it).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool SpansLinesAndMayHoldNamedValue(string text, int start, int end)
        {
            if (end <= start || text.IndexOf('\n', start, end - start) < 0)
            {
                return false;
            }

            int first = start, last = end;
            while (first < last && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            while (last > first && char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            return (last - first >= NamedMinimumRun && MayBeToken(text, first, last - first)) ||
                   Guardrails.Core.Files.TextFileSecrets.MightHoldNamedValue(text, start, end - start);
        }

        /// <summary>The inside of a pair of quotes that may be a key under some name, and what that name must contain.</summary>
        internal readonly struct NamedCandidate
        {
            public NamedCandidate(int position, IReadOnlyList<string>? nameHints)
            {
                Position = position;
                NameHints = nameHints;
            }

            public int Position { get; }

            /// <summary>See <see cref="SecretScanner.NameHints"/>: null when any secret-like name will do.</summary>
            public IReadOnlyList<string>? NameHints { get; }
        }

        /// <summary>
        /// The cheap half of <see cref="SecretScanner.MightBeNamedValue(string, int, int, out IReadOnlyList{string})"/>: a run
        /// of token characters (or a "Bearer …" value). Between most pairs of quotes stands prose, SQL, a URL with a port, or
        /// code between two literals: out at the first space, colon or bracket, before anything allocates.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool MayBeToken(string text, int start, int length)
        {
            char first = text[start];
            if (first == 'B' || first == 'b')
            {
                return true;
            }

            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c >= TokenCharacters.Length || !TokenCharacters[c])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><see cref="SecretScanner.IsTokenCharacter"/> for every ASCII character (none above is one), looked up in the scan loop.</summary>
        private static readonly bool[] TokenCharacters = BuildTokenCharacters();

        private static bool[] BuildTokenCharacters()
        {
            var table = new bool[128];
            for (char c = '\0'; c < 128; c++)
            {
                table[c] = SecretScanner.IsTokenCharacter(c);
            }

            return table;
        }

        /// <summary>
        /// <c>name = "…"</c> (a declarator, property or parameter default, assignment or named argument) where the name
        /// has no secret word in it: what the code calls the value is right there, and no such name makes a value a key
        /// (a "Bearer …" value excepted, which is judged under any name). Saves finding the token for most key-shaped
        /// literals (hashes, ETags, ids).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool AssignedToAPlainName(string text, int quote)
        {
            if (string.Compare(text, quote + 1, "Bearer ", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return false;
            }

            int i = quote - 1;
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t'))
            {
                i--;
            }

            // A plain '=', not '==', '<=', '>=', '!=' or a compound assignment.
            if (i < 1 || text[i] != '=' || "=<>!+-*/%&|^?".IndexOf(text[i - 1]) >= 0)
            {
                return false;
            }

            i--;
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t'))
            {
                i--;
            }

            // An auto-property's initializer: Name { get; set; } = "…" (also init, private set, …).
            if (i >= 0 && text[i] == '}')
            {
                int open = i - 1;
                while (open >= 0 && i - open < 64 && (char.IsLetter(text[open]) || text[open] == ';' || text[open] == ' ' || text[open] == '\t'))
                {
                    open--;
                }

                if (open < 0 || text[open] != '{')
                {
                    return false;
                }

                i = open - 1;
                while (i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
                {
                    i--;
                }
            }

            int end = i + 1;
            while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i--;
            }

            if (end - (i + 1) == 0 || (i >= 0 && text[i] == '\\'))
            {
                return false; // no identifier, or one written with a unicode escape
            }

            return !SecretScanner.NameMayBeSecretLike(text, i + 1, end - i - 1) && !CommentNearby(text, quote);
        }

        /// <summary>A comment on the line of <paramref name="position"/> or on the line above (it may name the value).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool CommentNearby(string text, int position)
        {
            int lineStart = position > 0 ? text.LastIndexOf('\n', position - 1) : -1;
            int previousStart = lineStart > 0 ? text.LastIndexOf('\n', lineStart - 1) : -1;
            int lineEnd = text.IndexOf('\n', position);
            int from = previousStart + 1;
            int to = lineEnd < 0 ? text.Length : lineEnd;
            return text.IndexOf("//", from, to - from, StringComparison.Ordinal) >= 0 || text.IndexOf("*/", from, to - from, StringComparison.Ordinal) >= 0 ||
                (lineStart > from && text.IndexOf(AttributeWithString, from, lineStart - from, StringComparison.Ordinal) >= 0);
        }

        /// <summary>
        /// The end of an attribute with a string argument (<c>[JsonPropertyName("mistral_api_key")]</c> on the line above): the
        /// name a member is serialized or bound under may make its value a key (see <see cref="CredentialSinks.ProviderKeyInContext"/>).
        /// </summary>
        private const string AttributeWithString = "\")]";

        /// <summary>How far after its <c>=</c> a value of names is looked at for its end (a <c>;</c>).</summary>
        private const int CompositeLookAhead = 200;

        private static readonly char[] CompositeEnds = { ';', '"', '\'', '{', '\n' };

        /// <summary>
        /// <see cref="NamedComposites"/>: every <c>=</c> (or <c>=&gt;</c>) whose value, up to its <c>;</c> on the same line,
        /// holds no quote and joins things (a <c>+</c> or a call), and whose name before it has a secret word in it. The tests
        /// run cheapest first: the characters around the <c>=</c>, the value's first character (a literal, a number,
        /// <c>null</c>, <c>new</c> or <c>await</c> starts no names-only value), the value's end, and only then the name.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static void CollectNamedComposites(string text, List<int> spots)
        {
            for (int eq = text.IndexOf('='); eq > 0 && eq + 2 < text.Length; eq = text.IndexOf('=', eq + 2))
            {
                char next = text[eq + 1];
                if (next == '=' || "=<>!+-*/%&|^?".IndexOf(text[eq - 1]) >= 0)
                {
                    continue; // ==, <=, >=, !=, a compound assignment
                }

                int value = SkipSpaces(text, next == '>' ? eq + 2 : eq + 1);
                if (value >= text.Length)
                {
                    return;
                }

                char first = text[value];
                if (!(char.IsLetter(first) || first == '_' || first == '(') || StartsAKeywordValue(text, value, first))
                {
                    continue;
                }

                int end = text.IndexOfAny(CompositeEnds, value, Math.Min(CompositeLookAhead, text.Length - value));
                if (end < 0 || text[end] != ';' || (text.IndexOf('+', value, end - value) < 0 && text.IndexOf('(', value, end - value) < 0))
                {
                    continue; // not one statement's value, holds a literal or a block, or is one name (an alias)
                }

                int nameEnd = eq - 1;
                while (nameEnd >= 0 && (text[nameEnd] == ' ' || text[nameEnd] == '\t'))
                {
                    nameEnd--;
                }

                if (nameEnd >= 0 && text[nameEnd] == '}')
                {
                    // An auto-property's initializer: MistralApiKey { get; } = A + B; (also init, private set, …).
                    nameEnd = AutoPropertyNameEnd(text, nameEnd);
                }

                int nameStart = nameEnd;
                while (nameStart >= 0 && (char.IsLetterOrDigit(text[nameStart]) || text[nameStart] == '_'))
                {
                    nameStart--;
                }

                if (nameEnd - nameStart >= 3 && SecretScanner.NameMayBeSecretLike(text, nameStart + 1, nameEnd - nameStart))
                {
                    spots.Add(value);
                }
            }
        }

        /// <summary>
        /// Before the <c>}</c> at <paramref name="close"/> of an accessor list (<c>{ get; set; }</c>, <c>{ get; init; }</c>,
        /// at most 64 characters of letters, <c>;</c> and spaces): the end of the property's name, or -1.
        /// </summary>
        private static int AutoPropertyNameEnd(string text, int close)
        {
            int open = close - 1;
            while (open >= 0 && close - open < 64 && (char.IsLetter(text[open]) || text[open] == ';' || text[open] == ' ' || text[open] == '\t'))
            {
                open--;
            }

            if (open < 0 || text[open] != '{')
            {
                return -1;
            }

            int end = open - 1;
            while (end >= 0 && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r' || text[end] == '\n'))
            {
                end--;
            }

            return end;
        }

        [MethodImpl(HotPath.Optimized)]
        private static int SkipSpaces(string text, int i)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            return i;
        }

        /// <summary>
        /// <c>new</c>, <c>null</c>, <c>await</c>, <c>default</c>, <c>true</c> or <c>false</c> at <paramref name="at"/>, whose first
        /// character is <paramref name="first"/>: a value that starts no names-only value (each word compared only after its
        /// first character matched).
        /// </summary>
        private static bool StartsAKeywordValue(string text, int at, char first)
        {
            switch (first)
            {
                case 'n':
                    return StartsWord(text, at, "new") || StartsWord(text, at, "null");
                case 'a':
                    return StartsWord(text, at, "await");
                case 'd':
                    return StartsWord(text, at, "default");
                case 't':
                    return StartsWord(text, at, "true");
                case 'f':
                    return StartsWord(text, at, "false");
                default:
                    return false;
            }
        }

        /// <summary><paramref name="word"/> at <paramref name="at"/>, followed by no identifier character.</summary>
        private static bool StartsWord(string text, int at, string word) =>
            string.CompareOrdinal(text, at, word, 0, word.Length) == 0 && (at + word.Length >= text.Length || !(char.IsLetterOrDigit(text[at + word.Length]) || text[at + word.Length] == '_'));

        /// <summary>The separator-free anchor a key may be split inside of (Azure's 84-character keys carry it in the middle).</summary>
        private const string SplittableAnchor = "JQQJ99";

        /// <summary>A literal shorter than this that ends with the start of <see cref="SplittableAnchor"/> is not taken for a key's piece.</summary>
        private const int SplitAnchorMinimumRun = 8;

        /// <summary>Char literals separated by a comma (with or without a space): the ends of <c>'x', '</c> and <c>'x','</c>.</summary>
        private static readonly string[] CharCommas = { "', '", "','" };

        /// <summary>
        /// The <see cref="CharArrays"/> spots: for each of the <see cref="CharCommas"/> (in that order), the first of each
        /// run of its occurrences no more than <see cref="CharRunGap"/> apart. One pass over the apostrophes (rare in
        /// code) instead of one search per comma form.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static void CollectCharArrays(string text, List<int> charArrays, List<int> joins)
        {
            List<int>? second = null;
            int lastEnd0 = -1, lastEnd1 = -1;
            for (int at = text.IndexOf('\''); at >= 0; at = text.IndexOf('\'', at + 1))
            {
                if (CharJoinsAString(text, at) is int close)
                {
                    joins.Add(close); // 's' + "k-proj-…": a key's first character as a char, joined with the rest
                }

                for (int form = 0; form < CharCommas.Length; form++)
                {
                    string comma = CharCommas[form];
                    if (string.CompareOrdinal(text, at, comma, 0, comma.Length) != 0)
                    {
                        continue;
                    }

                    ref int lastEnd = ref form == 0 ? ref lastEnd0 : ref lastEnd1;

                    // Occurrences of one form do not overlap: the next is looked for after this one's end.
                    if (at < lastEnd + comma.Length && lastEnd >= 0)
                    {
                        continue;
                    }

                    if (at > lastEnd + CharRunGap && at >= 2 && MayEndCharLiteral(text, at))
                    {
                        (form == 0 ? charArrays : second ??= new List<int>()).Add(at - 2);
                    }

                    lastEnd = at;
                }
            }

            if (second != null)
            {
                charArrays.AddRange(second);
            }
        }

        /// <summary>
        /// A char literal may end at the apostrophe at <paramref name="at"/>: it opens right before the one character before
        /// it (<c>'k'</c>), or at most 11 characters back with a backslash after the opening (<c>'\n'</c>, <c>'\u006B'</c>,
        /// <c>'\U0001F600'</c>). Text in a string that only looks like chars (SQL's <c>IN ('Open', 'Pending')</c>) is no
        /// <see cref="CharArrays"/> spot: the tree would find no char literal there.
        /// </summary>
        private static bool MayEndCharLiteral(string text, int at)
        {
            if (text[at - 2] == '\'')
            {
                return true;
            }

            for (int open = at - 3; open >= Math.Max(0, at - 11); open--)
            {
                if (text[open] == '\'' && text[open + 1] == '\\')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The closing apostrophe of a char literal of a key character at <paramref name="at"/> that a <c>+</c> joins with a
        /// string literal after it (<c>'s' + "k-…"</c>, <c>'\u0073' + $"k-…"</c>), else null.
        /// </summary>
        private static int? CharJoinsAString(string text, int at)
        {
            int end = CharacterEnd(text, at);
            if (end < 0)
            {
                return null;
            }

            int i = SkipWhitespace(text, end);
            if (i >= text.Length || text[i] != '+')
            {
                return null;
            }

            i = SkipWhitespace(text, i + 1);
            for (int prefix = 0; prefix < 2 && i < text.Length && (text[i] == '@' || text[i] == '$'); prefix++)
            {
                i++;
            }

            return i + 1 < text.Length && text[i] == '"' && IsKeyCharacter(text[i + 1]) ? end - 1 : (int?)null;
        }

        /// <summary>
        /// The string literal opening at <paramref name="quote"/> follows <c>(char)N +</c> (<c>(char)115 + "k-…"</c>,
        /// <c>(char)0x73 + $"k-…"</c>): a char written as its code starts the chain (<see cref="CharJoinsAString"/> does the
        /// char literals; a cast after a string is <see cref="JoinsAnotherString"/>'s). Looks back a few characters only.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool CharCastJoinsThisString(string text, int quote)
        {
            int i = quote - 1;
            for (int prefix = 0; prefix < 2 && i >= 0 && (text[i] == '@' || text[i] == '$'); prefix++)
            {
                i--;
            }

            while (i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            {
                i--;
            }

            if (i < 1 || text[i] != '+' || text[i - 1] == '+')
            {
                return false;
            }

            i--;
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            {
                i--;
            }

            int digitsEnd = i;
            while (i >= 0 && IsHexDigit(text[i]) || (i >= 0 && (text[i] == 'x' || text[i] == 'X')))
            {
                i--;
            }

            if (i == digitsEnd)
            {
                return false;
            }

            while (i >= 0 && (text[i] == ' ' || text[i] == '\t'))
            {
                i--;
            }

            int cast = i - CharCast.Length + 1;
            return cast >= 0 && string.CompareOrdinal(text, cast, CharCast, 0, CharCast.Length) == 0 && CharacterEnd(text, cast) == digitsEnd + 1;
        }

        /// <summary>A char-comma further than this from the previous one starts a new run.</summary>
        private const int CharRunGap = 16;

        /// <summary>
        /// The literal between <paramref name="start"/> and <paramref name="end"/> ends with a proper start of
        /// <see cref="SplittableAnchor"/> and is all letters and digits (the alphabet of the key's part before it).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool EndsWithSplitAnchor(string text, int start, int end)
        {
            char last = text[end - 1];
            if (last != 'J' && last != 'Q' && last != '9')
            {
                return false;
            }

            bool ends = false;
            for (int length = SplittableAnchor.Length - 1; length >= 1 && !ends; length--)
            {
                ends = end - start > length && string.CompareOrdinal(text, end - length, SplittableAnchor, 0, length) == 0;
            }

            if (!ends)
            {
                return false;
            }

            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A literal shorter than this that is the start of a key's prefix (<see cref="SecretScanner.IsKeyHead"/>) is an anchor.</summary>
        private const int ShortHeadMaximumRun = 16;

        /// <summary>The literal between <paramref name="opening"/> and <paramref name="closing"/> is all of an initializer: <c>= "…";</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsWholeInitializer(string text, int opening, int closing)
        {
            int after = SkipWhitespace(text, closing + 1);
            int before = opening - 1;
            while (before >= 0 && (text[before] == ' ' || text[before] == '\t'))
            {
                before--;
            }

            return after < text.Length && text[after] == ';' && before > 0 && text[before] == '=' && "=<>!".IndexOf(text[before - 1]) < 0;
        }

        /// <summary>A piece of a key assembled from pieces is at least this long (shorter ones are separators, format items).</summary>
        private const int NamedPieceMinimumRun = 3;

        /// <summary>A literal longer than this is no piece of a key with no fixed format (the longest such keys are ~100 characters).</summary>
        private const int MaximumPieceRun = 128;

        /// <summary>How far back <see cref="AssignedToASecretName"/> looks for the <c>=</c> of the declaration a piece is in.</summary>
        private const int PieceLookBack = 240;

        /// <summary>
        /// The literal between <paramref name="opening"/> and <paramref name="closing"/> is followed by what continues a
        /// longer value (<c>+ , ) } .</c>) or follows a <c>+</c>.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsPiece(string text, int opening, int closing)
        {
            int i = SkipWhitespace(text, closing + 1);
            if (i < text.Length && text[i] == '#')
            {
                i = SkipDirectives(text, i); // "AK"\n#if DEBUG\n + "debug"\n#else\n + "IA…"\n#endif: the chain goes on past the directives
            }

            if (i < text.Length && (text[i] == '+' || text[i] == ',' || text[i] == ')' || text[i] == '}' || text[i] == '.'))
            {
                return true;
            }

            i = opening - 1;
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n' || text[i] == '@' || text[i] == '$'))
            {
                i--;
            }

            return i >= 0 && (text[i] == '+' || (text[i] == '=' && i > 0 && text[i - 1] == '+')); // + "…", or name += "…"
        }

        /// <summary>
        /// The nearest plain <c>=</c> before <paramref name="quote"/> (within <see cref="PieceLookBack"/> characters, on its
        /// line or the two above, not past a <c>;</c>) has an identifier before it with a secret word in it: the piece is
        /// part of the value given to a credential's name. Quotes are not paired on the way back (the piece may sit in an
        /// interpolation hole), so an <c>=</c> inside an earlier literal only costs one name check. The name is looked at
        /// first, once per <c>=</c> (<paramref name="assigned"/> remembers the last: the pieces of one initializer share it),
        /// and the statement and line limits only under a name with a secret word in it (few): one short backward search
        /// per piece instead of three. No allocation.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool AssignedToASecretName(string text, int quote, ref AssignedName assigned)
        {
            if (quote < 2)
            {
                return false;
            }

            // The nearest '=' that is not '==', '<=', '=>', '!=' or a compound assignment other than name += "…".
            int from = Math.Max(0, quote - PieceLookBack);
            int eq = quote;
            do
            {
                eq = eq - 1 > from ? text.LastIndexOf('=', eq - 1, eq - 1 - from) : -1;
            }
            while (eq > from && !IsAssignment(text, eq));

            if (eq <= from || !assigned.MayBeSecretLike(text, eq))
            {
                return false;
            }

            if (text[eq - 1] == '+' && (eq - 1 <= from || text[eq - 2] == ';'))
            {
                return false; // its '+' is not within reach: the '=' is no declaration's, and any before it is further back
            }

            if (text.IndexOf(';', eq - 1, quote - eq + 1) >= 0)
            {
                return false; // not past the statement before
            }

            int lines = 0;
            for (int nl = text.IndexOf('\n', eq, quote - eq); nl >= 0 && lines <= 2; nl = text.IndexOf('\n', nl + 1, quote - nl - 1))
            {
                lines++;
            }

            return lines <= 2;
        }

        /// <summary>
        /// The <c>=</c> at <paramref name="eq"/> can be a declaration's or assignment's: <c>name = </c> or <c>name += </c>,
        /// not <c>==</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>!=</c>, <c>=&gt;</c> or another compound assignment.
        /// </summary>
        private static bool IsAssignment(string text, int eq) =>
            text[eq + 1] != '=' && text[eq + 1] != '>' && (text[eq - 1] == '+' || "=<>!-*/%&|^?".IndexOf(text[eq - 1]) < 0);

        /// <summary>For <see cref="AssignedToASecretName"/>: the last <c>=</c> whose name was looked at, and what it said.</summary>
        private struct AssignedName
        {
            private int _eq; // position + 1 (0: none yet)
            private bool _secretLike;

            /// <summary>
            /// The identifier before the <c>=</c> at <paramref name="eq"/> (before the <c>+</c> of <c>+=</c>) has a secret word
            /// in it (<see cref="SecretScanner.NameMayBeSecretLike(string, int, int)"/>).
            /// </summary>
            public bool MayBeSecretLike(string text, int eq)
            {
                if (_eq != eq + 1)
                {
                    int end = text[eq - 1] == '+' ? eq - 2 : eq - 1;
                    while (end >= 0 && (text[end] == ' ' || text[end] == '\t'))
                    {
                        end--;
                    }

                    int start = end;
                    while (start >= 0 && (char.IsLetterOrDigit(text[start]) || text[start] == '_'))
                    {
                        start--;
                    }

                    _secretLike = end > start && SecretScanner.NameMayBeSecretLike(text, start + 1, end - start);
                    _eq = eq + 1;
                }

                return _secretLike;
            }
        }

        /// <summary>No named value is shorter; the check on the run between two quotes is skipped below it.</summary>
        private const int NamedMinimumRun = 16;

        /// <summary>
        /// <c>"…k" + "ey…"</c>, also with <c>@"</c> or <c>$"</c> and across line breaks, where the characters on both sides
        /// of the join could belong to one key (so <c>"items/" + "{id}"</c> and SQL joined on spaces are out).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool JoinsAnotherString(string text, int quote)
        {
            if (quote == 0 || !IsKeyCharacter(text[quote - 1]))
            {
                return false;
            }

            int i = SkipWhitespace(text, quote + 1);
            if (i >= text.Length || text[i] != '+')
            {
                return false;
            }

            i = SkipWhitespace(text, i + 1);
            for (int chars = 0; chars < MaximumJoinedChars; chars++)
            {
                // "sk" + '-' + "proj-…", "sk-pr" + (char)111 + '\u006A' + "-…": characters between two strings, joined with them.
                int end = CharacterEnd(text, i);
                if (end < 0)
                {
                    break;
                }

                i = SkipWhitespace(text, end);
                if (i >= text.Length || text[i] != '+')
                {
                    return false;
                }

                i = SkipWhitespace(text, i + 1);
            }

            for (int prefix = 0; prefix < 2 && i < text.Length && (text[i] == '@' || text[i] == '$'); prefix++)
            {
                i++;
            }

            return i + 1 < text.Length && text[i] == '"' && IsKeyCharacter(text[i + 1]);
        }

        /// <summary>How many single characters in a row <see cref="JoinsAnotherString"/> reads between two strings.</summary>
        private const int MaximumJoinedChars = 8;

        /// <summary>
        /// The end of one character written at <paramref name="i"/> as a char literal of a key character (<c>'k'</c>,
        /// <c>'\u006B'</c>, <c>'\x6B'</c>) or as a cast of its code (<c>(char)107</c>, <c>(char)0x6B</c>); -1 if none is there.
        /// </summary>
        internal static int CharacterEnd(string text, int i)
        {
            if (i + 2 >= text.Length)
            {
                return -1;
            }

            if (text[i] == '\'')
            {
                if (text[i + 2] == '\'' && IsKeyCharacter(text[i + 1]))
                {
                    return i + 3;
                }

                if (text[i + 1] != '\\' || (text[i + 2] != 'u' && text[i + 2] != 'x'))
                {
                    return -1;
                }

                int close = text.IndexOf('\'', i + 3, Math.Min(6, text.Length - i - 3));
                if (close <= i + 3)
                {
                    return -1;
                }

                for (int h = i + 3; h < close; h++)
                {
                    if (!IsHexDigit(text[h]))
                    {
                        return -1;
                    }
                }

                return close + 1;
            }

            if (text[i] != '(' || string.CompareOrdinal(text, i, CharCast, 0, CharCast.Length) != 0)
            {
                return -1;
            }

            int at = SkipWhitespace(text, i + CharCast.Length);
            int start = at;
            bool hex = at + 1 < text.Length && text[at] == '0' && (text[at + 1] == 'x' || text[at + 1] == 'X');
            at += hex ? 2 : 0;
            while (at < text.Length && (hex ? IsHexDigit(text[at]) : text[at] >= '0' && text[at] <= '9'))
            {
                at++;
            }

            return at > start + (hex ? 2 : 0) ? at : -1;
        }

        private const string CharCast = "(char)";

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        /// <summary>Any character of any key format's alphabet.</summary>
        private static bool IsKeyCharacter(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+' || c == '/' || c == '=';

        /// <summary>
        /// From a <c>#</c> at <paramref name="i"/>: past every preprocessor directive line (<c>#if</c>, <c>#else</c>, <c>#endif</c>,
        /// <c>#region</c>, …) and the whitespace after them, at most <see cref="MaximumSkippedDirectives"/> lines. The text of an
        /// inactive branch is not skipped: its first character decides (a <c>+</c> there continues the chain either way).
        /// </summary>
        private static int SkipDirectives(string text, int i)
        {
            for (int lines = 0; lines < MaximumSkippedDirectives && i < text.Length && text[i] == '#'; lines++)
            {
                int end = text.IndexOf('\n', i);
                if (end < 0)
                {
                    return text.Length;
                }

                i = SkipWhitespace(text, end + 1);
            }

            return i;
        }

        private const int MaximumSkippedDirectives = 4;

        [MethodImpl(HotPath.Optimized)]
        private static int SkipWhitespace(string text, int i)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            {
                i++;
            }

            return i;
        }

        /// <summary>Adds the <c>const</c>s whose initializer has a string literal at one of <paramref name="positions"/>.</summary>
        /// <param name="includeFields">Also <c>readonly</c> and <c>static</c> fields (GRD001 folds their initializers on syntax).</param>
        internal static void AddConstantsWithStringsAt(SyntaxNode root, IReadOnlyList<int> positions, List<string> names, bool includeFields = false)
        {
            foreach (int position in positions)
            {
                if (StringValueSyntax.StringTokenAt(root, position, out SyntaxToken token))
                {
                    string? name = ConstantDeclaredBy(token.Parent, includeFields);
                    if (name != null && !names.Contains(name))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        /// <summary>The <c>const</c> field or local whose initializer contains <paramref name="node"/>, or null.</summary>
        public static string? ConstantDeclaredBy(SyntaxNode? node) => ConstantDeclaredBy(node, includeFields: false);

        /// <summary>
        /// The <c>const</c> field (or, with <paramref name="includeFields"/>, a <c>readonly</c> or <c>static</c> field: GRD001
        /// folds the initializer of both, session 13) or <c>const</c> local whose initializer contains <paramref name="node"/>.
        /// </summary>
        public static string? ConstantDeclaredBy(SyntaxNode? node, bool includeFields)
        {
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case VariableDeclaratorSyntax declarator:
                        SyntaxNode? declaration = declarator.Parent?.Parent;
                        bool isConst = declaration is FieldDeclarationSyntax field
                            ? field.Modifiers.Any(SyntaxKind.ConstKeyword) || (includeFields && (field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) || field.Modifiers.Any(SyntaxKind.StaticKeyword)))
                            : declaration is LocalDeclarationStatementSyntax local && local.Modifiers.Any(SyntaxKind.ConstKeyword);
                        return isConst ? declarator.Identifier.ValueText : null;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return null;
                }
            }

            return null;
        }
    }
}
