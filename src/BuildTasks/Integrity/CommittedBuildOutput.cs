using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// GRD315: files git tracks in the project's build output folders (obj/, bin/). A committed obj/ is a build someone
    /// else made: on a fresh clone its stamps and assembly can be newer than the sources (git writes files in path order),
    /// so an incremental build skips the compiler and the Guardrails check and ships the committed assembly with its
    /// committed audit record. The check's inputs include the git index (written last by a checkout), so a fresh clone
    /// always runs the check, and the check fails here. An error under a policy, a warning without one.
    /// </summary>
    public static class CommittedBuildOutput
    {
        /// <summary>The distinct output folders (full paths, trailing separator trimmed) from the task's ';'-separated list.</summary>
        public static string[] Folders(string projectPath, string? list)
        {
            var folders = new List<string>();
            if (string.IsNullOrWhiteSpace(list) || string.IsNullOrWhiteSpace(projectPath))
            {
                return folders.ToArray();
            }

            try
            {
                string projectDir = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? string.Empty;
                foreach (string part in list!.Split(';'))
                {
                    string trimmed = part.Trim();
                    if (trimmed.Length == 0 || trimmed.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                    {
                        continue;
                    }

                    string full = FootprintDiscovery.Normalize(Path.Combine(projectDir, trimmed));
                    if (!folders.Exists(f => FootprintDiscovery.PathEquals(f, full)))
                    {
                        folders.Add(full);
                    }
                }
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                // An unusable path names no folder git could track.
            }

            return folders.ToArray();
        }

        public static void Check(CheckRequest request, CheckResult result)
        {
            string[] folders = request.BuildOutputFolders ?? new string[0];
            string? projectDir = ProjectDirectory(request.ProjectPath);
            if (folders.Length == 0 || projectDir == null)
            {
                return;
            }

            string? root = FootprintDiscovery.FindRepositoryRoot(projectDir, null);
            HashSet<string>? tracked = root == null ? null : GitIndex.TryReadTrackedPaths(root);
            if (root == null || tracked == null || tracked.Count == 0)
            {
                return;
            }

            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var reported = new List<string>();
            foreach (string folder in Shortest(folders))
            {
                if (FootprintDiscovery.PathEquals(folder, root) || !folder.StartsWith(root, comparison))
                {
                    continue; // the repository root itself, or outside the repository: nothing git tracks there is output
                }

                string relative = folder.Substring(root.Length).Replace('\\', '/').Trim('/') + "/";
                string? first = null;
                int count = 0;
                foreach (string path in tracked)
                {
                    if (path.StartsWith(relative, comparison))
                    {
                        count++;
                        if (first == null || string.CompareOrdinal(path, first) < 0)
                        {
                            first = path;
                        }
                    }
                }

                if (first == null || reported.Contains(relative))
                {
                    continue;
                }

                reported.Add(relative);
                string file = Path.Combine(root, first.Replace('/', Path.DirectorySeparatorChar));
                string message = "'" + relative + "' is a build output folder of this project, and git tracks " + count + " file(s) in it (first: '" + first +
                    "'): a committed build lets an incremental build skip the compiler and the Guardrails check and ship an assembly and audit record " +
                    "nobody checked here. Remove them from git (git rm -r --cached " + relative + ") and ignore the folder (.gitignore: bin/ and obj/).";
                result.Findings.Add(new Finding(RuleCatalog.BuildOutputCommitted, file, 0, 0, message, warningOnly: result.PolicyDocument == null, subject: relative));
            }
        }

        /// <summary>The folders not inside another listed folder (obj/ covers obj/Debug/net10.0/).</summary>
        private static List<string> Shortest(string[] folders)
        {
            var list = new List<string>();
            foreach (string f in folders)
            {
                bool inside = false;
                foreach (string other in folders)
                {
                    if (!FootprintDiscovery.PathEquals(f, other) && f.Length > other.Length && FootprintDiscovery.PathEquals(f.Substring(0, other.Length), other) &&
                        (f[other.Length] == '/' || f[other.Length] == '\\'))
                    {
                        inside = true;
                        break;
                    }
                }

                if (!inside)
                {
                    list.Add(f);
                }
            }

            return list;
        }

        private static string? ProjectDirectory(string projectPath)
        {
            try
            {
                return string.IsNullOrWhiteSpace(projectPath) ? null : Path.GetDirectoryName(Path.GetFullPath(projectPath));
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }
    }
}
