using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
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
    public async Task A_bearer_value_is_judged_under_any_name_and_a_plain_name_hides_no_fixed_format_key()
    {
        // "header" has no secret word, but a "Bearer …" value is a credential whatever it is called; a key with a fixed
        // format is found under any name.
        string key = FakeKeys.OpenAiProject();
        string bearer = "Bearer " + "FakeTok3nValue" + "NotReal42x";
        Assert.True(SecretScanner.TryMatchNamedValue("header", bearer, out SecretMatch generic));
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(key, matches);
        SecretMatch m = Assert.Single(matches);
        string source = "class C {\n  string header = {|#0:\"" + bearer + "\"|};\n  string etag = {|#1:\"" + key + "\"|};\n}\n";
        await Code.AnalyzerAsync(
            source,
            expected: new[]
            {
                Code.Diagnostic("GRD006").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments(generic.Format.TokenKind, generic.Redacted),
                Code.Diagnostic("GRD001").WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
                    .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl),
            });
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

    public static IEnumerable<object[]> CredentialReferences() => CredentialReferenceTable.References.Select(r => new object[] { r.Value });

    /// <summary>The table every user of the one credential-reference grammar is held to (tests/Shared/CredentialReferenceTable.cs).</summary>
    [Theory]
    [MemberData(nameof(CredentialReferences))]
    public async Task A_credential_reference_of_the_shared_table_is_no_key_in_code_or_in_a_config_file(string reference)
    {
        string literal = CredentialReferenceTable.LiteralKey();
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(literal, matches);
        SecretMatch m = Assert.Single(matches);
        string csharp = reference.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        // The literal key beside it is still reported: the reference is left alone, not the whole class.
        string source = "class C {\n  const string AnthropicApiKey = \"" + csharp + "\";\n  string anthropicToken = \"Bearer " + csharp + "\";\n  string anthropicKey = {|#0:\"" + literal + "\"|};\n}\n";
        await Code.AnalyzerAsync(
            source,
            expected: Code.Diagnostic("GRD001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl));

        string json = reference.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        await Files.AnalyzerAsync(test =>
        {
            test.TestCode = "class C { }";
            test.TestState.AdditionalFiles.Add(("/app/appsettings.json", "{ \"Anthropic\": { \"ApiKey\": \"" + json + "\", \"Secret\": \"" + json + "\" } }"));
            test.TestState.AdditionalFiles.Add(("/app/.env", "ANTHROPIC_API_KEY=" + reference + "\n"));
        });
    }

    [Fact]
    public async Task Names_that_are_not_key_like_and_low_entropy_values_are_left_alone()
    {
        string source = "class C { string paymentsModel = \"" + Generic + "\"; string apiKey = \"not-a-secret-just-words\"; string token = \"abcdefghijklmnopqrstuvwxyz\"; }";
        await Code.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Real_code_shapes_that_are_not_secrets_stay_silent_and_a_qualified_key_does_not()
    {
        // From benchmarks/RealCodeScan: a DI service key / section name, an analyzer option name given to Dictionary.Add,
        // a lone Key of a test vector, base64 of readable text, a value written by a test filter, the Cosmos DB emulator key.
        string random = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)((i * 97 + 41) % 251)).ToArray());
        string readable = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("Contoso/Widgets"));
        string emulator = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqob" + "D4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
        Assert.True(SecretScanner.TryMatchNamedValue("HmacKey", random, out SecretMatch m));
        string source = @"
using System.Collections.Generic;
class Example { public string Key { get; set; } public string HmacKey { get; set; } }
class C
{
    private const string AzureAIInferenceServiceKey = ""AzureAIInference"";
    private static readonly string s_emulatorKey = System.Environment.GetEnvironmentVariable(""COSMOSDB_KEY"") ?? """ + emulator + @""";
    string expectedCreditToken = """ + readable + @""";
    void M(Dictionary<string, string> options, Dictionary<string, object> items)
    {
        options.Add(""build_property.ReportOutputPath"", string.Empty);
        items[""sharedKey""] = ""modifiedByFilter1"";
        var a = new Example { Key = """ + random + @""" };
        var b = new Example { HmacKey = {|#0:""" + random + @"""|} };
    }
}";
        await Code.AnalyzerAsync(source, expected: Code.Diagnostic("GRD006").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments(m.Format.TokenKind, m.Redacted));
    }
}
