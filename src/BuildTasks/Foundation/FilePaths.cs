using System;
using System.IO;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// The one comparison of file-system paths (folders compared as the file system does: ignoring case on Windows only,
    /// trailing separators dropped). Footprint discovery and the waiver scope (Waivers.SharedByProjects)
    /// both use it; it lives here, below both layers.
    /// </summary>
    internal static class FilePaths
    {
        internal static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is string s && s.Length > 0 && !s.EndsWith(":", StringComparison.Ordinal) ? s : Path.GetFullPath(path);

        internal static bool Equal(string a, string b) =>
            string.Equals(a.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
                Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
