namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// GRD003/GRD004 in a real build: a project uses a local stand-in for the OpenAI SDK (a class library whose assembly is
/// named OpenAI, referenced as a project: nothing is downloaded) through a type and through a raw endpoint. Under a
/// policy that approves nothing the build fails; once the policy approves the OpenAI package it passes.
/// </summary>
[Collection(PackageCollection.Name)]
public class AiSdkBuildTests
{
    private const string Manifest = """
        {
          "manifestFormat": "1.0",
          "repository": "example/e2e",
          "owner": { "team": "E2E", "contact": "e2e@example.test" },
          "assistants": []
        }
        """;

    private const string StubSdk = """
        namespace OpenAI.Chat
        {
            public class ChatClient
            {
                public ChatClient(string model, string apiKey) { Model = model; }
                public string Model { get; }
                public string CompleteChat(string message) => message;
            }
        }
        """;

    private const string Program = """
        using OpenAI.Chat;

        var client = new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
        using var http = new HttpClient { BaseAddress = new Uri("https://api.openai.com/v1/") };
        Console.WriteLine(http.BaseAddress.Host.Length + client.GetHashCode());
        """;

    private readonly PackageFixture _fixture;

    public AiSdkBuildTests(PackageFixture fixture) => _fixture = fixture;

    private static string Policy(int revision, string packages) => $$"""
        {
          "policyFormat": "1.0",
          "policyId": "e2e-sdk",
          "revision": {{revision}},
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] }{{packages}}
        }
        """;

    [Fact]
    public void An_unapproved_sdk_used_through_a_type_and_an_endpoint_fails_the_build_until_the_policy_approves_it()
    {
        TestProject project = _fixture.NewProject();
        project.Write("sdk/OpenAI/OpenAI.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>OpenAI</AssemblyName>
              </PropertyGroup>
            </Project>
            """);
        project.Write("sdk/OpenAI/ChatClient.cs", StubSdk);
        project.AddToProject("  <ItemGroup>\n    <ProjectReference Include=\"sdk/OpenAI/OpenAI.csproj\" />\n    <Compile Remove=\"sdk/**\" />\n  </ItemGroup>");
        project.Write("Program.cs", Program);
        project.Write("ai-assistants.json", Manifest);
        string policy = project.Write("policy/guardrails.policy.json", Policy(1, string.Empty));
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result failing = project.Build();

        Assert.NotEqual(0, failing.ExitCode);
        Assert.True(failing.Output.Contains("Program.cs(3,14): error GRD003: ChatClient is part of OpenAI .NET SDK (NuGet package OpenAI), which the AI policy does not approve: ask AI Governance (ai-gov@example.test) to add { \"id\": \"OpenAI\" } to packages.approved, or remove this use", StringComparison.Ordinal), failing.ToString());
        Assert.True(failing.Output.Contains("Program.cs(4,57): error GRD004: api.openai.com is an endpoint of OpenAI", StringComparison.Ordinal), failing.ToString());

        project.Write("policy/guardrails.policy.json", Policy(2, ",\n  \"packages\": { \"approved\": [ { \"id\": \"OpenAI\" } ] }"));
        DotNet.Result passing = project.Build();

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("GRD003", passing.Output);
        Assert.DoesNotContain("GRD004", passing.Output);
        Assert.Contains("package.approved=OpenAI", Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(project.PathOf(E2eDocuments.EffectivePolicyFile))));
    }

    /// <summary>
    /// The shape on which Roslyn 4.8's binder throws from GetOperation (an implicitly typed lambda with no delegate target that
    /// returns a value and a lambda: CS8917; RoslynBinderFaultTests), built by the SDK's own compiler: the file's own error,
    /// the analyzers ran (the SDK use beside it is reported), and no analyzer failed (AD0001).
    /// </summary>
    [Fact]
    public void The_shape_that_breaks_the_4_8_binder_builds_with_its_own_error_and_no_AD0001()
    {
        TestProject project = _fixture.NewProject();
        project.Write("sdk/OpenAI/OpenAI.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>OpenAI</AssemblyName>
              </PropertyGroup>
            </Project>
            """);
        project.Write("sdk/OpenAI/ChatClient.cs", StubSdk);
        project.AddToProject("  <ItemGroup>\n    <ProjectReference Include=\"sdk/OpenAI/OpenAI.csproj\" />\n    <Compile Remove=\"sdk/**\" />\n  </ItemGroup>");
        project.Write("Program.cs", """
            using OpenAI.Chat;

            var client = new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
            var factory = state =>
            {
                if (state.Done) return null;
                return () => state.Client.CompleteChat("https://api.openai.com/v1/");
            };
            """);
        project.Write("ai-assistants.json", Manifest);
        string policy = project.Write("policy/guardrails.policy.json", Policy(1, string.Empty));
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.Output.Contains("Program.cs(4,15): error CS8917", StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains("Program.cs(3,14): error GRD003: ChatClient is part of OpenAI .NET SDK", StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
