using System;
using System.IO;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>Everything the check needs from MSBuild, as plain values (so the engine is testable without MSBuild).</summary>
    public sealed class CheckRequest
    {
        /// <summary>Full path of the project file; findings with no better location point here.</summary>
        public string ProjectPath { get; set; } = string.Empty;

        /// <summary>$(GuardrailsPolicyPath): the central policy. Empty means no governance configured.</summary>
        public string? PolicyPath { get; set; }

        /// <summary>$(GuardrailsPolicySha256): the expected hash of the policy file, if pinned.</summary>
        public string? PolicySha256 { get; set; }

        /// <summary>$(GuardrailsMode): "Enforce" (default) or "Audit".</summary>
        public string? Mode { get; set; }

        /// <summary>$(GuardrailsManifestPath): the team manifest, or empty when none was found.</summary>
        public string? ManifestPath { get; set; }

        /// <summary>Where the highest policy revision seen per policyId is kept (rollback detection); empty = not kept.</summary>
        public string? RevisionStateFile { get; set; }

        /// <summary>GuardrailsMode / GuardrailsPolicyPath / GuardrailsPolicySha256 as set centrally (captured by Guardrails.props,
        /// before the project body); null when not captured. Used to tell a project's own override from the central value.</summary>
        public string? CentralMode { get; set; }

        public string? CentralPolicyPath { get; set; }

        public string? CentralPolicySha256 { get; set; }

        /// <summary>The assemblies the build copies to its output folder (for the AI-BOM: an AI SDK shipped by copy).</summary>
        public string[] ShippedAssemblies { get; set; } = new string[0];

        /// <summary>The repository's MSBuild files the project imported (from the check's evaluation); null outside MSBuild.</summary>
        public System.Collections.Generic.IReadOnlyList<string>? RepositoryBuildFiles { get; set; }

        /// <summary>The policy path / pin the project itself ended with when they differ from the central ones; the check then
        /// judges the project under the central policy (PolicyPath/PolicySha256 hold the central values) and GRD308 names
        /// these. Null when the project kept the central values.</summary>
        public string? ProjectPolicyPath { get; set; }

        public string? ProjectPolicySha256 { get; set; }

        /// <summary>$(NoWarn), $(WarningsNotAsErrors), $(MSBuildWarningsAsMessages), $(MSBuildWarningsNotAsErrors).</summary>
        public string? NoWarn { get; set; }

        public string? WarningsNotAsErrors { get; set; }

        public string? MSBuildWarningsAsMessages { get; set; }

        public string? MSBuildWarningsNotAsErrors { get; set; }

        /// <summary>@(EditorConfigFiles) and @(GlobalAnalyzerConfigFiles): the analyzer config files the compiler will read.</summary>
        public string[]? AnalyzerConfigFiles { get; set; }

        /// <summary>@(Analyzer) right before CoreCompile, and the project's $(Language), $(RunAnalyzers), $(RunAnalyzersDuringBuild).</summary>
        public string[]? Analyzers { get; set; }

        public string? Language { get; set; }

        public string? RunAnalyzers { get; set; }

        public string? RunAnalyzersDuringBuild { get; set; }
        /// <summary>$(ProjectAssetsFile): obj/project.assets.json, for the package check (GRD2xx). Empty skips it.</summary>
        public string? ProjectAssetsFile { get; set; }

        /// <summary>The ids of the project's PackageReference items as MSBuild evaluated them (null: unknown). A referenced
        /// id the assets file does not list means the assets file predates the reference (GRD313).</summary>
        public System.Collections.Generic.IReadOnlyList<string>? PackageReferenceIds { get; set; }

        /// <summary>The build's target framework (an alias such as "net10.0"); null when unknown (then every target's packages are recorded).</summary>
        public string? TargetFramework { get; set; }

        /// <summary>
        /// The repository the CI system says it is building (GITHUB_REPOSITORY, BUILD_REPOSITORY_URI, CI_PROJECT_URL,
        /// GIT_URL), or null outside CI. The manifest's own "repository" is the team's claim; this is the check of it.
        /// </summary>
        public string? BuildRepository { get; set; }

        /// <summary>
        /// Packages referenced by <c>#r "nuget: …"</c> in the repository's committed notebooks and scripts (.ipynb, .dib,
        /// .csx; <see cref="InteractiveScripts"/>), judged with the one package evaluator at their file and line but not
        /// added to the project's packages (adversary round 7 route 13). Also the npm and PyPI packages of the repository's
        /// committed package.json, lock files, requirements files, pyproject.toml, Pipfile and setup.cfg
        /// (Policy/PackageManifests, issue 12 route R11), as package URLs (<c>pkg:npm/openai</c>).
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<DeclaredPackage>? ScriptPackages { get; set; }

        /// <summary>GRD205 findings for npm/PyPI package files that could not be read (Policy/PackageManifests), reported under a policy.</summary>
        public System.Collections.Generic.IReadOnlyList<Finding>? PackageFileProblems { get; set; }

        /// <summary>The git remotes of the repository being built (cleaned, origin first): GRD127 compares the manifest's
        /// "repository" with them where no CI variable names the repository (adversary round 7 route 12).</summary>
        public System.Collections.Generic.IReadOnlyList<string>? BuildRemotes { get; set; }

        /// <summary>The build runs on a CI system: a GRD127 found through the git remotes alone is an error there, a warning on a developer's machine.</summary>
        public bool InCi { get; set; }

        /// <summary>Packages referenced by the project files, for the package check when there is no assets file (the guardrails
        /// tool scanning a repository that was never restored). With <see cref="ProjectAssetsFile"/> set, those the assets file
        /// does not hold are judged as declared (a PackageReference under a condition the restore did not take).</summary>
        public System.Collections.Generic.IReadOnlyList<Guardrails.BuildTasks.Foundation.DeclaredPackage>? DeclaredPackages { get; set; }

        /// <summary>Where <see cref="DeclaredPackages"/> come from, for the GRD2xx message (default: the project files, not restored).</summary>
        public string? DeclaredPackagesOrigin { get; set; }

        /// <summary>The current time for approval and waiver expiry; the task passes UTC now, tests a fixed instant.</summary>
        public System.DateTimeOffset Now { get; set; } = System.DateTimeOffset.UtcNow;

        /// <summary>
        /// Guardrails settings that did not come from the central location but from outside the repository's build files:
        /// global properties (the command line, Directory.Build.rsp, MSBuild.rsp, a ProjectReference's properties) and
        /// environment variables. Name, value (untrusted text) and where it came from.
        /// </summary>
        public System.Collections.Generic.List<ExternalSetting> ExternalSettings { get; } = new System.Collections.Generic.List<ExternalSetting>();

        /// <summary>Build files below the project's central imports that set the check's internal captured-central-settings
        /// properties (_GuardrailsCentral*), e.g. the project file or Directory.Build.targets.</summary>
        public System.Collections.Generic.List<string> FilesSettingInternalProperties { get; } = new System.Collections.Generic.List<string>();

        /// <summary>Guardrails' record of the central settings forged or rewritten where MSBuild evaluated or ran it (a file
        /// imported at any depth, a target at run time): file, line and what happened (GRD308). From the check's own
        /// evaluation of the project (EvaluatedBuild).</summary>
        public System.Collections.Generic.List<Finding> CentralRecordTampered { get; } = new System.Collections.Generic.List<Finding>();

        /// <summary>Targets in any imported file that replace a Guardrails target or hook its verification (GRD311), from the
        /// check's own evaluation of the project.</summary>
        public System.Collections.Generic.List<Finding> EvaluatedTargetFindings { get; } = new System.Collections.Generic.List<Finding>();

        /// <summary>
        /// Directory.Build.props files above the one MSBuild imported for this project that set the Guardrails policy while
        /// no central policy reached the check: a nearer Directory.Build.props that does not import them hides them.
        /// </summary>
        public System.Collections.Generic.List<string> ShadowedCentralFiles { get; } = new System.Collections.Generic.List<string>();

        /// <summary>Opt-out properties and items the project set (GuardrailsScanFiles=false, GuardrailsScanExclude, ...): name and value.</summary>
        public System.Collections.Generic.List<ExternalSetting> OptOuts { get; } = new System.Collections.Generic.List<ExternalSetting>();

        /// <summary>Build files evaluated after Guardrails' props (the project file, Directory.Build.targets): read for
        /// redefinitions of Guardrails' targets (Integrity/TargetOverrides).</summary>
        public string[]? LateBuildFiles { get; set; }

        /// <summary>The project's build output folders (obj/, bin/ and the configuration folders below them), full paths:
        /// files git tracks there are a build someone else made (Integrity/CommittedBuildOutput, GRD315).</summary>
        public string[]? BuildOutputFolders { get; set; }

        /// <summary>The scan selection's list of files kept back from the compiler (guardrails.scan-skipped.txt): the large text
        /// files in it are scanned by the check, the unscannable ones reported (GRD312). Empty when the selection did not run.</summary>
        public string? KeptBackListFile { get; set; }

        /// <summary>
        /// The committed files the check reads for self-identifying keys because the compiler is not given them
        /// (<see cref="Engine.CommittedKeyFiles"/>, adversary round 8 route 10); null: none (the guardrails tool reads every
        /// committed file itself).
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<string>? CommittedFiles { get; set; }

        /// <summary>Whether to look for assistant footprints between the project folder and the repository root (default true).</summary>
        public bool CheckFootprints { get; set; } = true;

        /// <summary>
        /// Files the caller already holds in memory, by full path: the policy and the manifest named by <see cref="PolicyPath"/>
        /// and <see cref="ManifestPath"/> are taken from here instead of the disk (the guardrails tool replays recorded builds
        /// under many policy revisions without writing either to disk). Null: everything is read from disk, as in a build.
        /// </summary>
        public System.Collections.Generic.IReadOnlyDictionary<string, LoadedFile>? HeldFiles { get; set; }

        /// <summary>Policies already read, reused when the same bytes are checked again (<see cref="ReadCache"/>); null: read every time.</summary>
        public ReadCache? PolicyReads { get; set; }

        /// <summary>The held file at <paramref name="path"/>, or the file read from disk (<see cref="SourceFile.TryLoad(string, Guardrails.Core.Rules.RuleInfo, string, out Finding?, long)"/>).</summary>
        internal LoadedFile? Load(string path, Guardrails.Core.Rules.RuleInfo unreadableRule, string what, out Finding? problem)
        {
            if (HeldFiles != null && HeldFiles.TryGetValue(path, out LoadedFile? held))
            {
                problem = null;
                return held;
            }

            return SourceFile.TryLoad(path, unreadableRule, what, out problem);
        }

        /// <summary>The project's name (its file name without extension), as waivers and reports name it.</summary>
        internal static string ProjectName(string projectPath)
        {
            try
            {
                return Path.GetFileNameWithoutExtension(projectPath);
            }
            catch (ArgumentException)
            {
                return projectPath;
            }
        }
    }

    /// <summary>A Guardrails setting and where it was set.</summary>
    public sealed class ExternalSetting
    {
        public ExternalSetting(string name, string value, string source)
        {
            Name = name;
            Value = value;
            Source = source;
        }

        public string Name { get; }

        /// <summary>Untrusted: never printed except through the redacting log choke point.</summary>
        public string Value { get; }

        /// <summary>"the command line or a response file (global property)", "an environment variable", "the project".</summary>
        public string Source { get; }
    }
}
