using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Guardrails.Core.Secrets;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// The joining a script or container language does to one word or literal before it runs (adversary round 11 route 1),
    /// so a self-identifying key written in pieces of one value is found as the program will hold it: shell words (sh, bash,
    /// zsh, .env, Dockerfile <c>ENV</c>/<c>ARG</c>/<c>RUN</c>) lose their quote characters and backslash-newlines
    /// (<c>sk-…"…"</c>, <c>'…''…'</c>, <c>…""…</c>); PowerShell drops a backtick before an ordinary character
    /// (<c>"sk-`proj-…"</c>) and a backtick-newline; cmd drops a caret (<c>sk-^proj-…</c>); Python joins adjacent string
    /// literals (<c>("…" "…")</c>, across lines and backslash-newlines) and drops a backslash-newline inside a literal; an
    /// empty interpolation (<c>${""}</c>, <c>${''}</c>, <c>${NAME:-}</c>, <c>{""}</c>, <c>{{ "" }}</c>) is nothing in HCL,
    /// Bicep, compose/.env, shell, f-strings and Helm templates. The joined view keeps for each character the offset in the
    /// file of the character it came from, so a key is reported at its first piece. Only the self-identifying scan reads
    /// the joined view; it is built only when a junction joins two runs into one at least <see cref="MinimumRun"/> long
    /// (keys are long; ordinary scripts have no such junction, so they cost one pass and no second scan). Malformed quoting
    /// never throws: each rule looks at a few characters and leaves anything else as written.
    /// </summary>
    public static class LanguageJoins
    {
        /// <summary>The shortest joined run worth a second scan (no self-identifying key is shorter).</summary>
        internal const int MinimumRun = 20;

        [Flags]
        private enum Rules
        {
            None = 0,
            ShellQuotes = 1,          // " and ' removed from a word
            BackslashNewline = 2,     // \ + line break removed
            Backtick = 4,             // PowerShell `x -> x, ` + line break removed
            Caret = 8,                // cmd ^x -> x, ^ + line break removed
            PythonAdjacent = 16,      // "…" "…" (whitespace, line breaks, \-newline between) joined; \-newline in a literal removed
            EmptyInterpolation = 32,  // ${""} ${''} ${NAME:-} ${NAME-} {""} {''} {{ "" }}
        }

        /// <summary>
        /// The joined text of <paramref name="text"/> as the language of <paramref name="path"/> (read as
        /// <paramref name="kind"/>) joins its words and literals, and for each joined character (plus one past the end) its
        /// offset in <paramref name="text"/>; null when the language joins nothing or no junction makes a long run.
        /// </summary>
        public static string? Join(TextFileKind kind, string path, string text, out int[] offsets)
        {
            offsets = Array.Empty<int>();
            Rules rules = RulesFor(kind, path);
            if (rules == Rules.None)
            {
                return null;
            }

            var sb = new StringBuilder(text.Length);
            var map = new List<int>(text.Length + 1);
            bool worthIt = false;
            for (int i = 0; i < text.Length;)
            {
                int skip = Junction(rules, text, i, out char? replacement);
                if (skip > 0)
                {
                    int before = sb.Length;
                    if (replacement != null)
                    {
                        sb.Append(replacement.Value);
                        map.Add(i + skip - 1);
                    }

                    i += skip;
                    if (!worthIt && before > 0 && i < text.Length && sb[before - 1] != '=' && NamedValues.IsTokenCharacter(sb[before - 1]) && LongRun(sb, before, text, i))
                    {
                        worthIt = true;
                    }

                    continue;
                }

                sb.Append(text[i]);
                map.Add(i);
                i++;
            }

            if (!worthIt)
            {
                return null;
            }

            map.Add(text.Length);
            offsets = map.ToArray();
            return sb.ToString();
        }

        private static Rules RulesFor(TextFileKind kind, string path)
        {
            switch (kind)
            {
                case TextFileKind.Dockerfile:
                case TextFileKind.DotEnv:
                    return Rules.ShellQuotes | Rules.BackslashNewline | Rules.EmptyInterpolation;
                case TextFileKind.Blocks:
                case TextFileKind.Yaml:
                    return Rules.EmptyInterpolation;
                case TextFileKind.PlainText:
                    break;
                default:
                    return Rules.None;
            }

            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".sh":
                case ".bash":
                case ".zsh":
                case ".ksh":
                    return Rules.ShellQuotes | Rules.BackslashNewline | Rules.EmptyInterpolation;
                case ".ps1":
                case ".psm1":
                case ".psd1":
                    return Rules.Backtick | Rules.EmptyInterpolation;
                case ".cmd":
                case ".bat":
                    return Rules.Caret;
                case ".py":
                case ".pyw":
                case ".pyi":
                    return Rules.PythonAdjacent | Rules.EmptyInterpolation;
                default:
                    return Rules.None;
            }
        }

        /// <summary>The characters a junction at <paramref name="at"/> takes (0 when none), and what it leaves in their place.</summary>
        private static int Junction(Rules rules, string text, int at, out char? replacement)
        {
            replacement = null;
            char c = text[at];
            switch (c)
            {
                case '"':
                case '\'':
                    if ((rules & Rules.PythonAdjacent) != 0)
                    {
                        return AdjacentLiterals(text, at);
                    }

                    return (rules & Rules.ShellQuotes) != 0 ? 1 : 0;
                case '\\':
                    if ((rules & (Rules.BackslashNewline | Rules.PythonAdjacent)) != 0)
                    {
                        return LineBreak(text, at + 1);
                    }

                    return 0;
                case '`':
                    if ((rules & Rules.Backtick) == 0 || at + 1 >= text.Length)
                    {
                        return 0;
                    }

                    int brk = LineBreak(text, at + 1);
                    if (brk > 0)
                    {
                        return brk;
                    }

                    // `0 `a `b `e `f `n `r `t `v are control characters (they break a key), `u{…} a code point: left as written.
                    if ("0abefnrtvu".IndexOf(text[at + 1]) >= 0)
                    {
                        return 0;
                    }

                    replacement = text[at + 1];
                    return 2;
                case '^':
                    if ((rules & Rules.Caret) == 0 || at + 1 >= text.Length)
                    {
                        return 0;
                    }

                    int continued = LineBreak(text, at + 1);
                    if (continued > 0)
                    {
                        return continued;
                    }

                    replacement = text[at + 1]; // ^x is x (^^ is ^)
                    return 2;
                case '$':
                case '{':
                    return (rules & Rules.EmptyInterpolation) != 0 ? EmptyInterpolation(text, at) : 0;
                default:
                    return 0;
            }
        }

        /// <summary>1 + the length of a line break at <paramref name="at"/> (the escape character before it included), or 0.</summary>
        private static int LineBreak(string text, int at)
        {
            if (at >= text.Length)
            {
                return 0;
            }

            if (text[at] == '\n')
            {
                return 2;
            }

            return text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 3 : 0;
        }

        /// <summary>
        /// Python: a closing quote after a token character, then blanks, line breaks, backslash-newlines and an optional
        /// string prefix (<c>f</c>, <c>r</c>, <c>b</c>, <c>u</c>), then an opening quote of a literal that starts with a token
        /// character: the two literals are one string. The characters between the two literals' contents, or 0.
        /// </summary>
        private static int AdjacentLiterals(string text, int at)
        {
            if (at == 0 || !NamedValues.IsTokenCharacter(text[at - 1]))
            {
                return 0;
            }

            int i = at;
            char quote = text[at];
            while (i < text.Length && text[i] == quote && i - at < 3)
            {
                i++;
            }

            while (i < text.Length)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                }
                else if (c == '\\' && LineBreak(text, i + 1) > 0)
                {
                    i += LineBreak(text, i + 1);
                }
                else
                {
                    break;
                }
            }

            int prefix = 0;
            while (i + prefix < text.Length && prefix < 2 && "fFrRbBuU".IndexOf(text[i + prefix]) >= 0)
            {
                prefix++;
            }

            i += prefix;
            if (i >= text.Length || (text[i] != '"' && text[i] != '\''))
            {
                return 0;
            }

            char open = text[i];
            int quotes = 0;
            while (i < text.Length && text[i] == open && quotes < 3)
            {
                i++;
                quotes++;
            }

            return i < text.Length && NamedValues.IsTokenCharacter(text[i]) ? i - at : 0;
        }

        /// <summary><c>${""}</c>, <c>${''}</c>, <c>${NAME:-}</c>, <c>${NAME-}</c>, <c>{""}</c>, <c>{''}</c>, <c>{{ "" }}</c> at <paramref name="at"/>: its length, or 0.</summary>
        private static int EmptyInterpolation(string text, int at)
        {
            int i = at;
            bool dollar = text[i] == '$';
            if (dollar)
            {
                i++;
            }

            int braces = 0;
            while (i < text.Length && text[i] == '{' && braces < 2)
            {
                i++;
                braces++;
            }

            if (braces == 0)
            {
                return 0;
            }

            i = SkipBlanks(text, i);
            if (i + 1 < text.Length && (text[i] == '"' || text[i] == '\'') && text[i + 1] == text[i])
            {
                i = SkipBlanks(text, i + 2);
            }
            else if (dollar && braces == 1)
            {
                // ${NAME:-} / ${NAME-}: a variable with an empty default.
                int name = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                if (i == name)
                {
                    return 0;
                }

                if (i < text.Length && text[i] == ':')
                {
                    i++;
                }

                if (i >= text.Length || text[i] != '-')
                {
                    return 0;
                }

                i++;
            }
            else
            {
                return 0;
            }

            for (int b = 0; b < braces; b++)
            {
                if (i >= text.Length || text[i] != '}')
                {
                    return 0;
                }

                i++;
            }

            return i - at;
        }

        private static int SkipBlanks(string text, int i)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            return i;
        }

        /// <summary>Whether the run of token characters that ends the joined text and the one starting at <paramref name="next"/> in the file are together at least <see cref="MinimumRun"/> long.</summary>
        private static bool LongRun(StringBuilder joined, int end, string text, int next)
        {
            int length = 0;
            for (int i = end - 1; i >= 0 && length < MinimumRun && NamedValues.IsTokenCharacter(joined[i]); i--)
            {
                length++;
            }

            for (int i = next; i < text.Length && length < MinimumRun && (NamedValues.IsTokenCharacter(text[i]) || text[i] == '"' || text[i] == '\'' || text[i] == '\\' || text[i] == '`' || text[i] == '^' || text[i] == '$' || text[i] == '{'); i++)
            {
                length++;
            }

            return length >= MinimumRun;
        }
            /// <summary>
        /// A Python file (<c>.py</c>, <c>.pyw</c>, <c>.pyi</c>) whose PEP 263 coding declaration in its first two lines
        /// (<c># -*- coding: utf-7 -*-</c>, vim's <c>fileencoding=utf-7</c>) names UTF-7 (adversary round 11 route 9): the text
        /// decoded as Python decodes it (RFC 2152: <c>+</c>, base64 of UTF-16BE code units, an optional closing <c>-</c>;
        /// <c>+-</c> is <c>+</c>), each decoded character mapped to the offset of the character its bits start at (the
        /// <c>+</c> for a run's first); null for any other file or declaration. Other codecs Python honours that keep ASCII
        /// as ASCII (Latin-1, cp125x, …) need no decoding for a key; the rest are not decoded (GRD002 Limits).
        /// </summary>
        public static string? DecodePythonCoding(string path, string text, out int[] offsets)
        {
            offsets = Array.Empty<int>();
            string extension = Path.GetExtension(path).ToLowerInvariant();
            if ((extension != ".py" && extension != ".pyw" && extension != ".pyi") || text.IndexOf('+') < 0 || !DeclaresUtf7(text))
            {
                return null;
            }

            var sb = new StringBuilder(text.Length);
            var map = new List<int>(text.Length + 1);
            for (int i = 0; i < text.Length;)
            {
                if (text[i] != '+')
                {
                    sb.Append(text[i]);
                    map.Add(i);
                    i++;
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '-')
                {
                    sb.Append('+');
                    map.Add(i);
                    i += 2;
                    continue;
                }

                int bits = 0, count = 0, unitStart = i;
                int j = i + 1;
                for (; j < text.Length; j++)
                {
                    int v = Base64Value(text[j]);
                    if (v < 0)
                    {
                        break;
                    }

                    if (count == 0 && j > i + 1)
                    {
                        unitStart = j;
                    }

                    bits = (bits << 6) | v;
                    count += 6;
                    if (count >= 16)
                    {
                        count -= 16;
                        sb.Append((char)((bits >> count) & 0xFFFF));
                        map.Add(unitStart);
                        bits &= (1 << count) - 1;
                        unitStart = j;
                    }
                }

                i = j < text.Length && text[j] == '-' ? j + 1 : j; // the '-' that ends a run is absorbed
            }

            map.Add(text.Length);
            offsets = map.ToArray();
            return sb.ToString();
        }

        private static int Base64Value(char c) =>
            c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;

        /// <summary>PEP 263: <c>^[ \t\f]*#.*?coding[:=][ \t]*([-_.a-zA-Z0-9]+)</c> on line 1 or 2, naming UTF-7 (any of Python's aliases).</summary>
        private static bool DeclaresUtf7(string text)
        {
            int start = 0;
            for (int line = 0; line < 2 && start < text.Length; line++)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                int i = start;
                while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f'))
                {
                    i++;
                }

                if (i < end && text[i] == '#')
                {
                    int coding = text.IndexOf("coding", i, end - i, StringComparison.Ordinal);
                    if (coding >= 0 && coding + 6 < end && (text[coding + 6] == ':' || text[coding + 6] == '='))
                    {
                        int n = coding + 7;
                        while (n < end && (text[n] == ' ' || text[n] == '\t'))
                        {
                            n++;
                        }

                        int nameStart = n;
                        while (n < end && (char.IsLetterOrDigit(text[n]) || text[n] == '-' || text[n] == '_' || text[n] == '.'))
                        {
                            n++;
                        }

                        string name = text.Substring(nameStart, n - nameStart).ToLowerInvariant().Replace('-', '_');
                        return name == "utf_7" || name == "utf7" || name == "u7" || name == "unicode_1_1_utf_7" || name == "csunicode11utf7";
                    }
                }

                start = end + 1;
            }

            return false;
        }
}
}
