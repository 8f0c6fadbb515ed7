using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>
/// The packages a never-restored project references, as the guardrails tool hands them to the package gate: read by
/// the same reader that places GRD2xx findings (<see cref="ReferenceLocator"/>).
/// </summary>
public sealed class DeclaredPackagesTests
{
    [Fact]
    public void Versions_come_from_the_attribute_the_child_element_or_central_package_management()
    {
        using var dir = new TempDir();
        dir.Write("Directory.Packages.props", "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Anthropic\" Version=\"12.1.0\" />\n  </ItemGroup>\n</Project>\n");
        string project = dir.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.1.0" />
                <PackageReference Include="Azure.AI.OpenAI">
                  <PrivateAssets>all</PrivateAssets>
                  <Version>2.1.0-beta.2</Version>
                </PackageReference>
                <PackageReference Include="Anthropic" />
                <PackageReference Update="Mistral.SDK" Version="[2.0,3.0)" />
                <PackageVersion Include="NotAReference" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        List<DeclaredPackage> packages = ReferenceLocator.Declared(project, null);

        Assert.Equal(new[] { "OpenAI 2.1.0 3", "Azure.AI.OpenAI 2.1.0-beta.2 4", "Anthropic 12.1.0 8", "Mistral.SDK [2.0,3.0) 9" },
            packages.Select(p => p.Id + " " + p.Version + " " + p.Line));
        Assert.All(packages, p => Assert.Equal(5, p.Column));
        Assert.All(packages, p => Assert.Equal(project, p.File));
    }

    [Fact]
    public void Central_versions_are_not_searched_above_the_given_root_and_a_broken_file_gives_none()
    {
        using var dir = new TempDir();
        dir.Write("Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"Anthropic\" Version=\"12.1.0\" /></ItemGroup></Project>");
        string project = dir.Write("repo/App.csproj", "<Project><ItemGroup><PackageReference Include=\"Anthropic\" /></ItemGroup></Project>");
        string broken = dir.Write("repo/Broken.csproj", "<Project><ItemGroup><PackageReference Include=\"Anthropic\"");

        Assert.Equal(string.Empty, Assert.Single(ReferenceLocator.Declared(project, System.IO.Path.Combine(dir.Path, "repo"))).Version);
        Assert.Equal("12.1.0", Assert.Single(ReferenceLocator.Declared(project, null)).Version);
        Assert.Empty(ReferenceLocator.Declared(broken, null));
    }
}
