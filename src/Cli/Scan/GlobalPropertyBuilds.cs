using System.Xml;
using System.Xml.Linq;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Rules;

namespace Guardrails.Cli.Scan;

/// <summary>
/// GRD318 (adversary round 9 route 1, its variant): a <c>ProjectReference</c> (its <c>AdditionalProperties</c>,
/// <c>Properties</c>, <c>SetConfiguration</c>/<c>SetPlatform</c>/<c>SetTargetFramework</c>) or an <c>&lt;MSBuild&gt;</c> call
/// (<c>Properties</c>, <c>AdditionalProperties</c>) that builds a project again with global properties that keep
/// Guardrails out of that build: <c>ImportProjectExtensionTargets=false</c> or <c>ImportProjectExtensionProps=false</c>
/// (NuGet's imports of the package's props and targets), another <c>MSBuildProjectExtensionsPath</c> or
/// <c>BaseIntermediateOutputPath</c> (where those imports are looked for), <c>ImportDirectoryBuildProps=false</c> (the
/// central settings), or any property a file-based app may not set either (<see cref="FileBasedApps.TurnsGuardrailsOff"/>).
/// Tried in session 13: with the output moved to a gitignored folder, that second build compiled an AI SDK with no check,
/// no record and no output the gate reads, and the build and the gate were green. No build of the project sees it; the scan
/// reads it where it is written. The value is untrusted: only the property's name is printed.
/// </summary>
internal static class GlobalPropertyBuilds
{
    private static readonly string[] OffWhenFalse = { "ImportProjectExtensionTargets", "ImportProjectExtensionProps", "ImportDirectoryBuildProps" };

    private static readonly string[] OffWhenSet = { "MSBuildProjectExtensionsPath", "BaseIntermediateOutputPath", "ProjectAssetsFile" };

    private static readonly string[] Metadata = { "AdditionalProperties", "Properties", "SetConfiguration", "SetPlatform", "SetTargetFramework" };

    public static IEnumerable<Finding> Check(string file)
    {
        XDocument? doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
            using XmlReader reader = XmlReader.Create(file, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            yield break;
        }

        foreach (XElement e in doc.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "MSBuild"))
        {
            var values = new List<string>();
            foreach (string name in Metadata)
            {
                if (e.Attribute(name)?.Value is { } attribute)
                {
                    values.Add(attribute);
                }

                values.AddRange(e.Elements().Where(c => c.Name.LocalName == name).Select(c => c.Value));
            }

            foreach (string property in values.SelectMany(Pairs).Where(p => Off(p.Name, p.Value)).Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var at = (IXmlLineInfo)e;
                string target = e.Name.LocalName == "MSBuild" ? "This <MSBuild> call" : "This ProjectReference";
                yield return new Finding(RuleCatalog.GlobalPropertyBuild, file, at.LineNumber, Math.Max(1, at.LinePosition - 1),
                    target + " builds a project again with the global property " + property + ", which keeps Guardrails (its targets, its settings or its analyzers) out of that build: " +
                    "it compiles with no check and no audit record, and with its output in a folder of its own no gate reads it. Remove the property; a second build of a project " +
                    "that needs other settings is a project (or a configuration) of its own, built with Guardrails.", subject: property);
            }
        }
    }

    private static bool Off(string name, string value) =>
        (OffWhenFalse.Contains(name, StringComparer.OrdinalIgnoreCase) && string.Equals(value.Trim().Trim('"', '\''), "false", StringComparison.OrdinalIgnoreCase)) ||
        OffWhenSet.Contains(name, StringComparer.OrdinalIgnoreCase) ||
        FileBasedApps.TurnsGuardrailsOff(name, value);

    /// <summary>MSBuild's "Name=Value;Name=Value" global property list.</summary>
    private static IEnumerable<(string Name, string Value)> Pairs(string list)
    {
        foreach (string pair in list.Split(';'))
        {
            int eq = pair.IndexOf('=');
            if (eq > 0)
            {
                yield return (pair[..eq].Trim(), pair[(eq + 1)..]);
            }
        }
    }
}
