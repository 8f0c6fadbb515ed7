namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>What a footprint is, which decides what is read inside it and which rules apply.</summary>
    public enum FootprintKind
    {
        /// <summary>A folder or file that only shows the assistant is in use (e.g. <c>.cursor/</c>); files inside are read by extension.</summary>
        Folder,

        /// <summary>Instructions or rules for the assistant (<c>CLAUDE.md</c>, <c>.cursor/rules/*.mdc</c>); Markdown front-matter is read.</summary>
        Instructions,

        /// <summary>An agent, prompt, chat mode or command definition; front-matter <c>model</c>, <c>tools</c>, <c>mcp-servers</c> are read.</summary>
        Agent,

        /// <summary>An MCP server configuration (<c>.mcp.json</c>, <c>.cursor/mcp.json</c>, <c>.codex/config.toml</c>, …).</summary>
        McpConfig,

        /// <summary>Assistant settings: models, permissions, environment (<c>.claude/settings.json</c>, <c>.aider.conf.yml</c>, …).</summary>
        Settings,

        /// <summary>A personal, per-developer file that must never be committed (<c>.claude/settings.local.json</c>, <c>CLAUDE.local.md</c>, aider history).</summary>
        PersonalFile,

        /// <summary>An ignore file that scopes what the assistant may read (<c>.cursorignore</c>, <c>.aiexclude</c>, <c>.aiignore</c>).</summary>
        IgnoreFile,

        /// <summary>A CI workflow that runs the assistant (<c>.github/workflows/copilot-setup-steps.yml</c>).</summary>
        Workflow,

        /// <summary>
        /// A file that starts commands on its own and runs an assistant's CLI from one (<c>.vscode/tasks.json</c> on folder
        /// open, husky hooks, local pre-commit hooks, npm lifecycle scripts): <see cref="Launchers"/>.
        /// </summary>
        Launcher,
    }

    /// <summary>How the content of a footprint file is parsed. <see cref="Auto"/> decides by file extension.</summary>
    public enum FootprintFormat
    {
        /// <summary>By extension: .json/.jsonc → JSON, .toml → TOML, .yml/.yaml → YAML, .md/.mdc → Markdown front-matter, else not read.</summary>
        Auto,

        /// <summary>Not read: presence is the whole footprint (plain-text rules, ignore files, histories).</summary>
        None,

        Json,

        Toml,

        Yaml,

        /// <summary>Markdown with an optional YAML front-matter block between <c>---</c> lines.</summary>
        FrontMatter,

        /// <summary>JSON or YAML, decided by the first non-blank character (e.g. <c>.roomodes</c>).</summary>
        JsonOrYaml,
    }
}
