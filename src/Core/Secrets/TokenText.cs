using System;
using System.Runtime.CompilerServices;

namespace Guardrails.Core.Secrets
{
    /// <summary>Character classes, token boundaries and the placeholder filter shared by the matchers.</summary>
    internal static class TokenText
    {
        [ThreadStatic]
        private static int[]? entropyCounts;

        /// <summary>[A-Za-z0-9_-]: the characters a key token is made of.</summary>
        public static bool IsTokenChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

        public static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        public static bool IsLowerHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');

        public static bool IsHex(char c) => IsLowerHex(c) || (c >= 'A' && c <= 'F');

        public static bool IsBase64(char c) => IsAlnum(c) || c == '+' || c == '/';

        /// <summary>
        /// A token may start at <paramref name="start"/>: the text starts there, or the character before is not
        /// a token character. An escape such as <c>\n</c> or <c>\t</c> just before also counts as a boundary, so
        /// raw JSON/YAML text (<c>"line\nsk-…"</c>) behaves like the decoded value.
        /// </summary>
        public static bool StartsToken(string text, int start)
        {
            if (start == 0 || !IsTokenChar(text[start - 1]))
            {
                return true;
            }

            char e = text[start - 1];
            return start >= 2 && text[start - 2] == '\\' && (e == 'n' || e == 'r' || e == 't');
        }

        /// <summary>End of the run of token characters starting at <paramref name="start"/>.</summary>
        public static int TokenEnd(string text, int start)
        {
            int end = start;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            return end;
        }

        [MethodImpl(HotPath.Optimized)]
        public static bool All(string text, int start, int count, Func<char, bool> predicate)
        {
            if (start < 0 || start + count > text.Length)
            {
                return false;
            }

            for (int i = start; i < start + count; i++)
            {
                if (!predicate(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool AllAlnum(string text, int start, int count) => All(text, start, count, IsAlnum);

        public static bool AllLowerHex(string text, int start, int count) => All(text, start, count, IsLowerHex);

        public static bool At(string text, int index, string expected) =>
            index >= 0 && index + expected.Length <= text.Length &&
            string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

        /// <summary>
        /// True when the random part of a key is a documentation placeholder rather than a key: a run of one
        /// character (<c>xxxxxx</c>, <c>000000</c>), a counting sequence (<c>123456</c>, <c>abcdef</c>), an ellipsis,
        /// or — when <paramref name="words"/> is set — a placeholder word (<c>your</c>, <c>example</c>, …).
        /// Fake-looking words such as "FakeKey" or "NotReal" are deliberately not placeholders: a test key is a key.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsPlaceholder(string text, int start, int count, int maxRun, bool words) =>
            IsPlaceholder(text, start, count, maxRun, words, wordsAsWritten: false);

        /// <param name="wordsAsWritten">
        /// A placeholder word counts only as documentation writes it in a key-shaped slot: in one case (<c>your</c>,
        /// <c>YOUR</c>, <c>Your</c>) and at an edge of the body, next to a separator or as a word of a camelCase run (<c>sk-your-key-here</c>,
        /// <c>…EXAMPLE</c>, <c>…SyYourGoogleApiKey…</c>). The random body of a key with a fixed prefix holds such a fragment by chance
        /// (<c>…CyouRq…</c>, <c>…xInsertk…</c>), and is still a key.
        /// </param>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsPlaceholder(string text, int start, int count, int maxRun, bool words, bool wordsAsWritten)
        {
            // Runs, counting sequences and an ellipsis ("..." or '\u2026') in one pass.
            if (count > 0 && text[start] == '\u2026')
            {
                return true;
            }

            int run = 1;
            int up = 1;
            int down = 1;
            for (int i = start + 1; i < start + count; i++)
            {
                char c = text[i];
                char p = text[i - 1];
                run = c == p ? run + 1 : 1;
                up = c == p + 1 && IsAlnum(c) ? up + 1 : 1;
                down = c == p - 1 && IsAlnum(c) ? down + 1 : 1;
                if (run >= maxRun || up >= maxRun || down >= maxRun || (c == '.' && run >= 3) || c == '\u2026')
                {
                    return true;
                }
            }

            if (RepeatsShortUnit(text, start, count))
            {
                return true;
            }

            if (!words)
            {
                return false;
            }

            // Every place each word occurs (ignoring ASCII case), in one pass: at each character only the words that
            // start with it are tried (the answer is whether any occurrence counts, whatever the order they are met in).
            int end = start + count;
            for (int at = start; at < end; at++)
            {
                char c = text[at];
                string[]? candidates = c < 128 ? PlaceholderWordsByFirst[ToLowerAscii(c)] : null;
                if (candidates == null)
                {
                    continue;
                }

                foreach (string word in candidates)
                {
                    if (end - at >= word.Length && StartsWithIgnoreCase(text, at, word) &&
                        (!wordsAsWritten || word == "xxxx" || !IsAlnum(word[0]) || AsWritten(text, at, word.Length, start, end)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><paramref name="word"/> (lower case) at <paramref name="at"/>, ignoring ASCII case.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool StartsWithIgnoreCase(string text, int at, string word)
        {
            for (int j = 1; j < word.Length; j++)
            {
                if (ToLowerAscii(text[at + j]) != word[j])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Capitalized words a placeholder written as a camelCase run holds besides its placeholder word (<c>YourGoogleApiKeyHere</c>).</summary>
        private static readonly string[] CompanionWords = { "Key", "Api", "Here", "Token", "Secret" };

        /// <summary>
        /// The body outside <c>[at, after)</c> holds one of <see cref="CompanionWords"/> as written (case-sensitive). A random
        /// body holds a given capitalized three-letter word about once in 5,000 keys, a camelCase placeholder nearly always.
        /// </summary>
        private static bool HasCompanionWord(string text, int bodyStart, int bodyEnd, int at, int after)
        {
            foreach (string word in CompanionWords)
            {
                int hit = text.IndexOf(word, bodyStart, bodyEnd - bodyStart, StringComparison.Ordinal);
                while (hit >= 0)
                {
                    if (hit + word.Length <= at || hit >= after)
                    {
                        return true;
                    }

                    hit = hit + 1 < bodyEnd ? text.IndexOf(word, hit + 1, bodyEnd - hit - 1, StringComparison.Ordinal) : -1;
                }
            }

            return false;
        }

        /// <summary>
        /// The word at <paramref name="at"/> is in one case and starts or ends at the body's edge or a separator, or is a
        /// capitalized word of a camelCase run (<c>…SyYourGoogleApiKey…</c>: a lower-case letter before it, a capital and
        /// a lower-case letter after it).
        /// </summary>
        private static bool AsWritten(string text, int at, int length, int bodyStart, int bodyEnd)
        {
            int after = at + length;
            bool edge = at == bodyStart || !IsAlnum(text[at - 1]) || after == bodyEnd || !IsAlnum(text[after]);
            bool camel = !edge && text[at] >= 'A' && text[at] <= 'Z' && text[at - 1] >= 'a' && text[at - 1] <= 'z' &&
                after + 1 < bodyEnd && text[after] >= 'A' && text[after] <= 'Z' && text[after + 1] >= 'a' && text[after + 1] <= 'z';
            if (!edge && !camel)
            {
                return false;
            }

            if (!edge && !HasCompanionWord(text, bodyStart, bodyEnd, at, after))
            {
                return false; // …BatRedactedOo4i…: one capitalized word amid random characters is chance, not a written placeholder
            }

            bool allLower = true, allUpper = true;
            for (int i = at; i < at + length; i++)
            {
                char c = text[i];
                allLower &= !(c >= 'A' && c <= 'Z');
                allUpper &= !(c >= 'a' && c <= 'z');
            }

            bool capitalized = text[at] >= 'A' && text[at] <= 'Z';
            for (int i = at + 1; i < at + length && capitalized; i++)
            {
                capitalized = !(text[i] >= 'A' && text[i] <= 'Z');
            }

            return allLower || allUpper || capitalized;
        }

        /// <summary>Words that mark a documentation placeholder. "fake", "test", "dummy" are not in the list on purpose.</summary>
        internal static readonly string[] PlaceholderWords =
        {
            "your", "xxxx", "example", "placeholder", "redacted", "replace", "insert", "changeme", "sample", "-here", "_here",
        };

        /// <summary><see cref="PlaceholderWords"/> by their first character (lower case ASCII).</summary>
        private static readonly string[]?[] PlaceholderWordsByFirst = BuildPlaceholderWordsByFirst();

        private static string[]?[] BuildPlaceholderWordsByFirst()
        {
            var table = new string[]?[128];
            foreach (string word in PlaceholderWords)
            {
                string[]? had = table[word[0]];
                string[] with = new string[(had?.Length ?? 0) + 1];
                had?.CopyTo(with, 0);
                with[with.Length - 1] = word;
                table[word[0]] = with;
            }

            return table;
        }

        /// <summary>
        /// The text is a unit of at most eight characters written over and over ("1234abcd1234abcd…", "abc123abc123…"),
        /// as documentation fills a key-shaped slot; a random body never repeats itself.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool RepeatsShortUnit(string text, int start, int count)
        {
            for (int period = 1; period <= 8 && 2 * period <= count; period++)
            {
                if (count < 12)
                {
                    return false;
                }

                int i = start + period;
                while (i < start + count && text[i] == text[i - period])
                {
                    i++;
                }

                if (i == start + count)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A letters-only camelCase or single-case run (e.g. <c>getTokenizerConfigFromHub</c>) reads as an identifier
        /// rather than random characters: at most a quarter of the letters uppercase and never two capitals in a
        /// row, or no case mix at all.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool LooksLikeIdentifier(string text, int start, int count)
        {
            int upper = 0;
            bool adjacentUpper = false;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                {
                    return false;
                }

                if (c >= 'A' && c <= 'Z')
                {
                    upper++;
                    if (i > start && text[i - 1] >= 'A' && text[i - 1] <= 'Z')
                    {
                        adjacentUpper = true;
                    }
                }
            }

            return upper == 0 || upper == count || (upper * 4 <= count && !adjacentUpper);
        }

        /// <summary>Shannon entropy in bits per character.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static double Entropy(string text, int start, int count)
        {
            if (count == 0)
            {
                return 0;
            }

            // The counts are zero between calls: only the range of characters seen is read and cleared again (a key's
            // alphabet spans '+' to 'z', not all 128), in ascending order as a whole-table pass would add them.
            int[] counts = entropyCounts ??= new int[128];
            int other = Count(text, start, count, counts, out int low, out int high);

            double h = 0;
            for (int c = low; c <= high; c++)
            {
                int n = counts[c];
                if (n > 0)
                {
                    counts[c] = 0;
                    double p = (double)n / count;
                    h -= p * Math.Log(p, 2);
                }
            }

            if (other > 0)
            {
                double p = (double)other / count;
                h -= p * Math.Log(p, 2);
            }

            return h;
        }

        /// <summary>
        /// Counts the ASCII characters of the range into <paramref name="counts"/> (zero before; the caller clears the range
        /// <paramref name="low"/>..<paramref name="high"/> it reads) and returns how many are not ASCII.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Count(string text, int start, int count, int[] counts, out int low, out int high)
        {
            int other = 0;
            low = 128;
            high = -1;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < 128)
                {
                    counts[c]++;
                    low = c < low ? c : low;
                    high = c > high ? c : high;
                }
                else
                {
                    other++;
                }
            }

            return other;
        }

        /// <summary>
        /// <see cref="Entropy"/> of the text is below <paramref name="limit"/>: worked out as log2(count) − Σ n·log2(n) / count
        /// with n·log2(n) looked up for counts up to <see cref="CountLogs"/>' length (one logarithm per value instead of one
        /// per distinct character); a sum within 1e-9 of the limit, or a longer text, is decided by <see cref="Entropy"/>
        /// itself, so the answer is always <see cref="Entropy"/>'s.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool EntropyBelow(string text, int start, int count, double limit)
        {
            if (count == 0 || count >= CountLogs.Length)
            {
                return Entropy(text, start, count) < limit;
            }

            int[] counts = entropyCounts ??= new int[128];
            int other = Count(text, start, count, counts, out int low, out int high);

            double sum = CountLogs[other];
            for (int c = low; c <= high; c++)
            {
                sum += CountLogs[counts[c]];
                counts[c] = 0;
            }

            double h = Math.Log(count, 2) - (sum / count);
            return Math.Abs(h - limit) < 1e-9 ? Entropy(text, start, count) < limit : h < limit;
        }

        /// <summary>n·log2(n) for n up to 512 (0 for 0).</summary>
        private static readonly double[] CountLogs = BuildCountLogs();

        private static double[] BuildCountLogs()
        {
            var logs = new double[513];
            for (int n = 2; n < logs.Length; n++)
            {
                logs[n] = n * Math.Log(n, 2);
            }

            return logs;
        }

        /// <summary>ASCII case-insensitive ordinal search inside [start, start+count) with no allocation.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static int IndexOfIgnoreCase(string text, int start, int count, string word)
        {
            int last = start + count - word.Length;
            for (int i = start; i <= last; i++)
            {
                int j = 0;
                while (j < word.Length && ToLowerAscii(text[i + j]) == ToLowerAscii(word[j]))
                {
                    j++;
                }

                if (j == word.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        public static char ToLowerAscii(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
}
