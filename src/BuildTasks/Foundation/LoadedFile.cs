using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// A file's bytes, read once by <see cref="SourceFile.TryLoad(string, long, out LoadFailure, out string)"/>; its SHA-256
    /// and its text are computed from exactly these bytes, so a pin always speaks about what was parsed.
    /// </summary>
    public sealed class LoadedFile
    {
        private string? _sha256;

        internal LoadedFile(string path, byte[] bytes)
        {
            Path = path;
            Bytes = bytes;
        }

        /// <summary>Bytes the caller already holds (e.g. a document it generated), named by <paramref name="path"/>.</summary>
        public static LoadedFile FromBytes(string path, byte[] bytes) => new LoadedFile(path, bytes);

        public string Path { get; }

        /// <summary>The bytes as read; never modified.</summary>
        public byte[] Bytes { get; }

        /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/> (computed on first use).</summary>
        public string Sha256 => _sha256 ??= Sha256Hex(Bytes);

        /// <summary>Lower-case hex SHA-256, as `sha256sum`, Get-FileHash and MSBuild's GetFileHash print it (case aside).</summary>
        public static string Sha256Hex(byte[] bytes)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return Hex(sha.ComputeHash(bytes));
            }
        }

        public static string Hex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }
    }
}
