using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

public class HostPatternTests
{
    [Theory]
    [InlineData("api.openai.com", "api.openai.com")]
    [InlineData("api.openai.com", "API.OpenAI.COM")]
    [InlineData("api.openai.com", "api.openai.com.")]
    [InlineData("*.openai.azure.com", "contoso.openai.azure.com")]
    [InlineData("*.openai.azure.com", "a.b.openai.azure.com")]
    [InlineData("bedrock-runtime.*.amazonaws.com", "bedrock-runtime.eu-west-1.amazonaws.com")]
    [InlineData("*-aiplatform.googleapis.com", "us-central1-aiplatform.googleapis.com")]
    [InlineData("aiplatform.*.rep.googleapis.com", "aiplatform.eu.rep.googleapis.com")]
    public void Matches(string pattern, string host) => Assert.True(HostPattern.Matches(pattern, host));

    [Theory]
    [InlineData("api.openai.com", "api.openai.com.evil.example")]
    [InlineData("api.openai.com", "evil-api.openai.com")]
    [InlineData("api.openai.com", "sub.api.openai.com")]
    [InlineData("api.openai.com", "api.openai.co")]
    [InlineData("*.openai.azure.com", "openai.azure.com")]
    [InlineData("*.openai.azure.com", "contoso.openai.azure.com.evil.example")]
    [InlineData("*.openai.azure.com", "contoso-openai.azure.com")]
    [InlineData("bedrock-runtime.*.amazonaws.com", "bedrock-runtime.amazonaws.com")]
    [InlineData("bedrock-runtime.*.amazonaws.com", "bedrock-runtime.a.b.amazonaws.com")]
    [InlineData("*-aiplatform.googleapis.com", "us-central1.aiplatform.googleapis.com")]
    [InlineData("api.openai.com", "api..openai.com")]
    [InlineData("", "api.openai.com")]
    [InlineData("api.openai.com", "")]
    public void Does_not_match(string pattern, string host) => Assert.False(HostPattern.Matches(pattern, host));

    [Theory]
    [InlineData("api.openai.com", true)]
    [InlineData("*.openai.azure.com", true)]
    [InlineData("localhost", true)]
    [InlineData("*", false)]
    [InlineData("a..b", false)]
    [InlineData("https://api.openai.com", false)]
    [InlineData("api.openai.com/v1", false)]
    [InlineData(" ", false)]
    public void Validates_patterns(string pattern, bool valid) => Assert.Equal(valid, HostPattern.IsValid(pattern));

    [Theory]
    [InlineData("https://api.openai.com/v1/chat", "api.openai.com")]
    [InlineData("HTTPS://API.OPENAI.COM", "API.OPENAI.COM")]
    [InlineData("wss://api.openai.com/v1/realtime?model=x", "api.openai.com")]
    [InlineData("https://user:pw@api.anthropic.com:443/v1", "api.anthropic.com")]
    [InlineData("api.mistral.ai", "api.mistral.ai")]
    [InlineData("api.mistral.ai/v1", "api.mistral.ai")]
    [InlineData("https://x.openai.azure.com.", "x.openai.azure.com")]
    // Adversary round 4 #9: the host .NET's Uri computes (IdnHost), not the literal text.
    [InlineData("https://api\u3002openai\u3002com/v1/chat/completions", "api.openai.com")]
    [InlineData("https://\uFF41\uFF50\uFF49.openai.com/v1", "api.openai.com")]
    [InlineData("https://api\uFF0Eopenai\uFF61com/v1", "api.openai.com")]
    [InlineData("https://api.open\u00ADai.com/v1", "api.openai.com")]
    [InlineData("https://\u24D0pi.openai.com/v1", "api.openai.com")]
    [InlineData("api\u3002mistral\u3002ai", "api.mistral.ai")]
    [InlineData("//api.openai.com/v1/chat/completions", "api.openai.com")]
    [InlineData("\\\\api.openai.com/v1", "api.openai.com")]
    [InlineData("/\\api.anthropic.com/v1", "api.anthropic.com")]
    public void Extracts_hosts(string value, string host)
    {
        Assert.True(HostPattern.TryExtractHost(value, out string actual));
        Assert.Equal(host, actual);
    }

    // GRD004's run-time hole (U+01C2) in a value: the direct cut gives what the general path (Uri, IDN, NFKC) gives.
    [Theory]
    [InlineData("https://\u01C2.openai.azure.com/openai/deployments/gpt/chat/completions", "\u01C2.openai.azure.com")]
    [InlineData("HTTPS://\u01C2.OpenAI.Azure.com", "\u01C2.openai.azure.com")]
    [InlineData("https://\u01C2-aiplatform.googleapis.com/v1/projects/\u01C2", "\u01C2-aiplatform.googleapis.com")]
    [InlineData("\u01C2.openai.azure.com/v1", "\u01C2.openai.azure.com")]
    [InlineData("https://\u01C2.\u01C2.amazonaws.com:443/x?y#z", "\u01C2.\u01C2.amazonaws.com")]
    [InlineData("https://api\u01C2.openai.com.", "api\u01C2.openai.com")]
    [InlineData("https://\u01C2.openai.azure.com\\v1", "\u01C2.openai.azure.com")]
    [InlineData("https://api.openai.com/v1/\u01C2", "api.openai.com")]
    [InlineData("https://user\u01C2@api.openai.com/v1", null)]
    [InlineData("https://\u01C2@\u01C2.openai.azure.com/v1", null)]
    [InlineData("//\u01C2.openai.azure.com/v1", null)]
    [InlineData("https://\u01C2.xn--p1ai/v1", null)]
    [InlineData("https://\u01C2.\uFF4Fpenai.com/v1", null)]
    [InlineData("https://\u01C2 .openai.com", null)]
    [InlineData("https://\u01C2", null)]
    [InlineData("\u01C2", null)]
    [InlineData("/v1/\u01C2.openai.com", null)]
    public void Extracts_hosts_with_a_placeholder_as_without(string value, string? expected)
    {
        bool general = HostPattern.TryExtractHost(value, out string generalHost);
        bool direct = HostPattern.TryExtractHost(value, '\u01C2', out string directHost);
        Assert.Equal(general, direct);
        Assert.Equal(generalHost, directHost);
        if (expected != null)
        {
            Assert.True(direct);
            Assert.Equal(expected, directHost);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/v1/chat")]
    [InlineData("Calling api.openai.com now")]
    [InlineData("https://localhost:11434")]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("https://")]
    [InlineData("//")]
    [InlineData("// a comment about api.openai.com")]
    [InlineData("https://\u00E9t\u00E9 \u00E0 api.openai.com")]
    public void Rejects_text_that_is_not_an_address(string value) => Assert.False(HostPattern.TryExtractHost(value, out _));

    [Theory]
    [InlineData("Microsoft.SemanticKernel.*", "microsoft.semantickernel.connectors.openai", true)]
    [InlineData("Microsoft.SemanticKernel.*", "Microsoft.SemanticKernel", false)]
    [InlineData("Open?I", "OpenAI", true)]
    [InlineData("*", "anything", true)]
    [InlineData("OpenAI", "OpenAI.Extra", false)]
    public void Wildcards_match_whole_strings(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Guardrails.Core.Text.Glob.Match(pattern, text));
}

/// <summary>The domain prefilter GRD004 runs on raw source text before anything is bound.</summary>
public class EndpointDomainTests
{
    [Theory]
    [InlineData("*.openai.azure.com", "azure.com")]
    [InlineData("api.x.ai", "x.ai")]
    [InlineData("API.OpenAI.com.", "openai.com")]
    [InlineData("bedrock-runtime.*.amazonaws.com", "amazonaws.com")]
    [InlineData("*-aiplatform.googleapis.com", "googleapis.com")]
    [InlineData("ai.*", null)]
    [InlineData("localhost", null)]
    public void DomainOf_gives_the_last_two_labels_or_null(string pattern, string? domain)
    {
        Assert.Equal(domain, HostPattern.DomainOf(pattern));
    }

    [Fact]
    public void Every_catalog_endpoint_written_as_an_address_mentions_a_catalog_domain()
    {
        var domains = new HashSet<string>(AiSdkCatalog.EndpointDomains);
        foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
        {
            foreach (string pattern in endpoint.HostPatterns)
            {
                string host = pattern.Replace("*", "x");
                var texts = new List<string> { "https://" + host + "/v1", host, "wss://" + host.ToUpperInvariant() + ":443" };
                if (host.Count(c => c == '.') >= 2)
                {
                    texts.Add("https://{resource}." + host.Substring(host.IndexOf('.') + 1) + "/x");
                }

                foreach (string text in texts)
                {
                    string quoted = "new Uri(\"" + text + "\")";
                    Assert.True(HostPattern.MentionsDomain(quoted, 9, text.Length, domains), text);
                }
            }
        }
    }

    [Theory]
    [InlineData("https://api\u3002openai\u3002com/v1")]
    [InlineData("https://\uFF41\uFF50\uFF49\uFF0E\uFF4F\uFF50\uFF45\uFF4E\uFF41\uFF49\uFF0E\uFF43\uFF4F\uFF4D/v1")]
    public void A_domain_written_with_IDN_full_stops_or_full_width_letters_is_a_spot(string text)
    {
        Assert.True(HostPattern.MentionsDomain("\"" + text + "\"", 1, text.Length, new HashSet<string>(AiSdkCatalog.EndpointDomains)));
    }

    [Theory]
    [InlineData("https://orders.example.com/api")]
    [InlineData("System.Text.Json")]
    [InlineData("Calling the model took 3.5 s.")]
    [InlineData("openai")]
    [InlineData("...")]
    [InlineData("")]
    public void Text_without_an_endpoint_domain_is_not_a_spot(string text)
    {
        Assert.False(HostPattern.MentionsDomain("\"" + text + "\"", 1, text.Length, new HashSet<string>(AiSdkCatalog.EndpointDomains)));
    }
}
