using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// AI relays the repository itself serves on this machine (adversary round 12 route 5: Claude Code pointed at
    /// <c>http://localhost:4000</c>, where the repository's docker compose runs LiteLLM with a <c>model_list</c> that maps the
    /// approved model name to DeepSeek, passed as "loopback: the traffic stays on the machine"). A compose service that
    /// publishes a host port (<c>ports: ["4000:4000"]</c>, the long form's <c>published</c>) is a relay on that port; what it
    /// relays to is read from what is committed: a LiteLLM proxy (the <c>ghcr.io/berriai/litellm</c> or
    /// <c>litellm/litellm</c> image, or a command that runs <c>litellm</c>) sends each model of its config's
    /// <c>model_list</c> (the YAML file a volume mounts) to the provider its <c>litellm_params.api_base</c> or the model's
    /// provider prefix names (<c>deepseek/deepseek-chat</c> → DeepSeek's host in the endpoint catalog); any other service
    /// (one-api, new-api, a custom build) relays to hosts the repository does not say. Ollama's image is a local model
    /// runtime, not a relay.
    /// </summary>
    public static class Relays
    {
        /// <summary>
        /// LiteLLM's provider prefixes (the part of <c>litellm_params.model</c> before the first '/') and the endpoint catalog's
        /// provider each sends the traffic to (<see cref="AiSdkCatalog.Endpoints"/>: the hosts stay in the one catalog). A prefix
        /// not listed relays to a host the repository does not say; <c>ollama</c>/<c>ollama_chat</c>, a local runtime, to none.
        /// </summary>
        private static readonly Dictionary<string, string> LiteLlmProviders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["openai"] = "OpenAI", ["text-completion-openai"] = "OpenAI", ["azure"] = "Microsoft (Azure OpenAI)", ["azure_text"] = "Microsoft (Azure OpenAI)",
            ["azure_ai"] = "Microsoft (Azure AI Foundry)", ["anthropic"] = "Anthropic", ["bedrock"] = "AWS (Bedrock)", ["bedrock_converse"] = "AWS (Bedrock)",
            ["vertex_ai"] = "Google (Vertex AI)", ["vertex_ai_beta"] = "Google (Vertex AI)", ["gemini"] = "Google (Gemini / Vertex AI)",
            ["mistral"] = "Mistral AI", ["codestral"] = "Mistral AI", ["cohere"] = "Cohere", ["cohere_chat"] = "Cohere", ["huggingface"] = "Hugging Face",
            ["groq"] = "Groq", ["xai"] = "xAI", ["deepseek"] = "DeepSeek", ["together_ai"] = "Together AI", ["fireworks_ai"] = "Fireworks AI",
            ["perplexity"] = "Perplexity", ["openrouter"] = "OpenRouter", ["nvidia_nim"] = "NVIDIA NIM", ["cerebras"] = "Cerebras",
            ["replicate"] = "Replicate", ["ai21"] = "AI21 Labs", ["ai21_chat"] = "AI21 Labs", ["moonshot"] = "Moonshot AI", ["deepinfra"] = "DeepInfra",
            ["sambanova"] = "SambaNova", ["novita"] = "Novita AI", ["hyperbolic"] = "Hyperbolic", ["dashscope"] = "Alibaba DashScope (Qwen)",
            ["github"] = "Microsoft (Azure AI Foundry / GitHub Models)", ["github_copilot"] = "GitHub (Copilot)", ["volcengine"] = "Volcengine Ark (Doubao)",
            ["lambda_ai"] = "Lambda", ["baseten"] = "Baseten", ["zai"] = "Zhipu AI",
        };

        /// <summary>Models LiteLLM routes without a prefix, by the start of their name.</summary>
        private static readonly (string Start, string Provider)[] UnprefixedModels =
        {
            ("claude", "anthropic"), ("gpt-", "openai"), ("chatgpt", "openai"), ("o1", "openai"), ("o3", "openai"), ("o4", "openai"),
            ("text-embedding", "openai"), ("gemini", "gemini"), ("deepseek", "deepseek"), ("grok", "xai"), ("mistral", "mistral"), ("codestral", "mistral"),
        };

        /// <summary>The LiteLLM provider prefixes (for tests: each names a provider of the endpoint catalog).</summary>
        public static IReadOnlyDictionary<string, string> LiteLlmProviderNames => LiteLlmProviders;

        /// <summary>
        /// The port a relay is filed under when the repository publishes it on a host port the committed files do not fix
        /// (<c>ports: ["${LITELLM_PORT}:4000"]</c>, a host-network service that listens where its image decides): every
        /// loopback port is judged by it.
        /// </summary>
        public const int AnyPort = 0;

        /// <summary>LiteLLM proxy's default port (its <c>--port</c> default).</summary>
        private const int LiteLlmDefaultPort = 4000;

        /// <summary>
        /// The relays committed compose files publish, by host port (<see cref="AnyPort"/> for one whose port is not fixed):
        /// every compose file the launcher readers know, the files they <c>include:</c> (adversary round 14 route 6), and the
        /// <c>services:</c> containers of the GitHub Actions workflows, which a job's steps reach at localhost.
        /// </summary>
        public static Dictionary<int, Relay> Find(IEnumerable<string> levels, string? repositoryRoot)
        {
            var relays = new Dictionary<int, Relay>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var levelList = new List<string>(levels);
            foreach (string compose in Launchers.ComposeFiles(levelList, repositoryRoot))
            {
                ReadComposeFile(compose, repositoryRoot, relays, seen, 0);
            }

            var folders = new List<string>(levelList);
            if (repositoryRoot != null && !folders.Contains(repositoryRoot))
            {
                folders.Add(repositoryRoot);
            }

            foreach (string folder in folders)
            {
                string workflows = Path.Combine(folder, ".github", "workflows");
                string[] files;
                try
                {
                    files = Directory.Exists(workflows) ? Directory.GetFiles(workflows) : new string[0];
                }
                catch (Exception e) when (FootprintDiscovery.IsIoException(e))
                {
                    continue;
                }

                Array.Sort(files, StringComparer.Ordinal);
                foreach (string workflow in files)
                {
                    if ((workflow.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || workflow.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)) && seen.Add(Path.GetFullPath(workflow)))
                    {
                        JsonNode? jobs = Parse(workflow)?["jobs"];
                        foreach (JsonProperty job in jobs != null && jobs.Kind == JsonKind.Object ? jobs.Properties : new List<JsonProperty>())
                        {
                            // a service container's volumes are the workspace's paths: relative to the repository's folder
                            AddServices(job.Value.Kind == JsonKind.Object ? job.Value["services"] : null, workflow, folder, repositoryRoot, relays);
                        }
                    }
                }
            }

            return relays;
        }

        private static JsonNode? Parse(string path)
        {
            string? text = SourceFile.TryReadText(path, RuleCatalog.UnreadableAssistantFile, "The compose file", out Finding? _);
            JsonNode? root = text == null ? null : YamlReader.TryParse(text, out JsonParseException? _);
            return root != null && root.Kind == JsonKind.Object ? root : null;
        }

        /// <summary>A compose file's services, and those of the files its <c>include:</c> names (a string, or an object's <c>path</c>), each once.</summary>
        private static void ReadComposeFile(string compose, string? repositoryRoot, Dictionary<int, Relay> relays, HashSet<string> seen, int depth)
        {
            if (depth > 8 || !seen.Add(Path.GetFullPath(compose)))
            {
                return;
            }

            JsonNode? root = Parse(compose);
            if (root == null)
            {
                return;
            }

            string folder = Path.GetDirectoryName(Path.GetFullPath(compose))!;
            AddServices(root["services"], compose, folder, repositoryRoot, relays);
            JsonNode? include = root["include"];
            foreach (JsonNode item in include != null && include.Kind == JsonKind.Array ? include.Items : new List<JsonNode>())
            {
                JsonNode? path = item.Kind == JsonKind.Object ? item["path"] : item;
                foreach (JsonNode p in path != null && path.Kind == JsonKind.Array ? path.Items : path != null ? new List<JsonNode> { path } : new List<JsonNode>())
                {
                    string? relative = p.Kind == JsonKind.String ? p.Text : null;
                    if (string.IsNullOrWhiteSpace(relative) || relative!.IndexOf("://", StringComparison.Ordinal) >= 0)
                    {
                        continue;
                    }

                    string full;
                    try
                    {
                        full = Path.GetFullPath(Path.Combine(folder, relative.Trim().Replace('/', Path.DirectorySeparatorChar)));
                    }
                    catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
                    {
                        continue;
                    }

                    if (File.Exists(full))
                    {
                        ReadComposeFile(full, repositoryRoot, relays, seen, depth + 1);
                    }
                }
            }
        }

        private static void AddServices(JsonNode? services, string file, string folder, string? repositoryRoot, Dictionary<int, Relay> relays)
        {
            if (services == null || services.Kind != JsonKind.Object)
            {
                return;
            }

            string shownFile = Shown(file, repositoryRoot);
            foreach (JsonProperty service in services.Properties)
            {
                if (service.Value.Kind != JsonKind.Object)
                {
                    continue;
                }

                List<int> ports = PublishedPorts(service.Value);
                bool hostNetwork = string.Equals((service.Value["network_mode"]?.Text ?? string.Empty).Trim(), "host", StringComparison.OrdinalIgnoreCase);
                if (ports.Count == 0 && !hostNetwork)
                {
                    continue;
                }

                Relay? relay = Read(service, folder, shownFile, repositoryRoot);
                if (relay == null)
                {
                    continue;
                }

                if (hostNetwork)
                {
                    // network_mode: host: the service listens on the host's own ports, with no ports: list (round 14 route 6)
                    ports.Add(relay.Kind == "LiteLLM" ? ListenPort(service.Value) ?? LiteLlmDefaultPort : AnyPort);
                }

                foreach (int port in ports)
                {
                    if (!relays.ContainsKey(port))
                    {
                        relays[port] = relay;
                    }
                }
            }
        }

        /// <summary>The port a service's command gives LiteLLM (<c>--port 4000</c>, <c>--port=4000</c>), or null.</summary>
        private static int? ListenPort(JsonNode service)
        {
            string commandLine = (Launchers.CommandOf(service["entrypoint"]) ?? string.Empty) + " " + (Launchers.CommandOf(service["command"]) ?? string.Empty);
            foreach (List<string> words in Launchers.SimpleCommands(commandLine, 0))
            {
                for (int i = 0; i < words.Count; i++)
                {
                    string? value = words[i] == "--port" && i + 1 < words.Count ? words[i + 1] : words[i].StartsWith("--port=", StringComparison.Ordinal) ? words[i].Substring(7) : null;
                    if (value != null && int.TryParse(value, out int port) && port > 0 && port < 65536)
                    {
                        return port;
                    }
                }
            }

            return null;
        }

        /// <summary>The configuration files relays read (for an incremental build's inputs).</summary>
        public static IEnumerable<string> ConfigFiles(IEnumerable<string> levels, string? repositoryRoot)
        {
            foreach (Relay relay in Find(levels, repositoryRoot).Values)
            {
                foreach (string config in relay.ConfigFiles)
                {
                    yield return config;
                }
            }
        }

        /// <summary>What the service relays to; null for a service that is no relay (Ollama's local runtime).</summary>
        private static Relay? Read(JsonProperty service, string composeFolder, string shownFile, string? repositoryRoot)
        {
            string image = (service.Value["image"]?.Text ?? string.Empty).Trim().ToLowerInvariant();
            string commandLine = (Launchers.CommandOf(service.Value["entrypoint"]) ?? string.Empty) + " " + (Launchers.CommandOf(service.Value["command"]) ?? string.Empty);
            var relay = new Relay(service.Name, shownFile, service.NameStart.Line);
            if (image.StartsWith("ollama/ollama", StringComparison.Ordinal) || image.IndexOf("/ollama/ollama", StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            List<string> baked = new List<string>();
            string? dockerfile = BuildDockerfile(service.Value, composeFolder);
            bool liteLlm = IsLiteLlmImage(image) || RunsLiteLlm(commandLine) || (dockerfile != null && ReadDockerfile(dockerfile, baked));
            if (!liteLlm)
            {
                relay.Kind = image.IndexOf("one-api", StringComparison.Ordinal) >= 0 ? "one-api" : image.IndexOf("new-api", StringComparison.Ordinal) >= 0 ? "new-api" : null;
                relay.UpstreamUnknown = true;
                return relay;
            }

            relay.Kind = "LiteLLM";
            List<string> configs = MountedYamlFiles(service.Value, composeFolder);
            configs.AddRange(baked.FindAll(b => !configs.Contains(b)));
            foreach (string config in configs)
            {
                relay.ConfigFiles.Add(config);
                ReadLiteLlmConfig(relay, config, Shown(config, repositoryRoot));
            }

            if (relay.ConfigFiles.Count == 0)
            {
                relay.UpstreamUnknown = true; // its config is baked into an image or read from elsewhere
            }

            return relay;
        }

        private static bool IsLiteLlmImage(string image) =>
            image.IndexOf("berriai/litellm", StringComparison.Ordinal) >= 0 || image.StartsWith("litellm/litellm", StringComparison.Ordinal) ||
            image.IndexOf("/litellm/litellm", StringComparison.Ordinal) >= 0;

        /// <summary>The Dockerfile a service's <c>build</c> names (a context folder, or <c>context</c> + <c>dockerfile</c>), if it exists.</summary>
        private static string? BuildDockerfile(JsonNode service, string composeFolder)
        {
            JsonNode? build = service["build"];
            string? context = build?.Kind == JsonKind.String ? build.Text : build?.Kind == JsonKind.Object ? build["context"]?.Text ?? "." : null;
            if (string.IsNullOrWhiteSpace(context) || context!.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            string name = build!.Kind == JsonKind.Object && build["dockerfile"]?.Text is string d && d.Length > 0 ? d : "Dockerfile";
            try
            {
                string folder = Path.GetFullPath(Path.Combine(composeFolder, context.Replace('/', Path.DirectorySeparatorChar)));
                string path = Path.GetFullPath(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)));
                return File.Exists(path) ? path : File.Exists(Path.Combine(folder, "Containerfile")) && name == "Dockerfile" ? Path.Combine(folder, "Containerfile") : null;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e) || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>
        /// A relay's Dockerfile: true when it builds on LiteLLM's image (<c>FROM ghcr.io/berriai/litellm…</c>) or runs
        /// <c>litellm</c> (<c>RUN pip install 'litellm[proxy]'</c> with <c>CMD ["litellm", "--config", …]</c>); the YAML files it
        /// copies from its folder (<c>COPY config.yaml /app/config.yaml</c>) go to <paramref name="configs"/>.
        /// </summary>
        private static bool ReadDockerfile(string path, List<string> configs)
        {
            string? text = SourceFile.TryReadText(path, RuleCatalog.UnreadableAssistantFile, "The relay's Dockerfile", out Finding? _);
            if (text == null)
            {
                return false;
            }

            bool liteLlm = false;
            string folder = Path.GetDirectoryName(path)!;
            foreach ((int _, int _, string content) in Launchers.JoinedLines(text))
            {
                string[] words = content.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                string instruction = words.Length > 0 ? words[0].ToUpperInvariant() : string.Empty;
                if (instruction == "FROM")
                {
                    foreach (string w in words)
                    {
                        liteLlm |= !w.StartsWith("-", StringComparison.Ordinal) && IsLiteLlmImage(w.ToLowerInvariant());
                    }
                }
                else if (instruction == "RUN" || instruction == "CMD" || instruction == "ENTRYPOINT")
                {
                    string rest = content.Substring(words[0].Length).Trim();
                    liteLlm |= RunsLiteLlm(rest.StartsWith("[", StringComparison.Ordinal) ? rest.Replace("\"", " ").Replace(",", " ").Trim('[', ']') : rest) ||
                               rest.IndexOf("litellm[proxy]", StringComparison.OrdinalIgnoreCase) >= 0;
                }
                else if ((instruction == "COPY" || instruction == "ADD") && words.Length >= 3)
                {
                    for (int i = 1; i < words.Length - 1; i++)
                    {
                        string source = words[i];
                        if (!source.StartsWith("-", StringComparison.Ordinal) && (source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
                        {
                            try
                            {
                                string full = Path.GetFullPath(Path.Combine(folder, source.Replace('/', Path.DirectorySeparatorChar)));
                                if (File.Exists(full) && !configs.Contains(full))
                                {
                                    configs.Add(full);
                                }
                            }
                            catch (Exception e) when (FootprintDiscovery.IsIoException(e) || e is ArgumentException || e is NotSupportedException)
                            {
                                // not a file of the build context
                            }
                        }
                    }
                }
            }

            return liteLlm;
        }

        private static bool RunsLiteLlm(string commandLine)
        {
            foreach (List<string> words in Launchers.SimpleCommands(commandLine, 0))
            {
                if (words.Count > 0 && (ServerCommand.ExecutableName(words[0]) == "litellm" ||
                    (words.Count > 2 && words[1] == "-m" && words[2] == "litellm")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The host ports a service publishes: <c>"4000:4000"</c>, <c>"127.0.0.1:4000:4000/tcp"</c>, <c>"[::1]:4000:4000"</c>, a
        /// range <c>"4000-4001:4000-4001"</c>, and the long form's <c>published</c>. A container port alone is given a random host port: none.
        /// </summary>
        internal static List<int> PublishedPorts(JsonNode service)
        {
            var ports = new List<int>();
            JsonNode? list = service["ports"];
            if (list == null || list.Kind != JsonKind.Array)
            {
                return ports;
            }

            foreach (JsonNode item in list.Items)
            {
                string? published = null;
                if (item.Kind == JsonKind.Object)
                {
                    published = item["published"]?.Text is string p ? Interpolate(p) : null;
                }
                else if (item.Kind == JsonKind.String || item.Kind == JsonKind.Number)
                {
                    string spec = Interpolate((item.Text ?? string.Empty).Trim());
                    int slash = spec.IndexOf('/');
                    spec = slash >= 0 ? spec.Substring(0, slash) : spec;
                    if (spec.StartsWith("[", StringComparison.Ordinal) && spec.IndexOf("]:", StringComparison.Ordinal) > 0)
                    {
                        spec = spec.Substring(spec.IndexOf("]:", StringComparison.Ordinal) + 2); // [::1]:4000:4000
                    }

                    string[] parts = spec.Split(':');
                    published = parts.Length >= 2 ? parts[parts.Length - 2] : null;
                }

                AddPorts(ports, published);
            }

            return ports;
        }

        /// <summary>
        /// Compose's interpolation in a port (adversary round 14 route 6): <c>${NAME:-4000}</c> and <c>${NAME-4000}</c> are their
        /// default; a variable with none (<c>${NAME}</c>, <c>$NAME</c>, <c>${NAME:?err}</c>) is a port the files do not fix, "*".
        /// </summary>
        private static string Interpolate(string spec)
        {
            var text = new System.Text.StringBuilder(spec.Length);
            for (int i = 0; i < spec.Length; i++)
            {
                if (spec[i] != '$' || i + 1 >= spec.Length)
                {
                    text.Append(spec[i]);
                }
                else if (spec[i + 1] == '$')
                {
                    text.Append('$'); // $$ is a literal dollar
                    i++;
                }
                else if (spec[i + 1] == '{' && spec.IndexOf('}', i + 2) is int close && close > 0)
                {
                    string inner = spec.Substring(i + 2, close - i - 2);
                    int dash = inner.IndexOf(":-", StringComparison.Ordinal) >= 0 ? inner.IndexOf(":-", StringComparison.Ordinal) : -1;
                    int plain = dash < 0 ? inner.IndexOf('-') : -1;
                    text.Append(dash >= 0 ? inner.Substring(dash + 2) : plain > 0 ? inner.Substring(plain + 1) : "*");
                    i = close;
                }
                else
                {
                    int end = i + 1;
                    while (end < spec.Length && (char.IsLetterOrDigit(spec[end]) || spec[end] == '_'))
                    {
                        end++;
                    }

                    text.Append(end > i + 1 ? "*" : "$");
                    i = end - 1;
                }
            }

            return text.ToString();
        }

        private static void AddPorts(List<int> ports, string? published)
        {
            if (string.IsNullOrWhiteSpace(published))
            {
                return;
            }

            if (published!.IndexOf('*') >= 0)
            {
                ports.Add(AnyPort);
                return;
            }

            string[] range = published!.Trim().Split('-');
            if (int.TryParse(range[0], out int first) && first > 0 && first < 65536)
            {
                int last = range.Length == 2 && int.TryParse(range[1], out int l) && l >= first && l - first < 256 ? l : first;
                for (int p = first; p <= last; p++)
                {
                    ports.Add(p);
                }
            }
        }

        /// <summary>The YAML files a service mounts from the repository (<c>./deploy/llm/config.yaml:/app/config.yaml</c>, or a bind's <c>source</c>).</summary>
        private static List<string> MountedYamlFiles(JsonNode service, string composeFolder)
        {
            var files = new List<string>();
            JsonNode? volumes = service["volumes"];
            if (volumes == null || volumes.Kind != JsonKind.Array)
            {
                return files;
            }

            foreach (JsonNode v in volumes.Items)
            {
                string? source = v.Kind == JsonKind.String ? (v.Text ?? string.Empty).Split(':')[0] : v.Kind == JsonKind.Object ? v["source"]?.Text : null;
                if (string.IsNullOrWhiteSpace(source) || !(source!.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("/", StringComparison.Ordinal)) ||
                    !(source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                try
                {
                    string full = Path.GetFullPath(Path.Combine(composeFolder, source.Replace('/', Path.DirectorySeparatorChar)));
                    if (File.Exists(full) && !files.Contains(full))
                    {
                        files.Add(full);
                    }
                }
                catch (Exception e) when (FootprintDiscovery.IsIoException(e) || e is ArgumentException || e is NotSupportedException)
                {
                    // a path .NET does not take names no file the relay reads here
                }
            }

            return files;
        }

        /// <summary>
        /// A LiteLLM proxy config: each <c>model_list[].litellm_params</c> — its literal <c>api_base</c>'s host, else the
        /// catalog host of the provider its model's prefix names. A model whose provider the catalog does not hold, or an
        /// <c>api_base</c> from the environment without a known prefix, makes the relay's upstream unknown.
        /// </summary>
        private static void ReadLiteLlmConfig(Relay relay, string path, string shown)
        {
            string? text = SourceFile.TryReadText(path, RuleCatalog.UnreadableAssistantFile, "The relay's configuration", out Finding? _);
            JsonNode? root = text == null ? null : YamlReader.TryParse(text, out JsonParseException? _);
            JsonNode? models = root != null && root.Kind == JsonKind.Object ? root["model_list"] : null;
            if (models == null || models.Kind != JsonKind.Array)
            {
                relay.UpstreamUnknown = true;
                return;
            }

            foreach (JsonNode entry in models.Items)
            {
                JsonNode? parameters = entry.Kind == JsonKind.Object ? entry["litellm_params"] : null;
                JsonNode? model = parameters != null && parameters.Kind == JsonKind.Object ? parameters["model"] : null;
                if (model == null || model.Kind != JsonKind.String || string.IsNullOrWhiteSpace(model.Text))
                {
                    continue;
                }

                string name = model.Text!.Trim();
                string what = "model '" + Text.Show(name, 80) + "' of " + shown + " line " + model.Start.Line;
                string? apiBase = parameters!["api_base"]?.Text;
                if (!string.IsNullOrWhiteSpace(apiBase) && !CredentialValues.HasVariable(apiBase!) && !apiBase!.StartsWith("os.environ/", StringComparison.Ordinal) &&
                    HostPattern.TryExtractHost(apiBase, out string host))
                {
                    relay.Upstreams.Add(new RelayUpstream(host, what));
                    continue;
                }

                string? provider = ProviderOf(name, out bool local);
                if (local)
                {
                    continue;
                }

                string? providerHost = provider == null ? null : HostOf(provider);
                if (providerHost == null)
                {
                    relay.UpstreamUnknown = true;
                    relay.UnknownModels.Add(what);
                    continue;
                }

                relay.Upstreams.Add(new RelayUpstream(providerHost, what));
            }
        }

        private static string? ProviderOf(string model, out bool local)
        {
            int slash = model.IndexOf('/');
            string prefix = slash > 0 ? model.Substring(0, slash) : string.Empty;
            local = prefix == "ollama" || prefix == "ollama_chat";
            if (prefix.Length == 0)
            {
                foreach ((string start, string p) in UnprefixedModels)
                {
                    if (model.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                    {
                        prefix = p;
                        break;
                    }
                }
            }

            return prefix.Length > 0 && LiteLlmProviders.TryGetValue(prefix, out string? provider) ? provider : null;
        }

        /// <summary>The first host of <paramref name="provider"/> in the endpoint catalog (a wildcard label kept: <c>*.openai.azure.com</c>).</summary>
        internal static string? HostOf(string provider)
        {
            foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
            {
                if (endpoint.Provider == provider && endpoint.HostPatterns.Count > 0)
                {
                    return endpoint.HostPatterns[0];
                }
            }

            return null;
        }

        private static string Shown(string path, string? repositoryRoot)
        {
            if (repositoryRoot != null)
            {
                string root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                string full = Path.GetFullPath(path);
                if (full.StartsWith(root, StringComparison.Ordinal))
                {
                    return full.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/');
                }
            }

            return Path.GetFileName(path);
        }
    }

    /// <summary>A compose service that publishes a port on this machine, and what it relays the traffic to.</summary>
    public sealed class Relay
    {
        public Relay(string service, string file, int line)
        {
            Service = service;
            File = file;
            Line = line;
        }

        public string Service { get; }

        /// <summary>The compose file, relative to the repository root.</summary>
        public string File { get; }

        public int Line { get; }

        /// <summary>"LiteLLM", "one-api", "new-api", or null for a service the check does not know.</summary>
        public string? Kind { get; set; }

        public List<RelayUpstream> Upstreams { get; } = new List<RelayUpstream>();

        /// <summary>True when some traffic goes where the committed files do not say (no config read, a provider the catalog lacks).</summary>
        public bool UpstreamUnknown { get; set; }

        public List<string> UnknownModels { get; } = new List<string>();

        public List<string> ConfigFiles { get; } = new List<string>();

        public string Describe() => "service '" + Service + "' of " + File + (Kind != null ? ", a " + Kind + " relay" : string.Empty);
    }

    /// <summary>A host a relay sends traffic to, and why (the model entry that routes there).</summary>
    public sealed class RelayUpstream
    {
        public RelayUpstream(string host, string what)
        {
            Host = host;
            What = what;
        }

        public string Host { get; }

        public string What { get; }
    }
}
