using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;

namespace Guardrails.Cli.Verify;

/// <summary>
/// What the gate finds inside what a bin/ folder ships (issue 12 after adversary round 3 #7): a file that starts as a zip
/// (a .zip, a .nupkg, the same bytes under any name), the manifest resources of an assembly a verified record describes or
/// of a resource-only assembly, and the entries of a compiled .resources blob among those resources. Inside, each piece
/// is judged as a file of bin/ is: a managed assembly must have the bytes of one a verified record describes or of a file
/// of a restored package (GRDCL30; an unapproved SDK zipped or embedded and loaded from bytes at run time is neither), text
/// is read for self-identifying keys with the build's reader (GRDCL31), and a zip or assembly inside is opened in turn.
/// Bounded: <see cref="ShippedAssemblies.MaxEntries"/> entries per zip, <see cref="ShippedAssemblies.MaxEntryBytes"/> per
/// entry or resource, <see cref="MaxInflatedBytes"/> read out of one bin/ file in all, <see cref="MaxDepth"/> levels of
/// nesting. Past a limit, or content that cannot be read (an encrypted or damaged zip, a damaged image), the file is
/// GRDCL30 naming the reason: what the gate cannot look into is not vouched for. Never an exception.
/// </summary>
internal sealed class ShippedContents
{
    /// <summary>Entries of one zip, resources of one assembly or of one .resources blob, looked into (the build's limit, GRD201).</summary>
    public const int MaxEntries = ShippedAssemblies.MaxEntries;

    /// <summary>Levels of nesting looked into (a zip in bin/ is level 1, an assembly in it 2, its resources 3, ...).</summary>
    public const int MaxDepth = 4;

    /// <summary>Bytes read out of zips and resources for one file of bin/, in all (a zip bomb stops here).</summary>
    public const long MaxInflatedBytes = 1024L * 1024 * 1024;

    private const uint ResourcesMagic = 0xBEEFCACE;

    private readonly Func<string, bool> _verified;
    private readonly Func<string, string, bool> _packageFile;
    private readonly List<GateResult> _results;
    private long _read;

    private ShippedContents(Func<string, bool> verified, Func<string, string, bool> packageFile, List<GateResult> results)
    {
        _verified = verified;
        _packageFile = packageFile;
        _results = results;
    }

    /// <summary>True when <paramref name="file"/> starts as a zip (PK\3\4), whatever its name.</summary>
    public static bool IsZip(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return stream.Length >= 4 && stream.ReadByte() == 'P' && stream.ReadByte() == 'K' && stream.ReadByte() == 3 && stream.ReadByte() == 4;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Looks into a zip of bin/ (<paramref name="file"/>), or into the resources of an assembly of bin/ the gate vouches
    /// for (its own verified bytes, or resource-only): <paramref name="verified"/> answers by SHA-256 whether a verified
    /// record describes an assembly, <paramref name="packageFile"/> by file name and SHA-256 whether it is a file of a
    /// restored package. Findings are added to <paramref name="results"/>.
    /// </summary>
    public static void Inspect(string file, bool assembly, Func<string, bool> verified, Func<string, string, bool> packageFile, List<GateResult> results)
    {
        var inspector = new ShippedContents(verified, packageFile, results);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (assembly)
            {
                inspector.Resources(stream, file, 1);
            }
            else
            {
                inspector.Zip(stream, file, 1);
            }
        }
        catch (LimitException limit)
        {
            results.Add(Unjudged(file, limit.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            results.Add(Unjudged(file, "it could not be read (" + e.GetType().Name + ")"));
        }
    }

    internal static GateResult Unjudged(string where, string why) =>
        new(where, ShippedOutputs.Code, "the gate could not look into this file in an output folder completely: " + why + ". What it cannot read is not vouched for " +
            "(an AI SDK or a key could ship inside); ship it unpacked, or within the limits docs/ci.md names.");

    /// <summary>One piece found inside (<paramref name="where"/> is "file!entry!…"), judged by what its bytes are.</summary>
    private void Piece(MemoryStream bytes, string where, string name, int depth)
    {
        int b0 = bytes.ReadByte(), b1 = bytes.ReadByte(), b2 = bytes.ReadByte(), b3 = bytes.ReadByte();
        bytes.Position = 0;
        bool pe = b0 == 'M' && b1 == 'Z';
        bool zip = b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4;
        bool resources = bytes.Length >= 4 && (uint)(b0 | b1 << 8 | b2 << 16 | b3 << 24) == ResourcesMagic;
        if ((pe || zip || resources) && depth > MaxDepth)
        {
            throw new LimitException("'" + where + "' is nested more than " + MaxDepth + " levels deep");
        }

        if (pe)
        {
            Assembly(bytes, where, name, depth);
        }
        else if (zip)
        {
            Zip(bytes, where, depth);
        }
        else if (resources)
        {
            ResourceEntries(bytes, where, depth);
        }
        else
        {
            Text(bytes, where);
        }
    }

    private void Assembly(MemoryStream bytes, string where, string name, int depth)
    {
        if (!ShippedOutputs.IsAssembly(bytes, out bool resourceOnly))
        {
            return; // a native image: not judged in bin/ either
        }

        bytes.Position = 0;
        string sha = LoadedFile.Hex(SHA256.HashData(bytes));
        bytes.Position = 0;
        bool own = _verified(sha);
        if (!own && !resourceOnly && !_packageFile(Path.GetFileName(name), sha))
        {
            _results.Add(new GateResult(where, ShippedOutputs.Code, "this assembly inside a file of an output folder is not one a verified Guardrails audit record describes (by SHA-256), " +
                "nor a file of a restored package: an assembly zipped or embedded as a resource ships and can be loaded from its bytes at run time, outside every check of the build."));
            return;
        }

        if (own || resourceOnly)
        {
            Resources(bytes, where, depth + 1);
        }
    }

    /// <summary>The manifest resources embedded in a managed image (a resource linked to another file is that file, judged in bin/).</summary>
    private void Resources(Stream stream, string where, int depth)
    {
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader == null)
            {
                return;
            }

            MetadataReader metadata = pe.GetMetadataReader();
            DirectoryEntry directory = pe.PEHeaders.CorHeader.ResourcesDirectory;
            if (directory.Size == 0 || metadata.ManifestResources.Count == 0)
            {
                return;
            }

            if (metadata.ManifestResources.Count > MaxEntries)
            {
                throw new LimitException("'" + where + "' embeds " + metadata.ManifestResources.Count + " resources, over the limit of " + MaxEntries);
            }

            PEMemoryBlock block = pe.GetSectionData(directory.RelativeVirtualAddress);
            int size = Math.Min(directory.Size, block.Length);
            foreach (ManifestResourceHandle handle in metadata.ManifestResources)
            {
                ManifestResource resource = metadata.GetManifestResource(handle);
                if (!resource.Implementation.IsNil)
                {
                    continue;
                }

                string name = metadata.GetString(resource.Name);
                string inner = where + "!" + name;
                if (resource.Offset < 0 || resource.Offset + 4 > size)
                {
                    throw new LimitException("the resource '" + inner + "' lies outside the image's resource data");
                }

                BlobReader reader = block.GetReader((int)resource.Offset, size - (int)resource.Offset);
                int length = reader.ReadInt32();
                if (length < 0 || length > reader.RemainingBytes)
                {
                    throw new LimitException("the resource '" + inner + "' lies outside the image's resource data");
                }

                Charge(length, inner);
                Piece(new MemoryStream(reader.ReadBytes(length), writable: false), inner, name, depth);
            }
        }
        catch (BadImageFormatException e)
        {
            throw new LimitException("'" + where + "' is a damaged image (" + e.Message + ")");
        }
    }

    private void Zip(Stream stream, string where, int depth)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new LimitException("'" + where + "' is a zip of " + zip.Entries.Count + " entries, over the limit of " + MaxEntries);
            }

            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.FullName.EndsWith("/", StringComparison.Ordinal) || entry.Length == 0)
                {
                    continue;
                }

                string inner = where + "!" + entry.FullName;
                if (entry.Length > ShippedAssemblies.MaxEntryBytes)
                {
                    throw new LimitException("the entry '" + inner + "' is " + entry.Length + " bytes, over the limit of " + ShippedAssemblies.MaxEntryBytes);
                }

                Charge(entry.Length, inner);
                var bytes = new MemoryStream((int)entry.Length);
                using (Stream entryStream = entry.Open())
                {
                    CopyBounded(entryStream, bytes, entry.Length, inner);
                }

                bytes.Position = 0;
                Piece(bytes, inner, entry.Name, depth + 1);
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new LimitException("'" + where + "' starts as a zip but could not be read as one (" + e.Message + ")");
        }
    }

    /// <summary>A compiled .resources blob (ResX): string values are read for keys, byte arrays and streams judged as pieces.</summary>
    private void ResourceEntries(MemoryStream bytes, string where, int depth)
    {
        try
        {
            using var reader = new System.Resources.ResourceReader(bytes);
            System.Collections.IDictionaryEnumerator entries = reader.GetEnumerator();
            int count = 0;
            while (entries.MoveNext())
            {
                if (++count > MaxEntries)
                {
                    throw new LimitException("'" + where + "' holds more than " + MaxEntries + " resources");
                }

                string key = (string)entries.Key;
                reader.GetResourceData(key, out string type, out byte[] data);
                string inner = where + "!" + key;
                if (type == "ResourceTypeCode.String")
                {
                    using var text = new BinaryReader(new MemoryStream(data), System.Text.Encoding.UTF8);
                    Text(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ReadString())), inner);
                }
                else if ((type == "ResourceTypeCode.ByteArray" || type == "ResourceTypeCode.Stream") && data.Length >= 4)
                {
                    int length = BitConverter.ToInt32(data, 0);
                    if (length < 0 || length > data.Length - 4)
                    {
                        throw new LimitException("the resource '" + inner + "' is damaged");
                    }

                    Piece(new MemoryStream(data, 4, length, writable: false), inner, key, depth + 1);
                }
                else if (!type.StartsWith("ResourceTypeCode.", StringComparison.Ordinal) && data.Length > 0)
                {
                    // Any other type (a serialized object, a ResXFileRef to a type the build serializes): its bytes are judged as a piece.
                    Piece(new MemoryStream(data, writable: false), inner, key, depth + 1);
                }
            }
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException or InvalidOperationException or EndOfStreamException or FormatException or NotSupportedException or IOException)
        {
            throw new LimitException("'" + where + "' starts as compiled resources but could not be read as such (" + e.GetType().Name + ")");
        }
    }

    private void Text(MemoryStream bytes, string where)
    {
        if (ShippedOutputs.KeyIn(bytes, where) is { } found)
        {
            _results.Add(new GateResult(where, ShippedOutputs.KeyCode, "this piece of a file in an output folder holds a key, " + found + ": it ships with the build inside " +
                "a zip or an assembly's resources, where no check in the build read it. Remove the key, rotate it, and read it from the environment or a secret store."));
        }
    }

    private void Charge(long bytes, string where)
    {
        _read += bytes;
        if (_read > MaxInflatedBytes)
        {
            throw new LimitException("more than " + MaxInflatedBytes + " bytes are packed inside it (reached at '" + where + "')");
        }
    }

    /// <summary>Copies at most <paramref name="declared"/> bytes: an entry that inflates to more than its header says is damaged.</summary>
    private static void CopyBounded(Stream from, Stream to, long declared, string where)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > declared)
            {
                throw new LimitException("the entry '" + where + "' inflates to more than its declared size");
            }

            to.Write(buffer, 0, n);
        }
    }

    private sealed class LimitException(string message) : Exception(message);
}
