using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>What the compiler was given, read after CoreCompile (the values MSBuild passed to Csc).</summary>
    public sealed class CompileInputs
    {
        public string ProjectPath { get; set; } = string.Empty;

        /// <summary>True when the GuardrailsCheck target was reached in this build (run, or skipped as up to date).</summary>
        public bool CheckReached { get; set; }

        /// <summary>Why the check may not have run: "DesignTimeBuild=true", "BuildingProject=false" (for the message).</summary>
        public string? SkipHint { get; set; }

        /// <summary>The checked-state file the check wrote (<see cref="CompileVerification.CheckedStateFileName"/>).</summary>
        public string? CheckedStateFile { get; set; }

        public string? NoWarn { get; set; }

        public string? WarningsNotAsErrors { get; set; }

        public string? MSBuildWarningsAsMessages { get; set; }

        public string? MSBuildWarningsNotAsErrors { get; set; }

        public string[] AnalyzerConfigFiles { get; set; } = new string[0];

        /// <summary>The globalconfig MSBuild generates from CompilerVisibleProperty values: only build_property lines belong there.</summary>
        public string? GeneratedConfigFile { get; set; }

        public string[] Analyzers { get; set; } = new string[0];

        /// <summary>The project file that declares each of <see cref="Analyzers"/> (its DefiningProjectFullPath), in the same order.</summary>
        public string[] AnalyzersDefinedIn { get; set; } = new string[0];

        /// <summary>$(NuGetPackageFolders): an analyzer in the folder of a restored package is the package gate's to judge.</summary>
        public string? PackageFolders { get; set; }

        public string? Language { get; set; }

        public string? RunAnalyzers { get; set; }

        public string? RunAnalyzersDuringBuild { get; set; }

        /// <summary>$(_SkipAnalyzers) as Csc got it (/skipanalyzers): set by RunAnalyzers=false or IsImplicitlyTriggeredBuild=true.</summary>
        public string? SkipAnalyzers { get; set; }

        public string? ImplicitlyTriggeredBuild { get; set; }

        /// <summary>$(ResolvedCodeAnalysisRuleSet).</summary>
        public string? RuleSet { get; set; }

        public string[] AdditionalFiles { get; set; } = new string[0];

        /// <summary>The effective-policy file the check generated.</summary>
        public string? EffectivePolicyFile { get; set; }

        /// <summary>The files the key scan added as AdditionalFiles; each must still be there.</summary>
        public string[] ScanFiles { get; set; } = new string[0];

        /// <summary>The folder holding the package's own analyzer assemblies; the compiler must get those bytes.</summary>
        public string? PackagedAnalyzerDirectory { get; set; }

        /// <summary>The project file, Directory.Build.targets and Directory.Build.props: read for redefined or hooked Guardrails targets.</summary>
        public string[] LateBuildFiles { get; set; } = new string[0];

        /// <summary>True when the compiler wrote the assembly without the verification inside CoreCompile (TargetsTriggeredByCompilation replaced).</summary>
        public bool CompiledWithoutVerification { get; set; }
        /// <summary>The SARIF 2.1 error log the compiler was told to write (/errorlog): the compiler's own record of what it loaded and reported.</summary>
        public string? ErrorLogFile { get; set; }

        /// <summary>The assembly the compiler wrote (@(IntermediateAssembly)): an error log older than it is from an earlier compile.</summary>
        public string? AssemblyFile { get; set; }

        /// <summary>The assemblies the compiler referenced (@(ReferencePathWithRefAssemblies), what Csc gets as References).</summary>
        public string[] References { get; set; } = new string[0];

        /// <summary>The files the build copies to its output folder (ReferenceCopyLocalPaths and the copied None/Content items).</summary>
        public string[] CopiedFiles { get; set; } = new string[0];

        /// <summary>The EmbeddedResource items compiled into the assembly: an AI SDK's dll among them ships inside it.</summary>
        public string[] EmbeddedResources { get; set; } = new string[0];
    }

    /// <summary>The outcome of the post-compile verification, for the log and the audit record.</summary>
    public sealed class CompileVerificationResult
    {
        public List<Finding> Findings { get; } = new List<Finding>();

        /// <summary>The waivers that covered a finding of the verification (a waived GRD201 from the compiler's references).</summary>
        public List<WaiverEntry> WaiversApplied { get; } = new List<WaiverEntry>();

        /// <summary>True when no finding stands: none, or each one covered by a waiver.</summary>
        public bool Verified => !Findings.Exists(f => f.WaivedBy == null);

        public bool Enforce { get; set; } = true;

        /// <summary>Whether the Guardrails analyzers were in the compiler's inputs and not skipped.</summary>
        public bool AnalyzersRan { get; set; }

        /// <summary>"error, not configurable" in Enforce without local suppression; otherwise "configurable".</summary>
        public string Severities { get; set; } = string.Empty;

        /// <summary>SHA-256 of the effective-policy file the compiler was given, when the check recorded one.</summary>
        public string? EffectivePolicySha256 { get; set; }

        /// <summary>What the compiler's error log proved, for the audit record (null when no log was read).</summary>
        public string? Evidence { get; set; }

        /// <summary>The AI endpoints the analyzers recorded in the compiler's error log (GRD008), for the audit record's "endpoints".</summary>
        public List<Guardrails.BuildTasks.Foundation.EndpointUse> EndpointUses { get; } = new List<Guardrails.BuildTasks.Foundation.EndpointUse>();

        /// <summary>Null when <see cref="EndpointUses"/> lists every endpoint the code uses; otherwise why it may not.</summary>
        public string? EndpointsIncompleteBecause { get; set; } = "the compiler's error log was not read";
    }

    /// <summary>
    /// The check after CoreCompile: the compiler got Guardrails' analyzers (the package's own bytes, not skipped), the one
    /// effective-policy file the check generated and unchanged, the scan files, and no suppression added after the
    /// check (NoWarn, analyzer config, ruleset). The check before the compiler sees MSBuild's state when it runs; a
    /// target that runs later (Directory.Build.targets, BeforeTargets="CoreCompile") is only visible here.
    /// </summary>
    public static class CompileVerification
    {
        public const string CheckedStateFileName = "guardrails.checked.txt";

        /// <summary>The check's record of what it verified, read back after the compiler. Hashes only: no setting value is stored.</summary>
        public static string CheckedState(CheckRequest request, CheckResult result, string effectivePolicyText)
        {
            var sb = new StringBuilder();
            sb.Append("mode=").Append(result.Enforce ? "Enforce" : "Audit").Append('\n');
            sb.Append("policy=").Append(result.PolicyDocument != null ? "true" : "false").Append('\n');
            var kinds = new List<string>();
            foreach (BypassKind kind in result.Integrity.AllowedKinds)
            {
                kinds.Add(LocalBypass.PolicyName(kind));
            }

            sb.Append("allowed=").Append(string.Join(",", kinds)).Append('\n');
            sb.Append("allowedBy=").Append(result.Integrity.SuppressionSource).Append('\n');
            sb.Append("effective=").Append(Hash(effectivePolicyText)).Append('\n');
            sb.Append("properties=").Append(PropertiesHash(request.NoWarn, request.WarningsNotAsErrors, request.MSBuildWarningsAsMessages, request.MSBuildWarningsNotAsErrors)).Append('\n');
            sb.Append("analyzers=").Append(ListHash(request.Analyzers, request.RunAnalyzers + "|" + request.RunAnalyzersDuringBuild)).Append('\n');
            sb.Append("configs=").Append(ListHash(request.AnalyzerConfigFiles, string.Empty)).Append('\n');
            return sb.ToString();
        }

        public static CompileVerificationResult Run(CompileInputs inputs)
        {
            var result = new CompileVerificationResult();
            Dictionary<string, string> state = ReadState(inputs.CheckedStateFile);
            bool hasState = state.Count > 0;
            result.Enforce = !state.TryGetValue("mode", out string? mode) || !string.Equals(mode, "Audit", StringComparison.OrdinalIgnoreCase);
            bool governed = !hasState || string.Equals(Get(state, "policy"), "true", StringComparison.Ordinal);
            var allowedKinds = new List<BypassKind>();
            foreach (string name in Get(state, "allowed").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (BypassKind kind in (BypassKind[])Enum.GetValues(typeof(BypassKind)))
                {
                    if (LocalBypass.PolicyName(kind) == name)
                    {
                        allowedKinds.Add(kind);
                    }
                }
            }

            LocalSuppressionPolicy allowed = LocalSuppressionPolicy.Of(allowedKinds, Get(state, "allowedBy"));
            bool checkRan = inputs.CheckReached && hasState;
            if (inputs.CheckReached && !hasState && !string.IsNullOrWhiteSpace(inputs.CheckedStateFile))
            {
                // The target ran (or was skipped as up to date, which needs this file as an output) but its task left no
                // record: the target was replaced by one that only sets _GuardrailsCheckReached, or the task did not run.
                result.Findings.Add(new Finding(
                    RuleCatalog.CompileNotAsChecked,
                    inputs.ProjectPath,
                    0,
                    0,
                    "The Guardrails check target was reached but its task left no record of what it verified (" + CheckedStateFileName + "), so the policy, the manifest, the packages " +
                    "and the local bypasses went unchecked. Do not replace or redefine Guardrails' targets (GuardrailsCheck), and do not delete files under obj/…/guardrails/."));
            }

            if (!checkRan)
            {
                // The check reports these itself when it runs; without it, this is the only place that can.
                result.Findings.AddRange(TargetOverrides.Find(inputs.LateBuildFiles));
            }

            if (inputs.CompiledWithoutVerification)
            {
                result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, inputs.ProjectPath, 0, 0,
                    "The compiler wrote this assembly without Guardrails' verification inside CoreCompile: TargetsTriggeredByCompilation no longer lists it, so the " +
                    "compiler's inputs could not be checked as the compiler got them. Append to TargetsTriggeredByCompilation ($(TargetsTriggeredByCompilation);YourTarget) instead of replacing it."));
            }

            if (!inputs.CheckReached)
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.CompileNotAsChecked,
                    inputs.ProjectPath,
                    0,
                    0,
                    "The compiler ran but the Guardrails check did not" + (string.IsNullOrEmpty(inputs.SkipHint) ? string.Empty : " (" + inputs.SkipHint + ")") +
                    ", so the policy, the manifest, the packages and the local bypasses went unchecked. Do not set DesignTimeBuild or BuildingProject on the command line, and do not replace or skip Guardrails' targets."));
            }

            var final = new CheckRequest
            {
                ProjectPath = inputs.ProjectPath,
                NoWarn = inputs.NoWarn,
                WarningsNotAsErrors = inputs.WarningsNotAsErrors,
                MSBuildWarningsAsMessages = inputs.MSBuildWarningsAsMessages,
                MSBuildWarningsNotAsErrors = inputs.MSBuildWarningsNotAsErrors,
                AnalyzerConfigFiles = inputs.AnalyzerConfigFiles,
                Analyzers = inputs.Analyzers,
                Language = inputs.Language,
                RunAnalyzers = inputs.RunAnalyzers,
                RunAnalyzersDuringBuild = inputs.RunAnalyzersDuringBuild,
            };

            // Only what changed after the check is judged again (what it saw, it already reported).
            bool propertiesChanged = !checkRan || Get(state, "properties") != PropertiesHash(inputs.NoWarn, inputs.WarningsNotAsErrors, inputs.MSBuildWarningsAsMessages, inputs.MSBuildWarningsNotAsErrors);
            bool analyzersChanged = !checkRan || Get(state, "analyzers") != ListHash(inputs.Analyzers, inputs.RunAnalyzers + "|" + inputs.RunAnalyzersDuringBuild);
            bool configsChanged = !checkRan || Get(state, "configs") != ListHash(inputs.AnalyzerConfigFiles, string.Empty);
            var late = new List<LocalBypass>();
            if (governed && (propertiesChanged || analyzersChanged || configsChanged))
            {
                if (!configsChanged)
                {
                    final.AnalyzerConfigFiles = new string[0];
                }

                foreach (LocalBypass bypass in BypassChecks.Collect(final, result.Enforce))
                {
                    bool changed = bypass.Kind == BypassKind.Properties ? propertiesChanged
                        : bypass.Kind == BypassKind.AnalyzerRemoval ? analyzersChanged
                        : configsChanged;
                    if (changed)
                    {
                        late.Add(bypass);
                    }
                }
            }

            bool isCSharp = string.Equals(inputs.Language, "C#", StringComparison.OrdinalIgnoreCase);
            bool skipped = string.Equals(inputs.SkipAnalyzers?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (isCSharp && skipped && governed)
            {
                string why = string.Equals(inputs.ImplicitlyTriggeredBuild?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
                    ? "IsImplicitlyTriggeredBuild=true made the compiler skip every analyzer (/skipanalyzers)"
                    : "the compiler was told to skip every analyzer (/skipanalyzers, from RunAnalyzers or RunAnalyzersDuringBuild)";
                if (!late.Exists(b => b.Kind == BypassKind.AnalyzerRemoval && b.What.StartsWith("RunAnalyzers", StringComparison.Ordinal)) && !AlreadyRunAnalyzersFalse(inputs))
                {
                    late.Add(new LocalBypass(BypassKind.AnalyzerRemoval, RuleIds.AnalyzerRemoved, inputs.ProjectPath, 0, 0, why, "analyzers"));
                }
            }

            string? mismatch = isCSharp ? PackagedCopyMismatch(inputs) : null;
            if (mismatch != null && governed)
            {
                late.Add(new LocalBypass(BypassKind.AnalyzerRemoval, RuleIds.AnalyzerRemoved, inputs.ProjectPath, 0, 0, mismatch, "analyzers"));
            }

            if (governed)
            {
                late.AddRange(RuleSetBypasses(inputs.RuleSet, result.Enforce));

                // A property value with a line break becomes a line of its own in the generated globalconfig.
                if (!string.IsNullOrWhiteSpace(inputs.GeneratedConfigFile) && MayConfigureSeverity(inputs.GeneratedConfigFile!.Trim()))
                {
                    foreach (LocalBypass bypass in AnalyzerConfigScanner.Scan(new[] { inputs.GeneratedConfigFile!.Trim() }, result.Enforce))
                    {
                        late.Add(new LocalBypass(bypass.Kind, bypass.RuleId, bypass.File, bypass.Line, bypass.Column,
                            bypass.What + ", smuggled into the generated globalconfig through a compiler-visible property value", bypass.Subject));
                    }
                }
            }

            foreach (LocalBypass bypass in late)
            {
                if (allowed.Allows(bypass.Kind))
                {
                    continue;
                }

                result.Findings.Add(new Finding(BypassChecks.Rule(bypass.RuleId), bypass.File, bypass.Line, bypass.Column,
                    BypassChecks.Message(bypass, allowed) + (checkRan ? " (It was added after the Guardrails check ran, e.g. by a target in Directory.Build.targets, and reached the compiler.)" : string.Empty),
                    subject: bypass.Subject));
            }

            CheckEffectivePolicy(inputs, state, checkRan, result);
            CheckScanFiles(inputs, result);
            if (governed)
            {
                CheckReferences(inputs, result);
            }

            result.AnalyzersRan = isCSharp && !skipped && HasGuardrailsAnalyzers(inputs.Analyzers) &&
                !string.Equals(inputs.RunAnalyzers?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            if (result.AnalyzersRan && governed && !string.IsNullOrWhiteSpace(inputs.ErrorLogFile))
            {
                // The items say the analyzers were given; only the compiler's own log says it loaded them.
                result.AnalyzersRan = CheckErrorLog(inputs, allowed, result);
            }

            if (!governed)
            {
                result.EndpointsIncompleteBecause = "no central policy: the analyzers record AI endpoints (GRD008) only under one";
            }
            else if (!result.AnalyzersRan)
            {
                result.EndpointsIncompleteBecause = "the Guardrails analyzers did not run in the compiler";
            }
            else if (string.IsNullOrWhiteSpace(inputs.ErrorLogFile))
            {
                result.EndpointsIncompleteBecause = "no compiler error log (ErrorLog) to read the recorded endpoints (GRD008) from";
            }

            if (!isCSharp && governed && !allowed.Allows(BypassKind.AnalyzerRemoval))
            {
                result.Findings.Add(new Finding(RuleCatalog.AnalyzerRemoved, inputs.ProjectPath, 0, 0,
                    "This project is compiled as " + (string.IsNullOrWhiteSpace(inputs.Language) ? "an unknown language" : inputs.Language!.Trim()) +
                    ": Guardrails' analyzers run only in C# compilations, so nothing scanned its code or its configuration files for keys (GRD001, GRD002) or its AI SDK and endpoint use (GRD003, GRD004), " +
                    "and the build cannot be verified. Keep AI keys and AI SDK use out of this project, scan it with 'guardrails scan', and ask the policy owner to allow it (localSuppression \"analyzerRemoval\") if it must build under this policy.",
                    subject: "analyzers"));
            }
            result.Severities = !result.AnalyzersRan ? "none (the analyzers did not run)"
                : result.Enforce && !allowed.Allows(BypassKind.Code) && governed ? "error, not configurable (Enforce; no local suppression)"
                : result.Enforce ? "error (Enforce; configurable where the policy allows local suppression)"
                : "warning (Audit)";
            return result;
        }

        /// <summary>
        /// Reads the compiler's error log: the Guardrails analyzers must be among what csc loaded (a target can remove them
        /// from @(Analyzer) for the compiler and put them back before this check), no Guardrails diagnostic may be
        /// suppressed in source ([SuppressMessage], #pragma — also where GRD005 itself is suppressed) and no Guardrails
        /// rule may be disabled or lowered by the configuration the compiler read, unless the policy allows that kind.
        /// Returns whether the log proves the analyzers ran.
        /// </summary>
        private static bool CheckErrorLog(CompileInputs inputs, LocalSuppressionPolicy allowed, CompileVerificationResult result)
        {
            string path = inputs.ErrorLogFile!.Trim();
            try
            {
                path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(inputs.ProjectPath) ?? string.Empty, path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
            }

            DateTime? assemblyTime = null;
            if (!string.IsNullOrWhiteSpace(inputs.AssemblyFile) && File.Exists(inputs.AssemblyFile!.Trim()))
            {
                assemblyTime = File.GetLastWriteTimeUtc(inputs.AssemblyFile.Trim());
            }

            CompilerErrorLog log = CompilerErrorLog.Read(path, assemblyTime);
            if (log.Problem != null)
            {
                result.Evidence = "none: " + log.Problem;
                if (!allowed.Allows(BypassKind.AnalyzerRemoval))
                {
                    result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, inputs.ProjectPath, 0, 0,
                        "Guardrails cannot confirm that the compiler ran its analyzers: " + log.Problem + ". The compiler's error log (ErrorLog, /errorlog) is its own record of the analyzers it loaded; " +
                        "a target that changes ErrorLog around CoreCompile, or deletes the log, hides what the compiler did. Leave ErrorLog unset (Guardrails sets it) or give it a path with ',version=2.1'."));
                }

                return false;
            }

            List<string> missing = log.MissingAnalyzerRules();
            if (missing.Count > 0)
            {
                result.Evidence = "the compiler did not load the Guardrails analyzers for " + string.Join(", ", missing);
                if (!allowed.Allows(BypassKind.AnalyzerRemoval))
                {
                    result.Findings.Add(new Finding(RuleCatalog.AnalyzerRemoved, inputs.ProjectPath, 0, 0,
                        "The compiler did not load the Guardrails analyzers: its error log (" + path + ") lists no rule " + string.Join(", ", missing) +
                        ", although the Analyzer items hold them now. A target removed them for the compiler and put them back afterwards; keep Guardrails' analyzers in the compilation.",
                        subject: "analyzers"));
                }

                return false;
            }

            // GRD005 reported (not itself suppressed) already names each forbidden suppression and fails the build.
            if (!allowed.Allows(BypassKind.Code) && !log.Reported.Contains(RuleIds.ForbiddenLocalSuppression))
            {
                foreach (SuppressedResult s in log.Suppressed)
                {
                    result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, s.File.Length > 0 ? s.File : inputs.ProjectPath, s.Line, s.Column,
                        s.RuleId + " was reported by the compiler but suppressed in source (" + s.Kind + "), which the policy does not allow" +
                        (result.Enforce ? " in Enforce" : string.Empty) + ". Suppressing GRD005 as well does not hide it: the compiler's error log records every suppressed diagnostic. Remove the suppression and fix the finding, or ask the policy owner for a waiver.",
                        subject: s.RuleId));
                }
            }

            if (result.Enforce && !allowed.Allows(BypassKind.Properties) && !allowed.Allows(BypassKind.AnalyzerConfig))
            {
                foreach (KeyValuePair<string, string> o in log.Overrides)
                {
                    result.Findings.Add(new Finding(RuleCatalog.SeverityLoweredInConfig, inputs.ProjectPath, 0, 0,
                        o.Key + " reached the compiler " + (o.Value == "disabled" ? "disabled" : "lowered to " + o.Value) +
                        " (the compiler's error log records the configuration it applied: NoWarn, .editorconfig, .globalconfig or a ruleset), which the policy does not allow in Enforce. Remove the setting.",
                        subject: o.Key));
                }
            }

            // What the code can reach: every GRD008 in the log (a suppressed one too: the compiler logs it), unless the rule was off.
            result.EndpointUses.AddRange(log.EndpointUses);
            result.EndpointsIncompleteBecause = EndpointsNotSearched.Because(KeptBackFromCompiler(inputs));
            foreach (KeyValuePair<string, string> o in log.Overrides)
            {
                if (o.Key == RuleIds.EndpointUsed)
                {
                    result.EndpointsIncompleteBecause = RuleIds.EndpointUsed + " was " + (o.Value == "disabled" ? "disabled" : "lowered to " + o.Value) +
                        " in what the compiler applied (NoWarn, .editorconfig, .globalconfig or a ruleset), so the endpoints the code uses are unknown";
                }
            }

            result.Evidence = "compiler error log: Guardrails analyzers loaded; " + log.Suppressed.Count.ToString(CultureInfo.InvariantCulture) +
                " Guardrails diagnostic(s) suppressed in source; " + log.Overrides.Count.ToString(CultureInfo.InvariantCulture) + " Guardrails rule(s) reconfigured";
            return true;
        }

        /// <summary>The entries of the kept-back list (<see cref="Guardrails.Core.Files.SkippedList"/>) the compiler was given: files its analyzers did not read.</summary>
        private static IEnumerable<(string Reason, string Path)> KeptBackFromCompiler(CompileInputs inputs)
        {
            var kept = new List<(string, string)>();
            foreach (string file in inputs.AdditionalFiles)
            {
                if (!Guardrails.Core.Files.SkippedList.IsSkippedList(file))
                {
                    continue;
                }

                try
                {
                    foreach ((string reason, long _, string path) in Guardrails.Core.Files.SkippedList.Parse(File.ReadAllText(file)))
                    {
                        kept.Add((reason, path));
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    kept.Add(("unreadable list", file));
                }
            }

            return kept;
        }

        /// <summary>
        /// The package check judges the packages the assets file declares; this judges what reached the compiler: an
        /// assembly of an AI SDK among the references whose package the check never saw restored (brought by
        /// PackageDownload + Reference HintPath, by a look-alike package under an approved id, or past a replaced
        /// ProjectAssetsFile) is decided by the one evaluator on the SDK's own package (GRD201 when not approved).
        /// </summary>
        private static void CheckReferences(CompileInputs inputs, CompileVerificationResult result)
        {
            EffectivePolicy? policy = inputs.References.Length == 0 && inputs.CopiedFiles.Length == 0 && inputs.EmbeddedResources.Length == 0 && inputs.Analyzers.Length == 0 ? null : EffectivePolicyOf(inputs);
            PolicyVerdicts? verdicts = PolicyVerdicts.From(policy);
            if (verdicts == null)
            {
                return;
            }

            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // The compiler's references first, then what the build copies to the output (a PackageDownload's assembly in a
            // None item, a committed dll, ReferenceCopyLocalPaths): an SDK that ships and is loaded by reflection is used
            // without ever being a reference. The same catalog of SDK assembly names judges both.
            // A file whose name is no SDK assembly's may still hold one: an EmbeddedResource or a copied file whose bytes
            // are an SDK's dll, or a zip holding it, is named by the assembly name in its metadata (ShippedAssemblies).
            var candidates = new List<(string Path, string? Name, Shipped How)>();
            candidates.AddRange(inputs.References.Select(r => (r, (string?)null, Shipped.Reference)));
            foreach (string file in inputs.CopiedFiles)
            {
                string f = file.Trim();
                bool named = (f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)) &&
                    verdicts.TryGetSdkByAssemblyName(FileNameWithoutExtension(f), out _);
                if (named)
                {
                    candidates.Add((f, null, Shipped.Copied));
                }
                else
                {
                    AddInside(f, Shipped.CopiedInside, candidates, result);
                }
            }

            foreach (string resource in inputs.EmbeddedResources)
            {
                AddInside(resource.Trim(), Shipped.Embedded, candidates, result);
            }

            foreach ((string reference, string? inside, Shipped shipped) in candidates)
            {
                string name = inside ?? FileNameWithoutExtension(reference.Trim());
                if (name.Length == 0 || !verdicts.TryGetSdkByAssemblyName(name, out AiSdk sdk) || !reported.Add(sdk.Id))
                {
                    continue;
                }

                bool judgedByCheck = false;
                foreach (ResolvedPackage p in policy!.Packages)
                {
                    judgedByCheck |= sdk.HasPackage(p.Id);
                }

                Decision? decision = judgedByCheck ? null : verdicts.Assembly(name);
                if (decision == null || !decision.IsViolation)
                {
                    continue;
                }

                string how = shipped == Shipped.Embedded
                    ? "The build embeds " + reference.Trim() + " in the assembly as a resource, and it is (or holds) the assembly " + name + " of the AI SDK '" + sdk.Id +
                      "' (named by its own metadata), but no restored package the Guardrails check judged brings it (an SDK embedded and loaded from bytes at run time): "
                    : shipped == Shipped.CopiedInside
                    ? "The build copies " + reference.Trim() + " to its output folder, and it is (or holds) the assembly " + name + " of the AI SDK '" + sdk.Id +
                      "' (named by its own metadata), but no restored package the Guardrails check judged brings it (an SDK shipped under another name or inside a zip and loaded from bytes at run time): "
                    : shipped == Shipped.Copied
                    ? "The build copies " + Path.GetFileName(reference.Trim()) + " to its output folder, an assembly of the AI SDK '" + sdk.Id + "', but no restored package the Guardrails check judged brings it " +
                      "(a PackageDownload or a committed assembly copied as a None/Content item, or a ReferenceCopyLocalPaths item added by hand; the SDK can then be loaded by reflection): "
                    : "The compiler referenced " + Path.GetFileName(reference.Trim()) + ", an assembly of the AI SDK '" + sdk.Id + "', but no restored package the Guardrails check judged brings it " +
                      "(a PackageDownload with a Reference HintPath, a package under another id carrying it, or a replaced ProjectAssetsFile): ";
                var finding = new Finding(RuleCatalog.PackageNotApproved, reference.Trim(), 0, 0,
                    how + decision.Reason + ". Reference the SDK's own package so the policy judges it, or ask the policy owner to " + decision.Request + ".",
                    subject: sdk.Id);
                if (decision.Waiver != null)
                {
                    // Shown like every waived finding (a warning that names the waiver) and recorded, never dropped.
                    finding = Waivers.Waive(finding, decision.Waiver);
                    result.WaiversApplied.Add(decision.Waiver);
                }

                result.Findings.Add(finding);
            }

            CheckAnalyzers(inputs, policy!, verdicts, reported, result);
        }

        /// <summary>
        /// Adversary round 12 route 3c: an assembly the compiler loads as an analyzer or source generator (an Analyzer item,
        /// e.g. <c>&lt;Analyzer Include="../../eng/analyzers/*.dll" /&gt;</c> of a committed OpenAI.dll, or a generator compiled
        /// against it) runs the SDK inside the compiler. Each final Analyzer item outside a restored package's folder (those are
        /// the package gate's: <see cref="CarriedSdks.InBuildFolders"/>) that is, declares or references a catalog SDK
        /// assembly is judged as that SDK's package (GRD201 unless the policy approves it), at the item in the project file
        /// that declares it.
        /// </summary>
        private static void CheckAnalyzers(CompileInputs inputs, EffectivePolicy policy, PolicyVerdicts verdicts, HashSet<string> reported, CompileVerificationResult result)
        {
            for (int i = 0; i < inputs.Analyzers.Length; i++)
            {
                string analyzer = inputs.Analyzers[i].Trim();
                if (analyzer.Length == 0 || InRestoredPackage(analyzer, inputs.PackageFolders, policy))
                {
                    continue;
                }

                CarriedSdks.Carried? carried = CarriedSdks.ReadRunInBuild(analyzer, Path.GetFileName(analyzer), null);
                if (carried == null || !reported.Add(carried.Sdk.Id))
                {
                    continue;
                }

                bool judgedByCheck = false;
                foreach (ResolvedPackage p in policy.Packages)
                {
                    judgedByCheck |= carried.Sdk.HasPackage(p.Id);
                }

                Decision decision = verdicts.Sdk(carried.Sdk);
                if (judgedByCheck || !decision.IsViolation)
                {
                    continue;
                }

                // The item's defining file when it declares it; the SDK's targets re-create Analyzer items (package conflict
                // resolution), so the project file and the Directory.Build files are looked at too.
                string project = inputs.ProjectPath;
                (int Line, int Column)? at = null;
                string? definedIn = i < inputs.AnalyzersDefinedIn.Length && inputs.AnalyzersDefinedIn[i].Trim().Length > 0 ? inputs.AnalyzersDefinedIn[i].Trim() : null;
                foreach (string? candidate in new[] { definedIn, inputs.ProjectPath }.Concat(inputs.LateBuildFiles))
                {
                    if (!string.IsNullOrWhiteSpace(candidate) && ItemLocation(candidate!.Trim(), "Analyzer", analyzer) is { } found)
                    {
                        project = candidate!.Trim();
                        at = found;
                        break;
                    }
                }

                (int line, int column) = at ?? (0, 0);
                var finding = new Finding(RuleCatalog.PackageNotApproved, project, line, column,
                    "The compiler loads " + analyzer + " as an analyzer or source generator (an Analyzer item), and " + carried.Evidence +
                    ", but no restored package the Guardrails check judged brings it: " + decision.Reason +
                    ". Take the SDK out of the compiler's analyzers, or ask the policy owner to " + decision.Request + ".",
                    subject: carried.Sdk.Id);
                if (decision.Waiver != null)
                {
                    finding = Waivers.Waive(finding, decision.Waiver);
                    result.WaiversApplied.Add(decision.Waiver);
                }

                result.Findings.Add(finding);
            }
        }

        /// <summary>True when <paramref name="file"/> lies in the folder of a restored package (&lt;package folder&gt;/&lt;id&gt;/&lt;version&gt;/…).</summary>
        private static bool InRestoredPackage(string file, string? packageFolders, EffectivePolicy policy)
        {
            string full;
            try
            {
                full = Path.GetFullPath(file);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }

            foreach (string folder in (packageFolders ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string root;
                try
                {
                    root = Path.GetFullPath(folder.Trim()).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
                }
                catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
                {
                    continue;
                }

                if (!full.StartsWith(root, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string[] parts = full.Substring(root.Length).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                if (parts.Length > 2 && policy.Packages.Exists(p => string.Equals(p.Id, parts[0], StringComparison.OrdinalIgnoreCase) && string.Equals(p.Version, parts[1], StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The line and column of the <paramref name="element"/> item in <paramref name="project"/> that brings in
        /// <paramref name="path"/>: the first whose Include names the file, else the first with a wildcard, else the first
        /// literal one; an Include built from other items (<c>@(…)</c>, the SDK re-creating items) does not count. Null when
        /// the file has none or cannot be read.
        /// </summary>
        private static (int Line, int Column)? ItemLocation(string project, string element, string path)
        {
            string name = Path.GetFileName(path);
            (int, int)? first = null;
            (int, int)? wildcard = null;
            try
            {
                if (!File.Exists(project))
                {
                    return null;
                }

                var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                using (var reader = System.Xml.XmlReader.Create(project, settings))
                {
                    var info = (System.Xml.IXmlLineInfo)reader;
                    while (reader.Read())
                    {
                        if (reader.NodeType != System.Xml.XmlNodeType.Element || reader.LocalName != element || !(reader.GetAttribute("Include") is string include) ||
                            include.IndexOf("@(", StringComparison.Ordinal) >= 0)
                        {
                            continue;
                        }

                        var at = (info.LineNumber, Math.Max(1, info.LinePosition - 1));
                        if (include.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            return at;
                        }

                        first ??= at;
                        if (include.IndexOf('*') >= 0)
                        {
                            wildcard ??= at;
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Xml.XmlException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }

            return wildcard ?? first;
        }

        private enum Shipped
        {
            Reference,
            Copied,
            CopiedInside,
            Embedded,
        }

        private static string FileNameWithoutExtension(string path)
        {
            try
            {
                return Path.GetFileNameWithoutExtension(path);
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }

        /// <summary>The managed assemblies a shipped file is or holds, as candidates named by their metadata; a file that cannot be looked into is GRD312.</summary>
        private static void AddInside(string file, Shipped how, List<(string Path, string? Name, Shipped How)> candidates, CompileVerificationResult result)
        {
            if (file.Length == 0)
            {
                return;
            }

            var found = new List<ShippedAssemblies.Found>();
            if (!ShippedAssemblies.Inspect(file, found, out string? problem))
            {
                result.Findings.Add(new Finding(RuleCatalog.FileNotScannable, file, 0, 0,
                    (how == Shipped.Embedded ? "The build embeds " + file + " in the assembly" : "The build copies " + file + " to its output folder") +
                    ", but Guardrails could not look inside it for an AI SDK assembly: " + problem + ". Ship it as separate files, or keep it out of the build output.",
                    subject: file));
            }

            foreach (ShippedAssemblies.Found assembly in found)
            {
                candidates.Add((assembly.Where, assembly.Name, how));
            }
        }

        /// <summary>The effective policy the check generated for this compilation (null when there is none or it cannot be read).</summary>
        public static EffectivePolicy? EffectivePolicyOf(CompileInputs inputs)
        {
            string generated = inputs.EffectivePolicyFile ?? string.Empty;
            string? text = generated.Length == 0 ? null : TryReadText(generated);
            return text == null ? null : EffectivePolicy.Read(text, out _);
        }

        /// <summary>Cheap test before the full scan: the generated globalconfig normally holds build_property lines only.</summary>
        private static bool MayConfigureSeverity(string path)
        {
            string? text = TryReadText(path);
            return text != null && (text.IndexOf("dotnet_diagnostic", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("dotnet_analyzer_diagnostic", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        private static bool AlreadyRunAnalyzersFalse(CompileInputs inputs) =>
            string.Equals(inputs.RunAnalyzers?.Trim(), "false", StringComparison.OrdinalIgnoreCase) ||
            (string.IsNullOrWhiteSpace(inputs.RunAnalyzers) && string.Equals(inputs.RunAnalyzersDuringBuild?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

        private static void CheckEffectivePolicy(CompileInputs inputs, Dictionary<string, string> state, bool checkRan, CompileVerificationResult result)
        {
            string generated = inputs.EffectivePolicyFile ?? string.Empty;
            bool generatedExists = generated.Length > 0 && File.Exists(generated);
            var foreign = new List<string>();
            bool generatedPassed = false;
            foreach (string file in inputs.AdditionalFiles)
            {
                // The analyzers recognise the file by this name (GuardrailsSettings.IsEffectivePolicyFile).
                if (!file.Trim().EndsWith(EffectivePolicy.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (generatedExists && SamePath(file, generated))
                {
                    generatedPassed = true;
                }
                else
                {
                    foreign.Add(file.Trim());
                }
            }

            foreach (string file in foreign)
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.CompileNotAsChecked,
                    file,
                    0,
                    0,
                    "The compiler was given a second effective-policy file besides the one the Guardrails check generated" +
                    ". The analyzers take their mode and approvals only from the generated file; remove this AdditionalFiles item."));
            }

            bool recorded = checkRan && state.TryGetValue("effective", out string? expected) && expected.Length > 0;
            if (recorded && !generatedExists)
            {
                // Without the file the analyzers fall back to the GuardrailsMode property (and approve nothing): not what the check decided.
                result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, inputs.ProjectPath, 0, 0,
                    "The effective-policy file the Guardrails check wrote (" + EffectivePolicy.FileName + ") was deleted before the compiler ran, so the analyzers ran without the " +
                    "central policy" + (foreign.Count > 0 ? " and read another file instead" : string.Empty) + ". Do not delete or replace files under obj/…/guardrails/."));
            }
            else if ((generatedExists || recorded) && !generatedPassed)
            {
                result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, inputs.ProjectPath, 0, 0,
                    "The effective-policy file the Guardrails check generated was removed from the compiler's AdditionalFiles, so the analyzers ran without the central policy. Do not remove it."));
            }

            if (recorded && generatedExists)
            {
                // Byte for byte what the check wrote (the record hashes the UTF-8 bytes it wrote, without a byte-order mark).
                string? actual = SourceFile.TryHashFile(generated);
                result.EffectivePolicySha256 = actual;
                if (actual != null && actual != state["effective"])
                {
                    result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, generated, 0, 0,
                        "The effective-policy file was changed after the Guardrails check wrote it, so the analyzers did not get what the check decided. Do not edit files under obj/…/guardrails/."));
                }
            }
        }

        private static void CheckScanFiles(CompileInputs inputs, CompileVerificationResult result)
        {
            if (inputs.ScanFiles.Length == 0)
            {
                return;
            }

            var passed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in inputs.AdditionalFiles)
            {
                passed.Add(Normalize(file));
            }

            foreach (string file in inputs.ScanFiles)
            {
                if (!passed.Contains(Normalize(file)))
                {
                    result.Findings.Add(new Finding(RuleCatalog.CompileNotAsChecked, file, 0, 0,
                        "This file was chosen for the key scan (GRD002) but removed from the compiler's AdditionalFiles afterwards, so it was not scanned. Keep it in the scan, or ask the policy owner to allow the opt-out (GuardrailsScanExclude, \"optOut\")."));
                }
            }
        }

        /// <summary>A .ruleset that lowers a Guardrails id (Action None/Hidden/Info, and Warning in Enforce) — GRD305.</summary>
        internal static List<LocalBypass> RuleSetBypasses(string? ruleSet, bool enforce)
        {
            var found = new List<LocalBypass>();
            if (string.IsNullOrWhiteSpace(ruleSet) || !File.Exists(ruleSet!.Trim()))
            {
                return found;
            }

            string path = ruleSet.Trim();
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4 * 1024 * 1024 };
                using (XmlReader reader = XmlReader.Create(path, settings))
                {
                    var lineInfo = reader as IXmlLineInfo;
                    while (reader.Read())
                    {
                        if (reader.NodeType != XmlNodeType.Element || !string.Equals(reader.LocalName, "Rule", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        string id = (reader.GetAttribute("Id") ?? string.Empty).Trim();
                        string action = (reader.GetAttribute("Action") ?? string.Empty).Trim();
                        bool lowers = action.Equals("None", StringComparison.OrdinalIgnoreCase) || action.Equals("Hidden", StringComparison.OrdinalIgnoreCase) ||
                            action.Equals("Info", StringComparison.OrdinalIgnoreCase) || (enforce && action.Equals("Warning", StringComparison.OrdinalIgnoreCase));
                        if (id.StartsWith("GRD", StringComparison.OrdinalIgnoreCase) && lowers)
                        {
                            found.Add(new LocalBypass(BypassKind.AnalyzerConfig, RuleIds.SeverityLoweredInConfig, path, lineInfo?.LineNumber ?? 0, lineInfo?.LinePosition ?? 0,
                                "ruleset: " + id.ToUpperInvariant() + " Action=" + action, id.ToUpperInvariant()));
                        }
                    }
                }
            }
            catch (Exception e) when (e is XmlException || e is IOException || e is UnauthorizedAccessException)
            {
                // The compiler reports an unreadable ruleset itself.
            }

            return found;
        }

        /// <summary>
        /// Each Guardrails assembly the compiler got must be one of the package's own copies: the IL one in
        /// analyzers/dotnet/cs/, or a ReadyToRun one in the package's r2r/&lt;rid&gt;/ folders (handed to a compiler on .NET
        /// by Guardrails.targets), by path or by the same bytes. Any other file of that name is refused.
        /// </summary>
        private static string? PackagedCopyMismatch(CompileInputs inputs)
        {
            if (string.IsNullOrWhiteSpace(inputs.PackagedAnalyzerDirectory) || !Directory.Exists(inputs.PackagedAnalyzerDirectory!.Trim()))
            {
                return null;
            }

            string packagedDirectory = inputs.PackagedAnalyzerDirectory.Trim();
            foreach (string required in BypassChecks.AnalyzerAssemblies)
            {
                var copies = new List<string>();
                string packaged = Path.Combine(packagedDirectory, required);
                if (!File.Exists(packaged))
                {
                    continue;
                }

                copies.Add(packaged);
                copies.AddRange(ReadyToRunCopies(packagedDirectory, required));

                List<string>? hashes = null;
                foreach (string analyzer in inputs.Analyzers)
                {
                    // The package's own files (the usual case) need no hashing.
                    if (!string.Equals(SafeFileName(analyzer), required, StringComparison.OrdinalIgnoreCase) || copies.Exists(c => SamePath(analyzer, c)))
                    {
                        continue;
                    }

                    hashes ??= copies.ConvertAll(c => SourceFile.TryHashFile(c) ?? string.Empty);
                    string? given = SourceFile.TryHashFile(analyzer.Trim());
                    if (given == null || !hashes.Contains(given))
                    {
                        return required + " given to the compiler is not the Guardrails package's copy (" + analyzer.Trim() + ")";
                    }
                }
            }

            return null;
        }

        /// <summary>The package's ReadyToRun copies of <paramref name="name"/>: &lt;package&gt;/r2r/&lt;rid&gt;/name, beside analyzers/dotnet/cs/.</summary>
        private static IEnumerable<string> ReadyToRunCopies(string packagedDirectory, string name)
        {
            string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(packagedDirectory.TrimEnd('/', '\\'))));
            string r2r = root == null ? string.Empty : Path.Combine(root, "r2r");
            if (root == null || !Directory.Exists(r2r))
            {
                return new string[0];
            }

            var found = new List<string>();
            try
            {
                foreach (string rid in Directory.GetDirectories(r2r))
                {
                    string copy = Path.Combine(rid, name);
                    if (File.Exists(copy))
                    {
                        found.Add(copy);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Unreadable: no ReadyToRun copy is accepted.
            }

            return found;
        }

        private static bool HasGuardrailsAnalyzers(string[] analyzers)
        {
            foreach (string analyzer in analyzers)
            {
                if (string.Equals(SafeFileName(analyzer), BypassChecks.AnalyzerAssemblies[0], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static Dictionary<string, string> ReadState(string? path)
        {
            var state = new Dictionary<string, string>(StringComparer.Ordinal);
            string? text = string.IsNullOrWhiteSpace(path) ? null : TryReadText(path!.Trim());
            if (text == null)
            {
                return state;
            }

            foreach (string line in text.Split('\n'))
            {
                int eq = line.IndexOf('=');
                if (eq > 0)
                {
                    state[line.Substring(0, eq)] = line.Substring(eq + 1).Trim();
                }
            }

            return state;
        }

        private static string Get(Dictionary<string, string> state, string key) => state.TryGetValue(key, out string? v) ? v : string.Empty;

        private static string PropertiesHash(params string?[] values) => Hash(string.Join("\u0001", Array.ConvertAll(values, v => (v ?? string.Empty).Trim())));

        private static string ListHash(string[]? paths, string extra)
        {
            var list = new List<string>();
            foreach (string p in paths ?? new string[0])
            {
                list.Add(Normalize(p));
            }

            list.Sort(StringComparer.Ordinal);
            return Hash(string.Join("\u0001", list) + "\u0002" + extra);
        }

        private static string Hash(string text)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return LoadedFile.Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
            }
        }

        private static string? TryReadText(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private static string Normalize(string path)
        {
            try
            {
                return Path.GetFullPath(path.Trim());
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path.Trim();
            }
        }

        private static bool SamePath(string a, string b)
        {
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(Normalize(a), Normalize(b), comparison);
        }

        private static string SafeFileName(string path)
        {
            try
            {
                return Path.GetFileName(path.Trim());
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }

        internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
