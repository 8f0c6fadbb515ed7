using System.Reflection;
using System.Reflection.Emit;
using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 12 route 3c in `guardrails scan`: a committed MSBuild file's <c>UsingTask AssemblyFile</c> that loads a
/// committed assembly of an AI SDK (here OpenAI.dll itself, committed under eng/tasks) runs it inside every build; the scan
/// judges it as the SDK's package at the UsingTask, like an inline task's Reference.
/// </summary>
public sealed class UsingTaskAssemblyScanTests
{
    [Fact]
    public void A_UsingTask_loading_a_committed_sdk_assembly_is_GRD201_at_the_element()
    {
        using var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        var sdk = new PersistedAssemblyBuilder(new AssemblyName("OpenAI"), typeof(object).Assembly);
        sdk.DefineDynamicModule("OpenAI").DefineType("OpenAI.Helpers.Nothing", TypeAttributes.Public).CreateType();
        Directory.CreateDirectory(repo.PathOf("eng/tasks"));
        sdk.Save(repo.PathOf("eng/tasks/OpenAI.dll"));
        repo.Write("Directory.Build.targets", "<Project>\n  <UsingTask TaskName=\"AiReview\" AssemblyFile=\"$(MSBuildThisFileDirectory)eng/tasks/OpenAI.dll\" />\n  <UsingTask TaskName=\"Plain\" AssemblyFile=\"$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll\" />\n</Project>\n");
        ScanTests.Git(repo.Root, "add", "-A");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        string[] grd201 = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD201")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32())
            .Distinct().ToArray();
        Assert.Equal(new[] { "Directory.Build.targets:2" }, grd201);
        Assert.Contains("UsingTask AssemblyFile", run.Out);
    }
}
