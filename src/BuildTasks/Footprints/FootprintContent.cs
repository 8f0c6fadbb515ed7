using System.Collections.Generic;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>What was read inside one footprint file, each item with its 1-based line and column.</summary>
    public sealed class FootprintContent
    {
        public FootprintContent(FootprintHit hit)
        {
            Hit = hit;
        }

        public FootprintHit Hit { get; }

        public List<McpServerUse> Servers { get; } = new List<McpServerUse>();

        public List<ModelUse> Models { get; } = new List<ModelUse>();

        public List<PermissionUse> Permissions { get; } = new List<PermissionUse>();

        public List<CredentialUse> Credentials { get; } = new List<CredentialUse>();

        /// <summary>Settings that send the assistant's traffic to another host (a base URL or a proxy).</summary>
        public List<EndpointUse> Endpoints { get; } = new List<EndpointUse>();

        /// <summary>Set when the file could not be read or parsed; the other lists hold what was found before that.</summary>
        public ReadProblem? Problem { get; set; }
    }

    /// <summary>A position in a footprint file (1-based; 0 when unknown).</summary>
    public abstract class PositionedItem
    {
        protected PositionedItem(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>An MCP server configured in a file. The name is only a label; <see cref="Url"/>, <see cref="Command"/> or <see cref="Package"/> identify it.</summary>
    public sealed class McpServerUse : PositionedItem
    {
        public McpServerUse(string name, string dialect, int line, int column)
            : base(line, column)
        {
            Name = name;
            Dialect = dialect;
        }

        /// <summary>The label the file gives the server.</summary>
        public string Name { get; }

        /// <summary>Where it was configured: "mcpServers", "servers", "context_servers", "mcp_servers", "mcp-servers".</summary>
        public string Dialect { get; }

        /// <summary>The remote URL, for http/sse servers.</summary>
        public string? Url { get; set; }

        /// <summary>The full command line (command then arguments), for stdio servers.</summary>
        public IReadOnlyList<string>? Command { get; set; }

        /// <summary>The package the command runs, as a purl without version ("pkg:npm/@scope/name", "pkg:pypi/name", "pkg:docker/owner/image", "pkg:nuget/Name").</summary>
        public string? Package { get; set; }

        /// <summary>The pinned package version or image tag/digest; null when the command does not pin one.</summary>
        public string? Version { get; set; }

        /// <summary>True when the URL or command contains a variable (<c>${VAR}</c>) the build cannot resolve: the identity is then unknown.</summary>
        public bool HasUnresolvedVariable { get; set; }

        /// <summary>
        /// The environment variable of the server's own <c>env</c> that changes what its command runs (a registry or index,
        /// a preloaded script: <c>npm_config_registry</c>, <c>NODE_OPTIONS</c>, <c>PIP_INDEX_URL</c>, …), or null. Such a
        /// server cannot be identified by its URL, command or package: adversary round 5 #10.
        /// </summary>
        public string? AlteredBy { get; set; }

        /// <summary>Where <see cref="AlteredBy"/> is set when not in the server's own <c>env</c>: "envFile '…'" (adversary round 8 route 9).</summary>
        public string? AlteredIn { get; set; }

        /// <summary>
        /// A member of the server entry that the assistant runs as a command of its own (<c>headersHelper</c>: a shell
        /// command run at every connection to an http/sse server, adversary round 6 #12), or null.
        /// </summary>
        public string? RunsHelper { get; set; }

        /// <summary>
        /// Why the command line does not identify <see cref="Package"/> although it names it (adversary round 8 route 3): the
        /// launcher is not called by its bare name (<c>./tools/npx</c>), or is given an option that can change what it runs
        /// (<c>--registry=…</c>, <c>--with</c>, <c>--entrypoint</c>). Null when the package identifies the server. Set by
        /// <see cref="ServerCommand.Identify"/>; such a server is approved only by its exact command line.
        /// </summary>
        public string? NotIdentifiedBecause { get; set; }

        /// <summary>
        /// The folder the server is started in (VS Code <c>cwd</c>, as written), or null: npx there reads that folder's
        /// <c>.npmrc</c> (adversary round 8 route 9).
        /// </summary>
        public string? Cwd { get; set; }

        /// <summary>What is configured, for messages: an MCP server, or a Claude Code plugin (judged the same way: it brings servers and hooks).</summary>
        public string What { get; set; } = "MCP server";

        /// <summary>How the server is shown in messages: its URL, command line or package, never only its name.</summary>
        public string Describe() =>
            Url ?? (NotIdentifiedBecause != null && Command != null ? string.Join(" ", Command) : null) ?? (Package != null ? Package + (Version != null ? "@" + Version : " (no version pinned)") : null) ?? (Command != null ? string.Join(" ", Command) : "(no url or command)");
    }

    /// <summary>A model named in settings or front-matter.</summary>
    public sealed class ModelUse : PositionedItem
    {
        public ModelUse(string model, string setting, int line, int column)
            : base(line, column)
        {
            Model = model;
            Setting = setting;
        }

        public string Model { get; }

        /// <summary>The key path that named it, e.g. "model", "agent.default_model.model", "models[0].model".</summary>
        public string Setting { get; }
    }

    /// <summary>A permission setting that widens what the assistant may do without asking.</summary>
    public sealed class PermissionUse : PositionedItem
    {
        public PermissionUse(string ceiling, string setting, string value, int line, int column)
            : base(line, column)
        {
            Ceiling = ceiling;
            Setting = setting;
            Value = value;
        }

        /// <summary>The policy permission it is held against: <see cref="PermissionCeilings.BypassMode"/> or <see cref="PermissionCeilings.AutoApprove"/>.</summary>
        public string Ceiling { get; }

        /// <summary>The key path, e.g. "permissions.defaultMode" or "mcpServers.db.alwaysAllow".</summary>
        public string Setting { get; }

        /// <summary>The value as shown in messages (short; never a credential).</summary>
        public string Value { get; }
    }

    /// <summary>A setting that sends the assistant's traffic somewhere: <c>env.ANTHROPIC_BASE_URL</c>, <c>HTTPS_PROXY</c>, <c>base_url</c>.</summary>
    public sealed class EndpointUse : PositionedItem
    {
        public EndpointUse(string setting, string host, int line, int column)
            : base(line, column)
        {
            Setting = setting;
            Host = host;
        }

        /// <summary>The key path, e.g. "env.ANTHROPIC_BASE_URL".</summary>
        public string Setting { get; }

        /// <summary>The host the traffic goes to, as .NET computes it (Core's HostPattern).</summary>
        public string Host { get; }

        /// <summary>
        /// The port of a URL on this machine (loopback, or the unspecified address 0.0.0.0 / <c>::</c>), null for any other
        /// host: judged by what a relay the repository serves on that port sends the traffic to (<see cref="Relays"/>,
        /// adversary round 12 route 5).
        /// </summary>
        public int? LocalPort { get; set; }

        /// <summary>True for a loopback host (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>): left alone when nothing committed serves its port.</summary>
        public bool IsLoopback { get; set; }

        /// <summary>This endpoint, reported under <paramref name="setting"/> at another place (the port and loopback kept).</summary>
        public EndpointUse At(string setting, int line, int column) => new EndpointUse(setting, Host, line, column) { LocalPort = LocalPort, IsLoopback = IsLoopback };
    }

    /// <summary>A literal credential. Holds only a redacted form.</summary>
    public sealed class CredentialUse : PositionedItem
    {
        public CredentialUse(string setting, string redacted, string? provider, int line, int column)
            : base(line, column)
        {
            Setting = setting;
            Redacted = redacted;
            Provider = provider;
        }

        /// <summary>The key path holding it, e.g. "mcpServers.github.env.GITHUB_TOKEN".</summary>
        public string Setting { get; }

        /// <summary>Safe to print: a known prefix plus at most the last four characters, or only "…".</summary>
        public string Redacted { get; }

        /// <summary>The provider when the value has a known key format (e.g. "OpenAI"), else null.</summary>
        public string? Provider { get; }
    }

    /// <summary>Why a footprint file could not be read ("could not be read" warning).</summary>
    public sealed class ReadProblem : PositionedItem
    {
        public ReadProblem(string message, int line, int column, bool tooLarge = false, bool lfsPointer = false)
            : base(line, column)
        {
            Message = message;
            TooLarge = tooLarge;
            LfsPointer = lfsPointer;
        }

        /// <summary>
        /// The working tree holds a Git LFS pointer instead of the file (and this clone lacks the object): the assistants of
        /// everyone who fetches LFS read a file the check never saw, so it is judged like a file over the size limit.
        /// </summary>
        public bool LfsPointer { get; }

        public string Message { get; }

        /// <summary>
        /// The file is over the size limit of the reader: padding an assistant file past it (the assistants read it
        /// whole) hides what it configures, so it is judged like a discovery stopped at its limit.
        /// </summary>
        public bool TooLarge { get; }
    }

    /// <summary>
    /// The permission names the policy's ceilings use (<c>assistants[].permissions</c>, see PolicyReader.PermissionNames).
    /// A finer permission also counts against the wider one: <c>alwaysAllowTools</c> and
    /// <c>enableAllProjectMcpServers</c> are kinds of <c>autoApprove</c>.
    /// </summary>
    public static class PermissionCeilings
    {
        /// <summary>Modes that skip every confirmation: bypass permissions, YOLO, approval "never", full-access sandbox.</summary>
        public const string BypassMode = "bypassMode";

        /// <summary>Settings that approve actions in advance: auto-approve, accept-edits modes, trusted servers.</summary>
        public const string AutoApprove = "autoApprove";

        /// <summary>Tools allowed without asking: alwaysAllow, allowedTools "*", an unrestricted shell.</summary>
        public const string AlwaysAllowTools = "alwaysAllowTools";

        /// <summary>Claude Code's enableAllProjectMcpServers: every server of .mcp.json approved unseen.</summary>
        public const string EnableAllProjectMcpServers = "enableAllProjectMcpServers";

        /// <summary>A project or workspace marked trusted (Codex trust_level).</summary>
        public const string TrustWorkspace = "trustWorkspace";

        /// <summary>
        /// Commands the assistant runs on its own at events (Claude Code, Cursor, Codex, Copilot, Gemini <c>hooks</c>):
        /// a committed <c>curl … | sh</c> at every session start runs with no approval at all (adversary round 4 #16).
        /// </summary>
        public const string Hooks = "hooks";

        /// <summary>
        /// Folders outside the repository the assistant may reach without asking (Claude Code
        /// <c>permissions.additionalDirectories</c>: adversary round 6 #1). Held against <see cref="AutoApprove"/> too when the
        /// policy does not set it, as <see cref="Hooks"/> is.
        /// </summary>
        public const string OutsideRepository = "outsideRepository";

        /// <summary>The ceilings a setting is held against: itself, and autoApprove for the finer kinds of it.</summary>
        public static string[] HeldAgainst(string permission) =>
            permission == AlwaysAllowTools || permission == EnableAllProjectMcpServers || permission == Hooks || permission == OutsideRepository ? new[] { permission, AutoApprove } : new[] { permission };
    }
}
