using System.Globalization;
using System.Text;

namespace Guardrails.BuildTasks.Tests.Formats.Differential;

/// <summary>A generated document's value: what every reader should find in the text written from it.</summary>
internal abstract record Value;

internal sealed record ObjectValue(List<(string Key, Value Value)> Members) : Value;

internal sealed record ArrayValue(List<Value> Items) : Value;

internal sealed record StringValue(string Text) : Value;

internal sealed record IntValue(long Number) : Value;

internal sealed record FloatValue(double Number) : Value;

internal sealed record BoolValue(bool Flag) : Value;

internal sealed record NullValue : Value;

/// <summary>
/// Seeded random documents, written as JSON, TOML and YAML in the varied ways real files are written (quoting
/// styles, escapes, comments, whitespace, inline and block collections), from one value tree.
/// </summary>
internal sealed class DocumentGenerator
{
    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    // Characters strings are drawn from: ASCII punctuation that matters to the syntaxes, escapes, non-ASCII, a
    // surrogate pair, control characters.
    private static readonly string[] Pieces =
    {
        "a", "b", "z", "Q", "0", "7", " ", "  ", "-", "_", ".", ":", ": ", "#", " #", "'", "\"", "\\", "/", ",", "[", "]", "{", "}",
        "=", "&", "*", "!", "|", ">", "%", "@", "`", "?", "é", "ß", "中文", "😀", "\t", "\n", "\r\n", "\u0001", "\u007f", "\u00a0", "\u2028",
        "sk-", "${{ secrets.X }}", "true", "null", "1.5", "0x1F", "~",
    };

    private readonly Random _random;
    private readonly bool _toml;

    public DocumentGenerator(int seed, bool toml)
    {
        _random = new Random(seed);
        _toml = toml;
    }

    public ObjectValue Document()
    {
        return Object(0, root: true);
    }

    private ObjectValue Object(int depth, bool root = false)
    {
        int count = _random.Next(root ? 1 : 0, depth > 2 ? 3 : 6);
        var members = new List<(string, Value)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string key = Key();
            if (used.Add(key))
            {
                members.Add((key, Any(depth + 1)));
            }
        }

        if (_toml)
        {
            // TOML writes a table's own values before its sub-tables; the readers keep document order.
            members = members.OrderBy(m => m.Item2 is ObjectValue || IsTableArray(m.Item2) ? 1 : 0).ToList();
        }

        return new ObjectValue(members);
    }

    public static bool IsTableArray(Value v) => v is ArrayValue a && a.Items.Count > 0 && a.Items.All(i => i is ObjectValue);

    private Value Any(int depth)
    {
        int pick = _random.Next(depth > 3 ? 6 : 9);
        return pick switch
        {
            0 or 1 => new StringValue(String()),
            2 => new IntValue(Int()),
            3 => new FloatValue(Float()),
            4 => new BoolValue(_random.Next(2) == 0),
            5 => _toml ? new StringValue(String()) : new NullValue(),
            6 => Array(depth),
            _ => Object(depth),
        };
    }

    private ArrayValue Array(int depth)
    {
        int count = _random.Next(0, 4);
        var items = new List<Value>();
        bool tables = _random.Next(3) == 0;
        for (int i = 0; i < count; i++)
        {
            items.Add(tables ? Object(depth + 1) : Any(depth + 1));
        }

        return new ArrayValue(items);
    }

    private string Key()
    {
        if (_random.Next(4) > 0)
        {
            int n = _random.Next(1, 10);
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.Append(Plain[_random.Next(i == 0 ? 52 : Plain.Length)]);
            }

            return sb.ToString();
        }

        return String();
    }

    private string String()
    {
        int n = _random.Next(0, 6);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append(Pieces[_random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    private long Int() => _random.Next(6) switch
    {
        0 => 0,
        1 => -_random.Next(1, 1000),
        2 => long.MaxValue - _random.Next(10),
        3 => long.MinValue + _random.Next(10),
        _ => _random.Next(1, 100000),
    };

    private double Float() => _random.Next(5) switch
    {
        0 => 0.5,
        1 => -1.25e-7,
        2 => 6.02e23,
        3 => Math.Round(_random.NextDouble() * 1000, 3) + 0.001,
        _ => -Math.Round(_random.NextDouble(), 6) - 0.5,
    };

    private bool Coin() => _random.Next(2) == 0;

    // ---------------------------------------------------------------- JSON

    public string Json(Value value)
    {
        var sb = new StringBuilder();
        WriteJson(value, sb);
        return sb.ToString();
    }

    private void WriteJson(Value value, StringBuilder sb)
    {
        switch (value)
        {
            case ObjectValue o:
                sb.Append('{').Append(Space());
                for (int i = 0; i < o.Members.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : "," + Space());
                    sb.Append(JsonString(o.Members[i].Key)).Append(Space()).Append(':').Append(Space());
                    WriteJson(o.Members[i].Value, sb);
                }

                sb.Append(Space()).Append('}');
                break;
            case ArrayValue a:
                sb.Append('[');
                for (int i = 0; i < a.Items.Count; i++)
                {
                    sb.Append(i == 0 ? Space() : "," + Space());
                    WriteJson(a.Items[i], sb);
                }

                sb.Append(Space()).Append(']');
                break;
            default:
                sb.Append(Scalar(value, JsonString));
                break;
        }
    }

    private string Space() => _random.Next(4) switch
    {
        0 => " ",
        1 => "\n  ",
        2 => "\r\n\t",
        _ => string.Empty,
    };

    private string JsonString(string s)
    {
        var sb = new StringBuilder("\"");
        for (int k = 0; k < s.Length; k++)
        {
            char c = s[k];
            if (char.IsHighSurrogate(c) && k + 1 < s.Length)
            {
                // A pair is escaped whole or not at all (a lone escaped half would leave invalid UTF-16 text).
                sb.Append(Coin() ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "\\u" + ((int)s[k + 1]).ToString("x4", CultureInfo.InvariantCulture) : s.Substring(k, 2));
                k++;
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append(Coin() ? "\\n" : "\\u000a"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '/': sb.Append(Coin() ? "\\/" : "/"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && Coin()))
                    {
                        sb.Append("\\u").Append(((int)c).ToString(Coin() ? "x4" : "X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string Scalar(Value value, Func<string, string> quote) => value switch
    {
        StringValue s => quote(s.Text),
        IntValue i => i.Number.ToString(CultureInfo.InvariantCulture),
        FloatValue f => f.Number.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal),
        BoolValue b => b.Flag ? "true" : "false",
        _ => "null",
    };

    // ---------------------------------------------------------------- TOML

    public string Toml(ObjectValue root)
    {
        var sb = new StringBuilder();
        if (Coin())
        {
            sb.Append("# generated\n");
        }

        WriteTomlTable(root, new List<string>(), sb, header: null);
        return sb.ToString();
    }

    private void WriteTomlTable(ObjectValue table, List<string> path, StringBuilder sb, string? header)
    {
        if (header != null)
        {
            sb.Append(header).Append(Coin() ? string.Empty : "  # table").Append('\n');
        }

        var later = new List<(string Key, Value Value)>();
        foreach ((string key, Value value) in table.Members)
        {
            if (value is ObjectValue o && o.Members.Count > 0 && Coin())
            {
                later.Add((key, value));
            }
            else if (IsTableArray(value) && Coin())
            {
                later.Add((key, value));
            }
            else
            {
                sb.Append(TomlKey(key)).Append(Coin() ? " = " : "=");
                WriteTomlInline(value, sb);
                sb.Append(Coin() ? "\n" : " # c\n");
            }
        }

        // The readers keep document order: record the order written.
        List<(string Key, Value Value)> written = table.Members.Where(m => !later.Contains(m)).Concat(later).ToList();
        table.Members.Clear();
        table.Members.AddRange(written);
        foreach ((string key, Value value) in later)
        {
            var sub = new List<string>(path) { key };
            string dotted = string.Join(Coin() ? "." : " . ", sub.Select(TomlKey));
            if (value is ObjectValue o)
            {
                WriteTomlTable(o, sub, sb, "[" + dotted + "]");
            }
            else
            {
                foreach (Value item in ((ArrayValue)value).Items)
                {
                    WriteTomlTable((ObjectValue)item, sub, sb, "[[" + dotted + "]]");
                }
            }
        }
    }

    private void WriteTomlInline(Value value, StringBuilder sb)
    {
        switch (value)
        {
            case ObjectValue o:
                sb.Append('{');
                for (int i = 0; i < o.Members.Count; i++)
                {
                    sb.Append(i == 0 ? " " : ", ").Append(TomlKey(o.Members[i].Key)).Append(" = ");
                    WriteTomlInline(o.Members[i].Value, sb);
                }

                sb.Append(o.Members.Count == 0 ? "}" : " }");
                break;
            case ArrayValue a:
                sb.Append('[');
                for (int i = 0; i < a.Items.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : Coin() ? ", " : ",\n  # item\n  ");
                    WriteTomlInline(a.Items[i], sb);
                }

                sb.Append(a.Items.Count > 0 && Coin() ? ",\n]" : "]");
                break;
            case IntValue i when i.Number > 1000 && i.Number < 1_000_000 && Coin():
                sb.Append(i.Number.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_", StringComparison.Ordinal));
                break;
            case IntValue i when i.Number > 0 && i.Number < 100000 && Coin():
                sb.Append("0x").Append(i.Number.ToString("X", CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(Scalar(value, TomlString));
                break;
        }
    }

    private string TomlKey(string key) =>
        key.Length > 0 && key.All(c => Plain.Contains(c, StringComparison.Ordinal)) && Coin() ? key : TomlBasic(key);

    private string TomlString(string s)
    {
        bool literalOk = s.All(c => c != '\'' && (c >= 0x20 || c == '\t') && c != 0x7f);
        if (literalOk && Coin())
        {
            return "'" + s + "'";
        }

        return TomlBasic(s);
    }

    private string TomlBasic(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append(Coin() ? "\\t" : "\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // ---------------------------------------------------------------- YAML

    public string Yaml(ObjectValue root)
    {
        var sb = new StringBuilder();
        if (Coin())
        {
            sb.Append("---\n");
        }

        if (root.Members.Count == 0)
        {
            return sb.Append("{}\n").ToString();
        }

        WriteYamlMapping(root, 0, sb);
        return sb.ToString();
    }

    private void WriteYamlMapping(ObjectValue o, int indent, StringBuilder sb, bool firstInline = false)
    {
        for (int i = 0; i < o.Members.Count; i++)
        {
            if (!(firstInline && i == 0))
            {
                sb.Append(' ', indent);
            }

            sb.Append(YamlKey(o.Members[i].Key)).Append(':');
            WriteYamlValue(o.Members[i].Value, indent, sb, inSequence: false);
        }
    }

    private void WriteYamlValue(Value value, int indent, StringBuilder sb, bool inSequence)
    {
        switch (value)
        {
            case ObjectValue o when o.Members.Count > 0 && !(Coin() && o.Members.All(m => m.Value is not ObjectValue and not ArrayValue)):
                if (inSequence)
                {
                    sb.Append(' ');
                    WriteYamlMapping(o, indent + 2, sb, firstInline: true);
                }
                else
                {
                    sb.Append(Coin() ? "\n" : "   # map\n");
                    WriteYamlMapping(o, indent + 2, sb);
                }

                break;
            case ArrayValue a when a.Items.Count > 0 && !(Coin() && a.Items.All(m => m is not ObjectValue and not ArrayValue)):
                sb.Append('\n');
                int itemIndent = inSequence || Coin() ? indent + 2 : indent;
                foreach (Value item in a.Items)
                {
                    sb.Append(' ', itemIndent).Append('-');
                    WriteYamlValue(item, itemIndent, sb, inSequence: true);
                }

                break;
            default:
                sb.Append(' ').Append(YamlFlow(value)).Append(Coin() ? "\n" : " # note\n");
                break;
        }
    }

    private string YamlFlow(Value value) => value switch
    {
        ObjectValue o => "{" + string.Join(", ", o.Members.Select(m => YamlKey(m.Key) + ": " + YamlFlow(m.Value))) + "}",
        ArrayValue a => "[" + string.Join(", ", a.Items.Select(YamlFlow)) + "]",
        NullValue => Coin() ? "null" : "~",
        _ => Scalar(value, YamlString),
    };

    private string YamlKey(string key) =>
        key.Length > 0 && char.IsLetter(key[0]) && key.All(c => Plain.Contains(c, StringComparison.Ordinal)) && !IsYamlKeyword(key) && Coin() ? key : YamlDouble(key);

    private static bool IsYamlKeyword(string s) =>
        s is "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "null" or "Null" or "NULL" or "y" or "Y" or "n" or "N"
            or "yes" or "Yes" or "YES" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    private string YamlString(string s)
    {
        bool plainOk = s.Length > 0 && char.IsLetter(s[0]) && s.All(c => Plain.Contains(c, StringComparison.Ordinal) || c == ' ' || c == '.' || c == '/')
            && !s.EndsWith(' ') && !IsYamlKeyword(s) && !s.Contains("  ", StringComparison.Ordinal);
        if (plainOk && Coin())
        {
            return s;
        }

        bool singleOk = s.All(c => c >= 0x20 && c != 0x7f && c != '\u2028' && c != '\u00a0');
        if (singleOk && Coin())
        {
            return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        return YamlDouble(s);
    }

    private static string YamlDouble(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u00a0')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // ---------------------------------------------------------------- expected

    /// <summary>The canonical text every reader must produce for <paramref name="value"/>.</summary>
    public static string Expected(Value value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return sb.ToString();
    }

    private static void Write(Value value, StringBuilder sb)
    {
        switch (value)
        {
            case ObjectValue o:
                sb.Append('{');
                foreach ((string key, Value v) in o.Members)
                {
                    sb.Append(Canonical.Str(key)).Append(':');
                    Write(v, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case ArrayValue a:
                sb.Append('[');
                foreach (Value v in a.Items)
                {
                    Write(v, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case StringValue s:
                sb.Append(Canonical.Str(s.Text));
                break;
            case IntValue i:
                sb.Append(Canonical.Num(i.Number.ToString(CultureInfo.InvariantCulture)));
                break;
            case FloatValue f:
                sb.Append(Canonical.Num(f.Number.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case BoolValue b:
                sb.Append(b.Flag ? "true" : "false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }
}
