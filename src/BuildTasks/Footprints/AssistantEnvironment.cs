using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>One assistant environment variable set by another tool's committed file, at its line and column.</summary>
    public sealed class EnvironmentSetting
    {
        public EnvironmentSetting(string level, string relativePath, string section, JsonProperty property, string assistant)
        {
            Level = level;
            RelativePath = relativePath;
            Section = section;
            Property = property;
            Assistant = assistant;
        }

        /// <summary>The folder of the walk the file is in (its workspace: <c>${containerWorkspaceFolder}</c>, <c>$PWD</c>, …).</summary>
        public string Level { get; }

        /// <summary>The file, relative to <see cref="Level"/>, '/' separators.</summary>
        public string RelativePath { get; }

        /// <summary>Where in the file the variable is set (<c>containerEnv</c>, <c>terminal.integrated.env.linux</c>, <c>env</c>; empty for <c>.envrc</c>).</summary>
        public string Section { get; }

        /// <summary>The variable's name and value, with the value's position.</summary>
        public JsonProperty Property { get; }

        /// <summary>The assistant that reads the variable (<see cref="OwnerOf"/>).</summary>
        public string Assistant { get; }

        public string Name => Property.Name;

        public string Value => Property.Value.Text ?? string.Empty;
    }

    /// <summary>
    /// The assistants' environment variables as other tools deliver them (adversary round 9 route 11): a dev container's
    /// <c>containerEnv</c>/<c>remoteEnv</c> and <c>runArgs</c> (<c>--env NAME=value</c>), VS Code's <c>terminal.integrated.env.linux|osx|windows</c> and the Claude Code
    /// extension's <c>claudeCode.environmentVariables</c> (a list of <c>{ name, value }</c>) in <c>.vscode/settings.json</c>, a
    /// <c>*.code-workspace</c>'s <c>settings</c> and a dev container's <c>customizations.vscode.settings</c>, direnv's <c>.envrc</c>
    /// (<c>export NAME=value</c>) and mise's <c>[env]</c> (<c>mise.toml</c>, <c>.mise.toml</c>, <c>.config/mise.toml</c>,
    /// <c>.config/mise/config.toml</c>). One reader, each source only turned into name/value pairs here: the pairs an
    /// assistant reads (<see cref="OwnerOf"/>: <c>ANTHROPIC_*</c>, <c>CLAUDE_CODE_*</c> and <c>CLAUDE_CONFIG_DIR</c> are Claude
    /// Code's; <c>CODEX_*</c>, <c>OPENAI_BASE_URL</c> Codex's; <c>GEMINI_*</c>, <c>GOOGLE_GEMINI_BASE_URL</c> Gemini's) are
    /// judged by the one interpreter that judges <c>.claude/settings.json</c>'s <c>env</c> (<see cref="AssistantFileReader"/>:
    /// models GRD133, endpoints GRD138, permissions GRD134). <c>CLAUDE_CONFIG_DIR</c> and <c>CODEX_HOME</c> naming a folder of
    /// the workspace make that folder the assistant's <c>.claude/</c> or <c>.codex/</c> (<see cref="RelocatedFolders"/>).
    /// Variables every program reads (proxies, <c>AWS_ENDPOINT_URL</c>) are not taken from these files: they configure the
    /// application as much as an assistant. A file that does not parse is its own tool's error and is left alone.
    /// </summary>
    public static partial class AssistantEnvironment
    {
        private static readonly string[] DevContainerSections = { "containerEnv", "remoteEnv" };
        private static readonly string[] TerminalSections = { "terminal.integrated.env.linux", "terminal.integrated.env.osx", "terminal.integrated.env.windows" };
        private static readonly string[] MiseFiles = { "mise.toml", ".mise.toml", ".config/mise.toml", ".config/mise/config.toml" };

        /// <summary>The assistant that reads <paramref name="name"/> from its environment, or null for a variable of every program.</summary>
        public static string? OwnerOf(string name)
        {
            string n = name.Trim().ToUpperInvariant();
            if (n.StartsWith("ANTHROPIC_", StringComparison.Ordinal) || n.StartsWith("CLAUDE_CODE_", StringComparison.Ordinal) || n == "CLAUDE_CONFIG_DIR")
            {
                return ClaudeCode;
            }

            if (n.StartsWith("CODEX_", StringComparison.Ordinal) || n == "OPENAI_BASE_URL" || n == "OPENAI_API_BASE")
            {
                return OpenAiCodex;
            }

            if (n.StartsWith("GEMINI_", StringComparison.Ordinal) || n.StartsWith("GOOGLE_GEMINI_", StringComparison.Ordinal))
            {
                return Gemini;
            }

            if (n == "COPILOT_MODEL")
            {
                return GitHubCopilot; // Copilot CLI's model (adversary round 13 route 4)
            }

            if (n == "COPILOT_ALLOW_ALL")
            {
                return GitHubCopilot; // Copilot CLI's --allow-all-tools as a variable (adversary round 13 route 8)
            }

            return null;
        }

        /// <summary>The files at <paramref name="level"/> that can set an assistant's environment (for incremental builds' inputs).</summary>
        public static List<string> SourceFiles(string level)
        {
            var files = new List<string>();
            foreach (string relative in Candidates(level))
            {
                files.Add(Full(level, relative));
            }

            return files;
        }

        /// <summary>Every assistant environment variable the files at <paramref name="level"/> set.</summary>
        public static List<EnvironmentSetting> Read(string level)
        {
            var found = new List<EnvironmentSetting>();
            foreach (string relative in Candidates(level))
            {
                string name = Path.GetFileName(relative);
                string? text = SourceFile.TryReadText(Full(level, relative), RuleCatalog.UnreadableAssistantFile, "The file", out Finding? _);
                if (text == null)
                {
                    continue;
                }

                if (name == ".envrc")
                {
                    ReadEnvrc(level, relative, text, found);
                    continue;
                }

                if (ReadDevEnvironment(level, relative, text, found))
                {
                    continue; // devbox, Nix shells, pixi, Gitpod (adversary round 13 route 17)
                }

                JsonNode? root = name.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? TomlReader.TryParse(text, out _) : JsonReader.TryParse(text, out _);
                if (root == null || root.Kind != JsonKind.Object)
                {
                    continue;
                }

                if (name.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
                {
                    AddObject(level, relative, "env", root["env"], found);
                }
                else if (name == "settings.json")
                {
                    AddVsCodeSettings(level, relative, string.Empty, root, found);
                }
                else if (name.EndsWith(".code-workspace", StringComparison.OrdinalIgnoreCase))
                {
                    AddVsCodeSettings(level, relative, "settings.", root["settings"], found);
                }
                else
                {
                    foreach (string section in DevContainerSections)
                    {
                        AddObject(level, relative, section, root[section], found);
                    }

                    AddRunArgs(level, relative, root["runArgs"], found);

                    // The VS Code settings the dev container applies in the container (customizations.vscode.settings).
                    AddVsCodeSettings(level, relative, "customizations.vscode.settings.", root["customizations"]?["vscode"]?["settings"], found);
                }
            }

            return found;
        }

        /// <summary>
        /// The folder a <c>CLAUDE_CONFIG_DIR</c>/<c>CODEX_HOME</c> value names, when it is inside <paramref name="setting"/>'s
        /// workspace: the workspace variables of its tool (<c>${containerWorkspaceFolder}</c>, <c>${localWorkspaceFolder}</c>,
        /// <c>${workspaceFolder}</c>, <c>$PWD</c>, <c>{{config_root}}</c>) and a relative path are the file's folder of the walk.
        /// Null for a folder outside it (the developer's own, <c>~/.claude</c>) or behind another variable.
        /// </summary>
        public static string? FolderInWorkspace(EnvironmentSetting setting)
        {
            string v = setting.Value.Trim().Trim('"', '\'');
            foreach (string variable in new[]
            {
                "${containerWorkspaceFolder}", "${localWorkspaceFolder}", "${workspaceFolder}", "${workspaceRoot}", "${PWD}", "$PWD", "$(pwd)", "{{config_root}}", "{{ config_root }}",
            })
            {
                if (v.StartsWith(variable, StringComparison.Ordinal))
                {
                    v = "." + v.Substring(variable.Length);
                    break;
                }
            }

            if (v.Length == 0 || v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("~", StringComparison.Ordinal) || CredentialValues.HasVariable(v) || v.IndexOf("{{", StringComparison.Ordinal) >= 0 || (v.Length > 1 && v[1] == ':'))
            {
                return null;
            }

            try
            {
                string level = FootprintDiscovery.Normalize(setting.Level);
                string full = FootprintDiscovery.Normalize(Path.Combine(level, v.Replace('/', Path.DirectorySeparatorChar).Replace('\\', Path.DirectorySeparatorChar)));
                return full.StartsWith(level + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Directory.Exists(full) ? full : null;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        /// <summary>
        /// The models, endpoints and permissions the settings give each assistant that <paramref name="isDeclared"/> says the
        /// repository declares, as the content of that assistant's file (the source file, read for that assistant only). An
        /// undeclared assistant's variables are left alone: an <c>ANTHROPIC_BASE_URL</c> in a dev container may be the
        /// application's own SDK setting, and the assistant itself is GRD130's question where it leaves files.
        /// </summary>
        public static List<FootprintContent> Contents(IReadOnlyList<EnvironmentSetting> settings, Func<string, bool> isDeclared)
        {
            var contents = new List<FootprintContent>();
            var groups = new Dictionary<string, List<EnvironmentSetting>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (EnvironmentSetting s in settings)
            {
                if (!isDeclared(s.Assistant))
                {
                    continue;
                }

                string key = s.Level + "|" + s.RelativePath + "|" + s.Assistant;
                if (!groups.TryGetValue(key, out List<EnvironmentSetting>? list))
                {
                    groups[key] = list = new List<EnvironmentSetting>();
                    order.Add(key);
                }

                list.Add(s);
            }

            foreach (string key in order)
            {
                List<EnvironmentSetting> group = groups[key];
                EnvironmentSetting first = group[0];
                var hit = new FootprintHit(Full(first.Level, first.RelativePath), first.Level, first.RelativePath, false, FootprintKind.Settings, FootprintFormat.Json, new[] { first.Assistant }, first.RelativePath, false)
                {
                    NamedInContent = true, // another tool's file: its keys are the key scan's (GRD002)
                };

                // { "<section>": { NAME: value, … }, … } (an .envrc's variables at the top): the setting paths of the findings.
                var top = new List<JsonProperty>();
                var sections = new Dictionary<string, List<JsonProperty>>(StringComparer.Ordinal);
                foreach (EnvironmentSetting s in group)
                {
                    if (s.Section.Length == 0)
                    {
                        top.Add(s.Property);
                        continue;
                    }

                    if (!sections.TryGetValue(s.Section, out List<JsonProperty>? members))
                    {
                        sections[s.Section] = members = new List<JsonProperty>();
                        top.Add(new JsonProperty(s.Section, s.Property.NameStart, new JsonNode(JsonKind.Object, s.Property.NameStart, s.Property.NameStart, null, members, null)));
                    }

                    members.Add(s.Property);
                }

                var content = new FootprintContent(hit);
                AssistantFileReader.InterpretTree(content, new JsonNode(JsonKind.Object, first.Property.NameStart, first.Property.NameStart, null, top, null));
                content.Servers.Clear();
                content.Credentials.Clear();
                if (content.Models.Count + content.Endpoints.Count + content.Permissions.Count > 0)
                {
                    contents.Add(content);
                }
            }

            return contents;
        }

        /// <summary>VS Code's terminal environment and the Claude Code extension's in a settings object (<paramref name="prefix"/> names where it is).</summary>
        private static void AddVsCodeSettings(string level, string relative, string prefix, JsonNode? settings, List<EnvironmentSetting> found)
        {
            if (settings == null || settings.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (string section in TerminalSections)
            {
                AddObject(level, relative, prefix + section, settings[section], found);
            }

            AddNameValueList(level, relative, prefix + "claudeCode.environmentVariables", settings["claudeCode.environmentVariables"], found);
        }

        private static void AddObject(string level, string relative, string section, JsonNode? bag, List<EnvironmentSetting> found)
        {
            if (bag == null || bag.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in bag.Properties)
            {
                if (p.Value.Kind == JsonKind.String && OwnerOf(p.Name) is string owner)
                {
                    found.Add(new EnvironmentSetting(level, relative, section, p, owner));
                }
            }
        }

        /// <summary>A dev container's <c>runArgs</c> for <c>docker run</c>: <c>"-e", "NAME=value"</c>, <c>"--env", "NAME=value"</c>, <c>"--env=NAME=value"</c>.</summary>
        private static void AddRunArgs(string level, string relative, JsonNode? args, List<EnvironmentSetting> found)
        {
            if (args == null || args.Kind != JsonKind.Array)
            {
                return;
            }

            for (int i = 0; i < args.Items.Count; i++)
            {
                JsonNode arg = args.Items[i];
                string text = arg.Kind == JsonKind.String ? (arg.Text ?? string.Empty).Trim() : string.Empty;
                JsonNode? pair = null;
                string assignment = string.Empty;
                if ((text == "-e" || text == "--env") && i + 1 < args.Items.Count && args.Items[i + 1].Kind == JsonKind.String)
                {
                    pair = args.Items[++i];
                    assignment = pair.Text ?? string.Empty;
                }
                else if (text.StartsWith("--env=", StringComparison.Ordinal) || (text.StartsWith("-e", StringComparison.Ordinal) && text.Length > 2 && text.IndexOf('=') > 2))
                {
                    pair = arg;
                    assignment = text.StartsWith("--env=", StringComparison.Ordinal) ? text.Substring(6) : text.Substring(2);
                }

                int eq = assignment.IndexOf('=');
                if (pair == null || eq <= 0 || OwnerOf(assignment.Substring(0, eq)) is not string owner)
                {
                    continue;
                }

                string name = assignment.Substring(0, eq).Trim();
                found.Add(new EnvironmentSetting(level, relative, "runArgs", new JsonProperty(name, pair.Start, new JsonNode(JsonKind.String, pair.Start, pair.End, assignment.Substring(eq + 1), null, null)), owner));
            }
        }

        /// <summary>The Claude Code extension's <c>[ { "name": "ANTHROPIC_MODEL", "value": "…" } ]</c>.</summary>
        private static void AddNameValueList(string level, string relative, string section, JsonNode? list, List<EnvironmentSetting> found)
        {
            if (list == null || list.Kind != JsonKind.Array)
            {
                return;
            }

            foreach (JsonNode item in list.Items)
            {
                JsonNode? name = item.Kind == JsonKind.Object ? item["name"] : null;
                JsonNode? value = item.Kind == JsonKind.Object ? item["value"] : null;
                if (name != null && name.Kind == JsonKind.String && value != null && value.Kind == JsonKind.String && OwnerOf(name.Text ?? string.Empty) is string owner)
                {
                    found.Add(new EnvironmentSetting(level, relative, section, new JsonProperty(name.Text!.Trim(), name.Start, value), owner));
                }
            }
        }

        /// <summary>
        /// direnv: <c>export NAME=value</c> lines (quotes taken off; a value with a variable stays as written). Also the shell
        /// text of another tool's file (a Nix <c>shellHook</c>, a Gitpod task's <c>before</c>): under <paramref name="section"/>,
        /// each at its own line, or all at <paramref name="at"/> when the text is one value of a structured file.
        /// </summary>
        private static void ReadEnvrc(string level, string relative, string text, List<EnvironmentSetting> found, string section = "", TextPosition? at = null)
        {
            foreach ((int line, int column, string content) in Launchers.ContentLines(text))
            {
                if (!content.StartsWith("export ", StringComparison.Ordinal))
                {
                    continue;
                }

                string rest = content.Substring(7).TrimStart();
                int nameColumn = column + content.Length - rest.Length;
                int eq = rest.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                string name = rest.Substring(0, eq).Trim();
                string value = rest.Substring(eq + 1).Trim();
                int close = value.Length > 0 && (value[0] == '"' || value[0] == '\'') ? value.IndexOf(value[0], 1) : -1;
                if (close > 0)
                {
                    value = value.Substring(1, close - 1);
                }
                else if (value.IndexOfAny(new[] { ' ', '\t', ';', '&', '|' }) is int end && end > 0)
                {
                    value = value.Substring(0, end); // export NAME=value && npm ci; export NAME=value;
                }

                if (OwnerOf(name) is not string owner)
                {
                    continue;
                }

                var nameAt = at ?? new TextPosition(line, nameColumn, 0);
                var valueAt = at ?? new TextPosition(line, nameColumn + eq + 1, 0);
                found.Add(new EnvironmentSetting(level, relative, section,
                    new JsonProperty(name, nameAt, new JsonNode(JsonKind.String, valueAt, valueAt, value, null, null)), owner));
            }
        }

        private static IEnumerable<string> Candidates(string level)
        {
            foreach (string name in EmbeddedFootprints.Candidates(level))
            {
                yield return name;
            }

            foreach (string name in new[] { ".envrc" }.Concat(MiseFiles).Concat(DevEnvironmentFiles))
            {
                if (File.Exists(Full(level, name)))
                {
                    yield return name;
                }
            }
        }

        private static string Full(string level, string relative) => Path.Combine(level, relative.Replace('/', Path.DirectorySeparatorChar));
    }
}
