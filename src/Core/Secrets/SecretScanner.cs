using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Finds AI-provider keys in text. No regex anywhere and no allocation unless a key is found.
    /// <para>
    /// Prefilter: almost every self-identifying format has a '-' or '_' a few characters into its prefix
    /// (<c>sk-</c>, <c>ghp_</c>, <c>hf_</c>, …). The scanner walks the separators with one vectorized
    /// <c>IndexOfAny('-', '_')</c> per chunk, looks at the character before each one in a 128-entry table, and
    /// compares a full anchor only when that character can end an anchor's first part. The few formats without a
    /// separator (<c>AIza</c>, <c>AKIA</c>, <c>ASIA</c>, <c>ABSK</c>, <c>JQQJ99</c>) get one vectorized ordinal
    /// search each. Text is processed in 16K-character chunks so every pass reads cache-resident data. Exact format
    /// checks (<see cref="FixedFormats"/>) run only at an anchor. Formats: <see cref="KeyCatalog"/>.
    /// </para>
    /// </summary>
    public static class SecretScanner
    {
        /// <summary>The shortest self-identifying key (AWS access key id) is 20 characters.</summary>
        internal const int MinimumKeyLength = 20;

        private const int ChunkSize = 16 * 1024;

        private const string BearerPrefix = "Bearer ";

        private const string BasicPrefix = "Basic ";

        private static readonly char[] Separators = { '-', '_' };

        /// <summary>
        /// Every self-identifying format contains one of these anchors; each anchor has one matcher that knows
        /// every format reachable from it.
        /// </summary>
        private static readonly Anchor[] SeparatorAnchors =
        {
            new Anchor("sk-", FixedFormats.MatchSkDash),             // OpenAI, Anthropic, OpenRouter, Langfuse, Cerebras (csk-)
            new Anchor("sk_", FixedFormats.MatchSkUnderscore),       // Groq (gsk_), Pinecone (pcsk_), ElevenLabs
            new Anchor("ghp_", FixedFormats.MatchGitHub),
            new Anchor("gho_", FixedFormats.MatchGitHub),
            new Anchor("ghu_", FixedFormats.MatchGitHub),
            new Anchor("ghs_", FixedFormats.MatchGitHub),
            new Anchor("ghr_", FixedFormats.MatchGitHub),
            new Anchor("github_pat_", FixedFormats.MatchGitHubFineGrained),
            new Anchor("bedrock-api-key-", FixedFormats.MatchBedrockShortTerm),
            new Anchor("hf_", FixedFormats.MatchHuggingFaceUser),
            new Anchor("api_org_", FixedFormats.MatchHuggingFaceOrg),
            new Anchor("r8_", FixedFormats.MatchReplicate),
            new Anchor("xai-", FixedFormats.MatchXAi),
            new Anchor("pplx-", FixedFormats.MatchPerplexity),
            new Anchor("tgp_v1_", FixedFormats.MatchTogether),
            new Anchor("nvapi-", FixedFormats.MatchNvidia),
            new Anchor("fw_", FixedFormats.MatchFireworks),
            new Anchor("pa-", FixedFormats.MatchVoyage),
            new Anchor("lsv2_", FixedFormats.MatchLangSmith),
            new Anchor("PRIVATE KEY-----", FixedFormats.MatchPemPrivateKey),
        };

        private static readonly Anchor[] PlainAnchors =
        {
            new Anchor("AIza", FixedFormats.MatchGoogleApiKey),
            new Anchor("AKIA", FixedFormats.MatchAwsAccessKeyId),
            new Anchor("ASIA", FixedFormats.MatchAwsAccessKeyId),
            new Anchor("ABSK", FixedFormats.MatchBedrockLongTerm),
            new Anchor("JQQJ99", FixedFormats.MatchAzureIdentifiable),
        };

        /// <summary>For each ASCII character: the separator anchors whose first separator follows it.</summary>
        private static readonly Anchor[]?[] BySeparatorPredecessor = BuildSeparatorTable();

        private static readonly IComparer<SecretMatch> ByStart = new StartComparer();

        [ThreadStatic]
        private static List<SecretMatch>? scratch;

        internal delegate bool Matcher(string text, int hit, out SecretMatch match);

        /// <summary>The anchor substrings of the prefilter (for tests and documentation).</summary>
        internal static IEnumerable<string> AnchorStrings
        {
            get
            {
                foreach (Anchor a in SeparatorAnchors)
                {
                    yield return a.Text;
                }

                foreach (Anchor a in PlainAnchors)
                {
                    yield return a.Text;
                }
            }
        }

        /// <summary>
        /// The first characters, shorter than the whole, of a prefix a self-identifying key starts with (<c>s</c>,
        /// <c>sk</c>, <c>AS</c>, <c>AIz</c>, <c>gh</c>, <c>githu</c>, <c>cs</c>): the head of a key cut right after them,
        /// where no piece holds an anchor. The prefixes are the scanner's anchors (but the Azure marker, which sits
        /// mid-key, and the PEM header) and the catalog's prefixes that hold one (<c>csk-</c>, <c>gsk_</c>, <c>pcsk_</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsKeyHead(string text, int start, int length)
        {
            if (length <= 0 || start + length > text.Length || text[start] >= 128 || !(KeyHeads[text[start]] is string[] heads))
            {
                return false;
            }

            foreach (string prefix in heads)
            {
                if (length < prefix.Length && string.CompareOrdinal(text, start, prefix, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>For each ASCII character: the key prefixes that start with it (see <see cref="IsKeyHead"/>).</summary>
        private static readonly string[]?[] KeyHeads = BuildKeyHeads();

        private static string[]?[] BuildKeyHeads()
        {
            var prefixes = new List<string>();
            foreach (Anchor a in SeparatorAnchors)
            {
                if (a.Text.IndexOf(' ') < 0)
                {
                    prefixes.Add(a.Text);
                }
            }

            foreach (Anchor a in PlainAnchors)
            {
                if (a.Text != "JQQJ99")
                {
                    prefixes.Add(a.Text);
                }
            }

            foreach (KeyFormat format in KeyCatalog.All)
            {
                if (format.Prefix.Length > 0 && format.Prefix.IndexOf(' ') < 0 && !prefixes.Contains(format.Prefix) &&
                    prefixes.Exists(anchor => format.Prefix.IndexOf(anchor, StringComparison.Ordinal) > 0))
                {
                    prefixes.Add(format.Prefix); // csk-, gsk_, pcsk_: an anchor inside, so a cut before it leaves none
                }
            }

            var table = new List<string>[128];
            foreach (string prefix in prefixes)
            {
                (table[prefix[0]] ??= new List<string>()).Add(prefix);
            }

            var heads = new string[]?[128];
            for (int c = 0; c < 128; c++)
            {
                heads[c] = table[c]?.ToArray();
            }

            return heads;
        }

        /// <summary>
        /// True when the text could hold a self-identifying key; false means <see cref="Scan"/> finds nothing.
        /// Ordinal searches only, no allocation.
        /// </summary>
        public static bool MightContainKey(string text) => text != null && text.Length >= MinimumKeyLength && HasAnchor(text);

        /// <summary>
        /// <see cref="MightContainKey(string)"/> of the first <paramref name="length"/> characters of <paramref name="chars"/>
        /// (decoded text in a reused buffer, <see cref="EncodedKeys"/>): the same anchors at the same places, so that a text
        /// becomes a string only when it may hold a key. Tests hold the two answers equal.
        /// </summary>
        internal static bool MightContainKey(char[] chars, int length)
        {
            if (length < MinimumKeyLength)
            {
                return false;
            }

            for (int sep = 1; sep < length; sep++)
            {
                char c = chars[sep];
                if ((c == '-' || c == '_') && chars[sep - 1] < 128 && BySeparatorPredecessor[chars[sep - 1]] is Anchor[] candidates)
                {
                    foreach (Anchor anchor in candidates)
                    {
                        if (c == anchor.Text[anchor.SeparatorOffset] && At(chars, length, sep - anchor.SeparatorOffset, anchor.Text))
                        {
                            return true;
                        }
                    }
                }
            }

            foreach (Anchor anchor in PlainAnchors)
            {
                char first = anchor.Text[0];
                for (int i = 0; i + anchor.Text.Length <= length; i++)
                {
                    if (chars[i] == first && At(chars, length, i, anchor.Text))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool At(char[] chars, int length, int index, string expected)
        {
            if (index < 0 || index + expected.Length > length)
            {
                return false;
            }

            for (int k = 0; k < expected.Length; k++)
            {
                if (chars[index + k] != expected[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <see cref="MightContainKey(string)"/> of <c>first + second</c> without building it: an anchor lies in one of the
        /// two or across the cut. Ordinal comparisons only, no allocation (the file scan asks it of every pair of sibling
        /// values, and joins only the few that answer true).
        /// </summary>
        public static bool MightContainKeyJoined(string first, string second)
        {
            if (first.Length + second.Length < MinimumKeyLength)
            {
                return false;
            }

            if (HasAnchor(first) || HasAnchor(second))
            {
                return true;
            }

            return first.Length > 0 && second.Length > 0 && (AnchorAcrossCut(SeparatorAnchors, first, second) || AnchorAcrossCut(PlainAnchors, first, second));
        }

        /// <summary>Some anchor starts in <paramref name="first"/>'s tail and ends in <paramref name="second"/>'s head.</summary>
        private static bool AnchorAcrossCut(Anchor[] anchors, string first, string second)
        {
            char last = first[first.Length - 1];
            char next = second[0];
            foreach (Anchor anchor in anchors)
            {
                string a = anchor.Text;
                for (int k = 1; k < a.Length; k++)
                {
                    // k characters of the anchor at the end of first, the rest at the start of second.
                    if (a[k - 1] == last && a[k] == next && k <= first.Length && a.Length - k <= second.Length &&
                        string.CompareOrdinal(first, first.Length - k, a, 0, k) == 0 &&
                        string.CompareOrdinal(second, 0, a, k, a.Length - k) == 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The text holds an anchor (<see cref="MightContainKey(string)"/> without its length floor).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool HasAnchor(string text)
        {
            for (int chunk = 0; chunk < text.Length; chunk += ChunkSize)
            {
                int chunkEnd = Math.Min(text.Length, chunk + ChunkSize);
                int from = chunk;
                while (from < chunkEnd)
                {
                    int sep = text.IndexOfAny(Separators, from, chunkEnd - from);
                    if (sep < 0)
                    {
                        break;
                    }

                    if (AnchorAtSeparator(text, sep) != null)
                    {
                        return true;
                    }

                    from = sep + 1;
                }

                foreach (Anchor anchor in PlainAnchors)
                {
                    int limit = Math.Min(text.Length, chunkEnd + anchor.Text.Length - 1);
                    if (limit - chunk >= anchor.Text.Length &&
                        text.IndexOf(anchor.Text, chunk, limit - chunk, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Appends every self-identifying key (fixed prefix, marker or checksum) found in <paramref name="text"/>
        /// to <paramref name="results"/>, ordered by position. Start/Length are relative to <paramref name="text"/>.
        /// </summary>
        public static void Scan(string text, List<SecretMatch> results)
        {
            if (text == null || text.Length < MinimumKeyLength)
            {
                return;
            }

            int first = results.Count;
            int previousChunkFirst = first;
            int resume = 0; // separators inside a key already found are not anchors
            for (int chunk = 0; chunk < text.Length; chunk += ChunkSize)
            {
                int chunkFirst = results.Count;
                int chunkEnd = Math.Min(text.Length, chunk + ChunkSize);
                int from = Math.Max(chunk, resume);
                while (from < chunkEnd)
                {
                    int sep = text.IndexOfAny(Separators, from, chunkEnd - from);
                    if (sep < 0)
                    {
                        break;
                    }

                    from = sep + 1;
                    Anchor? anchor = AnchorAtSeparator(text, sep);
                    int hit = sep - (anchor?.SeparatorOffset ?? 0);
                    if (anchor != null && !Covered(results, previousChunkFirst, hit) && anchor.Match(text, hit, out SecretMatch match))
                    {
                        results.Add(match);
                        from = Math.Max(from, match.Start + match.Length);
                        resume = from;
                    }
                }

                foreach (Anchor anchor in PlainAnchors)
                {
                    // An occurrence that starts in this chunk may end in the next one.
                    int limit = Math.Min(text.Length, chunkEnd + anchor.Text.Length - 1);
                    int next = chunk;
                    while (limit - next >= anchor.Text.Length)
                    {
                        int hit = text.IndexOf(anchor.Text, next, limit - next, StringComparison.Ordinal);
                        if (hit < 0)
                        {
                            break;
                        }

                        if (!Covered(results, previousChunkFirst, hit) && anchor.Match(text, hit, out SecretMatch match))
                        {
                            results.Add(match);
                        }

                        next = hit + 1;
                    }
                }

                previousChunkFirst = chunkFirst;
            }

            if (results.Count - first > 1)
            {
                results.Sort(first, results.Count - first, ByStart);
            }
        }

        /// <summary>
        /// Appends to <paramref name="positions"/> the start of every prefilter anchor in <paramref name="text"/>
        /// (in no particular order): the places where <see cref="Scan"/> would try a format, whether or not one
        /// matches there. A caller that knows its text holds escaped or split values (source code) uses these to
        /// find the few spots worth a closer look. Ordinal searches only.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static void CollectAnchors(string text, List<int> positions)
        {
            if (text == null)
            {
                return;
            }

            // One pass over the text for every anchor: the separators and the first characters of the plain anchors
            // (AIza, AKIA, ASIA, ABSK start with 'A', JQQJ99 with 'J'), where six whole-text searches were made before. The
            // positions come in the order those searches gave them: the separator anchors, then each plain anchor's hits
            // in the order of PlainAnchors (kept aside per anchor, in a per-thread buffer, and appended at the end).
            List<int>[] plain = PlainHits ??= NewPlainHits();
            int from = 0;
            while (from < text.Length)
            {
                int at = text.IndexOfAny(AnchorStarts, from);
                if (at < 0)
                {
                    break;
                }

                char c = text[at];
                if (c == '-' || c == '_')
                {
                    Anchor? anchor = AnchorAtSeparator(text, at);
                    if (anchor != null)
                    {
                        positions.Add(at - anchor.SeparatorOffset);
                    }
                }
                else
                {
                    for (int a = 0; a < PlainAnchors.Length; a++)
                    {
                        string anchorText = PlainAnchors[a].Text;
                        if (anchorText[0] == c && at + 1 < text.Length && text[at + 1] == anchorText[1] && TokenText.At(text, at, anchorText))
                        {
                            plain[a].Add(at);
                        }
                    }
                }

                from = at + 1;
            }

            for (int a = 0; a < plain.Length; a++)
            {
                positions.AddRange(plain[a]);
                plain[a] = plain[a].Capacity > 4096 ? new List<int>() : plain[a];
                plain[a].Clear();
            }
        }

        /// <summary>What <see cref="CollectAnchors"/> looks for: the separators and the first character of each plain anchor.</summary>
        private static readonly char[] AnchorStarts = BuildAnchorStarts();

        [ThreadStatic]
        private static List<int>[]? PlainHits;

        private static List<int>[] NewPlainHits()
        {
            var hits = new List<int>[PlainAnchors.Length];
            for (int i = 0; i < hits.Length; i++)
            {
                hits[i] = new List<int>();
            }

            return hits;
        }

        private static char[] BuildAnchorStarts()
        {
            var starts = new List<char>(Separators);
            foreach (Anchor anchor in PlainAnchors)
            {
                if (!starts.Contains(anchor.Text[0]))
                {
                    starts.Add(anchor.Text[0]);
                }
            }

            return starts.ToArray();
        }

        /// <summary>
        /// The name-independent half of <see cref="TryMatchNamedValue"/>: false when no name could make
        /// <paramref name="value"/> a context-gated key or a generic secret (too short or long, prose, markup, a URL, a
        /// GUID-free hash, an identifier…). Lets a caller skip the work of finding out what the value is called.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MightBeNamedValue(string value) => value != null && MightBeNamedValue(value, 0, value.Length, out _);

        /// <summary>
        /// <see cref="MightBeNamedValue(string)"/> for the value <c>text.Substring(start, length)</c>, judged where it stands:
        /// a string is made only for a value that has the length of some provider's shape or may be base64 of text (see
        /// <see cref="NamedValues.NameHints(string, int, int)"/>); <paramref name="nameHints"/> as <see cref="NameHints"/> gives.
        /// A whole string is judged as itself, so that judging it under a name next reuses the verdict.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MightBeNamedValue(string text, int start, int length, out IReadOnlyList<string>? nameHints)
        {
            nameHints = Array.Empty<string>();
            if (length > BearerPrefix.Length && string.Compare(text, start, BearerPrefix, 0, BearerPrefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                start += BearerPrefix.Length;
                length -= BearerPrefix.Length;
            }

            if (length < NamedValues.MinimumLength || length > NamedValues.MaximumLength || !NamedValues.IsTokenValue(text, start, length))
            {
                return false;
            }

            // A GUID (most key-shaped literals in enterprise code: ids, scopes, correlation ids) has the hints of every
            // GUID: learnt from the first one, not from a copy of each.
            nameHints = length == GuidLength && NamedValues.IsGuid(text, start)
                ? GuidHints ??= NamedValues.NameHints(text.Substring(start, length))
                : start == 0 && length == text.Length ? NamedValues.NameHints(text) : NamedValues.NameHints(text, start, length);
            return nameHints == null || nameHints.Count > 0;
        }

        private const int GuidLength = 36;

        /// <summary>
        /// <see cref="NameHints"/> of a GUID: the same for every GUID (no context rule looks at a GUID's digits, only at its
        /// shape; <c>SecretScannerTests</c> holds that), so one is kept.
        /// </summary>
        private static IReadOnlyList<string>? GuidHints;

        /// <summary>A character a value judged by its name may hold: printable ASCII but whitespace, quotes, brackets and separators.</summary>
        public static bool IsTokenCharacter(char c) => NamedValues.IsTokenCharacter(c);

        /// <summary>
        /// For a value that <see cref="MightBeNamedValue(string)"/>: null when any secret-like name could make it a key
        /// (a generic secret), else text of which at least one occurs, ignoring case, in any name that makes it a
        /// provider's key. A caller that must work to learn a name (bind a call to find its parameter) can first check
        /// that some hint occurs anywhere the name could come from.
        /// </summary>
        public static IReadOnlyList<string>? NameHints(string value)
        {
            string token = value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? value.Substring(BearerPrefix.Length) : value;
            return NamedValues.NameHints(token);
        }

        /// <summary>
        /// Hands over what <see cref="MightBeNamedValue(string, int, int, out IReadOnlyList{string})"/> found for the text of
        /// <paramref name="value"/> (<paramref name="nameHints"/>: null when it is a generic secret), so that judging the same
        /// value under a name next (<see cref="TryMatchNamedValue(string, string, out SecretMatch)"/>) does not work out again
        /// whether it is a generic secret. The answers do not change: the hints must be those of this exact text. A
        /// "Bearer …" value is left alone (its hints are its token's).
        /// </summary>
        public static void RememberNameHints(string value, IReadOnlyList<string>? nameHints)
        {
            if (value != null && !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                NamedValues.RememberGenericVerdict(value, nameHints == null);
            }
        }

        /// <summary>
        /// False when <paramref name="name"/> holds none of the words that make a name secret-like (key, token, secret,
        /// password, credential, …): under such a name <see cref="TryMatchNamedValue"/> finds nothing (except for a
        /// "Bearer …" value). Ordinal, case-insensitive, no allocation.
        /// </summary>
        public static bool NameMayBeSecretLike(string name) => NamedValues.MayBeSecretLike(name, 0, name.Length);

        /// <summary><see cref="NameMayBeSecretLike(string)"/> for the name <c>text.Substring(start, length)</c>, without allocating it.</summary>
        public static bool NameMayBeSecretLike(string text, int start, int length) => NamedValues.MayBeSecretLike(text, start, length);

        /// <summary>
        /// Context-gated keys. <paramref name="name"/> is what the code or config shows about the value (an
        /// identifier, a JSON/config key path, an environment variable, a parameter name, or a credential type
        /// such as <c>AzureKeyCredential</c>). Returns a provider-specific match covering the whole value when the
        /// name identifies a provider's key and the value has that provider's shape; a generic match
        /// (<see cref="KeyFormat.IsGeneric"/>) when the name is key-like and the value is a high-entropy token with
        /// no known prefix; false for placeholders, GUIDs, hashes, URLs, prose, paths, identifiers, and for
        /// self-identifying keys (<see cref="Scan"/> reports those). A value "Bearer &lt;token&gt;" is judged by its
        /// token under any name; the match then starts after "Bearer ".
        /// </summary>
        public static bool TryMatchNamedValue(string name, string value, out SecretMatch match) => TryMatchNamedValue(name, null, value, out match);

        /// <summary>Some context-gated provider format has <paramref name="value"/>'s shape (a "Bearer " prefix aside): a name could make it that provider's key.</summary>
        public static bool HasProviderShape(string value) =>
            NamedValues.HasSomeProviderShape(value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? value.Substring(BearerPrefix.Length) : value);

        /// <summary>
        /// <see cref="TryMatchNamedValue(string, string, out SecretMatch)"/> for a value whose own name says only that it is a
        /// key (<c>Key</c>, <c>x-api-key</c>, a bearer token) and whose <paramref name="context"/> says whose: an enclosing
        /// type, namespace or method name, the host of a URL next to it, a sibling value, a called method. Provider keys only.
        /// </summary>
        public static bool TryMatchNamedValueInContext(string name, string context, string value, out SecretMatch match) =>
            TryMatchNamedValue(name, context ?? string.Empty, value, out match);

        private static bool TryMatchNamedValue(string name, string? context, string value, out SecretMatch match)
        {
            match = default;
            if (name == null || value == null)
            {
                return false;
            }

            // "Basic <base64 of user:password>" (an Authorization header value, issue 16): the credentials carry the key
            // encoded, whatever the name says; only a self-identifying key in them is reported, at the encoded value.
            if (value.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
            {
                string credentials = value.Substring(BasicPrefix.Length).Trim();
                if (credentials.Length >= EncodedKeys.MinimumLength && EncodedKeys.TryFindKey(credentials, out KeyFormat? inCredentials))
                {
                    match = EncodedKeys.Match(value, value.IndexOf(credentials, BasicPrefix.Length, StringComparison.Ordinal), credentials.Length, inCredentials!);
                    return true;
                }

                return false;
            }

            // "Bearer <token>" (an Authorization header value): the token is the secret, whatever the name says.
            bool bearer = value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);
            string token = bearer ? value.Substring(BearerPrefix.Length) : value;
            if (token.Length < NamedValues.MinimumLength || token.Length > NamedValues.MaximumLength || !NamedValues.IsTokenValue(token))
            {
                return false;
            }

            // A reference to a credential held elsewhere ($OPENAI_API_KEY, %OPENAI_API_KEY%) is never the credential.
            // The forms with braces, parentheses or a scheme never get here (IsTokenValue refused them).
            if (CredentialReference.IsReference(token))
            {
                return false;
            }

            if (MightContainKey(token))
            {
                List<SecretMatch> found = scratch ??= new List<SecretMatch>();
                found.Clear();
                Scan(token, found);
                bool selfIdentifying = found.Count > 0;
                found.Clear();
                if (selfIdentifying)
                {
                    return false;
                }
            }

            // A key carried as base64, base64url or hex (a Kubernetes Secret's data, a value someone encoded to get it past a
            // scanner): the key it encodes, reported at the encoded value.
            if (EncodedKeys.TryFindKey(token, out KeyFormat? encoded))
            {
                match = EncodedKeys.Match(value, value.Length - token.Length, token.Length, encoded!);
                return true;
            }

            // A GitHub token's exact shape with a checksum that does not match (the example token in GitHub's REST
            // documentation, a typed-in fake) is no GitHub token, and its prefix says it is no other secret either.
            if (FixedFormats.HasGitHubShapeButNoChecksum(token))
            {
                return false;
            }

            KeyFormat? format = context != null ? NamedValues.ClassifyInContext(name, context, token) : NamedValues.Classify(name, token, nameIsSecretLike: bearer);
            if (format == null)
            {
                return false;
            }

            int start = value.Length - token.Length;
            match = new SecretMatch(start, token.Length, format, Redaction.Redact(value, start, token.Length, token.StartsWith(format.Prefix, StringComparison.Ordinal) ? format.Prefix : string.Empty)); // only a prefix the value has (sk-ant-api04-… is Anthropic's, not "sk-ant-api03-")
            return true;
        }

        /// <summary>The separator anchor whose first separator is at <paramref name="sep"/>, if any.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static Anchor? AnchorAtSeparator(string text, int sep)
        {
            if (sep == 0)
            {
                return null;
            }

            char before = text[sep - 1];
            Anchor[]? candidates = before < 128 ? BySeparatorPredecessor[before] : null;
            if (candidates == null)
            {
                return null;
            }

            foreach (Anchor anchor in candidates)
            {
                if (text[sep] == anchor.Text[anchor.SeparatorOffset] && TokenText.At(text, sep - anchor.SeparatorOffset, anchor.Text))
                {
                    return anchor;
                }
            }

            return null;
        }

        private static Anchor[]?[] BuildSeparatorTable()
        {
            var lists = new List<Anchor>?[128];
            foreach (Anchor anchor in SeparatorAnchors)
            {
                char before = anchor.Text[anchor.SeparatorOffset - 1];
                (lists[before] ??= new List<Anchor>()).Add(anchor);
            }

            var table = new Anchor[]?[128];
            for (int i = 0; i < 128; i++)
            {
                table[i] = lists[i]?.ToArray();
            }

            return table;
        }

        /// <summary>Whether <paramref name="position"/> lies in a match of this or the previous chunk.</summary>
        private static bool Covered(List<SecretMatch> results, int from, int position)
        {
            for (int i = from; i < results.Count; i++)
            {
                SecretMatch m = results[i];
                if (position >= m.Start && position < m.Start + m.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Anchor
        {
            public Anchor(string text, Matcher match)
            {
                Text = text;
                Match = match;
                SeparatorOffset = text.IndexOfAny(Separators);
            }

            public string Text { get; }

            public Matcher Match { get; }

            /// <summary>Offset of the first '-' or '_' in the anchor; -1 for plain anchors.</summary>
            public int SeparatorOffset { get; }
        }

        private sealed class StartComparer : IComparer<SecretMatch>
        {
            public int Compare(SecretMatch x, SecretMatch y) => x.Start.CompareTo(y.Start);
        }
    }
}
