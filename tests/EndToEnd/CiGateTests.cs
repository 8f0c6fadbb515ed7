using System.Text.Json.Nodes;
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

    /// <summary>
    /// Adversary route #26: Guardrails dropped from the project, a key compiled in, and the audit record a clean build
    /// would write put beside the new assembly with its bytes' hash (what a build target can write). The record checks
    /// pass, pins included: nothing in the record is bound to the build. The independent rescan (the gate's own scan of
    /// the tree with CI's copy of the policy) finds GRD001 the record does not name: GRDCL28.
    /// </summary>
    [Fact]
    public void A_forged_audit_record_passes_the_record_checks_and_fails_on_the_assemblys_bytes_and_the_independent_rescan()
    {
        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-gate-forge", 3), E2eDocuments.MinimalManifest);
        string pin = project.PinPolicy();
        DotNet.Result clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        const string record = E2eDocuments.AuditRecordFile;
        JsonNode template = JsonNode.Parse(File.ReadAllText(project.PathOf(record)))!;
        Assert.True(GuardrailsTool.VerifyBuild(project.Directory, "--policy-sha256", pin, "--rescan-with-policy", project.PathOf(E2eDocuments.PolicyFile)).ExitCode == 0);

        string csproj = project.PathOf(project.Name + ".csproj");
        string text = File.ReadAllText(csproj);
        int start = text.IndexOf("<PackageReference Include=\"Guardrails\"", StringComparison.Ordinal);
        File.WriteAllText(csproj, text.Remove(start, text.IndexOf("/>", start, StringComparison.Ordinal) + 2 - start));
        string key = FakeKeys.OpenAiProject("GateForgedRecordFakeKey");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        DotNet.Result dropped = project.Build();
        Assert.True(dropped.ExitCode == 0, dropped.ToString());
        Assert.DoesNotContain("GRD001", dropped.Output);

        string assembly = project.PathOf("obj/Debug/net10.0/App.dll");
        template["compile"]!["assembly"]!["sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(assembly)));
        File.WriteAllText(project.PathOf(record), template.ToJsonString());

        // The forged record passes the record checks (the record is not signed), but since adversary round 7 route 2 the
        // gate reads a verified assembly's own bytes: the key the compiler put in App.dll's string heap fails it.
        DotNet.Result fooled = GuardrailsTool.VerifyBuild(project.Directory, "--policy-sha256", pin);
        Assert.True(fooled.ExitCode == 1, fooled.ToString());
        Assert.Contains("GRDCL31", fooled.Output);
        Assert.Contains("App.dll", fooled.Output);
        Assert.DoesNotContain("GRDCL28", fooled.Output);
        Assert.DoesNotContain(key, fooled.Output);

        DotNet.Result rescanned = GuardrailsTool.VerifyBuild(project.Directory, "--policy-sha256", pin, "--rescan-with-policy", project.PathOf(E2eDocuments.PolicyFile));
        Assert.True(rescanned.ExitCode == 1, rescanned.ToString());
        Assert.Contains("GRDCL28", rescanned.Output);
        Assert.Contains("GRD001 Program.cs(1,", rescanned.Output);
        Assert.DoesNotContain(key, rescanned.Output);

        // CI's policy copy must be the pinned one.
        string other = project.Write("ci/other.policy.json", E2eDocuments.Policy("e2e-gate-other", 4));
        DotNet.Result mismatched = GuardrailsTool.VerifyBuild(project.Directory, "--policy-sha256", pin, "--rescan-with-policy", other);
        Assert.NotEqual(0, mismatched.ExitCode);
        Assert.Contains("GRDCL26", mismatched.Output + mismatched.ToString());
    }

    [Fact]
    public void The_gate_passes_a_verified_build_and_fails_builds_in_which_Guardrails_never_ran()
    {
        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-gate", 3), E2eDocuments.MinimalManifest);
        DotNet.Result clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        DotNet.Result passed = GuardrailsTool.VerifyBuild(project.Directory);
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
        DotNet.Result stale = GuardrailsTool.VerifyBuild(project.Directory);
        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Contains("GRDCL24", stale.Output);
        Assert.Contains("is not the one the audit record verified", stale.Output);

        // The package referenced without its build assets: no Guardrails target at all, no record.
        TestProject excluded = _fixture.NewProject("Excluded");
        string csproj = excluded.PathOf("Excluded.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("PrivateAssets=\"all\"", "PrivateAssets=\"all\" ExcludeAssets=\"build;buildTransitive\"", StringComparison.Ordinal));
        DotNet.Result green = excluded.Build();
        Assert.True(green.ExitCode == 0, green.ToString());
        DotNet.Result missing = GuardrailsTool.VerifyBuild(excluded.Directory);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("GRDCL20", missing.Output);
        Assert.Contains("Excluded.dll was compiled with no Guardrails audit record", missing.Output);
    }
}
