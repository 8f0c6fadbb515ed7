using System.Text;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 16, session 16 (the fourth corpus's misses), in a real build of the packed package: an OpenAI key as the Basic
/// credentials of an Authorization header added as text, as a char array's range read by <c>new string(chars, 0, n)</c>,
/// and as <c>StringBuilder.AppendJoin</c> pieces. Each fails the build with GRD001 at its line; the build was green before.
/// </summary>
[Collection(PackageCollection.Name)]
public class SecretsSession16Tests
{
    private readonly PackageFixture _fixture;

    public SecretsSession16Tests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Basic_credentials_a_char_array_range_and_AppendJoin_pieces_fail_the_build_at_their_lines()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eSession16NotRealKey");
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + key));
        string chars = string.Join(", ", key.Select(c => "'" + c + "'"));
        project.Write("Program.cs",
            "using System.Net.Http;\n" +
            "using System.Text;\n" +
            "var http = new HttpClient();\n" +
            "http.DefaultRequestHeaders.Add(\"Authorization\", \"Basic " + basic + "\");\n" +
            "var fromChars = new string(new char[] { " + chars + ", '!' }, 0, " + key.Length + ");\n" +
            "var joined = new StringBuilder().AppendJoin(\"\", \"" + key.Substring(0, 70) + "\", \"" + key.Substring(70) + "\").ToString();\n" +
            "System.Console.WriteLine(fromChars == joined);\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Program\.cs\(4,\d+\): error GRD001:", result.Output);
        Assert.Matches(@"Program\.cs\(5,\d+\): error GRD001:", result.Output);
        Assert.Matches(@"Program\.cs\(6,\d+\): error GRD001:", result.Output);
        Assert.DoesNotContain(key.Substring(8, 40), result.Output);
        Assert.DoesNotContain(basic.Substring(8, 40), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
