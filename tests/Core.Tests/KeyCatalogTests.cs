using Guardrails.Core.Secrets;

namespace Guardrails.Core.Tests;

public class KeyCatalogTests
{
    [Fact]
    public void Every_format_has_an_id_source_and_rotation_url()
    {
        Assert.Equal(KeyCatalog.All.Count, KeyCatalog.All.Select(f => f.Id).Distinct().Count());
        foreach (KeyFormat f in KeyCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Source), f.Id);
            Assert.False(string.IsNullOrWhiteSpace(f.Provider), f.Id);
            Assert.False(string.IsNullOrWhiteSpace(f.TokenKind), f.Id);
            Assert.False(string.IsNullOrWhiteSpace(f.Shape), f.Id);
            if (!f.IsGeneric)
            {
                Assert.StartsWith("https://", f.RotateUrl, StringComparison.Ordinal);
            }
        }

        Assert.Single(KeyCatalog.All, f => f.IsGeneric);
    }

    [Fact]
    public void Every_catalog_format_is_exercised_by_the_corpus()
    {
        var covered = DetectionCorpus.FixedFormatKeys.Select(k => k.FormatId)
            .Concat(DetectionCorpus.NamedKeys.Select(k => k.FormatId))
            .ToHashSet();
        string[] missing = KeyCatalog.All.Select(f => f.Id).Where(id => !covered.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, "not in the corpus: " + string.Join(", ", missing));
    }

    [Fact]
    public void Context_gated_formats_are_low_confidence_and_marker_formats_high()
    {
        foreach ((_, _, string id) in DetectionCorpus.NamedKeys)
        {
            Assert.Equal(KeyConfidence.Low, KeyCatalog.All.Single(f => f.Id == id).Confidence);
        }

        Assert.Equal(KeyConfidence.High, KeyCatalog.OpenAiProject.Confidence);
        Assert.Equal(KeyConfidence.High, KeyCatalog.GitHubClassicPat.Confidence);
        Assert.Equal(KeyConfidence.Medium, KeyCatalog.GoogleApiKey.Confidence);
    }
}
