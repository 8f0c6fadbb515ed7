using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Core.Files;

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
            ".props", ".targets", ".user", ".rsp", ".runsettings", ".csproj", ".fsproj", ".vbproj", ".proj", ".ipynb", ".dib",
            // Infrastructure, scripts and pages a .NET repository commits beside its code; keys pasted there ship too (a
            // Dockerfile ENV is baked into the image, Terraform variables reach the cloud, a page reaches the browser).
            ".tf", ".tfvars", ".hcl", ".bicep", ".bicepparam", ".containerfile", ".py", ".ts", ".tsx", ".mts", ".cts", ".sql", ".md", ".csx", ".cake",
            ".cshtml", ".razor", ".pubxml", ".psd1", ".cfg", ".conf", ".dockerfile",
            // Plain text, key files, tables and the code and templates of other languages a .NET repository carries
            // (adversary round 3, #9: a key in notes.txt, openai.key, keys.csv, app.js, main.go or a Helm template was read
            // by neither the build nor `guardrails scan`). Read as raw text: self-identifying keys.
            ".txt", ".text", ".key", ".csv", ".tsv", ".log", ".js", ".mjs", ".cjs", ".jsx", ".html", ".htm", ".vue", ".svelte", ".java", ".kt", ".kts",
            ".go", ".rb", ".php", ".rs", ".swift", ".scala", ".groovy", ".gradle", ".pl", ".lua", ".r", ".tpl", ".tmpl", ".j2", ".jinja", ".jinja2",
            ".mustache", ".hbs", ".erb", ".mk", ".cmake", ".example", ".sample", ".bak", ".old", ".orig",
            // Adversary round 6 #2: the other .NET languages' code and scripts (a VB or F# project, an F# script run with
            // `dotnet fsi`), T4 templates, patches waiting to be applied, credential files (.netrc's password lines) and
            // the other files a .NET repository commits beside its code (shell variants, package-manager and client
            // configs, XAML, WebForms pages, shared-project items, HTTP archives).
            ".vb", ".vbs", ".fs", ".fsx", ".fsi", ".tt", ".ttinclude", ".t4", ".patch", ".diff", ".netrc",
            ".nuspec", ".xaml", ".axaml", ".settings", ".npmrc", ".pypirc", ".yarnrc", ".gitconfig", ".pgpass", ".json5", ".jsonl",
            ".ndjson", ".har", ".aspx", ".ascx", ".asmx", ".ashx", ".master", ".vbhtml", ".projitems", ".shproj", ".sqlproj",
            ".ps1xml", ".graphql", ".gql", ".proto",
            // Adversary round 7 route 4: workspace settings, git's submodule URLs (user:key@host), API-client requests,
            // C/C++ sources and headers of a native part, documentation in reStructuredText/MDX/AsciiDoc, env lists and
            // files named for their secret.
            ".code-workspace", ".gitmodules", ".bru", ".h", ".hpp", ".hh", ".c", ".cc", ".cpp", ".cxx", ".rst", ".mdx", ".adoc", ".list",
            ".secret", ".secrets",
        };

        static ScanFileKinds()
        {
            foreach (string script in ScriptKinds.Extensions)
            {
                Extensions.Add(script); // every script kind (the one list: ScriptKinds)
            }
        }

        /// <summary>
        /// File names read whatever their extension (Dockerfile, Dockerfile.prod, Dockerfile-dev, Containerfile, Jenkinsfile,
        /// Makefile, the AWS CLI's credentials file).
        /// </summary>
        private static readonly string[] NamePrefixes = { "Dockerfile", "Containerfile", "Jenkinsfile", "Makefile", "GNUmakefile", "Vagrantfile", "Procfile", "Rakefile", "Justfile", "Earthfile", "Tiltfile", "_netrc", "credentials" };

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
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
                    (name.Length == prefix.Length || name[prefix.Length] == '.' || name[prefix.Length] == '-' || name[prefix.Length] == '_'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a binary file of this name is an ordinary binary, not a text file hiding its content.</summary>
        public static bool MayBeBinary(string path) => SharedWithBinary.Contains(Path.GetExtension(path));

        /// <summary>
        /// A file the key scan leaves out without a word: a shipped binary (an image, a model) or binary content under a name
        /// shared with binary formats (.ts, an MPEG transport stream): nothing to scan, and not a text file hiding its content.
        /// </summary>
        public static bool LeftOutQuietly(string path, bool shipped, string? reason) =>
            (shipped || ScanFileKinds.MayBeBinary(path)) && reason == SkippedList.Binary;

        /// <summary>The same decision for a file on its own (guardrails scan): a binary file under a name shared with binary formats.</summary>
        public static bool LeftOutQuietly(string path)
        {
            if (!ScanFileKinds.MayBeBinary(path))
            {
                return false;
            }

            try
            {
                return LeftOutQuietly(path, shipped: false, SkipReason(path, out _));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Why a file must not reach the compiler (a control character in its name, too large, an encoding the compiler cannot read, binary, large), or null. Reads at most its first 8 KB.</summary>
        public static string? SkipReason(string path, out long length)
        {
            length = new FileInfo(path).Length;
            if (SkippedList.HasControlCharacter(path) && length <= TextFileSecrets.StreamMaxBytes)
            {
                // A line break in the name splits the compiler's command line (CS2001): the check scans it instead.
                return SkippedList.Name;
            }

            if (length > TextFileSecrets.StreamMaxBytes)
            {
                return SkippedList.TooLarge;
            }

            var head = new byte[(int)Math.Min(length, 8192)];
            int read = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                int n;
                while (read < head.Length && (n = stream.Read(head, read, head.Length - read)) > 0)
                {
                    read += n;
                }
            }

            // A Git LFS pointer: the compiler would read the pointer; the check reads the object it names (or says it could not).
            if (read == length && LfsPointerText.MayBePointer(head, read))
            {
                return SkippedList.LfsPointer;
            }

            // UTF-32 (marked or not) and unmarked UTF-16 are text the compiler cannot decode (it reads them as NULs): the
            // check decodes and scans them, so a key saved by a Windows tool in UTF-16 does not pass as binary.
            if (TextEncodings.NotForCompiler(head, read) != null)
            {
                return SkippedList.Encoding;
            }

            // Marked UTF-16 text has NUL bytes; the compiler decodes it by its byte-order mark.
            bool bom16or32 = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) ||
                             read >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF;
            if (!bom16or32 && Array.IndexOf(head, (byte)0, 0, read) >= 0)
            {
                return SkippedList.Binary;
            }

            return length > TextFileSecrets.MaxLength ? SkippedList.Large : null;
        }
    }
}
