using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>TryMatchNamedValue: context-gated provider keys and generic secrets.</summary>
public class NamedValueTests
{
    public static TheoryData<int> NamedKeyIndexes() => DetectionCorpus.Indexes(DetectionCorpus.NamedKeys.Length);

    public static TheoryData<int> NamedTrapIndexes() => DetectionCorpus.Indexes(DetectionCorpus.NamedTraps.Length);

    [Theory]
    [MemberData(nameof(NamedKeyIndexes))]
    public void Matches_the_named_key(int index)
    {
        (string name, string value, string id) = DetectionCorpus.NamedKeys[index];
        Assert.True(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m), name);
        Assert.Equal(id, m.Format.Id);
        Assert.Equal(0, m.Start);
        Assert.Equal(value.Length, m.Length);
        Assert.Equal(id == "generic", m.Format.IsGeneric);
        Assert.Equal(m.Format.Prefix + "\u2026" + value.Substring(value.Length - 4), m.Redacted);
    }

    [Theory]
    [MemberData(nameof(NamedTrapIndexes))]
    public void Rejects_the_trap(int index)
    {
        (string name, string value) = DetectionCorpus.NamedTraps[index];
        Assert.False(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m), name + " = " + m.Format?.Id);
    }

    [Theory]
    [InlineData("AzureOpenAI:ApiKey", "Azure OpenAI")]
    [InlineData("AzureKeyCredential", "Azure AI services")]
    [InlineData("MISTRAL_API_KEY", "Mistral AI")]
    [InlineData("ServiceApiKey", "Generic secret")]
    public void The_same_hex_value_is_attributed_by_its_name(string name, string provider)
    {
        string value = FakeKeys.AzureHex32();
        bool matched = SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m);
        if (provider == "Generic secret")
        {
            Assert.False(matched); // a 32-hex value under a non-Azure name is indistinguishable from an MD5 hash
        }
        else
        {
            Assert.True(matched);
            Assert.Equal(provider, m.Format.Provider);
        }
    }

    [Fact]
    public void Mistral_and_cohere_need_their_exact_lengths()
    {
        Assert.Equal("mistral", Match("MISTRAL_API_KEY", FakeKeys.Mistral()));
        Assert.Equal("generic", Match("MISTRAL_API_KEY", FakeKeys.Body(33)));
        Assert.Equal("cohere", Match("CO_API_KEY", FakeKeys.Cohere()));
        Assert.Equal("generic", Match("CO_API_KEY", FakeKeys.Body(39)));
    }

    [Fact]
    public void A_provider_name_that_is_not_a_key_name_matches_nothing()
    {
        Assert.Null(Match("MistralModel", FakeKeys.Mistral()));
        Assert.Null(Match("CohereEndpoint", FakeKeys.Cohere()));
    }

    [Fact]
    public void Short_values_are_not_matched_and_redaction_never_shows_a_short_value()
    {
        Assert.False(SecretScanner.TryMatchNamedValue("password", "Sh0rt!Pw", out _));
        Assert.Equal("\u2026", Redaction.Redact("Sh0rt!Pw9x", 0, 10, string.Empty));
    }

    [Fact]
    public void A_bearer_token_is_judged_by_its_token_and_located_after_the_scheme()
    {
        string value = "Bearer " + "FakeTok3nValueNotReal42x";
        Assert.True(SecretScanner.TryMatchNamedValue("Authorization", value, out SecretMatch m));
        Assert.True(m.Format.IsGeneric);
        Assert.Equal(7, m.Start);
        Assert.Equal(value.Length - 7, m.Length);
        Assert.Equal("\u2026l42x", m.Redacted);

        Assert.False(SecretScanner.TryMatchNamedValue("Authorization", "Bearer " + FakeKeys.OpenAiProject(), out _));
        Assert.False(SecretScanner.TryMatchNamedValue("Authorization", "Bearer ${ACCESS_TOKEN}", out _));
        Assert.False(SecretScanner.TryMatchNamedValue("Authorization", "Bearer your-access-token-here", out _));
        Assert.False(SecretScanner.TryMatchNamedValue("Authorization", "Basic realm", out _));
    }

    private static string? Match(string name, string value) =>
        SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m) ? m.Format.Id : null;
}
