using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// A random value under a key name that starts with a provider's own prefix but is not the provider's whole key (a key cut
/// short or half-joined, a newer length or version) is that provider's key, an error — not a GRD006 "possible secret"
/// warning (adversary round 11, side observation: the Dockerfile continuation's first half was a warning in Enforce).
/// </summary>
public class ProviderPrefixNamedValueTests
{
    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    [Theory]
    [InlineData(".env", "OPENAI_API_KEY={0}\n", "sk-" + "proj-", "openai-project")]
    [InlineData("appsettings.json", "{{ \"OpenAI\": {{ \"ApiKey\": \"{0}\" }} }}\n", "sk-" + "svcacct-", "openai-svcacct")]
    [InlineData(".env", "ANTHROPIC_API_KEY={0}\n", "sk-" + "ant-api04-", "anthropic-api")]
    [InlineData("scripts/run.sh", "export LLM_KEY={0}\n", "nv" + "api-", "nvidia")]
    public void A_random_value_with_a_providers_prefix_under_a_key_name_is_that_providers_key(string path, string format, string prefix, string id)
    {
        // Random-looking (a body of repeated words would be a documentation fake, rightly silent), obviously fake.
        string value = prefix + "Fa9ke" + "K3yN0t" + "Re4lQz8Xw3Mv6Lp1Hd7Tg2Bn5";
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, value);

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal(id, match.Format.Id);
        Assert.False(match.Format.IsGeneric);
        Assert.Equal(text.IndexOf(value, StringComparison.Ordinal), match.Start);
        Assert.StartsWith(match.Redacted.Split('…')[0], value, StringComparison.Ordinal); // shows only a prefix the value has
    }

    [Theory]
    [InlineData("OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")]
    [InlineData("OPENAI_API_KEY=sk-proj-your-api-key-here\n")]
    [InlineData("OPENAI_API_KEY=sk-proj-1234567890abcdef1234567890abcdef\n")]
    public void Placeholders_with_a_providers_prefix_stay_silent(string text)
    {
        Assert.Empty(Scan(".env", text));
    }
}
