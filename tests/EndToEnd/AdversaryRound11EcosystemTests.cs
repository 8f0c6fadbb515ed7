namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 11 routes 5, 6 and 8 (the repros' content): a .NET repository whose Go, Rust, Java, Ruby and PHP
/// sidecars, a Python script's PEP 723 block, a Deno import map and a web page's CDN import each bring in an AI SDK. The
/// Enforce build passed with no word (only npm's package.json/lock files and PyPI's package files were read). Now each is
/// GRD201 at its file and line, in the build and in `guardrails scan`; approving the package URLs turns the build green.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound11EcosystemTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound11EcosystemTests(PackageFixture fixture) => _fixture = fixture;

    private static void WriteRoutes(TestProject project)
    {
        project.Write("sidecar/go/go.mod", "module contoso.example/summarizer\n\ngo 1.22\n\nrequire github.com/openai/openai-go v1.8.2\n");
        project.Write("sidecar/rust/Cargo.toml", "[package]\nname = \"summarizer\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nasync-openai = \"0.28\"\n");
        project.Write("sidecar/java/pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>y</artifactId><version>1</version>\n" +
            "<dependencies><dependency><groupId>com.openai</groupId><artifactId>openai-java</artifactId><version>2.0.0</version></dependency></dependencies></project>\n");
        project.Write("sidecar/ruby/Gemfile", "source \"https://rubygems.org\"\ngem \"ruby-openai\", \"~> 7.0\"\n");
        project.Write("sidecar/php/composer.json", "{ \"require\": { \"openai-php/client\": \"^0.10\" } }\n");
        project.Write("scripts/summarize.py", "# /// script\n# requires-python = \">=3.11\"\n# dependencies = [\n#   \"anthropic>=0.40\",\n# ]\n# ///\nimport anthropic\n");
        project.Write("deno.json", "{\n  \"imports\": {\n    \"genai\": \"npm:@google/genai@^1.0.0\"\n  }\n}\n");
        project.Write("sh/setup.sh", "#!/bin/sh\nset -e\npip install --no-cache-dir mistralai==1.2.0\n"); // adversary round 12 route 13
        project.Write("web/wwwroot/index.html", "<!doctype html>\n<script type=\"importmap\">{ \"imports\": { \"groq\": \"https://cdn.jsdelivr.net/npm/groq-sdk@0.9.0/+esm\" } }</script>\n");
    }

    [Fact]
    public void Other_ecosystems_AI_SDKs_fail_the_Enforce_build_and_the_scan_at_their_lines_and_pass_when_approved()
    {
        string unapproved = E2eDocuments.Policy("e2e-ecosystems", 1, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
            """);
        TestProject project = _fixture.NewPinnedProject(unapproved, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        WriteRoutes(project);
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        string[] expected =
        {
            @"go\.mod\(5,9\): Guardrails error GRD201: Package 'pkg:golang/github\.com/openai/openai-go' v1\.8\.2 \(OpenAI Go library",
            @"Cargo\.toml\(7,1\): Guardrails error GRD201: Package 'pkg:cargo/async-openai' 0\.28",
            @"pom\.xml\(2,15\): Guardrails error GRD201: Package 'pkg:maven/com\.openai/openai-java' 2\.0\.0 \(OpenAI Java SDK",
            @"Gemfile\(2,6\): Guardrails error GRD201: Package 'pkg:gem/ruby-openai'",
            @"composer\.json\(1,16\): Guardrails error GRD201: Package 'pkg:composer/openai-php/client'",
            @"summarize\.py\(4,5\): Guardrails error GRD201: Package 'pkg:pypi/anthropic' >=0\.40 \(Anthropic Python library",
            @"deno\.json\(3,14\): Guardrails error GRD201: Package 'pkg:npm/@google/genai' \^1\.0\.0",
            @"index\.html\(2,50\): Guardrails error GRD201: Package 'pkg:npm/groq-sdk' 0\.9\.0",
            @"setup\.sh\(3,1\): Guardrails error GRD201: Package 'pkg:pypi/mistralai' 1\.2\.0",
        };
        foreach (string pattern in expected)
        {
            Assert.Matches(pattern, build.Output);
        }

        DotNet.Result scan = GuardrailsTool.DocumentedScan(project.Directory, project.PathOf(E2eDocuments.PolicyFile));
        Assert.True(scan.ExitCode != 0, scan.ToString());
        foreach (string id in new[] { "pkg:golang/github.com/openai/openai-go", "pkg:cargo/async-openai", "pkg:maven/com.openai/openai-java", "pkg:gem/ruby-openai", "pkg:composer/openai-php/client", "pkg:pypi/anthropic", "pkg:npm/@google/genai", "pkg:npm/groq-sdk", "pkg:pypi/mistralai" })
        {
            Assert.True(scan.Output.Contains("GRD201", StringComparison.Ordinal) && scan.Output.Contains(id, StringComparison.Ordinal), id + "\n" + scan);
        }

        string approved = E2eDocuments.Policy("e2e-ecosystems", 2, members: """
            "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" }, { "id": "pkg:golang/github.com/openai/openai-go*" }, { "id": "pkg:cargo/async-openai" },
              { "id": "pkg:maven/com.openai/*" }, { "id": "pkg:gem/ruby-openai" }, { "id": "pkg:composer/openai-php/client" }, { "id": "pkg:pypi/anthropic" },
              { "id": "pkg:npm/@google/genai" }, { "id": "pkg:npm/groq-sdk" }, { "id": "pkg:pypi/mistralai" } ] }
            """);
        project.Write(E2eDocuments.PolicyFile, approved);
        project.PinPolicy(("GuardrailsMode", "Enforce"));

        DotNet.Result passes = project.Build();

        Assert.True(passes.ExitCode == 0, passes.ToString());
        Assert.DoesNotContain("GRD201", passes.Output);
    }
}
