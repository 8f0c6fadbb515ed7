using System.Collections.Generic;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Engine
{
    /// <summary>
    /// Policies the check has already read, by path and SHA-256 of the bytes. Reading a policy (parse, then
    /// <see cref="PolicyReader"/>) depends on nothing but those bytes and the path, and nothing downstream changes what it
    /// produced, so a caller that checks many builds under the same few revisions (the guardrails tool replaying an
    /// estate's recorded builds, <see cref="CheckRequest.PolicyReads"/>, kept in a <see cref="ReadCache"/>) reads each revision once. A build checks one
    /// project under one policy and does not set it.
    /// </summary>
    internal static class PolicyReads
    {
        internal sealed class Entry
        {
            public Entry(JsonNode? document, Finding? parseProblem, GuardrailsPolicy? policy, List<Finding> findings, int errors)
            {
                Document = document;
                ParseProblem = parseProblem;
                Policy = policy;
                Findings = findings;
                Errors = errors;
            }

            public JsonNode? Document { get; }

            public Finding? ParseProblem { get; }

            public GuardrailsPolicy? Policy { get; }

            /// <summary>The reader's findings, in order (findings are immutable; each check copies them into its own list).</summary>
            public List<Finding> Findings { get; }

            public int Errors { get; }
        }

        /// <summary>The policy in <paramref name="file"/> read from <paramref name="text"/>, from <paramref name="reads"/> when it holds the same bytes at the same path.</summary>
        internal static Entry Read(ReadCache? reads, LoadedFile file, string text, string policyPath)
        {
            string key = policyPath + "\n" + file.Sha256;
            if (reads != null && reads.Entries.TryGetValue(key, out object? known))
            {
                return (Entry)known;
            }

            JsonNode? document = SourceFile.TryParseJson(text, policyPath, "The Guardrails policy", out Finding? problem);
            var findings = new List<Finding>();
            GuardrailsPolicy? policy = null;
            int errors = 0;
            if (document != null)
            {
                policy = PolicyReader.Read(document, policyPath, findings, out errors);
            }

            var entry = new Entry(document, problem, policy, findings, errors);
            if (reads != null)
            {
                reads.Entries[key] = entry;
            }

            return entry;
        }
    }
}
