using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD306: the Guardrails analyzers removed from, or switched off in, the compilation.</summary>
public class AnalyzerRemovedTests
{
    [Fact]
    public void Missing_analyzer_assembly_is_GRD306()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.Analyzers = new ITaskItem[] { new TaskItem("/x/Microsoft.CodeAnalysis.NetAnalyzers.dll"), new TaskItem("/x/Guardrails.Core.dll") };

        Assert.False(runner.Run().Passed);
        Assert.Contains("Guardrails.Analyzers.dll", runner.Error("GRD306").Message);
    }

    [Fact]
    public void No_analyzers_at_all_is_GRD306()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.Analyzers = null;
        Assert.False(runner.Run().Passed);
        Assert.Contains("Guardrails.Analyzers.dll, Guardrails.Core.dll", runner.Error("GRD306").Message);
    }

    [Fact]
    public void A_source_build_path_is_recognised_by_file_name()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.Analyzers = new ITaskItem[] { new TaskItem("/repo/src/Analyzers/bin/Debug/netstandard2.0/guardrails.analyzers.dll"), new TaskItem("/repo/src/Core/bin/Debug/netstandard2.0/Guardrails.Core.dll") };
        Assert.True(runner.Run().Passed, string.Join(",", runner.ErrorCodes));
    }

    [Theory]
    [InlineData("false", null, "RunAnalyzers=false")]
    [InlineData(null, "false", "RunAnalyzersDuringBuild=false")]
    public void Switching_analyzers_off_is_GRD306(string? runAnalyzers, string? duringBuild, string expected)
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.RunAnalyzers = runAnalyzers;
        runner.Task.RunAnalyzersDuringBuild = duringBuild;
        Assert.False(runner.Run().Passed);
        Assert.Contains(expected, runner.Error("GRD306").Message);
    }

    [Fact]
    public void RunAnalyzers_true_wins_over_RunAnalyzersDuringBuild_false_and_other_languages_are_skipped()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.RunAnalyzers = "true";
        runner.Task.RunAnalyzersDuringBuild = "false";
        Assert.True(runner.Run().Passed);

        using var dir2 = new TempDir();
        var vb = new CheckRunner(dir2);
        vb.Task.Language = "VB";
        vb.Task.Analyzers = null;
        Assert.True(vb.Run().Passed);
    }
}
