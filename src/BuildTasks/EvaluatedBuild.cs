using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// What MSBuild really evaluated for this project, asked of MSBuild itself instead of read from the text of a few build
    /// files or from properties a target can rewrite. The check evaluates the project file again, in-process, with the same
    /// global properties (no target runs in an evaluation), and reads:
    /// <list type="bullet">
    /// <item>the central value of each central setting: the last definition of the property in a central file, i.e. the
    /// Directory.Build.props MSBuild imported and the package props NuGet's nuget.g.props imports (each with the files they
    /// import), whatever order NuGet imported Guardrails and the policy package in;</item>
    /// <item>every file that defines one of Guardrails' own <c>_GuardrailsCentral*</c> properties outside Guardrails' package
    /// (any import depth: a file imported by Directory.Build.targets, a package's build targets, a conditional import);</item>
    /// <item>the values Guardrails' capture had at the end of evaluation, to compare with what the check received (a
    /// target that rewrote them at run time), and the targets, in any imported file, that write them;</item>
    /// <item>targets, in any imported file, that redefine one of Guardrails' targets or hook its verification.</item>
    /// </list>
    /// Only <see cref="Evaluate"/> touches the Microsoft.Build engine assembly; callers catch a host without it.
    /// </summary>
    internal sealed class EvaluatedBuild
    {
        /// <summary>The settings only a central file may set (docs/rollout.md, "Who may set what"), with their capture property.</summary>
        internal static readonly string[][] CentralSettings =
        {
            new[] { "GuardrailsMode", "_GuardrailsCentralMode" },
            new[] { "GuardrailsPolicyPath", "_GuardrailsCentralPolicyPath" },
            new[] { "GuardrailsPolicySha256", "_GuardrailsCentralPolicySha256" },
            new[] { "GuardrailsScanFiles", "_GuardrailsCentralScanFiles" },
            new[] { "GuardrailsCheckFootprints", "_GuardrailsCentralCheckFootprints" },
            new[] { "GuardrailsScanRepositoryFiles", "_GuardrailsCentralScanRepositoryFiles" },
            new[] { "GuardrailsRevisionStateFile", "_GuardrailsCentralRevisionStateFile" },
        };

        /// <summary>Central value per setting name ("" when no central file sets it).</summary>
        public Dictionary<string, string> Central { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>GuardrailsScanExclude items a central file adds.</summary>
        public List<string> CentralScanExcludes { get; } = new List<string>();

        /// <summary>The capture properties (_GuardrailsCentral*) as evaluation left them, name to value.</summary>
        public Dictionary<string, string> Captured { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>_GuardrailsCentralScanExclude items as evaluation left them.</summary>
        public List<string> CapturedScanExcludes { get; } = new List<string>();

        /// <summary>Definitions of a _GuardrailsCentral* property outside Guardrails' package: file, line, property name.</summary>
        public List<Located> ForgedCapture { get; } = new List<Located>();

        /// <summary>Definitions of any other _Guardrails* property or item outside Guardrails' package: file, line, name.</summary>
        public List<Located> ForgedInternal { get; } = new List<Located>();

        /// <summary>Targets outside Guardrails' package that write any other _Guardrails* property or item at run time.</summary>
        public List<Located> InternalWritingTargets { get; } = new List<Located>();

        /// <summary>Targets outside Guardrails' package that write a _GuardrailsCentral* property or item at run time.</summary>
        public List<Located> CaptureWritingTargets { get; } = new List<Located>();

        /// <summary>Targets outside Guardrails' package named like one of Guardrails' targets (they replace it).</summary>
        public List<Located> RedefinedTargets { get; } = new List<Located>();

        /// <summary>Targets outside Guardrails' package hooked (BeforeTargets/AfterTargets) to Guardrails' verification.</summary>
        public List<Located> HookedTargets { get; } = new List<Located>();

        /// <summary>The ids of the PackageReference items evaluation produced (no target can take one away before the check).</summary>
        public List<string> PackageReferenceIds { get; } = new List<string>();

        /// <summary>
        /// The repository's own Directory.Build.props (the topmost on disk between the project and the repository root) when
        /// MSBuild did not import it: a nearer one that does not import it hides it from this project (null otherwise).
        /// </summary>
        public string? UnimportedRepositoryProps { get; set; }

        /// <summary>Definitions of GuardrailsPolicyPath in the props of more than one package (other than Guardrails'): each
        /// package's last one (Detail: the package folder). Empty when at most one package names the policy.</summary>
        public List<Located> CompetingPolicyPaths { get; } = new List<Located>();

        /// <summary>
        /// The package holding the central policy file when it was restored from a feed inside the repository (Detail: the
        /// feed folder): its props are not central (adversary round 5 #1), GRD308.
        /// </summary>
        public List<Located> RepositoryFedPolicyPackages { get; } = new List<Located>();

        /// <summary>The central files found (Directory.Build.props and package props, with what they import).</summary>
        public List<string> CentralFiles { get; } = new List<string>();

        /// <summary>
        /// Global properties (the command line, a response file) naming a central setting, left out of this evaluation so
        /// that the central value is what the central files say: MSBuild ignores every file's definition of a property
        /// given globally, so with them the evaluation could only repeat the command line.
        /// </summary>
        public HashSet<string> IgnoredGlobals { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Every MSBuild file MSBuild imported for this project from inside the repository (the project file itself, a
        /// Directory.Build.props, an eng/*.props or *.targets imported from either, a .csproj.user), once each, in import
        /// order; not Guardrails' package, the NuGet packages folder, NuGet's generated obj/*.nuget.g.* files nor anything
        /// outside the repository (the SDK). Their property values flow into what the build generates and ships, so the key
        /// scan reads them (GRD002 at the file, line and column).
        /// </summary>
        public List<string> RepositoryBuildFiles { get; } = new List<string>();

        /// <summary>
        /// Where a central setting (or a GuardrailsScanExclude item, by its value) got its final value when that was not a
        /// central file: "file(line)". The opt-out findings (GRD310) name it.
        /// </summary>
        public Dictionary<string, string> Origins { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Targets outside Guardrails' package that write a setting only a central file may set (an opt-out switched
        /// off at run time, for part of the build, and perhaps put back before the check).</summary>
        public List<Located> SettingWritingTargets { get; } = new List<Located>();

        internal sealed class Located
        {
            public Located(string file, int line, int column, string name, string detail)
            {
                File = file;
                Line = line;
                Column = column;
                Name = name;
                Detail = detail;
            }

            public string File { get; }

            public int Line { get; }

            public int Column { get; }

            /// <summary>The property or target name.</summary>
            public string Name { get; }

            /// <summary>For a target: the property it writes or the Guardrails target it hooks.</summary>
            public string Detail { get; }
        }

        /// <summary>
        /// Evaluates <paramref name="projectPath"/> with <paramref name="globalProperties"/>. <paramref name="packageRoot"/> is
        /// the folder of Guardrails' package (its build/ and buildTransitive/ files may write the capture).
        /// </summary>
        public static EvaluatedBuild Evaluate(string projectPath, IReadOnlyDictionary<string, string>? globalProperties, string packageRoot)
        {
            var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var ignored = new List<string>();
            if (globalProperties != null)
            {
                foreach (KeyValuePair<string, string> pair in globalProperties)
                {
                    if (IsCentralName(pair.Key))
                    {
                        ignored.Add(pair.Key);
                        continue;
                    }

                    globals[pair.Key] = pair.Value ?? string.Empty;
                }
            }

            var collection = new ProjectCollection(globals);
            try
            {
                Project project = collection.LoadProject(projectPath, globals, null);
                EvaluatedBuild result = Read(project, packageRoot);
                result.IgnoredGlobals.UnionWith(ignored);
                return result;
            }
            finally
            {
                collection.UnloadAllProjects();
                collection.Dispose();
            }
        }

        /// <summary>
        /// A name only the central files may set (<see cref="CentralSettingSources.CentralNames"/>, the opt-outs, Guardrails'
        /// own capture properties): given as a global property it is reported (GRD307, GRD308, GRD310) and left out of the
        /// evaluation, so the build is judged under the central values.
        /// </summary>
        internal static bool IsCentralName(string name)
        {
            if (name.StartsWith(CentralSettingSources.InternalPrefix, StringComparison.OrdinalIgnoreCase) ||
                Array.Exists(CentralSettingSources.CentralNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            return Array.Exists(CentralSettings, s => string.Equals(s[0], name, StringComparison.OrdinalIgnoreCase));
        }

        private static EvaluatedBuild Read(Project project, string packageRoot)
        {
            var result = new EvaluatedBuild();
            HashSet<string> central = CentralFileSet(project, packageRoot, out string? unimported, result.CompetingPolicyPaths, result.RepositoryFedPolicyPackages);
            result.UnimportedRepositoryProps = unimported;
            result.CentralFiles.AddRange(central);
            string projectDirectory = project.DirectoryPath;
            result.RepositoryBuildFiles.AddRange(RepositoryFiles(project, packageRoot));

            foreach (string[] setting in CentralSettings)
            {
                ProjectProperty? last = project.GetProperty(setting[0]);
                if (last?.Xml != null && !central.Contains(Normalize(last.Xml.ContainingProject.FullPath)))
                {
                    result.Origins[setting[0]] = last.Xml.ContainingProject.FullPath + "(" + last.Xml.Location.Line + ")";
                }

                string value = CentralValue(last, central) ?? string.Empty;
                if (setting[0] == "GuardrailsPolicyPath" && value.Trim().Length > 0)
                {
                    // As Guardrails.targets makes the path the check receives: full, relative to the project folder.
                    value = FullPath(projectDirectory, value.Trim());
                }

                result.Central[setting[0]] = value;
            }

            foreach (ProjectItem item in project.GetItems("GuardrailsScanExclude"))
            {
                if (item.Xml != null && central.Contains(Normalize(item.Xml.ContainingProject.FullPath)))
                {
                    result.CentralScanExcludes.Add(item.EvaluatedInclude);
                }
                else if (item.Xml != null)
                {
                    result.Origins["GuardrailsScanExclude:" + item.EvaluatedInclude] = item.Xml.ContainingProject.FullPath + "(" + item.Xml.Location.Line + ")";
                }
            }

            foreach (ProjectItem item in project.GetItems("PackageReference"))
            {
                result.PackageReferenceIds.Add(item.EvaluatedInclude);
            }

            foreach (ProjectProperty property in project.AllEvaluatedProperties)
            {
                if (property.Name.StartsWith(CentralSettingSources.InternalPrefix, StringComparison.OrdinalIgnoreCase) &&
                    !result.Captured.ContainsKey(property.Name))
                {
                    ProjectProperty? final = project.GetProperty(property.Name);
                    result.Captured[property.Name] = final?.EvaluatedValue ?? string.Empty;
                    for (ProjectProperty? p = final; p != null; p = p.Predecessor)
                    {
                        if (p.Xml != null && !InPackage(p.Xml.ContainingProject.FullPath, packageRoot))
                        {
                            result.ForgedCapture.Add(new Located(p.Xml.ContainingProject.FullPath, p.Xml.Location.Line, p.Xml.Location.Column, p.Name, string.Empty));
                        }
                    }
                }
            }

            foreach (ProjectProperty property in project.AllEvaluatedProperties)
            {
                if (IsOtherInternal(property.Name) && property.Xml != null && !InPackage(property.Xml.ContainingProject.FullPath, packageRoot))
                {
                    result.ForgedInternal.Add(new Located(property.Xml.ContainingProject.FullPath, property.Xml.Location.Line, property.Xml.Location.Column, property.Name, string.Empty));
                }
            }

            foreach (ProjectItem item in project.AllEvaluatedItems)
            {
                if (IsOtherInternal(item.ItemType) && item.Xml != null && !InPackage(item.Xml.ContainingProject.FullPath, packageRoot))
                {
                    result.ForgedInternal.Add(new Located(item.Xml.ContainingProject.FullPath, item.Xml.Location.Line, item.Xml.Location.Column, item.ItemType, string.Empty));
                }
            }

            foreach (ProjectItem item in project.GetItems("_GuardrailsCentralScanExclude"))
            {
                result.CapturedScanExcludes.Add(item.EvaluatedInclude);
                if (item.Xml != null && !InPackage(item.Xml.ContainingProject.FullPath, packageRoot))
                {
                    result.ForgedCapture.Add(new Located(item.Xml.ContainingProject.FullPath, item.Xml.Location.Line, item.Xml.Location.Column, "_GuardrailsCentralScanExclude", string.Empty));
                }
            }

            foreach (KeyValuePair<string, ProjectTargetInstance> pair in project.Targets)
            {
                ProjectTargetInstance target = pair.Value;
                if (InPackage(target.FullPath, packageRoot))
                {
                    continue;
                }

                if (Array.Exists(Integrity.TargetOverrides.GuardrailsTargets, t => string.Equals(t, target.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    result.RedefinedTargets.Add(new Located(target.FullPath, target.Location.Line, target.Location.Column, target.Name, string.Empty));
                }

                foreach (string hooked in Split(target.BeforeTargets).Concat(Split(target.AfterTargets)))
                {
                    if (Array.Exists(Integrity.TargetOverrides.VerificationTargets, t => string.Equals(t, hooked, StringComparison.OrdinalIgnoreCase)))
                    {
                        result.HookedTargets.Add(new Located(target.FullPath, target.Location.Line, target.Location.Column, target.Name, hooked));
                    }
                }

                foreach (ProjectTargetInstanceChild child in target.Children)
                {
                    if (child is ProjectPropertyGroupTaskInstance group)
                    {
                        foreach (ProjectPropertyGroupTaskPropertyInstance property in group.Properties)
                        {
                            if (property.Name.StartsWith(CentralSettingSources.InternalPrefix, StringComparison.OrdinalIgnoreCase))
                            {
                                result.CaptureWritingTargets.Add(new Located(target.FullPath, property.Location.Line, property.Location.Column, target.Name, property.Name));
                            }
                            else if (IsOtherInternal(property.Name))
                            {
                                result.InternalWritingTargets.Add(new Located(target.FullPath, property.Location.Line, property.Location.Column, target.Name, property.Name));
                            }
                            else if (IsOptOutSetting(property.Name) && !string.Equals(property.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                            {
                                // Adversary round 3 #4: GuardrailsScanFiles=false in a target before CoreCompile, put back
                                // after the scan selection, so the check saw "true". Writing "true" is stricter: allowed.
                                result.SettingWritingTargets.Add(new Located(target.FullPath, property.Location.Line, property.Location.Column, target.Name, property.Name + "=" + property.Value));
                            }
                        }
                    }
                    else if (child is ProjectItemGroupTaskInstance items)
                    {
                        foreach (ProjectItemGroupTaskItemInstance item in items.Items)
                        {
                            if (item.ItemType.StartsWith(CentralSettingSources.InternalPrefix, StringComparison.OrdinalIgnoreCase))
                            {
                                result.CaptureWritingTargets.Add(new Located(target.FullPath, item.Location.Line, item.Location.Column, target.Name, item.ItemType));
                            }
                            else if (IsOtherInternal(item.ItemType))
                            {
                                result.InternalWritingTargets.Add(new Located(target.FullPath, item.Location.Line, item.Location.Column, target.Name, item.ItemType));
                            }
                            else if (string.Equals(item.ItemType, "GuardrailsScanExclude", StringComparison.OrdinalIgnoreCase) && item.Include.Trim().Length > 0)
                            {
                                result.SettingWritingTargets.Add(new Located(target.FullPath, item.Location.Line, item.Location.Column, target.Name, "GuardrailsScanExclude=" + item.Include));
                            }
                        }
                    }
                    else if (child is ProjectTaskInstance task)
                    {
                        foreach (ProjectTaskInstanceChild output in task.Outputs)
                        {
                            string? name = (output as ProjectTaskOutputPropertyInstance)?.PropertyName ?? (output as ProjectTaskOutputItemInstance)?.ItemType;
                            if (name != null && name.StartsWith(CentralSettingSources.InternalPrefix, StringComparison.OrdinalIgnoreCase))
                            {
                                result.CaptureWritingTargets.Add(new Located(target.FullPath, output.Location.Line, output.Location.Column, target.Name, name));
                            }
                            else if (name != null && IsOtherInternal(name))
                            {
                                result.InternalWritingTargets.Add(new Located(target.FullPath, output.Location.Line, output.Location.Column, target.Name, name));
                            }
                            else if (name != null && (IsOptOutSetting(name) || string.Equals(name, "GuardrailsScanExclude", StringComparison.OrdinalIgnoreCase)))
                            {
                                result.SettingWritingTargets.Add(new Located(target.FullPath, output.Location.Line, output.Location.Column, target.Name, name + "=(the output of a task)"));
                            }
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>A Guardrails-internal name other than the capture (_GuardrailsCentral*, judged on its own).</summary>
        private static bool IsOtherInternal(string name) =>
            name.StartsWith(CentralSettingSources.AnyInternalPrefix, StringComparison.OrdinalIgnoreCase) &&
            !name.StartsWith(CentralSettingSources.InternalPrefix, StringComparison.OrdinalIgnoreCase);

        /// <summary>The switches that turn a check off (GRD310 when not set centrally).</summary>
        internal static readonly string[] OptOutSettings = { "GuardrailsScanFiles", "GuardrailsCheckFootprints", "GuardrailsScanRepositoryFiles", "GuardrailsRevisionStateFile" };

        private static bool IsOptOutSetting(string name) => Array.Exists(OptOutSettings, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The value of the last definition of the property in a central file (null when none).</summary>
        private static string? CentralValue(ProjectProperty? property, HashSet<string> central)
        {
            for (ProjectProperty? p = property; p != null; p = p.Predecessor)
            {
                if (p.Xml != null && central.Contains(Normalize(p.Xml.ContainingProject.FullPath)))
                {
                    return p.EvaluatedValue;
                }
            }

            return null;
        }

        /// <summary>
        /// The central files (docs/rollout.md, "Who may set what"), each with every file imported from it (any depth); only
        /// files MSBuild really imported count (a false import condition imports nothing):
        /// <list type="bullet">
        /// <item>the repository's Directory.Build.props: the topmost file of that name MSBuild imported from the project's
        /// folder or one above it. A nested Directory.Build.props in a team's folder that imports the repository's one is
        /// not central, nor is a file MSBuild was told to look for instead (<c>_DirectoryBuildPropsFile</c>): their own
        /// settings are local (adversary round 3, #3);</item>
        /// <item>of the package props nuget.g.props imports, Guardrails' own and the policy package's: the package whose
        /// folder holds the policy file the central <c>GuardrailsPolicyPath</c> names. Any other package's build props are
        /// not central, whatever NuGet's import order (adversary round 3, #11: a repository-local package setting the
        /// opt-outs was recorded as central).</item>
        /// </list>
        /// </summary>
        private static HashSet<string> CentralFileSet(Project project, string packageRoot, out string? unimported, List<Located> competing, List<Located> repositoryFed)
        {
            unimported = null;
            var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var imported = new HashSet<string>(StringComparer.Ordinal);
            foreach (ResolvedImport import in project.Imports)
            {
                string from = Normalize(import.ImportingElement.ContainingProject.FullPath);
                if (!children.TryGetValue(from, out List<string>? list))
                {
                    list = new List<string>();
                    children[from] = list;
                }

                string file = Normalize(import.ImportedProject.FullPath);
                list.Add(file);
                imported.Add(file);
            }

            var central = new HashSet<string>(StringComparer.Ordinal);
            string? directoryBuildProps = RepositoryDirectoryBuildProps(project, imported, out unimported);
            if (directoryBuildProps != null)
            {
                AddTree(central, directoryBuildProps, children);
            }

            string extensions = project.GetPropertyValue("MSBuildProjectExtensionsPath");
            if (extensions.Trim().Length == 0)
            {
                return central;
            }

            string nugetProps = Normalize(Path.Combine(FullPath(project.DirectoryPath, extensions.Trim()), Path.GetFileName(project.FullPath) + ".nuget.g.props"));
            if (!imported.Contains(nugetProps))
            {
                return central;
            }

            central.Add(nugetProps);
            var packages = children.TryGetValue(nugetProps, out List<string>? packageProps) ? packageProps : new List<string>();
            var candidates = new List<(string Props, HashSet<string> Tree)>();
            foreach (string props in packages)
            {
                var tree = new HashSet<string>(StringComparer.Ordinal);
                AddTree(tree, props, children);
                if (InPackage(props, packageRoot))
                {
                    central.UnionWith(tree);
                }
                else
                {
                    candidates.Add((props, tree));
                }
            }

            // The policy package: the one holding the policy file that the central files (counting every package that
            // sets the path) name.
            var withCandidates = new HashSet<string>(central, StringComparer.Ordinal);
            foreach ((string _, HashSet<string> tree) in candidates)
            {
                withCandidates.UnionWith(tree);
            }

            // One package may name the policy. A second package that sets the path too (to a byte-identical copy of the
            // published file, imported after the policy package: adversary round 4 #13) would make itself "the policy
            // package" and its opt-outs central: every package setting it is listed, and more than one is GRD308.
            var setters = new Dictionary<string, Located>(StringComparer.Ordinal);
            for (ProjectProperty? p = project.GetProperty("GuardrailsPolicyPath"); p != null; p = p.Predecessor)
            {
                if (p.Xml == null)
                {
                    continue;
                }

                string file = Normalize(p.Xml.ContainingProject.FullPath);
                foreach ((string props, HashSet<string> tree) in candidates)
                {
                    if (tree.Contains(file))
                    {
                        string package = PackageFolder(props) ?? props;
                        if (!setters.ContainsKey(package))
                        {
                            setters[package] = new Located(p.Xml.ContainingProject.FullPath, p.Xml.Location.Line, p.Xml.Location.Column, "GuardrailsPolicyPath", package);
                        }
                    }
                }
            }

            if (setters.Count > 1)
            {
                competing.AddRange(setters.Values);
            }

            string policyPath = CentralValue(project.GetProperty("GuardrailsPolicyPath"), withCandidates) ?? string.Empty;
            if (policyPath.Trim().Length == 0)
            {
                return central;
            }

            string policy = Normalize(FullPath(project.DirectoryPath, policyPath.Trim()));
            foreach ((string props, HashSet<string> tree) in candidates)
            {
                string? folder = PackageFolder(props);
                if (folder != null && policy.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, PathComparison))
                {
                    // A package restored from a feed inside the repository is the repository's own, whatever its id and
                    // version: a look-alike of the policy package (same id, same version, the published policy byte for byte,
                    // opt-outs in its props: adversary round 5 #1) would make its props central. Not central; GRD308.
                    string? localSource = RepositorySource(folder, project.DirectoryPath);
                    if (localSource != null)
                    {
                        repositoryFed.Add(new Located(props, 0, 0, "GuardrailsPolicyPath", localSource));
                        continue;
                    }

                    central.UnionWith(tree);
                }
            }

            return central;
        }

        /// <summary>The topmost Directory.Build.props MSBuild imported from the project's folder or a folder above it.</summary>
        private static string? RepositoryDirectoryBuildProps(Project project, HashSet<string> imported, out string? unimported)
        {
            unimported = null;
            if (string.Equals(project.GetPropertyValue("ImportDirectoryBuildProps").Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string projectDirectory = Normalize(project.DirectoryPath).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

            // Within the repository (the outermost folder holding .git) when it has one: a Directory.Build.props above the
            // clone that the repository's own chains to is not the repository's.
            string? repository = Footprints.FootprintDiscovery.FindOutermostRepositoryRoot(project.DirectoryPath, null);
            string? repositoryPrefix = repository == null ? null : Normalize(repository).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

            // The repository's own file is the topmost one on disk between the project and the repository root. A team
            // folder's Directory.Build.props that does not import it stops MSBuild's search there (adversary round 4 #1):
            // then nothing MSBuild imported is central, and its settings are judged as local ones.
            if (repositoryPrefix != null)
            {
                string? onDisk = null;
                for (string? dir = project.DirectoryPath; dir != null; dir = Path.GetDirectoryName(dir))
                {
                    string folder = Normalize(dir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                    if (!folder.StartsWith(repositoryPrefix, PathComparison))
                    {
                        break;
                    }

                    string candidate = Path.Combine(dir, "Directory.Build.props");
                    if (File.Exists(candidate))
                    {
                        onDisk = Normalize(candidate);
                    }
                }

                if (onDisk != null && !imported.Contains(onDisk))
                {
                    unimported = onDisk;
                    return null;
                }
            }

            return Topmost(imported, projectDirectory, repositoryPrefix) ?? Topmost(imported, projectDirectory, null);
        }

        private static string? Topmost(HashSet<string> imported, string projectDirectory, string? within)
        {
            string? best = null;
            int bestLength = int.MaxValue;
            foreach (string file in imported)
            {
                if (!string.Equals(Path.GetFileName(file), "Directory.Build.props", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string folder = (Path.GetDirectoryName(file) ?? string.Empty).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (projectDirectory.StartsWith(folder, PathComparison) && (within == null || folder.StartsWith(within, PathComparison)) && folder.Length < bestLength)
                {
                    best = file;
                    bestLength = folder.Length;
                }
            }

            return best;
        }

        /// <summary>The folder of the restored package (…/id/version) holding a build/, buildTransitive/ or buildMultiTargeting/ file.</summary>
        /// <summary>
        /// The feed a restored package came from (NuGet's <c>.nupkg.metadata</c> in the package folder, "source") when it is
        /// a folder inside the project's git repository (the nearest folder above the project holding <c>.git</c>); null
        /// when the source is remote, outside the repository, unknown, or there is no repository.
        /// </summary>
        internal static string? RepositorySource(string packageFolder, string projectDirectory)
        {
            try
            {
                // The package folder itself committed in the repository (RestorePackagesPath pointed at a pre-extracted copy:
                // its .nupkg.metadata is then the repository's own text too). A packages folder inside the work tree that
                // is restored at build time (a CI cache location) is not committed and is judged by its source below.
                string? committed = CommittedFolder(packageFolder, RepositoryRoot(projectDirectory));
                if (committed != null)
                {
                    return committed;
                }

                string metadata = Path.Combine(packageFolder, ".nupkg.metadata");
                if (!File.Exists(metadata) || new FileInfo(metadata).Length > 1024 * 1024)
                {
                    return null;
                }

                Core.Json.JsonNode root = Core.Json.JsonReader.Parse(File.ReadAllText(metadata));
                string? source = root["source"]?.Text?.Trim();
                if (string.IsNullOrEmpty(source))
                {
                    return null;
                }

                string? local = null;
                if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && uri.IsFile)
                {
                    local = uri.LocalPath;
                }
                else if (Path.IsPathRooted(source))
                {
                    local = source;
                }

                string? repository = RepositoryRoot(projectDirectory);
                if (local == null || repository == null)
                {
                    return null;
                }

                string full = Normalize(Path.GetFullPath(local)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                string root2 = Normalize(repository).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                return full.StartsWith(root2, PathComparison) ? local : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is Core.Json.JsonParseException)
            {
                return null;
            }
        }

        /// <summary>
        /// <paramref name="folder"/> when it lies under <paramref name="repository"/> and git tracks a file in it (or the
        /// index cannot be read, so that cannot be ruled out); else null.
        /// </summary>
        private static string? CommittedFolder(string folder, string? repository)
        {
            if (repository == null)
            {
                return null;
            }

            string root = Normalize(repository).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string full = Normalize(Path.GetFullPath(folder)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!full.StartsWith(root, PathComparison))
            {
                return null;
            }

            string relative = full.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/');
            HashSet<string>? tracked = Footprints.GitIndex.TryReadTrackedPaths(repository);
            if (tracked == null)
            {
                return folder;
            }

            foreach (string path in tracked)
            {
                if (path.StartsWith(relative, StringComparison.OrdinalIgnoreCase))
                {
                    return folder;
                }
            }

            return null;
        }

        private static string? RepositoryRoot(string directory)
        {
            for (string? dir = directory; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                string git = Path.Combine(dir, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return dir;
                }
            }

            return null;
        }

        private static string? PackageFolder(string props)
        {
            string? dir = Path.GetDirectoryName(props);
            for (int i = 0; i < 3 && dir != null; i++)
            {
                string name = Path.GetFileName(dir);
                if (string.Equals(name, "build", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "buildTransitive", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(name, "buildMultiTargeting", StringComparison.OrdinalIgnoreCase))
                {
                    return Path.GetDirectoryName(dir);
                }

                dir = Path.GetDirectoryName(dir);
            }

            return null;
        }

        private static void AddTree(HashSet<string> set, string root, Dictionary<string, List<string>> children)
        {
            var queue = new Queue<string>();
            if (set.Add(root))
            {
                queue.Enqueue(root);
            }

            while (queue.Count > 0)
            {
                string file = queue.Dequeue();
                if (children.TryGetValue(file, out List<string>? list))
                {
                    foreach (string child in list)
                    {
                        if (set.Add(child))
                        {
                            queue.Enqueue(child);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The project file and every file MSBuild imported for it that lies inside the repository (the outermost folder
        /// holding .git above the project; without one, the folder of the Directory.Build.props MSBuild imported, else the
        /// project folder), in import order, each once.
        /// </summary>
        private static List<string> RepositoryFiles(Project project, string packageRoot)
        {
            var files = new List<string>();
            string projectDirectory = project.DirectoryPath;
            string? root = Footprints.FootprintDiscovery.FindOutermostRepositoryRoot(projectDirectory, null);
            if (root == null)
            {
                string directoryBuildProps = project.GetPropertyValue("DirectoryBuildPropsPath").Trim();
                string? propsDirectory = directoryBuildProps.Length == 0 ? null : Path.GetDirectoryName(FullPath(projectDirectory, directoryBuildProps));
                root = propsDirectory != null && Under(projectDirectory, propsDirectory) ? propsDirectory : projectDirectory;
            }

            var excluded = new List<string> { packageRoot };
            string packages = project.GetPropertyValue("NuGetPackageRoot").Trim();
            if (packages.Length > 0)
            {
                excluded.Add(FullPath(projectDirectory, packages));
            }

            string extensions = project.GetPropertyValue("MSBuildProjectExtensionsPath").Trim();
            string generatedPrefix = extensions.Length == 0 ? string.Empty
                : Normalize(Path.Combine(FullPath(projectDirectory, extensions), Path.GetFileName(project.FullPath) + ".nuget.g."));

            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string file)
            {
                string normalized = Normalize(file);
                if (!Under(file, root!) || excluded.Exists(e => e.Trim().Length > 0 && Under(file, e)) ||
                    (generatedPrefix.Length > 0 && normalized.StartsWith(generatedPrefix, PathComparison)) ||
                    !seen.Add(normalized) || !File.Exists(file))
                {
                    return;
                }

                files.Add(Path.GetFullPath(file));
            }

            Add(project.FullPath);
            foreach (ResolvedImport import in project.Imports)
            {
                Add(import.ImportedProject.FullPath);
            }

            return files;
        }

        /// <summary>True when <paramref name="file"/> is <paramref name="folder"/> or inside it.</summary>
        private static bool Under(string file, string folder)
        {
            string f = Normalize(file);
            string d = Normalize(folder).TrimEnd(Path.DirectorySeparatorChar);
            return string.Equals(f, d, PathComparison) || f.StartsWith(d + Path.DirectorySeparatorChar, PathComparison);
        }

        private static IEnumerable<string> Split(string? value)
        {
            foreach (string part in (value ?? string.Empty).Split(';'))
            {
                string name = part.Trim();
                if (name.Length > 0)
                {
                    yield return name;
                }
            }
        }

        internal static bool InPackage(string file, string packageRoot)
        {
            if (string.IsNullOrEmpty(file) || string.IsNullOrEmpty(packageRoot))
            {
                return false;
            }

            string root = Normalize(packageRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return Normalize(file).StartsWith(root, PathComparison);
        }

        private static StringComparison PathComparison => Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private static string FullPath(string directory, string path)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(directory, path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }

        private static string Normalize(string path)
        {
            try
            {
                string full = Path.GetFullPath(path);
                return Path.DirectorySeparatorChar == '\\' ? full.ToUpperInvariant() : full;
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }
    }
}
