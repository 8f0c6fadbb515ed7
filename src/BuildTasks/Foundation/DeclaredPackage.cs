using System.Collections.Generic;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>A package a project file references directly, where it is referenced (1-based line and column).</summary>
    public sealed class DeclaredPackage
    {
        public DeclaredPackage(string id, string version, string file, int line, int column, IReadOnlyList<string>? chain = null)
        {
            Id = id;
            Version = version;
            File = file;
            Line = line;
            Column = column;
            Chain = chain != null && chain.Count > 0 ? chain : null;
        }

        public string Id { get; }

        /// <summary>The version as written (a version or a range); empty when none is known.</summary>
        public string Version { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>
        /// Package ids from the top-level reference down to this package, when known (a restore recorded it, e.g. in an
        /// audit record the guardrails tool re-evaluates); null for a package the project file references itself.
        /// </summary>
        public IReadOnlyList<string>? Chain { get; }

        /// <summary>
        /// How the project file brings it in when not by a PackageReference (adversary round 9 route 1): a PackageDownload, or a
        /// Reference whose path points into the NuGet package folder. Said in the GRD2xx message; null for a PackageReference.
        /// </summary>
        public string? Kind { get; set; }

        /// <summary>
        /// Where an npm/PyPI package is taken from when the file names a source that is not its registry (adversary round 13
        /// route 19): a git repository (<c>github:acme/llm-client#v2.1.0</c>, <c>git+https://…</c>), a tarball or wheel URL, a
        /// path, or the other index a requirements file or pyproject.toml switches to; null for the registry.
        /// </summary>
        public string? Source { get; set; }
    }
}
