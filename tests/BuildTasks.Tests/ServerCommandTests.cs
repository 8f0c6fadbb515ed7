using Guardrails.BuildTasks.Footprints;

namespace Guardrails.BuildTasks.Tests;

public class ServerCommandTests
{
    [Theory]
    [InlineData("npx -y @scope/pkg@1.2.3 --flag", "pkg:npm/@scope/pkg", "1.2.3")]
    [InlineData("npx --yes pkg@latest", "pkg:npm/pkg", null)]
    [InlineData("npx @scope/pkg", "pkg:npm/@scope/pkg", null)]
    [InlineData("npx.cmd -y pkg@1.0.0", "pkg:npm/pkg", "1.0.0")]
    [InlineData("/usr/local/bin/npx -y pkg@1.0.0", "pkg:npm/pkg", "1.0.0")]
    [InlineData("pnpm dlx pkg@3.1.0", "pkg:npm/pkg", "3.1.0")]
    [InlineData("bunx pkg@3.1.0", "pkg:npm/pkg", "3.1.0")]
    [InlineData("npm exec -- pkg@3.1.0", "pkg:npm/pkg", "3.1.0")]
    [InlineData("uvx mcp-server-fetch==2025.4.7", "pkg:pypi/mcp-server-fetch", "2025.4.7")]
    [InlineData("uvx --from Mcp-Server[cli]==1.0 mcp-server", "pkg:pypi/mcp-server", "1.0")]
    [InlineData("uvx pkg@0.3.0", "pkg:pypi/pkg", "0.3.0")]
    [InlineData("uv tool run pkg==1.0", "pkg:pypi/pkg", "1.0")]
    [InlineData("pipx run pkg==1.0", "pkg:pypi/pkg", "1.0")]
    [InlineData("docker run -i --rm -e TOKEN ghcr.io/github/github-mcp-server:v0.9.1", "pkg:docker/ghcr.io/github/github-mcp-server", "v0.9.1")]
    [InlineData("docker run --rm mcp/fetch@sha256:abc123", "pkg:docker/mcp/fetch", "sha256:abc123")]
    [InlineData("docker run localhost:5000/mcp/fetch", "pkg:docker/localhost:5000/mcp/fetch", null)]
    [InlineData("podman run -i mcp/time:latest", "pkg:docker/mcp/time", null)]
    [InlineData("dnx Acme.Db.Mcp@2.1.0 --yes", "pkg:nuget/Acme.Db.Mcp", "2.1.0")]
    [InlineData("dnx NuGet.Mcp.Server --version 0.2.0 --yes", "pkg:nuget/NuGet.Mcp.Server", "0.2.0")]
    [InlineData("dotnet dnx Acme.Mcp@1.0.0", "pkg:nuget/Acme.Mcp", "1.0.0")]
    public void Launchers_give_the_package_and_version(string commandLine, string package, string? version)
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = commandLine.Split(' ') };
        ServerCommand.Identify(server);
        Assert.Equal(package, server.Package);
        Assert.Equal(version, server.Version);
    }

    [Theory]
    [InlineData("node ./server.js")]
    [InlineData("python -m my_server")]
    [InlineData("docker ps")]
    [InlineData("npx")]
    // npm exec -p A [-p B] <command> runs <command>, not A (adversary round 5 #10): judged by the exact command line.
    [InlineData("npx --package=@scope/pkg@2.0.0 bin-name")]
    [InlineData("npx -y -p @modelcontextprotocol/server-github -p @modelcontextprotocol/server-filesystem mcp-server-filesystem /")]
    [InlineData("npm exec --package @scope/pkg -- bin-name")]
    public void Other_commands_keep_only_their_command_line(string commandLine)
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = commandLine.Split(' ') };
        ServerCommand.Identify(server);
        Assert.Null(server.Package);
        Assert.Equal(commandLine, server.Describe());
    }
}
