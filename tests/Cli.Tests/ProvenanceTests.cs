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

    [Theory]
    [InlineData("circleci", "CIRCLECI=true|CIRCLE_REPOSITORY_URL=git@github.com:contoso/hr-payroll.git|CIRCLE_SHA1=abc", "github.com/contoso/hr-payroll")]
    [InlineData("buildkite", "BUILDKITE=true|BUILDKITE_REPO=https://github.com/contoso/hr-payroll.git", "github.com/contoso/hr-payroll")]
    [InlineData("bitbucket-pipelines", "BITBUCKET_BUILD_NUMBER=7|BITBUCKET_GIT_HTTP_ORIGIN=http://bitbucket.org/contoso/hr-payroll", "bitbucket.org/contoso/hr-payroll")]
    [InlineData("drone", "DRONE=true|DRONE_GIT_HTTP_URL=https://github.com/contoso/hr-payroll.git", "github.com/contoso/hr-payroll")]
    [InlineData("aws-codebuild", "CODEBUILD_BUILD_ID=p:1|CODEBUILD_SOURCE_REPO_URL=https://github.com/contoso/hr-payroll.git", "github.com/contoso/hr-payroll")]
    [InlineData("travis", "TRAVIS=true|TRAVIS_REPO_SLUG=contoso/hr-payroll", "contoso/hr-payroll")]
    [InlineData("appveyor", "APPVEYOR=True|APPVEYOR_REPO_PROVIDER=gitHub|APPVEYOR_REPO_NAME=contoso/hr-payroll", "github.com/contoso/hr-payroll")]
    [InlineData("teamcity", "TEAMCITY_VERSION=2025.03", null)]
    [InlineData("ci", "CI=1", null)]
    public void Each_CI_system_names_the_repository_it_builds(string system, string variables, string? repository)
    {
        // Adversary round 7 route 12: GRD127 knew four CI systems; on the others a repository could claim another's name.
        Dictionary<string, string> env = variables.Split('|').Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        BuildProvenance p = BuildProvenance.Detect(null, n => env.GetValueOrDefault(n));
        Assert.Equal((system, repository), (p.CiSystem, p.CiRepository));
        Assert.True(p.InCi);
    }

    [Fact]
    public void Every_remote_is_read_origin_first()
    {
        using var repo = new TempRepo();
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        repo.Write(".git/config", "[remote \"upstream\"]\n\turl = git@github.com:contoso/payments.git\n[remote \"origin\"]\n\turl = https://user:secret@github.com/alice/payments\n");
        repo.Write("App/App.csproj", "<Project />");
        BuildProvenance p = BuildProvenance.Detect(repo.PathOf("App"), _ => null);
        Assert.Equal(new[] { "github.com/alice/payments", "github.com/contoso/payments" }, p.Remotes);
        Assert.Equal("github.com/alice/payments", p.Repository);
        Assert.Null(p.CiRepository);
        Assert.False(p.InCi);
    }
}
