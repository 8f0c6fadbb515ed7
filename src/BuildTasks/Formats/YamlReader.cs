using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Formats
{
    /// <summary>
    /// A small, tolerant YAML reader for the shapes assistant configs use (Continue <c>.continue/**.yaml</c>, Aider
    /// <c>.aider.conf.yml</c>, <c>.roomodes</c>, Markdown front-matter of agents, prompts and rules). It returns the
    /// same position-keeping tree as <see cref="JsonReader"/>, so one interpreter reads JSON, TOML and YAML alike.
    /// Supported subset: block mappings and sequences (including "- key: value" items and sequences at the same
    /// indentation as their key); plain, single- and double-quoted scalars (plain scalars may continue on more-indented
    /// lines); literal (|) and folded (&gt;) block scalars; flow sequences and mappings (<c>[a, "b"]</c>,
    /// <c>{a: 1}</c>, over several lines too); comments; a leading <c>---</c>; tags (<c>!!str</c>) are skipped.
    /// Plain scalars are typed as YAML 1.2 core: true/false, null/~, decimal numbers, otherwise strings (0x1F, 0o17,
    /// .inf stay text). Directives (%YAML, %TAG) are skipped. Lenient (pinned against YamlDotNet in
    /// tests/Core.Tests/Differential/HostileInputTests): a repeated key is kept (lookups take the last), ': ' inside a
    /// plain value is text.
    /// Not supported (a clear error, never a wrong tree): anchors and aliases (unless <see cref="ParseWithAliases"/>: CI
    /// files, adversary round 10 route 4), complex keys ("? "), tabs used for indentation, more than one document (reading
    /// stops at the second "---").
    /// Never throws anything but <see cref="JsonParseException"/>; messages never quote the input.
    /// </summary>
    public sealed class YamlReader
    {
        private readonly string _text;
        private readonly List<Line> _lines = new List<Line>();
        private int _li;
        private int _col;
        private int _baseOffset;

        /// <summary>Anchors seen so far (<c>&amp;name</c> on a value); null when aliases are not read.</summary>
        private readonly Dictionary<string, JsonNode>? _anchors;

        /// <summary>The nodes below each anchored value, so that an alias counts what it repeats without walking it again.</summary>
        private readonly Dictionary<JsonNode, long>? _sizes;

        /// <summary>Nodes the aliases repeat so far; past <see cref="MaxAliasedNodes"/> the document is refused (an alias bomb).</summary>
        private long _aliased;

        /// <summary>At most this many nodes repeated by aliases (a document of a few aliases of nested aliases is exponential).</summary>
        internal const long MaxAliasedNodes = 100_000;

        private YamlReader(string text, int firstLineNumber, int firstOffset, bool aliases = false)
        {
            _text = text;
            if (aliases)
            {
                _anchors = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
                _sizes = new Dictionary<JsonNode, long>();
            }

            SplitLines(firstLineNumber, firstOffset);
        }

        public static JsonNode Parse(string text) => Parse(text, 1, 0);

        /// <summary>
        /// Parses a document that may use anchors and aliases on values (<c>CMD: &amp;cmd npx …</c> … <c>run: *cmd</c>, GitLab's
        /// <c>&lt;&lt;: *base</c>), as CI services read them (adversary round 10 route 4: a workflow that ran an assistant
        /// through an alias was read a line at a time, and its flags were not judged). An alias is the anchored node itself
        /// (positions stay the anchor's). Anchors on keys, aliases inside flow collections and an alias to an anchor not yet
        /// seen are a clear error; aliases that would repeat more than <see cref="MaxAliasedNodes"/> nodes too.
        /// </summary>
        public static JsonNode ParseWithAliases(string text) => new YamlReader(text ?? string.Empty, 1, 0, aliases: true).ParseDocument();

        /// <summary>Parses a YAML fragment whose first line is line <paramref name="firstLineNumber"/> of its file (front-matter).</summary>
        public static JsonNode Parse(string text, int firstLineNumber, int firstOffset)
        {
            var reader = new YamlReader(text ?? string.Empty, firstLineNumber, firstOffset);
            return reader.ParseDocument();
        }

        /// <summary>Parses without throwing; on failure returns null and sets <paramref name="error"/>.</summary>
        public static JsonNode? TryParse(string text, out JsonParseException? error) => TryParse(text, 1, 0, out error);

        public static JsonNode? TryParse(string text, int firstLineNumber, int firstOffset, out JsonParseException? error)
        {
            try
            {
                error = null;
                return Parse(text, firstLineNumber, firstOffset);
            }
            catch (JsonParseException e)
            {
                error = e;
                return null;
            }
        }

        /// <summary>
        /// Finds a Markdown front-matter block (a first line "---", YAML, a closing "---" or "...") and parses it.
        /// Returns null when the text has no front-matter; throws <see cref="JsonParseException"/> when it is malformed.
        /// </summary>
        public static JsonNode? ParseFrontMatter(string text)
        {
            text ??= string.Empty;
            int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            if (string.CompareOrdinal(text, start, "---", 0, 3) != 0)
            {
                return null;
            }

            int firstLineEnd = text.IndexOf('\n', start);
            if (firstLineEnd < 0 || text.Substring(start + 3, firstLineEnd - start - 3).Trim().Length != 0)
            {
                return null;
            }

            int bodyStart = firstLineEnd + 1;
            int pos = bodyStart;
            int line = 2;
            while (pos <= text.Length)
            {
                int end = text.IndexOf('\n', pos);
                string l = (end < 0 ? text.Substring(pos) : text.Substring(pos, end - pos)).TrimEnd('\r', ' ', '\t');
                if (l == "---" || l == "...")
                {
                    return Parse(text.Substring(bodyStart, pos - bodyStart), 2, bodyStart);
                }

                if (end < 0)
                {
                    break;
                }

                pos = end + 1;
                line++;
            }

            throw new JsonParseException("the front-matter that starts on line 1 has no closing '---' line", new TextPosition(1, 1, 0));
        }

        private JsonNode ParseDocument()
        {
            SkipToContent();
            if (_li < _lines.Count && _col == 0 && Rest().StartsWith("%", StringComparison.Ordinal))
            {
                // Directives (%YAML 1.2, %TAG ...) change nothing this reader does; they must end with '---'.
                while (_li < _lines.Count && (Rest().StartsWith("%", StringComparison.Ordinal) || IsBlankOrComment(Rest())))
                {
                    NextLine();
                }

                if (_li >= _lines.Count || !IsDocumentMarker(Rest(), "---"))
                {
                    throw Error("a YAML directive ('%...') must be followed by a '---' line");
                }
            }

            if (_li < _lines.Count && _col == 0 && IsDocumentMarker(Rest(), "---"))
            {
                string after = Rest().Substring(3).Trim();
                if (after.Length == 0)
                {
                    _li++;
                    _col = _li < _lines.Count ? _lines[_li].Indent : 0;
                }
            }

            SkipToContent();
            if (AtEnd)
            {
                return new JsonNode(JsonKind.Null, new TextPosition(_lines.Count > 0 ? _lines[0].Number : 1, 1, 0), new TextPosition(1, 1, 0), null, null, null);
            }

            JsonNode root = ParseBlockNode(-1);
            SkipToContent();
            if (!AtEnd)
            {
                throw Error("unexpected content; check the indentation of this line");
            }

            return root;
        }

        private bool AtEnd => _li >= _lines.Count || (_lines[_li].Indent == 0 && _col == 0 && (IsDocumentMarker(_lines[_li].Text, "---") || IsDocumentMarker(_lines[_li].Text, "...")));

        private static bool IsDocumentMarker(string text, string marker) =>
            text.StartsWith(marker, StringComparison.Ordinal) && (text.Length == 3 || text[3] == ' ' || text[3] == '\t' || text[3] == '\r');

        private JsonNode ParseBlockNode(int parentIndent)
        {
            SkipToContent();
            if (AtEnd || _col <= parentIndent)
            {
                TextPosition here = _li < _lines.Count ? Pos(_li, _col) : EndPos();
                return new JsonNode(JsonKind.Null, here, here, null, null, null);
            }

            string rest = Rest();
            if (rest == "?" || rest.StartsWith("? ", StringComparison.Ordinal))
            {
                throw Error("complex mapping keys ('? ') are not supported here");
            }

            if (IsSequenceItem(rest))
            {
                return ParseSequence(_col);
            }

            if (MappingColon(rest) >= 0)
            {
                return ParseMapping(_col);
            }

            return ParseInlineValue(parentIndent);
        }

        private JsonNode ParseSequence(int indent)
        {
            TextPosition start = Pos(_li, _col);
            var items = new List<JsonNode>();
            while (!AtEnd && _col == indent && IsSequenceItem(Rest()))
            {
                _col++;
                while (_col < _lines[_li].Text.Length && _lines[_li].Text[_col] == ' ')
                {
                    _col++;
                }

                if (IsBlankOrComment(Rest()))
                {
                    NextLine();
                    items.Add(ParseBlockNode(indent));
                }
                else
                {
                    items.Add(ParseBlockNode(indent));
                }

                SkipToContent();
            }

            if (!AtEnd && _col > indent)
            {
                throw Error("unexpected indentation inside a sequence");
            }

            return new JsonNode(JsonKind.Array, start, start, null, null, items);
        }

        private JsonNode ParseMapping(int indent)
        {
            TextPosition start = Pos(_li, _col);
            var members = new List<JsonProperty>();
            while (!AtEnd && _col == indent)
            {
                string rest = Rest();
                int colon = MappingColon(rest);
                if (colon < 0)
                {
                    throw Error(IsSequenceItem(rest) ? "a sequence item where a mapping key was expected" : "expected 'key: value'");
                }

                TextPosition keyPos = Pos(_li, _col);
                string key = KeyText(rest.Substring(0, colon).Trim(), keyPos);
                _col += colon + 1;
                SkipSpaces();
                JsonNode value;
                string after = Rest();
                if (IsBlankOrComment(after))
                {
                    NextLine();
                    SkipToContent();
                    value = !AtEnd && _col == indent && IsSequenceItem(Rest())
                        ? ParseSequence(indent)
                        : ParseBlockNode(indent);
                }
                else
                {
                    value = ParseInlineValue(indent);
                }

                members.Add(new JsonProperty(key, keyPos, value));
                SkipToContent();
            }

            if (!AtEnd && _col > indent)
            {
                throw Error("unexpected indentation inside a mapping");
            }

            return new JsonNode(JsonKind.Object, start, start, null, members, null);
        }

        /// <summary>A value that starts on the current line at <see cref="_col"/>: scalar, flow collection or block scalar.</summary>
        private JsonNode ParseInlineValue(int parentIndent)
        {
            SkipTag();
            string rest = Rest();
            TextPosition start = Pos(_li, _col);
            char c = rest.Length > 0 ? rest[0] : '\0';
            if ((c == '&' || c == '*') && _anchors != null)
            {
                return c == '&' ? ParseAnchored(parentIndent) : ParseAlias();
            }

            if (c == '&' || c == '*')
            {
                throw Error("YAML anchors and aliases are not supported here");
            }

            if (c == '|' || c == '>')
            {
                return ParseBlockScalar(parentIndent, c == '|', start);
            }

            if (c == '[' || c == '{')
            {
                int offset = _lines[_li].Offset + _col;
                var flow = new FlowParser(_text, offset, _lines[_li].Number, _lines[_li].Offset, _baseOffset);
                JsonNode node = flow.ParseValue(0);
                MoveToOffset(flow.Offset);
                if (!IsBlankOrComment(Rest()))
                {
                    throw Error("unexpected text after a flow collection");
                }

                NextLine();
                return node;
            }

            if (c == '"' || c == '\'')
            {
                string s = c == '"' ? ReadDoubleQuoted(rest, start) : ReadSingleQuoted(rest, start, out _);
                int consumed = QuotedLength(rest, c);
                _col += consumed;
                if (!IsBlankOrComment(Rest()))
                {
                    throw Error("unexpected text after a quoted string");
                }

                NextLine();
                return new JsonNode(JsonKind.String, start, start, s, null, null);
            }

            // Plain scalar, possibly continued on more-indented lines.
            string text = StripComment(rest).TrimEnd();
            NextLine();
            while (true)
            {
                int from = _li;
                SkipToContent();
                if (AtEnd || _col <= parentIndent)
                {
                    break;
                }

                // Folding: a line break between two lines is a space; each empty line between them is a line break.
                int emptyLines = 0;
                for (int i = from; i < _li; i++)
                {
                    emptyLines += _lines[i].Text.Trim().Length == 0 ? 1 : 0;
                }

                string more = Rest();
                if (MappingColon(more) >= 0 || IsSequenceItem(more))
                {
                    throw Error("unexpected indentation: a mapping or sequence cannot follow a plain value here");
                }

                text += (emptyLines > 0 ? new string('\n', emptyLines) : " ") + StripComment(more).Trim();
                NextLine();
            }

            return TypedScalar(text, start);
        }

        /// <summary><c>&amp;name value</c>: the value (on this line or the lines below), remembered under its name.</summary>
        private JsonNode ParseAnchored(int parentIndent)
        {
            string name = AnchorName(Rest());
            _col += 1 + name.Length;
            SkipSpaces();
            JsonNode node;
            if (IsBlankOrComment(Rest()))
            {
                NextLine();
                node = ParseBlockNode(parentIndent);
            }
            else
            {
                node = ParseInlineValue(parentIndent);
            }

            _anchors![name] = node;
            _sizes![node] = Size(node);
            return node;
        }

        /// <summary><c>*name</c>: the node anchored under that name earlier in the document.</summary>
        private JsonNode ParseAlias()
        {
            string name = AnchorName(Rest());
            if (!_anchors!.TryGetValue(name, out JsonNode? node))
            {
                throw Error("the YAML alias refers to no anchor defined before it");
            }

            _col += 1 + name.Length;
            if (!IsBlankOrComment(Rest()))
            {
                throw Error("unexpected text after a YAML alias");
            }

            _aliased += _sizes![node];
            if (_aliased > MaxAliasedNodes)
            {
                throw Error("the YAML aliases repeat more than " + MaxAliasedNodes + " nodes");
            }

            NextLine();
            return node;
        }

        private JsonParseException AnchorError() => Error("a YAML anchor or alias needs a name");

        private string AnchorName(string rest)
        {
            int end = 1;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && rest[end] != ',' && rest[end] != '[' && rest[end] != ']' && rest[end] != '{' && rest[end] != '}')
            {
                end++;
            }

            if (end == 1)
            {
                throw AnchorError();
            }

            return rest.Substring(1, end - 1);
        }

        /// <summary>The nodes in <paramref name="node"/>'s tree, an anchored node inside it counted by its known size.</summary>
        private long Size(JsonNode node)
        {
            if (_sizes!.TryGetValue(node, out long known))
            {
                return known;
            }

            long size = 1;
            foreach (JsonProperty p in node.Properties)
            {
                size += Size(p.Value);
            }

            foreach (JsonNode item in node.Items)
            {
                size += Size(item);
            }

            return size;
        }

        private JsonNode ParseBlockScalar(int parentIndent, bool literal, TextPosition start)
        {
            string header = StripComment(Rest()).Trim();
            bool strip = header.IndexOf('-') >= 0;
            bool keep = header.IndexOf('+') >= 0;
            _li++;
            int contentIndent = -1;
            var sb = new StringBuilder();
            int pendingNewlines = 0;
            while (_li < _lines.Count)
            {
                Line line = _lines[_li];
                bool blank = line.Text.Trim().Length == 0;
                if (!blank)
                {
                    if (contentIndent < 0)
                    {
                        if (line.Indent <= parentIndent)
                        {
                            break;
                        }

                        contentIndent = line.Indent;
                    }

                    if (line.Indent < contentIndent)
                    {
                        break;
                    }

                    if (sb.Length > 0)
                    {
                        sb.Append(literal ? new string('\n', pendingNewlines + 1) : (pendingNewlines > 0 ? new string('\n', pendingNewlines) : " "));
                    }
                    else if (pendingNewlines > 0 && literal)
                    {
                        sb.Append('\n', pendingNewlines);
                    }

                    pendingNewlines = 0;
                    sb.Append(line.Text.Substring(contentIndent).TrimEnd('\r'));
                }
                else if (!(line.Text.Length == 0 && line.Offset >= _text.Length))
                {
                    // (The empty "line" after a final line break is no line of the scalar.)
                    pendingNewlines++;
                }

                _li++;
            }

            _col = _li < _lines.Count ? _lines[_li].Indent : 0;
            string value = sb.ToString();
            if (value.Length == 0)
            {
                // An empty block scalar is "" (kept trailing blank lines aside).
                value = keep ? new string('\n', pendingNewlines) : string.Empty;
            }
            else if (!strip)
            {
                value += keep ? new string('\n', pendingNewlines + 1) : "\n";
            }

            return new JsonNode(JsonKind.String, start, start, value, null, null);
        }

        private void SkipTag()
        {
            string rest = Rest();
            if (rest.StartsWith("!", StringComparison.Ordinal))
            {
                int space = rest.IndexOf(' ');
                _col += space < 0 ? rest.Length : space;
                SkipSpaces();
            }
        }

        private string KeyText(string raw, TextPosition pos)
        {
            if (raw.Length >= 2 && raw[0] == '"')
            {
                return ReadDoubleQuoted(raw, pos);
            }

            if (raw.Length >= 2 && raw[0] == '\'')
            {
                return ReadSingleQuoted(raw, pos, out _);
            }

            if (raw.StartsWith("? ", StringComparison.Ordinal) || raw == "?")
            {
                throw new JsonParseException("complex mapping keys ('? ') are not supported here", pos);
            }

            if (raw.Length > 0 && (raw[0] == '&' || raw[0] == '*'))
            {
                throw new JsonParseException("YAML anchors and aliases are not supported here", pos);
            }

            return raw;
        }

        internal static JsonNode TypedScalar(string text, TextPosition start)
        {
            switch (text)
            {
                case "":
                case "~":
                case "null":
                case "Null":
                case "NULL":
                    return new JsonNode(JsonKind.Null, start, start, null, null, null);
                case "true":
                case "True":
                case "TRUE":
                    return new JsonNode(JsonKind.True, start, start, null, null, null);
                case "false":
                case "False":
                case "FALSE":
                    return new JsonNode(JsonKind.False, start, start, null, null, null);
            }

            char c = text[0];
            if ((c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) &&
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && text.IndexOf(' ') < 0)
            {
                return new JsonNode(JsonKind.Number, start, start, text, null, null);
            }

            return new JsonNode(JsonKind.String, start, start, text, null, null);
        }

        /// <summary>Index of the ':' that makes this line a "key: value" entry, or -1.</summary>
        private static int MappingColon(string rest)
        {
            if (rest.Length == 0 || rest[0] == '[' || rest[0] == '{' || rest[0] == '#' || IsSequenceItem(rest))
            {
                return -1;
            }

            int i = 0;
            if (rest[0] == '"' || rest[0] == '\'')
            {
                i = QuotedLength(rest, rest[0]);
                if (i < 0)
                {
                    return -1;
                }

                while (i < rest.Length && rest[i] == ' ')
                {
                    i++;
                }

                return i < rest.Length && rest[i] == ':' && (i + 1 == rest.Length || rest[i + 1] == ' ' || rest[i + 1] == '\t' || rest[i + 1] == '\r') ? i : -1;
            }

            for (; i < rest.Length; i++)
            {
                if (rest[i] == '#' && i > 0 && (rest[i - 1] == ' ' || rest[i - 1] == '\t'))
                {
                    return -1;
                }

                if (rest[i] == ':' && (i + 1 == rest.Length || rest[i + 1] == ' ' || rest[i + 1] == '\t' || rest[i + 1] == '\r'))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsSequenceItem(string rest) => rest.Length > 0 && rest[0] == '-' && (rest.Length == 1 || rest[1] == ' ' || rest[1] == '\t' || rest[1] == '\r');

        private static bool IsBlankOrComment(string rest)
        {
            string t = rest.TrimStart(' ', '\t');
            return t.Length == 0 || t[0] == '#' || t == "\r";
        }

        private static string StripComment(string rest)
        {
            for (int i = 0; i < rest.Length; i++)
            {
                if (rest[i] == '#' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t'))
                {
                    return rest.Substring(0, i);
                }
            }

            return rest.TrimEnd('\r');
        }

        /// <summary>Length of the quoted scalar at the start of <paramref name="s"/> including its quotes, or -1 when unterminated.</summary>
        private static int QuotedLength(string s, char quote)
        {
            for (int i = 1; i < s.Length; i++)
            {
                if (quote == '"' && s[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (s[i] == quote)
                {
                    if (quote == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i + 1;
                }
            }

            return -1;
        }

        private static string ReadSingleQuoted(string s, TextPosition pos, out int length)
        {
            length = QuotedLength(s, '\'');
            if (length < 0)
            {
                throw new JsonParseException("unterminated single-quoted string (it starts here; multi-line quoted strings are not supported)", pos);
            }

            return s.Substring(1, length - 2).Replace("''", "'");
        }

        private static string ReadDoubleQuoted(string s, TextPosition pos)
        {
            int length = QuotedLength(s, '"');
            if (length < 0)
            {
                throw new JsonParseException("unterminated double-quoted string (it starts here; multi-line quoted strings are not supported)", pos);
            }

            return Unescape(s, 1, length - 1, pos);
        }

        internal static string Unescape(string s, int from, int to, TextPosition pos)
        {
            var sb = new StringBuilder();
            for (int i = from; i < to; i++)
            {
                char c = s[i];
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                i++;
                if (i >= to)
                {
                    throw new JsonParseException("incomplete escape sequence in a string", pos);
                }

                switch (s[i])
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '0': sb.Append('\0'); break;
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case ' ': sb.Append(' '); break;
                    case '\t': sb.Append('\t'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'e': sb.Append('\u001b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'v': sb.Append('\v'); break;
                    case 'N': sb.Append('\u0085'); break;
                    case '_': sb.Append('\u00a0'); break;
                    case 'L': sb.Append('\u2028'); break;
                    case 'P': sb.Append('\u2029'); break;
                    case 'x':
                    case 'u':
                    case 'U':
                        {
                            int digits = s[i] == 'x' ? 2 : s[i] == 'u' ? 4 : 8;
                            if (i + digits >= to + 1 || !int.TryParse(s.Substring(i + 1, Math.Min(digits, to - i - 1)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                            {
                                throw new JsonParseException("invalid escape sequence in a string", pos);
                            }

                            sb.Append(char.ConvertFromUtf32(code));
                            i += digits;
                            break;
                        }

                    default:
                        throw new JsonParseException("invalid escape sequence in a string", pos);
                }
            }

            return sb.ToString();
        }

        private string Rest() => _li < _lines.Count && _col < _lines[_li].Text.Length ? _lines[_li].Text.Substring(_col) : string.Empty;

        private void SkipSpaces()
        {
            while (_li < _lines.Count && _col < _lines[_li].Text.Length && (_lines[_li].Text[_col] == ' ' || _lines[_li].Text[_col] == '\t'))
            {
                _col++;
            }
        }

        private void NextLine()
        {
            _li++;
            _col = _li < _lines.Count ? _lines[_li].Indent : 0;
        }

        /// <summary>Moves to the next line that has content, if the rest of the current one is blank or a comment.</summary>
        private void SkipToContent()
        {
            while (_li < _lines.Count && IsBlankOrComment(Rest()))
            {
                NextLine();
            }

            if (_li < _lines.Count && _col == _lines[_li].Indent && _lines[_li].HasTabIndent)
            {
                throw Error("a tab is used for indentation (YAML allows only spaces)");
            }
        }

        private void MoveToOffset(int offset)
        {
            while (_li + 1 < _lines.Count && _lines[_li + 1].Offset <= offset)
            {
                _li++;
            }

            _col = offset - _lines[_li].Offset;
        }

        private TextPosition Pos(int li, int col) => new TextPosition(_lines[li].Number, col + 1, _baseOffset + _lines[li].Offset + col);

        private TextPosition EndPos() => _lines.Count == 0 ? new TextPosition(1, 1, 0) : Pos(_lines.Count - 1, 0);

        private JsonParseException Error(string message) => new JsonParseException(message, _li < _lines.Count ? Pos(_li, Math.Min(_col, _lines[_li].Text.Length)) : EndPos());

        private void SplitLines(int firstLineNumber, int firstOffset)
        {
            int pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
            int number = firstLineNumber;
            while (pos <= _text.Length)
            {
                int end = _text.IndexOf('\n', pos);
                string raw = end < 0 ? _text.Substring(pos) : _text.Substring(pos, end - pos);
                raw = raw.TrimEnd('\r');
                int indent = 0;
                while (indent < raw.Length && raw[indent] == ' ')
                {
                    indent++;
                }

                bool tab = indent < raw.Length && raw[indent] == '\t' && raw.Trim().Length > 0 && raw.TrimStart()[0] != '#';
                _lines.Add(new Line(number, pos, raw, indent, tab));
                if (end < 0)
                {
                    break;
                }

                pos = end + 1;
                number++;
            }

            _col = _lines.Count > 0 ? _lines[0].Indent : 0;
            _baseOffset = firstOffset;
        }

        private readonly struct Line
        {
            public Line(int number, int offset, string text, int indent, bool hasTabIndent)
            {
                Number = number;
                Offset = offset;
                Text = text;
                Indent = indent;
                HasTabIndent = hasTabIndent;
            }

            public int Number { get; }

            /// <summary>Offset of the first character of the line in the text being parsed.</summary>
            public int Offset { get; }

            public string Text { get; }

            public int Indent { get; }

            public bool HasTabIndent { get; }
        }
    }
}
