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
    /// <summary>Every third character (the first included) as an XML character reference, decimal or hex.</summary>
    private static string XmlRefs(string v, bool hex) =>
        string.Concat(v.Select((c, i) => i % 3 != 0 ? Escape(c) : hex ? "&#x" + ((int)c).ToString("x") + ";" : "&#" + (int)c + ";"));

    private static string Escape(char c) => c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '"' ? "&quot;" : c.ToString();

    /// <summary>Every third character (the first included) as a backslash escape: \u00XX or \xXX.</summary>
    private static string BackslashEscapes(string v, char form) =>
        string.Concat(v.Select((c, i) => i % 3 != 0 ? (c == '\\' || c == '"' ? "\\" + c : c.ToString()) : form == 'u' ? "\\u" + ((int)c).ToString("X4") : "\\x" + ((int)c).ToString("x2")));

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

        // The format's own escapes (XML 1.0 §4.1 character references; YAML 1.2 §5.7 double-quoted escapes and escaped line
        // breaks; TOML basic strings; java.util.Properties \uXXXX and line continuation): the reader sees the key.
        new("App.config value with character references", false, (n, v) => ("/app/App.config", $"<?xml version=\"1.0\"?>\n<configuration>\n  <appSettings>\n{A}    <add key=\"{n.Section}:{n.Key}\" value=\"{XmlRefs(v, hex: false)}\" />\n  </appSettings>\n</configuration>\n")),
        new("XML element text with hex references", false, (n, v) => ("/app/settings.xml", $"<settings>\n  <{n.Word}>\n{A}    <{n.Section}{n.Key}>{XmlRefs(v, hex: true)}</{n.Section}{n.Key}>\n  </{n.Word}>\n</settings>\n")),
        new(".resx data value with references", false, (n, v) => ("/app/Resources.resx", $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n  <data name=\"{n.Section}{n.Key}\" xml:space=\"preserve\">\n{A}    <value>{XmlRefs(v, hex: false)}</value>\n  </data>\n</root>\n")),
        new("YAML double-quoted \\u escapes", false, (n, v) => ("/app/config.yaml", $"{n.Word}:\n{A}  {n.SnakeKey}: \"{BackslashEscapes(v, 'u')}\"\n")),
        new("YAML double-quoted \\x escapes and escaped line break", false, (n, v) => ("/app/config.yml", $"{n.Word}:\n{A}  {n.SnakeKey}: \"{BackslashEscapes(v.Substring(0, v.Length / 2), 'x')}\\\n    {v.Substring(v.Length / 2)}\"\n")),
        new("TOML basic string \\u escapes", false, (n, v) => ("/app/settings.toml", $"[{n.Word}]\n{A}{n.SnakeKey} = \"{BackslashEscapes(v, 'u')}\"\n")),
        new(".properties \\u escapes and continuation", false, (n, v) => ("/app/app.properties", $"# settings\n{A}{n.Word}.{n.SnakeKey}={BackslashEscapes(v.Substring(0, v.Length / 2), 'u')}\\\n    {v.Substring(v.Length / 2)}\n")),

        // Forms that carry no key name: only self-identifying keys are expected there.
        new(".http Authorization header", true, (n, v) => ("/app/requests.http", $"POST https://example.invalid/v1/chat\nContent-Type: application/json\n{A}Authorization: Bearer {v}\n\n{{ }}\n")),
        new(".mcp.json args --api-key", true, (n, v) => ("/app/.vscode/mcp.json", $"{{\n  \"servers\": {{\n    \"tools\": {{\n      \"command\": \"npx\",\n      \"args\": [\n        \"-y\", \"some-server\",\n{A}        \"--api-key\", \"{v}\"\n      ]\n    }}\n  }}\n}}\n")),
        new("JSON comment", true, (n, v) => ("/app/appsettings.json", $"{{\n{A}  // previous value: {v}\n  \"Logging\": {{}}\n}}\n")),
        new("YAML comment", true, (n, v) => ("/app/config.yml", $"settings:\n{A}  # old: {v}\n  retries: 3\n")),
        new("XML comment in props", true, (n, v) => ("/Directory.Build.props", $"<Project>\n{A}  <!-- {v} -->\n</Project>\n")),
    };
}
