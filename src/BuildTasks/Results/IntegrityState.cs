using System.Collections.Generic;

namespace Guardrails.BuildTasks.Results
{
    /// <summary>What the integrity checks established, for the audit record and the reports.</summary>
    public sealed class IntegrityState
    {
        /// <summary>Lower-case hex SHA-256 of the policy file bytes, when the file could be read.</summary>
        public string? PolicySha256 { get; set; }

        /// <summary>The accepted pins from GuardrailsPolicySha256 (lower-case hex), empty when not pinned.</summary>
        public List<string> Pins { get; } = new List<string>();

        /// <summary>True when pinned and the file matched a pin; false when pinned and it did not; null when not pinned.</summary>
        public bool? PinMatched { get; set; }

        /// <summary>The policy's policyId and revision, when present.</summary>
        public string? PolicyId { get; set; }

        public long? PolicyRevision { get; set; }

        /// <summary>The highest revision of this policyId seen before this build (from the revision state file).</summary>
        public long? HighestSeenRevision { get; set; }

        /// <summary>True when the policy lets this project suppress Guardrails diagnostics locally.</summary>
        public bool SuppressionAllowed { get; set; } = true;

        /// <summary>Where that decision came from ("allowLocalSuppression", "tiers.sandbox.allowLocalSuppression", "default", or "no policy").</summary>
        public string SuppressionSource { get; set; } = "no policy";

        /// <summary>The mode the policy sets for the project's tier, when it sets one.</summary>
        public string? TierMode { get; set; }

        /// <summary>Guardrails ids code may suppress because a waiver of GRD005 covers them ("GRD001 (waiver WVR-1)").</summary>
        public List<string> WaivedSuppressions { get; } = new List<string>();

        /// <summary>The kinds of local bypass the policy allows for this project's tier.</summary>
        public List<BypassKind> AllowedKinds { get; } = new List<BypassKind>();

        /// <summary>Every local bypass found, reported or allowed.</summary>
        public List<LocalBypass> Bypasses { get; } = new List<LocalBypass>();
    }
}
