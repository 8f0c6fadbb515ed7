using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 12 route 13 (repro-16's content): AI SDKs installed by a command — a script's <c>pip install</c>, a
/// Dockerfile's <c>RUN pip install</c>, a CI step's <c>npm install</c> — with no manifest declaring them. The commands are
/// read by the launcher reader already; the SDKs they install are judged by the package gate (GRD201) at the command's line.
/// </summary>
public sealed class InstalledSdksTests
{
    [Fact]
    public void SDKs_installed_by_scripts_Dockerfiles_and_CI_steps_are_GRD201_at_the_command()
    {
        using var repo = new FootprintRepo();
        repo.Write("setup.sh", "#!/bin/sh\nset -e\npip install --upgrade -r requirements.txt openai\nnpm install -g @anthropic-ai/sdk@0.39.0 left-pad\n");
        repo.Write("Dockerfile", "FROM python:3.12\nRUN apt-get update && \\\n    python -m pip install --no-cache-dir groq==0.9.0\n");
        repo.Write(".github/workflows/ai.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: uv pip install --system mistralai\n");
        repo.Write("unrelated.sh", "pip install requests\nnpm ci\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        var found = run.Of("GRD201").Select(f => (Path.GetFileName(f.File), f.Line, f.Subject)).OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            ("Dockerfile", 2, (string?)"pkg:pypi/groq"), ("ai.yml", 6, "pkg:pypi/mistralai"), ("setup.sh", 4, "pkg:npm/@anthropic-ai/sdk"), ("setup.sh", 3, "pkg:pypi/openai"),
        }, found);
        Assert.Contains("installed by 'pip install --upgrade -r requirements.txt openai'", run.Of("GRD201").Single(f => f.Subject == "pkg:pypi/openai").Message);
        // No version pinned: the message names the package without an empty version (was "Package 'pkg:pypi/openai'  (OpenAI …").
        Assert.StartsWith("Package 'pkg:pypi/openai' (", run.Of("GRD201").Single(f => f.Subject == "pkg:pypi/openai").Message, StringComparison.Ordinal);
        Assert.All(run.Of("GRD201"), f => Assert.True(run.IsError(f), run.ToString()));
    }

    [Fact]
    public void A_command_file_anywhere_in_the_repository_is_read_for_installs_RUN_lines_only_in_container_files()
    {
        using var dir = new TempDir();
        string docker = dir.Write("docker/Containerfile", "FROM python:3.12\n# pip install anthropic\nRUN pip install --no-cache-dir \\\n    openai==1.55.0\nCMD [\"pip\", \"install\", \"cohere\"]\n");
        Assert.Equal(new[] { "pkg:pypi/openai|1.55.0|3" }, Guardrails.BuildTasks.Footprints.InstalledSdks.Read(docker).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
        string sh = dir.Write("tools/sh/setup.sh", "pip install openai && npm i -g groq-sdk\n");
        Assert.Equal(new[] { "pkg:pypi/openai|1", "pkg:npm/groq-sdk|1" }, Guardrails.BuildTasks.Footprints.InstalledSdks.Read(sh).Select(p => p.Id + "|" + p.Line));
        Assert.True(Guardrails.BuildTasks.Footprints.InstalledSdks.IsCommandFile("a/b/setup.sh"));
        Assert.True(Guardrails.BuildTasks.Footprints.InstalledSdks.IsCommandFile("docker/Containerfile"));
        Assert.False(Guardrails.BuildTasks.Footprints.InstalledSdks.IsCommandFile("web/node_modules/x/install.sh"));
    }
}
