using static Guardrails.Analyzers.Tests.IndependentCorpus.Cs;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>Names a file form gives the value: the provider's (context) or neutral ones.</summary>
internal sealed record FileNames(string Section, string EnvVar, string Word, string Key = "ApiKey", string SnakeKey = "api_key")
{
    public static readonly FileNames Neutral = new("Settings", "VALUE", "settings");

    public static FileNames For(KeyKind k) => new(k.Section, k.EnvVar, k.ProviderWord, k.ConfigKey, k.ConfigKeySnake);
}

/// <summary>A configuration or text file a repository commits, holding the value (GRD002).</summary>
internal sealed record FileForm(string Name, bool SelfIdentifyingOnly, Func<FileNames, string, (string Path, string Text)> Build);

internal static class FileForms
{
    public static readonly IReadOnlyList<FileForm> All = new List<FileForm>
    {
        new("appsettings.json nested", false, (n, v) => ("/app/appsettings.json", $"{{\n  \"Logging\": {{ \"LogLevel\": {{ \"Default\": \"Information\" }} }},\n  \"{n.Section}\": {{\n    \"Endpoint\": \"https://example.invalid/\",\n{A}    \"{n.Key}\": \"{v}\"\n  }}\n}}\n")),
        new("appsettings.Development.json flat path", false, (n, v) => ("/app/appsettings.Development.json", $"{{\n{A}  \"{n.Section}:{n.Key}\": \"{v}\"\n}}\n")),
        new("launchSettings.json environmentVariables", false, (n, v) => ("/app/Properties/launchSettings.json", $"{{\n  \"profiles\": {{\n    \"App\": {{\n      \"commandName\": \"Project\",\n      \"environmentVariables\": {{\n{A}        \"{n.EnvVar}\": \"{v}\"\n      }}\n    }}\n  }}\n}}\n")),
        new(".env", false, (n, v) => ("/app/.env", $"# local settings\nLOG_LEVEL=debug\n{A}{n.EnvVar}={v}\n")),
        new(".env.local export with quotes", false, (n, v) => ("/app/.env.local", $"{A}export {n.EnvVar}=\"{v}\"\n")),
        new("docker-compose environment list", false, (n, v) => ("/docker-compose.yml", $"services:\n  api:\n    image: app:latest\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n{A}      - {n.EnvVar}={v}\n")),
        new("docker-compose environment map", false, (n, v) => ("/docker-compose.override.yml", $"services:\n  api:\n    environment:\n{A}      {n.EnvVar}: {v}\n")),
        new("GitHub workflow env", false, (n, v) => ("/.github/workflows/ci.yml", $"name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n{A}      {n.EnvVar}: {v}\n    steps:\n      - run: dotnet test\n")),
        new("YAML nested section", false, (n, v) => ("/app/config.yaml", $"{n.Word}:\n  endpoint: https://example.invalid/\n{A}  {n.SnakeKey}: {v}\n")),
        new("App.config appSettings add", false, (n, v) => ("/app/App.config", $"<?xml version=\"1.0\"?>\n<configuration>\n  <appSettings>\n{A}    <add key=\"{n.Section}:{n.Key}\" value=\"{v}\" />\n  </appSettings>\n</configuration>\n")),
        new("project file property", false, (n, v) => ("/app/App.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n{A}    <{n.Section}{n.Key}>{v}</{n.Section}{n.Key}>\n  </PropertyGroup>\n</Project>\n")),
        new("INI section", false, (n, v) => ("/app/settings.ini", $"[{n.Word}]\nendpoint = https://example.invalid/\n{A}{n.SnakeKey} = {v}\n")),
        new("TOML section", false, (n, v) => ("/app/settings.toml", $"[{n.Word}]\nendpoint = \"https://example.invalid/\"\n{A}{n.SnakeKey} = \"{v}\"\n")),
        new(".mcp.json env", false, (n, v) => ("/app/.mcp.json", $"{{\n  \"mcpServers\": {{\n    \"tools\": {{\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"some-server\"],\n      \"env\": {{\n{A}        \"{n.EnvVar}\": \"{v}\"\n      }}\n    }}\n  }}\n}}\n")),
        new("PowerShell $env:", false, (n, v) => ("/scripts/setup.ps1", $"Write-Host 'setting up'\n{A}$env:{n.EnvVar} = \"{v}\"\n")),
        new("shell export", false, (n, v) => ("/scripts/setup.sh", $"#!/bin/sh\nset -e\n{A}export {n.EnvVar}='{v}'\n")),

        // Forms that carry no key name: only self-identifying keys are expected there.
        new(".http Authorization header", true, (n, v) => ("/app/requests.http", $"POST https://example.invalid/v1/chat\nContent-Type: application/json\n{A}Authorization: Bearer {v}\n\n{{ }}\n")),
        new(".mcp.json args --api-key", true, (n, v) => ("/app/.vscode/mcp.json", $"{{\n  \"servers\": {{\n    \"tools\": {{\n      \"command\": \"npx\",\n      \"args\": [\n        \"-y\", \"some-server\",\n{A}        \"--api-key\", \"{v}\"\n      ]\n    }}\n  }}\n}}\n")),
        new("JSON comment", true, (n, v) => ("/app/appsettings.json", $"{{\n{A}  // previous value: {v}\n  \"Logging\": {{}}\n}}\n")),
        new("YAML comment", true, (n, v) => ("/app/config.yml", $"settings:\n{A}  # old: {v}\n  retries: 3\n")),
        new("XML comment in props", true, (n, v) => ("/Directory.Build.props", $"<Project>\n{A}  <!-- {v} -->\n</Project>\n")),
    };
}
