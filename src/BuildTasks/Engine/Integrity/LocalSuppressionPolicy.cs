using System;
using System.Collections.Generic;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Engine.Integrity
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

        public static LocalSuppressionPolicy From(JsonNode policy, string? tier)
        {
            if (!string.IsNullOrEmpty(tier))
            {
                JsonNode? tierNode = policy["tiers"]?[tier!];
                JsonNode? tierValue = tierNode != null && tierNode.IsObject ? tierNode["allowLocalSuppression"] : null;
                if (tierValue != null)
                {
                    return new LocalSuppressionPolicy(Parse(tierValue), "tiers." + tier + ".allowLocalSuppression");
                }
            }

            JsonNode? value = policy["allowLocalSuppression"];
            return value != null
                ? new LocalSuppressionPolicy(Parse(value), "allowLocalSuppression")
                : new LocalSuppressionPolicy(new HashSet<BypassKind>(), "default");
        }

        private static HashSet<BypassKind> Parse(JsonNode value)
        {
            var allowed = new HashSet<BypassKind>();
            if (value.TryGetBoolean(out bool all))
            {
                if (all)
                {
                    foreach (BypassKind kind in (BypassKind[])Enum.GetValues(typeof(BypassKind)))
                    {
                        allowed.Add(kind);
                    }
                }

                return allowed;
            }

            foreach (JsonNode item in value.Items)
            {
                foreach (BypassKind kind in (BypassKind[])Enum.GetValues(typeof(BypassKind)))
                {
                    if (item.IsString && string.Equals(item.Text, LocalBypass.PolicyName(kind), StringComparison.OrdinalIgnoreCase))
                    {
                        allowed.Add(kind);
                    }
                }
            }

            return allowed;
        }
    }
}
