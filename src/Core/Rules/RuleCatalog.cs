using System.Collections.Generic;

namespace Guardrails.Core.Rules
{
    /// <summary>Where a rule runs.</summary>
    public enum RuleHost
    {
        /// <summary>A Roslyn analyzer (csc and the IDE): GRD0xx.</summary>
        Analyzer,

        /// <summary>The MSBuild check task: GRD1xx, GRD2xx, GRD3xx.</summary>
        BuildTask,
    }

    /// <summary>One diagnostic id: its meaning never changes once released.</summary>
    public sealed class RuleInfo
    {
        public RuleInfo(string id, string title, string category, RuleHost host, bool isError)
        {
            Id = id;
            Title = title;
            Category = category;
            Host = host;
            IsErrorInEnforce = isError;
        }

        public string Id { get; }

        public string Title { get; }

        public string Category { get; }

        public RuleHost Host { get; }

        /// <summary>True when the finding fails an Enforce build; false for rules that only ever warn.</summary>
        public bool IsErrorInEnforce { get; }

        public string HelpLink => RuleCatalog.HelpLinkFor(Id);
    }

    /// <summary>Diagnostic ids as compile-time constants (analyzer release tracking needs constants).</summary>
    public static class RuleIds
    {
        public const string KeyInCode = "GRD001";
        public const string UnapprovedSdk = "GRD003";
        public const string InternalError = "GRD100";
        public const string PolicyUnavailable = "GRD101";
        public const string MalformedJson = "GRD102";
        public const string ManifestMissing = "GRD103";
        public const string InvalidMode = "GRD104";

        // Integrity and bypass (issue 7): GRD005 and GRD301-GRD319.
        public const string PolicyHashMismatch = "GRD301";
        public const string PolicyPinMalformed = "GRD302";
        public const string PolicyRollback = "GRD303";
        public const string SuppressedByProperty = "GRD304";
        public const string SeverityLoweredInConfig = "GRD305";
        public const string AnalyzerRemoved = "GRD306";
        public const string ModeLowered = "GRD307";
        public const string CentralSettingOverridden = "GRD308";
    }

    /// <summary>
    /// Every Guardrails diagnostic id, in one place, with its docs page. Analyzers build their descriptors from
    /// these entries and the build task logs with them, so ids, titles and help links cannot drift apart.
    /// </summary>
    public static class RuleCatalog
    {
        /// <summary>Docs pages live in the repository at docs/rules/&lt;ID&gt;.md.</summary>
        public const string HelpLinkBase = "https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/";

        public const string CategorySecrets = "Guardrails.Secrets";
        public const string CategoryPolicy = "Guardrails.Policy";
        public const string CategoryPackages = "Guardrails.Packages";
        public const string CategoryIntegrity = "Guardrails.Integrity";
        public const string CategoryAiUsage = "Guardrails.AiUsage";

        public static readonly RuleInfo KeyInCode = new RuleInfo(
            RuleIds.KeyInCode, "AI provider key in C# code", CategorySecrets, RuleHost.Analyzer, isError: true);

        public static readonly RuleInfo UnapprovedSdk = new RuleInfo(
            RuleIds.UnapprovedSdk, "AI SDK not approved by the policy", CategoryAiUsage, RuleHost.Analyzer, isError: true);

        public static readonly RuleInfo InternalError = new RuleInfo(
            RuleIds.InternalError, "Guardrails check failed internally", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PolicyUnavailable = new RuleInfo(
            RuleIds.PolicyUnavailable, "Guardrails policy file is missing or unreadable", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo MalformedJson = new RuleInfo(
            RuleIds.MalformedJson, "Guardrails policy or manifest is not valid JSON", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo ManifestMissing = new RuleInfo(
            RuleIds.ManifestMissing, "Team assistant manifest (ai-assistants.json) is missing", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo InvalidMode = new RuleInfo(
            RuleIds.InvalidMode, "GuardrailsMode has an unknown value", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PolicyHashMismatch = new RuleInfo(
            RuleIds.PolicyHashMismatch, "Guardrails policy does not match its pinned SHA-256", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PolicyPinMalformed = new RuleInfo(
            RuleIds.PolicyPinMalformed, "GuardrailsPolicySha256 is not a SHA-256 value", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PolicyRollback = new RuleInfo(
            RuleIds.PolicyRollback, "Guardrails policy revision is older than one this repository already built against", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo SuppressedByProperty = new RuleInfo(
            RuleIds.SuppressedByProperty, "Guardrails diagnostic suppressed by a project property (NoWarn, WarningsNotAsErrors)", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo SeverityLoweredInConfig = new RuleInfo(
            RuleIds.SeverityLoweredInConfig, "Guardrails diagnostic severity lowered in .editorconfig or .globalconfig", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo AnalyzerRemoved = new RuleInfo(
            RuleIds.AnalyzerRemoved, "Guardrails analyzers removed from the compilation", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo ModeLowered = new RuleInfo(
            RuleIds.ModeLowered, "GuardrailsMode lowered below what the policy demands", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo CentralSettingOverridden = new RuleInfo(
            RuleIds.CentralSettingOverridden, "Project overrides the central Guardrails policy settings", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        private static readonly List<RuleInfo> AllRules = new List<RuleInfo>
        {
            KeyInCode,
            UnapprovedSdk,
            InternalError,
            PolicyUnavailable,
            MalformedJson,
            ManifestMissing,
            InvalidMode,
            PolicyHashMismatch,
            PolicyPinMalformed,
            PolicyRollback,
            SuppressedByProperty,
            SeverityLoweredInConfig,
            AnalyzerRemoved,
            ModeLowered,
            CentralSettingOverridden,
        };

        /// <summary>All known rules, in id order of declaration.</summary>
        public static IReadOnlyList<RuleInfo> All => AllRules;

        public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";
    }
}
