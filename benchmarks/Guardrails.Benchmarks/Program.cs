using System.Collections.Concurrent;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Guardrails.Benchmarks;

public static class Program
{
    private static readonly ConcurrentDictionary<string, long> Sizes = new();

    /// <summary>Records the input size of a benchmark case, so throughput can be printed in MB/s.</summary>
    public static void RecordSize(string benchmark, string parameters, long chars) => Sizes[benchmark + "|" + parameters] = chars;

    public static int Main(string[] args)
    {
        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        PrintThroughput(summaries);
        return 0;
    }

    /// <summary>MB/s = input size in bytes (UTF-16, 2 bytes per char, as scanned in memory) / mean time.</summary>
    private static void PrintThroughput(IEnumerable<Summary> summaries)
    {
        Console.WriteLine();
        Console.WriteLine("| benchmark | case | input (MB, UTF-16) | mean (ms) | MB/s | M chars/s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkReport report in summary.Reports)
            {
                if (report.ResultStatistics == null)
                {
                    continue;
                }

                string type = report.BenchmarkCase.Descriptor.Type.Name;
                string parameters = string.Join("/", report.BenchmarkCase.Parameters.Items.Select(p => p.Value?.ToString()));
                long chars = EstimateChars(type, report);
                double seconds = report.ResultStatistics.Mean / 1e9;
                double megabytes = chars * 2 / 1e6;
                Console.WriteLine($"| {type}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name} | {parameters} | {megabytes:F1} | {seconds * 1e3:F3} | {megabytes / seconds:F0} | {chars / 1e6 / seconds:F0} |");
            }
        }
    }

    private static long EstimateChars(string type, BenchmarkReport report)
    {
        // Benchmarks run in child processes, so sizes recorded there are not visible here: rebuild the inputs.
        if (type == nameof(ScannerThroughputBenchmarks))
        {
            string kind = (string)report.BenchmarkCase.Parameters["Kind"];
            bool withKeys = (bool)report.BenchmarkCase.Parameters["WithKeys"];
            string key = type + "|" + kind + "/" + withKeys;
            return Sizes.GetOrAdd(key, _ => (kind == "json" ? TextCorpus.Json(withKeys) : TextCorpus.CSharp(withKeys)).Length);
        }

        var literals = new ShortLiteralBenchmarks();
        literals.Setup();
        return Sizes.TryGetValue(nameof(ShortLiteralBenchmarks) + "|", out long n) ? n : 0;
    }
}
