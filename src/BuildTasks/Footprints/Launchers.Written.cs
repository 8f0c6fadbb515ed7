using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// A footprint file a launcher writes before it runs the assistant (adversary round 13 route 6): <c>cat &gt; .mcp.json
    /// &lt;&lt;'EOF'</c> … <c>EOF</c>, <c>tee .claude/settings.json &lt;&lt;EOF</c>, <c>echo '{…}' &gt; .mcp.json</c>. The written JSON is
    /// read as the catalog reads that file (its MCP servers: GRD132; its permissions and models: GRD134, GRD133), at the lines
    /// of the launcher that hold it. A here-document's body is data, not commands: the command-line reader leaves it out
    /// (<see cref="WithoutHeredocBodies"/>), unless it is given to a shell (<c>bash &lt;&lt;EOF</c>), whose commands it is.
    /// </summary>
    public static partial class Launchers
    {
        private static readonly Regex HeredocStart = new Regex(@"(?<![<0-9])<<-?[ \t]*(?<q>['""]?)(?<delim>[A-Za-z_][A-Za-z0-9_]*)\k<q>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex WrittenPath = new Regex(@"(?:(?<![<>&0-9])>>?|\btee\s+(?:-a\s+)?)\s*(?<q>['""]?)(?<path>[^\s'""<>;&|]+)\k<q>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex EchoWrite = new Regex(@"\b(?:echo|printf)\s+(?:-[neE]+\s+)?(?<q>['""])(?<body>\{.*\})\k<q>\s*>>?\s*(?<pq>['""]?)(?<path>[^\s'""<>;&|]+)\k<pq>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>Programs whose standard input is a script they run: a here-document given to one is commands.</summary>
        private static readonly string[] Shells = { "sh", "bash", "zsh", "dash", "ksh", "ash", "fish", "pwsh" };

        /// <summary>
        /// The here-documents of <paramref name="lines"/>: the index of the line that opens each, of its first body line and of
        /// its closing delimiter line (the end of the text when it has none), and whether a shell reads it as commands.
        /// </summary>
        private static List<(int Start, int Body, int End, bool Commands)> Heredocs(string[] lines)
        {
            var found = new List<(int, int, int, bool)>();
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i];
                if (l.IndexOf("<<", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                Match h;
                try
                {
                    h = HeredocStart.Match(l);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }

                if (!h.Success)
                {
                    continue;
                }

                string delim = h.Groups["delim"].Value;
                int j = i + 1;
                while (j < lines.Length && lines[j].Trim() != delim)
                {
                    j++;
                }

                found.Add((i, i + 1, j, FeedsShell(l.Substring(0, h.Index), l.Substring(h.Index + h.Length))));
                i = j;
            }

            return found;
        }

        /// <summary>
        /// Whether a here-document is a shell's input: the simple command before its <c>&lt;&lt;</c> is a shell (<c>bash
        /// &lt;&lt;'EOF'</c>, <c>sudo sh -s &lt;&lt;EOF</c>), or the rest of its line runs one (<c>cat &lt;&lt;EOF | bash</c>).
        /// </summary>
        private static bool FeedsShell(string before, string after)
        {
            List<List<string>> commands = SimpleCommands(before, 0);
            if (commands.Count > 0 && Array.IndexOf(Shells, ServerCommand.ExecutableName(commands[commands.Count - 1][0])) >= 0)
            {
                return true;
            }

            foreach (List<string> command in SimpleCommands(after, 0))
            {
                if (Array.IndexOf(Shells, ServerCommand.ExecutableName(command[0])) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <paramref name="text"/> with the body and closing line of each here-document that is data replaced by empty lines (the
        /// lines keep their numbers): a JSON or prose body is no command (it had been read as an MCP server named by the block).
        /// </summary>
        private static string WithoutHeredocBodies(string text)
        {
            if (text.IndexOf("<<", StringComparison.Ordinal) < 0 || text.IndexOf('\n') < 0)
            {
                return text;
            }

            string[] lines = text.Split('\n');
            bool changed = false;
            foreach ((int _, int body, int end, bool commands) in Heredocs(lines))
            {
                for (int k = body; !commands && k <= end && k < lines.Length; k++)
                {
                    lines[k] = string.Empty;
                    changed = true;
                }
            }

            return changed ? string.Join("\n", lines) : text;
        }

        /// <summary>The line numbers (1-based) of the here-document bodies of a script that are data, which its line reader leaves out.</summary>
        private static HashSet<int> HeredocDataLines(string text)
        {
            var skipped = new HashSet<int>();
            if (text.IndexOf("<<", StringComparison.Ordinal) < 0)
            {
                return skipped;
            }

            foreach ((int _, int body, int end, bool commands) in Heredocs(text.Split('\n')))
            {
                for (int k = body; !commands && k <= end; k++)
                {
                    skipped.Add(k + 1);
                }
            }

            return skipped;
        }

        /// <summary>
        /// The footprint files <paramref name="text"/> writes; <paramref name="firstLine"/> is the file's line of its first
        /// line. <paramref name="heredocsOnly"/>: a script read whole here and a line at a time elsewhere (the echo form is
        /// found on the single line).
        /// </summary>
        private static void ReadWrittenFootprints(LauncherFile file, string text, int firstLine, bool heredocsOnly)
        {
            if (text.IndexOf(".json", StringComparison.Ordinal) < 0)
            {
                return;
            }

            string[] lines = text.Split('\n');
            try
            {
                foreach ((int start, int body, int end, bool _) in Heredocs(lines))
                {
                    if (WrittenPath.Match(lines[start]) is Match p && p.Success)
                    {
                        string written = string.Join("\n", lines, body, Math.Max(0, Math.Min(end, lines.Length) - body));
                        ReadWrittenFile(file, p.Groups["path"].Value, written, firstLine + body);
                    }
                }

                for (int i = 0; i < lines.Length && !heredocsOnly; i++)
                {
                    if (EchoWrite.Match(lines[i]) is Match e && e.Success)
                    {
                        ReadWrittenFile(file, e.Groups["path"].Value, e.Groups["body"].Value, firstLine + i);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // a line too long for the patterns' time limit: what it writes is not read
            }
        }

        /// <summary>One written file: judged when its path is a JSON footprint of the catalog (relative to the launcher's folder).</summary>
        private static void ReadWrittenFile(LauncherFile file, string path, string json, int line)
        {
            string relative = path.Replace('\\', '/');
            while (relative.StartsWith("./", StringComparison.Ordinal))
            {
                relative = relative.Substring(2);
            }

            if (!relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            string[] segments = relative.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var assistants = new List<string>();
            FootprintKind? kind = null;
            foreach (FootprintEntry entry in FootprintCatalog.All)
            {
                if (entry.ContentMarkers == null && (entry.Kind == FootprintKind.McpConfig || entry.Kind == FootprintKind.Settings || entry.Kind == FootprintKind.PersonalFile) && entry.Pattern.MatchesFile(segments))
                {
                    kind ??= entry.Kind;
                    if (!assistants.Contains(entry.AssistantId))
                    {
                        assistants.Add(entry.AssistantId);
                    }
                }
            }

            // The JSON's own lines are the launcher's: line 1 of the body is the file's line <paramref name="line"/>.
            JsonNode? root = kind == null ? null : JsonReader.TryParse(new string('\n', Math.Max(0, line - 1)) + json, out _);
            if (root == null || root.Kind != JsonKind.Object)
            {
                return;
            }

            var hit = new FootprintHit(file.FullPath, file.Level, file.RelativePath, false, kind!.Value, FootprintFormat.Json, assistants, file.RelativePath, false);
            var content = new FootprintContent(hit);
            AssistantFileReader.InterpretTree(content, root);
            file.Servers.AddRange(content.Servers);
            foreach (string assistant in assistants)
            {
                foreach (PermissionUse permission in content.Permissions)
                {
                    file.Permissions.Add((assistant, permission));
                }

                foreach (ModelUse model in content.Models)
                {
                    file.Models.Add((assistant, model));
                }
            }
        }
    }
}
