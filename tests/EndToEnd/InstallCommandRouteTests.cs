namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Install commands the build did not read (install16; round 12 route 13's notebook and conda parts): a Jupyter notebook's
/// <c>%pip install</c>/<c>!pip install</c> cells, a conda <c>environment.yml</c>'s conda packages, a script's <c>conda install
/// -c conda-forge</c>, a requirements file under another name named by <c>pip install -r</c>, a PowerShell script's
/// <c>Install-Module PSOpenAI</c>, a Deno <c>jsr:@openai/openai</c> import and a CI step's <c>python3 -m pip install Aider_Chat</c>.
/// The Enforce build passed with no word; now each AI SDK is GRD201 at its file and line (the assistant CLI GRD130), in the
/// build, and the SDKs in <c>guardrails scan</c>.
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
        project.Write("tools/setup.ps1", "#Requires -Version 7.2\nInstall-Module -Name PSOpenAI -RequiredVersion 4.48.0 -Scope CurrentUser -Force\n");
        project.Write("edge/deno.json", "{\n  \"imports\": {\n    \"openai\": \"jsr:@openai/openai@^4.77.0\"\n  }\n}\n");
        project.Write(".github/workflows/review.yml", "on: push\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python3 -m pip install --user Aider_Chat==0.86.1\n");
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
            @"setup\.ps1\(2,1\): Guardrails error GRD201: Package 'pkg:powershell/PSOpenAI' 4\.48\.0",
            @"deno\.json\(3,\d+\): Guardrails error GRD201: Package 'pkg:npm/openai' \^4\.77\.0",
            @"review\.yml\(\d+,\d+\): [^\n]*GRD130[^\n]*'aider'",
        };
        foreach (string pattern in expected)
        {
            Assert.Matches(pattern, build.Output);
        }

        DotNet.Result scan = GuardrailsTool.DocumentedScan(project.Directory, project.PathOf(E2eDocuments.PolicyFile));
        Assert.True(scan.ExitCode != 0, scan.ToString());
        foreach (string id in new[] { "eval.ipynb", "environment.yml", "setup.sh", "deps.txt", "setup.ps1", "deno.json", "pkg:pypi/openai", "pkg:pypi/anthropic", "pkg:pypi/mistralai", "pkg:powershell/PSOpenAI", "pkg:npm/openai" })
        {
            Assert.True(scan.Output.Contains("GRD201", StringComparison.Ordinal) && scan.Output.Contains(id, StringComparison.Ordinal), id + "\n" + scan);
        }
    }
}
