namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>One line of the footprint catalog: a path pattern, the assistant it shows, and what it is.</summary>
    public sealed class FootprintEntry
    {
        public FootprintEntry(string pattern, string assistantId, FootprintKind kind, FootprintFormat format = FootprintFormat.Auto)
        {
            Pattern = new FootprintPattern(pattern);
            AssistantId = assistantId;
            Kind = kind;
            Format = format;
        }

        public FootprintPattern Pattern { get; }

        /// <summary>The assistant id as the policy and the manifest spell it (see <see cref="AssistantIds"/>).</summary>
        public string AssistantId { get; }

        public FootprintKind Kind { get; }

        public FootprintFormat Format { get; }

        public override string ToString() => Pattern.Text + " (" + AssistantId + ", " + Kind + ")";
    }
}
