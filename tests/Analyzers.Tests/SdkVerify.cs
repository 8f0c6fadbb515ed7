using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests;

/// <summary>Runs an analyzer with the stub AI SDKs referenced and an effective policy as an AdditionalFile.</summary>
internal static class SdkVerify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string OwnerContact = "AI Governance (ai-governance@contoso.example)";

    /// <summary>An effective policy as the build task writes it: policy=true, the owner, and the approved packages.</summary>
    public static string Policy(params string[] approvedPackages) =>
        "# generated\nmode=Enforce\npolicy=true\nowner.name=AI Governance\nowner.contact=ai-governance@contoso.example\n"
        + string.Concat(approvedPackages.Select(p => "package.approved=" + p + "\n"));

    /// <summary>The expected result for the rule's own descriptor (its locked twin, listed too, shares the id).</summary>
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == id));

    public static async Task RunAsync(string source, string? effectivePolicy, params DiagnosticResult[] expected) =>
        await RunAsync(new[] { source }, effectivePolicy, expected);

    public static Task RunAsync(string[] sources, string? effectivePolicy, params DiagnosticResult[] expected) =>
        RunAsync(sources, Array.Empty<(string, string)>(), effectivePolicy, expected);

    /// <summary>With more AdditionalFiles (configuration files) beside the effective policy.</summary>
    public static Task RunAsync(string[] sources, (string Path, string Text)[] additionalFiles, string? effectivePolicy, params DiagnosticResult[] expected) =>
        RunAsync(sources, additionalFiles, effectivePolicy, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>An executable: its one source may use top-level statements.</summary>
    public static Task RunProgramAsync(string program, string? effectivePolicy, params DiagnosticResult[] expected) =>
        RunAsync(new[] { program }, Array.Empty<(string, string)>(), effectivePolicy, OutputKind.ConsoleApplication, expected);

    /// <summary>
    /// With <paramref name="references"/> instead of the stub SDKs (a stub compiled under another assembly name, which
    /// would clash with the stub of its real name).
    /// </summary>
    public static Task RunWithReferencesAsync(string source, IEnumerable<MetadataReference> references, string? effectivePolicy, params DiagnosticResult[] expected) =>
        RunAsync(new[] { source }, Array.Empty<(string, string)>(), effectivePolicy, OutputKind.DynamicallyLinkedLibrary, expected, references);

    private static async Task RunAsync(string[] sources, (string Path, string Text)[] additionalFiles, string? effectivePolicy, OutputKind outputKind, DiagnosticResult[] expected,
        IEnumerable<MetadataReference>? references = null)
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
        test.TestState.OutputKind = outputKind;

        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/src/File" + i + ".cs", sources[i]));
        }

        test.TestState.AdditionalReferences.AddRange(references ?? await SdkStubs.AllAsync());
        if (effectivePolicy != null)
        {
            test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(effectivePolicy)));
        }

        foreach ((string path, string text) in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);

        // GRD008 (every endpoint used, for the audit record) is checked only by the tests that expect it.
        if (!expected.Any(d => d.Id == Guardrails.Core.Rules.RuleIds.EndpointUsed))
        {
            test.DisabledDiagnostics.Add(Guardrails.Core.Rules.RuleIds.EndpointUsed);
        }

        await test.RunAsync(CancellationToken.None);
    }
}
