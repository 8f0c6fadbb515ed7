using Guardrails.Core.Json;

namespace Guardrails.Cli.Verify;

/// <summary>
/// One verified record per framework a project restores (GRDCL35; adversary round 9 route 1). A multi-targeted project
/// whose second framework drops Guardrails (<c>RestoreEnableGlobalPackageReference=false</c> for that framework) and
/// compiles into folders of its own choosing (<c>IntermediateOutputPath</c>/<c>OutputPath</c> under a gitignored
/// <c>.cache/</c>) leaves no obj/&lt;configuration&gt;/&lt;tfm&gt;/ and no bin/ the gate would find, while the record
/// of its other framework vouches for the project. Restore is the project's own list of what it builds: every framework of
/// <c>project.frameworks</c> in its <c>project.assets.json</c> (which lies in the project's extensions folder whatever the
/// inner builds' intermediate folders are) must be named by a verified record's <c>project.targetFramework</c>.
/// </summary>
internal static class RestoredFrameworks
{
    public const string Code = "GRDCL35";

    /// <param name="verified">Project file (full path) to the target frameworks its verified records name (null: a record
    /// written before format 1.4, which names none).</param>
    public static IEnumerable<GateResult> Check(OutputTree tree, IReadOnlyDictionary<string, List<string?>> verified)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string assets in tree.AssetsFiles)
        {
            JsonNode? root = ShippedOutputs.ReadJson(assets, Guardrails.BuildTasks.Policy.PackageChecker.MaxAssetsBytes);
            if (root?["project"]?["restore"]?["projectPath"]?.Text is not { } projectPath || root["project"]?["frameworks"] is not { IsObject: true } frameworks)
            {
                continue;
            }

            string project = ShippedOutputs.Full(projectPath);
            if (!verified.TryGetValue(project, out List<string?>? built) || !seen.Add(project))
            {
                continue; // a project with no verified record at all is GRDCL30's (or compiles nothing)
            }

            var restored = frameworks.Properties.Select(f => (f.Value["targetAlias"]?.Text is { Length: > 0 } alias ? alias : f.Name).Trim()).ToList();
            foreach (string framework in restored)
            {
                if (built.Any(b => string.Equals(b, framework, StringComparison.OrdinalIgnoreCase)) || (restored.Count == 1 && built.Contains(null)))
                {
                    continue;
                }

                yield return new GateResult(project, Code, "this project restores the target framework '" + framework + "' (" + assets + ", project.frameworks), but no verified Guardrails audit record is for that framework " +
                    "(records name: " + string.Join(", ", built.Select(b => b ?? "none")) + "): its build dropped Guardrails (RestoreEnableGlobalPackageReference=false or an ExcludeAssets for that framework), " +
                    "compiled into folders of its own choosing, or was not built in this job. Build every framework of the project with Guardrails before the gate.");
            }
        }
    }
}
