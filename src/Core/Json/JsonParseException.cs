using System;

namespace Guardrails.Core.Json
{
    /// <summary>Malformed JSON: a message that never quotes the offending text, and where it was found.</summary>
    public sealed class JsonParseException : Exception
    {
        public JsonParseException(string message, TextPosition position)
            : base(message)
        {
            Position = position;
        }

        public TextPosition Position { get; }
    }
}
