using System.Collections.Immutable;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer>;

namespace Guardrails.Analyzers.Tests;

public class HardcodedKeyInCodeAnalyzerTests
{
    private static readonly string Key = FakeKeys.OpenAiProject();

    /// <summary>The expected GRD001 for <paramref name="key"/> at markup location 0, as an error (Enforce, the default).</summary>
    internal static DiagnosticResult Grd001(string key, int location = 0, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(key, matches);
        SecretMatch m = Assert.Single(matches);
        return V.Diagnostic("GRD001").WithLocation(location).WithSeverity(severity)
            .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl);
    }

    private static string Lit(string value) => "\"" + value + "\"";

    /// <summary>The key split into string literals joined by +.</summary>
    private static string Split(string key, params int[] at)
    {
        var parts = new List<string>();
        int from = 0;
        foreach (int i in at)
        {
            parts.Add(Lit(key.Substring(from, i - from)));
            from = i;
        }

        parts.Add(Lit(key.Substring(from)));
        return string.Join(" + ", parts);
    }

    [Fact]
    public async Task Reports_a_key_in_a_string_literal_as_an_error_by_default_with_a_redacted_message()
    {
        string source = "class C { const string K = {|#0:\"" + Key + "\"|}; }";
        await V.AnalyzerAsync(
            source,
            expected: V.Diagnostic("GRD001")
                .WithLocation(0)
                .WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("OpenAI", "project API key", "sk-proj-\u2026" + Key.Substring(Key.Length - 4), "OPENAI_API_KEY", "https://platform.openai.com/api-keys"));
    }

    [Fact]
    public async Task Audit_mode_from_the_build_property_reports_a_warning()
    {
        // GRD001 carries Roslyn's Compiler tag (bulk configuration passes it by), so the test framework counts its warnings
        // as compiler diagnostics and drops them unless asked to keep them.
        string source = "class C { public string K = {|#0:\"" + Key + "\"|}; }";
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.CompilerDiagnostics = CompilerDiagnostics.Suggestions;
                test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Audit\n")));
            },
            Grd001(Key, severity: DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task A_GuardrailsMode_build_property_never_lowers_the_mode_only_the_checks_effective_policy_does()
    {
        // Without the effective policy (never generated, or taken out of the compiler's inputs) the analyzers are in
        // Enforce mode whatever a project, a command line or a smuggled globalconfig line says.
        string source = "class C { string K = {|#0:\"" + Key + "\"|}; }";
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.GuardrailsMode = Audit\n"));
            },
            Grd001(Key));
    }

    [Fact]
    public async Task Editorconfig_severity_overrides_the_mode()
    {
        string source = "class C { string K = {|#0:\"" + Key + "\"|}; }";
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source.Replace("string K", "public string K");
                test.CompilerDiagnostics = CompilerDiagnostics.Suggestions; // see Audit_mode_from_the_build_property_reports_a_warning
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.GRD001.severity = suggestion\n"));
            },
            Grd001(Key, severity: DiagnosticSeverity.Info));

        await V.AnalyzerAsync(test =>
        {
            test.TestCode = source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.GRD001.severity = none\n"));
        });
    }

    [Fact]
    public async Task Verbatim_raw_and_utf8_literals()
    {
        string source =
            "using System;\n" +
            "class C {\n" +
            "  string A = {|#0:@\"" + Key + "\"|};\n" +
            "  string B = {|#1:\"\"\"" + Key + "\"\"\"|};\n" +
            "  string D = \"\"\"\n    {|#2:" + Key + "|}\n    \"\"\";\n" + // over several lines: the key's own line
            "  static ReadOnlySpan<byte> E => {|#3:\"" + Key + "\"u8|};\n" +
            "  static ReadOnlySpan<byte> F => {|#4:\"\"\"" + Key + "\"\"\"u8|};\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: new[] { Grd001(Key, 0), Grd001(Key, 1), Grd001(Key, 2), Grd001(Key, 3), Grd001(Key, 4) });
    }

    [Fact]
    public async Task Escape_sequences_are_resolved_before_scanning()
    {
        // \u0073 is 's', \x2D is '-', and the verbatim "" is a quote-free case of the same idea.
        string escaped = "\\u0073k\\x2Dproj-" + Key.Substring("sk-proj-".Length);
        string source = "class C { string K = {|#0:\"" + escaped + "\"|}; }";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task Interpolated_string_text_parts()
    {
        // The diagnostic is on the text part only (the token after the hole), not the whole interpolated string.
        string source = "class C { string M(int n) => $\"{n}{|#0::" + Key + "|}\"; }";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task A_key_split_over_concatenated_literals_is_reported_once_at_the_whole_expression()
    {
        string source = "class C { string K = {|#0:" + Split(Key, 8, 60, 90) + "|}; }";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task A_key_assembled_from_const_chains_is_reported_at_the_folding_declaration_only()
    {
        string source =
            "class C {\n" +
            "  const string Prefix = \"sk-proj-\";\n" +
            "  const string Head = \"" + Key.Substring(8, 74) + "\";\n" +
            "  const string Tail = \"" + Key.Substring(82) + "\";\n" +
            "  const string K = {|#0:Prefix + Head + (Tail)|};\n" +
            "  string Use() => K;\n" +
            "  string Twice() => K + \" \" + K;\n" +
            "  void M() { System.Console.WriteLine(K); }\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task A_key_split_inside_its_prefix_is_reported_once_at_the_whole_expression()
    {
        string source =
            "class C {\n" +
            "  string K = {|#0:\"s\" +\n     \"k-pr\" + \"oj-" + Key.Substring(8, 70) + "\"\n   + @\"" + Key.Substring(78) + "\"|};\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task A_const_chain_across_files_is_folded_at_the_declaration_that_completes_the_key()
    {
        // Prefix lives in one file, Middle folds it in a second, K completes the key in a third; each only names the
        // constants of the others, and only K's value holds the whole key.
        string parts = "static class Parts { public const string Prefix = \"sk-proj-\"; }\n";
        string middle = "static class Middle { public const string Head = Parts.Prefix + \"" + Key.Substring(8, 40) + "\"; }\n";
        string source =
            "class C {\n" +
            "  const string Tail = \"" + Key.Substring(48) + "\";\n" +
            "  const string K = {|#0:Middle.Head + Tail|};\n" +
            "  string Use() => K + \" \" + K;\n" +
            "}\n";
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.Sources.Add(("Parts.cs", parts));
                test.TestState.Sources.Add(("Middle.cs", middle));
            },
            Grd001(Key));
    }

    [Fact]
    public async Task An_escaped_prefix_in_a_concatenation_is_folded_with_the_rest()
    {
        string source = "class C { string K = {|#0:\"\\u0073k-proj-\" + \"" + Key.Substring(8) + "\"|}; }";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task A_file_full_of_key_prefixes_still_folds_every_chain()
    {
        // More prefix-holding constants than the analyzer searches for by name: every name-and-string expression is folded.
        var source = new System.Text.StringBuilder("class C {\n");
        for (int i = 0; i < 80; i++)
        {
            source.Append("  const string P").Append(i).Append(" = \"sk-proj-\";\n");
        }

        source.Append("  const string K = {|#0:P79 + \"").Append(Key.Substring(8)).Append("\"|};\n}\n");
        await V.AnalyzerAsync(source.ToString(), expected: Grd001(Key));
    }

    [Fact]
    public async Task A_constant_interpolated_string_is_folded()
    {
        string source =
            "class C {\n" +
            "  const string Prefix = \"sk-proj-\";\n" +
            "  const string Body = \"" + Key.Substring(8) + "\";\n" +
            "  const string K = {|#0:$\"{Prefix}{Body}\"|};\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task A_whole_key_in_one_literal_of_a_runtime_concatenation_is_reported_at_that_literal_only()
    {
        string source = "class C { string M(string user) => \"Bearer \" + {|#0:\"" + Key + "\"|} + user; }";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    [Fact]
    public async Task Attribute_arguments_parameter_defaults_and_switch_expressions()
    {
        string source =
            "using System;\n" +
            "class C {\n" +
            "  [Obsolete({|#0:\"" + Key + "\"|})] void A() { }\n" +
            "  [Obsolete({|#1:" + Split(Key, 30) + "|})] void B() { }\n" +
            "  void D(string key = {|#2:\"" + Key + "\"|}) { }\n" +
            "  string E(int n) => n switch { 0 => {|#3:\"" + Key + "\"|}, _ => \"none\" };\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: new[] { Grd001(Key, 0), Grd001(Key, 1), Grd001(Key, 2), Grd001(Key, 3) });
    }

    [Fact]
    public async Task Collection_and_object_initializers()
    {
        string source =
            "using System.Collections.Generic;\n" +
            "class Options { public string ApiKey { get; set; } = \"\"; }\n" +
            "class C {\n" +
            "  List<string> A = new List<string> { \"x\", {|#0:\"" + Key + "\"|} };\n" +
            "  string[] B = [{|#1:\"" + Key + "\"|}];\n" +
            "  Options D = new Options { ApiKey = {|#2:\"" + Key + "\"|} };\n" +
            "  Dictionary<string, string> E = new() { [\"OpenAI:ApiKey\"] = {|#3:\"" + Key + "\"|} };\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: new[] { Grd001(Key, 0), Grd001(Key, 1), Grd001(Key, 2), Grd001(Key, 3) });
    }

    [Fact]
    public async Task Top_level_statements()
    {
        string source = "using System;\nvar key = {|#0:\"" + Key + "\"|};\nConsole.WriteLine(key.Length);\n";
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.OutputKind = OutputKind.ConsoleApplication;
            },
            Grd001(Key));
    }

    [Fact]
    public async Task Comments_xml_docs_and_disabled_code()
    {
        string source =
            "{|#0:// the old key was " + Key + "|}\n" +
            "/* rotated:\n   {|#1:" + Key + "|} */\n" +
            "/// <summary>Call with {|#2:" + Key + "|}.</summary>\n" +
            "class C {\n" +
            "#if NEVER_DEFINED\n" +
            "  string K = \"{|#3:" + Key + "|}\";\n" +
            "#endif\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: new[] { Grd001(Key, 0), Grd001(Key, 1), Grd001(Key, 2), Grd001(Key, 3) });
    }

    [Fact]
    public async Task Generated_code_is_still_analysed()
    {
        string generated = "// <auto-generated/>\nclass G { string K = {|#0:\"" + Key + "\"|}; }\n";
        await V.AnalyzerAsync(
            test => test.TestState.Sources.Add(("Settings.g.cs", generated)),
            Grd001(Key));
    }

    [Fact]
    public async Task Every_openai_format_is_found()
    {
        string legacy = FakeKeys.OpenAiLegacy();
        string source = "class C { string A = {|#0:\"" + legacy + "\"|}; string B = {|#1:\"" + FakeKeys.OpenAiProject("NotRealAtAll") + "\"|}; }";
        await V.AnalyzerAsync(source, expected: new[] { Grd001(legacy, 0), Grd001(FakeKeys.OpenAiProject("NotRealAtAll"), 1) });
    }

    [Theory]
    [InlineData("sk-...")]
    [InlineData("sk-your-key-here")]
    [InlineData("<OPENAI_API_KEY>")]
    [InlineData("${OPENAI_API_KEY}")]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("sk-button")]
    [InlineData("sk-SK")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("QmFzZTY0IGJsb2Igd2l0aG91dCBhbnkgcHJvdmlkZXIgZm9ybWF0IGF0IGFsbA==")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task Leaves_placeholders_hashes_and_ordinary_strings_alone(string value)
    {
        string source =
            "class C {\n" +
            "  string A = \"" + value + "\";\n" +
            "  const string B = \"" + value + "\" + \"" + value + "\";\n" +
            "  // " + value + "\n" +
            "  string sk_button = nameof(sk_button);\n" +
            "}\n";
        await V.AnalyzerAsync(source);
    }

    [Fact]
    public async Task A_key_split_over_adjacent_literals_of_a_runtime_concatenation_is_reported_at_the_expression()
    {
        string source =
            "class C {\n" +
            "  string M(string x) => {|#0:x + " + Split(Key, 60) + " + x|};\n" +
            "  string Prefix = \"sk-proj-\";\n" +
            "  string N(string x) => \"sk-proj-\" + x + \"" + Key.Substring(8) + "\";\n" +
            "}\n";
        await V.AnalyzerAsync(source, expected: Grd001(Key));
    }

    // ---- keys with no fixed format, at credential sinks -------------------------------------------------------------

    private const string Stubs = """
        namespace Azure { public class AzureKeyCredential { public AzureKeyCredential(string key) { } } }
        namespace System.ClientModel { public class ApiKeyCredential { public ApiKeyCredential(string key) { } } }
        namespace Azure.AI.OpenAI { public class AzureOpenAIClient { public AzureOpenAIClient(System.Uri endpoint, Azure.AzureKeyCredential credential) { } } }
        namespace Mistral.SDK { public class MistralClient { public MistralClient(string apiKey) { } public MistralClient(string apiKey, int retries) { } } }
        namespace Microsoft.SemanticKernel { public static class MistralAIKernelBuilderExtensions { public static object AddMistralChatCompletion(this object builder, string modelId, string apiKey) => builder; } }
        namespace Cohere { public static class CohereSetup { public static void Configure(string model, string apiKey = "") { } } }
        public class Options { public string MistralApiKey { get; set; } = ""; public string CohereApiKey = ""; }
        """;

    public static IEnumerable<object[]> SinkForms()
    {
        string mistral = FakeKeys.Mistral(), cohere = FakeKeys.Cohere(), hex = FakeKeys.AzureHex32(), aws = FakeKeys.AwsSecretAccessKey();
        string L(string v) => "{|#0:\"" + v + "\"|}";
        yield return new object[] { "local named for the key", "void M() { string mistralApiKey = " + L(mistral) + "; }", "mistral" };
        yield return new object[] { "field named for the key", "string cohereApiKey = " + L(cohere) + ";", "cohere" };
        yield return new object[] { "const named for the key", "const string AwsSecretAccessKey = " + L(aws) + ";", "aws-secret-access-key" };
        yield return new object[] { "property initializer", "string MistralApiKey { get; } = " + L(mistral) + ";", "mistral" };
        yield return new object[] { "expression-bodied property", "string MistralApiKey => " + L(mistral) + ";", "mistral" };
        yield return new object[] { "parameter default", "void M(string mistralApiKey = " + L(mistral) + ") { }", "mistral" };
        yield return new object[] { "assignment", "Options O() { var o = new Options(); o.MistralApiKey = " + L(mistral) + "; return o; }", "mistral" };
        yield return new object[] { "object initializer", "Options O = new Options { CohereApiKey = " + L(cohere) + " };", "cohere" };
        yield return new object[] { "null-forgiving and coalesce", "string? M(string? k) => k ?? (" + L(mistral) + ")!; string? mistralApiKey => M(null);", null! };
        yield return new object[] { "config indexer", "System.Collections.Generic.Dictionary<string, string> D = new() { [\"AzureOpenAI:ApiKey\"] = " + L(hex) + " };", "azure-openai-32" };
        yield return new object[] { "config pair initializer", "System.Collections.Generic.Dictionary<string, string> D = new() { { \"Mistral:ApiKey\", " + L(mistral) + " } };", "mistral" };
        yield return new object[] { "environment variable write", "void M() { System.Environment.SetEnvironmentVariable(\"MISTRAL_API_KEY\", " + L(mistral) + "); }", "mistral" };
        yield return new object[] { "AzureKeyCredential", "object Client = new Azure.AzureKeyCredential(" + L(hex) + ");", "azure-ai-32" };
        yield return new object[] { "AzureKeyCredential for an Azure OpenAI client", "object Client = new Azure.AI.OpenAI.AzureOpenAIClient(new System.Uri(\"https://x.openai.azure.com\"), new Azure.AzureKeyCredential(" + L(hex) + "));", "azure-openai-32" };
        yield return new object[] { "ApiKeyCredential", "object Client = new System.ClientModel.ApiKeyCredential(" + L(hex) + ");", "azure-openai-32" };
        yield return new object[] { "AI SDK client key parameter", "object Client = new Mistral.SDK.MistralClient(" + L(mistral) + ");", "mistral" };
        yield return new object[] { "shared SDK namespace, provider in the method name", "object M(object b) => Microsoft.SemanticKernel.MistralAIKernelBuilderExtensions.AddMistralChatCompletion(b, \"mistral-large\", " + L(mistral) + ");", "mistral" };
        yield return new object[] { "AI SDK named key argument", "void M() { Cohere.CohereSetup.Configure(\"command-r\", apiKey: " + L(cohere) + "); }", "cohere" };
    }

    [Theory]
    [MemberData(nameof(SinkForms))]
    public async Task Keys_with_no_fixed_format_are_reported_where_the_code_names_them_as_a_credential(string form, string member, string? formatId)
    {
        string source = Stubs + "\n#nullable enable\nclass C {\n  " + member + "\n}\n";
        if (formatId == null)
        {
            // A value that flows through ?? and ! into a method's result is not at a named sink: nothing to report.
            await V.AnalyzerAsync(test => test.TestCode = source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
            return;
        }

        string value = System.Text.RegularExpressions.Regex.Match(member, "\\{\\|#0:\"([^\"]*)\"\\|\\}").Groups[1].Value;
        Assert.True(value.Length > 0, form);
        await V.AnalyzerAsync(test => test.TestCode = source, NamedKey(value, formatId));
    }

    /// <summary>The expected GRD001 at location 0 for a context-gated key that is the whole literal.</summary>
    internal static DiagnosticResult NamedKey(string value, string formatId)
    {
        KeyFormat format = KeyCatalog.All.Single(f => f.Id == formatId);
        return V.Diagnostic("GRD001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(format.Provider, format.TokenKind, Redaction.Redact(value, 0, value.Length, format.Prefix), format.EnvironmentVariable, format.RotateUrl);
    }

    [Fact]
    public async Task A_guid_passed_to_a_parameter_named_for_pinecone_in_another_file_is_a_legacy_pinecone_key()
    {
        // The parameter's name is only known by binding the call; the compilation says "pinecone", so binding happens.
        string guid = FakeKeys.Guid();
        string vectors = "public static class Vectors { public static void Connect(string pineconeApiKey) { } }\n";
        string source =
            "class C {\n" +
            "  void M() { Vectors.Connect({|#0:\"" + guid + "\"|}); System.Guid.Parse(\"" + guid + "\"); }\n" +
            "}\n";
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestState.Sources.Add(("Vectors.cs", vectors));
            },
            NamedKey(guid, "pinecone-legacy"));
    }

    [Fact]
    public async Task A_parameter_name_from_a_referenced_assembly_counts_even_when_the_source_never_says_the_provider()
    {
        // Only the referenced assembly's name says "Pinecone": the source calls Store.Open and never names the provider.
        string guid = FakeKeys.Guid();
        ImmutableArray<MetadataReference> framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        MetadataReference sdk = SdkStubs.Compile("Pinecone.NET", "namespace Vectors { public static class Store { public static void Open(string pineconeApiKey) { } } }", framework);
        await V.AnalyzerAsync(
            test =>
            {
                test.TestCode = "class C { void M() { Vectors.Store.Open({|#0:\"" + guid + "\"|}); } }";
                test.TestState.AdditionalReferences.Add(sdk);
            },
            NamedKey(guid, "pinecone-legacy"));
    }

    [Fact]
    public async Task Hashes_guids_and_lookup_keys_at_look_alike_sinks_are_left_alone()
    {
        string hex = FakeKeys.AzureHex32(), mistral = FakeKeys.Mistral();
        string source = Stubs + "\nclass C {\n" +
            "  string cacheKey = \"" + mistral + "\";\n" +
            "  string contentHash = \"" + hex + "\";\n" +
            "  string apiKey = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\";\n" +
            "  string mistralModel = \"mistral-large-latest-2411\";\n" +
            "  void M() { System.Console.WriteLine(\"" + hex + "\"); System.Environment.SetEnvironmentVariable(\"BUILD_HASH\", \"" + hex + "\"); }\n" +
            "  object K = new Azure.AzureKeyCredential(System.Environment.GetEnvironmentVariable(\"AZURE_KEY\")!);\n" +
            "  System.Collections.Generic.Dictionary<string, string> D = new() { [\"Cache:Key\"] = \"" + mistral + "\" };\n" +
            "}\n";
        await V.AnalyzerAsync(test => test.TestCode = source);
    }

    [Fact]
    public async Task Configuration_text_in_a_verbatim_literal_is_read_whichever_way_its_prefixes_are_written()
    {
        // YAML over several lines: the key has no quotes of its own, so only the literal read as configuration finds it.
        // @$"…" (interpolated verbatim, prefixes in either order) is read as @"…" is.
        string mistral = FakeKeys.Mistral();
        string Yaml(int n) => "mistral:\n  apiKey: {|#" + n + ":" + mistral + "|}\n";
        string source = "class C {\n" +
            "  string A = @\"" + Yaml(0) + "\";\n" +
            "  string B = @$\"" + Yaml(1) + "\";\n" +
            "  string C2 = $@\"" + Yaml(2) + "\";\n" +
            "}\n";
        KeyFormat format = KeyCatalog.All.Single(f => f.Id == "mistral");
        DiagnosticResult At(int n) => V.Diagnostic("GRD001").WithLocation(n).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(format.Provider, format.TokenKind, Redaction.Redact(mistral, 0, mistral.Length, format.Prefix), format.EnvironmentVariable, format.RotateUrl);
        await V.AnalyzerAsync(test => test.TestCode = source, At(0), At(1), At(2));
    }

    [Fact]
    public async Task A_key_with_no_fixed_format_assembled_from_literal_pieces_under_its_name_is_reported()
    {
        string mistral = FakeKeys.Mistral();
        string a = mistral.Substring(0, 11), b = mistral.Substring(11, 10), c = mistral.Substring(21);
        string source = Stubs + "\nclass C {\n" +
            "  static readonly string MistralApiKey = string.Concat({|#0:\"" + a + "\", \"" + b + "\", \"" + c + "\"|});\n" +
            "}\n";
        await V.AnalyzerAsync(test => test.TestCode = source, NamedKey(mistral, "mistral"));
    }

    [Fact]
    public async Task Pieces_under_a_key_name_that_fold_into_words_ids_or_runtime_values_are_left_alone()
    {
        string source = Stubs + "\nclass C {\n" +
            "  static string Id = \"42\";\n" +
            "  string cacheKey = string.Concat(\"user\", \"_profile_\", Id);\n" +
            "  string mistralApiKey = string.Concat(\"your\", \"-mistral-\", \"api-key-here\");\n" +
            "  string apiKeyHeader = \"X-Api\" + \"-Key\";\n" +
            "  string secretName = $\"{\"Mistral\"}{\"ApiKey\"}\";\n" +
            "  string tokenPath = string.Join(\"/\", \"secrets\", \"mistral\", \"apikey\");\n" +
            "}\n";
        await V.AnalyzerAsync(test => test.TestCode = source);
    }
}
