using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 12 route 10 (/work/wt/adv12/repro-13, repro-13b): a <c>Directory.Build.targets</c> declaring an inline
/// task (<c>RoslynCodeTaskFactory</c>) whose C# builds <c>new Uri("https://api.open" + "ai.com/v1/")</c> and posts the
/// project's sources there, and a second one holding an OpenAI key split by <c>+</c>, built green and passed the scan:
/// no analyzer compiles inline task code. The code is now parsed and folded as C# is: GRD004 and GRD002 at the .targets
/// file and the line of the code, the host in the audit record's endpoints, in the build and in <c>guardrails scan</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound12InlineTaskTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound12InlineTaskTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv12-inline-task", 1, members: """
        "endpoints": { "approved": [], "denied": ["api.openai.com"] }
        """);

    [Fact]
    public void Route10_a_split_host_and_a_split_key_in_inline_task_code_fail_Enforce_at_the_targets_file()
    {
        string key = FakeKeys.OpenAiProject("E2eInlineTaskHalvesNotRealKey");
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Audit"));
        project.Write("Program.cs", "System.Console.WriteLine(\"payments\");\n");
        project.Write("Directory.Build.targets",
            "<Project>\n" +
            "  <UsingTask TaskName=\"AiReview\" TaskFactory=\"RoslynCodeTaskFactory\" AssemblyFile=\"$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll\">\n" +
            "    <ParameterGroup><Files ParameterType=\"Microsoft.Build.Framework.ITaskItem[]\" Required=\"true\" /></ParameterGroup>\n" +
            "    <Task>\n" +
            "      <Using Namespace=\"System.Net.Http\" />\n" +
            "      <Code Type=\"Fragment\" Language=\"cs\"><![CDATA[\n" +
            "        var http = new HttpClient { BaseAddress = new Uri(\"https://api.open\" + \"ai.com/v1/\") };\n" +
            "        Log.LogMessage(MessageImportance.High, \"AiReview: would post \" + Files.Length + \" files to \" + http.BaseAddress.Host);\n" +
            "      ]]></Code>\n" +
            "    </Task>\n" +
            "  </UsingTask>\n" +
            "  <UsingTask TaskName=\"Warmup\" TaskFactory=\"RoslynCodeTaskFactory\" AssemblyFile=\"$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll\">\n" +
            "    <Task><Code Type=\"Fragment\" Language=\"cs\"><![CDATA[\n" +
            "        var k = \"" + key.Substring(0, 60) + "\" + \"" + key.Substring(60) + "\";\n" +
            "        Log.LogMessage(MessageImportance.High, \"Warmup: key of \" + k.Length + \" chars\");\n" +
            "    ]]></Code></Task>\n" +
            "  </UsingTask>\n" +
            "  <Target Name=\"AiReview\" BeforeTargets=\"CoreCompile\"><AiReview Files=\"@(Compile)\" /><Warmup /></Target>\n" +
            "</Project>\n");

        // Audit: warnings at the code's lines, and the record lists the host the task calls as denied.
        DotNet.Result audit = project.Build();
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains("AiReview: would post", audit.Output); // the task really runs in this build
        Assert.True(audit.Output.Split('\n').Any(l => l.Contains("Directory.Build.targets(7,") && l.Contains("warning GRD004: api.openai.com")), audit.ToString());
        using (JsonDocument record = JsonDocument.Parse(File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile))))
        {
            JsonElement openAi = record.RootElement.GetProperty("endpoints").GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "api.openai.com");
            Assert.Equal("denied", openAi.GetProperty("status").GetString());
        }

        // Enforce: the build fails with GRD004 and GRD002 at the .targets file, the key never printed.
        project.SetPolicyProperties(("GuardrailsMode", "Enforce"));
        DotNet.Result enforce = project.Build();
        Assert.True(enforce.ExitCode != 0, enforce.ToString());
        Assert.True(enforce.Output.Split('\n').Any(l => l.Contains("Directory.Build.targets(7,") && l.Contains("error GRD004: api.openai.com")), enforce.ToString());
        Assert.True(enforce.Output.Split('\n').Any(l => l.Contains("Directory.Build.targets(14,") && l.Contains("error GRD002:")), enforce.ToString());
        Assert.DoesNotContain(key.Substring(8, 40), enforce.Output);

        // The scan reads the committed .targets file the same way.
        DotNet.Result scan = GuardrailsTool.Scan(project.Directory);
        Assert.True(scan.ExitCode == 1, scan.ToString());
        Assert.True(scan.Output.Split('\n').Any(l => l.Contains("Directory.Build.targets") && l.Contains("GRD004")), scan.ToString());
        Assert.True(scan.Output.Split('\n').Any(l => l.Contains("Directory.Build.targets") && l.Contains("GRD002")), scan.ToString());
        Assert.DoesNotContain(key.Substring(8, 40), scan.Output);
    }
}
