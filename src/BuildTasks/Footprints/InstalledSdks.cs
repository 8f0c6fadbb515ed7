using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Files;
using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Adversary round 12 route 13: a command the launcher reader already parses (a script, a Dockerfile's RUN, a CI step, a
    /// task runner's recipe) or a notebook runs (a Jupyter cell's <c>%pip install</c>/<c>!pip install</c>, a Polyglot
    /// notebook's <c>#!pwsh</c> line) that installs a catalog AI SDK declares that package as much as a manifest does: it is
    /// judged by the one package evaluator (GRD201-GRD203) at the command's line. The packages a command installs come from
    /// the one reader, <see cref="InstallCommand"/> (the assistant check's too); packages outside the SDK catalog are left out.
    /// </summary>
    public static class InstalledSdks
    {
        /// <summary>The catalog SDK packages <paramref name="words"/> (one simple command) installs, at the command's place (<see cref="InstallCommand"/>).</summary>
        public static List<DeclaredPackage> Of(IReadOnlyList<string> words, string file, string setting, int line, int column)
        {
            var found = new List<DeclaredPackage>();
            foreach (DeclaredPackage package in InstallCommand.Packages(words, file, line, column))
            {
                if (AiSdkCatalog.TryGetByPackageId(package.Id, out _))
                {
                    package.Kind = "installed by '" + string.Join(" ", words) + "' (" + setting + " in " + System.IO.Path.GetFileName(file) +
                                   ": the command installs it where it runs; no manifest of the repository declares it and no project compiles that code)";
                    found.Add(package);
                }
            }

            return found;
        }

        /// <summary>
        /// Whether <paramref name="relative"/> is a command file every commit of which the build reads for installs (a script
        /// of any kind <see cref="ScriptKinds"/> lists, a Dockerfile/Containerfile or a notebook, anywhere in the repository).
        /// </summary>
        public static bool IsCommandFile(string relative)
        {
            string name = System.IO.Path.GetFileName(relative.Replace('\\', '/'));
            string lower = name.ToLowerInvariant();
            if (relative.Replace('\\', '/').IndexOf("node_modules/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }

            return ScriptKinds.IsScript(lower) || IsContainerFile(lower) || IsNotebook(lower);
        }

        /// <summary>A Jupyter notebook (<c>.ipynb</c>) or a Polyglot Notebook (<c>.dib</c>): its shell and magic lines are read for installs.</summary>
        public static bool IsNotebook(string path) =>
            path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

        private static bool IsContainerFile(string lower) =>
            lower == "dockerfile" || lower == "containerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal) ||
            lower.StartsWith("containerfile.", StringComparison.Ordinal) || lower.EndsWith(".dockerfile", StringComparison.Ordinal) || lower.EndsWith(".containerfile", StringComparison.Ordinal);

        /// <summary>The catalog SDKs the commands of <paramref name="path"/> install (a shell script's lines, a container file's RUN instructions).</summary>
        public static List<DeclaredPackage> Read(string path)
        {
            var found = new List<DeclaredPackage>();
            LoadedFile? loaded = SourceFile.TryLoad(path, PackageManifests.MaxBytes, out _, out _);
            string? text = loaded == null ? null : SourceFile.TryDecode(loaded, out _, out _);
            if (text == null || !MayInstall(text))
            {
                return found;
            }

            if (IsNotebook(path))
            {
                foreach ((int line, int column, string command) in NotebookCommands(path, text))
                {
                    foreach (List<string> words in Launchers.SimpleCommands(command, 0))
                    {
                        found.AddRange(Of(words, path, "notebook line " + line, line, column));
                    }
                }

                return found;
            }

            string lowerName = System.IO.Path.GetFileName(path).ToLowerInvariant();
            bool container = IsContainerFile(lowerName);
            if (ScriptKinds.IsPowerShell(lowerName))
            {
                RequiredModules(path, text, found);
                text = text.Replace("`\r\n", "\\\r\n").Replace("`\n", "\\\n"); // PowerShell's line continuation, as the shell's (same lines)
            }

            foreach ((int line, int column, string content) in Launchers.JoinedLines(text))
            {
                string command = content;
                if (container)
                {
                    int blank = content.IndexOfAny(new[] { ' ', '\t' });
                    if (blank <= 0 || !content.Substring(0, blank).Equals("RUN", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    command = content.Substring(blank).Trim();
                }

                foreach (List<string> words in Launchers.SimpleCommands(command, 0))
                {
                    found.AddRange(Of(words, path, (container ? "RUN on line " : "line ") + line, line, column));
                }
            }

            return found;
        }

        /// <summary>
        /// A PowerShell script's <c>#Requires -Modules PSOpenAI, @{ ModuleName = 'X'; RequiredVersion = '1.0' }</c>: PowerShell
        /// imports (and PSResourceGet's <c>Install-PSResource -RequiredResource</c> workflows install) each module before the
        /// script runs; a catalog module is judged at the line.
        /// </summary>
        private static void RequiredModules(string path, string text, List<DeclaredPackage> found)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i].Trim();
                int modules = l.StartsWith("#requires", StringComparison.OrdinalIgnoreCase) ? l.IndexOf("-modules", StringComparison.OrdinalIgnoreCase) : -1;
                if (modules < 0)
                {
                    continue;
                }

                var candidates = new List<DeclaredPackage>();
                string list = l.Substring(modules + "-modules".Length);
                try
                {
                    foreach (Match m in RequiredModule.Matches(list))
                    {
                        string name = m.Groups["name"].Value;
                        string version = string.Empty;
                        foreach (Match v in TableValue.Matches(m.Groups["body"].Value))
                        {
                            bool isName = v.Groups["key"].Value.Equals("ModuleName", StringComparison.OrdinalIgnoreCase);
                            name = isName ? v.Groups["value"].Value : name;
                            version = isName ? version : v.Groups["value"].Value;
                        }

                        PackageManifests.Add(candidates, PackageEcosystem.PowerShell, name, version, path, i + 1, lines[i].IndexOf('#') + 1);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                }

                foreach (DeclaredPackage package in candidates)
                {
                    if (AiSdkCatalog.TryGetByPackageId(package.Id, out _))
                    {
                        package.Kind = "required by '#Requires -Modules' (line " + (i + 1) + " in " + System.IO.Path.GetFileName(path) +
                                       ": PowerShell loads the module from the PowerShell Gallery's install where the script runs; no manifest of the repository declares it and no project compiles that code)";
                        found.Add(package);
                    }
                }
            }
        }

        /// <summary>One module of a <c>#Requires -Modules</c> list: a name, or a hashtable's ModuleName with its version.</summary>
        private static readonly Regex RequiredModule = new Regex(@"@\{(?<body>[^}]*)\}|(?<name>[A-Za-z][\w.\-]*)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex TableValue = new Regex(@"\b(?<key>ModuleName|RequiredVersion|ModuleVersion)\s*=\s*['""]?(?<value>[\w.\-]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

        /// <summary>Whether <paramref name="text"/> has a word an install command needs (a cheap test before the file is parsed).</summary>
        private static bool MayInstall(string text) =>
            text.IndexOf("install", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("#requires", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf(" add ", StringComparison.Ordinal) >= 0 || text.IndexOf("dlx ", StringComparison.Ordinal) >= 0 ||
            text.IndexOf(" -p ", StringComparison.Ordinal) >= 0 || text.IndexOf("--package", StringComparison.Ordinal) >= 0 || text.IndexOf(" create ", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The shell commands a notebook runs, each at its line: in a Jupyter notebook's code cells, IPython's <c>!command</c>
        /// lines (<c>!{sys.executable} -m pip</c> read as <c>python -m pip</c>), its line magics (<c>%pip install</c>,
        /// <c>%conda install</c>, <c>%uv</c>, <c>%mamba</c>: the magic runs the tool of its name) and every line of a
        /// <c>%%bash</c>/<c>%%sh</c>/<c>%%script bash</c> cell; in a Polyglot Notebook (<c>.dib</c>), the same in its
        /// <c>#!python</c> sections and every line of its <c>#!pwsh</c>/<c>#!powershell</c> sections. Markdown cells and Python
        /// code are not commands.
        /// </summary>
        private static IEnumerable<(int Line, int Column, string Command)> NotebookCommands(string path, string text)
        {
            if (path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
            {
                string kernel = "csharp";
                string[] lines = text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    string l = lines[i].TrimEnd('\r');
                    if (l.StartsWith("#!", StringComparison.Ordinal) && !l.StartsWith("#!/", StringComparison.Ordinal))
                    {
                        kernel = l.Substring(2).Trim().ToLowerInvariant();
                        continue;
                    }

                    string? command = kernel == "pwsh" || kernel == "powershell" ? (l.TrimStart().StartsWith("#", StringComparison.Ordinal) ? null : l.Trim())
                        : kernel == "python" ? Magic(l)
                        : null;
                    if (!string.IsNullOrEmpty(command))
                    {
                        yield return (i + 1, l.Length - l.TrimStart().Length + 1, command!);
                    }
                }

                yield break;
            }

            foreach (var (_, lines) in NotebookCells.Code(JsonReader.TryParse(text, out _)))
            {
                bool shellCell = lines.Count > 0 && IsShellCellMagic(lines[0].Text);
                for (int i = shellCell ? 1 : 0; i < lines.Count; i++)
                {
                    string l = lines[i].Text.TrimEnd('\r');
                    string? command = shellCell ? (l.TrimStart().StartsWith("#", StringComparison.Ordinal) ? null : l.Trim()) : Magic(l);
                    if (!string.IsNullOrEmpty(command))
                    {
                        yield return (lines[i].Line, lines[i].Column, command!);
                    }
                }
            }
        }

        private static bool IsShellCellMagic(string first)
        {
            string t = first.Trim();
            return t == "%%bash" || t == "%%sh" || t.StartsWith("%%bash ", StringComparison.Ordinal) || t.StartsWith("%%sh ", StringComparison.Ordinal) ||
                   t.StartsWith("%%script bash", StringComparison.Ordinal) || t.StartsWith("%%script sh", StringComparison.Ordinal) || t == "%%system";
        }

        /// <summary>The shell command of an IPython line: <c>!cmd</c> or a line magic (<c>%pip …</c>); null for Python code and cell magics.</summary>
        private static string? Magic(string line)
        {
            string t = line.Trim();
            if (t.Length < 2 || (t[0] != '!' && t[0] != '%') || t.StartsWith("%%", StringComparison.Ordinal))
            {
                return null;
            }

            string command = t.Substring(1).TrimStart();
            int comment = command.IndexOf(" #", StringComparison.Ordinal);
            command = comment >= 0 ? command.Substring(0, comment) : command;
            if (command.StartsWith("{", StringComparison.Ordinal) && command.IndexOf('}') > 0)
            {
                command = "python" + command.Substring(command.IndexOf('}') + 1); // !{sys.executable} -m pip install …
            }

            return command.Trim();
        }
    }
}
