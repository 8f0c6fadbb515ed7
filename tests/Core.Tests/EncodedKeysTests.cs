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
        string source = "private const string Blob = \"" + encoded + "\";";
        Assert.True(EncodedKeys.MightHoldKey(source, source.IndexOf('"') + 1, encoded.Length), "the source-text judgement passes it in place");
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

    [Fact]
    public void Encoded_text_with_no_key_anchor_is_ruled_out_on_the_source_text()
    {
        // Base64 of printable text with no key in it (a thumbprint label, a content hash as text): the source-text look at
        // its first bytes passes, the whole judgement does not, so the C# scan never looks such a literal up in the tree.
        foreach (string text in new[] { "certificate-thumbprint-" + "0f1e2d3c4b5a69788796a5b4", "0f1e2d3c4b5a6978" + "8796a5b4c3d2e1f0", "release_notes_for_version_" + "2024_11" })
        {
            foreach (string encoded in new[] { B64(Encoding.ASCII.GetBytes(text)), Convert.ToHexString(Encoding.ASCII.GetBytes(text)), B64(Encoding.Unicode.GetBytes(text)) })
            {
                string source = "x = \"" + encoded + "\";";
                int start = source.IndexOf('"') + 1;
                Assert.False(EncodedKeys.MightHoldKey(source, start, encoded.Length), text);
                Assert.False(EncodedKeys.TryFindKey(encoded, out _), text);
                Assert.True(EncodedKeys.TryDecode(encoded, out string? decoded) && decoded == text, "decodes to the same text");
            }
        }

        // A literal with an escape in it is left to the value (the escape may change what it decodes to).
        string escaped = B64(Encoding.ASCII.GetBytes(FakeKeys.OpenAiProject()));
        escaped = escaped.Substring(0, 8) + "\\u0041" + escaped.Substring(8);
        Assert.True(EncodedKeys.MightHoldKey(escaped, 0, escaped.Length));
    }

    [Fact]
    public void The_buffer_anchor_search_answers_as_the_string_one()
    {
        // SecretScanner.MightContainKey has a string form (every text) and a buffer form (decoded text, no allocation):
        // generated texts of anchors, anchor pieces, separators and random characters at every cut must get one answer.
        string[] pieces = { "sk-", "sk_", "gsk_", "pcsk_", "ghp_", "gho_", "github_pat_", "hf_", "api_org_", "r8_", "xai-", "pplx-",
            "tgp_v1_", "nvapi-", "fw_", "pa-", "lsv2_", "bedrock-api-key-", "PRIVATE KEY-----", "AIza", "AKIA", "ASIA", "ABSK",
            "JQQJ99", "-", "_", "s", "k", "A", "Q", " ", "\n", "JQQJ9", "AKI", "github_pa", "PRIVATE KEY----" };
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+/= ";
        var random = new Random(20261204);
        var buffer = new char[256];
        int yes = 0;
        for (int n = 0; n < 20000; n++)
        {
            var sb = new StringBuilder();
            int parts = random.Next(1, 10);
            for (int p = 0; p < parts; p++)
            {
                if (random.Next(3) == 0)
                {
                    sb.Append(pieces[random.Next(pieces.Length)]);
                }
                else
                {
                    for (int c = random.Next(1, 12); c > 0; c--)
                    {
                        sb.Append(alphabet[random.Next(alphabet.Length)]);
                    }
                }
            }

            string text = sb.ToString();
            text.CopyTo(0, buffer, 0, text.Length);
            bool expected = SecretScanner.MightContainKey(text);
            Assert.True(expected == SecretScanner.MightContainKey(buffer, text.Length), text);
            yes += expected ? 1 : 0;
        }

        Assert.InRange(yes, 2000, 18000); // both answers occur often: the comparison means something
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
