using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Reports
{
    /// <summary>
    /// SARIF 2.1.0 of the check's findings ($(GuardrailsSarifPath)), for GitHub code scanning and Azure DevOps: one run,
    /// the rules that fired (id, title, helpUri), one result per finding with its file(line,col). Waived findings carry
    /// an external suppression naming the waiver. Messages never hold a secret (they are cleaned like the audit record).
    /// </summary>
    public static class SarifReport
    {
        public const string InformationUri = RuleCatalog.RepositoryUrl;

        public static string Build(CheckResult result, string toolVersion)
        {
            var ruleIndex = new SortedDictionary<string, RuleInfo>(StringComparer.Ordinal);
            foreach (Finding f in result.Findings)
            {
                ruleIndex[f.Rule.Id] = f.Rule;
            }

            var ruleIds = new List<string>(ruleIndex.Keys);
            var rules = new List<object?>();
            foreach (string id in ruleIds)
            {
                RuleInfo rule = ruleIndex[id];
                rules.Add(O(
                    ("id", rule.Id),
                    ("name", rule.Name),
                    ("shortDescription", O(("text", rule.Title))),
                    ("helpUri", rule.HelpLink),
                    ("defaultConfiguration", O(("level", rule.IsErrorInEnforce ? "error" : "warning"))),
                    ("properties", O(("category", rule.Category)))));
            }

            var results = new List<(string Key, object? Value)>();
            foreach (Finding f in result.Findings)
            {
                var r = O(
                    ("ruleId", f.Rule.Id),
                    ("ruleIndex", ruleIds.IndexOf(f.Rule.Id)),
                    ("level", f.IsError(result.Enforce) ? "error" : "warning"),
                    ("message", O(("text", f.Message + " (" + f.Rule.HelpLink + ")"))),
                    ("locations", new List<object?> { Location(f) }));
                if (f.WaivedBy != null)
                {
                    r["suppressions"] = new List<object?> { O(("kind", "external"), ("justification", "Guardrails policy waiver " + f.WaivedBy)) };
                }

                results.Add((f.File + "|" + f.Line.ToString("D9", System.Globalization.CultureInfo.InvariantCulture) + "|" + f.Column.ToString("D9", System.Globalization.CultureInfo.InvariantCulture) + "|" + f.Rule.Id + "|" + f.Message, r));
            }

            results.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
            var run = O(
                ("tool", O(("driver", O(
                    ("name", "Guardrails"),
                    ("informationUri", InformationUri),
                    ("version", toolVersion),
                    ("rules", rules))))),
                ("results", results.ConvertAll(x => x.Value)));
            return JsonWriter.Write(
                O(
                ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
                ("version", "2.1.0"),
                ("runs", new List<object?> { run })),
                SafeText.Clean);
        }

        private static object Location(Finding f)
        {
            var physical = O(("artifactLocation", O(("uri", ToUri(f.File)))));
            if (f.Line > 0)
            {
                physical["region"] = f.Column > 0
                    ? O(("startLine", f.Line), ("startColumn", f.Column))
                    : O(("startLine", f.Line));
            }

            return O(("physicalLocation", physical));
        }

        /// <summary>An absolute path becomes a file:// URI; anything else is kept as a relative reference with '/' separators.</summary>
        internal static string ToUri(string path)
        {
            try
            {
                if (Path.IsPathRooted(path))
                {
                    return new Uri(Path.GetFullPath(path)).AbsoluteUri;
                }
            }
            catch (Exception e) when (e is ArgumentException || e is UriFormatException || e is NotSupportedException || e is PathTooLongException)
            {
            }

            return path.Replace('\\', '/');
        }

        /// <summary>An object with sorted keys and no null members (the schema wants absent, not null).</summary>
        private static System.Collections.Generic.SortedDictionary<string, object?> O(params (string Key, object? Value)[] members) =>
            AuditRecord.Obj(System.Array.FindAll(members, m => m.Value != null));
    }
}
