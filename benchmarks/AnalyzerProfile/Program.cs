using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: dotnet run -c Release --project benchmarks/AnalyzerProfile -- DIR [--marginal N [--extra-analyzers A.dll,B.dll] [--globalconfig FILE]] [--runs 3] [--policy FILE] [--additional F1,F2] [--only NAME] [--serial] [--ide FILE] [--keyscan] [--spots] [--thread-cpu [--report-only N] [--diagnostics FILE]] [--loop N [--diagnostics FILE]]
// DIR: a folder of .cs files (searched recursively, bin/obj skipped), e.g. one written by GenerateLargeProject
// --generate-only or benchmarks/AiSdkCompile. References: the .NET shared framework this program runs on, plus every
// dll under DIR/refs. --policy: an effective-policy file handed to the analyzers as an additional file.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: AnalyzerProfile DIR [--runs N] [--policy FILE] [--only AnalyzerName]");
    return 2;
}

string dir = args[0];
int runs = int.Parse(Arg("--runs") ?? "3");
string? policy = Arg("--policy");
string? only = Arg("--only");

var sources = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
    .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/"))
    .OrderBy(p => p, StringComparer.Ordinal)
    .Select(p => (Path: p, Bytes: File.ReadAllBytes(p)))
    .ToList();
string global = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
sources.Add(("GlobalUsings.g.cs", System.Text.Encoding.UTF8.GetBytes(global)));

// Parsed again for every run: nothing cached on a tree by one run may help the next. Each text is read as csc reads a
// file (SourceText.From of a seekable stream): a file of 40 K bytes or more becomes a chunked LargeText, whose
// ToString() copies, as in a real build; a smaller one is one string.
const int LargeTextBytes = 40 * 1024; // Roslyn's SourceText.LargeObjectHeapLimitInChars: at or above it a stream is read as a LargeText

List<SyntaxTree> Parse() => sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(new MemoryStream(s.Bytes, writable: false), System.Text.Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Preview), s.Path)).ToList();
var trees = Parse();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p).StartsWith("Microsoft.Win32", StringComparison.Ordinal))
    .Concat(Directory.Exists(Path.Combine(dir, "refs")) ? Directory.GetFiles(Path.Combine(dir, "refs"), "*.dll") : [])
    .Select(p => MetadataReference.CreateFromFile(p))
    .ToList();
Console.WriteLine($"{trees.Count} files, {trees.Sum(t => t.GetText().Lines.Count):N0} lines");

// --additional A,B,...: more AdditionalFiles (the config files a build hands the compiler: appsettings, .env, YAML, App.config,
// the project file), so that GRD002/GRD006's file scan is measured too.
ImmutableArray<AdditionalText> additional = [
    .. policy == null ? [] : new AdditionalText[] { new FileText(Path.GetFullPath(policy)) },
    .. (Arg("--additional") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => (AdditionalText)new FileText(Path.GetFullPath(p))),
];
var analyzers = typeof(Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && (only == null || t.Name.Contains(only)))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .Concat(only == "OperationProbe" ? [new OperationProbeAnalyzer()] : [])
    .ToImmutableArray();

// --spots: the raw-text passes each analyzer makes over every tree (SourceSpots for GRD001, EndpointSpots for GRD004) and
// the bare searches they are built from, in the calling thread's CPU time, min and median of --runs; no compilation.
// --spots-dump: what SourceSpots finds in each tree whose name ends with it (the inside of each key-shaped literal).
if (Arg("--spots-dump") is string dumpName)
{
    foreach (var t in trees.Where(t => t.FilePath.EndsWith(dumpName, StringComparison.Ordinal)))
    {
        string all = t.GetText().ToString();
        var spots = Guardrails.Analyzers.SourceSpots.Compute(t, CancellationToken.None);
        string At(int p) { int e = all.IndexOfAny(new[] { '"', '\n' }, p); return all.Substring(p, Math.Min(60, (e < 0 ? all.Length : e) - p)); }
        foreach (var c in spots.NamedCandidates) Console.WriteLine($"named {all.Substring(0, c.Position).Count(ch => ch == '\n') + 1}: {At(c.Position)} hints {(c.NameHints == null ? "any" : string.Join("|", c.NameHints))}");
        foreach (var (what, list) in new[] { ("anchor", spots.Anchors), ("escape", spots.Escapes), ("join", spots.Joins), ("builder", spots.Builders), ("multiline", spots.MultiLineLiterals), ("piece", spots.NamedPieces), ("split", spots.SplitAnchors), ("slice", spots.Slices), ("interp", spots.NamedInterpolations), ("chars", spots.CharArrays) })
            foreach (int p in list) Console.WriteLine($"{what} {all.Substring(0, p).Count(ch => ch == '\n') + 1}: {At(p)}");
    }

    return 0;
}

// --spots-digest: every spot SourceSpots and EndpointSpots find, one line per tree (to compare two builds' results).
if (args.Contains("--spots-digest"))
{
    foreach (var t in trees)
    {
        var s = Guardrails.Analyzers.SourceSpots.Compute(t, CancellationToken.None);
        var e = Guardrails.Analyzers.EndpointSpots.Compute(t, Guardrails.Analyzers.EndpointDomains.CatalogDomains, CancellationToken.None);
        Console.WriteLine($"{t.FilePath} a[{string.Join(",", s.Anchors)}] e[{string.Join(",", s.Escapes)}] n[{string.Join(",", s.NamedCandidates.Select(c => c.Position + ":" + (c.NameHints == null ? "*" : string.Join("|", c.NameHints))))}] j[{string.Join(",", s.Joins)}] " +
            $"k[{string.Join(",", s.KeyConstants)}] b[{string.Join(",", s.Builders)}] m[{string.Join(",", s.MultiLineLiterals)}] p[{string.Join(",", s.NamedPieces)}] s[{string.Join(",", s.SplitAnchors)}] " +
            $"l[{string.Join(",", s.Slices)}] i[{string.Join(",", s.NamedInterpolations)}] c[{string.Join(",", s.CharArrays)}] o[{string.Join(",", s.NamedComposites)}] x[{string.Join(",", s.Encoded)}] E[{string.Join(",", e.Literals)}] C[{string.Join(",", e.Constants)}]");
    }

    return 0;
}

// --spots-loop N: SourceSpots.Compute over every tree, N times (after one uncounted pass; the text and quote index made
// first), in the calling thread's CPU time: for a CPU profiler, and a quick before/after of GRD001's raw-text pass.
if (Arg("--spots-loop") is string spotsLoop)
{
    foreach (var t in trees)
    {
        Guardrails.Analyzers.TreeText.QuotesOf(t, CancellationToken.None);
    }

    var times = new List<double>();
    long spotBytes = 0;
    for (int pass = -1; pass < int.Parse(spotsLoop); pass++)
    {
        var at = Segment.Begin();
        foreach (var t in trees)
        {
            Guardrails.Analyzers.SourceSpots.Compute(t, CancellationToken.None);
        }

        Segment done = at.End();
        if (pass >= 0)
        {
            times.Add(done.CpuMs);
            spotBytes = done.ThreadBytes;
        }
    }

    long chars = trees.Sum(t => (long)t.Length);
    Console.WriteLine($"spots-loop: SourceSpots.Compute over {trees.Count} trees ({chars / 1e6:0.0} M chars): min {times.Min():0.00} ms, median {Samples.Median(times):0.00} ms " +
                      $"= {chars / 1e6 / (times.Min() / 1000) / 1000:0.00} G chars/s; allocated {spotBytes / 1e6:0.00} MB per pass");
    return 0;
}

// --scan-loop N: GRD001's per-tree scans (CSharpKeyScan.Run, its semantic-model action) over every tree, N times, each
// time with new semantic models, after the compile bound everything and the spots and constant chain were made once
// (outside the clock): for a CPU profiler, and a quick before/after of the per-tree half of GRD001.
if (Arg("--scan-loop") is string scanLoop)
{
    var compilation = CSharpCompilation.Create("ScanLoop", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
    compilation.GetDiagnostics();
    CancellationToken none = CancellationToken.None;
    var options = new AnalyzerOptions(additional);
    var settings = Guardrails.Analyzers.GuardrailsSettings.From(options, none);
    var keyConstants = Guardrails.Analyzers.ConstantChain.Compute(compilation, tree => Guardrails.Analyzers.SourceSpots.For(tree, none).KeyConstants, none, includeFields: true);
    var mentions = new Guardrails.Analyzers.CompilationMentions(compilation);
    var times = new List<double>();
    long scanBytes = 0;
    int reported = 0;
    var last = new List<Diagnostic>();
    for (int pass = -1; pass < int.Parse(scanLoop); pass++)
    {
        reported = 0;
        last.Clear();
        var at = Segment.Begin();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
#pragma warning disable CS0618 // the public constructor is the way to run a semantic model action outside the driver
            var context = new SemanticModelAnalysisContext(compilation.GetSemanticModel(tree), options, d => { reported++; last.Add(d); }, _ => true, none);
#pragma warning restore CS0618
            Guardrails.Analyzers.CSharpKeyScan.Run(context, settings, keyConstants, mentions);
        }

        Segment done = at.End();
        if (pass >= 0)
        {
            times.Add(done.CpuMs);
            scanBytes = done.ThreadBytes;
        }
    }

    Console.WriteLine($"scan-loop: CSharpKeyScan.Run over {trees.Count} trees: min {times.Min():0.00} ms, median {Samples.Median(times):0.00} ms; allocated {scanBytes / 1e6:0.00} MB per pass; {reported} reported");
    if (Arg("--diagnostics") is string scanList)
    {
        // --diagnostics FILE: every diagnostic of the last pass (id, file, span, message), sorted: the same list before and
        // after a change that must not change what GRD001 reports.
        File.WriteAllLines(scanList, last.Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)} {d.Location.SourceSpan} {d.Severity} {d.GetMessage()}").Order(StringComparer.Ordinal));
    }

    return 0;
}

if (args.Contains("--spots"))
{
    var texts = trees.Select(t => t.GetText().ToString()).ToList();
    var phases = new Dictionary<string, List<double>>();
    var allocated = new Dictionary<string, long>();
    void Time(string name, Action body) { long b = GC.GetAllocatedBytesForCurrentThread(); long c = ThreadClock.Now(); body(); (phases.TryGetValue(name, out var l) ? l : phases[name] = new List<double>()).Add((ThreadClock.Now() - c) / 1e6); allocated[name] = GC.GetAllocatedBytesForCurrentThread() - b; }
    var endpointDomains = Guardrails.Analyzers.EndpointDomains.CatalogDomains;
    for (int i = 0; i < runs; i++)
    {
        // Fresh trees each run: the per-text quote index (TreeText) is made by the first pass that needs it.
        var freshTrees = Parse();
        Time("TreeText.QuotesOf", () => { foreach (var t in freshTrees) Guardrails.Analyzers.TreeText.QuotesOf(t, CancellationToken.None); });
        Time("SourceSpots.Compute", () => { foreach (var t in freshTrees) Guardrails.Analyzers.SourceSpots.Compute(t, CancellationToken.None); });
        Time("EndpointSpots.Compute", () => { foreach (var t in freshTrees) Guardrails.Analyzers.EndpointSpots.Compute(t, endpointDomains, CancellationToken.None); });
        Time("CollectAnchors", () => { var l = new List<int>(); foreach (var t in texts) { l.Clear(); Guardrails.Core.Secrets.SecretScanner.CollectAnchors(t, l); } });
        Time("IndexOf('\"') loop", () => { long n = 0; foreach (var t in texts) for (int q = t.IndexOf('"'); q >= 0; q = t.IndexOf('"', q + 1)) n++; });
        Time("IndexOf(AKIA)", () => { long n = 0; foreach (var t in texts) for (int q = t.IndexOf("AKIA", StringComparison.Ordinal); q >= 0; q = t.IndexOf("AKIA", q + 1, StringComparison.Ordinal)) n++; });
        Time("IndexOfAny(-_)", () => { long n = 0; char[] seps = { '-', '_' }; foreach (var t in texts) for (int q = t.IndexOfAny(seps); q >= 0; q = t.IndexOfAny(seps, q + 1)) n++; });
        Time("MightContainKey", () => { foreach (var t in texts) Guardrails.Core.Secrets.SecretScanner.MightContainKey(t); });
        foreach (string mark in new[] { "tring(", "Reverse(", "Decode(", "Unescape", "', '", "','" })
            Time($"IndexOf({mark})", () => { long n = 0; foreach (var t in texts) for (int q = t.IndexOf(mark, StringComparison.Ordinal); q >= 0; q = t.IndexOf(mark, q + mark.Length, StringComparison.Ordinal)) n++; });
        Time("IndexOf('\\') loop", () => { long n = 0; foreach (var t in texts) for (int q = t.IndexOf('\\'); q >= 0; q = t.IndexOf('\\', q + 1)) n++; });
    }
    long chars = texts.Sum(t => (long)t.Length);
    foreach (var (name, list) in phases) Console.WriteLine($"  {name,-24} min {list.Min(),7:0.00} ms  median {list.OrderBy(x => x).ElementAt(list.Count / 2),7:0.00} ms  = {chars / 1e6 / (list.Min() / 1000) / 1000:0.00} G chars/s, allocated {allocated[name] / 1e6:0.00} MB");
    return 0;
}

if (args.Contains("--micro"))
{
    foreach (string file in args.Where(a => File.Exists(a) && !a.EndsWith(".cs", StringComparison.Ordinal)))
    {
        string content = File.ReadAllText(file);
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            var found = new List<Guardrails.Core.Secrets.SecretMatch>();
            Guardrails.Core.Files.TextFileSecrets.Scan(file, content, found);
            Console.WriteLine($"  micro: {Path.GetFileName(file)} ({content.Length:N0} chars) {sw.Elapsed.TotalMilliseconds:0.00} ms, {found.Count} found");
        }
    }

    for (int i = 0; i < 3; i++)
    {
        var fresh = Parse();
        Micro.Run(fresh, CSharpCompilation.Create("M", fresh, references));
    }

    return 0;
}

// --keyscan: GRD001's own work (the compilation-start pass and every tree's scan), in CPU time, single-threaded, against
// the CPU time of compiling the same trees (GetDiagnostics, which binds every body). Each run parses fresh trees, so no
// per-tree cache helps; the minimum of --runs is printed, the least disturbed by other processes on the machine.
if (args.Contains("--keyscan"))
{
    var analyzerTimes = new List<double>();
    var compileTimes = new List<double>();
    int reported = 0;
    for (int run = 0; run < runs; run++)
    {
        var fresh = Parse();
        var compilation = CSharpCompilation.Create("KeyScan", fresh, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        long c0 = ThreadClock.Now();
        compilation.GetDiagnostics();
        compileTimes.Add((ThreadClock.Now() - c0) / 1e6);
        var options = new AnalyzerOptions(additional);
        var diagnostics = new List<Diagnostic>();
        long a0 = ThreadClock.Now();
        KeyScanProbe.Run(compilation, options, diagnostics.Add);
        analyzerTimes.Add((ThreadClock.Now() - a0) / 1e6);
        reported = diagnostics.Count;
        Console.WriteLine($"  run {run + 1}: compile cpu {compileTimes[^1]:N0} ms, GRD001 analyzer cpu {analyzerTimes[^1]:N0} ms ({100 * analyzerTimes[^1] / compileTimes[^1]:0.00} %), {reported} reported");
    }

    Console.WriteLine($"keyscan: min compile cpu {compileTimes.Min():N0} ms, min GRD001 cpu {analyzerTimes.Min():N0} ms = {100 * analyzerTimes.Min() / compileTimes.Min():0.00} % of compile");
    return 0;
}

// --thread-cpu: each analyzer alone (or --only), its callbacks' own CPU time (ThreadClock), against the CPU time of the
// compiler's GetDiagnostics of the same trees, single-threaded; median and min of --runs.
// What csc shares is shared here: each run parses the files once (texts read as csc reads them), the compile's
// GetDiagnostics builds the syntax nodes, and every analyzer then runs on its own fresh compilation of the SAME trees
// (declarations bound first, bodies not: what an analyzer binds it pays for). The per-text string and quote index that
// the Guardrails analyzers share (TreeText) is made once per run outside every analyzer and printed as its own line:
// in a build the first analyzer to read a tree pays for it, whichever that is.
// Garbage collection: a gen-0 collection pauses whichever callback happens to allocate when the budget runs out, so the
// pauses inside one analyzer's callbacks are luck (0-390 ms in equal runs). Each figure is therefore printed three ways:
// raw (thread CPU, pauses included where they landed), own work (thread CPU minus the pauses inside it), and "charged" =
// own work + the run's total GC pause time × the analyzer's share of all bytes allocated in the run. Charged is the
// figure of record: it does not depend on where the pauses land, and it still charges an analyzer for what it allocates.
if (args.Contains("--thread-cpu"))
{
    // --report-only N: also a stand-in analyzer that does no work but report N diagnostics (six message arguments, as
    // GRD003's), spread over the trees: what the driver alone costs an analyzer that reports that many.
    int reportOnly = int.Parse(Arg("--report-only") ?? "0");
    var timed = analyzers.Concat(reportOnly > 0 ? [new ReportOnlyAnalyzer(reportOnly)] : Array.Empty<DiagnosticAnalyzer>()).Select(a => new TimedAnalyzer(a)).ToList();
    var compile = new Samples();
    var shared = new Samples();
    var perAnalyzer = timed.ToDictionary(t => t, _ => new Samples());
    var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
    Console.WriteLine($"texts read as csc reads them: {sources.Count(s => s.Bytes.Length >= LargeTextBytes)} of {sources.Count} files of {LargeTextBytes / 1024} K bytes or more are chunked (LargeText)");
    // One more run first, not counted: it JIT-compiles the compiler and the analyzers (and lets the tiered JIT promote
    // their hot methods), as a warm compiler server has; the counted runs are the steady state.
    for (int run = -1; run < runs; run++)
    {
        if (run == 0)
        {
            foreach (Samples s in perAnalyzer.Values.Append(compile).Append(shared))
            {
                s.Clear();
            }

            Thread.Sleep(500); // the tiered JIT's background promotion
        }

        var runTrees = Parse();
        var segments = new List<(Samples Into, Segment Measured)>();
        var runStart = Segment.Begin();
        var compilation = CSharpCompilation.Create("Profile", runTrees, references, options);
        var c = Segment.Begin();
        compilation.GetDiagnostics();
        segments.Add((compile, c.End()));

        var t0 = Segment.Begin();
        foreach (SyntaxTree tree in runTrees)
        {
            Guardrails.Analyzers.TreeText.QuotesOf(tree, CancellationToken.None); // the text and its quote index
        }

        segments.Add((shared, t0.End()));
        var found = new Dictionary<TimedAnalyzer, int>();
        foreach (TimedAnalyzer analyzer in timed)
        {
            // Its own compilation of the same trees: it pays for whatever binding it triggers, not for parsing or for the
            // syntax nodes the compiler built. The declarations (assembly, namespaces, member signatures) are the
            // compiler's own work, shared with the analyzers in csc: bound first, outside the clock.
            var fresh = CSharpCompilation.Create("Profile", runTrees, references, options);
            fresh.GetDeclarationDiagnostics();
            analyzer.Reset();
            var with = new CompilationWithAnalyzers(fresh, [analyzer], new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> reported = await with.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            found[analyzer] = reported.Length;
            segments.Add((perAnalyzer[analyzer], analyzer.Measured));
            if (run == runs - 1 && Arg("--diagnostics") is string listFile)
            {
                // --diagnostics FILE: every diagnostic of the last run (id, file, span, message), sorted, to diff before/after.
                File.AppendAllLines(listFile, reported.Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)} {d.Location.SourceSpan} {d.Severity} {d.GetMessage()}").Order(StringComparer.Ordinal));
            }
        }

        Segment whole = runStart.End();
        foreach (var (into, measured) in segments)
        {
            into.Add(measured, whole);
        }

        Console.WriteLine($"  {(run < 0 ? "warm-up" : $"run {run + 1}")}: compile cpu {compile.Raw[^1]:N0} ms ({compile.Bytes / 1e6:N0} MB); run's GC pauses {whole.PauseMs:N0} ms over {whole.Bytes / 1e6:N0} MB allocated; shared text {shared.Raw[^1]:0.0} ms; " +
                          string.Join("; ", timed.Select(a => $"{a.Inner.GetType().Name} {perAnalyzer[a].Raw[^1]:N0} ms (GC pauses in it {perAnalyzer[a].PausesInside[^1]:N0} ms; charged {perAnalyzer[a].Charged[^1]:0.0} ms), {perAnalyzer[a].Bytes / 1e6:0.0} MB allocated ({found[a]} diagnostics)")));
    }

    string Share(double ms, double of) => $"{100 * ms / of,5:0.00} %";
    double compileCharged = Samples.Median(compile.Charged);
    Console.WriteLine($"thread-cpu: {"compile (GetDiagnostics)",-40} {"",-22} charged median {compileCharged,7:N0} ms; raw median {Samples.Median(compile.Raw):N0} ms, min {compile.Raw.Min():N0} ms; allocated {compile.Bytes / 1e6:N0} MB");
    foreach (var (name, ids, s) in perAnalyzer.Select(p => (p.Key.Inner.GetType().Name, string.Join(",", p.Key.Inner.SupportedDiagnostics.Select(d => d.Id).Where(id => !id.EndsWith("L", StringComparison.Ordinal)).Distinct()), p.Value))
                 .Append(("shared text (TreeText.Of + QuotesOf)", "", shared)))
    {
        double charged = Samples.Median(s.Charged);
        Console.WriteLine($"thread-cpu: {name,-40} {ids,-22} charged median {charged,7:0.0} ms = {Share(charged, compileCharged)} of compile; " +
                          $"raw median {Samples.Median(s.Raw),6:N0} ms = {Share(Samples.Median(s.Raw), Samples.Median(compile.Raw))} (min {s.Raw.Min():N0} ms = {Share(s.Raw.Min(), compile.Raw.Min())}); " +
                          $"without GC pauses median {Samples.Median(s.OwnWork),6:0.0} ms; GC share {Samples.Median(s.GcShare):0.0} ms; allocated {s.Bytes / 1e6:0.0} MB");
    }

    // All Guardrails analyzers: the sum over the analyzers of each run, plus the shared text once (PROF001 excluded).
    var real = timed.Where(t => t.Inner is not ReportOnlyAnalyzer).Select(t => perAnalyzer[t]).Append(shared).ToList();
    List<double> Sum(Func<Samples, List<double>> pick) => Enumerable.Range(0, runs).Select(r => real.Sum(s => pick(s)[r])).ToList();
    double allCharged = Samples.Median(Sum(s => s.Charged));
    Console.WriteLine($"thread-cpu: {"all Guardrails analyzers + shared text",-40} {"",-22} charged median {allCharged,7:0.0} ms = {Share(allCharged, compileCharged)} of compile; " +
                      $"raw median {Samples.Median(Sum(s => s.Raw)),6:N0} ms = {Share(Samples.Median(Sum(s => s.Raw)), Samples.Median(compile.Raw))} (min {Sum(s => s.Raw).Min():N0} ms = {Share(Sum(s => s.Raw).Min(), compile.Raw.Min())}); " +
                      $"without GC pauses median {Samples.Median(Sum(s => s.OwnWork)),6:0.0} ms; allocated {real.Sum(s => s.Bytes) / 1e6:0.0} MB");
    return 0;
}

// --loop N: for a CPU profiler (perf, dotnet-trace): the analyzers (or --only) alone, N times, each time on freshly parsed
// trees (no per-tree cache helps) whose syntax nodes were built first by a walk, with the shared text and the declarations
// made outside the analyzers' clock; no compile, so the analyzers' frames are most of the samples. Prints each pass's
// analyzer thread CPU and bytes, and the min and median.
if (Arg("--loop") is string loopCount)
{
    var timed = analyzers.Select(a => new TimedAnalyzer(a)).ToList();
    var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
    var cpu = new List<double>();
    long bytes = 0;
    for (int pass = 0; pass < int.Parse(loopCount); pass++)
    {
        var passTrees = Parse();
        foreach (SyntaxTree tree in passTrees)
        {
            foreach (SyntaxNodeOrToken _ in tree.GetRoot().DescendantNodesAndTokens(descendIntoTrivia: true))
            {
            }

            Guardrails.Analyzers.TreeText.QuotesOf(tree, CancellationToken.None);
        }

        var fresh = CSharpCompilation.Create("Loop", passTrees, references, options);
        fresh.GetDeclarationDiagnostics();
        foreach (TimedAnalyzer t in timed)
        {
            t.Reset();
        }

        var with = new CompilationWithAnalyzers(fresh, [.. timed], new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> reported = await with.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        int found = reported.Length;
        if (pass == int.Parse(loopCount) - 1 && Arg("--diagnostics") is string loopList)
        {
            // --diagnostics FILE: every diagnostic of the last pass, sorted (as --thread-cpu writes them): the same list
            // before and after a change that must not change what the analyzers report, without a full compile.
            File.WriteAllLines(loopList, reported.Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)} {d.Location.SourceSpan} {d.Severity} {d.GetMessage()}").Order(StringComparer.Ordinal));
        }

        cpu.Add(timed.Sum(t => t.Milliseconds));
        bytes = timed.Sum(t => t.AllocatedBytes);
        Console.WriteLine($"  pass {pass + 1}: analyzers {cpu[^1]:0.0} ms thread cpu, {bytes / 1e6:0.00} MB, {found} diagnostics");
    }

    Console.WriteLine($"loop: analyzers' thread cpu min {cpu.Min():0.0} ms, median {Samples.Median(cpu):0.0} ms; allocated {bytes / 1e6:0.00} MB per pass");
    return 0;
}

// --marginal N [--extra-analyzers A.dll,B.dll] [--globalconfig FILE]: what GRD003 and the OperationProbe each add to the
// analysis a real build already does. The extra analyzers (a build's: the SDK's NetAnalyzers, with the severities of the
// SDK's default globalconfig, so that only the rules a default build runs run) are the base; then base + GRD003 and base
// + OperationProbe, each on a fresh compilation of freshly parsed trees with the declarations bound first, outside the
// clock. Measured: the process's CPU time over GetAnalyzerDiagnosticsAsync (every thread: the driver's operation trees
// and the method bodies it binds count, wherever they run), N passes after one warm-up, the variants alternated.
if (Arg("--marginal") is string marginalPasses)
{
    ImmutableArray<DiagnosticAnalyzer> extra = [.. (Arg("--extra-analyzers") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(p => new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(Path.GetFullPath(p), new ExtraLoader()).GetAnalyzers(LanguageNames.CSharp))];
    var severities = new Dictionary<string, ReportDiagnostic>();
    if (Arg("--globalconfig") is string globalConfig)
    {
        foreach (string line in File.ReadAllLines(globalConfig))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^\s*dotnet_diagnostic\.([A-Za-z0-9]+)\.severity\s*=\s*(\w+)");
            if (m.Success)
            {
                severities[m.Groups[1].Value] = m.Groups[2].Value switch { "none" => ReportDiagnostic.Suppress, "silent" => ReportDiagnostic.Hidden, "suggestion" => ReportDiagnostic.Info, "warning" => ReportDiagnostic.Warn, "error" => ReportDiagnostic.Error, _ => ReportDiagnostic.Default };
            }
        }
    }

    var marginalOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false, specificDiagnosticOptions: severities);
    DiagnosticAnalyzer grd003 = typeof(Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer).Assembly.GetTypes().Where(t => t.Name == "UnapprovedAiSdkAnalyzer").Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).Single();
    var variants = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
    {
        ("base (" + extra.Length + " analyzers)", extra),
        ("base + GRD003", extra.Add(grd003)),
        ("base + OperationProbe", extra.Add(new OperationProbeAnalyzer())),
    };
    var cpuOf = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var found = new Dictionary<string, string>();
    for (int pass = -1; pass < int.Parse(marginalPasses); pass++)
    {
        // Alternated: pass 0 in order, pass 1 reversed, ...
        foreach (var variant in pass % 2 == 0 ? variants : variants.Reverse())
        {
            var fresh = CSharpCompilation.Create("Marginal", Parse(), references, marginalOptions);
            fresh.GetDeclarationDiagnostics();
            GC.Collect();
            TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
            var with = new CompilationWithAnalyzers(fresh, variant.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> reported = await with.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            double ms = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            found[variant.Name] = string.Join(", ", reported.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            if (pass >= 0)
            {
                cpuOf[variant.Name].Add(ms);
            }

            Console.WriteLine($"  pass {(pass < 0 ? "warm-up" : (pass + 1).ToString())}: {variant.Name}: {ms:N0} ms process cpu");
        }
    }

    double baseMedian = Samples.Median(cpuOf[variants[0].Name]);
    foreach (var variant in variants)
    {
        double median = Samples.Median(cpuOf[variant.Name]);
        Console.WriteLine($"marginal: {variant.Name,-34} process cpu median {median,7:N0} ms (min {cpuOf[variant.Name].Min():N0}), added to base {median - baseMedian,6:N0} ms; {found[variant.Name]}");
    }

    return 0;
}

// --ide FILE: the IDE's cost of one edit. The compilation has been analysed once (every tree, every analyzer); then FILE
// (one of DIR's files) gets a one-line change (a comment appended to its middle line), a new compilation shares every other
// tree, and only FILE's analyzer diagnostics are asked for, as the IDE does for the open document:
// CompilationWithAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync and GetAnalyzerSemanticDiagnosticsAsync for that tree. Each
// Guardrails analyzer's callbacks (its compilation-start work for the new compilation and its actions on the file) are
// timed in the CPU time of their own thread (ThreadClock); what they make the compiler bind for them counts, the
// compiler's own diagnostics of the file (asked for first, as the IDE shows them too) do not. Median and min of 15 edits.
// As in --thread-cpu, the figure of record is "charged": each analyzer's own work (its thread CPU minus the GC pauses that
// landed inside its callbacks) plus the edit's GC pause time × the analyzer's share of the bytes allocated during the edit.
string? ideFile = Arg("--ide");
if (ideFile != null)
{
    var timed = analyzers.Select(a => new TimedAnalyzer(a)).ToList();
    ImmutableArray<DiagnosticAnalyzer> wrapped = [.. timed];
    var compilation = CSharpCompilation.Create("Ide", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    var ideOptions = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
    await new CompilationWithAnalyzers(compilation, wrapped, ideOptions).GetAnalysisResultAsync(CancellationToken.None); // warm: every tree seen once
    SyntaxTree old = trees.Single(t => t.FilePath.EndsWith(ideFile, StringComparison.Ordinal));
    int lineCount = old.GetText().Lines.Count;
    Console.WriteLine($"IDE edit of {old.FilePath} ({lineCount:N0} lines) in a compilation of {trees.Count} files");
    var cpu = new List<double>();
    var charged = new List<double>();
    var ownWork = new List<double>();
    var walls = new List<double>();
    var perAnalyzer = timed.ToDictionary(t => t, _ => new Samples());
    for (int edit = 0; edit < 15; edit++)
    {
        TextLine middle = old.GetText().Lines[lineCount / 2];
        SyntaxTree edited = old.WithChangedText(old.GetText().WithChanges(new TextChange(new TextSpan(middle.End, 0), $" // edit {edit}")));
        var next = compilation.ReplaceSyntaxTree(old, edited);
        foreach (TimedAnalyzer t in timed)
        {
            t.Reset();
        }

        var sw2 = Stopwatch.StartNew();
        var editStart = Segment.Begin();
        // The IDE shows the compiler's own diagnostics of the file too: the declarations and bodies the compiler binds
        // for them are not the analyzers' cost (bound first, outside the analyzers' clocks).
        next.GetSemanticModel(edited).GetDiagnostics();
        var withAnalyzers = new CompilationWithAnalyzers(next, wrapped, ideOptions);
        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(next.GetSemanticModel(edited), null, CancellationToken.None);
        Segment whole = editStart.End();
        walls.Add(sw2.Elapsed.TotalMilliseconds);
        foreach (TimedAnalyzer t in timed)
        {
            perAnalyzer[t].Add(t.Measured, whole); // GC charged by bytes: the edit's pauses × the analyzer's share of the edit's bytes
        }

        cpu.Add(timed.Sum(t => perAnalyzer[t].Raw[^1]));
        charged.Add(timed.Sum(t => perAnalyzer[t].Charged[^1]));
        ownWork.Add(timed.Sum(t => perAnalyzer[t].OwnWork[^1]));

        if (edit == 0)
        {
            Console.WriteLine($"  diagnostics in the file: {string.Join(", ", syntax.Concat(semantic).GroupBy(d => d.Id).Select(g => $"{g.Key}×{g.Count()}"))}");
        }
    }

    double Mid(List<double> l) => l.OrderBy(x => x).ElementAt(l.Count / 2);
    foreach (TimedAnalyzer t in timed)
    {
        Samples a = perAnalyzer[t];
        Console.WriteLine($"  {t.Inner.GetType().Name,-40} per edit: charged median {Mid(a.Charged):0.00} ms; raw thread cpu median {Mid(a.Raw):0.00} ms, min {a.Raw.Min():0.00} ms; without GC pauses {Mid(a.OwnWork):0.00} ms; allocated {a.Bytes / 1e3:N0} KB");
    }

    Console.WriteLine($"ide: Guardrails analyzers per edit (compilation start + the file), charged (own work + the edit's GC pauses × their share of its bytes): median {Mid(charged):0.00} ms, min {charged.Min():0.00} ms, max {charged.Max():0.00} ms");
    Console.WriteLine($"ide: raw thread cpu (GC pauses where they landed): median {Mid(cpu):0.00} ms, min {cpu.Min():0.00} ms, max {cpu.Max():0.00} ms; without GC pauses median {Mid(ownWork):0.00} ms; allocated {timed.Sum(t => perAnalyzer[t].Bytes) / 1e3:N0} KB");
    Console.WriteLine($"ide: wall clock per edit, including the compiler's binding of the file: median {Mid(walls):0.00} ms");
    return 0;
}

for (int run = 0; run < runs; run++)
{
    var compilation = CSharpCompilation.Create("Profile", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: !args.Contains("--serial")));
    // CPU time as well as wall time: on a shared, loaded machine the wall clock (and the analyzers' own telemetry,
    // which sums wall time over threads) mostly measures waiting; the process's CPU time does not.
    TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    int errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    double compileMs = sw.Elapsed.TotalMilliseconds;
    double compileCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;

    // A fresh compilation again so the analyzers pay for whatever binding they trigger, as in csc.
    compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(Parse());
    // --serial: one thread, so an analyzer's telemetry is its own time, not time spent waiting for a core.
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: !args.Contains("--serial"), logAnalyzerExecutionTime: true);
    var withAnalyzers = new CompilationWithAnalyzers(compilation, analyzers, options);
    sw.Restart();
    TimeSpan cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
    AnalysisResult result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
    var diagnostics = result.GetAllDiagnostics();
    double allMs = sw.Elapsed.TotalMilliseconds;
    double allCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu1).TotalMilliseconds;
    Console.WriteLine($"  cpu: compile {compileCpuMs:N0} ms; compile + analyzers {allCpuMs:N0} ms; analyzers {allCpuMs - compileCpuMs:N0} ms = {100 * (allCpuMs - compileCpuMs) / compileCpuMs:0.0} % of compile");
    Console.WriteLine($"run {run + 1}: compile (GetDiagnostics) {compileMs:N0} ms, {errors} errors; compile + analyzers {allMs:N0} ms; " +
                      string.Join(", ", diagnostics.Where(d => d.Id.StartsWith("GRD")).GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
    var prof = typeof(Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer).Assembly.GetType("Guardrails.Analyzers.Prof");
    if (prof != null) { foreach (var f in prof.GetFields()) { long v = (long)f.GetValue(null)!; Console.WriteLine($"    {f.Name} {(f.Name.EndsWith("Calls") ? v : v * 1000.0 / Stopwatch.Frequency):N0}"); f.SetValue(null, 0L); } }
    foreach (DiagnosticAnalyzer analyzer in analyzers)
    {
        var telemetry = result.AnalyzerTelemetryInfo[analyzer];
        Console.WriteLine($"  {analyzer.GetType().Name,-40} {telemetry.ExecutionTime.TotalMilliseconds,8:N0} ms  {100 * telemetry.ExecutionTime.TotalMilliseconds / compileMs,6:0.00} %");
    }
}

return 0;

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>--report-only N: reports N diagnostics spread over the trees, with six message arguments, and does nothing else.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReportOnlyAnalyzer(int count) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROF001", "report only", "'{0}' of {1} ({2}) {3} {4} {5}", "Profile", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var indexes = start.Compilation.SyntaxTrees.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
            int trees = indexes.Count;
            start.RegisterSemanticModelAction(model =>
            {
                SyntaxTree tree = model.SemanticModel.SyntaxTree;
                int index = indexes[tree];
                int mine = (count / trees) + (index < count % trees ? 1 : 0);
                int length = tree.Length;
                for (int i = 0; i < mine; i++)
                {
                    int position = length == 0 ? 0 : (int)((long)i * length / Math.Max(1, mine));
                    model.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(tree, new TextSpan(position, Math.Min(1, length - position))), "OpenAI.Chat.ChatClient", "OpenAI", "OpenAI", "ai@contoso.example", "", "add { \"id\": \"OpenAI\" } to packages.approved"));
                }
            });
        });
    }
}

internal sealed class ExtraLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
}

internal sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
}

/// <summary>--micro: the pieces of GRD001's per-tree work timed alone, single-threaded, on fresh trees.</summary>
internal static class Micro
{
    public static void Run(List<SyntaxTree> trees, Compilation compilation)
    {
        var sw = Stopwatch.StartNew();
        var spots = trees.Select(t => Guardrails.Analyzers.SourceSpots.For(t, CancellationToken.None)).ToList();
        Console.WriteLine($"  micro: spots {sw.ElapsedMilliseconds} ms; named {spots.Sum(s => s.NamedCandidates.Count)}, joins {spots.Sum(s => s.Joins.Count)}, anchors {spots.Sum(s => s.Anchors.Count)}");
        sw.Restart();
        var tokens = new List<SyntaxToken>();
        for (int i = 0; i < trees.Count; i++)
        {
            var root = trees[i].GetRoot();
            foreach (var c in spots[i].NamedCandidates) tokens.Add(root.FindToken(c.Position));
        }
        Console.WriteLine($"  micro: FindToken named {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        int n = 0;
        foreach (var t in tokens) { if (Guardrails.Core.Secrets.SecretScanner.MightBeNamedValue(t.ValueText)) n++; }
        Console.WriteLine($"  micro: MightBeNamedValue {sw.ElapsedMilliseconds} ms ({n})");
        sw.Restart();
        int m = 0;
        foreach (var t in tokens) { var model = compilation.GetSemanticModel(t.SyntaxTree!); string? name = Guardrails.Analyzers.CredentialSinks.NameFor(t, model, () => false, CancellationToken.None); if (name != null && Guardrails.Core.Secrets.SecretScanner.TryMatchNamedValue(name, t.ValueText, out _)) m++; }
        Console.WriteLine($"  micro: NameFor+TryMatch {sw.ElapsedMilliseconds} ms ({m})");
        sw.Restart();
        foreach (var t in tokens) { Guardrails.Core.Secrets.SecretScanner.MightContainKey(t.ValueText); }
        Console.WriteLine($"  micro: MightContainKey {sw.ElapsedMilliseconds} ms");
    }
}

/// <summary>
/// For benchmarks/AnalyzerProfile --keyscan only: what <c>HardcodedKeyInCodeAnalyzer</c> does for a compilation,
/// run on the caller's thread without the analyzer driver, so its CPU time can be measured alone.
/// </summary>
internal static class KeyScanProbe
{
    public static void Run(Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report)
    {
        CancellationToken none = CancellationToken.None;
        Guardrails.Analyzers.GuardrailsSettings settings = Guardrails.Analyzers.GuardrailsSettings.From(options, none);
        var parts = new List<string>();
        T Part<T>(string name, Func<T> body)
        {
            var at = Segment.Begin();
            T result = body();
            Segment done = at.End();
            parts.Add($"{name} {done.CpuMs:0.0} ms, {done.ThreadBytes / 1e6:0.00} MB");
            return result;
        }

        // In the order the analyzer meets them: the shared text index, every tree's spots, the constant chain (compilation
        // start), then each tree's scan (its semantic model action). Bytes are exact; times are the calling thread's CPU.
        Part("text + quote index", () => { foreach (SyntaxTree t in compilation.SyntaxTrees) Guardrails.Analyzers.TreeText.QuotesOf(t, none); return 0; });
        Part("spots", () => { foreach (SyntaxTree t in compilation.SyntaxTrees) Guardrails.Analyzers.SourceSpots.For(t, none); return 0; });
        Guardrails.Analyzers.ConstantChain keyConstants = Part("constant chain", () => Guardrails.Analyzers.ConstantChain.Compute(compilation, tree => Guardrails.Analyzers.SourceSpots.For(tree, none).KeyConstants, none, includeFields: true));
        var mentions = new Guardrails.Analyzers.CompilationMentions(compilation);
        Part("per-tree scans", () =>
        {
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
#pragma warning disable CS0618 // the public constructor is the way to run a semantic model action outside the driver
                var context = new SemanticModelAnalysisContext(compilation.GetSemanticModel(tree), options, report, _ => true, none);
#pragma warning restore CS0618
                Guardrails.Analyzers.CSharpKeyScan.Run(context, settings, keyConstants, mentions);
            }

            return 0;
        });
        Console.WriteLine($"    {string.Join("; ", parts)}");
    }
}

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID), in ns): on a loaded machine the wall clock
/// mostly measures waiting for a core, and the process's CPU time also counts the runtime's background JIT and GC threads.
/// Elsewhere it falls back to the process's CPU time.
/// </summary>
internal static class ThreadClock
{
    private static bool unavailable;

    public static long Now()
    {
        if (!unavailable)
        {
            try
            {
                if (clock_gettime(3, out Timespec t) == 0)
                {
                    return (t.Sec * 1_000_000_000) + t.Nsec;
                }
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
            }

            unavailable = true;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Sec;
        public long Nsec;
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec ts);
}

/// <summary>
/// One measured stretch: the calling thread's CPU time and allocations, and the process's GC pause time and allocations
/// (every thread) over it.
/// </summary>
internal readonly record struct Segment(double CpuMs, long ThreadBytes, double PauseMs, long Bytes)
{
    public static Start Begin() => new(ThreadClock.Now(), GC.GetAllocatedBytesForCurrentThread(), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));

    internal readonly record struct Start(long Ns, long ThreadBytes, TimeSpan Paused, long Bytes)
    {
        public Segment End() => new((ThreadClock.Now() - Ns) / 1e6, GC.GetAllocatedBytesForCurrentThread() - ThreadBytes, (GC.GetTotalPauseDuration() - Paused).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - Bytes);
    }
}

/// <summary>
/// A measured party's figures over the runs: raw thread CPU, the GC pauses that landed inside it, its own work (the
/// difference) and its charged time (own work + the run's GC pauses × its share of the run's bytes).
/// </summary>
internal sealed class Samples
{
    public List<double> Raw { get; } = new();

    public List<double> PausesInside { get; } = new();

    public List<double> OwnWork { get; } = new();

    public List<double> GcShare { get; } = new();

    public List<double> Charged { get; } = new();

    /// <summary>Bytes allocated by its thread(s) in the last run (the same in every run, up to a few KB).</summary>
    public long Bytes { get; private set; }

    public static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

    public void Add(Segment measured, Segment run)
    {
        double own = Math.Max(0, measured.CpuMs - measured.PauseMs);
        double share = run.Bytes <= 0 ? 0 : run.PauseMs * measured.ThreadBytes / run.Bytes;
        Raw.Add(measured.CpuMs);
        PausesInside.Add(measured.PauseMs);
        OwnWork.Add(own);
        GcShare.Add(share);
        Charged.Add(own + share);
        Bytes = measured.ThreadBytes;
    }

    public void Clear()
    {
        foreach (var list in new[] { Raw, PausesInside, OwnWork, GcShare, Charged })
        {
            list.Clear();
        }
    }
}
