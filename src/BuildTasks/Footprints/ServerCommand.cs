using System;
using System.Collections.Generic;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Derives the package an MCP server command runs, so a server is identified by what it executes and not by its
    /// label: <c>npx -y @scope/pkg@1.2.3</c> → pkg:npm/@scope/pkg 1.2.3; <c>uvx pkg==1.0</c> → pkg:pypi/pkg 1.0;
    /// <c>docker run … image:tag</c> → pkg:docker/image tag; <c>dnx Package@1.0</c> → pkg:nuget/Package 1.0.
    /// Launchers covered: npx, bunx, pnpm dlx, yarn dlx, npm exec, uvx, uv tool run, pipx run, docker/podman run, dnx,
    /// dotnet dnx. Anything else is identified by its exact command line.
    /// </summary>
    public static class ServerCommand
    {
        /// <summary>docker/podman run options that take a value (as a separate argument).</summary>
        private static readonly HashSet<string> DockerValueOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-e", "--env", "--env-file", "-v", "--volume", "--name", "-p", "--publish", "--network", "--net", "--mount", "-w", "--workdir",
            "-u", "--user", "--entrypoint", "--platform", "-l", "--label", "--add-host", "--cpus", "-m", "--memory", "--pull", "--hostname", "-h",
            "--cap-add", "--cap-drop", "--security-opt", "--tmpfs", "--ulimit", "--device", "--dns", "--log-driver", "--restart", "--runtime", "--gpus",
        };

        /// <summary>
        /// An environment variable that changes what a launcher fetches or what the runtime loads before the server's code:
        /// the package registry or index (npm, pip, uv, NuGet), a preloaded module or startup hook, a library preload.
        /// </summary>
        public static bool ChangesWhatRuns(string name)
        {
            string n = name.Trim().ToUpperInvariant();
            return n.StartsWith("NPM_CONFIG_", StringComparison.Ordinal) || n.StartsWith("YARN_", StringComparison.Ordinal) || n.StartsWith("PNPM_", StringComparison.Ordinal) ||
                   n.StartsWith("PIP_", StringComparison.Ordinal) || n.StartsWith("UV_", StringComparison.Ordinal) || n.StartsWith("PIPX_", StringComparison.Ordinal) ||
                   n.StartsWith("NUGET_", StringComparison.Ordinal) || n.StartsWith("DOCKER_", StringComparison.Ordinal) ||
                   n == "NODE_OPTIONS" || n == "NODE_PATH" || n == "PYTHONPATH" || n == "PYTHONSTARTUP" || n == "PYTHONHOME" || n == "PATH" ||
                   n == "LD_PRELOAD" || n == "LD_LIBRARY_PATH" || n == "DYLD_INSERT_LIBRARIES" || n == "DOTNET_STARTUP_HOOKS" || n == "BUN_INSTALL" || n == "BUN_CONFIG_REGISTRY";
        }

        /// <summary>Fills <see cref="McpServerUse.Package"/> and <see cref="McpServerUse.Version"/> from the command line when it runs a known launcher.</summary>
        public static void Identify(McpServerUse server)
        {
            IReadOnlyList<string>? cmd = server.Command;
            if (cmd == null || cmd.Count == 0)
            {
                return;
            }

            string exe = ExecutableName(cmd[0]);
            int i = 1;
            switch (exe)
            {
                case "npx":
                case "bunx":
                    Npm(server, cmd, i);
                    return;
                case "pnpm":
                case "yarn":
                case "bun":
                    if (cmd.Count > 1 && (cmd[1] == "dlx" || cmd[1] == "x" || cmd[1] == "exec"))
                    {
                        Npm(server, cmd, 2);
                    }

                    return;
                case "npm":
                    if (cmd.Count > 1 && (cmd[1] == "exec" || cmd[1] == "x"))
                    {
                        Npm(server, cmd, 2);
                    }

                    return;
                case "uvx":
                    Python(server, cmd, 1);
                    return;
                case "uv":
                    if (cmd.Count > 2 && cmd[1] == "tool" && cmd[2] == "run")
                    {
                        Python(server, cmd, 3);
                    }

                    return;
                case "pipx":
                    if (cmd.Count > 1 && cmd[1] == "run")
                    {
                        Python(server, cmd, 2);
                    }

                    return;
                case "docker":
                case "podman":
                    if (cmd.Count > 1 && cmd[1] == "run")
                    {
                        Docker(server, cmd, 2);
                    }
                    else if (cmd.Count > 2 && cmd[1] == "container" && cmd[2] == "run")
                    {
                        Docker(server, cmd, 3);
                    }

                    return;
                case "dnx":
                    NuGet(server, cmd, 1);
                    return;
                case "dotnet":
                    if (cmd.Count > 1 && cmd[1] == "dnx")
                    {
                        NuGet(server, cmd, 2);
                    }
                    else if (cmd.Count > 2 && cmd[1] == "tool" && (cmd[2] == "exec" || cmd[2] == "execute"))
                    {
                        NuGet(server, cmd, 3);
                    }

                    return;
            }
        }

        /// <summary>"npx" from "npx", "npx.cmd", "/usr/bin/npx", "C:\\tools\\npx.exe".</summary>
        internal static string ExecutableName(string command)
        {
            string name = command;
            int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
            if (slash >= 0)
            {
                name = name.Substring(slash + 1);
            }

            foreach (string ext in new[] { ".exe", ".cmd", ".bat", ".ps1" })
            {
                if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                {
                    name = name.Substring(0, name.Length - ext.Length);
                }
            }

            return name.ToLowerInvariant();
        }

        private static void Npm(McpServerUse server, IReadOnlyList<string> cmd, int i)
        {
            string? spec = null;
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                if (a == "--")
                {
                    spec = i + 1 < cmd.Count ? cmd[i + 1] : null;
                    break;
                }

                if (a.StartsWith("--package=", StringComparison.Ordinal) || a == "-p" || a == "--package")
                {
                    // npm exec -p A [-p B] <command>: installs the packages and runs <command>, which need not be A's
                    // (adversary round 5 #10: -p server-github -p server-filesystem mcp-server-filesystem /). What runs is
                    // the command line, not a package: judged by the exact command.
                    return;
                }

                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    continue; // -y, --yes, --quiet, …
                }

                spec = a;
                break;
            }

            if (string.IsNullOrEmpty(spec))
            {
                return;
            }

            // @scope/name@1.2.3, name@1.2.3, name@latest
            int at = spec!.IndexOf('@', spec.StartsWith("@", StringComparison.Ordinal) ? 1 : 0);
            string name = at > 0 ? spec.Substring(0, at) : spec;
            string? version = at > 0 ? spec.Substring(at + 1) : null;
            if (version != null && (version.IndexOfAny(new[] { ':', '/', '\\' }) >= 0 || version.StartsWith(".", StringComparison.Ordinal) || version.StartsWith("~/", StringComparison.Ordinal)))
            {
                // name@file:./dir, name@https://…/x.tgz, name@github:o/r, name@git+https://…, name@npm:other (adversary round 6
                // #15): npm takes what follows the name as the SOURCE, not a registry version; what runs is not the named
                // package. Judged by the exact command line.
                return;
            }

            server.Package = "pkg:npm/" + name;
            server.Version = string.IsNullOrEmpty(version) || version == "latest" ? null : version;
        }

        private static void Python(McpServerUse server, IReadOnlyList<string> cmd, int i)
        {
            string? spec = null;
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                if (a == "--from" && i + 1 < cmd.Count)
                {
                    spec = cmd[i + 1];
                    break;
                }

                if (a.StartsWith("--from=", StringComparison.Ordinal))
                {
                    spec = a.Substring("--from=".Length);
                    break;
                }

                if (a == "--with" || a == "--python" || a == "--index-url" || a == "--spec")
                {
                    if (a == "--spec" && i + 1 < cmd.Count)
                    {
                        spec = cmd[i + 1];
                        break;
                    }

                    i++;
                    continue;
                }

                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    continue;
                }

                spec = a;
                break;
            }

            if (string.IsNullOrEmpty(spec))
            {
                return;
            }

            string name = spec!;
            string? version = null;
            int eq = name.IndexOf("==", StringComparison.Ordinal);
            int at = name.IndexOf('@');
            if (eq > 0)
            {
                version = name.Substring(eq + 2);
                name = name.Substring(0, eq);
            }
            else if (at > 0)
            {
                version = name.Substring(at + 1);
                name = name.Substring(0, at);
            }

            int bracket = name.IndexOf('[');
            if (bracket > 0)
            {
                name = name.Substring(0, bracket); // extras: pkg[cli]==1.0
            }

            server.Package = "pkg:pypi/" + name.ToLowerInvariant();
            server.Version = string.IsNullOrEmpty(version) || version == "latest" ? null : version;
        }

        private static void Docker(McpServerUse server, IReadOnlyList<string> cmd, int i)
        {
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    if (DockerValueOptions.Contains(a))
                    {
                        i++;
                    }

                    continue;
                }

                string image = a;
                string? version = null;
                int digest = image.IndexOf('@');
                if (digest > 0)
                {
                    version = image.Substring(digest + 1);
                    image = image.Substring(0, digest);
                }
                else
                {
                    int colon = image.LastIndexOf(':');
                    if (colon > image.LastIndexOf('/'))
                    {
                        version = image.Substring(colon + 1);
                        image = image.Substring(0, colon);
                    }
                }

                server.Package = "pkg:docker/" + image;
                server.Version = string.IsNullOrEmpty(version) || version == "latest" ? null : version;
                return;
            }
        }

        private static void NuGet(McpServerUse server, IReadOnlyList<string> cmd, int i)
        {
            string? spec = null;
            string? version = null;
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                if (a == "--version" && i + 1 < cmd.Count)
                {
                    version = cmd[++i];
                    continue;
                }

                if (a == "--source" || a == "--add-source" || a == "--configfile")
                {
                    i++;
                    continue;
                }

                if (a == "--")
                {
                    break;
                }

                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    continue;
                }

                spec ??= a;
            }

            if (string.IsNullOrEmpty(spec))
            {
                return;
            }

            string name = spec!;
            int at = name.IndexOf('@');
            if (at > 0)
            {
                version ??= name.Substring(at + 1);
                name = name.Substring(0, at);
            }

            server.Package = "pkg:nuget/" + name;
            server.Version = string.IsNullOrEmpty(version) ? null : version;
        }
    }
}
