using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// The highest policy revision seen per policyId, kept in a small text file ("policyId&lt;TAB&gt;revision" per line).
    /// Default location: $(BaseIntermediateOutputPath)guardrails/policy-revisions.txt (see docs/rules/GRD303.md for the
    /// trade-off: it survives configuration changes and `dotnet clean`, but a clean clone or a deleted obj/ forgets it).
    /// Reading and writing never fail the build: a damaged or locked file is treated as empty or left alone.
    /// </summary>
    internal sealed class RevisionStore
    {
        private const long MaxBytes = 64 * 1024;

        private readonly string _path;
        private readonly SortedDictionary<string, long> _revisions = new SortedDictionary<string, long>(StringComparer.Ordinal);

        private RevisionStore(string path)
        {
            _path = path;
        }

        public static RevisionStore Load(string path)
        {
            var store = new RevisionStore(path);
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > MaxBytes)
                {
                    return store;
                }

                foreach (string line in File.ReadAllLines(path, Encoding.UTF8))
                {
                    int tab = line.LastIndexOf('\t');
                    if (tab < 0 || !long.TryParse(line.Substring(tab + 1).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long revision))
                    {
                        continue;
                    }

                    string key = line.Substring(0, tab);
                    if (!store._revisions.TryGetValue(key, out long existing) || revision > existing)
                    {
                        store._revisions[key] = revision;
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
            }

            return store;
        }

        public bool TryGet(string policyId, out long revision) => _revisions.TryGetValue(Clean(policyId), out revision);

        public void Set(string policyId, long revision) => _revisions[Clean(policyId)] = revision;

        /// <summary>Writes the file (temp file + move, so parallel project builds never read half a file).</summary>
        public void TrySave()
        {
            try
            {
                string? dir = Path.GetDirectoryName(_path);
                if (!string.IsNullOrEmpty(dir))
                {
                    Directory.CreateDirectory(dir);
                }

                var sb = new StringBuilder();
                sb.Append("# Highest Guardrails policy revision built against, per policyId. Deleting this file forgets them.\n");
                foreach (KeyValuePair<string, long> e in _revisions)
                {
                    sb.Append(e.Key).Append('\t').Append(e.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }

                string temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(false));
                if (File.Exists(_path))
                {
                    File.Replace(temp, _path, null);
                }
                else
                {
                    File.Move(temp, _path);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
            }
        }

        private static string Clean(string policyId) => policyId.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }
}
