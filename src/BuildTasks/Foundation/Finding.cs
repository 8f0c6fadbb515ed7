using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>One result of the check: a rule, where it applies (file, 1-based line and column; 0 = unknown), and
    /// a message that never contains a secret value.</summary>
    public sealed class Finding
    {
        public Finding(RuleInfo rule, string file, int line, int column, string message, bool warningOnly = false, string? subject = null)
        {
            Subject = subject;
            Rule = rule;
            File = file;
            Line = line;
            Column = column;
            Message = message;
            WarningOnly = warningOnly;
        }

        public RuleInfo Rule { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }

        /// <summary>True when this finding is a warning even in Enforce mode (e.g. an approval about to expire).</summary>
        public bool WarningOnly { get; }

        /// <summary>
        /// What the finding is about, in the vocabulary waivers use ("claude-code", "claude-code/gpt-4o", "mcp:github",
        /// a package id). Null for findings no waiver can cover (structural problems).
        /// </summary>
        public string? Subject { get; }

        /// <summary>The id of the waiver that downgraded this finding to a warning, or null.</summary>
        public string? WaivedBy { get; private set; }

        /// <summary>A copy downgraded to a warning by a waiver; the message says which waiver and until when.</summary>
        public Finding Waive(string waiverId, string note) =>
            new Finding(Rule, File, Line, Column, Message + " " + note, warningOnly: true, Subject) { WaivedBy = waiverId };

        /// <summary>True when this finding fails the build in the given mode.</summary>
        public bool IsError(bool enforce) => enforce && Rule.IsErrorInEnforce && !WarningOnly;
    }
}
