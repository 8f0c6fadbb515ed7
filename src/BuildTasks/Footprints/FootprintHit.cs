using System.Collections.Generic;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>One file or folder that matched the footprint catalog.</summary>
    public sealed class FootprintHit
    {
        public FootprintHit(string fullPath, string level, string relativePath, bool isDirectory, FootprintKind kind, FootprintFormat format, IReadOnlyList<string> assistants, string rootRelativePath, bool isSymbolicLink)
        {
            FullPath = fullPath;
            Level = level;
            RelativePath = relativePath;
            IsDirectory = isDirectory;
            Kind = kind;
            Format = format;
            Assistants = assistants;
            RootRelativePath = rootRelativePath;
            IsSymbolicLink = isSymbolicLink;
        }

        public string FullPath { get; }

        /// <summary>The folder (between the project folder and the repository root) the catalog pattern was applied to.</summary>
        public string Level { get; }

        /// <summary>Path relative to <see cref="Level"/>, with '/' separators (e.g. ".cursor/mcp.json").</summary>
        public string RelativePath { get; }

        public bool IsDirectory { get; }

        public FootprintKind Kind { get; }

        public FootprintFormat Format { get; }

        /// <summary>The assistants this path shows (any one of them declared covers it).</summary>
        public IReadOnlyList<string> Assistants { get; }

        /// <summary>The footprint this path belongs to, relative to <see cref="Level"/>: the outermost catalog folder containing it (".cursor"), or the file itself.</summary>
        public string RootRelativePath { get; }

        /// <summary>True when the path is a symbolic link (a linked folder is reported but never followed).</summary>
        public bool IsSymbolicLink { get; }

        /// <summary>A general editor file that counts as a footprint only when it configures MCP servers (see
        /// <see cref="FootprintEntry.OnlyWithMcpServers"/>): the checker drops it when it holds none.</summary>
        public bool OnlyWithMcpServers { get; set; }

        /// <summary>A general file that is a footprint because its text names an assistant (<see cref="FootprintEntry.ContentMarkers"/>):
        /// a CI workflow, devcontainer.json, extensions.json. Keys in it stay the key scan's (GRD002), not GRD135.</summary>
        public bool NamedInContent { get; set; }

        /// <summary>For a <see cref="FootprintKind.Launcher"/>: where each assistant is started (the setting, its line and column).</summary>
        public IReadOnlyList<(string Assistant, string Setting, int Line, int Column)>? Launches { get; set; }

        /// <summary>
        /// For a footprint inside a general file (adversary round 7 route 7): the members to descend to before reading, e.g.
        /// <c>customizations</c>, <c>vscode</c> for the VS Code settings and MCP servers of a dev container's devcontainer.json.
        /// Null reads the whole file.
        /// </summary>
        public IReadOnlyList<string>? Section { get; set; }

        /// <summary>
        /// For an assistant whose settings share a file with another product's (Amp's <c>amp.*</c> keys in VS Code's
        /// settings): only the members whose names start with this prefix are read. Null reads every member.
        /// </summary>
        public string? OnlyKeysOf { get; set; }

        public override string ToString() => RelativePath + " [" + string.Join(",", Assistants) + "] " + Kind;
    }

    /// <summary>A folder or file discovery could not read. Reported as a warning; discovery carries on.</summary>
    public sealed class DiscoveryProblem
    {
        public DiscoveryProblem(string path, string message, bool limitReached = false)
        {
            Path = path;
            Message = message;
            LimitReached = limitReached;
        }

        /// <summary>True when discovery stopped at its entry limit: everything further on went unchecked.</summary>
        public bool LimitReached { get; }

        public string Path { get; }

        public string Message { get; }

        /// <summary>The waiver subject of the finding (<c>footprint:</c> + the path), or null when it cannot be waived one by one.</summary>
        public string? Subject { get; set; }

        /// <summary>
        /// What the repository does when this problem fails the build, or null for a discovery stopped at its limit (move the
        /// large folder out). A submodule or sparse folder that is not checked out is not a large folder: its fix is a checkout.
        /// </summary>
        public string? Remedy { get; set; }
    }

    /// <summary>What discovery found between the project folder and the repository root.</summary>
    public sealed class DiscoveryResult
    {
        /// <summary>The folder holding .git, or null when none was found below the user's home (then only the project folder is searched).</summary>
        public string? RepositoryRoot { get; set; }

        /// <summary>The folders searched, from the project folder up.</summary>
        public List<string> Levels { get; } = new List<string>();

        public List<FootprintHit> Hits { get; } = new List<FootprintHit>();

        public List<DiscoveryProblem> Problems { get; } = new List<DiscoveryProblem>();

        /// <summary>The assistants' environment variables other tools' files set at the levels (<see cref="AssistantEnvironment"/>).</summary>
        public List<EnvironmentSetting> Environment { get; } = new List<EnvironmentSetting>();

        /// <summary>Directory entries looked at (for the benchmark and the entry limit).</summary>
        public int EntriesVisited { get; set; }
    }
}
