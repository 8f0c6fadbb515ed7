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

    private static readonly string ApproveNothing = E2eDocuments.Policy("e2e-nothing-ai", 1);

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
            "Program.cs(7,43): error GRD004: x.openai.azure.com is an endpoint of Microsoft (Azure OpenAI), which the AI policy does not approve: ask AI Governance (ai-gov@example.test) to add \"x.openai.azure.com\" to endpoints.approved (or approve the package Azure.AI.OpenAI), or remove this address",
            StringComparison.Ordinal), result.ToString());
    }

    // Registrations with the real Microsoft.Extensions.DependencyInjection 10.0.0. Lines 9-12 take the route's client
    // (a factory handing out the Azure client as OpenAIClient, an instance); lines 13-16 and 18 make the container or
    // ActivatorUtilities call OpenAIClient's own constructor (the registered ApiKeyCredential satisfies
    // OpenAIClient(ApiKeyCredential)), line 19 creates it in a factory; line 20 resolves what is registered.
    private const string DependencyInjectionProgram = """
        using System.ClientModel;
        using Azure.AI.OpenAI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using OpenAI;

        var key = new ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? "missing");
        var services = new ServiceCollection();
        services.AddSingleton(key);
        services.AddSingleton(_ => new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key));
        services.AddSingleton<OpenAIClient>(sp => sp.GetRequiredService<AzureOpenAIClient>());
        services.AddKeyedSingleton<OpenAIClient>("instance", new AzureOpenAIClient(new Uri("https://y.openai.azure.com"), key));
        services.AddKeyedSingleton<OpenAIClient>("own");
        services.TryAddTransient<OpenAIClient>();
        services.AddScoped(typeof(OpenAIClient));
        services.TryAddSingleton(typeof(OpenAIClient));
        using var provider = services.BuildServiceProvider();
        var made = ActivatorUtilities.CreateInstance<OpenAIClient>(provider, key);
        services.AddKeyedSingleton("factory", (_, _) => new OpenAIClient(key));
        OpenAIClient routed = provider.GetRequiredService<OpenAIClient>();
        Console.WriteLine(provider.GetRequiredKeyedService<OpenAIClient>("own").GetType().Name + routed.GetType().Name + made.GetType().Name);

        """;

    [Fact]
    public void Under_the_azure_openai_route_the_di_container_creating_openais_own_client_is_reported_at_each_registration()
    {
        TestProject project = Project(RoutePolicy(), DependencyInjectionProgram, ("Azure.AI.OpenAI", "2.1.0"), ("Microsoft.Extensions.DependencyInjection", "10.0.0"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(13,10): error GRD003",
                "Program.cs(14,10): error GRD003",
                "Program.cs(15,10): error GRD003",
                "Program.cs(16,10): error GRD003",
                "Program.cs(18,31): error GRD003",
                "Program.cs(19,49): error GRD003",
            },
            Distinct(result.Output));
        Assert.Matches(new Regex("\\n\\s*6 Error\\(s\\)"), result.Output);
        Assert.True(result.Output.Contains(
            "Program.cs(13,10): error GRD003: OpenAIClient is part of OpenAI .NET SDK (NuGet package OpenAI), which the AI policy does not approve other than through route 'azure-openai'",
            StringComparison.Ordinal), result.ToString());
        Assert.DoesNotMatch(new Regex("GRD2\\d{2}"), result.Output);
    }

    // Appended to AzureProgram (adversary round 3, finding 10): OpenAI's own client (default endpoint api.openai.com)
    // through the project's one-line subclass (line 12 constructs it, line 17 its constructor calls OpenAIClient's), by
    // Activator with typeof (line 13) and through typeof(...).GetConstructor(...).Invoke (line 14).
    private const string OwnClientByStealth = """
        var viaSubclass = new Gateway(key).GetChatClient("gpt-4o");
        var raw = (OpenAIClient)Activator.CreateInstance(typeof(OpenAIClient), key)!;
        var byCtor = typeof(OpenAIClient).GetConstructor(new[] { typeof(ApiKeyCredential) })!.Invoke(new object[] { key });
        Console.WriteLine(viaSubclass.GetHashCode() + raw.GetHashCode() + byCtor.GetHashCode());

        sealed class Gateway : OpenAIClient { public Gateway(ApiKeyCredential k) : base(k) { } }
        """;

    [Fact]
    public void Under_the_azure_openai_route_openais_own_client_through_a_subclass_activator_or_its_constructor_fails_at_each_construction()
    {
        TestProject project = AzureOpenAiProject(RoutePolicy(), AzureProgram + OwnClientByStealth);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        // The Azure client and the OpenAI.Chat types it hands out (lines 7-10) stay clean.
        Assert.Equal(
            new[]
            {
                "Program.cs(12,19): error GRD003",
                "Program.cs(13,35): error GRD003",
                "Program.cs(14,35): error GRD003",
                "Program.cs(17,74): error GRD003",
            },
            Distinct(result.Output));
        Assert.Matches(new Regex("\\n\\s*4 Error\\(s\\)"), result.Output);
        Assert.True(result.Output.Contains(
            "Program.cs(13,35): error GRD003: OpenAIClient is part of OpenAI .NET SDK (NuGet package OpenAI), which the AI policy does not approve other than through route 'azure-openai' (Azure OpenAI via Azure.AI.OpenAI to *.openai.azure.com), which hands out its clients: creating or registering its own client is not part of the route",
            StringComparison.Ordinal), result.ToString());
    }

    // A library for netstandard2.0 and net10.0: net10.0 references Azure.AI.OpenAI (the route's package, which brings
    // OpenAI in), netstandard2.0 references OpenAI itself. Line 7 is compiled for net10.0 only, line 9 for netstandard2.0.
    private const string MultiTargetLibrary = """
        using OpenAI;
        using OpenAI.Chat;

        public static class Chats
        {
        #if NET
            public static ChatClient Routed(Azure.AI.OpenAI.AzureOpenAIClient azure) => azure.GetChatClient("gpt-4o");
        #else
            public static ChatClient Direct(OpenAIClient client) => client.GetChatClient("gpt-4o");
        #endif
        }

        """;

    [Fact]
    public void A_multi_targeted_project_is_judged_per_framework_where_its_frameworks_bring_the_same_sdk_through_different_chains()
    {
        TestProject project = Project(RoutePolicy(), string.Empty);
        File.Delete(project.PathOf("Program.cs"));
        project.Write("Chats.cs", MultiTargetLibrary);
        string csproj = project.PathOf(project.Name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj)
            .Replace("<OutputType>Exe</OutputType>", "<LangVersion>latest</LangVersion>", StringComparison.Ordinal)
            .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>", StringComparison.Ordinal)
            .Replace("<ImplicitUsings>enable</ImplicitUsings>", "<ImplicitUsings>disable</ImplicitUsings>", StringComparison.Ordinal)
            .Replace("  <ItemGroup>\n  </ItemGroup>", string.Empty, StringComparison.Ordinal));
        project.AddToProject("""
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="Azure.AI.OpenAI" Version="2.1.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'netstandard2.0'">
                <PackageReference Include="OpenAI" Version="2.1.0" />
              </ItemGroup>
            """);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        // The package gate judges both frameworks: OpenAI referenced directly for netstandard2.0.
        Assert.Contains("Guardrails error GRD201: Package 'OpenAI' 2.1.0 (OpenAI .NET SDK, provider OpenAI) is not an approved AI SDK in the policy", result.Output, StringComparison.Ordinal);
        Assert.Contains("It is a direct reference (netstandard2.0).", result.Output, StringComparison.Ordinal);
        // GRD003: the netstandard2.0 compilation reports its OpenAI uses (the parameter type, the call); the net10.0
        // compilation, where OpenAI comes only through the route, reports nothing (line 7 is clean).
        string[] uses = result.Output.Split('\n').Where(l => l.Contains(" GRD003: ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(uses);
        Assert.All(uses, l => Assert.Contains("Chats.cs(9,", l, StringComparison.Ordinal));
        Assert.All(uses, l => Assert.Contains("TargetFramework=netstandard2.0", l, StringComparison.Ordinal));
        Assert.Contains(uses, l => l.Contains("OpenAIClient is part of OpenAI .NET SDK", StringComparison.Ordinal));
        Assert.DoesNotContain("Chats.cs(7,", result.Output, StringComparison.Ordinal);
    }

    // The same uses in other styles: using aliases, fully qualified names, target-typed new, var. Lines 7-10 take what
    // the route hands out; lines 11-13 create OpenAI's own client, once each.
    private const string StylesProgram = """
        using System.ClientModel;
        using Azure.AI.OpenAI;
        using Chat = OpenAI.Chat.ChatClient;
        using Own = OpenAI.OpenAIClient;

        var key = new ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? "missing");
        AzureOpenAIClient azure = new(new Uri("https://x.openai.azure.com"), key);
        Chat aliased = azure.GetChatClient("gpt-4o");
        global::OpenAI.Chat.ChatClient qualified = azure.GetChatClient("gpt-4o-mini");
        var inferred = azure.GetChatClient("gpt-4.1");
        Own viaAlias = new Own(key);
        global::OpenAI.OpenAIClient viaQualified = new global::OpenAI.OpenAIClient(key);
        Own targetTyped = new(key);
        Console.WriteLine(aliased.GetHashCode() + qualified.GetHashCode() + inferred.GetHashCode() + viaAlias.GetHashCode() + viaQualified.GetHashCode() + targetTyped.GetHashCode());

        """;

    [Fact]
    public void Under_the_azure_openai_route_the_verdict_does_not_depend_on_aliases_qualified_names_target_typed_new_or_var()
    {
        TestProject project = AzureOpenAiProject(RoutePolicy(), StylesProgram);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(11,16): error GRD003",
                "Program.cs(12,44): error GRD003",
                "Program.cs(13,19): error GRD003",
            },
            Distinct(result.Output));
        Assert.True(Regex.IsMatch(result.Output, "\\n\\s*3 Error\\(s\\)"), result.ToString());
        Assert.DoesNotMatch(new Regex("GRD2\\d{2}"), result.Output);
    }

    // Anthropic via Amazon Bedrock (Anthropic.Bedrock 1.0.7, which brings in Anthropic 13.15.0). Lines 1-8 use the
    // route: the Bedrock client and the Anthropic request and response types it hands out, and a regional Bedrock
    // host. Line 9 creates Anthropic's own client, line 10 names Anthropic's public endpoint.
    private const string BedrockProgram = """
        using Anthropic;
        using Anthropic.Bedrock;
        using Anthropic.Models.Messages;

        var credentials = new AnthropicBedrockApiTokenCredentials { BearerToken = Environment.GetEnvironmentVariable("AWS_BEARER_TOKEN_BEDROCK") ?? "missing", Region = "eu-west-1" };
        AnthropicBedrockClient bedrock = new(credentials);
        var regional = new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com");
        Console.WriteLine(Ask(bedrock, null)?.GetHashCode() + regional.GetHashCode());
        var direct = new AnthropicClient();
        var publicEndpoint = new Uri("https://api.anthropic.com/v1/messages");
        Console.WriteLine(direct.GetHashCode() + publicEndpoint.GetHashCode());

        static Task<Message>? Ask(AnthropicBedrockClient client, MessageCreateParams? request) => request is null ? null : client.Messages.Create(request);

        """;

    // docs/policy.md's "Semantic Kernel with only the Azure OpenAI connector": the kernel builder and the DI container
    // get their clients from the Azure OpenAI connector by registration only (no client is created with `new`).
    private const string SemanticKernelProgram = """
        #pragma warning disable SKEXP0010 // the chat-client registrations are experimental in Semantic Kernel 1.82
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        string key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? "missing";
        IKernelBuilder builder = Kernel.CreateBuilder();
        builder.AddAzureOpenAIChatCompletion("gpt-4o", "https://contoso.openai.azure.com", key);
        Kernel kernel = builder.Build();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var services = new ServiceCollection();
        services.AddAzureOpenAIChatClient("gpt-4o", "https://contoso.openai.azure.com", key);
        services.AddAzureOpenAIChatCompletion("gpt-4o-mini", "https://contoso.openai.azure.com", key);
        Console.WriteLine(chat.GetHashCode() + services.Count);

        """;

    // Appended to SemanticKernelProgram: lines 15 and 16 register the OpenAI connector's own clients, line 17 names
    // OpenAI's public endpoint.
    private const string OpenAiConnector = """
        builder.AddOpenAIChatCompletion("gpt-4o", key);
        services.AddOpenAIChatClient("gpt-4o", key);
        var publicEndpoint = new Uri("https://api.openai.com/v1");
        Console.WriteLine(publicEndpoint);

        """;

    // Microsoft.Extensions.AI over OpenAI: a DI registration, the adapter's AsIChatClient and OpenAI's public endpoint.
    private const string ExtensionsAiProgram = """
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using OpenAI;

        string key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing";
        var services = new ServiceCollection();
        services.AddChatClient(_ => new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient()).UseFunctionInvocation();
        IChatClient adapter = new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient();
        var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") };
        Console.WriteLine(adapter.GetHashCode() + services.Count + options.GetHashCode());

        """;

    [Fact]
    public void Under_the_bedrock_route_the_bedrock_client_and_the_anthropic_types_it_hands_out_pass_and_anthropics_own_client_and_endpoint_fail_once_each()
    {
        TestProject project = Project(RoutePolicy("anthropic-bedrock"), BedrockProgram, ("Anthropic.Bedrock", "1.0.7"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(10,30): error GRD004",
                "Program.cs(9,14): error GRD003",
            },
            Distinct(result.Output));
        Assert.Matches(new Regex("\\n\\s*2 Error\\(s\\)"), result.Output);
        Assert.True(result.Output.Contains(
            "Program.cs(9,14): error GRD003: AnthropicClient is part of Anthropic C# SDK (official) (NuGet package Anthropic), which the AI policy does not approve other than through route 'anthropic-bedrock' (Anthropic via Amazon Bedrock), which hands out its clients: creating or registering its own client is not part of the route: ask AI Governance (ai-governance@contoso.example) to add { \"id\": \"Anthropic\" } to packages.approved, or remove this use",
            StringComparison.Ordinal), result.ToString());
        // Anthropic arrives only through Anthropic.Bedrock: the package gate lets it pass.
        Assert.DoesNotMatch(new Regex("GRD2\\d{2}"), result.Output);
        Assert.True(File.Exists(project.PathOf("obj/project.assets.json")) && File.ReadAllText(project.PathOf("obj/project.assets.json")).Contains("\"Anthropic/13.15.0\"", StringComparison.Ordinal), "Anthropic.Bedrock 1.0.7 should bring in Anthropic 13.15.0");
    }

    [Fact]
    public void The_semantic_kernel_azure_openai_connector_route_builds_the_documented_example_clean()
    {
        TestProject project = Project(RoutePolicy("semantic-kernel-azure-openai"), SemanticKernelProgram, ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0"));

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(new Regex("GRD\\d{3}"), result.Output);
        // The connector brings the kernel, the OpenAI connector, Azure.AI.OpenAI and OpenAI: all restored, all passed.
        foreach (string dll in new[] { "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel.Connectors.OpenAI", "Azure.AI.OpenAI", "OpenAI" })
        {
            Assert.True(File.Exists(project.PathOf("bin/Debug/net10.0/" + dll + ".dll")), dll + "\n" + result);
        }
    }

    [Fact]
    public void Under_the_semantic_kernel_azure_openai_route_registering_the_openai_connector_fails_at_each_registration_and_its_endpoint()
    {
        TestProject project = Project(RoutePolicy("semantic-kernel-azure-openai"), SemanticKernelProgram + OpenAiConnector, ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(15,9): error GRD003",
                "Program.cs(16,10): error GRD003",
                "Program.cs(17,30): error GRD004",
            },
            Distinct(result.Output));
        Assert.Matches(new Regex("\\n\\s*3 Error\\(s\\)"), result.Output);
        const string Verdict = " is part of Semantic Kernel OpenAI connector (NuGet package Microsoft.SemanticKernel.Connectors.OpenAI), which the AI policy does not approve other than through route 'semantic-kernel-azure-openai' (Semantic Kernel with only the Azure OpenAI connector), which hands out its clients: creating or registering its own client is not part of the route: ask AI Governance (ai-governance@contoso.example) to add { \"id\": \"Microsoft.SemanticKernel.Connectors.OpenAI\" } to packages.approved, or remove this use";
        Assert.True(Regex.IsMatch(result.Output, Regex.Escape("Program.cs(15,9): error GRD003: OpenAIKernelBuilderExtensions.AddOpenAIChatCompletion(") + "[^)]*\\)" + Regex.Escape(Verdict)), result.ToString());
        Assert.True(Regex.IsMatch(result.Output, Regex.Escape("Program.cs(16,10): error GRD003: OpenAIServiceCollectionExtensions.AddOpenAIChatClient(") + "[^)]*\\)" + Regex.Escape(Verdict)), result.ToString());
        Assert.DoesNotMatch(new Regex("GRD2\\d{2}"), result.Output);
    }

    [Fact]
    public void The_extensions_ai_over_openai_route_builds_a_di_registration_and_the_adapter_clean()
    {
        TestProject project = Project(RoutePolicy("extensions-ai-openai"), ExtensionsAiProgram,
            ("Microsoft.Extensions.AI.OpenAI", "10.11.0"), ("Microsoft.Extensions.AI", "10.11.0"), ("Microsoft.Extensions.DependencyInjection", "10.0.5"));

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(new Regex("GRD\\d{3}"), result.Output);
        Assert.True(File.Exists(project.PathOf("bin/Debug/net10.0/Microsoft.Extensions.AI.OpenAI.dll")), result.ToString());
    }

    // Azure OpenAI through the Microsoft.Extensions.AI adapter: Microsoft.Extensions.AI.OpenAI 10.11.0 brings in OpenAI
    // (2.14.0) as Azure.AI.OpenAI does.
    private const string AzureAdapterProgram = """
        using Azure.AI.OpenAI;
        using Microsoft.Extensions.AI;

        var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), new System.ClientModel.ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? "missing"));
        IChatClient chat = azure.GetChatClient("gpt-4o").AsIChatClient();
        Console.WriteLine(chat.GetHashCode());

        """;

    [Fact]
    public void The_azure_openai_route_does_not_pass_openai_that_the_extensions_ai_adapter_also_brings_in_until_the_route_includes_the_adapter()
    {
        (string, string)[] packages = { ("Azure.AI.OpenAI", "2.1.0"), ("Microsoft.Extensions.AI.OpenAI", "10.11.0") };
        TestProject project = Project(RoutePolicy(), AzureAdapterProgram, packages);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        int adapter = LineOf(project, "Include=\"Microsoft.Extensions.AI.OpenAI\"");
        Assert.Contains("App.csproj(" + adapter + ",5): Guardrails error GRD201: Package 'Microsoft.Extensions.AI.OpenAI' 10.11.0", result.Output, StringComparison.Ordinal);
        // OpenAI comes in through the route's Azure.AI.OpenAI and through the adapter: not only through the route.
        Assert.Matches(new Regex(Regex.Escape("App.csproj(" + adapter + ",5): Guardrails error GRD201: Package 'OpenAI' ") + "[^ ]+ .*" + Regex.Escape("It comes in transitively: Microsoft.Extensions.AI.OpenAI 10.11.0 \u2192 OpenAI ")), result.Output);
        Assert.DoesNotContain("Package 'Azure.AI.OpenAI'", result.Output, StringComparison.Ordinal);
        Assert.Contains(Distinct(result.Output), d => d.StartsWith("Program.cs(5,", StringComparison.Ordinal) && d.EndsWith("error GRD003", StringComparison.Ordinal));

        // The owner's fix the message proposes: the adapter joins the route; then OpenAI comes in only through it.
        string widened = RoutePolicy().Replace(
            "\"packages\": [ { \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" } ]",
            "\"packages\": [ { \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" }, \"Microsoft.Extensions.AI.OpenAI\" ]",
            StringComparison.Ordinal);
        Assert.NotEqual(RoutePolicy(), widened);
        TestProject approved = Project(widened, AzureAdapterProgram, packages);

        DotNet.Result clean = approved.Build();

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.DoesNotMatch(new Regex("GRD\\d{3}"), clean.Output);
    }

    [Fact]
    public void A_policy_that_approves_no_ai_sdk_fails_the_extensions_ai_project_at_each_package_and_use()
    {
        TestProject project = Project(ApproveNothing, ExtensionsAiProgram,
            ("Microsoft.Extensions.AI.OpenAI", "10.11.0"), ("Microsoft.Extensions.AI", "10.11.0"), ("Microsoft.Extensions.DependencyInjection", "10.0.5"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        int adapter = LineOf(project, "Include=\"Microsoft.Extensions.AI.OpenAI\"");
        int middleware = LineOf(project, "Include=\"Microsoft.Extensions.AI\"");
        string[] found = Distinct(result.Output);
        // Each AI package once, at the reference that brings it in (OpenAI through the adapter).
        Assert.Equal(
            new[] { adapter + " Microsoft.Extensions.AI.OpenAI", adapter + " OpenAI", middleware + " Microsoft.Extensions.AI" }.OrderBy(v => v, StringComparer.Ordinal),
            Regex.Matches(result.Output, "App\\.csproj\\((\\d+),5\\): Guardrails error GRD201: Package '([^']+)'")
                .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(v => v, StringComparer.Ordinal));
        // Each line that uses an SDK fails (the registration and its lambda, the adapter over OpenAI's client, the options
        // and their public endpoint): the verdict does not depend on the client being registered rather than assigned.
        foreach (int line in new[] { 7, 8, 9 })
        {
            Assert.Contains(found, d => d.StartsWith("Program.cs(" + line + ",", StringComparison.Ordinal) && d.EndsWith("error GRD003", StringComparison.Ordinal));
        }

        Assert.Contains("Program.cs(9,60): error GRD004", found);
    }

    [Fact]
    public void Approving_the_extensions_ai_adapter_but_not_openai_fails_each_openai_use_and_proposes_the_route()
    {
        const string AdapterOnly = """
            {
              "policyFormat": "1.0",
              "policyId": "e2e-adapter-only",
              "revision": 1,
              "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
              "packages": { "approved": [ { "id": "Microsoft.Extensions.AI" }, { "id": "Microsoft.Extensions.AI.OpenAI" } ] }
            }
            """;
        TestProject project = Project(AdapterOnly, ExtensionsAiProgram,
            ("Microsoft.Extensions.AI.OpenAI", "10.11.0"), ("Microsoft.Extensions.AI", "10.11.0"), ("Microsoft.Extensions.DependencyInjection", "10.0.5"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        int adapter = LineOf(project, "Include=\"Microsoft.Extensions.AI.OpenAI\"");
        Assert.Equal(
            new[] { adapter + " OpenAI" },
            Regex.Matches(result.Output, "App\\.csproj\\((\\d+),5\\): Guardrails error GRD201: Package '([^']+)'").Select(m => m.Groups[1].Value + " " + m.Groups[2].Value).Distinct(StringComparer.Ordinal));
        Assert.Contains("declare a route in 'routes' whose packages include 'Microsoft.Extensions.AI.OpenAI'", result.Output, StringComparison.Ordinal);
        string[] found = Distinct(result.Output);
        foreach (int line in new[] { 7, 8, 9 })
        {
            Assert.Contains(found, d => d.StartsWith("Program.cs(" + line + ",", StringComparison.Ordinal) && d.EndsWith("error GRD003", StringComparison.Ordinal));
        }

        // What the policy approves is never reported: every GRD003 names OpenAI's SDK, none the adapter or the middleware.
        var uses = Regex.Matches(result.Output, "Program\\.cs\\(\\d+,\\d+\\): error GRD003: [^\\n]*").Select(m => m.Value).ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Contains("(NuGet package OpenAI)", u, StringComparison.Ordinal));
        Assert.Contains("Program.cs(9,60): error GRD004", found);
    }

    [Fact]
    public void A_policy_that_approves_no_ai_sdk_reports_the_semantic_kernel_registrations_that_create_no_client_with_new()
    {
        TestProject project = Project(ApproveNothing, SemanticKernelProgram, ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0"));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        string[] found = Distinct(result.Output);
        foreach (string registration in new[] { "Program.cs(8,9): error GRD003", "Program.cs(12,10): error GRD003", "Program.cs(13,10): error GRD003" })
        {
            Assert.Contains(registration, found);
        }

        int line = LineOf(project, "Include=\"Microsoft.SemanticKernel.Connectors.AzureOpenAI\"");
        Assert.Contains("App.csproj(" + line + ",5): Guardrails error GRD201: Package 'Microsoft.SemanticKernel.Connectors.AzureOpenAI' 1.82.0", result.Output, StringComparison.Ordinal);
        Assert.Contains("App.csproj(" + line + ",5): Guardrails error GRD201: Package 'Microsoft.SemanticKernel.Connectors.OpenAI' 1.82.0", result.Output, StringComparison.Ordinal);
    }

    private TestProject AzureOpenAiProject(string policy, string program) => Project(policy, program, ("Azure.AI.OpenAI", "2.1.0"));

    /// <summary>A project that restores Guardrails from the feed and <paramref name="packages"/> from nuget.org, in Enforce under <paramref name="policy"/>.</summary>
    private TestProject Project(string policy, string program, params (string Id, string Version)[] packages)
    {
        TestProject project = _fixture.NewGovernedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.UseNuGetOrg();
        project.AddToProject("  <ItemGroup>\n" + string.Concat(packages.Select(p => "    <PackageReference Include=\"" + p.Id + "\" Version=\"" + p.Version + "\" />\n")) + "  </ItemGroup>");
        project.Write("Program.cs", program);
        return project;
    }

    private static string RoutePolicy(string name = "azure-openai") =>
        File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "routes", name + ".policy.json"))
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
