using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Files;
using Guardrails.Core.Rules;
using Guardrails.Core.Secrets;

namespace Guardrails.Cli.Scan;

internal sealed class ScanOptions
{
    public string Root { get; set; } = ".";

    public string? PolicyPath { get; set; }

    public string? PolicySha256 { get; set; }

    public string? Mode { get; set; }

    public bool Staged { get; set; }

    /// <summary>With <c>--since</c>: the base commit (or ref); the blobs every commit of the branch since it added are read for keys too.</summary>
    public string? Since { get; set; }

    /// <summary>The root holds only committed files (the <c>--staged</c> copy): no folder is skipped by name.</summary>
    internal bool EverythingCommitted { get; set; }

    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
}

internal sealed class ScanReport
{
    public string Root { get; set; } = string.Empty;

    public bool Enforce { get; set; } = true;

    public string? PolicyPath { get; set; }

    public List<Finding> Findings { get; } = new();

    public int CSharpFiles { get; set; }

    public int TextFiles { get; set; }

    public int Projects { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>With --staged: files whose staged blob was packed, so the working-tree copy was scanned.</summary>
    public int StagedFromWorkingTree { get; set; }

    /// <summary>With --since: the commits of the branch read and the blobs they added or changed.</summary>
    public (int Commits, int Blobs, int Messages)? History { get; set; }

    /// <summary>Folders skipped by name (bin, obj, node_modules, .vs, .idea) because no git index said what in them is committed.</summary>
    public List<string> SkippedByName { get; } = new();

    /// <summary>The AI endpoints the code uses (the analyzers' GRD008), for the "endpoints" of the JSON output.</summary>
    public List<Guardrails.BuildTasks.Foundation.EndpointUse> Endpoints { get; } = new();

    /// <summary>Files kept from the analyzers (reason, path), so not searched for AI endpoints: the "endpoints" list is incomplete.</summary>
    public List<(string Reason, string Path)> EndpointsNotSearched { get; } = new();

    /// <summary>The effective policy the analyzers ran under (null without a policy): it judges the endpoints.</summary>
    public string? EffectivePolicy { get; set; }

    public int Errors => Findings.Count(f => f.IsError(Enforce));

    public int Warnings => Findings.Count - Errors;
}

/// <summary>
/// <c>guardrails scan</c>: the checks of a build, on a repository that is not built. Keys in C# and config files come
/// and the code rules from the analyzers (<see cref="SourceAnalysis"/>); policy, manifest, footprints and packages from the task's engine,
/// <see cref="GuardrailsChecker"/>, run once per project file exactly as the build task runs it (packages from
/// obj/project.assets.json when the project was restored, and from the project files, conditions ignored: a package only
/// a condition the restore did not take brings in, such as `dotnet publish`, is judged too — adversary round 8 route 5).
/// </summary>
internal static class RepositoryScan
{
    public static ScanReport Run(ScanOptions options, ScanProgress progress, CancellationToken cancellationToken = default)
    {
        ScanReport report = RunTree(options, progress, cancellationToken);
        if (options.Since != null)
        {
            ScanHistory(report.Root, options.Since, report, cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// <c>--since</c>: every blob a commit of the branch added or changed (even one a later commit deleted) is read for keys
    /// with the reader of every committed file (<see cref="CommittedFiles"/>): GRD002 at the path, naming the commit.
    /// </summary>
    private static void ScanHistory(string root, string since, ScanReport report, CancellationToken cancellationToken)
    {
        string? repo = Guardrails.BuildTasks.Footprints.FootprintDiscovery.FindRepositoryRoot(root, null);
        if (repo == null)
        {
            throw new ScanException("No git repository at or above '" + root + "': --since reads the branch's commits from it.", BranchHistory.Code);
        }

        BranchHistory.Branch branch;
        try
        {
            branch = BranchHistory.Read(repo, since);
        }
        catch (BranchHistory.HistoryException e)
        {
            throw new ScanException("--since: " + e.Message, e.ErrorCode);
        }

        List<BranchHistory.Change> changes = branch.Changes;
        string relativeRoot = Path.GetRelativePath(repo, root);
        string prefix = relativeRoot == "." ? string.Empty : relativeRoot.Replace('\\', '/').TrimEnd('/') + "/";
        GitObjects git = GitObjects.Of(Guardrails.BuildTasks.Footprints.GitIndex.TryGitDirectory(repo)!);

        // Adversary round 12 route 9: a file version a partial clone does not hold is not a warning that lets the gate pass.
        List<BranchHistory.Change> missing = changes.Where(c => c.Path.StartsWith(prefix, StringComparison.Ordinal) && !git.Has(c.Blob)).ToList();
        if (missing.Count > 0)
        {
            throw new ScanException("--since: " + BranchHistory.MissingMessage(missing.Count + " file version(s) the branch's commits wrote (first: '" +
                SafeText.Clean(missing[0].Path) + "' as commit " + missing[0].Commit[..12] + " wrote it, blob " + missing[0].Blob + ")", git), BranchHistory.PartialCloneCode);
        }

        // Adversary round 12 route 7: a key as the name of a path the branch wrote (a folder renamed away before the head, a
        // submodule or link removed again): git pushes the name in the branch's trees and a merge keeps it.
        foreach (BranchHistory.KeyName name in branch.Names)
        {
            if (name.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                report.Findings.Add(new Finding(RuleCatalog.KeyInFile, Path.Combine(repo, name.Path.Replace('/', Path.DirectorySeparatorChar)), 0, 0, "The name of this " + name.Kind +
                    " holds a key, " + name.Key + ": commit " + name.Commit[..12] + " of this branch wrote it, the branch pushes the name and a merge keeps it in the history, " +
                    "even where a later commit renamed or removed it (guardrails scan --since). Rotate the key now, and rewrite the branch's history (or squash it) so that commit is not merged."));
            }
        }
        string folder = Path.Combine(Path.GetTempPath(), "guardrails-since-" + Guid.NewGuid().ToString("N")[..12]);
        int blobs = 0;
        try
        {
            var found = new List<Finding>();
            for (int i = 0; i < changes.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BranchHistory.Change change = changes[i];
                if (!change.Path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                string copy = Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(change.Path));
                found.Clear();
                byte[]? blob = git.Blob(change.Blob);
                if (blob == null)
                {
                    report.Findings.Add(new Finding(RuleCatalog.FileNotScanned, Path.Combine(repo, change.Path), 0, 0, "This file as commit " + change.Commit[..12] +
                        " of the branch wrote it (blob " + change.Blob + ") could not be read from the clone's objects, so it was not read for AI provider keys."));
                    continue;
                }

                string commit = change.Commit[..12];
                string? lfs = null;
                if (!change.Link && LfsPointerText.MayBePointer(blob, blob.Length) &&
                    LfsPointerText.TryParse(System.Text.Encoding.UTF8.GetString(blob), out string? oid, out long size))
                {
                    // Adversary round 14 route 13: the branch committed the file through Git LFS (a push uploads the object
                    // to the LFS store with the branch); a clone without LFS content holds only the pointer. Read the object
                    // from the clone's LFS store (SHA-256 and size checked), else the content was not scanned: GRD312.
                    string inRepository = Path.Combine(repo, change.Path.Replace('/', Path.DirectorySeparatorChar));
                    string? stored = Guardrails.BuildTasks.Footprints.LfsPointer.TryFindObject(inRepository, oid!, size);
                    lfs = oid![..12];
                    if (stored == null)
                    {
                        report.Findings.Add(new Finding(RuleCatalog.FileNotScannable, inRepository, 1, 1, "Commit " + commit + " of this branch wrote this file " +
                            "through Git LFS (sha256:" + lfs + "…) and this clone does not have its content, so it was not scanned for keys: a push uploads the " +
                            "object to the LFS store with the branch, and every clone with Git LFS gets it. Fetch the branch's LFS objects before the scan " +
                            "(git lfs fetch origin --all, or actions/checkout with lfs: true), or take the file out of Git LFS."));
                        continue;
                    }

                    blob = File.ReadAllBytes(stored);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.WriteAllBytes(copy, blob);
                blobs++;
                string what = (change.Link ? "this symbolic link with a key in its target" : "this file with a key") +
                    (lfs == null ? string.Empty : " through Git LFS (the key is in its LFS object sha256:" + lfs + "…, line and column in the object)");
                CommittedFiles.Scan(new[] { copy }, found, cancellationToken, key => "Commit " + commit + " of this branch wrote " + what + ", " + key +
                    ": the branch pushes it and a merge keeps it in the history, even where a later commit removed the file (guardrails scan --since). Rotate the key now, " +
                    "and rewrite the branch's history (or squash it) so that commit is not merged.");
                foreach (Finding f in found)
                {
                    string path = Path.Combine(repo, change.Path.Replace('/', Path.DirectorySeparatorChar));
                    string shown = f.File.StartsWith(copy, StringComparison.Ordinal) ? path + f.File[copy.Length..] : path;
                    string message = f.Rule.Id == RuleCatalog.KeyInFile.Id ? f.Message : "Commit " + commit + " of this branch: " + f.Message;
                    report.Findings.Add(new Finding(f.Rule, shown, f.Line, f.Column, message.Replace(copy, shown, StringComparison.Ordinal), f.WarningOnly, f.Subject));
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        // A key in a commit's or an annotated tag's message (adversary round 11 route 12) or headers — author, committer,
        // tagger, an extra header (round 12 route 8): a merge that keeps the commits publishes them. Read as plain text
        // (self-identifying keys), at the line and column in the header or message, which the location names.
        int read = 0;
        var keys = new List<SecretMatch>();
        foreach (BranchHistory.ObjectText o in branch.Objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            keys.Clear();
            TextFileSecrets.Scan("message.txt", o.Text, keys);
            read++;
            foreach (SecretMatch match in keys)
            {
                (string part, int start) = o.PartAt(match.Start);
                (int line, int column) = UnreadableFiles.LineAndColumn(o.Text[start..], match.Start - start);
                string where = part == "message" ? "the message" : "the " + part + " line";
                report.Findings.Add(KeptBackFiles.FindingFor(o.Name + " (" + part + ")", null, match, line, column,
                    ". (Found by guardrails scan --since in " + where + " of " + o.Name + ": the branch pushes it and a merge that keeps the commits publishes it. Rotate the key now, and " +
                    (part == "message" ? "reword the commit (or delete and recreate the tag)"
                        : (o.Name.StartsWith("tag ", StringComparison.Ordinal) ? "delete and recreate the tag" : "rewrite the commit") + " with another " +
                          (part is "author" or "committer" or "tagger" ? "identity" : part + " header")) +
                    " before it is merged or pushed.)"));
            }
        }

        report.History = (branch.Commits, blobs, read);
    }

    private static ScanReport RunTree(ScanOptions options, ScanProgress progress, CancellationToken cancellationToken)
    {
        string root = Path.GetFullPath(options.Root).TrimEnd(Path.DirectorySeparatorChar);
        if (root.Length == 0)
        {
            root = Path.DirectorySeparatorChar.ToString();
        }

        if (!options.Staged)
        {
            return RunOn(root, options, progress, cancellationToken);
        }

        // What the next commit holds: the staged blobs, copied out of the index and scanned like a repository.
        var started = System.Diagnostics.Stopwatch.StartNew();
        progress.Start("Reading the git index", 1);
        using StagedSnapshot snapshot = StagedSnapshot.Create(root);
        var inCopy = new ScanOptions
        {
            Root = snapshot.ScanRoot,
            PolicyPath = options.PolicyPath,
            PolicySha256 = options.PolicySha256,
            Mode = options.Mode,
            Now = options.Now,
            EverythingCommitted = true,
        };
        ScanReport copy = RunOn(snapshot.ScanRoot, inCopy, progress, cancellationToken);
        var report = new ScanReport
        {
            Root = root,
            Enforce = copy.Enforce,
            PolicyPath = copy.PolicyPath == null ? null : snapshot.MapBack(copy.PolicyPath, root),
            CSharpFiles = copy.CSharpFiles,
            TextFiles = copy.TextFiles,
            Projects = copy.Projects,
            StagedFromWorkingTree = snapshot.FromWorkingTree,
        };
        report.EffectivePolicy = copy.EffectivePolicy;
        foreach (Guardrails.BuildTasks.Foundation.EndpointUse use in copy.Endpoints)
        {
            report.Endpoints.Add(new Guardrails.BuildTasks.Foundation.EndpointUse(use.Host, snapshot.MapBack(use.File, root)));
        }

        foreach (Finding f in copy.Findings)
        {
            report.Findings.Add(new Finding(f.Rule, snapshot.MapBack(f.File, root), f.Line, f.Column, f.Message.Replace(snapshot.ScanRoot, root, StringComparison.Ordinal), f.WarningOnly, f.Subject));
        }

        report.Elapsed = started.Elapsed;
        return report;
    }

    private static ScanReport RunOn(string root, ScanOptions options, ScanProgress progress, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var report = new ScanReport { Root = root };
        progress.Start("Listing files", 1);
        RepositoryFiles files = RepositoryFiles.List(root, options.EverythingCommitted);
        report.SkippedByName.AddRange(files.SkippedByName);

        report.CSharpFiles = files.CSharp.Count;
        report.TextFiles = files.Text.Count;
        report.Projects = files.Projects.Count;
        foreach ((string path, string key) in files.KeyNames)
        {
            report.Findings.Add(new Finding(RuleCatalog.KeyInFile, path, 0, 0, "The name of this file (or of a folder above it) holds a key, " + key +
                ": git commits the name, a build copies it, a package lists it. Rename it, and rotate the key now because it is already in source history."));
        }

        foreach (string link in files.Links)
        {
            KeptBackFiles.ScanLinkTarget(link, report.Findings, "guardrails scan");
        }

        UnreadableFiles.Report(root, files, report.Findings);
        progress.Start("Reading the other committed files for keys", 1);
        CommittedFiles.Scan(files.Unread, report.Findings, cancellationToken);

        foreach ((string path, string message) in files.Problems)
        {
            report.Findings.Add(new Finding(RuleCatalog.UnreadableAssistantFile, path, 0, 0, "The folder could not be listed, so nothing in it was scanned: " + message, warningOnly: true));
        }

        // Policy, manifest, footprints and packages: the engine, once per project (or once for the root when there is none).
        var engineFindings = new List<Finding>();
        var credentialFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sdkProjects = new List<SdkProject>();
        string? effectivePolicy = null;
        bool? enforce = null;
        IEnumerable<string> projects = files.Projects.Count > 0 ? files.Projects : new[] { Path.Combine(root, Path.GetFileName(root) + ".csproj") };
        progress.Start("Checking policy, manifest, footprints and packages", Math.Max(1, files.Projects.Count));
        foreach (string project in projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string projectDir = Path.GetDirectoryName(project)!;
            (string? settingsPolicy, string? settingsSha, string? settingsMode) = ProjectFiles.Settings(projectDir);
            string? policyPath = options.PolicyPath != null ? Path.GetFullPath(options.PolicyPath) : settingsPolicy;
            report.PolicyPath ??= policyPath;
            string assets = Path.Combine(projectDir, "obj", "project.assets.json");
            bool restored = File.Exists(project) && File.Exists(assets);
            var request = new CheckRequest
            {
                ProjectPath = project,
                PolicyPath = policyPath,
                PolicySha256 = options.PolicySha256 ?? settingsSha,
                Mode = options.Mode ?? settingsMode,
                ManifestPath = ProjectFiles.FileAbove(projectDir, "ai-assistants.json", null),
                ProjectAssetsFile = restored ? assets : null,
                DeclaredPackages = File.Exists(project) ? ProjectFiles.DeclaredPackages(project, null) : null,
                CheckFootprints = true,
                Now = options.Now,
            };
            Guardrails.BuildTasks.Reports.BuildProvenance.Identify(request, projectDir, Environment.GetEnvironmentVariable);
            CheckResult result = GuardrailsChecker.Run(request);
            engineFindings.AddRange(result.Findings);
            if (File.Exists(project))
            {
                engineFindings.AddRange(ProjectFiles.FrameworkOptOuts(project));
                engineFindings.AddRange(GlobalPropertyBuilds.Check(project));
            }

            credentialFiles.UnionWith(Guardrails.BuildTasks.Footprints.FootprintChecker.CredentialFiles(projectDir, request.ManifestPath));
            if (restored && result.Effective.HasPolicy)
            {
                var verdicts = new Guardrails.Core.Policy.PolicyVerdicts(result.Effective);
                List<string> sdkAssemblies = RestoredAssemblies.For(assets, id => verdicts.SdkOfPackage(id) != null);
                if (sdkAssemblies.Count > 0)
                {
                    sdkProjects.Add(new SdkProject(Path.GetFileNameWithoutExtension(project), SourcesOf(projectDir, files), sdkAssemblies, result.Effective.Write()));
                }
            }

            enforce ??= result.Enforce;
            effectivePolicy ??= result.Effective.HasPolicy ? result.Effective.Write() : null;
            progress.Advance();
        }

        // GRD318: an <MSBuild> call or ProjectReference in a shared build file (Directory.Build.targets, any .props/.targets).
        foreach (string file in files.Text.Where(f => f.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            engineFindings.AddRange(GlobalPropertyBuilds.Check(file));
        }

        // Adversary round 6 #14: .NET 10 file-based apps (`dotnet run tool.cs`) are built by no project of the repository, so
        // no build judges them and CI never builds them: the scan judges each one as the project it stands in for.
        foreach (string file in files.CSharp)
        {
            if (FileBasedApp.Read(file) is { } app)
            {
                cancellationToken.ThrowIfCancellationRequested();
                engineFindings.AddRange(FileBasedApps.Check(app, options, ref enforce, ref effectivePolicy));
            }
        }

        // Adversary round 7 route 13: #r "nuget: …" in notebooks (.ipynb, .dib) and C# scripts (.csx) restores a package no
        // project references: judged like a file-based app's #:package.
        foreach (string file in files.Text)
        {
            List<DeclaredPackage>? scriptPackages = InteractiveScripts.IsScript(file) ? InteractiveScripts.Read(file)
                : MsBuildProjectFiles.IsMsBuildFile(file) ? InteractiveScripts.ReadInlineTasks(file).Concat(Guardrails.BuildTasks.Policy.UsingTaskAssemblies.Read(file)).ToList() // adversary round 10 route 1b, round 12 route 3c
                : null;
            if (scriptPackages is { Count: > 0 })
            {
                cancellationToken.ThrowIfCancellationRequested();
                engineFindings.AddRange(FileBasedApps.CheckScript(file, scriptPackages, options, ref enforce, ref effectivePolicy));
            }
        }

        // Issue 12 route R11: the npm and PyPI packages of the repository's front end and Python tooling (package.json, lock
        // files, requirements*.txt, pyproject.toml, Pipfile, setup.cfg), judged like NuGet packages as package URLs.
        foreach (string file in files.Text.Concat(files.Unread))
        {
            string relativeFile = Path.GetRelativePath(root, file);
            bool commandFile = Guardrails.BuildTasks.Footprints.InstalledSdks.IsCommandFile(relativeFile);
            if (!commandFile && (!Guardrails.BuildTasks.Policy.PackageManifests.IsManifest(relativeFile) ||
                                 (Guardrails.BuildTasks.Policy.PackageManifests.IsInstalledMetadata(relativeFile) && !files.IsCommitted(file))))
            {
                continue; // a local virtual environment's package metadata is not the repository's (committed ones are: route 10)
            }

            cancellationToken.ThrowIfCancellationRequested();
            var problems = new List<Finding>();
            List<DeclaredPackage> manifestPackages = commandFile
                ? Guardrails.BuildTasks.Footprints.InstalledSdks.Read(file) // pip install openai in a script or a RUN (adversary round 12 route 13)
                : Guardrails.BuildTasks.Policy.PackageManifests.Read(file, problems);
            if (manifestPackages.Count > 0 || problems.Count > 0)
            {
                engineFindings.AddRange(FileBasedApps.CheckScript(file, manifestPackages, options, ref enforce, ref effectivePolicy, problems));
            }
        }

        report.Enforce = enforce ?? true;

        // Keys, endpoints, local suppressions: the analyzers themselves, over every C# and config file under the root
        // but the assistant files whose literal keys the footprint check reported (GRD135), as in the build: one literal, one report.
        var secretFindings = new List<Finding>();
        List<string> keyScanned = KeepBackLarge(files.Text.Where(f => !credentialFiles.Contains(Path.GetFullPath(f))), secretFindings, report.EndpointsNotSearched);
        SourceAnalysis.Run(files.CSharp, keyScanned, effectivePolicy ?? ModeOnly(report.Enforce), sdkProjects, secretFindings, progress, cancellationToken, report.Endpoints);
        report.EffectivePolicy = effectivePolicy;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Finding f in engineFindings.Concat(secretFindings))
        {
            if (seen.Add(f.Rule.Id + "|" + f.File + "|" + f.Line + "|" + f.Column + "|" + f.Message))
            {
                report.Findings.Add(f);
            }
        }

        report.Findings.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.File, b.File);
            if (c == 0) c = a.Line.CompareTo(b.Line);
            if (c == 0) c = a.Column.CompareTo(b.Column);
            return c != 0 ? c : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        progress.Done();
        report.Elapsed = started.Elapsed;
        return report;
    }

    /// <summary>
    /// The text files the analyzers get: a file over the compiler's limit (<see cref="Guardrails.Core.Files.TextFileSecrets.MaxLength"/>)
    /// is kept back from them and scanned streaming by the build's own reader (<see cref="KeptBackFiles"/>: GRD002/GRD006 at
    /// file, line and column, anywhere in it), as the build does; one over <see cref="Guardrails.Core.Files.TextFileSecrets.StreamMaxBytes"/>
    /// is a gap in the scan (GRD312, an error in Enforce): padding a file is not a way to hide a key (adversary round 5 #11).
    /// </summary>
    private static List<string> KeepBackLarge(IEnumerable<string> text, List<Finding> findings, List<(string Reason, string Path)> notSearched)
    {
        var forAnalyzers = new List<string>();
        foreach (string path in text)
        {
            string? reason;
            long length;
            try
            {
                reason = ScanFileKinds.SkipReason(path, out length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                forAnalyzers.Add(path);
                continue;
            }

            if (reason == Guardrails.Core.Files.SkippedList.Large)
            {
                string? gap = KeptBackFiles.ScanText(path, reason, findings, ". (Found by the scan's streaming reader: the file is over the " +
                    Guardrails.Core.Files.TextFileSecrets.MaxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters the compiler's key scan reads.)");
                if (gap == null)
                {
                    notSearched.Add((reason, path));
                    continue;
                }

                reason = gap;
            }

            if (reason == Guardrails.Core.Files.SkippedList.LfsPointer)
            {
                // Adversary round 10 route 8: a Git LFS pointer. The object is read from the clone's LFS store (GRD002 in it),
                // else the content was not scanned (GRD312, an error in Enforce); the analyzers would only read the pointer.
                KeptBackFiles.ScanText(path, reason, findings, null);
                notSearched.Add((reason, path));
                continue;
            }

            if (reason == Guardrails.Core.Files.SkippedList.Binary && !Guardrails.Core.Files.TextFileSecrets.HasBinaryExtension(path))
            {
                // Adversary round 6 #9: a NUL byte behind a text name; read as text (NULs as spaces), as the build's check
                // reads it, so a key in it is GRD002. The analyzers still get the file and name it as not read by them (GRD007).
                KeptBackFiles.ScanText(path, reason, findings, null, nulAsSpace: true);
                notSearched.Add((reason, path));
            }

            if (reason == Guardrails.Core.Files.SkippedList.TooLarge)
            {
                findings.Add(new Finding(RuleCatalog.FileNotScannable, path, 0, 0, "The file was not scanned for AI provider keys: its size (" +
                    length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes) is over the " +
                    Guardrails.Core.Files.TextFileSecrets.StreamMaxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
                    "-byte limit of the key scan. Split it, or remove it from the repository."));
                notSearched.Add((reason, path));
                continue;
            }

            forAnalyzers.Add(path);
        }

        return forAnalyzers;
    }

    /// <summary>The C# files of the project in <paramref name="projectDirectory"/>: below it and not below another project's folder.</summary>
    private static List<string> SourcesOf(string projectDirectory, RepositoryFiles files)
    {
        string own = projectDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var nested = files.Projects.Select(p => Path.GetDirectoryName(p)!.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)
            .Where(d => d.Length > own.Length && d.StartsWith(own, StringComparison.Ordinal))
            .ToList();
        return files.CSharp.Where(f => f.StartsWith(own, StringComparison.Ordinal) && !nested.Any(d => f.StartsWith(d, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The effective-policy file for the analyzers when there is no policy: only the mode.</summary>
    private static string ModeOnly(bool enforce)
    {
        var policy = new Guardrails.Core.Policy.EffectivePolicy { Mode = enforce ? "Enforce" : "Audit" };
        return policy.Write();
    }
}

/// <summary>The scan could not run at all (exit code 2).</summary>
internal sealed class ScanException : Exception
{
    public ScanException(string message, string code = "GRDCL03")
        : base(message)
    {
        Code = code;
    }

    /// <summary>The GRDCL code the command reports it with (GRDCL03: the scan could not run).</summary>
    public string Code { get; }
}
