using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The repository's Directory.Build.props works wherever the repository is cloned: "source project" (warnings as
/// errors) means a project under the repository's own src/ folder, not any path that happens to contain /src/.
/// </summary>
public class BuildPropsTests
{
    [Theory]
    [InlineData("src/Lib/Lib.csproj", "true")]
    [InlineData("src/Deeper/Lib/Lib.csproj", "true")]
    [InlineData("tests/Lib.Tests/Lib.Tests.csproj", "false")]
    [InlineData("benchmarks/Lib.Bench/Lib.Bench.csproj", "false")]
    [InlineData("samples/src/App/App.csproj", "false")]
    public void Warnings_are_errors_only_for_projects_under_the_repository_src_folder_even_in_a_clone_under_a_src_folder(string project, string expected)
    {
        string outer = Path.Combine(Path.GetTempPath(), "grd-props-" + Guid.NewGuid().ToString("N"));
        // The clone itself sits under a folder named src, as in /home/me/src/guardrails.
        string clone = Path.Combine(outer, "src", "clone");
        try
        {
            Directory.CreateDirectory(clone);
            File.Copy(Path.Combine(RepoPaths.Root, "Directory.Build.props"), Path.Combine(clone, "Directory.Build.props"));
            string projectPath = Path.Combine(clone, project);
            Directory.CreateDirectory(Path.GetDirectoryName(projectPath)!);
            File.WriteAllText(projectPath, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");

            DotNet.Result result = DotNet.Run(clone, null, "msbuild", projectPath, "-nologo", "-getProperty:TreatWarningsAsErrors");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(expected, result.Output.Trim());
        }
        finally
        {
            try
            {
                Directory.Delete(outer, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
