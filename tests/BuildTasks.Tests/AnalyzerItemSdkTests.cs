using System.Reflection;
using System.Reflection.Emit;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 12 route 3c: an AI SDK given to the compiler as an Analyzer item (a committed OpenAI.dll, or a generator
/// compiled against it, in <c>&lt;Analyzer Include="../../eng/analyzers/*.dll" /&gt;</c>) runs inside the compiler; the
/// after-compiler check reads the final Analyzer items and judges such an assembly as its SDK's package, at the item.
/// </summary>
public class AnalyzerItemSdkTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup>
            <Analyzer Include="../../eng/analyzers/*.dll" />
          </ItemGroup>
        </Project>
        """;

    private static void WriteAssembly(string path, string name, params string[] types)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        ModuleBuilder module = builder.DefineDynamicModule(name);
        foreach (string type in types)
        {
            module.DefineType(type, TypeAttributes.Public).CreateType();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.Save(path);
    }

    private static CompileInputs Inputs(TempDir dir, string policy, params string[] analyzers)
    {
        string effective = dir.Write("src/App/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(policy));
        string project = dir.Write("src/App/App.csproj", Project);
        return new CompileInputs
        {
            ProjectPath = project,
            CheckReached = true,
            Language = "C#",
            Analyzers = analyzers,
            AnalyzersDefinedIn = analyzers.Select(_ => project).ToArray(),
            AdditionalFiles = new[] { effective },
            EffectivePolicyFile = effective,
        };
    }

    [Fact]
    public void A_committed_openai_dll_given_as_an_Analyzer_item_is_GRD201_at_the_item_until_the_policy_approves_openai()
    {
        using var dir = new TempDir();
        string openAi = Path.Combine(dir.Path, "eng", "analyzers", "OpenAI.dll");
        WriteAssembly(openAi, "OpenAI", "OpenAI.Helpers.Nothing");
        CompileInputs inputs = Inputs(dir, "mode=Enforce\npolicy=true\npackage.approved=Anthropic\n", "/p/Guardrails.Analyzers.dll", openAi);

        Finding finding = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.Equal(inputs.ProjectPath, finding.File);
        Assert.Equal(4, finding.Line);
        Assert.Contains("The compiler loads " + openAi + " as an analyzer or source generator (an Analyzer item), and OpenAI.dll is the SDK's assembly OpenAI", finding.Message);

        // The SDK's conflict resolution re-creates the Analyzer items (their defining file is then the SDK's targets): the
        // finding stays at the element of the project file that declares the item.
        string sdkTargets = dir.Write("sdk/Microsoft.NET.ConflictResolution.targets", "<Project>\n  <ItemGroup>\n    <Analyzer Include=\"@(_AnalyzerWithoutConflicts)\" />\n  </ItemGroup>\n</Project>\n");
        inputs.AnalyzersDefinedIn = new[] { sdkTargets, sdkTargets };
        Finding recreated = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.Equal(inputs.ProjectPath, recreated.File);
        Assert.Equal(4, recreated.Line);

        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=OpenAI\n"));
        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
    }

    [Fact]
    public void A_committed_generator_declaring_the_openai_client_under_another_name_is_GRD201()
    {
        using var dir = new TempDir();
        string generator = Path.Combine(dir.Path, "eng", "analyzers", "Acme.Codegen.dll");
        WriteAssembly(generator, "Acme.Codegen", "OpenAI.Chat.ChatClient");
        CompileInputs inputs = Inputs(dir, "mode=Enforce\npolicy=true\npackage.approved=Anthropic\n", generator);

        Finding finding = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.Contains("Acme.Codegen.dll declares OpenAI.Chat.ChatClient", finding.Message);
    }

    [Fact]
    public void An_analyzer_in_the_folder_of_a_restored_package_is_left_to_the_package_gate_and_ordinary_analyzers_are_not_reported()
    {
        using var dir = new TempDir();
        string packages = Path.Combine(dir.Path, "nuget-packages");
        string inPackage = Path.Combine(packages, "acme.codegen", "1.0.0", "analyzers", "dotnet", "cs", "OpenAI.dll");
        WriteAssembly(inPackage, "OpenAI", "OpenAI.Helpers.Nothing");
        string ordinary = Path.Combine(dir.Path, "eng", "analyzers", "Acme.Rules.dll");
        WriteAssembly(ordinary, "Acme.Rules", "Acme.Rules.Rule");
        CompileInputs inputs = Inputs(dir, "mode=Enforce\npolicy=true\npackage.approved=Anthropic\n", inPackage, ordinary);
        var restored = new Guardrails.Core.Policy.EffectivePolicy { HasPolicy = true };
        restored.Packages.Add(new Guardrails.Core.Policy.ResolvedPackage("Acme.Codegen", "1.0.0", new[] { "Acme.Codegen" }));
        File.WriteAllText(inputs.EffectivePolicyFile!, restored.Write());
        inputs.PackageFolders = packages + Path.DirectorySeparatorChar + ";/other/folder";

        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");

        // The same path when no restored package owns it (a PackageDownload's folder, or a folder made to look like one) is judged.
        inputs.PackageFolders = "/other/folder";
        Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
    }
}

/// <summary>Adversary round 12 route 3c: a committed MSBuild task compiled against an AI SDK, loaded by <c>UsingTask AssemblyFile</c>.</summary>
public class UsingTaskAssemblyTests
{
    [Fact]
    public void A_UsingTask_loading_a_committed_task_that_references_openai_is_the_openai_package_at_the_element()
    {
        using var dir = new TempDir();
        using var stub = new TempDir();
        string openAi = Path.Combine(stub.Path, "OpenAI.dll");
        var sdk = new PersistedAssemblyBuilder(new AssemblyName("OpenAI"), typeof(object).Assembly);
        sdk.DefineDynamicModule("OpenAI").DefineType("OpenAI.Chat.ChatClient", TypeAttributes.Public).CreateType();
        sdk.Save(openAi);
        var context = new System.Runtime.Loader.AssemblyLoadContext("openai-stub", isCollectible: true);
        try
        {
            Type client = context.LoadFromAssemblyPath(openAi).GetType("OpenAI.Chat.ChatClient")!;
            var task = new PersistedAssemblyBuilder(new AssemblyName("Acme.BuildTasks"), typeof(object).Assembly);
            task.DefineDynamicModule("Acme.BuildTasks").DefineType("Acme.BuildTasks.AiReview", TypeAttributes.Public, client).CreateType();
            Directory.CreateDirectory(Path.Combine(dir.Path, "eng", "tasks"));
            task.Save(Path.Combine(dir.Path, "eng", "tasks", "Acme.BuildTasks.dll"));
        }
        finally
        {
            context.Unload();
        }

        string targets = dir.Write("Directory.Build.targets", """
            <Project>
              <!-- <UsingTask TaskName="Old" AssemblyFile="eng/tasks/Acme.BuildTasks.dll" /> -->
              <UsingTask TaskName="Acme.BuildTasks.AiReview" AssemblyFile="$(MSBuildThisFileDirectory)eng/tasks/Acme.BuildTasks.dll" />
              <UsingTask TaskName="Plain" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll" />
              <UsingTask TaskName="Missing" AssemblyFile="eng/tasks/Missing.dll" />
            </Project>
            """);

        var found = Assert.Single(Guardrails.BuildTasks.Policy.UsingTaskAssemblies.Read(targets));
        Assert.Equal("OpenAI", found.Id);
        Assert.Equal(3, found.Line);
        Assert.Contains("UsingTask AssemblyFile", found.Kind);
        Assert.Contains("eng/tasks/Acme.BuildTasks.dll references the SDK's assembly OpenAI", found.Kind);
    }
}
