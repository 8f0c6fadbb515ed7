using System.Text;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>
/// One key form of one provider. <see cref="SelfIdentifying"/> forms carry a prefix, marker or checksum and must be
/// found under any name; the others look like hashes and must be found where the code or the file names them.
/// </summary>
internal sealed record KeyKind(
    string Provider,
    string Form,
    bool SelfIdentifying,
    Func<KeyForge, string> Make,
    string Ident,          // camelCase variable name for the credential, e.g. mistralApiKey
    string EnvVar,         // the provider's usual environment variable
    string Section,        // configuration section, e.g. Mistral (Mistral:ApiKey)
    string ProviderWord,   // how a sibling "provider" field names it
    string Comment,        // how a comment names it
    string ClientType,     // an SDK-like client type name
    string ConfigKey = "ApiKey") // the key under the section, e.g. ApiKey (Mistral:ApiKey)
{
    public string Id => Provider + "/" + Form;

    /// <summary>The config key in snake case: api_key, secret_access_key.</summary>
    public string ConfigKeySnake => string.Concat(ConfigKey.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Known prefixes, longest first: where a developer would naturally split a key.</summary>
    private static readonly string[] Prefixes =
    {
        "sk-ant-admin01-", "sk-ant-api03-", "sk-ant-oat01-", "sk-svcacct-", "github_pat_", "sk-admin-", "sk-proj-", "sk-None-", "sk-or-v1-",
        "api_org_", "lsv2_pt_", "lsv2_sk_", "tgp_v1_", "nvapi-", "sk-lf-", "pcsk_", "pplx-", "AIza", "AKIA", "ASIA", "ABSK", "gsk_", "xai-",
        "csk-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "key_", "hf_", "r8_", "fw_", "pa-", "sk-", "sk_",
    };

    /// <summary>Index after the key's prefix, or the middle of a key with no prefix.</summary>
    public int PrefixEnd(string key)
    {
        foreach (string p in Prefixes)
        {
            if (key.StartsWith(p, StringComparison.Ordinal))
            {
                return p.Length;
            }
        }

        return key.Length / 2;
    }
}

/// <summary>The provider × form table, from <c>shared/reference/ai-key-formats.md</c> (master table).</summary>
internal static class Providers
{
    private static KeyKind Self(string provider, string form, Func<KeyForge, string> make, string ident, string env, string section, string word, string client) =>
        new(provider, form, true, make, ident, env, section, word, provider + " API key", client);

    private static KeyKind Named(string provider, string form, Func<KeyForge, string> make, string ident, string env, string section, string word, string client) =>
        new(provider, form, false, make, ident, env, section, word, provider + " API key", client);

    private static string M => KeyForge.OpenAiMarker;

    public static readonly IReadOnlyList<KeyKind> All = new List<KeyKind>
    {
        // OpenAI: every sk- form embeds base64("OpenAI") = T3BlbkFJ.
        Self("OpenAI", "legacy sk-", f => "sk-" + f.Body(20, KeyForge.Alnum) + M + f.Body(20, KeyForge.Alnum), "openAiApiKey", "OPENAI_API_KEY", "OpenAI", "openai", "OpenAIClient"),
        Self("OpenAI", "project 74", f => "sk-" + "proj-" + f.Body(74, KeyForge.UrlSafe) + M + f.Body(73, KeyForge.UrlSafe) + "A", "openAiApiKey", "OPENAI_API_KEY", "OpenAI", "openai", "OpenAIClient"),
        Self("OpenAI", "project 58", f => "sk-" + "proj-" + f.Body(58, KeyForge.UrlSafe) + M + f.Body(57, KeyForge.UrlSafe) + "A", "openAiApiKey", "OPENAI_API_KEY", "OpenAI", "openai", "OpenAIClient"),
        Self("OpenAI", "service account", f => "sk-" + "svcacct-" + f.Body(74, KeyForge.UrlSafe) + M + f.Body(73, KeyForge.UrlSafe) + "A", "openAiApiKey", "OPENAI_API_KEY", "OpenAI", "openai", "OpenAIClient"),
        Self("OpenAI", "admin", f => "sk-" + "admin-" + f.Body(58, KeyForge.UrlSafe) + M + f.Body(57, KeyForge.UrlSafe) + "A", "openAiAdminKey", "OPENAI_ADMIN_KEY", "OpenAI", "openai", "OpenAIClient"),
        Self("OpenAI", "sk-None- long", f => "sk-" + "None-" + f.Body(74, KeyForge.UrlSafe) + M + f.Body(74, KeyForge.UrlSafe), "openAiApiKey", "OPENAI_API_KEY", "OpenAI", "openai", "OpenAIClient"),

        // Anthropic: sk-ant-<kind>NN- + 93 url-safe + AA.
        Self("Anthropic", "api03", f => "sk-" + "ant-api03-" + f.Body(93, KeyForge.UrlSafe) + "AA", "anthropicApiKey", "ANTHROPIC_API_KEY", "Anthropic", "anthropic", "AnthropicClient"),
        Self("Anthropic", "admin01", f => "sk-" + "ant-admin01-" + f.Body(93, KeyForge.UrlSafe) + "AA", "anthropicAdminKey", "ANTHROPIC_ADMIN_KEY", "Anthropic", "anthropic", "AnthropicClient"),
        Self("Anthropic", "Claude Code OAuth oat01", f => "sk-" + "ant-oat01-" + f.Body(93, KeyForge.UrlSafe) + "AA", "claudeCodeOauthToken", "CLAUDE_CODE_OAUTH_TOKEN", "Anthropic", "anthropic", "AnthropicClient"),

        // Azure OpenAI identifiable 84-char key: 52 base62 + JQQJ99 + year + month[A-L] + 12 + AAAB + ACOG + 4.
        Self("Azure OpenAI", "identifiable 84", f => f.Body(52, KeyForge.Alnum) + "JQQJ" + "99" + "B" + "ABCDEFGHIJKL"[f.Next(12)] + f.Body(12, KeyForge.Alnum, false) + "AAAB" + "ACOG" + f.Body(4, KeyForge.Alnum, false), "azureOpenAiKey", "AZURE_OPENAI_API_KEY", "AzureOpenAI", "azure-openai", "AzureOpenAIClient"),

        // Google: AIza + 35 url-safe; in practice AIzaSy + 33.
        Self("Google", "AIza", f => "AI" + "zaSy" + f.Body(33, KeyForge.UrlSafe), "geminiApiKey", "GEMINI_API_KEY", "Gemini", "gemini", "GeminiClient"),

        Self("Hugging Face", "user hf_", f => "hf" + "_" + f.Body(34, KeyForge.Upper + KeyForge.Lower), "huggingFaceToken", "HF_TOKEN", "HuggingFace", "huggingface", "HuggingFaceClient"),
        Self("Hugging Face", "org api_org_", f => "api" + "_org_" + f.Body(34, KeyForge.Upper + KeyForge.Lower), "huggingFaceToken", "HF_TOKEN", "HuggingFace", "huggingface", "HuggingFaceClient"),
        Self("Groq", "gsk_", f => "gsk" + "_" + f.Body(52, KeyForge.Alnum), "groqApiKey", "GROQ_API_KEY", "Groq", "groq", "GroqClient"),
        Self("Replicate", "r8_", f => "r8" + "_" + f.Body(37, KeyForge.Alnum), "replicateApiToken", "REPLICATE_API_TOKEN", "Replicate", "replicate", "ReplicateClient"),
        Self("xAI", "xai-", f => "xai" + "-" + f.Body(80, KeyForge.Alnum), "xaiApiKey", "XAI_API_KEY", "XAI", "xai", "XaiClient"),
        Self("Perplexity", "pplx-", f => "pplx" + "-" + f.Body(48, KeyForge.Alnum), "perplexityApiKey", "PERPLEXITY_API_KEY", "Perplexity", "perplexity", "PerplexityClient"),
        Self("OpenRouter", "sk-or-v1-", f => "sk-" + "or-v1-" + f.Body(64, KeyForge.LowerHex), "openRouterApiKey", "OPENROUTER_API_KEY", "OpenRouter", "openrouter", "OpenRouterClient"),
        Self("Together AI", "tgp_v1_", f => "tgp" + "_v1_" + f.Body(43, KeyForge.UrlSafe), "togetherApiKey", "TOGETHER_API_KEY", "Together", "together", "TogetherClient"),
        Self("Pinecone", "pcsk_", f => "pcsk" + "_" + f.Body(5, KeyForge.Alnum, false) + "_" + f.Body(63, KeyForge.Alnum), "pineconeApiKey", "PINECONE_API_KEY", "Pinecone", "pinecone", "PineconeClient"),
        Self("LangSmith", "lsv2_pt_", f => "lsv2" + "_pt_" + f.Body(32, KeyForge.LowerHex) + "_" + f.Body(10, KeyForge.LowerHex), "langSmithApiKey", "LANGSMITH_API_KEY", "LangSmith", "langsmith", "LangSmithClient"),
        Self("LangSmith", "lsv2_sk_", f => "lsv2" + "_sk_" + f.Body(32, KeyForge.LowerHex) + "_" + f.Body(10, KeyForge.LowerHex), "langSmithApiKey", "LANGSMITH_API_KEY", "LangSmith", "langsmith", "LangSmithClient"),
        Self("NVIDIA", "nvapi-", f => "nv" + "api-" + f.Body(64, KeyForge.UrlSafe), "nvidiaApiKey", "NVIDIA_API_KEY", "Nvidia", "nvidia", "NvidiaClient"),
        Self("Cerebras", "csk-", f => "csk" + "-" + f.Body(48, KeyForge.Lower + KeyForge.Digits), "cerebrasApiKey", "CEREBRAS_API_KEY", "Cerebras", "cerebras", "CerebrasClient"),
        Self("GitHub", "ghp_", f => f.GitHubToken("gh" + "p_"), "githubToken", "GITHUB_TOKEN", "GitHub", "github", "GitHubClient"),
        Self("GitHub", "gho_", f => f.GitHubToken("gh" + "o_"), "githubToken", "GITHUB_TOKEN", "GitHub", "github", "GitHubClient"),
        Self("GitHub", "ghu_ (Copilot)", f => f.GitHubToken("gh" + "u_"), "githubToken", "GITHUB_TOKEN", "GitHub", "github", "GitHubClient"),
        Self("GitHub", "ghs_", f => f.GitHubToken("gh" + "s_"), "githubToken", "GITHUB_TOKEN", "GitHub", "github", "GitHubClient"),
        Self("GitHub", "ghr_", f => f.GitHubToken("gh" + "r_"), "githubToken", "GITHUB_TOKEN", "GitHub", "github", "GitHubClient"),
        Self("GitHub", "github_pat_", f => "github" + "_pat_" + "11" + f.Body(20, KeyForge.Upper + KeyForge.Digits) + "_" + f.Body(59, KeyForge.Alnum), "githubToken", "GITHUB_TOKEN", "GitHub", "github", "GitHubClient"),
        Self("AWS", "AKIA id", f => "AK" + "IA" + f.Body(16, KeyForge.Base32), "awsAccessKeyId", "AWS_ACCESS_KEY_ID", "AWS", "aws", "AmazonBedrockRuntimeClient"),
        Self("AWS", "ASIA id", f => "AS" + "IA" + f.Body(16, KeyForge.Base32), "awsAccessKeyId", "AWS_ACCESS_KEY_ID", "AWS", "aws", "AmazonBedrockRuntimeClient"),
        Self("AWS", "AKIA id, letters only", f => "AK" + "IA" + f.Body(16, KeyForge.Upper), "awsAccessKeyId", "AWS_ACCESS_KEY_ID", "AWS", "aws", "AmazonBedrockRuntimeClient"),
        Self("AWS", "Bedrock ABSK", f => "AB" + "SK" + Convert.ToBase64String(Encoding.ASCII.GetBytes("BedrockAPIKey-" + f.Body(4, KeyForge.Lower + KeyForge.Digits, false) + "-at-" + f.Body(12, KeyForge.Digits, false) + ":" + f.Body(60, KeyForge.Base64))), "bedrockApiKey", "AWS_BEARER_TOKEN_BEDROCK", "Bedrock", "bedrock", "AmazonBedrockRuntimeClient"),

        // No fixed format: found where a name says what they are.
        Named("Azure OpenAI", "classic 32 hex", f => f.Body(32, KeyForge.LowerHex), "azureOpenAiKey", "AZURE_OPENAI_API_KEY", "AzureOpenAI", "azure-openai", "AzureOpenAIClient"),
        Named("Mistral", "32 alnum", f => f.Body(32, KeyForge.Alnum), "mistralApiKey", "MISTRAL_API_KEY", "Mistral", "mistral", "MistralClient"),
        Named("Cohere", "40 alnum", f => f.Body(40, KeyForge.Alnum), "cohereApiKey", "CO_API_KEY", "Cohere", "cohere", "CohereClient"),
        Named("DeepSeek", "sk- 32 hex", f => "sk-" + f.Body(32, KeyForge.LowerHex), "deepSeekApiKey", "DEEPSEEK_API_KEY", "DeepSeek", "deepseek", "DeepSeekClient"),
        new("AWS", "secret access key", false, f => f.Body(40, KeyForge.Base64), "awsSecretAccessKey", "AWS_SECRET_ACCESS_KEY", "AWS", "aws", "AWS secret access key", "AmazonBedrockRuntimeClient", "SecretAccessKey"),
        Named("ElevenLabs", "sk_ 48 hex", f => "sk" + "_" + f.Body(48, KeyForge.LowerHex), "elevenLabsApiKey", "ELEVENLABS_API_KEY", "ElevenLabs", "elevenlabs", "ElevenLabsClient"),
        Named("Stability AI", "sk- 48 alnum", f => "sk-" + f.Body(48, KeyForge.Alnum), "stabilityApiKey", "STABILITY_API_KEY", "StabilityAI", "stability", "StabilityClient"),
        Named("Voyage AI", "pa- 43", f => "pa" + "-" + f.Body(43, KeyForge.UrlSafe), "voyageApiKey", "VOYAGE_API_KEY", "VoyageAI", "voyage", "VoyageClient"),
        Named("Fireworks", "fw_", f => "fw" + "_" + f.Body(24, KeyForge.Alnum), "fireworksApiKey", "FIREWORKS_API_KEY", "Fireworks", "fireworks", "FireworksClient"),
        Named("Langfuse", "sk-lf- uuid", f => "sk-" + "lf-" + f.Guid(), "langfuseSecretKey", "LANGFUSE_SECRET_KEY", "Langfuse", "langfuse", "LangfuseClient"),
        Named("Weights & Biases", "40 hex", f => f.Body(40, KeyForge.LowerHex), "wandbApiKey", "WANDB_API_KEY", "Wandb", "wandb", "WandbClient"),
        Named("AssemblyAI", "32 hex", f => f.Body(32, KeyForge.LowerHex), "assemblyAiApiKey", "ASSEMBLYAI_API_KEY", "AssemblyAI", "assemblyai", "AssemblyAIClient"),
        Named("DeepInfra", "32 alnum", f => f.Body(32, KeyForge.Alnum), "deepInfraApiKey", "DEEPINFRA_API_KEY", "DeepInfra", "deepinfra", "DeepInfraClient"),
        Named("Cursor", "key_ 64 hex", f => "key" + "_" + f.Body(64, KeyForge.LowerHex), "cursorApiKey", "CURSOR_API_KEY", "Cursor", "cursor", "CursorClient"),
    };
}
