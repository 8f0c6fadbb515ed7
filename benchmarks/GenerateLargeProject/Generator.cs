using System.Globalization;
using System.Text;
using Guardrails.Tests.Shared;

/// <summary>
/// Writes a large, realistic C# project: services with XML docs, logging with interpolation, SQL in verbatim strings,
/// JSON in raw strings, URLs, config dictionaries, switch expressions, LINQ, constants built by concatenation, GUIDs and
/// hashes in literals, comments: the string-heavy code a key scanner must wade through. A handful of fake keys are
/// planted (in literals, a split concatenation, a comment, a named sink) plus a few config files with keys.
/// </summary>
internal static class Generator
{
    private const int LinesPerFile = 500;

    public static int Write(string outDir, int targetLines, string repo)
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        string src = Path.Combine(outDir, "src");
        Directory.CreateDirectory(src);
        string analyzers = Path.Combine(repo, "src", "Analyzers", "bin", "Release", "netstandard2.0");
        File.WriteAllText(Path.Combine(outDir, "Large.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <OutputType>Library</OutputType>
                <GuardrailsMode>Audit</GuardrailsMode>
                <NoWarn>$(NoWarn);CS1591;CS0169;CS0414;CS0219</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <CompilerVisibleProperty Include="GuardrailsMode" />
                <Analyzer Include="{analyzers}/Guardrails.Analyzers.dll" />
                <Analyzer Include="{analyzers}/Guardrails.Core.dll" />
                <AdditionalFiles Include="appsettings.json;.env;config/*.yaml;App.config;guardrails/guardrails.effective-policy.txt" />
              </ItemGroup>
            </Project>
            """);
        // A central policy is in force (approving no AI SDK), as the build task would write it: GRD003/GRD004 are active.
        Directory.CreateDirectory(Path.Combine(outDir, "guardrails"));
        File.WriteAllText(Path.Combine(outDir, "guardrails", "guardrails.effective-policy.txt"), "mode=Audit\npolicy=true\nowner.name=AI Governance\nowner.contact=ai@contoso.example\n");
        File.WriteAllText(Path.Combine(outDir, "appsettings.json"), "{\n  \"OpenAI\": { \"ApiKey\": \"" + FakeKeys.OpenAiProject("BenchFakeKeyNotReal") + "\" },\n  \"AzureOpenAI\": { \"ApiKey\": \"" + FakeKeys.AzureHex32() + "\", \"Endpoint\": \"https://bench.openai.azure.com\" },\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n");
        File.WriteAllText(Path.Combine(outDir, ".env"), "MISTRAL_API_KEY=" + FakeKeys.Mistral() + "\nASPNETCORE_ENVIRONMENT=Development\n");
        Directory.CreateDirectory(Path.Combine(outDir, "config"));
        var yaml = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            yaml.Append("service").Append(i).Append(":\n  url: https://svc").Append(i).Append(".example.com\n  timeout: 30\n");
        }

        File.WriteAllText(Path.Combine(outDir, "config", "services.yaml"), yaml.ToString());
        File.WriteAllText(Path.Combine(outDir, "App.config"), "<configuration><appSettings><add key=\"CohereApiKey\" value=\"" + FakeKeys.Cohere() + "\" /></appSettings></configuration>\n");

        int files = Math.Max(1, targetLines / LinesPerFile);
        int total = 0;
        for (int f = 0; f < files; f++)
        {
            string code = SourceFile(f, files);
            total += code.Count(c => c == '\n');
            File.WriteAllText(Path.Combine(src, "Service" + f.ToString("D4", CultureInfo.InvariantCulture) + ".cs"), code);
        }

        return total;
    }

    private static string SourceFile(int f, int files)
    {
        var sb = new StringBuilder();
        sb.Append("using System.Text;\nusing System.Text.Json;\nusing Microsoft.Extensions.Logging;\n\n".Replace("using Microsoft.Extensions.Logging;\n", string.Empty));
        sb.Append("namespace Large.Area").Append(f % 20).Append(";\n\n");
        int lines = 4;
        int m = 0;
        while (lines < LinesPerFile)
        {
            lines += Class(sb, f, m++, files);
        }

        return sb.ToString();
    }

    private static int Class(StringBuilder sb, int f, int c, int files)
    {
        string name = "Service" + f + "_" + c;
        int start = Count(sb);
        sb.Append("/// <summary>Handles orders for tenant ").Append(c).Append(" (see https://docs.example.com/orders#").Append(f).Append(").</summary>\n");
        sb.Append("public sealed class ").Append(name).Append("\n{\n");
        sb.Append("    private const string Prefix = \"orders/v").Append(c % 3).Append("/\";\n");
        sb.Append("    private const string Route = Prefix + \"items/\" + \"{id}\";\n");
        sb.Append("    private static readonly Guid TenantId = Guid.Parse(\"").Append(Guid(f, c)).Append("\");\n");
        sb.Append("    private const string Etag = \"").Append(Hex(f * 31 + c, 32)).Append("\";\n");
        sb.Append("    private readonly Dictionary<string, string> _settings = new()\n    {\n");
        sb.Append("        [\"Orders:Endpoint\"] = \"https://orders").Append(c).Append(".example.com/api\",\n");
        sb.Append("        [\"Orders:CacheKey\"] = \"orders-cache-").Append(Hex(c, 12)).Append("\",\n");
        sb.Append("        [\"Orders:Culture\"] = \"en-US\",\n    };\n\n");
        sb.Append("    public string Name { get; set; } = \"").Append(name).Append("\";\n");
        sb.Append("    public int Retries { get; init; } = ").Append(c % 5).Append(";\n\n");
        sb.Append("    // Builds the query for the orders of one customer; keep the column list in sync with the view.\n");
        sb.Append("    public string Query(int customer) => @\"SELECT o.Id, o.Total, o.Created\n        FROM dbo.Orders o\n        WHERE o.CustomerId = @customer AND o.Tenant = '\" + TenantId + @\"'\n        ORDER BY o.Created DESC\";\n\n");
        sb.Append("    public string Describe(int id, decimal total) => $\"Order {id} of {Name} totals {total:C} (etag {Etag})\";\n\n");
        sb.Append("    public string Payload(int id) => $$\"\"\"\n        { \"id\": {{id}}, \"service\": \"{{Name}}\", \"kind\": \"order\", \"hash\": \"").Append(Hex(id: f + c, 64)).Append("\" }\n        \"\"\";\n\n");
        sb.Append("    public string Status(int code) => code switch\n    {\n        200 => \"ok\",\n        404 => \"not found: \" + Route,\n        409 => \"conflict\",\n        _ => $\"unexpected status {code}\",\n    };\n\n");
        sb.Append("    public IEnumerable<string> Lines(IEnumerable<int> ids) => ids\n        .Where(i => i % 2 == 0)\n        .Select(i => \"line-\" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))\n        .OrderBy(s => s, StringComparer.Ordinal);\n\n");
        sb.Append("    public string Encode(string text)\n    {\n        var builder = new StringBuilder();\n        foreach (char ch in text)\n        {\n            builder.Append(ch == '\"' ? \"\\\\\\\"\" : ch.ToString());\n        }\n\n        return builder.ToString();\n    }\n\n");
        sb.Append("    /// <param name=\"text\">The text to check.</param>\n    /// <returns>True when the text is a known status.</returns>\n");
        sb.Append("    public static bool IsKnown(string text) => text is \"ok\" or \"conflict\" or \"not found\";\n\n");
        sb.Append("    public string Header() => \"Bearer \" + Name + \":\" + \"").Append(Hex(c + 7, 16)).Append("\";\n");

        // A few planted keys, far apart.
        if (c == 0 && f % (Math.Max(1, files / 6)) == 0)
        {
            switch ((f / Math.Max(1, files / 6)) % 4)
            {
                case 0:
                    sb.Append("    private const string OpenAiKey = \"").Append(FakeKeys.OpenAiProject("BenchFakeKeyNotReal")).Append("\";\n");
                    break;
                case 1:
                    string key = FakeKeys.Anthropic();
                    sb.Append("    private static readonly string Split = \"").Append(key.Substring(0, 40)).Append("\" +\n        \"").Append(key.Substring(40)).Append("\";\n");
                    break;
                case 2:
                    sb.Append("    // old key: ").Append(FakeKeys.GoogleApiKey()).Append('\n');
                    break;
                default:
                    sb.Append("    private readonly string mistralApiKey = \"").Append(FakeKeys.Mistral()).Append("\";\n");
                    break;
            }
        }

        sb.Append("}\n\n");
        return Count(sb) - start;
    }

    private static int Count(StringBuilder sb)
    {
        int n = 0;
        foreach (ReadOnlyMemory<char> chunk in sb.GetChunks())
        {
            n += chunk.Span.Count('\n');
        }

        return n;
    }

    private static string Guid(int a, int b) => new System.Guid(a, (short)b, (short)(a ^ b), 1, 2, 3, 4, 5, 6, 7, 8).ToString();

    private static string Hex(int id, int length)
    {
        var sb = new StringBuilder(length);
        uint x = (uint)(id * 2654435761u) | 1;
        while (sb.Length < length)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            sb.Append((x & 0xF).ToString("x", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
