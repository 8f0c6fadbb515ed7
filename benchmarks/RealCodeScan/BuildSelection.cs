using Guardrails.BuildTasks;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

/// <summary>
/// The files a build with the Guardrails package gives the key scan, chosen by the package's own code rather than a
/// copy of its rules: each project is evaluated by the .NET SDK's MSBuild (no restore) with the package's
/// Guardrails.targets imported, its <c>_GuardrailsCollectScanFiles</c> target is run (project, Directory.* and
/// assistant files, None/Content of a scanned kind, and what the build ships: EmbeddedResource, .resx, None/Content copied
/// to the output or publish folder, wwwroot included), then, as in a build, <c>_GuardrailsSelectScanFiles</c>
/// (<see cref="GuardrailsSelectScanFiles"/>) picks from those candidates what reaches the compiler (plus the repository's
/// CI and container files), keeping back binary and large files in its skipped list, which the check then scans
/// streaming (<see cref="KeptBackFiles"/>). Writes what a build writes under the project's obj/guardrails folder.
/// Types from Microsoft.Build are only touched here, after MSBuildLocator registered the SDK's copy.
/// </summary>
internal sealed class BuildSelection : IDisposable
{
    private readonly ProjectCollection collection;
    public BuildSelection(string targetsPath)
    {
        collection = new ProjectCollection(new Dictionary<string, string>
        {
            ["CustomAfterMicrosoftCommonTargets"] = targetsPath,
            ["GuardrailsTaskAssembly"] = typeof(GuardrailsSelectScanFiles).Assembly.Location,

            // Without the footprint check, assistant configs (.mcp.json, .claude/settings.json, ...) go to the analyzer,
            // as in a design-time build: their keys are counted here as GRD002 instead of the check's GRD135.
            ["GuardrailsCheckFootprints"] = "false",
        });
    }

    public sealed record Selected(List<string> Files, List<(string Id, string File, int Line, int Column, string Message)> CheckFindings);

    /// <summary>The project's scan files, or an error message when MSBuild cannot evaluate the project without its packages.</summary>
    public Selected? Select(string projectFile, out string? error)
    {
        error = null;
        try
        {
            ProjectInstance? instance = Build(projectFile, collection.GlobalProperties, out error);
            if (instance == null && error != null && error.StartsWith("MSB4057", StringComparison.Ordinal))
            {
                // A multi-targeting project's outer build imports no Microsoft.Common.targets: the compiler runs in
                // the inner builds, so take the first target framework's, as the package's targets see it.
                string frameworks = collection.LoadProject(projectFile).GetPropertyValue("TargetFrameworks");
                string first = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
                if (first.Length > 0)
                {
                    instance = Build(projectFile, new Dictionary<string, string>(collection.GlobalProperties) { ["TargetFramework"] = first }, out error);
                }
            }

            if (instance == null)
            {
                return null;
            }

            // _GuardrailsSelectScanFiles runs after the collection (AfterTargets): what is left marked GuardrailsScan is what
            // the compiler gets, the skipped list included; the files it kept back are the check's to scan.
            var files = instance.GetItems("AdditionalFiles")
                .Where(i => string.Equals(i.GetMetadataValue("GuardrailsScan"), "true", StringComparison.OrdinalIgnoreCase))
                .Select(i => i.GetMetadataValue("FullPath")).Distinct(StringComparer.Ordinal).ToList();
            string skipped = instance.GetPropertyValue("_GuardrailsKeptBackList");
            var result = new CheckResult();
            KeptBackFiles.Scan(new CheckRequest { ProjectPath = projectFile, KeptBackListFile = skipped }, result);
            var findings = result.Findings.Select(f => (f.Rule.Id, f.File, f.Line, f.Column, f.Message))
                .Concat(result.ScanGaps.Select(g => (g.RuleId, g.File, g.Line, g.Column, g.What))).ToList();
            if (Environment.GetEnvironmentVariable("REALCODESCAN_DEBUG") == "1")
            {
                Console.Error.WriteLine($"{projectFile}: {files.Count} files, skipped list {skipped}");
            }

            return new Selected(files, findings);
        }
        catch (Exception e) when (e is Microsoft.Build.Exceptions.InvalidProjectFileException or InvalidOperationException or IOException)
        {
            error = e.Message.Split('\n')[0];
            return null;
        }
        finally
        {
            collection.UnloadAllProjects();
        }
    }

    public void Dispose() => collection.Dispose();

    private ProjectInstance? Build(string projectFile, IDictionary<string, string> globalProperties, out string? error)
    {
        var request = new BuildRequestData(projectFile, globalProperties, null, ["_GuardrailsCollectScanFiles"], null, BuildRequestDataFlags.ProvideProjectStateAfterBuild);
        var firstError = new FirstError();
        BuildResult built = BuildManager.DefaultBuildManager.Build(new BuildParameters(collection) { EnableNodeReuse = false, Loggers = [firstError] }, request);
        error = built.OverallResult == BuildResultCode.Success ? null : firstError.Message ?? built.Exception?.Message ?? "_GuardrailsCollectScanFiles failed";
        return error == null ? built.ProjectStateAfterBuild : null;
    }

    /// <summary>Keeps the first error of a build, for the --details line of a project that could not be evaluated.</summary>
    private sealed class FirstError : ILogger
    {
        public string? Message { get; private set; }

        public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Quiet;

        public string? Parameters { get; set; }

        public void Initialize(IEventSource eventSource) => eventSource.ErrorRaised += (_, e) => Message ??= $"{e.Code}: {e.Message}";

        public void Shutdown()
        {
        }
    }
}
