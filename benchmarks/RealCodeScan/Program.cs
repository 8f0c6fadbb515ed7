using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: dotnet run -c Release --project benchmarks/RealCodeScan -- REPO_DIR [REPO_DIR ...] [--details FILE] [--all-files] [--files-only] [--policy none|FILE] [--references DIR]
//        dotnet run -c Release --project benchmarks/RealCodeScan -- REPO_DIR [REPO_DIR ...] --committed-files [--details FILE]
//
// --committed-files: what the build's check reads of every committed file the compiler is not given (adversary round 8
// route 10, BuildTasks' Engine/CommittedKeyFiles): for every committed project that builds an assembly, the files of its
// part of the repository and of no project's part, read for self-identifying keys, one process standing for one build node
// (each file read once, as the check's per-node cache does). The compiler's files are approximated by the .cs files
// (every other file is read here, so the figures are an upper bound). Prints projects, files and bytes selected and read,
// CPU time and bytes allocated, the first project's share (a cold node), and the findings.
//
// Runs every Guardrails analyzer over real repositories (checked out outside this repository, never committed), the way
// a build would but whatever the compiler thinks of the code: csc skips analyzers when a compilation has declaration
// errors, and a foreign repository compiled without its packages has plenty. Each project (the .cs files under the
// nearest *.csproj; files under no project form one more group) is one CSharpCompilation with the .NET shared framework
// as references, analysed with CompilationWithAnalyzers. Its AdditionalFiles are what the build gives the key scan,
// chosen by the package's own code (BuildSelection: the SDK's MSBuild evaluates the project with Guardrails.targets
// imported, runs _GuardrailsCollectScanFiles and then GuardrailsSelectScanFiles; shipped files such as wwwroot/lib
// JavaScript, .resx and copied .txt included); the files it keeps back (too large, binary) are scanned by the check's
// KeptBackFiles as in a build. A project MSBuild cannot evaluate without its packages falls back to the project's files
// of a scanned kind (ScanFileKinds) and is counted. Each repository root is marked with an empty .git folder when it has
// none (the build bounds the repository's CI files by it). --all-files adds every text file a repository commits
// (dot-folders, .md, .txt, ...), beyond what a build scans; --files-only leaves the C# out (the file scan alone, minutes
// instead of an hour). Prints lines scanned and findings per rule per repository;
// --details FILE writes every finding (id, file:line, message; messages never show a key) and every analyzer exception.
// --policy puts a central policy in force, as the build's effective policy (an AdditionalFile) would: "none" is a valid
// policy that approves nothing (every AI SDK use and endpoint is reported, so GRD003/GRD004/GRD008 false positives show),
// FILE a guardrails.policy.json turned into the effective policy by the build task's own EffectiveFacts. Without it no
// policy is in force and the policy-gated rules stay silent, as in a build without GuardrailsPolicyPath.
// --references DIR adds every assembly in DIR (e.g. the output folder of a project that references the AI SDKs) to every
// compilation: GRD003 decides by the assembly that declares a symbol, so without the SDKs' assemblies (no restore here)
// it has nothing to report. A repository's own source of a type wins over the reference (CS0436), as in a build.
Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: RealCodeScan REPO_DIR [REPO_DIR ...] [--details FILE] [--all-files] [--files-only] [--policy none|FILE] [--references DIR] [--restored \"ID@VER;ID@VER>ID@VER\"]");
    return 2;
}

string? detailsPath = Arg("--details");
bool allFiles = args.Contains("--all-files");
bool filesOnly = args.Contains("--files-only");
string? policyArg = Arg("--policy");
string? restoredArg = Arg("--restored");
var repos = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--details" or "--policy" or "--references" or "--restored"))).ToList();
AdditionalText? effectivePolicy = policyArg == null ? null : EffectivePolicyFile(policyArg, restoredArg);
string? referencesDir = Arg("--references");

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Guardrails", StringComparison.Ordinal))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToList();
if (referencesDir != null)
{
    var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
    references.AddRange(Directory.EnumerateFiles(referencesDir, "*.dll")
        .Where(p => !framework.Contains(Path.GetFileName(p)) && !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
        .Select(p => MetadataReference.CreateFromFile(p)));
}
var analyzers = typeof(Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var ParseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: ["NET", "NET8_0_OR_GREATER", "NETCOREAPP"]);
const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

if (args.Contains("--committed-files"))
{
    return CommittedFilesPass.Run(repos, detailsPath);
}

using var details = detailsPath == null ? null : new StreamWriter(detailsPath);
using var selection = new BuildSelection(FindTargets());
long totalCsLines = 0, totalFileLines = 0, totalShippedLines = 0;
int totalProjects = 0, totalFallback = 0;
var totals = new SortedDictionary<string, int>(StringComparer.Ordinal);
var clock = Stopwatch.StartNew();
foreach (string repoArg in repos)
{
    var repoClock = Stopwatch.StartNew();
    string repo = Path.GetFullPath(repoArg).TrimEnd('/');
    if (!Directory.Exists(Path.Combine(repo, ".git")) && !File.Exists(Path.Combine(repo, ".git")))
    {
        Directory.CreateDirectory(Path.Combine(repo, ".git")); // the repository's bound, as a clone has
    }

    var files = Enumerate(repo).ToList();
    var projectFiles = files.Where(f => Path.GetExtension(f) is ".csproj").ToList();
    var projectDirs = projectFiles.Select(f => Path.GetDirectoryName(f)!).Distinct().OrderByDescending(d => d.Length).ToList();
    string GroupOf(string file) => projectDirs.FirstOrDefault(d => file.StartsWith(d + "/", StringComparison.Ordinal)) ?? repo;

    var groups = files.GroupBy(GroupOf).ToList();
    long csLines = 0, fileLines = 0, shippedLines = 0;
    int fallback = 0;
    var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
    var seen = new HashSet<string>(StringComparer.Ordinal);
    var counted = new HashSet<string>(StringComparer.Ordinal);
    int exceptions = 0, unreadable = 0;
    string? unresolvedSdk = null;

    void Count(string id, string path, int line, int column, string message)
    {
        if (!seen.Add($"{id}|{path}|{line}|{column}"))
        {
            return; // a props or CI file shared by several projects
        }

        counts[id] = counts.GetValueOrDefault(id) + 1;
        details?.WriteLine($"{id} {Relative(repo, path)}({line},{column}): {message}");
    }

    foreach (var group in groups)
    {
        var trees = new List<SyntaxTree>();
        var additional = new List<AdditionalText>();
        var chosen = new List<string>();
        var projectsHere = projectFiles.Where(p => Path.GetDirectoryName(p) == group.Key).ToList();
        bool evaluated = false;
        foreach (string projectFile in projectsHere)
        {
            // An SDK that cannot be resolved offline (the Arcade SDK, CentralPackageVersions) costs a minute of NuGet
            // feed time-outs per project and is shared by the whole repository (global.json, Directory.Build.props):
            // after the first such project the rest are read by kind without asking MSBuild again.
            string? error = unresolvedSdk;
            BuildSelection.Selected? selected = unresolvedSdk != null ? null : selection.Select(projectFile, out error);
            if (selected == null)
            {
                fallback++;
                if (unresolvedSdk == null && error != null && error.Contains("Could not resolve SDK", StringComparison.Ordinal))
                {
                    unresolvedSdk = "not tried: " + System.Text.RegularExpressions.Regex.Match(error, "Could not resolve SDK \"[^\"]*\"").Value + " for an earlier project of this repository";
                }

                details?.WriteLine($"NOT EVALUATED {Relative(repo, projectFile)}: {error?.Split('\n')[0]}");
                continue;
            }

            evaluated = true;
            chosen.AddRange(selected.Files);
            foreach (var (id, file, line, column, message) in selected.CheckFindings)
            {
                Count(id, file, line, column, message);
            }
        }

        foreach (string file in group)
        {
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                if (filesOnly)
                {
                    continue;
                }

                if (!File.Exists(file))
                {
                    unreadable++; // a name that is not UTF-8: .NET decodes it to another name, which names no file
                    details?.WriteLine($"UNREADABLE {Relative(repo, file)}: no such file (a name that is not UTF-8)");
                    continue;
                }

                SourceText text;
                using (FileStream stream = File.OpenRead(file))
                {
                    text = SourceText.From(stream);
                }

                csLines += text.Lines.Count;
                trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, file));
            }
            else if (allFiles ? IsTextFile(file) : projectsHere.Count > 0 && !evaluated && IsOfScannedKind(repo, file))
            {
                chosen.Add(file);
            }
        }

        foreach (string file in chosen.Distinct(StringComparer.Ordinal))
        {
            // A path that names no file: MSBuild unescapes %XX in item specs, and a transform through %(FullPath)
            // unescapes again (a committed "OutputFormatWorks(%aac%).json" comes back as "…(ªc%).json"); an enumerated
            // name the file system gave is always there. Reported, never a crash.
            if (!File.Exists(file))
            {
                if (counted.Add(file))
                {
                    unreadable++;
                    details?.WriteLine($"UNREADABLE {Relative(repo, file)}: no such file (a name MSBuild unescaped, or removed during the run)");
                }

                continue;
            }

            var text = new FileText(file);
            additional.Add(text);
            if (counted.Add(file) && !Guardrails.Core.Files.SkippedList.IsSkippedList(file))
            {
                int lines = text.GetText().Lines.Count;
                fileLines += lines;
                shippedLines += Guardrails.BuildTasks.Foundation.ScanFileKinds.IsScanned(file) ? 0 : lines; // read only because the build ships it
            }
        }

        if (trees.Count == 0 && additional.Count == 0)
        {
            continue;
        }

        trees.Add(CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, Path.Combine(group.Key, "GlobalUsings.g.cs")));
        var compilation = CSharpCompilation.Create(Path.GetFileName(group.Key), trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var failures = new ConcurrentBag<string>();
        if (effectivePolicy != null)
        {
            additional.Add(effectivePolicy);
        }

        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([.. additional]),
            (exception, analyzer, diagnostic) => failures.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message} ({diagnostic.Location.GetLineSpan()}) at " +
                string.Join(" < ", (exception.StackTrace ?? string.Empty).Split('\n').Select(f => f.Trim()).Where(f => f.Contains("Guardrails", StringComparison.Ordinal)).Take(4))),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        AnalysisResult result = await new CompilationWithAnalyzers(compilation, analyzers, options).GetAnalysisResultAsync(CancellationToken.None);
        foreach (Diagnostic d in result.GetAllDiagnostics().Where(d => d.Id.StartsWith("GRD", StringComparison.Ordinal) || d.Id == "AD0001")
                     .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            FileLinePositionSpan at = d.Location.GetLineSpan();
            Count(d.Id, at.Path, at.StartLinePosition.Line + 1, at.StartLinePosition.Character + 1, $"{d.Severity} {d.GetMessage()}");
        }

        foreach (string failure in failures)
        {
            exceptions++;
            details?.WriteLine($"EXCEPTION {Relative(repo, group.Key)}: {failure}");
        }
    }

    totalCsLines += csLines;
    totalFileLines += fileLines;
    totalShippedLines += shippedLines;
    totalProjects += projectFiles.Count;
    totalFallback += fallback;
    foreach (var (id, n) in counts)
    {
        totals[id] = totals.GetValueOrDefault(id) + n;
    }

    Console.WriteLine($"{Path.GetFileName(repo),-46} {projectFiles.Count,4} projects ({fallback} not evaluated) {csLines,10:N0} C# lines {fileLines,10:N0} file lines ({shippedLines:N0} shipped)  " +
                      (counts.Count == 0 ? "no findings" : string.Join(", ", counts.Select(c => $"{c.Key}×{c.Value}"))) +
                      (exceptions > 0 ? $"  analyzer exceptions: {exceptions}" : string.Empty) + (unreadable > 0 ? $"  unreadable files: {unreadable}" : string.Empty) + $"  {repoClock.Elapsed.TotalSeconds:N0} s");
    details?.Flush();
}

Console.WriteLine($"{"total",-46} {totalProjects,4} projects ({totalFallback} not evaluated) {totalCsLines,10:N0} C# lines {totalFileLines,10:N0} file lines ({totalShippedLines:N0} shipped)  " +
                  (totals.Count == 0 ? "no findings" : string.Join(", ", totals.Select(c => $"{c.Key}×{c.Value}"))) + $"  ({clock.Elapsed.TotalSeconds:N0} s)");
return 0;

// The package's build logic in this checkout: nuget/build/Guardrails.targets above the runner (or the current folder).
static string FindTargets()
{
    foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
    {
        for (string? dir = start; dir != null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "nuget", "build", "Guardrails.targets");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    throw new FileNotFoundException("nuget/build/Guardrails.targets not found above " + AppContext.BaseDirectory);
}

// The effective policy a build with GuardrailsPolicyPath hands the analyzers: "none" approves nothing; a policy file is
// read and turned into the effective policy by the build task's own reader and EffectiveFacts (one truth with a build).
static AdditionalText EffectivePolicyFile(string policy, string? restored)
{
    var effective = new Guardrails.Core.Policy.EffectivePolicy { HasPolicy = true };
    // --restored "A@1.0;A@1.0>B@2.0": packages every project is taken to restore, each with the chain that brings it (a
    // route's carried SDK is judged by that chain); the runner does no restore, so without it no route is in force.
    foreach (string chain in (restored ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
    {
        string[] links = chain.Split('>');
        string[] last = links[^1].Split('@');
        effective.Packages.Add(new Guardrails.Core.Policy.ResolvedPackage(last[0], last[1], links.Select(l => l.Split('@')[0]).ToList()));
    }

    if (policy != "none")
    {
        string path = Path.GetFullPath(policy);
        var findings = new List<Guardrails.BuildTasks.Foundation.Finding>();
        Guardrails.Core.Json.JsonNode document = Guardrails.BuildTasks.Foundation.SourceFile.TryParseJson(File.ReadAllText(path), path, "The Guardrails policy", out var problem)
            ?? throw new InvalidDataException(problem?.Message);
        Guardrails.BuildTasks.Policy.GuardrailsPolicy read = Guardrails.BuildTasks.Policy.PolicyReader.Read(document, path, findings, out int errors) ?? throw new InvalidDataException($"{path}: not a valid policy");
        if (errors > 0)
        {
            throw new InvalidDataException($"{path}: {errors} policy errors: {string.Join("; ", findings.Select(f => f.Message))}");
        }

        Guardrails.BuildTasks.Policy.EffectiveFacts.Write(read, effective); // no waivers: a build without a manifest uses none
    }

    return new InMemoryText("/realcodescan/obj/guardrails/" + Guardrails.Core.Policy.EffectivePolicy.FileName, effective.Write());
}

static IEnumerable<string> Enumerate(string root)
{
    var pending = new Stack<string>();
    pending.Push(root);
    while (pending.Count > 0)
    {
        string dir = pending.Pop();
        foreach (string sub in Directory.EnumerateDirectories(dir))
        {
            string name = Path.GetFileName(sub);
            if (name is "bin" or "obj" or ".git" or "node_modules" or ".vs")
            {
                continue;
            }

            pending.Push(sub);
        }

        foreach (string file in Directory.EnumerateFiles(dir))
        {
            yield return file;
        }
    }
}

// A project MSBuild could not evaluate: its files of a kind the build scans (the one list, ScanFileKinds), outside dot-folders.
static bool IsOfScannedKind(string repo, string file) =>
    Guardrails.BuildTasks.Foundation.ScanFileKinds.IsScanned(file) && !file[(repo.Length + 1)..].Split('/').SkipLast(1).Any(s => s.StartsWith('.') && s.Length > 1);

// --all-files: every text file a repository commits (binary ones, by extension or a NUL byte, left out).
static bool IsTextFile(string file) =>
    !Guardrails.Core.Files.TextFileSecrets.HasBinaryExtension(file) && !HasNulByte(file);

static bool HasNulByte(string file)
{
    var head = new byte[8192];
    if (!File.Exists(file))
    {
        return false; // counted as unreadable where it is read
    }

    using FileStream stream = File.OpenRead(file);
    int read = stream.Read(head, 0, head.Length);
    return Array.IndexOf(head, (byte)0, 0, read) >= 0;
}

static string Relative(string repo, string path) => path == repo ? "." : path.StartsWith(repo + "/", StringComparison.Ordinal) ? path[(repo.Length + 1)..] : path;

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal sealed class FileText(string path) : AdditionalText
{
    private SourceText? text;

    public override string Path { get; } = path;

    // As the compiler reads an additional file: encoding detected from the byte-order mark, UTF-8 otherwise.
    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        if (text == null)
        {
            using FileStream stream = File.OpenRead(Path);
            text = SourceText.From(stream, throwIfBinaryDetected: false);
        }

        return text;
    }
}

internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
