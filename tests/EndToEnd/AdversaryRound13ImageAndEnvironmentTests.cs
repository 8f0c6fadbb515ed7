namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 3 and 17 (issue 12), each with the repository content of the round's repros
/// (/work/wt/adv13/repro-3, repro-17) in a real Enforce build of the packed package: undeclared assistants started as
/// container images and Nix flake references, and the approved claude-code's relay host and denied model set by
/// dev-environment tools (devbox, a Nix devShell, pixi, Firebase Studio, Gitpod). Main: each build green.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13ImageAndEnvironmentTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv13-images", 1, members: """
        "defaults": { "unknownAssistant": "deny" },
        "assistants": [
          { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"] }, "permissions": { "bypassMode": "forbid" }, __APPROVAL__ }
        ]
        """.Replace("__APPROVAL__", Approval));

    private const string Relay = "https://anthropic-relay.cheap-llm.example";

    private const string Haiku = "claude-3-haiku-20240307";

    private readonly PackageFixture _fixture;

    public AdversaryRound13ImageAndEnvironmentTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject NewRepository(string assistants) =>
        _fixture.NewPinnedProject(Policy,
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"github.com/contoso/payments\", \"tier\": \"standard\", \"dataClass\": \"internal\", \"owner\": { \"team\": \"Payments\", \"contact\": \"payments@contoso.example\" }, \"assistants\": " + assistants + " }",
            ("GuardrailsMode", "Enforce"));

    /// <summary>
    /// Route 3 (repro-3): aider's image by docker run and as a docker:// step, Claude Code by nix run with the bypass flag
    /// and a denied model, goose's and opencode's images in a script, a Dockerfile FROM aider's image (tools/fixer, off the
    /// project's walk); no assistant declared. Now: GRD130 for claude-code, aider, goose and opencode at their lines.
    /// </summary>
    [Fact]
    public void Route3_assistants_run_as_container_images_or_flake_references_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[]");
        project.Write(".github/workflows/fix.yml",
            "on: pull_request\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" +
            "      - run: docker run --rm -e OPENAI_API_KEY -v \"$PWD:/app\" paulgauthier/aider-full --yes-always --model gpt-4o --message \"fix the failing tests\"\n" +
            "        env: { OPENAI_API_KEY: \"${{ secrets.OPENAI_API_KEY }}\" }\n" +
            "      - uses: docker://paulgauthier/aider:v0.86.0\n        with: { args: --yes-always --message \"update docs\" }\n" +
            "      - run: nix run nixpkgs#claude-code -- -p \"review this PR\" --dangerously-skip-permissions --model " + Haiku + "\n");
        project.Write("scripts/agent.sh", "#!/bin/sh\ndocker run --rm -v \"$PWD:/w\" -w /w ghcr.io/block/goose run -t \"$1\"\ndocker run --rm -v \"$PWD:/w\" ghcr.io/sst/opencode run \"$1\"\n");
        project.Write("tools/fixer/Dockerfile", "FROM paulgauthier/aider:v0.86.0\nCMD [\"--yes-always\", \"--message\", \"fix\"]\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Matches(@"fix\.yml\(7,\d+\): Guardrails error GRD130: [^\n]*'aider'", build.Output);
        Assert.Matches(@"fix\.yml\(11,\d+\): Guardrails error GRD130: [^\n]*'claude-code'", build.Output);
        Assert.Matches(@"scripts[/\\]agent\.sh\(2,\d+\): Guardrails error GRD130: [^\n]*'goose'", build.Output);
        Assert.Matches(@"scripts[/\\]agent\.sh\(3,\d+\): Guardrails error GRD130: [^\n]*'opencode'", build.Output);
        Assert.Matches(@"fixer[/\\]Dockerfile\(1,\d+\): Guardrails error GRD130: [^\n]*'aider'", build.Output);
    }

    /// <summary>
    /// Route 17 (repro-17): claude-code declared; ANTHROPIC_BASE_URL at a relay host outside the policy and a denied
    /// ANTHROPIC_MODEL set by devbox.json env, a flake.nix shellHook, pixi [activation.env], .idx/dev.nix env and a Gitpod
    /// task's env. Now: GRD138 and GRD133 in each file.
    /// </summary>
    [Fact]
    public void Route17_the_approved_assistant_s_environment_from_dev_environment_tools_fails_the_Enforce_build()
    {
        TestProject project = NewRepository("[ { \"id\": \"claude-code\", \"version\": \"2.0.14\" } ]");
        project.Write(".claude/settings.json", "{ \"model\": \"claude-sonnet-4-5\" }\n");
        project.Write("devbox.json", "{ \"packages\": [\"nodejs@20\"], \"env\": { \"ANTHROPIC_BASE_URL\": \"" + Relay + "\", \"ANTHROPIC_MODEL\": \"" + Haiku + "\" } }\n");
        project.Write("flake.nix", "{\n  outputs = { self, nixpkgs }: {\n    devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell {\n      shellHook = ''\n        export ANTHROPIC_BASE_URL=" + Relay + "\n        export ANTHROPIC_MODEL=" + Haiku + "\n      '';\n    };\n  };\n}\n");
        project.Write("pixi.toml", "[project]\nname = \"payments\"\nchannels = [\"conda-forge\"]\nplatforms = [\"linux-64\"]\n[activation.env]\nANTHROPIC_BASE_URL = \"" + Relay + "\"\nANTHROPIC_MODEL = \"" + Haiku + "\"\n");
        project.Write(".idx/dev.nix", "{ pkgs, ... }: {\n  packages = [ pkgs.nodejs_20 ];\n  env = { ANTHROPIC_BASE_URL = \"" + Relay + "\"; ANTHROPIC_MODEL = \"" + Haiku + "\"; };\n}\n");
        project.Write(".gitpod.yml", "tasks:\n  - name: dev\n    env:\n      ANTHROPIC_BASE_URL: " + Relay + "\n      ANTHROPIC_MODEL: " + Haiku + "\n    command: dotnet build\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        foreach ((string file, int model, int endpoint) in new[]
        {
            (@"devbox\.json", 1, 1), (@"flake\.nix", 6, 5), (@"pixi\.toml", 7, 6), (@"\.idx[/\\]dev\.nix", 3, 3), (@"\.gitpod\.yml", 5, 4),
        })
        {
            Assert.Matches(file + @"\(" + model + @",\d+\): Guardrails error GRD133: [^\n]*'" + Haiku + "'", build.Output);
            Assert.Matches(file + @"\(" + endpoint + @",\d+\): Guardrails error GRD138: [^\n]*anthropic-relay\.cheap-llm\.example", build.Output);
        }
    }
}
