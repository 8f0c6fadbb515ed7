using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Policy;

namespace Guardrails.Cli.PolicyTools;

/// <summary>One entry that changes meaning between two policy revisions.</summary>
internal sealed record PolicyChange(string Change, string Type, string Id, string Detail)
{
    /// <summary>"approved", "revoked", "expired" or "changed".</summary>
    public string Change { get; } = Change;
}

/// <summary>
/// What a new policy revision approves, revokes or lets expire compared with the old one: assistants, their models,
/// MCP servers, packages, endpoints and waivers, read by the build's own policy reader. An entry is in force when it is
/// listed, not denied, and its approval has not expired at <c>at</c>. Assistants, models and MCP servers are judged by the
/// manifest evaluator's own decisions (<see cref="PolicyEvaluator.HasExpired"/>: an approval is in force through its
/// expiry day; <c>ModelRules.IsAllowed</c>: a deny pattern over an allowed model wins;
/// <see cref="PolicyEvaluator.DenyingMcpEntry"/>: a deny entry that catches an allowed server wins). Packages, endpoints and waivers are taken from the
/// typed effective policy the analyzers and the package gate get (<see cref="EffectiveFacts"/>), and whether a package
/// or an endpoint is approved is asked of the one evaluator (<see cref="PolicyVerdicts"/>): a deny pattern over an
/// approved id, an endpoint denied by a wildcard, a waiver valid through its expiry day decide as in the build.
/// </summary>
internal static class PolicyDiff
{
    /// <summary>One entry: approved (not denied), and whether its approval has ended at the diff's instant as the build decides it.</summary>
    /// <param name="Scope">What a deny leaves out (an endpoint deny's <c>except</c> hosts): a change of it changes what the deny
    /// catches, though the entry is denied before and after.</param>
    private sealed record Entry(string Type, string Id, bool Approved, DateTimeOffset? Expires, string Terms, string? ExpiresShown = null, bool Expired = false, string Scope = "");

    public static List<PolicyChange> Compare(GuardrailsPolicy before, GuardrailsPolicy after, DateTimeOffset at)
    {
        Dictionary<string, Entry> a = Entries(before, at), b = Entries(after, at);
        var changes = new List<PolicyChange>();
        foreach (string key in a.Keys.Union(b.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            a.TryGetValue(key, out Entry? old);
            b.TryGetValue(key, out Entry? now);
            Entry any = (now ?? old)!;
            bool wasInForce = InForce(old, at), isInForce = InForce(now, at);
            if (!wasInForce && isInForce)
            {
                changes.Add(new PolicyChange("approved", any.Type, any.Id, Describe(now!)));
            }
            else if (wasInForce && !isInForce)
            {
                bool expired = now != null && now.Approved && now.Expired;
                changes.Add(new PolicyChange(
                    expired ? "expired" : "revoked",
                    any.Type,
                    any.Id,
                    now == null ? "removed from the policy" : expired ? "approval expired " + Shown(now) : "now denied" + (now.Terms.Length > 0 ? " (" + now.Terms + ")" : string.Empty)));
            }
            else if (wasInForce && isInForce && (old!.Terms != now!.Terms || old.Expires != now.Expires))
            {
                changes.Add(new PolicyChange("changed", any.Type, any.Id, Describe(old) + " -> " + Describe(now)));
            }
            else if (!wasInForce && !isInForce && old != null && now != null && !old.Approved && !now.Approved && old.Scope != now.Scope)
            {
                changes.Add(new PolicyChange("changed", any.Type, any.Id, DescribeDeny(old) + " -> " + DescribeDeny(now)));
            }
        }

        return changes;
    }

    private static bool InForce(Entry? e, DateTimeOffset at) => e != null && e.Approved && !e.Expired;

    private static string Describe(Entry e) =>
        (e.Terms.Length > 0 ? e.Terms : "approved") + (e.Expires != null ? ", expires " + Shown(e) : string.Empty);

    private static string DescribeDeny(Entry e) => "denied" + (e.Scope.Length > 0 ? " except " + e.Scope : " (no exceptions)");

    private static string Shown(Entry e) => e.ExpiresShown ?? e.Expires!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, Entry> Entries(GuardrailsPolicy p, DateTimeOffset at)
    {
        var d = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        void Add(Entry e) => d[e.Type + "|" + e.Id] = e;
        foreach (AssistantRule a in p.Assistants)
        {
            string terms = a.Denied
                ? a.Reason?.Value ?? string.Empty
                : string.Join("; ", new[]
                {
                    a.VersionsText != null ? "versions " + a.VersionsText.Value : null,
                    a.Tiers != null ? "tiers " + string.Join(",", a.Tiers.Select(t => t.Value)) : null,
                    a.MaxDataClass != null ? "max " + a.MaxDataClass.Value : null,
                }.Where(s => s != null));
            bool expired = PolicyEvaluator.HasExpired(a.Approval, at);
            Add(new Entry("assistant", a.Id, !a.Denied, a.Approval?.ExpiresAt?.Value, terms, Expired: expired));
            if (!a.Denied)
            {
                foreach (var m in a.Models.Allow)
                {
                    // The evaluator denies first: an allowed pattern a deny pattern covers is not in force.
                    bool allowed = a.Models.IsAllowed(m.Value, out var deniedBy) || deniedBy == null;
                    Add(new Entry("model", a.Id + "/" + m.Value, allowed, a.Approval?.ExpiresAt?.Value, allowed ? string.Empty : "denied by '" + deniedBy!.Value + "'", Expired: expired));
                }

                foreach (var m in a.Models.Deny)
                {
                    Add(new Entry("model", a.Id + "/" + m.Value, false, null, "denied"));
                }
            }
        }

        foreach (McpServerRule s in p.McpAllow)
        {
            // As the build matches a server named by this entry's id or declared with its identity: a deny that catches it wins.
            McpServerRule? deniedBy = PolicyEvaluator.DenyingMcpEntry(p, s.Id?.Value, null) ?? PolicyEvaluator.DenyingMcpEntry(p, s.Id?.Value, Identity(s));
            Add(new Entry("mcpServer", s.Label, deniedBy == null, s.Approval?.ExpiresAt?.Value,
                deniedBy != null ? "denied by '" + deniedBy.Label + "'" : s.MaxDataClass != null ? "max " + s.MaxDataClass.Value : string.Empty, Expired: PolicyEvaluator.HasExpired(s.Approval, at)));
        }

        foreach (McpServerRule s in p.McpDeny)
        {
            Add(new Entry("mcpServer", s.Label, false, null, s.Reason?.Value ?? string.Empty));
        }

        // Packages, endpoints and waivers: the effective policy the build derives, judged by the one evaluator.
        var effective = new EffectivePolicy { HasPolicy = true };
        EffectiveFacts.Write(p, effective, p.Waivers);
        var verdicts = new PolicyVerdicts(effective, now: at);
        foreach (string id in effective.ApprovedPackages.Concat(effective.DeniedPackages).Select(e => e.Id).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Decision decision = verdicts.Package(id, null);
            bool approved = decision.Verdict == Verdict.Approved;
            PackageEntry? entry = approved
                ? effective.ApprovedPackages.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
                : effective.DeniedPackages.FirstOrDefault(e => Guardrails.Core.Text.Glob.Match(e.Id, id));
            string terms = approved ? (entry?.Versions != null ? "versions " + entry.Versions : string.Empty) : entry?.Reason ?? string.Empty;
            Add(new Entry("package", id, approved, null, terms));
        }

        foreach (string host in effective.ApprovedEndpoints.Concat(effective.DeniedEndpoints).Select(e => e.Host).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Decision decision = verdicts.Host(host);
            if (decision.Verdict == Verdict.Approved || decision.Verdict == Verdict.Denied)
            {
                // A deny's except hosts are judged as if the deny were not there (HostEntry.Covers): a change of them shows.
                string except = string.Join(", ", effective.DeniedEndpoints.Where(e => string.Equals(e.Host, host, StringComparison.OrdinalIgnoreCase))
                    .SelectMany(e => e.Except).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(x => x, StringComparer.OrdinalIgnoreCase));
                Add(new Entry("endpoint", host, decision.Verdict == Verdict.Approved, null, decision.Verdict == Verdict.Denied ? "denied" : string.Empty, Scope: except));
            }
        }

        foreach (WaiverEntry w in effective.Waivers)
        {
            // In force through its expiry day, as the build judges it; shown as the policy writes it.
            Add(new Entry("waiver", w.Id, true, w.Expires, w.Rule + " " + w.Subject, p.FindWaiver(w.Id)?.ExpiresAt is { } written ? Dates.Show(written.Value) : null, Expired: at >= w.Expires));
        }

        return d;
    }

    /// <summary>The server an allow entry describes, as a manifest would declare it (the entry's own URL, command line or package).</summary>
    private static McpServerIdentity? Identity(McpServerRule s) =>
        s.Url == null && s.Command == null && s.Package == null
            ? null
            : new McpServerIdentity { Url = s.Url?.Value, Command = s.Command, Package = s.Package?.Value, Sha256 = s.Sha256?.Value };
}
