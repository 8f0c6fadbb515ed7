using Microsoft.Build.Framework;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// A JSON object with the same member twice (<c>"mode": "Enforce", "mode": "Audit"</c>) is read differently by different
/// parsers (first wins, last wins, error): the policy and the team manifest the build reads refuse it as GRD102 at the
/// second occurrence, naming the member, so no reader of the same file can see another document.
/// </summary>
public class DuplicateJsonMemberTests
{
    private const string ValidPolicy = "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 1, \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] } }";
    private const string ValidManifest = "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [] }";

    private static (GuardrailsCheck Task, FakeBuildEngine Engine) Create(TempDir dir, string policy, string manifest)
    {
        var engine = new FakeBuildEngine();
        var task = new GuardrailsCheck
        {
            BuildEngine = engine,
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = policy,
            ManifestPath = manifest,
            EffectivePolicyFile = Path.Combine(dir.Path, "obj", "guardrails.effective-policy.json"),
        };
        return (task, engine);
    }

    [Fact]
    public void A_policy_with_mode_twice_is_GRD102_at_the_second()
    {
        using var dir = new TempDir();
        string policy = dir.Write("guardrails.policy.json",
            "{\n  \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 1,\n  \"mode\": \"Enforce\",\n  \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] },\n  \"mode\": \"Audit\"\n}");
        var (task, engine) = Create(dir, policy, dir.Write("ai-assistants.json", ValidManifest));

        Assert.False(task.Execute());
        BuildErrorEventArgs error = Assert.Single(engine.Errors, e => e.Code == "GRD102");
        Assert.Equal(policy, error.File);
        Assert.Equal(5, error.LineNumber);
        Assert.Equal(3, error.ColumnNumber);
        Assert.Contains("\"mode\"", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_manifest_with_a_member_twice_in_a_nested_object_is_GRD102()
    {
        using var dir = new TempDir();
        string manifest = dir.Write("ai-assistants.json",
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\",\n  \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\", \"team\": \"U\" },\n  \"assistants\": [] }");
        var (task, engine) = Create(dir, dir.Write("guardrails.policy.json", ValidPolicy), manifest);

        Assert.False(task.Execute());
        BuildErrorEventArgs error = Assert.Single(engine.Errors, e => e.Code == "GRD102");
        Assert.Equal(manifest, error.File);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void The_same_name_in_two_objects_is_not_a_duplicate()
    {
        using var dir = new TempDir();
        string manifest = dir.Write("ai-assistants.json",
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [], \"x\": { \"team\": \"T\" } }");
        var (task, engine) = Create(dir, dir.Write("guardrails.policy.json", ValidPolicy), manifest);

        task.Execute();
        Assert.DoesNotContain(engine.Errors, e => e.Code == "GRD102");
    }
}
