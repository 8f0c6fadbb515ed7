using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 11 routes 5, 6 and 8: the AI SDKs a repository's Go, Rust, Java, Ruby and PHP parts, its Python scripts'
/// inline metadata and its JavaScript without a package.json declare, written as each ecosystem's documentation writes them
/// (go.mod reference, Cargo manifest format, POM reference, Gradle dependency notations, Bundler's Gemfile, Composer's
/// schema, PEP 723, tox and pre-commit configuration, Deno import maps, ESM CDN URLs), read into package URLs at their lines.
/// </summary>
public sealed class OtherEcosystemManifestsTests
{
    private static string[] Found(string path, string text, List<Finding>? problems = null) =>
        PackageManifests.Parse(path, text, problems ?? new List<Finding>()).Select(p => p.Id + "|" + p.Version + "|" + p.Line + "|" + p.Column).ToArray();

    [Fact]
    public void Go_mod_reads_require_lines_and_blocks_and_the_module_a_replace_fetches()
    {
        string mod = "module example.test/sidecar\n\ngo 1.23\n\n" +
                     "require github.com/openai/openai-go v1.8.2\n" +
                     "require (\n\tgithub.com/anthropics/anthropic-sdk-go v1.4.0 // indirect\n\tgoogle.golang.org/genai v1.10.0\n)\n" +
                     "require github.com/acme/llm v0.1.0\n" +
                     "replace github.com/acme/llm => github.com/sashabaranov/go-openai v1.36.0\n" +
                     "replace github.com/acme/local => ./local\n" +
                     "// require github.com/tmc/langchaingo v0.1.0\n";
        Assert.Equal(new[]
        {
            "pkg:golang/github.com/openai/openai-go|v1.8.2|5|9", "pkg:golang/github.com/anthropics/anthropic-sdk-go|v1.4.0|7|2",
            "pkg:golang/google.golang.org/genai|v1.10.0|8|2", "pkg:golang/github.com/acme/llm|v0.1.0|10|9",
            "pkg:golang/github.com/sashabaranov/go-openai|v1.36.0|11|32",
        }, Found("sidecar/go/go.mod", mod));
    }

    [Fact]
    public void Go_sum_reports_each_module_once_unless_the_go_mod_beside_it_declares_it()
    {
        using var dir = new TempDir();
        dir.Write("go/go.mod", "module x\nrequire github.com/openai/openai-go/v2 v2.0.0\n");
        string sum = dir.Write("go/go.sum",
            "github.com/openai/openai-go/v2 v2.0.0 h1:AAAA=\ngithub.com/openai/openai-go/v2 v2.0.0/go.mod h1:BBBB=\n" +
            "github.com/tmc/langchaingo v0.1.13 h1:CCCC=\ngithub.com/tmc/langchaingo v0.1.13/go.mod h1:DDDD=\n");
        Assert.Equal(new[] { "pkg:golang/github.com/tmc/langchaingo|v0.1.13|3" },
            PackageManifests.Read(sum, new List<Finding>()).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
    }

    [Fact]
    public void Cargo_toml_reads_every_dependency_table_and_a_renamed_crate_is_the_crate_it_names()
    {
        string toml = "[package]\nname = \"sidecar\"\nversion = \"0.1.0\"\n\n" +
                      "[dependencies]\nasync-openai = \"0.28\"\nllm = { package = \"openai-api-rs\", version = \"5.0\" }\nserde = \"1\"\n\n" +
                      "[dev-dependencies.ollama_rs]\nversion = \"0.2\"\npackage = \"ollama-rs\"\n\n" +
                      "[target.'cfg(unix)'.build-dependencies]\nrig-core = \"0.9\"\n\n" +
                      "[workspace.dependencies]\nrmcp = { version = \"0.2\" }\n";
        string[] found = Found("sidecar/rust/Cargo.toml", toml);
        Assert.Equal(new[] { "pkg:cargo/async-openai|0.28|6", "pkg:cargo/openai-api-rs|5.0|7", "pkg:cargo/serde|1|8", "pkg:cargo/ollama-rs|0.2|10", "pkg:cargo/rig-core|0.9|15", "pkg:cargo/rmcp|0.2|18" },
            found.Select(f => string.Join("|", f.Split('|').Take(3))));
    }

    [Fact]
    public void Cargo_lock_reports_fetched_crates_the_manifest_beside_it_does_not_declare()
    {
        using var dir = new TempDir();
        dir.Write("rs/Cargo.toml", "[package]\nname = \"sidecar\"\n[dependencies]\nrig-core = \"0.9\"\n");
        string lockToml = dir.Write("rs/Cargo.lock", "version = 4\n\n[[package]]\nname = \"sidecar\"\nversion = \"0.1.0\"\n\n" +
            "[[package]]\nname = \"rig-core\"\nversion = \"0.9.1\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n" +
            "[[package]]\nname = \"async_openai\"\nversion = \"0.28.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n");
        Assert.Equal(new[] { "pkg:cargo/async-openai|0.28.0|13" },
            PackageManifests.Read(lockToml, new List<Finding>()).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
    }

    [Fact]
    public void Pom_reads_each_dependency_but_not_its_exclusions()
    {
        string pom = "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <dependencies>\n" +
                     "    <dependency>\n      <groupId>com.openai</groupId>\n      <artifactId>openai-java</artifactId>\n      <version>2.0.0</version>\n" +
                     "      <exclusions><exclusion><groupId>org.example</groupId><artifactId>x</artifactId></exclusion></exclusions>\n    </dependency>\n" +
                     "  </dependencies>\n  <dependencyManagement><dependencies>\n" +
                     "    <dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-bom</artifactId><version>${lc4j.version}</version><type>pom</type></dependency>\n" +
                     "  </dependencies></dependencyManagement>\n</project>\n";
        Assert.Equal(new[] { "pkg:maven/com.openai/openai-java|2.0.0|4|5", "pkg:maven/dev.langchain4j/langchain4j-bom|${lc4j.version}|12|5" }, Found("sidecar/java/pom.xml", pom));
        var problems = new List<Finding>();
        Assert.Empty(Found("pom.xml", "<project><dependencies><dependency>\n<groupId>a</groupId>\n</project>", problems));
        Assert.Equal(("GRD205", 3), (Assert.Single(problems).Rule.Id, problems[0].Line));
    }

    [Fact]
    public void Gradle_scripts_and_version_catalogs_read_string_and_map_notations()
    {
        string kts = "plugins { id(\"org.jetbrains.kotlin.jvm\") version \"2.0.0\" }\ndependencies {\n" +
                     "    implementation(\"com.anthropic:anthropic-java:2.1.0\")\n" +
                     "    implementation(platform(\"com.openai:openai-java-bom:2.0.0\"))\n" +
                     "    testImplementation(group = \"io.github.sashirestela\", name = \"simple-openai\", version = \"3.9.0\")\n}\n";
        Assert.Equal(new[] { "pkg:maven/com.anthropic/anthropic-java|2.1.0|3", "pkg:maven/com.openai/openai-java-bom|2.0.0|4", "pkg:maven/io.github.sashirestela/simple-openai|3.9.0|5" },
            Found("app/build.gradle.kts", kts).Select(f => string.Join("|", f.Split('|').Take(3))));
        string groovy = "dependencies {\n    implementation 'com.google.genai:google-genai:1.0.0'\n    implementation group: 'dev.langchain4j', name: 'langchain4j-open-ai', version: '1.0.0'\n}\n";
        Assert.Equal(new[] { "pkg:maven/com.google.genai/google-genai|1.0.0|2", "pkg:maven/dev.langchain4j/langchain4j-open-ai|1.0.0|3" },
            Found("build.gradle", groovy).Select(f => string.Join("|", f.Split('|').Take(3))));
        string catalog = "[versions]\nspring-ai = \"1.0.0\"\n[libraries]\nopenai = \"com.openai:openai-java:2.0.0\"\nspring-ai-openai = { module = \"org.springframework.ai:spring-ai-openai\", version.ref = \"spring-ai\" }\n" +
                         "bedrock = { group = \"software.amazon.awssdk\", name = \"bedrockruntime\", version = \"2.30.0\" }\n[plugins]\nkotlin = { id = \"org.jetbrains.kotlin.jvm\", version = \"2.0.0\" }\n";
        Assert.Equal(new[] { "pkg:maven/com.openai/openai-java|2.0.0|4", "pkg:maven/org.springframework.ai/spring-ai-openai||5", "pkg:maven/software.amazon.awssdk/bedrockruntime|2.30.0|6" },
            Found("gradle/libs.versions.toml", catalog).Select(f => string.Join("|", f.Split('|').Take(3))));
    }

    [Fact]
    public void Ruby_gemfile_gemspec_and_lock_are_read()
    {
        Assert.Equal(new[] { "pkg:gem/ruby-openai|~> 7.3|3|6", "pkg:gem/anthropic||4|8" },
            Found("tools/Gemfile", "source \"https://rubygems.org\"\ngem \"rails\", \"~> 8.0\"\ngem \"ruby-openai\", \"~> 7.3\"\n  gem('anthropic')\n# gem \"ruby_llm\"\n").Skip(1));
        Assert.Equal(new[] { "pkg:gem/ruby_llm|>= 1.0|3|32" },
            Found("x.gemspec", "Gem::Specification.new do |spec|\n  spec.name = \"x\"\n  spec.add_runtime_dependency \"ruby_llm\", \">= 1.0\"\nend\n"));
        using var dir = new TempDir();
        dir.Write("rb/Gemfile", "gem \"rails\"\n");
        string gemLock = dir.Write("rb/Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (8.0.1)\n    ruby-openai (7.3.1)\n      faraday (>= 1)\n\nPLATFORMS\n  ruby\n");
        Assert.Equal(new[] { "pkg:gem/ruby-openai|7.3.1|5" }, PackageManifests.Read(gemLock, new List<Finding>()).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
    }

    [Fact]
    public void Composer_json_and_lock_are_read()
    {
        Assert.Equal(new[] { "pkg:composer/openai-php/client|^0.10|4|5", "pkg:composer/anthropic-ai/sdk|^0.5|6|20" },
            Found("web/composer.json", "{\n  \"require\": {\n    \"php\": \">=8.2\",\n    \"openai-php/client\": \"^0.10\"\n  },\n  \"require-dev\": { \"Anthropic-AI/SDK\": \"^0.5\" }\n}\n"));
        using var dir = new TempDir();
        dir.Write("php/composer.json", "{ \"require\": { \"prism-php/prism\": \"^0.50\" } }");
        string composerLock = dir.Write("php/composer.lock", "{\n  \"packages\": [\n    { \"name\": \"prism-php/prism\", \"version\": \"v0.50.0\" },\n    { \"name\": \"openai-php/client\", \"version\": \"v0.10.3\" }\n  ],\n  \"packages-dev\": []\n}\n");
        Assert.Equal(new[] { "pkg:composer/openai-php/client|v0.10.3|4" }, PackageManifests.Read(composerLock, new List<Finding>()).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
    }

    [Fact]
    public void A_python_scripts_inline_metadata_block_is_read_as_pep_723_writes_it()
    {
        string script = "#!/usr/bin/env -S uv run\n# /// script\n# requires-python = \">=3.11\"\n# dependencies = [\n#   \"openai>=1.55\",\n#   \"rich\",\n# ]\n# ///\nfrom openai import OpenAI\n";
        Assert.Equal(new[] { "pkg:pypi/openai|>=1.55|5|5", "pkg:pypi/rich||6|5" }, Found("scripts/summarize.py", script));
        Assert.Empty(Found("scripts/plain.py", "# dependencies = [\"openai\"]\nimport openai\n"));
        var problems = new List<Finding>();
        Assert.Empty(Found("scripts/broken.py", "# /// script\n# dependencies = [\"openai\"\n# ///\n", problems));
        Assert.Equal("GRD205", Assert.Single(problems).Rule.Id);
    }

    [Fact]
    public void Tox_pre_commit_and_pixi_dependencies_are_read()
    {
        string tox = "[tox]\nenv_list = py311\n[testenv]\ndeps = pytest\n    openai==1.55.0\n    py311: anthropic\n    -r requirements.txt\ncommands = pytest\n";
        Assert.Equal(new[] { "pkg:pypi/pytest|4", "pkg:pypi/openai|5", "pkg:pypi/anthropic|6" },
            Found("tox.ini", tox).Select(f => f.Split('|')[0] + "|" + f.Split('|')[2]));
        string preCommit = "repos:\n  - repo: https://example.test/hooks\n    rev: v1.0.0\n    hooks:\n      - id: ai-review\n        language: python\n        additional_dependencies: [openai==1.55.0]\n" +
                           "      - id: ai-lint\n        language: node\n        additional_dependencies:\n          - '@anthropic-ai/sdk@0.39.0'\n";
        Assert.Equal(new[] { "pkg:pypi/openai|1.55.0|7", "pkg:npm/@anthropic-ai/sdk|0.39.0|11" },
            Found(".pre-commit-config.yaml", preCommit).Select(f => string.Join("|", f.Split('|').Take(3))));
        string pixi = "[workspace]\nname = \"x\"\n[dependencies]\npython = \"3.12.*\"\n[pypi-dependencies]\nopenai = \">=1.55\"\n[feature.ai.pypi-dependencies]\ngroq = \"*\"\n";
        Assert.Equal(new[] { "pkg:pypi/openai|6", "pkg:pypi/groq|8" }, Found("pixi.toml", pixi).Select(f => f.Split('|')[0] + "|" + f.Split('|')[2]));
    }

    [Fact]
    public void Deno_import_maps_npm_specifiers_and_ESM_CDN_URLs_name_npm_packages()
    {
        Assert.Equal(new[] { "pkg:npm/openai|^4.77.0|4", "pkg:npm/@anthropic-ai/sdk|0.39.0|5" },
            Found("deno.jsonc", "{\n  // Deno's import map\n  \"imports\": {\n    \"openai\": \"npm:openai@^4.77.0\",\n    \"claude\": \"https://esm.sh/@anthropic-ai/sdk@0.39.0\",\n    \"std/\": \"jsr:@std/path@1\"\n  }\n}\n")
                .Select(f => string.Join("|", f.Split('|').Take(3))));
        string ts = "import OpenAI from \"openai\";\nimport Anthropic from \"npm:@anthropic-ai/sdk@0.39.0\";\nconst x = 'a: b';\n";
        Assert.Equal(new[] { "pkg:npm/@anthropic-ai/sdk|0.39.0|2|24" }, Found("tools/ai.ts", ts));
        string html = "<script type=\"importmap\">{ \"imports\": { \"openai\": \"https://cdn.jsdelivr.net/npm/openai@4.77.0/+esm\" } }</script>\n" +
                      "<script src=\"https://unpkg.com/@google/genai@1.0.0/dist/index.js\"></script>\n<script src=\"https://cdn.jsdelivr.net/gh/acme/x@1/a.js\"></script>\n" +
                      "<script type=\"module\">import Groq from 'https://esm.sh/v135/groq-sdk@0.9.0/es2022/groq-sdk.mjs';</script>\n";
        Assert.Equal(new[] { "pkg:npm/openai|4.77.0|1", "pkg:npm/@google/genai|1.0.0|2", "pkg:npm/groq-sdk|0.9.0|4" },
            Found("web/wwwroot/index.html", html).Select(f => string.Join("|", f.Split('|').Take(3))));
        Assert.Empty(Found("web/wwwroot/site.js", "const url = 'https://example.test/npm/openai@4';\n"));
    }

    /// <summary>
    /// JSR (install16): OpenAI publishes its JavaScript SDK to JSR as <c>@openai/openai</c> (deno.com/blog/openai-on-jsr:
    /// <c>deno add jsr:@openai/openai</c>), the same code as npm's <c>openai</c>; a <c>jsr:</c> import of it, in an import map,
    /// in code or through esm.sh's <c>/jsr/</c> path, is that package. Other JSR packages (<c>@std/path</c>) are not SDKs.
    /// </summary>
    [Fact]
    public void A_jsr_import_of_an_SDK_published_to_JSR_names_its_npm_package()
    {
        Assert.Equal(new[] { "pkg:npm/openai|^4.77.0|3" },
            Found("deno.json", "{\n  \"imports\": {\n    \"openai\": \"jsr:@openai/openai@^4.77.0\",\n    \"std/\": \"jsr:@std/path@1\"\n  }\n}\n").Select(f => string.Join("|", f.Split('|').Take(3))));
        Assert.Equal(new[] { "pkg:npm/openai|4.77.0|1|21", "pkg:npm/openai||2|21" },
            Found("tools/ai.ts", "import OpenAI from \"jsr:@openai/openai@4.77.0\";\nimport OpenAI from 'https://esm.sh/jsr/@openai/openai';\nimport { join } from \"jsr:@std/path\";\n"));
    }

    [Fact]
    public void An_SDK_installed_from_its_repository_or_a_local_folder_is_the_SDK_whatever_name_the_manifest_gives_it()
    {
        using var dir = new TempDir();
        dir.Write("vendor/llm/package.json", "{ \"name\": \"openai\", \"version\": \"4.77.0\" }");
        string json = dir.Write("web/package.json", "{ \"dependencies\": {\n" +
            "  \"llm-b\": \"github:openai/openai-node#v4.77.0\",\n" +
            "  \"llm-c\": \"git+https://github.com/anthropics/anthropic-sdk-typescript.git\",\n" +
            "  \"llm-d\": \"file:../vendor/llm\",\n" +
            "  \"llm-e\": \"openai/openai-node\",\n" +
            "  \"llm-f\": \"git+ssh://git@github.com:googleapis/js-genai.git\",\n" +
            "  \"left-pad\": \"github:stevemao/left-pad\"\n} }");
        Assert.Equal(new[] { "pkg:npm/openai|2", "pkg:npm/@anthropic-ai/sdk|3", "pkg:npm/openai|4", "pkg:npm/openai|5", "pkg:npm/@google/genai|6" },
            PackageManifests.Read(json, new List<Finding>()).Where(p => !p.Id.StartsWith("pkg:npm/llm-", StringComparison.Ordinal) && p.Id != "pkg:npm/left-pad").Select(p => p.Id + "|" + p.Line));
        string req = dir.Write("py/requirements.txt", "git+https://github.com/openai/openai-python@v1.55.0\nanthropic-sdk @ git+https://github.com/anthropics/anthropic-sdk-python\nrequests==2.32.3\n");
        Assert.Equal(new[] { "pkg:pypi/openai|1", "pkg:pypi/anthropic|2", "pkg:pypi/anthropic-sdk|2", "pkg:pypi/requests|3" },
            PackageManifests.Read(req, new List<Finding>()).Select(p => p.Id + "|" + p.Line));
        Assert.Equal(new[] { "pkg:pypi/openai|3", "pkg:pypi/llmclient|3" },
            Found("py/pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"llmclient @ git+https://github.com/openai/openai-python\"]\n").Select(f => f.Split('|')[0] + "|" + f.Split('|')[2]));
    }

    [Fact]
    public void Setup_py_literal_requirement_lists_and_conda_environment_pip_lists_are_read()
    {
        string setup = "from setuptools import setup\nsetup(\n    name=\"tools\",\n    install_requires=[\"openai>=1.0\", 'anthropic'],\n" +
                       "    extras_require={\"ai\": [\"groq==0.9.0\"], 'dev': ['pytest']},\n)\n";
        Assert.Equal(new[] { "pkg:pypi/openai|>=1.0|4|23", "pkg:pypi/anthropic||4|38", "pkg:pypi/groq|0.9.0|5|28", "pkg:pypi/pytest||5|52" }, Found("py/setup.py", setup));
        // conda packages are judged too where conda-forge repackages a catalog SDK under its PyPI name (openai, anthropic);
        // conda's own packages (python, pip, numpy) are not package URLs of PyPI and are left out.
        string env = "name: tools\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - openai\n  - pip\n  - pip:\n      - anthropic==0.40.0\n      - -r requirements.txt\n" +
                     "  - conda-forge::groq>=0.9\n  - numpy 1.26.*\n  - mistralai=1.2.0=pyhd8ed1ab_0\n";
        Assert.Equal(new[] { "pkg:pypi/openai||5", "pkg:pypi/anthropic|0.40.0|8", "pkg:pypi/groq|>=0.9|10", "pkg:pypi/mistralai|1.2.0|12" },
            Found("py/environment.yml", env).Select(f => string.Join("|", f.Split('|').Take(3))));
    }

    [Theory]
    [InlineData("sidecar/go.mod", true)]
    [InlineData("go.sum", true)]
    [InlineData("rs/Cargo.toml", true)]
    [InlineData("rs/Cargo.lock", true)]
    [InlineData("java/pom.xml", true)]
    [InlineData("java/build.gradle.kts", true)]
    [InlineData("gradle/libs.versions.toml", true)]
    [InlineData("Gemfile", true)]
    [InlineData("x.gemspec", true)]
    [InlineData("Gemfile.lock", true)]
    [InlineData("composer.json", true)]
    [InlineData("composer.lock", true)]
    [InlineData("scripts/x.py", true)]
    [InlineData("tox.ini", true)]
    [InlineData(".pre-commit-config.yaml", true)]
    [InlineData("pixi.toml", true)]
    [InlineData("deno.json", true)]
    [InlineData("web/wwwroot/js/ai.js", true)]
    [InlineData("web/node_modules/openai/index.js", false)]
    [InlineData("Cargo.toml.bak", false)]
    public void Which_files_of_other_ecosystems_are_package_files(string path, bool expected) => Assert.Equal(expected, PackageManifests.IsManifest(path));

    [Fact]
    public void Other_ecosystems_AI_SDKs_are_judged_by_the_package_evaluator_and_approved_by_their_package_URL()
    {
        using var dir = new TempDir();
        string mod = dir.Write("go/go.mod", "module x\nrequire github.com/openai/openai-go/v2 v2.0.0\n");
        string cargo = dir.Write("rs/Cargo.toml", "[dependencies]\nasync-openai = \"0.28\"\n");
        string pom = dir.Write("java/pom.xml", "<project><dependencies><dependency><groupId>com.anthropic</groupId><artifactId>anthropic-java</artifactId><version>2.1.0</version></dependency></dependencies></project>");
        string gem = dir.Write("rb/Gemfile", "gem \"ruby-openai\"\n");
        string composer = dir.Write("php/composer.json", "{ \"require\": { \"openai-php/client\": \"^0.10\" } }");
        string py = dir.Write("scripts/s.py", "# /// script\n# dependencies = [\"anthropic\"]\n# ///\n");
        string js = dir.Write("web/ai.js", "import OpenAI from 'https://esm.sh/openai@4.77.0';\n");

        Guardrails.BuildTasks.Results.CheckResult Run(string policy)
        {
            var problems = new List<Finding>();
            var request = new CheckRequest
            {
                ProjectPath = Path.Combine(dir.Path, "App", "App.csproj"),
                PolicyPath = dir.Write("policy/guardrails.policy.json", policy),
                ManifestPath = dir.Write("ai-assistants.json", BaseManifest),
                Mode = "Enforce",
                Now = Now,
            };
            request.ScriptPackages = new[] { mod, cargo, pom, gem, composer, py, js }.SelectMany(f => PackageManifests.Read(f, problems)).ToList();
            request.PackageFileProblems = problems;
            Assert.Empty(problems);
            return Guardrails.BuildTasks.Engine.GuardrailsChecker.Run(request);
        }

        var result = Run(BasePolicy);
        Assert.Equal(new[]
        {
            (mod, 2, "pkg:golang/github.com/openai/openai-go/v2"), (cargo, 2, "pkg:cargo/async-openai"), (pom, 1, "pkg:maven/com.anthropic/anthropic-java"),
            (gem, 1, "pkg:gem/ruby-openai"), (composer, 1, "pkg:composer/openai-php/client"), (py, 2, "pkg:pypi/anthropic"), (js, 1, "pkg:npm/openai"),
        }, result.Findings.Where(f => f.Rule.Id == "GRD201").Select(f => (f.File, f.Line, f.Subject!)).ToArray());
        Assert.Contains("Go toolchain", result.Findings.First(f => f.Rule.Id == "GRD201").Message);
        Assert.Contains("# /// script", result.Findings.Single(f => f.Subject == "pkg:pypi/anthropic").Message);

        string approving = BasePolicy.Replace("\"approved\": [", "\"approved\": [ { \"id\": \"pkg:golang/github.com/openai/openai-go/*\" }, { \"id\": \"pkg:cargo/async-openai\" }, { \"id\": \"pkg:maven/com.anthropic/*\" }, { \"id\": \"pkg:gem/ruby-openai\" }, { \"id\": \"pkg:composer/openai-php/client\" }, { \"id\": \"pkg:pypi/anthropic\" }, { \"id\": \"pkg:npm/openai\" },");
        Assert.NotEqual(BasePolicy, approving);
        Assert.DoesNotContain(Run(approving).Findings, f => f.Rule.Id == "GRD201");
    }
}
