using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>Runs the whole check on a temporary repository with footprints, a policy and a manifest.</summary>
internal static class FootprintHarness
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A policy approving cursor, claude-code and github-copilot with model lists and ceilings, and two MCP servers.</summary>
    private const string PolicyTemplate = """
        {
          "policyFormat": "1.0",
          "policyId": "footprints",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["dana"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "cursor", "models": { "allow": ["gpt-4.1", "claude-sonnet-4*"] }, "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "dana", "approvedAt": "2026-01-10", "expiresAt": "2026-12-31" } },
            { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*", "sonnet"], "deny": ["*-preview"] }, "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "dana", "approvedAt": "2026-01-10", "expiresAt": "2026-12-31" } },
            { "id": "github-copilot", "models": { "allow": ["gpt-4.1"] }, "approval": { "approvedBy": "dana", "approvedAt": "2026-01-10", "expiresAt": "2026-12-31" } },
            { "id": "gemini", "approval": { "approvedBy": "dana", "approvedAt": "2026-01-10", "expiresAt": "2026-12-31" } }
          ],
          "mcpServers": {
            "allow": [
              { "id": "github", "package": "pkg:npm/@modelcontextprotocol/server-github", "versions": "[2025.4.8,)" },
              { "id": "docs", "url": "https://mcp.contoso.example/*" },
              { "id": "sentry", "url": "https://mcp.sentry.dev/mcp" },
              { "id": "fs", "package": "@modelcontextprotocol/server-filesystem" }
            ],
            "deny": [ { "id": "fetch-any", "package": "pkg:pypi/mcp-server-fetch", "reason": "fetches arbitrary URLs" } ]
          }__WAIVERS__
        }
        """;

    public static readonly string Policy = PolicyWith();

    public static string PolicyWith(string? defaults = null, string? waivers = null)
    {
        string p = PolicyTemplate.Replace("__WAIVERS__", waivers == null ? string.Empty : ",\n  \"waivers\": " + waivers);
        return defaults == null ? p : p.Replace("\"defaults\": { \"unknownAssistant\": \"deny\", \"unknownFootprint\": \"deny\" }", "\"defaults\": " + defaults);
    }

    public static string Manifest(string assistants, string waivers = "[]") =>
        "{ \"manifestFormat\": \"1.0\", \"repository\": \"github.com/contoso/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" },\n  \"assistants\": " + assistants + ",\n  \"waivers\": " + waivers + " }";

    public sealed record Run(CheckResult Result)
    {
        public List<Finding> Of(string id) => Result.Findings.Where(f => f.Rule.Id == id).ToList();

        public bool IsError(Finding f) => f.IsError(Result.Enforce);

        public override string ToString() => string.Join("\n", Result.Findings.Select(f => f.Rule.Id + " " + f.File + "(" + f.Line + "," + f.Column + ")" + (f.WarningOnly ? " [warning] " : " ") + f.Message));
    }

    /// <summary>Checks the project at src/App of <paramref name="repo"/>; a null policy or manifest is left out.</summary>
    public static Run Check(FootprintRepo repo, string? policy = null, string? manifest = null, string mode = "Enforce")
    {
        string? policyPath = null;
        if (policy != null)
        {
            policyPath = Path.Combine(repo.Outside, "policy", "guardrails.policy.json");
            Directory.CreateDirectory(Path.GetDirectoryName(policyPath)!);
            File.WriteAllText(policyPath, policy);
        }

        string? manifestPath = manifest == null ? null : repo.Write("ai-assistants.json", manifest);
        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = Path.Combine(repo.ProjectDir, "App.csproj"),
            PolicyPath = policyPath,
            ManifestPath = manifestPath,
            Mode = mode,
            Now = Now,
        });
        return new Run(result);
    }
}
