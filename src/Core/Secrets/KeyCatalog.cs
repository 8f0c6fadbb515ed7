using System.Collections.Generic;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Every key format Guardrails knows, in one place. Each entry cites where its shape comes from; the
    /// matching code is in <see cref="SecretScanner"/> (self-identifying formats) and in the named-value
    /// matcher (context-gated formats). docs/secrets-catalog.md is the readable version of this table.
    /// Source tags: GL gitleaks rules, BL betterleaks rules, TH TruffleHog detectors, SL secretlint rules,
    /// KF kingfisher rules, MS microsoft/security-utilities, GH GitHub "Supported secret scanning patterns".
    /// </summary>
    public static class KeyCatalog
    {
        private const string OpenAiKeys = "https://platform.openai.com/api-keys";
        private const string AnthropicKeys = "https://console.anthropic.com/settings/keys";
        private const string AzureRotate = "https://learn.microsoft.com/azure/ai-services/rotate-keys";
        private const string GitHubRevoke = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation";

        // ---- OpenAI: every current key embeds T3BlbkFJ = base64("OpenAI") -------------------------------------

        public static readonly KeyFormat OpenAiProject = new KeyFormat(
            "openai-project", "OpenAI", "project API key", "sk-proj-", "sk-proj- + 74|58 [A-Za-z0-9_-] + T3BlbkFJ + same count",
            "OPENAI_API_KEY", OpenAiKeys, KeyConfidence.High,
            "OpenAI API reference (Authentication); GL openai.go; TH openai; SL openai; GH openai_api_key");

        public static readonly KeyFormat OpenAiServiceAccount = new KeyFormat(
            "openai-svcacct", "OpenAI", "service-account key", "sk-svcacct-", "sk-svcacct- + 74|58 + T3BlbkFJ + same count",
            "OPENAI_API_KEY", OpenAiKeys, KeyConfidence.High, "GL openai.go; TH openai; SL openai");

        public static readonly KeyFormat OpenAiAdmin = new KeyFormat(
            "openai-admin", "OpenAI", "admin key", "sk-admin-", "sk-admin- + 58|74 + T3BlbkFJ + same count",
            "OPENAI_ADMIN_KEY", "https://platform.openai.com/settings/organization/admin-keys", KeyConfidence.High,
            "OpenAI Administration API docs; GL openai.go; TH openaiadmin");

        public static readonly KeyFormat OpenAiUserNone = new KeyFormat(
            "openai-none", "OpenAI", "user API key (no project)", "sk-None-", "sk-None- + 74|58 + T3BlbkFJ + same count",
            "OPENAI_API_KEY", OpenAiKeys, KeyConfidence.High, "KF openai examples; TH openai (any sk-…T3BlbkFJ)");

        public static readonly KeyFormat OpenAiUserNoneShort = new KeyFormat(
            "openai-none-short", "OpenAI", "user API key (no project, short form)", "sk-None-", "sk-None- + 48 [A-Za-z0-9]",
            "OPENAI_API_KEY", OpenAiKeys, KeyConfidence.Medium, "KF PR #180 (short sk-None- form)");

        public static readonly KeyFormat OpenAiLegacy = new KeyFormat(
            "openai-legacy", "OpenAI", "legacy user API key", "sk-", "sk- + 20 [A-Za-z0-9] + T3BlbkFJ + 20",
            "OPENAI_API_KEY", OpenAiKeys, KeyConfidence.High, "GL openai.go; TH openai; SL openai");

        // ---- Anthropic: sk-ant-<kind><version>- + 93 + AA ------------------------------------------------------

        public static readonly KeyFormat AnthropicApi = new KeyFormat(
            "anthropic-api", "Anthropic", "API key", "sk-ant-api03-", "sk-ant-api0N- + 93 [A-Za-z0-9_-] + AA",
            "ANTHROPIC_API_KEY", AnthropicKeys, KeyConfidence.High,
            "GL anthropic.go; TH anthropic; SL anthropic; GH anthropic_api_key");

        public static readonly KeyFormat AnthropicAdmin = new KeyFormat(
            "anthropic-admin", "Anthropic", "admin API key", "sk-ant-admin01-", "sk-ant-admin01- + 93 [A-Za-z0-9_-] + AA",
            "ANTHROPIC_ADMIN_KEY", "https://console.anthropic.com/settings/admin-keys", KeyConfidence.High,
            "GL anthropic.go (admin rule); TH anthropic; GH anthropic_admin_api_key");

        public static readonly KeyFormat ClaudeCodeOAuth = new KeyFormat(
            "anthropic-oauth", "Anthropic", "Claude Code OAuth token", "sk-ant-oat01-", "sk-ant-oat01-|sk-ant-ort01- + 80..120 [A-Za-z0-9_-]",
            "CLAUDE_CODE_OAUTH_TOKEN", "https://claude.ai/settings/claude-code", KeyConfidence.Medium,
            "GL PR (Claude Code OAuth, 108 chars); KF anthropic; Claude Code docs (claude setup-token)");

        // ---- Azure OpenAI / Azure AI services -----------------------------------------------------------------

        public static readonly KeyFormat AzureOpenAiIdentifiable = new KeyFormat(
            "azure-openai-84", "Azure OpenAI", "API key", "", "52 [A-Za-z0-9] + JQQJ99 + 18 + AAAB + ACOG + 4 (84)",
            "AZURE_OPENAI_API_KEY", AzureRotate, KeyConfidence.High,
            "MS security-utilities (identifiable keys, ACOG signature); GH azure_openai_key");

        public static readonly KeyFormat AzureAiServicesIdentifiable = new KeyFormat(
            "azure-ai-84", "Azure AI services", "API key", "", "52 [A-Za-z0-9] + JQQJ99 + 18 + AAAx + ACOG + 4 (84)",
            "AZURE_AI_SERVICES_KEY", AzureRotate, KeyConfidence.High,
            "MS security-utilities (identifiable keys, ACOG signature); GH azure_ai_services_key");

        public static readonly KeyFormat AzureOpenAiHex = new KeyFormat(
            "azure-openai-32", "Azure OpenAI", "API key", "", "32 hex, named for Azure OpenAI",
            "AZURE_OPENAI_API_KEY", AzureRotate, KeyConfidence.Low,
            "Azure OpenAI docs (keys and endpoint); TH azure_openai (needs context); GH azure_openai_key");

        public static readonly KeyFormat AzureAiServicesHex = new KeyFormat(
            "azure-ai-32", "Azure AI services", "API key", "", "32 hex, named for Azure AI services / AzureKeyCredential",
            "AZURE_AI_SERVICES_KEY", AzureRotate, KeyConfidence.Low,
            "Azure AI services docs (authentication); GH azure_cognitive_services_key");

        /// <summary>
        /// A value passed to <c>new AzureKeyCredential("…")</c> with no provider named near it: the type exists only to carry
        /// a service key (Azure OpenAI, AI services, AI Search, Maps, Event Grid, …), so a random value there is a key
        /// whatever its shape (hex or base62). Placeholders, words and emulator keys stay out.
        /// </summary>
        public static readonly KeyFormat AzureKeyCredential = new KeyFormat(
            "azure-key-credential", "Azure", "key credential (AzureKeyCredential)", "", "random token (32+ characters, hex or base62/base64) passed to AzureKeyCredential",
            "AZURE_AI_SERVICES_KEY", AzureRotate, KeyConfidence.Low,
            "Azure SDK for .NET docs (Azure.Core AzureKeyCredential: \"a key credential for an Azure service\"); Azure AI services key formats");

        /// <summary>The same for <c>new ApiKeyCredential("…")</c> (System.ClientModel: OpenAI, Azure OpenAI and OpenAI-compatible clients).</summary>
        public static readonly KeyFormat ApiKeyCredential = new KeyFormat(
            "api-key-credential", "OpenAI-compatible service", "key credential (ApiKeyCredential)", "", "random token (32+ characters, hex or base62/base64) passed to ApiKeyCredential",
            "OPENAI_API_KEY", "https://platform.openai.com/api-keys", KeyConfidence.Low,
            "System.ClientModel docs (ApiKeyCredential: \"a credential used to authenticate to a service that accepts an API key\")");

        // ---- Google -------------------------------------------------------------------------------------------

        public static readonly KeyFormat GoogleApiKey = new KeyFormat(
            "google-api", "Google", "API key (Gemini / AI Studio)", "AIza", "AIza + 35 [A-Za-z0-9_-]",
            "GEMINI_API_KEY", "https://aistudio.google.com/app/apikey", KeyConfidence.Medium,
            "Google Cloud docs (API keys); GL gcp.go; TH googlegemini; GH google_api_key");

        public static readonly KeyFormat GoogleServiceAccountKey = new KeyFormat(
            "google-service-account", "Google Cloud", "service-account private key", "-----BEGIN PRIVATE KEY-----",
            "\"private_key\": PEM block -----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----",
            "GOOGLE_APPLICATION_CREDENTIALS", "https://cloud.google.com/iam/docs/keys-create-delete", KeyConfidence.High,
            "Google Cloud IAM docs (service account keys); TH gcp; GH google_cloud_service_account_credentials");

        public static readonly KeyFormat PemPrivateKey = new KeyFormat(
            "pem-private-key", "Private key", "PEM private key", "-----BEGIN ", "-----BEGIN [RSA |EC |DSA |OPENSSH ]PRIVATE KEY----- + base64 body",
            "", "https://cloud.google.com/iam/docs/keys-create-delete", KeyConfidence.High,
            "RFC 7468 (textual PKCS #8); GL private-key rule; SL privatekey");

        // ---- AWS ----------------------------------------------------------------------------------------------

        public static readonly KeyFormat AwsAccessKeyId = new KeyFormat(
            "aws-access-key-id", "AWS", "access key id", "AKIA", "AKIA|ASIA + 16 [A-Z2-7]",
            "AWS_ACCESS_KEY_ID", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", KeyConfidence.Medium,
            "AWS IAM docs (access keys; …EXAMPLE keys are documentation); GL aws.go; SL aws; GH aws_access_key_id");

        public static readonly KeyFormat AwsSecretAccessKey = new KeyFormat(
            "aws-secret-access-key", "AWS", "secret access key", "", "40 [A-Za-z0-9+/], named for the AWS secret",
            "AWS_SECRET_ACCESS_KEY", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", KeyConfidence.Low,
            "AWS IAM docs (access keys); SL aws (after AWS_SECRET_ACCESS_KEY-like names)");

        public static readonly KeyFormat BedrockLongTerm = new KeyFormat(
            "aws-bedrock-long", "Amazon Bedrock", "long-term API key", "ABSK", "ABSK + base64(\"BedrockAPIKey-…\") (113..273)",
            "AWS_BEARER_TOKEN_BEDROCK", "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html", KeyConfidence.High,
            "AWS Bedrock docs (API keys); GL aws.go (bedrock)");

        public static readonly KeyFormat BedrockShortTerm = new KeyFormat(
            "aws-bedrock-short", "Amazon Bedrock", "short-term API key", "bedrock-api-key-",
            "bedrock-api-key- + base64(\"bedrock.amazonaws.com/?Action=CallWithBearerToken…\")",
            "AWS_BEARER_TOKEN_BEDROCK", "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html", KeyConfidence.High,
            "AWS Bedrock docs (API keys); GL aws.go (bedrock short-term)");

        // ---- Hugging Face -------------------------------------------------------------------------------------

        public static readonly KeyFormat HuggingFaceUser = new KeyFormat(
            "huggingface-user", "Hugging Face", "user access token", "hf_", "hf_ + 34 [A-Za-z0-9]",
            "HF_TOKEN", "https://huggingface.co/settings/tokens", KeyConfidence.Medium,
            "Hugging Face docs (security tokens); GL huggingface.go; TH huggingface; GH hf_user_access_token");

        public static readonly KeyFormat HuggingFaceOrg = new KeyFormat(
            "huggingface-org", "Hugging Face", "organization API token (legacy)", "api_org_", "api_org_ + 34 [A-Za-z0-9]",
            "HF_TOKEN", "https://huggingface.co/settings/tokens", KeyConfidence.Medium,
            "GL huggingface.go; TH huggingface; GH hf_org_api_key");

        // ---- Prefixed AI providers ----------------------------------------------------------------------------

        public static readonly KeyFormat Groq = new KeyFormat(
            "groq", "Groq", "API key", "gsk_", "gsk_ + 52 [A-Za-z0-9]",
            "GROQ_API_KEY", "https://console.groq.com/keys", KeyConfidence.Medium,
            "TH groq; SL groq; BL groq; GH groq_api_key");

        public static readonly KeyFormat Replicate = new KeyFormat(
            "replicate", "Replicate", "API token", "r8_", "r8_ + 37 [A-Za-z0-9_-]",
            "REPLICATE_API_TOKEN", "https://replicate.com/account/api-tokens", KeyConfidence.Medium,
            "TH replicate; BL replicate; GH replicate_api_token");

        public static readonly KeyFormat XAi = new KeyFormat(
            "xai", "xAI", "API key", "xai-", "xai- + 70..120 [A-Za-z0-9_] (80 observed)",
            "XAI_API_KEY", "https://console.x.ai", KeyConfidence.Medium,
            "TH xai; GL PR (xai); BL xai; GH xai_api_key");

        public static readonly KeyFormat Perplexity = new KeyFormat(
            "perplexity", "Perplexity", "API key", "pplx-", "pplx- + 48 [A-Za-z0-9]",
            "PERPLEXITY_API_KEY", "https://www.perplexity.ai/settings/api", KeyConfidence.Medium,
            "GL perplexity.go; GH perplexity_api_key");

        public static readonly KeyFormat OpenRouter = new KeyFormat(
            "openrouter", "OpenRouter", "API key", "sk-or-v1-", "sk-or-v1- + 64 [0-9a-f]",
            "OPENROUTER_API_KEY", "https://openrouter.ai/settings/keys", KeyConfidence.Medium,
            "TH openrouter; BL openrouter; GH openrouter_api_key");

        public static readonly KeyFormat Together = new KeyFormat(
            "together", "Together AI", "API key", "tgp_v1_", "tgp_v1_ + 43 [A-Za-z0-9_-]",
            "TOGETHER_API_KEY", "https://api.together.ai/settings/api-keys", KeyConfidence.Medium,
            "BL togetherai");

        public static readonly KeyFormat Nvidia = new KeyFormat(
            "nvidia", "NVIDIA", "API key (NIM, build.nvidia.com)", "nvapi-", "nvapi- + 60..72 [A-Za-z0-9_-] (64 observed)",
            "NVIDIA_API_KEY", "https://build.nvidia.com/settings/api-keys", KeyConfidence.Medium,
            "NVIDIA NIM docs (NVIDIA_API_KEY, nvapi-…); BL nvidia (nvapi- + 60..70)");

        public static readonly KeyFormat Fireworks = new KeyFormat(
            "fireworks", "Fireworks AI", "API key", "fw_", "fw_ + 20..40 [A-Za-z0-9] (length not published)",
            "FIREWORKS_API_KEY", "https://fireworks.ai/account/api-keys", KeyConfidence.Medium,
            "Fireworks docs show fw_…; length bounded because no source publishes it");

        public static readonly KeyFormat Voyage = new KeyFormat(
            "voyage", "Voyage AI", "API key", "pa-", "pa- + 43 [A-Za-z0-9_-]",
            "VOYAGE_API_KEY", "https://dashboard.voyageai.com/organization/api-keys", KeyConfidence.Medium,
            "Voyage AI docs (API key); KF voyageai");

        public static readonly KeyFormat Pinecone = new KeyFormat(
            "pinecone", "Pinecone", "API key", "pcsk_", "pcsk_ + 5..6 [A-Za-z0-9] + _ + 63 [A-Za-z0-9]",
            "PINECONE_API_KEY", "https://docs.pinecone.io/guides/projects/manage-api-keys", KeyConfidence.Medium,
            "TH pinecone; GL PR #2177; BL pinecone");

        public static readonly KeyFormat PineconeLegacy = new KeyFormat(
            "pinecone-legacy", "Pinecone", "legacy API key (UUID)", "", "UUID, named for Pinecone",
            "PINECONE_API_KEY", "https://docs.pinecone.io/guides/projects/manage-api-keys", KeyConfidence.Low,
            "Pinecone docs (legacy keys were UUIDs)");

        public static readonly KeyFormat LangSmithPersonal = new KeyFormat(
            "langsmith-personal", "LangSmith", "personal access token", "lsv2_pt_", "lsv2_pt_ + 32 [0-9a-f] + _ + 10 [0-9a-f]",
            "LANGSMITH_API_KEY", "https://smith.langchain.com/settings", KeyConfidence.Medium,
            "TH langsmith; GL PR #2177; GH langchain_api_personal_key");

        public static readonly KeyFormat LangSmithService = new KeyFormat(
            "langsmith-service", "LangSmith", "service key", "lsv2_sk_", "lsv2_sk_ + 32 [0-9a-f] + _ + 10 [0-9a-f]",
            "LANGSMITH_API_KEY", "https://smith.langchain.com/settings", KeyConfidence.Medium,
            "TH langsmith; GL PR #2177; GH langchain_api_server_key");

        public static readonly KeyFormat ElevenLabs = new KeyFormat(
            "elevenlabs", "ElevenLabs", "API key", "sk_", "sk_ + 48 [0-9a-f]",
            "ELEVENLABS_API_KEY", "https://elevenlabs.io/app/settings/api-keys", KeyConfidence.Medium,
            "TH elevenlabs (v2); BL elevenlabs");

        public static readonly KeyFormat ElevenLabsLegacy = new KeyFormat(
            "elevenlabs-legacy", "ElevenLabs", "legacy API key", "", "32 [0-9a-f], named for ElevenLabs (xi-api-key)",
            "ELEVENLABS_API_KEY", "https://elevenlabs.io/app/settings/api-keys", KeyConfidence.Low,
            "TH elevenlabs (v1); BL elevenlabs");

        public static readonly KeyFormat Cerebras = new KeyFormat(
            "cerebras", "Cerebras", "API key", "csk-", "csk- + 48 [a-z0-9]",
            "CEREBRAS_API_KEY", "https://cloud.cerebras.ai", KeyConfidence.Medium,
            "BL cerebras");

        public static readonly KeyFormat Langfuse = new KeyFormat(
            "langfuse", "Langfuse", "secret key", "sk-lf-", "sk-lf- + UUID",
            "LANGFUSE_SECRET_KEY", "https://langfuse.com/faq/all/where-are-langfuse-api-keys", KeyConfidence.Medium,
            "Langfuse docs (API keys); TH langfuse");

        // ---- GitHub (Copilot, GitHub Models) ------------------------------------------------------------------

        public static readonly KeyFormat GitHubClassicPat = GitHub("github-ghp", "personal access token (classic)", "ghp_");
        public static readonly KeyFormat GitHubOAuth = GitHub("github-gho", "OAuth access token", "gho_");
        public static readonly KeyFormat GitHubUserToServer = GitHub("github-ghu", "user-to-server token (Copilot, GitHub Apps)", "ghu_");
        public static readonly KeyFormat GitHubServerToServer = GitHub("github-ghs", "installation (server-to-server) token", "ghs_");
        public static readonly KeyFormat GitHubRefresh = GitHub("github-ghr", "refresh token", "ghr_");

        public static readonly KeyFormat GitHubFineGrainedPat = new KeyFormat(
            "github-pat", "GitHub", "fine-grained personal access token", "github_pat_", "github_pat_ + 22 [A-Za-z0-9] + _ + 59 [A-Za-z0-9]",
            "GITHUB_TOKEN", "https://github.com/settings/personal-access-tokens", KeyConfidence.Medium,
            "GitHub blog (token formats); GL github.go; TH github; GH github_personal_access_token");

        // ---- Context-gated providers (no self-identifying shape) ----------------------------------------------

        public static readonly KeyFormat Mistral = new KeyFormat(
            "mistral", "Mistral AI", "API key", "", "32 [A-Za-z0-9], named for Mistral",
            "MISTRAL_API_KEY", "https://console.mistral.ai/api-keys", KeyConfidence.Low,
            "Mistral docs (API keys); BL mistral (keyword-gated); KF mistral; GH mistral_ai_api_key");

        public static readonly KeyFormat Cohere = new KeyFormat(
            "cohere", "Cohere", "API key", "", "40 [A-Za-z0-9], named for Cohere / CO_API_KEY",
            "CO_API_KEY", "https://dashboard.cohere.com/api-keys", KeyConfidence.Low,
            "Cohere SDK docs (CO_API_KEY); GL cohere.go (keyword-gated); KF cohere; GH cohere_api_key");

        public static readonly KeyFormat DeepSeek = new KeyFormat(
            "deepseek", "DeepSeek", "API key", "sk-", "sk- + 32 [0-9a-f], named for DeepSeek",
            "DEEPSEEK_API_KEY", "https://platform.deepseek.com/api_keys", KeyConfidence.Low,
            "DeepSeek API docs; TH deepseek (keyword-gated); BL deepseek; KF deepseek; GH deepseek_api_key");

        public static readonly KeyFormat DeepInfra = new KeyFormat(
            "deepinfra", "DeepInfra", "API key", "", "32 [A-Za-z0-9], named for DeepInfra",
            "DEEPINFRA_API_KEY", "https://deepinfra.com/dash/api_keys", KeyConfidence.Low,
            "DeepInfra docs (API keys); observed shape");

        public static readonly KeyFormat AssemblyAi = new KeyFormat(
            "assemblyai", "AssemblyAI", "API key", "", "32 [0-9a-f], named for AssemblyAI",
            "ASSEMBLYAI_API_KEY", "https://www.assemblyai.com/app/api-keys", KeyConfidence.Low,
            "TH assemblyai (keyword-gated); BL assemblyai");

        public static readonly KeyFormat WeightsAndBiases = new KeyFormat(
            "wandb", "Weights & Biases", "API key", "", "40 [0-9a-f], named for W&B",
            "WANDB_API_KEY", "https://wandb.ai/authorize", KeyConfidence.Low,
            "W&B docs (WANDB_API_KEY); TH wandb (keyword-gated); GH wandb_api_key");

        public static readonly KeyFormat StabilityAi = new KeyFormat(
            "stability", "Stability AI", "API key", "sk-", "sk- + 48 [A-Za-z0-9], named for Stability",
            "STABILITY_API_KEY", "https://platform.stability.ai/account/keys", KeyConfidence.Low,
            "BL stabilityai (keyword-gated)");

        public static readonly KeyFormat Cursor = new KeyFormat(
            "cursor", "Cursor", "API key", "key_", "key_ + 64 [0-9a-f], named for Cursor",
            "CURSOR_API_KEY", "https://cursor.com/dashboard", KeyConfidence.Low,
            "BL cursor (keyword-gated); KF cursor");

        public static readonly KeyFormat Deepgram = new KeyFormat(
            "deepgram", "Deepgram", "API key", "", "40 [0-9a-f], named for Deepgram",
            "DEEPGRAM_API_KEY", "https://console.deepgram.com", KeyConfidence.Low,
            "Deepgram docs (DEEPGRAM_API_KEY, Authorization: Token …); observed 40-hex shape");

        public static readonly KeyFormat AzureSearch = new KeyFormat(
            "azure-search-52", "Azure AI Search", "admin or query key", "", "42 [A-Za-z0-9] + AzSe + [A-D] + 5 [A-Za-z0-9] (52), named for Azure (AI) Search",
            "AZURE_SEARCH_API_KEY", "https://learn.microsoft.com/azure/search/search-security-api-keys", KeyConfidence.Low,
            "MS security-utilities AzureSearchIdentifiableQueryKey/AdminKey (SEC101/166, 167: AzSe signature, Marvin checksum not verified)");

        // Adversary round 11 route 11: providers whose API hosts the endpoint catalog knows, under their own names.

        public static readonly KeyFormat DashScope = new KeyFormat(
            "dashscope", "Alibaba DashScope (Qwen)", "API key", "sk-", "sk- + 32 [0-9a-f], named for DashScope / Qwen",
            "DASHSCOPE_API_KEY", "https://bailian.console.aliyun.com/?apiKey=1", KeyConfidence.Low,
            "DashScope (Model Studio) docs: DASHSCOPE_API_KEY; sk- + 32 hex observed (adversary round 11 route 11)");

        public static readonly KeyFormat Moonshot = new KeyFormat(
            "moonshot", "Moonshot AI", "API key", "sk-", "sk- + 48 [A-Za-z0-9], named for Moonshot / Kimi",
            "MOONSHOT_API_KEY", "https://platform.moonshot.ai/console/api-keys", KeyConfidence.Low,
            "Moonshot platform docs: MOONSHOT_API_KEY; BL moonshot (keyword-gated, sk- + 48)");

        public static readonly KeyFormat Zhipu = new KeyFormat(
            "zhipu", "Zhipu AI", "API key (id.secret)", "", "32 [0-9a-f] + . + 16 [A-Za-z0-9], named for Zhipu / BigModel / Z.ai",
            "ZHIPUAI_API_KEY", "https://open.bigmodel.cn/usercenter/apikeys", KeyConfidence.Low,
            "zhipuai SDK (ZHIPUAI_API_KEY, key = id.secret); BL zhipu (keyword-gated hex32 . alnum16)");

        public static readonly KeyFormat SiliconFlow = new KeyFormat(
            "siliconflow", "SiliconFlow", "API key", "sk-", "sk- + 48 [a-z0-9], named for SiliconFlow",
            "SILICONFLOW_API_KEY", "https://cloud.siliconflow.cn/account/ak", KeyConfidence.Low,
            "SiliconFlow docs (SILICONFLOW_API_KEY); observed sk- + 48 lower case (adversary round 11 route 11)");

        public static readonly KeyFormat VolcengineArk = new KeyFormat(
            "volcengine-ark", "Volcengine Ark (Doubao)", "API key", "", "UUID (8-4-4-4-12 hex), named for Ark / Volcengine / Doubao",
            "ARK_API_KEY", "https://console.volcengine.com/ark/region:ark+cn-beijing/apiKey", KeyConfidence.Low,
            "volcengine-python-sdk Ark runtime (ARK_API_KEY); UUID shape observed (adversary round 11 route 11)");

        public static readonly KeyFormat SambaNova = new KeyFormat(
            "sambanova", "SambaNova", "API key", "", "UUID (8-4-4-4-12 hex), named for SambaNova",
            "SAMBANOVA_API_KEY", "https://cloud.sambanova.ai/apis", KeyConfidence.Low,
            "SambaNova Cloud docs (SAMBANOVA_API_KEY); UUID shape observed (adversary round 11 route 11)");

        // ---- Generic ------------------------------------------------------------------------------------------

        public static readonly KeyFormat GenericSecret = new KeyFormat(
            "generic", "Generic secret", "high-entropy value in a key-named setting", "", "key-like name + high-entropy token",
            "", "", KeyConfidence.Low, "Guardrails heuristic (docs/secrets-catalog.md, generic secrets)", isGeneric: true);

        /// <summary>Every format, self-identifying ones first.</summary>
        public static IReadOnlyList<KeyFormat> All { get; } = new[]
        {
            OpenAiProject, OpenAiServiceAccount, OpenAiAdmin, OpenAiUserNone, OpenAiUserNoneShort, OpenAiLegacy,
            AnthropicApi, AnthropicAdmin, ClaudeCodeOAuth,
            AzureOpenAiIdentifiable, AzureAiServicesIdentifiable,
            GoogleApiKey, GoogleServiceAccountKey, PemPrivateKey,
            AwsAccessKeyId, BedrockLongTerm, BedrockShortTerm,
            HuggingFaceUser, HuggingFaceOrg,
            Groq, Replicate, XAi, Perplexity, OpenRouter, Together, Nvidia, Fireworks, Voyage, Pinecone,
            LangSmithPersonal, LangSmithService, ElevenLabs, Cerebras, Langfuse,
            GitHubClassicPat, GitHubOAuth, GitHubUserToServer, GitHubServerToServer, GitHubRefresh, GitHubFineGrainedPat,
            AzureOpenAiHex, AzureAiServicesHex, AzureKeyCredential, ApiKeyCredential, AwsSecretAccessKey, PineconeLegacy, ElevenLabsLegacy,
            Mistral, Cohere, DeepSeek, DeepInfra, AssemblyAi, WeightsAndBiases, StabilityAi, Cursor, Deepgram, AzureSearch,
            DashScope, Moonshot, Zhipu, SiliconFlow, VolcengineArk, SambaNova,
            GenericSecret,
        };

        private static KeyFormat GitHub(string id, string kind, string prefix) => new KeyFormat(
            id, "GitHub", kind, prefix, prefix + " + 30 [A-Za-z0-9] + 6-char base62 CRC32",
            "GITHUB_TOKEN", GitHubRevoke, KeyConfidence.High,
            "GitHub blog \"Behind GitHub's new authentication token formats\" (2021); CredSweeper value_github_check (CRC32); GL github.go; GH github_*");
    }
}
