using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests;

/// <summary>Small helpers over the Roslyn analyzer test framework (DefaultVerifier).</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The expected result for the rule's own descriptor (its locked twin, listed too, shares the id).</summary>
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == id));

    /// <summary>Runs the analyzer on <paramref name="source"/> (markup: {|GRD001:...|}) with optional settings.</summary>
    public static Task AnalyzerAsync(string source, string? mode = null, string? effectivePolicy = null, IEnumerable<(string Path, string Text)>? additionalFiles = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            // The framework's suppression check inserts "#pragma warning disable" and expects every diagnostic of an id
            // with a NotConfigurable descriptor to survive. GRD0xx rules list a locked (NotConfigurable) twin next to
            // the configurable descriptor and use it only in Enforce without local suppression, so the check cannot
            // tell which applies; LockedSeverityTests verifies pragmas, editorconfig, NoWarn and suppressors directly.
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };

        // The mode reaches the analyzers only through the effective policy the check writes.
        effectivePolicy ??= mode == null ? null : "mode=" + mode + "\n";
        if (effectivePolicy != null)
        {
            test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(effectivePolicy)));
        }

        foreach ((string path, string text) in additionalFiles ?? Array.Empty<(string, string)>())
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        RecordOnlyWhenExpected(test, expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs the analyzer with full control over the test state (extra sources, config files, output kind).</summary>
    public static Task AnalyzerAsync(Action<CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>> configure, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            // The framework's suppression check inserts "#pragma warning disable" and expects every diagnostic of an id
            // with a NotConfigurable descriptor to survive. GRD0xx rules list a locked (NotConfigurable) twin next to
            // the configurable descriptor and use it only in Enforce without local suppression, so the check cannot
            // tell which applies; LockedSeverityTests verifies pragmas, editorconfig, NoWarn and suppressors directly.
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        RecordOnlyWhenExpected(test, expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// GRD008 (the info record of every endpoint used, for the audit record) comes with each GRD004 and with every
    /// approved endpoint: a test sees it only when it expects it, so the other rules' tests stay about their rule.
    /// </summary>
    private static void RecordOnlyWhenExpected(AnalyzerTest<DefaultVerifier> test, DiagnosticResult[] expected)
    {
        if (!expected.Any(d => d.Id == Guardrails.Core.Rules.RuleIds.EndpointUsed))
        {
            test.DisabledDiagnostics.Add(Guardrails.Core.Rules.RuleIds.EndpointUsed);
        }
    }
}
