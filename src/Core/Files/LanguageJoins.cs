using System;
using System.Collections.Generic;
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
    /// Bicep, compose/.env, shell, f-strings and Helm templates, and an interpolation of a literal is the literal. Literals
    /// the language joins by an operator (<c>+</c>, VB <c>&amp;</c>, SQL <c>||</c>, F# <c>^</c>, PHP <c>.</c>, Lua
    /// <c>..</c>) or as the arguments of a <c>join</c>/<c>concat</c>/<c>format</c> call (PowerShell <c>-join</c>, HCL
    /// <c>join()</c>, Bicep/ARM <c>concat()</c>, GitHub <c>format()</c>) are one literal (round 11 route 1 remainders), and
    /// so is a value cut by a Makefile or MSBuild <c>$(NAME)</c> reference. The language is the file's
    /// <see cref="SourceLanguage"/> (one table: <see cref="SourceLanguages.Of"/>), and the text joined is the one
    /// <see cref="SourceEscapes"/> decodes (its <c>%XX</c> and string escapes undone), so MSBuild's <c>%XX</c> inside a joined
    /// value is read too. The joined view keeps for each character the offset in the
    /// file of the character it came from, so a key is reported at its first piece. Only the self-identifying scan reads
    /// the joined view; it is built only when a junction joins two runs into one at least <see cref="MinimumRun"/> long
    /// (keys are long; ordinary scripts have no such junction, so they cost one pass and no second scan). Malformed quoting
    /// never throws: each rule looks at a few characters and leaves anything else as written.
    /// </summary>
    public static class LanguageJoins
    {
        /// <summary>The shortest joined run worth a second scan (no self-identifying key is shorter).</summary>
        internal const int MinimumRun = 20;

        /// <summary>How far around a <c>"…", "…"</c> junction a <c>join</c>/<c>concat</c>/<c>format</c> call name is looked for.</summary>
        private const int CallWindow = 256;

        [Flags]
        private enum Rules
        {
            None = 0,
            ShellQuotes = 1,          // " and ' removed from a word
            BackslashNewline = 2,     // \ + line break removed
            Backtick = 4,             // PowerShell `x -> x, ` + line break removed
            Caret = 8,                // cmd ^x -> x, ^ + line break removed
            AdjacentLiterals = 16,    // "…" "…" (whitespace, line breaks, \-newline between) joined (Python, Ruby, C)
            EmptyInterpolation = 32,  // ${""} ${''} ${NAME:-} ${NAME-} {""} {''} {{ "" }}, and ${"x"} {{ "x" }} {"x"} -> x
            Operators = 64,           // "…" + "…" with the language's concatenation operators
            CallJoins = 128,          // "…", "…" as arguments of a join/concat/format call (of literals)
            VariableReferences = 256, // $(NAME) between two runs (Makefile, MSBuild): an unset variable is nothing
            ItemReferences = 512,     // MSBuild @(Item) and %(Metadata) (its %XX are decoded before: SourceEscapes)
            SingleQuotedOnly = 1024,  // literals are '…' only (ARM expressions inside JSON strings)
            BacktickQuotes = 2048,    // `…` is a literal too (MSBuild property function arguments)
        }

        /// <summary>The joins one language makes: its rules, its concatenation operators (longest first), its literal prefixes.</summary>
        private sealed class Language
        {
            public Language(Rules rules, string[]? operators = null, string prefixes = "")
            {
                Rules = rules;
                Operators = operators ?? Array.Empty<string>();
                Prefixes = prefixes;
                var triggers = new List<char>();
                if ((rules & (Rules.ShellQuotes | Rules.AdjacentLiterals | Rules.Operators | Rules.CallJoins)) != 0)
                {
                    triggers.Add('\'');
                    if ((rules & Rules.SingleQuotedOnly) == 0)
                    {
                        triggers.Add('"');
                    }
                }

                if ((rules & (Rules.BackslashNewline | Rules.AdjacentLiterals)) != 0)
                {
                    triggers.Add('\\');
                }

                if ((rules & (Rules.Backtick | Rules.BacktickQuotes)) != 0)
                {
                    triggers.Add('`');
                }

                if ((rules & Rules.Caret) != 0)
                {
                    triggers.Add('^');
                }

                if ((rules & (Rules.VariableReferences | Rules.EmptyInterpolation)) != 0)
                {
                    triggers.Add('$');
                }

                if ((rules & Rules.EmptyInterpolation) != 0)
                {
                    triggers.Add('{');
                }

                if ((rules & Rules.ItemReferences) != 0)
                {
                    triggers.Add('%');
                    triggers.Add('@'); // MSBuild's @(Item), with %(Metadata)
                }

                Triggers = triggers.ToArray();
            }

            /// <summary>The characters a junction can start at (<see cref="Junction"/> returns 0 at any other).</summary>
            public char[] Triggers { get; }

            public Rules Rules { get; }

            public string[] Operators { get; }

            public string Prefixes { get; }
        }

        private static readonly Language Shell = new Language(Rules.ShellQuotes | Rules.BackslashNewline | Rules.EmptyInterpolation);
        private static readonly Language BlocksLanguage = new Language(Rules.EmptyInterpolation | Rules.CallJoins);
        private static readonly Language YamlLanguage = new Language(Rules.EmptyInterpolation | Rules.CallJoins);
        private static readonly Language ArmJson = new Language(Rules.CallJoins | Rules.SingleQuotedOnly);
        // MSBuild (adversary round 11 route 10): $(Name), @(Name), %(Name)/%(Item.Name) are nothing when undefined; the quoted
        // arguments of a property function ($([System.String]::Concat('…', '…'))) are joined; its %XX escapes are decoded
        // before the join reads the text (SourceEscapes, the one %XX decoder).
        private static readonly Language MsBuild = new Language(Rules.VariableReferences | Rules.ItemReferences | Rules.CallJoins | Rules.SingleQuotedOnly | Rules.BacktickQuotes);
        private static readonly Language Make = new Language(Rules.VariableReferences);
        private static readonly Language PowerShell = new Language(Rules.Backtick | Rules.EmptyInterpolation | Rules.Operators | Rules.CallJoins, new[] { "+" });
        private static readonly Language Cmd = new Language(Rules.Caret);
        private static readonly Language Python = new Language(Rules.AdjacentLiterals | Rules.BackslashNewline | Rules.EmptyInterpolation | Rules.Operators | Rules.CallJoins, new[] { "+" }, "fFrRbBuU");
        private static readonly Language JavaScript = new Language(Rules.BackslashNewline | Rules.EmptyInterpolation | Rules.Operators | Rules.CallJoins, new[] { "+" });
        private static readonly Language CSharpScript = new Language(Rules.EmptyInterpolation | Rules.Operators | Rules.CallJoins, new[] { "+" }, "$@");
        private static readonly Language FSharp = new Language(Rules.EmptyInterpolation | Rules.Operators | Rules.CallJoins, new[] { "+", "^" }, "$@");
        private static readonly Language VisualBasic = new Language(Rules.EmptyInterpolation | Rules.Operators | Rules.CallJoins, new[] { "&", "+" }, "$");
        private static readonly Language Sql = new Language(Rules.Operators | Rules.CallJoins, new[] { "||", "+" }, "NnEe");
        private static readonly Language PlusLanguage = new Language(Rules.Operators | Rules.CallJoins, new[] { "+" });
        private static readonly Language Ruby = new Language(Rules.AdjacentLiterals | Rules.Operators | Rules.CallJoins, new[] { "+" });
        private static readonly Language DotLanguage = new Language(Rules.Operators | Rules.CallJoins, new[] { "." });
        private static readonly Language Lua = new Language(Rules.Operators | Rules.CallJoins, new[] { ".." });
        private static readonly Language C = new Language(Rules.AdjacentLiterals | Rules.BackslashNewline, null, "LuU8");

        /// <summary>
        /// The joined text of <paramref name="text"/> as <paramref name="language"/> (read as <paramref name="kind"/>) joins
        /// its words and literals, and for each joined character (plus one past the end) its offset in
        /// <paramref name="text"/>; null when the language joins nothing or no junction makes a long run. The text is read
        /// as the program reads it once its escapes are undone: <see cref="SourceEscapes.Decode(SourceLanguage, string, out int[])"/>'s
        /// view where it has one (MSBuild's <c>%XX</c> between two pieces of a value, a Python <c>\x2d</c> in one of two
        /// adjacent literals).
        /// </summary>
        public static string? Join(TextFileKind kind, SourceLanguage language, string text, out int[] offsets)
        {
            offsets = Array.Empty<int>();
            Language? joins = LanguageOf(kind, language);
            if (joins == null)
            {
                return null;
            }

            // First without building anything (most files have no junction, or none that makes a long run: they cost one
            // pass and no allocation); only when one does, again, building the view and its offsets.
            if (!Walk(joins, text, new View(null)))
            {
                return null;
            }

            var view = new View(new MappedText(text.Length));
            Walk(joins, text, view);
            return view.Output!.ToView(out offsets);
        }

        /// <summary>
        /// The joined text as it is built: the text and offsets when built (<see cref="Output"/> non-null), and in any case the
        /// length of the run of token characters it ends with (up to <see cref="MinimumRun"/>) and its last character.
        /// </summary>
        private sealed class View
        {
            public View(MappedText? output) => Output = output;

            public MappedText? Output { get; }

            public int Run { get; private set; }

            public char Last { get; private set; }

            public bool IsEmpty { get; private set; } = true;

            /// <summary>Characters <paramref name="from"/> to <paramref name="to"/> (exclusive) kept as written, when not building.</summary>
            public void Pass(string text, int from, int to)
            {
                int run = 0;
                int i = to - 1;
                while (i >= from && run < MinimumRun && NamedValues.IsTokenCharacter(text[i]))
                {
                    run++;
                    i--;
                }

                Run = i < from ? Math.Min(Run + run, MinimumRun) : run;
                Last = text[to - 1];
                IsEmpty = false;
            }

            public void Append(char c, int offset)
            {
                Output?.Append(c, offset);
                Run = NamedValues.IsTokenCharacter(c) ? Math.Min(Run + 1, MinimumRun) : 0;
                Last = c;
                IsEmpty = false;
            }
        }

        /// <summary>One pass over the text appending what the language keeps to <paramref name="view"/>; whether a junction joined a long run.</summary>
        private static bool Walk(Language language, string text, View view)
        {
            bool worthIt = false;
            for (int i = 0; i < text.Length;)
            {
                if (view.Output == null)
                {
                    // Not building: jump to the next character a junction can start at (JSON, most code: few or none).
                    int next = text.IndexOfAny(language.Triggers, i);
                    if (next < 0)
                    {
                        next = text.Length;
                    }

                    if (next > i)
                    {
                        view.Pass(text, i, next);
                        i = next;
                        continue;
                    }
                }

                int skip = Junction(language, text, i, view);
                if (skip > 0)
                {
                    // Worth a second scan when the run the joined text ends with (what the junction left included) and
                    // the run after the junction make one long run.
                    i += skip;
                    if (!worthIt && !view.IsEmpty && i < text.Length && view.Last != '=' && view.Run > 0 && LongRun(view.Run, text, i))
                    {
                        worthIt = true;
                        if (view.Output == null)
                        {
                            return true;
                        }
                    }

                    continue;
                }

                view.Append(text[i], i);
                i++;
            }

            return worthIt;
        }

        private static Language? LanguageOf(TextFileKind kind, SourceLanguage language)
        {
            switch (kind)
            {
                case TextFileKind.Dockerfile:
                case TextFileKind.DotEnv:
                    return Shell;
                case TextFileKind.Blocks:
                    return BlocksLanguage;
                case TextFileKind.Yaml:
                    return YamlLanguage;
                case TextFileKind.Json:
                    return ArmJson;
                case TextFileKind.Xml:
                    return language == SourceLanguage.MsBuild ? MsBuild : null;
                case TextFileKind.PlainText:
                    break;
                default:
                    return null;
            }

            switch (language)
            {
                case SourceLanguage.Shell:
                    return Shell;
                case SourceLanguage.PowerShell:
                    return PowerShell;
                case SourceLanguage.Cmd:
                    return Cmd;
                case SourceLanguage.Python:
                    return Python;
                case SourceLanguage.JavaScript:
                    return JavaScript;
                case SourceLanguage.CSharpScript:
                    return CSharpScript;
                case SourceLanguage.FSharp:
                    return FSharp;
                case SourceLanguage.VisualBasic:
                    return VisualBasic;
                case SourceLanguage.Sql:
                    return Sql;
                case SourceLanguage.Jvm:
                case SourceLanguage.Swift:
                case SourceLanguage.Go:
                    return PlusLanguage;
                case SourceLanguage.Ruby:
                    return Ruby;
                case SourceLanguage.Php:
                case SourceLanguage.Perl:
                    return DotLanguage;
                case SourceLanguage.Lua:
                    return Lua;
                case SourceLanguage.C:
                    return C;
                case SourceLanguage.Make:
                    return Make;
                case SourceLanguage.MsBuild:
                    return MsBuild; // .tasks, read as plain text
                default:
                    return null;
            }
        }

        /// <summary>
        /// The characters a junction at <paramref name="at"/> takes (0 when none); what it leaves in their place is appended
        /// to <paramref name="view"/> with its offsets.
        /// </summary>
        private static int Junction(Language language, string text, int at, View view)
        {
            Rules rules = language.Rules;
            char c = text[at];
            switch (c)
            {
                case '"':
                case '\'':
                    if ((rules & Rules.ShellQuotes) != 0)
                    {
                        return 1;
                    }

                    if ((rules & (Rules.AdjacentLiterals | Rules.Operators | Rules.CallJoins)) != 0 && (c == '\'' || (rules & Rules.SingleQuotedOnly) == 0))
                    {
                        return JoinedLiterals(language, text, at);
                    }

                    return 0;
                case '\\':
                    if ((rules & (Rules.BackslashNewline | Rules.AdjacentLiterals)) != 0)
                    {
                        return LineBreak(text, at + 1);
                    }

                    return 0;
                case '`':
                    if ((rules & Rules.BacktickQuotes) != 0)
                    {
                        return JoinedLiterals(language, text, at);
                    }

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

                    view.Append(text[at + 1], at + 1);
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

                    view.Append(text[at + 1], at + 1); // ^x is x (^^ is ^)
                    return 2;
                case '$':
                    if ((rules & Rules.VariableReferences) != 0)
                    {
                        return VariableReference(text, at);
                    }

                    return (rules & Rules.EmptyInterpolation) != 0 ? Interpolation(text, at, view) : 0;
                case '{':
                    return (rules & Rules.EmptyInterpolation) != 0 ? Interpolation(text, at, view) : 0;
                case '@':
                    return (rules & Rules.ItemReferences) != 0 ? VariableReference(text, at) : 0;
                case '%':
                    return (rules & Rules.ItemReferences) != 0 && at + 1 < text.Length && text[at + 1] == '(' ? VariableReference(text, at) : 0;
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
        /// Two literals the language makes one string: a closing quote after a token character, then blanks, line breaks,
        /// backslash-newlines (VB's <c> _</c>-newline), then nothing (adjacent literals: Python, Ruby, C), one of the language's
        /// concatenation operators (<c>+</c>, <c>&amp;</c>, <c>||</c>, <c>^</c>, <c>.</c>, <c>..</c>) or a comma inside a
        /// <c>join</c>/<c>concat</c>/<c>format</c> call, then the same blanks, an optional string prefix (<c>f</c>, <c>$</c>,
        /// <c>@</c>, …), then an opening quote of a literal that starts with a token character. The characters between the two
        /// literals' contents, or 0.
        /// </summary>
        private static int JoinedLiterals(Language language, string text, int at)
        {
            if (at == 0 || !NamedValues.IsTokenCharacter(text[at - 1]))
            {
                return 0;
            }

            Rules rules = language.Rules;
            int i = at;
            char quote = text[at];
            while (i < text.Length && text[i] == quote && i - at < 3)
            {
                i++;
            }

            i = SkipGap(text, i);
            bool call = false;
            if (i < text.Length && !IsQuote(language, text[i]) && language.Prefixes.IndexOf(text[i]) < 0)
            {
                int op = OperatorAt(language, text, i);
                if (op > 0)
                {
                    i = SkipGap(text, i + op);
                }
                else if ((rules & Rules.CallJoins) != 0 && text[i] == ',')
                {
                    call = true;
                    i = SkipGap(text, i + 1);
                }
                else
                {
                    return 0;
                }
            }
            else if ((rules & Rules.AdjacentLiterals) == 0)
            {
                return 0;
            }

            int prefix = 0;
            while (i + prefix < text.Length && prefix < 2 && language.Prefixes.IndexOf(text[i + prefix]) >= 0)
            {
                prefix++;
            }

            i += prefix;
            if (i >= text.Length || !IsQuote(language, text[i]) || ((rules & Rules.SingleQuotedOnly) != 0 && text[i] == '"'))
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

            if (i >= text.Length || !NamedValues.IsTokenCharacter(text[i]))
            {
                return 0;
            }

            return !call || InJoiningCall(text, at) ? i - at : 0;
        }

        private static bool IsQuote(Language language, char c) =>
            c == '"' || c == '\'' || (c == '`' && (language.Rules & Rules.BacktickQuotes) != 0);

        /// <summary>The length of one of the language's concatenation operators at <paramref name="at"/>, or 0.</summary>
        private static int OperatorAt(Language language, string text, int at)
        {
            if ((language.Rules & Rules.Operators) == 0)
            {
                return 0;
            }

            foreach (string op in language.Operators)
            {
                if (string.CompareOrdinal(text, at, op, 0, op.Length) == 0)
                {
                    return op.Length;
                }
            }

            return 0;
        }

        /// <summary>Blanks, line breaks, backslash-newlines and VB's <c> _</c>-newline from <paramref name="i"/>.</summary>
        private static int SkipGap(string text, int i)
        {
            while (i < text.Length)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                }
                else if ((c == '\\' || (c == '_' && i > 0 && text[i - 1] == ' ')) && LineBreak(text, i + 1) > 0)
                {
                    i += LineBreak(text, i + 1);
                }
                else
                {
                    break;
                }
            }

            return i;
        }

        /// <summary>Whether a <c>join</c>, <c>concat</c> or <c>format</c> call (any case: <c>-join</c>, <c>string.Concat</c>, <c>"".join</c>, <c>[…].join("")</c>) is near <paramref name="at"/>.</summary>
        private static bool InJoiningCall(string text, int at)
        {
            int from = Math.Max(0, at - CallWindow);
            int length = Math.Min(text.Length, at + CallWindow) - from;
            return text.IndexOf("join", from, length, StringComparison.OrdinalIgnoreCase) >= 0 ||
                   text.IndexOf("concat", from, length, StringComparison.OrdinalIgnoreCase) >= 0 ||
                   text.IndexOf("format", from, length, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary><c>$(NAME)</c> at <paramref name="at"/> (Makefile, MSBuild: an undefined variable is nothing; MSBuild's <c>@(Item)</c>, <c>%(Item.Metadata)</c> too): its length, or 0.</summary>
        private static int VariableReference(string text, int at)
        {
            int i = at + 1;
            if (i >= text.Length || text[i] != '(')
            {
                return 0;
            }

            i++;
            int name = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '-' || (text[i] == '.' && text[at] == '%')))
            {
                i++;
            }

            return i > name && i < text.Length && text[i] == ')' ? i + 1 - at : 0;
        }

        /// <summary>
        /// An interpolation of nothing or of a literal at <paramref name="at"/>: <c>${""}</c>, <c>${''}</c>, <c>${NAME:-}</c>,
        /// <c>${NAME-}</c>, <c>{""}</c>, <c>{''}</c>, <c>{{ "" }}</c>, and <c>${"x"}</c>, <c>{{ "x" }}</c>, <c>{"x"}</c> (whose
        /// token characters are appended): its length, or 0.
        /// </summary>
        private static int Interpolation(string text, int at, View view)
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
            int contentStart = -1, contentEnd = -1;
            if (i < text.Length && (text[i] == '"' || text[i] == '\''))
            {
                char quote = text[i];
                int j = i + 1;
                while (j < text.Length && NamedValues.IsTokenCharacter(text[j]))
                {
                    j++;
                }

                if (j >= text.Length || text[j] != quote)
                {
                    return 0;
                }

                contentStart = i + 1;
                contentEnd = j;
                i = SkipBlanks(text, j + 1);
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

            for (int j = contentStart; j < contentEnd; j++)
            {
                view.Append(text[j], j);
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

        /// <summary>Whether the run of token characters that ends the joined text (<paramref name="run"/> long) and the one starting at <paramref name="next"/> in the file are together at least <see cref="MinimumRun"/> long.</summary>
        private static bool LongRun(int run, string text, int next)
        {
            int length = run;
            for (int i = next; i < text.Length && length < MinimumRun && (NamedValues.IsTokenCharacter(text[i]) || text[i] == '"' || text[i] == '\'' || text[i] == '\\' || text[i] == '`' || text[i] == '^' || text[i] == '$' || text[i] == '{'); i++)
            {
                length++;
            }

            return length >= MinimumRun;
        }

        /// <summary>
        /// A Python file (<see cref="SourceLanguage.Python"/>) whose PEP 263 coding declaration in its first two lines
        /// (<c># -*- coding: utf-7 -*-</c>, vim's <c>fileencoding=utf-7</c>) names UTF-7 (adversary round 11 route 9): the text
        /// decoded as Python decodes it (RFC 2152: <c>+</c>, base64 of UTF-16BE code units, an optional closing <c>-</c>;
        /// <c>+-</c> is <c>+</c>), each decoded character mapped to the offset of the character its bits start at (the
        /// <c>+</c> for a run's first); null for any other file or declaration. Other codecs Python honours that keep ASCII
        /// as ASCII (Latin-1, cp125x, …) need no decoding for a key; the rest are not decoded (GRD002 Limits).
        /// </summary>
        public static string? DecodePythonCoding(SourceLanguage language, string text, out int[] offsets)
        {
            offsets = Array.Empty<int>();
            if (language != SourceLanguage.Python || text.IndexOf('+') < 0 || !DeclaresUtf7(text))
            {
                return null;
            }

            var view = new MappedText(text.Length);
            for (int i = 0; i < text.Length;)
            {
                if (text[i] != '+')
                {
                    view.Append(text[i], i);
                    i++;
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '-')
                {
                    view.Append('+', i);
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
                        view.Append((char)((bits >> count) & 0xFFFF), unitStart);
                        bits &= (1 << count) - 1;
                        unitStart = j;
                    }
                }

                i = j < text.Length && text[j] == '-' ? j + 1 : j; // the '-' that ends a run is absorbed
            }

            return view.ToView(out offsets);
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
