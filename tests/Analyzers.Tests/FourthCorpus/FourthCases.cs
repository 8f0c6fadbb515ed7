using System.Globalization;
using System.Text;
using Guardrails.Analyzers.Tests.ThirdCorpus;

namespace Guardrails.Analyzers.Tests.FourthCorpus;

/// <summary>
/// Forty cases (issue 16, session 16) written from shared/reference/ai-key-formats.md and the C# specification
/// before the detector's code was read: provider × form pairs the three earlier corpora do not hold (raw strings with
/// interpolation holes, <c>u8</c> literals joined or escaped, <c>\u</c>/<c>\x</c> escapes inside a key, char arrays
/// handed to <c>new string</c>, <c>static readonly</c> chains across partial classes, default parameter values in
/// constructors, indexers, delegates and local functions, attribute arguments, switch labels and arms, tuples,
/// constant arrays joined, Basic credentials). Each case's key comes from <see cref="ThirdKeys.Fixed"/>, a different
/// provider in turn; its lines are marked (the key's pieces, and the line that joins them when it holds no literal of
/// its own). <c>stretch/</c> cases compute the key from values read back at run time (a documented limit of GRD001).
/// </summary>
internal static class FourthCases
{
    private static string M(string s) => ThirdConstructs.Mark(s);

    private static string L(string s) => ThirdConstructs.Lit(s);

    private static TSrc[] One(string body) => [ThirdConstructs.W(body)];

    private static TSrc Part(string path, string body) => ThirdConstructs.W(body, path);

    private static string Chars(string s) => string.Join(", ", s.Select(ch => "'" + ch + "'"));

    private static string U4(char ch) => "\\u" + ((int)ch).ToString("x4", CultureInfo.InvariantCulture);

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static (string A, string B) Halves(string key) => (key.Substring(0, key.Length / 2), key.Substring(key.Length / 2));

    private sealed record Form(string Name, bool Stretch, Func<string, TSrc[]> Build, Func<string, bool>? Applies = null);

    private static readonly Form[] Forms =
    [
        // ---- raw strings with interpolation holes ----
        new("raw-dollar3-multiline-const-hole", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    private const string Head = " + L(a) + ";") + "\n    public const string Json = $$$\"\"\"\n" + M("        {\"auth\": {\"value\": \"{{{Head}}}" + b + "\"}}") + "\n        \"\"\";");
        }),
        new("raw-dollar2-runtime-and-const-holes", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    private const string Head = " + L(a) + ";") + "\n" + M("    public static string Body(string model) => $$\"\"\"{\"model\": \"{{model}}\", \"secret\": \"{{Head}}" + b + "\"}\"\"\";"));
        }),
        new("raw-single-line-interpolated-format-hole", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    private const string Tail = " + L(b) + ";") + "\n" + M("    public static string Header(int n) => $\"\"\"Bearer " + a + "{Tail} #{n:D2}\"\"\";"));
        }),

        // ---- UTF-8 literals ----
        new("u8-joined-by-plus", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static ReadOnlySpan<byte> Secret => " + L(a) + "u8 + " + L(b) + "u8;"));
        }),
        new("u8-with-u-escapes", false, k => One(M("    public static ReadOnlySpan<byte> Secret => \"" + string.Concat(k.Select((ch, i) => i % 9 == 4 ? U4(ch) : ch.ToString())) + "\"u8;"))),
        new("u8-verbatim", false, k => One(M("    public static ReadOnlySpan<byte> Secret => @" + L(k) + "u8;"))),
        new("u8-raw", false, k => One(M("    public static ReadOnlySpan<byte> Secret => \"\"\"" + k + "\"\"\"u8;"))),

        // ---- escapes inside the key ----
        new("u-escape-every-fourth", false, k => One(M("    public static readonly string Secret = \"" + string.Concat(k.Select((ch, i) => i % 4 == 3 ? U4(ch) : ch.ToString())) + "\";"))),
        new("U8-escape-every-character", false, k => One(M("    public static readonly string Secret = \"" + string.Concat(k.Select(ch => "\\U" + ((int)ch).ToString("X8", CultureInfo.InvariantCulture))) + "\";"))),
        new("x2-escape-of-separators", false, k => One(M("    public static readonly string Secret = \"" + string.Concat(k.Select((ch, i) => (ch == '-' || ch == '_') && (i + 1 >= k.Length || !Uri.IsHexDigit(k[i + 1])) ? "\\x" + ((int)ch).ToString("x2", CultureInfo.InvariantCulture) : ch.ToString())) + "\";")), Applies: k => k.Any(ch => ch == '-' || ch == '_')),
        new("u-escape-in-interpolated-const", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    private const string Head = \"" + U4(a[0]) + a.Substring(1) + "\";") + "\n" + M("    public const string Secret = $\"{Head}" + b.Substring(0, b.Length - 1) + U4(b[b.Length - 1]) + "\";"));
        }),

        // ---- char arrays ----
        new("new-string-char-array-range", false, k => One(M("    public static readonly string Secret = new string(new char[] { " + Chars(k) + ", '!' }, 0, " + k.Length.ToString(CultureInfo.InvariantCulture) + ");"))),
        new("new-string-of-static-char-field", false, k => One(M("    private static readonly char[] Letters = { " + Chars(k) + " };") + "\n    public static string Secret() => new string(Letters);")),
        new("string-concat-of-char-array", false, k => One(M("    public static readonly string Secret = string.Concat(new char[] { " + Chars(k) + " });"))),

        // ---- static readonly chains across partial classes ----
        new("static-readonly-three-partial-files", false, k =>
        {
            var (a, b) = Halves(k);
            return [Part("Keys.A.cs", M("    private static readonly string Head = " + L(a) + ";")), Part("Keys.B.cs", M("    public static readonly string Secret = Head + Tail;")), Part("Keys.C.cs", M("    private static readonly string Tail = " + L(b) + ";"))];
        }),
        new("static-readonly-nested-class-other-file", false, k =>
        {
            var (a, b) = Halves(k);
            return [Part("Parts.cs", "    internal static class Inner\n    {\n" + M("        internal static readonly string P0 = " + L(a) + ";") + "\n" + M("        internal const string P1 = " + L(b) + ";") + "\n    }"), Part("Use.cs", "    public static readonly string Secret = Inner.P0 + Inner.P1;")];
        }),

        // ---- default parameter values ----
        new("constructor-default-parameter", false, k => [new TSrc("Client.cs", "namespace Contoso.App;\n\npublic sealed class Client\n{\n" + M("    public Client(string endpoint = \"https://api.contoso.net\", string secret = " + L(k) + ")") + "\n    {\n        this.Secret = secret;\n    }\n\n    public string Secret { get; }\n}\n")]),
        new("local-function-default-const-concat", false, k =>
        {
            var (a, b) = Halves(k);
            return One("    public static string Run()\n    {\n" + M("        const string head = " + L(a) + ";") + "\n" + M("        static string Get(string s = head + " + L(b) + ") => s;") + "\n        return Get();\n    }");
        }),
        new("indexer-default-parameter", false, k => [new TSrc("Table.cs", "namespace Contoso.App;\n\npublic sealed class Table\n{\n" + M("    public string this[int row, string secret = " + L(k) + "] => secret + row;") + "\n}\n")]),
        new("delegate-default-parameter", false, k => [new TSrc("Fetch.cs", "namespace Contoso.App;\n\n" + M("public delegate string Fetch(string secret = " + L(k) + ");") + "\n")]),
        new("primary-constructor-default-const-chain", false, k =>
        {
            var (a, b) = Halves(k);
            return [new TSrc("Primary.cs", "namespace Contoso.App;\n\ninternal static class Parts\n{\n" + M("    public const string A = " + L(a) + ";") + "\n" + M("    public const string B = " + L(b) + ";") + "\n}\n\n" + M("public sealed class Primary(string secret = Parts.A + Parts.B)") + "\n{\n    public string Secret => secret;\n}\n")];
        }),

        // ---- attribute arguments ----
        new("attribute-const-concat-across-classes", false, k =>
        {
            var (a, b) = Halves(k);
            return [new TSrc("Attr.cs", "using System;\nnamespace Contoso.App;\n\ninternal static class P1 { " + M("public const string V = " + L(a) + ";") + " }\ninternal static class P2 { " + M("public const string V = " + L(b) + ";") + " }\n\n" + M("[Obsolete(P1.V + P2.V)]") + "\npublic sealed class Marked { }\n")];
        }),
        new("assembly-metadata-attribute", false, k => [new TSrc("AssemblyInfo.cs", M("[assembly: System.Reflection.AssemblyMetadata(\"Build\", " + L(k) + ")]") + "\n")]),
        new("attribute-interpolated-const-named", false, k =>
        {
            var (a, b) = Halves(k);
            return [new TSrc("Named.cs", "using System;\nnamespace Contoso.App;\n\n[AttributeUsage(AttributeTargets.Class)]\npublic sealed class SettingAttribute : Attribute\n{\n    public string? Value { get; set; }\n}\n\ninternal static class Bits\n{\n" + M("    public const string A = " + L(a) + ";") + "\n}\n\n" + M("[Setting(Value = $\"{Bits.A}" + b + "\")]") + "\npublic sealed class Configured { }\n")];
        }),

        // ---- switch labels and arms, tuples ----
        new("switch-statement-case-label", false, k => One("    public static int Classify(string s)\n    {\n        switch (s)\n        {\n" + M("            case " + L(k) + ":") + "\n                return 1;\n            default:\n                return 0;\n        }\n    }")),
        new("switch-arm-concat-with-when", false, k =>
        {
            var (a, b) = Halves(k);
            return One("    public static string Pick(int env, bool on) => env switch\n    {\n" + M("        1 when on => " + L(a) + " + " + L(b) + ",") + "\n        _ => string.Empty,\n    };");
        }),
        new("positional-tuple-pattern-in-case", false, k => One("    public static bool Known((string Provider, string Secret) p)\n    {\n        switch (p)\n        {\n" + M("            case (\"primary\", " + L(k) + "):") + "\n                return true;\n            default:\n                return false;\n        }\n    }")),
        new("named-tuple-local", false, k => One("    public static string M()\n    {\n" + M("        var pair = (Provider: \"primary\", Secret: " + L(k) + ");") + "\n        return pair.Secret;\n    }")),
        new("tuple-return-element-concat", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static (string Id, string Secret) Pair() => (\"primary\", " + L(a) + " + " + L(b) + ");"));
        }),

        // ---- constant arrays and collection expressions joined ----
        new("join-empty-new-array", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static readonly string Secret = string.Join(\"\", new[] { " + L(a) + ", " + L(b) + " });"));
        }),
        new("join-static-readonly-array-field", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    private static readonly string[] Parts = { " + L(a) + ", " + L(b) + " };") + "\n    public static string Secret() => string.Join(\"\", Parts);");
        }),
        new("concat-new-string-array", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static readonly string Secret = string.Concat(new string[] { " + L(a) + ", " + L(b) + " });"));
        }),
        new("join-collection-expression", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static readonly string Secret = string.Join(string.Empty, (string[])[" + L(a) + ", " + L(b) + "]);"));
        }),
        new("dictionary-indexer-values-concat", true, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    private static readonly Dictionary<string, string> D = new() { [\"a\"] = " + L(a) + ", [\"b\"] = " + L(b) + " };") + "\n    public static string Secret() => string.Concat(D.Values);");
        }),

        new("stringbuilder-appendjoin-empty", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static string Secret() => new StringBuilder().AppendJoin(string.Empty, " + L(a) + ", " + L(b) + ").ToString();"));
        }),

        // ---- Basic credentials holding a key ----
        new("basic-authentication-header-value", false, k => One(M("    public static AuthenticationHeaderValue Auth() => new AuthenticationHeaderValue(\"Basic\", " + L(B64("api:" + k)) + ");"))),
        new("basic-default-request-headers-add", false, k => One("    public static void Setup(HttpClient http)\n    {\n" + M("        http.DefaultRequestHeaders.Add(\"Authorization\", \"Basic " + B64("user:" + k) + "\");") + "\n    }")),
        new("basic-to-base64-of-constant", false, k => One(M("    private const string Secret = " + L("api:" + k) + ";") + "\n    public static string Header() => \"Basic \" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));")),
        new("basic-target-typed-new-authorization", false, k => One("    public static void Setup(HttpClient http)\n    {\n" + M("        http.DefaultRequestHeaders.Authorization = new(\"Basic\", " + L(B64(k + ":")) + ");") + "\n    }")),
        new("basic-base64-of-key-concat-pieces", false, k =>
        {
            var (a, b) = Halves(k);
            return One(M("    public static string Header() => \"Basic \" + Convert.ToBase64String(Encoding.UTF8.GetBytes(\"api:\" + " + L(a) + " + " + L(b) + "));"));
        }),
    ];

    public static int Count => Forms.Length;

    public static IEnumerable<TCase> All()
    {
        for (int i = 0; i < Forms.Length; i++)
        {
            Form f = Forms[i];
            // A provider in turn; a form that needs a separator takes the next provider whose key has one.
            int p = i;
            string key;
            ThirdKey provider;
            do
            {
                provider = ThirdKeys.Fixed[p % ThirdKeys.Fixed.Length];
                key = provider.Make(new Random(1600 + p));
                p++;
            }
            while (f.Applies != null && !f.Applies(key));

            yield return new TCase((f.Stretch ? "stretch" : "must") + "/code/" + f.Name, provider.Id, "GRD001", f.Build(key), []);
        }
    }
}
