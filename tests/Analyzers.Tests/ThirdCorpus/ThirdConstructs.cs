using System.Globalization;
using System.Text;

namespace Guardrails.Analyzers.Tests.ThirdCorpus;

/// <summary>What a construct or context is given: the key, a name for it, the provider's words, and the case's random source.</summary>
internal sealed record Ctx(string Key, string Name, ThirdKey Form, Random R)
{
    public string Word => this.Form.Word;

    public string Env => this.Form.Env;

    public string Pascal => ThirdKeys.Pascal(this.Form.Word);

    /// <summary>The key in 2-4 non-empty pieces cut at random places.</summary>
    public string[] Pieces(int n)
    {
        var cuts = new SortedSet<int>();
        while (cuts.Count < n - 1)
        {
            cuts.Add(1 + this.R.Next(this.Key.Length - 1));
        }

        var parts = new List<string>();
        int at = 0;
        foreach (int c in cuts)
        {
            parts.Add(this.Key.Substring(at, c - at));
            at = c;
        }

        parts.Add(this.Key.Substring(at));
        return parts.ToArray();
    }
}

/// <summary>One way to write a key into C#. Stretch constructs compute the key at run time.</summary>
internal sealed record Construct(string Name, bool Stretch, Func<Ctx, TSrc[]> Build, bool Exe = false, Func<string, bool>? Applies = null);

/// <summary>
/// The C# constructs, written from the C# specification (lexical structure: every literal and escape form; expressions:
/// concatenation, interpolation, patterns, switch, tuples, lambdas with defaults; declarations: primary constructors,
/// records, file-local types, generic statics, interface constants; preprocessing directives) and from the ways
/// people hide a key from a scanner.
/// </summary>
internal static class ThirdConstructs
{
    private const char O = ThirdRunner.Open;
    private const char C = ThirdRunner.Close;

    /// <summary>A regular C# string literal (the alphabets used need no escapes besides these).</summary>
    public static string Lit(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string Mark(string line) => O + line + C;

    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.Linq;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Text;\n";

    /// <summary>A source whose members sit in a static class (<paramref name="body"/> lines are indented by the caller).</summary>
    public static TSrc W(string body, string path = "Holder.cs") =>
        new(path, Usings + "namespace Contoso.App;\n\npublic static partial class Holder\n{\n" + body + "\n}\n");

    private static TSrc[] One(string body) => [W(body)];

    private static string Join(IEnumerable<string> pieces, string sep) => string.Join(sep, pieces.Select(Lit));

    private static string EscapeEvery(string key, int every, Func<char, string> escape)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < key.Length; i++)
        {
            sb.Append(i % every == 0 ? escape(key[i]) : key[i].ToString());
        }

        return sb.ToString();
    }

    private static string Hex2(char c) => ((int)c).ToString("x2", CultureInfo.InvariantCulture);

    private static string Chars(string s) => string.Join(", ", s.Select(ch => "'" + (ch == '\'' ? "\\'" : ch == '\\' ? "\\\\" : ch.ToString()) + "'"));

    /// <summary>The key cut after <paramref name="head"/> characters, the rest in two pieces.</summary>
    private static string[] Head(string key, int head) => [key.Substring(0, head), key.Substring(head, (key.Length - head) / 2), key.Substring(head + ((key.Length - head) / 2))];

    private static bool IsIdentifier(string key) =>
        (char.IsLetter(key[0]) || key[0] == '_') && key.All(ch => char.IsLetterOrDigit(ch) || ch == '_');

    public static readonly Construct[] All =
    [
        // ---- every literal kind (C# spec §6.4.5.6 string literals, raw string literals, UTF-8 literals) ----
        new("literal-regular", false, c => One("    public static string M()\n    {\n" + Mark("        var " + c.Name + " = " + Lit(c.Key) + ";") + "\n        return " + c.Name + ";\n    }")),
        new("literal-verbatim", false, c => One(Mark("    public static readonly string " + c.Name + " = @" + Lit(c.Key) + ";"))),
        new("raw-single-line", false, c => One(Mark("    public const string " + c.Name + " = \"\"\"" + c.Key + "\"\"\";"))),
        new("raw-multi-line", false, c => One("    public static string M() => \"\"\"\n" + Mark("        " + c.Key) + "\n        \"\"\";")),
        new("raw-interpolated-dollar2-const-hole", false, c =>
        {
            string[] p = c.Pieces(2);
            return One(Mark("    private const string Head = " + Lit(p[0]) + ";") + "\n" + Mark("    public const string " + c.Name + " = $$\"\"\"{{Head}}" + p[1] + "\"\"\";"));
        }),
        new("utf8-u8-property", false, c => One(Mark("    public static ReadOnlySpan<byte> " + c.Name + " => " + Lit(c.Key) + "u8;"))),
        new("utf8-u8-getstring", false, c => One(Mark("    public static string " + c.Name + "() => Encoding.UTF8.GetString(" + Lit(c.Key) + "u8);"))),
        new("escape-u-first-three", false, c => One(Mark("    public static readonly string " + c.Name + " = \"" + string.Concat(c.Key.Take(3).Select(ch => "\\u" + ((int)ch).ToString("x4", CultureInfo.InvariantCulture))) + c.Key.Substring(3) + "\";"))),
        new("escape-x4-every-fifth", false, c => One(Mark("    public static readonly string " + c.Name + " = \"" + EscapeEvery(c.Key, 5, ch => "\\x00" + Hex2(ch)) + "\";"))),
        new("escape-U8-every-seventh", false, c => One(Mark("    public static readonly string " + c.Name + " = \"" + EscapeEvery(c.Key, 7, ch => "\\U000000" + Hex2(ch)) + "\";"))),
        new("bom-crlf-tabs-source", false, c => [new TSrc("Tabs.cs", "\uFEFF" + (Usings + "namespace Contoso.App;\r\n\r\npublic static class Tabs\r\n{\r\n" + Mark("\tpublic const string " + c.Name + " =\t" + Lit(c.Key) + ";") + "\r\n}\r\n").Replace("\r\n", "\n").Replace("\n", "\r\n"))]),

        // ---- literal pieces joined in one expression ----
        new("concat-plus-three", false, c => One(Mark("    public static readonly string " + c.Name + " = " + Join(c.Pieces(3), " + ") + ";"))),
        new("concat-lines-with-comments", false, c =>
        {
            string[] p = c.Pieces(3);
            return One(Mark("    public static readonly string " + c.Name + " =\n        " + Lit(p[0]) + " /* region */ +\n        // the rest\n        " + Lit(p[1]) + "\n        + " + Lit(p[2]) + ";"));
        }),
        new("char-plus-string", false, c => One(Mark("    public static readonly string " + c.Name + " = '" + c.Key[0] + "' + " + Lit(c.Key.Substring(1)) + ";"))),
        new("char-code-cast-plus-string", false, c => One(Mark("    public static readonly string " + c.Name + " = (char)" + ((int)c.Key[0]).ToString(CultureInfo.InvariantCulture) + " + " + Lit(c.Key.Substring(1)) + ";"))),
        new("char-hex-cast-then-char-plus-string", false, c => One(Mark("    public static readonly string " + c.Name + " = (char)0x" + ((int)c.Key[0]).ToString("X2", CultureInfo.InvariantCulture) + " + '" + c.Key[1] + "' + " + Lit(c.Key.Substring(2)) + ";")), Applies: k => k[1] != '\'' && k[1] != '\\'),
        new("interpolated-literal-holes", false, c => One(Mark("    public static readonly string " + c.Name + " = $\"" + string.Concat(c.Pieces(3).Select(p => "{" + Lit(p) + "}")) + "\";"))),
        new("verbatim-interpolated-hole", false, c =>
        {
            string[] p = c.Pieces(2);
            return One(Mark("    public static readonly string " + c.Name + " = $@\"{" + Lit(p[0]) + "}" + p[1] + "\";"));
        }),
        new("string-concat-call", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Concat(" + Join(c.Pieces(3), ", ") + ");"))),
        new("string-join-empty", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Join(string.Empty, " + Join(c.Pieces(3), ", ") + ");"))),
        new("string-join-on-own-separator", false, c =>
        {
            char sep = c.Key.Contains('-') ? '-' : '_';
            return One(Mark("    public static readonly string " + c.Name + " = string.Join(\"" + sep + "\", " + Join(c.Key.Split(sep), ", ") + ");"));
        }, Applies: k => k.Contains('-') || k.Contains('_')),
        new("string-format-placeholders", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Format(CultureInfo.InvariantCulture, \"{0}{1}{2}\", " + Join(c.Pieces(3), ", ") + ");"))),
        new("string-create-invariant", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Create(CultureInfo.InvariantCulture, $\"" + string.Concat(c.Pieces(2).Select(p => "{" + Lit(p) + "}")) + "\");"))),
        new("stringbuilder-append-chain", false, c => One(Mark("    public static readonly string " + c.Name + " = new StringBuilder()" + string.Concat(c.Pieces(3).Select(p => ".Append(" + Lit(p) + ")")) + ".ToString();"))),
        new("char-array-new-string", false, c => One(Mark("    public static readonly string " + c.Name + " = new string(new[] { " + Chars(c.Key) + " });"))),
        new("stackalloc-span-new-string", false, c => One("    public static string M()\n    {\n" + Mark("        Span<char> buffer = stackalloc char[] { " + Chars(c.Key) + " };") + "\n        return new string(buffer);\n    }")),
        // The key's first piece shorter than its prefix ("sk" + "-proj-…"): a splitter who knows scanners look for prefixes.
        new("short-head-string-concat", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Concat(" + Join(Head(c.Key, 2), ", ") + ");"))),
        new("short-head-string-join", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Join(string.Empty, " + Join(Head(c.Key, 2), ", ") + ");"))),
        new("short-head-interpolated", false, c => One(Mark("    public static readonly string " + c.Name + " = $\"" + string.Concat(Head(c.Key, 3).Select(p => "{" + Lit(p) + "}")) + "\";"))),
        new("short-head-stringbuilder", false, c => One(Mark("    public static readonly string " + c.Name + " = new StringBuilder()" + string.Concat(Head(c.Key, 1).Select(p => ".Append(" + Lit(p) + ")")) + ".ToString();"))),
        new("short-head-string-format", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Format(CultureInfo.InvariantCulture, \"{0}{1}{2}\", " + Join(Head(c.Key, 2), ", ") + ");"))),
        new("short-head-const-chain", false, c => One(Mark("    private const string H1 = " + Lit(c.Key.Substring(0, 2)) + ";\n    public const string " + c.Name + " = H1 + " + Lit(c.Key.Substring(2)) + ";"))),
        new("short-head-const-partial-files", false, c => [W(Mark("    internal const string Head = " + Lit(c.Key.Substring(0, 3)) + ";"), "Holder.Head.cs"), W(Mark("    public const string " + c.Name + " = Head + " + Lit(c.Key.Substring(3)) + ";"), "Holder.Tail.cs")]),
        new("linq-aggregate-literals", false, c => One(Mark("    public static readonly string " + c.Name + " = new[] { " + Join(c.Pieces(3), ", ") + " }.Aggregate((a, b) => a + b);"))),

        // ---- pieces across constants, files, partial classes ----
        new("const-chain", false, c =>
        {
            string[] p = c.Pieces(3);
            return One(Mark("    private const string A1 = " + Lit(p[0]) + ";\n    private const string A2 = A1 + " + Lit(p[1]) + ";\n    public const string " + c.Name + " = A2 + " + Lit(p[2]) + ";"));
        }),
        new("const-interpolated-holes", false, c =>
        {
            string[] p = c.Pieces(2);
            return One(Mark("    private const string B1 = " + Lit(p[0]) + ";\n    private const string B2 = " + Lit(p[1]) + ";\n    public const string " + c.Name + " = $\"{B1}{B2}\";"));
        }),
        new("static-readonly-interpolated", false, c =>
        {
            string[] p = c.Pieces(2);
            return One(Mark("    private static readonly string C1 = " + Lit(p[0]) + ";\n    private static readonly string C2 = " + Lit(p[1]) + ";\n    public static readonly string " + c.Name + " = $\"{C1}{C2}\";"));
        }),
        new("const-across-partial-files", false, c =>
        {
            string[] p = c.Pieces(2);
            return [W(Mark("    internal const string Part1 = " + Lit(p[0]) + ";"), "Holder.Part1.cs"), W(Mark("    public const string " + c.Name + " = Part1 + " + Lit(p[1]) + ";"), "Holder.Part2.cs")];
        }),
        new("const-across-classes-using-static", false, c =>
        {
            string[] p = c.Pieces(2);
            return
            [
                new TSrc("Parts.cs", "namespace Contoso.Secrets;\n\npublic static class Parts\n{\n" + Mark("    public const string Left = " + Lit(p[0]) + ";") + "\n}\n"),
                new TSrc("Use.cs", "using static Contoso.Secrets.Parts;\n\nnamespace Contoso.App;\n\npublic static class Use\n{\n" + Mark("    public const string " + c.Name + " = Left + " + Lit(p[1]) + ";") + "\n}\n"),
            ];
        }),
        new("generic-static-field", false, c => One("    public static class Cache<T>\n    {\n" + Mark("        public static readonly string " + c.Name + " = " + Lit(c.Key) + ";") + "\n    }")),
        new("interface-constant", false, c => One("    public interface IKeys\n    {\n" + Mark("        const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n    }")),
        new("file-local-type-file-scoped-namespace", false, c => [new TSrc("Secrets.cs", "namespace Contoso.Local;\n\nfile static class Hidden\n{\n" + Mark("    internal const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n}\n\ninternal static class Exposed\n{\n    public static int Length => Hidden." + c.Name + ".Length;\n}\n")]),
        new("top-level-statements", false, c => [new TSrc("Program.cs", "using System;\n\n" + Mark("var " + c.Name + " = " + Lit(c.Key) + ";") + "\nConsole.WriteLine(" + c.Name + ".Length);\n")], Exe: true),

        // ---- declarations and expressions holding a whole literal ----
        new("attribute-named-argument", false, c => One("    [AttributeUsage(AttributeTargets.All)]\n    public sealed class CfgAttribute : Attribute\n    {\n        public string? V { get; set; }\n    }\n\n" + Mark("    [Cfg(V = " + Lit(c.Key) + ")]") + "\n    public static void Annotated()\n    {\n    }")),
        new("attribute-positional-concat", false, c => One("    [AttributeUsage(AttributeTargets.All)]\n    public sealed class SecAttribute(string v) : Attribute\n    {\n        public string V { get; } = v;\n    }\n\n" + Mark("    [Sec(" + Join(c.Pieces(2), " + ") + ")]") + "\n    public static void Annotated()\n    {\n    }")),
        new("default-parameter", false, c => One(Mark("    public static string M(string " + c.Name + " = " + Lit(c.Key) + ") => " + c.Name + ";"))),
        new("lambda-default-parameter", false, c => One("    public static string M()\n    {\n" + Mark("        var f = (string " + c.Name + " = " + Lit(c.Key) + ") => " + c.Name + ";") + "\n        return f();\n    }")),
        new("local-function", false, c => One("    public static string M()\n    {\n        return Local();\n" + Mark("        static string Local() => " + Lit(c.Key) + ";") + "\n    }")),
        new("primary-constructor-default", false, c => One(Mark("    public sealed class Client(string " + c.Name + " = " + Lit(c.Key) + ")") + "\n    {\n        public int Length => " + c.Name + ".Length;\n    }")),
        new("record-positional-default", false, c => One(Mark("    public sealed record Settings(string " + c.Name + " = " + Lit(c.Key) + ");"))),
        new("record-with-expression", false, c => One("    public sealed record Settings\n    {\n        public string? Token { get; init; }\n    }\n\n" + Mark("    public static Settings Make() => new Settings() with { Token = " + Lit(c.Key) + " };"))),
        new("object-initializer-nested", false, c => One("    public sealed class Inner\n    {\n        public string? Token { get; set; }\n    }\n\n    public sealed class Outer\n    {\n        public Inner Inner { get; } = new();\n    }\n\n    public static Outer Make() => new Outer\n    {\n" + Mark("        Inner = { Token = " + Lit(c.Key) + " },") + "\n    };")),
        new("switch-expression-arm", false, c => One("    public static string M(string env) => env switch\n    {\n" + Mark("        \"prod\" => " + Lit(c.Key) + ",") + "\n        _ => string.Empty,\n    };")),
        new("is-constant-pattern", false, c => One(Mark("    public static bool Allowed(string header) => header is " + Lit(c.Key) + ";"))),
        new("property-pattern", false, c => One("    public sealed record Req(string Header);\n\n" + Mark("    public static bool Allowed(Req r) => r is { Header: " + Lit(c.Key) + " };"))),
        new("ordinal-equals-check", false, c => One(Mark("    public static bool Allowed(string header) => string.Equals(header, " + Lit(c.Key) + ", StringComparison.Ordinal);"))),
        new("tuple-deconstruction", false, c => One("    public static string M()\n    {\n" + Mark("        var (provider, " + c.Name + ") = (\"primary\", " + Lit(c.Key) + ");") + "\n        return provider + " + c.Name + ";\n    }")),
        new("ternary", false, c => One(Mark("    public static string M(bool prod) => prod ? " + Lit(c.Key) + " : string.Empty;"))),
        new("collection-expression-element", false, c => One(Mark("    public static readonly string[] " + c.Name + " = [" + Lit(c.Key) + ", \"fallback\"];"))),
        new("list-add", false, c => One("    public static List<string> M()\n    {\n        var l = new List<string>();\n" + Mark("        l.Add(" + Lit(c.Key) + ");") + "\n        return l;\n    }")),
        new("dictionary-indexer-initializer", false, c => One(Mark("    public static readonly Dictionary<string, string> Map = new() { [\"" + c.Name + "\"] = " + Lit(c.Key) + " };"))),
        new("in-memory-configuration", false, c => One("    public static readonly Dictionary<string, string?> Config = new()\n    {\n" + Mark("        [\"" + c.Pascal + ":ApiKey\"] = " + Lit(c.Key) + ",") + "\n    };")),
        new("null-coalescing-env-fallback", false, c => One(Mark("    public static string M() => Environment.GetEnvironmentVariable(\"" + c.Env + "\") ?? " + Lit(c.Key) + ";"))),
        new("set-environment-variable", false, c => One(Mark("    public static void M() => Environment.SetEnvironmentVariable(\"" + c.Env + "\", " + Lit(c.Key) + ");"))),
        new("http-bearer-header-add", false, c => One(Mark("    public static void M(HttpClient http) => http.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer " + c.Key + "\");"))),
        new("authentication-header-value", false, c => One(Mark("    public static AuthenticationHeaderValue M() => new(\"Bearer\", " + Lit(c.Key) + ");"))),
        new("url-query-string", false, c => One(Mark("    public static readonly Uri Endpoint = new(\"https://api.contoso.net/v1/models?key=" + c.Key + "&alt=json\");"))),
        new("task-from-result", false, c => One(Mark("    public static System.Threading.Tasks.Task<string> M() => System.Threading.Tasks.Task.FromResult(" + Lit(c.Key) + ");"))),

        // ---- text that is not code: comments, docs, directives, embedded config ----
        new("line-comment", false, c => One(Mark("    // the one we used before rotating: " + c.Key) + "\n    public const int Version = 2;")),
        new("block-comment-multiline", false, c => One("    /*\n     * old value:\n" + Mark("     *   " + c.Key) + "\n     */\n    public const int Version = 2;")),
        new("xml-doc-example", false, c => One("    /// <summary>Makes a client.</summary>\n    /// <example>\n" + Mark("    /// <code>var client = Holder.Make(\"" + c.Key + "\");</code>") + "\n    /// </example>\n    public static object Make(string key) => key;")),
        new("region-directive", false, c => One(Mark("    #region " + c.Key) + "\n    public const int Version = 2;\n    #endregion")),
        new("inactive-if-debug", false, c => One("#if DEBUG\n" + Mark("    public const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n#endif")),
        new("active-else-branch", false, c => One("#if NEVER_DEFINED\n    public const string " + c.Name + " = \"\";\n#else\n" + Mark("    public const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n#endif")),
        new("embedded-json-raw", false, c => One("    public const string Json = \"\"\"\n        {\n          \"" + c.Pascal + "\": {\n" + Mark("            \"ApiKey\": \"" + c.Key + "\"") + "\n          }\n        }\n        \"\"\";")),
        new("embedded-json-interpolated-raw", false, c => One(Mark("    private const string K = " + Lit(c.Key) + ";") + "\n    public const string Json = $$\"\"\"\n        { \"provider\": \"" + c.Word + "\", \"apiKey\": \"{{K}}\" }\n        \"\"\";")),
        new("embedded-env-verbatim", false, c => One("    public const string DotEnv = @\"LOG_LEVEL=debug\n" + Mark(c.Env + "=" + c.Key) + "\nREGION=westeurope\";")),
        new("embedded-yaml-raw", false, c => One("    public const string Yaml = \"\"\"\n        services:\n          llm:\n            provider: " + c.Word + "\n" + Mark("            apiKey: " + c.Key) + "\n        \"\"\";")),

        // ---- round 2: more of the language ----
        new("literal-padded-then-trimmed", false, c => One(Mark("    public static readonly string " + c.Name + " = " + Lit("  " + c.Key + "\t") + ".Trim();"))),
        new("local-const-in-method", false, c => One("    public static int M()\n    {\n" + Mark("        const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n        return " + c.Name + ".Length;\n    }")),
        new("property-getter-block", false, c => One("    public static string " + c.Name + "\n    {\n" + Mark("        get { return " + Lit(c.Key) + "; }") + "\n    }")),
        new("lazy-factory-lambda", false, c => One(Mark("    public static readonly Lazy<string> " + c.Name + " = new(() => " + Lit(c.Key) + ");"))),
        new("default-value-attribute", false, c => One("    public sealed class Opts\n    {\n" + Mark("        [System.ComponentModel.DefaultValue(" + Lit(c.Key) + ")]") + "\n        public string? Token { get; set; }\n    }")),
        new("required-member-object-initializer", false, c => One("    public sealed class Opts\n    {\n        public required string Token { get; init; }\n    }\n\n" + Mark("    public static Opts Make() => new() { Token = " + Lit(c.Key) + " };"))),
        new("list-pattern", false, c => One(Mark("    public static bool Ok(string[] args) => args is [\"--key\", " + Lit(c.Key) + ", ..];"))),
        new("logging-argument", false, c => One("    public static void Log(string format, params object?[] args)\n    {\n    }\n\n" + Mark("    public static void M() => Log(\"Using key {Key}\", " + Lit(c.Key) + ");"))),
        new("regex-pattern", false, c => One(Mark("    public static readonly System.Text.RegularExpressions.Regex Allowed = new(\"^" + c.Key.Replace("+", "\\\\+").Replace(".", "\\\\.") + "$\");"))),
        new("warning-directive", false, c => One(Mark("#warning rotate " + c.Key) + "\n    public const int Version = 3;")),
        new("trailing-block-comment-same-line", false, c => One(Mark("    public const int Retries = 3; /* was " + c.Key + " */"))),
        new("utf8-raw-json", false, c => One("    public static ReadOnlySpan<byte> Body => \"\"\"\n        {\n" + Mark("          \"apiKey\": \"" + c.Key + "\"") + "\n        }\n        \"\"\"u8;")),
        new("interpolated-holes-with-alignment", false, c => One(Mark("    public static readonly string " + c.Name + " = $\"" + string.Concat(c.Pieces(2).Select(p => "{" + Lit(p) + ",0}")) + "\";"))),
        new("qualified-system-string-concat", false, c => One(Mark("    public static readonly string " + c.Name + " = System.String.Concat(" + Join(c.Pieces(2), ", ") + ");"))),
        new("using-alias-concat", false, c => [new TSrc("Alias.cs", "using S = System.String;\n\nnamespace Contoso.App;\n\npublic static class Alias\n{\n" + Mark("    public static readonly string " + c.Name + " = S.Concat(" + Join(c.Pieces(2), ", ") + ");") + "\n}\n")]),
        new("span-concat", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Concat(" + string.Join(", ", c.Pieces(2).Select(p => Lit(p) + ".AsSpan()")) + ");"))),
        new("linq-query-syntax-concat", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Concat(from p in new[] { " + Join(c.Pieces(3), ", ") + " } select p);"))),
        new("string-join-char-separator-empty-pieces", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Join(string.Empty, new List<string> { " + Join(c.Pieces(3), ", ") + " });"))),
        new("concat-across-if-directive", false, c =>
        {
            string[] p = c.Pieces(2);
            return One(Mark("    public const string " + c.Name + " = " + Lit(p[0]) + "\n#if DEBUG\n        + \"debug\"\n#else\n        + " + Lit(p[1]) + "\n#endif\n        ;"));
        }),
        new("struct-constant", false, c => One("    public readonly struct Keys\n    {\n" + Mark("        public const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n    }")),
        new("enum-description-attribute", false, c => One("    public enum Provider\n    {\n" + Mark("        [System.ComponentModel.Description(" + Lit(c.Key) + ")]") + "\n        Primary,\n    }")),
        new("string-create-span-copy", false, c => One(Mark("    public static readonly string " + c.Name + " = string.Create(" + c.Key.Length.ToString(CultureInfo.InvariantCulture) + ", 0, (span, _) => " + Lit(c.Key) + ".AsSpan().CopyTo(span));"))),

        // ---- round 4: where the file sits (tests, samples) and test-data attributes ----
        new("xunit-inline-data", false, c => [new TSrc("tests/Contoso.App.Tests/ChatTests.cs", "using System;\n\nnamespace Contoso.App.Tests;\n\n[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]\npublic sealed class InlineDataAttribute(params object[] data) : Attribute\n{\n    public object[] Data { get; } = data;\n}\n\npublic class ChatTests\n{\n" + Mark("    [InlineData(\"primary\", " + Lit(c.Key) + ")]") + "\n    public void Sends(string name, string key) => Console.WriteLine(name + key.Length);\n}\n")]),
        new("test-project-path", false, c => [new TSrc("tests/Contoso.App.Tests/Fixtures/ClientFixture.cs", "namespace Contoso.App.Tests;\n\npublic static class ClientFixture\n{\n" + Mark("    public const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n}\n")]),
        new("samples-path-program", false, c => [new TSrc("samples/Quickstart/Program.cs", "using System;\n\n" + Mark("var " + c.Name + " = " + Lit(c.Key) + ";") + "\nConsole.WriteLine(" + c.Name + ".Length);\n")], Exe: true),
        new("generated-file-name", false, c => [new TSrc("obj/Debug/net8.0/Settings.g.cs", "// <auto-generated/>\nnamespace Contoso.App;\n\ninternal static class GeneratedSettings\n{\n" + Mark("    internal const string " + c.Name + " = " + Lit(c.Key) + ";") + "\n}\n")]),

        // ---- computed at run time (stretch) ----
        new("reversed-linq", true, c => One(Mark("    public static readonly string " + c.Name + " = new string(" + Lit(new string(c.Key.Reverse().ToArray())) + ".Reverse().ToArray());"))),
        new("reversed-array-reverse", true, c => One("    public static string M()\n    {\n" + Mark("        char[] a = " + Lit(new string(c.Key.Reverse().ToArray())) + ".ToCharArray();") + "\n        Array.Reverse(a);\n        return new string(a);\n    }")),
        new("base64-decoded", true, c => One(Mark("    public static readonly string " + c.Name + " = Encoding.UTF8.GetString(Convert.FromBase64String(" + Lit(Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Key))) + "));"))),
        new("hex-decoded", true, c => One(Mark("    public static readonly string " + c.Name + " = Encoding.ASCII.GetString(Convert.FromHexString(" + Lit(Convert.ToHexString(Encoding.ASCII.GetBytes(c.Key))) + "));"))),
        new("replace-separator", true, c => One(Mark("    public static readonly string " + c.Name + " = " + Lit(string.Concat(c.Key.Select((ch, i) => i > 0 && i % 8 == 0 ? "#" + ch : ch.ToString()))) + ".Replace(\"#\", string.Empty);"))),
        new("zero-width-spaces-removed", true, c => One(Mark("    public static readonly string " + c.Name + " = \"" + string.Concat(c.Key.Select((ch, i) => i > 0 && i % 10 == 0 ? "\\u200B" + ch : ch.ToString())) + "\".Replace(\"\\u200B\", string.Empty);"))),
        new("caesar-shift", true, c => One(Mark("    public static readonly string " + c.Name + " = new string(" + Lit(new string(c.Key.Select(ch => (char)(ch + 1)).ToArray())) + ".Select(ch => (char)(ch - 1)).ToArray());"))),
        new("xor-bytes", true, c => One(Mark("    private static readonly byte[] Masked = { " + string.Join(", ", Encoding.ASCII.GetBytes(c.Key).Select(b => "0x" + (b ^ 0x5A).ToString("X2", CultureInfo.InvariantCulture))) + " };") + "\n    public static string M() => Encoding.ASCII.GetString(Masked.Select(b => (byte)(b ^ 0x5A)).ToArray());")),
        new("int-codes", true, c => One(Mark("    public static readonly string " + c.Name + " = new string(new[] { " + string.Join(", ", c.Key.Select(ch => ((int)ch).ToString(CultureInfo.InvariantCulture))) + " }.Select(i => (char)i).ToArray());"))),
        new("char-constant-arithmetic", false, c => One(Mark("    public static readonly string " + c.Name + " = new string(new[] { " + string.Join(", ", c.Key.Select(ch => "(char)('" + (char)(ch - 1) + "' + 1)")) + " });")), Applies: k => !k.Any(ch => ch - 1 == '\'' || ch - 1 == '\\')),
        new("interleaved-decoys", true, c => One(Mark("    public static readonly string " + c.Name + " = string.Concat(" + Lit(string.Concat(c.Key.Select((ch, i) => ch.ToString() + ThirdKeys.Alnum[(i * 7) % 62]))) + ".Where((ch, i) => i % 2 == 0));"))),
        new("substring-of-padded", true, c => One(Mark("    public static readonly string " + c.Name + " = " + Lit("Qv7" + c.Key + "mZ2") + ".Substring(3, " + c.Key.Length.ToString(CultureInfo.InvariantCulture) + ");"))),
        new("url-unescape", true, c => One(Mark("    public static readonly string " + c.Name + " = Uri.UnescapeDataString(" + Lit(string.Concat(c.Key.Take(6).Select(ch => "%" + Hex2(ch).ToUpperInvariant())) + c.Key.Substring(6)) + ");"))),
        new("collection-expression-field-concat", true, c => One(Mark("    private static readonly string[] Parts = [" + Join(c.Pieces(3), ", ") + "];") + "\n    public static string M() => string.Concat(Parts);")),
        new("dictionary-values-joined", true, c =>
        {
            string[] p = c.Pieces(3);
            return One(Mark("    private static readonly SortedDictionary<int, string> Chunks = new() { [1] = " + Lit(p[0]) + ", [2] = " + Lit(p[1]) + ", [3] = " + Lit(p[2]) + " };") + "\n    public static string M() => string.Concat(Chunks.Values);");
        }),
        // ---- session 9: what a developer or an assistant would write to get a key past a scanner (written before measuring) ----
        new("evade-regex-replace-junk", true, c => One(Mark("    public static readonly string " + c.Name + " = System.Text.RegularExpressions.Regex.Replace(" + Lit(string.Concat(c.Key.Select((ch, i) => i > 0 && i % 6 == 0 ? "*" + ch : ch.ToString()))) + ", \"[*]\", string.Empty);"))),
        new("evade-utf16-base64", true, c => One(Mark("    public static readonly string " + c.Name + " = Encoding.Unicode.GetString(Convert.FromBase64String(" + Lit(Convert.ToBase64String(Encoding.Unicode.GetBytes(c.Key))) + "));"))),
        new("evade-html-entities", true, c => One(Mark("    public static readonly string " + c.Name + " = System.Net.WebUtility.HtmlDecode(" + Lit(string.Concat(c.Key.Take(8).Select(ch => "&#" + ((int)ch).ToString(CultureInfo.InvariantCulture) + ";")) + c.Key.Substring(8)) + ");"))),
        new("evade-split-on-comma-then-join", true, c => One(Mark("    public static readonly string " + c.Name + " = string.Join(string.Empty, " + Lit(string.Join(",", c.Pieces(4))) + ".Split(','));")), Applies: k => !k.Contains(',')),
        new("evade-stringbuilder-insert-backwards", true, c =>
        {
            string[] p = c.Pieces(3);
            return One(Mark("    public static string M() => new StringBuilder(" + Lit(p[2]) + ").Insert(0, " + Lit(p[1]) + ").Insert(0, " + Lit(p[0]) + ").ToString();"));
        }),
        new("nameof-identifier", false, c => One(Mark("    private static readonly int " + c.Key + " = 0;") + "\n" + Mark("    public const string " + c.Name + " = nameof(" + c.Key + ");")), Applies: IsIdentifier),
        new("utf8-byte-array-getstring", true, c => One(Mark("    public static readonly string " + c.Name + " = Encoding.UTF8.GetString(new byte[] { " + string.Join(", ", Encoding.ASCII.GetBytes(c.Key).Select(b => b.ToString(CultureInfo.InvariantCulture))) + " });"))),
        new("to-upper-of-lower", true, c => One(Mark("    public static readonly string " + c.Name + " = " + Lit(c.Key.ToLowerInvariant()) + ".ToUpperInvariant();")), Applies: k => k.All(ch => !char.IsLetter(ch) || char.IsUpper(ch))),
        new("concat-of-reversed-halves", true, c =>
        {
            string[] p = c.Pieces(2);
            return One(Mark("    public static readonly string " + c.Name + " = string.Concat(" + Lit(p[1]) + ", " + Lit(p[0]) + ")[" + p[1].Length.ToString(CultureInfo.InvariantCulture) + "..] + " + Lit(p[1]) + ";"));
        }),
        new("string-format-indexed-out-of-order", false, c =>
        {
            string[] p = c.Pieces(3);
            return One(Mark("    public static readonly string " + c.Name + " = string.Format(CultureInfo.InvariantCulture, \"{2}{0}{1}\", " + Lit(p[1]) + ", " + Lit(p[2]) + ", " + Lit(p[0]) + ");"));
        }),
        new("span-slice-to-string", true, c => One(Mark("    public static string M() => " + Lit("xQ" + c.Key) + ".AsSpan(2).ToString();"))),

        // ---- session 10: written from the C# specification and the BCL before measuring ----
        // Constant expressions (C# spec §12.23): the compiler folds them, so they are must-find.
        new("char-constants-in-concatenation", false, c =>
        {
            // const char D = '-'; "sk" + D + "proj" + D + "…": a char constant joined into the text.
            char sep = c.Key.Contains('-') ? '-' : '_';
            string[] parts = c.Key.Split(sep);
            return One(Mark("    private const char D = '" + sep + "';\n    public static readonly string " + c.Name + " = " + string.Join(" + D + ", parts.Select(Lit)) + ";"));
        }, Applies: k => k.Contains('-') || k.Contains('_')),
        new("char-code-hex-casts-array", false, c => One(Mark("    public static readonly string " + c.Name + " = new string(new char[] { " + string.Join(", ", c.Key.Select(ch => "(char)0x" + ((int)ch).ToString("X2", CultureInfo.InvariantCulture))) + " });"))),
        new("char-offset-from-const-base", false, c => One(Mark("    private const char Z = '0';\n    public static readonly string " + c.Name + " = new string(new[] { " + string.Join(", ", c.Key.Select(ch => "(char)(Z + " + (ch - '0').ToString(CultureInfo.InvariantCulture) + ")")) + " });"))),
        new("nameof-head-const-concat", false, c =>
        {
            // const string K = nameof(ghp_Ab12) + "…": nameof is a constant (§12.8.23), its identifier the key's head.
            int n = 0;
            while (n < c.Key.Length && (char.IsLetterOrDigit(c.Key[n]) || c.Key[n] == '_'))
            {
                n++;
            }

            return One(Mark("    private static readonly int " + c.Key.Substring(0, n) + " = 0;\n    public const string " + c.Name + " = nameof(" + c.Key.Substring(0, n) + ") + " + Lit(c.Key.Substring(n)) + ";"));
        }, Applies: k => char.IsLetter(k[0]) && k.TakeWhile(ch => char.IsLetterOrDigit(ch) || ch == '_').Count() is int n && n >= 2 && n < k.Length),

        // Encodings the code decodes with the base library (stretch: computed at run time, but by a pure function).
        new("evade-base64url-replace-idiom", true, c =>
        {
            string url = Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            string pad = new('=', (4 - (url.Length % 4)) % 4);
            return One(Mark("    public static readonly string " + c.Name + " = Encoding.UTF8.GetString(Convert.FromBase64String(" + Lit(url) + ".Replace('-', '+').Replace('_', '/') + \"" + pad + "\"));"));
        }),
        new("evade-utf16-hex", true, c => One(Mark("    public static readonly string " + c.Name + " = Encoding.Unicode.GetString(Convert.FromHexString(" + Lit(Convert.ToHexString(Encoding.Unicode.GetBytes(c.Key))) + "));"))),
        new("evade-byte-array-hex-literals", true, c => One(Mark("    private static readonly byte[] Raw = { " + string.Join(", ", Encoding.ASCII.GetBytes(c.Key).Select(b => "0x" + b.ToString("x2", CultureInfo.InvariantCulture))) + " };") + "\n    public static string M() => Encoding.ASCII.GetString(Raw);")),
        new("evade-base64-const-decoded-by-helper", true, c => One(Mark("    private const string Blob = " + Lit(Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Key))) + ";") + "\n    private static string Open(string s) => Encoding.UTF8.GetString(Convert.FromBase64String(s));\n    public static string M() => Open(Blob);")),
        new("evade-hex-const-decoded-by-helper", true, c => One(Mark("    private const string Blob = " + Lit(Convert.ToHexString(Encoding.UTF8.GetBytes(c.Key)).ToLowerInvariant()) + ";") + "\n    private static string Open(string s) => Encoding.UTF8.GetString(Convert.FromHexString(s));\n    public static string M() => Open(Blob);")),
        new("evade-regex-replace-class-with-options", true, c => One(Mark("    public static readonly string " + c.Name + " = System.Text.RegularExpressions.Regex.Replace(" + Lit(string.Concat(c.Key.Select((ch, i) => i > 0 && i % 5 == 0 ? ". " + ch : ch.ToString()))) + ", @\"[\\s.]\", \"\", System.Text.RegularExpressions.RegexOptions.CultureInvariant);")), Applies: k => !k.Contains('.') && !k.Any(char.IsWhiteSpace)),
    ];
}
