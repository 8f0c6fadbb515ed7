using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Files;

namespace Guardrails.BuildTasks.Engine
{
    /// <summary>
    /// Adversary round 8 route 10: a key that names its provider (<c>sk-proj-…T3BlbkFJ…</c>) committed in a file of a kind no
    /// check of the build read — <c>.editorconfig</c> (<c>openai_api_key = …</c>), a project's <c>.globalconfig</c>
    /// (<c>build_property.X = …</c>), <c>nginx.conf.template</c>, <c>.restext</c>/<c>.resw</c>, <c>Info.plist</c>,
    /// <c>.vsconfig</c>, <c>terraform.tfstate</c>, <c>*.json.dist</c>, a <c># KEY=…</c> line in <c>.gitignore</c> or
    /// <c>CODEOWNERS</c> — passed the build green. The check now reads every file git tracks that the compiler is not given,
    /// whatever its name, for provider keys (GRD002), as <c>guardrails scan</c> reads every committed file: with the one
    /// reader (<see cref="TextFileSecrets"/>), which finds self-identifying keys in any text and judges a key with no fixed
    /// format only by a name its grammar gives (a <c>.resx</c> <c>&lt;data name&gt;</c>, a YAML key), never in text of an
    /// unknown grammar (plain text has no name reader). Generic key-named secrets (GRD006) are not reported here: they stay
    /// with the files the compiler's key scan reads (<see cref="ScanFileKinds"/>).
    /// <para>
    /// The check reads the files itself rather than handing them to the compiler: an AdditionalFile costs CoreCompile time in
    /// every build (IDE included) and a file the compiler cannot read breaks the compile (issue 12, "files never break the
    /// build"). The check runs when its inputs change (the git index is one: committing a file runs it again) and never in
    /// the IDE's design-time builds.
    /// </para>
    /// <para>
    /// Which files a project's build reads (<see cref="Select"/>): those in its own part of the repository (the nearest folder
    /// above the file holding a committed project that builds an assembly is this project's folder) and those in no project's
    /// part (the repository root, docs/, deploy/, a Python tree); a file in another project's part is read by that project's
    /// build (the CI gate requires every such project to be built with Guardrails, GRDCL30). Results are kept per file
    /// (path, size, time) for the life of the build node, so a repository-level file is read once per node, not once per project.
    /// </para>
    /// </summary>
    public static class CommittedKeyFiles
    {
        /// <summary>Said after the GRD002 message of a key found here.</summary>
        internal const string Note = ". (Found by the Guardrails check in a committed file the compiler is not given: the build reads every file git tracks " +
            "in this project's folder and the repository's files outside every project for keys that name their provider, whatever the file's kind.)";

        private static readonly FileStampCache<IReadOnlyList<Finding>> Results = new FileStampCache<IReadOnlyList<Finding>>();

        private static readonly FileStampCache<bool> Builds = new FileStampCache<bool>();

        private static readonly ConcurrentDictionary<string, KeyValuePair<string, List<Owned>>> Ownership = new ConcurrentDictionary<string, KeyValuePair<string, List<Owned>>>(StringComparer.Ordinal);

        private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>
        /// The files git tracks (<paramref name="tracked"/>, relative to <paramref name="repositoryRoot"/>, '/' separated) that the
        /// build of <paramref name="projectPath"/> reads for self-identifying keys, full paths in ordinal order: in this project's
        /// part of the repository or in no project's part, not given to the compiler (<paramref name="skip"/>: its
        /// Compile items and AdditionalFiles, the files the check scans otherwise) and without a binary extension.
        /// <paramref name="projectFolderOnly"/>: only the project's own folder (GuardrailsScanRepositoryFiles=false).
        /// </summary>
        public static List<string> Select(string repositoryRoot, IEnumerable<string> tracked, string projectPath, ICollection<string> skip, bool projectFolderOnly)
        {
            string root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            string projectFolder = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? root;
            string? ownRelative = Relative(root, projectFolder);
            var selected = new List<string>();
            foreach (Owned file in OwnersOf(root, tracked))
            {
                if (ownRelative == null ? file.Owner != null : file.Owner != null && !string.Equals(file.Owner, ownRelative, StringComparison.Ordinal))
                {
                    continue; // another project's part: its own build reads it
                }

                if (projectFolderOnly && (ownRelative == null || !(ownRelative.Length == 0 || file.Relative.StartsWith(ownRelative + "/", StringComparison.Ordinal))))
                {
                    continue;
                }

                if (skip.Contains(file.Full) || TextFileSecrets.HasBinaryExtension(file.Full))
                {
                    continue;
                }

                selected.Add(file.Full); // one missing from the working tree is passed over when read
            }

            selected.Sort(StringComparer.Ordinal);
            return selected;
        }

        /// <summary>
        /// Each tracked file with the part of the repository it is in (<see cref="Owner"/>): worked out once per repository and
        /// list of tracked files for the life of the node (every project of a build asks with the same index).
        /// </summary>
        private static List<Owned> OwnersOf(string root, IEnumerable<string> tracked)
        {
            var relativeFiles = new List<string>(tracked);
            relativeFiles.Sort(StringComparer.Ordinal);
            string stamp = Stamp(root, relativeFiles);
            if (Ownership.TryGetValue(root, out KeyValuePair<string, List<Owned>> known) && string.Equals(known.Key, stamp, StringComparison.Ordinal))
            {
                return known.Value;
            }

            var projectFolders = new HashSet<string>(StringComparer.Ordinal);
            foreach (string relative in relativeFiles)
            {
                if (MsBuildProjectFiles.HasLanguageProjectExtension(relative) || MsBuildProjectFiles.HasProjectLikeExtension(relative))
                {
                    int slash = relative.LastIndexOf('/');
                    string folder = slash < 0 ? string.Empty : relative.Substring(0, slash);
                    if (!projectFolders.Contains(folder) && OwnsItsFolder(Full(root, relative)))
                    {
                        projectFolders.Add(folder);
                    }
                }
            }

            var owned = new List<Owned>(relativeFiles.Count);
            foreach (string relative in relativeFiles)
            {
                owned.Add(new Owned(relative, Full(root, relative), Owner(relative, projectFolders)));
            }

            if (Ownership.Count > 64)
            {
                Ownership.Clear();
            }

            Ownership[root] = new KeyValuePair<string, List<Owned>>(stamp, owned);
            return owned;
        }

        /// <summary>The tracked list and the project files' sizes and times, hashed (a changed list or project is worked out again).</summary>
        private static string Stamp(string root, List<string> relativeFiles)
        {
            unchecked
            {
                long hash = relativeFiles.Count;
                foreach (string relative in relativeFiles)
                {
                    hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(relative);
                    if (MsBuildProjectFiles.HasLanguageProjectExtension(relative) || MsBuildProjectFiles.HasProjectLikeExtension(relative))
                    {
                        try
                        {
                            var info = new FileInfo(Full(root, relative));
                            hash = (hash * 31) + (info.Exists ? info.Length ^ info.LastWriteTimeUtc.Ticks : -1);
                        }
                        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
                        {
                            hash = (hash * 31) - 2;
                        }
                    }
                }

                return hash.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + relativeFiles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        /// <summary>Reads <see cref="CheckRequest.CommittedFiles"/> for self-identifying keys: GRD002 at file, line and column.</summary>
        public static void Scan(CheckRequest request, CheckResult result)
        {
            if (request.CommittedFiles == null)
            {
                return;
            }

            // The repository's build files the check lists are given to the compiler's key scan after the check (Guardrails.targets).
            var listed = new HashSet<string>(request.RepositoryBuildFiles ?? Array.Empty<string>(), PathComparer);
            foreach (string path in request.CommittedFiles)
            {
                // One whose name holds '%' is read here all the same: the targets read the list back as escaped item specs,
                // so that name comes back unescaped and is dropped as a file that does not exist.
                if (!listed.Contains(path) || path.IndexOf('%') >= 0)
                {
                    result.Findings.AddRange(ScanFile(path));
                }
            }
        }

        private static IReadOnlyList<Finding> ScanFile(string path)
        {
            FileInfo info;
            try
            {
                info = new FileInfo(path);
                if (!info.Exists || info.Length == 0 || info.Length > TextFileSecrets.StreamMaxBytes)
                {
                    // Over the streaming limit: `guardrails scan` reads it (and says when it cannot, GRD007).
                    return Array.Empty<Finding>();
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return Array.Empty<Finding>();
            }

            if (Results.TryGet(info, out IReadOnlyList<Finding> known))
            {
                return known;
            }

            var findings = new List<Finding>();

            // Binary content (a NUL byte) is left to `guardrails scan`, which reads its printable runs and archive entries.
            KeptBackFiles.ScanText(path, null, findings, Note, nulAsSpace: false, providerKeysOnly: true);
            Results.Set(info, findings);
            return findings;
        }

        /// <summary>
        /// A committed *proj file whose folder is its part of the repository: a project by its name and content that builds an
        /// assembly (a NoTargets or traversal project compiles nothing; the gate does not ask for its build, so it owns nothing
        /// here). Memoised per file (size, time) for the life of the node.
        /// </summary>
        private static bool OwnsItsFolder(string project)
        {
            try
            {
                var info = new FileInfo(project);
                if (!info.Exists)
                {
                    return false;
                }

                if (Builds.TryGet(info, out bool known))
                {
                    return known;
                }

                // The build cannot tell where NuGet took an SDK from, so a NoTargets/Traversal SDK is taken by its name here: such a
                // project owning nothing leaves its folder's files to the part of the repository above it (judged, not skipped); the
                // gate decides by the SDK package's source whether it compiles (adversary round 8 route 1).
                bool builds = MsBuildProjectFiles.IsProjectByName(project) && MsBuildProjectFiles.BuildsAssembly(project, (_, _) => true);
                Builds.Set(info, builds);
                return builds;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return false;
            }
        }

        /// <summary>The nearest folder at or above the file's folder that holds an owning project ("" for the root), or null.</summary>
        private static string? Owner(string relative, HashSet<string> projectFolders)
        {
            for (int slash = relative.LastIndexOf('/'); ; slash = relative.LastIndexOf('/', slash - 1))
            {
                string folder = slash < 0 ? string.Empty : relative.Substring(0, slash);
                if (projectFolders.Contains(folder))
                {
                    return folder;
                }

                if (slash <= 0)
                {
                    return null;
                }
            }
        }

        private static string Full(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The folder relative to the root, '/' separated ("" for the root itself), or null when it is outside.</summary>
        private static string? Relative(string root, string folder)
        {
            string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (PathComparer.Equals(full, root))
            {
                return string.Empty;
            }

            string prefix = root + Path.DirectorySeparatorChar;
            return full.StartsWith(prefix, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
                ? full.Substring(prefix.Length).Replace('\\', '/')
                : null;
        }

        private sealed class Owned
        {
            public Owned(string relative, string full, string? owner)
            {
                Relative = relative;
                Full = full;
                Owner = owner;
            }

            public string Relative { get; }

            public string Full { get; }

            public string? Owner { get; }
        }
    }
}
