using System;
using System.Collections.Generic;
using System.IO;
using System.Security;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>Options of <see cref="FootprintDiscovery"/>; tests override the home folder and the limits.</summary>
    public sealed class DiscoveryOptions
    {
        /// <summary>The user's home folder: never searched, and the walk up never goes past it. Default: the current user's.</summary>
        public string? HomeDirectory { get; set; }

        /// <summary>Upper bound on directory entries looked at in one discovery; past it a warning says the search stopped.</summary>
        public int MaxEntries { get; set; } = 50000;

        /// <summary>Deepest folder nesting followed below a level (guards against pathological trees).</summary>
        public int MaxDepth { get; set; } = 16;

        /// <summary>The catalog to use (tests may pass a smaller one).</summary>
        public IReadOnlyList<FootprintEntry> Catalog { get; set; } = FootprintCatalog.All;

        /// <summary>
        /// Also search the folders off the project's walk that hold a committed footprint (read from the git index):
        /// a nested <c>.cursor/rules</c>, a <c>CLAUDE.md</c> or <c>.mcp.json</c> in a sibling folder is read by the
        /// assistant working there. Default on.
        /// </summary>
        public bool IncludeCommittedFolders { get; set; } = true;

        /// <summary>
        /// The manifest the project is judged by (full path), or null when it has none. A committed footprint off the
        /// project's walk is searched when the manifest nearest above it is this one, when no manifest covers it, or
        /// when the manifest covering it governs no project (a manifest no build reads cannot hide a footprint).
        /// </summary>
        public string? ManifestPath { get; set; }
    }

    /// <summary>
    /// Finds assistant footprints from the project folder up to the repository root (the outermost folder holding a .git
    /// file or folder). Never searches above the root or the user's home; with no .git found, searches the project folder only.
    /// At each level it lists the folder once and descends only into folders some catalog pattern can match (so a
    /// 50,000-file repository costs a few directory listings, not a full scan). Never descends into bin/, obj/,
    /// node_modules/ or .git/, follows a linked folder only to a target it has not searched and that does not hold the level
    /// (so link loops cannot happen), and turns every
    /// I/O failure into a <see cref="DiscoveryProblem"/> instead of an exception. Pure .NET: no MSBuild types.
    /// </summary>
    public static class FootprintDiscovery
    {
        internal static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "bin", "obj", "node_modules", ".git",
        };

        public static DiscoveryResult Discover(string projectDirectory, DiscoveryOptions? options = null)
        {
            options ??= new DiscoveryOptions();
            var result = new DiscoveryResult();
            string start = Normalize(projectDirectory);
            string? home = HomeOf(options);
            result.RepositoryRoot = FindOutermostRepositoryRoot(start, home);
            foreach (string level in LevelsBetween(start, result.RepositoryRoot, home))
            {
                result.Levels.Add(level);
                var walker = new Walker(level, options, result);
                walker.ScanLevel();
                if (result.EntriesVisited >= options.MaxEntries)
                {
                    break;
                }
            }

            if (options.IncludeCommittedFolders && result.RepositoryRoot != null && result.EntriesVisited < options.MaxEntries)
            {
                foreach (string level in CommittedFootprintFolders.Find(result.RepositoryRoot, options, result.Levels, result.Problems))
                {
                    result.Levels.Add(level);
                    new Walker(level, options, result).ScanLevel();
                    if (result.EntriesVisited >= options.MaxEntries)
                    {
                        break;
                    }
                }
            }

            if (result.EntriesVisited < options.MaxEntries)
            {
                ScanRelocatedFolders(result, options);
            }

            return result;
        }

        /// <summary>
        /// <c>CLAUDE_CONFIG_DIR</c> and <c>CODEX_HOME</c> set by another tool's file (a dev container's <c>remoteEnv</c>, VS Code's
        /// terminal environment, <c>.envrc</c>, mise: <see cref="AssistantEnvironment"/>) to a folder of the workspace (adversary
        /// round 9 route 11): the assistant reads its settings, agents and <c>config.toml</c> from there instead of
        /// <c>.claude/</c>/<c>.codex/</c>, so that folder is walked with the <c>.claude/</c> (<c>.codex/</c>) lines of the catalog,
        /// and its files are judged as those folders' are. The variables read are kept in <see cref="DiscoveryResult.Environment"/>.
        /// </summary>
        private static void ScanRelocatedFolders(DiscoveryResult result, DiscoveryOptions options)
        {
            HashSet<string>? tracked = null;
            bool trackedRead = false;
            foreach (string level in result.Levels.ToArray())
            {
                List<EnvironmentSetting> settings = AssistantEnvironment.Read(level);
                result.Environment.AddRange(settings);
                foreach (EnvironmentSetting s in settings)
                {
                    string name = s.Name.Trim().ToUpperInvariant();
                    string? standsFor = name == "CLAUDE_CONFIG_DIR" ? ".claude/" : name == "CODEX_HOME" ? ".codex/" : null;
                    string? folder = standsFor == null ? null : AssistantEnvironment.FolderInWorkspace(s);
                    if (folder == null)
                    {
                        continue;
                    }

                    string relative = folder.Substring(Normalize(level).Length + 1).Replace('\\', '/');
                    if (relative + "/" == standsFor || relative.IndexOf('*') >= 0 || relative.IndexOf('?') >= 0)
                    {
                        continue; // the assistant's own folder is walked already
                    }

                    var catalog = new List<FootprintEntry>();
                    foreach (FootprintEntry e in options.Catalog)
                    {
                        if (e.ContentMarkers == null && e.Pattern.Text.StartsWith(standsFor!, StringComparison.Ordinal))
                        {
                            catalog.Add(new FootprintEntry(relative + "/" + e.Pattern.Text.Substring(standsFor!.Length), e.AssistantId, e.Kind, e.Format, e.OnlyWithMcpServers));
                        }
                    }

                    var found = new DiscoveryResult();
                    var relocated = new DiscoveryOptions
                    {
                        HomeDirectory = options.HomeDirectory,
                        MaxEntries = options.MaxEntries - result.EntriesVisited,
                        MaxDepth = options.MaxDepth,
                        Catalog = catalog,
                        IncludeCommittedFolders = false,
                        ManifestPath = options.ManifestPath,
                    };
                    new Walker(level, relocated, found).ScanLevel();
                    result.EntriesVisited += found.EntriesVisited;
                    result.Problems.AddRange(found.Problems);

                    // Only what is committed: the assistant also writes its credentials, history and caches into that folder on
                    // a developer's machine, and those (untracked, usually ignored) files are the developer's own.
                    if (tracked == null && !trackedRead && result.RepositoryRoot != null)
                    {
                        tracked = GitIndex.TryReadTrackedPaths(result.RepositoryRoot);
                        trackedRead = true;
                    }

                    foreach (FootprintHit hit in found.Hits)
                    {
                        if (!result.Hits.Exists(h => PathEquals(h.FullPath, hit.FullPath)) && (tracked == null || IsTracked(tracked, result.RepositoryRoot!, hit)))
                        {
                            result.Hits.Add(hit);
                        }
                    }
                }
            }
        }

        private static bool IsTracked(HashSet<string> tracked, string repositoryRoot, FootprintHit hit)
        {
            string root = Normalize(repositoryRoot);
            string full = Normalize(hit.FullPath);
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return false;
            }

            string relative = full.Substring(root.Length + 1).Replace('\\', '/');
            if (tracked.Contains(relative))
            {
                return true;
            }

            if (hit.IsDirectory)
            {
                foreach (string path in tracked)
                {
                    if (path.StartsWith(relative + "/", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The outermost folder at or above <paramref name="start"/> holding ".git" (file or folder), stopping below
        /// <paramref name="home"/>: the bound of every search for the repository's files. Not the nearest one: a ".git"
        /// folder made inside the repository (a build target can make one in the project folder) would otherwise hide
        /// every footprint and CI file above it; and an assistant working at the outer root reads a nested clone or
        /// submodule too.
        /// </summary>
        public static string? FindOutermostRepositoryRoot(string start, string? home)
        {
            string? outermost = null;
            string? dir = Normalize(start);
            while (dir != null)
            {
                string? root = FindRepositoryRoot(dir, home);
                if (root == null)
                {
                    break;
                }

                outermost = root;
                dir = Parent(root);
            }

            return outermost;
        }

        /// <summary>The nearest folder at or above <paramref name="start"/> holding ".git" (file or folder), stopping below <paramref name="home"/>: the git repository whose commit and index describe the project.</summary>
        public static string? FindRepositoryRoot(string start, string? home)
        {
            string? dir = Normalize(start);
            while (dir != null)
            {
                if (home != null && PathEquals(dir, home))
                {
                    return null;
                }

                try
                {
                    string git = Path.Combine(dir, ".git");
                    if (Directory.Exists(git) || File.Exists(git))
                    {
                        return dir;
                    }
                }
                catch (Exception e) when (IsIoException(e))
                {
                    return null;
                }

                dir = Parent(dir);
            }

            return null;
        }

        /// <summary>The folders to search: from the project folder up to the root; only the project folder without a root.</summary>
        public static List<string> LevelsBetween(string projectDirectory, string? repositoryRoot, string? home)
        {
            var levels = new List<string>();
            string start = Normalize(projectDirectory);
            if (home != null && PathEquals(start, home))
            {
                return levels; // the project is the home folder itself: nothing there is the repository's
            }

            if (repositoryRoot == null)
            {
                levels.Add(start);
                return levels;
            }

            string? dir = start;
            while (dir != null)
            {
                levels.Add(dir);
                if (PathEquals(dir, repositoryRoot))
                {
                    break;
                }

                dir = Parent(dir);
            }

            return levels;
        }

        internal static string Normalize(string path) => Foundation.FilePaths.Normalize(path);

        internal static bool PathEquals(string a, string b) => Foundation.FilePaths.Equal(a, b);

        private static string? Parent(string dir)
        {
            string? parent = Path.GetDirectoryName(dir);
            return string.IsNullOrEmpty(parent) || PathEquals(parent!, dir) ? null : parent;
        }

        private static string? HomeOf(DiscoveryOptions options)
        {
            string? home = options.HomeDirectory;
            if (home == null)
            {
                try
                {
                    home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                }
                catch (Exception e) when (e is SecurityException || e is PlatformNotSupportedException)
                {
                    home = null;
                }
            }

            return string.IsNullOrEmpty(home) ? null : Normalize(home!);
        }

        internal static bool IsIoException(Exception e) =>
            e is IOException || e is UnauthorizedAccessException || e is SecurityException || e is NotSupportedException || e is ArgumentException;

        /// <summary>Walks one level: the level folder's own entries, then only folders a pattern can still match.</summary>
        private sealed class Walker
        {
            private readonly string _level;
            private readonly DiscoveryOptions _options;
            private readonly DiscoveryResult _result;
            private bool _stopped;
            private readonly HashSet<string> _followedTargets = new HashSet<string>(StringComparer.Ordinal);

            public Walker(string level, DiscoveryOptions options, DiscoveryResult result)
            {
                _level = level;
                _options = options;
                _result = result;
            }

            public void ScanLevel() => Walk(new DirectoryInfo(_level), new List<string>(), _options.Catalog);

            private void Walk(DirectoryInfo dir, List<string> segments, IReadOnlyList<FootprintEntry> candidates)
            {
                IEnumerable<FileSystemInfo> entries;
                try
                {
                    entries = dir.EnumerateFileSystemInfos();
                }
                catch (Exception e) when (IsIoException(e))
                {
                    _result.Problems.Add(new DiscoveryProblem(dir.FullName, "the folder could not be listed (" + e.GetType().Name + ")"));
                    return;
                }

                var subfolders = new List<(DirectoryInfo Dir, List<FootprintEntry> Candidates)>();
                try
                {
                    foreach (FileSystemInfo entry in entries)
                    {
                        if (++_result.EntriesVisited > _options.MaxEntries)
                        {
                            if (!_stopped)
                            {
                                _stopped = true;
                                _result.Problems.Add(new DiscoveryProblem(dir.FullName, "footprint discovery stopped after " + _options.MaxEntries + " entries; footprints further on were not looked at", limitReached: true));
                            }

                            return;
                        }

                        string name = entry.Name;
                        var path = new List<string>(segments) { name };
                        List<FootprintEntry> matching = Candidates(candidates, path);
                        if (matching.Count == 0)
                        {
                            continue;
                        }

                        bool isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                        if ((entry.Attributes & FileAttributes.Directory) != 0)
                        {
                            AddFolderHit(entry, path, matching, isLink);
                            if ((isLink && !FollowLink((DirectoryInfo)entry)) || SkippedFolders.Contains(name) || path.Count > _options.MaxDepth || IsPresenceOnlyFolder(matching, path))
                            {
                                continue;
                            }

                            subfolders.Add(((DirectoryInfo)entry, matching.FindAll(e => e.Pattern.CouldMatchWithin(path))));
                        }
                        else if (isLink && IsDanglingLink(entry) && matching.Exists(e => e.Pattern.IsFolder && e.Pattern.MatchesFolder(path)))
                        {
                            // A link to nothing where an assistant folder belongs (.cursor -> gone): a footprint whose
                            // content cannot be read, not an absence.
                            AddFolderHit(entry, path, matching, isLink);
                            _result.Problems.Add(new DiscoveryProblem(entry.FullName, "the symbolic link points at nothing that exists, so its content could not be read"));
                        }
                        else
                        {
                            AddFileHit(entry, path, matching, isLink);
                        }
                    }
                }
                catch (Exception e) when (IsIoException(e))
                {
                    _result.Problems.Add(new DiscoveryProblem(dir.FullName, "the folder could not be listed completely (" + e.GetType().Name + ")"));
                }

                foreach ((DirectoryInfo sub, List<FootprintEntry> subCandidates) in subfolders)
                {
                    var path = new List<string>(segments) { sub.Name };
                    Walk(sub, path, subCandidates);
                    if (_stopped)
                    {
                        return;
                    }
                }
            }

            /// <summary>
            /// Whether to search a linked folder (a symbolic link or junction) like the folder it stands for: the
            /// assistant follows the link, so its content is the footprint's content (a `.cursor` link to a folder
            /// elsewhere in the repository must not hide the MCP servers inside). Not followed: a link whose target
            /// cannot be resolved, a target that holds the level being searched (a loop), or a target already searched
            /// through another link. Depth stays bounded by MaxDepth.
            /// </summary>
            private bool FollowLink(DirectoryInfo link)
            {
#if NET
                try
                {
                    FileSystemInfo? target = link.ResolveLinkTarget(returnFinalTarget: true);
                    if (target == null || !target.Exists)
                    {
                        _result.Problems.Add(new DiscoveryProblem(link.FullName, "the symbolic link points at nothing that exists, so its content could not be read"));
                        return false;
                    }

                    string real = Normalize(target.FullName);
                    string level = Normalize(_level);
                    string bound = Normalize(_result.RepositoryRoot ?? _level);
                    if (!PathEquals(real, bound) && !IsBelow(real, bound))
                    {
                        // Outside the repository the content is not the repository's, and a link to a large tree (/usr)
                        // would only spend the entry budget that the footprints further on need.
                        _result.Problems.Add(new DiscoveryProblem(link.FullName, "the symbolic link points outside the repository, so its content was not read; commit the files themselves"));
                        return false;
                    }

                    if (PathEquals(real, level) || IsBelow(level, real) || !_followedTargets.Add(real))
                    {
                        return false;
                    }

                    return true;
                }
                catch (Exception e) when (IsIoException(e))
                {
                    _result.Problems.Add(new DiscoveryProblem(link.FullName, "the symbolic link could not be resolved (" + e.GetType().Name + "), so its content could not be read"));
                    return false;
                }
#else
                _result.Problems.Add(new DiscoveryProblem(link.FullName, "the folder is a symbolic link, which the .NET Framework build of the task does not follow, so its content could not be read"));
                return false;
#endif
            }

            private static bool IsDanglingLink(FileSystemInfo entry)
            {
#if NET
                try
                {
                    FileSystemInfo? target = entry.ResolveLinkTarget(returnFinalTarget: true);
                    return target == null || !(File.Exists(target.FullName) || Directory.Exists(target.FullName));
                }
                catch (Exception e) when (IsIoException(e))
                {
                    return true;
                }
#else
                return !entry.Exists;
#endif
            }

            private static bool IsBelow(string path, string folder) =>
                path.Length > folder.Length && PathEquals(path.Substring(0, folder.Length), folder) &&
                (path[folder.Length] == Path.DirectorySeparatorChar || path[folder.Length] == Path.AltDirectorySeparatorChar);

            /// <summary>The entries whose pattern can match <paramref name="path"/> or something below it.</summary>
            private static List<FootprintEntry> Candidates(IReadOnlyList<FootprintEntry> candidates, List<string> path)
            {
                var list = new List<FootprintEntry>();
                foreach (FootprintEntry e in candidates)
                {
                    if (e.Pattern.CouldMatchWithin(path) || e.Pattern.MatchesFile(path))
                    {
                        list.Add(e);
                    }
                }

                return list;
            }

            /// <summary>A folder like .aider.tags.cache.v4/ whose presence is the whole footprint: nothing inside is read.</summary>
            private static bool IsPresenceOnlyFolder(List<FootprintEntry> matching, List<string> path)
            {
                bool any = false;
                foreach (FootprintEntry e in matching)
                {
                    if (!e.Pattern.CouldMatchWithin(path))
                    {
                        continue; // e.g. ".aider.*" names this folder but nothing inside it
                    }

                    if (e.Pattern.IsFolder && e.Pattern.MatchesFolder(path) && e.Format == FootprintFormat.None)
                    {
                        any = true;
                    }
                    else if (!(e.Pattern.IsFolder && e.Pattern.MatchesFolder(path)))
                    {
                        return false;
                    }
                }

                return any;
            }

            private void AddFolderHit(FileSystemInfo entry, List<string> path, List<FootprintEntry> matching, bool isLink)
            {
                FootprintEntry? first = null;
                var assistants = new List<string>();
                foreach (FootprintEntry e in matching)
                {
                    if (e.Pattern.MatchesFolder(path))
                    {
                        first ??= e;
                        AddDistinct(assistants, e.AssistantId);
                    }
                }

                if (first == null)
                {
                    return; // a folder on the way to a footprint (e.g. .github), not a footprint itself
                }

                string relative = string.Join("/", path);
                string root = RootOf(matching, path) ?? relative;
                _result.Hits.Add(new FootprintHit(entry.FullName, _level, relative, true, first.Kind, first.Format, assistants, root, isLink));
            }

            private void AddFileHit(FileSystemInfo entry, List<string> path, List<FootprintEntry> matching, bool isLink)
            {
                FootprintEntry? kindFrom = null;
                var assistants = new List<string>();
                string? text = null;
                bool read = false;
                foreach (FootprintEntry e in matching)
                {
                    if (e.Pattern.MatchesFile(path))
                    {
                        if (e.ContentMarkers != null)
                        {
                            // A general file (a workflow, devcontainer.json, extensions.json): this assistant's only when it names it.
                            if (!read)
                            {
                                text = MarkerText(entry.FullName);
                                read = true;
                            }

                            if (text == null || !Array.Exists(e.ContentMarkers, m => text.IndexOf(m, StringComparison.OrdinalIgnoreCase) >= 0))
                            {
                                continue;
                            }
                        }

                        kindFrom ??= e;
                        AddDistinct(assistants, e.AssistantId);
                    }
                }

                int innermost = 0;
                FootprintEntry? folder = null;
                foreach (FootprintEntry e in matching)
                {
                    int prefix = e.Pattern.FolderPrefixLength(path);
                    if (prefix > 0)
                    {
                        AddDistinct(assistants, e.AssistantId);
                        if (prefix > innermost)
                        {
                            innermost = prefix;
                            folder = e;
                        }
                    }
                }

                kindFrom ??= folder;
                if (kindFrom == null)
                {
                    return;
                }

                string relative = string.Join("/", path);
                string root = RootOf(matching, path) ?? relative;
                _result.Hits.Add(new FootprintHit(entry.FullName, _level, relative, false, kindFrom.Kind, kindFrom.Format, assistants, root, isLink)
                {
                    OnlyWithMcpServers = kindFrom.OnlyWithMcpServers && folder == null,
                    NamedInContent = kindFrom.ContentMarkers != null && folder == null,
                });
            }

            /// <summary>The text a content marker is looked for in: the first 1 MiB of the file (null when unreadable).</summary>
            private static string? MarkerText(string path)
            {
                try
                {
                    using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                    {
                        var buffer = new byte[(int)Math.Min(stream.Length, 1024 * 1024)];
                        int total = 0, n;
                        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
                        {
                            total += n;
                        }

                        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
                    }
                }
                catch (Exception e) when (IsIoException(e))
                {
                    return null;
                }
            }

            /// <summary>The outermost catalog folder that contains (or is) <paramref name="path"/>.</summary>
            private static string? RootOf(List<FootprintEntry> matching, List<string> path)
            {
                int outermost = int.MaxValue;
                foreach (FootprintEntry e in matching)
                {
                    if (e.Pattern.IsFolder && (e.Pattern.FolderPrefixLength(path) > 0 || e.Pattern.MatchesFolder(path)) && e.Pattern.Depth < outermost)
                    {
                        outermost = e.Pattern.Depth;
                    }
                }

                return outermost == int.MaxValue ? null : string.Join("/", path.GetRange(0, outermost));
            }

            private static void AddDistinct(List<string> list, string value)
            {
                if (!list.Contains(value))
                {
                    list.Add(value);
                }
            }
        }
    }
}
