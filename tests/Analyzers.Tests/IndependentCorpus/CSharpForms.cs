using System.Text;
using Microsoft.CodeAnalysis;
using static Guardrails.Analyzers.Tests.IndependentCorpus.Cs;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>Input of a C# form: the key, the name the code gives it, and the kind.</summary>
internal sealed record FormInput(string Key, string Name, KeyKind Kind)
{
    public int Cut => Kind.PrefixEnd(Key);

    public string Head => Key.Substring(0, Cut);

    public string Tail => Key.Substring(Cut);

    public string Half1 => Key.Substring(0, Key.Length / 2);

    public string Half2 => Key.Substring(Key.Length / 2);

    public string N => Pascal(Name);
}

/// <summary>
/// One way C# can hold a string (C# language specification: literals §6.4.5, constant expressions §12.23,
/// interpolation §12.8.3, raw and UTF-8 literals), plus APIs that build strings and plausible obfuscations.
/// <see cref="NameBearing"/>: the form's value flows straight into the name, so the name is context for it.
/// </summary>
internal sealed record CodeForm(string Name, bool NameBearing, Func<FormInput, (string Path, string Text)[]> Build, string? NotRequired = null, OutputKind Output = OutputKind.DynamicallyLinkedLibrary);

internal static class CSharpForms
{
    private static (string, string)[] One(string text) => new[] { ("/src/Case.cs", text) };

    private static (string, string)[] Members(string members) => One(Holder(members));

    /// <summary>The key cut in three (a marker in the middle of a key may fall across a cut).</summary>
    private static string[] Thirds(string key) =>
        new[] { key.Substring(0, key.Length / 3), key.Substring(key.Length / 3, key.Length / 3), key.Substring(2 * (key.Length / 3)) };

    private static string Chr(char c) => c == '\'' || c == '\\' ? "'\\" + c + "'" : "'" + c + "'";

    /// <summary>
    /// The key's prefix as a literal, then its body as pieces: each run that can be an identifier is <c>nameof(@Run)</c>
    /// of a constant named so (C# §12.8.23: a constant expression), the rest are literals.
    /// </summary>
    private static string NameofPieces(FormInput i)
    {
        var pieces = new List<string> { Reg(i.Head) };
        var declared = new List<string>();
        string key = i.Tail;
        int at = 0;
        while (at < key.Length)
        {
            int end = at;
            if (char.IsLetter(key[at]) || key[at] == '_')
            {
                while (end < key.Length && (char.IsLetterOrDigit(key[end]) || key[end] == '_'))
                {
                    end++;
                }

                string run = key.Substring(at, end - at);
                pieces.Add("nameof(@" + run + ")");
                if (!declared.Contains(run))
                {
                    declared.Add(run);
                }
            }
            else
            {
                while (end < key.Length && !(char.IsLetter(key[end]) || key[end] == '_'))
                {
                    end++;
                }

                pieces.Add(Reg(key.Substring(at, end - at)));
            }

            at = end;
        }

        return string.Concat(declared.Select(d => "    private const int @" + d + " = 0;\n")) +
            $"{A}    public const string {i.N} = " + string.Join(" + ", pieces) + ";";
    }

    public static readonly IReadOnlyList<CodeForm> All = new List<CodeForm>
    {
        // ---- literal kinds ----
        new("regular literal field", true, i => Members($"{A}    public static string {i.N} = {Reg(i.Key)};")),
        new("const field", true, i => Members($"{A}    public const string {i.N} = {Reg(i.Key)};")),
        new("local in method", true, i => Members(Method($"{A}        var {i.Name} = {Reg(i.Key)};\n        return {i.Name};"))),
        new("verbatim", true, i => Members($"{A}    public static readonly string {i.N} = {Verb(i.Key)};")),
        new("raw single-line", true, i => Members($"{A}    public static readonly string {i.N} = {Raw(i.Key)};")),
        new("raw multi-line", true, i => Members($"    public static readonly string {i.N} = \"\"\"\n{A}        {i.Key}\n        \"\"\";")),
        new("interpolated, no holes", true, i => Members($"{A}    public static readonly string {i.N} = ${Reg(i.Key)};")),
        new("interpolated raw", true, i => Members($"{A}    public static readonly string {i.N} = ${Raw(i.Key)};")),
        new("interpolated, constant hole", true, i => Members($"{A}    private const string Head = {Reg(i.Head)};\n{A}    public const string {i.N} = $\"{{Head}}{i.Tail}\";")),
        new("interpolated, literal holes", true, i => Members($"{A}    public static readonly string {i.N} = $\"{{{Reg(i.Head)}}}{{{Reg(i.Tail)}}}\";")),
        new("utf-8 u8", true, i => Members($"{A}    public static ReadOnlySpan<byte> {i.N} => {Reg(i.Key)}u8;")),
        new("verbatim interpolated", true, i => Members($"{A}    public static readonly string {i.N} = $@\"{i.Key}\";")),

        // ---- escapes (§6.4.5.5) ----
        new("escape \\u first char", true, i => Members($"{A}    public static readonly string {i.N} = \"{UEscape(i.Key[0])}{i.Key.Substring(1)}\";")),
        new("escape \\x in the middle", true, i => Members($"{A}    public static readonly string {i.N} = \"{i.Key.Substring(0, 10)}{XEscape(i.Key[10])}{i.Key.Substring(11)}\";")),
        new("escape \\U first char", true, i => Members($"{A}    public static readonly string {i.N} = \"{BigUEscape(i.Key[0])}{i.Key.Substring(1)}\";")),
        new("escape every char \\u", true, i => Members($"{A}    public static readonly string {i.N} = \"{string.Concat(i.Key.Select(UEscape))}\";")),
        new("escape mixed forms", true, i => Members($"{A}    public static readonly string {i.N} = \"{string.Concat(i.Key.Select((c, n) => n % 3 == 0 ? UEscape(c) : n % 3 == 1 ? XEscape(c) : c.ToString()))}\";")),

        // ---- + and constants ----
        new("+ at the prefix, one line", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Head)} + {Reg(i.Tail)};")),
        new("+ halves over two lines", true, i => Members($"    public static readonly string {i.N} =\n{A}        {Reg(i.Half1)} +\n{A}        {Reg(i.Half2)};")),
        new("+ many pieces over lines", true, i => Members($"    public static readonly string {i.N} =\n" + string.Join(" +\n", Chunks(i.Key, 12).Select(c => A + "        " + Reg(c))) + ";")),
        new("+ verbatim and raw pieces", true, i => Members($"{A}    public static readonly string {i.N} = {Verb(i.Half1)} + {Raw(i.Half2)};")),
        new("const chain in one class", true, i => Members($"{A}    private const string Part1 = {Reg(i.Half1)};\n{A}    private const string Part2 = {Reg(i.Half2)};\n{A}    public const string {i.N} = Part1 + Part2;")),
        new("static readonly chain", true, i => Members($"{A}    private static readonly string Part1 = {Reg(i.Half1)};\n{A}    public static readonly string {i.N} = Part1 + {Reg(i.Half2)};")),
        new("prefix constant + literal", true, i => Members($"{A}    private const string Prefix = {Reg(i.Head)};\n{A}    public static readonly string {i.N} = Prefix + {Reg(i.Tail)};")),
        new("const chain across partial class files", true, i => new[]
        {
            ("/src/Keys.Part1.cs", Usings + $"namespace Corpus;\n\npublic static partial class Keys\n{{\n{A}    private const string Part1 = {Reg(i.Half1)};\n}}\n"),
            ("/src/Keys.Part2.cs", Usings + $"namespace Corpus;\n\npublic static partial class Keys\n{{\n{A}    private const string Part2 = {Reg(i.Half2)};\n{A}    public const string {i.N} = Part1 + Part2;\n}}\n"),
        }),
        new("const pieces in another class and file", true, i => new[]
        {
            ("/src/KeyParts.cs", Usings + $"namespace Corpus;\n\ninternal static class KeyParts\n{{\n{A}    public const string Head = {Reg(i.Head)};\n{A}    public const string Tail = {Reg(i.Tail)};\n}}\n"),
            ("/src/Use.cs", Holder($"{A}    public static readonly string {i.N} = KeyParts.Head + KeyParts.Tail;")),
        }),
        new("static readonly pieces across files", true, i => new[]
        {
            ("/src/KeyParts.cs", Usings + $"namespace Corpus;\n\ninternal static class KeyParts\n{{\n{A}    public static readonly string Head = {Reg(i.Half1)};\n}}\n"),
            ("/src/Use.cs", Holder($"{A}    public static readonly string {i.N} = KeyParts.Head + {Reg(i.Half2)};")),
        }),
        new("const interpolation of constants", true, i => Members($"{A}    private const string Part1 = {Reg(i.Half1)};\n{A}    private const string Part2 = {Reg(i.Half2)};\n{A}    public const string {i.N} = $\"{{Part1}}{{Part2}}\";")),

        // ---- string APIs ----
        new("string.Concat literals", true, i => Members($"{A}    public static readonly string {i.N} = string.Concat({Reg(i.Head)}, {Reg(i.Tail)});")),
        new("string.Concat over lines", true, i => Members($"    public static readonly string {i.N} = string.Concat(\n" + string.Join(",\n", Chunks(i.Key, 16).Select(c => A + "        " + Reg(c))) + ");")),
        new("string.Join empty separator", true, i => Members($"{A}    public static readonly string {i.N} = string.Join(\"\", {Reg(i.Half1)}, {Reg(i.Half2)});")),
        new("string.Join string.Empty over array", true, i => Members($"{A}    public static readonly string {i.N} = string.Join(string.Empty, new[] {{ {string.Join(", ", Chunks(i.Key, 20).Select(Reg))} }});")),
        new("string.Format", true, i => Members($"{A}    public static readonly string {i.N} = string.Format(\"{{0}}{{1}}\", {Reg(i.Head)}, {Reg(i.Tail)});")),
        new("string.Create interpolation", true, i => Members($"{A}    public static readonly string {i.N} = string.Create(CultureInfo.InvariantCulture, $\"{i.Key}\");")),
        new("StringBuilder chained appends", true, i => Members($"    public static readonly string {i.N} = new StringBuilder()\n{A}        .Append({Reg(i.Half1)})\n{A}        .Append({Reg(i.Half2)})\n        .ToString();")),
        new("StringBuilder statements", false, i => Members(Method($"        var sb = new StringBuilder();\n{A}        sb.Append({Reg(i.Head)});\n{A}        sb.Append({Reg(i.Tail)});\n        var {i.Name} = sb.ToString();\n        return {i.Name};"))),
        new("new string(char[])", true, i => Members($"    public static readonly string {i.N} = new string(new[]\n    {{\n" + string.Join(",\n", Chunks(i.Key, 16).Select(c => A + "        " + string.Join(", ", c.Select(ch => "'" + ch + "'")))) + "\n    });")),
        new("char[] field then new string", false, i => Members($"    private static readonly char[] Chars =\n    {{\n" + string.Join(",\n", Chunks(i.Key, 16).Select(c => A + "        " + string.Join(", ", c.Select(ch => "'" + ch + "'")))) + $"\n    }};\n\n    public static readonly string {i.N} = new string(Chars);")),
        new("Encoding.UTF8.GetString(hex bytes)", true, i => Members($"    public static readonly string {i.N} = Encoding.UTF8.GetString(new byte[]\n    {{\n" + string.Join(",\n", Chunks(i.Key, 16).Select(c => A + "        " + string.Join(", ", c.Select(ch => "0x" + ((int)ch).ToString("x2"))))) + "\n    });")),
        new("Encoding.ASCII.GetString(decimal bytes)", true, i => Members($"    public static readonly string {i.N} = Encoding.ASCII.GetString(new byte[] {{ " + string.Join(", ", i.Key.Select(ch => ((int)ch).ToString())) + $" }});\n".Insert(0, A))),
        new("Convert.FromBase64String", true, i => Members($"{A}    public static readonly string {i.N} = Encoding.UTF8.GetString(Convert.FromBase64String({Reg(Convert.ToBase64String(Encoding.UTF8.GetBytes(i.Key)))}));")),
        new("Convert.FromHexString", true, i => Members($"{A}    public static readonly string {i.N} = Encoding.UTF8.GetString(Convert.FromHexString({Reg(Convert.ToHexString(Encoding.UTF8.GetBytes(i.Key)))}));")),

        // ---- where a literal can stand ----
        new("collection initializer", false, i => Members($"    public static readonly List<string> Values = new()\n    {{\n        \"first\",\n{A}        {Reg(i.Key)},\n    }};")),
        new("collection expression", false, i => Members($"{A}    public static readonly string[] Values = [\"first\", {Reg(i.Key)}];")),
        new("dictionary indexer initializer", false, i => Members($"    public static readonly Dictionary<string, string> Values = new()\n    {{\n{A}        [\"Value\"] = {Reg(i.Key)},\n    }};")),
        new("dictionary collection initializer", false, i => Members($"    public static readonly Dictionary<string, string> Values = new()\n    {{\n{A}        {{ \"Value\", {Reg(i.Key)} }},\n    }};")),
        new("attribute argument", false, i => Members($"{A}    [Description({Reg(i.Key)})]\n    public static void Run() {{ }}")),
        new("default parameter value", true, i => Members($"{A}    public static string Use(string {i.Name} = {Reg(i.Key)}) => {i.Name};")),
        new("switch expression arm", false, i => Members($"    public static string Pick(string env) => env switch\n    {{\n{A}        \"prod\" => {Reg(i.Key)},\n        _ => string.Empty,\n    }};")),
        new("tuple element", false, i => Members($"{A}    public static readonly (string Name, string Value) Pair = (\"primary\", {Reg(i.Key)});")),
        new("primary constructor argument", false, i => new[] { ("/src/Case.cs", Usings + $"namespace Corpus;\n\npublic class Service(string {i.Name})\n{{\n    public string Value => {i.Name};\n}}\n\npublic static class Holder\n{{\n{A}    public static readonly Service Instance = new({Reg(i.Key)});\n}}\n") }),
        new("record primary constructor default", true, i => One(Usings + $"namespace Corpus;\n\n{A}public record Settings(string {i.N} = {Reg(i.Key)});\n")),
        new("top-level statements", true, i => new[] { ("/src/Program.cs", $"using System;\n\n{A}var {i.Name} = {Reg(i.Key)};\nConsole.WriteLine({i.Name}.Length);\n") }, Output: OutputKind.ConsoleApplication),
        new("expression-bodied property", true, i => Members($"{A}    public static string {i.N} => {Reg(i.Key)};")),
        new("init property in a class", true, i => One(Usings + $"namespace Corpus;\n\npublic sealed class Options\n{{\n{A}    public string {i.N} {{ get; init; }} = {Reg(i.Key)};\n}}\n")),
        new("lambda returning literal", false, i => Members($"{A}    public static readonly Func<string> Factory = () => {Reg(i.Key)};")),
        new("ternary", false, i => Members($"{A}    public static string Pick(bool prod) => prod ? {Reg(i.Key)} : string.Empty;")),
        new("argument to Console.WriteLine", false, i => Members(Method($"{A}        Console.WriteLine({Reg(i.Key)});", "void"))),
        new("Bearer header in one literal", false, i => Members($"{A}    public static readonly string Header = \"Authorization: Bearer {i.Key}\";")),
        new("Bearer header interpolated", false, i => Members($"{A}    public static readonly string Header = $\"Bearer {{{Reg(i.Key)}}}\";")),
        new("URL query string", false, i => Members($"{A}    public static readonly string Url = \"https://api.example.invalid/v1/models?key={i.Key}&alt=json\";")),

        // ---- comments and inactive code ----
        new("line comment", false, i => Members($"{A}    // old key, rotated: {i.Key}\n    public static int Count = 1;")),
        new("block comment", false, i => Members($"    /*\n{A}     * {i.Key}\n     */\n    public static int Count = 1;")),
        new("XML doc example", false, i => Members($"    /// <summary>Calls the service.</summary>\n{A}    /// <example>Use <c>{i.Key}</c> in development.</example>\n    public static void Run() {{ }}")),
        new("#if inactive block", false, i => Members($"#if NEVER_DEFINED\n{A}    public static string Old = \"{i.Key}\";\n#endif\n    public static int Count = 1;")),

        // ---- JSON / YAML / INI / .env text embedded in C# ----
        new("JSON in raw string", false, i => Members($"    public static readonly string Json = \"\"\"\n        {{\n          \"Settings\": {{\n{A}            \"Value\": \"{i.Key}\"\n          }}\n        }}\n        \"\"\";")),
        new("JSON in verbatim string", false, i => Members($"    public static readonly string Json = @\"{{\n  \"\"Settings\"\": {{\n{A}    \"\"Value\"\": \"\"{i.Key}\"\"\n  }}\n}}\";")),
        new("JSON in interpolated raw string", false, i => Members($"    public static string Json(int n) => $$\"\"\"\n        {{\n          \"count\": {{{{n}}}},\n{A}          \"value\": \"{i.Key}\"\n        }}\n        \"\"\";")),
        new("YAML in verbatim string", false, i => Members($"    public static readonly string Yaml = @\"settings:\n{A}  value: {i.Key}\n  retries: 3\";")),
        new("INI in raw string", false, i => Members($"    public static readonly string Ini = \"\"\"\n        [settings]\n{A}        value = {i.Key}\n        \"\"\";")),
        new(".env text in raw string", false, i => Members($"    public static readonly string Env = \"\"\"\n        LOG_LEVEL=debug\n{A}        VALUE={i.Key}\n        \"\"\";")),

        // ---- obfuscations a developer or an assistant would write to get past a scanner ----
        new("substring of a padded literal", true, i => Members($"{A}    public static readonly string {i.N} = {Reg("xx" + i.Key + "yy")}.Substring(2, {i.Key.Length});")),
        new("Replace of an inserted marker", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Key.Substring(0, i.Cut + 6) + "#" + i.Key.Substring(i.Cut + 6, 10) + "#" + i.Key.Substring(i.Cut + 16))}.Replace(\"#\", \"\");")),
        new("Replace of a zero-width space", true, i => Members($"{A}    public static readonly string {i.N} = \"{i.Key.Substring(0, i.Cut)}\\u200B{i.Key.Substring(i.Cut)}\".Replace(\"\\u200B\", string.Empty);")),
        new("reversed literal", true, i => Members($"{A}    public static readonly string {i.N} = new string({Reg(new string(i.Key.Reverse().ToArray()))}.Reverse().ToArray());")),
        new("reversed with Array.Reverse", false, i => Members(Method($"{A}        var chars = {Reg(new string(i.Key.Reverse().ToArray()))}.ToCharArray();\n        Array.Reverse(chars);\n        var {i.Name} = new string(chars);\n        return {i.Name};"))),
        new("string.Concat of a static array", true, i => Members($"{A}    private static readonly string[] Parts = {{ {string.Join(", ", Chunks(i.Key, 20).Select(Reg))} }};\n    public static readonly string {i.N} = string.Concat(Parts);")),
        new("split on a separator and joined", true, i => Members($"{A}    public static readonly string {i.N} = string.Join(\"\", {Reg(string.Join("|", Chunks(i.Key, 10)))}.Split('|'));")),

        // ---- one token away from the forms above, and pure string functions of constant arguments ----
        new("nameof pieces", true, i => Members(NameofPieces(i))),
        new("+ of a literal cast to object", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1)} + (object){Reg(i.Half2)};")),
        new("string.Insert", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1)}.Insert({i.Half1.Length}, {Reg(i.Half2)});")),
        new("PadRight with the next char", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1)}.PadRight({i.Half1.Length + 1}, {Chr(i.Half2[0])}) + {Reg(i.Half2.Substring(1))};")),
        new("string.Join null separator", true, i => Members($"{A}    public static readonly string {i.N} = string.Join(null, {Reg(i.Half1)}, {Reg(i.Half2)});")),
        new("interpolation alignment 0", true, i => Members($"{A}    public static readonly string {i.N} = $\"{{{Reg(i.Half1)}}}{{{Reg(i.Half2)},0}}\";")),
        new("string.Concat of spans", true, i => Members($"{A}    public static readonly string {i.N} = string.Concat({Reg(i.Half1)}.AsSpan(), {Reg(i.Half2)}.AsSpan());")),
        new("Uri.UnescapeDataString", true, i => Members($"{A}    public static readonly string {i.N} = Uri.UnescapeDataString({Reg(string.Concat(i.Key.Select(c => "%" + ((int)c).ToString("X2"))))});")),
        new("WebUtility.UrlDecode", true, i => Members($"{A}    public static readonly string {i.N} = System.Net.WebUtility.UrlDecode({Reg(string.Concat(i.Key.Select((c, n) => n % 2 == 0 || c == '+' || c == '%' ? "%" + ((int)c).ToString("x2") : c.ToString())))});")),
        new("WebUtility.HtmlDecode", true, i => Members($"{A}    public static readonly string {i.N} = System.Net.WebUtility.HtmlDecode({Reg(string.Concat(i.Key.Select(c => "&#" + (int)c + ";")))});")),
        new("Regex.Unescape", true, i => Members($"{A}    public static readonly string {i.N} = System.Text.RegularExpressions.Regex.Unescape({Verb(string.Concat(i.Key.Select((c, n) => n % 3 == 0 ? "\\x" + ((int)c).ToString("x2") : c.ToString())))});")),
        new("char codes through Select", true, i => Members($"{A}    public static readonly string {i.N} = new string(new int[] {{ {string.Join(", ", i.Key.Select(c => ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture)))} }}.Select(n => (char)n).ToArray());")),
        new("reversed base64", true, i => Members($"{A}    public static readonly string {i.N} = Encoding.UTF8.GetString(Convert.FromBase64String(new string({Reg(new string(Convert.ToBase64String(Encoding.UTF8.GetBytes(i.Key)).Reverse().ToArray()))}.Reverse().ToArray())));")),

        // ---- round-2 adversary #6 and the next forms an assistant writes to get past a scanner (issue 16) ----
        new("Remove of junk inside", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1 + "#~#" + i.Half2)}.Remove({i.Half1.Length}, 3);")),
        new("range slice of a literal piece", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1)} + {Reg("##" + i.Half2 + "##")}[2..^2];")),
        new("index into a literal", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1)} + {Reg("#" + i.Half2[0])}[1] + {Reg(i.Half2.Substring(1))};")),
        new("char between literal pieces", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Half1)} + {Chr(i.Half2[0])} + {Reg(i.Half2.Substring(1))};")),
        new("marker inside the prefix removed with Replace", true, i => Members($"{A}    public static readonly string {i.N} = {Reg(i.Key.Substring(0, 1) + "#" + i.Key.Substring(1, 2) + "#" + i.Key.Substring(3))}.Replace(\"#\", string.Empty);")),
        new("chars joined by string.Concat", true, i => Members($"{A}    public static readonly string {i.N} = string.Concat(new[] {{ " + string.Join(", ", i.Key.Select(Chr)) + " });")),
        new("string.Concat of thirds", true, i => Members($"{A}    public static readonly string {i.N} = string.Concat({string.Join(", ", Thirds(i.Key).Select(Reg))});")),
        new("interpolation of constants only", true, i => Members($"{A}    private const string Part1 = {Reg(i.Half1)};\n{A}    private const string Part2 = {Reg(i.Half2)};\n{A}    public const string {i.N} = $\"{{Part1}}{{Part2}}\";")),
        new("grown with += in a method", true, i => Members(Method($"{A}        var {i.Name} = {Reg(Thirds(i.Key)[0])};\n{A}        {i.Name} += {Reg(Thirds(i.Key)[1])};\n{A}        {i.Name} += {Reg(Thirds(i.Key)[2])};\n        return {i.Name};"))),
        new("raw lines trimmed and joined", true, i => Members($"    public static readonly string {i.N} = string.Concat(\"\"\"\n" + string.Join("\n", Thirds(i.Key).Select(t => A + "        " + t)) + "\n        \"\"\".Split('\\n').Select(l => l.Trim()));")),

        // ---- measured, not required ----
        new("char arithmetic (shifted by one)", true, i => Members($"{A}    public static readonly string {i.N} = new string({Reg(new string(i.Key.Select(c => (char)(c + 1)).ToArray()))}.Select(c => (char)(c - 1)).ToArray());"),
            NotRequired: "A cipher, however trivial, is computation: following it needs evaluating arbitrary lambdas. The shifted literal is random text with no key inside."),
        new("XOR with a byte key", true, i => Members($"    private static readonly byte[] Mask = {{ 0x5a, 0x13, 0x77 }};\n{A}    private static readonly byte[] Cipher = {{ {string.Join(", ", i.Key.Select((c, n) => "0x" + (c ^ new[] { 0x5a, 0x13, 0x77 }[n % 3]).ToString("x2")))} }};\n    public static readonly string {i.N} = new string(Cipher.Select((b, n) => (char)(b ^ Mask[n % Mask.Length])).ToArray());"),
            NotRequired: "Encryption: the key is not in the source text in any encoding; only executing the program reveals it."),
        new("read at run time from input", true, i => Members($"    public static string {i.N} => Console.ReadLine() ?? string.Empty; // {i.Key.Substring(0, 3)}..."),
            NotRequired: "The key is not in the source at all (only its first three characters in a comment); nothing to find."),
    };
}
