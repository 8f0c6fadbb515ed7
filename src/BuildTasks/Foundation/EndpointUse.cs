namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>One use of an AI endpoint the analyzers recorded (GRD008): the host as shown and the file using it.</summary>
    public readonly struct EndpointUse
    {
        public EndpointUse(string host, string file)
        {
            Host = host;
            File = file;
        }

        public string Host { get; }

        public string File { get; }
    }
}
