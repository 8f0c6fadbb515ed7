using System;
using System.Linq;
using System.IO;
using System.Text;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Files;
using Guardrails.Core.Rules;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// The Guardrails check, run before CoreCompile: validates the central policy and the team manifest, logs every
    /// finding with a code, file(line,col) and a docs link, and writes the effective policy for the analyzers.
    /// Errors in Enforce mode fail the build; Audit mode logs the same findings as warnings.
    /// </summary>
    public sealed class GuardrailsCheck : Task
    {
        private const string Subcategory = "Guardrails";

        /// <summary>The instant the check runs at (waiver and approval expiry, the record's timestamps); tests fix it.</summary>
        internal Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        [Required]
        public string ProjectPath { get; set; } = string.Empty;

        public string? PolicyPath { get; set; }

        public string? PolicySha256 { get; set; }

        public string? Mode { get; set; }

        public string? ManifestPath { get; set; }

        /// <summary>Where the highest policy revision seen per policyId is kept (rollback detection, GRD303).</summary>
        public string? RevisionStateFile { get; set; }
        /// <summary>$(ProjectAssetsFile): obj/project.assets.json, for the package check.</summary>
        public string? ProjectAssetsFile { get; set; }

        /// <summary>
        /// $(TargetFramework) of this (inner) build: the effective policy the compiler gets records the restored packages
        /// and chains of this framework's target in the assets file, so a multi-targeted project is judged per framework.
        /// </summary>
        public string? TargetFramework { get; set; }

        /// <summary>$(GuardrailsCheckFootprints): "false" turns assistant footprint discovery off (default on).</summary>
        public string? CheckFootprints { get; set; }

        /// <summary>GuardrailsMode, GuardrailsPolicyPath and GuardrailsPolicySha256 as set centrally (captured before the project body).</summary>
        public string? CentralMode { get; set; }

        public string? CentralPolicyPath { get; set; }

        public string? CentralPolicySha256 { get; set; }

        /// <summary>@(PackageReference) when the check runs; the project's own evaluation replaces it inside MSBuild (GRD313).</summary>
        public ITaskItem[]? PackageReferences { get; set; }


        /// <summary>The folder of Guardrails' package ($(MSBuildThisFileDirectory).. of Guardrails.targets, a reserved property no
        /// build file can change): its build files alone may write Guardrails' record of the central settings.</summary>
        public string? PackageDirectory { get; set; }

        /// <summary>True when Guardrails.props captured the central values (otherwise the Central* inputs are ignored).</summary>
        public bool CentralSettingsCaptured { get; set; }

        public string? NoWarn { get; set; }

        public string? WarningsNotAsErrors { get; set; }

        public string? MSBuildWarningsAsMessages { get; set; }

        public string? MSBuildWarningsNotAsErrors { get; set; }

        /// <summary>@(EditorConfigFiles) and @(GlobalAnalyzerConfigFiles).</summary>
        public ITaskItem[]? AnalyzerConfigFiles { get; set; }

        /// <summary>@(Analyzer) as the compiler will get it.</summary>
        public ITaskItem[]? Analyzers { get; set; }

        public string? Language { get; set; }

        public string? RunAnalyzers { get; set; }

        public string? RunAnalyzersDuringBuild { get; set; }

        /// <summary>$(GuardrailsScanFiles), @(GuardrailsScanExclude) and the values Guardrails.props captured for them centrally.</summary>
        public string? ScanFiles { get; set; }

        public ITaskItem[]? ScanExcludes { get; set; }

        public string? CentralScanFiles { get; set; }

        public string? CentralScanExcludes { get; set; }

        public string? CentralCheckFootprints { get; set; }

        /// <summary>$(GuardrailsScanRepositoryFiles) ("false" drops the repository's CI and container files from the key scan) and its central value.</summary>
        public string? ScanRepositoryFiles { get; set; }

        public string? CentralScanRepositoryFiles { get; set; }

        public string? CentralRevisionStateFile { get; set; }

        /// <summary>Where the revision state file is by default; another value moves the rollback memory (an opt-out unless central).</summary>
        public string? DefaultRevisionStateFile { get; set; }

        /// <summary>$(ImportDirectoryBuildProps) and the Directory.Build.props above the project (whether or not MSBuild imported it).</summary>
        public string? ImportDirectoryBuildProps { get; set; }

        public string? DirectoryBuildPropsAbove { get; set; }

        /// <summary>$(BaseIntermediateOutputPath);$(IntermediateOutputPath);$(BaseOutputPath);$(OutputPath), relative to the project folder or full.</summary>
        public string? BuildOutputFolders { get; set; }

        /// <summary>Build files evaluated after Guardrails.props (the project file, Directory.Build.targets): checked for the internal capture properties.</summary>
        public ITaskItem[]? LateBuildFiles { get; set; }

        /// <summary>The scan selection's list of files kept back from the compiler (large ones are scanned here); empty when it did not run.</summary>
        public string? KeptBackList { get; set; }

        /// <summary>
        /// @(Compile) and @(AdditionalFiles): the files the compiler reads. Every other file git tracks in this project's part of
        /// the repository (and outside every project's part) is read by the check for self-identifying keys
        /// (<see cref="CommittedKeyFiles"/>); null (not passed): none is.
        /// </summary>
        public ITaskItem[]? CompilerFiles { get; set; }

        /// <summary>The assemblies the build copies to its output folder (ReferenceCopyLocalPaths, copied None/Content items).</summary>
        public ITaskItem[]? ShippedAssemblies { get; set; }

        /// <summary>
        /// Where to write the MSBuild files MSBuild imported for this project from inside the repository (one full path a
        /// line, from the check's own evaluation of the project): Guardrails.targets gives them to the key scan (GRD002) and
        /// makes them inputs of the next check. Empty: not written.
        /// </summary>
        public string? BuildFilesList { get; set; }

        /// <summary>Where to write the effective policy (an AdditionalFile for the analyzers).</summary>
        [Required]
        public string EffectivePolicyFile { get; set; } = string.Empty;

        /// <summary>Where to record what the check verified, for the post-compile verification (hashes only).</summary>
        public string? CheckedStateFile { get; set; }

        /// <summary>Where to write the audit record (guardrails.audit.json); empty = none.</summary>
        public string? AuditFile { get; set; }

        /// <summary>$(GuardrailsSarifPath): SARIF 2.1.0 of the findings; empty = none.</summary>
        public string? SarifFile { get; set; }

        /// <summary>$(GuardrailsCycloneDxPath): CycloneDX 1.6 AI-BOM; empty = none.</summary>
        public string? CycloneDxFile { get; set; }

        /// <summary>The mode the check actually ran in ("Enforce" or "Audit").</summary>
        [Output]
        public string EffectiveMode { get; set; } = "Enforce";

        public override bool Execute()
        {
            try
            {
                var request = new CheckRequest
                {
                    ProjectPath = ProjectPath,
                    PolicyPath = PolicyPath,
                    PolicySha256 = PolicySha256,
                    Mode = Mode,
                    ManifestPath = ManifestPath,
                    RevisionStateFile = RevisionStateFile,
                    CentralMode = CentralSettingsCaptured ? CentralMode ?? string.Empty : null,
                    CentralPolicyPath = CentralSettingsCaptured ? CentralPolicyPath ?? string.Empty : null,
                    CentralPolicySha256 = CentralSettingsCaptured ? CentralPolicySha256 ?? string.Empty : null,
                    NoWarn = NoWarn,
                    WarningsNotAsErrors = WarningsNotAsErrors,
                    MSBuildWarningsAsMessages = MSBuildWarningsAsMessages,
                    MSBuildWarningsNotAsErrors = MSBuildWarningsNotAsErrors,
                    AnalyzerConfigFiles = Paths(AnalyzerConfigFiles),
                    Analyzers = Paths(Analyzers),
                    Language = Language,
                    RunAnalyzers = RunAnalyzers,
                    RunAnalyzersDuringBuild = RunAnalyzersDuringBuild,
                    ProjectAssetsFile = ProjectAssetsFile,
                    PackageReferenceIds = PackageReferences == null ? null : Array.ConvertAll(PackageReferences, i => i.ItemSpec),
                    TargetFramework = TargetFramework,
                    ShippedAssemblies = Paths(ShippedAssemblies),
                    CheckFootprints = !string.Equals(CheckFootprints?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                    KeptBackListFile = KeptBackList,
                    LateBuildFiles = WithDirectoryBuildProps(Paths(LateBuildFiles), DirectoryBuildPropsAbove),
                    BuildOutputFolders = Integrity.CommittedBuildOutput.Folders(ProjectPath, BuildOutputFolders),
                    Now = Clock(),
                };
                if (!string.IsNullOrEmpty(ProjectPath))
                {
                    string projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;
                    string? root = Footprints.FootprintDiscovery.FindOutermostRepositoryRoot(projectDirectory, null);
                    System.Collections.Generic.HashSet<string>? tracked = root == null ? null : Footprints.GitIndex.TryReadTrackedPaths(root);
                    var packageFileProblems = new System.Collections.Generic.List<Finding>();
                    request.ScriptPackages = CommittedScriptPackages(root, tracked, packageFileProblems);
                    request.PackageFileProblems = packageFileProblems;
                    if (CompilerFiles != null && tracked != null && !string.Equals(ScanFiles?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
                    {
                        request.CommittedFiles = CommittedFilesToRead(root!, tracked, projectDirectory, request);
                    }
                }

                Reports.BuildProvenance.Identify(request, string.IsNullOrEmpty(ProjectPath) ? null : Path.GetDirectoryName(Path.GetFullPath(ProjectPath)), Environment.GetEnvironmentVariable);
                CentralSettingSources.Collect(this, request);
                if (!string.IsNullOrWhiteSpace(BuildFilesList) && request.RepositoryBuildFiles != null)
                {
                    WriteIfChanged(BuildFilesList!.Trim(), string.Concat(request.RepositoryBuildFiles.Select(f => f + "\n")));
                }

                CheckResult result = GuardrailsChecker.Run(request);
                foreach (Finding finding in result.Findings)
                {
                    LogFinding(finding, result.Enforce);
                }

                EffectiveMode = result.Effective.Mode;
                string effective = result.Effective.Write();
                WriteIfChanged(EffectivePolicyFile, effective);
                if (!string.IsNullOrWhiteSpace(CheckedStateFile))
                {
                    WriteIfChanged(CheckedStateFile!.Trim(), Integrity.CompileVerification.CheckedState(request, result, effective));
                }

                WriteReports(request, result);
                if (string.IsNullOrWhiteSpace(PolicyPath))
                {
                    Log.LogMessage(MessageImportance.Low, "Guardrails: no GuardrailsPolicyPath is set; only the secrets rules apply.");
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // Principle 3: never MSB4018. An internal failure fails closed with a code.
                Log.LogError(Subcategory, RuleIds.InternalError, RuleIds.InternalError, RuleCatalog.InternalError.HelpLink, ProjectPath, 0, 0, 0, 0,
                    "Guardrails could not complete its check ({0}). The build fails closed; please report this with the build log. ({1})", e.GetType().Name, RuleCatalog.InternalError.HelpLink);
            }

            return !Log.HasLoggedErrors;
        }

        private void LogFinding(Finding finding, bool enforce) => LogSafely(Log, finding, enforce);

        /// <summary>
        /// The one place Guardrails tasks log a finding. Messages quote untrusted text (property values, manifest and policy
        /// fields, file names), so every message and file name passes the redaction choke point (<see cref="SafeText"/>) here.
        /// </summary>
        internal static void LogSafely(TaskLoggingHelper log, Finding finding, bool enforce)
        {
            string message = SafeText.Clean(finding.Message) + " (" + finding.Rule.HelpLink + ")";
            string file = SafeText.Clean(finding.File);
            if (finding.IsError(enforce))
            {
                log.LogError(Subcategory, finding.Rule.Id, finding.Rule.Id, finding.Rule.HelpLink, file, finding.Line, finding.Column, 0, 0, "{0}", message);
            }
            else
            {
                log.LogWarning(Subcategory, finding.Rule.Id, finding.Rule.Id, finding.Rule.HelpLink, file, finding.Line, finding.Column, 0, 0, "{0}", message);
            }
        }

        private void WriteReports(CheckRequest request, CheckResult result)
        {
            string version = Policy.VersionRanges.GuardrailsVersion();
            WriteReport(AuditFile, "audit record", () => AuditRecord.Build(request, result, version), result.Enforce);
            WriteReport(SarifFile, "SARIF report (GuardrailsSarifPath)", () => SarifReport.Build(result, version), result.Enforce);
            WriteReport(CycloneDxFile, "CycloneDX AI-BOM (GuardrailsCycloneDxPath)", () => CycloneDxExport.Build(request, result, version), result.Enforce);
        }

        /// <summary>Writes one output; a failure is GRD309 (an error in Enforce mode: the owner must get the evidence).</summary>
        private void WriteReport(string? path, string what, Func<string> build, bool enforce)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return;
            }

            try
            {
                string full = Path.GetFullPath(path!.Trim());
                string? dir = Path.GetDirectoryName(full);
                if (!string.IsNullOrEmpty(dir))
                {
                    Directory.CreateDirectory(dir);
                }

                File.WriteAllText(full, build(), new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                string message = "Guardrails could not write its " + what + " to '" + path!.Trim() + "': " + e.GetType().Name + ". Check the path and permissions. (" + RuleCatalog.ReportNotWritten.HelpLink + ")";
                if (enforce)
                {
                    Log.LogError(Subcategory, RuleIds.ReportNotWritten, RuleIds.ReportNotWritten, RuleCatalog.ReportNotWritten.HelpLink, ProjectPath, 0, 0, 0, 0, "{0}", message);
                }
                else
                {
                    Log.LogWarning(Subcategory, RuleIds.ReportNotWritten, RuleIds.ReportNotWritten, RuleCatalog.ReportNotWritten.HelpLink, ProjectPath, 0, 0, 0, 0, "{0}", message);
                }
            }
        }

        /// <summary>The build files read for redefined or hooked Guardrails targets: the late ones and the Directory.Build.props MSBuild imports.</summary>
        private static string[] WithDirectoryBuildProps(string[] late, string? directoryBuildPropsDir)
        {
            if (string.IsNullOrWhiteSpace(directoryBuildPropsDir))
            {
                return late;
            }

            var all = new string[late.Length + 1];
            late.CopyTo(all, 0);
            all[late.Length] = Path.Combine(directoryBuildPropsDir!.Trim(), "Directory.Build.props");
            return all;
        }

        internal static string[] Paths(ITaskItem[]? items)
        {
            if (items == null)
            {
                return new string[0];
            }

            var paths = new string[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                string full = items[i].GetMetadata("FullPath");
                paths[i] = string.IsNullOrEmpty(full) ? items[i].ItemSpec : full;
            }

            return paths;
        }

        /// <summary>
        /// The committed files this project's check reads for self-identifying keys (<see cref="CommittedKeyFiles.Select"/>):
        /// not those the compiler reads, those the check scans otherwise (kept back from the compiler, assistant files it reads
        /// for credentials, the build files it lists for the compiler), nor those GuardrailsScanExclude names.
        /// </summary>
        private System.Collections.Generic.List<string> CommittedFilesToRead(string root, System.Collections.Generic.HashSet<string> tracked, string projectDirectory, CheckRequest request)
        {
            var skip = new System.Collections.Generic.HashSet<string>(Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            skip.UnionWith(Paths(CompilerFiles));
            skip.UnionWith(Paths(ScanExcludes));
            if (!string.IsNullOrWhiteSpace(KeptBackList) && File.Exists(KeptBackList!.Trim()))
            {
                foreach ((string _, long _, string path) in SkippedList.Parse(File.ReadAllText(KeptBackList!.Trim(), Encoding.UTF8)))
                {
                    skip.Add(path);
                }
            }

            if (request.CheckFootprints)
            {
                skip.UnionWith(Footprints.FootprintChecker.CredentialFiles(projectDirectory, ManifestPath));
            }

            bool projectFolderOnly = string.Equals(ScanRepositoryFiles?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            return CommittedKeyFiles.Select(root, tracked, ProjectPath, skip, projectFolderOnly);
        }

        internal static void WriteIfChanged(string path, string content)
        {
            // Rewriting an unchanged file would change its timestamp and force CoreCompile to run again.
            if (File.Exists(path) && string.Equals(File.ReadAllText(path, Encoding.UTF8), content, StringComparison.Ordinal))
            {
                return;
            }

            string? dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(path, content, new UTF8Encoding(false));
        }

        /// <summary>
        /// The scripts and notebooks committed in the repository <paramref name="root"/> (the outermost
        /// folder holding .git; paths git tracks, read from its index) and the packages they reference. Empty without a git
        /// index: a CI checkout always has one. The build's way to find them (no project includes a notebook). The same for
        /// the npm/PyPI package files (<see cref="Policy.PackageManifests"/>, issue 12 route R11): a front end or Python tooling
        /// committed beside the projects is the repository's code, built by no project; what is committed is what CI installs.
        /// And the inline tasks of every committed MSBuild file (adversary round 10 route 1b): what their code references is
        /// compiled and run inside the build, wherever the file is imported from.
        /// </summary>
        private static System.Collections.Generic.List<DeclaredPackage> CommittedScriptPackages(string? root, System.Collections.Generic.HashSet<string>? tracked, System.Collections.Generic.List<Finding> problems)
        {
            var packages = new System.Collections.Generic.List<DeclaredPackage>();
            if (tracked == null)
            {
                return packages;
            }

            var paths = new System.Collections.Generic.List<string>();
            foreach (string relative in tracked)
            {
                if (InteractiveScripts.IsScript(relative) || Policy.PackageManifests.IsManifest(relative) || MsBuildProjectFiles.IsMsBuildFile(relative) || Footprints.InstalledSdks.IsCommandFile(relative))
                {
                    paths.Add(relative);
                }
            }

            paths.AddRange(FileBasedAppCandidates(tracked));
            paths.Sort(StringComparer.Ordinal);
            foreach (string relative in paths)
            {
                string full = Path.Combine(root!, relative.Replace('/', Path.DirectorySeparatorChar));
                packages.AddRange(InteractiveScripts.IsScript(relative) ? InteractiveScripts.Read(full)
                    : MsBuildProjectFiles.IsMsBuildFile(relative) ? InteractiveScripts.ReadInlineTasks(full).Concat(Policy.UsingTaskAssemblies.Read(full)).ToList()
                    : relative.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? FileBasedApp.Read(full)?.RestoredPackages() ?? new System.Collections.Generic.List<DeclaredPackage>()
                    : Footprints.InstalledSdks.IsCommandFile(relative) ? Footprints.InstalledSdks.Read(full)
                    : Policy.PackageManifests.Read(full, problems));
                if (Footprints.InstalledSdks.IsNotebook(relative))
                {
                    packages.AddRange(Footprints.InstalledSdks.Read(full)); // a notebook's %pip install / !pip install lines (its #r above)
                }
            }

            return packages;
        }

        /// <summary>
        /// The committed .cs files that can be .NET 10 file-based apps (<c>dotnet run tool.cs</c>; adversary round 11 route 4's
        /// last part): those with no committed .csproj in their folder or above it. A .cs file inside a C# project's folder is
        /// compiled by that project, where a <c>#:</c> directive does not compile; so only the few outside every project are
        /// read, and the build judges their <c>#:package</c> and versioned <c>#:sdk</c> as the scan does.
        /// </summary>
        private static System.Collections.Generic.IEnumerable<string> FileBasedAppCandidates(System.Collections.Generic.HashSet<string> tracked)
        {
            var projectFolders = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            foreach (string relative in tracked)
            {
                if (relative.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    int slash = relative.LastIndexOf('/');
                    projectFolders.Add(slash < 0 ? string.Empty : relative.Substring(0, slash));
                }
            }

            if (projectFolders.Contains(string.Empty))
            {
                yield break; // a project at the root compiles every .cs file of the repository
            }

            foreach (string relative in tracked)
            {
                if (!relative.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                bool inProject = false;
                for (int slash = relative.LastIndexOf('/'); slash > 0 && !inProject; slash = relative.LastIndexOf('/', slash - 1))
                {
                    inProject = projectFolders.Contains(relative.Substring(0, slash));
                }

                if (!inProject)
                {
                    yield return relative;
                }
            }
        }
    }
}
