using Guardrails.Core.Json;

namespace Guardrails.Cli.Scan;

/// <summary>A restored project whose AI SDK assemblies are on disk: GRD003 can run on its C# files as in its build.</summary>
internal sealed record SdkProject(string Name, IReadOnlyList<string> Sources, IReadOnlyList<string> References, string EffectivePolicy);

/// <summary>
/// The compile-time assemblies of chosen packages in a restored project (obj/project.assets.json: the package
/// folders, each library's path, and its "compile" items for the first target framework), when they are on disk.
/// </summary>
internal static class RestoredAssemblies
{
    public static List<string> For(string assetsFile, Func<string, bool> wanted)
    {
        var result = new List<string>();
        JsonNode? root;
        // The one loader: bounded, read once, BOM-aware, strict UTF-8; an unreadable assets file gives no assemblies
        // (the package check reports it as GRD204).
        Guardrails.BuildTasks.Foundation.LoadedFile? loaded = Guardrails.BuildTasks.Foundation.SourceFile.TryLoad(
            assetsFile, Guardrails.BuildTasks.Policy.PackageChecker.MaxAssetsBytes, out _, out _);
        string? text = loaded == null ? null : Guardrails.BuildTasks.Foundation.SourceFile.TryDecode(loaded, out _, out _);
        if (text == null)
        {
            return result;
        }

        root = JsonReader.TryParse(text, out _, new JsonReaderOptions { MaxDepth = 128 });

        JsonNode? target = root?["targets"]?.Properties.FirstOrDefault()?.Value;
        if (root == null || target == null || !target.IsObject)
        {
            return result;
        }

        List<string> folders = root["packageFolders"]?.Properties.Select(p => p.Name).ToList() ?? new List<string>();
        foreach (JsonProperty library in target.Properties)
        {
            int slash = library.Name.IndexOf('/');
            if (slash <= 0 || library.Value["type"]?.Text != "package" || !wanted(library.Name[..slash]))
            {
                continue;
            }

            string? path = root["libraries"]?[library.Name]?["path"]?.Text;
            foreach (JsonProperty compile in library.Value["compile"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                if (path == null || compile.Name.EndsWith("_._", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (string folder in folders)
                {
                    string file = Path.GetFullPath(Path.Combine(folder, path, compile.Name));
                    if (File.Exists(file))
                    {
                        result.Add(file);
                        break;
                    }
                }
            }
        }

        return result;
    }
}
