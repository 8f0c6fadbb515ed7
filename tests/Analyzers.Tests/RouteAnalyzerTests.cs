using Guardrails.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiSdkAnalyzer>;
using E = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Provider routes as the analyzers see them: the effective policy carries the route and the restored packages with
/// their chains (as the build task writes them); an SDK only the route brings in may be used through the wrapper, but
/// creating or registering its own client is GRD003, and its public endpoint is still GRD004.
/// </summary>
public class RouteAnalyzerTests
{
    private static string Policy(string routeId, string description, string[] packages, string[] endpoints, params (string Id, string[] Chain)[] restored)
    {
        var p = new EffectivePolicy { HasPolicy = true, OwnerName = "AI Governance", OwnerContact = "ai-governance@contoso.example" };
        p.Routes.Add(new RouteEntry(routeId, description, packages.Select(id => new PackageEntry(id, null, null, 0)).ToArray(), endpoints, 0));
        foreach ((string id, string[] chain) in restored)
        {
            p.Packages.Add(new ResolvedPackage(id, "1.0.0", chain));
        }

        return p.Write();
    }

    private static readonly string AzureOpenAiRoute = Policy("azure-openai", "Azure OpenAI via Azure.AI.OpenAI", new[] { "Azure.AI.OpenAI" }, new[] { "*.openai.azure.com" },
        ("Azure.AI.OpenAI", new[] { "Azure.AI.OpenAI" }), ("OpenAI", new[] { "Azure.AI.OpenAI", "OpenAI" }));

    private const string ApproveOpenAi = "add { \"id\": \"OpenAI\" } to packages.approved";

    private const string Through = " other than through route 'azure-openai' (Azure OpenAI via Azure.AI.OpenAI), which hands out its clients: creating or registering its own client is not part of the route";

    [Fact]
    public async Task Azure_openai_route_allows_openai_types_from_the_wrapper_but_not_creating_openai_clients()
    {
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            class C
            {
                string Run()
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k");
                    ChatClient chat = azure.GetChatClient("gpt-4o");
                    var viaVar = azure.GetChatClient("gpt-4o-mini");
                    ChatCompletion done = chat.CompleteChat("hi");
                    object own = {|#0:new OpenAI.OpenAIClient("k")|};
                    object other = {|#1:new ChatClient("gpt-4o", "k")|};
                    return done.Content + viaVar.Model;
                }
            }
            """;
        await V.RunAsync(source, AzureOpenAiRoute,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("ChatClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi));
    }

    [Fact]
    public async Task Without_the_route_the_same_openai_uses_are_all_reported()
    {
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            class C
            {
                object Run()
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k");
                    ChatClient chat = azure.{|#0:GetChatClient("gpt-4o")|};
                    return chat;
                }
            }
            """;
        string approvedOnly = V.Policy("Azure.AI.OpenAI");
        await V.RunAsync(source, approvedOnly,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient.GetChatClient(string)", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, string.Empty, ApproveOpenAi));
    }

    [Fact]
    public async Task Under_a_policy_that_approves_nothing_a_use_through_the_azure_wrapper_proposes_the_azure_openai_route()
    {
        var p = new EffectivePolicy { HasPolicy = true, OwnerName = "AI Governance", OwnerContact = "ai-governance@contoso.example" };
        p.Packages.Add(new ResolvedPackage("Azure.AI.OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI" }));
        p.Packages.Add(new ResolvedPackage("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }));
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            class C
            {
                object Run()
                {
                    var azure = {|#0:new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k")|};
                    ChatClient chat = azure.{|#1:GetChatClient("gpt-4o")|};
                    return chat;
                }
            }
            """;
        await V.RunAsync(source, p.Write(),
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "AzureOpenAIClient", "Azure OpenAI client library", "Azure.AI.OpenAI", V.OwnerContact, string.Empty, "add { \"id\": \"Azure.AI.OpenAI\" } to packages.approved"),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "OpenAIClient.GetChatClient(string)", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, string.Empty,
                "declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { \"id\": \"azure-openai\", \"packages\": [ \"Azure.AI.OpenAI\" ] }), so 'OpenAI' 2.1.0 is allowed only through it, or add { \"id\": \"OpenAI\" } to packages.approved"));
    }

    [Fact]
    public async Task Semantic_kernel_route_allows_the_azure_connector_and_kernel_but_not_registering_the_openai_connector()
    {
        const string source = """
            using Microsoft.SemanticKernel;
            class C
            {
                Kernel Build()
                {
                    IKernelBuilder builder = Kernel.CreateBuilder();
                    builder.AddAzureOpenAIChatCompletion("deployment", "https://contoso.openai.azure.com", "key");
                    builder.{|#0:AddOpenAIChatCompletion("gpt", "key")|};
                    return builder.Build();
                }
            }
            """;
        const string sk = "Microsoft.SemanticKernel.Connectors.AzureOpenAI";
        string policy = Policy("semantic-kernel-azure-openai", null!, new[] { sk }, new[] { "*.openai.azure.com" },
            (sk, new[] { sk }),
            ("Microsoft.SemanticKernel.Connectors.OpenAI", new[] { sk, "Microsoft.SemanticKernel.Connectors.OpenAI" }),
            ("Microsoft.SemanticKernel.Core", new[] { sk, "Microsoft.SemanticKernel.Core" }),
            ("Microsoft.SemanticKernel.Abstractions", new[] { sk, "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel.Abstractions" }));
        await V.RunAsync(source, policy,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "OpenAIKernelBuilderExtensions.AddOpenAIChatCompletion(IKernelBuilder, string, string)", "Semantic Kernel OpenAI connector", "Microsoft.SemanticKernel.Connectors.OpenAI", V.OwnerContact,
                " other than through route 'semantic-kernel-azure-openai', which hands out its clients: creating or registering its own client is not part of the route",
                "add { \"id\": \"Microsoft.SemanticKernel.Connectors.OpenAI\" } to packages.approved"));
    }

    [Fact]
    public async Task The_route_approves_its_endpoints_not_the_public_endpoint_of_the_sdk_it_carries()
    {
        const string source = """
            class C
            {
                System.Uri Azure() => new System.Uri("https://contoso.openai.azure.com/openai");
                System.Uri Public() => new System.Uri({|#0:"https://api.openai.com/v1"|});
            }
            """;
        await E.RunAsync(source, AzureOpenAiRoute,
            E.Diagnostic("GRD004").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "api.openai.com", "OpenAI", E.OwnerContact, "approve the package OpenAI (or the endpoint api.openai.com)", string.Empty));
    }

    [Fact]
    public async Task A_denied_endpoint_is_reported_with_its_deny_and_without_proposing_an_approval_that_could_not_lift_it()
    {
        EffectivePolicy policy = EffectivePolicy.Read(AzureOpenAiRoute, out _)!;
        policy.ApprovedEndpoints.Add(new HostEntry("*.openai.com", null, 14));
        policy.DeniedEndpoints.Add(new HostEntry("api.openai.com", null, 15));
        const string source = """
            class C
            {
                System.Uri Azure() => new System.Uri("https://contoso.openai.azure.com/openai");
                System.Uri Public() => new System.Uri({|#0:"https://api.openai.com/v1"|});
            }
            """;
        await E.RunAsync(source, policy.Write(),
            E.Diagnostic("GRD004").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "api.openai.com", "OpenAI", E.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy line 15))"));
    }
}
