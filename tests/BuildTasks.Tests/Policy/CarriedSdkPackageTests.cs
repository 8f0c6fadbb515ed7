using System.Reflection;
using System.Reflection.Emit;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>
/// Adversary round 10 route 2 (a catalog SDK republished under another package id and assembly name) and route 1b (a
/// PackageDownload of a catalog SDK): the package gate judges what a package's compile-time assembly declares, and every
/// download, with the one evaluator.
/// </summary>
public class CarriedSdkPackageTests
{
    private const string ApprovesOpenAi = "{ \"id\": \"Microsoft.Extensions.AI*\" }, { \"id\": \"OpenAI\" }";

    /// <summary>An assembly named <paramref name="assemblyName"/> declaring the given public types (System.Reflection.Emit, saved to disk).</summary>
    private static void WriteAssembly(string path, string assemblyName, params string[] publicTypes)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName), typeof(object).Assembly);
        ModuleBuilder module = assembly.DefineDynamicModule(assemblyName);
        foreach (string type in publicTypes)
        {
            module.DefineType(type, TypeAttributes.Public | TypeAttributes.Class).CreateType();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        assembly.Save(path);
    }

    /// <summary>A restore of one direct package whose compile asset is <c>lib/net10.0/{assembly}.dll</c> in <paramref name="packages"/>.</summary>
    private static string AssetsWith(string packages, string id, string assembly) => $$"""
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "{{id}}/1.0.0": {
                "type": "package",
                "dependencies": { },
                "compile": { "lib/net10.0/{{assembly}}.dll": { } },
                "runtime": { "lib/net10.0/{{assembly}}.dll": { } }
              }
            }
          },
          "libraries": {
            "{{id}}/1.0.0": { "sha512": "{{Guid.NewGuid():N}}", "type": "package", "path": "{{id.ToLowerInvariant()}}/1.0.0", "files": [ "lib/net10.0/{{assembly}}.dll" ] }
          },
          "packageFolders": { "{{packages.Replace("\\", "\\\\")}}/": { } },
          "project": { "frameworks": { "net10.0": { "targetAlias": "net10.0", "dependencies": { "{{id}}": { "target": "Package", "version": "[1.0.0, )" } } } } }
        }
        """;

    private static string Package(TempDir packages, string id, string assembly, params string[] types)
    {
        WriteAssembly(Path.Combine(packages.Path, id.ToLowerInvariant(), "1.0.0", "lib", "net10.0", assembly + ".dll"), assembly, types);
        return AssetsWith(packages.Path, id, assembly);
    }

    [Fact]
    public void A_package_whose_assembly_declares_the_openai_client_under_another_name_is_grd201_even_when_openai_is_approved()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Acme.Http", "Acme.Http", "OpenAI.OpenAIClient", "OpenAI.Chat.ChatClient");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", ApprovesOpenAi), assets: assets);

        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Acme.Http", f.Subject);
        Assert.Contains("Package 'Acme.Http' 1.0.0 (it carries the OpenAI .NET SDK, provider OpenAI, under another package id and assembly name: assembly Acme.Http declares OpenAI.OpenAIClient; an approval of 'OpenAI' does not cover it)", f.Message);
        Assert.Contains("add { \"id\": \"Acme.Http\" } to packages.approved", f.Message);

        // The audit record lists the package with the SDK it carries.
        var use = Assert.Single(run.Result.AiPackages, p => p.Id == "Acme.Http");
        Assert.Contains("OpenAI .NET SDK", use.Description);
    }

    /// <summary>
    /// Session 15: the client types of the other catalog SDKs the mirror serves, read from the real packages, are signature
    /// types too: OllamaSharp, Betalgo, Anthropic's cloud clients, the Agent Framework, LLamaSharp, the MCP SDK and ONNX
    /// Runtime GenAI republished under another name are each GRD201 as the SDK they carry.
    /// </summary>
    [Theory]
    [InlineData("OllamaSharp.OllamaApiClient", "OllamaSharp")]
    [InlineData("Betalgo.Ranul.OpenAI.Managers.OpenAIService", "Betalgo OpenAI")]
    [InlineData("Anthropic.Vertex.AnthropicVertexClient", "Anthropic on Google Vertex AI")]
    [InlineData("Anthropic.Aws.AnthropicAwsClient", "Anthropic on AWS")]
    [InlineData("Microsoft.Agents.AI.ChatClientAgent", "Microsoft Agent Framework")]
    [InlineData("LLama.LLamaWeights", "LLamaSharp")]
    [InlineData("ModelContextProtocol.Client.McpClient", "Model Context Protocol C# SDK")]
    [InlineData("Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient", "ONNX Runtime GenAI")]
    public void A_package_declaring_another_served_sdks_client_type_under_another_name_carries_that_sdk(string clientType, string sdkName)
    {
        using var packages = new TempDir();
        var run = Check(assets: Package(packages, "Acme.Inference", "Acme.Inference", clientType));

        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Acme.Inference", f.Subject);
        Assert.Contains("it carries the " + sdkName + ",", f.Message);
        Assert.Contains("assembly Acme.Inference declares " + clientType, f.Message);
    }

    [Fact]
    public void The_same_package_with_the_assembly_under_the_sdks_own_name_is_judged_too()
    {
        using var packages = new TempDir();
        var run = Check(assets: Package(packages, "Acme.Net.Client", "OpenAI", "OpenAI.Chat.ChatClient"));
        var f = Assert.Single(run.Of("GRD201"));
        Assert.Contains("assembly OpenAI declares OpenAI.Chat.ChatClient", f.Message);
    }

    [Fact]
    public void A_policy_that_approves_the_carrier_by_its_own_id_and_the_sdk_it_carries_passes_and_the_record_says_what_it_carries()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Acme.Http", "Acme.Http", "OpenAI.Chat.ChatClient");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", ApprovesOpenAi + ", { \"id\": \"Acme.Http\" }"), assets: assets);
        Assert.Empty(run.Of("GRD201"));
        var use = Assert.Single(run.Result.AiPackages, p => p.Id == "Acme.Http");
        Assert.Contains("OpenAI .NET SDK", use.Description);
    }

    [Fact]
    public void A_package_with_its_own_types_in_an_openai_namespace_carries_no_sdk()
    {
        using var packages = new TempDir();
        var run = Check(assets: Package(packages, "Acme.OpenAI.Helpers", "Acme.OpenAI.Helpers", "OpenAI.Helpers.PromptTemplate", "OpenAI.Chat.ChatTranscript", "ChatClient"));
        Assert.Empty(run.Of("GRD201"));
        Assert.DoesNotContain(run.Result.AiPackages, p => p.Id == "Acme.OpenAI.Helpers");
    }

    [Fact]
    public void A_package_download_of_a_catalog_sdk_is_grd201_like_a_package_reference()
    {
        const string assets = """
            {
              "version": 3,
              "targets": { "net10.0": { } },
              "libraries": { },
              "project": { "frameworks": { "net10.0": { "targetAlias": "net10.0", "dependencies": { },
                "downloadDependencies": [ { "name": "OpenAI", "version": "[2.15.0, 2.15.0]" }, { "name": "Microsoft.AspNetCore.App.Ref", "version": "[10.0.0, 10.0.0]" } ] } } }
            }
            """;
        var run = Check(assets: assets);
        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("OpenAI", f.Subject);
        Assert.Contains("Package 'OpenAI' 2.15.0", f.Message);
        Assert.Contains("downloaded by a PackageDownload", f.Message);
        Assert.Single(run.Result.AiPackages, p => p.Id == "OpenAI");
    }

    // Adversary round 12 route 1: an APPROVED id whose assembly declares another catalog SDK's signature types.

    [Fact]
    public void An_approved_id_whose_assembly_declares_the_openai_client_is_grd201_naming_openai_when_openai_is_not_approved()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Acme.Http", "Acme.Http", "OpenAI.Chat.ChatClient");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", "{ \"id\": \"Microsoft.Extensions.AI*\" }, { \"id\": \"Acme.Http\" }"), assets: assets);
        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Acme.Http", f.Subject);
        Assert.Contains("not the OpenAI .NET SDK its assembly declares", f.Message);
        Assert.Contains("assembly Acme.Http declares OpenAI.Chat.ChatClient", f.Message);
        Assert.Contains("add { \"id\": \"OpenAI\" } to packages.approved, or name 'Acme.Http' in a route's packages", f.Message);
    }

    [Fact]
    public void The_policys_own_gateway_sdk_id_whose_assembly_is_openais_is_grd201_and_the_record_names_openai()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Contoso.AiGateway", "Contoso.AiGateway", "OpenAI.OpenAIClient", "OpenAI.Chat.ChatClient");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", "{ \"id\": \"Microsoft.Extensions.AI*\" }, { \"id\": \"Contoso.AiGateway\" }"), assets: assets);
        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Contoso.AiGateway", f.Subject);
        Assert.Contains("AI SDK 'contoso-gateway' defined by the policy", f.Message);
        Assert.Contains("assembly Contoso.AiGateway declares OpenAI.OpenAIClient", f.Message);
        var use = Assert.Single(run.Result.AiPackages, p => p.Id == "Contoso.AiGateway");
        Assert.Contains("OpenAI .NET SDK", use.Description);
    }

    [Fact]
    public void An_approved_catalog_sdk_id_whose_assembly_declares_another_sdks_client_is_grd201()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Azure.AI.OpenAI", "Azure.AI.OpenAI", "OpenAI.Chat.ChatClient");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", "{ \"id\": \"Microsoft.Extensions.AI*\" }, { \"id\": \"Azure.AI.OpenAI\" }"), assets: assets);
        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Azure.AI.OpenAI", f.Subject);
        Assert.Contains("assembly Azure.AI.OpenAI declares OpenAI.Chat.ChatClient", f.Message);
    }

    [Fact]
    public void The_sdks_own_package_declaring_its_own_client_stays_approved()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Azure.AI.OpenAI", "Azure.AI.OpenAI", "Azure.AI.OpenAI.AzureOpenAIClient");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", "{ \"id\": \"Microsoft.Extensions.AI*\" }, { \"id\": \"Azure.AI.OpenAI\" }"), assets: assets);
        Assert.Empty(run.Of("GRD201"));
        var use = Assert.Single(run.Result.AiPackages, p => p.Id == "Azure.AI.OpenAI");
        Assert.DoesNotContain("OpenAI .NET SDK", use.Description);
    }

    [Fact]
    public void A_route_that_names_the_carrier_approves_it_without_approving_the_carried_sdk()
    {
        using var packages = new TempDir();
        string assets = Package(packages, "Acme.Http", "Acme.Http", "OpenAI.Chat.ChatClient");
        var run = Check(policy: BasePolicy.Edit("\"endpoints\": {", "\"routes\": [ { \"id\": \"acme-http\", \"description\": \"OpenAI through Acme.Http\", \"packages\": [\"Acme.Http\"], \"endpoints\": [\"api.openai.com\"] } ],\n  \"endpoints\": {"), assets: assets);
        Assert.Empty(run.Of("GRD201"));
    }
}
