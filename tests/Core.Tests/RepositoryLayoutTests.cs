using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>Every project of the repository is in the solution (so CI builds it), and benchmarks are never run as tests.</summary>
public class RepositoryLayoutTests
{
    private static readonly string[] ProjectFolders = { "src", "tests", "benchmarks", "tools", "nuget" };

    public static IEnumerable<object[]> Projects() =>
        ProjectFolders
            .Where(f => Directory.Exists(Path.Combine(RepoPaths.Root, f)))
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, f), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_project_is_in_the_solution(string project)
    {
        string solution = File.ReadAllText(Path.Combine(RepoPaths.Root, "Guardrails.sln")).Replace('\\', '/');

        Assert.True(solution.Contains("\"" + project + "\"", StringComparison.Ordinal), project + " is not in Guardrails.sln: dotnet sln add " + project);
    }

    [Fact]
    public void Benchmarks_live_in_one_folder_are_not_test_projects_and_each_has_a_row_in_its_readme()
    {
        Assert.False(Directory.Exists(Path.Combine(RepoPaths.Root, "bench")), "benchmarks belong in benchmarks/, not bench/");
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "benchmarks", "README.md"));
        string[] projects = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "benchmarks"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(projects);
        Assert.All(projects, p =>
        {
            Assert.Matches(new Regex("<IsTestProject>false</IsTestProject>"), File.ReadAllText(p));
            string folder = Path.GetFileName(Path.GetDirectoryName(p)!);
            Assert.True(readme.Contains("[`" + folder + "`](" + folder + "/)", StringComparison.Ordinal), "benchmarks/README.md has no row for " + folder);
        });
    }
}
