using Guardrails.CodeFixes;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests;

public class ReadKeyFromEnvironmentCodeFixTests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    private static async Task VerifyAsync(string source, string fixedSource, string? expectedTitle = null, bool warningsToo = false, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<HardcodedKeyInCodeAnalyzer, ReadKeyFromEnvironmentCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestBehaviors = TestBehaviors.SkipSuppressionCheck, // see Verify<TAnalyzer>: GRD001 lists a locked twin
        };
        if (warningsToo)
        {
            // The fixed code must compile without a single warning (nullable included).
            test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        }

        if (expectedTitle != null)
        {
            test.CodeActionVerifier = (action, verifier) => verifier.Equal(expectedTitle, action.Title);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static string Read(string variable, bool qualified) =>
        (qualified ? "System." : string.Empty) + "Environment.GetEnvironmentVariable(\"" + variable + "\") ?? throw new " +
        (qualified ? "System." : string.Empty) + "InvalidOperationException(\"Set the " + variable + " environment variable.\")";

    [Fact]
    public async Task Replaces_the_literal_with_a_read_of_the_environment_variable_and_the_title_never_shows_the_key()
    {
        await VerifyAsync(
            "class C { string K = {|#0:\"" + Key + "\"|}; }",
            "class C { string K = " + Read("OPENAI_API_KEY", qualified: true) + "; }",
            expectedTitle: "Read the key from the OPENAI_API_KEY environment variable",
            expected: HardcodedKeyInCodeAnalyzerTests.Grd001(Key));
    }

    [Fact]
    public async Task Uses_the_short_name_under_using_System_and_compiles_without_nullable_warnings()
    {
        string before = "#nullable enable\nusing System;\n\nclass C\n{\n    public string Key { get; } = {|#0:\"" + Key + "\"|};\n    public int Length(string s) => s.Length;\n    public int M() => Length({|#1:\"" + Key + "\"|});\n}\n";
        string after = "#nullable enable\nusing System;\n\nclass C\n{\n    public string Key { get; } = " + Read("OPENAI_API_KEY", qualified: false) + ";\n    public int Length(string s) => s.Length;\n    public int M() => Length(" + Read("OPENAI_API_KEY", qualified: false) + ");\n}\n";
        await VerifyAsync(before, after, warningsToo: true, expected: new[] { HardcodedKeyInCodeAnalyzerTests.Grd001(Key, 0), HardcodedKeyInCodeAnalyzerTests.Grd001(Key, 1) });
    }

    [Fact]
    public async Task Keeps_parentheses_where_precedence_needs_them()
    {
        await VerifyAsync(
            "using System;\nclass C { int N = {|#0:\"" + Key + "\"|}.Length; }",
            "using System;\nclass C { int N = (" + Read("OPENAI_API_KEY", qualified: false) + ").Length; }",
            expected: HardcodedKeyInCodeAnalyzerTests.Grd001(Key));
    }

    [Fact]
    public async Task Replaces_a_whole_split_key_and_uses_the_providers_variable_for_context_gated_keys()
    {
        string mistral = FakeKeys.Mistral();
        string source = "using System;\nclass C {\n  string A = {|#0:\"" + Key.Substring(0, 50) + "\" + \"" + Key.Substring(50) + "\"|};\n  string mistralApiKey = {|#1:\"" + mistral + "\"|};\n}\n";
        string fixedSource = "using System;\nclass C {\n  string A = " + Read("OPENAI_API_KEY", false) + ";\n  string mistralApiKey = " + Read("MISTRAL_API_KEY", false) + ";\n}\n";
        Core.Secrets.SecretScanner.TryMatchNamedValue("mistralApiKey", mistral, out Core.Secrets.SecretMatch m);
        await VerifyAsync(
            source,
            fixedSource,
            expected: new[]
            {
                HardcodedKeyInCodeAnalyzerTests.Grd001(Key, 0),
                Verify<HardcodedKeyInCodeAnalyzer>.Diagnostic("GRD001").WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
                    .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl),
            });
    }

    public static IEnumerable<object[]> NoFixForms()
    {
        yield return new object[] { "const field", "const string K = {|#0:\"KEY\"|};" };
        yield return new object[] { "const local", "void M() { const string K = {|#0:\"KEY\"|}; }" };
        yield return new object[] { "attribute argument", "[System.Obsolete({|#0:\"KEY\"|})] void M() { }" };
        yield return new object[] { "parameter default", "void M(string key = {|#0:\"KEY\"|}) { }" };
        yield return new object[] { "case label", "int M(string s) { switch (s) { case {|#0:\"KEY\"|}: return 1; default: return 0; } }" };
        yield return new object[] { "pattern", "bool M(string s) => s is {|#0:\"KEY\"|};" };
        yield return new object[] { "utf-8 literal", "System.ReadOnlySpan<byte> M() => {|#0:\"KEY\"u8|};" };
        yield return new object[] { "key inside a longer string", "string H = {|#0:\"Bearer KEY\"|};" };
        yield return new object[] { "comment", "{|#0:// KEY|}\n  int X;" };
    }

    [Theory]
    [MemberData(nameof(NoFixForms))]
    public async Task Offers_no_fix_where_a_runtime_value_would_not_compile_or_would_change_the_value(string form, string member)
    {
        string source = "class C {\n  " + member.Replace("KEY", Key) + "\n}\n";
        Assert.NotEmpty(form);
        await VerifyAsync(source, source, expected: HardcodedKeyInCodeAnalyzerTests.Grd001(Key));
    }
}
