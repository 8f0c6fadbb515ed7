using Guardrails.BuildTasks.Footprints;

namespace Guardrails.Cli.Scan;

/// <summary>
/// What the next commit holds, for <c>guardrails scan --staged</c>: every path in the git index under the scanned folder,
/// with the staged content (the blob the index names, read from .git/objects), written to a temporary folder that is then
/// scanned like any repository. Blobs are read loose or from pack files (<see cref="GitObjects"/>, the reader of
/// <c>--since</c> too); one that cannot be read is taken from the working tree instead (counted in
/// <see cref="FromWorkingTree"/>). Paths in findings are mapped back to the repository.
/// </summary>
internal sealed class StagedSnapshot : IDisposable
{
    private StagedSnapshot(string folder, string scanRoot)
    {
        Folder = folder;
        ScanRoot = scanRoot;
    }

    /// <summary>The temporary copy of the repository root.</summary>
    public string Folder { get; }

    /// <summary>The folder to scan inside <see cref="Folder"/> (the scanned folder's place in the repository).</summary>
    public string ScanRoot { get; }

    public int Files { get; private set; }

    public int FromWorkingTree { get; private set; }

    public static StagedSnapshot Create(string root)
    {
        string? repo = FootprintDiscovery.FindRepositoryRoot(root, null);
        string? gitDir = repo == null ? null : GitIndex.TryGitDirectory(repo);
        Dictionary<string, string>? entries = repo == null ? null : GitIndex.TryReadEntries(repo);
        if (repo == null || gitDir == null || entries == null)
        {
            throw new ScanException("No readable git index was found at or above '" + root + "': --staged needs a git repository.");
        }

        string folder = Path.Combine(Path.GetTempPath(), "guardrails-staged-" + Guid.NewGuid().ToString("N")[..12]);
        string relativeRoot = Path.GetRelativePath(repo, root);
        var snapshot = new StagedSnapshot(folder, relativeRoot == "." ? folder : Path.Combine(folder, relativeRoot));
        Directory.CreateDirectory(snapshot.ScanRoot);
        Directory.CreateDirectory(Path.Combine(folder, ".git")); // the copy is a repository root, as the original is
        string prefix = relativeRoot == "." ? string.Empty : relativeRoot.Replace('\\', '/').TrimEnd('/') + "/";
        GitObjects git = GitObjects.Of(gitDir);
        foreach ((string path, string sha) in entries)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            byte[]? blob = git.Blob(sha);
            if (blob != null)
            {
                File.WriteAllBytes(target, blob);
            }
            else
            {
                string working = Path.Combine(repo, path.Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(working))
                {
                    continue;
                }

                File.Copy(working, target, overwrite: true);
                snapshot.FromWorkingTree++;
            }

            snapshot.Files++;
        }

        return snapshot;
    }

    /// <summary>A blob's content (loose or packed, <see cref="GitObjects"/>); null when it is no blob or cannot be read.</summary>
    internal static byte[]? Blob(string gitDir, string sha) => GitObjects.Of(gitDir).Blob(sha);

    /// <summary>A path in the copy, as the same path in the repository.</summary>
    public string MapBack(string path, string originalRoot)
    {
        if (path.StartsWith(ScanRoot, StringComparison.Ordinal))
        {
            return originalRoot + path[ScanRoot.Length..];
        }

        return path.StartsWith(Folder, StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(originalRoot, Path.GetRelativePath(ScanRoot, path))) : path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
