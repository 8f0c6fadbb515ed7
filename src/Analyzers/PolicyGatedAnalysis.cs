using System;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// Shared compilation start of the rules that exist only under a central policy (GRD003, GRD004): nothing is
    /// registered for a compilation without an effective policy (no file, or policy=false).
    /// </summary>
    internal static class PolicyGatedAnalysis
    {
        public static void RegisterCompilationStart(AnalysisContext context, Action<CompilationStartAnalysisContext, GuardrailsSettings, SdkApproval> onStart)
        {
            context.RegisterCompilationStartAction(start =>
            {
                GuardrailsSettings settings = GuardrailsSettings.From(start.Options, start.CancellationToken);
                SdkApproval? approval = SdkApproval.From(settings.Policy);
                if (approval != null)
                {
                    onStart(start, settings, approval);
                }
            });
        }
    }
}
