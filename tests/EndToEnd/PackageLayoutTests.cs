using System.IO.Compression;
using System.Xml.Linq;

namespace Guardrails.EndToEnd.Tests;

[Collection(PackageCollection.Name)]
public class PackageLayoutTests
{
    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_package_contains_exactly_the_expected_files()
    {
        string[] expected =
        {
            "Guardrails.nuspec",
            "LICENSE",
            "README.md",
            "analyzers/dotnet/cs/Guardrails.Analyzers.dll",
            "analyzers/dotnet/cs/Guardrails.CodeFixes.dll",
            "analyzers/dotnet/cs/Guardrails.Core.dll",
            "build/Guardrails.Central.Again.props",
            "build/Guardrails.Central.props",
            "build/Guardrails.props",
            "build/Guardrails.targets",
            "buildTransitive/Guardrails.props",
            "buildTransitive/Guardrails.targets",
            "r2r/linux-x64/Guardrails.Analyzers.dll",
            "r2r/linux-x64/Guardrails.Core.dll",
            "tasks/net472/Guardrails.BuildTasks.dll",
            "tasks/net472/Guardrails.Core.dll",
            "tasks/net472/NuGet.Versioning.dll",
            "tasks/net8.0/Guardrails.BuildTasks.dll",
            "tasks/net8.0/Guardrails.Core.dll",
        };

        IEnumerable<string> actual = _fixture.PackageEntries()
            .Where(e => !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal) && e != "[Content_Types].xml");
        Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), actual);
    }

    [Fact]
    public void The_nuspec_is_a_development_dependency_with_no_dependencies()
    {
        using ZipArchive zip = ZipFile.OpenRead(_fixture.PackagePath);
        using Stream stream = zip.GetEntry("Guardrails.nuspec")!.Open();
        XDocument nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("Guardrails", metadata.Element(ns + "id")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Null(metadata.Element(ns + "dependencies"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("file", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        // One address for the package and the rules' help links (GuardrailsRepositoryUrl in Directory.Build.props).
        Assert.Equal(Guardrails.Core.Rules.RuleCatalog.RepositoryUrl, metadata.Element(ns + "projectUrl")!.Value);
        Assert.Equal(Guardrails.Core.Rules.RuleCatalog.RepositoryUrl, metadata.Element(ns + "repository")!.Attribute("url")!.Value);
        Assert.StartsWith(Guardrails.Core.Rules.RuleCatalog.RepositoryUrl + "/", Guardrails.Core.Rules.RuleCatalog.HelpLinkFor("GRD001"));
    }
}
