using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.Cli.Scan;

/// <summary>
/// The files a scan reads: C# sources, the text files of the kinds the build passes to the key scan
/// (<see cref="ScanFileKinds"/>: config, script and project files, .env files), the files a project ships whatever their
/// kind (<see cref="ShippedFiles"/>: .resx, a web project's wwwroot, items copied to the output or packed), as the build
/// reads them, and the project files. Never follows a symbolic link, never reads .git. In folders named bin, obj,
/// node_modules, .vs or .idea it reads what the git index tracks (committed there, in every clone: adversary round 4 #19)
/// and skips the rest (build outputs, restored packages, IDE state: ignored or untracked); without a readable git index
/// those folders are skipped by name and <see cref="SkippedByName"/> says which were.
/// </summary>
internal sealed class RepositoryFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", ".vs", ".idea",
    };

    /// <summary>The folder names skipped, for the note without a git index.</summary>
    internal static string SkippedNames => string.Join(", ", SkippedFolders.Order(StringComparer.Ordinal));

    public List<string> CSharp { get; } = new();

    public List<string> Text { get; } = new();

    public List<string> Projects { get; } = new();

    /// <summary>
    /// Committed files of no kind the build reads and that no project ships (images, archives, databases, documents,
    /// Markdown, ...): read by the scan for self-identifying keys only (<see cref="CommittedFiles"/>).
    /// </summary>
    public List<string> Unread { get; } = new();

    /// <summary>Files of no scanned kind: read only when a project ships them (<see cref="ShippedFiles"/>).</summary>
    private readonly List<string> _other = new();

    /// <summary>Folders that could not be listed (reported, never fatal).</summary>
    public List<(string Path, string Message)> Problems { get; } = new();

    /// <summary>Files whose path below the root holds a self-identifying key (a key as a file or folder name: adversary round 5 #12), with the key redacted.</summary>
    public List<(string Path, string Key)> KeyNames { get; } = new();

    private string _root = string.Empty;

    private Tracked? _tracked;

    /// <summary>
    /// Whether git's index holds <paramref name="path"/>; true when there is no index to ask (or the folder holds only
    /// committed files). For files whose meaning is "committed" (a Python package's installed metadata: adversary round 13
    /// route 10), where an untracked copy is a local virtual environment, not the repository's.
    /// </summary>
    public bool IsCommitted(string path) => _tracked == null || _tracked.HoldsFile(path);

    /// <summary>Symbolic links that point to no file: their target text is what git commits (scanned, never followed).</summary>
    public List<string> Links { get; } = new();

    /// <summary>Files and folders whose name is not valid UTF-8: listed with U+FFFD in place of the bytes, so they cannot be opened by name.</summary>
    public List<string> UndecodableNames { get; } = new();

    /// <summary>Files named <c>.gitattributes</c> (read for <c>working-tree-encoding</c>).</summary>
    public List<string> GitAttributes { get; } = new();

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget != null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Folders skipped by name because no git index could tell what in them is committed (relative to the root).</summary>
    public List<string> SkippedByName { get; } = new();

    /// <param name="root">The folder to list.</param>
    /// <param name="everythingCommitted">The folder holds only committed files (the <c>--staged</c> copy of the index): nothing is skipped by name.</param>
    public static RepositoryFiles List(string root, bool everythingCommitted = false)
    {
        var files = new RepositoryFiles { _root = root };
        Tracked? tracked = everythingCommitted ? null : Tracked.Read(root);
        files._tracked = tracked;
        var pending = new Stack<(string Dir, bool TrackedOnly)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            (string dir, bool trackedOnly) = pending.Pop();
            try
            {
                foreach (string entry in Directory.EnumerateFileSystemEntries(dir))
                {
                    var info = new FileInfo(entry);
                    if (entry.Contains('\uFFFD') && !info.Exists && !Directory.Exists(entry) && !IsLink(entry))
                    {
                        // Adversary round 6 #16: a name that is not valid UTF-8 (git stores names as bytes) comes back
                        // with U+FFFD in it and cannot be opened by that name: reported, never skipped in silence.
                        if (!trackedOnly || tracked!.HoldsFile(entry) || tracked.HoldsFolder(entry))
                        {
                            files.UndecodableNames.Add(entry);
                        }

                        continue;
                    }

                    if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
                    {
                        // Never followed; a link pointing nowhere is its target text, which git commits: read for keys.
                        if ((info.Attributes & FileAttributes.Directory) == 0 && (!trackedOnly || tracked!.HoldsFile(entry)) &&
                            Guardrails.BuildTasks.Engine.KeptBackFiles.DanglingLinkTarget(entry) != null)
                        {
                            files.Links.Add(entry);
                        }

                        continue;
                    }

                    if ((info.Attributes & FileAttributes.Directory) != 0)
                    {
                        if (info.Name.Equals(".git", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        bool skippedName = SkippedFolders.Contains(info.Name);
                        if (everythingCommitted || (!trackedOnly && !skippedName))
                        {
                            pending.Push((entry, false));
                        }
                        else if (tracked != null)
                        {
                            // Under a skipped name: only the folders holding a committed file.
                            if (tracked.HoldsFolder(entry))
                            {
                                pending.Push((entry, true));
                            }
                        }
                        else
                        {
                            files.SkippedByName.Add(Path.GetRelativePath(root, entry).Replace('\\', '/'));
                        }
                    }
                    else if (!trackedOnly || tracked!.HoldsFile(entry))
                    {
                        files.Add(entry);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                files.Problems.Add((dir, e.GetType().Name + ": " + e.Message));
            }
        }

        files.FindProjects();
        files.AddShipped();
        var read = new HashSet<string>(files.Text, StringComparer.Ordinal);
        files.Unread.AddRange(files._other.Where(f => !read.Contains(f)));
        files.Sort();
        return files;
    }

    /// <summary>The paths the git index tracks (the one index reader, <see cref="GitIndex"/>), and the folders holding them.</summary>
    private sealed class Tracked
    {
        private readonly string _repository;
        private readonly HashSet<string> _files;
        private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

        private Tracked(string repository, HashSet<string> files)
        {
            _repository = repository;
            _files = files;
            foreach (string file in files)
            {
                for (int slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
                {
                    if (!_folders.Add(file.Substring(0, slash)))
                    {
                        break;
                    }
                }
            }
        }

        public static Tracked? Read(string root)
        {
            string? repository = FootprintDiscovery.FindRepositoryRoot(root, null);
            HashSet<string>? files = repository == null ? null : GitIndex.TryReadTrackedPaths(repository);
            return files == null ? null : new Tracked(repository!, files);
        }

        public bool HoldsFolder(string path) => _folders.Contains(Relative(path));

        public bool HoldsFile(string path) => _files.Contains(Relative(path));

        private string Relative(string path) => Path.GetRelativePath(_repository, path).Replace('\\', '/');
    }

    private void Add(string path)
    {
        if (SafeText.KeyInName(Path.GetRelativePath(_root, path)) is { } named)
        {
            KeyNames.Add((path, named));
        }

        string name = Path.GetFileName(path);
        string ext = Path.GetExtension(name);
        if (name.Equals(".gitattributes", StringComparison.OrdinalIgnoreCase))
        {
            GitAttributes.Add(path);
        }

        if (ext.Equals(".cs", StringComparison.OrdinalIgnoreCase))
        {
            CSharp.Add(path);
            return;
        }

        // A binary .ts (an MPEG transport stream) is left out quietly, as the build's selection leaves it out.
        if (ScanFileKinds.IsScanned(name) && !ScanFileKinds.LeftOutQuietly(path))
        {
            Text.Add(path);
        }
        else
        {
            _other.Add(path);
        }
    }

    /// <summary>
    /// The projects among the files: by content, not by extension alone (<see cref="MsBuildProjectFiles"/>: a C# project
    /// saved as Worker.proj, or a file of any name a solution or ProjectReference names: adversary round 7 route 3).
    /// </summary>
    private void FindProjects()
    {
        Projects.Clear();
        Projects.AddRange(MsBuildProjectFiles.Find(Text.Concat(_other), StringComparer.Ordinal));
    }

    /// <summary>The files of no scanned kind that a project ships, added to <see cref="Text"/>.</summary>
    private void AddShipped()
    {
        if (_other.Count == 0 || Projects.Count == 0)
        {
            return;
        }

        _other.Sort(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (string project in Projects)
        {
            string folder = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
            int first = _other.BinarySearch(folder, StringComparer.Ordinal);
            first = first < 0 ? ~first : first;
            var under = new List<string>();
            for (int i = first; i < _other.Count && _other[i].StartsWith(folder, StringComparison.Ordinal); i++)
            {
                under.Add(_other[i]);
            }

            foreach (string shipped in ShippedFiles.Select(project, under))
            {
                if (added.Add(shipped))
                {
                    Text.Add(shipped);
                }
            }
        }
    }

    private void Sort()
    {
        CSharp.Sort(StringComparer.Ordinal);
        Text.Sort(StringComparer.Ordinal);
        Projects.Sort(StringComparer.Ordinal);
    }
}
