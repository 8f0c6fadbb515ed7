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
    /// of the launcher that hold it.
    /// </summary>
    public static partial class Launchers
    {
        private static readonly Regex HeredocStart = new Regex(@"<<-?\s*(?<q>['""]?)(?<delim>[A-Za-z_][A-Za-z0-9_]*)\k<q>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex WrittenPath = new Regex(@"(?:(?<![<>&0-9])>>?|\btee\s+(?:-a\s+)?)\s*(?<q>['""]?)(?<path>[^\s'""<>;&|]+)\k<q>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex EchoWrite = new Regex(@"\b(?:echo|printf)\s+(?:-[neE]+\s+)?(?<q>['""])(?<body>\{.*\})\k<q>\s*>>?\s*(?<pq>['""]?)(?<path>[^\s'""<>;&|]+)\k<pq>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

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
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i];
                Match h = HeredocStart.Match(l);
                if (h.Success && WrittenPath.Match(l) is Match p && p.Success)
                {
                    string delim = h.Groups["delim"].Value;
                    var body = new System.Text.StringBuilder();
                    int j = i + 1;
                    for (; j < lines.Length && lines[j].Trim() != delim; j++)
                    {
                        body.Append(lines[j]).Append('\n');
                    }

                    ReadWrittenFile(file, p.Groups["path"].Value, body.ToString(), firstLine + i + 1);
                    i = j;
                    continue;
                }

                if (!heredocsOnly && EchoWrite.Match(l) is Match e && e.Success)
                {
                    ReadWrittenFile(file, e.Groups["path"].Value, e.Groups["body"].Value, firstLine + i);
                }
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
