using System.Text.Json;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 9 route 2 (/work/wt/adv9/repro-2): under a policy that denies api.openai.com, the address held in a
/// local passed to <c>HttpClient.PostAsync</c>, a constant split mid-domain (<c>"https://api.open" + "ai.com/v1/models"</c>),
/// a <c>static readonly</c> field of a neutral name, an <c>appsettings.json</c> property name and an <c>App.config</c> value
/// with an XML character reference built green, and the audit record claimed <c>endpoints: { complete: true, hosts: [] }</c>.
/// Each is now GRD004 at its file and line in Enforce, and the record lists the host as denied.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound9EndpointTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound9EndpointTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv9-endpoints", 1, members: """
        "endpoints": { "approved": [], "denied": ["api.openai.com"] }
        """);

    // Built in pieces so that this file is not itself a list of endpoint lines.
    private const string Api = "https://" + "api.openai.com" + "/v1";

    [Fact]
    public void Route2_a_denied_endpoint_in_a_local_a_folded_split_a_field_a_json_name_and_an_xml_reference_fails_Enforce()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Audit"));
        project.Write("Program.cs",
            "using System.Net.Http;\n" +
            "var http = new HttpClient();\n" +
            "var body = new StringContent(\"{}\");\n" +
            "var chat = \"" + Api + "/chat/completions\";\n" +
            "var models = new System.Uri(\"https://api.open\" + \"ai.com/v1/models\");\n" +
            "var embed = Paths.Embeddings;\n" +
            "System.Console.WriteLine($\"{chat} {models} {embed}\");\n" +
            "if (args.Length > 0)\n" +
            "{\n" +
            "    await http.PostAsync(chat, body);\n" +
            "    await http.GetAsync(models);\n" +
            "    await http.PostAsync(embed, body);\n" +
            "}\n" +
            "static class Paths { public static readonly string Embeddings = \"" + Api + "/embeddings\"; }\n");
        project.Write("appsettings.json", "{ \"Upstreams\": { \"" + Api + "/\": { \"Enabled\": true, \"TimeoutSeconds\": 30 } } }\n");
        project.Write("App.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><appSettings><add key=\"LlmBaseUrl\" value=\"" +
                                    Api.Replace("openai.com", "openai&#46;com") + "/\" /></appSettings></configuration>\n");

        // Audit: each use a warning, and the record lists the host as denied (the compile section is written by a build
        // that compiled), used by Program.cs, appsettings.json and App.config.
        DotNet.Result audit = project.Build();
        Assert.True(audit.ExitCode == 0, audit.ToString());
        AssertEach(audit, "warning");
        using (JsonDocument record = JsonDocument.Parse(File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile))))
        {
            JsonElement endpoints = record.RootElement.GetProperty("endpoints");
            JsonElement openAi = endpoints.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "api.openai.com");
            Assert.Equal("denied", openAi.GetProperty("status").GetString());
            Assert.Equal(3, openAi.GetProperty("files").GetInt32());
        }

        // Enforce: the build fails with GRD004 at each.
        project.SetPolicyProperties(("GuardrailsMode", "Enforce"));
        DotNet.Result enforce = project.Build();
        Assert.True(enforce.ExitCode != 0, enforce.ToString());
        AssertEach(enforce, "error");
    }

    private static void AssertEach(DotNet.Result build, string level)
    {
        foreach (string at in new[] { "Program.cs(4,", "Program.cs(5,", "Program.cs(14,", "appsettings.json(1,", "App.config(2," })
        {
            Assert.True(build.Output.Split('\n').Any(l => l.Contains(at) && l.Contains(level + " GRD004: api.openai.com")), at + " has no " + level + " GRD004:\n" + build);
        }
    }
}
