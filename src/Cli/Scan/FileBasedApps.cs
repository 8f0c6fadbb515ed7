using Guardrails.BuildTasks;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Rules;

namespace Guardrails.Cli.Scan;

/// <summary>
/// Judges a .NET 10 file-based app (<see cref="FileBasedApp"/>) as the project it stands in for (adversary round 6 #14).
/// `dotnet run tool.cs` builds a virtual project that no project of the repository includes and CI never builds, so the
/// scan is the place every CI run passes through: the app's <c>#:package</c> (and versioned <c>#:sdk</c>) directives go
/// to the one evaluator as the packages of an unrestored project (GRD2xx at the directive's line); its <c>#:property</c>
/// directives are settings of that project: the central ones (mode, policy path and pin, <c>_Guardrails*</c>,
/// ImportDirectoryBuildProps) are judged as set outside the central location (GRD307/GRD308), NoWarn and its kin as a
/// project's (GRD304), the scan switches as opt-outs (GRD310), and the rest that turn Guardrails off (RunAnalyzers=false,
/// the other Import… switches, any other Guardrails property) are GRD316. Keys in the file are the analyzers' (GRD001).
/// </summary>
internal static class FileBasedApps
{
    private static readonly string[] OptOutSwitches = { "GuardrailsScanFiles", "GuardrailsScanRepositoryFiles", "GuardrailsCheckFootprints" };

    /// <summary>Properties that, set to false, keep Guardrails out of the app's build or its analyzers out of its compilation.</summary>
    private static readonly string[] OffWhenFalse =
    {
        "RunAnalyzers", "RunAnalyzersDuringBuild", "ImportDirectoryBuildTargets", "ImportDirectoryPackagesProps", "EnableNETAnalyzers", "ManagePackageVersionsCentrally",
    };

    /// <summary>
    /// A property that, set in a build of its own (a file-based app's <c>#:property</c>, a global property a
    /// <c>ProjectReference</c> or an <c>MSBuild</c> call passes), turns Guardrails or its analyzers off or narrows them there:
    /// any Guardrails property, the switches of <see cref="OffWhenFalse"/> set to false, a rule set, TreatWarningsAsErrors=false.
    /// </summary>
    internal static bool TurnsGuardrailsOff(string property, string value) =>
        property.StartsWith("Guardrails", StringComparison.OrdinalIgnoreCase) ||
        (OffWhenFalse.Contains(property, StringComparer.OrdinalIgnoreCase) && IsFalse(value)) ||
        property.Equals("CodeAnalysisRuleSet", StringComparison.OrdinalIgnoreCase) || (property.Equals("TreatWarningsAsErrors", StringComparison.OrdinalIgnoreCase) && IsFalse(value));

    public static List<Finding> Check(FileBasedApp app, ScanOptions options, ref bool? enforce, ref string? effectivePolicy)
    {
        string dir = Path.GetDirectoryName(app.Path)!;
        (string? settingsPolicy, string? settingsSha, string? settingsMode) = ProjectFiles.Settings(dir);
        string name = Path.GetFileName(app.Path);
        string Source(FileBasedApp.Directive d) => name + "(" + d.Line + "): #:property in a file-based app";

        var packages = app.RestoredPackages();

        var request = new CheckRequest
        {
            ProjectPath = app.Path,
            PolicyPath = options.PolicyPath != null ? Path.GetFullPath(options.PolicyPath) : settingsPolicy,
            PolicySha256 = options.PolicySha256 ?? settingsSha,
            Mode = options.Mode ?? settingsMode,
            CentralMode = options.Mode ?? settingsMode ?? string.Empty,
            ManifestPath = ProjectFiles.FileAbove(dir, "ai-assistants.json", null),
            DeclaredPackages = packages,
            DeclaredPackagesOrigin = FileBasedApp.Origin(app.Path),
            CheckFootprints = false,
            Now = options.Now,
        };

        var weakenings = new List<FileBasedApp.Directive>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = app.Directives.Count - 1; i >= 0; i--)
        {
            FileBasedApp.Directive d = app.Directives[i];
            if (d.Kind != "property" || d.Name.Length == 0 || !seen.Add(d.Name))
            {
                continue; // the last value of a property is the one MSBuild keeps
            }

            string property = d.Name;
            if (CentralSettingSources.CentralNames.Contains(property, StringComparer.OrdinalIgnoreCase) ||
                property.StartsWith(CentralSettingSources.AnyInternalPrefix, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Equals("ImportDirectoryBuildProps", StringComparison.OrdinalIgnoreCase) && !IsFalse(d.Value))
                {
                    continue;
                }

                request.ExternalSettings.Add(new ExternalSetting(property, d.Value, Source(d)));
                if (property.Equals("GuardrailsMode", StringComparison.OrdinalIgnoreCase))
                {
                    request.Mode = d.Value;
                }
                else if (property.Equals("GuardrailsPolicyPath", StringComparison.OrdinalIgnoreCase))
                {
                    request.ProjectPolicyPath = d.Value;
                }
                else if (property.Equals("GuardrailsPolicySha256", StringComparison.OrdinalIgnoreCase))
                {
                    request.ProjectPolicySha256 = d.Value;
                }
            }
            else if (property.Equals("NoWarn", StringComparison.OrdinalIgnoreCase))
            {
                request.NoWarn = d.Value;
            }
            else if (property.Equals("WarningsNotAsErrors", StringComparison.OrdinalIgnoreCase))
            {
                request.WarningsNotAsErrors = d.Value;
            }
            else if (property.Equals("MSBuildWarningsAsMessages", StringComparison.OrdinalIgnoreCase))
            {
                request.MSBuildWarningsAsMessages = d.Value;
            }
            else if (property.Equals("MSBuildWarningsNotAsErrors", StringComparison.OrdinalIgnoreCase))
            {
                request.MSBuildWarningsNotAsErrors = d.Value;
            }
            else if (OptOutSwitches.Contains(property, StringComparer.OrdinalIgnoreCase))
            {
                if (IsFalse(d.Value))
                {
                    request.OptOuts.Add(new ExternalSetting(property, d.Value, Source(d)));
                }
            }
            else if (TurnsGuardrailsOff(property, d.Value))
            {
                weakenings.Add(d);
            }
        }

        CheckResult result = GuardrailsChecker.Run(request);
        enforce ??= result.Enforce;
        effectivePolicy ??= result.Effective.HasPolicy ? result.Effective.Write() : null;
        var findings = new List<Finding>(result.Findings);
        weakenings.Reverse();
        foreach (FileBasedApp.Directive d in weakenings)
        {
            // The value is untrusted: only the name is printed.
            findings.Add(new Finding(RuleCatalog.FileBasedAppSetting, app.Path, d.Line, d.Column,
                "The file-based app " + name + " sets " + d.Name + " with #:property: `dotnet run " + name + "` builds it as a project of its own, and this setting " +
                "turns Guardrails (or its analyzers) off or narrows it there. Remove the directive; a setting the policy owner wants lives in the central Directory.Build.props.",
                subject: d.Name));
        }

        return findings;
    }

    /// <summary>
    /// Adversary round 7 route 13: a notebook's or script's <c>#r "nuget: …"</c> references (<see cref="InteractiveScripts"/>),
    /// and issue 12 route R11: an npm/PyPI package file's packages (<see cref="Guardrails.BuildTasks.Policy.PackageManifests"/>, its GRD205 problems too),
    /// judged by the one package evaluator as the packages of the project the file stands in for, at their lines.
    /// </summary>
    public static List<Finding> CheckScript(string path, List<DeclaredPackage> packages, ScanOptions options, ref bool? enforce, ref string? effectivePolicy, List<Finding>? packageFileProblems = null)
    {
        string dir = Path.GetDirectoryName(path)!;
        (string? settingsPolicy, string? settingsSha, string? settingsMode) = ProjectFiles.Settings(dir);
        var request = new CheckRequest
        {
            ProjectPath = path,
            PolicyPath = options.PolicyPath != null ? Path.GetFullPath(options.PolicyPath) : settingsPolicy,
            PolicySha256 = options.PolicySha256 ?? settingsSha,
            Mode = options.Mode ?? settingsMode,
            CentralMode = options.Mode ?? settingsMode ?? string.Empty,
            ManifestPath = ProjectFiles.FileAbove(dir, "ai-assistants.json", null),
            ScriptPackages = packages,
            PackageFileProblems = packageFileProblems,
            CheckFootprints = false,
            Now = options.Now,
        };
        CheckResult result = GuardrailsChecker.Run(request);
        enforce ??= result.Enforce;
        effectivePolicy ??= result.Effective.HasPolicy ? result.Effective.Write() : null;
        return new List<Finding>(result.Findings);
    }

    private static bool IsFalse(string value) => string.Equals(value.Trim().Trim('"', '\''), "false", StringComparison.OrdinalIgnoreCase);
}
