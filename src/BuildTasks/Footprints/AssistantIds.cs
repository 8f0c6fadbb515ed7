namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Assistant ids as the central policy and the team manifest spell them (<c>assistants[].id</c>). Lower-case,
    /// vendor-neutral product names; one constant per assistant the footprint catalog knows.
    /// </summary>
    public static class AssistantIds
    {
        public const string GitHubCopilot = "github-copilot";
        public const string VisualStudio = "visual-studio";
        public const string Cursor = "cursor";
        public const string ClaudeCode = "claude-code";
        public const string OpenAiCodex = "openai-codex";
        public const string Gemini = "gemini";
        public const string Windsurf = "windsurf";
        public const string Cline = "cline";
        public const string Roo = "roo";
        public const string Continue = "continue";
        public const string Aider = "aider";
        public const string AmazonQ = "amazon-q";
        public const string JetBrainsAi = "jetbrains-ai";
        public const string Kiro = "kiro";
        public const string Tabnine = "tabnine";
        public const string Augment = "augment";
        public const string Zed = "zed";
        public const string Devin = "devin";
        public const string Trae = "trae";
        public const string OpenCode = "opencode";
        public const string Goose = "goose";
        public const string KiloCode = "kilo-code";
        public const string Amp = "amp";
        public const string QwenCode = "qwen-code";
        public const string FirebaseStudio = "firebase-studio";
        public const string CodeRabbit = "coderabbit";
        public const string Crush = "crush";
        public const string MistralVibe = "mistral-vibe";
        public const string IFlow = "iflow-cli";
        public const string Warp = "warp";
        public const string OpenHands = "openhands";
        public const string Qoder = "qoder";
        public const string Lingma = "lingma";
        public const string CodeBuddy = "codebuddy";
        public const string RovoDev = "rovo-dev";
        public const string Gptme = "gptme";
        public const string QodoPrAgent = "qodo-pr-agent";
        public const string Greptile = "greptile";
        public const string Sourcery = "sourcery";
        public const string Kimi = "kimi";
        public const string FactoryDroid = "factory-droid";
        public const string Qodo = "qodo";
        public const string Firebender = "firebender";
        public const string Refact = "refact";
        public const string Sweep = "sweep";
        public const string Cody = "sourcegraph-cody";
        public const string Bolt = "bolt";
        public const string Zencoder = "zencoder";
        public const string Comate = "comate";
        public const string Ellipsis = "ellipsis";
        public const string ChatGptCodeReview = "chatgpt-codereview";
        public const string Llm = "llm";
        public const string GitHubModels = "github-models";
    }
}
