using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Guardrails.BuildTasks.Foundation;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// The spelling-independent pass over every committed file (issue 12, adversary round 14 routes 1, 2, 4, 9–12, 14): the
    /// readers above know one spelling of each place a command can live, and every round found the neighbour (Gitea and
    /// Semaphore CI files, a wrapper script handed the flag, <c>make ARGS=…</c>, compound shell commands, Jenkins
    /// <c>sh label:, script:</c>, cmd and PowerShell continuations, Kustomize patches, Helm values, Python and Node process
    /// calls). Here the <b>flag</b> is the needle, wherever it is committed: the assistants' permission flags that name one
    /// assistant (<c>--dangerously-skip-permissions</c>, <c>--permission-mode bypassPermissions</c>, <c>--add-dir /</c>: Claude
    /// Code; <c>--dangerously-bypass-approvals-and-sandbox</c>: Codex; <c>--skip-permissions-unsafe</c>: droid;
    /// <c>--allow-all-tools</c>, <c>--allow-all</c>, <c>--allow-all-paths</c>: Copilot CLI) count on any line; the shared ones
    /// (<c>--yolo</c>, <c>-y</c>, <c>--approval-mode yolo</c>) only after an assistant's program or package name on the same
    /// (or continued) line (<see cref="Clis"/>, <see cref="Packages"/>). The permission is
    /// <see cref="PermissionSettings.ClassifyFlags"/>'s. Each hit is a <see cref="LauncherFile"/> with the assistant (GRD130
    /// when undeclared) and the permission (GRD134 when forbidden), dropped where a precise reader already reported the same
    /// assistant and permission in the same file.
    /// <para>
    /// Not searched: files below node_modules/, .git/, bin/, obj/; prose (<c>.md</c>, <c>.mdx</c>, <c>.markdown</c>, <c>.rst</c>,
    /// <c>.adoc</c>, <c>.txt</c>, <c>.html</c>, <c>.htm</c>); lock files (<c>package-lock.json</c>, <c>npm-shrinkwrap.json</c>,
    /// <c>yarn.lock</c>, <c>pnpm-lock.yaml</c>, <c>packages.lock.json</c>, <c>*.lock</c>); binary files (a NUL byte in the first
    /// 8 KB, which also leaves out UTF-16 text); files over the key scan's limit (64 MiB); comment lines (first <c>#</c>, <c>//</c>,
    /// <c>/*</c>, <c>*</c>, <c>&lt;!--</c>, <c>REM</c>, <c>::</c>, <c>--</c> followed by a blank); news feeds (<c>feed.xml</c>,
    /// <c>atom.xml</c>, <c>rss.xml</c>, <c>index.xml</c>, <c>.rss</c>, <c>.atom</c>). In a unit test by its name (<see cref="IsUnitTestFile"/>)
    /// a one-assistant flag counts only after an assistant's program or package, as the shared ones do. A file whose only flag is
    /// <c>-y</c> is searched only when it names gemini or qwen (<c>-y</c> is on most install lines).
    /// </para>
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>The reused read buffer's size (1 MiB); a larger file is read into an array of its own (up to the key scan's limit).</summary>
        internal const int MaxFileBytes = 1024 * 1024;

        /// <summary>The prefix of a committed flag's setting (<see cref="HowItRuns"/> reads it).</summary>
        private const string CommittedFlagSetting = "the flag ";

        /// <summary>The permission flags that name one assistant, by the assistant they belong to.</summary>
        private static readonly Dictionary<string, string> OneAssistantFlags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--dangerously-skip-permissions"] = ClaudeCode, ["--permission-mode"] = ClaudeCode, ["--add-dir"] = ClaudeCode,
            ["--dangerously-bypass-approvals-and-sandbox"] = OpenAiCodex, ["--skip-permissions-unsafe"] = FactoryDroid,
            ["--allow-all-tools"] = GitHubCopilot, ["--allow-all"] = GitHubCopilot, ["--allow-all-paths"] = GitHubCopilot,
        };

        /// <summary>The byte prefilter: a file holds none of these, it is not decoded.</summary>
        private static readonly byte[][] Needles =
        {
            Ascii("--dangerously-"), Ascii("--yolo"), Ascii("--allow-all"), Ascii("bypassPermissions"), Ascii("--skip-permissions"), Ascii("--approval-mode"), Ascii("--add-dir"),
        };

        /// <summary>With " -y", one of these names makes a file worth decoding (Gemini's and Qwen Code's <c>-y</c>).</summary>
        private static readonly byte[][] YesNeedles = { Ascii(" -y"), Ascii("gemini"), Ascii("qwen") };

        private static readonly string[] LineNeedles = { "--dangerously-", "--yolo", "--allow-all", "--permission-mode", "--skip-permissions", "--approval-mode", "--add-dir" };

        private static readonly HashSet<string> ProseExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".md", ".mdx", ".markdown", ".rst", ".adoc", ".txt", ".html", ".htm", ".rss", ".atom",
        };

        /// <summary>News feeds (a changelog published as RSS or Atom: prose in XML); <c>.rss</c> and <c>.atom</c> are <see cref="ProseExtensions"/>.</summary>
        private static readonly HashSet<string> Feeds = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "feed.xml", "atom.xml", "rss.xml", "index.xml" };

        /// <summary>
        /// Program source (C#, F#, VB, Java, Kotlin, Go, Rust, Swift, C/C++, JavaScript/TypeScript, Python, Ruby, PHP, Dart):
        /// where a flag is a string among others (a tool's own flag tables, test data, a CLI's argument parser), not a command
        /// this repository runs. Left to the readers of program code, which read a process call's command line (C#'s
        /// CodeLaunchers, the task runners, an executable script's process calls); a file committed executable is still read
        /// here. Found on Guardrails' own repository (its samples build inside it): 54 hits, all in such strings.
        /// </summary>
        private static readonly HashSet<string> ProgramSourceExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".cs", ".csx", ".vb", ".fs", ".fsx", ".java", ".kt", ".scala", ".go", ".rs", ".swift", ".c", ".cc", ".cpp", ".h", ".hpp",
            ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".py", ".rb", ".php", ".dart",
        };

        private static readonly HashSet<string> LockFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "packages.lock.json",
        };

        /// <summary>Each committed file's flags, kept per build node by path and stamp: every project of a build reads the repository.</summary>
        private static readonly FileStampCache<List<CommittedFlag>> FlagsOnce = new FileStampCache<List<CommittedFlag>>();

        [ThreadStatic]
        private static byte[]? _buffer;

        /// <summary>One permission flag found in a committed file.</summary>
        internal readonly struct CommittedFlag
        {
            public CommittedFlag(int line, int column, string assistant, string ceiling, string flag)
            {
                Line = line;
                Column = column;
                Assistant = assistant;
                Ceiling = ceiling;
                Flag = flag;
            }

            public int Line { get; }

            public int Column { get; }

            public string Assistant { get; }

            public string Ceiling { get; }

            public string Flag { get; }
        }

        /// <summary>
        /// The committed files with a permission flag that <paramref name="found"/> (the precise readers' files) does not already
        /// report for the same assistant and permission, each as a launcher file of that assistant.
        /// </summary>
        private static List<LauncherFile> CommittedFlagFiles(string? repositoryRoot, List<LauncherFile> found)
        {
            var files = new List<LauncherFile>();
            foreach (string relative in FlagCandidates(repositoryRoot))
            {
                string full = Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
                List<CommittedFlag> flags = FlagsIn(full);
                if (flags.Count == 0)
                {
                    continue;
                }

                var precise = new List<LauncherFile>();
                string key = FootprintDiscovery.Normalize(full);
                foreach (LauncherFile f in found)
                {
                    if (string.Equals(FootprintDiscovery.Normalize(f.FullPath), key, StringComparison.OrdinalIgnoreCase))
                    {
                        precise.Add(f);
                    }
                }

                var file = new LauncherFile(full, repositoryRoot!, relative);
                foreach (CommittedFlag flag in flags)
                {
                    if (precise.Exists(p => p.Permissions.Exists(x => x.Assistant == flag.Assistant && x.Permission.Ceiling == flag.Ceiling)) ||
                        file.Permissions.Exists(x => x.Assistant == flag.Assistant && x.Permission.Ceiling == flag.Ceiling))
                    {
                        continue; // a precise reader (or an earlier line) already reports this assistant with this permission here
                    }

                    string where = "written in " + relative + ":" + flag.Line + "; Guardrails does not know how this file runs it, so the flag counts wherever it is committed";
                    // GRD134 reads "'<setting>': <flag> in the … file … turns on …": the setting says where and why, not a sentence in quotes
                    file.Permissions.Add((flag.Assistant, new PermissionUse(flag.Ceiling, "line " + flag.Line + " (Guardrails does not know how this file runs it, so the flag counts wherever it is committed)", flag.Flag, flag.Line, flag.Column)));
                    if (!precise.Exists(p => p.Assistants.Exists(a => a.Assistant == flag.Assistant)) && !file.Assistants.Exists(a => a.Assistant == flag.Assistant))
                    {
                        file.Assistants.Add((flag.Assistant, CommittedFlagSetting + "'" + flag.Flag + "' " + where, flag.Line, flag.Column));
                    }
                }

                if (file.Permissions.Count > 0)
                {
                    files.Add(file);
                }
            }

            return files;
        }

        /// <summary>Adds the committed files with a permission flag to <paramref name="files"/> (editing one re-runs an incremental build's check).</summary>
        private static void AddCommittedFlagInputs(List<string> files, string? repositoryRoot)
        {
            foreach (string relative in FlagCandidates(repositoryRoot))
            {
                string full = Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
                if (FlagsIn(full).Count > 0 && !files.Contains(full))
                {
                    files.Add(full);
                }
            }
        }

        /// <summary>The tracked files the pass searches (see the class remarks for what is left out), '/' separated, sorted.</summary>
        private static List<string> FlagCandidates(string? repositoryRoot)
        {
            var files = new List<string>();
            HashSet<string>? tracked = repositoryRoot == null ? null : GitIndex.TryReadTrackedPaths(repositoryRoot);
            if (tracked == null)
            {
                return files;
            }

            HashSet<string>? executables = null;
            foreach (string relative in tracked)
            {
                string[] segments = relative.Split('/');
                string name = segments[segments.Length - 1];
                if (ProgramSourceExtensions.Contains(Path.GetExtension(name)) &&
                    !(executables ??= GitIndex.TryReadExecutables(repositoryRoot!) ?? new HashSet<string>(StringComparer.Ordinal)).Contains(relative))
                {
                    continue;
                }

                if (name.Length == 0 || GitIndex.UnderGeneratedFolder(segments) || ProseExtensions.Contains(Path.GetExtension(name)) || Feeds.Contains(name) ||
                    LockFiles.Contains(name) || name.EndsWith(".lock", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                files.Add(relative);
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>The permission flags committed in the file at <paramref name="fullPath"/>, read once per build node and stamp.</summary>
        internal static List<CommittedFlag> FlagsIn(string fullPath) => FlagsOnce.GetOrMake(fullPath, () => ReadFlags(fullPath));

        private static List<CommittedFlag> ReadFlags(string fullPath)
        {
            var none = new List<CommittedFlag>(0);
            byte[] buffer = _buffer ??= new byte[MaxFileBytes];
            int length;
            try
            {
                using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan))
                {
                    if (stream.Length > MaxFileBytes)
                    {
                        // Review, session 17: padding a file past the cached buffer must not hide its flag (a Gitea workflow of
                        // 1.1 MB read by no other reader). Larger files are read whole into their own array, up to the key
                        // scan's limit, beyond which the scan reports the file as not scannable (GRD312).
                        if (stream.Length > Guardrails.Core.Files.TextFileSecrets.StreamMaxBytes)
                        {
                            return none;
                        }

                        buffer = new byte[stream.Length];
                    }

                    length = 0;
                    int n;
                    while (length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0)
                    {
                        length += n;
                    }
                }
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e) || e is ArgumentException || e is NotSupportedException)
            {
                return none; // gone, a folder, unreadable: the precise readers report what they must read
            }

            if (Array.IndexOf(buffer, (byte)0, 0, Math.Min(length, 8192)) >= 0 || !MightHoldFlag(buffer, length))
            {
                return none;
            }

            string text;
            try
            {
                int bom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                text = Encoding.UTF8.GetString(buffer, bom, length - bom);
            }
            catch (ArgumentException)
            {
                return none;
            }

            return FlagsInText(text, IsUnitTestFile(Path.GetFileName(fullPath)));
        }

        /// <summary>
        /// A unit test by its name (<c>*.test.*</c>, <c>*.spec.*</c>, <c>*_test.*</c>, <c>*Tests.cs</c>, <c>test_*.py</c>): its strings are
        /// mostly data for the code under test (an argument parser's <c>'--add-dir "/path/to/dir-a"'</c>), so a flag there counts
        /// only after an assistant's program or package (<c>execFileSync("claude", [… FLAG])</c> still counts).
        /// </summary>
        private static bool IsUnitTestFile(string name) =>
            name.IndexOf(".test.", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf(".spec.", StringComparison.OrdinalIgnoreCase) >= 0 ||
            name.IndexOf("_test.", StringComparison.OrdinalIgnoreCase) >= 0 || name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal) ||
            (name.StartsWith("test_", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".py", StringComparison.OrdinalIgnoreCase));

        /// <summary>The byte prefilter: one of <see cref="Needles"/>, or " -y" with gemini or qwen.</summary>
        private static bool MightHoldFlag(byte[] bytes, int length)
        {
            foreach (byte[] needle in Needles)
            {
                if (IndexOf(bytes, length, needle) >= 0)
                {
                    return true;
                }
            }

            return IndexOf(bytes, length, YesNeedles[0]) >= 0 && (IndexOf(bytes, length, YesNeedles[1]) >= 0 || IndexOf(bytes, length, YesNeedles[2]) >= 0);
        }

        private static int IndexOf(byte[] bytes, int length, byte[] needle)
        {
            byte first = needle[0];
            int last = length - needle.Length;
            for (int i = Array.IndexOf(bytes, first, 0, Math.Max(0, last + 1)); i >= 0 && i <= last; i = i + 1 > last ? -1 : Array.IndexOf(bytes, first, i + 1, last - i))
            {
                int k = 1;
                while (k < needle.Length && bytes[i + k] == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

        /// <summary>The permission flags of <paramref name="text"/>, line by line (comment lines left out), each at its line and column.</summary>
        internal static List<CommittedFlag> FlagsInText(string text, bool namedOnly = false)
        {
            var found = new List<CommittedFlag>();
            var carried = new List<string>(); // the words of the lines this one continues (\, ^, `)
            int lineNumber = 0;
            int start = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                lineNumber++;
                string line = text.Substring(start, end - start).TrimEnd('\r');
                start = end + 1;
                string trimmed = line.TrimStart();
                if (IsCommentLine(trimmed))
                {
                    carried.Clear();
                    continue;
                }

                string body = trimmed.TrimEnd();
                bool continues = body.EndsWith("\\", StringComparison.Ordinal) || body.EndsWith("^", StringComparison.Ordinal) || body.EndsWith("`", StringComparison.Ordinal);
                if (HasLineNeedle(line))
                {
                    List<string> own = FlagWords(line);
                    var words = new List<string>(carried.Count + own.Count);
                    words.AddRange(carried);
                    words.AddRange(own);
                    FlagsOfLine(found, line, lineNumber, words, namedOnly);
                }

                if (continues)
                {
                    carried.AddRange(FlagWords(line));
                }
                else
                {
                    carried.Clear();
                }
            }

            return found;
        }

        private static bool HasLineNeedle(string line)
        {
            foreach (string needle in LineNeedles)
            {
                if (line.IndexOf(needle, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return line.IndexOf("-y", StringComparison.Ordinal) >= 0;
        }

        /// <summary>A line that is a comment in the languages committed files are written in.</summary>
        private static bool IsCommentLine(string trimmed) =>
            trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal) ||
            trimmed.StartsWith("*", StringComparison.Ordinal) || trimmed.StartsWith("<!--", StringComparison.Ordinal) || trimmed.StartsWith("::", StringComparison.Ordinal) ||
            trimmed == "--" || trimmed.StartsWith("-- ", StringComparison.Ordinal) || trimmed.StartsWith("--\t", StringComparison.Ordinal) ||
            (trimmed.Length >= 3 && string.Compare(trimmed, 0, "REM", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && (trimmed.Length == 3 || char.IsWhiteSpace(trimmed[3])));

        /// <summary>The word <see cref="FlagWords"/> puts where a shell command ends (<c>;</c>, <c>|</c>, <c>&amp;</c>).</summary>
        private const string CommandEnd = "\0";

        /// <summary>
        /// A line's words for the flag search: split at blanks, quotes, brackets, commas and shell operators (<see cref="CommandEnd"/>); <c>NAME=--flag</c>
        /// (<c>make ARGS=--flag</c>) gives the flag; a trailing written <c>\n</c> (a string literal's) is dropped.
        /// </summary>
        private static List<string> FlagWords(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            foreach (char ch in line)
            {
                if (ch == ';' || ch == '|' || ch == '&')
                {
                    AddFlagWord(words, word);
                    if (words.Count == 0 || words[words.Count - 1] != CommandEnd)
                    {
                        words.Add(CommandEnd); // a shell command ends: an assistant's flags stop here (`npm i -g @google/gemini-cli && apt-get purge -y`)
                    }
                }
                else if (char.IsWhiteSpace(ch) || ch == '"' || ch == '\'' || ch == '`' || ch == ',' || ch == '[' || ch == ']' || ch == '(' || ch == ')' ||
                    ch == '{' || ch == '}' || ch == '<' || ch == '>')
                {
                    AddFlagWord(words, word);
                }
                else
                {
                    word.Append(ch);
                }
            }

            AddFlagWord(words, word);
            return words;
        }

        private static void AddFlagWord(List<string> words, StringBuilder word)
        {
            if (word.Length == 0)
            {
                return;
            }

            string w = word.ToString();
            word.Clear();
            while (w.EndsWith("\\n", StringComparison.Ordinal) || w.EndsWith("\\t", StringComparison.Ordinal))
            {
                w = w.Substring(0, w.Length - 2);
            }

            int eq = w.IndexOf("=-", StringComparison.Ordinal);
            if (eq > 0 && !w.StartsWith("-", StringComparison.Ordinal))
            {
                w = w.Substring(eq + 1); // ARGS=--dangerously-skip-permissions
            }

            if (w.Length > 0)
            {
                words.Add(w);
            }
        }

        /// <summary>The flags of one line: after each assistant word, the words up to the next one; then each one-assistant flag on its own.</summary>
        private static void FlagsOfLine(List<CommittedFlag> found, string line, int lineNumber, List<string> words, bool namedOnly)
        {
            var seen = new List<(string Assistant, string Ceiling)>();
            int previous = -1;
            string? previousAssistant = null;
            for (int i = 0; i <= words.Count; i++)
            {
                bool end = i < words.Count && words[i] == CommandEnd;
                string? assistant = i < words.Count && !end ? AssistantWord(words[i]) : null;
                if (assistant == null && i < words.Count && !end)
                {
                    continue;
                }

                if (previousAssistant != null)
                {
                    AddFlag(found, seen, line, lineNumber, previousAssistant, words.GetRange(previous, i - previous));
                }

                previous = i;
                previousAssistant = assistant;
            }

            for (int i = 0; i < words.Count && !namedOnly; i++)
            {
                string w = words[i];
                int eq = w.IndexOf('=');
                string name = eq > 0 && w.StartsWith("--", StringComparison.Ordinal) ? w.Substring(0, eq) : w;
                if (OneAssistantFlags.TryGetValue(name, out string? owner))
                {
                    var own = new List<string> { owner, w };
                    if (eq < 0 && i + 1 < words.Count)
                    {
                        own.Add(words[i + 1]);
                    }

                    AddFlag(found, seen, line, lineNumber, owner, own);
                }
            }
        }

        private static void AddFlag(List<CommittedFlag> found, List<(string, string)> seen, string line, int lineNumber, string assistant, List<string> words)
        {
            string? ceiling = PermissionSettings.ClassifyFlags(assistant, words, out string flag);
            if (ceiling == null || seen.Contains((assistant, ceiling)))
            {
                return;
            }

            string name = flag.Split(' ')[0];
            int at = line.IndexOf(name, StringComparison.Ordinal);
            if (at < 0)
            {
                return; // on a line this one continues: reported there
            }

            seen.Add((assistant, ceiling));
            found.Add(new CommittedFlag(lineNumber, at + 1, assistant, ceiling, flag));
        }

        /// <summary>The assistant a word names as its program (<c>claude</c>, <c>/usr/bin/gemini</c>) or package (<c>@google/gemini-cli@latest</c>).</summary>
        private static string? AssistantWord(string word)
        {
            if (word.StartsWith("-", StringComparison.Ordinal))
            {
                return null;
            }

            if (Clis.TryGetValue(ServerCommand.ExecutableName(word), out string? id))
            {
                return id;
            }

            return Packages.TryGetValue("pkg:npm/" + WithoutVersion(word, scoped: true), out id) ||
                   Packages.TryGetValue(Guardrails.Core.Sdks.PackageEcosystem.PackageUrl(Guardrails.Core.Sdks.PackageEcosystem.PyPI, WithoutVersion(word, scoped: false).Split('=', '[')[0]), out id)
                ? id
                : null;
        }
    }
}
