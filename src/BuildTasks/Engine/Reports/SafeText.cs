using System.Collections.Generic;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Engine.Reports
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

            if (!SecretScanner.MightContainKey(text!))
            {
                return text!;
            }

            var matches = new List<SecretMatch>();
            SecretScanner.Scan(text!, matches);
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
    }
}
