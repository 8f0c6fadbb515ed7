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

        /// <summary>True when <paramref name="text"/> is an LFS pointer; <paramref name="oid"/> is its SHA-256 (64 hex digits).</summary>
        public static bool TryParse(string text, out string? oid)
        {
            oid = null;
            if (text.Length > 1024 || !text.StartsWith(Version, StringComparison.Ordinal))
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
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The text of the object <paramref name="oid"/> in the LFS store of the repository holding <paramref name="file"/>, or null.</summary>
        public static string? TryReadObject(string file, string oid)
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
                if (store != null && File.Exists(candidate))
                {
                    return SourceFile.TryReadText(candidate, RuleCatalog.UnreadableAssistantFile, "The assistant file", out Finding? _);
                }
            }

            return null;
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
