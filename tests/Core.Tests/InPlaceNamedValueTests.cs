using System.Text;
using Guardrails.Core.Secrets;

namespace Guardrails.Core.Tests;

/// <summary>
/// A key-shaped literal judged where it stands (issue 16 item 8: the generic-secret verdict was 17 % of GRD001's raw-text
/// pass, on a copy of every literal): <c>NamedValues.JudgeGenericSecret(text, start, n)</c> reads the value's facts in one
/// pass, and <c>NameHints(text, start, n)</c> makes a string only for a value of some provider shape's length. Each must
/// give the answers the judging of a copy gave; the reference below is that judging as it was (d55f079), and the name hints
/// of a copy are those of <see cref="NamedValues.NameHints(string)"/>.
/// </summary>
public class InPlaceNamedValueTests
{
    /// <summary>JudgeGenericSecret as it was before it judged in place: one search per fact, on the value's own string.</summary>
    private static bool ReferenceJudge(string v)
    {
        int n = v.Length;
        if (n > 256)
        {
            return false;
        }

        if ((n == 36 && NamedValues.IsGuid(v, 0)) || (TokenText.All(v, 0, n, TokenText.IsHex) && (n == 32 || n == 40 || n == 64 || n == 96 || n == 128)))
        {
            return false;
        }

        char first = v[0];
        if (first == '$' || first == '%' || first == '@' || (first == '/' && !ReferenceBase64StartingWithSlash(v)) || first == '~' || first == '.' ||
            v.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        if (v.IndexOf('.') >= 0 && !v.StartsWith("eyJ", StringComparison.Ordinal) && !v.Any(c => !TokenText.IsAlnum(c) && c != '.' && c != '-'))
        {
            return false;
        }

        int lower = v.Count(c => c >= 'a' && c <= 'z'), upper = v.Count(c => c >= 'A' && c <= 'Z'), digit = v.Count(c => c >= '0' && c <= '9');
        int symbol = n - lower - upper - digit;
        if (digit == n)
        {
            return false;
        }

        if (digit == 0 && TokenText.All(v, 0, n, c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-'))
        {
            if (lower + upper == n ? TokenText.LooksLikeIdentifier(v, 0, n) : true)
            {
                return false;
            }
        }

        int transitions = 0;
        for (int i = 1; i < n; i++)
        {
            int a = Class(v[i - 1]), b = Class(v[i]);
            if (a != 0 && b != 0 && a != b)
            {
                transitions++;
            }
        }

        if (transitions < Math.Max(3, n / 6))
        {
            return false;
        }

        int classes = (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digit > 0 ? 1 : 0) + (symbol > 0 ? 1 : 0);
        if (classes < 2 || TokenText.IsPlaceholder(v, 0, n, 5, words: true) || TokenText.Entropy(v, 0, n) < 3.0)
        {
            return false;
        }

        bool formula = n > 1 && v[0] == '=';
        return !(formula ? NamedValues.ReadsAsWords(v.Substring(1), charsPerPiece: 3) : NamedValues.ReadsAsWords(v)) && !ReferenceReadsAsSettings(v) &&
               !NamedValues.Base64OfText(v) && !WellKnownKeys.IsPublicDevelopmentKey(v);

        static int Class(char c) => c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : 0;
    }

    private static bool ReferenceBase64StartingWithSlash(string v) =>
        v.Length >= 30 && v.IndexOf('/', 1) < 0 && v.Skip(1).All(c => TokenText.IsAlnum(c) || c == '+' || c == '=') &&
        v.Skip(1).Any(c => c >= 'a' && c <= 'z') && v.Skip(1).Any(c => c >= 'A' && c <= 'Z') && v.Skip(1).Any(c => c >= '0' && c <= '9');

    private static bool ReferenceReadsAsSettings(string v)
    {
        string trimmed = v.TrimEnd('=');
        return trimmed.IndexOf('=') > 0 && trimmed.Split('=', ';').All(piece => piece.Length == 0 || NamedValues.ReadsAsWords(piece, charsPerPiece: 3));
    }

    /// <summary>Values of every kind the judging tells apart, random where a key would be, built in the test (no key is written here).</summary>
    private static IEnumerable<string> Values()
    {
        var random = new Random(17);
        string Pick(string alphabet, int length) => new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        const string alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const string lowerHex = "0123456789abcdef";
        const string upperHex = "0123456789ABCDEF";
        const string base64 = alnum + "+/";
        const string wide = alnum + "-_.+/=~$%@:";

        for (int round = 0; round < 40; round++)
        {
            foreach (int length in new[] { 16, 20, 24, 28, 30, 31, 32, 35, 36, 40, 44, 48, 49, 51, 52, 64, 68, 88, 96, 128, 200, 256, 257 })
            {
                yield return Pick(alnum, length);
                yield return Pick(lowerHex, length);
                yield return Pick(upperHex, length);
                yield return Pick(base64, length);
                yield return Pick(wide, length);
                yield return "/" + Pick(alnum + "+=", length);
                yield return "=" + Pick(alnum + ".", length);
                yield return Pick(alnum, length / 2) + "//" + Pick(alnum, length / 2);
                yield return Pick(alnum, length / 2) + "." + Pick(alnum + "-", length / 2);
                yield return "eyJ" + Pick(alnum, length / 2) + "." + Pick(alnum, length / 2);
                yield return Pick("abcdefghijklmnopqrstuvwxyz_-", length);
                yield return Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ_", length);
                yield return Pick("0123456789", length);
                yield return "sk-" + Pick(lowerHex, length);
                yield return "key_" + Pick(lowerHex, length);
                yield return Pick(base64, length) + "==";
                yield return Pick(base64, length) + "=";
            }

            yield return new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString();
            yield return Pick(alnum, 42) + "AzSe" + "ABCD"[round % 4] + Pick(alnum, 5);
            yield return Pick(lowerHex, 32) + "." + Pick(alnum, 16);
            yield return "orders-cache-" + Pick(lowerHex, 12);
            yield return "partner-" + Pick(lowerHex, 16);
            yield return Convert.ToBase64String(Encoding.ASCII.GetBytes("Anthropic/Claude " + Pick(alnum, round % 9)));
            yield return Convert.ToBase64String(Encoding.ASCII.GetBytes("user:" + Pick(alnum, 24)));
            yield return "UseDevelopmentStorage=true;Mode" + round + "=on";
            yield return "Name" + round + "=" + Pick(alnum, 20) + ";x=y==";
            yield return "=Env.OpenAIApiKey" + round;
            yield return "AzureAIInference" + round;
            yield return "modifiedByFilter" + round + "x" + Pick(alnum, 10);
            yield return "AKIAIOSFODNN7" + "EXAMPLE";
            yield return "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
            yield return "ab12" + new string('x', 10 + round) + "Q9z";
            yield return "1234abcd" + "1234abcd" + "1234abcd";
            yield return "your-" + Pick(alnum, 20) + "-here";
        }
    }

    [Fact]
    public void A_value_judged_where_it_stands_gets_the_verdict_its_copy_got()
    {
        int generic = 0, total = 0;
        foreach (string value in Values())
        {
            // The value amid other characters that the judging must not read: '=' after it (base64 padding, settings),
            // "eyJ" and '/' and a key's characters around it.
            foreach ((string before, string after) in new[] { ("", ""), ("x = \"", "\";"), ("eyJ/", "==//"), ("AzSe9", "eyJ.") })
            {
                string text = before + value + after;
                bool expected = ReferenceJudge(value);
                Assert.True(expected == NamedValues.JudgeGenericSecret(text, before.Length, value.Length), value + " in " + text);
                generic += expected ? 1 : 0;
                total++;
            }
        }

        // The samples reach both verdicts, many times.
        Assert.InRange(generic, 1000, total - 1000);
    }

    [Fact]
    public void The_name_hints_of_a_value_judged_where_it_stands_are_those_of_its_copy()
    {
        foreach (string value in Values().Where(v => v.Length >= NamedValues.MinimumLength && v.Length <= NamedValues.MaximumLength && NamedValues.IsTokenValue(v)))
        {
            string text = "k = \"" + value + "\";";
            IReadOnlyList<string>? expected = NamedValues.NameHints(value);
            IReadOnlyList<string>? inPlace = NamedValues.NameHints(text, 5, value.Length);
            Assert.True(expected == null ? inPlace == null : inPlace != null && expected.SequenceEqual(inPlace), value);

            Assert.Equal(expected == null || expected.Count > 0, SecretScanner.MightBeNamedValue(text, 5, value.Length, out IReadOnlyList<string>? hints));
            Assert.True(expected == null ? hints == null : hints != null && (expected.Count == 0 || expected.SequenceEqual(hints)), value);
        }
    }

    [Fact]
    public void A_name_skipped_at_letters_no_stem_goes_on_from_is_judged_as_the_general_search_judges_it()
    {
        // MayBeSecretLike passes over a letter that starts a stem ('s', 'c', 'p', 't', 'k', …) when the next letter goes on
        // with none of them; the general search (ordinal, ignoring case) is the reference.
        var random = new Random(170);
        string[] pieces = { "key", "KEY", "Ke", "tok", "Token", "sec", "Secret", "pass", "Pwd", "cred", "Credential", "pat", "PAT", "Path", "s", "c", "p", "t", "k", "_", "-", "9", "Q", "é" };
        for (int n = 0; n < 20000; n++)
        {
            var name = new System.Text.StringBuilder();
            for (int k = random.Next(1, 7); k > 0; k--)
            {
                name.Append(pieces[random.Next(pieces.Length)]);
            }

            string value = name.ToString();
            string text = "ab" + value + "kS";
            Assert.True(NamedValues.MayBeSecretLikeAnyText(text, 2, value.Length) == NamedValues.MayBeSecretLike(text, 2, value.Length), value);
        }
    }

    [Fact]
    public void The_entropy_test_by_table_answers_as_the_entropy_itself()
    {
        // Random values of every length the judging sees, and values whose entropy is exactly a whole number of bits (8
        // distinct characters equally often: 3.0, the limit), where the floating-point sums of the two forms may differ.
        var random = new Random(171);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+/=é";
        var values = new List<string>();
        for (int n = 0; n < 20000; n++)
        {
            int distinct = random.Next(1, alphabet.Length);
            values.Add(new string(Enumerable.Range(0, random.Next(1, 300)).Select(_ => alphabet[random.Next(distinct)]).ToArray()));
        }

        for (int distinct = 1; distinct <= 32; distinct++)
        {
            for (int times = 1; times <= 8; times++)
            {
                values.Add(string.Concat(Enumerable.Repeat(alphabet.Substring(0, distinct), times)));
            }
        }

        foreach (string value in values)
        {
            string text = "\"" + value + "\"";
            foreach (double limit in new[] { 3.0, 2.75, 4.0 })
            {
                Assert.True(TokenText.EntropyBelow(text, 1, value.Length, limit) == TokenText.Entropy(text, 1, value.Length) < limit, value + " " + limit);
            }
        }
    }
}
