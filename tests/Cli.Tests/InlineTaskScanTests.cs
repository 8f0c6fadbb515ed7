using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 10 route 1b (repro-1b's content): an MSBuild inline task (<c>UsingTask</c> with
/// <c>RoslynCodeTaskFactory</c>) whose <c>&lt;Reference&gt;</c> is the OpenAI SDK's assembly in the NuGet package folder,
/// or whose code uses an SDK's namespace, is compiled and run inside every build; `guardrails scan` judged neither (exit 0).
/// Each is now judged like <c>#r</c> in a script: GRD201 at the element's file and line, wherever the file lies.
/// </summary>
public sealed class InlineTaskScanTests
{
    internal const string TargetsWithPackageFolderReference = """
        <Project>
          <UsingTask TaskName="AiGen" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
            <Task>
              <Reference Include="$([MSBuild]::EnsureTrailingSlash('$(NuGetPackageRoot)'))openai/2.15.0/lib/netstandard2.0/OpenAI.dll" />
              <Code Type="Fragment" Language="cs"><![CDATA[
                var chat = new OpenAI.Chat.ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("LLM_KEY") ?? "none");
              ]]></Code>
            </Task>
          </UsingTask>
          <Target Name="Gen" BeforeTargets="CoreCompile" Condition="false"><AiGen /></Target>
        </Project>
        """;

    internal const string TargetsWithSdkNamespaceInCode = """
        <Project>
          <!-- <UsingTask TaskName="Old" TaskFactory="RoslynCodeTaskFactory"><Task><Reference Include="Mistral.SDK.dll" /></Task></UsingTask> -->
          <UsingTask TaskName="Summarize" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
            <Task>
              <Using Namespace="System" />
              <Code Type="Fragment" Language="cs">
                var client = new Anthropic.AnthropicClient();
              </Code>
            </Task>
          </UsingTask>
        </Project>
        """;

    [Fact]
    public void An_inline_task_referencing_an_SDK_assembly_or_using_its_namespace_is_GRD201_at_the_element_wherever_the_file_lies()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("Directory.Build.targets", TargetsWithPackageFolderReference);
        repo.Write("eng/summarize.targets", TargetsWithSdkNamespaceInCode);
        repo.Write("eng/plain.targets", "<Project>\n  <UsingTask TaskName=\"Hello\" TaskFactory=\"RoslynCodeTaskFactory\" AssemblyFile=\"$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll\">\n    <Task><Code Type=\"Fragment\" Language=\"cs\">Log.LogMessage(\"OpenAI is not used here\");</Code></Task>\n  </UsingTask>\n</Project>\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        string[] grd201 = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD201")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32() + ":" + f.GetProperty("level").GetString())
            .Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Directory.Build.targets:4:error", "eng/summarize.targets:6:error" }, grd201);
        Assert.Contains("inline task", run.Out);
    }

    /// <summary>
    /// Issue 12 (session 14): an <c>Exec</c> that runs an assistant in a build file imported from outside the project's
    /// folder chain (<c>&lt;Import Project="$(MSBuildThisFileDirectory)eng/$(AiFile)"/&gt;</c>, a path built from a property)
    /// was read by nothing: only the project, .props and .targets files at each level of the walk were. Every committed
    /// MSBuild file is now read as a launcher; a file without one stays silent.
    /// </summary>
    [Fact]
    public void An_Exec_that_runs_an_assistant_in_an_imported_build_file_off_the_project_s_folders_is_GRD130()
    {
        using var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("src/App/App.csproj", Documents.Project);
        repo.Write("Directory.Build.targets", "<Project>\n  <PropertyGroup><AiFile>ai.targets</AiFile></PropertyGroup>\n  <Import Project=\"$(MSBuildThisFileDirectory)eng/$(AiFile)\" />\n</Project>\n");
        repo.Write("eng/ai.targets", "<Project>\n  <Target Name=\"AiReview\" BeforeTargets=\"Build\">\n    <Exec Command=\"npx -y @google/gemini-cli --yolo -p &quot;review the diff&quot;\" ContinueOnError=\"true\" />\n  </Target>\n</Project>\n");
        repo.Write("eng/quiet.targets", "<Project>\n  <Target Name=\"Hello\"><Exec Command=\"echo hello\" /></Target>\n</Project>\n");
        ScanTests.Git(repo.Root, "add", "-A");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        string[] grd130 = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD130")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32())
            .Distinct().ToArray();
        Assert.Equal(new[] { "eng/ai.targets:3" }, grd130);
    }
}
