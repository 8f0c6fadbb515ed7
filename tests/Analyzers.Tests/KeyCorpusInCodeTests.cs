using Guardrails.Core.Secrets;
using Guardrails.Core.Tests;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>GRD001 over the whole labelled corpus: every provider the catalog has, as C# literals and at named sinks.</summary>
public class KeyCorpusInCodeTests
{
    public static IEnumerable<object[]> FixedFormatKeys() =>
        DetectionCorpus.FixedFormatKeys.Select((k, i) => new object[] { k.FormatId, i });

    public static IEnumerable<object[]> NamedKeys() =>
        DetectionCorpus.NamedKeys.Select((k, i) => new object[] { k.FormatId, i });

    public static IEnumerable<object[]> ScanTraps() => DetectionCorpus.ScanTraps.Select((_, i) => new object[] { i });

    /// <summary>Named traps whose value is not a self-identifying key (those are GRD001 wherever they stand).</summary>
    public static IEnumerable<object[]> NamedTraps() => DetectionCorpus.NamedTraps
        .Select((t, i) => (t, i))
        .Where(x => !SecretScanner.MightContainKey(x.t.Value) || !HasMatch(x.t.Value))
        .Select(x => new object[] { x.t.Name, x.i });

    private static bool HasMatch(string value)
    {
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(value, matches);
        return matches.Count > 0;
    }

    /// <summary>A C# regular string literal whose value is <paramref name="value"/>.</summary>
    internal static string CSharpLiteral(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";

    private static DiagnosticResult[] Expected(string id, string value, Func<SecretMatch, object[]> args)
    {
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(value, matches);
        Assert.NotEmpty(matches);
        return matches.Select(m => V.Diagnostic(id).WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithArguments(args(m))).ToArray();
    }

    [Theory]
    [MemberData(nameof(FixedFormatKeys))]
    public async Task Every_fixed_format_key_is_reported_in_a_literal(string formatId, int index)
    {
        string key = DetectionCorpus.FixedFormatKeys[index].Key;
        string source = "class C { string K = {|#0:" + CSharpLiteral(key) + "|}; }";
        await V.AnalyzerAsync(source, expected: Expected("GRD001", key, m => new object[] { m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl }));
        Assert.NotEmpty(formatId);
    }

    [Theory]
    [MemberData(nameof(NamedKeys))]
    public async Task Every_context_gated_key_is_reported_under_its_config_name(string formatId, int index)
    {
        (string name, string value, _) = DetectionCorpus.NamedKeys[index];
        Assert.True(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m));
        Assert.Equal(formatId, m.Format.Id);
        string source =
            "using System.Collections.Generic;\n" +
            "class C { Dictionary<string, string> Settings = new() { [" + CSharpLiteral(name) + "] = {|#0:" + CSharpLiteral(value) + "|} }; }";
        await V.AnalyzerAsync(
            source,
            expected: m.Format.IsGeneric
                ? V.Diagnostic("GRD006").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments(m.Format.TokenKind, m.Redacted)
                : V.Diagnostic("GRD001").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                    .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl));
    }

    [Theory]
    [MemberData(nameof(ScanTraps))]
    public async Task Scan_traps_are_not_reported_in_literals_or_comments(int index)
    {
        string trap = DetectionCorpus.ScanTraps[index];
        string source = "class C {\n  string T = " + CSharpLiteral(trap) + ";\n  /* " + trap.Replace("*/", string.Empty) + " */\n}\n";
        await V.AnalyzerAsync(source);
    }

    [Theory]
    [MemberData(nameof(NamedTraps))]
    public async Task Named_traps_are_not_reported_under_their_names(string name, int index)
    {
        string value = DetectionCorpus.NamedTraps[index].Value;
        string source =
            "using System.Collections.Generic;\n" +
            "class C { Dictionary<string, string> Settings = new() { [" + CSharpLiteral(name) + "] = " + CSharpLiteral(value) + " }; }";
        await V.AnalyzerAsync(source);
    }
}
