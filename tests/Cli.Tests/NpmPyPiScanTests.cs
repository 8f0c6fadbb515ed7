using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Issue 12 route R11 (adversary round 7, repro-6's content): an SPA's <c>ClientApp/package.json</c> depends on the npm
/// <c>openai</c> SDK and <c>@modelcontextprotocol/sdk</c>, Python tooling pins <c>openai==1.55.0</c> and <c>anthropic</c>
/// in requirements files and a pyproject.toml. `guardrails scan` judged NuGet packages only: rc 0. Each package is now
/// judged by the one package evaluator as a package URL (pkg:npm/…, pkg:pypi/…): GRD201 at its file and line; approved in
/// the policy's packages.approved it passes; a denied one is GRD202; a version outside the approved range GRD203.
/// </summary>
public sealed class NpmPyPiScanTests
{
    internal const string PackageJson = """
        {
          "name": "client-app",
          "private": true,
          "dependencies": {
            "react": "^18.3.1",
            "openai": "^4.77.0"
          },
          "devDependencies": {
            "@modelcontextprotocol/sdk": "1.32.2",
            "typescript": "~5.6.0"
          }
        }
        """;

    internal const string Requirements = "# tooling\nrequests==2.32.3\nopenai==1.55.0 ; python_version >= \"3.9\"\n-r requirements-ai.txt\n";

    internal const string RequirementsAi = "anthropic[bedrock]>=0.40\n";

    [Fact]
    public void Npm_and_PyPI_AI_SDKs_are_GRD201_at_their_lines_and_pass_once_the_policy_approves_them()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("App/ClientApp/package.json", PackageJson);
        repo.Write("scripts/requirements.txt", Requirements);
        repo.Write("scripts/requirements-ai.txt", RequirementsAi);
        repo.Write("tools/pyproject.toml", "[project]\nname = \"tools\"\ndependencies = [\n  \"httpx\",\n  \"google-genai>=1.0\",\n]\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new (string?, int, string?, string?)[]
        {
            ("App/ClientApp/package.json", 6, "error", "pkg:npm/openai"),
            ("App/ClientApp/package.json", 9, "error", "pkg:npm/@modelcontextprotocol/sdk"),
            ("scripts/requirements-ai.txt", 1, "error", "pkg:pypi/anthropic"),
            ("scripts/requirements.txt", 3, "error", "pkg:pypi/openai"),
            ("tools/pyproject.toml", 5, "error", "pkg:pypi/google-genai"),
        }, Findings(run, "GRD201"));

        // Approved by package URL (one exact, one pattern), denied, and approved in another version range.
        repo.Write("policy/guardrails.policy.json", Documents.Policy.Replace(
            "\"approved\": [ { \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" } ]",
            "\"approved\": [ { \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" }, { \"id\": \"pkg:npm/openai\" }, { \"id\": \"pkg:npm/@modelcontextprotocol/*\" }, " +
            "{ \"id\": \"pkg:pypi/anthropic\" }, { \"id\": \"pkg:pypi/google-genai\" }, { \"id\": \"pkg:pypi/openai\", \"versions\": \"[1.60,2.0)\" } ]"));
        CliRun approved = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));
        Assert.Empty(Findings(approved, "GRD201"));
        Assert.Equal(new (string?, int, string?, string?)[] { ("scripts/requirements.txt", 3, "error", "pkg:pypi/openai") }, Findings(approved, "GRD203"));
        Assert.Equal(1, approved.ExitCode);

        repo.Write("scripts/requirements.txt", "requests==2.32.3\nopenai==1.61.0\n-r requirements-ai.txt\n");
        CliRun passes = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));
        Assert.Empty(Findings(passes, "GRD201").Concat(Findings(passes, "GRD202")).Concat(Findings(passes, "GRD203")));
        Assert.Equal(0, passes.ExitCode);
    }

    [Fact]
    public void A_package_json_that_is_not_JSON_is_GRD205_at_its_line_in_Enforce()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("web/package.json", "{\n  \"dependencies\": {\n    \"openai\": \"^4\"\n    \"ai\": \"^4\"\n  }\n}\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        (string? File, int Line, string? Level, string? Subject)[] grd205 = Findings(run, "GRD205");
        Assert.Single(grd205);
        Assert.Equal(("web/package.json", 4, "error"), (grd205[0].File, grd205[0].Line, grd205[0].Level));
    }

    [Fact]
    public void Other_ecosystems_AI_SDKs_and_script_declared_packages_are_GRD201_in_the_scan_at_their_lines()
    {
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", Documents.Policy);
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("sidecar/go/go.mod", "module contoso.example/s\n\nrequire (\n\tgithub.com/anthropics/anthropic-sdk-go v1.4.0\n)\n");
        repo.Write("sidecar/rust/Cargo.toml", "[dependencies]\nllm = { package = \"async-openai\", version = \"0.28\" }\n");
        repo.Write("sidecar/java/build.gradle.kts", "dependencies {\n    implementation(\"com.google.genai:google-genai:1.0.0\")\n}\n");
        repo.Write("sidecar/ruby/app.gemspec", "Gem::Specification.new do |s|\n  s.add_dependency \"anthropic\"\nend\n");
        repo.Write("sidecar/php/composer.lock", "{\n  \"packages\": [\n    { \"name\": \"anthropic-ai/sdk\", \"version\": \"v0.5.0\" }\n  ]\n}\n");
        repo.Write("tools/tox.ini", "[testenv]\ndeps =\n    mistralai==1.2.0\n");
        repo.Write("tools/ai.ts", "import OpenAI from \"npm:openai@4.77.0\";\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--policy", repo.PathOf("policy/guardrails.policy.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new (string?, int, string?, string?)[]
        {
            ("sidecar/go/go.mod", 4, "error", "pkg:golang/github.com/anthropics/anthropic-sdk-go"),
            ("sidecar/java/build.gradle.kts", 2, "error", "pkg:maven/com.google.genai/google-genai"),
            ("sidecar/php/composer.lock", 3, "error", "pkg:composer/anthropic-ai/sdk"),
            ("sidecar/ruby/app.gemspec", 2, "error", "pkg:gem/anthropic"),
            ("sidecar/rust/Cargo.toml", 2, "error", "pkg:cargo/async-openai"),
            ("tools/ai.ts", 1, "error", "pkg:npm/openai"),
            ("tools/tox.ini", 3, "error", "pkg:pypi/mistralai"),
        }, Findings(run, "GRD201"));
    }

    private static (string? File, int Line, string? Level, string? Subject)[] Findings(CliRun run, string rule)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == rule)
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("level").GetString(),
                f.TryGetProperty("subject", out JsonElement s) ? s.GetString() : SubjectOf(f.GetProperty("message").GetString())))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2).ToArray();
    }

    /// <summary>The package the message names ("Package 'pkg:npm/openai' …").</summary>
    private static string? SubjectOf(string? message)
    {
        if (message == null || !message.StartsWith("Package '", StringComparison.Ordinal))
        {
            return null;
        }

        int end = message.IndexOf('\'', 9);
        return end < 0 ? null : message.Substring(9, end - 9);
    }
}
