#!/usr/bin/env python3
"""Writes a large central policy (200 assistants, 1,000 approved packages) for timing the Guardrails check."""
import json, sys

out = sys.argv[1]
policy = {
    "policyFormat": "1.0", "policyId": "bench", "revision": 1,
    "owner": {"name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["dana"]},
    "dataClasses": ["public", "internal", "confidential", "restricted"],
    "tiers": {"standard": {"maxDataClass": "confidential"}},
    "assistants": [
        {
            "id": "claude-code" if i == 0 else f"assistant-{i:03}", "vendor": f"Vendor {i % 17}", "versions": "[2.0,3.0)",
            "tiers": ["standard"], "maxDataClass": "confidential",
            "repositories": ["github.com/contoso/*", "!github.com/contoso/hr-*"],
            "models": {"allow": [f"model-{i}-*", "claude-sonnet-4*"], "deny": ["*-preview"]},
            "permissions": {"bypassMode": "forbid", "autoApprove": "forbid"},
            "credentialRefs": ["env:ANTHROPIC_API_KEY", "vault:kv/ai/*"],
            "approval": {"approvedBy": "dana", "approvedAt": "2026-01-01", "expiresAt": "2030-01-01", "ticket": f"GOV-{i}"},
        }
        for i in range(200)
    ],
    "mcpServers": {"allow": [{"id": "github", "url": "https://api.githubcopilot.com/mcp/*"},
                             {"id": "contoso-docs", "url": "https://*.mcp.contoso.example/docs"}] +
                   [{"id": f"srv-{i}", "package": f"Contoso.Mcp{i}", "versions": "[1.0,2.0)"} for i in range(50)]},
    "packages": {"approved": [{"id": f"Contoso.Ai.Package{i:04}", "versions": "[1.0,3.0)"} for i in range(1000)]},
}
with open(out, "w") as f:
    json.dump(policy, f, indent=2)
