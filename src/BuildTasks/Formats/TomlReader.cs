using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Formats
{
    /// <summary>
    /// A small, tolerant TOML reader for the shapes assistant configs use (Codex <c>.codex/config.toml</c>, Gemini
    /// <c>.gemini/commands/*.toml</c>). It returns the same position-keeping tree as <see cref="JsonReader"/>, so one
    /// interpreter reads MCP servers, models and permissions from JSON, TOML and YAML alike.
    /// Supported subset: comments; <c>[table]</c> and <c>[[array.of.tables]]</c> headers with bare, quoted and dotted
    /// keys; <c>key = value</c> with dotted keys; basic and literal strings (single- and multi-line, with escapes);
    /// integers, floats, booleans; dates and times (kept as their text, as strings); arrays (multi-line, trailing
    /// commas, comments); inline tables. Tables become objects, arrays arrays, scalars strings/numbers/booleans.
    /// Numbers are kept as decimal text .NET parses (0x/0o/0b converted, inf/nan as Infinity/NaN); an integer outside
    /// 64 bits and a \u escape that is no Unicode scalar value are errors. Dates and times are kept as their text.
    /// Lenient where a reader's meaning is plain (tests/Core.Tests/Differential/HostileInputTests pins each case against
    /// Tomlyn): a redefined key or table is appended (lookups take the last, as the JSON reader keeps duplicates);
    /// leading zeros, ".5", doubled underscores and raw control characters in strings are read as written.
    /// Never throws anything but <see cref="JsonParseException"/>; messages never quote the input.
    /// </summary>
    public sealed class TomlReader
    {
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private TomlReader(string text)
        {
            _text = text;
        }

        private TextPosition Here => new TextPosition(_line, _pos - _lineStart + 1, _pos);

        public static JsonNode Parse(string text)
        {
            var reader = new TomlReader(text ?? string.Empty);
            return reader.ParseDocument();
        }

        /// <summary>Parses without throwing; on failure returns null and sets <paramref name="error"/>.</summary>
        public static JsonNode? TryParse(string text, out JsonParseException? error)
        {
            try
            {
                error = null;
                return Parse(text);
            }
            catch (JsonParseException e)
            {
                error = e;
                return null;
            }
        }

        private JsonNode ParseDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }

            var rootMembers = new List<JsonProperty>();
            JsonNode root = NewObject(Here, rootMembers);
            List<JsonProperty> current = rootMembers;
            while (true)
            {
                SkipWhitespaceCommentsAndNewlines();
                if (_pos >= _text.Length)
                {
                    return root;
                }

                if (_text[_pos] == '[')
                {
                    current = ParseTableHeader(rootMembers);
                }
                else
                {
                    ParseKeyValue(current);
                }

                SkipInlineWhitespace();
                SkipComment();
                if (_pos < _text.Length && !AtNewline())
                {
                    throw Error("expected the end of the line after a value or table header");
                }
            }
        }

        private List<JsonProperty> ParseTableHeader(List<JsonProperty> rootMembers)
        {
            TextPosition start = Here;
            bool arrayOfTables = _pos + 1 < _text.Length && _text[_pos + 1] == '[';
            _pos += arrayOfTables ? 2 : 1;
            List<(string Key, TextPosition Pos)> keys = ParseKeyPath();
            SkipInlineWhitespace();
            if (Peek() != ']' || (arrayOfTables && (_pos + 1 >= _text.Length || _text[_pos + 1] != ']')))
            {
                throw Error(arrayOfTables ? "expected ']]' to close the array-of-tables header" : "expected ']' to close the table header");
            }

            _pos += arrayOfTables ? 2 : 1;
            List<JsonProperty> table = rootMembers;
            for (int i = 0; i < keys.Count - 1; i++)
            {
                table = Descend(table, keys[i].Key, keys[i].Pos);
            }

            (string last, TextPosition lastPos) = keys[keys.Count - 1];
            if (arrayOfTables)
            {
                JsonProperty? existing = Find(table, last);
                List<JsonNode> items;
                if (existing != null && existing.Value.Kind == JsonKind.Array)
                {
                    items = (List<JsonNode>)existing.Value.Items;
                }
                else
                {
                    items = new List<JsonNode>();
                    table.Add(new JsonProperty(last, lastPos, new JsonNode(JsonKind.Array, start, start, null, null, items)));
                }

                var members = new List<JsonProperty>();
                items.Add(NewObject(start, members));
                return members;
            }

            JsonProperty? found = Find(table, last);
            if (found != null && found.Value.Kind == JsonKind.Object)
            {
                return (List<JsonProperty>)found.Value.Properties;
            }

            var newMembers = new List<JsonProperty>();
            table.Add(new JsonProperty(last, lastPos, NewObject(start, newMembers)));
            return newMembers;
        }

        private void ParseKeyValue(List<JsonProperty> table)
        {
            List<(string Key, TextPosition Pos)> keys = ParseKeyPath();
            SkipInlineWhitespace();
            if (Peek() != '=')
            {
                throw Error("expected '=' after a key");
            }

            _pos++;
            SkipInlineWhitespace();
            JsonNode value = ParseValue(0);
            for (int i = 0; i < keys.Count - 1; i++)
            {
                table = Descend(table, keys[i].Key, keys[i].Pos);
            }

            table.Add(new JsonProperty(keys[keys.Count - 1].Key, keys[keys.Count - 1].Pos, value));
        }

        /// <summary>The object member named <paramref name="key"/> (created when absent); for an array of tables, its last table.</summary>
        private static List<JsonProperty> Descend(List<JsonProperty> table, string key, TextPosition pos)
        {
            JsonProperty? found = Find(table, key);
            if (found != null)
            {
                if (found.Value.Kind == JsonKind.Object)
                {
                    return (List<JsonProperty>)found.Value.Properties;
                }

                if (found.Value.Kind == JsonKind.Array && found.Value.Items.Count > 0 && found.Value.Items[found.Value.Items.Count - 1].Kind == JsonKind.Object)
                {
                    return (List<JsonProperty>)found.Value.Items[found.Value.Items.Count - 1].Properties;
                }

                throw new JsonParseException("the key is already defined as a value and cannot also be a table", pos);
            }

            var members = new List<JsonProperty>();
            table.Add(new JsonProperty(key, pos, NewObject(pos, members)));
            return members;
        }

        private static JsonProperty? Find(List<JsonProperty> table, string key)
        {
            for (int i = table.Count - 1; i >= 0; i--)
            {
                if (string.Equals(table[i].Name, key, System.StringComparison.Ordinal))
                {
                    return table[i];
                }
            }

            return null;
        }

        private static JsonNode NewObject(TextPosition start, List<JsonProperty> members) => new JsonNode(JsonKind.Object, start, start, null, members, null);

        private List<(string Key, TextPosition Pos)> ParseKeyPath()
        {
            var keys = new List<(string, TextPosition)>();
            while (true)
            {
                SkipInlineWhitespace();
                TextPosition start = Here;
                char c = Peek();
                string key;
                if (c == '"')
                {
                    key = ParseBasicString();
                }
                else if (c == '\'')
                {
                    key = ParseLiteralString();
                }
                else
                {
                    int begin = _pos;
                    while (_pos < _text.Length && IsBareKeyChar(_text[_pos]))
                    {
                        _pos++;
                    }

                    if (_pos == begin)
                    {
                        throw Error(_pos >= _text.Length ? "unexpected end of file; expected a key" : "expected a key (letters, digits, '-', '_' or a quoted string)");
                    }

                    key = _text.Substring(begin, _pos - begin);
                }

                keys.Add((key, start));
                SkipInlineWhitespace();
                if (Peek() != '.')
                {
                    return keys;
                }

                _pos++;
            }
        }

        private JsonNode ParseValue(int depth)
        {
            if (depth > 64)
            {
                throw Error("nesting is deeper than 64 levels");
            }

            TextPosition start = Here;
            char c = Peek();
            switch (c)
            {
                case '"':
                    {
                        string s = StartsWith("\"\"\"") ? ParseMultilineString(basic: true) : ParseBasicString();
                        return new JsonNode(JsonKind.String, start, Here, s, null, null);
                    }

                case '\'':
                    {
                        string s = StartsWith("'''") ? ParseMultilineString(basic: false) : ParseLiteralString();
                        return new JsonNode(JsonKind.String, start, Here, s, null, null);
                    }

                case '[':
                    return ParseArray(depth);
                case '{':
                    return ParseInlineTable(depth);
                case '\0':
                    throw Error("unexpected end of file; expected a value");
            }

            if (AtNewline() || c == '#')
            {
                throw Error("expected a value after '='");
            }

            // A bare scalar: boolean, number, date/time. It runs to a delimiter.
            int begin = _pos;
            while (_pos < _text.Length)
            {
                char d = _text[_pos];
                if (d == ',' || d == ']' || d == '}' || d == '#' || d == '\n' || d == '\r')
                {
                    break;
                }

                if (d == ' ' || d == '\t')
                {
                    // A space is allowed inside a date-time ("1979-05-27 07:32:00").
                    if (!(_pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]) && _pos > begin && char.IsDigit(_text[_pos - 1]) && _text.IndexOf('-', begin, _pos - begin) > 0))
                    {
                        break;
                    }
                }

                _pos++;
            }

            string raw = _text.Substring(begin, _pos - begin);
            if (raw == "true")
            {
                return new JsonNode(JsonKind.True, start, Here, null, null, null);
            }

            if (raw == "false")
            {
                return new JsonNode(JsonKind.False, start, Here, null, null, null);
            }

            if (IsNumber(raw))
            {
                return new JsonNode(JsonKind.Number, start, Here, NumberText(raw, start), null, null);
            }

            if (IsDateLike(raw))
            {
                return new JsonNode(JsonKind.String, start, Here, raw, null, null);
            }

            throw new JsonParseException("a bare word is not a TOML value (strings need quotes)", start);
        }

        private JsonNode ParseArray(int depth)
        {
            TextPosition start = Here;
            _pos++;
            var items = new List<JsonNode>();
            while (true)
            {
                SkipWhitespaceCommentsAndNewlines();
                if (_pos >= _text.Length)
                {
                    throw new JsonParseException("unterminated array (it starts here)", start);
                }

                if (_text[_pos] == ']')
                {
                    _pos++;
                    return new JsonNode(JsonKind.Array, start, Here, null, null, items);
                }

                items.Add(ParseValue(depth + 1));
                SkipWhitespaceCommentsAndNewlines();
                if (_pos >= _text.Length)
                {
                    throw new JsonParseException("unterminated array (it starts here)", start);
                }

                if (Peek() == ',')
                {
                    _pos++;
                }
                else if (Peek() != ']')
                {
                    throw Error("expected ',' or ']' in an array");
                }
            }
        }

        private JsonNode ParseInlineTable(int depth)
        {
            TextPosition start = Here;
            _pos++;
            var members = new List<JsonProperty>();
            SkipInlineWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return new JsonNode(JsonKind.Object, start, Here, null, members, null);
            }

            while (true)
            {
                // TOML 1.0 keeps inline tables on one line; newlines are tolerated here (TOML 1.1 allows them).
                SkipWhitespaceCommentsAndNewlines();
                List<(string Key, TextPosition Pos)> keys = ParseKeyPath();
                SkipInlineWhitespace();
                if (Peek() != '=')
                {
                    throw Error("expected '=' after a key in an inline table");
                }

                _pos++;
                SkipInlineWhitespace();
                JsonNode value = ParseValue(depth + 1);
                List<JsonProperty> table = members;
                for (int i = 0; i < keys.Count - 1; i++)
                {
                    table = Descend(table, keys[i].Key, keys[i].Pos);
                }

                table.Add(new JsonProperty(keys[keys.Count - 1].Key, keys[keys.Count - 1].Pos, value));
                SkipWhitespaceCommentsAndNewlines();
                char c = Peek();
                if (c == ',')
                {
                    _pos++;
                    SkipWhitespaceCommentsAndNewlines();
                    if (Peek() == '}')
                    {
                        _pos++;
                        return new JsonNode(JsonKind.Object, start, Here, null, members, null);
                    }

                    continue;
                }

                if (c == '}')
                {
                    _pos++;
                    return new JsonNode(JsonKind.Object, start, Here, null, members, null);
                }

                if (_pos >= _text.Length)
                {
                    throw new JsonParseException("unterminated inline table (it starts here)", start);
                }

                throw Error("expected ',' or '}' in an inline table");
            }
        }

        private string ParseBasicString()
        {
            TextPosition start = Here;
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length || AtNewline())
                {
                    throw new JsonParseException("unterminated string (it starts here)", start);
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return sb.ToString();
                }

                if (c == '\\')
                {
                    ParseEscape(sb);
                    continue;
                }

                sb.Append(c);
                _pos++;
            }
        }

        /// <summary>A multi-line string: """basic""" (with escapes and line-ending backslashes) or '''literal'''.</summary>
        private string ParseMultilineString(bool basic)
        {
            TextPosition start = Here;
            _pos += 3;
            SkipOneNewline();
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw new JsonParseException("unterminated multi-line string (it starts here)", start);
                }

                string delimiter = basic ? "\"\"\"" : "'''";
                if (StartsWith(delimiter) && !StartsWith(delimiter + delimiter[0]))
                {
                    _pos += 3;
                    return sb.ToString();
                }

                char c = _text[_pos];
                if (basic && c == '\\')
                {
                    // A backslash at the end of a line trims the newline and the whitespace after it.
                    int look = _pos + 1;
                    while (look < _text.Length && (_text[look] == ' ' || _text[look] == '\t'))
                    {
                        look++;
                    }

                    if (look < _text.Length && (_text[look] == '\n' || _text[look] == '\r'))
                    {
                        _pos = look;
                        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || AtNewline()))
                        {
                            if (!SkipOneNewline())
                            {
                                _pos++;
                            }
                        }

                        continue;
                    }

                    ParseEscape(sb);
                    continue;
                }

                if (AtNewline())
                {
                    sb.Append('\n');
                    SkipOneNewline();
                    continue;
                }

                sb.Append(c);
                _pos++;
            }
        }

        private string ParseLiteralString()
        {
            TextPosition start = Here;
            _pos++;
            int begin = _pos;
            while (true)
            {
                if (_pos >= _text.Length || AtNewline())
                {
                    throw new JsonParseException("unterminated string (it starts here)", start);
                }

                if (_text[_pos] == '\'')
                {
                    string s = _text.Substring(begin, _pos - begin);
                    _pos++;
                    return s;
                }

                _pos++;
            }
        }

        private void ParseEscape(StringBuilder sb)
        {
            _pos++; // backslash
            char e = Peek();
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'e': sb.Append('\u001B'); break;
                case 'u':
                case 'U':
                    {
                        int digits = e == 'u' ? 4 : 8;
                        if (_pos + digits >= _text.Length || !int.TryParse(_text.Substring(_pos + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) || code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                        {
                            // TOML allows only Unicode scalar values: a surrogate half is an error, not a silent U+FFFD.
                            throw Error("invalid unicode escape");
                        }

                        sb.Append(char.ConvertFromUtf32(code));
                        _pos += digits;
                        break;
                    }

                default:
                    throw Error("invalid escape sequence in a string");
            }

            _pos++;
        }

        private static bool IsNumber(string raw)
        {
            if (raw.Length == 0)
            {
                return false;
            }

            string s = raw.Replace("_", string.Empty);
            if (s == "inf" || s == "+inf" || s == "-inf" || s == "nan" || s == "+nan" || s == "-nan")
            {
                return true;
            }

            if (s.StartsWith("0x", System.StringComparison.Ordinal) || s.StartsWith("0o", System.StringComparison.Ordinal) || s.StartsWith("0b", System.StringComparison.Ordinal))
            {
                return s.Length > 2;
            }

            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        /// <summary>
        /// The number as the tree keeps it (decimal text that .NET parses): underscores and a leading '+' dropped,
        /// 0x/0o/0b integers converted to decimal (0x10 is 16, not text that is no number), inf/nan as
        /// Infinity/NaN; an integer outside 64 bits is an error, as TOML requires.
        /// </summary>
        private static string NumberText(string raw, TextPosition start)
        {
            string s = raw.Replace("_", string.Empty);
            int radix = s.StartsWith("0x", System.StringComparison.Ordinal) ? 16 : s.StartsWith("0o", System.StringComparison.Ordinal) ? 8 : s.StartsWith("0b", System.StringComparison.Ordinal) ? 2 : 0;
            if (radix == 0)
            {
                switch (s.TrimStart('+'))
                {
                    case "inf":
                        return "Infinity";
                    case "-inf":
                        return "-Infinity";
                    case "nan":
                    case "-nan":
                        return "NaN";
                }

                bool integer = s.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
                if (integer && !long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw new JsonParseException("integer is larger than 64 bits", start);
                }

                return s.TrimStart('+');
            }

            ulong value = 0;
            for (int i = 2; i < s.Length; i++)
            {
                int digit = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 : s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 10 : 99;
                if (digit >= radix)
                {
                    throw new JsonParseException("not a valid base-" + radix.ToString(CultureInfo.InvariantCulture) + " integer", start);
                }

                if (value > (long.MaxValue - (ulong)digit) / (ulong)radix)
                {
                    throw new JsonParseException("integer is larger than 64 bits", start);
                }

                value = (value * (ulong)radix) + (ulong)digit;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static bool IsDateLike(string raw)
        {
            if (raw.Length < 5 || !char.IsDigit(raw[0]))
            {
                return false;
            }

            foreach (char c in raw)
            {
                if (!(char.IsDigit(c) || c == '-' || c == ':' || c == 'T' || c == 't' || c == 'Z' || c == 'z' || c == '.' || c == '+' || c == ' '))
                {
                    return false;
                }
            }

            return raw.IndexOf('-') > 0 || raw.IndexOf(':') > 0;
        }

        private static bool IsBareKeyChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

        private bool StartsWith(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private bool AtNewline() => _pos < _text.Length && (_text[_pos] == '\n' || _text[_pos] == '\r');

        private bool SkipOneNewline()
        {
            if (_pos >= _text.Length)
            {
                return false;
            }

            if (_text[_pos] == '\r')
            {
                _pos++;
                if (_pos < _text.Length && _text[_pos] == '\n')
                {
                    _pos++;
                }
            }
            else if (_text[_pos] == '\n')
            {
                _pos++;
            }
            else
            {
                return false;
            }

            _line++;
            _lineStart = _pos;
            return true;
        }

        private void SkipInlineWhitespace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t'))
            {
                _pos++;
            }
        }

        private void SkipComment()
        {
            if (Peek() == '#')
            {
                while (_pos < _text.Length && !AtNewline())
                {
                    _pos++;
                }
            }
        }

        private void SkipWhitespaceCommentsAndNewlines()
        {
            while (true)
            {
                SkipInlineWhitespace();
                SkipComment();
                if (!SkipOneNewline())
                {
                    return;
                }
            }
        }

        private JsonParseException Error(string message) => new JsonParseException(message, Here);
    }
}
