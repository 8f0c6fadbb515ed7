using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis.Testing;
using static Guardrails.Analyzers.Tests.HardcodedKeyInCodeAnalyzerTests;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Issue 16 (third corpus) and issue 12 #8, session 8. From the C# specification: a <c>stackalloc</c> array initializer
/// (§12.8.22) read by <c>new string(span)</c>; a using alias of <c>System.String</c> (§14.5.2) calling <c>Concat</c>;
/// <c>char + string</c> (§12.10.5, string concatenation with a char operand) and a char written as a cast of its code
/// (<c>(char)0x65</c>, §12.9.7) or a unicode escape (<c>'\u0065'</c>, §6.4.5.5) inside a <c>+</c> chain. Marker-less keys
/// whose only context is the code around them: an enclosing type, namespace or method name, a serialization name on the
/// member, a called method's name, a tuple sibling, the host of a URL in the same method, identifiers in other languages.
/// What must stay quiet: the same values with no provider anywhere near, a lookup key in a provider-named class that is
/// not random, a URL's path (not its host) naming a provider.
/// </summary>
public class StringFormsRound4Tests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    private static string Lit(string value) => "\"" + value + "\"";

    private static string Chars(string value) => string.Join(", ", value.Select(c => "'" + c + "'"));

    private static string InClass(string body, string usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\n") =>
        usings + "static class C\n{\n" + body + "\n}\n";

    // ---- group 2: string forms the compiler builds at run time ----

    [Fact]
    public Task A_stackalloc_char_span_read_by_new_string_is_a_key_at_its_chars()
    {
        return V.AnalyzerAsync(
            InClass("    public static string M()\n    {\n        Span<char> buffer = stackalloc char[] { {|#0:" + Chars(Key) + "|} };\n        return new string(buffer);\n    }"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task An_implicit_stackalloc_read_by_new_string_is_a_key()
    {
        return V.AnalyzerAsync(
            InClass("    public static string M()\n    {\n        Span<char> buffer = stackalloc[] { {|#0:" + Chars(Key) + "|} };\n        return new string(buffer);\n    }"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task A_using_alias_of_System_String_calling_Concat_is_string_Concat()
    {
        // Cut inside the prefix: neither piece holds a marker.
        return V.AnalyzerAsync(
            "using S = System.String;\nstatic class C\n{\n    public static readonly string Value = S.Concat({|#0:" + Lit(Key.Substring(0, 2)) + ", " + Lit(Key.Substring(2)) + "|});\n}\n",
            expected: Grd001(Key));
    }

    [Fact]
    public Task An_alias_of_another_type_calling_Concat_is_not_folded_as_a_string()
    {
        // P.Concat is some other Concat: its pieces are left alone (each too short to be a key).
        return V.AnalyzerAsync(
            "using P = Parts;\nstatic class Parts\n{\n    public static string Concat(string a, string b) => a;\n}\nstatic class C\n{\n    public static readonly string Value = P.Concat(" + Lit(Key.Substring(0, 2)) + ", " + Lit(Key.Substring(2, 60)) + ");\n}\n");
    }

    [Fact]
    public Task A_char_plus_string_is_one_key()
    {
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:'" + Key[0] + "' + " + Lit(Key.Substring(1)) + "|};"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task A_char_written_as_a_cast_of_its_code_inside_a_plus_chain_is_part_of_the_key()
    {
        // "sk-pr" + (char)0x6F + (char)106 + '\u002D' + "…": decimal, hex and escape forms of single characters.
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:" + Lit(Key.Substring(0, 5)) + " + (char)0x" + ((int)Key[5]).ToString("X2") + " + (char)" + (int)Key[6] + " + '\\u" + ((int)Key[7]).ToString("x4") + "' + " + Lit(Key.Substring(8)) + "|};"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task A_char_plus_a_short_word_is_no_key()
    {
        return V.AnalyzerAsync(InClass("    public static readonly string Path = '/' + \"api/v1/models\";\n    public static readonly string Sep = ',' + \"sk\";"));
    }

    // ---- group 1: a marker-less key named only by what surrounds it ----

    [Fact]
    public Task A_Key_property_in_a_class_named_for_the_provider_is_that_provider_s_key()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            InClass("    public sealed class MistralSettings\n    {\n        public string Key { get; set; } = {|#0:" + Lit(mistral) + "|};\n    }"),
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task A_Key_constant_in_a_namespace_named_for_the_provider_is_that_provider_s_key()
    {
        string cohere = FakeKeys.Cohere();
        return V.AnalyzerAsync(
            "namespace Contoso.Providers.Cohere;\n\npublic static class Defaults\n{\n    public const string Key = {|#0:" + Lit(cohere) + "|};\n}\n",
            expected: NamedKey(cohere, "cohere"));
    }

    [Fact]
    public Task A_local_key_in_a_method_named_for_the_provider_is_that_provider_s_key()
    {
        string deepSeek = FakeKeys.DeepSeek();
        return V.AnalyzerAsync(
            InClass("    public static string CreateDeepSeekClient()\n    {\n        var key = {|#0:" + Lit(deepSeek) + "|};\n        return key;\n    }"),
            expected: NamedKey(deepSeek, "deepseek"));
    }

    [Fact]
    public Task A_neutral_member_serialized_under_a_provider_key_name_is_that_provider_s_key()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "public sealed class Cfg\n{\n    [System.Text.Json.Serialization.JsonPropertyName(\"mistral_api_key\")]\n    public string Value { get; set; } = {|#0:" + Lit(mistral) + "|};\n}\n",
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task A_key_passed_to_a_method_named_for_the_provider_s_key_is_that_provider_s_key()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            InClass("    public static void WithMistralKey(string key)\n    {\n    }\n\n    public static void Setup() => WithMistralKey({|#0:" + Lit(mistral) + "|});"),
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task A_tuple_element_typed_as_a_secret_next_to_the_provider_s_name_is_that_provider_s_key()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            InClass("    public static readonly (string Provider, string Secret) Pair = (\"mistral\", {|#0:" + Lit(mistral) + "|});"),
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task An_api_key_header_in_a_method_whose_base_address_is_the_provider_s_host_is_that_provider_s_key()
    {
        string cohere = FakeKeys.Cohere();
        return V.AnalyzerAsync(
            InClass("    public static HttpClient Make()\n    {\n        var http = new HttpClient { BaseAddress = new Uri(\"https://api.cohere.ai/v1/\") };\n        http.DefaultRequestHeaders.Add(\"x-api-key\", {|#0:" + Lit(cohere) + "|});\n        return http;\n    }"),
            expected: NamedKey(cohere, "cohere"));
    }

    [Fact]
    public Task A_bearer_token_for_a_request_to_the_provider_s_host_is_that_provider_s_key()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            InClass("    public static HttpRequestMessage Make()\n    {\n        var request = new HttpRequestMessage(HttpMethod.Post, \"https://api.mistral.ai/v1/chat/completions\");\n" +
                    "        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", {|#0:" + Lit(mistral) + "|});\n        return request;\n    }"),
            expected: NamedKey(mistral, "mistral"));
    }

    [Theory]
    [InlineData("clave{0}")]
    [InlineData("{1}Schlüssel")]
    [InlineData("ключ{0}")]
    [InlineData("{1}密钥")]
    [InlineData("chave{0}")]
    [InlineData("{1}キー")]
    public Task A_key_word_in_another_language_names_a_provider_s_key(string pattern)
    {
        string mistral = FakeKeys.Mistral();
        string name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, "Mistral", "mistral");
        return V.AnalyzerAsync(
            InClass("    private const string " + name + " = {|#0:" + Lit(mistral) + "|};\n    public static int Length => " + name + ".Length;"),
            expected: NamedKey(mistral, "mistral"));
    }

    [Theory]
    [InlineData("Api_Key_AzureOpenAi", "azure-openai-32")]
    [InlineData("API_KEY_DEEP_SEEK", "deepseek")]
    [InlineData("Api_Key_Aws", "aws-secret-access-key")]
    [InlineData("COAPIKEY", "cohere")]
    public Task A_provider_of_several_words_after_the_secret_word_names_whose_key_it_is(string name, string formatId)
    {
        string value = formatId switch
        {
            "azure-openai-32" => FakeKeys.AzureHex32(),
            "deepseek" => FakeKeys.DeepSeek(),
            "aws-secret-access-key" => FakeKeys.AwsSecretAccessKey(),
            _ => FakeKeys.Cohere(),
        };
        return V.AnalyzerAsync(InClass("    public static readonly string " + name + " = {|#0:" + Lit(value) + "|};"), expected: NamedKey(value, formatId));
    }

    [Fact]
    public Task The_same_values_with_no_provider_around_them_stay_quiet()
    {
        string mistral = FakeKeys.Mistral();
        string hex = FakeKeys.AzureHex32();
        return V.AnalyzerAsync(
            "namespace Contoso.Caching\n{\npublic sealed class CacheSettings\n{\n    public string Key { get; set; } = " + Lit(mistral) + ";\n" +
            "    public static string CreateClient()\n    {\n        var key = " + Lit(mistral) + ";\n        return key;\n    }\n" +
            "    public static readonly (string Provider, string Secret) Pair = (\"contoso\", " + Lit(mistral) + ");\n}\n}\n" +
            // "azure" in a namespace does not make 32 hex digits an Azure AI services key (every MD5 is 32 hex digits).
            "namespace Contoso.Azure.Storage\n{\n    public static class Blobs\n    {\n        public const string Key = " + Lit(hex) + ";\n    }\n}\n");
    }

    [Fact]
    public Task A_provider_in_a_url_path_or_a_cache_key_in_a_provider_class_stays_quiet()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            InClass("    public sealed class MistralSettings\n    {\n        public string CacheKey { get; set; } = " + Lit(mistral) + ";\n    }\n" +
                    "    public static HttpClient Make()\n    {\n        var http = new HttpClient { BaseAddress = new Uri(\"https://gateway.contoso.example/mistral/v1/\") };\n" +
                    "        http.DefaultRequestHeaders.Add(\"x-request-id\", " + Lit(mistral) + ");\n        return http;\n    }"));
    }

    // ---- issue 12 #8: one-token obfuscations, and five more a developer would write to get a key past a scanner ----

    [Fact]
    public Task Pieces_of_a_static_readonly_array_joined_by_index_out_of_order_are_a_key()
    {
        string[] p = { Key.Substring(0, 2), Key.Substring(2, 70), Key.Substring(72) };
        return V.AnalyzerAsync(
            InClass("    private static readonly string[] P = { {|#0:" + Lit(p[1]) + ", " + Lit(p[2]) + ", " + Lit(p[0]) + "|} };\n    public static string Value => P[2] + P[0] + P[1];"),
            expected: Grd001(Key));
    }

    [Theory]
    [InlineData(".PadLeft(0)")]
    [InlineData(".Trim()")]
    [InlineData(".ToString()")]
    [InlineData(".Substring(0)")]
    [InlineData(".Normalize()")]
    public Task A_no_op_call_on_each_piece_of_a_split_key_does_not_hide_it(string call)
    {
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:" + Lit(Key.Substring(0, 2)) + call + " + " + Lit(Key.Substring(2)) + "|}" + call + ";"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task A_null_or_default_piece_in_a_concatenation_joins_as_nothing()
    {
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:" + Lit(Key.Substring(0, 5)) + " + null + " + Lit(Key.Substring(5, 40)) + " + default(string) + " + Lit(Key.Substring(45)) + "|};"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task A_key_written_in_the_wrong_case_and_converted_back_is_a_key()
    {
        // An AWS access key id is upper-case letters and digits: written lower-case, upper-cased at run time.
        string aws = FakeKeys.AwsAccessKeyId();
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = {|#0:" + Lit(aws.ToLowerInvariant()) + "|}.ToUpperInvariant();"),
            expected: Grd001(aws));
    }

    [Fact]
    public Task A_key_behind_junk_read_through_AsSpan_is_a_key()
    {
        return V.AnalyzerAsync(
            InClass("    public static string M() => {|#0:" + Lit("xQ" + Key) + "|}.AsSpan(2).ToString();"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task String_Intern_of_a_split_key_is_the_key()
    {
        return V.AnalyzerAsync(
            InClass("    public static readonly string Value = string.Intern({|#0:" + Lit(Key.Substring(0, 2)) + " + " + Lit(Key.Substring(2)) + "|});"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task Case_conversions_and_spans_of_ordinary_text_stay_quiet()
    {
        return V.AnalyzerAsync(
            InClass("    public static readonly string A = \"akia is not a key\".ToUpperInvariant();\n    public static string B() => \"xQhello-world\".AsSpan(2).ToString();\n" +
                    "    private static readonly string[] P = { \"alpha\", \"beta\" };\n    public static string Joined => P[1] + null + P[0];"));
    }

    [Fact]
    public Task An_auto_property_initialized_with_constants_from_another_file_under_a_key_name_is_a_key()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            test =>
            {
                test.TestState.Sources.Add(("/0/Parts.cs", "static class Parts\n{\n    public const string One = " + Lit(mistral.Substring(0, 11)) + ";\n    public const string Two = " + Lit(mistral.Substring(11)) + ";\n}\n"));
                test.TestState.Sources.Add(("/0/Keys.cs", "static class Keys\n{\n    public static string MistralApiKey { get; } = {|#0:Parts.One + Parts.Two|};\n    public static string MistralModel { get; } = Parts.One + Parts.Two;\n}\n"));
            },
            expected: NamedKey(mistral, "mistral"));
    }
}
