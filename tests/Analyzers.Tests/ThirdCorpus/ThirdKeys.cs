using System.Text;

namespace Guardrails.Analyzers.Tests.ThirdCorpus;

/// <summary>
/// One provider key form. <paramref name="Gated"/> forms have no marker of their own (Mistral's 32 characters, an AWS
/// secret's 40): only a name or a sibling says what they are, so they are placed only in naming contexts.
/// <paramref name="Word"/> is the provider as a developer names it (camel case); <paramref name="Env"/> its usual
/// environment variable.
/// </summary>
internal sealed record ThirdKey(string Id, string Word, string Env, bool Gated, Func<Random, string> Make);

/// <summary>
/// Fake keys with the real shape, written from shared/reference/ai-key-formats.md (prefixes, lengths, alphabets,
/// markers, GitHub's CRC32) — not from the detector. Bodies come from a seeded <see cref="Random"/>; a body never holds
/// three equal or three consecutive characters in a row. Prefixes and markers are split so this file is no leak.
/// </summary>
internal static class ThirdKeys
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Alnum = Upper + Lower + Digits;
    public const string Url = Alnum + "_-";
    public const string HexLower = "0123456789abcdef";
    public const string Base62 = Digits + Upper + Lower;

    /// <summary>base64("OpenAI"): the marker in every OpenAI key.</summary>
    public static readonly string OpenAiMarker = "T3Bl" + "bkFJ";

    /// <summary>A random body: no run of three equal characters, no three consecutive ones (abc, 123, cba).</summary>
    public static string Body(Random r, int length, string alphabet)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            char c = alphabet[r.Next(alphabet.Length)];
            int n = sb.Length;
            if (n >= 2)
            {
                char a = sb[n - 2];
                char b = sb[n - 1];
                if ((a == b && b == c) || (b - a == 1 && c - b == 1) || (a - b == 1 && b - c == 1))
                {
                    continue;
                }
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>CRC-32 (zlib, reflected 0xEDB88320) — GitHub's token checksum.</summary>
    public static uint Crc32(string s)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in Encoding.ASCII.GetBytes(s))
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Base62 (0-9A-Za-z) of <paramref name="v"/>, left-padded with '0' to six characters.</summary>
    public static string ToBase62(uint v)
    {
        var sb = new StringBuilder();
        ulong x = v;
        while (x > 0)
        {
            sb.Insert(0, Base62[(int)(x % 62)]);
            x /= 62;
        }

        return sb.ToString().PadLeft(6, '0');
    }

    public static string GitHub(Random r, char kind)
    {
        string body = Body(r, 30, Alnum);
        return "gh" + kind + "_" + body + ToBase62(Crc32(body));
    }

    /// <summary>A GitHub-shaped token whose checksum is wrong: not a token (a trap).</summary>
    public static string GitHubWrongChecksum(Random r)
    {
        string body = Body(r, 30, Alnum);
        string good = ToBase62(Crc32(body));
        string bad;
        do
        {
            bad = Body(r, 6, Base62);
        }
        while (bad == good);
        return "gh" + "p_" + body + bad;
    }

    public static string Uuid(Random r) =>
        Body(r, 8, HexLower) + "-" + Body(r, 4, HexLower) + "-4" + Body(r, 3, HexLower) + "-a" + Body(r, 3, HexLower) + "-" + Body(r, 12, HexLower);

    private static string Bedrock(Random r)
    {
        string inner = "BedrockAPIKey-" + Body(r, 4, Lower + Digits) + "-at-" + Body(r, 12, Digits) + ":" + Body(r, 60, Alnum + "+/");
        return "AB" + "SK" + Convert.ToBase64String(Encoding.ASCII.GetBytes(inner));
    }

    private static string BedrockShort(Random r)
    {
        string url = "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" +
            "AS" + "IA" + Body(r, 16, Upper + "234567") + "%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20260101T120000Z" +
            "&X-Amz-Expires=43200&X-Amz-Security-Token=" + Body(r, 120, Alnum) + "&X-Amz-Signature=" + Body(r, 64, HexLower) + "&Version=1";
        return "bedrock-" + "api-key-" + Convert.ToBase64String(Encoding.ASCII.GetBytes(url));
    }

    private static string Azure84(Random r, string reserved) =>
        Body(r, 52, Base62) + "JQQJ" + "99" + "B" + "ABCDEFGHIJKL"[r.Next(12)] + Body(r, 12, Base62) + reserved + "AC" + "OG" + Body(r, 4, Base62);

    /// <summary>Forms with a prefix, marker or checksum: a scanner must know them under any name.</summary>
    public static readonly ThirdKey[] Fixed =
    [
        new("openai-proj", "openAi", "OPENAI_API_KEY", false, r => "sk-" + "proj-" + Body(r, 74, Url) + OpenAiMarker + Body(r, 73, Url) + "A"),
        new("openai-svcacct", "openAi", "OPENAI_API_KEY", false, r => "sk-" + "svcacct-" + Body(r, 74, Url) + OpenAiMarker + Body(r, 74, Url)),
        new("openai-admin", "openAi", "OPENAI_ADMIN_KEY", false, r => "sk-" + "admin-" + Body(r, 58, Url) + OpenAiMarker + Body(r, 58, Url)),
        new("openai-legacy", "openAi", "OPENAI_API_KEY", false, r => "sk-" + Body(r, 20, Alnum) + OpenAiMarker + Body(r, 20, Alnum)),
        new("openai-none-long", "openAi", "OPENAI_API_KEY", false, r => "sk-" + "None-" + Body(r, 74, Url) + OpenAiMarker + Body(r, 74, Url)),
        new("anthropic-api03", "anthropic", "ANTHROPIC_API_KEY", false, r => "sk-" + "ant-api03-" + Body(r, 93, Url) + "AA"),
        new("anthropic-admin01", "anthropic", "ANTHROPIC_ADMIN_KEY", false, r => "sk-" + "ant-admin01-" + Body(r, 93, Url) + "AA"),
        new("claude-oauth", "claude", "CLAUDE_CODE_OAUTH_TOKEN", false, r => "sk-" + "ant-oat01-" + Body(r, 95, Url)),
        new("azure84-openai", "azureOpenAi", "AZURE_OPENAI_API_KEY", false, r => Azure84(r, "AAAB")),
        new("azure84-aiservices", "azureAi", "AZURE_AI_SERVICES_KEY", false, r => Azure84(r, "AAAA")),
        new("google-aiza", "gemini", "GEMINI_API_KEY", false, r => "AI" + "zaSy" + Body(r, 33, Url)),
        new("aws-akia", "aws", "AWS_ACCESS_KEY_ID", false, r => "AK" + "IA" + Body(r, 16, Upper + "234567")),
        new("aws-akia-letters", "aws", "AWS_ACCESS_KEY_ID", false, r => "AK" + "IA" + Body(r, 16, Upper)),
        new("aws-asia", "aws", "AWS_ACCESS_KEY_ID", false, r => "AS" + "IA" + Body(r, 16, Upper + "234567")),
        new("bedrock-long", "bedrock", "AWS_BEARER_TOKEN_BEDROCK", false, Bedrock),
        new("bedrock-short", "bedrock", "AWS_BEARER_TOKEN_BEDROCK", false, BedrockShort),
        new("huggingface", "huggingFace", "HF_TOKEN", false, r => "hf" + "_" + Body(r, 34, Upper + Lower)),
        new("groq", "groq", "GROQ_API_KEY", false, r => "gs" + "k_" + Body(r, 52, Alnum)),
        new("replicate", "replicate", "REPLICATE_API_TOKEN", false, r => "r8" + "_" + Body(r, 37, Alnum)),
        new("xai", "xai", "XAI_API_KEY", false, r => "xa" + "i-" + Body(r, 80, Alnum)),
        new("perplexity", "perplexity", "PERPLEXITY_API_KEY", false, r => "pp" + "lx-" + Body(r, 48, Alnum)),
        new("openrouter", "openRouter", "OPENROUTER_API_KEY", false, r => "sk-" + "or-v1-" + Body(r, 64, HexLower)),
        new("together", "together", "TOGETHER_API_KEY", false, r => "tgp" + "_v1_" + Body(r, 43, Url)),
        new("pinecone", "pinecone", "PINECONE_API_KEY", false, r => "pc" + "sk_" + Body(r, 5, Alnum) + "_" + Body(r, 63, Alnum)),
        new("langsmith", "langSmith", "LANGSMITH_API_KEY", false, r => "lsv2" + "_pt_" + Body(r, 32, HexLower) + "_" + Body(r, 10, HexLower)),
        new("nvidia", "nvidia", "NVIDIA_API_KEY", false, r => "nv" + "api-" + Body(r, 64, Url)),
        new("cerebras", "cerebras", "CEREBRAS_API_KEY", false, r => "cs" + "k-" + Body(r, 48, Lower + Digits)),
        new("voyage", "voyage", "VOYAGE_API_KEY", false, r => "pa" + "-" + Body(r, 43, Url)),
        new("langfuse", "langfuse", "LANGFUSE_SECRET_KEY", false, r => "sk-" + "lf-" + Uuid(r)),
        new("github-ghp", "gitHub", "GITHUB_TOKEN", false, r => GitHub(r, 'p')),
        new("github-ghu", "copilot", "GITHUB_TOKEN", false, r => GitHub(r, 'u')),
        new("github-pat", "gitHub", "GITHUB_PERSONAL_ACCESS_TOKEN", false, r => "github" + "_pat_" + "11" + Body(r, 20, Upper + Digits) + "_" + Body(r, 59, Alnum)),
    ];

    /// <summary>Forms that are only random characters: a name or a sibling must say which provider they belong to.</summary>
    public static readonly ThirdKey[] Gated =
    [
        new("mistral", "mistral", "MISTRAL_API_KEY", true, r => Body(r, 32, Alnum)),
        new("cohere", "cohere", "CO_API_KEY", true, r => Body(r, 40, Alnum)),
        new("azure-hex32", "azureOpenAi", "AZURE_OPENAI_API_KEY", true, r => Body(r, 32, HexLower)),
        new("deepseek", "deepSeek", "DEEPSEEK_API_KEY", true, r => "sk-" + Body(r, 32, HexLower)),
        new("elevenlabs", "elevenLabs", "ELEVENLABS_API_KEY", true, r => "sk" + "_" + Body(r, 48, HexLower)),
        new("stability", "stability", "STABILITY_API_KEY", true, r => "sk-" + Body(r, 48, Alnum)),
        new("aws-secret", "aws", "AWS_SECRET_ACCESS_KEY", true, r => Body(r, 40, Alnum + "+/")),
        new("assemblyai", "assemblyAi", "ASSEMBLYAI_API_KEY", true, r => Body(r, 32, HexLower)),
        new("wandb", "wandb", "WANDB_API_KEY", true, r => Body(r, 40, HexLower)),
        new("deepinfra", "deepInfra", "DEEPINFRA_API_KEY", true, r => Body(r, 32, Alnum)),
        new("cursor", "cursor", "CURSOR_API_KEY", true, r => "key" + "_" + Body(r, 64, HexLower)),
        new("fireworks", "fireworks", "FIREWORKS_API_KEY", true, r => "fw" + "_" + Body(r, 24, Alnum)),
    ];

    public static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

    public static string Snake(string word)
    {
        var sb = new StringBuilder();
        foreach (char c in word)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
