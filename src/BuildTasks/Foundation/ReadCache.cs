using System.Collections.Generic;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// What a caller that checks many builds keeps between checks (<see cref="CheckRequest.PolicyReads"/>): each policy
    /// revision read once, by path and SHA-256 of its bytes. The entries are the engine's (Engine.PolicyReads decides
    /// what is kept); this layer only holds them, so the check's input does not depend on the layers above it.
    /// </summary>
    public sealed class ReadCache
    {
        internal Dictionary<string, object> Entries { get; } = new Dictionary<string, object>(System.StringComparer.Ordinal);

        /// <summary>How many distinct policies were read (each once).</summary>
        public int Count => Entries.Count;
    }
}
