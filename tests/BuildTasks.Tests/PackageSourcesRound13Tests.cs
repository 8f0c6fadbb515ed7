using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Tests.Footprints;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 13 routes 19, 9 and 10 (repro-19, repro-9, repro-10): an approved npm/PyPI id taken from a source that is
/// not its registry, the build files of ecosystems no reader knew (sbt, Bazel, pub, Swift, Mix, a pom's <c>${property}</c>),
/// and a Python SDK committed already installed (<c>*.dist-info/METADATA</c>, a vendored package's <c>_version.py</c>); with
/// the side findings: a PyPI id the policy writes unnormalized, and a prose file named like a requirements file.
/// </summary>
public sealed class PackageSourcesRound13Tests
{
    /// <summary>The repro's policy: @azure/openai [2.0,3.0) and azure-ai-inference approved (the second as the policy may spell it).</summary>
    private static string Approving(string approved = "{ \"id\": \"pkg:npm/@azure/openai\", \"versions\": \"[2.0,3.0)\" }, { \"id\": \"pkg:pypi/azure-ai-inference\" }", string extra = "") =>
        BasePolicy.Edit("\"approved\": [ { \"id\": \"Anthropic\", \"versions\": \"[1.0,2.0)\" }, { \"id\": \"Microsoft.Extensions.AI*\" } ],",
            "\"approved\": [ " + approved + " ]," + extra);

    private static List<Finding> Judge(TempDir dir, string policy, params string[] files)
    {
        var problems = new List<Finding>();
        var packages = new List<DeclaredPackage>();
        foreach (string file in files)
        {
            packages.AddRange(file.EndsWith(".sh", StringComparison.Ordinal) ? Guardrails.BuildTasks.Footprints.InstalledSdks.Read(file) : PackageManifests.Read(file, problems));
        }

        var request = new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, "App", "App.csproj"),
            PolicyPath = dir.Write("policy/guardrails.policy.json", policy),
            ManifestPath = dir.Write("ai-assistants.json", BaseManifest),
            Mode = "Enforce",
            Now = Now,
            ScriptPackages = packages,
            PackageFileProblems = problems,
        };
        List<Finding> findings = Guardrails.BuildTasks.Engine.GuardrailsChecker.Run(request).Findings;
        Assert.DoesNotContain(findings, f => f.Rule.Id.StartsWith("GRD1", StringComparison.Ordinal) && f.IsError(true)); // the policy itself is valid
        return findings;
    }

    private static string[] Grd201(IEnumerable<Finding> findings) =>
        findings.Where(f => f.Rule.Id == "GRD201").Select(f => Path.GetFileName(Path.GetDirectoryName(f.File)) + "/" + Path.GetFileName(f.File) + ":" + f.Line + "|" + f.Subject)
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Route19_an_approved_id_from_a_git_repository_or_another_index_is_GRD201_naming_the_source()
    {
        using var dir = new TempDir();
        string web = dir.Write("web/package.json", "{ \"name\": \"web\", \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"@azure/openai\": \"github:acme/llm-client#v2.1.0\"\n  }\n}\n");
        string tools = dir.Write("tools/requirements.txt", "azure-ai-inference @ git+https://github.com/acme/llm-client@v1.0.0\n");
        string ml = dir.Write("ml/requirements.txt", "--index-url https://pypi.cheap-llm.example/simple\nazure-ai-inference==1.0.0b9\n");
        string sh = dir.Write("ci/install.sh", "pip install --extra-index-url https://pypi.cheap-llm.example/simple azure-ai-inference==1.0.0\nnpm i @azure/openai@github:acme/llm-client\n");

        List<Finding> findings = Judge(dir, Approving(), web, tools, ml, sh);

        Assert.Equal(new[] { "ci/install.sh:1|pkg:pypi/azure-ai-inference", "ci/install.sh:2|pkg:npm/@azure/openai", "ml/requirements.txt:2|pkg:pypi/azure-ai-inference", "tools/requirements.txt:1|pkg:pypi/azure-ai-inference", "web/package.json:3|pkg:npm/@azure/openai" },
            Grd201(findings));
        string npm = findings.Single(f => f.Subject == "pkg:npm/@azure/openai" && f.File == web).Message;
        Assert.Contains("github:acme/llm-client#v2.1.0", npm);
        Assert.Contains("not the registry", npm);
        Assert.Contains("packages.sources", npm);
        Assert.Contains("https://pypi.cheap-llm.example/simple", findings.Single(f => f.File == ml).Message);
    }

    [Fact]
    public void Route19_the_registry_itself_and_the_sources_the_policy_names_pass()
    {
        using var dir = new TempDir();
        string web = dir.Write("web/package.json", "{ \"dependencies\": {\n    \"@azure/openai\": \"^2.1.0\",\n    \"x\": \"npm:@azure/openai@2.2.0\"\n  }\n}\n");
        string plain = dir.Write("plain/requirements.txt", "--index-url https://pypi.org/simple\nazure-ai-inference==1.0.0\n");
        string mirror = dir.Write("ml/requirements.txt", "--extra-index-url https://pypi.contoso.example/simple/\nazure-ai-inference==1.0.0\n");
        string fork = dir.Write("tools/requirements.txt", "azure-ai-inference @ git+https://github.com/contoso/llm-client@v1.0.0\n");
        string uv = dir.Write("svc/pyproject.toml", "[project]\nname = \"svc\"\nversion = \"1\"\ndependencies = [\"azure-ai-inference>=1.0\"]\n\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"https://pypi.contoso.example/simple\"\n");

        List<Finding> findings = Judge(dir, Approving(extra: "\n    \"sources\": [\"https://pypi.contoso.example/*\", \"https://github.com/contoso/*\"],"), web, plain, mirror, fork, uv);

        Assert.Empty(Grd201(findings));
    }

    [Fact]
    public void Route19_uv_Poetry_and_Pipenv_sources_of_an_approved_id_are_judged_like_the_requirements_forms()
    {
        using var dir = new TempDir();
        string uv = dir.Write("uv/pyproject.toml", "[project]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"azure-ai-inference\"]\n\n[tool.uv.sources]\nazure-ai-inference = { git = \"https://github.com/acme/llm-client\" }\n");
        string index = dir.Write("idx/pyproject.toml", "[project]\nname = \"b\"\nversion = \"1\"\ndependencies = [\"azure-ai-inference==1.0.0\"]\n\n[[tool.uv.index]]\nname = \"cheap\"\nurl = \"https://pypi.cheap-llm.example/simple\"\n");
        string explicitIndex = dir.Write("exp/pyproject.toml", "[project]\nname = \"c\"\nversion = \"1\"\ndependencies = [\"azure-ai-inference==1.0.0\"]\n\n[[tool.uv.index]]\nname = \"torch\"\nurl = \"https://download.example/whl\"\nexplicit = true\n");
        string poetry = dir.Write("poetry/pyproject.toml", "[tool.poetry]\nname = \"d\"\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\nazure-ai-inference = { git = \"https://github.com/acme/llm-client.git\", tag = \"v1\" }\n");
        string pipfile = dir.Write("pipenv/Pipfile", "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n\n[[source]]\nname = \"cheap\"\nurl = \"https://pypi.cheap-llm.example/simple\"\nverify_ssl = true\n\n[packages]\nazure-ai-inference = { version = \"*\", index = \"cheap\" }\n");

        List<Finding> findings = Judge(dir, Approving(), uv, index, explicitIndex, poetry, pipfile);

        Assert.Equal(new[] { "idx/pyproject.toml:4|pkg:pypi/azure-ai-inference", "pipenv/Pipfile:12|pkg:pypi/azure-ai-inference", "poetry/pyproject.toml:6|pkg:pypi/azure-ai-inference", "uv/pyproject.toml:4|pkg:pypi/azure-ai-inference" },
            Grd201(findings));
    }

    [Fact]
    public void Route19_a_registry_the_projects_npmrc_or_yarnrc_sets_is_the_source_of_its_packages()
    {
        using var dir = new TempDir();
        string scoped = dir.Write("web/package.json", "{ \"dependencies\": {\n    \"@azure/openai\": \"^2.1.0\"\n  }\n}\n");
        dir.Write("web/.npmrc", "; project settings\n@azure:registry=https://npm.cheap-llm.example/\nsave-exact=true\n");
        string yarn = dir.Write("app/package.json", "{ \"dependencies\": {\n    \"@azure/openai\": \"2.2.0\"\n  }\n}\n");
        dir.Write(".yarnrc.yml", "nodeLinker: node-modules\nnpmRegistryServer: \"https://npm.cheap-llm.example\"\n");
        string plain = dir.Write("ok/package.json", "{ \"dependencies\": {\n    \"@azure/openai\": \"^2.1.0\"\n  }\n}\n");
        dir.Write("ok/.npmrc", "registry=https://registry.npmjs.org/\n");

        List<Finding> findings = Judge(dir, Approving(), scoped, yarn, plain);

        Assert.Equal(new[] { "app/package.json:2|pkg:npm/@azure/openai", "web/package.json:2|pkg:npm/@azure/openai" }, Grd201(findings));
        Assert.Contains("https://npm.cheap-llm.example/", findings.First(f => f.File == scoped).Message);
    }

    [Fact]
    public void Route19_lock_files_say_where_each_package_was_fetched_from()
    {
        using var dir = new TempDir();
        string npmLock = dir.Write("web/package-lock.json", "{ \"lockfileVersion\": 3, \"packages\": {\n  \"\": { \"name\": \"web\" },\n" +
            "  \"node_modules/@azure/openai\": { \"version\": \"2.1.0\", \"resolved\": \"git+ssh://git@github.com/acme/llm-client.git#0123abc\" },\n" +
            "  \"node_modules/@azure/core\": { \"version\": \"1.0.0\", \"resolved\": \"https://registry.npmjs.org/@azure/core/-/core-1.0.0.tgz\" }\n} }\n");
        string uvLock = dir.Write("py/uv.lock", "version = 1\n\n[[package]]\nname = \"azure-ai-inference\"\nversion = \"1.0.0\"\nsource = { git = \"https://github.com/acme/llm-client?rev=v1#0123abc\" }\n");
        string okLock = dir.Write("ok/uv.lock", "version = 1\n\n[[package]]\nname = \"azure-ai-inference\"\nversion = \"1.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n");

        List<Finding> findings = Judge(dir, Approving(), npmLock, uvLock, okLock);

        Assert.Equal(new[] { "py/uv.lock:4|pkg:pypi/azure-ai-inference", "web/package-lock.json:3|pkg:npm/@azure/openai" }, Grd201(findings));
    }

    [Fact]
    public void Side_a_PyPI_id_the_policy_writes_unnormalized_approves_and_denies_the_package_as_pip_names_it()
    {
        using var dir = new TempDir();
        string req = dir.Write("py/requirements.txt", "azure-ai-inference==1.0.0\nmistralai==1.2.0\n");

        List<Finding> findings = Judge(dir, Approving("{ \"id\": \"pkg:pypi/Azure_AI.Inference\" }", "\n    \"denied\": [ { \"id\": \"pkg:pypi/MistralAI\", \"reason\": \"no contract\" } ],")
            .Edit("\"denied\": [ { \"id\": \"Shady.AI\", \"reason\": \"unvetted\" } ],", string.Empty), req);

        Assert.DoesNotContain(findings, f => f.Subject == "pkg:pypi/azure-ai-inference");
        Assert.Contains("no contract", Assert.Single(findings, f => f.Rule.Id == "GRD202").Message);
    }

    [Fact]
    public void Side_an_MCP_server_deny_written_with_an_unnormalized_PyPI_name_holds()
    {
        using var repo = new FootprintRepo();
        repo.Write(".mcp.json", "{ \"mcpServers\": { \"x\": { \"command\": \"uvx\", \"args\": [\"mcp-server-fetch==2025.4.7\"] } } }");

        FootprintHarness.Run run = FootprintHarness.Check(repo, FootprintHarness.Policy.Replace("pkg:pypi/mcp-server-fetch", "pkg:pypi/MCP_Server_Fetch"),
            FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]"));

        Assert.Contains("denied by the policy entry 'fetch-any'", Assert.Single(run.Of("GRD132")).Message);
    }

    [Fact]
    public void Side_a_prose_file_named_like_requirements_is_not_read_but_a_requirements_file_still_is()
    {
        using var dir = new TempDir();
        string prose = dir.Write("docs/system-requirements.txt", "System requirements\n\nPython 3.11 or later, 8 GB of memory.\n-r stands for recursive in the installer's help.\n");
        string real = dir.Write("ci/dev-requirements.txt", "# dev tools\nopenai==1.55.0 ; python_version >= \"3.9\"\n-r base.txt\n");
        dir.Write("ci/base.txt", "anthropic>=0.40\n");
        var problems = new List<Finding>();

        Assert.Empty(PackageManifests.Read(prose, problems));
        Assert.Empty(problems);
        Assert.Equal(new[] { "pkg:pypi/anthropic", "pkg:pypi/openai" }, PackageManifests.Read(real, problems).Select(p => p.Id).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public void Route9_sbt_Bazel_pub_Swift_Mix_and_pom_properties_are_read_as_their_packages()
    {
        using var dir = new TempDir();
        string sbt = dir.Write("jvm/build.sbt", "// deps\nlibraryDependencies += \"com.openai\" % \"openai-java\" % \"0.8.0\"\nlibraryDependencies += \"dev.langchain4j\" %% \"langchain4j-core\" % \"1.0\"\n");
        string deps = dir.Write("jvm/project/Dependencies.scala", "object Deps { val ai = \"com.anthropic\" % \"anthropic-java\" % \"1.0.0\" }\n");
        string bazel = dir.Write("bazel/MODULE.bazel", "maven = use_extension(\"@rules_jvm_external//:extensions.bzl\", \"maven\")\nmaven.install(artifacts = [\"com.anthropic:anthropic-java:1.0.0\"])\nmaven.artifact(group = \"com.openai\", artifact = \"openai-java\", version = \"0.8.0\")\nuse_repo(maven, \"maven\")\n");
        string pub = dir.Write("mobile/pubspec.yaml", "name: mobile\nenvironment:\n  sdk: \">=3.3.0 <4.0.0\"\ndependencies:\n  flutter:\n    sdk: flutter\n  dart_openai: ^5.1.0\n  google_generative_ai: ^0.4.6\n");
        string swift = dir.Write("ios/Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: \"App\",\n  dependencies: [ .package(url: \"https://github.com/MacPaw/OpenAI.git\", from: \"0.3.0\") ],\n  targets: [ .executableTarget(name: \"App\", dependencies: [ .product(name: \"OpenAI\", package: \"OpenAI\") ]) ])\n");
        string mix = dir.Write("ex/mix.exs", "defmodule X.MixProject do\n  use Mix.Project\n  def project, do: [app: :x, version: \"0.1.0\", deps: deps()]\n  defp deps, do: [{:openai_ex, \"~> 0.8\"}, {:anthropix, \"~> 0.6\"}]\nend\n");
        string pom = dir.Write("mvn/pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>y</artifactId><version>1</version>\n  <properties><ai.group>com.openai</ai.group></properties>\n  <dependencies><dependency><groupId>${ai.group}</groupId><artifactId>openai-java</artifactId><version>0.8.0</version></dependency></dependencies>\n</project>\n");
        var problems = new List<Finding>();
        foreach (string f in new[] { sbt, deps, bazel, pub, swift, mix, pom })
        {
            Assert.True(PackageManifests.IsManifest(Path.GetRelativePath(dir.Path, f).Replace('\\', '/')), f);
        }

        string[] Read(string f) => PackageManifests.Read(f, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line).ToArray();

        Assert.Equal(new[] { "pkg:maven/com.openai/openai-java|0.8.0|2", "pkg:maven/dev.langchain4j/langchain4j-core|1.0|3" }, Read(sbt));
        Assert.Equal(new[] { "pkg:maven/com.anthropic/anthropic-java|1.0.0|1" }, Read(deps));
        Assert.Equal(new[] { "pkg:maven/com.anthropic/anthropic-java|1.0.0|2", "pkg:maven/com.openai/openai-java|0.8.0|3" }, Read(bazel));
        Assert.Equal(new[] { "pkg:pub/dart_openai|^5.1.0|7", "pkg:pub/google_generative_ai|^0.4.6|8" }, Read(pub));
        Assert.Equal(new[] { "pkg:swift/github.com/MacPaw/OpenAI|0.3.0|4" }, Read(swift));
        Assert.Equal(new[] { "pkg:hex/openai_ex|~> 0.8|4", "pkg:hex/anthropix|~> 0.6|4" }, Read(mix));
        Assert.Equal(new[] { "pkg:maven/com.openai/openai-java|0.8.0|3" }, Read(pom));
        Assert.Empty(problems);

        // And judged: each is a catalog SDK the policy does not approve.
        List<Finding> findings = Judge(dir, Approving(), sbt, bazel, pub, swift, mix, pom);
        string[] subjects = findings.Where(f => f.Rule.Id == "GRD201").Select(f => f.Subject!).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "pkg:hex/anthropix", "pkg:hex/openai_ex", "pkg:maven/com.anthropic/anthropic-java", "pkg:maven/com.openai/openai-java", "pkg:maven/dev.langchain4j/langchain4j-core",
            "pkg:pub/dart_openai", "pkg:pub/google_generative_ai", "pkg:swift/github.com/MacPaw/OpenAI" }, subjects);
        Assert.Contains("declared in pubspec.yaml (the Dart toolchain", findings.First(f => f.Subject == "pkg:pub/dart_openai").Message);
        Assert.Contains("declared in Package.swift (the Swift Package Manager", findings.First(f => f.Subject == "pkg:swift/github.com/MacPaw/OpenAI").Message);
    }

    [Fact]
    public void Route10_a_Python_SDK_committed_installed_is_read_from_its_metadata_or_its_version_module()
    {
        using var dir = new TempDir();
        string lambda = dir.Write("lambda/package/anthropic-0.40.0.dist-info/METADATA", "Metadata-Version: 2.3\nName: anthropic\nVersion: 0.40.0\nSummary: The official Python library for the anthropic API\n\nName: not-a-header\n");
        string lambdaVersion = dir.Write("lambda/package/anthropic/_version.py", "__title__ = \"anthropic\"\n__version__ = \"0.40.0\"\n");
        string venv = dir.Write(".venv/lib/python3.12/site-packages/openai-1.55.0.dist-info/METADATA", "Metadata-Version: 2.3\nName: openai\nVersion: 1.55.0\n");
        string egg = dir.Write("old/mistralai.egg-info/PKG-INFO", "Metadata-Version: 2.1\nName: mistralai\nVersion: 1.2.0\n");
        string vendored = dir.Write("vendor/groq/_version.py", "# File generated from our OpenAPI spec\n\n__title__ = \"groq\"\n__version__ = \"0.9.0\"  # x-release-please-version\n");
        string notes = dir.Write("docs/METADATA", "Name: openai\n");
        var problems = new List<Finding>();

        Assert.True(PackageManifests.IsManifest("lambda/package/anthropic-0.40.0.dist-info/METADATA"));
        Assert.True(PackageManifests.IsManifest(".venv/lib/python3.12/site-packages/openai-1.55.0.dist-info/METADATA"));
        Assert.True(PackageManifests.IsManifest("old/mistralai.egg-info/PKG-INFO"));
        Assert.False(PackageManifests.IsManifest("docs/METADATA"));
        Assert.Equal(new[] { "pkg:pypi/anthropic|0.40.0|2" }, PackageManifests.Read(lambda, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
        Assert.Empty(PackageManifests.Read(lambdaVersion, problems)); // its dist-info beside it is the one report
        Assert.Equal(new[] { "pkg:pypi/groq|0.9.0|3" }, PackageManifests.Read(vendored, problems).Select(p => p.Id + "|" + p.Version + "|" + p.Line));
        Assert.Empty(problems);

        List<Finding> findings = Judge(dir, Approving(), lambda, lambdaVersion, venv, egg, vendored);
        Assert.Equal(new[] { "anthropic-0.40.0.dist-info/METADATA:2|pkg:pypi/anthropic", "groq/_version.py:3|pkg:pypi/groq", "mistralai.egg-info/PKG-INFO:2|pkg:pypi/mistralai", "openai-1.55.0.dist-info/METADATA:2|pkg:pypi/openai" },
            Grd201(findings));
        Assert.Contains("installed already in a folder committed in the repository", findings.First(f => f.File == venv).Message);
    }
}
