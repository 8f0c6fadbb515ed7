using System;
using System.Collections.Generic;

namespace Guardrails.Core.Text
{
    /// <summary>
    /// Wildcard matching used by the policy. Case-insensitive. '?' is one character; '*' is any run of characters
    /// except '/' in path-like values (repositories, projects) and any run at all elsewhere; '**' always crosses '/'.
    /// </summary>
    public static class Glob
    {
        public static bool IsPattern(string pattern) => pattern.IndexOf('*') >= 0 || pattern.IndexOf('?') >= 0;

        public static bool Match(string pattern, string value, bool starCrossesSlash = true)
        {
            // Dynamic programming over (pattern position, value position): O(pattern × value), no backtracking,
            // so a hostile pattern ("*a*a*a…b") costs the same as any other of its length.
            int n = value.Length;
            var current = new bool[n + 1];
            var next = new bool[n + 1];
            current[0] = true;
            int pi = 0;
            while (pi < pattern.Length)
            {
                char c = pattern[pi];
                Array.Clear(next, 0, next.Length);
                if (c == '*')
                {
                    bool doubleStar = pi + 1 < pattern.Length && pattern[pi + 1] == '*';
                    while (pi < pattern.Length && pattern[pi] == '*')
                    {
                        pi++;
                    }

                    bool crosses = starCrossesSlash || doubleStar;
                    for (int vi = 0; vi <= n; vi++)
                    {
                        next[vi] = current[vi] || (vi > 0 && next[vi - 1] && (crosses || value[vi - 1] != '/'));
                    }
                }
                else
                {
                    for (int vi = 1; vi <= n; vi++)
                    {
                        char v = value[vi - 1];
                        bool same = c == '?' ? (starCrossesSlash || v != '/') : char.ToLowerInvariant(c) == char.ToLowerInvariant(v);
                        next[vi] = current[vi - 1] && same;
                    }

                    pi++;
                }

                bool[] t = current;
                current = next;
                next = t;
            }

            return current[n];
        }

        /// <summary>
        /// A list of globs where entries starting with '!' exclude: the value is allowed when it matches at least one
        /// positive entry and no negative one (order does not matter). A list of only negations allows everything else.
        /// </summary>
        public static bool MatchList(IEnumerable<string> patterns, string value, bool starCrossesSlash = false)
        {
            bool anyPositive = false;
            bool positive = false;
            foreach (string raw in patterns)
            {
                if (raw.StartsWith("!", StringComparison.Ordinal))
                {
                    if (Match(raw.Substring(1), value, starCrossesSlash))
                    {
                        return false;
                    }
                }
                else
                {
                    anyPositive = true;
                    positive |= Match(raw, value, starCrossesSlash);
                }
            }

            return positive || !anyPositive;
        }
    }

}
