using System;
using System.Collections.Generic;
using Guardrails.Core.Sdks;
using static Guardrails.BuildTasks.Footprints.AssistantIds;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// The AI providers whose API is an assistant's own service (adversary round 11 route 14): the hosts an assistant's
    /// committed settings may send its traffic to without the policy approving them (GRD138). The names are the
    /// <see cref="AiProviderEndpoint.Provider"/> names of the endpoint catalog (<see cref="AiSdkCatalog.Endpoints"/>, in Core), so
    /// the hosts themselves stay in the one catalog; only the task (GRD138) reads this table. An assistant not listed here (a bring-your-own-model tool: Continue, Cline,
    /// Aider, …) has no own provider: every catalog host its settings name needs the policy's approval.
    /// </summary>
    public static class AssistantProviders
    {
        private static readonly Dictionary<string, string[]> Own = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            // Claude Code: Anthropic's API, and Claude on Bedrock, Vertex AI and Microsoft Foundry (its documented providers).
            [ClaudeCode] = new[] { "Anthropic", "Anthropic (via AWS)", "Anthropic (via Google Cloud)", "Anthropic (via Azure)" },
            // GitHub Copilot: GitHub's Copilot API and GitHub Models; Azure OpenAI / Foundry as its bring-your-own-key Azure models.
            [GitHubCopilot] = new[] { "GitHub (Copilot)", "Microsoft (Azure AI Foundry / GitHub Models)", "Microsoft (Azure OpenAI)" },
            // OpenAI Codex: OpenAI's API and Azure OpenAI (its documented azure provider).
            [OpenAiCodex] = new[] { "OpenAI", "Microsoft (Azure OpenAI)" },
            // Gemini CLI: the Gemini API and Vertex AI.
            [Gemini] = new[] { "Google (Gemini / Vertex AI)", "Google (Vertex AI)" },
            [QwenCode] = new[] { "Alibaba DashScope (Qwen)" },
            [Kimi] = new[] { "Moonshot AI" },
            [MistralVibe] = new[] { "Mistral AI" },
        };

        /// <summary>Every assistant with own providers (for tests and docs).</summary>
        public static IReadOnlyCollection<string> Assistants => Own.Keys;

        /// <summary>The provider names that are <paramref name="assistantId"/>'s own service (empty for a bring-your-own-model tool).</summary>
        public static IReadOnlyList<string> Of(string assistantId) => Own.TryGetValue(assistantId, out string[]? providers) ? providers : Array.Empty<string>();

        /// <summary>True when <paramref name="host"/> is a catalog host of one of <paramref name="assistantId"/>'s own providers.</summary>
        public static bool IsOwnHost(string assistantId, string host)
        {
            IReadOnlyList<string> providers = Of(assistantId);
            if (providers.Count == 0)
            {
                return false;
            }

            foreach (AiProviderEndpoint endpoint in AiSdkCatalog.Endpoints)
            {
                if (Array.IndexOf((string[])providers, endpoint.Provider) >= 0 && HostPattern.MatchesAny(endpoint.HostPatterns, host))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
