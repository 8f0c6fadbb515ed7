using System.Xml.Linq;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Guardrails' internal properties (_Guardrails*, other than the central capture _GuardrailsCentral*, which the check
/// judges on its own) must not take a value from outside: each file of the package that sets one lists it in its
/// TreatAsLocalProperty (so the file's own value wins over a global property, the command line or Directory.Build.rsp),
/// and Guardrails.targets starts each of its own empty before anything reads it (so neither a global property nor an
/// environment variable presets a flag a target only reads). A property added to the targets without this fails here.
/// </summary>
public class InternalPropertiesTests
{
    private static List<string> PropertiesSetIn(XElement project)
    {
        var names = new List<string>();
        foreach (XElement group in project.Descendants("PropertyGroup"))
        {
            foreach (XElement property in group.Elements())
            {
                Add(names, property.Name.LocalName);
            }
        }

        foreach (XElement output in project.Descendants("Output"))
        {
            Add(names, (string?)output.Attribute("PropertyName"));
        }

        return names;
    }

    private static void Add(List<string> names, string? name)
    {
        if (name != null && name.StartsWith("_Guardrails", StringComparison.Ordinal) && !name.StartsWith("_GuardrailsCentral", StringComparison.Ordinal) && !names.Contains(name))
        {
            names.Add(name);
        }
    }

    private static string[] TreatedAsLocal(XElement project) =>
        ((string?)project.Attribute("TreatAsLocalProperty") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("Guardrails.props")]
    [InlineData("Guardrails.targets")]
    public void Every_internal_property_a_package_file_sets_is_treated_as_local_there(string file)
    {
        XElement project = XDocument.Load(Path.Combine(RepoPaths.Root, "nuget", "build", file)).Root!;
        List<string> set = PropertiesSetIn(project);
        Assert.NotEmpty(set);
        Assert.Equal(set.OrderBy(n => n, StringComparer.Ordinal), TreatedAsLocal(project).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Guardrails_targets_starts_every_internal_property_it_sets_empty_before_anything_else()
    {
        XElement project = XDocument.Load(Path.Combine(RepoPaths.Root, "nuget", "build", "Guardrails.targets")).Root!;
        XElement first = project.Elements().First(e => e.Name.LocalName == "PropertyGroup" || e.Name.LocalName == "Target" || e.Name.LocalName == "ItemGroup");
        Assert.Equal("PropertyGroup", first.Name.LocalName);
        Assert.All(first.Elements(), e => Assert.True(e.Value.Length == 0 && e.Attribute("Condition") == null, e.ToString()));
        Assert.Equal(PropertiesSetIn(project).OrderBy(n => n, StringComparer.Ordinal), first.Elements().Select(e => e.Name.LocalName).OrderBy(n => n, StringComparer.Ordinal));
    }
}
