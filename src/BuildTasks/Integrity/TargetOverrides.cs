using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// Build files of the repository (the project file, Directory.Build.targets) that define a target with the name of one
    /// of Guardrails' own targets. MSBuild keeps the last definition of a target name, so such a file replaces Guardrails'
    /// logic with its own (GRD311). Read by the check before the compiler and by the verification after it, so that a file
    /// replacing one of the two is still seen by the other; a file replacing both runs no Guardrails code at all, which only
    /// a gate outside the build sees (no verified audit record for the assembly: <c>guardrails verify-build</c>).
    /// </summary>
    public static class TargetOverrides
    {
        /// <summary>The targets Guardrails' package defines (build/Guardrails.targets).</summary>
        public static readonly string[] GuardrailsTargets =
        {
            "GuardrailsCheck", "_GuardrailsPrepare", "_GuardrailsFootprints", "_GuardrailsCollectScanFiles", "_GuardrailsSelectScanFiles",
            "_GuardrailsBeforeCompile", "_GuardrailsVerifyCompile",
        };

        private static readonly Regex TargetName = new Regex(
            "<Target\\b[^>]*?\\bName\\s*=\\s*[\"']\\s*([^\"']*)[\"']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>The files that redefine a Guardrails target, as findings (file, line, the target's name).</summary>
        public static List<Finding> Find(IEnumerable<string> buildFiles)
        {
            var found = new List<Finding>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string raw in buildFiles)
            {
                string path = raw.Trim();
                if (path.Length == 0 || !seen.Add(path))
                {
                    continue;
                }

                string? text = Read(path);
                if (text == null || text.IndexOf("Guardrails", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                try
                {
                    foreach (Match m in TargetName.Matches(text))
                    {
                        string name = m.Groups[1].Value.Trim();
                        if (Array.Exists(GuardrailsTargets, t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)))
                        {
                            int line = 1;
                            for (int i = 0; i < m.Index; i++)
                            {
                                if (text[i] == '\n')
                                {
                                    line++;
                                }
                            }

                            found.Add(new Finding(RuleCatalog.CompileNotAsChecked, path, line, 0,
                                "This build file defines a target named '" + name + "', which replaces Guardrails' own target of that name (MSBuild keeps the last definition), " +
                                "so part of the Guardrails check does not run as shipped. Rename the target, or hook it with BeforeTargets/AfterTargets instead."));
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    found.Add(new Finding(RuleCatalog.CompileNotAsChecked, path, 0, 0, "Guardrails could not read the targets this build file defines (too complex). Simplify it."));
                }
            }

            return found;
        }

        private static string? Read(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return !info.Exists || info.Length > 4 * 1024 * 1024 ? null : File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }
    }
}
