using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Adversary round 13 routes 9 and 10: the build files of the ecosystems no reader knew, and Python packages committed
    /// already installed, read into the same package URLs and judged by the same evaluator:
    /// <list type="bullet">
    /// <item>Scala sbt: <c>*.sbt</c> and <c>project/*.scala</c> (<c>"com.openai" % "openai-java" % "0.8.0"</c>, <c>%%</c>, <c>%%%</c>)
    /// as <c>pkg:maven/&lt;group&gt;/&lt;artifact&gt;</c>.</item>
    /// <item>Bazel: <c>MODULE.bazel</c>, <c>WORKSPACE</c>(<c>.bazel</c>) and <c>*.bzl</c> (rules_jvm_external's <c>maven.install</c> /
    /// <c>maven_install</c> <c>"group:artifact:version"</c> strings and <c>maven.artifact(group = …, artifact = …)</c>) as Maven.</item>
    /// <item>Dart/Flutter: <c>pubspec.yaml</c> (<c>dependencies</c>, <c>dev_dependencies</c>, <c>dependency_overrides</c>) and
    /// <c>pubspec.lock</c> as <c>pkg:pub/&lt;name&gt;</c>.</item>
    /// <item>Swift: <c>Package.swift</c> (<c>.package(url: …)</c>) and <c>Package.resolved</c> as <c>pkg:swift/&lt;host/path&gt;</c>.</item>
    /// <item>Elixir: <c>mix.exs</c> (<c>{:openai_ex, "~&gt; 0.8"}</c>) and <c>mix.lock</c> as <c>pkg:hex/&lt;name&gt;</c>.</item>
    /// <item>Maven: a <c>${property}</c> in a dependency's groupId, artifactId or version, from the pom's own <c>&lt;properties&gt;</c>
    /// (in <see cref="Pom"/>).</item>
    /// <item>Python packages committed installed (route 10: <c>pip install -t lambda/package</c>, a committed <c>.venv</c>,
    /// <c>vendor/</c>): a <c>*.dist-info/METADATA</c> or <c>*.egg-info/PKG-INFO</c> (<c>Name:</c>, <c>Version:</c>), and a package
    /// folder's <c>_version.py</c>/<c>__version__.py</c> naming its project (<c>__title__ = "openai"</c>) with no metadata beside it.</item>
    /// </list>
    /// </summary>
    public static partial class PackageManifests
    {
        /// <summary>Whether <paramref name="normalized"/> ('/'-separated) is one of this part's files that a name alone does not tell.</summary>
        private static bool IsRound13File(string normalized, string lowerName)
        {
            switch (lowerName)
            {
                case "pubspec.yaml":
                case "pubspec.lock":
                case "package.swift":
                case "package.resolved":
                case "mix.exs":
                case "mix.lock":
                case "module.bazel":
                case "workspace":
                case "workspace.bazel":
                    return true;
                case "metadata":
                case "pkg-info":
                    return InstalledMetadataFolder(normalized) != null;
            }

            return lowerName.EndsWith(".sbt", StringComparison.Ordinal) || lowerName.EndsWith(".bzl", StringComparison.Ordinal) ||
                   (lowerName.EndsWith(".scala", StringComparison.Ordinal) && string.Equals(Path.GetFileName(Path.GetDirectoryName(normalized) ?? string.Empty), "project", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Whether <paramref name="path"/> is a Python package's installed metadata (<c>*.dist-info/METADATA</c>, <c>*.egg-info/PKG-INFO</c>).</summary>
        public static bool IsInstalledMetadata(string path) => InstalledMetadataFolder(path) != null;

        /// <summary>The <c>*.dist-info</c> or <c>*.egg-info</c> folder a METADATA/PKG-INFO file is in; null for any other file.</summary>
        private static string? InstalledMetadataFolder(string path)
        {
            string folder = Path.GetFileName(Path.GetDirectoryName(path.Replace('\\', '/')) ?? string.Empty);
            string name = Path.GetFileName(path);
            return (name.Equals("METADATA", StringComparison.OrdinalIgnoreCase) && folder.EndsWith(".dist-info", StringComparison.OrdinalIgnoreCase)) ||
                   (name.Equals("PKG-INFO", StringComparison.OrdinalIgnoreCase) && folder.EndsWith(".egg-info", StringComparison.OrdinalIgnoreCase))
                ? folder
                : null;
        }

        /// <summary>Parses one of this part's files; false when <paramref name="path"/> is none of them.</summary>
        private static bool ParseRound13(string path, string lowerName, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            switch (lowerName)
            {
                case "pubspec.yaml":
                    Pubspec(path, text, found, problems);
                    return true;
                case "pubspec.lock":
                    PubspecLock(path, text, found, problems);
                    return true;
                case "package.swift":
                    PackageSwift(path, text, found);
                    return true;
                case "package.resolved":
                    PackageResolved(path, text, found, problems);
                    return true;
                case "mix.exs":
                    Lines(path, text, MixDependency, PackageEcosystem.Hex, found);
                    return true;
                case "mix.lock":
                    Lines(path, text, MixLockEntry, PackageEcosystem.Hex, found, DeclaredBeside(path, "mix.exs"));
                    return true;
                case "module.bazel":
                case "workspace":
                case "workspace.bazel":
                    Bazel(path, text, found);
                    return true;
                case "metadata":
                case "pkg-info":
                    if (InstalledMetadataFolder(path) == null)
                    {
                        return false;
                    }

                    InstalledMetadata(path, text, found);
                    return true;
            }

            if (lowerName.EndsWith(".bzl", StringComparison.Ordinal))
            {
                Bazel(path, text, found);
                return true;
            }

            if (lowerName.EndsWith(".sbt", StringComparison.Ordinal) || (lowerName.EndsWith(".scala", StringComparison.Ordinal) && IsRound13File(path.Replace('\\', '/'), lowerName)))
            {
                Lines(path, text, SbtDependency, PackageEcosystem.Maven, found);
                return true;
            }

            return false;
        }

        /// <summary>The sentence a GRD2xx message gives for a package of this part's files; null for other files.</summary>
        private static string? Round13Origin(string path, string lowerName)
        {
            if (InstalledMetadataFolder(path) != null || lowerName == "_version.py" || lowerName == "__version__.py")
            {
                return "installed already in a folder committed in the repository (" + SafeText.Clean(Path.GetFileName(Path.GetDirectoryName(path) ?? string.Empty)) +
                       ": a vendored copy, pip install -t, or a committed virtual environment); the code beside it imports it with no package file naming it";
            }

            string? tool = lowerName.StartsWith("pubspec", StringComparison.Ordinal) ? "Dart toolchain (dart pub, flutter pub)"
                : lowerName == "package.swift" || lowerName == "package.resolved" ? "Swift Package Manager"
                : lowerName.StartsWith("mix.", StringComparison.Ordinal) ? "Elixir toolchain (Mix)"
                : lowerName.EndsWith(".sbt", StringComparison.Ordinal) || lowerName.EndsWith(".scala", StringComparison.Ordinal) ? "Scala build tool (sbt)"
                : lowerName == "module.bazel" || lowerName.StartsWith("workspace", StringComparison.Ordinal) || lowerName.EndsWith(".bzl", StringComparison.Ordinal) ? "Bazel (rules_jvm_external)"
                : null;
            if (tool == null)
            {
                return null;
            }

            bool isLock = lowerName == "pubspec.lock" || lowerName == "package.resolved" || lowerName == "mix.lock";
            return isLock
                ? "installed by the packages of " + Path.GetFileName(path) + " (a package another one brings in; the " + tool + " fetches it, no project of the repository compiles that code)"
                : "declared in " + Path.GetFileName(path) + " (the " + tool + " fetches it for the repository's code in that language, which no project of the repository compiles)";
        }

        // ---------------- sbt, Bazel ----------------

        /// <summary>sbt's <c>"group" % "artifact" % "version"</c> (<c>%%</c>/<c>%%%</c> add the Scala version to the artifact).</summary>
        private static readonly Regex SbtDependency = new Regex(
            @"""(?<group>[A-Za-z0-9_.\-]+)""\s*%{1,3}\s*""(?<name>[A-Za-z0-9_.\-]+)""(?:\s*%\s*""(?<version>[^""]*)"")?",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>rules_jvm_external's <c>maven.artifact(group = "g", artifact = "a", version = "v")</c>.</summary>
        private static readonly Regex BazelArtifact = new Regex(
            @"\bgroup\s*=\s*""(?<group>[A-Za-z0-9_.\-]+)""\s*,\s*artifact\s*=\s*""(?<name>[A-Za-z0-9_.\-]+)""(?:\s*,\s*version\s*=\s*""(?<version>[^""]*)"")?",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>Mix's <c>{:openai_ex, "~&gt; 0.8"}</c>, <c>{:anthropix, github: "…"}</c>: a dependency tuple of a mix.exs.</summary>
        private static readonly Regex MixDependency = new Regex(
            @"\{\s*:(?<name>[a-z][a-z0-9_]*)\s*,\s*(?:""(?<version>[^""]*)""|[a-z_]+:)",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>mix.lock's <c>"openai_ex": {:hex, :openai_ex, "0.8.5", …}</c>.</summary>
        private static readonly Regex MixLockEntry = new Regex(
            @"\{:hex,\s*:(?<name>[a-z][a-z0-9_]*)\s*,\s*""(?<version>[^""]*)""",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>Every match of <paramref name="pattern"/> on each line, as a package of <paramref name="ecosystem"/> (a Maven one is group/name).</summary>
        private static void Lines(string path, string text, Regex pattern, string ecosystem, List<DeclaredPackage> found, HashSet<string>? declaredBeside = null)
        {
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                string trimmed = l.TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("#", StringComparison.Ordinal))
                {
                    continue; // a comment (Scala, Starlark, Elixir)
                }

                try
                {
                    foreach (Match m in pattern.Matches(l))
                    {
                        string name = m.Groups["group"].Success ? m.Groups["group"].Value + "/" + m.Groups["name"].Value : m.Groups["name"].Value;
                        if (declaredBeside == null || !declaredBeside.Contains(PackageEcosystem.PackageUrl(ecosystem, name)))
                        {
                            Add(found, ecosystem, name, m.Groups["version"].Value, path, line, m.Index + 1);
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // a pathological line: what was found before it is kept
                }
            }
        }

        /// <summary>Bazel: the quoted Maven coordinates (<c>"com.anthropic:anthropic-java:1.0.0"</c>) and <c>maven.artifact(…)</c> calls.</summary>
        private static void Bazel(string path, string text, List<DeclaredPackage> found)
        {
            int line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                if (l.TrimStart().StartsWith("#", StringComparison.Ordinal) || (l.IndexOf(':') < 0 && l.IndexOf("artifact", StringComparison.Ordinal) < 0))
                {
                    continue;
                }

                try
                {
                    foreach (Match m in GradleCoordinate.Matches(l))
                    {
                        // A coordinate has a version (or names a group and artifact only in a list of artifacts); a Bazel label
                        // ("@maven//:x", "//pkg:target") never matches, its first character being '@' or '/'.
                        Add(found, PackageEcosystem.Maven, m.Groups[1].Value + "/" + m.Groups[2].Value, m.Groups[3].Value, path, line, m.Index + 2);
                    }

                    foreach (Match m in BazelArtifact.Matches(l))
                    {
                        Add(found, PackageEcosystem.Maven, m.Groups["group"].Value + "/" + m.Groups["name"].Value, m.Groups["version"].Value, path, line, m.Index + 1);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                }
            }
        }

        // ---------------- Dart, Swift ----------------

        private static readonly string[] PubSections = { "dependencies", "dev_dependencies", "dependency_overrides" };

        /// <summary>pubspec.yaml: each package of its dependency sections (a Flutter SDK entry, <c>sdk: flutter</c>, is none).</summary>
        private static void Pubspec(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Yaml(path, text, problems);
            if (root == null || !root.IsObject)
            {
                return;
            }

            foreach (string section in PubSections)
            {
                foreach (JsonProperty dep in root[section]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
                {
                    if (dep.Value.IsObject && dep.Value["sdk"] != null)
                    {
                        continue;
                    }

                    string version = dep.Value.IsString ? (dep.Value.Text ?? string.Empty).Trim() : dep.Value["version"]?.Text ?? string.Empty;
                    if (Add(found, PackageEcosystem.Pub, dep.Name, version, path, dep.NameStart.Line, dep.NameStart.Column) is { } declared && dep.Value.IsObject)
                    {
                        // A git or path dependency, or another hosted server, is not pub.dev's package (route 19's rule).
                        declared.Source = dep.Value["git"] is { } git ? (git.IsString ? git.Text : git["url"]?.Text)
                            : dep.Value["path"]?.Text ?? (dep.Value["hosted"] is { } hosted ? (hosted.IsString ? hosted.Text : hosted["url"]?.Text) : null);
                    }
                }
            }
        }

        /// <summary>pubspec.lock: every package of its <c>packages:</c> map, with the version resolved, but those the pubspec.yaml beside it declares.</summary>
        private static void PubspecLock(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Yaml(path, text, problems);
            HashSet<string> direct = DeclaredBeside(path, "pubspec.yaml");
            foreach (JsonProperty package in root?["packages"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                if (!direct.Contains(PackageEcosystem.PackageUrl(PackageEcosystem.Pub, package.Name)) && package.Value["source"]?.Text != "sdk")
                {
                    Add(found, PackageEcosystem.Pub, package.Name, package.Value["version"]?.Text ?? string.Empty, path, package.NameStart.Line, package.NameStart.Column);
                }
            }
        }

        /// <summary>Package.swift's <c>.package(url: "https://github.com/MacPaw/OpenAI.git", from: "0.3.0")</c>.</summary>
        private static readonly Regex SwiftPackage = new Regex(
            @"\.package\s*\([^)]*?\burl\s*:\s*""(?<url>[^""]+)""(?:[^)]*?(?:from|exact)\s*:\s*""(?<version>[^""]*)"")?",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(2));

        private static void PackageSwift(string path, string text, List<DeclaredPackage> found)
        {
            try
            {
                foreach (Match m in SwiftPackage.Matches(text))
                {
                    (int line, int column) = LineAndColumn(text, m.Groups["url"].Index);
                    Add(found, PackageEcosystem.Swift, m.Groups["url"].Value, m.Groups["version"].Value, path, line, column);
                }
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }

        /// <summary>Package.resolved (v1 <c>object.pins[].repositoryURL</c>, v2/v3 <c>pins[].location</c>), but what the Package.swift beside it declares.</summary>
        private static void PackageResolved(string path, string text, List<DeclaredPackage> found, List<Finding> problems)
        {
            JsonNode? root = Json(path, text, problems);
            HashSet<string> direct = DeclaredBeside(path, "Package.swift");
            JsonNode? pins = root?["pins"] ?? root?["object"]?["pins"];
            foreach (JsonNode pin in pins != null && pins.IsArray ? pins.Items : (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>())
            {
                JsonNode? location = pin["location"] ?? pin["repositoryURL"];
                if (location?.Text is { Length: > 0 } url && !direct.Contains(PackageEcosystem.PackageUrl(PackageEcosystem.Swift, url)))
                {
                    Add(found, PackageEcosystem.Swift, url, pin["state"]?["version"]?.Text ?? string.Empty, path, location.Start.Line, location.Start.Column);
                }
            }
        }

        private static (int Line, int Column) LineAndColumn(string text, int index)
        {
            int line = 1, start = 0;
            for (int i = 0; i < index && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    start = i + 1;
                }
            }

            return (line, index - start + 1);
        }

        // ---------------- Python packages committed installed (route 10) ----------------

        /// <summary>A dist-info METADATA or egg-info PKG-INFO: its <c>Name:</c> (at that line) and <c>Version:</c> headers.</summary>
        private static void InstalledMetadata(string path, string text, List<DeclaredPackage> found)
        {
            string? name = null, version = null;
            int nameLine = 0, line = 0;
            foreach (string raw in text.Split('\n'))
            {
                line++;
                string l = raw.TrimEnd('\r');
                if (l.Length == 0)
                {
                    break; // the headers end at the first empty line; the description follows
                }

                if (name == null && l.StartsWith("Name:", StringComparison.OrdinalIgnoreCase))
                {
                    name = l.Substring(5).Trim();
                    nameLine = line;
                }
                else if (version == null && l.StartsWith("Version:", StringComparison.OrdinalIgnoreCase))
                {
                    version = l.Substring(8).Trim();
                }
            }

            if (name != null)
            {
                Add(found, PackageEcosystem.PyPI, name, version ?? string.Empty, path, nameLine, 1);
            }
        }

        /// <summary>A package's own <c>__title__ = "openai"</c> (<c>__title__: str = "mistralai"</c>) and <c>__version__</c>.</summary>
        private static readonly Regex VersionModuleTitle = new Regex(
            @"^__(?<key>title|version)__\s*(?::\s*str\s*)?=\s*[""'](?<value>[^""']+)[""']",
            RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(2));

        /// <summary>
        /// A package folder's <c>_version.py</c>/<c>__version__.py</c> that names its project (<c>vendor/openai/_version.py</c>:
        /// <c>__title__ = "openai"</c>): a copy of that package committed into the repository. Not reported when the folder beside
        /// it holds the package's <c>*.dist-info</c>/<c>*.egg-info</c> (that metadata is reported instead: one finding per copy).
        /// </summary>
        private static void VendoredVersionModule(string path, string text, List<DeclaredPackage> found)
        {
            if (text.IndexOf("__title__", StringComparison.Ordinal) < 0)
            {
                return;
            }

            string? title = null, version = null;
            int titleLine = 0;
            try
            {
                foreach (Match m in VersionModuleTitle.Matches(text))
                {
                    if (m.Groups["key"].Value == "title" && title == null)
                    {
                        title = m.Groups["value"].Value;
                        titleLine = LineAndColumn(text, m.Index).Line;
                    }
                    else if (m.Groups["key"].Value == "version" && version == null)
                    {
                        version = m.Groups["value"].Value;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return;
            }

            if (title == null || HasInstalledMetadataBeside(path, title))
            {
                return;
            }

            Add(found, PackageEcosystem.PyPI, title, version ?? string.Empty, path, titleLine, 1);
        }

        private static bool HasInstalledMetadataBeside(string versionModule, string project)
        {
            try
            {
                string? packageFolder = Path.GetDirectoryName(Path.GetFullPath(versionModule));
                string? parent = packageFolder == null ? null : Path.GetDirectoryName(packageFolder);
                if (parent == null || !Directory.Exists(parent))
                {
                    return false;
                }

                string wanted = PackageEcosystem.NormalizePyPI(project);
                return Directory.EnumerateDirectories(parent).Select(Path.GetFileName).Any(d =>
                    d != null && (d.EndsWith(".dist-info", StringComparison.OrdinalIgnoreCase) || d.EndsWith(".egg-info", StringComparison.OrdinalIgnoreCase)) &&
                    PackageEcosystem.NormalizePyPI(d.Substring(0, Math.Max(0, d.IndexOf('-') > 0 ? d.IndexOf('-') : d.LastIndexOf('.')))) == wanted);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return false;
            }
        }
    }
}
