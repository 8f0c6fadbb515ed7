using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Issue 16, session 11: forms left by session 10. An interpolated raw literal over several lines WITHOUT a hole
/// (<c>$"""</c> newline <c>mistral_api_key: …</c> newline <c>"""</c>) is configuration text as a raw literal is (C# §12.8.3: with
/// no interpolation its value is its content); its opening token runs to the end of the opening line, so the text is in the
/// literal's one text token, not at the delimiter.
/// </summary>
public class StringFormsRound6Tests
{
    /// <summary>The expected GRD001 for a Mistral key at (<paramref name="line"/>, <paramref name="column"/>), 1-based.</summary>
    private static DiagnosticResult Mistral(string key, int line, int column)
    {
        KeyFormat format = KeyCatalog.All.Single(f => f.Id == "mistral");
        return V.Diagnostic("GRD001").WithSpan(line, column, line, column + key.Length).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(format.Provider, format.TokenKind, Redaction.Redact(key, 0, key.Length, format.Prefix), format.EnvironmentVariable, format.RotateUrl);
    }

    [Theory]
    [InlineData("\"\"\"")]
    [InlineData("$\"\"\"")]
    [InlineData("$$\"\"\"")]
    [InlineData("$\"\"\"\"")]
    public Task Configuration_text_in_a_multi_line_raw_literal_with_no_hole_is_read_whatever_its_dollars(string opening)
    {
        // YAML with a name that makes the value a Mistral key (no fixed format: only the text read as configuration finds it).
        string key = FakeKeys.Mistral();
        string close = new string('"', opening.TrimStart('$').Length);
        // No markup: "$$" is the test framework's caret.
        string source = "class C\n{\n    string Settings = " + opening + "\n        provider: mistral\n        mistral_api_key: " + key + "\n        " + close + ";\n}\n";
        return V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.MarkupHandling = MarkupMode.None;
            },
            Mistral(key, 5, "        mistral_api_key: ".Length + 1));
    }

    /// <summary>
    /// Issue 16 leftover (session 11): a multi-line raw literal whose content is ONE line (C# §12.8.3: the content is the
    /// lines between the delimiter lines, here one, so its value has no line break): the text is still configuration.
    /// </summary>
    [Theory]
    [InlineData("\"\"\"")]
    [InlineData("\"\"\"\"")]
    [InlineData("$\"\"\"")] // session 13: the interpolated raw literal of the same shape
    [InlineData("$$\"\"\"")]
    public Task Configuration_text_on_the_one_content_line_of_a_multi_line_raw_literal_is_read(string opening)
    {
        string key = FakeKeys.Mistral("OneContentLineNotRealKey");
        string close = new string('"', opening.TrimStart('$').Length);
        string source = "class C\n{\n    string Settings = " + opening + "\n        mistral_api_key: " + key + "\n        " + close + ";\n}\n";
        return V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.MarkupHandling = MarkupMode.None;
            },
            Mistral(key, 4, "        mistral_api_key: ".Length + 1));
    }

    [Fact]
    public Task A_multi_line_interpolated_raw_literal_with_no_hole_and_a_placeholder_is_left_alone()
    {
        string source = "class C\n{\n    string Settings = $\"\"\"\n        provider: mistral\n        mistral_api_key: your-mistral-api-key-here\n        \"\"\";\n}\n";
        return V.AnalyzerAsync(source);
    }
}
