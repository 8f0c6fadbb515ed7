using Guardrails.BuildTasks.Reports;

namespace Guardrails.Cli.Tests;

public sealed class ProvenanceTests
{
    [Theory]
    [InlineData("https://x-access-token:ghs_FakeTokenNotReal@github.com/contoso/payments.git", "github.com/contoso/payments")]
    [InlineData("git@github.com:contoso/payments.git", "github.com/contoso/payments")]
    [InlineData("https://dev.azure.com/contoso/Payments/_git/payments", "dev.azure.com/contoso/Payments/_git/payments")]
    public void Remote_urls_lose_their_credentials(string url, string expected) => Assert.Equal(expected, BuildProvenance.CleanUrl(url));

    [Fact]
    public void GitHub_Actions_variables_give_repository_commit_branch_and_ci()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_REPOSITORY"] = "contoso/payments", ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567", ["GITHUB_REF_NAME"] = "main",
        };
        BuildProvenance p = BuildProvenance.Detect(null, n => env.GetValueOrDefault(n));
        Assert.Equal(("github.com/contoso/payments", "0123456789abcdef0123456789abcdef01234567", "main", "github-actions"), (p.Repository, p.Commit, p.Branch, p.CiSystem));
    }

    [Fact]
    public void Without_CI_the_git_folder_gives_branch_commit_and_origin()
    {
        using var repo = new TempRepo();
        repo.Write(".git/HEAD", "ref: refs/heads/feature/x\n");
        repo.Write(".git/refs/heads/feature/x", "89abcdef0123456789abcdef0123456789abcdef\n");
        repo.Write(".git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://user:secret@example.test/team/app.git\n");
        repo.Write("App/App.csproj", "<Project />");
        BuildProvenance p = BuildProvenance.Detect(repo.PathOf("App"), _ => null);
        Assert.Equal(("example.test/team/app", "89abcdef0123456789abcdef0123456789abcdef", "feature/x", (string?)null), (p.Repository, p.Commit, p.Branch, p.CiSystem));
    }
}
