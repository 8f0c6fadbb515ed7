namespace Guardrails.Tests.Shared;

/// <summary>
/// The one table of credential references (Guardrails.Core.Secrets.CredentialReference) that every user of the grammar
/// is tested against: the secret rules on config files and code (Core), the team manifest's credentialRef and the
/// assistant files (build task). Each reference comes with its scheme:name form (null when it has none).
/// </summary>
internal static class CredentialReferenceTable
{
    public static readonly (string Value, string? Canonical)[] References =
    {
        ("env:ANTHROPIC_API_KEY", "env:ANTHROPIC_API_KEY"),
        ("vault:kv/ai/anthropic", "vault:kv/ai/anthropic"),
        ("op://ai/anthropic/credential", "op://ai/anthropic/credential"),
        ("awssecretsmanager:ai/anthropic", "awssecretsmanager:ai/anthropic"),
        ("user-secrets:Anthropic:ApiKey", "user-secrets:Anthropic:ApiKey"),
        ("${ANTHROPIC_API_KEY}", "env:ANTHROPIC_API_KEY"),
        ("${env:ANTHROPIC_API_KEY}", "env:ANTHROPIC_API_KEY"),
        ("$ANTHROPIC_API_KEY", "env:ANTHROPIC_API_KEY"),
        ("$env:ANTHROPIC_API_KEY", "env:ANTHROPIC_API_KEY"),
        ("%ANTHROPIC_API_KEY%", "env:ANTHROPIC_API_KEY"),
        ("${{ secrets.ANTHROPIC_API_KEY }}", "secret:ANTHROPIC_API_KEY"),
        ("{{ secrets.ANTHROPIC_API_KEY }}", "secret:ANTHROPIC_API_KEY"),
        ("@Microsoft.KeyVault(SecretUri=https://contoso-ai.vault.azure.net/secrets/anthropic/)", "keyvault:SecretUri=https://contoso-ai.vault.azure.net/secrets/anthropic/"),
        ("$(AnthropicApiKey)", null),
        ("#{AnthropicApiKey}#", null),
        ("${input:anthropic-key}", null),
    };

    /// <summary>Values that are not references: a bare name, a scheme without a name, text around a variable, a percent-encoded URL.</summary>
    public static readonly string[] NotReferences =
    {
        "ANTHROPIC_API_KEY",
        "env:",
        "env: ANTHROPIC_API_KEY",
        "keychain:anthropic",
        "prefix-${ANTHROPIC_API_KEY}",
        "https://example.test/%E2%82%AC",
    };

    /// <summary>A literal key of the same provider: what every user must still report.</summary>
    public static string LiteralKey() => FakeKeys.Anthropic();
}
