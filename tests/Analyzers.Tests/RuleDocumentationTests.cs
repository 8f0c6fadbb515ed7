using System.Reflection;
using Guardrails.Core.Rules;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Tests;

/// <summary>Every rule has a help link to its docs page, the page exists, and analyzer rules are release-tracked.</summary>
public class RuleDocumentationTests
{
    public static IEnumerable<object[]> AnalyzerDescriptors()
    {
        foreach (Type type in typeof(HardcodedKeyInCodeAnalyzer).Assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            {
                var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                // One row per (analyzer, id): a rule's locked (NotConfigurable) twin shares its id, and xUnit skips a
                // duplicate row silently; the test itself checks every descriptor of the id.
                foreach (string id in analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())
                {
                    yield return new object[] { type.Name, id };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzerDescriptors))]
    public void Analyzer_descriptor_links_to_an_existing_docs_page_and_is_release_tracked(string analyzer, string id)
    {
        // The rule's descriptor and its locked (NotConfigurable) twin, which must carry the same link and title.
        DiagnosticDescriptor[] all = FindDescriptors(analyzer, id);
        Assert.InRange(all.Length, 1, 2);
        foreach (DiagnosticDescriptor d in all)
        {
            Assert.Equal(RuleCatalog.HelpLinkFor(id), d.HelpLinkUri);
            Assert.Equal(all[0].Title.ToString(), d.Title.ToString());
        }

        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md")), "docs/rules/" + id + ".md is missing");

        string releases = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains(id + " ", releases);
    }

    [Fact]
    public void Every_catalog_rule_has_a_docs_page_and_a_readme_row()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (RuleInfo rule in RuleCatalog.All)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "docs", "rules", rule.Id + ".md")), "docs/rules/" + rule.Id + ".md is missing");
            Assert.Contains("[" + rule.Id + "](docs/rules/" + rule.Id + ".md)", readme);
        }
    }

    private static DiagnosticDescriptor[] FindDescriptors(string analyzer, string id)
    {
        Type type = typeof(HardcodedKeyInCodeAnalyzer).Assembly.GetTypes().Single(t => t.Name == analyzer);
        var instance = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        return instance.SupportedDiagnostics.Where(d => d.Id == id).ToArray();
    }
}
