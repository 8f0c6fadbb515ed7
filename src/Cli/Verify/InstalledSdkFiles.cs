using Guardrails.BuildTasks.Foundation;

namespace Guardrails.Cli.Verify;

/// <summary>
/// Files of the .NET installation the gate runs on that the SDK itself copies into a build's output: the SDKs' own
/// assemblies (<c>sdk/&lt;version&gt;/Sdks/</c>, e.g. the Blazor WebAssembly hot-reload agent
/// <c>Microsoft.DotNet.HotReload.WebAssembly.Browser.dll</c> a Debug build puts in bin/: realcode9) and the installed packs
/// (<c>packs/</c>). An assembly in bin/ with the bytes of one of them (same name, same SHA-256) was not compiled outside
/// Guardrails nor downloaded by the repository: it is the toolchain's. The shared runtime (<c>shared/</c>) is not among
/// them: a framework-dependent build never copies it, and a self-contained one takes it from a runtime pack.
/// </summary>
internal static class InstalledSdkFiles
{
    private static readonly Lazy<Dictionary<string, List<string>>> ByName = new(Index);

    public static bool Contains(string name, string sha)
    {
        if (!ByName.Value.TryGetValue(name, out List<string>? paths))
        {
            return false;
        }

        foreach (string path in paths)
        {
            if (string.Equals(SourceFile.TryHashFile(path), sha, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The installation folders: the one whose runtime runs the gate, and DOTNET_ROOT when it names another.</summary>
    internal static IEnumerable<string> Roots()
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        string? runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        string? root = runtime == null ? null : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        if (root != null && Directory.Exists(Path.Combine(root, "sdk")))
        {
            roots.Add(Path.GetFullPath(root));
        }

        string? env = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "sdk")))
        {
            roots.Add(Path.GetFullPath(env));
        }

        return roots;
    }

    private static Dictionary<string, List<string>> Index()
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (string root in Roots())
        {
            var folders = new List<string> { Path.Combine(root, "packs") };
            try
            {
                folders.AddRange(Directory.GetDirectories(Path.Combine(root, "sdk")).Select(sdk => Path.Combine(sdk, "Sdks")));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            foreach (string folder in folders.Where(Directory.Exists))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(folder, "*.dll", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint });
                    foreach (string file in files)
                    {
                        string name = Path.GetFileName(file);
                        if (!byName.TryGetValue(name, out List<string>? list))
                        {
                            byName[name] = list = new List<string>();
                        }

                        list.Add(file);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }

        return byName;
    }
}
