using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// The cheap name check that decides whether a name could make a value a key (issue 16: the stem "pat", a personal
/// access token, matched "Path", "Pattern" and "compat", so every literal given to a path was judged by its name).
/// </summary>
public class SecretNameStemTests
{
    [Theory]
    [InlineData("filePath")]
    [InlineData("PATH")]
    [InlineData("ContentRootPath")]
    [InlineData("Pattern")]
    [InlineData("URL_PATTERN")]
    [InlineData("compatMode")]
    [InlineData("spatialIndex")]
    [InlineData("patient")]
    public void A_name_with_pat_inside_another_word_is_not_secret_like(string name) =>
        Assert.False(SecretScanner.NameMayBeSecretLike(name), name);

    [Theory]
    [InlineData("GITHUB_PAT")]
    [InlineData("githubPat")]
    [InlineData("AzureDevOpsPat")]
    [InlineData("pat")]
    [InlineData("PAT")]
    [InlineData("patToken")]
    [InlineData("ADO_PAT_2")]
    [InlineData("myPATs")]
    [InlineData("filePathApiKey")]
    public void A_name_with_pat_as_a_word_or_another_secret_word_stays_secret_like(string name) =>
        Assert.True(SecretScanner.NameMayBeSecretLike(name), name);

    [Theory]
    [InlineData("openAiApiKey")]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("AccessToken")]
    [InlineData("cancellationTOKEN")]
    [InlineData("ClientSecret")]
    [InlineData("DbPassWord")]
    [InlineData("user_pwd")]
    [InlineData("AzureCredentials")]
    [InlineData("credentia")]
    [InlineData("ke")]
    [InlineData("claveApi")]
    [InlineData("miCLAVE")]
    [InlineData("chaveDaApi")]
    [InlineData("SCHLUESSEL_1")]
    [InlineData("apiSleutel")]
    [InlineData("kluczApi")]
    [InlineData("GeheimnisWert")]
    [InlineData("secretoApi")]
    [InlineData("SEGREDO")]
    [InlineData("segreto_x")]
    [InlineData("contrasenaDb")]
    [InlineData("SenhaBanco")]
    [InlineData("Passwort")]
    [InlineData("ConnectionString")]
    [InlineData("Endpoint")]
    [InlineData("SectionName")]
    [InlineData("Thumbprint")]
    [InlineData("filePath")]
    [InlineData("URL_PATTERN")]
    [InlineData("ADO_PAT_2")]
    [InlineData("myPATs")]
    [InlineData("patToken")]
    [InlineData("Kee")]
    [InlineData("to ken")]
    [InlineData("@KEY[")]
    [InlineData("`ey")]
    [InlineData("")]
    public void An_ASCII_name_gets_the_answer_of_the_general_search(string name)
    {
        // The one-pass ASCII path and the ordinal ignore-case searches must agree, also inside a longer text.
        Assert.Equal(NamedValues.MayBeSecretLikeAnyText(name, 0, name.Length), NamedValues.MayBeSecretLike(name, 0, name.Length));
        string text = "x = " + name + " ;";
        Assert.Equal(NamedValues.MayBeSecretLikeAnyText(text, 4, name.Length), NamedValues.MayBeSecretLike(text, 4, name.Length));
    }

    [Theory]
    [InlineData("clé", true)]
    [InlineData("apiSchlüssel", true)]
    [InlineData("ключ_api", true)]
    [InlineData("密钥", true)]
    [InlineData("contraseña", true)]
    [InlineData("nomeÜ", false)]
    public void A_name_with_letters_beyond_ASCII_is_searched_as_before(string name, bool secretLike)
    {
        Assert.Equal(secretLike, SecretScanner.NameMayBeSecretLike(name));
        Assert.Equal(NamedValues.MayBeSecretLikeAnyText(name, 0, name.Length), SecretScanner.NameMayBeSecretLike(name));
    }

    [Fact]
    public void An_AWS_secret_access_key_named_only_as_an_API_key_of_AWS_is_attributed_to_AWS()
    {
        // A 40-character base64 value is the only AWS credential of that shape (access key ids are 20 characters).
        string secret = FakeKeys.AwsSecretAccessKey();
        foreach (string name in new[] { "AWS:ApiKey", "AwsApiKey", "aws_key" })
        {
            Assert.True(SecretScanner.TryMatchNamedValue(name, secret, out SecretMatch m), name);
            Assert.Equal("AWS", m.Format.Provider);
        }

        // The name must still say AWS: a generic api key is no AWS key.
        Assert.True(!SecretScanner.TryMatchNamedValue("ServiceApiKey", secret, out SecretMatch g) || g.Format.Provider != "AWS");
    }
}
