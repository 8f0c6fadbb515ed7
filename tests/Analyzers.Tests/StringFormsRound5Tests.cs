using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Guardrails.Analyzers.Tests.HardcodedKeyInCodeAnalyzerTests;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Issue 16, session 9: the third corpus's last misses, written from the C# specification and the providers' formats.
/// A constant built across <c>#if/#else</c> (§6.5.5: only the active section is compiled, the <c>+</c> goes on after the
/// directives); a char written as a cast of its code (§12.9.7) at the START of a <c>+</c> chain (<c>(char)103 + "sk_…"</c>);
/// <c>AzureKeyCredential</c> (Azure.Core: a key credential for any Azure service) and <c>ApiKeyCredential</c>
/// (System.ClientModel) holding a random value with no provider named anywhere; a Bearer token to an AWS host in
/// AWS's secret-access-key shape; a random key body that happens to hold a placeholder word (a real base62 body of 52
/// characters holds a given 8-letter word rarely, but it does). What stays quiet: placeholders in those same places.
/// </summary>
public class StringFormsRound5Tests
{
    private static string Lit(string value) => "\"" + value + "\"";

    private static string InClass(string body) =>
        "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nstatic class C\n{\n" + body + "\n}\n";

    private const string AzureCore = "namespace Azure\n{\n    public class AzureKeyCredential\n    {\n        public AzureKeyCredential(string key) => this.Key = key;\n\n        public string Key { get; }\n    }\n}\n";

    private const string ClientModel = "namespace System.ClientModel\n{\n    public class ApiKeyCredential\n    {\n        public ApiKeyCredential(string key) => this.Key = key;\n\n        public string Key { get; }\n    }\n}\n";

    // ---- #if / #else inside a + chain ----

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public Task A_constant_whose_head_is_cut_inside_the_prefix_and_whose_tail_is_in_the_active_else_branch_is_a_key(int cut)
    {
        // Without DEBUG the compiler builds head + tail; the head alone ("gs", "g") is no key and no piece followed by '+'.
        string key = FakeKeys.Groq();
        return V.AnalyzerAsync(
            InClass("    public const string Value = {|#0:" + Lit(key.Substring(0, cut)) + "\n#if DEBUG\n        + \"debug\"\n#else\n        + " + Lit(key.Substring(cut)) + "|}\n#endif\n;"),
            expected: Grd001(key));
    }

    [Fact]
    public Task A_head_followed_by_a_directive_and_no_plus_is_no_key()
    {
        // "gs" ends its statement; the directive is followed by an unrelated declaration.
        return V.AnalyzerAsync(InClass("    public const string Head = \"gs\";\n#if DEBUG\n    public const string Mode = \"debug\";\n#endif\n    public const string Tail = \"k_\";"));
    }

    // ---- (char)N at the start of a chain ----

    public static TheoryData<string> KeysOfEveryPrefixKind => new()
    {
        FakeKeys.Groq(), FakeKeys.AwsAccessKeyId(), FakeKeys.GoogleApiKey(), FakeKeys.OpenAiProject(), FakeKeys.GitHub(), FakeKeys.Anthropic(),
    };

    [Theory]
    [MemberData(nameof(KeysOfEveryPrefixKind))]
    public Task A_char_cast_of_its_code_at_the_start_of_a_plus_chain_is_part_of_the_key(string key)
    {
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:(char)" + (int)key[0] + " + " + Lit(key.Substring(1)) + "|};"),
            expected: Grd001(key));
    }

    [Fact]
    public Task A_hex_char_cast_and_a_char_literal_at_the_start_of_a_plus_chain_are_part_of_the_key()
    {
        string key = FakeKeys.Nvidia();
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:(char)0x" + ((int)key[0]).ToString("x2") + " + '" + key[1] + "' + " + Lit(key.Substring(2)) + "|};"),
            expected: Grd001(key));
    }

    // ---- key-credential types ----

    [Fact]
    public Task A_random_value_passed_to_AzureKeyCredential_with_no_provider_named_is_an_Azure_key_credential()
    {
        string value = FakeKeys.Mistral(); // 32 base62: no Azure shape, no provider near
        return V.AnalyzerAsync(
            InClass("    public static Azure.AzureKeyCredential Credential() => new({|#0:" + Lit(value) + "|});") + AzureCore,
            expected: NamedKey(value, "azure-key-credential"));
    }

    [Fact]
    public Task A_40_hex_value_passed_to_AzureKeyCredential_is_an_Azure_key_credential()
    {
        string value = FakeKeys.Hex(40); // a SHA-1 digest's shape anywhere else; no provider named
        return V.AnalyzerAsync(
            InClass("    public static Azure.AzureKeyCredential Credential() => new Azure.AzureKeyCredential({|#0:" + Lit(value) + "|});") + AzureCore,
            expected: NamedKey(value, "azure-key-credential"));
    }

    [Fact]
    public Task A_random_value_passed_to_ApiKeyCredential_with_no_provider_named_is_a_key_credential()
    {
        string value = FakeKeys.Cohere(); // 40 base62
        return V.AnalyzerAsync(
            InClass("    public static System.ClientModel.ApiKeyCredential Credential() => new({|#0:" + Lit(value) + "|});") + ClientModel,
            expected: NamedKey(value, "api-key-credential"));
    }

    [Fact]
    public Task Placeholders_words_and_emulator_keys_passed_to_key_credentials_stay_quiet()
    {
        // The Azurite account key is public (WellKnownKeys); "ollama"/"not-needed" are what local OpenAI-compatible servers take.
        string azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVE" + "rCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        return V.AnalyzerAsync(
            InClass(
                "    public static object[] All() => new object[]\n    {\n" +
                "        new Azure.AzureKeyCredential(\"your-azure-key-here\"),\n" +
                "        new Azure.AzureKeyCredential(\"00000000000000000000000000000000\"),\n" +
                "        new Azure.AzureKeyCredential(\"" + azurite + "\"),\n" +
                "        new Azure.AzureKeyCredential(\"AzureCognitiveServicesKeyGoesHere\"),\n" +
                "        new System.ClientModel.ApiKeyCredential(\"ollama\"),\n" +
                "        new System.ClientModel.ApiKeyCredential(\"not-needed-for-local-server\"),\n" +
                "    };") + AzureCore + ClientModel);
    }

    [Fact]
    public Task Hex_digests_passed_to_anything_but_a_key_credential_stay_quiet()
    {
        return V.AnalyzerAsync(InClass(
            "    public static bool Verify(string sha) => sha.Length > 0;\n    public static readonly bool Ok = Verify(\"" + FakeKeys.Hex(40) + "\") && Verify(\"" + FakeKeys.Hex(32) + "\");\n" +
            "    public static readonly string ContentKey = \"" + FakeKeys.Hex(40) + "\";") + AzureCore);
    }

    // ---- Bearer to an AWS host ----

    [Fact]
    public Task A_bearer_token_in_AWS_secret_key_shape_sent_to_an_AWS_host_is_an_AWS_secret_access_key()
    {
        string secret = FakeKeys.AwsSecretAccessKey();
        return V.AnalyzerAsync(
            InClass("    public static HttpRequestMessage Make()\n    {\n        var request = new HttpRequestMessage(HttpMethod.Post, \"https://bedrock-runtime.us-east-1.amazonaws.com/model/invoke\");\n        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", {|#0:" + Lit(secret) + "|});\n        return request;\n    }"),
            expected: NamedKey(secret, "aws-secret-access-key"));
    }

    // ---- a word inside a random body ----

    [Fact]
    public Task A_groq_key_whose_random_body_holds_the_word_Redacted_is_still_a_key()
    {
        string key = FakeKeys.Groq("Fake7xRedactedQwNotReal9");
        return V.AnalyzerAsync(InClass("    public static readonly string Value = {|#0:" + Lit(key) + "|};"), expected: Grd001(key));
    }

    [Fact]
    public Task A_nvidia_key_whose_random_body_holds_the_word_Sample_is_still_a_key()
    {
        string key = FakeKeys.Nvidia("Fake_7xSampleQw-NotReal9");
        return V.AnalyzerAsync(InClass("    public static readonly string Value = {|#0:" + Lit(key) + "|};"), expected: Grd001(key));
    }

    [Fact]
    public Task A_key_shaped_placeholder_written_as_a_camelCase_run_stays_quiet()
    {
        // Documentation writes the slot out in words: "Your…ApiKeyHere" has the placeholder word and its companions.
        string groq = "gs" + "k_" + FakeKeys.Body(52, "xYourGroqApiKeyGoesHere9");
        string nvidia = "nv" + "api-" + FakeKeys.Body(64, "zRedactedNvidiaTokenQ7");
        return V.AnalyzerAsync(InClass("    public static readonly string A = \"" + groq + "\";\n    public static readonly string B = \"" + nvidia + "\";"));
    }
}
