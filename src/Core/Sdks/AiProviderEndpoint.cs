using System.Collections.Generic;

namespace Guardrails.Core.Sdks
{
    /// <summary>The API host patterns of one AI provider (see <see cref="HostPattern"/> for the wildcard rules).</summary>
    public sealed class AiProviderEndpoint
    {
        public AiProviderEndpoint(string provider, IReadOnlyList<string> hostPatterns, string source)
        {
            Provider = provider;
            HostPatterns = hostPatterns;
            Source = source;
        }

        /// <summary>Provider display name, e.g. "Groq".</summary>
        public string Provider { get; }

        public IReadOnlyList<string> HostPatterns { get; }

        /// <summary>Where the hosts come from.</summary>
        public string Source { get; }

        public override string ToString() => Provider;
    }
}
