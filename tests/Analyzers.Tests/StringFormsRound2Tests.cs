using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis.Testing;
using static Guardrails.Analyzers.Tests.HardcodedKeyInCodeAnalyzerTests;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Round-2 adversary #6 and the next forms an assistant writes to get a key past a scanner: pure string functions of
/// constant arguments (C# §12.8.11 ranges and indices, <c>string.Remove</c>, a char in a <c>+</c> chain, junk removed
/// from inside a key's prefix, chars joined by <c>string.Concat</c>), each reported at the key's own literal(s).
/// </summary>
public class StringFormsRound2Tests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    private static string A => Key.Substring(0, 30);

    private static string B => Key.Substring(30);

    private static string Lit(string value) => "\"" + value + "\"";

    private static Task Reports(string expression, string? key = null) =>
        V.AnalyzerAsync("class C\n{\n    public static string F => " + expression + ";\n}\n", expected: Grd001(key ?? Key));

    private static Task Silent(string expression) =>
        V.AnalyzerAsync("class C\n{\n    public static string F => " + expression + ";\n}\n");

    [Fact]
    public Task Junk_inside_the_key_removed_with_Remove_is_reported_at_the_literal() =>
        Reports("{|#0:" + Lit(A + "XYZ" + B) + "|}.Remove(30, 3)");

    [Fact]
    public Task Remove_with_a_start_only_cuts_a_tail_of_junk() =>
        Reports("{|#0:" + Lit(Key + "~~junk") + "|}.Remove(" + Key.Length + ")");

    [Fact]
    public Task A_wrong_Remove_leaves_no_key_and_nothing_is_reported() =>
        Silent(Lit(A + "###" + B) + ".Remove(20, 3)");

    [Fact]
    public Task A_full_range_of_a_literal_in_a_concatenation_is_folded() =>
        Reports("{|#0:" + Lit(A) + " + " + Lit(B) + "[..]|}");

    [Fact]
    public Task A_range_with_both_bounds_cuts_junk_on_both_sides() =>
        Reports("{|#0:" + Lit(A) + " + " + Lit("#!" + B + "!#") + "[2.." + (B.Length + 2) + "]|}");

    [Fact]
    public Task A_range_from_the_end_cuts_a_trailing_marker() =>
        Reports("{|#0:" + Lit(A + "@@") + "[..^2] + " + Lit(B) + "|}");

    [Fact]
    public Task A_slice_of_a_literal_joined_with_another_is_reported_at_the_concatenation() =>
        Reports("{|#0:" + Lit("xx" + A + "~" + B) + "[2..32] + " + Lit(B) + "|}");

    [Fact]
    public Task Substring_with_a_start_only_in_a_concatenation() =>
        Reports("{|#0:" + Lit(A) + " + " + Lit("##" + B) + "|}.Substring(2)");

    [Fact]
    public Task An_index_picks_one_char_into_the_key() =>
        Reports("{|#0:" + Lit(A) + " + " + Lit("?" + B[0]) + "[1] + " + Lit(B.Substring(1)) + "|}");

    [Fact]
    public Task A_char_literal_inside_a_plus_chain_is_part_of_the_key() =>
        Reports("{|#0:" + Lit(A) + " + '" + B[0] + "' + " + Lit(B.Substring(1)) + "|}");

    [Fact]
    public Task A_char_literal_splitting_the_prefix_is_part_of_the_key() =>
        Reports("{|#0:" + Lit("sk") + " + '-' + " + Lit(Key.Substring(3)) + "|}");

    [Fact]
    public Task Junk_inside_the_prefix_removed_with_Replace_is_reported_at_the_literal() =>
        // "s#k-p#roj-…": no provider prefix is left in the literal for the raw-text prefilter to see.
        Reports("{|#0:" + Lit("s#k-p#roj-" + Key.Substring(8)) + "|}.Replace(\"#\", \"\")");

    [Fact]
    public Task Chars_joined_by_string_Concat_are_a_key() =>
        Reports("string.Concat(new[] { {|#0:" + string.Join(", ", Key.Select(c => "'" + c + "'")) + "|} })");

    [Fact]
    public Task Chars_joined_by_string_Join_with_no_separator_are_a_key() =>
        Reports("string.Join(\"\", new char[] { {|#0:" + string.Join(",", Key.Select(c => "'" + c + "'")) + "|} })");

    [Fact]
    public Task A_short_char_array_is_not_a_key_and_a_separator_list_is_left_alone() =>
        Silent("string.Concat(\"a,b\".Split(new[] { ',', ';', ' ', '|' })) + string.Join(\"\", new[] { 's', 'k', '-', 'x', 'y', 'z', '1', '2', '3' })");

    [Fact]
    public Task A_key_with_no_fixed_format_interpolated_from_constants_declared_elsewhere_is_judged_by_its_name()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "class Parts\n{\n    public const string Head = " + Lit(mistral.Substring(0, 16)) + ";\n    public const string Tail = " + Lit(mistral.Substring(16)) + ";\n}\n" +
            "class C\n{\n    public const string MistralApiKey = {|#0:$\"{Parts.Head}{Parts.Tail}\"|};\n    public const string MistralModelName = $\"{Parts.Head}{Parts.Tail}\";\n}\n",
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task A_key_with_no_fixed_format_grown_with_plus_equals_under_its_name_is_reported()
    {
        string mistral = FakeKeys.Mistral();
        return V.AnalyzerAsync(
            "class C\n{\n    public static string Get()\n    {\n        string mistralApiKey = {|#0:" + Lit(mistral.Substring(0, 10)) + ";\n" +
            "        mistralApiKey += " + Lit(mistral.Substring(10, 11)) + ";\n        mistralApiKey += " + Lit(mistral.Substring(21)) + "|};\n        return mistralApiKey;\n    }\n}\n",
            expected: NamedKey(mistral, "mistral"));
    }

    [Fact]
    public Task An_Azure_key_split_inside_its_JQQJ99_marker_by_a_call_is_reported()
    {
        // 84 characters: 52 + JQQJ99 + …; split in three, the marker is cut between the second and third piece.
        string azure = FakeKeys.AzureIdentifiable();
        string[] p = { azure.Substring(0, 28), azure.Substring(28, 28), azure.Substring(56) };
        Assert.DoesNotContain("JQQJ" + "99", p[1], StringComparison.Ordinal);
        return Reports("string.Concat({|#0:" + Lit(p[0]) + ", " + Lit(p[1]) + ", " + Lit(p[2]) + "|})", azure);
    }

    [Fact]
    public Task The_api_key_header_added_to_a_plain_dictionary_names_an_Azure_key()
    {
        string hex = FakeKeys.AzureHex32();
        return V.AnalyzerAsync(
            "using System.Collections.Generic;\nclass C\n{\n    public static object Get()\n    {\n        var headers = new Dictionary<string, string>();\n" +
            "        headers.Add(\"api-key\", {|#0:" + Lit(hex) + "|});\n        headers.Add(\"etag\", " + Lit(FakeKeys.Hex(32, "0ddba11c0ffee5")) + ");\n        return headers;\n    }\n}\n",
            expected: NamedKey(hex, "azure-ai-32"));
    }
}
