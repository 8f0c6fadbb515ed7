using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// One language table and one <c>%XX</c> decoder in Core/Files (session 17): in a real build of the packed package
/// (Enforce), a key written with its language's escape in one of two literals the language joins (Python adjacent
/// literals, TypeScript <c>+</c>), a key in an MSBuild file both percent-encoded and cut by <c>$(Nothing)</c>, and a
/// Rakefile's Ruby escape. Before, the joins read the raw text and the escapes were decoded apart from the joins (and only
/// for extensions the escape table had), so the first two and the last were green.
/// </summary>
[Collection(PackageCollection.Name)]
public class SourceLanguageKeyTests
{
    private readonly PackageFixture _fixture;

    public SourceLanguageKeyTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_key_both_escaped_and_joined_in_a_committed_file_fails_the_enforce_build()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eSourceLanguageNotRealKey");
        string a = key.Substring(3, 57);
        string b = key.Substring(60);
        project.Write("Program.cs", "System.Console.WriteLine(\"ok\");\n");
        project.Write("tools/settings.py", "import os\n\nOPENAI_API_KEY = (\"sk\\x2d" + a + "\"\n    \"" + b + "\")\n");
        project.Write("web/client.ts", "export const k = \"sk\\u002d" + a + "\" + \"" + b + "\";\n");
        project.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <K2>sk%2D" + a + "$(Nothing)" + b + "</K2>\n  </PropertyGroup>\n</Project>\n");
        project.Write("Rakefile", "task :default do\n  KEY = \"sk\\x2d" + key.Substring(3) + "\"\nend\n");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result result = project.Build("-p:GuardrailsMode=Enforce");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Matches(@"settings\.py\(3,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"client\.ts\(1,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"Directory\.Build\.props\(3,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"Rakefile\(2,\d+\): [^\n]*error GRD002:", result.Output);
        Assert.DoesNotContain(key.Substring(10, 30), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
