using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Guardrails.Core.Json
{
    /// <summary>
    /// A small, strict JSON reader that keeps the line and column of every value and member name.
    /// Why not System.Text.Json: the analyzers cannot safely load it inside csc or the IDE, and its DOM does not
    /// keep positions. One reader here serves the analyzers (config files) and the build task (policy, manifest),
    /// so the policy JSON is parsed in exactly one place.
    /// Accepts JSON (RFC 8259) plus, when <see cref="JsonReaderOptions.AllowComments"/> is set, the JSONC extensions
    /// that appsettings.json and VS Code files use: // and /* */ comments and trailing commas.
    /// Never throws anything but <see cref="JsonParseException"/>; messages never quote the input.
    /// </summary>
    public sealed class JsonReader
    {
        private readonly string _text;
        private readonly JsonReaderOptions _options;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private JsonReader(string text, JsonReaderOptions options)
        {
            _text = text;
            _options = options;
        }

        public static JsonNode Parse(string text, JsonReaderOptions? options = null)
        {
            var reader = new JsonReader(text ?? string.Empty, options ?? JsonReaderOptions.Default);
            return reader.ParseDocument();
        }

        /// <summary>Parses without throwing; on failure returns null and sets <paramref name="error"/>.</summary>
        public static JsonNode? TryParse(string text, out JsonParseException? error, JsonReaderOptions? options = null)
        {
            try
            {
                error = null;
                return Parse(text, options);
            }
            catch (JsonParseException e)
            {
                error = e;
                return null;
            }
        }

        private TextPosition Here => new TextPosition(_line, _pos - _lineStart + 1, _pos);

        private JsonNode ParseDocument()
        {
            // A UTF-8 BOM decoded as U+FEFF is tolerated at the very start.
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }

            SkipTrivia();
            if (_pos >= _text.Length)
            {
                throw Error("the file is empty; expected a JSON value");
            }

            JsonNode root = ParseValue(0);
            SkipTrivia();
            if (_pos < _text.Length)
            {
                throw Error("unexpected text after the end of the JSON value");
            }

            return root;
        }

        private JsonNode ParseValue(int depth)
        {
            if (depth > _options.MaxDepth)
            {
                throw Error("nesting is deeper than " + _options.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }

            SkipTrivia();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of file; expected a JSON value");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    {
                        TextPosition start = Here;
                        string s = ParseString();
                        return new JsonNode(JsonKind.String, start, Here, s, null, null);
                    }

                case 't':
                    return ParseLiteral("true", JsonKind.True);
                case 'f':
                    return ParseLiteral("false", JsonKind.False);
                case 'n':
                    return ParseLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    if (c == '\'')
                    {
                        throw Error("strings must use double quotes");
                    }

                    throw Error("unexpected character " + DescribeChar(c) + "; expected a JSON value");
            }
        }

        private JsonNode ParseObject(int depth)
        {
            TextPosition start = Here;
            _pos++; // {
            var members = new List<JsonProperty>();
            HashSet<string>? names = null;
            SkipTrivia();
            if (Peek() == '}')
            {
                _pos++;
                return new JsonNode(JsonKind.Object, start, Here, null, members, null);
            }

            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    throw Error("unexpected end of file inside an object that starts at " + start.ToString() + "; expected '}'");
                }

                if (_text[_pos] != '"')
                {
                    if (_text[_pos] == '}' && _options.AllowTrailingCommas && members.Count > 0)
                    {
                        _pos++;
                        return new JsonNode(JsonKind.Object, start, Here, null, members, null);
                    }

                    throw Error("expected a member name in double quotes, found " + DescribeChar(_text[_pos]));
                }

                TextPosition nameStart = Here;
                string name = ParseString();
                SkipTrivia();
                if (Peek() != ':')
                {
                    throw Error("expected ':' after the member name");
                }

                if (_options.RejectDuplicateMembers && !(names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                {
                    foreach (JsonProperty earlier in members)
                    {
                        if (string.Equals(earlier.Name, name, StringComparison.Ordinal))
                        {
                            throw new JsonParseException("the member " + DescribeName(name) + " appears twice in this object (first at line " +
                                earlier.NameStart.Line.ToString(CultureInfo.InvariantCulture) + ", column " + earlier.NameStart.Column.ToString(CultureInfo.InvariantCulture) +
                                "); JSON readers disagree on which one counts, so neither is read", nameStart);
                        }
                    }
                }

                _pos++;
                JsonNode value = ParseValue(depth + 1);
                members.Add(new JsonProperty(name, nameStart, value));
                SkipTrivia();
                char c = Peek();
                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                if (c == '}')
                {
                    _pos++;
                    return new JsonNode(JsonKind.Object, start, Here, null, members, null);
                }

                if (_pos >= _text.Length)
                {
                    throw Error("unexpected end of file inside an object that starts at " + start.ToString() + "; expected '}'");
                }

                throw Error("expected ',' or '}' after a member value, found " + DescribeChar(c));
            }
        }

        private JsonNode ParseArray(int depth)
        {
            TextPosition start = Here;
            _pos++; // [
            var items = new List<JsonNode>();
            SkipTrivia();
            if (Peek() == ']')
            {
                _pos++;
                return new JsonNode(JsonKind.Array, start, Here, null, null, items);
            }

            while (true)
            {
                SkipTrivia();
                if (Peek() == ']' && _options.AllowTrailingCommas && items.Count > 0)
                {
                    _pos++;
                    return new JsonNode(JsonKind.Array, start, Here, null, null, items);
                }

                items.Add(ParseValue(depth + 1));
                SkipTrivia();
                char c = Peek();
                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                if (c == ']')
                {
                    _pos++;
                    return new JsonNode(JsonKind.Array, start, Here, null, null, items);
                }

                if (_pos >= _text.Length)
                {
                    throw Error("unexpected end of file inside an array that starts at " + start.ToString() + "; expected ']'");
                }

                throw Error("expected ',' or ']' after an array element, found " + DescribeChar(c));
            }
        }

        private string ParseString()
        {
            TextPosition start = Here;
            _pos++; // opening quote
            StringBuilder? sb = null;
            int runStart = _pos;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw new JsonParseException("unterminated string (it starts here)", start);
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    string result;
                    if (sb == null)
                    {
                        result = _text.Substring(runStart, _pos - runStart);
                    }
                    else
                    {
                        sb.Append(_text, runStart, _pos - runStart);
                        result = sb.ToString();
                    }

                    _pos++;
                    return result;
                }

                if (c == '\\')
                {
                    sb ??= new StringBuilder();
                    sb.Append(_text, runStart, _pos - runStart);
                    _pos++;
                    if (_pos >= _text.Length)
                    {
                        throw new JsonParseException("unterminated string (it starts here)", start);
                    }

                    char e = _text[_pos];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (_pos + 4 >= _text.Length)
                            {
                                throw Error("incomplete \\u escape");
                            }

                            int code = 0;
                            for (int i = 1; i <= 4; i++)
                            {
                                int h = HexValue(_text[_pos + i]);
                                if (h < 0)
                                {
                                    throw Error("invalid \\u escape: expected four hex digits");
                                }

                                code = (code * 16) + h;
                            }

                            sb.Append((char)code);
                            _pos += 4;
                            break;
                        default:
                            throw Error("invalid escape sequence in a string");
                    }

                    _pos++;
                    runStart = _pos;
                    continue;
                }

                if (c == '\n' || c == '\r')
                {
                    throw Error("line break inside a string; strings must end on the line they start (use \\n)");
                }

                if (c < ' ' && c != '\t')
                {
                    throw Error("control character inside a string");
                }

                _pos++;
            }
        }

        private JsonNode ParseNumber()
        {
            TextPosition start = Here;
            int begin = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }
            else
            {
                throw Error("invalid number");
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek()))
                {
                    throw Error("invalid number: expected a digit after '.'");
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                if (!IsDigit(Peek()))
                {
                    throw Error("invalid number: expected a digit in the exponent");
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            if (IsDigit(Peek()) || char.IsLetter(Peek()))
            {
                throw Error("invalid number");
            }

            return new JsonNode(JsonKind.Number, start, Here, _text.Substring(begin, _pos - begin), null, null);
        }

        private JsonNode ParseLiteral(string literal, JsonKind kind)
        {
            TextPosition start = Here;
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0 ||
                (_pos + literal.Length < _text.Length && char.IsLetterOrDigit(_text[_pos + literal.Length])))
            {
                throw Error("unexpected word; expected a JSON value (strings need double quotes)");
            }

            _pos += literal.Length;
            return new JsonNode(kind, start, Here, null, null, null);
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == '\r')
                {
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    _lineStart = _pos;
                }
                else if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && (_text[_pos + 1] == '/' || _text[_pos + 1] == '*'))
                {
                    if (!_options.AllowComments)
                    {
                        throw Error("comments are not allowed in this file");
                    }

                    if (_text[_pos + 1] == '/')
                    {
                        while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                        {
                            _pos++;
                        }
                    }
                    else
                    {
                        TextPosition start = Here;
                        _pos += 2;
                        while (true)
                        {
                            if (_pos + 1 >= _text.Length)
                            {
                                throw new JsonParseException("unterminated /* comment (it starts here)", start);
                            }

                            if (_text[_pos] == '*' && _text[_pos + 1] == '/')
                            {
                                _pos += 2;
                                break;
                            }

                            if (_text[_pos] == '\n' || (_text[_pos] == '\r' && (_pos + 1 >= _text.Length || _text[_pos + 1] != '\n')))
                            {
                                _pos++;
                                _line++;
                                _lineStart = _pos;
                            }
                            else
                            {
                                _pos++;
                            }
                        }
                    }
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private static string DescribeChar(char c)
        {
            if (c == '\0')
            {
                return "end of file";
            }

            // Only structural punctuation is echoed; letters and digits could be part of a secret.
            if ("{}[]:,\"'".IndexOf(c) >= 0)
            {
                return "'" + c + "'";
            }

            if (char.IsLetterOrDigit(c))
            {
                return "a bare word";
            }

            return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        private JsonParseException Error(string message) => new JsonParseException(message, Here);

        /// <summary>A member name in quotes when it is a short plain name (never a value-like run that could be a secret).</summary>
        private static string DescribeName(string name)
        {
            if (name.Length == 0 || name.Length > 64)
            {
                return "name";
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$' || c == ':'))
                {
                    return "name";
                }
            }

            return "\"" + name + "\"";
        }
    }

    /// <summary>Options for <see cref="JsonReader"/>.</summary>
    public sealed class JsonReaderOptions
    {
        public static readonly JsonReaderOptions Default = new JsonReaderOptions();

        public static readonly JsonReaderOptions Strict = new JsonReaderOptions { AllowComments = false, AllowTrailingCommas = false };

        /// <summary>Guardrails' own documents (policy, manifest, audit record): a member twice in one object is an error.</summary>
        public static readonly JsonReaderOptions Document = new JsonReaderOptions { RejectDuplicateMembers = true };

        /// <summary>Allow // and /* */ comments (JSONC, as in appsettings.json and VS Code settings). Default true.</summary>
        public bool AllowComments { get; set; } = true;

        /// <summary>Allow a comma before a closing brace or bracket. Default true.</summary>
        public bool AllowTrailingCommas { get; set; } = true;

        /// <summary>
        /// Refuse an object with the same member name twice (parsers disagree on which one counts: first, last, error), with
        /// an error at the second naming the first. For Guardrails' own documents (policy, manifest, audit record). Default false.
        /// </summary>
        public bool RejectDuplicateMembers { get; set; }

        /// <summary>Maximum nesting depth before the reader gives up with an error. Default 64.</summary>
        public int MaxDepth { get; set; } = 64;
    }
}
