using System.Text.RegularExpressions;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Provider routes against the REAL AI SDK packages: the projects restore Guardrails from the temporary feed and
/// Azure.AI.OpenAI 2.1.0 (which brings in OpenAI and System.ClientModel) from nuget.org, into the fixture's private
/// NUGET_PACKAGES folder, which every test of the collection shares (the SDKs download once per run). Each test is one
/// real restore and build in Enforce, with the policy of samples/policy/routes/azure-openai.policy.json or one that
/// approves nothing; the assertions name the exact diagnostic, file, line and column.
/// </summary>
[Collection(PackageCollection.Name)]
public class RealSdkRouteBuildTests
{
    private const string Manifest = """
        {
          "manifestFormat": "1.0",
          "repository": "example/e2e",
          "owner": { "team": "E2E", "contact": "e2e@example.test" },
          "assistants": []
        }
        """;

    // Lines are counted by the assertions below: keep them in place.
    private const string AzureProgram = """
        using System.ClientModel;
        using Azure.AI.OpenAI;
        using OpenAI;
        using OpenAI.Chat;

        var key = new ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? "missing");
        var azure = new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key);
        ChatClient chat = azure.GetChatClient("gpt-4o");
        var viaVar = azure.GetChatClient("gpt-4o-mini");
        ChatClient viaClient = ((OpenAIClient)azure).GetChatClient("gpt-4.1");
        Console.WriteLine(chat.GetHashCode() + viaVar.GetHashCode() + viaClient.GetHashCode());

        """;

    // Appended to AzureProgram: line 12 creates OpenAI's own client, line 13 names its public endpoint.
    private const string OwnClient = """
        var own = new OpenAIClient(key);
        var publicEndpoint = new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") };
        Console.WriteLine(own.GetHashCode() + publicEndpoint.GetHashCode());

        """;

    private const string ApproveNothing = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-nothing-ai",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] }
        }
        """;

    private readonly PackageFixture _fixture;

    public RealSdkRouteBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_azure_openai_route_builds_a_project_that_gets_its_chat_clients_from_azure_openai_clean()
    {
        TestProject project = AzureOpenAiProject(RoutePolicy(), AzureProgram);

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(new Regex("GRD\\d{3}"), result.Output);
        Assert.True(File.Exists(project.PathOf("bin/Debug/net10.0/Azure.AI.OpenAI.dll")), result.ToString());
        Assert.True(File.Exists(project.PathOf("bin/Debug/net10.0/OpenAI.dll")), result.ToString());
    }

    [Fact]
    public void Under_the_azure_openai_route_creating_openais_own_client_and_naming_its_public_endpoint_fail_once_each()
    {
        TestProject project = AzureOpenAiProject(RoutePolicy(), AzureProgram + OwnClient);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(12,11): error GRD003",
                "Program.cs(13,67): error GRD004",
            },
            Distinct(result.Output));
        // One diagnostic per use: MSBuild counts every error it logged (it repeats them in its summary).
        Assert.Matches(new Regex("\\n\\s*2 Error\\(s\\)"), result.Output);
        Assert.True(result.Output.Contains(
            "Program.cs(12,11): error GRD003: OpenAIClient is part of OpenAI .NET SDK (NuGet package OpenAI), which the AI policy does not approve other than through route 'azure-openai' (Azure OpenAI via Azure.AI.OpenAI to *.openai.azure.com), which hands out its clients: creating or registering its own client is not part of the route: ask AI Governance (ai-governance@contoso.example) to add { \"id\": \"OpenAI\" } to packages.approved, or remove this use",
            StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains(
            "Program.cs(13,67): error GRD004: api.openai.com is an endpoint of OpenAI, which the AI policy does not approve (endpoints.denied 'api.openai.com' (guardrails.policy.json line 15)): ask AI Governance (ai-governance@contoso.example) to lift that deny, or remove this address",
            StringComparison.Ordinal), result.ToString());
        // OpenAI arrives only through Azure.AI.OpenAI: the package gate lets it pass.
        Assert.DoesNotMatch(new Regex("GRD2\\d{2}"), result.Output);
    }

    [Fact]
    public void A_policy_that_approves_no_ai_sdk_fails_the_same_project_at_the_package_reference_and_at_each_use()
    {
        TestProject project = AzureOpenAiProject(ApproveNothing, AzureProgram);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        int line = LineOf(project, "Include=\"Azure.AI.OpenAI\"");
        Assert.Equal(
            new[]
            {
                "App.csproj(" + line + ",5): Guardrails error GRD201",
                "Program.cs(10,46): error GRD003",
                "Program.cs(7,13): error GRD003",
                "Program.cs(7,43): error GRD004",
                "Program.cs(8,25): error GRD003",
                "Program.cs(9,20): error GRD003",
            },
            Distinct(result.Output));
        // Two GRD201 at the reference (Azure.AI.OpenAI, and OpenAI through it) and one diagnostic per use: the cast
        // and the call on it in `((OpenAIClient)azure).GetChatClient(…)` are one use, reported at the call.
        Assert.Matches(new Regex("\\n\\s*7 Error\\(s\\)"), result.Output);
        Assert.True(result.Output.Contains(
            "App.csproj(" + line + ",5): Guardrails error GRD201: Package 'Azure.AI.OpenAI' 2.1.0 (Azure OpenAI client library, provider Microsoft (Azure OpenAI)) is not an approved AI SDK in the policy 'e2e-nothing-ai'. It is a direct reference (net10.0). To approve it, ask AI Governance (ai-gov@example.test) to add { \"id\": \"Azure.AI.OpenAI\" } to packages.approved; or remove the reference.",
            StringComparison.Ordinal), result.ToString());
        // The OpenAI package Azure.AI.OpenAI brings in is reported at the same reference, with its chain.
        Assert.True(result.Output.Contains(
            "App.csproj(" + line + ",5): Guardrails error GRD201: Package 'OpenAI' 2.1.0 (OpenAI .NET SDK, provider OpenAI) is not an approved AI SDK in the policy 'e2e-nothing-ai'. It comes in transitively: Azure.AI.OpenAI 2.1.0 \u2192 OpenAI 2.1.0 (net10.0).",
            StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains(
            "Program.cs(7,13): error GRD003: AzureOpenAIClient is part of Azure OpenAI client library (NuGet package Azure.AI.OpenAI), which the AI policy does not approve: ask AI Governance (ai-gov@example.test) to add { \"id\": \"Azure.AI.OpenAI\" } to packages.approved, or remove this use",
            StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains(
            "Program.cs(10,46): error GRD003: OpenAIClient.GetChatClient(string) is part of OpenAI .NET SDK (NuGet package OpenAI), which the AI policy does not approve: ask AI Governance (ai-gov@example.test) to declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { \"id\": \"azure-openai\", \"packages\": [ \"Azure.AI.OpenAI\" ] }), so 'OpenAI' 2.1.0 is allowed only through it, or add { \"id\": \"OpenAI\" } to packages.approved, or remove this use",
            StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains(
            "Program.cs(7,43): error GRD004: x.openai.azure.com is an endpoint of Microsoft (Azure OpenAI), which the AI policy does not approve: ask AI Governance (ai-gov@example.test) to approve the package Azure.AI.OpenAI (or the endpoint x.openai.azure.com), or remove this address",
            StringComparison.Ordinal), result.ToString());
    }

    private TestProject AzureOpenAiProject(string policy, string program)
    {
        TestProject project = _fixture.NewProject();
        project.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="guardrails-test-feed" value="{_fixture.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        project.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"Azure.AI.OpenAI\" Version=\"2.1.0\" />\n  </ItemGroup>");
        project.Write("Program.cs", program);
        project.Write("ai-assistants.json", Manifest);
        string path = project.Write("policy/guardrails.policy.json", policy);
        project.SetProperties(("GuardrailsPolicyPath", path), ("GuardrailsMode", "Enforce"));
        return project;
    }

    private static string RoutePolicy() =>
        File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "routes", "azure-openai.policy.json"))
            .Replace("\"$schema\": \"../../../schemas/guardrails.policy.schema.json\",", string.Empty, StringComparison.Ordinal);

    private static int LineOf(TestProject project, string text) =>
        Array.FindIndex(File.ReadAllLines(project.PathOf(project.Name + ".csproj")), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    /// <summary>Each distinct "file(line,col): error GRDnnn" once (MSBuild repeats errors in its summary).</summary>
    private static string[] Distinct(string output) =>
        Regex.Matches(output, "[^/\\\\\\s]+\\(\\d+,\\d+\\): (?:Guardrails )?(?:error|warning) GRD\\d{3}")
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToArray();
}
