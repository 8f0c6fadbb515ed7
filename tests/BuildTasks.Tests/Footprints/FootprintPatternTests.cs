using Guardrails.BuildTasks.Footprints;

namespace Guardrails.BuildTasks.Tests.Footprints;

public class FootprintPatternTests
{
    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "a.mdx", false)]
    [InlineData(".aider.*", ".aider.conf.yml", true)]
    [InlineData(".aider.*", ".aiderignore", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("CLAUDE.md", "claude.md", true)]
    [InlineData("*x", "*x", true)]
    public void Segment_globs(string pattern, string name, bool expected) => Assert.Equal(expected, FootprintPattern.SegmentMatches(pattern, name));

    [Fact]
    public void Double_star_spans_any_number_of_segments()
    {
        var p = new FootprintPattern(".github/**/*.instructions.md");
        Assert.True(p.MatchesFile(new[] { ".github", "a.instructions.md" }));
        Assert.True(p.MatchesFile(new[] { ".github", "x", "y", "a.instructions.md" }));
        Assert.False(p.MatchesFile(new[] { ".github", "x", "a.md" }));
        Assert.False(p.MatchesFile(new[] { "src", "a.instructions.md" }));
    }

    [Fact]
    public void A_folder_pattern_owns_everything_below_it_but_not_its_siblings()
    {
        var p = new FootprintPattern(".cursor/");
        Assert.True(p.IsFolder);
        Assert.True(p.MatchesFolder(new[] { ".cursor" }));
        Assert.False(p.MatchesFile(new[] { ".cursor" }));
        Assert.Equal(1, p.FolderPrefixLength(new[] { ".cursor", "rules", "a.mdc" }));
        Assert.Equal(0, p.FolderPrefixLength(new[] { ".cursorrules" }));
        Assert.Equal(0, p.FolderPrefixLength(new[] { ".cursor" }));
    }

    [Fact]
    public void CouldMatchWithin_prunes_folders_no_pattern_can_reach()
    {
        var file = new FootprintPattern(".github/workflows/copilot-setup-steps.yml");
        Assert.True(file.CouldMatchWithin(new[] { ".github" }));
        Assert.True(file.CouldMatchWithin(new[] { ".github", "workflows" }));
        Assert.False(file.CouldMatchWithin(new[] { ".github", "ISSUE_TEMPLATE" }));
        Assert.False(file.CouldMatchWithin(new[] { ".github", "workflows", "deep" }));

        var folder = new FootprintPattern(".claude/");
        Assert.True(folder.CouldMatchWithin(new[] { ".claude", "agents", "deeper" }));
        Assert.False(folder.CouldMatchWithin(new[] { ".vscode" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("back\\slash")]
    public void Malformed_patterns_are_refused(string pattern) => Assert.Throws<ArgumentException>(() => new FootprintPattern(pattern));
}
