using System;
using System.Collections.Generic;
using Guardrails.Core.Text;

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

        /// <summary>
        /// The last two labels of a host or host pattern, lower-cased ("*.openai.azure.com" → "azure.com",
        /// "api.x.ai" → "x.ai"): what any host the pattern matches ends with. Null when a wildcard reaches into them or
        /// the pattern has a single label.
        /// </summary>
        public static string? DomainOf(string pattern)
        {
            string p = TrimTrailingDot((pattern ?? string.Empty).Trim());
            int last = p.LastIndexOf('.');
            if (last <= 0)
            {
                return null;
            }

            int previous = p.LastIndexOf('.', last - 1);
            string domain = p.Substring(previous + 1).ToLowerInvariant();
            return domain.IndexOf('*') >= 0 || domain.IndexOf('?') >= 0 || domain.StartsWith(".", StringComparison.Ordinal) ? null : domain;
        }

        /// <summary>
        /// True when <c>text.Substring(start, length)</c> holds a host-like run whose last two labels are one of
        /// <paramref name="domains"/> (lower-case, as <see cref="DomainOf"/> gives): "https://api.openai.com/v1" and
        /// "{resource}.openai.azure.com" both say "openai.com"/"azure.com". A cheap prefilter for strings that may be an
        /// AI endpoint; it allocates only for runs with a dot.
        /// </summary>
        public static bool MentionsDomain(string text, int start, int length, ICollection<string> domains) =>
            IndexOfDomain(text, start, length, domains) >= 0;

        /// <summary>Where the first host-like run that <see cref="MentionsDomain"/> looks for starts, or -1.</summary>
        public static int IndexOfDomain(string text, int start, int length, ICollection<string> domains)
        {
            int end = start + length;
            int i = start;
            while (i < end)
            {
                int dot = text.IndexOf('.', i, end - i);
                if (dot < 0)
                {
                    return -1;
                }

                // The host-like run around this dot.
                int runStart = dot;
                while (runStart > start && IsHostChar(text[runStart - 1]))
                {
                    runStart--;
                }

                int runEnd = dot;
                while (runEnd < end && IsHostChar(text[runEnd]))
                {
                    runEnd++;
                }

                int tail = runEnd;
                while (tail > runStart && text[tail - 1] == '.')
                {
                    tail--;
                }

                int last = tail - runStart >= 3 ? text.LastIndexOf('.', tail - 1, tail - runStart) : -1;
                if (last > runStart)
                {
                    int previous = last > runStart ? text.LastIndexOf('.', last - 1, last - runStart) : -1;
                    int domainStart = previous >= 0 ? previous + 1 : runStart;
                    if (tail - domainStart >= 3 && domains.Contains(text.Substring(domainStart, tail - domainStart).ToLowerInvariant()))
                    {
                        return runStart;
                    }
                }

                i = Math.Max(runEnd, dot + 1);
            }

            return -1;
        }

        private static bool IsHostChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';

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
                : Glob.Match(pattern, label);
        }

    }
}
