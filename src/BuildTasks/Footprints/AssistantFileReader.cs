using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Reads what is inside one footprint file: MCP servers (every dialect), models, permission settings and literal
    /// credentials, each at its line and column. Tolerant: a file that cannot be read or parsed yields a
    /// <see cref="ReadProblem"/> (and whatever a raw scan for known key formats still finds), never an exception.
    /// JSON is read with the shared <see cref="JsonReader"/> (comments and trailing commas allowed, as the assistants
    /// do), TOML and YAML with the subset readers in Core; all three give the same tree, so one interpreter serves all.
    /// </summary>
    public static class AssistantFileReader
    {
        private const int MaxDepth = 32;

        public static FootprintContent Read(FootprintHit hit)
        {
            var content = new FootprintContent(hit);
            if (hit.IsDirectory)
            {
                return content;
            }

            string? text = SourceFile.TryReadText(hit.FullPath, RuleCatalog.UnreadableAssistantFile, "The assistant file", out Finding? problem);
            if (text == null)
            {
                content.Problem = new ReadProblem(Describe(problem), problem?.Line ?? 0, problem?.Column ?? 0, tooLarge: IsOverLimit(hit.FullPath));
                return content;
            }

            if (LfsPointer.TryParse(text, out string? oid))
            {
                // A Git LFS pointer in the working tree (adversary round 6 #18: `.gitattributes` `filter=lfs` on an assistant
                // file, a checkout without LFS): the assistants of everyone with LFS read the real file. Judge the object when
                // this clone has it; else the file is not checked, which fails Enforce like a file over the size limit.
                string? real = LfsPointer.TryReadObject(hit.FullPath, oid!);
                if (real == null)
                {
                    content.Problem = new ReadProblem(
                        "is a Git LFS pointer (sha256:" + oid!.Substring(0, 12) + "…) whose content this checkout does not have", 1, 1, lfsPointer: true);
                    return content;
                }

                text = real;
            }

            Interpret(content, text);
            return content;
        }

        /// <summary>
        /// A VS Code path setting (<c>envFile</c>, <c>cwd</c>) as a full path: <c>${workspaceFolder}</c> and a relative path are
        /// <paramref name="workspace"/>; null for any other variable (<c>${userHome}</c>, <c>${env:…}</c>: the developer's own).
        /// </summary>
        internal static string? ResolveInWorkspace(string value, string workspace)
        {
            string v = value.Trim();
            foreach (string variable in new[] { "${workspaceFolder}", "${workspaceRoot}" })
            {
                if (v.StartsWith(variable, StringComparison.Ordinal))
                {
                    v = v.Substring(variable.Length).TrimStart('/', '\\');
                    break;
                }
            }

            if (v.IndexOf("${", StringComparison.Ordinal) >= 0 || v.StartsWith("~", StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(Path.IsPathRooted(v) ? v : Path.Combine(workspace, v.Replace('/', Path.DirectorySeparatorChar)));
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e) || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private static bool IsOverLimit(string path)
        {
            try
            {
                return new FileInfo(path).Length > SourceFile.MaxBytes;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return false;
            }
        }

        /// <summary>Interprets already-read text as the footprint's format (exposed for tests).</summary>
        public static void Interpret(FootprintContent content, string text)
        {
            ScanKnownKeyFormats(content, text);
            FootprintFormat format = ResolveFormat(content.Hit, text);
            JsonNode? root = null;
            try
            {
                switch (format)
                {
                    case FootprintFormat.Json:
                        root = JsonReader.Parse(text);
                        break;
                    case FootprintFormat.Toml:
                        root = TomlReader.Parse(text);
                        break;
                    case FootprintFormat.Yaml:
                        root = YamlReader.Parse(text);
                        break;
                    case FootprintFormat.FrontMatter:
                        root = YamlReader.ParseFrontMatter(text);
                        break;
                    default:
                        if (IsEnvFile(content.Hit.RelativePath))
                        {
                            ReadEnvFile(content, text);
                        }

                        return;
                }
            }
            catch (JsonParseException e)
            {
                content.Problem = new ReadProblem(
                    "is not valid " + FormatName(format) + ": " + e.Message + " (Guardrails reads " + FormatName(format) + " as described in docs/rules/GRD137.md)",
                    e.Position.Line,
                    e.Position.Column);
                return;
            }

            if (root != null && content.Hit.Section != null)
            {
                root = SectionOf(root, content.Hit.Section);
            }

            if (root == null)
            {
                return;
            }

            new Interpreter(content).Run(root);
        }

        /// <summary>Interprets an already-built tree (another tool's settings turned into the assistant's: <see cref="AssistantEnvironment"/>).</summary>
        internal static void InterpretTree(FootprintContent content, JsonNode root) => new Interpreter(content).Run(root);

        /// <summary>The object reached by following <paramref name="section"/>'s member names from <paramref name="root"/>, or null.</summary>
        private static JsonNode? SectionOf(JsonNode root, IReadOnlyList<string> section)
        {
            JsonNode? node = root;
            foreach (string member in section)
            {
                node = node != null && node.Kind == JsonKind.Object ? node[member] : null;
            }

            return node != null && node.Kind == JsonKind.Object ? node : null;
        }

        public static FootprintFormat ResolveFormat(FootprintHit hit, string text)
        {
            FootprintFormat format = hit.Format;
            if (format == FootprintFormat.JsonOrYaml)
            {
                string t = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
                return t.StartsWith("{", StringComparison.Ordinal) ? FootprintFormat.Json : FootprintFormat.Yaml;
            }

            if (format != FootprintFormat.Auto)
            {
                return format;
            }

            string ext = Path.GetExtension(hit.RelativePath).ToLowerInvariant();
            switch (ext)
            {
                case ".json":
                case ".jsonc":
                    return FootprintFormat.Json;
                case ".toml":
                    return FootprintFormat.Toml;
                case ".yml":
                case ".yaml":
                    return FootprintFormat.Yaml;
                case ".md":
                case ".mdc":
                case ".markdown":
                    return FootprintFormat.FrontMatter;
                default:
                    return FootprintFormat.None;
            }
        }

        private static string FormatName(FootprintFormat format) => format switch
        {
            FootprintFormat.Json => "JSON",
            FootprintFormat.Toml => "TOML",
            FootprintFormat.FrontMatter => "YAML front-matter",
            _ => "YAML",
        };

        private static string Describe(Finding? problem)
        {
            if (problem == null)
            {
                return "could not be read";
            }

            // SourceFile's messages start with "The assistant file …"; keep the reason only.
            const string prefix = "The assistant file ";
            return problem.Message.StartsWith(prefix, StringComparison.Ordinal) ? problem.Message.Substring(prefix.Length).TrimEnd('.') : problem.Message;
        }

        private static bool IsEnvFile(string relativePath)
        {
            string name = Path.GetFileName(relativePath);
            return name == ".env" || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase) || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Known key formats anywhere in the text (also in files that are not parsed, or fail to parse).</summary>
        private static void ScanKnownKeyFormats(FootprintContent content, string text)
        {
            if (!SecretScanner.MightContainKey(text))
            {
                return;
            }

            var matches = new List<SecretMatch>();
            SecretScanner.Scan(text, matches);
            foreach (SecretMatch m in matches)
            {
                (int line, int col) = LineColumn(text, m.Start);
                content.Credentials.Add(new CredentialUse("(text)", m.Redacted, m.Format.Provider, line, col));
            }
        }

        private static void ReadEnvFile(FootprintContent content, string text)
        {
            foreach ((int line, int column, string content0) in Launchers.ContentLines(text))
            {
                string trimmed = content0;
                int col = column;
                if (trimmed.StartsWith("export ", StringComparison.Ordinal))
                {
                    string rest = trimmed.Substring(7).TrimStart();
                    col += trimmed.Length - rest.Length;
                    trimmed = rest;
                }

                int eq = trimmed.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                string name = trimmed.Substring(0, eq).Trim();
                string value = trimmed.Substring(eq + 1).Trim().Trim('"', '\'');
                AddCredentialIfLiteral(content, name, name, value, line, col + eq + 1);
            }
        }

        internal static void AddCredentialIfLiteral(FootprintContent content, string name, string setting, string value, int line, int column)
        {
            if (!CredentialValues.IsLiteralCredential(name, value, out string redacted, out string? provider))
            {
                return;
            }

            // A known key format was already reported by the raw scan at this line.
            foreach (CredentialUse c in content.Credentials)
            {
                if (c.Line == line && c.Provider != null)
                {
                    return;
                }
            }

            content.Credentials.Add(new CredentialUse(setting, redacted, provider, line, column));
        }

        internal static (int Line, int Column) LineColumn(string text, int offset)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }

        /// <summary>Walks the tree once: MCP servers in every dialect, models, permissions, credentials.</summary>
        private sealed class Interpreter
        {
            private readonly FootprintContent _content;

            public Interpreter(FootprintContent content)
            {
                _content = content;
                _amp = Contains(content.Hit.Assistants, AssistantIds.Amp);
            }

            /// <summary>Amp's hit: its dotted <c>amp.*</c> settings are read (in another assistant's file they are Amp's, not that assistant's).</summary>
            private readonly bool _amp;

            public void Run(JsonNode root)
            {
                if (_content.Hit.OnlyKeysOf is string prefix)
                {
                    RunPrefixed(root, prefix);
                    return;
                }

                if (root.Kind != JsonKind.Object)
                {
                    Walk(root, string.Empty, 0);
                    return;
                }

                ReadServers(root);
                if (PermissionSettings.HasHooks(root))
                {
                    foreach (JsonProperty hooks in root.Properties)
                    {
                        if (hooks.Name == "hooks")
                        {
                            _content.Permissions.Add(new PermissionUse(PermissionCeilings.Hooks, "hooks", PermissionSettings.Show(hooks.Value), hooks.NameStart.Line, hooks.NameStart.Column));
                            break;
                        }
                    }
                }

                foreach (JsonProperty p in PermissionSettings.CursorEnvironmentCommands(_content.Hit.RelativePath, root))
                {
                    _content.Permissions.Add(new PermissionUse(PermissionCeilings.Hooks, p.Name, PermissionSettings.Show(p.Value), p.NameStart.Line, p.NameStart.Column));
                }

                foreach (JsonProperty p in root.Properties)
                {
                    if (PermissionSettings.IsCommandSetting(p))
                    {
                        _content.Permissions.Add(new PermissionUse(PermissionCeilings.Hooks, PermissionSettings.CommandSettingName(p), PermissionSettings.Show(p.Value), p.NameStart.Line, p.NameStart.Column));
                    }
                    else if (p.Name == "sandbox" && PermissionSettings.SandboxAutoAllowsBash(p.Value, out JsonProperty? at))
                    {
                        // Claude Code: with the sandbox on, autoAllowBashIfSandboxed (true unless set false) runs every Bash
                        // command without asking, inside a sandbox whose reach the same file sets (adversary round 6 #13).
                        _content.Permissions.Add(new PermissionUse(PermissionCeilings.AutoApprove, "sandbox." + at!.Name, at.Name == "enabled" ? "true (autoAllowBashIfSandboxed not set false)" : "true", at.NameStart.Line, at.NameStart.Column));
                    }
                }

                Walk(root, string.Empty, 0);
            }

            /// <summary>
            /// One assistant's members in a file shared with others (Amp in VS Code's settings): its MCP servers
            /// (<c>amp.mcpServers</c>) and permission settings (<c>amp.dangerouslyAllowAll</c>); the other members are not its.
            /// </summary>
            private void RunPrefixed(JsonNode settings, string prefix)
            {
                if (settings.Kind != JsonKind.Object)
                {
                    return;
                }

                foreach (JsonProperty p in settings.Properties)
                {
                    if (!p.Name.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (p.Name.Substring(prefix.Length) == "mcpServers")
                    {
                        ReadServerCollection(p.Value, p.Name);
                    }
                    else
                    {
                        CheckPermission(p, p.Name);
                    }
                }
            }

            private static bool Contains(IReadOnlyList<string> list, string value)
            {
                foreach (string s in list)
                {
                    if (s == value)
                    {
                        return true;
                    }
                }

                return false;
            }

            private void ReadServers(JsonNode root)
            {
                bool mcpFile = _content.Hit.Kind == FootprintKind.McpConfig || _content.Hit.RelativePath.IndexOf("mcp", StringComparison.OrdinalIgnoreCase) >= 0;
                foreach (JsonProperty p in root.Properties)
                {
                    switch (p.Name)
                    {
                        case "mcpServers":
                        case "context_servers":
                        case "mcp_servers":
                        case "mcp-servers":
                            ReadServerCollection(p.Value, p.Name);
                            break;
                        case "servers":
                            if (mcpFile)
                            {
                                ReadServerCollection(p.Value, p.Name);
                            }

                            break;
                        case "mcp":
                            ReadMcpObject(p.Value);
                            break;
                        case "mcp.servers":
                            // VS Code settings written with a dotted key.
                            ReadServerCollection(p.Value, "mcp.servers");
                            break;
                        case "amp.mcpServers":
                            // Amp's servers (.amp/settings.json); in VS Code's settings they are read for Amp's own hit.
                            if (_amp)
                            {
                                ReadServerCollection(p.Value, "amp.mcpServers");
                            }

                            break;
                        case "enabledPlugins":
                            ReadPlugins(p.Value, root["extraKnownMarketplaces"]);
                            break;
                        case "settings":
                            // A VS Code workspace file (*.code-workspace) carries settings, MCP servers among them, as does a dev
                            // container's customizations.vscode.
                            if (p.Value.Kind == JsonKind.Object && (_content.Hit.RelativePath.EndsWith(".code-workspace", StringComparison.OrdinalIgnoreCase) || _content.Hit.Section != null))
                            {
                                ReadServers(p.Value);
                            }

                            break;
                    }
                }
            }

            /// <summary>
            /// Claude Code plugins (adversary round 6 #1): <c>"enabledPlugins": { "name@marketplace": true }</c> installs and
            /// runs a plugin, which brings MCP servers, hooks, agents and commands of its own that no file here shows. Each
            /// enabled plugin is judged like an MCP server, identified as <c>pkg:claude-plugin/&lt;marketplace&gt;/&lt;name&gt;</c>,
            /// where the marketplace is the source <c>extraKnownMarketplaces</c> gives it in the same file (a GitHub repository,
            /// a git or marketplace URL, a path), else its name; a plugin is not pinned to a version.
            /// </summary>
            private void ReadPlugins(JsonNode plugins, JsonNode? marketplaces)
            {
                if (plugins.Kind != JsonKind.Object)
                {
                    return;
                }

                foreach (JsonProperty p in plugins.Properties)
                {
                    if (p.Value.Kind != JsonKind.True)
                    {
                        continue; // false turns a plugin off
                    }

                    int at = p.Name.LastIndexOf('@');
                    string plugin = at > 0 ? p.Name.Substring(0, at) : p.Name;
                    string marketplace = at > 0 && at < p.Name.Length - 1 ? p.Name.Substring(at + 1) : "(no marketplace)";
                    string source = MarketplaceSource(marketplaces, marketplace) ?? marketplace;
                    var server = new McpServerUse(p.Name, "enabledPlugins", p.NameStart.Line, p.NameStart.Column)
                    {
                        Package = "pkg:claude-plugin/" + source + "/" + plugin,
                        What = "Claude Code plugin",
                    };
                    server.HasUnresolvedVariable = CredentialValues.HasVariable(server.Package);
                    _content.Servers.Add(server);
                }
            }

            /// <summary>"github.com/owner/repo" for <c>{ "source": "github", "repo": "owner/repo" }</c>, the url or path of the other sources.</summary>
            private static string? MarketplaceSource(JsonNode? marketplaces, string name)
            {
                JsonNode? source = marketplaces != null && marketplaces.Kind == JsonKind.Object ? marketplaces[name]?["source"] : null;
                if (source == null || source.Kind != JsonKind.Object)
                {
                    return null;
                }

                if (Str(source["repo"]) is { } repo)
                {
                    return "github.com/" + repo.Trim().Trim('/');
                }

                string? where = Str(source["url"]) ?? Str(source["path"]);
                return where?.Trim();
            }

            /// <summary>
            /// "mcp": { "servers": { … } } (VS Code settings, OpenCode 2) or "mcp": { "name": { "type": "local",
            /// "command": [ … ] } } (OpenCode 1, servers directly under "mcp"; other members such as "inputs" are not servers).
            /// </summary>
            private void ReadMcpObject(JsonNode mcp)
            {
                if (mcp.Kind != JsonKind.Object)
                {
                    return;
                }

                JsonNode? servers = mcp["servers"];
                if (servers != null && servers.Kind == JsonKind.Object)
                {
                    ReadServerCollection(servers, "mcp.servers");
                    return;
                }

                foreach (JsonProperty s in mcp.Properties)
                {
                    JsonNode v = s.Value;
                    if (v.Kind == JsonKind.Object && (v["command"] != null || v["url"] != null || v["type"] != null))
                    {
                        ReadServer(s.Name, s.NameStart, v, "mcp");
                    }
                }
            }

            private void ReadServerCollection(JsonNode collection, string dialect)
            {
                if (collection.Kind == JsonKind.Object)
                {
                    foreach (JsonProperty s in collection.Properties)
                    {
                        if (s.Value.Kind == JsonKind.Object)
                        {
                            ReadServer(s.Name, s.NameStart, s.Value, dialect);
                        }
                    }
                }
                else if (collection.Kind == JsonKind.Array)
                {
                    // Continue: mcpServers: [ { name, command, args, env } | { uses: owner/block } ]
                    foreach (JsonNode item in collection.Items)
                    {
                        if (item.Kind == JsonKind.Object)
                        {
                            string name = item["name"]?.Text ?? item["uses"]?.Text ?? "(unnamed)";
                            ReadServer(name, item.Start, item, dialect);
                        }
                    }
                }
            }

            private void ReadServer(string name, TextPosition at, JsonNode s, string dialect)
            {
                var server = new McpServerUse(name, dialect, at.Line, at.Column);
                string? url = Str(s["url"]) ?? Str(s["httpUrl"]) ?? Str(s["serverUrl"]) ?? Str(s["uri"]);
                var command = new List<string>();
                JsonNode? cmd = s["command"];
                JsonNode? args = s["args"];
                if (cmd != null && cmd.Kind == JsonKind.Object)
                {
                    // Zed: "command": { "path": "…", "args": [ … ], "env": { … } }
                    args ??= cmd["args"];
                    cmd = cmd["path"];
                }

                if (cmd != null && cmd.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(cmd.Text))
                {
                    command.Add(cmd.Text!);
                }
                else if (cmd != null && cmd.Kind == JsonKind.Array)
                {
                    foreach (JsonNode part in cmd.Items)
                    {
                        command.Add(part.Text ?? string.Empty);
                    }
                }

                if (command.Count > 0 && args != null && args.Kind == JsonKind.Array)
                {
                    foreach (JsonNode a in args.Items)
                    {
                        command.Add(a.Kind == JsonKind.String || a.Kind == JsonKind.Number ? a.Text ?? string.Empty : a.Kind.ToString().ToLowerInvariant());
                    }
                }

                string? uses = Str(s["uses"]);
                if (url != null)
                {
                    server.Url = url;
                    server.HasUnresolvedVariable = CredentialValues.HasVariable(url);
                    if (command.Count > 0)
                    {
                        // A stdio server given an approved server's url as well (adversary round 4 #12): the assistant runs
                        // the command and ignores the url, so the command is identified and judged too.
                        server.Command = command;
                        ServerCommand.Identify(server);
                        server.HasUnresolvedVariable |= server.Package != null
                            ? CredentialValues.HasVariable(server.Package) || (server.Version != null && CredentialValues.HasVariable(server.Version)) || CredentialValues.HasVariable(command[0])
                            : command.Exists(CredentialValues.HasVariable);
                    }
                }
                else if (command.Count > 0)
                {
                    server.Command = command;
                    ServerCommand.Identify(server);
                    server.HasUnresolvedVariable = server.Package != null
                        ? CredentialValues.HasVariable(server.Package) || (server.Version != null && CredentialValues.HasVariable(server.Version)) || CredentialValues.HasVariable(command[0])
                        : command.Exists(CredentialValues.HasVariable);
                }
                else if (uses != null)
                {
                    // Continue hub block: "uses: owner/block" or "owner/block@1.0.0"
                    int at2 = uses.LastIndexOf('@');
                    server.Package = "pkg:continue/" + (at2 > 0 ? uses.Substring(0, at2) : uses);
                    server.Version = at2 > 0 ? uses.Substring(at2 + 1) : null;
                }

                foreach (string helper in new[] { "headersHelper", "headers_helper" })
                {
                    if (Str(s[helper]) is { } run && run.Trim().Length > 0)
                    {
                        server.RunsHelper = helper;
                    }
                }

                server.Cwd = Str(s["cwd"]);
                if (server.AlteredBy == null && Str(s["envFile"]) is { } envFile && EnvFileAltering(envFile) is { } variable)
                {
                    server.AlteredBy = variable;
                    server.AlteredIn = "envFile '" + envFile + "'";
                }

                _content.Servers.Add(server);

                // Credentials under env / headers are checked whatever their names say about them.
                foreach (string field in new[] { "env", "environment", "headers", "http_headers", "requestInit" })
                {
                    JsonNode? bag = s[field];
                    if (bag != null && bag.Kind == JsonKind.Object)
                    {
                        foreach (JsonProperty e in bag.Properties)
                        {
                            if ((field == "env" || field == "environment") && server.AlteredBy == null && ServerCommand.ChangesWhatRuns(e.Name))
                            {
                                server.AlteredBy = e.Name;
                            }

                            if (e.Value.Kind == JsonKind.String)
                            {
                                string setting = dialect + "." + name + "." + field + "." + e.Name;
                                AddCredentialIfLiteral(_content, e.Name, setting, e.Value.Text ?? string.Empty, e.Value.Start.Line, e.Value.Start.Column);
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// VS Code's <c>envFile</c> (adversary round 8 route 9): the committed file's variables reach the server as its
            /// <c>env</c> does, so a variable that changes what the launcher runs (<see cref="ServerCommand.ChangesWhatRuns"/>)
            /// is named, with the file, the same way. <c>${workspaceFolder}</c> and a relative path are the footprint's
            /// folder; a file outside the repository or behind another variable is the developer's own and is not read.
            /// </summary>
            private string? EnvFileAltering(string envFile)
            {
                string level = _content.Hit.Level;
                string? path = ResolveInWorkspace(envFile, level);
                if (path == null || !File.Exists(path))
                {
                    return null;
                }

                string? text = SourceFile.TryReadText(path, RuleCatalog.UnreadableAssistantFile, "The envFile", out Finding? _);
                if (text == null)
                {
                    return null;
                }

                foreach ((int _, int _, string line) in Launchers.ContentLines(text))
                {
                    string t = line.StartsWith("export ", StringComparison.Ordinal) ? line.Substring(7).TrimStart() : line;
                    int eq = t.IndexOf('=');
                    if (eq > 0 && ServerCommand.ChangesWhatRuns(t.Substring(0, eq)))
                    {
                        return t.Substring(0, eq).Trim();
                    }
                }

                return null;
            }

            private void Walk(JsonNode node, string path, int depth)
            {
                if (depth > MaxDepth)
                {
                    return;
                }

                if (node.Kind == JsonKind.Object)
                {
                    foreach (JsonProperty p in node.Properties)
                    {
                        string childPath = path.Length == 0 ? p.Name : path + "." + p.Name;
                        CheckModel(p, childPath);
                        CheckPermission(p, childPath);
                        CheckNamedCredential(p, childPath);
                        CheckEndpoint(p, childPath);
                        Walk(p.Value, childPath, depth + 1);
                    }
                }
                else if (node.Kind == JsonKind.Array)
                {
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        Walk(node.Items[i], path + "[" + i + "]", depth + 1);
                    }
                }
            }

            private void CheckModel(JsonProperty p, string path)
            {
                if (IsCopilotModelList(p.Name) && p.Value.Kind == JsonKind.Object)
                {
                    // VS Code's bring-your-own-key models for Copilot Chat (adversary round 11 route 14): each member's
                    // name is the model id sent to the provider, unless the member's "id" names another.
                    foreach (JsonProperty m in p.Value.Properties)
                    {
                        if (m.Value.Kind == JsonKind.Object && m.Value["id"] is JsonNode id && id.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(id.Text))
                        {
                            AddModel(id.Text, path + "." + m.Name + ".id", id);
                        }
                        else if (!string.IsNullOrWhiteSpace(m.Name) && !CredentialValues.HasVariable(m.Name))
                        {
                            _content.Models.Add(new ModelUse(m.Name.Trim(), path + "." + m.Name, m.NameStart.Line, m.NameStart.Column));
                        }
                    }

                    return;
                }

                if (!IsModelKey(p.Name))
                {
                    return;
                }

                JsonNode v = p.Value;
                if (v.Kind == JsonKind.String)
                {
                    AddModel(v.Text, path, v);
                }
                else if (v.Kind == JsonKind.Array)
                {
                    foreach (JsonNode item in v.Items)
                    {
                        if (item.Kind == JsonKind.String)
                        {
                            AddModel(item.Text, path, item);
                        }
                    }
                }
                else if (v.Kind == JsonKind.Object && v["name"] is JsonNode n && n.Kind == JsonKind.String && v["model"] == null)
                {
                    AddModel(n.Text, path + ".name", n); // Gemini: "model": { "name": "gemini-2.5-pro" }
                }
            }

            private void AddModel(string? model, string path, JsonNode at)
            {
                if (string.IsNullOrWhiteSpace(model) || CredentialValues.HasVariable(model!))
                {
                    return;
                }

                _content.Models.Add(new ModelUse(model!.Trim(), path, at.Start.Line, at.Start.Column));
            }

            /// <summary>Copilot Chat's bring-your-own-key model lists in VS Code's settings: <c>{ "&lt;model id&gt;": { "url": …, "id"?: … } }</c>.</summary>
            internal static bool IsCopilotModelList(string name) =>
                string.Equals(name, "github.copilot.chat.customOAIModels", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(name, "github.copilot.chat.azureModels", StringComparison.OrdinalIgnoreCase);

            /// <summary>"model", "default_model", "weak-model", "smallFastModel", "ANTHROPIC_MODEL": a key that names a model.</summary>
            internal static bool IsModelKey(string name)
            {
                if (string.Equals(name, "model", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                return name.EndsWith("_model", StringComparison.OrdinalIgnoreCase) ||
                       name.EndsWith("-model", StringComparison.OrdinalIgnoreCase) ||
                       name.EndsWith(".model", StringComparison.OrdinalIgnoreCase) ||
                       (name.EndsWith("Model", StringComparison.Ordinal) && name.Length > 5 && char.IsLower(name[name.Length - 6]));
            }

            private void CheckPermission(JsonProperty p, string path)
            {
                if (!_amp && (path.StartsWith("amp.", StringComparison.Ordinal) || path.IndexOf(".amp.", StringComparison.Ordinal) >= 0))
                {
                    return; // Amp's settings in another assistant's file (VS Code's settings) are judged for Amp
                }

                string? ceiling = PermissionSettings.Classify(p.Name, p.Value, out string shown);
                if (ceiling != null)
                {
                    _content.Permissions.Add(new PermissionUse(ceiling, path, shown, p.NameStart.Line, p.NameStart.Column));
                }
            }

            private void CheckNamedCredential(JsonProperty p, string path)
            {
                if (IsInServerBag(path))
                {
                    return; // already checked with the server
                }

                JsonNode v = p.Value;
                if (v.Kind == JsonKind.String)
                {
                    AddCredentialIfLiteral(_content, p.Name, path, v.Text ?? string.Empty, v.Start.Line, v.Start.Column);
                }
                else if (v.Kind == JsonKind.Array)
                {
                    // aider: api-key: [ "openai=sk-…" ]
                    foreach (JsonNode item in v.Items)
                    {
                        if (item.Kind == JsonKind.String)
                        {
                            string text = item.Text ?? string.Empty;
                            int eq = text.IndexOf('=');
                            AddCredentialIfLiteral(_content, p.Name, path, eq > 0 ? text.Substring(eq + 1) : text, item.Start.Line, item.Start.Column);
                        }
                    }
                }
            }

            /// <summary>
            /// A setting that redirects the assistant's traffic (adversary round 4 #16): an <c>env</c> entry or key named
            /// <c>*_BASE_URL</c> / <c>*_API_BASE</c> / <c>base_url</c> (Claude Code's <c>ANTHROPIC_BASE_URL</c>, its Bedrock,
            /// Vertex and Foundry variants, <c>OPENAI_BASE_URL</c>, Codex <c>base_url</c>) or a proxy (<c>HTTPS_PROXY</c>,
            /// <c>HTTP_PROXY</c>, <c>ALL_PROXY</c>), whose value names a host. A value from a variable is left alone
            /// (the developer's own environment), as is loopback (the traffic stays on the machine).
            /// </summary>
            private void CheckEndpoint(JsonProperty p, string path)
            {
                if (p.Value.Kind != JsonKind.String || IsInServerBag(path) || !(_content.Hit.OnlyWithMcpServers ? IsCopilotEndpointSetting(path, _content.Hit.RelativePath) : IsEndpointKey(p.Name)))
                {
                    return;
                }

                string value = (p.Value.Text ?? string.Empty).Trim();
                if (value.Length > 0 && IsFoundryResourceKey(p.Name) && value.IndexOf('.') < 0 && value.IndexOf('/') < 0)
                {
                    // Claude Code on Microsoft Foundry names a resource, not a URL: the traffic goes to <resource>.services.ai.azure.com
                    // (adversary round 8 route 11: a resource anyone can create passed as no endpoint at all).
                    value = "https://" + value + ".services.ai.azure.com";
                }

                if (value.Length == 0 || CredentialValues.HasVariable(value) || !TryHost(value, out string host))
                {
                    return;
                }

                // Loopback is recorded with its port (adversary round 12 route 5): it is left alone only while nothing the
                // repository serves listens there (FootprintChecker judges it by the relay on that port, Relays).
                bool loopback = IsLoopback(host);
                _content.Endpoints.Add(new EndpointUse(path, host, p.Value.Start.Line, p.Value.Start.Column)
                {
                    IsLoopback = loopback,
                    LocalPort = loopback || IsUnspecified(host) ? PortOf(value) : null,
                });
            }

            /// <summary>
            /// In VS Code's settings (shared by every extension), the settings that send Copilot's traffic elsewhere
            /// (adversary round 8 route 9): <c>http.proxy</c>, and a <c>github.copilot.*</c> setting naming a URL or proxy
            /// (<c>github.copilot.advanced</c> <c>debug.overrideProxyUrl</c>, <c>debug.overrideCAPIUrl</c>, …); in a
            /// <c>*.code-workspace</c>, the same below <c>settings</c>. Other extensions' base URLs are not Copilot's.
            /// </summary>
            internal static bool IsCopilotEndpointSetting(string path, string relativePath)
            {
                string p = path;
                if (relativePath.EndsWith(".code-workspace", StringComparison.OrdinalIgnoreCase))
                {
                    if (!p.StartsWith("settings.", StringComparison.Ordinal))
                    {
                        return false;
                    }

                    p = p.Substring("settings.".Length);
                }

                if (string.Equals(p, "http.proxy", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                string upper = p.ToUpperInvariant();
                return upper.StartsWith("GITHUB.COPILOT.", StringComparison.Ordinal) && (upper.EndsWith("URL", StringComparison.Ordinal) || upper.EndsWith("PROXY", StringComparison.Ordinal) || upper.EndsWith("URI", StringComparison.Ordinal));
            }

            private static bool IsFoundryResourceKey(string name) => string.Equals(name, "ANTHROPIC_FOUNDRY_RESOURCE", StringComparison.OrdinalIgnoreCase);

            internal static bool IsEndpointKey(string name)
            {
                var folded = new System.Text.StringBuilder(name.Length);
                foreach (char c in name)
                {
                    if (c != '_' && c != '-' && c != '.')
                    {
                        folded.Append(char.ToUpperInvariant(c));
                    }
                }

                string n = folded.ToString();
                // AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> (the AWS SDKs' endpoint overrides: Claude Code on Bedrock is an
                // AWS SDK client; adversary round 8 route 11); ANTHROPIC_FOUNDRY_RESOURCE names a host (see CheckEndpoint).
                return n.EndsWith("BASEURL", StringComparison.Ordinal) || n.EndsWith("APIBASE", StringComparison.Ordinal) ||
                       n == "HTTPPROXY" || n == "HTTPSPROXY" || n == "ALLPROXY" || IsTelemetryEndpointKey(n) ||
                       n.StartsWith("AWSENDPOINTURL", StringComparison.Ordinal) || n == "ANTHROPICFOUNDRYRESOURCE";
            }

            /// <summary>
            /// OpenTelemetry exporter endpoints (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and its <c>_LOGS_</c>, <c>_METRICS_</c>,
            /// <c>_TRACES_</c> forms; adversary round 6 #13): with Claude Code's telemetry on, the assistant's events go there,
            /// and with <c>OTEL_LOG_USER_PROMPTS=1</c> the prompts themselves. <paramref name="folded"/> is upper case without separators.
            /// </summary>
            internal static bool IsTelemetryEndpointKey(string folded) =>
                folded.StartsWith("OTELEXPORTEROTLP", StringComparison.Ordinal) && folded.EndsWith("ENDPOINT", StringComparison.Ordinal);

            private static bool TryHost(string value, out string host)
            {
                if (Guardrails.Core.Sdks.HostPattern.TryExtractHost(value, out host))
                {
                    return true;
                }

                // "http://localhost:4000", "http://10.1.2.3:3128": hosts without a dot, or addresses.
                string v = value.IndexOf("://", StringComparison.Ordinal) >= 0 ? value : "http://" + value;
                if (Uri.TryCreate(v, UriKind.Absolute, out Uri? uri) && !string.IsNullOrEmpty(uri.IdnHost))
                {
                    host = uri.IdnHost;
                    return true;
                }

                host = string.Empty;
                return false;
            }

            /// <summary>The unspecified address (0.0.0.0, <c>::</c>): a client connecting to it reaches this machine.</summary>
            private static bool IsUnspecified(string host) =>
                System.Net.IPAddress.TryParse(host.Trim('[', ']'), out System.Net.IPAddress? ip) && (ip.Equals(System.Net.IPAddress.Any) || ip.Equals(System.Net.IPAddress.IPv6Any));

            /// <summary>The port a URL names (its scheme's default when it names none), null when it does not parse.</summary>
            private static int? PortOf(string value)
            {
                string v = value.IndexOf("://", StringComparison.Ordinal) >= 0 ? value : "http://" + value;
                return Uri.TryCreate(v, UriKind.Absolute, out Uri? uri) && uri.Port > 0 ? uri.Port : (int?)null;
            }

            private static bool IsLoopback(string host)
            {
                string h = host.Trim('[', ']').TrimEnd('.');
                return string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase) || h.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ||
                       h == "::1" || (System.Net.IPAddress.TryParse(h, out System.Net.IPAddress? ip) && System.Net.IPAddress.IsLoopback(ip));
            }

            private static bool IsInServerBag(string path)
            {
                foreach (string dialect in new[] { "mcpServers.", "servers.", "context_servers.", "mcp_servers.", "mcp-servers.", "mcp.", "settings.mcp." })
                {
                    if (path.StartsWith(dialect, StringComparison.Ordinal) &&
                        (path.IndexOf(".env.", StringComparison.Ordinal) > 0 || path.IndexOf(".environment.", StringComparison.Ordinal) > 0 || path.IndexOf(".headers.", StringComparison.Ordinal) > 0 || path.IndexOf(".http_headers.", StringComparison.Ordinal) > 0))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string? Str(JsonNode? node) => node != null && node.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(node.Text) ? node.Text : null;
        }
    }
}
