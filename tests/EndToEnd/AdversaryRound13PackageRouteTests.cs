namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 2, 12 and 7 (repro-2, repro-12, repro-7): Python requirement files under names the readers did
/// not know (named by <c>pip install -r … -c …</c>, tox <c>deps = -r</c>, conda <c>pip: [-r …]</c>, setuptools' dynamic
/// <c>file</c>, <c>[build-system] requires</c>, hatch environments, <c>setup_requires</c>), SDK installs by commands of other
/// ecosystems (<c>pipx inject</c>, <c>-e git+…#egg=</c>, a scoped tarball URL, <c>go get</c>, <c>cargo add</c>, <c>gem install</c>,
/// <c>composer require</c>) and npm SDKs by <c>overrides</c>/<c>resolutions</c>/<c>pnpm.overrides</c>. The Enforce build was
/// green with no word; now each is GRD201 at its file and line.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13PackageRouteTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound13PackageRouteTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Requirement_files_other_installers_and_npm_overrides_fail_the_Enforce_build_with_GRD201()
    {
        string policy = E2eDocuments.Policy("e2e-round13-packages", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        // Route 2.
        project.Write("dev-deps.lst", "openai==1.55.0\n");
        project.Write("pinned.lst", "cohere==5.0\n");
        project.Write(".github/workflows/py.yml", "on: push\njobs:\n  py:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r dev-deps.lst -c pinned.lst\n");
        project.Write("tox.ini", "[tox]\nenv_list = py\n[testenv]\ndeps = -r test-deps.lst\ncommands = python -m pytest\n");
        project.Write("test-deps.lst", "anthropic==0.40.0\n");
        project.Write("environment.yml", "name: ml\ndependencies:\n  - python=3.12\n  - pip\n  - pip:\n    - -r ml-deps.lst\n");
        project.Write("ml-deps.lst", "mistralai==1.2.0\n");
        project.Write("tools/summariser/pyproject.toml",
            "[build-system]\nrequires = [\"setuptools>=68\", \"groq>=0.9\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
            "[project]\nname = \"summariser\"\nversion = \"0.1\"\ndynamic = [\"dependencies\"]\n\n" +
            "[tool.setuptools.dynamic]\ndependencies = { file = [\"deps.lst\"] }\n\n" +
            "[tool.hatch.envs.default]\ndependencies = [\"google-genai>=1.0\"]\n");
        project.Write("tools/summariser/deps.lst", "ollama>=0.4\n");
        project.Write("tools/summariser/setup.cfg", "[metadata]\nname = x\n[options]\nsetup_requires = together\n");
        project.Write("ci/dev-requirements.txt", "litellm==1.50.0\n");
        // Route 12.
        project.Write("scripts/bootstrap.sh", "#!/bin/sh\nset -e\npipx inject llm-tool anthropic\ngo get github.com/openai/openai-go@v1.0.0\ncargo add async-openai\ngem install ruby-openai\ncomposer require openai-php/client\n");
        // Route 7.
        project.Write("web/package.json", "{\n  \"name\": \"web\",\n" +
            "  \"dependencies\": { \"llm\": \"https://registry.npmjs.org/@anthropic-ai/sdk/-/sdk-0.30.0.tgz\" },\n" +
            "  \"overrides\": { \"is-number\": \"npm:openai@4.77.0\" },\n" +
            "  \"pnpm\": { \"overrides\": { \"kind-of\": \"npm:@google/genai@1.0.0\" } }\n}\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        string[] expected =
        {
            @"dev-deps\.lst\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/openai' 1\.55\.0",
            @"pinned\.lst\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/cohere'",
            @"test-deps\.lst\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/anthropic' 0\.40\.0",
            @"ml-deps\.lst\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/mistralai' 1\.2\.0",
            @"pyproject\.toml\(2,\d+\): Guardrails error GRD201: Package 'pkg:pypi/groq'",
            @"pyproject\.toml\(14,\d+\): Guardrails error GRD201: Package 'pkg:pypi/google-genai'",
            @"deps\.lst\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/ollama'",
            @"setup\.cfg\(4,\d+\): Guardrails error GRD201: Package 'pkg:pypi/together'",
            @"dev-requirements\.txt\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/litellm' 1\.50\.0",
            @"bootstrap\.sh\(3,\d+\): Guardrails error GRD201: Package 'pkg:pypi/anthropic'",
            @"bootstrap\.sh\(4,\d+\): Guardrails error GRD201: Package 'pkg:golang/github\.com/openai/openai-go'",
            @"bootstrap\.sh\(5,\d+\): Guardrails error GRD201: Package 'pkg:cargo/async-openai'",
            @"bootstrap\.sh\(6,\d+\): Guardrails error GRD201: Package 'pkg:gem/ruby-openai'",
            @"bootstrap\.sh\(7,\d+\): Guardrails error GRD201: Package 'pkg:composer/openai-php/client'",
            @"package\.json\(3,\d+\): Guardrails error GRD201: Package 'pkg:npm/@anthropic-ai/sdk'",
            @"package\.json\(4,\d+\): Guardrails error GRD201: Package 'pkg:npm/openai' 4\.77\.0",
            @"package\.json\(5,\d+\): Guardrails error GRD201: Package 'pkg:npm/@google/genai' 1\.0\.0",
        };
        foreach (string pattern in expected)
        {
            Assert.Matches(pattern, build.Output);
        }
    }
}
