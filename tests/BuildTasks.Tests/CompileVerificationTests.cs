using Guardrails.BuildTasks.Integrity;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

/// <summary>The check after CoreCompile (GRD306, GRD305, GRD311) and the central-settings sources (GRD307, GRD308, GRD310).</summary>
public class CompileVerificationTests
{
    private static (CompileInputs Inputs, TempDir Dir) Governed(string state = "mode=Enforce\npolicy=true\nallowed=\nallowedBy=default\n")
    {
        var dir = new TempDir();
        string effective = dir.Write("obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\n"));
        var inputs = new CompileInputs
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            CheckReached = true,
            CheckedStateFile = dir.Write("obj/guardrails/guardrails.checked.txt", state),
            Language = "C#",
            Analyzers = new[] { "/p/Guardrails.Analyzers.dll", "/p/Guardrails.Core.dll" },
            AdditionalFiles = new[] { effective },
            EffectivePolicyFile = effective,
        };
        return (inputs, dir);
    }

    [Fact]
    public void IsImplicitlyTriggeredBuild_skipping_the_analyzers_is_GRD306_and_the_record_says_they_did_not_run()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        inputs.SkipAnalyzers = "true";
        inputs.ImplicitlyTriggeredBuild = "true";
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Assert.Contains(result.Findings, f => f.Rule.Id == "GRD306" && f.Message.Contains("IsImplicitlyTriggeredBuild=true"));
        Assert.False(result.AnalyzersRan);

        inputs.SkipAnalyzers = string.Empty;
        CompileVerificationResult clean = CompileVerification.Run(inputs);
        Assert.Empty(clean.Findings);
        Assert.True(clean.AnalyzersRan);
        Assert.StartsWith("error, not configurable", clean.Severities);
    }

    [Fact]
    public void A_second_effective_policy_file_and_a_check_that_never_ran_are_GRD311()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        string fake = dir.Write("fake/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Audit\nsuppression.allowed=true\n"));
        inputs.AdditionalFiles = new[] { inputs.EffectivePolicyFile!, fake };
        var second = Assert.Single(CompileVerification.Run(inputs).Findings);
        Assert.Equal("GRD311", second.Rule.Id);
        Assert.Equal(fake, second.File);

        inputs.AdditionalFiles = new[] { inputs.EffectivePolicyFile! };
        inputs.CheckReached = false;
        inputs.SkipHint = "DesignTimeBuild=true";
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("DesignTimeBuild=true"));
    }

    [Fact]
    public void The_compiler_must_get_the_effective_policy_byte_for_byte_as_the_check_wrote_it()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        string real = inputs.EffectivePolicyFile!;
        string sha = CheckRunner.Sha256Of(real);
        File.WriteAllText(inputs.CheckedStateFile!, "mode=Enforce\npolicy=true\nallowed=\nallowedBy=default\neffective=" + sha + "\n");

        CompileVerificationResult clean = CompileVerification.Run(inputs);
        Assert.Empty(clean.Findings);
        Assert.Equal(sha, clean.EffectivePolicySha256);

        // The same text with a byte-order mark is not the same bytes.
        byte[] original = File.ReadAllBytes(real);
        File.WriteAllBytes(real, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(original).ToArray());
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.File == real && f.Message.Contains("changed after"));
        File.WriteAllBytes(real, original);

        // Removed from the compiler's inputs while the file stays.
        inputs.AdditionalFiles = Array.Empty<string>();
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("removed from the compiler's AdditionalFiles"));

        // A lone hand-written Audit policy, the real one deleted: both are named.
        string fake = dir.Write("fake/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Audit\nsuppression.allowed=true\n"));
        File.Delete(real);
        inputs.AdditionalFiles = new[] { fake };
        List<Guardrails.BuildTasks.Foundation.Finding> lone = CompileVerification.Run(inputs).Findings;
        Assert.Contains(lone, f => f.Rule.Id == "GRD311" && f.Message.Contains("was deleted before the compiler ran") && f.Message.Contains("read another file instead"));
        Assert.Contains(lone, f => f.Rule.Id == "GRD311" && f.File == fake);
    }

    [Fact]
    public void A_check_target_reached_without_its_task_leaving_a_record_is_GRD311()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        File.Delete(inputs.CheckedStateFile!);
        var finding = Assert.Single(CompileVerification.Run(inputs).Findings);
        Assert.Equal("GRD311", finding.Rule.Id);
        Assert.Contains("left no record", finding.Message);
    }

    [Fact]
    public void NoWarn_and_analyzer_removal_added_after_the_check_are_reported_unless_the_policy_allows_them()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        inputs.NoWarn = "CS1591;GRD001";
        inputs.Analyzers = new[] { "/p/Guardrails.Core.dll" };
        var findings = CompileVerification.Run(inputs).Findings;
        Assert.Contains(findings, f => f.Rule.Id == "GRD304" && f.Message.Contains("after the Guardrails check ran"));
        Assert.Contains(findings, f => f.Rule.Id == "GRD306");

        var (relaxed, dir2) = Governed("mode=Enforce\npolicy=true\nallowed=properties,analyzerRemoval\nallowedBy=tiers.sandbox.allowLocalSuppression\n");
        using var __ = dir2;
        relaxed.NoWarn = "GRD001";
        relaxed.Analyzers = new[] { "/p/Guardrails.Core.dll" };
        Assert.Empty(CompileVerification.Run(relaxed).Findings);
    }

    [Fact]
    public void A_ruleset_with_Action_None_for_a_Guardrails_id_is_GRD305()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        inputs.RuleSet = dir.Write("quiet.ruleset", "<RuleSet Name=\"q\" ToolsVersion=\"16.0\"><Rules AnalyzerId=\"Guardrails\" RuleNamespace=\"Guardrails\"><Rule Id=\"GRD001\" Action=\"None\" /><Rule Id=\"CA1000\" Action=\"None\" /></Rules></RuleSet>");
        var finding = Assert.Single(CompileVerification.Run(inputs).Findings);
        Assert.Equal("GRD305", finding.Rule.Id);
        Assert.Contains("ruleset: GRD001 Action=None", finding.Message);
        Assert.Equal(1, finding.Line);
    }

    [Fact]
    public void A_newline_smuggled_into_the_generated_globalconfig_is_GRD305()
    {
        var (inputs, dir) = Governed();
        using var _ = dir;
        inputs.GeneratedConfigFile = dir.Write("obj/App.GeneratedMSBuildEditorConfig.editorconfig", "is_global = true\nbuild_property.Foo = x\ndotnet_diagnostic.GRD001.severity = none\n");
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD305" && f.Message.Contains("smuggled"));
    }

    [Fact]
    public void Editorconfig_is_read_as_Roslyn_reads_it_refactoring_long_lines_and_unicode_line_breaks()
    {
        using var dir = new TempDir();
        string config = dir.Write(".editorconfig", "root = true\n[*.cs]\nx = " + new string('y', 10000) + "\u2028dotnet_diagnostic.GRD001.severity = refactoring\u0085dotnet_diagnostic.GRD003.severity = none\ndotnet_diagnostic.GRD004.severity = hidden\n");
        var found = AnalyzerConfigScanner.Scan(new[] { config }, enforce: true);
        Assert.Contains(found, b => b.What == "GRD001 severity = refactoring" && b.Line == 4);
        Assert.Contains(found, b => b.What == "GRD003 severity = none" && b.Line == 5);
        Assert.DoesNotContain(found, b => b.Subject == "GRD004"); // "hidden" is not a value Roslyn accepts: the rule keeps its severity
    }

    [Fact]
    public void Opt_outs_in_the_project_are_GRD310_naming_the_property_and_allowed_for_an_optOut_tier()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.ScanFiles = "false";
        runner.Task.CheckFootprints = "false";
        runner.Task.ScanRepositoryFiles = "false";
        runner.Task.ScanExcludes = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem("appsettings.json") };
        runner.Task.DefaultRevisionStateFile = Path.Combine(dir.Path, "obj", "guardrails", "default-revisions.txt");
        Assert.False(runner.Run().Passed);
        string[] messages = runner.Engine.Errors.Where(e => e.Code == "GRD310").Select(e => e.Message).ToArray();
        Assert.Contains(messages, m => m.Contains("GuardrailsScanFiles=false"));
        Assert.Contains(messages, m => m.Contains("GuardrailsCheckFootprints=false"));
        Assert.Contains(messages, m => m.Contains("GuardrailsScanRepositoryFiles=false") && m.Contains("CI and container files"));
        Assert.Contains(messages, m => m.Contains("GuardrailsScanExclude Include=\"appsettings.json\""));
        Assert.Contains(messages, m => m.Contains("GuardrailsRevisionStateFile="));

        using var dir2 = new TempDir();
        var relaxed = new CheckRunner(dir2, CheckRunner.PolicyAllowing("[\"optOut\"]"));
        relaxed.Task.ScanFiles = "false";
        Assert.True(relaxed.Run().Passed, string.Join(",", relaxed.ErrorCodes));

        using var dir3 = new TempDir();
        var central = new CheckRunner(dir3);
        central.Task.ScanFiles = "false";
        central.Task.CentralScanFiles = "false";
        central.Task.ScanRepositoryFiles = "false";
        central.Task.CentralScanRepositoryFiles = "false";
        Assert.True(central.Run().Passed, string.Join(",", central.ErrorCodes));
    }

    [Fact]
    public void Mode_and_pin_from_the_command_line_are_not_central_and_a_key_in_the_pin_is_never_printed()
    {
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("PinPasteFakeKeyNotReal");
        var runner = new CheckRunner(dir);
        var engine = new GlobalPropertiesEngine(runner.Engine, new Dictionary<string, string> { ["GuardrailsMode"] = "Audit", ["GuardrailsPolicySha256"] = key });
        runner.Task.BuildEngine = engine;
        runner.Task.Mode = "Audit";
        runner.Task.CentralMode = "Audit";
        runner.Task.CentralSettingsCaptured = true;
        runner.Task.PolicySha256 = key;
        runner.Task.CentralPolicySha256 = key;
        Assert.False(runner.Run().Passed);
        Assert.Contains("GRD307", runner.ErrorCodes);
        Assert.Contains(runner.Engine.Errors, e => e.Code == "GRD308" && e.Message.Contains("GuardrailsPolicySha256 is set in the command line"));
        Assert.DoesNotContain(key, runner.AllLogged);
        Assert.DoesNotContain(key, File.ReadAllText(runner.Task.AuditFile!));
    }

    [Fact]
    public void Any_internal_Guardrails_property_given_globally_or_in_the_environment_is_GRD308_naming_it_and_where()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.BuildEngine = new GlobalPropertiesEngine(runner.Engine, new Dictionary<string, string> { ["_GuardrailsVerificationRan"] = "true", ["OtherProperty"] = "x" });
        string variable = "_GuardrailsUnitTestPreset" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "anything");
        try
        {
            Assert.False(runner.Run().Passed);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Contains(runner.Engine.Errors, e => e.Code == "GRD308" && e.Message.StartsWith("_GuardrailsVerificationRan (an internal Guardrails property", StringComparison.Ordinal) &&
            e.Message.Contains("the command line or a response file such as Directory.Build.rsp"));
        Assert.Contains(runner.Engine.Errors, e => e.Code == "GRD308" && e.Message.StartsWith(variable + " (an internal Guardrails property", StringComparison.Ordinal) &&
            e.Message.Contains("an environment variable"));
        Assert.DoesNotContain(runner.Engine.Errors, e => e.Message.Contains("OtherProperty"));
    }

    [Fact]
    public void Internal_capture_properties_set_in_the_project_file_are_GRD308()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string project = dir.Write("App.csproj", "<Project><PropertyGroup><_GuardrailsCentralMode>Audit</_GuardrailsCentralMode></PropertyGroup></Project>");
        runner.Task.LateBuildFiles = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(project) };
        Assert.False(runner.Run().Passed);
        Assert.Equal(project, runner.Error("GRD308").File);
    }

    private sealed class GlobalPropertiesEngine(FakeBuildEngine inner, Dictionary<string, string> globals) : Microsoft.Build.Framework.IBuildEngine6
    {
        public IReadOnlyDictionary<string, string> GetGlobalProperties() => globals;
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.csproj";
        public bool IsRunningMultipleNodes => false;
        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => throw new NotSupportedException();
        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs, string toolsVersion) => throw new NotSupportedException();
        public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, System.Collections.IDictionary[] globalProperties, System.Collections.IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => throw new NotSupportedException();
        public Microsoft.Build.Framework.BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, System.Collections.IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => throw new NotSupportedException();
        public void Yield() { }
        public void Reacquire() { }
        public void RegisterTaskObject(object key, object obj, Microsoft.Build.Framework.RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) { }
        public object? GetRegisteredTaskObject(object key, Microsoft.Build.Framework.RegisteredTaskObjectLifetime lifetime) => null;
        public object? UnregisterTaskObject(object key, Microsoft.Build.Framework.RegisteredTaskObjectLifetime lifetime) => null;
        public void LogTelemetry(string eventName, IDictionary<string, string> properties) { }
        public void LogCustomEvent(Microsoft.Build.Framework.CustomBuildEventArgs e) { }
        public void LogErrorEvent(Microsoft.Build.Framework.BuildErrorEventArgs e) => inner.LogErrorEvent(e);
        public void LogMessageEvent(Microsoft.Build.Framework.BuildMessageEventArgs e) => inner.LogMessageEvent(e);
        public void LogWarningEvent(Microsoft.Build.Framework.BuildWarningEventArgs e) => inner.LogWarningEvent(e);
    }
}

/// <summary>Guardrails' own targets redefined by a repository build file (MSBuild keeps the last definition): GRD311.</summary>
public class TargetOverrideTests
{
    private const string Redefining = "<Project>\n  <Target Name=\"Unrelated\" />\n  <Target\n    Name=\"_GuardrailsVerifyCompile\" />\n  <Target Name=\"guardrailscheck\" DependsOnTargets=\"X\" />\n</Project>\n";

    [Fact]
    public void The_check_names_each_redefined_Guardrails_target_with_file_and_line()
    {
        using var dir = new TempDir();
        string targets = dir.Write("Directory.Build.targets", Redefining);
        string project = dir.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><Target Name=\"GuardrailsCheckExtra\" AfterTargets=\"GuardrailsCheck\" /></Project>");
        var run = new CheckRunner(dir);
        run.Task.LateBuildFiles = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(project), new Microsoft.Build.Utilities.TaskItem(targets) };
        run.Run();

        Assert.False(run.Passed);
        var errors = run.Engine.Errors.Where(e => e.Code == "GRD311").ToList();
        Assert.Equal(2, errors.Count); // hooking a target with AfterTargets, or another name, is fine
        Assert.Equal((targets, 3), (errors[0].File, errors[0].LineNumber));
        Assert.Contains("'_GuardrailsVerifyCompile'", errors[0].Message);
        Assert.Equal((targets, 5), (errors[1].File, errors[1].LineNumber));
        Assert.Contains("'guardrailscheck'", errors[1].Message);
    }

    [Fact]
    public void A_target_hooked_to_the_verification_is_GRD311_and_hooks_elsewhere_are_not()
    {
        using var dir = new TempDir();
        string targets = dir.Write("Directory.Build.targets",
            "<Project>\n  <Target Name=\"_Strip\" AfterTargets=\"GuardrailsCheck\" BeforeTargets=\"CoreCompile\" />\n" +
            "  <Target Name=\"_Restore\" BeforeTargets=\"Foo;_GuardrailsVerification\" />\n</Project>\n");
        var finding = Assert.Single(TargetOverrides.Find(new[] { targets }));
        Assert.Equal((targets, 3), (finding.File, finding.Line));
        Assert.Contains("hooks a target to Guardrails' verification target '_GuardrailsVerification'", finding.Message);
    }

    [Fact]
    public void An_assembly_compiled_without_the_verification_inside_CoreCompile_is_GRD311()
    {
        using var dir = new TempDir();
        string state = dir.Write("obj/guardrails/guardrails.checked.txt", "mode=Enforce\npolicy=true\nallowed=\nallowedBy=default\n");
        var inputs = new CompileInputs
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            CheckReached = true,
            CheckedStateFile = state,
            Language = "C#",
            Analyzers = new[] { "/p/Guardrails.Analyzers.dll", "/p/Guardrails.Core.dll" },
            CompiledWithoutVerification = true,
        };
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("TargetsTriggeredByCompilation"));
        inputs.CompiledWithoutVerification = false;
        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Message.Contains("TargetsTriggeredByCompilation"));
    }

    [Fact]
    public void The_verification_names_them_when_the_check_left_no_record()
    {
        using var dir = new TempDir();
        string targets = dir.Write("Directory.Build.targets", Redefining);
        var inputs = new CompileInputs
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            CheckReached = false,
            CheckedStateFile = Path.Combine(dir.Path, "obj", "guardrails.checked.txt"),
            Language = "C#",
            Analyzers = new[] { "/p/Guardrails.Analyzers.dll", "/p/Guardrails.Core.dll" },
            LateBuildFiles = new[] { targets },
        };
        var findings = CompileVerification.Run(inputs).Findings;
        Assert.Equal(2, findings.Count(f => f.Rule.Id == "GRD311" && f.File == targets));
        Assert.Contains(findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("the Guardrails check did not"));
    }
}
