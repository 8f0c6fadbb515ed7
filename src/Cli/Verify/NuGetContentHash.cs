using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Guardrails.Cli.Verify;

/// <summary>
/// The hash restore records for a package as its <c>contentHash</c> (<c>.nupkg.metadata</c>) and as the library's
/// <c>sha512</c> in project.assets.json. For an unsigned package it is the SHA-512 of the .nupkg; for a signed one (every
/// package from nuget.org carries at least nuget.org's repository signature, the zip entry <c>.signature.p7s</c>) it is the
/// SHA-512 of the package as it was before it was signed: the same zip without the signature's file entry and its central
/// directory record, with the offsets and counts of the end record (and of the records after the signature) as they were.
/// <c>&lt;id&gt;.&lt;version&gt;.nupkg.sha512</c> holds the SHA-512 of the whole file. A real Blazor WebAssembly build
/// (realcode9) failed the gate on every package assembly because the gate compared the two as if they were one.
/// </summary>
internal static class NuGetContentHash
{
    private const string SignatureEntry = ".signature.p7s";
    private const uint CentralRecord = 0x02014b50;
    private const uint EndRecord = 0x06054b50;

    /// <summary>
    /// The content hash (base64) of the package in <paramref name="stream"/>, given the SHA-512 of the whole file
    /// (<paramref name="wholeFile"/>, base64), or null when the zip's structure cannot be read (then nothing vouches for it).
    /// </summary>
    public static string? Of(Stream stream, string wholeFile)
    {
        long length = stream.Length;
        int tail = (int)Math.Min(length, 22 + 65535);
        byte[] end = ReadAt(stream, length - tail, tail);
        int eocd = -1;
        for (int i = end.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(i)) == EndRecord)
            {
                eocd = i;
                break;
            }
        }

        if (eocd < 0)
        {
            return null;
        }

        long eocdAt = length - tail + eocd;
        ushort onDisk = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(eocd + 8));
        ushort total = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(eocd + 10));
        uint directorySize = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(eocd + 12));
        uint directoryAt = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(eocd + 16));
        if (directoryAt + (long)directorySize > eocdAt || onDisk == 0 || total == 0)
        {
            return null;
        }

        byte[] directory = ReadAt(stream, directoryAt, (int)directorySize);
        var records = new List<Record>(total);
        int p = 0;
        for (int i = 0; i < total; i++)
        {
            if (p + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(p)) != CentralRecord)
            {
                return null;
            }

            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(p + 28));
            int size = 46 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(p + 30)) + BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(p + 32));
            if (p + size > directory.Length)
            {
                return null;
            }

            string name = Encoding.UTF8.GetString(directory, p + 46, nameLength);
            records.Add(new Record(p, size, BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(p + 42)), name));
            p += size;
        }

        Record? signature = records.Find(r => r.Name == SignatureEntry);
        if (signature == null)
        {
            return wholeFile;
        }

        // A file entry runs from its local header to the next entry's (or to the central directory): data descriptors included.
        List<Record> byOffset = records.OrderBy(r => r.LocalAt).ToList();
        for (int i = 0; i < byOffset.Count; i++)
        {
            long next = i + 1 < byOffset.Count ? byOffset[i + 1].LocalAt : directoryAt;
            if (next < byOffset[i].LocalAt)
            {
                return null;
            }

            byOffset[i].EntrySize = next - byOffset[i].LocalAt;
        }

        List<Record> kept = byOffset.Where(r => !ReferenceEquals(r, signature)).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        HashRange(stream, hash, 0, kept[0].LocalAt);
        foreach (Record r in kept)
        {
            HashRange(stream, hash, r.LocalAt, r.EntrySize);
        }

        Span<byte> four = stackalloc byte[4];
        foreach (Record r in kept.OrderBy(r => r.DirectoryAt))
        {
            hash.AppendData(directory, r.DirectoryAt, 42);
            BinaryPrimitives.WriteUInt32LittleEndian(four, (uint)(r.LocalAt > signature.LocalAt ? r.LocalAt - signature.EntrySize : r.LocalAt));
            hash.AppendData(four);
            hash.AppendData(directory, r.DirectoryAt + 46, r.DirectorySize - 46);
        }

        hash.AppendData(end, eocd, 8);
        Span<byte> counts = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(counts, (ushort)(onDisk - 1));
        BinaryPrimitives.WriteUInt16LittleEndian(counts.Slice(2), (ushort)(total - 1));
        BinaryPrimitives.WriteUInt32LittleEndian(counts.Slice(4), (uint)(directorySize - signature.DirectorySize));
        BinaryPrimitives.WriteUInt32LittleEndian(counts.Slice(8), (uint)(directoryAt - signature.EntrySize));
        hash.AppendData(counts);
        hash.AppendData(end, eocd + 20, end.Length - eocd - 20);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    private static byte[] ReadAt(Stream stream, long at, int count)
    {
        var buffer = new byte[count];
        stream.Position = at;
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static void HashRange(Stream stream, IncrementalHash hash, long at, long count)
    {
        var buffer = new byte[81920];
        stream.Position = at;
        while (count > 0)
        {
            int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read <= 0)
            {
                throw new EndOfStreamException();
            }

            hash.AppendData(buffer, 0, read);
            count -= read;
        }
    }

    private sealed class Record
    {
        public Record(int directoryAt, int directorySize, long localAt, string name)
        {
            DirectoryAt = directoryAt;
            DirectorySize = directorySize;
            LocalAt = localAt;
            Name = name;
        }

        public int DirectoryAt { get; }

        public int DirectorySize { get; }

        public long LocalAt { get; }

        public string Name { get; }

        public long EntrySize { get; set; }
    }
}
