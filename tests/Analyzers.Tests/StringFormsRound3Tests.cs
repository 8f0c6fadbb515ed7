using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis.Testing;
using static Guardrails.Analyzers.Tests.HardcodedKeyInCodeAnalyzerTests;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Issue 16, session 7: pieces of a key held as the values of a dictionary keyed by numbers and joined in key order
/// (the outsider corpus's <c>chunks-in-dictionary-values</c>), and a key with no fixed format put together under a key
/// name from names only (<c>const string MistralApiKey = Part1 + Part2;</c>, <c>string.Concat(Parts)</c>), found by a
/// raw-text spot at the key name's <c>=</c> instead of the compiler's declaration table. What must stay quiet: a dictionary
/// keyed by words (separate values), names read at run time, calls that read configuration.
/// </summary>
public class StringFormsRound3Tests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    private static string Lit(string value) => "\"" + value + "\"";

    private static string InMethod(string body) =>
        "using System.Collections.Generic;\nusing System.Linq;\nclass C\n{\n    public static string Get()\n    {\n" + body + "\n    }\n}\n";

    [Fact]
    public Task Pieces_in_a_dictionary_keyed_by_numbers_and_joined_in_key_order_are_a_key()
    {
        string[] p = { Key.Substring(0, 50), Key.Substring(50, 60), Key.Substring(110) };
        return V.AnalyzerAsync(
            InMethod("        var parts = new Dictionary<int, string>\n        {\n            [0] = {|#0:" + Lit(p[0]) + ",\n            [1] = " + Lit(p[1]) + ",\n            [2] = " + Lit(p[2]) + "|},\n        };\n" +
                     "        return string.Concat(parts.OrderBy(x => x.Key).Select(x => x.Value));"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task Pieces_written_out_of_order_are_joined_by_their_numbers_and_reported_from_the_first_line_to_the_last()
    {
        // Source order tail, head, middle: only the order of the numbers spells the key.
        string[] p = { Key.Substring(0, 50), Key.Substring(50, 60), Key.Substring(110) };
        return V.AnalyzerAsync(
            InMethod("        var parts = new SortedDictionary<int, string>\n        {\n            { 2, {|#0:" + Lit(p[2]) + " },\n            { 0, " + Lit(p[0]) + " },\n            { 1, " + Lit(p[1]) + "|} },\n        };\n" +
                     "        return string.Join(\"\", parts.Values);"),
            expected: Grd001(Key));
    }

    [Fact]
    public Task A_dictionary_keyed_by_words_holds_separate_values_and_is_not_joined()
    {
        // Joined, the two values would make the key; as settings under names they are two values, each too short to be one.
        string[] p = { Key.Substring(0, 80), Key.Substring(80) };
        return V.AnalyzerAsync(
            InMethod("        var settings = new Dictionary<string, string>\n        {\n            [\"first\"] = " + Lit(p[0]) + ",\n            [\"second\"] = " + Lit(p[1]) + ",\n        };\n" +
                     "        return settings[\"first\"];"));
    }

    [Fact]
    public Task A_key_with_no_fixed_format_added_from_constants_in_another_file_is_reported_at_the_name()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            test =>
            {
                test.TestState.Sources.Add(("/0/Parts.cs", "static class Parts\n{\n    public const string One = " + Lit(mistral.Substring(0, 11)) + ";\n    public const string Two = " + Lit(mistral.Substring(11)) + ";\n}\n"));
                test.TestState.Sources.Add(("/0/Keys.cs", "static class Keys\n{\n    public static readonly string MistralApiKey = {|#0:Parts.One + Parts.Two|};\n    public static readonly string MistralModel = Parts.One + Parts.Two;\n}\n"));
            },
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task A_const_chain_of_names_under_a_key_name_is_reported_at_the_pieces()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "static class Keys\n{\n    private const string Part1 = {|#0:" + Lit(mistral.Substring(0, 16)) + ";\n    private const string Part2 = " + Lit(mistral.Substring(16)) + "|};\n" +
            "    public const string MistralApiKey = Part1 + Part2;\n}\n",
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task String_Concat_of_a_static_array_under_a_key_name_is_reported_at_the_array()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "static class Keys\n{\n    private static readonly string[] Parts = { {|#0:" + Lit(mistral.Substring(0, 10)) + ", " + Lit(mistral.Substring(10, 10)) + ", " + Lit(mistral.Substring(20)) + "|} };\n" +
            "    public static string MistralApiKey => string.Concat(Parts);\n}\n",
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task A_key_set_on_options_in_a_configure_lambda_is_named_by_the_options_type()
    {
        // Third corpus, options-configure-lambda: the lambda's parameter type (MistralOptions) says whose key ApiKey is.
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "using System;\nclass C\n{\n    public sealed class MistralOptions\n    {\n        public string ApiKey { get; set; } = string.Empty;\n    }\n\n" +
            "    public static void Configure<T>(Action<T> configure) where T : new() => configure(new T());\n\n" +
            "    public static void Setup() => Configure<MistralOptions>(o => o.ApiKey = {|#0:" + Lit(mistral) + "|});\n}\n",
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task Names_joined_under_a_key_name_from_run_time_values_or_configuration_calls_are_left_alone()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "static class Parts\n{\n    public const string One = " + Lit(mistral.Substring(0, 11)) + ";\n    public const string Two = " + Lit(mistral.Substring(11)) + ";\n}\n" +
            "class Service\n{\n    private readonly string _apiKey;\n    private readonly string _token;\n" +
            "    public Service(string apiKey, string prefix)\n    {\n        _apiKey = prefix + apiKey;\n        _token = Read(Parts.One) + Parts.Two;\n    }\n" +
            "    private static string Read(string name) => System.Environment.GetEnvironmentVariable(name) ?? string.Empty;\n" +
            // A key-named value that only names the pieces' names (not their values) is no key either.
            "    public static string MistralKeyName => nameof(Parts.One) + nameof(Parts.Two);\n}\n");
    }
}
