using System.Text.RegularExpressions;
using Guardrails.Core.Rules;
using Guardrails.Tests.Shared;
using Guardrails.Tools.RuleDocs;

namespace Guardrails.Core.Tests;

/// <summary>The rule docs are generated from the rule catalog and cannot drift from it.</summary>
public class RuleDocsTests
{
    [Fact]
    public void Rule_pages_the_readme_table_and_the_waivable_list_match_the_rule_catalog()
    {
        List<GeneratedFile> stale = RuleDocsGenerator.Compute(RepoPaths.Root).Where(f => !f.IsCurrent).ToList();

        Assert.True(
            stale.Count == 0,
            "Out of date with src/Core/Rules/RuleCatalog.cs: " + string.Join(", ", stale.Select(f => f.RelativePath))
            + ". Regenerate with: " + RuleDocsGenerator.Command + " (from the repository root), then review and commit the result.");
    }

    [Fact]
    public void The_generator_rewrites_a_drifted_header_from_the_catalog_and_keeps_the_hand_written_body()
    {
        using var root = new TempRoot();
        root.Write("README.md", "# R\n\n## Rules\n\n" + RuleDocsGenerator.ReadmeBegin + "\n| stale |\n" + RuleDocsGenerator.ReadmeEnd + "\n\nafter\n");
        root.Write("docs/policy.md", "# P\n\n" + RuleDocsGenerator.PolicyBegin + "\n" + RuleDocsGenerator.PolicyEnd + "\n");
        // A page as hand-written before generation: an old title, no Waivable or Since row.
        root.Write("docs/rules/GRD131.md", "# GRD131: Declared assistant not found (warning)\n\n| | |\n|---|---|\n| Category | Guardrails.Policy |\n| Severity | Warning |\n\nThe hand-written explanation.\n\n## How to fix\n\nRemove it.\n");
        RuleInfo[] rules = { RuleCatalog.DeclaredWithoutFootprint, RuleCatalog.ModelNotApproved };

        List<GeneratedFile> files = RuleDocsGenerator.Compute(root.Path, rules);

        GeneratedFile page = files.Single(f => f.RelativePath == "docs/rules/GRD131.md");
        Assert.False(page.IsCurrent);
        Assert.StartsWith("# GRD131: " + RuleCatalog.DeclaredWithoutFootprint.Title + "\n", page.Expected);
        Assert.Contains("| Waivable | no |", page.Expected);
        Assert.Contains("| Severity | Warning, in every mode (never fails the build) |", page.Expected);
        Assert.Contains("| Since | " + RuleCatalog.FirstRelease + " |", page.Expected);
        Assert.EndsWith(RuleDocsGenerator.PageMarker + "\n\nThe hand-written explanation.\n\n## How to fix\n\nRemove it.\n", page.Expected);
        Assert.DoesNotContain("Declared assistant not found (warning)", page.Expected);

        // A rule with no page yet gets the generated header and headings to fill in.
        GeneratedFile missing = files.Single(f => f.RelativePath == "docs/rules/GRD114.md");
        Assert.Null(missing.Actual);
        Assert.Contains("| Waivable | yes, subject = " + RuleCatalog.ModelNotApproved.WaiverSubject, missing.Expected);

        GeneratedFile readme = files.Single(f => f.RelativePath == "README.md");
        Assert.Equal(
            "# R\n\n## Rules\n\n" + RuleDocsGenerator.ReadmeBegin + "\n| id | title | where | severity | waivable |\n|---|---|---|---|---|\n"
            + "| [GRD114](docs/rules/GRD114.md) | Model is not approved for the assistant | build task | error | yes |\n"
            + "| [GRD131](docs/rules/GRD131.md) | Declared assistant or footprint not found in the repository | build task | warning only | no |\n"
            + RuleDocsGenerator.ReadmeEnd + "\n\nafter\n",
            readme.Expected);
        GeneratedFile policy = files.Single(f => f.RelativePath == "docs/policy.md");
        Assert.Contains("| [GRD114](rules/GRD114.md) |", policy.Expected);
        Assert.DoesNotContain("GRD131", policy.Expected);

        // Writing what was generated is a fixed point: a second run changes nothing, and the body survives again.
        foreach (GeneratedFile f in files)
        {
            root.Write(f.RelativePath, f.Expected);
        }

        Assert.All(RuleDocsGenerator.Compute(root.Path, rules), f => Assert.True(f.IsCurrent, f.RelativePath));
    }

    [Fact]
    public void A_readme_without_the_generated_section_is_a_clear_error()
    {
        using var root = new TempRoot();
        root.Write("README.md", "# R\n");
        root.Write("docs/policy.md", RuleDocsGenerator.PolicyBegin + "\n" + RuleDocsGenerator.PolicyEnd + "\n");

        var e = Assert.Throws<InvalidOperationException>(() => RuleDocsGenerator.Compute(root.Path, Array.Empty<RuleInfo>()));
        Assert.Contains("README.md has no generated section", e.Message);
    }

    [Fact]
    public void Every_rule_has_a_sarif_name_that_is_pascal_case_unique_and_not_its_id()
    {
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.Matches(new Regex("^[A-Z][A-Za-z0-9]+$"), r.Name);
            Assert.NotEqual(r.Id, r.Name);
        });
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Help_links_point_into_the_repository_set_once_in_the_build_props()
    {
        string props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        Match url = Regex.Match(props, "<GuardrailsRepositoryUrl>([^<]+)</GuardrailsRepositoryUrl>");

        Assert.True(url.Success, "Directory.Build.props sets GuardrailsRepositoryUrl");
        Assert.Equal(RuleCatalog.RepositoryUrl, url.Groups[1].Value);
        Assert.All(RuleCatalog.All, r => Assert.Equal(url.Groups[1].Value + "/blob/main/docs/rules/" + r.Id + ".md", r.HelpLink));
    }

    [Fact]
    public void The_generator_gives_each_json_schema_its_id_at_the_repository_address()
    {
        using var root = new TempRoot();
        root.Write("README.md", RuleDocsGenerator.ReadmeBegin + "\n" + RuleDocsGenerator.ReadmeEnd + "\n");
        root.Write("docs/policy.md", RuleDocsGenerator.PolicyBegin + "\n" + RuleDocsGenerator.PolicyEnd + "\n");
        root.Write("schemas/x.schema.json", "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": \"https://example.invalid/old/x.schema.json\",\n  \"type\": \"object\"\n}\n");

        GeneratedFile schema = RuleDocsGenerator.Compute(root.Path, Array.Empty<RuleInfo>()).Single(f => f.RelativePath == "schemas/x.schema.json");

        Assert.False(schema.IsCurrent);
        Assert.Equal("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": \"" + RuleCatalog.RepositoryUrl + "/blob/main/schemas/x.schema.json\",\n  \"type\": \"object\"\n}\n", schema.Expected);
    }

    private sealed class TempRoot : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "grd-ruledocs-" + Guid.NewGuid().ToString("N"));

        public void Write(string relative, string text)
        {
            string full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
