using System.Collections.Generic;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>An AI SDK package in the project's restore graph, and the policy entry that approves it (if any).</summary>
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
    }
}
