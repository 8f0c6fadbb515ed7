using System.Text;
using Guardrails.Core.Files;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Text the compiler cannot decode although it is text: UTF-32 (with or without its byte-order mark; Roslyn knows only
    /// the UTF-8 and UTF-16 marks and reads UTF-32 as UTF-16 full of NULs) and UTF-16 without a byte-order mark (Windows
    /// tools write it; its NUL bytes read as binary). Such a file holding a key would otherwise ship unscanned (adversary
    /// round 3, #14). The one place that decides it: the build's scan selection keeps these files back from the compiler
    /// for the check to scan (<see cref="SkippedList.Encoding"/>), and <c>guardrails scan</c> decodes them the same way.
    /// </summary>
    public static class TextEncodings
    {
        /// <summary>How much of a file <see cref="NotForCompiler"/> looks at.</summary>
        public const int HeadBytes = 8192;

        /// <summary>
        /// The encoding of an open file when it is one <see cref="NotForCompiler"/> names, from its first <see cref="HeadBytes"/>
        /// bytes, leaving the stream at its start; <paramref name="hasNul"/> tells whether that head holds a NUL byte.
        /// </summary>
        public static Encoding? Sniff(System.IO.Stream stream, out bool hasNul)
        {
            var head = new byte[HeadBytes];
            int read = 0;
            int n;
            while (read < head.Length && (n = stream.Read(head, read, head.Length - read)) > 0)
            {
                read += n;
            }

            stream.Position = 0;
            hasNul = System.Array.IndexOf(head, (byte)0, 0, read) >= 0;
            return NotForCompiler(head, read);
        }

        /// <summary>
        /// The encoding of <paramref name="head"/> (the first <paramref name="count"/> bytes of a file) when it is UTF-32
        /// (marked or not) or unmarked UTF-16, else null (UTF-8, marked UTF-16, binary). Unmarked text is recognised by
        /// its shape: at least 8 characters, no NUL character, and most characters in the Latin range (one zero byte per
        /// UTF-16 unit, three per UTF-32 unit) — what configuration and key text is; binary data does not have that shape.
        /// </summary>
        public static Encoding? NotForCompiler(byte[] head, int count)
        {
            if (count >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)
            {
                return new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: false);
            }

            if (count >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)
            {
                return new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: false);
            }

            if (count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
            {
                return null; // marked UTF-16: the compiler decodes it
            }

            if (Looks32(head, count, bigEndian: false))
            {
                return new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false);
            }

            if (Looks32(head, count, bigEndian: true))
            {
                return new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: false);
            }

            if (Looks16(head, count, bigEndian: false))
            {
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
            }

            if (Looks16(head, count, bigEndian: true))
            {
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
            }

            return null;
        }

        private static bool Looks16(byte[] head, int count, bool bigEndian)
        {
            int units = count / 2;
            if (units < 8)
            {
                return false;
            }

            int latin = 0;
            for (int i = 0; i < units; i++)
            {
                byte low = head[2 * i + (bigEndian ? 1 : 0)];
                byte high = head[2 * i + (bigEndian ? 0 : 1)];
                if (low == 0 && high == 0)
                {
                    return false; // a NUL character: not text
                }

                if (high == 0)
                {
                    latin++;
                }
            }

            return latin * 10 >= units * 9;
        }

        private static bool Looks32(byte[] head, int count, bool bigEndian)
        {
            int units = count / 4;
            if (units < 8)
            {
                return false;
            }

            int latin = 0;
            for (int i = 0; i < units; i++)
            {
                int b = 4 * i;
                int value = bigEndian
                    ? (head[b] << 24) | (head[b + 1] << 16) | (head[b + 2] << 8) | head[b + 3]
                    : (head[b + 3] << 24) | (head[b + 2] << 16) | (head[b + 1] << 8) | head[b];
                if (value == 0 || value < 0 || value > 0x10FFFF)
                {
                    return false;
                }

                if (value < 0x100)
                {
                    latin++;
                }
            }

            return latin * 10 >= units * 9;
        }
    }
}
