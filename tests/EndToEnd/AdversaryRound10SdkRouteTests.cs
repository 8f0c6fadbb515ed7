namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 10 route 2 (the OpenAI SDK republished under another package id and assembly name, Acme.Http, from a
/// feed the build trusts) and route 1b (a PackageDownload of a catalog SDK), in real builds of the packed package. The
/// renamed SDK is a stand-in compiled and packed here (assembly and package Acme.Http, OpenAI's namespaces and client
/// types): nothing is downloaded.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound10SdkRouteTests
{
    private const string Manifest = """
        {
          "manifestFormat": "1.0",
          "repository": "example/e2e",
          "owner": { "team": "E2E", "contact": "e2e@example.test" },
          "assistants": []
        }
        """;

    private const string RenamedSdk = """
        namespace OpenAI
        {
            public class OpenAIClient { public OpenAIClient(string apiKey) { } public OpenAI.Chat.ChatClient GetChatClient(string model) => new OpenAI.Chat.ChatClient(model, ""); }
        }
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

    private readonly PackageFixture _fixture;

    public AdversaryRound10SdkRouteTests(PackageFixture fixture) => _fixture = fixture;

    private static string Policy(int revision, string approved) => $$"""
        {
          "policyFormat": "1.0",
          "policyId": "e2e-adv10-sdk",
          "revision": {{revision}},
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "packages": { "approved": [ {{approved}} ] }
        }
        """;

    [Fact]
    public void The_openai_sdk_republished_as_Acme_Http_is_GRD003_and_GRD201_although_the_policy_approves_OpenAI_until_it_approves_Acme_Http()
    {
        TestProject repo = _fixture.NewProject();
        string feed = repo.Directory + "-feed";
        string stub = repo.Directory + "-acme";
        Directory.CreateDirectory(stub);
        File.WriteAllText(Path.Combine(stub, "Acme.Http.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>Acme.Http</AssemblyName>
                <PackageId>Acme.Http</PackageId>
                <Version>1.0.0</Version>
                <Nullable>disable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(stub, "OpenAI.cs"), RenamedSdk);
        DotNet.Result pack = DotNet.Run(stub, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "pack", Path.Combine(stub, "Acme.Http.csproj"), "-o", feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        repo.UseLocalFeed(("internal-feed", feed));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"Acme.Http\" Version=\"1.0.0\" />\n  </ItemGroup>");
        repo.Write("Program.cs", """
            using OpenAI.Chat;

            var chat = new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("LLM_KEY") ?? "");
            Console.WriteLine(chat.Model);
            """);
        repo.Write("ai-assistants.json", Manifest);
        string policy = repo.Write("policy/guardrails.policy.json", Policy(1, "{ \"id\": \"OpenAI\" }"));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result failing = repo.Build();

        Assert.NotEqual(0, failing.ExitCode);
        Assert.True(failing.Output.Contains("Program.cs(3,12): error GRD003: ChatClient is part of OpenAI .NET SDK (NuGet package Acme.Http), which the AI policy does not approve ('Acme.Http' carries the OpenAI .NET SDK under another package id and assembly name (assembly Acme.Http declares OpenAI.OpenAIClient); an approval of 'OpenAI' does not cover it)", StringComparison.Ordinal), failing.ToString());
        Assert.True(failing.Output.Contains("error GRD201: Package 'Acme.Http' 1.0.0 (it carries the OpenAI .NET SDK, provider OpenAI, under another package id and assembly name: assembly Acme.Http declares OpenAI.OpenAIClient", StringComparison.Ordinal), failing.ToString());

        repo.Write("policy/guardrails.policy.json", Policy(2, "{ \"id\": \"OpenAI\" }, { \"id\": \"Acme.Http\" }"));
        DotNet.Result passing = repo.Build();

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("GRD003", passing.Output);
        Assert.DoesNotContain("GRD201", passing.Output);
        string record = File.ReadAllText(repo.PathOf(E2eDocuments.AuditRecordFile));
        Assert.Contains("Acme.Http", record);
        Assert.Contains("carries the OpenAI .NET SDK", record);
    }

    [Fact]
    public void A_PackageDownload_of_a_catalog_sdk_is_GRD201_at_the_PackageDownload()
    {
        TestProject repo = _fixture.NewProject();
        string feed = repo.PathOf("eng/feed");
        TestPackages.Write(feed, "OpenAI", "2.99.0-e2e10", ("lib/netstandard2.0/readme.txt", "a stand-in of the OpenAI package"));
        repo.UseLocalFeed(("repository-feed", feed));
        repo.AddToProject("  <ItemGroup>\n    <PackageDownload Include=\"OpenAI\" Version=\"[2.99.0-e2e10]\" />\n  </ItemGroup>");
        repo.Write("ai-assistants.json", Manifest);
        string policy = repo.Write("policy/guardrails.policy.json", Policy(1, "{ \"id\": \"Anthropic\" }"));
        repo.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));

        DotNet.Result result = repo.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.Output.Contains(repo.Name + ".csproj(", StringComparison.Ordinal) &&
                    result.Output.Contains("error GRD201: Package 'OpenAI' 2.99.0-e2e10 (OpenAI .NET SDK, provider OpenAI) is not an approved AI SDK in the policy 'e2e-adv10-sdk'. It is downloaded by a PackageDownload", StringComparison.Ordinal), result.ToString());
    }
}
