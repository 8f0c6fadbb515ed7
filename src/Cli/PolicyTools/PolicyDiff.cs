using Guardrails.BuildTasks.Policy;

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
/// listed, not denied, and its approval has not expired at <c>at</c>.
/// </summary>
internal static class PolicyDiff
{
    private sealed record Entry(string Type, string Id, bool Approved, DateTimeOffset? Expires, string Terms);

    public static List<PolicyChange> Compare(GuardrailsPolicy before, GuardrailsPolicy after, DateTimeOffset at)
    {
        Dictionary<string, Entry> a = Entries(before), b = Entries(after);
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
                bool expired = now != null && now.Approved && now.Expires <= at;
                changes.Add(new PolicyChange(
                    expired ? "expired" : "revoked",
                    any.Type,
                    any.Id,
                    now == null ? "removed from the policy" : expired ? "approval expired " + now.Expires!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "now denied" + (now.Terms.Length > 0 ? " (" + now.Terms + ")" : string.Empty)));
            }
            else if (wasInForce && isInForce && (old!.Terms != now!.Terms || old.Expires != now.Expires))
            {
                changes.Add(new PolicyChange("changed", any.Type, any.Id, Describe(old) + " -> " + Describe(now)));
            }
        }

        return changes;
    }

    private static bool InForce(Entry? e, DateTimeOffset at) => e != null && e.Approved && (e.Expires == null || e.Expires > at);

    private static string Describe(Entry e) =>
        (e.Terms.Length > 0 ? e.Terms : "approved") + (e.Expires != null ? ", expires " + e.Expires.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    private static Dictionary<string, Entry> Entries(GuardrailsPolicy p)
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
            Add(new Entry("assistant", a.Id, !a.Denied, a.Approval?.ExpiresAt?.Value, terms));
            if (!a.Denied)
            {
                foreach (var m in a.Models.Allow)
                {
                    Add(new Entry("model", a.Id + "/" + m.Value, true, a.Approval?.ExpiresAt?.Value, string.Empty));
                }

                foreach (var m in a.Models.Deny)
                {
                    Add(new Entry("model", a.Id + "/" + m.Value, false, null, "denied"));
                }
            }
        }

        foreach (McpServerRule s in p.McpAllow)
        {
            Add(new Entry("mcpServer", s.Label, true, s.Approval?.ExpiresAt?.Value, s.MaxDataClass != null ? "max " + s.MaxDataClass.Value : string.Empty));
        }

        foreach (McpServerRule s in p.McpDeny)
        {
            Add(new Entry("mcpServer", s.Label, false, null, s.Reason?.Value ?? string.Empty));
        }

        foreach (PackageRule r in p.ApprovedPackages)
        {
            Add(new Entry("package", r.Id.Value, true, null, r.VersionsText != null ? "versions " + r.VersionsText.Value : string.Empty));
        }

        foreach (PackageRule r in p.DeniedPackages)
        {
            Add(new Entry("package", r.Id.Value, false, null, r.Reason?.Value ?? string.Empty));
        }

        foreach (var e in p.ApprovedEndpoints)
        {
            Add(new Entry("endpoint", e.Value, true, null, string.Empty));
        }

        foreach (WaiverRule w in p.Waivers)
        {
            Add(new Entry("waiver", w.Id, true, w.ExpiresAt?.Value, (w.Rule?.Value ?? string.Empty) + (w.Subject != null ? " " + w.Subject.Value : string.Empty)));
        }

        return d;
    }
}
