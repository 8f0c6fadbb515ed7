using System;
using System.Collections.Generic;
using System.IO;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// The kinds of file the key scan (GRD002/GRD006) reads among a project's files: configuration, data, script,
    /// infrastructure and project files by extension, and .env files and Dockerfiles by name. The one list: the build keeps the project's None and Content
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
            ".ps1", ".sh", ".cmd", ".bat", ".props", ".targets", ".user", ".rsp", ".runsettings", ".csproj", ".fsproj", ".vbproj", ".proj", ".ipynb", ".dib",
            // Infrastructure, scripts and pages a .NET repository commits beside its code; keys pasted there ship too (a
            // Dockerfile ENV is baked into the image, Terraform variables reach the cloud, a page reaches the browser).
            ".tf", ".tfvars", ".hcl", ".bicep", ".bicepparam", ".py", ".ts", ".tsx", ".mts", ".cts", ".sql", ".md", ".csx",
            ".cshtml", ".razor", ".pubxml", ".psm1", ".psd1", ".cfg", ".conf", ".dockerfile",
            // Plain text, key files, tables and the code and templates of other languages a .NET repository carries
            // (adversary round 3, #9: a key in notes.txt, openai.key, keys.csv, app.js, main.go or a Helm template was read
            // by neither the build nor `guardrails scan`). Read as raw text: self-identifying keys.
            ".txt", ".text", ".key", ".csv", ".tsv", ".log", ".js", ".mjs", ".cjs", ".jsx", ".html", ".htm", ".vue", ".svelte", ".java", ".kt", ".kts",
            ".go", ".rb", ".php", ".rs", ".swift", ".scala", ".groovy", ".gradle", ".pl", ".lua", ".r", ".tpl", ".tmpl", ".j2", ".jinja", ".jinja2",
            ".mustache", ".hbs", ".erb", ".mk", ".cmake", ".example", ".sample", ".bak", ".old", ".orig",
        };

        /// <summary>File names read whatever their extension (Dockerfile, Dockerfile.prod, Containerfile, Jenkinsfile, Makefile).</summary>
        private static readonly string[] NamePrefixes = { "Dockerfile", "Containerfile", "Jenkinsfile", "Makefile", "GNUmakefile", "Vagrantfile", "Procfile", "Rakefile", "Justfile", "Earthfile", "Tiltfile" };

        /// <summary>
        /// Extensions shared with binary formats (.ts is also an MPEG transport stream): a binary file of such a name is
        /// not text to scan, so it is left out quietly instead of being reported as unscannable (GRD312).
        /// </summary>
        private static readonly HashSet<string> SharedWithBinary = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".ts" };

        /// <summary>The extensions read (with the leading dot).</summary>
        public static IReadOnlyCollection<string> TextExtensions => Extensions;

        /// <summary>True when a file of this name is read: a listed extension, or a name starting with ".env" (.env.local, .envrc).</summary>
        public static bool IsScanned(string path)
        {
            string name = Path.GetFileName(path);
            if (Extensions.Contains(Path.GetExtension(name)) || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (string prefix in NamePrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (name.Length == prefix.Length || name[prefix.Length] == '.'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a binary file of this name is an ordinary binary, not a text file hiding its content.</summary>
        public static bool MayBeBinary(string path) => SharedWithBinary.Contains(Path.GetExtension(path));
    }
}
