using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 1, 5 and 11 in a real build of the packed package (Enforce), repro-1/5/11's content: an
/// OpenAI project key percent-encoded in a URL (<c>?api-key=sk%2Dproj-…</c>) in appsettings.json and in a C#
/// <c>static readonly Uri</c>, written with Python's <c>\x2d</c> in tools/summarise.py and Markdown's <c>&amp;#45;</c> in
/// README.md, and split inside a notebook output's <c>text</c> list. The build was green; each is now GRD001/GRD002.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13EncodedKeyTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound13EncodedKeyTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Routes_1_5_11_a_key_in_an_encoding_its_reader_undoes_fails_the_enforce_build()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eRound13EncodedNotRealKey");
        string Escaped(string escape) => "sk" + escape + key.Substring(3);
        string settings = "{ \"Llm\": { \"Url\": \"https://ai-gateway.contoso.example/v1/chat?api-key=";
        project.Write("Program.cs", "System.Console.WriteLine(Gateway.Models.Host);\n");
        project.Write("Gateway.cs", "static class Gateway { public static readonly System.Uri Models = new(\"https://ai-gateway.contoso.example/v1/models?api-key=" + Escaped("%2D") + "\"); }\n");
        project.Write("appsettings.json", settings + Escaped("%2D") + "\" } }\n");
        project.Write("tools/summarise.py", "from openai import OpenAI\n\nclient = OpenAI(api_key=\"" + Escaped("\\x2d") + "\")\n");
        project.Write("README.md", "# App\n\nKey: `" + Escaped("&#45;") + "`\n");
        project.Write("notebooks/explore.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"source\": [\"print(cfg)\\n\"],\n   \"outputs\": [\n    {\n" +
            "     \"output_type\": \"stream\",\n     \"name\": \"stdout\",\n     \"text\": [\n      \"{'key': '" + key.Substring(0, 50) + "\",\n      \"" + key.Substring(50) + "'}\\n\"\n     ]\n    }\n   ]\n  }\n ],\n" +
            " \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result result = project.Build("-p:GuardrailsMode=Enforce");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Matches(@"Gateway\.cs\(1,\d+\): [^\n]*error GRD001:[^\n]*OpenAI project API key", result.Output);
        Assert.Matches(@"appsettings\.json\(1," + (settings.Length + 1) + @"\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"summarise\.py\(3,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"README\.md\(3,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"explore\.ipynb\(12,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.DoesNotContain(key.Substring(10, 30), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
