using System;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// A Git LFS pointer file (<c>version https://git-lfs.github.com/spec/v1</c>, <c>oid sha256:…</c>, <c>size …</c>) left in
    /// the working tree where an assistant file should be (adversary round 6 #18), and the object it names in this clone's
    /// LFS store (<c>.git/lfs/objects/ab/cd/abcd…</c>, also a worktree's common directory), if fetched.
    /// </summary>
    internal static class LfsPointer
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

        /// <summary>The text of the object <paramref name="oid"/> in the LFS store of the repository holding <paramref name="file"/>, or null.</summary>
        public static string? TryReadObject(string file, string oid)
        {
            string? candidate = TryFindObject(file, oid, -1);
            return candidate == null ? null : SourceFile.TryReadText(candidate, RuleCatalog.UnreadableAssistantFile, "The assistant file", out Finding? _);
        }

        /// <summary>
        /// The path of the object <paramref name="oid"/> in the LFS store of the repository holding <paramref name="file"/>
        /// (<c>.git/lfs/objects/ab/cd/abcd…</c>, or the common directory's of a worktree), when its content is that object:
        /// its SHA-256 is <paramref name="oid"/> and its length <paramref name="size"/> (when not -1); else null.
        /// </summary>
        public static string? TryFindObject(string file, string oid, long size)
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(file));
            while (dir != null && !Directory.Exists(Path.Combine(dir, ".git")) && !File.Exists(Path.Combine(dir, ".git")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            string? gitDir = dir == null ? null : GitIndex.TryGitDirectory(dir);
            if (gitDir == null)
            {
                return null;
            }

            foreach (string? store in new[] { gitDir, CommonDirectory(gitDir) })
            {
                string candidate = Path.Combine(store ?? gitDir, "lfs", "objects", oid.Substring(0, 2), oid.Substring(2, 2), oid);
                if (store != null && File.Exists(candidate) && IsObject(candidate, oid, size))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>The file's content has SHA-256 <paramref name="oid"/> and (unless -1) <paramref name="size"/> bytes: a store entry that is not the object is not read as it.</summary>
        private static bool IsObject(string path, string oid, long size)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var sha = System.Security.Cryptography.SHA256.Create())
                {
                    if ((size >= 0 && stream.Length != size) || stream.Length > Guardrails.Core.Files.TextFileSecrets.StreamMaxBytes)
                    {
                        return false;
                    }

                    byte[] hash = sha.ComputeHash(stream);
                    var hex = new System.Text.StringBuilder(64);
                    foreach (byte b in hash)
                    {
                        hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    return hex.ToString() == oid;
                }
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return false;
            }
        }

        /// <summary>A worktree's shared git directory (its <c>commondir</c> file), or null.</summary>
        private static string? CommonDirectory(string gitDir)
        {
            try
            {
                string path = Path.Combine(gitDir, "commondir");
                if (!File.Exists(path))
                {
                    return null;
                }

                string target = File.ReadAllText(path).Trim();
                return Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(gitDir, target));
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }
    }
}
