using Guardrails.BuildTasks.Footprints;

namespace Guardrails.BuildTasks.Tests;

public class ServerCommandTests
{
    [Theory]
    [InlineData("npx -y @scope/pkg@1.2.3 --flag", "pkg:npm/@scope/pkg", "1.2.3")]
    [InlineData("npx --yes pkg@latest", "pkg:npm/pkg", null)]
    [InlineData("npx @scope/pkg", "pkg:npm/@scope/pkg", null)]
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
        Assert.Null(server.NotIdentifiedBecause);
    }

    /// <summary>
    /// Adversary round 8 route 3: a launcher not called by its bare name, or given an option that can change what it runs,
    /// still names the package (deny entries and assistant detection see it) but does not identify the server.
    /// </summary>
    /// <summary>
    /// Adversary round 11 route 13: the words after a docker/podman image replace the image's command, and the word
    /// after uvx/uv tool run/pipx run's --from/--spec package is the executable run in that package's environment:
    /// the package is still named (deny entries) but the server is judged by its exact command line.
    /// </summary>
    [Theory]
    [InlineData("docker run -i --rm mcp/fetch sh -c x", "pkg:docker/mcp/fetch", "'sh' after the image")]
    [InlineData("podman run -i mcp/fetch:1.0 python", "pkg:docker/mcp/fetch", "'python' after the image")]
    [InlineData("docker container run -i mcp/fetch --flag", "pkg:docker/mcp/fetch", "'--flag' after the image")]
    [InlineData("docker run -i --rm ghcr.io/github/github-mcp-server stdio --toolsets all", "pkg:docker/ghcr.io/github/github-mcp-server", "'stdio' after the image")]
    [InlineData("uvx --from mcp-server-time python -c x", "pkg:pypi/mcp-server-time", "runs 'python' from the package")]
    [InlineData("uvx --from=mcp-server-time sh", "pkg:pypi/mcp-server-time", "runs 'sh' from the package")]
    [InlineData("uv tool run --from mcp-server-time bash -c x", "pkg:pypi/mcp-server-time", "runs 'bash' from the package")]
    [InlineData("pipx run --spec mcp-server-time==1.0 node", "pkg:pypi/mcp-server-time", "runs 'node' from the package")]
    [InlineData("uvx --from mcp-server-time mcp-server-fetch", "pkg:pypi/mcp-server-time", "runs 'mcp-server-fetch' from the package")]
    [InlineData("uvx --from mcp-server-time", "pkg:pypi/mcp-server-time", "names no executable")]
    public void A_command_after_the_image_or_another_executable_from_the_package_is_judged_by_the_command_line(string commandLine, string package, string because)
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = commandLine.Split(' ') };
        ServerCommand.Identify(server);
        Assert.Equal(package, server.Package);
        Assert.Contains(because, server.NotIdentifiedBecause);
        Assert.Equal(commandLine, server.Describe());
    }

    [Theory]
    [InlineData("./tools/npx -y pkg@1.0.0", "pkg:npm/pkg", "'./tools/npx', not the bare launcher name 'npx'")]
    [InlineData("/tmp/npx -y pkg@1.0.0", "pkg:npm/pkg", "'/tmp/npx'")]
    [InlineData("tools/npx.cmd -y pkg@1.0.0", "pkg:npm/pkg", "'tools/npx.cmd'")]
    [InlineData("npx.exe -y pkg@1.0.0", "pkg:npm/pkg", "'npx.exe'")]
    [InlineData("NPX -y pkg@1.0.0", "pkg:npm/pkg", "'NPX'")]
    [InlineData("/usr/local/bin/npx -y pkg@1.0.0", "pkg:npm/pkg", "'/usr/local/bin/npx'")]
    [InlineData("npx -y --registry=https://npm.evil.example/ pkg@1.0.0", "pkg:npm/pkg", "'--registry=https://npm.evil.example/' to npx")]
    [InlineData("npx -y --registry https://npm.evil.example/ pkg@1.0.0", "pkg:npm/pkg", "'--registry https://npm.evil.example/' to npx")]
    [InlineData("npm exec --yes --registry=https://npm.evil.example/ -- pkg@1.0.0", "pkg:npm/pkg", "'--registry=https://npm.evil.example/' to npm")]
    [InlineData("pnpm dlx --config.registry=https://npm.evil.example/ pkg@1.0.0", "pkg:npm/pkg", "'--config.registry=https://npm.evil.example/' to pnpm")]
    [InlineData("uvx --index-url https://pypi.evil.example/simple mcp-server-time", "pkg:pypi/mcp-server-time", "'--index-url https://pypi.evil.example/simple' to uvx")]
    [InlineData("uvx --index-url=https://pypi.evil.example/simple mcp-server-time", "pkg:pypi/mcp-server-time", "'--index-url=https://pypi.evil.example/simple' to uvx")]
    [InlineData("uvx --with evil-mcp-addon mcp-server-time", "pkg:pypi/mcp-server-time", "'--with evil-mcp-addon' to uvx")]
    [InlineData("uvx --python 3.9 mcp-server-time", "pkg:pypi/mcp-server-time", "'--python 3.9' to uvx")]
    [InlineData("uv tool run --from mcp-server-time --with evil mcp-server-time", "pkg:pypi/mcp-server-time", "'--with evil' to uv")]
    [InlineData("uvx --refresh mcp-server-time", "pkg:pypi/mcp-server-time", "'--refresh' to uvx")]
    [InlineData("docker run -i --rm --entrypoint /bin/sh ghcr.io/github/github-mcp-server -c x", "pkg:docker/ghcr.io/github/github-mcp-server", "'--entrypoint /bin/sh' to docker")]
    [InlineData("docker run -i --rm --entrypoint=node ghcr.io/github/github-mcp-server", "pkg:docker/ghcr.io/github/github-mcp-server", "'--entrypoint node' to docker")]
    [InlineData("docker run -i --rm -v /:/host ghcr.io/github/github-mcp-server", "pkg:docker/ghcr.io/github/github-mcp-server", "'-v /:/host' to docker")]
    [InlineData("docker run -i --rm -e NODE_OPTIONS=--require=/x.js ghcr.io/github/github-mcp-server", "pkg:docker/ghcr.io/github/github-mcp-server", "'-e NODE_OPTIONS=--require=/x.js' to docker")]
    [InlineData("dnx --add-source https://nuget.evil.example/v3/index.json Acme.Mcp@1.0.0", "pkg:nuget/Acme.Mcp", "'--add-source https://nuget.evil.example/v3/index.json' to dnx")]
    public void A_launcher_by_another_name_or_with_an_option_that_changes_what_runs_does_not_identify_the_package(string commandLine, string package, string because)
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = commandLine.Split(' ') };
        ServerCommand.Identify(server);
        Assert.Equal(package, server.Package);
        Assert.Contains(because, server.NotIdentifiedBecause);
        Assert.Equal(commandLine, server.Describe());
    }

    [Theory]
    [InlineData("npx --yes --quiet pkg@1.0.0 --server-flag x")]
    [InlineData("uvx --from mcp-server-time mcp-server-time --local-timezone UTC")]
    [InlineData("docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN --name gh ghcr.io/github/github-mcp-server")]
    [InlineData("uvx --from mcp_server_time mcp-server-time")]
    [InlineData("uvx --from Mcp.Server-Time[cli]==1.0 mcp_server_time --local-timezone UTC")]
    [InlineData("pipx run --spec mcp-server-time==1.0 mcp-server-time")]
    [InlineData("uv tool run --from=mcp-server-time@1.0 mcp-server-time")]
    [InlineData("dnx Acme.Mcp@1.0.0 --yes -- --server-flag")]
    public void Harmless_launcher_options_and_the_server_s_own_arguments_keep_the_identity(string commandLine)
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = commandLine.Split(' ') };
        ServerCommand.Identify(server);
        Assert.NotNull(server.Package);
        Assert.Null(server.NotIdentifiedBecause);
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
    // The same form for the other npm launchers (adversary round 11 route 13's question: another program from the package).
    [InlineData("bunx -p @modelcontextprotocol/server-github sh -c x")]
    [InlineData("bunx --package=@modelcontextprotocol/server-github node -e x")]
    [InlineData("pnpm dlx --package @modelcontextprotocol/server-github sh")]
    [InlineData("yarn dlx -p @modelcontextprotocol/server-github sh")]
    [InlineData("npx -p @modelcontextprotocol/server-github python -c x")]
    public void Other_commands_keep_only_their_command_line(string commandLine)
    {
        var server = new McpServerUse("label", "mcpServers", 1, 1) { Command = commandLine.Split(' ') };
        ServerCommand.Identify(server);
        Assert.Null(server.Package);
        Assert.Equal(commandLine, server.Describe());
    }
}
