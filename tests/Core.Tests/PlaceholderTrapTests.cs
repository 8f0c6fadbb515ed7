using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>Placeholders, hashes, look-alikes and prose the scanner must leave alone.</summary>
public class PlaceholderTrapTests
{
    public static TheoryData<int> TrapIndexes() => DetectionCorpus.Indexes(DetectionCorpus.ScanTraps.Length);

    [Theory]
    [MemberData(nameof(TrapIndexes))]
    public void Scan_ignores_the_trap(int index)
    {
        string trap = DetectionCorpus.ScanTraps[index];
        var found = new List<SecretMatch>();
        SecretScanner.Scan(trap, found);
        SecretScanner.Scan("const string x = \"" + trap + "\";", found);
        Assert.Empty(found);
    }

    [Fact]
    public void Fake_looking_but_correctly_formatted_keys_are_still_keys()
    {
        // A test key is a key: bodies spelling FakeKey/NotReal are reported like any other.
        var found = new List<SecretMatch>();
        SecretScanner.Scan(FakeKeys.OpenAiProject("FakeKeyNotRealDummyTest"), found);
        SecretScanner.Scan(FakeKeys.GitHub('p', "NotRealFakeTestToken"), found);
        Assert.Equal(2, found.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("just some ordinary prose without anything in it at all")]
    public void Prefilter_rejects_candidate_free_text(string text)
    {
        Assert.False(SecretScanner.MightContainKey(text));
    }

    [Fact]
    public void Prefilter_accepts_every_anchor_and_every_corpus_key()
    {
        foreach (string anchor in SecretScanner.AnchorStrings)
        {
            Assert.True(SecretScanner.MightContainKey("padding to twenty chars " + anchor), anchor);
        }

        foreach ((_, string key) in DetectionCorpus.FixedFormatKeys)
        {
            Assert.True(SecretScanner.MightContainKey(key));
        }
    }

    [Fact]
    public void Prefilter_false_means_scan_finds_nothing_on_the_traps()
    {
        foreach (string trap in DetectionCorpus.ScanTraps)
        {
            if (!SecretScanner.MightContainKey(trap))
            {
                var found = new List<SecretMatch>();
                SecretScanner.Scan(trap, found);
                Assert.Empty(found);
            }
        }
    }

    [Fact]
    public void Scanning_text_without_keys_allocates_nothing()
    {
        string text = string.Concat(Enumerable.Repeat(
            "public async Task<int> GetOrderAsync(int id, CancellationToken cancellationToken) => await _repository.CountAsync(\"task-queue\", \"ask_count\", \"d41d8cd98f00b204e9800998ecf8427e\");\n", 500));
        var found = new List<SecretMatch>();
        SecretScanner.Scan(text, found); // warm up (static tables, JIT)
        SecretScanner.MightContainKey(text);

        long before = GC.GetAllocatedBytesForCurrentThread();
        SecretScanner.Scan(text, found);
        bool might = SecretScanner.MightContainKey(text);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(found);
        Assert.True(might, "the text holds near-miss anchors (task-, ask_) on purpose");
        Assert.Equal(0, allocated);
    }
}
