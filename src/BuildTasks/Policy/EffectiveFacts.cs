using System.Collections.Generic;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Fills the typed effective policy (the contract in Core, documented in docs/policy.md) from a valid policy and
    /// the waivers this project may use: owner, packages, policy-defined SDKs, routes, endpoint lists, waivers, each
    /// with its line in the policy. The restored packages and version answers are added by the package check.
    /// </summary>
    public static class EffectiveFacts
    {
        public static void Write(GuardrailsPolicy policy, EffectivePolicy effective, IEnumerable<WaiverRule>? usableWaivers = null)
        {
            effective.PolicyFile = policy.File;
            effective.PolicyId = policy.PolicyId?.Value;
            effective.Revision = policy.Revision?.Value;
            effective.OwnerName = policy.Owner.Name?.Value;
            effective.OwnerContact = policy.Owner.Contact?.Value;

            foreach (PackageRule p in policy.ApprovedPackages)
            {
                effective.ApprovedPackages.Add(Entry(p));
            }

            foreach (PackageRule p in policy.DeniedPackages)
            {
                effective.DeniedPackages.Add(Entry(p));
            }

            foreach (Located<string> source in policy.PackageSources)
            {
                effective.PackageSources.Add(new PackageSourceEntry(source.Value, source.Node.Start.Line));
            }

            foreach (CustomSdk sdk in policy.CustomSdks)
            {
                effective.CustomSdks.Add(new CustomSdkEntry(
                    new AiSdk(sdk.Id.Value, sdk.Id.Value, sdk.Provider.Length > 0 ? sdk.Provider : sdk.Id.Value, sdk.PackageIds, sdk.Assemblies, sdk.Namespaces, sdk.EndpointHosts, "policy (packages.sdks)", isCustom: true),
                    sdk.Node.Start.Line));
            }

            foreach (RouteRule route in policy.Routes)
            {
                effective.Routes.Add(new RouteEntry(
                    route.Id.Value,
                    route.Description != null ? Text.Show(route.Description.Value, 200) : null,
                    route.Packages.ConvertAll(Entry),
                    route.Endpoints.ConvertAll(e => e.Value),
                    route.Node.Start.Line));
            }

            foreach (Located<string> host in policy.ApprovedEndpoints)
            {
                effective.ApprovedEndpoints.Add(new HostEntry(host.Value, null, host.Node.Start.Line));
            }

            foreach (DeniedHost deny in policy.DeniedEndpoints)
            {
                effective.DeniedEndpoints.Add(new HostEntry(deny.Host.Value, deny.Reason != null ? Text.Show(deny.Reason.Value, 200) : null, deny.Host.Node.Start.Line, deny.Except.ConvertAll(e => e.Value)));
            }

            effective.Waivers.AddRange(Waivers.Entries(usableWaivers ?? new WaiverRule[0]));
        }

        /// <summary>A complete waiver as the effective policy carries it (null when it lacks its rule, subject or expiry).</summary>
        public static WaiverEntry? Entry(WaiverRule w) =>
            w.Rule != null && w.Subject != null && w.ExpiresAt != null
                ? new WaiverEntry(w.Id, w.Rule.Value, w.Subject.Value, Dates.ExpiryInstant(w.ExpiresAt), w.ApprovedBy?.Value,
                    w.Reason != null ? Text.Show(w.Reason.Value, 200) : null, w.Node.Start.Line)
                : null;

        private static PackageEntry Entry(PackageRule p) =>
            new PackageEntry(p.Id.Value, p.VersionsText?.Value?.Trim(), p.Reason != null ? Text.Show(p.Reason.Value, 200) : null, p.Node.Start.Line);
    }
}
