using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;
using Guardrails.Core.Text;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Applies the waivers a manifest claims. A waiver is the only way to let a violation pass in Enforce mode, and it
    /// downgrades exactly what it covers: same rule, a subject matching its subject pattern, and a repository and
    /// project inside its scope. A claimed waiver that is unknown (GRD123), expired (GRD124), out of scope (GRD125) or
    /// approved by someone who is not an owner approver (GRD109, reported on the policy) covers nothing.
    /// </summary>
    public static class Waivers
    {
        public static void Apply(GuardrailsPolicy policy, AssistantManifest manifest, string projectPath, DateTimeOffset now, List<Finding> findings)
        {
            List<WaiverEntry> entries = Entries(Usable(policy, manifest, projectPath, now, findings));
            if (entries.Count == 0)
            {
                return;
            }

            for (int i = 0; i < findings.Count; i++)
            {
                Finding f = findings[i];
                if (f.Subject == null || f.WarningOnly || f.WaivedBy != null)
                {
                    continue;
                }

                WaiverEntry? entry = PolicyVerdicts.FindWaiver(entries, f.Rule.Id, f.Subject, now);
                if (entry != null)
                {
                    findings[i] = Waive(f, entry);
                }
            }
        }

        /// <summary>
        /// <paramref name="finding"/> downgraded to a warning by <paramref name="waiver"/>, its message ending with the
        /// same words as the analyzers' waived GRD003/GRD004 (Core's <see cref="WaiverEntry.Note"/>).
        /// </summary>
        public static Finding Waive(Finding finding, WaiverEntry waiver)
        {
            string note = waiver.Note();
            return finding.Waive(waiver.Id, char.ToUpperInvariant(note[0]) + note.Substring(1) + ".");
        }

        /// <summary>The usable waivers as the effective policy carries them (what the analyzers decide over).</summary>
        public static List<WaiverEntry> Entries(IEnumerable<WaiverRule> usable)
        {
            var entries = new List<WaiverEntry>();
            foreach (WaiverRule w in usable)
            {
                WaiverEntry? entry = EffectiveFacts.Entry(w);
                if (entry != null)
                {
                    entries.Add(entry);
                }
            }

            return entries;
        }

        /// <summary>
        /// The waivers the manifest claims that are known, complete, unexpired and in scope. Problems with the claims are
        /// added to <paramref name="findings"/> (pass null to only ask, e.g. from the integrity checks before Apply runs).
        /// </summary>
        /// <param name="projectPath">The project being checked: its name is what <c>scope.projects</c> matches.</param>
        public static List<WaiverRule> Usable(GuardrailsPolicy policy, AssistantManifest manifest, string projectPath, DateTimeOffset now, List<Finding>? findings)
        {
            string projectName = CheckRequest.ProjectName(projectPath);
            var usable = new List<WaiverRule>();
            foreach (Located<string> claim in manifest.Waivers)
            {
                WaiverRule? w = policy.FindWaiver(claim.Value);
                if (w == null)
                {
                    Add(findings, RuleCatalog.WaiverUnknown, manifest, claim,
                        "Waiver '" + Text.Show(claim.Value) + "' is not defined in the policy '" + (policy.PolicyId?.Value ?? "?") + "'" +
                        (policy.Waivers.Count > 0 ? " (it defines " + string.Join(", ", policy.Waivers.ConvertAll(x => x.Id)) + ")" : string.Empty) +
                        ". Remove it from the manifest, or ask " + policy.Owner.Describe() + " to grant it.");
                    continue;
                }

                if (w.Rule == null || w.Subject == null || w.ExpiresAt == null || w.ApprovedBy == null || !policy.IsApprover(w.ApprovedBy.Value))
                {
                    // Incomplete, or approved by a non-approver: already an error on the policy (GRD107/GRD109).
                    Add(findings, RuleCatalog.WaiverUnknown, manifest, claim,
                        "Waiver '" + w.Id + "' is not valid in the policy (see the policy's own errors: it must name a rule, a subject, an expiry and an owner approver), so it covers nothing.");
                    continue;
                }

                DateTimeOffset expiry = Dates.ExpiryInstant(w.ExpiresAt);
                if (now >= expiry)
                {
                    Add(findings, RuleCatalog.WaiverExpired, manifest, claim,
                        "Waiver '" + w.Id + "' (" + w.Rule.Value + " for '" + w.Subject.Value + "') expired on " + Dates.Show(w.ExpiresAt.Value) + " and no longer covers anything. Fix the violation, or ask " + policy.Owner.Describe() + " to renew the waiver.");
                    continue;
                }

                string? outOfScope = ScopeProblem(w, manifest, projectName, out bool projectsOnly);
                if (outOfScope != null && projectsOnly && SharedByProjects(manifest, projectPath))
                {
                    // A manifest above the project folder (the repository's) speaks for every project under it: a claim
                    // scoped to some of them ("*.Eval") covers nothing here, and is no mistake (adversary round 9: it was
                    // GRD125 in every other project of the repository, so a project-scoped waiver could not be claimed).
                    continue;
                }

                if (outOfScope != null)
                {
                    Add(findings, RuleCatalog.WaiverOutOfScope, manifest, claim, "Waiver '" + w.Id + "' does not cover " + outOfScope + ". It does not apply here; remove it from this manifest or ask " + policy.Owner.Describe() + " to widen its scope.");
                    continue;
                }

                if (now >= expiry.AddDays(-policy.Defaults.ExpiryWarningDays))
                {
                    Add(findings, RuleCatalog.WaiverExpired, manifest, claim,
                        "Waiver '" + w.Id + "' expires on " + Dates.Show(w.ExpiresAt.Value) + "; after that its violations fail the build again. Fix them or ask " + policy.Owner.Describe() + " to renew it.", warningOnly: true);
                }

                usable.Add(w);
            }

            return usable;
        }

        /// <summary>The manifest is not in the project's own folder: it is shared by the projects below its folder.</summary>
        private static bool SharedByProjects(AssistantManifest manifest, string projectPath)
        {
            try
            {
                string? manifestDir = Path.GetDirectoryName(Path.GetFullPath(manifest.File));
                string? projectDir = Path.GetDirectoryName(Path.GetFullPath(projectPath));
                return manifestDir != null && projectDir != null && !FilePaths.Equal(manifestDir, projectDir);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }
        }

        private static string? ScopeProblem(WaiverRule w, AssistantManifest manifest, string projectName, out bool projectsOnly)
        {
            projectsOnly = false;
            if (w.Repositories != null)
            {
                string? repo = manifest.Repository?.Value;
                if (repo == null || !Glob.MatchList(w.Repositories.ConvertAll(r => r.Value), repo))
                {
                    return "repository '" + Text.Show(repo ?? "(none given)") + "' (its scope: " + string.Join(", ", w.Repositories.ConvertAll(r => r.Value)) + ")";
                }
            }

            if (w.Projects != null && !Glob.MatchList(w.Projects.ConvertAll(p => p.Value), projectName))
            {
                projectsOnly = true;
                return "project '" + Text.Show(projectName) + "' (its scope: " + string.Join(", ", w.Projects.ConvertAll(p => p.Value)) + ")";
            }

            return null;
        }

        private static void Add(List<Finding>? findings, RuleInfo rule, AssistantManifest manifest, Located<string> at, string message, bool warningOnly = false)
        {
            findings?.Add(new Finding(rule, manifest.File, at.Node.Start.Line, at.Node.Start.Column, message, warningOnly));
        }
    }
}
