using System.Text.Json;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.BuildTasks.Results;
using Guardrails.BuildTasks.Tests.Policy;

namespace Guardrails.BuildTasks.Tests;

/// <summary>The manifest is read only by ManifestReader, with or without a policy; nothing reads its JSON beside the model.</summary>
public class ManifestReadOnceTests
{
    [Fact]
    public void Without_a_policy_the_model_is_built_its_findings_do_not_count_and_the_audit_record_takes_it_from_the_model()
    {
        using var dir = new TempDir();
        string manifest = dir.Write("ai-assistants.json", PolicyHarness.BaseManifest.Edit("\"tier\": \"regulated\",", "\"tier\": \"regulated\", \"colour\": \"blue\","));
        var request = new CheckRequest { ProjectPath = Path.Combine(dir.Path, "App.csproj"), ManifestPath = manifest, Now = PolicyHarness.Now };

        CheckResult result = GuardrailsChecker.Run(request);

        Assert.NotNull(result.Manifest);
        Assert.Equal("regulated", result.Manifest!.Tier?.Value);
        Assert.DoesNotContain(result.Findings, f => f.Rule.Id == "GRD106");
        using JsonDocument audit = JsonDocument.Parse(AuditRecord.Build(request, result, "0.0.0-test"));
        Assert.Equal(result.Manifest.Repository?.Value, audit.RootElement.GetProperty("repository").GetString());
        Assert.False(string.IsNullOrEmpty(audit.RootElement.GetProperty("repository").GetString()));
        Assert.Equal("regulated", audit.RootElement.GetProperty("manifest").GetProperty("tier").GetString());
    }

    [Fact]
    public void Under_a_policy_the_same_unknown_field_is_reported()
    {
        var run = PolicyHarness.Check(manifest: PolicyHarness.BaseManifest.Edit("\"tier\": \"regulated\",", "\"tier\": \"regulated\", \"colour\": \"blue\","));

        Assert.Single(run.Of("GRD106"));
    }
}
