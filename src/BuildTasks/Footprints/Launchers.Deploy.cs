using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Deploy and runtime descriptors that start programs (adversary round 12 route 12: an assistant with <c>--yolo</c> run by
    /// docker compose, a Kubernetes CronJob, a Procfile or a Tiltfile passed while the same line in a justfile was GRD130):
    /// compose files (<c>services.*.command</c>, <c>entrypoint</c>, <c>healthcheck.test</c>), Kubernetes, OpenShift and Helm
    /// workloads (every container's and init container's <c>command</c> + <c>args</c>, each document of the file), Procfile
    /// (every process line), Tiltfile (<c>local_resource</c>'s <c>cmd</c>/<c>serve_cmd</c>, <c>local(…)</c>), direnv's
    /// <c>.envrc</c> (a shell script), pixi tasks, Replit's <c>run</c>/<c>onBoot</c>/<c>build</c>, Fly.io's
    /// <c>[processes]</c> and <c>release_command</c>. Each command is judged by the one command-line judge
    /// (<see cref="ReadCommandLine"/>); a file kind is a name and a small reader here.
    /// </summary>
    public static partial class Launchers
    {
        /// <summary>The kinds of files below that are read wherever they are committed (the git index), not only on the walk.</summary>
        private static bool IsDeployDescriptor(string relative)
        {
            string name = relative.Substring(relative.LastIndexOf('/') + 1);
            return IsComposeFile(name) || IsDockerfile(name) || name == "Procfile" || name.StartsWith("Procfile.", StringComparison.Ordinal) || name == "Tiltfile";
        }

        /// <summary>
        /// The docker compose files at <paramref name="levels"/> (and their <c>.devcontainer/</c> folders) and those committed
        /// anywhere in the repository (git's index), full paths, each once: where <see cref="Relays"/> looks for services.
        /// </summary>
        internal static List<string> ComposeFiles(IEnumerable<string> levels, string? repositoryRoot)
        {
            var files = new List<string>();
            var levelList = new List<string>(levels);
            foreach (string level in levelList)
            {
                foreach (string relative in Candidates(level))
                {
                    if (IsComposeFile(relative.Substring(relative.LastIndexOf('/') + 1)))
                    {
                        files.Add(System.IO.Path.Combine(level, relative.Replace('/', System.IO.Path.DirectorySeparatorChar)));
                    }
                }

                string devcontainer = System.IO.Path.Combine(level, ".devcontainer");
                if (System.IO.Directory.Exists(devcontainer))
                {
                    try
                    {
                        foreach (string f in System.IO.Directory.GetFiles(devcontainer))
                        {
                            if (IsComposeFile(System.IO.Path.GetFileName(f)))
                            {
                                files.Add(f);
                            }
                        }
                    }
                    catch (Exception e) when (FootprintDiscovery.IsIoException(e))
                    {
                        // an unreadable folder holds no relay the check can read
                    }
                }
            }

            foreach (string relative in CommittedFiles(repositoryRoot, levelList))
            {
                if (IsComposeFile(relative.Substring(relative.LastIndexOf('/') + 1)))
                {
                    files.Add(System.IO.Path.Combine(repositoryRoot!, relative.Replace('/', System.IO.Path.DirectorySeparatorChar)));
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            files.RemoveAll(f => !seen.Add(System.IO.Path.GetFullPath(f)));
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>docker compose's file names: <c>compose.yaml</c>, <c>docker-compose.yml</c>, <c>docker-compose.override.yml</c>, <c>compose.prod.yaml</c>, ….</summary>
        internal static bool IsComposeFile(string name) =>
            (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase)) && IsYamlName(name);

        private static bool IsYamlName(string name) => name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A committed YAML file that may be a Kubernetes, OpenShift or Helm workload: any YAML file that is not one of the
        /// kinds read by name (CI pipelines, compose, hook and task runners); its content decides (<see cref="ReadWorkloads"/>).
        /// </summary>
        private static bool IsWorkloadCandidate(string relative)
        {
            string name = relative.Substring(relative.LastIndexOf('/') + 1);
            return IsYamlName(name) && !IsComposeFile(name) && Array.IndexOf(LauncherNames, name) < 0 && !IsTaskRunner(relative) && !IsCiFile(relative) &&
                   !relative.StartsWith(".github/", StringComparison.Ordinal) && relative.IndexOf("/.github/", StringComparison.Ordinal) < 0;
        }

        /// <summary>
        /// A committed YAML file's bytes when they may hold a pod spec (<see cref="MayHoldContainers"/>): every committed YAML
        /// file is a candidate, so one without "containers:" is read without a stream buffer and never decoded (2,000 committed
        /// YAML files, 500 of them workloads: 16 MB allocated per read of the launchers instead of 30 MB).
        /// </summary>
        private static LoadedFile? WorkloadCandidate(string fullPath)
        {
            try
            {
                var info = new System.IO.FileInfo(fullPath);
                if (!info.Exists || info.Length > SourceFile.MaxBytes)
                {
                    return null;
                }

                byte[] bytes = System.IO.File.ReadAllBytes(fullPath);
                return MayHoldContainers(bytes) ? LoadedFile.FromBytes(fullPath, bytes) : null;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null; // an unreadable candidate is no workload the check can read
            }
        }

        private static readonly byte[] ContainersKey = System.Text.Encoding.ASCII.GetBytes("ontainers:");

        /// <summary>
        /// Whether a candidate's bytes may hold a pod spec: "ontainers:" (<c>containers:</c>, <c>initContainers:</c>) in UTF-8,
        /// or a UTF-16/32 byte-order mark (read in full).
        /// </summary>
        private static bool MayHoldContainers(byte[] bytes)
        {
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) || bytes[0] == 0 || bytes[1] == 0))
            {
                return true;
            }

            for (int i = 0; i + ContainersKey.Length <= bytes.Length; i++)
            {
                if (bytes[i] != ContainersKey[0])
                {
                    continue;
                }

                int k = 1;
                while (k < ContainersKey.Length && bytes[i + k] == ContainersKey[k])
                {
                    k++;
                }

                if (k == ContainersKey.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Reads <paramref name="text"/> when <paramref name="fileName"/> is a deploy descriptor; false for any other file.</summary>
        private static bool ReadDeployDescriptor(LauncherFile file, string fileName, string text)
        {
            if (IsComposeFile(fileName))
            {
                ReadCompose(file, text);
            }
            else if (fileName == "Procfile" || fileName.StartsWith("Procfile.", StringComparison.Ordinal))
            {
                ReadProcfile(file, text);
            }
            else if (fileName == "Tiltfile")
            {
                ReadTiltfile(file, text);
            }
            else if (fileName == ".envrc")
            {
                ReadScript(file, text, "script", allLines: true);
            }
            else if (fileName == "pixi.toml")
            {
                ReadTaskTables(file, TomlReader.Parse(text), string.Empty, 0);
            }
            else if (fileName == ".replit")
            {
                ReadMembers(file, TomlReader.Parse(text), string.Empty, new[] { "run", "onBoot", "build", "compile" }, new[] { "deployment" });
            }
            else if (fileName == "fly.toml")
            {
                ReadFly(file, TomlReader.Parse(text));
            }
            else if (IsWorkloadCandidate(file.RelativePath) && Array.IndexOf(LauncherNames, file.RelativePath) < 0)
            {
                ReadWorkloads(file, text);
            }
            else
            {
                return false;
            }

            return true;
        }

        /// <summary>
        /// An exec-form array (<c>["npx", "-y", "@google/gemini-cli", "-p", "fix the tests"]</c>: a Dockerfile's JSON form, a
        /// compose or Kubernetes list) as one command line, each element one word.
        /// </summary>
        private static string ExecForm(IEnumerable<JsonNode> items)
        {
            var words = new List<string>();
            foreach (JsonNode item in items)
            {
                if (item.Kind == JsonKind.String || item.Kind == JsonKind.Number)
                {
                    words.Add(item.Text ?? string.Empty);
                }
            }

            return ExecForm(words);
        }

        private static string ExecForm(IEnumerable<string> words)
        {
            var quoted = new List<string>();
            foreach (string word in words)
            {
                quoted.Add("'" + word.Replace("'", string.Empty) + "'");
            }

            return string.Join(" ", quoted);
        }

        /// <summary>A command member as a line: a string as written (shell form), a list as exec form.</summary>
        internal static string? CommandOf(JsonNode? node) =>
            node == null ? null : node.Kind == JsonKind.String ? node.Text : node.Kind == JsonKind.Array ? ExecForm(node.Items) : null;

        /// <summary>
        /// A YAML file that may use anchors: parsed with them; one the reader does not take is read a line at a time (each line
        /// without its <c>- </c> and <c>key:</c> prefix), as a CI file is.
        /// </summary>
        private static JsonNode? ParseYamlOrReadLines(LauncherFile file, string text)
        {
            try
            {
                return YamlReader.ParseWithAliases(text);
            }
            catch (JsonParseException)
            {
                foreach ((int line, int column, string content) in JoinedLines(text))
                {
                    string command = WithoutYamlPrefix(content);
                    ReadCommandLine(file, command, "line " + line, line, column + content.Length - command.Length);
                }

                return null;
            }
        }

        /// <summary>
        /// docker compose: each service's <c>entrypoint</c> and <c>command</c> (the entrypoint's words before the command's when
        /// both are set, as the container runs them), and its <c>healthcheck.test</c> (<c>["CMD", …]</c> exec form,
        /// <c>["CMD-SHELL", "…"]</c> or a string: a shell line), each at its member's line.
        /// </summary>
        private static void ReadCompose(LauncherFile file, string text)
        {
            JsonNode? root = ParseYamlOrReadLines(file, text);
            JsonNode? services = root != null && root.Kind == JsonKind.Object ? root["services"] : null;
            if (services == null || services.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty service in services.Properties)
            {
                if (service.Value.Kind != JsonKind.Object)
                {
                    continue;
                }

                JsonProperty? entrypoint = Member(service.Value, "entrypoint");
                JsonProperty? command = Member(service.Value, "command");
                string? entry = CommandOf(entrypoint?.Value);
                string? cmd = CommandOf(command?.Value);
                JsonProperty? at = entrypoint ?? command;
                if (at != null)
                {
                    string line = (entry ?? string.Empty) + (entry != null && cmd != null ? " " : string.Empty) + (cmd ?? string.Empty);
                    ReadCommandLine(file, line, "services." + service.Name + "." + at.Name, at.NameStart.Line, at.NameStart.Column);
                }

                if (Member(service.Value, "image") is JsonProperty image)
                {
                    ReadImageMember(file, image, entrypoint == null ? command?.Value : null); // an assistant's image (round 13 route 3)
                }

                if (service.Value["healthcheck"] is JsonNode health && health.Kind == JsonKind.Object && Member(health, "test") is JsonProperty test)
                {
                    string? probe = null;
                    if (test.Value.Kind == JsonKind.String)
                    {
                        probe = test.Value.Text;
                    }
                    else if (test.Value.Kind == JsonKind.Array && test.Value.Items.Count > 1)
                    {
                        string form = test.Value.Items[0].Text ?? string.Empty;
                        var rest = new List<JsonNode>(test.Value.Items);
                        rest.RemoveAt(0);
                        probe = form == "CMD-SHELL" ? rest[0].Text : form == "CMD" ? ExecForm(rest) : null;
                    }

                    if (probe != null)
                    {
                        ReadCommandLine(file, probe, "services." + service.Name + ".healthcheck.test", test.NameStart.Line, test.NameStart.Column);
                    }
                }
            }
        }

        private static JsonProperty? Member(JsonNode node, string name)
        {
            foreach (JsonProperty p in node.Properties)
            {
                if (p.Name == name)
                {
                    return p;
                }
            }

            return null;
        }

        /// <summary>A Helm template action (<c>{{ .Values.image }}</c>, <c>{{- if … }}</c>).</summary>
        private static readonly Regex TemplateAction = new Regex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>
        /// A Kubernetes or OpenShift manifest or a Helm template (any committed YAML file that holds <c>containers:</c>): in
        /// each document (<c>---</c>), every object's <c>containers</c>, <c>initContainers</c> and <c>ephemeralContainers</c>
        /// (a Pod, or the pod template of a Deployment, Job, CronJob, StatefulSet, DaemonSet, DeploymentConfig, Knative
        /// Service, …): each container's <c>command</c> followed by its <c>args</c> (its <c>args</c> alone run by the image's
        /// entrypoint), and the <c>exec.command</c> of its probes and lifecycle hooks. A Helm template's actions are read as
        /// placeholders of the same length, so the YAML around them parses at its own lines and columns.
        /// </summary>
        private static void ReadWorkloads(LauncherFile file, string text)
        {
            if (text.IndexOf("ontainers:", StringComparison.Ordinal) < 0)
            {
                return;
            }

            string plain = text.IndexOf("{{", StringComparison.Ordinal) < 0 ? text
                : TemplateAction.Replace(text, m => WholeLineAction(text, m) ? new string(' ', m.Length) : new string('x', m.Length));
            if (!plain.StartsWith("---", StringComparison.Ordinal) && plain.IndexOf("\n---", StringComparison.Ordinal) < 0)
            {
                ReadWorkloadDocument(file, plain, 1, 0); // one document: no copy of its lines
                return;
            }

            var document = new System.Text.StringBuilder();
            int firstLine = 1;
            int firstOffset = 0;
            int lineNo = 1;
            int offset = 0;
            foreach (string raw in plain.Split('\n'))
            {
                string l = raw.TrimEnd('\r');
                if (l == "---" || l.StartsWith("--- ", StringComparison.Ordinal))
                {
                    ReadWorkloadDocument(file, document.ToString(), firstLine, firstOffset);
                    document.Clear();
                    firstLine = lineNo + 1;
                    firstOffset = offset + raw.Length + 1;
                }
                else
                {
                    document.Append(raw).Append('\n');
                }

                lineNo++;
                offset += raw.Length + 1;
            }

            ReadWorkloadDocument(file, document.ToString(), firstLine, firstOffset);
        }

        /// <summary>A template action alone on its line (<c>{{- if .Values.enabled }}</c>): blank, not a value.</summary>
        private static bool WholeLineAction(string text, Match m)
        {
            int start = text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
            int end = text.IndexOf('\n', m.Index + m.Length);
            string before = text.Substring(start, m.Index - start);
            string after = end < 0 ? text.Substring(m.Index + m.Length) : text.Substring(m.Index + m.Length, end - m.Index - m.Length);
            return before.Trim().Length == 0 && after.Trim().Length == 0;
        }

        private static void ReadWorkloadDocument(LauncherFile file, string text, int firstLine, int firstOffset)
        {
            if (text.IndexOf("ontainers:", StringComparison.Ordinal) < 0)
            {
                return;
            }

            JsonNode? root = YamlReader.TryParse(text, firstLine, firstOffset, out JsonParseException? _);
            if (root != null)
            {
                FindContainers(file, root, string.Empty, 0);
            }
        }

        private static void FindContainers(LauncherFile file, JsonNode node, string path, int depth)
        {
            if (depth > 24)
            {
                return;
            }

            if (node.Kind == JsonKind.Object)
            {
                foreach (JsonProperty p in node.Properties)
                {
                    string at = path.Length == 0 ? p.Name : path + "." + p.Name;
                    if ((p.Name == "containers" || p.Name == "initContainers" || p.Name == "ephemeralContainers") && p.Value.Kind == JsonKind.Array)
                    {
                        foreach (JsonNode container in p.Value.Items)
                        {
                            if (container.Kind == JsonKind.Object)
                            {
                                ReadContainer(file, container, at + "[" + (container["name"]?.Text ?? "?") + "]");
                            }
                        }
                    }
                    else
                    {
                        FindContainers(file, p.Value, at, depth + 1);
                    }
                }
            }
            else if (node.Kind == JsonKind.Array)
            {
                foreach (JsonNode item in node.Items)
                {
                    FindContainers(file, item, path, depth + 1);
                }
            }
        }

        private static void ReadContainer(LauncherFile file, JsonNode container, string path)
        {
            JsonProperty? command = Member(container, "command");
            JsonProperty? args = Member(container, "args");
            string? cmd = CommandOf(command?.Value);
            string? arguments = CommandOf(args?.Value);
            JsonProperty? at = command ?? args;
            if (at != null)
            {
                string line = (cmd ?? string.Empty) + (cmd != null && arguments != null ? " " : string.Empty) + (arguments ?? string.Empty);
                ReadCommandLine(file, line, path + "." + at.Name, at.NameStart.Line, at.NameStart.Column);
            }

            if (Member(container, "image") is JsonProperty image)
            {
                ReadImageMember(file, image, command == null ? args?.Value : null); // an assistant's image (round 13 route 3)
            }

            // probes and lifecycle hooks: { exec: { command: [...] } }
            foreach (string member in new[] { "livenessProbe", "readinessProbe", "startupProbe", "lifecycle" })
            {
                if (container[member] is JsonNode hook && hook.Kind == JsonKind.Object)
                {
                    FindExec(file, hook, path + "." + member, 0);
                }
            }
        }

        private static void FindExec(LauncherFile file, JsonNode node, string path, int depth)
        {
            if (depth > 4 || node.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in node.Properties)
            {
                if (p.Name == "exec" && p.Value.Kind == JsonKind.Object && Member(p.Value, "command") is JsonProperty command && CommandOf(command.Value) is string line)
                {
                    ReadCommandLine(file, line, path + ".exec.command", command.NameStart.Line, command.NameStart.Column);
                }
                else
                {
                    FindExec(file, p.Value, path + "." + p.Name, depth + 1);
                }
            }
        }

        /// <summary>A Procfile (Heroku, foreman, overmind, honcho): <c>name: command</c>, each process line a command line.</summary>
        private static void ReadProcfile(LauncherFile file, string text)
        {
            foreach ((int line, int column, string content) in JoinedLines(text))
            {
                int colon = content.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                string command = content.Substring(colon + 1).TrimStart();
                ReadCommandLine(file, command, "process '" + content.Substring(0, colon).Trim() + "'", line, column + content.Length - command.Length);
            }
        }

        /// <summary>Tiltfile keyword arguments that hold a command, and the calls whose first (or, for local_resource, second) argument is one.</summary>
        private static readonly Regex TiltCommand = new Regex(
            @"\b(?:(?<kw>cmd|serve_cmd|cmd_bat|serve_cmd_bat)\s*=\s*|(?<call>local|local_resource)\s*\(\s*)",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>
        /// A Tiltfile (Starlark): <c>local_resource(name, cmd, serve_cmd=…)</c> (positional or keyword; a string is a shell
        /// line, a list exec form), <c>local("…")</c>, and any <c>cmd=</c>/<c>serve_cmd=</c> argument. Other strings (image
        /// names, paths) are not commands.
        /// </summary>
        private static void ReadTiltfile(LauncherFile file, string text)
        {
            foreach (Match m in TiltCommand.Matches(text))
            {
                int at = m.Index + m.Length;
                if (m.Groups["call"].Success && m.Groups["call"].Value == "local_resource")
                {
                    // the resource's name first; its command is the second positional argument, when there is one
                    if (ReadStarlarkValue(text, at, out _, out int afterName) < 0)
                    {
                        continue;
                    }

                    int comma = SkipBlanks(text, afterName);
                    if (comma >= text.Length || text[comma] != ',')
                    {
                        continue;
                    }

                    at = SkipBlanks(text, comma + 1);
                    if (Regex.IsMatch(text.Substring(at, Math.Min(40, text.Length - at)), @"^\w+\s*="))
                    {
                        continue; // keyword arguments: matched on their own
                    }
                }

                int start = ReadStarlarkValue(text, at, out string? command, out _);
                if (start >= 0 && command != null)
                {
                    (int line, int column) = Position(text, start);
                    ReadCommandLine(file, command, (m.Groups["kw"].Success ? m.Groups["kw"].Value + "=" : m.Groups["call"].Value + "(…)") + " on line " + line, line, column);
                }
            }
        }

        private static int SkipBlanks(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        private static (int Line, int Column) Position(string text, int index)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, index - lineStart + 1);
        }

        /// <summary>
        /// A Starlark string (<c>'…'</c>, <c>"…"</c>, triple-quoted) or list of strings at <paramref name="i"/> (blanks
        /// skipped): its text as a command line (a list as exec form), where it starts (-1 when there is none) and where it ends.
        /// </summary>
        private static int ReadStarlarkValue(string text, int i, out string? value, out int end)
        {
            value = null;
            end = i;
            i = SkipBlanks(text, i);
            if (i >= text.Length)
            {
                return -1;
            }

            if (text[i] == '[')
            {
                var items = new List<string>();
                int j = i + 1;
                while (true)
                {
                    j = SkipBlanks(text, j);
                    if (j >= text.Length)
                    {
                        return -1;
                    }

                    if (text[j] == ']')
                    {
                        end = j + 1;
                        break;
                    }

                    if (text[j] == ',')
                    {
                        j++;
                        continue;
                    }

                    int s = StarlarkString(text, j, out string? item, out int after);
                    if (s < 0)
                    {
                        return -1; // a list built from expressions: not read
                    }

                    items.Add(item ?? string.Empty);
                    j = after;
                }

                value = ExecForm(items);
                return i;
            }

            int start = StarlarkString(text, i, out value, out end);
            return start;
        }

        private static int StarlarkString(string text, int i, out string? value, out int end)
        {
            value = null;
            end = i;
            if (i >= text.Length || (text[i] != '"' && text[i] != '\''))
            {
                return -1;
            }

            char q = text[i];
            bool triple = i + 2 < text.Length && text[i + 1] == q && text[i + 2] == q;
            int j = i + (triple ? 3 : 1);
            var sb = new System.Text.StringBuilder();
            while (j < text.Length)
            {
                if (text[j] == '\\' && j + 1 < text.Length)
                {
                    sb.Append(text[j + 1]);
                    j += 2;
                    continue;
                }

                if (text[j] == q && (!triple || (j + 2 < text.Length && text[j + 1] == q && text[j + 2] == q)))
                {
                    value = sb.ToString();
                    end = j + (triple ? 3 : 1);
                    return i;
                }

                if (!triple && text[j] == '\n')
                {
                    return -1;
                }

                sb.Append(text[j]);
                j++;
            }

            return -1;
        }

        /// <summary>
        /// Task tables (pixi's <c>[tasks]</c>, <c>[feature.&lt;name&gt;.tasks]</c>, <c>[target.&lt;platform&gt;.tasks]</c>;
        /// pyproject's <c>[tool.pixi.tasks]</c> and poethepoet's <c>[tool.poe.tasks]</c>): a task as a string, or a table's
        /// <c>cmd</c> (or poe's <c>shell</c>), a string or a list.
        /// </summary>
        private static void ReadTaskTables(LauncherFile file, JsonNode node, string path, int depth)
        {
            if (depth > 6 || node.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in node.Properties)
            {
                string at = path.Length == 0 ? p.Name : path + "." + p.Name;
                if (p.Name != "tasks" || p.Value.Kind != JsonKind.Object)
                {
                    ReadTaskTables(file, p.Value, at, depth + 1);
                    continue;
                }

                foreach (JsonProperty task in p.Value.Properties)
                {
                    JsonNode? command = task.Value.Kind == JsonKind.String ? task.Value
                        : task.Value.Kind == JsonKind.Object ? task.Value["cmd"] ?? task.Value["shell"]
                        : null;
                    if (CommandOf(command) is string line)
                    {
                        ReadCommandLine(file, line, at + "." + task.Name, command!.Start.Line, command.Start.Column);
                    }
                }
            }
        }

        /// <summary>The <paramref name="members"/> of a table (and of its <paramref name="tables"/>) that hold a command, a string or a list.</summary>
        private static void ReadMembers(LauncherFile file, JsonNode root, string path, string[] members, string[] tables)
        {
            if (root.Kind != JsonKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in root.Properties)
            {
                string at = path.Length == 0 ? p.Name : path + "." + p.Name;
                if (Array.IndexOf(members, p.Name) >= 0 && CommandOf(p.Value) is string line)
                {
                    ReadCommandLine(file, line, at, p.Value.Start.Line, p.Value.Start.Column);
                }
                else if (Array.IndexOf(tables, p.Name) >= 0)
                {
                    ReadMembers(file, p.Value, at, members, Array.Empty<string>());
                }
            }
        }

        /// <summary>fly.toml: every <c>[processes]</c> command, <c>[deploy] release_command</c>, <c>[experimental] cmd</c>/<c>entrypoint</c>.</summary>
        private static void ReadFly(LauncherFile file, JsonNode root)
        {
            if (root.Kind != JsonKind.Object)
            {
                return;
            }

            if (root["processes"] is JsonNode processes && processes.Kind == JsonKind.Object)
            {
                foreach (JsonProperty p in processes.Properties)
                {
                    if (CommandOf(p.Value) is string line)
                    {
                        ReadCommandLine(file, line, "processes." + p.Name, p.Value.Start.Line, p.Value.Start.Column);
                    }
                }
            }

            foreach (string table in new[] { "deploy", "experimental" })
            {
                if (root[table] is JsonNode t)
                {
                    ReadMembers(file, t, table, new[] { "release_command", "cmd", "entrypoint", "exec" }, Array.Empty<string>());
                }
            }
        }
    }
}
