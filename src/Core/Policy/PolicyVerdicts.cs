using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Core.Rules;
using Guardrails.Core.Sdks;
using Guardrails.Core.Text;

namespace Guardrails.Core.Policy
{
    /// <summary>How the policy judges one package, SDK assembly or host.</summary>
    public enum Verdict
    {
        /// <summary>Not an AI SDK package or AI endpoint, or a neutral abstraction: the policy has nothing to say.</summary>
        NotGoverned,

        /// <summary>Approved by packages.approved, a route's packages, an endpoints.approved pattern or an approved SDK.</summary>
        Approved,

        /// <summary>An AI SDK package only a route's package brings in: allowed through that route, but not its own client.</summary>
        AllowedThroughRoute,

        NotApproved,

        Denied,

        /// <summary>The package is approved in other versions only (GRD203).</summary>
        VersionNotApproved,
    }

    /// <summary>
    /// What <see cref="PolicyVerdicts"/> decided: the verdict, the rule it falls under, the reason, the policy entry
    /// (file, line) that decided, the waiver that lets it pass, and the policy change that would approve it.
    /// </summary>
    public sealed class Decision
    {
        internal Decision(Verdict verdict, string ruleId, string subject, AiSdk? sdk, string reason, string? proposal, int line, RouteEntry? route)
        {
            Verdict = verdict;
            RuleId = ruleId;
            Subject = subject;
            Sdk = sdk;
            Reason = reason;
            Proposal = proposal;
            Line = line;
            Route = route;
        }

        public Verdict Verdict { get; }

        /// <summary>GRD201/GRD202/GRD203 for a package, GRD003 for an SDK use, GRD004 for a host.</summary>
        public string RuleId { get; }

        /// <summary>The package id or host judged (what a waiver's subject is matched against).</summary>
        public string Subject { get; }

        /// <summary>The AI SDK involved (catalog or policy-defined), if any.</summary>
        public AiSdk? Sdk { get; }

        /// <summary>
        /// For a package or assembly that carries <see cref="Sdk"/> under another id and name (it declares the SDK's
        /// signature types, <see cref="AiSdkCatalog.SignatureTypes"/>): what shows it, "assembly Acme.Http declares
        /// OpenAI.Chat.ChatClient"; null otherwise.
        /// </summary>
        public string? Carries { get; private set; }

        /// <summary>
        /// "(Acme.Http carries the OpenAI .NET SDK under another package id and assembly name: assembly Acme.Http declares
        /// OpenAI.Chat.ChatClient; an approval of 'OpenAI' does not cover it)", or empty.
        /// </summary>
        public string CarrierNote() => Carries == null || Sdk == null ? string.Empty
            : CarrierApprovedById
                ? "'" + Subject + "' carries the " + Sdk.DisplayName + " (" + Carries + "); the approval of '" + Subject + "' does not cover the SDK it carries"
                : "'" + Subject + "' carries the " + Sdk.DisplayName + " under another package id and assembly name (" + Carries + "); an approval of '" + Sdk.PrimaryPackageId + "' does not cover it";

        /// <summary>Why, as a clause: "packages.denied 'Shady.*' (guardrails.policy.json line 80): no data-processing agreement".</summary>
        public string Reason { get; }

        /// <summary>The policy change that would approve this use; never one that takes back an approval.</summary>
        public string? Proposal { get; }

        /// <summary>
        /// What to ask the policy owner for, as the clause after "ask {owner} to" in a message: for a deny, lifting it
        /// (no approval could); otherwise the policy change that would approve this use (<see cref="Proposal"/>), for
        /// an SDK a route carries approving the SDK itself.
        /// </summary>
        public string Request => Verdict == Verdict.Denied
            ? (RuleId == RuleIds.UnapprovedEndpoint ? "lift that deny" : "lift or narrow that deny")
            : Proposal ?? "add { \"id\": \"" + Subject + "\" } to packages.approved";

        /// <summary>Line of the deciding entry in the policy file (0 when none decided, e.g. nothing approves it).</summary>
        public int Line { get; }

        /// <summary>For a host: the AI provider it belongs to (catalog or policy-defined SDK, or a provider endpoint).</summary>
        public string? Provider { get; internal set; }

        /// <summary>The route that approves or carries it.</summary>
        public RouteEntry? Route { get; }

        /// <summary>The usable waiver that lets this violation pass, if any.</summary>
        public WaiverEntry? Waiver { get; private set; }

        /// <summary>
        /// A violation a waiver lets pass: still reported, as a warning in every mode, whose message names the waiver and
        /// its expiry (<see cref="Qualifier"/>), in the package gate and the analyzers alike.
        /// </summary>
        public bool IsWaived => Waiver != null && IsViolation;

        /// <summary>True when the use may go ahead (no violation, or a waiver covers it).</summary>
        public bool Passes => Waiver != null || Verdict == Verdict.NotGoverned || Verdict == Verdict.Approved || Verdict == Verdict.AllowedThroughRoute;

        public bool IsViolation => Verdict == Verdict.NotApproved || Verdict == Verdict.Denied || Verdict == Verdict.VersionNotApproved;

        /// <summary>A route-carried SDK: its types may be used, its own client may not be created or registered.</summary>
        public bool OnlyThroughRoute => Verdict == Verdict.AllowedThroughRoute;

        /// <summary>
        /// For a message "… which the AI policy does not approve{qualifier}: ask …": empty for a plain non-approval,
        /// otherwise what the policy says (the deny and its line, the approved versions, the route that carries it) and,
        /// for a waived violation, the waiver and its expiry.
        /// </summary>
        public string Qualifier() => Verdict switch
        {
            Verdict.Denied => " (" + Reason + ")",
            Verdict.VersionNotApproved => " in this version (" + Reason + ")",
            Verdict.AllowedThroughRoute => " other than through " + (Route?.Describe() ?? "its route") + ", which hands out its clients: creating or registering its own client is not part of the route",
            _ => string.Empty,
        } + (Carries != null && IsViolation ? " (" + CarrierNote() + ")" : string.Empty)
          + (ChainUnknown && Verdict == Verdict.NotApproved ? " (judged without its restored package: what brings it in, and so whether a route carries it, is unknown until the project is restored)" : string.Empty)
          + (IsWaived ? ", " + Waiver!.Note() : string.Empty);

        internal Decision WithWaiver(WaiverEntry? waiver)
        {
            Waiver = waiver;
            return this;
        }

        internal Decision As(string ruleId) =>
            new Decision(Verdict, ruleId, Subject, Sdk, Reason, Proposal, Line, Route) { Waiver = Waiver, ChainUnknown = ChainUnknown, Carries = Carries, CarrierApprovedById = CarrierApprovedById };

        /// <summary>
        /// For an approved npm/PyPI id taken from another source (<see cref="PolicyVerdicts.PackageFrom"/>): the source as
        /// written (<c>github:acme/llm-client#v2.1.0</c>, <c>--index-url https://pypi.example/simple</c>); null otherwise.
        /// </summary>
        public string? Source { get; private set; }

        internal Decision FromSource(string source)
        {
            Source = source;
            return this;
        }

        internal Decision CarriedBecause(string evidence, bool approvedId = false)
        {
            Carries = evidence;
            CarrierApprovedById = approvedId;
            return this;
        }

        /// <summary>
        /// True when <see cref="Carries"/> is set on a package the policy approves by its own id whose assembly carries
        /// another SDK the policy does not approve (adversary round 12 route 1): the approval of the id does not cover it.
        /// </summary>
        public bool CarrierApprovedById { get; private set; }

        /// <summary>
        /// Decided by id because the package is not among the restored packages (no restore yet, a project reference, a
        /// hint path): which package brings it in, and so whether a route carries it, is unknown.
        /// </summary>
        public bool ChainUnknown { get; private set; }

        internal Decision WithUnknownChain(string proposal) =>
            new Decision(Verdict, RuleId, Subject, Sdk, Reason, proposal, Line, Route) { Waiver = Waiver, ChainUnknown = true, Carries = Carries, CarrierApprovedById = CarrierApprovedById };

        public override string ToString() => Verdict + " " + RuleId + " " + Subject + (Waiver != null ? " waived by " + Waiver.Id : string.Empty);
    }

    /// <summary>
    /// The one evaluator of the effective policy, used by the package gate (GRD201-GRD203, in the build task) and by
    /// the analyzers (GRD003, GRD004), so the two halves cannot disagree. Package ids and host patterns follow the one
    /// wildcard grammar of each (<see cref="Glob"/> for ids, <see cref="HostPattern"/> for hosts). Versions are NuGet
    /// ranges decided by the caller's oracle: the task asks NuGet.Versioning and records each answer in the effective
    /// policy; the analyzers answer from those records.
    /// </summary>
    public sealed class PolicyVerdicts
    {
        private static readonly string[] PackageRules = { RuleIds.PackageNotApproved, RuleIds.PackageDenied, RuleIds.PackageVersionNotApproved };

        private readonly Func<string, string, bool?> _versions;
        private readonly DateTimeOffset _now;
        private readonly List<AiSdk> _customSdks = new List<AiSdk>();
        private readonly Dictionary<string, AiSdk> _customByAssembly = new Dictionary<string, AiSdk>(StringComparer.OrdinalIgnoreCase);
        private readonly string _policyName;

        /// <param name="policy">The effective policy.</param>
        /// <param name="versions">Answers "does version V satisfy NuGet range R" (null: unknown); default: the policy's recorded answers.</param>
        /// <param name="now">The instant waivers are held against; default: now.</param>
        public PolicyVerdicts(EffectivePolicy policy, Func<string, string, bool?>? versions = null, DateTimeOffset? now = null)
        {
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
            _versions = versions ?? policy.LookUpVersion;
            _now = now ?? DateTimeOffset.UtcNow;
            foreach (CustomSdkEntry entry in policy.CustomSdks)
            {
                _customSdks.Add(entry.Sdk);
                foreach (string asm in entry.Sdk.AssemblyNames)
                {
                    if (!_customByAssembly.ContainsKey(asm))
                    {
                        _customByAssembly.Add(asm, entry.Sdk);
                    }
                }
            }

            _policyName = PolicyFileName(policy.PolicyFile);
            OwnerContact = DescribeOwner(policy.OwnerName, policy.OwnerContact);
        }

        public EffectivePolicy Policy { get; }

        /// <summary>Who to ask for an approval: "AI Governance (ai@contoso.example)", or a fallback.</summary>
        public string OwnerContact { get; }

        /// <summary>The SDKs the policy defines itself (packages.sdks).</summary>
        public IReadOnlyList<AiSdk> CustomSdks => _customSdks;

        /// <summary>
        /// The evaluator of <paramref name="policy"/>, or null when there is no valid policy: then the SDK and endpoint
        /// rules stay silent.
        /// </summary>
        public static PolicyVerdicts? From(EffectivePolicy? policy) => policy != null && policy.HasPolicy ? new PolicyVerdicts(policy) : null;

        /// <summary>Host patterns the policy itself names (its SDKs, endpoint lists and routes): hosts to look for beyond the catalog's.</summary>
        public IEnumerable<string> PolicyHostPatterns()
        {
            foreach (AiSdk sdk in _customSdks)
            {
                foreach (string h in sdk.EndpointHosts)
                {
                    yield return h;
                }
            }

            foreach (HostEntry h in Policy.DeniedEndpoints)
            {
                yield return h.Host;
            }

            // Approved endpoints too: a gateway the policy approves is still an endpoint the code reaches (GRD008).
            foreach (HostEntry h in Policy.ApprovedEndpoints)
            {
                yield return h.Host;
            }

            foreach (RouteEntry route in Policy.Routes)
            {
                foreach (string h in route.Endpoints)
                {
                    yield return h;
                }
            }
        }

        /// <summary>The SDK (policy-defined first, then the catalog) that an assembly belongs to.</summary>
        public bool TryGetSdkByAssemblyName(string assemblyName, out AiSdk sdk)
        {
            if (assemblyName != null && _customByAssembly.TryGetValue(assemblyName, out AiSdk? custom))
            {
                sdk = custom;
                return true;
            }

            return AiSdkCatalog.TryGetByAssemblyName(assemblyName!, out sdk);
        }

        /// <summary>The AI SDK a package id belongs to (policy-defined first, then the catalog), or null.</summary>
        public AiSdk? SdkOfPackage(string packageId)
        {
            foreach (AiSdk custom in _customSdks)
            {
                foreach (string id in custom.PackageIds)
                {
                    if (string.Equals(PackageEcosystem.Canonical(id), packageId, StringComparison.OrdinalIgnoreCase))
                    {
                        return custom;
                    }
                }
            }

            return AiSdkCatalog.TryGetByPackageId(packageId, out AiSdk sdk) ? sdk : null;
        }

        /// <summary>
        /// The package gate's question: may the project restore <paramref name="id"/> <paramref name="version"/>, brought
        /// in by <paramref name="chain"/> (package ids from the top-level reference down to the package itself; null or
        /// just the id when it is referenced directly)? A null version decides by id alone (versioned rules then
        /// neither deny nor withhold an approval).
        /// </summary>
        public Decision Package(string id, string? version, IReadOnlyList<string>? chain = null) => Package(id, version, chain, null);

        /// <summary>
        /// The package gate's question for an npm/PyPI package taken from <paramref name="source"/> rather than its registry (a
        /// git repository, a tarball or wheel URL, a path, another index: adversary round 13 route 19). Decided as
        /// <see cref="Package(string, string?, IReadOnlyList{string}?)"/>; an approval (packages.approved or a route) is of the
        /// registry's package, so the same id from a source that is not the registry and that no <c>packages.sources</c> entry
        /// names is GRD201 naming the source. A deny or a non-approval stands as it is; a package no rule governs stays so.
        /// </summary>
        public Decision PackageFrom(string id, string? version, IReadOnlyList<string>? chain, string source)
        {
            Decision d = Package(id, version, chain);
            if (d.Verdict != Verdict.Approved || string.IsNullOrWhiteSpace(source) || PackageSources.IsRegistry(source) ||
                Policy.PackageSources.Exists(s => PackageSources.Matches(s.Pattern, source)))
            {
                return d;
            }

            string shownSource = Short(source.Trim());
            return Waived(new Decision(Verdict.NotApproved, RuleIds.PackageNotApproved, id, d.Sdk,
                d.Reason + " approves the registry's '" + id + "'; this one is taken from " + shownSource + ", which is not the registry and which packages.sources does not name: whatever that source holds is installed under the approved name",
                "add \"" + PackageSources.Normalize(source) + "\" to packages.sources (after reviewing what it holds)", d.Line, null)).FromSource(shownSource);
        }

        /// <summary>
        /// The package gate's question for a package whose id is no AI SDK's but whose compile-time assembly declares a
        /// catalog SDK's signature types (<see cref="AiSdkCatalog.TryGetBySignatureType"/>): a renamed copy of
        /// <paramref name="carried"/>. It is judged as that SDK under its own id: approved only by an entry that names
        /// <paramref name="id"/> itself (packages.approved, a route's packages), never by the approval of the SDK's own
        /// package (a central owner approving 'OpenAI' approved that publisher's package); a deny of the SDK's own package
        /// (without versions) denies the copy too. <paramref name="evidence"/> says what shows it ("assembly Acme.Http
        /// declares OpenAI.Chat.ChatClient"). A package that is itself an AI SDK's is judged as that SDK.
        /// </summary>
        /// <remarks>
        /// Adversary round 12 route 1: an approval of an id covers that id's own SDK only. A package approved by
        /// packages.approved (the policy's own gateway id, or a look-alike version of an approved SDK package such as
        /// 'Azure.AI.OpenAI' 2.9.0 from a repository's feed) whose assembly declares another catalog SDK's signature
        /// types carries that SDK: it passes only when the carried SDK is approved too (any of its packages in
        /// packages.approved) or when a route names the package itself; otherwise it is GRD201 naming the carried SDK.
        /// The carried SDK's own package is never a carrier of it.
        /// </remarks>
        public Decision CarrierPackage(string id, string? version, IReadOnlyList<string>? chain, AiSdk carried, string evidence)
        {
            AiSdk? own = SdkOfPackage(id);
            if (own == carried)
            {
                return Package(id, version, chain);
            }

            Decision d = Package(id, version, chain, own == null ? carried : null);
            if (d.Verdict == Verdict.Approved && d.Route == null && !SdkApprovedByItsOwnPackages(carried))
            {
                string what = own == null ? string.Empty : " (" + (own.IsCustom ? "AI SDK '" + own.Id + "' defined by the policy" : own.DisplayName) + ")";
                d = Waived(new Decision(Verdict.NotApproved, RuleIds.PackageNotApproved, id, carried,
                    d.Reason + " approves '" + id + "'" + what + ", not the " + carried.DisplayName + " its assembly declares, which the policy does not approve",
                    "add { \"id\": \"" + carried.PrimaryPackageId + "\" } to packages.approved, or name '" + id + "' in a route's packages", d.Line, null));
                return d.CarriedBecause(evidence, approvedId: true);
            }

            return d.Sdk == carried ? d.CarriedBecause(evidence) : d;
        }

        /// <summary>Whether packages.approved approves one of <paramref name="sdk"/>'s own packages (by id, any version).</summary>
        private bool SdkApprovedByItsOwnPackages(AiSdk sdk)
        {
            foreach (string pid in sdk.PackageIds)
            {
                if (Package(pid, null).Verdict == Verdict.Approved)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The analyzers' question for a referenced assembly whose name is no AI SDK's but which declares a catalog SDK's
        /// signature type: decided as the package gate decides <see cref="CarrierPackage"/> for the restored package of
        /// that name (its version and chain from the effective policy), or by the assembly name when no restored package
        /// has it; then as GRD003, with the waivers of GRD003 for that name or the SDK.
        /// </summary>
        public Decision CarrierAssembly(string assemblyName, AiSdk carried, string typeName)
        {
            ResolvedPackage? restored = Policy.Packages.Find(p => string.Equals(p.Id, assemblyName, StringComparison.OrdinalIgnoreCase));
            Decision d = CarrierPackage(restored?.Id ?? assemblyName, restored?.Version, restored?.Chain, carried, "assembly " + assemblyName + " declares " + typeName);
            Decision use = d.As(RuleIds.UnapprovedSdk);
            if (use.IsViolation && use.Waiver == null)
            {
                use.WithWaiver(FindWaiver(RuleIds.UnapprovedSdk, use.Subject) ?? FindWaiver(RuleIds.UnapprovedSdk, carried.Id));
            }

            return use;
        }

        private Decision Package(string id, string? version, IReadOnlyList<string>? chain, AiSdk? carries)
        {
            AiSdk? sdk = carries ?? SdkOfPackage(id);
            string shown = "'" + id + "'" + (version != null ? " " + version : string.Empty);
            foreach (PackageEntry deny in Policy.DeniedPackages)
            {
                if ((Glob.Match(deny.Id, id) && InRange(deny.Versions, version, unknown: deny.Versions == null)) ||
                    (carries != null && deny.Versions == null && carries.PackageIds.Any(p => Glob.Match(deny.Id, p))))
                {
                    return Waived(new Decision(Verdict.Denied, RuleIds.PackageDenied, id, sdk,
                        "packages.denied '" + deny.Id + "'" + (deny.Versions != null ? " " + deny.Versions : string.Empty) + " (" + At(deny.Line) + ")" + (deny.Reason != null ? ": " + Short(deny.Reason) : string.Empty),
                        "the policy denies it; only " + OwnerContact + " can lift or narrow that deny", deny.Line, null));
                }
            }

            PackageEntry? versionMiss = null;
            RouteEntry? versionMissRoute = null;
            foreach (RouteEntry route in Policy.Routes)
            {
                foreach (PackageEntry p in route.Packages)
                {
                    if (!Glob.Match(p.Id, id))
                    {
                        continue;
                    }

                    if (InRange(p.Versions, version, unknown: true))
                    {
                        return new Decision(Verdict.Approved, RuleIds.PackageNotApproved, id, sdk, route.Describe() + " (" + At(route.Line) + ")", null, route.Line, route);
                    }

                    versionMiss ??= p;
                    versionMissRoute ??= route;
                }
            }

            foreach (PackageEntry approved in Policy.ApprovedPackages)
            {
                if (!Glob.Match(approved.Id, id))
                {
                    continue;
                }

                if (InRange(approved.Versions, version, unknown: true))
                {
                    return new Decision(Verdict.Approved, RuleIds.PackageNotApproved, id, sdk, "packages.approved '" + approved.Id + "' (" + At(approved.Line) + ")", null, approved.Line, null);
                }

                versionMiss ??= approved;
            }

            // The catalog's SDK is one thing: a package of it approved (by id) approves its sibling packages, so
            // approving Microsoft.SemanticKernel also approves the .Core and .Abstractions it is made of.
            if (versionMiss == null && sdk != null && !sdk.IsCustom && carries == null)
            {
                foreach (string sibling in sdk.PackageIds)
                {
                    PackageEntry? entry = string.Equals(sibling, id, StringComparison.OrdinalIgnoreCase) ? null : Policy.ApprovedPackages.Find(a => Glob.Match(a.Id, sibling));
                    if (entry != null)
                    {
                        return new Decision(Verdict.Approved, RuleIds.PackageNotApproved, id, sdk, "part of " + sdk.DisplayName + ", approved by packages.approved '" + entry.Id + "' (" + At(entry.Line) + ")", null, entry.Line, null);
                    }
                }
            }

            if (versionMiss != null)
            {
                string where = versionMissRoute != null ? versionMissRoute.Describe() : "packages.approved '" + versionMiss.Id + "'";
                return Waived(new Decision(Verdict.VersionNotApproved, RuleIds.PackageVersionNotApproved, id, sdk,
                    where + " approves only versions " + versionMiss.Versions + " (" + At(versionMiss.Line) + ")",
                    "widen the versions of " + where + " to include " + version, versionMiss.Line, versionMissRoute));
            }

            if (sdk == null || sdk.IsNeutral)
            {
                return new Decision(Verdict.NotGoverned, RuleIds.PackageNotApproved, id, sdk, "not an AI SDK the policy governs", null, 0, null);
            }

            // Brought in only by a route's package: allowed through that route. Brought in by an approved package, or by
            // another AI SDK (a wrapper such as Azure.AI.OpenAI over OpenAI): the route through it is the proposal.
            string? approvedAncestor = null;
            Decision? wrapper = null;
            if (chain != null)
            {
                for (int i = chain.Count - 2; i >= 0; i--)
                {
                    string ancestor = chain[i];
                    Decision up = Package(ancestor, VersionOf(ancestor));
                    if (up.Verdict == Verdict.Approved && up.Route != null)
                    {
                        return new Decision(Verdict.AllowedThroughRoute, RuleIds.PackageNotApproved, id, sdk,
                            "brought in by '" + ancestor + "' of " + up.Route.Describe() + " (" + At(up.Route.Line) + ")", null, up.Route.Line, up.Route);
                    }

                    if (up.Verdict == Verdict.Approved && approvedAncestor == null)
                    {
                        approvedAncestor = ancestor;
                    }

                    if (wrapper == null && up.Verdict != Verdict.Denied && up.Sdk != null && !up.Sdk.IsNeutral && up.Sdk != sdk)
                    {
                        wrapper = up;
                    }
                }
            }

            string what = sdk.IsCustom ? "AI SDK '" + sdk.Id + "' defined by the policy" : sdk.DisplayName + ", provider " + sdk.Provider;
            string? through = approvedAncestor ?? wrapper?.Subject;
            string proposal = through != null
                ? RouteProposal(through, shown) + ", or add { \"id\": \"" + id + "\" } to packages.approved"
                : "add { \"id\": \"" + id + "\" } to packages.approved" + (carries != null ? string.Empty : RouteHint(sdk));
            return Waived(new Decision(Verdict.NotApproved, RuleIds.PackageNotApproved, id, sdk, what + " is not approved by the policy" + (Policy.PolicyId != null ? " '" + Policy.PolicyId + "'" : string.Empty), proposal, 0, null));
        }

        /// <summary>The analyzers' question for a referenced assembly: null when it belongs to no AI SDK; otherwise the GRD003 decision.</summary>
        /// <param name="assemblyName">The referenced assembly's simple name.</param>
        /// <param name="wrappers">
        /// Other referenced assemblies that reference this one (from their metadata): when the package was not restored,
        /// the AI SDKs among them are what may bring it in, for the proposal (a route through one) — never the verdict.
        /// </param>
        public Decision? Assembly(string assemblyName, IReadOnlyList<string>? wrappers = null)
        {
            return TryGetSdkByAssemblyName(assemblyName, out AiSdk sdk) ? Sdk(sdk, assemblyName, wrappers) : null;
        }

        /// <summary>
        /// The GRD003 decision for an SDK: decided on its package as restored (version and chain from the effective
        /// policy, exactly as the package gate decided it), or by id when the package was not restored (a project
        /// reference, or before the first restore). A waiver of the package rule reaches the code use too.
        /// </summary>
        public Decision Sdk(AiSdk sdk, string? assemblyName = null, IReadOnlyList<string>? wrappers = null)
        {
            var ids = new List<string>();
            foreach (string id in sdk.PackageIds)
            {
                if (assemblyName != null && string.Equals(id, assemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    ids.Clear();
                    ids.Add(id);
                    break;
                }

                ids.Add(id);
            }

            var decisions = new List<Decision>();
            foreach (string id in ids)
            {
                bool restored = false;
                foreach (ResolvedPackage p in Policy.Packages)
                {
                    if (string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
                    {
                        restored = true;
                        decisions.Add(Package(p.Id, p.Version, p.Chain));
                    }
                }

                if (!restored)
                {
                    decisions.Add(Unrestored(Package(id, null), wrappers));
                }
            }

            if (decisions.Count == 0)
            {
                // An SDK the policy defines by namespace only, with no package ids: nothing can approve it but a waiver,
                // found as for a package SDK (a waiver of GRD003, or of a package rule, whose subject matches its id).
                int line = 0;
                foreach (CustomSdkEntry entry in Policy.CustomSdks)
                {
                    if (entry.Sdk == sdk)
                    {
                        line = entry.Line;
                    }
                }

                return Waived(new Decision(Verdict.NotApproved, RuleIds.UnapprovedSdk, sdk.Id, sdk,
                    "AI SDK '" + sdk.Id + "' defined by the policy (" + At(line) + ") by namespace, with no package that could be approved",
                    "grant a waiver of " + RuleIds.UnapprovedSdk + " for '" + sdk.Id + "' in 'waivers', or give packages.sdks '" + sdk.Id + "' its package ids and approve them", line, null));
            }

            Decision chosen = decisions.Find(d => d.Verdict == Verdict.Denied)
                ?? decisions.Find(d => d.Verdict == Verdict.Approved || d.Verdict == Verdict.NotGoverned)
                ?? decisions.Find(d => d.Verdict == Verdict.AllowedThroughRoute)
                ?? decisions.Find(d => d.Waiver != null)
                ?? decisions[0];
            Decision use = chosen.As(RuleIds.UnapprovedSdk);
            if (use.IsViolation && use.Waiver == null)
            {
                use.WithWaiver(FindWaiver(RuleIds.UnapprovedSdk, use.Subject) ?? FindWaiver(RuleIds.UnapprovedSdk, sdk.Id));
            }

            return use;
        }

        /// <summary>
        /// The GRD004 question for a host a project calls: denied by endpoints.denied; approved by endpoints.approved, a
        /// route's endpoints or an approved SDK that lists it; not approved when it is a known AI endpoint (catalog or
        /// policy-defined SDK, or a provider endpoint); not governed otherwise. A route-carried SDK's hosts stay unapproved.
        /// </summary>
        public Decision Host(string host)
        {
            foreach (HostEntry deny in Policy.DeniedEndpoints)
            {
                if (deny.Covers(host))
                {
                    return Waived(new Decision(Verdict.Denied, RuleIds.UnapprovedEndpoint, host, KnownSdk(host),
                        "endpoints.denied '" + deny.Host + "' (" + At(deny.Line) + ")" + (deny.Reason != null ? ": " + Short(deny.Reason) : string.Empty),
                        "the policy denies it; only " + OwnerContact + " can lift that deny", deny.Line, null) { Provider = KnownProvider(host) ?? "an AI provider" });
                }
            }

            foreach (HostEntry approved in Policy.ApprovedEndpoints)
            {
                if (HostPattern.Matches(approved.Host, host))
                {
                    return new Decision(Verdict.Approved, RuleIds.UnapprovedEndpoint, host, null, "endpoints.approved '" + approved.Host + "' (" + At(approved.Line) + ")", null, approved.Line, null);
                }
            }

            foreach (RouteEntry route in Policy.Routes)
            {
                foreach (string pattern in route.Endpoints)
                {
                    if (HostPattern.Matches(pattern, host))
                    {
                        return new Decision(Verdict.Approved, RuleIds.UnapprovedEndpoint, host, null, route.Describe() + " (" + At(route.Line) + ")", null, route.Line, route);
                    }
                }
            }

            AiSdk? known = null;
            bool carried = false;
            foreach (AiSdk sdk in CatalogAndCustom())
            {
                if (!HostPattern.MatchesAny(sdk.EndpointHosts, host))
                {
                    continue;
                }

                Decision d = Sdk(sdk);
                if (d.Verdict == Verdict.Approved)
                {
                    return new Decision(Verdict.Approved, RuleIds.UnapprovedEndpoint, host, sdk, "an endpoint of " + sdk.DisplayName + ", approved by " + d.Reason, null, d.Line, null);
                }

                if (known == null)
                {
                    known = sdk;
                    carried = d.OnlyThroughRoute;
                }
            }

            string? provider = known?.Provider;
            if (provider == null)
            {
                foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
                {
                    if (HostPattern.MatchesAny(endpoint.HostPatterns, host))
                    {
                        provider = endpoint.Provider;
                        break;
                    }
                }
            }

            if (provider == null)
            {
                return new Decision(Verdict.NotGoverned, RuleIds.UnapprovedEndpoint, host, null, "not a known AI endpoint", null, 0, null);
            }

            // The SDK a route carries is not proposed: approving it would undo the route ("Azure OpenAI only").
            string proposal = "add \"" + host + "\" to endpoints.approved" + (known != null && !carried ? " (or approve the package " + known.PrimaryPackageId + ")" : string.Empty);
            return Waived(new Decision(Verdict.NotApproved, RuleIds.UnapprovedEndpoint, host, known, "an endpoint of " + provider + " that the policy does not approve", proposal, 0, null) { Provider = provider });
        }

        private AiSdk? KnownSdk(string host)
        {
            foreach (AiSdk sdk in CatalogAndCustom())
            {
                if (HostPattern.MatchesAny(sdk.EndpointHosts, host))
                {
                    return sdk;
                }
            }

            return null;
        }

        private string? KnownProvider(string host)
        {
            AiSdk? sdk = KnownSdk(host);
            if (sdk != null)
            {
                return sdk.Provider;
            }

            foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
            {
                if (HostPattern.MatchesAny(endpoint.HostPatterns, host))
                {
                    return endpoint.Provider;
                }
            }

            return null;
        }

        /// <summary>The usable waiver (unexpired) for a rule and a subject; for GRD003 a waiver of the package rules reaches too.</summary>
        public WaiverEntry? FindWaiver(string ruleId, string subject) => FindWaiver(Policy.Waivers, ruleId, subject, _now);

        /// <summary>
        /// The one waiver decision, for the task (over the waivers a manifest claims that are usable) and the analyzers
        /// (over the effective policy's waivers) alike: the first of <paramref name="waivers"/> for the same rule (case
        /// insensitive) whose subject pattern matches <paramref name="subject"/> (<see cref="SubjectMatches"/>) and that has
        /// not expired at <paramref name="now"/>; for GRD003 a waiver of the package rules (GRD201/202/203) on the SDK's
        /// package reaches too. Null when none covers it.
        /// </summary>
        public static WaiverEntry? FindWaiver(IReadOnlyList<WaiverEntry> waivers, string ruleId, string subject, DateTimeOffset now)
        {
            foreach (WaiverEntry w in waivers)
            {
                if (now < w.Expires && string.Equals(w.Rule, ruleId, StringComparison.OrdinalIgnoreCase) && SubjectMatches(ruleId, w.Subject, subject))
                {
                    return w;
                }
            }

            if (string.Equals(ruleId, RuleIds.UnapprovedSdk, StringComparison.OrdinalIgnoreCase))
            {
                foreach (string packageRule in PackageRules)
                {
                    WaiverEntry? w = FindWaiver(waivers, packageRule, subject, now);
                    if (w != null)
                    {
                        return w;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// A waiver's subject against what a finding is about: a host pattern in the endpoint grammar for GRD004 (so
        /// "*.openai.azure.com" waives what endpoints.approved "*.openai.azure.com" would approve), a glob otherwise.
        /// </summary>
        public static bool SubjectMatches(string ruleId, string pattern, string subject) =>
            string.Equals(ruleId, RuleIds.UnapprovedEndpoint, StringComparison.OrdinalIgnoreCase)
                ? HostPattern.Matches(pattern, subject)
                : Glob.Match(pattern, subject);

        /// <summary>
        /// A package SDK decided by id with no restored chain (no restore yet, a project reference, a hint path): the
        /// proposal must not be "approve the base SDK" where a route through the package that brings it in would do.
        /// <paramref name="wrappers"/> are the AI SDK assemblies the compilation references that reference this one
        /// (Azure.AI.OpenAI for OpenAI): the route through one is proposed, or, when a route already has it, that the
        /// route will carry it once restored. With no wrapper known, the policy's routes are named. Approving the package
        /// itself is offered only for a project that references it directly.
        /// </summary>
        private Decision Unrestored(Decision d, IReadOnlyList<string>? wrappers)
        {
            if (d.Verdict != Verdict.NotApproved || d.Sdk == null)
            {
                return d;
            }

            string approve = "add { \"id\": \"" + d.Subject + "\" } to packages.approved";
            // The wrapper the policy approves first: that is the route that would do; else the first by name (the
            // advice must not depend on the order of the compiler's references).
            string? through = null;
            var candidates = new List<string>(wrappers ?? (IReadOnlyList<string>)Array.Empty<string>());
            candidates.Sort(StringComparer.OrdinalIgnoreCase);
            foreach (string assembly in candidates)
            {
                if (!TryGetSdkByAssemblyName(assembly, out AiSdk wrapper) || wrapper == d.Sdk || wrapper.IsNeutral)
                {
                    continue;
                }

                string package = wrapper.PrimaryPackageId;
                foreach (string id in wrapper.PackageIds)
                {
                    package = string.Equals(id, assembly, StringComparison.OrdinalIgnoreCase) ? id : package;
                }

                if (Package(package, null).Verdict == Verdict.Approved)
                {
                    through = package;
                    break;
                }

                through ??= package;
            }

            string proposal;
            if (through != null)
            {
                RouteEntry? carrying = null;
                foreach (RouteEntry route in Policy.Routes)
                {
                    foreach (PackageEntry p in route.Packages)
                    {
                        carrying ??= Glob.Match(p.Id, through) ? route : null;
                    }
                }

                proposal = carrying != null
                    ? approve + " only if the project references '" + d.Subject + "' itself: brought in by '" + through + "' of " + carrying.Describe() + " it needs no approval (restore and build again to judge it)"
                    : RouteProposal(through, "'" + d.Subject + "'") + ", or " + approve;
            }
            else if (Policy.Routes.Count > 0)
            {
                proposal = "add the package that brings '" + d.Subject + "' in to the packages of a route in 'routes' (the policy declares " +
                    string.Join(", ", Policy.Routes.ConvertAll(r => "'" + r.Id + "'")) + "), or, if the project references '" + d.Subject + "' itself, " + approve;
            }
            else
            {
                return d; // nothing suggests a route: a direct reference is what is left
            }

            return d.WithUnknownChain(proposal);
        }

        /// <summary>"guardrails.policy.json line 73".</summary>
        public string At(int line) => _policyName + (line > 0 ? " line " + line.ToString(CultureInfo.InvariantCulture) : string.Empty);

        private Decision Waived(Decision d) => d.WithWaiver(FindWaiver(d.RuleId, d.Subject));

        private string? VersionOf(string id)
        {
            foreach (ResolvedPackage p in Policy.Packages)
            {
                if (string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return p.Version;
                }
            }

            return null;
        }

        private bool InRange(string? range, string? version, bool unknown)
        {
            if (range == null)
            {
                return true;
            }

            return version == null ? unknown : _versions(range, version) ?? unknown;
        }

        /// <summary>
        /// "declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { "id": "azure-openai",
        /// "packages": [ "Azure.AI.OpenAI" ] }), so 'OpenAI' 2.1.0 is allowed only through it".
        /// </summary>
        private string RouteProposal(string wrapperId, string shown)
        {
            AiSdk? wrapper = SdkOfPackage(wrapperId);
            string example = wrapper != null && !wrapper.IsCustom
                ? " (such as { \"id\": \"" + wrapper.Id + "\", \"packages\": [ \"" + wrapperId + "\" ] })"
                : string.Empty;
            return "declare a route in 'routes' whose packages include '" + wrapperId + "'" + example + ", so " + shown + " is allowed only through it";
        }

        /// <summary>For a wrapper SDK whose routes are common, a hint that a route approves it with its base SDK.</summary>
        private static string RouteHint(AiSdk sdk) => sdk.IsIntegration ? ", or declare a route in 'routes' whose packages include it" : string.Empty;

        private IEnumerable<AiSdk> CatalogAndCustom()
        {
            foreach (AiSdk sdk in _customSdks)
            {
                yield return sdk;
            }

            foreach (AiSdk sdk in AiSdkCatalog.AllProviderSdksFirst)
            {
                yield return sdk;
            }
        }

        /// <summary>Reasons come from the task already cleaned; still, no control characters and no runaway length here.</summary>
        private static string Short(string value)
        {
            var chars = new char[Math.Min(value.Length, 200)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsControl(value[i]) ? ' ' : value[i];
            }

            return new string(chars) + (value.Length > 200 ? "\u2026" : string.Empty);
        }

        private static string PolicyFileName(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return "the policy";
            }

            int cut = Math.Max(path!.LastIndexOf('/'), path.LastIndexOf('\\'));
            return cut >= 0 ? path.Substring(cut + 1) : path;
        }

        private static string DescribeOwner(string? name, string? contact)
        {
            name = string.IsNullOrWhiteSpace(name) ? null : name!.Trim();
            contact = string.IsNullOrWhiteSpace(contact) ? null : contact!.Trim();
            if (name != null && contact != null)
            {
                return name + " (" + contact + ")";
            }

            return name ?? contact ?? "the owner of the AI policy";
        }
    }
}
