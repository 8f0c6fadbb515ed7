using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// Policy pinning (GRD301, GRD302) and rollback detection (GRD303). The pin is the SHA-256 of the policy file's
    /// bytes, as `sha256sum` or MSBuild's GetFileHash print it; hashes are not secrets and are printed in full.
    /// </summary>
    public static class PolicyIntegrity
    {
        private const int MaxShownPinLength = 80;

        /// <summary>
        /// Checks the pin against <see cref="IntegrityState.PolicySha256"/>, the hash of the bytes the policy was parsed
        /// from (set by the loader). Call only when the policy file itself could be read.
        /// </summary>
        public static void CheckPin(CheckRequest request, CheckResult result, string policyPath)
        {
            IntegrityState state = result.Integrity;
            if (!ParsePins(request, result))
            {
                return;
            }

            if (state.Pins.Count == 0 || state.PolicySha256 == null)
            {
                return;
            }

            state.PinMatched = state.Pins.Contains(state.PolicySha256);
            if (state.PinMatched == false)
            {
                string expected = string.Join(" or ", state.Pins);
                result.Findings.Add(new Finding(
                    RuleCatalog.PolicyHashMismatch,
                    policyPath,
                    0,
                    0,
                    "The Guardrails policy does not match its pin: GuardrailsPolicySha256 expects " + expected + " but the file's SHA-256 is " + state.PolicySha256 +
                    ". The policy was changed outside its release, or the pin was not updated with a new revision. Restore the policy from its source (for example the internal policy package), or have its owner publish the new hash in GuardrailsPolicySha256."));
            }
        }

        /// <summary>A pin without a policy: the policy path was removed (for example cleared by a project) while the pin stayed.</summary>
        public static void CheckPinWithoutPolicy(CheckRequest request, CheckResult result)
        {
            if (string.IsNullOrWhiteSpace(request.PolicySha256) || !ParsePins(request, result))
            {
                return;
            }

            result.Integrity.PinMatched = false;
            result.Findings.Add(new Finding(
                RuleCatalog.PolicyHashMismatch,
                request.ProjectPath,
                0,
                0,
                "GuardrailsPolicySha256 pins the Guardrails policy to " + string.Join(" or ", result.Integrity.Pins) +
                " but GuardrailsPolicyPath is empty, so no policy was checked. Do not clear GuardrailsPolicyPath in a project; set it centrally (Directory.Build.props or the policy package)."));
        }

        /// <summary>
        /// Records the policy's revision per policyId in the state file and reports a revision lower than the highest
        /// already seen. A policy that failed its pin is never recorded (a forged high revision must not lock out the real one).
        /// </summary>
        public static void CheckRevision(CheckRequest request, CheckResult result, GuardrailsPolicy policy, string policyPath)
        {
            IntegrityState state = result.Integrity;
            state.PolicyId = policy.PolicyId?.Value;
            if (policy.Revision == null)
            {
                // A missing or invalid revision is reported by the policy validation; nothing to compare here.
                return;
            }

            long revision = policy.Revision.Value;
            JsonNode revisionNode = policy.Revision.Node;
            state.PolicyRevision = revision;
            if (string.IsNullOrWhiteSpace(request.RevisionStateFile))
            {
                return;
            }

            string key = state.PolicyId ?? string.Empty;
            var store = RevisionStore.Load(request.RevisionStateFile!);
            if (store.TryGet(key, out long highest))
            {
                state.HighestSeenRevision = highest;
                if (revision < highest)
                {
                    result.Findings.Add(new Finding(
                        RuleCatalog.PolicyRollback,
                        policyPath,
                        revisionNode.Start.Line,
                        revisionNode.Start.Column,
                        "The Guardrails policy '" + Describe(state.PolicyId) + "' is at revision " + revision.ToString(CultureInfo.InvariantCulture) +
                        ", but this repository already built against revision " + highest.ToString(CultureInfo.InvariantCulture) +
                        ". An older policy may approve what a newer one withdrew. Use the current policy (update the policy package or file); if the rollback is intended, the policy owner should publish it as a new, higher revision. (Recorded in " + request.RevisionStateFile + ".)"));
                    return;
                }
            }

            if (state.PinMatched != false && (!store.TryGet(key, out long seen) || revision > seen))
            {
                store.Set(key, revision);
                store.TrySave();
            }
        }

        /// <summary>Parses GuardrailsPolicySha256: one or more 64-digit hex values separated by ';' or ',' (several while a new revision rolls out), optionally prefixed "sha256:".</summary>
        private static bool ParsePins(CheckRequest request, CheckResult result)
        {
            List<string> pins = result.Integrity.Pins;
            pins.Clear();
            string raw = request.PolicySha256 ?? string.Empty;
            foreach (string part in raw.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string pin = part.Trim();
                if (pin.Length == 0)
                {
                    continue;
                }

                if (pin.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
                {
                    pin = pin.Substring("sha256:".Length).Trim();
                }

                if (!IsSha256Hex(pin))
                {
                    pins.Clear();
                    result.Findings.Add(new Finding(
                        RuleCatalog.PolicyPinMalformed,
                        request.ProjectPath,
                        0,
                        0,
                        "GuardrailsPolicySha256 ('" + Shorten(part.Trim()) + "') is not a SHA-256 value: expected 64 hexadecimal digits, as printed by `sha256sum guardrails.policy.json`, `Get-FileHash` or MSBuild's GetFileHash task (several pins may be separated by ';'). The policy cannot be verified until the pin is corrected."));
                    return false;
                }

                pin = pin.ToLowerInvariant();
                if (!pins.Contains(pin))
                {
                    pins.Add(pin);
                }
            }

            return true;
        }

        private static bool IsSha256Hex(string value)
        {
            if (value.Length != 64)
            {
                return false;
            }

            foreach (char c in value)
            {
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A pin that is not a SHA-256 is shown only when it looks like an attempt at one (hex digits, at most 80): anything
        /// else may be text pasted by mistake, a key included, and is described by its length alone.
        /// </summary>
        private static string Shorten(string value)
        {
            string bare = value.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? value.Substring("sha256:".Length) : value;
            foreach (char c in bare)
            {
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex)
                {
                    return "a value of " + value.Length.ToString(CultureInfo.InvariantCulture) + " characters that are not all hexadecimal";
                }
            }

            return value.Length <= MaxShownPinLength ? value : value.Substring(0, MaxShownPinLength) + "\u2026";
        }

        private static string Describe(string? policyId) => string.IsNullOrEmpty(policyId) ? "(no policyId)" : policyId!;
    }
}
