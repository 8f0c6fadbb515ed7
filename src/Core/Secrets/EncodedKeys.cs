using System;
using System.Collections.Generic;
using System.Text;

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
            if (!TryDecode(value, out string? text))
            {
                return false;
            }

            if (!SecretScanner.MightContainKey(text!))
            {
                return false;
            }

            var found = new List<SecretMatch>();
            SecretScanner.Scan(text!, found);
            if (found.Count == 0)
            {
                return false;
            }

            format = found[0].Format;
            key = text!.Substring(found[0].Start, found[0].Length);
            return true;
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
            if (value == null || value.Length < MinimumLength || value.Length > MaximumLength)
            {
                return false;
            }

            // Hex first: every hex string is base64 too, and the two decode to different bytes.
            byte[]? bytes = IsHex(value) ? DecodeHex(value) : DecodeBase64(value);
            return bytes != null && ToText(bytes, out text);
        }

        private static bool IsHex(string value)
        {
            if (value.Length % 2 != 0)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!TokenText.IsHex(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[]? DecodeHex(string value)
        {
            // The first byte decides cheaply: an encoded key starts with a printable character.
            if (!Printable((byte)((Hex(value[0]) << 4) | Hex(value[1]))))
            {
                return null;
            }

            var bytes = new byte[value.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Hex(value[2 * i]) << 4) | Hex(value[(2 * i) + 1]));
            }

            return bytes;
        }

        private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        /// <summary>Standard or URL alphabet (one of the two throughout), padding optional; null when the value is neither.</summary>
        private static byte[]? DecodeBase64(string value)
        {
            int n = value.Length;
            while (n > 0 && value[n - 1] == '=')
            {
                n--;
            }

            if (value.Length - n > 2 || n % 4 == 1)
            {
                return null;
            }

            // The first quantum decides cheaply: three random bytes are all printable (or, as UTF-16LE, printable and
            // zero) about 1 time in 20.
            if (n >= 4)
            {
                int a = Sextet(value[0]), b = Sextet(value[1]), c = Sextet(value[2]);
                if (a < 0 || b < 0 || c < 0)
                {
                    return null;
                }

                byte b0 = (byte)((a << 2) | (b >> 4)), b1 = (byte)(((b & 0xF) << 4) | (c >> 2));
                if (!Printable(b0) || !(Printable(b1) || b1 == 0))
                {
                    return null;
                }
            }

            bool standard = false, url = false;
            var bytes = new byte[(n * 3) / 4];
            int bits = 0, acc = 0, at = 0;
            for (int i = 0; i < n; i++)
            {
                char ch = value[i];
                standard |= ch == '+' || ch == '/';
                url |= ch == '-' || ch == '_';
                int s = Sextet(ch);
                if (s < 0 || (standard && url))
                {
                    return null;
                }

                acc = (acc << 6) | s;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes[at++] = (byte)(acc >> bits);
                    acc &= (1 << bits) - 1;
                }
            }

            return bytes;
        }

        private static int Sextet(char c) =>
            c >= 'A' && c <= 'Z' ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+' || c == '-' ? 62
            : c == '/' || c == '_' ? 63
            : -1;

        private static bool Printable(byte b) => (b >= 0x20 && b <= 0x7E) || b == '\t' || b == '\n' || b == '\r';

        /// <summary>The bytes as ASCII, or as UTF-16LE of ASCII (every second byte zero); false when neither is printable text.</summary>
        private static bool ToText(byte[] bytes, out string? text)
        {
            text = null;
            bool utf16 = bytes.Length >= 2 && bytes.Length % 2 == 0 && bytes[1] == 0;
            var sb = new StringBuilder(utf16 ? bytes.Length / 2 : bytes.Length);
            for (int i = 0; i < bytes.Length; i += utf16 ? 2 : 1)
            {
                if (!Printable(bytes[i]) || (utf16 && bytes[i + 1] != 0))
                {
                    return false;
                }

                sb.Append((char)bytes[i]);
            }

            text = sb.ToString();
            return true;
        }
    }
}
