using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Footprints;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>
/// The build task's users of the one credential-reference grammar, held to the table Core's secret rules are tested
/// against (tests/Core.Tests/CredentialReferenceTests.cs): the team manifest's credentialRef (GRD120 for a literal,
/// GRD121 against the policy's credentialRefs, matched on the reference's scheme:name form) and assistant files.
/// </summary>
public class CredentialReferenceUsersTests
{
    private const string BaseRef = "\"credentialRef\": \"env:ANTHROPIC_API_KEY\"";

    public static IEnumerable<object?[]> References() => CredentialReferenceTable.References.Select(r => new object?[] { r.Value, r.Canonical });

    public static IEnumerable<object[]> NotReferences() => CredentialReferenceTable.NotReferences.Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(References))]
    public void The_manifest_takes_every_reference_of_the_table_and_the_policy_judges_its_scheme_form(string value, string? canonical)
    {
        var run = Check(manifest: BaseManifest.Edit(BaseRef, "\"credentialRef\": \"" + value + "\""));

        Assert.True(run.Of("GRD120").Count == 0, run.ToString());
        Assert.Equal(value, run.Result.Manifest!.Assistants.Single().CredentialRef?.Value);

        // The policy permits "env:ANTHROPIC_API_KEY" and "vault:kv/ai/*" for claude-code.
        bool permitted = canonical == "env:ANTHROPIC_API_KEY" || value.StartsWith("vault:kv/ai/", StringComparison.Ordinal);
        Assert.True(permitted == (run.Of("GRD121").Count == 0), run.ToString());
    }

    [Theory]
    [MemberData(nameof(NotReferences))]
    public void The_manifest_reports_a_value_outside_the_grammar_as_a_literal_without_printing_it(string value)
    {
        var run = Check(manifest: BaseManifest.Edit(BaseRef, "\"credentialRef\": \"" + value + "\""));

        Finding f = Assert.Single(run.Of("GRD120"));
        Assert.Contains("holds a literal value (", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(" + value + ")", f.Message, StringComparison.Ordinal);
        Assert.Null(run.Result.Manifest!.Assistants.Single().CredentialRef);
    }

    [Theory]
    [MemberData(nameof(References))]
    public void Assistant_files_take_every_reference_of_the_table_for_no_credential(string value, string? canonical)
    {
        _ = canonical;
        Assert.True(CredentialValues.IsReference(value));
        Assert.True(CredentialValues.IsReference("Bearer " + value));
        Assert.False(CredentialValues.IsLiteralCredential("ANTHROPIC_API_KEY", value, out _, out _));
        Assert.True(CredentialValues.HasVariable(value) || CredentialReference.IsSchemeReference(value) || value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal));
    }

    [Fact]
    public void Assistant_files_and_the_manifest_still_report_the_literal_key_of_the_table()
    {
        string key = CredentialReferenceTable.LiteralKey();
        Assert.True(CredentialValues.IsLiteralCredential("ANTHROPIC_API_KEY", key, out string redacted, out string? provider));
        Assert.DoesNotContain(key, redacted, StringComparison.Ordinal);
        Assert.Equal("Anthropic", provider);

        var run = Check(manifest: BaseManifest.Edit(BaseRef, "\"credentialRef\": \"" + key + "\""));
        Assert.NotEmpty(run.Of("GRD120"));
        Assert.DoesNotContain(key, run.ToString(), StringComparison.Ordinal);
    }
}
