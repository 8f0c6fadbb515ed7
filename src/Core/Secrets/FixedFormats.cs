namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Exact checks for the self-identifying formats, one matcher per prefilter anchor. Each matcher gets the
    /// position of its anchor and decides the whole token: start boundary, token extent (a key followed by more
    /// token characters is not a key), length, alphabet, markers/checksums, and the placeholder filter.
    /// </summary>
    internal static class FixedFormats
    {
        private const string OpenAiMarker = "T3BlbkFJ"; // base64("OpenAI")
        // "ABSK" + base64("BedrockAPIKey-…"): the 23rd character carries the last bits of '-' and the first two of the key
        // id's first character, so it is '1' for an id that starts with a letter and '0' for one that starts with a digit.
        private const string BedrockLongPrefix = "ABSKQmVkcm9ja0FQSUtleS";
        private const string BedrockShortPrefix = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"; // + base64("bedrock.amazonaws.com")

        private static readonly string[] OpenAiPrefixes = { "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-" };
        private static readonly KeyFormat[] OpenAiPrefixFormats =
        {
            KeyCatalog.OpenAiProject, KeyCatalog.OpenAiServiceAccount, KeyCatalog.OpenAiAdmin, KeyCatalog.OpenAiUserNone,
        };

        private static readonly string[] PemKinds = { "", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED " };

        // ---- sk- : OpenAI, Anthropic, OpenRouter, Langfuse, Cerebras -------------------------------------------

        public static bool MatchSkDash(string text, int p, out SecretMatch match)
        {
            match = default;
            if (p > 0 && text[p - 1] == 'c')
            {
                // Cerebras: csk- + 48 [a-z0-9]
                int cs = p - 1;
                int ce = TokenText.TokenEnd(text, p);
                return TokenText.StartsToken(text, cs) && ce - cs == 52 &&
                    TokenText.All(text, p + 3, 48, c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) &&
                    RandomEnough(text, p + 3, 48) &&
                    Found(text, cs, 52, KeyCatalog.Cerebras, out match);
            }

            if (!TokenText.StartsToken(text, p))
            {
                return false;
            }

            int end = TokenText.TokenEnd(text, p);
            int length = end - p;

            if (TokenText.At(text, p, "sk-ant-"))
            {
                return MatchAnthropic(text, p, end, out match);
            }

            if (TokenText.At(text, p, "sk-or-v1-"))
            {
                return length == 73 && TokenText.AllLowerHex(text, p + 9, 64) && RandomEnough(text, p + 9, 64) &&
                    Found(text, p, length, KeyCatalog.OpenRouter, out match);
            }

            if (TokenText.At(text, p, "sk-lf-"))
            {
                return length == 42 && NamedValues.IsGuid(text, p + 6) && RandomEnough(text, p + 6, 36) &&
                    Found(text, p, length, KeyCatalog.Langfuse, out match);
            }

            int marker = text.IndexOf(OpenAiMarker, p, length, System.StringComparison.Ordinal);
            if (marker < 0)
            {
                // sk-None- + 48 [A-Za-z0-9]: the short user-key form has no marker.
                return TokenText.At(text, p, "sk-None-") && length == 56 && TokenText.AllAlnum(text, p + 8, 48) &&
                    RandomEnough(text, p + 8, 48) && Found(text, p, length, KeyCatalog.OpenAiUserNoneShort, out match);
            }

            int afterMarker = marker + OpenAiMarker.Length;
            int after = end - afterMarker;
            for (int i = 0; i < OpenAiPrefixes.Length; i++)
            {
                string prefix = OpenAiPrefixes[i];
                if (!TokenText.At(text, p, prefix))
                {
                    continue;
                }

                int bodyStart = p + prefix.Length;
                int before = marker - bodyStart;
                return before == after && (before == 74 || before == 58) &&
                    !TokenText.IsPlaceholder(text, bodyStart, before, 6, words: false) &&
                    !TokenText.IsPlaceholder(text, afterMarker, after, 6, words: false) &&
                    Found(text, p, length, OpenAiPrefixFormats[i], out match);
            }

            // Legacy: sk- + 20 [A-Za-z0-9] + T3BlbkFJ + 20 [A-Za-z0-9]
            return length == 51 && marker == p + 23 &&
                TokenText.AllAlnum(text, p + 3, 20) && TokenText.AllAlnum(text, afterMarker, 20) &&
                !TokenText.IsPlaceholder(text, p + 3, 20, 6, words: false) &&
                !TokenText.IsPlaceholder(text, afterMarker, 20, 6, words: false) &&
                Found(text, p, length, KeyCatalog.OpenAiLegacy, out match);
        }

        private static bool MatchAnthropic(string text, int p, int end, out SecretMatch match)
        {
            match = default;
            int length = end - p;
            KeyFormat format;
            int prefixLength;
            if (TokenText.At(text, p, "sk-ant-api0") && p + 12 < text.Length && char.IsDigit(text[p + 11]) && text[p + 12] == '-')
            {
                format = KeyCatalog.AnthropicApi;
                prefixLength = 13;
            }
            else if (TokenText.At(text, p, "sk-ant-admin01-"))
            {
                format = KeyCatalog.AnthropicAdmin;
                prefixLength = 15;
            }
            else if (TokenText.At(text, p, "sk-ant-oat01-") || TokenText.At(text, p, "sk-ant-ort01-"))
            {
                int body = length - 13;
                return body >= 80 && body <= 120 && RandomEnough(text, p + 13, body) &&
                    Found(text, p, length, KeyCatalog.ClaudeCodeOAuth, out match, text.Substring(p, 13));
            }
            else
            {
                return false;
            }

            // prefix + 93 [A-Za-z0-9_-] + "AA"
            return length == prefixLength + 95 && text[end - 2] == 'A' && text[end - 1] == 'A' &&
                !TokenText.IsPlaceholder(text, p + prefixLength, 93, 6, words: false) &&
                Found(text, p, length, format, out match, text.Substring(p, prefixLength));
        }

        // ---- sk_ : Groq (gsk_), Pinecone (pcsk_), ElevenLabs (sk_) ---------------------------------------------

        public static bool MatchSkUnderscore(string text, int p, out SecretMatch match)
        {
            match = default;
            if (p > 0 && text[p - 1] == 'g')
            {
                int gs = p - 1;
                int ge = TokenText.TokenEnd(text, p);
                return TokenText.StartsToken(text, gs) && ge - gs == 56 && TokenText.AllAlnum(text, p + 3, 52) &&
                    RandomEnough(text, p + 3, 52) && Found(text, gs, 56, KeyCatalog.Groq, out match);
            }

            if (p > 1 && text[p - 1] == 'c' && text[p - 2] == 'p')
            {
                // pcsk_ + 5..6 [A-Za-z0-9] + _ + 63 [A-Za-z0-9]
                int ps = p - 2;
                int pe = TokenText.TokenEnd(text, p);
                int length = pe - ps;
                int id = length == 74 ? 5 : length == 75 ? 6 : 0;
                return id > 0 && TokenText.StartsToken(text, ps) && TokenText.AllAlnum(text, ps + 5, id) &&
                    text[ps + 5 + id] == '_' && TokenText.AllAlnum(text, ps + 6 + id, 63) &&
                    RandomEnough(text, ps + 6 + id, 63) && Found(text, ps, length, KeyCatalog.Pinecone, out match);
            }

            int end = TokenText.TokenEnd(text, p);
            return TokenText.StartsToken(text, p) && end - p == 51 && TokenText.AllLowerHex(text, p + 3, 48) &&
                RandomEnough(text, p + 3, 48) && Found(text, p, 51, KeyCatalog.ElevenLabs, out match);
        }

        // ---- GitHub -------------------------------------------------------------------------------------------

        public static bool MatchGitHub(string text, int p, out SecretMatch match)
        {
            match = default;
            if (p + 40 > text.Length || text[p + 3] != '_' || !TokenText.StartsToken(text, p))
            {
                return false;
            }

            KeyFormat format;
            switch (text[p + 2])
            {
                case 'p': format = KeyCatalog.GitHubClassicPat; break;
                case 'o': format = KeyCatalog.GitHubOAuth; break;
                case 'u': format = KeyCatalog.GitHubUserToServer; break;
                case 's': format = KeyCatalog.GitHubServerToServer; break;
                case 'r': format = KeyCatalog.GitHubRefresh; break;
                default: return false;
            }

            return TokenText.TokenEnd(text, p) - p == 40 && TokenText.AllAlnum(text, p + 4, 36) &&
                GitHubChecksum.Matches(text, p + 4, 30, p + 34) &&
                !TokenText.IsPlaceholder(text, p + 4, 30, 6, words: false) &&
                Found(text, p, 40, format, out match);
        }

        /// <summary><c>gh[pousr]_</c> + 36 letters and digits whose last six are not the CRC32 of the 30 before them.</summary>
        public static bool HasGitHubShapeButNoChecksum(string value) =>
            value.Length == 40 && value[0] == 'g' && value[1] == 'h' && "pousr".IndexOf(value[2]) >= 0 && value[3] == '_' &&
            TokenText.AllAlnum(value, 4, 36) && !GitHubChecksum.Matches(value, 4, 30, 34);

        public static bool MatchGitHubFineGrained(string text, int p, out SecretMatch match)
        {
            // github_pat_ + 22 [A-Za-z0-9] + _ + 59 [A-Za-z0-9]
            match = default;
            return TokenText.StartsToken(text, p) && TokenText.TokenEnd(text, p) - p == 93 &&
                TokenText.AllAlnum(text, p + 11, 22) && text[p + 33] == '_' && TokenText.AllAlnum(text, p + 34, 59) &&
                RandomEnough(text, p + 34, 59) && Found(text, p, 93, KeyCatalog.GitHubFineGrainedPat, out match);
        }

        // ---- Google, AWS, Bedrock -----------------------------------------------------------------------------

        public static bool MatchGoogleApiKey(string text, int p, out SecretMatch match) =>
            Prefixed(text, p, 4, 35, 35, TokenText.IsTokenChar, KeyCatalog.GoogleApiKey, out match);

        public static bool MatchAwsAccessKeyId(string text, int p, out SecretMatch match)
        {
            // AKIA|ASIA + 16 [A-Z2-7] (base32 of the account and a random part). A body may have no digit at all, so the
            // two-character-classes test of the other prefixed formats does not apply: placeholders (runs, sequences,
            // EXAMPLE and the other placeholder words) and low entropy are out. A run or sequence of five: four in a row
            // ("DCBA", "WXYZ") turns up by chance in about one random id in 1,500, and such an id is a key.
            match = default;
            return TokenText.StartsToken(text, p) && TokenText.TokenEnd(text, p) - p == 20 &&
                TokenText.All(text, p + 4, 16, c => (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')) &&
                !TokenText.IsPlaceholder(text, p + 4, 16, 5, words: true, wordsAsWritten: true) &&
                TokenText.Entropy(text, p + 4, 16) >= 2.75 &&
                Found(text, p, 20, KeyCatalog.AwsAccessKeyId, out match, text.Substring(p, 4)); // show AKIA or ASIA as found
        }

        public static bool MatchBedrockLongTerm(string text, int p, out SecretMatch match)
        {
            // ABSK + base64("BedrockAPIKey-<id>-at-<account>:<secret>"), 109..269 characters after ABSK
            match = default;
            if (!TokenText.At(text, p, BedrockLongPrefix) || p + BedrockLongPrefix.Length >= text.Length ||
                (text[p + BedrockLongPrefix.Length] != '0' && text[p + BedrockLongPrefix.Length] != '1') ||
                !TokenText.StartsToken(text, p) || (p > 0 && (text[p - 1] == '+' || text[p - 1] == '/')))
            {
                return false;
            }

            int end = Base64End(text, p);
            int body = end - p - 4;
            return body >= 109 && body <= 269 &&
                !TokenText.IsPlaceholder(text, p + BedrockLongPrefix.Length, end - p - BedrockLongPrefix.Length, 6, words: false) &&
                Found(text, p, end - p, KeyCatalog.BedrockLongTerm, out match);
        }

        public static bool MatchBedrockShortTerm(string text, int p, out SecretMatch match)
        {
            // bedrock-api-key- + base64 of a presigned "bedrock.amazonaws.com/?Action=CallWithBearerToken…" URL
            match = default;
            if (!TokenText.At(text, p, BedrockShortPrefix) || !TokenText.StartsToken(text, p))
            {
                return false;
            }

            int end = Base64End(text, p + 16);
            return end - p - 16 >= 100 &&
                !TokenText.IsPlaceholder(text, p + BedrockShortPrefix.Length, end - p - BedrockShortPrefix.Length, 6, words: false) &&
                Found(text, p, end - p, KeyCatalog.BedrockShortTerm, out match);
        }

        // ---- Hugging Face and the prefixed AI providers --------------------------------------------------------

        public static bool MatchHuggingFaceUser(string text, int p, out SecretMatch match) =>
            HuggingFace(text, p, 3, KeyCatalog.HuggingFaceUser, out match);

        public static bool MatchHuggingFaceOrg(string text, int p, out SecretMatch match) =>
            HuggingFace(text, p, 8, KeyCatalog.HuggingFaceOrg, out match);

        public static bool MatchReplicate(string text, int p, out SecretMatch match) =>
            Prefixed(text, p, 3, 37, 37, TokenText.IsTokenChar, KeyCatalog.Replicate, out match);

        public static bool MatchXAi(string text, int p, out SecretMatch match) =>
            Prefixed(text, p, 4, 70, 120, c => TokenText.IsAlnum(c) || c == '_', KeyCatalog.XAi, out match);

        public static bool MatchPerplexity(string text, int p, out SecretMatch match) =>
            Prefixed(text, p, 5, 48, 48, TokenText.IsAlnum, KeyCatalog.Perplexity, out match);

        public static bool MatchNvidia(string text, int p, out SecretMatch match) =>
            Prefixed(text, p, 6, 60, 72, TokenText.IsTokenChar, KeyCatalog.Nvidia, out match);

        public static bool MatchTogether(string text, int p, out SecretMatch match) =>
            Prefixed(text, p, 7, 43, 43, TokenText.IsTokenChar, KeyCatalog.Together, out match);

        public static bool MatchFireworks(string text, int p, out SecretMatch match)
        {
            match = default;
            int body = TokenText.TokenEnd(text, p) - p - 3;
            return body >= 20 && body <= 40 && !TokenText.LooksLikeIdentifier(text, p + 3, body) && MixedCase(text, p + 3, body) &&
                Prefixed(text, p, 3, 20, 40, TokenText.IsAlnum, KeyCatalog.Fireworks, out match);
        }

        public static bool MatchVoyage(string text, int p, out SecretMatch match)
        {
            // "pa-" is a short, common prefix: a random base64url body has both cases; hex ids and slugs do not.
            match = default;
            return MixedCase(text, p + 3, System.Math.Min(43, text.Length - p - 3)) &&
                Prefixed(text, p, 3, 43, 43, TokenText.IsTokenChar, KeyCatalog.Voyage, out match);
        }

        public static bool MatchLangSmith(string text, int p, out SecretMatch match)
        {
            // lsv2_(pt|sk)_ + 32 [0-9a-f] + _ + 10 [0-9a-f]
            match = default;
            KeyFormat format;
            if (TokenText.At(text, p, "lsv2_pt_"))
            {
                format = KeyCatalog.LangSmithPersonal;
            }
            else if (TokenText.At(text, p, "lsv2_sk_"))
            {
                format = KeyCatalog.LangSmithService;
            }
            else
            {
                return false;
            }

            return TokenText.StartsToken(text, p) && TokenText.TokenEnd(text, p) - p == 51 &&
                TokenText.AllLowerHex(text, p + 8, 32) && text[p + 40] == '_' && TokenText.AllLowerHex(text, p + 41, 10) &&
                RandomEnough(text, p + 8, 32) && Found(text, p, 51, format, out match);
        }

        // ---- Azure identifiable keys --------------------------------------------------------------------------

        public static bool MatchAzureIdentifiable(string text, int p, out SecretMatch match)
        {
            // 52 [A-Za-z0-9] + JQQJ99 + year + month [A-L] + 12 + 4 provider-reserved + ACOG + 4 checksum = 84.
            // The Marvin32 checksum is not verified (see docs/secrets-catalog.md); the two fixed markers are.
            match = default;
            int start = p - 52;
            if (start < 0 || !TokenText.StartsToken(text, start) || TokenText.TokenEnd(text, start) - start != 84 ||
                !TokenText.AllAlnum(text, start, 84) || !TokenText.At(text, start + 76, "ACOG") ||
                text[start + 59] < 'A' || text[start + 59] > 'L' ||
                TokenText.IsPlaceholder(text, start, 52, 6, words: false))
            {
                return false;
            }

            KeyFormat format = TokenText.At(text, start + 72, "AAAB") ? KeyCatalog.AzureOpenAiIdentifiable : KeyCatalog.AzureAiServicesIdentifiable;
            return Found(text, start, 84, format, out match);
        }

        // ---- PEM private keys (Google service-account JSON and others) ----------------------------------------

        public static bool MatchPemPrivateKey(string text, int p, out SecretMatch match)
        {
            match = default;
            int headerStart = -1;
            foreach (string kind in PemKinds)
            {
                int candidate = p - kind.Length - 11;
                if (TokenText.At(text, candidate, "-----BEGIN " + kind))
                {
                    headerStart = candidate;
                    break;
                }
            }

            if (headerStart < 0 || TokenText.At(text, headerStart + 11, "ENCRYPTED "))
            {
                return false; // END lines, and encrypted keys (useless without their passphrase)
            }

            int headerEnd = p + 16;
            int i = headerEnd;
            int base64 = 0;
            int firstBase64 = -1;
            while (i < text.Length)
            {
                char c = text[i];
                if (TokenText.IsBase64(c) || c == '=')
                {
                    if (firstBase64 < 0)
                    {
                        firstBase64 = i;
                    }

                    base64++;
                    i++;
                }
                else if (c == '\r' || c == '\n' || c == ' ' || c == '\t')
                {
                    i++;
                }
                else if (c == '\\' && i + 1 < text.Length && (text[i + 1] == 'n' || text[i + 1] == 'r' || text[i + 1] == '\\'))
                {
                    i += 2; // "\n" escapes inside a JSON or C# string
                }
                else
                {
                    break;
                }
            }

            // A real key body: at least 64 base64 characters, DER (starts "MI") or OpenSSH ("b3BlbnNzaC1rZXktdjE").
            if (base64 < 64 || firstBase64 < 0 ||
                !(TokenText.At(text, firstBase64, "MI") || TokenText.At(text, firstBase64, "b3BlbnNzaC1rZXktdjE")) ||
                TokenText.IsPlaceholder(text, firstBase64, i - firstBase64, 8, words: false))
            {
                return false;
            }

            int end = i;
            if (TokenText.At(text, i, "-----END "))
            {
                int close = text.IndexOf("PRIVATE KEY-----", i, System.Math.Min(40, text.Length - i), System.StringComparison.Ordinal);
                if (close < 0)
                {
                    return false;
                }

                end = close + 16;
            }
            else if (i < text.Length && text[i] != '"' && text[i] != '\'')
            {
                return false; // "MIIEv...": an elided documentation sample, not a key
            }

            int lookBack = System.Math.Max(0, headerStart - 300);
            bool google = text.IndexOf("private_key", lookBack, headerStart - lookBack, System.StringComparison.Ordinal) >= 0;
            KeyFormat format = google ? KeyCatalog.GoogleServiceAccountKey : KeyCatalog.PemPrivateKey;
            return Found(text, headerStart, end - headerStart, format, out match, text.Substring(headerStart, headerEnd - headerStart));
        }

        // ---- helpers ------------------------------------------------------------------------------------------

        /// <summary>prefix (already matched by the anchor) + minBody..maxBody characters of <paramref name="body"/>.</summary>
        private static bool Prefixed(string text, int p, int prefixLength, int minBody, int maxBody, System.Func<char, bool> body, KeyFormat format, out SecretMatch match)
        {
            match = default;
            if (!TokenText.StartsToken(text, p))
            {
                return false;
            }

            int length = TokenText.TokenEnd(text, p) - p;
            int bodyLength = length - prefixLength;
            return bodyLength >= minBody && bodyLength <= maxBody &&
                TokenText.All(text, p + prefixLength, bodyLength, body) &&
                RandomEnough(text, p + prefixLength, bodyLength) &&
                Found(text, p, length, format, out match);
        }

        private static bool HuggingFace(string text, int p, int prefixLength, KeyFormat format, out SecretMatch match)
        {
            // prefix + 34 [A-Za-z0-9]; a camelCase or single-case letter run is an identifier (hf_getConfigFromHub…)
            match = default;
            return TokenText.StartsToken(text, p) && TokenText.TokenEnd(text, p) - p == prefixLength + 34 &&
                !TokenText.LooksLikeIdentifier(text, p + prefixLength, 34) &&
                Prefixed(text, p, prefixLength, 34, 34, TokenText.IsAlnum, format, out match);
        }

        /// <summary>
        /// For formats with a prefix but no marker or checksum: not a placeholder (runs, sequences, placeholder
        /// words), at least two of lower/upper/digit, and at least 3 bits of entropy per character.
        /// </summary>
        /// <param name="wordsAsWritten">
        /// A key with a fixed prefix: a placeholder word counts only as documentation writes it (see
        /// <see cref="TokenText.IsPlaceholder(string, int, int, int, bool, bool)"/>). A value with no prefix, judged by its
        /// name, has nothing else to tell a key from a placeholder: any placeholder word in it counts.
        /// </param>
        internal static bool RandomEnough(string text, int start, int count, bool wordsAsWritten = true)
        {
            if (TokenText.IsPlaceholder(text, start, count, 6, words: true, wordsAsWritten))
            {
                return false;
            }

            bool lower = false, upper = false, digit = false;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                lower |= c >= 'a' && c <= 'z';
                upper |= c >= 'A' && c <= 'Z';
                digit |= c >= '0' && c <= '9';
            }

            return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) >= 2 && TokenText.Entropy(text, start, count) >= 3.0;
        }

        /// <summary>
        /// Both an upper- and a lower-case letter: true for any random base62/base64 body of 20+ characters (the
        /// chance of one case missing is below 1e-5), false for hex digests, ids and lower-case slugs.
        /// </summary>
        private static bool MixedCase(string text, int start, int count)
        {
            bool lower = false, upper = false;
            for (int i = start; i < start + count && i < text.Length; i++)
            {
                lower |= text[i] >= 'a' && text[i] <= 'z';
                upper |= text[i] >= 'A' && text[i] <= 'Z';
            }

            return lower && upper;
        }

        private static int Base64End(string text, int start)
        {
            int end = start;
            while (end < text.Length && TokenText.IsBase64(text[end]))
            {
                end++;
            }

            int pad = 0;
            while (end < text.Length && text[end] == '=' && pad < 2)
            {
                end++;
                pad++;
            }

            // More token or base64 characters after the value: not a key boundary.
            return end < text.Length && (TokenText.IsTokenChar(text[end]) || TokenText.IsBase64(text[end]) || text[end] == '=') ? -1 : end;
        }

        private static bool Found(string text, int start, int length, KeyFormat format, out SecretMatch match, string? shownPrefix = null)
        {
            match = new SecretMatch(start, length, format, Redaction.Redact(text, start, length, shownPrefix ?? format.Prefix));
            return true;
        }
    }
}
