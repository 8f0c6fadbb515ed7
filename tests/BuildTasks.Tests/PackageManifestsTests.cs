using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Issue 12 route R11: the npm and PyPI packages of a repository's front end and Python tooling, read with their lines as
/// package URLs (pkg:npm/…, pkg:pypi/…) and judged by the one package evaluator; a file that cannot be read is GRD205.
/// </summary>
public sealed class PackageManifestsTests
{
    private static string[] Found(string path, string text, List<Finding>? problems = null) =>
        PackageManifests.Parse(path, text, problems ?? new List<Finding>()).Select(p => p.Id + "|" + p.Version + "|" + p.Line + "|" + p.Column).ToArray();

    [Fact]
    public void Package_json_reads_the_four_dependency_sections_and_aliases_at_their_lines()
    {
        string json = "{\n" +
                      "  \"name\": \"openai\",\n" +
                      "  \"dependencies\": { \"openai\": \"^4.77.0\", \"react\": \"18.3.1\" },\n" +
                      "  \"devDependencies\": {\n    \"@anthropic-ai/sdk\": \"=0.30.1\"\n  },\n" +
                      "  \"optionalDependencies\": { \"my-ai\": \"npm:@google/genai@^1.0.0\" },\n" +
                      "  \"peerDependencies\": { \"ai\": \"*\" },\n" +
                      "  \"scripts\": { \"openai\": \"node x\" },\n" +
                      "  \"overrides\": { \"groq-sdk\": \"1.0.0\" }\n" +
                      "}\n";
        Assert.Equal(new[]
        {
            "pkg:npm/openai|^4.77.0|3|21", "pkg:npm/react|18.3.1|3|42", "pkg:npm/@anthropic-ai/sdk|0.30.1|5|5",
            "pkg:npm/@google/genai|^1.0.0|7|29", "pkg:npm/ai|*|8|25",
        }, Found("web/package.json", json));
    }

    [Fact]
    public void A_tarball_dependency_is_also_read_as_the_package_npm_pack_named_it()
    {
        string json = "{ \"dependencies\": {\n \"my-client\": \"file:vendor/openai-4.77.0.tgz\",\n \"x\": \"https://example.test/t/anthropic-ai-sdk-0.30.1-beta.1.tgz\",\n \"openai\": \"file:./openai-4.77.0.tgz\",\n \"y\": \"file:../lib\" } }";
        Assert.Equal(new[]
        {
            "pkg:npm/my-client|file:vendor/openai-4.77.0.tgz|2|2", "pkg:npm/openai||2|2", "pkg:npm/x|https://example.test/t/anthropic-ai-sdk-0.30.1-beta.1.tgz|3|2",
            "pkg:npm/@anthropic-ai/sdk||3|2", "pkg:npm/openai|file:./openai-4.77.0.tgz|4|2", "pkg:npm/y|file:../lib|5|2",
        }, Found("package.json", json));
    }

    [Fact]
    public void Requirements_files_read_pins_extras_markers_urls_eggs_wheels_and_continuations_and_follow_includes()
    {
        using var dir = new TempDir();
        dir.Write("py/base.txt", "groq>=0.9  # inline comment\n-r requirements.txt\n");
        string main = dir.Write("py/requirements.txt",
            "# comment\n" +
            "openai==1.55.0\n" +
            "anthropic[bedrock,vertex] >= 0.40 ; python_version >= \"3.9\"\n" +
            "  Google_GenerativeAI===0.8.3\n" +
            "mistralai @ https://example.test/mistralai-1.0.tar.gz\n" +
            "-e git+https://example.test/cohere.git#egg=cohere\n" +
            "./wheels/huggingface_hub-0.26.0-py3-none-any.whl\n" +
            "litellm \\\n    ==1.50.0\n" +
            "--index-url https://example.test/simple\n" +
            "-c constraints.txt\n" +
            "requests\n" +
            "--requirement base.txt\n");
        var problems = new List<Finding>();

        string[] found = PackageManifests.Read(main, problems).Select(p => Path.GetFileName(p.File) + "|" + p.Id + "|" + p.Version + "|" + p.Line).ToArray();

        Assert.Empty(problems);
        Assert.Equal(new[]
        {
            "requirements.txt|pkg:pypi/openai|1.55.0|2", "requirements.txt|pkg:pypi/anthropic|>= 0.40|3", "requirements.txt|pkg:pypi/google-generativeai|0.8.3|4",
            "requirements.txt|pkg:pypi/mistralai|@ https://example.test/mistralai-1.0.tar.gz|5", "requirements.txt|pkg:pypi/cohere||6",
            "requirements.txt|pkg:pypi/huggingface-hub||7", "requirements.txt|pkg:pypi/litellm|1.50.0|8", "requirements.txt|pkg:pypi/requests||12",
            "base.txt|pkg:pypi/groq|>=0.9|1",
        }, found);
    }

    [Fact]
    public void A_missing_include_is_GRD205_at_the_include_line()
    {
        using var dir = new TempDir();
        string main = dir.Write("requirements.txt", "openai\n-r requirements-missing.txt\n");
        var problems = new List<Finding>();
        PackageManifests.Read(main, problems);
        Finding f = Assert.Single(problems);
        Assert.Equal(("GRD205", main, 2), (f.Rule.Id, f.File, f.Line));
    }

    [Fact]
    public void Pyproject_reads_pep_621_optional_dependency_groups_poetry_and_uv_tables()
    {
        string toml = "[project]\n" +                                   // 1
                      "name = \"tools\"\n" +                             // 2
                      "dependencies = [\"httpx\", \"openai==1.55.0\"]\n" + // 3
                      "[project.optional-dependencies]\n" +             // 4
                      "ai = [\n  \"anthropic>=0.40\",\n]\n" +           // 5-7
                      "[dependency-groups]\n" +                         // 8
                      "dev = [\"mcp\", { include-group = \"ai\" }]\n" +  // 9
                      "[tool.poetry.dependencies]\n" +                  // 10
                      "python = \"^3.11\"\n" +                          // 11
                      "groq = \"^0.9\"\n" +                             // 12
                      "cohere = { version = \"==5.0.0\", optional = true }\n" + // 13
                      "[tool.poetry.group.ml.dependencies]\n" +         // 14
                      "transformers = \"*\"\n" +                        // 15
                      "[tool.uv]\n" +                                   // 16
                      "dev-dependencies = [\"litellm\"]\n" +            // 17
                      "[build-system]\n" +                              // 18
                      "requires = [\"openai-build-only\"]\n";            // 19
        Assert.Equal(new[]
        {
            "pkg:pypi/httpx||3|17", "pkg:pypi/openai|1.55.0|3|26", "pkg:pypi/anthropic|>=0.40|6|3", "pkg:pypi/mcp||9|8",
            "pkg:pypi/groq|^0.9|12|1", "pkg:pypi/cohere|5.0.0|13|1", "pkg:pypi/transformers||15|1", "pkg:pypi/litellm||17|21", "pkg:pypi/openai-build-only||19|13",
        }, Found("tools/pyproject.toml", toml));
    }

    [Fact]
    public void Pipfile_and_setup_cfg_are_read()
    {
        Assert.Equal(new[] { "pkg:pypi/openai|1.55.0|5|1", "pkg:pypi/anthropic||6|1", "pkg:pypi/groq||8|1" },
            Found("Pipfile", "[[source]]\nurl = \"https://example.test/simple\"\nname = \"pypi\"\n[packages]\nopenai = \"==1.55.0\"\nanthropic = {version = \"*\", extras = [\"bedrock\"]}\n[dev-packages]\ngroq = \"*\"\n[requires]\npython_version = \"3.11\"\n"));
        Assert.Equal(new[] { "pkg:pypi/openai|>=1.0|5|5", "pkg:pypi/anthropic||6|5", "pkg:pypi/groq||9|5" },
            Found("setup.cfg", "[metadata]\nname = x\n[options]\ninstall_requires =\n    openai>=1.0\n    anthropic\n[options.extras_require]\nai =\n    groq\n[flake8]\nmax-line-length = 100\n"));
    }

    [Fact]
    public void Lock_files_report_what_the_package_json_beside_them_does_not_declare()
    {
        using var dir = new TempDir();
        dir.Write("web/package.json", "{ \"dependencies\": { \"openai\": \"^4\", \"langchain\": \"^0.3\" } }");
        string lockJson = dir.Write("web/package-lock.json", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": { \"dependencies\": { \"openai\": \"^4\" } },\n" +
            "    \"node_modules/openai\": { \"version\": \"4.77.0\" },\n    \"node_modules/@langchain/openai\": { \"version\": \"0.3.0\" },\n" +
            "    \"node_modules/x/node_modules/groq-sdk\": { \"version\": \"0.9.0\" },\n    \"node_modules/alias\": { \"name\": \"cohere-ai\", \"version\": \"7.0.0\" },\n" +
            "    \"packages/ui\": { \"name\": \"ui\" },\n    \"node_modules/ui\": { \"resolved\": \"packages/ui\", \"link\": true }\n  }\n}\n");
        var problems = new List<Finding>();
        Assert.Equal(new[] { "pkg:npm/@langchain/openai|0.3.0|6", "pkg:npm/groq-sdk|0.9.0|7", "pkg:npm/cohere-ai|7.0.0|8" },
            PackageManifests.Read(lockJson, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));

        string yarn = dir.Write("web/yarn.lock", "# yarn lockfile v1\n\n\"@anthropic-ai/sdk@^0.30.0\", \"@anthropic-ai/sdk@^0.30.1\":\n  version \"0.30.1\"\n\nopenai@^4:\n  version \"4.77.0\"\n\n\"ollama@npm:^0.5.0\":\n  version: 0.5.0\n");
        Assert.Equal(new[] { "pkg:npm/@anthropic-ai/sdk|3", "pkg:npm/ollama|9" }, PackageManifests.Read(yarn, problems).Select(p => p.Id + "|" + p.Line));

        string pnpm = dir.Write("web/pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      openai:\n        specifier: ^4\n        version: 4.77.0\npackages:\n  openai@4.77.0:\n    resolution: {integrity: sha512-x}\n  '@google/genai@1.0.0':\n    resolution: {integrity: sha512-y}\nsnapshots:\n  '@google/genai@1.0.0(zod@3.0.0)':\n    dependencies: {}\n");
        Assert.Equal(new[] { "pkg:npm/@google/genai|1.0.0|11" }, PackageManifests.Read(pnpm, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
        Assert.Empty(problems);
    }

    [Fact]
    public void Python_lock_files_report_what_the_pyproject_or_Pipfile_beside_them_does_not_declare()
    {
        using var dir = new TempDir();
        dir.Write("py/pyproject.toml", "[project]\nname = \"tools\"\ndependencies = [\"langchain-openai\"]\n");
        string uv = dir.Write("py/uv.lock", "version = 1\n\n[[package]]\nname = \"langchain-openai\"\nversion = \"0.3.0\"\n\n[[package]]\nname = \"openai\"\nversion = \"1.55.0\"\n\n" +
            "[[package]]\nname = \"tools\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\n");
        var problems = new List<Finding>();
        Assert.Equal(new[] { "pkg:pypi/openai|1.55.0|8" }, PackageManifests.Read(uv, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));

        string poetry = dir.Write("py/poetry.lock", "[[package]]\nname = \"Anthropic\"\nversion = \"0.40.0\"\n");
        Assert.Equal(new[] { "pkg:pypi/anthropic|0.40.0|2" }, PackageManifests.Read(poetry, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));

        dir.Write("pe/Pipfile", "[packages]\nopenai = \"*\"\n");
        string pipLock = dir.Write("pe/Pipfile.lock", "{\n  \"_meta\": { \"hash\": { \"sha256\": \"x\" } },\n  \"default\": {\n    \"openai\": { \"version\": \"==1.55.0\" },\n    \"huggingface_hub\": { \"version\": \"==0.26.0\" }\n  },\n  \"develop\": { \"groq\": { \"version\": \"==0.9.0\" } }\n}\n");
        Assert.Equal(new[] { "pkg:pypi/huggingface-hub|0.26.0|5", "pkg:pypi/groq|0.9.0|7" }, PackageManifests.Read(pipLock, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("web/package.json", "{\n  \"dependencies\": {\n    \"openai\": \"^4\"\n    \"ai\": \"^4\"\n  }\n}\n", 4)]
    [InlineData("web/package-lock.json", "{ \"packages\": ", 1)]
    [InlineData("tools/pyproject.toml", "[project]\ndependencies = [\"openai\"\n[tool.x]\n", 3)]
    [InlineData("Pipfile", "[packages]\nopenai = \n", 2)]
    public void A_file_that_is_not_its_format_is_GRD205_at_its_line_never_an_exception(string path, string text, int line)
    {
        var problems = new List<Finding>();
        Assert.Empty(Found(path, text, problems));
        Finding f = Assert.Single(problems);
        Assert.Equal(("GRD205", line), (f.Rule.Id, f.Line));
    }

    [Fact]
    public void A_file_over_the_limit_or_not_UTF8_is_GRD205()
    {
        using var dir = new TempDir();
        string huge = Path.Combine(dir.Path, "requirements.txt");
        using (var s = File.Create(huge))
        {
            s.SetLength(PackageManifests.MaxBytes + 1);
        }

        var problems = new List<Finding>();
        Assert.Empty(PackageManifests.Read(huge, problems));
        Assert.Equal("GRD205", Assert.Single(problems).Rule.Id);

        string bad = Path.Combine(dir.Path, "package.json");
        File.WriteAllBytes(bad, new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' });
        problems.Clear();
        Assert.Empty(PackageManifests.Read(bad, problems));
        Assert.Equal(("GRD205", 1), (Assert.Single(problems).Rule.Id, problems[0].Line));
    }

    [Theory]
    [InlineData("package.json", true)]
    [InlineData("ClientApp/package.json", true)]
    [InlineData("ClientApp/node_modules/openai/package.json", false)]
    [InlineData("node_modules/openai/package.json", false)]
    [InlineData("scripts/requirements-dev.txt", true)]
    [InlineData("requirements/base.txt", true)]
    [InlineData("requirements.in", true)]
    [InlineData("notes.txt", false)]
    [InlineData("tools/pyproject.toml", true)]
    [InlineData("Pipfile", true)]
    [InlineData("Pipfile.lock", true)]
    [InlineData("py/uv.lock", true)]
    [InlineData("poetry.lock", true)]
    [InlineData("setup.cfg", true)]
    [InlineData("web/yarn.lock", true)]
    [InlineData("web/pnpm-lock.yaml", true)]
    public void Which_files_are_package_files(string path, bool expected) => Assert.Equal(expected, PackageManifests.IsManifest(path));

    [Fact]
    public void Package_file_packages_are_judged_by_the_package_evaluator_at_their_lines()
    {
        using var dir = new TempDir();
        string json = dir.Write("web/package.json", "{\n  \"dependencies\": {\n    \"openai\": \"^4.77.0\"\n  }\n}\n");
        string req = dir.Write("py/requirements.txt", "anthropic==0.40.0\n");
        var problems = new List<Finding>();
        string broken = dir.Write("other/pyproject.toml", "[project\n");
        var request = new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, "App", "App.csproj"),
            PolicyPath = dir.Write("policy/guardrails.policy.json", BasePolicy),
            ManifestPath = dir.Write("ai-assistants.json", BaseManifest),
            Mode = "Enforce",
            Now = Now,
        };
        request.ScriptPackages = PackageManifests.Read(json, problems).Concat(PackageManifests.Read(req, problems)).Concat(PackageManifests.Read(broken, problems)).ToList();
        request.PackageFileProblems = problems;

        var result = Guardrails.BuildTasks.Engine.GuardrailsChecker.Run(request);

        Assert.Equal(new[] { (json, 3, "pkg:npm/openai"), (req, 1, "pkg:pypi/anthropic") },
            result.Findings.Where(f => f.Rule.Id == "GRD201").Select(f => (f.File, f.Line, f.Subject!)).ToArray());
        Assert.Contains("declared in package.json (npm, yarn or pnpm installs it", result.Findings.First(f => f.Rule.Id == "GRD201").Message);
        Assert.Contains("add { \"id\": \"pkg:npm/openai\" } to packages.approved", result.Findings.First(f => f.Rule.Id == "GRD201").Message);
        Assert.Equal((broken, 1), result.Findings.Where(f => f.Rule.Id == "GRD205").Select(f => (f.File, f.Line)).Single());
        Assert.True(result.Findings.Single(f => f.Rule.Id == "GRD205").IsError(enforce: true));
        Assert.DoesNotContain(result.Effective.Packages, p => p.Id.StartsWith("pkg:", StringComparison.Ordinal));
    }
}
