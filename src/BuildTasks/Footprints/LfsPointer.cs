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
        /// <summary>The largest pointer file (<see cref="LfsPointerText.MaxLength"/>).</summary>
        public const int MaxLength = LfsPointerText.MaxLength;

        /// <inheritdoc cref="LfsPointerText.TryParse(string, out string)"/>
        public static bool TryParse(string text, out string? oid) => LfsPointerText.TryParse(text, out oid, out _);

        /// <inheritdoc cref="LfsPointerText.TryParse(string, out string, out long)"/>
        public static bool TryParse(string text, out string? oid, out long size) => LfsPointerText.TryParse(text, out oid, out size);

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
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
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
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }
    }
}
