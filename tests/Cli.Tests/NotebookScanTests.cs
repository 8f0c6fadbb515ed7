using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 7 route 13 (repro-13's content): `#r "nuget: OpenAI, 2.1.0"` in a .NET Interactive notebook, a
/// Polyglot .dib and a dotnet-script .csx restores an SDK the policy does not approve; `guardrails scan` read those
/// files for keys only. Each reference is now a package finding (GRD201) at its file and line.
/// </summary>
public sealed class NotebookScanTests
{
    private const string Notebook = """
        {
         "cells": [
          {
           "cell_type": "code",
           "metadata": {
            "dotnet_interactive": {
             "language": "csharp"
            }
           },
           "source": [
            "#r \"nuget: OpenAI, 2.1.0\"\n",
            "using OpenAI.Chat;\n",
            "var c = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));\n",
            "c.CompleteChat(\"hi\")"
           ],
           "outputs": [],
           "execution_count": null
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": ".NET (C#)",
           "language": "C#",
           "name": ".net-csharp"
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    internal const string Dib = "#!csharp\n\n#r \"nuget: OpenAI, 2.1.0\"\nusing OpenAI.Chat;\nvar c = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));\n";

    internal const string Csx = "#r \"nuget: OpenAI, 2.1.0\"\nusing OpenAI.Chat;\nvar c = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));\n" +
        "Console.WriteLine(c.CompleteChat(\"hi\").Value.Content[0].Text);\n";

    internal static string NotebookJson => Notebook;

    [Fact]
    public void Nuget_references_in_a_notebook_a_dib_and_a_csx_are_GRD201_at_their_lines_and_an_approved_one_is_not()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("notebooks/explore.ipynb", Notebook);
        repo.Write("notebooks/explore.dib", Dib);
        repo.Write("scripts/ask.csx", Csx);
        repo.Write("scripts/approved.csx", "#r \"nuget: Azure.AI.OpenAI, 2.1.0\"\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        (string? File, int Line, string? Level)[] grd201 = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD201")
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("level").GetString())).OrderBy(f => f.Item1).ToArray();
        Assert.Equal(new (string?, int, string?)[]
        {
            ("notebooks/explore.dib", 3, "error"), ("notebooks/explore.ipynb", 11, "error"), ("scripts/ask.csx", 1, "error"),
        }, grd201);
    }

    /// <summary>
    /// Adversary round 11 route 4 (repro-4's content): an F# Interactive script and a Cake build script that load an SDK
    /// are GRD201 at the directive's line in the scan, as a .csx is; an approved package in a Cake script is not.
    /// </summary>
    [Fact]
    public void Nuget_references_in_an_fsx_and_a_cake_script_are_GRD201_at_their_lines()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("tools/ask.fsx", "// run with dotnet fsi tools/ask.fsx\n#r \"nuget: OpenAI, 2.1.0\"\nopen OpenAI.Chat\nlet client = ChatClient(\"gpt-4o\", System.Environment.GetEnvironmentVariable \"OPENAI_API_KEY\")\n");
        repo.Write("tools/short.fsx", "#r \"nuget:Anthropic.SDK\"\n");
        repo.Write("build.cake", "#addin nuget:?package=Azure.AI.OpenAI&version=2.1.0\n#addin nuget:?package=OpenAI&version=2.1.0\n#tool \"nuget:?package=Anthropic.SDK&version=5.0.0\"\n" +
            "var client = new OpenAI.Chat.ChatClient(\"gpt-4o\", EnvironmentVariable(\"OPENAI_API_KEY\"));\nTask(\"Default\");\nRunTarget(\"Default\");\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        (string? File, int Line, string? Level)[] grd201 = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD201")
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("level").GetString())).OrderBy(f => f.Item1).ThenBy(f => f.Item2).ToArray();
        Assert.Equal(new (string?, int, string?)[]
        {
            ("build.cake", 2, "error"), ("build.cake", 3, "error"), ("tools/ask.fsx", 2, "error"), ("tools/short.fsx", 1, "error"),
        }, grd201);
    }
}
