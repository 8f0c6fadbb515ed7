using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Tests;

public class HardcodedKeyInCodeAnalyzerTests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    [Fact]
    public async Task Reports_a_key_in_a_string_literal_as_an_error_by_default()
    {
        string source = "class C { const string K = {|#0:\"" + Key + "\"|}; }";
        await Verify<HardcodedKeyInCodeAnalyzer>.AnalyzerAsync(
            source,
            expected: Verify<HardcodedKeyInCodeAnalyzer>.Diagnostic("GRD001")
                .WithLocation(0)
                .WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("OpenAI", "project API key", "sk-proj-\u2026" + Key.Substring(Key.Length - 4), "OPENAI_API_KEY", "https://platform.openai.com/api-keys"));
    }

    [Fact]
    public async Task Audit_mode_from_the_build_property_reports_a_warning()
    {
        string source = "class C { string K = {|#0:\"" + Key + "\"|}; }";
        await Verify<HardcodedKeyInCodeAnalyzer>.AnalyzerAsync(
            source,
            mode: "Audit",
            expected: Verify<HardcodedKeyInCodeAnalyzer>.Diagnostic("GRD001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("OpenAI", "project API key", "sk-proj-\u2026" + Key.Substring(Key.Length - 4), "OPENAI_API_KEY", "https://platform.openai.com/api-keys"));
    }

    [Fact]
    public async Task The_effective_policy_from_the_build_task_overrides_the_build_property()
    {
        string source = "class C { string K = {|#0:\"" + Key + "\"|}; }";
        await Verify<HardcodedKeyInCodeAnalyzer>.AnalyzerAsync(
            source,
            mode: "Audit",
            effectivePolicy: "mode=Enforce\npolicy=true\n",
            expected: Verify<HardcodedKeyInCodeAnalyzer>.Diagnostic("GRD001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("OpenAI", "project API key", "sk-proj-\u2026" + Key.Substring(Key.Length - 4), "OPENAI_API_KEY", "https://platform.openai.com/api-keys"));
    }

    [Fact]
    public async Task Leaves_placeholders_and_ordinary_strings_alone()
    {
        string source = "class C { string A = \"sk-...\"; string B = \"OPENAI_API_KEY\"; string D = \"sk-your-key-here\"; }";
        await Verify<HardcodedKeyInCodeAnalyzer>.AnalyzerAsync(source);
    }
}
