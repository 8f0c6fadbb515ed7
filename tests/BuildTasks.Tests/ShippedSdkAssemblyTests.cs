using System.Text.Json;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// An AI SDK's assembly copied to the output with no package reference (a PackageDownload's dll in a None item, a
/// committed dll; adversary round 2 #3): the audit record and the AI-BOM list it, with what the policy says of its package,
/// instead of saying no AI SDK ships.
/// </summary>
public class ShippedSdkAssemblyTests
{
    [Fact]
    public void An_sdk_assembly_shipped_by_copy_is_listed_in_the_audit_record_and_the_ai_bom_as_not_approved()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.CycloneDxFile = Path.Combine(dir.Path, "obj", "guardrails", "bom.json");
        runner.Task.ShippedAssemblies = new[]
        {
            new TaskItem(Path.Combine(dir.Path, "lib", "OpenAI.dll")),
            new TaskItem(Path.Combine(dir.Path, "lib", "System.ClientModel.dll")),
            new TaskItem(Path.Combine(dir.Path, "lib", "Newtonsoft.Json.dll")),
        };

        runner.Run();

        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(runner.Task.AuditFile!));
        JsonElement assembly = Assert.Single(audit.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("type").GetString() == "assembly");
        Assert.Equal("OpenAI.dll", assembly.GetProperty("id").GetString());
        Assert.Equal("OpenAI", assembly.GetProperty("package").GetString());
        Assert.Equal("not approved", assembly.GetProperty("policyStatus").GetString());

        using JsonDocument bom = JsonDocument.Parse(File.ReadAllText(runner.Task.CycloneDxFile));
        JsonElement component = Assert.Single(bom.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("bom-ref").GetString() == "file:OpenAI.dll");
        Assert.Contains(component.GetProperty("properties").EnumerateArray(), p => p.GetProperty("name").GetString() == "guardrails:kind" && p.GetProperty("value").GetString() == "ai-sdk-assembly");
    }

    [Fact]
    public void An_approved_sdk_shipped_by_copy_is_listed_as_approved_and_nothing_is_listed_without_one()
    {
        using var dir = new TempDir();
        const string approving = "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 3, \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] }, " +
            "\"packages\": { \"approved\": [ { \"id\": \"OpenAI\" } ] } }";
        var runner = new CheckRunner(dir, policy: approving);
        runner.Task.ShippedAssemblies = new[] { new TaskItem(Path.Combine(dir.Path, "lib", "OpenAI.dll")) };
        runner.Run();
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(runner.Task.AuditFile!));
        JsonElement assembly = Assert.Single(audit.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("type").GetString() == "assembly");
        Assert.Equal("approved", assembly.GetProperty("policyStatus").GetString());

        using var other = new TempDir();
        var plain = new CheckRunner(other);
        plain.Task.ShippedAssemblies = new[] { new TaskItem(Path.Combine(other.Path, "lib", "Newtonsoft.Json.dll")) };
        plain.Run();
        using JsonDocument none = JsonDocument.Parse(File.ReadAllText(plain.Task.AuditFile!));
        Assert.DoesNotContain(none.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("type").GetString() == "assembly");
    }
}
