using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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

    /// <summary>
    /// crossgen2 never precompiles a method marked <c>AggressiveOptimization</c> (HotPath.Optimized), so the ReadyToRun
    /// copies are built without the mark (GUARDRAILS_READYTORUN) and every method has its ahead-of-time code; the IL copies
    /// keep it (a compiler that JIT-compiles them gets the hot loops optimized from their first call).
    /// </summary>
    [Theory]
    [InlineData("Guardrails.Core.dll")]
    [InlineData("Guardrails.Analyzers.dll")]
    public void The_ReadyToRun_copies_leave_no_method_to_the_JIT_that_the_IL_copies_mark_hot(string name)
    {
        (bool ReadyToRun, int Hot) Read(string entry)
        {
            using ZipArchive zip = ZipFile.OpenRead(_fixture.PackagePath);
            using var bytes = new MemoryStream();
            using (Stream stream = zip.GetEntry(entry)!.Open())
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new PEReader(bytes);
            MetadataReader metadata = pe.GetMetadataReader();
            int hot = metadata.MethodDefinitions.Count(m => (metadata.GetMethodDefinition(m).ImplAttributes & MethodImplAttributes.AggressiveOptimization) != 0);
            return (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, hot);
        }

        (bool ilIsReadyToRun, int ilHot) = Read("analyzers/dotnet/cs/" + name);
        (bool r2rIsReadyToRun, int r2rHot) = Read("r2r/linux-x64/" + name);
        Assert.False(ilIsReadyToRun);
        Assert.True(ilHot > 0, $"the IL {name} has no HotPath.Optimized method");
        Assert.True(r2rIsReadyToRun);
        Assert.Equal(0, r2rHot);
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
