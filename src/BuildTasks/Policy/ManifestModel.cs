using System.Collections.Generic;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>The team manifest, ai-assistants.json, as read and validated by <see cref="ManifestReader"/>.</summary>
    public sealed class AssistantManifest
    {
        public AssistantManifest(string file, JsonNode node)
        {
            File = file;
            Node = node;
        }

        public string File { get; }

        public JsonNode Node { get; }

        public Located<string>? ManifestFormat { get; set; }

        /// <summary>The repository as the team names it (e.g. "github.com/contoso/payments"); the policy's repository globs match this value.</summary>
        public Located<string>? Repository { get; set; }

        public Located<string>? Tier { get; set; }

        public Located<string>? DataClass { get; set; }

        /// <summary>The owner object, or null when absent.</summary>
        public JsonNode? OwnerNode { get; set; }

        public Located<string>? OwnerTeam { get; set; }

        public Located<string>? OwnerContact { get; set; }

        public List<ManifestAssistant> Assistants { get; } = new List<ManifestAssistant>();

        /// <summary>Ids of policy waivers the team claims.</summary>
        public List<Located<string>> Waivers { get; } = new List<Located<string>>();
    }

    /// <summary>One assistant the team uses.</summary>
    public sealed class ManifestAssistant
    {
        public ManifestAssistant(Located<string> id, JsonNode node)
        {
            Id = id;
            Node = node;
        }

        public Located<string> Id { get; }

        public JsonNode Node { get; }

        public Located<string>? Version { get; set; }

        public List<Located<string>> Models { get; } = new List<Located<string>>();

        public List<ManifestMcpServer> McpServers { get; } = new List<ManifestMcpServer>();

        /// <summary>A reference such as "env:ANTHROPIC_API_KEY" or "vault:kv/ai/payments"; null when none or when a literal was given.</summary>
        public Located<string>? CredentialRef { get; set; }

        /// <summary>Permissions the team turns on (e.g. "autoApprove": true).</summary>
        public Dictionary<string, Located<bool>> Permissions { get; } = new Dictionary<string, Located<bool>>(System.StringComparer.Ordinal);

        /// <summary>Footprint files the team declares for this assistant (for footprint discovery).</summary>
        public List<Located<string>> Footprints { get; } = new List<Located<string>>();
    }

    /// <summary>
    /// An MCP server the team uses: either the id of a policy allow entry ("github") or an identity
    /// (url, command, or package + version, optionally sha256) matched against the policy.
    /// </summary>
    public sealed class ManifestMcpServer
    {
        public ManifestMcpServer(JsonNode node)
        {
            Node = node;
        }

        public JsonNode Node { get; }

        /// <summary>The policy entry id the team names, or the label of an identity entry.</summary>
        public string? Id { get; set; }

        /// <summary>Null when the entry only names a policy id.</summary>
        public McpServerIdentity? Identity { get; set; }
    }
}
