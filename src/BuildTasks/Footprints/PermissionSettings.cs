using System;
using System.Collections.Generic;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Settings that let an assistant act without asking, by the assistants' own key names, and the policy ceiling each
    /// is held against (<see cref="PermissionCeilings"/>). Matched on the key's last name (VS Code's flattened
    /// "chat.tools.autoApprove" matches "autoApprove"), anywhere in the file.
    /// </summary>
    public static class PermissionSettings
    {
        /// <summary>The ceiling a setting exceeds when it is on, or null; <paramref name="shown"/> is the value for the message.</summary>
        public static string? Classify(string key, JsonNode value, out string shown)
        {
            shown = Show(value);
            string name = LastName(key);
            string? text = value.Kind == JsonKind.String ? value.Text : null;
            bool isTrue = value.Kind == JsonKind.True;
            if (key.EndsWith("terminal.allowList", StringComparison.Ordinal))
            {
                // VS Code before chat.tools.terminal.autoApprove: github.copilot.chat.agent.terminal.allowList, a rule map
                // whose true entries run unasked (adversary round 7 route 9), judged like its successor.
                return Approves(value) ? PermissionCeilings.AutoApprove : null;
            }

            if (key.EndsWith("mcp.discovery.enabled", StringComparison.Ordinal))
            {
                // VS Code chat.mcp.discovery.enabled: true, or a map of sources with one true: starts the MCP servers other
                // applications configured on the developer's machine (Claude Desktop, Cursor, …), which no file here shows:
                // the editor's counterpart of Claude Code's enableAllProjectMcpServers (adversary round 7 route 9).
                return Approves(value) ? PermissionCeilings.EnableAllProjectMcpServers : null;
            }

            switch (name)
            {
                // Claude Code: permissions.defaultMode, and a subagent's front-matter permissionMode (adversary round 4 #16);
                // "auto" lets a classifier approve instead of the developer. "default", "plan" and "dontAsk" ask or refuse.
                case "defaultMode":
                case "permissionMode":
                    return Is(text, "bypassPermissions") ? PermissionCeilings.BypassMode : Is(text, "acceptEdits") || Is(text, "auto") ? PermissionCeilings.AutoApprove : null;
                // Amp: amp.dangerouslyAllowAll runs every tool without asking
                case "dangerouslyAllowAll":
                case "skipDangerousModePermissionPrompt":
                case "dangerouslySkipPermissions":
                case "dangerously_skip_permissions":
                case "dangerously-skip-permissions":
                case "yolo":
                // Aider: yes-always
                case "yes-always":
                case "yes_always":
                    return isTrue ? PermissionCeilings.BypassMode : null;

                // Codex: approval_policy = "never", sandbox_mode = "danger-full-access"
                case "approval_policy":
                case "approvalPolicy":
                    return Is(text, "never") ? PermissionCeilings.BypassMode : null;
                case "sandbox_mode":
                case "sandboxMode":
                    return Is(text, "danger-full-access") ? PermissionCeilings.BypassMode : null;

                // Gemini CLI: approvalMode / defaultApprovalMode = "yolo" | "auto_edit"
                case "approvalMode":
                case "defaultApprovalMode":
                case "approval-mode":
                    return Is(text, "yolo") ? PermissionCeilings.BypassMode : Is(text, "auto_edit") || Is(text, "autoEdit") ? PermissionCeilings.AutoApprove : null;

                // Factory Droid: autonomyLevel "low"/"medium" runs edits and some commands unasked, "high" every command
                // (adversary round 9 route 6)
                case "autonomyLevel":
                case "autonomy_level":
                    return FactoryAutonomy(text);

                // Copilot CLI: COPILOT_ALLOW_ALL=true in its environment is --allow-all-tools (adversary round 13 route 8)
                case "COPILOT_ALLOW_ALL":
                    return isTrue || Is(text, "true") || Is(text, "1") ? PermissionCeilings.AutoApprove : null;

                // Claude Code: approve every server of .mcp.json
                case "enableAllProjectMcpServers":
                    return isTrue ? PermissionCeilings.EnableAllProjectMcpServers : null;

                // Codex: [projects."/path"] trust_level = "trusted"
                case "trust_level":
                    return Is(text, "trusted") ? PermissionCeilings.TrustWorkspace : null;

                // Gemini: "trust": true on a server skips every tool confirmation
                case "trust":
                case "autoAccept":
                case "always_allow_tool_actions":
                    return isTrue ? PermissionCeilings.AutoApprove : null;

                // Kiro autoApprove (a list of tools); VS Code chat.tools.autoApprove and chat.tools.global.autoApprove (true:
                // every tool of the chat agent runs unasked), chat.tools.terminal.autoApprove, chat.tools.edits.autoApprove and
                // chat.tools.urls.autoApprove (rule maps: a rule set to true or { "approve": true } runs unasked; false rules ask).
                case "autoApprove":
                case "auto_approve":
                    return Approves(value) ? PermissionCeilings.AutoApprove : null;

                // Claude Code permissions.additionalDirectories: folders outside the repository the assistant may read (and,
                // by its mode, edit) without asking (adversary round 6 #1). A folder inside the repository passes.
                case "additionalDirectories":
                    return ReachesOutside(value) ? PermissionCeilings.OutsideRepository : null;

                // Roo/Cline alwaysAllow
                case "alwaysAllow":
                    return NonEmpty(value) ? PermissionCeilings.AlwaysAllowTools : null;

                // Amazon Q allowedTools, Claude permissions.allow, front-matter allowed-tools: a wildcard or an unrestricted shell
                case "allowedTools":
                case "allowed-tools":
                case "allow":
                    return HasWildcardTool(value) ? PermissionCeilings.AlwaysAllowTools : null;
            }

            return null;
        }

        /// <summary>
        /// VS Code settings that let the chat agent act without asking, as a finding's setting path names them (flat keys
        /// in settings.json, under "settings" in a workspace file or a dev container's customizations.vscode):
        /// <c>chat.tools.*.autoApprove</c>, <c>chat.mcp.discovery.enabled</c>, <c>github.copilot.chat.agent.terminal.allowList</c>.
        /// </summary>
        public static bool IsVsCodeChatSetting(string setting)
        {
            string s = setting.StartsWith("settings.", StringComparison.Ordinal) ? setting.Substring("settings.".Length) : setting;
            return s.StartsWith("chat.", StringComparison.Ordinal) || s.StartsWith("github.copilot.chat.", StringComparison.Ordinal);
        }

        /// <summary>
        /// The permission an assistant's command line turns on by its flags (adversary round 7 route 10), or null; <paramref name="flag"/>
        /// is the flag as written. Claude Code <c>--dangerously-skip-permissions</c> and <c>--permission-mode bypassPermissions</c>
        /// (<c>acceptEdits</c>: autoApprove); Codex <c>--dangerously-bypass-approvals-and-sandbox</c>, <c>--yolo</c>,
        /// <c>--ask-for-approval never</c>, <c>--sandbox danger-full-access</c> (<c>--full-auto</c>: autoApprove); Gemini and
        /// Qwen Code <c>--yolo</c> / <c>-y</c>, <c>--approval-mode yolo</c> (<c>auto_edit</c>: autoApprove); Copilot CLI
        /// <c>--allow-all-tools</c> (autoApprove), <c>--allow-all</c> / <c>--yolo</c> (bypassMode); Claude Code and Copilot CLI
        /// <c>--add-dir</c> outside the repository and Copilot CLI <c>--allow-all-paths</c> (outsideRepository, round 14 route 9).
        /// The strongest one wins.
        /// </summary>
        public static string? ClassifyFlags(string assistant, IReadOnlyList<string> words, out string flag)
        {
            flag = string.Empty;
            string? found = null;
            for (int i = 1; i < words.Count; i++)
            {
                string w = words[i];
                int eq = w.IndexOf('=');
                string name = w.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? w.Substring(0, eq) : w;
                string? value = eq > 0 && w.StartsWith("--", StringComparison.Ordinal) ? w.Substring(eq + 1) : i + 1 < words.Count ? words[i + 1] : null;
                string? ceiling = null;
                switch (name)
                {
                    case "--dangerously-skip-permissions":
                    case "--dangerously-bypass-approvals-and-sandbox":
                    case "--yolo":
                    case "--allow-all":
                        ceiling = PermissionCeilings.BypassMode;
                        break;
                    case "-y":
                        ceiling = assistant == AssistantIds.Gemini || assistant == AssistantIds.QwenCode ? PermissionCeilings.BypassMode : null;
                        break;
                    case "--full-auto":
                    case "--allow-all-tools":
                        ceiling = PermissionCeilings.AutoApprove;
                        break;
                    case "--allowedTools":
                    case "--allowed-tools":
                    case "--allowed_tools":
                        // Claude Code --allowedTools "Bash(*)" "Edit" (variadic; also "Bash,Edit" or "Edit Bash"), and claude-code-action's
                        // allowed_tools input: permissions.allow entries, judged as the settings file's (adversary round 13 route 8).
                        for (int next = eq > 0 ? words.Count : i + 2; assistant == AssistantIds.ClaudeCode && value != null;)
                        {
                            if (WildcardToolIn(value) is string entry)
                            {
                                ceiling = PermissionCeilings.AlwaysAllowTools;
                                value = entry;
                                break;
                            }

                            value = next < words.Count && !words[next].StartsWith("-", StringComparison.Ordinal) ? words[next++] : null;
                        }

                        break;
                    case "--allow-tool":
                        // Copilot CLI --allow-tool 'shell' (or shell(*)): every shell command without asking, as --allow-all-tools
                        // allows every tool (adversary round 13 route 8); 'shell(git)' and other tools are scoped.
                        string tool = (value ?? string.Empty).Trim();
                        ceiling = assistant == AssistantIds.GitHubCopilot && (tool == "shell" || tool == "shell(*)") ? PermissionCeilings.AutoApprove : null;
                        break;
                    case "--permission-mode":
                        ceiling = Is(value, "bypassPermissions") ? PermissionCeilings.BypassMode : Is(value, "acceptEdits") || Is(value, "auto") ? PermissionCeilings.AutoApprove : null;
                        break;
                    case "--approval-mode":
                        ceiling = Is(value, "yolo") ? PermissionCeilings.BypassMode : Is(value, "auto_edit") || Is(value, "autoEdit") ? PermissionCeilings.AutoApprove : null;
                        break;
                    case "--auto":
                        // droid exec --auto low|medium|high: Factory's autonomy level on the command line (adversary round 11 route 3)
                        ceiling = assistant == AssistantIds.FactoryDroid ? FactoryAutonomy(value) : null;
                        break;
                    case "--add-dir":
                        // Claude Code (and Copilot CLI) --add-dir /, --add-dir ~: additionalDirectories outside the repository (round 14 route 9)
                        ceiling = (assistant == AssistantIds.ClaudeCode || assistant == AssistantIds.GitHubCopilot) && ReachesOutside(value) ? PermissionCeilings.OutsideRepository : null;
                        break;
                    case "--allow-all-paths":
                        // Copilot CLI: every path readable and writable without asking, the repository's bounds dropped (round 14 route 9)
                        ceiling = assistant == AssistantIds.GitHubCopilot ? PermissionCeilings.OutsideRepository : null;
                        break;
                    case "--skip-permissions-unsafe":
                        ceiling = assistant == AssistantIds.FactoryDroid ? PermissionCeilings.BypassMode : null;
                        break;
                    case "--ask-for-approval":
                    case "-a":
                        ceiling = assistant == AssistantIds.OpenAiCodex && Is(value, "never") ? PermissionCeilings.BypassMode : null;
                        break;
                    case "--sandbox":
                    case "-s":
                        ceiling = assistant == AssistantIds.OpenAiCodex && Is(value, "danger-full-access") ? PermissionCeilings.BypassMode : null;
                        break;
                }

                if (ceiling != null && (found == null || (found != PermissionCeilings.BypassMode && ceiling == PermissionCeilings.BypassMode)))
                {
                    found = ceiling;
                    flag = name.StartsWith("--", StringComparison.Ordinal) && (name == "--permission-mode" || name == "--approval-mode" || name == "--ask-for-approval" || name == "--sandbox" || name == "--auto" || name == "--allowedTools" || name == "--allowed-tools" || name == "--allowed_tools" || name == "--allow-tool" || name == "--add-dir") || name == "-a" || name == "-s"
                        ? name + " " + value
                        : name;
                }
            }

            return found;
        }

        /// <summary>Factory Droid's autonomy level (settings' autonomyLevel, droid exec --auto): "high" runs every command unasked.</summary>
        private static string? FactoryAutonomy(string? text) =>
            Is(text, "high") || Is(text, "auto-high") ? PermissionCeilings.BypassMode
                : Is(text, "low") || Is(text, "auto-low") || Is(text, "medium") || Is(text, "auto-medium") ? PermissionCeilings.AutoApprove : null;

        /// <summary>
        /// A top-level <c>hooks</c> member with at least one command in it (Claude Code settings and agent front-matter,
        /// Cursor/Codex/Copilot hooks.json, Gemini settings); not when the same file sets <c>disableAllHooks: true</c>.
        /// </summary>
        public static bool HasHooks(JsonNode root)
        {
            if (root.Kind != JsonKind.Object || root["disableAllHooks"]?.Kind == JsonKind.True)
            {
                return false;
            }

            JsonNode? hooks = root["hooks"];
            return hooks != null && HasCommand(hooks, 0);
        }

        /// <summary>
        /// Claude Code settings that run a shell command on their own, the same power as a hook under another name
        /// (adversary round 5 #9): <c>statusLine</c> with a command (run on every status-line refresh), <c>apiKeyHelper</c>,
        /// <c>awsAuthRefresh</c>, <c>awsCredentialExport</c>, <c>otelHeadersHelper</c> (run at start-up and on refresh).
        /// Top-level members only, with a command in them.
        /// </summary>
        public static bool IsCommandSetting(JsonProperty p)
        {
            switch (p.Name)
            {
                case "statusLine":
                    return p.Value.Kind == JsonKind.Object && p.Value["command"] is JsonNode c && c.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(c.Text);
                case "notify":
                    // Codex: notify = ["program", "arg", …] runs after every agent turn, with no approval (adversary round 9 route 15).
                    return p.Value.Kind == JsonKind.Array && p.Value.Items.Count > 0 && p.Value.Items[0].Kind == JsonKind.String && !string.IsNullOrWhiteSpace(p.Value.Items[0].Text);
                case "tools":
                    // Gemini CLI (and Qwen Code): tools.discoveryCommand runs at start-up to list the project's tools, tools.callCommand
                    // runs each of them (settings format 2; toolDiscoveryCommand/toolCallCommand at the top in format 1).
                    return p.Value.Kind == JsonKind.Object && (NonBlank(p.Value["discoveryCommand"]) || NonBlank(p.Value["callCommand"]));
                case "toolDiscoveryCommand":
                case "toolCallCommand":
                case "apiKeyHelper":
                case "awsAuthRefresh":
                case "awsCredentialExport":
                case "otelHeadersHelper":
                    return p.Value.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(p.Value.Text);
                case "env":
                    // The session environment (Claude Code settings.json "env"), inherited by every shell command, hook and
                    // MCP server the assistant starts (adversary round 6 #8): a variable that changes what a launcher fetches
                    // or a runtime loads first (the MCP server env list), or that runs a script around every command.
                    if (p.Value.Kind == JsonKind.Object)
                    {
                        foreach (JsonProperty e in p.Value.Properties)
                        {
                            if (ServerCommand.ChangesWhatRuns(e.Name) || RunsAroundCommands(e.Name))
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>Session variables that run a script around every command or turn TLS checks off for the assistant's traffic.</summary>
        /// <summary>How a command setting is named in a finding: its name, and for <c>env</c> the variables that make it one.</summary>
        public static string CommandSettingName(JsonProperty p)
        {
            if (p.Name != "env" || p.Value.Kind != JsonKind.Object)
            {
                return p.Name;
            }

            var names = new List<string>();
            foreach (JsonProperty e in p.Value.Properties)
            {
                if (ServerCommand.ChangesWhatRuns(e.Name) || RunsAroundCommands(e.Name))
                {
                    names.Add(e.Name);
                }
            }

            return "env (" + string.Join(", ", names) + ")";
        }

        private static bool NonBlank(JsonNode? node) => node != null && node.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(node.Text);

        /// <summary>
        /// Cursor's cloud agent set-up (<c>.cursor/environment.json</c>): <c>install</c> and <c>start</c> run when an agent's
        /// machine starts, each <c>terminals[].command</c> in a terminal beside it, before and while the agent works, unasked.
        /// The members that hold a command, for <paramref name="relativePath"/> that is such a file.
        /// </summary>
        public static IEnumerable<JsonProperty> CursorEnvironmentCommands(string relativePath, JsonNode root)
        {
            if (!relativePath.EndsWith(".cursor/environment.json", StringComparison.OrdinalIgnoreCase) || root.Kind != JsonKind.Object)
            {
                yield break;
            }

            foreach (JsonProperty p in root.Properties)
            {
                if ((p.Name == "install" || p.Name == "start") && NonBlank(p.Value))
                {
                    yield return p;
                }
                else if (p.Name == "terminals" && p.Value.Kind == JsonKind.Array)
                {
                    foreach (JsonNode t in p.Value.Items)
                    {
                        if (t.Kind == JsonKind.Object && NonBlank(t["command"]))
                        {
                            yield return p;
                            break;
                        }
                    }
                }
            }
        }

        private static bool RunsAroundCommands(string name)
        {
            string n = name.Trim().ToUpperInvariant();
            return n == "CLAUDE_CODE_SHELL_PREFIX" || n == "BASH_ENV" || n == "ENV" || n == "NODE_TLS_REJECT_UNAUTHORIZED" || n == "NODE_EXTRA_CA_CERTS" ||
                   n == "SSL_CERT_FILE" || n == "REQUESTS_CA_BUNDLE";
        }

        private static bool HasCommand(JsonNode node, int depth)
        {
            if (depth > 8)
            {
                return true; // deeper than any hooks format: count it rather than let nesting hide a command
            }

            switch (node.Kind)
            {
                case JsonKind.String:
                    return !string.IsNullOrWhiteSpace(node.Text);
                case JsonKind.Array:
                    foreach (JsonNode item in node.Items)
                    {
                        if (HasCommand(item, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonKind.Object:
                    foreach (JsonProperty p in node.Properties)
                    {
                        if (HasCommand(p.Value, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Claude Code's <c>sandbox</c>: <c>enabled: true</c> with <c>autoAllowBashIfSandboxed</c> not set to false (it is
        /// true by default) runs every Bash command without asking. <paramref name="at"/> is the member to point at.
        /// </summary>
        public static bool SandboxAutoAllowsBash(JsonNode sandbox, out JsonProperty? at)
        {
            at = null;
            if (sandbox.Kind != JsonKind.Object || sandbox["enabled"]?.Kind != JsonKind.True || sandbox["autoAllowBashIfSandboxed"]?.Kind == JsonKind.False)
            {
                return false;
            }

            foreach (JsonProperty p in sandbox.Properties)
            {
                if (p.Name == "autoAllowBashIfSandboxed" || (p.Name == "enabled" && at == null))
                {
                    at = p;
                }
            }

            return at != null;
        }

        /// <summary>A folder list with one that leaves the repository: absolute, from the home folder, a variable, or through "..".</summary>
        private static bool ReachesOutside(JsonNode value)
        {
            var entries = new List<JsonNode>();
            if (value.Kind == JsonKind.String)
            {
                entries.Add(value);
            }
            else if (value.Kind == JsonKind.Array)
            {
                entries.AddRange(value.Items);
            }

            foreach (JsonNode e in entries)
            {
                if (ReachesOutside(e.Text))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// One folder that leaves the repository: absolute, from the home folder, a variable, or through ".." (Claude Code's
        /// <c>additionalDirectories</c> entry, its <c>--add-dir</c> flag's value).
        /// </summary>
        private static bool ReachesOutside(string? folder)
        {
            string p = (folder ?? string.Empty).Trim().Replace('\\', '/');
            return p.Length > 0 &&
                (p.StartsWith("/", StringComparison.Ordinal) || p.StartsWith("~", StringComparison.Ordinal) || p.StartsWith("$", StringComparison.Ordinal) || p.StartsWith("%", StringComparison.Ordinal) ||
                 (p.Length > 1 && p[1] == ':') || p == ".." || p.StartsWith("../", StringComparison.Ordinal) || p.Contains("/../") || p.EndsWith("/..", StringComparison.Ordinal));
        }

        /// <summary>True, a non-empty list of tools, or a rule map with at least one rule that approves.</summary>
        private static bool Approves(JsonNode value)
        {
            if (value.Kind != JsonKind.Object)
            {
                return NonEmpty(value);
            }

            foreach (JsonProperty rule in value.Properties)
            {
                JsonNode v = rule.Value;
                if (v.Kind == JsonKind.True || (v.Kind == JsonKind.Object && v["approve"]?.Kind == JsonKind.True))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NonEmpty(JsonNode value) =>
            value.Kind == JsonKind.True || (value.Kind == JsonKind.Array && value.Items.Count > 0) || (value.Kind == JsonKind.Object && value.Properties.Count > 0);

        private static string LastName(string key)
        {
            int dot = key.LastIndexOf('.');
            return dot >= 0 && dot < key.Length - 1 ? key.Substring(dot + 1) : key;
        }

        private static bool Is(string? text, string expected) => text != null && string.Equals(text.Trim(), expected, StringComparison.OrdinalIgnoreCase);

        private static bool HasWildcardTool(JsonNode value)
        {
            if (value.Kind == JsonKind.String)
            {
                // front matter's allowed-tools: Bash, Edit, Write: the comma list Claude Code documents for slash commands and
                // skills (adversary round 13 route 8); a lone Bash entry is an unrestricted shell.
                return WildcardToolIn(value.Text) != null;
            }

            if (value.Kind != JsonKind.Array)
            {
                return false;
            }

            foreach (JsonNode item in value.Items)
            {
                if (item.Kind == JsonKind.String && IsWildcardTool(item.Text))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The first unrestricted entry of a tool list written as text (<c>Bash, Edit, Write</c>, <c>Edit Bash</c>), split at commas
        /// and blanks outside parentheses (<c>Bash(git add:*)</c> is one scoped entry), or null.
        /// </summary>
        internal static string? WildcardToolIn(string? list)
        {
            string text = list ?? string.Empty;
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : ',';
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0 && (c == ',' || char.IsWhiteSpace(c)))
                {
                    string entry = text.Substring(start, i - start).Trim().Trim('"', '\'', '[', ']');
                    if (entry.Length > 0 && IsWildcardTool(entry))
                    {
                        return entry;
                    }

                    start = i + 1;
                }
            }

            return null;
        }

        private static bool IsWildcardTool(string? tool)
        {
            string t = (tool ?? string.Empty).Trim();
            return t == "*" || t == "Bash" || t == "Bash(*)" || t == "Bash(:*)" || t == "Shell(*)" || t == "execute_bash" || t == "@*";
        }

        internal static string Show(JsonNode value)
        {
            switch (value.Kind)
            {
                case JsonKind.String:
                    string s = value.Text ?? string.Empty;
                    return s.Length > 40 ? s.Substring(0, 40) + "\u2026" : s;
                case JsonKind.True:
                    return "true";
                case JsonKind.False:
                    return "false";
                case JsonKind.Array:
                    return "[" + value.Items.Count + (value.Items.Count == 1 ? " entry]" : " entries]");
                case JsonKind.Object:
                    return "{" + value.Properties.Count + (value.Properties.Count == 1 ? " entry}" : " entries}");
                default:
                    return value.Text ?? "null";
            }
        }
    }
}
