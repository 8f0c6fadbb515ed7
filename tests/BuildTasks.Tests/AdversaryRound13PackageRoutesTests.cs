using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Policy;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 13 routes 2, 12 and 7: Python requirement files by any name (named by <c>pip -r/-c</c>, tox, conda's
/// <c>pip: [-r …]</c>, setuptools' dynamic <c>file</c>, build requirements, hatch environments, <c>setup_requires</c>), the
/// install commands of every ecosystem the manifest readers know, and npm SDKs brought in by dependency overrides or a
/// scoped registry tarball URL.
/// </summary>
public sealed class AdversaryRound13PackageRoutesTests
{
    private static string[] Ids(IEnumerable<DeclaredPackage> packages) =>
        packages.Select(p => Path.GetFileName(p.File) + ":" + p.Line + "|" + p.Id).OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Route2_requirement_files_named_by_commands_and_configs_are_read()
    {
        using var dir = new TempDir();
        dir.Write("dev-requirements.txt", "openai==1.55.0\n");
        dir.Write("pinned.lst", "cohere==5.0\n");
        dir.Write("test-deps.txt", "anthropic==0.40.0\n");
        dir.Write("ml-deps.txt", "mistralai==1.2.0\n");
        dir.Write("tools/summariser/deps.lst", "groq>=0.9\n");
        string tox = dir.Write("tox.ini", "[tox]\nenv_list = py\n[testenv]\ndeps = -r test-deps.txt\ncommands = python -m pytest\n");
        string env = dir.Write("environment.yml", "name: ml\ndependencies:\n  - python=3.12\n  - pip\n  - pip:\n    - -r ml-deps.txt\n");
        string pyproject = dir.Write("tools/summariser/pyproject.toml",
            "[build-system]\nrequires = [\"setuptools>=68\", \"openai>=1.55\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
            "[project]\nname = \"summariser\"\nversion = \"0.1\"\ndynamic = [\"dependencies\"]\n\n" +
            "[tool.setuptools.dynamic]\ndependencies = { file = [\"deps.lst\"] }\n\n" +
            "[tool.hatch.envs.default]\ndependencies = [\"google-genai>=1.0\"]\n[tool.hatch.envs.lint]\nextra-dependencies = [\"ollama\"]\n");
        string cfg = dir.Write("tools/summariser/setup.cfg", "[metadata]\nname = x\n[options]\nsetup_requires = together\ntests_require =\n    huggingface_hub\n");
        string sh = dir.Write("ci.sh", "pip install --requirement=dev-requirements.txt --constraint pinned.lst\n");
        var problems = new List<Finding>();

        Assert.Equal(new[] { "test-deps.txt:1|pkg:pypi/anthropic" }, Ids(PackageManifests.Read(tox, problems)));
        Assert.Equal(new[] { "ml-deps.txt:1|pkg:pypi/mistralai" }, Ids(PackageManifests.Read(env, problems)));
        Assert.Equal(new[] { "deps.lst:1|pkg:pypi/groq", "pyproject.toml:14|pkg:pypi/google-genai", "pyproject.toml:16|pkg:pypi/ollama", "pyproject.toml:2|pkg:pypi/openai" },
            Ids(PackageManifests.Read(pyproject, problems).Where(p => p.Id != "pkg:pypi/setuptools")));
        Assert.Equal(new[] { "setup.cfg:4|pkg:pypi/together", "setup.cfg:6|pkg:pypi/huggingface-hub" }, Ids(PackageManifests.Read(cfg, problems)));
        Assert.Equal(new[] { "dev-requirements.txt:1|pkg:pypi/openai", "pinned.lst:1|pkg:pypi/cohere" }, Ids(InstalledSdks.Read(sh)));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("dev-requirements.txt", true)]
    [InlineData("py/test_requirements.txt", true)]
    [InlineData("constraints.txt", true)]
    [InlineData("ci/constraints-py312.txt", true)]
    [InlineData("notes.txt", false)]
    public void Route2_requirement_and_constraint_files_are_package_files_by_name(string path, bool expected)
    {
        Assert.Equal(expected, PackageManifests.IsManifest(path));
    }

    [Fact]
    public void Route12_install_commands_of_every_known_ecosystem_are_read()
    {
        using var dir = new TempDir();
        string sh = dir.Write("bootstrap.sh", string.Join("\n",
            "pip install -e \"git+https://github.com/openai/openai-python#egg=openai\"",  // 1
            "yarn add llm@npm:openai@4.77.0",                                               // 2
            "npm i https://registry.npmjs.org/@anthropic-ai/sdk/-/sdk-0.30.0.tgz",          // 3
            "pipx inject llm-tool anthropic",                                               // 4 the app is no package
            "go get github.com/openai/openai-go@v1.0.0",                                    // 5
            "cargo add async-openai",                                                       // 6
            "gem install ruby-openai -v 7.3.1",                                             // 7
            "composer require openai-php/client:^0.10",                                     // 8
            "bundle add anthropic",                                                         // 9
            "cargo install --locked some-tool",                                             // 10 no SDK, still a crate
            "go get -u -t github.com/anthropics/anthropic-sdk-go",                          // 11 go's switches take no value
            "composer require -n -W --dev openai-php/laravel",                              // 12 composer's -n is --no-interaction
            "cargo add -n async-anthropic",                                                 // 13 cargo add -n is --dry-run
            "") + "\n");

        string[] found = InstalledSdks.Read(sh).Select(p => p.Id + ":" + p.Line).ToArray();

        Assert.Contains("pkg:pypi/openai:1", found);
        Assert.Contains("pkg:npm/openai:2", found);
        Assert.Contains("pkg:npm/@anthropic-ai/sdk:3", found);
        Assert.Contains("pkg:pypi/anthropic:4", found);
        Assert.DoesNotContain(found, f => f.StartsWith("pkg:pypi/llm-tool", StringComparison.Ordinal));
        Assert.Contains("pkg:golang/github.com/openai/openai-go:5", found);
        Assert.Contains("pkg:cargo/async-openai:6", found);
        Assert.Contains("pkg:gem/ruby-openai:7", found);
        Assert.Contains("pkg:composer/openai-php/client:8", found);
        Assert.Contains("pkg:gem/anthropic:9", found);
        Assert.Contains("pkg:golang/github.com/anthropics/anthropic-sdk-go:11", found);
        Assert.Contains("pkg:composer/openai-php/laravel:12", found);
    }

    [Fact]
    public void Route7_overrides_resolutions_and_scoped_tarball_urls_are_the_packages_they_install()
    {
        using var dir = new TempDir();
        string json = dir.Write("web/package.json", "{\n" +
            "  \"dependencies\": { \"is-odd\": \"3.0.1\", \"llm\": \"https://registry.npmjs.org/@anthropic-ai/sdk/-/sdk-0.30.0.tgz\" },\n" +
            "  \"overrides\": { \"is-number\": \"npm:openai@4.77.0\", \"foo\": { \"bar\": \"npm:groq-sdk@0.9.0\", \".\": \"1.0.0\" } },\n" +
            "  \"resolutions\": { \"**/left-pad\": \"npm:@mistralai/mistralai@1.0.0\" },\n" +
            "  \"pnpm\": { \"overrides\": { \"kind-of\": \"npm:@google/genai@1.0.0\" } }\n" +
            "}\n");
        var problems = new List<Finding>();

        string[] found = PackageManifests.Read(json, problems).Select(p => p.Id + ":" + p.Line).ToArray();

        Assert.Empty(problems);
        Assert.Contains("pkg:npm/@anthropic-ai/sdk:2", found);
        Assert.Contains("pkg:npm/openai:3", found);
        Assert.Contains("pkg:npm/groq-sdk:3", found);
        Assert.Contains("pkg:npm/@mistralai/mistralai:4", found);
        Assert.Contains("pkg:npm/@google/genai:5", found);
        Assert.DoesNotContain(found, f => f.StartsWith("pkg:npm/is-number", StringComparison.Ordinal));
    }
}
