using System.Text.Json;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 7 routes 8 and 11 through <c>guardrails scan</c>: an AI endpoint the policy does not approve, set in
/// the repository's files that are not C# or JSON (the project file, app.config, a Dockerfile, compose, a page's script,
/// a Python script, plain text), is GRD004 at its file and line, the "endpoints" record lists it, and a file too large
/// for the analyzers makes that record incomplete.
/// </summary>
public sealed class ScanEndpointFilesTests
{
    private static readonly string Url = "https://" + "api.openai.com" + "/v1";

    [Fact]
    public void An_unapproved_endpoint_in_every_kind_of_file_is_GRD004_and_listed_and_a_large_file_makes_the_list_incomplete()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json")));
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n" +
                                     "    <RuntimeHostConfigurationOption Include=\"App.LlmBase\" Value=\"" + Url + "\" />\n  </ItemGroup>\n</Project>\n");
        repo.Write("App/Program.cs", "System.Console.WriteLine(System.AppContext.GetData(\"App.LlmBase\"));\n");
        repo.Write("App/App.config", "<configuration>\n  <appSettings>\n    <add key=\"LlmBase\" value=\"" + Url + "\"/>\n  </appSettings>\n</configuration>\n");
        repo.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nENV OPENAI_BASE_URL=" + Url + "\n");
        repo.Write("docker-compose.yml", "services:\n  app:\n    environment:\n      OPENAI_BASE_URL: " + Url + "\n");
        repo.Write("App/wwwroot/chat.js", "fetch(\"" + Url + "/chat/completions\");\n");
        repo.Write("scripts/summarize.py", "from openai import OpenAI\nclient = OpenAI(base_url=\"" + Url + "\")\n");
        repo.Write("App/endpoint.txt", "api.openai.com\n");
        repo.Write("README.md", "Calls " + Url + " (see https://platform.openai.com/docs).\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using (JsonDocument doc = JsonDocument.Parse(run.Out))
        {
            var found = doc.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("rule").GetString() == "GRD004")
                .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32())
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(new[]
            {
                "App/App.config:3", "App/App.csproj:6", "App/endpoint.txt:1", "App/wwwroot/chat.js:1", "Dockerfile:2", "docker-compose.yml:4", "scripts/summarize.py:2",
            }, found);

            JsonElement endpoints = doc.RootElement.GetProperty("endpoints");
            Assert.True(endpoints.GetProperty("complete").GetBoolean());
            JsonElement openAi = endpoints.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "api.openai.com");
            Assert.Equal(7, openAi.GetProperty("files").GetInt32());
            Assert.NotEqual("approved", openAi.GetProperty("status").GetString());
        }

        // A file over the analyzers' limit is scanned for keys by the streaming reader, not for endpoints: the list says so.
        repo.Write("App/data/big.txt", new string('x', Guardrails.Core.Files.TextFileSecrets.MaxLength + 10) + "\n" + Url + "\n");
        CliRun large = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");
        using JsonDocument second = JsonDocument.Parse(large.Out);
        JsonElement incomplete = second.RootElement.GetProperty("endpoints");
        Assert.False(incomplete.GetProperty("complete").GetBoolean());
        Assert.Equal("1 file(s) that may name an AI endpoint were not searched for one (large; first: big.txt): GRD004/GRD008 read the files the compiler is given",
            incomplete.GetProperty("incompleteBecause").GetString());
    }
    [Fact]
    public void Route2_an_endpoint_in_a_local_a_folded_split_a_json_property_name_and_an_xml_character_reference_is_GRD004_in_the_scan()
    {
        // Adversary round 9 route 2: scan found none of these and listed no endpoint ("complete": true, "hosts": []).
        using var repo = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json")));
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("App/Program.cs", "var chat = \"" + Url + "/chat/completions\";\nvar models = new System.Uri(\"https://api.open\" + \"ai.com/v1/models\");\n" +
                                     "System.Console.WriteLine(chat + models + Paths.Embeddings);\n" +
                                     "static class Paths { public static readonly string Embeddings = \"" + Url + "/embeddings\"; }\n");
        repo.Write("App/appsettings.json", "{ \"Upstreams\": { \"" + Url + "/\": { \"Enabled\": true } } }\n");
        repo.Write("App/App.config", "<configuration>\n  <appSettings>\n    <add key=\"LlmBaseUrl\" value=\"" + Url.Replace("openai.com", "openai&#46;com") + "/\"/>\n  </appSettings>\n</configuration>\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        string[] found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD004")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32())
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "App/App.config:3", "App/Program.cs:1", "App/Program.cs:2", "App/Program.cs:4", "App/appsettings.json:1" }, found);
        JsonElement openAi = doc.RootElement.GetProperty("endpoints").GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "api.openai.com");
        Assert.Equal(3, openAi.GetProperty("files").GetInt32());
    }

    [Fact]
    public void A_host_spelled_with_full_width_letters_is_GRD004_in_the_scan()
    {
        // Adversary round 8 route 7: "ａｐｉ.openai.com" is api.openai.com to .NET's Uri and HttpClient; the analyzers fold it,
        // and guardrails scan, which runs them over the repository's files, must find it too.
        using var repo = new TempRepo();
        repo.Write("policy/guardrails.policy.json", File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json")));
        repo.Write("ai-assistants.json", Documents.Manifest());
        repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("App/Program.cs", "System.Console.WriteLine();\n");
        repo.Write("deploy/appsettings.Production.json", "{ \"OpenAI\": { \"Endpoint\": \"https://\uFF41\uFF50\uFF49.openai.com/v1/\" } }\n");
        repo.Write("deploy/app.env", "OPENAI_BASE_URL=https://\uFF41\uFF50\uFF49.openai.com/v1\n");

        // In a child process with invariant globalization, as the tool runs (its runtimeconfig sets it): no ICU, so
        // neither string.Normalize nor Uri.IdnHost folds the letters there.
        var run = RepositoryIdentityScanTests.Scan(repo, ("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1"));

        Assert.True(run.ExitCode == 1, run.Output);
        string[] found = run.Findings
            .Where(f => f.GetProperty("rule").GetString() == "GRD004")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32())
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "deploy/app.env:1", "deploy/appsettings.Production.json:1" }, found);
    }
}
