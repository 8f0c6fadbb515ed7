using System.Globalization;
using System.Text;

namespace Guardrails.Analyzers.Tests.OutsiderCorpus;

/// <summary>A source or configuration file of a case. \u0001 … \u0002 mark where the key's own text is (a find must be there).</summary>
internal sealed record Src(string Path, string Text);

/// <summary>What a construct writes: C# sources (and whether it is a program with top-level statements).</summary>
internal sealed record Gen(List<Src> Sources, bool Exe = false);

/// <summary>One way C# can hold a key. Kind: literal, pieces, data, obfuscation, config-text, computed (out of reach of static reading: measured only).</summary>
internal sealed record Construct(string Id, string Kind, Func<string, string, Random, Gen> Write);

/// <summary>C# constructs written from the C# language specification and what a developer or an assistant writes.</summary>
internal static class OutsiderConstructs
{
    public const char S = '\u0001';
    public const char E = '\u0002';

    public const string Usings =
        "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.Linq;\nusing System.Net;\nusing System.Text;\nusing System.Text.RegularExpressions;\n\n";

    public static string M(string text) => S + text + E;

    public static Src Cls(string members, string extraTypes = "", string path = "/repo/src/App/Case.cs") =>
        new(path, Usings + "namespace Outsider;\n\npublic partial class Holder\n{\n" + members + "\n}\n" + extraTypes);

    public static Gen One(string members, string extraTypes = "") => new([Cls(members, extraTypes)]);

    public static Gen Stmts(string body, string extraTypes = "") => One("    public object Run()\n    {\n" + body + "\n    }", extraTypes);

    public static string[] Split(string k, int n)
    {
        var parts = new string[n];
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            int end = i == n - 1 ? k.Length : (k.Length * (i + 1)) / n;
            parts[i] = k.Substring(at, end - at);
            at = end;
        }

        return parts;
    }

    private static string Q(string s) => "\"" + s + "\"";

    private static string EscapeSome(string k, Func<int, bool> which, string form) =>
        string.Concat(k.Select((c, i) => which(i) ? string.Format(CultureInfo.InvariantCulture, form, (int)c) : c.ToString()));

    private static string Lit(string k) => Q(k);

    /// <summary>Every construct. Name is the identifier that receives the value (neutral for self-identifying keys).</summary>
    public static readonly Construct[] All =
    [
        // ---- literal kinds and escapes ----------------------------------------------------------------------
        new("literal-regular", "literal", (k, n, r) => Stmts("        var " + n + " = " + M(Q(k)) + ";\n        return " + n + ";")),
        new("literal-field", "literal", (k, n, r) => One("    private readonly string " + n + " = " + M(Q(k)) + ";")),
        new("literal-const", "literal", (k, n, r) => One("    public const string " + n + " = " + M(Q(k)) + ";")),
        new("literal-verbatim", "literal", (k, n, r) => Stmts("        string " + n + " = " + M("@" + Q(k)) + ";\n        return " + n + ";")),
        new("literal-raw-single", "literal", (k, n, r) => Stmts("        string " + n + " = " + M("\"\"\"" + k + "\"\"\"") + ";\n        return " + n + ";")),
        new("literal-raw-multi", "literal", (k, n, r) => Stmts("        string " + n + " = \"\"\"\n            " + M(k) + "\n            \"\"\";\n        return " + n + ";")),
        new("literal-interpolated", "literal", (k, n, r) => Stmts("        string " + n + " = " + M("$" + Q(k)) + ";\n        return " + n + ";")),
        new("literal-interpolated-verbatim", "literal", (k, n, r) => Stmts("        string " + n + " = " + M("$@" + Q(k)) + ";\n        return " + n + ";")),
        new("literal-interpolated-raw", "literal", (k, n, r) => Stmts("        int n = 1;\n        string " + n + " = $\"\"\"\n            " + M(k) + "\n            {n}\n            \"\"\";\n        return " + n + ";")),
        new("literal-utf8", "literal", (k, n, r) => Stmts("        ReadOnlySpan<byte> " + n + " = " + M(Q(k) + "u8") + ";\n        return " + n + ".Length;")),
        new("literal-in-sentence", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q("Authorization: Bearer " + k)) + ";\n        return " + n + ";")),
        new("literal-in-url-query", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q("https://api.example.test/v1/run?key=" + k + "&mode=fast")) + ";\n        return " + n + ";")),
        new("literal-whitespace-escapes", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q("\\t" + k + "\\r\\n")) + ".Trim();\n        return " + n + ";")),
        new("escape-u-some", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q(EscapeSome(k, i => i % 3 == 0, "\\u{0:x4}"))) + ";\n        return " + n + ";")),
        new("escape-u-all", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q(EscapeSome(k, i => true, "\\u{0:X4}"))) + ";\n        return " + n + ";")),
        new("escape-U-some", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q(EscapeSome(k, i => i % 4 == 1, "\\U{0:X8}"))) + ";\n        return " + n + ";")),
        new("escape-x-some", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q(EscapeSome(k, i => i % 5 == 0, "\\x{0:x4}"))) + ";\n        return " + n + ";")),

        // ---- placements --------------------------------------------------------------------------------------
        new("expression-bodied-property", "literal", (k, n, r) => One("    public string " + Up(n) + " => " + M(Q(k)) + ";")),
        new("auto-property-initializer", "literal", (k, n, r) => One("    public string " + Up(n) + " { get; set; } = " + M(Q(k)) + ";")),
        new("collection-initializer", "literal", (k, n, r) => Stmts("        var " + n + " = new List<string>\n        {\n            \"gpt-4o-mini\",\n            " + M(Q(k)) + ",\n        };\n        return " + n + ";")),
        new("collection-expression", "literal", (k, n, r) => Stmts("        string[] " + n + " = [\"alpha\", " + M(Q(k)) + "];\n        return " + n + ";")),
        new("dictionary-indexer-initializer", "literal", (k, n, r) => Stmts("        var " + n + " = new Dictionary<string, string>\n        {\n            [\"model\"] = \"gpt-4o\",\n            [\"value\"] = " + M(Q(k)) + ",\n        };\n        return " + n + ";")),
        new("dictionary-add-initializer", "literal", (k, n, r) => Stmts("        var " + n + " = new Dictionary<string, string>\n        {\n            { \"model\", \"gpt-4o\" },\n            { \"value\", " + M(Q(k)) + " },\n        };\n        return " + n + ";")),
        new("attribute-argument", "literal", (k, n, r) => One("    [Setting(" + M(Q(k)) + ")]\n    public void Configure() { }", "\n[AttributeUsage(AttributeTargets.All)]\npublic sealed class SettingAttribute(string value) : Attribute { public string Value { get; } = value; }\n")),
        new("assembly-attribute", "literal", (k, n, r) => new Gen([new Src("/repo/src/App/AssemblyInfo.cs", "using System.Reflection;\n\n[assembly: AssemblyMetadata(\"" + n + "\", " + M(Q(k)) + ")]\n")])),
        new("default-parameter", "literal", (k, n, r) => One("    public string Connect(string " + n + " = " + M(Q(k)) + ") => " + n + ";")),
        new("switch-expression", "literal", (k, n, r) => One("    public string Pick(int env) => env switch\n    {\n        1 => " + M(Q(k)) + ",\n        _ => string.Empty,\n    };")),
        new("switch-statement-case", "literal", (k, n, r) => One("    public bool Is(string s)\n    {\n        switch (s)\n        {\n            case " + M(Q(k)) + ":\n                return true;\n            default:\n                return false;\n        }\n    }")),
        new("tuple", "literal", (k, n, r) => Stmts("        var " + n + " = (Name: \"primary\", Value: " + M(Q(k)) + ");\n        return " + n + ";")),
        new("record-positional", "literal", (k, n, r) => Stmts("        return new Options(\"primary\", " + M(Q(k)) + ");", "\npublic sealed record Options(string Name, string Value);\n")),
        new("record-default", "literal", (k, n, r) => One("    public object Make() => new Options2();", "\npublic sealed record Options2(string Name = \"primary\", string Value = " + M(Q(k)) + ");\n")),
        new("primary-constructor-argument", "literal", (k, n, r) => Stmts("        return new Service(" + M(Q(k)) + ");", "\npublic sealed class Service(string value)\n{\n    public string Value => value;\n}\n")),
        new("primary-constructor-default", "literal", (k, n, r) => One("    public object Make() => new Service2();", "\npublic sealed class Service2(string value = " + M(Q(k)) + ")\n{\n    public string Value => value;\n}\n")),
        new("top-level-statements", "literal", (k, n, r) => new Gen([new Src("/repo/src/App/Program.cs", Usings + "var " + n + " = " + M(Q(k)) + ";\nConsole.WriteLine(" + n + ".Length);\n")], Exe: true)),
        new("lambda-return", "literal", (k, n, r) => Stmts("        Func<string> " + n + " = () => " + M(Q(k)) + ";\n        return " + n + ";")),
        new("ternary", "literal", (k, n, r) => Stmts("        bool prod = DateTime.Now.Ticks > 0;\n        string " + n + " = prod ? " + M(Q(k)) + " : \"\";\n        return " + n + ";")),
        new("null-coalescing-env-fallback", "literal", (k, n, r) => Stmts("        string " + n + " = Environment.GetEnvironmentVariable(\"APP_VALUE\")\n            ?? " + M(Q(k)) + ";\n        return " + n + ";")),
        new("method-argument", "literal", (k, n, r) => Stmts("        return Use(" + M(Q(k)) + ");\n    }\n\n    private static int Use(string s) => s.Length;\n    private static void Unused()\n    {")),
        new("anonymous-object", "literal", (k, n, r) => Stmts("        var " + n + " = new { Name = \"primary\", Value = " + M(Q(k)) + " };\n        return " + n + ";")),

        // ---- comments and trivia -----------------------------------------------------------------------------
        new("line-comment", "literal", (k, n, r) => Stmts("        // " + M(k) + "\n        return 0;")),
        new("block-comment", "literal", (k, n, r) => Stmts("        /* temporary value:\n           " + M(k) + "\n        */\n        return 0;")),
        new("xml-doc", "literal", (k, n, r) => One("    /// <summary>Calls the service.</summary>\n    /// <example>var client = new Client(\"" + M(k) + "\");</example>\n    public void Call() { }")),
        new("disabled-if-block", "literal", (k, n, r) => Stmts("#if NEVER_DEFINED\n        var " + n + " = \"" + M(k) + "\";\n#endif\n        return 0;")),

        // ---- pieces: + and constants -------------------------------------------------------------------------
        new("concat-two-literals", "pieces", (k, n, r) => { var p = Split(k, 2); return Stmts("        string " + n + " = " + M(Q(p[0]) + " + " + Q(p[1])) + ";\n        return " + n + ";"); }),
        new("concat-multiline", "pieces", (k, n, r) => { var p = Split(k, 4); return Stmts("        string " + n + " = " + M(Q(p[0]) + " +\n            " + Q(p[1]) + " +\n            " + Q(p[2]) + " +\n            " + Q(p[3])) + ";\n        return " + n + ";"); }),
        new("concat-with-runtime-tail", "pieces", (k, n, r) => { var p = Split(k, 2); return Stmts("        string " + n + " = " + M(Q(p[0]) + " + " + Q(p[1])) + " + Environment.NewLine;\n        return " + n + ";"); }),
        new("compound-assignment", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts(M("        string " + n + " = " + Q(p[0]) + ";\n        " + n + " += " + Q(p[1]) + ";\n        " + n + " += " + Q(p[2]) + ";") + "\n        return " + n + ";"); }),
        new("const-chain", "pieces", (k, n, r) => { var p = Split(k, 3); return One(M("    private const string Head = " + Q(p[0]) + ";\n    private const string Middle = Head + " + Q(p[1]) + ";\n    public const string " + Up(n) + " = Middle + " + Q(p[2]) + ";")); }),
        new("const-interpolated", "pieces", (k, n, r) => { var p = Split(k, 2); return One(M("    private const string A = " + Q(p[0]) + ";\n    private const string B = " + Q(p[1]) + ";\n    public const string " + Up(n) + " = $\"{A}{B}\";")); }),
        new("static-readonly-chain", "pieces", (k, n, r) => { var p = Split(k, 3); return One(M("    private static readonly string Part1 = " + Q(p[0]) + ";\n    private static readonly string Part2 = " + Q(p[1]) + ";\n    public static readonly string " + Up(n) + " = Part1 + Part2 + " + Q(p[2]) + ";")); }),
        new("const-across-partial-files", "pieces", (k, n, r) =>
        {
            var p = Split(k, 3);
            return new Gen(
            [
                Cls("    " + M("internal const string Lead = " + Q(p[0]) + ";"), path: "/repo/src/App/Holder.Part1.cs"),
                Cls("    " + M("internal const string Mid = " + Q(p[1]) + ";"), path: "/repo/src/App/Holder.Part2.cs"),
                Cls("    " + M("public const string " + Up(n) + " = Lead + Mid + " + Q(p[2]) + ";"), path: "/repo/src/App/Holder.Part3.cs"),
            ]);
        }),
        new("const-across-classes", "pieces", (k, n, r) =>
        {
            var p = Split(k, 2);
            return new Gen(
            [
                new Src("/repo/src/App/Parts.cs", "namespace Outsider.Config;\n\npublic static class Parts\n{\n    " + M("public const string First = " + Q(p[0]) + ";") + "\n}\n"),
                Cls("    " + M("public static readonly string " + Up(n) + " = Outsider.Config.Parts.First + " + Q(p[1]) + ";"), path: "/repo/src/App/Holder.cs"),
            ]);
        }),
        new("using-static-const", "pieces", (k, n, r) =>
        {
            var p = Split(k, 2);
            return new Gen(
            [
                new Src("/repo/src/App/Secrets.cs", "namespace Outsider.Keys;\n\npublic static class Secrets\n{\n    " + M("public const string Start = " + Q(p[0]) + ";") + "\n    " + M("public const string End = " + Q(p[1]) + ";") + "\n}\n"),
                new Src("/repo/src/App/Use.cs", "using static Outsider.Keys.Secrets;\n\nnamespace Outsider;\n\npublic static class Use\n{\n    " + M("public static string " + Up(n) + " => Start + End;") + "\n}\n"),
            ]);
        }),
        new("interpolated-literal-holes", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("$\"{\"" + p[0] + "\"}{\"" + p[1] + "\"}" + p[2] + "\"") + ";\n        return " + n + ";"); }),

        // ---- pieces: string APIs -----------------------------------------------------------------------------
        new("string-concat", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("string.Concat(" + Q(p[0]) + ", " + Q(p[1]) + ", " + Q(p[2]) + ")") + ";\n        return " + n + ";"); }),
        new("string-concat-multiline", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("String.Concat(\n            " + Q(p[0]) + ",\n            " + Q(p[1]) + ",\n            " + Q(p[2]) + ")") + ";\n        return " + n + ";"); }),
        new("string-join-empty-array", "pieces", (k, n, r) => { var p = Split(k, 4); return Stmts("        string " + n + " = " + M("string.Join(\"\", new[] { " + string.Join(", ", p.Select(Q)) + " })") + ";\n        return " + n + ";"); }),
        new("string-join-string-empty-params", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("string.Join(string.Empty, " + string.Join(", ", p.Select(Q)) + ")") + ";\n        return " + n + ";"); }),
        new("string-join-list", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("string.Join(\"\", new List<string> { " + string.Join(", ", p.Select(Q)) + " })") + ";\n        return " + n + ";"); }),
        new("string-format", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("string.Format(\"{0}{1}{2}\", " + string.Join(", ", p.Select(Q)) + ")") + ";\n        return " + n + ";"); }),
        new("string-format-invariant-multiline", "pieces", (k, n, r) => { var p = Split(k, 2); return Stmts("        string " + n + " = " + M("string.Format(\n            CultureInfo.InvariantCulture,\n            \"{0}{1}\",\n            " + Q(p[0]) + ",\n            " + Q(p[1]) + ")") + ";\n        return " + n + ";"); }),
        new("string-create-invariant", "pieces", (k, n, r) => { var p = Split(k, 2); return Stmts("        const string a = " + M(Q(p[0])) + ";\n        string " + n + " = string.Create(CultureInfo.InvariantCulture, $\"{a}" + M(p[1]) + "\");\n        return " + n + ";"); }),
        new("local-variable-pieces", "pieces", (k, n, r) => { var p = Split(k, 2); return Stmts(M("        var head = " + Q(p[0]) + ";\n        var tail = " + Q(p[1]) + ";\n        string " + n + " = head + tail;") + "\n        return " + n + ";"); }),
        new("stringbuilder-chain", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("new StringBuilder()\n            .Append(" + Q(p[0]) + ")\n            .Append(" + Q(p[1]) + ")\n            .Append(" + Q(p[2]) + ")") + "\n            .ToString();\n        return " + n + ";"); }),
        new("stringbuilder-statements", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        var sb = new StringBuilder();\n" + M("        sb.Append(" + Q(p[0]) + ");\n        sb.Append(" + Q(p[1]) + ");\n        sb.Append(" + Q(p[2]) + ");") + "\n        string " + n + " = sb.ToString();\n        return " + n + ";"); }),
        new("aggregate", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("new[] { " + string.Join(", ", p.Select(Q)) + " }.Aggregate((x, y) => x + y)") + ";\n        return " + n + ";"); }),
        new("concat-static-readonly-array", "pieces", (k, n, r) => { var p = Split(k, 4); return One("    private static readonly string[] Chunks = " + M("{ " + string.Join(", ", p.Select(Q)) + " }") + ";\n    public string " + Up(n) + " => string.Concat(Chunks);"); }),
        new("insert", "pieces", (k, n, r) => { int at = k.Length / 2; return Stmts("        string " + n + " = " + M(Q(k.Remove(at, 10)) + ".Insert(" + at + ", " + Q(k.Substring(at, 10)) + ")") + ";\n        return " + n + ";"); }),

        // ---- data: characters and bytes ----------------------------------------------------------------------
        new("char-array-new-string", "data", (k, n, r) => Stmts("        string " + n + " = " + M("new string(new[] { " + string.Join(", ", k.Select(c => "'" + c + "'")) + " })") + ";\n        return " + n + ";")),
        new("char-array-field", "data", (k, n, r) => One("    private static readonly char[] Letters = " + M("{ " + string.Join(", ", k.Select(c => "'" + c + "'")) + " }") + ";\n    public string " + Up(n) + " => new string(Letters);")),
        new("string-concat-chars", "data", (k, n, r) => Stmts("        string " + n + " = " + M("string.Concat(new[] { " + string.Join(", ", k.Select(c => "'" + c + "'")) + " })") + ";\n        return " + n + ";")),
        new("bytes-utf8-hex", "data", (k, n, r) => Stmts("        string " + n + " = " + M("Encoding.UTF8.GetString(new byte[] { " + string.Join(", ", k.Select(c => "0x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture))) + " })") + ";\n        return " + n + ";")),
        new("bytes-ascii-decimal", "data", (k, n, r) => Stmts("        byte[] raw = " + M("{ " + string.Join(", ", k.Select(c => ((int)c).ToString(CultureInfo.InvariantCulture))) + " }") + ";\n        string " + n + " = Encoding.ASCII.GetString(raw);\n        return " + n + ";")),
        new("int-codes-select", "data", (k, n, r) => Stmts("        string " + n + " = " + M("new string(new[] { " + string.Join(", ", k.Select(c => ((int)c).ToString(CultureInfo.InvariantCulture))) + " }.Select(x => (char)x).ToArray())") + ";\n        return " + n + ";")),
        new("base64", "data", (k, n, r) => Stmts("        string " + n + " = Encoding.UTF8.GetString(Convert.FromBase64String(" + M(Q(Convert.ToBase64String(Encoding.UTF8.GetBytes(k)))) + "));\n        return " + n + ";")),
        new("base64-const", "data", (k, n, r) => One("    private const string Encoded = " + M(Q(Convert.ToBase64String(Encoding.UTF8.GetBytes(k)))) + ";\n    public string " + Up(n) + " => Encoding.UTF8.GetString(Convert.FromBase64String(Encoded));")),
        new("hex-string", "data", (k, n, r) => Stmts("        string " + n + " = Encoding.ASCII.GetString(Convert.FromHexString(" + M(Q(Convert.ToHexString(Encoding.ASCII.GetBytes(k)))) + "));\n        return " + n + ";")),

        new("char-array-escaped", "data", (k, n, r) => Stmts("        string " + n + " = " + M("new string(new[] { " + string.Join(", ", k.Select((c, i) => i % 2 == 0 ? "'\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) + "'" : "'" + c + "'")) + " })") + ";\n        return " + n + ";")),
        new("list-add-statements", "pieces", (k, n, r) => { var p = Split(k, 3); return Stmts("        var parts = new List<string>();\n" + M("        parts.Add(" + Q(p[0]) + ");\n        parts.Add(" + Q(p[1]) + ");\n        parts.Add(" + Q(p[2]) + ");") + "\n        string " + n + " = string.Concat(parts);\n        return " + n + ";"); }),
        new("appendformat", "pieces", (k, n, r) => { var p = Split(k, 2); return Stmts("        string " + n + " = " + M("new StringBuilder().AppendFormat(\"{0}{1}\", " + Q(p[0]) + ", " + Q(p[1]) + ")") + ".ToString();\n        return " + n + ";"); }),
        new("span-to-string", "literal", (k, n, r) => Stmts("        string " + n + " = " + M(Q(k)) + ".AsSpan().ToString();\n        return " + n + ";")),
        new("base64-static-readonly-decoded", "data", (k, n, r) => One("    private static readonly string " + Up(n) + " = Encoding.UTF8.GetString(Convert.FromBase64String(" + M(Q(Convert.ToBase64String(Encoding.UTF8.GetBytes(k)))) + "));")),
        new("reversed-pieces-array", "obfuscation", (k, n, r) => { var p = Split(k, 4); return Stmts("        string " + n + " = string.Concat(" + M("new[] { " + string.Join(", ", p.Reverse().Select(Q)) + " }") + ".Reverse());\n        return " + n + ";"); }),

        // ---- obfuscations a developer or an assistant writes to get past a scanner ----------------------------
        new("replace-marker", "obfuscation", (k, n, r) => Stmts("        string " + n + " = " + M(Q(string.Concat(k.Select((c, i) => i % 7 == 6 ? c + "#" : c.ToString()))) + ".Replace(\"#\", \"\")") + ";\n        return " + n + ";")),
        new("replace-zero-width-space", "obfuscation", (k, n, r) => Stmts("        string " + n + " = " + M(Q(string.Concat(k.Select((c, i) => i % 9 == 4 ? c + "\\u200B" : c.ToString()))) + ".Replace(\"\\u200B\", string.Empty)") + ";\n        return " + n + ";")),
        new("replace-dash-word", "obfuscation", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M(Q(p[0] + "REMOVE" + p[1] + "REMOVE" + p[2]) + ".Replace(\"REMOVE\", \"\")") + ";\n        return " + n + ";"); }),
        new("reversed-linq", "obfuscation", (k, n, r) => Stmts("        string " + n + " = " + M("new string(" + Q(new string(k.Reverse().ToArray())) + ".Reverse().ToArray())") + ";\n        return " + n + ";")),
        new("reversed-array", "obfuscation", (k, n, r) => Stmts("        char[] c = " + M(Q(new string(k.Reverse().ToArray()))) + ".ToCharArray();\n        Array.Reverse(c);\n        string " + n + " = new string(c);\n        return " + n + ";")),
        new("substring-of-padded", "obfuscation", (k, n, r) => Stmts("        string " + n + " = " + M(Q("zq" + k + "qz") + ".Substring(2, " + k.Length + ")") + ";\n        return " + n + ";")),
        new("split-join", "obfuscation", (k, n, r) => { var p = Split(k, 4); return Stmts("        string " + n + " = " + M("string.Join(\"\", " + Q(string.Join("|", p)) + ".Split('|'))") + ";\n        return " + n + ";"); }),
        new("split-concat-space", "obfuscation", (k, n, r) => { var p = Split(k, 4); return Stmts("        string " + n + " = " + M("string.Concat(" + Q(string.Join(" ", p)) + ".Split(' '))") + ";\n        return " + n + ";"); }),
        new("percent-encoded", "obfuscation", (k, n, r) => Stmts("        string " + n + " = " + M("Uri.UnescapeDataString(" + Q(string.Concat(k.Select(c => "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)))) + ")") + ";\n        return " + n + ";")),
        new("regex-unescape", "obfuscation", (k, n, r) => Stmts("        string " + n + " = " + M("Regex.Unescape(@" + Q(string.Concat(k.Select((c, i) => i % 2 == 0 ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : c.ToString()))) + ")") + ";\n        return " + n + ";")),
        new("verbatim-wrapped-lines", "obfuscation", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = " + M("@\"" + p[0] + "\n" + p[1] + "\n" + p[2] + "\"") + ".Replace(\"\\n\", \"\").Replace(\"\\r\", \"\");\n        return " + n + ";"); }),
        new("raw-wrapped-lines", "obfuscation", (k, n, r) => { var p = Split(k, 3); return Stmts("        string " + n + " = string.Concat(\"\"\"\n            " + M(p[0] + "\n            " + p[1] + "\n            " + p[2]) + "\n            \"\"\".Split('\\n').Select(l => l.Trim()));\n        return " + n + ";"); }),
        new("chunks-in-dictionary-values", "obfuscation", (k, n, r) => { var p = Split(k, 3); return Stmts("        var parts = new Dictionary<int, string>\n        {\n" + M("            [0] = " + Q(p[0]) + ",\n            [1] = " + Q(p[1]) + ",\n            [2] = " + Q(p[2]) + ",") + "\n        };\n        string " + n + " = string.Concat(parts.OrderBy(x => x.Key).Select(x => x.Value));\n        return " + n + ";"); }),

        // ---- computed (measured, not required: no static reading finds these) ---------------------------------
        new("char-shift", "computed", (k, n, r) => Stmts("        string " + n + " = new string(" + M(Q(new string(k.Select(c => (char)(c + 1)).ToArray()).Replace("\\", "\\\\"))) + ".Select(c => (char)(c - 1)).ToArray());\n        return " + n + ";")),
        new("xor-mask", "computed", (k, n, r) => Stmts("        byte[] masked = " + M("{ " + string.Join(", ", k.Select(c => (c ^ 0x5A).ToString(CultureInfo.InvariantCulture))) + " }") + ";\n        string " + n + " = new string(masked.Select(b => (char)(b ^ 0x5A)).ToArray());\n        return " + n + ";")),
    ];

    public static string Up(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1).TrimStart('_');

    public static readonly HashSet<string> PieceKinds = ["pieces", "data", "obfuscation"];

    /// <summary>Configuration text embedded in C# strings: JSON, YAML, INI, .env (fixed keys under a neutral name).</summary>
    public static readonly Construct[] EmbeddedConfig =
    [
        new("embedded-json-raw", "config-text", (k, n, r) => Stmts("        string json = \"\"\"\n            {\n              \"Service\": {\n                \"Endpoint\": \"https://example.test\",\n                \"" + Up(n) + "\": \"" + M(k) + "\"\n              }\n            }\n            \"\"\";\n        return json;")),
        new("embedded-json-verbatim", "config-text", (k, n, r) => Stmts("        string json = @\"{\n  \"\"Service\"\": { \"\"" + Up(n) + "\"\": \"\"" + M(k) + "\"\" }\n}\";\n        return json;")),
        new("embedded-json-escaped", "config-text", (k, n, r) => Stmts("        string json = \"{\\\"service\\\":{\\\"" + n + "\\\":\\\"" + M(k) + "\\\"}}\";\n        return json;")),
        new("embedded-yaml-raw", "config-text", (k, n, r) => Stmts("        string yaml = \"\"\"\n            service:\n              endpoint: https://example.test\n              " + n + ": " + M(k) + "\n            \"\"\";\n        return yaml;")),
        new("embedded-env-verbatim", "config-text", (k, n, r) => Stmts("        string env = @\"APP_MODE=prod\n" + n.ToUpperInvariant() + "=" + M(k) + "\nAPP_PORT=8080\";\n        return env;")),
        new("embedded-ini-raw", "config-text", (k, n, r) => Stmts("        string ini = \"\"\"\n            [service]\n            " + n + " = " + M(k) + "\n            \"\"\";\n        return ini;")),
        new("embedded-interpolated-json", "config-text", (k, n, r) => Stmts("        string model = \"gpt-4o\";\n        string json = $$\"\"\"\n            { \"model\": \"{{model}}\", \"" + n + "\": \"" + M(k) + "\" }\n            \"\"\";\n        return json;")),
    ];
}
