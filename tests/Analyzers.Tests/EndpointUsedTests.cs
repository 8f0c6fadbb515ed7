using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// GRD008: every AI endpoint the code uses, approved or not, once per host and file, as an info diagnostic (the
/// channel to the audit record through the compiler's error log). Same sinks and folding as GRD004.
/// </summary>
public class EndpointUsedTests
{
    private static DiagnosticResult Used(int location, string host, string reason) =>
        V.Diagnostic("GRD008").WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithArguments(host, reason);

    private static DiagnosticResult Unapproved(int location, string host, string provider, string? package) =>
        UnapprovedAiEndpointAnalyzerTests.D(location, host, provider, package);

    [Fact]
    public async Task An_approved_endpoint_is_recorded_once_per_file_and_an_unapproved_one_is_recorded_besides_GRD004()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                async Task M(HttpClient http)
                {
                    http.BaseAddress = new Uri({|#0:"https://api.groq.com/openai/v1/"|});
                    await http.GetAsync("https://api.groq.com/openai/v1/models");
                    await http.GetAsync({|#1:"https://api.anthropic.com/v1/models"|});
                    await http.GetAsync({|#2:"https://api.anthropic.com/v1/messages"|});
                }
            }
            """;
        await V.RunAsync(source, V.Policy() + "endpoint.approved=api.groq.com\n",
            Used(0, "api.groq.com", "endpoints.approved 'api.groq.com' (the policy)"),
            Used(1, "api.anthropic.com", "an endpoint of Anthropic that the policy does not approve"),
            Unapproved(1, "api.anthropic.com", "Anthropic", "Anthropic"),
            Unapproved(2, "api.anthropic.com", "Anthropic", "Anthropic"));
    }

    [Fact]
    public async Task Each_file_records_its_own_hosts_and_a_run_time_label_is_a_star()
    {
        const string first = """
            using System;
            class A { Uri U(string name) => new Uri({|#0:$"https://{name}.openai.azure.com/openai"|}); }
            """;
        const string second = """
            using System;
            class B { Uri U(string name) => new Uri({|#1:"https://" + name + ".openai.azure.com/openai"|}); }
            """;
        await V.RunAsync(new[] { first, second }, V.Policy() + "endpoint.approved=*.openai.azure.com\n",
            Used(0, "*.openai.azure.com", "endpoints.approved '*.openai.azure.com' (the policy)"),
            Used(1, "*.openai.azure.com", "endpoints.approved '*.openai.azure.com' (the policy)"));
    }

    [Fact]
    public async Task An_endpoint_in_a_configuration_file_is_recorded_at_its_value()
    {
        const string appsettings = """
            {
              "Mistral": { "Endpoint": "https://api.mistral.ai/v1" }
            }
            """;
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/app/appsettings.json", appsettings) },
            V.Policy() + "endpoint.approved=api.mistral.ai\n",
            V.Diagnostic("GRD008").WithSpan("/app/appsettings.json", 2, 28, 2, 55).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("api.mistral.ai", "endpoints.approved 'api.mistral.ai' (the policy)"));
    }

    [Fact]
    public async Task A_policy_document_among_the_configuration_files_names_endpoints_without_using_them()
    {
        const string policy = """
            { "policyFormat": "1.0", "packages": { "sdks": [ { "id": "gw", "endpointHosts": ["api.groq.com"] } ] },
              "endpoints": { "approved": ["api.mistral.ai"] } }
            """;
        await V.RunAsync(new[] { "class C { }" }, new[] { ("/repo/policy/guardrails.policy.json", policy) }, V.Policy() + "endpoint.approved=api.mistral.ai\n");
    }

    [Fact]
    public async Task A_gateway_the_policy_approves_outside_the_catalog_is_an_endpoint_the_code_reaches()
    {
        const string source = """
            using System;
            class C { Uri Gateway() => new Uri({|#0:"https://llm-gateway.contoso.example/v1"|}); }
            """;
        await V.RunAsync(source, V.Policy() + "endpoint.approved=llm-gateway.contoso.example\n",
            Used(0, "llm-gateway.contoso.example", "endpoints.approved 'llm-gateway.contoso.example' (the policy)"));
    }

    [Fact]
    public async Task Hosts_that_are_no_AI_endpoint_and_strings_that_are_no_address_record_nothing()
    {
        const string source = """
            using System;
            class C
            {
                Uri Docs() => new Uri("https://learn.microsoft.com/dotnet");
                string Note() => "see https://api.openai.com/docs for details";
                Uri Api() => new Uri({|#0:"https://api.openai.com/v1"|});
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"), Used(0, "api.openai.com", "an endpoint of OpenAI .NET SDK, approved by packages.approved 'OpenAI' (the policy)"));
    }

    [Fact]
    public async Task Without_a_policy_nothing_is_recorded()
    {
        await V.RunAsync("class C { System.Uri U() => new System.Uri(\"https://api.openai.com/v1\"); }", effectivePolicy: null);
    }
}
