using System;
using System.Collections.Generic;
using System.IO;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Assistant configuration inside files that belong to another tool (adversary round 7 route 7): a dev container's
    /// <c>customizations.vscode</c> (VS Code starts the MCP servers of its <c>mcp</c> and applies its <c>settings</c>, the chat
    /// agent's auto-approval among them, in the container: GitHub Copilot's), and Amp's dotted <c>amp.*</c> settings
    /// (<c>amp.mcpServers</c>, <c>amp.dangerouslyAllowAll</c>) in VS Code's settings, a workspace file or a dev container.
    /// Each is read as its own assistant's hit (<see cref="FootprintHit.Section"/>, <see cref="FootprintHit.OnlyKeysOf"/>),
    /// so its servers and permissions are judged for that assistant and an undeclared one is GRD130. A file that does not
    /// parse is its own tool's error, not reported here. Read at each folder of the walk.
    /// </summary>
    public static class EmbeddedFootprints
    {
        private static readonly string[] DevContainerVsCode = { "customizations", "vscode" };
        private static readonly string[] DevContainerSettings = { "customizations", "vscode", "settings" };
        private static readonly string[] WorkspaceSettings = { "settings" };

        /// <summary>The embedded configurations at <paramref name="levels"/> that configure an MCP server or a permission.</summary>
        public static List<FootprintContent> Find(IEnumerable<string> levels)
        {
            var found = new List<FootprintContent>();
            foreach (string level in levels)
            {
                foreach (string relative in Candidates(level))
                {
                    string full = Path.Combine(level, relative.Replace('/', Path.DirectorySeparatorChar));
                    string name = Path.GetFileName(relative);
                    if (name == "devcontainer.json" || name == ".devcontainer.json")
                    {
                        Add(found, Hit(full, level, relative, GitHubCopilot, DevContainerVsCode, null));
                        Add(found, Hit(full, level, relative, Amp, DevContainerSettings, "amp."));
                    }
                    else
                    {
                        Add(found, Hit(full, level, relative, Amp, relative.EndsWith(".code-workspace", StringComparison.OrdinalIgnoreCase) ? WorkspaceSettings : null, "amp."));
                    }
                }
            }

            return found;
        }

        /// <summary>The files <see cref="Find"/> reads at <paramref name="levels"/>, so that editing one re-runs an incremental build's check.</summary>
        public static List<string> InputFiles(IEnumerable<string> levels)
        {
            var files = new List<string>();
            foreach (string level in levels)
            {
                foreach (string relative in Candidates(level))
                {
                    files.Add(Path.Combine(level, relative.Replace('/', Path.DirectorySeparatorChar)));
                }
            }

            return files;
        }

        private static void Add(List<FootprintContent> found, FootprintHit hit)
        {
            FootprintContent content = AssistantFileReader.Read(hit);
            if (content.Problem != null)
            {
                return;
            }

            // Copilot's part of a dev container counts with MCP servers or the chat agent's auto-approval (as VS Code's own
            // settings.json does); Amp's with any of its servers or permissions.
            content.Permissions.RemoveAll(p => hit.OnlyKeysOf == null && !PermissionSettings.IsVsCodeChatSetting(p.Setting));
            content.Models.Clear();
            content.Endpoints.Clear();
            if (content.Servers.Count == 0 && content.Permissions.Count == 0)
            {
                return;
            }

            PositionedItem first = content.Servers.Count > 0 ? content.Servers[0] : content.Permissions[0];
            string setting = content.Servers.Count > 0 ? "MCP server '" + content.Servers[0].Name + "'" : "'" + content.Permissions[0].Setting + "'";
            hit.Launches = new List<(string, string, int, int)> { (hit.Assistants[0], setting, first.Line, first.Column) };
            found.Add(content);
        }

        private static FootprintHit Hit(string full, string level, string relative, string assistant, string[]? section, string? onlyKeysOf) =>
            new FootprintHit(full, level, relative, false, FootprintKind.McpConfig, FootprintFormat.Json, new[] { assistant }, relative, false)
            {
                NamedInContent = true,
                Section = section,
                OnlyKeysOf = onlyKeysOf,
            };

        /// <summary>
        /// The settings files at <paramref name="level"/> that hold other tools' settings for the assistants: the dev
        /// containers' <c>devcontainer.json</c> (also one folder down), <c>.vscode/settings.json</c> and the
        /// <c>*.code-workspace</c> files. Read here for embedded footprints and by <see cref="AssistantEnvironment"/> for
        /// the environment they give an assistant: one list of where those files are.
        /// </summary>
        internal static IEnumerable<string> Candidates(string level)
        {
            foreach (string name in new[] { ".devcontainer/devcontainer.json", ".devcontainer.json", ".vscode/settings.json" })
            {
                if (File.Exists(Path.Combine(level, name.Replace('/', Path.DirectorySeparatorChar))))
                {
                    yield return name;
                }
            }

            string[] subfolders = Array.Empty<string>();
            string[] workspaces = Array.Empty<string>();
            try
            {
                string devcontainer = Path.Combine(level, ".devcontainer");
                if (Directory.Exists(devcontainer))
                {
                    subfolders = Directory.GetDirectories(devcontainer);
                }

                workspaces = Directory.GetFiles(level, "*.code-workspace");
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                // an unreadable folder is reported by discovery
            }

            Array.Sort(subfolders, StringComparer.Ordinal);
            foreach (string sub in subfolders)
            {
                if (File.Exists(Path.Combine(sub, "devcontainer.json")))
                {
                    yield return ".devcontainer/" + Path.GetFileName(sub) + "/devcontainer.json";
                }
            }

            Array.Sort(workspaces, StringComparer.Ordinal);
            foreach (string w in workspaces)
            {
                yield return Path.GetFileName(w);
            }
        }
    }
}
