using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Footprints;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// Runs in every (non design-time) build, before the check target decides whether it is up to date: lists the
    /// assistant footprints between the project folder and the repository root, returns the files as items (so
    /// editing one re-runs the check), and rewrites <see cref="ListingFile"/> only when the list changed (so adding or
    /// removing a footprint re-runs it). MSBuild evaluates a target's Inputs before its tasks run, which is why new
    /// files need this separate step. Discovery only (no file is read), from the one catalog in Core. Never fails the
    /// build: a problem is logged as a message and the check itself reports it.
    /// </summary>
    public sealed class GuardrailsFootprintScan : Task
    {
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        [Required]
        public string ListingFile { get; set; } = string.Empty;

        /// <summary>The footprint files found, plus the repository's git index when a personal file is among them.</summary>
        [Output]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            try
            {
                DiscoveryResult result = FootprintDiscovery.Discover(ProjectDirectory);
                var lines = new List<string>();
                var files = new List<ITaskItem>();
                bool personal = false;
                foreach (FootprintHit hit in result.Hits)
                {
                    lines.Add(hit.FullPath);
                    personal |= hit.Kind == FootprintKind.PersonalFile;
                    if (!hit.IsDirectory)
                    {
                        files.Add(GuardrailsSelectScanFiles.FileItem(hit.FullPath));
                    }
                }

                // Files that start commands on their own and the npm configuration beside a server are read by the check too
                // (adversary round 6 #11, #4): adding or editing one must re-run it.
                foreach (string file in Launchers.InputFiles(result.Levels, result.RepositoryRoot))
                {
                    lines.Add(file);
                    files.Add(GuardrailsSelectScanFiles.FileItem(file));
                }

                if (personal && result.RepositoryRoot != null && File.Exists(Path.Combine(result.RepositoryRoot, ".git", "index")))
                {
                    // Committing or un-committing a personal file changes the index, and with it the finding.
                    files.Add(GuardrailsSelectScanFiles.FileItem(Path.Combine(result.RepositoryRoot, ".git", "index")));
                }

                lines.Sort(StringComparer.Ordinal);
                Files = files.ToArray();
                GuardrailsCheck.WriteIfChanged(ListingFile, "# Assistant footprints seen by the last build (Guardrails).\n" + string.Join("\n", lines) + "\n");
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                Log.LogMessage(MessageImportance.Low, "Guardrails: footprint listing failed ({0}); the check reports footprint problems itself.", e.GetType().Name);
            }

            return true;
        }
    }
}
