namespace Guardrails.Core.Secrets
{
    /// <summary>How sure a match is, by what the format itself proves.</summary>
    public enum KeyConfidence
    {
        /// <summary>The format carries a fixed marker or a checksum (OpenAI <c>T3BlbkFJ</c>, GitHub CRC32, …).</summary>
        High,

        /// <summary>A distinctive fixed prefix plus an exact length and alphabet.</summary>
        Medium,

        /// <summary>No self-identifying shape: reported only when the surrounding name identifies the key.</summary>
        Low,
    }
}
