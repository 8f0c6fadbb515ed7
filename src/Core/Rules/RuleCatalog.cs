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
        public const string KeyInFile = "GRD002";
        public const string UnapprovedSdk = "GRD003";
        public const string UnapprovedEndpoint = "GRD004";
        public const string PossibleSecret = "GRD006";
        public const string InternalError = "GRD100";
        public const string PolicyUnavailable = "GRD101";
        public const string MalformedJson = "GRD102";
        public const string ManifestMissing = "GRD103";
        public const string InvalidMode = "GRD104";
        public const string UnsupportedFormat = "GRD105";
        public const string UnknownField = "GRD106";
        public const string InvalidValue = "GRD107";
        public const string DuplicateEntry = "GRD108";
        public const string ApproverNotAllowed = "GRD109";
        public const string UndefinedReference = "GRD110";
        public const string AssistantNotApproved = "GRD111";
        public const string AssistantDenied = "GRD112";
        public const string AssistantVersionNotAllowed = "GRD113";
        public const string ModelNotApproved = "GRD114";
        public const string McpServerNotApproved = "GRD115";
        public const string ApprovalExpired = "GRD116";
        public const string TierNotAllowed = "GRD117";
        public const string DataClassTooHigh = "GRD118";
        public const string OwnerMissing = "GRD119";
        public const string LiteralCredential = "GRD120";
        public const string CredentialRefNotAllowed = "GRD121";
        public const string RepositoryNotAllowed = "GRD122";
        public const string WaiverUnknown = "GRD123";
        public const string WaiverExpired = "GRD124";
        public const string WaiverOutOfScope = "GRD125";
        public const string PermissionCeilingExceeded = "GRD126";
        public const string UndeclaredFootprint = "GRD130";
        public const string DeclaredWithoutFootprint = "GRD131";
        public const string FootprintMcpServerNotApproved = "GRD132";
        public const string FootprintModelNotApproved = "GRD133";
        public const string FootprintPermissionAboveCeiling = "GRD134";
        public const string CredentialInAssistantFile = "GRD135";
        public const string PersonalFileCommitted = "GRD136";
        public const string UnreadableAssistantFile = "GRD137";
        public const string PackageNotApproved = "GRD201";
        public const string PackageDenied = "GRD202";
        public const string PackageVersionNotApproved = "GRD203";
        public const string AssetsFileUnreadable = "GRD204";

        // Integrity and bypass (issue 7): GRD005 and GRD301-GRD319.
        public const string ForbiddenLocalSuppression = "GRD005";
        public const string PolicyHashMismatch = "GRD301";
        public const string PolicyPinMalformed = "GRD302";
        public const string PolicyRollback = "GRD303";
        public const string SuppressedByProperty = "GRD304";
        public const string SeverityLoweredInConfig = "GRD305";
        public const string AnalyzerRemoved = "GRD306";
        public const string ModeLowered = "GRD307";
        public const string CentralSettingOverridden = "GRD308";
        public const string ReportNotWritten = "GRD309";
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

        public static readonly RuleInfo KeyInFile = new RuleInfo(
            RuleIds.KeyInFile, "AI provider key in a configuration or text file", CategorySecrets, RuleHost.Analyzer, isError: true);

        /// <summary>Generic secrets: a lower tier that only ever warns, so teams can tune it without losing GRD001/GRD002.</summary>
        public static readonly RuleInfo PossibleSecret = new RuleInfo(
            RuleIds.PossibleSecret, "Possible secret in code or configuration", CategorySecrets, RuleHost.Analyzer, isError: false);

        public static readonly RuleInfo UnapprovedSdk = new RuleInfo(
            RuleIds.UnapprovedSdk, "AI SDK not approved by the policy", CategoryAiUsage, RuleHost.Analyzer, isError: true);

        public static readonly RuleInfo UnapprovedEndpoint = new RuleInfo(
            RuleIds.UnapprovedEndpoint, "AI provider endpoint not approved by the policy", CategoryAiUsage, RuleHost.Analyzer, isError: true);

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

        public static readonly RuleInfo UnsupportedFormat = new RuleInfo(
            RuleIds.UnsupportedFormat, "Policy or manifest format version is not supported", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo UnknownField = new RuleInfo(
            RuleIds.UnknownField, "Unknown field in the policy or manifest", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo InvalidValue = new RuleInfo(
            RuleIds.InvalidValue, "Policy or manifest field has a missing or invalid value", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo DuplicateEntry = new RuleInfo(
            RuleIds.DuplicateEntry, "Duplicate id or field in the policy or manifest", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo ApproverNotAllowed = new RuleInfo(
            RuleIds.ApproverNotAllowed, "Policy entry approved by someone who is not an owner approver", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo UndefinedReference = new RuleInfo(
            RuleIds.UndefinedReference, "Undefined data class or tier", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo AssistantNotApproved = new RuleInfo(
            RuleIds.AssistantNotApproved, "AI assistant is not approved by the policy", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo AssistantDenied = new RuleInfo(
            RuleIds.AssistantDenied, "AI assistant is denied by the policy", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo AssistantVersionNotAllowed = new RuleInfo(
            RuleIds.AssistantVersionNotAllowed, "AI assistant version is not allowed", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo ModelNotApproved = new RuleInfo(
            RuleIds.ModelNotApproved, "Model is not approved for the assistant", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo McpServerNotApproved = new RuleInfo(
            RuleIds.McpServerNotApproved, "MCP server is not approved", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo ApprovalExpired = new RuleInfo(
            RuleIds.ApprovalExpired, "Approval has expired or expires soon", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo TierNotAllowed = new RuleInfo(
            RuleIds.TierNotAllowed, "Tier is not allowed", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo DataClassTooHigh = new RuleInfo(
            RuleIds.DataClassTooHigh, "Data class is above the allowed ceiling", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo OwnerMissing = new RuleInfo(
            RuleIds.OwnerMissing, "Manifest owner is missing", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo LiteralCredential = new RuleInfo(
            RuleIds.LiteralCredential, "Literal credential in the manifest", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo CredentialRefNotAllowed = new RuleInfo(
            RuleIds.CredentialRefNotAllowed, "Credential reference is not permitted", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo RepositoryNotAllowed = new RuleInfo(
            RuleIds.RepositoryNotAllowed, "Repository is not allowed for the assistant", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo WaiverUnknown = new RuleInfo(
            RuleIds.WaiverUnknown, "Waiver is not defined in the policy", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo WaiverExpired = new RuleInfo(
            RuleIds.WaiverExpired, "Waiver has expired or expires soon", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo WaiverOutOfScope = new RuleInfo(
            RuleIds.WaiverOutOfScope, "Waiver does not cover this repository or project", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PermissionCeilingExceeded = new RuleInfo(
            RuleIds.PermissionCeilingExceeded, "Assistant permission exceeds the policy ceiling", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo UndeclaredFootprint = new RuleInfo(
            RuleIds.UndeclaredFootprint, "Assistant footprint found for an assistant the manifest does not declare", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo DeclaredWithoutFootprint = new RuleInfo(
            RuleIds.DeclaredWithoutFootprint, "Declared assistant or footprint not found in the repository", CategoryPolicy, RuleHost.BuildTask, isError: false);

        public static readonly RuleInfo FootprintMcpServerNotApproved = new RuleInfo(
            RuleIds.FootprintMcpServerNotApproved, "MCP server configured in an assistant file is not approved", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo FootprintModelNotApproved = new RuleInfo(
            RuleIds.FootprintModelNotApproved, "Model named in an assistant file is not approved", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo FootprintPermissionAboveCeiling = new RuleInfo(
            RuleIds.FootprintPermissionAboveCeiling, "Permission setting in an assistant file exceeds the policy ceiling", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo CredentialInAssistantFile = new RuleInfo(
            RuleIds.CredentialInAssistantFile, "Literal credential in an assistant file", CategorySecrets, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PersonalFileCommitted = new RuleInfo(
            RuleIds.PersonalFileCommitted, "Personal assistant file is committed", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo UnreadableAssistantFile = new RuleInfo(
            RuleIds.UnreadableAssistantFile, "Assistant file or folder could not be read", CategoryPolicy, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PackageNotApproved = new RuleInfo(
            RuleIds.PackageNotApproved, "AI SDK package is not approved", CategoryPackages, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PackageDenied = new RuleInfo(
            RuleIds.PackageDenied, "AI SDK package is denied by the policy", CategoryPackages, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo PackageVersionNotApproved = new RuleInfo(
            RuleIds.PackageVersionNotApproved, "AI SDK package version is not approved", CategoryPackages, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo AssetsFileUnreadable = new RuleInfo(
            RuleIds.AssetsFileUnreadable, "Package assets file (project.assets.json) cannot be read", CategoryPackages, RuleHost.BuildTask, isError: true);

        public static readonly RuleInfo ForbiddenLocalSuppression = new RuleInfo(
            RuleIds.ForbiddenLocalSuppression, "Guardrails diagnostic suppressed in code where the policy forbids it", CategoryIntegrity, RuleHost.Analyzer, isError: true);

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

        public static readonly RuleInfo ReportNotWritten = new RuleInfo(
            RuleIds.ReportNotWritten, "Guardrails audit record or report could not be written", CategoryIntegrity, RuleHost.BuildTask, isError: true);

        private static readonly List<RuleInfo> AllRules = new List<RuleInfo>
        {
            KeyInCode,
            KeyInFile,
            UnapprovedSdk,
            UnapprovedEndpoint,
            PossibleSecret,
            InternalError,
            PolicyUnavailable,
            MalformedJson,
            ManifestMissing,
            InvalidMode,
            UnsupportedFormat,
            UnknownField,
            InvalidValue,
            DuplicateEntry,
            ApproverNotAllowed,
            UndefinedReference,
            AssistantNotApproved,
            AssistantDenied,
            AssistantVersionNotAllowed,
            ModelNotApproved,
            McpServerNotApproved,
            ApprovalExpired,
            TierNotAllowed,
            DataClassTooHigh,
            OwnerMissing,
            LiteralCredential,
            CredentialRefNotAllowed,
            RepositoryNotAllowed,
            WaiverUnknown,
            WaiverExpired,
            WaiverOutOfScope,
            PermissionCeilingExceeded,
            UndeclaredFootprint,
            DeclaredWithoutFootprint,
            FootprintMcpServerNotApproved,
            FootprintModelNotApproved,
            FootprintPermissionAboveCeiling,
            CredentialInAssistantFile,
            PersonalFileCommitted,
            UnreadableAssistantFile,
            PackageNotApproved,
            PackageDenied,
            PackageVersionNotApproved,
            AssetsFileUnreadable,
            ForbiddenLocalSuppression,
            PolicyHashMismatch,
            PolicyPinMalformed,
            PolicyRollback,
            SuppressedByProperty,
            SeverityLoweredInConfig,
            AnalyzerRemoved,
            ModeLowered,
            CentralSettingOverridden,
            ReportNotWritten,
        };

        /// <summary>All known rules, in id order of declaration.</summary>
        public static IReadOnlyList<RuleInfo> All => AllRules;

        public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";
    }
}
