using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Files;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Adversary round 13 routes 15, 13 and 16 (issue 12): the command fields of the CI systems beyond GitHub, GitLab, Azure
    /// Pipelines, Bitbucket and CircleCI (Jenkins, Buildkite, Drone, Woodpecker, Travis, CodeBuild, Cloud Build, AppVeyor,
    /// Cirrus, Tekton), scripts that are not <c>*.sh</c> (bash, zsh, ksh, PowerShell, cmd/batch, git hooks folders and
    /// committed extension-less files with a shell shebang), and the assistants' GitHub actions under any owner (an
    /// organisation's mirror or fork) or run as a local action's image.
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>
        /// Members of those pipeline files whose strings are shell commands, beside <see cref="CommandKeys"/>: Buildkite, Drone,
        /// Woodpecker and CodeBuild <c>commands</c>, Travis's phases, AppVeyor's phases (and every <c>*_script</c>, Cirrus's too).
        /// </summary>
        private static readonly HashSet<string> PipelineCommandKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "commands", "install", "before_install", "after_success", "after_failure", "before_deploy", "after_deploy", "before_cache",
            "before_build", "after_build", "before_test", "after_test", "on_success", "on_failure", "on_finish",
        };

        /// <summary>Assistants' official container images: the one table every reader of an image uses (<see cref="ImageAssistant"/>).</summary>
        private static readonly (string Image, string Assistant)[] AssistantImages =
        {
            ("paulgauthier/aider", Aider), ("ghcr.io/block/goose", Goose), ("ghcr.io/sst/opencode", OpenCode), ("codiumai/pr-agent", QodoPrAgent),
            ("docker.all-hands.dev/all-hands-ai/openhands", OpenHands), ("ghcr.io/all-hands-ai/openhands", OpenHands), ("us-docker.pkg.dev/gemini-code-dev/gemini-cli/sandbox", Gemini),
        };

        /// <summary>Folders a <c>core.hooksPath</c> names by convention: each git hook file in them is a script.</summary>
        private static readonly string[] HookFolders = { ".githooks", ".git-hooks" };

        /// <summary>Jenkins's shell steps: <c>sh '…'</c>, <c>bat """…"""</c>, <c>powershell(script: '…')</c>.</summary>
        private static readonly Regex JenkinsStep = new Regex(
            @"(?<![\w.$])(?:sh|bat|powershell|pwsh)\s*(?:\(\s*)?(?:script\s*:\s*)?('''|""""""|'|"")",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static bool IsPipelineFile(string name)
        {
            string fileName = name.Substring(name.LastIndexOf('/') + 1);
            return name == "Jenkinsfile" || fileName.EndsWith(".Jenkinsfile", StringComparison.Ordinal) ||
                   name.StartsWith(".buildkite/", StringComparison.Ordinal) || name == ".drone.yml" || name == ".woodpecker.yml" ||
                   name.StartsWith(".woodpecker/", StringComparison.Ordinal) || name == ".travis.yml" ||
                   (name.StartsWith("buildspec", StringComparison.Ordinal) && IsYamlName(name)) ||
                   (name.StartsWith("cloudbuild", StringComparison.Ordinal) && IsYamlName(name)) ||
                   name == "appveyor.yml" || name == ".appveyor.yml" || name == ".cirrus.yml" || name.StartsWith(".tekton/", StringComparison.Ordinal);
        }

        private static bool IsHookFile(string name)
        {
            foreach (string folder in HookFolders)
            {
                if (name.StartsWith(folder + "/", StringComparison.Ordinal) && Array.IndexOf(GitHooks, name.Substring(folder.Length + 1)) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The git hooks and local actions at <paramref name="level"/> (<c>.githooks/pre-commit</c>, <c>.github/actions/x/action.yml</c>).</summary>
        private static IEnumerable<string> HookAndActionCandidates(string level)
        {
            foreach (string folder in HookFolders)
            {
                foreach (string hook in GitHooks)
                {
                    if (File.Exists(Path.Combine(level, folder, hook)))
                    {
                        yield return folder + "/" + hook;
                    }
                }
            }

            string actions = Path.Combine(level, ".github", "actions");
            string[] folders;
            try
            {
                folders = Directory.Exists(actions) ? Directory.GetDirectories(actions) : new string[0];
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                yield break;
            }

            Array.Sort(folders, StringComparer.Ordinal);
            foreach (string folder in folders)
            {
                foreach (string name in new[] { "action.yml", "action.yaml" })
                {
                    if (File.Exists(Path.Combine(folder, name)))
                    {
                        yield return ".github/actions/" + Path.GetFileName(folder) + "/" + name;
                    }
                }
            }
        }

        /// <summary>
        /// A committed file that may be a shell script by its shebang alone (route 13: <c>tools/review</c>): no extension, and
        /// not a file read by its name (Makefile, Jenkinsfile, Dockerfile, Procfile, a hook, …).
        /// </summary>
        private static bool IsShebangCandidate(string relative)
        {
            string name = relative.Substring(relative.LastIndexOf('/') + 1);
            return name.Length > 0 && name.IndexOf('.') < 0 && Array.IndexOf(LauncherNames, name) < 0 && name != "Jenkinsfile" && !IsDockerfile(name) &&
                   name != "Procfile" && name != "Tiltfile" && !IsHookFile(relative) && !relative.StartsWith(".husky/", StringComparison.Ordinal);
        }

        /// <summary>The file's content when its first line is a shell shebang (only the first bytes of any other file are read).</summary>
        private static LoadedFile? ShebangScript(string fullPath) =>
            InterpreterOf(fullPath) == ScriptInterpreter.Shell ? SourceFile.TryLoad(fullPath, RuleCatalog.UnreadableAssistantFile, "The launcher file", out Finding? _) : null;

        /// <summary>Whether <paramref name="text"/> starts with <c>#!</c> naming a shell (<c>/bin/sh</c>, <c>/usr/bin/env bash</c>, <c>env -S zsh -e</c>, pwsh).</summary>
        internal static bool IsShellShebang(string text) => Interpreter(text) == ScriptInterpreter.Shell;

        /// <summary>
        /// A script of any kind <see cref="ScriptKinds"/> lists: every line a command line; for cmd/batch without the <c>@</c>
        /// echo prefix and <c>call</c>, and without <c>REM</c>/<c>::</c> comments.
        /// </summary>
        private static void ReadOtherScript(LauncherFile file, string text)
        {
            if (!ScriptKinds.IsBatch(file.RelativePath))
            {
                ReadScript(file, text, "line", allLines: true);
                return;
            }

            foreach ((int line, int column, string content) in ContentLines(text))
            {
                string command = content.TrimStart('@').TrimStart();
                if (command.StartsWith("::", StringComparison.Ordinal) || command.Equals("rem", StringComparison.OrdinalIgnoreCase) ||
                    command.StartsWith("rem ", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (command.StartsWith("call ", StringComparison.OrdinalIgnoreCase))
                {
                    command = command.Substring(5).TrimStart();
                }

                ReadCommandLine(file, command, "line " + line, line, column + content.Length - command.Length);
            }
        }

        /// <summary>One of the other CI systems' pipeline files: a Jenkinsfile's shell steps, or a YAML pipeline's command fields.</summary>
        private static void ReadPipeline(LauncherFile file, string text)
        {
            if (!file.RelativePath.EndsWith(".yml", StringComparison.Ordinal) && !file.RelativePath.EndsWith(".yaml", StringComparison.Ordinal))
            {
                ReadJenkinsfile(file, text);
                return;
            }

            JsonNode? root = ParseYamlOrReadLines(file, text);
            if (root != null)
            {
                ReadPipelineNode(file, root, string.Empty, 0, CiVariables.For(file.RelativePath));
            }
        }

        /// <summary>
        /// A YAML pipeline: every string below a command member (<see cref="PipelineCommandKeys"/>, <c>*_script</c>,
        /// <see cref="CommandKeys"/>) is a command line; a step with a program and its arguments apart (Tekton's
        /// <c>command</c> + <c>args</c>, Cloud Build's <c>entrypoint</c> + <c>args</c>) is one command line.
        /// </summary>
        private static void ReadPipelineNode(LauncherFile file, JsonNode node, string path, int depth, CiVariables vars)
        {
            if (depth > 32)
            {
                return;
            }

            if (node.Kind == JsonKind.Array)
            {
                for (int i = 0; i < node.Items.Count; i++)
                {
                    ReadPipelineNode(file, node.Items[i], path + "[" + i + "]", depth + 1, vars);
                }

                return;
            }

            if (node.Kind != JsonKind.Object)
            {
                return;
            }

            vars = vars.With(node);
            JsonProperty? program = Member(node, "command") ?? Member(node, "entrypoint");
            JsonProperty? args = Member(node, "args");
            bool joined = program != null && args != null && CommandOf(program.Value) != null && CommandOf(args.Value) != null;
            if (joined)
            {
                string at = (path.Length == 0 ? string.Empty : path + ".") + program!.Name;
                ReadCommandLine(file, CommandOf(program.Value) + " " + CommandOf(args!.Value), at, program.NameStart.Line, program.NameStart.Column, vars);
            }

            foreach (JsonProperty p in node.Properties)
            {
                if (joined && (p == program || p == args))
                {
                    continue;
                }

                string at = path.Length == 0 ? p.Name : path + "." + p.Name;
                if (CommandKeys.Contains(p.Name) || PipelineCommandKeys.Contains(p.Name) || p.Name.EndsWith("_script", StringComparison.Ordinal))
                {
                    ReadStructured(file, p.Value, at, inCommand: true, nixNames: false, depth + 1, vars);
                }
                else
                {
                    ReadPipelineNode(file, p.Value, at, depth + 1, vars);
                }
            }
        }

        /// <summary>
        /// A Jenkinsfile (Groovy): each <c>sh</c>, <c>bat</c>, <c>powershell</c> and <c>pwsh</c> step's script, in single,
        /// double or triple quotes, each line of a triple-quoted script its own command line, at its own line; a step behind a
        /// <c>//</c> comment is left out.
        /// </summary>
        private static void ReadJenkinsfile(LauncherFile file, string text)
        {
            foreach (Match m in JenkinsStep.Matches(text))
            {
                int lineStart = text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
                if (text.Substring(lineStart, m.Index - lineStart).Contains("//"))
                {
                    continue;
                }

                string quote = m.Groups[1].Value;
                int bodyStart = m.Index + m.Length;
                int close = quote.Length == 3 ? text.IndexOf(quote, bodyStart, StringComparison.Ordinal) : ClosingQuote(text, bodyStart, quote[0]);
                if (close < 0)
                {
                    continue;
                }

                string body = text.Substring(bodyStart, close - bodyStart);
                int firstLine = 1;
                for (int i = 0; i < bodyStart; i++)
                {
                    if (text[i] == '\n')
                    {
                        firstLine++;
                    }
                }

                int firstColumn = bodyStart - lineStart + 1;
                foreach ((int line, int column, string content) in JoinedLines(body))
                {
                    int at = firstLine + line - 1;
                    ReadCommandLine(file, content, "step on line " + at, at, line == 1 ? firstColumn + column - 1 : column);
                }
            }
        }

        /// <summary>The index of the quote closing a one-line Groovy string that opened before <paramref name="start"/>; -1 at a line's end.</summary>
        private static int ClosingQuote(string text, int start, char quote)
        {
            for (int i = start; i < text.Length && text[i] != '\n'; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == quote)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// An assistant's action under another owner (route 16: <c>contoso-actions/claude-code-action@v1</c>, the organisation's
        /// mirror or fork of <paramref name="upstream"/>): the action without its ref when its repository part (all but the
        /// owner) is the upstream one's; otherwise null.
        /// </summary>
        private static string? MirrorOf(string action, string upstream)
        {
            int at = action.IndexOf('@');
            string name = at < 0 ? action : action.Substring(0, at);
            int slash = name.IndexOf('/');
            int upstreamSlash = upstream.IndexOf('/');
            if (slash <= 0 || name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith("docker:", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(name, upstream, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return string.Equals(name.Substring(slash + 1), upstream.Substring(upstreamSlash + 1), StringComparison.OrdinalIgnoreCase) ? name : null;
        }

        /// <summary>
        /// A step's <c>uses: docker://…</c> or a docker action's <c>runs.image: docker://…</c> that is an assistant's official
        /// image: that assistant, started by the step.
        /// </summary>
        private static void ReadAssistantImage(LauncherFile file, JsonNode node)
        {
            JsonNode? image = node["uses"] ?? (node["using"] is JsonNode kind && kind.Kind == JsonKind.String && kind.Text == "docker" ? node["image"] : null);
            string text = image != null && image.Kind == JsonKind.String ? (image.Text ?? string.Empty).Trim() : string.Empty;
            if (!text.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (ImageAssistant(text) is string assistant)
            {
                AddTool(file, assistant, "image " + text, image!.Start.Line, image.Start.Column);
            }
        }
    }
}
