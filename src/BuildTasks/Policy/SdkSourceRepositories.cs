using System;
using System.Collections.Generic;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Adversary round 12 route 11: the source repositories of the catalog's npm and PyPI SDKs. A package manager installs
    /// a package straight from its repository (<c>"llm": "github:openai/openai-node"</c>, <c>"openai/openai-node"</c>,
    /// <c>git+https://github.com/openai/openai-python@v1.55.0</c>, <c>x @ git+https://…</c>) under whatever name the
    /// manifest gives it: the repository says which SDK it is. Repositories named on each SDK's registry page (2026-12-05).
    /// </summary>
    public static class SdkSourceRepositories
    {
        private static readonly Dictionary<string, string> Packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [PackageEcosystem.Npm + "|openai/openai-node"] = "openai",
            [PackageEcosystem.Npm + "|openai/openai-agents-js"] = "@openai/agents",
            [PackageEcosystem.Npm + "|anthropics/anthropic-sdk-typescript"] = "@anthropic-ai/sdk",
            [PackageEcosystem.Npm + "|anthropics/claude-agent-sdk-typescript"] = "@anthropic-ai/claude-agent-sdk",
            [PackageEcosystem.Npm + "|googleapis/js-genai"] = "@google/genai",
            [PackageEcosystem.Npm + "|google-gemini/generative-ai-js"] = "@google/generative-ai",
            [PackageEcosystem.Npm + "|mistralai/client-ts"] = "@mistralai/mistralai",
            [PackageEcosystem.Npm + "|groq/groq-typescript"] = "groq-sdk",
            [PackageEcosystem.Npm + "|cohere-ai/cohere-typescript"] = "cohere-ai",
            [PackageEcosystem.Npm + "|ollama/ollama-js"] = "ollama",
            [PackageEcosystem.Npm + "|vercel/ai"] = "ai",
            [PackageEcosystem.Npm + "|langchain-ai/langchainjs"] = "langchain",
            [PackageEcosystem.Npm + "|modelcontextprotocol/typescript-sdk"] = "@modelcontextprotocol/sdk",
            [PackageEcosystem.Npm + "|huggingface/huggingface.js"] = "@huggingface/inference",
            [PackageEcosystem.Npm + "|replicate/replicate-javascript"] = "replicate",
            [PackageEcosystem.PyPI + "|openai/openai-python"] = "openai",
            [PackageEcosystem.PyPI + "|openai/openai-agents-python"] = "openai-agents",
            [PackageEcosystem.PyPI + "|anthropics/anthropic-sdk-python"] = "anthropic",
            [PackageEcosystem.PyPI + "|anthropics/claude-agent-sdk-python"] = "claude-agent-sdk",
            [PackageEcosystem.PyPI + "|googleapis/python-genai"] = "google-genai",
            [PackageEcosystem.PyPI + "|google-gemini/generative-ai-python"] = "google-generativeai",
            [PackageEcosystem.PyPI + "|mistralai/client-python"] = "mistralai",
            [PackageEcosystem.PyPI + "|groq/groq-python"] = "groq",
            [PackageEcosystem.PyPI + "|cohere-ai/cohere-python"] = "cohere",
            [PackageEcosystem.PyPI + "|ollama/ollama-python"] = "ollama",
            [PackageEcosystem.PyPI + "|berriai/litellm"] = "litellm",
            [PackageEcosystem.PyPI + "|langchain-ai/langchain"] = "langchain",
            [PackageEcosystem.PyPI + "|run-llama/llama_index"] = "llama-index",
            [PackageEcosystem.PyPI + "|modelcontextprotocol/python-sdk"] = "mcp",
            [PackageEcosystem.PyPI + "|huggingface/transformers"] = "transformers",
            [PackageEcosystem.PyPI + "|huggingface/huggingface_hub"] = "huggingface-hub",
            [PackageEcosystem.PyPI + "|xai-org/xai-sdk-python"] = "xai-sdk",
        };

        /// <summary>
        /// The package URL of the catalog SDK whose source repository <paramref name="source"/> names, for
        /// <paramref name="ecosystem"/> (npm or PyPI): a git URL (<c>git+https://github.com/o/r.git#v1</c>, <c>git://…</c>,
        /// <c>git+ssh://git@github.com:o/r.git</c>, <c>git@github.com:o/r</c>), a GitHub archive URL
        /// (<c>https://github.com/o/r/archive/v1.tar.gz</c>, <c>…/tarball/…</c>), or npm's <c>github:o/r</c> and <c>o/r</c>
        /// shorthands. Null when it names none.
        /// </summary>
        public static string? PackageOf(string ecosystem, string source)
        {
            string? ownerRepo = GitHubOwnerRepository(source, allowShorthand: ecosystem == PackageEcosystem.Npm);
            return ownerRepo != null && Packages.TryGetValue(ecosystem + "|" + ownerRepo, out string? name) ? PackageEcosystem.PackageUrl(ecosystem, name) : null;
        }

        /// <summary>"owner/repo" of a GitHub source, lower case and without ".git"; null for anything else.</summary>
        internal static string? GitHubOwnerRepository(string source, bool allowShorthand)
        {
            string s = (source ?? string.Empty).Trim();
            int cut = s.IndexOfAny(new[] { '#', '?' });
            if (cut >= 0)
            {
                s = s.Substring(0, cut);
            }

            string rest;
            int host = s.IndexOf("github.com", StringComparison.OrdinalIgnoreCase);
            if (s.StartsWith("github:", StringComparison.OrdinalIgnoreCase))
            {
                rest = s.Substring("github:".Length);
            }
            else if (host >= 0 && host + 10 < s.Length && (s[host + 10] == '/' || s[host + 10] == ':'))
            {
                rest = s.Substring(host + 11);
            }
            else if (allowShorthand && s.Length > 2 && s.IndexOf(':') < 0 && s[0] != '.' && s[0] != '/' && s[0] != '@' && s[0] != '~' && Count(s, '/') == 1)
            {
                rest = s; // npm's "owner/repo" shorthand: a version range never holds a '/'
            }
            else
            {
                return null;
            }

            string[] parts = rest.Split('/');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return null;
            }

            string repo = parts[1];
            int at = repo.IndexOf('@');
            if (at > 0)
            {
                repo = repo.Substring(0, at); // pip's git+https://github.com/o/r@v1.55.0
            }

            if (repo.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
            {
                repo = repo.Substring(0, repo.Length - 4);
            }

            return (parts[0] + "/" + repo).ToLowerInvariant();
        }

        private static int Count(string s, char c)
        {
            int n = 0;
            foreach (char x in s)
            {
                if (x == c)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
