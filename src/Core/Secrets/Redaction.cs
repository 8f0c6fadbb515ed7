namespace Guardrails.Core.Secrets
{
    /// <summary>The one place that turns a secret into something printable.</summary>
    public static class Redaction
    {
        /// <summary>
        /// The known prefix plus at most the last four characters ("sk-proj-…Ab12"). Keys shorter than
        /// 16 characters keep no tail at all, so that nothing close to the whole value is ever shown.
        /// </summary>
        public static string Redact(string text, int start, int length, string prefix)
        {
            int tail = length >= 16 ? 4 : 0;
            string head = prefix.Length < length ? prefix : string.Empty;
            return head + "\u2026" + (tail > 0 ? text.Substring(start + length - tail, tail) : string.Empty);
        }
    }
}
