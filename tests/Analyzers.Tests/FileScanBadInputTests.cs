using Guardrails.Core.Files;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInFileAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>GRD002 on bad input, and GRD007: a file that is not scanned is named, never skipped silently.</summary>
public class FileScanBadInputTests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    private static Task Files(IEnumerable<(string Path, string Text)> files, params DiagnosticResult[] expected) =>
        V.AnalyzerAsync(
            test =>
            {
                test.TestCode = "class C { }";
                foreach ((string path, string text) in files)
                {
                    test.TestState.AdditionalFiles.Add((path, text));
                }
            },
            expected);

    private static DiagnosticResult Grd007(string path, string reason, long length) =>
        V.Diagnostic("GRD007").WithSeverity(DiagnosticSeverity.Info).WithSpan(path, 1, 1, 1, 1)
            .WithArguments(Path.GetFileName(path), SkippedList.Describe(reason, length));

    [Fact]
    public async Task Every_file_the_build_kept_back_is_named_with_its_reason_and_the_limit_except_those_the_check_scans()
    {
        string list = SkippedList.Header + SkippedList.Line(SkippedList.TooLarge, 104857600, "/repo/data/huge.json") +
                      SkippedList.Line(SkippedList.Binary, 2016, "/repo/app/image.json") +
                      SkippedList.Line(SkippedList.Large, 3000000, "/repo/app/appsettings.json") + "garbage line\n";
        Assert.Contains("67,108,864 bytes", SkippedList.Describe(SkippedList.TooLarge, 104857600));
        Assert.Contains("104,857,600", SkippedList.Describe(SkippedList.TooLarge, 104857600));
        Assert.Contains("2,097,152 characters", SkippedList.Describe(SkippedList.TooLarge, 3000000));
        await Files(
            new[] { ("/repo/app/obj/Debug/net8.0/guardrails/" + SkippedList.FileName, list) },
            Grd007("/repo/data/huge.json", SkippedList.TooLarge, 104857600),
            Grd007("/repo/app/image.json", SkippedList.Binary, 2016));
    }

    [Fact]
    public async Task A_file_over_the_limit_or_binary_that_reaches_the_analyzer_is_named_not_scanned()
    {
        string big = "{ \"k\": \"" + Key + "\", \"pad\": \"" + new string('x', TextFileSecrets.MaxLength) + "\" }";
        string nul = "{ \"k\": \"" + Key + "\" }\0\0\0";
        await Files(
            new[] { ("/app/big.json", big), ("/app/nul.json", nul), ("/app/logo.png", "not read at all " + Key) },
            Grd007("/app/big.json", SkippedList.TooLarge, big.Length),
            Grd007("/app/nul.json", SkippedList.Binary, nul.Length),
            Grd007("/app/logo.png", SkippedList.Binary, 0));
    }

    [Fact]
    public async Task A_key_at_the_end_of_a_100000_character_line_is_found_at_its_column()
    {
        string content = "{ \"a\": \"" + string.Concat(Enumerable.Repeat("ab c", 25000)) + "\", \"k\": \"{|#0:" + Key + "|}\" }";
        await Files(new[] { ("/app/long.json", content) }, HardcodedKeyInFileAnalyzerTests.Grd002(Key));
    }

    [Fact]
    public async Task Text_decoded_from_invalid_UTF8_still_yields_its_key()
    {
        // The compiler decodes invalid UTF-8 with replacement characters (or its fallback code page).
        string content = "name: caf\uFFFD\uFFFD\nsecret: \u00e9\u00e8 {|#0:" + Key + "|}\n";
        await Files(new[] { ("/app/bad.yml", content) }, HardcodedKeyInFileAnalyzerTests.Grd002(Key));
    }
}
