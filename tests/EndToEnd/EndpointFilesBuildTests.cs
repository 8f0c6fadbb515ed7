using System.Text.Json;
using System.Text.RegularExpressions;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 7 routes 8 (repro-9) and 11 (repro-6): under a policy that denies api.openai.com, a project reached
/// it with no diagnostic through configuration that is not JSON and through its other languages' code
/// (RuntimeHostConfigurationOption, app.config, Dockerfile ENV, compose environment, Kubernetes env YAML, .env, .ini,
/// .http, a shipped endpoint.txt, wwwroot JS, TypeScript, Python), and the audit record said
/// <c>endpoints: { complete: true, hosts: [] }</c>. Each is now GRD004 at its file and line, and the record lists them.
/// </summary>
[Collection(PackageCollection.Name)]
public class EndpointFilesBuildTests
{
    private readonly PackageFixture _fixture;

    public EndpointFilesBuildTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-endpoint-files", 1, members: """
        "endpoints": { "approved": [], "denied": ["api.openai.com"] }
        """);

    // Built in pieces so that this file is not itself a list of endpoint lines.
    private static readonly string Url = "https://" + "api.openai.com" + "/v1";

    [Fact]
    public void A_denied_endpoint_in_the_projects_other_files_fails_Enforce_at_each_file_and_line_and_the_record_lists_them()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Audit"));
        project.AddToProject("  <ItemGroup>\n    <RuntimeHostConfigurationOption Include=\"App.LlmBase\" Value=\"" + Url + "\" />\n" +
                             "    <None Update=\"endpoint.txt\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>");
        project.Write("Program.cs", """
            var baseUrl = System.AppContext.GetData("App.LlmBase") as string ?? System.Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
            System.Console.WriteLine(baseUrl);
            """);
        var files = new (string Path, string Text, int Line)[]
        {
            ("App.config", "<configuration>\n  <appSettings>\n    <add key=\"LlmBase\" value=\"" + Url + "\"/>\n  </appSettings>\n</configuration>\n", 3),
            ("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nENV OPENAI_BASE_URL=" + Url + "\n", 2),
            ("docker-compose.yml", "services:\n  app:\n    build: .\n    environment:\n      OPENAI_BASE_URL: " + Url + "\n", 5),
            ("deploy/app.yaml", "spec:\n  containers:\n    - name: app\n      env:\n        - name: LLM\n          value: \"" + Url + "\"\n", 6),
            ("llm.env", "OPENAI_BASE_URL=" + Url + "\n", 1),
            ("llm.ini", "[llm]\nbase = " + Url + "\n", 2),
            ("chat.http", "POST " + Url + "/chat/completions\nContent-Type: application/json\n\n{}\n", 1),
            ("endpoint.txt", "api.openai.com\n", 1),
            ("wwwroot/chat.js", "export function ask() {\n  return fetch(\"" + Url + "/chat/completions\", { method: \"POST\" });\n}\n", 2),
            ("ClientApp/src/chat.ts", "import OpenAI from \"openai\";\nexport const client = new OpenAI({ baseURL: \"" + Url + "\", dangerouslyAllowBrowser: true });\n", 2),
            ("scripts/summarize.py", "from openai import OpenAI\nclient = OpenAI(base_url=\"" + Url + "\")\n", 2),
        };
        foreach ((string path, string text, int _) in files)
        {
            project.Write(path, text);
        }

        // Audit: the build passes with each use a warning, and the record lists the host, used by the project file
        // and each of the files above (the record's compile section is written only by a build that compiled).
        DotNet.Result audit = project.Build();
        Assert.True(audit.ExitCode == 0, audit.ToString());
        AssertEach(files, project, audit, "warning");
        using (JsonDocument record = JsonDocument.Parse(File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile))))
        {
            JsonElement endpoints = record.RootElement.GetProperty("endpoints");
            Assert.True(endpoints.GetProperty("complete").GetBoolean(), endpoints.ToString());
            JsonElement openAi = endpoints.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "api.openai.com");
            Assert.Equal("denied", openAi.GetProperty("status").GetString());
            Assert.True(openAi.GetProperty("files").GetInt32() >= files.Length + 1, openAi.ToString()); // and the runtimeconfig options the task writes to obj
        }

        // Enforce: the build fails with GRD004 at each file and line.
        project.SetPolicyProperties(("GuardrailsMode", "Enforce"));
        DotNet.Result enforce = project.Build();
        Assert.True(enforce.ExitCode != 0, enforce.ToString());
        AssertEach(files, project, enforce, "error");
    }

    private static void AssertEach((string Path, string Text, int Line)[] files, TestProject project, DotNet.Result build, string level)
    {
        foreach ((string path, string _, int line) in files.Append((project.Name + ".csproj", string.Empty, 0)))
        {
            string name = Regex.Escape(Path.GetFileName(path));
            string at = line > 0 ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "\\d+";
            Assert.True(Regex.IsMatch(build.Output, name + "\\(" + at + ",\\d+(,\\d+,\\d+)?\\): " + level + " GRD004: api\\.openai\\.com is an endpoint of OpenAI"),
                path + " has no " + level + " GRD004 at line " + line + ":\n" + build);
        }
    }
}
