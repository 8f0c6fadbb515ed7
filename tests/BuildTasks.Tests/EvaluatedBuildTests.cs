namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// The check's own evaluation of the project (EvaluatedBuild), run on plain MSBuild files in a temporary repository. The
/// same source is compiled into the net472 task Visual Studio's MSBuild.exe loads (there is no .NET Framework here), so
/// these tests cover that code path too.
/// </summary>
public class EvaluatedBuildTests
{
    private const string ProjectXml = """
        <Project>
          <PropertyGroup>
            <DirectoryBuildPropsPath>$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildProjectDirectory)'))</DirectoryBuildPropsPath>
          </PropertyGroup>
          <Import Project="$(DirectoryBuildPropsPath)" />
          <Import Project="../../eng/keys.props" />
          <Import Project="$(PackageRootForTest)build/Guardrails.props" />
          <Import Project="$(OutsideForTest)" />
        </Project>
        """;

    private static (TempDir Repo, TempDir Outside, string Project) Layout()
    {
        var repo = new TempDir();
        var outside = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <GuardrailsPolicyPath>$(MSBuildThisFileDirectory)policy/central.policy.json</GuardrailsPolicyPath>
                <GuardrailsPolicySha256>AAAA</GuardrailsPolicySha256>
              </PropertyGroup>
              <Import Project="eng/more.targets" />
            </Project>
            """);
        repo.Write("eng/keys.props", "<Project>\n  <PropertyGroup>\n    <KeyB>not-a-key</KeyB>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("eng/more.targets", "<Project />\n");
        repo.Write("packages/guardrails/build/Guardrails.props", "<Project />\n");
        outside.Write("outside.props", "<Project />\n");
        string project = repo.Write("src/App/App.proj", ProjectXml);
        return (repo, outside, project);
    }

    private static Dictionary<string, string> Globals(TempDir repo, TempDir outside, params (string Name, string Value)[] more)
    {
        var globals = new Dictionary<string, string>
        {
            ["PackageRootForTest"] = Path.Combine(repo.Path, "packages", "guardrails") + Path.DirectorySeparatorChar,
            ["OutsideForTest"] = Path.Combine(outside.Path, "outside.props"),
            ["Configuration"] = "Debug",
        };
        foreach ((string name, string value) in more)
        {
            globals[name] = value;
        }

        return globals;
    }

    [Fact]
    public void The_policy_path_and_pin_given_on_the_command_line_leave_the_central_values_as_the_central_files_set_them()
    {
        (TempDir repo, TempDir outside, string project) = Layout();
        using (repo)
        using (outside)
        {
            Dictionary<string, string> globals = Globals(repo, outside,
                ("GuardrailsPolicyPath", Path.Combine(outside.Path, "permissive.policy.json")), ("GuardrailsPolicySha256", "BBBB"), ("_GuardrailsCentralPolicyPath", "x"));

            EvaluatedBuild evaluated = EvaluatedBuild.Evaluate(project, globals, Path.Combine(repo.Path, "packages", "guardrails"));

            Assert.Equal(Path.Combine(repo.Path, "policy", "central.policy.json"), evaluated.Central["GuardrailsPolicyPath"]);
            Assert.Equal("AAAA", evaluated.Central["GuardrailsPolicySha256"]);
            Assert.Equal(new[] { "GuardrailsPolicyPath", "GuardrailsPolicySha256", "_GuardrailsCentralPolicyPath" }.OrderBy(n => n), evaluated.IgnoredGlobals.OrderBy(n => n));
        }
    }

    [Fact]
    public void Without_globals_the_central_values_are_read_and_nothing_is_ignored()
    {
        (TempDir repo, TempDir outside, string project) = Layout();
        using (repo)
        using (outside)
        {
            EvaluatedBuild evaluated = EvaluatedBuild.Evaluate(project, Globals(repo, outside), Path.Combine(repo.Path, "packages", "guardrails"));

            Assert.Equal("AAAA", evaluated.Central["GuardrailsPolicySha256"]);
            Assert.Empty(evaluated.IgnoredGlobals);
        }
    }

    [Fact]
    public void Every_build_file_of_the_repository_the_project_imports_is_listed_once_and_nothing_from_the_package_or_outside()
    {
        (TempDir repo, TempDir outside, string project) = Layout();
        using (repo)
        using (outside)
        {
            EvaluatedBuild evaluated = EvaluatedBuild.Evaluate(project, Globals(repo, outside), Path.Combine(repo.Path, "packages", "guardrails"));

            string[] expected =
            {
                project,
                Path.Combine(repo.Path, "Directory.Build.props"),
                Path.Combine(repo.Path, "eng", "more.targets"),
                Path.Combine(repo.Path, "eng", "keys.props"),
            };
            Assert.Equal(expected, evaluated.RepositoryBuildFiles);
        }
    }

    [Fact]
    public void Internal_Guardrails_properties_and_items_defined_or_written_outside_the_package_are_listed_at_file_and_line()
    {
        (TempDir repo, TempDir outside, string project) = Layout();
        using (repo)
        using (outside)
        {
            repo.Write("packages/guardrails/build/Guardrails.props",
                "<Project>\n  <PropertyGroup><_GuardrailsVerificationRan></_GuardrailsVerificationRan></PropertyGroup>\n  <Target Name=\"Own\"><ItemGroup><_GuardrailsCheckInput Include=\"a\" /></ItemGroup></Target>\n</Project>\n");
            repo.Write("eng/more.targets", """
                <Project>
                  <PropertyGroup>
                    <_GuardrailsVerificationRan>true</_GuardrailsVerificationRan>
                    <_OwnGuardrailsName>fine</_OwnGuardrailsName>
                  </PropertyGroup>
                  <ItemGroup><_GuardrailsScanList Include="x.json" /></ItemGroup>
                  <Target Name="Skip" BeforeTargets="GuardrailsCheck">
                    <ItemGroup><_GuardrailsCheckInput Remove="@(_GuardrailsCheckInput)" /></ItemGroup>
                    <PropertyGroup><_GuardrailsGitIndexDir></_GuardrailsGitIndexDir></PropertyGroup>
                  </Target>
                </Project>
                """);

            EvaluatedBuild evaluated = EvaluatedBuild.Evaluate(project, Globals(repo, outside), Path.Combine(repo.Path, "packages", "guardrails"));

            string more = Path.Combine(repo.Path, "eng", "more.targets");
            Assert.Equal(new[] { more + "(3) _GuardrailsVerificationRan", more + "(6) _GuardrailsScanList" },
                evaluated.ForgedInternal.Select(l => l.File + "(" + l.Line + ") " + l.Name).OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(new[] { "Skip " + more + "(8) _GuardrailsCheckInput", "Skip " + more + "(9) _GuardrailsGitIndexDir" },
                evaluated.InternalWritingTargets.Select(l => l.Name + " " + l.File + "(" + l.Line + ") " + l.Detail).OrderBy(x => x, StringComparer.Ordinal));
            Assert.Empty(evaluated.ForgedCapture);
        }
    }
    /// <summary>
    /// Adversary round 5 #1: the package that holds the central policy was restored (NuGet's .nupkg.metadata "source")
    /// from a feed inside the repository: a look-alike of the policy package, not the central one.
    /// </summary>
    [Fact]
    public void A_package_restored_from_a_feed_inside_the_repository_is_recognised_by_its_source()
    {
        using var repo = new TempDir();
        using var cache = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        string project = repo.Write("src/App/App.csproj", "<Project />");
        string package = Path.Combine(cache.Path, "acme.guardrails.policy", "1.1.0");
        Directory.CreateDirectory(package);
        string Metadata(string source) => "{ \"version\": 2, \"contentHash\": \"AAAA\", \"source\": " + System.Text.Json.JsonSerializer.Serialize(source) + " }";

        File.WriteAllText(Path.Combine(package, ".nupkg.metadata"), Metadata(Path.Combine(repo.Path, "eng", "feed")));
        Assert.Equal(Path.Combine(repo.Path, "eng", "feed"), EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));

        File.WriteAllText(Path.Combine(package, ".nupkg.metadata"), Metadata(new Uri(Path.Combine(repo.Path, "eng", "feed")).AbsoluteUri));
        Assert.NotNull(EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));

        // The central feed (remote, or a folder outside the repository), no metadata, or no repository: not judged here.
        File.WriteAllText(Path.Combine(package, ".nupkg.metadata"), Metadata("https://pkgs.example.test/acme/nuget/v3/index.json"));
        Assert.Null(EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));
        File.WriteAllText(Path.Combine(package, ".nupkg.metadata"), Metadata(Path.Combine(cache.Path, "central-feed")));
        Assert.Null(EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));
        File.WriteAllText(Path.Combine(package, ".nupkg.metadata"), "{ not json");
        Assert.Null(EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));
        File.Delete(Path.Combine(package, ".nupkg.metadata"));
        Assert.Null(EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));
    }

    /// <summary>
    /// adv5's fpol2: a pre-extracted package folder committed in the repository (RestorePackagesPath pointed at it), whose
    /// .nupkg.metadata names a remote source: the folder is the repository's own. A packages folder inside the work tree
    /// that is not committed (a CI cache location) is judged by its source only.
    /// </summary>
    [Fact]
    public void A_package_folder_committed_in_the_repository_is_the_repositorys_own_whatever_its_metadata_says()
    {
        using var repo = new TempDir();
        GitIndexTests.Git(repo.Path, "init", "-q");
        string project = repo.Write("src/App/App.csproj", "<Project />");
        string package = Path.Combine(repo.Path, "eng", "packages", "acme.guardrails.policy", "1.1.0");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, ".nupkg.metadata"), "{ \"version\": 2, \"contentHash\": \"AAAA\", \"source\": \"https://pkgs.example.test/acme/nuget/v3/index.json\" }");
        repo.Write("eng/packages/acme.guardrails.policy/1.1.0/build/Acme.Guardrails.Policy.props", "<Project />");

        // Restored there at build time, not committed: judged by its (central) source.
        GitIndexTests.Git(repo.Path, "add", "src");
        Assert.Null(EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));

        GitIndexTests.Git(repo.Path, "add", "-f", "eng");
        Assert.Equal(package, EvaluatedBuild.RepositorySource(package, Path.GetDirectoryName(project)!));
    }
}
