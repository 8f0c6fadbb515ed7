using System.Text;

namespace Guardrails.Analyzers.Tests.ThirdCorpus;

/// <summary>A naming context (C#) or a committed file kind; the key's line is marked.</summary>
internal sealed record Context(string Name, Func<Ctx, TSrc[]> Code, Func<Ctx, TSrc[]> Files, bool Exe = false);

/// <summary>
/// Where real repositories keep keys (shapes taken from public code: appsettings sections, user-secrets JSON,
/// launchSettings, .env, CI `env:` blocks, docker-compose, Dockerfiles, .http and http-client.env.json, notebooks,
/// Razor, resx, runsettings, nuget.config, devcontainer/VS Code/Claude settings, Terraform and Bicep parameters),
/// and how they name them.
/// </summary>
internal static class ThirdContexts
{
    private static string M(string s) => ThirdConstructs.Mark(s);

    private static string L(string s) => ThirdConstructs.Lit(s);

    private static TSrc[] Cs(string body) => [ThirdConstructs.W(body)];

    private static TSrc[] F(string path, string text) => [new TSrc(path, text)];

    private static readonly TSrc[] None = [];

    private static string JsonEsc(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Snake(Ctx c) => ThirdKeys.Snake(c.Word);

    /// <summary>C# naming contexts for keys that carry no marker: the name or a sibling is all a scanner has.</summary>
    public static readonly Context[] CodeNames =
    [
        new("camel-suffix-number", c => Cs("    public static string M()\n    {\n" + M("        var " + c.Word + "ApiKey2 = " + L(c.Key) + ";") + "\n        return " + c.Word + "ApiKey2;\n    }"), _ => None),
        new("underscore-prefix-env-suffix", c => Cs(M("    private const string _" + c.Word + "Key_prod = " + L(c.Key) + ";") + "\n    public static int Length => _" + c.Word + "Key_prod.Length;"), _ => None),
        new("env-style-const-numbered", c => Cs(M("    public const string " + c.Env + "_3 = " + L(c.Key) + ";")), _ => None),
        new("pascal-auto-property", c => Cs(M("    public static string " + c.Pascal + "ApiKey { get; } = " + L(c.Key) + ";")), _ => None),
        new("comment-above-neutral-name", c => Cs("    // " + c.Pascal + " API key (prod)\n" + M("    public const string Value = " + L(c.Key) + ";")), _ => None),
        new("xml-doc-summary-neutral-name", c => Cs("    /// <summary>The " + c.Pascal + " key used by the nightly job.</summary>\n" + M("    public const string Value = " + L(c.Key) + ";")), _ => None),
        new("dictionary-section-key", c => Cs("    public static readonly Dictionary<string, string?> Settings = new()\n    {\n" + M("        [\"" + c.Pascal + ":ApiKey\"] = " + L(c.Key) + ",") + "\n    };"), _ => None),
        new("dictionary-env-name-add-form", c => Cs("    public static readonly Dictionary<string, string> Env = new()\n    {\n" + M("        { \"" + c.Env + "\", " + L(c.Key) + " },") + "\n    };"), _ => None),
        new("set-environment-variable", c => Cs(M("    public static void M() => Environment.SetEnvironmentVariable(\"" + c.Env + "\", " + L(c.Key) + ");")), _ => None),
        new("method-name-with-provider-key", c => Cs("    public static void With" + c.Pascal + "Key(string key)\n    {\n    }\n\n" + M("    public static void Setup() => With" + c.Pascal + "Key(" + L(c.Key) + ");")), _ => None),
        new("client-named-argument", c => Cs("    public sealed class " + c.Pascal + "Client(string apiKey)\n    {\n        public int Length => apiKey.Length;\n    }\n\n" + M("    public static " + c.Pascal + "Client Make() => new(apiKey: " + L(c.Key) + ");")), _ => None),
        new("client-positional-argument", c => Cs("    public sealed class " + c.Pascal + "Client(string apiKey)\n    {\n        public int Length => apiKey.Length;\n    }\n\n" + M("    public static " + c.Pascal + "Client Make() => new " + c.Pascal + "Client(" + L(c.Key) + ");")), _ => None),
        new("anonymous-object-provider-sibling", c => Cs(M("    public static object M() => new { provider = \"" + c.Word + "\", apiKey = " + L(c.Key) + " };")), _ => None),
        new("tuple-provider-sibling", c => Cs(M("    public static readonly (string Provider, string Secret) Pair = (\"" + c.Word + "\", " + L(c.Key) + ");")), _ => None),
        new("switch-per-provider", c => Cs("    public static string KeyFor(string provider) => provider switch\n    {\n" + M("        \"" + c.Word + "\" => " + L(c.Key) + ",") + "\n        _ => string.Empty,\n    };"), _ => None),
        new("azure-key-credential", c =>
        [
            new TSrc("Azure.cs", "namespace Azure\n{\n    public class AzureKeyCredential\n    {\n        public AzureKeyCredential(string key) => this.Key = key;\n\n        public string Key { get; }\n    }\n}\n"),
            ThirdConstructs.W(M("    public static Azure.AzureKeyCredential Credential() => new(" + L(c.Key) + ");")),
        ], _ => None),
        new("options-configure-lambda", c => Cs("    public sealed class " + c.Pascal + "Options\n    {\n        public string? ApiKey { get; set; }\n    }\n\n    public static void Configure<T>(Action<T> configure) where T : new() => configure(new T());\n\n    public static void Setup()\n    {\n" + M("        Configure<" + c.Pascal + "Options>(o => o.ApiKey = " + L(c.Key) + ");") + "\n    }"), _ => None),
        new("header-with-provider-base-address", c => Cs("    public static HttpClient Make()\n    {\n        var http = new HttpClient { BaseAddress = new Uri(\"https://api." + c.Word.ToLowerInvariant() + ".ai/v1/\") };\n" + M("        http.DefaultRequestHeaders.Add(\"x-api-key\", " + L(c.Key) + ");") + "\n        return http;\n    }"), _ => None),
        new("name-spanish", c => Cs(M("    private const string clave" + c.Pascal + " = " + L(c.Key) + ";") + "\n    public static int Length => clave" + c.Pascal + ".Length;"), _ => None),
        new("name-german", c => Cs(M("    private const string " + c.Word + "Schlüssel = " + L(c.Key) + ";") + "\n    public static int Length => " + c.Word + "Schlüssel.Length;"), _ => None),
        new("name-russian", c => Cs(M("    private const string ключ" + c.Pascal + " = " + L(c.Key) + ";") + "\n    public static int Length => ключ" + c.Pascal + ".Length;"), _ => None),
        new("name-chinese", c => Cs(M("    private const string " + c.Word + "密钥 = " + L(c.Key) + ";") + "\n    public static int Length => " + c.Word + "密钥.Length;"), _ => None),
        new("name-all-caps-no-separators", c => Cs(M("    public const string " + c.Env.Replace("_", string.Empty) + " = " + L(c.Key) + ";")), _ => None),
        new("name-lower-run-together", c => Cs(M("    public static readonly string " + c.Word.ToLowerInvariant() + "apikey = " + L(c.Key) + ";")), _ => None),
        new("name-mixed-underscore", c => Cs(M("    public static readonly string Api_Key_" + c.Pascal + " = " + L(c.Key) + ";")), _ => None),
        new("record-provider-settings", c => Cs("    public sealed record " + c.Pascal + "Settings(string Endpoint, string Secret);\n\n" + M("    public static readonly " + c.Pascal + "Settings Default = new(\"https://contoso.example/\", " + L(c.Key) + ");")), _ => None),
        new("top-level-statements", c => [new TSrc("Program.cs", "using System;\n\n" + M("var " + c.Word + "Key = " + L(c.Key) + ";") + "\nConsole.WriteLine(" + c.Word + "Key.Length);\n")], _ => None, Exe: true),
        new("embedded-json-provider-sibling", c => Cs("    public const string Json = \"\"\"\n        { \"provider\": \"" + c.Word + "\",\n" + M("          \"key\": \"" + c.Key + "\" }") + "\n        \"\"\";"), _ => None),
        new("trailing-comment-same-line", c => Cs(M("    public const string Value = " + L(c.Key) + "; // " + c.Word + " key")), _ => None),
        new("class-name-context", c => Cs("    public sealed class " + c.Pascal + "Settings\n    {\n" + M("        public string Key { get; set; } = " + L(c.Key) + ";") + "\n    }"), _ => None),
        new("namespace-context", c => [new TSrc("Client.cs", "namespace Contoso.Providers." + c.Pascal + ";\n\npublic static class Defaults\n{\n" + M("    public const string Key = " + L(c.Key) + ";") + "\n}\n")], _ => None),
        new("enclosing-method-name", c => Cs("    public static string Create" + c.Pascal + "Client()\n    {\n" + M("        var key = " + L(c.Key) + ";") + "\n        return key;\n    }"), _ => None),
        new("env-name-through-constant", c => Cs("    private const string EnvName = \"" + c.Env + "\";\n\n" + M("    public static void M() => Environment.SetEnvironmentVariable(EnvName, " + L(c.Key) + ");")), _ => None),
        new("json-property-name-attribute", c => Cs("    public sealed class Cfg\n    {\n        [System.Text.Json.Serialization.JsonPropertyName(\"" + ThirdKeys.Snake(c.Word) + "_api_key\")]\n" + M("        public string Value { get; set; } = " + L(c.Key) + ";") + "\n    }"), _ => None),
        new("openai-sdk-compatible-endpoint", c =>
        [
            new TSrc("ClientModel.cs", "namespace System.ClientModel\n{\n    public class ApiKeyCredential\n    {\n        public ApiKeyCredential(string key) => this.Key = key;\n\n        public string Key { get; }\n    }\n}\n"),
            ThirdConstructs.W("    public sealed class ChatClientOptions\n    {\n        public Uri? Endpoint { get; set; }\n    }\n\n    public sealed class ChatClient(string model, System.ClientModel.ApiKeyCredential credential, ChatClientOptions options)\n    {\n        public string Model => model + credential.Key + options.Endpoint;\n    }\n\n    public static ChatClient Make() => new(\n        \"large-latest\",\n" + M("        new System.ClientModel.ApiKeyCredential(" + L(c.Key) + "),") + "\n        new ChatClientOptions { Endpoint = new Uri(\"https://api." + c.Word.ToLowerInvariant() + ".com/v1\") });"),
        ], _ => None),
        new("connector-extension-positional", c => Cs("    public sealed class KernelBuilder\n    {\n    }\n\n    public static KernelBuilder Add" + c.Pascal + "ChatCompletion(this KernelBuilder b, string modelId, string apiKey) => b;\n\n" + M("    public static KernelBuilder Setup(KernelBuilder b) => b.Add" + c.Pascal + "ChatCompletion(\"large-latest\", " + L(c.Key) + ");")), _ => None),
        new("configuration-indexer-assignment", c => Cs("    public interface IConfig\n    {\n        string? this[string key] { get; set; }\n    }\n\n    public static void Seed(IConfig config)\n    {\n" + M("        config[\"" + c.Pascal + ":ApiKey\"] = " + L(c.Key) + ";") + "\n    }"), _ => None),
        new("request-bearer-with-provider-uri", c => Cs("    public static HttpRequestMessage Make()\n    {\n        var request = new HttpRequestMessage(HttpMethod.Post, \"https://api." + c.Word.ToLowerInvariant() + ".ai/v1/chat/completions\");\n" + M("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", " + L(c.Key) + ");") + "\n        return request;\n    }"), _ => None),
    ];

    private const string Sln = "/src/Contoso.App/";

    /// <summary>Committed files. Fixed-format keys go in every kind; gated keys with the provider's own names.</summary>
    public static readonly Context[] FileKinds =
    [
        new("appsettings.json-section", _ => None, c => F(Sln + "appsettings.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"" + c.Pascal + "\": {\n    \"Endpoint\": \"https://contoso.example/\",\n" + M("    \"ApiKey\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new("appsettings.json-neutral-name", _ => None, c => F(Sln + "appsettings.json", "{\n  \"Upstream\": {\n" + M("    \"Value\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new("appsettings.Development.json-jsonc", _ => None, c => F(Sln + "appsettings.Development.json", "{\n  // local only, do not commit (committed anyway)\n  \"" + c.Pascal + "\": {\n" + M("    \"ApiKey\": \"" + JsonEsc(c.Key) + "\", // rotate me") + "\n  },\n}\n")),
        new("appsettings.json-minified", _ => None, c => F(Sln + "appsettings.Production.json", M("{\"AllowedHosts\":\"*\",\"" + c.Pascal + "\":{\"Model\":\"large\",\"ApiKey\":\"" + JsonEsc(c.Key) + "\"}}") + "\n")),
        new("appsettings.json-utf16-bom-crlf", _ => None, c => F(Sln + "appsettings.Staging.json", "\uFEFF{\r\n  \"" + c.Pascal + "\": {\r\n" + M("    \"ApiKey\": \"" + JsonEsc(c.Key) + "\"") + "\r\n  }\r\n}\r\n")),
        new("user-secrets-secrets.json", _ => None, c => F("/home/dev/.microsoft/usersecrets/3f1c2a9e-7b4d-4e1a-9c2f-5d8e6b7a1c40/secrets.json", "{\n" + M("  \"" + c.Pascal + ":ApiKey\": \"" + JsonEsc(c.Key) + "\",") + "\n  \"ConnectionStrings:Default\": \"Server=(localdb)\\\\mssqllocaldb;Database=App;Trusted_Connection=True\"\n}\n")),
        new("launchSettings.json", _ => None, c => F(Sln + "Properties/launchSettings.json", "{\n  \"profiles\": {\n    \"http\": {\n      \"commandName\": \"Project\",\n      \"environmentVariables\": {\n        \"ASPNETCORE_ENVIRONMENT\": \"Development\",\n" + M("        \"" + c.Env + "\": \"" + JsonEsc(c.Key) + "\"") + "\n      }\n    }\n  }\n}\n")),
        new("local.settings.json-functions", _ => None, c => F(Sln + "local.settings.json", "{\n  \"IsEncrypted\": false,\n  \"Values\": {\n    \"FUNCTIONS_WORKER_RUNTIME\": \"dotnet-isolated\",\n" + M("    \"" + c.Env + "\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new(".env-plain", _ => None, c => F("/src/.env", "# local settings\nLOG_LEVEL=debug\n" + M(c.Env + "=" + c.Key) + "\n")),
        new(".env.local-export-double-quoted", _ => None, c => F("/src/.env.local", M("export " + c.Env + "=\"" + c.Key + "\"") + "\n")),
        new(".env.production-spaces-single-quotes-comment", _ => None, c => F("/src/.env.production", M(c.Env + " = '" + c.Key + "'   # prod") + "\n")),
        new("github-workflow-env", _ => None, c => F("/src/.github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n" + M("      " + c.Env + ": " + c.Key) + "\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet test\n")),
        new("github-workflow-with-input", _ => None, c => F("/src/.github/workflows/review.yaml", "on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: contoso/ai-review@v1\n        with:\n" + M("          api-key: \"" + c.Key + "\"") + "\n")),
        new("gitlab-ci-variables", _ => None, c => F("/src/.gitlab-ci.yml", "variables:\n" + M("  " + c.Env + ": \"" + c.Key + "\"") + "\ntest:\n  script: dotnet test\n")),
        new("azure-pipelines-variables", _ => None, c => F("/src/azure-pipelines.yml", "trigger: [main]\nvariables:\n  - name: " + c.Env + "\n" + M("    value: " + c.Key) + "\nsteps:\n  - script: dotnet test\n")),
        new("docker-compose-environment-list", _ => None, c => F("/src/docker-compose.yml", "services:\n  api:\n    image: contoso/api\n    environment:\n" + M("      - " + c.Env + "=" + c.Key) + "\n")),
        new("compose.override-environment-map", _ => None, c => F("/src/compose.override.yaml", "services:\n  api:\n    environment:\n" + M("      " + c.Env + ": \"" + c.Key + "\"") + "\n")),
        new("Dockerfile-env", _ => None, c => F("/src/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\n" + M("ENV " + c.Env + "=" + c.Key) + "\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")),
        new("Dockerfile-arg-default", _ => None, c => F("/src/src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" + M("ARG " + c.Env + "=" + c.Key) + "\nRUN dotnet publish -c Release\n")),
        new(".http-variable", _ => None, c => F(Sln + "App.http", "@host = https://localhost:5001\n" + M("@token = " + c.Key) + "\n\nGET {{host}}/chat\nAuthorization: Bearer {{token}}\n")),
        new(".http-inline-bearer", _ => None, c => F(Sln + "requests.http", "POST https://api.contoso.example/v1/chat\nContent-Type: application/json\n" + M("Authorization: Bearer " + c.Key) + "\n\n{ \"model\": \"m\" }\n")),
        new(".rest-header", _ => None, c => F(Sln + "calls.rest", "GET https://api.contoso.example/v1/models\n" + M("x-api-key: " + c.Key) + "\n")),
        new("http-client.env.json", _ => None, c => F(Sln + "http-client.env.json", "{\n  \"dev\": {\n    \"host\": \"https://localhost:5001\",\n" + M("    \"apiKey\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new("http-client.private.env.json", _ => None, c => F(Sln + "http-client.private.env.json", "{\n  \"local\": {\n" + M("    \"token\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new(".ipynb-python-environ", _ => None, c => F("/src/notebooks/explore.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"source\": [\n    \"import os\\n\",\n" + M("    \"os.environ[\\\"" + c.Env + "\\\"] = \\\"" + JsonEsc(c.Key) + "\\\"\\n\"") + "\n   ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n")),
        new(".ipynb-csharp-cell", _ => None, c => F("/src/notebooks/chat.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": { \"dotnet_interactive\": { \"language\": \"csharp\" } },\n   \"source\": [\n    \"#r \\\"nuget: Contoso.Ai\\\"\\n\",\n" + M("    \"var key = \\\"" + JsonEsc(c.Key) + "\\\";\\n\"") + "\n   ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n")),
        new(".dib-csharp", _ => None, c => F("/src/notebooks/try.dib", "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}\n\n#!csharp\n\n" + M("var client = new Client(\"" + c.Key + "\");") + "\n")),
        new(".csx-script", _ => None, c => F("/src/scripts/seed.csx", "#r \"nuget: Contoso.Ai, 1.0.0\"\nusing Contoso.Ai;\n" + M("var key = \"" + c.Key + "\";") + "\nConsole.WriteLine(key.Length);\n")),
        new(".razor-code-block", _ => None, c => F(Sln + "Pages/Chat.razor", "@page \"/chat\"\n<h3>Chat</h3>\n@code {\n" + M("    private const string ApiKey = \"" + c.Key + "\";") + "\n}\n")),
        new(".cshtml-code-block", _ => None, c => F(Sln + "Pages/Index.cshtml", "@page\n@{\n" + M("    var key = \"" + c.Key + "\";") + "\n}\n<p>@key.Length</p>\n")),
        new(".resx-data-value", _ => None, c => F(Sln + "Properties/Resources.resx", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n  <data name=\"ServiceKey\" xml:space=\"preserve\">\n" + M("    <value>" + c.Key + "</value>") + "\n  </data>\n</root>\n")),
        new(".runsettings-environment", _ => None, c => F("/src/tests/test.runsettings", "<RunSettings>\n  <RunConfiguration>\n    <EnvironmentVariables>\n" + M("      <" + c.Env + ">" + c.Key + "</" + c.Env + ">") + "\n    </EnvironmentVariables>\n  </RunConfiguration>\n</RunSettings>\n")),
        new("nuget.config-cleartext-password", _ => None, c => F("/src/nuget.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSourceCredentials>\n    <github>\n      <add key=\"Username\" value=\"ci\" />\n" + M("      <add key=\"ClearTextPassword\" value=\"" + c.Key + "\" />") + "\n    </github>\n  </packageSourceCredentials>\n</configuration>\n")),
        new(".npmrc-auth-token", _ => None, c => F("/src/ClientApp/.npmrc", "@contoso:registry=https://npm.pkg.github.com\n" + M("//npm.pkg.github.com/:_authToken=" + c.Key) + "\n")),
        new("Directory.Build.props-property", _ => None, c => F("/src/Directory.Build.props", "<Project>\n  <PropertyGroup>\n" + M("    <" + c.Pascal + "ApiKey>" + c.Key + "</" + c.Pascal + "ApiKey>") + "\n  </PropertyGroup>\n</Project>\n")),
        new("pubxml-property", _ => None, c => F(Sln + "Properties/PublishProfiles/Azure.pubxml", "<Project>\n  <PropertyGroup>\n    <WebPublishMethod>ZipDeploy</WebPublishMethod>\n" + M("    <DeployToken>" + c.Key + "</DeployToken>") + "\n  </PropertyGroup>\n</Project>\n")),
        new("App.config-appSettings", _ => None, c => F(Sln + "App.config", "<?xml version=\"1.0\"?>\n<configuration>\n  <appSettings>\n" + M("    <add key=\"" + c.Pascal + ".ApiKey\" value=\"" + c.Key + "\" />") + "\n  </appSettings>\n</configuration>\n")),
        new(".vscode-launch.json-env", _ => None, c => F("/src/.vscode/launch.json", "{\n  \"configurations\": [\n    {\n      \"name\": \"api\",\n      \"type\": \"coreclr\",\n      \"env\": {\n" + M("        \"" + c.Env + "\": \"" + JsonEsc(c.Key) + "\"") + "\n      }\n    }\n  ]\n}\n")),
        new(".vscode-mcp.json-env", _ => None, c => F("/src/.vscode/mcp.json", "{\n  \"servers\": {\n    \"ai\": {\n      \"command\": \"npx\",\n      \"env\": {\n" + M("        \"" + c.Env + "\": \"" + JsonEsc(c.Key) + "\"") + "\n      }\n    }\n  }\n}\n")),
        new(".mcp.json-args", _ => None, c => F("/src/.mcp.json", "{\n  \"mcpServers\": {\n    \"ai\": {\n      \"command\": \"npx\",\n" + M("      \"args\": [\"-y\", \"@contoso/mcp\", \"--api-key\", \"" + JsonEsc(c.Key) + "\"]") + "\n    }\n  }\n}\n")),
        new(".claude-settings.json-env", _ => None, c => F("/src/.claude/settings.json", "{\n  \"env\": {\n" + M("    \"" + c.Env + "\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new("devcontainer.json-containerEnv", _ => None, c => F("/src/.devcontainer/devcontainer.json", "{\n  \"name\": \"dev\",\n  \"image\": \"mcr.microsoft.com/devcontainers/dotnet:8.0\",\n  \"containerEnv\": {\n" + M("    \"" + c.Env + "\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new("k8s-secret-stringData", _ => None, c => F("/src/deploy/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ai\ntype: Opaque\nstringData:\n" + M("  " + c.Env + ": " + c.Key) + "\n")),
        new("yaml-folded-scalar", _ => None, c => F("/src/config/ai.yaml", "ai:\n  provider: " + c.Word + "\n  apiKey: >-\n" + M("    " + c.Key) + "\n")),
        new("terraform.tfvars", _ => None, c => F("/src/infra/terraform.tfvars", "location = \"westeurope\"\n" + M(ThirdKeys.Snake(c.Word) + "_api_key = \"" + c.Key + "\"") + "\n")),
        new("bicepparam", _ => None, c => F("/src/infra/main.bicepparam", "using './main.bicep'\n\nparam location = 'westeurope'\n" + M("param " + c.Word + "Key = '" + c.Key + "'") + "\n")),
        new("powershell-env", _ => None, c => F("/src/scripts/dev.ps1", "$ErrorActionPreference = 'Stop'\n" + M("$env:" + c.Env + " = \"" + c.Key + "\"") + "\ndotnet run\n")),
        new("shell-git-remote-url", _ => None, c => F("/src/scripts/clone.sh", "#!/bin/sh\nset -e\n" + M("git clone https://oauth2:" + c.Key + "@github.com/contoso/models.git") + "\n")),
        new("Makefile-export", _ => None, c => F("/src/Makefile", "export " + "LOG_LEVEL := debug\n" + M("export " + c.Env + " := " + c.Key) + "\n\nrun:\n\tdotnet run\n")),
        new("README.md-fenced", _ => None, c => F("/src/README.md", "# Contoso\n\nRun it:\n\n```bash\n" + M("export " + c.Env + "=" + c.Key) + "\ndotnet run\n```\n")),
        new("ini-tabs", _ => None, c => F("/src/config/app.ini", "[" + c.Word + "]\n" + M("api_key\t=\t" + c.Key) + "\n")),
        new("appsettings.json-json-unicode-escapes", _ => None, c => F(Sln + "appsettings.json", "{\n  \"" + c.Pascal + "\": {\n" + M("    \"ApiKey\": \"" + string.Concat(c.Key.Select((ch, i) => i % 6 == 2 ? "\\u00" + ((int)ch).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : JsonEsc(ch.ToString()))) + "\"") + "\n  }\n}\n")),
        new("appsettings.json-array-value", _ => None, c => F(Sln + "appsettings.json", "{\n  \"" + c.Pascal + "\": {\n    \"Keys\": [\n" + M("      \"" + JsonEsc(c.Key) + "\"") + "\n    ]\n  }\n}\n")),
        new("appsettings.json-url-query", _ => None, c => F(Sln + "appsettings.json", "{\n  \"Upstream\": {\n" + M("    \"Endpoint\": \"https://api.contoso.example/v1?key=" + JsonEsc(c.Key) + "&mode=fast\"") + "\n  }\n}\n")),
        new("App.config-xml-entity-escapes", _ => None, c => F(Sln + "App.config", "<?xml version=\"1.0\"?>\n<configuration>\n  <appSettings>\n" + M("    <add key=\"" + c.Pascal + ".ApiKey\" value=\"" + string.Concat(c.Key.Select((ch, i) => i % 5 == 1 ? "&#" + ((int)ch).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";" : ch.ToString())) + "\" />") + "\n  </appSettings>\n</configuration>\n")),
        new("yaml-double-quoted-escapes", _ => None, c => F("/src/config/settings.yml", "ai:\n" + M("  apiKey: \"" + string.Concat(c.Key.Select((ch, i) => i % 7 == 3 ? "\\x" + ((int)ch).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : ch.ToString())) + "\"") + "\n")),
        new("workflow-run-curl-header", _ => None, c => F("/src/.github/workflows/smoke.yml", "on: workflow_dispatch\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n" + M("          curl -s -H \"Authorization: Bearer " + c.Key + "\" https://api.contoso.example/v1/models") + "\n")),
        new("compose-command-args", _ => None, c => F("/src/docker-compose.yml", "services:\n  worker:\n    image: contoso/worker\n" + M("    command: [\"--api-key\", \"" + c.Key + "\", \"--verbose\"]") + "\n")),
        new("launchSettings.json-commandLineArgs", _ => None, c => F(Sln + "Properties/launchSettings.json", "{\n  \"profiles\": {\n    \"cli\": {\n      \"commandName\": \"Project\",\n" + M("      \"commandLineArgs\": \"--api-key " + JsonEsc(c.Key) + " --model large\"") + "\n    }\n  }\n}\n")),
        new(".ipynb-output-text", _ => None, c => F("/src/notebooks/debug.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"outputs\": [ { \"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\n" + M("     \"" + c.Env + "=" + JsonEsc(c.Key) + "\\n\"") + "\n   ] } ],\n   \"source\": [ \"!env | grep KEY\" ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n")),
        new("wwwroot-js", _ => None, c => F(Sln + "wwwroot/js/chat.js", "'use strict';\n" + M("const apiKey = '" + c.Key + "';") + "\nexport function headers() { return { Authorization: `Bearer ${apiKey}` }; }\n")),
        new("csproj.user-environment", _ => None, c => F(Sln + "Contoso.App.csproj.user", "<Project>\n  <PropertyGroup>\n" + M("    <EnvironmentVariables>" + c.Env + "=" + c.Key + "</EnvironmentVariables>") + "\n  </PropertyGroup>\n</Project>\n")),
        new("cmd-set", _ => None, c => F("/src/scripts/dev.cmd", "@echo off\n" + M("set " + c.Env + "=" + c.Key) + "\ndotnet run\n")),
        new(".vscode-settings.json-extension", _ => None, c => F("/src/.vscode/settings.json", "{\n  \"editor.formatOnSave\": true,\n" + M("  \"" + c.Word + ".apiKey\": \"" + JsonEsc(c.Key) + "\"") + "\n}\n")),
        new(".cursor-mcp.json-headers", _ => None, c => F("/src/.cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"remote\": {\n      \"url\": \"https://mcp.contoso.example/sse\",\n      \"headers\": {\n" + M("        \"Authorization\": \"Bearer " + JsonEsc(c.Key) + "\"") + "\n      }\n    }\n  }\n}\n")),
        new("terraform-variable-default", _ => None, c => F("/src/infra/variables.tf", "variable \"" + ThirdKeys.Snake(c.Word) + "_api_key\" {\n  type      = string\n  sensitive = true\n" + M("  default   = \"" + c.Key + "\"") + "\n}\n")),
        new("appsettings-provider-array-sibling", _ => None, c => F(Sln + "appsettings.json", "{\n  \"Providers\": [\n    {\n      \"Name\": \"" + c.Word + "\",\n" + M("      \"Key\": \"" + JsonEsc(c.Key) + "\"") + "\n    }\n  ]\n}\n")),
        new(".env-lowercase-name", _ => None, c => F("/src/.env", M(c.Env.ToLowerInvariant() + "=" + c.Key) + "\n")),
        new(".env-aspnet-double-underscore", _ => None, c => F("/src/.env", M(c.Pascal + "__ApiKey=" + c.Key) + "\n")),
        new("compose-aspnet-double-underscore", _ => None, c => F("/src/docker-compose.yml", "services:\n  api:\n    environment:\n" + M("      " + c.Pascal + "__ApiKey: \"" + c.Key + "\"") + "\n")),
        new("appsettings.json-deep-nesting", _ => None, c => F(Sln + "appsettings.json", "{\n  \"AI\": {\n    \"Providers\": {\n      \"" + c.Pascal + "\": {\n        \"Options\": {\n" + M("          \"ApiKey\": \"" + JsonEsc(c.Key) + "\"") + "\n        }\n      }\n    }\n  }\n}\n")),
        new("k8s-deployment-env-name-value", _ => None, c => F("/src/deploy/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: " + c.Env + "\n" + M("              value: \"" + c.Key + "\"") + "\n")),
        new("k8s-env-value-before-name", _ => None, c => F("/src/deploy/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n" + M("            - value: \"" + c.Key + "\"") + "\n              name: " + c.Env + "\n            - name: LOG_LEVEL\n              value: info\n")),
        new("bicep-for-loop-then-provider-block", _ => None, c => F("/src/infra/app.bicep", "param locations array\n\nvar providers = {\n  " + c.Word.ToLowerInvariant() + ": {\n    regions: [for r in locations: {\n      name: r\n      enabled: true\n    }]\n" + M("    apiKey: '" + c.Key + "'") + "\n  }\n}\n")),
        new("bicep-appsettings-name-value", _ => None, c => F("/src/infra/app.bicep", "resource site 'Microsoft.Web/sites@2023-01-01' = {\n  name: 'contoso'\n  properties: {\n    siteConfig: {\n      appSettings: [\n        {\n          name: '" + c.Env + "'\n" + M("          value: '" + c.Key + "'") + "\n        }\n      ]\n    }\n  }\n}\n")),
        new("arm-parameters.json", _ => None, c => F("/src/infra/azuredeploy.parameters.json", "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"parameters\": {\n    \"" + c.Word + "ApiKey\": {\n" + M("      \"value\": \"" + JsonEsc(c.Key) + "\"") + "\n    }\n  }\n}\n")),
        new("tests-appsettings.Test.json", _ => None, c => F("/src/tests/Contoso.App.Tests/appsettings.Test.json", "{\n  \"" + c.Pascal + "\": {\n" + M("    \"ApiKey\": \"" + JsonEsc(c.Key) + "\"") + "\n  }\n}\n")),
        new("samples-.env", _ => None, c => F("/src/samples/Quickstart/.env", M(c.Env + "=" + c.Key) + "\n")),

        // Issue 12 route #14: a key cut in two sibling values that code joins (config["X:KeyHead"] + config["X:KeyTail"],
        // GetString("ApiKeyPart1") + GetString("ApiKeyPart2")). Found means reported at the first part's line.
        new("appsettings-split-key-head-tail", _ => None, c =>
        {
            string[] p = c.Pieces(2);
            return F(Sln + "appsettings.json", "{\n  \"" + c.Pascal + "\": {\n    \"Model\": \"large\",\n" + M("    \"KeyHead\": \"" + JsonEsc(p[0]) + "\",") + "\n    \"KeyTail\": \"" + JsonEsc(p[1]) + "\"\n  }\n}\n");
        }),
        new(".resx-split-key-parts", _ => None, c =>
        {
            string[] p = c.Pieces(2);
            return F(Sln + "Properties/Secrets.resx", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n  <data name=\"ApiKeyPart1\" xml:space=\"preserve\">\n" + M("    <value>" + p[0] + "</value>") + "\n  </data>\n  <data name=\"ApiKeyPart2\" xml:space=\"preserve\">\n    <value>" + p[1] + "</value>\n  </data>\n</root>\n");
        }),
        new(".env-split-two-lines", _ => None, c =>
        {
            string[] p = c.Pieces(2);
            return F("/src/.env", "LOG_LEVEL=debug\n" + M(c.Env + "_PART1=" + p[0]) + "\n" + c.Env + "_PART2=" + p[1] + "\n");
        }),
    ];

    /// <summary>File kinds where a gated key sits under its provider's own name.</summary>
    public static readonly string[] GatedFileKinds =
    [
        "appsettings.json-section", "appsettings.Development.json-jsonc", "user-secrets-secrets.json", "launchSettings.json", "local.settings.json-functions",
        ".env-plain", ".env.local-export-double-quoted", "github-workflow-env", "gitlab-ci-variables", "docker-compose-environment-list",
        "compose.override-environment-map", "Dockerfile-env", ".ipynb-python-environ", ".runsettings-environment", ".vscode-launch.json-env",
        ".claude-settings.json-env", "devcontainer.json-containerEnv", "k8s-secret-stringData", "terraform.tfvars", "powershell-env", "bicepparam", "ini-tabs",
        "csproj.user-environment", "cmd-set", ".vscode-settings.json-extension", "terraform-variable-default", "appsettings-provider-array-sibling", ".ipynb-output-text", "azure-pipelines-variables",
        ".env-lowercase-name", ".env-aspnet-double-underscore", "compose-aspnet-double-underscore", "appsettings.json-deep-nesting", "k8s-deployment-env-name-value",
        "bicep-appsettings-name-value", "arm-parameters.json", "tests-appsettings.Test.json", "samples-.env",
        "k8s-env-value-before-name", "bicep-for-loop-then-provider-block",
    ];
}
