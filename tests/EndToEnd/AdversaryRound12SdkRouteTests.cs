namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 12 route 1 (an approved package id, the policy's own gateway SDK from packages.sdks, whose assembly is
/// the OpenAI SDK renamed) and route 3 (the OpenAI SDK inside a package's build folders: beside a source generator in
/// analyzers/, referenced by an MSBuild task in build/; and a committed OpenAI.dll given to the compiler as an Analyzer
/// item), in real Enforce builds of the packed package. The SDK is a stand-in compiled here (OpenAI's assembly name,
/// namespaces and client types): nothing is downloaded.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound12SdkRouteTests
{
    private const string Manifest = """
        {
          "manifestFormat": "1.0",
          "repository": "example/e2e",
          "owner": { "team": "E2E", "contact": "e2e@example.test" },
          "assistants": []
        }
        """;

    private const string OpenAiStandIn = """
        namespace OpenAI
        {
            public class OpenAIClient { public OpenAIClient(string apiKey) { } }
        }
        namespace OpenAI.Chat
        {
            public class ChatClient
            {
                public ChatClient(string model, string apiKey) { Model = model; }
                public string Model { get; }
            }
        }
        """;

    private readonly PackageFixture _fixture;

    public AdversaryRound12SdkRouteTests(PackageFixture fixture) => _fixture = fixture;

    private static string Policy(int revision, string approved, string sdks = "") => $$"""
        {
          "policyFormat": "1.0",
          "policyId": "e2e-adv12-sdk",
          "revision": {{revision}},
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "packages": { "approved": [ {{approved}} ]{{sdks}} }
        }
        """;

    /// <summary>Compiles <paramref name="projects"/> (folder name, csproj text, C# source) under <paramref name="root"/> and returns the output folder of the last one.</summary>
    private string Compile(string root, params (string Name, string Project, string Source)[] projects)
    {
        foreach ((string name, string project, string source) in projects)
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            File.WriteAllText(Path.Combine(root, name, name + ".csproj"), project);
            File.WriteAllText(Path.Combine(root, name, "Code.cs"), source);
        }

        string last = projects[^1].Name;
        string output = Path.Combine(root, "out");
        DotNet.Result build = DotNet.Run(root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", Path.Combine(root, last, last + ".csproj"), "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, build.ToString());
        return output;
    }

    private static string Library(string assemblyName, string extra = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <AssemblyName>{assemblyName}</AssemblyName>
            <Nullable>disable</Nullable>
          </PropertyGroup>{extra}
        </Project>
        """;

    [Fact]
    public void The_policys_own_gateway_id_approved_in_packages_sdks_whose_assembly_is_openai_renamed_is_GRD201_and_GRD003()
    {
        TestProject repo = _fixture.NewProject();
        string stub = repo.Directory + "-gateway";
        string output = Compile(stub, ("Gateway", Library("Contoso.AiGateway.Client"), OpenAiStandIn));
        string feed = repo.Directory + "-feed";
        TestPackages.Write(feed, "Contoso.AiGateway.Client", "3.0.0",
            new[] { ("lib/net10.0/Contoso.AiGateway.Client.dll", File.ReadAllBytes(Path.Combine(output, "Contoso.AiGateway.Client.dll"))) });

        repo.UseLocalFeed(("internal-feed", feed));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"Contoso.AiGateway.Client\" Version=\"3.0.0\" />\n  </ItemGroup>");
        repo.Write("Program.cs", """
            using OpenAI.Chat;

            var chat = new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("LLM_KEY") ?? "x");
            Console.WriteLine(chat.Model);
            """);
        repo.Write("ai-assistants.json", Manifest);
        string policy = repo.Write("policy/guardrails.policy.json", Policy(1, "{ \"id\": \"Contoso.AiGateway.Client\" }",
            ",\n    \"sdks\": [ { \"id\": \"contoso-ai-gateway\", \"provider\": \"Contoso\", \"packageIds\": [\"Contoso.AiGateway.Client\"], \"assemblies\": [\"Contoso.AiGateway.Client\"], \"namespaces\": [\"Contoso.AiGateway\"], \"endpointHosts\": [\"ai-gateway.contoso.example\"] } ]"));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result result = repo.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.Output.Contains("error GRD201: Package 'Contoso.AiGateway.Client' 3.0.0 (it carries the OpenAI .NET SDK, provider OpenAI: assembly Contoso.AiGateway.Client declares OpenAI.", StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains("not the OpenAI .NET SDK its assembly declares", StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains("Program.cs(3,12): error GRD003: ChatClient is part of OpenAI .NET SDK", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public void The_openai_sdk_in_a_packages_analyzers_folder_and_an_msbuild_task_referencing_it_are_GRD201_until_the_policy_approves_them()
    {
        TestProject repo = _fixture.NewProject();
        string stub = repo.Directory + "-sdk";
        string output = Compile(stub,
            ("OpenAI", Library("OpenAI"), OpenAiStandIn),
            ("Acme.BuildTasks", Library("Acme.BuildTasks", "\n  <ItemGroup><ProjectReference Include=\"../OpenAI/OpenAI.csproj\" /></ItemGroup>"),
                "namespace Acme.BuildTasks { public class AiReview { public string Review() => new OpenAI.Chat.ChatClient(\"gpt-4o\", \"x\").Model; } }"));
        string feed = repo.PathOf("eng/feed");
        TestPackages.Write(feed, "Acme.Codegen", "1.0.0",
            new[] { ("analyzers/dotnet/cs/OpenAI.dll", File.ReadAllBytes(Path.Combine(output, "OpenAI.dll"))) }, developmentDependency: true);
        TestPackages.Write(feed, "Acme.BuildTasks", "1.0.0", new[]
        {
            ("build/Acme.BuildTasks.dll", File.ReadAllBytes(Path.Combine(output, "Acme.BuildTasks.dll"))),
            ("build/Acme.BuildTasks.targets", System.Text.Encoding.UTF8.GetBytes("<Project />")),
        }, developmentDependency: true);

        repo.UseLocalFeed(("repository-feed", feed));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"Acme.Codegen\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n    <PackageReference Include=\"Acme.BuildTasks\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>");
        repo.Write("Program.cs", "Console.WriteLine(\"hello\");\n");
        repo.Write("ai-assistants.json", Manifest);
        string policy = repo.Write("policy/guardrails.policy.json", Policy(1, "{ \"id\": \"OpenAI\" }"));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result failing = repo.Build();

        Assert.NotEqual(0, failing.ExitCode);
        Assert.True(failing.Output.Contains("error GRD201: Package 'Acme.Codegen' 1.0.0 (it carries the OpenAI .NET SDK, provider OpenAI", StringComparison.Ordinal) &&
                    failing.Output.Contains("analyzers/dotnet/cs/OpenAI.dll is the SDK's assembly OpenAI (it runs in the build", StringComparison.Ordinal), failing.ToString());
        Assert.True(failing.Output.Contains("error GRD201: Package 'Acme.BuildTasks' 1.0.0 (it carries the OpenAI .NET SDK, provider OpenAI", StringComparison.Ordinal) &&
                    failing.Output.Contains("build/Acme.BuildTasks.dll references the SDK's assembly OpenAI", StringComparison.Ordinal), failing.ToString());

        repo.Write("policy/guardrails.policy.json", Policy(2, "{ \"id\": \"OpenAI\" }, { \"id\": \"Acme.Codegen\" }, { \"id\": \"Acme.BuildTasks\" }"));
        DotNet.Result passing = repo.Build();

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("GRD201", passing.Output);
        string record = File.ReadAllText(repo.PathOf(E2eDocuments.AuditRecordFile));
        Assert.Contains("analyzers/dotnet/cs/OpenAI.dll", record);
        Assert.Contains("build/Acme.BuildTasks.dll", record);
    }

    [Fact]
    public void A_committed_openai_dll_given_to_the_compiler_as_an_Analyzer_item_is_GRD201_at_the_item_until_the_policy_approves_openai()
    {
        TestProject repo = _fixture.NewProject();
        string output = Compile(repo.Directory + "-sdk", ("OpenAI", Library("OpenAI"), OpenAiStandIn));
        Directory.CreateDirectory(repo.PathOf("eng/analyzers"));
        File.Copy(Path.Combine(output, "OpenAI.dll"), repo.PathOf("eng/analyzers/OpenAI.dll"));
        repo.AddToProject("  <ItemGroup>\n    <Analyzer Include=\"eng/analyzers/*.dll\" />\n  </ItemGroup>");
        repo.Write("Program.cs", "Console.WriteLine(\"hello\");\n");
        repo.Write("ai-assistants.json", Manifest);
        string policy = repo.Write("policy/guardrails.policy.json", Policy(1, "{ \"id\": \"Anthropic\" }"));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result failing = repo.Build();

        Assert.NotEqual(0, failing.ExitCode);
        Assert.True(failing.Output.Contains(repo.Name + ".csproj(", StringComparison.Ordinal) &&
                    failing.Output.Contains("error GRD201: The compiler loads " + repo.PathOf("eng/analyzers/OpenAI.dll") + " as an analyzer or source generator (an Analyzer item), and OpenAI.dll is the SDK's assembly OpenAI", StringComparison.Ordinal), failing.ToString());

        repo.Write("policy/guardrails.policy.json", Policy(2, "{ \"id\": \"Anthropic\" }, { \"id\": \"OpenAI\" }"));
        DotNet.Result passing = repo.Build();

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("GRD201", passing.Output);
    }

    [Fact]
    public void A_committed_msbuild_task_compiled_against_openai_loaded_by_UsingTask_AssemblyFile_is_GRD201_at_the_UsingTask()
    {
        TestProject repo = _fixture.NewProject();
        string output = Compile(repo.Directory + "-sdk",
            ("OpenAI", Library("OpenAI"), OpenAiStandIn),
            ("Acme.BuildTasks", Library("Acme.BuildTasks", "\n  <ItemGroup><ProjectReference Include=\"../OpenAI/OpenAI.csproj\" /></ItemGroup>"),
                "namespace Acme.BuildTasks { public class AiReview { public string Review() => new OpenAI.Chat.ChatClient(\"gpt-4o\", \"x\").Model; } }"));
        Directory.CreateDirectory(repo.PathOf("eng/tasks"));
        File.Copy(Path.Combine(output, "Acme.BuildTasks.dll"), repo.PathOf("eng/tasks/Acme.BuildTasks.dll"));
        repo.Write("Directory.Build.targets", """
            <Project>
              <UsingTask TaskName="Acme.BuildTasks.AiReview" AssemblyFile="$(MSBuildThisFileDirectory)eng/tasks/Acme.BuildTasks.dll" />
            </Project>
            """);
        repo.Write("Program.cs", "Console.WriteLine(\"hello\");\n");
        repo.Write("ai-assistants.json", Manifest);
        string policy = repo.Write("policy/guardrails.policy.json", Policy(1, "{ \"id\": \"Anthropic\" }"));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        Git.CommitAll(repo.Directory, force: true);

        DotNet.Result build = repo.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"Directory\.Build\.targets\(2,\d+\): [^\n]*error GRD201: [^\n]*OpenAI[^\n]*UsingTask AssemblyFile[^\n]*eng/tasks/Acme\.BuildTasks\.dll references the SDK's assembly OpenAI", build.Output);
    }
}
