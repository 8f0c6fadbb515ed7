using Microsoft.Build.Framework;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>The MSBuild task passes the assets file and the current time to the engine and logs waived findings as warnings.</summary>
public class PolicyTaskTests
{
    [Fact]
    public void The_task_checks_packages_from_ProjectAssetsFile_and_logs_policy_findings_with_positions()
    {
        using var dir = new TempDir();
        string manifest = PolicyHarness.BaseManifest.Edit("\"claude-sonnet-4-5\"", "\"gpt-4o\"").Edit("\"waivers\": []", "\"waivers\": [\"WVR-1\"]");
        var engine = new FakeBuildEngine();
        var task = new GuardrailsCheck
        {
            BuildEngine = engine,
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            // The base policy's approvals end on 2026-12-31 and WVR-1 on 2026-09-30: shift them far ahead so the
            // task's own clock (UTC now) finds them valid.
            PolicyPath = dir.Write("guardrails.policy.json", PolicyHarness.BasePolicy.Replace("2026-12-31", "2099-12-31").Replace("2026-09-30", "2099-09-30")),
            ManifestPath = dir.Write("ai-assistants.json", manifest),
            ProjectAssetsFile = dir.Write("obj/project.assets.json", Assets.Build(new[] { "Shady.AI" }, ("Shady.AI", "1.0.0", Array.Empty<string>()))),
            EffectivePolicyFile = Path.Combine(dir.Path, "obj", "guardrails.effective-policy.json"),
        };

        Assert.False(task.Execute());
        BuildErrorEventArgs denied = Assert.Single(engine.Errors);
        Assert.Equal("GRD202", denied.Code);
        Assert.EndsWith("project.assets.json", denied.File);
        Assert.True(denied.LineNumber > 0);

        BuildWarningEventArgs waived = Assert.Single(engine.Warnings);
        Assert.Equal("GRD114", waived.Code);
        Assert.Contains("Waived by 'WVR-1'", waived.Message);
        Assert.Contains("docs/rules/GRD114.md", waived.Message);
        Assert.Contains("package.denied=Shady.AI", Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(task.EffectivePolicyFile)));
    }
}
