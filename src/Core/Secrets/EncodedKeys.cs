using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// A key carried encoded: base64 (RFC 4648 §4, with or without padding), base64url (§5: <c>-</c> and <c>_</c>, usually
    /// unpadded), or hex (§8), of the key's ASCII bytes or of its UTF-16 little-endian bytes (.NET's <c>Encoding.Unicode</c>).
    /// A value is decoded only when its first bytes already decode to printable text (random base64, a hash or a blob
    /// fails within a few characters: a random byte is printable ASCII 95 times in 256), and it is a key only when the
    /// decoded text holds a self-identifying key (<see cref="SecretScanner.Scan"/>: prefix, checksum, marker). Base64 of
    /// words, of a GUID or of anything else with no key in it is never one.
    /// </summary>
    public static class EncodedKeys
    {
        /// <summary>Shorter than this, no encoding holds a key (the shortest self-identifying keys are ~20 characters).</summary>
        public const int MinimumLength = 24;

        /// <summary>Longer than this, a value is a blob (a certificate, an image), not one key.</summary>
        private const int MaximumLength = 2048;

        /// <summary>
        /// The first self-identifying key in <paramref name="value"/> decoded as base64, base64url or hex (see the class
        /// summary); false when the value is none of them or decodes to no key.
        /// </summary>
        public static bool TryFindKey(string value, out KeyFormat? format) => TryFindKey(value, out format, out _);

        /// <inheritdoc cref="TryFindKey(string, out KeyFormat)"/>
        /// <param name="key">The decoded key (for comparing with other reports; never to be shown).</param>
        public static bool TryFindKey(string value, out KeyFormat? format, out string? key)
        {
            format = null;
            key = null;
            if (!TryDecodeToBuffer(value, 0, value?.Length ?? 0, out char[]? chars, out int length) ||
                !SecretScanner.MightContainKey(chars!, length))
            {
                return false;
            }

            // Only a decoded text with an anchor in it becomes a string (base64 of words, hashes, thumbprints never do).
            string text = new string(chars!, 0, length);
            var found = new List<SecretMatch>();
            SecretScanner.Scan(text, found);
            if (found.Count == 0)
            {
                return false;
            }

            format = found[0].Format;
            key = text.Substring(found[0].Start, found[0].Length);
            return true;
        }

        /// <summary>
        /// <see cref="TryFindKey(string, out KeyFormat)"/>'s answer for <c>text.Substring(start, length)</c> as far as it can
        /// be given without allocating: false when the characters are no encoding of printable text, or when the text they
        /// decode to holds no key anchor (<see cref="SecretScanner.MightContainKey(string)"/>); true otherwise, and always
        /// for a segment with a backslash in it (source text whose value the escapes change: the caller judges the value).
        /// The C# key scan asks it of every literal's source text, so that only a literal that may hold an encoded key is
        /// looked up in the syntax tree.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MightHoldKey(string text, int start, int length)
        {
            if (!MightBeEncodedKey(text, start, length))
            {
                return false;
            }

            if (text.IndexOf('\\', start, length) >= 0)
            {
                return true;
            }

            return TryDecodeToBuffer(text, start, length, out char[]? chars, out int decoded) && SecretScanner.MightContainKey(chars!, decoded);
        }

        /// <summary>
        /// A cheap look at the start of <c>text.Substring(start, length)</c>, without allocating: it may be a key encoded as
        /// hex or base64 (URL alphabet too, UTF-16LE too), because its first bytes decode to key characters (letters,
        /// digits, <c>-</c>, <c>_</c>). Three random bytes pass 1 time in 64; SQL, prose and URLs fail on their first
        /// quantum or character. <see cref="TryFindKey(string, out KeyFormat)"/> decides.
        /// </summary>
        public static bool MightBeEncodedKey(string text, int start, int length)
        {
            if (length < MinimumLength || length > MaximumLength)
            {
                return false;
            }

            int h0 = HexAt(text, start), h1 = HexAt(text, start + 2), h2 = HexAt(text, start + 4);
            if (h0 >= 0 && h1 >= 0 && h2 >= 0 && KeyByte(h0) && KeyByte(h2) && (KeyByte(h1) || h1 == 0))
            {
                return true;
            }

            int a = Sextet(text[start]), b = Sextet(text[start + 1]), c = Sextet(text[start + 2]), d = Sextet(text[start + 3]);
            if (a < 0 || b < 0 || c < 0 || d < 0)
            {
                return false;
            }

            int b0 = (a << 2) | (b >> 4), b1 = ((b & 0xF) << 4) | (c >> 2), b2 = ((c & 0x3) << 6) | d;
            return KeyByte(b0) && (KeyByte(b1) || (b1 == 0 && KeyByte(b2))) && (KeyByte(b2) || b1 == 0);
        }

        private static int HexAt(string text, int i) =>
            TokenText.IsHex(text[i]) && TokenText.IsHex(text[i + 1]) ? (Hex(text[i]) << 4) | Hex(text[i + 1]) : -1;

        private static bool KeyByte(int b) => b < 0x80 && TokenText.IsTokenChar((char)b);

        /// <summary>
        /// <c>Basic &lt;base64 of user:key&gt;</c> anywhere in <paramref name="text"/> (adversary round 12 route 6: a curl
        /// <c>-H "Authorization: Basic …"</c> in a script, a header in Python or TypeScript code, a README example, a C#
        /// literal <c>"Basic …"</c> handed to <c>DefaultRequestHeaders.Add</c>): a self-identifying key in the credentials is
        /// added to <paramref name="results"/> at the encoded value, unless a match from <paramref name="first"/> on starts there.
        /// </summary>
        public static void BasicCredentials(string text, List<SecretMatch> results, int first)
        {
            for (int at = text.IndexOf("asic ", StringComparison.Ordinal); at > 0; at = at + 5 < text.Length ? text.IndexOf("asic ", at + 5, StringComparison.Ordinal) : -1)
            {
                if (text[at - 1] != 'B' && text[at - 1] != 'b')
                {
                    continue;
                }

                int start = at + 5;
                while (start < text.Length && text[start] == ' ')
                {
                    start++;
                }

                int end = start;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '+' || text[end] == '/' || text[end] == '=' || text[end] == '-' || text[end] == '_'))
                {
                    end++;
                }

                if (end - start < MinimumLength || StartsAt(results, first, start) || !TryFindKey(text.Substring(start, end - start), out KeyFormat? format))
                {
                    continue;
                }

                results.Add(Match(text, start, end - start, format!));
            }
        }

        /// <summary>A match from <paramref name="first"/> on starts at <paramref name="start"/>.</summary>
        internal static bool StartsAt(List<SecretMatch> results, int first, int start)
        {
            for (int i = first; i < results.Count; i++)
            {
                if (results[i].Start == start)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A match for <paramref name="length"/> characters of <paramref name="text"/> at <paramref name="start"/> that encode a
        /// key of <paramref name="format"/>: redacted on the encoded text (its last characters only), never the decoded key.
        /// </summary>
        public static SecretMatch Match(string text, int start, int length, KeyFormat format) =>
            new SecretMatch(start, length, format, Redaction.Redact(text, start, length, string.Empty));

        /// <summary>
        /// <paramref name="value"/> decoded to printable ASCII (tabs and line breaks allowed) as hex, base64 or base64url,
        /// directly or through UTF-16LE; false for anything else.
        /// </summary>
        public static bool TryDecode(string value, out string? text)
        {
            text = null;
            if (!TryDecodeToBuffer(value, 0, value?.Length ?? 0, out char[]? chars, out int length))
            {
                return false;
            }

            text = new string(chars!, 0, length);
            return true;
        }

        /// <summary>This thread's buffer for decoded text (<see cref="MaximumLength"/> characters at most decode to fewer).</summary>
        [ThreadStatic]
        private static char[]? t_decoded;

        /// <summary>
        /// <see cref="TryDecode"/> of <c>value.Substring(start, count)</c> into this thread's buffer (valid until the thread's
        /// next call), with no allocation after the thread's first.
        /// </summary>
        private static bool TryDecodeToBuffer(string? value, int start, int count, out char[]? chars, out int length)
        {
            chars = null;
            length = 0;
            if (value == null || count < MinimumLength || count > MaximumLength)
            {
                return false;
            }

            // Hex first: every hex string is base64 too, and the two decode to different bytes. The value is walked once,
            // judged and written to this thread's buffer as it goes (nearly every hash, GUID and blob fails within its
            // first bytes, and what it wrote is not handed out).
            bool hex = IsHex(value, start, count);
            char[] buffer = t_decoded ??= new char[MaximumLength];
            if (!Walk(value, start, count, hex, buffer, out length))
            {
                return false;
            }

            chars = buffer;
            return true;
        }

        /// <summary>
        /// Decodes <c>value.Substring(start, count)</c> as hex or base64 (standard or URL alphabet, one of the two throughout, padding
        /// optional) byte by byte, true when the bytes are printable ASCII (tabs and line breaks allowed) or UTF-16LE of it
        /// (every second byte zero: decided by the second byte when the byte count is even). The text's characters go to
        /// <paramref name="output"/> when it is given; <paramref name="length"/> is the text's length.
        /// </summary>
        private static bool Walk(string value, int start, int count, bool hex, char[]? output, out int length)
        {
            length = 0;
            int n = count;
            int total;
            if (hex)
            {
                total = n / 2;
            }
            else
            {
                while (n > 0 && value[start + n - 1] == '=')
                {
                    n--;
                }

                if (count - n > 2 || n % 4 == 1)
                {
                    return false;
                }

                total = (n * 3) / 4;
            }

            bool utf16 = false, standard = false, url = false;
            int index = 0, bits = 0, acc = 0;
            int steps = hex ? total : n;
            for (int i = 0; i < steps; i++)
            {
                int b;
                if (hex)
                {
                    b = (Hex(value[start + (2 * i)]) << 4) | Hex(value[start + (2 * i) + 1]);
                }
                else
                {
                    char ch = value[start + i];
                    standard |= ch == '+' || ch == '/';
                    url |= ch == '-' || ch == '_';
                    int sextet = Sextet(ch);
                    if (sextet < 0 || (standard && url))
                    {
                        return false;
                    }

                    acc = (acc << 6) | sextet;
                    bits += 6;
                    if (bits < 8)
                    {
                        continue;
                    }

                    bits -= 8;
                    b = acc >> bits;
                    acc &= (1 << bits) - 1;
                }

                if (index == 1 && b == 0 && total % 2 == 0)
                {
                    utf16 = true;
                }

                if (utf16 && (index & 1) == 1)
                {
                    if (b != 0)
                    {
                        return false;
                    }
                }
                else
                {
                    if (!Printable((byte)b))
                    {
                        return false;
                    }

                    if (output != null)
                    {
                        output[length] = (char)b;
                    }

                    length++;
                }

                index++;
            }

            return true;
        }

        private static bool IsHex(string value, int start, int count)
        {
            if (count % 2 != 0)
            {
                return false;
            }

            for (int i = start; i < start + count; i++)
            {
                if (!TokenText.IsHex(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private static int Sextet(char c) =>
            c >= 'A' && c <= 'Z' ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+' || c == '-' ? 62
            : c == '/' || c == '_' ? 63
            : -1;

        private static bool Printable(byte b) => (b >= 0x20 && b <= 0x7E) || b == '\t' || b == '\n' || b == '\r';
    }
}
