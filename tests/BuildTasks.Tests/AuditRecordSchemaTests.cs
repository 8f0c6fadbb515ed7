using System.Text.Json.Nodes;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.BuildTasks.Results;
using Guardrails.BuildTasks.Tests.Policy;
using Guardrails.Tests.Shared;
using Json.Schema;

namespace Guardrails.BuildTasks.Tests;

/// <summary>schemas/guardrails.audit.schema.json describes the record the check and the post-compile verification write.</summary>
public class AuditRecordSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "guardrails.audit.schema.json")));

    private static EvaluationResults Evaluate(JsonNode record) => Schema.Evaluate(record, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults r) =>
        string.Join("\n", r.Details.Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)));

    /// <summary>A record of a check with assistants, a model, an MCP server (by id and by URL), a direct and a transitive AI package, findings, then the compile section.</summary>
    private static JsonNode Written()
    {
        using var dir = new TempDir();
        string policy = PolicyHarness.BasePolicy.Replace("2026-12-31", "2099-12-31").Replace("2026-09-30", "2099-09-30");
        string manifest = PolicyHarness.BaseManifest.Edit("\"mcpServers\": [\"github\"]", "\"mcpServers\": [\"github\", { \"url\": \"https://mcp.unknown.example/sse\" }], \"permissions\": { \"autoApprove\": true }");
        var request = new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = dir.Write("policy/guardrails.policy.json", policy),
            ManifestPath = dir.Write("ai-assistants.json", manifest),
            ProjectAssetsFile = dir.Write("obj/project.assets.json", Assets.Build(new[] { "Anthropic", "Contoso.Wrapper" },
                ("Anthropic", "1.5.0", Array.Empty<string>()), ("Contoso.Wrapper", "1.0.0", new[] { "OpenAI/2.1.0" }), ("OpenAI", "2.1.0", Array.Empty<string>()))),
            Mode = "Enforce",
            Now = PolicyHarness.Now,
            CheckFootprints = false,
        };
        CheckResult result = GuardrailsChecker.Run(request);
        Assert.Contains(result.Findings, f => f.IsError(true));
        string record = AuditRecord.Build(request, result, "1.0.0", new BuildProvenance { Repository = "github.com/contoso/payments", Commit = "abc", CiSystem = "github-actions" });
        object compile = AuditRecord.Obj(
            ("assembly", AuditRecord.Obj(("file", "App.dll"), ("sha256", "00"))),
            ("checkRan", true),
            ("analyzersRan", true),
            ("severities", "error, not configurable"),
            ("effectivePolicySha256", "11"),
            ("verified", false),
            ("findings", new List<object?> { AuditRecord.Obj(("id", "GRD311"), ("message", "a scan file was removed"), ("error", true)) }));
        object endpoints = EndpointReach.Section(new[] { new EndpointUse("api.openai.com", "/src/A.cs") }, null, null, "compiler error log (GRD008)");
        return JsonNode.Parse(AuditRecord.WithCompile(record, compile, "2026-12-03T10:00:00Z", endpoints))!;
    }

    [Fact]
    public void A_record_the_check_and_the_verification_write_is_valid_and_carries_the_1_2_members()
    {
        JsonNode record = Written();

        EvaluationResults r = Evaluate(record);

        Assert.True(r.IsValid, Errors(r));
        Assert.Equal(AuditRecord.Format, (string?)record["auditFormat"]);
        JsonArray components = record["components"]!.AsArray();
        JsonNode openAi = components.Single(c => (string?)c!["id"] == "OpenAI")!;
        Assert.Equal(new[] { "Contoso.Wrapper", "OpenAI" }, openAi["chain"]!.AsArray().Select(x => (string?)x));
        Assert.Contains(components, c => (string?)c!["type"] == "mcpServer" && (string?)c["server"]!["url"] == "https://mcp.unknown.example/sse");
        Assert.Equal("autoApprove", (string?)components.Single(c => (string?)c!["type"] == "assistant")!["permissions"]![0]);
        Assert.Equal("api.openai.com", (string?)record["endpoints"]!["hosts"]![0]!["host"]);
    }

    [Fact]
    public void A_waiver_the_verification_applied_is_listed_in_waiversApplied_until_a_later_verification_no_longer_applies_it()
    {
        JsonNode record = Written();
        record["waiversApplied"] = new JsonArray(JsonNode.Parse("""{ "id": "WVR-1", "rule": "GRD114", "subject": "claude-code/gpt-4o", "approvedBy": "li", "approvedAt": "2026-05-01", "expiresAt": "2099-09-30", "ticket": null, "reason": "model evaluation" }"""));
        var waiver = new Guardrails.Core.Policy.WaiverEntry("W-PKG", "GRD201", "OpenAI*", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), "li", "pilot", 12);
        object compile = AuditRecord.Obj(
            ("checkRan", true), ("analyzersRan", true), ("severities", "error, not configurable"), ("verified", true),
            ("findings", new List<object?> { AuditRecord.Obj(("id", "GRD201"), ("message", "The compiler referenced OpenAI.dll ... Waived by 'W-PKG'"), ("error", false), ("waivedBy", "W-PKG")) }));

        JsonNode waived = JsonNode.Parse(AuditRecord.WithCompile(record.ToJsonString(), compile, "2026-12-03T10:00:00Z", null, new[] { waiver }))!;

        EvaluationResults r = Evaluate(waived);
        Assert.True(r.IsValid, Errors(r));
        JsonArray applied = waived["waiversApplied"]!.AsArray();
        Assert.Equal(new[] { "WVR-1", "W-PKG" }, applied.Select(w => (string?)w!["id"]));
        JsonNode entry = applied[1]!;
        Assert.Equal("GRD201", (string?)entry["rule"]);
        Assert.Equal("OpenAI*", (string?)entry["subject"]);
        Assert.Equal("2098-12-31", (string?)entry["expiresAt"]);
        Assert.Equal("compile", (string?)entry["appliedBy"]);
        Assert.Equal("W-PKG", (string?)waived["compile"]!["findings"]![0]!["waivedBy"]);

        // The same verification again does not repeat it; one that no longer applies it drops it, the check's stays.
        string again = AuditRecord.WithCompile(waived.ToJsonString(), compile, "2026-12-03T10:01:00Z", null, new[] { waiver });
        Assert.Equal(2, JsonNode.Parse(again)!["waiversApplied"]!.AsArray().Count);
        JsonNode without = JsonNode.Parse(AuditRecord.WithCompile(again, compile, "2026-12-03T10:02:00Z", null, Array.Empty<Guardrails.Core.Policy.WaiverEntry>()))!;
        Assert.Equal(new[] { "WVR-1" }, without["waiversApplied"]!.AsArray().Select(w => (string?)w!["id"]));
    }

    [Theory]
    [InlineData("checkout")]
    [InlineData("hr-portal")]
    [InlineData("payments")]
    public void The_sample_estate_records_are_valid(string repository)
    {
        EvaluationResults r = Evaluate(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "estate", repository, "guardrails.audit.json")))!);
        Assert.True(r.IsValid, Errors(r));
    }

    [Theory]
    [InlineData("format 2")]
    [InlineData("chain as text")]
    [InlineData("unknown level")]
    [InlineData("compile without verified")]
    [InlineData("time in words")]
    [InlineData("component without id")]
    [InlineData("endpoint status in words")]
    [InlineData("endpoints without complete")]
    public void The_schema_refuses_a_record_that_breaks_the_format(string mistake)
    {
        JsonNode record = Written();
        JsonArray components = record["components"]!.AsArray();
        switch (mistake)
        {
            case "format 2": record["auditFormat"] = "2.0"; break;
            case "chain as text": components.Single(c => (string?)c!["id"] == "OpenAI")!["chain"] = "Contoso.Wrapper > OpenAI"; break;
            case "unknown level": record["findings"]![0]!["level"] = "fatal"; break;
            case "compile without verified": record["compile"]!.AsObject().Remove("verified"); break;
            case "time in words": record["build"]!["time"] = "yesterday"; break;
            case "component without id": components[0]!.AsObject().Remove("id"); break;
            case "endpoint status in words": record["endpoints"]!["hosts"]![0]!["status"] = "fine"; break;
            case "endpoints without complete": record["endpoints"]!.AsObject().Remove("complete"); break;
        }

        Assert.False(Evaluate(record).IsValid, mistake);
    }
}
