using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>Runs the checker on a policy and manifest written to a temporary folder, at a fixed instant.</summary>
internal static class PolicyHarness
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string BasePolicy = """
        {
          "$schema": "../schemas/guardrails.policy.schema.json",
          "policyFormat": "1.0",
          "policyId": "test-policy",
          "revision": 3,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["dana", "li"] },
          "defaults": { "unknownAssistant": "deny", "expiryWarningDays": 14, "requireManifest": true },
          "dataClasses": ["public", "internal", "confidential", "restricted"],
          "tiers": { "sandbox": { "maxDataClass": "internal" }, "regulated": { "maxDataClass": "confidential", "mode": "Enforce" } },
          "assistants": [
            {
              "id": "claude-code", "vendor": "Anthropic", "versions": "[2.0,3.0)",
              "tiers": ["sandbox", "regulated"], "maxDataClass": "confidential",
              "repositories": ["github.com/contoso/*", "!github.com/contoso/hr-*"],
              "models": { "allow": ["claude-sonnet-4*", "claude-opus-4"], "deny": ["*-preview"] },
              "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" },
              "credentialRefs": ["env:ANTHROPIC_API_KEY", "vault:kv/ai/*"],
              "approval": { "approvedBy": "dana", "approvedAt": "2026-01-10", "expiresAt": "2026-12-31", "ticket": "GOV-1" }
            },
            { "id": "copilot", "vendor": "GitHub", "tiers": ["sandbox"], "maxDataClass": "internal",
              "approval": { "approvedBy": "li", "approvedAt": "2026-01-10", "expiresAt": "2026-12-31" } },
            { "id": "shadow-ai", "status": "denied", "reason": "sends code to an unvetted service" }
          ],
          "mcpServers": {
            "allow": [
              { "id": "github", "url": "https://api.githubcopilot.com/mcp/*", "maxDataClass": "confidential" },
              { "id": "contoso-db", "package": "Contoso.Db.Mcp", "versions": "[2.1,3.0)", "tiers": ["sandbox"] }
            ],
            "deny": [ { "id": "fs-root", "command": ["npx", "-y", "@modelcontextprotocol/server-filesystem", "/"], "reason": "exposes the whole disk" } ]
          },
          "packages": {
            "approved": [ { "id": "Anthropic", "versions": "[1.0,2.0)" }, { "id": "Microsoft.Extensions.AI*" } ],
            "denied": [ { "id": "Shady.AI", "reason": "unvetted" } ],
            "sdks": [ { "id": "contoso-gateway", "provider": "Contoso", "packageIds": ["Contoso.AiGateway"], "namespaces": ["Contoso.AiGateway"], "endpointHosts": ["ai-gateway.contoso.example"] } ]
          },
          "endpoints": { "approved": ["ai-gateway.contoso.example"] },
          "waivers": [
            { "id": "WVR-1", "rule": "GRD114", "subject": "claude-code/gpt-4o", "scope": { "repositories": ["github.com/contoso/payments"] },
              "approvedBy": "li", "approvedAt": "2026-05-01", "expiresAt": "2026-09-30", "reason": "model evaluation" }
          ]
        }
        """;

    public const string BaseManifest = """
        {
          "manifestFormat": "1.0",
          "repository": "github.com/contoso/payments",
          "tier": "regulated",
          "dataClass": "confidential",
          "owner": { "team": "Payments", "contact": "payments@example.test" },
          "assistants": [
            { "id": "claude-code", "version": "2.1.0", "models": ["claude-sonnet-4-5"], "mcpServers": ["github"], "credentialRef": "env:ANTHROPIC_API_KEY" }
          ],
          "waivers": []
        }
        """;

    public sealed record Run(CheckResult Result, string PolicyPath, string ManifestPath)
    {
        public List<Finding> Of(string id) => Result.Findings.Where(f => f.Rule.Id == id).ToList();

        public IEnumerable<Finding> Errors => Result.Findings.Where(f => f.IsError(Result.Enforce));

        public override string ToString() => string.Join("\n", Result.Findings.Select(f => f.Rule.Id + " " + Path.GetFileName(f.File) + "(" + f.Line + "," + f.Column + ")" + (f.WarningOnly ? " [warning] " : " ") + f.Message));
    }

    public static Run Check(string? policy = null, string? manifest = null, DateTimeOffset? now = null, string? assets = null, string project = "App", string mode = "Enforce", string? buildRepository = null,
        string[]? packageReferences = null, string? targetFramework = null, IReadOnlyList<string>? remotes = null, bool inCi = false, string projectFolder = "")
    {
        using var dir = new TempDir();
        string policyPath = dir.Write("policy/guardrails.policy.json", policy ?? BasePolicy);
        string manifestPath = dir.Write("ai-assistants.json", manifest ?? BaseManifest);
        string? assetsPath = assets == null ? null : dir.Write("obj/project.assets.json", assets);
        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, projectFolder, project + ".csproj"),
            PolicyPath = policyPath,
            ManifestPath = manifestPath,
            ProjectAssetsFile = assetsPath,
            Mode = mode,
            BuildRepository = buildRepository,
            BuildRemotes = remotes,
            InCi = inCi,
            PackageReferenceIds = packageReferences,
            TargetFramework = targetFramework,
            Now = now ?? Now,
        });
        return new Run(result, policyPath, manifestPath);
    }

    /// <summary>Replaces exactly one occurrence, so a test cannot silently edit nothing.</summary>
    public static string Edit(this string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, "expected exactly one '" + from + "'");
        return text.Substring(0, at) + to + text.Substring(at + from.Length);
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string needle)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, "missing " + needle);
        int line = 1 + text.Take(at).Count(c => c == '\n');
        int col = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return (line, col);
    }
}
