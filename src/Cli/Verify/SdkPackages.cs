using Guardrails.Core.Json;

namespace Guardrails.Cli.Verify;

/// <summary>
/// Whether the MSBuild SDK package NuGet resolved for a project is the real one, for the one place that decides a project
/// compiles nothing (<see cref="Guardrails.BuildTasks.Foundation.MsBuildProjectFiles.BuildsAssembly"/>). Adversary round 8
/// route 1: NuGet resolves an SDK's name through the repository's own <c>nuget.config</c>, so a package with the id and
/// version of <c>Microsoft.Build.NoTargets</c> from a feed folder the repository commits (or a remote feed it adds)
/// imported the .NET SDK, moved obj/ and bin/, dropped Guardrails and compiled OpenAI, and the gate left the project out by
/// its SDK's name. The SDK is vouched for only when its package folder (…/&lt;id&gt;/&lt;version&gt;/ in the package folders
/// restore used) holds restore's own record of it (<see cref="RestoredPackage"/>: the .nupkg, its SHA-512 and contentHash
/// agreeing, none of it committed), it was not restored from a feed inside the repository, and its <c>.nupkg.metadata</c>
/// source is one CI trusts (<c>--trusted-package-source</c>; without that option, nuget.org). Not found, or a version the
/// gate cannot tell: not vouched for (the project counts as compiling and needs a record, GRDCL30, with the reason).
/// </summary>
internal sealed class SdkPackages
{
    /// <summary>nuget.org's v3 feed: the source an SDK package is trusted from when CI names none.</summary>
    public const string NuGetOrg = "https://api.nuget.org/v3/index.json";

    private readonly IReadOnlyCollection<string> _trustedSources;
    private readonly Func<string, bool> _tracked;
    private readonly string _root;

    public SdkPackages(string root, IReadOnlyCollection<string> trustedSources, Func<string, bool> tracked)
    {
        _root = root;
        _trustedSources = trustedSources.Count > 0 ? trustedSources : new[] { NuGetOrg };
        _tracked = tracked;
    }

    /// <summary>Why a project's SDK was not vouched for, by project file (for the GRDCL30 message).</summary>
    public Dictionary<string, string> Reasons { get; } = new(Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>A vouching function for one project, for <see cref="Guardrails.BuildTasks.Foundation.MsBuildProjectFiles.BuildsAssembly"/>.</summary>
    public Func<string, string?, bool> For(string project) => (sdk, version) =>
    {
        string? why = Why(project, sdk, version);
        if (why != null)
        {
            Reasons[project] = why;
        }

        return why == null;
    };

    /// <summary>Null when the SDK package is the real one (above); else why not.</summary>
    public string? Why(string project, string sdk, string? version)
    {
        string projectDirectory = Path.GetDirectoryName(Path.GetFullPath(project)) ?? _root;
        if (version == null)
        {
            version = GlobalJsonVersion(projectDirectory, sdk, out string? ambiguous);
            if (ambiguous != null)
            {
                return ambiguous;
            }
        }

        if (version == null)
        {
            return "it uses the SDK " + sdk + " with no version the gate can read (none in the project, none in global.json's msbuild-sdks), so the package NuGet resolved for it cannot be checked";
        }

        string relative = Path.Combine(sdk.ToLowerInvariant(), version.ToLowerInvariant());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool found = false;
        foreach (string packages in PackageFolders(projectDirectory))
        {
            string folder;
            try
            {
                folder = Path.GetFullPath(Path.Combine(packages, relative));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue;
            }

            if (!seen.Add(folder) || !Directory.Exists(folder))
            {
                continue;
            }

            found = true;
            string at = "the SDK " + sdk + " " + version + " in " + folder;
            RestoredPackage? restored = RestoredPackage.Read(folder, _tracked);
            if (restored == null)
            {
                return at + " is not a package restore wrote (no .nupkg whose SHA-512 and contentHash agree with .nupkg.sha512 and .nupkg.metadata, or committed)";
            }

            if (Guardrails.BuildTasks.EvaluatedBuild.RepositorySource(folder, projectDirectory) is { } local)
            {
                return at + " was restored from a feed inside the repository (" + local + "): the repository's own package, which may compile anything under that name";
            }

            if (!ShippedOutputs.TrustedSource(restored.Source, _trustedSources))
            {
                return at + " was restored from " + (restored.Source ?? "an unnamed source") + ", not a source CI trusts (" + string.Join(", ", _trustedSources) +
                    "; give the gate yours with --trusted-package-source): a package of that name from another feed may compile anything";
            }
        }

        return found ? null : "the package of the SDK " + sdk + " " + version + " was found in none of the package folders (NUGET_PACKAGES, the project's obj/project.assets.json, nuget.config's globalPackagesFolder, ~/.nuget/packages), so where it came from cannot be checked";
    }

    /// <summary>
    /// Where NuGet may have put the SDK package: the package folders of the project's own obj/project.assets.json,
    /// NUGET_PACKAGES, the nearest nuget.config's globalPackagesFolder, and ~/.nuget/packages. Every copy found must be
    /// vouched for.
    /// </summary>
    private IEnumerable<string> PackageFolders(string projectDirectory)
    {
        string assets = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (ShippedOutputs.ReadJson(assets, Guardrails.BuildTasks.Policy.PackageChecker.MaxAssetsBytes)?["packageFolders"]?.Properties is { } folders)
        {
            foreach (JsonProperty folder in folders)
            {
                yield return folder.Name;
            }
        }

        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } environment)
        {
            yield return environment;
        }

        if (GlobalPackagesFolder(projectDirectory) is { } configured)
        {
            yield return configured;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".nuget", "packages");
        }
    }

    /// <summary>
    /// The version global.json's <c>msbuild-sdks</c> gives the SDK (the nearest global.json at or above the project, as
    /// MSBuild reads it). The SDK named twice (in any case) is <paramref name="ambiguous"/>: MSBuild's resolver takes the last
    /// entry, a reader that took the first vouched for another package than the one built (adversary round 10 route 6:
    /// the genuine NoTargets first, a look-alike from the repository's feed second), so the gate picks neither.
    /// </summary>
    private static string? GlobalJsonVersion(string directory, string sdk, out string? ambiguous)
    {
        ambiguous = null;
        string? file = Scan.ProjectFiles.FileAbove(directory, "global.json", null);
        if (file == null || ShippedOutputs.ReadJson(file, 1024 * 1024)?["msbuild-sdks"]?.Properties is not { } sdks)
        {
            return null;
        }

        var versions = new List<(string Version, int Line)>();
        foreach (JsonProperty entry in sdks)
        {
            if (string.Equals(entry.Name, sdk, StringComparison.OrdinalIgnoreCase))
            {
                versions.Add(((entry.Value.Text ?? string.Empty).Trim(), entry.Value.Start.Line));
            }
        }

        if (versions.Count > 1)
        {
            ambiguous = "its SDK " + sdk + " is named " + versions.Count + " times in " + file + "'s msbuild-sdks (" +
                string.Join(", ", versions.Select(v => "'" + Guardrails.BuildTasks.Policy.Text.Show(v.Version, 40) + "' on line " + v.Line)) +
                "): MSBuild takes the last, so the gate does not pick one; name the SDK once";
            return null;
        }

        return versions.Count == 1 && versions[0].Version.Length > 0 ? versions[0].Version : null;
    }

    /// <summary>The nearest nuget.config at or above the folder that sets <c>globalPackagesFolder</c> (relative to that file).</summary>
    private static string? GlobalPackagesFolder(string directory)
    {
        for (string? dir = directory; dir != null; dir = Path.GetDirectoryName(dir))
        {
            foreach (string name in new[] { "nuget.config", "NuGet.Config", "NuGet.config" })
            {
                string file = Path.Combine(dir, name);
                if (!File.Exists(file))
                {
                    continue;
                }

                try
                {
                    var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
                    using var reader = System.Xml.XmlReader.Create(file, settings);
                    var doc = System.Xml.Linq.XDocument.Load(reader);
                    string? value = doc.Descendants().Where(e => e.Name.LocalName == "add" && string.Equals((string?)e.Attribute("key"), "globalPackagesFolder", StringComparison.OrdinalIgnoreCase))
                        .Select(e => (string?)e.Attribute("value")).LastOrDefault();
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return Path.GetFullPath(Path.Combine(dir, value!.Trim()));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException or ArgumentException or NotSupportedException)
                {
                }

                break;
            }
        }

        return null;
    }
}
