namespace Guardrails.Tests.Shared;

/// <summary>
/// A realistic footprint per assistant, in the shapes the assistants' own documentation gives (MCP dialects,
/// settings, front-matter). Clean by default: references, not literals; no bypass modes. Tests write them into
/// temporary repositories, and the end-to-end tests reuse them.
/// </summary>
internal static class AssistantFixtures
{
    public const string CursorMcpJson = """
        {
          "mcpServers": {
            "github": {
              "command": "npx",
              "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
              "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${env:GITHUB_TOKEN}" }
            },
            "docs": {
              "url": "https://mcp.contoso.example/mcp",
              "headers": { "Authorization": "Bearer ${env:DOCS_TOKEN}" }
            }
          }
        }
        """;

    /// <summary>Assistant id → files (path relative to the repository root, content).</summary>
    public static readonly IReadOnlyDictionary<string, (string Path, string Content)[]> All = new Dictionary<string, (string, string)[]>
    {
        ["github-copilot"] = new[]
        {
            (".github/copilot-instructions.md", "# Copilot instructions\nUse file-scoped namespaces.\n"),
            (".github/instructions/csharp.instructions.md", "---\napplyTo: \"**/*.cs\"\n---\nPrefer records for DTOs.\n"),
            (".github/agents/reviewer.agent.md", """
                ---
                name: reviewer
                description: Reviews pull requests for security issues
                model: gpt-4.1
                tools: ['read', 'search', 'github/*']
                mcp-servers:
                  github:
                    type: local
                    command: npx
                    args: ["-y", "@modelcontextprotocol/server-github@2025.4.8"]
                    tools: ["*"]
                    env:
                      GITHUB_PERSONAL_ACCESS_TOKEN: ${{ secrets.COPILOT_MCP_GITHUB_TOKEN }}
                ---
                Review the diff and report risky changes.
                """),
            (".vscode/mcp.json", """
                {
                  // VS Code / Copilot agent mode
                  "inputs": [
                    { "type": "promptString", "id": "db-key", "description": "Database key", "password": true }
                  ],
                  "servers": {
                    "acme-db": {
                      "type": "stdio",
                      "command": "dnx",
                      "args": ["Acme.Db.Mcp@2.1.0", "--yes"],
                      "env": { "DB_KEY": "${input:db-key}" }
                    },
                    "learn": { "type": "http", "url": "https://learn.microsoft.com/api/mcp" },
                  }
                }
                """),
        },
        ["visual-studio"] = new[]
        {
            (".vs/mcp.json", """
                {
                  "servers": {
                    "nuget": { "type": "stdio", "command": "dnx", "args": ["NuGet.Mcp.Server", "--version", "0.2.0", "--yes"] }
                  }
                }
                """),
        },
        ["cursor"] = new[]
        {
            (".cursor/mcp.json", CursorMcpJson),
            (".cursor/rules/dotnet.mdc", "---\ndescription: .NET conventions\nglobs: \"**/*.cs\"\nalwaysApply: false\n---\nUse nullable reference types.\n"),
            (".cursorignore", "secrets/\n*.pfx\n"),
        },
        ["claude-code"] = new[]
        {
            ("CLAUDE.md", "# Project\nRun `dotnet test` before committing.\n"),
            (".claude/settings.json", """
                {
                  "$schema": "https://json.schemastore.org/claude-code-settings.json",
                  "model": "claude-sonnet-4-5",
                  "permissions": {
                    "allow": ["Bash(dotnet build:*)", "Bash(dotnet test:*)", "Read(./src/**)"],
                    "deny": ["Read(./.env)", "Read(./secrets/**)"],
                    "defaultMode": "default"
                  },
                  "env": { "CLAUDE_CODE_ENABLE_TELEMETRY": "0" }
                }
                """),
            (".claude/agents/security-reviewer.md", "---\nname: security-reviewer\ndescription: Reviews changes for secrets\ntools: Read, Grep, Glob\nmodel: sonnet\n---\nYou review code.\n"),
            (".mcp.json", """
                {
                  "mcpServers": {
                    "sentry": { "type": "http", "url": "https://mcp.sentry.dev/mcp" },
                    "fs": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "./docs"], "env": {} }
                  }
                }
                """),
        },
        ["openai-codex"] = new[]
        {
            ("AGENTS.md", "# Agents\nBuild with `dotnet build -warnaserror`.\n"),
            (".codex/config.toml", """
                model = "gpt-5-codex"
                approval_policy = "on-request"
                sandbox_mode = "workspace-write"

                [mcp_servers.context7]
                command = "npx"
                args = ["-y", "@upstash/context7-mcp@1.0.14"]
                env_vars = ["CONTEXT7_API_KEY"]

                [mcp_servers.figma]
                url = "https://mcp.figma.com/mcp"
                bearer_token_env_var = "FIGMA_OAUTH_TOKEN"
                http_headers = { "X-Figma-Region" = "us-east-1" }
                """),
        },
        ["gemini"] = new[]
        {
            ("GEMINI.md", "# Gemini\nKeep answers short.\n"),
            (".gemini/settings.json", """
                {
                  "model": { "name": "gemini-2.5-pro" },
                  "mcpServers": {
                    "github": {
                      "httpUrl": "https://api.githubcopilot.com/mcp/",
                      "headers": { "Authorization": "Bearer $GITHUB_PAT" },
                      "timeout": 5000,
                      "trust": false
                    }
                  }
                }
                """),
            (".aiexclude", "*.key\n"),
        },
        ["windsurf"] = new[]
        {
            (".windsurfrules", "Always write tests.\n"),
            (".windsurf/rules/style.md", "---\ntrigger: always_on\n---\nUse four spaces.\n"),
        },
        ["cline"] = new[]
        {
            (".clinerules/coding.md", "# Coding\nNo regions.\n"),
            (".clineignore", "bin/\nobj/\n"),
        },
        ["roo"] = new[]
        {
            (".roo/mcp.json", """
                {
                  "mcpServers": {
                    "fetch": { "command": "uvx", "args": ["mcp-server-fetch==2025.4.7"], "alwaysAllow": [], "disabled": false }
                  }
                }
                """),
            (".roomodes", """
                customModes:
                  - slug: docs-writer
                    name: Docs Writer
                    roleDefinition: You write documentation.
                    groups:
                      - read
                      - - edit
                        - fileRegex: \.md$
                          description: Markdown files only
                """),
        },
        ["continue"] = new[]
        {
            (".continue/mcpServers/sqlite.yaml", """
                name: SQLite MCP
                version: 0.0.1
                schema: v1
                mcpServers:
                  - name: SQLite
                    command: uvx
                    args:
                      - "mcp-server-sqlite==0.6.2"
                      - "--db-path"
                      - "./test.db"
                """),
            (".continue/models/openai.yaml", """
                name: Models
                version: 0.0.1
                schema: v1
                models:
                  - name: GPT-4o
                    provider: openai
                    model: gpt-4o
                    apiKey: ${{ secrets.OPENAI_API_KEY }}
                    roles:
                      - chat
                      - edit
                """),
        },
        ["aider"] = new[]
        {
            (".aider.conf.yml", "# aider settings\nmodel: sonnet\nweak-model: haiku\nauto-commits: false\ndark-mode: true\n"),
            (".aiderignore", "*.min.js\n"),
        },
        ["amazon-q"] = new[]
        {
            (".amazonq/mcp.json", """
                {
                  "mcpServers": {
                    "aws-docs": {
                      "command": "docker",
                      "args": ["run", "-i", "--rm", "-e", "FASTMCP_LOG_LEVEL=ERROR", "public.ecr.aws/awslabs/aws-documentation-mcp-server:1.1.2"],
                      "env": { "AWS_PROFILE": "dev" },
                      "timeout": 60000
                    }
                  }
                }
                """),
            (".amazonq/rules/style.md", "# Style\nPrefer async APIs.\n"),
        },
        ["jetbrains-ai"] = new[]
        {
            (".junie/guidelines.md", "# Guidelines\nUse xunit.\n"),
            (".junie/mcp/mcp.json", """
                {
                  "mcpServers": {
                    "jetbrains": { "command": "npx", "args": ["-y", "@jetbrains/mcp-proxy@1.8.0"] }
                  }
                }
                """),
            (".aiignore", ".env\n"),
        },
        ["kiro"] = new[]
        {
            (".kiro/steering/tech.md", "---\ninclusion: always\n---\n# Tech stack\n.NET 10.\n"),
            (".kiro/settings/mcp.json", """
                {
                  "mcpServers": {
                    "fetch": {
                      "command": "uvx",
                      "args": ["mcp-server-fetch==2025.4.7"],
                      "env": { "FETCH_TOKEN": "${FETCH_TOKEN}" },
                      "disabled": false,
                      "autoApprove": []
                    }
                  }
                }
                """),
        },
        ["tabnine"] = new[]
        {
            (".tabnine/guidelines/style.md", "# Style\nPrefer LINQ.\n"),
            (".tabnine/agent/settings.json", """
                { "mcpServers": { "git": { "command": "uvx", "args": ["mcp-server-git==2025.7.1", "--repository", "."] } } }
                """),
        },
        ["augment"] = new[]
        {
            (".augment/rules/style.md", "---\ntype: always_apply\n---\nUse guard clauses.\n"),
        },
        ["zed"] = new[]
        {
            (".rules", "Use tabs in makefiles only.\n"),
            (".zed/settings.json", """
                {
                  // Zed project settings
                  "agent": {
                    "default_model": { "provider": "anthropic", "model": "claude-sonnet-4" },
                    "always_allow_tool_actions": false
                  },
                  "context_servers": {
                    "postgres": {
                      "command": { "path": "npx", "args": ["-y", "@zeddotdev/postgres-context-server@0.1.2"], "env": {} }
                    }
                  }
                }
                """),
        },
        ["devin"] = new[]
        {
            (".devin/mcp_config.json", """
                { "mcpServers": { "linear": { "serverUrl": "https://mcp.linear.app/sse" } } }
                """),
        },
        ["trae"] = new[]
        {
            (".trae/mcp.json", """
                { "mcpServers": { "fetch": { "command": "uvx", "args": ["mcp-server-fetch==2025.4.7"] } } }
                """),
            (".trae/rules/project_rules.md", "# Project rules\n\nUse file-scoped namespaces.\n"),
        },
        ["opencode"] = new[]
        {
            // OpenCode 1: servers directly under "mcp", the command and its arguments in one array.
            ("opencode.json", """
                {
                  "$schema": "https://opencode.ai/config.json",
                  "model": "anthropic/claude-sonnet-4-5",
                  "mcp": {
                    "fs": { "type": "local", "command": ["npx", "-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "."], "enabled": true,
                            "environment": { "LOG_LEVEL": "info" } },
                    "docs": { "type": "remote", "url": "https://mcp.contoso.example/mcp", "headers": { "Authorization": "Bearer {env:DOCS_TOKEN}" } }
                  }
                }
                """),
            // OpenCode 2: servers under "mcp.servers".
            (".opencode/opencode.jsonc", """
                {
                  // project overrides
                  "mcp": { "servers": { "sentry": { "type": "remote", "url": "https://mcp.sentry.dev/mcp" } } },
                }
                """),
        },
        ["goose"] = new[]
        {
            (".goosehints", "Run dotnet test before proposing a change.\n"),
        },
        ["kilo-code"] = new[]
        {
            (".kilocode/mcp.json", """
                { "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "."] } } }
                """),
            (".kilocode/rules/style.md", "Prefer records for DTOs.\n"),
        },
        ["amp"] = new[]
        {
            ("AGENT.md", "Build with dotnet build; never commit secrets.\n"),
        },
        ["qwen-code"] = new[]
        {
            (".qwen/settings.json", """
                { "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "."] } } }
                """),
            ("QWEN.md", "Build with dotnet build.\n"),
        },
        ["firebase-studio"] = new[]
        {
            (".idx/airules.md", "Prefer records for DTOs.\n"),
            (".idx/mcp.json", """
                { "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "."] } } }
                """),
        },
    };

    /// <summary>Writes the fixture of <paramref name="assistant"/> under <paramref name="root"/>.</summary>
    public static void WriteTo(string root, string assistant)
    {
        foreach ((string path, string content) in All[assistant])
        {
            string full = System.IO.Path.Combine(root, path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }
}
