using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Files;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// Chooses which of the key scan's candidate files (GRD002/GRD006) go to the compiler as AdditionalFiles, in every
    /// build (design-time included). Adds the repository's CI and container files, which live at the repository root and
    /// in dot-folders, so no project item names them. Keeps back what the compiler must not be given: a binary file
    /// (csc fails the build with CS2015 when an analyzer reads one) and a file over <see cref="TextFileSecrets.MaxLength"/>
    /// (it would be read whole into the compiler's memory). Those are listed in <see cref="SkippedListFile"/>, itself an
    /// AdditionalFile, so the analyzer reports each binary or too-large one (GRD007) instead of skipping it silently; the
    /// check reads the same list and scans the large text files itself, streaming (GRD002), and reports a file it cannot
    /// scan (GRD312). Reads at most the first 8 KB of each file. Never fails the build.
    /// </summary>
    public sealed class GuardrailsSelectScanFiles : Task
    {
        /// <summary>The CI, container and deployment files of a repository, relative to its root ('*' within one name only).</summary>
        internal static readonly string[] RepositoryFilePatterns =
        {
            ".github/workflows/*.yml", ".github/workflows/*.yaml", ".gitlab-ci.yml", "azure-pipelines*.yml", "azure-pipelines*.yaml",
            ".azure-pipelines/*.yml", ".azure-pipelines/*.yaml", ".pipelines/*.yml", ".pipelines/*.yaml", "bitbucket-pipelines.yml",
            ".circleci/config.yml", "docker-compose*.yml", "docker-compose*.yaml", "compose.yml", "compose.yaml",

            // Deployment settings that belong to no project: Helm values and .env files in the usual deploy folders.
            "deploy/.env", "deploy/.env.*", "deploy/*.env", "deploy/helm/values*.yaml", "deploy/helm/values*.yml",
            "helm/values*.yaml", "helm/values*.yml",
        };

        public ITaskItem[] Candidates { get; set; } = Array.Empty<ITaskItem>();

        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>Written (only when its content changes) with one line per file kept back: reason, size, path.</summary>
        [Required]
        public string SkippedListFile { get; set; } = string.Empty;

        /// <summary>False: do not add the repository's CI and container files.</summary>
        public bool IncludeRepositoryFiles { get; set; } = true;

        /// <summary>
        /// True when this build's check reads the assistant files for literal credentials (GRD135: footprints checked, not
        /// a design-time build): those files are then left to it, so one literal gets one report.
        /// </summary>
        public bool FootprintCredentialsReported { get; set; }

        /// <summary>The project's manifest (the footprint check discovers committed assistant folders with it).</summary>
        public string? ManifestPath { get; set; }

        /// <summary>The files to pass to the compiler, plus <see cref="SkippedListFile"/> when it lists any.</summary>
        [Output]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The files kept back (listed in <see cref="SkippedListFile"/>): inputs of the check, which scans the large ones.</summary>
        [Output]
        public ITaskItem[] KeptBack { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            var files = new List<ITaskItem>();
            var skipped = new List<string>();
            var keptBack = new List<ITaskItem>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                if (FootprintCredentialsReported)
                {
                    // Marked as seen: neither a project item nor a repository file brings them back.
                    seen.UnionWith(FootprintChecker.CredentialFiles(ProjectDirectory, ManifestPath));
                }

                // A key as a file or folder name (adversary round 5 #12): whatever the file's kind, the name is committed
                // and copied; kept back from the compiler and listed, so that the check reports it (GRD002), redacted.
                foreach (ITaskItem candidate in Candidates)
                {
                    KeyInName(candidate.ItemSpec, skipped, keptBack, seen);
                }

                foreach (ITaskItem candidate in OfScannedKinds(Candidates))
                {
                    Consider(candidate.ItemSpec, files, skipped, keptBack, seen, shipped: IsShipped(candidate));
                }

                if (IncludeRepositoryFiles)
                {
                    string? root = FootprintDiscovery.FindOutermostRepositoryRoot(ProjectDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
                    foreach (string file in RepositoryFiles(root ?? ProjectDirectory))
                    {
                        Consider(file, files, skipped, keptBack, seen);
                    }
                }

                GuardrailsCheck.WriteIfChanged(SkippedListFile, SkippedList.Header + string.Join(string.Empty, skipped));
                if (skipped.Count > 0)
                {
                    files.Add(FileItem(SkippedListFile));
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                Log.LogMessage(MessageImportance.Normal, "Guardrails: choosing the files to scan for keys failed ({0}: {1}); passing the candidates unchecked.", e.GetType().Name, e.Message);
                files.Clear();
                foreach (ITaskItem candidate in OfScannedKinds(Candidates))
                {
                    // Never a file that does not exist yet (the apphost, written after the compiler): CS2001.
                    if (File.Exists(candidate.ItemSpec) && KeptBackFiles.DanglingLinkTarget(candidate.ItemSpec) == null)
                    {
                        files.Add(FileItem(candidate.ItemSpec));
                    }
                }
            }

            Files = files.ToArray();
            KeptBack = keptBack.ToArray();
            return true;
        }

        /// <summary>
        /// An item for the file at <paramref name="path"/> (a real name, as <see cref="ITaskItem.ItemSpec"/> gives it): MSBuild
        /// reads an item spec as escaped text and unescapes <c>%XX</c> in it, so a name holding <c>%</c> is escaped first.
        /// Without it a committed <c>settings(%aac%).json</c> reached the compiler as <c>settings(ªc%).json</c>, which does not
        /// exist: CS2001 broke the build with no Guardrails code (issue 16, openai-dotnet's <c>OutputFormatWorks(%aac%).json</c>).
        /// </summary>
        internal static TaskItem FileItem(string path) => new TaskItem(path.Replace("%", "%25"));

        private static bool IsShipped(ITaskItem candidate) =>
            string.Equals(candidate.GetMetadata(ScanFileKinds.ShippedMetadata), "true", StringComparison.OrdinalIgnoreCase);

        private void KeyInName(string path, List<string> skipped, List<ITaskItem> keptBack, HashSet<string> seen)
        {
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return;
            }

            string shown = full;
            string project = Path.GetFullPath(ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (full.StartsWith(project, StringComparison.Ordinal))
            {
                shown = full.Substring(project.Length);
            }

            if (SafeText.KeyInName(shown.Replace('\\', '/')) == null || seen.Contains(full) || !File.Exists(full))
            {
                return;
            }

            seen.Add(full);
            skipped.Add(SkippedList.Line(SkippedList.KeyName, new FileInfo(full).Length, full));
            keptBack.Add(FileItem(full));
        }

        private static void Consider(string path, List<ITaskItem> files, List<string> skipped, List<ITaskItem> keptBack, HashSet<string> seen, bool shipped = false)
        {
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return;
            }

            if (!seen.Add(full))
            {
                return;
            }

            if (!File.Exists(full))
            {
                if (full.IndexOf('\uFFFD') >= 0 && !Directory.Exists(full))
                {
                    // Adversary round 6 #16: a name that is not valid UTF-8 is listed with U+FFFD and cannot be opened by it;
                    // kept back so that the check reports it (GRD312) instead of the file passing unread.
                    skipped.Add(SkippedList.Line(SkippedList.Name, 0, full));
                    keptBack.Add(FileItem(full));
                }

                return;
            }

            // A committed symbolic link whose target is no file here ('File.Exists' is true for it on Unix): reading it
            // throws, which once made the selection fall back to every candidate unchecked (the apphost included: CS2001,
            // adversary round 5 'fname'). Kept back; the check scans its target text, which is what git commits.
            if (KeptBackFiles.DanglingLinkTarget(full) != null)
            {
                skipped.Add(SkippedList.Line(SkippedList.Link, 0, full));
                keptBack.Add(FileItem(full));
                return;
            }

            string? reason;
            long length;
            try
            {
                reason = ScanFileKinds.SkipReason(full, out length);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Unreadable: the check tries again and reports what it cannot read (GRD312); never the fallback.
                skipped.Add(SkippedList.Line(SkippedList.Name, 0, full));
                keptBack.Add(FileItem(full));
                return;
            }

            if (ScanFileKinds.LeftOutQuietly(full, shipped, reason))
            {
                return;
            }

            if (reason == null)
            {
                files.Add(FileItem(full));
            }
            else
            {
                skipped.Add(SkippedList.Line(reason, length, full));
                keptBack.Add(FileItem(full));
            }
        }

        /// <summary>
        /// The candidates without the project items (marked <see cref="ScanFileKinds.ByKindMetadata"/>) of a kind the key
        /// scan does not read, and without the shipped items (<see cref="ScanFileKinds.ShippedMetadata"/>) with a binary extension.
        /// </summary>
        private static IEnumerable<ITaskItem> OfScannedKinds(ITaskItem[] candidates)
        {
            foreach (ITaskItem candidate in candidates)
            {
                if (IsShipped(candidate))
                {
                    if (!TextFileSecrets.HasBinaryExtension(candidate.ItemSpec))
                    {
                        yield return candidate;
                    }
                }
                else if (!string.Equals(candidate.GetMetadata(ScanFileKinds.ByKindMetadata), "true", StringComparison.OrdinalIgnoreCase) || ScanFileKinds.IsScanned(candidate.ItemSpec))
                {
                    yield return candidate;
                }
            }
        }

        private static IEnumerable<string> RepositoryFiles(string root)
        {
            foreach (string pattern in RepositoryFilePatterns)
            {
                int slash = pattern.LastIndexOf('/');
                string dir = slash < 0 ? root : Path.Combine(root, pattern.Substring(0, slash));
                string name = pattern.Substring(slash + 1);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                string[] found;
                try
                {
                    found = Directory.GetFiles(dir, name, SearchOption.TopDirectoryOnly);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    continue;
                }

                Array.Sort(found, StringComparer.Ordinal);
                foreach (string file in found)
                {
                    yield return file;
                }
            }
        }
    }
}
