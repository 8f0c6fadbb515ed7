using System.Text;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>
/// Builds correctly formatted, obviously fake keys from a seeded RNG, written from
/// <c>shared/reference/ai-key-formats.md</c> and the providers' documentation, not from the detector.
/// Bodies are random (no runs of one character, no counting sequences); where the alphabet has upper-case
/// letters the random part carries the word FAKE so a human sees at once that the key is not real.
/// Nothing here is a literal key: every key is assembled at run time.
/// </summary>
internal sealed class KeyForge
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Alnum = Upper + Lower + Digits;
    public const string UrlSafe = Alnum + "_-";
    public const string LowerHex = "0123456789abcdef";
    public const string Base32 = Upper + "234567";
    public const string Base64 = Alnum + "+/";

    /// <summary>base64("OpenAI"), spelled in two pieces.</summary>
    public static readonly string OpenAiMarker = "T3Blbk" + "FJ";

    private readonly Random rng;

    public KeyForge(int seed) => rng = new Random(seed);

    public int Next(int max) => rng.Next(max);

    /// <summary>A random string over <paramref name="alphabet"/>; FAKE is placed inside when the alphabet allows it.</summary>
    public string Body(int length, string alphabet, bool fakeMarker = true)
    {
        while (true)
        {
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                sb.Append(alphabet[rng.Next(alphabet.Length)]);
            }

            if (fakeMarker && length >= 12 && "FAKE".All(c => alphabet.IndexOf(c) >= 0))
            {
                int at = 2 + rng.Next(length - 8);
                sb.Remove(at, 4).Insert(at, "FAKE");
            }

            string s = sb.ToString();
            if (!HasRunOrSequence(s))
            {
                return s;
            }
        }
    }

    /// <summary>True for three equal characters in a row or four consecutive code points (abcd, 1234).</summary>
    public static bool HasRunOrSequence(string s)
    {
        for (int i = 0; i + 2 < s.Length; i++)
        {
            if (s[i] == s[i + 1] && s[i] == s[i + 2])
            {
                return true;
            }
        }

        for (int i = 0; i + 3 < s.Length; i++)
        {
            if (s[i + 1] == s[i] + 1 && s[i + 2] == s[i] + 2 && s[i + 3] == s[i] + 3)
            {
                return true;
            }
        }

        return false;
    }

    public string Guid() => new System.Guid(Bytes(16)).ToString();

    public byte[] Bytes(int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }

    // ---- checksums ---------------------------------------------------------------------------------------------

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        return t;
    }

    /// <summary>zlib CRC-32 (reflected, polynomial 0xEDB88320, init and final xor 0xFFFFFFFF).</summary>
    public static uint Crc32(string ascii)
    {
        uint c = 0xFFFFFFFFu;
        foreach (char ch in ascii)
        {
            c = CrcTable[(c ^ (byte)ch) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    /// <summary>Base62 with the alphabet 0-9 A-Z a-z, left-padded with '0' to <paramref name="width"/>.</summary>
    public static string Base62(uint value, int width)
    {
        const string alphabet = Digits + Upper + Lower;
        var sb = new StringBuilder();
        do
        {
            sb.Insert(0, alphabet[(int)(value % 62)]);
            value /= 62;
        }
        while (value > 0);
        return sb.ToString().PadLeft(width, '0');
    }

    /// <summary>A GitHub token: prefix + 30 random base62 + base62(CRC32(random 30)) padded to 6.</summary>
    public string GitHubToken(string prefix, bool validChecksum = true)
    {
        string body = Body(30, Alnum);
        string crc = Base62(Crc32(body), 6);
        if (!validChecksum)
        {
            // Change one checksum character to another base62 character: a look-alike with a wrong checksum.
            char c = crc[5];
            crc = crc.Substring(0, 5) + (c == 'q' ? 'r' : 'q');
        }

        return prefix + body + crc;
    }
}
