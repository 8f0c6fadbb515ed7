using System.Text;

namespace Guardrails.Tests.Shared;

/// <summary>
/// Correctly formatted but obviously fake keys, assembled at run time so the repository itself holds no
/// string that looks like a leaked key. Every body spells out that it is fake (FakeKey…, NotReal…, fa6e = "fake"
/// in hex). One builder per provider format; GitHub tokens carry a real CRC32 checksum.
/// </summary>
internal static class FakeKeys
{
    /// <summary>base64("OpenAI"), the marker inside every OpenAI key.</summary>
    public const string OpenAiMarker = "T3Blbk" + "FJ";

    public const string DefaultSeed = "FakeKeyForTestsOnly";

    /// <summary>Hex seed: "fa6e c0de ba5e 1e55 d0d9 e7" reads as fake code, base, less…</summary>
    public const string HexSeed = "fa6ec0deba5e1e55d0d9e7";

    /// <summary>A body of exactly <paramref name="length"/> characters repeating <paramref name="seed"/>.</summary>
    public static string Body(int length, string seed = DefaultSeed)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = seed[i % seed.Length];
        }

        return new string(chars);
    }

    public static string Hex(int length, string seed = HexSeed) => Body(length, seed);

    public static string Guid(string seed = HexSeed) =>
        Hex(8, seed) + "-" + Hex(4, seed.Substring(3)) + "-" + Hex(4, seed.Substring(7)) + "-" + Hex(4, seed.Substring(11)) + "-" + Hex(12, seed.Substring(5));

    // ---- OpenAI ----------------------------------------------------------------------------------------------

    public static string OpenAiProject(string seed = DefaultSeed) =>
        "sk-" + "proj-" + Body(74, seed) + OpenAiMarker + Body(74, seed);

    public static string OpenAiServiceAccount(string seed = DefaultSeed) =>
        "sk-" + "svcacct-" + Body(74, seed) + OpenAiMarker + Body(74, seed);

    public static string OpenAiAdmin(string seed = DefaultSeed) =>
        "sk-" + "admin-" + Body(58, seed) + OpenAiMarker + Body(58, seed);

    public static string OpenAiNone(string seed = DefaultSeed) =>
        "sk-" + "None-" + Body(74, seed) + OpenAiMarker + Body(74, seed);

    public static string OpenAiNoneShort(string seed = DefaultSeed) => "sk-" + "None-" + Body(48, seed);

    public static string OpenAiLegacy(string seed = DefaultSeed) =>
        "sk" + "-" + Body(20, seed) + OpenAiMarker + Body(20, seed);

    // ---- Anthropic -------------------------------------------------------------------------------------------

    public static string Anthropic(string seed = "FakeKey-For_TestsOnly") => "sk-" + "ant-api03-" + Body(93, seed) + "AA";

    public static string AnthropicAdmin(string seed = "FakeKey-For_TestsOnly") => "sk-" + "ant-admin01-" + Body(93, seed) + "AA";

    public static string ClaudeCodeOAuth(string seed = "FakeKey-For_TestsOnly") => "sk-" + "ant-oat01-" + Body(95, seed);

    // ---- Azure -----------------------------------------------------------------------------------------------

    /// <summary>84-char identifiable key: 52 + JQQJ99 + year + month + 12 + reserved (AAAB = OpenAI) + ACOG + 4.</summary>
    public static string AzureIdentifiable(string reserved = "AAAB", string seed = DefaultSeed) =>
        Body(52, seed) + "JQQJ" + "99" + "A" + "B" + Body(12, seed) + reserved + "AC" + "OG" + Body(4, "Fa7e");

    public static string AzureHex32(string seed = HexSeed) => Hex(32, seed);

    // ---- Google ----------------------------------------------------------------------------------------------

    public static string GoogleApiKey(string seed = "FakeKey_For-TestsOnly") => "AI" + "za" + "Sy" + Body(33, seed);

    /// <summary>A PKCS#8 PEM block with JSON "\n" escapes, as in a service-account JSON file.</summary>
    public static string PemPrivateKey(string newline = "\\n", string seed = "FakeKeyForTestsOnlyNotReal0123") =>
        "-----BEGIN " + "PRIVATE KEY-----" + newline + "MIIE" + Body(60, seed) + newline + Body(64, seed) + newline +
        Body(40, seed) + "==" + newline + "-----END " + "PRIVATE KEY-----";

    public static string GoogleServiceAccountJson(string seed = "FakeKeyForTestsOnlyNotReal0123") =>
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"fake-project\",\n  \"private_key_id\": \"" + Hex(40) + "\",\n" +
        "  \"private_key\": \"" + PemPrivateKey("\\n", seed) + "\\n\",\n" +
        "  \"client_email\": \"fake@fake-project.iam.gserviceaccount.com\"\n}";

    // ---- AWS -------------------------------------------------------------------------------------------------

    public static string AwsAccessKeyId(string prefix = "AKIA", string body = "FAKEKEY2NOTREAL7") => prefix + body;

    public static string AwsSecretAccessKey(string seed = "FakeAwsSecret/NotReal+Key9") => Body(40, seed);

    public static string BedrockLongTerm(string seed = "NotARealSecretForTests") =>
        "AB" + "SK" + System.Convert.ToBase64String(Encoding.ASCII.GetBytes(
            "BedrockAPIKey-" + "FakeKeyId" + "-at-" + "123456789012" + ":" + Body(80, seed)));

    public static string BedrockShortTerm(string seed = "NotARealSignatureForTests") =>
        "bedrock-" + "api-key-" + System.Convert.ToBase64String(Encoding.ASCII.GetBytes(
            "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
            "&X-Amz-Credential=" + "FAKEKEY2NOTREAL7" + "&X-Amz-Signature=" + Body(64, seed) + "&Version=1"));

    // ---- Prefixed providers ----------------------------------------------------------------------------------

    public static string HuggingFace(string seed = "FAKEKEYnotREALforTESTSonly") => "hf" + "_" + Body(34, seed);

    public static string HuggingFaceOrg(string seed = "FAKEKEYnotREALforTESTSonly") => "api_" + "org_" + Body(34, seed);

    public static string Groq(string seed = DefaultSeed) => "gs" + "k_" + Body(52, seed);

    public static string Replicate(string seed = "FakeKey_For-TestsOnly") => "r8" + "_" + Body(37, seed);

    public static string XAi(string seed = DefaultSeed) => "xai" + "-" + Body(80, seed);

    public static string Perplexity(string seed = DefaultSeed) => "pplx" + "-" + Body(48, seed);

    public static string OpenRouter(string seed = HexSeed) => "sk-" + "or-v1-" + Hex(64, seed);

    public static string Together(string seed = "FakeKey_For-TestsOnly") => "tgp_" + "v1_" + Body(43, seed);

    public static string Nvidia(string seed = "FakeKey_For-TestsOnly") => "nv" + "api-" + Body(64, seed);

    public static string Fireworks(string seed = "FakeKey4Tests0nlyNotReal") => "fw" + "_" + Body(24, seed);

    public static string Voyage(string seed = "FakeKey_For-TestsOnly") => "pa" + "-" + Body(43, seed);

    public static string Pinecone(string seed = DefaultSeed) => "pc" + "sk_" + Body(5, "Fake9") + "_" + Body(63, seed);

    public static string LangSmith(string kind = "pt", string seed = HexSeed) => "lsv2" + "_" + kind + "_" + Hex(32, seed) + "_" + Hex(10, seed);

    public static string ElevenLabs(string seed = HexSeed) => "sk" + "_" + Hex(48, seed);

    public static string Cerebras(string seed = "fakekey4tests0nly") => "cs" + "k-" + Body(48, seed);

    public static string Langfuse(string seed = HexSeed) => "sk-" + "lf-" + Guid(seed);

    // ---- GitHub ----------------------------------------------------------------------------------------------

    /// <summary>gh?_ + 30 random + 6-char base62 CRC32 of the 30, computed here independently of the product.</summary>
    public static string GitHub(char kind = 'p', string seed = DefaultSeed)
    {
        string body = Body(30, seed);
        return "gh" + kind + "_" + body + Base62Crc32(body);
    }

    /// <summary>A GitHub token whose checksum is wrong by one character.</summary>
    public static string GitHubBadChecksum(char kind = 'p', string seed = DefaultSeed)
    {
        string good = GitHub(kind, seed);
        char last = good[good.Length - 1];
        return good.Substring(0, good.Length - 1) + (last == 'A' ? 'B' : 'A');
    }

    public static string GitHubFineGrained(string seed = DefaultSeed) =>
        "github_" + "pat_" + "11" + Body(20, "FAKEKEY2NOTREAL7") + "_" + Body(59, seed);

    public static string Base62Crc32(string text)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (char c in text)
        {
            crc ^= (byte)c;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        crc = ~crc;
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var sb = new StringBuilder();
        while (crc > 0)
        {
            sb.Insert(0, alphabet[(int)(crc % 62)]);
            crc /= 62;
        }

        return sb.ToString().PadLeft(6, '0');
    }

    // ---- Context-gated ---------------------------------------------------------------------------------------

    public static string Mistral(string seed = DefaultSeed) => Body(32, seed);

    public static string Cohere(string seed = DefaultSeed) => Body(40, seed);

    public static string DeepSeek(string seed = HexSeed) => "sk" + "-" + Hex(32, seed);

    public static string DeepInfra(string seed = "FakeKey4Tests0nly") => Body(32, seed);

    public static string AssemblyAi(string seed = HexSeed) => Hex(32, seed);

    public static string WeightsAndBiases(string seed = HexSeed) => Hex(40, seed);

    public static string Stability(string seed = DefaultSeed) => "sk" + "-" + Body(48, seed);

    public static string Cursor(string seed = HexSeed) => "key" + "_" + Hex(64, seed);

    public static string Deepgram(string seed = HexSeed) => Hex(40, seed);

    // Adversary round 11 route 11: providers whose hosts the endpoint catalog knows.
    public static string DashScope(string seed = HexSeed) => "sk" + "-" + Hex(32, seed);

    public static string Moonshot(string seed = DefaultSeed) => "sk" + "-" + Body(48, seed);

    public static string Zhipu(string seed = HexSeed) => Hex(32, seed) + "." + Body(16, "FakeKey4Tests0nly");

    public static string SiliconFlow(string seed = "fake9key4tests0nly7x") => "sk" + "-" + Body(48, seed);

    public static string VolcengineArk(string seed = HexSeed) => Guid(seed);

    public static string SambaNova(string seed = "0ddba11fa6eb0a7c0de5") => Guid(seed);

    /// <summary>Azure AI Search identifiable key: 42 + AzSe + [A-D] + 5.</summary>
    public static string AzureSearch(string seed = DefaultSeed) => Body(42, seed) + "Az" + "Se" + "C" + Body(5, "Fake9");
}
