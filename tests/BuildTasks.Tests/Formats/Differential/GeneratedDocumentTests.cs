using System.Text.Json;
using Guardrails.BuildTasks.Formats;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Tests.Formats.Differential;

/// <summary>
/// Differential tests: seeded random documents, written as JSON, TOML and YAML, read by the own readers and by the
/// reference libraries (System.Text.Json, Tomlyn, YamlDotNet). Both must find exactly the generated values.
/// </summary>
public class GeneratedDocumentTests
{
    private const int Documents = 400;

    [Fact]
    public void Json_reader_agrees_with_System_Text_Json_on_generated_documents()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Documents; seed++)
        {
            var generator = new DocumentGenerator(seed, toml: false);
            ObjectValue doc = generator.Document();
            string text = generator.Json(doc);
            string expected = DocumentGenerator.Expected(doc);

            string reference = Canonical.Of(JsonDocument.Parse(text).RootElement);
            string own = Canonical.Of(JsonReader.Parse(text, Guardrails.Core.Json.JsonReaderOptions.Strict));
            Check(failures, seed, text, expected, reference, own);
        }

        Assert.True(failures.Count == 0, failures.Count + " of " + Documents + " documents differ:\n" + string.Join("\n\n", failures.Take(3)));
    }

    [Fact]
    public void Toml_reader_agrees_with_Tomlyn_on_generated_documents()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Documents; seed++)
        {
            var generator = new DocumentGenerator(seed, toml: true);
            ObjectValue doc = generator.Document();
            string text = generator.Toml(doc);
            string expected = DocumentGenerator.Expected(doc);

            string reference = Try(() => Canonical.OfToml(Canonical.TomlynParse(text)));
            string own = Try(() => Canonical.Of(TomlReader.Parse(text)));
            Check(failures, seed, text, expected, reference, own);
        }

        Assert.True(failures.Count == 0, failures.Count + " of " + Documents + " documents differ:\n" + string.Join("\n\n", failures.Take(3)));
    }

    [Fact]
    public void Yaml_reader_agrees_with_YamlDotNet_on_generated_documents()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Documents; seed++)
        {
            var generator = new DocumentGenerator(seed, toml: false);
            ObjectValue doc = generator.Document();
            string text = generator.Yaml(doc);
            string expected = DocumentGenerator.Expected(doc);

            string reference = Try(() => Canonical.OfYaml(Canonical.YamlDotNetParse(text)!));
            string own = Try(() => Canonical.Of(YamlReader.Parse(text)));
            Check(failures, seed, text, expected, reference, own);
        }

        Assert.True(failures.Count == 0, failures.Count + " of " + Documents + " documents differ:\n" + string.Join("\n\n", failures.Take(3)));
    }

    private static string Try(Func<string> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e)
        {
            return "rejected: " + e.GetType().Name + ": " + e.Message;
        }
    }

    private static void Check(List<string> failures, int seed, string text, string expected, string reference, string own)
    {
        if (reference != expected)
        {
            // The generator wrote something the reference reads differently: a generator bug, reported as such.
            failures.Add("seed " + seed + ": the reference library does not read the generated value\n--- text\n" + text + "\n--- expected\n" + expected + "\n--- reference\n" + reference);
        }
        else if (own != expected)
        {
            failures.Add("seed " + seed + ": the own reader differs\n--- text\n" + text + "\n--- expected\n" + expected + "\n--- own\n" + own);
        }
    }
}
