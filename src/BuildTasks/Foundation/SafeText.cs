using System.Collections.Generic;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Every string the reports write passes through here: any AI-provider key in it is replaced by its redacted form
    /// (prefix + last four), so a key that reached a manifest, an MCP command line or a message can never reach the
    /// audit record, SARIF or the AI-BOM whole.
    /// </summary>
    internal static class SafeText
    {
        public static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            List<SecretMatch> matches = KeysIn(text);
            if (matches.Count == 0)
            {
                return text!;
            }

            matches.Sort((a, b) => b.Start.CompareTo(a.Start));
            string result = text!;
            int limit = result.Length;
            foreach (SecretMatch m in matches)
            {
                if (m.Start + m.Length > limit)
                {
                    continue; // overlapping match: the later one already replaced this span
                }

                result = result.Substring(0, m.Start) + m.Redacted + result.Substring(m.Start + m.Length);
                limit = m.Start;
            }

            return result;
        }

        /// <summary>
        /// The self-identifying keys in untrusted text (also one glued to a prefix: "m-sk-proj-…"), as <see cref="Clean"/>
        /// finds them; empty for none. A path is untrusted text too: a key as a file or folder name (adversary round 5 #12)
        /// is found here by the one detector, <see cref="SecretScanner"/>.
        /// </summary>
        public static List<SecretMatch> KeysIn(string? text)
        {
            var matches = new List<SecretMatch>();
            if (string.IsNullOrEmpty(text) || !SecretScanner.MightContainKey(text!))
            {
                return matches;
            }

            SecretScanner.Scan(text!, matches);
            AddGluedKeys(text!, matches);
            return matches;
        }

        /// <summary>
        /// The first self-identifying key (not a generic secret) in the name of a file or folder, <paramref name="relative"/>
        /// to the folder a reader walks, as "provider kind (redacted)"; null for none. Names are text that git commits,
        /// a package lists and a build copies: the file scan, the scan and the CI gate judge them with this.
        /// </summary>
        public static string? KeyInName(string relative)
        {
            foreach (SecretMatch m in KeysIn(relative))
            {
                if (!m.Format.IsGeneric)
                {
                    return m.Format.Provider + " " + m.Format.TokenKind + " (" + m.Redacted + ")";
                }
            }

            return null;
        }

        /// <summary>
        /// Keys glued to a prefix ("m-sk-proj-…", "id_sk-ant-…"): the scanner wants a word boundary before a key, which
        /// an identifier-like prefix hides. Untrusted text is therefore also scanned from every '-' and '_' inside a
        /// word, so a key is found wherever it starts.
        /// </summary>
        private static void AddGluedKeys(string text, List<SecretMatch> matches)
        {
            var found = new List<SecretMatch>();
            for (int i = 0; i < text.Length - 1; i++)
            {
                char c = text[i];
                if ((c != '-' && c != '_') || i == 0 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]) || Covered(matches, i + 1))
                {
                    continue;
                }

                string rest = text.Substring(i + 1);
                if (!SecretScanner.MightContainKey(rest))
                {
                    continue;
                }

                found.Clear();
                SecretScanner.Scan(rest, found);
                foreach (SecretMatch m in found)
                {
                    if (m.Start == 0)
                    {
                        matches.Add(new SecretMatch(m.Start + i + 1, m.Length, m.Format, m.Redacted));
                    }
                }
            }
        }

        private static bool Covered(List<SecretMatch> matches, int position)
        {
            foreach (SecretMatch m in matches)
            {
                if (position >= m.Start && position < m.Start + m.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
