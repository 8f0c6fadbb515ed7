using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Verify;

/// <summary>
/// What the repository builds and ships, judged against the verified audit records (adversary round 2, #1 and #9):
/// a record vouches only for the assembly it names, so the gate also asks the other way round.
/// <list type="bullet">
/// <item>Every project file of the repository (tracked in git; every one on disk when there is no readable index) must be
/// named by a verified record (<c>project.path</c>), wherever its intermediate folder is: a project that never got
/// Guardrails, or compiles into a folder of its own choosing, has none (GRDCL30).</item>
/// <item>Every managed assembly in a <c>bin/</c> folder must be one a verified record describes (its SHA-256), a file of a
/// package a verified project restored (same name and bytes in a library folder of its project.assets.json), or a
/// resource-only satellite assembly: a second compiler run in a target writing bin/Plugins.dll, or an SDK copied from a
/// PackageDownload, is none of these (GRDCL30).</item>
/// </list>
/// </summary>
internal static class ShippedOutputs
{
    public const string Code = "GRDCL30";

    private const long MaxAssemblyBytes = 512L * 1024 * 1024;

    public static List<GateResult> Check(OutputTree tree, IReadOnlyCollection<GateResult> outputs) => Check(tree, outputs, Array.Empty<string>());

    /// <param name="trustedSources">
    /// The package sources CI names (<c>--trusted-package-source</c>): a package restored from any other source is the
    /// repository's own, opened and read like any file of bin/ (adversary round 6 #10: a team package staged by a
    /// restore-time target into a feed folder just outside the repository passed "not a feed inside the repository").
    /// Empty: only packages from a feed inside the repository are.
    /// </param>
    public static List<GateResult> Check(OutputTree tree, IReadOnlyCollection<GateResult> outputs, IReadOnlyCollection<string> trustedSources)
    {
        var verifiedProjects = new HashSet<string>(PathComparer);
        var verifiedHashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var frameworks = new Dictionary<string, List<string?>>(PathComparer);
        foreach (GateResult output in outputs.Where(o => o.Passed))
        {
            JsonNode? record = ReadJson(Path.Combine(output.OutputDirectory, BuildGate.RecordRelative), 16 * 1024 * 1024);
            if (record?["project"]?["path"]?.Text is { } project)
            {
                verifiedProjects.Add(Full(project));
                if (!frameworks.TryGetValue(Full(project), out List<string?>? list))
                {
                    frameworks[Full(project)] = list = new List<string?>();
                }

                list.Add(record["project"]?["targetFramework"]?.Text?.Trim());
            }

            if (record?["compile"]?["assembly"]?["sha256"]?.Text is { } sha)
            {
                verifiedHashes.Add(sha);
            }
        }

        var results = new List<GateResult>();
        var packages = new PackageFiles(tree, verifiedProjects, trustedSources);
        var sdks = new SdkPackages(tree.Root, trustedSources, packages.Tracked);
        foreach (string project in ProjectFiles(tree, sdks))
        {
            if (!verifiedProjects.Contains(Full(project)))
            {
                string sdk = sdks.Reasons.TryGetValue(project, out string? why)
                    ? " It counts as compiling although its SDK is one that compiles nothing, because " + why + " (adversary round 8 route 1)."
                    : string.Empty;
                results.Add(new GateResult(project, Code, "this project has no verified Guardrails audit record: it was built without Guardrails (no package, its targets skipped, " +
                    "an intermediate folder of its own), or not built in this job. Every project of the repository must pass through Guardrails; build it (with Guardrails) before the gate, or run the gate on the folders CI builds." + sdk));
            }
        }

        results.AddRange(RestoredFrameworks.Check(tree, frameworks));

        Func<string, bool> verified = verifiedHashes.Contains;

        // A package's file is not read (the build judged the package), unless the package is the repository's own (restored
        // from a feed inside it): the build judges a package by its id, never by its bytes (adversary round 5 #2).
        Func<string, string, bool> packageFile = (name, sha) => (packages.Contains(name, sha) && !packages.FromRepositoryFeed(name, sha)) || InstalledSdkFiles.Contains(name, sha);
        foreach (string bin in tree.BinFolders)
        {
            foreach (string file in SafeFiles(bin, SearchOption.AllDirectories))
            {
                if (SafeText.KeyInName(Path.GetRelativePath(bin, file)) is { } named)
                {
                    // Adversary round 5 #12: keys/<whole key>.txt copied to bin/; the name ships as surely as content.
                    results.Add(new GateResult(file, KeyCode, "the name of this file in an output folder holds a key, " + named + ": it ships with the build " +
                        "(and is committed, listed by git and by every package of it). Rename the file, rotate the key, and read it from the environment or a secret store."));
                }

                if (!IsAssembly(file, out bool resourceOnly))
                {
                    JudgeFile(file, verified, packageFile, results);
                    continue;
                }

                if (resourceOnly)
                {
                    // A satellite holds only resources: those are what it ships (an SDK embedded in a resource-only assembly).
                    ShippedContents.Inspect(file, assembly: true, verified, packageFile, results);
                    continue;
                }

                string? sha = SourceFile.TryHashFile(file);
                if (sha != null && verifiedHashes.Contains(sha))
                {
                    // The record vouches for the code the compiler checked, not for bytes embedded as resources: those are opened,
                    // with the embedded PDB's sources, and the image's own bytes are read for keys (adversary round 7 route 2: a
                    // key in a Win32 resource — ApplicationManifest, ApplicationIcon — or in an identifier, which no analyzer reads).
                    ShippedContents.Inspect(file, assembly: true, verified, packageFile, results);
                    if (ShippedKey(file, packageFile, compiled: true) is { } own)
                    {
                        results.Add(own);
                    }

                    continue;
                }

                if (sha != null && packages.Contains(Path.GetFileName(file), sha))
                {
                    if (packages.FromRepositoryFeed(Path.GetFileName(file), sha))
                    {
                        // The repository's own package, compiled outside every check: what it embeds and any key in it ship.
                        ShippedContents.Inspect(file, assembly: true, verified, packageFile, results);
                        if (ShippedKey(file, packageFile) is { } key)
                        {
                            results.Add(key);
                        }
                    }

                    continue;
                }

                if (sha != null && InstalledSdkFiles.Contains(Path.GetFileName(file), sha))
                {
                    continue; // the toolchain's own file (the SDK copies it into the output), not the repository's
                }

                results.Add(new GateResult(file, Code, "this assembly in an output folder is not one a verified Guardrails audit record describes (by SHA-256), nor a file of a restored package: " +
                    "it was compiled outside Guardrails (a second compiler run in a build target, a project without Guardrails) or copied in (a downloaded or committed assembly)."));
            }
        }

        results.AddRange(AssembliesOutsideOutputs(tree, outputs, verifiedHashes, packageFile, packages.Tracked));
        return results;
    }

    /// <summary>
    /// The GRD318 gate variant (issue 12, session 14): a <c>ProjectReference</c> with <c>AdditionalProperties</c> or an
    /// <c>&lt;MSBuild&gt;</c> task builds a project again with global properties that keep Guardrails out
    /// (<c>ImportProjectExtensionTargets=false</c>, moved <c>BaseIntermediateOutputPath</c>/<c>OutputPath</c>), into a
    /// folder that is neither <c>bin/</c> nor <c>obj/&lt;configuration&gt;/&lt;tfm&gt;/</c> (a gitignored <c>.cache/</c>),
    /// and leaves no record. Every managed assembly of the repository's tree outside <c>bin/</c> (judged above) that git does
    /// not track (the build or a step of CI wrote it: a committed assembly is the package check's) and that lies in no folder
    /// the gate judged by its record must be one a verified record describes, a restored package's file or the toolchain's
    /// (GRDCL30). Reference assemblies (<c>ref/</c>, <c>refint/</c>: the runtime refuses to run them) and resource-only
    /// satellites are not code that runs. Without a readable git index every such assembly is judged (fail closed).
    /// </summary>
    private static IEnumerable<GateResult> AssembliesOutsideOutputs(OutputTree tree, IReadOnlyCollection<GateResult> outputs, HashSet<string> verifiedHashes,
        Func<string, string, bool> packageFile, Func<string, bool> tracked)
    {
        var judgedFolders = new HashSet<string>(outputs.Select(o => Full(o.OutputDirectory)), PathComparer);
        foreach (string dir in tree.OutsideBin)
        {
            if (judgedFolders.Contains(Full(dir)))
            {
                continue;
            }

            foreach (string file in SafeFiles(dir, SearchOption.TopDirectoryOnly))
            {
                if (tracked(file) || !IsAssembly(file, out bool resourceOnly) || resourceOnly || IsReferenceAssembly(file))
                {
                    continue;
                }

                string? sha = SourceFile.TryHashFile(file);
                if (sha != null && (verifiedHashes.Contains(sha) || packageFile(Path.GetFileName(file), sha)))
                {
                    continue;
                }

                yield return new GateResult(file, Code, "this assembly was written into the repository's tree outside bin/ and the obj/<configuration>/<tfm>/ folders the gate judges, " +
                    "and is not one a verified Guardrails audit record describes (by SHA-256) nor a file of a restored package: a build compiled it without Guardrails " +
                    "(a ProjectReference with AdditionalProperties or an <MSBuild> task that builds a project again with properties that keep Guardrails out, GRD318; " +
                    "a second compiler run in a target) or a step downloaded it. Build every project with Guardrails, into its own obj/ and bin/.");
            }
        }
    }

    /// <summary>True when the assembly carries <c>System.Runtime.CompilerServices.ReferenceAssemblyAttribute</c> (metadata only; the runtime will not load it to run).</summary>
    private static bool IsReferenceAssembly(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var pe = new PEReader(stream);
            MetadataReader metadata = pe.GetMetadataReader();
            foreach (CustomAttributeHandle handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == HandleKind.MemberReference &&
                    metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent)
                {
                    TypeReference type = metadata.GetTypeReference((TypeReferenceHandle)parent);
                    if (metadata.StringComparer.Equals(type.Name, "ReferenceAssemblyAttribute") && metadata.StringComparer.Equals(type.Namespace, "System.Runtime.CompilerServices"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A file that is no assembly, read for what it ships: an archive (zip, .nupkg, tar, gzip; by its bytes, any name) is
    /// opened (an SDK or a key inside ships as surely as one beside it); any other file is read for keys and opened when it
    /// decodes as brotli or deflate. <paramref name="packageFile"/> null: no file is a restored package's (nothing is hashed).
    /// Also <c>guardrails scan</c>'s reader for the committed files of no kind the build reads (one reader).
    /// </summary>
    internal static void JudgeFile(string file, Func<string, bool> verified, Func<string, string, bool>? packageFile, List<GateResult> results)
    {
        int before = results.Count;
        bool archive = ShippedContents.IsArchive(file);
        if (archive && ShippedContents.Inspect(file, assembly: false, verified, packageFile ?? NoPackageFile, results))
        {
            // What an archive holds besides its entries' data — the archive comment, a gzip header's comment
            // and name fields, extra fields (adversary round 6 #7: the key as a zip comment) — is read in the
            // file's own bytes, as any binary file of bin/ is, unless a key was found inside already.
            if (!results.Skip(before).Any(r => r.Code == KeyCode) && ShippedKey(file, packageFile) is { } raw)
            {
                results.Add(raw);
            }
        }
        else
        {
            if (ShippedKey(file, packageFile) is { } key)
            {
                results.Add(key);
            }

            if (!IsPackageFile(file, packageFile))
            {
                ShippedContents.InspectCompressed(file, verified, packageFile ?? NoPackageFile, results);
            }
        }
    }

    private static bool NoPackageFile(string name, string sha) => false;

    private static bool IsPackageFile(string file, Func<string, string, bool>? packageFile)
    {
        if (packageFile == null)
        {
            return false;
        }

        string? sha = SourceFile.TryHashFile(file);
        return sha != null && packageFile(Path.GetFileName(file), sha);
    }

    public const string KeyCode = "GRDCL31";

    /// <summary>Bytes of one loose file of bin/ the gate reads for keys; a larger one is not vouched for (GRDCL30).</summary>
    public const long MaxKeyScanBytes = ShippedContents.MaxInflatedBytes;

    /// <summary>
    /// A file in an output folder holding a self-identifying AI-provider key (GRDCL31), whatever put it there: the build
    /// judges the items it copies, but a plain &lt;Copy&gt; in a target, or an item taken out before the compiler and put
    /// back for the copy step (adversary round 3, #5 and #6), ships a file no check in the build saw. Text is read with the
    /// build's own reader (TextFileSecrets, UTF-16/32 as the check decodes them); anything else, whatever its name says
    /// (a .png or .pfx that is plain text, a .dat with one NUL byte: adversary round 4 #5), is read for keys in its
    /// printable runs (<see cref="BinaryText"/>), except a file with the bytes of a restored
    /// package's file (that package was judged by the build). A key with no fixed format only named in the file is not
    /// enough (the build warns on those). Over <see cref="MaxKeyScanBytes"/> the file is GRDCL30: not read, not vouched for.
    /// </summary>
    /// <param name="compiled">The file is an assembly the build's record vouches for: the key is in its bytes outside the code the analyzers read.</param>
    private static GateResult? ShippedKey(string file, Func<string, string, bool>? packageFile, bool compiled = false)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length == 0)
            {
                return null;
            }

            if (info.Length > MaxKeyScanBytes)
            {
                string? sha = packageFile == null ? null : SourceFile.TryHashFile(file);
                return sha != null && packageFile!(Path.GetFileName(file), sha)
                    ? null
                    : ShippedContents.Unjudged(file, "it is " + info.Length + " bytes, over the limit of " + MaxKeyScanBytes + " bytes the gate reads for keys");
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            string? found = KeyIn(stream, file, packageFile == null ? null : () =>
            {
                string? sha = SourceFile.TryHashFile(file);
                return !(sha != null && packageFile(Path.GetFileName(file), sha));
            });
            return found == null
                ? null
                : new GateResult(file, KeyCode, "this file in an output folder holds a key, " + found + ": it ships with the build. " + (compiled
                    ? "The assembly was compiled under the checks, but the key is in its bytes outside the code the analyzers read (a Win32 resource such as the application manifest or icon, a resource, an identifier, an embedded PDB's sources). "
                    : "A file copied there by a build step (a Copy task, an item put back after the compiler), or one whose name or content says binary, is seen by no check in the build. ") +
                    "Remove the key, rotate it, and read it from the environment or a secret store.") { Key = found };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ShippedContents.Unjudged(file, "it could not be read (" + e.GetType().Name + ")");
        }
    }

    /// <summary>
    /// The first self-identifying key in a seekable stream (<paramref name="where"/> names it for the reader's file kind),
    /// as "provider kind (redacted) at line L, column C" for text, "… at byte offset N" for bytes that are not text (a NUL
    /// byte, or text past the build's streaming limit), which are read for printable runs when
    /// <paramref name="readBinary"/> (null: always) says so; null for none.
    /// </summary>
    internal static string? KeyIn(Stream stream, string where, Func<bool>? readBinary = null)
    {
        System.Text.Encoding? encoding = TextEncodings.Sniff(stream, out bool hasNul);
        int first = stream.ReadByte(), second = stream.ReadByte();
        stream.Position = 0;
        bool binary = encoding == null && hasNul && !(first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF); // marked UTF-16 holds NUL bytes too
        string? found = null;
        if (!binary && stream.Length <= Guardrails.Core.Files.TextFileSecrets.StreamMaxBytes)
        {
            using var reader = new StreamReader(stream, encoding ?? new System.Text.UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
            bool text = Guardrails.Core.Files.TextFileSecrets.ScanStream(where, reader, (match, line, column) =>
            {
                if (found == null && !match.Format.IsGeneric)
                {
                    found = match.Format.Provider + " " + match.Format.TokenKind + " (" + match.Redacted + ") at line " + line + ", column " + column;
                }
            });
            if (text || found != null)
            {
                return found;
            }
        }

        if (readBinary != null && !readBinary())
        {
            return null;
        }

        stream.Position = 0;
        BinaryText.Scan(stream, MaxKeyScanBytes, (match, offset) =>
        {
            found ??= match.Format.Provider + " " + match.Format.TokenKind + " (" + match.Redacted + ") at byte offset " + offset + " (in content that is not text)";
        });
        return found;
    }

    /// <summary>A source CI trusts: the same URL or folder, ignoring case, a trailing '/' and, for a folder, how it is written.</summary>
    internal static bool TrustedSource(string? source, IReadOnlyCollection<string> trustedSources)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return false;
        }

        string Normal(string s)
        {
            s = s.Trim();
            if (!Uri.TryCreate(s, UriKind.Absolute, out Uri? uri) || uri.IsFile)
            {
                try
                {
                    s = Path.GetFullPath(uri?.LocalPath ?? s);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
                {
                }
            }

            return s.TrimEnd('/', '\\');
        }

        string given = Normal(source!);
        return trustedSources.Any(t => string.Equals(Normal(t), given, StringComparison.OrdinalIgnoreCase));
    }

    private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    internal static string Full(string path)
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

    /// <summary>
    /// The project files that build an assembly: tracked ones when the git index can be read, else every one on disk (bin/ and
    /// obj/ left out). An SDK that compiles nothing counts only when <paramref name="sdks"/> vouches for its package.
    /// </summary>
    internal static IEnumerable<string> ProjectFiles(OutputTree tree, SdkPackages sdks)
    {
        string root = tree.Root;
        string? repository = FootprintDiscovery.FindRepositoryRoot(root, null);
        HashSet<string>? tracked = repository == null ? null : GitIndex.TryReadTrackedPaths(repository);
        IEnumerable<string> found;
        if (tracked != null)
        {
            found = tracked.Select(relative => Path.GetFullPath(Path.Combine(repository!, relative.Replace('/', Path.DirectorySeparatorChar))))
                .Where(path => path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path));
        }
        else
        {
            found = tree.SourceDirectories.SelectMany(d => SafeFiles(d, SearchOption.TopDirectoryOnly));
        }

        // Projects by content, not by extension alone (adversary round 7 route 3: a C# project saved as Worker.proj).
        return MsBuildProjectFiles.Find(found, PathComparer).Where(project => MsBuildProjectFiles.BuildsAssembly(project, sdks.For(project)));
    }

    /// <summary>A managed assembly (a PE file with CLI metadata, whatever its extension); resource-only when it defines no type and no method (a satellite).</summary>
    internal static bool IsAssembly(string file, out bool resourceOnly)
    {
        resourceOnly = false;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return IsAssembly(stream, out resourceOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>As <see cref="IsAssembly(string, out bool)"/>, for the bytes of a stream (left open, position moved).</summary>
    internal static bool IsAssembly(Stream stream, out bool resourceOnly)
    {
        resourceOnly = false;
        try
        {
            stream.Position = 0;
            if (stream.Length < 128 || stream.Length > MaxAssemblyBytes || stream.ReadByte() != 'M' || stream.ReadByte() != 'Z')
            {
                return false;
            }

            stream.Position = 0;
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (!pe.HasMetadata)
            {
                return false;
            }

            MetadataReader metadata = pe.GetMetadataReader();
            resourceOnly = metadata.TypeDefinitions.Count <= 1 && metadata.MethodDefinitions.Count == 0;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // A file that claims to be a PE image and cannot be read as one is judged as an assembly: it is not vouched for.
            return e is BadImageFormatException or InvalidOperationException;
        }
    }

    internal static JsonNode? ReadJson(string path, long max)
    {
        try
        {
            var info = new FileInfo(path);
            return !info.Exists || info.Length > max ? null : JsonReader.TryParse(File.ReadAllText(path), out _, new JsonReaderOptions { MaxDepth = 128 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] SafeFiles(string dir, SearchOption option)
    {
        try
        {
            string[] files = Directory.GetFiles(dir, "*", option);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>
    /// The files of the packages the repository's verified projects restored that a build copies to bin/ (the runtime, native,
    /// satellite and content assets of the libraries of every obj/…/project.assets.json whose restore names a project a
    /// verified record names, in its package folders): those packages were judged by that
    /// project's check. The assets file of a project nobody judged (a restore-only NoTargets <c>.proj</c>, adversary round 3
    /// #12) vouches for nothing, nor one that does not say which project restored it. A PackageDownload is not a library of
    /// the assets file: its files are not package files here.
    /// </summary>
    private sealed class PackageFiles
    {
        private readonly OutputTree _tree;
        private readonly HashSet<string> _verifiedProjects;
        private Dictionary<string, List<PackageAsset>>? _byName;

        private readonly IReadOnlyCollection<string> _trustedSources;

        public PackageFiles(OutputTree tree, HashSet<string> verifiedProjects, IReadOnlyCollection<string> trustedSources)
        {
            _tree = tree;
            _verifiedProjects = verifiedProjects;
            _trustedSources = trustedSources;
        }

        private bool Trusted(string? source) => TrustedSource(source, _trustedSources);

        private readonly Dictionary<string, RestoredPackage?> _restored = new(PathComparer);
        private HashSet<string>? _tracked;
        private string? _repository;

        public bool Contains(string name, string sha)
        {
            _byName ??= Index();
            return _byName.TryGetValue(name, out List<PackageAsset>? assets) && assets.Any(a =>
                string.Equals(SourceFile.TryHashFile(a.File), sha, StringComparison.OrdinalIgnoreCase) && RestoredEntry(a) is { } entry && string.Equals(entry, sha, StringComparison.OrdinalIgnoreCase));
        }

        private readonly Dictionary<string, bool> _repositoryFeed = new(PathComparer);

        /// <summary>
        /// True when the package file with these bytes was restored from a feed inside the repository (NuGet's
        /// <c>.nupkg.metadata</c> "source", read by the build's own <see cref="Guardrails.BuildTasks.EvaluatedBuild.RepositorySource"/>).
        /// </summary>
        public bool FromRepositoryFeed(string name, string sha)
        {
            _byName ??= Index();
            if (!_byName.TryGetValue(name, out List<PackageAsset>? assets))
            {
                return false;
            }

            foreach (PackageAsset a in assets)
            {
                if (!string.Equals(RestoredEntry(a), sha, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!_repositoryFeed.TryGetValue(a.Folder, out bool local))
                {
                    _repositoryFeed[a.Folder] = local = Guardrails.BuildTasks.EvaluatedBuild.RepositorySource(a.Folder, _tree.Root) != null ||
                        (_trustedSources.Count > 0 && !Trusted(Restored(a.Folder)?.Source));
                }

                if (local)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A file an assets file names in a package folder (<see cref="Folder"/>), as <see cref="Asset"/> inside the package.</summary>
        private sealed record PackageAsset(string File, string Folder, string Asset, string? Sha512);

        /// <summary>
        /// The SHA-256 of the asset's entry in the .nupkg restore extracted into its folder, or null when the folder is not one
        /// restore wrote (issue 12, a forged project.assets.json can name any folder and file): restore leaves the .nupkg,
        /// its SHA-512 (base64) in <c>&lt;id&gt;.&lt;version&gt;.nupkg.sha512</c>, and its content hash (the SHA-512 of the
        /// package before it was signed: <see cref="NuGetContentHash"/>) in <c>.nupkg.metadata</c>'s contentHash; the assets
        /// file's own <c>sha512</c> for the library, when it gives one, must be the content hash; and git
        /// tracks none of them (restore never commits a package folder: a committed look-alike is the repository's own).
        /// A build step that writes a self-consistent fake package into the global packages folder is not told apart.
        /// </summary>
        private string? RestoredEntry(PackageAsset asset)
        {
            RestoredPackage? restored = Restored(asset.Folder);

            if (restored == null || (asset.Sha512 != null && asset.Sha512 != restored.Sha512) || Tracked(asset.File))
            {
                return null;
            }

            return restored.Entries.TryGetValue(asset.Asset, out string? sha) ? sha : null;
        }

        private RestoredPackage? Restored(string folder)
        {
            if (!_restored.TryGetValue(folder, out RestoredPackage? restored))
            {
                _restored[folder] = restored = RestoredPackage.Read(folder, Tracked);
            }

            return restored;
        }

        public bool Tracked(string file)
        {
            if (_tracked == null)
            {
                _repository = FootprintDiscovery.FindRepositoryRoot(_tree.Root, null);
                _tracked = (_repository == null ? null : GitIndex.TryReadTrackedPaths(_repository)) ?? new HashSet<string>();
            }

            return _repository != null && _tracked.Contains(Path.GetRelativePath(_repository, file).Replace('\\', '/'));
        }

        private Dictionary<string, List<PackageAsset>> Index()
        {
            var byName = new Dictionary<string, List<PackageAsset>>(StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<string>(PathComparer);
            foreach (string assets in _tree.AssetsFiles)
            {
                LoadedFile? loaded = SourceFile.TryLoad(assets, Guardrails.BuildTasks.Policy.PackageChecker.MaxAssetsBytes, out _, out _);
                string? text = loaded == null ? null : SourceFile.TryDecode(loaded, out _, out _);
                JsonNode? json = text == null ? null : JsonReader.TryParse(text, out _, new JsonReaderOptions { MaxDepth = 128 });
                if (json == null || json["project"]?["restore"]?["projectPath"]?.Text is not { } restoredFor || !_verifiedProjects.Contains(Full(restoredFor)))
                {
                    continue;
                }

                string[] folders = json["packageFolders"]?.Properties.Select(p => p.Name).ToArray() ?? Array.Empty<string>();
                foreach (JsonProperty library in json["libraries"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
                {
                    if (library.Value["type"]?.Text != "package" || library.Value["path"]?.Text is not { } path)
                    {
                        continue;
                    }

                    List<string> shipped = RuntimeAssets(json, library.Name);
                    string? sha512 = library.Value["sha512"]?.Text;
                    foreach (string folder in folders)
                    {
                        string dir = Path.GetFullPath(Path.Combine(folder, path));
                        if (shipped.Count == 0 || !Directory.Exists(dir))
                        {
                            continue;
                        }

                        foreach (string asset in shipped)
                        {
                            string file = Path.GetFullPath(Path.Combine(dir, asset.Replace('/', Path.DirectorySeparatorChar)));
                            if (!file.StartsWith(Path.TrimEndingDirectorySeparator(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !seen.Add(file) || !File.Exists(file))
                            {
                                continue;
                            }

                            string fileName = Path.GetFileName(file);
                            if (!byName.TryGetValue(fileName, out List<PackageAsset>? list))
                            {
                                byName[fileName] = list = new List<PackageAsset>();
                            }

                            list.Add(new PackageAsset(file, dir, asset, sha512));
                        }
                    }
                }

                foreach ((string dir, string asset) in RuntimePackAssets(json, folders))
                {
                    string file = Path.Combine(dir, asset.Replace('/', Path.DirectorySeparatorChar));
                    if (!seen.Add(file))
                    {
                        continue;
                    }

                    string fileName = Path.GetFileName(file);
                    if (!byName.TryGetValue(fileName, out List<PackageAsset>? list))
                    {
                        byName[fileName] = list = new List<PackageAsset>();
                    }

                    list.Add(new PackageAsset(file, dir, asset, null));
                }
            }

            return byName;
        }

        /// <summary>The runtime packs the SDK downloads for a runtime identifier, by id; {0} is the identifier.</summary>
        private static readonly string[] RuntimePackIds =
        {
            "Microsoft.NETCore.App.Runtime.{0}", "Microsoft.NETCore.App.Runtime.Mono.{0}", "Microsoft.NETCore.App.Runtime.Mono.multithread.{0}",
            "Microsoft.AspNetCore.App.Runtime.{0}", "Microsoft.WindowsDesktop.App.Runtime.{0}",
        };

        /// <summary>
        /// The files of the runtime packs a restore downloaded for the project's runtime identifier (<c>downloadDependencies</c>
        /// of project.assets.json: the SDK adds the runtime pack of a self-contained app and of a Blazor WebAssembly app, whose
        /// framework assemblies — System.*.dll, Microsoft.AspNetCore.* — it copies to bin/): the assemblies and native files
        /// under <c>runtimes/&lt;rid&gt;/lib/</c> and <c>runtimes/&lt;rid&gt;/native/</c> of a pack whose id is the SDK's name
        /// for that identifier, nothing else of the pack and no other download (a PackageDownload of an arbitrary package is
        /// not a runtime pack). Each is vouched for as any package file: by restore's own record in its folder.
        /// </summary>
        private static IEnumerable<(string Dir, string Asset)> RuntimePackAssets(JsonNode assets, string[] folders)
        {
            var rids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty target in assets["targets"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                int slash = target.Name.IndexOf('/');
                if (slash > 0 && slash < target.Name.Length - 1 && target.Name.IndexOf('\\', slash) < 0 && target.Name.IndexOf('/', slash + 1) < 0 && !target.Name.Contains("..", StringComparison.Ordinal))
                {
                    rids.Add(target.Name.Substring(slash + 1));
                }
            }

            foreach (JsonProperty framework in assets["project"]?["frameworks"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                foreach (JsonNode download in framework.Value["downloadDependencies"]?.Items ?? (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>())
                {
                    string? id = download["name"]?.Text;
                    string? range = download["version"]?.Text;
                    string? rid = id == null ? null : rids.FirstOrDefault(r => RuntimePackIds.Any(f => string.Equals(string.Format(System.Globalization.CultureInfo.InvariantCulture, f, r), id, StringComparison.OrdinalIgnoreCase)));
                    if (rid == null || range == null || !range.StartsWith('[') || !range.EndsWith(']'))
                    {
                        continue;
                    }

                    string[] bounds = range.Trim('[', ']').Split(',');
                    string version = bounds[0].Trim();
                    if (bounds.Length != 2 || version.Length == 0 || version != bounds[1].Trim() || version.IndexOfAny(new[] { '/', '\\' }) >= 0 || version.Contains("..", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (string folder in folders)
                    {
                        string dir = Path.GetFullPath(Path.Combine(folder, id!.ToLowerInvariant(), version.ToLowerInvariant()));
                        foreach (string kind in new[] { "lib", "native" })
                        {
                            string sub = Path.Combine(dir, "runtimes", rid, kind);
                            if (!Directory.Exists(sub))
                            {
                                continue;
                            }

                            foreach (string file in Directory.EnumerateFiles(sub, "*", SearchOption.AllDirectories))
                            {
                                yield return (dir, Path.GetRelativePath(dir, file).Replace('\\', '/'));
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Asset kinds of a target's library that the SDK copies to the output folder (project.assets.json).</summary>
        private static readonly string[] CopiedAssetKinds = { "runtime", "native", "runtimeTargets", "resource", "contentFiles" };

        /// <summary>
        /// The files of one library that a build copies to bin/: its runtime, native, RID-specific, satellite and content
        /// assets in every target of the assets file (with their "related" files: .pdb, .xml), relative to the package
        /// folder. Not the rest of the package (tools/, build/, content/ a target may copy from): adversary round 4 #17,
        /// an unapproved SDK vendored under tools/ of a team package and copied to bin/ by a Copy task, is no package's
        /// file here.
        /// </summary>
        private static List<string> RuntimeAssets(JsonNode assets, string library)
        {
            var found = new List<string>();
            foreach (JsonProperty target in assets["targets"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                JsonNode? entry = target.Value[library];
                if (entry == null)
                {
                    continue;
                }

                foreach (string kind in CopiedAssetKinds)
                {
                    foreach (JsonProperty asset in entry[kind]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
                    {
                        if (asset.Name.EndsWith("/_._", StringComparison.Ordinal) || asset.Name == "_._")
                        {
                            continue;
                        }

                        found.Add(asset.Name);
                        if (asset.Value["related"]?.Text is { } related)
                        {
                            int dot = asset.Name.LastIndexOf('.');
                            string stem = dot > asset.Name.LastIndexOf('/') ? asset.Name.Substring(0, dot) : asset.Name;
                            found.AddRange(related.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(ext => stem + ext.Trim()));
                        }
                    }
                }
            }

            return found;
        }
    }
}
