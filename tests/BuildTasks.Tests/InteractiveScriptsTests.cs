using Guardrails.BuildTasks.Foundation;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 7 route 13: `#r "nuget: OpenAI, 2.1.0"` in a .NET Interactive notebook cell, a .dib section and a
/// dotnet-script .csx restored an SDK the policy does not approve, and nothing read it as a package reference.
/// </summary>
public sealed class InteractiveScriptsTests
{
    private static string[] Found(string path, string text) =>
        InteractiveScripts.Parse(path, text).Select(p => p.Id + "|" + p.Version + "|" + p.Line + "|" + p.Column).ToArray();

    [Fact]
    public void A_csx_script_s_nuget_references_with_and_without_versions_and_a_catalog_assembly_are_read_at_their_lines()
    {
        string script = "#r \"nuget: OpenAI, 2.1.0\"\n" +
                        "#r \"nuget:Anthropic\"\n" +
                        "  #r \"nuget: Microsoft.Extensions.AI.OpenAI, *-*\"\r\n" +
                        "#r \"../lib/OpenAI.dll\"\n" +
                        "#r \"../lib/Newtonsoft.Json.dll\"\n" +
                        "#r \"nuget: Newtonsoft.Json, 13.0.3\"\n" +
                        "// #r \"nuget: Ollama\"\n" +
                        "var x = \"#r \\\"nuget: Mistral\\\"\";\n";

        Assert.Equal(new[]
        {
            "OpenAI|2.1.0|1|1", "Anthropic||2|1", "Microsoft.Extensions.AI.OpenAI|*-*|3|3", "OpenAI||4|1", "Newtonsoft.Json|13.0.3|6|1",
        }, Found("scripts/ask.csx", script));
    }

    [Fact]
    public void A_dib_file_is_read_in_its_csharp_and_fsharp_sections_only()
    {
        string dib = "#!markdown\n\n#r \"nuget: NotCode\"\n\n#!csharp\n\n#r \"nuget: OpenAI, 2.1.0\"\n#!pwsh\n#r \"nuget: NotCode2\"\n#!fsharp\n#r \"nuget: Anthropic, 1.0.0\"\n";
        Assert.Equal(new[] { "OpenAI|2.1.0|7|1", "Anthropic|1.0.0|11|1" }, Found("notebooks/explore.dib", dib));
    }

    [Fact]
    public void A_notebook_s_csharp_code_cells_are_read_at_the_json_line_and_markdown_or_python_cells_are_not()
    {
        string notebook = """
            {
             "cells": [
              { "cell_type": "markdown", "metadata": {}, "source": ["#r \"nuget: NotCode\"\n"] },
              {
               "cell_type": "code",
               "metadata": { "dotnet_interactive": { "language": "csharp" } },
               "source": [
                "#r \"nuget: OpenAI, 2.1.0\"\n",
                "using OpenAI.Chat;\n"
               ]
              },
              { "cell_type": "code", "metadata": { "polyglot_notebook": { "kernelName": "pwsh" } }, "source": ["#r \"nuget: NotCode2\""] },
              { "cell_type": "code", "metadata": {}, "source": "#!fsharp\n#r \"nuget: Anthropic\"" }
             ],
             "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" } },
             "nbformat": 4
            }
            """;
        Assert.Equal(new[] { "OpenAI|2.1.0|8|5", "Anthropic||13|52" }, Found("notebooks/explore.ipynb", notebook));

        string python = notebook.Replace("\"dotnet_interactive\": { \"language\": \"csharp\" }", "\"x\": 1").Replace(".NET (C#)", "Python 3").Replace("\"C#\"", "\"python\"").Replace(".net-csharp", "python3").Replace("#!fsharp\\n", "");
        Assert.Empty(Found("notebooks/explore.ipynb", python));
        Assert.Empty(Found("notebooks/broken.ipynb", "{ \"cells\": [ "));
    }

    [Fact]
    public void Script_packages_are_judged_by_the_package_evaluator_at_the_script_s_line()
    {
        using var dir = new TempDir();
        string csx = dir.Write("scripts/ask.csx", "#r \"nuget: OpenAI, 2.1.0\"\nusing OpenAI.Chat;\n");
        var request = Request(dir);
        request.ScriptPackages = InteractiveScripts.Read(csx);

        var findings = Guardrails.BuildTasks.Engine.GuardrailsChecker.Run(request).Findings;

        var f = Assert.Single(findings, f => f.Rule.Id == "GRD201");
        Assert.Equal((csx, 1), (f.File, f.Line));
        Assert.Contains("ask.csx", f.Message);
    }

    /// <summary>
    /// The audit record is the inventory of what the repository runs: an SDK a committed script installs (approved or not)
    /// is a package component with where it is used, and the AI-BOM names it by its own package URL (was: a finding only,
    /// and nothing at all when approved). A package only a script uses does not count as the restored package of an SDK
    /// assembly the build ships.
    /// </summary>
    [Fact]
    public void Script_packages_are_components_of_the_audit_record_with_where_they_are_used()
    {
        using var dir = new TempDir();
        string csx = dir.Write("scripts/ask.csx", "#r \"nuget: Anthropic, 1.2.0\"\n#r \"nuget: OpenAI, 2.1.0\"\n");
        string sh = dir.Write("scripts/setup.sh", "#!/bin/sh\npip install openai==1.2.3\n");
        var request = Request(dir);
        request.ScriptPackages = InteractiveScripts.Read(csx).Concat(Guardrails.BuildTasks.Footprints.InstalledSdks.Read(sh)).ToList();

        var result = Guardrails.BuildTasks.Engine.GuardrailsChecker.Run(request);

        var components = Guardrails.BuildTasks.Reports.AuditRecord.Components(result).Cast<System.Collections.Generic.SortedDictionary<string, object?>>().ToList();
        System.Collections.Generic.SortedDictionary<string, object?> Package(string id) => Assert.Single(components, c => (string?)c["type"] == "package" && (string?)c["id"] == id);
        var approved = Package("Anthropic");
        Assert.Equal(new object?[] { csx + ":1 (" + InteractiveScripts.Origin(csx) + ")" }, (System.Collections.Generic.List<object?>)approved["usedIn"]!);
        Assert.NotNull(approved["policyEntry"]);
        Assert.Null(Package("OpenAI")["policyEntry"]);
        var pip = Package("pkg:pypi/openai");
        Assert.Equal("1.2.3", pip["version"]);
        string where = Assert.IsType<string>(Assert.Single((System.Collections.Generic.List<object?>)pip["usedIn"]!));
        Assert.StartsWith(sh + ":2 (", where);
        Assert.DoesNotContain(result.AiPackages, p => p.InProject);

        string bom = Guardrails.BuildTasks.Reports.CycloneDxExport.Build(request, result, "0.0.0-test");
        Assert.Contains("\"pkg:pypi/openai@1.2.3\"", bom);
        Assert.DoesNotContain("pkg:nuget/pkg:", bom);
    }

    private static CheckRequest Request(TempDir dir) => new()
    {
        ProjectPath = Path.Combine(dir.Path, "App", "App.csproj"),
        PolicyPath = dir.Write("policy/guardrails.policy.json", BasePolicy),
        ManifestPath = dir.Write("ai-assistants.json", BaseManifest),
        Mode = "Enforce",
        Now = Now,
    };

    /// <summary>
    /// Adversary round 10 route 1b: an inline task's Reference into the package folder (id and version from the path), a
    /// Reference by a catalog assembly's name after the Code element, code naming an SDK namespace in a Code Source file,
    /// each at its element; a UsingTask in a comment and a Reference outside any UsingTask are not read.
    /// </summary>
    [Fact]
    public void Inline_task_references_and_code_are_read_at_their_elements()
    {
        string dir = Path.Combine(Path.GetTempPath(), "grd-inline-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "gen.cs"), "using Mistral.SDK;\npublic class G { }\n");
            string targets = "<Project>\n" +
                "  <!-- <UsingTask TaskName=\"Old\"><Task><Reference Include=\"Anthropic.dll\" /></Task></UsingTask> -->\n" +
                "  <ItemGroup><Reference Include=\"$(NuGetPackageRoot)ollamasharp/5.0.0/lib/net8.0/OllamaSharp.dll\" /></ItemGroup>\n" +
                "  <UsingTask TaskName=\"A\" TaskFactory=\"RoslynCodeTaskFactory\">\n" +
                "    <Task>\n" +
                "      <Reference Include=\"$([MSBuild]::EnsureTrailingSlash('$(NuGetPackageRoot)'))openai/2.15.0/lib/netstandard2.0/OpenAI.dll\" />\n" +
                "      <Code Type=\"Fragment\" Language=\"cs\">var c = new OpenAI.Chat.ChatClient(\"m\", \"k\");</Code>\n" +
                "      <Reference Include=\"Anthropic\" />\n" +
                "    </Task>\n" +
                "  </UsingTask>\n" +
                "  <UsingTask TaskName=\"B\" TaskFactory=\"CodeTaskFactory\"><Task><Code Type=\"Class\" Source=\"$(MSBuildThisFileDirectory)gen.cs\" /></Task></UsingTask>\n" +
                "</Project>\n";

            string[] found = InteractiveScripts.ParseInlineTasks(Path.Combine(dir, "ai.targets"), targets)
                .Select(p => p.Id + "|" + p.Version + "|" + p.Line + "|" + p.Column).ToArray();

            Assert.Equal(new[] { "openai|2.15.0|6|7", "Anthropic||8|7", "Mistral.SDK||11|63" }, found);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
