using Guardrails.BuildTasks.Footprints;

namespace Guardrails.Cli.Scan;

/// <summary>
/// The files a scan reads: C# sources, the text files the build passes to the key scan (config and script
/// extensions, project and Directory.* files, assistant configs), and the project files. Never descends into
/// .git, bin, obj, node_modules or .vs, never follows a symbolic link. With <c>staged</c>, only paths in the git
/// index (what the next commit holds) are taken.
/// </summary>
internal sealed class RepositoryFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", "node_modules", ".vs", ".idea",
    };

    /// <summary>The extensions the package's _GuardrailsCollectScanFiles target passes to GRD002 (nuget/build/Guardrails.targets),
    /// plus project files, which the build always passes.</summary>
    internal static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".json", ".jsonc", ".config", ".xml", ".yml", ".yaml", ".env", ".ini", ".properties", ".toml", ".http", ".rest",
        ".ps1", ".sh", ".cmd", ".bat", ".props", ".targets", ".runsettings", ".csproj", ".fsproj", ".vbproj",
    };

    internal static readonly HashSet<string> ProjectExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csproj", ".fsproj", ".vbproj" };

    public List<string> CSharp { get; } = new();

    public List<string> Text { get; } = new();

    public List<string> Projects { get; } = new();

    /// <summary>Folders that could not be listed (reported, never fatal).</summary>
    public List<(string Path, string Message)> Problems { get; } = new();

    public static RepositoryFiles List(string root, bool staged, out string? stagedProblem)
    {
        stagedProblem = null;
        var files = new RepositoryFiles();
        if (staged)
        {
            string? repo = FootprintDiscovery.FindRepositoryRoot(root, null);
            HashSet<string>? tracked = repo == null ? null : GitIndex.TryReadTrackedPaths(repo);
            if (tracked == null)
            {
                stagedProblem = "No readable git index was found at or above '" + root + "': --staged needs a git repository.";
                return files;
            }

            foreach (string relative in tracked)
            {
                string full = Path.GetFullPath(Path.Combine(repo!, relative));
                if (IsUnder(full, root) && !InSkippedFolder(full, root) && File.Exists(full))
                {
                    files.Add(full);
                }
            }

            files.Sort();
            return files;
        }

        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            try
            {
                foreach (string entry in Directory.EnumerateFileSystemEntries(dir))
                {
                    var info = new FileInfo(entry);
                    if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }

                    if ((info.Attributes & FileAttributes.Directory) != 0)
                    {
                        if (!SkippedFolders.Contains(info.Name))
                        {
                            pending.Push(entry);
                        }
                    }
                    else
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

        files.Sort();
        return files;
    }

    private void Add(string path)
    {
        string name = Path.GetFileName(path);
        string ext = Path.GetExtension(name);
        if (ext.Equals(".cs", StringComparison.OrdinalIgnoreCase))
        {
            CSharp.Add(path);
            return;
        }

        if (TextExtensions.Contains(ext) || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            Text.Add(path);
        }

        if (ProjectExtensions.Contains(ext))
        {
            Projects.Add(path);
        }
    }

    private void Sort()
    {
        CSharp.Sort(StringComparer.Ordinal);
        Text.Sort(StringComparer.Ordinal);
        Projects.Sort(StringComparer.Ordinal);
    }

    private static bool IsUnder(string full, string root) =>
        full.Equals(root, StringComparison.Ordinal) || full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool InSkippedFolder(string full, string root)
    {
        string relative = Path.GetRelativePath(root, full);
        string[] parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (SkippedFolders.Contains(parts[i]))
            {
                return true;
            }
        }

        return false;
    }
}
