using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Formats;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Adversary round 13 route 17 (issue 12): the assistant's environment as dev-environment tools set it for every shell they
    /// open — devbox's <c>devbox.json</c> <c>env</c> (and <c>export</c> lines of its <c>shell.init_hook</c>), a Nix shell
    /// (<c>flake.nix</c>, <c>shell.nix</c>, <c>devenv.nix</c>, Firebase Studio's <c>.idx/dev.nix</c>: <c>NAME = "value";</c>
    /// attributes of <c>mkShell</c> or an <c>env</c> set, <c>export</c> lines of a <c>shellHook</c>), pixi's
    /// <c>[activation.env]</c> (also per feature and per target, and under <c>[tool.pixi]</c> of <c>pyproject.toml</c>) and
    /// Gitpod's task <c>env</c> (and <c>export</c> lines of its <c>before</c>, <c>init</c> and <c>command</c>). Turned into the
    /// same name/value pairs as the other sources and judged by the one interpreter (<see cref="Contents"/>).
    /// </summary>
    public static partial class AssistantEnvironment
    {
        private static readonly string[] DevEnvironmentFiles =
        {
            "devbox.json", "flake.nix", "shell.nix", "devenv.nix", ".idx/dev.nix", "pixi.toml", "pyproject.toml", ".gitpod.yml", ".gitpod.yaml",
        };

        /// <summary>
        /// A Nix attribute holding a string: <c>ANTHROPIC_MODEL = "…";</c> (an <c>mkShell</c> attribute becomes the shell's
        /// environment), <c>env.ANTHROPIC_MODEL = "…";</c> (devenv), a member of <c>env = { … };</c> (IDX, devenv).
        /// </summary>
        private static readonly Regex NixAttribute = new Regex(
            @"(?<![\w.'-])(?:env\.)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*""(?<value>(?:[^""\\]|\\.)*)""\s*;",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>Gitpod task members whose strings are shell commands run in the workspace's terminals.</summary>
        private static readonly string[] GitpodCommands = { "before", "init", "command" };

        /// <summary>Reads <paramref name="text"/> when <paramref name="relative"/> is a dev-environment tool's file; false for any other file.</summary>
        private static bool ReadDevEnvironment(string level, string relative, string text, List<EnvironmentSetting> found)
        {
            switch (relative)
            {
                case "devbox.json":
                    if (JsonReader.TryParse(text, out _) is JsonNode devbox && devbox.Kind == JsonKind.Object)
                    {
                        AddObject(level, relative, "env", devbox["env"], found);
                        foreach (string member in new[] { "init_hook", "scripts" })
                        {
                            ReadShellStrings(level, relative, "shell." + member, devbox["shell"]?[member], found, 0);
                        }
                    }

                    return true;
                case "flake.nix":
                case "shell.nix":
                case "devenv.nix":
                case ".idx/dev.nix":
                    ReadNix(level, relative, text, found);
                    return true;
                case "pixi.toml":
                case "pyproject.toml":
                    JsonNode? toml = TomlReader.TryParse(text, out _);
                    JsonNode? pixi = relative == "pixi.toml" ? toml : toml?["tool"]?["pixi"];
                    if (pixi != null && pixi.Kind == JsonKind.Object)
                    {
                        FindActivationEnv(level, relative, relative == "pixi.toml" ? string.Empty : "tool.pixi.", pixi, found, 0);
                    }

                    return true;
                case ".gitpod.yml":
                case ".gitpod.yaml":
                    JsonNode? gitpod = YamlReader.TryParse(text, out _);
                    if (gitpod?["tasks"] is JsonNode tasks && tasks.Kind == JsonKind.Array)
                    {
                        for (int i = 0; i < tasks.Items.Count; i++)
                        {
                            JsonNode task = tasks.Items[i];
                            if (task.Kind != JsonKind.Object)
                            {
                                continue;
                            }

                            AddObject(level, relative, "tasks[" + i + "].env", task["env"], found);
                            foreach (string member in GitpodCommands)
                            {
                                ReadShellStrings(level, relative, "tasks[" + i + "]." + member, task[member], found, 0);
                            }
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>pixi: <c>activation.env</c> of the workspace, of each <c>feature.*</c> and <c>target.*</c>, at any depth.</summary>
        private static void FindActivationEnv(string level, string relative, string path, JsonNode table, List<EnvironmentSetting> found, int depth)
        {
            if (depth > 6 || table.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in table.Properties)
            {
                if (p.Name == "activation")
                {
                    AddObject(level, relative, path + "activation.env", p.Value["env"], found);
                }
                else if (p.Value.Kind == JsonKind.Object && (p.Name == "feature" || p.Name == "target" || depth % 2 == 1))
                {
                    // feature.<name>.activation, target.<platform>.activation, feature.<name>.target.<platform>.activation
                    FindActivationEnv(level, relative, path + p.Name + ".", p.Value, found, depth + 1);
                }
            }
        }

        /// <summary>The <c>export NAME=value</c> lines of a shell string (or a list of them), each at its string's position.</summary>
        private static void ReadShellStrings(string level, string relative, string section, JsonNode? node, List<EnvironmentSetting> found, int depth)
        {
            if (node == null || depth > 2)
            {
                return;
            }

            if (node.Kind == JsonKind.String)
            {
                // An assistant the same string runs gets these variables from the launcher reader, at its command (round 13
                // route 4's shell environment): reported there, not twice.
                string text = node.Text ?? string.Empty;
                var exported = new List<EnvironmentSetting>();
                ReadEnvrc(level, relative, text, exported, section, node.Start);
                var running = new HashSet<string>(StringComparer.Ordinal);
                foreach (List<string> command in exported.Count == 0 ? new List<List<string>>() : Launchers.SimpleCommands(text, 0))
                {
                    if (Launchers.AssistantRun(command) is string assistant)
                    {
                        running.Add(assistant);
                    }
                }

                found.AddRange(exported.FindAll(e => !running.Contains(e.Assistant)));
            }
            else if (node.Kind == JsonKind.Array || node.Kind == JsonKind.Object)
            {
                foreach (JsonNode item in node.Kind == JsonKind.Array ? node.Items : System.Linq.Enumerable.Select(node.Properties, p => p.Value))
                {
                    ReadShellStrings(level, relative, section, item, found, depth + 1);
                }
            }
        }

        /// <summary>
        /// A Nix file: its string attributes named like an assistant's variable (<see cref="NixAttribute"/>) and the <c>export</c>
        /// lines of its shell strings (a <c>shellHook</c>), each at its own line.
        /// </summary>
        private static void ReadNix(string level, string relative, string text, List<EnvironmentSetting> found)
        {
            if (text.IndexOf("export ", StringComparison.Ordinal) >= 0)
            {
                ReadEnvrc(level, relative, text, found);
            }

            MatchCollection matches;
            try
            {
                matches = NixAttribute.Matches(text);
                _ = matches.Count;
            }
            catch (RegexMatchTimeoutException)
            {
                return; // a file too large for the pattern's time limit: its attributes are not read
            }

            foreach (Match m in matches)
            {
                string name = m.Groups["name"].Value;
                if (OwnerOf(name) is not string owner)
                {
                    continue;
                }

                TextPosition nameAt = Position(text, m.Groups["name"].Index);
                TextPosition valueAt = Position(text, m.Groups["value"].Index);
                found.Add(new EnvironmentSetting(level, relative, string.Empty,
                    new JsonProperty(name, nameAt, new JsonNode(JsonKind.String, valueAt, valueAt, m.Groups["value"].Value, null, null)), owner));
            }
        }

        private static TextPosition Position(string text, int offset)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new TextPosition(line, offset - lineStart + 1, offset);
        }
    }
}
