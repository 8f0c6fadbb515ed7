using System.Text;

namespace Guardrails.Analyzers.Tests.OutsiderCorpus;

/// <summary>
/// A key form of one provider, written from shared/reference/ai-key-formats.md and the providers' documentation,
/// not from the detector. Bodies are random (seeded) with a fake marker (FAKE / Fake / fa6e) inside where the
/// alphabet allows it; fixed prefixes are split in the source so the repository never holds a literal key.
/// </summary>
/// <param name="Id">form id, e.g. openai-proj</param>
/// <param name="Provider">provider display name</param>
/// <param name="Fixed">true when the form identifies itself (prefix + length, marker or checksum): must be found under any name</param>
/// <param name="Camel">provider word for identifiers: mistral → mistralApiKey</param>
/// <param name="Env">the provider's usual environment variable</param>
/// <param name="Section">the usual configuration section</param>
internal sealed record KeyForm(string Id, string Provider, bool Fixed, Func<Random, string> Make, string Camel, string Env, string Section);

internal static class OutsiderKeys
{
    public const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string UrlSafe = Alnum + "_-";
    public const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const string HexLower = "0123456789abcdef";
    public const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string UpperNoDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    public const string UpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public const string Base64Body = Alnum + "+/";

    /// <summary>base64("OpenAI").</summary>
    private static readonly string OpenAiMarker = "T3Blbk" + "FJ";

    /// <summary>A random body; a fake marker overwrites a random position when the alphabet has its characters.</summary>
    public static string Body(Random r, string alphabet, int n)
    {
        var c = new char[n];
        for (int i = 0; i < n; i++)
        {
            char next;
            do
            {
                next = alphabet[r.Next(alphabet.Length)];
            }
            while (i > 0 && next == c[i - 1]); // no runs

            c[i] = next;
        }

        foreach (string mark in new[] { "FAKE", "Fake", "fa6e", "fake" })
        {
            if (n >= mark.Length + 8 && mark.All(ch => alphabet.IndexOf(ch) >= 0))
            {
                int at = 2 + r.Next(n - mark.Length - 4);
                for (int i = 0; i < mark.Length; i++)
                {
                    c[at + i] = mark[i];
                }

                break;
            }
        }

        return new string(c);
    }

    /// <summary>GitHub's checksum: CRC32 (zlib) of the 30 random characters, base62, left-padded to 6 (FakeKeys does the same).</summary>
    public static string GitHub(Random r, string kind)
    {
        string body = Body(r, Alnum, 30);
        return "gh" + kind + "_" + body + Guardrails.Tests.Shared.FakeKeys.Base62Crc32(body);
    }

    private static string Bedrock(Random r) =>
        "AB" + "SK" + Convert.ToBase64String(Encoding.ASCII.GetBytes(
            "BedrockAPIKey-" + Body(r, "abcdefghijklmnopqrstuvwxyz", 1) + Body(r, LowerAlnum, 3) + "-at-" + Digits(r, 12) + ":" + Body(r, Base64Body, 60)));

    private static string Digits(Random r, int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append((char)('1' + r.Next(9)));
        }

        return sb.ToString();
    }

    /// <summary>Azure's identifiable 84-char key: 52 + JQQJ99 + year + month + 12 + reserved + ACOG + 4 (checksum not reproduced, see the reference).</summary>
    private static string Azure84(Random r, string reserved) =>
        Body(r, Alnum, 52) + "JQQJ" + "99" + "A" + "BCDEFGHIJKL"[r.Next(11)] + Body(r, Alnum, 12) + reserved + "AC" + "OG" + Body(r, Alnum, 4);

    private static string Uuid(Random r) =>
        Body(r, HexLower, 8) + "-" + Body(r, HexLower, 4) + "-4" + Body(r, HexLower, 3) + "-a" + Body(r, HexLower, 3) + "-" + Body(r, HexLower, 12);

    public static readonly KeyForm[] Fixed =
    [
        new("openai-proj", "OpenAI", true, r => "sk-" + "proj-" + Body(r, UrlSafe, 74) + OpenAiMarker + Body(r, UrlSafe, 74), "openAi", "OPENAI_API_KEY", "OpenAI"),
        new("openai-proj-58", "OpenAI", true, r => "sk-" + "proj-" + Body(r, UrlSafe, 58) + OpenAiMarker + Body(r, UrlSafe, 58), "openAi", "OPENAI_API_KEY", "OpenAI"),
        new("openai-svcacct", "OpenAI", true, r => "sk-" + "svcacct-" + Body(r, UrlSafe, 74) + OpenAiMarker + Body(r, UrlSafe, 74), "openAi", "OPENAI_API_KEY", "OpenAI"),
        new("openai-admin", "OpenAI", true, r => "sk-" + "admin-" + Body(r, UrlSafe, 58) + OpenAiMarker + Body(r, UrlSafe, 58), "openAi", "OPENAI_ADMIN_KEY", "OpenAI"),
        new("openai-legacy", "OpenAI", true, r => "sk-" + Body(r, Alnum, 20) + OpenAiMarker + Body(r, Alnum, 20), "openAi", "OPENAI_API_KEY", "OpenAI"),
        new("openai-none", "OpenAI", true, r => "sk-" + "None-" + Body(r, UrlSafe, 74) + OpenAiMarker + Body(r, UrlSafe, 74), "openAi", "OPENAI_API_KEY", "OpenAI"),
        new("anthropic-api03", "Anthropic", true, r => "sk-" + "ant-" + "api03-" + Body(r, UrlSafe, 93) + "AA", "anthropic", "ANTHROPIC_API_KEY", "Anthropic"),
        new("anthropic-admin01", "Anthropic", true, r => "sk-" + "ant-" + "admin01-" + Body(r, UrlSafe, 93) + "AA", "anthropic", "ANTHROPIC_ADMIN_KEY", "Anthropic"),
        new("claude-oauth", "Anthropic", true, r => "sk-" + "ant-" + "oat01-" + Body(r, UrlSafe, 95), "claude", "CLAUDE_CODE_OAUTH_TOKEN", "Claude"),
        new("azure-84-openai", "Azure OpenAI", true, r => Azure84(r, "AAAB"), "azureOpenAi", "AZURE_OPENAI_API_KEY", "AzureOpenAI"),
        new("azure-84-aiservices", "Azure AI services", true, r => Azure84(r, "AAAA"), "azureAiServices", "AZURE_AI_SERVICES_KEY", "AzureAIServices"),
        new("google-aiza", "Google", true, r => "AI" + "za" + "Sy" + Body(r, UrlSafe, 33), "gemini", "GEMINI_API_KEY", "Gemini"),
        new("aws-akia", "AWS", true, r => "AK" + "IA" + Body(r, Base32, 16), "aws", "AWS_ACCESS_KEY_ID", "AWS"),
        new("aws-akia-letters", "AWS", true, r => "AK" + "IA" + Body(r, UpperNoDigits, 16), "aws", "AWS_ACCESS_KEY_ID", "AWS"),
        new("aws-asia", "AWS", true, r => "AS" + "IA" + Body(r, Base32, 16), "aws", "AWS_ACCESS_KEY_ID", "AWS"),
        new("bedrock-long", "AWS Bedrock", true, Bedrock, "bedrock", "AWS_BEARER_TOKEN_BEDROCK", "Bedrock"),
        new("huggingface", "Hugging Face", true, r => "hf" + "_" + Body(r, Letters, 34), "huggingFace", "HF_TOKEN", "HuggingFace"),
        new("groq", "Groq", true, r => "gs" + "k_" + Body(r, Alnum, 52), "groq", "GROQ_API_KEY", "Groq"),
        new("replicate", "Replicate", true, r => "r8" + "_" + Body(r, Alnum, 37), "replicate", "REPLICATE_API_TOKEN", "Replicate"),
        new("xai", "xAI", true, r => "xa" + "i-" + Body(r, Alnum, 80), "xAi", "XAI_API_KEY", "XAI"),
        new("perplexity", "Perplexity", true, r => "pp" + "lx-" + Body(r, Alnum, 48), "perplexity", "PERPLEXITY_API_KEY", "Perplexity"),
        new("openrouter", "OpenRouter", true, r => "sk-" + "or-" + "v1-" + Body(r, HexLower, 64), "openRouter", "OPENROUTER_API_KEY", "OpenRouter"),
        new("together", "Together AI", true, r => "tgp" + "_v1_" + Body(r, UrlSafe, 43), "together", "TOGETHER_API_KEY", "Together"),
        new("nvidia", "NVIDIA", true, r => "nv" + "api-" + Body(r, UrlSafe, 64), "nvidia", "NVIDIA_API_KEY", "Nvidia"),
        new("pinecone", "Pinecone", true, r => "pc" + "sk_" + Body(r, Alnum, 5) + "_" + Body(r, Alnum, 63), "pinecone", "PINECONE_API_KEY", "Pinecone"),
        new("langsmith-pt", "LangSmith", true, r => "lsv2" + "_pt_" + Body(r, HexLower, 32) + "_" + Body(r, HexLower, 10), "langSmith", "LANGSMITH_API_KEY", "LangSmith"),
        new("langsmith-sk", "LangSmith", true, r => "lsv2" + "_sk_" + Body(r, HexLower, 32) + "_" + Body(r, HexLower, 10), "langSmith", "LANGSMITH_API_KEY", "LangSmith"),
        new("github-ghp", "GitHub", true, r => GitHub(r, "p"), "gitHub", "GITHUB_TOKEN", "GitHub"),
        new("github-gho", "GitHub", true, r => GitHub(r, "o"), "gitHub", "GITHUB_TOKEN", "GitHub"),
        new("github-ghu", "GitHub", true, r => GitHub(r, "u"), "gitHub", "GITHUB_TOKEN", "GitHub"),
        new("github-ghs", "GitHub", true, r => GitHub(r, "s"), "gitHub", "GITHUB_TOKEN", "GitHub"),
        new("github-pat", "GitHub", true, r => "github" + "_pat_" + "11" + Body(r, UpperDigits, 20) + "_" + Body(r, Alnum, 59), "gitHub", "GITHUB_PERSONAL_ACCESS_TOKEN", "GitHub"),
        new("cerebras", "Cerebras", true, r => "cs" + "k-" + Body(r, LowerAlnum, 48), "cerebras", "CEREBRAS_API_KEY", "Cerebras"),
    ];

    /// <summary>Keys with no fixed format (or a short, generic prefix): found only where the code or file names the provider.</summary>
    public static readonly KeyForm[] Gated =
    [
        new("azure-hex32", "Azure OpenAI", false, r => Body(r, HexLower, 32), "azureOpenAi", "AZURE_OPENAI_API_KEY", "AzureOpenAI"),
        new("azure-speech-hex32", "Azure Speech", false, r => Body(r, HexLower, 32), "azureSpeech", "AZURE_SPEECH_KEY", "AzureSpeech"),
        new("azure-search-52", "Azure AI Search", false, r => Body(r, Alnum, 42) + "Az" + "Se" + "ABCD"[r.Next(4)] + Body(r, Alnum, 5), "azureSearch", "AZURE_SEARCH_API_KEY", "AzureSearch"),
        new("mistral", "Mistral", false, r => Body(r, Alnum, 32), "mistral", "MISTRAL_API_KEY", "Mistral"),
        new("cohere", "Cohere", false, r => Body(r, Alnum, 40), "cohere", "CO_API_KEY", "Cohere"),
        new("deepseek", "DeepSeek", false, r => "sk" + "-" + Body(r, HexLower, 32), "deepSeek", "DEEPSEEK_API_KEY", "DeepSeek"),
        new("deepinfra", "DeepInfra", false, r => Body(r, Alnum, 32), "deepInfra", "DEEPINFRA_API_KEY", "DeepInfra"),
        new("assemblyai", "AssemblyAI", false, r => Body(r, HexLower, 32), "assemblyAi", "ASSEMBLYAI_API_KEY", "AssemblyAI"),
        new("deepgram", "Deepgram", false, r => Body(r, HexLower, 40), "deepgram", "DEEPGRAM_API_KEY", "Deepgram"),
        new("wandb", "Weights & Biases", false, r => Body(r, HexLower, 40), "wandb", "WANDB_API_KEY", "WandB"),
        new("aws-secret", "AWS", false, r => Body(r, Base64Body, 40), "awsSecretAccess", "AWS_SECRET_ACCESS_KEY", "AWS"),
        new("elevenlabs", "ElevenLabs", false, r => "sk" + "_" + Body(r, HexLower, 48), "elevenLabs", "ELEVENLABS_API_KEY", "ElevenLabs"),
        new("stability", "Stability AI", false, r => "sk" + "-" + Body(r, Alnum, 48), "stability", "STABILITY_API_KEY", "Stability"),
        new("fireworks", "Fireworks", false, r => "fw" + "_" + Body(r, Alnum, 24), "fireworks", "FIREWORKS_API_KEY", "Fireworks"),
        new("voyage", "Voyage AI", false, r => "pa" + "-" + Body(r, UrlSafe, 43), "voyage", "VOYAGE_API_KEY", "Voyage"),
        new("langfuse", "Langfuse", false, r => "sk" + "-lf-" + Uuid(r), "langfuse", "LANGFUSE_SECRET_KEY", "Langfuse"),
        new("cursor", "Cursor", false, r => "key" + "_" + Body(r, HexLower, 64), "cursor", "CURSOR_API_KEY", "Cursor"),
    ];

    /// <summary>A high-entropy secret of no provider under a key-like name: GRD006 (warning).</summary>
    public static readonly KeyForm Generic = new("generic", "(none)", false, r => Body(r, Alnum, 40), "payments", "PAYMENTS_API_KEY", "Payments");

    /// <summary>A Google service-account JSON (the PEM body is random base64).</summary>
    public static string ServiceAccountJson(Random r, string newline = "\\n") =>
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"fake-project-" + Body(r, LowerAlnum, 6) + "\",\n  \"private_key_id\": \"" + Body(r, HexLower, 40) + "\",\n" +
        "  \"private_key\": \"-----BEGIN " + "PRIVATE KEY-----" + newline + "MIIEv" + Body(r, Base64Body, 59) + newline + Body(r, Base64Body, 64) + newline +
        Body(r, Base64Body, 64) + newline + Body(r, Base64Body, 20) + "==" + newline + "-----END " + "PRIVATE KEY-----" + newline + "\",\n" +
        "  \"client_email\": \"fake-sa@fake-project.iam.gserviceaccount.com\",\n" +
        "  \"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\"\n}";
}
