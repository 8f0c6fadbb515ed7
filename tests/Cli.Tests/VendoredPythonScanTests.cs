using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 13 route 10 through `guardrails scan`: a Python SDK committed installed (<c>lambda/package/*.dist-info</c>,
/// a committed <c>.venv</c>) is GRD201 at its metadata's <c>Name:</c> line; a developer's own virtual environment, which git
/// does not track, is not the repository's and is not read as its packages.
/// </summary>
public sealed class VendoredPythonScanTests
{
    [Fact]
    public void Committed_installed_metadata_is_GRD201_and_an_untracked_virtual_environment_is_not_read()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("lambda/package/anthropic-0.40.0.dist-info/METADATA", "Metadata-Version: 2.3\nName: anthropic\nVersion: 0.40.0\n");
        repo.Write("lambda/handler.py", "import anthropic\n");
        repo.Write(".gitignore", "venv/\n");
        ScanTests.Git(repo.Root, "init", "-q");
        ScanTests.Git(repo.Root, "add", "-A");
        repo.Write("venv/lib/python3.12/site-packages/openai-1.55.0.dist-info/METADATA", "Metadata-Version: 2.3\nName: openai\nVersion: 1.55.0\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        using JsonDocument doc = JsonDocument.Parse(run.Out);
        string[] found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD201")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32()).ToArray();
        Assert.Equal(new[] { "lambda/package/anthropic-0.40.0.dist-info/METADATA:2" }, found);
        Assert.Equal(1, run.ExitCode);
    }
}
