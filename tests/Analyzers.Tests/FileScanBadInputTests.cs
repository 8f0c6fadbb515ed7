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
    public void Every_reason_of_the_kept_back_list_has_its_own_wording_and_only_the_size_reasons_speak_of_a_size()
    {
        string[] reasons = { SkippedList.TooLarge, SkippedList.Binary, SkippedList.Large, SkippedList.Name, SkippedList.Encoding, SkippedList.KeyName, SkippedList.Link };
        var wordings = reasons.Select(r => SkippedList.Describe(r, 3000000)).ToList();
        Assert.Equal(reasons.Length, wordings.Distinct().Count());
        foreach ((string reason, string wording) in reasons.Zip(wordings))
        {
            bool size = reason == SkippedList.TooLarge || reason == SkippedList.Large;
            Assert.Equal(size, wording.Contains("over the limit", StringComparison.Ordinal));
            Assert.Equal(SkippedList.ScannedByCheck(reason), wording.Contains("the build's check", StringComparison.Ordinal));
        }
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

    private static readonly string MistralKey = FakeKeys.Mistral("MistralFakeKeyForBadInputTests7");

    /// <summary>GRD002 for <see cref="MistralKey"/> under a Mistral name (a key with no fixed format).</summary>
    private static DiagnosticResult Grd002Mistral(int location)
    {
        Assert.True(Guardrails.Core.Secrets.SecretScanner.TryMatchNamedValue("MISTRAL_API_KEY", MistralKey, out var m));
        return V.Diagnostic("GRD002").WithSeverity(DiagnosticSeverity.Error).WithLocation(location)
            .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl);
    }

    [Fact]
    public async Task The_infrastructure_and_request_file_kinds_read_past_a_byte_order_mark_and_CRLF_line_ends()
    {
        await Files(
            new[]
            {
                ("/src/Dockerfile", "\uFEFFENV MISTRAL_API_KEY={|#0:" + MistralKey + "|}\r\nENTRYPOINT [\"dotnet\"]\r\n"),
                ("/src/infra/variables.tf", "\uFEFFvariable \"mistral_api_key\" {\r\n  default = \"{|#1:" + MistralKey + "|}\"\r\n}\r\n"),
                ("/src/infra/main.bicepparam", "\uFEFFparam mistralKey = '{|#2:" + MistralKey + "|}'\r\n"),
                ("/src/App/calls.http", "\uFEFFGET https://api.mistral.ai/v1/models\r\nx-api-key: {|#3:" + MistralKey + "|}\r\n"),
            },
            Grd002Mistral(0), Grd002Mistral(1), Grd002Mistral(2), Grd002Mistral(3));
    }

    [Fact]
    public async Task A_100000_character_line_in_the_new_kinds_is_read_and_the_key_after_it_found()
    {
        string pad = string.Concat(Enumerable.Repeat("a1=b ", 20000)); // 100,000 characters
        await Files(
            new[]
            {
                ("/src/Dockerfile", "FROM base\nENV " + pad + "MISTRAL_API_KEY={|#0:" + MistralKey + "|}\n"),
                ("/src/infra/main.tf", "locals {\n  blob = \"" + new string('{', 100000) + "\"\n  mistral_api_key = \"{|#1:" + MistralKey + "|}\"\n}\n"),
                ("/src/infra/app.bicep", new string('[', 100000) + "\nparam mistralApiKey string = '{|#2:" + MistralKey + "|}'\n" + new string('}', 100000) + "\n"),
                ("/src/App/App.http", "GET https://api.mistral.ai/v1/models\nX-Padding: " + pad + "\nx-api-key: {|#3:" + MistralKey + "|}\n"),
                ("/src/deploy/deployment.yaml", "env:\n  - name: " + new string('N', 100000) + "\n  - name: MISTRAL_API_KEY\n    value: {|#4:" + MistralKey + "|}\n"),
            },
            Grd002Mistral(0), Grd002Mistral(1), Grd002Mistral(2), Grd002Mistral(3), Grd002Mistral(4));
    }

    [Fact]
    public async Task A_binary_file_under_a_new_kinds_name_is_named_not_scanned()
    {
        string nul = "FROM base\nENV MISTRAL_API_KEY=" + MistralKey + "\n\0\0\0";
        string tf = "\0\u0001\u0002variable \"mistral_api_key\" { default = \"" + MistralKey + "\" }";
        await Files(
            new[] { ("/src/Dockerfile", nul), ("/src/infra/main.tf", tf) },
            Grd007("/src/Dockerfile", SkippedList.Binary, nul.Length),
            Grd007("/src/infra/main.tf", SkippedList.Binary, tf.Length));
    }

    [Fact]
    public async Task Unclosed_quotes_blocks_and_continuations_end_cleanly()
    {
        await Files(
            new[]
            {
                ("/src/Dockerfile", "ENV A=\"unclosed \\\nENV MISTRAL_API_KEY \\\n"),
                ("/src/infra/main.tf", "variable \"x\" {\n  default = \"unclosed\n}}}}\n]]]\n/* never closed\n"),
                ("/src/infra/main.bicep", "param x string = '\n{\n  name: '\n  value:\n"),
                ("/src/App/App.http", "GET\nAuthorization:\n: value\nhttps://\n"),
                ("/src/App/App.csproj.user", "<Project><PropertyGroup><EnvironmentVariables>=;;=x;A=</EnvironmentVariables></PropertyGroup></Project>"),
            });
    }
}
