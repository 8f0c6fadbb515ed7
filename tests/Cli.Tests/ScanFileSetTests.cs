using System.Text.RegularExpressions;
using Guardrails.Cli.Scan;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>The scan reads the same config files the build passes to the key scan: the extension list in the package's
/// targets and the tool's list cannot drift apart.</summary>
public sealed class ScanFileSetTests
{
    [Fact]
    public void Scan_extensions_are_the_targets_extensions_plus_project_files()
    {
        string targets = File.ReadAllText(Path.Combine(RepoPaths.Root, "nuget", "build", "Guardrails.targets"));
        var fromTargets = Regex.Matches(targets, @"'%\(_GuardrailsScanSource\.Extension\)' == '(\.[a-z0-9]+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(fromTargets);
        Assert.Subset(RepositoryFiles.TextExtensions, fromTargets);
        Assert.Empty(RepositoryFiles.TextExtensions.Except(fromTargets, StringComparer.OrdinalIgnoreCase).Except(RepositoryFiles.ProjectExtensions, StringComparer.OrdinalIgnoreCase));
    }
}
