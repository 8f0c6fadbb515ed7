using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.Core.Policy
{
    /// <summary>
    /// The effective policy: what the build task resolved from the central policy, the team manifest and the restored
    /// packages, handed to the analyzers as one generated AdditionalFile (obj/…/guardrails/guardrails.effective-policy.json).
    /// Typed and versioned (<see cref="FormatVersion"/>); the analyzers never parse the policy itself, and both halves
    /// decide with <see cref="PolicyVerdicts"/> over this one model. Written with <see cref="Write"/>, read with
    /// <see cref="Read"/>: unknown members are ignored, so a newer task can add facts an older reader skips.
    /// </summary>
    public sealed class EffectivePolicy
    {
        public const string FileName = "guardrails.effective-policy.json";

        /// <summary>The contract's version. A reader refuses a document of another major version (it is then no policy at all).</summary>
        public const int FormatVersion = 2;

        /// <summary>Largest effective-policy document a reader accepts (it is generated; anything larger is not ours).</summary>
        public const int MaxChars = 8 * 1024 * 1024;

        private readonly List<KeyValuePair<string, string>> _facts = new List<KeyValuePair<string, string>>();

        /// <summary>Effective mode, decided once by the task: "Enforce" or "Audit".</summary>
        public string Mode { get; set; } = "Enforce";

        /// <summary>True when a valid central policy was loaded (the SDK and endpoint rules are active only then).</summary>
        public bool HasPolicy { get; set; }

        /// <summary>Full path of the central policy file the locations below point into.</summary>
        public string? PolicyFile { get; set; }

        public string? PolicyId { get; set; }

        public long? Revision { get; set; }

        public string? OwnerName { get; set; }

        public string? OwnerContact { get; set; }

        public List<PackageEntry> ApprovedPackages { get; } = new List<PackageEntry>();

        public List<PackageEntry> DeniedPackages { get; } = new List<PackageEntry>();

        /// <summary>
        /// packages.sources: the package sources besides the public registries (a mirror, an internal index, a git host) whose
        /// packages an approval covers (adversary round 13 route 19); an approved id taken from any other source is GRD201.
        /// </summary>
        public List<PackageSourceEntry> PackageSources { get; } = new List<PackageSourceEntry>();

        /// <summary>AI SDKs the policy defines on top of the catalog (packages.sdks).</summary>
        public List<CustomSdkEntry> CustomSdks { get; } = new List<CustomSdkEntry>();

        /// <summary>Provider routes: wrapper packages that may bring a base SDK, and the endpoints they may reach.</summary>
        public List<RouteEntry> Routes { get; } = new List<RouteEntry>();

        public List<HostEntry> ApprovedEndpoints { get; } = new List<HostEntry>();

        public List<HostEntry> DeniedEndpoints { get; } = new List<HostEntry>();

        /// <summary>The waivers this project claims that the task found usable (known, approved, in scope, unexpired).</summary>
        public List<WaiverEntry> Waivers { get; } = new List<WaiverEntry>();

        /// <summary>The packages restored for the project (from project.assets.json), each with the chain that brings it.</summary>
        public List<ResolvedPackage> Packages { get; } = new List<ResolvedPackage>();

        /// <summary>
        /// NuGet version-range answers the task computed (with NuGet.Versioning) for the restored packages, so readers
        /// without NuGet.Versioning (the analyzers) decide versions exactly as the package gate did.
        /// </summary>
        public List<VersionFact> VersionFacts { get; } = new List<VersionFact>();

        /// <summary>Other facts by key (e.g. the integrity checks' "suppression.allowed"); a key may repeat.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Facts => _facts;

        /// <summary>Adds a fact. Values must be single-line; line breaks are replaced by spaces.</summary>
        public void Add(string key, string value)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("Effective-policy fact keys cannot be empty.", nameof(key));
            }

            _facts.Add(new KeyValuePair<string, string>(key, (value ?? string.Empty).Replace('\r', ' ').Replace('\n', ' ')));
        }

        /// <summary>All values of a fact, in order.</summary>
        public IEnumerable<string> GetAll(string key)
        {
            foreach (KeyValuePair<string, string> e in _facts)
            {
                if (string.Equals(e.Key, key, StringComparison.Ordinal))
                {
                    yield return e.Value;
                }
            }
        }

        public string? Get(string key)
        {
            string? last = null;
            foreach (string v in GetAll(key))
            {
                last = v;
            }

            return last;
        }

        /// <summary>The answer the task recorded for "does <paramref name="version"/> satisfy <paramref name="range"/>", or null.</summary>
        public bool? LookUpVersion(string range, string version)
        {
            foreach (VersionFact f in VersionFacts)
            {
                if (string.Equals(f.Range, range, StringComparison.Ordinal) && string.Equals(f.Version, version, StringComparison.OrdinalIgnoreCase))
                {
                    return f.Satisfies;
                }
            }

            return null;
        }

        /// <summary>Records a version answer once.</summary>
        public void RecordVersion(string range, string version, bool satisfies)
        {
            if (LookUpVersion(range, version) == null)
            {
                VersionFacts.Add(new VersionFact(range, version, satisfies));
            }
        }

        public string Write()
        {
            SortedDictionary<string, object?> root = JsonWriter.Object();
            root["effectivePolicyFormat"] = FormatVersion;
            root["mode"] = Mode;
            root["policy"] = Obj(("present", HasPolicy), ("file", PolicyFile), ("id", PolicyId), ("revision", Revision));
            root["owner"] = Obj(("name", OwnerName), ("contact", OwnerContact));
            root["packages"] = Obj(
                ("approved", ApprovedPackages.ConvertAll(p => (object?)p.ToJson())),
                ("denied", DeniedPackages.ConvertAll(p => (object?)p.ToJson())),
                ("sdks", CustomSdks.ConvertAll(p => (object?)p.ToJson())),
                ("sources", PackageSources.Count == 0 ? null : PackageSources.ConvertAll(p => (object?)p.ToJson())));
            root["routes"] = Routes.ConvertAll(r => (object?)r.ToJson());
            root["endpoints"] = Obj(
                ("approved", ApprovedEndpoints.ConvertAll(h => (object?)h.ToJson())),
                ("denied", DeniedEndpoints.ConvertAll(h => (object?)h.ToJson())));
            root["waivers"] = Waivers.ConvertAll(w => (object?)w.ToJson());
            root["restored"] = Packages.ConvertAll(p => (object?)p.ToJson());
            root["versionFacts"] = VersionFacts.ConvertAll(f => (object?)Obj(("range", f.Range), ("version", f.Version), ("satisfies", f.Satisfies)));
            SortedDictionary<string, object?> facts = JsonWriter.Object();
            foreach (KeyValuePair<string, string> f in _facts)
            {
                if (!facts.TryGetValue(f.Key, out object? list))
                {
                    list = new List<object?>();
                    facts[f.Key] = list;
                }

                ((List<object?>)list!).Add(f.Value);
            }

            root["facts"] = facts;
            return JsonWriter.Write(root);
        }

        /// <summary>
        /// Reads a document written by <see cref="Write"/>. Never throws: returns null (with <paramref name="error"/>)
        /// for text that is not JSON, too large, or of another format version.
        /// </summary>
        public static EffectivePolicy? Read(string text, out string? error)
        {
            error = null;
            if (text == null || text.Length > MaxChars)
            {
                error = "the effective policy is missing or larger than " + MaxChars + " characters";
                return null;
            }

            JsonNode? root = JsonReader.TryParse(text, out JsonParseException? parseError, new JsonReaderOptions { MaxDepth = 16, RejectDuplicateMembers = true }); // a member twice: refused, as every Guardrails document
            if (root == null || !root.IsObject)
            {
                error = "the effective policy is not a JSON object" + (parseError != null ? " (" + parseError.Message + ")" : string.Empty);
                return null;
            }

            if (!(root["effectivePolicyFormat"] is JsonNode format) || !format.TryGetInt64(out long version) || version != FormatVersion)
            {
                error = "the effective policy has another format version than " + FormatVersion + " (rebuild so the Guardrails task writes it again)";
                return null;
            }

            var result = new EffectivePolicy
            {
                Mode = string.Equals(Str(root["mode"]), "Audit", StringComparison.OrdinalIgnoreCase) ? "Audit" : "Enforce",
            };
            JsonNode? policy = root["policy"];
            result.HasPolicy = policy?["present"] is JsonNode present && present.TryGetBoolean(out bool p) && p;
            result.PolicyFile = Str(policy?["file"]);
            result.PolicyId = Str(policy?["id"]);
            result.Revision = policy?["revision"] is JsonNode rev && rev.TryGetInt64(out long r) ? r : (long?)null;
            result.OwnerName = Str(root["owner"]?["name"]);
            result.OwnerContact = Str(root["owner"]?["contact"]);
            foreach (JsonNode e in Items(root["packages"]?["approved"]))
            {
                AddIf(result.ApprovedPackages, PackageEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["packages"]?["denied"]))
            {
                AddIf(result.DeniedPackages, PackageEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["packages"]?["sources"]))
            {
                AddIf(result.PackageSources, PackageSourceEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["packages"]?["sdks"]))
            {
                AddIf(result.CustomSdks, CustomSdkEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["routes"]))
            {
                AddIf(result.Routes, RouteEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["endpoints"]?["approved"]))
            {
                AddIf(result.ApprovedEndpoints, HostEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["endpoints"]?["denied"]))
            {
                AddIf(result.DeniedEndpoints, HostEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["waivers"]))
            {
                AddIf(result.Waivers, WaiverEntry.FromJson(e));
            }

            foreach (JsonNode e in Items(root["restored"]))
            {
                AddIf(result.Packages, ResolvedPackage.FromJson(e));
            }

            foreach (JsonNode e in Items(root["versionFacts"]))
            {
                string? range = Str(e["range"]);
                string? v = Str(e["version"]);
                if (range != null && v != null && e["satisfies"] is JsonNode s && s.TryGetBoolean(out bool yes))
                {
                    result.VersionFacts.Add(new VersionFact(range, v, yes));
                }
            }

            JsonNode? factsNode = root["facts"];
            if (factsNode != null && factsNode.IsObject)
            {
                foreach (JsonProperty f in factsNode.Properties)
                {
                    foreach (JsonNode value in Items(f.Value))
                    {
                        if (value.IsString)
                        {
                            result._facts.Add(new KeyValuePair<string, string>(f.Name, value.Text!));
                        }
                    }
                }
            }

            return result;
        }

        internal static SortedDictionary<string, object?> Obj(params (string Key, object? Value)[] members)
        {
            SortedDictionary<string, object?> o = JsonWriter.Object();
            foreach ((string key, object? value) in members)
            {
                if (value != null)
                {
                    o[key] = value;
                }
            }

            return o;
        }

        internal static string? Str(JsonNode? node) => node != null && node.IsString ? node.Text : null;

        internal static int Line(JsonNode node) => node["line"] is JsonNode l && l.TryGetInt64(out long v) && v > 0 && v < int.MaxValue ? (int)v : 0;

        internal static List<string> Strings(JsonNode? node)
        {
            var list = new List<string>();
            foreach (JsonNode item in Items(node))
            {
                if (item.IsString && item.Text!.Length > 0)
                {
                    list.Add(item.Text);
                }
            }

            return list;
        }

        internal static IReadOnlyList<JsonNode> Items(JsonNode? node) =>
            node != null && node.IsArray ? node.Items : (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>();

        private static void AddIf<T>(List<T> list, T? item)
            where T : class
        {
            if (item != null)
            {
                list.Add(item);
            }
        }
    }

    /// <summary>An entry of packages.approved or packages.denied: an id or id pattern, an optional NuGet range, where it is.</summary>
    public sealed class PackageEntry
    {
        public PackageEntry(string id, string? versions, string? reason, int line)
        {
            Id = Guardrails.Core.Sdks.PackageEcosystem.Canonical(id); // pkg:pypi/MCP_Server_Fetch is pkg:pypi/mcp-server-fetch
            Versions = versions;
            Reason = reason;
            Line = line;
        }

        /// <summary>Package id, or a pattern with '*' and '?' (case-insensitive).</summary>
        public string Id { get; }

        /// <summary>NuGet version range as written ("[2.1,3.0)"); null means every version.</summary>
        public string? Versions { get; }

        public string? Reason { get; }

        /// <summary>Line in the policy file (0 when unknown).</summary>
        public int Line { get; }

        internal object ToJson() => EffectivePolicy.Obj(("id", Id), ("versions", Versions), ("reason", Reason), ("line", Line));

        internal static PackageEntry? FromJson(JsonNode e)
        {
            string? id = EffectivePolicy.Str(e["id"]);
            return id == null ? null : new PackageEntry(id, EffectivePolicy.Str(e["versions"]), EffectivePolicy.Str(e["reason"]), EffectivePolicy.Line(e));
        }
    }

    /// <summary>An entry of packages.sources: a source URL or pattern, where it is.</summary>
    public sealed class PackageSourceEntry
    {
        public PackageSourceEntry(string pattern, int line)
        {
            Pattern = pattern;
            Line = line;
        }

        /// <summary>A source URL or glob (<c>https://pypi.contoso.example/*</c>, <c>https://github.com/contoso/*</c>).</summary>
        public string Pattern { get; }

        /// <summary>Line in the policy file (0 when unknown).</summary>
        public int Line { get; }

        internal object ToJson() => EffectivePolicy.Obj(("pattern", Pattern), ("line", Line));

        internal static PackageSourceEntry? FromJson(JsonNode e)
        {
            string? pattern = EffectivePolicy.Str(e["pattern"]);
            return pattern == null ? null : new PackageSourceEntry(pattern, EffectivePolicy.Line(e));
        }
    }

    /// <summary>A host pattern of endpoints.approved or endpoints.denied (the one host grammar: <see cref="HostPattern"/>).</summary>
    public sealed class HostEntry
    {
        private static readonly string[] None = new string[0];

        public HostEntry(string host, string? reason, int line, IReadOnlyList<string>? except = null)
        {
            Host = host;
            Reason = reason;
            Line = line;
            Except = except ?? None;
        }

        public string Host { get; }

        public string? Reason { get; }

        public int Line { get; }

        /// <summary>
        /// For an endpoints.denied entry: host patterns the deny leaves out ("*.openai.azure.com" except
        /// "contoso-*.openai.azure.com": only the organisation's own resources); those are judged as if the deny were not there.
        /// </summary>
        public IReadOnlyList<string> Except { get; }

        /// <summary>The host is one this entry names and none of its exceptions does.</summary>
        public bool Covers(string host)
        {
            if (!HostPattern.Matches(Host, host))
            {
                return false;
            }

            foreach (string except in Except)
            {
                if (HostPattern.Matches(except, host))
                {
                    return false;
                }
            }

            return true;
        }

        internal object ToJson() => EffectivePolicy.Obj(("host", Host), ("reason", Reason), ("line", Line), ("except", Except.Count == 0 ? null : (object)new List<string>(Except)));

        internal static HostEntry? FromJson(JsonNode e)
        {
            string? host = EffectivePolicy.Str(e["host"]);
            return host == null ? null : new HostEntry(host, EffectivePolicy.Str(e["reason"]), EffectivePolicy.Line(e), EffectivePolicy.Strings(e["except"]));
        }
    }

    /// <summary>An AI SDK the policy defines (packages.sdks).</summary>
    public sealed class CustomSdkEntry
    {
        public CustomSdkEntry(AiSdk sdk, int line)
        {
            Sdk = sdk;
            Line = line;
        }

        public AiSdk Sdk { get; }

        public int Line { get; }

        internal object ToJson() => EffectivePolicy.Obj(
            ("id", Sdk.Id),
            ("provider", Sdk.Provider),
            ("packageIds", Sdk.PackageIds),
            ("assemblies", Sdk.AssemblyNames),
            ("namespaces", Sdk.Namespaces),
            ("endpointHosts", Sdk.EndpointHosts),
            ("line", Line));

        internal static CustomSdkEntry? FromJson(JsonNode e)
        {
            string? id = EffectivePolicy.Str(e["id"]);
            if (id == null)
            {
                return null;
            }

            string provider = EffectivePolicy.Str(e["provider"]) ?? id;
            var sdk = new AiSdk(id, id, provider.Length == 0 ? id : provider, EffectivePolicy.Strings(e["packageIds"]), EffectivePolicy.Strings(e["assemblies"]),
                EffectivePolicy.Strings(e["namespaces"]), EffectivePolicy.Strings(e["endpointHosts"]), "policy (packages.sdks)", isCustom: true);
            return new CustomSdkEntry(sdk, EffectivePolicy.Line(e));
        }
    }

    /// <summary>
    /// A provider route ("Azure OpenAI via Azure.AI.OpenAI to *.openai.azure.com"): its packages are approved; an AI
    /// SDK package that only they bring in is allowed through them (its types may be used where the wrapper hands
    /// them out, but constructing or registering its own client is not); its endpoints are approved.
    /// </summary>
    public sealed class RouteEntry
    {
        public RouteEntry(string id, string? description, IReadOnlyList<PackageEntry> packages, IReadOnlyList<string> endpoints, int line)
        {
            Id = id;
            Description = description;
            Packages = packages;
            Endpoints = endpoints;
            Line = line;
        }

        public string Id { get; }

        public string? Description { get; }

        /// <summary>The wrapper packages the route approves (ids or patterns, optional ranges).</summary>
        public IReadOnlyList<PackageEntry> Packages { get; }

        /// <summary>Host patterns the route may reach.</summary>
        public IReadOnlyList<string> Endpoints { get; }

        public int Line { get; }

        /// <summary>"route 'azure-openai' (Azure OpenAI via Azure.AI.OpenAI)".</summary>
        public string Describe() => "route '" + Id + "'" + (Description != null ? " (" + Description + ")" : string.Empty);

        internal object ToJson() => EffectivePolicy.Obj(
            ("id", Id),
            ("description", Description),
            ("packages", ((List<PackageEntry>)new List<PackageEntry>(Packages)).ConvertAll(p => (object?)p.ToJson())),
            ("endpoints", Endpoints),
            ("line", Line));

        internal static RouteEntry? FromJson(JsonNode e)
        {
            string? id = EffectivePolicy.Str(e["id"]);
            if (id == null)
            {
                return null;
            }

            var packages = new List<PackageEntry>();
            foreach (JsonNode p in EffectivePolicy.Items(e["packages"]))
            {
                PackageEntry? entry = PackageEntry.FromJson(p);
                if (entry != null)
                {
                    packages.Add(entry);
                }
            }

            return new RouteEntry(id, EffectivePolicy.Str(e["description"]), packages, EffectivePolicy.Strings(e["endpoints"]), EffectivePolicy.Line(e));
        }
    }

    /// <summary>A usable waiver: it lets a violation of <see cref="Rule"/> on a subject matching <see cref="Subject"/> pass until it expires.</summary>
    public sealed class WaiverEntry
    {
        public WaiverEntry(string id, string rule, string subject, DateTimeOffset expires, string? approvedBy, string? reason, int line)
        {
            Id = id;
            Rule = rule;
            Subject = subject;
            Expires = expires;
            ApprovedBy = approvedBy;
            Reason = reason;
            Line = line;
        }

        public string Id { get; }

        public string Rule { get; }

        /// <summary>Glob over the subject: a package id for GRD2xx and GRD003, a host for GRD004.</summary>
        public string Subject { get; }

        /// <summary>The first instant at which the waiver no longer applies.</summary>
        public DateTimeOffset Expires { get; }

        public string? ApprovedBy { get; }

        public string? Reason { get; }

        public int Line { get; }

        /// <summary>
        /// What every waived finding says, in the task's messages and the analyzers' alike: "waived by 'W-1' (pilot,
        /// approved by li) until 2026-12-31". A date-only expiry (the whole day, <see cref="Expires"/> the midnight
        /// after it) is shown as that day.
        /// </summary>
        public string Note()
        {
            string until = Until();
            string reason = Reason == null ? "no reason given" : Reason.Length > 120 ? Reason.Substring(0, 120) + "\u2026" : Reason;
            return "waived by '" + Id + "' (" + reason + (ApprovedBy != null ? ", approved by " + ApprovedBy : string.Empty) + ") until " + until;
        }

        /// <summary>The expiry as the policy wrote it: a date-only expiry as its last day ("2026-12-31"), else "2026-12-31 12:00 UTC".</summary>
        public string Until()
        {
            DateTime last = Expires.UtcDateTime;
            return last.TimeOfDay == TimeSpan.Zero
                ? last.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : last.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }

        internal object ToJson() => EffectivePolicy.Obj(
            ("id", Id),
            ("rule", Rule),
            ("subject", Subject),
            ("expires", Expires.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("approvedBy", ApprovedBy),
            ("reason", Reason),
            ("line", Line));

        internal static WaiverEntry? FromJson(JsonNode e)
        {
            string? id = EffectivePolicy.Str(e["id"]);
            string? rule = EffectivePolicy.Str(e["rule"]);
            string? subject = EffectivePolicy.Str(e["subject"]);
            string? expires = EffectivePolicy.Str(e["expires"]);
            if (id == null || rule == null || subject == null || expires == null ||
                !DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at))
            {
                return null;
            }

            return new WaiverEntry(id, rule, subject, at, EffectivePolicy.Str(e["approvedBy"]), EffectivePolicy.Str(e["reason"]), EffectivePolicy.Line(e));
        }
    }

    /// <summary>A restored package and the chain of package ids that brings it in (top-level reference first, itself last).</summary>
    public sealed class ResolvedPackage
    {
        public ResolvedPackage(string id, string version, IReadOnlyList<string> chain)
        {
            Id = id;
            Version = version;
            Chain = chain.Count > 0 ? chain : new[] { id };
        }

        public string Id { get; }

        public string Version { get; }

        /// <summary>Package ids from the project's top-level reference down to this package (length 1 when direct).</summary>
        public IReadOnlyList<string> Chain { get; }

        public bool IsDirect => Chain.Count <= 1;

        internal object ToJson() => EffectivePolicy.Obj(("id", Id), ("version", Version), ("chain", Chain));

        internal static ResolvedPackage? FromJson(JsonNode e)
        {
            string? id = EffectivePolicy.Str(e["id"]);
            string? version = EffectivePolicy.Str(e["version"]);
            return id == null || version == null ? null : new ResolvedPackage(id, version, EffectivePolicy.Strings(e["chain"]));
        }
    }

    /// <summary>"Version V satisfies NuGet range R" as the task's NuGet.Versioning decided it.</summary>
    public sealed class VersionFact
    {
        public VersionFact(string range, string version, bool satisfies)
        {
            Range = range;
            Version = version;
            Satisfies = satisfies;
        }

        public string Range { get; }

        public string Version { get; }

        public bool Satisfies { get; }
    }
}
