using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

// Usage: dotnet run -c Release --project benchmarks/GenerateLargeProject -- [--lines 300000] [--out DIR] [--runs 3] [--generate-only] [--shape enterprise] [--file-lines 500]
// --shape enterprise: string-heavy enterprise-shaped code (SQL, URLs, GUIDs, hashes, base64, connection strings, key-named
// settings holding placeholders, raw JSON) instead of the default mix.
int targetLines = IntArg("--lines", 300_000);
int runs = IntArg("--runs", 3);
string outDir = StringArg("--out", Path.Combine(Path.GetTempPath(), "guardrails-large-project"));
bool generateOnly = args.Contains("--generate-only");
bool enterprise = StringArg("--shape", "default") == "enterprise";
int fileLines = IntArg("--file-lines", 500); // lines per generated file (e.g. 2000 for the IDE figure of a 2,000-line file)
string repo = FindRepoRoot();

Console.WriteLine($"Generating ~{targetLines:N0} lines into {outDir}");
int lines = Generator.Write(outDir, targetLines, repo, enterprise, fileLines);
Console.WriteLine($"Generated {lines:N0} lines of C# in {Directory.GetFiles(Path.Combine(outDir, "src")).Length} files");
if (generateOnly)
{
    return 0;
}

Run(repo, "dotnet", "build", Path.Combine(repo, "src", "Analyzers", "Guardrails.Analyzers.csproj"), "-c", "Release", "-nodeReuse:false");
string project = Path.Combine(outDir, "Large.csproj");
Run(outDir, "dotnet", "build", project, "-c", "Release", "-nodeReuse:false"); // restore + warm-up

var results = new List<Measurement>();
for (int i = 0; i < runs; i++)
{
    string output = Run(outDir, "dotnet", "build", project, "-c", "Release", "--no-incremental", "-nodeReuse:false",
        "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary");
    Measurement m = Measurement.Parse(output);
    results.Add(m);
    Console.WriteLine($"run {i + 1}: CoreCompile {m.CoreCompileMs:N0} ms, all analyzers {m.AllAnalyzersSeconds:0.000} s, Guardrails {m.Guardrails.Values.Sum():0.000} s");
}

Measurement median = results.OrderBy(r => r.Guardrails.Values.Sum() / r.CoreCompileMs).ElementAt(results.Count / 2);
Console.WriteLine();
Console.WriteLine($"Median run ({lines:N0} lines): CoreCompile {median.CoreCompileMs:N0} ms; all analyzers (SDK + Guardrails) {median.AllAnalyzersSeconds:0.000} s");
Console.WriteLine("| analyzer | time (s) | share of CoreCompile |");
Console.WriteLine("|---|---|---|");
foreach ((string name, double seconds) in median.Guardrails.OrderByDescending(kv => kv.Value))
{
    Console.WriteLine($"| {name} | {seconds:0.000} | {100 * seconds * 1000 / median.CoreCompileMs:0.00} % |");
}

double total = median.Guardrails.Values.Sum();
Console.WriteLine($"| **all Guardrails analyzers** | {total:0.000} | **{100 * total * 1000 / median.CoreCompileMs:0.00} %** |");
return 0;

int IntArg(string name, int fallback) => int.Parse(StringArg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string StringArg(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string FindRepoRoot()
{
    for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar)))
    {
        if (File.Exists(Path.Combine(dir, "Guardrails.sln")))
        {
            return dir;
        }
    }

    throw new InvalidOperationException("Guardrails.sln not found");
}

static string Run(string workingDirectory, string file, params string[] arguments)
{
    var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in arguments)
    {
        psi.ArgumentList.Add(a);
    }

    psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
    psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    using Process p = Process.Start(psi)!;
    Task<string> err = p.StandardError.ReadToEndAsync();
    string output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({p.ExitCode}):\n{output}\n{err.Result}");
    }

    return output;
}

/// <summary>What one build's -p:ReportAnalyzer=true and performance summary say.</summary>
internal sealed record Measurement(double CoreCompileMs, double AllAnalyzersSeconds, Dictionary<string, double> Guardrails)
{
    public static Measurement Parse(string output)
    {
        Match coreCompile = Regex.Match(output, @"^\s*([\d,.]+) ms\s+CoreCompile\s+\d+ calls", RegexOptions.Multiline);
        Match total = Regex.Match(output, @"Total analyzer execution time: ([\d.,]+) seconds");
        var guardrails = new Dictionary<string, double>();

        // Per-analyzer lines: "   0.012   <1      Guardrails.Analyzers.HardcodedKeyInCodeAnalyzer (GRD001, GRD006)"
        foreach (Match m in Regex.Matches(output, @"^\s*([\d.]+)\s+(?:<?\d+)\s+(Guardrails\.Analyzers\.\w+)", RegexOptions.Multiline))
        {
            guardrails[m.Groups[2].Value] = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (!coreCompile.Success || !total.Success || guardrails.Count == 0)
        {
            throw new InvalidOperationException("Could not find the CoreCompile time or the analyzer report in the build output:\n" + output[^Math.Min(output.Length, 8000)..]);
        }

        return new Measurement(
            double.Parse(coreCompile.Groups[1].Value.Replace(",", string.Empty), CultureInfo.InvariantCulture),
            double.Parse(total.Groups[1].Value.Replace(",", string.Empty), CultureInfo.InvariantCulture),
            guardrails);
    }
}
