namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>One line of the footprint catalog: a path pattern, the assistant it shows, and what it is.</summary>
    public sealed class FootprintEntry
    {
        public FootprintEntry(string pattern, string assistantId, FootprintKind kind, FootprintFormat format = FootprintFormat.Auto, bool onlyWithMcpServers = false, string[]? contentMarkers = null)
        {
            OnlyWithMcpServers = onlyWithMcpServers;
            ContentMarkers = contentMarkers;
            Pattern = new FootprintPattern(pattern);
            AssistantId = assistantId;
            Kind = kind;
            Format = format;
        }

        public FootprintPattern Pattern { get; }

        /// <summary>The assistant id as the policy and the manifest spell it (see <see cref="AssistantIds"/>).</summary>
        public string AssistantId { get; }

        public FootprintKind Kind { get; }

        public FootprintFormat Format { get; }

        /// <summary>
        /// A general editor file (VS Code's <c>.vscode/settings.json</c>, a <c>*.code-workspace</c>) that is an assistant
        /// footprint only when it configures MCP servers; without any it is not reported at all.
        /// </summary>
        public bool OnlyWithMcpServers { get; }

        /// <summary>
        /// A general file (a CI workflow, a dev container's devcontainer.json, VS Code's extensions.json) that is this
        /// assistant's footprint only when its text names it: one of these markers (an action, a dev container feature, a
        /// package, an extension id), compared ignoring case. Null for an entry whose path alone is the footprint.
        /// </summary>
        public string[]? ContentMarkers { get; }

        public override string ToString() => Pattern.Text + " (" + AssistantId + ", " + Kind + ")";
    }
}
