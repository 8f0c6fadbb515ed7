using Guardrails.BuildTasks.Policy;
using NuGet.Versioning;
using Guardrails.Core.Text;

namespace Guardrails.BuildTasks.Tests.Policy;

public class VersionRangeGrammarTests
{
    [Theory]
    [InlineData("1.0", "1.0.0", true)]
    [InlineData("1.0", "7.5.0", true)]
    [InlineData("1.0", "0.9.9", false)]
    [InlineData("[1.0,2.0)", "1.9.9", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("(,1.0]", "1.0.0", true)]
    [InlineData("(,1.0]", "1.0.1", false)]
    [InlineData("[1.0]", "1.0.0", true)]
    [InlineData("[1.0]", "1.0.1", false)]
    [InlineData("(1.0,)", "1.0.0", false)]
    [InlineData("(1.0,)", "1.0.1", true)]
    [InlineData("[1.0,2.0)", "1.5.0-beta", true)]      // NuGet's VersionRange.Satisfies: prereleases inside the bounds count
    [InlineData("[1.0,2.0)", "2.0.0-beta", true)]      // and 2.0.0-beta sorts below 2.0.0 (documented in docs/policy.md)
    [InlineData("[1.0,2.0)", "1.0.0-beta", false)]
    [InlineData("[1.0.0-a,2.0)", "1.0.0-beta", true)]
    [InlineData("1.*", "1.9.0", true)]
    [InlineData("1.*", "2.0.0", false)]
    [InlineData("1.*", "1.9.0-preview", false)]
    [InlineData("1.*-*", "1.9.0-preview", true)]
    public void Ranges_follow_nuget_semantics(string range, string version, bool expected)
    {
        Assert.True(VersionRanges.TryParse(range, out VersionRange? r), range);
        Assert.True(VersionRanges.TryParseVersion(version, out NuGetVersion? v), version);
        Assert.Equal(expected, VersionRanges.Satisfies(r!, v!));
    }

    [Theory]
    [InlineData("[1.0,")]
    [InlineData(">=1.0")]
    [InlineData("abc")]
    [InlineData("")]
    public void Malformed_ranges_are_refused(string range) => Assert.False(VersionRanges.TryParse(range, out _));
}

public class GlobTests
{
    [Theory]
    [InlineData("github.com/contoso/*", "github.com/contoso/payments", true)]
    [InlineData("github.com/contoso/*", "github.com/contoso/a/b", false)]
    [InlineData("github.com/contoso/**", "github.com/contoso/a/b", true)]
    [InlineData("GitHub.com/Contoso/Pay?ents", "github.com/contoso/payments", true)]
    [InlineData("github.com/contoso/*", "github.com/contosoevil/x", false)]
    public void Path_globs_stay_within_a_segment(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Glob.Match(pattern, value, starCrossesSlash: false));

    [Fact]
    public void Negations_always_win_and_a_list_of_only_negations_allows_the_rest()
    {
        string[] list = { "github.com/contoso/*", "!github.com/contoso/hr-*" };
        Assert.True(Glob.MatchList(list, "github.com/contoso/payments"));
        Assert.False(Glob.MatchList(list, "github.com/contoso/hr-payroll"));
        Assert.True(Glob.MatchList(new[] { "!github.com/contoso/hr-*" }, "github.com/fabrikam/x"));
    }

    [Fact]
    public void Hostile_patterns_do_not_backtrack_for_ever()
    {
        string pattern = string.Concat(Enumerable.Repeat("*a", 40)) + "b";
        Assert.False(Glob.Match(pattern, new string('a', 200)));
    }
}

public class UrlPatternTests
{
    [Theory]
    [InlineData("https://api.githubcopilot.com/mcp/*", "https://api.githubcopilot.com/mcp/x", true)]
    [InlineData("https://api.githubcopilot.com/mcp/*", "http://api.githubcopilot.com/mcp/x", false)]
    [InlineData("https://api.githubcopilot.com/mcp/*", "https://api.githubcopilot.com.evil.example/mcp/x", false)]
    [InlineData("https://api.githubcopilot.com/mcp/*", "https://user@api.githubcopilot.com/mcp/x", false)]
    [InlineData("https://*.contoso.example/mcp", "https://a.b.contoso.example/mcp", true)]
    [InlineData("https://*.contoso.example/mcp", "https://contoso.example/mcp", false)]
    [InlineData("https://*.contoso.example/mcp", "https://evilcontoso.example/mcp", false)]
    [InlineData("https://mcp.contoso.example", "https://mcp.contoso.example:8443/", false)]
    [InlineData("https://mcp.contoso.example", "https://MCP.contoso.example/any/path?q=1", true)]
    public void Urls_match_scheme_host_labels_port_and_path(string pattern, string url, bool expected) =>
        Assert.Equal(expected, UrlPattern.Matches(pattern, url));
}
