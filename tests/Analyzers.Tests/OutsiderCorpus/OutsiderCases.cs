using System.Text;
using static Guardrails.Analyzers.Tests.OutsiderCorpus.OutsiderConstructs;

namespace Guardrails.Analyzers.Tests.OutsiderCorpus;

/// <summary>
/// One generated case. Class is what a floor is asserted on; Expect is "key" (GRD001/GRD002 at a marked line),
/// "generic" (GRD006 at a marked line), "silent" (no GRD001/GRD002/GRD006 of warning or error severity anywhere) or
/// "no-provider-key" (a trap where only GRD001/GRD002 would be wrong).
/// </summary>
internal sealed record Case(string Id, string Class, string Provider, string Form, string Dimension, string Expect, Gen Code, List<Src> Files);

internal static class OutsiderCases
{
    private const string Root = "/repo/";

    private static Gen NoCode() => new([Cls("    public int Nothing => 0;")]);

    // ------------------------------------------------------------------------------------------------------------
    // Naming and context for keys with no fixed format (and for the generic GRD006 class).
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>A context: (id, usable for GRD006, writer). c = camel provider word, P = Pascal, f = the form.</summary>
    private static readonly (string Id, bool Generic, Func<KeyForm, string, Gen> Write)[] Contexts =
    [
        ("local-camel", true, (f, k) => Stmts("        var " + f.Camel + "ApiKey = " + M(Q(k)) + ";\n        return " + f.Camel + "ApiKey;")),
        ("const-pascal", true, (f, k) => One("    private const string " + Up(f.Camel) + "ApiKey = " + M(Q(k)) + ";")),
        ("auto-property", true, (f, k) => One("    public string " + Up(f.Camel) + "ApiKey { get; set; } = " + M(Q(k)) + ";")),
        ("expression-bodied-key", true, (f, k) => One("    public string " + Up(f.Camel) + "Key => " + M(Q(k)) + ";")),
        ("suffix-number", true, (f, k) => Stmts("        var " + f.Camel + "ApiKey2 = " + M(Q(k)) + ";\n        return " + f.Camel + "ApiKey2;")),
        ("affix-underscore-env", true, (f, k) => One("    private static readonly string _" + f.Camel + "Key_prod = " + M(Q(k)) + ";")),
        ("env-style-const-numbered", true, (f, k) => One("    private const string " + f.Env + "_3 = " + M(Q(k)) + ";")),
        ("comment-above", false, (f, k) => Stmts("        // " + f.Provider + " API key\n        var value = " + M(Q(k)) + ";\n        return value;")),
        ("comment-trailing", false, (f, k) => Stmts("        var value = " + M(Q(k)) + "; // " + f.Camel + " key\n        return value;")),
        ("xml-doc-summary", false, (f, k) => One("    /// <summary>The " + f.Provider + " API key.</summary>\n    public string Value { get; } = " + M(Q(k)) + ";")),
        ("dictionary-indexer-section", true, (f, k) => Stmts("        var settings = new Dictionary<string, string?>\n        {\n            [\"" + f.Section + ":Endpoint\"] = \"https://example.test\",\n            [\"" + f.Section + ":ApiKey\"] = " + M(Q(k)) + ",\n        };\n        return settings;")),
        ("dictionary-add-env-name", true, (f, k) => Stmts("        var settings = new Dictionary<string, string>\n        {\n            { \"" + f.Env + "\", " + M(Q(k)) + " },\n        };\n        return settings;")),
        ("set-environment-variable", true, (f, k) => Stmts("        Environment.SetEnvironmentVariable(\"" + f.Env + "\", " + M(Q(k)) + ");\n        return 0;")),
        ("own-client-named-argument", true, (f, k) => Stmts("        return new " + Up(f.Camel) + "Client(apiKey: " + M(Q(k)) + ");", "\npublic sealed class " + Up(f.Camel) + "Client(string apiKey)\n{\n    public string Key => apiKey;\n}\n")),
        ("own-client-positional", true, (f, k) => Stmts("        return new " + Up(f.Camel) + "Client(" + M(Q(k)) + ");", "\npublic sealed class " + Up(f.Camel) + "Client(string apiKey)\n{\n    public string Key => apiKey;\n}\n")),
        ("builder-with-api-key", true, (f, k) => Stmts("        return new " + Up(f.Camel) + "ClientBuilder().WithApiKey(" + M(Q(k)) + ");", "\npublic sealed class " + Up(f.Camel) + "ClientBuilder\n{\n    public " + Up(f.Camel) + "ClientBuilder WithApiKey(string apiKey) => this;\n}\n")),
        ("options-initializer", true, (f, k) => Stmts("        return new " + Up(f.Camel) + "Options { ApiKey = " + M(Q(k)) + " };", "\npublic sealed class " + Up(f.Camel) + "Options\n{\n    public string ApiKey { get; set; } = \"\";\n}\n")),
        ("anonymous-provider-sibling", true, (f, k) => Stmts("        return new { Provider = \"" + f.Camel.ToLowerInvariant() + "\", Key = " + M(Q(k)) + " };")),
        ("tuple-provider-sibling", true, (f, k) => Stmts("        var cfg = (Provider: \"" + f.Camel.ToLowerInvariant() + "\", ApiKey: " + M(Q(k)) + ");\n        return cfg;")),
        ("parameter-default", true, (f, k) => One("    public string Connect(string " + f.Camel + "ApiKey = " + M(Q(k)) + ") => " + f.Camel + "ApiKey;")),
        ("method-name", true, (f, k) => One("    public static string Get" + Up(f.Camel) + "ApiKey() => " + M(Q(k)) + ";")),
        ("switch-per-provider", true, (f, k) => One("    public static string ApiKeyFor(string provider) => provider switch\n    {\n        \"" + f.Camel.ToLowerInvariant() + "\" => " + M(Q(k)) + ",\n        _ => throw new ArgumentOutOfRangeException(nameof(provider)),\n    };")),
        ("static-config-class", true, (f, k) => new Gen([new Src("/repo/src/App/Config.cs", "namespace Outsider;\n\npublic static class " + Up(f.Camel) + "Config\n{\n    public const string ApiKey = " + M(Q(k)) + ";\n}\n")])),
        ("record-default", true, (f, k) => One("    public object Make() => new " + Up(f.Camel) + "Settings();", "\npublic sealed record " + Up(f.Camel) + "Settings(string ApiKey = " + M(Q(k)) + ");\n")),
        ("sdk-style-extension-positional", true, (f, k) => Stmts("        var builder = new KernelBuilder();\n        builder.Add" + Up(f.Camel) + "ChatCompletion(\"large-latest\", " + M(Q(k)) + ");\n        return builder;", "\npublic sealed class KernelBuilder { }\n\npublic static class " + Up(f.Camel) + "KernelBuilderExtensions\n{\n    public static KernelBuilder Add" + Up(f.Camel) + "ChatCompletion(this KernelBuilder builder, string modelId, string apiKey) => builder;\n}\n")),
        ("embedded-json-section", true, (f, k) => Stmts("        string json = \"\"\"\n            {\n              \"" + f.Section + "\": {\n                \"Endpoint\": \"https://example.test\",\n                \"ApiKey\": \"" + M(k) + "\"\n              }\n            }\n            \"\"\";\n        return json;")),
        ("embedded-json-provider-field", true, (f, k) => Stmts("        string json = \"\"\"\n            {\n              \"provider\": \"" + f.Camel.ToLowerInvariant() + "\",\n              \"key\": \"" + M(k) + "\"\n            }\n            \"\"\";\n        return json;")),
        ("embedded-env", true, (f, k) => Stmts("        string env = @\"APP_MODE=prod\n" + f.Env + "=" + M(k) + "\";\n        return env;")),
        ("embedded-yaml", true, (f, k) => Stmts("        string yaml = \"\"\"\n            " + f.Camel.ToLowerInvariant() + ":\n              api_key: " + M(k) + "\n            \"\"\";\n        return yaml;")),
    ];

    /// <summary>Azure key contexts: the credential types of the Azure SDK and the api-key header (stubs in the source).</summary>
    private static readonly (string Id, Func<string, Gen> Write)[] AzureContexts =
    [
        ("azure-key-credential", k => new Gen([Stmts("        return new Azure.AzureKeyCredential(" + M(Q(k)) + ");").Sources[0], new Src("/repo/src/App/AzureStub.cs", "namespace Azure;\n\npublic sealed class AzureKeyCredential(string key) { public string Key => key; }\n")])),
        ("azure-client-api-key-credential", k => new Gen([Stmts("        return new AzureOpenAIClient(new Uri(\"https://my-resource.openai.azure.com/\"), new System.ClientModel.ApiKeyCredential(" + M(Q(k)) + "));", "\npublic sealed class AzureOpenAIClient(Uri endpoint, System.ClientModel.ApiKeyCredential credential) { }\n").Sources[0], new Src("/repo/src/App/ClientModelStub.cs", "namespace System.ClientModel;\n\npublic sealed class ApiKeyCredential(string key) { public string Key => key; }\n")])),
        ("api-key-header", k => Stmts("        var headers = new Dictionary<string, string>();\n        headers.Add(\"api-key\", " + M(Q(k)) + ");\n        return headers;")),
    ];

    private static string Q(string s) => "\"" + s + "\"";

    private static string NewGuid(Random r)
    {
        var b = new byte[16];
        r.NextBytes(b);
        return new Guid(b).ToString();
    }

    /// <summary>Constructs that carry the receiving name, used for keys with no fixed format under a provider name.</summary>
    private static readonly string[] NamedPieceConstructs =
    [
        "concat-two-literals", "concat-multiline", "compound-assignment", "const-chain", "const-interpolated", "static-readonly-chain",
        "const-across-partial-files", "string-concat", "string-join-empty-array", "string-format", "stringbuilder-chain",
        "char-array-new-string", "bytes-utf8-hex", "base64", "replace-marker", "reversed-linq", "substring-of-padded", "split-join",
        "literal-verbatim", "literal-raw-multi", "escape-u-some", "literal-utf8", "default-parameter", "top-level-statements",
    ];

    // ------------------------------------------------------------------------------------------------------------
    // Files
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>File kinds with a self-identifying key under a neutral name.</summary>
    private static readonly (string Kind, Func<string, Src> Write)[] FixedFiles =
    [
        ("appsettings.json", k => new(Root + "src/App/appsettings.json", "{\n  \"Service\": {\n    \"Endpoint\": \"https://example.test\",\n    \"Value\": \"" + M(k) + "\"\n  }\n}\n")),
        ("appsettings.Development.json", k => new(Root + "src/App/appsettings.Development.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\" } },\n  \"Token\": \"" + M(k) + "\"\n}\n")),
        ("launchSettings.json", k => new(Root + "src/App/Properties/launchSettings.json", "{\n  \"profiles\": {\n    \"App\": {\n      \"commandName\": \"Project\",\n      \"environmentVariables\": {\n        \"APP_VALUE\": \"" + M(k) + "\"\n      }\n    }\n  }\n}\n")),
        ("local.settings.json", k => new(Root + "src/Functions/local.settings.json", "{\n  \"IsEncrypted\": false,\n  \"Values\": {\n    \"FUNCTIONS_WORKER_RUNTIME\": \"dotnet-isolated\",\n    \"VALUE\": \"" + M(k) + "\"\n  }\n}\n")),
        (".env", k => new(Root + "src/App/.env", "# local settings\nAPP_MODE=dev\nVALUE=" + M(k) + "\n")),
        (".env.local-export-quoted", k => new(Root + "src/App/.env.local", "export VALUE=\"" + M(k) + "\"\n")),
        ("github-workflow", k => new(Root + ".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      VALUE: " + M(k) + "\n    steps:\n      - uses: actions/checkout@v4\n")),
        (".gitlab-ci.yml", k => new(Root + ".gitlab-ci.yml", "variables:\n  VALUE: \"" + M(k) + "\"\nbuild:\n  script:\n    - dotnet build\n")),
        ("azure-pipelines.yml", k => new(Root + "azure-pipelines.yml", "trigger:\n- main\nvariables:\n- name: value\n  value: " + M(k) + "\nsteps:\n- script: dotnet build\n")),
        ("docker-compose.yml", k => new(Root + "docker-compose.yml", "services:\n  app:\n    image: app:latest\n    environment:\n      - VALUE=" + M(k) + "\n")),
        ("helm-values.yaml", k => new(Root + "deploy/helm/values.yaml", "image:\n  tag: latest\nenv:\n  value: " + M(k) + "\n")),
        (".http", k => new(Root + "src/App/requests.http", "### call\nPOST https://api.example.test/v1/chat\nAuthorization: Bearer " + M(k) + "\nContent-Type: application/json\n\n{}\n")),
        (".ipynb", k => new(Root + "notebooks/try.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n    \"client = Client(value=\\\"" + M(k) + "\\\")\\n\"\n   ]\n  }\n ],\n \"nbformat\": 4\n}\n")),
        (".dib", k => new(Root + "notebooks/try.dib", "#!csharp\n\nvar value = \"" + M(k) + "\";\n")),
        ("App.config", k => new(Root + "src/App/App.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n    <add key=\"Value\" value=\"" + M(k) + "\" />\n  </appSettings>\n</configuration>\n")),
        ("Directory.Build.props", k => new(Root + "Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <Value>" + M(k) + "</Value>\n  </PropertyGroup>\n</Project>\n")),
        (".properties", k => new(Root + "src/App/app.properties", "app.mode=dev\nvalue=" + M(k) + "\n")),
        (".toml", k => new(Root + "src/App/config.toml", "[service]\nvalue = \"" + M(k) + "\"\n")),
        (".ini", k => new(Root + "src/App/settings.ini", "[service]\nvalue = " + M(k) + "\n")),
        ("shell-script", k => new(Root + "scripts/setup.sh", "#!/bin/sh\nexport VALUE='" + M(k) + "'\n")),
        ("powershell-script", k => new(Root + "scripts/setup.ps1", "$env:VALUE = \"" + M(k) + "\"\n")),
        (".rest", k => new(Root + "src/App/api.rest", "POST https://api.example.test/v1/embed\nx-api-key: " + M(k) + "\n")),
        ("web.config", k => new(Root + "src/Web/Web.config", "<configuration>\n  <appSettings>\n    <add key=\"Value\" value=\"" + M(k) + "\" />\n  </appSettings>\n</configuration>\n")),
        ("compose.yaml", k => new(Root + "compose.yaml", "services:\n  worker:\n    environment:\n      VALUE: \"" + M(k) + "\"\n")),
        ("other-project-file", k => new(Root + "src/Other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <Value>" + M(k) + "</Value>\n  </PropertyGroup>\n</Project>\n")),
        ("circleci", k => new(Root + ".circleci/config.yml", "jobs:\n  build:\n    environment:\n      VALUE: " + M(k) + "\n")),
        ("secrets.json", k => new(Root + "src/App/secrets.json", "{\n  \"Value\": \"" + M(k) + "\"\n}\n")),
        ("mcp.json", k => new(Root + "src/App/mcp.json", "{\n  \"servers\": {\n    \"tools\": {\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"tools-server\"],\n      \"env\": { \"VALUE\": \"" + M(k) + "\" }\n    }\n  }\n}\n")),
    ];

    /// <summary>File kinds naming a provider whose key has no fixed format.</summary>
    private static readonly (string Kind, Func<KeyForm, string, Src> Write)[] GatedFiles =
    [
        ("appsettings-section", (f, k) => new(Root + "src/App/appsettings.json", "{\n  \"" + f.Section + "\": {\n    \"Endpoint\": \"https://example.test\",\n    \"ApiKey\": \"" + M(k) + "\"\n  }\n}\n")),
        ("appsettings-provider-sibling", (f, k) => new(Root + "src/App/appsettings.json", "{\n  \"Llm\": {\n    \"Provider\": \"" + f.Camel.ToLowerInvariant() + "\",\n    \"Key\": \"" + M(k) + "\"\n  }\n}\n")),
        (".env", (f, k) => new(Root + "src/App/.env", f.Env + "=" + M(k) + "\n")),
        (".env-numbered", (f, k) => new(Root + "src/App/.env", f.Env + "_2=" + M(k) + "\n")),
        ("github-workflow", (f, k) => new(Root + ".github/workflows/ci.yml", "jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      " + f.Env + ": " + M(k) + "\n")),
        ("docker-compose.yml", (f, k) => new(Root + "docker-compose.yml", "services:\n  app:\n    environment:\n      - " + f.Env + "=" + M(k) + "\n")),
        ("App.config", (f, k) => new(Root + "src/App/App.config", "<configuration>\n  <appSettings>\n    <add key=\"" + f.Section + ":ApiKey\" value=\"" + M(k) + "\" />\n  </appSettings>\n</configuration>\n")),
        ("Directory.Build.props", (f, k) => new(Root + "Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <" + Up(f.Camel) + "ApiKey>" + M(k) + "</" + Up(f.Camel) + "ApiKey>\n  </PropertyGroup>\n</Project>\n")),
        (".properties", (f, k) => new(Root + "src/App/app.properties", f.Camel.ToLowerInvariant() + ".api.key=" + M(k) + "\n")),
        (".toml", (f, k) => new(Root + "src/App/config.toml", "[" + f.Camel.ToLowerInvariant() + "]\napi_key = \"" + M(k) + "\"\n")),
        (".ini", (f, k) => new(Root + "src/App/settings.ini", "[" + f.Section + "]\nApiKey=" + M(k) + "\n")),
        (".http-variable", (f, k) => new(Root + "src/App/requests.http", "@" + f.Camel + "ApiKey = " + M(k) + "\n\n### call\nGET https://api.example.test/v1/models\nAuthorization: Bearer {{" + f.Camel + "ApiKey}}\n")),
        (".ipynb-environ", (f, k) => new(Root + "notebooks/try.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n    \"import os\\n\",\n    \"os.environ[\\\"" + f.Env + "\\\"] = \\\"" + M(k) + "\\\"\\n\"\n   ]\n  }\n ],\n \"nbformat\": 4\n}\n")),
        ("launchSettings.json", (f, k) => new(Root + "src/App/Properties/launchSettings.json", "{\n  \"profiles\": {\n    \"App\": {\n      \"environmentVariables\": {\n        \"" + f.Env + "\": \"" + M(k) + "\"\n      }\n    }\n  }\n}\n")),
        ("helm-values.yaml", (f, k) => new(Root + "deploy/helm/values.yaml", f.Camel.ToLowerInvariant() + ":\n  apiKey: " + M(k) + "\n")),
        ("shell-script", (f, k) => new(Root + "scripts/setup.sh", "export " + f.Env + "=" + M(k) + "\n")),
    ];

    // ------------------------------------------------------------------------------------------------------------
    // Traps: look-alikes that must stay silent.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Where a trap value goes: "any" = every placement, "generic" = generic and neutral names, "neutral" = neutral names only.</summary>
    private static (string Id, string Scope, string Value)[] TrapValues(Random r)
    {
        string x(int n, char c = 'x') => new string(c, n);
        string marker = "T3Blbk" + "FJ";
        string good = OutsiderKeys.GitHub(r, "p");
        string badCrc = good.Substring(0, good.Length - 1) + (good[^1] == 'A' ? 'B' : 'A');
        return
        [
            ("openai-x-placeholder", "any", "sk-" + "proj-" + x(74, 'X') + marker + x(74, 'X')),
            ("openai-your-key-here", "any", "sk-" + "your-openai-api-key-here"),
            ("openai-dots", "any", "sk-" + "..."),
            ("openai-redacted-ellipsis", "any", "sk-" + "proj-\u2026Ab12"),
            ("openai-stars", "any", "sk-" + "proj-" + x(40, '*')),
            ("deepseek-shaped-sequence", "any", "sk-" + "1234567890abcdef1234567890abcdef"),
            ("anthropic-x-placeholder", "any", "sk-" + "ant-api03-" + x(93) + "AA"),
            ("hf-x-placeholder", "any", "hf" + "_" + x(34)),
            ("ghp-x-placeholder", "any", "gh" + "p_" + x(36)),
            ("ghp-zero-placeholder", "any", "gh" + "p_" + x(36, '0')),
            ("aiza-x-placeholder", "any", "AI" + "zaSy" + x(33, 'X')),
            ("angle-placeholder", "any", "<your-openai-api-key>"),
            ("env-reference", "any", "${OPENAI_API_KEY}"),
            ("mustache-reference", "any", "{{OPENAI_API_KEY}}"),
            ("github-actions-secret", "any", "${{ secrets.OPENAI_API_KEY }}"),
            ("azure-pipelines-macro", "any", "$(OpenAIApiKey)"),
            ("percent-reference", "any", "%OPENAI_API_KEY%"),
            ("replace-me", "any", "REPLACE_WITH_YOUR_KEY"),
            ("changeme", "any", "changeme"),
            ("empty", "any", ""),
            ("keyvault-reference", "any", "@Microsoft.KeyVault(SecretUri=https://kv-app.vault.azure.net/secrets/OpenAIKey/)"),
            ("abc123-repeated", "any", "abc123abc123abc123abc123abc123ab"),
            ("1234abcd-repeated", "any", "1234abcd1234abcd1234abcd1234abcd"),
            ("alphabet-run", "any", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"),
            ("aws-doc-access-key-id", "any", "AKIA" + "IOSFODNN7" + "EXAMPLE"),
            ("aws-doc-secret", "any", "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"),
            ("azurite-account-key", "any", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw=="),
            ("cosmos-emulator-key", "any", "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMb" + "IZnqyMsEcaGQy67XIw/Jw=="),
            ("github-wrong-checksum", "no-provider-id", badCrc),
            ("key-format-regex", "any", "sk-" + "proj-[A-Za-z0-9_-]{74}" + marker + "[A-Za-z0-9_-]{74}"),
            ("azurite-connection-string", "any", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"),
            ("cosmos-emulator-connection-string", "any", "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMb" + "IZnqyMsEcaGQy67XIw/Jw=="),
            ("development-storage", "any", "UseDevelopmentStorage=true"),
            ("hex32-hash", "generic", OutsiderKeys.Body(r, OutsiderKeys.HexLower, 32)),
            ("hex40-sha1", "generic", OutsiderKeys.Body(r, OutsiderKeys.HexLower, 40)),
            ("hex64-sha256", "generic", OutsiderKeys.Body(r, OutsiderKeys.HexLower, 64)),
            ("guid", "generic", NewGuid(r).ToString()),
            ("hex-sequential-test-vector", "generic", "000102030405060708090a0b0c0d0e0f"),
            ("base64-of-words", "generic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AzureOpenAI/Production/ChatDeployment"))),
            ("base64-of-sentence", "generic", Convert.ToBase64String(Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"))),
            ("pascal-acronym-identifier", "generic", "AzureAIInferenceChatCompletionSettings"),
            ("config-path", "generic", "AzureOpenAI:ChatDeploymentName"),
            ("model-id", "generic", "gpt-4o-mini-2024-07-18"),
            ("endpoint-url", "generic", "https://my-resource.openai.azure.com/"),
            ("connection-string-no-key", "generic", "Server=tcp:db.example.test,1433;Database=app;Authentication=Active Directory Default;"),
            ("jwt-io-example", "generic", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
            ("public-key-token", "neutral", "b77a5c561934e089"),
            ("hf-words-identifier", "neutral", "hf" + "_" + "transformersModelCacheDirectoryPat"),
            ("sklearn-words", "neutral", "sk-" + "learn-model-selection-cross-validate"),
            ("random-base62-84-neutral", "neutral", OutsiderKeys.Body(r, OutsiderKeys.Alnum, 84)),
            ("sri-hash", "neutral", "sha384-" + Convert.ToBase64String(Enumerable.Range(0, 48).Select(_ => (byte)r.Next(256)).ToArray())),
            ("semantic-version", "neutral", "1.0.0-preview.241022.1+a1b2c3d"),
        ];
    }

    private static readonly (string Id, string Scope, Func<string, Gen> Code)[] TrapCodePlacements =
    [
        ("code-apiKey", "generic", v => Stmts("        var apiKey = \"" + v.Replace("\\", "\\\\") + "\";\n        return apiKey;")),
        ("code-OpenAiApiKey", "any", v => One("    public string OpenAiApiKey { get; set; } = \"" + v.Replace("\\", "\\\\") + "\";")),
        ("code-neutral", "neutral", v => Stmts("        var value = \"" + v.Replace("\\", "\\\\") + "\";\n        return value;")),
    ];

    private static readonly (string Id, string Scope, Func<string, Src> File)[] TrapFilePlacements =
    [
        ("appsettings-OpenAI-ApiKey", "any", v => new(Root + "src/App/appsettings.json", "{\n  \"OpenAI\": { \"ApiKey\": \"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" }\n}\n")),
        ("appsettings-Service-ApiKey", "generic", v => new(Root + "src/App/appsettings.json", "{\n  \"Service\": { \"ApiKey\": \"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" }\n}\n")),
        (".env-OPENAI_API_KEY", "any", v => new(Root + "src/App/.env", "OPENAI_API_KEY=" + v + "\n")),
        ("workflow-env", "any", v => new(Root + ".github/workflows/ci.yml", "jobs:\n  test:\n    env:\n      OPENAI_API_KEY: \"" + v.Replace("\"", "'") + "\"\n")),
        ("appsettings-neutral", "neutral", v => new(Root + "src/App/appsettings.json", "{\n  \"Service\": { \"Name\": \"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" }\n}\n")),
    ];

    /// <summary>
    /// A trap of scope "no-provider-id" (a look-alike whose checksum is wrong) goes everywhere but only a provider
    /// finding (GRD001/GRD002) is wrong there: under a key name a high-entropy value may still be GRD006.
    /// </summary>
    private static bool Applies(string valueScope, string placementScope) =>
        placementScope switch
        {
            "any" => valueScope is "any" or "no-provider-id",
            "generic" => valueScope is "any" or "generic" or "no-provider-id",
            _ => true,
        };

    /// <summary>Code that names keys without holding one: configuration lookups, section names, headers, patterns, messages.</summary>
    private static readonly (string Id, Func<Random, Gen> Code)[] CodeTraps =
    [
        ("get-section-pascal-acronyms", r => Stmts("        IConfig config = Cfg();\n        var s1 = config.GetSection(\"AzureAIInference\");\n        var s2 = config.GetSection(\"AzureOpenAIChatCompletion\");\n        var s3 = config.GetSection(\"OpenAIEmbeddingGeneration\");\n        return (s1, s2, s3);\n    }\n\n    private static IConfig Cfg() => null!;\n    private static void Unused()\n    {", "\npublic interface IConfig { IConfig GetSection(string key); string? this[string key] { get; } }\n")),
        ("config-indexer-read", r => Stmts("        IConfig config = null!;\n        string? apiKey = config[\"AzureOpenAI:ApiKey\"];\n        string? other = config[\"OPENAI_API_KEY\"];\n        return (apiKey, other);", "\npublic interface IConfig { string? this[string key] { get; } }\n")),
        ("environment-variable-read", r => Stmts("        string apiKey = Environment.GetEnvironmentVariable(\"AZURE_OPENAI_API_KEY\") ?? throw new InvalidOperationException(\"Set AZURE_OPENAI_API_KEY.\");\n        return apiKey;")),
        ("header-and-variable-names", r => One("    public const string ApiKeyHeaderName = \"x-api-key\";\n    public const string ApiKeyEnvironmentVariable = \"OPENAI_API_KEY\";\n    public const string ApiKeyConfigurationKey = \"AzureOpenAI:ApiKey\";\n    public const string ApiKeySecretName = \"openai-api-key-prod\";")),
        ("keyed-service-names", r => Stmts("        var services = new Dictionary<string, object>();\n        services.Add(\"azureOpenAIChatClientPrimary\", new object());\n        services.Add(\"AnthropicMessagesClientFallback\", new object());\n        return services;")),
        ("json-property-name", r => One("    [System.Text.Json.Serialization.JsonPropertyName(\"api_key\")]\n    public string? ApiKey { get; set; }\n    [System.Text.Json.Serialization.JsonPropertyName(\"x-goog-api-key\")]\n    public string? GoogleApiKeyHeader { get; set; }")),
        ("key-format-regex", r => One("    private static readonly Regex OpenAiKey = new(@\"sk-" + "proj-[A-Za-z0-9_\\-]{74}T3Blbk" + "FJ[A-Za-z0-9_\\-]{74}\");\n    private static readonly Regex AnthropicKey = new(\"^sk-" + "ant-api03-[\\\\w-]{93}AA$\");")),
        ("redaction-helper-and-test", r => One("    public static string Redact(string apiKey) => apiKey[..8] + \"\\u2026\" + apiKey[^4..];\n    public const string ExpectedRedaction = \"sk-" + "proj-\\u2026Zx9Q\";")),
        ("error-message-with-placeholder", r => Stmts("        throw new InvalidOperationException(\"Set OPENAI_API_KEY (for example sk-" + "proj-...) before running; get one at https://platform.openai.com/api-keys\");")),
        ("xml-doc-param", r => One("    /// <param name=\"apiKey\">Your OpenAI API key (sk-" + "...), or an Azure key (32 hex characters).</param>\n    public void Configure(string apiKey) { }")),
        ("nameof-api-key", r => One("    public string ApiKey { get; set; } = \"\";\n    public string Describe() => nameof(ApiKey) + \" is required\";")),
        ("deployment-names", r => Stmts("        var deployments = new Dictionary<string, string>\n        {\n            [\"chat\"] = \"gpt-4o-2024-08-06-global-standard\",\n            [\"embedding\"] = \"text-embedding-3-large-eastus2\",\n            [\"apiKeyName\"] = \"AZURE_OPENAI_API_KEY\",\n        };\n        return deployments;")),
        ("hash-constants", r => One("    private const string ExpectedSha256 = \"" + OutsiderKeys.Body(r, OutsiderKeys.HexLower, 64) + "\";\n    private const string ETag = \"" + OutsiderKeys.Body(r, OutsiderKeys.HexLower, 32) + "\";\n    private const string CommitSha = \"" + OutsiderKeys.Body(r, OutsiderKeys.HexLower, 40) + "\";")),
        ("guid-constants", r => One("    private const string TenantId = \"" + NewGuid(r) + "\";\n    private const string ClientId = \"" + NewGuid(r) + "\";\n    private static readonly Guid ApiKeyId = new(\"" + NewGuid(r) + "\");")),
        ("aes-test-vector", r => One("    // FIPS-197 appendix test vector\n    private static readonly string AesTestKey = \"000102030405060708090a0b0c0d0e0f\";\n    private static readonly string AesKeyFromSp800 = \"2b7e1516" + "28aed2a6abf71588" + "09cf4f3c\";")),
        ("placeholder-defaults", r => One("    public string OpenAiApiKey { get; set; } = \"<your-openai-api-key>\";\n    public string AnthropicApiKey { get; set; } = \"sk-" + "ant-...\";\n    public string MistralApiKey { get; set; } = \"YOUR_MISTRAL_API_KEY\";\n    public string AzureOpenAIKey { get; set; } = \"00000000000000000000000000000000\";")),
        ("embedded-json-placeholders", r => Stmts("        string json = \"\"\"\n            {\n              \"OpenAI\": { \"ApiKey\": \"sk-" + "your-key-here\" },\n              \"AzureOpenAI\": { \"ApiKey\": \"${AZURE_OPENAI_API_KEY}\" },\n              \"Mistral\": { \"ApiKey\": \"\" }\n            }\n            \"\"\";\n        return json;")),
    ];

    private static readonly (string Id, Func<Random, Src> File)[] FileTraps =
    [
        ("csproj-user-secrets-and-packages", r => new(Root + "src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <UserSecretsId>" + NewGuid(r) + "</UserSecretsId>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Azure.AI.OpenAI\" Version=\"2.1.0\" />\n  </ItemGroup>\n</Project>\n")),
        ("packages-lock-content-hash", r => new(Root + "src/App/packages.lock.json", "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {\n      \"Azure.AI.OpenAI\": {\n        \"type\": \"Direct\",\n        \"requested\": \"[2.1.0, )\",\n        \"resolved\": \"2.1.0\",\n        \"contentHash\": \"" + Convert.ToBase64String(Enumerable.Range(0, 64).Select(_ => (byte)r.Next(256)).ToArray()) + "\"\n      }\n    }\n  }\n}\n")),
        ("appsettings-empty-and-null", r => new(Root + "src/App/appsettings.json", "{\n  \"OpenAI\": { \"ApiKey\": \"\" },\n  \"AzureOpenAI\": { \"ApiKey\": null, \"Endpoint\": \"https://my-resource.openai.azure.com/\", \"Deployment\": \"gpt-4o\" },\n  \"Anthropic\": { \"ApiKey\": \"<set with dotnet user-secrets>\" }\n}\n")),
        ("workflow-secrets", r => new(Root + ".github/workflows/ci.yml", "jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n      AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}\n    steps:\n      - uses: actions/checkout@" + OutsiderKeys.Body(r, OutsiderKeys.HexLower, 40) + "\n")),
        ("compose-variable-references", r => new(Root + "docker-compose.yml", "services:\n  app:\n    environment:\n      - OPENAI_API_KEY=${OPENAI_API_KEY}\n      - ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY:?set it}\n")),
        ("http-dotenv-reference", r => new(Root + "src/App/requests.http", "@apiKey = {{$dotenv OPENAI_API_KEY}}\n\nGET https://api.openai.com/v1/models\nAuthorization: Bearer {{apiKey}}\n")),
        ("notebook-png-output", r => new(Root + "notebooks/plot.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"outputs\": [\n    {\n     \"data\": {\n      \"image/png\": \"iVBORw0KGgoAAAANSUhEUgAA" + OutsiderKeys.Body(r, OutsiderKeys.Base64Body, 1200) + "\"\n     }\n    }\n   ],\n   \"source\": [\"plot()\"]\n  }\n ]\n}\n")),
        ("launch-settings-empty", r => new(Root + "src/App/Properties/launchSettings.json", "{\n  \"profiles\": {\n    \"App\": {\n      \"environmentVariables\": {\n        \"OPENAI_API_KEY\": \"\",\n        \"ASPNETCORE_ENVIRONMENT\": \"Development\"\n      }\n    }\n  }\n}\n")),
        ("env-example-placeholders", r => new(Root + "src/App/.env.example", "OPENAI_API_KEY=sk-" + "...\nANTHROPIC_API_KEY=your-anthropic-key\nAZURE_OPENAI_API_KEY=<32-hex-key>\nMISTRAL_API_KEY=\n")),
        ("app-config-public-key-token", r => new(Root + "src/App/App.config", "<configuration>\n  <runtime>\n    <assemblyBinding xmlns=\"urn:schemas-microsoft-com:asm.v1\">\n      <dependentAssembly>\n        <assemblyIdentity name=\"System.Memory\" publicKeyToken=\"cc7b13ffcd2ddd51\" culture=\"neutral\" />\n      </dependentAssembly>\n    </assemblyBinding>\n  </runtime>\n</configuration>\n")),
    ];

    // ------------------------------------------------------------------------------------------------------------

    public static List<Case> All()
    {
        var r = new Random(20261203);
        var cases = new List<Case>();
        string[] neutral = ["value", "data", "payload", "text", "item"];
        int ni = 0;

        // C# code, self-identifying keys × every construct.
        foreach (KeyForm f in OutsiderKeys.Fixed)
        {
            foreach (Construct c in OutsiderConstructs.All.Concat(OutsiderConstructs.EmbeddedConfig))
            {
                string k = f.Make(r);
                string cls = c.Kind == "computed" ? "code-fixed-computed" : "code-fixed";
                cases.Add(new($"{cls}/{c.Id}/{f.Id}", cls + "/" + c.Id, f.Provider, f.Id, c.Id, "key", c.Write(k, neutral[ni++ % neutral.Length], r), []));
            }
        }

        // Google service-account JSON embedded in C# and as a file.
        for (int i = 0; i < 3; i++)
        {
            string sa = OutsiderKeys.ServiceAccountJson(r);
            string marked = sa.Replace("-----BEGIN", S + "-----BEGIN").Replace("-----\\n\",", "-----" + E + "\\n\",");
            cases.Add(new($"code-fixed/embedded-service-account/{i}", "code-fixed/embedded-service-account-json", "Google", "gcp-service-account", "embedded-service-account-json", "key",
                Stmts("        string json = \"\"\"\n" + string.Join("\n", marked.Split('\n').Select(l => "            " + l)) + "\n            \"\"\";\n        return json;"), []));
            cases.Add(new($"file-fixed/service-account.json/{i}", "file-fixed/service-account.json", "Google", "gcp-service-account", "service-account.json", "key",
                NoCode(), [new(Root + "src/App/service-account.json", marked)]));
        }

        // C# code, keys with no fixed format × naming context.
        foreach (KeyForm f in OutsiderKeys.Gated)
        {
            foreach (var ctx in Contexts)
            {
                cases.Add(new($"code-gated/{ctx.Id}/{f.Id}", "code-gated/" + ctx.Id, f.Provider, f.Id, ctx.Id, "key", ctx.Write(f, f.Make(r)), []));
            }

            if (f.Id.StartsWith("azure", StringComparison.Ordinal))
            {
                foreach (var ctx in AzureContexts)
                {
                    cases.Add(new($"code-gated/{ctx.Id}/{f.Id}", "code-gated/" + ctx.Id, f.Provider, f.Id, ctx.Id, "key", ctx.Write(f.Make(r)), []));
                }
            }

            // Under a provider name, every way of building the string.
            foreach (string cid in NamedPieceConstructs)
            {
                Construct c = OutsiderConstructs.All.Single(x => x.Id == cid);
                cases.Add(new($"code-gated-built/{cid}/{f.Id}", "code-gated-built/" + cid, f.Provider, f.Id, cid, "key", c.Write(f.Make(r), f.Camel + "ApiKey", r), []));
            }

            foreach (var file in GatedFiles)
            {
                cases.Add(new($"file-gated/{file.Kind}/{f.Id}", "file-gated/" + file.Kind, f.Provider, f.Id, file.Kind, "key", NoCode(), [file.Write(f, f.Make(r))]));
            }
        }

        // Generic secrets under a key name: GRD006.
        KeyForm g = OutsiderKeys.Generic;
        foreach (var ctx in Contexts.Where(c => c.Generic))
        {
            cases.Add(new($"code-generic/{ctx.Id}", "code-generic/" + ctx.Id, g.Provider, g.Id, ctx.Id, "generic", ctx.Write(g, g.Make(r)), []));
        }

        foreach (var file in GatedFiles)
        {
            cases.Add(new($"file-generic/{file.Kind}", "file-generic/" + file.Kind, g.Provider, g.Id, file.Kind, "generic", NoCode(), [file.Write(g, g.Make(r))]));
        }

        // Files, self-identifying keys.
        foreach (KeyForm f in OutsiderKeys.Fixed)
        {
            foreach (var file in FixedFiles)
            {
                cases.Add(new($"file-fixed/{file.Kind}/{f.Id}", "file-fixed/" + file.Kind, f.Provider, f.Id, file.Kind, "key", NoCode(), [file.Write(f.Make(r))]));
            }
        }

        // Traps.
        foreach (var t in TrapValues(r))
        {
            foreach (var p in TrapCodePlacements.Where(p => Applies(t.Scope, p.Scope)))
            {
                cases.Add(new($"trap/{t.Id}/{p.Id}", "trap", "-", t.Id, p.Id, t.Scope == "no-provider-id" ? "no-provider-key" : "silent", p.Code(t.Value), []));
            }

            foreach (var p in TrapFilePlacements.Where(p => Applies(t.Scope, p.Scope)))
            {
                cases.Add(new($"trap/{t.Id}/{p.Id}", "trap", "-", t.Id, p.Id, t.Scope == "no-provider-id" ? "no-provider-key" : "silent", NoCode(), [p.File(t.Value)]));
            }
        }

        foreach (var t in CodeTraps)
        {
            cases.Add(new($"trap/code/{t.Id}", "trap", "-", t.Id, "code", "silent", t.Code(r), []));
        }

        foreach (var t in FileTraps)
        {
            cases.Add(new($"trap/file/{t.Id}", "trap", "-", t.Id, "file", "silent", NoCode(), [t.File(r)]));
        }

        return cases;
    }
}
