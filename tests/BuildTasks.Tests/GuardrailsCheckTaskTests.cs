using System.Text;
using Microsoft.Build.Framework;

namespace Guardrails.BuildTasks.Tests;

public class GuardrailsCheckTaskTests
{
    private const string ValidPolicy = "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 1, \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] } }";
    private const string ValidManifest = "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [] }";

    private static (GuardrailsCheck Task, FakeBuildEngine Engine) Create(TempDir dir, string? policy, string? manifest, string? mode = null)
    {
        var engine = new FakeBuildEngine();
        var task = new GuardrailsCheck
        {
            BuildEngine = engine,
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = policy,
            ManifestPath = manifest,
            Mode = mode,
            EffectivePolicyFile = Path.Combine(dir.Path, "obj", "guardrails.effective-policy.json"),
        };
        return (task, engine);
    }

    [Fact]
    public void Valid_policy_and_manifest_pass_and_write_the_effective_policy()
    {
        using var dir = new TempDir();
        var (task, engine) = Create(dir, dir.Write("guardrails.policy.json", ValidPolicy), dir.Write("ai-assistants.json", ValidManifest));

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        string effective = Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(task.EffectivePolicyFile));
        Assert.Contains("mode=Enforce", effective);
        Assert.Contains("policy=true", effective);
    }

    [Fact]
    public void Malformed_manifest_is_GRD102_at_line_and_column_with_the_docs_link()
    {
        using var dir = new TempDir();
        string manifest = dir.Write("ai-assistants.json", "{\n  \"assistants\": [\n    { \"id\": \"x\" }\n    { \"id\": \"y\" }\n  ]\n}");
        var (task, engine) = Create(dir, dir.Write("guardrails.policy.json", ValidPolicy), manifest);

        Assert.False(task.Execute());
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("GRD102", error.Code);
        Assert.Equal(manifest, error.File);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(5, error.ColumnNumber);
        Assert.Equal(Guardrails.Core.Rules.RuleCatalog.RepositoryUrl + "/blob/main/docs/rules/GRD102.md", error.HelpLink);
        Assert.Contains("docs/rules/GRD102.md", error.Message);
    }

    [Fact]
    public void Missing_policy_fails_closed_with_GRD101_on_the_project()
    {
        using var dir = new TempDir();
        var (task, engine) = Create(dir, Path.Combine(dir.Path, "nope", "guardrails.policy.json"), dir.Write("ai-assistants.json", ValidManifest));

        Assert.False(task.Execute());
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("GRD101", error.Code);
        Assert.Equal(task.ProjectPath, error.File);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void Audit_mode_turns_the_same_findings_into_warnings()
    {
        using var dir = new TempDir();
        var (task, engine) = Create(dir, Path.Combine(dir.Path, "missing.json"), null, mode: "audit");

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Equal("GRD101", Assert.Single(engine.Warnings).Code);
        Assert.Equal("Audit", task.EffectiveMode);
        Assert.Contains("mode=Audit", Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(task.EffectivePolicyFile)));
    }

    [Fact]
    public void Policy_without_a_manifest_is_GRD103_unless_the_policy_waives_the_requirement()
    {
        using var dir = new TempDir();
        var (task, engine) = Create(dir, dir.Write("guardrails.policy.json", ValidPolicy), null);
        Assert.False(task.Execute());
        Assert.Equal("GRD103", Assert.Single(engine.Errors).Code);

        using var dir2 = new TempDir();
        var (task2, engine2) = Create(dir2, dir2.Write("guardrails.policy.json", ValidPolicy.Replace("\"revision\": 1", "\"revision\": 1, \"defaults\": { \"requireManifest\": false }")), null);
        Assert.True(task2.Execute());
        Assert.Empty(engine2.Errors);
    }

    [Fact]
    public void No_policy_configured_means_secrets_rules_only_and_no_error()
    {
        using var dir = new TempDir();
        var (task, engine) = Create(dir, policy: "", manifest: null);
        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Contains("policy=false", Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(task.EffectivePolicyFile)));
    }

    [Fact]
    public void Unknown_mode_is_GRD104_and_enforces()
    {
        using var dir = new TempDir();
        var (task, engine) = Create(dir, Path.Combine(dir.Path, "missing.json"), null, mode: "Relaxed");
        Assert.False(task.Execute());
        Assert.Contains(engine.Errors, e => e.Code == "GRD104");
        Assert.Contains(engine.Errors, e => e.Code == "GRD101");
    }

    [Fact]
    public void Invalid_utf8_policy_is_reported_with_its_line()
    {
        using var dir = new TempDir();
        byte[] bytes = Encoding.ASCII.GetBytes("{\n\"a\": \"x\n").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes("\"}")).ToArray();
        string policy = dir.WriteBytes("guardrails.policy.json", bytes);
        var (task, engine) = Create(dir, policy, dir.Write("ai-assistants.json", ValidManifest));
        Assert.False(task.Execute());
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("GRD102", error.Code);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void Utf16_policy_with_a_byte_order_mark_is_read()
    {
        using var dir = new TempDir();
        byte[] bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ValidPolicy)).ToArray();
        var (task, engine) = Create(dir, dir.WriteBytes("guardrails.policy.json", bytes), dir.Write("ai-assistants.json", ValidManifest));
        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Oversized_policy_is_refused_without_reading_it()
    {
        using var dir = new TempDir();
        string policy = Path.Combine(dir.Path, "guardrails.policy.json");
        using (var fs = File.Create(policy))
        {
            fs.SetLength(5 * 1024 * 1024);
        }

        var (task, engine) = Create(dir, policy, dir.Write("ai-assistants.json", ValidManifest));
        Assert.False(task.Execute());
        Assert.Contains("limit", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void Unchanged_effective_policy_is_not_rewritten()
    {
        using var dir = new TempDir();
        var (task, _) = Create(dir, policy: null, manifest: null);
        Assert.True(task.Execute());
        DateTime first = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(task.EffectivePolicyFile, first);

        var (again, _) = Create(dir, policy: null, manifest: null);
        Assert.True(again.Execute());
        Assert.Equal(first, File.GetLastWriteTimeUtc(task.EffectivePolicyFile));
    }
}
