using System.Xml.Linq;
using System.Xml;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;

namespace Guardrails.Cli.Scan;

/// <summary>
/// What a scan needs from MSBuild files without running MSBuild: the packages a project references directly (read
/// by the build's <see cref="ReferenceLocator"/>: PackageReference, its Version or the central PackageVersion in
/// Directory.Packages.props) and the Guardrails
/// settings a Directory.Build.props sets as plain values ($(MSBuildThisFileDirectory) is resolved; other expressions
/// are not evaluated, so such a value is left to --policy).
/// </summary>
internal static class ProjectFiles
{
    /// <summary>The packages a project file references directly, read by the build's own reader (<see cref="ReferenceLocator"/>).</summary>
    public static List<DeclaredPackage> DeclaredPackages(string projectFile, string? stopAt) => ReferenceLocator.Declared(projectFile, stopAt);

    /// <summary>
    /// GRD317 in the scan (adversary round 9 route 1): <c>RestoreEnableGlobalPackageReference</c> set to false under a condition
    /// on the target framework (on the property or a group around it), so one framework of the project restores without the
    /// central Guardrails reference. The build reports it from the restore; the scan reads it where it is written.
    /// </summary>
    public static IEnumerable<Finding> FrameworkOptOuts(string projectFile)
    {
        XDocument? doc = Load(projectFile);
        if (doc == null)
        {
            yield break;
        }

        foreach (XElement e in doc.Descendants().Where(e => e.Name.LocalName == "RestoreEnableGlobalPackageReference" && string.Equals(e.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)))
        {
            string? condition = e.AncestorsAndSelf().Select(a => (string?)a.Attribute("Condition")).FirstOrDefault(c => c != null && c.Contains("TargetFramework", StringComparison.OrdinalIgnoreCase));
            if (condition == null)
            {
                continue;
            }

            var at = (IXmlLineInfo)e;
            yield return new Finding(Guardrails.Core.Rules.RuleCatalog.FrameworkWithoutGuardrails, projectFile, at.LineNumber, Math.Max(1, at.LinePosition - 1),
                "RestoreEnableGlobalPackageReference is false under the condition " + Guardrails.BuildTasks.Foundation.SafeText.Clean(condition) +
                ": the frameworks it takes restore without the central Guardrails reference, so their inner builds compile with no Guardrails check, no analyzers and no audit record. " +
                "Every framework of a project must build with Guardrails: remove the setting.");
        }
    }

    /// <summary>The nearest Directory.Build.props at or above the project folder, as MSBuild imports it.</summary>
    public static (string? PolicyPath, string? Sha256, string? Mode) Settings(string projectDirectory)
    {
        string? props = FileAbove(projectDirectory, "Directory.Build.props", null);
        if (props == null)
        {
            return (null, null, null);
        }

        XDocument? doc = Load(props);
        if (doc == null)
        {
            return (null, null, null);
        }

        string dir = Path.GetDirectoryName(props)! + Path.DirectorySeparatorChar;
        string? Value(string name)
        {
            string? raw = doc.Descendants().LastOrDefault(e => e.Name.LocalName == name)?.Value;
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            raw = raw.Trim().Replace("$(MSBuildThisFileDirectory)", dir, StringComparison.OrdinalIgnoreCase);
            return raw.Contains("$(", StringComparison.Ordinal) ? null : raw;
        }

        string? policy = Value("GuardrailsPolicyPath");
        if (policy != null)
        {
            policy = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(props)!, policy));
        }

        return (policy, Value("GuardrailsPolicySha256"), Value("GuardrailsMode"));
    }

    public static string? FileAbove(string directory, string name, string? stopAt)
    {
        string? dir = Path.GetFullPath(directory);
        while (dir != null)
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (stopAt != null && string.Equals(dir.TrimEnd(Path.DirectorySeparatorChar), stopAt.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                return null;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    private static XDocument? Load(string path)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
            using XmlReader reader = XmlReader.Create(path, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            return null;
        }
    }
}
