using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Verify;

/// <summary>One compiled output folder (obj/&lt;configuration&gt;/&lt;tfm&gt;/) and what the gate decided about it.</summary>
internal sealed record GateResult(string OutputDirectory, string? Code, string Message)
{
    public bool Passed => Code == null;

    /// <summary>For a key found (GRDCL31): what was found, "provider kind (redacted) at …", for a reader other than the gate (<c>guardrails scan</c>).</summary>
    public string? Key { get; init; }

    /// <summary>For content the gate could not look into (GRDCL30, <c>ShippedContents.Unjudged</c>): why, for a reader other than the gate.</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// What CI, not the repository, says the policy is: the SHA-256 pins of the published policy and the lowest revision
/// allowed. A build reads its policy and pin from the repository (or a package the repository chooses), so a
/// downgraded or forged policy package is self-consistent inside the build; only a pin held outside it can tell.
/// </summary>
internal sealed record GateExpectations(IReadOnlyCollection<string> PolicyPins, long? MinRevision)
{
    public static readonly GateExpectations None = new(Array.Empty<string>(), null);

    /// <summary>
    /// The SHA-512 (base64, NuGet's contentHash) of the published policy package's .nupkg (<c>--policy-package-sha512</c>):
    /// the policy file's pin says nothing about the props beside it, and a look-alike package on a remote feed the
    /// repository's nuget.config adds (same id and version, the published policy byte for byte, opt-outs in its props)
    /// passes the policy pin (issue 12). Empty: not checked.
    /// </summary>
    public IReadOnlyCollection<string> PolicyPackagePins { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The lowest Guardrails version CI accepts in a record's <c>tool.version</c> (<c>--min-tool-version</c>, GRDCL43):
    /// a repository can pin an older, genuine Guardrails release with holes later releases closed (adversary round 10,
    /// side observation), and its records are self-consistent. Null: not checked.
    /// </summary>
    public NuGet.Versioning.NuGetVersion? MinToolVersion { get; init; }
}

/// <summary>
/// The CI gate for what no check inside a build can judge: a build whose Guardrails targets never ran (the package
/// referenced with <c>ExcludeAssets="build;buildTransitive"</c>, targets redefined by a repository build file) leaves a
/// compiled assembly in obj/ with no verified audit record next to it. Every assembly compiled in obj/ must have
/// <c>guardrails/guardrails.audit.json</c> beside it whose <c>compile</c> section says the check and the analyzers ran and
/// the verification after the compiler passed, for exactly these assembly bytes (<c>compile.assembly.sha256</c>): a record
/// left from an earlier build does not vouch for an assembly compiled since.
/// </summary>
internal static class BuildGate
{
    public const string RecordRelative = "guardrails/guardrails.audit.json";

    public static GateResult Check(string outputDirectory) => Check(outputDirectory, GateExpectations.None);

    public static GateResult Check(string outputDirectory, GateExpectations expect)
    {
        string recordPath = Path.Combine(outputDirectory, RecordRelative);
        string[] assemblies = Assemblies(outputDirectory).ToArray();
        if (!File.Exists(recordPath))
        {
            return Fail(outputDirectory, "GRDCL20", "the assembly " + string.Join(", ", assemblies.Select(Path.GetFileName)) + " was compiled with no Guardrails audit record beside it: " +
                "the Guardrails check did not run in that build (the package missing, referenced with ExcludeAssets=\"build\", or its targets replaced).");
        }

        JsonNode? record;
        JsonParseException? recordError = null;
        try
        {
            var info = new FileInfo(recordPath);
            record = info.Length > 16 * 1024 * 1024 ? null : JsonReader.TryParse(File.ReadAllText(recordPath), out recordError, JsonReaderOptions.Document);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            record = null;
        }

        if (recordError != null)
        {
            return Fail(outputDirectory, "GRDCL21", recordPath + "(" + recordError.Position.Line + "," + recordError.Position.Column + "): the audit record is not valid JSON: " + recordError.Message + ".");
        }

        JsonNode? compile = record?["compile"];
        if (compile == null || !compile.IsObject)
        {
            return Fail(outputDirectory, "GRDCL21", "the audit record has no compile section: no compilation passed through Guardrails' verification after the compiler.");
        }

        foreach (string flag in new[] { "checkRan", "analyzersRan", "verified" })
        {
            if (compile[flag] is not { } value || !value.TryGetBoolean(out bool ok) || !ok)
            {
                string findings = compile["findings"] is { IsArray: true } list
                    ? string.Join(", ", list.Items.Select(f => f["id"]?.Text).Where(id => id != null).Distinct())
                    : string.Empty;
                return Fail(outputDirectory, "GRDCL22", "the audit record says compile." + flag + " is not true" + (findings.Length > 0 ? " (" + findings + ")" : string.Empty) +
                    ": the build was not verified; fix the findings of that build.");
            }
        }

        // The check's own findings at level error (in Enforce, not waived) mean that build failed: its assembly is not a
        // verified one, whatever CI did with the build's exit code (continue-on-error, `|| true`).
        string[] errors = record!["findings"] is { IsArray: true } checkFindings
            ? checkFindings.Items
                .Where(f => string.Equals(f["level"]?.Text, "error", StringComparison.Ordinal) && f["waivedBy"]?.Text == null)
                .Select(f => f["rule"]?.Text ?? "?").Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        if (errors.Length > 0)
        {
            return Fail(outputDirectory, "GRDCL29", "the audit record holds errors of the Guardrails check (" + string.Join(", ", errors) +
                "): the build that compiled this assembly failed; fix the findings and build again.");
        }

        GateResult? claim = RepositoryClaim(outputDirectory, record, Environment.GetEnvironmentVariable);
        if (claim != null)
        {
            return claim;
        }

        GateResult? policy = CheckPolicy(outputDirectory, record["policy"], expect) ?? CheckToolVersion(outputDirectory, record["tool"], expect) ??
            CheckPolicyMinimumVersion(outputDirectory, record) ?? CheckPolicyPackage(outputDirectory, record, expect);
        if (policy != null)
        {
            return policy;
        }

        string? file = compile["assembly"]?["file"]?.Text;
        string? sha = compile["assembly"]?["sha256"]?.Text;
        if (file == null || sha == null)
        {
            return Fail(outputDirectory, "GRDCL23", "the audit record does not name the assembly it verified (compile.assembly): rebuild with the current Guardrails package.");
        }

        foreach (string assembly in assemblies)
        {
            if (!string.Equals(Path.GetFileName(assembly), file, StringComparison.Ordinal))
            {
                return Fail(outputDirectory, "GRDCL24", "the assembly " + Path.GetFileName(assembly) + " has no verified audit record (the record is for " + file + ").");
            }

            // The same hash the task wrote into the record (SourceFile.TryHashFile); an unreadable assembly does not match.
            if (!string.Equals(SourceFile.TryHashFile(assembly), sha, StringComparison.OrdinalIgnoreCase))
            {
                // Also what a legitimate build does when a step rewrites the assembly after the compiler (Fody and its add-ins
                // such as Costura, an obfuscator, ILMerge, a post-build signing step): the record vouches for the bytes the
                // compiler wrote and the analyzers judged, and a rewrite can add anything (Costura embeds every reference).
                return Fail(outputDirectory, "GRDCL24", "the assembly " + file + " is not the one the audit record verified: it was compiled again in a build where Guardrails' verification did not run " +
                    "(the record is left from an earlier build), or a step after the compiler rewrote it (an IL weaver such as Fody or Costura, an obfuscator, ILMerge, a signing step). " +
                    "The gate vouches only for the bytes the compiler wrote and Guardrails verified; no setting allows a rewritten assembly yet (docs/ci.md, \"Assemblies rewritten after the compiler\").");
            }
        }

        return new GateResult(outputDirectory, null, "verified: " + file + " (" + (compile["severities"]?.Text ?? "?") + ")");
    }

    /// <summary>
    /// GRD127 at the gate (adversary round 7 route 12): the repository the record's manifest claims (<c>repository</c>) must
    /// be the one CI is building, by the same decision as the build (<see cref="BuildTasks.Foundation.RepositoryUrl.Contradicted"/>:
    /// the CI system's repository variable, else any git remote of the checkout). A record written where the build took the
    /// contradiction as a warning (no CI variable in that build's environment) fails here, on CI.
    /// </summary>
    internal static GateResult? RepositoryClaim(string outputDirectory, JsonNode record, Func<string, string?> env)
    {
        string? claimed = record["repository"]?.Text;
        if (string.IsNullOrWhiteSpace(claimed))
        {
            return null;
        }

        BuildTasks.Reports.BuildProvenance here = BuildTasks.Reports.BuildProvenance.Detect(outputDirectory, env);
        string? actual = here.InCi ? BuildTasks.Foundation.RepositoryUrl.Contradicted(claimed!, here.CiRepository, here.Remotes) : null;
        return actual == null ? null : Fail(outputDirectory, "GRDCL29", "the audit record's manifest says this is repository '" + claimed + "', but CI is building '" +
            actual + "' (GRD127): the repository scopes waivers and assistant approvals, so the build judged this code under another repository's approvals.");
    }

    /// <summary>The record's policy against the pins and minimum revision CI gave (GRDCL26, GRDCL27).</summary>
    private static GateResult? CheckPolicy(string outputDirectory, JsonNode? policy, GateExpectations expect)
    {
        if (expect.PolicyPins.Count > 0)
        {
            string? sha = policy?["sha256"]?.Text;
            if (sha == null)
            {
                return Fail(outputDirectory, "GRDCL26", "the audit record names no policy (policy.sha256), but CI requires the policy pinned with --policy-sha256: the build ran without the central policy.");
            }

            if (!expect.PolicyPins.Any(pin => string.Equals(pin.Trim(), sha, StringComparison.OrdinalIgnoreCase)))
            {
                return Fail(outputDirectory, "GRDCL26", "the build used a policy with SHA-256 " + sha + " (revision " + (policy?["revision"]?.Text ?? "?") + "), not the one CI pins (" +
                    string.Join(", ", expect.PolicyPins) + "): an older or a repository-made policy package, or a repository-local policy file, was built with.");
            }
        }

        if (expect.MinRevision is long min)
        {
            if (policy?["revision"] is not { } rev || !rev.TryGetInt64(out long revision))
            {
                return Fail(outputDirectory, "GRDCL27", "the audit record names no policy revision, but CI requires revision " + min + " or later (--min-revision).");
            }

            if (revision < min)
            {
                return Fail(outputDirectory, "GRDCL27", "the build used policy revision " + revision + ", older than the revision " + min + " CI requires (--min-revision): the policy package was downgraded.");
            }
        }

        return null;
    }

    public const string ToolVersionCode = "GRDCL43";

    /// <summary>The record's <c>tool.version</c> against the lowest Guardrails version CI gave (GRDCL43).</summary>
    private static GateResult? CheckToolVersion(string outputDirectory, JsonNode? tool, GateExpectations expect)
    {
        if (expect.MinToolVersion is not { } min)
        {
            return null;
        }

        string? text = tool?["version"]?.Text;
        if (text == null || !BuildTasks.Policy.VersionRanges.TryParseVersion(text, out NuGet.Versioning.NuGetVersion? version) || version == null)
        {
            return Fail(outputDirectory, ToolVersionCode, "the audit record names no readable Guardrails version (tool.version" + (text == null ? string.Empty : " '" + text + "'") +
                "), but CI requires Guardrails " + min.ToNormalizedString() + " or later (--min-tool-version).");
        }

        return version.CompareTo(min) >= 0
            ? null
            : Fail(outputDirectory, ToolVersionCode, "the build ran Guardrails " + version.ToNormalizedString() + ", older than the " + min.ToNormalizedString() +
                " CI requires (--min-tool-version): the repository pins an older Guardrails package; update its GlobalPackageReference.");
    }

    /// <summary>The full path of the policy file the record names (policy.path, relative to the record's project), or null when it is not a path.</summary>
    private static string? PolicyFileOf(string outputDirectory, JsonNode record, string path)
    {
        try
        {
            string? project = record["project"]?["path"]?.Text;
            string baseDir = project != null ? Path.GetDirectoryName(Path.GetFullPath(project)) ?? outputDirectory : ProjectDirectoryOf(outputDirectory) ?? outputDirectory;
            return Path.GetFullPath(Path.Combine(baseDir, path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    public const string PolicyMinimumCode = "GRDCL44";

    /// <summary>
    /// The policy's <c>minimumGuardrailsVersion</c> (the central team's lowest Guardrails allowed to enforce it) against this
    /// gate's own version and the record's <c>tool.version</c> (GRDCL44). The policy file is the one the record names; one
    /// the gate cannot read or parse is left to the build (GRD101/GRD102) and the other checks.
    /// </summary>
    private static GateResult? CheckPolicyMinimumVersion(string outputDirectory, JsonNode record)
    {
        string? path = record["policy"]?["path"]?.Text?.Trim();
        string? policyFile = string.IsNullOrEmpty(path) ? null : PolicyFileOf(outputDirectory, record, path!);
        JsonNode? policy = null;
        try
        {
            var info = policyFile == null ? null : new FileInfo(policyFile);
            policy = info is { Exists: true, Length: <= 4 * 1024 * 1024 } ? JsonReader.TryParse(File.ReadAllText(info.FullName), out _, JsonReaderOptions.Document) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            policy = null;
        }

        string? minimumText = policy?["minimumGuardrailsVersion"]?.Text;
        if (minimumText == null || !BuildTasks.Policy.VersionRanges.TryParseVersion(minimumText, out NuGet.Versioning.NuGetVersion? minimum) || minimum == null)
        {
            return null;
        }

        string gate = BuildTasks.Policy.VersionRanges.GuardrailsVersion();
        if (!BuildTasks.Policy.VersionRanges.TryParseVersion(gate, out NuGet.Versioning.NuGetVersion? gateVersion) || gateVersion == null || gateVersion.CompareTo(minimum) < 0)
        {
            return Fail(outputDirectory, PolicyMinimumCode, "the policy " + policyFile + " requires Guardrails " + minimum.ToNormalizedString() + " or later (minimumGuardrailsVersion), but this gate is Guardrails " + gate +
                ": install the guardrails tool at " + minimum.ToNormalizedString() + " or later.");
        }

        string? built = record["tool"]?["version"]?.Text;
        if (built == null || !BuildTasks.Policy.VersionRanges.TryParseVersion(built, out NuGet.Versioning.NuGetVersion? builtVersion) || builtVersion == null || builtVersion.CompareTo(minimum) < 0)
        {
            return Fail(outputDirectory, PolicyMinimumCode, "the policy " + policyFile + " requires Guardrails " + minimum.ToNormalizedString() + " or later (minimumGuardrailsVersion), but the build ran Guardrails " + (built ?? "of no recorded version") +
                ": update the repository's Guardrails package.");
        }

        return null;
    }

    public const string PackageCode = "GRDCL32";

    /// <summary>
    /// The package that held the build's policy against the hash of the published policy package CI gives (GRDCL32). The
    /// build takes as central the props of the package whose folder holds the policy file (EvaluatedBuild.CentralFileSet),
    /// so that folder is what is judged: restore's own record must hold (<see cref="RestoredPackage"/>: the .nupkg, its
    /// .sha512 and .nupkg.metadata agree, none of it committed), the .nupkg's SHA-512 must be a pin, and every file in the
    /// folder must be the bytes of that .nupkg's entry (a props file edited after restore, or one added beside it, is not the
    /// published package). Nothing here is read from what the package itself sets: the pin comes from CI, the hash is taken
    /// by the gate. The policy file must also be the one the record names (its SHA-256).
    /// </summary>
    private static GateResult? CheckPolicyPackage(string outputDirectory, JsonNode record, GateExpectations expect)
    {
        if (expect.PolicyPackagePins.Count == 0)
        {
            return null;
        }

        string pins = string.Join(", ", expect.PolicyPackagePins);
        string? path = record["policy"]?["path"]?.Text?.Trim();
        if (string.IsNullOrEmpty(path))
        {
            return Fail(outputDirectory, PackageCode, "the audit record names no policy file (policy.path), but CI requires the policy from the package it pins with --policy-package-sha512 (" + pins + ").");
        }

        string? policyFile = PolicyFileOf(outputDirectory, record, path);
        if (policyFile == null)
        {
            return Fail(outputDirectory, PackageCode, "the audit record's policy path is not a path; CI requires the policy from the package it pins with --policy-package-sha512.");
        }

        string? folder = RestoredPackage.FolderOf(policyFile);
        if (folder == null)
        {
            return Fail(outputDirectory, PackageCode, "the build read its policy from " + policyFile + ", which is in no restored package folder, but CI requires the policy from the package it pins with --policy-package-sha512 (" + pins +
                "): a repository-local policy file or props replaced the policy package.");
        }

        string? repository = BuildTasks.Footprints.FootprintDiscovery.FindRepositoryRoot(outputDirectory, null);
        HashSet<string>? tracked = null;
        bool Tracked(string file)
        {
            if (repository == null)
            {
                return false;
            }

            tracked ??= BuildTasks.Footprints.GitIndex.TryReadTrackedPaths(repository) ?? new HashSet<string>();
            return tracked.Contains(Path.GetRelativePath(repository, file).Replace('\\', '/'));
        }

        RestoredPackage? package = RestoredPackage.Read(folder, Tracked);
        if (package == null)
        {
            return Fail(outputDirectory, PackageCode, "the policy package folder " + folder + " does not hold restore's own record of it (the .nupkg, its .nupkg.sha512 and .nupkg.metadata contentHash agreeing, none of it committed): " +
                "it is not a package restore extracted, so it is not the one CI pins with --policy-package-sha512.");
        }

        // The pin is NuGet's contentHash (packages.lock.json) or the file's own SHA-512 (sha512sum): one and the same for an
        // unsigned package, two values for a signed one; either binds the package's content.
        if (!expect.PolicyPackagePins.Contains(package.Sha512, StringComparer.Ordinal) && !expect.PolicyPackagePins.Contains(package.FileSha512, StringComparer.Ordinal))
        {
            return Fail(outputDirectory, PackageCode, "the policy package the build used (" + folder + ", restored from " + (package.Source ?? "an unknown source") + ") has the content hash " + package.Sha512 +
                ", not the one CI pins (" + pins + "): a look-alike of the policy package (same id and version from another feed, the published policy file with other props) was built with. " +
                "Restore the policy package from the organisation's feed only (packageSourceMapping in nuget.config, or clear the local package cache of the look-alike), then build again; if the policy owner published a new version, CI's pin must name its hash.");
        }

        List<string> changed = package.NotExtracted(5);
        if (changed.Count > 0)
        {
            return Fail(outputDirectory, PackageCode, "the policy package folder " + folder + " holds files that are not the bytes of the pinned .nupkg (" + string.Join(", ", changed) +
                "): a props file changed or added after restore is not the published package.");
        }

        string? recorded = record["policy"]?["sha256"]?.Text;
        if (recorded == null || !string.Equals(SourceFile.TryHashFile(policyFile), recorded, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(outputDirectory, PackageCode, "the audit record's policy hash (policy.sha256) is not the SHA-256 of " + policyFile + ", the policy file of the pinned package: the record does not describe this package's policy.");
        }

        return null;
    }

    private static GateResult Fail(string dir, string code, string message) => new(dir, code, message);

    /// <summary>
    /// Adversary route #26: the record is not signed, so a build file can drop Guardrails and write a record that says
    /// "verified, no findings" for the exact assembly bytes. What such a build cannot forge is the source tree the gate
    /// reads itself. With <c>--rescan</c> the gate scans the repository with the policy CI gives (<c>guardrails scan</c>'s
    /// engine and analyzers, not the build's) and fails every output whose record passed while the scan finds an error in
    /// that project's folder the record does not name (GRDCL28). It re-derives what can be derived without the build:
    /// keys, endpoints, suppressions, manifest, footprints, restored packages. It cannot see what only the compilation
    /// knows (generated sources, references resolved at build time).
    /// </summary>
    public static IReadOnlyList<GateResult> CrossCheck(IReadOnlyList<GateResult> results, IReadOnlyList<Finding> scanErrors)
    {
        var checkedResults = new List<GateResult>(results.Count);
        foreach (GateResult result in results)
        {
            if (!result.Passed)
            {
                checkedResults.Add(result);
                continue;
            }

            string? project = ProjectDirectoryOf(result.OutputDirectory);
            if (project == null)
            {
                checkedResults.Add(result);
                continue;
            }

            HashSet<string> claimed = ClaimedFindings(Path.Combine(result.OutputDirectory, RecordRelative));
            var unclaimed = new List<string>();
            foreach (Finding f in scanErrors)
            {
                if (!InProject(f.File, project) || claimed.Contains(f.Rule.Id + "|" + Full(f.File)))
                {
                    continue;
                }

                unclaimed.Add(f.Rule.Id + " " + Path.GetRelativePath(project, f.File) + (f.Line > 0 ? "(" + f.Line + "," + f.Column + ")" : string.Empty));
            }

            checkedResults.Add(unclaimed.Count == 0
                ? result
                : Fail(result.OutputDirectory, "GRDCL28", "the audit record says the build passed, but an independent scan of " + project + " with the policy CI gives finds " +
                    unclaimed.Count + " error(s) the record does not name: " + string.Join(", ", unclaimed.Take(5)) + (unclaimed.Count > 5 ? ", ..." : string.Empty) +
                    ". A record that claims fewer findings than its sources hold was not written by a build that checked them."));
        }

        return checkedResults;
    }

    /// <summary>obj/&lt;configuration&gt;/&lt;tfm&gt;/ → the project folder (the one holding obj/).</summary>
    private static string? ProjectDirectoryOf(string outputDirectory)
    {
        DirectoryInfo? obj = new DirectoryInfo(outputDirectory).Parent?.Parent;
        return obj != null && string.Equals(obj.Name, "obj", StringComparison.OrdinalIgnoreCase) ? obj.Parent?.FullName : null;
    }

    private static bool InProject(string file, string project)
    {
        if (string.IsNullOrEmpty(file))
        {
            return false;
        }

        string relative = Path.GetRelativePath(project, Full(file));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        string first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return !string.Equals(first, "obj", StringComparison.OrdinalIgnoreCase) && !string.Equals(first, "bin", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>rule|file of every finding the record lists (the check's findings and the compiler's evidence).</summary>
    private static HashSet<string> ClaimedFindings(string recordPath)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        JsonNode? record = null;
        try
        {
            var info = new FileInfo(recordPath);
            record = info.Exists && info.Length <= 16 * 1024 * 1024 ? JsonReader.TryParse(File.ReadAllText(recordPath), out _, JsonReaderOptions.Document) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            record = null;
        }

        foreach (JsonNode? list in new[] { record?["findings"], record?["compile"]?["findings"] })
        {
            if (list is not { IsArray: true })
            {
                continue;
            }

            foreach (JsonNode item in list.Items)
            {
                string? rule = item["rule"]?.Text ?? item["id"]?.Text;
                string? file = item["file"]?.Text;
                if (rule != null && !string.IsNullOrEmpty(file))
                {
                    claimed.Add(rule + "|" + Full(file));
                }
            }
        }

        return claimed;
    }

    private static string Full(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>The .dll and .exe files directly in <paramref name="dir"/>, in ordinal order.</summary>
    internal static IEnumerable<string> Assemblies(string dir)
    {
        try
        {
            return Directory.GetFiles(dir, "*.dll").Concat(Directory.GetFiles(dir, "*.exe")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
