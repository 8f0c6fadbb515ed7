using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 16, session 11, in a real build of the packed package: configuration text in a multi-line interpolated raw
/// literal with no hole (<c>$"""</c> … <c>"""</c>) is judged as a raw literal's is (session 10's spot landed on the opening
/// token and judged nothing).
/// </summary>
[Collection(PackageCollection.Name)]
public class SecretsRound11Tests
{
    private readonly PackageFixture _fixture;

    public SecretsRound11Tests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_key_named_in_yaml_inside_an_interpolated_raw_literal_with_no_hole_fails_the_build_at_its_line()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.Mistral("E2eRawInterpolatedNotReal");
        project.Write("Program.cs",
            "string settings = $\"\"\"\n" +
            "    provider: mistral\n" +
            "    mistral_api_key: " + key + "\n" +
            "    \"\"\";\n" +
            "System.Console.WriteLine(settings.Length);\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Program.cs(3,22): error GRD001:", result.Output);
        Assert.DoesNotContain(key.Substring(4, 20), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
