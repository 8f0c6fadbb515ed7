namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Install commands the build did not read (install16; round 12 route 13's notebook and conda parts): a Jupyter notebook's
/// <c>%pip install</c>/<c>!pip install</c> cells, a conda <c>environment.yml</c>'s conda packages, a script's <c>conda install
/// -c conda-forge</c> and a requirements file under another name named by <c>pip install -r</c>. The Enforce build passed with
/// no word; now each AI SDK is GRD201 at its file and line, in the build and in <c>guardrails scan</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public class InstallCommandRouteTests
{
    private readonly PackageFixture _fixture;

    public InstallCommandRouteTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Notebook_pip_cells_conda_packages_and_pip_r_files_fail_the_Enforce_build_and_the_scan_with_GRD201()
    {
        string policy = E2eDocuments.Policy("e2e-installs", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.Write("nb/eval.ipynb", """
            {
             "cells": [
              { "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": [ "%pip install openai==1.55.0\n" ] },
              { "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": [ "!pip install anthropic\n", "import openai\n", "client = openai.OpenAI()\n" ] }
             ],
             "metadata": { "kernelspec": { "name": "python3", "display_name": "Python 3", "language": "python" } },
             "nbformat": 4, "nbformat_minor": 5
            }
            """);
        project.Write("py/environment.yml", "name: eval\nchannels: [conda-forge]\ndependencies:\n  - python=3.12\n  - anthropic=0.40.0\n  - pip\n");
        project.Write("sh/setup.sh", "#!/bin/sh\nset -e\nconda install -y -c conda-forge openai\npip install -r deps.txt\n");
        project.Write("sh/deps.txt", "requests==2.32.3\nmistralai==1.2.0\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        string[] expected =
        {
            @"eval\.ipynb\(3,\d+\): Guardrails error GRD201: Package 'pkg:pypi/openai' 1\.55\.0 \(OpenAI Python library",
            @"eval\.ipynb\(4,\d+\): Guardrails error GRD201: Package 'pkg:pypi/anthropic'",
            @"environment\.yml\(5,\d+\): Guardrails error GRD201: Package 'pkg:pypi/anthropic' 0\.40\.0",
            @"setup\.sh\(3,1\): Guardrails error GRD201: Package 'pkg:pypi/openai'",
            @"deps\.txt\(2,1\): Guardrails error GRD201: Package 'pkg:pypi/mistralai' 1\.2\.0",
        };
        foreach (string pattern in expected)
        {
            Assert.Matches(pattern, build.Output);
        }

        DotNet.Result scan = GuardrailsTool.DocumentedScan(project.Directory, project.PathOf(E2eDocuments.PolicyFile));
        Assert.True(scan.ExitCode != 0, scan.ToString());
        foreach (string id in new[] { "eval.ipynb", "environment.yml", "setup.sh", "deps.txt", "pkg:pypi/openai", "pkg:pypi/anthropic", "pkg:pypi/mistralai" })
        {
            Assert.True(scan.Output.Contains("GRD201", StringComparison.Ordinal) && scan.Output.Contains(id, StringComparison.Ordinal), id + "\n" + scan);
        }
    }
}
