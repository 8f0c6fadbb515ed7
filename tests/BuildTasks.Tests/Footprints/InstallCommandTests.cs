using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Footprints;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// One reader for "the packages this command installs" (session 15's second read: the SDK check and the assistant check
/// each parsed install commands, with different coverage). Every form either caller knew is now read for both, and the
/// routes it opens: notebooks' <c>%pip</c>/<c>!pip</c>/<c>%conda</c> lines, conda installs and <c>environment.yml</c>'s conda
/// packages, a requirements file named by <c>-r</c>, and PyPI names compared as PEP 503 normalizes them.
/// </summary>
public sealed class InstallCommandTests
{
    [Fact]
    public void Every_install_form_is_read_for_the_SDK_check_with_option_values_skipped()
    {
        using var dir = new TempDir();
        dir.Write("tools/deps.txt", "requests==2.32.3\ncohere>=5\n");
        string sh = dir.Write("tools/setup.sh", string.Join("\n",
            "conda install -y -c conda-forge openai=1.55.0 numpy",                         // 1 conda, channel value skipped
            "mamba install --channel conda-forge anthropic",                               // 2 the value of --channel is no package
            "micromamba install -n ai conda-forge::anthropic'>=0.40'",                     // 3 channel::name, -n value skipped
            "pipx install --python python3.12 groq",                                       // 4 pipx
            "uv tool install --with mistralai some-cli",                                   // 5 uv tool install --with: installed too
            "yarn global add groq-sdk@0.9.0",                                              // 6 yarn global add
            "npx -p @anthropic-ai/sdk@0.39.0 node run.js",                                 // 7 npx -p
            "pnpm dlx openai@4.77.0 migrate",                                              // 8 pnpm dlx
            "pip install -r deps.txt -i https://pypi.example/simple 'together[cli]>=1'",   // 9 -r names a committed file; -i value skipped
            "pip3 install --index-url https://openai.example/simple requests",             // 10 an index URL naming a vendor is no package
            "python3 -m pip install Google_GenerativeAI==0.8.3",                           // 11 PEP 503
            "pdm add 'litellm[proxy]'",                                                    // 12
            "pipenv install ollama",                                                       // 13
            "pip install -c constraints-openai.txt requests",                              // 14 -c value skipped
            "npm --prefix /opt/ai -g install groq-sdk",                                    // 15 the manager's own options before its verb
            "pip3 --quiet install ollama==0.4.0",                                          // 16
            "") + "\n");

        string[] found = InstalledSdks.Read(sh).Select(p => p.Id + "|" + p.Version + "|" + Path.GetFileName(p.File) + ":" + p.Line).ToArray();

        Assert.Equal(new[]
        {
            "pkg:pypi/openai|1.55.0|setup.sh:1", "pkg:pypi/anthropic||setup.sh:2", "pkg:pypi/anthropic|>=0.40|setup.sh:3", "pkg:pypi/groq||setup.sh:4",
            "pkg:pypi/mistralai||setup.sh:5", "pkg:npm/groq-sdk|0.9.0|setup.sh:6", "pkg:npm/@anthropic-ai/sdk|0.39.0|setup.sh:7", "pkg:npm/openai|4.77.0|setup.sh:8",
            "pkg:pypi/cohere|>=5|deps.txt:2", "pkg:pypi/together|>=1|setup.sh:9", "pkg:pypi/google-generativeai|0.8.3|setup.sh:11", "pkg:pypi/litellm||setup.sh:12",
            "pkg:pypi/ollama||setup.sh:13", "pkg:npm/groq-sdk||setup.sh:15", "pkg:pypi/ollama|0.4.0|setup.sh:16",
        }, found);
        Assert.Contains("installed by 'pip install -r deps.txt", InstalledSdks.Read(sh).Single(p => p.Id == "pkg:pypi/cohere").Kind);
    }

    [Fact]
    public void The_assistant_check_reads_the_same_forms_and_compares_PyPI_names_normalized()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/a.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python3 -m pip install --user Aider_Chat==0.86.1\n");
        repo.Write(".github/workflows/b.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pdm add pr-agent\n");
        repo.Write(".github/workflows/c.yml", "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx -p @openai/codex@0.1.0 true\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        string[] found = run.Of("GRD130").Select(f => Path.GetFileName(f.File) + ":" + f.Line + ":" + (f.Message.Contains("'aider'") ? "aider" : f.Message.Contains("'qodo-pr-agent'") ? "qodo-pr-agent" : f.Message.Contains("'openai-codex'") ? "openai-codex" : f.Message))
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();
        // c.yml names the codex package in its content, so its footprint is reported at the file's first line.
        Assert.Equal(new[] { "a.yml:6:aider", "b.yml:6:qodo-pr-agent", "c.yml:1:openai-codex" }, found);
    }

    [Fact]
    public void A_PyPI_MCP_server_is_named_as_PEP_503_normalizes_it_so_a_deny_entry_holds_for_every_spelling()
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = new[] { "uvx", "MCP_Server.Fetch==2025.4.7" } };
        ServerCommand.Identify(server);
        Assert.Equal("pkg:pypi/mcp-server-fetch", server.Package);

        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"f\": { \"command\": \"uvx\", \"args\": [\"mcp_server_fetch\"] } } }\n");
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));
        Assert.Contains(run.Of("GRD132"), f => f.Message.Contains("denied by the policy entry 'fetch-any'", StringComparison.Ordinal));
    }

    [Fact]
    public void Notebook_pip_and_conda_lines_install_SDKs_at_their_lines()
    {
        using var dir = new TempDir();
        string ipynb = dir.Write("nb/eval.ipynb", """
            {
             "cells": [
              { "cell_type": "markdown", "metadata": {}, "source": [ "pip install cohere\n" ] },
              { "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": [ "%pip install openai==1.55.0\n" ] },
              { "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": [
                "!pip install anthropic  # the client\n",
                "import openai\n",
                "!{sys.executable} -m pip install groq\n",
                "%conda install -c conda-forge mistralai\n"
              ] },
              { "cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": "%%bash\nnpm install -g @anthropic-ai/sdk\n" }
             ],
             "metadata": { "kernelspec": { "name": "python3", "display_name": "Python 3", "language": "python" } },
             "nbformat": 4, "nbformat_minor": 5
            }
            """);
        Assert.True(InstalledSdks.IsCommandFile("nb/eval.ipynb"));
        Assert.Equal(new[] { "pkg:pypi/openai|1.55.0|4", "pkg:pypi/anthropic||6", "pkg:pypi/groq||8", "pkg:pypi/mistralai||9", "pkg:npm/@anthropic-ai/sdk||11" },
            InstalledSdks.Read(ipynb).Select(p => p.Id + "|" + p.Version + "|" + p.Line));

        string dib = dir.Write("nb/tools.dib", "#!meta\n{\"kernelInfo\":{}}\n\n#!pwsh\npip install openai\n\n#!python\n%pip install anthropic\nprint('pip install groq')\n\n#!csharp\n#r \"nuget: OpenAI, 2.1.0\"\n");
        Assert.True(InstalledSdks.IsCommandFile("nb/tools.dib"));
        Assert.Equal(new[] { "pkg:pypi/openai|5", "pkg:pypi/anthropic|8" }, InstalledSdks.Read(dib).Select(p => p.Id + "|" + p.Line));
    }

    /// <summary>
    /// PowerShell scripts are command files too: a PowerShell Gallery AI module (PSOpenAI, "PowerShell module for OpenAI API")
    /// installed with Install-Module/Install-PSResource or required with <c>#Requires -Modules</c> is <c>pkg:powershell/PSOpenAI</c>,
    /// and a <c>pip install</c> in a .ps1 is read as in a shell script (a backtick continues a line).
    /// </summary>
    [Fact]
    public void PowerShell_scripts_install_and_require_Gallery_modules_and_run_pip()
    {
        using var dir = new TempDir();
        string ps1 = dir.Write("build/setup.ps1", string.Join("\n",
            "#Requires -Version 7.2",
            "#Requires -Modules Pester, @{ ModuleName = 'PSOpenAI'; RequiredVersion = '4.48.0' }",
            "Install-Module -Name PSOpenAI -RequiredVersion 4.48.0 -Scope CurrentUser -Force",
            "Install-PSResource psopenai -TrustRepository",
            "Install-Module -Name Pester -Force",
            "pip install `",
            "    openai==1.55.0",
            "") + "\n");

        Assert.True(InstalledSdks.IsCommandFile("build/setup.ps1"));
        Assert.Equal(new[] { "pkg:powershell/PSOpenAI|4.48.0|2", "pkg:powershell/PSOpenAI|4.48.0|3", "pkg:powershell/psopenai||4", "pkg:pypi/openai|1.55.0|6" },
            InstalledSdks.Read(ps1).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
    }
}
