using System;
using System.Collections.Generic;
using System.Text;
using Guardrails.Core.Json;
using Guardrails.Core.Secrets;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// A key written in an encoding its reader undoes (adversary round 13 routes 1, 5 and 11), decoded before the
    /// self-identifying key scan so the key is found as the program, the server or the notebook viewer will hold it:
    /// <list type="bullet">
    /// <item>a URL's percent-escapes (<c>?api-key=sk%2Dproj-…</c>, a value written wholly as <c>%73%6B%2D…</c>): every
    /// <c>%XX</c> of a printable ASCII character, in any text (a server, <c>Uri.UnescapeDataString</c>, curl all decode it);</item>
    /// <item>the string escapes of the file's own language (<see cref="SourceLanguages.Of"/>): <c>\xHH</c>, <c>\uXXXX</c>,
    /// <c>\UXXXXXXXX</c>, <c>\u{…}</c> and octal <c>\NNN</c> where that language has them (Python, Go, Ruby, JS/TS, Java,
    /// Kotlin, Rust, C, PHP, Swift, shell <c>$'…'</c>, a page's <c>&lt;script&gt;</c>), PowerShell's <c>`u{…}</c>, and HTML
    /// character references (<c>&amp;#45;</c>, <c>&amp;#x2d;</c>, <c>&amp;hyphen;</c>) in Markdown, which GitHub renders
    /// as the plain character;</item>
    /// <item>a notebook's multiline strings (nbformat writes <c>source</c>, <c>outputs[].text</c> and
    /// <c>outputs[].data[*]</c> as lists of strings that Jupyter concatenates): each list of strings joined.</item>
    /// </list>
    /// Each decode runs only where its trigger character is (<c>%</c>, <c>\</c>, <c>`</c>, <c>&amp;</c>), and only the
    /// escapes of the file's language are undone, so text in other languages reads as before. Malformed escapes are text.
    /// </summary>
    public static class SourceEscapes
    {
        [Flags]
        private enum Escapes
        {
            None = 0,
            Hex2 = 1,        // \xHH
            U4 = 2,          // \uXXXX
            U8 = 4,          // \UXXXXXXXX
            UBraces = 8,     // \u{…}
            Octal = 16,      // \NNN (1 to 3 digits)
            BacktickU = 32,  // PowerShell `u{…}
            Html = 64,       // &#45; &#x2d; &hyphen;
        }

        private const Escapes CLike = Escapes.Hex2 | Escapes.U4 | Escapes.U8 | Escapes.Octal;

        /// <summary>The escapes the string literals of <paramref name="language"/> have.</summary>
        private static Escapes EscapesOf(SourceLanguage language)
        {
            switch (language)
            {
                case SourceLanguage.Python:
                case SourceLanguage.Go:
                case SourceLanguage.C:
                case SourceLanguage.Shell:
                    return CLike;
                case SourceLanguage.Ruby:
                case SourceLanguage.Php:
                    return CLike | Escapes.UBraces;
                case SourceLanguage.JavaScript:
                    return Escapes.Hex2 | Escapes.U4 | Escapes.UBraces;
                case SourceLanguage.Jvm:
                    return Escapes.U4 | Escapes.Octal;
                case SourceLanguage.Rust:
                case SourceLanguage.Swift:
                    return Escapes.Hex2 | Escapes.UBraces;
                case SourceLanguage.PowerShell:
                    return Escapes.BacktickU;
                case SourceLanguage.Markdown:
                    return Escapes.Html;
                case SourceLanguage.MarkupPage:
                    // A page's script strings; its character references are decoded as XML text is (FormatEscapes).
                    return Escapes.Hex2 | Escapes.U4 | Escapes.UBraces;
                default:
                    return Escapes.None;
            }
        }

        /// <summary>
        /// The text of <paramref name="path"/> with its percent-escapes and its language's string escapes decoded (the one
        /// <c>%XX</c> decoder: <see cref="LanguageJoins"/> joins the words of this decoded text), and for each decoded character (plus one past the end) its offset in <paramref name="text"/>; null when none was decoded.
        /// </summary>
        public static string? Decode(string path, string text, out int[] offsets) => Decode(SourceLanguages.Of(path), text, out offsets);

        /// <summary><see cref="Decode(string, string, out int[])"/> for a file in <paramref name="language"/>.</summary>
        public static string? Decode(SourceLanguage language, string text, out int[] offsets)
        {
            Escapes escapes = EscapesOf(language);
            bool percent = text.IndexOf('%') >= 0;
            bool backslash = (escapes & (CLike | Escapes.UBraces)) != 0 && text.IndexOf('\\') >= 0;
            bool backtick = (escapes & Escapes.BacktickU) != 0 && text.IndexOf('`') >= 0;
            bool html = (escapes & Escapes.Html) != 0 && text.IndexOf('&') >= 0;
            if (!percent && !backslash && !backtick && !html)
            {
                offsets = Array.Empty<int>();
                return null;
            }

            if (!backslash) escapes &= ~(CLike | Escapes.UBraces);
            if (!backtick) escapes &= ~Escapes.BacktickU;
            if (!html) escapes &= ~Escapes.Html;
            if (!HasEscape(text, escapes, percent))
            {
                offsets = Array.Empty<int>();
                return null; // a '%' of a format string, "\n", a '&' of prose: nothing decodes, nothing is allocated
            }

            return Decode(text, escapes, percent, out offsets);
        }

        /// <summary>The trigger characters for each combination of percent (1), backslash (2), backtick (4) and HTML (8) escapes.</summary>
        private static readonly char[][] Triggers = BuildTriggers();

        private static char[][] BuildTriggers()
        {
            var all = new char[16][];
            for (int mask = 0; mask < 16; mask++)
            {
                var list = new List<char>();
                if ((mask & 1) != 0) list.Add('%');
                if ((mask & 2) != 0) list.Add('\\');
                if ((mask & 4) != 0) list.Add('`');
                if ((mask & 8) != 0) list.Add('&');
                all[mask] = list.ToArray();
            }

            return all;
        }

        /// <summary>Whether any escape in <paramref name="text"/> decodes (the same rules as <see cref="Decode(string, Escapes, bool, out int[])"/>), without allocating.</summary>
        private static bool HasEscape(string text, Escapes escapes, bool percent)
        {
            char[] triggers = Triggers[(percent ? 1 : 0) | ((escapes & (CLike | Escapes.UBraces)) != 0 ? 2 : 0) | ((escapes & Escapes.BacktickU) != 0 ? 4 : 0) | ((escapes & Escapes.Html) != 0 ? 8 : 0)];
            for (int i = text.IndexOfAny(triggers); i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(triggers, i + 1) : -1)
            {
                switch (text[i])
                {
                    case '%' when percent && i + 2 < text.Length:
                        int? code = FormatEscapes.Number(text, i + 1, 2, 16);
                        if (code >= 0x20 && code <= 0x7E)
                        {
                            return true;
                        }

                        break;
                    case '\\' when (escapes & (CLike | Escapes.UBraces)) != 0 && i + 1 < text.Length:
                        char next = text[i + 1];
                        if ((next == 'x' && (escapes & Escapes.Hex2) != 0) || (next == 'u' && (escapes & (Escapes.U4 | Escapes.UBraces)) != 0) ||
                            (next == 'U' && (escapes & Escapes.U8) != 0) || (next >= '0' && next <= '7' && (escapes & Escapes.Octal) != 0))
                        {
                            return true;
                        }

                        i++; // an escaped character (\\, \n) is no escape start
                        break;
                    case '`' when (escapes & Escapes.BacktickU) != 0 && i + 2 < text.Length && text[i + 1] == 'u' && text[i + 2] == '{':
                        return true;
                    case '&' when (escapes & Escapes.Html) != 0 && i + 2 < text.Length && (text[i + 1] == '#' || char.IsLetter(text[i + 1])):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The self-identifying keys of <paramref name="text"/> (a string the reader holds whole: a C# literal's value, an
        /// assembly's strings) that only its percent-decoded form shows, added to <paramref name="results"/> at the offset
        /// and length of their encoded text unless a match already starts there.
        /// </summary>
        public static void ScanPercentDecoded(string text, List<SecretMatch> results)
        {
            if (text.IndexOf('%') < 0)
            {
                return;
            }

            string? decoded = Decode(text, Escapes.None, percent: true, out int[] offsets);
            if (decoded == null || !SecretScanner.MightContainKey(decoded))
            {
                return;
            }

            var found = new List<SecretMatch>();
            SecretScanner.Scan(decoded, found);
            int first = results.Count;
            foreach (SecretMatch match in found)
            {
                int start = offsets[match.Start];
                int end = offsets[match.Start + match.Length];
                bool known = false;
                for (int i = 0; i < first && !known; i++)
                {
                    known = results[i].Start == start;
                }

                if (!known)
                {
                    results.Add(new SecretMatch(start, end - start, match.Format, match.Redacted));
                }
            }
        }

        private static string? Decode(string text, Escapes escapes, bool percent, out int[] offsets) =>
            MappedText.Decode(text, new Decoder(escapes, percent), out offsets);

        /// <summary>The percent-escapes (when asked) and the string escapes of one language, for <see cref="MappedText.Decode{TDecoder}"/>.</summary>
        private readonly struct Decoder : IDecoder
        {
            private readonly Escapes _escapes;
            private readonly bool _percent;

            public Decoder(Escapes escapes, bool percent)
            {
                _escapes = escapes;
                _percent = percent;
            }

            public int Decode(string text, int i, MappedText view)
            {
                char c = text[i];
                if (c == '%' && _percent)
                {
                    return Percent(text, i, view.Text);
                }

                if (c == '\\' && (_escapes & (CLike | Escapes.UBraces)) != 0)
                {
                    int consumed = Backslash(text, i, _escapes, view.Text);
                    if (consumed == 0 && i + 1 < text.Length)
                    {
                        // Any other escape (\\, \", \n) is kept as written, both characters: \\x2d is no escape.
                        view.Append(c, i);
                        view.Append(text[i + 1], i + 1);
                        return -2;
                    }

                    return consumed;
                }

                if (c == '`' && (_escapes & Escapes.BacktickU) != 0 && i + 2 < text.Length && text[i + 1] == 'u' && text[i + 2] == '{')
                {
                    return Braced(text, i + 3, view.Text, out int end) ? end + 1 - i : 0;
                }

                return c == '&' && (_escapes & Escapes.Html) != 0 ? HtmlReference(text, i, view.Text) : 0;
            }
        }

        /// <summary><c>%XX</c> of a printable ASCII character appended decoded; the characters it took, or 0.</summary>
        private static int Percent(string text, int at, StringBuilder sb)
        {
            int? code = at + 3 <= text.Length ? FormatEscapes.Number(text, at + 1, 2, 16) : null;
            if (code == null || code < 0x20 || code > 0x7E)
            {
                return 0;
            }

            sb.Append((char)code.Value);
            return 3;
        }

        private static int Backslash(string text, int at, Escapes escapes, StringBuilder sb)
        {
            if (at + 1 >= text.Length)
            {
                return 0;
            }

            char next = text[at + 1];
            int digits;
            switch (next)
            {
                case 'x' when (escapes & Escapes.Hex2) != 0:
                    digits = 2;
                    break;
                case 'u' when (escapes & Escapes.UBraces) != 0 && at + 2 < text.Length && text[at + 2] == '{':
                    return Braced(text, at + 3, sb, out int end) ? end + 1 - at : 0;
                case 'u' when (escapes & Escapes.U4) != 0:
                    digits = 4;
                    break;
                case 'U' when (escapes & Escapes.U8) != 0:
                    digits = 8;
                    break;
                case >= '0' and <= '7' when (escapes & Escapes.Octal) != 0:
                {
                    int n = 1;
                    while (n < 3 && at + 1 + n < text.Length && text[at + 1 + n] >= '0' && text[at + 1 + n] <= '7')
                    {
                        n++;
                    }

                    int? octal = FormatEscapes.Number(text, at + 1, n, 8);
                    return octal != null && octal.Value < 0x100 && FormatEscapes.AppendCodePoint(sb, octal.Value) ? 1 + n : 0;
                }

                default:
                    return 0;
            }

            int? code = at + 2 + digits <= text.Length ? FormatEscapes.Number(text, at + 2, digits, 16) : null;
            return code != null && FormatEscapes.AppendCodePoint(sb, code.Value) ? 2 + digits : 0;
        }

        /// <summary>The hex digits from <paramref name="from"/> to a closing brace (at <paramref name="end"/>) appended as one code point.</summary>
        private static bool Braced(string text, int from, StringBuilder sb, out int end)
        {
            end = text.IndexOf('}', from, Math.Min(7, text.Length - from));
            if (end < 0)
            {
                return false;
            }

            int? code = FormatEscapes.Number(text, from, end - from, 16);
            return code != null && FormatEscapes.AppendCodePoint(sb, code.Value);
        }

        /// <summary>HTML's named references of the characters keys are written with (HTML5), besides XML's numeric ones.</summary>
        private static readonly Dictionary<string, char> HtmlNames = new Dictionary<string, char>(StringComparer.Ordinal)
        {
            { "hyphen", '-' }, { "dash", '-' }, { "lowbar", '_' }, { "UnderBar", '_' }, { "period", '.' }, { "plus", '+' },
            { "sol", '/' }, { "equals", '=' }, { "colon", ':' },
        };

        private static int HtmlReference(string text, int at, StringBuilder sb)
        {
            int consumed = FormatEscapes.XmlReference(text, at, sb);
            if (consumed > 0)
            {
                return consumed;
            }

            int semicolon = text.IndexOf(';', at + 1, Math.Min(10, text.Length - at - 1));
            if (semicolon > at + 1 && HtmlNames.TryGetValue(text.Substring(at + 1, semicolon - at - 1), out char named))
            {
                sb.Append(named);
                return semicolon - at + 1;
            }

            return 0;
        }

        // ---- notebooks ----------------------------------------------------------------------------------------------

        /// <summary>
        /// The self-identifying keys a notebook's lists of strings hold once joined as Jupyter joins them (concatenated), that
        /// run across two items, added to <paramref name="results"/> at the item the key starts in (from its first character
        /// when that item has no escapes before it). A "possible secret" found in a piece of such a key is replaced by it.
        /// </summary>
        public static void ScanNotebookLists(string text, List<SecretMatch> results, int first)
        {
            if (text.IndexOf("\",", StringComparison.Ordinal) < 0)
            {
                return;
            }

            JsonNode? root = JsonReader.TryParse(text, out _);
            if (root != null)
            {
                WalkNotebook(root, text, results, first, new List<SecretMatch>());
            }
        }

        private static void WalkNotebook(JsonNode node, string text, List<SecretMatch> results, int first, List<SecretMatch> found)
        {
            if (node.IsObject)
            {
                foreach (JsonProperty property in node.Properties)
                {
                    WalkNotebook(property.Value, text, results, first, found);
                }

                return;
            }

            if (!node.IsArray)
            {
                return;
            }

            bool strings = node.Items.Count > 1;
            foreach (JsonNode item in node.Items)
            {
                if (!item.IsString)
                {
                    strings = false;
                    WalkNotebook(item, text, results, first, found);
                }
            }

            if (!strings)
            {
                return;
            }

            var joined = new StringBuilder();
            var starts = new int[node.Items.Count + 1];
            for (int i = 0; i < node.Items.Count; i++)
            {
                starts[i] = joined.Length;
                joined.Append(node.Items[i].Text);
            }

            starts[node.Items.Count] = joined.Length;
            string value = joined.ToString();
            if (!SecretScanner.MightContainKey(value))
            {
                return;
            }

            found.Clear();
            SecretScanner.Scan(value, found);
            foreach (SecretMatch match in found)
            {
                int piece = 0;
                while (starts[piece + 1] <= match.Start)
                {
                    piece++;
                }

                if (match.Start + match.Length <= starts[piece + 1])
                {
                    continue; // within one item: the raw scan reads it
                }

                JsonNode item = node.Items[piece];
                int quote = item.Start.Offset;
                int itemEnd = Math.Min(item.End.Offset, text.Length);
                int inItem = match.Start - starts[piece];
                bool plain = text.IndexOf('\\', quote, Math.Max(0, Math.Min(inItem + 1, itemEnd - quote))) < 0;
                int start = plain ? quote + 1 + inItem : quote;
                int end = Math.Max(start + 1, itemEnd - 1);
                Add(results, first, new SecretMatch(start, end - start, match.Format, match.Redacted));
            }
        }

        private static void Add(List<SecretMatch> results, int first, SecretMatch match)
        {
            for (int i = results.Count - 1; i >= first; i--)
            {
                SecretMatch other = results[i];
                if (other.Start < match.Start + match.Length && match.Start < other.Start + other.Length)
                {
                    if (!other.Format.IsGeneric || match.Format.IsGeneric)
                    {
                        return;
                    }

                    results.RemoveAt(i);
                }
            }

            results.Add(match);
        }
    }
}
