using System;
using System.Collections.Generic;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Finds AI-provider keys in text. A cheap prefilter first (ordinal searches for a small set of fixed anchor
    /// substrings, chunk by chunk so the text is read from memory once), exact format checks only around a hit,
    /// no regex anywhere and no allocation unless a key is found. Formats: <see cref="KeyCatalog"/>.
    /// </summary>
    public static class SecretScanner
    {
        /// <summary>The shortest self-identifying key (AWS access key id) is 20 characters.</summary>
        internal const int MinimumKeyLength = 20;

        private const int ChunkSize = 16 * 1024;

        /// <summary>
        /// Every self-identifying format contains one of these anchors; each anchor has one matcher that knows
        /// every format reachable from it. Keep this list short: each anchor costs one vectorized pass per chunk.
        /// </summary>
        private static readonly Anchor[] Anchors =
        {
            new Anchor("sk-", FixedFormats.MatchSkDash),             // OpenAI, Anthropic, OpenRouter, Langfuse, Cerebras (csk-)
            new Anchor("sk_", FixedFormats.MatchSkUnderscore),       // Groq (gsk_), Pinecone (pcsk_), ElevenLabs
            new Anchor("gh", FixedFormats.MatchGitHub),              // ghp_ gho_ ghu_ ghs_ ghr_
            new Anchor("github_pat_", FixedFormats.MatchGitHubFineGrained),
            new Anchor("AIza", FixedFormats.MatchGoogleApiKey),
            new Anchor("AKIA", FixedFormats.MatchAwsAccessKeyId),
            new Anchor("ASIA", FixedFormats.MatchAwsAccessKeyId),
            new Anchor("ABSK", FixedFormats.MatchBedrockLongTerm),
            new Anchor("bedrock-api-key-", FixedFormats.MatchBedrockShortTerm),
            new Anchor("hf_", FixedFormats.MatchHuggingFaceUser),
            new Anchor("api_org_", FixedFormats.MatchHuggingFaceOrg),
            new Anchor("r8_", FixedFormats.MatchReplicate),
            new Anchor("xai-", FixedFormats.MatchXAi),
            new Anchor("pplx-", FixedFormats.MatchPerplexity),
            new Anchor("tgp_v1_", FixedFormats.MatchTogether),
            new Anchor("fw_", FixedFormats.MatchFireworks),
            new Anchor("pa-", FixedFormats.MatchVoyage),
            new Anchor("lsv2_", FixedFormats.MatchLangSmith),
            new Anchor("JQQJ99", FixedFormats.MatchAzureIdentifiable),
            new Anchor("PRIVATE KEY-----", FixedFormats.MatchPemPrivateKey),
        };

        private static readonly IComparer<SecretMatch> ByStart = new StartComparer();

        [ThreadStatic]
        private static List<SecretMatch>? scratch;

        internal delegate bool Matcher(string text, int hit, out SecretMatch match);

        /// <summary>The anchor substrings of the prefilter (for tests and documentation).</summary>
        internal static IEnumerable<string> AnchorStrings
        {
            get
            {
                foreach (Anchor a in Anchors)
                {
                    yield return a.Text;
                }
            }
        }

        /// <summary>
        /// True when the text could hold a self-identifying key; false means <see cref="Scan"/> finds nothing.
        /// Ordinal searches only, no allocation.
        /// </summary>
        public static bool MightContainKey(string text)
        {
            if (text == null || text.Length < MinimumKeyLength)
            {
                return false;
            }

            for (int chunk = 0; chunk < text.Length; chunk += ChunkSize)
            {
                int chunkEnd = Math.Min(text.Length, chunk + ChunkSize);
                foreach (Anchor anchor in Anchors)
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
            for (int chunk = 0; chunk < text.Length; chunk += ChunkSize)
            {
                int chunkEnd = Math.Min(text.Length, chunk + ChunkSize);
                foreach (Anchor anchor in Anchors)
                {
                    // An occurrence that starts in this chunk may end in the next one.
                    int limit = Math.Min(text.Length, chunkEnd + anchor.Text.Length - 1);
                    int from = chunk;
                    while (limit - from >= anchor.Text.Length)
                    {
                        int hit = text.IndexOf(anchor.Text, from, limit - from, StringComparison.Ordinal);
                        if (hit < 0)
                        {
                            break;
                        }

                        if (!Covered(results, first, hit) && anchor.Match(text, hit, out SecretMatch match))
                        {
                            results.Add(match);
                        }

                        from = hit + 1;
                    }
                }
            }

            if (results.Count - first > 1)
            {
                results.Sort(first, results.Count - first, ByStart);
            }
        }

        /// <summary>
        /// Context-gated keys. <paramref name="name"/> is what the code or config shows about the value (an
        /// identifier, a JSON/config key path, an environment variable, a parameter name, or a credential type
        /// such as <c>AzureKeyCredential</c>). Returns a provider-specific match covering the whole value when the
        /// name identifies a provider's key and the value has that provider's shape; a generic match
        /// (<see cref="KeyFormat.IsGeneric"/>) when the name is key-like and the value is a high-entropy token with
        /// no known prefix; false for placeholders, GUIDs, hashes, URLs, prose, paths, identifiers, and for
        /// self-identifying keys (<see cref="Scan"/> reports those).
        /// </summary>
        public static bool TryMatchNamedValue(string name, string value, out SecretMatch match)
        {
            match = default;
            if (name == null || value == null || value.Length < NamedValues.MinimumLength || value.Length > NamedValues.MaximumLength)
            {
                return false;
            }

            if (!NamedValues.IsTokenValue(value))
            {
                return false;
            }

            if (MightContainKey(value))
            {
                List<SecretMatch> found = scratch ??= new List<SecretMatch>();
                found.Clear();
                Scan(value, found);
                bool selfIdentifying = found.Count > 0;
                found.Clear();
                if (selfIdentifying)
                {
                    return false;
                }
            }

            KeyFormat? format = NamedValues.Classify(name, value);
            if (format == null)
            {
                return false;
            }

            match = new SecretMatch(0, value.Length, format, Redaction.Redact(value, 0, value.Length, format.Prefix));
            return true;
        }

        private static bool Covered(List<SecretMatch> results, int first, int position)
        {
            for (int i = first; i < results.Count; i++)
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
            }

            public string Text { get; }

            public Matcher Match { get; }
        }

        private sealed class StartComparer : IComparer<SecretMatch>
        {
            public int Compare(SecretMatch x, SecretMatch y) => x.Start.CompareTo(y.Start);
        }
    }
}
