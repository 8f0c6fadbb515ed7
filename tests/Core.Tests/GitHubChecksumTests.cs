using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

public class GitHubChecksumTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, GitHubChecksum.Crc32("123456789", 0, 9));
    }

    [Theory]
    [InlineData('p')]
    [InlineData('o')]
    [InlineData('u')]
    [InlineData('s')]
    [InlineData('r')]
    public void A_token_with_a_wrong_checksum_is_not_a_token(char kind)
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan(FakeKeys.GitHubBadChecksum(kind), found);
        Assert.Empty(found);
        SecretScanner.Scan(FakeKeys.GitHub(kind), found);
        Assert.Single(found);
    }

    [Fact]
    public void Unknown_gh_kinds_are_ignored()
    {
        string token = FakeKeys.GitHub('p');
        var found = new List<SecretMatch>();
        SecretScanner.Scan("ghx" + token.Substring(3), found);
        Assert.Empty(found);
    }
}
