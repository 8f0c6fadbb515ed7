using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Guardrails' internal properties (every name starting with <c>_Guardrails</c>) are set by Guardrails' own props and
/// targets only. MSBuild lets a global property (the command line, Directory.Build.rsp) override a property every file
/// sets during evaluation, and an environment variable preset one that a target only reads: either can redirect or
/// switch off part of the check. Each is GRD308 naming the property and where it came from, and has no effect on the
/// build (Guardrails.targets treats its internal properties as local).
/// </summary>
[Collection(PackageCollection.Name)]
public class InternalPropertyTests
{
    private readonly PackageFixture _fixture;

    public InternalPropertyTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-internal-properties", 3);

    /// <summary>
    /// The route: the verification after the compiler runs inside CoreCompile through TargetsTriggeredByCompilation, and
    /// after CoreCompile as a fallback unless _GuardrailsVerificationRan says it already ran. A Directory.Build.targets that
    /// empties TargetsTriggeredByCompilation and strips the analyzers for the compiler, with _GuardrailsVerificationRan=true
    /// given from outside, compiled a hardcoded key with no Guardrails analyzer and no verification at all.
    /// </summary>
    [Theory]
    [InlineData("rsp")]
    [InlineData("environment")]
    public void VerificationRan_preset_from_outside_is_GRD308_and_the_verification_still_runs(string from)
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        string key = FakeKeys.OpenAiProject("E2eInternalPropFakeKeyNotReal");
        project.Write("Program.cs", "string apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        project.Write("Directory.Build.targets", """
            <Project>
              <PropertyGroup><TargetsTriggeredByCompilation></TargetsTriggeredByCompilation></PropertyGroup>
              <Target Name="_Strip" AfterTargets="GuardrailsCheck" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <_Saved Include="@(Analyzer)" Condition="'%(Filename)' == 'Guardrails.Analyzers' or '%(Filename)' == 'Guardrails.Core' or '%(Filename)' == 'Guardrails.CodeFixes'" />
                  <Analyzer Remove="@(_Saved)" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        var environment = new Dictionary<string, string>();
        if (from == "rsp")
        {
            project.Write("Directory.Build.rsp", "-p:_GuardrailsVerificationRan=true\n");
        }
        else
        {
            environment["_GuardrailsVerificationRan"] = "true";
        }

        DotNet.Result result = project.BuildWithEnvironment(environment);

        Assert.True(result.ExitCode != 0, "expected the build to fail:\n" + result);
        Assert.Contains("error GRD308", result.Output);
        Assert.Contains("_GuardrailsVerificationRan (an internal Guardrails property", result.Output);
        Assert.Contains(from == "rsp" ? "Directory.Build.rsp" : "an environment variable", result.Output);
        // The preset flag has no effect: the verification after the compiler ran and saw the analyzers missing.
        Assert.Contains("error GRD306", result.Output);
        Assert.DoesNotContain(key, result.Output);
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile)));
        Assert.False(audit.RootElement.GetProperty("compile").GetProperty("verified").GetBoolean());
    }

    /// <summary>
    /// The route: rollback detection (GRD303) keeps the highest revision seen in GuardrailsRevisionStateFile, whose default
    /// Guardrails.targets takes from _GuardrailsDefaultRevisionStateFile during evaluation. Moving the state file is an
    /// opt-out (GRD310); moving the default with it from the command line made the moved file "the default", so a policy
    /// rolled back to an older revision passed with no finding.
    /// </summary>
    [Fact]
    public void Default_revision_state_file_from_the_command_line_is_GRD308_and_the_rollback_is_still_GRD303()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest);
        DotNet.Result first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());

        string policy = project.PathOf(E2eDocuments.PolicyFile);
        File.WriteAllText(policy, Policy.Replace("\"revision\": 3", "\"revision\": 2"));
        File.SetLastWriteTimeUtc(policy, DateTime.UtcNow.AddSeconds(5));
        string fresh = Path.Combine(project.Directory, "fresh", "revisions.txt");
        DotNet.Result rolledBack = project.Build("-p:_GuardrailsDefaultRevisionStateFile=" + fresh);

        Assert.True(rolledBack.ExitCode != 0, "expected the rollback to fail the build:\n" + rolledBack);
        Assert.Contains("error GRD308", rolledBack.Output);
        Assert.Contains("_GuardrailsDefaultRevisionStateFile (an internal Guardrails property", rolledBack.Output);
        Assert.Contains("the command line", rolledBack.Output);
        Assert.Contains("error GRD303", rolledBack.Output);
        Assert.False(File.Exists(fresh), "the global property redirected the revision memory");
    }
}
