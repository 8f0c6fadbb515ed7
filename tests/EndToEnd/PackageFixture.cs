using System.IO.Compression;
using System.Reflection;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Packs the real Guardrails package once per test run into a temporary feed. Consumers restore it from that feed
/// into a private NUGET_PACKAGES folder, so no stale cached copy can ever be used.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "grd-e2e-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "nuget-packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);

        string configuration = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        DotNet.Result pack = DotNet.Run(
            RepoPaths.Root,
            null,
            "pack", Path.Combine(RepoPaths.Root, "nuget", "Guardrails.Package.csproj"),
            "--no-build", "-c", configuration, "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack);
        }

        PackagePath = Path.Combine(Feed, "Guardrails." + Version + ".nupkg");
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException("dotnet pack did not produce " + PackagePath + ":\n" + pack);
        }
    }

    public string Version { get; } = "0.1.0-e2e";

    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string PackagePath { get; }

    public IReadOnlyList<string> PackageEntries()
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>A new project folder that consumes the packed package from the temporary feed only.</summary>
    public TestProject NewProject(string name = "App") => new TestProject(this, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "packed Guardrails";
}
