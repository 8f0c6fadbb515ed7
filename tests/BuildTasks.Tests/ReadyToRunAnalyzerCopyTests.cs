using Guardrails.BuildTasks.Integrity;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// The package's ReadyToRun copies (r2r/&lt;rid&gt;/, handed to a compiler on .NET by Guardrails.targets) are the package's
/// own assemblies for the check after the compiler; any other file of their name is still GRD306.
/// </summary>
public class ReadyToRunAnalyzerCopyTests
{
    private static (CompileInputs Inputs, TempDir Dir) WithPackage()
    {
        var dir = new TempDir();
        string effective = dir.Write("obj/guardrails/guardrails.effective-policy.json", EffectivePolicyText.Json("mode=Enforce\n"));
        dir.Write("pkg/analyzers/dotnet/cs/Guardrails.Analyzers.dll", "IL analyzers");
        dir.Write("pkg/analyzers/dotnet/cs/Guardrails.Core.dll", "IL core");
        dir.Write("pkg/r2r/linux-x64/Guardrails.Analyzers.dll", "R2R analyzers");
        dir.Write("pkg/r2r/linux-x64/Guardrails.Core.dll", "R2R core");
        var inputs = new CompileInputs
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            CheckReached = true,
            CheckedStateFile = dir.Write("obj/guardrails/guardrails.checked.txt", "mode=Enforce\npolicy=true\nallowed=\nallowedBy=default\n"),
            Language = "C#",
            AdditionalFiles = new[] { effective },
            EffectivePolicyFile = effective,
            PackagedAnalyzerDirectory = Path.Combine(dir.Path, "pkg", "analyzers", "dotnet", "cs") + Path.DirectorySeparatorChar,
        };
        return (inputs, dir);
    }

    [Fact]
    public void The_packages_ReadyToRun_copies_are_accepted_by_path_and_by_bytes()
    {
        var (inputs, dir) = WithPackage();
        using var _ = dir;
        inputs.Analyzers = new[] { Path.Combine(dir.Path, "pkg/r2r/linux-x64/Guardrails.Analyzers.dll"), Path.Combine(dir.Path, "pkg/r2r/linux-x64/Guardrails.Core.dll") };
        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD306");

        // The same bytes elsewhere (a copy the compiler shadow-copies or a restore to another folder) are the package's too.
        string copy = dir.Write("elsewhere/Guardrails.Analyzers.dll", "R2R analyzers");
        inputs.Analyzers = new[] { copy, Path.Combine(dir.Path, "pkg/analyzers/dotnet/cs/Guardrails.Core.dll") };
        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD306");
    }

    [Fact]
    public void Another_file_under_the_ReadyToRun_name_is_still_GRD306()
    {
        var (inputs, dir) = WithPackage();
        using var _ = dir;
        string own = dir.Write("tools/r2r/linux-x64/Guardrails.Analyzers.dll", "a developer's own analyzers");
        inputs.Analyzers = new[] { own, Path.Combine(dir.Path, "pkg/r2r/linux-x64/Guardrails.Core.dll") };
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD306" && f.Message.Contains("is not the Guardrails package's copy"));

        // A file put into an r2r folder of another package root is not one of this package's copies.
        string beside = dir.Write("other/r2r/linux-x64/Guardrails.Core.dll", "a developer's own core");
        inputs.Analyzers = new[] { Path.Combine(dir.Path, "pkg/r2r/linux-x64/Guardrails.Analyzers.dll"), beside };
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD306" && f.Message.Contains("Guardrails.Core.dll given to the compiler"));
    }
}
