using System;
using System.Collections.Generic;
using static Guardrails.BuildTasks.Footprints.AssistantIds;
using K = Guardrails.BuildTasks.Footprints.FootprintKind;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Where each AI coding assistant leaves its footprints in a repository, as data: adding an assistant or a path is
    /// one line. Patterns are relative to every folder from the project folder up to the repository root (see
    /// <see cref="FootprintPattern"/> for the syntax).
    /// How a file is classified: the first file pattern (in catalog order) that matches decides its kind and format;
    /// a file no file pattern matches takes the kind of the innermost folder pattern that contains it. A path may
    /// belong to several assistants (<c>.mcp.json</c> is read by Claude Code and Visual Studio; <c>AGENTS.md</c> by
    /// many): declaring any one of them covers it.
    /// Sources: the assistants' own documentation, summarised in the reference note on assistant governance.
    /// </summary>
    public static class FootprintCatalog
    {
        private static readonly FootprintEntry[] PathEntries =
        {
            // GitHub Copilot (VS Code, Visual Studio, JetBrains, cloud agent, CLI)
            E(".github/copilot-instructions.md", GitHubCopilot, K.Instructions),
            E(".github/instructions/", GitHubCopilot, K.Instructions),
            E(".github/prompts/", GitHubCopilot, K.Agent),
            E(".github/agents/", GitHubCopilot, K.Agent),
            E(".github/chatmodes/", GitHubCopilot, K.Agent),
            E(".github/skills/", GitHubCopilot, K.Instructions),
            E(".github/hooks/", GitHubCopilot, K.Settings),
            E(".github/mcp.json", GitHubCopilot, K.McpConfig),
            E(".github/copilot/", GitHubCopilot, K.Settings),
            E(".github/workflows/copilot-setup-steps.yml", GitHubCopilot, K.Workflow),
            E(".github/workflows/copilot-setup-steps.yaml", GitHubCopilot, K.Workflow),
            E(".vscode/mcp.json", GitHubCopilot, K.McpConfig),
            // VS Code before 1.102 read MCP servers from its settings ("mcp": { "servers": … }) and from a workspace file's
            // "settings"; those files are footprints only when they hold servers (adversary route #24).
            new FootprintEntry(".vscode/settings.json", GitHubCopilot, K.McpConfig, FootprintFormat.Json, onlyWithMcpServers: true),
            new FootprintEntry("*.code-workspace", GitHubCopilot, K.McpConfig, FootprintFormat.Json, onlyWithMcpServers: true),

            // Visual Studio (solution-level MCP; also reads .vscode/mcp.json and .cursor/mcp.json)
            E(".mcp.json", VisualStudio, K.McpConfig),
            E(".vs/mcp.json", VisualStudio, K.McpConfig),

            // Cursor
            E(".cursor/mcp.json", Cursor, K.McpConfig),
            E(".cursor/cli.json", Cursor, K.Settings),
            E(".cursor/environment.json", Cursor, K.Settings),
            E(".cursor/hooks.json", Cursor, K.Settings),
            E(".cursor/rules/", Cursor, K.Instructions),
            E(".cursor/commands/", Cursor, K.Agent),
            E(".cursor/agents/", Cursor, K.Agent),
            E(".cursor/", Cursor, K.Folder),
            E(".cursorrules", Cursor, K.Instructions, FootprintFormat.None),
            E(".cursorignore", Cursor, K.IgnoreFile),
            E(".cursorindexingignore", Cursor, K.IgnoreFile),

            // Claude Code
            E("CLAUDE.md", ClaudeCode, K.Instructions),
            E("CLAUDE.local.md", ClaudeCode, K.PersonalFile),
            E(".claude/settings.local.json", ClaudeCode, K.PersonalFile),
            E(".claude/settings.json", ClaudeCode, K.Settings),
            E(".claude/agents/", ClaudeCode, K.Agent),
            E(".claude/commands/", ClaudeCode, K.Agent),
            E(".claude/rules/", ClaudeCode, K.Instructions),
            E(".claude/skills/", ClaudeCode, K.Instructions),
            E(".claude/", ClaudeCode, K.Folder),
            // A Claude Code plugin or marketplace kept in the repository (.claude-plugin/plugin.json, marketplace.json: the
            // plugin's MCP servers and hooks are inline there or beside it; adversary round 6 #1).
            E(".claude-plugin/", ClaudeCode, K.Folder),
            E(".mcp.json", ClaudeCode, K.McpConfig),
            // A committed project config in the shape of Claude Code's own (mcpServers), and the MCP file it is started
            // with (`claude --mcp-config mcp.json`; adversary round 3 #2: neither was a footprint).
            E(".claude.json", ClaudeCode, K.McpConfig),
            E("mcp.json", ClaudeCode, K.McpConfig),

            // OpenAI Codex (AGENTS.md is read by many assistants; any one of them declared covers it)
            E("AGENTS.md", OpenAiCodex, K.Instructions),
            E("AGENTS.md", GitHubCopilot, K.Instructions),
            E("AGENTS.md", Cursor, K.Instructions),
            E("AGENTS.md", JetBrainsAi, K.Instructions),
            E("AGENTS.md", Zed, K.Instructions),
            // Codex reads AGENTS.override.md in place of AGENTS.md in the same folder (adversary round 13, side observation)
            E("AGENTS.override.md", OpenAiCodex, K.Instructions),
            E(".codex/config.toml", OpenAiCodex, K.Settings),
            E(".codex/", OpenAiCodex, K.Folder),

            // Gemini (CLI and Code Assist)
            E("GEMINI.md", Gemini, K.Instructions),
            E(".gemini/settings.json", Gemini, K.Settings),
            E(".gemini/commands/", Gemini, K.Agent),
            E(".gemini/", Gemini, K.Folder),
            E(".geminiignore", Gemini, K.IgnoreFile),
            E(".aiexclude", Gemini, K.IgnoreFile),

            // Windsurf
            E(".windsurfrules", Windsurf, K.Instructions, FootprintFormat.None),
            E(".windsurf/rules/", Windsurf, K.Instructions),
            E(".windsurf/", Windsurf, K.Folder),
            E(".codeiumignore", Windsurf, K.IgnoreFile),
            E(".windsurfignore", Windsurf, K.IgnoreFile),

            // Cline (.clinerules is a file or a folder)
            E(".clinerules", Cline, K.Instructions, FootprintFormat.None),
            E(".clinerules/", Cline, K.Instructions),
            E(".clineignore", Cline, K.IgnoreFile),

            // Roo Code
            E(".roo/mcp.json", Roo, K.McpConfig),
            E(".roo/", Roo, K.Folder),
            E(".roomodes", Roo, K.Settings, FootprintFormat.JsonOrYaml),
            E(".rooignore", Roo, K.IgnoreFile),

            // Continue
            E(".continue/mcpServers/", Continue, K.McpConfig),
            E(".continue/models/", Continue, K.Settings),
            E(".continue/", Continue, K.Folder),
            E(".continuerc.json", Continue, K.Settings),
            E(".continueignore", Continue, K.IgnoreFile),

            // Aider (history and tag cache are personal artefacts)
            E(".aider.chat.history.md", Aider, K.PersonalFile, FootprintFormat.None),
            E(".aider.input.history", Aider, K.PersonalFile, FootprintFormat.None),
            E(".aider.llm.history", Aider, K.PersonalFile, FootprintFormat.None),
            E(".aider.tags.cache.v*/", Aider, K.PersonalFile, FootprintFormat.None),
            E(".aider.conf.yml", Aider, K.Settings),
            E(".aider.conf.yaml", Aider, K.Settings),
            E(".aiderignore", Aider, K.IgnoreFile),
            E(".aider.*", Aider, K.Settings),
            E("CONVENTIONS.md", Aider, K.Instructions), // aider's conventions file (read: CONVENTIONS.md)

            // Amazon Q Developer
            E(".amazonq/mcp.json", AmazonQ, K.McpConfig),
            E(".amazonq/rules/", AmazonQ, K.Instructions),
            E(".amazonq/cli-agents/", AmazonQ, K.Agent),
            E(".amazonq/", AmazonQ, K.Folder),

            // JetBrains AI Assistant and Junie
            E(".aiignore", JetBrainsAi, K.IgnoreFile),
            E(".aiassistant/", JetBrainsAi, K.Folder),
            E(".junie/mcp/mcp.json", JetBrainsAi, K.McpConfig),
            E(".junie/", JetBrainsAi, K.Folder),

            // Kiro
            E(".kiro/settings/mcp.json", Kiro, K.McpConfig),
            E(".kiro/steering/", Kiro, K.Instructions),
            E(".kiro/", Kiro, K.Folder),
            E(".kiroignore", Kiro, K.IgnoreFile),

            // Tabnine
            E(".tabnine/", Tabnine, K.Folder),
            E("TABNINE.md", Tabnine, K.Instructions),

            // Augment
            E(".augment/settings.local.json", Augment, K.PersonalFile),
            E(".augment/", Augment, K.Folder),
            E(".augment-guidelines", Augment, K.Instructions, FootprintFormat.None),
            E(".augmentignore", Augment, K.IgnoreFile),

            // Zed
            E(".zed/settings.json", Zed, K.Settings),
            E(".rules", Zed, K.Instructions, FootprintFormat.None),

            // Devin
            E(".devin/mcp_config.local.json", Devin, K.PersonalFile),
            E(".devin/mcp_config.json", Devin, K.McpConfig),
            E(".devin/", Devin, K.Folder),
            E(".devinignore", Devin, K.IgnoreFile),

            // Trae (project MCP servers and rules)
            E(".trae/mcp.json", Trae, K.McpConfig),
            E(".trae/rules/", Trae, K.Instructions),
            E(".trae/", Trae, K.Folder),

            // OpenCode (MCP servers under "mcp" in opencode.json(c), at the root or in .opencode/; also reads AGENTS.md)
            E("opencode.json", OpenCode, K.Settings),
            E("opencode.jsonc", OpenCode, K.Settings),
            E(".opencode/opencode.json", OpenCode, K.Settings),
            E(".opencode/opencode.jsonc", OpenCode, K.Settings),
            E(".opencode/agent/", OpenCode, K.Agent),
            E(".opencode/command/", OpenCode, K.Agent),
            E(".opencode/", OpenCode, K.Folder),
            E("AGENTS.md", OpenCode, K.Instructions),

            // Goose (extensions live in the user's own config; the repository holds hints and an ignore file)
            E(".goosehints", Goose, K.Instructions, FootprintFormat.None),
            E(".gooseignore", Goose, K.IgnoreFile),

            // Kilo Code (a Roo Code fork: project MCP servers in .kilocode/mcp.json, rules, custom modes)
            E(".kilocode/mcp.json", KiloCode, K.McpConfig),
            E(".kilocode/rules/", KiloCode, K.Instructions),
            E(".kilocode/", KiloCode, K.Folder),
            E(".kilocodemodes", KiloCode, K.Settings, FootprintFormat.JsonOrYaml),
            E(".kilocodeignore", KiloCode, K.IgnoreFile),

            // Amp (reads AGENTS.md; AGENT.md is its earlier name, still read). Its settings use dotted keys ("amp.mcpServers",
            // "amp.dangerouslyAllowAll") in .amp/settings.json, and in VS Code's settings, where the check reads them as Amp's
            // (adversary round 7 route 7).
            E("AGENT.md", Amp, K.Instructions),
            E("AGENTS.md", Amp, K.Instructions),
            E(".amp/settings.json", Amp, K.Settings),
            E(".amp/", Amp, K.Folder),

            // Qwen Code (a Gemini CLI fork: MCP servers in .qwen/settings.json, context in QWEN.md)
            E(".qwen/settings.json", QwenCode, K.Settings),
            E(".qwen/", QwenCode, K.Folder),
            E("QWEN.md", QwenCode, K.Instructions),

            // Firebase Studio (Project IDX): AI rules and MCP servers in .idx/
            E(".idx/airules.md", FirebaseStudio, K.Instructions),
            E(".idx/mcp.json", FirebaseStudio, K.McpConfig),

            // Crush (Charm's coding agent: MCP servers under "mcp" in .crush.json or crush.json, context in CRUSH.md; round 4 #15)
            E(".crush.json", Crush, K.Settings),
            E("crush.json", Crush, K.Settings),
            E("CRUSH.md", Crush, K.Instructions),

            // Assistants added for adversary round 7 route 7, each from its own documentation:
            // Mistral Vibe: ./.vibe/config.toml ([[mcp_servers]] array of tables), agents and prompts in .vibe/
            E(".vibe/config.toml", MistralVibe, K.Settings),
            E(".vibe/", MistralVibe, K.Folder),
            // iFlow CLI (a Gemini CLI fork): project settings with mcpServers in .iflow/settings.json, context in IFLOW.md
            E(".iflow/settings.json", IFlow, K.Settings),
            E(".iflow/", IFlow, K.Folder),
            E("IFLOW.md", IFlow, K.Instructions),
            // Warp: project rules in WARP.md (AGENTS.md is its newer name, read too)
            E("WARP.md", Warp, K.Instructions),
            E("AGENTS.md", Warp, K.Instructions),
            // OpenHands: repository microagents in .openhands/microagents/ (repo.md and keyword-triggered ones), setup.sh
            E(".openhands/microagents/", OpenHands, K.Instructions),
            E(".openhands/", OpenHands, K.Folder),
            // Qoder: project rules in .qoder/rules/; Lingma (Qoder CN): .lingma/rules/
            E(".qoder/rules/", Qoder, K.Instructions),
            E(".qoder/", Qoder, K.Folder),
            E(".lingma/rules/", Lingma, K.Instructions),
            E(".lingma/", Lingma, K.Folder),
            // CodeBuddy Code (Tencent): project memory CODEBUDDY.md (or .codebuddy/CODEBUDDY.md), rules in .codebuddy/rules/;
            // CODEBUDDY.local.md is one developer's
            E("CODEBUDDY.local.md", CodeBuddy, K.PersonalFile),
            E("CODEBUDDY.md", CodeBuddy, K.Instructions),
            E(".codebuddy/", CodeBuddy, K.Folder),
            // Rovo Dev (Atlassian): prompts and configuration kept in the repository under .rovodev/
            E(".rovodev/", RovoDev, K.Folder),
            // gptme: the project configuration gptme.toml (files, prompt, env, MCP servers)
            E("gptme.toml", Gptme, K.Settings),
            // Review bots that run an AI model on every pull request: Qodo PR-Agent, Greptile, Sourcery
            E(".pr_agent.toml", QodoPrAgent, K.Settings),
            E("greptile.json", Greptile, K.Settings),
            E(".greptile/", Greptile, K.Folder),
            E(".sourcery.yaml", Sourcery, K.Settings),
            E(".sourcery.yml", Sourcery, K.Settings),
            // Kimi Code CLI: project hooks and configuration in .kimi/, project MCP servers in .kimi-code/mcp.json
            E(".kimi-code/mcp.json", Kimi, K.McpConfig),
            E(".kimi-code/", Kimi, K.Folder),
            E(".kimi/", Kimi, K.Folder),

            // Assistants added for adversary round 9 route 6, each from its own documentation:
            // Factory (Droid): .factory/settings.json (model, autonomyLevel, permission rules), settings.local.json (one
            // developer's), mcp.json, custom droids, commands, skills and hooks in .factory/
            E(".factory/settings.local.json", FactoryDroid, K.PersonalFile),
            E(".factory/settings.json", FactoryDroid, K.Settings),
            E(".factory/mcp.json", FactoryDroid, K.McpConfig),
            E(".factory/droids/", FactoryDroid, K.Agent),
            E(".factory/commands/", FactoryDroid, K.Agent),
            E(".factory/skills/", FactoryDroid, K.Instructions),
            E(".factory/", FactoryDroid, K.Folder),
            // Qodo Command / Qodo IDE: agent definitions (TOML) in .qodo/agents/, kept in the repository to share them
            E(".qodo/agents/", Qodo, K.Agent),
            E(".qodo/", Qodo, K.Folder),
            // Firebender (Android Studio / JetBrains): project config firebender.json (rules, mcpServers, commands, agents)
            E("firebender.json", Firebender, K.Settings),
            E(".firebender/", Firebender, K.Folder),
            // Refact.ai: project integrations and customization in .refact/
            E(".refact/", Refact, K.Folder),
            // Sweep (AI pull-request bot): its repository configuration
            E("sweep.yaml", Sweep, K.Settings),
            // Codex reads repository skills from .agents/skills/ (the agent skills standard's project folder)
            E(".agents/skills/", OpenAiCodex, K.Instructions),

            // CodeRabbit (an AI review bot; its repository configuration)
            E(".coderabbit.yaml", CodeRabbit, K.Settings, FootprintFormat.None),
            E(".coderabbit.yml", CodeRabbit, K.Settings, FootprintFormat.None),

            // Catalog gaps from adversary round 11's footprint sweep (side observation; names checked against each tool's
            // documentation or its own repositories where found): Tabnine's ignore file, Sourcegraph Cody's ignore file,
            // bolt.new's project prompt and settings (.bolt/prompt, .bolt/ignore), Zencoder's Zen rules, Baidu Comate's
            // rules, Sweep's and Ellipsis' review-bot configuration
            E(".tabnineignore", Tabnine, K.IgnoreFile),
            E(".cody/", Cody, K.Folder),
            E(".bolt/", Bolt, K.Folder),
            E(".kiloignore", KiloCode, K.IgnoreFile),
            E(".zencoder/rules/", Zencoder, K.Instructions),
            E(".zencoder/", Zencoder, K.Folder),
            E(".comate/rules/", Comate, K.Instructions),
            E(".comate/", Comate, K.Folder),
            E(".sweep.yaml", Sweep, K.Settings),
            E("ellipsis.yaml", Ellipsis, K.Settings),
            E(".ellipsis.yaml", Ellipsis, K.Settings),
        };

        /// <summary>
        /// Assistants run by a CI workflow (with CI's secrets and the permissions the workflow grants), installed into a dev
        /// container, or recommended as editor extensions (adversary rounds 3 and 4): the file is general, so it is a
        /// footprint of an assistant only when its text names that assistant's action, package, dev container feature or
        /// extension id (<see cref="FootprintEntry.ContentMarkers"/>). One list of names per assistant; each holds for every
        /// file below that can name it.
        /// </summary>
        private static readonly (string Assistant, string[] Markers)[] RunByWorkflow =
        {
            (ClaudeCode, new[] { "anthropics/claude-code-action", "anthropics/claude-code-base-action", "@anthropic-ai/claude-code" }),
            (OpenAiCodex, new[] { "openai/codex-action", "@openai/codex" }),
            (Gemini, new[] { "google-github-actions/run-gemini-cli", "@google/gemini-cli" }),
            (Aider, new[] { "aider-chat" }),
            (QwenCode, new[] { "@qwen-code/qwen-code" }),
            // Adversary round 11 route 3: review bots and agents run from CI by their action, reusable workflow, image or
            // install script (their CLIs by name and package are Launchers' table)
            (QodoPrAgent, new[] { "qodo-ai/pr-agent", "codium-ai/pr-agent", "codiumai/pr-agent", "pr_agent.cli" }),
            (OpenHands, new[] { "all-hands-ai/openhands" }),
            (FactoryDroid, new[] { "app.factory.ai/cli" }),
            (CodeRabbit, new[] { "coderabbitai/" }),
            (ChatGptCodeReview, new[] { "anc95/chatgpt-codereview" }),
            (Qodo, new[] { "@qodo/command" }),
            (GitHubModels, new[] { "actions/ai-inference" }),
        };

        /// <summary>
        /// The files that run commands in CI or build a dev container: GitHub workflows and local composite actions, the
        /// other CI systems' pipeline files, and Dockerfiles of dev containers (adversary round 5 #8: an assistant installed
        /// or run from any of them is used in this repository as much as from a workflow).
        /// </summary>
        private static readonly string[] RunnerFiles =
        {
            ".github/workflows/*.yml", ".github/workflows/*.yaml",
            ".github/actions/**/action.yml", ".github/actions/**/action.yaml", "action.yml", "action.yaml",
            ".gitlab-ci.yml", ".gitlab-ci.yaml", ".gitlab/**/*.yml", ".gitlab/**/*.yaml",
            "azure-pipelines*.yml", "azure-pipelines*.yaml", ".azure-pipelines/**/*.yml", ".azure-pipelines/**/*.yaml", ".pipelines/**/*.yml", ".pipelines/**/*.yaml",
            "bitbucket-pipelines.yml", ".circleci/config.yml", ".circleci/config.yaml", "Jenkinsfile", ".buildkite/**/*.yml", ".buildkite/**/*.yaml",
            ".drone.yml", ".woodpecker.yml", ".woodpecker/*.yml", ".travis.yml", "cloudbuild.yaml", "cloudbuild.yml", "buildspec.yml",
            ".devcontainer/Dockerfile", ".devcontainer/*/Dockerfile", ".devcontainer/*.Dockerfile", ".devcontainer/**/*.sh",
        };

        private static readonly (string Assistant, string[] Markers)[] EditorExtensions =
        {
            (ClaudeCode, new[] { "anthropic.claude-code", "devcontainer-features/claude-code", "@anthropic-ai/claude-code" }),
            (GitHubCopilot, new[] { "github.copilot" }),
            (Continue, new[] { "continue.continue" }),
            (Cline, new[] { "saoudrizwan.claude-dev" }),
            (Roo, new[] { "rooveterinaryinc.roo-cline" }),
            (OpenAiCodex, new[] { "openai.chatgpt", "@openai/codex" }),
            (Windsurf, new[] { "codeium.codeium", "codeium.windsurf" }),
            (Gemini, new[] { "google.geminicodeassist", "@google/gemini-cli" }),
            (AmazonQ, new[] { "amazonwebservices.amazon-q-vscode" }),
            (Tabnine, new[] { "tabnine.tabnine-vscode" }),
            (Augment, new[] { "augment.vscode-augment" }),
            (KiloCode, new[] { "kilocode.kilo-code" }),
        };

        private static readonly FootprintEntry[] Entries = Build();

        private static FootprintEntry[] Build()
        {
            var all = new List<FootprintEntry>(PathEntries);
            foreach ((string assistant, string[] markers) in RunByWorkflow)
            {
                foreach (string pattern in RunnerFiles)
                {
                    all.Add(new FootprintEntry(pattern, assistant, K.Workflow, FootprintFormat.None, contentMarkers: markers));
                }
            }

            foreach ((string assistant, string[] markers) in EditorExtensions)
            {
                foreach (string pattern in new[] { ".devcontainer/devcontainer.json", ".devcontainer/*/devcontainer.json", ".devcontainer.json", ".vscode/extensions.json" })
                {
                    all.Add(new FootprintEntry(pattern, assistant, K.Settings, FootprintFormat.None, contentMarkers: markers));
                }
            }

            return all.ToArray();
        }

        private static readonly string[] AssistantList = BuildAssistantList();

        /// <summary>Every catalog line, in catalog order.</summary>
        public static IReadOnlyList<FootprintEntry> All => Entries;

        /// <summary>Every assistant id the catalog knows, in first-seen order.</summary>
        public static IReadOnlyList<string> Assistants => AssistantList;

        /// <summary>The entries of one assistant.</summary>
        public static IEnumerable<FootprintEntry> For(string assistantId)
        {
            foreach (FootprintEntry e in Entries)
            {
                if (string.Equals(e.AssistantId, assistantId, StringComparison.OrdinalIgnoreCase))
                {
                    yield return e;
                }
            }
        }

        private static FootprintEntry E(string pattern, string assistant, FootprintKind kind, FootprintFormat format = FootprintFormat.Auto) =>
            new FootprintEntry(pattern, assistant, kind, format);

        private static string[] BuildAssistantList()
        {
            var list = new List<string>();
            foreach (FootprintEntry e in Entries)
            {
                if (!list.Contains(e.AssistantId))
                {
                    list.Add(e.AssistantId);
                }
            }

            return list.ToArray();
        }
    }
}
