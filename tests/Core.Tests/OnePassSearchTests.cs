using System.Text;
using Guardrails.Core.Sdks;
using Guardrails.Core.Secrets;

namespace Guardrails.Core.Tests;

/// <summary>
/// The raw-text searches GRD001 and GRD004 make over every character of every file, made cheaper (issue 16 item 8) without
/// changing an answer: <see cref="SecretScanner.CollectAnchors"/> in one pass over the separators and the plain anchors'
/// first characters (six whole-text searches before), and <see cref="HostPattern.DomainRunAt"/> rejecting a dotted run
/// whose last label is no domain's before it looks for the run's start. Each is held to the plain searches it replaced,
/// written out here as they were, over generated texts dense in the characters those searches stop at.
/// </summary>
public class OnePassSearchTests
{
    /// <summary>
    /// The anchors as the six searches found them: every separator anchor's start, in the order of its first separator,
    /// then each plain anchor's starts (every occurrence, overlapping ones too) in the order the scanner lists them.
    /// </summary>
    private static List<int> ReferenceAnchors(string text)
    {
        string[] all = SecretScanner.AnchorStrings.ToArray();
        var bySeparator = new List<(int Separator, int Start)>();
        foreach (string anchor in all.Where(a => a.IndexOfAny(['-', '_']) >= 0))
        {
            int offset = anchor.IndexOfAny(['-', '_']);
            for (int at = text.IndexOf(anchor, StringComparison.Ordinal); at >= 0; at = text.IndexOf(anchor, at + 1, StringComparison.Ordinal))
            {
                bySeparator.Add((at + offset, at));
            }
        }

        var positions = bySeparator.OrderBy(p => p.Separator).Select(p => p.Start).ToList();
        foreach (string anchor in all.Where(a => a.IndexOfAny(['-', '_']) < 0))
        {
            for (int at = text.IndexOf(anchor, StringComparison.Ordinal); at >= 0; at = text.IndexOf(anchor, at + 1, StringComparison.Ordinal))
            {
                positions.Add(at);
            }
        }

        return positions;
    }

    private static IEnumerable<string> AnchorTexts()
    {
        var random = new Random(1416);
        string[] pieces = SecretScanner.AnchorStrings
            .Concat(["A", "AK", "AKIAKIA", "AIzaAIza", "ASIASIA", "J", "JQQJ", "JQQJ99JQQJ99", "-", "_", "--", "__", "sk", "ghp", "Async", "AddSingleton", "_logger", "a-b", "x", " ", "\"", "\n", "é"])
            .ToArray();
        yield return "";
        yield return "A";
        yield return "J";
        yield return "-";
        yield return "xA";
        yield return "AKI";
        for (int n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            int count = random.Next(1, 40);
            for (int i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return text.ToString();
        }
    }

    [Fact]
    public void Anchors_found_in_one_pass_are_those_the_six_searches_found_in_the_same_order()
    {
        int checkedTexts = 0, found = 0;
        foreach (string text in AnchorTexts())
        {
            var anchors = new List<int>();
            SecretScanner.CollectAnchors(text, anchors);
            Assert.Equal(ReferenceAnchors(text), anchors);
            checkedTexts++;
            found += anchors.Count;
        }

        Assert.True(found > 10_000, $"{found} anchors in {checkedTexts} texts: the texts must be dense in anchors");
    }

    [Fact]
    public void Anchors_of_a_text_after_a_text_with_many_plain_anchors_are_its_own()
    {
        // The plain anchors' hits are kept aside in a per-thread buffer: nothing of one text may reach the next.
        var anchors = new List<int>();
        SecretScanner.CollectAnchors(string.Concat(Enumerable.Repeat("AKIA JQQJ99 ", 5000)), anchors);
        Assert.Equal(10_000, anchors.Count);

        anchors.Clear();
        SecretScanner.CollectAnchors("x AIza y", anchors);
        Assert.Equal([2], anchors);
    }

    /// <summary><see cref="HostPattern.DomainRunAt"/> as it was before its last-label gate.</summary>
    private static int ReferenceDomainRunAt(string text, int dot, int start, int end, DomainSet domains, out int next)
    {
        static bool IsHostChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
        int runStart = dot;
        while (runStart > start && IsHostChar(text[runStart - 1]))
        {
            runStart--;
        }

        int runEnd = dot;
        while (runEnd < end && IsHostChar(text[runEnd]))
        {
            runEnd++;
        }

        next = Math.Max(runEnd, dot + 1);
        int tail = runEnd;
        while (tail > runStart && text[tail - 1] == '.')
        {
            tail--;
        }

        int last = tail - runStart >= 3 ? text.LastIndexOf('.', tail - 1, tail - runStart) : -1;
        if (last > runStart)
        {
            int previous = text.LastIndexOf('.', last - 1, last - runStart);
            int domainStart = previous >= 0 ? previous + 1 : runStart;
            if (tail - domainStart >= 3 && domains.Contains(text, domainStart, tail - domainStart))
            {
                return runStart;
            }
        }

        return -1;
    }

    [Fact]
    public void A_dotted_run_is_judged_as_before_the_last_label_gate_at_every_dot()
    {
        var domains = new DomainSet(AiSdkCatalog.EndpointDomains.Concat(["example.internal", "x.y"]));
        var random = new Random(1404);
        string[] labels = AiSdkCatalog.EndpointDomains.SelectMany(d => d.Split('.'))
            .Concat(["api", "services", "AddSingleton", "COM", "Ai", "internal", "y", "x", "co", "c", "m", "a-b", "_x", "1"])
            .ToArray();
        string[] glue = [".", ".", ".", "..", "/", "\"", " ", "(", "://", "\u3002", ""];
        int dots = 0, runs = 0;
        for (int n = 0; n < 10_000; n++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 14);
            for (int i = 0; i < count; i++)
            {
                builder.Append(labels[random.Next(labels.Length)]).Append(glue[random.Next(glue.Length)]);
            }

            string text = builder.ToString();
            int start = random.Next(0, Math.Min(3, text.Length));
            int end = text.Length - random.Next(0, Math.Min(3, text.Length - start));
            for (int dot = text.IndexOf('.', start); dot >= 0 && dot < end; dot = dot + 1 < end ? text.IndexOf('.', dot + 1) : -1)
            {
                int expected = ReferenceDomainRunAt(text, dot, start, end, domains, out int expectedNext);
                Assert.Equal(expected, HostPattern.DomainRunAt(text, dot, start, end, domains, out int next));
                Assert.Equal(expectedNext, next);
                dots++;
                runs += expected >= 0 ? 1 : 0;
            }
        }

        Assert.True(dots > 20_000 && runs > 500, $"{dots} dots, {runs} domain runs: the texts must hold both");
    }
}
