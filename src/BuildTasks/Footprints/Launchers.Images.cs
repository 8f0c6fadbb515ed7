using System;
using System.Collections.Generic;
using Guardrails.Core.Json;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Adversary round 13 route 3 (issue 12): assistants started without their program's name — as their official container
    /// image (<c>docker run … paulgauthier/aider-full --yes-always</c>, <c>podman run</c>, a workflow's <c>uses: docker://…</c>,
    /// <c>container:</c> or <c>services:</c>, a GitLab job's <c>image:</c>, a compose service or Kubernetes container
    /// <c>image:</c>, a Dockerfile <c>FROM</c>), as a Nix flake reference or package (<c>nix run nixpkgs#claude-code -- …</c>,
    /// <c>nix shell</c>, <c>nix profile install</c>, <c>nix-shell -p</c>, <c>nix-env -iA</c>, <c>devbox add</c>), in a Docker
    /// sandbox (<c>docker sandbox run claude</c>, <c>sbx run gemini</c>), by its install script (<c>curl -fsSL
    /// https://claude.ai/install.sh | bash</c>), or as the command a container runs (<c>docker run node:22 npx
    /// @google/gemini-cli --yolo</c>, <c>docker compose run app claude …</c>, <c>docker exec dev claude …</c>). Each is that
    /// assistant's launcher, judged by the one command judge (<see cref="ReadCommandLine"/>): undeclared → GRD130, and the
    /// words after the image or flake reference are the assistant's own flags (GRD133, GRD134).
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>
        /// The assistants' install scripts, by host and path (the script puts the CLI on the machine that pipes it to a shell:
        /// <c>curl -fsSL https://claude.ai/install.sh | bash</c>, <c>irm https://claude.ai/install.ps1 | iex</c>). From each
        /// tool's install instructions.
        /// </summary>
        private static readonly (string Url, string Assistant)[] InstallScripts =
        {
            ("claude.ai/install", ClaudeCode), ("aider.chat/install", Aider), ("opencode.ai/install", OpenCode), ("ampcode.com/install", Amp),
            ("cursor.com/install", Cursor), ("app.factory.ai/cli", FactoryDroid), ("gh.io/copilot-install", GitHubCopilot),
            ("github.com/block/goose/releases/", Goose), ("cli.kiro.dev/install", Kiro),
        };

        /// <summary>Docker sandboxes' agent names that are not the CLI's program name (<c>sbx run kiro</c>).</summary>
        private static readonly Dictionary<string, string> SandboxAgents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["kiro"] = Kiro,
        };

        /// <summary>docker compose options before its subcommand that take a value (<c>docker compose -f ci.yml run …</c>).</summary>
        private static readonly HashSet<string> ComposeValueOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "-f", "--file", "-p", "--project-name", "--profile", "--env-file", "--project-directory", "--ansi", "--progress", "--parallel",
        };

        /// <summary>
        /// The assistant an image reference is (<c>paulgauthier/aider-full:0.86</c>, <c>docker://ghcr.io/block/goose</c>,
        /// <c>docker.io/paulgauthier/aider</c>), or null: by <see cref="AssistantImages"/>, the one table of the assistants'
        /// official images (registry host included when it is not Docker Hub; a tag, digest or <c>-suffix</c> variant such as
        /// <c>aider-full</c> is the same image). Sources: aider's docs, goose's and opencode's GitHub packages, PR-Agent's Docker
        /// Hub image, OpenHands' docs (its app image; its <c>runtime</c> image is the sandbox, not the agent), Gemini CLI's
        /// sandbox image (the CLI runs in it).
        /// </summary>
        internal static string? ImageAssistant(string reference)
        {
            string r = reference.Trim().Trim('"', '\'');
            if (r.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
            {
                r = r.Substring("docker://".Length);
            }

            foreach (string hub in new[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/", "registry.hub.docker.com/" })
            {
                if (r.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
                {
                    r = r.Substring(hub.Length);
                    break;
                }
            }

            foreach ((string prefix, string assistant) in AssistantImages)
            {
                if (r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
                    (r.Length == prefix.Length || r[prefix.Length] == ':' || r[prefix.Length] == '@' || r[prefix.Length] == '-'))
                {
                    return assistant;
                }
            }

            return null;
        }

        /// <summary>
        /// An <c>image</c> or <c>container</c> member of a CI, dev-environment, compose or Kubernetes object that names an
        /// assistant's image (a workflow job's <c>container:</c>, <c>services.*.image</c>, GitLab's <c>image:</c> or
        /// <c>image.name</c>, a compose service, a pod's container): that assistant runs there. <paramref name="arguments"/>,
        /// when given, is the member whose words the image's entrypoint receives (a compose service's <c>command</c> without
        /// an <c>entrypoint</c>, a container's <c>args</c> without a <c>command</c>): the assistant's own flags.
        /// </summary>
        private static void ReadImageMember(LauncherFile file, JsonProperty member, JsonNode? arguments = null)
        {
            if (member.Name != "image" && member.Name != "container")
            {
                return;
            }

            JsonNode value = member.Value.Kind == JsonKind.Object ? member.Value["image"] ?? member.Value["name"] ?? member.Value : member.Value;
            if (value.Kind != JsonKind.String || !(ImageAssistant(value.Text ?? string.Empty) is string assistant))
            {
                return;
            }

            string setting = member.Name + " " + (value.Text ?? string.Empty).Trim();
            AddTool(file, assistant, setting, value.Start.Line, value.Start.Column);
            if (arguments != null && CommandOf(arguments) is string line)
            {
                var words = new List<string> { assistant };
                foreach (List<string> command in SimpleCommands(line, 0))
                {
                    words.AddRange(command);
                }

                ReadAssistantFlags(file, assistant, words, 0, setting, arguments.Start.Line, arguments.Start.Column);
            }
        }

        /// <summary>
        /// A Dockerfile's or Containerfile's stages built <c>FROM</c> an assistant's image (directly or from an earlier stage
        /// that is), each the assistant's launcher at its <c>FROM</c> line; a <c>CMD</c> of such a stage without its own
        /// <c>ENTRYPOINT</c> gives the image's entrypoint (the assistant) its flags (<c>CMD ["--yes-always", …]</c>).
        /// </summary>
        private static void ReadDockerfileImages(LauncherFile file, string text)
        {
            var stages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? stage = null;
            bool entrypoint = false;
            foreach ((int line, int column, string content) in JoinedLines(text))
            {
                int blank = content.IndexOfAny(new[] { ' ', '\t' });
                string instruction = blank > 0 ? content.Substring(0, blank).ToUpperInvariant() : string.Empty;
                string rest = blank > 0 ? content.Substring(blank).Trim() : string.Empty;
                if (instruction == "FROM")
                {
                    var words = new List<string>(rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
                    words.RemoveAll(w => w.StartsWith("--", StringComparison.Ordinal)); // --platform=…
                    string image = words.Count > 0 ? words[0] : string.Empty;
                    stage = ImageAssistant(image) ?? (stages.TryGetValue(image, out string? inherited) ? inherited : null);
                    entrypoint = false;
                    if (stage != null && ImageAssistant(image) != null)
                    {
                        AddTool(file, stage, "FROM " + image, line, column);
                    }

                    if (stage != null && words.Count >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
                    {
                        stages[words[2]] = stage;
                    }
                }
                else if (instruction == "ENTRYPOINT")
                {
                    entrypoint = true;
                }
                else if (instruction == "CMD" && stage != null && !entrypoint)
                {
                    string? command = rest;
                    if (rest.StartsWith("[", StringComparison.Ordinal))
                    {
                        JsonNode? form = JsonReader.TryParse(rest, out _);
                        command = form != null && form.Kind == JsonKind.Array ? ExecForm(form.Items) : null;
                    }

                    List<List<string>> commands = command == null ? new List<List<string>>() : SimpleCommands(command, 0);
                    if (commands.Count > 0 && commands[0].Count > 0 && commands[0][0].StartsWith("-", StringComparison.Ordinal))
                    {
                        var words = new List<string> { stage };
                        words.AddRange(commands[0]);
                        ReadAssistantFlags(file, stage, words, 0, "CMD on line " + line + " (the arguments of the image's entrypoint)", line, column);
                    }
                }
            }
        }

        /// <summary>
        /// The assistant a command runs by its image, flake reference, sandbox or install script, or as the command a
        /// container runs (<see cref="ImageRunStart"/> says where its own words start); null for any other command.
        /// </summary>
        private static string? ImageOrInstallerRun(IReadOnlyList<string> words) => OtherRun(words, out _);

        /// <summary>Where the assistant's own words start in a command <see cref="ImageOrInstallerRun"/> knows; null for any other command.</summary>
        private static int? ImageRunStart(List<string> words) => OtherRun(words, out int start) != null ? start : (int?)null;

        /// <summary>
        /// The assistant of a container, Nix, sandbox or installer command, with the index of its first own word in
        /// <paramref name="start"/> (the image or flake reference, the sandbox's agent, or the command run in the container).
        /// </summary>
        private static string? OtherRun(IReadOnlyList<string> words, out int start)
        {
            start = 0;
            if (words.Count < 2)
            {
                return null;
            }

            string exe = ServerCommand.ExecutableName(words[0]);
            switch (exe)
            {
                case "docker":
                case "podman":
                case "nerdctl":
                case "docker-compose":
                case "podman-compose":
                    return ContainerRun(words, exe, out start);
                case "sbx":
                    return SandboxRun(words, 1, out start);
                case "nix":
                case "nix-shell":
                case "nix-env":
                case "devbox":
                    return NixRun(words, exe, out start);
                case "curl":
                case "wget":
                case "iwr":
                case "irm":
                case "invoke-webrequest":
                case "invoke-restmethod":
                    foreach (string w in words)
                    {
                        string url = w.Trim('"', '\'');
                        int scheme = url.IndexOf("://", StringComparison.Ordinal);
                        string rest = scheme > 0 ? url.Substring(scheme + 3) : url;
                        if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
                        {
                            rest = rest.Substring(4);
                        }

                        foreach ((string script, string assistant) in InstallScripts)
                        {
                            if (rest.StartsWith(script, StringComparison.OrdinalIgnoreCase))
                            {
                                start = words.Count - 1; // curl's own options are not the assistant's
                                return assistant;
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// docker/podman/nerdctl <c>run</c>, <c>container run</c>, <c>exec</c>, <c>compose run|exec</c>, <c>docker-compose
        /// run|exec</c>, <c>sandbox run|create</c>: the assistant of the image (run), else the command given after the image,
        /// service or container.
        /// </summary>
        private static string? ContainerRun(IReadOnlyList<string> words, string exe, out int start)
        {
            start = 0;
            int i = 1;
            bool compose = exe == "docker-compose" || exe == "podman-compose";
            if (!compose && words[i] == "compose")
            {
                compose = true;
                i++;
            }

            if (compose)
            {
                while (i < words.Count && words[i].StartsWith("-", StringComparison.Ordinal))
                {
                    i += ComposeValueOptions.Contains(words[i]) ? 2 : 1;
                }
            }
            else if (words[i] == "sandbox")
            {
                return SandboxRun(words, 2, out start);
            }
            else if (words[i] == "container" && i + 1 < words.Count)
            {
                i++;
            }

            if (i >= words.Count || (words[i] != "run" && words[i] != "exec"))
            {
                return null;
            }

            bool image = !compose && words[i] == "run";
            for (i++; i < words.Count; i++)
            {
                string w = words[i];
                if (w == "--")
                {
                    continue;
                }

                if (w.StartsWith("-", StringComparison.Ordinal))
                {
                    if (w.IndexOf('=') < 0 && (ServerCommand.DockerValueOptions.Contains(w) || w == "--index"))
                    {
                        i++;
                    }

                    continue;
                }

                if (image && ImageAssistant(w) is string assistant)
                {
                    start = i;
                    return assistant;
                }

                // the image, service or container: the words after it are the command it runs
                if (i + 1 < words.Count)
                {
                    List<string> inner = new List<string>(words).GetRange(i + 1, words.Count - i - 1);
                    string? run = AssistantRun(inner);
                    if (run != null)
                    {
                        start = i + 1 + ArgumentsStart(inner);
                    }

                    return run;
                }

                return null;
            }

            return null;
        }

        /// <summary>
        /// Docker sandboxes (<c>docker sandbox run|create [options] AGENT [workspace] [-- agent flags]</c>, <c>sbx run|create …</c>):
        /// the agent by its CLI's name.
        /// </summary>
        private static string? SandboxRun(IReadOnlyList<string> words, int at, out int start)
        {
            start = 0;
            if (at >= words.Count || (words[at] != "run" && words[at] != "create"))
            {
                return null;
            }

            for (int i = at + 1; i < words.Count; i++)
            {
                string w = words[i];
                if (w.StartsWith("-", StringComparison.Ordinal))
                {
                    if (w.IndexOf('=') < 0 && (w == "--name" || w == "-t" || w == "--template" || w == "--branch" || w == "-m" || w == "--memory" || w == "--kit"))
                    {
                        i++;
                    }

                    continue;
                }

                start = i;
                return Clis.TryGetValue(w, out string? id) ? id : SandboxAgents.TryGetValue(w, out string? agent) ? agent : null;
            }

            return null;
        }

        /// <summary>
        /// Nix and devbox: <c>nix run|shell|profile install INSTALLABLE…</c> (a flake reference <c>nixpkgs#claude-code</c>,
        /// <c>github:NixOS/nixpkgs#codex</c>, an attribute path <c>nixpkgs#legacyPackages.x86_64-linux.claude-code</c>),
        /// <c>nix shell … -c CMD</c> and <c>nix develop -c CMD</c> (the command, when it is an assistant), <c>nix-shell -p
        /// PKG…</c>, <c>nix-env -i|-iA PKG…</c>, <c>devbox add|global add PKG…</c>: the packages by their Nix names (the table
        /// the flake and devbox readers use).
        /// </summary>
        private static string? NixRun(IReadOnlyList<string> words, string exe, out int start)
        {
            start = 0;
            int i = 1;
            bool installs;
            if (exe == "nix")
            {
                string sub = words[1];
                if (sub == "profile" && words.Count > 2 && (words[2] == "install" || words[2] == "add"))
                {
                    i = 3;
                }
                else if (sub == "run" || sub == "shell" || sub == "develop" || sub == "env")
                {
                    i = 2;
                }
                else
                {
                    return null;
                }

                installs = true;
            }
            else if (exe == "devbox")
            {
                i = words[1] == "global" ? 2 : 1;
                installs = i < words.Count && words[i] == "add";
                i++;
            }
            else
            {
                installs = exe == "nix-env" ? words.Count > 1 && (words[1] == "-i" || words[1] == "-iA" || words[1] == "--install") : true;
            }

            if (!installs)
            {
                return null;
            }

            string? found = null;
            bool packages = exe != "nix-shell"; // nix-shell: only the words after -p/--packages are packages
            for (; i < words.Count; i++)
            {
                string w = words[i];
                if (w == "--")
                {
                    break; // nix run … -- ARGS: the program's
                }

                if ((w == "-c" || w == "--command") && exe == "nix" && i + 1 < words.Count)
                {
                    List<string> inner = new List<string>(words).GetRange(i + 1, words.Count - i - 1);
                    if (AssistantRun(inner) is string run)
                    {
                        start = i + 1 + ArgumentsStart(inner);
                        return run;
                    }

                    break;
                }

                if ((w == "--run" || w == "--command") && exe == "nix-shell" && i + 1 < words.Count && found == null)
                {
                    // nix-shell --run 'claude …': the command line runs in the shell; its assistant (its flags are in the string)
                    foreach (List<string> command in SimpleCommands(words[i + 1], 1))
                    {
                        if (AssistantRun(command) is string inShell)
                        {
                            start = words.Count - 1;
                            return inShell;
                        }
                    }
                }

                if (w == "-p" || w == "--packages")
                {
                    packages = true;
                    continue;
                }

                if (w.StartsWith("-", StringComparison.Ordinal))
                {
                    if (exe == "nix-shell")
                    {
                        packages = false; // nix-shell -p A B --run …: the package list ends at the next option
                    }

                    continue;
                }

                if (packages && found == null && NixPackage(w) is string assistant)
                {
                    found = assistant;
                    start = i;
                    if (exe == "nix" && words[1] == "run")
                    {
                        return found; // the words after the reference are the program's
                    }
                }
            }

            return found;
        }

        /// <summary>The assistant a Nix package word names: <c>nixpkgs#claude-code</c>, <c>nixpkgs.codex</c>, <c>claude-code@latest</c> (devbox).</summary>
        private static string? NixPackage(string word)
        {
            string w = word.Trim('"', '\'');
            int hash = w.IndexOf('#');
            string attribute = hash >= 0 ? w.Substring(hash + 1) : w;
            if (hash < 0 && (attribute.StartsWith("nixpkgs.", StringComparison.Ordinal) || attribute.StartsWith("pkgs.", StringComparison.Ordinal)))
            {
                attribute = attribute.Substring(attribute.IndexOf('.') + 1);
            }
            else if (hash < 0 && attribute.IndexOf(':') >= 0)
            {
                return null; // a flake reference without an attribute (github:owner/repo): its default package, unknown here
            }

            int dot = attribute.LastIndexOf('.');
            string name = dot >= 0 && hash >= 0 ? attribute.Substring(dot + 1) : attribute;
            return ToolSpec(name, nixNames: true);
        }
    }
}
