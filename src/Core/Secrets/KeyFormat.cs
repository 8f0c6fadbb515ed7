namespace Guardrails.Core.Secrets
{
    /// <summary>One kind of token of one provider.</summary>
    public sealed class KeyFormat
    {
        public KeyFormat(string provider, string tokenKind, string prefix, string environmentVariable, string rotateUrl)
        {
            Provider = provider;
            TokenKind = tokenKind;
            Prefix = prefix;
            EnvironmentVariable = environmentVariable;
            RotateUrl = rotateUrl;
        }

        /// <summary>Provider display name, e.g. "OpenAI".</summary>
        public string Provider { get; }

        /// <summary>Token kind, e.g. "project API key".</summary>
        public string TokenKind { get; }

        /// <summary>The fixed prefix that is safe to show in a redacted form.</summary>
        public string Prefix { get; }

        /// <summary>The environment variable people conventionally use for this key.</summary>
        public string EnvironmentVariable { get; }

        /// <summary>Where to revoke or rotate the key.</summary>
        public string RotateUrl { get; }
    }
}
