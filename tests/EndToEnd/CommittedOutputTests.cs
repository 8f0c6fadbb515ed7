namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// A committed obj/ (with its stamps, assembly and audit record) cloned fresh at the same path with a warm package
/// cache, as a CI agent with a cached NuGet folder would: git writes obj/ after the sources, so incremental targets can
/// see their outputs as newer than their inputs. The committed output fails the build (GRD315). (In that setup the check
/// also re-runs without the git index among its inputs; the second test is the one where only the index changes, and
/// shows the index input is needed.)
/// </summary>
[Collection(PackageCollection.Name)]
public class CommittedOutputTests
{
    private readonly PackageFixture _fixture;

    public CommittedOutputTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_fresh_clone_of_a_repository_with_committed_build_output_runs_the_check_and_fails()
    {
        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-committed-obj", 1), E2eDocuments.MinimalManifest);
        DotNet.Result first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());

        // Commit everything, obj/ and bin/ included, then clone at the very same path (a CI agent's fixed work folder).
        Git.CommitAll(project.Directory, "with build output", force: true);
        Git.CloneInPlaceWithOneFileTime(project.Directory);

        DotNet.Result clone = project.Build();

        Assert.True(clone.ExitCode != 0, "expected the committed build output to fail the build:\n" + clone);
        Assert.Contains("error GRD315", clone.Output);
        Assert.Contains("'obj/' is a build output folder of this project", clone.Output);
        Assert.Contains("'bin/' is a build output folder of this project", clone.Output);
    }

    /// <summary>
    /// The verification after the compiler is not skipped on a fresh clone of committed obj/ either: the committed
    /// compile stamp, obj/App.dll and the git index checked out in one clock tick look up to date to MSBuild, and the
    /// committed obj/App.dll is what bin/ ships. In Audit mode GRD315 does not stop the build, so this is the case where
    /// the audit record would otherwise describe an assembly nothing verified.
    /// </summary>
    [Fact]
    public void A_fresh_clone_of_committed_build_output_with_one_file_time_still_runs_the_verification_after_the_compiler()
    {
        // No generated AssemblyInfo.cs (a property any project may set): nothing is rewritten before CoreCompile, so the
        // compiler is skipped as up to date and the verification inside it does not run.
        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-committed-stamp", 1), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Audit"), ("GenerateAssemblyInfo", "false"));
        DotNet.Result first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());

        Git.CommitAll(project.Directory, "with build output", force: true);
        Git.CloneInPlaceWithOneFileTime(project.Directory);

        DotNet.Result clone = project.Build("-v:d");

        Assert.True(clone.ExitCode == 0, clone.ToString());
        Assert.Contains("warning GRD315", clone.Output);
        Assert.DoesNotContain("Skipping target \"_GuardrailsVerifyCompile\"", clone.Output);
        Assert.Contains("Done building target \"_GuardrailsVerification\"", clone.Output);
    }

    /// <summary>
    /// The git index is an input of the check, and this shows it is needed: obj/ is git-ignored and not on the project's
    /// walk, the project is built and up to date (a build with no change skips the check), then only the index changes,
    /// when an obj/ file is committed with 'git add -f'. Nothing else the check reads is newer; the check runs again
    /// because the index is, reads the committed obj/ file from it and fails the build with GRD315.
    /// </summary>
    [Fact]
    public void Committing_an_ignored_obj_file_changes_only_the_git_index_and_the_check_runs_again_and_fails_with_GRD315()
    {
        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-committed-index", 1), E2eDocuments.MinimalManifest);
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory, "sources only");
        DotNet.Result first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());

        // Up to date: with nothing changed, MSBuild skips the check.
        DotNet.Result unchanged = project.Build("-v:n");
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("Skipping target \"GuardrailsCheck\" because all output files are up-to-date", unchanged.Output);

        Git.Run(project.Directory, "add", "-f", "obj/project.assets.json");
        Git.Run(project.Directory, "commit", "-q", "-m", "an ignored build output file, forced in");
        DotNet.Result committed = project.Build("-v:n");

        Assert.True(committed.ExitCode != 0, "expected the committed obj/ file to fail the build:\n" + committed);
        Assert.DoesNotContain("Skipping target \"GuardrailsCheck\"", committed.Output);
        Assert.Contains("error GRD315", committed.Output);
        Assert.Contains("'obj/' is a build output folder of this project", committed.Output);
    }
}
