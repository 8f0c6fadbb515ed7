using System;
using System.Collections.Generic;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Derives the package an MCP server command runs, so a server is identified by what it executes and not by its
    /// label: <c>npx -y @scope/pkg@1.2.3</c> → pkg:npm/@scope/pkg 1.2.3; <c>uvx pkg==1.0</c> → pkg:pypi/pkg 1.0;
    /// <c>docker run … image:tag</c> → pkg:docker/image tag; <c>dnx Package@1.0</c> → pkg:nuget/Package 1.0.
    /// Launchers covered: npx, bunx, pnpm dlx, yarn dlx, npm exec, uvx, uv tool run, pipx run, docker/podman run, dnx,
    /// dotnet dnx. Anything else is identified by its exact command line.
    /// <para>
    /// A package identity is trusted only when the launcher is called by its bare name and with options known to leave
    /// what it runs unchanged (adversary round 8 route 3): <c>./tools/npx</c>, <c>npx.exe</c> or <c>NPX</c> run whatever
    /// file answers to that name, and <c>--registry=…</c>, <c>--index-url</c>, <c>--with</c>, <c>--entrypoint</c>,
    /// <c>-v /:/host</c> fetch or run other code under the approved name. Such a server keeps the package it names
    /// (so a deny entry and the assistant-CLI detection still see it) but gets <see cref="McpServerUse.NotIdentifiedBecause"/>:
    /// the policy approves it only by its exact command line, as the <c>env</c> spellings of the same options already are.
    /// So is a server that runs another program under the package (adversary round 11 route 13): any word after a
    /// docker/podman image (it replaces the image's command), and an executable after uvx/uv tool run/pipx run's
    /// <c>--from</c>/<c>--spec</c> package other than the package's own name.
    /// </para>
    /// </summary>
    public static class ServerCommand
    {
        /// <summary>docker/podman run options that take a value (as a separate argument).</summary>
        internal static readonly HashSet<string> DockerValueOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-e", "--env", "--env-file", "-v", "--volume", "--name", "-p", "--publish", "--network", "--net", "--mount", "-w", "--workdir",
            "-u", "--user", "--entrypoint", "--platform", "-l", "--label", "--add-host", "--cpus", "-m", "--memory", "--pull", "--hostname", "-h",
            "--cap-add", "--cap-drop", "--security-opt", "--tmpfs", "--ulimit", "--device", "--dns", "--log-driver", "--restart", "--runtime", "--gpus",
        };

        /// <summary>npx, npm exec, pnpm/yarn dlx, bunx options known not to change what runs (anything else does, until known).</summary>
        private static readonly HashSet<string> HarmlessNpmOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-y", "--yes", "-q", "--quiet", "-s", "--silent", "--prefer-offline", "--prefer-online", "--offline", "--no-install", "--bun",
        };

        /// <summary>uvx, uv tool run, pipx run options known not to change what runs (<c>--from</c>/<c>--spec</c> name the package itself).</summary>
        private static readonly HashSet<string> HarmlessPythonOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-q", "--quiet", "--offline", "--no-progress", "--isolated", "--no-cache", "-n",
        };

        /// <summary>docker/podman run options known not to change what runs in the image (no other entrypoint, no host files).</summary>
        private static readonly HashSet<string> HarmlessDockerOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-i", "--interactive", "-t", "--tty", "-it", "-ti", "--rm", "--init", "-e", "--env", "--name", "--pull", "-l", "--label",
            "--network", "--net", "--platform", "--read-only", "--cap-drop", "-m", "--memory", "--cpus", "--hostname", "-h", "-d", "--detach",
        };

        /// <summary>dnx / dotnet tool exec options known not to change what runs (<c>--source</c>, <c>--add-source</c>, <c>--configfile</c> do).</summary>
        private static readonly HashSet<string> HarmlessNuGetOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-y", "--yes", "--version", "--prerelease", "--interactive", "--",
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

        /// <summary>
        /// Fills <see cref="McpServerUse.Package"/> and <see cref="McpServerUse.Version"/> from the command line when it runs a
        /// known launcher, and <see cref="McpServerUse.NotIdentifiedBecause"/> when the launcher is not called by its bare name
        /// or is given an option that can change what it runs.
        /// </summary>
        public static void Identify(McpServerUse server)
        {
            IReadOnlyList<string>? cmd = server.Command;
            if (cmd == null || cmd.Count == 0)
            {
                return;
            }

            string exe = ExecutableName(cmd[0]);
            string? option = null;
            string? runsOther = null;
            switch (exe)
            {
                case "npx":
                case "bunx":
                    option = Npm(server, cmd, 1);
                    break;
                case "pnpm":
                case "yarn":
                case "bun":
                    if (cmd.Count > 1 && (cmd[1] == "dlx" || cmd[1] == "x" || cmd[1] == "exec"))
                    {
                        option = Npm(server, cmd, 2);
                    }

                    break;
                case "npm":
                    if (cmd.Count > 1 && (cmd[1] == "exec" || cmd[1] == "x"))
                    {
                        option = Npm(server, cmd, 2);
                    }

                    break;
                case "uvx":
                    option = Python(server, cmd, 1, out runsOther);
                    break;
                case "uv":
                    if (cmd.Count > 2 && cmd[1] == "tool" && cmd[2] == "run")
                    {
                        option = Python(server, cmd, 3, out runsOther);
                    }

                    break;
                case "pipx":
                    if (cmd.Count > 1 && cmd[1] == "run")
                    {
                        option = Python(server, cmd, 2, out runsOther);
                    }

                    break;
                case "docker":
                case "podman":
                    if (cmd.Count > 1 && cmd[1] == "run")
                    {
                        option = Docker(server, cmd, 2, out runsOther);
                    }
                    else if (cmd.Count > 2 && cmd[1] == "container" && cmd[2] == "run")
                    {
                        option = Docker(server, cmd, 3, out runsOther);
                    }

                    break;
                case "dnx":
                    option = NuGet(server, cmd, 1);
                    break;
                case "dotnet":
                    if (cmd.Count > 1 && cmd[1] == "dnx")
                    {
                        option = NuGet(server, cmd, 2);
                    }
                    else if (cmd.Count > 2 && cmd[1] == "tool" && (cmd[2] == "exec" || cmd[2] == "execute"))
                    {
                        option = NuGet(server, cmd, 3);
                    }

                    break;
            }

            if (server.Package == null)
            {
                return;
            }

            if (!string.Equals(cmd[0], exe, StringComparison.Ordinal))
            {
                // ./tools/npx, /tmp/npx, tools/npx.cmd, npx.exe, NPX: whatever file answers to that name runs, not the launcher.
                server.NotIdentifiedBecause = "its command is '" + cmd[0] + "', not the bare launcher name '" + exe + "', so it runs whatever that file is";
            }
            else if (option != null)
            {
                server.NotIdentifiedBecause = "it passes '" + option + "' to " + exe + ", an option that can change what " + exe + " fetches or runs (another registry or index, more packages, another entrypoint, host files)";
            }
            else if (runsOther != null)
            {
                server.NotIdentifiedBecause = runsOther;
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

        /// <summary>The option's name: "--registry" of "--registry=URL".</summary>
        private static string OptionName(string arg)
        {
            int eq = arg.IndexOf('=');
            return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? arg.Substring(0, eq) : arg;
        }

        /// <summary>Identifies an npm package; returns the first option not known harmless, or null.</summary>
        private static string? Npm(McpServerUse server, IReadOnlyList<string> cmd, int i)
        {
            string? spec = null;
            string? option = null;
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
                    return null;
                }

                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    if (option == null && !HarmlessNpmOptions.Contains(OptionName(a)))
                    {
                        option = a; // --registry=…, --registry URL, --prefix, --userconfig, --node-options, …
                        if (a.IndexOf('=') < 0 && i + 1 < cmd.Count && !cmd[i + 1].StartsWith("-", StringComparison.Ordinal) && LooksLikeValue(cmd[i + 1]))
                        {
                            option = a + " " + cmd[++i];
                        }
                    }

                    continue; // -y, --yes, --quiet, …
                }

                spec = a;
                break;
            }

            if (string.IsNullOrEmpty(spec))
            {
                return null;
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
                return null;
            }

            server.Package = "pkg:npm/" + name;
            server.Version = string.IsNullOrEmpty(version) || version == "latest" ? null : version;
            return option;
        }

        /// <summary>
        /// The word after a value-taking option is its value when it cannot be the package: a URL, a path, a host. (A bare
        /// word after an unknown option is read as the package, so that the package is still named for deny entries.)
        /// </summary>
        private static bool LooksLikeValue(string word) =>
            word.IndexOf("://", StringComparison.Ordinal) >= 0 || word.StartsWith("/", StringComparison.Ordinal) || word.StartsWith(".", StringComparison.Ordinal) ||
            word.StartsWith("~", StringComparison.Ordinal) || (word.IndexOf(':') > 0 && !word.StartsWith("@", StringComparison.Ordinal));

        /// <summary>Identifies a Python package; returns the first option not known harmless, or null.</summary>
        private static string? Python(McpServerUse server, IReadOnlyList<string> cmd, int i, out string? runsOther)
        {
            runsOther = null;
            string? spec = null;
            string? from = null;
            string? option = null;
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                string name = OptionName(a);
                if ((name == "--from" || name == "--spec") && a.IndexOf('=') < 0 && i + 1 < cmd.Count)
                {
                    from ??= cmd[++i];
                    continue;
                }

                if (name == "--from" || name == "--spec")
                {
                    from ??= a.Substring(name.Length + 1);
                    continue;
                }

                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    if (!HarmlessPythonOptions.Contains(name))
                    {
                        // --with, --index-url, -i, --index, --extra-index-url, --python, --find-links, …: the value is the
                        // next word unless written with '='.
                        bool valued = a.IndexOf('=') < 0 && i + 1 < cmd.Count && !cmd[i + 1].StartsWith("-", StringComparison.Ordinal) && TakesValue(name);
                        option ??= valued ? a + " " + cmd[i + 1] : a;
                        if (valued)
                        {
                            i++;
                        }
                    }

                    continue;
                }

                spec = a;
                break;
            }

            string? executable = from != null ? spec : null;
            spec = from ?? spec;
            if (string.IsNullOrEmpty(spec))
            {
                return null;
            }

            string pkg = spec!;
            string? version = null;
            int eq = pkg.IndexOf("==", StringComparison.Ordinal);
            int at = pkg.IndexOf('@');
            if (eq > 0)
            {
                version = pkg.Substring(eq + 2);
                pkg = pkg.Substring(0, eq);
            }
            else if (at > 0)
            {
                version = pkg.Substring(at + 1);
                pkg = pkg.Substring(0, at);
            }

            int bracket = pkg.IndexOf('[');
            if (bracket > 0)
            {
                pkg = pkg.Substring(0, bracket); // extras: pkg[cli]==1.0
            }

            server.Package = PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, pkg); // PEP 503: mcp_server_time is mcp-server-time
            server.Version = string.IsNullOrEmpty(version) || version == "latest" ? null : version;
            if (from != null && (executable == null || PackageEcosystem.NormalizePyPI(executable) != PackageEcosystem.NormalizePyPI(pkg)))
            {
                // uvx --from mcp-server-time python -c …: the word after the package is the executable run in the package's
                // environment, and python, sh or another tool is in every one (adversary round 11 route 13). The wheel's own
                // entry points cannot be read here, so only the package's own name keeps the identity.
                runsOther = executable == null
                    ? "it names no executable after '" + from + "', so what runs is not known from the package"
                    : "it runs '" + executable + "' from the package's environment, not the package's own command '" + pkg + "'";
            }

            return option;
        }

        /// <summary>uv/pipx options whose value is the next word.</summary>
        private static bool TakesValue(string name) =>
            name == "--with" || name == "-w" || name == "--python" || name == "-p" || name == "--index-url" || name == "-i" || name == "--index" ||
            name == "--default-index" || name == "--extra-index-url" || name == "--find-links" || name == "-f" || name == "--with-requirements" ||
            name == "--with-editable" || name == "--constraints" || name == "-c" || name == "--overrides" || name == "--pip-args" || name == "--index-strategy" ||
            name == "--keyring-provider" || name == "--config-file" || name == "--directory" || name == "--project" || name == "--env-file";

        /// <summary>Identifies a container image; returns the first option not known harmless, or null.</summary>
        private static string? Docker(McpServerUse server, IReadOnlyList<string> cmd, int i, out string? runsOther)
        {
            runsOther = null;
            string? option = null;
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    string name = OptionName(a);
                    string? value = a.IndexOf('=') > 0 && a.StartsWith("--", StringComparison.Ordinal) ? a.Substring(name.Length + 1) : null;
                    if (value == null && DockerValueOptions.Contains(a))
                    {
                        value = i + 1 < cmd.Count ? cmd[++i] : string.Empty;
                    }

                    if (option == null)
                    {
                        if (!HarmlessDockerOptions.Contains(name))
                        {
                            option = value != null ? name + " " + value : a; // --entrypoint, -v /:/host, --mount, --env-file, --privileged, …
                        }
                        else if ((name == "-e" || name == "--env") && value != null && value.IndexOf('=') > 0 && ChangesWhatRuns(value.Substring(0, value.IndexOf('='))))
                        {
                            option = name + " " + value; // -e NODE_OPTIONS=--require …: loaded before the image's code, as in a server's env
                        }
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
                if (i + 1 < cmd.Count)
                {
                    // docker run [options] IMAGE [COMMAND] [ARG...]: the words after the image replace the image's command
                    // (adversary round 11 route 13: mcp/fetch sh -c '…'); whether the image's entrypoint takes them as its
                    // arguments instead cannot be read here.
                    runsOther = "it gives '" + cmd[i + 1] + "' after the image, which replaces the image's command";
                }

                return option;
            }

            return null;
        }

        /// <summary>Identifies a NuGet tool package; returns the first option not known harmless, or null.</summary>
        private static string? NuGet(McpServerUse server, IReadOnlyList<string> cmd, int i)
        {
            string? spec = null;
            string? version = null;
            string? option = null;
            for (; i < cmd.Count; i++)
            {
                string a = cmd[i];
                if (a == "--version" && i + 1 < cmd.Count)
                {
                    version = cmd[++i];
                    continue;
                }

                if (a == "--")
                {
                    break;
                }

                if (a.StartsWith("-", StringComparison.Ordinal))
                {
                    string name = OptionName(a);
                    bool source = name == "--source" || name == "--add-source" || name == "--configfile";
                    if (!HarmlessNuGetOptions.Contains(name) && (spec == null || source))
                    {
                        option ??= a.IndexOf('=') < 0 && i + 1 < cmd.Count && source ? a + " " + cmd[i + 1] : a; // after the package, the tool's own options
                    }

                    if (a.IndexOf('=') < 0 && source)
                    {
                        i++;
                    }

                    continue;
                }

                spec ??= a;
            }

            if (string.IsNullOrEmpty(spec))
            {
                return null;
            }

            string pkgName = spec!;
            int at = pkgName.IndexOf('@');
            if (at > 0)
            {
                version ??= pkgName.Substring(at + 1);
                pkgName = pkgName.Substring(0, at);
            }

            server.Package = "pkg:nuget/" + pkgName;
            server.Version = string.IsNullOrEmpty(version) ? null : version;
            return option;
        }
    }
}
