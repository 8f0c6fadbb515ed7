using System.Collections.Generic;
using System.Globalization;

namespace Guardrails.Core.Json
{
    /// <summary>The kind of a JSON value.</summary>
    public enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A 1-based line and column in a text file, plus the 0-based character offset.</summary>
    public readonly struct TextPosition
    {
        public TextPosition(int line, int column, int offset)
        {
            Line = line;
            Column = column;
            Offset = offset;
        }

        public int Line { get; }

        public int Column { get; }

        public int Offset { get; }

        public override string ToString() => Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A JSON value that remembers where it stood in the source text, so every finding about it can be
    /// reported at file(line,col). Objects keep their members in source order and keep duplicates.
    /// </summary>
    public sealed class JsonNode
    {
        private static readonly IReadOnlyList<JsonProperty> NoProperties = new JsonProperty[0];
        private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

        /// <summary>Public so the task's TOML and YAML readers (src/BuildTasks/Formats) build the same positioned tree.</summary>
        public JsonNode(JsonKind kind, TextPosition start, TextPosition end, string? text, IReadOnlyList<JsonProperty>? properties, IReadOnlyList<JsonNode>? items)
        {
            Kind = kind;
            Start = start;
            End = end;
            Text = text;
            Properties = properties ?? NoProperties;
            Items = items ?? NoItems;
        }

        public JsonKind Kind { get; }

        /// <summary>Position of the first character of the value (the quote, brace, bracket or digit).</summary>
        public TextPosition Start { get; }

        /// <summary>Position just after the last character of the value.</summary>
        public TextPosition End { get; }

        /// <summary>The unescaped string value, or the raw number text; null for other kinds.</summary>
        public string? Text { get; }

        /// <summary>Members of an object in source order (duplicates kept).</summary>
        public IReadOnlyList<JsonProperty> Properties { get; }

        /// <summary>Elements of an array.</summary>
        public IReadOnlyList<JsonNode> Items { get; }

        public bool IsString => Kind == JsonKind.String;

        public bool IsObject => Kind == JsonKind.Object;

        public bool IsArray => Kind == JsonKind.Array;

        /// <summary>The last member with this exact (case-sensitive) name, or null.</summary>
        public JsonProperty? GetProperty(string name)
        {
            JsonProperty? found = null;
            for (int i = 0; i < Properties.Count; i++)
            {
                if (string.Equals(Properties[i].Name, name, System.StringComparison.Ordinal))
                {
                    found = Properties[i];
                }
            }

            return found;
        }

        /// <summary>The value of the member with this name, or null.</summary>
        public JsonNode? this[string name] => GetProperty(name)?.Value;

        public bool TryGetBoolean(out bool value)
        {
            value = Kind == JsonKind.True;
            return Kind == JsonKind.True || Kind == JsonKind.False;
        }

        public bool TryGetInt64(out long value)
        {
            value = 0;
            return Kind == JsonKind.Number && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        public string Describe() => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True or JsonKind.False => "a boolean",
            _ => "null",
        };
    }

    /// <summary>One member of a JSON object: the name, where the name stood, and the value.</summary>
    public sealed class JsonProperty
    {
        /// <summary>Public so the task's TOML and YAML readers (src/BuildTasks/Formats) build the same positioned tree.</summary>
        public JsonProperty(string name, TextPosition nameStart, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            Value = value;
        }

        public string Name { get; }

        public TextPosition NameStart { get; }

        public JsonNode Value { get; }
    }
}
