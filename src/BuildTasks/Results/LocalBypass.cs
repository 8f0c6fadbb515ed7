namespace Guardrails.BuildTasks.Results
{
    /// <summary>The ways a project can weaken Guardrails locally; the policy's allowLocalSuppression names the ones a team may use.</summary>
    public enum BypassKind
    {
        /// <summary>#pragma warning disable GRD… and [SuppressMessage(…, "GRD…")] in code (GRD005, analyzer). Policy name "code".</summary>
        Code,

        /// <summary>Guardrails ids in NoWarn, WarningsNotAsErrors, MSBuildWarningsAsMessages, MSBuildWarningsNotAsErrors (GRD304). Policy name "properties".</summary>
        Properties,

        /// <summary>.editorconfig / .globalconfig severity below error for a Guardrails id or category (GRD305). Policy name "analyzerConfig".</summary>
        AnalyzerConfig,

        /// <summary>The Guardrails analyzers removed from, or switched off in, the compilation (GRD306). Policy name "analyzerRemoval".</summary>
        AnalyzerRemoval,

        /// <summary>GuardrailsMode lowered to Audit (GRD307). Policy name "auditMode".</summary>
        AuditMode,

        /// <summary>A Guardrails check switched off or narrowed by an opt-out setting (GRD310): GuardrailsScanFiles=false,
        /// GuardrailsScanExclude, GuardrailsCheckFootprints=false, GuardrailsRevisionStateFile moved. Policy name "optOut".</summary>
        OptOut,
    }

    /// <summary>One local bypass found in this project, and what (if anything) allowed it. Recorded in the audit record.</summary>
    public sealed class LocalBypass
    {
        public LocalBypass(BypassKind kind, string ruleId, string file, int line, int column, string what, string subject)
        {
            Subject = subject;
            Kind = kind;
            RuleId = ruleId;
            File = file;
            Line = line;
            Column = column;
            What = what;
        }

        public BypassKind Kind { get; }

        /// <summary>The GRD3xx id that reports this kind of bypass.</summary>
        public string RuleId { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>What a waiver names to cover it (waiver "rule" = <see cref="RuleId"/>, "subject" = this): the suppressed
        /// id for GRD304/GRD305 ("GRD001", or "category:Guardrails.Secrets", "all"), "analyzers" for GRD306, "mode" for GRD307, the property or item name for GRD310.</summary>
        public string Subject { get; }

        /// <summary>A short description, e.g. "NoWarn: GRD001".</summary>
        public string What { get; }

        /// <summary>"policy" when allowLocalSuppression allows it, "waiver:&lt;id&gt;" when a waiver covers it, null when reported.</summary>
        public string? AllowedBy { get; set; }

        public static string PolicyName(BypassKind kind) => kind switch
        {
            BypassKind.Code => "code",
            BypassKind.Properties => "properties",
            BypassKind.AnalyzerConfig => "analyzerConfig",
            BypassKind.AnalyzerRemoval => "analyzerRemoval",
            BypassKind.OptOut => "optOut",
            _ => "auditMode",
        };
    }
}
