using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// The folders off a project's walk (neither the project folder nor one of its parents) that hold a committed
    /// assistant footprint, found in the git index rather than by listing the whole tree: Cursor applies the
    /// <c>.cursor/rules</c> of a sub-folder, Claude Code and Codex read the <c>CLAUDE.md</c>/<c>AGENTS.md</c> of the
    /// folder they work in, and Claude Code takes <c>.mcp.json</c> and <c>.claude/settings.json</c> from the folder it is
    /// started in, so a footprint in <c>web/</c> configures an assistant in this repository even though no project walk
    /// passes it. A folder is returned only when the manifest governing it is the project's own, when no manifest
    /// governs it, or when its manifest governs no project (an <c>ai-assistants.json</c> dropped beside a footprint
    /// must not hide it from every build). Folders below bin/, obj/, node_modules/ and .git/ are never returned.
    /// </summary>
    public static class CommittedFootprintFolders
    {
        public const string ManifestFileName = "ai-assistants.json";

        public static List<string> Find(string repositoryRoot, DiscoveryOptions options, IReadOnlyList<string> searched, List<DiscoveryProblem> problems)
        {
            var found = new List<string>();
            HashSet<string>? tracked = GitIndex.TryReadTrackedPaths(repositoryRoot);
            if (tracked == null)
            {
                if (HasCommits(repositoryRoot))
                {
                    // A repository with commits always has an index; one deleted or corrupted (a build target can do it)
                    // must not quietly hide every committed footprint off the project's walk.
                    problems.Add(new DiscoveryProblem(Path.Combine(repositoryRoot, ".git"),
                        "the git index could not be read, so committed footprints outside the project's folders were not looked at (restore it with 'git reset')",
                        limitReached: true) { Remedy = "restore the index (git reset)" });
                }

                return found;
            }

            HashSet<string>? projectFolders = null;
            var firstSegment = new Dictionary<string, bool>(StringComparer.Ordinal);
            var folders = new SortedSet<string>(StringComparer.Ordinal);
            var notCheckedOut = new SortedSet<string>(StringComparer.Ordinal);
            var collapsed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string path in tracked)
            {
                if (path.EndsWith("/", StringComparison.Ordinal))
                {
                    // A sparse directory entry (a sparse index: git sparse-checkout --sparse-index, index.sparse=true;
                    // adversary round 5 #6): one entry for a whole folder outside the cone, its files only in the object
                    // database. What it holds cannot be judged from the index: the folder is reported as unchecked.
                    if (collapsed.Count < 20 && !IsSkippedFolder(path) && GovernedByProject(repositoryRoot, path.TrimEnd('/'), options.ManifestPath, tracked))
                    {
                        collapsed.Add(path);
                    }

                    continue;
                }

                string[] segments = path.Split('/');
                for (int i = 0; i < segments.Length; i++)
                {
                    string name = segments[i];
                    // bin/ and obj/ beside a project file are that project's build output (GRD315 judges them); a committed
                    // folder of that name anywhere else (a scripts/bin/) is ordinary, and an assistant working there reads
                    // its files (adversary round 4 #18). Vendored packages (node_modules) stay skipped.
                    if (FootprintDiscovery.SkippedFolders.Contains(name) &&
                        !((string.Equals(name, "bin", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "obj", StringComparison.OrdinalIgnoreCase)) &&
                          !(projectFolders ??= ProjectFolders(tracked)).Contains(string.Join("/", segments, 0, i))))
                    {
                        break;
                    }

                    if (CouldStartFootprint(name, options.Catalog, firstSegment) && IsFootprint(segments, i, options.Catalog))
                    {
                        // The outermost footprint of a path only: a file inside an assistant folder (web/.cursor/mcp.json)
                        // is that folder's, not a footprint of its own folder (mcp.json at web/.cursor/). The root's
                        // footprints are on every project's walk.
                        if (i > 0)
                        {
                            folders.Add(string.Join("/", segments, 0, i));
                        }

                        // A committed footprint that is not in the working tree (a sparse checkout in CI, adversary round 3
                        // #16) cannot be read: it is committed all the same, and every full clone carries it.
                        // A general file that is a footprint only by what it names (a workflow) cannot be judged unread: not reported.
                        if (notCheckedOut.Count < 20 && IsFootprint(segments, i, options.Catalog, pathOnly: true) && !File.Exists(Path.Combine(repositoryRoot, path.Replace('/', Path.DirectorySeparatorChar))) &&
                            GovernedByProject(repositoryRoot, string.Join("/", segments, 0, i), options.ManifestPath, tracked))
                        {
                            notCheckedOut.Add(string.Join("/", segments, 0, i + 1) + (i + 1 < segments.Length ? "/" : string.Empty));
                        }

                        break;
                    }
                }
            }

            // A submodule CI did not check out (actions/checkout's default: no --recurse-submodules) holds files no one
            // here can read, and every developer who clones with submodules gets its CLAUDE.md, .mcp.json and settings
            // (adversary round 4 #10). Like a sparse checkout: unchecked, an error in Enforce unless the policy says how
            // to treat what could not be looked at, or waives this submodule (GRD137, footprint:<path>/).
            foreach ((string link, string? url) in GitIndex.SubmodulesNotCheckedOut(repositoryRoot))
            {
                if (!GovernedByProject(repositoryRoot, link, options.ManifestPath, tracked))
                {
                    continue;
                }

                problems.Add(new DiscoveryProblem(Path.Combine(repositoryRoot, link.Replace('/', Path.DirectorySeparatorChar)),
                    "the git submodule at '" + link + "/'" + (url != null ? " (" + Guardrails.BuildTasks.Policy.Text.Show(url, 200) + ")" : string.Empty) +
                    " is not checked out, so the assistant files it may hold could not be checked; check it out in CI (git submodule update --init --recursive, or actions/checkout with submodules: recursive)",
                    limitReached: true)
                {
                    Subject = "footprint:" + link + "/",
                    Remedy = "check the submodule out for the build, or, when it is known to hold no assistant files, have the policy owner waive it (subject 'footprint:" + link + "/')",
                });
            }

            foreach (string folder in collapsed)
            {
                problems.Add(new DiscoveryProblem(Path.Combine(repositoryRoot, folder.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar)),
                    "the committed folder '" + folder + "' is one entry of a sparse index (git sparse-checkout --sparse-index, index.sparse), not checked out, so the assistant files it may hold could not be checked; check out the whole repository for the build, or at least without --sparse-index",
                    limitReached: true)
                {
                    Subject = "footprint:" + folder,
                    Remedy = "check the folder out for the build, or, when it is known to hold no assistant files, have the policy owner waive it (subject 'footprint:" + folder + "')",
                });
            }

            foreach (string missing in notCheckedOut)
            {
                problems.Add(new DiscoveryProblem(Path.Combine(repositoryRoot, missing.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar)),
                    "the committed assistant files at '" + missing + "' are not in the working tree (a sparse checkout, or deleted without a commit), so they could not be checked; check out the whole repository",
                    limitReached: true)
                {
                    // Waivable per path like a submodule or a sparse folder: a monorepo's .NET job that checks out dotnet/ only
                    // left python/AGENTS.md and 19 more out of agent-framework's checkout (realcode9), and the only other way
                    // out was unreadableFootprint "warn" for every kind of unchecked footprint at once.
                    Subject = "footprint:" + missing,
                    Remedy = "check out the whole repository, or, when these files are known to be another part's (a folder the build never reads), have the policy owner waive them (subject 'footprint:" + missing + "', or a glob for their folder)",
                });
            }

            var searchedSet = new HashSet<string>(StringComparer.Ordinal);
            foreach (string s in searched)
            {
                searchedSet.Add(FootprintDiscovery.Normalize(s));
            }

            foreach (string relative in folders)
            {
                string full = FootprintDiscovery.Normalize(Path.Combine(repositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar)));
                if (searchedSet.Contains(full) || !Exists(full) || !GovernedByProject(repositoryRoot, relative, options.ManifestPath, tracked))
                {
                    continue;
                }

                found.Add(full);
            }

            return found;
        }

        /// <summary>A folder path ("a/b/") that lies under node_modules/ or .git/ (never searched for footprints).</summary>
        private static bool IsSkippedFolder(string folder)
        {
            foreach (string name in folder.TrimEnd('/').Split('/'))
            {
                if (string.Equals(name, "node_modules", StringComparison.OrdinalIgnoreCase) || string.Equals(name, ".git", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The folders (repository-relative, "" for the root) holding a tracked MSBuild project file.</summary>
        private static HashSet<string> ProjectFolders(IEnumerable<string> tracked)
        {
            var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in tracked)
            {
                if (MsBuildProjectFiles.HasLanguageProjectExtension(path) || MsBuildProjectFiles.HasProjectLikeExtension(path))
                {
                    int slash = path.LastIndexOf('/');
                    folders.Add(slash < 0 ? string.Empty : path.Substring(0, slash));
                }
            }

            return folders;
        }

        private static bool CouldStartFootprint(string name, IReadOnlyList<FootprintEntry> catalog, Dictionary<string, bool> cache)
        {
            if (!cache.TryGetValue(name, out bool could))
            {
                could = false;
                foreach (FootprintEntry e in catalog)
                {
                    if (e.Pattern.FirstSegmentMatches(name))
                    {
                        could = true;
                        break;
                    }
                }

                cache[name] = could;
            }

            return could;
        }

        /// <summary>Whether the path from segment <paramref name="start"/> on is a catalog file or lies in a catalog folder.</summary>
        private static bool IsFootprint(string[] segments, int start, IReadOnlyList<FootprintEntry> catalog, bool pathOnly = false)
        {
            var rest = new ArraySegment<string>(segments, start, segments.Length - start);
            foreach (FootprintEntry e in catalog)
            {
                if (pathOnly && e.ContentMarkers != null)
                {
                    continue;
                }

                if (e.Pattern.MatchesFile(rest) || e.Pattern.FolderPrefixLength(rest) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the project judged by <paramref name="projectManifest"/> answers for the footprints in
        /// <paramref name="folder"/>: the nearest manifest at or above the folder is the project's, or there is none,
        /// or it governs no committed project.
        /// </summary>
        private static bool GovernedByProject(string root, string folder, string? projectManifest, HashSet<string> tracked)
        {
            string? governing = NearestManifest(root, folder, tracked);
            if (governing == null)
            {
                return true;
            }

            string governingFull = FootprintDiscovery.Normalize(Path.Combine(root, governing.Replace('/', Path.DirectorySeparatorChar)));
            if (projectManifest != null && FootprintDiscovery.PathEquals(governingFull, FootprintDiscovery.Normalize(projectManifest)))
            {
                return true;
            }

            string manifestFolder = governing.Length > ManifestFileName.Length ? governing.Substring(0, governing.Length - ManifestFileName.Length) : string.Empty;
            foreach (string p in tracked)
            {
                if (p.StartsWith(manifestFolder, StringComparison.Ordinal) && MsBuildProjectFiles.HasLanguageProjectExtension(p))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The committed manifest nearest at or above <paramref name="folder"/> (relative, '/' separated), or null.</summary>
        private static string? NearestManifest(string root, string folder, HashSet<string> tracked)
        {
            string dir = folder;
            while (true)
            {
                string candidate = dir.Length == 0 ? ManifestFileName : dir + "/" + ManifestFileName;
                if (tracked.Contains(candidate) || File.Exists(Path.Combine(root, candidate.Replace('/', Path.DirectorySeparatorChar))))
                {
                    return candidate;
                }

                if (dir.Length == 0)
                {
                    return null;
                }

                int slash = dir.LastIndexOf('/');
                dir = slash < 0 ? string.Empty : dir.Substring(0, slash);
            }
        }

        /// <summary>Whether the repository has a commit (HEAD names one, directly or through a branch that exists).</summary>
        private static bool HasCommits(string repositoryRoot)
        {
            try
            {
                string? gitDir = GitIndex.TryGitDirectory(repositoryRoot);
                string head = gitDir == null ? string.Empty : Path.Combine(gitDir, "HEAD");
                if (gitDir == null || !File.Exists(head) || new FileInfo(head).Length > 4096)
                {
                    return false;
                }

                string text = File.ReadAllText(head).Trim();
                if (!text.StartsWith("ref:", StringComparison.Ordinal))
                {
                    return text.Length >= 40; // a detached HEAD holds the commit's hash
                }

                string branch = text.Substring(4).Trim();
                if (File.Exists(Path.Combine(gitDir, branch.Replace('/', Path.DirectorySeparatorChar))))
                {
                    return true;
                }

                string packed = Path.Combine(gitDir, "packed-refs");
                return File.Exists(packed) && File.ReadAllText(packed).IndexOf(" " + branch, StringComparison.Ordinal) >= 0;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return false;
            }
        }

        private static bool Exists(string folder)
        {
            try
            {
                return Directory.Exists(folder);
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return false;
            }
        }
    }
}
