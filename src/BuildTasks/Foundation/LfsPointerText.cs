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
        /// <summary>
        /// The version lines git-lfs accepts (its pointer decoder's aliases: the current spec URL and the alpha and pre-release
        /// ones, adversary round 12 route 2); git-lfs trims the whole pointer of white space first.
        /// </summary>
        private static readonly string[] Versions = { "version https://git-lfs.github.com/spec/", "version https://hawser.github.com/spec/", "version http://git-media.io/v/" };

        private const int ShortestVersion = 30; // "version http://git-media.io/v/"

        /// <summary>The largest pointer file: the LFS specification keeps pointers under 1024 bytes.</summary>
        public const int MaxLength = 1024;

        /// <summary>True when the first <paramref name="read"/> bytes of a file (its whole content) may be an LFS pointer: short, and starting with its version line.</summary>
        public static bool MayBePointer(byte[] head, int read)
        {
            if (read > MaxLength || read < ShortestVersion)
            {
                return false;
            }

            int start = 0;
            while (start < read && (head[start] == (byte)' ' || head[start] == (byte)'\t' || head[start] == (byte)'\r' || head[start] == (byte)'\n'))
            {
                start++;
            }

            foreach (string version in Versions)
            {
                if (read - start < version.Length)
                {
                    continue;
                }

                int i = 0;
                while (i < version.Length && head[start + i] == (byte)version[i])
                {
                    i++;
                }

                if (i == version.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="text"/> is an LFS pointer; <paramref name="oid"/> is its SHA-256 (64 hex digits).</summary>
        public static bool TryParse(string text, out string? oid) => TryParse(text, out oid, out _);

        /// <summary>As <see cref="TryParse(string, out string)"/>; <paramref name="size"/> is the object's size in bytes from the pointer's <c>size</c> line, or -1.</summary>
        public static bool TryParse(string text, out string? oid, out long size)
        {
            oid = null;
            size = -1;
            string trimmed = text.TrimStart(' ', '\t', '\r', '\n');
            if (text.Length > MaxLength || !Array.Exists(Versions, v => trimmed.StartsWith(v, StringComparison.Ordinal)))
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
