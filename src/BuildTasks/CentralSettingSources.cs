using System;
using System.Collections.Generic;
using System.Collections;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Microsoft.Build.Framework;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// Where the Guardrails settings came from. Central means the repository's Directory.Build.props or a policy package's
    /// props, both evaluated before Guardrails.props captures them. Global properties (the command line, Directory.Build.rsp,
    /// MSBuild.rsp, a ProjectReference's SetConfiguration/AdditionalProperties) and environment variables are not central:
    /// MSBuild lets a global property override every file, so Guardrails.props cannot capture a central value under one.
    /// </summary>
    internal static class CentralSettingSources
    {
        public const string GlobalSource = "the command line or a response file such as Directory.Build.rsp (an MSBuild global property)";

        public const string EnvironmentSource = "an environment variable";

        public const string ProjectSource = "the project or a file it imports after Directory.Build.props";

        /// <summary>Settings only the central location may set; set from outside, they are reported (GRD307, GRD308).</summary>
        internal static readonly string[] CentralNames =
        {
            "GuardrailsMode", "GuardrailsPolicyPath", "GuardrailsPolicySha256", "ImportDirectoryBuildProps",
            "_GuardrailsCentralMode", "_GuardrailsCentralPolicyPath", "_GuardrailsCentralPolicySha256", "_GuardrailsCentralCaptured",
            "_GuardrailsCentralScanFiles", "_GuardrailsCentralScanExclude", "_GuardrailsCentralCheckFootprints", "_GuardrailsCentralRevisionStateFile",
            "_GuardrailsCentralScanRepositoryFiles", "_GuardrailsCentralCaptureProps",
        };

        /// <summary>The capture properties Guardrails.props sets; a later build file setting them forges the central values.</summary>
        internal const string InternalPrefix = "_GuardrailsCentral";

        /// <summary>
        /// Every Guardrails-internal property and item starts with this: only Guardrails' own props and targets set them.
        /// One given from outside (a global property, an environment variable), defined in another build file or written by
        /// another target can redirect or switch off part of the check (_GuardrailsVerificationRan skipped the verification
        /// after the compiler, _GuardrailsDefaultRevisionStateFile moved the rollback memory): GRD308, naming it and where.
        /// </summary>
        internal const string AnyInternalPrefix = "_Guardrails";

        public static void Collect(GuardrailsCheck task, CheckRequest request)
        {
            IReadOnlyDictionary<string, string>? globals = null;
            if (task.BuildEngine is IBuildEngine6 engine6)
            {
                globals = engine6.GetGlobalProperties();
            }

            CentralValues central = CentralValues.FromCapture(task);
            EvaluatedBuild? evaluated = EvaluateInHost(task, globals, request);
            if (evaluated != null)
            {
                JudgeRecord(task, evaluated, request);
                ReportTargets(evaluated, request);
                central = CentralValues.FromEvaluation(evaluated);
                request.CentralMode = central.Mode;
                request.CentralPolicyPath = central.PolicyPath;
                request.CentralPolicySha256 = central.PolicySha256;
                request.PackageReferenceIds = evaluated.PackageReferenceIds;
                if (evaluated.UnimportedRepositoryProps != null && Mentions(evaluated.UnimportedRepositoryProps, "Guardrails") &&
                    !request.ShadowedCentralFiles.Contains(evaluated.UnimportedRepositoryProps))
                {
                    request.ShadowedCentralFiles.Add(evaluated.UnimportedRepositoryProps);
                }
                request.RepositoryBuildFiles = evaluated.RepositoryBuildFiles;
            }

            foreach (string name in CentralNames)
            {
                string? source = OutsideSource(globals, name, CurrentValue(task, name), out string value);
                if (source != null)
                {
                    request.ExternalSettings.Add(new ExternalSetting(name, value, source));
                }
            }

            CollectInternalFromOutside(globals, request);

            if (string.Equals(task.ImportDirectoryBuildProps?.Trim(), "false", StringComparison.OrdinalIgnoreCase) &&
                !string.IsNullOrWhiteSpace(task.DirectoryBuildPropsAbove) &&
                !request.ExternalSettings.Exists(s => s.Name == "ImportDirectoryBuildProps"))
            {
                request.ExternalSettings.Add(new ExternalSetting("ImportDirectoryBuildProps", "false", ProjectSource));
            }

            foreach (string file in GuardrailsCheck.Paths(task.LateBuildFiles))
            {
                if (Mentions(file, InternalPrefix))
                {
                    request.FilesSettingInternalProperties.Add(file);
                }
            }

            CollectShadowed(task, request);
            CollectOptOuts(task, request, globals, central, evaluated);
        }

        /// <summary>
        /// Any _Guardrails* name given as a global property or an environment variable (MSBuild makes each a property), not
        /// already reported as a central setting: GRD308. Guardrails.targets treats its internal properties as local and
        /// starts them empty, so such a value no longer takes effect; it is reported because nothing but an attempt on the
        /// check sets one.
        /// </summary>
        private static void CollectInternalFromOutside(IReadOnlyDictionary<string, string>? globals, CheckRequest request)
        {
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ExternalSetting setting in request.ExternalSettings)
            {
                reported.Add(setting.Name);
            }

            var found = new List<KeyValuePair<string, string>>();
            if (globals != null)
            {
                foreach (KeyValuePair<string, string> pair in globals)
                {
                    if (pair.Key.StartsWith(AnyInternalPrefix, StringComparison.OrdinalIgnoreCase) && reported.Add(pair.Key))
                    {
                        found.Add(new KeyValuePair<string, string>(pair.Key, GlobalSource));
                    }
                }
            }

            try
            {
                foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                {
                    string name = entry.Key as string ?? string.Empty;
                    if (name.StartsWith(AnyInternalPrefix, StringComparison.OrdinalIgnoreCase) && reported.Add(name))
                    {
                        found.Add(new KeyValuePair<string, string>(name, EnvironmentSource));
                    }
                }
            }
            catch (System.Security.SecurityException)
            {
                // an environment the task may not read presets nothing it could report
            }

            found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (KeyValuePair<string, string> pair in found)
            {
                request.ExternalSettings.Add(new ExternalSetting(pair.Key, string.Empty, pair.Value));
            }
        }

        /// <summary>
        /// The project as MSBuild evaluated it, asked of MSBuild itself (see <see cref="EvaluatedBuild"/>). Only inside MSBuild:
        /// a host without the engine (unit tests) keeps the values Guardrails.props captured. Inside MSBuild an evaluation
        /// that fails is GRD308: the central settings cannot be confirmed, and the build fails closed.
        /// </summary>
        private static EvaluatedBuild? EvaluateInHost(GuardrailsCheck task, IReadOnlyDictionary<string, string>? globals, CheckRequest request)
        {
            if (task.BuildEngine == null || string.IsNullOrWhiteSpace(task.PackageDirectory) ||
                !string.Equals(task.BuildEngine.GetType().Assembly.GetName().Name, "Microsoft.Build", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                EvaluatedBuild evaluated = Evaluate(request.ProjectPath, globals, task.PackageDirectory!.Trim());
                task.Log.LogMessage(MessageImportance.Low, "Guardrails: central settings confirmed by evaluating the project again ({0} ms, {1} central files).", clock.ElapsedMilliseconds, evaluated.CentralFiles.Count);
                return evaluated;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                request.CentralRecordTampered.Add(new Finding(
                    Core.Rules.RuleCatalog.CentralSettingOverridden, request.ProjectPath, 0, 0,
                    "Guardrails could not evaluate this project again to confirm where its central settings (policy path, pin, mode) come from (" + e.GetType().Name +
                    "), so it cannot tell them from values a build file rewrote. The build fails closed; fix what keeps the project from evaluating."));
                return null;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static EvaluatedBuild Evaluate(string projectPath, IReadOnlyDictionary<string, string>? globals, string packageDirectory) =>
            EvaluatedBuild.Evaluate(projectPath, globals, packageDirectory);

        /// <summary>
        /// Guardrails' record of the central values (the _GuardrailsCentral* properties) must be what Guardrails' own props
        /// wrote during evaluation, and reach the check unchanged: a definition in any other file, or a target that rewrote
        /// it at run time, is GRD308 at that file and line. The central values themselves then come from the evaluation.
        /// </summary>
        private static void JudgeRecord(GuardrailsCheck task, EvaluatedBuild evaluated, CheckRequest request)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (EvaluatedBuild.Located forged in evaluated.ForgedCapture)
            {
                if (seen.Add(forged.File + "|" + forged.Line))
                {
                    request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, forged.File, forged.Line, forged.Column,
                        "This build file sets " + forged.Name + ", part of Guardrails' own record of the central settings, which only Guardrails' props may write. Remove it."));
                }
            }

            foreach (EvaluatedBuild.Located forged in evaluated.ForgedInternal)
            {
                if (seen.Add(forged.File + "|" + forged.Line))
                {
                    request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, forged.File, forged.Line, forged.Column,
                        "This build file sets " + forged.Name + ", one of Guardrails' internal properties or items, which only Guardrails' own props and targets set " +
                        "(one can redirect or switch off part of the check). Remove it; a name of your own must not start with _Guardrails."));
                }
            }

            foreach (EvaluatedBuild.Located target in evaluated.InternalWritingTargets)
            {
                if (seen.Add(target.File + "|" + target.Line))
                {
                    request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, target.File, target.Line, target.Column,
                        "The target '" + target.Name + "' writes " + target.Detail + ", one of Guardrails' internal properties or items, which only Guardrails' own " +
                        "targets write (one can redirect or switch off part of the check while the build runs). Remove it; a name of your own must not start with _Guardrails."));
                }
            }

            if (evaluated.CompetingPolicyPaths.Count > 1)
            {
                string packages = string.Join(", ", evaluated.CompetingPolicyPaths.ConvertAll(l => Path.GetFileName(Path.GetDirectoryName(l.Detail.TrimEnd('/', '\\')) ?? l.Detail) + " " + Path.GetFileName(l.Detail.TrimEnd('/', '\\'))));
                foreach (EvaluatedBuild.Located setter in evaluated.CompetingPolicyPaths)
                {
                    if (seen.Add(setter.File + "|" + setter.Line))
                    {
                        request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, setter.File, setter.Line, setter.Column,
                            "This package's props set GuardrailsPolicyPath, and so does another package's (" + packages + "): only one package may name the central policy. " +
                            "A second one would make itself the policy package and what it sets central (a copy of the published policy passes the pin). Remove the reference to the package that is not the policy package."));
                    }
                }
            }

            foreach (EvaluatedBuild.Located fed in evaluated.RepositoryFedPolicyPackages)
            {
                if (seen.Add(fed.File + "|0"))
                {
                    request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, fed.File, 0, 0,
                        "The package holding the central policy file was restored from '" + Policy.Text.Show(fed.Detail, 200) + "', a feed inside this repository: a package the repository supplies itself " +
                        "cannot be the central policy package, whatever its id and version (a look-alike with the published policy passes the pin, and its props would be central). " +
                        "Restore the policy package from the central feed (map its id to that source in the package source mapping) and remove the repository's copy."));
                }
            }

            var changed = new List<string>();
            Compare(changed, evaluated, "_GuardrailsCentralCaptured", task.CentralSettingsCaptured ? "true" : string.Empty);
            Compare(changed, evaluated, "_GuardrailsCentralMode", task.CentralMode);
            Compare(changed, evaluated, "_GuardrailsCentralPolicyPath", task.CentralPolicyPath);
            Compare(changed, evaluated, "_GuardrailsCentralPolicySha256", task.CentralPolicySha256);
            Compare(changed, evaluated, "_GuardrailsCentralScanFiles", task.CentralScanFiles);
            Compare(changed, evaluated, "_GuardrailsCentralCheckFootprints", task.CentralCheckFootprints);
            Compare(changed, evaluated, "_GuardrailsCentralScanRepositoryFiles", task.CentralScanRepositoryFiles);
            Compare(changed, evaluated, "_GuardrailsCentralRevisionStateFile", task.CentralRevisionStateFile);
            if (!CapturedFromIgnoredGlobal(evaluated, "_GuardrailsCentralScanExclude") && !SameSet(evaluated.CapturedScanExcludes, (task.CentralScanExcludes ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)))
            {
                changed.Add("_GuardrailsCentralScanExclude");
            }

            if (changed.Count == 0)
            {
                return;
            }

            string names = string.Join(", ", changed);
            bool named = false;
            foreach (EvaluatedBuild.Located target in evaluated.CaptureWritingTargets)
            {
                if (seen.Add(target.File + "|" + target.Line))
                {
                    named = true;
                    request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, target.File, target.Line, target.Column,
                        "The target '" + target.Name + "' rewrites " + target.Detail + " at run time, part of Guardrails' own record of the central settings (changed before the check: " +
                        names + "). Only Guardrails' props may write it, during evaluation; a target cannot decide which policy governs the build. Remove it."));
                }
            }

            if (!named)
            {
                request.CentralRecordTampered.Add(new Finding(Core.Rules.RuleCatalog.CentralSettingOverridden, request.ProjectPath, 0, 0,
                    "Guardrails' own record of the central settings reached the check changed from what MSBuild evaluated (" + names +
                    "): a target rewrote it at run time. Only Guardrails' props may write it; remove the target that does."));
            }
        }

        /// <summary>
        /// Guardrails' targets redefined, or its verification hooked, in any file MSBuild imported (a file imported from
        /// Directory.Build.targets, a package's build targets): GRD311 at the target. The text of the project file and
        /// Directory.Build.targets is still read as well (Integrity/TargetOverrides), for the verification after the compiler.
        /// </summary>
        private static void ReportTargets(EvaluatedBuild evaluated, CheckRequest request)
        {
            foreach (EvaluatedBuild.Located target in evaluated.RedefinedTargets)
            {
                request.EvaluatedTargetFindings.Add(Integrity.TargetOverrides.Redefinition(target.File, target.Line, target.Column, target.Name));
            }

            foreach (EvaluatedBuild.Located target in evaluated.HookedTargets)
            {
                request.EvaluatedTargetFindings.Add(Integrity.TargetOverrides.HookFinding(target.File, target.Line, target.Column, target.Detail, "target '" + target.Name + "'"));
            }
        }

        private static void Compare(List<string> changed, EvaluatedBuild evaluated, string name, string? received)
        {
            if (CapturedFromIgnoredGlobal(evaluated, name))
            {
                return; // the capture holds the global property's value in the build; the global itself is GRD308
            }

            evaluated.Captured.TryGetValue(name, out string? value);
            if (!string.Equals((value ?? string.Empty).Trim(), (received ?? string.Empty).Trim(), StringComparison.Ordinal))
            {
                changed.Add(name);
            }
        }

        /// <summary>
        /// True when the evaluation left out a global property this capture copies (the setting itself, the capture, or
        /// ImportDirectoryBuildProps, without which the build captured no central file at all): the build's capture then
        /// differs from the evaluation's because of that global, which is reported in its own right, not by a target.
        /// </summary>
        private static bool CapturedFromIgnoredGlobal(EvaluatedBuild evaluated, string captureName)
        {
            if (evaluated.IgnoredGlobals.Contains(captureName) || evaluated.IgnoredGlobals.Contains("ImportDirectoryBuildProps") ||
                evaluated.IgnoredGlobals.Contains("_GuardrailsCentralCaptureProps"))
            {
                return true;
            }

            string[]? setting = Array.Find(EvaluatedBuild.CentralSettings, s => string.Equals(s[1], captureName, StringComparison.OrdinalIgnoreCase));
            if (setting != null && evaluated.IgnoredGlobals.Contains(setting[0]))
            {
                return true;
            }

            return string.Equals(captureName, "_GuardrailsCentralScanExclude", StringComparison.OrdinalIgnoreCase) && evaluated.IgnoredGlobals.Contains("GuardrailsScanExclude");
        }

        private static bool SameSet(List<string> a, string[] b)
        {
            var left = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string x in a)
            {
                if (x.Trim().Length > 0)
                {
                    left.Add(x.Trim());
                }
            }

            var right = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string x in b)
            {
                if (x.Trim().Length > 0)
                {
                    right.Add(x.Trim());
                }
            }

            return left.SetEquals(right);
        }

        /// <summary>The central values the check judges the project against: from the evaluation inside MSBuild, else from
        /// Guardrails.props' capture.</summary>
        private sealed class CentralValues
        {
            public string? Mode { get; private set; }

            public string? PolicyPath { get; private set; }

            public string? PolicySha256 { get; private set; }

            public string? ScanFiles { get; private set; }

            public string? CheckFootprints { get; private set; }

            public string? ScanRepositoryFiles { get; private set; }

            public string? RevisionStateFile { get; private set; }

            public string ScanExcludes { get; private set; } = string.Empty;

            public static CentralValues FromCapture(GuardrailsCheck task) => new CentralValues
            {
                ScanFiles = task.CentralScanFiles,
                CheckFootprints = task.CentralCheckFootprints,
                ScanRepositoryFiles = task.CentralScanRepositoryFiles,
                RevisionStateFile = task.CentralRevisionStateFile,
                ScanExcludes = task.CentralScanExcludes ?? string.Empty,
            };

            public static CentralValues FromEvaluation(EvaluatedBuild evaluated) => new CentralValues
            {
                Mode = evaluated.Central["GuardrailsMode"],
                PolicyPath = evaluated.Central["GuardrailsPolicyPath"],
                PolicySha256 = evaluated.Central["GuardrailsPolicySha256"],
                ScanFiles = evaluated.Central["GuardrailsScanFiles"],
                CheckFootprints = evaluated.Central["GuardrailsCheckFootprints"],
                ScanRepositoryFiles = evaluated.Central["GuardrailsScanRepositoryFiles"],
                RevisionStateFile = evaluated.Central["GuardrailsRevisionStateFile"],
                ScanExcludes = string.Join(";", evaluated.CentralScanExcludes),
            };
        }

        /// <summary>
        /// MSBuild imports only the nearest Directory.Build.props. One placed next to the project that does not import the
        /// repository's own hides the central settings from this project: no central policy reaches the check, and the
        /// repository's file (which names the policy) is simply never read. Found by walking from above the imported file to
        /// the repository root.
        /// </summary>
        private static void CollectShadowed(GuardrailsCheck task, CheckRequest request)
        {
            if (!string.IsNullOrWhiteSpace(request.CentralPolicyPath) || string.IsNullOrWhiteSpace(task.DirectoryBuildPropsAbove))
            {
                return;
            }

            try
            {
                string nearest = Path.GetFullPath(task.DirectoryBuildPropsAbove!.Trim());
                string? projectDirectory = Path.GetDirectoryName(Path.GetFullPath(request.ProjectPath));
                string? root = projectDirectory == null ? null : Footprints.FootprintDiscovery.FindOutermostRepositoryRoot(projectDirectory, null);
                if (root == null)
                {
                    return;
                }

                string rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                for (string? dir = Path.GetDirectoryName(nearest.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
                     dir != null && dir.Length >= rootFull.Length && dir.StartsWith(rootFull, StringComparison.Ordinal);
                     dir = Path.GetDirectoryName(dir))
                {
                    string file = Path.Combine(dir, "Directory.Build.props");
                    if (File.Exists(file) && Mentions(file, "GuardrailsPolicyPath") && !request.ShadowedCentralFiles.Exists(f => SamePath(f, file)))
                    {
                        request.ShadowedCentralFiles.Add(file);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                // an unreadable tree hides nothing more than it already did
            }
        }

        /// <summary>
        /// The one test of "not the central configuration" for every Guardrails setting: a global property (the command line,
        /// Directory.Build.rsp, MSBuild.rsp) or an environment variable that reached the check unchanged. Either already
        /// holds its value when Guardrails.props captures the central values, so the capture cannot tell it from a central
        /// one: the opt-outs (GRD310) and the central settings (GRD307/GRD308) both ask here, not the captured value.
        /// Returns null when the value was set in a file.
        /// </summary>
        internal static string? OutsideSource(IReadOnlyDictionary<string, string>? globals, string name, string? current, out string value)
        {
            if (globals != null && TryGet(globals, name, out value))
            {
                return GlobalSource;
            }

            // MSBuild turns environment variables into properties; a value that reached the check unchanged from the
            // environment was not set centrally (Directory.Build.props would have replaced it).
            string? env = Environment.GetEnvironmentVariable(name);
            if (env != null && current != null && env.Trim().Length > 0 && string.Equals(env.Trim(), current.Trim(), StringComparison.Ordinal))
            {
                value = env;
                return EnvironmentSource;
            }

            value = string.Empty;
            return null;
        }

        private static void CollectOptOuts(GuardrailsCheck task, CheckRequest request, IReadOnlyDictionary<string, string>? globals, CentralValues central, EvaluatedBuild? evaluated)
        {
            // Where a non-central value was set, as evaluation saw it: "file(line)" (a nested Directory.Build.props, a
            // package's build props, the project), else the generic wording.
            string Local(string key) =>
                evaluated != null && evaluated.Origins.TryGetValue(key, out string? origin) ? origin : ProjectSource;

            // An opt-out is central only when a central file set it: one given from outside is captured as "central" too
            // (it already holds its value at capture time), so the outside test comes first.
            void Switch(string name, string? current, string? centralValue)
            {
                if (!IsFalse(current))
                {
                    return;
                }

                string? outside = OutsideSource(globals, name, current, out _);
                if (outside != null || !IsFalse(centralValue))
                {
                    request.OptOuts.Add(new ExternalSetting(name, current!.Trim(), outside ?? Local(name)));
                }
            }

            // A target that switches a check off while the build runs (and may put it back before the check looks): an
            // opt-out wherever it stands, named at the target (adversary round 3, #4).
            if (evaluated != null)
            {
                foreach (EvaluatedBuild.Located target in evaluated.SettingWritingTargets)
                {
                    int eq = target.Detail.IndexOf('=');
                    string name = target.Detail.Substring(0, eq);
                    string value = target.Detail.Substring(eq + 1);
                    request.OptOuts.Add(new ExternalSetting(name, value, "the target '" + target.Name + "' at " + target.File + "(" + target.Line + ") while the build runs"));
                }
            }

            Switch("GuardrailsScanFiles", task.ScanFiles, central.ScanFiles);
            Switch("GuardrailsScanRepositoryFiles", task.ScanRepositoryFiles, central.ScanRepositoryFiles);
            Switch("GuardrailsCheckFootprints", task.CheckFootprints, central.CheckFootprints);

            var centralExcludes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string part in central.ScanExcludes.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                centralExcludes.Add(part.Trim());
            }

            foreach (ITaskItem item in task.ScanExcludes ?? new ITaskItem[0])
            {
                if (!centralExcludes.Contains(item.ItemSpec.Trim()))
                {
                    request.OptOuts.Add(new ExternalSetting("GuardrailsScanExclude", item.ItemSpec, Local("GuardrailsScanExclude:" + item.ItemSpec.Trim())));
                }
            }

            string? revision = task.RevisionStateFile?.Trim();
            string? revisionOutside = OutsideSource(globals, "GuardrailsRevisionStateFile", task.RevisionStateFile, out _);
            if (!string.IsNullOrEmpty(revision) && !string.IsNullOrWhiteSpace(task.DefaultRevisionStateFile) &&
                !SamePath(revision!, task.DefaultRevisionStateFile!) &&
                (revisionOutside != null || string.IsNullOrWhiteSpace(central.RevisionStateFile) || !SamePath(revision!, central.RevisionStateFile!)))
            {
                request.OptOuts.Add(new ExternalSetting("GuardrailsRevisionStateFile", revision!, revisionOutside ?? Local("GuardrailsRevisionStateFile")));
            }
        }

        private static string? CurrentValue(GuardrailsCheck task, string name) => name switch
        {
            "GuardrailsMode" => task.Mode,
            "GuardrailsPolicyPath" => task.PolicyPath,
            "GuardrailsPolicySha256" => task.PolicySha256,
            "ImportDirectoryBuildProps" => task.ImportDirectoryBuildProps,
            "_GuardrailsCentralMode" => task.CentralMode,
            "_GuardrailsCentralPolicyPath" => task.CentralPolicyPath,
            "_GuardrailsCentralPolicySha256" => task.CentralPolicySha256,
            _ => null,
        };

        private static bool TryGet(IReadOnlyDictionary<string, string> globals, string name, out string value)
        {
            foreach (KeyValuePair<string, string> pair in globals)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value ?? string.Empty;
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        private static bool IsFalse(string? value) => string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

        private static bool Mentions(string path, string text)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > 4 * 1024 * 1024)
                {
                    return false;
                }

                return File.ReadAllText(path).IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return false;
            }
        }

        private static bool SamePath(string a, string b)
        {
            try
            {
                StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                return string.Equals(Path.GetFullPath(a.Trim()), Path.GetFullPath(b.Trim()), comparison);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
            }
        }
    }
}
