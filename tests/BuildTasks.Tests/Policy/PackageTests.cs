using Guardrails.Core.Policy;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>Builds a small project.assets.json: direct references and a dependency graph, for one or more frameworks.</summary>
internal static class Assets
{
    public static string Build(string[] direct, params (string Id, string Version, string[] Deps)[] libs) => BuildFor(new[] { "net10.0" }, direct, libs);

    public static string BuildFor(string[] frameworks, string[] direct, params (string Id, string Version, string[] Deps)[] libs)
    {
        string Lib((string Id, string Version, string[] Deps) l)
        {
            string deps = string.Join(", ", l.Deps.Select(d => "\"" + d.Split('/')[0] + "\": \"" + d.Split('/')[1] + "\""));
            return "      \"" + l.Id + "/" + l.Version + "\": {\n        \"type\": \"package\",\n        \"dependencies\": { " + deps + " }\n      }";
        }

        string targets = string.Join(",\n", frameworks.Select(f => "    \"" + f + "\": {\n" + string.Join(",\n", libs.Select(Lib)) + "\n    }"));
        string directDeps = string.Join(", ", direct.Select(d => "\"" + d + "\": { \"target\": \"Package\", \"version\": \"[1.0.0, )\" }"));
        string fw = string.Join(", ", frameworks.Select(f => "\"" + f + "\": { \"targetAlias\": \"" + f + "\", \"dependencies\": { " + directDeps + " } }"));
        return "{\n  \"version\": 3,\n  \"targets\": {\n" + targets + "\n  },\n  \"project\": { \"frameworks\": { " + fw + " } }\n}\n";
    }
}

public class GRD201_PackageNotApprovedTests
{
    [Fact]
    public void A_transitive_catalog_sdk_names_the_chain_and_points_into_the_assets_file()
    {
        string assets = Assets.Build(new[] { "Contoso.AiWrapper" },
            ("Contoso.AiWrapper", "1.0.0", new[] { "OpenAI/2.1.0" }),
            ("OpenAI", "2.1.0", new[] { "System.ClientModel/1.1.0" }),
            ("System.ClientModel", "1.1.0", Array.Empty<string>()));
        var run = Check(assets: assets);

        var f = Assert.Single(run.Result.Findings);
        Assert.Equal("GRD201", f.Rule.Id);
        Assert.EndsWith("project.assets.json", f.File);
        // The position is the package's entry (its value object) in the assets file.
        Assert.Equal(PositionOf(assets, "\"OpenAI/2.1.0\": {").Line, f.Line);
        Assert.Contains("Contoso.AiWrapper 1.0.0 \u2192 OpenAI 2.1.0 (net10.0)", f.Message);
        Assert.Contains("provider OpenAI", f.Message);
        Assert.Contains("packages.approved", f.Message);
        Assert.Equal("OpenAI", f.Subject);
    }

    [Fact]
    public void A_direct_policy_defined_sdk_is_checked_and_neutral_or_unrelated_packages_are_not()
    {
        string assets = Assets.Build(new[] { "Contoso.AiGateway", "Microsoft.Extensions.AI.Abstractions", "Newtonsoft.Json" },
            ("Contoso.AiGateway", "1.0.0", Array.Empty<string>()),
            ("Microsoft.Extensions.AI.Abstractions", "9.0.0", Array.Empty<string>()),
            ("Newtonsoft.Json", "13.0.3", Array.Empty<string>()));
        var f = Assert.Single(Check(assets: assets).Result.Findings);
        Assert.Equal("GRD201", f.Rule.Id);
        Assert.Contains("'Contoso.AiGateway' 1.0.0 (AI SDK 'contoso-gateway' defined by the policy)", f.Message);
        Assert.Contains("direct reference", f.Message);
    }

    [Fact]
    public void An_approved_package_in_range_passes_and_a_finding_is_reported_once_for_several_frameworks()
    {
        Assert.Empty(Check(assets: Assets.Build(new[] { "Anthropic" }, ("Anthropic", "1.4.0", Array.Empty<string>()))).Result.Findings);
        var multi = Check(assets: Assets.BuildFor(new[] { "net8.0", "net10.0" }, new[] { "OpenAI" }, ("OpenAI", "2.1.0", Array.Empty<string>())));
        Assert.Single(multi.Of("GRD201"));
    }

    [Fact]
    public void A_waiver_for_the_package_downgrades_it()
    {
        string policy = BasePolicy.Edit("\"rule\": \"GRD114\", \"subject\": \"claude-code/gpt-4o\"", "\"rule\": \"GRD201\", \"subject\": \"OpenAI\"");
        var run = Check(policy, BaseManifest.Edit("\"waivers\": []", "\"waivers\": [\"WVR-1\"]"), assets: Assets.Build(new[] { "OpenAI" }, ("OpenAI", "2.1.0", Array.Empty<string>())));
        var f = Assert.Single(run.Result.Findings);
        Assert.False(f.IsError(true));
        Assert.Contains("Waived by 'WVR-1'", f.Message);

        // The analyzers' half sees the same waiver: the code use is a waived violation (reported as a warning), and
        // both halves name the waiver in the same words (Core's WaiverEntry.Note).
        Decision use = AtCheckTime(run.Result).Assembly("OpenAI")!;
        Assert.Equal((true, "WVR-1"), (use.IsWaived, use.Waiver!.Id));
        string note = use.Waiver.Note();
        Assert.StartsWith("waived by 'WVR-1' (", note);
        Assert.EndsWith(note.Substring(1) + ".", f.Message);
        Assert.EndsWith(note, use.Qualifier());
    }

    /// <summary>The analyzers' view of the effective policy written to disk, at the check's (test) instant.</summary>
    private static PolicyVerdicts AtCheckTime(Guardrails.BuildTasks.Results.CheckResult result) =>
        new PolicyVerdicts(EffectivePolicy.Read(result.Effective.Write(), out _)!, now: Now);

    [Fact]
    public void A_waiver_of_GRD004_is_accepted_by_the_policy_reader_and_reaches_the_analyzers_by_host_pattern()
    {
        string policy = BasePolicy.Edit("\"rule\": \"GRD114\", \"subject\": \"claude-code/gpt-4o\"", "\"rule\": \"GRD004\", \"subject\": \"*.mistral.ai\"");
        var run = Check(policy, BaseManifest.Edit("\"waivers\": []", "\"waivers\": [\"WVR-1\"]"), assets: Assets.Build(Array.Empty<string>()));
        Assert.Empty(run.Result.Findings);
        PolicyVerdicts view = AtCheckTime(run.Result);
        Assert.Equal("WVR-1", view.Host("codestral.mistral.ai").Waiver?.Id);
        Assert.True(view.Host("codestral.mistral.ai").IsWaived);
        Assert.Null(view.Host("api.openai.com").Waiver);
    }
}

public class GRD313_AssetsFileStaleTests
{
    private static readonly string Restored = Assets.BuildFor(new[] { "net8.0", "net10.0" }, new[] { "Newtonsoft.Json" }, ("Newtonsoft.Json", "13.0.3", Array.Empty<string>()));

    [Fact]
    public void A_reference_the_last_restore_does_not_list_is_GRD313_naming_it_and_an_error_in_Enforce()
    {
        var run = Check(assets: Restored, packageReferences: new[] { "Newtonsoft.Json", "OpenAI" }, targetFramework: "net10.0");

        var f = Assert.Single(run.Of("GRD313"));
        Assert.True(f.IsError(true));
        Assert.EndsWith("project.assets.json", f.File);
        Assert.Contains("OpenAI is referenced but not in the last restore", f.Message);
        Assert.DoesNotContain("Newtonsoft.Json", f.Message);
    }

    [Fact]
    public void References_that_match_the_restore_in_any_case_are_fine_and_a_package_removed_since_is_still_judged_from_the_assets_file()
    {
        Assert.Empty(Check(assets: Restored, packageReferences: new[] { "newtonsoft.json" }, targetFramework: "net10.0").Of("GRD313"));
        Assert.Empty(Check(assets: Restored, packageReferences: Array.Empty<string>(), targetFramework: "net10.0").Of("GRD313"));
        // Unknown references (outside MSBuild, e.g. the CLI) are not judged.
        Assert.Empty(Check(assets: Restored).Of("GRD313"));
    }

    [Fact]
    public void An_assets_file_without_the_framework_being_compiled_is_GRD313()
    {
        var f = Assert.Single(Check(assets: Restored, packageReferences: new[] { "Newtonsoft.Json" }, targetFramework: "net9.0").Of("GRD313"));
        Assert.Contains("no entry for the target framework 'net9.0'", f.Message);
    }
}

/// <summary>Adversary round 9 route 1: the second framework of a multi-targeted project drops Guardrails from its restore.</summary>
public class GRD317_FrameworkWithoutGuardrailsTests
{
    private static string Restore(string net9Dependencies, string net9Extra = "") =>
        "{ \"version\": 3, \"targets\": { \"net10.0\": {}, \"net9.0\": {} }, \"project\": { \"frameworks\": { " +
        "\"net10.0\": { \"targetAlias\": \"net10.0\", \"dependencies\": { \"Guardrails\": { \"target\": \"Package\", \"version\": \"[0.1.0, )\" } } }, " +
        "\"net9.0\": { \"targetAlias\": \"net9.0\", \"dependencies\": { " + net9Dependencies + " }" + net9Extra + " } } } }";

    [Fact]
    public void A_framework_whose_restore_lacks_Guardrails_is_GRD317_in_the_build_of_the_framework_that_has_it()
    {
        string downloads = ", \"downloadDependencies\": [ { \"name\": \"OpenAI\", \"version\": \"[2.1.0, 2.1.0]\" } ]";
        var run = Check(assets: Restore(string.Empty, downloads), targetFramework: "net10.0");

        var f = Assert.Single(run.Of("GRD317"));
        Assert.True(f.IsError(true));
        Assert.EndsWith("project.assets.json", f.File);
        Assert.Contains("The target framework 'net9.0' of this project restores without the Guardrails package, which the framework 'net10.0' restores", f.Message);
        Assert.Contains("downloads the AI SDK OpenAI (PackageDownload)", f.Message);
        Assert.DoesNotContain("Microsoft.NETCore.App.Ref", f.Message);
    }

    [Fact]
    public void Every_framework_with_Guardrails_or_a_restore_with_it_in_none_is_fine()
    {
        Assert.Empty(Check(assets: Restore("\"guardrails\": { \"target\": \"Package\", \"version\": \"[0.1.0, )\" }"), targetFramework: "net10.0").Of("GRD317"));
        // Guardrails brought in another way (no direct dependency in any framework): not this rule's question.
        Assert.Empty(Check(assets: Assets.BuildFor(new[] { "net8.0", "net10.0" }, new[] { "Newtonsoft.Json" }, ("Newtonsoft.Json", "13.0.3", Array.Empty<string>())), targetFramework: "net10.0").Of("GRD317"));
    }
}

public class GRD202_PackageDeniedTests
{
    [Fact]
    public void A_denied_package_fails_even_when_a_glob_approves_it()
    {
        string policy = BasePolicy.Edit("{ \"id\": \"Microsoft.Extensions.AI*\" }", "{ \"id\": \"Shady.*\" }");
        var f = Assert.Single(Check(policy, assets: Assets.Build(new[] { "Shady.AI" }, ("Shady.AI", "0.9.0", Array.Empty<string>()))).Result.Findings);
        Assert.Equal("GRD202", f.Rule.Id);
        Assert.Contains("unvetted", f.Message);
    }
}

public class GRD203_PackageVersionNotApprovedTests
{
    [Fact]
    public void An_approved_package_outside_its_range_fails()
    {
        var f = Assert.Single(Check(assets: Assets.Build(new[] { "Anthropic" }, ("Anthropic", "2.0.0", Array.Empty<string>()))).Result.Findings);
        Assert.Equal("GRD203", f.Rule.Id);
        Assert.Contains("[1.0,2.0)", f.Message);
    }
}

public class GRD204_AssetsFileUnreadableTests
{
    [Fact]
    public void A_malformed_assets_file_is_reported_and_a_missing_one_is_not()
    {
        var run = Check(assets: "{ \"targets\": { ");
        Assert.Single(run.Of("GRD204"));
        Assert.Single(Check(assets: "{ \"version\": 3 }").Of("GRD204"));
        Assert.Empty(Check().Result.Findings);
    }
}
