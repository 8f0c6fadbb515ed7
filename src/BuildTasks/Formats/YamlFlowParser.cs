using System.Collections.Generic;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Formats
{
    /// <summary>YAML flow collections (<c>[a, "b"]</c>, <c>{k: v}</c>), possibly over several lines, for <see cref="YamlReader"/>.</summary>
    internal sealed class FlowParser
    {
        private readonly string _text;
        private readonly int _baseOffset;
        private int _pos;
        private int _line;
        private int _lineStart;

        public FlowParser(string text, int offset, int lineNumber, int lineStart, int baseOffset)
        {
            _text = text;
            _pos = offset;
            _line = lineNumber;
            _lineStart = lineStart;
            _baseOffset = baseOffset;
        }

        public int Offset => _pos;

        private TextPosition Here => new TextPosition(_line, _pos - _lineStart + 1, _baseOffset + _pos);

        public JsonNode ParseValue(int depth)
        {
            if (depth > 64)
            {
                throw Error("nesting is deeper than 64 levels");
            }

            SkipSpaceAndComments();
            TextPosition start = Here;
            char c = Peek();
            if (c == '[')
            {
                _pos++;
                var items = new List<JsonNode>();
                while (true)
                {
                    SkipSpaceAndComments();
                    if (Peek() == ']')
                    {
                        _pos++;
                        return new JsonNode(JsonKind.Array, start, Here, null, null, items);
                    }

                    if (_pos >= _text.Length)
                    {
                        throw new JsonParseException("unterminated flow sequence (it starts here)", start);
                    }

                    items.Add(ParseValue(depth + 1));
                    SkipSpaceAndComments();
                    if (_pos >= _text.Length)
                    {
                        throw new JsonParseException("unterminated flow sequence (it starts here)", start);
                    }

                    if (Peek() == ',')
                    {
                        _pos++;
                    }
                    else if (Peek() != ']')
                    {
                        throw Error("expected ',' or ']' in a flow sequence");
                    }
                }
            }

            if (c == '{')
            {
                _pos++;
                var members = new List<JsonProperty>();
                while (true)
                {
                    SkipSpaceAndComments();
                    if (Peek() == '}')
                    {
                        _pos++;
                        return new JsonNode(JsonKind.Object, start, Here, null, members, null);
                    }

                    if (_pos >= _text.Length)
                    {
                        throw new JsonParseException("unterminated flow mapping (it starts here)", start);
                    }

                    TextPosition keyPos = Here;
                    JsonNode key = ParseScalar(inMapping: true);
                    SkipSpaceAndComments();
                    JsonNode value;
                    if (Peek() == ':')
                    {
                        _pos++;
                        value = ParseValue(depth + 1);
                    }
                    else
                    {
                        value = new JsonNode(JsonKind.Null, Here, Here, null, null, null);
                    }

                    members.Add(new JsonProperty(key.Text ?? string.Empty, keyPos, value));
                    SkipSpaceAndComments();
                    if (_pos >= _text.Length)
                    {
                        throw new JsonParseException("unterminated flow mapping (it starts here)", start);
                    }

                    if (Peek() == ',')
                    {
                        _pos++;
                    }
                    else if (Peek() != '}')
                    {
                        throw Error("expected ',' or '}' in a flow mapping");
                    }
                }
            }

            return ParseScalar(inMapping: false);
        }

        private JsonNode ParseScalar(bool inMapping)
        {
            TextPosition start = Here;
            char c = Peek();
            if (c == '"' || c == '\'')
            {
                int begin = _pos;
                _pos++;
                while (true)
                {
                    if (_pos >= _text.Length)
                    {
                        throw new JsonParseException("unterminated string (it starts here)", start);
                    }

                    char d = _text[_pos];
                    if (c == '"' && d == '\\')
                    {
                        _pos += 2;
                        continue;
                    }

                    if (d == c)
                    {
                        if (c == '\'' && _pos + 1 < _text.Length && _text[_pos + 1] == '\'')
                        {
                            _pos += 2;
                            continue;
                        }

                        _pos++;
                        break;
                    }

                    if (d == '\n')
                    {
                        throw new JsonParseException("multi-line quoted strings are not supported here", start);
                    }

                    _pos++;
                }

                string value = c == '"'
                    ? YamlReader.Unescape(_text, begin + 1, _pos - 1, start)
                    : _text.Substring(begin + 1, _pos - begin - 2).Replace("''", "'");
                return new JsonNode(JsonKind.String, start, Here, value, null, null);
            }

            if (c == '&' || c == '*')
            {
                throw Error("YAML anchors and aliases are not supported here");
            }

            int from = _pos;
            while (_pos < _text.Length)
            {
                char d = _text[_pos];
                if (d == ',' || d == ']' || d == '}' || d == '\n' || d == '\r' || d == '[' || d == '{')
                {
                    break;
                }

                if (d == ':' && (_pos + 1 >= _text.Length || " \t\r\n,]}".IndexOf(_text[_pos + 1]) >= 0 || inMapping))
                {
                    break;
                }

                if (d == '#' && _pos > from && (_text[_pos - 1] == ' ' || _text[_pos - 1] == '\t'))
                {
                    break;
                }

                _pos++;
            }

            string text = _text.Substring(from, _pos - from).Trim();
            if (text.Length == 0 && !inMapping && (Peek() == '[' || Peek() == '{'))
            {
                throw Error("unexpected character in a flow collection");
            }

            return YamlReader.TypedScalar(text, start);
        }

        public void SkipSpaceAndComments()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\r')
                {
                    _pos++;
                }
                else if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == '#')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private JsonParseException Error(string message) => new JsonParseException(message, Here);
    }
}
