using Guardrails.Tests.Shared;
using static Guardrails.Analyzers.Tests.HardcodedKeyInCodeAnalyzerTests;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Adversary round 9, route 3 (session 13): a key split into two literals that meet only through a source method's
/// parameters (<c>Join("…", "…")</c> with <c>static string Join(string a, string b) =&gt; a + b;</c>), a record's positional
/// parameters (<c>new Cfg("…", "…").Key</c>), a tuple field (<c>Parts.T.Item1 + Parts.T.Item2</c>) or a static array that
/// is not <c>readonly</c> (<c>P[0] + P[1]</c>). Each half is short of a key; the fold follows the call into a callee whose
/// body is a concatenation of its parameters, and a field's initializer whatever its modifiers.
/// </summary>
public class StringFormsRound7Tests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    // A cut after 20 characters: the head ("sk-proj-" + 12) is no key, nor the head of one, on its own.
    private static readonly string Head = Key.Substring(0, 20);
    private static readonly string Tail = Key.Substring(20);

    private static string Lit(string value) => "\"" + value + "\"";

    private static string Halves => "{|#0:" + Lit(Head) + ", " + Lit(Tail) + "|}";

    [Fact]
    public Task Halves_joined_by_a_local_function_of_top_level_statements_are_a_key()
    {
        string source = "var key = Join(" + Halves + ");\nSystem.Console.WriteLine(key.Length);\nstatic string Join(string a, string b) => a + b;\n";
        return V.AnalyzerAsync(test =>
        {
            test.TestCode = source;
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        }, Grd001(Key));
    }

    [Theory]
    [InlineData("static string Join(string a, string b) => a + b;")]
    [InlineData("static string Join(string a, string b) { return a + b; }")]
    [InlineData("static string Join(string a, string b) => string.Concat(a, b);")]
    [InlineData("static string Join(string a, string b) => $\"{a}{b}\";")]
    [InlineData("static string Join(string a, string b, string c = \"\") => a + c + b;")]
    public Task Halves_passed_to_a_method_whose_body_concatenates_its_parameters_are_a_key(string method)
    {
        string source = "static class C\n{\n    " + method + "\n    public static string Value() => Join(" + Halves + ");\n}\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task Halves_passed_to_a_method_of_another_class_in_another_file_are_a_key()
    {
        return V.AnalyzerAsync(test =>
        {
            test.TestState.Sources.Add(("/0/Use.cs", "static class C\n{\n    public static string Value() => Text.Join(b: {|#0:" + Lit(Tail) + ", a: " + Lit(Head) + "|});\n}\n"));
            test.TestState.Sources.Add(("/0/Text.cs", "static class Text\n{\n    public static string Join(string a, string b) => a + b;\n}\n"));
        }, Grd001(Key));
    }

    [Fact]
    public Task Halves_through_a_chain_of_two_methods_are_a_key()
    {
        string source = "static class C\n{\n    static string Inner(string x, string y) => x + y;\n    static string Outer(string a, string b) => Inner(a, b);\n" +
                        "    public static string Value() => Outer(" + Halves + ");\n}\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task Halves_given_to_a_record_s_positional_parameters_and_joined_by_a_property_are_a_key()
    {
        string source = "static class C\n{\n    public static string Value() => new Cfg(" + Halves + ").Key;\n}\n" +
                        "record Cfg(string A, string B) { public string Key => A + B; }\n" + IsExternalInit;
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task Halves_given_to_a_class_primary_constructor_and_joined_by_a_property_initializer_are_a_key()
    {
        string source = "static class C\n{\n    public static string Value() => new Cfg(" + Halves + ").Key;\n}\n" +
                        "class Cfg(string a, string b) { public string Key { get; } = a + b; }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task Halves_in_a_tuple_field_joined_by_its_items_are_a_key()
    {
        string source = "static class Use\n{\n    public static string Value() => Parts.T.Item1 + Parts.T.Item2;\n}\n" +
                        "static class Parts { public static (string, string) T = (" + Halves + "); }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task Halves_in_a_tuple_field_with_named_elements_are_a_key()
    {
        string source = "static class Use\n{\n    public static string Value() => Parts.T.Head + Parts.T.Tail;\n}\n" +
                        "static class Parts { public static (string Head, string Tail) T = (" + Halves + "); }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task Halves_in_a_static_array_that_is_not_readonly_joined_by_index_are_a_key()
    {
        string source = "static class Use\n{\n    public static string Value() => Parts.P[0] + Parts.P[1];\n}\n" +
                        "static class Parts { public static string[] P = { " + Halves + " }; }\n";
        return V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public Task A_method_that_does_not_join_its_parameters_joins_nothing()
    {
        // Pick returns one half: the two literals never meet (each is short of a key).
        string source = "static class C\n{\n    static string Pick(string a, string b) => a;\n    public static string Value() => Pick(" + Lit(Head) + ", " + Lit(Tail) + ");\n}\n";
        return V.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_method_with_a_loop_is_not_followed()
    {
        string source = "static class C\n{\n    static string Join(string a, string b) { var s = a; for (int i = 0; i < 0; i++) { s += \"x\"; } return s + b; }\n" +
                        "    public static string Value() => Join(" + Lit(Head) + ", " + Lit(Tail) + ");\n}\n";
        return V.AnalyzerAsync(source);
    }

    private const string IsExternalInit = "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }\n";
}
