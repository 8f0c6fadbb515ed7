namespace Guardrails.Cli.Verify;

/// <summary>
/// The folders of a repository the gate judges, walked once (never into .git, node_modules or .vs, never through a
/// symbolic link), in ordinal order: what <see cref="BuildGate"/> checks (compiled output folders, folders holding an
/// audit record) and what <see cref="ShippedOutputs"/> holds against them (bin/ folders, project files, restored
/// packages) are all read from this one listing.
/// </summary>
internal sealed class OutputTree
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", ".vs" };

    private OutputTree(string root, List<(string Path, string[] Segments)> directories)
    {
        Root = root;
        _directories = directories;
    }

    private readonly List<(string Path, string[] Segments)> _directories;

    public string Root { get; }

    /// <summary>Every folder walked, the root first.</summary>
    public IEnumerable<string> Directories => _directories.Select(d => d.Path);

    public static OutputTree Of(string root)
    {
        var found = new List<(string, string[])>();
        var pending = new Stack<(string Path, string[] Segments)>();
        pending.Push((root, Array.Empty<string>()));
        while (pending.Count > 0)
        {
            (string dir, string[] segments) = pending.Pop();
            found.Add((dir, segments));
            string[] children;
            try
            {
                children = Directory.GetDirectories(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Array.Sort(children, StringComparer.Ordinal);
            foreach (string child in Enumerable.Reverse(children))
            {
                string name = Path.GetFileName(child);
                if (SkippedFolders.Contains(name))
                {
                    continue;
                }

                try
                {
                    if ((File.GetAttributes(child) & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                pending.Push((child, segments.Append(name).ToArray()));
            }
        }

        return new OutputTree(root, found);
    }

    /// <summary>
    /// The compiled output folders: obj/&lt;configuration&gt;/&lt;tfm&gt;/ holding a .dll or .exe, for an obj/ that is not
    /// itself inside a bin/, obj/ or packages/ folder.
    /// </summary>
    public IEnumerable<string> CompiledOutputs => _directories
        .Where(d => d.Segments.Length >= 3 && Is(d.Segments[^3], "obj") && !d.Segments[..^3].Any(s => Is(s, "obj") || Is(s, "bin") || Is(s, "packages")))
        .Select(d => d.Path)
        .Where(d => BuildGate.Assemblies(d).Any());

    /// <summary>Every folder holding guardrails/guardrails.audit.json (any intermediate folder a project chose).</summary>
    public IEnumerable<string> RecordDirectories => Directories.Where(d => File.Exists(Path.Combine(d, BuildGate.RecordRelative)));

    /// <summary>The outermost bin/ folders (a bin/ inside one is part of it).</summary>
    public IEnumerable<string> BinFolders => _directories
        .Where(d => d.Segments.Length > 0 && Is(d.Segments[^1], "bin") && !d.Segments[..^1].Any(s => Is(s, "bin")))
        .Select(d => d.Path);

    /// <summary>The folders in no bin/ folder (the root among them).</summary>
    public IEnumerable<string> OutsideBin => _directories
        .Where(d => !d.Segments.Any(s => Is(s, "bin")))
        .Select(d => d.Path);

    /// <summary>The folders outside bin/ and obj/ (where project files live).</summary>
    public IEnumerable<string> SourceDirectories => _directories
        .Where(d => !d.Segments.Any(s => Is(s, "bin") || Is(s, "obj")))
        .Select(d => d.Path);

    /// <summary>Every project.assets.json (restores of the repository's projects, in any intermediate folder).</summary>
    public IEnumerable<string> AssetsFiles => Directories.Select(d => Path.Combine(d, "project.assets.json")).Where(File.Exists);

    private static bool Is(string name, string folder) => string.Equals(name, folder, StringComparison.OrdinalIgnoreCase);
}
