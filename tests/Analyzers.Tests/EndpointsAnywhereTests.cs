using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Adversary round 9 route 2: a denied endpoint (api.openai.com) held where GRD004 did not look — a local of a neutral
/// name, a field, any method's argument, a log line, a dictionary value — or split mid-domain so that no literal names
/// the domain. A whole constant (after the compiler's folding) that is an AI endpoint's address or host is judged
/// wherever it is written; configuration files are read as the program reads them (JSON property names, XML character
/// references).
/// </summary>
public class EndpointsAnywhereTests
{
    private static readonly string Denied = V.Policy() + "endpoint.denied=api.openai.com\n";

    private static readonly string NothingApproved = V.Policy();

    private static DiagnosticResult D(int location, string host = "api.openai.com") =>
        UnapprovedAiEndpointAnalyzerTests.D(location, host, host == "api.openai.com" ? "OpenAI" : "Anthropic", host == "api.openai.com" ? "OpenAI" : "Anthropic");

    private static DiagnosticResult InFile(string path, int line, int column, int endLine, int endColumn) =>
        V.Diagnostic("GRD004").WithSpan(path, line, column, endLine, endColumn).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("api.openai.com", "OpenAI", V.OwnerContact, "add \"api.openai.com\" to endpoints.approved (or approve the package OpenAI)", string.Empty);

    [Fact]
    public async Task An_endpoint_in_a_local_a_field_or_any_argument_is_reported_where_it_is_written()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            static class Paths { public static readonly string Embeddings = {|#0:"https://api.openai.com/v1/embeddings"|}; }
            class C
            {
                static string U = {|#1:"https://api.openai.com/v1/models"|};
                static Uri F(string a) => new Uri(a);
                async Task M(HttpClient http, HttpContent body)
                {
                    var chat = {|#2:"https://api.openai.com/v1/chat/completions"|};
                    await http.PostAsync(chat, body);
                    var embed = Paths.Embeddings;
                    await http.PostAsync(embed, body);
                    F({|#3:"https://api.openai.com/v1/"|});
                    Console.WriteLine({|#4:"https://api.openai.com/v1/files"|});
                    var upstreams = new Dictionary<string, string> { ["primary"] = {|#5:"https://api.openai.com/v1/"|} };
                    object[] hosts = { {|#6:"api.openai.com"|} };
                }
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0), D(1), D(2), D(3), D(4), D(5), D(6));
    }

    [Fact]
    public async Task A_host_split_mid_domain_is_folded_and_reported_once_at_its_first_literal()
    {
        const string source = """
            using System;
            class C
            {
                Uri A() => new Uri({|#0:"https://api.open" + "ai.com/v1/models"|});
                Uri B() => new Uri({|#1:"HTTPS://API.OPEN" + "AI.COM/v1/"|});
                Uri D() => new UriBuilder("https", {|#2:"api.openai" + ".com"|}).Uri;
                Uri E() => new UriBuilder { Scheme = "https", Host = {|#3:"api.open" + "ai.com"|} }.Uri;
                string G() => {|#4:string.Concat("https://api.open", "ai.com/v1/")|};
                void H() { var models = {|#5:"https://api.open" +
                    "ai.com/v1/models"|}; }
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0), D(1), D(2), D(3), D(4), D(5));
    }

    [Fact]
    public async Task A_constant_is_reported_where_it_is_declared_not_again_where_it_is_named()
    {
        const string source = """
            using System;
            class C
            {
                const string Models = {|#0:"https://api.openai.com/v1/models"|};
                const string Host = {|#1:"api.anthropic.com"|};
                Uri A() => new Uri(Models);
                Uri B() => new Uri(Models);
                string Label() => Models + " (the models list)";
                Uri D() => new Uri({|#2:"https://" + Host + "/v1/messages"|});
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0), D(1, "api.anthropic.com"), D(2, "api.anthropic.com"));
    }

    [Fact]
    public async Task Documentation_links_and_sentences_that_hold_an_address_are_not_endpoints()
    {
        const string source = """
            using System;
            class C
            {
                const string Help = "https://platform.openai.com/docs/api-reference";
                static readonly string Console1 = "https://console.anthropic.com/settings/keys";
                void M()
                {
                    var docs = "https://docs.anthropic.com/en/api/messages";
                    Console.WriteLine("Calling https://api.openai.com/v1 now");
                    Console.WriteLine("Get a key at https://platform.openai.com/api-keys");
                    var pricing = "https://openai.com/api/pricing";
                    var other = "https://api.open" + "source.example/v1";
                    var split = "https://example.org/" + "openai.com";
                    throw new InvalidOperationException("api.openai.com refused: " + docs);
                }
            }
            """;
        await V.RunAsync(source, NothingApproved);
    }

    [Fact]
    public async Task A_denied_endpoint_in_a_local_is_reported_as_denied()
    {
        const string source = """
            class C
            {
                string M() { var chat = {|#0:"https://api.openai.com/v1/chat/completions"|}; return chat; }
            }
            """;
        await V.RunAsync(source, Denied, V.Diagnostic("GRD004").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("api.openai.com", "OpenAI", V.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy))"));
    }

    [Fact]
    public async Task An_address_as_a_json_property_name_is_reported_at_the_name()
    {
        const string appsettings = """
            { "Upstreams": { "https://api.openai.com/v1/": { "Enabled": true, "TimeoutSeconds": 30 } },
              "Docs": { "https://platform.openai.com/docs": "see" } }
            """;
        await V.RunAsync(new[] { "class C { }" }, new[] { ("/app/appsettings.json", appsettings) }, NothingApproved,
            InFile("/app/appsettings.json", 1, 18, 1, 46));
    }

    [Fact]
    public async Task A_host_spelled_with_xml_character_references_is_read_as_dotnet_reads_it()
    {
        const string config = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><appSettings>
              <add key="LlmBaseUrl" value="https://api.openai&#46;com/v1/" />
              <add key="Other" value="https://api&#x2E;openai&#x2e;com/v1/" />
            </appSettings></configuration>
            """;
        await V.RunAsync(new[] { "class C { }" }, new[] { ("/app/App.config", config) }, NothingApproved,
            InFile("/app/App.config", 3, 32, 3, 62),
            InFile("/app/App.config", 4, 27, 4, 63));
    }

    [Fact]
    public async Task A_host_split_by_an_xml_comment_or_cdata_is_read_as_an_xml_reader_reads_it()
    {
        // Adversary round 10 route 3: XElement.Value joins the text around a comment and a CDATA section's content. The
        // address in a comment is still reported (once), as before.
        const string settings = """
            <settings>
              <Endpoint>https://api.open<!-- -->ai.com/v1/</Endpoint>
              <Other>https://api.open<![CDATA[ai.com/v1/]]></Other>
              <!-- was https://api.openai.com/v1/ -->
            </settings>
            """;
        await V.RunAsync(new[] { "class C { }" }, new[] { ("/app/settings.xml", settings) }, NothingApproved,
            InFile("/app/settings.xml", 2, 13, 2, 47),
            InFile("/app/settings.xml", 3, 10, 3, 48),
            InFile("/app/settings.xml", 4, 12, 4, 38));
    }
}
