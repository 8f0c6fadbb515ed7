using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The secrets rules in a real build of the packed package: GRD001 and GRD002 at file(line,col) with redacted keys,
/// the default file wiring, and no full key in any output (console, SARIF, binary log).
/// </summary>
[Collection(PackageCollection.Name)]
public class SecretsBuildTests
{
    private readonly PackageFixture _fixture;

    public SecretsBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Keys_in_what_the_build_ships_are_reported_whatever_the_file_kind_and_shipped_binaries_are_left_alone()
    {
        // Adversary route 8: a .resx (EmbeddedResource by default), a JSON file embedded after a None Remove, a .js and a
        // .txt copied to the output folder. Each ends up in the assembly or in bin/.
        TestProject project = _fixture.NewProject();
        string inResx = FakeKeys.OpenAiProject("E2eResxFakeKeyNotReal");
        string inEmbedded = FakeKeys.OpenAiProject("E2eEmbeddedFakeKeyNotReal");
        string inJs = FakeKeys.OpenAiProject("E2eScriptFakeKeyNotReal");
        string inTxt = FakeKeys.OpenAiProject("E2eTextFakeKeyNotReal");
        string inEscapedConfig = FakeKeys.OpenAiProject("E2eRefsFakeKeyNotReal");
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        project.Write("Resources.resx", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n  <data name=\"OpenAIKey\" xml:space=\"preserve\">\n    <value>" + inResx + "</value>\n  </data>\n</root>\n");
        project.Write("config/openai.json", "{\n  \"OpenAI\": { \"ApiKey\": \"" + inEmbedded + "\" }\n}\n");
        project.Write("wwwroot/app.js", "const OPENAI_KEY = '" + inJs + "';\n");
        project.Write("secrets.txt", "\n" + inTxt + "\n");
        project.Write("App.config", "<configuration>\n  <appSettings>\n    <add key=\"OpenAIKey\" value=\"&#115;" + inEscapedConfig.Substring(1) + "\" />\n  </appSettings>\n</configuration>\n");
        File.WriteAllBytes(project.PathOf("wwwroot/logo.png"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D });
        File.WriteAllBytes(project.PathOf("model.dat"), new byte[] { 1, 2, 0, 0, 3, 4 });
        project.AddToProject(
            "<ItemGroup>\n" +
            "  <None Remove=\"config/**\" />\n  <EmbeddedResource Include=\"config/**\" />\n" +
            "  <None Update=\"wwwroot/app.js;secrets.txt;wwwroot/logo.png\" CopyToOutputDirectory=\"PreserveNewest\" />\n" +
            "  <None Update=\"model.dat\" CopyToPublishDirectory=\"Always\" />\n" +
            "</ItemGroup>");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Resources.resx(4,12): error GRD002:", result.Output);
        Assert.Contains(Path.Combine("config", "openai.json") + "(2,26): error GRD002:", result.Output);
        Assert.Contains(Path.Combine("wwwroot", "app.js") + "(1,21): error GRD002:", result.Output);
        Assert.Contains("secrets.txt(2,1): error GRD002:", result.Output);
        Assert.Contains("App.config(3,33): error GRD002:", result.Output);
        Assert.DoesNotContain("logo.png", result.Output);
        Assert.DoesNotContain("model.dat", result.Output);
        Assert.DoesNotContain("GRD007", result.Output);
        Assert.DoesNotContain("GRD312", result.Output);
        Assert.DoesNotContain("CS2015", result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
        foreach (string key in new[] { inResx, inEmbedded, inJs, inTxt, inEscapedConfig })
        {
            Assert.DoesNotContain(key.Substring(10, 40), result.Output);
        }
    }

    [Fact]
    public void A_key_in_a_web_projects_wwwroot_stylesheet_is_found_by_the_build_and_by_guardrails_scan()
    {
        // One rule for "which files are scanned" (issue 16): the build takes the Web SDK's published Content items, the
        // scan reads the same files off the project file (ShippedFiles). A .css is no scanned kind: only shipping it makes
        // it read, and neither is told about wwwroot/css/site.css.
        TestProject project = _fixture.NewProject();
        string inStyle = FakeKeys.OpenAiProject("E2eWwwrootFakeKeyNotReal");
        string csproj = project.PathOf(project.Name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("Sdk=\"Microsoft.NET.Sdk\"", "Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.Ordinal));
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        project.Write("wwwroot/css/site.css", "/* theme */\n.banner::after { content: \"" + inStyle + "\"; }\n");

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(new Regex(Regex.Escape(Path.Combine("wwwroot", "css", "site.css")) + @"\(2,\d+\): error GRD002:"), build.Output);

        DotNet.Result scan = GuardrailsTool.Scan(project.Directory);

        Assert.Equal(1, scan.ExitCode);
        Assert.Contains("wwwroot/css/site.css", scan.Output);
        Assert.Contains("GRD002", scan.Output);
        Assert.DoesNotContain(inStyle.Substring(10, 40), build.Output + scan.Output);
    }

    [Fact]
    public void A_project_full_of_keys_reports_each_at_file_line_col_and_no_output_contains_a_key()
    {
        TestProject project = _fixture.NewProject();
        string inCode = FakeKeys.OpenAiProject("E2eCodeFakeKeyNotReal");
        string split = FakeKeys.OpenAiProject("E2eSplitFakeKeyNotReal");
        string inSettings = FakeKeys.OpenAiProject("E2eSettingsFakeKeyNotReal");
        string inEnv = FakeKeys.OpenAiLegacy("E2eEnvFakeKeyNotReal");
        string inMcp = FakeKeys.OpenAiProject("E2eMcpFakeKeyNotReal");
        string excluded = FakeKeys.OpenAiProject("E2eExcludedFakeKeyNotReal");
        string inUtf16 = FakeKeys.OpenAiProject("E2eUtf16FakeKeyNotReal");
        string inCi = FakeKeys.OpenAiProject("E2eCiFakeKeyNotReal");
        string inBig = FakeKeys.OpenAiProject("E2eBigFakeKeyNotReal");
        string inDocker = FakeKeys.OpenAiProject("E2eDockerFakeKeyNotReal");
        string[] keys = { inCode, split, inSettings, inEnv, inMcp, excluded, inUtf16, inCi, inBig, inDocker };

        project.Write("Program.cs",
            "using System;\n\n" +
            "string apiKey = \"" + inCode + "\";\n" +
            "string other = \"" + split.Substring(0, 70) + "\" +\n    \"" + split.Substring(70) + "\";\n" +
            "Console.WriteLine(apiKey.Length + other.Length);\n");
        project.Write("appsettings.json", "{\n  \"OpenAI\": {\n    \"ApiKey\": \"" + inSettings + "\"\n  }\n}\n");
        project.Write(".env", "# local only\nOPENAI_API_KEY=" + inEnv + "\n");
        project.Write(".vscode/mcp.json", "{\n  \"servers\": { \"openai\": { \"env\": { \"OPENAI_API_KEY\": \"" + inMcp + "\" } } }\n}\n");
        project.Write("testdata/fixture.json", "{ \"key\": \"" + excluded + "\" }\n");
        // A Dockerfile in the project folder: its ENV is baked into the image.
        project.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nENV OPENAI_API_KEY=" + inDocker + "\n");

        // Bad input: UTF-16 with a byte-order mark, a binary behind .json (csc fails with CS2015 if an analyzer reads it),
        // a 3 MB file, invalid UTF-8, a CI workflow in a dot-folder at the repository root.
        File.WriteAllBytes(project.PathOf("utf16.json"), Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{ \"OpenAI\": { \"ApiKey\": \"" + inUtf16 + "\" } }")).ToArray());
        File.WriteAllBytes(project.PathOf("image.json"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 });
        project.Write("big.json", "{ \"k\": \"" + inBig + "\", \"pad\": \"" + new string('x', 3 * 1024 * 1024) + "\" }");
        File.WriteAllBytes(project.PathOf("latin1.yml"), new byte[] { (byte)'n', (byte)':', (byte)' ', (byte)'c', (byte)'a', (byte)'f', 0xE9, 0xFF, (byte)'\n' });
        project.Write(".github/workflows/ci.yml", "jobs:\n  build:\n    env:\n      OPENAI_API_KEY: " + inCi + "\n");

        // Plain text is read (adversary round 3, #9: notes.txt ships and was silent); a None item of a kind the key scan
        // does not read (ScanFileKinds) is not passed to the compiler, so not reported.
        project.Write("notes.txt", "OPENAI_API_KEY=" + FakeKeys.OpenAiProject("E2eTextNotesFakeKeyRead") + "\n");
        project.Write("notes.dat", "OPENAI_API_KEY=" + FakeKeys.OpenAiProject("E2eUnreadKindFakeKeyNotRead") + "\n");

        // The user already passes appsettings.json as an AdditionalFile (it must not be scanned twice), and excludes testdata.
        project.Write("Directory.Build.props",
            "<Project>\n  <ItemGroup>\n    <AdditionalFiles Include=\"appsettings.json\" />\n" +
            "    <GuardrailsScanExclude Include=\"testdata/**\" />\n  </ItemGroup>\n</Project>\n");

        string sarif = project.PathOf("out/build.sarif");
        string binlog = project.PathOf("out/build.binlog");
        Directory.CreateDirectory(project.PathOf("out"));
        DotNet.Result result = project.Build("-p:ErrorLog=" + sarif + "%2Cversion=2.1", "-bl:" + binlog);

        // Findings at file(line,col), redacted.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Program.cs(3,17): error GRD001:", result.Output);
        Assert.Contains("Program.cs(4,16): error GRD001:", result.Output);
        Assert.Contains("appsettings.json(3,16): error GRD002:", result.Output);
        Assert.Contains(".env(2,16): error GRD002:", result.Output);
        Assert.Contains("Dockerfile(2,20): error GRD002:", result.Output);
        // One literal, one report: the footprint check reads .vscode/mcp.json and reports its key (GRD135); the analyzer does not.
        Assert.Contains("GRD135", result.Output);
        Assert.Contains(result.Output.Split('\n'), l => l.Contains("mcp.json") && l.Contains("GRD135"));
        Assert.DoesNotContain(result.Output.Split('\n'), l => l.Contains("mcp.json") && l.Contains("GRD002"));
        Assert.Contains("utf16.json(1,26): error GRD002:", result.Output);
        Assert.Contains(Path.Combine(".github", "workflows", "ci.yml") + "(4,23): error GRD002:", result.Output);
        Assert.DoesNotContain("CS2015", result.Output);
        // big.json is past the compiler's size limit, so it is kept from csc and the check scans it itself (no padding hides a key).
        Assert.Contains("big.json(1,9): Guardrails error GRD002:", result.Output);
        Assert.Contains("notes.txt(1,16): error GRD002:", result.Output);
        Assert.DoesNotContain("notes.dat(", result.Output);
        Assert.Contains("sk-proj-\u2026" + inSettings.Substring(inSettings.Length - 4), result.Output);
        Assert.DoesNotContain("fixture.json", result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
        Assert.DoesNotContain("MSB4018", result.Output);
        Assert.DoesNotContain("Exception", result.Output);

        // SARIF: one result per finding (appsettings.json is not scanned twice), and no key.
        string sarifText = File.ReadAllText(sarif);
        Assert.Equal(8, Regex.Matches(sarifText, "\"ruleId\": \"GRD00[12]\"").Count);
        Assert.Equal(1, Regex.Matches(sarifText, "\"ruleId\": \"GRD007\"").Count); // image.json (binary), named; big.json was scanned by the check
        Assert.DoesNotContain("big.json was not scanned", sarifText);
        Assert.Contains("image.json was not scanned", sarifText);
        Assert.Single(Regex.Matches(sarifText, "appsettings\\.json\""));
        Assert.Contains("sk-proj-\u2026" + inSettings.Substring(inSettings.Length - 4), Regex.Unescape(sarifText));

        // Binary log: decompressed records and the embedded project-imports archive.
        byte[] records = Decompress(binlog);
        Assert.True(Contains(records, Encoding.UTF8.GetBytes("GRD002")), "the binlog reader sees the diagnostics (control)");
        List<byte[]> embedded = EmbeddedFiles(records);
        Assert.Contains(embedded, e => Contains(e, Encoding.UTF8.GetBytes("GuardrailsScanExclude")));

        foreach (string key in keys)
        {
            string fragment = key.Substring(10, 40); // any long run of the secret part counts as a leak
            Assert.DoesNotContain(fragment, result.Output);
            Assert.DoesNotContain(fragment, sarifText);
            Assert.False(Contains(records, Encoding.UTF8.GetBytes(fragment)), "a key is in the binlog (UTF-8)");
            Assert.False(Contains(records, Encoding.Unicode.GetBytes(fragment)), "a key is in the binlog (UTF-16)");
            Assert.DoesNotContain(embedded, e => Contains(e, Encoding.UTF8.GetBytes(fragment)) || Contains(e, Encoding.Unicode.GetBytes(fragment)));
        }

        // The IDE sees the same files: a design-time CoreCompile passes them to the compiler as AdditionalFiles.
        DotNet.Result designTime = DotNet.Run(
            project.Directory,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "msbuild", project.PathOf(project.Name + ".csproj"), "-nodeReuse:false", "-t:CoreCompile",
            "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-getItem:AdditionalFiles");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.Contains(".env", designTime.Output);
        Assert.Contains(Path.Combine(".vscode", "mcp.json"), designTime.Output); // no footprint check in the IDE: the analyzer reads it
        Assert.Contains("ci.yml", designTime.Output);
        Assert.DoesNotContain("image.json", designTime.Output);
        Assert.Contains(project.Name + ".csproj", designTime.Output);
        Assert.Contains("Directory.Build.props", designTime.Output);
        Assert.DoesNotContain("fixture.json", designTime.Output);
    }

    [Fact]
    public void An_editorconfig_turning_every_analyzer_off_does_not_silence_a_leaked_key_but_the_rule_id_stays_configurable()
    {
        // No policy. Roslyn applies bulk configuration (dotnet_analyzer_diagnostic.severity) to no diagnostic tagged
        // "Compiler"; GRD001/GRD002 carry that tag, GRD006 (a heuristic) does not. Only a real build shows this: the
        // analyzer test framework does not apply bulk configuration.
        TestProject project = _fixture.NewProject();
        string inCode = FakeKeys.OpenAiProject("E2eBulkCodeFakeKeyNotReal");
        string inSettings = FakeKeys.OpenAiProject("E2eBulkFileFakeKeyNotReal");
        project.Write("Program.cs", "string apiKey = \"" + inCode + "\";\nstring paymentsApiKey = \"Fake" + "Generic9Secret7NotReal\";\nSystem.Console.WriteLine(apiKey + paymentsApiKey);\n");
        project.Write("appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + inSettings + "\" } }\n");
        project.Write(".editorconfig", "root = true\n\n[*]\ndotnet_analyzer_diagnostic.severity = none\n");

        DotNet.Result bulk = project.Build();
        Assert.NotEqual(0, bulk.ExitCode);
        Assert.Contains("Program.cs(1,17): error GRD001:", bulk.Output);
        Assert.Contains("appsettings.json(1,26): error GRD002:", bulk.Output);
        Assert.DoesNotContain("GRD006", bulk.Output);

        // The rule's own id is still the team's to set (a folder of fixtures, say).
        project.Write(".editorconfig", "root = true\n\n[*]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_diagnostic.GRD001.severity = none\n");
        DotNet.Result perId = project.Build();
        Assert.DoesNotContain("GRD001", perId.Output);
        Assert.Contains("appsettings.json(1,26): error GRD002:", perId.Output);
    }

    private static byte[] Decompress(string binlog)
    {
        using var input = new GZipStream(File.OpenRead(binlog), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The files of every zip archive embedded in the binlog (MSBuild embeds the project files it imported).</summary>
    private static List<byte[]> EmbeddedFiles(byte[] records)
    {
        var files = new List<byte[]>();
        byte[] signature = { 0x50, 0x4B, 0x03, 0x04 };
        for (int at = IndexOf(records, signature, 0); at >= 0; at = IndexOf(records, signature, at + 1))
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(records, at, records.Length - at), ZipArchiveMode.Read);
                foreach (ZipArchiveEntry entry in zip.Entries)
                {
                    using Stream s = entry.Open();
                    using var copy = new MemoryStream();
                    s.CopyTo(copy);
                    files.Add(copy.ToArray());
                }

                break;
            }
            catch (InvalidDataException)
            {
                // Not the start of an archive (or the bytes after it are not one): keep looking.
            }
        }

        return files;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => IndexOf(haystack, needle, 0) >= 0;

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        haystack.AsSpan(from).IndexOf(needle) is int i && i >= 0 ? from + i : -1;
}
