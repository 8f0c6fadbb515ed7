using System.Security.Cryptography;
using System.Text;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>A key carried as base64, base64url or hex (issue 16, adversary round 6 #17), and the encodings that hold none.</summary>
public class EncodedKeysTests
{
    private static string B64(byte[] b) => Convert.ToBase64String(b);

    private static string B64Url(byte[] b) => B64(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static TheoryData<string, string, string> Encodings()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string provider, string key) in new[] { ("OpenAI", FakeKeys.OpenAiProject()), ("Anthropic", FakeKeys.Anthropic()), ("Google", FakeKeys.GoogleApiKey()), ("Groq", FakeKeys.Groq()) })
        {
            byte[] ascii = Encoding.ASCII.GetBytes(key);
            byte[] utf16 = Encoding.Unicode.GetBytes(key);
            data.Add(provider, "base64", B64(ascii));
            data.Add(provider, "base64-unpadded", B64(ascii).TrimEnd('='));
            data.Add(provider, "base64url", B64Url(ascii));
            data.Add(provider, "hex-upper", Convert.ToHexString(ascii));
            data.Add(provider, "hex-lower", Convert.ToHexString(ascii).ToLowerInvariant());
            data.Add(provider, "utf16-base64", B64(utf16));
            data.Add(provider, "basic-pair-base64", B64(Encoding.ASCII.GetBytes("x-access-token:" + key)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_self_identifying_key_is_found_in_its_encodings(string provider, string form, string encoded)
    {
        Assert.True(EncodedKeys.TryFindKey(encoded, out KeyFormat? format, out string? key), form);
        Assert.StartsWith(provider, format!.Provider, StringComparison.Ordinal);
        Assert.True(EncodedKeys.MightBeEncodedKey(encoded, 0, encoded.Length), "the raw-text look passes an encoded key");
        Assert.DoesNotContain(key!, EncodedKeys.Match(encoded, 0, encoded.Length, format).Redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_name_with_an_encoded_key_reports_the_key_s_provider()
    {
        string encoded = B64(Encoding.ASCII.GetBytes(FakeKeys.OpenAiProject()));
        Assert.True(SecretScanner.TryMatchNamedValue("OPENAI_API_KEY", encoded, out SecretMatch match));
        Assert.Equal("OpenAI", match.Format.Provider);
        Assert.Equal(0, match.Start);
        Assert.Equal(encoded.Length, match.Length);
    }

    public static TheoryData<string, string> NoKeys()
    {
        var random = new byte[48];
        new Random(17).NextBytes(random);
        return new TheoryData<string, string>
        {
            { "random-base64", B64(random) },
            { "random-base64url", B64Url(random) },
            { "sha256-hex", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("contoso"))) },
            { "base64-of-words", B64(Encoding.ASCII.GetBytes("Contoso production tenant for nightly billing exports")) },
            { "base64-of-placeholder-key", B64(Encoding.ASCII.GetBytes("sk-" + "proj-" + new string('x', 74) + FakeKeys.OpenAiMarker + new string('x', 74))) },
            { "hex-of-sk-words", Convert.ToHexString(Encoding.ASCII.GetBytes("skip-preflight-checks-on-startup")) },
            { "utf16-base64-of-json", B64(Encoding.Unicode.GetBytes("{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}")) },
            { "sql", "SELECT Id, Name FROM Customers WHERE Region = @region" },
            { "identifier", "AzureAIInferenceConnectionString" },
        };
    }

    [Theory]
    [MemberData(nameof(NoKeys))]
    public void Encodings_of_anything_but_a_key_are_no_key(string kind, string value)
    {
        Assert.False(EncodedKeys.TryFindKey(value, out _), kind);
    }
}
