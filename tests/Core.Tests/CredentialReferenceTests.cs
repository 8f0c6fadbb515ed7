using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// The one credential-reference grammar and its users in Core: a reference under a secret-like name, in C# or in a
/// config file, is never a key (GRD001/GRD002/GRD006), while a literal key in the same place still is. The build
/// task's users are held to the same table in tests/BuildTasks.Tests/Policy/CredentialReferenceUsersTests.cs.
/// </summary>
public class CredentialReferenceTests
{
    public static IEnumerable<object?[]> References() => CredentialReferenceTable.References.Select(r => new object?[] { r.Value, r.Canonical });

    public static IEnumerable<object[]> NotReferences() => CredentialReferenceTable.NotReferences.Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(References))]
    public void A_reference_of_the_table_is_a_reference_with_its_scheme_form(string value, string? canonical)
    {
        Assert.True(CredentialReference.IsReference(value));
        Assert.True(CredentialReference.IsReference("  " + value + " "));
        Assert.Equal(canonical, CredentialReference.Canonical(value));
    }

    [Theory]
    [MemberData(nameof(NotReferences))]
    public void A_value_outside_the_grammar_is_not_a_reference(string value)
    {
        Assert.False(CredentialReference.IsReference(value));
        Assert.Null(CredentialReference.Canonical(value));
    }

    [Theory]
    [InlineData("%USERPROFILE%\\mcp\\server.exe", true)]
    [InlineData("npx -y @scope/server@$(VERSION)", true)]
    [InlineData("https://mcp.example.test/${TENANT}/sse", true)]
    [InlineData("https://mcp.example.test/caf%C3%A9", false)]
    [InlineData("npx -y @modelcontextprotocol/server-github@1.2.0", false)]
    public void A_variable_anywhere_in_a_text_is_found(string text, bool expected)
    {
        Assert.Equal(expected, CredentialReference.HasVariable(text));
    }

    [Theory]
    [MemberData(nameof(References))]
    public void The_secret_rules_take_no_reference_for_a_key_in_config_files_or_by_name(string value, string? canonical)
    {
        _ = canonical;
        Assert.False(SecretScanner.TryMatchNamedValue("AnthropicApiKey", value, out _));
        Assert.False(SecretScanner.TryMatchNamedValue("Authorization", "Bearer " + value, out _));
        Assert.Empty(ScanAppSettings(value));
        Assert.Empty(ScanDotEnv(value));
    }

    [Fact]
    public void The_secret_rules_still_report_a_literal_key_where_the_table_puts_references()
    {
        string key = CredentialReferenceTable.LiteralKey();
        Assert.False(CredentialReference.IsReference(key));
        Assert.Single(ScanAppSettings(key));
        Assert.Single(ScanDotEnv(key));
    }

    private static List<SecretMatch> ScanAppSettings(string value)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan("appsettings.json", "{\n  \"Anthropic\": {\n    \"ApiKey\": \"" + value.Replace("\\", "\\\\") + "\"\n  }\n}\n", found);
        return found;
    }

    private static List<SecretMatch> ScanDotEnv(string value)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(".env", "ANTHROPIC_API_KEY=" + value + "\n", found);
        return found;
    }
}
