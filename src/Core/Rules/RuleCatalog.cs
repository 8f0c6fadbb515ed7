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

        /// <summary>The <c>guardrails</c> tool only (<c>guardrails scan</c>): what no project's build sees, such as a .NET 10 file-based app.</summary>
        Tool,
    }

    /// <summary>
    /// One diagnostic id: its meaning never changes once released. Everything the docs say about a rule in general
    /// (the header of docs/rules/&lt;ID&gt;.md, the README's rules table, the waivable list of docs/policy.md) is
    /// generated from these fields: `dotnet run --project tools/RuleDocs`.
    /// </summary>
    public sealed class RuleInfo
    {
        /// <param name="id">The diagnostic id, GRDnnn.</param>
        /// <param name="title">One line; the descriptor title and the docs page heading.</param>
        /// <param name="category">One of the RuleCatalog.Category* values.</param>
        /// <param name="host">Where the rule runs.</param>
        /// <param name="isError">True when a finding fails an Enforce build; false for rules that only ever warn.</param>
        /// <param name="name">A stable PascalCase name, distinct from the id (SARIF reportingDescriptor.name).</param>
        /// <param name="waiverSubject">
        /// Null when no policy waiver can cover the rule; otherwise what a waiver's "subject" is matched against
        /// (markdown, for the docs).
        /// </param>
        /// <param name="severityNote">Docs: what else decides the severity (a policy default, an expiry ahead).</param>
        /// <param name="whereNote">Docs: which part of the host finds it (footprint discovery, AdditionalFiles).</param>
        /// <param name="errorInEveryMode">Docs: the finding is an error in Audit mode too (the check fails closed).</param>
        /// <param name="since">The first package version with this id.</param>
        public RuleInfo(
            string id,
            string title,
            string category,
            RuleHost host,
            bool isError,
            string? name = null,
            string? waiverSubject = null,
            string? severityNote = null,
            string? whereNote = null,
            bool errorInEveryMode = false,
            string since = RuleCatalog.FirstRelease,
            bool info = false)
        {
            IsInfo = info;
            Id = id;
            Title = title;
            Category = category;
            Host = host;
            IsErrorInEnforce = isError;
            Name = name ?? string.Empty;
            WaiverSubject = waiverSubject;
            SeverityNote = severityNote;
            WhereNote = whereNote;
            IsErrorInEveryMode = errorInEveryMode;
            Since = since;
        }

        public string Id { get; }

        public string Title { get; }

        public string Category { get; }

        public RuleHost Host { get; }

        /// <summary>True for a rule that only informs (an info diagnostic in every mode).</summary>
        public bool IsInfo { get; }

        /// <summary>True when the finding fails an Enforce build; false for rules that only ever warn.</summary>
        public bool IsErrorInEnforce { get; }

        /// <summary>A PascalCase name distinct from the id (SARIF requires name != id, SARIF1001).</summary>
        public string Name { get; }

        /// <summary>True when a policy waiver may name this rule.</summary>
        public bool IsWaivable => WaiverSubject != null;

        /// <summary>What a waiver's subject is matched against (markdown); null when the rule is not waivable.</summary>
        public string? WaiverSubject { get; }

        /// <summary>Docs only: what besides the mode decides the severity.</summary>
        public string? SeverityNote { get; }

        /// <summary>Docs only: which part of the host finds it.</summary>
        public string? WhereNote { get; }

        /// <summary>Docs only: the finding is an error in Audit mode too.</summary>
        public bool IsErrorInEveryMode { get; }

        /// <summary>The first package version with this id.</summary>
        public string Since { get; }

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
        public const string FileNotScanned = "GRD007";
        public const string EndpointUsed = "GRD008";
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
        public const string RepositoryMismatch = "GRD127";
        public const string UndeclaredFootprint = "GRD130";
        public const string DeclaredWithoutFootprint = "GRD131";
        public const string FootprintMcpServerNotApproved = "GRD132";
        public const string FootprintModelNotApproved = "GRD133";
        public const string FootprintPermissionAboveCeiling = "GRD134";
        public const string CredentialInAssistantFile = "GRD135";
        public const string PersonalFileCommitted = "GRD136";
        public const string UnreadableAssistantFile = "GRD137";
        public const string AssistantEndpointNotApproved = "GRD138";
        public const string PackageNotApproved = "GRD201";
        public const string PackageDenied = "GRD202";
        public const string PackageVersionNotApproved = "GRD203";
        public const string AssetsFileUnreadable = "GRD204";
        public const string PackageManifestUnreadable = "GRD205";

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
        public const string CheckSwitchedOff = "GRD310";
        public const string CompileNotAsChecked = "GRD311";
        public const string FileNotScannable = "GRD312";
        public const string AssetsFileStale = "GRD313";
        public const string BuildOutputCommitted = "GRD315";
        public const string FileBasedAppSetting = "GRD316";
        public const string FrameworkWithoutGuardrails = "GRD317";
        public const string GlobalPropertyBuild = "GRD318";
        public const string PolicyNeedsNewerGuardrails = "GRD319";
    }

    /// <summary>
    /// Every Guardrails diagnostic id, in one place, with its docs page. Analyzers build their descriptors from
    /// these entries and the build task logs with them, so ids, titles and help links cannot drift apart.
    /// </summary>
    public static class RuleCatalog
    {
        /// <summary>The package version that introduced the rules of the first release.</summary>
        public const string FirstRelease = "0.1.0";

        /// <summary>
        /// The repository's web address. Set once, as GuardrailsRepositoryUrl in Directory.Build.props; the same property
        /// gives the package its RepositoryUrl and ProjectUrl.
        /// </summary>
        public const string RepositoryUrl = RepositoryInfo.Url;

        /// <summary>Docs pages live in the repository at docs/rules/&lt;ID&gt;.md.</summary>
        public const string HelpLinkBase = RepositoryUrl + "/blob/main/docs/rules/";

        public const string CategorySecrets = "Guardrails.Secrets";
        public const string CategoryPolicy = "Guardrails.Policy";
        public const string CategoryPackages = "Guardrails.Packages";
        public const string CategoryIntegrity = "Guardrails.Integrity";
        public const string CategoryAiUsage = "Guardrails.AiUsage";

        public static readonly RuleInfo KeyInCode = new RuleInfo(
            RuleIds.KeyInCode, "AI provider key in C# code", CategorySecrets, RuleHost.Analyzer, isError: true,
            name: "KeyInCode");

        public static readonly RuleInfo KeyInFile = new RuleInfo(
            RuleIds.KeyInFile, "AI provider key in a configuration or text file", CategorySecrets, RuleHost.Analyzer, isError: true,
            name: "KeyInFile",
            whereNote: "the project's AdditionalFiles");

        /// <summary>Generic secrets: a lower tier that only ever warns, so teams can tune it without losing GRD001/GRD002.</summary>
        public static readonly RuleInfo PossibleSecret = new RuleInfo(
            RuleIds.PossibleSecret, "Possible secret in code or configuration", CategorySecrets, RuleHost.Analyzer, isError: false,
            name: "PossibleSecret",
            whereNote: "C# code and the project's AdditionalFiles");

        public static readonly RuleInfo FileNotScanned = new RuleInfo(
            RuleIds.FileNotScanned, "File not scanned for keys (binary or too large)", CategorySecrets, RuleHost.Analyzer, isError: false,
            name: "FileNotScanned",
            whereNote: "the project's AdditionalFiles",
            info: true);

        /// <summary>
        /// The channel from the analyzers to the audit record ("what can it reach"): analyzers may not write files, so every
        /// AI provider endpoint the code uses (approved or not) is an info diagnostic, once per host and file, that the
        /// compiler writes into its SARIF error log, and the post-compile verification turns into the record's "endpoints".
        /// </summary>
        public static readonly RuleInfo EndpointUsed = new RuleInfo(
            RuleIds.EndpointUsed, "AI provider endpoint used (for the audit record)", CategoryAiUsage, RuleHost.Analyzer, isError: false,
            name: "EndpointUsed",
            whereNote: "C# code and every file the project passes to the compiler (the key scan's files: JSON, XML and project files, YAML, INI/TOML, .env, Dockerfiles, .http, scripts and code of other languages, plain text; see GRD004), under a central policy; read back from the compiler's error log",
            info: true);

        /// <summary>GRD008's diagnostic property (SARIF: result.properties.customProperties) holding the host as shown.</summary>
        public const string EndpointUsedHostProperty = "host";

        public static readonly RuleInfo UnapprovedSdk = new RuleInfo(
            RuleIds.UnapprovedSdk, "AI SDK not approved by the policy", CategoryAiUsage, RuleHost.Analyzer, isError: true,
            name: "UnapprovedSdk",
            waiverSubject: "the package id, or the id of an SDK the policy defines by namespace only (`packages.sdks`); a waiver of `GRD201`-`GRD203` for the package covers its code too");

        public static readonly RuleInfo UnapprovedEndpoint = new RuleInfo(
            RuleIds.UnapprovedEndpoint, "AI provider endpoint not approved by the policy", CategoryAiUsage, RuleHost.Analyzer, isError: true,
            name: "UnapprovedEndpoint",
            waiverSubject: "the host, as a host pattern of `endpoints` (e.g. `*.openai.azure.com`); a run-time hole in an address is `*`");

        public static readonly RuleInfo InternalError = new RuleInfo(
            RuleIds.InternalError, "Guardrails check failed internally", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "InternalError",
            severityNote: "the check fails closed",
            errorInEveryMode: true);

        public static readonly RuleInfo PolicyUnavailable = new RuleInfo(
            RuleIds.PolicyUnavailable, "Guardrails policy file is missing or unreadable", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "PolicyUnavailable");

        public static readonly RuleInfo MalformedJson = new RuleInfo(
            RuleIds.MalformedJson, "Guardrails policy or manifest is not valid JSON", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "MalformedJson");

        public static readonly RuleInfo ManifestMissing = new RuleInfo(
            RuleIds.ManifestMissing, "Team assistant manifest (ai-assistants.json) is missing", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "ManifestMissing");

        public static readonly RuleInfo InvalidMode = new RuleInfo(
            RuleIds.InvalidMode, "GuardrailsMode has an unknown value", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "InvalidMode",
            severityNote: "an unknown mode runs the check in `Enforce` mode",
            errorInEveryMode: true);

        public static readonly RuleInfo UnsupportedFormat = new RuleInfo(
            RuleIds.UnsupportedFormat, "Policy or manifest format version is not supported", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "UnsupportedFormat");

        public static readonly RuleInfo UnknownField = new RuleInfo(
            RuleIds.UnknownField, "Unknown field in the policy or manifest", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "UnknownField",
            severityNote: "always a warning for an unknown field in the manifest");

        public static readonly RuleInfo InvalidValue = new RuleInfo(
            RuleIds.InvalidValue, "Policy or manifest field has a missing or invalid value", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "InvalidValue");

        public static readonly RuleInfo DuplicateEntry = new RuleInfo(
            RuleIds.DuplicateEntry, "Duplicate id or field in the policy or manifest", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "DuplicateEntry");

        public static readonly RuleInfo ApproverNotAllowed = new RuleInfo(
            RuleIds.ApproverNotAllowed, "Policy entry approved by someone who is not an owner approver", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "ApproverNotAllowed");

        public static readonly RuleInfo UndefinedReference = new RuleInfo(
            RuleIds.UndefinedReference, "Undefined data class or tier", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "UndefinedReference");

        public static readonly RuleInfo AssistantNotApproved = new RuleInfo(
            RuleIds.AssistantNotApproved, "AI assistant is not approved by the policy", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "AssistantNotApproved",
            waiverSubject: "the assistant id (e.g. `cursor`)",
            severityNote: "`defaults.unknownAssistant` can lower it");

        public static readonly RuleInfo AssistantDenied = new RuleInfo(
            RuleIds.AssistantDenied, "AI assistant is denied by the policy", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "AssistantDenied",
            waiverSubject: "the assistant id (e.g. `cursor`)");

        public static readonly RuleInfo AssistantVersionNotAllowed = new RuleInfo(
            RuleIds.AssistantVersionNotAllowed, "AI assistant version is not allowed", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "AssistantVersionNotAllowed",
            waiverSubject: "the assistant id (e.g. `cursor`)");

        public static readonly RuleInfo ModelNotApproved = new RuleInfo(
            RuleIds.ModelNotApproved, "Model is not approved for the assistant", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "ModelNotApproved",
            waiverSubject: "`assistant/model` (e.g. `claude-code/claude-opus-4-1`)");

        public static readonly RuleInfo McpServerNotApproved = new RuleInfo(
            RuleIds.McpServerNotApproved, "MCP server is not approved", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "McpServerNotApproved",
            waiverSubject: "`mcp:` + the server id");

        public static readonly RuleInfo ApprovalExpired = new RuleInfo(
            RuleIds.ApprovalExpired, "Approval has expired or expires soon", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "ApprovalExpired",
            waiverSubject: "the assistant id, or `mcp:` + the server id for an MCP server's approval",
            severityNote: "a warning in both modes while the expiry is still ahead");

        public static readonly RuleInfo TierNotAllowed = new RuleInfo(
            RuleIds.TierNotAllowed, "Tier is not allowed", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "TierNotAllowed",
            waiverSubject: "the assistant id, `mcp:` + the server id, or `tier:` + the tier name for a tier-level finding");

        public static readonly RuleInfo DataClassTooHigh = new RuleInfo(
            RuleIds.DataClassTooHigh, "Data class is above the allowed ceiling", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "DataClassTooHigh",
            waiverSubject: "the assistant id, `mcp:` + the server id, or `tier:` + the tier name for a tier-level finding");

        public static readonly RuleInfo OwnerMissing = new RuleInfo(
            RuleIds.OwnerMissing, "Manifest owner is missing", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "OwnerMissing",
            waiverSubject: "`owner`");

        public static readonly RuleInfo LiteralCredential = new RuleInfo(
            RuleIds.LiteralCredential, "Literal credential in the manifest", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "LiteralCredential");

        public static readonly RuleInfo CredentialRefNotAllowed = new RuleInfo(
            RuleIds.CredentialRefNotAllowed, "Credential reference is not permitted", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "CredentialRefNotAllowed",
            waiverSubject: "the assistant id (e.g. `cursor`)");

        public static readonly RuleInfo RepositoryNotAllowed = new RuleInfo(
            RuleIds.RepositoryNotAllowed, "Repository is not allowed for the assistant", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "RepositoryNotAllowed",
            waiverSubject: "the assistant id (e.g. `cursor`)");

        public static readonly RuleInfo WaiverUnknown = new RuleInfo(
            RuleIds.WaiverUnknown, "Waiver is not defined in the policy", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "WaiverUnknown");

        public static readonly RuleInfo WaiverExpired = new RuleInfo(
            RuleIds.WaiverExpired, "Waiver has expired or expires soon", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "WaiverExpired",
            severityNote: "a warning in both modes while the expiry is still ahead");

        public static readonly RuleInfo WaiverOutOfScope = new RuleInfo(
            RuleIds.WaiverOutOfScope, "Waiver does not cover this repository or project", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "WaiverOutOfScope");

        public static readonly RuleInfo PermissionCeilingExceeded = new RuleInfo(
            RuleIds.PermissionCeilingExceeded, "Assistant permission exceeds the policy ceiling", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "PermissionCeilingExceeded",
            waiverSubject: "`assistant/permission` (e.g. `claude-code/bypassMode`)");

        public static readonly RuleInfo RepositoryMismatch = new RuleInfo(
            RuleIds.RepositoryMismatch, "The manifest names another repository than the one being built", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "RepositoryMismatch",
            whereNote: "the manifest's `repository` against the one the CI system names (CI builds only)");

        public static readonly RuleInfo UndeclaredFootprint = new RuleInfo(
            RuleIds.UndeclaredFootprint, "Assistant footprint found for an assistant the manifest does not declare", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "UndeclaredFootprint",
            waiverSubject: "the assistant id (e.g. `cursor`)",
            severityNote: "a warning when the policy sets `\"defaults\": { \"unknownFootprint\": \"warn\" }`, nothing with `\"allow\"`",
            whereNote: "footprint discovery");

        public static readonly RuleInfo DeclaredWithoutFootprint = new RuleInfo(
            RuleIds.DeclaredWithoutFootprint, "Declared assistant or footprint not found in the repository", CategoryPolicy, RuleHost.BuildTask, isError: false,
            name: "DeclaredWithoutFootprint",
            whereNote: "footprint discovery");

        public static readonly RuleInfo FootprintMcpServerNotApproved = new RuleInfo(
            RuleIds.FootprintMcpServerNotApproved, "MCP server configured in an assistant file is not approved", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "FootprintMcpServerNotApproved",
            waiverSubject: "`mcp:` + the server's identity (e.g. `mcp:pkg:npm/@acme/jira-mcp@1.2.0`)",
            whereNote: "footprint discovery");

        public static readonly RuleInfo FootprintModelNotApproved = new RuleInfo(
            RuleIds.FootprintModelNotApproved, "Model named in an assistant file is not approved", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "FootprintModelNotApproved",
            waiverSubject: "`assistant/model` (e.g. `claude-code/claude-opus-4-1`)",
            whereNote: "footprint discovery");

        public static readonly RuleInfo FootprintPermissionAboveCeiling = new RuleInfo(
            RuleIds.FootprintPermissionAboveCeiling, "Permission setting in an assistant file exceeds the policy ceiling", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "FootprintPermissionAboveCeiling",
            waiverSubject: "`assistant/permission` (e.g. `claude-code/bypassMode`)",
            whereNote: "footprint discovery");

        public static readonly RuleInfo CredentialInAssistantFile = new RuleInfo(
            RuleIds.CredentialInAssistantFile, "Literal credential in an assistant file", CategorySecrets, RuleHost.BuildTask, isError: true,
            name: "CredentialInAssistantFile",
            severityNote: "reported with or without a policy",
            whereNote: "footprint discovery");

        public static readonly RuleInfo PersonalFileCommitted = new RuleInfo(
            RuleIds.PersonalFileCommitted, "Personal assistant file is committed", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "PersonalFileCommitted",
            waiverSubject: "`footprint:` + the path",
            severityNote: "reported with or without a policy",
            whereNote: "footprint discovery");

        public static readonly RuleInfo AssistantEndpointNotApproved = new RuleInfo(
            RuleIds.AssistantEndpointNotApproved, "Assistant file sends the assistant's traffic to a host the policy does not approve", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "AssistantEndpointNotApproved",
            waiverSubject: "`assistant/host` (e.g. `claude-code/llm-proxy.example`)",
            whereNote: "footprint discovery");

        public static readonly RuleInfo UnreadableAssistantFile = new RuleInfo(
            RuleIds.UnreadableAssistantFile, "Assistant file or folder could not be read", CategoryPolicy, RuleHost.BuildTask, isError: true,
            name: "UnreadableAssistantFile",
            waiverSubject: "`footprint:` + the path",
            severityNote: "by default reported as a warning; an error when the policy sets `\"defaults\": { \"unreadableFootprint\": \"deny\" }` (unreadable counts as unknown), and a discovery stopped at its 50,000-entry limit or an assistant file over the 4 MB reading limit is an error under any policy that does not set `unreadableFootprint`; nothing with `\"allow\"`",
            whereNote: "footprint discovery");

        public static readonly RuleInfo PackageNotApproved = new RuleInfo(
            RuleIds.PackageNotApproved, "AI SDK package is not approved", CategoryPackages, RuleHost.BuildTask, isError: true,
            name: "PackageNotApproved",
            waiverSubject: "the package id");

        public static readonly RuleInfo PackageDenied = new RuleInfo(
            RuleIds.PackageDenied, "AI SDK package is denied by the policy", CategoryPackages, RuleHost.BuildTask, isError: true,
            name: "PackageDenied",
            waiverSubject: "the package id");

        public static readonly RuleInfo PackageVersionNotApproved = new RuleInfo(
            RuleIds.PackageVersionNotApproved, "AI SDK package version is not approved", CategoryPackages, RuleHost.BuildTask, isError: true,
            name: "PackageVersionNotApproved",
            waiverSubject: "the package id");

        public static readonly RuleInfo AssetsFileUnreadable = new RuleInfo(
            RuleIds.AssetsFileUnreadable, "Package assets file (project.assets.json) cannot be read", CategoryPackages, RuleHost.BuildTask, isError: true,
            name: "AssetsFileUnreadable");

        /// <summary>Issue 12 route R11 (and round 11 routes 5, 6, 8): a non-NuGet manifest or lock file that cannot be read hides what it declares.</summary>
        public static readonly RuleInfo PackageManifestUnreadable = new RuleInfo(
            RuleIds.PackageManifestUnreadable, "Package file of another ecosystem (npm, PyPI, Go, Cargo, Maven, RubyGems, Composer) cannot be read", CategoryPackages, RuleHost.BuildTask, isError: true,
            name: "PackageManifestUnreadable",
            whereNote: "package.json, package-lock.json, yarn.lock, pnpm-lock.yaml, requirements*.txt, pyproject.toml, Pipfile, setup.cfg, Pipfile.lock, poetry.lock, uv.lock, a Python script's `# /// script` block, .pre-commit-config.yaml, pixi.toml, deno.json(c), Cargo.toml, Cargo.lock, pom.xml, *.versions.toml, composer.json and composer.lock committed in the repository (the MSBuild check task) and under the root of guardrails scan");

        public static readonly RuleInfo ForbiddenLocalSuppression = new RuleInfo(
            RuleIds.ForbiddenLocalSuppression, "Guardrails diagnostic suppressed in code where the policy forbids it", CategoryIntegrity, RuleHost.Analyzer, isError: true,
            name: "ForbiddenLocalSuppression",
            waiverSubject: "the suppressed id, or a pattern such as `GRD00*`",
            severityNote: "not configurable");

        public static readonly RuleInfo PolicyHashMismatch = new RuleInfo(
            RuleIds.PolicyHashMismatch, "Guardrails policy does not match its pinned SHA-256", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "PolicyHashMismatch");

        public static readonly RuleInfo PolicyPinMalformed = new RuleInfo(
            RuleIds.PolicyPinMalformed, "GuardrailsPolicySha256 is not a SHA-256 value", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "PolicyPinMalformed");

        public static readonly RuleInfo PolicyRollback = new RuleInfo(
            RuleIds.PolicyRollback, "Guardrails policy revision is older than one this repository already built against", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "PolicyRollback");

        public static readonly RuleInfo SuppressedByProperty = new RuleInfo(
            RuleIds.SuppressedByProperty, "Guardrails diagnostic suppressed by a project property (NoWarn, WarningsNotAsErrors)", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "SuppressedByProperty",
            waiverSubject: "the suppressed id (e.g. `GRD001`)");

        public static readonly RuleInfo SeverityLoweredInConfig = new RuleInfo(
            RuleIds.SeverityLoweredInConfig, "Guardrails diagnostic severity lowered in .editorconfig or .globalconfig", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "SeverityLoweredInConfig",
            waiverSubject: "the lowered id (`GRD001`), `category:Guardrails.Secrets`, or `all`");

        public static readonly RuleInfo AnalyzerRemoved = new RuleInfo(
            RuleIds.AnalyzerRemoved, "Guardrails analyzers removed from the compilation", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "AnalyzerRemoved",
            waiverSubject: "`analyzers`");

        public static readonly RuleInfo ModeLowered = new RuleInfo(
            RuleIds.ModeLowered, "GuardrailsMode lowered below what the policy demands", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "ModeLowered",
            waiverSubject: "`mode`");

        public static readonly RuleInfo CentralSettingOverridden = new RuleInfo(
            RuleIds.CentralSettingOverridden, "Project overrides the central Guardrails policy settings", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "CentralSettingOverridden");

        public static readonly RuleInfo ReportNotWritten = new RuleInfo(
            RuleIds.ReportNotWritten, "Guardrails audit record or report could not be written", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "ReportNotWritten");

        public static readonly RuleInfo CheckSwitchedOff = new RuleInfo(
            RuleIds.CheckSwitchedOff, "A Guardrails check is switched off or narrowed by a project setting", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "CheckSwitchedOff",
            waiverSubject: "the property or item name (`GuardrailsScanFiles`, `GuardrailsScanExclude`, `GuardrailsScanRepositoryFiles`, `GuardrailsCheckFootprints`, `GuardrailsRevisionStateFile`)");

        public static readonly RuleInfo FileNotScannable = new RuleInfo(
            RuleIds.FileNotScannable, "A file in the key scan cannot be scanned (binary or too large)", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "FileNotScannable",
            waiverSubject: "the file's path relative to the project folder (`appsettings.json`, `data/seed.json`)");

        public static readonly RuleInfo AssetsFileStale = new RuleInfo(
            RuleIds.AssetsFileStale, "The package assets file is older than the project's package references", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "AssetsFileStale");

        public static readonly RuleInfo BuildOutputCommitted = new RuleInfo(
            RuleIds.BuildOutputCommitted, "Build output is committed to the repository", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "BuildOutputCommitted",
            waiverSubject: "the output folder's path relative to the repository root (`src/App/obj/`)");

        public static readonly RuleInfo FileBasedAppSetting = new RuleInfo(
            RuleIds.FileBasedAppSetting, "A file-based app's #:property turns Guardrails off or narrows it", CategoryIntegrity, RuleHost.Tool, isError: true,
            name: "FileBasedAppSetting",
            whereNote: "a file-based app (`dotnet run app.cs`) belongs to no project, so no build checks it");

        public static readonly RuleInfo FrameworkWithoutGuardrails = new RuleInfo(
            RuleIds.FrameworkWithoutGuardrails, "A target framework of the project restores without Guardrails", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "FrameworkWithoutGuardrails");

        public static readonly RuleInfo GlobalPropertyBuild = new RuleInfo(
            RuleIds.GlobalPropertyBuild, "A ProjectReference or MSBuild call builds a project with global properties that keep Guardrails out", CategoryIntegrity, RuleHost.Tool, isError: true,
            name: "GlobalPropertyBuild",
            whereNote: "the build that sets the properties is another project's, and the build they start runs no Guardrails");

        public static readonly RuleInfo PolicyNeedsNewerGuardrails = new RuleInfo(
            RuleIds.PolicyNeedsNewerGuardrails, "The policy requires a newer Guardrails than the one enforcing it (minimumGuardrailsVersion)", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "PolicyNeedsNewerGuardrails");

        /// <summary>The GRD002 message (analyzer and check alike): provider, token kind, redacted key, environment variable, rotation URL.</summary>
        public const string KeyInFileMessage = "{0} {1} is in this file ({2}): move it to the {3} environment variable, user-secrets or a key vault, and rotate it now because it is already in source history ({4})";

        /// <summary>The GRD006 message (analyzer and check alike): token kind, redacted value.</summary>
        public const string PossibleSecretMessage = "Possible secret: {0} ({1}); read it from an environment variable, user-secrets or a key vault instead, and rotate it if it is real";

        public static readonly RuleInfo CompileNotAsChecked = new RuleInfo(
            RuleIds.CompileNotAsChecked, "The compiler did not run with what the Guardrails check verified", CategoryIntegrity, RuleHost.BuildTask, isError: true,
            name: "CompileNotAsChecked",
            whereNote: "after CoreCompile");

        private static readonly List<RuleInfo> AllRules = new List<RuleInfo>
        {
            KeyInCode,
            KeyInFile,
            UnapprovedSdk,
            UnapprovedEndpoint,
            PossibleSecret,
            FileNotScanned,
            EndpointUsed,
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
            RepositoryMismatch,
            UndeclaredFootprint,
            DeclaredWithoutFootprint,
            FootprintMcpServerNotApproved,
            FootprintModelNotApproved,
            FootprintPermissionAboveCeiling,
            CredentialInAssistantFile,
            PersonalFileCommitted,
            UnreadableAssistantFile,
            AssistantEndpointNotApproved,
            PackageNotApproved,
            PackageDenied,
            PackageVersionNotApproved,
            AssetsFileUnreadable,
            PackageManifestUnreadable,
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
            CheckSwitchedOff,
            CompileNotAsChecked,
            FileNotScannable,
            AssetsFileStale,
            BuildOutputCommitted,
            FileBasedAppSetting,
            FrameworkWithoutGuardrails,
            GlobalPropertyBuild,
            PolicyNeedsNewerGuardrails,
        };

        /// <summary>All known rules, in id order of declaration.</summary>
        public static IReadOnlyList<RuleInfo> All => AllRules;

        public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";
    }
}
