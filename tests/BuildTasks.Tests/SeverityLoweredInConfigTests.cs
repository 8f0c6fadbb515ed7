namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD305: .editorconfig / .globalconfig severities that hide or downgrade a Guardrails diagnostic.</summary>
public class SeverityLoweredInConfigTests
{
    private static CheckRunner Run(TempDir dir, string config, string name = ".editorconfig", string? mode = null, string? policy = null)
    {
        var runner = new CheckRunner(dir, policy ?? CheckRunner.Policy);
        runner.Task.Mode = mode;
        runner.Task.AnalyzerConfigFiles = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(dir.Write(name, config)) };
        return runner.Run();
    }

    [Fact]
    public void Severity_none_for_a_Guardrails_id_is_reported_at_the_line()
    {
        using var dir = new TempDir();
        var runner = Run(dir, "root = true\n\n[*.cs]\nindent_size = 4\n  dotnet_diagnostic.GRD001.severity = none # legacy\n");

        Assert.False(runner.Passed);
        var error = runner.Error("GRD305");
        Assert.EndsWith(".editorconfig", error.File);
        Assert.Equal(5, error.LineNumber);
        Assert.Equal(3, error.ColumnNumber);
        Assert.Contains("GRD001 severity = none", error.Message);
    }

    [Theory]
    [InlineData("dotnet_diagnostic.grd001.severity = silent")]
    [InlineData("dotnet_diagnostic.GRD003.severity: suggestion")]
    [InlineData("dotnet_analyzer_diagnostic.category-Guardrails.Secrets.severity = none")]
    [InlineData("DOTNET_DIAGNOSTIC.GRD001.SEVERITY = None")]
    [InlineData("dotnet_diagnostic.GRD001.severity = warning")]
    public void Lowering_forms_are_reported_in_a_globalconfig(string line)
    {
        using var dir = new TempDir();
        var runner = Run(dir, "is_global = true\n" + line + "\n", ".globalconfig");
        Assert.Equal(2, runner.Error("GRD305").LineNumber);
    }

    [Fact]
    public void Error_default_other_ids_and_comments_are_left_alone()
    {
        using var dir = new TempDir();
        var runner = Run(dir, "[*]\ndotnet_diagnostic.GRD001.severity = error\ndotnet_diagnostic.CA2000.severity = none\n# dotnet_diagnostic.GRD001.severity = none\ndotnet_diagnostic.GRD002.severity = default\n");
        Assert.True(runner.Passed, string.Join(",", runner.ErrorCodes));
    }

    [Fact]
    public void Tuning_a_warning_only_rule_by_id_is_not_a_bypass_but_its_category_still_is()
    {
        using var dir = new TempDir();
        Assert.True(Run(dir, "[*]\ndotnet_diagnostic.GRD006.severity = none\n").Passed);

        using var dir2 = new TempDir();
        var runner = Run(dir2, "[*]\ndotnet_diagnostic.GRD006.severity = none\ndotnet_analyzer_diagnostic.category-Guardrails.Secrets.severity = none\n");
        Assert.Equal(3, runner.Error("GRD305").LineNumber);
    }

    [Fact]
    public void Warning_is_only_lowering_in_Enforce_mode()
    {
        using var dir = new TempDir();
        var runner = Run(dir, "[*]\ndotnet_diagnostic.GRD001.severity = warning\n", mode: "Audit");
        Assert.Empty(runner.WarningCodes);
    }

    [Fact]
    public void All_analyzers_none_is_reported_unless_every_Guardrails_analyzer_rule_is_kept()
    {
        using var dir = new TempDir();
        Assert.Equal(2, Run(dir, "[*]\ndotnet_analyzer_diagnostic.severity = none\n").Error("GRD305").LineNumber);

        using var dir2 = new TempDir();
        string keepAll = string.Concat(Guardrails.Core.Rules.RuleCatalog.All
            .Where(r => r.Host == Guardrails.Core.Rules.RuleHost.Analyzer && r.IsErrorInEnforce) // warning-only rules need no keeping
            .Select(r => "dotnet_diagnostic." + r.Id + ".severity = error\n"));
        var kept = Run(dir2, "[*]\ndotnet_analyzer_diagnostic.severity = none\n" + keepAll);
        Assert.True(kept.Passed, string.Join(",", kept.ErrorCodes));
    }

    [Fact]
    public void Allowed_when_the_policy_allows_analyzer_config()
    {
        using var dir = new TempDir();
        var runner = Run(dir, "[*]\ndotnet_diagnostic.GRD001.severity = none\n", policy: CheckRunner.PolicyAllowing("[\"analyzerConfig\"]"));
        Assert.True(runner.Passed);
    }

    [Fact]
    public void Missing_huge_or_binary_config_files_are_ignored()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string huge = dir.Write("big/.editorconfig", new string('#', 2 * 1024 * 1024));
        string binary = dir.WriteBytes("bin/.editorconfig", new byte[] { 0, 1, 2, 0xFF, 0xFE });
        runner.Task.AnalyzerConfigFiles = new[] { huge, binary, Path.Combine(dir.Path, "nope", ".editorconfig") }
            .Select(p => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(p)).ToArray();
        Assert.True(runner.Run().Passed, string.Join(",", runner.ErrorCodes));
    }
}
