using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Self-identifying keys inside bytes that are not text (adversary round 4 #5): a file with a binary extension or one
    /// NUL byte that holds <c>OPENAI_API_KEY=sk-proj-…</c> in clear still ships the key, and a program reads it as text.
    /// The bytes are read as <c>strings(1)</c> does: runs of printable ASCII, and runs of UTF-16 and UTF-32 Latin characters
    /// (either byte order, every alignment: .NET string heaps, Windows tools, a UTF-32 text behind a few NUL bytes), every
    /// other unit a separator; each run is scanned with
    /// <see cref="SecretScanner"/> (only keys whose format names the provider: no line, no name, no context in binary).
    /// Streaming in chunks of <see cref="ChunkBytes"/> with an overlap of <see cref="OverlapBytes"/>, so memory stays
    /// bounded and a key cut by a chunk edge is read whole; a key is reported once, at its byte offset.
    /// </summary>
    public static class BinaryText
    {
        /// <summary>Bytes read per chunk.</summary>
        public const int ChunkBytes = 1024 * 1024;

        /// <summary>Bytes two chunks share (longer than any key, in UTF-16 too).</summary>
        public const int OverlapBytes = 8 * 1024;

        /// <summary>
        /// Scans <paramref name="stream"/> from its position to its end (at most <paramref name="maxBytes"/>), reporting
        /// each self-identifying key with the byte offset where it starts. Returns false when the stream holds more than
        /// <paramref name="maxBytes"/> bytes (what was read was scanned).
        /// </summary>
        public static bool Scan(Stream stream, long maxBytes, Action<SecretMatch, long> found)
        {
            var buffer = new byte[ChunkBytes + OverlapBytes];
            var chars = new char[buffer.Length];
            var matches = new List<SecretMatch>();
            var reported = new HashSet<long>();
            long chunkStart = 0; // the offset of buffer[0]
            long total = 0;
            int carried = 0;
            while (true)
            {
                int filled = carried;
                bool end = false;
                while (filled < buffer.Length)
                {
                    int n = stream.Read(buffer, filled, buffer.Length - filled);
                    if (n == 0)
                    {
                        end = true;
                        break;
                    }

                    filled += n;
                    total += n;
                }

                if (total > maxBytes)
                {
                    int over = (int)Math.Min(filled, total - maxBytes);
                    filled -= over;
                    end = true;
                }

                if (filled > carried || chunkStart == 0)
                {
                    ScanRuns(buffer, filled, chars, 1, 0, chunkStart, matches, reported, found);
                    foreach (int width in Widths)
                    {
                        for (int phase = 0; phase < width; phase++)
                        {
                            // Little-endian at every alignment also reads big-endian text (its units are the same bytes shifted by one).
                            ScanRuns(buffer, filled, chars, width, phase, chunkStart, matches, reported, found);
                        }
                    }
                }

                if (end)
                {
                    return total <= maxBytes;
                }

                carried = Math.Min(OverlapBytes, filled);
                Buffer.BlockCopy(buffer, filled - carried, buffer, 0, carried);
                chunkStart += filled - carried;
            }
        }

        /// <summary>Wide encodings read besides ASCII: UTF-16 and UTF-32 (adversary round 5 #4: UTF-32 behind four NUL bytes), each byte order.</summary>
        private static readonly int[] Widths = { 2, 4 };

        /// <summary>A wide run shorter than this cannot hold a self-identifying key: the pass is not scanned (it costs one loop over the bytes).</summary>
        private const int MinWideRun = 20;

        /// <summary>
        /// The printable characters of <paramref name="bytes"/> read with <paramref name="width"/> bytes per character
        /// (1: ASCII; 2: UTF-16LE; 4: UTF-32LE, starting at <paramref name="phase"/>), every other unit a line break, scanned for keys.
        /// </summary>
        private static void ScanRuns(byte[] bytes, int count, char[] chars, int width, int phase, long chunkStart, List<SecretMatch> matches, HashSet<long> reported, Action<SecretMatch, long> found)
        {
            int length = 0;
            int run = 0, longest = 0;
            for (int i = phase; i + width <= count; i += width)
            {
                byte b = bytes[i];
                bool printable = (b >= 0x20 && b < 0x7F) || b == (byte)'\t';
                for (int k = 1; printable && k < width; k++)
                {
                    printable = bytes[i + k] == 0;
                }

                chars[length++] = printable ? (char)b : '\n';
                run = printable ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            if (longest == 0 || (width > 1 && longest < MinWideRun))
            {
                return;
            }

            string text = new string(chars, 0, length);
            matches.Clear();
            SecretScanner.Scan(text, matches);
            Guardrails.Core.Files.SourceEscapes.ScanPercentDecoded(text, matches); // a URL's sk%2Dproj-… (adversary round 13 route 1)
            foreach (SecretMatch match in matches)
            {
                if (match.Format.IsGeneric)
                {
                    continue;
                }

                long offset = chunkStart + phase + (long)match.Start * width;
                if (reported.Add(offset))
                {
                    found(match, offset);
                }
            }
        }
    }
}
