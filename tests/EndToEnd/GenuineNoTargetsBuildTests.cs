namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 9 (side observation): a genuine Microsoft.Build.NoTargets project (restored from nuget.org) that gets
/// Guardrails failed its own Enforce build with GRD311 ("the compiler wrote no error log"): NoTargets compiles nothing,
/// yet the verification after CoreCompile ran and looked for the compiler's record. Every repository with a NoTargets
/// project under a central Guardrails reference broke. Nothing compiled is nothing to verify; the CI gate still decides
/// whether a NoTargets project really compiled nothing (GRDCL30, adversary round 8 route 1).
/// </summary>
[Collection(PackageCollection.Name)]
public class GenuineNoTargetsBuildTests
{
    private readonly PackageFixture _fixture;

    public GenuineNoTargetsBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_genuine_NoTargets_project_under_Guardrails_builds_in_Enforce()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-notargets", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.Write("tools/Gen/Gen.csproj", $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Guardrails" Version="{_fixture.Version}" /></ItemGroup>
            </Project>
            """);

        DotNet.Result build = repo.BuildProjectFile("tools/Gen/Gen.csproj");

        Assert.True(build.ExitCode == 0, "a genuine NoTargets project fails under Guardrails:\n" + build);
        Assert.DoesNotContain("GRD311", build.Output);
        Assert.True(File.Exists(repo.PathOf("tools/Gen/obj/Debug/net10.0/guardrails/guardrails.audit.json")), "the check did not run for the NoTargets project:\n" + build);
    }
}
