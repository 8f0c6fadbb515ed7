using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Guardrails.Benchmarks;

public static class Program
{
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
        // Benchmarks run in child processes, so the inputs are rebuilt here (they are deterministic).
        if (type == nameof(ScannerThroughputBenchmarks))
        {
            string language = (string)report.BenchmarkCase.Parameters["Language"];
            string content = (string)report.BenchmarkCase.Parameters["Content"];
            return TextCorpus.Create(language, content).Length;
        }

        return ShortLiteralBenchmarks.InputChars();
    }
}
