using System;
using System.Collections.Generic;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Policy;

namespace Guardrails.BuildTasks.Reports
{
    /// <summary>
    /// The audit record's "endpoints" (format 1.3), the one shape the build (from the compiler's error log) and
    /// <c>guardrails scan</c> (from the analyzers run directly) write: whether the list is complete, and for each host
    /// the policy's verdict (the one evaluator, <see cref="PolicyVerdicts.Host"/>), the policy entry or reason that
    /// decided, the waiver that lets it pass, and how many files use it.
    /// </summary>
    public static class EndpointReach
    {
        /// <summary>Verdicts as the record spells them.</summary>
        public const string Approved = "approved";
        public const string NotApproved = "notApproved";
        public const string Denied = "denied";
        public const string Unknown = "unknown";

        /// <summary>
        /// What <c>complete</c> is a claim about, written beside it so the record never claims more than was judged
        /// (adversary round 9 route 2: <c>complete: true, hosts: []</c> for a project that named api.openai.com in a local,
        /// a folded constant, a JSON property name and an XML character reference, none of which was judged then).
        /// </summary>
        public const string Covers =
            "every string constant of the C# code as the compiler folds it (wherever it is written), every address with run-time parts " +
            "where the code uses it as an address, and every file the compiler is given (JSON names and values, XML and YAML read with " +
            "their escapes decoded, other text); not an address the program computes at run time otherwise (decoded, read from the " +
            "environment or from files outside the project)";

        /// <param name="uses">Every GRD008 result (one per host and file).</param>
        /// <param name="verdicts">The effective policy's evaluator; null when there is none (every status "unknown").</param>
        /// <param name="incompleteBecause">Null when every endpoint the code uses is listed; otherwise why the list may miss some.</param>
        /// <param name="source">Where the list comes from ("compiler error log", "guardrails scan").</param>
        public static object Section(IEnumerable<EndpointUse> uses, PolicyVerdicts? verdicts, string? incompleteBecause, string source)
        {
            var hosts = new List<object?>();
            foreach (JudgedEndpoint e in Judge(uses, verdicts))
            {
                hosts.Add(AuditRecord.Obj(
                    ("host", e.Host),
                    ("provider", e.Provider),
                    ("status", e.Status),
                    ("decidedBy", e.DecidedBy),
                    ("waiver", e.Waiver),
                    ("files", e.Files)));
            }

            return AuditRecord.Obj(
                ("complete", incompleteBecause == null),
                ("incompleteBecause", incompleteBecause),
                ("covers", Covers),
                ("source", source),
                ("hosts", hosts));
        }

        /// <summary>Each host once (lower case, ordinal order) with the files using it counted and the evaluator's verdict.</summary>
        public static List<JudgedEndpoint> Judge(IEnumerable<EndpointUse> uses, PolicyVerdicts? verdicts)
        {
            var files = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (EndpointUse use in uses)
            {
                string host = use.Host.Trim().ToLowerInvariant();
                if (host.Length == 0)
                {
                    continue;
                }

                if (!files.TryGetValue(host, out HashSet<string>? set))
                {
                    files[host] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(use.File);
            }

            var judged = new List<JudgedEndpoint>();
            foreach (KeyValuePair<string, HashSet<string>> entry in files)
            {
                Decision? decision = verdicts?.Host(entry.Key);
                judged.Add(new JudgedEndpoint(entry.Key, decision?.Provider ?? decision?.Sdk?.Provider, Status(decision), decision?.Reason, decision?.Waiver?.Id, entry.Value.Count));
            }

            return judged;
        }

        /// <summary>The record's status of a host: the evaluator's verdict (a route's approval counts as approved).</summary>
        public static string Status(Decision? decision)
        {
            if (decision == null)
            {
                return Unknown;
            }

            switch (decision.Verdict)
            {
                case Verdict.Approved:
                case Verdict.AllowedThroughRoute:
                    return Approved;
                case Verdict.Denied:
                    return Denied;
                case Verdict.NotApproved:
                case Verdict.VersionNotApproved:
                    return NotApproved;
                default:
                    return Unknown;
            }
        }
    }

    /// <summary>One host of the record's "endpoints".</summary>
    public sealed class JudgedEndpoint
    {
        public JudgedEndpoint(string host, string? provider, string status, string? decidedBy, string? waiver, int files)
        {
            Host = host;
            Provider = provider;
            Status = status;
            DecidedBy = decidedBy;
            Waiver = waiver;
            Files = files;
        }

        public string Host { get; }

        public string? Provider { get; }

        public string Status { get; }

        public string? DecidedBy { get; }

        public string? Waiver { get; }

        public int Files { get; }
    }
}
