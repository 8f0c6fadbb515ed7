using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// The processes the application's own C# starts (adversary round 12 route 4): <c>Process.Start("npx", "-y
    /// @google/gemini-cli --yolo …")</c>, <c>Process.Start(file, new[] { … })</c>, <c>new ProcessStartInfo(file, args)</c> with
    /// its initializer (<c>FileName</c>, <c>Arguments</c>, <c>ArgumentList = { … }</c>), and <c>x.FileName</c>/<c>x.Arguments</c>/
    /// <c>x.ArgumentList.Add(…)</c> on the variable a <c>ProcessStartInfo</c> is kept in; <c>using static
    /// System.Diagnostics.Process</c>'s bare <c>Start(…)</c>; named arguments (<c>fileName:</c>, <c>arguments:</c>). Each
    /// constant command line is handed to the launcher rules (<see cref="Launchers"/>: GRD130/GRD132–GRD134, and GRD201 for
    /// an SDK it installs, <c>sh -c "pip install openai &amp;&amp; …"</c> included). The C# is read as text, not compiled (the
    /// task has no C# compiler): literals (regular, verbatim, raw, interpolated), <c>+</c>, <c>string.Concat</c>, parentheses
    /// and names given one value in the file (<c>const</c>, <c>static readonly</c>, a local: <c>var cmd = "npx";</c>) are
    /// folded; anything else is a run-time value (<c>$RUNTIME_VALUE</c>). A name assigned twice, a value from another file,
    /// a command built by a method, is not followed (docs/rules/GRD130.md).
    /// </summary>
    internal static class CodeLaunchers
    {
        private const string RuntimeValue = "$RUNTIME_VALUE";

        /// <summary>Each file's command lines, kept per build node by path and stamp: every project of a build reads the repository's C#.</summary>
        private static readonly FileStampCache<List<(int Line, int Column, string Command)>> ReadOnce = new FileStampCache<List<(int Line, int Column, string Command)>>();

        /// <summary>The constant command lines the C# file at <paramref name="fullPath"/> starts (<see cref="Commands"/>); none when it cannot be read.</summary>
        public static List<(int Line, int Column, string Command)> In(string fullPath) =>
            ReadOnce.GetOrMake(fullPath, () =>
                SourceFile.TryReadText(fullPath, RuleCatalog.UnreadableAssistantFile, "The launcher file", out Finding? _) is { } text ? Commands(text) : new List<(int, int, string)>());

        /// <summary>A C# file or a Cake build script (committed, read through git's index by <see cref="Launchers.Find"/>).</summary>
        public static bool IsCode(string relative) =>
            relative.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".cake", StringComparison.OrdinalIgnoreCase); // a Cake build script is C#

        private enum Kind
        {
            Identifier,
            String,
            Punctuation,
            Other,
        }

        private readonly struct Token
        {
            public Token(Kind kind, string text, int start)
            {
                Kind = kind;
                Text = text;
                Start = start;
            }

            public Kind Kind { get; }

            /// <summary>An identifier's or punctuation's text; a string's value (<c>\0</c> for a hole it cannot know).</summary>
            public string Text { get; }

            public int Start { get; }

            public bool Is(string text) => Kind != Kind.String && Text == text;
        }

        /// <summary>Each constant command line the code starts, at the line and column of the call or creation that starts it.</summary>
        public static List<(int Line, int Column, string Command)> Commands(string text)
        {
            var found = new List<(int Line, int Column, string Command)>();
            if (text.IndexOf("Process", StringComparison.Ordinal) < 0)
            {
                return found;
            }

            List<Token> tokens = Tokenize(text);
            var reader = new Reader(tokens);
            bool staticStart = text.IndexOf("using static System.Diagnostics.Process;", StringComparison.Ordinal) >= 0;
            var infos = new Dictionary<string, Launch>(StringComparer.Ordinal);
            var launches = new List<Launch>();
            for (int i = 0; i < tokens.Count; i++)
            {
                Token t = tokens[i];
                // Process.Start(…), Start(…) under using static.
                if (t.Is("Start") && i + 1 < tokens.Count && tokens[i + 1].Is("(") &&
                    ((i >= 2 && tokens[i - 1].Is(".") && tokens[i - 2].Is("Process")) || (staticStart && (i == 0 || !tokens[i - 1].Is(".")))))
                {
                    var launch = new Launch(i >= 2 && tokens[i - 1].Is(".") ? tokens[i - 2].Start : t.Start);
                    List<Argument> args = reader.Arguments(i + 1, out _);
                    if (args.Count >= 1)
                    {
                        int nameIndex = args[0].Start;
                        string? variable = args.Count == 1 && args[0].End == nameIndex + 1 && tokens[nameIndex].Kind == Kind.Identifier ? tokens[nameIndex].Text : null;
                        if (variable != null && infos.TryGetValue(variable, out Launch? info))
                        {
                            continue; // Process.Start(psi): the ProcessStartInfo's own launch, listed at its creation
                        }

                        if (tokens[args[0].Start].Is("new"))
                        {
                            continue; // Process.Start(new ProcessStartInfo(…)): read at the creation below
                        }

                        ApplyArguments(reader, launch, args, "fileName", "arguments");
                        launches.Add(launch);
                    }

                    continue;
                }

                // Cake's StartProcess(file, arguments) and StartProcess(file, new ProcessSettings { Arguments = … }) in a build.cake
                // (adversary round 13 route 14): the alias starts the process as Process.Start does.
                if (t.Is("StartProcess") && i + 1 < tokens.Count && tokens[i + 1].Is("(") && (i == 0 || !tokens[i - 1].Is(".")))
                {
                    var launch = new Launch(t.Start);
                    List<Argument> args = reader.Arguments(i + 1, out _);
                    if (args.Count >= 1)
                    {
                        Argument? settings = args.Count > 1 && tokens[args[1].Start].Is("new") ? args[1] : (Argument?)null;
                        ApplyArguments(reader, launch, settings == null ? args : args.GetRange(0, 1), "fileName", "arguments");
                        for (int at = settings?.Start ?? 0; settings != null && at < settings.Value.End; at++)
                        {
                            if (tokens[at].Is("{"))
                            {
                                ApplyInitializer(reader, launch, at); // new ProcessSettings { Arguments = "…" }
                                break;
                            }
                        }

                        launches.Add(launch);
                    }

                    continue;
                }

                // new ProcessStartInfo(…) { … }, ProcessStartInfo x = new(…) { … }
                bool named = t.Is("new") && i + 1 < tokens.Count && (tokens[i + 1].Is("ProcessStartInfo") || (i + 3 < tokens.Count && tokens[i + 1].Is("System") && tokens[i + 3].Is("Diagnostics")));
                bool targetTyped = t.Is("new") && i + 1 < tokens.Count && tokens[i + 1].Is("(") && i >= 3 && tokens[i - 1].Is("=") && tokens[i - 3].Is("ProcessStartInfo");
                if (named || targetTyped)
                {
                    int open = i + 1;
                    while (open < tokens.Count && !tokens[open].Is("(") && !tokens[open].Is("{") && !tokens[open].Is(";"))
                    {
                        open++;
                    }

                    var launch = new Launch(t.Start);
                    int after = open;
                    if (open < tokens.Count && tokens[open].Is("("))
                    {
                        ApplyArguments(reader, launch, reader.Arguments(open, out after), "fileName", "arguments");
                    }

                    if (after < tokens.Count && tokens[after].Is("{"))
                    {
                        ApplyInitializer(reader, launch, after);
                    }

                    if (i >= 2 && tokens[i - 1].Is("=") && tokens[i - 2].Kind == Kind.Identifier)
                    {
                        infos[tokens[i - 2].Text] = launch;
                    }

                    launches.Add(launch);
                    continue;
                }

                // x.FileName = …; x.Arguments = …; x.ArgumentList.Add(…); on a ProcessStartInfo variable.
                if (t.Kind == Kind.Identifier && infos.TryGetValue(t.Text, out Launch? target) && i + 3 < tokens.Count && tokens[i + 1].Is("."))
                {
                    Token member = tokens[i + 2];
                    if ((member.Is("FileName") || member.Is("Arguments")) && tokens[i + 3].Is("="))
                    {
                        string? value = reader.Fold(i + 4, out _);
                        if (member.Is("FileName"))
                        {
                            target.File = value ?? target.File;
                        }
                        else
                        {
                            target.Arguments = value ?? RuntimeValue;
                        }
                    }
                    else if (member.Is("ArgumentList") && i + 5 < tokens.Count && tokens[i + 3].Is(".") && tokens[i + 4].Is("Add") && tokens[i + 5].Is("("))
                    {
                        foreach (Argument a in reader.Arguments(i + 5, out _))
                        {
                            target.Words.Add(reader.Fold(a.Start, out _) ?? RuntimeValue);
                        }
                    }
                }
            }

            foreach (Launch launch in launches)
            {
                string? command = launch.CommandLine();
                if (command != null)
                {
                    (int line, int column) = Position(text, launch.Start);
                    found.Add((line, column, command));
                }
            }

            return found;
        }

        private sealed class Launch
        {
            public Launch(int start) => Start = start;

            public int Start { get; }

            public string? File { get; set; }

            public string? Arguments { get; set; }

            public List<string> Words { get; } = new List<string>();

            /// <summary>The command line the launch runs, words of an argument list quoted; null without a known file name.</summary>
            public string? CommandLine()
            {
                if (string.IsNullOrWhiteSpace(File) || File!.IndexOf('\0') >= 0)
                {
                    return null;
                }

                var line = new StringBuilder(Quote(File));
                if (Arguments != null)
                {
                    line.Append(' ').Append(Arguments.Replace("\0", RuntimeValue));
                }

                foreach (string word in Words)
                {
                    line.Append(' ').Append(Quote(word.Replace("\0", RuntimeValue)));
                }

                return line.ToString();
            }

            private static string Quote(string word) =>
                word.Length > 0 && word.IndexOfAny(new[] { ' ', '\t', '"', '\'', '&', '|', ';' }) < 0 ? word
                : word.IndexOf('\'') < 0 ? "'" + word + "'"
                : word.IndexOf('"') < 0 ? "\"" + word + "\""
                : "'" + word.Replace("'", string.Empty) + "'";
        }

        private readonly struct Argument
        {
            public Argument(string? name, int start, int end)
            {
                Name = name;
                Start = start;
                End = end;
            }

            public string? Name { get; }

            public int Start { get; }

            public int End { get; }
        }

        private static void ApplyArguments(Reader reader, Launch launch, List<Argument> args, string fileParameter, string argumentsParameter)
        {
            for (int n = 0; n < args.Count; n++)
            {
                Argument a = args[n];
                string name = a.Name ?? (n == 0 ? fileParameter : n == 1 ? argumentsParameter : string.Empty);
                if (name == fileParameter)
                {
                    launch.File = reader.Fold(a.Start, out _);
                }
                else if (name == argumentsParameter)
                {
                    List<string>? words = reader.Words(a.Start);
                    if (words != null)
                    {
                        launch.Words.AddRange(words);
                    }
                    else
                    {
                        launch.Arguments = reader.Fold(a.Start, out _) ?? RuntimeValue;
                    }
                }
            }
        }

        /// <summary><c>{ FileName = …, Arguments = …, ArgumentList = { …, … }, UseShellExecute = false }</c> from <paramref name="open"/>.</summary>
        private static void ApplyInitializer(Reader reader, Launch launch, int open)
        {
            foreach (Argument member in reader.List(open, "{", "}", out _))
            {
                List<Token> tokens = reader.Tokens;
                if (member.End - member.Start < 3 || tokens[member.Start].Kind != Kind.Identifier || !tokens[member.Start + 1].Is("="))
                {
                    continue;
                }

                string name = tokens[member.Start].Text;
                if (name == "FileName")
                {
                    launch.File = reader.Fold(member.Start + 2, out _);
                }
                else if (name == "Arguments")
                {
                    launch.Arguments = reader.Fold(member.Start + 2, out _) ?? RuntimeValue;
                }
                else if (name == "ArgumentList" && tokens[member.Start + 2].Is("{"))
                {
                    foreach (Argument a in reader.List(member.Start + 2, "{", "}", out _))
                    {
                        launch.Words.Add(reader.Fold(a.Start, out _) ?? RuntimeValue);
                    }
                }
            }
        }

        /// <summary>Folds expressions of the token list: literals, <c>+</c>, parentheses, <c>string.Concat</c>, names given one value in the file.</summary>
        private sealed class Reader
        {
            private readonly Dictionary<string, string?> _names = new Dictionary<string, string?>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<string>?> _arrays = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
            private int _depth;

            public Reader(List<Token> tokens)
            {
                Tokens = tokens;
                // NAME = <expression> ; — a name given one value in the file (const, static readonly, a local); twice: unknown.
                for (int i = 1; i + 1 < tokens.Count; i++)
                {
                    if (tokens[i].Is("=") && tokens[i - 1].Kind == Kind.Identifier && !(i >= 2 && tokens[i - 2].Is(".")))
                    {
                        string name = tokens[i - 1].Text;
                        bool seen = _names.ContainsKey(name) || _arrays.ContainsKey(name);
                        _names[name] = null;
                        _arrays[name] = null;
                        if (!seen)
                        {
                            _names[name] = tokens[i + 1].Is("new") || tokens[i + 1].Is("[") || tokens[i + 1].Is("{") ? null : "\u0001" + (i + 1).ToString(CultureInfo.InvariantCulture);
                            _arrays[name] = null;
                            if (tokens[i + 1].Is("new") || tokens[i + 1].Is("[") || tokens[i + 1].Is("{"))
                            {
                                _arrays[name] = new List<string> { "\u0001" + (i + 1).ToString(CultureInfo.InvariantCulture) };
                            }
                        }
                    }
                }
            }

            public List<Token> Tokens { get; }

            /// <summary>The arguments of a call or creation whose <c>(</c> is at <paramref name="open"/>; <paramref name="after"/> is past its <c>)</c>.</summary>
            public List<Argument> Arguments(int open, out int after) => List(open, "(", ")", out after);

            public List<Argument> List(int open, string opening, string closing, out int after)
            {
                var args = new List<Argument>();
                int depth = 0;
                int start = open + 1;
                int i = open;
                for (; i < Tokens.Count; i++)
                {
                    Token t = Tokens[i];
                    if (t.Is("(") || t.Is("[") || t.Is("{"))
                    {
                        depth++;
                    }
                    else if (t.Is(")") || t.Is("]") || t.Is("}"))
                    {
                        depth--;
                        if (depth == 0)
                        {
                            if (i > start)
                            {
                                args.Add(Named(start, i));
                            }

                            break;
                        }
                    }
                    else if (t.Is(",") && depth == 1)
                    {
                        args.Add(Named(start, i));
                        start = i + 1;
                    }
                    else if (t.Is(";") && depth <= 1)
                    {
                        break;
                    }
                }

                after = i + 1;
                return args;
            }

            private Argument Named(int start, int end) =>
                end - start > 2 && Tokens[start].Kind == Kind.Identifier && Tokens[start + 1].Is(":") ? new Argument(Tokens[start].Text, start + 2, end) : new Argument(null, start, end);

            /// <summary>The words of an array or collection at <paramref name="at"/> (<c>new[] { … }</c>, <c>new string[] { … }</c>, <c>[ … ]</c>, a name given one), else null.</summary>
            public List<string>? Words(int at)
            {
                if (at >= Tokens.Count)
                {
                    return null;
                }

                if (Tokens[at].Kind == Kind.Identifier && _arrays.TryGetValue(Tokens[at].Text, out List<string>? named) && named != null && _depth < 4)
                {
                    _depth++;
                    try
                    {
                        return Words(int.Parse(named[0].Substring(1), CultureInfo.InvariantCulture));
                    }
                    finally
                    {
                        _depth--;
                    }
                }

                int i = at;
                if (Tokens[i].Is("new"))
                {
                    while (i < Tokens.Count && !Tokens[i].Is("{") && !Tokens[i].Is(";") && !Tokens[i].Is("("))
                    {
                        i++;
                    }

                    if (i >= Tokens.Count || !Tokens[i].Is("{"))
                    {
                        return null;
                    }
                }
                else if (!Tokens[i].Is("["))
                {
                    return null;
                }

                var words = new List<string>();
                foreach (Argument a in List(i, Tokens[i].Text, Tokens[i].Is("[") ? "]" : "}", out _))
                {
                    words.Add(Fold(a.Start, out _) ?? RuntimeValue);
                }

                return words;
            }

            /// <summary>The string the expression at <paramref name="at"/> folds to (<c>\0</c> for pieces only known at run time), or null when nothing of it is known.</summary>
            public string? Fold(int at, out int after)
            {
                var value = new StringBuilder();
                bool known = false;
                int i = at;
                while (true)
                {
                    string? piece = Term(i, out i);
                    if (piece != null)
                    {
                        known = true;
                        value.Append(piece);
                    }
                    else
                    {
                        value.Append('\0');
                    }

                    if (i < Tokens.Count && Tokens[i].Is("+"))
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                after = i;
                return known ? value.ToString() : null;
            }

            private string? Term(int at, out int after)
            {
                after = at + 1;
                if (at >= Tokens.Count)
                {
                    return null;
                }

                Token t = Tokens[at];
                if (t.Kind == Kind.String)
                {
                    return t.Text;
                }

                if (t.Is("("))
                {
                    string? inner = Fold(at + 1, out int close);
                    after = close < Tokens.Count && Tokens[close].Is(")") ? close + 1 : close;
                    return inner;
                }

                // string.Concat("…", "…"), String.Concat
                if ((t.Is("string") || t.Is("String")) && at + 3 < Tokens.Count && Tokens[at + 1].Is(".") && Tokens[at + 2].Is("Concat") && Tokens[at + 3].Is("("))
                {
                    var joined = new StringBuilder();
                    foreach (Argument a in Arguments(at + 3, out after))
                    {
                        joined.Append(Fold(a.Start, out _) ?? "\0");
                    }

                    return joined.ToString();
                }

                if (t.Kind == Kind.Identifier)
                {
                    // Skip a qualified name's receivers (Names.Cmd, this.cmd): the last name is looked up.
                    int last = at;
                    while (last + 2 < Tokens.Count && Tokens[last + 1].Is(".") && Tokens[last + 2].Kind == Kind.Identifier)
                    {
                        last += 2;
                    }

                    after = last + 1;
                    if (after < Tokens.Count && (Tokens[after].Is("(") || Tokens[after].Is("[")))
                    {
                        return null; // a call or an element: run time
                    }

                    if (_names.TryGetValue(Tokens[last].Text, out string? initializer) && initializer != null && _depth < 4)
                    {
                        _depth++;
                        try
                        {
                            return Fold(int.Parse(initializer.Substring(1), CultureInfo.InvariantCulture), out _);
                        }
                        finally
                        {
                            _depth--;
                        }
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// The identifiers, punctuation and string literals of C# text, comments and preprocessor lines skipped. A string's value
        /// has its escapes resolved; an interpolation's holes are the value of a name's literal when the hole is one name given
        /// one value (resolved later: a hole is <c>\0</c> here unless it is a literal).
        /// </summary>
        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    i = LineEnd(text, i);
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? text.Length : close + 2;
                }
                else if (c == '#' && AtLineStart(text, i))
                {
                    i = LineEnd(text, i);
                }
                else if (c == '"' || ((c == '@' || c == '$') && i + 1 < text.Length && (text[i + 1] == '"' || ((text[i + 1] == '@' || text[i + 1] == '$') && i + 2 < text.Length && text[i + 2] == '"'))))
                {
                    int start = i;
                    string value = StringLiteral(text, ref i);
                    tokens.Add(new Token(Kind.String, value, start));
                }
                else if (c == '\'')
                {
                    int close = i + 1;
                    while (close < text.Length && text[close] != '\'' && text[close] != '\n')
                    {
                        close += text[close] == '\\' ? 2 : 1;
                    }

                    tokens.Add(new Token(Kind.Other, "'", i));
                    i = Math.Min(text.Length, close + 1);
                }
                else if (char.IsLetter(c) || c == '_' || c == '@')
                {
                    int start = i;
                    i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(Kind.Identifier, text.Substring(start, i - start).TrimStart('@'), start));
                }
                else if (char.IsDigit(c))
                {
                    int start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.' || text[i] == '_'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(Kind.Other, text.Substring(start, i - start), start));
                }
                else
                {
                    // => and == are one token (not an assignment); the rest one character each.
                    if ((c == '=' || c == '!' || c == '<' || c == '>') && i + 1 < text.Length && (text[i + 1] == '=' || (c == '=' && text[i + 1] == '>')))
                    {
                        tokens.Add(new Token(Kind.Punctuation, text.Substring(i, 2), i));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new Token(Kind.Punctuation, c.ToString(), i));
                        i++;
                    }
                }
            }

            return tokens;
        }

        /// <summary>A string literal at <paramref name="i"/> (regular, verbatim <c>@"…"</c>, raw <c>"""…"""</c>, interpolated <c>$"…"</c>, <c>$@"…"</c>): its value; <paramref name="i"/> moved past it.</summary>
        private static string StringLiteral(string text, ref int i)
        {
            bool verbatim = false, interpolated = false;
            while (i < text.Length && text[i] != '"')
            {
                verbatim |= text[i] == '@';
                interpolated |= text[i] == '$';
                i++;
            }

            int quotes = 0;
            while (i + quotes < text.Length && text[i + quotes] == '"')
            {
                quotes++;
            }

            var value = new StringBuilder();
            if (quotes >= 3)
            {
                // raw literal: up to the same run of quotes; the content's common indentation is not removed (a command is one line)
                string fence = new string('"', quotes);
                int close = text.IndexOf(fence, i + quotes, StringComparison.Ordinal);
                int end = close < 0 ? text.Length : close;
                value.Append(text, i + quotes, end - i - quotes);
                i = close < 0 ? text.Length : close + quotes;
                return interpolated ? Holes(value.ToString()) : value.ToString().Trim();
            }

            if (quotes == 2 && !verbatim)
            {
                i += 2;
                return string.Empty;
            }

            i++;
            int braces = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (interpolated && c == '{')
                {
                    if (i + 1 < text.Length && text[i + 1] == '{')
                    {
                        value.Append('{');
                        i += 2;
                        continue;
                    }

                    braces++;
                    value.Append('\0');
                    i++;
                    continue;
                }

                if (interpolated && braces > 0)
                {
                    if (c == '}')
                    {
                        braces--;
                    }

                    i++;
                    continue;
                }

                if (interpolated && c == '}' && i + 1 < text.Length && text[i + 1] == '}')
                {
                    value.Append('}');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    if (verbatim && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                if (c == '\\' && !verbatim && i + 1 < text.Length)
                {
                    char e = text[i + 1];
                    i += 2;
                    switch (e)
                    {
                        case 'n': value.Append('\n'); break;
                        case 't': value.Append('\t'); break;
                        case 'r': value.Append('\r'); break;
                        case '0': value.Append('\0'); break;
                        case 'u' when i + 4 <= text.Length && int.TryParse(text.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int u):
                            value.Append((char)u);
                            i += 4;
                            break;
                        default: value.Append(e); break;
                    }

                    continue;
                }

                if (c == '\n' && !verbatim)
                {
                    break; // unterminated: the line ends it
                }

                value.Append(c);
                i++;
            }

            return value.ToString();
        }

        /// <summary>An interpolated raw literal's holes as <c>\0</c>.</summary>
        private static string Holes(string raw)
        {
            var value = new StringBuilder();
            int depth = 0;
            foreach (char c in raw)
            {
                if (c == '{')
                {
                    if (depth++ == 0)
                    {
                        value.Append('\0');
                    }
                }
                else if (c == '}' && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0)
                {
                    value.Append(c);
                }
            }

            return value.ToString().Trim();
        }

        private static int LineEnd(string text, int i)
        {
            int end = text.IndexOf('\n', i);
            return end < 0 ? text.Length : end + 1;
        }

        private static bool AtLineStart(string text, int i)
        {
            for (int j = i - 1; j >= 0; j--)
            {
                if (text[j] == '\n')
                {
                    return true;
                }

                if (text[j] != ' ' && text[j] != '\t')
                {
                    return false;
                }
            }

            return true;
        }

        private static (int Line, int Column) Position(string text, int offset)
        {
            int line = 1, lineStart = 0;
            for (int i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }

        /// <summary>
        /// The C# files committed in the repository (git's index), relative with '/': folders below node_modules/ and .git/,
        /// and bin/ and obj/, left out (generated). Empty without a repository or a readable index.
        /// </summary>
        public static List<string> CommittedFiles(string? repositoryRoot)
        {
            var files = new List<string>();
            HashSet<string>? tracked = repositoryRoot == null ? null : GitIndex.TryReadTrackedPaths(repositoryRoot);
            if (tracked == null)
            {
                return files;
            }

            foreach (string relative in tracked)
            {
                if (!IsCode(relative))
                {
                    continue;
                }

                string[] segments = relative.Split('/');
                bool skipped = GitIndex.UnderGeneratedFolder(segments);

                if (!skipped && File.Exists(Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar))))
                {
                    files.Add(relative);
                }
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }
    }
}
