using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Reports;
using Guardrails.Core.Rules;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// Runs after CoreCompile, only when the compiler produced a new assembly (nothing in a no-op build): confirms the
    /// compiler got what the Guardrails check verified (<see cref="CompileVerification"/>) and records in the audit record
    /// whether the analyzers ran and with which severities.
    /// </summary>
    public sealed class GuardrailsVerifyCompile : Task
    {
        [Required]
        public string ProjectPath { get; set; } = string.Empty;

        public bool CheckReached { get; set; }

        public string? DesignTimeBuild { get; set; }

        public string? BuildingProject { get; set; }

        public string? CheckedStateFile { get; set; }

        public string? NoWarn { get; set; }

        public string? WarningsNotAsErrors { get; set; }

        public string? MSBuildWarningsAsMessages { get; set; }

        public string? MSBuildWarningsNotAsErrors { get; set; }

        public ITaskItem[]? AnalyzerConfigFiles { get; set; }

        public string? GeneratedConfigFile { get; set; }

        public ITaskItem[]? Analyzers { get; set; }

        /// <summary>$(NuGetPackageFolders): the Analyzer items inside a restored package's folder are judged by the package gate.</summary>
        public string? PackageFolders { get; set; }

        public string? Language { get; set; }

        public string? RunAnalyzers { get; set; }

        public string? RunAnalyzersDuringBuild { get; set; }

        public string? SkipAnalyzers { get; set; }

        public string? ImplicitlyTriggeredBuild { get; set; }

        public string? RuleSet { get; set; }

        public ITaskItem[]? AdditionalFiles { get; set; }

        public string? EffectivePolicyFile { get; set; }

        public ITaskItem[]? ScanFiles { get; set; }

        public string? PackagedAnalyzerDirectory { get; set; }

        public string? AuditFile { get; set; }

        /// <summary>The project file and Directory.Build.targets (read for redefined Guardrails targets).</summary>
        public ITaskItem[]? LateBuildFiles { get; set; }

        /// <summary>@(IntermediateAssembly): its SHA-256 goes into the audit record, so a gate outside the build can tell
        /// whether the assembly in obj/ is the one this verification saw (<c>guardrails verify-build</c>).</summary>
        public ITaskItem? IntermediateAssembly { get; set; }

        /// <summary>Touched inside CoreCompile right after the compiler, before this task runs there. Older than the
        /// assembly: the compiler wrote the assembly without Guardrails' verification inside the compilation.</summary>
        public string? InCompilationMarker { get; set; }
        /// <summary>The SARIF 2.1 error log the compiler wrote (the path part of $(ErrorLog)): evidence of what the compiler loaded and suppressed.</summary>
        public string? ErrorLogFile { get; set; }

        /// <summary>@(ReferencePathWithRefAssemblies): the assemblies the compiler referenced, judged against the AI SDK catalog and the policy.</summary>
        public ITaskItem[]? References { get; set; }

        /// <summary>The files the build copies to its output folder (ReferenceCopyLocalPaths, None/Content/ContentWithTargetPath
        /// items copied to the output or publish folder): an AI SDK assembly among them ships without being a compiler reference.</summary>
        public ITaskItem[]? CopiedFiles { get; set; }

        /// <summary>@(EmbeddedResource): an AI SDK assembly (or a zip of one) among them ships inside the compiled assembly.</summary>
        public ITaskItem[]? EmbeddedResources { get; set; }

        public override bool Execute()
        {
            try
            {
                var hints = new List<string>();
                if (string.Equals(DesignTimeBuild?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    hints.Add("DesignTimeBuild=true");
                }

                if (string.Equals(BuildingProject?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
                {
                    hints.Add("BuildingProject=false");
                }

                var inputs = new CompileInputs
                {
                    ProjectPath = ProjectPath,
                    CheckReached = CheckReached,
                    SkipHint = hints.Count == 0 ? "its target was skipped or replaced" : string.Join(", ", hints),
                    CheckedStateFile = CheckedStateFile,
                    NoWarn = NoWarn,
                    WarningsNotAsErrors = WarningsNotAsErrors,
                    MSBuildWarningsAsMessages = MSBuildWarningsAsMessages,
                    MSBuildWarningsNotAsErrors = MSBuildWarningsNotAsErrors,
                    AnalyzerConfigFiles = GuardrailsCheck.Paths(AnalyzerConfigFiles),
                    GeneratedConfigFile = GeneratedConfigFile,
                    Analyzers = GuardrailsCheck.Paths(Analyzers),
                    AnalyzersDefinedIn = (Analyzers ?? new ITaskItem[0]).Select(a => a.GetMetadata("DefiningProjectFullPath")).ToArray(),
                    PackageFolders = PackageFolders,
                    Language = Language,
                    RunAnalyzers = RunAnalyzers,
                    RunAnalyzersDuringBuild = RunAnalyzersDuringBuild,
                    SkipAnalyzers = SkipAnalyzers,
                    ImplicitlyTriggeredBuild = ImplicitlyTriggeredBuild,
                    RuleSet = RuleSet,
                    AdditionalFiles = GuardrailsCheck.Paths(AdditionalFiles),
                    EffectivePolicyFile = EffectivePolicyFile,
                    ScanFiles = GuardrailsCheck.Paths(ScanFiles),
                    PackagedAnalyzerDirectory = PackagedAnalyzerDirectory,
                    LateBuildFiles = GuardrailsCheck.Paths(LateBuildFiles),
                    CompiledWithoutVerification = CompiledWithoutVerification(),
                    ErrorLogFile = ErrorLogFile,
                    References = GuardrailsCheck.Paths(References),
                    CopiedFiles = GuardrailsCheck.Paths(CopiedFiles),
                    EmbeddedResources = GuardrailsCheck.Paths(EmbeddedResources),
                    AssemblyFile = IntermediateAssembly?.GetMetadata("FullPath"),
                };

                CompileVerificationResult result = CompileVerification.Run(inputs);
                foreach (Finding finding in result.Findings)
                {
                    GuardrailsCheck.LogSafely(Log, finding, result.Enforce);
                }

                WriteAudit(inputs, result);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                Log.LogError("Guardrails", RuleIds.InternalError, RuleIds.InternalError, RuleCatalog.InternalError.HelpLink, ProjectPath, 0, 0, 0, 0,
                    "Guardrails could not verify the compilation ({0}). The build fails closed; please report this with the build log. ({1})", e.GetType().Name, RuleCatalog.InternalError.HelpLink);
            }

            return !Log.HasLoggedErrors;
        }

        private bool CompiledWithoutVerification()
        {
            string? assembly = IntermediateAssembly?.GetMetadata("FullPath");
            if (string.IsNullOrWhiteSpace(InCompilationMarker) || string.IsNullOrEmpty(assembly) || !File.Exists(assembly))
            {
                return false;
            }

            string marker = InCompilationMarker!.Trim();
            return !File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(assembly!);
        }

        private void WriteAudit(CompileInputs inputs, CompileVerificationResult result)
        {
            if (string.IsNullOrWhiteSpace(AuditFile))
            {
                return;
            }

            var findings = new List<object?>();
            foreach (Finding f in result.Findings)
            {
                findings.Add(AuditRecord.Obj(("id", f.Rule.Id), ("message", f.Message), ("error", f.IsError(result.Enforce)), ("waivedBy", f.WaivedBy)));
            }

            object? assembly = null;
            string? assemblyPath = IntermediateAssembly?.GetMetadata("FullPath");
            if (!string.IsNullOrEmpty(assemblyPath) && File.Exists(assemblyPath))
            {
                assembly = AuditRecord.Obj(("file", Path.GetFileName(assemblyPath)), ("sha256", SourceFile.TryHashFile(assemblyPath!)));
            }

            object compile = AuditRecord.Obj(
                ("assembly", assembly),
                ("checkRan", inputs.CheckReached),
                ("analyzersRan", result.AnalyzersRan),
                ("evidence", result.Evidence),
                ("severities", result.Severities),
                ("effectivePolicySha256", result.EffectivePolicySha256),
                ("verified", result.Verified),
                ("findings", findings));
            string path = AuditFile!.Trim();
            try
            {
                string? existing = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
                string now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                object endpoints = EndpointReach.Section(
                    result.EndpointUses,
                    Guardrails.Core.Policy.PolicyVerdicts.From(CompileVerification.EffectivePolicyOf(inputs)),
                    result.EndpointsIncompleteBecause,
                    "compiler error log (" + RuleIds.EndpointUsed + ")");
                File.WriteAllText(path, AuditRecord.WithCompile(existing, compile, now, endpoints, result.WaiversApplied), new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                GuardrailsCheck.LogSafely(Log, new Finding(RuleCatalog.ReportNotWritten, ProjectPath, 0, 0,
                    "Guardrails could not write the compile section of its audit record to '" + path + "': " + e.GetType().Name + ". Check the path and permissions."), result.Enforce);
            }
        }
    }
}
