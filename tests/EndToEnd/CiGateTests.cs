using System.Reflection;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// What no check inside a build can see, a build in which Guardrails' code never ran (the package's build assets
/// excluded, its targets redefined), is caught by the CI gate after the build: guardrails verify-build.
/// </summary>
[Collection(PackageCollection.Name)]
public class CiGateTests
{
    private readonly PackageFixture _fixture;

    public CiGateTests(PackageFixture fixture) => _fixture = fixture;

    private static DotNet.Result Gate(string folder)
    {
        string configuration = typeof(CiGateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        string tool = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net8.0", "guardrails.dll");
        return DotNet.Run(folder, null, tool, "verify-build", folder);
    }

    [Fact]
    public void The_gate_passes_a_verified_build_and_fails_builds_in_which_Guardrails_never_ran()
    {
        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-gate", 3), E2eDocuments.MinimalManifest);
        DotNet.Result clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        DotNet.Result passed = Gate(project.Directory);
        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.Contains("1 compiled output(s) verified by Guardrails.", passed.Output);

        // Every Guardrails target that checks redefined as an empty one: the build has no Guardrails code left to object with.
        project.Write("Directory.Build.targets", """
            <Project>
              <Target Name="GuardrailsCheck" />
              <Target Name="_GuardrailsMarkInCompilation" />
              <Target Name="_GuardrailsVerification" />
              <Target Name="_GuardrailsVerifyCompile" />
            </Project>
            """);
        project.Write("Program.cs", "Console.WriteLine(\"compiled again\");\n");
        DotNet.Result replaced = project.Build();
        Assert.True(replaced.ExitCode == 0, "expected the replaced targets to turn the build green (if this fails, the build now sees the route itself):\n" + replaced);
        DotNet.Result stale = Gate(project.Directory);
        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Contains("GRDCL24", stale.Output);
        Assert.Contains("is not the one the audit record verified", stale.Output);

        // The package referenced without its build assets: no Guardrails target at all, no record.
        TestProject excluded = _fixture.NewProject("Excluded");
        string csproj = excluded.PathOf("Excluded.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("PrivateAssets=\"all\"", "PrivateAssets=\"all\" ExcludeAssets=\"build;buildTransitive\"", StringComparison.Ordinal));
        DotNet.Result green = excluded.Build();
        Assert.True(green.ExitCode == 0, green.ToString());
        DotNet.Result missing = Gate(excluded.Directory);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("GRDCL20", missing.Output);
        Assert.Contains("Excluded.dll was compiled with no Guardrails audit record", missing.Output);
    }
}
