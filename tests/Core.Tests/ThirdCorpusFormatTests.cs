using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Issue 16, session 7, from the third independent corpus (corpus7): placeholder words judged as documentation writes
/// them, the head of a key cut inside its prefix, a CAPTCHA site key (public by design) and GitHub's documented example
/// token (wrong checksum) under a key name.
/// </summary>
public class ThirdCorpusFormatTests
{
    private static List<SecretMatch> Scan(string text)
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan(text, found);
        return found;
    }

    [Theory]
    [InlineData("youR")]
    [InlineData("Insert")]
    [InlineData("sAmple")]
    [InlineData("ExAmple")]
    [InlineData("rePlace")]
    [InlineData("Redacted")]
    public void A_placeholder_word_inside_a_random_body_by_chance_leaves_a_key(string fragment)
    {
        // Google: AIza + 35 of [A-Za-z0-9_-]; the fragment sits between random characters, as chance puts it there.
        string body = "Sy7q" + fragment + "mZk2Rf9XbT4wLp8NvH3cYdJ6sQWe";
        string key = "AI" + "za" + body.Substring(0, 35);
        Assert.Equal("google-api", Assert.Single(Scan(key)).Format.Id);
    }

    [Theory]
    [InlineData("SyYOUR_API_KEY_HERE_7mZk2Rf9XbT4wLp")]
    [InlineData("Sy7mZk2Rf9XbT4wLp8NvH3cYdJ6-example")]
    [InlineData("Sy_your_google_api_key_7mZk2Rf9XbT4")]
    public void A_placeholder_word_written_as_documentation_writes_it_is_still_a_placeholder(string body)
    {
        Assert.Equal(35, body.Length);
        Assert.Empty(Scan("AI" + "za" + body));
    }

    [Fact]
    public void The_documented_AWS_example_ids_stay_placeholders()
    {
        Assert.Empty(Scan("AKIA" + "IOSFODNN7" + "EXAMPLE"));
        Assert.Empty(Scan("AKIA" + "I44QH8DHB" + "EXAMPLE"));
    }

    [Theory]
    [InlineData("s", true)]
    [InlineData("sk", true)]
    [InlineData("A", true)]
    [InlineData("AS", true)]
    [InlineData("AKI", true)]
    [InlineData("AIz", true)]
    [InlineData("gh", true)]
    [InlineData("githu", true)]
    [InlineData("cs", true)]
    [InlineData("gsk", true)]
    [InlineData("AKIA", false)] // a whole anchor is an anchor, not a head
    [InlineData("sk-", false)]
    [InlineData("key", false)]  // Cursor's key_ is gated by a name, not self-identifying
    [InlineData("J", false)]    // the Azure marker sits mid-key
    [InlineData("Sk", false)]
    [InlineData("", false)]
    public void A_key_head_is_the_start_of_a_self_identifying_prefix(string head, bool expected) =>
        Assert.Equal(expected, SecretScanner.IsKeyHead("\"" + head + "\"", 1, head.Length));

    [Theory]
    [InlineData("MISTRALAPIKEY")]
    [InlineData("mistralapikey")]
    [InlineData("Api_Key_Mistral")]
    [InlineData("api_key_mistral_2")]
    [InlineData("mistralaccesstoken")]
    [InlineData("Key_Mistral")]       // "key" then the provider (session 8: KeyMistral names Mistral's key; was a lookup key)
    public void A_provider_key_name_run_together_or_with_the_provider_last_names_the_key(string name)
    {
        Assert.True(SecretScanner.TryMatchNamedValue(name, FakeKeys.Mistral(), out SecretMatch m), name);
        Assert.Equal("mistral", m.Format.Id);
    }

    [Theory]
    [InlineData("apikey")]            // a compound alone is not run together with anything
    [InlineData("monkey")]
    [InlineData("cancellationtoken")]
    [InlineData("Mistral_Model")]
    public void Names_that_only_look_run_together_or_end_in_a_provider_stay_no_key_names(string name) =>
        Assert.False(SecretScanner.TryMatchNamedValue(name, FakeKeys.Mistral(), out SecretMatch m) && m.Format.Id == "mistral", name);

    [Fact]
    public void A_CAPTCHA_site_key_is_public_by_design_and_its_secret_is_not()
    {
        string value = "6Lc" + FakeKeys.Body(37);
        Assert.False(SecretScanner.TryMatchNamedValue("Recaptcha:SiteKey", value, out _));
        Assert.False(SecretScanner.TryMatchNamedValue("recaptchaSiteKey", value, out _));
        Assert.True(SecretScanner.TryMatchNamedValue("Recaptcha:SecretKey", value, out SecretMatch m));
        Assert.True(m.Format.IsGeneric);
    }

    [Fact]
    public void A_GitHub_token_shape_with_a_wrong_checksum_is_no_secret_under_a_key_name()
    {
        // The example token of GitHub's REST documentation: ghp_ + 36, its last six are not the CRC32 of the 30 before.
        string example = "ghp_" + "16C7e42F292c6912E7710c838347Ae178B4a";
        Assert.Empty(Scan(example));
        Assert.False(SecretScanner.TryMatchNamedValue("GitHub:Token", example, out _));

        // With its checksum it is GitHub's (reported by the scanner, not as a named value).
        string real = FakeKeys.GitHub('p');
        Assert.Single(Scan(real));
        Assert.False(FixedFormats.HasGitHubShapeButNoChecksum(real));
        Assert.True(FixedFormats.HasGitHubShapeButNoChecksum(example));
    }
}
