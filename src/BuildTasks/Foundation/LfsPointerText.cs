using System;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// The text of a Git LFS pointer file (<c>version https://git-lfs.github.com/spec/v1</c>, <c>oid sha256:…</c>,
    /// <c>size …</c>): what a checkout without LFS content holds where the repository commits a file through LFS. The
    /// build's file selection recognises one by its first bytes; the readers of assistant files and of key-scan files read
    /// the object it names (Guardrails.BuildTasks.Footprints.LfsPointer).
    /// </summary>
    internal static class LfsPointerText
    {
        private const string Version = "version https://git-lfs.github.com/spec/";

        /// <summary>The largest pointer file: the LFS specification keeps pointers under 1024 bytes.</summary>
        public const int MaxLength = 1024;

        /// <summary>True when the first <paramref name="read"/> bytes of a file (its whole content) may be an LFS pointer: short, and starting with its version line.</summary>
        public static bool MayBePointer(byte[] head, int read)
        {
            if (read > MaxLength || read < Version.Length)
            {
                return false;
            }

            for (int i = 0; i < Version.Length; i++)
            {
                if (head[i] != (byte)Version[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when <paramref name="text"/> is an LFS pointer; <paramref name="oid"/> is its SHA-256 (64 hex digits).</summary>
        public static bool TryParse(string text, out string? oid) => TryParse(text, out oid, out _);

        /// <summary>As <see cref="TryParse(string, out string)"/>; <paramref name="size"/> is the object's size in bytes from the pointer's <c>size</c> line, or -1.</summary>
        public static bool TryParse(string text, out string? oid, out long size)
        {
            oid = null;
            size = -1;
            if (text.Length > MaxLength || !text.StartsWith(Version, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("oid sha256:", StringComparison.Ordinal))
                {
                    string hex = line.Substring("oid sha256:".Length).Trim().ToLowerInvariant();
                    if (hex.Length == 64 && Array.TrueForAll(hex.ToCharArray(), c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                    {
                        oid = hex;
                    }
                }
                else if (line.StartsWith("size ", StringComparison.Ordinal) &&
                         long.TryParse(line.Substring(5).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n))
                {
                    size = n;
                }
            }

            return oid != null;
        }
    }
}
