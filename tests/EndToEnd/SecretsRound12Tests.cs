using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 16, session 12, in a real build of the packed package: configuration text on the one content line of a raw
/// literal written over several lines (<c>"""</c> newline <c>mistral_api_key: …</c> newline <c>"""</c>) is judged as a
/// raw literal over several content lines is (its value has no line break, which kept it from the configuration reader).
/// </summary>
[Collection(PackageCollection.Name)]
public class SecretsRound12Tests
{
    private readonly PackageFixture _fixture;

    public SecretsRound12Tests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_key_named_on_the_one_content_line_of_a_multi_line_raw_literal_fails_the_build_at_its_line()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.Mistral("E2eOneContentLineNotReal");
        project.Write("Program.cs",
            "string settings = \"\"\"\n" +
            "    mistral_api_key: " + key + "\n" +
            "    \"\"\";\n" +
            "System.Console.WriteLine(settings.Length);\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Program.cs(2,22): error GRD001:", result.Output);
        Assert.DoesNotContain(key.Substring(4, 20), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
