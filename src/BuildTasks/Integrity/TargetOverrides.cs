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
            "_GuardrailsBeforeCompile", "_GuardrailsVerifyCompile", "_GuardrailsMarkInCompilation", "_GuardrailsVerification",
        };

        /// <summary>Guardrails' verification targets: nothing may hook them (a target run just before the verification can put
        /// back what an earlier one took from the compiler).</summary>
        public static readonly string[] VerificationTargets = { "_GuardrailsMarkInCompilation", "_GuardrailsVerification", "_GuardrailsVerifyCompile" };

        private static readonly Regex Hook = new Regex(
            "\\b(?:BeforeTargets|AfterTargets)\\s*=\\s*[\"']([^\"']*)[\"']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

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
                            found.Add(Redefinition(path, LineOf(text, m.Index), 0, name));
                        }
                    }

                    foreach (Match m in Hook.Matches(text))
                    {
                        foreach (string part in m.Groups[1].Value.Split(';'))
                        {
                            string name = part.Trim();
                            if (Array.Exists(VerificationTargets, t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)))
                            {
                                found.Add(HookFinding(path, LineOf(text, m.Index), 0, name, m.Value.Trim()));
                            }
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

        /// <summary>GRD311: a target named like one of Guardrails' (read from a build file's text, or from the project's evaluation).</summary>
        internal static Finding Redefinition(string file, int line, int column, string name) =>
            new Finding(RuleCatalog.CompileNotAsChecked, file, line, column,
                "This build file defines a target named '" + name + "', which replaces Guardrails' own target of that name (MSBuild keeps the last definition), " +
                "so part of the Guardrails check does not run as shipped. Rename the target, or hook it with BeforeTargets/AfterTargets instead.");

        /// <summary>GRD311: a target hooked to Guardrails' verification (<paramref name="how"/>: the attribute, or the hooking target's name).</summary>
        internal static Finding HookFinding(string file, int line, int column, string verificationTarget, string how) =>
            new Finding(RuleCatalog.CompileNotAsChecked, file, line, column,
                "This build file hooks a target to Guardrails' verification target '" + verificationTarget + "' (" + how + "). A target that runs just before the " +
                "verification can put back what an earlier one took from the compiler; nothing may run there. Remove the hook.");

        private static int LineOf(string text, int index)
        {
            int line = 1;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
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
