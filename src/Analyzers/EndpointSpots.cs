using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// For GRD004, the places in one syntax tree that may be an AI endpoint, found on the raw text: the inside of a pair of
    /// quotes naming one of the endpoint domains (<see cref="HostPattern.MentionsDomain"/>: "api.openai.com",
    /// "{resource}.openai.azure.com"), and the <c>const</c>s whose initializer holds one. Nothing else in the tree is
    /// looked at. Kept per tree for the catalog's domains (the common case); a policy that adds SDKs with other hosts
    /// gets its own, uncached, pass.
    /// </summary>
    internal sealed class EndpointSpots
    {
        private static readonly ConditionalWeakTable<SyntaxTree, EndpointSpots> CatalogCache = new ConditionalWeakTable<SyntaxTree, EndpointSpots>();

        private EndpointSpots(List<int> literals, List<string> constants)
        {
            Literals = literals;
            Constants = constants;
        }

        /// <summary>Where a host of an endpoint domain starts: in a string's text, not in an interpolation hole.</summary>
        public IReadOnlyList<int> Literals { get; }

        public IReadOnlyList<string> Constants { get; }

        public static EndpointSpots For(SyntaxTree tree, EndpointDomains domains, CancellationToken cancellationToken)
        {
            if (!domains.IsCatalog)
            {
                return Compute(tree, domains, cancellationToken);
            }

            if (CatalogCache.TryGetValue(tree, out EndpointSpots? spots))
            {
                return spots;
            }

            spots = Compute(tree, domains, cancellationToken);
            return CatalogCache.GetValue(tree, _ => spots);
        }

        internal static EndpointSpots Compute(SyntaxTree tree, EndpointDomains domains, CancellationToken cancellationToken)
        {
            string text = TreeText.Of(tree, cancellationToken);
            int[] quotes = TreeText.QuotesOf(tree, cancellationToken);
            List<int> literals = domains.Lookup is DomainSet lookup && IsAscii(text) ? LiteralsOnWholeText(text, quotes, domains, lookup) : LiteralsPerPair(text, quotes, domains);
            literals = WithSplitHosts(literals, text, quotes, domains.Lookup);

            var constants = new List<string>();
            if (literals.Count > 0)
            {
                SourceSpots.AddConstantsWithStringsAt(tree.GetRoot(cancellationToken), literals, constants);
            }

            return new EndpointSpots(literals, constants);
        }

        /// <summary>
        /// Each pair of consecutive quotes (a literal's inside, or the code between two literals: the tree tells them
        /// apart) gives at most one spot: where the first host of a domain starts, else, when its first <c>://</c> ends it
        /// or is followed by a hole (<see cref="HostComesLater"/>), its start. Found with two searches over the whole
        /// text (dots, then <c>://</c>) mapped onto the pairs, not two searches per pair.
        /// </summary>
        internal static List<int> LiteralsOnWholeText(string text, int[] quotes, EndpointDomains endpointDomains, DomainSet domains)
        {
            var literals = new List<int>();
            if (quotes.Length < 2)
            {
                return literals;
            }

            // Pairs holding a \u, \U or \x escape (which may spell a host) are judged one by one, as LiteralsPerPair does.
            List<int>? escaped = null;
            for (int i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\\', i + 2))
            {
                char after = text[i + 1];
                if ((after == 'u' || after == 'U' || after == 'x') && i > quotes[0] && i < quotes[quotes.Length - 1])
                {
                    int pairOf = PairOf(quotes, i);
                    if (escaped == null || escaped[escaped.Count - 1] != pairOf)
                    {
                        (escaped ??= new List<int>()).Add(pairOf);
                    }
                }
            }

            if (escaped != null)
            {
                return Merge(AsciiLiterals(text, quotes, domains), escaped, text, quotes, endpointDomains);
            }

            foreach ((int _, int position) in AsciiLiterals(text, quotes, domains))
            {
                literals.Add(position);
            }

            return literals;
        }

        /// <summary>The pair of consecutive quotes (its index in <paramref name="quotes"/>) that <paramref name="position"/> lies inside.</summary>
        private static int PairOf(int[] quotes, int position)
        {
            int found = System.Array.BinarySearch(quotes, position);
            return (found >= 0 ? found : ~found) - 1;
        }

        /// <summary>
        /// The whole-text spots (pair, position) with each pair in <paramref name="escaped"/> judged instead by
        /// <see cref="EndpointDomains.IndexIn"/> and <see cref="HostComesLater"/>, in pair order.
        /// </summary>
        private static List<int> Merge(List<(int Pair, int Position)> found, List<int> escaped, string text, int[] quotes, EndpointDomains domains)
        {
            var literals = new List<int>();
            int e = 0;
            foreach ((int pair, int position) in found)
            {
                for (; e < escaped.Count && escaped[e] <= pair; e++)
                {
                    AddPair(literals, text, quotes, escaped[e], domains);
                }

                if (e == 0 || escaped[e - 1] != pair)
                {
                    literals.Add(position);
                }
            }

            for (; e < escaped.Count; e++)
            {
                AddPair(literals, text, quotes, escaped[e], domains);
            }

            return literals;
        }

        private static void AddPair(List<int> literals, string text, int[] quotes, int pair, EndpointDomains domains)
        {
            int quote = quotes[pair], next = quotes[pair + 1];
            int at = domains.IndexIn(text, quote + 1, next - quote - 1);
            if (at >= 0)
            {
                literals.Add(at);
            }
            else if (HostComesLater(text, quote + 1, next, domains.Lookup))
            {
                literals.Add(quote + 1);
            }
        }

        /// <summary>The spots of <see cref="LiteralsOnWholeText"/> for a text with no escapes and no character above ASCII: (pair, position).</summary>
        private static List<(int Pair, int Position)> AsciiLiterals(string text, int[] quotes, DomainSet domains)
        {
            var literals = new List<(int Pair, int Position)>();
            int first = quotes[0], last = quotes[quotes.Length - 1];

            // The first "://" of each pair, when it says the host comes later (pair index, in order).
            var schemes = new List<int>();
            int pair = 0;
            for (int at = text.IndexOf("://", first, last - first, System.StringComparison.Ordinal); at >= 0;
                 at = at + 3 < last ? text.IndexOf("://", at + 3, last - at - 3, System.StringComparison.Ordinal) : -1)
            {
                while (quotes[pair + 1] < at)
                {
                    pair++;
                }

                int end = quotes[pair + 1];
                if (at + 3 == end || text[at + 3] == '{' || HostCutOff(text, at + 3, end, domains))
                {
                    schemes.Add(pair);
                }

                // Only a pair's first scheme counts: go on after the pair.
                if (end + 1 >= last)
                {
                    break;
                }

                at = end - 2;
            }

            int scheme = 0;
            pair = 0;
            for (int i = first + 1; i < last;)
            {
                int dot = text.IndexOf('.', i, last - i);
                if (dot < 0)
                {
                    break;
                }

                while (quotes[pair + 1] < dot)
                {
                    pair++;
                }

                int runStart = HostPattern.DomainRunAt(text, dot, 0, text.Length, domains, out i);
                if (runStart < 0)
                {
                    continue;
                }

                // The pairs before this one whose host comes later, then this pair's host (which wins over its scheme).
                for (; scheme < schemes.Count && schemes[scheme] <= pair; scheme++)
                {
                    if (schemes[scheme] < pair)
                    {
                        literals.Add((schemes[scheme], quotes[schemes[scheme]] + 1));
                    }
                }

                literals.Add((pair, runStart));
                i = quotes[pair + 1] + 1; // one spot per pair
            }

            for (; scheme < schemes.Count; scheme++)
            {
                literals.Add((schemes[scheme], quotes[schemes[scheme]] + 1));
            }

            return literals;
        }

        /// <summary>
        /// No character above ASCII (one vectorized count on the .NET host): a host in such text is written only with
        /// ASCII or escapes. Any other text is judged pair by pair (IDN full stops and compatibility letters are folded).
        /// </summary>
        private static bool IsAscii(string text) => System.Text.Encoding.UTF8.GetByteCount(text) == text.Length;

        /// <summary>As <see cref="LiteralsOnWholeText"/>, asking <paramref name="domains"/> about each pair (a policy whose host patterns have no domain).</summary>
        internal static List<int> LiteralsPerPair(string text, int[] quotes, EndpointDomains domains)
        {
            var literals = new List<int>();
            for (int k = 0; k + 1 < quotes.Length; k++)
            {
                int quote = quotes[k], next = quotes[k + 1];
                int at = domains.IndexIn(text, quote + 1, next - quote - 1);
                if (at >= 0)
                {
                    literals.Add(at);
                }
                else if (HostComesLater(text, quote + 1, next, domains.Lookup))
                {
                    // "https://" + H + "ai.com/v1", $"https://{H}…": the host is folded from what follows the scheme.
                    literals.Add(quote + 1);
                }
            }

            return literals;
        }

        /// <summary>
        /// The text between the quotes ends with a URL scheme (<c>://</c>) or has an interpolation hole right after one:
        /// the host is built from other pieces (a constant, a hole), so no domain shows in any one literal.
        /// </summary>
        private static bool HostComesLater(string text, int start, int end, DomainSet? domains)
        {
            int scheme = end - start >= 3 ? text.IndexOf("://", start, end - start, System.StringComparison.Ordinal) : -1;
            return scheme >= 0 && (scheme + 3 == end || text[scheme + 3] == '{' || HostCutOff(text, scheme + 3, end, domains));
        }

        /// <summary>
        /// The text from <paramref name="from"/> to the closing quote at <paramref name="end"/> is a host cut off by the end
        /// of the literal whose last label (or last two) begins an endpoint domain: <c>"https://api.open" + "ai.com/v1"</c>
        /// (adversary round 9 route 2), folded by the compiler into an address no one literal shows. Any domain may follow
        /// a host ending in a dot; <paramref name="domains"/> null (a policy wildcard in the last two labels): any cut host.
        /// </summary>
        internal static bool HostCutOff(string text, int from, int end, DomainSet? domains)
        {
            if (from >= end)
            {
                return false;
            }

            int lastDot = -1, previousDot = -1;
            for (int i = from; i < end; i++)
            {
                char c = text[i];
                if (c == '.')
                {
                    previousDot = lastDot;
                    lastDot = i;
                }
                else if (!IsHostCharacter(c))
                {
                    return false;
                }
            }

            if (domains == null || lastDot == end - 1)
            {
                return true;
            }

            int last = lastDot + 1, lastTwo = lastDot < 0 ? from : previousDot + 1;
            return domains.BeginsOne(text, last, end - last) || (lastTwo < last && domains.BeginsOne(text, lastTwo, end - lastTwo));
        }

        private static bool IsHostCharacter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

        /// <summary>
        /// <paramref name="literals"/> with the literals added that begin a host split across a <c>+</c> between two
        /// literals (<c>"api.open" + "ai.com"</c>, <c>"api.openai" + ".com"</c>: a host with no scheme, as
        /// <c>UriBuilder.Host</c> takes it), found on the joined text of the two pieces around each <c>+</c>; in order.
        /// </summary>
        private static List<int> WithSplitHosts(List<int> literals, string text, int[] quotes, DomainSet? domains)
        {
            List<int>? split = null;
            for (int k = 0; k + 3 < quotes.Length; k++)
            {
                int closing = quotes[k + 1], opening = quotes[k + 2];
                if (closing - quotes[k] < 2 || quotes[k + 3] - opening < 2 || !IsPlusGap(text, closing + 1, opening))
                {
                    continue;
                }

                char before = text[closing - 1], after = text[opening + 1];
                if (!(IsHostCharacter(before) || before == '.') || !(IsHostCharacter(after) || after == '.'))
                {
                    continue;
                }

                // The host around the join: the host characters before it in the first piece and after it in the second.
                int start = closing, stop = opening + 1;
                while (start > quotes[k] + 1 && (IsHostCharacter(text[start - 1]) || text[start - 1] == '.'))
                {
                    start--;
                }

                while (stop < quotes[k + 3] && (IsHostCharacter(text[stop]) || text[stop] == '.'))
                {
                    stop++;
                }

                string joined = text.Substring(start, closing - start) + text.Substring(opening + 1, stop - opening - 1);
                bool found = domains == null ? joined.IndexOf('.') >= 0 : HostPattern.IndexOfDomain(joined, 0, joined.Length, domains) >= 0;
                if (found)
                {
                    (split ??= new List<int>()).Add(quotes[k] + 1);
                }
            }

            if (split == null)
            {
                return literals;
            }

            var merged = new List<int>(literals.Count + split.Count);
            int a = 0, b = 0;
            while (a < literals.Count || b < split.Count)
            {
                int next = b >= split.Count || (a < literals.Count && literals[a] <= split[b]) ? literals[a++] : split[b++];
                if (merged.Count == 0 || merged[merged.Count - 1] != next)
                {
                    merged.Add(next);
                }
            }

            return merged;
        }

        /// <summary>Between two literals, only a <c>+</c> with blanks around it (and the next literal's <c>$</c> or <c>@</c>).</summary>
        private static bool IsPlusGap(string text, int from, int to)
        {
            bool plus = false;
            for (int i = from; i < to; i++)
            {
                char c = text[i];
                if (c == '+' && !plus)
                {
                    plus = true;
                }
                else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || ((c == '$' || c == '@') && plus)))
                {
                    return false;
                }
            }

            return plus;
        }
    }

    /// <summary>The domains (<see cref="HostPattern.DomainOf"/>) of every endpoint GRD004 may report under one policy.</summary>
    internal sealed class EndpointDomains
    {
        internal static EndpointDomains CatalogDomains => Catalog;

        private static readonly EndpointDomains Catalog = new EndpointDomains(new HashSet<string>(AiSdkCatalog.EndpointDomains), isCatalog: true, everyDottedString: false);

        private readonly HashSet<string> _domains;
        private readonly DomainSet _lookup;
        private readonly bool _everyDottedString;

        private EndpointDomains(HashSet<string> domains, bool isCatalog, bool everyDottedString)
        {
            _domains = domains;
            _lookup = new DomainSet(domains);
            IsCatalog = isCatalog;
            _everyDottedString = everyDottedString;
        }

        /// <summary>Exactly the catalog's domains: results may be shared between compilations.</summary>
        public bool IsCatalog { get; }

        /// <summary>The catalog's domains plus those the policy names (its own SDKs, endpoints.denied).</summary>
        public static EndpointDomains For(PolicyVerdicts verdicts)
        {
            HashSet<string>? domains = null;
            foreach (string pattern in verdicts.PolicyHostPatterns())
            {
                string? domain = HostPattern.DomainOf(pattern);
                if (domain == null)
                {
                    // A wildcard reaches into the last two labels: no domain to look for, any dotted string may match.
                    return new EndpointDomains(new HashSet<string>(), isCatalog: false, everyDottedString: true);
                }

                if (!Catalog._domains.Contains(domain))
                {
                    (domains ??= new HashSet<string>(Catalog._domains)).Add(domain);
                }
            }

            return domains == null ? Catalog : new EndpointDomains(domains, isCatalog: false, everyDottedString: false);
        }

        /// <summary>The domains to look up in place, or null when any dotted string may match (a wildcard in the last two labels).</summary>
        public DomainSet? Lookup => _everyDottedString ? null : _lookup;

        /// <summary>Where in <c>text.Substring(start, length)</c> a host of one of the domains starts, or -1.</summary>
        public int IndexIn(string text, int start, int length)
        {
            int at = _everyDottedString ? text.IndexOf('.', start, length) : HostPattern.IndexOfDomain(text, start, length, _lookup);
            if (at >= 0 || !HasCharacterEscape(text, start, length))
            {
                return at;
            }

            // A host spelled with \u or \x escapes in source ("api\u3002openai\u3002com", adversary round 4 #9) is looked
            // for decoded (the one backslash-escape reader), found at the start of the run.
            string run = text.Substring(start, length);
            string? decoded = Guardrails.Core.Files.FormatEscapes.Decode(Guardrails.Core.Files.TextFileKind.Yaml, run, out _);
            if (decoded == null)
            {
                return -1;
            }

            int inner = _everyDottedString ? HostPattern.FoldHostText(decoded).IndexOf('.') : HostPattern.IndexOfDomain(decoded, 0, decoded.Length, _lookup);
            return inner >= 0 ? start : -1;
        }

        private static bool HasCharacterEscape(string text, int start, int length)
        {
            int end = start + length;
            int i = text.IndexOf('\\', start, length);
            while (i >= 0 && i + 1 < end)
            {
                char next = text[i + 1];
                if (next == 'u' || next == 'U' || next == 'x')
                {
                    return true;
                }

                int from = i + 2;
                i = from < end ? text.IndexOf('\\', from, end - from) : -1;
            }

            return false;
        }
    }
}
