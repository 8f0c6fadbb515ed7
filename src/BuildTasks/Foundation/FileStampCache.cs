using System;
using System.Collections.Concurrent;
using System.IO;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// What was worked out from a file, kept for the life of the build node by its path and stamp (size, last write time):
    /// a repository-level file that every project of a build reads is read once per node, not once per project. A file that
    /// changes gets a new stamp and is read again; past <see cref="MaxEntries"/> files the cache starts over.
    /// </summary>
    internal sealed class FileStampCache<T>
    {
        internal const int MaxEntries = 200000;

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>The value kept for <paramref name="info"/>'s path when its stamp has not changed.</summary>
        public bool TryGet(FileInfo info, out T value)
        {
            if (_entries.TryGetValue(info.FullName, out Entry? entry) && entry.Length == info.Length && entry.Written == info.LastWriteTimeUtc)
            {
                value = entry.Value;
                return true;
            }

            value = default!;
            return false;
        }

        /// <summary>Keeps <paramref name="value"/> for <paramref name="info"/>'s path and stamp.</summary>
        public void Set(FileInfo info, T value)
        {
            if (_entries.Count > MaxEntries)
            {
                _entries.Clear();
            }

            _entries[info.FullName] = new Entry(info.Length, info.LastWriteTimeUtc, value);
        }

        /// <summary>
        /// The value for <paramref name="path"/>: kept, or made by <paramref name="make"/> and kept. A file that cannot be
        /// stamped (missing, unreadable metadata) is made every time and never kept.
        /// </summary>
        public T GetOrMake(string path, Func<T> make)
        {
            FileInfo info;
            try
            {
                info = new FileInfo(path);
                if (!info.Exists)
                {
                    return make();
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return make();
            }

            if (TryGet(info, out T value))
            {
                return value;
            }

            value = make();
            Set(info, value);
            return value;
        }

        private sealed class Entry
        {
            public Entry(long length, DateTime written, T value)
            {
                Length = length;
                Written = written;
                Value = value;
            }

            public long Length { get; }

            public DateTime Written { get; }

            public T Value { get; }
        }
    }
}
