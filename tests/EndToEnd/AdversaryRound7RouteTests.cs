namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 7 routes closed in session 11 (routes11b), each with the repository content of the round's repro in
/// a real Enforce build of the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound7RouteTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound7RouteTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Route 12 (repro-12): github.com/contoso/hr-payroll, excluded from claude-code by "!github.com/contoso/hr-*", said
    /// "repository": "github.com/contoso/payroll" in its manifest. On GitHub Actions that was GRD127; on CircleCI (and
    /// Buildkite, Bitbucket, TeamCity, Drone, CodeBuild, Cloud Build…) nothing compared the claim. Now the CI's variable
    /// decides where the system names the repository, else the git remotes.
    /// </summary>
    [Fact]
    public void Route12_a_manifest_claiming_another_repository_fails_the_Enforce_build_on_CircleCI_and_on_a_CI_naming_no_repository()
    {
        string policy = E2eDocuments.Policy("e2e-route12", 1, members: """
            "dataClasses": ["public", "internal"],
            "tiers": { "standard": { "maxDataClass": "internal" } }
            """);
        string manifest = E2eDocuments.Manifest("standard", "internal", "\"assistants\": []", repository: "github.com/contoso/payroll");
        TestProject project = _fixture.NewPinnedProject(policy, manifest, ("GuardrailsMode", "Enforce"));
        Git.CommitAll(project.Directory);
        Git.Run(project.Directory, "remote", "add", "origin", "https://github.com/contoso/hr-payroll.git");

        DotNet.Result circle = project.BuildWithEnvironment(new Dictionary<string, string>
        {
            ["CI"] = "true", ["CIRCLECI"] = "true", ["CIRCLE_PROJECT_REPONAME"] = "hr-payroll", ["CIRCLE_REPOSITORY_URL"] = "git@github.com:contoso/hr-payroll.git",
        });
        Assert.True(circle.ExitCode != 0, circle.ToString());
        Assert.Matches(@"ai-assistants\.json\(3,\d+\): Guardrails error GRD127: [^\n]*'github\.com/contoso/hr-payroll'", circle.Output);

        DotNet.Result anyCi = project.BuildWithEnvironment(new Dictionary<string, string> { ["CI"] = "true" });
        Assert.True(anyCi.ExitCode != 0, anyCi.ToString());
        Assert.Matches(@"ai-assistants\.json\(3,\d+\): Guardrails error GRD127: [^\n]*no git remote", anyCi.Output);

        // A fork's checkout with the claimed repository as its upstream remote (ssh spelling, other case) passes.
        Git.Run(project.Directory, "remote", "set-url", "origin", "https://github.com/alice/payroll.git");
        Git.Run(project.Directory, "remote", "add", "upstream", "git@github.com:Contoso/Payroll.git");
        DotNet.Result fork = project.BuildWithEnvironment(new Dictionary<string, string> { ["CI"] = "true" });
        Assert.True(fork.ExitCode == 0, fork.ToString());
        Assert.DoesNotContain("GRD127", fork.Output);
    }

    /// <summary>
    /// Route 13 (repro-13): `#r "nuget: OpenAI, 2.1.0"` in a committed .NET Interactive notebook, a .dib and a
    /// dotnet-script .csx. The build now reads the repository's committed notebooks and scripts (git's index) and judges
    /// their package references with the one package evaluator: GRD201 at each file and line.
    /// </summary>
    [Fact]
    public void Route13_nuget_references_in_committed_notebooks_and_scripts_fail_the_Enforce_build_with_GRD201_at_their_lines()
    {
        string policy = E2eDocuments.Policy("e2e-route13", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("notebooks/explore.ipynb", Notebook);
        project.Write("notebooks/explore.dib", "#!csharp\n\n#r \"nuget: OpenAI, 2.1.0\"\nusing OpenAI.Chat;\nvar c = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));\n");
        project.Write("scripts/ask.csx", "#r \"nuget: OpenAI, 2.1.0\"\nusing OpenAI.Chat;\nvar c = new ChatClient(\"gpt-4o\", Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\"));\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"explore\.ipynb\(11,5\): Guardrails error GRD201: [^\n]*OpenAI", build.Output);
        Assert.Matches(@"explore\.dib\(3,1\): Guardrails error GRD201: [^\n]*OpenAI", build.Output);
        Assert.Matches(@"ask\.csx\(1,1\): Guardrails error GRD201: [^\n]*OpenAI", build.Output);
    }

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
}
