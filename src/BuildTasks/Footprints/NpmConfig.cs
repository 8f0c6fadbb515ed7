using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// A committed <c>.npmrc</c> that changes what an <c>npx</c>-launched MCP server is (adversary round 6 #4): npm reads the
    /// project's <c>.npmrc</c>, so <c>registry=</c> (or <c>@scope:registry=</c> for the package's scope) fetches the approved
    /// package name from another registry, and <c>node-options=</c> preloads a script before the server's code. Either way
    /// the approved name no longer means the approved bytes. Each file is read once per check.
    /// </summary>
    internal sealed class NpmConfig
    {
        private const string DefaultRegistryHost = "registry.npmjs.org";

        private readonly Dictionary<string, List<Setting>?> _files = new Dictionary<string, List<Setting>?>(StringComparer.Ordinal);

        /// <summary>One <c>key=value</c> line of an <c>.npmrc</c>.</summary>
        internal sealed class Setting
        {
            public Setting(string file, string key, string value, int line, int column)
            {
                File = file;
                Key = key;
                Value = value;
                Line = line;
                Column = column;
            }

            public string File { get; }

            public string Key { get; }

            public string Value { get; }

            public int Line { get; }

            public int Column { get; }
        }

        /// <summary>
        /// The first setting, in the nearest <c>.npmrc</c> from <paramref name="startFolder"/> up to <paramref name="stopAt"/>
        /// (the repository root; only <paramref name="startFolder"/> when null), that changes what <c>npx</c> runs for the npm
        /// package <paramref name="package"/> (<c>pkg:npm/@scope/name</c>), or null.
        /// </summary>
        public Setting? Redirecting(string package, string startFolder, string? stopAt) => Redirecting(package, "npx", startFolder, stopAt);

        /// <summary>
        /// The launcher's name as the messages give it, for a command line (<c>npx</c>, <c>yarn dlx</c>, <c>bunx</c>, <c>bun x</c>).
        /// </summary>
        public static string Runner(IReadOnlyList<string> command)
        {
            string exe = ServerCommand.ExecutableName(command[0]);
            return (exe == "yarn" || exe == "pnpm" || exe == "bun" || exe == "npm") && command.Count > 1 ? exe + " " + command[1] : exe;
        }

        /// <summary>
        /// As <see cref="Redirecting(string, string, string?)"/>, for the launcher <paramref name="runner"/> (<see cref="Runner"/>):
        /// Yarn 2+ (<c>yarn dlx</c>) reads <c>.yarnrc.yml</c> (<c>npmRegistryServer</c>, <c>npmScopes.&lt;scope&gt;.npmRegistryServer</c>)
        /// and not <c>.npmrc</c> (adversary round 9 route 6); <c>bunx</c> reads neither <c>.npmrc</c> nor <c>bunfig.toml</c> (bun
        /// documents both for <c>bun install</c> only; the adversary saw bunx 1.3.14 ask npm's registry with both set), so nothing
        /// here changes what it runs; npx, npm exec and pnpm dlx read <c>.npmrc</c>.
        /// </summary>
        public Setting? Redirecting(string package, string runner, string startFolder, string? stopAt)
        {
            if (runner == "bunx" || runner == "bun x")
            {
                return null;
            }

            bool yarn = runner.StartsWith("yarn", StringComparison.Ordinal);
            string name = package.StartsWith("pkg:npm/", StringComparison.Ordinal) ? package.Substring("pkg:npm/".Length) : package;
            string? scope = name.StartsWith("@", StringComparison.Ordinal) && name.IndexOf('/') > 0 ? name.Substring(0, name.IndexOf('/')) : null;
            string? dir = startFolder;
            while (dir != null)
            {
                List<Setting>? settings = yarn ? ReadYarnrc(Path.Combine(dir, ".yarnrc.yml")) : Read(Path.Combine(dir, ".npmrc"));
                if (settings != null)
                {
                    foreach (Setting s in settings)
                    {
                        if (Redirects(s, scope))
                        {
                            return s;
                        }
                    }
                }

                if (stopAt == null || string.Equals(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(stopAt).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                {
                    break;
                }

                dir = Path.GetDirectoryName(dir);
            }

            return null;
        }

        private static bool Redirects(Setting s, string? scope)
        {
            if (s.Key == "npmRegistryServer" || (scope != null && s.Key == "npmScopes." + scope.Substring(1) + ".npmRegistryServer"))
            {
                // Yarn's default is registry.yarnpkg.com, which serves npm's registry.
                return !IsDefaultRegistry(s.Value) && !IsDefaultRegistry(s.Value, "registry.yarnpkg.com");
            }

            string key = s.Key.ToLowerInvariant();
            if (key == "node-options" || key == "node_options")
            {
                return s.Value.Length > 0;
            }

            bool registry = key == "registry" || (scope != null && string.Equals(key, scope + ":registry", StringComparison.OrdinalIgnoreCase));
            return registry && !IsDefaultRegistry(s.Value);
        }

        /// <summary>npm's own registry (https://registry.npmjs.org/), the one an approved package name refers to.</summary>
        private static bool IsDefaultRegistry(string value, string host = DefaultRegistryHost) =>
            Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps && string.Equals(uri.IdnHost, host, StringComparison.OrdinalIgnoreCase) &&
            (uri.AbsolutePath == "/" || uri.AbsolutePath.Length == 0);

        /// <summary>A <c>.yarnrc.yml</c>'s registry settings: <c>npmRegistryServer</c> and each <c>npmScopes.&lt;scope&gt;.npmRegistryServer</c>.</summary>
        private List<Setting>? ReadYarnrc(string path)
        {
            if (_files.TryGetValue(path, out List<Setting>? cached))
            {
                return cached;
            }

            List<Setting>? settings = null;
            if (File.Exists(path))
            {
                string? text = SourceFile.TryReadText(path, RuleCatalog.UnreadableAssistantFile, "The Yarn configuration", out Finding? _);
                Guardrails.Core.Json.JsonNode? root = null;
                try
                {
                    root = text == null ? null : Formats.YamlReader.Parse(text);
                }
                catch (Guardrails.Core.Json.JsonParseException)
                {
                    root = null; // Yarn reports its own configuration errors
                }

                if (root != null && root.Kind == Guardrails.Core.Json.JsonKind.Object)
                {
                    settings = new List<Setting>();
                    foreach (Guardrails.Core.Json.JsonProperty p in root.Properties)
                    {
                        if (p.Name == "npmRegistryServer" && p.Value.Kind == Guardrails.Core.Json.JsonKind.String)
                        {
                            settings.Add(new Setting(path, p.Name, p.Value.Text ?? string.Empty, p.Value.Start.Line, p.Value.Start.Column));
                        }
                        else if (p.Name == "npmScopes" && p.Value.Kind == Guardrails.Core.Json.JsonKind.Object)
                        {
                            foreach (Guardrails.Core.Json.JsonProperty scope in p.Value.Properties)
                            {
                                Guardrails.Core.Json.JsonNode? server = scope.Value.Kind == Guardrails.Core.Json.JsonKind.Object ? scope.Value["npmRegistryServer"] : null;
                                if (server != null && server.Kind == Guardrails.Core.Json.JsonKind.String)
                                {
                                    settings.Add(new Setting(path, "npmScopes." + scope.Name.TrimStart('@') + ".npmRegistryServer", server.Text ?? string.Empty, server.Start.Line, server.Start.Column));
                                }
                            }
                        }
                    }
                }
            }

            _files[path] = settings;
            return settings;
        }

        private List<Setting>? Read(string path)
        {
            if (_files.TryGetValue(path, out List<Setting>? cached))
            {
                return cached;
            }

            List<Setting>? settings = null;
            if (File.Exists(path))
            {
                string? text = SourceFile.TryReadText(path, RuleCatalog.UnreadableAssistantFile, "The npm configuration", out Finding? _);
                settings = text == null ? null : Parse(path, text);
            }

            _files[path] = settings;
            return settings;
        }

        /// <summary>The <c>key=value</c> lines of an ini-style <c>.npmrc</c> (<c>#</c> and <c>;</c> comments, quoted values).</summary>
        internal static List<Setting> Parse(string path, string text)
        {
            var settings = new List<Setting>();
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                string trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';' || trimmed[0] == '[')
                {
                    continue;
                }

                int eq = trimmed.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                string key = trimmed.Substring(0, eq).Trim();
                string value = trimmed.Substring(eq + 1).Trim().Trim('"', '\'');
                settings.Add(new Setting(path, key, value, i + 1, line.Length - trimmed.Length + 1));
            }

            return settings;
        }
    }
}
