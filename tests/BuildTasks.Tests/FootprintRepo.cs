using Guardrails.BuildTasks.Footprints;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

/// <summary>A temporary repository (a folder with .git) with a project at src/App, for footprint tests.</summary>
internal sealed class FootprintRepo : IDisposable
{
    private readonly TempDir _dir = new TempDir();

    public FootprintRepo(bool withGit = true)
    {
        // The temporary folder itself is the "home" of these tests, so the walk up can never leave it.
        Root = System.IO.Path.Combine(_dir.Path, "repo");
        Directory.CreateDirectory(Root);
        if (withGit)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Root, ".git"));
        }

        ProjectDir = System.IO.Path.Combine(Root, "src", "App");
        Directory.CreateDirectory(ProjectDir);
    }

    public string Outside => _dir.Path;

    /// <summary>
    /// A real git repository (git init, no commit) holding <paramref name="files"/> and the project at src/App, all staged:
    /// what the readers of git's index see as committed.
    /// </summary>
    public static FootprintRepo Committed(params (string Path, string Content)[] files) => Committed(Array.Empty<string>(), files);

    /// <summary>As <see cref="Committed((string Path, string Content)[])"/>, with <paramref name="executable"/> staged with mode 100755.</summary>
    public static FootprintRepo Committed(string[] executable, params (string Path, string Content)[] files)
    {
        var repo = new FootprintRepo(withGit: false);
        GitIndexTests.Git(repo.Root, "init", "-q");
        foreach ((string path, string content) in files)
        {
            repo.Write(path, content);
        }

        repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        GitIndexTests.Git(repo.Root, "add", "-A");
        foreach (string path in executable)
        {
            GitIndexTests.Git(repo.Root, "update-index", "--chmod=+x", path);
        }

        return repo;
    }

    /// <summary>The full path of <paramref name="path"/> (with '/') in this repository.</summary>
    public string Full(string path) => System.IO.Path.Combine(Root, path.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public string Root { get; }

    public string ProjectDir { get; }

    public string Write(string relative, string content)
    {
        string full = System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void WriteFixture(string assistant) => AssistantFixtures.WriteTo(Root, assistant);

    public DiscoveryResult Discover(DiscoveryOptions? options = null)
    {
        options ??= new DiscoveryOptions();
        options.HomeDirectory ??= System.IO.Path.GetDirectoryName(_dir.Path);
        return FootprintDiscovery.Discover(ProjectDir, options);
    }

    /// <summary>Discovers and reads the file at <paramref name="relative"/> (relative to the repository root).</summary>
    public FootprintContent ReadFile(string relative)
    {
        DiscoveryResult result = Discover();
        FootprintHit hit = result.Hits.Single(h => !h.IsDirectory && h.FullPath == System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar)));
        return AssistantFileReader.Read(hit);
    }

    public void Dispose() => _dir.Dispose();
}
