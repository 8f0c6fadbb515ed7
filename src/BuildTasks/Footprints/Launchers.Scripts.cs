using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Files;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Scripts wherever they are committed (session 17, issue 12): every kind <see cref="ScriptKinds"/> lists, in the folder
    /// and in <c>scripts/</c> of each level and anywhere through git's index (<c>tools/ci/run.bash</c>); a file committed with
    /// the executable bit (mode 100755) whose first line is a shebang of a shell, PowerShell, Python or Node interpreter,
    /// whatever its name (a Python or JavaScript program's process calls are read: <c>subprocess.run([...])</c>,
    /// <c>os.system("…")</c>, <c>execSync("…")</c>, <c>spawn("claude", [...])</c>, zx's <c>$`…`</c>); and a dev container's
    /// lifecycle commands (<c>postCreateCommand</c>, …). The scope of what a shell sets: a line appended to
    /// <c>$GITHUB_ENV</c> holds for the later steps of the same job, and a script's variables and one-line functions from
    /// the line that defines them on.
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>The lifecycle commands of a dev container (string: a shell line; array: exec form; object: commands run in parallel).</summary>
        private static readonly string[] DevContainerCommands =
        {
            "initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand",
        };

        /// <summary>Python's and Node's calls that start a process, with the command as their first arguments.</summary>
        private static readonly Regex PythonProcessCall = new Regex(
            @"(?<![\w.])(?:(?:subprocess|os)\s*\.\s*)?(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput|system|popen|exec[lv]p?e?|spawn[lv]p?e?)\s*\(",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex NodeProcessCall = new Regex(
            @"(?<![\w.])(?:(?:child_process|childProcess|cp|Bun)\s*\.\s*)?(?:exec|execSync|execFile|execFileSync|spawn|spawnSync|execa|execaSync|execaCommand|execaCommandSync)\s*\(|(?<![\w])\$`",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>What a shebang line names.</summary>
        internal enum ScriptInterpreter
        {
            None,
            Shell,
            Python,
            Node,
        }

        /// <summary>The script files of every kind at <paramref name="level"/> and in its <c>scripts/</c> folder.</summary>
        private static IEnumerable<string> ScriptCandidates(string level)
        {
            foreach (string folder in new[] { string.Empty, "scripts" })
            {
                string dir = folder.Length == 0 ? level : Path.Combine(level, folder);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                var names = new List<string>();
                try
                {
                    foreach (string f in Directory.GetFiles(dir))
                    {
                        if (ScriptKinds.IsScript(f))
                        {
                            names.Add(Path.GetFileName(f));
                        }
                    }
                }
                catch (Exception e) when (FootprintDiscovery.IsIoException(e))
                {
                    continue;
                }

                names.Sort(StringComparer.Ordinal);
                foreach (string name in names)
                {
                    yield return (folder.Length == 0 ? string.Empty : folder + "/") + name;
                }
            }
        }

        /// <summary>The <c>scripts/</c> folders of <paramref name="levels"/> (normalized): their scripts are each level's candidates, not read twice.</summary>
        private static HashSet<string> LevelScriptFolders(IEnumerable<string> levels)
        {
            var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string level in levels)
            {
                folders.Add(FootprintDiscovery.Normalize(level));
                folders.Add(FootprintDiscovery.Normalize(Path.Combine(level, "scripts")));
            }

            return folders;
        }

        /// <summary>
        /// The committed files with the executable bit that no other reader takes by its name (a script kind, a shell-shebang
        /// file without extension, a project, a YAML, a launcher by name…), relative to the repository root with '/'.
        /// </summary>
        private static List<string> ExecutableCandidates(string? repositoryRoot)
        {
            var files = new List<string>();
            HashSet<string>? executables = repositoryRoot == null ? null : GitIndex.TryReadExecutables(repositoryRoot);
            if (executables == null)
            {
                return files;
            }

            foreach (string relative in executables)
            {
                string name = relative.Substring(relative.LastIndexOf('/') + 1);
                if (name.Length == 0 || ScriptKinds.IsScript(name) || MsBuildProjectFiles.IsMsBuildFile(name) || IsDeployDescriptor(relative) || IsYamlName(name) ||
                    Array.IndexOf(LauncherNames, name) >= 0 || IsHookFile(relative) || relative.StartsWith(".husky/", StringComparison.Ordinal) ||
                    CodeLaunchers.IsCode(name) || GitIndex.UnderGeneratedFolder(relative.Split('/')))
                {
                    continue;
                }

                files.Add(relative);
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>
        /// The committed executable files that are scripts by their shebang (<see cref="ExecutableCandidates"/>, read once each):
        /// a shell or PowerShell script a line at a time, a Python or Node program by its process calls.
        /// </summary>
        private static IEnumerable<LauncherFile> ExecutableScripts(string? repositoryRoot)
        {
            foreach (string relative in ExecutableCandidates(repositoryRoot))
            {
                string full = Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
                ScriptInterpreter interpreter = InterpreterOf(full);
                bool readElsewhere = IsShebangCandidate(relative) && interpreter == ScriptInterpreter.Shell; // an extension-less shell script
                if (interpreter == ScriptInterpreter.None || readElsewhere)
                {
                    continue;
                }

                LoadedFile? loaded = SourceFile.TryLoad(full, RuleCatalog.UnreadableAssistantFile, "The launcher file", out Finding? _);
                string? text = loaded == null ? null : SourceFile.TryDecode(loaded, "The launcher file", out Finding? _);
                if (text == null)
                {
                    continue;
                }

                var file = new LauncherFile(full, repositoryRoot!, relative);
                if (interpreter == ScriptInterpreter.Shell)
                {
                    ReadScript(file, text, "line", allLines: true);
                }
                else
                {
                    ReadProcessCalls(file, text, interpreter == ScriptInterpreter.Python);
                }

                if (file.Assistants.Count > 0 || file.Servers.Count > 0 || file.InstalledSdks.Count > 0)
                {
                    yield return file;
                }
            }
        }

        /// <summary>
        /// The committed executable scripts (by their shebang) as the check's inputs. The other executable files, like the
        /// extension-less files without a shell shebang (LICENSE, gradlew's jar…), are not: a shebang added to one is read
        /// when git's index changes (an input of the check) or in the next clean build.
        /// </summary>
        private static IEnumerable<string> ExecutableScriptInputs(string? repositoryRoot)
        {
            foreach (string relative in ExecutableCandidates(repositoryRoot))
            {
                string full = Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
                ScriptInterpreter interpreter = InterpreterOf(full);
                if (interpreter != ScriptInterpreter.None && !(IsShebangCandidate(relative) && interpreter == ScriptInterpreter.Shell))
                {
                    yield return full; // an extension-less shell script is listed with the shebang candidates
                }
            }
        }

        /// <summary>Whether the committed file <paramref name="relative"/> is an input of the check: an extension-less one only when it is a shell script.</summary>
        private static bool IsCommittedInput(string repositoryRoot, string relative) =>
            !IsShebangCandidate(relative) || InterpreterOf(Path.Combine(repositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar))) == ScriptInterpreter.Shell;

        /// <summary>The interpreter the first line of <paramref name="fullPath"/> names (only its first 128 bytes are read).</summary>
        private static ScriptInterpreter InterpreterOf(string fullPath)
        {
            try
            {
                var head = new byte[128];
                int read;
                using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    read = stream.Read(head, 0, head.Length);
                }

                return Interpreter(System.Text.Encoding.ASCII.GetString(head, 0, read));
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return ScriptInterpreter.None;
            }
        }

        /// <summary>
        /// What the shebang <paramref name="text"/> starts with names: a shell (<c>/bin/sh</c>, <c>/usr/bin/env bash</c>, <c>env -S
        /// zsh -e</c>, dash, ksh, ash, fish, pwsh), Python (<c>python3</c>, <c>uv run --script</c>) or Node (node, deno, bun, tsx, zx).
        /// </summary>
        internal static ScriptInterpreter Interpreter(string text)
        {
            if (!text.StartsWith("#!", StringComparison.Ordinal))
            {
                return ScriptInterpreter.None;
            }

            int end = text.IndexOf('\n');
            string[] words = (end < 0 ? text.Substring(2) : text.Substring(2, end - 2)).Trim().Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < words.Length; i++)
            {
                string program = words[i].Substring(words[i].LastIndexOf('/') + 1);
                if (i == 0 && program == "env" || program.StartsWith("-", StringComparison.Ordinal) && i > 0)
                {
                    continue; // env and its options (-S)
                }

                switch (program)
                {
                    case "sh": case "bash": case "zsh": case "dash": case "ksh": case "mksh": case "ash": case "fish": case "pwsh": case "powershell":
                        return ScriptInterpreter.Shell;
                    case "node": case "nodejs": case "deno": case "bun": case "tsx": case "ts-node": case "zx":
                        return ScriptInterpreter.Node;
                    case "uv": case "pypy": case "pypy3":
                        return ScriptInterpreter.Python;
                    default:
                        return program.StartsWith("python", StringComparison.Ordinal) ? ScriptInterpreter.Python : ScriptInterpreter.None;
                }
            }

            return ScriptInterpreter.None;
        }

        /// <summary>
        /// A Python or Node program's process calls, each judged as a command line at its line: a command given as one string
        /// (<c>os.system("claude -p …")</c>, <c>subprocess.run("…", shell=True)</c>, <c>execSync("…")</c>, zx's <c>$`…`</c>) or as
        /// words (<c>subprocess.run(["claude", "-p", …])</c>, <c>spawn("claude", ["-p", …])</c>, <c>os.execlp(…)</c>). Only string
        /// literals are read; a command built from variables is not known.
        /// </summary>
        private static void ReadProcessCalls(LauncherFile file, string text, bool python)
        {
            Regex calls = python ? PythonProcessCall : NodeProcessCall;
            int counted = 0;
            int line = 1;
            try
            {
                foreach (Match m in calls.Matches(text))
                {
                    int lineStart = text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
                    string before = text.Substring(lineStart, m.Index - lineStart);
                    if (before.Contains("#") && python || before.Contains("//") && !python)
                    {
                        continue; // a comment
                    }

                    string? command = m.Value.EndsWith("`", StringComparison.Ordinal) ? TemplateCommand(text, m.Index + m.Length) : CallCommand(text, m.Index + m.Length);
                    if (string.IsNullOrWhiteSpace(command))
                    {
                        continue;
                    }

                    for (; counted < m.Index; counted++)
                    {
                        if (text[counted] == '\n')
                        {
                            line++;
                        }
                    }

                    ReadCommandLine(file, command!, "line " + line, line, m.Index - lineStart + 1);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // a file too large for the pattern's time limit: its calls are not read
            }
        }

        /// <summary>zx's and Bun's <c>$`claude -p ${task}`</c>: the template's text up to its closing backtick (an expression kept as written).</summary>
        private static string? TemplateCommand(string text, int start)
        {
            int close = text.IndexOf('`', start);
            return close < 0 || close - start > 4000 ? null : text.Substring(start, close - start);
        }

        /// <summary>
        /// The command of a process call whose arguments start at <paramref name="start"/> (after its '('): a first argument that
        /// is one string literal is a shell line, or the program when a list of literals follows; a first argument that is a
        /// list of literals, or several literal arguments, are the command's words.
        /// </summary>
        private static string? CallCommand(string text, int start)
        {
            var arguments = new List<(List<string> Literals, bool List, bool Literal)>();
            var literals = new List<string>();
            bool list = false;
            bool other = false;
            int depth = 0;
            int limit = Math.Min(text.Length, start + 4000);
            for (int i = start; i < limit; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\'' || c == '`')
                {
                    int quotes = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c ? 3 : 1;
                    string close = new string(c, quotes);
                    var literal = new System.Text.StringBuilder();
                    int j = i + quotes;
                    while (j < limit && string.CompareOrdinal(text, j, close, 0, quotes) != 0)
                    {
                        if (text[j] == '\\' && j + 1 < limit)
                        {
                            j++;
                        }

                        literal.Append(text[j]);
                        j++;
                    }

                    literals.Add(literal.ToString());
                    i = j + quotes - 1;
                    continue;
                }

                if (c == '(' || c == '[' || c == '{')
                {
                    depth++;
                    list |= c == '[' && depth == 1;
                    other |= c != '[' && depth == 1;
                }
                else if (c == ')' || c == ']' || c == '}')
                {
                    if (depth == 0)
                    {
                        arguments.Add((literals, list, !other && literals.Count == 1));
                        break;
                    }

                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    arguments.Add((literals, list, !other && literals.Count == 1));
                    literals = new List<string>();
                    list = false;
                    other = false;
                }
                else if (depth == 0 && !char.IsWhiteSpace(c) && !char.IsLetter(c))
                {
                    other = true; // a variable, a call, an operator: not a literal argument (a string's prefix letter f/r/b is allowed)
                }
            }

            if (arguments.Count == 0)
            {
                return null;
            }

            (List<string> first, bool firstList, bool firstLiteral) = arguments[0];
            if (firstList && first.Count > 0)
            {
                return ExecForm(first); // subprocess.run(["claude", "-p", …]), Bun.spawn([...])
            }

            if (!firstLiteral || first[0].Trim().Length == 0)
            {
                return null;
            }

            if (arguments.Count > 1 && arguments[1].List && arguments[1].Literals.Count > 0)
            {
                var words = new List<string> { first[0] };
                words.AddRange(arguments[1].Literals);
                return ExecForm(words); // spawn("claude", ["-p", …]), execFile(…)
            }

            if (arguments.Count > 2 && arguments.TrueForAll(a => a.Literal))
            {
                var words = new List<string>();
                arguments.ForEach(a => words.Add(a.Literals[0]));
                return ExecForm(words); // os.execlp("claude", "claude", "-p", …)
            }

            return first[0]; // os.system("claude -p …"), execSync("…")
        }

        /// <summary>The dev container files at <paramref name="level"/> (<c>.devcontainer/devcontainer.json</c>, one folder down, <c>.devcontainer.json</c>).</summary>
        private static IEnumerable<string> DevContainerCandidates(string level)
        {
            foreach (string relative in EmbeddedFootprints.Candidates(level))
            {
                if (IsDevContainerFile(relative))
                {
                    yield return relative;
                }
            }
        }

        private static bool IsDevContainerFile(string relative)
        {
            string name = relative.Substring(relative.LastIndexOf('/') + 1);
            return name == ".devcontainer.json" || (name == "devcontainer.json" && relative.StartsWith(".devcontainer/", StringComparison.Ordinal));
        }

        /// <summary>
        /// A dev container's lifecycle commands (adversary round 13 route 6: <c>"postCreateCommand": "claude mcp add … -- npx -y
        /// @modelcontextprotocol/server-filesystem /"</c>, <c>code --add-mcp</c>): each a shell line (string), an exec form (array)
        /// or named commands run in parallel (object of strings or arrays), judged at its line.
        /// </summary>
        private static void ReadDevContainer(LauncherFile file, string text)
        {
            JsonNode root = JsonReader.Parse(text);
            if (root.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in root.Properties)
            {
                if (Array.IndexOf(DevContainerCommands, p.Name) < 0)
                {
                    continue;
                }

                if (p.Value.Kind == JsonKind.Object)
                {
                    foreach (JsonProperty named in p.Value.Properties)
                    {
                        if (CommandOf(named.Value) is string command)
                        {
                            ReadCommandLine(file, command, p.Name + "." + named.Name, named.Value.Start.Line, named.Value.Start.Column);
                        }
                    }
                }
                else if (CommandOf(p.Value) is string command)
                {
                    ReadCommandLine(file, command, p.Name, p.Value.Start.Line, p.Value.Start.Column);
                }
            }
        }

        /// <summary>
        /// The job a CI command's <paramref name="setting"/> belongs to (<c>jobs.review</c> of <c>jobs.review.steps[2].run</c>); the
        /// whole file for any other (a script, a composite action's steps, a pipeline without jobs).
        /// </summary>
        private static string JobOf(string setting)
        {
            if (!setting.StartsWith("jobs.", StringComparison.Ordinal))
            {
                return string.Empty;
            }

            int end = setting.IndexOfAny(new[] { '.', '[' }, "jobs.".Length);
            return end < 0 ? setting : setting.Substring(0, end);
        }

        /// <summary>
        /// The <c>$GITHUB_ENV</c> lines that hold for a command at <paramref name="setting"/>: those earlier steps of the same job
        /// appended (a new job starts without them). Lines a command line appends are added after it (<see cref="EndCommandLine"/>):
        /// the runner reads the file when the step ends, so they reach the later steps, not the step's own later commands.
        /// </summary>
        private static List<string> JobEnvironmentOf(LauncherFile file, string setting)
        {
            string job = JobOf(setting);
            if (!string.Equals(file.Job, job, StringComparison.Ordinal))
            {
                file.JobEnvironment.Clear();
                file.Job = job;
            }

            return file.JobEnvironment; // read only while the line is read (AddCommand copies it per command)
        }

        /// <summary>The <c>$GITHUB_ENV</c> lines a command line appended, for the later steps of its job.</summary>
        private static void EndCommandLine(LauncherFile file, List<string> appended) => file.JobEnvironment.AddRange(appended);
    }
}
