namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 11 routes 4 (an F# script's <c>#r "nuget:"</c>, a Cake script's <c>#addin</c>/<c>#tool</c>) and 7 (nuget.org
/// AI SDKs the catalog did not list), in real Enforce builds of the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound11ScriptAndSdkRouteTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound11ScriptAndSdkRouteTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Route 4 (repro-4 fsx and cake): tools/ask.fsx with <c>#r "nuget: OpenAI, 2.1.0"</c> and <c>#r "nuget:Anthropic.SDK"</c>,
    /// build.cake with <c>#addin nuget:?package=OpenAI&amp;version=2.1.0</c> and <c>#tool nuget:?package=Anthropic.SDK&amp;version=5.0.0</c>,
    /// committed beside the project: the build read none of them. Now GRD201 at each directive; an approved package is not.
    /// </summary>
    [Fact]
    public void Route4_fsx_and_cake_package_directives_fail_the_Enforce_build_with_GRD201_at_their_lines()
    {
        string policy = E2eDocuments.Policy("e2e-adv11-route4", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("tools/ask.fsx", "// tools/ask.fsx: dotnet fsi tools/ask.fsx\n#r \"nuget: OpenAI, 2.1.0\"\n#r \"nuget:Anthropic.SDK\"\nopen OpenAI.Chat\n" +
            "let client = ChatClient(\"gpt-4o\", System.Environment.GetEnvironmentVariable \"OPENAI_API_KEY\")\n");
        project.Write("build.cake", "#addin nuget:?package=Azure.AI.OpenAI&version=2.1.0\n#addin nuget:?package=OpenAI&version=2.1.0\n" +
            "#tool \"nuget:?package=Anthropic.SDK&version=5.0.0\"\n#load \"./build/helpers.cake\"\n" +
            "var client = new OpenAI.Chat.ChatClient(\"gpt-4o\", EnvironmentVariable(\"OPENAI_API_KEY\"));\nTask(\"Default\");\nRunTarget(\"Default\");\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"ask\.fsx\(2,1\): Guardrails error GRD201: [^\n]*'OpenAI' 2\.1\.0[^\n]*dotnet fsi", build.Output);
        Assert.Matches(@"ask\.fsx\(3,1\): Guardrails error GRD201: [^\n]*'Anthropic\.SDK'", build.Output);
        Assert.Matches(@"build\.cake\(2,1\): Guardrails error GRD201: [^\n]*'OpenAI' 2\.1\.0[^\n]*Cake build script", build.Output);
        Assert.Matches(@"build\.cake\(3,1\): Guardrails error GRD201: [^\n]*'Anthropic\.SDK' 5\.0\.0", build.Output);
        Assert.DoesNotMatch(@"build\.cake\(1,1\)", build.Output);
    }

    /// <summary>
    /// Route 4's last part: a .NET 10 file-based app (tools/ask.cs, <c>dotnet run tools/ask.cs</c>) with <c>#:package OpenAI@2.1.0</c>
    /// was judged by <c>guardrails scan</c> only; the build of the repository's project (App/) now reads the committed .cs
    /// files outside every C# project's folder and judges their <c>#:package</c> (GRD201 at the directive); the project's
    /// own Program.cs is not read as an app.
    /// </summary>
    [Fact]
    public void Route4_a_file_based_app_s_package_directive_fails_the_Enforce_build_of_the_repository_s_project_with_GRD201()
    {
        string policy = E2eDocuments.Policy("e2e-adv11-route4-app", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string app = project.MoveProjectInto("App", string.Empty, "Console.WriteLine(\"hello\");\n");
        project.Write("tools/ask.cs", "#:package OpenAI@2.1.0\n#:package Azure.AI.OpenAI@2.1.0\nusing OpenAI.Chat;\n" +
            "var c = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));\nConsole.WriteLine(c.CompleteChat(\"hi\").Value.Content[0].Text);\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.BuildProjectFile(app);

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"ask\.cs\(1,\d+\): Guardrails error GRD201: [^\n]*'OpenAI' 2\.1\.0[^\n]*file-based app", build.Output);
        Assert.DoesNotMatch(@"ask\.cs\(2,\d+\)[^\n]*GRD201", build.Output);
    }

    /// <summary>
    /// Route 7: Sdcb.DashScope (Alibaba's Qwen through DashScope) was no catalog SDK, so a project using it got neither
    /// GRD201 nor GRD003. The mirror serves none of the route's packages, so the package is a stand-in compiled and packed
    /// here under the real id, assembly name and namespace (Sdcb.DashScope, DashScopeClient): nothing is downloaded.
    /// </summary>
    [Fact]
    public void Route7_a_dashscope_sdk_is_GRD201_and_GRD003_in_the_Enforce_build_until_the_policy_approves_it()
    {
        TestProject repo = _fixture.NewProject();
        string feed = repo.Directory + "-feed";
        string stub = repo.Directory + "-dashscope";
        Directory.CreateDirectory(stub);
        File.WriteAllText(Path.Combine(stub, "Sdcb.DashScope.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>Sdcb.DashScope</AssemblyName>
                <PackageId>Sdcb.DashScope</PackageId>
                <Version>3.0.0-e2e11</Version>
                <Nullable>disable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(stub, "DashScopeClient.cs"), """
            namespace Sdcb.DashScope
            {
                public class DashScopeClient
                {
                    public DashScopeClient(string apiKey) { ApiKey = apiKey; }
                    public string ApiKey { get; }
                    public string Chat(string model, string message) => model + message;
                }
            }
            """);
        DotNet.Result pack = DotNet.Run(stub, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "pack", Path.Combine(stub, "Sdcb.DashScope.csproj"), "-o", feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        repo.UseLocalFeed(("internal-feed", feed));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"Sdcb.DashScope\" Version=\"3.0.0-e2e11\" />\n  </ItemGroup>");
        repo.Write("Program.cs", """
            using Sdcb.DashScope;

            var qwen = new DashScopeClient(Environment.GetEnvironmentVariable("DASHSCOPE_API_KEY") ?? "");
            Console.WriteLine(qwen.Chat("qwen-max", "hi"));
            """);
        repo.Write("ai-assistants.json", E2eDocuments.MinimalManifest);
        string policy = repo.Write("policy/guardrails.policy.json", E2eDocuments.Policy("e2e-adv11-route7", 1, members: """
            "packages": { "approved": [ { "id": "OpenAI" } ] }
            """));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result failing = repo.Build();

        Assert.NotEqual(0, failing.ExitCode);
        Assert.Matches(@"Program\.cs\(3,12\): error GRD003: [^\n]*Sdcb\.DashScope", failing.Output);
        Assert.Matches(@"error GRD201: Package 'Sdcb\.DashScope' 3\.0\.0-e2e11[^\n]*Alibaba DashScope \(Qwen\)", failing.Output);

        repo.Write("policy/guardrails.policy.json", E2eDocuments.Policy("e2e-adv11-route7", 2, members: """
            "packages": { "approved": [ { "id": "OpenAI" }, { "id": "Sdcb.DashScope" } ] }
            """));
        DotNet.Result passing = repo.Build();

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("GRD003", passing.Output);
        Assert.DoesNotContain("GRD201", passing.Output);
    }
}
