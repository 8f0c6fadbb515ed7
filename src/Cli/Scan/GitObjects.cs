using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Guardrails.Cli.Scan;

/// <summary>
/// The objects of a git repository, read from <c>.git/objects</c> without running git (the repository's own config can make
/// git run programs): loose objects ("TYPE SIZE\0content", zlib-deflated) and objects in pack files (index version 2,
/// offset and reference deltas applied). One reader for <c>--staged</c> (the index's blobs) and <c>--since</c> (the blobs of
/// a branch's commits). SHA-1 repositories only; an object it cannot find or read is null, never an exception.
/// </summary>
internal sealed class GitObjects
{
    /// <summary>A delta chain longer than this, or an object larger than <see cref="MaxObjectBytes"/>, is not read.</summary>
    private const int MaxDeltaDepth = 64;

    public const long MaxObjectBytes = 256L * 1024 * 1024;

    /// <summary>Bytes of inflated pack objects kept for reuse (<see cref="AtOffset"/>), oldest dropped first.</summary>
    private const long CacheBytes = 32L * 1024 * 1024;

    private readonly string _objects;
    private List<(string Idx, string Pack)>? _packs;

    /// <summary>
    /// Objects already read from a pack, by pack and offset: the bases of delta chains (git chains up to 50 versions of a
    /// tree or file), so reading a branch's trees inflates each base once instead of once per version built on it. The
    /// arrays are shared: no caller writes to an object's data.
    /// </summary>
    private readonly Dictionary<(string Pack, long Offset), (string Type, byte[] Data)> _cache = new();
    private readonly Queue<(string Pack, long Offset)> _cacheOrder = new();
    private long _cached;

    private GitObjects(string gitDir, string objects)
    {
        GitDir = gitDir;
        _objects = objects;
    }

    /// <summary>The repository's git folder (a worktree's own one for HEAD; refs and objects are in <see cref="CommonDir"/>).</summary>
    public string GitDir { get; }

    /// <summary>The folder holding objects/, refs/ and packed-refs (the git folder, or a worktree's common folder).</summary>
    public string CommonDir => Path.GetDirectoryName(_objects)!;

    public static GitObjects Of(string gitDir)
    {
        string common = gitDir;
        try
        {
            string commondir = Path.Combine(gitDir, "commondir");
            if (File.Exists(commondir))
            {
                common = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commondir).Trim()));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        return new GitObjects(gitDir, Path.Combine(common, "objects"));
    }

    /// <summary>The object's type ("blob", "tree", "commit", "tag") and content; null when absent or unreadable.</summary>
    public (string Type, byte[] Data)? Read(string sha)
    {
        if (!IsSha(sha))
        {
            return null;
        }

        sha = sha.ToLowerInvariant();
        return Loose(sha) ?? Packed(sha, 0);
    }

    public byte[]? Blob(string sha) => Read(sha) is { Type: "blob" } o ? o.Data : null;

    /// <summary>Whether the clone holds the object (loose, or named by a pack's index), readable or not: an object
    /// <see cref="Read"/> returns null for and this says is absent is missing from the clone, not damaged or too large.</summary>
    public bool Has(string sha)
    {
        if (!IsSha(sha))
        {
            return false;
        }

        sha = sha.ToLowerInvariant();
        if (File.Exists(Path.Combine(_objects, sha[..2], sha[2..])))
        {
            return true;
        }

        byte[] key = Convert.FromHexString(sha);
        return Packs().Any(p => Offset(p.Idx, key) != null);
    }

    /// <summary>
    /// A partial clone (<c>git clone --filter=…</c>): its packs from the promisor remote are marked by a <c>.promisor</c> file,
    /// and its config names the remote (<c>remote.&lt;name&gt;.promisor</c>, <c>extensions.partialClone</c>). Objects the
    /// filter left out are absent here; git would fetch them from the remote on demand, this reader does not.
    /// </summary>
    public bool IsPartialClone
    {
        get
        {
            try
            {
                string pack = Path.Combine(_objects, "pack");
                if (Directory.Exists(pack) && Directory.EnumerateFiles(pack, "*.promisor").Any())
                {
                    return true;
                }

                string config = Path.Combine(CommonDir, "config");
                return File.Exists(config) && File.ReadLines(config).Any(l =>
                    l.Contains("promisor", StringComparison.OrdinalIgnoreCase) || l.Contains("partialclone", StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    public static bool IsSha(string text) => text.Length == 40 && text.All(Uri.IsHexDigit);

    private (string, byte[])? Loose(string sha)
    {
        string file = Path.Combine(_objects, sha[..2], sha[2..]);
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            using var zlib = new ZLibStream(File.OpenRead(file), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            CopyLimited(zlib, buffer);
            byte[] data = buffer.ToArray();
            int nul = Array.IndexOf(data, (byte)0);
            if (nul < 5)
            {
                return null;
            }

            string header = Encoding.ASCII.GetString(data, 0, nul);
            int space = header.IndexOf(' ');
            return space <= 0 ? null : (header[..space], data[(nul + 1)..]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private (string, byte[])? Packed(string sha, int depth)
    {
        byte[] key = Convert.FromHexString(sha);
        foreach ((string idx, string pack) in Packs())
        {
            if (Offset(idx, key) is long offset)
            {
                return AtOffset(pack, offset, depth);
            }
        }

        return null;
    }

    private List<(string Idx, string Pack)> Packs()
    {
        if (_packs != null)
        {
            return _packs;
        }

        _packs = new List<(string, string)>();
        try
        {
            string folder = Path.Combine(_objects, "pack");
            if (Directory.Exists(folder))
            {
                foreach (string idx in Directory.GetFiles(folder, "pack-*.idx").OrderBy(f => f, StringComparer.Ordinal))
                {
                    string pack = Path.ChangeExtension(idx, ".pack");
                    if (File.Exists(pack))
                    {
                        _packs.Add((idx, pack));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return _packs;
    }

    /// <summary>The object's offset in the pack by its index (version 2: magic, version, fan-out, names, CRCs, offsets).</summary>
    private static long? Offset(string idx, byte[] key)
    {
        try
        {
            using FileStream f = File.OpenRead(idx);
            byte[] head = new byte[8 + (256 * 4)];
            if (f.Read(head, 0, head.Length) != head.Length || head[0] != 0xff || head[1] != (byte)'t' || head[2] != (byte)'O' || head[3] != (byte)'c' ||
                BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4)) != 2)
            {
                return null;
            }

            uint Fan(int i) => i < 0 ? 0 : BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(8 + (i * 4)));
            uint total = Fan(255);
            long lo = Fan(key[0] - 1), hi = (long)Fan(key[0]) - 1;
            byte[] name = new byte[20];
            while (lo <= hi)
            {
                long mid = (lo + hi) / 2;
                f.Position = head.Length + (mid * 20);
                if (f.Read(name, 0, 20) != 20)
                {
                    return null;
                }

                int cmp = name.AsSpan().SequenceCompareTo(key);
                if (cmp == 0)
                {
                    byte[] word = new byte[8];
                    f.Position = head.Length + (total * 20L) + (total * 4L) + (mid * 4);
                    if (f.Read(word, 0, 4) != 4)
                    {
                        return null;
                    }

                    uint small = BinaryPrimitives.ReadUInt32BigEndian(word);
                    if ((small & 0x80000000) == 0)
                    {
                        return small;
                    }

                    f.Position = head.Length + (total * 20L) + (total * 8L) + ((small & 0x7fffffff) * 8L);
                    return f.Read(word, 0, 8) == 8 ? (long)BinaryPrimitives.ReadUInt64BigEndian(word) : null;
                }

                if (cmp < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    private (string, byte[])? AtOffset(string pack, long offset, int depth)
    {
        if (depth > MaxDeltaDepth)
        {
            return null;
        }

        if (_cache.TryGetValue((pack, offset), out (string Type, byte[] Data) hit))
        {
            return hit;
        }

        (string Type, byte[] Data)? read = Inflate(pack, offset, depth);
        if (read is { } o && o.Data.Length <= CacheBytes / 8)
        {
            _cache[(pack, offset)] = o;
            _cacheOrder.Enqueue((pack, offset));
            _cached += o.Data.Length;
            while (_cached > CacheBytes && _cacheOrder.TryDequeue(out (string, long) oldest))
            {
                if (_cache.Remove(oldest, out (string, byte[] Data) dropped))
                {
                    _cached -= dropped.Data.Length;
                }
            }
        }

        return read;
    }

    private (string, byte[])? Inflate(string pack, long offset, int depth)
    {
        try
        {
            int type;
            long size;
            long baseOffset = -1;
            byte[]? baseSha = null;
            byte[] data;
            using (FileStream f = File.OpenRead(pack))
            {
                f.Position = offset;
                int c = f.ReadByte();
                if (c < 0)
                {
                    return null;
                }

                type = (c >> 4) & 7;
                size = c & 15;
                int shift = 4;
                while ((c & 0x80) != 0 && shift < 60)
                {
                    c = f.ReadByte();
                    if (c < 0)
                    {
                        return null;
                    }

                    size |= (long)(c & 0x7f) << shift;
                    shift += 7;
                }

                if (type == 6)
                {
                    c = f.ReadByte();
                    long back = c & 0x7f;
                    while ((c & 0x80) != 0 && back < (1L << 55))
                    {
                        c = f.ReadByte();
                        if (c < 0)
                        {
                            return null;
                        }

                        back = ((back + 1) << 7) | (long)(c & 0x7f);
                    }

                    baseOffset = offset - back;
                }
                else if (type == 7)
                {
                    baseSha = new byte[20];
                    if (f.Read(baseSha, 0, 20) != 20)
                    {
                        return null;
                    }
                }

                if (size > MaxObjectBytes)
                {
                    return null;
                }

                using var zlib = new ZLibStream(f, CompressionMode.Decompress, leaveOpen: true);
                using var buffer = new MemoryStream((int)Math.Min(size, 1 << 20)); // the size the pack states: no regrowth
                CopyLimited(zlib, buffer);
                data = buffer.ToArray();
            }

            switch (type)
            {
                case 1: return ("commit", data);
                case 2: return ("tree", data);
                case 3: return ("blob", data);
                case 4: return ("tag", data);
                case 6 when baseOffset >= 0 && baseOffset < offset:
                    return AtOffset(pack, baseOffset, depth + 1) is { } b ? Patch(b, data) : null;
                case 7 when baseSha != null:
                    string name = Convert.ToHexString(baseSha).ToLowerInvariant();
                    return (Loose(name) ?? Packed(name, depth + 1)) is { } r ? Patch(r, data) : null;
                default: return null;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A git delta applied to its base: source size, target size, then copy (from the base) and insert instructions.</summary>
    private static (string, byte[])? Patch((string Type, byte[] Data) source, byte[] delta)
    {
        int at = 0;
        long Size()
        {
            long value = 0;
            int shift = 0;
            while (at < delta.Length)
            {
                byte b = delta[at++];
                value |= (long)(b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0 || shift > 56)
                {
                    break;
                }
            }

            return value;
        }

        byte[] src = source.Data;
        if (Size() != src.Length)
        {
            return null;
        }

        long targetSize = Size();
        if (targetSize > MaxObjectBytes)
        {
            return null;
        }

        var target = new MemoryStream((int)targetSize);
        while (at < delta.Length)
        {
            byte op = delta[at++];
            if ((op & 0x80) != 0)
            {
                long copyOffset = 0, copySize = 0;
                for (int i = 0; i < 4; i++)
                {
                    if ((op & (1 << i)) != 0 && at < delta.Length)
                    {
                        copyOffset |= (long)delta[at++] << (8 * i);
                    }
                }

                for (int i = 0; i < 3; i++)
                {
                    if ((op & (0x10 << i)) != 0 && at < delta.Length)
                    {
                        copySize |= (long)delta[at++] << (8 * i);
                    }
                }

                if (copySize == 0)
                {
                    copySize = 0x10000;
                }

                if (copyOffset + copySize > src.Length)
                {
                    return null;
                }

                target.Write(src, (int)copyOffset, (int)copySize);
            }
            else if (op != 0)
            {
                if (at + op > delta.Length)
                {
                    return null;
                }

                target.Write(delta, at, op);
                at += op;
            }
            else
            {
                return null;
            }
        }

        return target.Length == targetSize ? (source.Type, target.ToArray()) : null;
    }

    /// <summary>Inflates into <paramref name="to"/> through a pooled buffer: a branch's history reads thousands of small
    /// objects (trees and their delta bases), and a new 80 KB buffer for each was most of what <c>--since</c> allocated.</summary>
    private static void CopyLimited(Stream from, MemoryStream to)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
            {
                to.Write(buffer, 0, read);
                if (to.Length > MaxObjectBytes)
                {
                    throw new InvalidDataException("object too large");
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
