using System;
using Guardrails.Core.Policy;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// Shared compilation start of the rules that exist only under a central policy (GRD003, GRD004): nothing is
    /// registered for a compilation without a valid effective policy. The rules ask Core's one evaluator.
    /// </summary>
    internal static class PolicyGatedAnalysis
    {
        public static void RegisterCompilationStart(AnalysisContext context, Action<CompilationStartAnalysisContext, GuardrailsSettings, PolicyVerdicts> onStart)
        {
            context.RegisterCompilationStartAction(start =>
            {
                GuardrailsSettings settings = GuardrailsSettings.From(start.Options, start.CancellationToken);
                if (settings.Verdicts != null)
                {
                    onStart(start, settings, settings.Verdicts);
                }
            });
        }
    }
}
