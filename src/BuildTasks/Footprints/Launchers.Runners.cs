using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Guardrails.BuildTasks.Formats;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Task runners (adversary round 13 route 14): composer <c>scripts</c>, Deno <c>tasks</c>, Nx <c>run-commands</c>, Cursor's
    /// <c>.cursor/environment.json</c>, moon/melos/devfile YAML, tox <c>commands</c>, Hatch/PDM/Poe/taskipy scripts in <c>pyproject.toml</c> (task files),
    /// and nox, invoke, Fabric, doit, Rake, gulp/Grunt/Jake and Gradle (code-shaped task files), each committed anywhere in the
    /// repository (git's index) as well as at the walk's levels; Cake's <c>StartProcess</c> is read by <see cref="CodeLaunchers"/>.
    /// Not one parser per runner but two general readers: every string of a task file (or its argument list,
    /// <c>["npx", "-y", …]</c>) whose shell reading runs an assistant, and every call of a code-shaped file whose arguments are
    /// literals (<c>session.run("npx", "-y", "@openai/codex", …)</c>, <c>sh 'npx …'</c>, <c>c.run("codex exec …")</c>); each
    /// command is judged by the one launcher judge (<see cref="ReadCommandLine"/>: GRD130/GRD133/GRD134, GRD201 for an SDK it
    /// installs). Prose is not a launcher: members that describe (<c>description</c>, <c>keywords</c>, <c>name</c>, …) are
    /// skipped, comments are not read, and a string outside a task member or a run call counts only when the assistant it
    /// names is given a flag (<c>claude and codex</c> in a log line is no command; <c>codex exec --full-auto</c> is).
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>Task files read as data (JSON, JSONC, INI), by file name.</summary>
        private static readonly string[] TaskFileNames =
        {
            "composer.json", "deno.json", "deno.jsonc", "project.json", "nx.json", "workspace.json", "tox.ini",
            "moon.yml", "melos.yaml", "devfile.yaml", ".devfile.yaml", // moonrepo tasks, Dart's melos scripts, devfile commands
        };

        /// <summary>Task files read as code (Python, Ruby, JavaScript, Groovy/Kotlin), by file name; also every <c>*.rake</c>.</summary>
        private static readonly string[] CodeTaskFileNames =
        {
            "noxfile.py", "tasks.py", "fabfile.py", "dodo.py", "Rakefile", "rakefile", "Rakefile.rb", "gulpfile.js", "Gulpfile.js", "gulpfile.mjs",
            "gulpfile.ts", "Gruntfile.js", "Jakefile", "Jakefile.js", "build.gradle", "build.gradle.kts",
        };

        /// <summary>
        /// The task runners the levels already read (<see cref="LauncherNames"/>) that are also read when committed off the walk
        /// (<c>tools/Makefile</c>, <c>web/package.json</c>, <c>py/pyproject.toml</c>: <c>make -C tools</c>, <c>npm --prefix web</c>).
        /// </summary>
        private static readonly string[] RunnerNamesAnywhere =
        {
            "package.json", "pyproject.toml", "Pipfile", "Makefile", "makefile", "GNUmakefile", "justfile", "Justfile", ".justfile",
            "Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "mise.toml", ".mise.toml", "pixi.toml",
        };

        /// <summary>Members whose strings a task runner runs: a string below one is read as a command line whatever it holds.</summary>
        private static readonly HashSet<string> TaskKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "tasks", "scripts", "commands", "command", "commands_pre", "commands_post", "cmd", "shell", "run", "script", "install", "start",
            "terminals", "composite", "sequence", "exec", "commandLine", "actions",
        };

        /// <summary>Members that describe rather than run: never read as a command.</summary>
        private static readonly HashSet<string> ProseKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "description", "desc", "help", "summary", "title", "name", "label", "keywords", "tags", "authors", "author", "maintainers",
            "license", "homepage", "readme", "documentation", "repository", "url", "urls", "support", "funding", "version", "classifiers",
            "email", "$schema", "comment", "comments", "notes", "about", "scripts-descriptions",
        };

        /// <summary>Calls that run their arguments as a command (the last part of the callee: <c>session.run</c>, <c>c.run</c>, <c>sh</c>, …).</summary>
        private static readonly HashSet<string> RunCalls = new HashSet<string>(StringComparer.Ordinal)
        {
            "run", "run_always", "sh", "system", "exec", "execSync", "execFile", "execFileSync", "spawn", "spawnSync", "execa", "execaSync",
            "execaCommand", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput", "local", "sudo", "commandLine", "shell",
        };

        /// <summary>Whether <paramref name="relative"/> is a task runner this file reads, or one the levels read that is read anywhere too.</summary>
        private static bool IsTaskRunner(string relative)
        {
            string name = relative.Substring(relative.LastIndexOf('/') + 1);
            return Array.IndexOf(TaskFileNames, name) >= 0 || Array.IndexOf(CodeTaskFileNames, name) >= 0 || Array.IndexOf(RunnerNamesAnywhere, name) >= 0 ||
                   name.EndsWith(".rake", StringComparison.Ordinal) || relative == ".cursor/environment.json" ||
                   relative.EndsWith("/.cursor/environment.json", StringComparison.Ordinal);
        }

        /// <summary>The task files at <paramref name="level"/> the launcher names do not list.</summary>
        private static IEnumerable<string> TaskRunnerCandidates(string level)
        {
            foreach (string[] names in new[] { TaskFileNames, CodeTaskFileNames }) // .cursor/environment.json: through git's index only
            {
                foreach (string name in names)
                {
                    if (File.Exists(Path.Combine(level, name.Replace('/', Path.DirectorySeparatorChar))))
                    {
                        yield return name;
                    }
                }
            }
        }

        /// <summary>Reads a task file this reader owns; false for any other file (left to the other readers).</summary>
        private static bool ReadTaskRunner(LauncherFile file, string fileName, string text)
        {
            string relative = file.RelativePath;
            bool own = Array.IndexOf(TaskFileNames, fileName) >= 0 || Array.IndexOf(CodeTaskFileNames, fileName) >= 0 || fileName.EndsWith(".rake", StringComparison.Ordinal) ||
                       relative.EndsWith(".cursor/environment.json", StringComparison.Ordinal);
            bool offWalk = Array.IndexOf(RunnerNamesAnywhere, fileName) >= 0 && relative.IndexOf('/') >= 0;
            if ((own || offWalk) && !MayLaunch(text))
            {
                return true; // no assistant's name, nor "mcp", in the text: it starts neither (most of a monorepo's package.json files)
            }

            if (fileName == "tox.ini")
            {
                ReadIniTasks(file, text);
            }
            else if (Array.IndexOf(TaskFileNames, fileName) >= 0 && (fileName.EndsWith(".yml", StringComparison.Ordinal) || fileName.EndsWith(".yaml", StringComparison.Ordinal)))
            {
                ReadTaskStrings(file, YamlReader.Parse(text), fileName + ":", underTask: false, depth: 0);
            }
            else if (Array.IndexOf(TaskFileNames, fileName) >= 0 || (fileName == "environment.json" && (relative == ".cursor/environment.json" || relative.EndsWith("/.cursor/environment.json", StringComparison.Ordinal))))
            {
                // the setting named after the file ("composer.json: scripts.post-install-cmd[0]"), not taken for package.json's scripts
                ReadTaskStrings(file, JsonReader.Parse(text), fileName + ":", underTask: false, depth: 0);
            }
            else if (Array.IndexOf(CodeTaskFileNames, fileName) >= 0 || fileName.EndsWith(".rake", StringComparison.Ordinal))
            {
                ReadTaskCode(file, text, fileName);
            }
            else
            {
                return false;
            }

            return true;
        }

        /// <summary>The words one of which a command that runs an assistant or an MCP server names (<see cref="MayLaunch"/>).</summary>
        private static string[]? _launchWords;

        /// <summary>
        /// Whether <paramref name="text"/> names an assistant's program, package or module (the tables <see cref="AssistantRun"/>
        /// reads) or <c>gh models</c> as a word (not <c>-q</c>, <c>.claude/</c>, <c>claudette</c>), or "mcp" anywhere: a cheap test
        /// before a task file off the walk, or one of the task runners above, is parsed. No allocation.
        /// </summary>
        private static bool MayLaunch(string text)
        {
            string[] words = _launchWords ??= LaunchWords();
            foreach (string word in words)
            {
                int at = 0;
                while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
                {
                    char before = at == 0 ? ' ' : text[at - 1];
                    char after = at + word.Length >= text.Length ? ' ' : text[at + word.Length];
                    bool server = word == "mcp" || word == "modelcontextprotocol"; // a server's name holds it anywhere (github-mcp-server)
                    if (server || (!char.IsLetterOrDigit(before) && before != '_' && before != '-' && before != '.' && !char.IsLetterOrDigit(after) && after != '_'))
                    {
                        return true;
                    }

                    at += word.Length;
                }
            }

            return false;
        }

        private static string[] LaunchWords()
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "models", "mcp", "modelcontextprotocol" };
            words.UnionWith(Clis.Keys);
            words.UnionWith(PythonModules.Keys);
            foreach (string purl in Packages.Keys)
            {
                words.Add(purl.Substring(purl.IndexOf('/') + 1)); // pkg:npm/@openai/codex → @openai/codex, pkg:pypi/aider-chat → aider-chat
            }

            return new List<string>(words).ToArray();
        }

        /// <summary>
        /// pyproject.toml's <c>[tool.*]</c> tables (Hatch <c>envs.*.scripts</c>, PDM <c>scripts</c>, Poe and taskipy <c>tasks</c>),
        /// except the <c>tasks</c> tables <see cref="ReadTaskTables"/> reads.
        /// </summary>
        private static void ReadPyprojectTools(LauncherFile file, JsonNode root)
        {
            if (root.Kind == JsonKind.Object && root["tool"] is JsonNode tool && tool.Kind == JsonKind.Object)
            {
                ReadTaskStrings(file, tool, "tool", underTask: false, depth: 0, skip: "tasks");
            }
        }

        /// <summary>
        /// Every string of a task file's tree: below a <see cref="TaskKeys"/> member one that runs an assistant is judged; elsewhere
        /// one that runs an assistant with a flag; a list of words without blanks (<c>["claude", "-p", …]</c>) is one command.
        /// </summary>
        private static void ReadTaskStrings(LauncherFile file, JsonNode node, string path, bool underTask, int depth, string? skip = null)
        {
            if (depth > 32)
            {
                return;
            }

            switch (node.Kind)
            {
                case JsonKind.Object:
                    foreach (JsonProperty p in node.Properties)
                    {
                        if (!ProseKeys.Contains(p.Name) && p.Name != skip)
                        {
                            string at = path.Length == 0 ? p.Name : path.EndsWith(":", StringComparison.Ordinal) ? path + " " + p.Name : path + "." + p.Name;
                            ReadTaskStrings(file, p.Value, at, underTask || TaskKeys.Contains(p.Name), depth + 1, skip);
                        }
                    }

                    break;
                case JsonKind.Array:
                    if (node.Items.Count > 1 && System.Linq.Enumerable.All(node.Items, i => i.Kind == JsonKind.String && (i.Text ?? string.Empty).IndexOfAny(new[] { ' ', '\t' }) < 0) &&
                        JudgeTaskCommand(file, ExecForm(node.Items), path, node.Start.Line, node.Start.Column, underTask))
                    {
                        break;
                    }

                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        ReadTaskStrings(file, node.Items[i], path + "[" + i + "]", underTask, depth + 1, skip);
                    }

                    break;
                case JsonKind.String:
                    JudgeTaskCommand(file, node.Text ?? string.Empty, path, node.Start.Line, node.Start.Column, underTask);
                    break;
            }
        }

        /// <summary>
        /// Judges <paramref name="line"/> with the launcher judge when its shell reading runs an assistant — with a flag given to
        /// it unless <paramref name="runs"/> says the text is run as a command (a task member, a run call).
        /// </summary>
        private static bool JudgeTaskCommand(LauncherFile file, string line, string setting, int lineNumber, int column, bool runs)
        {
            if (line.Length == 0 || line.Length > 8192 || !RunsAssistant(line, runs))
            {
                return false;
            }

            ReadCommandLine(file, line, setting, lineNumber, column);
            return true;
        }

        /// <summary>Whether a simple command of <paramref name="line"/> runs an assistant (with a flag after it unless <paramref name="runs"/>).</summary>
        private static bool RunsAssistant(string line, bool runs)
        {
            foreach (List<string> words in SimpleCommands(line, 0))
            {
                if (AssistantRun(words) != null && (runs || words.FindIndex(1, w => w.Length > 1 && w[0] == '-') > 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An INI task file (tox.ini): every value, continued lines each at its own line; the values of <c>commands</c>,
        /// <c>commands_pre</c> and <c>commands_post</c> (any <see cref="TaskKeys"/> member) are run.
        /// </summary>
        private static void ReadIniTasks(LauncherFile file, string text)
        {
            string? key = null;
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i].TrimEnd('\r');
                string t = l.Trim();
                if (t.Length == 0 || t[0] == '#' || t[0] == ';')
                {
                    continue;
                }

                if (t[0] == '[' && t[t.Length - 1] == ']')
                {
                    key = null;
                    continue;
                }

                string value = t;
                if (l[0] != ' ' && l[0] != '\t')
                {
                    int eq = t.IndexOfAny(new[] { '=', ':' });
                    key = eq > 0 ? t.Substring(0, eq).Trim() : null;
                    value = eq > 0 ? t.Substring(eq + 1).Trim() : string.Empty;
                }

                if (key == null || value.Length == 0 || ProseKeys.Contains(key))
                {
                    continue;
                }

                JudgeTaskCommand(file, value, key + " (line " + (i + 1) + ")", i + 1, l.IndexOf(value, StringComparison.Ordinal) + 1, TaskKeys.Contains(key));
            }
        }

        /// <summary>
        /// A code-shaped task file: each call whose arguments start with literals (<c>session.run("npx", "-y", …)</c>, Ruby's and
        /// Groovy's <c>sh 'npx …'</c>, <c>commandLine 'npx', '-y', …</c>, <c>execSync('…')</c>, a list <c>["claude", "-p"]</c> as
        /// an argument) read as one command line — one literal is a shell line, a program and one argument string with blanks
        /// are the program's command line (<c>StartProcess</c>-like), more literals are words — and every other string or list
        /// literal; judged when it runs an assistant (with a flag, unless the call is a <see cref="RunCalls"/> one).
        /// </summary>
        private static void ReadTaskCode(LauncherFile file, string text, string fileName)
        {
            bool hashComments = fileName.EndsWith(".py", StringComparison.Ordinal) || fileName.EndsWith(".rake", StringComparison.Ordinal) ||
                                fileName.EndsWith(".rb", StringComparison.Ordinal) || fileName.EndsWith("akefile", StringComparison.Ordinal);
            List<CodeToken> tokens = CodeTokens(text, hashComments);
            var used = new bool[tokens.Count];
            for (int i = 0; i < tokens.Count; i++)
            {
                CodeToken t = tokens[i];
                if (t.Kind != 'i' || i + 1 >= tokens.Count)
                {
                    continue;
                }

                CodeToken next = tokens[i + 1];
                bool paren = next.Kind == 'p' && next.Text == "(";
                bool bare = next.Kind == 's' && next.Line == t.Line; // Ruby/Groovy: sh 'npx …', commandLine 'npx', '-y'
                if (!paren && !bare)
                {
                    continue;
                }

                var words = new List<string>();
                int at = paren ? i + 2 : i + 1;
                int first = at;
                while (at < tokens.Count)
                {
                    CodeToken a = tokens[at];
                    if (a.Kind == 's')
                    {
                        words.Add(a.Text);
                        at++;
                    }
                    else if (a.Kind == 'p' && a.Text == "[" && ListLiteral(tokens, at, words, out int after))
                    {
                        at = after;
                    }
                    else
                    {
                        break;
                    }

                    if (at < tokens.Count && tokens[at].Kind == 'p' && tokens[at].Text == ",")
                    {
                        at++;
                        continue;
                    }

                    break;
                }

                if (words.Count == 0)
                {
                    continue;
                }

                for (int u = first; u < at; u++)
                {
                    used[u] = true;
                }

                string callee = t.Text.Substring(t.Text.LastIndexOf('.') + 1);
                JudgeTaskCommand(file, CallCommandLine(words), t.Text + " on line " + t.Line, t.Line, t.Column, RunCalls.Contains(callee));
            }

            for (int i = 0; i < tokens.Count; i++)
            {
                if (used[i])
                {
                    continue;
                }

                var words = new List<string>();
                if (tokens[i].Kind == 'p' && tokens[i].Text == "[" && ListLiteral(tokens, i, words, out int after))
                {
                    for (int u = i; u < after; u++)
                    {
                        used[u] = true;
                    }

                    if (words.TrueForAll(w => w.IndexOfAny(new[] { ' ', '\t' }) < 0) &&
                        JudgeTaskCommand(file, ExecForm(words), "list on line " + tokens[i].Line, tokens[i].Line, tokens[i].Column, runs: false))
                    {
                        continue;
                    }

                    foreach (string w in words)
                    {
                        JudgeTaskCommand(file, w, "list on line " + tokens[i].Line, tokens[i].Line, tokens[i].Column, runs: false); // doit's actions: ['cmd …']
                    }
                }
                else if (tokens[i].Kind == 's')
                {
                    JudgeTaskCommand(file, tokens[i].Text, "string on line " + tokens[i].Line, tokens[i].Line, tokens[i].Column, runs: false);
                }
            }
        }

        /// <summary>The command line of a call's literal arguments (<see cref="ReadTaskCode"/>).</summary>
        private static string CallCommandLine(List<string> words)
        {
            if (words.Count == 1)
            {
                return words[0];
            }

            if (words.Count == 2 && words[0].IndexOfAny(new[] { ' ', '\t' }) < 0 && words[1].IndexOfAny(new[] { ' ', '\t' }) >= 0)
            {
                return words[0] + " " + words[1]; // StartProcess("npx", "-y @google/gemini-cli --yolo")
            }

            return ExecForm(words);
        }

        /// <summary>A list literal of strings only (<c>["claude", "-p", "fix"]</c>) from the <c>[</c> at <paramref name="open"/>.</summary>
        private static bool ListLiteral(List<CodeToken> tokens, int open, List<string> words, out int after)
        {
            var items = new List<string>();
            int at = open + 1;
            while (at < tokens.Count && tokens[at].Kind == 's')
            {
                items.Add(tokens[at].Text);
                at++;
                if (at < tokens.Count && tokens[at].Kind == 'p' && tokens[at].Text == ",")
                {
                    at++;
                }
            }

            after = at + 1;
            if (items.Count == 0 || at >= tokens.Count || tokens[at].Kind != 'p' || tokens[at].Text != "]")
            {
                return false;
            }

            words.AddRange(items);
            return true;
        }

        /// <summary>One token of a code-shaped task file: 'i' identifier (dotted: <c>session.run</c>), 's' string literal, 'p' punctuation.</summary>
        private readonly struct CodeToken
        {
            public CodeToken(char kind, string text, int line, int column)
            {
                Kind = kind;
                Text = text;
                Line = line;
                Column = column;
            }

            public char Kind { get; }

            public string Text { get; }

            public int Line { get; }

            public int Column { get; }
        }

        /// <summary>
        /// The identifiers, string literals and punctuation of Python, Ruby, JavaScript or Groovy/Kotlin text, comments skipped
        /// (<c>#</c> with <paramref name="hashComments"/>, else <c>//</c> and <c>/* */</c>); strings in single, double, triple or
        /// back quotes with their backslash escapes, Python's r/f/b prefixes taken as part of the quote.
        /// </summary>
        private static List<CodeToken> CodeTokens(string text, bool hashComments)
        {
            var tokens = new List<CodeToken>();
            int line = 1;
            int lineStart = 0;
            var value = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    lineStart = i + 1;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                if ((hashComments && c == '#') || (!hashComments && c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (!hashComments && c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? text.Length - 1 : end + 1;
                    for (int k = i; k < end; k++)
                    {
                        if (text[k] == '\n')
                        {
                            line++;
                            lineStart = k + 1;
                        }
                    }

                    i = end;
                    continue;
                }

                if (c == '"' || c == '\'' || c == '`')
                {
                    int startLine = line;
                    int column = i - lineStart + 1;
                    bool triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                    int k = i + (triple ? 3 : 1);
                    value.Clear();
                    while (k < text.Length)
                    {
                        char d = text[k];
                        if (d == '\\' && k + 1 < text.Length)
                        {
                            char e = text[k + 1];
                            value.Append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                            k += 2;
                            continue;
                        }

                        if (d == c && (!triple || (k + 2 < text.Length && text[k + 1] == c && text[k + 2] == c)))
                        {
                            break;
                        }

                        if (d == '\n')
                        {
                            if (!triple && c != '`')
                            {
                                break; // an unterminated one-line string: a quote in prose
                            }

                            line++;
                            lineStart = k + 1;
                        }

                        value.Append(d);
                        k++;
                    }

                    tokens.Add(new CodeToken('s', value.ToString(), startLine, column));
                    i = Math.Min(k + (triple ? 2 : 0), text.Length);
                    if (i < text.Length && text[i] == '\n')
                    {
                        i--; // the line break is counted by the loop
                    }

                    continue;
                }

                if (char.IsLetter(c) || c == '_' || c == '$')
                {
                    int k = i;
                    while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] == '_' || text[k] == '$' || text[k] == '!' || text[k] == '?' ||
                                               (text[k] == '.' && k + 1 < text.Length && (char.IsLetter(text[k + 1]) || text[k + 1] == '_'))))
                    {
                        k++;
                    }

                    bool prefix = k - i <= 2 && k < text.Length && (text[k] == '"' || text[k] == '\'') && text.Substring(i, k - i).ToLowerInvariant().Trim('r', 'f', 'b', 'u').Length == 0;
                    if (!prefix)
                    {
                        tokens.Add(new CodeToken('i', text.Substring(i, k - i), line, i - lineStart + 1));
                    }

                    i = k - 1;
                    continue;
                }

                tokens.Add(new CodeToken('p', c.ToString(), line, i - lineStart + 1));
            }

            return tokens;
        }
    }
}
