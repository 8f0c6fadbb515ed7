using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Typed, position-aware access to a parsed policy or manifest: every wrong type, missing required field,
    /// unknown or duplicated field becomes a coded finding at file(line,col) instead of an exception.
    /// One reader for both documents keeps the structural rules (GRD106, GRD107, GRD108) identical.
    /// </summary>
    internal sealed class DocumentReader
    {
        private readonly List<Finding> _findings;

        public DocumentReader(string file, string what, bool unknownFieldIsError, List<Finding> findings)
        {
            File = file;
            What = what;
            UnknownFieldIsError = unknownFieldIsError;
            _findings = findings;
        }

        public string File { get; }

        /// <summary>"The policy" or "The manifest", used in messages.</summary>
        public string What { get; }

        /// <summary>
        /// An unknown field in the policy is most likely a misspelt restriction ("modles"), which would silently
        /// allow what the owner meant to restrict: an error. In the manifest it is a warning.
        /// </summary>
        public bool UnknownFieldIsError { get; }

        public int ErrorCount { get; private set; }

        public void Report(RuleInfo rule, JsonNode? at, string message, bool warningOnly = false)
        {
            Report(rule, at?.Start.Line ?? 0, at?.Start.Column ?? 0, message, warningOnly);
        }

        public void Report(RuleInfo rule, int line, int column, string message, bool warningOnly = false)
        {
            if (!warningOnly)
            {
                ErrorCount++;
            }

            _findings.Add(new Finding(rule, File, line, column, message, warningOnly));
        }

        /// <summary>Reports fields not in <paramref name="known"/> (GRD106) and fields given twice (GRD108).</summary>
        public void CheckFields(JsonNode obj, string where, params string[] known)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty p in obj.Properties)
            {
                if (!seen.Add(p.Name))
                {
                    Report(RuleCatalog.DuplicateEntry, p.NameStart.Line, p.NameStart.Column,
                        What + " gives '" + Text.Show(p.Name) + "' twice in " + where + "; only the last one would count. Remove one of them.");
                    continue;
                }

                if (System.Array.IndexOf(known, p.Name) < 0)
                {
                    string? suggestion = Text.Closest(p.Name, known);
                    Report(RuleCatalog.UnknownField, p.NameStart.Line, p.NameStart.Column,
                        What + " has an unknown field '" + Text.Show(p.Name) + "' in " + where + "." +
                        (suggestion != null ? " Did you mean '" + suggestion + "'?" : " Known fields: " + string.Join(", ", known) + ".") +
                        (UnknownFieldIsError ? " An unknown field in the policy may be a misspelt restriction, so it is an error." : string.Empty),
                        warningOnly: !UnknownFieldIsError);
                }
            }
        }

        public JsonNode? Node(JsonNode obj, string name, string where, JsonKind kind, bool required)
        {
            JsonNode? value = obj[name];
            if (value == null || value.Kind == JsonKind.Null)
            {
                if (required)
                {
                    Report(RuleCatalog.InvalidValue, obj, What + " is missing the required field '" + name + "' in " + where + ".");
                }

                return null;
            }

            bool ok = value.Kind == kind || (kind == JsonKind.True && value.Kind == JsonKind.False);
            if (!ok)
            {
                Report(RuleCatalog.InvalidValue, value, What + ": '" + name + "' in " + where + " must be " + Describe(kind) + ", not " + value.Describe() + ".");
                return null;
            }

            return value;
        }

        public JsonNode? Object(JsonNode obj, string name, string where, bool required = false) => Node(obj, name, where, JsonKind.Object, required);

        public JsonNode? Array(JsonNode obj, string name, string where, bool required = false) => Node(obj, name, where, JsonKind.Array, required);

        public Located<string>? String(JsonNode obj, string name, string where, bool required = false)
        {
            JsonNode? n = Node(obj, name, where, JsonKind.String, required);
            if (n == null)
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(n.Text))
            {
                Report(RuleCatalog.InvalidValue, n, What + ": '" + name + "' in " + where + " must not be empty.");
                return null;
            }

            return new Located<string>(n.Text!.Trim(), n);
        }

        public bool? Boolean(JsonNode obj, string name, string where)
        {
            JsonNode? n = Node(obj, name, where, JsonKind.True, required: false);
            return n != null && n.TryGetBoolean(out bool b) ? b : (bool?)null;
        }

        public Located<long>? Integer(JsonNode obj, string name, string where, bool required = false, long min = long.MinValue)
        {
            JsonNode? n = Node(obj, name, where, JsonKind.Number, required);
            if (n == null)
            {
                return null;
            }

            if (!n.TryGetInt64(out long v) || v < min)
            {
                Report(RuleCatalog.InvalidValue, n, What + ": '" + name + "' in " + where + " must be a whole number" + (min > long.MinValue ? " of at least " + min.ToString(CultureInfo.InvariantCulture) : string.Empty) + ".");
                return null;
            }

            return new Located<long>(v, n);
        }

        /// <summary>A list of non-empty strings; a single string is accepted as a list of one.</summary>
        public List<Located<string>>? Strings(JsonNode obj, string name, string where, bool required = false)
        {
            JsonNode? n = obj[name];
            if (n != null && n.Kind == JsonKind.String)
            {
                Located<string>? one = String(obj, name, where, required);
                return one == null ? null : new List<Located<string>> { one };
            }

            n = Array(obj, name, where, required);
            if (n == null)
            {
                return null;
            }

            var list = new List<Located<string>>();
            foreach (JsonNode item in n.Items)
            {
                if (item.Kind != JsonKind.String || string.IsNullOrWhiteSpace(item.Text))
                {
                    Report(RuleCatalog.InvalidValue, item, What + ": every entry of '" + name + "' in " + where + " must be a non-empty string, not " + item.Describe() + ".");
                    continue;
                }

                list.Add(new Located<string>(item.Text!.Trim(), item));
            }

            return list;
        }

        /// <summary>A date ("2026-10-02") or a date and time with an offset ("2026-10-02T12:00:00Z").</summary>
        public Located<DateTimeOffset>? Date(JsonNode obj, string name, string where, bool required = false)
        {
            Located<string>? s = String(obj, name, where, required);
            if (s == null)
            {
                return null;
            }

            if (!Dates.TryParse(s.Value, out DateTimeOffset value))
            {
                Report(RuleCatalog.InvalidValue, s.Node, What + ": '" + name + "' in " + where + " is not a date; write it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ).");
                return null;
            }

            return new Located<DateTimeOffset>(value, s.Node);
        }

        private static string Describe(JsonKind kind) => kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True => "true or false",
            _ => "null",
        };
    }

    /// <summary>A value together with the JSON node it came from (for file(line,col)).</summary>
    public sealed class Located<T>
    {
        public Located(T value, JsonNode node)
        {
            Value = value;
            Node = node;
        }

        public T Value { get; }

        public JsonNode Node { get; }

        public override string? ToString() => Value?.ToString();
    }

    /// <summary>Date handling: a date-only value means that whole day in UTC.</summary>
    public static class Dates
    {
        private static readonly string[] Formats = { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK" };

        public static bool TryParse(string text, out DateTimeOffset value) =>
            DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

        /// <summary>The first instant at which something that "expires at" this value is expired: the day after a date-only value.</summary>
        public static DateTimeOffset ExpiryInstant(Located<DateTimeOffset> expiresAt) =>
            expiresAt.Node.Text != null && expiresAt.Node.Text.Trim().Length == 10 ? expiresAt.Value.AddDays(1) : expiresAt.Value;

        public static string Show(DateTimeOffset value) => value.UtcDateTime.ToString(value.UtcDateTime.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    /// <summary>Message helpers: values from the files are shown short and without control characters.</summary>
    public static class Text
    {
        public static string Show(string? value, int max = 80)
        {
            if (value == null)
            {
                return string.Empty;
            }

            // Redact any provider key first: cut short, a key would no longer be recognisable, yet most of it would show.
            value = Guardrails.BuildTasks.Foundation.SafeText.Clean(value);

            var chars = new char[Math.Min(value.Length, max)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsControl(value[i]) ? ' ' : value[i];
            }

            return new string(chars) + (value.Length > max ? "\u2026" : string.Empty);
        }

        /// <summary>The known name closest to a misspelt one (edit distance at most 2), or null.</summary>
        public static string? Closest(string name, string[] known)
        {
            string? best = null;
            int bestDistance = 3;
            foreach (string k in known)
            {
                int d = Distance(name.ToLowerInvariant(), k.ToLowerInvariant(), bestDistance);
                if (d < bestDistance)
                {
                    best = k;
                    bestDistance = d;
                }
            }

            return best;
        }

        private static int Distance(string a, string b, int cap)
        {
            if (Math.Abs(a.Length - b.Length) >= cap || a.Length > 64 || b.Length > 64)
            {
                return cap;
            }

            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                prev[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }

                int[] t = prev;
                prev = cur;
                cur = t;
            }

            return prev[b.Length];
        }
    }
}
