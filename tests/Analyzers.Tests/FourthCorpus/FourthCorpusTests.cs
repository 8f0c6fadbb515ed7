using Guardrails.Analyzers.Tests.ThirdCorpus;
using Xunit.Abstractions;

namespace Guardrails.Analyzers.Tests.FourthCorpus;

/// <summary>
/// Runs <see cref="FourthCases"/> (forty provider × form cases written before reading the detector) and prints recall.
/// Every <c>must/</c> case is GRD001 at its marked lines; the <c>stretch/</c> ones (values read back from a dictionary)
/// are a documented limit of GRD001 and must stay unreported rather than be counted.
/// </summary>
public class FourthCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryMustCaseIsGrd001AtItsLines()
    {
        var outcomes = new List<TOutcome>();
        foreach (TCase c in FourthCases.All())
        {
            outcomes.Add(await ThirdRunner.RunAsync(c));
        }

        Assert.Equal(40, outcomes.Count);
        TOutcome[] must = outcomes.Where(o => o.Case.Class.StartsWith("must/", StringComparison.Ordinal)).ToArray();
        int found = must.Count(o => o.Hit == THit.Found);
        output.WriteLine($"fourth corpus: must {found}/{must.Length} (recall {(double)found / must.Length:0.00})");
        foreach (TOutcome o in outcomes)
        {
            output.WriteLine($"  {o.Hit,-9} {o.Case.Class} [{o.Case.Form}] {string.Join(" ", o.Reported)}" + (o.Errors.Length > 0 ? "  ERR " + o.Errors[0] : string.Empty));
        }

        Assert.Empty(outcomes.SelectMany(o => o.Errors.Where(e => e.Contains("AD0001", StringComparison.Ordinal))));
        Assert.Empty(must.Where(o => o.Hit != THit.Found).Select(o => o.Case.Class + " " + o.Case.Form + " " + o.Hit));
    }

    [Fact]
    public async Task CasesCompile()
    {
        foreach (TCase c in FourthCases.All())
        {
            TOutcome o = await ThirdRunner.RunAsync(c);
            Assert.True(o.Errors.Length == 0, c.Class + ": " + string.Join("\n", o.Errors));
        }
    }
}
