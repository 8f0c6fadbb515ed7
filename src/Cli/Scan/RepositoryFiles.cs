using Guardrails.BuildTasks.Foundation;

namespace Guardrails.Cli.Scan;

/// <summary>
/// The files a scan reads: C# sources, the text files of the kinds the build passes to the key scan
/// (<see cref="ScanFileKinds"/>: config, script and project files, .env files), the files a project ships whatever their
/// kind (<see cref="ShippedFiles"/>: .resx, a web project's wwwroot, items copied to the output or packed), as the build
/// reads them, and the project files. Never descends into .git, bin, obj, node_modules, .vs or .idea, never follows a
/// symbolic link.
/// </summary>
internal sealed class RepositoryFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", "node_modules", ".vs", ".idea",
    };

    internal static readonly HashSet<string> ProjectExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csproj", ".fsproj", ".vbproj" };

    public List<string> CSharp { get; } = new();

    public List<string> Text { get; } = new();

    public List<string> Projects { get; } = new();

    /// <summary>Files of no scanned kind: read only when a project ships them (<see cref="ShippedFiles"/>).</summary>
    private readonly List<string> _other = new();

    /// <summary>Folders that could not be listed (reported, never fatal).</summary>
    public List<(string Path, string Message)> Problems { get; } = new();

    public static RepositoryFiles List(string root)
    {
        var files = new RepositoryFiles();
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

        files.AddShipped();
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

        // A binary .ts (an MPEG transport stream) is left out quietly, as the build's selection leaves it out.
        if (ScanFileKinds.IsScanned(name) && !ScanFileKinds.LeftOutQuietly(path))
        {
            Text.Add(path);
        }
        else
        {
            _other.Add(path);
        }

        if (ProjectExtensions.Contains(ext))
        {
            Projects.Add(path);
        }
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
