using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Code = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;
using Files = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInFileAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>GRD006: generic secrets, a separate id that only ever warns.</summary>
public class PossibleSecretTests
{
    // A high-entropy value with no provider format, assembled so that it reads as fake.
    private static readonly string Generic = "Fake" + "Generic9Secret7NotReal";

    private static DiagnosticResult Grd006(DiagnosticResult result) =>
        result.WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
            .WithArguments("high-entropy value in a key-named setting", "\u2026" + Generic.Substring(Generic.Length - 4));

    [Fact]
    public async Task A_key_named_member_with_a_high_entropy_value_is_a_warning_even_in_Enforce_mode()
    {
        string source = "class C { string paymentsApiKey = {|#0:\"" + Generic + "\"|}; }";
        await Code.AnalyzerAsync(source, mode: "Enforce", expected: Grd006(Code.Diagnostic("GRD006")));
    }

    [Fact]
    public async Task A_key_named_config_value_is_a_warning_in_a_file()
    {
        await Files.AnalyzerAsync(
            test =>
            {
                test.TestCode = "class C { }";
                test.TestState.AdditionalFiles.Add(("/app/appsettings.json", "{ \"Payments\": { \"ApiKey\": \"{|#0:" + Generic + "|}\" } }"));
            },
            Grd006(Files.Diagnostic("GRD006")));
    }

    [Fact]
    public async Task Turning_GRD006_off_in_editorconfig_keeps_GRD001()
    {
        string key = Guardrails.Tests.Shared.FakeKeys.OpenAiProject();
        string source = "class C { string paymentsApiKey = \"" + Generic + "\"; string openAiKey = {|#0:\"" + key + "\"|}; }";
        await Code.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.GRD006.severity = none\n"));
            },
            HardcodedKeyInCodeAnalyzerTests.Grd001(key));
    }

    [Fact]
    public async Task Names_that_are_not_key_like_and_low_entropy_values_are_left_alone()
    {
        string source = "class C { string paymentsModel = \"" + Generic + "\"; string apiKey = \"not-a-secret-just-words\"; string token = \"abcdefghijklmnopqrstuvwxyz\"; }";
        await Code.AnalyzerAsync(source);
    }
}
