using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// Local bypasses of an Enforce build (GRD304-GRD308). Each one is reported unless the policy's
    /// allowLocalSuppression allows that kind for the project's tier; every one found is recorded for the audit record.
    /// GRD308 (the policy path or pin changed by the project, or set from outside the central location) is never a local
    /// choice and is always reported. Opt-outs (GRD310) are local bypasses of kind "optOut".
    /// </summary>
    public static class BypassChecks
    {
        /// <summary>The analyzer assemblies that must reach the compiler; matched by file name, so package and source builds both work.</summary>
        public static readonly string[] AnalyzerAssemblies = { "Guardrails.Analyzers.dll", "Guardrails.Core.dll" };

        private static readonly Regex GuardrailsId = new Regex(@"^GRD\d{3}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

        private static readonly char[] ListSeparators = { ';', ',', ' ', '\t', '\r', '\n' };

        public static void Run(CheckRequest request, CheckResult result)
        {
            CheckCentralSettings(request, result);
            if (result.PolicyDocument == null)
            {
                // Governance needs a policy: without one, teams may configure Guardrails as they like (the secrets rules still run).
                return;
            }

            string? tier = result.Policy != null ? result.Policy.EffectiveTier(result.Manifest) : result.Manifest?.Tier?.Value;
            LocalSuppressionPolicy allowed = LocalSuppressionPolicy.From(result.Policy, tier);
            List<WaiverEntry> waivers = Waivers.Entries(UsableWaivers(request, result));
            IntegrityState state = result.Integrity;
            state.SuppressionAllowed = allowed.Allows(BypassKind.Code);
            state.SuppressionSource = allowed.Source;
            foreach (BypassKind kind in (BypassKind[])Enum.GetValues(typeof(BypassKind)))
            {
                if (allowed.Allows(kind))
                {
                    state.AllowedKinds.Add(kind);
                }
            }

            result.Effective.Add("suppression.allowed", state.SuppressionAllowed ? "true" : "false");
            WriteWaivedSuppressions(waivers, request.Now, result);

            var found = new List<LocalBypass>();
            bool policyDecidesMode = CheckMode(request, result, tier, found);
            foreach (LocalBypass mode in found)
            {
                // A project cannot grant itself Audit: unless allowed or waived, the check (and the analyzers) stay in Enforce mode.
                bool allowedHere = (!policyDecidesMode && allowed.Allows(BypassKind.AuditMode)) || PolicyVerdicts.FindWaiver(waivers, mode.RuleId, mode.Subject, request.Now) != null;
                if (!allowedHere)
                {
                    result.Enforce = true;
                }
            }

            foreach (ExternalSetting optOut in request.OptOuts)
            {
                found.Add(new LocalBypass(BypassKind.OptOut, RuleIds.CheckSwitchedOff, request.ProjectPath, 0, 0,
                    optOut.Name + (optOut.Name == "GuardrailsScanExclude" ? " Include=\"" + optOut.Value.Trim() + "\"" : "=" + optOut.Value.Trim()) + ", set in " + optOut.Source, optOut.Name));
            }

            found.AddRange(result.ScanGaps);
            CheckProperties(request, found);
            found.AddRange(AnalyzerConfigScanner.Scan(request.AnalyzerConfigFiles ?? new string[0], result.Enforce));
            CheckAnalyzers(request, found);

            foreach (LocalBypass bypass in found)
            {
                state.Bypasses.Add(bypass);
                bool policyDecided = bypass.Kind == BypassKind.AuditMode && policyDecidesMode;
                if (!policyDecided && allowed.Allows(bypass.Kind))
                {
                    bypass.AllowedBy = "policy:" + allowed.Source;
                    continue;
                }

                WaiverEntry? waiver = PolicyVerdicts.FindWaiver(waivers, bypass.RuleId, bypass.Subject, request.Now);
                if (waiver != null)
                {
                    // Reported all the same: Waivers.Apply turns it into a warning that names the waiver.
                    bypass.AllowedBy = "waiver:" + waiver.Id;
                }

                result.Findings.Add(new Finding(RuleFor(bypass.RuleId), bypass.File, bypass.Line, bypass.Column, MessageFor(bypass, tier, allowed), subject: bypass.Subject));
            }
        }

        /// <summary>Waivers the manifest claims that are usable (problems with the claims are reported later, by Waivers.Apply).</summary>
        private static List<WaiverRule> UsableWaivers(CheckRequest request, CheckResult result)
        {
            GuardrailsPolicy? policy = result.PolicyErrors == 0 ? result.Policy : null;
            return policy == null || result.Manifest == null
                ? new List<WaiverRule>()
                : Waivers.Usable(policy, result.Manifest, request.ProjectPath, request.Now, null);
        }

        /// <summary>A waiver of GRD005 for subject "GRD001" (or a pattern such as "GRD00*") lets code suppress those ids.</summary>
        private static void WriteWaivedSuppressions(List<WaiverEntry> waivers, DateTimeOffset now, CheckResult result)
        {
            foreach (RuleInfo rule in RuleCatalog.All)
            {
                if (PolicyVerdicts.FindWaiver(waivers, RuleIds.ForbiddenLocalSuppression, rule.Id, now) is WaiverEntry w)
                {
                    result.Effective.Add("suppression.waived", rule.Id);
                    result.Integrity.WaivedSuppressions.Add(rule.Id + " (waiver " + w.Id + ")");
                }
            }
        }

        /// <summary>The local bypasses visible in these settings (properties, analyzer config, analyzers), before the policy judges them.</summary>
        internal static List<LocalBypass> Collect(CheckRequest request, bool enforce)
        {
            var found = new List<LocalBypass>();
            CheckProperties(request, found);
            found.AddRange(AnalyzerConfigScanner.Scan(request.AnalyzerConfigFiles ?? new string[0], enforce));
            CheckAnalyzers(request, found);
            return found;
        }

        internal static string Message(LocalBypass bypass, LocalSuppressionPolicy allowed) => MessageFor(bypass, null, allowed);

        internal static RuleInfo Rule(string id) => RuleFor(id);

        private static void CheckProperties(CheckRequest request, List<LocalBypass> found)
        {
            // The SDK copies NoWarn into MSBuildWarningsAsMessages (and WarningsNotAsErrors into MSBuildWarningsNotAsErrors):
            // an id is reported once, under the property a person actually set.
            List<string> noWarn = AddIds(request, found, "NoWarn", request.NoWarn, null);
            List<string> notAsErrors = AddIds(request, found, "WarningsNotAsErrors", request.WarningsNotAsErrors, null);
            AddIds(request, found, "MSBuildWarningsAsMessages", request.MSBuildWarningsAsMessages, noWarn);
            AddIds(request, found, "MSBuildWarningsNotAsErrors", request.MSBuildWarningsNotAsErrors, notAsErrors);
        }

        private static List<string> AddIds(CheckRequest request, List<LocalBypass> found, string property, string? value, List<string>? alreadyReported)
        {
            var ids = new List<string>();
            if (string.IsNullOrWhiteSpace(value))
            {
                return ids;
            }

            foreach (string token in value!.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                string id = token.Trim().ToUpperInvariant();
                if (GuardrailsId.IsMatch(id) && !ids.Contains(id) && (alreadyReported == null || !alreadyReported.Contains(id)))
                {
                    ids.Add(id);
                }
            }

            foreach (string id in ids)
            {
                found.Add(new LocalBypass(BypassKind.Properties, RuleIds.SuppressedByProperty, request.ProjectPath, 0, 0, property + ": " + id, id));
            }

            return ids;
        }

        private static void CheckAnalyzers(CheckRequest request, List<LocalBypass> found)
        {
            // The analyzers ship for C# only; other languages have nothing to remove.
            if (!string.Equals(request.Language, "C#", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (string.Equals(request.RunAnalyzers, "false", StringComparison.OrdinalIgnoreCase) ||
                (string.IsNullOrWhiteSpace(request.RunAnalyzers) && string.Equals(request.RunAnalyzersDuringBuild, "false", StringComparison.OrdinalIgnoreCase)))
            {
                string property = string.IsNullOrWhiteSpace(request.RunAnalyzers) ? "RunAnalyzersDuringBuild" : "RunAnalyzers";
                found.Add(new LocalBypass(BypassKind.AnalyzerRemoval, RuleIds.AnalyzerRemoved, request.ProjectPath, 0, 0, property + "=false", "analyzers"));
            }

            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string analyzer in request.Analyzers ?? new string[0])
            {
                string name = SafeFileName(analyzer);
                if (name.Length > 0)
                {
                    present.Add(name);
                }
            }

            var missing = new List<string>();
            foreach (string required in AnalyzerAssemblies)
            {
                if (!present.Contains(required))
                {
                    missing.Add(required);
                }
            }

            if (missing.Count > 0)
            {
                found.Add(new LocalBypass(BypassKind.AnalyzerRemoval, RuleIds.AnalyzerRemoved, request.ProjectPath, 0, 0, "missing from the Analyzer items: " + string.Join(", ", missing), "analyzers"));
            }
        }

        /// <summary>
        /// The policy decides the mode per tier ("tiers": { "regulated": { "mode": "Enforce" } }): Audit requested anywhere
        /// (project, Directory.Build.props, command line) while the tier demands Enforce is GRD307, and allowLocalSuppression
        /// cannot allow it (only a waiver can). Without a tier mode, Audit set in the project below the central value is GRD307.
        /// Returns true when the tier's mode decided.
        /// </summary>
        private static bool CheckMode(CheckRequest request, CheckResult result, string? tier, List<LocalBypass> found)
        {
            string? tierMode = result.Policy?.FindTier(tier)?.Mode?.Value;
            result.Integrity.TierMode = tierMode;
            if (tierMode != null && !IsAudit(tierMode))
            {
                if (IsAudit(request.Mode))
                {
                    found.Add(new LocalBypass(BypassKind.AuditMode, RuleIds.ModeLowered, request.ProjectPath, 0, 0,
                        "GuardrailsMode=Audit while the policy demands " + tierMode + " for tier '" + tier + "'", "mode"));
                }

                return true;
            }

            ExternalSetting? outside = request.ExternalSettings.Find(s => s.Name == "GuardrailsMode" || s.Name == "_GuardrailsCentralMode");
            if (outside != null && IsAudit(request.Mode))
            {
                found.Add(new LocalBypass(BypassKind.AuditMode, RuleIds.ModeLowered, request.ProjectPath, 0, 0,
                    outside.Name + "=Audit set in " + outside.Source + ", which is not where the central settings live", "mode"));
                return false;
            }

            // A build file that writes Guardrails' record of the central values makes that record worthless: Audit is then
            // the project's own choice whatever the "central" value says.
            if (request.CentralRecordTampered.Count > 0 && IsAudit(request.Mode))
            {
                found.Add(new LocalBypass(BypassKind.AuditMode, RuleIds.ModeLowered, request.CentralRecordTampered[0].File, request.CentralRecordTampered[0].Line, 0,
                    "GuardrailsMode=Audit with the captured central settings overwritten by this build file", "mode"));
                return false;
            }

            if (request.FilesSettingInternalProperties.Count > 0 && IsAudit(request.Mode))
            {
                found.Add(new LocalBypass(BypassKind.AuditMode, RuleIds.ModeLowered, request.FilesSettingInternalProperties[0], 0, 0,
                    "GuardrailsMode=Audit with the captured central settings overwritten by this build file", "mode"));
                return false;
            }

            // The value set centrally (Directory.Build.props, before the project body) versus the value the project ends with.
            if (request.CentralMode != null && IsAudit(request.Mode) && !IsAudit(request.CentralMode))
            {
                found.Add(new LocalBypass(BypassKind.AuditMode, RuleIds.ModeLowered, request.ProjectPath, 0, 0,
                    "GuardrailsMode=Audit set in the project while the central setting is " + (string.IsNullOrWhiteSpace(request.CentralMode) ? "Enforce (the default)" : "Enforce"), "mode"));
            }

            return false;
        }

        private static void CheckCentralSettings(CheckRequest request, CheckResult result)
        {
            foreach (ExternalSetting setting in request.ExternalSettings)
            {
                if (setting.Name == "GuardrailsMode")
                {
                    continue; // judged with the mode (GRD307): Enforce from the command line is stricter, and allowed
                }

                string what = setting.Name == "ImportDirectoryBuildProps"
                    ? "ImportDirectoryBuildProps=" + setting.Value.Trim() + " (set in " + setting.Source + ") keeps MSBuild from importing the repository's Directory.Build.props, where the central Guardrails settings live"
                    : setting.Name.StartsWith(CentralInternalPrefix, StringComparison.OrdinalIgnoreCase)
                        ? setting.Name + " (Guardrails' own record of the central settings) is set in " + setting.Source
                        : setting.Name.StartsWith("_Guardrails", StringComparison.OrdinalIgnoreCase)
                            ? setting.Name + " (an internal Guardrails property, which only Guardrails' own props and targets set; one can redirect or switch off part of the check) is set in " + setting.Source
                            : setting.Name + " is set in " + setting.Source + " to '" + setting.Value.Trim() + "'";
                result.Findings.Add(new Finding(
                    RuleCatalog.CentralSettingOverridden,
                    request.ProjectPath,
                    0,
                    0,
                    what + ". The central Guardrails settings (policy path, pin, mode) come only from the repository's Directory.Build.props or a policy package; " +
                    "the command line, response files, environment variables and project files may not replace them. Remove it from there." +
                    (setting.Name == "GuardrailsPolicyPath" && !string.IsNullOrWhiteSpace(request.ProjectPolicyPath)
                        ? " This build was judged under the central policy, not under the one given there."
                        : string.Empty)));
            }

            foreach (string file in request.ShadowedCentralFiles)
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.CentralSettingOverridden,
                    file,
                    0,
                    0,
                    "This Directory.Build.props is the repository's own and holds Guardrails settings, but MSBuild imported a nearer Directory.Build.props for this project that does not import it, " +
                    "so the central settings never reached the build (and what the nearer file sets is judged as a local setting). Import the repository's file from the nearer one " +
                    "(<Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" />) or remove the nearer file."));
            }

            result.Findings.AddRange(request.CentralRecordTampered);

            foreach (string file in request.FilesSettingInternalProperties)
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.CentralSettingOverridden,
                    file,
                    0,
                    0,
                    "This build file sets " + CentralInternalPrefix + "* properties, Guardrails' own record of the central settings, which only Guardrails.props may write. Remove them."));
            }

            // A setting given from outside (the command line, a response file) is reported above, naming the route; the
            // build is judged under the central value all the same (GuardrailsChecker.GovernByCentralPolicy).
            if (request.CentralPolicyPath != null && request.CentralPolicyPath.Trim().Length > 0 &&
                !request.ExternalSettings.Exists(s => s.Name == "GuardrailsPolicyPath") &&
                !SamePath(request.CentralPolicyPath, request.ProjectPolicyPath ?? request.PolicyPath))
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.CentralSettingOverridden,
                    request.ProjectPath,
                    0,
                    0,
                    "GuardrailsPolicyPath is set centrally to '" + request.CentralPolicyPath.Trim() + "' but this project changes it to '" + (request.ProjectPolicyPath ?? request.PolicyPath ?? string.Empty).Trim() +
                    "'. A project cannot choose its own policy (the build is judged under the central one): remove the override from the project file (or from Directory.Build.targets)."));
            }

            if (request.CentralPolicySha256 != null && request.CentralPolicySha256.Trim().Length > 0 &&
                !request.ExternalSettings.Exists(s => s.Name == "GuardrailsPolicySha256") &&
                !string.Equals(request.CentralPolicySha256.Trim(), (request.ProjectPolicySha256 ?? request.PolicySha256 ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.CentralSettingOverridden,
                    request.ProjectPath,
                    0,
                    0,
                    "GuardrailsPolicySha256 is set centrally to '" + request.CentralPolicySha256.Trim() + "' but this project changes it to '" + (request.ProjectPolicySha256 ?? request.PolicySha256 ?? string.Empty).Trim() +
                    "'. Only the policy owner publishes the pin: remove the override from the project file."));
            }

            // A project that replaced the central settings cannot have the replacement decide how strict the check is (a
            // permissive policy of its own, Audit): GRD308 and everything else stay errors.
            foreach (Finding f in result.Findings)
            {
                if (f.Rule.Id == RuleIds.CentralSettingOverridden)
                {
                    result.Enforce = true;
                    break;
                }
            }
        }

        private const string CentralInternalPrefix = "_GuardrailsCentral";

        private static string MessageFor(LocalBypass bypass, string? tier, LocalSuppressionPolicy allowed)
        {
            string scope = string.IsNullOrEmpty(tier) ? "this project" : "tier '" + tier + "'";
            string why = " The policy does not allow this kind of local bypass (\"" + LocalBypass.PolicyName(bypass.Kind) + "\") for " + scope +
                ": remove it, ask the policy owner for a waiver, or for allowLocalSuppression in a relaxed tier.";
            switch (bypass.Kind)
            {
                case BypassKind.Properties:
                    return "Guardrails diagnostics are suppressed by a project property (" + bypass.What + "). In Enforce mode Guardrails findings must not be hidden." + why;
                case BypassKind.AnalyzerConfig:
                    return "This analyzer config lowers a Guardrails diagnostic (" + bypass.What + "); in Enforce mode Guardrails diagnostics must stay errors." + why;
                case BypassKind.OptOut when bypass.RuleId == RuleIds.FileNotScannable:
                    return "This file is in the key scan (GRD002) but cannot be scanned: " + bypass.What + ". A file padded past the limit, or with binary bytes, " +
                        "would hide any key in it. Keep configuration files small text files, or have the central configuration take this file out of the scan." + why;
                case BypassKind.OptOut:
                    return "A Guardrails check is switched off or narrowed (" + bypass.What + "): " + OptOutEffect(bypass.Subject) + " Opt-outs are the central policy's decision." + why;
                case BypassKind.AnalyzerRemoval:
                    return "The Guardrails analyzers do not run in this compilation (" + bypass.What + "), so hardcoded keys and unapproved AI SDKs go unchecked. Keep the Guardrails package's analyzers (no ExcludeAssets=\"analyzers\", no Analyzer Remove) and leave RunAnalyzers on." + why;
                default:
                    return "This project lowers the Guardrails mode (" + bypass.What + "). The check stays in Enforce mode unless a waiver covers it (rule " + bypass.RuleId + ", subject \"mode\")." +
                        (bypass.What.IndexOf("policy demands", StringComparison.Ordinal) >= 0 ? " The policy decides the mode per tier; allowLocalSuppression cannot lower it." : why);
            }
        }

        private static string OptOutEffect(string name) => name switch
        {
            "GuardrailsScanFiles" => "the project's config files are no longer scanned for keys (GRD002).",
            "GuardrailsScanExclude" => "those files are no longer scanned for keys (GRD002).",
            "GuardrailsScanRepositoryFiles" => "the repository's CI and container files (.github/workflows, .gitlab-ci.yml, azure-pipelines, docker-compose, ...) are no longer scanned for keys (GRD002).",
            "GuardrailsCheckFootprints" => "undeclared assistant files (.cursor/, .claude/, .mcp.json, ...) are no longer found (GRD130-GRD137).",
            _ => "the rollback memory starts empty, so an older policy revision is no longer detected (GRD303).",
        };

        private static RuleInfo RuleFor(string id)
        {
            foreach (RuleInfo rule in RuleCatalog.All)
            {
                if (rule.Id == id)
                {
                    return rule;
                }
            }

            return RuleCatalog.InternalError;
        }

        private static bool IsAudit(string? mode) => string.Equals((mode ?? string.Empty).Trim(), "Audit", StringComparison.OrdinalIgnoreCase);

        internal static bool SamePath(string a, string? b)
        {
            if (b == null)
            {
                return false;
            }

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
    }
}
