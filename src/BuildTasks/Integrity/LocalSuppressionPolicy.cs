using System;
using System.Collections.Generic;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// Which local bypasses the policy lets this project use: "allowLocalSuppression" at the top of the policy, overridden
    /// per tier under "tiers": { "&lt;tier&gt;": { "allowLocalSuppression": … } } for the manifest's tier. The value is true
    /// (every kind), false (none; the default when a policy exists), or an array of kinds: "code", "properties",
    /// "analyzerConfig", "analyzerRemoval", "auditMode".
    /// </summary>
    public sealed class LocalSuppressionPolicy
    {
        private readonly HashSet<BypassKind> _allowed;

        private LocalSuppressionPolicy(HashSet<BypassKind> allowed, string source)
        {
            _allowed = allowed;
            Source = source;
        }

        /// <summary>Where the decision came from, e.g. "tiers.sandbox.allowLocalSuppression" or "default".</summary>
        public string Source { get; }

        public bool Allows(BypassKind kind) => _allowed.Contains(kind);

        public bool AllowsAny => _allowed.Count > 0;

        /// <summary>A decision already made by the check (read back from its checked-state file).</summary>
        public static LocalSuppressionPolicy Of(IEnumerable<BypassKind> allowed, string source) => new LocalSuppressionPolicy(new HashSet<BypassKind>(allowed), source);

        /// <summary>
        /// The decision for <paramref name="tier"/> (matched to the policy's tier names exactly); with no policy model
        /// (a policy whose format cannot be read) nothing is allowed.
        /// </summary>
        public static LocalSuppressionPolicy From(GuardrailsPolicy? policy, string? tier)
        {
            if (policy == null)
            {
                return new LocalSuppressionPolicy(new HashSet<BypassKind>(), "default");
            }

            if (!string.IsNullOrEmpty(tier))
            {
                TierRule? tierRule = policy.Tiers.Find(t => string.Equals(t.Name, tier, StringComparison.Ordinal));
                if (tierRule?.AllowLocalSuppression != null)
                {
                    return new LocalSuppressionPolicy(ToKinds(tierRule.AllowLocalSuppression.Value), "tiers." + tier + ".allowLocalSuppression");
                }
            }

            return policy.AllowLocalSuppression != null
                ? new LocalSuppressionPolicy(ToKinds(policy.AllowLocalSuppression.Value), "allowLocalSuppression")
                : new LocalSuppressionPolicy(new HashSet<BypassKind>(), "default");
        }

        private static HashSet<BypassKind> ToKinds(IReadOnlyList<string> names)
        {
            var allowed = new HashSet<BypassKind>();
            foreach (BypassKind kind in (BypassKind[])Enum.GetValues(typeof(BypassKind)))
            {
                foreach (string name in names)
                {
                    if (string.Equals(name, LocalBypass.PolicyName(kind), StringComparison.OrdinalIgnoreCase))
                    {
                        allowed.Add(kind);
                    }
                }
            }

            return allowed;
        }
    }
}
