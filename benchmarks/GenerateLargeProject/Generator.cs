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
    public static int Write(string outDir, int targetLines, string repo, bool enterprise = false, int linesPerFile = 500)
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
                <AdditionalFiles Include="appsettings.json;.env;config/*.yaml;App.config;guardrails/guardrails.effective-policy.json" />
              </ItemGroup>
            </Project>
            """);
        // A central policy is in force (approving no AI SDK), as the build task would write it: GRD003/GRD004 are active.
        Directory.CreateDirectory(Path.Combine(outDir, "guardrails"));
        File.WriteAllText(Path.Combine(outDir, "guardrails", "guardrails.effective-policy.json"), "{ \"effectivePolicyFormat\": 2, \"mode\": \"Audit\", \"policy\": { \"present\": true }, \"owner\": { \"name\": \"AI Governance\", \"contact\": \"ai@contoso.example\" } }\n");
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

        int files = Math.Max(1, targetLines / linesPerFile);
        int total = 0;
        for (int f = 0; f < files; f++)
        {
            string code = SourceFile(f, files, enterprise, linesPerFile);
            total += code.Count(c => c == '\n');
            File.WriteAllText(Path.Combine(src, "Service" + f.ToString("D4", CultureInfo.InvariantCulture) + ".cs"), code);
        }

        return total;
    }

    private static string SourceFile(int f, int files, bool enterprise, int linesPerFile)
    {
        var sb = new StringBuilder();
        sb.Append("using System.Text;\nusing System.Text.Json;\nusing Microsoft.Extensions.Logging;\n\n".Replace("using Microsoft.Extensions.Logging;\n", string.Empty));
        sb.Append("namespace Large.Area").Append(f % 20).Append(";\n\n");
        int lines = 4;
        int m = 0;
        while (lines < linesPerFile)
        {
            lines += enterprise ? EnterpriseClass(sb, f, m++) : Class(sb, f, m++, files);
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

    /// <summary>
    /// --shape enterprise: almost every line a string a key scanner must judge. SQL, URLs, GUIDs, hashes, base64 blobs,
    /// connection strings, settings dictionaries with ApiKey-like names holding placeholders, raw JSON, options classes
    /// with key-named properties, HTTP headers; no key at all (the figure is the cost of wading through look-alikes).
    /// </summary>
    private static int EnterpriseClass(StringBuilder sb, int f, int c)
    {
        string name = "Integration" + f + "_" + c;
        int start = Count(sb);
        string blob = Convert.ToBase64String(Encoding.ASCII.GetBytes("certificate-thumbprint-" + Hex(f * 7 + c, 24)));
        sb.Append("/// <summary>Partner integration ").Append(c).Append(" (https://partners.example.com/docs/").Append(f).Append(").</summary>\n");
        sb.Append("public sealed class ").Append(name).Append("Options\n{\n");
        sb.Append("    public const string SectionName = \"Partners:").Append(name).Append("\";\n");
        sb.Append("    public string ApiKey { get; set; } = \"<your-api-key>\";\n");
        sb.Append("    public string ClientSecret { get; set; } = string.Empty;\n");
        sb.Append("    public string AccessToken { get; set; } = \"${PARTNER_").Append(c).Append("_TOKEN}\";\n");
        sb.Append("    public string SigningKeyId { get; set; } = \"").Append(Guid(f, c)).Append("\";\n");
        sb.Append("    public string Thumbprint { get; set; } = \"").Append(Hex(f + c * 13, 40).ToUpperInvariant()).Append("\";\n");
        sb.Append("    public string Endpoint { get; set; } = \"https://api").Append(c).Append(".partner-").Append(f).Append(".example.com/v2/\";\n}\n\n");
        sb.Append("public sealed class ").Append(name).Append("\n{\n");
        sb.Append("    private const string ConnectionString = \"Server=tcp:sql").Append(f).Append(".database.example.net,1433;Initial Catalog=Orders").Append(c)
          .Append(";Persist Security Info=False;User ID=app;Password=${SQL_PASSWORD};MultipleActiveResultSets=False;Encrypt=True;\";\n");
        sb.Append("    private const string StorageConnection = \"DefaultEndpointsProtocol=https;AccountName=store").Append(f).Append(";AccountKey=<account-key>;EndpointSuffix=core.windows.net\";\n");
        sb.Append("    private const string Certificate = \"").Append(blob).Append("\";\n");
        sb.Append("    private const string Checksum = \"").Append(Hex(f * 131 + c, 64)).Append("\";\n");
        sb.Append("    private const string ContentMd5 = \"").Append(Convert.ToBase64String(Encoding.ASCII.GetBytes(Hex(c + f, 16)))).Append("\";\n");
        sb.Append("    private static readonly Guid CorrelationId = new(\"").Append(Guid(c, f)).Append("\");\n");
        sb.Append("    private readonly Dictionary<string, string> _settings = new()\n    {\n");
        sb.Append("        [\"Partner:ApiKey\"] = \"REPLACE_ME\",\n");
        sb.Append("        [\"Partner:ClientSecret\"] = \"\",\n");
        sb.Append("        [\"Partner:TokenEndpoint\"] = \"https://login.partner.example.com/oauth2/v2.0/token\",\n");
        sb.Append("        [\"Partner:Scope\"] = \"api://").Append(Guid(f, c)).Append("/.default\",\n");
        sb.Append("        [\"Cache:Key\"] = \"partner-").Append(Hex(c, 16)).Append("\",\n");
        sb.Append("        [\"Feature:Flags\"] = \"orders,invoices,refunds\",\n    };\n\n");
        sb.Append("    private static readonly string[] Columns = { \"OrderId\", \"CustomerId\", \"TotalAmount\", \"CurrencyCode\", \"CreatedUtc\" };\n\n");
        sb.Append("    public string Select(int tenant) => @\"SELECT o.OrderId, o.CustomerId, o.TotalAmount, o.CurrencyCode\n        FROM sales.Orders o WITH (NOLOCK)\n        INNER JOIN sales.Customers c ON c.CustomerId = o.CustomerId\n        WHERE o.TenantId = @tenant AND o.Status IN ('Open', 'Pending') AND c.Region = 'EU-West'\n        ORDER BY o.CreatedUtc DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY\";\n\n");
        sb.Append("    public string Upsert => \"MERGE INTO sales.Orders AS t USING (VALUES (@id, @total)) AS s (Id, Total) ON t.OrderId = s.Id WHEN MATCHED THEN UPDATE SET TotalAmount = s.Total;\";\n\n");
        sb.Append("    public string Payload(int id, string customer) => $$\"\"\"\n        {\n          \"id\": {{id}},\n          \"customer\": \"{{customer}}\",\n          \"apiVersion\": \"2024-10-21\",\n          \"signature\": \"").Append(Hex(id: f * 3 + c, 64)).Append("\",\n          \"callback\": \"https://hooks.example.com/partners/").Append(c).Append("/events?tenant=").Append(f).Append("\",\n          \"apiKey\": \"{{Environment.GetEnvironmentVariable(\"PARTNER_API_KEY\")}}\"\n        }\n        \"\"\";\n\n");
        sb.Append("    public HttpRequestMessage Request(string token) => new(HttpMethod.Post, \"https://api.partner.example.com/v2/orders?api-version=2024-10-21\")\n    {\n        Headers = { { \"Authorization\", \"Bearer \" + token }, { \"x-ms-client-request-id\", \"").Append(Guid(f + 1, c)).Append("\" } },\n    };\n\n");
        sb.Append("    public string Describe(int id, decimal total) => $\"Order {id} for partner {SectionName} totals {total:C} (checksum {Checksum[..8]})\";\n\n");
        sb.Append("    private const string SectionName = \"Partners:").Append(name).Append("\";\n");
        sb.Append("    public string Level(int code) => code switch\n    {\n        0 => \"Information\",\n        1 => \"Warning\",\n        2 => \"Error\",\n        _ => \"Critical: \" + code,\n    };\n");
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
