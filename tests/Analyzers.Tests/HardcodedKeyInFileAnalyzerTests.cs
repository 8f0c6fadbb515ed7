using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInFileAnalyzer>;

namespace Guardrails.Analyzers.Tests;

public class HardcodedKeyInFileAnalyzerTests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    internal static DiagnosticResult Grd002(string key, int location = 0, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(key, matches);
        SecretMatch m = Assert.Single(matches);
        DiagnosticResult result = V.Diagnostic("GRD002").WithSeverity(severity);
        return (location >= 0 ? result.WithLocation(location) : result)
            .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl);
    }

    private static Task Files(IEnumerable<(string Path, string Text)> files, string? mode = null, params DiagnosticResult[] expected) =>
        V.AnalyzerAsync(
            test =>
            {
                test.TestCode = "class C { }";
                foreach ((string path, string text) in files)
                {
                    test.TestState.AdditionalFiles.Add((path, text));
                }

                if (mode != null)
                {
                    test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=" + mode + "\n")));
                }
            },
            expected);

    [Theory]
    [InlineData("/app/appsettings.json", "{\n  \"OpenAI\": {\n    \"ApiKey\": \"{|#0:KEY|}\"\n  }\n}\n")]
    [InlineData("/app/Properties/launchSettings.json", "{ \"profiles\": { \"App\": { \"environmentVariables\": {\n  \"OPENAI_API_KEY\": \"{|#0:KEY|}\" } } } }")]
    [InlineData("/app/appsettings.json", "{\n  // old: {|#0:KEY|}\n  \"Logging\": {}\n}\n")]
    [InlineData("/app/.env", "# keys\nexport OPENAI_API_KEY={|#0:KEY|}\n")]
    [InlineData("/app/.env.local", "OPENAI_API_KEY=\"{|#0:KEY|}\"\n")]
    [InlineData("/app/docker-compose.yml", "services:\n  app:\n    environment:\n      - OPENAI_API_KEY={|#0:KEY|}\n")]
    [InlineData("/app/config.yaml", "openai:\n  api_key: {|#0:KEY|} # do not commit\n")]
    [InlineData("/app/App.config", "<configuration>\n  <appSettings>\n    <add key=\"OpenAIKey\" value=\"{|#0:KEY|}\" />\n  </appSettings>\n</configuration>\n")]
    [InlineData("/app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OpenAIKey>{|#0:KEY|}</OpenAIKey>\n  </PropertyGroup>\n</Project>\n")]
    [InlineData("/Directory.Build.props", "<Project>\n  <!-- {|#0:KEY|} -->\n</Project>\n")]
    [InlineData("/app/.mcp.json", "{ \"mcpServers\": { \"x\": { \"env\": { \"OPENAI_API_KEY\": \"{|#0:KEY|}\" } } } }")]
    [InlineData("/app/requests.http", "POST https://api.openai.com/v1/responses\nAuthorization: Bearer {|#0:KEY|}\n")]
    [InlineData("/app/settings.ini", "[openai]\napi_key = {|#0:KEY|}\n")]
    public async Task Reports_a_key_at_its_exact_line_and_column_in_every_file_kind(string path, string content)
    {
        await Files(new[] { (path, content.Replace("KEY", Key)) }, expected: Grd002(Key));
    }

    [Fact]
    public async Task The_location_is_the_key_itself_with_one_based_line_and_column()
    {
        string json = "{\n  \"OpenAI\": {\n    \"ApiKey\": \"" + Key + "\"\n  }\n}\n";
        await Files(
            new[] { ("/app/appsettings.Development.json", json) },
            expected: Grd002(Key, location: -1).WithSpan("/app/appsettings.Development.json", 3, 16, 3, 16 + Key.Length));
    }

    [Fact]
    public async Task A_json_escaped_key_is_decoded_and_reported_on_the_whole_string()
    {
        string escaped = "\\u0073k-proj-" + Key.Substring("sk-proj-".Length);
        await Files(new[] { ("/app/secrets.json", "{ \"OpenAI:ApiKey\": \"{|#0:" + escaped + "|}\" }") }, expected: Grd002(Key));
    }

    [Fact]
    public async Task Audit_mode_reports_a_warning()
    {
        // GRD002 carries Roslyn's Compiler tag (bulk configuration passes it by): the test framework keeps such warnings
        // only when asked to.
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = "class C { }";
                test.CompilerDiagnostics = CompilerDiagnostics.Suggestions;
                test.TestState.AdditionalFiles.Add(("/app/.env", "OPENAI_API_KEY={|#0:" + Key + "|}\n"));
                test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Audit\n")));
            },
            Grd002(Key, severity: DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task Plain_text_files_are_scanned_on_the_raw_text()
    {
        await Files(new[] { ("/app/notes.txt", "line one\nthe key is {|#0:" + Key + "|}.\n") }, expected: Grd002(Key));
    }

    [Fact]
    public async Task The_effective_policy_file_is_skipped_and_binaries_and_huge_files_are_named_not_scanned()
    {
        string huge = new string(' ', 2 * 1024 * 1024) + Key;
        DiagnosticResult NotScanned(string path, string reason, long length) =>
            V.Diagnostic("GRD007").WithSeverity(DiagnosticSeverity.Info).WithSpan(path, 1, 1, 1, 1)
                .WithArguments(System.IO.Path.GetFileName(path), Guardrails.Core.Files.SkippedList.Describe(reason, length));
        await Files(
            new[]
            {
                ("/obj/guardrails/guardrails.effective-policy.json", "mode=Enforce\n# " + Key + "\n"),
                ("/app/logo.png", Key),
                ("/app/data.bin", "\0\0\0" + Key),
                ("/app/big.json", huge),
            },
            expected: new[]
            {
                NotScanned("/app/logo.png", "binary", 0),
                NotScanned("/app/data.bin", "binary", 3 + Key.Length),
                NotScanned("/app/big.json", "too-large", huge.Length),
            });
    }

    [Fact]
    public async Task Placeholders_and_ordinary_values_are_left_alone()
    {
        string json = """
            {
              "OpenAI": { "ApiKey": "sk-your-key-here", "Endpoint": "https://api.openai.com/v1", "Model": "gpt-4o" },
              "AzureOpenAI": { "ApiKey": "${AZURE_OPENAI_API_KEY}", "Deployment": "chat" },
              "ConnectionStrings": { "Default": "Server=.;Database=App;Trusted_Connection=True" },
              "Id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
              "Hash": "d41d8cd98f00b204e9800998ecf8427e",
              "Culture": "en-US",
              "Css": "sk-button"
            }
            """;
        await Files(new[]
        {
            ("/app/appsettings.json", json),
            ("/app/.env", "OPENAI_API_KEY=\nMISTRAL_API_KEY=<your-key>\nCO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
            ("/app/App.config", "<configuration><appSettings><add key=\"ApiKey\" value=\"changeme\" /></appSettings></configuration>"),
            ("/app/broken.json", "{ \"OpenAI\": { \"ApiKey\": "),
        });
    }

    public static IEnumerable<object[]> NamedKeys() =>
        Guardrails.Core.Tests.DetectionCorpus.NamedKeys.Select((k, i) => new object[] { k.FormatId, i });

    public static IEnumerable<object[]> FixedFormatKeys() =>
        Guardrails.Core.Tests.DetectionCorpus.FixedFormatKeys.Select((k, i) => new object[] { k.FormatId, i });

    [Theory]
    [MemberData(nameof(NamedKeys))]
    public async Task Every_context_gated_key_is_reported_under_its_json_key_and_env_name(string formatId, int index)
    {
        (string name, string value, _) = Guardrails.Core.Tests.DetectionCorpus.NamedKeys[index];
        Assert.True(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch m));
        Assert.Equal(formatId, m.Format.Id);
        DiagnosticResult Expected(int location) => m.Format.IsGeneric
            ? V.Diagnostic("GRD006").WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithArguments(m.Format.TokenKind, m.Redacted)
            : V.Diagnostic("GRD002").WithLocation(location).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl);
        await Files(
            new[]
            {
                ("/app/appsettings.json", "{\n  \"" + name + "\": \"{|#0:" + value + "|}\"\n}\n"),
                ("/app/.env", "# local\n" + name + "={|#1:" + value + "|}\n"),
            },
            expected: new[] { Expected(0), Expected(1) });
    }

    [Theory]
    [MemberData(nameof(FixedFormatKeys))]
    public async Task Every_fixed_format_key_is_reported_in_raw_text(string formatId, int index)
    {
        string key = Guardrails.Core.Tests.DetectionCorpus.FixedFormatKeys[index].Key;
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(key, matches);
        Assert.NotEmpty(matches);
        Assert.NotEmpty(formatId);
        DiagnosticResult[] expected = matches
            .Select(m => V.Diagnostic("GRD002").WithSpan("/app/deploy.sh", 2, 1 + m.Start, 2, 1 + m.Start + m.Length).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl))
            .ToArray();
        if (key.Contains('\n'))
        {
            return; // multi-line keys (PEM) are covered by the Core tests; the single-line span above does not apply
        }

        await Files(new[] { ("/app/deploy.sh", "#!/bin/sh\n" + key + "\n") }, expected: expected);
    }

    /// <summary>
    /// The build lists the values it writes into runtimeconfig.json (guardrails.runtimeconfig-options.txt). A key that a
    /// scanned build file holds (eng/keys.props, imported, whose property feeds a RuntimeHostConfigurationOption) is
    /// reported once, at its source; a key only the listing holds (it came from an environment variable) is reported there.
    /// </summary>
    [Fact]
    public async Task A_runtimeconfig_value_is_reported_at_its_source_file_once_and_in_the_listing_only_when_no_scanned_file_holds_it()
    {
        string fromProps = FakeKeys.OpenAiProject("RuntimeOptionFromPropsFakeKeyNotReal");
        string fromEnvironment = FakeKeys.OpenAiProject("RuntimeOptionFromEnvFakeKeyNotReal");
        await Files(
            new[]
            {
                ("/repo/eng/keys.props", "<Project>\n  <PropertyGroup>\n    <KeyB>{|#0:" + fromProps + "|}</KeyB>\n  </PropertyGroup>\n</Project>\n"),
                ("/repo/app/obj/Debug/net10.0/guardrails/guardrails.runtimeconfig-options.txt",
                    "# RuntimeHostConfigurationOption values the build writes into App.runtimeconfig.json\nApp.KeyB=" + fromProps + "\nApp.KeyD={|#1:" + fromEnvironment + "|}\n"),
            },
            expected: new[] { Grd002(fromProps, 0), Grd002(fromEnvironment, 1) });
    }
}
