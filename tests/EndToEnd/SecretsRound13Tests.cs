using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 9, route 3 (session 13), in a real build of the packed package: an OpenAI key written as two literals
/// that meet only through a source method's parameters, a record's positional parameters, a tuple field or a static array
/// that is not <c>readonly</c> (the repro's Program.cs, cut where the adversary cut it: after 60 characters). Each spelling
/// fails the build with GRD001 at the line of its literals; the build was green with 0 warnings before.
/// </summary>
[Collection(PackageCollection.Name)]
public class SecretsRound13Tests
{
    private readonly PackageFixture _fixture;

    public SecretsRound13Tests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Key_halves_joined_through_a_method_a_record_a_tuple_and_an_array_fail_the_build_at_their_lines()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eRoute3HalvesNotRealKey");
        string head = "\"" + key.Substring(0, 60) + "\"", tail = "\"" + key.Substring(60) + "\"";
        project.Write("Program.cs",
            "var viaHelper = Join(" + head + ", " + tail + ");\n" +
            "var viaRecord = new Cfg(" + head + ", " + tail + ").Key;\n" +
            "var viaTuple = Parts.T.Item1 + Parts.T.Item2;\n" +
            "var viaArray = Arr.P[0] + Arr.P[1];\n" +
            "System.Console.WriteLine(viaHelper == viaRecord && viaRecord == viaTuple && viaTuple == viaArray);\n" +
            "static string Join(string a, string b) => a + b;\n" +
            "record Cfg(string A, string B) { public string Key => A + B; }\n" +
            "static class Parts { public static (string, string) T = (" + head + ", " + tail + "); }\n" +
            "static class Arr { public static string[] P = { " + head + ", " + tail + " }; }\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Program.cs(1,22): error GRD001:", result.Output);
        Assert.Contains("Program.cs(2,25): error GRD001:", result.Output);
        Assert.Contains("Program.cs(8," + ("static class Parts { public static (string, string) T = (".Length + 1) + "): error GRD001:", result.Output);
        Assert.Contains("Program.cs(9," + ("static class Arr { public static string[] P = { ".Length + 1) + "): error GRD001:", result.Output);
        Assert.DoesNotContain(key.Substring(8, 40), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }

    /// <summary>
    /// Issue 16 leftover of session 12: the interpolated raw literal with one content line and no hole (<c>$"""</c> newline
    /// <c>mistral_api_key: …</c> newline <c>"""</c>) is configuration text, as the plain one is (the build was green before).
    /// </summary>
    [Fact]
    public void A_key_named_on_the_one_content_line_of_an_interpolated_raw_literal_fails_the_build_at_its_line()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.Mistral("E2eInterpolatedOneLineNotReal");
        project.Write("Program.cs",
            "string settings = $\"\"\"\n" +
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
