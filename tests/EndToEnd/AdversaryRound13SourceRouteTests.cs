namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 13 routes 19, 9 and 10 (repro-19, repro-9, repro-10), the repros' repository content in one Enforce build:
/// the policy's approved npm/PyPI ids taken from a git repository or another index, the build files of sbt, Bazel, Dart, Swift
/// and Mix and a pom whose groupId is a property, and Python SDKs committed installed (<c>pip install -t lambda/package</c>, a
/// committed <c>.venv</c>). The build was green with no word; now each is GRD201 at its file and line, and a source the policy
/// names in <c>packages.sources</c> passes.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound13SourceRouteTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound13SourceRouteTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Approved_ids_from_other_sources_unknown_ecosystems_and_vendored_SDKs_fail_the_Enforce_build_with_GRD201()
    {
        string policy = E2eDocuments.Policy("e2e-round13-sources", 1, members: """
            "packages": {
              "approved": [ { "id": "pkg:npm/@azure/openai", "versions": "[2.0,3.0)" }, { "id": "pkg:pypi/azure-ai-inference" } ],
              "sources": [ "https://pypi.contoso.example/*" ]
            }
            """);
        TestProject project = _fixture.NewPinnedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        // Route 19.
        project.Write("web/package.json", "{ \"name\": \"web\", \"version\": \"1.0.0\", \"dependencies\": { \"@azure/openai\": \"github:acme/llm-client#v2.1.0\" } }\n");
        project.Write("tools/requirements.txt", "azure-ai-inference @ git+https://github.com/acme/llm-client@v1.0.0\n");
        project.Write("ml/requirements.txt", "--index-url https://pypi.cheap-llm.example/simple\nazure-ai-inference==1.0.0b9\n");
        project.Write("corp/requirements.txt", "--index-url https://pypi.contoso.example/simple\nazure-ai-inference==1.0.0\n"); // a source the policy names
        // Route 9.
        project.Write("jvm/build.sbt", "libraryDependencies += \"com.openai\" % \"openai-java\" % \"0.8.0\"\n");
        project.Write("bazel/MODULE.bazel", "maven = use_extension(\"@rules_jvm_external//:extensions.bzl\", \"maven\")\nmaven.install(artifacts = [\"com.anthropic:anthropic-java:1.0.0\"])\nuse_repo(maven, \"maven\")\n");
        project.Write("mobile/pubspec.yaml", "name: mobile\nenvironment:\n  sdk: \">=3.3.0 <4.0.0\"\ndependencies:\n  dart_openai: ^5.1.0\n  google_generative_ai: ^0.4.6\n");
        project.Write("ios/Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: \"App\",\n  dependencies: [ .package(url: \"https://github.com/MacPaw/OpenAI.git\", from: \"0.3.0\") ],\n  targets: [ .executableTarget(name: \"App\", dependencies: [ .product(name: \"OpenAI\", package: \"OpenAI\") ]) ])\n");
        project.Write("ex/mix.exs", "defmodule X.MixProject do\n  use Mix.Project\n  def project, do: [app: :x, version: \"0.1.0\", deps: deps()]\n  defp deps, do: [{:openai_ex, \"~> 0.8\"}, {:anthropix, \"~> 0.6\"}]\nend\n");
        project.Write("mvn/pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>y</artifactId><version>1</version>\n  <properties><ai.group>com.openai</ai.group></properties>\n  <dependencies><dependency><groupId>${ai.group}</groupId><artifactId>openai-java</artifactId><version>0.8.0</version></dependency></dependencies>\n</project>\n");
        // Route 10.
        project.Write("lambda/package/anthropic-0.40.0.dist-info/METADATA", "Metadata-Version: 2.3\nName: anthropic\nVersion: 0.40.0\nSummary: The official Python library for the anthropic API\n");
        project.Write("lambda/package/anthropic/__init__.py", "class Anthropic:\n    pass\n");
        project.Write("lambda/handler.py", "import sys\nsys.path.insert(0, \"package\")\nimport anthropic\n\ndef handler(event, context):\n    return anthropic.Anthropic()\n");
        project.Write(".venv/lib/python3.12/site-packages/openai-1.55.0.dist-info/METADATA", "Metadata-Version: 2.3\nName: openai\nVersion: 1.55.0\n");
        project.Write(".venv/lib/python3.12/site-packages/openai/__init__.py", "class OpenAI:\n    pass\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        string[] expected =
        {
            @"package\.json\(1,\d+\): Guardrails error GRD201: Package 'pkg:npm/@azure/openai'.*github:acme/llm-client#v2\.1\.0",
            @"tools[\\/]requirements\.txt\(1,\d+\): Guardrails error GRD201: Package 'pkg:pypi/azure-ai-inference'.*git\+https://github\.com/acme/llm-client",
            @"ml[\\/]requirements\.txt\(2,\d+\): Guardrails error GRD201: Package 'pkg:pypi/azure-ai-inference' 1\.0\.0b9.*https://pypi\.cheap-llm\.example/simple",
            @"build\.sbt\(1,\d+\): Guardrails error GRD201: Package 'pkg:maven/com\.openai/openai-java' 0\.8\.0",
            @"MODULE\.bazel\(2,\d+\): Guardrails error GRD201: Package 'pkg:maven/com\.anthropic/anthropic-java' 1\.0\.0",
            @"pubspec\.yaml\(5,\d+\): Guardrails error GRD201: Package 'pkg:pub/dart_openai'",
            @"pubspec\.yaml\(6,\d+\): Guardrails error GRD201: Package 'pkg:pub/google_generative_ai'",
            @"Package\.swift\(4,\d+\): Guardrails error GRD201: Package 'pkg:swift/github\.com/MacPaw/OpenAI' 0\.3\.0",
            @"mix\.exs\(4,\d+\): Guardrails error GRD201: Package 'pkg:hex/openai_ex'",
            @"mix\.exs\(4,\d+\): Guardrails error GRD201: Package 'pkg:hex/anthropix'",
            @"pom\.xml\(3,\d+\): Guardrails error GRD201: Package 'pkg:maven/com\.openai/openai-java' 0\.8\.0",
            @"METADATA\(2,\d+\): Guardrails error GRD201: Package 'pkg:pypi/anthropic' 0\.40\.0",
            @"METADATA\(2,\d+\): Guardrails error GRD201: Package 'pkg:pypi/openai' 1\.55\.0",
        };
        foreach (string pattern in expected)
        {
            Assert.Matches(pattern, build.Output);
        }

        Assert.DoesNotMatch(@"corp[\\/]requirements\.txt\(\d+,\d+\): Guardrails error", build.Output);
    }
}
