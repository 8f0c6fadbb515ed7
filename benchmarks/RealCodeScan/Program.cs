using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: dotnet run -c Release --project benchmarks/RealCodeScan -- REPO_DIR [REPO_DIR ...] [--details FILE] [--all-files]
//
// Runs every Guardrails analyzer over real repositories (checked out outside this repository, never committed), the way
// a build would but whatever the compiler thinks of the code: csc skips analyzers when a compilation has declaration
// errors, and a foreign repository compiled without its packages has plenty. Each project (the .cs files under the
// nearest *.csproj; files under no project form one more group) is one CSharpCompilation with the .NET shared framework
// as references, analysed with CompilationWithAnalyzers. The project's text files that Guardrails.targets passes to the
// compiler (config, script, project and props files; dot-folders only with --all-files, which also adds every other
// text file a repository commits) are its AdditionalFiles. Prints lines scanned and findings per rule per repository;
// --details FILE writes every finding (id, file:line, message; messages never show a key) and every analyzer exception.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: RealCodeScan REPO_DIR [REPO_DIR ...] [--details FILE] [--all-files]");
    return 2;
}

string? detailsPath = Arg("--details");
bool allFiles = args.Contains("--all-files");
var repos = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--details")).ToList();

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Guardrails", StringComparison.Ordinal))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToList();
var analyzers = typeof(Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var ParseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: ["NET", "NET8_0_OR_GREATER", "NETCOREAPP"]);
const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

using var details = detailsPath == null ? null : new StreamWriter(detailsPath);
long totalCsLines = 0, totalFileLines = 0;
var totals = new SortedDictionary<string, int>(StringComparer.Ordinal);
var clock = Stopwatch.StartNew();
foreach (string repoArg in repos)
{
    string repo = Path.GetFullPath(repoArg).TrimEnd('/');
    var files = Enumerate(repo).ToList();
    var projectDirs = files.Where(f => f.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && Path.GetExtension(f) is ".csproj")
        .Select(f => Path.GetDirectoryName(f)!).Distinct().OrderByDescending(d => d.Length).ToList();
    string GroupOf(string file) => projectDirs.FirstOrDefault(d => file.StartsWith(d + "/", StringComparison.Ordinal)) ?? repo;

    var groups = files.GroupBy(GroupOf).ToList();
    long csLines = 0, fileLines = 0;
    var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
    var seen = new HashSet<string>(StringComparer.Ordinal);
    int exceptions = 0;
    foreach (var group in groups)
    {
        var trees = new List<SyntaxTree>();
        var additional = new List<AdditionalText>();
        foreach (string file in group)
        {
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                SourceText text;
                using (FileStream stream = File.OpenRead(file))
                {
                    text = SourceText.From(stream);
                }

                csLines += text.Lines.Count;
                trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, file));
            }
            else if (IsScanned(repo, file, allFiles))
            {
                var text = new FileText(file);
                fileLines += text.GetText().Lines.Count;
                additional.Add(text);
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
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([.. additional]),
            (exception, analyzer, diagnostic) => failures.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message} ({diagnostic.Location.GetLineSpan()})"),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        AnalysisResult result = await new CompilationWithAnalyzers(compilation, analyzers, options).GetAnalysisResultAsync(CancellationToken.None);
        foreach (Diagnostic d in result.GetAllDiagnostics().Where(d => d.Id.StartsWith("GRD", StringComparison.Ordinal) || d.Id == "AD0001")
                     .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            FileLinePositionSpan at = d.Location.GetLineSpan();
            if (!seen.Add($"{d.Id}|{at.Path}|{d.Location.SourceSpan}"))
            {
                continue; // a props file shared by several projects
            }

            counts[d.Id] = counts.GetValueOrDefault(d.Id) + 1;
            details?.WriteLine($"{d.Id} {d.Severity} {Relative(repo, at.Path)}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}): {d.GetMessage()}");
        }

        foreach (string failure in failures)
        {
            exceptions++;
            details?.WriteLine($"EXCEPTION {Relative(repo, group.Key)}: {failure}");
        }
    }

    totalCsLines += csLines;
    totalFileLines += fileLines;
    foreach (var (id, n) in counts)
    {
        totals[id] = totals.GetValueOrDefault(id) + n;
    }

    Console.WriteLine($"{Path.GetFileName(repo),-40} {groups.Count,5} projects {csLines,10:N0} C# lines {fileLines,10:N0} file lines  " +
                      (counts.Count == 0 ? "no findings" : string.Join(", ", counts.Select(c => $"{c.Key}×{c.Value}"))) +
                      (exceptions > 0 ? $"  analyzer exceptions: {exceptions}" : string.Empty));
    details?.Flush();
}

Console.WriteLine($"{"total",-40}       {totalCsLines,19:N0} C# lines {totalFileLines,10:N0} file lines  " +
                  (totals.Count == 0 ? "no findings" : string.Join(", ", totals.Select(c => $"{c.Key}×{c.Value}"))) + $"  ({clock.Elapsed.TotalSeconds:N0} s)");
return 0;

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

// What Guardrails.targets passes as AdditionalFiles: a project's None/Content items with a config, script, notebook or
// project-file extension (default items leave out dot-folders), MCP/assistant configs in dot-folders, and the
// repository's CI and container files (GuardrailsSelectScanFiles.RepositoryFilePatterns, at the repository root).
// --all-files adds every other text file (.md, .txt, ...), which the package does not scan by default.
static bool IsScanned(string repo, string file, bool allFiles)
{
    string name = Path.GetFileName(file);
    string extension = Path.GetExtension(file).ToLowerInvariant();
    string relative = file[(repo.Length + 1)..];
    bool inDotFolder = file.Split('/').SkipLast(1).Any(s => s.StartsWith('.') && s.Length > 1);
    bool assistantConfig = name is ".mcp.json" or "mcp.json" or ".aider.conf.yml" || (inDotFolder && file.Contains("/.vscode/") && name is "settings.json")
                           || (inDotFolder && (file.Contains("/.cursor/") || file.Contains("/.claude/") || file.Contains("/.gemini/") || file.Contains("/.continue/")));
    bool repositoryFile = (relative.StartsWith(".github/workflows/", StringComparison.Ordinal) && relative.Count(c => c == '/') == 2 && extension is ".yml" or ".yaml")
                          || relative is ".gitlab-ci.yml" or "bitbucket-pipelines.yml" or ".circleci/config.yml" or "compose.yml" or "compose.yaml"
                          || (!relative.Contains('/') && (name.StartsWith("azure-pipelines", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal)) && extension is ".yml" or ".yaml");
    bool configExtension = extension is ".json" or ".jsonc" or ".config" or ".xml" or ".yml" or ".yaml" or ".env" or ".ini" or ".properties" or ".toml"
        or ".http" or ".rest" or ".ps1" or ".sh" or ".cmd" or ".bat" or ".props" or ".targets" or ".runsettings" or ".csproj"
        or ".fsproj" or ".vbproj" or ".proj" or ".ipynb" or ".dib"
        || name.StartsWith(".env", StringComparison.Ordinal);
    if (allFiles)
    {
        return configExtension || repositoryFile || extension is ".md" or ".txt" or ".cfg" or ".conf" || name.StartsWith("Dockerfile", StringComparison.Ordinal);
    }

    return assistantConfig || repositoryFile || (configExtension && !inDotFolder);
}

static string Relative(string repo, string path) => path.StartsWith(repo, StringComparison.Ordinal) ? path[(repo.Length + 1)..] : path;

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
