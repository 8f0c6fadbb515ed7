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
            string text = tree.GetText(cancellationToken).ToString();
            var literals = new List<int>();
            for (int quote = text.IndexOf('"'); quote >= 0;)
            {
                int next = text.IndexOf('"', quote + 1);
                if (next < 0)
                {
                    break;
                }

                int at = domains.IndexIn(text, quote + 1, next - quote - 1);
                if (at >= 0)
                {
                    literals.Add(at);
                }
                else if (HostComesLater(text, quote + 1, next))
                {
                    // "https://" + H + "ai.com/v1", $"https://{H}…": the host is folded from what follows the scheme.
                    literals.Add(quote + 1);
                }

                quote = next;
            }

            var constants = new List<string>();
            if (literals.Count > 0)
            {
                SourceSpots.AddConstantsWithStringsAt(tree.GetRoot(cancellationToken), literals, constants);
            }

            return new EndpointSpots(literals, constants);
        }

        /// <summary>
        /// The text between the quotes ends with a URL scheme (<c>://</c>) or has an interpolation hole right after one:
        /// the host is built from other pieces (a constant, a hole), so no domain shows in any one literal.
        /// </summary>
        private static bool HostComesLater(string text, int start, int end)
        {
            int scheme = end - start >= 3 ? text.IndexOf("://", start, end - start, System.StringComparison.Ordinal) : -1;
            return scheme >= 0 && (scheme + 3 == end || text[scheme + 3] == '{');
        }
    }

    /// <summary>The domains (<see cref="HostPattern.DomainOf"/>) of every endpoint GRD004 may report under one policy.</summary>
    internal sealed class EndpointDomains
    {
        internal static EndpointDomains CatalogDomains => Catalog;

        private static readonly EndpointDomains Catalog = new EndpointDomains(new HashSet<string>(AiSdkCatalog.EndpointDomains), isCatalog: true, everyDottedString: false);

        private readonly HashSet<string> _domains;
        private readonly bool _everyDottedString;

        private EndpointDomains(HashSet<string> domains, bool isCatalog, bool everyDottedString)
        {
            _domains = domains;
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

        /// <summary>Where in <c>text.Substring(start, length)</c> a host of one of the domains starts, or -1.</summary>
        public int IndexIn(string text, int start, int length)
        {
            int at = _everyDottedString ? text.IndexOf('.', start, length) : HostPattern.IndexOfDomain(text, start, length, _domains);
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

            int inner = _everyDottedString ? HostPattern.FoldHostText(decoded).IndexOf('.') : HostPattern.IndexOfDomain(decoded, 0, decoded.Length, _domains);
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
