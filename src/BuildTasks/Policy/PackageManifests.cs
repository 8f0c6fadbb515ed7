using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.BuildTasks.Formats;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// The npm and PyPI packages a repository's JavaScript front end or Python tooling declares (issue 12 route R11): an AI
    /// SDK there is an AI SDK the policy has not approved, like a NuGet one. Each package is named by its package URL
    /// (<see cref="PackageEcosystem.PackageUrl"/>: <c>pkg:npm/openai</c>, <c>pkg:pypi/anthropic</c>) and judged by the one
    /// package evaluator at its file and line (GRD201-GRD203). Read as data, never run:
    /// <list type="bullet">
    /// <item><c>package.json</c>: dependencies, devDependencies, optionalDependencies, peerDependencies (an alias
    /// <c>"x": "npm:openai@^4"</c> is the package it names).</item>
    /// <item>Lock files, for what the declared packages bring in (transitive): <c>package-lock.json</c> and
    /// <c>npm-shrinkwrap.json</c> (v1 <c>dependencies</c>, v2/v3 <c>packages</c>), <c>yarn.lock</c> (v1 and berry),
    /// <c>pnpm-lock.yaml</c> (<c>packages:</c> keys); a package the <c>package.json</c> beside it declares is reported
    /// there, not again in the lock file.</item>
    /// <item><c>*requirements*.txt</c>/<c>*requirements*.in</c>, <c>constraints*.txt</c> and any <c>.txt</c> in a <c>requirements/</c>
    /// folder (PEP 508 lines with extras, markers, <c>name @ url</c>, line continuations; <c>-r</c>/<c>--requirement</c> and
    /// <c>-c</c>/<c>--constraint</c> files followed whatever their name, <c>-e …#egg=name</c>, wheel file names).</item>
    /// <item><c>pyproject.toml</c>: <c>[project] dependencies</c>, <c>[project.optional-dependencies]</c>,
    /// <c>[dependency-groups]</c>, <c>[tool.poetry.dependencies]</c>, <c>[tool.poetry.dev-dependencies]</c>,
    /// <c>[tool.poetry.group.*.dependencies]</c>, <c>[tool.uv] dev-dependencies</c>, <c>[tool.pdm.dev-dependencies]</c>,
    /// <c>[build-system] requires</c>, <c>[tool.hatch.envs.*]</c> <c>dependencies</c>/<c>extra-dependencies</c>, and the files
    /// <c>[tool.setuptools.dynamic]</c> names (<c>dependencies = { file = [...] }</c>, read as requirements files).</item>
    /// <item><c>Pipfile</c> (every package table), <c>setup.cfg</c> (<c>install_requires</c>, <c>setup_requires</c>,
    /// <c>tests_require</c>, <c>extras_require</c>).</item>
    /// <item>Python lock files, for what the declared packages bring in (transitive): <c>Pipfile.lock</c>, <c>poetry.lock</c>,
    /// <c>uv.lock</c>; a package the <c>Pipfile</c>/<c>pyproject.toml</c> beside them declares is reported there.</item>
    /// </list>
    /// A file that cannot be read (too large, not UTF-8, not JSON/TOML) is GRD205 at its file and line: what it declares
    /// is unknown, so the build cannot say no AI SDK is there. Files under <c>node_modules/</c> are the installed packages'
    /// own manifests, not the repository's, and are not read (the lock file lists what they bring in).
    /// </summary>
    public static partial class PackageManifests
    {
        /// <summary>The most bytes of one manifest or lock file read (a lock file of a large monorepo is a few MB).</summary>
        public const long MaxBytes = 32L * 1024 * 1024;

        /// <summary>How deep <c>-r</c> includes are followed.</summary>
        private const int MaxIncludeDepth = 8;

        private static readonly string[] NpmSections = { "dependencies", "devDependencies", "optionalDependencies", "peerDependencies" };

        /// <summary>Whether <paramref name="path"/> (a path relative to the repository or absolute) is a file this class reads.</summary>
        public static bool IsManifest(string path)
        {
            string normalized = path.Replace('\\', '/');
            if (normalized.StartsWith("node_modules/", StringComparison.OrdinalIgnoreCase) || normalized.IndexOf("/node_modules/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }

            string name = Path.GetFileName(normalized);
            switch (name.ToLowerInvariant())
            {
                case "package.json":
                case "package-lock.json":
                case "npm-shrinkwrap.json":
                case "yarn.lock":
                case "pnpm-lock.yaml":
                case "pyproject.toml":
                case "pipfile":
                case "setup.cfg":
                case "pipfile.lock":
                case "poetry.lock":
                case "uv.lock":
                    return true;
            }

            if (IsRequirementsName(name) || IsOtherEcosystemFile(name.ToLowerInvariant()) || IsRound13File(normalized, name.ToLowerInvariant()))
            {
                return true;
            }

            string folder = Path.GetFileName(Path.GetDirectoryName(normalized) ?? string.Empty);
            return folder.Equals("requirements", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The sentence a GRD2xx message gives for where a package of <paramref name="file"/> comes from.</summary>
        public static string Origin(string file)
        {
            string name = Path.GetFileName(file);
            string lower = name.ToLowerInvariant();
            if (Round13Origin(file, lower) is { } installed)
            {
                return installed;
            }

            if (lower == "package-lock.json" || lower == "npm-shrinkwrap.json" || lower == "yarn.lock" || lower == "pnpm-lock.yaml")
            {
                return "installed by the JavaScript packages of " + name + " (a package another one brings in; npm, yarn or pnpm installs it, no project of the repository compiles that code)";
            }

            if (lower == "pipfile.lock" || lower == "poetry.lock" || lower == "uv.lock")
            {
                return "installed by the Python packages of " + name + " (a package another one brings in; Pipenv, Poetry or uv installs it, no project of the repository compiles that code)";
            }

            if (OtherEcosystemOrigin(lower) is { } other)
            {
                return other;
            }

            return lower == "package.json"
                ? "declared in " + name + " (npm, yarn or pnpm installs it for the repository's JavaScript/TypeScript code, which no project of the repository compiles)"
                : "declared in " + name + " (pip, uv, Poetry or Pipenv installs it for the repository's Python code, which no project of the repository compiles)";
        }

        /// <summary>The packages <paramref name="path"/> declares; a file that cannot be read adds a GRD205 finding to <paramref name="problems"/>.</summary>
        public static List<DeclaredPackage> Read(string path, List<Finding> problems)
        {
            // Every project of a build reads the repository's package files, and since round 11 every script and page for
            // inline metadata and imports: those code files (many; their result depends on nothing else) are read once per
            // file and stamp for the life of the node. Package files are few, and a lock file's or requirements file's result
            // depends on the files beside or included, so they are read each time.
            Func<KeyValuePair<List<DeclaredPackage>, List<Finding>>> make = () =>
            {
                var found = new List<DeclaredPackage>();
                var met = new List<Finding>();
                string? text = Load(path, met);
                if (text != null)
                {
                    Parse(path, text, found, met, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFullPath(path) }, 0);
                }

                return new KeyValuePair<List<DeclaredPackage>, List<Finding>>(found, met);
            };
            string name = Path.GetFileName(path).ToLowerInvariant();
            KeyValuePair<List<DeclaredPackage>, List<Finding>> read = name.EndsWith(".py", StringComparison.Ordinal) || HasCodeImports(name)
                ? ReadOnce.GetOrMake(Path.GetFullPath(path), make)
                : make();
            problems.AddRange(read.Value);
            return new List<DeclaredPackage>(read.Key);
        }

        private static readonly FileStampCache<KeyValuePair<List<DeclaredPackage>, List<Finding>>> ReadOnce = new FileStampCache<KeyValuePair<List<DeclaredPackage>, List<Finding>>>();

        /// <summary>The packages in <paramref name="text"/>, the content of <paramref name="path"/> (its name decides the format).</summary>
        public static List<DeclaredPackage> Parse(string path, string text, List<Finding> problems)
        {
            var found = new List<DeclaredPackage>();
            Parse(path, text, found, problems, new HashSet<string>(StringComparer.OrdinalIgnoreCase), 0);
            return found;
        }

        private static void Parse(string path, string text, List<DeclaredPackage> found, List<Finding> problems, HashSet<string> visited, int depth)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            string name = Path.GetFileName(path).ToLowerInvariant();
            switch (name)
            {
                case "package.json":
                    PackageJson(path, text, found, problems);
                    return;
                case "package-lock.json":
                case "npm-shrinkwrap.json":
                    PackageLock(path, text, found, problems);
                    return;
                case "yarn.lock":
                    YarnLock(path, text, found);
                    return;
                case "pnpm-lock.yaml":
                    PnpmLock(path, text, found);
                    return;
                case "pyproject.toml":
                    PyProject(path, text, found, problems);
                    return;
                case "pipfile":
                    Pipfile(path, text, found, problems);
                    return;
                case "setup.cfg":
                    SetupCfg(path, text, found);
                    return;
                case "pipfile.lock":
                    PipfileLock(path, text, found, problems);
                    return;
                case "poetry.lock":
                case "uv.lock":
                    PythonLock(path, text, found, problems);
                    return;
                default:
                    if (name == "_version.py" || name == "__version__.py")
                    {
                        VendoredVersionModule(path, text, found); // adversary round 13 route 10: a vendored package's own version module
                    }

                    if (!ParseRound13(path, name, text, found, problems) && !ParseOtherEcosystem(path, name, text, found, problems) &&
                        (depth > 0 || IsRequirementsText(text)))
                    {
                        Requirements(path, text, found, problems, visited, depth);
                    }

                    return;
            }
        }

        /// <summary>
        /// A requirements file by its name: <c>*requirements*.txt</c>/<c>.in</c> (<c>dev-requirements.txt</c>,
        /// <c>test_requirements.in</c>) and <c>constraints*.txt</c> (adversary round 13 route 2: pip reads any name).
        /// </summary>
        private static bool IsRequirementsName(string name) =>
            (name.IndexOf("requirements", StringComparison.OrdinalIgnoreCase) >= 0 &&
             (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".in", StringComparison.OrdinalIgnoreCase))) ||
            (name.StartsWith("constraints", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));

        private static string? Load(string path, List<Finding> problems)
        {
            LoadedFile? file = SourceFile.TryLoad(path, MaxBytes, out LoadFailure failure, out string detail);
            if (file == null)
            {
                if (failure == LoadFailure.TooLarge)
                {
                    problems.Add(Problem(path, 1, 1, "is " + detail + " bytes; the limit is " + MaxBytes + " bytes"));
                }
                else if (failure != LoadFailure.NotFound && failure != LoadFailure.Directory)
                {
                    problems.Add(Problem(path, 0, 0, "could not be read: " + detail));
                }

                return null;
            }

            string? text = SourceFile.TryDecode(file, out int line, out int column);
            if (text == null)
            {
                problems.Add(Problem(path, line, column, "is not valid UTF-8 text"));
            }

            return text;
        }

        private static Finding Problem(string path, int line, int column, string what) =>
            new Finding(RuleCatalog.PackageManifestUnreadable, path, line, column,
                "The package file " + Path.GetFileName(path) + " " + what + ", so the packages it declares cannot be judged against the policy: an AI SDK there would go unseen. Fix the file (npm, pip and Poetry refuse it too), or remove it if nothing uses it.");

        internal static DeclaredPackage? Add(List<DeclaredPackage> found, string ecosystem, string name, string spec, string path, int line, int column)
        {
            name = name.Trim();
            if (name.Length == 0 || name.Length > 214)
            {
                return null;
            }

            var package = new DeclaredPackage(PackageEcosystem.PackageUrl(ecosystem, name), spec, path, line, column);
            found.Add(package);
            return package;
        }

        /// <summary>
        /// The source an npm dependency spec takes its package from when it is not the registry (adversary round 13 route 19):
        /// a git repository (<c>github:</c>, <c>gitlab:</c>, <c>bitbucket:</c>, <c>git+…</c>, <c>git://</c>, npm's <c>owner/repo</c>
        /// shorthand), a tarball URL, a local path (<c>file:</c>, <c>link:</c>, <c>portal:</c>, <c>./x</c>), a workspace package;
        /// null for a version, a range or a dist-tag (the registry). A registry tarball URL is given too:
        /// <see cref="PackageSources.IsRegistry"/> then calls it the registry.
        /// </summary>
        internal static string? NpmSource(string spec)
        {
            string s = spec.Trim();
            if (s.Length == 0 || s.StartsWith("npm:", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            int colon = s.IndexOf(':');
            if ((colon > 0 && s.Substring(0, colon).All(char.IsLetter)) || s.StartsWith("git@", StringComparison.OrdinalIgnoreCase))
            {
                return s; // github:, git+https:, https:, file:, link:, portal:, workspace:, git@host:…
            }

            bool path = s.StartsWith(".", StringComparison.Ordinal) || s.StartsWith("/", StringComparison.Ordinal) || s.StartsWith("~/", StringComparison.Ordinal);
            bool shorthand = s.IndexOf('/') > 0 && s.IndexOf(' ') < 0 && !s.StartsWith("@", StringComparison.Ordinal);
            return path || shorthand ? s : null;
        }

        // ---------------- npm ----------------

        /// <summary>The JSON object in <paramref name="text"/>; null (with a GRD205 problem when it is not JSON) otherwise.</summary>
        private static JsonNode? Json(string path, string text, List<Finding> problems)
        {
            JsonNode? root = JsonReader.TryParse(text, out JsonParseException? error);
            if (error != null)
            {
                problems.Add(Problem(path, error.Position.Line, error.Position.Column, "is not valid JSON (" + error.Message + ")"));
                return null;
            }

            return root != null && root.IsObject ? root : null;
        }

        private static void PackageJson(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Json(path, text, problems);
            if (root == null)
            {
                return;
            }

            foreach (JsonProperty section in root.Properties)
            {
                if (Array.IndexOf(NpmSections, section.Name) < 0 || !section.Value.IsObject)
                {
                    continue;
                }

                foreach (JsonProperty dep in section.Value.Properties)
                {
                    string spec = dep.Value.IsString ? (dep.Value.Text ?? string.Empty).Trim() : string.Empty;
                    string name = dep.Name;
                    if (spec.StartsWith("npm:", StringComparison.OrdinalIgnoreCase))
                    {
                        // An alias: "my-ai": "npm:openai@^4" installs openai under another name.
                        string target = spec.Substring(4);
                        int at = target.LastIndexOf('@');
                        name = at > 0 ? target.Substring(0, at) : target;
                        spec = at > 0 ? target.Substring(at + 1) : string.Empty;
                    }

                    if (Add(found, PackageEcosystem.Npm, name, NpmVersion(spec), path, dep.NameStart.Line, dep.NameStart.Column) is { } declared)
                    {
                        declared.Source = NpmSource(spec); // route 19: "@azure/openai": "github:acme/llm-client" is not the registry's package
                    }

                    if (TarballName(spec) is { } packed && !PackageEcosystem.PackageUrl(PackageEcosystem.Npm, packed).Equals(PackageEcosystem.PackageUrl(PackageEcosystem.Npm, name), StringComparison.OrdinalIgnoreCase))
                    {
                        // "my-client": "file:vendor/openai-4.77.0.tgz": the tarball npm pack made of openai, under another name.
                        Add(found, PackageEcosystem.Npm, packed, string.Empty, path, dep.NameStart.Line, dep.NameStart.Column);
                    }
                    else if ((SdkSourceRepositories.PackageOf(PackageEcosystem.Npm, spec) ?? LocalPackageName(path, spec)) is { } installed &&
                             !installed.Equals(PackageEcosystem.PackageUrl(PackageEcosystem.Npm, name), StringComparison.OrdinalIgnoreCase))
                    {
                        // Adversary round 12 route 11: "llm": "github:openai/openai-node" (or a git URL, or npm's "owner/repo"
                        // shorthand) installs the SDK from its repository; "llm": "file:../vendor/llm" installs the folder's package.
                        found.Add(new DeclaredPackage(installed, string.Empty, path, dep.NameStart.Line, dep.NameStart.Column));
                    }
                }
            }

            // Adversary round 13 route 19: a registry the project's .npmrc (or .yarnrc.yml) sets, for every package or a scope's.
            NpmConfiguredRegistries(path, found);

            // Adversary round 13 route 7: npm's overrides, Yarn's resolutions and pnpm's overrides replace a package anywhere
            // in the tree; a value that is an alias (npm:openai@4) or a tarball installs that package under the other's name.
            Overrides(path, root["overrides"], found);
            Overrides(path, root["resolutions"], found);
            Overrides(path, root["pnpm"]?["overrides"], found);
        }

        /// <summary>
        /// The registry npm (<c>.npmrc</c>: <c>registry=URL</c>, <c>@scope:registry=URL</c>) or Yarn Berry (<c>.yarnrc.yml</c>:
        /// <c>npmRegistryServer</c>) is set to in the folder of <paramref name="manifestPath"/> or the nearest folder above it
        /// that has one (the project's configuration): the source of each package of that package.json with no source of its
        /// own (adversary round 13 route 19). The public registry set there is the registry; the user's and CI's own
        /// configuration outside the repository is not read.
        /// </summary>
        private static void NpmConfiguredRegistries(string manifestPath, List<DeclaredPackage> found)
        {
            string? registry = null;
            var scopes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                string? folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath));
                for (int up = 0; folder != null && up < 16 && registry == null && scopes.Count == 0; up++, folder = Path.GetDirectoryName(folder))
                {
                    foreach (string config in new[] { ".npmrc", ".yarnrc.yml" })
                    {
                        string file = Path.Combine(folder, config);
                        if (!File.Exists(file) || new FileInfo(file).Length > 1024 * 1024)
                        {
                            continue;
                        }

                        foreach (string raw in File.ReadAllLines(file))
                        {
                            string l = raw.Trim();
                            int eq = config == ".npmrc" ? l.IndexOf('=') : l.IndexOf(':');
                            if (eq <= 0 || l.StartsWith("#", StringComparison.Ordinal) || l.StartsWith(";", StringComparison.Ordinal) ||
                                (config == ".yarnrc.yml" && char.IsWhiteSpace(raw[0])))
                            {
                                continue;
                            }

                            string key = l.Substring(0, eq).Trim();
                            string value = l.Substring(eq + 1).Trim().Trim('"', '\'');
                            if (key == "registry" || key == "npmRegistryServer")
                            {
                                registry ??= value;
                            }
                            else if (key.StartsWith("@", StringComparison.Ordinal) && key.EndsWith(":registry", StringComparison.Ordinal))
                            {
                                scopes[key.Substring(0, key.Length - ":registry".Length)] = value;
                            }
                        }
                    }

                    if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
                    {
                        break; // the repository's root: above it is not the project's
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return;
            }

            foreach (DeclaredPackage p in found)
            {
                if (p.File != manifestPath || p.Source != null || !p.Id.StartsWith("pkg:npm/", StringComparison.Ordinal))
                {
                    continue;
                }

                string name = p.Id.Substring("pkg:npm/".Length);
                int slash = name.IndexOf('/');
                p.Source = name.StartsWith("@", StringComparison.Ordinal) && slash > 0 && scopes.TryGetValue(name.Substring(0, slash), out string? scoped) ? scoped : registry;
            }
        }

        /// <summary>The packages the (nested) values of an overrides table install in place of the ones they name.</summary>
        private static void Overrides(string path, JsonNode? table, List<DeclaredPackage> found, int depth = 0)
        {
            if (table == null || !table.IsObject || depth > 16)
            {
                return;
            }

            foreach (JsonProperty entry in table.Properties)
            {
                if (entry.Value.IsObject)
                {
                    Overrides(path, entry.Value, found, depth + 1); // npm's nested overrides: { "foo": { "bar": "npm:openai@4" } }
                    continue;
                }

                string spec = entry.Value.IsString ? (entry.Value.Text ?? string.Empty).Trim() : string.Empty;
                if (spec.StartsWith("npm:", StringComparison.OrdinalIgnoreCase))
                {
                    string target = spec.Substring(4);
                    int at = target.LastIndexOf('@');
                    Add(found, PackageEcosystem.Npm, at > 0 ? target.Substring(0, at) : target, NpmVersion(at > 0 ? target.Substring(at + 1) : string.Empty), path, entry.NameStart.Line, entry.NameStart.Column);
                }
                else if ((TarballName(spec) ?? SdkSourceRepositories.PackageOf(PackageEcosystem.Npm, spec)) is { } installed)
                {
                    found.Add(new DeclaredPackage(installed.StartsWith("pkg:", StringComparison.Ordinal) ? installed : PackageEcosystem.PackageUrl(PackageEcosystem.Npm, installed), string.Empty, path, entry.NameStart.Line, entry.NameStart.Column));
                }
            }
        }

        /// <summary>
        /// The package a local folder dependency installs (<c>file:../vendor/llm</c>, <c>link:</c>, <c>portal:</c>): the name in
        /// that folder's package.json, as a package URL; null for any other spec or a folder without one.
        /// </summary>
        private static string? LocalPackageName(string manifestPath, string spec)
        {
            string s = spec.Trim();
            int colon = s.IndexOf(':');
            string scheme = colon > 0 ? s.Substring(0, colon).ToLowerInvariant() : string.Empty;
            if (scheme != "file" && scheme != "link" && scheme != "portal")
            {
                return null;
            }

            try
            {
                string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".", s.Substring(colon + 1).TrimStart('/').Length == 0 ? "." : s.Substring(colon + 1));
                string json = Path.Combine(folder, "package.json");
                if (!File.Exists(json) || new FileInfo(json).Length > MaxBytes)
                {
                    return null;
                }

                JsonNode? name = JsonReader.TryParse(File.ReadAllText(json), out _)?["name"];
                return name != null && name.IsString && !string.IsNullOrWhiteSpace(name.Text) ? PackageEcosystem.PackageUrl(PackageEcosystem.Npm, name.Text!) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>
        /// The package a tarball spec (<c>file:vendor/openai-4.77.0.tgz</c>, an https URL to one) holds, by the name npm pack
        /// gives it (<c>&lt;name&gt;-&lt;version&gt;.tgz</c>; a scoped <c>@anthropic-ai/sdk</c> packs as
        /// <c>anthropic-ai-sdk-0.30.1.tgz</c>, read back as the catalog's scoped name); null for any other spec.
        /// </summary>
        internal static string? TarballName(string spec)
        {
            string s = spec.Trim();
            if (!s.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) && !s.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // Adversary round 13 route 7: a registry's scoped tarball URL, …/@anthropic-ai/sdk/-/sdk-0.30.0.tgz (or
            // @anthropic-ai%2fsdk), names the scope in its path, not in the file name.
            string path = s.Replace("%2f", "/").Replace("%2F", "/");
            int packed = path.IndexOf("/-/", StringComparison.Ordinal);
            int scope = packed > 0 ? path.LastIndexOf("/@", packed, StringComparison.Ordinal) : -1;
            if (scope >= 0 && path.IndexOf('/', scope + 2) < packed && path.IndexOf('/', scope + 2) > scope + 2)
            {
                return path.Substring(scope + 1, packed - scope - 1);
            }

            string file = s.Substring(s.Replace('\\', '/').LastIndexOf('/') + 1);
            file = file.Substring(0, file.Length - (file.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) ? 4 : 7));
            if (file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                file = file.Substring(5);
            }

            // The version starts at the last '-' followed by a digit that begins a dotted version.
            for (int i = file.Length - 2; i > 0; i--)
            {
                if (file[i] == '-' && char.IsDigit(file[i + 1]) && file.IndexOf('.', i) > 0)
                {
                    return Unscoped(file.Substring(0, i));
                }
            }

            return null;
        }

        /// <summary>npm pack writes @scope/name as scope-name: the scoped name the SDK catalog knows, when one reads so.</summary>
        private static string Unscoped(string packed)
        {
            if (AiSdkCatalog.TryGetByPackageId(PackageEcosystem.PackageUrl(PackageEcosystem.Npm, packed), out _))
            {
                return packed;
            }

            for (int i = packed.IndexOf('-'); i > 0 && i < packed.Length - 1; i = packed.IndexOf('-', i + 1))
            {
                string scoped = "@" + packed.Substring(0, i) + "/" + packed.Substring(i + 1);
                if (AiSdkCatalog.TryGetByPackageId(PackageEcosystem.PackageUrl(PackageEcosystem.Npm, scoped), out _))
                {
                    return scoped;
                }
            }

            return packed;
        }

        /// <summary>An exact version ("4.52.0", "=4.52.0", "v4.52.0") as the version; any range or other spec as written.</summary>
        internal static string NpmVersion(string spec)
        {
            string s = spec.Trim();
            if (s.StartsWith("=", StringComparison.Ordinal))
            {
                s = s.Substring(1).Trim();
            }

            if (s.StartsWith("v", StringComparison.Ordinal) && s.Length > 1 && char.IsDigit(s[1]))
            {
                s = s.Substring(1);
            }

            return s.Length > 0 && char.IsDigit(s[0]) && s.IndexOfAny(RangeChars) < 0 ? s : spec;
        }

        private static readonly char[] RangeChars = { ' ', '^', '~', '<', '>', '|', '*', 'x', 'X', ',' };

        /// <summary>
        /// The package ids the manifests beside a lock file declare (package.json for npm's locks; pyproject.toml, Pipfile
        /// for Python's): reported there, not again in the lock file.
        /// </summary>
        private static HashSet<string> DeclaredBeside(string lockPath, params string[] manifests)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? dir = Path.GetDirectoryName(lockPath);
            foreach (string manifestName in manifests.Length == 0 ? new[] { "package.json" } : manifests)
            {
                string manifest = Path.Combine(string.IsNullOrEmpty(dir) ? "." : dir, manifestName);
                try
                {
                    if (!File.Exists(manifest) || new FileInfo(manifest).Length > MaxBytes)
                    {
                        continue;
                    }

                    var ignored = new List<Finding>();
                    foreach (DeclaredPackage p in Parse(manifest, File.ReadAllText(manifest), ignored))
                    {
                        names.Add(p.Id);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
                {
                }
            }

            return names;
        }

        private static void PackageLock(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Json(path, text, problems);
            if (root == null)
            {
                return;
            }

            HashSet<string> direct = DeclaredBeside(path);
            var local = new List<DeclaredPackage>();
            JsonNode? packages = root["packages"];
            if (packages != null && packages.IsObject)
            {
                foreach (JsonProperty entry in packages.Properties)
                {
                    int cut = entry.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                    if (cut < 0 || !entry.Value.IsObject || entry.Value["link"]?.Kind == JsonKind.True)
                    {
                        continue; // the root ("") and workspace folders: their package.json is read itself
                    }

                    string name = entry.Value["name"]?.Text ?? entry.Name.Substring(cut + "node_modules/".Length);
                    if (Add(local, PackageEcosystem.Npm, name, entry.Value["version"]?.Text ?? string.Empty, path, entry.NameStart.Line, entry.NameStart.Column) is { } locked)
                    {
                        locked.Source = entry.Value["resolved"]?.Text; // route 19: where npm fetched it (the registry, a mirror, a git repository)
                    }
                }
            }
            else
            {
                LockV1(path, root["dependencies"], local, 0);
            }

            foreach (DeclaredPackage p in local)
            {
                if (!direct.Contains(p.Id))
                {
                    found.Add(p);
                }
            }
        }

        private static void LockV1(string path, JsonNode? dependencies, List<DeclaredPackage> found, int depth)
        {
            if (dependencies == null || !dependencies.IsObject || depth > 64)
            {
                return;
            }

            foreach (JsonProperty entry in dependencies.Properties)
            {
                if (!entry.Value.IsObject)
                {
                    continue;
                }

                if (Add(found, PackageEcosystem.Npm, entry.Name, entry.Value["version"]?.Text ?? string.Empty, path, entry.NameStart.Line, entry.NameStart.Column) is { } locked)
                {
                    locked.Source = entry.Value["resolved"]?.Text;
                }

                LockV1(path, entry.Value["dependencies"], found, depth + 1);
            }
        }

        /// <summary>yarn.lock v1 (<c>"openai@^4.0.0", openai@^4.1.0:</c>) and berry (<c>"openai@npm:^4.0.0":</c>): the unindented entry lines.</summary>
        private static void YarnLock(string path, string text, List<DeclaredPackage> found)
        {
            HashSet<string> direct = DeclaredBeside(path);
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                if (l.Length == 0 || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || !l.EndsWith(":", StringComparison.Ordinal))
                {
                    continue;
                }

                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (string part in l.Substring(0, l.Length - 1).Split(','))
                {
                    string spec = part.Trim().Trim('"');
                    int at = spec.IndexOf('@', 1);
                    string name = at > 0 ? spec.Substring(0, at) : spec;
                    string version = at > 0 ? spec.Substring(at + 1) : string.Empty;
                    if (version.StartsWith("npm:", StringComparison.Ordinal))
                    {
                        // berry's "alias@npm:openai@^4" or "openai@npm:^4"
                        string target = version.Substring(4);
                        int at2 = target.LastIndexOf('@');
                        if (at2 > 0)
                        {
                            name = target.Substring(0, at2);
                        }
                    }

                    if (name == "__metadata" || !names.Add(name))
                    {
                        continue;
                    }

                    string id = PackageEcosystem.PackageUrl(PackageEcosystem.Npm, name);
                    if (!direct.Contains(id))
                    {
                        Add(found, PackageEcosystem.Npm, name, string.Empty, path, line, 1);
                    }
                }
            }
        }

        /// <summary>pnpm-lock.yaml: the keys of its <c>packages:</c> section (<c>/openai@4.0.0:</c>, <c>openai@4.0.0:</c>, v5 <c>/openai/4.0.0:</c>).</summary>
        private static void PnpmLock(string path, string text, List<DeclaredPackage> found)
        {
            HashSet<string> direct = DeclaredBeside(path);
            bool inPackages = false;
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r', ' ');
                if (l.Length == 0 || l.TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (l[0] != ' ')
                {
                    inPackages = l == "packages:" || l == "snapshots:";
                    continue;
                }

                if (!inPackages || l.Length < 4 || l[1] != ' ' || l[2] == ' ' || !l.EndsWith(":", StringComparison.Ordinal))
                {
                    continue;
                }

                string key = l.Substring(2, l.Length - 3).Trim().Trim('\'', '"');
                int paren = key.IndexOf('(');
                if (paren > 0)
                {
                    key = key.Substring(0, paren);
                }

                key = key.TrimStart('/');
                int at = key.IndexOf('@', 1);
                string name;
                string version;
                if (at > 0)
                {
                    name = key.Substring(0, at);
                    version = key.Substring(at + 1);
                }
                else
                {
                    int slash = key.LastIndexOf('/');
                    name = slash > 0 ? key.Substring(0, slash) : key;
                    version = slash > 0 ? key.Substring(slash + 1) : string.Empty;
                }

                string id = PackageEcosystem.PackageUrl(PackageEcosystem.Npm, name);
                if (!direct.Contains(id) && !found.Exists(p => p.File == path && string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase) && p.Version == version))
                {
                    Add(found, PackageEcosystem.Npm, name, version, path, line, 3);
                }
            }
        }

        // ---------------- PyPI ----------------

        /// <summary>requirements files: one PEP 508 requirement or pip option per logical line.</summary>
        private static void Requirements(string path, string text, List<DeclaredPackage> found, List<Finding> problems, HashSet<string> visited, int depth)
        {
            int first = found.Count;
            string? index = null;
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int lineNumber = i + 1;
                string l = lines[i].TrimEnd('\r');
                while (l.EndsWith("\\", StringComparison.Ordinal) && i + 1 < lines.Length)
                {
                    l = l.Substring(0, l.Length - 1) + " " + lines[++i].TrimEnd('\r');
                }

                l = StripComment(l);
                string t = l.Trim();
                if (t.Length == 0)
                {
                    continue;
                }

                if (t[0] == '-')
                {
                    index ??= IndexOption(t);
                    Option(path, t, lineNumber, l.IndexOf('-') + 1, found, problems, visited, depth);
                    continue;
                }

                Requirement(path, l, lineNumber, 0, found);
            }

            // Adversary round 13 route 19: pip applies a file's --index-url / --extra-index-url / --find-links to every
            // requirement it installs, wherever the line stands: each package of the file (and of its -r files) comes from
            // that index, not the registry the policy's approval is of.
            if (index != null)
            {
                for (int i = first; i < found.Count; i++)
                {
                    found[i].Source ??= index;
                }
            }
        }

        /// <summary>A pip option line split at its first blank or '=' (<c>--index-url=URL</c>, <c>-r file</c>); false (the whole line as the name) when it has none.</summary>
        private static bool SplitOption(string option, out string name, out string value)
        {
            int split = option.IndexOfAny(new[] { ' ', '\t', '=' });
            name = split > 0 ? option.Substring(0, split) : option;
            value = split > 0 ? option.Substring(split + 1).Trim() : string.Empty;
            return split > 0;
        }

        /// <summary>The index or find-links location of a pip option line (<c>-i URL</c>, <c>--index-url=URL</c>, <c>--extra-index-url</c>, <c>-f</c>, <c>--find-links</c>); null for any other option.</summary>
        private static string? IndexOption(string option)
        {
            if (!SplitOption(option, out string name, out string value) && ((option.StartsWith("-i", StringComparison.Ordinal) || option.StartsWith("-f", StringComparison.Ordinal)) && option.Length > 2))
            {
                name = option.Substring(0, 2);
                value = option.Substring(2).Trim();
            }

            bool index = name == "-i" || name == "--index-url" || name == "--extra-index-url" || name == "-f" || name == "--find-links";
            return index && value.Length > 0 ? value.Split(' ', '\t')[0] : null;
        }

        /// <summary>
        /// Whether every line of a file read as requirements by its name alone (<c>*requirements*.txt</c>) is one pip reads: an
        /// option, a URL or path, or a requirement (a name followed by nothing, extras, a version specifier, <c>@ url</c> or a
        /// marker). A prose file such as <c>system-requirements.txt</c> ("Python 3.11 or later") is no requirements file: pip
        /// refuses it, so it installs nothing, and its lines (<c>-r x</c> among them) are not read (no GRD205 for a missing x).
        /// </summary>
        private static bool IsRequirementsText(string text)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i].TrimEnd('\r');
                while (l.EndsWith("\\", StringComparison.Ordinal) && i + 1 < lines.Length)
                {
                    l = l.Substring(0, l.Length - 1) + " " + lines[++i].TrimEnd('\r');
                }

                string t = StripComment(l).Trim();
                if (t.Length == 0 || t[0] == '-' || t[0] == '.' || t[0] == '/' || t.IndexOf("://", StringComparison.Ordinal) > 0 || t.StartsWith("git+", StringComparison.OrdinalIgnoreCase) || (t.Length > 2 && t[1] == ':' && (t[2] == '\\' || t[2] == '/')))
                {
                    continue; // an option, a path (C:\wheels\x.whl), a URL
                }

                int end = 0;
                while (end < t.Length && (char.IsLetterOrDigit(t[end]) || t[end] == '-' || t[end] == '_' || t[end] == '.'))
                {
                    end++;
                }

                string rest = t.Substring(end).TrimStart();
                if (end == 0 || !char.IsLetterOrDigit(t[0]) || (rest.Length > 0 && "[(<>=!~;@".IndexOf(rest[0]) < 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The packages of the requirements file <paramref name="full"/> that an install command names with <c>-r</c> (its own
        /// <c>-r</c> lines followed as in a committed requirements file); empty when it is not there or cannot be read (a
        /// command may name a file it makes itself).
        /// </summary>
        internal static List<DeclaredPackage> RequirementsFile(string full)
        {
            var found = new List<DeclaredPackage>();
            if (File.Exists(full) && Load(full, new List<Finding>()) is { } text)
            {
                Requirements(full, text, found, new List<Finding>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFullPath(full) }, 0);
            }

            return found;
        }

        private static string StripComment(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
                {
                    return line.Substring(0, i);
                }
            }

            return line;
        }

        private static void Option(string path, string option, int line, int column, List<DeclaredPackage> found, List<Finding> problems, HashSet<string> visited, int depth)
        {
            if (!SplitOption(option, out string name, out string value) && (option.StartsWith("-r", StringComparison.Ordinal) || option.StartsWith("-c", StringComparison.Ordinal) || option.StartsWith("-e", StringComparison.Ordinal)))
            {
                name = option.Substring(0, 2);
                value = option.Substring(2).Trim();
            }

            if (name == "-r" || name == "--requirement")
            {
                Include(path, value, line, column, found, problems, visited, depth, true);
            }
            else if (name == "-c" || name == "--constraint")
            {
                // A constraints file pins what may be installed; an SDK pinned there is one the project installs (round 13
                // route 2). A constraints file not committed is no error: pip fails on it, and it installs nothing itself.
                Include(path, value, line, column, found, problems, visited, depth, false);
            }
            else if (name == "-e" || name == "--editable")
            {
                int egg = value.IndexOf("#egg=", StringComparison.OrdinalIgnoreCase);
                if (egg >= 0)
                {
                    string eggName = value.Substring(egg + 5);
                    int amp = eggName.IndexOfAny(new[] { '&', '[', ' ' });
                    if (Add(found, PackageEcosystem.PyPI, amp >= 0 ? eggName.Substring(0, amp) : eggName, string.Empty, path, line, column) is { } editable)
                    {
                        editable.Source = value.Substring(0, egg); // route 19: the repository or path, not the registry
                    }
                }
            }
        }

        /// <summary>
        /// A pip option line in a file that is not a requirements file (tox's <c>deps = -r test-deps.txt</c>, conda's
        /// <c>pip: [-r ml-deps.txt]</c>): <c>-r</c>/<c>-c</c> files read relative to <paramref name="path"/>, <c>-e …#egg=</c>.
        /// </summary>
        internal static void PipOption(string path, string option, int line, int column, List<DeclaredPackage> found, List<Finding> problems) =>
            Option(path, option.Trim(), line, column, found, problems, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFullPath(path) }, 0);

        private static void Include(string path, string target, int line, int column, List<DeclaredPackage> found, List<Finding> problems, HashSet<string> visited, int depth, bool required)
        {
            if (target.Length == 0 || target.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return;
            }

            string full;
            try
            {
                full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", target.Replace('\\', '/')));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return;
            }

            if (depth >= MaxIncludeDepth || !visited.Add(full))
            {
                return; // a cycle, or read already (the build reads every committed requirements file anyway)
            }

            if (!File.Exists(full))
            {
                if (!required)
                {
                    return;
                }

                problems.Add(new Finding(RuleCatalog.PackageManifestUnreadable, path, line, column,
                    "The requirements file " + Path.GetFileName(path) + " includes '" + Path.GetFileName(full) + "', which is not there, so the packages it declares cannot be judged against the policy. Commit it, or remove the -r line."));
                return;
            }

            string? text = Load(full, problems);
            if (text != null)
            {
                Requirements(full, text, found, problems, visited, depth + 1);
            }
        }

        /// <summary>One PEP 508 requirement (<c>openai[datalib]==1.55.0 ; python_version &gt;= "3.9"</c>, <c>openai @ https://…</c>) or a wheel file name.</summary>
        internal static void Requirement(string path, string text, int line, int column, List<DeclaredPackage> found)
        {
            int i = 0;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            int start = i;
            string rest = text.Substring(start).Trim();
            int semicolon = rest.IndexOf(';');
            string body = (semicolon >= 0 ? rest.Substring(0, semicolon) : rest).Trim();
            // Adversary round 12 route 11: a git or GitHub archive URL installs the SDK from its repository, alone
            // (git+https://github.com/openai/openai-python@v1.55.0) or under another name (x @ git+https://…).
            int atUrl = body.IndexOf(" @ ", StringComparison.Ordinal);
            string url = atUrl >= 0 ? body.Substring(atUrl + 3).Trim() : body;
            int fragment = url.IndexOf('#');
            string egg = string.Empty;
            if (fragment > 0)
            {
                // Adversary round 13 route 12: git+https://…/openai-python#egg=openai (pip -e): the fragment is no part of the
                // repository, and the egg names the project pip installs.
                int eggAt = url.IndexOf("egg=", fragment, StringComparison.OrdinalIgnoreCase);
                egg = eggAt < 0 ? string.Empty : url.Substring(eggAt + 4).Split('&', '[', ' ')[0];
                url = url.Substring(0, fragment);
            }

            bool bareUrl = atUrl < 0 && (body.IndexOf("://", StringComparison.Ordinal) > 0 || body.StartsWith("git+", StringComparison.OrdinalIgnoreCase) || body.StartsWith("git@", StringComparison.OrdinalIgnoreCase));
            if ((atUrl >= 0 || bareUrl) && SdkSourceRepositories.PackageOf(PackageEcosystem.PyPI, url) is { } fromRepository &&
                !(atUrl >= 0 && fromRepository.Equals(PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, body.Substring(0, atUrl).Split('[')[0].Trim()), StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(new DeclaredPackage(fromRepository, string.Empty, path, line, column > 0 ? column : start + 1));
                if (PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, egg).Equals(fromRepository, StringComparison.OrdinalIgnoreCase))
                {
                    egg = string.Empty;
                }
            }

            if (bareUrl && egg.Length > 0 && Add(found, PackageEcosystem.PyPI, egg, string.Empty, path, line, column > 0 ? column : start + 1) is { } fromUrl)
            {
                fromUrl.Source = url; // route 19: installed from that repository or archive, not from the registry
            }

            if (bareUrl && !(body.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || body.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || body.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
            {
                return; // a URL names no project of its own ("git+https" is no package)
            }

            if (body.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || body.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || body.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                // A wheel or sdist file or URL: openai-1.55.0-py3-none-any.whl names its project before the first '-'.
                string file = body.Substring(body.Replace('\\', '/').LastIndexOf('/') + 1);
                int dash = file.IndexOf('-');
                if (dash > 0 && body.IndexOf(" @ ", StringComparison.Ordinal) < 0)
                {
                    if (Add(found, PackageEcosystem.PyPI, file.Substring(0, dash), string.Empty, path, line, (column > 0 ? column : start + 1)) is { } archive)
                    {
                        archive.Source = body; // a wheel or sdist file or URL: the registry only when it is the registry's own file host
                    }

                    return;
                }
            }

            int end = 0;
            while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] == '-' || body[end] == '_' || body[end] == '.'))
            {
                end++;
            }

            if (end == 0 || !char.IsLetterOrDigit(body[0]))
            {
                return; // a path, a URL without a name, or not a requirement
            }

            string name = body.Substring(0, end);
            string spec = body.Substring(end).Trim();
            if (spec.StartsWith("[", StringComparison.Ordinal))
            {
                int close = spec.IndexOf(']');
                spec = close < 0 ? string.Empty : spec.Substring(close + 1).Trim();
            }

            if (spec.StartsWith("(", StringComparison.Ordinal) && spec.EndsWith(")", StringComparison.Ordinal))
            {
                spec = spec.Substring(1, spec.Length - 2).Trim();
            }

            if (Add(found, PackageEcosystem.PyPI, name, PyPIVersion(spec), path, line, column > 0 ? column : start + 1) is { } declared && atUrl >= 0)
            {
                declared.Source = body.Substring(atUrl + 3).Trim(); // route 19: "azure-ai-inference @ git+https://…/fork" is that fork
            }
        }

        /// <summary>An exact pin (<c>==1.55.0</c>, <c>===1.55.0</c>) as the version; any other specifier as written.</summary>
        private static string PyPIVersion(string spec)
        {
            string s = spec.Trim();
            if (s.StartsWith("@", StringComparison.Ordinal))
            {
                return s;
            }

            if (s.StartsWith("==", StringComparison.Ordinal) && s.IndexOf(',') < 0 && s.IndexOf('*') < 0)
            {
                string v = s.TrimStart('=').Trim();
                return v.Length > 0 ? v : spec;
            }

            return s;
        }

        private static JsonNode? Toml(string path, string text, List<Finding> problems)
        {
            JsonNode? root = TomlReader.TryParse(text, out JsonParseException? error);
            if (error != null)
            {
                problems.Add(Problem(path, error.Position.Line, error.Position.Column, "is not valid TOML (" + error.Message + ")"));
                return null;
            }

            return root != null && root.IsObject ? root : null;
        }

        private static void PyProject(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Toml(path, text, problems);
            if (root == null)
            {
                return;
            }

            int first = found.Count;
            JsonNode? project = root["project"];
            RequirementList(path, project?["dependencies"], found);
            RequirementTables(path, project?["optional-dependencies"], found);
            RequirementTables(path, root["dependency-groups"], found);
            JsonNode? tool = root["tool"];
            JsonNode? poetry = tool?["poetry"];
            NameTable(path, poetry?["dependencies"], found);
            NameTable(path, poetry?["dev-dependencies"], found);
            JsonNode? groups = poetry?["group"];
            if (groups != null && groups.IsObject)
            {
                foreach (JsonProperty group in groups.Properties)
                {
                    NameTable(path, group.Value["dependencies"], found);
                }
            }

            RequirementList(path, tool?["uv"]?["dev-dependencies"], found);
            RequirementTables(path, tool?["pdm"]?["dev-dependencies"], found);

            // Adversary round 13 route 2: what pip installs to build the project, hatch's environments, and the files
            // setuptools reads the (dynamic) dependencies from.
            RequirementList(path, root["build-system"]?["requires"], found);
            if (tool?["hatch"]?["envs"] is { IsObject: true } envs)
            {
                foreach (JsonProperty env in envs.Properties)
                {
                    RequirementList(path, env.Value["dependencies"], found);
                    RequirementList(path, env.Value["extra-dependencies"], found);
                }
            }

            if (tool?["setuptools"]?["dynamic"] is { IsObject: true } dynamic)
            {
                DynamicFiles(path, dynamic["dependencies"], found, problems);
                if (dynamic["optional-dependencies"] is { IsObject: true } optional)
                {
                    foreach (JsonProperty extra in optional.Properties)
                    {
                        DynamicFiles(path, extra.Value, found, problems);
                    }
                }
            }

            // Adversary round 13 route 19: uv's and Poetry's package sources. A per-package source (git, url, path, or a named
            // index) is where that package comes from; an index uv searches before PyPI (any [[tool.uv.index]] not explicit) or
            // a Poetry primary source is where every package of the file comes from.
            var indexes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? everyPackage = null;
            foreach (JsonNode index in Items(tool?["uv"]?["index"]).Concat(Items(poetry?["source"])))
            {
                string? name = index["name"]?.Text;
                string? url = index["url"]?.Text;
                if (string.IsNullOrWhiteSpace(url))
                {
                    continue;
                }

                if (!string.IsNullOrWhiteSpace(name))
                {
                    indexes[name!] = url!;
                }

                string priority = (index["priority"]?.Text ?? "primary").ToLowerInvariant();
                bool searched = index["explicit"]?.Kind != JsonKind.True && priority != "explicit" && priority != "supplemental";
                everyPackage ??= searched ? url : null;
            }

            var perPackage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty entry in (tool?["uv"]?["sources"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
                     .Concat(PoetryTables(poetry)))
            {
                if (SourceOf(entry.Value, indexes) is { } source)
                {
                    perPackage[PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, entry.Name)] = source;
                }
            }

            for (int i = first; i < found.Count; i++)
            {
                if (found[i].File == path && found[i].Source == null)
                {
                    found[i].Source = perPackage.TryGetValue(found[i].Id, out string? own) ? own : everyPackage;
                }
            }
        }

        private static IReadOnlyList<JsonNode> Items(JsonNode? node) => node != null && node.IsArray ? node.Items : (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>();

        /// <summary>The entries of Poetry's dependency tables (main, dev, every group), for their <c>git</c>/<c>path</c>/<c>url</c>/<c>source</c> keys.</summary>
        private static IEnumerable<JsonProperty> PoetryTables(JsonNode? poetry)
        {
            var tables = new List<JsonNode?> { poetry?["dependencies"], poetry?["dev-dependencies"] };
            foreach (JsonProperty group in poetry?["group"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                tables.Add(group.Value["dependencies"]);
            }

            return tables.Where(t => t != null && t.IsObject).SelectMany(t => t!.Properties);
        }

        /// <summary>
        /// The source a uv/Poetry/Pipenv package entry names (<c>{ git = "…" }</c>, <c>url</c>, <c>path</c>, <c>file</c>, or a named
        /// index through <c>index</c>/<c>source</c>); null for a version or a workspace member.
        /// </summary>
        private static string? SourceOf(JsonNode entry, Dictionary<string, string> indexes)
        {
            if (!entry.IsObject)
            {
                return null;
            }

            foreach (string key in new[] { "git", "url", "path", "file" })
            {
                if (entry[key] is { IsString: true } value && !string.IsNullOrWhiteSpace(value.Text))
                {
                    return value.Text!.Trim();
                }
            }

            string? named = entry["index"]?.Text ?? entry["source"]?.Text;
            return named != null && indexes.TryGetValue(named, out string? url) ? url : null;
        }

        /// <summary>setuptools' <c>{ file = "deps.txt" }</c> or <c>{ file = ["a.txt", "b.txt"] }</c>: requirements files beside pyproject.toml.</summary>
        private static void DynamicFiles(string path, JsonNode? entry, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? file = entry != null && entry.IsObject ? entry["file"] : null;
            IEnumerable<JsonNode> files = file == null ? Array.Empty<JsonNode>() : file.IsArray ? file.Items : new[] { file };
            foreach (JsonNode item in files)
            {
                if (item.IsString)
                {
                    Include(path, (item.Text ?? string.Empty).Trim(), item.Start.Line, item.Start.Column, found, problems,
                        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFullPath(path) }, 0, true);
                }
            }
        }

        /// <summary>An array of PEP 508 strings, each at its own line.</summary>
        private static void RequirementList(string path, JsonNode? list, List<DeclaredPackage> found)
        {
            if (list == null || !list.IsArray)
            {
                return;
            }

            foreach (JsonNode item in list.Items)
            {
                if (item.IsString)
                {
                    Requirement(path, item.Text ?? string.Empty, item.Start.Line, item.Start.Column, found);
                }
            }
        }

        /// <summary>A table of such arrays (<c>[project.optional-dependencies]</c>, <c>[dependency-groups]</c>).</summary>
        private static void RequirementTables(string path, JsonNode? tables, List<DeclaredPackage> found)
        {
            if (tables == null || !tables.IsObject)
            {
                return;
            }

            foreach (JsonProperty group in tables.Properties)
            {
                RequirementList(path, group.Value, found);
            }
        }

        /// <summary>A Poetry/Pipfile table: name = "spec" or name = { version = "spec", … }.</summary>
        private static void NameTable(string path, JsonNode? table, List<DeclaredPackage> found)
        {
            if (table == null || !table.IsObject)
            {
                return;
            }

            foreach (JsonProperty dep in table.Properties)
            {
                if (dep.Name.Equals("python", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                JsonNode? version = dep.Value.IsObject ? dep.Value["version"] : dep.Value;
                string spec = version != null && version.IsString ? (version.Text ?? string.Empty).Trim() : string.Empty;
                Add(found, PackageEcosystem.PyPI, dep.Name, PyPIVersion(spec == "*" ? string.Empty : spec), path, dep.NameStart.Line, dep.NameStart.Column);
            }
        }

        private static void Pipfile(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Toml(path, text, problems);
            if (root == null)
            {
                return;
            }

            int first = found.Count;
            var indexes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var perPackage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? everyPackage = null;
            foreach (JsonNode source in Items(root["source"]))
            {
                if (source["url"]?.Text is { Length: > 0 } url)
                {
                    everyPackage ??= url; // Pipenv installs from the first [[source]] unless a package names another
                    if (source["name"]?.Text is { Length: > 0 } name)
                    {
                        indexes[name] = url;
                    }
                }
            }

            foreach (JsonProperty table in root.Properties)
            {
                string n = table.Name.ToLowerInvariant();
                if (n != "source" && n != "requires" && n != "scripts" && n != "pipenv")
                {
                    NameTable(path, table.Value, found); // [packages], [dev-packages] and any custom category
                    foreach (JsonProperty entry in table.Value.IsObject ? table.Value.Properties : (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
                    {
                        if (SourceOf(entry.Value, indexes) is { } own)
                        {
                            perPackage[PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, entry.Name)] = own;
                        }
                    }
                }
            }

            // Adversary round 13 route 19: a package's git/path/file or named index, else the first [[source]].
            for (int i = first; i < found.Count; i++)
            {
                found[i].Source ??= perPackage.TryGetValue(found[i].Id, out string? own) ? own : everyPackage;
            }
        }

        /// <summary>Pipfile.lock (JSON): every package of <c>default</c>, <c>develop</c> and other categories, with its pinned version.</summary>
        private static void PipfileLock(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Json(path, text, problems);
            if (root == null)
            {
                return;
            }

            HashSet<string> direct = DeclaredBeside(path, "Pipfile");
            var indexes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode source in Items(root["_meta"]?["sources"]))
            {
                if (source["name"]?.Text is { Length: > 0 } name && source["url"]?.Text is { Length: > 0 } url)
                {
                    indexes[name] = url;
                }
            }

            foreach (JsonProperty category in root.Properties)
            {
                if (category.Name == "_meta" || !category.Value.IsObject)
                {
                    continue;
                }

                foreach (JsonProperty dep in category.Value.Properties)
                {
                    string version = dep.Value.IsObject && dep.Value["version"] is { IsString: true } v ? PyPIVersion(v.Text ?? string.Empty) : string.Empty;
                    int before = found.Count;
                    AddUnlessDeclared(found, direct, dep.Name, version, path, dep.NameStart.Line, dep.NameStart.Column);
                    if (found.Count > before)
                    {
                        found[found.Count - 1].Source = SourceOf(dep.Value, indexes); // route 19: its index, git or path
                    }
                }
            }
        }

        /// <summary>poetry.lock and uv.lock (TOML): every <c>[[package]]</c> with its name and version.</summary>
        private static void PythonLock(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Toml(path, text, problems);
            JsonNode? packages = root?["package"];
            if (packages == null || !packages.IsArray)
            {
                return;
            }

            HashSet<string> direct = DeclaredBeside(path, "pyproject.toml");
            foreach (JsonNode package in packages.Items)
            {
                JsonNode? name = package.IsObject ? package["name"] : null;
                if (name != null && name.IsString && package["source"]?["editable"] == null && package["source"]?["virtual"] == null)
                {
                    int before = found.Count;
                    AddUnlessDeclared(found, direct, name.Text ?? string.Empty, package["version"]?.Text ?? string.Empty, path, name.Start.Line, name.Start.Column);
                    if (found.Count > before && package["source"] is { IsObject: true } source)
                    {
                        // route 19: uv's { registry = URL } / { git = URL }, Poetry's [package.source] url (an index or a repository)
                        found[found.Count - 1].Source = SourceOf(source, new Dictionary<string, string>()) ?? source["registry"]?.Text;
                    }
                }
            }
        }

        private static void AddUnlessDeclared(List<DeclaredPackage> found, HashSet<string> direct, string name, string version, string path, int line, int column)
        {
            if (!direct.Contains(PackageEcosystem.PackageUrl(PackageEcosystem.PyPI, name)))
            {
                Add(found, PackageEcosystem.PyPI, name, version, path, line, column);
            }
        }

        /// <summary>setup.cfg: <c>[options] install_requires</c> and every key of <c>[options.extras_require]</c>, one requirement per (indented) line.</summary>
        private static void SetupCfg(string path, string text, List<DeclaredPackage> found)
        {
            string section = string.Empty;
            bool inList = false;
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                string t = l.Trim();
                if (t.StartsWith("[", StringComparison.Ordinal) && t.EndsWith("]", StringComparison.Ordinal))
                {
                    section = t.Substring(1, t.Length - 2).Trim().ToLowerInvariant();
                    inList = false;
                    continue;
                }

                if (t.Length == 0 || t[0] == '#' || t[0] == ';')
                {
                    continue;
                }

                bool indented = l[0] == ' ' || l[0] == '\t';
                string value = t;
                if (!indented)
                {
                    int eq = t.IndexOfAny(new[] { '=', ':' });
                    string key = eq < 0 ? t : t.Substring(0, eq).Trim().ToLowerInvariant();
                    inList = eq > 0 && ((section == "options" && (key == "install_requires" || key == "setup_requires" || key == "tests_require")) || section == "options.extras_require");
                    value = eq < 0 ? string.Empty : t.Substring(eq + 1).Trim();
                }

                if (inList && value.Length > 0)
                {
                    Requirement(path, value, line, l.IndexOf(value, StringComparison.Ordinal) + 1, found);
                }
            }
        }
    }
}
