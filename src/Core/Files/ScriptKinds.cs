using System;
using System.Collections.Generic;
using System.IO;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// The one list of script kinds by extension: shell (<c>.sh</c>, <c>.bash</c>, <c>.zsh</c>, <c>.ksh</c>, <c>.fish</c>),
    /// PowerShell (<c>.ps1</c>, <c>.psm1</c>) and cmd/batch (<c>.cmd</c>, <c>.bat</c>). The key scan reads their
    /// assignments (GRD002, <see cref="TextFileSecrets"/>), the build reads their installs (GRD201) and the commands they
    /// start (GRD130-GRD134) wherever they are committed; each asks here.
    /// </summary>
    public static class ScriptKinds
    {
        private static readonly string[] All = { ".sh", ".bash", ".zsh", ".ksh", ".fish", ".ps1", ".psm1", ".cmd", ".bat" };

        /// <summary>The script extensions (with the leading dot, lower case).</summary>
        public static IReadOnlyList<string> Extensions => All;

        /// <summary>Whether <paramref name="path"/> is a script by its extension (case-insensitive).</summary>
        public static bool IsScript(string path)
        {
            string extension = Path.GetExtension(path);
            foreach (string e in All)
            {
                if (extension.Equals(e, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A PowerShell script or module (<c>.ps1</c>, <c>.psm1</c>): a backtick continues its line.</summary>
        public static bool IsPowerShell(string path)
        {
            string extension = Path.GetExtension(path);
            return extension.Equals(".ps1", StringComparison.OrdinalIgnoreCase) || extension.Equals(".psm1", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A cmd/batch script (<c>.cmd</c>, <c>.bat</c>): <c>@</c>, <c>call</c> and <c>REM</c> are its own.</summary>
        public static bool IsBatch(string path)
        {
            string extension = Path.GetExtension(path);
            return extension.Equals(".cmd", StringComparison.OrdinalIgnoreCase) || extension.Equals(".bat", StringComparison.OrdinalIgnoreCase);
        }
    }
}
