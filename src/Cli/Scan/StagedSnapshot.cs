using System.IO.Compression;
using System.Text;
using Guardrails.BuildTasks.Footprints;

namespace Guardrails.Cli.Scan;

/// <summary>
/// What the next commit holds, for <c>guardrails scan --staged</c>: every path in the git index under the scanned folder,
/// with the staged content (the blob the index names, read from .git/objects), written to a temporary folder that is then
/// scanned like any repository. A blob that is only in a pack file is taken from the working tree instead (counted in
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
        foreach ((string path, string sha) in entries)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            byte[]? blob = LooseBlob(gitDir, sha);
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

    /// <summary>A loose object's content when it is a blob ("blob SIZE\0content", zlib-deflated); null when not loose.</summary>
    internal static byte[]? LooseBlob(string gitDir, string sha)
    {
        string file = Path.Combine(gitDir, "objects", sha[..2], sha[2..]);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var zlib = new ZLibStream(File.OpenRead(file), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            zlib.CopyTo(buffer);
            byte[] data = buffer.ToArray();
            int nul = Array.IndexOf(data, (byte)0);
            if (nul < 5 || !Encoding.ASCII.GetString(data, 0, nul).StartsWith("blob ", StringComparison.Ordinal))
            {
                return null;
            }

            return data[(nul + 1)..];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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
