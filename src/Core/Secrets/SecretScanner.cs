using System;
using System.Collections.Generic;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Finds AI-provider keys in text. Cheap prefilter first (an ordinal search for a fixed marker), exact
    /// format checks only around a hit, no regex on the common path.
    /// </summary>
    public static class SecretScanner
    {
        private const string OpenAiMarker = "T3BlbkFJ"; // base64("OpenAI"), embedded in every OpenAI key

        private static readonly KeyFormat[] OpenAiFormats =
        {
            new KeyFormat("OpenAI", "project API key", "sk-proj-", "OPENAI_API_KEY", "https://platform.openai.com/api-keys"),
            new KeyFormat("OpenAI", "service-account key", "sk-svcacct-", "OPENAI_API_KEY", "https://platform.openai.com/api-keys"),
            new KeyFormat("OpenAI", "admin key", "sk-admin-", "OPENAI_ADMIN_KEY", "https://platform.openai.com/settings/organization/admin-keys"),
            new KeyFormat("OpenAI", "user API key", "sk-None-", "OPENAI_API_KEY", "https://platform.openai.com/api-keys"),
            new KeyFormat("OpenAI", "legacy user API key", "sk-", "OPENAI_API_KEY", "https://platform.openai.com/api-keys"),
        };

        /// <summary>True when the text could hold a key; false means <see cref="Scan"/> would find nothing.</summary>
        public static bool MightContainKey(string text) => text.IndexOf(OpenAiMarker, StringComparison.Ordinal) >= 0;

        /// <summary>Appends every key found in <paramref name="text"/> to <paramref name="results"/>.</summary>
        public static void Scan(string text, List<SecretMatch> results)
        {
            int from = 0;
            while (from < text.Length)
            {
                int marker = text.IndexOf(OpenAiMarker, from, StringComparison.Ordinal);
                if (marker < 0)
                {
                    return;
                }

                if (TryMatchOpenAi(text, marker, out SecretMatch match))
                {
                    results.Add(match);
                    from = match.Start + match.Length;
                }
                else
                {
                    from = marker + OpenAiMarker.Length;
                }
            }
        }

        private static bool TryMatchOpenAi(string text, int marker, out SecretMatch match)
        {
            match = default;

            // The token extends over [A-Za-z0-9_-] on both sides of the marker.
            int start = marker;
            while (start > 0 && IsTokenChar(text[start - 1]))
            {
                start--;
            }

            int end = marker + OpenAiMarker.Length;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            int tokenStart = text.IndexOf("sk-", start, marker - start, StringComparison.Ordinal);
            if (tokenStart != start)
            {
                return false;
            }

            int before = marker - start;
            int after = end - (marker + OpenAiMarker.Length);
            foreach (KeyFormat format in OpenAiFormats)
            {
                if (string.CompareOrdinal(text, start, format.Prefix, 0, format.Prefix.Length) != 0)
                {
                    continue;
                }

                int body = before - format.Prefix.Length;
                bool ok = format.Prefix == "sk-"
                    ? body == 20 && after == 20 && IsAlnum(text, start + 3, 20) && IsAlnum(text, marker + OpenAiMarker.Length, 20)
                    : body == after && (body == 74 || body == 58);
                if (!ok)
                {
                    continue;
                }

                match = new SecretMatch(start, end - start, format, Redaction.Redact(text, start, end - start, format.Prefix));
                return true;
            }

            return false;
        }

        private static bool IsTokenChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

        private static bool IsAlnum(string text, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
