using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Guardrails.Core.Json
{
    /// <summary>
    /// A tiny deterministic JSON writer for Guardrails' outputs (audit record, SARIF, CycloneDX). Values are plain .NET
    /// objects: <see cref="IDictionary{TKey,TValue}"/> of string keys (written in ordinal key order, so output never
    /// depends on insertion order), <see cref="IEnumerable"/> (arrays, in the order given), string, bool, integral
    /// numbers and null. Two-space indentation, "\n" line ends, invariant culture. Control characters, U+2028/U+2029
    /// and lone surrogates are escaped, so hostile strings cannot break the document or a terminal.
    /// </summary>
    public static class JsonWriter
    {
        public static string Write(object? value) => Write(value, null);

        /// <summary>Writes <paramref name="value"/>; every string (member names included) passes through <paramref name="clean"/> first.</summary>
        public static string Write(object? value, Func<string, string>? clean)
        {
            var sb = new StringBuilder();
            WriteValue(sb, value, 0, clean);
            sb.Append('\n');
            return sb.ToString();
        }

        /// <summary>A new object whose keys are written in ordinal order.</summary>
        public static SortedDictionary<string, object?> Object() => new SortedDictionary<string, object?>(StringComparer.Ordinal);

        private static void WriteValue(StringBuilder sb, object? value, int depth, Func<string, string>? clean)
        {
            if (depth > 64)
            {
                throw new InvalidOperationException("JSON output nested too deeply.");
            }

            switch (value)
            {
                case null:
                    sb.Append("null");
                    break;
                case string s:
                    WriteString(sb, clean == null ? s : clean(s));
                    break;
                case bool b:
                    sb.Append(b ? "true" : "false");
                    break;
                case int i:
                    sb.Append(i.ToString(CultureInfo.InvariantCulture));
                    break;
                case long l:
                    sb.Append(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case IDictionary<string, object?> obj:
                    WriteObject(sb, obj, depth, clean);
                    break;
                case IEnumerable items:
                    WriteArray(sb, items, depth, clean);
                    break;
                default:
                    string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    WriteString(sb, clean == null ? text : clean(text));
                    break;
            }
        }

        private static void WriteObject(StringBuilder sb, IDictionary<string, object?> obj, int depth, Func<string, string>? clean)
        {
            var keys = new List<string>(obj.Keys);
            keys.Sort(StringComparer.Ordinal);
            if (keys.Count == 0)
            {
                sb.Append("{}");
                return;
            }

            sb.Append('{');
            for (int k = 0; k < keys.Count; k++)
            {
                sb.Append(k == 0 ? "\n" : ",\n");
                Indent(sb, depth + 1);
                WriteString(sb, clean == null ? keys[k] : clean(keys[k]));
                sb.Append(": ");
                WriteValue(sb, obj[keys[k]], depth + 1, clean);
            }

            sb.Append('\n');
            Indent(sb, depth);
            sb.Append('}');
        }

        private static void WriteArray(StringBuilder sb, IEnumerable items, int depth, Func<string, string>? clean)
        {
            bool first = true;
            sb.Append('[');
            foreach (object? item in items)
            {
                sb.Append(first ? "\n" : ",\n");
                first = false;
                Indent(sb, depth + 1);
                WriteValue(sb, item, depth + 1, clean);
            }

            if (!first)
            {
                sb.Append('\n');
                Indent(sb, depth);
            }

            sb.Append(']');
        }

        private static void Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 2);

        public static void WriteString(StringBuilder sb, string value)
        {
            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    case '\r':
                        sb.Append("\\r");
                        break;
                    case '\t':
                        sb.Append("\\t");
                        break;
                    default:
                        bool loneSurrogate = (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))) ||
                                             (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])));
                        if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || loneSurrogate)
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }
    }
}
