using System;
using System.Collections.Generic;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// A path pattern relative to a directory ("level") between the project folder and the repository root.
    /// Segments are separated by '/'. In a segment '*' matches any run of characters and '?' one character; a
    /// whole segment "**" matches any number of segments. A trailing '/' makes the pattern a folder: the folder
    /// itself is the footprint and every file below it belongs to it. Matching ignores case (the assistants run on
    /// case-insensitive file systems too, where <c>claude.md</c> is <c>CLAUDE.md</c>).
    /// </summary>
    public sealed class FootprintPattern
    {
        private readonly string[] _segments;

        public FootprintPattern(string pattern)
        {
            if (string.IsNullOrEmpty(pattern) || pattern[0] == '/' || pattern.IndexOf('\\') >= 0)
            {
                throw new ArgumentException("A footprint pattern is a relative path with '/' separators.", nameof(pattern));
            }

            Text = pattern;
            IsFolder = pattern[pattern.Length - 1] == '/';
            _segments = pattern.TrimEnd('/').Split('/');
        }

        /// <summary>The pattern as written in the catalog.</summary>
        public string Text { get; }

        /// <summary>True for a folder pattern (written with a trailing '/').</summary>
        public bool IsFolder { get; }

        /// <summary>True when the pattern has no wildcard at all (an exact path).</summary>
        public bool IsExact => Text.IndexOf('*') < 0 && Text.IndexOf('?') < 0;

        /// <summary>Number of segments in the pattern.</summary>
        public int Depth => _segments.Length;

        /// <summary>True when a file at <paramref name="path"/> (segments relative to the level) matches this file pattern.</summary>
        public bool MatchesFile(IReadOnlyList<string> path) => !IsFolder && MatchFrom(path, 0, path.Count, 0);

        /// <summary>True when the directory at <paramref name="path"/> is the folder this folder pattern names.</summary>
        public bool MatchesFolder(IReadOnlyList<string> path) => IsFolder && MatchFrom(path, 0, path.Count, 0);

        /// <summary>
        /// For a folder pattern: the number of leading segments of <paramref name="path"/> that form the matched
        /// folder when the path lies strictly inside it, or 0 when it does not.
        /// </summary>
        public int FolderPrefixLength(IReadOnlyList<string> path)
        {
            if (!IsFolder)
            {
                return 0;
            }

            // Folder patterns may use '*' and '?' but not "**", so the folder is exactly Depth segments long.
            if (path.Count <= _segments.Length)
            {
                return 0;
            }

            for (int i = 0; i < _segments.Length; i++)
            {
                if (!SegmentMatches(_segments[i], path[i]))
                {
                    return 0;
                }
            }

            return _segments.Length;
        }

        /// <summary>
        /// True when something this pattern matches could lie inside the directory <paramref name="dir"/> (or be that
        /// directory): used to prune the walk so that only relevant folders are listed.
        /// </summary>
        public bool CouldMatchWithin(IReadOnlyList<string> dir)
        {
            for (int i = 0; i < dir.Count; i++)
            {
                if (i >= _segments.Length)
                {
                    return IsFolder; // below a folder footprint: everything belongs to it
                }

                if (_segments[i] == "**")
                {
                    return true;
                }

                if (!SegmentMatches(_segments[i], dir[i]))
                {
                    return false;
                }
            }

            // A file pattern needs at least one more segment below the directory.
            return IsFolder || dir.Count < _segments.Length;
        }

        /// <summary>True when the first segment of the pattern matches the name of a directory entry at a level.</summary>
        public bool FirstSegmentMatches(string name) => _segments[0] == "**" || SegmentMatches(_segments[0], name);

        public override string ToString() => Text;

        private bool MatchFrom(IReadOnlyList<string> path, int pi, int count, int si)
        {
            while (si < _segments.Length)
            {
                string seg = _segments[si];
                if (seg == "**")
                {
                    if (si == _segments.Length - 1)
                    {
                        return true;
                    }

                    for (int k = pi; k <= count; k++)
                    {
                        if (MatchFrom(path, k, count, si + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (pi >= count || !SegmentMatches(seg, path[pi]))
                {
                    return false;
                }

                pi++;
                si++;
            }

            return pi == count;
        }

        /// <summary>Glob match of one path segment: '*' any run, '?' one character, case-insensitive.</summary>
        public static bool SegmentMatches(string pattern, string name)
        {
            int p = 0, n = 0, starP = -1, starN = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    starP = p++;
                    starN = n;
                }
                else if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], name[n])))
                {
                    p++;
                    n++;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    n = ++starN;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        private static bool CharEquals(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
    }
}
