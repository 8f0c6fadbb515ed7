using System.Text;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// The escapes a configuration format writes a character with, decoded the way that format's reader decodes them, so a
    /// key spelled with them is found as the program will read it: XML character references (<c>&amp;#115;</c>,
    /// <c>&amp;#x73;</c>, the five named entities) in .config, .xml, .resx and project files; backslash escapes
    /// (<c>\uXXXX</c>, <c>\UXXXXXXXX</c>, <c>\xHH</c>, <c>\\</c>) and escaped line breaks (a backslash ending a line, the
    /// next line's leading blanks dropped) in YAML double-quoted scalars, TOML basic strings and .properties files.
    /// Each decoded character keeps the offset in the file of the escape it came from, so a key is reported at its first
    /// character in the file. XML text is also read as an XML reader gives an element's value (adversary round 10 route 3):
    /// comments and processing instructions removed, a CDATA section's content kept as written, so
    /// <c>sk-…&lt;!-- x --&gt;…</c> and <c>sk-…&lt;![CDATA[…]]&gt;</c> are one value; the same for markup pages (HTML,
    /// Razor), whose text a browser joins around a comment.
    /// </summary>
    public static class FormatEscapes
    {
        /// <summary>
        /// The decoded text of <paramref name="text"/> read as <paramref name="kind"/>, and for each decoded character (plus
        /// one past the end) its offset in <paramref name="text"/>; null when the format has no escapes or the text none.
        /// </summary>
        public static string? Decode(TextFileKind kind, string text, out int[] offsets)
        {
            offsets = System.Array.Empty<int>();
            switch (kind)
            {
                case TextFileKind.Xml when text.IndexOf('&') >= 0 || text.IndexOf("<!", System.StringComparison.Ordinal) >= 0 || text.IndexOf("<?", System.StringComparison.Ordinal) >= 0:
                    return DecodeMarkup(text, references: true, out offsets);
                case TextFileKind.Ini when text.IndexOf('\\') >= 0:
                case TextFileKind.Yaml when text.IndexOf('\\') >= 0:
                    return MappedText.Decode(text, default(BackslashEscapes), out offsets);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <see cref="Decode(TextFileKind, string, out int[])"/> for the file at <paramref name="path"/>: a markup page
        /// (<see cref="SourceLanguage.MarkupPage"/>, read as plain text) is decoded as XML text is (a browser's
        /// <c>textContent</c> joins the text around a comment).
        /// </summary>
        public static string? Decode(string path, TextFileKind kind, string text, out int[] offsets) =>
            Decode(kind == TextFileKind.PlainText ? SourceLanguages.Of(path) : SourceLanguage.None, kind, text, out offsets);

        /// <summary><see cref="Decode(string, TextFileKind, string, out int[])"/> for a file in <paramref name="language"/>.</summary>
        public static string? Decode(SourceLanguage language, TextFileKind kind, string text, out int[] offsets) =>
            kind == TextFileKind.PlainText && language == SourceLanguage.MarkupPage ? Decode(TextFileKind.Xml, text, out offsets) : Decode(kind, text, out offsets);

        /// <summary>
        /// The text of <paramref name="text"/> (XML) with comments and processing instructions removed and CDATA sections'
        /// markers removed (their content kept), references left as written, and each character's offset in the file; null
        /// when no markup stands next to text it would join (a comment after a tag or a blank, the XML declaration). The
        /// structure is kept, so the XML reader of named values reads an element's whole value from it.
        /// </summary>
        public static string? StripXmlMarkup(string text, out int[] offsets)
        {
            offsets = System.Array.Empty<int>();
            return text.IndexOf("<!", System.StringComparison.Ordinal) < 0 && text.IndexOf("<?", System.StringComparison.Ordinal) < 0
                ? null : DecodeMarkup(text, references: false, out offsets);
        }

        /// <summary>
        /// XML text read as a reader reads element values: comments (<c>&lt;!-- --&gt;</c>) and processing instructions
        /// (<c>&lt;? ?&gt;</c>) removed, a CDATA section's content kept verbatim (no references decoded in it), and with
        /// <paramref name="references"/> character and entity references decoded. Markup that is not closed is text (a
        /// malformed file is read as written from there). Null when nothing was decoded and no removed markup followed a
        /// character of text (nothing joined).
        /// </summary>
        private static string? DecodeMarkup(string text, bool references, out int[] offsets) =>
            MappedText.Decode(text, new Markup(references), out offsets);

        private readonly struct Markup : IDecoder
        {
            private readonly bool _references;

            public Markup(bool references) => _references = references;

            public int Decode(string text, int i, MappedText view)
            {
                if (text[i] == '<' && i + 1 < text.Length && (text[i + 1] == '!' || text[i + 1] == '?'))
                {
                    int end = -1;
                    int cdata = -1;
                    if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
                    {
                        int close = text.IndexOf("-->", i + 4, System.StringComparison.Ordinal);
                        end = close < 0 ? -1 : close + 3;
                    }
                    else if (string.CompareOrdinal(text, i, "<![CDATA[", 0, 9) == 0)
                    {
                        int close = text.IndexOf("]]>", i + 9, System.StringComparison.Ordinal);
                        if (close >= 0)
                        {
                            cdata = i + 9;
                            end = close;
                        }
                    }
                    else if (text[i + 1] == '?')
                    {
                        int close = text.IndexOf("?>", i + 2, System.StringComparison.Ordinal);
                        end = close < 0 ? -1 : close + 2;
                    }

                    if (end >= 0)
                    {
                        JoinsText(view);
                        if (cdata >= 0)
                        {
                            for (int k = cdata; k < end; k++)
                            {
                                view.Append(text[k], k);
                            }

                            JoinsText(view);
                            end += 3;
                        }

                        return i - end;
                    }
                }

                return _references ? XmlReference(text, i, view.Text) : 0;
            }
        }

        /// <summary>Markup removed after the view's text changes it when it would join that text to what follows: the text so far ends in a character that is no blank and no tag's end.</summary>
        private static void JoinsText(MappedText view)
        {
            StringBuilder sb = view.Text;
            if (sb.Length > 0 && sb[sb.Length - 1] != '>' && !char.IsWhiteSpace(sb[sb.Length - 1]))
            {
                view.MarkChanged();
            }
        }

        /// <summary>XML character and entity references in <paramref name="raw"/> decoded (an attribute's or element's value).</summary>
        public static string DecodeXml(string raw) => raw.IndexOf('&') < 0 ? raw : MappedText.Decode(raw, default(XmlReferences), out _) ?? raw;

        private readonly struct XmlReferences : IDecoder
        {
            public int Decode(string text, int at, MappedText view) => XmlReference(text, at, view.Text);
        }

        private readonly struct BackslashEscapes : IDecoder
        {
            public int Decode(string text, int at, MappedText view) => BackslashEscape(text, at, view.Text);
        }

        /// <summary>A reference at <paramref name="at"/> appended decoded; the characters it took, or 0.</summary>
        internal static int XmlReference(string text, int at, StringBuilder sb)
        {
            if (text[at] != '&')
            {
                return 0;
            }

            int semicolon = text.IndexOf(';', at + 1, System.Math.Min(12, text.Length - at - 1));
            if (semicolon < 0)
            {
                return 0;
            }

            string name = text.Substring(at + 1, semicolon - at - 1);
            string? named = name switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ => null,
            };
            if (named != null)
            {
                sb.Append(named);
                return semicolon - at + 1;
            }

            if (name.Length < 2 || name[0] != '#')
            {
                return 0;
            }

            bool hex = name[1] == 'x' || name[1] == 'X';
            int? code = Number(name, hex ? 2 : 1, name.Length - (hex ? 2 : 1), hex ? 16 : 10);
            return code != null && AppendCodePoint(sb, code.Value) ? semicolon - at + 1 : 0;
        }

        /// <summary>A backslash escape or an escaped line break at <paramref name="at"/> appended decoded; the characters it took, or 0.</summary>
        private static int BackslashEscape(string text, int at, StringBuilder sb)
        {
            if (text[at] != '\\' || at + 1 >= text.Length)
            {
                return 0;
            }

            char next = text[at + 1];
            switch (next)
            {
                case '\\':
                    sb.Append('\\');
                    return 2;
                case 'u':
                case 'U':
                case 'x':
                {
                    int digits = next == 'u' ? 4 : next == 'U' ? 8 : 2;
                    int? code = at + 2 + digits <= text.Length ? Number(text, at + 2, digits, 16) : null;
                    return code != null && AppendCodePoint(sb, code.Value) ? 2 + digits : 0;
                }

                case '\r':
                case '\n':
                {
                    // A line continued on the next: the break and the next line's leading blanks are not part of the value.
                    int i = at + 1;
                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    i++;
                    while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                    {
                        i++;
                    }

                    return i - at;
                }

                default:
                    return 0;
            }
        }

        internal static int? Number(string text, int start, int length, int radix)
        {
            if (length <= 0 || length > 8)
            {
                return null;
            }

            long value = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                int digit = c >= '0' && c <= '9' ? c - '0'
                    : radix == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : radix == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    return null;
                }

                value = (value * radix) + digit;
            }

            return value <= 0x10FFFF ? (int)value : (int?)null;
        }

        internal static bool AppendCodePoint(StringBuilder sb, int code)
        {
            if (code == 0 || (code >= 0xD800 && code <= 0xDFFF))
            {
                return false;
            }

            sb.Append(char.ConvertFromUtf32(code));
            return true;
        }
    }
}
