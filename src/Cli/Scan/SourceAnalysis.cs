using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Guardrails.Analyzers;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;

namespace Guardrails.Cli.Scan;

/// <summary>
/// The package's code analyzers without a build: the C# files are parsed (syntax only, no references) into one
/// compilation and the text files are handed over as AdditionalFiles, and the analyzers themselves run on them, tree
/// by tree and file by file, as csc runs them: GRD001/GRD006 (<see cref="HardcodedKeyInCodeAnalyzer"/>),
/// GRD004 (<see cref="UnapprovedAiEndpointAnalyzer"/>, C# and configuration files), GRD005
/// (<see cref="ForbiddenLocalSuppressionAnalyzer"/>) and GRD002/GRD006 (<see cref="HardcodedKeyInFileAnalyzer"/>).
/// Same detectors, same ids, same messages; no second implementation. GRD003 (<see cref="UnapprovedAiSdkAnalyzer"/>)
/// decides on the SDK assemblies a compilation references: it runs per restored project whose AI SDK assemblies are
/// on disk (<see cref="SdkProject"/>), on that project's C# files; elsewhere the package rules GRD201-GRD203 name the
/// same SDKs from the project files.
/// </summary>
internal static class SourceAnalysis
{
    /// <summary>C# files above this size are generated data, not code; the build would still compile them, so they are parsed too
    /// but one over this many bytes is reported as skipped instead of holding the scan up.</summary>
    public const long MaxSourceBytes = 16L * 1024 * 1024;

    public static void Run(
        IReadOnlyList<string> csharp,
        IReadOnlyList<string> text,
        string? effectivePolicy,
        IReadOnlyList<SdkProject> sdkProjects,
        List<Finding> findings,
        ScanProgress progress,
        CancellationToken cancellationToken,
        List<Guardrails.BuildTasks.Foundation.EndpointUse>? endpoints = null)
    {
        var skipped = new ConcurrentBag<Finding>();
        var trees = new SyntaxTree?[csharp.Count];
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Parse, SourceCodeKind.Regular);
        progress.Start("Parsing C#", csharp.Count);
        Parallel.For(0, csharp.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            string path = csharp[i];
            try
            {
                var info = new FileInfo(path);
                if (info.Length > MaxSourceBytes)
                {
                    skipped.Add(new Finding(RuleCatalog.KeyInCode, path, 0, 0, "Not scanned: the file is " + info.Length + " bytes, over the scan limit of " + MaxSourceBytes + " bytes.", warningOnly: true));
                }
                else
                {
                    using FileStream stream = File.OpenRead(path);
                    SourceText source = SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha1, throwIfBinaryDetected: false);
                    trees[i] = CSharpSyntaxTree.ParseText(source, parseOptions, path, cancellationToken);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DecoderFallbackException)
            {
                skipped.Add(new Finding(RuleCatalog.KeyInCode, path, 0, 0, "Not scanned: the file could not be read (" + e.GetType().Name + ").", warningOnly: true));
            }

            progress.Advance();
        });

        var additional = new List<AdditionalText>(text.Count + 1);
        foreach (string path in text)
        {
            additional.Add(new FileText(path));
        }

        if (effectivePolicy != null)
        {
            additional.Add(new InMemoryText(Path.Combine(Path.GetTempPath(), "guardrails-scan", EffectivePolicy.FileName), effectivePolicy));
        }

        SyntaxTree[] parsed = Array.FindAll(trees, t => t != null)!;
        SyntaxTree implicitUsings = ImplicitUsings(parseOptions);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "GuardrailsScan",
            parsed.Append(implicitUsings),
            Framework(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: true));
        // C#: the code analyzers on each tree (see AnalyzerHost for why not the compiler's driver). Their
        // additional-file actions (GRD004 in configuration files) run below, through the driver.
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var codeOptions = new AnalyzerOptions(additional.Where(a => a is InMemoryText).ToImmutableArray());
        AnalyzerHost[] hosts = CodeAnalyzers()
            .Select(a => AnalyzerHost.Start(a, compilation, codeOptions, cancellationToken, additionalFilesElsewhere: true))
            .ToArray();
        progress.Start("Scanning C#", parsed.Length);
        Parallel.ForEach(parsed, new ParallelOptions { CancellationToken = cancellationToken }, tree =>
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (AnalyzerHost host in hosts)
            {
                host.Analyze(model, diagnostics.Add, cancellationToken);
            }

            progress.Advance();
        });

        // GRD003 decides on the SDK assemblies a compilation references: in each restored project whose AI SDK
        // assemblies are on disk, its own C# files against them, under its own effective policy (versions and chains).
        if (sdkProjects.Count > 0)
        {
            var byPath = parsed.ToDictionary(t => t.FilePath, StringComparer.Ordinal);
            progress.Start("Checking AI SDK use in restored projects", sdkProjects.Count);
            foreach (SdkProject project in sdkProjects)
            {
                SyntaxTree[] own = project.Sources.Where(byPath.ContainsKey).Select(p => byPath[p]).ToArray();
                CSharpCompilation withSdks = CSharpCompilation.Create(
                    project.Name,
                    own.Append(implicitUsings),
                    Framework().Concat(project.References.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r))),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: true));
                var policy = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryText(Path.Combine(Path.GetTempPath(), "guardrails-scan", project.Name, EffectivePolicy.FileName), project.EffectivePolicy)));
                AnalyzerHost sdkHost = AnalyzerHost.Start(new UnapprovedAiSdkAnalyzer(), withSdks, policy, cancellationToken);
                Parallel.ForEach(own, new ParallelOptions { CancellationToken = cancellationToken }, tree => sdkHost.Analyze(withSdks.GetSemanticModel(tree), diagnostics.Add, cancellationToken));
                progress.Advance();
            }
        }

        // Config files: the GRD002/GRD006 and GRD004 analyzers through the compiler's driver, as AdditionalFiles (no binding involved).
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional.ToImmutableArray()),
            onAnalyzerException: (e, analyzer, diagnostic) => exceptions.Add(analyzer.GetType().Name + ": " + e.GetType().Name),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        CompilationWithAnalyzers withAnalyzers = CSharpCompilation.Create("GuardrailsScanFiles")
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedKeyInFileAnalyzer(), new UnapprovedAiEndpointAnalyzer()), options);

        progress.Start("Scanning config files", additional.Count);
        Parallel.ForEach(additional, new ParallelOptions { CancellationToken = cancellationToken }, file =>
        {
            foreach (Diagnostic d in withAnalyzers.GetAnalysisResultAsync(file, cancellationToken).GetAwaiter().GetResult().GetAllDiagnostics())
            {
                diagnostics.Add(d);
            }

            progress.Advance();
        });

        foreach (Diagnostic d in diagnostics)
        {
            // GRD008 is the record of an endpoint used, not a finding: it goes where the build's error log sends it.
            if (d.Id == RuleIds.EndpointUsed)
            {
                if (d.Properties.TryGetValue(RuleCatalog.EndpointUsedHostProperty, out string? host) && host != null)
                {
                    endpoints?.Add(new Guardrails.BuildTasks.Foundation.EndpointUse(host, d.Location.GetLineSpan().Path));
                }

                continue;
            }

            findings.Add(ToFinding(d));
        }

        findings.AddRange(skipped);
        foreach (string e in exceptions.Distinct())
        {
            findings.Add(new Finding(RuleCatalog.InternalError, "", 0, 0, "The key scan failed inside the analyzer (" + e + "); some files were not scanned. Please report this."));
        }
    }

    /// <summary>
    /// The global usings the .NET SDK generates into obj/ (<c>&lt;name&gt;.GlobalUsings.g.cs</c>) for
    /// <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c>, which every SDK template sets: Microsoft.NET.Sdk's
    /// list (Microsoft.NET.Sdk.Web adds System.Net.Http.Json; its ASP.NET Core namespaces are not referenced here). A
    /// scan runs no build, so without them <c>new Uri("https://api.openai.com/…")</c> in a template project binds to
    /// nothing and GRD004, which judges an address by the parameter it is passed to, saw nothing (adversary round 4 #9).
    /// They are given to every file: a file that names a framework type without a using would not compile without them,
    /// so binding it cannot report what a build would not ship. Residual: a simple name that both these namespaces and a
    /// file's own using declare (CS0104) stays unbound, as in a build of a project with ImplicitUsings on.
    /// </summary>
    internal static readonly string[] SdkImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading", "System.Threading.Tasks",
    };

    private static SyntaxTree ImplicitUsings(CSharpParseOptions options) => CSharpSyntaxTree.ParseText(
        string.Concat(SdkImplicitUsings.Select(n => "global using global::" + n + ";\n")),
        options,
        Path.Combine(Path.GetTempPath(), "guardrails-scan", "GuardrailsScan.GlobalUsings.g.cs"));

    /// <summary>The analyzers of the package that look at C# code without its references (GRD003 runs per restored project).</summary>
    internal static DiagnosticAnalyzer[] CodeAnalyzers() => new DiagnosticAnalyzer[]
    {
        new HardcodedKeyInCodeAnalyzer(),
        new UnapprovedAiEndpointAnalyzer(),
        new ForbiddenLocalSuppressionAnalyzer(),
    };

    /// <summary>
    /// The running .NET's own framework assemblies (the folder of its core library), without the project's references
    /// (which a scan without a build does not have): enough for the compiler to fold string constants (a key split
    /// across constants) and to bind the framework types GRD004 judges a host by (<c>Uri</c>, <c>HttpClient</c>, …).
    /// Only what an analyzer asks about is bound, so the references cost their metadata, once.
    /// </summary>
    private static IEnumerable<MetadataReference> Framework() => FrameworkReferences.Value;

    private static readonly Lazy<List<MetadataReference>> FrameworkReferences = new(LoadFramework);

    private static List<MetadataReference> LoadFramework()
    {
        string location = typeof(object).Assembly.Location;
        if (string.IsNullOrEmpty(location))
        {
            return new List<MetadataReference>();
        }

        var references = new List<MetadataReference> { MetadataReference.CreateFromFile(location) };
        foreach (string file in Directory.EnumerateFiles(Path.GetDirectoryName(location)!, "*.dll"))
        {
            string name = Path.GetFileName(file);
            if (!string.Equals(file, location, StringComparison.OrdinalIgnoreCase)
                && (name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
                && !name.StartsWith("System.Private.CoreLib", StringComparison.OrdinalIgnoreCase)
                && !name.Contains(".Native", StringComparison.OrdinalIgnoreCase))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references;
    }

    private static Finding ToFinding(Diagnostic d)
    {
        RuleInfo rule = RuleLookup.Find(d.Id);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        string file = span.Path;
        int line = span.IsValid ? span.StartLinePosition.Line + 1 : 0;
        int column = span.IsValid ? span.StartLinePosition.Character + 1 : 0;
        // The level the analyzer gave the diagnostic is the verdict, as in the build: a violation a waiver lets pass is a
        // warning naming the waiver (adversary round 9: the scan took the level from the rule alone and failed the gate on a
        // waived GRD003 the build let pass), and the effective policy's mode already made every finding a warning in Audit.
        return new Finding(rule, file, line, column, d.GetMessage(CultureInfo.InvariantCulture), warningOnly: !rule.IsErrorInEnforce || d.Severity != DiagnosticSeverity.Error);
    }

    /// <summary>A text file read on demand (the analyzer asks once); unreadable or binary files read as empty.</summary>
    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            try
            {
                var info = new FileInfo(Path);
                if (info.Length > Guardrails.Core.Files.TextFileSecrets.MaxLength * 4L)
                {
                    return null;
                }

                using FileStream stream = File.OpenRead(Path);

                // UTF-32 and unmarked UTF-16 decoded as what they are, as the build's check does.
                Encoding encoding = Guardrails.BuildTasks.Foundation.TextEncodings.Sniff(stream, out _) ?? Encoding.UTF8;
                return SourceText.From(stream, encoding, SourceHashAlgorithm.Sha1, throwIfBinaryDetected: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DecoderFallbackException)
            {
                return null;
            }
        }
    }

    /// <summary>An additional file held in memory (the effective policy the check wrote).</summary>
    internal sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

internal static class RuleLookup
{
    private static readonly Dictionary<string, RuleInfo> ById = RuleCatalog.All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleInfo Find(string id) => ById.TryGetValue(id, out RuleInfo? rule) ? rule : RuleCatalog.InternalError;
}
