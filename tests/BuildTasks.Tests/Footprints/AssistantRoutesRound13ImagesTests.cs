using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 13 route 3 (issue 12): assistants started as container images, Nix flake references, Docker sandboxes or
/// install scripts, or as the command a container runs — never by their program's name on the host.
/// </summary>
public class AssistantRoutesRound13ImagesTests
{
    private static readonly string ClaudeCode = FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]");

    private const string Approval = "\"approval\": { \"approvedBy\": \"dana\", \"approvedAt\": \"2026-01-10\", \"expiresAt\": \"2026-12-31\" }";

    /// <summary>The harness policy plus aider with a model list (its flags judged after its image).</summary>
    private static readonly string WithAider = FootprintHarness.Policy.Replace(
        "{ \"id\": \"gemini\",",
        "{ \"id\": \"aider\", \"models\": { \"allow\": [\"claude-sonnet-4*\"] }, " + Approval + " },\n            { \"id\": \"gemini\",");

    private static readonly string Aider = FootprintHarness.Manifest("[ { \"id\": \"aider\" } ]");

    private const string Haiku = "claude-3-haiku-20240307";

    // ---- Route 3: assistants as container images, Nix references, sandboxes and install scripts ----

    /// <summary>The repro's workflow: aider's image by docker run, as a docker:// step, and Claude Code by nix run (declared here).</summary>
    [Fact]
    public void Route3_the_repro_workflow_runs_aider_by_image_and_claude_code_by_a_flake_reference()
    {
        using var repo = new FootprintRepo();
        string file = repo.Write(".github/workflows/fix.yml",
            "on: pull_request\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" +
            "      - run: docker run --rm -e OPENAI_API_KEY -v \"$PWD:/app\" paulgauthier/aider-full --yes-always --model gpt-4o --message \"fix the failing tests\"\n" +
            "        env: { OPENAI_API_KEY: \"${{ secrets.OPENAI_API_KEY }}\" }\n" +
            "      - uses: docker://paulgauthier/aider:v0.86.0\n        with: { args: --yes-always --message \"update docs\" }\n" +
            "      - run: nix run nixpkgs#claude-code -- -p \"review this PR\" --dangerously-skip-permissions --model " + Haiku + "\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding aider = Assert.Single(run.Of("GRD130"));
        Assert.Equal((file, 7), (aider.File, aider.Line));
        Assert.Contains("'aider'", aider.Message);
        Assert.True(run.IsError(aider), run.ToString());
        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 11), (bypass.File, bypass.Line));
        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal((file, 11), (model.File, model.Line));
        Assert.Contains(Haiku, model.Message);
    }

    [Theory]
    [InlineData("docker run --rm -v \"$PWD:/w\" -w /w ghcr.io/block/goose run -t \"$1\"", "goose")]
    [InlineData("docker run --rm -v \"$PWD:/w\" ghcr.io/sst/opencode run \"$1\"", "opencode")]
    [InlineData("podman run --rm docker.io/paulgauthier/aider --yes-always", "aider")]
    [InlineData("docker container run -it ghcr.io/block/goose:1.0 session", "goose")]
    [InlineData("docker run --rm -it docker.all-hands.dev/all-hands-ai/openhands:0.59 python -m openhands.cli.main", "openhands")]
    [InlineData("nix shell nixpkgs#codex -c codex exec --full-auto fix", "openai-codex")]
    [InlineData("nix shell github:NixOS/nixpkgs/nixos-unstable#opencode", "opencode")]
    [InlineData("nix profile install nixpkgs#gemini-cli", "gemini")]
    [InlineData("nix run nixpkgs#legacyPackages.x86_64-linux.aider-chat -- --yes-always", "aider")]
    [InlineData("nix-shell -p aider-chat --run \"aider --yes-always\"", "aider")]
    [InlineData("nix-env -iA nixpkgs.opencode", "opencode")]
    [InlineData("devbox global add goose-cli@latest", "goose")]
    [InlineData("curl -fsSL https://aider.chat/install.sh | sh", "aider")]
    [InlineData("curl -fsSL https://opencode.ai/install | bash", "opencode")]
    [InlineData("wget -qO- https://gh.io/copilot-install | bash", "github-copilot")]
    [InlineData("pip install aider-install && aider-install", "aider")]
    [InlineData("docker run --rm node:22 npx -y @google/gemini-cli --yolo -p fix", "gemini")]
    [InlineData("docker compose -f ci.yml run --rm app codex exec fix", "openai-codex")]
    [InlineData("docker exec -it dev gemini -p review", "gemini")]
    [InlineData("sbx run gemini .", "gemini")]
    [InlineData("docker sandbox run --name ai codex ~/proj", "openai-codex")]
    public void Route3_a_script_that_runs_an_undeclared_assistant_without_its_program_name_is_GRD130(string line, string assistant)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("scripts/agent.sh", "#!/bin/sh\nset -e\n" + line + "\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Finding found = Assert.Single(run.Of("GRD130"));
        Assert.Equal((file, 3), (found.File, found.Line));
        Assert.Equal(assistant, found.Subject);
        Assert.True(run.IsError(found), run.ToString());
    }

    [Theory]
    [InlineData("docker exec dev claude -p fix --dangerously-skip-permissions --model claude-opus-4-1")]
    [InlineData("docker compose run --rm app npx -y @anthropic-ai/claude-code -p fix --dangerously-skip-permissions --model claude-opus-4-1")]
    [InlineData("nix shell nixpkgs#claude-code -c claude -p fix --dangerously-skip-permissions --model claude-opus-4-1")]
    [InlineData("docker sandbox run claude . -- --dangerously-skip-permissions --model claude-opus-4-1")]
    public void Route3_the_declared_assistant_s_flags_after_a_container_or_flake_are_judged(string line)
    {
        using var repo = new FootprintRepo();
        string file = repo.Write("scripts/fix.sh", "#!/bin/sh\n" + line + "\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Empty(run.Of("GRD130"));
        Finding bypass = Assert.Single(run.Of("GRD134"));
        Assert.Equal((file, 2), (bypass.File, bypass.Line));
        Finding model = Assert.Single(run.Of("GRD133"));
        Assert.Equal((file, 2), (model.File, model.Line));
    }

    [Fact]
    public void Route3_a_Dockerfile_from_an_assistant_s_image_committed_anywhere_is_its_launcher()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("tools/fixer/Dockerfile", "FROM paulgauthier/aider:v0.86.0\nCMD [\"--yes-always\", \"--message\", \"fix\"]\n"),
            ("tools/agent/Containerfile", "FROM --platform=linux/amd64 ghcr.io/block/goose:1.2 AS agent\nRUN echo ready\nFROM agent\n"));

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.Contains(run.Of("GRD130"), f => f.File.EndsWith(Path.Combine("fixer", "Dockerfile")) && f.Line == 1 && f.Subject == "aider");
        Assert.Contains(run.Of("GRD130"), f => f.File.EndsWith("Containerfile") && f.Line == 1 && f.Subject == "goose");
    }

    [Fact]
    public void Route3_the_arguments_an_assistant_image_s_entrypoint_receives_are_its_flags()
    {
        using var repo = new FootprintRepo();
        string dockerfile = repo.Write("Dockerfile", "FROM paulgauthier/aider-full:v0.86.0\nCMD [\"--yes-always\", \"--model\", \"gpt-4o\"]\n");
        string compose = repo.Write("compose.yaml", "services:\n  fixer:\n    image: paulgauthier/aider\n    command: [\"--model\", \"o3\", \"--yes-always\"]\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, WithAider, Aider);

        Assert.Empty(run.Of("GRD130"));
        List<Finding> models = run.Of("GRD133");
        Assert.Contains(models, f => f.File == dockerfile && f.Line == 2 && f.Message.Contains("'gpt-4o'"));
        Assert.Contains(models, f => f.File == compose && f.Line == 4 && f.Message.Contains("'o3'"));
    }

    [Fact]
    public void Route3_image_members_of_compose_Kubernetes_and_CI_files_name_the_assistant()
    {
        using FootprintRepo repo = FootprintRepo.Committed(
            ("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n  fixer:\n    image: docker.io/paulgauthier/aider-full:latest\n"),
            ("deploy/agent.yaml", "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: ghcr.io/block/goose:stable\n          args: [\"run\", \"-t\", \"triage\"]\n"),
            (".github/workflows/ai.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    container: ghcr.io/sst/opencode:latest\n    steps:\n      - run: opencode run fix\n"),
            (".gitlab-ci.yml", "review:\n  image:\n    name: paulgauthier/aider:v0.86.0\n    entrypoint: [\"\"]\n  script:\n    - echo review\n"));
        string compose = Path.Combine(repo.Root, "docker-compose.yml");
        string job = Path.Combine(repo.Root, "deploy", "agent.yaml");
        string workflow = Path.Combine(repo.Root, ".github", "workflows", "ai.yml");
        string gitlab = Path.Combine(repo.Root, ".gitlab-ci.yml");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        List<Finding> found = run.Of("GRD130");
        Assert.Contains(found, f => f.File == compose && f.Line == 5 && f.Subject == "aider");
        Assert.Contains(found, f => f.File == job && f.Line == 8 && f.Subject == "goose");
        Assert.Contains(found, f => f.File == workflow && f.Line == 5 && f.Subject == "opencode");
        Assert.Contains(found, f => f.File == gitlab && f.Line == 3 && f.Subject == "aider");
    }

    [Fact]
    public void Route3_control_ordinary_images_flakes_and_install_scripts_are_silent()
    {
        using var repo = new FootprintRepo();
        repo.Write("scripts/build.sh",
            "#!/bin/sh\ndocker run --rm mcr.microsoft.com/dotnet/sdk:8.0 dotnet build\ndocker run --rm paulgauthier/aiderx echo hi\ndocker run busybox echo claude\n" +
            "nix run nixpkgs#hello\nnix shell nixpkgs#nodejs -c node -v\nnix-shell -p jq --run 'jq . a.json'\ncurl -fsSL https://get.docker.com | sh\ndocker pull postgres\n" +
            "devbox add nodejs@20\ndocker compose run --rm app dotnet test\n");
        repo.Write("Dockerfile", "FROM node:22 AS build\nCMD [\"--help\"]\nFROM build\n");
        repo.Write("compose.yaml", "services:\n  db:\n    image: postgres:16\n    command: [\"--max_connections=200\"]\n");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy, ClaudeCode);

        Assert.True(run.Of("GRD130").Count == 0, run.ToString());
        Assert.Empty(run.Of("GRD133"));
        Assert.Empty(run.Of("GRD134"));
    }
}
