namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// GitHub's token checksum: the last 6 characters of a <c>gh?_</c> token are the CRC32 (zlib/IEEE) of the 30
    /// random characters, base62-encoded with alphabet 0-9A-Za-z and left-padded with '0'. Described in GitHub's
    /// 2021 post "Behind GitHub's new authentication token formats"; the encoding detail follows CredSweeper's
    /// value_github_check filter.
    /// </summary>
    internal static class GitHubChecksum
    {
        private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        private static readonly uint[] Table = BuildTable();

        public static uint Crc32(string text, int start, int count)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = start; i < start + count; i++)
            {
                crc = Table[(crc ^ (byte)text[i]) & 0xFF] ^ (crc >> 8);
            }

            return ~crc;
        }

        /// <summary>True when text[checksumStart..+6) is the base62 CRC32 of text[bodyStart..+bodyLength).</summary>
        public static bool Matches(string text, int bodyStart, int bodyLength, int checksumStart)
        {
            uint value = Crc32(text, bodyStart, bodyLength);
            for (int i = checksumStart + 5; i >= checksumStart; i--)
            {
                if (text[i] != Base62[(int)(value % 62)])
                {
                    return false;
                }

                value /= 62;
            }

            return value == 0;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
