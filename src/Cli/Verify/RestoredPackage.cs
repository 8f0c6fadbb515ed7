using System.Security.Cryptography;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Verify;

/// <summary>
/// Restore's own record of a package folder (…/&lt;id&gt;/&lt;version&gt;/): the .nupkg it extracted, that file's SHA-512
/// (base64) in <c>&lt;id&gt;.&lt;version&gt;.nupkg.sha512</c>, its content hash in <c>.nupkg.metadata</c>'s <c>contentHash</c>
/// (the same for an unsigned package; for a signed one — all of nuget.org's — the hash of the package before it was
/// signed: <see cref="NuGetContentHash"/>), and the SHA-256 of every entry of that .nupkg. One reader for the gate: the package files it vouches for in bin/
/// (<see cref="ShippedOutputs"/>) and the policy package CI pins (<see cref="BuildGate"/>, GRDCL32).
/// </summary>
internal sealed class RestoredPackage
{
    private RestoredPackage(string folder, string sha512, string fileSha512, string? source, Dictionary<string, string> entries)
    {
        Folder = folder;
        Sha512 = sha512;
        FileSha512 = fileSha512;
        Source = source;
        Entries = entries;
    }

    public string Folder { get; }

    /// <summary>
    /// NuGet's contentHash (base64 SHA-512; what .nupkg.metadata, project.assets.json and packages.lock.json record): of the
    /// .nupkg for an unsigned package, of the package without its signature for a signed one.
    /// </summary>
    public string Sha512 { get; }

    /// <summary>Base64 SHA-512 of the .nupkg file as it is (<c>.nupkg.sha512</c>; what <c>sha512sum</c> of the file gives).</summary>
    public string FileSha512 { get; }

    /// <summary>The feed restore took it from (<c>.nupkg.metadata</c> "source"), when it says.</summary>
    public string? Source { get; }

    /// <summary>Every file entry of the .nupkg by its path in the package (unescaped, as NuGet extracts it): SHA-256 hex.</summary>
    public IReadOnlyDictionary<string, string> Entries { get; }

    /// <summary>
    /// The record of <paramref name="folder"/>, or null when it does not hold: no single <c>*.nupkg.sha512</c>, no
    /// <c>.nupkg.metadata</c>, the .nupkg missing, too large, or tracked by git (restore never commits a package folder: a
    /// committed look-alike is the repository's own), or the three hashes disagreeing.
    /// </summary>
    public static RestoredPackage? Read(string folder, Func<string, bool> tracked)
    {
        try
        {
            string[] records = Directory.GetFiles(folder, "*.nupkg.sha512");
            string metadataFile = Path.Combine(folder, ".nupkg.metadata");
            if (records.Length != 1 || !File.Exists(metadataFile) || new FileInfo(metadataFile).Length > 1024 * 1024)
            {
                return null;
            }

            string nupkg = records[0].Substring(0, records[0].Length - ".sha512".Length);
            var info = new FileInfo(nupkg);
            if (!info.Exists || info.Length > ShippedAssemblies.MaxEntryBytes * 4 || tracked(nupkg) || tracked(records[0]))
            {
                return null;
            }

            string recorded = File.ReadAllText(records[0]).Trim();
            JsonNode? metadata = JsonReader.TryParse(File.ReadAllText(metadataFile), out _);
            string actual;
            string? contentHash;
            using (FileStream stream = File.OpenRead(nupkg))
            {
                actual = Convert.ToBase64String(SHA512.HashData(stream));
                contentHash = actual == recorded ? NuGetContentHash.Of(stream, actual) : null;
            }

            // .nupkg.sha512 is the whole file's hash; contentHash is the package's before it was signed (realcode9: taking
            // them for one failed every package from nuget.org, so a real Blazor WebAssembly build had 243 GRDCL30).
            if (actual != recorded || contentHash == null || metadata?["contentHash"]?.Text != contentHash)
            {
                return null;
            }

            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            using var zip = new System.IO.Compression.ZipArchive(File.OpenRead(nupkg), System.IO.Compression.ZipArchiveMode.Read);
            if (zip.Entries.Count > ShippedAssemblies.MaxEntries)
            {
                return null;
            }

            foreach (System.IO.Compression.ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.Length > ShippedAssemblies.MaxEntryBytes || entry.FullName.EndsWith("/", StringComparison.Ordinal))
                {
                    continue;
                }

                using Stream content = entry.Open();
                entries[Uri.UnescapeDataString(entry.FullName)] = LoadedFile.Hex(SHA256.HashData(content));
            }

            return new RestoredPackage(folder, contentHash, actual, metadata?["source"]?.Text, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A pin as CI may give it: NuGet's base64 contentHash (88 characters, as packages.lock.json and .nupkg.metadata write
    /// it) or 128 hexadecimal digits (<c>sha512sum</c>); the base64 form, or null when it is neither.
    /// </summary>
    public static string? NormalizePin(string pin)
    {
        string trimmed = pin.Trim();
        if (trimmed.Length == 128 && trimmed.All(Uri.IsHexDigit))
        {
            return Convert.ToBase64String(Convert.FromHexString(trimmed));
        }

        try
        {
            byte[] bytes = Convert.FromBase64String(trimmed);
            return bytes.Length == 64 ? Convert.ToBase64String(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The nearest folder at or above <paramref name="file"/>'s folder that holds restore's markers (<c>.nupkg.metadata</c> or a <c>*.nupkg.sha512</c>).</summary>
    public static string? FolderOf(string file)
    {
        try
        {
            for (string? dir = Path.GetDirectoryName(file); dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, ".nupkg.metadata")) || Directory.GetFiles(dir, "*.nupkg.sha512").Length > 0)
                {
                    return dir;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        return null;
    }

    /// <summary>
    /// Files of the folder that are not what restore extracted: a file changed after restore (a props file edited in place),
    /// or one no entry of the .nupkg holds (added beside it). Restore's own markers (the .nupkg, its .sha512,
    /// .nupkg.metadata) and the lower-cased .nuspec restore writes at the top are not entries. At most <paramref name="max"/>.
    /// </summary>
    public List<string> NotExtracted(int max)
    {
        var found = new List<string>();
        string[] files;
        try
        {
            files = Directory.GetFiles(Folder, "*", SearchOption.AllDirectories);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(Folder + " (unreadable)");
            return found;
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(Folder, file).Replace('\\', '/');
            bool top = relative.IndexOf('/') < 0;
            if (top && (relative == ".nupkg.metadata" || relative.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) ||
                relative.EndsWith(".nupkg.sha512", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!Entries.TryGetValue(relative, out string? expected) ||
                !string.Equals(SourceFile.TryHashFile(file), expected, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(relative);
                if (found.Count >= max)
                {
                    break;
                }
            }
        }

        return found;
    }
}
