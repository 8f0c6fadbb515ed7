using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis.CSharp;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>What GRD001's raw-text pass (<see cref="SourceSpots"/>) leaves for the syntax tree to look at: spots that cannot find anything cost a token lookup each.</summary>
public class SourceSpotsTests
{
    private static SourceSpots Spots(string source) =>
        SourceSpots.Compute(CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)), CancellationToken.None);

    [Fact]
    public void An_interpolated_raw_literal_with_a_hole_is_no_multi_line_spot()
    {
        // Its pieces are judged only with the whole value, never as configuration text: a spot there judged nothing.
        string source =
            "class C {\n" +
            "  string A(int id) => $$\"\"\"\n    { \"id\": {{id}}, \"apiVersion\": \"2024-10-21\" }\n    \"\"\";\n" +
            "  string B(int id) => $\"\"\"\n    id: {id}\n    mode: {{literal}}\n    \"\"\";\n" +
            "}\n";
        Assert.Empty(Spots(source).MultiLineLiterals);
    }

    [Fact]
    public void Interpolated_raw_literals_with_no_hole_and_verbatim_ones_keep_their_spot()
    {
        // $$"""…{…}…""": one brace is text when two open a hole; @$"…": its end is not looked for on the text.
        string source =
            "class C {\n" +
            "  string A => $$\"\"\"\n    { \"id\": 1 }\n    \"\"\";\n" +
            "  string B(int id) => @$\"\n    id: {id}\";\n" +
            "}\n";
        Assert.Equal(2, Spots(source).MultiLineLiterals.Count);
    }

    [Fact]
    public async Task A_key_in_a_piece_of_an_interpolated_raw_literal_is_still_reported()
    {
        string key = FakeKeys.OpenAiProject();
        string source =
            "class C {\n" +
            "  string A(int id) => $\"\"\"\n    id: {id}\n    key: {|#0:" + key + "|}\n    \"\"\";\n" + // ($$ is a caret in test markup)
            "}\n";
        await V.AnalyzerAsync(source, expected: HardcodedKeyInCodeAnalyzerTests.Grd001(key));
    }
}
