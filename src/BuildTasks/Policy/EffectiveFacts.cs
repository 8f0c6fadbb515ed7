using System.Collections.Generic;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Writes the facts the analyzers need from a valid policy into the effective policy (the contract documented in
    /// docs/policy.md): owner.name, owner.contact, package.approved, package.denied, sdk.custom, endpoint.approved.
    /// </summary>
    public static class EffectiveFacts
    {
        public static void Write(GuardrailsPolicy policy, EffectivePolicy effective)
        {
            if (policy.PolicyId != null)
            {
                effective.Add("policy.id", policy.PolicyId.Value);
            }

            if (policy.Revision != null)
            {
                effective.Add("policy.revision", policy.Revision.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (policy.Owner.Name != null)
            {
                effective.Add("owner.name", policy.Owner.Name.Value);
            }

            if (policy.Owner.Contact != null)
            {
                effective.Add("owner.contact", policy.Owner.Contact.Value);
            }

            foreach (PackageRule p in policy.ApprovedPackages)
            {
                effective.Add("package.approved", p.Id.Value);
            }

            foreach (PackageRule p in policy.DeniedPackages)
            {
                effective.Add("package.denied", p.Id.Value);
            }

            foreach (CustomSdk sdk in policy.CustomSdks)
            {
                effective.Add("sdk.custom", AiSdkCatalog.FormatCustom(new AiSdk(
                    sdk.Id.Value, sdk.Id.Value, sdk.Provider, sdk.PackageIds, sdk.Assemblies, sdk.Namespaces, sdk.EndpointHosts, "policy", isCustom: true)));
            }

            foreach (Located<string> host in policy.ApprovedEndpoints)
            {
                effective.Add("endpoint.approved", host.Value);
            }
        }
    }
}
