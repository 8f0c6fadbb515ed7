using Guardrails.Tests.Shared;
using static Guardrails.Analyzers.Tests.HardcodedKeyInCodeAnalyzerTests;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;
using F = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInFileAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Adversary round 13 routes 1 and 5 in the analyzers: a key percent-encoded in a URL (<c>?api-key=sk%2Dproj-…</c>) or
/// wholly (<c>%73%6B%2D…</c>) in a C# literal (GRD001, at the literal) and in appsettings.json (GRD002, at the key's first
/// character); a C# literal's own <c>\u002d</c>/<c>\x2d</c> escape (the compiler decodes it) is a key too.
/// </summary>
public class SourceEscapeKeyAnalyzerTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("AnalyzerEscapeFakeKeyNotReal");

    private static string Escaped(string escape) => "sk" + escape + Key.Substring(3);

    [Fact]
    public Task A_key_percent_encoded_in_a_uri_constant_is_grd001_at_the_literal()
    {
        string source = "static class Gateway { public static readonly System.Uri Models = new System.Uri({|#0:\"https://ai-gateway.contoso.example/v1/models?api-key=" +
                        Escaped("%2D") + "\"|}); }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task A_key_wholly_percent_encoded_in_a_literal_is_grd001()
    {
        string encoded = string.Concat(Key.Select(c => "%" + ((int)c).ToString("X2")));
        string source = "static class C { public const string Token = {|#0:\"" + encoded + "\"|}; }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Theory]
    [InlineData("\\u002d")]
    [InlineData("\\x2d")]
    [InlineData("\\U0000002d")]
    public Task A_csharp_literals_own_escape_is_decoded_by_the_compiler_and_found(string escape)
    {
        string source = "static class C { public const string Token = {|#0:\"" + Escaped(escape) + "\"|}; }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task A_key_percent_encoded_in_a_url_in_appsettings_is_grd002_at_its_first_character()
    {
        string json = "{ \"Llm\": { \"Url\": \"https://ai-gateway.contoso.example/v1/chat?api-key={|#0:" + Escaped("%2D") + "|}\" } }\n";
        return F.AnalyzerAsync(test =>
        {
            test.TestCode = "class C { }";
            test.TestState.AdditionalFiles.Add(("/app/appsettings.json", json));
        }, HardcodedKeyInFileAnalyzerTests.Grd002(Key));
    }
}
