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

    /// <summary>
    /// Adversary round 7 route 5: the WHATWG URL parser every Node-based assistant uses reads '\' as '/' in an http(s)
    /// URL, drops tabs and newlines, skips leading spaces and control characters and decodes '%' in the host, so each of
    /// these connects to evil.example (or to a host the pattern does not name): none may match.
    /// </summary>
    [Theory]
    [InlineData("https://*.mcp.contoso.example/docs", "https://evil.example\\.mcp.contoso.example/docs")]
    [InlineData("https://*.mcp.contoso.example/*", "https://evil.example\\.mcp.contoso.example/docs")]
    [InlineData("https://mcp.contoso.example/*", "https:\\\\evil.example\\@mcp.contoso.example/x")]
    [InlineData("https://*.contoso.example/*", "https://evil.example\\x.contoso.example/")]
    [InlineData("https://*.contoso.example/*", "https://evil.exa\tmple%2F.a.contoso.example/")]
    [InlineData("https://*.contoso.example/*", "https://evil%2eexample%2f.a.contoso.example/")]
    [InlineData("https://*.contoso.example/*", "https://evil.example%5C.a.contoso.example/")]
    [InlineData("https://*.contoso.example/*", "https://evil.example%40a.contoso.example/")]
    [InlineData("https://mcp.contoso.example/*", "https://mcp.contoso.example\u3002evil.example/")]
    public void A_url_the_assistant_reads_as_another_host_never_matches(string pattern, string url) =>
        Assert.False(UrlPattern.Matches(pattern, url), url);

    /// <summary>The same host written the ways the WHATWG parser reads as the same URL still matches (one grammar, not a ban on backslashes).</summary>
    [Theory]
    [InlineData("https://mcp.contoso.example/*", "https://mcp.contoso.example\\mcp\\x")]
    [InlineData("https://mcp.contoso.example/mcp/*", "  HTTPS://MCP.contoso.example/mcp/x")]
    [InlineData("https://*.contoso.example/*", "https://a.contoso.example:443\\@evil.example/")]
    public void A_url_in_another_spelling_of_the_same_host_matches(string pattern, string url) =>
        Assert.True(UrlPattern.Matches(pattern, url), url);
}
