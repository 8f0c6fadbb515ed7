using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// Finds .editorconfig / .globalconfig lines that lower a Guardrails diagnostic below error (GRD305):
    /// dotnet_diagnostic.GRDxxx.severity, dotnet_analyzer_diagnostic.category-Guardrails.*.severity, and
    /// dotnet_analyzer_diagnostic.severity (all analyzers) unless every Guardrails analyzer rule is set back explicitly.
    /// Lines are read the way Roslyn reads them: key [=:] value, a trailing '#' or ';' comment, keys case-insensitive.
    /// </summary>
    public static class AnalyzerConfigScanner
    {
        /// <summary>Roslyn reads analyzer config files of any size; past this, the file is reported rather than skipped.</summary>
        private const long MaxBytes = 64L * 1024 * 1024;

        /// <summary>The line breaks Roslyn's SourceText recognises (AnalyzerConfig.Parse reads the file through it).</summary>
        private static readonly string[] LineBreaks = { "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029" };

        private static readonly Regex Property = new Regex(
            @"^\s*([\w\.\-_]+)\s*[=:]\s*(.*?)\s*([#;].*)?$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        private static readonly Regex IdKey = new Regex(
            @"^dotnet_diagnostic\.(grd\d+)\.severity$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1));

        private static readonly Regex CategoryKey = new Regex(
            @"^dotnet_analyzer_diagnostic\.category-(guardrails(\.[\w\-]+)*)\.severity$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1));

        private const string AllAnalyzersKey = "dotnet_analyzer_diagnostic.severity";

        /// <summary>Scans the files; <paramref name="enforce"/> also treats "warning" as lowering (it turns Enforce errors into warnings).</summary>
        public static List<LocalBypass> Scan(IEnumerable<string> files, bool enforce)
        {
            var lowering = new List<LocalBypass>();
            var allAnalyzerLines = new List<LocalBypass>();
            var explicitlyKept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in files)
            {
                if (string.IsNullOrWhiteSpace(file) || !seen.Add(Normalize(file)))
                {
                    continue;
                }

                string[]? lines = TryReadLines(file, out bool tooLarge);
                if (tooLarge)
                {
                    lowering.Add(new LocalBypass(BypassKind.AnalyzerConfig, RuleIds.SeverityLoweredInConfig, file, 0, 0, "analyzer config file over 64 MB, which Guardrails cannot verify", "all"));
                    continue;
                }

                if (lines == null)
                {
                    continue;
                }

                for (int i = 0; i < lines.Length; i++)
                {
                    ScanLine(file, i + 1, lines[i], enforce, lowering, allAnalyzerLines, explicitlyKept);
                }
            }

            // "All analyzers: none" silences Guardrails only where nothing more specific keeps a rule on.
            if (allAnalyzerLines.Count > 0 && !EveryAnalyzerRuleKept(explicitlyKept))
            {
                lowering.AddRange(allAnalyzerLines);
            }

            return lowering;
        }

        private static void ScanLine(string file, int lineNumber, string line, bool enforce, List<LocalBypass> lowering, List<LocalBypass> allAnalyzerLines, HashSet<string> kept)
        {
            string trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';' || trimmed[0] == '[')
            {
                return;
            }

            Match m;
            try
            {
                m = Property.Match(line);
            }
            catch (RegexMatchTimeoutException)
            {
                // A line too long to read in time is not skipped: if it could configure a Guardrails id, it is reported.
                if (line.IndexOf("grd", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("dotnet_analyzer_diagnostic", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    lowering.Add(new LocalBypass(BypassKind.AnalyzerConfig, RuleIds.SeverityLoweredInConfig, file, lineNumber, 1, "a line too long to verify that may configure a Guardrails diagnostic", "all"));
                }

                return;
            }

            if (!m.Success)
            {
                return;
            }

            string key = m.Groups[1].Value;
            string severity = m.Groups[2].Value.Trim().ToLowerInvariant();
            int column = m.Groups[1].Index + 1;
            bool lowers = IsLowering(severity, enforce);

            Match id = IdKey.Match(key);
            if (id.Success)
            {
                string ruleId = id.Groups[1].Value.ToUpperInvariant();
                if (lowers && !IsTunable(ruleId))
                {
                    lowering.Add(new LocalBypass(BypassKind.AnalyzerConfig, RuleIds.SeverityLoweredInConfig, file, lineNumber, column, ruleId + " severity = " + severity, ruleId));
                }
                else
                {
                    kept.Add("id:" + ruleId);
                }

                return;
            }

            Match category = CategoryKey.Match(key);
            if (category.Success)
            {
                if (lowers)
                {
                    lowering.Add(new LocalBypass(BypassKind.AnalyzerConfig, RuleIds.SeverityLoweredInConfig, file, lineNumber, column, "category " + category.Groups[1].Value + " severity = " + severity, "category:" + category.Groups[1].Value));
                }
                else
                {
                    kept.Add("category:" + category.Groups[1].Value);
                }

                return;
            }

            if (lowers && string.Equals(key, AllAnalyzersKey, StringComparison.OrdinalIgnoreCase))
            {
                allAnalyzerLines.Add(new LocalBypass(BypassKind.AnalyzerConfig, RuleIds.SeverityLoweredInConfig, file, lineNumber, column, "all analyzer diagnostics severity = " + severity, "all"));
            }
        }

        /// <summary>
        /// The values Roslyn's AnalyzerConfigSet.TryParseSeverity accepts below error: none, silent, refactoring (both
        /// hidden), suggestion (info); in Enforce mode warning turns its error into a warning. Other values ("hidden",
        /// "info", typos) are invalid to Roslyn, which ignores them and keeps the rule's severity.
        /// </summary>
        private static bool IsLowering(string severity, bool enforce) =>
            severity == "none" || severity == "silent" || severity == "refactoring" || severity == "suggestion" ||
            (enforce && severity == "warning");

        /// <summary>
        /// Warning-only rules (e.g. GRD006, generic secrets) exist so that teams can tune them in .editorconfig
        /// without losing the error-level rules: lowering one of them by id is not a bypass.
        /// </summary>
        private static bool IsTunable(string ruleId)
        {
            foreach (RuleInfo rule in RuleCatalog.All)
            {
                if (string.Equals(rule.Id, ruleId, StringComparison.OrdinalIgnoreCase))
                {
                    return !rule.IsErrorInEnforce;
                }
            }

            return false;
        }

        private static bool EveryAnalyzerRuleKept(HashSet<string> kept)
        {
            foreach (RuleInfo rule in RuleCatalog.All)
            {
                if (rule.Host == RuleHost.Analyzer && rule.IsErrorInEnforce && !kept.Contains("id:" + rule.Id) && !kept.Contains("category:" + rule.Category))
                {
                    return false;
                }
            }

            return true;
        }

        private static string[]? TryReadLines(string path, out bool tooLarge)
        {
            tooLarge = false;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return null;
                }

                if (info.Length > MaxBytes)
                {
                    tooLarge = true;
                    return null;
                }

                return File.ReadAllText(path).Split(LineBreaks, StringSplitOptions.None);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private static string Normalize(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }
    }
}
