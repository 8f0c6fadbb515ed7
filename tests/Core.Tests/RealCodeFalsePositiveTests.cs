using System.Text;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// The false-positive classes found by benchmarks/RealCodeScan on public C# repositories that use AI SDKs (each case is the
/// real shape, rewritten), and next to each the secret of the same shape that must still be reported.
/// </summary>
public class RealCodeFalsePositiveTests
{
    // A random-looking 32-byte value, base64: what an HMAC or storage key looks like.
    private static readonly string RandomBase64 = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)((i * 97 + 41) % 251)).ToArray());

    private static bool Reported(string name, string value) => SecretScanner.TryMatchNamedValue(name, value, out _);

    [Fact]
    public void Base64_of_readable_text_is_not_a_secret()
    {
        // A test fixture's "credit token" that is base64 of "Vendor/Product" (anthropic-sdk-csharp: 55 findings).
        string text = Convert.ToBase64String(Encoding.ASCII.GetBytes("Contoso/Widgets"));
        Assert.False(Reported("FallbackCreditToken", text));
        Assert.False(Reported("expectedRefreshToken", Convert.ToBase64String(Encoding.ASCII.GetBytes("The quick brown fox jumps"))));
    }

    [Fact]
    public void Base64_of_random_bytes_a_token_or_a_credential_pair_is_still_a_secret()
    {
        Assert.True(Reported("FallbackCreditToken", RandomBase64));
        Assert.True(Reported("AuthToken", Convert.ToBase64String(Encoding.ASCII.GetBytes("svc-user:" + "Fake7Pw9xQ2mZr"))));
        Assert.True(Reported("AuthToken", Convert.ToBase64String(Encoding.ASCII.GetBytes("Fake" + "Tok3nValueNotReal42xQ"))));
    }

    [Fact]
    public void A_lone_Key_is_a_lookup_key_but_a_qualified_key_is_a_secret()
    {
        // new HmacExample { Key = "…" } in a redaction test (dotnet/extensions: 16), Dictionary.Add(key, …) (3).
        Assert.False(Reported("Key", RandomBase64));
        Assert.False(Reported("key", RandomBase64));
        Assert.False(Reported("KEYS", RandomBase64));
        Assert.True(Reported("HmacKey", RandomBase64));
        Assert.True(Reported("SigningKey", RandomBase64));
        Assert.True(Reported("Redaction:Key", RandomBase64));
        Assert.True(Reported("apiKey", RandomBase64));
    }

    [Theory]
    [InlineData("AzureAIInference")] // a DI service key / configuration section name (semantic-kernel)
    [InlineData("GoogleAIGemini")]
    [InlineData("modifiedByFilter1")] // a value written by a test filter under "sharedKey" (csharp-sdk)
    [InlineData("build_property.ReportOutputPath")] // an analyzer option name passed as a dictionary key (dotnet/extensions)
    [InlineData("ContosoOpenAIDeployment2")]
    [InlineData("Payments.HttpClientV2Settings")]
    [InlineData("MyEnrichedProperty_1")] // a log enricher's tag name held by a constant named Key1 (dotnet/extensions)
    [InlineData("isEnabledFlag2")]
    [InlineData("MSBuildToolsPath32")] // a registry value name under $buildToolsKey in a PowerShell build script (Newtonsoft.Json)
    public void Words_joined_as_an_identifier_or_a_config_path_are_not_a_secret(string value)
    {
        Assert.False(Reported("AzureAIInferenceServiceKey", value));
        Assert.False(Reported("sharedKey", value));
        Assert.False(Reported("ApiKey", value));
    }

    [Theory]
    [InlineData("=Env.OpenAIApiKey")] // a PowerFx formula in an agent definition's YAML, in a raw string (agent-framework)
    [InlineData("=Env.AzureAISearchKey2")]
    [InlineData("=Settings.Contoso.ApiKey")]
    public void A_formula_that_names_a_setting_is_not_a_secret(string value)
    {
        Assert.False(Reported("connection:key", value));
        Assert.False(Reported("ApiKey", value));
    }

    [Theory]
    [InlineData("=q7Rx2Lm9Zt4Wp8Kc3Nv6Bh1J")]
    [InlineData("=Fake9Gen7Secret3NotReal")]
    public void A_random_token_behind_an_equals_sign_is_still_a_secret(string value)
    {
        Assert.True(Reported("ApiKey", value));
    }

    [Theory]
    [InlineData("Fake9Gen7Secret3NotReal")]
    [InlineData("q7Rx2Lm9Zt4Wp8Kc3Nv6Bh1J")]
    [InlineData("xK9mQ2vR7tL4wZ8pN3cJ6hB_f1")]
    [InlineData("AbQrXmLpZtWkNvBhYc")] // letters only, a two-letter piece first: the rest is no word
    [InlineData("MyqRtXvbNwZpLk_1")]
    public void Random_tokens_with_digits_inside_are_still_secrets(string value)
    {
        Assert.True(Reported("ApiKey", value));
        Assert.True(Reported("sharedKey", value));
    }

    [Fact]
    public void Public_emulator_keys_are_never_reported_but_a_key_of_the_same_shape_is()
    {
        // The Cosmos DB emulator key as a fallback for an environment variable (agent-framework: 2); Azurite's account key.
        string cosmos = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqob" + "D4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
        string azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVE" + "rCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        Assert.False(Reported("s_emulatorKey", cosmos));
        Assert.False(Reported("CosmosDb:AccountKey", cosmos));
        Assert.False(Reported("AZURE_STORAGE_KEY", azurite));
        string other = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)((i * 131 + 7) % 253)).ToArray());
        Assert.Equal(cosmos.Length, other.Length);
        Assert.True(Reported("CosmosDb:AccountKey", other));
    }

    [Fact]
    public void Aws_documented_example_keys_are_not_keys()
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan("aws_access_key_id = AKIAIOSFODNN7" + "EXAMPLE\naws_access_key_id = AKIAI44QH8DHB" + "EXAMPLE", found);
        Assert.Empty(found);
        Assert.False(Reported("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"));
        Assert.False(Reported("aws_secret_access_key", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvb" + "EXAMPLEKEY"));
    }

    [Fact]
    public void GitHubs_documented_example_clone_token_is_not_a_secret_but_one_of_its_shape_is()
    {
        // GitHub's OpenAPI description, vendored as an API plugin: the example repository's temp_clone_token (chat-copilot,
        // miyagi: 4 each, in openapi.json under components/examples).
        string example = "ABTLWHOULUVAXG" + "TRYU7OC2876QJ2O";
        Assert.False(Reported("temp_clone_token", example));
        Assert.False(Reported("TempCloneToken", example));
        string other = "QX7KD2MPWZ4RTE" + "9HVNC3LJ8YFB6SG";
        Assert.Equal(example.Length, other.Length);
        Assert.True(Reported("temp_clone_token", other));
    }

    [Theory]
    [InlineData("1234abcd1234abcd1234abcd1234abcd")] // 32 hex: an Azure OpenAI key's shape
    [InlineData("abc123abc123abc123abc123abc123ab")]
    [InlineData("a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4")]
    public void Documentation_fakes_that_repeat_a_short_unit_are_not_keys(string value)
    {
        Assert.False(Reported("AzureOpenAI:ApiKey", value));
        Assert.False(Reported("MISTRAL_API_KEY", value));
        Assert.False(Reported("ServiceApiKey", value));
    }

    [Theory]
    [InlineData("sk-your-openai-key-here")]
    [InlineData("Fake7Key9Goes_here_0k")]
    [InlineData("insert-api-key-42-here")]
    public void Your_key_here_shapes_are_placeholders(string value)
    {
        Assert.False(Reported("ApiKey", value));
    }

    [Fact]
    public void A_random_32_hex_key_under_an_Azure_name_is_still_found()
    {
        Assert.True(SecretScanner.TryMatchNamedValue("AzureOpenAI:ApiKey", FakeKeys.AzureHex32(), out SecretMatch m));
        Assert.Equal("Azure OpenAI", m.Format.Provider);
    }
}
