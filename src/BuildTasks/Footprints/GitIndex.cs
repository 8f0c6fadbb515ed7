using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Which paths git tracks, read straight from the repository's index file (.git/index, versions 2 to 4), so
    /// "personal file committed" means committed, not merely present in a developer's working copy (Claude Code and
    /// aider keep their personal files git-ignored). Follows a ".git" file ("gitdir: …") of worktrees and submodules.
    /// Returns null when there is no readable index; callers then treat presence as committed (the safe side: a CI
    /// checkout holds only committed files).
    /// </summary>
    public static class GitIndex
    {
        private const long MaxIndexBytes = 256L * 1024 * 1024;

        /// <summary>A ".git" file (worktree, submodule) holds one "gitdir: path" line.</summary>
        private const long MaxGitFileBytes = 64 * 1024;

        /// <summary>Tracked paths relative to the repository root, '/' separated; null when the index cannot be read.</summary>
        public static HashSet<string>? TryReadTrackedPaths(string repositoryRoot)
        {
            Dictionary<string, string>? entries = TryReadEntries(repositoryRoot);
            return entries == null ? null : new HashSet<string>(entries.Keys, StringComparer.Ordinal);
        }

        /// <summary>The git directory of a repository (following a ".git" file), or null.</summary>
        public static string? TryGitDirectory(string repositoryRoot)
        {
            try
            {
                return GitDirectory(repositoryRoot);
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        private static Cached? _last;

        private sealed class Cached
        {
            public Cached((string, long, DateTime) key, Dictionary<string, string> entries)
            {
                Key = key;
                Entries = entries;
            }

            public (string, long, DateTime) Key { get; }

            public Dictionary<string, string> Entries { get; }
        }

        /// <summary>Tracked paths (relative, '/' separated) with the SHA-1 (hex) of the staged content; null when the index cannot be read.</summary>
        public static Dictionary<string, string>? TryReadEntries(string repositoryRoot)
        {
            try
            {
                string? gitDir = GitDirectory(repositoryRoot);
                if (gitDir == null)
                {
                    return null;
                }

                string path = Path.Combine(gitDir, "index");
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return null;
                }

                // One check reads the index for committed footprints, personal files and build output: parse it once per
                // version of the file (path, length, time), not once per question. Callers get a copy they may change.
                (string Path, long Length, DateTime Written) key = (info.FullName, info.Length, info.LastWriteTimeUtc);
                Cached? cached = _last;
                if (cached != null && cached.Key.Equals(key))
                {
                    return new Dictionary<string, string>(cached.Entries, StringComparer.Ordinal);
                }

                LoadedFile? index = SourceFile.TryLoad(path, MaxIndexBytes, out _, out _);
                if (index == null)
                {
                    return null;
                }

                Dictionary<string, string>? entries = ParseEntries(index.Bytes);
                if (entries == null)
                {
                    return null;
                }

                _last = new Cached(key, entries);
                return new Dictionary<string, string>(entries, StringComparer.Ordinal);
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        private static string? GitDirectory(string root)
        {
            string git = Path.Combine(root, ".git");
            if (Directory.Exists(git))
            {
                return git;
            }

            if (!File.Exists(git))
            {
                return null;
            }

            LoadedFile? file = SourceFile.TryLoad(git, MaxGitFileBytes, out _, out _);
            string? text = file == null ? null : SourceFile.TryDecode(file, out _, out _)?.Trim();
            if (text == null)
            {
                return null;
            }

            const string prefix = "gitdir:";
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            string target = text.Substring(prefix.Length).Trim();
            return Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(root, target));
        }

        /// <summary>Parses an index file; null when it is not one this reader understands.</summary>
        internal static HashSet<string>? Parse(byte[] data)
        {
            Dictionary<string, string>? entries = ParseEntries(data);
            return entries == null ? null : new HashSet<string>(entries.Keys, StringComparer.Ordinal);
        }

        internal static Dictionary<string, string>? ParseEntries(byte[] data)
        {
            if (data.Length < 12 || data[0] != (byte)'D' || data[1] != (byte)'I' || data[2] != (byte)'R' || data[3] != (byte)'C')
            {
                return null;
            }

            uint version = ReadUInt32(data, 4);
            uint count = ReadUInt32(data, 8);
            if (version < 2 || version > 4)
            {
                return null;
            }

            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            int pos = 12;
            byte[] previous = Array.Empty<byte>();
            for (uint n = 0; n < count; n++)
            {
                int entryStart = pos;
                // ctime(8) mtime(8) dev ino mode uid gid size (6×4) sha-1(20) flags(2)
                const int fixedPart = 62;
                if (pos + fixedPart > data.Length)
                {
                    return null;
                }

                int flags = (data[pos + 60] << 8) | data[pos + 61];
                string sha = ToHex(data, pos + 40, 20);
                pos += fixedPart;
                if ((flags & 0x4000) != 0)
                {
                    if (version < 3 || pos + 2 > data.Length)
                    {
                        return null;
                    }

                    pos += 2; // extended flags
                }

                byte[] path;
                if (version == 4)
                {
                    // Prefix compression: a varint of bytes to drop from the previous path, then the NUL-terminated rest.
                    long drop = 0;
                    int b;
                    if (pos >= data.Length)
                    {
                        return null;
                    }

                    b = data[pos++];
                    drop = b & 0x7F;
                    while ((b & 0x80) != 0)
                    {
                        if (pos >= data.Length)
                        {
                            return null;
                        }

                        b = data[pos++];
                        drop = ((drop + 1) << 7) | (uint)(b & 0x7F);
                    }

                    int end = Array.IndexOf(data, (byte)0, pos);
                    if (end < 0 || drop > previous.Length)
                    {
                        return null;
                    }

                    int keep = previous.Length - (int)drop;
                    path = new byte[keep + (end - pos)];
                    Buffer.BlockCopy(previous, 0, path, 0, keep);
                    Buffer.BlockCopy(data, pos, path, keep, end - pos);
                    pos = end + 1;
                }
                else
                {
                    int end = Array.IndexOf(data, (byte)0, pos);
                    if (end < 0)
                    {
                        return null;
                    }

                    path = new byte[end - pos];
                    Buffer.BlockCopy(data, pos, path, 0, path.Length);

                    // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
                    int length = end - entryStart;
                    pos = entryStart + ((length + 8) & ~7);
                }

                previous = path;
                paths[Encoding.UTF8.GetString(path)] = sha;
            }

            return paths;
        }

        private static string ToHex(byte[] data, int offset, int length)
        {
            var sb = new StringBuilder(length * 2);
            for (int i = 0; i < length; i++)
            {
                sb.Append(data[offset + i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static uint ReadUInt32(byte[] data, int offset) =>
            ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
    }
}
