namespace Guardrails.EndToEnd.Tests;

/// <summary>A real project in a temporary folder, with its own nuget.config pointing only at the test feed.</summary>
public sealed class TestProject
{
    private readonly PackageFixture _fixture;

    internal TestProject(PackageFixture fixture, string name)
    {
        _fixture = fixture;
        Name = name;
        Directory = Path.Combine(fixture.Root, "projects", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        PackagesFolder = fixture.PackagesFolder;
        System.IO.Directory.CreateDirectory(Directory);
        UseFeeds();
        Write(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Guardrails" Version="{fixture.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        Write("Program.cs", "Console.WriteLine(Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") is null);\n");
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>
    /// The NUGET_PACKAGES folder of this project's restores, builds, packs and publishes: the run's one folder
    /// (<see cref="PackageFixture.PackagesFolder"/>, shared by every class of the run) unless the test gives the project a
    /// folder of its own, as a test must that restores a stand-in package under a real package's id and version.
    /// </summary>
    public string PackagesFolder { get; set; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>
    /// Rewrites the project's nuget.config: the test feed with the packed Guardrails first, then <paramref name="localFeeds"/>
    /// (folders written with <see cref="TestPackages"/>), and nothing else. Nothing is downloaded.
    /// </summary>
    public void UseLocalFeed(params (string Key, string Folder)[] localFeeds) => UseFeeds(localFeeds, nuGetOrg: false);

    /// <summary>Like <see cref="UseLocalFeed"/>, with nuget.org last: the project restores real packages from the registry.</summary>
    public void UseNuGetOrg(params (string Key, string Folder)[] localFeeds) => UseFeeds(localFeeds, nuGetOrg: true);

    private void UseFeeds(IEnumerable<(string Key, string Folder)>? localFeeds = null, bool nuGetOrg = false)
    {
        var sources = new List<(string Key, string Value)> { ("guardrails-test-feed", _fixture.Feed) };
        sources.AddRange(localFeeds ?? Array.Empty<(string, string)>());
        string adds = string.Concat(sources.Select(s => $"    <add key=\"{s.Key}\" value=\"{s.Value}\" />\n"));
        if (nuGetOrg)
        {
            adds += "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n";
        }

        Write("nuget.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" + adds + "  </packageSources>\n</configuration>\n");
    }

    public string Write(string relative, string content)
    {
        string full = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Adds XML (property groups, items, targets) to the project file itself, as a team would.</summary>
    public void AddToProject(string xml)
    {
        string path = PathOf(Name + ".csproj");
        string text = File.ReadAllText(path);
        int end = text.LastIndexOf("</Project>", StringComparison.Ordinal);
        File.WriteAllText(path, text.Substring(0, end) + xml + "\n" + text.Substring(end));
    }

    /// <summary>Sets Guardrails properties the way an organisation would: in Directory.Build.props.</summary>
    public void SetProperties(params (string Name, string Value)[] properties)
    {
        string body = string.Concat(properties.Select(p => $"    <{p.Name}>{p.Value}</{p.Name}>\n"));
        Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n" + body + "  </PropertyGroup>\n</Project>\n");
    }

    public DotNet.Result Build(params string[] extra) => BuildWithEnvironment(new Dictionary<string, string>(), extra);

    /// <summary>Builds another project file of this folder (<paramref name="relativeProject"/>), as <see cref="Build"/> does.</summary>
    public DotNet.Result BuildProjectFile(string relativeProject, params string[] extra) =>
        Run("build", new Dictionary<string, string>(), extra, relativeProject);

    /// <summary>
    /// Moves the project file into <paramref name="folder"/> with <paramref name="items"/> (XML) added to it and
    /// <paramref name="program"/> as its Program.cs: the project in a folder of the repository, the nuget.config and
    /// Directory.Build.props at the root. Returns the project file's relative path, for <see cref="BuildProjectFile"/>.
    /// </summary>
    public string MoveProjectInto(string folder, string items, string program)
    {
        string relative = folder + "/" + Name + ".csproj";
        Write(relative, File.ReadAllText(PathOf(Name + ".csproj")).Replace("</Project>", items + "\n</Project>", StringComparison.Ordinal));
        Write(folder + "/Program.cs", program);
        File.Delete(PathOf(Name + ".csproj"));
        File.Delete(PathOf("Program.cs"));
        return relative;
    }

    /// <summary>Builds with extra environment variables (MSBuild turns them into properties).</summary>
    public DotNet.Result BuildWithEnvironment(IDictionary<string, string> environment, params string[] extra) => Run("build", environment, extra);

    /// <summary>`dotnet restore` of the project, as `dotnet build` is run.</summary>
    public DotNet.Result Restore(params string[] extra) => Run("restore", new Dictionary<string, string>(), extra);

    /// <summary>`dotnet pack` of the project, as `dotnet build` is run.</summary>
    public DotNet.Result Pack(params string[] extra) => Run("pack", new Dictionary<string, string>(), extra);

    /// <summary>`dotnet publish` of the project, as `dotnet build` is run.</summary>
    public DotNet.Result Publish(params string[] extra) => Run("publish", new Dictionary<string, string>(), extra);

    private DotNet.Result Run(string verb, IDictionary<string, string> environment, string[] extra, string? relativeProject = null)
    {
        var args = new List<string> { verb, PathOf(relativeProject ?? Name + ".csproj"), "-nodeReuse:false", "-p:UseSharedCompilation=false" };
        args.AddRange(extra);
        var env = new Dictionary<string, string>(environment) { ["NUGET_PACKAGES"] = PackagesFolder };
        return DotNet.Run(Directory, env, args.ToArray());
    }
}
