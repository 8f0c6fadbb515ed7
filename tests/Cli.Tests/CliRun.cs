namespace Guardrails.Cli.Tests;

/// <summary>Runs the guardrails command in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string All => Out + Err;
}

/// <summary>A temporary folder laid out like a repository.</summary>
internal sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Path.Combine(Path.GetTempPath(), "grd-cli-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relative, string content)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal static class Documents
{
    public const string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "cli-tests",
          "revision": 3,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny", "requireManifest": true },
          "dataClasses": ["public", "internal", "confidential"],
          "tiers": { "standard": { "maxDataClass": "confidential" } },
          "assistants": [
            { "id": "claude-code", "vendor": "Anthropic", "maxDataClass": "confidential",
              "models": { "allow": ["claude-sonnet-4*"] },
              "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2030-01-01", "ticket": "GOV-1" } },
            { "id": "github-copilot", "vendor": "GitHub", "maxDataClass": "internal",
              "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2026-12-20", "ticket": "GOV-2" } }
          ],
          "packages": {
            "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ]
          }
        }
        """;

    public static string Manifest(string assistants = "", string repository = "example/cli") => $$"""
        {
          "manifestFormat": "1.0",
          "repository": "{{repository}}",
          "tier": "standard",
          "dataClass": "internal",
          "owner": { "team": "Payments", "contact": "payments@example.test" },
          "assistants": [{{assistants}}]
        }
        """;

    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
          </PropertyGroup>
        </Project>
        """;

    public static string ProjectWith(string id, string version) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{{id}}" Version="{{version}}" />
          </ItemGroup>
        </Project>
        """;
}
