using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// GRD004/GRD008 in every file the project hands the compiler, not only C# and JSON (adversary round 7 routes 8 and
/// 11: an endpoint in XML, YAML, INI/TOML, .env, a Dockerfile, .http requests, a project file, scripts and pages of
/// other languages, plain text shipped to the output).
/// </summary>
public class EndpointsInFilesTests
{
    private const string OpenAi = "api.openai.com";

    private static readonly string Denied = V.Policy() + "endpoint.denied=api.openai.com\n";

    // Built in pieces so that this file is not itself a list of endpoint lines.
    private static readonly string Url = "https://" + OpenAi + "/v1";

    /// <summary>GRD004 for api.openai.com (denied) at the <paramref name="occurrence"/>th <paramref name="needle"/> of <paramref name="text"/>.</summary>
    private static DiagnosticResult At(string path, string text, string needle, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, needle + " not in " + path);
        (int line, int column) = LineColumn(text, at);
        (int endLine, int endColumn) = LineColumn(text, at + needle.Length);
        return V.Diagnostic("GRD004").WithSpan(path, line, column, endLine, endColumn).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(OpenAi, "OpenAI", V.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy))");
    }

    /// <summary>In the order the verifier lists what the analyzer reported: by file, then position.</summary>
    private static DiagnosticResult[] Sorted(params DiagnosticResult[] results) =>
        results.OrderBy(r => r.Spans[0].Span.Path, StringComparer.Ordinal).ThenBy(r => r.Spans[0].Span.StartLinePosition.Line).ThenBy(r => r.Spans[0].Span.StartLinePosition.Character).ToArray();

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, column = 1;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    [Fact]
    public async Task A_denied_endpoint_is_reported_in_every_kind_of_file_at_its_line()
    {
        string csproj = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <LlmBase>" + Url + "</LlmBase>\n  </PropertyGroup>\n  <ItemGroup>\n" +
                        "    <RuntimeHostConfigurationOption Include=\"App.LlmBase\" Value=\"" + Url + "\" />\n" +
                        "    <AssemblyMetadata Include=\"LlmBase\" Value=\"$(LlmBase)\" />\n  </ItemGroup>\n</Project>\n";
        string appConfig = "<configuration><appSettings><add key=\"LlmBase\" value=\"" + Url + "\"/></appSettings></configuration>\n";
        string dockerfile = "FROM mcr.microsoft.com/dotnet/runtime:10.0\nENV OPENAI_BASE_URL=" + Url + "\n";
        string compose = "services:\n  app:\n    build: .\n    environment:\n      OPENAI_BASE_URL: " + Url + "\n";
        string k8s = "spec:\n  containers:\n    - name: app\n      env:\n        - name: LLM\n          value: \"" + Url + "\"\n";
        string dotenv = "OPENAI_BASE_URL=" + Url + "\n";
        string ini = "[llm]\nbase = " + Url + "\n";
        string toml = "[llm]\nbase = \"" + Url + "\"\n";
        string http = "POST " + Url + "/chat/completions\nContent-Type: application/json\n\n{}\n";
        string txt = OpenAi + "\n";
        string js = "export async function ask(q) {\n  return fetch(\"" + Url + "/chat/completions\", { method: \"POST\" });\n}\n";
        string ts = "import OpenAI from \"openai\";\nconst client = new OpenAI({ baseURL: \"" + Url + "\", dangerouslyAllowBrowser: true });\n";
        string py = "from openai import OpenAI\nclient = OpenAI(base_url=\"" + Url + "\")\n";
        string sh = "curl -s " + Url + "/models\n";
        string json = "{ \"Llm\": { \"Base\": \"" + Url + "\" } }\n";

        await V.RunAsync(
            new[] { "class C { }" },
            new[]
            {
                ("/app/App.csproj", csproj), ("/app/App.config", appConfig), ("/repo/Dockerfile", dockerfile), ("/repo/docker-compose.yml", compose),
                ("/repo/deploy/app.yaml", k8s), ("/app/.env", dotenv), ("/app/llm.ini", ini), ("/app/llm.toml", toml), ("/app/chat.http", http),
                ("/app/endpoint.txt", txt), ("/app/wwwroot/chat.js", js), ("/app/ClientApp/src/chat.ts", ts), ("/repo/scripts/summarize.py", py),
                ("/repo/scripts/models.sh", sh), ("/app/llm.json", json),
            },
            Denied,
            Sorted(
            At("/app/App.csproj", csproj, Url, 1),
            At("/app/App.csproj", csproj, Url, 2),
            At("/app/App.config", appConfig, Url),
            At("/repo/Dockerfile", dockerfile, Url),
            At("/repo/docker-compose.yml", compose, Url),
            At("/repo/deploy/app.yaml", k8s, Url),
            At("/app/.env", dotenv, Url),
            At("/app/llm.ini", ini, Url),
            At("/app/llm.toml", toml, Url),
            At("/app/chat.http", http, Url + "/chat/completions"),
            At("/app/endpoint.txt", txt, OpenAi),
            At("/app/wwwroot/chat.js", js, Url + "/chat/completions"),
            At("/app/ClientApp/src/chat.ts", ts, Url),
            At("/repo/scripts/summarize.py", py, Url),
            At("/repo/scripts/models.sh", sh, Url + "/models"),
            At("/app/llm.json", json, "\"" + Url + "\"")));
    }

    [Fact]
    public async Task Documentation_website_pages_and_Guardrails_own_files_are_not_endpoints()
    {
        string readme = "# App\nCalls " + Url + "/chat/completions; see https://platform.openai.com/docs.\n";
        string py = "# Docs: https://platform.openai.com/docs/api-reference and https://openai.com/policies\nimport os\n";
        string ts = "// https://help.openai.com/en/articles/1\nexport const docs = \"https://platform.openai.com/docs\";\n";
        string yaml = "models:\n  page: https://huggingface.co/some-org/some-model\n";
        string schema = "{ \"Endpoint\": { \"type\": \"string\", \"description\": \"If not set, " + Url + " is used.\" } }\n";
        string manifest = "{ \"assistants\": [], \"endpoints\": [\"" + OpenAi + "\"] }\n";
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/repo/README.md", readme), ("/repo/docs/guide.rst", readme), ("/repo/tool.py", py), ("/app/docs.ts", ts), ("/app/models.yaml", yaml), ("/repo/ai-assistants.json", manifest), ("/repo/schema/ConfigurationSchema.json", schema) },
            Denied);
    }

    [Fact]
    public async Task A_host_spelled_with_ideographic_full_stops_is_reported_at_its_line()
    {
        string dotenv = "A=1\nOPENAI_BASE_URL=https://api\u3002openai\u3002com/v1\n";
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/app/.env", dotenv) },
            Denied,
            V.Diagnostic("GRD004").WithSpan("/app/.env", 2, 1, 2, 42).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments(OpenAi, "OpenAI", V.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy))"));
    }

    [Fact]
    public async Task A_host_spelled_with_full_width_letters_is_reported()
    {
        // Adversary round 8 route 7: "ａｐｉ.openai.com" is api.openai.com to .NET's Uri and HttpClient.
        string dotenv = "A=1\nOPENAI_BASE_URL=https://\uFF41\uFF50\uFF49.openai.com/v1\n";
        string json = "{ \"Endpoint\": \"https://\uFF41pi.openai.com/v1/\" }\n";
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/app/.env", dotenv), ("/app/appsettings.json", json) },
            Denied,
            V.Diagnostic("GRD004").WithSpan("/app/.env", 2, 1, 2, 42).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments(OpenAi, "OpenAI", V.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy))"),
            V.Diagnostic("GRD004").WithSpan("/app/appsettings.json", 1, 15, 1, 43).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments(OpenAi, "OpenAI", V.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy))"));
    }

    [Fact]
    public async Task A_templated_host_is_judged_with_a_star_and_recorded_as_GRD008()
    {
        string yaml = "env:\n  - name: AOAI\n    value: https://${RESOURCE}.openai.azure.com/openai\n";
        await V.RunAsync(
            new[] { "class C { }" },
            new[] { ("/repo/deploy/app.yaml", yaml) },
            V.Policy() + "endpoint.approved=*.openai.azure.com\n",
            V.Diagnostic("GRD008").WithSpan("/repo/deploy/app.yaml", 3, 12, 3, 55).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("*.openai.azure.com", "endpoints.approved '*.openai.azure.com' (the policy)"));
    }
}
