using System;
using System.Collections.Generic;
using System.Globalization;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// The files the build kept back from the compiler's key scan, one per line as <c>reason|length|path</c>: binary, over
    /// <see cref="TextFileSecrets.StreamMaxBytes"/> (too large for any scan during a build), or <see cref="Large"/> (over
    /// <see cref="TextFileSecrets.MaxLength"/>: the build's check scans it instead, streaming). The build task writes it
    /// (<c>obj/…/guardrails/guardrails.scan-skipped.txt</c>) and passes it as an AdditionalFile; the file analyzer reports
    /// each binary or too-large entry (GRD007) and the check reads the same list (GRD002 in large files, GRD312).
    /// </summary>
    public static class SkippedList
    {
        public const string FileName = "guardrails.scan-skipped.txt";

        public const string Header = "# Files not scanned for keys by the last build (Guardrails): reason|bytes|path\n";

        public const string TooLarge = "too-large";

        public const string Binary = "binary";

        /// <summary>Too large for the compiler, not for the build's check: scanned there (<see cref="TextFileSecrets.ScanStream"/>), not reported as GRD007.</summary>
        public const string Large = "large";

        /// <summary>A name the compiler cannot be given (a line break or another control character in it: CS2001): scanned by the build's check.</summary>
        public const string Name = "name";

        /// <summary>
        /// Text in an encoding the compiler cannot decode (UTF-32, UTF-16 without a byte-order mark: Guardrails.BuildTasks.Foundation.TextEncodings):
        /// scanned by the build's check, which decodes it.
        /// </summary>
        public const string Encoding = "encoding";

        /// <summary>
        /// A name (file or folder, below the project) holding a self-identifying key (adversary round 5 #12): kept back so
        /// that the path reaches no compiler diagnostic whole; the check reports the name (GRD002) and scans the content.
        /// </summary>
        public const string KeyName = "key-name";

        /// <summary>
        /// A symbolic link that points nowhere (a committed link whose target text is not a path of this checkout): the
        /// compiler cannot be given it (CS2001); git commits its target text as its content, which the check scans.
        /// </summary>
        public const string Link = "link";

        /// <summary>
        /// A Git LFS pointer (adversary round 10 route 8): the file the repository commits through LFS is elsewhere; the check
        /// reads the object from the clone's LFS store, or reports that the content was not scanned (GRD312).
        /// </summary>
        public const string LfsPointer = "lfs";

        /// <summary>True for the entries the build's check scans itself (and the analyzer does not report as GRD007).</summary>
        public static bool ScannedByCheck(string reason) => reason == Large || reason == Name || reason == Encoding || reason == KeyName || reason == Link || reason == LfsPointer;

        /// <summary>True when <paramref name="path"/> holds a character the compiler's command line cannot carry.</summary>
        public static bool HasControlCharacter(string path)
        {
            foreach (char c in path)
            {
                if (c < ' ' || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsSkippedList(string path) => path.EndsWith(FileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>One entry; '%' and control characters in the path are written as %XX so that every entry stays one line.</summary>
        public static string Line(string reason, long length, string path) =>
            reason + "|" + length.ToString(CultureInfo.InvariantCulture) + "|" + Escape(path) + "\n";

        private static string Escape(string path)
        {
            if (path.IndexOf('%') < 0 && !HasControlCharacter(path))
            {
                return path;
            }

            var sb = new System.Text.StringBuilder(path.Length + 8);
            foreach (char c in path)
            {
                if (c == '%' || c < ' ' || c == '\u007F')
                {
                    sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        private static string Unescape(string path)
        {
            if (path.IndexOf('%') < 0)
            {
                return path;
            }

            var sb = new System.Text.StringBuilder(path.Length);
            for (int i = 0; i < path.Length; i++)
            {
                if (path[i] == '%' && i + 2 < path.Length &&
                    int.TryParse(path.Substring(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                {
                    sb.Append((char)code);
                    i += 2;
                }
                else
                {
                    sb.Append(path[i]);
                }
            }

            return sb.ToString();
        }

        /// <summary>The entries of a skipped list; malformed lines are ignored.</summary>
        public static IEnumerable<(string Reason, long Length, string Path)> Parse(string text)
        {
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int first = line.IndexOf('|');
                int second = first < 0 ? -1 : line.IndexOf('|', first + 1);
                if (second < 0 || !long.TryParse(line.Substring(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long length))
                {
                    continue;
                }

                yield return (line.Substring(0, first), length, Unescape(line.Substring(second + 1)));
            }
        }

        /// <summary>
        /// Why a file was not scanned by the compiler's key scan, as the GRD007 message says it: every reason of this list
        /// has its own wording (the reasons the build's check scans itself are worded as such, not as a size).
        /// </summary>
        public static string Describe(string reason, long length)
        {
            switch (reason)
            {
                case Binary:
                    return "it is a binary file (a NUL byte in its first 8 KB, or a binary extension)";
                case Name:
                    return "its name holds a line break or another control character the compiler cannot be given; the build's check scans it instead";
                case Encoding:
                    return "its encoding (UTF-32, or UTF-16 without a byte-order mark) is one the compiler cannot decode; the build's check decodes and scans it instead";
                case KeyName:
                    return "its name (or the name of a folder above it) holds a key, so it is kept out of every compiler message; the build's check reports the name and scans the content";
                case Link:
                    return "it is a symbolic link that points to no file; the build's check scans the target text git commits for it";
                case Large:
                    return string.Format(CultureInfo.InvariantCulture, "its size ({0:N0}) is over the limit of {1:N0} characters for a file the compiler reads; the build's check scans it instead, streaming", length, TextFileSecrets.MaxLength);
                default:
                    return length > TextFileSecrets.StreamMaxBytes
                        ? string.Format(CultureInfo.InvariantCulture, "its size ({0:N0} bytes) is over the limit of {1:N0} bytes for a file scanned during the build", length, TextFileSecrets.StreamMaxBytes)
                        : string.Format(CultureInfo.InvariantCulture, "its size ({0:N0}) is over the limit of {1:N0} characters for a file the compiler reads", length, TextFileSecrets.MaxLength);
            }
        }
    }
}
