using System;
using System.Collections.Generic;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    public static partial class Launchers
    {
        /// <summary>
        /// The inputs of Anthropic's actions (claude-code-action, claude-code-base-action, their mirrors) that configure Claude
        /// Code besides its model and flags (adversary round 14 route 8: a workflow ran the policy's denied filesystem server, a
        /// model it does not allow and a relay through them, with no finding): <c>mcp_config</c> is the CLI's
        /// <c>--mcp-config</c> (inline JSON or a file), <c>claude_env</c> its environment (<c>NAME: value</c> lines, judged as
        /// the step's <c>env</c>), <c>plugins</c> its plugins (<c>name@marketplace</c> lines, judged as settings'
        /// <c>enabledPlugins</c>, from the marketplace <c>plugin_marketplaces</c> names). True when the input is one of them.
        /// </summary>
        private static bool ReadClaudeActionInput(LauncherFile file, string input, string value, string setting, int line, int column)
        {
            switch (input)
            {
                case "mcp_config":
                    AddTool(file, ClaudeCode, setting, line, column);
                    ReadAssistantFlags(file, ClaudeCode, new List<string> { ClaudeCode, "--mcp-config", value }, 0, setting, line, column);
                    return true;
                case "claude_env":
                    AddTool(file, ClaudeCode, setting, line, column);
                    var assignments = new List<string>();
                    foreach (string raw in value.Split('\n'))
                    {
                        string entry = raw.Trim();
                        int colon = entry.IndexOf(':');
                        int eq = entry.IndexOf('=');
                        int at = colon > 0 && (eq < 0 || colon < eq) ? colon : eq;
                        if (at > 0 && !entry.StartsWith("#", StringComparison.Ordinal))
                        {
                            string name = entry.Substring(0, at).Trim();
                            string v = entry.Substring(at + 1).Trim().Trim('"', '\'');
                            if (name.Length > 0 && name.IndexOf(' ') < 0)
                            {
                                assignments.Add(name + "=" + v);
                            }
                        }
                    }

                    AddShellEnvironment(file, ClaudeCode, assignments, setting, line, column);
                    return true;
                case "plugins":
                    AddTool(file, ClaudeCode, setting, line, column);
                    foreach (string raw in value.Split('\n', ','))
                    {
                        string plugin = raw.Trim();
                        if (plugin.Length == 0 || plugin.StartsWith("#", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        int at = plugin.LastIndexOf('@');
                        string name = at > 0 ? plugin.Substring(0, at) : plugin;
                        string marketplace = at > 0 && at < plugin.Length - 1 ? plugin.Substring(at + 1) : "(no marketplace)";
                        file.Servers.Add(new McpServerUse(setting + " '" + plugin + "'", "launcher", line, column)
                        {
                            Package = "pkg:claude-plugin/" + marketplace + "/" + name,
                            What = "Claude Code plugin",
                        });
                    }

                    return true;
                case "plugin_marketplaces":
                    AddTool(file, ClaudeCode, setting, line, column); // the marketplaces alone install nothing; the plugins input names what runs
                    return true;
                default:
                    return false;
            }
        }
    }
}
