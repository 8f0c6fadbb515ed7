using System;
using System.Collections.Generic;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>Why the audit record's "endpoints" may miss some: files kept from the analyzers that search them.</summary>
    public static class EndpointsNotSearched
    {
        /// <summary>
        /// The reason the list is incomplete when files that may name an endpoint were kept from the analyzers (GRD004 and
        /// GRD008 read what the compiler is given: a file too large for it, in an encoding it cannot decode, with a name it
        /// cannot be given, or binary under a text name is scanned for keys by the check, not for endpoints); null when
        /// there is none. <paramref name="files"/>: the reason (<see cref="Guardrails.Core.Files.SkippedList"/>) and path of each.
        /// </summary>
        public static string? Because(IEnumerable<(string Reason, string Path)> files)
        {
            int count = 0;
            var reasons = new SortedSet<string>(StringComparer.Ordinal);
            string? first = null;
            foreach ((string reason, string path) in files)
            {
                if (reason == Guardrails.Core.Files.SkippedList.Binary && Guardrails.Core.Files.TextFileSecrets.HasBinaryExtension(path))
                {
                    continue; // an image, an archive, a model: no address to read
                }

                count++;
                reasons.Add(reason);
                // A name that holds a key is never shown (the list keeps it back for that reason).
                first ??= reason == Guardrails.Core.Files.SkippedList.KeyName ? "a file whose name holds a key" : System.IO.Path.GetFileName(path);
            }

            return count == 0 ? null
                : count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " file(s) that may name an AI endpoint were not searched for one (" +
                  string.Join(", ", reasons) + "; first: " + first + "): GRD004/GRD008 read the files the compiler is given";
        }

    }
}
