using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Verify;

/// <summary>One compiled output folder (obj/&lt;configuration&gt;/&lt;tfm&gt;/) and what the gate decided about it.</summary>
internal sealed record GateResult(string OutputDirectory, string? Code, string Message)
{
    public bool Passed => Code == null;
}

/// <summary>
/// What CI, not the repository, says the policy is: the SHA-256 pins of the published policy and the lowest revision
/// allowed. A build reads its policy and pin from the repository (or a package the repository chooses), so a
/// downgraded or forged policy package is self-consistent inside the build; only a pin held outside it can tell.
/// </summary>
internal sealed record GateExpectations(IReadOnlyCollection<string> PolicyPins, long? MinRevision)
{
    public static readonly GateExpectations None = new(Array.Empty<string>(), null);
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

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", ".vs", "packages" };

    /// <summary>The compiled output folders under <paramref name="root"/>: obj/&lt;configuration&gt;/&lt;tfm&gt;/ holding a .dll or .exe.</summary>
    public static IEnumerable<string> OutputDirectories(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            string[] children;
            try
            {
                children = Directory.GetDirectories(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Array.Sort(children, StringComparer.Ordinal);
            foreach (string child in children)
            {
                string name = Path.GetFileName(child);
                if (string.Equals(name, "obj", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (string configuration in SafeDirectories(child))
                    {
                        foreach (string tfm in SafeDirectories(configuration))
                        {
                            if (Assemblies(tfm).Any())
                            {
                                yield return tfm;
                            }
                        }
                    }
                }
                else if (!SkippedFolders.Contains(name))
                {
                    pending.Push(child);
                }
            }
        }
    }

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
        try
        {
            var info = new FileInfo(recordPath);
            record = info.Length > 16 * 1024 * 1024 ? null : JsonReader.TryParse(File.ReadAllText(recordPath), out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            record = null;
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

        GateResult? policy = CheckPolicy(outputDirectory, record["policy"], expect);
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
                return Fail(outputDirectory, "GRDCL24", "the assembly " + file + " is not the one the audit record verified: it was compiled again in a build where Guardrails' verification did not run, and the record is left from an earlier build.");
            }
        }

        return new GateResult(outputDirectory, null, "verified: " + file + " (" + (compile["severities"]?.Text ?? "?") + ")");
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

    private static GateResult Fail(string dir, string code, string message) => new(dir, code, message);

    private static IEnumerable<string> Assemblies(string dir)
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

    private static string[] SafeDirectories(string dir)
    {
        try
        {
            string[] found = Directory.GetDirectories(dir);
            Array.Sort(found, StringComparer.Ordinal);
            return found;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
