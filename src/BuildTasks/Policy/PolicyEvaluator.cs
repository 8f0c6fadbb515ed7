using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using Guardrails.Core.Secrets;
using Guardrails.Core.Text;
using NuGet.Versioning;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Holds the team manifest against the central policy (GRD111–GRD126). Team-side problems are reported at the
    /// manifest node; each message names the policy entry (with its line) and says what to do.
    /// </summary>
    public sealed class PolicyEvaluator
    {
        private readonly GuardrailsPolicy _policy;
        private readonly AssistantManifest _manifest;
        private readonly DateTimeOffset _now;
        private readonly List<Finding> _findings;

        private PolicyEvaluator(GuardrailsPolicy policy, AssistantManifest manifest, DateTimeOffset now, List<Finding> findings)
        {
            _policy = policy;
            _manifest = manifest;
            _now = now;
            _findings = findings;
        }

        /// <param name="buildRepository">The repository the CI system names (null outside CI): the manifest's "repository"
        /// scopes waivers and assistant approvals, so in CI it must be the repository really being built (GRD127).</param>
        /// <param name="remotes">The git remotes of the repository (cleaned): compared where no CI variable names the repository.</param>
        /// <param name="inCi">On CI a contradiction found through the remotes alone is an error; on a developer's machine (a fork's clone without an upstream remote) a warning.</param>
        public static void Evaluate(GuardrailsPolicy policy, AssistantManifest manifest, DateTimeOffset now, List<Finding> findings, string? buildRepository = null,
            IReadOnlyList<string>? remotes = null, bool inCi = false)
        {
            var evaluator = new PolicyEvaluator(policy, manifest, now, findings);
            evaluator.CheckRepositoryIdentity(buildRepository, remotes, inCi);
            evaluator.Run();
        }

        private void CheckRepositoryIdentity(string? buildRepository, IReadOnlyList<string>? remotes, bool inCi)
        {
            Located<string>? declared = _manifest.Repository;
            string? actual = declared == null ? null : RepositoryUrl.Contradicted(declared.Value, buildRepository, remotes);
            if (declared == null || actual == null)
            {
                return;
            }

            bool fromCi = !string.IsNullOrWhiteSpace(buildRepository);
            Add(RuleCatalog.RepositoryMismatch, declared.Node,
                "The manifest says this is repository '" + Text.Show(declared.Value) + "', but " +
                (fromCi ? "the CI system is building '" + Text.Show(actual) + "'" : "no git remote of this repository is that one (its remote is '" + Text.Show(actual) + "')") +
                ". The repository scopes waivers and assistant approvals, so it must be the one being built: set \"repository\" to '" + Text.Show(actual) + "'" +
                (fromCi ? "." : ", or add the repository it was forked or mirrored from as a remote (git remote add upstream <url>)."), null,
                warningOnly: !fromCi && !inCi);
        }

        private string Ask => " Ask " + _policy.Owner.Describe();

        private string AskLower => " ask " + _policy.Owner.Describe();

        private string PolicyAt(JsonNode node) => "(" + System.IO.Path.GetFileName(_policy.File) + " line " + node.Start.Line.ToString(CultureInfo.InvariantCulture) + ")";

        private void Add(RuleInfo rule, JsonNode at, string message, string? subject, bool warningOnly = false)
        {
            _findings.Add(new Finding(rule, _manifest.File, at.Start.Line, at.Start.Column, message, warningOnly, subject));
        }

        private void Run()
        {
            CheckOwner();
            TierRule? tier = CheckTier();
            int dataRank = CheckDataClass(tier);
            foreach (ManifestAssistant a in _manifest.Assistants)
            {
                CheckAssistant(a, tier, dataRank);
            }
        }

        private void CheckOwner()
        {
            if (_manifest.OwnerNode == null)
            {
                Add(RuleCatalog.OwnerMissing, _manifest.Node, "The manifest names no owner. Add \"owner\": { \"team\": \"…\", \"contact\": \"…\" } so " + _policy.Owner.Describe() + " knows who answers for these assistants.", "owner");
                return;
            }

            if (_manifest.OwnerTeam == null || _manifest.OwnerContact == null)
            {
                Add(RuleCatalog.OwnerMissing, _manifest.OwnerNode, "The manifest's owner needs both 'team' and 'contact' (missing: " + (_manifest.OwnerTeam == null ? "team" : "contact") + ").", "owner");
            }
        }

        private TierRule? CheckTier()
        {
            TierRule? assigned = _policy.AssignedTier(_manifest.Repository?.Value);
            if (assigned != null)
            {
                if (_manifest.Tier == null || !string.Equals(_manifest.Tier.Value, assigned.Name, StringComparison.OrdinalIgnoreCase))
                {
                    Add(RuleCatalog.TierNotAllowed, (JsonNode?)_manifest.Tier?.Node ?? _manifest.Node,
                        "The policy puts repository '" + Text.Show(_manifest.Repository!.Value) + "' in tier '" + assigned.Name + "' " + PolicyAt(assigned.Repositories![0].Node) +
                        ", but the manifest says " + (_manifest.Tier == null ? "no tier" : "'" + Text.Show(_manifest.Tier.Value) + "'") + ". Set \"tier\": \"" + assigned.Name + "\"; the repository is judged in that tier either way." + Ask + " to move it.",
                        "tier:" + (_manifest.Tier?.Value ?? string.Empty));
                }

                return assigned;
            }

            if (_manifest.Tier == null)
            {
                if (_policy.Tiers.Count > 0)
                {
                    Add(RuleCatalog.TierNotAllowed, _manifest.Node, "The manifest names no 'tier'; the policy defines " + string.Join(", ", _policy.Tiers.ConvertAll(t => t.Name)) + ". Add the tier this repository runs in.", "tier");
                }

                return null;
            }

            TierRule? tier = _policy.FindTier(_manifest.Tier.Value);
            if (tier == null && _policy.Tiers.Count > 0)
            {
                Add(RuleCatalog.TierNotAllowed, _manifest.Tier.Node, "Tier '" + Text.Show(_manifest.Tier.Value) + "' is not defined by the policy (" + string.Join(", ", _policy.Tiers.ConvertAll(t => t.Name)) + "). Use one of those." + Ask + " to add a tier.", "tier:" + _manifest.Tier.Value);
            }

            return tier;
        }

        private int CheckDataClass(TierRule? tier)
        {
            if (_manifest.DataClass == null)
            {
                if (_policy.DataClasses.Count > 0)
                {
                    Add(RuleCatalog.InvalidValue, _manifest.Node, "The manifest names no 'dataClass'; the policy defines " + string.Join(", ", _policy.DataClasses.ConvertAll(c => c.Value)) + ". Add the most sensitive data class this repository handles.", null);
                }

                return -1;
            }

            int rank = _policy.RankOf(_manifest.DataClass.Value);
            if (rank < 0)
            {
                if (_policy.DataClasses.Count > 0)
                {
                    Add(RuleCatalog.UndefinedReference, _manifest.DataClass.Node, "Data class '" + Text.Show(_manifest.DataClass.Value) + "' is not defined by the policy (" + string.Join(", ", _policy.DataClasses.ConvertAll(c => c.Value)) + "). Use one of those.", null);
                }

                return -1;
            }

            if (tier?.MaxDataClass != null && rank > _policy.RankOf(tier.MaxDataClass.Value) && _policy.RankOf(tier.MaxDataClass.Value) >= 0)
            {
                Add(RuleCatalog.DataClassTooHigh, _manifest.DataClass.Node,
                    "Data class '" + _manifest.DataClass.Value + "' is above the ceiling of tier '" + tier.Name + "' (" + tier.MaxDataClass.Value + ") " + PolicyAt(tier.Node) + ". Run this repository in a tier approved for " + _manifest.DataClass.Value + " data, or correct the data class.",
                    "tier:" + tier.Name);
            }

            return rank;
        }

        private void CheckAssistant(ManifestAssistant a, TierRule? tier, int dataRank)
        {
            string id = a.Id.Value;
            AssistantRule? rule = _policy.FindAssistant(id);
            if (rule == null)
            {
                UnknownHandling handling = _policy.Defaults.UnknownAssistant;
                if (handling != UnknownHandling.Allow)
                {
                    Add(RuleCatalog.AssistantNotApproved, a.Id.Node,
                        "Assistant '" + Text.Show(id) + "' is not approved by the policy '" + (_policy.PolicyId?.Value ?? "?") + "' (it lists " + ListOr(_policy.Assistants.FindAll(x => !x.Denied).ConvertAll(x => x.Id), "no assistants") + ")." + Ask + " for an approval, or remove it from the manifest.",
                        id, warningOnly: handling == UnknownHandling.Warn);
                }

                return;
            }

            if (rule.Denied)
            {
                Add(RuleCatalog.AssistantDenied, a.Id.Node,
                    "Assistant '" + id + "' is denied by the policy " + PolicyAt(rule.Node) + (rule.Reason != null ? ": " + Text.Show(rule.Reason.Value, 200) : string.Empty) + ". Stop using it and remove it from the manifest.", id);
                return;
            }

            CheckApproval(rule.Approval, a.Id.Node, "approval of assistant '" + id + "'", id);
            CheckVersion(a, rule);
            if (rule.Tiers != null && _manifest.Tier != null && !rule.Tiers.Exists(t => string.Equals(t.Value, _manifest.Tier.Value, StringComparison.OrdinalIgnoreCase)))
            {
                Add(RuleCatalog.TierNotAllowed, a.Id.Node,
                    "Assistant '" + id + "' is not approved for tier '" + _manifest.Tier.Value + "' (approved tiers: " + ListOr(rule.Tiers.ConvertAll(t => t.Value), "none") + ") " + PolicyAt(rule.Node) + "." + Ask + " to extend the approval, or stop using it here.", id);
            }

            if (rule.MaxDataClass != null && dataRank >= 0)
            {
                int max = _policy.RankOf(rule.MaxDataClass.Value);
                if (max >= 0 && dataRank > max)
                {
                    Add(RuleCatalog.DataClassTooHigh, a.Id.Node,
                        "Assistant '" + id + "' may touch data up to '" + rule.MaxDataClass.Value + "', but this repository is '" + _manifest.DataClass!.Value + "' " + PolicyAt(rule.MaxDataClass.Node) + ". Stop using it here, or" + AskLower + " to raise its ceiling.", id);
                }
            }

            if (rule.Repositories != null)
            {
                string? repo = _manifest.Repository?.Value;
                if (repo == null || !Glob.MatchList(rule.Repositories.ConvertAll(r => r.Value), repo))
                {
                    Add(RuleCatalog.RepositoryNotAllowed, a.Id.Node,
                        "Assistant '" + id + "' is not approved for repository '" + Text.Show(repo ?? "(none given)") + "' (approved: " + string.Join(", ", rule.Repositories.ConvertAll(r => r.Value)) + ") " + PolicyAt(rule.Repositories.Count > 0 ? rule.Repositories[0].Node : rule.Node) + "." + Ask + " to extend the approval.", id);
                }
            }

            foreach (Located<string> model in a.Models)
            {
                if (!rule.Models.IsAllowed(model.Value, out Located<string>? deniedBy))
                {
                    Add(RuleCatalog.ModelNotApproved, model.Node,
                        "Model '" + Text.Show(model.Value) + "'" + Text.Show(ModelNames.Explain(model.Value), 200) + " is not approved for assistant '" + id + "'" +
                        (deniedBy != null ? ": the policy denies '" + deniedBy.Value + "' " + PolicyAt(deniedBy.Node) : rule.Models.NotAllowedBecause(model.Value)) +
                        ". Switch to an approved model, or" + AskLower + " to approve it.", id + "/" + model.Value);
                }
            }

            if (a.CredentialRef != null && rule.CredentialRefs != null && !rule.CredentialRefs.Exists(p => Glob.Match(p.Value, a.CredentialRef.Value) || Glob.Match(p.Value, CredentialReference.Canonical(a.CredentialRef.Value) ?? a.CredentialRef.Value)))
            {
                Add(RuleCatalog.CredentialRefNotAllowed, a.CredentialRef.Node,
                    "Credential reference '" + Text.Show(a.CredentialRef.Value) + "' is not permitted for assistant '" + id + "' (permitted: " + ListOr(rule.CredentialRefs.ConvertAll(c => c.Value), "none") + ") " + PolicyAt(rule.Node) + ". Use a permitted reference.", id);
            }

            foreach (KeyValuePair<string, Located<bool>> p in a.Permissions)
            {
                if (p.Value.Value && rule.Forbids(p.Key))
                {
                    Add(RuleCatalog.PermissionCeilingExceeded, p.Value.Node,
                        "Assistant '" + id + "' turns on '" + p.Key + "', which the policy forbids " + PolicyAt(rule.Permissions[p.Key].Node) + ". Turn it off in the assistant's settings and in the manifest.", id + "/" + p.Key);
                }
            }

            foreach (ManifestMcpServer server in a.McpServers)
            {
                CheckMcpServer(server, id, tier, dataRank);
            }
        }

        private void CheckVersion(ManifestAssistant a, AssistantRule rule)
        {
            if (rule.Versions == null)
            {
                return;
            }

            string allowed = rule.VersionsText?.Value ?? rule.Versions.ToString();
            if (a.Version == null)
            {
                Add(RuleCatalog.AssistantVersionNotAllowed, a.Id.Node, "Assistant '" + a.Id.Value + "' gives no 'version', and the policy allows only versions " + allowed + " " + PolicyAt(rule.Node) + ". Add the version the team uses.", a.Id.Value);
            }
            else if (!VersionRanges.TryParseVersion(a.Version.Value, out NuGetVersion? v) || !VersionRanges.Satisfies(rule.Versions, v!))
            {
                Add(RuleCatalog.AssistantVersionNotAllowed, a.Version.Node,
                    "Version '" + Text.Show(a.Version.Value) + "' of assistant '" + a.Id.Value + "' is not allowed; the policy allows " + allowed + " " + PolicyAt(rule.VersionsText?.Node ?? rule.Node) + ". Upgrade or downgrade to an allowed version.", a.Id.Value);
            }
        }

        private void CheckMcpServer(ManifestMcpServer server, string assistantId, TierRule? tier, int dataRank)
        {
            McpServerRule? denied;
            McpServerRule? allowed;
            List<McpServerRule>? approving = null;
            string shown;
            if (server.Identity == null)
            {
                string sid = server.Id!;
                shown = "'" + Text.Show(sid) + "'";
                denied = DenyingMcpEntry(_policy, sid, null);
                allowed = _policy.McpAllow.Find(d => d.Id != null && string.Equals(d.Id.Value, sid, StringComparison.OrdinalIgnoreCase));
                approving = allowed != null ? new List<McpServerRule> { allowed } : null;
            }
            else
            {
                shown = (server.Id != null ? "'" + Text.Show(server.Id) + "' " : string.Empty) + "(" + Text.Show(server.Identity.Describe(), 120) + ")";
                denied = DenyingMcpEntry(_policy, server.Id, server.Identity);
                approving = ApprovingMcpEntries(_policy, server.Identity);
                allowed = approving?[0];
            }

            string subject = "mcp:" + (allowed?.Id?.Value ?? server.Id ?? server.Identity?.Describe() ?? "?");
            if (denied != null)
            {
                Add(RuleCatalog.McpServerNotApproved, server.Node,
                    "MCP server " + shown + " used by '" + assistantId + "' is denied by the policy entry '" + denied.Label + "' " + PolicyAt(denied.Node) + (denied.Reason != null ? ": " + Text.Show(denied.Reason.Value, 200) : string.Empty) + ". Remove it from the assistant's configuration.", subject);
                return;
            }

            if (allowed == null)
            {
                Add(RuleCatalog.McpServerNotApproved, server.Node,
                    "MCP server " + shown + " used by '" + assistantId + "' matches no approved entry in mcpServers.allow (servers are matched by URL, command line or package, never by name)." + Ask + " to approve it, or remove it.", subject);
                return;
            }

            foreach (McpServerRule entry in approving!)
            {
                CheckApprovedMcpEntry(entry, server, subject, dataRank);
            }
        }

        /// <summary>An approving entry's own conditions (approval dates, tiers, data class): each entry that vouches for a part of the server must hold.</summary>
        private void CheckApprovedMcpEntry(McpServerRule allowed, ManifestMcpServer server, string subject, int dataRank)
        {
            CheckApproval(allowed.Approval, server.Node, "approval of MCP server '" + allowed.Label + "'", subject);
            if (allowed.Tiers != null && _manifest.Tier != null && !allowed.Tiers.Exists(t => string.Equals(t.Value, _manifest.Tier.Value, StringComparison.OrdinalIgnoreCase)))
            {
                Add(RuleCatalog.TierNotAllowed, server.Node,
                    "MCP server '" + allowed.Label + "' is not approved for tier '" + _manifest.Tier.Value + "' (approved tiers: " + ListOr(allowed.Tiers.ConvertAll(t => t.Value), "none") + ") " + PolicyAt(allowed.Node) + ".", subject);
            }

            if (allowed.MaxDataClass != null && dataRank > _policy.RankOf(allowed.MaxDataClass.Value) && _policy.RankOf(allowed.MaxDataClass.Value) >= 0)
            {
                Add(RuleCatalog.DataClassTooHigh, server.Node,
                    "MCP server '" + allowed.Label + "' may touch data up to '" + allowed.MaxDataClass.Value + "', but this repository is '" + _manifest.DataClass!.Value + "' " + PolicyAt(allowed.MaxDataClass.Node) + ".", subject);
            }
        }

        private void CheckApproval(ApprovalRecord? approval, JsonNode at, string what, string subject)
        {
            if (approval?.ExpiresAt == null)
            {
                return;
            }

            DateTimeOffset expiry = Dates.ExpiryInstant(approval.ExpiresAt);
            string when = Dates.Show(approval.ExpiresAt.Value);
            string ticket = approval.Ticket != null ? ", ticket " + approval.Ticket.Value : string.Empty;
            if (HasExpired(approval, _now))
            {
                Add(RuleCatalog.ApprovalExpired, at,
                    "The " + what + " expired on " + when + " " + PolicyAt(approval.Node) + ticket + "." + Ask + " to renew it; until then the assistant may not be used.", subject);
            }
            else if (_now >= expiry.AddDays(-_policy.Defaults.ExpiryWarningDays))
            {
                int days = (int)Math.Ceiling((expiry - _now).TotalDays);
                Add(RuleCatalog.ApprovalExpired, at,
                    "The " + what + " expires on " + when + " (in " + days.ToString(CultureInfo.InvariantCulture) + " day" + (days == 1 ? string.Empty : "s") + ") " + PolicyAt(approval.Node) + ticket + "." + Ask + " to renew it before then.", subject, warningOnly: true);
            }
        }

        /// <summary>
        /// Whether an approval has ended at <paramref name="now"/>, as the build decides it (GRD116 as an error): a date-only
        /// expiry is in force through that day. Also asked by <c>guardrails policy diff</c>.
        /// </summary>
        internal static bool HasExpired(ApprovalRecord? approval, DateTimeOffset now) =>
            approval?.ExpiresAt != null && now >= Dates.ExpiryInstant(approval.ExpiresAt);

        /// <summary>
        /// The mcpServers.deny entry that catches a server, as the build decides it: a server named only by a policy id by
        /// that id, a server with an identity (URL, command line, package) by the entry's match. Null when none does. Also
        /// asked by <c>guardrails policy diff</c> (is an allowed entry caught by a deny?).
        /// </summary>
        internal static McpServerRule? DenyingMcpEntry(GuardrailsPolicy policy, string? id, McpServerIdentity? identity)
        {
            if (identity == null)
            {
                return id == null ? null : policy.McpDeny.Find(d => d.Id != null && string.Equals(d.Id.Value, id, StringComparison.OrdinalIgnoreCase));
            }

            List<McpServerIdentity> spellings = identity.Spellings();
            return policy.McpDeny.Find(d => spellings.Exists(d.Matches));
        }

        /// <summary>
        /// The mcpServers.allow entries that approve a server with an identity, as the build decides it for the manifest
        /// and for assistant files alike: one entry; or, when the server gives both a url and a command line or package,
        /// one entry for the url AND one for what it runs (adversary round 4 #12: an stdio server dressed with an
        /// approved url runs its command, the url does not vouch for it). Null when the server is not approved. Deny
        /// entries are asked separately (<see cref="DenyingMcpEntry"/>) and win.
        /// </summary>
        internal static List<McpServerRule>? ApprovingMcpEntries(GuardrailsPolicy policy, McpServerIdentity identity)
        {
            if (identity.Url != null && (identity.Command != null || identity.Package != null))
            {
                var byUrl = new McpServerIdentity { Url = identity.Url, Sha256 = identity.Sha256 };
                List<McpServerIdentity> runs = identity.WithoutUrl().Spellings();
                McpServerRule? url = policy.McpAllow.Find(a => a.Matches(byUrl));
                McpServerRule? command = policy.McpAllow.Find(a => runs.Exists(a.Matches));
                return url == null || command == null ? null : (url == command ? new List<McpServerRule> { url } : new List<McpServerRule> { url, command });
            }

            List<McpServerIdentity> spellings = identity.Spellings();
            McpServerRule? entry = policy.McpAllow.Find(a => spellings.Exists(a.Matches));
            return entry == null ? null : new List<McpServerRule> { entry };
        }

        private static string ListOr(List<string> items, string none) => items.Count == 0 ? none : string.Join(", ", items);
    }
}
