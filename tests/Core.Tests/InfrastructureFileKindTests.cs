using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Issue 16, file kinds the third corpus missed: a key with no fixed format is found where the file's own syntax names
/// it. Written from each format's specification: the Dockerfile reference (ENV in both forms, ARG, instructions in any
/// case, line continuation), HCL/Terraform (assignments, <c>variable</c> blocks and their <c>default</c>), Bicep
/// (<c>param</c> with and without a type, objects with <c>name</c>/<c>value</c> fields), MSBuild
/// <c>EnvironmentVariables</c>, Kubernetes <c>env</c> and Azure Pipelines <c>variables</c> name/value lists, ARM
/// name/value objects, and HTTP request files (RFC 9110 header fields under a request line).
/// </summary>
public class InfrastructureFileKindTests
{
    // 32 letters and digits: only its name says a Mistral key.
    private static readonly string Key = FakeKeys.Mistral("MistralFakeKeyForInfraFileTests7");

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    private static string Fill(string format) => format.Replace("{0}", Key, StringComparison.Ordinal);

    private static void AssertMistralAtKey(string path, string text)
    {
        SecretMatch match = Assert.Single(Scan(path, text));
        Assert.Equal("mistral", match.Format.Id);
        Assert.Equal(text.IndexOf(Key, StringComparison.Ordinal), match.Start);
        Assert.Equal(Key.Length, match.Length);
    }

    public static TheoryData<string, string> Dockerfiles() => new()
    {
        { "Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV MISTRAL_API_KEY={0}\n" },
        { "Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV MISTRAL_API_KEY {0}\n" }, // the older form: the rest of the line
        { "Dockerfile.prod", "FROM base\nENV LOG_LEVEL=info MISTRAL_API_KEY=\"{0}\" MODEL=large\n" },
        { "Containerfile", "FROM base\nenv mistral_api_key='{0}'\n" }, // instructions are not case-sensitive
        { "api.dockerfile", "FROM base AS build\nARG MISTRAL_API_KEY={0}\nRUN dotnet publish\n" },
        { "src/Api/Dockerfile", "FROM base\nENV LOG_LEVEL=info \\\n    MISTRAL_API_KEY={0} \\\n    MODEL=large\n" }, // continued lines
    };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_env_and_arg_values_are_named_by_their_variable(string path, string format)
    {
        Assert.Equal(TextFileKind.Dockerfile, TextFileSecrets.KindOf(path, "FROM base\n"));
        AssertMistralAtKey(path, Fill(format));
    }

    [Theory]
    [InlineData("FROM base\nARG MISTRAL_API_KEY\nENV MISTRAL_API_KEY=${MISTRAL_API_KEY}\n")]
    [InlineData("FROM base\nENV MISTRAL_API_KEY=$MISTRAL_API_KEY MODEL=MistralLargeLatestInstruct\n")]
    [InlineData("FROM base\n# ENV MISTRAL_API_KEY=your-mistral-api-key-goes-here\nENV ENVIRONMENT=Production\n")]
    public void Dockerfile_references_and_placeholders_stay_silent(string text)
    {
        Assert.Empty(Scan("Dockerfile", text));
    }

    public static TheoryData<string, string> Blocks() => new()
    {
        { "terraform.tfvars", "location = \"westeurope\"\nmistral_api_key = \"{0}\"\n" },
        { "variables.tf", "variable \"mistral_api_key\" {\n  type      = string\n  sensitive = true\n  default   = \"{0}\"\n}\n" },
        { "main.tf", "locals {\n  mistral_key = \"{0}\" # TODO move to Key Vault\n}\n" },
        { "main.tf", "resource \"azurerm_linux_web_app\" \"api\" {\n  name = \"contoso-api\"\n  app_settings = {\n    \"MISTRAL_API_KEY\" = \"{0}\"\n  }\n}\n" },
        { "main.bicepparam", "using './main.bicep'\n\nparam location = 'westeurope'\nparam mistralKey = '{0}'\n" },
        { "main.bicep", "@description('The key')\nparam mistralApiKey string = '{0}'\n" },
        { "app.bicep", "resource site 'Microsoft.Web/sites@2023-01-01' = {\n  name: 'contoso'\n  properties: {\n    siteConfig: {\n      appSettings: [\n        {\n          name: 'MISTRAL_API_KEY'\n          value: '{0}'\n        }\n      ]\n    }\n  }\n}\n" },
        { "app.bicep", "var settings = [\n  {\n    value: '{0}'\n    name: 'MISTRAL_API_KEY'\n  }\n]\n" }, // value before name
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Terraform_and_Bicep_values_are_named_by_their_blocks_and_name_fields(string path, string format)
    {
        Assert.Equal(TextFileKind.Blocks, TextFileSecrets.KindOf(path, "x = 1\n"));
        AssertMistralAtKey(path, Fill(format));
    }

    [Fact]
    public void A_name_field_names_only_its_own_object()
    {
        // The second object has no name: its value is a key-named generic secret at most, never Mistral's.
        string text = "var settings = [\n  {\n    name: 'MISTRAL_API_KEY'\n    value: 'mistral-large-latest'\n  }\n  {\n    secret: '" + Key + "'\n  }\n]\n";
        Assert.DoesNotContain(Scan("app.bicep", text), m => m.Format.Id == "mistral");
    }

    [Theory]
    [InlineData("variable \"mistral_api_key\" {\n  type = string\n  default = var.fallback\n}\nprovider \"x\" {\n  api_key = \"${var.mistral_api_key}\"\n}\n")]
    [InlineData("@secure()\nparam mistralApiKey string\n\nvar openAiKey = kv.getSecret('openai-api-key')\n")]
    [InlineData("mistral_api_key = \"your-mistral-api-key-here\"\n")]
    public void Terraform_and_Bicep_references_stay_silent(string text)
    {
        Assert.Empty(Scan("main.tf", text));
        Assert.Empty(Scan("main.bicep", text));
    }

    [Fact]
    public void Environment_variables_in_a_project_user_file_are_named_by_their_variable()
    {
        string text = "<Project>\n  <PropertyGroup>\n    <EnvironmentVariables>ASPNETCORE_ENVIRONMENT=Development;MISTRAL_API_KEY=" + Key + "</EnvironmentVariables>\n  </PropertyGroup>\n</Project>\n";
        AssertMistralAtKey("Contoso.App.csproj.user", text);
    }

    public static TheoryData<string, string> NameValueLists() => new()
    {
        { "deploy/deployment.yaml", "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: LOG_LEVEL\n              value: info\n            - name: MISTRAL_API_KEY\n              value: \"{0}\"\n" },
        { "azure-pipelines.yml", "trigger: [main]\nvariables:\n  - name: MISTRAL_API_KEY\n    value: {0}\nsteps:\n  - script: dotnet test\n" },
        { "values.yaml", "api:\n  env:\n    - name: MISTRAL_API_KEY\n      value: '{0}'\n" },
        { "azuredeploy.json", "{ \"resources\": [ { \"properties\": { \"siteConfig\": { \"appSettings\": [ { \"name\": \"MISTRAL_API_KEY\", \"value\": \"{0}\" } ] } } } ] }" },
        { "appsettings.json", "{\n  \"Providers\": [\n    {\n      \"Name\": \"mistral\",\n      \"Key\": \"{0}\"\n    }\n  ]\n}\n" },
    };

    [Theory]
    [MemberData(nameof(NameValueLists))]
    public void A_name_value_pair_names_the_value(string path, string format)
    {
        AssertMistralAtKey(path, Fill(format));
    }

    // YAML mappings are unordered (YAML 1.2 §3.2.1.1): "value:" may come before "name:" in the same list item.
    public static TheoryData<string, string> ValueBeforeName() => new()
    {
        { "deploy/deployment.yaml", "spec:\n  containers:\n    - name: api\n      env:\n        - value: \"{0}\"\n          name: MISTRAL_API_KEY\n        - name: LOG_LEVEL\n          value: info\n" },
        { "azure-pipelines.yml", "variables:\n  - value: {0}\n    readonly: true\n    name: MISTRAL_API_KEY\nsteps:\n  - script: dotnet test\n" },
    };

    [Theory]
    [MemberData(nameof(ValueBeforeName))]
    public void A_value_written_before_its_name_is_named_by_it(string path, string format)
    {
        AssertMistralAtKey(path, Fill(format));
    }

    [Fact]
    public void A_value_before_a_name_does_not_take_the_next_items_name()
    {
        // The first item has no name; the second item's name is not the first item's.
        string text = "env:\n  - value: " + Key + "\n  - name: MISTRAL_API_KEY\n    value: info\n";
        Assert.DoesNotContain(Scan("deployment.yaml", text), m => m.Format.Id == "mistral");
    }

    // Bicep loops (learn.microsoft.com, "Iterative loops in Bicep"): [for item in list: { … }] opens the array and the
    // item's object on one line and closes both with }].
    [Fact]
    public void A_bicep_for_loop_does_not_shift_the_blocks_after_it()
    {
        string text = "resource app 'Microsoft.Web/sites@2022-09-01' = {\n  properties: {\n    mistral: {\n      deployments: [for d in names: {\n        name: d\n      }]\n      key: '" + Key + "'\n    }\n  }\n}\n";
        AssertMistralAtKey("main.bicep", text);
    }

    [Fact]
    public void A_bicep_resource_for_loop_keeps_its_name_value_pairs()
    {
        string text = "resource apps 'Microsoft.Web/sites@2022-09-01' = [for i in range(0, 2): {\n  properties: {\n    siteConfig: {\n      appSettings: [\n        {\n          name: 'MISTRAL_API_KEY'\n          value: '" + Key + "'\n        }\n      ]\n    }\n  }\n}]\n";
        AssertMistralAtKey("main.bicep", text);
    }

    [Fact]
    public void A_list_items_name_does_not_carry_over_to_the_next_item_or_a_nested_mapping()
    {
        string text = "env:\n  - name: MISTRAL_API_KEY\n    valueFrom:\n      secretKeyRef:\n        name: ai-keys\n        key: mistral-api-key\n  - name: CACHE_PARTITION\n    value: " + Key + "\n";
        Assert.DoesNotContain(Scan("deployment.yaml", text), m => m.Format.Id == "mistral");
    }

    [Fact]
    public void A_provider_field_still_wins_over_a_name_field()
    {
        string text = "{ \"Backends\": [ { \"name\": \"primary\", \"provider\": \"mistral\", \"apiKey\": \"" + Key + "\" } ] }";
        AssertMistralAtKey("appsettings.json", text);
    }

    [Fact]
    public void A_bearer_token_in_an_http_request_header_is_a_possible_secret()
    {
        string token = FakeKeys.Body(40, "J2gTyobmNotRealBearer4Tests9x");
        string text = "GET https://billing.contoso.example/v2/invoices\nAuthorization: Bearer " + token + "\n";
        SecretMatch match = Assert.Single(Scan("App.http", text));
        Assert.True(match.Format.IsGeneric);
        Assert.Equal(text.IndexOf(token, StringComparison.Ordinal), match.Start);
        Assert.Equal(token.Length, match.Length);
    }

    [Fact]
    public void An_api_key_header_is_named_by_the_requests_host()
    {
        string text = "### models\nGET https://api.mistral.ai/v1/models HTTP/1.1\nAccept: application/json\nx-api-key: " + Key + "\n\n###\nPOST https://api.contoso.example/v1/chat\nContent-Type: application/json\n\n{ \"model\": \"m\" }\n";
        AssertMistralAtKey("calls.rest", text);
    }

    [Theory]
    [InlineData("GET https://api.openai.com/v1/models\nAuthorization: Bearer {{$dotenv OPENAI_API_KEY}}\n\n###\nGET https://api.anthropic.com/v1/models\nx-api-key: {{anthropicKey}}\n")]
    [InlineData("POST https://api.contoso.example/v1/chat\nContent-Type: application/json\nIf-None-Match: W/\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"\n\n{\n  \"x-api-key\": \"not a header in the body\"\n}\n")]
    [InlineData("GET https://api.contoso.example/v1/items\nX-Request-Id: 3f1c2a9e-7b4d-4e1a-9c2f-5d8e6b7a1c40\nAccept-Language: en-US\n")]
    public void Request_files_with_references_ids_and_bodies_stay_silent(string text)
    {
        Assert.Empty(Scan("App.http", text));
    }

    [Fact]
    public void A_marker_key_in_an_http_header_is_the_providers_key()
    {
        string key = FakeKeys.OpenAiProject();
        SecretMatch match = Assert.Single(Scan("App.http", "GET https://api.contoso.example/v1/models\napi-key: " + key + "\n"));
        Assert.False(match.Format.IsGeneric);
        Assert.Equal("OpenAI", match.Format.Provider);
    }
}
