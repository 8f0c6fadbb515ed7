using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>A Guardrails diagnostic the compiler reported but suppressed in source ([SuppressMessage], #pragma).</summary>
    public sealed class SuppressedResult
    {
        public SuppressedResult(string ruleId, string kind, string file, int line, int column)
        {
            RuleId = ruleId;
            Kind = kind;
            File = file;
            Line = line;
            Column = column;
        }

        public string RuleId { get; }

        /// <summary>"SuppressMessageAttribute", "#pragma", or the SARIF suppression kind when no type is given.</summary>
        public string Kind { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>
    /// The compiler's own record of a compilation: the SARIF 2.1 file csc writes for /errorlog (MSBuild's ErrorLog
    /// property). Unlike the MSBuild items read after the compiler, it says what csc actually loaded and did: every
    /// analyzer descriptor it loaded (tool.driver.rules), every diagnostic it reported with its in-source suppressions
    /// (results[].suppressions), and every rule whose severity the configuration changed
    /// (invocations[].ruleConfigurationOverrides: NoWarn, .editorconfig, ruleset).
    /// </summary>
    public sealed class CompilerErrorLog
    {
        /// <summary>Larger than any real error log of one project; a bigger file is not read (reported as unreadable).</summary>
        public const long MaxBytes = 256L * 1024 * 1024;

        private CompilerErrorLog()
        {
        }

        /// <summary>Null when the log was read; otherwise why it cannot serve as evidence.</summary>
        public string? Problem { get; private set; }

        /// <summary>Rule ids of the analyzer descriptors the compiler loaded.</summary>
        public HashSet<string> LoadedRules { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public List<SuppressedResult> Suppressed { get; } = new List<SuppressedResult>();

        /// <summary>Guardrails rule ids the compiler reported without a suppression.</summary>
        public HashSet<string> Reported { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The AI endpoints the code uses, as the analyzers recorded them (GRD008, one result per host and file; the host
        /// in the result's property "host"), suppressed in source or not: the compiler logs both.
        /// </summary>
        public List<Guardrails.BuildTasks.Foundation.EndpointUse> EndpointUses { get; } = new List<Guardrails.BuildTasks.Foundation.EndpointUse>();

        /// <summary>Guardrails rules whose severity the configuration changed: (id, "disabled" or the level).</summary>
        public List<KeyValuePair<string, string>> Overrides { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Guardrails analyzer rules (host: analyzer) missing from what the compiler loaded.</summary>
        public List<string> MissingAnalyzerRules()
        {
            var missing = new List<string>();
            foreach (RuleInfo rule in RuleCatalog.All)
            {
                if (rule.Host == RuleHost.Analyzer && !LoadedRules.Contains(rule.Id))
                {
                    missing.Add(rule.Id);
                }
            }

            return missing;
        }

        /// <summary>Reads the log; <paramref name="writtenNoEarlierThan"/> (the assembly's write time) rejects a log left by an earlier compile.</summary>
        public static CompilerErrorLog Read(string path, DateTime? writtenNoEarlierThan)
        {
            var log = new CompilerErrorLog();
            string? text;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    log.Problem = "the compiler wrote no error log at '" + path + "'";
                    return log;
                }

                // Two seconds of slack for file systems with coarse timestamps; csc writes the log after the assembly.
                if (writtenNoEarlierThan.HasValue && info.LastWriteTimeUtc < writtenNoEarlierThan.Value.AddSeconds(-2))
                {
                    log.Problem = "the error log at '" + path + "' is older than the assembly, so it was not written by this compile";
                    return log;
                }

                if (info.Length > MaxBytes)
                {
                    log.Problem = "the error log at '" + path + "' is larger than " + (MaxBytes / (1024 * 1024)) + " MiB";
                    return log;
                }

                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                log.Problem = "the error log at '" + path + "' cannot be read (" + e.GetType().Name + ")";
                return log;
            }

            JsonNode? root = JsonReader.TryParse(text, out JsonParseException? error);
            if (root == null || !root.IsObject)
            {
                log.Problem = "the error log at '" + path + "' is not valid JSON" + (error != null ? " (" + error.Message + ")" : string.Empty);
                return log;
            }

            if (root["version"]?.Text != "2.1.0" || root["runs"] == null || !root["runs"]!.IsArray)
            {
                log.Problem = "the error log at '" + path + "' is not SARIF 2.1 (set ErrorLog to '<path>,version=2.1', or leave it unset)";
                return log;
            }

            foreach (JsonNode run in root["runs"]!.Items)
            {
                ReadRun(run, log);
            }

            return log;
        }

        private static void ReadRun(JsonNode run, CompilerErrorLog log)
        {
            if (!run.IsObject)
            {
                return;
            }

            var ruleIdByIndex = new List<string>();
            JsonNode? rules = run["tool"]?["driver"]?["rules"];
            if (rules != null && rules.IsArray)
            {
                foreach (JsonNode rule in rules.Items)
                {
                    string id = (rule.IsObject ? rule["id"]?.Text : null) ?? string.Empty;
                    ruleIdByIndex.Add(id);
                    if (id.Length > 0)
                    {
                        log.LoadedRules.Add(id);
                    }
                }
            }

            JsonNode? results = run["results"];
            if (results != null && results.IsArray)
            {
                foreach (JsonNode result in results.Items)
                {
                    string id = (result.IsObject ? result["ruleId"]?.Text : null) ?? string.Empty;
                    JsonNode? suppressions = result.IsObject ? result["suppressions"] : null;
                    if (!IsGuardrailsId(id))
                    {
                        continue;
                    }

                    if (string.Equals(id, RuleIds.EndpointUsed, StringComparison.OrdinalIgnoreCase) &&
                        result["properties"]?["customProperties"]?[RuleCatalog.EndpointUsedHostProperty]?.Text is string host && host.Length > 0)
                    {
                        JsonNode? at = result["locations"] is JsonNode all && all.IsArray && all.Items.Count > 0 ? all.Items[0]["physicalLocation"] : null;
                        log.EndpointUses.Add(new Guardrails.BuildTasks.Foundation.EndpointUse(host, UriToPath(at?["artifactLocation"]?["uri"]?.Text)));
                    }

                    if (suppressions == null || !suppressions.IsArray || suppressions.Items.Count == 0)
                    {
                        log.Reported.Add(id);
                        continue;
                    }

                    JsonNode first = suppressions.Items[0];
                    string kind = (first.IsObject ? (first["properties"]?["suppressionType"]?.Text ?? first["kind"]?.Text) : null) ?? "suppressed";
                    JsonNode? physical = result["locations"] is JsonNode locs && locs.IsArray && locs.Items.Count > 0 ? locs.Items[0]["physicalLocation"] : null;
                    string file = UriToPath(physical?["artifactLocation"]?["uri"]?.Text);
                    int line = 0;
                    int column = 0;
                    if (physical?["region"]?["startLine"] is JsonNode l && l.TryGetInt64(out long lv))
                    {
                        line = (int)Math.Min(lv, int.MaxValue);
                    }

                    if (physical?["region"]?["startColumn"] is JsonNode c && c.TryGetInt64(out long cv))
                    {
                        column = (int)Math.Min(cv, int.MaxValue);
                    }

                    log.Suppressed.Add(new SuppressedResult(id.ToUpperInvariant(), kind, file, line, column));
                }
            }

            JsonNode? invocations = run["invocations"];
            if (invocations == null || !invocations.IsArray)
            {
                return;
            }

            foreach (JsonNode invocation in invocations.Items)
            {
                JsonNode? overrides = invocation.IsObject ? invocation["ruleConfigurationOverrides"] : null;
                if (overrides == null || !overrides.IsArray)
                {
                    continue;
                }

                foreach (JsonNode o in overrides.Items)
                {
                    if (!o.IsObject)
                    {
                        continue;
                    }

                    string id = o["descriptor"]?["id"]?.Text ?? string.Empty;
                    if (id.Length == 0 && o["descriptor"]?["index"] is JsonNode index && index.TryGetInt64(out long i) && i >= 0 && i < ruleIdByIndex.Count)
                    {
                        id = ruleIdByIndex[(int)i];
                    }

                    JsonNode? configuration = o["configuration"];
                    if (!IsGuardrailsId(id) || configuration == null || !configuration.IsObject)
                    {
                        continue;
                    }

                    if (configuration["enabled"] is JsonNode enabled && enabled.TryGetBoolean(out bool on) && !on)
                    {
                        log.Overrides.Add(new KeyValuePair<string, string>(id.ToUpperInvariant(), "disabled"));
                    }
                    else if (configuration["level"]?.Text is string level && level != "error" && (level == "none" || !IsInfoRule(id)))
                    {
                        log.Overrides.Add(new KeyValuePair<string, string>(id.ToUpperInvariant(), level));
                    }
                }
            }
        }

        /// <summary>An info rule (GRD007, GRD008) configured as a suggestion, warning or error is not lowered; only turned off.</summary>
        private static bool IsInfoRule(string id)
        {
            foreach (RuleInfo rule in RuleCatalog.All)
            {
                if (rule.IsInfo && string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGuardrailsId(string id) => id.StartsWith("GRD", StringComparison.OrdinalIgnoreCase);

        private static string UriToPath(string? uri)
        {
            if (string.IsNullOrEmpty(uri))
            {
                return string.Empty;
            }

            if (Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile)
            {
                return parsed.LocalPath;
            }

            return Uri.UnescapeDataString(uri);
        }
    }
}
