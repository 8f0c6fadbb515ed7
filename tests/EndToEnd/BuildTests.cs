using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>Real `dotnet build` runs of projects that consume the packed package.</summary>
[Collection(PackageCollection.Name)]
public class BuildTests
{
    private static readonly string Policy = E2eDocuments.Policy("e2e", 1);

    private readonly PackageFixture _fixture;

    public BuildTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject Governed(string mode = "Enforce") =>
        _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", mode));

    private static void AddViolations(TestProject project, string key)
    {
        project.Write("Program.cs", "using System;\n\nstring apiKey = \"" + key + "\";\nConsole.WriteLine(apiKey.Length);\n");
        project.Write("ai-assistants.json", "{\n  \"assistants\": [\n    { \"id\": \"a\" }\n    { \"id\": \"b\" }\n  ]\n}\n");
    }

    [Fact]
    public void A_clean_project_builds_with_no_guardrails_diagnostics()
    {
        TestProject project = Governed();
        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(new Regex("GRD\\d{3}"), result.Output);
        Assert.True(File.Exists(project.PathOf(E2eDocuments.EffectivePolicyFile)), result.ToString());
    }

    [Fact]
    public void A_violating_project_fails_with_the_expected_codes_at_file_line_col_and_never_prints_the_key()
    {
        TestProject project = Governed();
        string key = FakeKeys.OpenAiProject("E2eFakeKeyNotReal");
        AddViolations(project, key);

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Program.cs(3,17): error GRD001:", result.Output);
        Assert.Contains("sk-proj-\u2026" + key.Substring(key.Length - 4), result.Output);
        Assert.Contains("ai-assistants.json(4,5): Guardrails error GRD102:", result.Output);
        Assert.Contains("docs/rules/GRD102.md", result.Output);
        Assert.DoesNotContain(key, result.Output);
        Assert.DoesNotContain(key.Substring(8, 40), result.Output);
    }

    [Fact]
    public void Audit_mode_turns_the_errors_into_warnings()
    {
        TestProject project = Governed(mode: "Audit");
        AddViolations(project, FakeKeys.OpenAiProject());

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning GRD001:", result.Output);
        Assert.Contains("warning GRD102:", result.Output);
        Assert.DoesNotContain("error GRD", result.Output);
    }

    [Fact]
    public void A_missing_policy_fails_closed()
    {
        TestProject project = _fixture.NewProject();
        project.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        project.SetProperties(("GuardrailsPolicyPath", project.PathOf("does-not-exist/guardrails.policy.json")));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error GRD101:", result.Output);
    }

    [Fact]
    public void The_check_is_incremental_and_editing_the_policy_runs_it_again()
    {
        TestProject project = Governed();
        DotNet.Result first = project.Build("-v:d");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Task \"GuardrailsCheck\"", first.Output);

        DotNet.Result second = project.Build("-v:d");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"GuardrailsCheck\" because all output files are up-to-date", second.Output);
        Assert.DoesNotContain("Task \"GuardrailsCheck\"", second.Output);

        // Editing the policy (a later timestamp and a new revision) must make the next build check again.
        string policy = project.PathOf(E2eDocuments.PolicyFile);
        File.WriteAllText(policy, Policy.Replace("\"revision\": 1", "\"revision\": 2"));
        File.SetLastWriteTimeUtc(policy, DateTime.UtcNow.AddSeconds(5));
        DotNet.Result third = project.Build("-v:d");
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("Task \"GuardrailsCheck\"", third.Output);
    }

    [Fact]
    public void Changing_the_mode_property_runs_the_check_again()
    {
        TestProject project = Governed();
        Assert.Equal(0, project.Build().ExitCode);
        project.SetPolicyProperties(("GuardrailsMode", "Audit"));

        DotNet.Result result = project.Build("-v:d");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task \"GuardrailsCheck\"", result.Output);
        Assert.Contains("mode=Audit", Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(project.PathOf(E2eDocuments.EffectivePolicyFile))));
    }
}
