using BenchmarkDotNet.Attributes;
using Guardrails.Core.Secrets;

namespace Guardrails.Benchmarks;

/// <summary>SecretScanner.Scan and MightContainKey over ~10 MB of text: anchor-free, with near-misses, with keys.</summary>
[MemoryDiagnoser]
public class ScannerThroughputBenchmarks
{
    private readonly List<SecretMatch> results = new();
    private string text = string.Empty;

    [Params("csharp", "json")]
    public string Language { get; set; } = "csharp";

    [Params("clean", "nearMiss", "keys")]
    public string Content { get; set; } = "clean";

    [GlobalSetup]
    public void Setup()
    {
        text = TextCorpus.Create(Language, Content);
        int keys = TextCorpus.KeyCount(text);
        bool anchors = SecretScanner.MightContainKey(text);
        if ((Content == "keys") == (keys == 0) || (Content == "clean") == anchors)
        {
            throw new InvalidOperationException($"corpus {Language}/{Content}: {keys} keys, anchors: {anchors}");
        }
    }

    [Benchmark]
    public int Scan()
    {
        results.Clear();
        SecretScanner.Scan(text, results);
        return results.Count;
    }

    [Benchmark]
    public bool MightContainKey() => SecretScanner.MightContainKey(text);
}
