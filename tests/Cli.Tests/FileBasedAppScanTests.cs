using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 6 #14: a committed .NET 10 file-based app (`dotnet run tool.cs`) is built by no project of the
/// repository, so nothing judged its <c>#:package</c> and <c>#:property</c> directives. `guardrails scan` (the documented
/// CI gate's scan) judges it as the project it stands in for.
/// </summary>
public sealed class FileBasedAppScanTests
{
    private static JsonElement[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static CliRun Scan(TempRepo repo) =>
        CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

    [Fact]
    public void A_file_based_app_s_package_and_property_directives_are_judged_at_their_lines()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        string key = FakeKeys.OpenAiProject("FileBasedAppFakeKeyNotReal");
        repo.Write("tools/tool.cs",
            "#!/usr/bin/env dotnet\n" +
            "#:package OpenAI@2.1.0\n" +
            "#:property GuardrailsMode=Audit\n" +
            "#:property NoWarn=GRD001;GRD003\n" +
            "#:property RunAnalyzers=false\n" +
            "#:property GuardrailsScanFiles=false\n" +
            "#:package Azure.AI.OpenAI@2.1.0\n" +
            "var client = new OpenAI.OpenAIClient(\"" + key + "\");\n");

        CliRun run = Scan(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(key, run.Out + run.Err);
        JsonElement[] all = Findings(run);
        JsonElement[] app = all.Where(f => f.GetProperty("file").GetString() == "tools/tool.cs").ToArray();
        (string Rule, int Line)[] got = app.Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("line").GetInt32())).ToArray();
        Assert.Contains(("GRD201", 2), got); // OpenAI is not approved; Azure.AI.OpenAI 2.1.0 is
        Assert.DoesNotContain(got, g => g.Rule == "GRD201" && g.Line == 7);
        Assert.Contains(got, g => g.Rule == "GRD307"); // the mode lowered outside the central location
        Assert.Contains(got, g => g.Rule == "GRD304"); // NoWarn of a Guardrails id
        Assert.Contains(got, g => g.Rule == "GRD310"); // a scan switch off
        Assert.Contains(("GRD316", 5), got); // RunAnalyzers=false
        Assert.Contains(("GRD001", 8), got); // the key, as in any C# file
        Assert.All(app.Where(f => f.GetProperty("rule").GetString() != "GRD001"), f => Assert.Equal("error", f.GetProperty("level").GetString()));
    }

    [Fact]
    public void A_file_based_app_with_approved_directives_only_and_plain_csharp_files_add_nothing()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("App/Program.cs", "// A comment that mentions #:package OpenAI@2.1.0 is no directive.\nclass P { }\n");
        repo.Write("tools/tool.cs", "#!/usr/bin/env dotnet\n#:package Azure.AI.OpenAI@2.1.0\n#:property LangVersion=preview\nSystem.Console.WriteLine(1);\n");

        CliRun run = Scan(repo);

        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.DoesNotContain(Findings(run), f => f.GetProperty("level").GetString() == "error");
    }
}
