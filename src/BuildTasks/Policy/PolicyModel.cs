using System;
using System.Collections.Generic;
using Guardrails.Core.Json;
using NuGet.Versioning;
using Guardrails.Core.Text;

// Why the policy and manifest model lives in src/BuildTasks/Policy and not in src/Core:
// only the build task reads guardrails.policy.json (DESIGN principle 1: the analyzers receive resolved facts
// through the effective-policy file, never the policy itself), validation produces the task's Findings, and
// version ranges use NuGet.Versioning, which MSBuild carries but csc/the IDE do not. Keeping it out of Core keeps
// the analyzer-loaded Guardrails.Core.dll free of a second policy parser and of NuGet.Versioning.
// The model is pure .NET (no MSBuild types), so the footprint discovery and the tests use it directly.
namespace Guardrails.BuildTasks.Policy
{
    /// <summary>The central approved list, guardrails.policy.json, as read and validated by <see cref="PolicyReader"/>.</summary>
    public sealed class GuardrailsPolicy
    {
        public GuardrailsPolicy(string file, JsonNode node)
        {
            File = file;
            Node = node;
        }

        public string File { get; }

        public JsonNode Node { get; }

        public Located<string>? PolicyFormat { get; set; }

        public Located<string>? PolicyId { get; set; }

        public Located<long>? Revision { get; set; }

        /// <summary>
        /// The top-level "allowLocalSuppression": the bypass kinds it allows (names from
        /// <see cref="PolicyReader.LocalSuppressionKinds"/>; true lists every kind, false none). Null when absent.
        /// </summary>
        public Located<IReadOnlyList<string>>? AllowLocalSuppression { get; set; }

        public PolicyOwner Owner { get; set; } = new PolicyOwner();

        /// <summary>Data classes, least sensitive first (e.g. public, internal, confidential, restricted).</summary>
        public List<Located<string>> DataClasses { get; } = new List<Located<string>>();

        public List<TierRule> Tiers { get; } = new List<TierRule>();

        public List<AssistantRule> Assistants { get; } = new List<AssistantRule>();

        public List<McpServerRule> McpAllow { get; } = new List<McpServerRule>();

        public List<McpServerRule> McpDeny { get; } = new List<McpServerRule>();

        public List<PackageRule> ApprovedPackages { get; } = new List<PackageRule>();

        public List<PackageRule> DeniedPackages { get; } = new List<PackageRule>();

        /// <summary>
        /// packages.sources: package sources besides the public registries (a mirror, an internal index, a git host) whose
        /// packages an approval covers; an approved npm/PyPI id from any other source is GRD201 (adversary round 13 route 19).
        /// </summary>
        public List<Located<string>> PackageSources { get; } = new List<Located<string>>();

        /// <summary>AI SDKs the policy defines on top of the built-in catalog (e.g. an internal gateway client).</summary>
        public List<CustomSdk> CustomSdks { get; } = new List<CustomSdk>();

        /// <summary>Endpoint host patterns the policy approves explicitly (e.g. "ai-gateway.contoso.example").</summary>
        public List<Located<string>> ApprovedEndpoints { get; } = new List<Located<string>>();

        /// <summary>Endpoint host patterns the policy denies (deny wins over every approval), each with the patterns it leaves out.</summary>
        public List<DeniedHost> DeniedEndpoints { get; } = new List<DeniedHost>();

        /// <summary>Provider routes ("Azure OpenAI via Azure.AI.OpenAI to *.openai.azure.com").</summary>
        public List<RouteRule> Routes { get; } = new List<RouteRule>();

        public List<WaiverRule> Waivers { get; } = new List<WaiverRule>();

        public PolicyDefaults Defaults { get; set; } = new PolicyDefaults();

        /// <summary>0-based rank of a data class in <see cref="DataClasses"/>, or -1 when it is not defined.</summary>
        public int RankOf(string? dataClass)
        {
            if (dataClass == null)
            {
                return -1;
            }

            for (int i = 0; i < DataClasses.Count; i++)
            {
                if (string.Equals(DataClasses[i].Value, dataClass, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The first tier whose "repositories" match <paramref name="repository"/>, or null.</summary>
        public TierRule? AssignedTier(string? repository)
        {
            if (string.IsNullOrWhiteSpace(repository))
            {
                return null;
            }

            return Tiers.Find(t => t.Repositories != null && t.Repositories.Count > 0 && Guardrails.Core.Text.Glob.MatchList(t.Repositories.ConvertAll(r => r.Value), repository!));
        }

        /// <summary>The tier a manifest runs in: the one the policy assigns to its repository, else the one it names.</summary>
        public string? EffectiveTier(AssistantManifest? manifest) =>
            AssignedTier(manifest?.Repository?.Value)?.Name ?? manifest?.Tier?.Value;

        public TierRule? FindTier(string? name) => name == null ? null : Tiers.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

        public AssistantRule? FindAssistant(string id) => Assistants.Find(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

        public WaiverRule? FindWaiver(string id) => Waivers.Find(w => string.Equals(w.Id, id, StringComparison.OrdinalIgnoreCase));

        /// <summary>True when <paramref name="who"/> is one of the owner's named approvers.</summary>
        public bool IsApprover(string? who) => who != null && Owner.Approvers.Exists(a => string.Equals(a.Value, who, StringComparison.OrdinalIgnoreCase));
    }

    public sealed class PolicyOwner
    {
        public Located<string>? Name { get; set; }

        public Located<string>? Contact { get; set; }

        public List<Located<string>> Approvers { get; } = new List<Located<string>>();

        /// <summary>"Contoso AI Governance (ai-governance@contoso.example)", for messages that say where to ask.</summary>
        public string Describe() =>
            (Name?.Value ?? "the policy owner") + (Contact != null ? " (" + Contact.Value + ")" : string.Empty);
    }

    /// <summary>An environment tier (e.g. sandbox, regulated) and the most sensitive data class it may touch.</summary>
    public sealed class TierRule
    {
        public TierRule(string name, JsonNode node)
        {
            Name = name;
            Node = node;
        }

        public string Name { get; }

        public JsonNode Node { get; }

        public Located<string>? MaxDataClass { get; set; }

        /// <summary>Optional "Enforce" or "Audit" for this tier. Read and validated, not yet applied (see docs/policy.md).</summary>
        public Located<string>? Mode { get; set; }

        /// <summary>This tier's "allowLocalSuppression", overriding the policy's top-level one; null when absent.</summary>
        public Located<IReadOnlyList<string>>? AllowLocalSuppression { get; set; }

        /// <summary>
        /// Repositories (globs, "!" excludes) the policy puts in this tier whatever their manifest says: a team cannot
        /// pick a laxer tier (and with it Audit mode or local suppression) for itself. Null when the tier assigns none.
        /// </summary>
        public List<Located<string>>? Repositories { get; set; }
    }

    public enum UnknownHandling
    {
        Deny,
        Warn,
        Allow,
    }

    public sealed class PolicyDefaults
    {
        /// <summary>What happens to an assistant the policy does not list (default: deny).</summary>
        public UnknownHandling UnknownAssistant { get; set; } = UnknownHandling.Deny;

        /// <summary>What happens to an assistant footprint no declared assistant explains (default: deny).</summary>
        public UnknownHandling UnknownFootprint { get; set; } = UnknownHandling.Deny;

        /// <summary>
        /// What an assistant file that cannot be read or parsed counts as (default: warn). "deny" treats it as
        /// unknown: an error in Enforce mode, since what it configures cannot be checked.
        /// </summary>
        public UnknownHandling UnreadableFootprint { get; set; } = UnknownHandling.Warn;

        /// <summary>
        /// Whether the policy sets <c>unreadableFootprint</c> itself. A footprint discovery stopped at its entry limit is an
        /// error in Enforce mode unless the policy says how to treat what could not be looked at ("warn" or "allow").
        /// </summary>
        public bool UnreadableFootprintSet { get; set; }

        /// <summary>Approvals and waivers warn this many days before they expire (default 14).</summary>
        public int ExpiryWarningDays { get; set; } = 14;

        /// <summary>Whether every project must have an ai-assistants.json (default true).</summary>
        public bool RequireManifest { get; set; } = true;
    }

    /// <summary>Who approved an entry, when, until when, and under which ticket.</summary>
    public sealed class ApprovalRecord
    {
        public ApprovalRecord(JsonNode node)
        {
            Node = node;
        }

        public JsonNode Node { get; }

        public Located<string>? ApprovedBy { get; set; }

        public Located<DateTimeOffset>? ApprovedAt { get; set; }

        public Located<DateTimeOffset>? ExpiresAt { get; set; }

        public Located<string>? Ticket { get; set; }
    }

    /// <summary>Allowed and denied models of an assistant; deny wins.</summary>
    public sealed class ModelRules
    {
        public List<Located<string>> Allow { get; } = new List<Located<string>>();

        public List<Located<string>> Deny { get; } = new List<Located<string>>();

        /// <summary>False when the policy gives no "allow" list (then every model not denied is allowed).</summary>
        public bool HasAllowList { get; set; }

        public ModelMatch Match { get; set; } = ModelMatch.Exact;

        /// <summary>
        /// Why a model no deny pattern names is not allowed, for the GRD114/GRD133 messages (one wording): the allow list it is
        /// not on; or, for an opaque id (an account's own alias: <see cref="ModelNames.IsOpaque"/>) under a policy with no allow
        /// list, that a deny list cannot judge it and the allow list must name it. Said as "(approved: none)" it read as if the
        /// policy allowed nothing (session 12 review).
        /// </summary>
        public string NotAllowedBecause(string model) =>
            !HasAllowList && (ModelNames.IsOpaque(model) || ModelNames.IsUnresolved(model))
                ? ": the policy has only a deny list, which cannot judge a name that does not say its model; to approve it, name it as written in the assistant's models.allow"
                : " (approved: " + (Allow.Count == 0 ? "none" : string.Join(", ", Allow.ConvertAll(m => m.Value))) + ")";

        /// <summary>Null when allowed; otherwise the pattern that denied it, or null pattern with a reason.</summary>
        /// <remarks>
        /// The model is read as <see cref="ModelNames"/> reads it: a cloud-qualified id as the model's own id (and its
        /// snapshot date dropped when the undated id is what a pattern names), an alias as the families it may stand for.
        /// </remarks>
        public bool IsAllowed(string model, out Located<string>? deniedBy)
        {
            if (ModelNames.AliasFamilies(model) is string[] families)
            {
                // The policy may name the alias itself ("sonnet"); otherwise the alias is what its families could be.
                deniedBy = Deny.Find(p => ModelMatcher.Matches(p.Value, model, ModelMatch.Exact) || Array.Exists(families, f => ModelNames.CouldName(p.Value, f)));
                return deniedBy == null && (!HasAllowList || Allow.Exists(p => ModelMatcher.Matches(p.Value, model, ModelMatch.Exact)) ||
                    Array.TrueForAll(families, f => Allow.Exists(p => ModelNames.Covers(p.Value, f))));
            }

            if ((ModelNames.IsOpaque(model) || ModelNames.IsUnresolved(model)) && (HasAllowList || Deny.Count > 0))
            {
                // An account's own alias of some model: no pattern of the policy can say what it runs (adversary round 9
                // route 4). It passes only an allow entry that names it as written.
                string written = model.Trim();
                deniedBy = Deny.Find(p => ModelMatcher.Matches(p.Value, written, Match));
                return deniedBy == null && Allow.Exists(p => ModelMatcher.Matches(p.Value, written, ModelMatch.Exact));
            }

            string id = ModelNames.Canonical(model);
            string? undated = ModelNames.WithoutDate(id);
            bool Names(Located<string> p) =>
                ModelMatcher.Matches(p.Value, model, Match) || ModelMatcher.Matches(p.Value, id, Match) || (undated != null && ModelMatcher.Matches(p.Value, undated, Match));

            deniedBy = Deny.Find(Names);
            if (deniedBy != null)
            {
                return false;
            }

            return !HasAllowList || Allow.Exists(Names);
        }
    }

    /// <summary>One assistant entry of the policy.</summary>
    public sealed class AssistantRule
    {
        public AssistantRule(string id, JsonNode node)
        {
            Id = id;
            Node = node;
        }

        public string Id { get; }

        public JsonNode Node { get; }

        public Located<string>? Vendor { get; set; }

        /// <summary>True for an entry with "status": "denied" (the assistant is named to be refused).</summary>
        public bool Denied { get; set; }

        public Located<string>? Reason { get; set; }

        public Located<string>? VersionsText { get; set; }

        public VersionRange? Versions { get; set; }

        /// <summary>Tier names; null means any tier the policy defines.</summary>
        public List<Located<string>>? Tiers { get; set; }

        public Located<string>? MaxDataClass { get; set; }

        /// <summary>Repository globs, '!' negates; null means any repository.</summary>
        public List<Located<string>>? Repositories { get; set; }

        public ModelRules Models { get; } = new ModelRules();

        /// <summary>Permission ceilings: setting name (e.g. "bypassMode", "autoApprove") → "forbid" or "allow".</summary>
        public Dictionary<string, Located<string>> Permissions { get; } = new Dictionary<string, Located<string>>(StringComparer.Ordinal);

        /// <summary>Credential reference patterns the assistant may use (e.g. "env:ANTHROPIC_API_KEY", "vault:kv/ai/*"); null means any reference.</summary>
        public List<Located<string>>? CredentialRefs { get; set; }

        /// <summary>Footprint paths/globs the assistant is expected to leave (e.g. ".claude/**"), for footprint discovery.</summary>
        public List<Located<string>> Footprints { get; } = new List<Located<string>>();

        public ApprovalRecord? Approval { get; set; }

        public bool Forbids(string permission) =>
            Permissions.TryGetValue(permission, out Located<string>? v) && string.Equals(v.Value, "forbid", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An MCP server entry (allow or deny), matched by identity, never by label: exactly one of a remote URL
    /// (host-aware wildcard), an exact command line, or a package id with a version range.
    /// </summary>
    public sealed class McpServerRule
    {
        public McpServerRule(JsonNode node)
        {
            Node = node;
        }

        public JsonNode Node { get; }

        public Located<string>? Id { get; set; }

        public Located<string>? Url { get; set; }

        public List<string>? Command { get; set; }

        public JsonNode? CommandNode { get; set; }

        public Located<string>? Package { get; set; }

        public VersionRange? Versions { get; set; }

        public Located<string>? Sha256 { get; set; }

        public List<Located<string>>? Tiers { get; set; }

        public Located<string>? MaxDataClass { get; set; }

        public Located<string>? Reason { get; set; }

        public ApprovalRecord? Approval { get; set; }

        public string Label => Id?.Value ?? Url?.Value ?? (Command != null ? string.Join(" ", Command) : null) ?? Package?.Value ?? "(unnamed)";

        /// <summary>True when this entry identifies the server. An entry with a SHA-256 also needs the same hash.</summary>
        public bool Matches(McpServerIdentity server)
        {
            bool identity;
            if (Url != null)
            {
                identity = server.Url != null && UrlPattern.Matches(Url.Value, server.Url);
            }
            else if (Command != null)
            {
                identity = server.Command != null && server.Command.Count == Command.Count && SameSequence(Command, server.Command);
            }
            else if (Package != null)
            {
                identity = server.Package != null &&
                    string.Equals(Guardrails.Core.Sdks.PackageEcosystem.Canonical(Package.Value), Guardrails.Core.Sdks.PackageEcosystem.Canonical(server.Package), StringComparison.OrdinalIgnoreCase) &&
                    (Versions == null || (server.Version != null && VersionRanges.TryParseVersion(server.Version, out NuGetVersion? v) && VersionRanges.Satisfies(Versions, v!)));
            }
            else
            {
                identity = false;
            }

            return identity && (Sha256 == null || string.Equals(Sha256.Value, server.Sha256, StringComparison.OrdinalIgnoreCase));
        }

        private static bool SameSequence(List<string> a, IReadOnlyList<string> b)
        {
            for (int i = 0; i < a.Count; i++)
            {
                if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>What identifies an MCP server in use (from the manifest or from a discovered footprint).</summary>
    public sealed class McpServerIdentity
    {
        public string? Url { get; set; }

        public IReadOnlyList<string>? Command { get; set; }

        public string? Package { get; set; }

        public string? Version { get; set; }

        public string? Sha256 { get; set; }

        public string Describe() =>
            Url ?? (Command != null ? string.Join(" ", Command) : null) ?? (Package != null ? Package + (Version != null ? " " + Version : string.Empty) : "(no identity)");

        /// <summary>
        /// This identity plus the other spellings a policy may use for the same package: a purl's name without its type
        /// ("pkg:npm/@scope/name" → "@scope/name") and the purl with its '@' encoded ("pkg:npm/%40scope/name").
        /// </summary>
        public List<McpServerIdentity> Spellings()
        {
            var list = new List<McpServerIdentity> { this };
            if (Package != null)
            {
                int slash = Package.IndexOf('/');
                string bare = Package.Substring(slash + 1);
                if (!string.Equals(bare, Package, StringComparison.Ordinal))
                {
                    list.Add(new McpServerIdentity { Package = bare, Version = Version, Sha256 = Sha256 });
                }

                if (bare.StartsWith("@", StringComparison.Ordinal) && slash >= 0)
                {
                    list.Add(new McpServerIdentity { Package = Package.Substring(0, slash + 1) + "%40" + bare.Substring(1), Version = Version, Sha256 = Sha256 });
                }
            }

            return list;
        }

        /// <summary>The identity without its url: what an stdio server runs (its command line or package).</summary>
        public McpServerIdentity WithoutUrl() => new McpServerIdentity { Command = Command, Package = Package, Version = Version, Sha256 = Sha256 };
    }

    /// <summary>An approved or denied NuGet package id (exact or glob) with an optional NuGet version range.</summary>
    public sealed class PackageRule
    {
        public PackageRule(Located<string> id, JsonNode node)
        {
            Id = id;
            Node = node;
        }

        public Located<string> Id { get; }

        public JsonNode Node { get; }

        public Located<string>? VersionsText { get; set; }

        /// <summary>Null means every version.</summary>
        public VersionRange? Versions { get; set; }

        public Located<string>? Reason { get; set; }

        public bool MatchesId(string packageId)
        {
            string id = Guardrails.Core.Sdks.PackageEcosystem.Canonical(Id.Value); // pkg:pypi/Azure_AI_Inference is pkg:pypi/azure-ai-inference
            return Glob.IsPattern(id) ? Glob.Match(id, packageId) : string.Equals(id, packageId, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// A provider route: wrapper packages that are approved, whose AI SDK dependencies are allowed only through them,
    /// and the endpoints the route may reach. Decided by Core's PolicyVerdicts (see docs/policy.md, "routes").
    /// </summary>
    public sealed class RouteRule
    {
        public RouteRule(Located<string> id, JsonNode node)
        {
            Id = id;
            Node = node;
        }

        public Located<string> Id { get; }

        public JsonNode Node { get; }

        public Located<string>? Description { get; set; }

        public List<PackageRule> Packages { get; } = new List<PackageRule>();

        public List<Located<string>> Endpoints { get; } = new List<Located<string>>();
    }

    /// <summary>An AI SDK the policy defines in addition to the built-in catalog.</summary>
    public sealed class CustomSdk
    {
        public CustomSdk(Located<string> id, JsonNode node)
        {
            Id = id;
            Node = node;
        }

        public Located<string> Id { get; }

        public JsonNode Node { get; }

        public string Provider { get; set; } = string.Empty;

        public List<string> PackageIds { get; } = new List<string>();

        public List<string> Assemblies { get; } = new List<string>();

        public List<string> Namespaces { get; } = new List<string>();

        public List<string> EndpointHosts { get; } = new List<string>();
    }

    /// <summary>A waiver: the only way to let a violation pass in Enforce mode.</summary>
    public sealed class WaiverRule
    {
        public WaiverRule(string id, JsonNode node)
        {
            Id = id;
            Node = node;
        }

        public string Id { get; }

        public JsonNode Node { get; }

        /// <summary>The rule id it waives, e.g. "GRD114".</summary>
        public Located<string>? Rule { get; set; }

        /// <summary>What it waives (glob): an assistant id, "assistantId/model", "mcp:serverId", a package id, …</summary>
        public Located<string>? Subject { get; set; }

        /// <summary>Repository globs; null means any repository.</summary>
        public List<Located<string>>? Repositories { get; set; }

        /// <summary>Project name globs (file name without extension); null means any project.</summary>
        public List<Located<string>>? Projects { get; set; }

        public Located<string>? ApprovedBy { get; set; }

        public Located<DateTimeOffset>? ApprovedAt { get; set; }

        public Located<DateTimeOffset>? ExpiresAt { get; set; }

        public Located<string>? Reason { get; set; }

        public Located<string>? Ticket { get; set; }
    }

    /// <summary>
    /// An entry of endpoints.denied: a host pattern, or an object with the pattern, the patterns the deny leaves out
    /// (<c>except</c>: "only our own resources" is "*.openai.azure.com" except "contoso-*.openai.azure.com") and a reason.
    /// </summary>
    public sealed class DeniedHost
    {
        public DeniedHost(Located<string> host)
        {
            Host = host;
        }

        public Located<string> Host { get; }

        public List<Located<string>> Except { get; } = new List<Located<string>>();

        public Located<string>? Reason { get; set; }
    }
}
