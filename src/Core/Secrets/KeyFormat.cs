namespace Guardrails.Core.Secrets
{
    /// <summary>One kind of token of one provider. Instances live in <see cref="KeyCatalog"/>.</summary>
    public sealed class KeyFormat
    {
        public KeyFormat(
            string id,
            string provider,
            string tokenKind,
            string prefix,
            string shape,
            string environmentVariable,
            string rotateUrl,
            KeyConfidence confidence,
            string source,
            bool isGeneric = false)
        {
            Id = id;
            Provider = provider;
            TokenKind = tokenKind;
            Prefix = prefix;
            Shape = shape;
            EnvironmentVariable = environmentVariable;
            RotateUrl = rotateUrl;
            Confidence = confidence;
            Source = source;
            IsGeneric = isGeneric;
        }

        /// <summary>Stable identifier of the format, e.g. "openai-project".</summary>
        public string Id { get; }

        /// <summary>Provider display name, e.g. "OpenAI".</summary>
        public string Provider { get; }

        /// <summary>Token kind, e.g. "project API key".</summary>
        public string TokenKind { get; }

        /// <summary>The fixed prefix that is safe to show in a redacted form; may be empty.</summary>
        public string Prefix { get; }

        /// <summary>The format in words, e.g. "sk-proj- + 74 [A-Za-z0-9_-] + T3BlbkFJ + 74".</summary>
        public string Shape { get; }

        /// <summary>The environment variable people conventionally use for this key; empty when there is none.</summary>
        public string EnvironmentVariable { get; }

        /// <summary>Where to revoke or rotate the key.</summary>
        public string RotateUrl { get; }

        public KeyConfidence Confidence { get; }

        /// <summary>True for the generic "key-named variable holding a high-entropy value" format.</summary>
        public bool IsGeneric { get; }

        /// <summary>Where the format comes from (provider docs, public scanners' rule sets).</summary>
        public string Source { get; }

        public override string ToString() => Provider + " " + TokenKind;
    }
}
