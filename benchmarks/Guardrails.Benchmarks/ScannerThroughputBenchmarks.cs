using BenchmarkDotNet.Attributes;
using Guardrails.Core.Secrets;

namespace Guardrails.Benchmarks;

/// <summary>SecretScanner.Scan and MightContainKey over ~10 MB of text, with and without keys.</summary>
[MemoryDiagnoser]
public class ScannerThroughputBenchmarks
{
    private readonly List<SecretMatch> results = new();
    private string text = string.Empty;

    [Params("csharp", "json")]
    public string Kind { get; set; } = "csharp";

    [Params(false, true)]
    public bool WithKeys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = Kind == "json" ? TextCorpus.Json(WithKeys) : TextCorpus.CSharp(WithKeys);
        int keys = TextCorpus.KeyCount(text);
        if (WithKeys == (keys == 0))
        {
            throw new InvalidOperationException($"corpus {Kind}/{WithKeys} holds {keys} keys");
        }

        Program.RecordSize(nameof(ScannerThroughputBenchmarks), Kind + "/" + WithKeys, text.Length);
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
