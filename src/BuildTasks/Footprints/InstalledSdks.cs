using System;
using System.Collections.Generic;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Adversary round 12 route 13: a command the launcher reader already parses (a script, a Dockerfile's RUN, a CI step, a
    /// task runner's recipe) that installs a catalog AI SDK — <c>pip install openai</c>, <c>python -m pip install</c>,
    /// <c>uv pip install</c>/<c>uv add</c>, <c>poetry add</c>, <c>pdm add</c>, <c>pipenv install</c>, <c>npm install</c>/<c>i</c>/
    /// <c>add</c>, <c>pnpm add</c>, <c>yarn add</c>, <c>bun add</c> — declares that package as much as a manifest does: it is
    /// judged by the one package evaluator (GRD201-GRD203) at the command's line. Packages outside the SDK catalog are left out.
    /// </summary>
    public static class InstalledSdks
    {
        /// <summary>The catalog SDK packages <paramref name="words"/> (one simple command) installs, at the command's place.</summary>
        public static List<DeclaredPackage> Of(IReadOnlyList<string> words, string file, string setting, int line, int column)
        {
            var found = new List<DeclaredPackage>();
            if (words.Count < 3)
            {
                return found;
            }

            int i = 0;
            string exe = ServerCommand.ExecutableName(words[0]);
            if ((exe == "python" || exe == "python3" || exe == "py") && words[1] == "-m" && words.Count > 3)
            {
                i = 2; // python -m pip install …
                exe = words[2];
            }

            string? ecosystem = null;
            int verb = i + 1;
            if (exe == "pip" || exe == "pip3" || exe == "pipenv")
            {
                ecosystem = words[verb] == "install" ? PackageEcosystem.PyPI : null;
            }
            else if (exe == "uv")
            {
                if (words[verb] == "pip" && words.Count > verb + 1 && words[verb + 1] == "install")
                {
                    verb++;
                    ecosystem = PackageEcosystem.PyPI;
                }
                else if (words[verb] == "add")
                {
                    ecosystem = PackageEcosystem.PyPI;
                }
            }
            else if (exe == "poetry" || exe == "pdm")
            {
                ecosystem = words[verb] == "add" ? PackageEcosystem.PyPI : null;
            }
            else if (exe == "npm" || exe == "pnpm" || exe == "yarn" || exe == "bun")
            {
                string v = words[verb];
                ecosystem = v == "install" || v == "i" || v == "add" ? PackageEcosystem.Npm : null;
            }

            if (ecosystem == null)
            {
                return found;
            }

            var candidates = new List<DeclaredPackage>();
            for (int w = verb + 1; w < words.Count; w++)
            {
                string word = words[w];
                if (word.StartsWith("-", StringComparison.Ordinal))
                {
                    if (TakesValue(word))
                    {
                        w++; // -r requirements.txt, --index-url URL, -t DIR, …: the value is no package
                    }

                    continue;
                }

                if (ecosystem == PackageEcosystem.PyPI)
                {
                    PackageManifests.Requirement(file, word, line, column, candidates);
                }
                else
                {
                    int at = word.IndexOf('@', 1);
                    string name = at > 0 ? word.Substring(0, at) : word;
                    string spec = at > 0 ? word.Substring(at + 1) : string.Empty;
                    string? fromRepository = SdkSourceRepositories.PackageOf(PackageEcosystem.Npm, word);
                    if (fromRepository != null)
                    {
                        candidates.Add(new DeclaredPackage(fromRepository, string.Empty, file, line, column));
                    }
                    else
                    {
                        PackageManifests.Add(candidates, PackageEcosystem.Npm, name, PackageManifests.NpmVersion(spec), file, line, column);
                    }
                }
            }

            foreach (DeclaredPackage package in candidates)
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
        /// Whether <paramref name="relative"/> is a command file every commit of which the build reads for installs (a shell
        /// script or a Dockerfile/Containerfile anywhere in the repository; the launcher reader reads such files only on the
        /// project's way to the root).
        /// </summary>
        public static bool IsCommandFile(string relative)
        {
            string name = System.IO.Path.GetFileName(relative.Replace('\\', '/'));
            string lower = name.ToLowerInvariant();
            if (relative.Replace('\\', '/').IndexOf("node_modules/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }

            return lower.EndsWith(".sh", StringComparison.Ordinal) || lower.EndsWith(".bash", StringComparison.Ordinal) || lower.EndsWith(".zsh", StringComparison.Ordinal) ||
                   IsContainerFile(lower);
        }

        private static bool IsContainerFile(string lower) =>
            lower == "dockerfile" || lower == "containerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal) ||
            lower.StartsWith("containerfile.", StringComparison.Ordinal) || lower.EndsWith(".dockerfile", StringComparison.Ordinal) || lower.EndsWith(".containerfile", StringComparison.Ordinal);

        /// <summary>The catalog SDKs the commands of <paramref name="path"/> install (a shell script's lines, a container file's RUN instructions).</summary>
        public static List<DeclaredPackage> Read(string path)
        {
            var found = new List<DeclaredPackage>();
            LoadedFile? loaded = SourceFile.TryLoad(path, PackageManifests.MaxBytes, out _, out _);
            string? text = loaded == null ? null : SourceFile.TryDecode(loaded, out _, out _);
            if (text == null || (text.IndexOf("install", StringComparison.Ordinal) < 0 && text.IndexOf(" add ", StringComparison.Ordinal) < 0))
            {
                return found;
            }

            bool container = IsContainerFile(System.IO.Path.GetFileName(path).ToLowerInvariant());
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

        private static bool TakesValue(string option)
        {
            switch (option)
            {
                case "-r":
                case "--requirement":
                case "-c":
                case "--constraint":
                case "-e":
                case "--editable":
                case "-i":
                case "--index-url":
                case "--extra-index-url":
                case "-f":
                case "--find-links":
                case "-t":
                case "--target":
                case "--prefix":
                case "--root":
                case "--python":
                case "-p":
                case "--group":
                case "-G":
                case "--registry":
                case "--prefix-dir":
                    return true;
                default:
                    return false;
            }
        }
    }
}
