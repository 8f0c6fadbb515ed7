using static Guardrails.Analyzers.Tests.IndependentCorpus.Cs;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>
/// How code names a value (issue part 3): identifiers with prefixes and suffixes, comments and XML docs next to the
/// literal, dictionary keys, embedded JSON/YAML/.env names, environment variables, method and parameter names.
/// <see cref="Generic"/> contexts name a key but no provider: any secret finding (GRD001 or GRD006) is right there.
/// </summary>
internal sealed record ContextForm(string Name, bool Generic, Func<KeyKind, string, (string Path, string Text)[]> Build);

internal static class Contexts
{
    private static (string, string)[] Members(string members, string stub = "") =>
        stub.Length == 0 ? new[] { ("/src/Case.cs", Holder(members)) } : new[] { ("/src/Case.cs", Holder(members)), ("/src/Sdk.cs", stub) };

    private static string Snake(KeyKind k) => k.EnvVar;

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

    /// <summary>A small client type named after the provider, as an SDK or a team's wrapper would be.</summary>
    private static string ClientStub(KeyKind k) =>
        "namespace Corpus.Sdk\n{\n" +
        $"    public sealed class {k.ClientType}\n    {{\n        public {k.ClientType}(string {Camel(k.ConfigKey)}, string? model = null) {{ }}\n    }}\n\n" +
        $"    public sealed class {k.ClientType}Builder\n    {{\n        public {k.ClientType}Builder With{k.ConfigKey}(string value) => this;\n    }}\n\n" +
        $"    public sealed class {k.ClientType}Options\n    {{\n        public string? {k.ConfigKey} {{ get; set; }}\n        public string? Endpoint {{ get; set; }}\n    }}\n" +
        "}\n";

    private static string Raw3(string body) => "\"\"\"\n" + body + "\n        \"\"\"";

    public static readonly IReadOnlyList<ContextForm> All = new List<ContextForm>
    {
        new("local named for the provider", false, (k, v) => Members(Method($"{A}        var {k.Ident} = {Reg(v)};\n        return {k.Ident};"))),
        new("name with digit suffix", false, (k, v) => Members($"{A}    private static readonly string {k.Ident}2 = {Reg(v)};")),
        new("name with _prefix and _suffix", false, (k, v) => Members($"{A}    private static readonly string _{k.Ident}_prod = {Reg(v)};")),
        new("UPPER_SNAKE const with suffix", false, (k, v) => Members($"{A}    public const string {Snake(k)}_3 = {Reg(v)};")),
        new("PascalCase property", false, (k, v) => Members($"{A}    public static string {Pascal(k.Ident)} {{ get; set; }} = {Reg(v)};")),
        new("comment on the line above", false, (k, v) => Members($"    // {k.Comment} for the staging account\n{A}    public static readonly string Value = {Reg(v)};")),
        new("comment at the end of the line", false, (k, v) => Members($"{A}    public static readonly string Value = {Reg(v)}; // {k.Comment}")),
        new("XML doc summary", false, (k, v) => Members($"    /// <summary>The {k.Comment} used by the nightly job.</summary>\n{A}    public const string Value = {Reg(v)};")),
        new("dictionary config path", false, (k, v) => Members($"    public static readonly Dictionary<string, string?> Settings = new()\n    {{\n{A}        [\"{k.Section}:{k.ConfigKey}\"] = {Reg(v)},\n    }};")),
        new("dictionary env-var name", false, (k, v) => Members($"    public static readonly Dictionary<string, string> Env = new()\n    {{\n{A}        {{ \"{k.EnvVar}\", {Reg(v)} }},\n    }};")),
        new("SetEnvironmentVariable", false, (k, v) => Members(Method($"{A}        Environment.SetEnvironmentVariable(\"{k.EnvVar}\", {Reg(v)});", "void"))),
        new("JSON section in raw string", false, (k, v) => Members($"    public static readonly string Json = {Raw3($"        {{\n          \"{k.Section}\": {{\n            \"Endpoint\": \"https://example.invalid/\",\n{A}            \"{k.ConfigKey}\": \"{v}\"\n          }}\n        }}")};")),
        new("JSON sibling provider field", false, (k, v) => Members($"    public static readonly string Json = {Raw3($"        [\n          {{\n            \"provider\": \"{k.ProviderWord}\",\n            \"model\": \"large\",\n{A}            \"{Camel(k.ConfigKey)}\": \"{v}\"\n          }}\n        ]")};")),
        new("YAML in verbatim string", false, (k, v) => Members($"    public static readonly string Yaml = @\"{k.ProviderWord}:\n  endpoint: https://example.invalid/\n{A}  {k.ConfigKeySnake}: {v}\";")),
        new(".env text in raw string", false, (k, v) => Members($"    public static readonly string Env = {Raw3($"        LOG_LEVEL=debug\n{A}        {k.EnvVar}={v}")};")),
        new("INI text in verbatim string", false, (k, v) => Members($"    public static readonly string Ini = @\"[{k.ProviderWord}]\n{A}{k.ConfigKeySnake} = {v}\";")),
        new("builder .WithApiKey(...) on a provider type", false, (k, v) => Members(Method($"        var builder = new Corpus.Sdk.{k.ClientType}Builder()\n{A}            .With{k.ConfigKey}({Reg(v)});", "void"), ClientStub(k))),
        new("named argument apiKey: on a provider client", false, (k, v) => Members(Method($"        var client = new Corpus.Sdk.{k.ClientType}(\n            model: \"large\",\n{A}            {Camel(k.ConfigKey)}: {Reg(v)});", "void"), ClientStub(k))),
        new("options object initializer", false, (k, v) => Members(Method($"        var options = new Corpus.Sdk.{k.ClientType}Options\n        {{\n            Endpoint = \"https://example.invalid/\",\n{A}            {k.ConfigKey} = {Reg(v)},\n        }};", "void"), ClientStub(k))),
        new("parameter default named for the provider", false, (k, v) => Members($"{A}    public static void Connect(string {k.Ident} = {Reg(v)}) {{ }}")),
        new("anonymous object with provider field", false, (k, v) => Members($"    public static readonly object Config = new\n    {{\n        Provider = \"{k.ProviderWord}\",\n{A}        {k.ConfigKey} = {Reg(v)},\n    }};")),
        new("config indexer assignment", false, (k, v) => Members(Method($"        var configuration = new Dictionary<string, string?>();\n{A}        configuration[\"{k.Section}:{k.ConfigKey}\"] = {Reg(v)};", "void"))),

        // Generic names: a key, but no provider.
        new("generic local apiKey", true, (k, v) => Members(Method($"{A}        var apiKey = {Reg(v)};\n        return apiKey;"))),
        new("generic property ApiKey", true, (k, v) => Members($"{A}    public static string ApiKey {{ get; }} = {Reg(v)};")),
        new("generic SECRET_TOKEN const", true, (k, v) => Members($"{A}    public const string SECRET_TOKEN = {Reg(v)};")),
        new("generic dictionary [\"ApiKey\"]", true, (k, v) => Members($"    public static readonly Dictionary<string, string> Values = new()\n    {{\n{A}        [\"ApiKey\"] = {Reg(v)},\n    }};")),
        new("generic api-key header", true, (k, v) => Members(Method($"        var request = new System.Net.Http.HttpRequestMessage();\n{A}        request.Headers.Add(\"api-key\", {Reg(v)});", "void"))),
        new("generic apiKey parameter name", true, (k, v) => Members(Method($"{A}        Use(apiKey: {Reg(v)});", "void") + "    private static void Use(string apiKey) { }")),
    };
}
