using Guardrails.Core.Rules;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// Descriptors are built from <see cref="RuleCatalog"/> so the id, title and help link exist once.
    /// Default severity is Warning; <see cref="GuardrailsSettings"/> raises it to Error in Enforce mode at report time,
    /// and .editorconfig severities still apply on top.
    /// </summary>
    internal static class Descriptors
    {
        public static readonly DiagnosticDescriptor KeyInCode = Create(
            RuleIds.KeyInCode,
            RuleCatalog.CategorySecrets,
            RuleCatalog.KeyInCode,
            "{0} {1} is hardcoded here ({2}): move it to the {3} environment variable, user-secrets or a key vault, and rotate it now because it is already in source history ({4})",
            "A key in source code leaks through the repository, build logs and every clone. Keep keys out of code and rotate any key that was ever committed.",
            BulkConfigurationImmuneTag);

        public static readonly DiagnosticDescriptor KeyInFile = Create(
            RuleIds.KeyInFile,
            RuleCatalog.CategorySecrets,
            RuleCatalog.KeyInFile,
            RuleCatalog.KeyInFileMessage,
            "A key in a file the project carries (appsettings, launchSettings, .env, MCP configs, the project file) leaks through the repository, build outputs and packages. Keep keys out of the repository and rotate any key that was ever committed.",
            BulkConfigurationImmuneTag);

        public static readonly DiagnosticDescriptor PossibleSecret = Create(
            RuleIds.PossibleSecret,
            RuleCatalog.CategorySecrets,
            RuleCatalog.PossibleSecret,
            RuleCatalog.PossibleSecretMessage,
            "A key-named setting, variable or credential holds a high-entropy value with no known provider format. This rule only warns (also in Enforce mode) so that teams can tune it in .editorconfig without losing GRD001/GRD002.");

        public static readonly DiagnosticDescriptor FileNotScanned = new DiagnosticDescriptor(
            RuleIds.FileNotScanned,
            RuleCatalog.FileNotScanned.Title,
            "{0} was not scanned for AI provider keys: {1}; scan it with a dedicated secret scanner if it can hold configuration",
            RuleCatalog.CategorySecrets,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A file the build passes to the key scan (GRD002/GRD006) is binary, or too large to read during every build. It is named so that nothing is skipped silently.",
            helpLinkUri: RuleCatalog.FileNotScanned.HelpLink,
            customTags: new[] { WarningOnlyTag });

        public static readonly DiagnosticDescriptor UnapprovedSdk = Create(
            RuleIds.UnapprovedSdk,
            RuleCatalog.CategoryAiUsage,
            RuleCatalog.UnapprovedSdk,
            "{0} is part of {1} (NuGet package {2}), which the AI policy does not approve{4}: ask {3} to {5}, or remove this use",
            "Every AI SDK a project calls must be on the central approved list, so the organisation knows which providers its code can reach. The rule is decided by the assembly that declares the symbol, so aliases, 'var' and look-alike names in your own code do not change the result.");

        public static readonly DiagnosticDescriptor UnapprovedEndpoint = Create(
            RuleIds.UnapprovedEndpoint,
            RuleCatalog.CategoryAiUsage,
            RuleCatalog.UnapprovedEndpoint,
            "{0} is an endpoint of {1}, which the AI policy does not approve{4}: ask {2} to {3}, or remove this address",
            "Code can reach an AI provider without any SDK, through HttpClient or an OpenAI-compatible client pointed at another host. Every provider endpoint a project calls must be approved by the central policy.");

        /// <summary>
        /// GRD008: an AI provider endpoint the code uses, approved or not, once per host and file. Info in every mode (a
        /// suggestion in the IDE, not printed by a default build); the post-compile verification reads it from the
        /// compiler's SARIF error log into the audit record's "endpoints". The host is also in the property
        /// <see cref="HostProperty"/>, so the reader never parses the message.
        /// </summary>
        public static readonly DiagnosticDescriptor EndpointUsed = new DiagnosticDescriptor(
            RuleIds.EndpointUsed,
            RuleCatalog.EndpointUsed.Title,
            "AI endpoint used: {0} ({1}); recorded in the Guardrails audit record",
            RuleCatalog.CategoryAiUsage,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Names each AI provider endpoint the code reaches (approved or not) once per file, so the build's audit record can answer what the project can reach. Analyzers cannot write files; the compiler's error log carries this message to the record. Disabling it makes the record say the endpoints are unknown.",
            helpLinkUri: RuleCatalog.EndpointUsed.HelpLink,
            customTags: new[] { WarningOnlyTag });

        /// <summary>GRD008's diagnostic property holding the host as shown (a run-time label as <c>*</c>).</summary>
        public const string HostProperty = RuleCatalog.EndpointUsedHostProperty;

        /// <summary>GRD005. Not configurable: a rule about suppressing Guardrails must not itself be suppressible by
        /// #pragma, [SuppressMessage], NoWarn or .editorconfig; whether it runs at all is the policy's decision.</summary>
        public static readonly DiagnosticDescriptor ForbiddenLocalSuppression = Create(
            RuleIds.ForbiddenLocalSuppression,
            RuleCatalog.CategoryIntegrity,
            RuleCatalog.ForbiddenLocalSuppression,
            "{0} suppresses {1} in code, but the Guardrails policy does not allow local suppression for this project: fix the finding instead, or ask the policy owner for a waiver",
            "Local suppressions hide Guardrails findings from an Enforce build. The central policy decides (allowLocalSuppression) whether a team may suppress Guardrails diagnostics in code.",
            WellKnownDiagnosticTags.NotConfigurable);

        /// <summary>
        /// Diagnostic property set on a GRD001 whose reported expression is exactly the key: the provider's usual
        /// environment variable, for the code fix. Absent when the expression holds more than the key.
        /// </summary>
        public const string EnvironmentVariableProperty = "EnvironmentVariable";

        /// <summary>
        /// Custom tag of the provider-key rules (GRD001, GRD002): Roslyn applies analyzer bulk configuration
        /// (<c>dotnet_analyzer_diagnostic.severity</c>, <c>dotnet_analyzer_diagnostic.category-….severity</c>) to no
        /// diagnostic tagged <see cref="WellKnownDiagnosticTags.Compiler"/> (AnalyzerOptionsExtensions
        /// .TryGetSeverityFromBulkConfiguration), so a repository that turns every analyzer off still gets a leaked key
        /// reported, while the rule's own id stays configurable (<c>dotnet_diagnostic.GRD001.severity</c>, #pragma, NoWarn),
        /// and the analyzer is not dropped as "all its diagnostics suppressed".
        /// </summary>
        public const string BulkConfigurationImmuneTag = WellKnownDiagnosticTags.Compiler;

        /// <summary>Custom tag of descriptors whose rule only ever warns (<see cref="RuleInfo.IsErrorInEnforce"/> is false).</summary>
        public const string WarningOnlyTag = "GuardrailsWarningOnly";

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<DiagnosticDescriptor, DiagnosticDescriptor> LockedTwins =
            new System.Collections.Concurrent.ConcurrentDictionary<DiagnosticDescriptor, DiagnosticDescriptor>();

        /// <summary>
        /// The same rule as an error by default with the NotConfigurable tag (see <see cref="GuardrailsSettings.Locked"/>).
        /// Roslyn checks a reported diagnostic against SupportedDiagnostics by id; <see cref="WithLockedTwins"/> lists it too.
        /// </summary>
        public static DiagnosticDescriptor Locked(DiagnosticDescriptor descriptor) => LockedTwins.GetOrAdd(descriptor, d =>
        {
            var tags = new System.Collections.Generic.List<string>(d.CustomTags);
            if (!tags.Contains(WellKnownDiagnosticTags.NotConfigurable))
            {
                tags.Add(WellKnownDiagnosticTags.NotConfigurable);
            }

#pragma warning disable RS2008 // a twin of a tracked rule (same id), not a new rule
            return new DiagnosticDescriptor(d.Id, d.Title, d.MessageFormat, d.Category, DiagnosticSeverity.Error, isEnabledByDefault: true, d.Description, d.HelpLinkUri, tags.ToArray());
#pragma warning restore RS2008
        });

        /// <summary>
        /// SupportedDiagnostics for an analyzer: its descriptors and the locked twins of its error-level ones. Roslyn does
        /// not run an analyzer whose every supported descriptor is suppressed (NoWarn, globalconfig); a NotConfigurable
        /// twin keeps it running, so the locked findings still reach the build.
        /// </summary>
        public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> WithLockedTwins(params DiagnosticDescriptor[] descriptors)
        {
            var all = System.Collections.Immutable.ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            all.AddRange(descriptors);
            foreach (DiagnosticDescriptor d in descriptors)
            {
                if (IsErrorInEnforce(d) && !HasTag(d, WellKnownDiagnosticTags.NotConfigurable))
                {
                    all.Add(Locked(d));
                }
            }

            return all.ToImmutable();
        }

        private static bool HasTag(DiagnosticDescriptor d, string tag)
        {
            foreach (string t in d.CustomTags)
            {
                if (t == tag)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when Enforce mode raises this descriptor's findings to errors.</summary>
        public static bool IsErrorInEnforce(DiagnosticDescriptor descriptor)
        {
            foreach (string tag in descriptor.CustomTags)
            {
                if (tag == WarningOnlyTag)
                {
                    return false;
                }
            }

            return true;
        }

        // id and category are passed as constants so analyzer release tracking (RS2000-RS2008) can see them.
        private static DiagnosticDescriptor Create(string id, string category, RuleInfo rule, string messageFormat, string description, string extraTag)
        {
            DiagnosticDescriptor plain = Create(id, category, rule, messageFormat, description);
            var tags = new System.Collections.Generic.List<string>(plain.CustomTags) { extraTag };
            return new DiagnosticDescriptor(id, plain.Title, plain.MessageFormat, category, plain.DefaultSeverity, plain.IsEnabledByDefault, plain.Description, plain.HelpLinkUri, tags.ToArray());
        }

        private static DiagnosticDescriptor Create(string id, string category, RuleInfo rule, string messageFormat, string description) =>
            new DiagnosticDescriptor(
                id,
                rule.Title,
                messageFormat,
                category,
                DiagnosticSeverity.Warning,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: rule.HelpLink,
                customTags: rule.IsErrorInEnforce ? new string[0] : new[] { WarningOnlyTag }); // inline: static fields initialise in text order
    }
}
