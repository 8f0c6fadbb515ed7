using BenchmarkDotNet.Attributes;
using Guardrails.Core.Secrets;

namespace Guardrails.Benchmarks;

/// <summary>
/// What an analyzer does per string literal: MightContainKey (and Scan when it says yes) over 100 000 typical
/// short literals, plus TryMatchNamedValue over key-named values.
/// </summary>
[MemoryDiagnoser]
public class ShortLiteralBenchmarks
{
    private readonly List<SecretMatch> results = new();
    private string[] literals = Array.Empty<string>();

    /// <summary>Total length of the literals in characters (for MB/s).</summary>
    public static long InputChars()
    {
        var benchmark = new ShortLiteralBenchmarks();
        benchmark.Setup();
        return benchmark.literals.Sum(l => (long)l.Length);
    }

    [GlobalSetup]
    public void Setup()
    {
        string[] samples =
        {
            "", "Id", "SELECT * FROM orders WHERE id = @id", "Processed {Count} items for {Id}", "en-US",
            "application/json", "https://api.example.com/v1/orders", "Microsoft.AspNetCore", "yyyy-MM-dd",
            "The operation could not be completed because the task was cancelled.", "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "d41d8cd98f00b204e9800998ecf8427e", "Logging:LogLevel:Default", "disk-cache-size", "ask_count",
        };
        literals = new string[100_000];
        for (int i = 0; i < literals.Length; i++)
        {
            literals[i] = samples[i % samples.Length];
        }

    }

    [Benchmark]
    public int PrefilterThenScan()
    {
        int found = 0;
        foreach (string literal in literals)
        {
            if (SecretScanner.MightContainKey(literal))
            {
                results.Clear();
                SecretScanner.Scan(literal, results);
                found += results.Count;
            }
        }

        return found;
    }

    [Benchmark]
    public int TryMatchNamedValue()
    {
        int found = 0;
        foreach (string literal in literals)
        {
            if (SecretScanner.TryMatchNamedValue("ApiKey", literal, out _))
            {
                found++;
            }
        }

        return found;
    }
}
