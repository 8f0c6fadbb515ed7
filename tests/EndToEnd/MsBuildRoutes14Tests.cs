namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 12 MSBuild routes closed in session 14, each in a real build of the packed package with the route's repository
/// content: an inline task that brings a catalog SDK into the build (adversary round 10 route 1b) and an <c>Exec</c> that
/// runs an assistant from a build file imported from outside the project's folders.
/// </summary>
[Collection(PackageCollection.Name)]
public class MsBuildRoutes14Tests
{
    private readonly PackageFixture _fixture;

    public MsBuildRoutes14Tests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// repro-1b's <c>Directory.Build.targets</c> (an inline task compiled by <c>RoslynCodeTaskFactory</c> with a
    /// <c>Reference</c> to OpenAI.dll in the NuGet package folder) and an <c>Exec</c> of the Gemini CLI in
    /// <c>eng/ai.targets</c>, imported through a path built from a property. Main: build green (neither file judged). Now:
    /// GRD201 at the Reference and GRD130 at the Exec. The targets that would run them are conditioned off, so the test
    /// downloads and runs nothing.
    /// </summary>
    [Fact]
    public void An_inline_task_referencing_OpenAI_and_an_assistant_Exec_in_an_imported_file_fail_the_Enforce_build()
    {
        string policy = E2eDocuments.Policy("e2e-msbuild14", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("Directory.Build.targets", """
            <Project>
              <UsingTask TaskName="AiGen" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
                <Task>
                  <Reference Include="$([MSBuild]::EnsureTrailingSlash('$(NuGetPackageRoot)'))openai/2.15.0/lib/netstandard2.0/OpenAI.dll" />
                  <Code Type="Fragment" Language="cs"><![CDATA[
                    var chat = new OpenAI.Chat.ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("LLM_KEY") ?? "none");
                  ]]></Code>
                </Task>
              </UsingTask>
              <Target Name="Gen" BeforeTargets="CoreCompile" Condition="'$(RunAiGen)' == 'true'"><AiGen /></Target>
              <PropertyGroup><AiFile>ai.targets</AiFile></PropertyGroup>
              <Import Project="$(MSBuildThisFileDirectory)eng/$(AiFile)" />
            </Project>
            """);
        project.Write("eng/ai.targets", "<Project>\n  <Target Name=\"AiReview\" BeforeTargets=\"Build\" Condition=\"'$(RunAiReview)' == 'true'\">\n    <Exec Command=\"npx -y @google/gemini-cli --yolo -p &quot;review the diff&quot;\" ContinueOnError=\"true\" />\n  </Target>\n</Project>\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"Directory\.Build\.targets\(4,\d+\): Guardrails error GRD201: [^\n]*OpenAI[^\n]*inline task", build.Output);
        Assert.Matches(@"ai\.targets\(3,\d+\): Guardrails (error|warning) GRD130: [^\n]*gemini", build.Output);
    }
}
