using System;
using System.Collections.Generic;
using System.IO;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// The kinds of file the key scan (GRD002/GRD006) reads among a project's files: configuration, data, script and
    /// project files by extension, and .env files by name. The one list: the build keeps the project's None and Content
    /// items of these kinds (GuardrailsSelectScanFiles, for the items _GuardrailsCollectScanFiles marks
    /// GuardrailsScanByKind) and `guardrails scan` reads the files of these kinds in a repository. Files named one by one
    /// (the project file, Directory.* files, assistant configs, GuardrailsScanFile items) are read whatever their kind.
    /// </summary>
    public static class ScanFileKinds
    {
        /// <summary>Item metadata that marks a candidate to keep only when it is of a scanned kind.</summary>
        public const string ByKindMetadata = "GuardrailsScanByKind";

        /// <summary>
        /// Item metadata that marks a candidate the build ships (an EmbeddedResource, or a None/Content item copied to the
        /// output or publish folder): read whatever its extension when it is text; a binary one (by its extension or its
        /// bytes) is left out quietly, since shipping images, models and archives is ordinary.
        /// </summary>
        public const string ShippedMetadata = "GuardrailsScanShipped";

        private static readonly HashSet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".json", ".jsonc", ".config", ".xml", ".yml", ".yaml", ".env", ".ini", ".properties", ".toml", ".http", ".rest",
            ".ps1", ".sh", ".cmd", ".bat", ".props", ".targets", ".runsettings", ".csproj", ".fsproj", ".vbproj", ".proj", ".ipynb", ".dib",
        };

        /// <summary>The extensions read (with the leading dot).</summary>
        public static IReadOnlyCollection<string> TextExtensions => Extensions;

        /// <summary>True when a file of this name is read: a listed extension, or a name starting with ".env" (.env.local, .envrc).</summary>
        public static bool IsScanned(string path)
        {
            string name = Path.GetFileName(path);
            return Extensions.Contains(Path.GetExtension(name)) || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase);
        }
    }
}
