using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Files that start programs on their own, without being an assistant's footprint (adversary round 6 #11): a VS Code
    /// task run when the folder opens (<c>.vscode/tasks.json</c>, <c>"runOptions": { "runOn": "folderOpen" }</c>), husky
    /// git hooks (<c>.husky/pre-commit</c>, …), local pre-commit hooks (<c>.pre-commit-config.yaml</c>, <c>repo: local</c>)
    /// and npm lifecycle scripts (<c>package.json</c> <c>scripts</c>: <c>preinstall</c>, <c>install</c>, <c>postinstall</c>,
    /// <c>prepare</c>, …). Each command they run is judged with the code that judges an MCP server's command
    /// (<see cref="ServerCommand"/>): one that runs an assistant's CLI (<c>claude -p …</c>, <c>npx @openai/codex</c>) makes
    /// the file that assistant's footprint, and one that starts an MCP server (a package or program whose name holds
    /// "mcp", e.g. <c>npx -y @modelcontextprotocol/server-x</c>) is an MCP server the policy must approve.
    /// Read at each folder of the walk (project folder up to the repository root).
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>Assistant CLIs by executable name.</summary>
        private static readonly Dictionary<string, string> Clis = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["claude"] = ClaudeCode, ["codex"] = OpenAiCodex, ["gemini"] = Gemini, ["aider"] = Aider, ["qwen"] = QwenCode,
            ["cursor-agent"] = Cursor, ["copilot"] = GitHubCopilot, ["opencode"] = OpenCode, ["goose"] = Goose, ["amp"] = Amp,
            ["crush"] = Crush, ["kiro-cli"] = Kiro, ["q"] = AmazonQ, ["auggie"] = Augment, ["cline"] = Cline,
            // adversary round 11 route 3: Factory's droid, OpenHands' CLI, Qodo Command, PR-Agent's console script, Simon
            // Willison's llm (GitHub Models' `gh models run` is read in AssistantRun: "gh" alone is not an assistant)
            ["droid"] = FactoryDroid, ["openhands"] = OpenHands, ["qodo"] = Qodo, ["pr-agent"] = QodoPrAgent, ["llm"] = Llm,
            ["aider-install"] = Aider, // aider's installer (pip install aider-install && aider-install; round 13 route 3)
        };

        /// <summary>Assistant CLIs by the package a launcher (npx, uvx, …) runs.</summary>
        private static readonly Dictionary<string, string> Packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["pkg:npm/@anthropic-ai/claude-code"] = ClaudeCode, ["pkg:npm/@openai/codex"] = OpenAiCodex, ["pkg:npm/@google/gemini-cli"] = Gemini,
            ["pkg:npm/@qwen-code/qwen-code"] = QwenCode, ["pkg:npm/@github/copilot"] = GitHubCopilot, ["pkg:npm/opencode-ai"] = OpenCode,
            ["pkg:npm/@sourcegraph/amp"] = Amp, ["pkg:npm/@charmland/crush"] = Crush, ["pkg:npm/@augmentcode/auggie"] = Augment,
            ["pkg:pypi/aider-chat"] = Aider,
            ["pkg:pypi/pr-agent"] = QodoPrAgent, ["pkg:pypi/openhands-ai"] = OpenHands, ["pkg:pypi/openhands"] = OpenHands, ["pkg:pypi/llm"] = Llm,
            ["pkg:npm/@qodo/command"] = Qodo, ["pkg:pypi/aider-install"] = Aider,
        };

        /// <summary>Assistants run as a Python module (<c>python -m pr_agent.cli …</c>), by the module's top-level package.</summary>
        private static readonly Dictionary<string, string> PythonModules = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pr_agent"] = QodoPrAgent, ["openhands"] = OpenHands, ["aider"] = Aider, ["llm"] = Llm,
        };

        /// <summary>
        /// Assistant CLIs by the name Nix and devbox (which installs Nix packages) give them (adversary round 7 route 10).
        /// Read only in those files: elsewhere "codex" or "crush" is an ordinary word.
        /// </summary>
        private static readonly Dictionary<string, string> NixPackages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["claude-code"] = ClaudeCode, ["codex"] = OpenAiCodex, ["gemini-cli"] = Gemini, ["aider-chat"] = Aider, ["qwen-code"] = QwenCode,
            ["opencode"] = OpenCode, ["goose-cli"] = Goose, ["amp-cli"] = Amp, ["crush"] = Crush, ["github-copilot-cli"] = GitHubCopilot,
        };

        /// <summary>
        /// Members of a tool manager's, dev environment's or hook runner's file whose strings are shell commands it runs
        /// (Gitpod tasks' init/before/command, lefthook run, overcommit command, Taskfile cmds/cmd, mise tasks' run, devbox
        /// shell.init_hook and shell.scripts): a string anywhere below one of them is read as a command line.
        /// </summary>
        private static readonly HashSet<string> CommandKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "init", "before", "command", "prebuild", "run", "cmd", "cmds", "init_hook", "scripts", "script", "entry", "onStart", "onCreate",
            "before_script", "after_script", "bash", "pwsh", "powershell", "inlineScript",
            // App Engine's app.yaml entrypoint, GitLab's image entrypoint (adversary round 12 route 12)
            "entrypoint",
        };

        /// <summary>
        /// Files that run commands in CI or build an image (adversary round 8 route 12: an approved assistant run from a
        /// workflow with a denied model and a forbidden bypass): GitHub workflows, GitLab, Azure Pipelines, Bitbucket and
        /// CircleCI pipelines (read as YAML: every string below a <see cref="CommandKeys"/> member is a command line, and
        /// an assistant's GitHub action inputs are read as its flags), Dockerfiles (RUN, CMD, ENTRYPOINT) and shell
        /// scripts (every line), in the folder of each level or the folder named.
        /// </summary>
        private static readonly (string Folder, string Pattern)[] RunnerFiles =
        {
            (".github/workflows", "*.yml"), (".github/workflows", "*.yaml"), (string.Empty, ".gitlab-ci.yml"), (string.Empty, ".gitlab-ci.yaml"),
            (string.Empty, "azure-pipelines*.yml"), (string.Empty, "azure-pipelines*.yaml"), (string.Empty, "bitbucket-pipelines.yml"),
            (".circleci", "config.yml"), (string.Empty, "Dockerfile"), (string.Empty, "Dockerfile.*"), (string.Empty, "*.Dockerfile"),
            (string.Empty, "requirements*.txt"), (string.Empty, "requirements*.in"), ("requirements", "*.txt"),
            (string.Empty, "*.csproj"), (string.Empty, "*.vbproj"), (string.Empty, "*.fsproj"), (string.Empty, "*.proj"),
            (string.Empty, "*.props"), (string.Empty, "*.targets"),
            // adversary round 12 route 12: deploy and runtime descriptors (docker compose, Podman's Containerfile, foreman's
            // Procfile variants); the same files committed off the walk are read through the git index (DeployFiles).
            (string.Empty, "compose*.yml"), (string.Empty, "compose*.yaml"), (string.Empty, "docker-compose*.yml"), (string.Empty, "docker-compose*.yaml"),
            (string.Empty, "Containerfile"), (string.Empty, "Containerfile.*"), (string.Empty, "*.Containerfile"), (string.Empty, "Procfile.*"),
            // adversary round 13 route 15: the other CI systems' pipeline files (Launchers.Pipelines); route 13: scripts not *.sh
            (string.Empty, "Jenkinsfile"), (string.Empty, "*.Jenkinsfile"), (".buildkite", "*.yml"), (".buildkite", "*.yaml"), (string.Empty, ".drone.yml"),
            (string.Empty, ".woodpecker.yml"), (".woodpecker", "*.yml"), (".woodpecker", "*.yaml"), (string.Empty, ".travis.yml"), (string.Empty, "buildspec*.yml"),
            (string.Empty, "buildspec*.yaml"), (string.Empty, "cloudbuild*.yaml"), (string.Empty, "cloudbuild*.yml"), (string.Empty, "appveyor.yml"),
            (string.Empty, ".appveyor.yml"), (string.Empty, ".cirrus.yml"), (".tekton", "*.yaml"), (".tekton", "*.yml"),
            // scripts of every kind (ScriptKinds) are read in the folder and in scripts/ by ScriptCandidates, and anywhere through git's index
        };

        /// <summary>
        /// GitHub actions that run an assistant, by the prefix of <c>uses:</c>, with the inputs that name its model, pass it
        /// command-line flags, or set its sandbox or allowed tools (read as the CLI's <c>--sandbox</c>, <c>--allowed_tools</c>).
        /// </summary>
        private static readonly (string Action, string Assistant, string[] ModelInputs, string[] ArgsInputs, string[] FlagInputs)[] Actions =
        {
            ("anthropics/claude-code-action", ClaudeCode, new[] { "model", "anthropic_model", "fallback_model" }, new[] { "claude_args" }, new[] { "allowed_tools" }),
            ("anthropics/claude-code-base-action", ClaudeCode, new[] { "model", "anthropic_model", "fallback_model" }, new[] { "claude_args" }, new[] { "allowed_tools" }),
            ("openai/codex-action", OpenAiCodex, new[] { "model" }, new[] { "codex-args", "codex_args" }, new[] { "sandbox" }),
            ("google-github-actions/run-gemini-cli", Gemini, new[] { "gemini_model", "model" }, new[] { "gemini_cli_args" }, new string[0]),
            // adversary round 11 route 3: GitHub Models through GitHub's own action, OpenHands' resolver as a reusable
            // workflow (a job-level uses:, read like a step's)
            ("actions/ai-inference", GitHubModels, new[] { "model" }, new string[0], new string[0]),
            ("All-Hands-AI/OpenHands/.github/workflows/openhands-resolver.yml", OpenHands, new[] { "LLM_MODEL", "llm_model" }, new string[0], new string[0]),
        };

        /// <summary>
        /// The files that install or start programs beside the footprints: VS Code folder-open tasks, npm and husky, pre-commit,
        /// and (adversary round 7 route 10) tool managers (mise, asdf), dev environments (Gitpod, Firebase Studio/IDX, devbox,
        /// Nix), hook runners (lefthook, overcommit) and task runners (Taskfile, just, make).
        /// </summary>
        private static readonly string[] LauncherNames =
        {
            ".vscode/tasks.json", "package.json", ".pre-commit-config.yaml", ".pre-commit-config.yml",
            "mise.toml", ".mise.toml", ".tool-versions", ".gitpod.yml", ".gitpod.yaml", ".idx/dev.nix", "devbox.json", "flake.nix", "shell.nix",
            "lefthook.yml", "lefthook.yaml", ".lefthook.yml", "lefthook-local.yml", ".overcommit.yml", "Taskfile.yml", "Taskfile.yaml", "taskfile.yml",
            "justfile", "Justfile", ".justfile", "Makefile", "makefile", "GNUmakefile", "pyproject.toml", "Pipfile",
            // adversary round 12 route 12: Procfile (every process line), Tiltfile, direnv's .envrc (a shell script run on cd),
            // pixi tasks, Replit, Fly.io, Heroku's app.json scripts, App Engine's app.yaml entrypoint
            "Procfile", "Tiltfile", ".envrc", "pixi.toml", ".replit", "fly.toml", "app.json", "app.yaml",
        };

        /// <summary>npm scripts that npm runs on its own (install, pack, publish), not only when asked by name.</summary>
        private static readonly HashSet<string> LifecycleScripts = new HashSet<string>(StringComparer.Ordinal)
        {
            "preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare", "prepublish", "prepublishOnly", "prepack", "postpack", "dependencies",
        };

        /// <summary>The git hooks husky installs from files of the same name in <c>.husky/</c>.</summary>
        private static readonly string[] GitHooks =
        {
            "applypatch-msg", "pre-applypatch", "post-applypatch", "pre-commit", "pre-merge-commit", "prepare-commit-msg", "commit-msg", "post-commit",
            "pre-rebase", "post-checkout", "post-merge", "pre-push", "post-rewrite", "pre-auto-gc",
        };

        /// <summary>What one launcher file starts.</summary>
        public sealed class LauncherFile
        {
            public LauncherFile(string fullPath, string level, string relativePath)
            {
                FullPath = fullPath;
                Level = level;
                RelativePath = relativePath;
            }

            public string FullPath { get; }

            public string Level { get; }

            public string RelativePath { get; }

            /// <summary>Each assistant run, with where it is first started (setting, line, column).</summary>
            public List<(string Assistant, string Setting, int Line, int Column)> Assistants { get; } = new List<(string, string, int, int)>();

            /// <summary>MCP servers started, each identified like a configured server's command.</summary>
            public List<McpServerUse> Servers { get; } = new List<McpServerUse>();

            /// <summary>Permissions an assistant is started with by its flags (<c>claude --dangerously-skip-permissions</c>), per assistant.</summary>
            public List<(string Assistant, PermissionUse Permission)> Permissions { get; } = new List<(string, PermissionUse)>();

            /// <summary>Models an assistant is started with (<c>--model</c>, <c>-m</c>, an action's <c>model</c> input), per assistant.</summary>
            public List<(string Assistant, ModelUse Model)> Models { get; } = new List<(string, ModelUse)>();

            /// <summary>
            /// The assistant environment variables a CI file sets where it runs that assistant (the workflow's, job's or step's
            /// <c>env</c>, GitLab and Azure <c>variables</c>: <c>ANTHROPIC_MODEL</c>, …), judged as its settings' <c>env</c> is.
            /// </summary>
            public List<EnvironmentSetting> Environment { get; } = new List<EnvironmentSetting>();

            /// <summary>Hosts an assistant's traffic is sent to by its flags (<c>--settings '{"env": {"ANTHROPIC_BASE_URL": …}}'</c>), per assistant.</summary>
            public List<(string Assistant, EndpointUse Endpoint)> Endpoints { get; } = new List<(string, EndpointUse)>();

            /// <summary>The catalog AI SDKs its commands install (<c>pip install openai</c>; <see cref="InstalledSdks"/>).</summary>
            public List<DeclaredPackage> InstalledSdks { get; } = new List<DeclaredPackage>();

            /// <summary>
            /// <c>NAME=value</c> lines a command appended to <c>$GITHUB_ENV</c> (<c>echo "NAME=value" &gt;&gt; "$GITHUB_ENV"</c>): the
            /// environment of the later steps of <see cref="Job"/> (adversary round 13 route 4; <see cref="JobEnvironmentOf"/>).
            /// </summary>
            internal List<string> JobEnvironment { get; } = new List<string>();

            /// <summary>The job whose <see cref="JobEnvironment"/> this is (empty: the whole file).</summary>
            internal string Job { get; set; } = string.Empty;

            /// <summary>While a script is read a line at a time, the variables it <c>export</c>s (every later line's environment).</summary>
            internal List<string>? ScriptExports { get; set; }

            /// <summary>While a script is read a line at a time, the variables and one-line functions it defines.</summary>
            internal ShellDefinitions? ScriptDefinitions { get; set; }
        }

        /// <summary>
        /// The launcher files at <paramref name="levels"/> that start an assistant or an MCP server. A launcher that cannot be
        /// read or parsed is left to its own tool (npm, pre-commit and VS Code refuse it too) and is not reported.
        /// </summary>
        public static List<LauncherFile> Find(IEnumerable<string> levels, string? repositoryRoot = null)
        {
            var found = new List<LauncherFile>();
            foreach (string level in levels)
            {
                foreach (string relative in Candidates(level))
                {
                    string full = Path.Combine(level, relative.Replace('/', Path.DirectorySeparatorChar));
                    LauncherFile file = Read(full, level, relative);
                    if (file.Assistants.Count > 0 || file.Servers.Count > 0 || file.Environment.Count > 0 || file.InstalledSdks.Count > 0)
                    {
                        found.Add(file);
                    }
                }
            }

            foreach (string relative in CommittedFiles(repositoryRoot, levels))
            {
                LauncherFile file = Read(Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar)), repositoryRoot!, relative);
                if (file.Assistants.Count > 0 || file.Servers.Count > 0 || file.InstalledSdks.Count > 0)
                {
                    found.Add(file);
                }
            }

            found.AddRange(ExecutableScripts(repositoryRoot)); // committed with the executable bit, a script by its shebang (Launchers.Scripts)

            foreach (string relative in CodeLaunchers.CommittedFiles(repositoryRoot))
            {
                // The application's C# (adversary round 12 route 4): each file read once per build node (CodeLaunchers.In).
                string full = Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
                List<(int Line, int Column, string Command)> commands = CodeLaunchers.In(full);
                if (commands.Count == 0)
                {
                    continue;
                }

                var file = new LauncherFile(full, repositoryRoot!, relative);
                ReadCode(file, commands);
                if (file.Assistants.Count > 0 || file.Servers.Count > 0 || file.InstalledSdks.Count > 0)
                {
                    found.Add(file);
                }
            }

            found.AddRange(CommittedFlagFiles(repositoryRoot, found)); // permission flags wherever committed (CommittedFlags.cs, round 14)
            return found;
        }

        /// <summary>
        /// The MSBuild files committed in the repository (git's index: projects, <c>.props</c>, <c>.targets</c>) that lie
        /// off <paramref name="levels"/>, relative to <paramref name="repositoryRoot"/> with '/' (issue 12, session 14): a
        /// build imports files from anywhere (<c>&lt;Import Project="../eng/ai.targets"/&gt;</c>, a path built from
        /// properties), builds other projects with <c>&lt;MSBuild&gt;</c>, and the <c>Exec</c> of each runs in the build; the
        /// files at each level are read by <see cref="Candidates"/>. Likewise (adversary round 12 route 12) the deploy
        /// descriptors committed off the walk (<c>deploy/docker-compose.yml</c>, a Dockerfile or Containerfile, a Procfile, a
        /// Tiltfile: <see cref="IsDeployDescriptor"/>) and every committed YAML file that may be a Kubernetes, OpenShift or
        /// Helm workload, wherever it is (<see cref="IsWorkloadCandidate"/>: no level lists those by name). Folders below
        /// node_modules/ and .git/, and a project's bin/ and obj/, are left out (generated). Empty without a repository or a
        /// readable index.
        /// </summary>
        private static List<string> CommittedFiles(string? repositoryRoot, IEnumerable<string> levels)
        {
            var files = new List<string>();
            HashSet<string>? tracked = repositoryRoot == null ? null : GitIndex.TryReadTrackedPaths(repositoryRoot);
            if (tracked == null)
            {
                return files;
            }

            var levelFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string level in levels)
            {
                levelFolders.Add(FootprintDiscovery.Normalize(level));
            }

            HashSet<string> scriptFolders = LevelScriptFolders(levels);
            foreach (string relative in tracked)
            {
                // a workload manifest or (adversary round 13 route 13) a shebang script by any name: no level's candidates list it
                bool workload = IsWorkloadCandidate(relative) || (IsShebangCandidate(relative) && !IsTaskRunner(relative));
                bool script = Guardrails.Core.Files.ScriptKinds.IsScript(relative); // anywhere but a level's folder and scripts/
                if (!(MsBuildProjectFiles.IsMsBuildFile(relative) || IsDeployDescriptor(relative) || workload || script || IsTaskRunner(relative)) || relative.EndsWith("/", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] segments = relative.Split('/');
                bool skipped = GitIndex.UnderGeneratedFolder(segments);

                string folder = segments.Length == 1 ? repositoryRoot! : Path.Combine(repositoryRoot!, string.Join(Path.DirectorySeparatorChar.ToString(), segments, 0, segments.Length - 1));
                if (!skipped && (workload || !(script ? scriptFolders : levelFolders).Contains(FootprintDiscovery.Normalize(folder))))
                {
                    files.Add(relative); // a workload manifest by any name: no level's candidates list it
                }
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>
        /// The files at <paramref name="levels"/> the check reads beside the footprints — every launcher file and
        /// <c>.npmrc</c> (<see cref="NpmConfig"/>) that exists — so that adding or editing one re-runs an incremental build's check.
        /// </summary>
        public static List<string> InputFiles(IEnumerable<string> levels, string? repositoryRoot = null)
        {
            var files = new List<string>();
            foreach (string relative in CommittedFiles(repositoryRoot, levels))
            {
                if (IsCommittedInput(repositoryRoot!, relative))
                {
                    files.Add(Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar)));
                }
            }

            files.AddRange(ExecutableScriptInputs(repositoryRoot));
            AddCommittedFlagInputs(files, repositoryRoot); // the committed files with a permission flag (CommittedFlags.cs)

            foreach (string config in Relays.ConfigFiles(levels, repositoryRoot))
            {
                files.Add(config); // a relay's model_list decides where an assistant pointed at this machine sends its traffic
            }

            // The C# files that start a command (editing one re-runs the check); a command added to another file is read when
            // git's index changes (an input of the check) or in the next clean build: every code edit does not re-run the check.
            foreach (string relative in CodeLaunchers.CommittedFiles(repositoryRoot))
            {
                string full = Path.Combine(repositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
                if (CodeLaunchers.In(full).Count > 0)
                {
                    files.Add(full);
                }
            }

            foreach (string level in levels)
            {
                foreach (string relative in Candidates(level))
                {
                    files.Add(Path.Combine(level, relative.Replace('/', Path.DirectorySeparatorChar)));
                }

                foreach (string embedded in EmbeddedFootprints.InputFiles(new[] { level }))
                {
                    files.Add(embedded);
                }

                foreach (string source in AssistantEnvironment.SourceFiles(level))
                {
                    if (!files.Contains(source))
                    {
                        files.Add(source);
                    }
                }

                foreach (string config in new[] { ".npmrc", ".yarnrc.yml" })
                {
                    string path = Path.Combine(level, config);
                    if (File.Exists(path))
                    {
                        files.Add(path);
                    }
                }
            }

            return files;
        }

        private static IEnumerable<string> Candidates(string level)
        {
            foreach (string name in LauncherNames)
            {
                if (File.Exists(Path.Combine(level, name.Replace('/', Path.DirectorySeparatorChar))))
                {
                    yield return name;
                }
            }

            foreach ((string folder, string pattern) in RunnerFiles)
            {
                string dir = folder.Length == 0 ? level : Path.Combine(level, folder.Replace('/', Path.DirectorySeparatorChar));
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                string[] files;
                try
                {
                    files = Directory.GetFiles(dir, pattern);
                }
                catch (Exception e) when (FootprintDiscovery.IsIoException(e))
                {
                    continue;
                }

                Array.Sort(files, StringComparer.Ordinal);
                foreach (string f in files)
                {
                    yield return (folder.Length == 0 ? string.Empty : folder + "/") + Path.GetFileName(f);
                }
            }

            string husky = Path.Combine(level, ".husky");
            if (Directory.Exists(husky))
            {
                foreach (string hook in GitHooks)
                {
                    if (File.Exists(Path.Combine(husky, hook)))
                    {
                        yield return ".husky/" + hook;
                    }
                }
            }

            foreach (string relative in TaskRunnerCandidates(level))
            {
                yield return relative; // composer.json, tox.ini, noxfile.py, a Rakefile, … (adversary round 13 route 14)
            }

            foreach (string relative in HookAndActionCandidates(level))
            {
                yield return relative; // .githooks/pre-commit, .github/actions/x/action.yml (adversary round 13 routes 13, 16)
            }

            foreach (string relative in ScriptCandidates(level))
            {
                yield return relative; // every script kind, in the folder and in scripts/ (Launchers.Scripts)
            }

            foreach (string relative in DevContainerCandidates(level))
            {
                yield return relative; // a dev container's lifecycle commands (adversary round 13 route 6)
            }
        }

        /// <summary>Reads one launcher file.</summary>
        private static LauncherFile Read(string fullPath, string level, string relative)
        {
            var file = new LauncherFile(fullPath, level, relative);
            LoadedFile? loaded = IsWorkloadCandidate(relative) ? WorkloadCandidate(fullPath)
                : IsShebangCandidate(relative) && !IsTaskRunner(relative) ? ShebangScript(fullPath)
                : SourceFile.TryLoad(fullPath, RuleCatalog.UnreadableAssistantFile, "The launcher file", out Finding? _);
            if (loaded == null)
            {
                return file;
            }

            string? text = SourceFile.TryDecode(loaded, "The launcher file", out Finding? _);
            if (text != null)
            {
                Interpret(file, text);
            }

            return file;
        }

        /// <summary>Reads the commands <paramref name="text"/> starts on its own, by the file's kind.</summary>
        public static void Interpret(LauncherFile file, string text)
        {
            string name = file.RelativePath;
            string fileName = name.Substring(name.LastIndexOf('/') + 1);
            try
            {
                if (ReadTaskRunner(file, fileName, text))
                {
                    // composer, Deno, Nx, Cursor environment, tox, nox, invoke, Rake, gulp, Gradle (round 13 route 14)
                }
                else if (ReadDeployDescriptor(file, fileName, text))
                {
                    // compose, Procfile, Tiltfile, pixi, Replit, Fly.io, .envrc, a Kubernetes or Helm workload (round 12 route 12)
                }
                else if (name.StartsWith(".husky/", StringComparison.Ordinal) || IsHookFile(name))
                {
                    ReadScript(file, text, "hook", allLines: true);
                }
                else if (name == ".vscode/tasks.json")
                {
                    ReadTasks(file, JsonReader.Parse(text));
                }
                else if (fileName == "package.json") // at a level or committed anywhere (round 13 route 14)
                {
                    JsonNode root = JsonReader.Parse(text);
                    ReadScripts(file, root);
                    ReadHuskyHooks(file, root);
                    ReadDependencies(file, text);
                }
                else if (fileName == "pyproject.toml" || fileName == "Pipfile" || name.StartsWith("requirements", StringComparison.Ordinal))
                {
                    ReadDependencies(file, text);
                    if (fileName == "pyproject.toml")
                    {
                        JsonNode pyproject = TomlReader.Parse(text);
                        ReadTaskTables(file, pyproject, string.Empty, 0); // [tool.pixi.tasks], [tool.poe.tasks]
                        ReadPyprojectTools(file, pyproject); // Hatch, PDM scripts (round 13 route 14)
                    }
                }
                else if (IsDevContainerFile(name))
                {
                    ReadDevContainer(file, text); // postCreateCommand, … (Launchers.Scripts)
                }
                else if (name.StartsWith(".pre-commit-config.", StringComparison.Ordinal))
                {
                    ReadPreCommit(file, YamlReader.Parse(text));
                }
                else if (name == ".tool-versions")
                {
                    ReadToolVersions(file, text);
                }
                else if (name.EndsWith(".nix", StringComparison.Ordinal))
                {
                    ReadNix(file, text);
                }
                else if (name.EndsWith("akefile", StringComparison.Ordinal) || name.EndsWith("ustfile", StringComparison.Ordinal))
                {
                    ReadScript(file, text, "recipe", allLines: false);
                }
                else if (IsDockerfile(name))
                {
                    ReadDockerfile(file, text);
                    ReadDockerfileImages(file, text); // FROM an assistant's image (round 13 route 3)
                }
                else if (Guardrails.Core.Files.ScriptKinds.IsScript(name))
                {
                    ReadOtherScript(file, text); // sh, bash, zsh, ksh, fish, PowerShell, cmd/batch (adversary round 13 route 13)
                }
                else if (IsPipelineFile(name))
                {
                    ReadPipeline(file, text); // Jenkins, Buildkite, Drone, Travis, CodeBuild, Cloud Build, … (round 13 route 15)
                }
                else if (IsCiFile(name))
                {
                    ReadCi(file, text);
                }
                else if (IsMsBuildFile(name))
                {
                    ReadMsBuild(file, text);
                }
                else if (fileName.IndexOf('.') < 0 && IsShellShebang(text))
                {
                    ReadScript(file, text, "line", allLines: true); // a committed extension-less shell script (round 13 route 13)
                }
                else if (CodeLaunchers.IsCode(name))
                {
                    ReadCode(file, CodeLaunchers.Commands(text));
                }
                else
                {
                    // mise.toml, devbox.json, .gitpod.yml, lefthook.yml, .overcommit.yml, Taskfile.yml
                    JsonNode root = name.EndsWith(".toml", StringComparison.Ordinal) ? TomlReader.Parse(text)
                        : name.EndsWith(".json", StringComparison.Ordinal) ? JsonReader.Parse(text)
                        : YamlReader.Parse(text);
                    ReadStructured(file, root, string.Empty, inCommand: false, nixNames: name == "devbox.json", depth: 0);
                }
            }
            catch (JsonParseException)
            {
                // A general file (package.json, a task list, a hook list) that does not parse is its own tool's error to report.
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // a Tiltfile or Helm template too large for its patterns' time limit: its commands are not read
            }
        }

        private static bool IsMsBuildFile(string name) => MsBuildProjectFiles.IsMsBuildFile(name);

        /// <summary>The application's own C# (adversary round 12 route 4): each constant command line it starts (<see cref="CodeLaunchers"/>), judged like a script's line.</summary>
        private static void ReadCode(LauncherFile file, List<(int Line, int Column, string Command)> commands)
        {
            foreach ((int line, int column, string command) in commands)
            {
                ReadCommandLine(file, command, (file.RelativePath.EndsWith(".cake", StringComparison.OrdinalIgnoreCase) ? "StartProcess on line " : "Process.Start on line ") + line, line, column);
            }
        }

        /// <summary>
        /// A project, <c>.props</c> or <c>.targets</c> file: the command of every <c>Exec</c> task
        /// (<see cref="MsBuildProjectFiles.ExecCommands"/>, the one reader the gate uses too), each of its lines a shell
        /// command line, at the line of the <c>Exec</c> element (adversary round 10 route 1: a target that runs
        /// <c>npx -y @google/gemini-cli --yolo</c> or claude-code with a denied model and the bypass flag in every build was
        /// the one launcher not read, while the same line in a Makefile or a script was judged).
        /// </summary>
        private static void ReadMsBuild(LauncherFile file, string text)
        {
            foreach ((int line, int column, string command) in MsBuildProjectFiles.ExecCommands(text) ?? new List<(int, int, string)>())
            {
                foreach ((int _, int _, string content) in JoinedLines(command))
                {
                    ReadCommandLine(file, content, "Exec on line " + line, line, column);
                }
            }
        }

        private static bool IsDockerfile(string name)
        {
            string file = name.Substring(name.LastIndexOf('/') + 1);
            return file == "Dockerfile" || file.StartsWith("Dockerfile.", StringComparison.Ordinal) || file.EndsWith(".Dockerfile", StringComparison.Ordinal) ||
                   file == "Containerfile" || file.StartsWith("Containerfile.", StringComparison.Ordinal) || file.EndsWith(".Containerfile", StringComparison.Ordinal);
        }

        private static bool IsCiFile(string name) =>
            name.StartsWith(".github/workflows/", StringComparison.Ordinal) || name.StartsWith(".gitlab-ci.", StringComparison.Ordinal) ||
            name.StartsWith("azure-pipelines", StringComparison.Ordinal) || name == "bitbucket-pipelines.yml" || name == ".circleci/config.yml" ||
            name.StartsWith(".github/actions/", StringComparison.Ordinal) || IsPipelineFile(name);

        /// <summary>
        /// A CI pipeline: the inputs of an assistant's GitHub action, and every string below a command member (<c>run</c>,
        /// <c>script</c>, <c>before_script</c>, <c>bash</c>, …) as a shell command line. A file the YAML reader does not take
        /// (anchors, GitLab's <c>!reference</c>) is read a line at a time instead, each line without its <c>- </c> and
        /// <c>key:</c> prefix, so that a command in it is still judged.
        /// </summary>
        private static void ReadCi(LauncherFile file, string text)
        {
            JsonNode root;
            try
            {
                root = YamlReader.ParseWithAliases(text);
            }
            catch (JsonParseException)
            {
                foreach ((int line, int column, string content) in JoinedLines(text))
                {
                    string command = WithoutYamlPrefix(content);
                    ReadCommandLine(file, command, "line " + line, line, column + content.Length - command.Length);
                }

                return;
            }

            ReadStructured(file, root, string.Empty, inCommand: false, nixNames: false, depth: 0, vars: CiVariables.For(file.RelativePath));
        }

        /// <summary>"npx …" from "- run: npx …", "script: 'npx …'", "- npx …".</summary>
        private static string WithoutYamlPrefix(string line)
        {
            string t = line;
            if (t.StartsWith("- ", StringComparison.Ordinal))
            {
                t = t.Substring(2).TrimStart();
            }

            int colon = t.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && Array.TrueForAll(t.Substring(0, colon).ToCharArray(), ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == '-'))
            {
                t = t.Substring(colon + 2).TrimStart();
            }

            if (t.Length >= 2 && (t[0] == '"' || t[0] == '\'') && t[t.Length - 1] == t[0])
            {
                t = t.Substring(1, t.Length - 2);
            }

            return t;
        }

        /// <summary>
        /// A step of a GitHub workflow (or composite action) that uses an assistant's action: its inputs (with the variables
        /// <paramref name="vars"/> sets put in), and the assistant's environment variables the step runs with.
        /// </summary>
        private static void ReadActionStep(LauncherFile file, JsonNode node, CiVariables vars)
        {
            ReadAssistantImage(file, node); // uses: docker://paulgauthier/aider, a docker action's runs.image (round 13 route 16)
            if (node["uses"] is JsonNode uses && uses.Kind == JsonKind.String)
            {
                string action = (uses.Text ?? string.Empty).Trim();
                JsonNode? with = node["with"] is JsonNode w && w.Kind == JsonKind.Object ? w : null;
                foreach ((string upstream, string assistant, string[] modelInputs, string[] argsInputs, string[] flagInputs) in Actions)
                {
                    string prefix = upstream;
                    if (!action.StartsWith(upstream + "@", StringComparison.OrdinalIgnoreCase) && !string.Equals(action, upstream, StringComparison.OrdinalIgnoreCase))
                    {
                        // Adversary round 13 route 16: the same action under the organisation's own owner (a mirror or fork)
                        // runs the assistant whatever inputs it is given.
                        if (!(MirrorOf(action, upstream) is string mirror))
                        {
                            continue;
                        }

                        prefix = mirror + " (a mirror or fork of " + upstream + ")";
                        AddTool(file, assistant, "uses: " + prefix, uses.Start.Line, uses.Start.Column);
                    }
                    else if (with == null)
                    {
                        continue;
                    }

                    AddEnvironment(file, assistant, vars);
                    if (with == null)
                    {
                        continue;
                    }

                    foreach (JsonProperty input in with.Properties)
                    {
                        if (input.Value.Kind != JsonKind.String || string.IsNullOrWhiteSpace(input.Value.Text))
                        {
                            continue;
                        }

                        string value = vars.Expand(input.Value.Text!.Trim());
                        string setting = "with." + input.Name + " of " + prefix;
                        int line = input.Value.Start.Line;
                        int column = input.Value.Start.Column;
                        if (Array.IndexOf(modelInputs, input.Name) >= 0)
                        {
                            AddTool(file, assistant, setting, line, column);
                            AddModel(file, assistant, value, setting, line, column);
                        }
                        else if (Array.IndexOf(argsInputs, input.Name) >= 0)
                        {
                            // claude_args: "--model … --dangerously-skip-permissions": the CLI's own flags. The step runs the
                            // assistant whatever its arguments are, so the file is its footprint (adversary round 10 route 4:
                            // without a run step or --mcp-config beside it, the flags were read and never judged).
                            AddTool(file, assistant, setting, line, column);
                            var words = new List<string> { assistant };
                            foreach (List<string> command in SimpleCommands(value.Replace('\n', ' '), 0))
                            {
                                words.AddRange(command);
                            }

                            ReadAssistantFlags(file, assistant, words, 0, setting, line, column);
                        }
                        else if (Array.IndexOf(flagInputs, input.Name) >= 0)
                        {
                            AddTool(file, assistant, setting, line, column);
                            ReadAssistantFlags(file, assistant, new List<string> { assistant, "--" + input.Name, value }, 0, setting, line, column);
                        }
                        else if (assistant == ClaudeCode && ReadClaudeActionInput(file, input.Name, value, setting, line, column))
                        {
                            // mcp_config, claude_env, plugins (adversary round 14 route 8): Launchers.ActionInputs
                        }
                        else if (input.Name == "settings" && assistant == ClaudeCode)
                        {
                            // claude-code-action's settings input: Claude Code settings as inline JSON or a file's path.
                            AddTool(file, assistant, setting, line, column);
                            ReadSettingsFlag(file, assistant, value, setting, line, column);
                        }
                    }
                }
            }
        }

        /// <summary>The variables of <paramref name="vars"/> that <paramref name="assistant"/> reads, as its environment in this file.</summary>
        private static void AddEnvironment(LauncherFile file, string assistant, CiVariables? vars)
        {
            if (vars == null)
            {
                return;
            }

            string section = file.RelativePath.StartsWith(".github/", StringComparison.Ordinal) ? "env" : "variables";
            foreach (JsonProperty p in vars.AssistantVariables(assistant))
            {
                if (!file.Environment.Exists(e => e.Name == p.Name && e.Property.NameStart.Line == p.NameStart.Line && e.Property.NameStart.Column == p.NameStart.Column))
                {
                    file.Environment.Add(new EnvironmentSetting(file.Level, file.RelativePath, section, p, assistant));
                }
            }
        }

        /// <summary>
        /// The variables <paramref name="assistant"/> reads among those the shell gives the command that runs it (adversary
        /// round 13 route 4): <c>NAME=value</c> before the command or after <c>env</c>, <c>export NAME=value</c> earlier in the
        /// same block, a line appended to <c>$GITHUB_ENV</c> earlier in the file; judged as YAML <c>env</c> is, at the command.
        /// </summary>
        private static void AddShellEnvironment(LauncherFile file, string assistant, List<string> assignments, string setting, int line, int column)
        {
            var last = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string a in assignments)
            {
                int eq = a.IndexOf('=');
                last[a.Substring(0, eq)] = a.Substring(eq + 1);
            }

            var at = new TextPosition(line, column, 0);
            foreach (KeyValuePair<string, string> v in last)
            {
                if (!string.Equals(AssistantEnvironment.OwnerOf(v.Key), assistant, StringComparison.Ordinal) ||
                    file.Environment.Exists(e => e.Name == v.Key && e.Value == v.Value && e.Property.NameStart.Line == line && e.Property.NameStart.Column == column))
                {
                    continue;
                }

                var property = new JsonProperty(v.Key, at, new JsonNode(JsonKind.String, at, at, v.Value, null, null));
                file.Environment.Add(new EnvironmentSetting(file.Level, file.RelativePath, setting + " (shell)", property, assistant));
            }
        }

        /// <summary>
        /// A Dockerfile's RUN, CMD and ENTRYPOINT instructions (continued lines joined), in shell form or exec form
        /// (<c>ENTRYPOINT ["claude", "--model", …]</c>).
        /// </summary>
        private static void ReadDockerfile(LauncherFile file, string text)
        {
            foreach ((int line, int column, string content) in JoinedLines(text))
            {
                int blank = content.IndexOfAny(new[] { ' ', '\t' });
                string instruction = blank > 0 ? content.Substring(0, blank).ToUpperInvariant() : string.Empty;
                if (instruction != "RUN" && instruction != "CMD" && instruction != "ENTRYPOINT")
                {
                    continue;
                }

                string rest = content.Substring(blank).Trim();
                string command = rest;
                if (rest.StartsWith("[", StringComparison.Ordinal))
                {
                    try
                    {
                        command = ExecForm(JsonReader.Parse(rest).Items);
                    }
                    catch (JsonParseException)
                    {
                        // not JSON: docker runs it in shell form
                    }
                }

                ReadCommandLine(file, command, instruction + " on line " + line, line, column);
            }
        }

        /// <summary>
        /// <see cref="ContentLines"/> with shell line continuations joined: a line ending in <c>\</c> goes on with the next,
        /// reported at the first line.
        /// </summary>
        internal static IEnumerable<(int Line, int Column, string Text)> JoinedLines(string text)
        {
            (int Line, int Column, System.Text.StringBuilder Text)? open = null;
            foreach ((int line, int column, string content) in ContentLines(text))
            {
                string c = content.TrimEnd();
                bool continues = c.EndsWith("\\", StringComparison.Ordinal);
                string part = continues ? c.Substring(0, c.Length - 1) : c;
                if (open == null)
                {
                    open = (line, column, new System.Text.StringBuilder(part));
                }
                else
                {
                    open.Value.Text.Append(' ').Append(part);
                }

                if (!continues)
                {
                    yield return (open.Value.Line, open.Value.Column, open.Value.Text.ToString());
                    open = null;
                }
            }

            if (open != null)
            {
                yield return (open.Value.Line, open.Value.Column, open.Value.Text.ToString());
            }
        }

        /// <summary>VS Code tasks run when the folder opens: <c>command</c> and <c>args</c>, and their per-platform forms.</summary>
        private static void ReadTasks(LauncherFile file, JsonNode root)
        {
            JsonNode? tasks = root.Kind == JsonKind.Object ? root["tasks"] : null;
            if (tasks == null || tasks.Kind != JsonKind.Array)
            {
                return;
            }

            for (int i = 0; i < tasks.Items.Count; i++)
            {
                JsonNode task = tasks.Items[i];
                if (task.Kind != JsonKind.Object || !string.Equals(task["runOptions"]?["runOn"]?.Text, "folderOpen", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string label = task["label"]?.Text ?? "tasks[" + i + "]";
                foreach (JsonNode? form in new[] { task, task["windows"], task["linux"], task["osx"] })
                {
                    if (form == null || form.Kind != JsonKind.Object || form["command"] is not JsonNode command)
                    {
                        continue;
                    }

                    string line = CommandText(command) + ArgsText(form["args"] ?? (form == task ? null : task["args"]));
                    ReadCommandLine(file, line, "task \"" + label + "\" (runOn: folderOpen)", command.Start.Line, command.Start.Column);
                }
            }
        }

        /// <summary>
        /// Every script of <c>package.json</c>: the lifecycle ones npm runs on its own, and (adversary round 10 route 1) the
        /// others, which a developer or CI runs by name (<c>npm run review</c>) — an assistant started from either is judged
        /// alike (GRD130, GRD132-GRD134); the message says which (<see cref="HowItRuns"/>).
        /// </summary>
        private static void ReadScripts(LauncherFile file, JsonNode root)
        {
            JsonNode? scripts = root.Kind == JsonKind.Object ? root["scripts"] : null;
            if (scripts == null || scripts.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in scripts.Properties)
            {
                if (p.Value.Kind == JsonKind.String)
                {
                    ReadCommandLine(file, p.Value.Text ?? string.Empty, "scripts." + p.Name, p.Value.Start.Line, p.Value.Start.Column);
                }
            }
        }

        private const string DependencySetting = "dependency ";

        /// <summary>
        /// An assistant's CLI declared as a package (adversary round 10 route 1): <c>@google/gemini-cli</c>, <c>@openai/codex</c>,
        /// <c>@anthropic-ai/claude-code</c>, … in package.json's dependencies, <c>aider-chat</c> in requirements files,
        /// pyproject.toml or a Pipfile. The package install puts it on everyone's machine and in CI, like a mise.toml
        /// <c>[tools]</c> entry: the file is that assistant's (GRD130 when undeclared). The packages are read by the one
        /// reader of npm and PyPI manifests (<see cref="PackageManifests"/>, which GRD201 judges AI SDKs with).
        /// </summary>
        private static void ReadDependencies(LauncherFile file, string text)
        {
            foreach (DeclaredPackage package in PackageManifests.Parse(file.FullPath, text, new List<Finding>()))
            {
                if (Packages.TryGetValue(package.Id, out string? id))
                {
                    AddTool(file, id, DependencySetting + "'" + package.Id + "'", package.Line, package.Column);
                }
            }
        }

        /// <summary>Whether a launcher's <paramref name="setting"/> is a declared dependency (the file installs the assistant, <see cref="ReadDependencies"/>).</summary>
        public static bool IsDependency(string setting) => setting.StartsWith(DependencySetting, StringComparison.Ordinal);

        /// <summary>
        /// How a launcher's <paramref name="setting"/> brings its assistant in, for GRD130's message: a declared dependency
        /// installs it; a package.json script that is not a lifecycle one runs it when someone runs the script; anything
        /// else starts it on its own.
        /// </summary>
        public static string HowItRuns(string setting)
        {
            if (setting.StartsWith(CommittedFlagSetting, StringComparison.Ordinal))
            {
                return setting; // "the flag '--yolo' written in ci/x.yml:3; Guardrails does not know how this file runs it, …" (CommittedFlags.cs)
            }

            if (IsDependency(setting))
            {
                return "its " + setting + " installs the assistant's CLI on every machine and CI runner that installs the packages, ready to run";
            }

            if (setting.StartsWith("scripts.", StringComparison.Ordinal) && !LifecycleScripts.Contains(setting.Substring("scripts.".Length)))
            {
                return "its " + setting + " starts it when a developer or CI runs the script ('npm run " + setting.Substring("scripts.".Length) + "'), with their rights";
            }

            return "its " + setting + " starts it on its own, with the developer's rights";
        }

        /// <summary>husky before v5: <c>"husky": { "hooks": { "pre-commit": "…" } }</c> in package.json.</summary>
        private static void ReadHuskyHooks(LauncherFile file, JsonNode root)
        {
            JsonNode? hooks = root.Kind == JsonKind.Object ? root["husky"]?["hooks"] : null;
            if (hooks == null || hooks.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in hooks.Properties)
            {
                if (p.Value.Kind == JsonKind.String)
                {
                    ReadCommandLine(file, p.Value.Text ?? string.Empty, "husky.hooks." + p.Name, p.Value.Start.Line, p.Value.Start.Column);
                }
            }
        }

        /// <summary>
        /// A tool manager's, dev environment's or runner's file as a tree: a key or string that names an assistant's package
        /// the way a tool manager does (<c>"npm:@anthropic-ai/claude-code"</c>, <c>pipx:aider-chat</c>; in devbox.json, Nix
        /// names: <c>claude-code@latest</c>), and every string below a <see cref="CommandKeys"/> member as a command line (an
        /// array of words without blanks, overcommit's <c>command: ["npx", …]</c>, as one command).
        /// </summary>
        private static void ReadStructured(LauncherFile file, JsonNode node, string path, bool inCommand, bool nixNames, int depth, CiVariables? vars = null)
        {
            if (depth > 32)
            {
                return;
            }

            switch (node.Kind)
            {
                case JsonKind.Object:
                    if (vars != null)
                    {
                        // A CI file: the variables this workflow, job or step sets hold for the commands below it.
                        vars = vars.With(node);
                        ReadActionStep(file, node, vars);
                    }

                    foreach (JsonProperty p in node.Properties)
                    {
                        AddTool(file, ToolSpec(p.Name, nixNames), (path.Length == 0 ? string.Empty : path + ".") + p.Name, p.NameStart.Line, p.NameStart.Column);
                        ReadImageMember(file, p); // container: / image: an assistant's image (round 13 route 3)
                        ReadStructured(file, p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, inCommand || CommandKeys.Contains(p.Name), nixNames, depth + 1, vars);
                    }

                    break;
                case JsonKind.Array:
                    if (inCommand && node.Items.Count > 1 && System.Linq.Enumerable.All(node.Items, i => i.Kind == JsonKind.String && (i.Text ?? string.Empty).IndexOfAny(new[] { ' ', '\t' }) < 0))
                    {
                        ReadCommandLine(file, ExecForm(node.Items), path, node.Start.Line, node.Start.Column, vars);
                        break;
                    }

                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        ReadStructured(file, node.Items[i], path + "[" + i + "]", inCommand, nixNames, depth + 1, vars);
                    }

                    break;
                case JsonKind.String:
                    string text = node.Text ?? string.Empty;
                    AddTool(file, ToolSpec(text, nixNames), path, node.Start.Line, node.Start.Column);
                    if (inCommand)
                    {
                        ReadCommandLine(file, text, path, node.Start.Line, node.Start.Column, vars);
                    }

                    break;
            }
        }

        /// <summary>asdf/mise <c>.tool-versions</c>: one tool a line, <c>npm:@google/gemini-cli latest</c>.</summary>
        private static void ReadToolVersions(LauncherFile file, string text)
        {
            foreach ((int line, int column, string content) in ContentLines(text))
            {
                int blank = content.IndexOfAny(new[] { ' ', '\t' });
                AddTool(file, ToolSpec(blank > 0 ? content.Substring(0, blank) : content, nixNames: false), "tool " + line, line, column);
            }
        }

        /// <summary>
        /// A Nix file (<c>flake.nix</c>, <c>shell.nix</c>, Firebase Studio's <c>.idx/dev.nix</c>): a package named like an
        /// assistant's (<c>pkgs.claude-code</c>), and the lines of its strings as command lines (shell hooks, onStart scripts).
        /// </summary>
        private static void ReadNix(LauncherFile file, string text)
        {
            int start = -1;
            int lineNo = 1;
            int lineStart = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : ' ';
                bool part = i < text.Length && (char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
                if (part && start < 0)
                {
                    start = i;
                }
                else if (!part && start >= 0)
                {
                    string token = text.Substring(start, i - start);
                    int dot = token.LastIndexOf('.');
                    AddTool(file, ToolSpec(dot >= 0 ? token.Substring(dot + 1) : token, nixNames: true), "package " + token, lineNo, start - lineStart + 1);
                    start = -1;
                }

                if (i < text.Length && c == '\n')
                {
                    lineNo++;
                    lineStart = i + 1;
                }
            }

            foreach ((int line, int column, string content) in ContentLines(text))
            {
                foreach (string literal in StringLiterals(content))
                {
                    ReadCommandLine(file, literal, "string on line " + line, line, column);
                }
            }
        }

        /// <summary>The double-quoted strings of one line of Nix (one-line '' strings too).</summary>
        private static IEnumerable<string> StringLiterals(string line)
        {
            foreach (string quote in new[] { "\"", "''" })
            {
                int from = 0;
                while (true)
                {
                    int open = line.IndexOf(quote, from, StringComparison.Ordinal);
                    int close = open < 0 ? -1 : line.IndexOf(quote, open + quote.Length, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        break;
                    }

                    yield return line.Substring(open + quote.Length, close - open - quote.Length);
                    from = close + quote.Length;
                }
            }
        }

        /// <summary>
        /// The assistant a tool manager's package spec installs: <c>npm:&lt;package&gt;</c> (mise, asdf's npm backend),
        /// <c>pipx:</c>/<c>pypi:</c>, and with <paramref name="nixNames"/> a Nix package name, each with an optional
        /// <c>@version</c>.
        /// </summary>
        private static string? ToolSpec(string text, bool nixNames)
        {
            string t = text.Trim();
            if (t.Length == 0 || t.Length > 200)
            {
                return null;
            }

            string? purl = null;
            if (t.StartsWith("npm:", StringComparison.OrdinalIgnoreCase))
            {
                purl = "pkg:npm/" + WithoutVersion(t.Substring(4), scoped: true);
            }
            else if (t.StartsWith("pipx:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("pypi:", StringComparison.OrdinalIgnoreCase))
            {
                purl = Guardrails.Core.Sdks.PackageEcosystem.PackageUrl(Guardrails.Core.Sdks.PackageEcosystem.PyPI, WithoutVersion(t.Substring(5), scoped: false)); // PEP 503
            }

            if (purl != null)
            {
                return Packages.TryGetValue(purl, out string? id) ? id : null;
            }

            return nixNames && NixPackages.TryGetValue(WithoutVersion(t, scoped: false), out string? nix) ? nix : null;
        }

        private static string WithoutVersion(string name, bool scoped)
        {
            int at = name.IndexOf('@', scoped && name.StartsWith("@", StringComparison.Ordinal) ? 1 : 0);
            return (at > 0 ? name.Substring(0, at) : name).Trim();
        }

        private static void AddTool(LauncherFile file, string? assistant, string setting, int line, int column)
        {
            if (assistant != null && !file.Assistants.Exists(a => a.Assistant == assistant))
            {
                file.Assistants.Add((assistant, setting, line, column));
            }
        }

        /// <summary>Local pre-commit hooks (<c>repo: local</c>): <c>entry</c> and <c>args</c>. A remote repository's hooks are defined there.</summary>
        private static void ReadPreCommit(LauncherFile file, JsonNode root)
        {
            JsonNode? repos = root.Kind == JsonKind.Object ? root["repos"] : null;
            if (repos == null || repos.Kind != JsonKind.Array)
            {
                return;
            }

            foreach (JsonNode repo in repos.Items)
            {
                if (repo.Kind != JsonKind.Object || !string.Equals(repo["repo"]?.Text, "local", StringComparison.Ordinal) || repo["hooks"] is not JsonNode hooks || hooks.Kind != JsonKind.Array)
                {
                    continue;
                }

                foreach (JsonNode hook in hooks.Items)
                {
                    if (hook.Kind == JsonKind.Object && hook["entry"] is JsonNode entry && entry.Kind == JsonKind.String)
                    {
                        ReadCommandLine(file, (entry.Text ?? string.Empty) + ArgsText(hook["args"]), "hook \"" + (hook["id"]?.Text ?? "?") + "\" (entry)", entry.Start.Line, entry.Start.Column);
                    }
                }
            }
        }

        /// <summary>
        /// A shell script: every line that is not a comment; for a Makefile or justfile (<paramref name="allLines"/> false) the
        /// recipe lines only (indented), without make's <c>@</c>, <c>-</c> and <c>+</c> prefixes.
        /// </summary>
        private static void ReadScript(LauncherFile file, string text, string what, bool allLines)
        {
            file.ScriptExports = allLines ? new List<string>() : null; // a script's export holds to its end
            file.ScriptDefinitions = allLines ? ShellDefinitions.Of(text) : null;
            HashSet<int> data = HeredocDataLines(text); // a here-document's body is data (Launchers.Written)
            if (allLines)
            {
                ReadWrittenFootprints(file, text, 1, heredocsOnly: true);
            }

            foreach ((int line, int column, string content) in JoinedLines(text))
            {
                if (data.Contains(line))
                {
                    continue;
                }

                if (allLines)
                {
                    ReadCommandLine(file, content, what + " line " + line, line, column);
                }
                else if (column > 1)
                {
                    string command = content.TrimStart('@', '-', '+').TrimStart();
                    ReadCommandLine(file, command, what + " line " + line, line, column + content.Length - command.Length);
                }
            }

            file.ScriptExports = null;
            file.ScriptDefinitions = null;
        }

        /// <summary>
        /// The lines of <paramref name="text"/> that are neither blank nor a <c>#</c> comment, each with its number, the column
        /// of its first character and its text from there (trailing CR removed): shell scripts, recipes, <c>.tool-versions</c>
        /// and <c>.env</c> files are read a line at a time through this one loop.
        /// </summary>
        internal static IEnumerable<(int Line, int Column, string Text)> ContentLines(string text)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                string trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                yield return (i + 1, line.Length - trimmed.Length + 1, trimmed);
            }
        }

        private static string CommandText(JsonNode command) =>
            command.Kind == JsonKind.String ? command.Text ?? string.Empty : command.Kind == JsonKind.Object ? command["value"]?.Text ?? string.Empty : string.Empty;

        private static string ArgsText(JsonNode? args)
        {
            if (args == null || args.Kind != JsonKind.Array)
            {
                return string.Empty;
            }

            var text = new System.Text.StringBuilder();
            foreach (JsonNode a in args.Items)
            {
                string value = a.Kind == JsonKind.Object ? a["value"]?.Text ?? string.Empty : a.Text ?? string.Empty;
                text.Append(' ').Append(value.IndexOfAny(new[] { ' ', '\t' }) >= 0 ? "'" + value.Replace("'", string.Empty) + "'" : value);
            }

            return text.ToString();
        }

        /// <summary>Judges every simple command of one shell command line.</summary>
        private static void ReadCommandLine(LauncherFile file, string line, string setting, int lineNumber, int column, CiVariables? vars = null)
        {
            ReadWrittenFootprints(file, line, line.IndexOf('\n') >= 0 ? lineNumber + 1 : lineNumber, heredocsOnly: false); // a block scalar's text starts on the next line
            line = WithoutHeredocBodies(line);
            var shell = new ShellState(JobEnvironmentOf(file, setting), file.ScriptExports ?? new List<string>());
            ShellDefinitions defined = file.ScriptDefinitions?.Upto(lineNumber) ?? ShellDefinitions.Of(line);
            CiVariables? expand = defined.Variables.Count == 0 ? vars : (vars ?? CiVariables.For(file.RelativePath)).With(defined.Variables);
            List<List<string>> found = SimpleCommands(expand == null ? line : expand.Expand(line), 0, shell);
            EndCommandLine(file, shell.Appended);
            var commands = new List<List<string>>();
            var environments = new List<List<string>>();
            for (int i = 0; i < found.Count; i++)
            {
                if (defined.Functions.TryGetValue(found[i][0], out string? body) && AssistantRun(found[i]) == null)
                {
                    // ai() { claude "$@"; } … ai -p "…" --dangerously-skip-permissions: the body's commands with the call's arguments
                    foreach (List<string> inner in SimpleCommands(expand == null ? body : expand.Expand(body), 1))
                    {
                        var called = new List<string>();
                        foreach (string w in inner)
                        {
                            if (w == "$@" || w == "$*" || w == "${@}" || w == "${*}")
                            {
                                called.AddRange(found[i].GetRange(1, found[i].Count - 1));
                            }
                            else
                            {
                                called.Add(w);
                            }
                        }

                        commands.Add(called);
                        environments.Add(shell.Environments[i]);
                    }

                    continue;
                }

                commands.Add(found[i]);
                environments.Add(shell.Environments[i]);
            }

            for (int index = 0; index < commands.Count; index++)
            {
                List<string> words = commands[index];
                string? assistant = AssistantRun(words);
                if (assistant != null)
                {
                    AddTool(file, assistant, setting, lineNumber, column);
                    AddEnvironment(file, assistant, vars);
                    AddShellEnvironment(file, assistant, environments[index], setting, lineNumber, column);
                    ReadAssistantFlags(file, assistant, words, ArgumentsStart(words), setting, lineNumber, column);
                    continue;
                }

                file.InstalledSdks.AddRange(Footprints.InstalledSdks.Of(words, file.FullPath, setting, lineNumber, column));
                string exe = ServerCommand.ExecutableName(words[0]);
                int addMcp = exe == "code" || exe == "code-insiders" ? words.IndexOf("--add-mcp") : -1;
                if (addMcp > 0 && addMcp + 1 < words.Count)
                {
                    // VS Code's code --add-mcp '{"name", "command", "args"}' (adversary round 13 route 6): registers the server
                    // in the user profile Copilot's agent mode reads.
                    ReadServersJson(file, words[addMcp + 1], null, setting + " (code --add-mcp)", lineNumber, column);
                    continue;
                }

                var server = new McpServerUse(setting, "launcher", lineNumber, column) { Command = words };
                ServerCommand.Identify(server);
                if (IsMcpServer(server))
                {
                    server.HasUnresolvedVariable = server.Package != null ? CredentialValues.HasVariable(server.Package) : words.Exists(CredentialValues.HasVariable);
                    file.Servers.Add(server);
                }
            }
        }

        /// <summary>
        /// The flags an assistant is started with (<paramref name="words"/> from <paramref name="start"/>, the CLI or its
        /// package): permission flags through <see cref="PermissionSettings.ClassifyFlags"/>, the model (<c>--model</c>,
        /// <c>--fallback-model</c>, <c>-m</c> for Codex, Gemini and Qwen, Codex <c>-c model=…</c>), and Claude Code's
        /// <c>--mcp-config</c>, which loads MCP servers from a file or JSON the check does not read (GRD132).
        /// </summary>
        private static void ReadAssistantFlags(LauncherFile file, string assistant, List<string> words, int start, string setting, int lineNumber, int column)
        {
            List<string> own = start == 0 ? words : words.GetRange(start, words.Count - start);
            if (own.Count > 3 && own[1] == "mcp" && (own[2] == "add" || own[2] == "add-json"))
            {
                // claude|codex|gemini mcp add … NAME -- CMD ARGS, claude mcp add-json NAME '<json>' (adversary round 13 route 6):
                // the server is registered for every later run, judged like a committed .mcp.json; the words after NAME are
                // the server's, not the assistant's flags.
                ReadMcpAdd(file, own, setting, lineNumber, column);
                return;
            }

            string? ceiling = PermissionSettings.ClassifyFlags(assistant, own, out string flag);
            if (ceiling != null)
            {
                file.Permissions.Add((assistant, new PermissionUse(ceiling, setting, flag, lineNumber, column)));
            }

            if (assistant == GitHubModels && own.Count > 3 && own[1] == "models" && own[2] == "run" && !own[3].StartsWith("-", StringComparison.Ordinal))
            {
                AddModel(file, assistant, own[3], setting + " (gh models " + own[2] + ")", lineNumber, column); // gh models run <model>
            }

            for (int i = 1; i < own.Count; i++)
            {
                string w = own[i];
                int eq = w.IndexOf('=');
                string name = w.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? w.Substring(0, eq) : w;
                string? value = w.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? w.Substring(eq + 1) : i + 1 < own.Count ? own[i + 1] : null;
                if (value == null)
                {
                    continue;
                }

                bool shortModel = name == "-m" && (assistant == OpenAiCodex || assistant == Gemini || assistant == QwenCode || assistant == Llm);
                if (name == "--model" || name == "--fallback-model" || shortModel)
                {
                    AddModel(file, assistant, value, setting + " (" + name + ")", lineNumber, column);
                }
                else if ((name == "-c" || name == "--config") && assistant == OpenAiCodex && value.StartsWith("model=", StringComparison.Ordinal))
                {
                    AddModel(file, assistant, value.Substring("model=".Length).Trim('"', '\''), setting + " (" + name + " model)", lineNumber, column);
                }
                else if (name == "--settings" && assistant == ClaudeCode)
                {
                    ReadSettingsFlag(file, assistant, value, setting + " (--settings)", lineNumber, column);
                }
                else if (name == "--agents" && assistant == ClaudeCode)
                {
                    // --agents '{"fast": {"description": …, "prompt": …, "model": "haiku"}}': each subagent's model (round 13 route 4)
                    if (JsonReader.TryParse(value, out _) is JsonNode agents && agents.Kind == JsonKind.Object)
                    {
                        foreach (JsonProperty agent in agents.Properties)
                        {
                            if (agent.Value["model"] is JsonNode model && model.Kind == JsonKind.String && model.Text != "inherit")
                            {
                                AddModel(file, assistant, model.Text ?? string.Empty, setting + " (--agents " + agent.Name + ".model)", lineNumber, column);
                            }
                        }
                    }
                }
                else if (name == "--additional-mcp-config" && assistant == GitHubCopilot)
                {
                    // Copilot CLI's --additional-mcp-config '<json>' | @file (adversary round 13 route 6): servers for this run.
                    string? json = value.StartsWith("@", StringComparison.Ordinal) ? RepositoryFileText(file, value.Substring(1)) : value;
                    ReadServersJson(file, json, null, setting + " (" + name + ")", lineNumber, column);
                }
                else if (name == "--mcp-config" && assistant == ClaudeCode)
                {
                    file.Servers.Add(new McpServerUse(setting, "launcher", lineNumber, column)
                    {
                        Command = own,
                        NotIdentifiedBecause = "its --mcp-config loads MCP servers from '" + Text.Show(value, 120) + "', which the check does not read",
                    });
                }
            }
        }

        /// <summary>
        /// A model an assistant is started with. One taken from a variable the file does not set (a CI secret or setting, a
        /// script's argument) is kept as written: it is not identified, and the policy judges it as it judges a name that
        /// does not say its model (<see cref="ModelNames.IsUnresolved"/>; adversary round 10 route 4).
        /// </summary>
        private static void AddModel(LauncherFile file, string assistant, string model, string setting, int line, int column)
        {
            string m = model.Trim().Trim('"', '\'');
            if (m.Length > 0)
            {
                file.Models.Add((assistant, new ModelUse(m, setting, line, column)));
            }
        }

        /// <summary>
        /// Claude Code's <c>--settings</c>: inline JSON (<c>--settings '{"model": …, "permissions": {"defaultMode": …}}'</c>) or a
        /// settings file of the repository, read by the interpreter of <c>.claude/settings.json</c> (adversary round 10
        /// route 4): its model (GRD133), permissions and hooks (GRD134) and the hosts its <c>env</c> sends the traffic to
        /// (GRD138), each reported at the command. A file outside the repository or behind a variable is not known.
        /// </summary>
        private static void ReadSettingsFlag(LauncherFile file, string assistant, string value, string setting, int line, int column)
        {
            string v = value.Trim();
            string? json = null;
            string shown = setting;
            if (v.StartsWith("{", StringComparison.Ordinal))
            {
                json = v;
            }
            else if ((json = RepositoryFileText(file, v)) != null)
            {
                shown = setting + " '" + Text.Show(v, 120) + "'";
            }

            JsonNode? root = json == null ? null : JsonReader.TryParse(json, out _);
            if (root == null || root.Kind != JsonKind.Object)
            {
                return;
            }

            var hit = new FootprintHit(file.FullPath, file.Level, file.RelativePath, false, FootprintKind.Settings, FootprintFormat.Json, new[] { assistant }, file.RelativePath, false);
            var content = new FootprintContent(hit);
            AssistantFileReader.InterpretTree(content, root);
            foreach (ModelUse m in content.Models)
            {
                AddModel(file, assistant, m.Model, shown + " " + m.Setting, line, column);
            }

            foreach (PermissionUse p in content.Permissions)
            {
                file.Permissions.Add((assistant, new PermissionUse(p.Ceiling, shown + " " + p.Setting, p.Value, line, column)));
            }

            foreach (EndpointUse e in content.Endpoints)
            {
                file.Endpoints.Add((assistant, e.At(shown + " " + e.Setting, line, column)));
            }
        }

        /// <summary>
        /// The text of a file of the repository a flag names (<c>--settings ci/settings.json</c>, <c>--additional-mcp-config
        /// @ci/mcp.json</c>), relative to the launcher's level; null for a file outside it, behind a variable, or unreadable.
        /// </summary>
        private static string? RepositoryFileText(LauncherFile file, string path)
        {
            string v = path.Trim();
            if (v.Length == 0 || CredentialValues.HasVariable(v))
            {
                return null;
            }

            try
            {
                string level = FootprintDiscovery.Normalize(file.Level);
                string full = FootprintDiscovery.Normalize(Path.Combine(level, v.Replace('/', Path.DirectorySeparatorChar)));
                return full.StartsWith(level + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full)
                    ? SourceFile.TryReadText(full, RuleCatalog.UnreadableAssistantFile, "The settings file", out Finding? _)
                    : null;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        /// <summary>
        /// <c>claude mcp add [options] NAME -- CMD ARGS</c> (or <c>NAME CMD ARGS</c>, or <c>NAME URL</c>), <c>codex mcp add NAME
        /// [--env K=V] -- CMD</c> / <c>--url URL</c>, <c>gemini mcp add [options] NAME CMD ARGS</c>, and <c>claude mcp add-json NAME
        /// '&lt;json&gt;'</c> (<paramref name="own"/> from the assistant's word): the server they register, judged by GRD132.
        /// </summary>
        private static void ReadMcpAdd(LauncherFile file, List<string> own, string setting, int line, int column)
        {
            bool json = own[2] == "add-json";
            string? name = null;
            string? url = null;
            for (int i = 3; i < own.Count; i++)
            {
                string w = own[i];
                if (w == "--")
                {
                    if (i + 1 < own.Count)
                    {
                        AddRegisteredServer(file, name ?? own[i + 1], own.GetRange(i + 1, own.Count - i - 1), null, setting, line, column);
                    }

                    return;
                }

                if (w.StartsWith("-", StringComparison.Ordinal) && w.Length > 1)
                {
                    if (w == "--url" && i + 1 < own.Count)
                    {
                        url = own[++i];
                    }
                    else if (w.IndexOf('=') < 0 && w != "--trust" && w != "--client-secret")
                    {
                        i++; // the option's value; -e/--env take several K=V words
                        while ((w == "-e" || w == "--env") && i + 1 < own.Count && own[i + 1].IndexOf('=') > 0 && !own[i + 1].StartsWith("-", StringComparison.Ordinal))
                        {
                            i++;
                        }
                    }

                    continue;
                }

                if (name == null)
                {
                    name = w;
                    continue;
                }

                if (json)
                {
                    ReadServersJson(file, w, name, setting, line, column);
                }
                else
                {
                    AddRegisteredServer(file, name, own.GetRange(i, own.Count - i), null, setting, line, column);
                }

                return;
            }

            if (url != null)
            {
                AddRegisteredServer(file, name ?? url, new List<string>(), url, setting, line, column);
            }
        }

        /// <summary>
        /// MCP servers given as JSON on a command line: <c>{ "mcpServers": { NAME: {…} } }</c> (or <c>servers</c>), or one server
        /// <c>{ "command", "args" }</c> / <c>{ "url" }</c> named by <paramref name="name"/> or its own <c>name</c> (VS Code's
        /// <c>code --add-mcp</c>). JSON that does not parse is the CLI's error and is left alone.
        /// </summary>
        private static void ReadServersJson(LauncherFile file, string? json, string? name, string setting, int line, int column)
        {
            JsonNode? root = json == null ? null : JsonReader.TryParse(json.Trim(), out _);
            if (root == null || root.Kind != JsonKind.Object)
            {
                return;
            }

            JsonNode? bag = root["mcpServers"] ?? root["servers"];
            if (bag != null && bag.Kind == JsonKind.Object)
            {
                foreach (JsonProperty p in bag.Properties)
                {
                    if (p.Value.Kind == JsonKind.Object)
                    {
                        ReadServerJson(file, p.Value, p.Name, setting, line, column);
                    }
                }

                return;
            }

            ReadServerJson(file, root, name ?? root["name"]?.Text ?? "(unnamed)", setting, line, column);
        }

        private static void ReadServerJson(LauncherFile file, JsonNode server, string name, string setting, int line, int column)
        {
            var command = new List<string>();
            if (server["command"] is JsonNode c && c.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(c.Text))
            {
                command.Add(c.Text!);
                if (server["args"] is JsonNode args && args.Kind == JsonKind.Array)
                {
                    foreach (JsonNode a in args.Items)
                    {
                        command.Add(a.Text ?? string.Empty);
                    }
                }
            }

            string? url = server["url"]?.Text ?? server["httpUrl"]?.Text;
            if (command.Count > 0 || url != null)
            {
                AddRegisteredServer(file, name, command, command.Count > 0 ? null : url, setting, line, column);
            }
        }

        /// <summary>A server a command line registers or loads: its command identified as a configured server's is, or its URL.</summary>
        private static void AddRegisteredServer(LauncherFile file, string name, List<string> command, string? url, string setting, int line, int column)
        {
            if (url == null && command.Count == 1 && (command[0].StartsWith("http://", StringComparison.OrdinalIgnoreCase) || command[0].StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                url = command[0]; // claude|gemini mcp add --transport http NAME URL
            }

            var server = new McpServerUse(name, "launcher", line, column);
            if (url != null)
            {
                server.Url = url;
                server.HasUnresolvedVariable = CredentialValues.HasVariable(url);
            }
            else if (command.Count > 0)
            {
                server.Command = command;
                ServerCommand.Identify(server);
                server.HasUnresolvedVariable = server.Package != null ? CredentialValues.HasVariable(server.Package) : command.Exists(CredentialValues.HasVariable);
            }
            else
            {
                return;
            }

            file.Servers.Add(server);
        }

        /// <summary>
        /// Where the assistant's own arguments start in a command that runs it: 0 for its CLI by name, else the word that
        /// names its package after a launcher (<c>npx -y @anthropic-ai/claude-code …</c>: the launcher's <c>-y</c> is not
        /// the assistant's).
        /// </summary>
        private static int ArgumentsStart(List<string> words)
        {
            if (ImageRunStart(words) is int image)
            {
                return image; // docker run IMAGE …, nix run nixpkgs#claude-code …, docker exec dev claude … (round 13 route 3)
            }

            if (Clis.ContainsKey(ServerCommand.ExecutableName(words[0])))
            {
                return 0;
            }

            if (words.Count > 2 && words[1] == "-m" && PythonModules.ContainsKey(words[2].Split('.')[0]))
            {
                return 2; // python -m pr_agent.cli …: the module's own arguments follow it
            }

            for (int i = 1; i < words.Count; i++)
            {
                string w = words[i];
                if (!w.StartsWith("-", StringComparison.Ordinal) && (Packages.ContainsKey("pkg:npm/" + WithoutVersion(w, scoped: true)) || Packages.ContainsKey(Guardrails.Core.Sdks.PackageEcosystem.PackageUrl(Guardrails.Core.Sdks.PackageEcosystem.PyPI, WithoutVersion(w, scoped: false).Split('=', '[')[0])) ||
                    NodeModulesPackage(w) != null || (words[i - 1] == "--" && Clis.ContainsKey(ServerCommand.ExecutableName(w)))))
                {
                    return i; // the package, its installed script (node node_modules/…/cli.js), or the CLI npm exec runs after "--"
                }
            }

            return 0;
        }

        /// <summary>The assistant a simple command runs: its CLI by name, or its package through a launcher (npx, uvx, …).</summary>
        internal static string? AssistantRun(IReadOnlyList<string> words)
        {
            if (words.Count == 0)
            {
                return null;
            }

            string exe = ServerCommand.ExecutableName(words[0]);
            if (Clis.TryGetValue(exe, out string? id))
            {
                return id;
            }

            if (exe == "gh" && words.Count > 2 && words[1] == "models" && (words[2] == "run" || words[2] == "eval"))
            {
                return GitHubModels; // gh models run <model> "<prompt>": GitHub Models, Copilot's provider, through the gh CLI
            }

            if ((exe == "python" || exe == "python3" || exe == "py") && words.Count > 2 && words[1] == "-m" &&
                PythonModules.TryGetValue(words[2].Split('.')[0], out string? module))
            {
                return module; // python -m pr_agent.cli … review
            }

            var probe = new McpServerUse("probe", "launcher", 0, 0) { Command = words };
            ServerCommand.Identify(probe);
            return probe.Package != null && Packages.TryGetValue(probe.Package, out string? byPackage) ? byPackage : Installed(words) ?? PackageRun(words) ?? ImageOrInstallerRun(words);
        }

        /// <summary>
        /// The assistant whose package a command runs without naming it as a launcher's package (adversary round 10 route 4):
        /// <c>npm exec --package=@anthropic-ai/claude-code -- claude …</c> (npx, pnpm, yarn, bun: <c>-p</c>, <c>--package</c>) and
        /// its installed script run by a JavaScript runtime (<c>node node_modules/@anthropic-ai/claude-code/cli.js …</c>).
        /// </summary>
        private static string? PackageRun(IReadOnlyList<string> words)
        {
            string exe = ServerCommand.ExecutableName(words[0]);
            bool npm = exe == "npm" || exe == "npx" || exe == "pnpm" || exe == "yarn" || exe == "bun" || exe == "bunx" || exe == "pnpx";
            bool runtime = exe == "node" || exe == "nodejs" || exe == "bun" || exe == "deno" || exe == "tsx";
            for (int i = 1; i < words.Count && (npm || runtime); i++)
            {
                string w = words[i];
                if (w == "--")
                {
                    break;
                }

                string? package = npm && w.StartsWith("--package=", StringComparison.Ordinal) ? w.Substring("--package=".Length)
                    : npm && (w == "-p" || w == "--package") && i + 1 < words.Count ? words[i + 1]
                    : null;
                if (package != null && Packages.TryGetValue("pkg:npm/" + WithoutVersion(package, scoped: true), out string? id))
                {
                    return id;
                }

                if (runtime && !w.StartsWith("-", StringComparison.Ordinal) && NodeModulesPackage(w) is string installed)
                {
                    return installed;
                }
            }

            return null;
        }

        /// <summary>The assistant whose installed package holds the script <paramref name="path"/> (<c>node_modules/@scope/name/…</c>).</summary>
        private static string? NodeModulesPackage(string path)
        {
            string p = path.Replace('\\', '/');
            int at = p.LastIndexOf("node_modules/", StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            string[] parts = p.Substring(at + "node_modules/".Length).Split('/');
            string name = parts[0].StartsWith("@", StringComparison.Ordinal) && parts.Length > 1 ? parts[0] + "/" + parts[1] : parts[0];
            return Packages.TryGetValue("pkg:npm/" + name, out string? id) ? id : null;
        }

        /// <summary>
        /// The assistant a package manager installs (adversary round 7 route 10: a dev environment's <c>npm install -g
        /// @anthropic-ai/claude-code</c> sets it up for everyone who opens the workspace): the packages
        /// <see cref="InstallCommand"/> reads from the command (the SDK check's reader too), looked up in the assistant table.
        /// </summary>
        private static string? Installed(IReadOnlyList<string> words)
        {
            foreach (DeclaredPackage package in InstallCommand.Packages(words, string.Empty, 0, 0))
            {
                if (Packages.TryGetValue(package.Id, out string? id))
                {
                    return id;
                }
            }

            return null;
        }

        /// <summary>A command that starts an MCP server: the package it runs, or else its program, names "mcp".</summary>
        private static bool IsMcpServer(McpServerUse server)
        {
            string name = server.Package ?? ServerCommand.ExecutableName(server.Command![0]);
            return name.IndexOf("mcp", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("modelcontextprotocol", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>
        /// The simple commands of a shell line: split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c> and line
        /// breaks outside quotes; words split at blanks, quotes removed; leading <c>VAR=value</c> assignments and the wrappers
        /// (<see cref="Wrappers"/>: <c>exec</c>, <c>env</c>, <c>timeout 15m</c>, <c>nice -n 10</c>, <c>sudo -E</c>, <c>xargs -I{}</c>, …)
        /// dropped with their options; <c>sh -c '…'</c> (bash, zsh) and <c>script -qc '…'</c> read inside.
        /// </summary>
        internal static List<List<string>> SimpleCommands(string line, int depth) => SimpleCommands(line, depth, null);

        private static List<List<string>> SimpleCommands(string line, int depth, ShellState? shell)
        {
            var commands = new List<List<string>>();
            var words = new List<string>();
            var word = new System.Text.StringBuilder();
            bool inWord = false;
            char quote = '\0';
            for (int i = 0; i <= line.Length; i++)
            {
                char c = i < line.Length ? line[i] : '\n';
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else
                    {
                        word.Append(c);
                    }

                    continue;
                }

                if (c == '\'' || c == '"')
                {
                    quote = c;
                    inWord = true;
                    continue;
                }

                bool separator = c == ';' || c == '|' || c == '&' || c == '\n' || c == '\r' || c == '(' || c == ')';
                if (separator || c == ' ' || c == '\t')
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    if (separator && words.Count > 0)
                    {
                        AddCommand(commands, words, depth, shell);
                        words = new List<string>();
                    }

                    continue;
                }

                if (c == '\\' && i + 1 < line.Length && (line[i + 1] == '\n' || line[i + 1] == '\r'))
                {
                    i += line[i + 1] == '\r' && i + 2 < line.Length && line[i + 2] == '\n' ? 2 : 1; // a continued line
                    continue;
                }

                if (c == '\\' && i + 1 < line.Length)
                {
                    word.Append(line[++i]);
                    inWord = true;
                    continue;
                }

                word.Append(c);
                inWord = true;
            }

            return commands;
        }

        private static void AddCommand(List<List<string>> commands, List<string> words, int depth, ShellState? shell)
        {
            var assigned = new List<string>();
            int start = 0;
            while (start < words.Count)
            {
                if (IsAssignment(words[start]))
                {
                    assigned.Add(words[start++]);
                    continue;
                }

                int next = AfterWrapper(words, start, out string? inner);
                if (inner != null && depth < 3)
                {
                    AddInner(commands, inner, depth, shell, assigned); // script -qc "claude …" /dev/null, flock FILE -c "…"
                    return;
                }

                if (next == start)
                {
                    break;
                }

                start = next;
            }

            if (start >= words.Count)
            {
                return;
            }

            List<string> command = words.GetRange(start, words.Count - start);
            string exe = ServerCommand.ExecutableName(command[0]);
            if (shell != null && (exe == "export" || exe == "declare" || exe == "typeset") && start == 0)
            {
                shell.Exported.AddRange(command.FindAll(IsAssignment)); // export NAME=value: every later command of the block
                return;
            }

            if (shell != null && (exe == "echo" || exe == "printf") && command.Exists(w => w.IndexOf("GITHUB_ENV", StringComparison.Ordinal) >= 0) &&
                command.Exists(w => w.StartsWith(">", StringComparison.Ordinal)))
            {
                shell.Appended.AddRange((exe == "printf" ? PrintfOutput(command) : command).FindAll(IsAssignment)); // echo "NAME=value" >> "$GITHUB_ENV": later steps of the job
            }

            if ((exe == "sh" || exe == "bash" || exe == "zsh" || exe == "dash") && depth < 3)
            {
                int c = command.IndexOf("-c");
                if (c >= 0 && c + 1 < command.Count)
                {
                    AddInner(commands, command[c + 1], depth, shell, assigned);
                    return;
                }
            }

            if (shell != null)
            {
                var environment = new List<string>(shell.Job);
                environment.AddRange(shell.Exported);
                environment.AddRange(assigned);
                shell.Environments.Add(environment);
            }

            commands.Add(command);
        }

        /// <summary>The commands of a command line given to a shell (<c>sh -c</c>, <c>script -c</c>), with the variables set before it.</summary>
        private static void AddInner(List<List<string>> commands, string inner, int depth, ShellState? shell, List<string> assigned)
        {
            int before = shell?.Exported.Count ?? 0;
            shell?.Exported.AddRange(assigned);
            commands.AddRange(SimpleCommands(inner, depth + 1, shell));
            if (shell != null)
            {
                shell.Exported.RemoveRange(before, shell.Exported.Count - before); // they are the inner shell's, not the block's
            }
        }

        /// <summary>
        /// The variables and one-line functions a script or command line defines (adversary round 13 route 18):
        /// <c>AGENT="npx -y @google/gemini-cli"</c>, <c>FLAGS=--dangerously-skip-permissions</c> (put in where <c>$AGENT</c>,
        /// <c>${FLAGS}</c> are used), <c>ai() { claude "$@"; }</c> and <c>function ai { …; }</c> (a call runs the body with its
        /// arguments). In a script, each holds from the line that defines it on (<see cref="Upto"/>); the variables an assistant
        /// reads are left to the environment reader (a variable the shell does not export does not reach the assistant).
        /// </summary>
        internal sealed class ShellDefinitions
        {
            private static readonly System.Text.RegularExpressions.Regex Function = new System.Text.RegularExpressions.Regex(
                @"(?:\bfunction\s+([A-Za-z_][\w-]*)\s*(?:\(\s*\))?|(?<![\w$-])([A-Za-z_][\w-]*)\s*\(\s*\))\s*\{\s+([^\n]*?)\s*;\s*\}",
                System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

            private static readonly System.Text.RegularExpressions.Regex Variable = new System.Text.RegularExpressions.Regex(
                @"(?:^|[;&|]|\bthen\b|\bdo\b)[ \t]*(?:(?:export|local|readonly|declare)[ \t]+)?([A-Za-z_]\w*)=(?:""([^""\n]*)""|'([^'\n]*)'|([^\s;&|""'`()]*))(?=[ \t]*(?:;|&&|\|\||\r?$))",
                System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

            private static readonly ShellDefinitions Empty = new ShellDefinitions();

            public Dictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public List<JsonProperty> Variables { get; } = new List<JsonProperty>();

            /// <summary>Each definition in the order of the text: its line, and the function's name and body or the variable.</summary>
            private readonly List<(int Line, string? Function, string Body, JsonProperty? Variable)> _made = new List<(int, string?, string, JsonProperty?)>();

            private ShellDefinitions? _upto;

            private int _uptoCount;

            /// <summary>The definitions made on or before <paramref name="line"/> (a later definition of a name wins).</summary>
            public ShellDefinitions Upto(int line)
            {
                int count = 0;
                while (count < _made.Count && _made[count].Line <= line)
                {
                    count++;
                }

                if (count == _made.Count)
                {
                    return this;
                }

                if (_upto == null || count < _uptoCount)
                {
                    _upto = new ShellDefinitions();
                    _uptoCount = 0;
                }

                for (; _uptoCount < count; _uptoCount++)
                {
                    _upto.Add(_made[_uptoCount]); // a script is read in order: the definitions so far grow one copy
                }

                return _upto;
            }

            private void Add((int Line, string? Function, string Body, JsonProperty? Variable) made)
            {
                _made.Add(made);
                if (made.Function != null)
                {
                    Functions[made.Function] = made.Body;
                }
                else
                {
                    Variables.Add(made.Variable!);
                }
            }

            private static int LineAt(string text, int index, ref int from, ref int line)
            {
                for (; from < index; from++)
                {
                    if (text[from] == '\n')
                    {
                        line++;
                    }
                }

                return line;
            }

            public static ShellDefinitions Of(string text)
            {
                bool functions = text.IndexOf("()", StringComparison.Ordinal) >= 0 || text.IndexOf("function", StringComparison.Ordinal) >= 0;
                if (!functions && (text.IndexOf('=') < 0 || text.IndexOf('$') < 0))
                {
                    return Empty;
                }

                var found = new ShellDefinitions();
                var made = new List<(int Index, (int Line, string? Function, string Body, JsonProperty? Variable) Made)>();
                try
                {
                    if (functions)
                    {
                        foreach (System.Text.RegularExpressions.Match m in Function.Matches(text))
                        {
                            string name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                            made.Add((m.Index, (0, name, m.Groups[3].Value, null)));
                        }
                    }

                    if (text.IndexOf('$') >= 0)
                    {
                        foreach (System.Text.RegularExpressions.Match m in Variable.Matches(text))
                        {
                            string name = m.Groups[1].Value;
                            if (AssistantEnvironment.OwnerOf(name) != null)
                            {
                                continue;
                            }

                            string value = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
                            var at = new TextPosition(1, 1, m.Index);
                            made.Add((m.Index, (0, null, string.Empty, new JsonProperty(name, at, new JsonNode(JsonKind.String, at, at, value, null, null)))));
                        }
                    }
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    return Empty;
                }

                made.Sort((a, b) => a.Index.CompareTo(b.Index));
                int from = 0;
                int line = 1;
                foreach ((int index, (int _, string? function, string body, JsonProperty? variable)) in made)
                {
                    found.Add((LineAt(text, index, ref from, ref line), function, body, variable));
                }

                return found.Functions.Count + found.Variables.Count == 0 ? Empty : found;
            }
        }

        /// <summary>What the shell gives the commands of one command line: exported variables, and each command's environment.</summary>
        private sealed class ShellState
        {
            public ShellState(List<string> job, List<string> exported)
            {
                Job = job;
                Exported = exported;
            }

            /// <summary>The job's <c>$GITHUB_ENV</c> lines so far.</summary>
            public List<string> Job { get; }

            /// <summary>The <c>$GITHUB_ENV</c> lines this command line appends (for the later steps).</summary>
            public List<string> Appended { get; } = new List<string>();

            /// <summary>Variables <c>export</c>ed earlier in the line.</summary>
            public List<string> Exported { get; }

            /// <summary>Per command found, the <c>NAME=value</c> assignments it runs with (later ones win).</summary>
            public List<List<string>> Environments { get; } = new List<List<string>>();
        }

        /// <summary>
        /// Programs that run the command after their options and arguments (adversary round 13 route 18): the options that
        /// take a value, and how many arguments come before the command (<c>timeout 15m</c>, <c>flock FILE</c>, <c>taskset MASK</c>).
        /// </summary>
        private static readonly Dictionary<string, (string[] Valued, int Arguments)> Wrappers = new Dictionary<string, (string[], int)>(StringComparer.Ordinal)
        {
            ["exec"] = (new[] { "-a" }, 0),
            ["env"] = (new[] { "-u", "--unset", "-C", "--chdir" }, 0),
            ["command"] = (new string[0], 0),
            ["time"] = (new[] { "-f", "-o", "--format", "--output" }, 0),
            ["nohup"] = (new string[0], 0),
            ["sudo"] = (new[] { "-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "--user", "--group", "--host", "--prompt", "--chdir" }, 0),
            ["doas"] = (new[] { "-u", "-C" }, 0),
            ["timeout"] = (new[] { "-s", "-k", "--signal", "--kill-after" }, 1),
            ["nice"] = (new[] { "-n", "--adjustment" }, 0),
            ["ionice"] = (new[] { "-c", "-n", "-p", "-P", "-u", "--class", "--classdata" }, 0),
            ["stdbuf"] = (new[] { "-i", "-o", "-e", "--input", "--output", "--error" }, 0),
            ["xargs"] = (new[] { "-a", "-I", "-n", "-P", "-d", "-L", "-s", "-E", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--max-chars", "--eof" }, 0),
            ["unbuffer"] = (new string[0], 0),
            ["flock"] = (new[] { "-w", "-E", "--timeout", "--wait", "--conflict-exit-code" }, 1),
            ["taskset"] = (new string[0], 1),
            ["caffeinate"] = (new[] { "-t", "-w" }, 0),
            ["chronic"] = (new string[0], 0),
            ["script"] = (new[] { "-c", "--command", "-t", "-T", "-I", "-O", "-B", "-E", "-m", "--log-io", "--log-in", "--log-out", "--log-timing", "--echo" }, 0),
            ["{"] = (new string[0], 0),
        };

        /// <summary>
        /// Where the command a wrapper at <paramref name="at"/> runs starts (<paramref name="at"/> itself when the word is no
        /// wrapper); <paramref name="inner"/> is the command line <c>script -c</c> or <c>flock … -c</c> gives a shell.
        /// </summary>
        private static int AfterWrapper(List<string> words, int at, out string? inner)
        {
            inner = null;
            if (!Wrappers.TryGetValue(words[at], out (string[] Valued, int Arguments) wrapper) ||
                (words[at] == "command" && at + 1 < words.Count && (words[at + 1] == "-v" || words[at + 1] == "-V")))
            {
                return at;
            }

            bool shellString = words[at] == "script" || words[at] == "flock";
            int i = at + 1;
            int arguments = wrapper.Arguments;
            while (i < words.Count)
            {
                string w = words[i];
                if (w == "--")
                {
                    i++;
                    break;
                }

                if (!w.StartsWith("-", StringComparison.Ordinal) || w.Length == 1)
                {
                    if (arguments == 0)
                    {
                        break;
                    }

                    arguments--; // timeout's duration, flock's file, taskset's mask
                    i++;
                    continue;
                }

                bool command = shellString && (w == "--command" || (!w.StartsWith("--", StringComparison.Ordinal) && w.EndsWith("c", StringComparison.Ordinal)));
                if (shellString && w.StartsWith("--command=", StringComparison.Ordinal))
                {
                    inner = w.Substring("--command=".Length);
                    return i + 1;
                }

                if (command && i + 1 < words.Count)
                {
                    inner = words[i + 1];
                    return i + 2;
                }

                i += Array.IndexOf(wrapper.Valued, w) >= 0 ? 2 : 1;
            }

            return Math.Min(i, words.Count);
        }

        private static bool IsAssignment(string word)
        {
            int eq = word.IndexOf('=');
            return eq > 0 && !word.StartsWith("-", StringComparison.Ordinal) && word.Substring(0, eq).TrimStart('_').Length > 0 &&
                   Array.TrueForAll(word.Substring(0, eq).ToCharArray(), ch => char.IsLetterOrDigit(ch) || ch == '_');
        }

    }
}
