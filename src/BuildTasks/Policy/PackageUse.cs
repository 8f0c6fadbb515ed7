using System.Collections.Generic;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// An AI SDK package in the project's restore graph, or one the repository's scripts, notebooks, package files or MSBuild
    /// files install or reference outside it (<see cref="UsedIn"/>), and the policy entry that approves it (if any).
    /// </summary>
    public sealed class PackageUse
    {
        public PackageUse(string id, string version, string? description, bool direct, PackageRule? approvedBy, IReadOnlyList<string>? chain = null)
        {
            Id = id;
            Version = version;
            Description = description;
            Direct = direct;
            ApprovedBy = approvedBy;
            Chain = chain ?? new[] { id };
        }

        /// <summary>Package ids from the top-level reference down to this package (just the id for a direct reference).</summary>
        public IReadOnlyList<string> Chain { get; }

        public string Id { get; }

        public string Version { get; }

        public string? Description { get; }

        public bool Direct { get; }

        public PackageRule? ApprovedBy { get; }

        /// <summary>
        /// Where the repository uses the package outside the project's restore ("file:line (how)"): a script's install
        /// command, a notebook cell, a package file, an inline task. Empty for a package only the project's restore brings.
        /// </summary>
        public List<string> UsedIn { get; } = new List<string>();

        /// <summary>The project's own restore (or its project file) brings it: false for one only the repository's other files use.</summary>
        public bool InProject { get; set; } = true;
    }
}
