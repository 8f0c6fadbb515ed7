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

        /// <summary>
        /// A tracked path (split on '/') that lies below a folder named <c>node_modules</c>, <c>.git</c>, <c>bin</c> or <c>obj</c>:
        /// installed packages and build output, which the readers of committed launchers and code leave out.
        /// </summary>
        internal static bool UnderGeneratedFolder(string[] segments)
        {
            for (int i = 0; i < segments.Length - 1; i++)
            {
                string s = segments[i];
                if (s.Equals("node_modules", StringComparison.OrdinalIgnoreCase) || s.Equals(".git", StringComparison.OrdinalIgnoreCase) ||
                    s.Equals("bin", StringComparison.OrdinalIgnoreCase) || s.Equals("obj", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Tracked paths relative to the repository root, '/' separated; null when the index cannot be read.</summary>
        public static HashSet<string>? TryReadTrackedPaths(string repositoryRoot)
        {
            Dictionary<string, string>? entries = TryReadEntries(repositoryRoot);
            return entries == null ? null : new HashSet<string>(entries.Keys, StringComparer.Ordinal);
        }

        /// <summary>
        /// The submodules (gitlinks of the repository's index, mode 160000) whose files are not checked out — no readable
        /// index in their folder, as after a clone without <c>--recurse-submodules</c> (adversary round 4 #10) — each with
        /// the url <c>.gitmodules</c> gives for it (null when it gives none). Empty when the index cannot be read.
        /// </summary>
        public static List<(string Path, string? Url)> SubmodulesNotCheckedOut(string repositoryRoot)
        {
            var missing = new List<(string, string?)>();
            try
            {
                if (TryReadEntries(repositoryRoot) == null)
                {
                    return missing;
                }

                string? gitDir = GitDirectory(repositoryRoot);
                Cached? cached = null;
                if (gitDir != null)
                {
                    lock (CacheLock)
                    {
                        Cache.TryGetValue(new FileInfo(Path.Combine(gitDir, "index")).FullName, out cached);
                    }
                }

                if (cached == null || cached.Gitlinks.Count == 0)
                {
                    return missing;
                }

                Dictionary<string, string> urls = SubmoduleUrls(repositoryRoot);
                foreach (string link in cached.Gitlinks)
                {
                    if (TryReadEntries(Path.Combine(repositoryRoot, link.Replace('/', Path.DirectorySeparatorChar)), 1) == null)
                    {
                        missing.Add((link, urls.TryGetValue(link, out string? url) ? url : null));
                    }
                }
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                // what could be read is returned
            }

            return missing;
        }

        /// <summary>
        /// path → url of the submodules <c>.gitmodules</c> declares (git-config syntax: <c>[submodule "name"]</c> sections
        /// with <c>path = …</c> and <c>url = …</c>); only these two keys are read, values as written.
        /// </summary>
        private static Dictionary<string, string> SubmoduleUrls(string repositoryRoot)
        {
            var urls = new Dictionary<string, string>(StringComparer.Ordinal);
            string file = Path.Combine(repositoryRoot, ".gitmodules");
            LoadedFile? loaded = File.Exists(file) ? SourceFile.TryLoad(file, MaxGitFileBytes, out _, out _) : null;
            string? text = loaded == null ? null : SourceFile.TryDecode(loaded, out _, out _);
            if (text == null)
            {
                return urls;
            }

            string? path = null;
            string? url = null;
            foreach (string raw in (text + "\n[").Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("[", StringComparison.Ordinal))
                {
                    if (path != null && url != null)
                    {
                        urls[path.Trim('/')] = url;
                    }

                    path = url = null;
                    continue;
                }

                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                string key = line.Substring(0, eq).Trim();
                string value = line.Substring(eq + 1).Trim().Trim('"');
                if (string.Equals(key, "path", StringComparison.OrdinalIgnoreCase))
                {
                    path = value;
                }
                else if (string.Equals(key, "url", StringComparison.OrdinalIgnoreCase))
                {
                    url = value;
                }
            }

            return urls;
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

        /// <summary>Submodules inside submodules are followed this deep.</summary>
        private const int MaxSubmoduleDepth = 8;

        private static readonly object CacheLock = new object();

        private static readonly Dictionary<string, Cached> Cache = new Dictionary<string, Cached>(StringComparer.Ordinal);

        private sealed class Cached
        {
            public Cached((long, DateTime) key, Dictionary<string, string> entries, List<string> gitlinks, List<string> executables)
            {
                Key = key;
                Entries = entries;
                Gitlinks = gitlinks;
                Executables = executables;
            }

            public (long, DateTime) Key { get; }

            public Dictionary<string, string> Entries { get; }

            public List<string> Gitlinks { get; }

            /// <summary>Regular files staged with the executable bit (mode 100755).</summary>
            public List<string> Executables { get; }
        }

        /// <summary>
        /// Tracked paths (relative, '/' separated) with the SHA-1 (hex) of the staged content; null when the index cannot be
        /// read. The files of a checked-out submodule are tracked paths too, under the submodule's folder (read from the
        /// submodule's own index): the superproject's index holds only one gitlink entry for it, and an assistant working in
        /// the submodule's folder reads its CLAUDE.md, .mcp.json and .cursor/ as any other (adversary round 3, #1).
        /// </summary>
        public static Dictionary<string, string>? TryReadEntries(string repositoryRoot) => TryReadEntries(repositoryRoot, 0);

        /// <summary>
        /// The tracked regular files staged with the executable bit (git index mode 100755: <c>git add --chmod=+x</c>, a file
        /// made executable before <c>git add</c>), relative and '/' separated, a checked-out submodule's too; null when the index
        /// cannot be read. Such a file is a program whatever its name.
        /// </summary>
        public static HashSet<string>? TryReadExecutables(string repositoryRoot) => TryReadExecutables(repositoryRoot, 0);

        private static HashSet<string>? TryReadExecutables(string repositoryRoot, int depth)
        {
            try
            {
                Cached? cached = TryLoad(repositoryRoot);
                if (cached == null)
                {
                    return null;
                }

                var executables = new HashSet<string>(cached.Executables, StringComparer.Ordinal);
                if (depth < MaxSubmoduleDepth)
                {
                    foreach (string link in cached.Gitlinks)
                    {
                        foreach (string inner in TryReadExecutables(Path.Combine(repositoryRoot, link.Replace('/', Path.DirectorySeparatorChar)), depth + 1) ?? new HashSet<string>())
                        {
                            executables.Add(link + "/" + inner);
                        }
                    }
                }

                return executables;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        private static Dictionary<string, string>? TryReadEntries(string repositoryRoot, int depth)
        {
            try
            {
                Cached? cached = TryLoad(repositoryRoot);
                if (cached == null)
                {
                    return null;
                }

                var entries = new Dictionary<string, string>(cached.Entries, StringComparer.Ordinal);
                if (depth < MaxSubmoduleDepth)
                {
                    foreach (string link in cached.Gitlinks)
                    {
                        // A submodule that is not checked out has no files on disk for an assistant to read.
                        Dictionary<string, string>? inner = TryReadEntries(Path.Combine(repositoryRoot, link.Replace('/', Path.DirectorySeparatorChar)), depth + 1);
                        if (inner == null)
                        {
                            continue;
                        }

                        foreach (KeyValuePair<string, string> e in inner)
                        {
                            entries[link + "/" + e.Key] = e.Value;
                        }
                    }
                }

                return entries;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        /// <summary>The parsed index of <paramref name="repositoryRoot"/>, once per version of the file; null when there is none or it cannot be read.</summary>
        private static Cached? TryLoad(string repositoryRoot)
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
            (long Length, DateTime Written) key = (info.Length, info.LastWriteTimeUtc);
            Cached? cached;
            lock (CacheLock)
            {
                Cache.TryGetValue(info.FullName, out cached);
            }

            if (cached == null || !cached.Key.Equals(key))
            {
                LoadedFile? index = SourceFile.TryLoad(path, MaxIndexBytes, out _, out _);
                if (index == null)
                {
                    return null;
                }

                var links = new List<string>();
                var executables = new List<string>();
                Dictionary<string, string>? parsed = ParseEntries(index.Bytes, links, gitDir, executables);
                if (parsed == null)
                {
                    return null;
                }

                cached = new Cached(key, parsed, links, executables);
                lock (CacheLock)
                {
                    if (Cache.Count > 32)
                    {
                        Cache.Clear();
                    }

                    Cache[info.FullName] = cached;
                }
            }

            return cached;
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

        internal static Dictionary<string, string>? ParseEntries(byte[] data) => ParseEntries(data, null);

        /// <summary>
        /// Parses an index file, listing its gitlinks (submodule entries, mode 160000) in <paramref name="gitlinks"/>. A split
        /// index (<c>git update-index --split-index</c>, <c>core.splitIndex</c>: adversary round 4 #6) holds only the changes
        /// since its shared index (.git/sharedindex.&lt;sha&gt;, named by its "link" extension): the entries are the shared
        /// index's, less those the delete bitmap removes, with those the replace bitmap names taken from this file, plus this
        /// file's own. Without <paramref name="gitDir"/>, or with a shared index that cannot be read, a split index is null
        /// (unreadable), never read as the few entries it holds itself.
        /// </summary>
        internal static Dictionary<string, string>? ParseEntries(byte[] data, List<string>? gitlinks, string? gitDir = null, List<string>? executables = null)
        {
            List<RawEntry>? own = ParseRaw(data, out int end);
            if (own == null)
            {
                return null;
            }

            List<RawEntry> all = own;
            byte[]? link = FindExtension(data, end, "link");
            if (link != null)
            {
                if (gitDir == null || link.Length < 20)
                {
                    return null;
                }

                LoadedFile? shared = SourceFile.TryLoad(Path.Combine(gitDir, "sharedindex." + ToHex(link, 0, 20)), MaxIndexBytes, out _, out _);
                List<RawEntry>? baseEntries = shared == null ? null : ParseRaw(shared.Bytes, out _);
                int at = 20;
                HashSet<int>? deleted = ReadEwah(link, ref at);
                HashSet<int>? replaced = ReadEwah(link, ref at);
                if (baseEntries == null || deleted == null || replaced == null)
                {
                    return null;
                }

                all = new List<RawEntry>();
                int next = 0; // this file's replacing entries (empty names), in order
                for (int i = 0; i < baseEntries.Count; i++)
                {
                    if (deleted.Contains(i))
                    {
                        continue;
                    }

                    RawEntry entry = baseEntries[i];
                    if (replaced.Contains(i))
                    {
                        while (next < own.Count && own[next].Name.Length != 0)
                        {
                            next++;
                        }

                        if (next < own.Count)
                        {
                            entry = new RawEntry(entry.Name, own[next].Sha, own[next].Mode);
                            next++;
                        }
                    }

                    all.Add(entry);
                }

                foreach (RawEntry entry in own)
                {
                    if (entry.Name.Length != 0)
                    {
                        all.Add(entry);
                    }
                }
            }

            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (RawEntry entry in all)
            {
                if (entry.Name.Length == 0)
                {
                    continue;
                }

                paths[entry.Name] = entry.Sha;
                if ((entry.Mode & 0xF000) == 0xE000)
                {
                    gitlinks?.Add(entry.Name); // 0160000: a submodule
                }
                else if ((entry.Mode & 0xF000) == 0x8000 && (entry.Mode & 0x40) != 0)
                {
                    executables?.Add(entry.Name); // 0100755: a regular file with the executable bit
                }
            }

            return paths;
        }

        private readonly struct RawEntry
        {
            public RawEntry(string name, string sha, uint mode)
            {
                Name = name;
                Sha = sha;
                Mode = mode;
            }

            public string Name { get; }

            public string Sha { get; }

            public uint Mode { get; }
        }

        /// <summary>The data of the index extension <paramref name="signature"/> after the entries, or null (the trailing checksum is not one).</summary>
        private static byte[]? FindExtension(byte[] data, int pos, string signature)
        {
            while (pos + 8 <= data.Length - 20)
            {
                string name = Encoding.ASCII.GetString(data, pos, 4);
                uint size = ReadUInt32(data, pos + 4);
                if (size > (uint)(data.Length - pos - 8))
                {
                    return null;
                }

                if (name == signature)
                {
                    var ext = new byte[size];
                    Buffer.BlockCopy(data, pos + 8, ext, 0, (int)size);
                    return ext;
                }

                pos += 8 + (int)size;
            }

            return null;
        }

        /// <summary>An EWAH bitmap as git writes it (bit count, word count, 64-bit words, last run-length word): the set bit positions.</summary>
        private static HashSet<int>? ReadEwah(byte[] data, ref int pos)
        {
            if (pos + 8 > data.Length)
            {
                return null;
            }

            uint words = ReadUInt32(data, pos + 4);
            pos += 8;
            if (words > (uint)((data.Length - pos) / 8))
            {
                return null;
            }

            var set = new HashSet<int>();
            long bit = 0;
            int i = 0;
            while (i < words)
            {
                ulong rlw = ReadUInt64(data, pos + (i * 8));
                i++;
                bool running = (rlw & 1) != 0;
                long runLength = (long)((rlw >> 1) & 0xFFFFFFFFUL);
                long literals = (long)(rlw >> 33);
                if (running)
                {
                    for (long b = 0; b < runLength * 64 && set.Count < 10_000_000; b++)
                    {
                        set.Add((int)(bit + b));
                    }
                }

                bit += runLength * 64;
                for (long l = 0; l < literals && i < words; l++, i++)
                {
                    ulong word = ReadUInt64(data, pos + (i * 8));
                    for (int b = 0; b < 64; b++)
                    {
                        if ((word & (1UL << b)) != 0)
                        {
                            set.Add((int)(bit + b));
                        }
                    }

                    bit += 64;
                }
            }

            pos += (int)words * 8 + 4; // the words, then the position of the last run-length word
            return set;
        }

        private static ulong ReadUInt64(byte[] data, int offset) => ((ulong)ReadUInt32(data, offset) << 32) | ReadUInt32(data, offset + 4);

        /// <summary>The entries of an index file in file order (a split index's replacing entries have empty names); null when unreadable.</summary>
        private static List<RawEntry>? ParseRaw(byte[] data, out int endOfEntries)
        {
            endOfEntries = 0;
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

            var paths = new List<RawEntry>((int)Math.Min(count, 1_000_000));
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

                uint mode = ReadUInt32(data, pos + 24);
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
                paths.Add(new RawEntry(Encoding.UTF8.GetString(path), sha, mode));
            }

            endOfEntries = pos;
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
