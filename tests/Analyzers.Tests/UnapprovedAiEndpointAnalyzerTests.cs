using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;

namespace Guardrails.Analyzers.Tests;

public class UnapprovedAiEndpointAnalyzerTests
{
    private static readonly string NothingApproved = V.Policy();

    private const string Config = """
        interface IConfig
        {
            string this[string key] { get; }
            T GetValue<T>(string key, T defaultValue);
        }
        """;

    internal static DiagnosticResult D(int location, string host, string provider, string? package, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        V.Diagnostic("GRD004").WithLocation(location).WithSeverity(severity).WithArguments(
            host,
            provider,
            V.OwnerContact,
            "add \"" + host + "\" to endpoints.approved" + (package != null ? " (or approve the package " + package + ")" : string.Empty),
            string.Empty);

    [Fact]
    public async Task HttpClient_base_addresses_and_request_uris_are_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                async Task M(HttpClient http)
                {
                    http.BaseAddress = new Uri({|#0:"https://api.openai.com/v1/"|});
                    await http.GetAsync({|#1:"https://api.anthropic.com/v1/models"|});
                    await http.PostAsync({|#2:"https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent"|}, null);
                    var request = new HttpRequestMessage(HttpMethod.Post, {|#3:"https://api.mistral.ai/v1/chat/completions"|});
                    await http.SendAsync(request);
                    await http.GetStringAsync({|#4:"https://api.groq.com/openai/v1/models"|});
                    await http.DeleteAsync(new Uri({|#5:"wss://api.openai.com/v1/realtime"|}));
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "api.anthropic.com", "Anthropic", "Anthropic"),
            D(2, "generativelanguage.googleapis.com", "Google (Gemini / Vertex AI)", "Google.GenAI"),
            D(3, "api.mistral.ai", "Mistral AI", "Mistral.SDK"),
            D(4, "api.groq.com", "Groq", null),
            D(5, "api.openai.com", "OpenAI", "OpenAI"));
    }

    /// <summary>
    /// Adversary round 4 #9 ('ep2'): the host HttpClient connects to is the one .NET's Uri computes (IdnHost), so IDN full
    /// stops, full-width letters and a scheme-relative reference resolved against another base all reach api.openai.com.
    /// </summary>
    [Fact]
    public async Task Hosts_written_with_IDN_full_stops_full_width_letters_or_as_a_scheme_relative_reference_are_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            class C
            {
                HttpRequestMessage M()
                {
                    var e3 = new Uri({|#0:"https://api\u3002openai\u3002com/v1/chat/completions"|});
                    var e4 = new Uri({|#1:"https://\uFF41\uFF50\uFF49.openai.com/v1/chat/completions"|});
                    var e5 = new Uri(new Uri("https://example.org/"), {|#2:"//api.openai.com/v1/chat/completions"|});
                    var e6 = new Uri({|#3:"https://api.anthropic\uFF0Ecom/v1/messages"|});
                    var e7 = new Uri("https://example.org/v1/chat/completions");
                    return new HttpRequestMessage(HttpMethod.Post, e3);
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "api.openai.com", "OpenAI", "OpenAI"),
            D(2, "api.openai.com", "OpenAI", "OpenAI"),
            D(3, "api.anthropic.com", "Anthropic", "Anthropic"));
    }

    [Fact]
    public async Task Values_are_constant_folded_and_run_time_parts_stand_for_one_label()
    {
        const string source = """
            using System;
            class C
            {
                const string Domain = "anthropic.com";
                const string Scheme = "https://";
                Uri A() => new Uri({|#0:Scheme + "api." + Domain + "/v1"|});
                Uri B(string resource) => new Uri({|#1:$"https://{resource}.openai.azure.com/openai/deployments/gpt/chat/completions"|});
                Uri D(string region) => new Uri({|#2:"https://bedrock-runtime." + region + ".amazonaws.com/model/x/converse"|});
                Uri E(string path) => new Uri({|#3:$"{Scheme}api.cohere.com/{path}"|});
                Uri F(string baseUrl) => new Uri($"{baseUrl}/v1/chat/completions");
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.anthropic.com", "Anthropic", "Anthropic"),
            D(1, "*.openai.azure.com", "Microsoft (Azure OpenAI)", "Azure.AI.OpenAI"),
            D(2, "bedrock-runtime.*.amazonaws.com", "AWS (Bedrock)", "AWSSDK.BedrockRuntime"),
            D(3, "api.cohere.com", "Cohere", "Cohere"));
    }

    [Fact]
    public async Task A_host_split_across_constants_is_folded_though_no_literal_names_a_domain()
    {
        // No literal holds an endpoint domain: the scheme followed by a constant or a hole is where the host is built.
        const string source = """
            using System;
            class C
            {
                const string H = "api.open";
                const string Scheme = "https://";
                const string Anthro = "api.anthro";
                Uri A() => new Uri({|#0:"https://" + H + "ai.com/v1"|});
                Uri B() => new Uri({|#1:$"https://{H}ai.com/v1"|});
                Uri D() => new Uri({|#2:Scheme + Anthro + "pic.com/v1/messages"|});
                Uri E() => new Uri("https://" + H + "ai.example/v1");
                Uri F(string host) => new Uri("https://" + host + "/v1");
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "api.openai.com", "OpenAI", "OpenAI"),
            D(2, "api.anthropic.com", "Anthropic", "Anthropic"));
    }

    [Fact]
    public async Task Configuration_defaults_and_address_named_members_are_reported()
    {
        const string source = """
            using System.Collections.Generic;
            class Options
            {
                public string Endpoint { get; set; } = {|#0:"https://api.openai.com/v1"|};
                public const string AnthropicBaseUrl = {|#1:"https://api.anthropic.com"|};
                public string ApiUrl => {|#2:"https://api.deepseek.com"|};
                public string GetHost() { return {|#3:"api.x.ai"|}; }
            }
            class C
            {
                string A(IConfig config) => config["OpenAI:Endpoint"] ?? {|#4:"https://api.openai.com/v1"|};
                string B(IConfig config) => config.GetValue("Mistral:Url", {|#5:"https://api.mistral.ai"|});
                Dictionary<string, string> D() => new Dictionary<string, string> { ["Groq:Endpoint"] = {|#6:"https://api.groq.com/openai/v1"|}, ["Groq:Model"] = "llama" };
                void E(string baseUrl = {|#7:"https://api.together.xyz/v1"|}) { }
                void F()
                {
                    var endpoint = {|#8:"https://openrouter.ai/api/v1"|};
                    Options o = new Options { Endpoint = {|#9:"https://api.perplexity.ai"|} };
                }
                System.Uri G() => new System.Uri(Options.AnthropicBaseUrl);
            }
            """;
        await V.RunAsync(new[] { source, Config }, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "api.anthropic.com", "Anthropic", "Anthropic"),
            D(2, "api.deepseek.com", "DeepSeek", null),
            D(3, "api.x.ai", "xAI", null),
            D(4, "api.openai.com", "OpenAI", "OpenAI"),
            D(5, "api.mistral.ai", "Mistral AI", "Mistral.SDK"),
            D(6, "api.groq.com", "Groq", null),
            D(7, "api.together.xyz", "Together AI", null),
            D(8, "openrouter.ai", "OpenRouter", null),
            D(9, "api.perplexity.ai", "Perplexity", null));
    }

    [Fact]
    public async Task Text_that_is_not_an_address_and_look_alike_hosts_are_left_alone()
    {
        const string source = """
            using System;
            class C
            {
                void M()
                {
                    Console.WriteLine("Calling https://api.openai.com/v1 now");
                    var a = new Uri("https://api.openai.com.evil.example/v1");
                    var b = new Uri("https://openai.com/pricing");
                    var d = new Uri("http://localhost:11434/api/chat");
                    var e = new Uri("https://example.com/openai.azure.com");
                    var f = new Uri("https://myapi-openai.com");
                    string url = null;
                }
            }
            """;
        await V.RunAsync(source, NothingApproved);
    }

    [Fact]
    public async Task An_approved_sdk_approves_its_endpoints_but_not_another_provider_behind_its_client()
    {
        const string source = """
            using System;
            class C
            {
                object A() => new OpenAI.OpenAIClient("k", new OpenAI.OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") });
                object B() => new OpenAI.OpenAIClient("k", new OpenAI.OpenAIClientOptions { Endpoint = new Uri({|#0:"https://api.groq.com/openai/v1"|}) });
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"), D(0, "api.groq.com", "Groq", null));
    }

    [Fact]
    public async Task Endpoint_approved_lines_approve_hosts_by_pattern()
    {
        const string source = """
            using System;
            class C
            {
                Uri A() => new Uri("https://contoso-eastus.OpenAI.Azure.com/openai");
                Uri B() => new Uri("https://api.groq.com/openai/v1");
                Uri D() => new Uri({|#0:"HTTPS://API.OPENAI.COM/v1"|});
            }
            """;
        await V.RunAsync(source, V.Policy() + "endpoint.approved=*.openai.azure.com\nendpoint.approved=api.groq.com\n",
            D(0, "api.openai.com", "OpenAI", "OpenAI")); // the host as the record spells it (lower case), whatever the source's case
    }

    [Fact]
    public async Task No_effective_policy_or_policy_false_keeps_the_rule_silent()
    {
        const string source = "class C { System.Uri U() => new System.Uri(\"https://api.openai.com/v1\"); }";
        await V.RunAsync(source, effectivePolicy: null);
        await V.RunAsync(source, "mode=Enforce\npolicy=false\n");
    }

    [Fact]
    public async Task Only_the_host_is_shown_never_the_query_string()
    {
        string source = "class C { System.Uri U() => new System.Uri({|#0:\"https://generativelanguage.googleapis.com/v1/models?key=NotRealFakeKey" + "123\"|}); }";
        await V.RunAsync(source, NothingApproved,
            D(0, "generativelanguage.googleapis.com", "Google (Gemini / Vertex AI)", "Google.GenAI"));
    }

    [Fact]
    public async Task Audit_mode_reports_warnings()
    {
        await V.RunAsync(
            "class C { System.Uri U() => new System.Uri({|#0:\"https://api.anthropic.com\"|}); }",
            V.Policy().Replace("mode=Enforce", "mode=Audit"),
            D(0, "api.anthropic.com", "Anthropic", "Anthropic", DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task A_waived_endpoint_stays_visible_as_a_warning_naming_the_waiver_and_a_host_pattern_waives_as_endpoints_approve()
    {
        const string source = """
            class C
            {
                System.Uri A() => new System.Uri({|#0:"https://api.anthropic.com/v1"|});
                System.Uri B() => new System.Uri({|#1:"https://codestral.mistral.ai/v1"|});
                System.Uri G() => new System.Uri({|#2:"https://api.groq.com/openai/v1"|});
            }
            """;
        Guardrails.Core.Policy.EffectivePolicy p = Guardrails.Core.Policy.EffectivePolicy.Read(Guardrails.Tests.Shared.EffectivePolicyText.Json(NothingApproved), out _)!;
        p.Waivers.Add(new Guardrails.Core.Policy.WaiverEntry("W-ANT", "GRD004", "api.anthropic.com", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), "li", "pilot", 30));
        p.Waivers.Add(new Guardrails.Core.Policy.WaiverEntry("W-MIS", "GRD004", "*.mistral.ai", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), "li", "eval", 31));
        p.Waivers.Add(new Guardrails.Core.Policy.WaiverEntry("W-OLD", "GRD004", "api.groq.com", DateTimeOffset.UtcNow.AddDays(-1), "li", "over", 32));
        await V.RunAsync(source, p.Write(),
            D(0, "api.anthropic.com", "Anthropic", "Anthropic", DiagnosticSeverity.Warning).WithArguments(
                "api.anthropic.com", "Anthropic", V.OwnerContact, "add \"api.anthropic.com\" to endpoints.approved (or approve the package Anthropic)", ", waived by 'W-ANT' (pilot, approved by li) until 2099-12-31"),
            D(1, "codestral.mistral.ai", "Mistral AI", "Mistral.SDK", DiagnosticSeverity.Warning).WithArguments(
                "codestral.mistral.ai", "Mistral AI", V.OwnerContact, "add \"codestral.mistral.ai\" to endpoints.approved (or approve the package Mistral.SDK)", ", waived by 'W-MIS' (eval, approved by li) until 2099-12-31"),
            D(2, "api.groq.com", "Groq", null));
    }

    [Fact]
    public async Task Generated_code_is_still_usage()
    {
        const string source = """
            // <auto-generated/>
            class G { System.Uri U() => new System.Uri({|#0:"https://api.anthropic.com"|}); }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "api.anthropic.com", "Anthropic", "Anthropic"));
    }

    [Fact]
    public async Task Hosts_of_policy_defined_sdks_are_endpoints_until_approved()
    {
        const string custom = "sdk.custom=contoso-gateway|Contoso AI Gateway|Contoso.AI.Gateway|Contoso.Internal.AiGateway|Contoso.AI.Gateway|*.ai.contoso.example\n";
        const string source = "class C { System.Uri U() => new System.Uri(\"https://eu.ai.contoso.example/v1\"); }";
        await V.RunAsync(source.Replace("\"https", "{|#0:\"https").Replace("v1\")", "v1\"|})"), V.Policy() + custom,
            D(0, "eu.ai.contoso.example", "Contoso AI Gateway", "Contoso.AI.Gateway"));
        await V.RunAsync(source, V.Policy("Contoso.AI.Gateway") + custom);
    }

    [Fact]
    public async Task A_host_held_by_a_constant_chain_across_files_is_reported_where_it_is_used_as_an_address()
    {
        // Each constant is reported where it is declared (a whole address or host), the use that makes another one at its use.
        const string hosts = "static class Hosts { public const string Anthropic = {|#1:\"api.anthropic.com\"|}; }";
        const string roots = "static class Roots { public const string Anthropic = {|#2:\"https://\" + Hosts.Anthropic|}; }";
        const string source = """
            using System;
            class C
            {
                Uri M() => new Uri({|#0:Roots.Anthropic + "/v1/messages"|});
                string Label() => Roots.Anthropic + " (docs)";
            }
            """;
        await V.RunAsync(new[] { source, hosts, roots }, NothingApproved,
            D(0, "api.anthropic.com", "Anthropic", "Anthropic"), D(1, "api.anthropic.com", "Anthropic", "Anthropic"), D(2, "api.anthropic.com", "Anthropic", "Anthropic"));
    }

    [Fact]
    public async Task Lambdas_and_local_functions_return_for_the_member_they_are_written_in()
    {
        const string source = """
            using System;
            class C
            {
                Func<string> EndpointFactory = () => {|#0:"https://api.anthropic.com"|};
                string BaseUrl()
                {
                    string Local() => {|#1:"https://api.openai.com/v1"|};
                    return Local();
                }
                string Greeting() { Func<string> f = () => {|#2:"https://api.openai.com/v1"|}; return f(); }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.anthropic.com", "Anthropic", "Anthropic"),
            D(1, "api.openai.com", "OpenAI", "OpenAI"),
            D(2, "api.openai.com", "OpenAI", "OpenAI")); // a whole constant, wherever it is written (adversary round 9 route 2)
    }

    [Fact]
    public async Task More_endpoint_constants_than_are_searched_by_name_are_still_followed()
    {
        var source = new System.Text.StringBuilder("using System;\nclass C\n{\n");
        for (int i = 0; i < 70; i++)
        {
            // Not an endpoint alone (openai.com is the provider's website): only the use makes one.
            source.Append("    const string H").Append(i).Append(" = \"openai.com/v").Append(i).Append("\";\n");
        }

        source.Append("    Uri M() => new Uri({|#0:\"https://api.\" + H69|});\n}\n");
        await V.RunAsync(source.ToString(), NothingApproved, D(0, "api.openai.com", "OpenAI", "OpenAI"));
    }

    [Fact]
    public async Task A_hole_that_only_looks_like_a_run_time_value_is_still_folded_by_the_compiler()
    {
        // `Options Options`: the parameter is named like its type, so `Options.Api` is the type's constant; `resource` is
        // a parameter and `this.Region` a field, both run-time values that stand for one host label.
        const string source = """
            using System;
            class Options { public const string Api = {|#4:"api.openai.com"|}; }
            class C
            {
                string Region = "eastus";
                Uri A(Options Options) => new Uri({|#0:$"https://{Options.Api}/v1"|});
                Uri B(string resource) => new Uri({|#1:$"https://{resource}.openai.azure.com/openai"|});
                Uri D() => new Uri({|#2:$"https://bedrock-runtime.{this.Region}.amazonaws.com"|});
                Uri E(string resource) => new Uri($"https://{resource}.example.com/openai.azure.com");
                Uri F(string path) => new Uri(({|#3:"https://api.groq.com/" + (path)|}));
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "*.openai.azure.com", "Microsoft (Azure OpenAI)", "Azure.AI.OpenAI"),
            D(2, "bedrock-runtime.*.amazonaws.com", "AWS (Bedrock)", "AWSSDK.BedrockRuntime"),
            D(3, "api.groq.com", "Groq", null),
            D(4, "api.openai.com", "OpenAI", "OpenAI")); // a whole constant: reported where it is declared, wherever that is
        await V.RunAsync(source.Replace("{|#1:", string.Empty).Replace("openai\"|}", "openai\"").Replace("{|#0:", string.Empty).Replace("/v1\"|}", "/v1\"")
                .Replace("{|#4:", string.Empty).Replace("openai.com\"|}", "openai.com\""),
            V.Policy("OpenAI") + "endpoint.approved=*.openai.azure.com\n",
            D(2, "bedrock-runtime.*.amazonaws.com", "AWS (Bedrock)", "AWSSDK.BedrockRuntime"),
            D(3, "api.groq.com", "Groq", null));
    }

    [Fact]
    public async Task A_policy_sdk_host_with_a_wildcard_in_its_domain_is_still_found()
    {
        // "ai-gateway.*" has no fixed domain to search the text for: every dotted string becomes a candidate.
        const string custom = "sdk.custom=contoso-gateway|Contoso AI Gateway|Contoso.AI.Gateway|Contoso.Internal.AiGateway|Contoso.AI.Gateway|ai-gateway.*\n";
        const string source = """
            using System;
            class C
            {
                Uri A() => new Uri({|#0:"https://ai-gateway.internal/v1"|});
                Uri B() => new Uri("https://intranet.internal/v1");
            }
            """;
        await V.RunAsync(source, V.Policy() + custom, D(0, "ai-gateway.internal", "Contoso AI Gateway", "Contoso.AI.Gateway"));
    }

    [Fact]
    public async Task A_run_time_hole_is_shown_as_a_star_and_only_a_pattern_approves_it()
    {
        const string source = """
            using System;
            class C
            {
                Uri A(string region) => new Uri({|#0:$"https://{region}-aiplatform.googleapis.com/v1/projects/p"|});
                Uri B(string resource) => new Uri({|#1:"https://" + resource + ".openai.azure.com/openai"|});
            }
            """;

        // A literal host is not every region: approving one leaves the holed host reported.
        await V.RunAsync(new[] { source }, V.Policy() + "endpoint.approved=x-aiplatform.googleapis.com\nendpoint.approved=contoso.openai.azure.com\n",
            D(0, "*-aiplatform.googleapis.com", "Google (Gemini / Vertex AI)", "Google.GenAI"),
            D(1, "*.openai.azure.com", "Microsoft (Azure OpenAI)", "Azure.AI.OpenAI"));

        // A pattern says "every region" explicitly.
        await V.RunAsync(new[] { source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty) },
            V.Policy() + "endpoint.approved=*-aiplatform.googleapis.com\nendpoint.approved=*.openai.azure.com\n");
    }

    [Fact]
    public async Task Arms_elements_and_string_builders_reach_the_address_they_are_used_as()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            class C
            {
                Uri Switch(string provider) => new Uri(provider switch
                {
                    "openai" => {|#0:"https://api.openai.com/v1"|},
                    "groq" => {|#1:"https://api.groq.com/openai/v1"|},
                    _ => "https://localhost:11434",
                });
                Uri Conditional(bool eu) => new Uri(eu ? {|#2:"https://api.mistral.ai"|} : "https://intranet.example");
                string[] Endpoints = [{|#3:"https://api.deepseek.com"|}, "https://intranet.example"];
                string[] FallbackUrls = new[] { {|#4:"https://api.x.ai"|} };
                List<string> BaseUrls = new List<string> { {|#5:"https://api.together.xyz"|} };
                Dictionary<string, string> Settings = new Dictionary<string, string> { { "Cohere:Endpoint", {|#6:"https://api.cohere.com"|} }, { "Cohere:Model", "command" } };
                Uri Concat(string path) => new Uri({|#7:string.Concat("https://", "api.anthropic.com", "/v1/", path)|});
                Uri Format(string resource) => new Uri({|#8:string.Format("https://{0}.openai.azure.com/openai", resource)|});
                string[] Labels = ["https://api.openai.com is documented here"];
                string Describe(bool b) => b ? {|#9:"https://api.openai.com/v1"|} : "none";
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "api.groq.com", "Groq", null),
            D(2, "api.mistral.ai", "Mistral AI", "Mistral.SDK"),
            D(3, "api.deepseek.com", "DeepSeek", null),
            D(4, "api.x.ai", "xAI", null),
            D(5, "api.together.xyz", "Together AI", null),
            D(6, "api.cohere.com", "Cohere", "Cohere"),
            D(7, "api.anthropic.com", "Anthropic", "Anthropic"),
            D(8, "*.openai.azure.com", "Microsoft (Azure OpenAI)", "Azure.AI.OpenAI"),
            D(9, "api.openai.com", "OpenAI", "OpenAI")); // a whole constant, wherever it is written (adversary round 9 route 2)
    }

    [Fact]
    public async Task UriBuilder_HttpRequestMessage_BaseAddress_and_named_HttpClient_registrations_are_addresses()
    {
        const string source = """
            using System;
            using System.Net.Http;
            interface IServices { IServices AddHttpClient(string name, Action<HttpClient> configure); }
            class C
            {
                Uri A() => new UriBuilder("https", {|#0:"api.openai.com"|}).Uri;
                Uri B() => new UriBuilder { Scheme = "https", Host = {|#1:"api.anthropic.com"|} }.Uri;
                HttpRequestMessage D() => new HttpRequestMessage { Method = HttpMethod.Post, RequestUri = new Uri({|#2:"https://api.mistral.ai/v1/chat/completions"|}) };
                void E(HttpClient http) => http.BaseAddress = new Uri({|#3:"https://api.groq.com/openai/v1/"|});
                void F(IServices services)
                {
                    services.AddHttpClient("deepseek", c => c.BaseAddress = new Uri({|#4:"https://api.deepseek.com"|}));
                    services.AddHttpClient("xai", c => { c.BaseAddress = new Uri({|#5:"https://api.x.ai/v1"|}); });
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "api.openai.com", "OpenAI", "OpenAI"),
            D(1, "api.anthropic.com", "Anthropic", "Anthropic"),
            D(2, "api.mistral.ai", "Mistral AI", "Mistral.SDK"),
            D(3, "api.groq.com", "Groq", null),
            D(4, "api.deepseek.com", "DeepSeek", null),
            D(5, "api.x.ai", "xAI", null));
    }

    [Fact]
    public async Task Pages_and_files_of_a_providers_website_are_not_endpoints_but_its_api_on_the_same_host_is()
    {
        // A model hub and a provider's site share the host with an API (real code: a local-inference app that downloads
        // models from the hub and links licence and model-library pages). Only the API paths are endpoints.
        const string source = """
            using System;
            class C
            {
                internal const string BaseUrl = "https://huggingface.co";
                public const string HubApiUrl = "https://huggingface.co/api";
                public string LicenseUrl { get; set; } = "https://huggingface.co/datasets/some-org/licenses/blob/main/mit.md";
                Uri Model(string org, string repo) => new Uri($"{BaseUrl}/{org}/{repo}/resolve/main/model.onnx");
                Uri Tree(string org, string repo) => new Uri($"https://huggingface.co/{org}/{repo}/tree/main");
                Uri Page(string name) => new Uri($"https://ollama.com/library/{name}");
                string DetailsUrl => "https://ollama.com/search?q=phi";
                Uri Proxy() => new Uri({|#0:"https://huggingface.co/api/inference-proxy/together/v1/chat/completions"|});
                Uri Cloud() => new Uri({|#1:"https://ollama.com"|});
                Uri Chat() => new Uri({|#2:"https://ollama.com:443/api/chat"|});
                Uri Compat(string path) => new Uri({|#3:$"https://ollama.com/{path}"|});
                Uri Router() => new Uri({|#4:"https://router.huggingface.co/v1/chat/completions"|});
                Uri Folded() => new Uri({|#5:"https://huggingface\u3002co/some-org/some-model/resolve/main/model.onnx"|});
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "huggingface.co", "Hugging Face", "HuggingFace"),
            D(1, "ollama.com", "Ollama (local or ollama.com)", "OllamaSharp"),
            D(2, "ollama.com", "Ollama (local or ollama.com)", "OllamaSharp"),
            D(3, "ollama.com", "Ollama (local or ollama.com)", "OllamaSharp"),
            D(4, "router.huggingface.co", "Hugging Face", "HuggingFace"),
            D(5, "huggingface.co", "Hugging Face", "HuggingFace"));
    }

    [Fact]
    public async Task Website_pages_in_configuration_files_are_not_endpoints()
    {
        const string appsettings = """
            { "Models": { "DownloadUrl": "https://huggingface.co/some-org/some-model/resolve/main/model.onnx", "Endpoint": "https://ollama.com/api" } }
            """;
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/app/appsettings.json", appsettings) },
            NothingApproved,
            V.Diagnostic("GRD004").WithSpan("/app/appsettings.json", 1, 112, 1, 136).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("ollama.com", "Ollama (local or ollama.com)", V.OwnerContact, "add \"ollama.com\" to endpoints.approved (or approve the package OllamaSharp)", string.Empty));
    }

    [Fact]
    public async Task Endpoints_in_configuration_files_are_reported_in_the_file()
    {
        const string appsettings = """
            {
              // comments are allowed, as in appsettings.json
              "OpenAI": { "Endpoint": "https://api.openai.com/v1", "Model": "gpt-4o" },
              "Groq": { "BaseUrl": "https://api.groq.com/openai/v1" },
              "Fallbacks": { "Endpoints": [ "https://api.mistral.ai", "https://intranet.example" ] },
              "Docs": "https://platform.openai.com/docs/api-reference",
              "Azure": { "Endpoint": "https://contoso.openai.azure.com/" },
            }
            """;
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/app/appsettings.Development.json", appsettings) },
            V.Policy() + "endpoint.approved=*.openai.azure.com\n",
            V.Diagnostic("GRD004").WithSpan("/app/appsettings.Development.json", 3, 27, 3, 54).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("api.openai.com", "OpenAI", V.OwnerContact, "add \"api.openai.com\" to endpoints.approved (or approve the package OpenAI)", string.Empty),
            V.Diagnostic("GRD004").WithSpan("/app/appsettings.Development.json", 4, 24, 4, 56).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("api.groq.com", "Groq", V.OwnerContact, "add \"api.groq.com\" to endpoints.approved", string.Empty),
            V.Diagnostic("GRD004").WithSpan("/app/appsettings.Development.json", 5, 33, 5, 57).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("api.mistral.ai", "Mistral AI", V.OwnerContact, "add \"api.mistral.ai\" to endpoints.approved (or approve the package Mistral.SDK)", string.Empty));
    }

    [Fact]
    public async Task A_configuration_file_that_is_not_json_or_does_not_parse_is_searched_as_text()
    {
        // Adversary round 7 routes 8 and 11: the address reaches the application whatever the file's format.
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/app/appsettings.json", "{ \"OpenAI\": { \"Endpoint\": \"https://api.openai.com\" "), ("/app/notes.txt", "Endpoint: https://api.openai.com") },
            NothingApproved,
            V.Diagnostic("GRD004").WithSpan("/app/appsettings.json", 1, 28, 1, 50).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("api.openai.com", "OpenAI", V.OwnerContact, "add \"api.openai.com\" to endpoints.approved (or approve the package OpenAI)", string.Empty),
            V.Diagnostic("GRD004").WithSpan("/app/notes.txt", 1, 11, 1, 33).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("api.openai.com", "OpenAI", V.OwnerContact, "add \"api.openai.com\" to endpoints.approved (or approve the package OpenAI)", string.Empty));
    }
}
