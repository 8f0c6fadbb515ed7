using System.Text.Json;
using System.Text.Json.Nodes;
using Guardrails.Tests.Shared;
using Json.Schema;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>The JSON Schemas in schemas/ accept the samples and the test documents, and refuse what the check refuses.</summary>
public class SchemaTests
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static JsonSchema Schema(string name) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", name)));

    private static EvaluationResults Evaluate(string schema, string json) =>
        Schema(schema).Evaluate(JsonNode.Parse(json, documentOptions: Lenient), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults r) =>
        string.Join("\n", r.Details.Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)));

    [Theory]
    [InlineData("guardrails.policy.schema.json", "samples/policy/guardrails.policy.json")]
    [InlineData("ai-assistants.schema.json", "samples/Compliant/ai-assistants.json")]
    public void The_samples_validate_against_the_schemas(string schema, string sample)
    {
        EvaluationResults r = Evaluate(schema, File.ReadAllText(Path.Combine(RepoPaths.Root, sample)));
        Assert.True(r.IsValid, Errors(r));
    }

    [Fact]
    public void The_violations_sample_breaks_the_schema_only_where_it_means_to()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples/Violations/ai-assistants.json"));
        Assert.False(Evaluate("ai-assistants.schema.json", text).IsValid);

        // Its owner lacks a contact (GRD119) and it holds a literal credential (GRD120); everything else is schema-valid
        // (the other violations are policy violations, which a schema cannot see).
        string repaired = text
            .Edit("\"owner\": { \"team\": \"Checkout\" }", "\"owner\": { \"team\": \"Checkout\", \"contact\": \"c@example.test\" }")
            .Edit("\"not-a-reference-NotARealSecretValue1234\"", "\"env:ANTHROPIC_API_KEY\"");
        EvaluationResults r = Evaluate("ai-assistants.schema.json", repaired);
        Assert.True(r.IsValid, Errors(r));
    }

    [Fact]
    public void The_test_documents_validate_too()
    {
        EvaluationResults policy = Evaluate("guardrails.policy.schema.json", PolicyHarness.BasePolicy);
        Assert.True(policy.IsValid, Errors(policy));
        EvaluationResults manifest = Evaluate("ai-assistants.schema.json", PolicyHarness.BaseManifest);
        Assert.True(manifest.IsValid, Errors(manifest));
    }

    [Theory]
    [InlineData("\"models\": {", "\"modles\": {")]
    [InlineData("\"revision\": 3", "\"revision\": \"3\"")]
    [InlineData("\"url\": \"https://api.githubcopilot.com/mcp/*\"", "\"url\": \"https://api.githubcopilot.com/mcp/*\", \"package\": \"X\"")]
    [InlineData("\"expiresAt\": \"2026-12-31\", \"ticket\"", "\"expiresAt\": \"end of year\", \"ticket\"")]
    public void The_policy_schema_refuses_what_the_check_refuses(string from, string to)
    {
        Assert.False(Evaluate("guardrails.policy.schema.json", PolicyHarness.BasePolicy.Edit(from, to)).IsValid);
        Assert.NotEmpty(PolicyHarness.Check(PolicyHarness.BasePolicy.Edit(from, to)).Errors);
    }

    [Fact]
    public void The_manifest_schema_refuses_a_literal_credential_and_a_missing_repository()
    {
        Assert.False(Evaluate("ai-assistants.schema.json", PolicyHarness.BaseManifest.Edit("\"env:ANTHROPIC_API_KEY\"", "\"hunter2-literal\"")).IsValid);
        Assert.False(Evaluate("ai-assistants.schema.json", PolicyHarness.BaseManifest.Edit("\"repository\": \"github.com/contoso/payments\",", "")).IsValid);
    }
}
