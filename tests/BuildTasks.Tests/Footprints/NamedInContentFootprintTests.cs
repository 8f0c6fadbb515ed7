using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Assistants run by a CI workflow, installed into a dev container, recommended as editor extensions, and a review bot's
/// configuration (adversary round 3 #2 'fp4', round 4 #3; GRD130 Limits before): a general file is a footprint of each
/// assistant its text names, and each of them must be declared; a file that names none is no footprint.
/// </summary>
public class NamedInContentFootprintTests
{
    private const string ClaudeWorkflow = """
        on:
          issue_comment:
            types: [created]
        jobs:
          claude:
            runs-on: ubuntu-latest
            steps:
              - uses: anthropics/claude-code-action@v1
                with:
                  anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}
                  claude_args: "--allowedTools Bash(*)"
        """;

    private static void WriteAll(FootprintRepo repo)
    {
        repo.Write(".github/workflows/claude.yml", ClaudeWorkflow);
        repo.Write(".github/workflows/codex.yaml", "jobs:\n  review:\n    steps:\n      - uses: openai/codex-action@v1\n");
        repo.Write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet build\n");
        repo.Write(".devcontainer/devcontainer.json", """
            {
              // the team's dev container
              "features": { "ghcr.io/anthropics/devcontainer-features/claude-code:1": {} },
              "customizations": { "vscode": { "extensions": [ "Continue.continue", "ms-dotnettools.csharp" ] } }
            }
            """);
        repo.Write(".vscode/extensions.json", "{ \"recommendations\": [ \"GitHub.copilot\", \"saoudrizwan.claude-dev\", \"ms-dotnettools.csdevkit\" ] }");
        repo.Write(".coderabbit.yaml", "reviews:\n  auto_review:\n    enabled: true\n");
    }

    [Fact]
    public void Each_assistant_a_workflow_dev_container_or_extension_list_names_is_undeclared_until_declared()
    {
        using var repo = new FootprintRepo();
        WriteAll(repo);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        string[] found = run.Of("GRD130").Select(f => Path.GetRelativePath(repo.Root, f.File).Replace('\\', '/') + " " + f.Subject).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            ".coderabbit.yaml coderabbit",
            ".devcontainer/devcontainer.json claude-code",
            ".devcontainer/devcontainer.json continue",
            ".github/workflows/claude.yml claude-code",
            ".github/workflows/codex.yaml openai-codex",
            ".vscode/extensions.json cline",
            ".vscode/extensions.json github-copilot",
        }, found);
        Finding workflow = run.Of("GRD130").Single(f => f.File.EndsWith("claude.yml", StringComparison.Ordinal));
        Assert.True(run.IsError(workflow));
        Assert.Contains("'.github/workflows/claude.yml' names 'claude-code' (a CI workflow that runs it, with the workflow's secrets and permissions)", workflow.Message);
        Assert.DoesNotContain(run.Result.Findings, f => f.File.EndsWith("ci.yml", StringComparison.Ordinal));

        // Declaring one assistant of a file does not cover the others it names.
        FootprintHarness.Run some = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"github-copilot\" }, { \"id\": \"claude-code\" } ]"));
        Assert.Equal(new[] { "cline", "coderabbit", "continue", "openai-codex" }, some.Of("GRD130").Select(f => f.Subject).OrderBy(x => x, StringComparer.Ordinal));

        FootprintHarness.Run all = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest(
            "[ { \"id\": \"github-copilot\" }, { \"id\": \"claude-code\" }, { \"id\": \"cline\" }, { \"id\": \"continue\" }, { \"id\": \"openai-codex\" }, { \"id\": \"coderabbit\" } ]"));
        Assert.Empty(all.Of("GRD130"));
    }

    [Fact]
    public void A_key_in_a_workflow_that_names_an_assistant_stays_the_key_scans_not_GRD135()
    {
        using var repo = new FootprintRepo();
        repo.Write(".github/workflows/claude.yml", ClaudeWorkflow.Replace("${{ secrets.ANTHROPIC_API_KEY }}", Guardrails.Tests.Shared.FakeKeys.Anthropic("WorkflowFakeKeyNotReal")));

        Assert.DoesNotContain(Path.GetFullPath(Path.Combine(repo.Root, ".github", "workflows", "claude.yml")), FootprintChecker.CredentialFiles(repo.ProjectDir, null));
        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]"));
        Assert.Empty(run.Of("GRD135"));
    }

    [Fact]
    public void Every_named_in_content_entry_is_a_file_pattern_with_markers()
    {
        List<FootprintEntry> named = FootprintCatalog.All.Where(e => e.ContentMarkers != null).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, e =>
        {
            Assert.False(e.Pattern.IsFolder, e.ToString());
            Assert.NotEmpty(e.ContentMarkers!);
        });
    }
    /// <summary>
    /// Adversary round 5 #8: the same assistants run from a local composite action, another CI system's pipeline file, or
    /// the dev container's Dockerfile: each file names the assistant's package or action and is its footprint.
    /// </summary>
    [Theory]
    [InlineData(".github/actions/ai/action.yml", "runs:\n  using: composite\n  steps:\n    - uses: anthropics/claude-code-action@v1\n      with:\n        claude_args: \"--allowedTools Bash(*)\"\n", "claude-code")]
    [InlineData(".gitlab-ci.yml", "review:\n  script:\n    - npm install -g @anthropic-ai/claude-code\n    - claude -p review --dangerously-skip-permissions\n", "claude-code")]
    [InlineData(".gitlab/ci/review.yml", "review:\n  script: [ \"npx -y @openai/codex exec --full-auto fix\" ]\n", "openai-codex")]
    [InlineData("azure-pipelines.yml", "steps:\n- script: npx -y @openai/codex exec --full-auto \"fix build\"\n", "openai-codex")]
    [InlineData(".azure-pipelines/review.yml", "steps:\n- script: npx -y @google/gemini-cli -p review\n", "gemini")]
    [InlineData("bitbucket-pipelines.yml", "pipelines:\n  default:\n    - step:\n        script: [ \"pip install aider-chat\" ]\n", "aider")]
    [InlineData(".circleci/config.yml", "jobs:\n  review:\n    steps:\n      - run: npm i -g @anthropic-ai/claude-code\n", "claude-code")]
    [InlineData("Jenkinsfile", "pipeline { stages { stage('r') { steps { sh 'npx -y @openai/codex exec fix' } } } }\n", "openai-codex")]
    [InlineData(".devcontainer/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN npm install -g @anthropic-ai/claude-code\n", "claude-code")]
    public void Assistants_run_from_other_CI_and_container_files_are_footprints(string path, string content, string assistant)
    {
        using var repo = new FootprintRepo();
        repo.Write(path, content);

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]"));

        Finding f = Assert.Single(run.Of("GRD130"), x => x.File.Replace('\\', '/').EndsWith(path, StringComparison.Ordinal));
        Assert.Contains("'" + assistant + "'", f.Message);
        Assert.True(run.IsError(f), run.ToString());
    }

    [Fact]
    public void Pipeline_files_that_name_no_assistant_are_no_footprint()
    {
        using var repo = new FootprintRepo();
        repo.Write(".gitlab-ci.yml", "build:\n  script: [ \"dotnet build\" ]\n");
        repo.Write("azure-pipelines.yml", "steps:\n- script: dotnet test\n");
        repo.Write(".github/actions/setup/action.yml", "runs:\n  using: composite\n  steps:\n    - run: dotnet restore\n      shell: bash\n");
        repo.Write(".devcontainer/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0\n");
        Assert.Empty(FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[]")).Of("GRD130"));
    }
}
