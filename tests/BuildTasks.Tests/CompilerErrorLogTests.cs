using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// The compiler's SARIF 2.1 error log as evidence after CoreCompile (routes #16 and #5 of issue 12): the logs below have
/// the shape csc 5.x writes (checked against a real build: tool.driver.rules lists every loaded analyzer descriptor,
/// results[].suppressions marks in-source suppressions, invocations[].ruleConfigurationOverrides the configuration).
/// </summary>
public class CompilerErrorLogTests
{
    private static readonly string[] AllAnalyzerRules = { "GRD001", "GRD002", "GRD003", "GRD004", "GRD005", "GRD006", "GRD007", "GRD008" };

    private static string Sarif(IEnumerable<string> rules, string results = "", string overrides = "") => $$"""
        {
          "$schema": "http://json.schemastore.org/sarif-2.1.0",
          "version": "2.1.0",
          "runs": [
            {
              "results": [{{results}}],
              "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler", "rules": [{{string.Join(",", rules.Select(r => "{ \"id\": \"" + r + "\" }"))}}] } },
              "invocations": [ { "executionSuccessful": true, "ruleConfigurationOverrides": [{{overrides}}] } ],
              "columnKind": "utf16CodeUnits"
            }
          ]
        }
        """;

    private const string SuppressedGrd004 = """
        { "ruleId": "GRD004", "level": "error", "message": { "text": "x" },
          "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///src/App/Program.cs" }, "region": { "startLine": 2, "startColumn": 34 } } } ],
          "suppressions": [ { "kind": "inSource", "properties": { "suppressionType": "SuppressMessageAttribute" } } ] }
        """;

    private static (CompileInputs Inputs, TempDir Dir) Governed(string sarif, string state = "mode=Enforce\npolicy=true\nallowed=\nallowedBy=default\n")
    {
        var dir = new TempDir();
        string effective = dir.Write("obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\n"));
        string assembly = dir.Write("obj/App.dll", "not really an assembly");
        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow.AddMinutes(-1));
        var inputs = new CompileInputs
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            CheckReached = true,
            CheckedStateFile = dir.Write("obj/guardrails/guardrails.checked.txt", state),
            Language = "C#",
            Analyzers = new[] { "/p/Guardrails.Analyzers.dll", "/p/Guardrails.Core.dll" },
            AdditionalFiles = new[] { effective },
            EffectivePolicyFile = effective,
            ErrorLogFile = "obj/guardrails/guardrails.compile.sarif",
            AssemblyFile = assembly,
        };
        dir.Write("obj/guardrails/guardrails.compile.sarif", sarif);
        return (inputs, dir);
    }

    [Fact]
    public void A_log_listing_every_Guardrails_analyzer_rule_proves_the_analyzers_ran()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules.Prepend("CA1000")));
        using var _ = dir;
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Assert.Empty(result.Findings);
        Assert.True(result.AnalyzersRan);
        Assert.StartsWith("compiler error log: Guardrails analyzers loaded", result.Evidence);
    }

    [Fact]
    public void Analyzers_in_the_items_but_not_in_the_compilers_log_are_GRD306_and_did_not_run()
    {
        var (inputs, dir) = Governed(Sarif(new[] { "CA1000", "CS8019" }));
        using var _ = dir;
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal("GRD306", finding.Rule.Id);
        Assert.Contains("GRD001", finding.Message);
        Assert.False(result.AnalyzersRan);
        Assert.StartsWith("none (the analyzers did not run)", result.Severities);

        // One analyzer assembly missing is enough.
        var (partial, dir2) = Governed(Sarif(AllAnalyzerRules.Where(r => r != "GRD004")));
        using var __ = dir2;
        Assert.Contains(CompileVerification.Run(partial).Findings, f => f.Rule.Id == "GRD306" && f.Message.Contains("GRD004"));
    }

    [Fact]
    public void A_missing_stale_malformed_or_SARIF_1_log_is_GRD311()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules));
        using var _ = dir;
        string log = Path.Combine(dir.Path, inputs.ErrorLogFile!);

        File.SetLastWriteTimeUtc(log, DateTime.UtcNow.AddMinutes(-10));
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("older than the assembly"));

        File.WriteAllText(log, "{ \"version\": \"1.0.0\", \"runLogs\": [] }");
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("not SARIF 2.1"));

        File.WriteAllText(log, "{ \"version\": ");
        Assert.Contains(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("not valid JSON"));

        File.Delete(log);
        CompileVerificationResult missing = CompileVerification.Run(inputs);
        Assert.Contains(missing.Findings, f => f.Rule.Id == "GRD311" && f.Message.Contains("wrote no error log"));
        Assert.False(missing.AnalyzersRan);
    }

    [Fact]
    public void A_Guardrails_finding_suppressed_in_source_is_GRD311_at_its_location_unless_GRD005_reported_it_or_the_policy_allows_code_suppression()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules, SuppressedGrd004));
        using var _ = dir;
        Finding finding = Assert.Single(CompileVerification.Run(inputs).Findings);
        Assert.Equal("GRD311", finding.Rule.Id);
        Assert.Contains("GRD004 was reported by the compiler but suppressed in source (SuppressMessageAttribute)", finding.Message);
        Assert.Equal(2, finding.Line);
        Assert.Equal(34, finding.Column);
        Assert.EndsWith("Program.cs", finding.File);

        // GRD005 reported (not itself suppressed) already fails the build for each suppression: no second report.
        string grd005 = "{ \"ruleId\": \"GRD005\", \"level\": \"error\", \"message\": { \"text\": \"x\" } }";
        File.WriteAllText(Path.Combine(dir.Path, inputs.ErrorLogFile!), Sarif(AllAnalyzerRules, SuppressedGrd004 + "," + grd005));
        Assert.Empty(CompileVerification.Run(inputs).Findings);

        var (allowed, dir2) = Governed(Sarif(AllAnalyzerRules, SuppressedGrd004), "mode=Enforce\npolicy=true\nallowed=code\nallowedBy=policy\n");
        using var __ = dir2;
        Assert.Empty(CompileVerification.Run(allowed).Findings);
    }

    [Fact]
    public void A_Guardrails_rule_disabled_or_lowered_in_the_configuration_the_compiler_applied_is_GRD305_in_Enforce()
    {
        string overrides = """
            { "descriptor": { "id": "CA1516", "index": 0 }, "configuration": { "enabled": false } },
            { "descriptor": { "id": "GRD003", "index": 3 }, "configuration": { "enabled": false } },
            { "descriptor": { "index": 4 }, "configuration": { "level": "warning" } }
            """;
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules.Prepend("CA1516"), overrides: overrides));
        using var _ = dir;
        List<Finding> findings = CompileVerification.Run(inputs).Findings;
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("GRD305", f.Rule.Id));
        Assert.Contains(findings, f => f.Message.StartsWith("GRD003 reached the compiler disabled", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.StartsWith("GRD004 reached the compiler lowered to warning", StringComparison.Ordinal));

        var (audit, dir2) = Governed(Sarif(AllAnalyzerRules.Prepend("CA1516"), overrides: overrides), "mode=Audit\npolicy=true\nallowed=\nallowedBy=default\n");
        using var __ = dir2;
        Assert.Empty(CompileVerification.Run(audit).Findings);
    }

    [Fact]
    public void A_project_in_another_language_is_GRD306_under_a_policy_unless_the_policy_allows_analyzer_removal()
    {
        var (inputs, dir) = Governed(Sarif(Array.Empty<string>()));
        using var _ = dir;
        inputs.Language = "VB";
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal("GRD306", finding.Rule.Id);
        Assert.Contains("compiled as VB", finding.Message);
        Assert.False(result.AnalyzersRan);

        var (allowed, dir2) = Governed(Sarif(Array.Empty<string>()), "mode=Enforce\npolicy=true\nallowed=analyzerRemoval\nallowedBy=policy\n");
        using var __ = dir2;
        allowed.Language = "F#";
        Assert.Empty(CompileVerification.Run(allowed).Findings);
    }

    /// <summary>Routes #12, #21, #28 of issue 12: the package check judges declared packages; this judges what reached the compiler.</summary>
    [Fact]
    public void An_AI_SDK_assembly_the_compiler_referenced_without_a_package_the_check_judged_is_GRD201_naming_the_file()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules));
        using var _ = dir;
        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=Microsoft.Extensions.AI\n"));
        inputs.CheckedStateFile = null;
        inputs.CheckReached = true;
        string openAi = Path.Combine(dir.Path, "packages", "openai", "2.1.0", "lib", "net6.0", "OpenAI.dll");
        inputs.References = new[] { "/usr/share/dotnet/packs/System.Runtime.dll", openAi, Path.Combine(dir.Path, "packages", "microsoft.extensions.ai", "99.0.0", "lib", "net8.0", "Microsoft.Extensions.AI.dll") };

        Finding finding = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.Equal(openAi, finding.File);
        Assert.Contains("OpenAI.dll, an assembly of the AI SDK", finding.Message);

        // The same assembly from a package the check saw restored was judged there: not reported twice.
        var restored = new Guardrails.Core.Policy.EffectivePolicy { HasPolicy = true };
        restored.ApprovedPackages.Add(new Guardrails.Core.Policy.PackageEntry("Microsoft.Extensions.AI", null, null, 0));
        restored.Packages.Add(new Guardrails.Core.Policy.ResolvedPackage("OpenAI", "2.1.0", new[] { "OpenAI" }));
        File.WriteAllText(inputs.EffectivePolicyFile!, restored.Write());
        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");

        // Approved by the policy: nothing to report; the other SDK assembly, no longer approved, is.
        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=OpenAI\n"));
        Finding other = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.EndsWith("Microsoft.Extensions.AI.dll", other.File);
        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=OpenAI\npackage.approved=Microsoft.Extensions.AI\n"));
        Assert.DoesNotContain(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
    }

    /// <summary>A managed assembly whose metadata names it <paramref name="name"/> (made with PersistedAssemblyBuilder).</summary>
    private static byte[] ManagedAssembly(string name)
    {
        var builder = new System.Reflection.Emit.PersistedAssemblyBuilder(new System.Reflection.AssemblyName(name), typeof(object).Assembly);
        builder.DefineDynamicModule(name).DefineType(name + ".Marker", System.Reflection.TypeAttributes.Public).CreateType();
        using var bytes = new MemoryStream();
        builder.Save(bytes);
        return bytes.ToArray();
    }

    private static string Zip(TempDir dir, string relative, params (string Entry, byte[] Bytes)[] entries)
    {
        string path = dir.Write(relative, string.Empty);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            foreach ((string entry, byte[] bytes) in entries)
            {
                using Stream stream = zip.CreateEntry(entry).Open();
                stream.Write(bytes);
            }
        }

        return path;
    }

    /// <summary>
    /// Adversary round 3, route #7: an AI SDK's dll embedded in the assembly under a logical name, copied under another
    /// name, or inside a zip the build ships, is named by its own metadata and judged by the same catalog and evaluator as
    /// a copied OpenAI.dll (GRD201). Other assemblies, text resources and zips of other files are left alone; a zip past
    /// the entry limit, or one that is damaged, is GRD312 (coded, not an exception).
    /// </summary>
    [Fact]
    public void An_AI_SDK_assembly_embedded_as_a_resource_or_shipped_inside_a_zip_is_GRD201_named_by_its_metadata()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules));
        using var _ = dir;
        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=Microsoft.Extensions.AI\n"));
        inputs.CheckedStateFile = null;
        byte[] openAi = ManagedAssembly("OpenAI");
        byte[] other = ManagedAssembly("Contoso.Plugins");
        string embedded = Path.Combine(dir.Path, "p1");
        File.WriteAllBytes(embedded, openAi);
        string harmless = Path.Combine(dir.Path, "p2");
        File.WriteAllBytes(harmless, other);
        string resx = dir.Write("Strings.resx", "<root><data name=\"x\"><value>MZ not an image</value></data></root>");
        inputs.EmbeddedResources = new[] { resx, harmless, embedded };

        Finding finding = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.Equal(embedded, finding.File);
        Assert.Contains("embeds " + embedded + " in the assembly as a resource, and it is (or holds) the assembly OpenAI of the AI SDK 'openai'", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(finding.IsError(enforce: true));

        // Inside a zip copied to the output (and a renamed copy), judged the same way.
        inputs.EmbeddedResources = new[] { harmless };
        string zip = Zip(dir, "plugins.zip", ("readme.txt", "hello"u8.ToArray()), ("Contoso.Plugins.dll", other), ("lib/sdk.bin", openAi));
        inputs.CopiedFiles = new[] { Path.Combine(dir.Path, "Contoso.Plugins.dll"), zip };
        File.WriteAllBytes(inputs.CopiedFiles[0], other);
        Finding zipped = Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201");
        Assert.Equal(zip + "!lib/sdk.bin", zipped.File);
        Assert.Contains("copies " + zip + "!lib/sdk.bin to its output folder, and it is (or holds) the assembly OpenAI", zipped.Message, StringComparison.Ordinal);

        string renamed = Path.Combine(dir.Path, "plugin.dat");
        File.WriteAllBytes(renamed, openAi);
        inputs.CopiedFiles = new[] { renamed };
        Assert.Equal(renamed, Assert.Single(CompileVerification.Run(inputs).Findings, f => f.Rule.Id == "GRD201").File);

        // Approved: nothing. A zip of other files: nothing.
        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=OpenAI\n"));
        inputs.CopiedFiles = new[] { zip, renamed };
        inputs.EmbeddedResources = new[] { embedded };
        Assert.Empty(CompileVerification.Run(inputs).Findings);
        File.WriteAllText(inputs.EffectivePolicyFile!, Guardrails.Tests.Shared.EffectivePolicyText.Json("mode=Enforce\npolicy=true\npackage.approved=Microsoft.Extensions.AI\n"));
        inputs.EmbeddedResources = Array.Empty<string>();
        inputs.CopiedFiles = new[] { Zip(dir, "assets.zip", ("a.txt", "x"u8.ToArray()), ("b.dll", other)) };
        Assert.Empty(CompileVerification.Run(inputs).Findings);

        // Past the entry limit, or damaged: GRD312 naming the reason.
        inputs.CopiedFiles = new[] { Zip(dir, "many.zip", Enumerable.Range(0, ShippedAssemblies.MaxEntries + 1).Select(i => ("e" + i, new byte[] { 1 })).ToArray()) };
        Finding many = Assert.Single(CompileVerification.Run(inputs).Findings);
        Assert.Equal("GRD312", many.Rule.Id);
        Assert.Contains("over the limit of 10000 entries", many.Message, StringComparison.Ordinal);
        string damaged = Path.Combine(dir.Path, "damaged.zip");
        File.WriteAllBytes(damaged, new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 9, 9 });
        inputs.CopiedFiles = new[] { damaged };
        Assert.Equal("GRD312", Assert.Single(CompileVerification.Run(inputs).Findings).Rule.Id);
    }

    /// <summary>
    /// A waiver of GRD201 reaches the GRD201 the verification finds in the compiler's references: a warning that names the
    /// waiver and its expiry (like every waived finding), not an error and not silence; the verification still counts as
    /// verified and names the waiver it applied. An expired waiver covers nothing.
    /// </summary>
    [Fact]
    public void A_waived_GRD201_from_the_compilers_references_is_a_warning_naming_the_waiver_and_an_expired_waiver_covers_nothing()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules));
        using var _ = dir;
        inputs.CheckedStateFile = null;
        string openAi = Path.Combine(dir.Path, "packages", "openai", "2.1.0", "lib", "net6.0", "OpenAI.dll");
        inputs.References = new[] { "/usr/share/dotnet/packs/System.Runtime.dll", openAi };
        void WritePolicy(DateTimeOffset expires)
        {
            var policy = new Guardrails.Core.Policy.EffectivePolicy { HasPolicy = true };
            policy.Waivers.Add(new Guardrails.Core.Policy.WaiverEntry("W-PKG", "GRD201", "OpenAI*", expires, "li", "pilot", 12));
            File.WriteAllText(inputs.EffectivePolicyFile!, policy.Write());
        }

        WritePolicy(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        CompileVerificationResult waived = CompileVerification.Run(inputs);
        Finding finding = Assert.Single(waived.Findings, f => f.Rule.Id == "GRD201");
        Assert.Equal(openAi, finding.File);
        Assert.False(finding.IsError(enforce: true));
        Assert.Equal("W-PKG", finding.WaivedBy);
        Assert.Contains("The compiler referenced OpenAI.dll, an assembly of the AI SDK", finding.Message);
        Assert.EndsWith("Waived by 'W-PKG' (pilot, approved by li) until 2098-12-31.", finding.Message);
        Assert.True(waived.Verified);
        Assert.Equal("W-PKG", Assert.Single(waived.WaiversApplied).Id);

        WritePolicy(DateTimeOffset.UtcNow.AddMinutes(-1));
        CompileVerificationResult expired = CompileVerification.Run(inputs);
        Assert.True(Assert.Single(expired.Findings, f => f.Rule.Id == "GRD201").IsError(enforce: true));
        Assert.Empty(expired.WaiversApplied);
        Assert.False(expired.Verified);
    }

    private static string Used(string host, string file, bool suppressed = false) => $$"""
        { "ruleId": "GRD008", "ruleIndex": 7, "level": "note", "message": { "text": "AI endpoint used: {{host}} (x); recorded in the Guardrails audit record" },
          {{(suppressed ? "\"suppressions\": [ { \"kind\": \"inSource\", \"properties\": { \"suppressionType\": \"Pragma Directive\" } } ]," : string.Empty)}}
          "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file://{{file}}" }, "region": { "startLine": 3, "startColumn": 20 } } } ],
          "properties": { "customProperties": { "host": "{{host}}" } } }
        """;

    /// <summary>Issue 15, "what can it reach": the GRD008 results of the compiler's log are the record's endpoints.</summary>
    [Fact]
    public void The_endpoints_the_analyzers_recorded_in_the_log_are_read_suppressed_or_not_and_the_list_is_complete()
    {
        string results = string.Join(",", Used("api.openai.com", "/src/App/A.cs"), Used("api.openai.com", "/src/App/B.cs"), Used("API.Groq.com", "/src/App/C.cs", suppressed: true));
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules, results), "mode=Enforce\npolicy=true\nallowed=code\nallowedBy=policy\n");
        using var _ = dir;
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Assert.Empty(result.Findings);
        Assert.Null(result.EndpointsIncompleteBecause);
        Assert.Equal(new[] { "api.openai.com|/src/App/A.cs", "api.openai.com|/src/App/B.cs", "API.Groq.com|/src/App/C.cs" }, result.EndpointUses.Select(u => u.Host + "|" + u.File));

        // A GRD008 suppressed in source where the policy does not allow it is GRD311 (its host is still recorded).
        var (strict, dir2) = Governed(Sarif(AllAnalyzerRules, results));
        using var __ = dir2;
        CompileVerificationResult strictResult = CompileVerification.Run(strict);
        Assert.Contains(strictResult.Findings, f => f.Rule.Id == "GRD311" && f.Message.StartsWith("GRD008 was reported by the compiler but suppressed in source", StringComparison.Ordinal));
        Assert.Equal(3, strictResult.EndpointUses.Count);
    }

    [Fact]
    public void GRD008_turned_off_makes_the_endpoints_unknown_and_is_GRD305_in_Enforce_while_raising_it_or_keeping_it_a_suggestion_is_neither()
    {
        string off = """{ "descriptor": { "id": "GRD008", "index": 7 }, "configuration": { "enabled": false } }""";
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules, overrides: off));
        using var _ = dir;
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Assert.Contains(result.Findings, f => f.Rule.Id == "GRD305" && f.Message.StartsWith("GRD008 reached the compiler disabled", StringComparison.Ordinal));
        Assert.Contains("GRD008 was disabled", result.EndpointsIncompleteBecause);

        var (audit, dir2) = Governed(Sarif(AllAnalyzerRules, overrides: off), "mode=Audit\npolicy=true\nallowed=\nallowedBy=default\n");
        using var __ = dir2;
        CompileVerificationResult auditResult = CompileVerification.Run(audit);
        Assert.Empty(auditResult.Findings);
        Assert.Contains("endpoints the code uses are unknown", auditResult.EndpointsIncompleteBecause);

        foreach (string level in new[] { "note", "warning", "error" })
        {
            var (raised, dir3) = Governed(Sarif(AllAnalyzerRules, overrides: "{ \"descriptor\": { \"index\": 7 }, \"configuration\": { \"level\": \"" + level + "\" } }"));
            using var ___ = dir3;
            CompileVerificationResult raisedResult = CompileVerification.Run(raised);
            Assert.Empty(raisedResult.Findings);
            Assert.Null(raisedResult.EndpointsIncompleteBecause);
        }

        // Without a log, or without analyzers, the list is not complete either.
        var (noLog, dir4) = Governed(Sarif(AllAnalyzerRules));
        using var ____ = dir4;
        noLog.ErrorLogFile = null;
        Assert.Contains("no compiler error log", CompileVerification.Run(noLog).EndpointsIncompleteBecause);
        noLog.RunAnalyzers = "false";
        Assert.Contains("did not run", CompileVerification.Run(noLog).EndpointsIncompleteBecause);
    }

    /// <summary>Adversary round 7 routes 8 and 11: files the compiler was not given were not searched for endpoints either.</summary>
    [Fact]
    public void Files_kept_back_from_the_compiler_make_the_endpoint_list_incomplete_and_say_why_without_a_keyed_name()
    {
        var (inputs, dir) = Governed(Sarif(AllAnalyzerRules, Used("api.openai.com", "/src/App/A.cs")));
        using var _ = dir;
        string keyName = "sk-proj-" + "FAKEFAKEFAKE" + "T3BlbkFJ" + "FAKEFAKEFAKE";
        string list = dir.Write("obj/guardrails/" + Guardrails.Core.Files.SkippedList.FileName,
            Guardrails.Core.Files.SkippedList.Header +
            Guardrails.Core.Files.SkippedList.Line(Guardrails.Core.Files.SkippedList.Binary, 10, "/src/App/wwwroot/logo.png") +
            Guardrails.Core.Files.SkippedList.Line(Guardrails.Core.Files.SkippedList.Large, 3_000_000, "/src/App/deploy/values.yaml") +
            Guardrails.Core.Files.SkippedList.Line(Guardrails.Core.Files.SkippedList.Encoding, 200, "/src/App/.env"));
        inputs.AdditionalFiles = inputs.AdditionalFiles.Append(list).ToArray();
        CompileVerificationResult result = CompileVerification.Run(inputs);
        Assert.Equal("2 file(s) that may name an AI endpoint were not searched for one (encoding, large; first: values.yaml): GRD004/GRD008 read the files the compiler is given", result.EndpointsIncompleteBecause);

        // Only a binary file by its extension: nothing that could hold an address was left out.
        File.WriteAllText(list, Guardrails.Core.Files.SkippedList.Header + Guardrails.Core.Files.SkippedList.Line(Guardrails.Core.Files.SkippedList.Binary, 10, "/src/App/wwwroot/logo.png"));
        Assert.Null(CompileVerification.Run(inputs).EndpointsIncompleteBecause);

        // A name holding a key is never shown.
        File.WriteAllText(list, Guardrails.Core.Files.SkippedList.Header + Guardrails.Core.Files.SkippedList.Line(Guardrails.Core.Files.SkippedList.KeyName, 10, "/src/App/" + keyName + ".txt"));
        string because = CompileVerification.Run(inputs).EndpointsIncompleteBecause!;
        Assert.Contains("a file whose name holds a key", because);
        Assert.DoesNotContain("FAKEFAKEFAKE", because);
    }
}
