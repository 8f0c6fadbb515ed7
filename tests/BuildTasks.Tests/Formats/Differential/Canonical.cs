using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Guardrails.Core.Json;
using Tomlyn.Model;
using Tomlyn;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Guardrails.BuildTasks.Tests.Formats.Differential;

/// <summary>
/// One canonical text for a parsed document, whoever parsed it: the own readers' <see cref="JsonNode"/> tree,
/// System.Text.Json, Tomlyn and YamlDotNet. Objects keep their members in document order; numbers compare by value;
/// strings by their exact characters.
/// </summary>
internal static class Canonical
{
    public static string Of(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode node, StringBuilder sb)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                sb.Append('{');
                foreach (Guardrails.Core.Json.JsonProperty p in node.Properties)
                {
                    sb.Append(Str(p.Name)).Append(':');
                    Write(p.Value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonKind.Array:
                sb.Append('[');
                foreach (JsonNode item in node.Items)
                {
                    Write(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case JsonKind.String:
                sb.Append(Str(node.Text!));
                break;
            case JsonKind.Number:
                sb.Append(Num(node.Text!));
                break;
            case JsonKind.True:
                sb.Append("true");
                break;
            case JsonKind.False:
                sb.Append("false");
                break;
            case JsonKind.Null:
                sb.Append("null");
                break;
        }
    }

    public static string Of(JsonElement e)
    {
        var sb = new StringBuilder();
        Write(e, sb);
        return sb.ToString();
    }

    private static void Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                foreach (System.Text.Json.JsonProperty p in e.EnumerateObject())
                {
                    sb.Append(Str(p.Name)).Append(':');
                    Write(p.Value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Write(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                sb.Append(Str(e.GetString()!));
                break;
            case JsonValueKind.Number:
                sb.Append(Num(e.GetRawText()));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    /// <summary>A Tomlyn model (<see cref="TomlTable"/>, arrays, scalars) in canonical text.</summary>
    public static string OfToml(object? value)
    {
        var sb = new StringBuilder();
        WriteToml(value, sb);
        return sb.ToString();
    }

    private static void WriteToml(object? value, StringBuilder sb)
    {
        switch (value)
        {
            case TomlTable table:
                sb.Append('{');
                foreach (KeyValuePair<string, object> kv in table)
                {
                    sb.Append(Str(kv.Key)).Append(':');
                    WriteToml(kv.Value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case TomlTableArray tables:
                sb.Append('[');
                foreach (TomlTable t in tables)
                {
                    WriteToml(t, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case TomlArray array:
                sb.Append('[');
                foreach (object? item in array)
                {
                    WriteToml(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case string s:
                sb.Append(Str(s));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(Num(l.ToString(CultureInfo.InvariantCulture)));
                break;
            case double d:
                sb.Append(Num(d.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case TomlDateTime dt:
                // The own reader keeps dates and times as their text (a string).
                sb.Append(Str(dt.ToString()));
                break;
            default:
                sb.Append("?" + value?.GetType().Name);
                break;
        }
    }

    /// <summary>A YamlDotNet node in canonical text, plain scalars resolved with the YAML 1.2 core schema.</summary>
    public static string OfYaml(YamlNode node)
    {
        var sb = new StringBuilder();
        WriteYaml(node, sb);
        return sb.ToString();
    }

    private static readonly Regex CoreNull = new("^(null|Null|NULL|~|)$");
    private static readonly Regex CoreBool = new("^(true|True|TRUE|false|False|FALSE)$");
    private static readonly Regex CoreInt = new("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
    private static readonly Regex CoreFloat = new("^([-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");

    private static void WriteYaml(YamlNode node, StringBuilder sb)
    {
        switch (node)
        {
            case YamlMappingNode map:
                sb.Append('{');
                foreach (KeyValuePair<YamlNode, YamlNode> kv in map.Children)
                {
                    sb.Append(Str(((YamlScalarNode)kv.Key).Value ?? string.Empty)).Append(':');
                    WriteYaml(kv.Value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case YamlSequenceNode seq:
                sb.Append('[');
                foreach (YamlNode item in seq.Children)
                {
                    WriteYaml(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case YamlScalarNode scalar:
                string text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific))
                {
                    sb.Append(Str(text));
                }
                else if (CoreNull.IsMatch(text))
                {
                    sb.Append("null");
                }
                else if (CoreBool.IsMatch(text))
                {
                    sb.Append(text.StartsWith('t') || text.StartsWith('T') ? "true" : "false");
                }
                else if (CoreInt.IsMatch(text) || CoreFloat.IsMatch(text))
                {
                    sb.Append(Num(text));
                }
                else
                {
                    sb.Append(Str(text));
                }

                break;
        }
    }

    public static string Str(string s) => JsonSerializer.Serialize(s, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A number by value: integers exactly, anything else as a double ("n?" + text when it is no number).</summary>
    public static string Num(string text)
    {
        string t = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return "n:" + l.ToString(CultureInfo.InvariantCulture);
        }

        if (System.Numerics.BigInteger.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            return "n:" + big.ToString(CultureInfo.InvariantCulture);
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? "n:" + ((long)d).ToString(CultureInfo.InvariantCulture) : "n:" + d.ToString("R", CultureInfo.InvariantCulture);
        }

        return "n?" + text;
    }

    /// <summary>Tomlyn's untyped model of a TOML document; throws on a document Tomlyn rejects.</summary>
    public static TomlTable TomlynParse(string text) => TomlSerializer.Deserialize<TomlTable>(text)!;

    /// <summary>YamlDotNet's representation of a single-document YAML text; throws on a document YamlDotNet rejects.</summary>
    public static YamlNode? YamlDotNetParse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }
}
