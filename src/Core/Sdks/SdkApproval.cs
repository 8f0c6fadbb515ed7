using System;
using System.Collections.Generic;
using Guardrails.Core.Text;
using Guardrails.Core.Policy;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// What the effective policy approves, in terms of the AI SDK catalog: built once per compilation by the
    /// analyzers (GRD003, GRD004) from the lines the build task writes (package.approved, package.denied,
    /// sdk.custom, endpoint.approved, owner.*). An SDK is approved when any of its package ids is approved and
    /// none is denied; a neutral SDK (interfaces only) is approved unless denied. Package ids in the policy may be
    /// patterns with '*' and '?' (case-insensitive), as the policy's package lists allow.
    /// </summary>
    public sealed class SdkApproval
    {
        public const string KeyPackageApproved = "package.approved";
        public const string KeyPackageDenied = "package.denied";
        public const string KeySdkCustom = "sdk.custom";
        public const string KeyEndpointApproved = "endpoint.approved";
        public const string KeyOwnerName = "owner.name";
        public const string KeyOwnerContact = "owner.contact";

        private readonly HashSet<string> _approvedPackages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _deniedPackages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _approvedPatterns = new List<string>();
        private readonly List<string> _deniedPatterns = new List<string>();
        private readonly List<string> _approvedEndpoints = new List<string>();
        private readonly List<AiSdk> _customSdks = new List<AiSdk>();
        private readonly Dictionary<string, AiSdk> _customByAssembly = new Dictionary<string, AiSdk>(StringComparer.OrdinalIgnoreCase);

        private SdkApproval(EffectivePolicy policy)
        {
            foreach (string id in policy.GetAll(KeyPackageApproved))
            {
                AddPackage(_approvedPackages, _approvedPatterns, id);
            }

            foreach (string id in policy.GetAll(KeyPackageDenied))
            {
                AddPackage(_deniedPackages, _deniedPatterns, id);
            }

            foreach (string pattern in policy.GetAll(KeyEndpointApproved))
            {
                string p = NormalizeEndpointPattern(pattern);
                if (p.Length > 0)
                {
                    _approvedEndpoints.Add(p);
                }
            }

            foreach (string line in policy.GetAll(KeySdkCustom))
            {
                if (AiSdkCatalog.TryParseCustom(line, out AiSdk custom))
                {
                    _customSdks.Add(custom);
                    foreach (string asm in custom.AssemblyNames)
                    {
                        if (!_customByAssembly.ContainsKey(asm))
                        {
                            _customByAssembly.Add(asm, custom);
                        }
                    }
                }
            }

            OwnerContact = DescribeOwner(policy.Get(KeyOwnerName), policy.Get(KeyOwnerContact));
        }

        /// <summary>Who to ask for an approval, for messages: "AI Governance (ai@contoso.example)", or a fallback.</summary>
        public string OwnerContact { get; }

        /// <summary>The SDKs the policy defines itself (sdk.custom lines).</summary>
        public IReadOnlyList<AiSdk> CustomSdks => _customSdks;

        /// <summary>The endpoint.approved host patterns.</summary>
        public IReadOnlyList<string> ApprovedEndpoints => _approvedEndpoints;

        /// <summary>
        /// The approval view of <paramref name="policy"/>, or null when there is no policy (no file, or policy=false):
        /// then the SDK and endpoint rules stay silent.
        /// </summary>
        public static SdkApproval? From(EffectivePolicy? policy) =>
            policy != null && policy.HasPolicy ? new SdkApproval(policy) : null;

        public bool IsApproved(AiSdk sdk)
        {
            bool approved = sdk.IsNeutral;
            foreach (string id in sdk.PackageIds)
            {
                if (Listed(_deniedPackages, _deniedPatterns, id))
                {
                    return false;
                }

                approved = approved || Listed(_approvedPackages, _approvedPatterns, id);
            }

            return approved;
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

        /// <summary>True when <paramref name="host"/> matches an endpoint.approved pattern.</summary>
        public bool IsEndpointExplicitlyApproved(string host) => HostPattern.MatchesAny(_approvedEndpoints, host);

        /// <summary>
        /// Decides an AI endpoint host. Returns true (with the provider and the package to request) when the host
        /// is a known AI provider endpoint (catalog or policy-defined SDK) that the policy does not approve: no
        /// endpoint.approved pattern matches it and no approved SDK lists it. Unknown hosts return false.
        /// </summary>
        public bool IsUnapprovedEndpoint(string host, out string provider, out string? packageId)
        {
            provider = string.Empty;
            packageId = null;
            bool known = false;
            foreach (AiSdk sdk in CatalogAndCustom())
            {
                if (!HostPattern.MatchesAny(sdk.EndpointHosts, host))
                {
                    continue;
                }

                if (IsApproved(sdk))
                {
                    return false;
                }

                if (!known)
                {
                    known = true;
                    provider = sdk.Provider;
                    packageId = sdk.PrimaryPackageId;
                }
            }

            if (!known)
            {
                foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
                {
                    if (HostPattern.MatchesAny(endpoint.HostPatterns, host))
                    {
                        known = true;
                        provider = endpoint.Provider;
                        break;
                    }
                }
            }

            return known && !IsEndpointExplicitlyApproved(host);
        }

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

        /// <summary>Accepts "host", "*.host", or a pasted URL ("https://host:443/path") and returns the host pattern.</summary>
        private static string NormalizeEndpointPattern(string value)
        {
            string v = (value ?? string.Empty).Trim();
            int scheme = v.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                v = v.Substring(scheme + 3);
            }

            int end = v.IndexOfAny(new[] { '/', ':', '?', '#' });
            return end >= 0 ? v.Substring(0, end) : v;
        }

        /// <summary>Package ids may be patterns ("Microsoft.SemanticKernel.*"), as in the policy's packages lists.</summary>
        private static void AddPackage(HashSet<string> ids, List<string> patterns, string value)
        {
            string v = (value ?? string.Empty).Trim();
            if (v.Length == 0)
            {
                return;
            }

            if (v.IndexOf('*') >= 0 || v.IndexOf('?') >= 0)
            {
                patterns.Add(v);
            }
            else
            {
                ids.Add(v);
            }
        }

        private static bool Listed(HashSet<string> ids, List<string> patterns, string id)
        {
            if (ids.Contains(id))
            {
                return true;
            }

            foreach (string pattern in patterns)
            {
                if (Glob.Match(pattern, id))
                {
                    return true;
                }
            }

            return false;
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
