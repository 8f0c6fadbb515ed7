using System;
using System.Collections.Generic;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// Host matching for endpoint patterns, case-insensitive and on whole labels: "api.openai.com" never matches
    /// "api.openai.com.evil.example" or "xapi.openai.com".
    /// <list type="bullet">
    /// <item>"*" as the leftmost label matches one or more labels ("*.openai.azure.com" matches "a.b.openai.azure.com").</item>
    /// <item>"*" as any other whole label matches exactly one label ("bedrock-runtime.*.amazonaws.com").</item>
    /// <item>"*" inside a label matches any run of characters in that label ("*-aiplatform.googleapis.com").</item>
    /// </list>
    /// </summary>
    public static class HostPattern
    {
        private static readonly char[] HostEnd = { '/', '?', '#', '\\' };

        /// <summary>True when <paramref name="host"/> (a bare host name, optionally with a trailing dot) matches the pattern.</summary>
        public static bool Matches(string pattern, string host)
        {
            if (string.IsNullOrEmpty(pattern) || string.IsNullOrEmpty(host))
            {
                return false;
            }

            pattern = TrimTrailingDot(pattern.Trim());
            host = TrimTrailingDot(host.Trim());
            string[] p = pattern.Split('.');
            string[] h = host.Split('.');
            foreach (string label in h)
            {
                if (label.Length == 0)
                {
                    return false;
                }
            }

            bool leadingMulti = p.Length > 1 && p[0] == "*";
            if (leadingMulti)
            {
                // The fixed suffix must match the last labels, and at least one label must precede it.
                int suffix = p.Length - 1;
                if (h.Length <= suffix)
                {
                    return false;
                }

                for (int i = 0; i < suffix; i++)
                {
                    if (!LabelMatches(p[p.Length - 1 - i], h[h.Length - 1 - i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (p.Length != h.Length)
            {
                return false;
            }

            for (int i = 0; i < p.Length; i++)
            {
                if (!LabelMatches(p[i], h[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The host of an absolute URL ("https://user@api.openai.com:443/v1?x" → "api.openai.com") or of a bare host
        /// ("api.openai.com", "api.openai.com/v1"). False for anything else (text with spaces, relative paths, no dot).
        /// </summary>
        public static bool TryExtractHost(string value, out string host)
        {
            host = string.Empty;
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            string v = value.Trim();
            int scheme = v.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                v = v.Substring(scheme + 3);
            }
            else if (v.Length == 0 || v[0] == '/')
            {
                return false;
            }

            int end = v.IndexOfAny(HostEnd);
            if (end >= 0)
            {
                v = v.Substring(0, end);
            }

            int at = v.LastIndexOf('@');
            if (at >= 0)
            {
                v = v.Substring(at + 1);
            }

            int port = v.IndexOf(':');
            if (port >= 0)
            {
                v = v.Substring(0, port);
            }

            v = TrimTrailingDot(v);
            if (v.IndexOf('.') <= 0)
            {
                return false;
            }

            foreach (char c in v)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_'))
                {
                    return false;
                }
            }

            host = v;
            return true;
        }

        /// <summary>True when any of the patterns matches <paramref name="host"/>.</summary>
        public static bool MatchesAny(IReadOnlyList<string> patterns, string host)
        {
            foreach (string pattern in patterns)
            {
                if (Matches(pattern, host))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the pattern is well-formed: non-empty labels of letters, digits, '-', '_' and '*'.</summary>
        public static bool IsValid(string pattern)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                return false;
            }

            string[] labels = TrimTrailingDot(pattern.Trim()).Split('.');
            if (labels.Length < 2)
            {
                return labels.Length == 1 && labels[0].Length > 0 && labels[0].IndexOf('*') < 0 && IsLabel(labels[0]);
            }

            foreach (string label in labels)
            {
                if (label.Length == 0 || !IsLabel(label))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLabel(string label)
        {
            foreach (char c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '*'))
                {
                    return false;
                }
            }

            return true;
        }

        private static string TrimTrailingDot(string s) =>
            s.Length > 1 && s[s.Length - 1] == '.' ? s.Substring(0, s.Length - 1) : s;

        /// <summary>Glob on one label: '*' matches any run of characters (a whole-label '*' needs a non-empty label).</summary>
        private static bool LabelMatches(string pattern, string label)
        {
            if (pattern == "*")
            {
                return label.Length > 0;
            }

            return pattern.IndexOf('*') < 0
                ? string.Equals(pattern, label, StringComparison.OrdinalIgnoreCase)
                : WildcardMatches(pattern, label);
        }

        /// <summary>
        /// Case-insensitive wildcard match of a whole string: '*' matches any run of characters (dots included), '?'
        /// one character. Used for host labels and for package-id patterns such as "Microsoft.SemanticKernel.*".
        /// Linear backtracking to the last star, so hostile patterns cannot blow up.
        /// </summary>
        public static bool WildcardMatches(string pattern, string text)
        {
            // Iterative glob with backtracking to the last star, case-insensitive.
            int pi = 0, li = 0, starP = -1, starL = 0;
            while (li < text.Length)
            {
                if (pi < pattern.Length && pattern[pi] == '*')
                {
                    starP = pi++;
                    starL = li;
                }
                else if (pi < pattern.Length && (pattern[pi] == '?' || char.ToLowerInvariant(pattern[pi]) == char.ToLowerInvariant(text[li])))
                {
                    pi++;
                    li++;
                }
                else if (starP >= 0)
                {
                    pi = starP + 1;
                    li = ++starL;
                }
                else
                {
                    return false;
                }
            }

            while (pi < pattern.Length && pattern[pi] == '*')
            {
                pi++;
            }

            return pi == pattern.Length;
        }
    }
}
