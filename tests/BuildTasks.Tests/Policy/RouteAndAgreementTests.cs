using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;
using Guardrails.Tests.Shared;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>Runs the whole check on a policy, a project file (and props files) and an assets file in a temporary folder.</summary>
internal static class ProjectCheck
{
    public const string Manifest = """
        { "manifestFormat": "1.0", "repository": "github.com/contoso/app", "owner": { "team": "App", "contact": "app@example.test" }, "assistants": [] }
        """;

    public static (CheckResult Result, TempDir Dir) Run(string policy, string assets, string? projectXml = null, params (string Path, string Text)[] files) =>
        RunFor(null, policy, assets, projectXml, files);

    /// <summary>The check of one inner build of the project: <paramref name="targetFramework"/> is its $(TargetFramework).</summary>
    public static (CheckResult Result, TempDir Dir) RunFor(string? targetFramework, string policy, string assets, string? projectXml = null, params (string Path, string Text)[] files)
    {
        var dir = new TempDir();
        string policyPath = dir.Write("policy/guardrails.policy.json", policy);
        string manifestPath = dir.Write("ai-assistants.json", Manifest);
        foreach ((string path, string text) in files)
        {
            dir.Write(path, text);
        }

        string project = dir.Write("src/App/App.csproj", projectXml ?? "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        string assetsPath = dir.Write("src/App/obj/project.assets.json", assets);
        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = project,
            PolicyPath = policyPath,
            ManifestPath = manifestPath,
            ProjectAssetsFile = assetsPath,
            TargetFramework = targetFramework,
            Mode = "Enforce",
            Now = Now,
        });
        return (result, dir);
    }

    /// <summary>What the analyzers see: the effective policy as written to disk, read back through the contract.</summary>
    public static PolicyVerdicts AnalyzerView(CheckResult result) =>
        PolicyVerdicts.From(EffectivePolicy.Read(result.Effective.Write(), out string? error) ?? throw new InvalidOperationException(error))
        ?? throw new InvalidOperationException("no policy");
}

public class PackageLocationTests
{
    private const string Policy = """
        { "policyFormat": "1.0", "policyId": "p", "revision": 1, "owner": { "name": "AI Governance", "contact": "ai@example.test", "approvers": ["li"] },
          "packages": { "approved": [ { "id": "Contoso.AiWrapper" } ] } }
        """;

    [Fact]
    public void A_direct_package_is_reported_at_its_PackageReference_in_the_project_file()
    {
        string project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />\n    <PackageReference Include=\"OpenAI\" Version=\"2.1.0\" />\n  </ItemGroup>\n</Project>\n";
        var (result, dir) = ProjectCheck.Run(Policy, Assets.Build(new[] { "OpenAI" }, ("OpenAI", "2.1.0", Array.Empty<string>())), project);
        using (dir)
        {
            Finding f = Assert.Single(result.Findings);
            Assert.Equal(("GRD201", "App.csproj", 4, 5), (f.Rule.Id, Path.GetFileName(f.File), f.Line, f.Column));
        }
    }

    [Fact]
    public void A_transitive_package_is_reported_at_the_top_level_reference_in_Directory_Packages_props_with_the_chain()
    {
        string props = "<Project>\n  <ItemGroup>\n      <GlobalPackageReference Include=\"Contoso.AiWrapper\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n";
        string assets = Assets.Build(new[] { "Contoso.AiWrapper" },
            ("Contoso.AiWrapper", "1.0.0", new[] { "OpenAI/2.1.0" }),
            ("OpenAI", "2.1.0", Array.Empty<string>()));
        var (result, dir) = ProjectCheck.Run(Policy, assets, null, ("Directory.Packages.props", props));
        using (dir)
        {
            Finding f = Assert.Single(result.Findings);
            Assert.Equal(("GRD201", "Directory.Packages.props", 3, 7), (f.Rule.Id, Path.GetFileName(f.File), f.Line, f.Column));
            Assert.Contains("Contoso.AiWrapper 1.0.0 \u2192 OpenAI 2.1.0 (net10.0)", f.Message);
            // The wrapper is approved: the message proposes a route, never removing it.
            Assert.Contains("declare a route in 'routes' whose packages include 'Contoso.AiWrapper'", f.Message);
        }
    }

    [Fact]
    public void Without_a_reference_element_the_finding_stays_in_the_assets_file()
    {
        var (result, dir) = ProjectCheck.Run(Policy, Assets.Build(new[] { "OpenAI" }, ("OpenAI", "2.1.0", Array.Empty<string>())), "<Project><Oops");
        using (dir)
        {
            Assert.EndsWith("project.assets.json", Assert.Single(result.Findings).File);
        }
    }
}

public class RouteTests
{
    private static string RoutePolicy(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "policy", "routes", name + ".policy.json"));

    [Fact]
    public void Azure_openai_route_passes_the_wrapper_and_the_openai_it_brings_but_not_openai_referenced_directly()
    {
        string wrapped = Assets.Build(new[] { "Azure.AI.OpenAI" },
            ("Azure.AI.OpenAI", "2.1.0", new[] { "OpenAI/2.1.0", "Azure.Core/1.44.1" }),
            ("OpenAI", "2.1.0", new[] { "System.ClientModel/1.1.0" }),
            ("Azure.Core", "1.44.1", Array.Empty<string>()),
            ("System.ClientModel", "1.1.0", Array.Empty<string>()));
        var (clean, d1) = ProjectCheck.Run(RoutePolicy("azure-openai"), wrapped);
        using (d1)
        {
            Assert.Empty(clean.Findings);
            PolicyVerdicts analyzer = ProjectCheck.AnalyzerView(clean);
            Assert.True(analyzer.Assembly("OpenAI")!.OnlyThroughRoute);
            Assert.True(analyzer.Assembly("Azure.AI.OpenAI")!.Passes);
            Assert.Equal(Verdict.Denied, analyzer.Host("api.openai.com").Verdict);
            Assert.True(analyzer.Host("contoso.openai.azure.com").Passes);
        }

        string both = Assets.Build(new[] { "Azure.AI.OpenAI", "OpenAI" },
            ("Azure.AI.OpenAI", "2.1.0", new[] { "OpenAI/2.1.0" }),
            ("OpenAI", "2.1.0", Array.Empty<string>()));
        var (direct, d2) = ProjectCheck.Run(RoutePolicy("azure-openai"), both);
        using (d2)
        {
            Finding f = Assert.Single(direct.Findings);
            Assert.Equal(("GRD201", "OpenAI"), (f.Rule.Id, f.Subject));
            Assert.False(ProjectCheck.AnalyzerView(direct).Assembly("OpenAI")!.Passes);
        }

        var (old, d3) = ProjectCheck.Run(RoutePolicy("azure-openai"), Assets.Build(new[] { "Azure.AI.OpenAI" }, ("Azure.AI.OpenAI", "1.0.0-beta.6", Array.Empty<string>())));
        using (d3)
        {
            Finding f = Assert.Single(old.Findings);
            Assert.Equal("GRD203", f.Rule.Id);
            Assert.Contains("route 'azure-openai'", f.Message);
            Assert.Equal(Verdict.VersionNotApproved, ProjectCheck.AnalyzerView(old).Assembly("Azure.AI.OpenAI")!.Verdict);
        }
    }

    [Theory]
    [InlineData("Azure.AI.OpenAI", "Microsoft.Extensions.AI.OpenAI")]
    [InlineData("Microsoft.Extensions.AI.OpenAI", "Azure.AI.OpenAI")]
    public void A_base_sdk_that_an_unapproved_package_also_brings_in_is_not_only_through_the_route_whatever_the_order_of_the_references(string first, string second)
    {
        string[] direct = { first, second };
        // Azure.AI.OpenAI (the route) and Microsoft.Extensions.AI.OpenAI (not approved) both bring in OpenAI, each in
        // one step: whichever the assets file lists first, OpenAI does not come in only through the route.
        string assets = Assets.Build(direct,
            ("Azure.AI.OpenAI", "2.1.0", new[] { "OpenAI/2.14.0" }),
            ("Microsoft.Extensions.AI.OpenAI", "10.11.0", new[] { "OpenAI/2.14.0", "Microsoft.Extensions.AI.Abstractions/10.11.0" }),
            ("Microsoft.Extensions.AI.Abstractions", "10.11.0", Array.Empty<string>()),
            ("OpenAI", "2.14.0", Array.Empty<string>()));
        var (result, dir) = ProjectCheck.Run(RoutePolicy("azure-openai"), assets);
        using (dir)
        {
            Assert.Equal(
                new[] { ("GRD201", "Microsoft.Extensions.AI.OpenAI"), ("GRD201", "OpenAI") },
                result.Findings.Select(f => (f.Rule.Id, f.Subject!)).OrderBy(f => f.Item2, StringComparer.Ordinal).ToArray());
            Assert.Contains("Microsoft.Extensions.AI.OpenAI 10.11.0 \u2192 OpenAI 2.14.0", result.Findings.Single(f => f.Subject == "OpenAI").Message);
            PolicyVerdicts analyzer = ProjectCheck.AnalyzerView(result);
            Assert.Equal(Verdict.NotApproved, analyzer.Assembly("OpenAI")!.Verdict);
            Assert.True(analyzer.Assembly("Azure.AI.OpenAI")!.Passes);
        }

        // With the adapter in the route, OpenAI comes in only through the route again.
        string widened = RoutePolicy("azure-openai").Replace(
            "{ \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" } ]",
            "{ \"id\": \"Azure.AI.OpenAI\", \"versions\": \"[2.1,3.0)\" }, \"Microsoft.Extensions.AI.OpenAI\" ]",
            StringComparison.Ordinal);
        Assert.NotEqual(RoutePolicy("azure-openai"), widened);
        var (clean, d2) = ProjectCheck.Run(widened, assets);
        using (d2)
        {
            Assert.True(clean.Findings.Count == 0, string.Join("\n", clean.Findings.Select(f => f.Message)));
            Assert.True(ProjectCheck.AnalyzerView(clean).Assembly("OpenAI")!.OnlyThroughRoute);
        }
    }

    [Fact]
    public void Semantic_kernel_azure_openai_route_passes_every_sdk_the_connector_brings()
    {
        string assets = Assets.Build(new[] { "Microsoft.SemanticKernel.Connectors.AzureOpenAI" },
            ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0", new[] { "Microsoft.SemanticKernel.Connectors.OpenAI/1.82.0", "Azure.AI.OpenAI/2.9.0-beta.1", "Microsoft.SemanticKernel.Core/1.82.0" }),
            ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0", new[] { "OpenAI/2.15.0", "Microsoft.Extensions.AI.OpenAI/10.11.0", "Microsoft.SemanticKernel.Core/1.82.0" }),
            ("Microsoft.SemanticKernel.Core", "1.82.0", new[] { "Microsoft.SemanticKernel.Abstractions/1.82.0" }),
            ("Microsoft.SemanticKernel.Abstractions", "1.82.0", new[] { "Microsoft.Extensions.AI.Abstractions/10.11.0" }),
            ("Microsoft.Extensions.AI.Abstractions", "10.11.0", Array.Empty<string>()),
            ("Microsoft.Extensions.AI.OpenAI", "10.11.0", new[] { "OpenAI/2.15.0" }),
            ("Azure.AI.OpenAI", "2.9.0-beta.1", new[] { "OpenAI/2.15.0" }),
            ("OpenAI", "2.15.0", Array.Empty<string>()));
        var (result, dir) = ProjectCheck.Run(RoutePolicy("semantic-kernel-azure-openai"), assets);
        using (dir)
        {
            Assert.True(result.Findings.Count == 0, string.Join("\n", result.Findings.Select(f => f.Message)));
            PolicyVerdicts analyzer = ProjectCheck.AnalyzerView(result);
            Decision openAiConnector = analyzer.Assembly("Microsoft.SemanticKernel.Connectors.OpenAI")!;
            Assert.True(openAiConnector.OnlyThroughRoute);
            Assert.True(openAiConnector.Sdk!.IsOwnClientEntryPoint(false, true, "AddOpenAIChatCompletion"));
            Assert.False(analyzer.Assembly("Microsoft.SemanticKernel.Core")!.Sdk!.IsOwnClientEntryPoint(false, true, "AddFromType"));
        }
    }
}

/// <summary>
/// The two halves cannot disagree: for every sample policy (samples/policy, including every route example of
/// docs/policy.md) and every package of every catalog SDK, referenced directly and through each route's packages, the
/// package gate (GRD201-GRD203) passes the package exactly when the analyzers' decision for its assembly passes.
/// </summary>
public class MultiTargetingTests
{
    /// <summary>
    /// netstandard2.0 references OpenAI itself, net10.0 gets it only through Azure.AI.OpenAI (the route's package), as a
    /// project with a conditional PackageReference per framework restores it.
    /// </summary>
    private const string Assets = """
        {
          "version": 3,
          "targets": {
            "netstandard2.0": {
              "OpenAI/2.1.0": { "type": "package", "dependencies": { "System.ClientModel": "1.2.1" } },
              "System.ClientModel/1.2.1": { "type": "package" }
            },
            "net10.0": {
              "Azure.AI.OpenAI/2.1.0": { "type": "package", "dependencies": { "OpenAI": "2.1.0", "System.ClientModel": "1.2.1" } },
              "OpenAI/2.1.0": { "type": "package", "dependencies": { "System.ClientModel": "1.2.1" } },
              "System.ClientModel/1.2.1": { "type": "package" }
            }
          },
          "project": { "frameworks": {
            "netstandard2.0": { "targetAlias": "netstandard2.0", "dependencies": { "OpenAI": { "target": "Package", "version": "[2.1.0, )" } } },
            "net10.0": { "targetAlias": "net10.0", "dependencies": { "Azure.AI.OpenAI": { "target": "Package", "version": "[2.1.0, )" } } }
          } }
        }
        """;

    private static string RoutePolicy() => File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "policy", "routes", "azure-openai.policy.json"));

    [Fact]
    public void Each_inner_build_gives_the_analyzers_its_own_frameworks_chain_so_the_same_package_is_judged_per_framework()
    {
        // The package gate judges every framework: OpenAI referenced directly by netstandard2.0 is GRD201, in both inner builds.
        foreach (string? framework in new[] { "net10.0", "netstandard2.0", null })
        {
            var (result, dir) = ProjectCheck.RunFor(framework, RoutePolicy(), Assets);
            using (dir)
            {
                Finding f = Assert.Single(result.Findings, x => x.Rule.Id == "GRD201");
                Assert.Contains("'OpenAI' 2.1.0", f.Message);
                Assert.Contains("(netstandard2.0)", f.Message);
            }
        }

        // What the compiler of each framework is told: net10.0 uses OpenAI through the route, netstandard2.0 does not.
        var (net10, d1) = ProjectCheck.RunFor("net10.0", RoutePolicy(), Assets);
        using (d1)
        {
            Decision use = ProjectCheck.AnalyzerView(net10).Assembly("OpenAI")!;
            Assert.True(use.OnlyThroughRoute, use.ToString());
            Assert.Equal(new[] { "Azure.AI.OpenAI", "OpenAI" }, net10.Effective.Packages.Single(p => p.Id == "OpenAI").Chain);
        }

        var (netstandard, d2) = ProjectCheck.RunFor("netstandard2.0", RoutePolicy(), Assets);
        using (d2)
        {
            Decision use = ProjectCheck.AnalyzerView(netstandard).Assembly("OpenAI")!;
            Assert.Equal(Verdict.NotApproved, use.Verdict);
            Assert.DoesNotContain(netstandard.Effective.Packages, p => p.Id == "Azure.AI.OpenAI");
        }
    }
}

public class PackageGateAndAnalyzerAgreementTests
{
    public static IEnumerable<object[]> SamplePolicies() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "policy"), "*.json", SearchOption.AllDirectories)
            .Select(p => new object[] { Path.GetRelativePath(RepoPaths.Root, p) });

    [Theory]
    [MemberData(nameof(SamplePolicies))]
    public void Every_catalog_sdk_gets_the_same_verdict_from_the_package_gate_and_the_analyzer(string policyFile)
    {
        string policy = File.ReadAllText(Path.Combine(RepoPaths.Root, policyFile));
        var sdks = AiSdkCatalog.All.ToList();
        var cases = new List<(string Top, string Package, string Assembly)>();
        foreach (AiSdk sdk in sdks)
        {
            // The analyzers decide per referenced assembly, which ships in the package of the same name; packages
            // without such an assembly (native backends, meta packages) are the package gate's alone.
            foreach (string id in sdk.PackageIds.Where(id => sdk.AssemblyNames.Contains(id, StringComparer.OrdinalIgnoreCase)))
            {
                cases.Add((id, id, id));
                cases.Add(("Contoso.Wrapper", id, id));
            }
        }

        var (probe, probeDir) = ProjectCheck.Run(policy, Assets.Build(Array.Empty<string>()));
        List<string> routePackages;
        using (probeDir)
        {
            Assert.True(probe.PolicyErrors == 0, string.Join("\n", probe.Findings.Select(f => f.Message)));
            routePackages = probe.Effective.Routes.SelectMany(r => r.Packages).Select(p => p.Id).Where(p => !Core.Text.Glob.IsPattern(p)).ToList();
        }

        foreach (string wrapper in routePackages)
        {
            foreach ((string top, string package, string assembly) in cases.Where(c => c.Top == c.Package).ToList())
            {
                cases.Add((wrapper, package, assembly));
            }
        }

        int disagreements = 0;
        var report = new List<string>();
        foreach ((string top, string package, string assembly) in cases.Distinct())
        {
            string assets = top == package
                ? Assets.Build(new[] { package }, (package, "2.1.0", Array.Empty<string>()))
                : Assets.Build(new[] { top }, (top, "2.1.0", new[] { package + "/2.1.0" }), (package, "2.1.0", Array.Empty<string>()));
            var (result, dir) = ProjectCheck.Run(policy, assets);
            using (dir)
            {
                bool gatePasses = !result.Findings.Any(f => f.Subject != null && string.Equals(f.Subject, package, StringComparison.OrdinalIgnoreCase) && f.IsError(true));
                Decision use = ProjectCheck.AnalyzerView(result).Assembly(assembly)!;
                if (gatePasses != use.Passes)
                {
                    disagreements++;
                    report.Add(top + " -> " + package + " (" + assembly + "): gate " + (gatePasses ? "passes" : "fails") + ", analyzer " + use);
                }
            }
        }

        Assert.True(disagreements == 0, string.Join("\n", report));
    }
}
