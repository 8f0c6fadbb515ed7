namespace Guardrails.Core.Secrets
{
    /// <summary>A key found in text. Holds positions and a redacted form, never the key itself.</summary>
    public readonly struct SecretMatch
    {
        public SecretMatch(int start, int length, KeyFormat format, string redacted)
        {
            Start = start;
            Length = length;
            Format = format;
            Redacted = redacted;
        }

        /// <summary>Offset of the key in the scanned text.</summary>
        public int Start { get; }

        public int Length { get; }

        public KeyFormat Format { get; }

        /// <summary>Prefix plus at most the last four characters, e.g. "sk-proj-…Ab12".</summary>
        public string Redacted { get; }
    }
}
