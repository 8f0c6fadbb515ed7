using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>
/// Adversary round 12 route 3: an AI SDK shipped inside a package's build folders (a source generator with OpenAI.dll
/// beside it in <c>analyzers/</c>, an MSBuild task compiled against OpenAI in <c>build/</c>) runs in the compiler or in
/// MSBuild although nothing compiles against it; the package gate judges it as a carrier of that SDK.
/// </summary>
public class BuildFolderSdkTests
{
    private const string ApprovesOpenAi = "{ \"id\": \"Microsoft.Extensions.AI*\" }, { \"id\": \"OpenAI\" }";

    /// <summary>An assembly named <paramref name="assemblyName"/> declaring public types, one of them deriving from <paramref name="baseType"/> when given.</summary>
    private static void WriteAssembly(string path, string assemblyName, Type? baseType, params string[] publicTypes)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName), typeof(object).Assembly);
        ModuleBuilder module = assembly.DefineDynamicModule(assemblyName);
        foreach (string type in publicTypes)
        {
            module.DefineType(type, TypeAttributes.Public | TypeAttributes.Class, baseType).CreateType();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        assembly.Save(path);
    }

    /// <summary>A restore of one direct package <paramref name="id"/> with no compile assets whose files are <paramref name="files"/>.</summary>
    private static string AssetsWith(string packages, string id, params string[] files) => $$"""
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "{{id}}/1.0.0": { "type": "package", "dependencies": { } }
            }
          },
          "libraries": {
            "{{id}}/1.0.0": { "sha512": "{{Guid.NewGuid():N}}", "type": "package", "path": "{{id.ToLowerInvariant()}}/1.0.0",
              "files": [ {{string.Join(", ", files.Select(f => "\"" + f + "\""))}} ] }
          },
          "packageFolders": { "{{packages.Replace("\\", "\\\\")}}/": { } },
          "project": { "frameworks": { "net10.0": { "targetAlias": "net10.0", "dependencies": { "{{id}}": { "target": "Package", "version": "[1.0.0, )" } } } } }
        }
        """;

    private static string FileOf(TempDir packages, string id, string file) =>
        Path.Combine(packages.Path, id.ToLowerInvariant(), "1.0.0", file.Replace('/', Path.DirectorySeparatorChar));

    [Theory]
    [InlineData("analyzers/dotnet/cs/OpenAI.dll")]
    [InlineData("build/OpenAI.dll")]
    [InlineData("buildTransitive/net8.0/OpenAI.dll")]
    [InlineData("buildMultiTargeting/OpenAI.dll")]
    [InlineData("tasks/net8.0/OpenAI.dll")]
    [InlineData("tools/net8.0/any/OpenAI.dll")]
    public void The_openai_assembly_in_a_build_folder_of_a_package_is_grd201_naming_the_path_even_when_openai_is_approved(string file)
    {
        using var packages = new TempDir();
        WriteAssembly(FileOf(packages, "Acme.Codegen", file), "OpenAI", null, "OpenAI.Helpers.Nothing");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", ApprovesOpenAi), assets: AssetsWith(packages.Path, "Acme.Codegen", file, "readme.md"));

        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Acme.Codegen", f.Subject);
        Assert.Contains("Package 'Acme.Codegen' 1.0.0 (it carries the OpenAI .NET SDK, provider OpenAI", f.Message);
        Assert.Contains(file + " is the SDK's assembly OpenAI (it runs in the build", f.Message);
        Assert.Contains("add { \"id\": \"Acme.Codegen\" } to packages.approved", f.Message);

        // The audit record lists the package with the SDK it carries and where it was found.
        var use = Assert.Single(run.Result.AiPackages, p => p.Id == "Acme.Codegen");
        Assert.Contains("OpenAI .NET SDK", use.Description);
        Assert.Contains(file, use.Description);
    }

    [Fact]
    public void A_generator_that_references_the_openai_assembly_is_grd201_without_openai_dll_in_the_package()
    {
        using var packages = new TempDir();
        using var stub = new TempDir();
        string openAi = Path.Combine(stub.Path, "OpenAI.dll");
        WriteAssembly(openAi, "OpenAI", null, "OpenAI.Chat.ChatClient");
        var context = new AssemblyLoadContext("openai-stub", isCollectible: true);
        try
        {
            Type client = context.LoadFromAssemblyPath(openAi).GetType("OpenAI.Chat.ChatClient")!;
            WriteAssembly(FileOf(packages, "Acme.BuildTasks", "build/Acme.BuildTasks.dll"), "Acme.BuildTasks", client, "Acme.BuildTasks.AiReview");
        }
        finally
        {
            context.Unload();
        }

        var run = Check(assets: AssetsWith(packages.Path, "Acme.BuildTasks", "build/Acme.BuildTasks.dll", "build/Acme.BuildTasks.targets"));

        var f = Assert.Single(run.Of("GRD201"));
        Assert.Equal("Acme.BuildTasks", f.Subject);
        Assert.Contains("build/Acme.BuildTasks.dll references the SDK's assembly OpenAI", f.Message);
    }

    [Fact]
    public void A_renamed_sdk_copy_in_the_analyzers_folder_is_grd201_by_its_signature_types()
    {
        using var packages = new TempDir();
        WriteAssembly(FileOf(packages, "Acme.Codegen", "analyzers/dotnet/cs/Acme.Net.dll"), "Acme.Net", null, "OpenAI.OpenAIClient");
        var run = Check(assets: AssetsWith(packages.Path, "Acme.Codegen", "analyzers/dotnet/cs/Acme.Net.dll"));

        var f = Assert.Single(run.Of("GRD201"));
        Assert.Contains("analyzers/dotnet/cs/Acme.Net.dll declares OpenAI.OpenAIClient", f.Message);
    }

    [Fact]
    public void A_policy_that_approves_the_package_and_the_sdk_it_carries_passes()
    {
        using var packages = new TempDir();
        WriteAssembly(FileOf(packages, "Acme.Codegen", "analyzers/dotnet/cs/OpenAI.dll"), "OpenAI", null, "OpenAI.Helpers.Nothing");
        var run = Check(policy: BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", ApprovesOpenAi + ", { \"id\": \"Acme.Codegen\" }"),
            assets: AssetsWith(packages.Path, "Acme.Codegen", "analyzers/dotnet/cs/OpenAI.dll"));

        Assert.Empty(run.Of("GRD201"));
        Assert.Contains("OpenAI .NET SDK", Assert.Single(run.Result.AiPackages, p => p.Id == "Acme.Codegen").Description);
    }

    [Fact]
    public void Ordinary_analyzers_resources_and_assemblies_outside_build_folders_are_not_reported()
    {
        using var packages = new TempDir();
        WriteAssembly(FileOf(packages, "Acme.Analyzers", "analyzers/dotnet/cs/Acme.Analyzers.dll"), "Acme.Analyzers", null, "Acme.Analyzers.Rule");
        WriteAssembly(FileOf(packages, "Acme.Analyzers", "analyzers/dotnet/cs/de/OpenAI.resources.dll"), "OpenAI", null, "OpenAI.Nothing");
        WriteAssembly(FileOf(packages, "Acme.Analyzers", "content/OpenAI.dll"), "OpenAI", null, "OpenAI.Nothing");
        Directory.CreateDirectory(Path.GetDirectoryName(FileOf(packages, "Acme.Analyzers", "build/Broken.dll"))!);
        File.WriteAllText(FileOf(packages, "Acme.Analyzers", "build/Broken.dll"), "not an assembly");
        var run = Check(assets: AssetsWith(packages.Path, "Acme.Analyzers", "analyzers/dotnet/cs/Acme.Analyzers.dll", "analyzers/dotnet/cs/de/OpenAI.resources.dll", "content/OpenAI.dll", "build/Broken.dll"));

        Assert.Empty(run.Of("GRD201"));
        Assert.DoesNotContain(run.Result.AiPackages, p => p.Id == "Acme.Analyzers");
    }
}
