using Guardrails.Core.Secrets;

namespace Guardrails.Core.Tests;

/// <summary>
/// Judging a value as a generic secret made cheaper (issue 16 item 8: it was ~15 % of GRD001, run twice per named value):
/// the placeholder words found in one pass, the entropy read over the characters seen, and a verdict already worked out
/// for a value's text reused when the same value is judged under a name. Each must give the answers the plain searches
/// gave; the references below are those searches, as they were.
/// </summary>
public class GenericSecretJudgingTests
{
    private static readonly string[] Words =
    {
        "your", "xxxx", "example", "placeholder", "redacted", "replace", "insert", "changeme", "sample", "-here", "_here",
    };

    /// <summary>The placeholder search before the one-pass form, as it was: every word, every occurrence, ignoring ASCII case.</summary>
    private static bool ReferenceIsPlaceholder(string text, int start, int count, int maxRun, bool words, bool wordsAsWritten)
    {
        int run = 1, up = 1, down = 1;
        for (int i = start + 1; i < start + count; i++)
        {
            char c = text[i], p = text[i - 1];
            run = c == p ? run + 1 : 1;
            up = c == p + 1 && TokenText.IsAlnum(c) ? up + 1 : 1;
            down = c == p - 1 && TokenText.IsAlnum(c) ? down + 1 : 1;
            if (run >= maxRun || up >= maxRun || down >= maxRun)
            {
                return true;
            }
        }

        if (TokenText.IndexOfIgnoreCase(text, start, count, "...") >= 0 || TokenText.IndexOfIgnoreCase(text, start, count, "\u2026") >= 0)
        {
            return true;
        }

        if (Private("RepeatsShortUnit", text, start, count))
        {
            return true;
        }

        if (!words)
        {
            return false;
        }

        foreach (string word in Words)
        {
            for (int at = TokenText.IndexOfIgnoreCase(text, start, count, word); at >= 0; at = TokenText.IndexOfIgnoreCase(text, at + 1, start + count - at - 1, word))
            {
                if (!wordsAsWritten || word == "xxxx" || !TokenText.IsAlnum(word[0]) || Private("AsWritten", text, at, word.Length, start, start + count))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The unchanged private rules the search calls, called as they are.</summary>
    private static bool Private(string method, params object[] arguments) =>
        (bool)typeof(TokenText).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, arguments)!;

    private static IEnumerable<string> Samples()
    {
        var random = new Random(16);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+/=~";
        string[] cased = Words.SelectMany(w => new[] { w, w.ToUpperInvariant(), char.ToUpperInvariant(w[0]) + w.Substring(1), "Y" + w.Substring(1).ToUpperInvariant() }).ToArray();
        for (int n = 0; n < 4000; n++)
        {
            int length = random.Next(1, 60);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string value = new string(chars);
            if (n % 2 == 0)
            {
                string word = cased[random.Next(cased.Length)];
                int at = random.Next(0, length + 1);
                value = value.Substring(0, at) + word + value.Substring(at);
            }

            if (n % 7 == 0)
            {
                value += n % 14 == 0 ? "..." : "\u2026é";
            }

            yield return value;
        }
    }

    [Fact]
    public void The_one_pass_placeholder_search_finds_what_every_word_searched_for_found()
    {
        foreach (string value in Samples())
        {
            string text = "x=\"" + value + "\";";
            foreach (bool words in new[] { false, true })
            {
                foreach (bool asWritten in new[] { false, true })
                {
                    Assert.True(
                        ReferenceIsPlaceholder(text, 3, value.Length, 5, words, asWritten) == TokenText.IsPlaceholder(text, 3, value.Length, 5, words, asWritten),
                        value + (words ? " words" : "") + (asWritten ? " as written" : ""));
                }
            }
        }
    }

    [Fact]
    public void Entropy_over_the_characters_seen_is_the_entropy_over_the_whole_table()
    {
        foreach (string value in Samples())
        {
            Assert.Equal(ReferenceEntropy(value), TokenText.Entropy(value, 0, value.Length));
            Assert.Equal(ReferenceEntropy(value.Substring(value.Length / 2)), TokenText.Entropy(value, value.Length / 2, value.Length - value.Length / 2));
        }
    }

    private static double ReferenceEntropy(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var counts = new int[128];
        int other = 0;
        foreach (char c in text)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double h = 0;
        foreach (int n in counts)
        {
            if (n > 0)
            {
                double p = (double)n / text.Length;
                h -= p * Math.Log(p, 2);
            }
        }

        if (other > 0)
        {
            double p = (double)other / text.Length;
            h -= p * Math.Log(p, 2);
        }

        return h;
    }

    [Fact]
    public void A_remembered_verdict_is_used_only_for_the_same_text_and_gives_the_same_matches()
    {
        string generic = "q7Xk2" + "Lm9Pz" + "R4tVw" + "8YbN3c";
        string hex = "0f1e2d3c" + "4b5a6978";
        foreach (string value in new[] { generic, hex, "orders-cache-" + "115f10a254b7", "Bearer " + generic })
        {
            Assert.True(SecretScanner.MightBeNamedValue("\"" + value + "\"", 1, value.Length, out IReadOnlyList<string>? hints), value);
            bool before = SecretScanner.TryMatchNamedValue("apiKey", value, out SecretMatch expected);

            SecretScanner.RememberNameHints(value, hints);
            bool after = SecretScanner.TryMatchNamedValue("apiKey", value, out SecretMatch match);
            Assert.Equal(before, after);
            Assert.Equal(expected.Format, match.Format);

            // Another value judged right after is judged on its own text, not by the remembered verdict.
            SecretScanner.RememberNameHints(value, hints);
            Assert.False(SecretScanner.TryMatchNamedValue("apiKey", "cache-" + "orders-entry", out _));
        }
    }
}

/// <summary>
/// The methods that read every character of every file, or run once per literal, are compiled fully optimized at their
/// first call (<see cref="Guardrails.Core.Secrets.HotPath"/>): the analyzers run once per build, and left to tiering they run
/// unoptimized for much of it.
/// </summary>
public class HotPathTests
{
    [Fact]
    public void HotPath_is_the_runtimes_aggressive_optimization_flag() =>
        Assert.Equal(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization, Guardrails.Core.Secrets.HotPath.Optimized);

    [Theory]
    [InlineData(typeof(TokenText), "Entropy")]
    [InlineData(typeof(TokenText), "IsPlaceholder")]
    [InlineData(typeof(NamedValues), "JudgeGenericSecret")]
    [InlineData(typeof(NamedValues), "IsTokenValue")]
    [InlineData(typeof(SecretScanner), "CollectAnchors")]
    [InlineData(typeof(SecretScanner), "MightBeNamedValue")]
    public void The_per_character_and_per_literal_methods_are_compiled_optimized_at_once(Type type, string name)
    {
        var methods = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(m => m.Name == name).ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.True(m.MethodImplementationFlags.HasFlag(System.Reflection.MethodImplAttributes.AggressiveOptimization), type.Name + "." + name));
    }
}
