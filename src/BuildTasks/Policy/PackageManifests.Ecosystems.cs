using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Adversary round 11 routes 5, 6 and 8: the package files of the other ecosystems a .NET repository carries beside its
    /// projects, and the package declarations that live inside code files, read into the same package URLs and judged by
    /// the same evaluator as npm and PyPI:
    /// <list type="bullet">
    /// <item>Go: <c>go.mod</c> (<c>require</c>, and a <c>replace</c> target: the module the build really fetches), <c>go.sum</c>
    /// (every module the build may fetch; what the <c>go.mod</c> beside it declares is reported there).</item>
    /// <item>Rust: <c>Cargo.toml</c> (<c>[dependencies]</c>, dev/build, <c>[target.*]</c>, <c>[workspace.dependencies]</c>;
    /// a renamed dependency <c>x = { package = "async-openai" }</c> is the crate it names), <c>Cargo.lock</c>.</item>
    /// <item>Java: <c>pom.xml</c> dependencies (any <c>&lt;dependency&gt;</c>, incl. dependencyManagement and plugin
    /// dependencies), Gradle build scripts (<c>"group:artifact:version"</c> and <c>group: …, name: …</c> notations) and
    /// version catalogs (<c>*.versions.toml</c> <c>[libraries]</c>).</item>
    /// <item>Ruby: <c>Gemfile</c>, <c>*.gemspec</c> (<c>add_dependency</c> and its runtime/development forms), <c>Gemfile.lock</c>.</item>
    /// <item>PHP: <c>composer.json</c> (<c>require</c>, <c>require-dev</c>), <c>composer.lock</c>.</item>
    /// <item>Python beyond its package files: a script's PEP 723 <c># /// script</c> block (<c>uv run</c>, <c>pipx run</c> install
    /// its <c>dependencies</c>), <c>tox.ini</c> <c>deps</c>, <c>.pre-commit-config.yaml</c> <c>additional_dependencies</c>
    /// (PyPI, or npm for a <c>language: node</c> hook), <c>pixi.toml</c> <c>[pypi-dependencies]</c>.</item>
    /// <item>JavaScript with no <c>package.json</c>: Deno's <c>deno.json</c>/<c>deno.jsonc</c> <c>imports</c>, <c>npm:</c>
    /// specifiers in code, and packages loaded from an ESM CDN (<c>esm.sh</c>, <c>cdn.jsdelivr.net/npm</c>, <c>unpkg.com</c>,
    /// <c>cdn.skypack.dev</c>, <c>esm.run</c>, <c>ga.jspm.io</c>) by <c>import</c>, <c>&lt;script src&gt;</c> or an import map.</item>
    /// </list>
    /// </summary>
    public static partial class PackageManifests
    {
        private static readonly string[] CodeWithImports = { ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".html", ".htm", ".cshtml", ".razor", ".vue", ".svelte" };

        /// <summary>Whether <paramref name="name"/> (a lower-case file name) is one of this part's files.</summary>
        private static bool IsOtherEcosystemFile(string name)
        {
            switch (name)
            {
                case "go.mod":
                case "go.sum":
                case "cargo.toml":
                case "cargo.lock":
                case "pom.xml":
                case "build.gradle":
                case "build.gradle.kts":
                case "settings.gradle":
                case "settings.gradle.kts":
                case "gemfile":
                case "gems.rb":
                case "gemfile.lock":
                case "gems.locked":
                case "composer.json":
                case "composer.lock":
                case "tox.ini":
                case ".pre-commit-config.yaml":
                case ".pre-commit-config.yml":
                case "pixi.toml":
                case "deno.json":
                case "deno.jsonc":
                case "environment.yml":
                case "environment.yaml":
                    return true;
            }

            return name.EndsWith(".gemspec", StringComparison.Ordinal) || name.EndsWith(".versions.toml", StringComparison.Ordinal) ||
                   name.EndsWith(".py", StringComparison.Ordinal) || HasCodeImports(name);
        }

        private static bool HasCodeImports(string name)
        {
            foreach (string ext in CodeWithImports)
            {
                if (name.EndsWith(ext, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Parses one of this part's files; false when <paramref name="name"/> is none of them.</summary>
        private static bool ParseOtherEcosystem(string path, string name, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            switch (name)
            {
                case "go.mod":
                    GoMod(path, text, found);
                    return true;
                case "go.sum":
                    GoSum(path, text, found);
                    return true;
                case "cargo.toml":
                    CargoToml(path, text, found, problems);
                    return true;
                case "cargo.lock":
                    LockPackages(path, Toml(path, text, problems)?["package"], PackageEcosystem.Cargo, DeclaredBeside(path, "Cargo.toml"), found, requireSource: true);
                    return true;
                case "pom.xml":
                    Pom(path, text, found, problems);
                    return true;
                case "build.gradle":
                case "build.gradle.kts":
                case "settings.gradle":
                case "settings.gradle.kts":
                    Gradle(path, text, found);
                    return true;
                case "gemfile":
                case "gems.rb":
                    Gemfile(path, text, found);
                    return true;
                case "gemfile.lock":
                case "gems.locked":
                    GemfileLock(path, text, found);
                    return true;
                case "composer.json":
                    ComposerJson(path, text, found, problems);
                    return true;
                case "composer.lock":
                    ComposerLock(path, text, found, problems);
                    return true;
                case "tox.ini":
                    ToxIni(path, text, found);
                    return true;
                case ".pre-commit-config.yaml":
                case ".pre-commit-config.yml":
                    PreCommit(path, text, found, problems);
                    return true;
                case "pixi.toml":
                    Pixi(path, text, found, problems);
                    return true;
                case "deno.json":
                case "deno.jsonc":
                    Deno(path, text, found, problems);
                    return true;
                case "environment.yml":
                case "environment.yaml":
                    CondaEnvironment(path, text, found, problems);
                    return true;
                case "setup.py":
                    SetupPy(path, text, found);
                    InlineScriptMetadata(path, text, found, problems);
                    return true;
            }

            if (name.EndsWith(".gemspec", StringComparison.Ordinal))
            {
                Gemspec(path, text, found);
                return true;
            }

            if (name.EndsWith(".versions.toml", StringComparison.Ordinal))
            {
                GradleVersionCatalog(path, text, found, problems);
                return true;
            }

            if (name.EndsWith(".py", StringComparison.Ordinal))
            {
                InlineScriptMetadata(path, text, found, problems);
                return true;
            }

            if (HasCodeImports(name))
            {
                CodeImports(path, text, found);
                return true;
            }

            return false;
        }

        /// <summary>The sentence a GRD2xx message gives for where a package of these files comes from; null for other files.</summary>
        private static string? OtherEcosystemOrigin(string name)
        {
            switch (name)
            {
                case "go.sum":
                case "cargo.lock":
                case "gemfile.lock":
                case "gems.locked":
                case "composer.lock":
                    return "installed by the packages of " + name + " (a package another one brings in; the " + EcosystemTool(name) + " fetches it, no project of the repository compiles that code)";
                case "deno.json":
                case "deno.jsonc":
                    return "imported through " + name + " (Deno downloads it for the repository's code, which no project of the repository compiles)";
                case "tox.ini":
                case ".pre-commit-config.yaml":
                case ".pre-commit-config.yml":
                case "pixi.toml":
                    return "declared in " + name + " (the tool installs it for the repository's tooling, which no project of the repository compiles)";
            }

            if (name.EndsWith(".py", StringComparison.Ordinal))
            {
                return "declared in the script's inline metadata (# /// script: uv run, pipx run and hatch install it when the script runs)";
            }

            if (HasCodeImports(name))
            {
                return "imported in code by an npm: specifier or from a CDN (the runtime or the browser downloads it; no package.json and no project of the repository lists it)";
            }

            return IsOtherEcosystemFile(name) ? "declared in " + name + " (the " + EcosystemTool(name) + " fetches it for the repository's code in that language, which no project of the repository compiles)" : null;
        }

        private static string EcosystemTool(string name) =>
            name.StartsWith("go.", StringComparison.Ordinal) ? "Go toolchain"
            : name.StartsWith("cargo", StringComparison.Ordinal) ? "Rust toolchain (cargo)"
            : name.StartsWith("gem", StringComparison.Ordinal) || name.EndsWith(".gemspec", StringComparison.Ordinal) ? "Ruby toolchain (Bundler)"
            : name.StartsWith("composer", StringComparison.Ordinal) ? "PHP toolchain (Composer)"
            : "Java toolchain (Maven or Gradle)";

        // ---------------- Go ----------------

        private static void GoMod(string path, string text, List<DeclaredPackage> found)
        {
            string block = string.Empty;
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                int comment = l.IndexOf("//", StringComparison.Ordinal);
                string t = (comment >= 0 ? l.Substring(0, comment) : l).Trim();
                if (t.Length == 0)
                {
                    continue;
                }

                if (block.Length > 0)
                {
                    if (t == ")")
                    {
                        block = string.Empty;
                        continue;
                    }

                    GoDirective(path, block, t, l, line, found);
                    continue;
                }

                int space = t.IndexOfAny(new[] { ' ', '\t' });
                if (space < 0)
                {
                    continue;
                }

                string verb = t.Substring(0, space);
                string rest = t.Substring(space + 1).Trim();
                if (verb != "require" && verb != "replace" && verb != "tool")
                {
                    continue;
                }

                if (rest == "(")
                {
                    block = verb;
                    continue;
                }

                GoDirective(path, verb, rest, l, line, found);
            }
        }

        /// <summary>One require line (<c>module version</c>) or replace line (<c>old [v] =&gt; new [v]</c>: the new module is fetched).</summary>
        private static void GoDirective(string path, string verb, string body, string rawLine, int line, List<DeclaredPackage> found)
        {
            if (verb == "replace")
            {
                int arrow = body.IndexOf("=>", StringComparison.Ordinal);
                if (arrow < 0)
                {
                    return;
                }

                body = body.Substring(arrow + 2).Trim();
            }

            string[] words = body.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return;
            }

            string module = words[0].Trim('"', '`');
            if (module.StartsWith(".", StringComparison.Ordinal) || module.StartsWith("/", StringComparison.Ordinal) || module.IndexOf('.') < 0)
            {
                return; // a local directory, or not a module path
            }

            int column = rawLine.IndexOf(words[0], StringComparison.Ordinal) + 1;
            Add(found, PackageEcosystem.Golang, module, words.Length > 1 && verb != "tool" ? words[1].Trim('"', '`') : string.Empty, path, line, column);
        }

        /// <summary>go.sum: every module the build may fetch, once each (its go.mod-only line is the same module).</summary>
        private static void GoSum(string path, string text, List<DeclaredPackage> found)
        {
            HashSet<string> direct = DeclaredBeside(path, "go.mod");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string[] words = raw.Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2 || !seen.Add(words[0]))
                {
                    continue;
                }

                string version = words[1].EndsWith("/go.mod", StringComparison.Ordinal) ? words[1].Substring(0, words[1].Length - "/go.mod".Length) : words[1];
                if (!direct.Contains(PackageEcosystem.PackageUrl(PackageEcosystem.Golang, words[0])))
                {
                    Add(found, PackageEcosystem.Golang, words[0], version, path, line, raw.IndexOf(words[0], StringComparison.Ordinal) + 1);
                }
            }
        }

        // ---------------- Rust ----------------

        private static readonly string[] CargoSections = { "dependencies", "dev-dependencies", "build-dependencies", "dev_dependencies", "build_dependencies" };

        private static void CargoToml(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Toml(path, text, problems);
            if (root == null)
            {
                return;
            }

            CargoTables(path, root, found);
            if (root["target"] is { IsObject: true } targets)
            {
                foreach (JsonProperty target in targets.Properties)
                {
                    CargoTables(path, target.Value, found);
                }
            }

            CargoTable(path, root["workspace"]?["dependencies"], found);
        }

        private static void CargoTables(string path, JsonNode node, List<DeclaredPackage> found)
        {
            foreach (string section in CargoSections)
            {
                CargoTable(path, node[section], found);
            }
        }

        /// <summary>name = "1.0" or name = { version = "1.0", package = "real-name", … }: the crate is the package it names.</summary>
        private static void CargoTable(string path, JsonNode? table, List<DeclaredPackage> found)
        {
            if (table == null || !table.IsObject)
            {
                return;
            }

            foreach (JsonProperty dep in table.Properties)
            {
                JsonNode? version = dep.Value.IsObject ? dep.Value["version"] : dep.Value;
                string crate = dep.Value.IsObject && dep.Value["package"] is { IsString: true } renamed ? renamed.Text ?? dep.Name : dep.Name;
                Add(found, PackageEcosystem.Cargo, crate, version is { IsString: true } ? (version.Text ?? string.Empty).Trim() : string.Empty, path, dep.NameStart.Line, dep.NameStart.Column);
            }
        }

        /// <summary>A TOML lock's <c>[[package]]</c> entries (Cargo.lock): name and version; with <paramref name="requireSource"/> only fetched ones (not the workspace's own crates).</summary>
        private static void LockPackages(string path, JsonNode? packages, string ecosystem, HashSet<string> direct, List<DeclaredPackage> found, bool requireSource)
        {
            if (packages == null || !packages.IsArray)
            {
                return;
            }

            foreach (JsonNode package in packages.Items)
            {
                JsonNode? name = package.IsObject ? package["name"] : null;
                if (name == null || !name.IsString || (requireSource && package["source"] == null))
                {
                    continue;
                }

                if (!direct.Contains(PackageEcosystem.PackageUrl(ecosystem, name.Text ?? string.Empty)))
                {
                    Add(found, ecosystem, name.Text ?? string.Empty, package["version"]?.Text ?? string.Empty, path, name.Start.Line, name.Start.Column);
                }
            }
        }

        // ---------------- Java ----------------

        /// <summary>pom.xml: every &lt;dependency&gt; element's own groupId and artifactId (not an exclusion's), at the dependency's line.</summary>
        private static void Pom(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, MaxCharactersFromEntities = 1024 };
            try
            {
                Dictionary<string, string> properties = PomProperties(text, settings); // adversary round 13 route 9: ${ai.group}
                using var reader = XmlReader.Create(new StringReader(text), settings);
                var info = (IXmlLineInfo)reader;
                int dependencyDepth = -1, line = 0, column = 0;
                string? group = null, artifact = null, version = null, field = null;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        if (reader.LocalName == "dependency" && dependencyDepth < 0)
                        {
                            dependencyDepth = reader.Depth;
                            line = info.LineNumber;
                            column = info.LinePosition - 1;
                            group = artifact = version = null;
                            if (reader.IsEmptyElement)
                            {
                                dependencyDepth = -1;
                            }
                        }
                        else if (dependencyDepth >= 0 && reader.Depth == dependencyDepth + 1)
                        {
                            field = reader.LocalName;
                        }
                    }
                    else if ((reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA) && dependencyDepth >= 0 && reader.Depth == dependencyDepth + 2)
                    {
                        string value = Expand(reader.Value.Trim(), properties);
                        if (field == "groupId") group = value;
                        else if (field == "artifactId") artifact = value;
                        else if (field == "version") version = value;
                    }
                    else if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        if (dependencyDepth >= 0 && reader.Depth == dependencyDepth && reader.LocalName == "dependency")
                        {
                            if (!string.IsNullOrEmpty(group) && !string.IsNullOrEmpty(artifact))
                            {
                                Add(found, PackageEcosystem.Maven, group + "/" + artifact, version ?? string.Empty, path, line, Math.Max(1, column));
                            }

                            dependencyDepth = -1;
                        }
                        else if (dependencyDepth >= 0 && reader.Depth == dependencyDepth + 1)
                        {
                            field = null;
                        }
                    }
                }
            }
            catch (XmlException e)
            {
                problems.Add(Problem(path, e.LineNumber, e.LinePosition, "is not valid XML (" + e.Message + ")"));
            }
        }

        /// <summary>The pom's own <c>&lt;properties&gt;</c> (<c>&lt;ai.group&gt;com.openai&lt;/ai.group&gt;</c>), for the <c>${…}</c> of its dependencies.</summary>
        private static Dictionary<string, string> PomProperties(string text, XmlReaderSettings settings)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            using var reader = XmlReader.Create(new StringReader(text), settings);
            int depth = -1;
            string? name = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "properties" && reader.Depth == 1 && !reader.IsEmptyElement)
                {
                    depth = reader.Depth;
                }
                else if (depth >= 0 && reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    name = reader.LocalName;
                }
                else if (depth >= 0 && name != null && (reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA) && reader.Depth == depth + 2)
                {
                    properties[name] = reader.Value.Trim();
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth && reader.LocalName == "properties")
                {
                    depth = -1;
                }
            }

            return properties;
        }

        /// <summary><paramref name="value"/> with each <c>${name}</c> of <paramref name="properties"/> replaced (one level; an unknown one stays).</summary>
        private static string Expand(string value, Dictionary<string, string> properties)
        {
            if (value.IndexOf("${", StringComparison.Ordinal) < 0)
            {
                return value;
            }

            try
            {
                return Regex.Replace(value, @"\$\{([^}]+)\}", m => properties.TryGetValue(m.Groups[1].Value, out string? v) ? v : m.Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            }
            catch (RegexMatchTimeoutException)
            {
                return value;
            }
        }

        /// <summary>A quoted Maven coordinate <c>"group:artifact[:version[:classifier]][@ext]"</c> in a Gradle script (Groovy or Kotlin).</summary>
        private static readonly Regex GradleCoordinate = new Regex(
            @"[""']([A-Za-z0-9_.\-]+):([A-Za-z0-9_.\-]+)(?::([^""'\s:@]*))?(?::[A-Za-z0-9_.\-]+)?(?:@[A-Za-z0-9]+)?[""']",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>The map notation: <c>group: 'g', name: 'a'</c> (Groovy) or <c>group = "g", name = "a"</c> (Kotlin).</summary>
        private static readonly Regex GradleMap = new Regex(
            @"\bgroup\s*[:=]\s*[""']([A-Za-z0-9_.\-]+)[""']\s*,\s*(?:module|name)\s*[:=]\s*[""']([A-Za-z0-9_.\-]+)[""'](?:\s*,\s*version\s*[:=]\s*[""']([^""']*)[""'])?",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static void Gradle(string path, string text, List<DeclaredPackage> found)
        {
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                if (l.IndexOf(':') < 0 && l.IndexOf('=') < 0)
                {
                    continue;
                }

                try
                {
                    foreach (Match m in GradleCoordinate.Matches(l))
                    {
                        Add(found, PackageEcosystem.Maven, m.Groups[1].Value + "/" + m.Groups[2].Value, m.Groups[3].Value, path, line, m.Index + 2);
                    }

                    foreach (Match m in GradleMap.Matches(l))
                    {
                        Add(found, PackageEcosystem.Maven, m.Groups[1].Value + "/" + m.Groups[2].Value, m.Groups[3].Value, path, line, m.Index + 1);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // a pathological line: the coordinates found before it are kept
                }
            }
        }

        /// <summary>gradle/libs.versions.toml <c>[libraries]</c>: "g:a:v", { module = "g:a" }, { group = "g", name = "a" }.</summary>
        private static void GradleVersionCatalog(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? libraries = Toml(path, text, problems)?["libraries"];
            if (libraries == null || !libraries.IsObject)
            {
                return;
            }

            foreach (JsonProperty library in libraries.Properties)
            {
                JsonNode value = library.Value;
                string? coordinate = value.IsString ? value.Text
                    : value["module"] is { IsString: true } module ? module.Text
                    : value["group"] is { IsString: true } g && value["name"] is { IsString: true } n ? g.Text + ":" + n.Text
                    : null;
                string[] parts = (coordinate ?? string.Empty).Split(':');
                if (parts.Length >= 2 && parts[0].Length > 0 && parts[1].Length > 0)
                {
                    string version = parts.Length > 2 ? parts[2] : value["version"] is { IsString: true } v ? v.Text ?? string.Empty : string.Empty;
                    Add(found, PackageEcosystem.Maven, parts[0] + "/" + parts[1], version, path, library.NameStart.Line, library.NameStart.Column);
                }
            }
        }

        // ---------------- Ruby ----------------

        private static readonly Regex GemLine = new Regex(@"^\s*gem[\s(]+[""']([A-Za-z0-9_.\-]+)[""'](?:\s*,\s*[""']([^""']*)[""'])?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex GemspecLine = new Regex(@"\.add_(?:runtime_|development_)?dependency[\s(]+[""']([A-Za-z0-9_.\-]+)[""'](?:\s*,\s*[""']([^""']*)[""'])?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static void Gemfile(string path, string text, List<DeclaredPackage> found) => RubyLines(path, text, GemLine, found);

        private static void Gemspec(string path, string text, List<DeclaredPackage> found) => RubyLines(path, text, GemspecLine, found);

        private static void RubyLines(string path, string text, Regex pattern, List<DeclaredPackage> found)
        {
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                try
                {
                    foreach (Match m in pattern.Matches(raw))
                    {
                        Add(found, PackageEcosystem.Gem, m.Groups[1].Value, m.Groups[2].Value, path, line, m.Groups[1].Index + 1);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                }
            }
        }

        /// <summary>Gemfile.lock: the gems of every <c>specs:</c> list (four spaces, <c>name (version)</c>), not the Gemfile's own.</summary>
        private static void GemfileLock(string path, string text, List<DeclaredPackage> found)
        {
            HashSet<string> direct = DeclaredBeside(path, "Gemfile");
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                if (l.Length < 6 || !l.StartsWith("    ", StringComparison.Ordinal) || l[4] == ' ')
                {
                    continue;
                }

                int paren = l.IndexOf(" (", StringComparison.Ordinal);
                string name = (paren > 0 ? l.Substring(4, paren - 4) : l.Substring(4)).Trim();
                string version = paren > 0 && l.EndsWith(")", StringComparison.Ordinal) ? l.Substring(paren + 2, l.Length - paren - 3) : string.Empty;
                if (name.Length > 0 && !direct.Contains(PackageEcosystem.PackageUrl(PackageEcosystem.Gem, name)))
                {
                    Add(found, PackageEcosystem.Gem, name, version, path, line, 5);
                }
            }
        }

        // ---------------- PHP ----------------

        private static void ComposerJson(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Json(path, text, problems);
            foreach (string section in new[] { "require", "require-dev" })
            {
                if (root?[section] is { IsObject: true } table)
                {
                    foreach (JsonProperty dep in table.Properties)
                    {
                        if (dep.Name.IndexOf('/') > 0)
                        {
                            Add(found, PackageEcosystem.Composer, dep.Name, dep.Value.IsString ? dep.Value.Text ?? string.Empty : string.Empty, path, dep.NameStart.Line, dep.NameStart.Column);
                        }
                    }
                }
            }
        }

        private static void ComposerLock(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Json(path, text, problems);
            HashSet<string> direct = DeclaredBeside(path, "composer.json");
            foreach (string section in new[] { "packages", "packages-dev" })
            {
                if (root?[section] is { IsArray: true } list)
                {
                    foreach (JsonNode package in list.Items)
                    {
                        if (package.IsObject && package["name"] is { IsString: true } name && !direct.Contains(PackageEcosystem.PackageUrl(PackageEcosystem.Composer, name.Text ?? string.Empty)))
                        {
                            Add(found, PackageEcosystem.Composer, name.Text ?? string.Empty, package["version"]?.Text ?? string.Empty, path, name.Start.Line, name.Start.Column);
                        }
                    }
                }
            }
        }

        // ---------------- Python beyond its package files ----------------

        /// <summary>
        /// PEP 723: <c># /// script</c> … <c># ///</c>, every line a comment; the content (each line without its "# ") is TOML
        /// whose <c>dependencies</c> a runner installs before it runs the script.
        /// </summary>
        private static void InlineScriptMetadata(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            if (text.IndexOf("# /// script", StringComparison.Ordinal) < 0)
            {
                return;
            }

            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd('\r', ' ', '\t') != "# /// script")
                {
                    continue;
                }

                var toml = new System.Text.StringBuilder();
                int end = -1;
                for (int j = i + 1; j < lines.Length; j++)
                {
                    string l = lines[j].TrimEnd('\r');
                    if (l.TrimEnd(' ', '\t') == "# ///")
                    {
                        end = j;
                        break;
                    }

                    if (!l.StartsWith("#", StringComparison.Ordinal))
                    {
                        break; // not a block: PEP 723 ends it at the first line that is no comment
                    }

                    toml.Append(l.StartsWith("# ", StringComparison.Ordinal) ? l.Substring(2) : l.Substring(1)).Append('\n');
                }

                if (end < 0)
                {
                    continue;
                }

                JsonNode? root = TomlReader.TryParse(toml.ToString(), out JsonParseException? error);
                if (error != null)
                {
                    problems.Add(Problem(path, i + 1 + error.Position.Line, error.Position.Column + 2, "has a '# /// script' block that is not valid TOML (" + error.Message + ")"));
                }
                else if (root?["dependencies"] is { IsArray: true } dependencies)
                {
                    foreach (JsonNode item in dependencies.Items)
                    {
                        if (item.IsString)
                        {
                            Requirement(path, item.Text ?? string.Empty, i + 1 + item.Start.Line, item.Start.Column + 2, found);
                        }
                    }
                }

                i = end;
            }
        }

        /// <summary>tox.ini: the <c>deps</c> of every <c>[testenv]</c>/<c>[testenv:name]</c>, one requirement per line (a factor prefix <c>py311: </c> dropped).</summary>
        private static void ToxIni(string path, string text, List<DeclaredPackage> found)
        {
            bool testenv = false, inDeps = false;
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                string t = l.Trim();
                if (t.StartsWith("[", StringComparison.Ordinal) && t.EndsWith("]", StringComparison.Ordinal))
                {
                    string section = t.Substring(1, t.Length - 2).Trim();
                    testenv = section.StartsWith("testenv", StringComparison.OrdinalIgnoreCase);
                    inDeps = false;
                    continue;
                }

                if (!testenv || t.Length == 0 || t[0] == '#' || t[0] == ';')
                {
                    continue;
                }

                string value = t;
                if (l[0] != ' ' && l[0] != '\t')
                {
                    int eq = t.IndexOf('=');
                    inDeps = eq > 0 && t.Substring(0, eq).Trim().Equals("deps", StringComparison.OrdinalIgnoreCase);
                    value = eq < 0 ? string.Empty : t.Substring(eq + 1).Trim();
                }

                if (!inDeps || value.Length == 0)
                {
                    continue;
                }

                if (value[0] == '-')
                {
                    PipOption(path, value, line, l.IndexOf(value, StringComparison.Ordinal) + 1, found, new List<Finding>()); // deps = -r test-deps.txt
                    continue;
                }

                Match factor = Regex.Match(value, @"^[A-Za-z0-9_.,!{}\-]+:\s+");
                if (factor.Success)
                {
                    value = value.Substring(factor.Length);
                }

                Requirement(path, value, line, l.IndexOf(value, StringComparison.Ordinal) + 1, found);
            }
        }

        /// <summary>.pre-commit-config.yaml: each hook's <c>additional_dependencies</c>, installed into the hook's environment on every developer's commit.</summary>
        private static void PreCommit(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Yaml(path, text, problems);

            if (root?["repos"] is not { IsArray: true } repos)
            {
                return;
            }

            foreach (JsonNode repo in repos.Items)
            {
                if (repo["hooks"] is not { IsArray: true } hooks)
                {
                    continue;
                }

                foreach (JsonNode hook in hooks.Items)
                {
                    if (hook["additional_dependencies"] is not { IsArray: true } deps)
                    {
                        continue;
                    }

                    string language = hook["language"] is { IsString: true } lang ? (lang.Text ?? string.Empty).Trim().ToLowerInvariant() : string.Empty;
                    foreach (JsonNode dep in deps.Items)
                    {
                        string spec = dep.IsString ? (dep.Text ?? string.Empty).Trim() : string.Empty;
                        if (spec.Length == 0)
                        {
                            continue;
                        }

                        if (language == "node" || (language.Length == 0 && spec.StartsWith("@", StringComparison.Ordinal)))
                        {
                            int at = spec.IndexOf('@', 1);
                            Add(found, PackageEcosystem.Npm, at > 0 ? spec.Substring(0, at) : spec, at > 0 ? NpmVersion(spec.Substring(at + 1)) : string.Empty, path, dep.Start.Line, dep.Start.Column);
                        }
                        else if (language.Length == 0 || language.StartsWith("python", StringComparison.Ordinal))
                        {
                            Requirement(path, spec, dep.Start.Line, dep.Start.Column, found);
                        }
                    }
                }
            }
        }

        /// <summary>The YAML document in <paramref name="text"/>; null (with a GRD205 problem when it is not YAML) otherwise.</summary>
        private static JsonNode? Yaml(string path, string text, List<Finding> problems)
        {
            JsonNode? root = YamlReader.TryParse(text, out JsonParseException? error);
            if (error != null)
            {
                problems.Add(Problem(path, error.Position.Line, error.Position.Column, "is not valid YAML (" + error.Message + ")"));
                return null;
            }

            return root;
        }

        /// <summary>
        /// conda's environment.yml: the <c>pip:</c> list of <c>dependencies</c>, and its conda packages that are a catalog SDK's
        /// PyPI project (<see cref="CondaPackage"/>).
        /// </summary>
        private static void CondaEnvironment(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Yaml(path, text, problems);

            if (root?["dependencies"] is not { IsArray: true } dependencies)
            {
                return;
            }

            foreach (JsonNode item in dependencies.Items)
            {
                if (item.IsString && CondaPackage(path, item.Text ?? string.Empty, item.Start.Line, item.Start.Column) is { } conda &&
                    AiSdkCatalog.TryGetByPackageId(conda.Id, out _))
                {
                    found.Add(conda); // "- openai=1.55.0", "- conda-forge::anthropic": conda installs the SDK's own code
                }

                if (item.IsObject && item["pip"] is { IsArray: true } pip)
                {
                    foreach (JsonNode requirement in pip.Items)
                    {
                        string spec = requirement.IsString ? requirement.Text ?? string.Empty : string.Empty;
                        if (spec.TrimStart().StartsWith("-", StringComparison.Ordinal))
                        {
                            PipOption(path, spec, requirement.Start.Line, requirement.Start.Column, found, problems); // - -r ml-deps.txt
                        }
                        else if (spec.Length > 0)
                        {
                            Requirement(path, spec, requirement.Start.Line, requirement.Start.Column, found);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// One conda match spec (<c>openai</c>, <c>openai=1.55.0</c>, <c>openai&gt;=1</c>, <c>conda-forge::openai</c>,
        /// <c>openai 1.55.0 pyhd8ed1ab_0</c>, <c>openai=1.55.0=pyhd8ed1ab_0</c>, <c>openai[version='&gt;=1']</c>) as the PyPI package of
        /// the same name: conda-forge publishes the Python AI SDKs under their PyPI names and versions (conda-forge/openai, "Python
        /// client library for the OpenAI API"; conda-forge/anthropic, built from anthropics/anthropic-sdk-python). conda's own
        /// packages (python, pip, numpy) then have a PyPI name the SDK catalog does not hold, so a caller keeps the ones its table
        /// names. Null when the text names no package.
        /// </summary>
        internal static DeclaredPackage? CondaPackage(string path, string spec, int line, int column)
        {
            string s = spec.Trim().Trim('"', '\'');
            int channel = s.LastIndexOf("::", StringComparison.Ordinal);
            if (channel >= 0)
            {
                s = s.Substring(channel + 2); // conda-forge::openai, a channel URL::openai
            }

            int end = 0;
            while (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '-' || s[end] == '_' || s[end] == '.'))
            {
                end++;
            }

            if (end == 0 || !char.IsLetterOrDigit(s[0]))
            {
                return null;
            }

            string rest = s.Substring(end).Trim();
            string version;
            if (rest.StartsWith("=", StringComparison.Ordinal) && !rest.StartsWith("==", StringComparison.Ordinal))
            {
                version = rest.Substring(1); // openai=1.55.0[=build]
            }
            else if (rest.StartsWith("==", StringComparison.Ordinal))
            {
                version = rest.Substring(2);
            }
            else
            {
                version = rest; // ">=1", "1.55.0 pyhd8ed1ab_0", "[version='>=1']"
            }

            int cut = version.IndexOfAny(new[] { ' ', '\t', '[' });
            version = cut >= 0 ? version.Substring(0, cut) : version;
            int build = version.IndexOf('=', version.Length > 1 && (version[0] == '>' || version[0] == '<' || version[0] == '!') ? 2 : 0);
            version = build > 0 ? version.Substring(0, build) : version; // =1.2.0=pyhd8ed1ab_0: the build string is no version
            var found = new List<DeclaredPackage>();
            Add(found, PackageEcosystem.PyPI, s.Substring(0, end), version.Trim(), path, line, column);
            return found.Count == 1 ? found[0] : null;
        }

        private static readonly Regex SetupRequires = new Regex(@"\b(install_requires|setup_requires|tests_require|extras_require)\s*=\s*([\[{])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex QuotedString = new Regex(@"(?<q>[""'])(?<v>[^""'\r\n]*)\k<q>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>
        /// setup.py: the string literals of <c>install_requires</c>, <c>setup_requires</c>, <c>tests_require</c> (lists) and the
        /// values of <c>extras_require</c> (a dict of lists), written literally; requirements built by code are not read.
        /// </summary>
        private static void SetupPy(string path, string text, List<DeclaredPackage> found)
        {
            try
            {
                foreach (Match m in SetupRequires.Matches(text))
                {
                    int open = m.Groups[2].Index;
                    int close = MatchingBracket(text, open);
                    if (close < 0)
                    {
                        continue;
                    }

                    bool dict = text[open] == '{';
                    foreach (Match q in QuotedString.Matches(text.Substring(open, close - open)))
                    {
                        int at = open + q.Index;
                        if (dict && NextSignificant(text, at + q.Length) == ':')
                        {
                            continue; // an extra's name, not a requirement
                        }

                        int line = 1, lineStart = 0;
                        for (int i = 0; i < at; i++)
                        {
                            if (text[i] == '\n')
                            {
                                line++;
                                lineStart = i + 1;
                            }
                        }

                        Requirement(path, q.Groups["v"].Value, line, at - lineStart + 1, found);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }

        private static int MatchingBracket(string text, int open)
        {
            char o = text[open], c = o == '[' ? ']' : '}';
            int depth = 0;
            char quote = '\0';
            for (int i = open; i < text.Length; i++)
            {
                char ch = text[i];
                if (quote != '\0')
                {
                    if (ch == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (ch == '"' || ch == '\'')
                {
                    quote = ch;
                }
                else if (ch == o || ch == '[' || ch == '{')
                {
                    depth++;
                }
                else if (ch == c || ch == ']' || ch == '}')
                {
                    if (--depth == 0)
                    {
                        return ch == c ? i : -1;
                    }
                }
            }

            return -1;
        }

        private static char NextSignificant(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return text[i];
                }
            }

            return '\0';
        }

        /// <summary>pixi.toml: <c>[pypi-dependencies]</c> and each feature's; conda packages are not judged.</summary>
        private static void Pixi(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Toml(path, text, problems);
            if (root == null)
            {
                return;
            }

            NameTable(path, root["pypi-dependencies"], found);
            if (root["feature"] is { IsObject: true } features)
            {
                foreach (JsonProperty feature in features.Properties)
                {
                    NameTable(path, feature.Value["pypi-dependencies"], found);
                }
            }
        }

        // ---------------- JavaScript without package.json ----------------

        private static void Deno(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = JsonReader.TryParse(text, out JsonParseException? error, new JsonReaderOptions { AllowComments = true });
            if (error != null)
            {
                problems.Add(Problem(path, error.Position.Line, error.Position.Column, "is not valid JSON (" + error.Message + ")"));
                return;
            }

            DenoImports(path, root?["imports"], found);
            if (root?["scopes"] is { IsObject: true } scopes)
            {
                foreach (JsonProperty scope in scopes.Properties)
                {
                    DenoImports(path, scope.Value, found);
                }
            }
        }

        private static void DenoImports(string path, JsonNode? imports, List<DeclaredPackage> found)
        {
            if (imports == null || !imports.IsObject)
            {
                return;
            }

            foreach (JsonProperty entry in imports.Properties)
            {
                if (entry.Value.IsString && ImportedPackage(entry.Value.Text ?? string.Empty) is { } package)
                {
                    Add(found, PackageEcosystem.Npm, package.Name, package.Version, path, entry.Value.Start.Line, entry.Value.Start.Column);
                }
            }
        }

        /// <summary>A quoted <c>npm:</c> specifier or ESM CDN URL in code: <c>"npm:openai@^4"</c>, <c>"https://esm.sh/openai@4.77.0"</c>.</summary>
        private static readonly Regex QuotedImport = new Regex(
            @"[""'`]((?:npm|jsr):[^""'`\s]+|https?://(?:esm\.sh|cdn\.esm\.sh|esm\.run|cdn\.jsdelivr\.net/npm|fastly\.jsdelivr\.net/npm|unpkg\.com|cdn\.skypack\.dev|ga\.jspm\.io/npm:|jspm\.dev/npm:|cdn\.jsdelivr\.net/npm)/?[^""'`\s]*)[""'`]",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));

        private static readonly string[] ImportMarkers = { "npm:", "jsr:", "esm.sh", "esm.run", "jsdelivr.net/npm", "unpkg.com", "skypack.dev", "jspm." };

        private static void CodeImports(string path, string text, List<DeclaredPackage> found)
        {
            bool any = false;
            foreach (string marker in ImportMarkers)
            {
                if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return;
            }

            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                if (raw.IndexOf(':') < 0)
                {
                    continue;
                }

                try
                {
                    foreach (Match m in QuotedImport.Matches(raw))
                    {
                        if (ImportedPackage(m.Groups[1].Value) is { } package)
                        {
                            Add(found, PackageEcosystem.Npm, package.Name, package.Version, path, line, m.Groups[1].Index + 1);
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                }
            }
        }

        /// <summary>
        /// The npm package an import specifier names: <c>npm:@scope/name@1.2/sub</c>, or the first package of an ESM CDN path
        /// (<c>https://esm.sh/v135/openai@4.77.0/index.mjs</c>, <c>https://cdn.jsdelivr.net/npm/openai@4.77.0/+esm</c>,
        /// <c>https://ga.jspm.io/npm:openai@4.77.0/index.mjs</c>), or a JSR package an SDK publishes there too (<c>jsr:@openai/openai@4</c>,
        /// <c>https://esm.sh/jsr/@openai/openai</c>: <see cref="JsrPackages"/>); null for anything else (another <c>jsr:</c> package, a plain URL).
        /// </summary>
        internal static (string Name, string Version)? ImportedPackage(string specifier)
        {
            string s = specifier.Trim();
            string rest;
            bool jsr = false;
            if (s.StartsWith("npm:", StringComparison.OrdinalIgnoreCase))
            {
                rest = s.Substring(4).TrimStart('/');
            }
            else if (s.StartsWith("jsr:", StringComparison.OrdinalIgnoreCase))
            {
                rest = s.Substring(4).TrimStart('/');
                jsr = true;
            }
            else
            {
                int scheme = s.IndexOf("://", StringComparison.Ordinal);
                if (scheme < 0)
                {
                    return null;
                }

                string afterScheme = s.Substring(scheme + 3);
                int slash = afterScheme.IndexOf('/');
                if (slash < 0)
                {
                    return null;
                }

                string host = afterScheme.Substring(0, slash).ToLowerInvariant();
                rest = afterScheme.Substring(slash + 1);
                if (host.EndsWith("jsdelivr.net", StringComparison.Ordinal) || host == "jspm.dev" || host == "ga.jspm.io")
                {
                    int npm = rest.IndexOf("npm", StringComparison.OrdinalIgnoreCase);
                    if (npm != 0 || rest.Length < 4 || (rest[3] != '/' && rest[3] != ':'))
                    {
                        return null; // jsdelivr's /gh/ (GitHub) paths and the like name no npm package
                    }

                    rest = rest.Substring(4);
                }
                else if (host == "esm.sh" || host == "cdn.esm.sh")
                {
                    if (Regex.IsMatch(rest, @"^(v\d+|stable)/"))
                    {
                        rest = rest.Substring(rest.IndexOf('/') + 1);
                    }

                    if (rest.StartsWith("jsr/", StringComparison.OrdinalIgnoreCase))
                    {
                        rest = rest.Substring(4); // esm.sh serves JSR packages under /jsr/
                        jsr = true;
                    }

                    if (rest.StartsWith("gh/", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("jsr/", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pr/", StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }
                }
                else if (host == "cdn.skypack.dev")
                {
                    if (rest.StartsWith("-/", StringComparison.Ordinal))
                    {
                        rest = rest.Substring(2);
                    }
                }
                else if (host != "unpkg.com" && host != "esm.run")
                {
                    return null;
                }
            }

            // [@scope/]name[@version][/path][?query]
            int q = rest.IndexOfAny(new[] { '?', '#' });
            if (q >= 0)
            {
                rest = rest.Substring(0, q);
            }

            string[] parts = rest.Split('/');
            if (parts.Length == 0 || parts[0].Length == 0)
            {
                return null;
            }

            string first = parts[0];
            string name, version = string.Empty;
            if (first.StartsWith("@", StringComparison.Ordinal))
            {
                if (parts.Length < 2 || parts[1].Length == 0)
                {
                    return null;
                }

                int at = parts[1].IndexOf('@');
                name = first + "/" + (at >= 0 ? parts[1].Substring(0, at) : parts[1]);
                version = at >= 0 ? parts[1].Substring(at + 1) : string.Empty;
            }
            else
            {
                int at = first.IndexOf('@');
                name = at >= 0 ? first.Substring(0, at) : first;
                version = at >= 0 ? first.Substring(at + 1) : string.Empty;
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '@' || c == '/'))
                {
                    return null;
                }
            }

            if (jsr)
            {
                return JsrPackages.TryGetValue(name, out string? npmName) ? (npmName, NpmVersion(version)) : null;
            }

            return name.Length == 0 || name.EndsWith("/", StringComparison.Ordinal) ? null : (name, NpmVersion(version));
        }

        /// <summary>
        /// SDKs published to JSR under another name than npm's, by their JSR name: the same code as the npm package the catalog
        /// names. <c>@openai/openai</c>: OpenAI's JavaScript SDK (deno.com/blog/openai-on-jsr, <c>deno add jsr:@openai/openai</c>).
        /// </summary>
        private static readonly Dictionary<string, string> JsrPackages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["@openai/openai"] = "openai",
        };
    }
}
