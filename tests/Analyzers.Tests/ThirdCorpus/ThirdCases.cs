using System.Security.Cryptography;
using System.Text;

namespace Guardrails.Analyzers.Tests.ThirdCorpus;

/// <summary>
/// The corpus: construct × fixed-format key, naming context × gated key, file kind × key, key-named generic secrets
/// (GRD006), and traps for every look-alike kind (which must stay silent at warning and above).
/// </summary>
internal static class ThirdCases
{
    /// <summary>Names a developer might give a key: none of them says "key", several are not English.</summary>
    private static readonly string[] NeutralNames = ["value", "s", "Data", "_x", "token2", "Données", "ключ", "密钥", "cfgItem", "Payload", "p0", "Ünïcode"];

    private static string M(string s) => ThirdConstructs.Mark(s);

    private static string L(string s) => ThirdConstructs.Lit(s);

    /// <summary>Shows a key without leaking it: its first 8 and last 4 characters.</summary>
    public static string Redact(string key) => key.Length <= 16 ? key.Substring(0, Math.Min(4, key.Length)) + "…" : key.Substring(0, 8) + "…" + key.Substring(key.Length - 4);

    /// <summary>The key of each positive case, to show redacted examples of misses.</summary>
    public static readonly Dictionary<string, string> KeyOf = new();

    public static IEnumerable<TCase> All()
    {
        for (int ci = 0; ci < ThirdConstructs.All.Length; ci++)
        {
            Construct k = ThirdConstructs.All[ci];
            for (int fi = 0; fi < ThirdKeys.Fixed.Length; fi++)
            {
                ThirdKey form = ThirdKeys.Fixed[fi];
                var r = new Random(Seed(k.Name, form.Id));
                string key = form.Make(r);
                if (k.Applies != null && !k.Applies(key))
                {
                    continue;
                }

                var ctx = new Ctx(key, NeutralNames[fi % NeutralNames.Length], form, r);
                yield return Keep(new TCase((k.Stretch ? "stretch" : "must") + "/code/" + k.Name, form.Id, "GRD001", k.Build(ctx), [], k.Exe), key);
            }
        }

        for (int ci = 0; ci < ThirdContexts.CodeNames.Length; ci++)
        {
            Context n = ThirdContexts.CodeNames[ci];
            for (int gi = 0; gi < ThirdKeys.Gated.Length; gi++)
            {
                ThirdKey form = ThirdKeys.Gated[gi];
                var r = new Random(Seed(n.Name, form.Id));
                string key = form.Make(r);
                yield return Keep(new TCase("must/code-named/" + n.Name, form.Id, "GRD001", n.Code(new Ctx(key, "unused", form, r)), [], n.Exe), key);
            }
        }

        for (int ci = 0; ci < ThirdContexts.FileKinds.Length; ci++)
        {
            Context f = ThirdContexts.FileKinds[ci];
            bool gatedToo = ThirdContexts.GatedFileKinds.Contains(f.Name);
            for (int fi = 0; fi < ThirdKeys.Fixed.Length; fi++)
            {
                ThirdKey form = ThirdKeys.Fixed[fi];
                var r = new Random(Seed(f.Name, form.Id));
                string key = form.Make(r);
                yield return Keep(new TCase("must/file/" + f.Name, form.Id, "GRD002", [], f.Files(new Ctx(key, "unused", form, r))), key);
            }

            if (gatedToo)
            {
                for (int gi = 0; gi < ThirdKeys.Gated.Length; gi++)
                {
                    ThirdKey form = ThirdKeys.Gated[gi];
                    var r = new Random(Seed("named/" + f.Name, form.Id));
                    string key = form.Make(r);
                    yield return Keep(new TCase("must/file-named/" + f.Name, form.Id, "GRD002", [], f.Files(new Ctx(key, "unused", form, r))), key);
                }
            }
        }

        foreach (TCase c in WordFragments())
        {
            yield return c;
        }

        foreach (TCase c in Possible())
        {
            yield return c;
        }

        foreach (TCase c in Traps())
        {
            yield return c;
        }

        foreach (TCase c in Encoded())
        {
            yield return c;
        }

        foreach (TCase c in EncodedTraps())
        {
            yield return c;
        }

        // A key cut in two .resx entries with names that say nothing (A, B): measured, not required (only a key whose
        // format proves itself, a marker or a checksum, is a key when joined under neutral names).
        for (int fi = 0; fi < ThirdKeys.Fixed.Length; fi++)
        {
            ThirdKey form = ThirdKeys.Fixed[fi];
            var r = new Random(Seed("split/resx-neutral-names", form.Id));
            string key = form.Make(r);
            string[] p = new Ctx(key, "unused", form, r).Pieces(2);
            string resx = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n  <data name=\"A\" xml:space=\"preserve\">\n" + M("    <value>" + p[0] + "</value>") + "\n  </data>\n  <data name=\"B\" xml:space=\"preserve\">\n    <value>" + p[1] + "</value>\n  </data>\n</root>\n";
            yield return Keep(new TCase("stretch/file-split/resx-neutral-names", form.Id, "GRD002", [], [new TSrc("/src/App/Strings.resx", resx)]), key);
        }
    }

    /// <summary>
    /// Session 10: a key committed encoded in a file (written from RFC 4648, the Kubernetes Secret API, RFC 8259 §7 and
    /// RFC 7617 before measuring). Stretch: the file says it is an encoding only through a key's name or the format's rules.
    /// </summary>
    private static readonly (string Name, Func<string, string, TSrc> Make)[] EncodedFiles =
    [
        // Kubernetes Secret "data": base64 by definition of the API.
        ("k8s-secret-data-base64", (env, k) => new TSrc("/src/deploy/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ai\ntype: Opaque\ndata:\n" + M("  " + env + ": " + B64(k)) + "\n")),
        // base64url (RFC 4648 §5), unpadded, as JWT tooling writes it.
        ("appsettings-base64url-apikey", (env, k) => new TSrc("/src/App/appsettings.json", "{\n  \"Ai\": {\n" + M("    \"ApiKey\": \"" + B64(k).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"") + "\n  }\n}\n")),
        // base64 in JSON with '/' written as "\/" and '+' as "\u002B" (both legal JSON escapes, RFC 8259 §7).
        ("appsettings-base64-json-escaped", (env, k) => new TSrc("/src/App/appsettings.json", "{\n  \"Ai\": {\n" + M("    \"ApiKeyBase64\": \"" + B64(k).Replace("/", "\\/").Replace("+", "\\u002B") + "\"") + "\n  }\n}\n")),
        // Hex of the key's bytes under a key's name.
        (".env-hex-value", (env, k) => new TSrc("/src/.env", "LOG_LEVEL=info\n" + M(env + "_HEX=" + Convert.ToHexString(Encoding.ASCII.GetBytes(k)).ToLowerInvariant()) + "\n")),
        // Every character a YAML \x escape (YAML 1.2 §5.7).
        ("yaml-all-hex-escapes", (env, k) => new TSrc("/src/config/settings.yml", "ai:\n" + M("  apiKey: \"" + string.Concat(k.Select(ch => "\\x" + ((int)ch).ToString("x2", System.Globalization.CultureInfo.InvariantCulture))) + "\"") + "\n")),
        // HTTP Basic credentials (RFC 7617): base64 of "user:key" in a committed request file.
        (".http-basic-auth", (env, k) => new TSrc("/src/App/App.http", "GET https://api.contoso.example/v1/models\n" + M("Authorization: Basic " + B64("x-access-token:" + k)) + "\n")),
        // UTF-16LE base64 (what Convert.ToBase64String(Encoding.Unicode.GetBytes(key)) writes) under a key's name.
        ("appsettings-utf16-base64", (env, k) => new TSrc("/src/App/appsettings.json", "{\n  \"Ai\": {\n" + M("    \"ApiKey\": \"" + Convert.ToBase64String(Encoding.Unicode.GetBytes(k)) + "\"") + "\n  }\n}\n")),
    ];

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static IEnumerable<TCase> Encoded()
    {
        foreach (var (name, make) in EncodedFiles)
        {
            for (int fi = 0; fi < ThirdKeys.Fixed.Length; fi++)
            {
                ThirdKey form = ThirdKeys.Fixed[fi];
                var r = new Random(Seed("encoded/" + name, form.Id));
                string key = form.Make(r);
                yield return Keep(new TCase("stretch/file-encoded/" + name, form.Id, "GRD002", [], [make(form.Env, key)]), key);
            }
        }
    }

    /// <summary>Encoded look-alikes (session 10): base64 and hex that decode to no key. None may be reported.</summary>
    private static IEnumerable<TCase> EncodedTraps()
    {
        var r = new Random(900_010);
        string marker = ThirdKeys.OpenAiMarker;
        byte[] random = new byte[48];
        r.NextBytes(random);
        yield return CodeTrap("encoded-lookalike", "base64-of-words-named-key", "    public const string ApiKeyNote = \"" + B64("Contoso production tenant for nightly billing exports") + "\";");
        yield return CodeTrap("encoded-lookalike", "random-base64-decoded-salt", "    public static byte[] Salt() => Convert.FromBase64String(\"" + Convert.ToBase64String(random) + "\");");
        yield return CodeTrap("encoded-lookalike", "base64-of-placeholder-key", "    public const string OpenAiKeyBase64 = \"" + B64("sk-" + "proj-" + new string('x', 74) + marker + new string('x', 74)) + "\";");
        yield return CodeTrap("encoded-lookalike", "hex-of-words-decoded", "    public static string M() => Encoding.ASCII.GetString(Convert.FromHexString(\"" + Convert.ToHexString(Encoding.ASCII.GetBytes("skip-preflight-checks-on-startup")) + "\"));");
        yield return CodeTrap("encoded-lookalike", "regex-replace-sk-prefixed-words", "    public static readonly string Slug = System.Text.RegularExpressions.Regex.Replace(\"sk-" + "learn model card: quick start\", \"[^a-z]+\", \"-\");");
        yield return FileTrap("encoded-lookalike", "appsettings-sha256-hex-named", "/src/App/appsettings.json", "{\n  \"Ai\": {\n    \"ApiKeyHash\": \"" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes("contoso"))) + "\"\n  }\n}\n");
        yield return FileTrap("encoded-lookalike", "k8s-configmap-base64-of-json", "/src/deploy/config.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cfg\ndata:\n  settings.json: " + B64("{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"retries\":3}") + "\n");
        yield return FileTrap("encoded-lookalike", "base64url-random-thumbprint", "/src/App/appsettings.json", "{\n  \"Certificate\": {\n    \"Thumbprint\": \"" + Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"\n  }\n}\n");
    }

    /// <summary>A stable seed per case (FNV-1a of its names), so adding a class does not change the keys of the others.</summary>
    private static int Seed(string a, string b)
    {
        uint h = 2166136261;
        foreach (char ch in a + "|" + b)
        {
            h = (h ^ ch) * 16777619;
        }

        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>
    /// Random bodies contain English fragments by chance (about one 80-character key in 10,000 holds "your" in some
    /// casing). A placeholder filter must not drop a key whose body merely contains one.
    /// </summary>
    private static IEnumerable<TCase> WordFragments()
    {
        string[] fragments = ["youR", "Insert", "sAmple", "ExAmple", "rePlace", "Redacted", "Dummy", "Test"];
        string[] forms = ["openai-proj", "anthropic-api03", "google-aiza", "huggingface", "groq", "replicate", "xai", "perplexity", "together", "nvidia", "pinecone", "voyage"];
        foreach (string id in forms)
        {
            ThirdKey form = ThirdKeys.Fixed.Single(f => f.Id == id);
            foreach (string w in fragments)
            {
                var r = new Random(Seed("fragment/" + w, id));
                string key = form.Make(r);
                int at = key.Length - 4 - w.Length;
                key = key.Substring(0, at) + w + key.Substring(at + w.Length);
                yield return Keep(new TCase("must/code/literal-body-with-word-fragment", id + "+" + w, "GRD001", [ThirdConstructs.W(M("    public static readonly string Value = " + L(key) + ";"))], []), key);
            }
        }
    }

    private static TCase Keep(TCase c, string key)
    {
        KeyOf[c.Id] = key;
        return c;
    }

    /// <summary>Key-named settings holding a random value of no provider's format: GRD006 (possible secret) is expected.</summary>
    private static IEnumerable<TCase> Possible()
    {
        var shapes = new (string Name, Func<string, TCase> Make)[]
        {
            ("code-const-payments-api-key", v => new TCase("possible/code-const-payments-api-key", "", "GRD006", [ThirdConstructs.W(M("    private const string paymentsApiKey = " + L(v) + ";") + "\n    public static int Length => paymentsApiKey.Length;")], [])),
            ("code-client-secret-property", v => new TCase("possible/code-client-secret-property", "", "GRD006", [ThirdConstructs.W(M("    public static string ClientSecret { get; } = " + L(v) + ";"))], [])),
            ("code-bearer-header", v => new TCase("possible/code-bearer-header", "", "GRD006", [ThirdConstructs.W(M("    public static void M(HttpClient h) => h.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer " + v + "\");"))], [])),
            ("appsettings-billing-apikey", v => new TCase("possible/appsettings-billing-apikey", "", "GRD006", [], [new TSrc("/src/App/appsettings.json", "{\n  \"Billing\": {\n" + M("    \"ApiKey\": \"" + v + "\"") + "\n  }\n}\n")])),
            (".env-billing-api-key", v => new TCase("possible/.env-billing-api-key", "", "GRD006", [], [new TSrc("/src/.env", M("BILLING_API_KEY=" + v) + "\n")])),
            ("docker-compose-secret", v => new TCase("possible/docker-compose-secret", "", "GRD006", [], [new TSrc("/src/docker-compose.yml", "services:\n  api:\n    environment:\n" + M("      BILLING_SECRET: " + v) + "\n")])),
            (".http-bearer", v => new TCase("possible/.http-bearer", "", "GRD006", [], [new TSrc("/src/App/App.http", "GET https://billing.contoso.example/v2/invoices\n" + M("Authorization: Bearer " + v) + "\n")])),
        };
        for (int i = 0; i < 4; i++)
        {
            foreach (var (name, make) in shapes)
            {
                var r = new Random(Seed(name, "value" + i));
                string v = ThirdKeys.Body(r, 40, ThirdKeys.Alnum);
                TCase c = make(v) with { Form = "value" + i };
                yield return Keep(c, v);
            }
        }
    }

    private static TCase CodeTrap(string kind, string variant, string body) => new("trap/" + kind, variant, "", [ThirdConstructs.W(body)], []);

    private static TCase FileTrap(string kind, string variant, string path, string text) => new("trap/" + kind, variant, "", [], [new TSrc(path, text)]);

    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();

    /// <summary>Look-alikes that are not secrets (or are public by design). None may be reported at warning or above.</summary>
    private static IEnumerable<TCase> Traps()
    {
        var r = new Random(900_001);
        string marker = ThirdKeys.OpenAiMarker;

        var rs = new Random(900_777); // its own generator: the traps below keep their values
        // Sibling values that join into something key-shaped without being a key: no marker, a wrong checksum, or a
        // prefix-only shape under names that say nothing.
        yield return FileTrap("split-lookalike", "openai-head-tail-without-marker", "/src/App/appsettings.json", "{\n  \"OpenAI\": {\n    \"KeyHead\": \"sk-" + "proj-" + ThirdKeys.Body(rs, 74, ThirdKeys.Url) + "\",\n    \"KeyTail\": \"" + ThirdKeys.Body(rs, 74, ThirdKeys.Url) + "\"\n  }\n}\n");
        string badGh = ThirdKeys.GitHubWrongChecksum(rs);
        yield return FileTrap("split-lookalike", "github-wrong-checksum-two-lines", "/src/.env", "GH_TOKEN_PART1=" + badGh.Substring(0, 20) + "\nGH_TOKEN_PART2=" + badGh.Substring(20) + "\n");
        yield return FileTrap("split-lookalike", "google-prefix-neutral-names", "/src/App/appsettings.json", "{\n  \"Labels\": {\n    \"First\": \"AI" + "za\",\n    \"Second\": \"Sy" + ThirdKeys.Body(rs, 33, ThirdKeys.Url) + "\"\n  }\n}\n");
        yield return FileTrap("split-lookalike", "two-random-ids", "/src/App/appsettings.json", "{\n  \"Cache\": {\n    \"Part1\": \"" + ThirdKeys.Body(rs, 40, ThirdKeys.Alnum) + "\",\n    \"Part2\": \"" + ThirdKeys.Body(rs, 40, ThirdKeys.Alnum) + "\"\n  }\n}\n");

        // Documentation placeholders and hand-made fakes.
        yield return CodeTrap("doc-placeholder", "openai-proj-x-run", "    public const string OpenAiApiKey = \"sk-" + "proj-" + new string('x', 74) + marker + new string('x', 74) + "\";");
        yield return CodeTrap("doc-placeholder", "anthropic-x-run", "    public const string AnthropicApiKey = \"sk-" + "ant-api03-" + new string('x', 93) + "AA\";");
        yield return CodeTrap("doc-placeholder", "github-x-run", "    public const string GitHubToken = \"gh" + "p_" + new string('x', 36) + "\";");
        yield return CodeTrap("doc-placeholder", "google-X-run", "    public const string GeminiKey = \"AI" + "zaSy" + new string('X', 33) + "\";");
        yield return CodeTrap("doc-placeholder", "hf-x-run", "    public const string HfToken = \"hf" + "_" + new string('x', 34) + "\";");
        yield return CodeTrap("doc-placeholder", "your-key-here", "    public const string OpenAIApiKey = \"your-openai-api-key-here\";");
        yield return CodeTrap("doc-placeholder", "sk-ellipsis", "    public const string OpenAIApiKey = \"sk-...\";");
        yield return CodeTrap("doc-placeholder", "angle-brackets", "    public const string AnthropicApiKey = \"<YOUR_ANTHROPIC_API_KEY>\";");
        yield return CodeTrap("doc-placeholder", "sk-counting", "    public const string OpenAiKey = \"sk-" + "1234567890abcdef1234567890abcdef\";");
        yield return CodeTrap("doc-placeholder", "groq-abc123", "    public const string GroqKey = \"gs" + "k_" + string.Concat(Enumerable.Repeat("abc123", 9)).Substring(0, 52) + "\";");
        yield return CodeTrap("doc-placeholder", "mistral-1234abcd", "    public const string MistralApiKey = \"" + string.Concat(Enumerable.Repeat("1234abcd", 4)) + "\";");
        yield return CodeTrap("doc-placeholder", "openai-redacted", "    public const string OpenAiKey = \"sk-" + "proj-REDACTED\";");
        yield return CodeTrap("doc-placeholder", "anthropic-masked", "    public const string Shown = \"sk-" + "ant-api03-" + new string('*', 16) + "AA\";");
        yield return FileTrap("doc-placeholder", "appsettings-angle", "/src/App/appsettings.json", "{\n  \"OpenAI\": {\n    \"ApiKey\": \"<your-api-key>\",\n    \"OrgKey\": \"\",\n    \"Other\": null\n  }\n}\n");
        yield return FileTrap("doc-placeholder", ".env.example", "/src/.env.example", "OPENAI_API_KEY=sk-...\nANTHROPIC_API_KEY=your_anthropic_key_here\nMISTRAL_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nGROQ_API_KEY=\n");
        yield return CodeTrap("doc-placeholder", "xml-doc-example-x", "    /// <example>new Client(\"sk-" + "proj-" + new string('X', 20) + "\")</example>\n    public static object Make(string k) => k;");

        // Keys that the vendor documents publicly as examples or local development keys.
        string awsId = "AK" + "IA" + "IOSFODNN7" + "EXAMPLE";
        string awsSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY";
        yield return CodeTrap("vendor-documented-example", "aws-code", "    public const string AccessKeyId = \"" + awsId + "\";\n    public const string SecretAccessKey = \"" + awsSecret + "\";");
        yield return FileTrap("vendor-documented-example", "aws-credentials-env", "/src/.env", "AWS_ACCESS_KEY_ID=" + awsId + "\nAWS_SECRET_ACCESS_KEY=" + awsSecret + "\n");
        string azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UV" + "ErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        string cosmos = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVT" + "qobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
        yield return CodeTrap("emulator-key", "azurite-connection-string", "    public const string Storage = \"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + azurite + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\";");
        yield return CodeTrap("emulator-key", "azurite-account-key-named", "    public const string AccountKey = \"" + azurite + "\";");
        yield return CodeTrap("emulator-key", "cosmos-emulator-key", "    public const string CosmosKey = \"" + cosmos + "\";");
        yield return FileTrap("emulator-key", "cosmos-appsettings", "/src/App/appsettings.Development.json", "{\n  \"Cosmos\": {\n    \"Endpoint\": \"https://localhost:8081/\",\n    \"Key\": \"" + cosmos + "\"\n  },\n  \"Storage\": \"UseDevelopmentStorage=true\"\n}\n");
        yield return FileTrap("emulator-key", "servicebus-emulator", "/src/App/appsettings.Development.json", "{\n  \"ConnectionStrings\": {\n    \"bus\": \"Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;\"\n  }\n}\n");
        yield return FileTrap("emulator-key", "localstack-test-credentials", "/src/docker-compose.yml", "services:\n  app:\n    environment:\n      AWS_ACCESS_KEY_ID: test\n      AWS_SECRET_ACCESS_KEY: test\n      AWS_ENDPOINT_URL: http://localstack:4566\n");

        // GUIDs and ids.
        yield return CodeTrap("guid-or-id", "tenant-client-ids", "    public const string TenantId = \"" + ThirdKeys.Uuid(r) + "\";\n    public const string ClientId = \"" + ThirdKeys.Uuid(r) + "\";");
        yield return CodeTrap("guid-or-id", "nil-uuid-api-key", "    public const string ApiKey = \"00000000-0000-0000-0000-000000000000\";");
        yield return FileTrap("guid-or-id", "csproj-user-secrets-id", "/src/App/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <UserSecretsId>" + ThirdKeys.Uuid(r) + "</UserSecretsId>\n    <ProjectGuid>{" + ThirdKeys.Uuid(r).ToUpperInvariant() + "}</ProjectGuid>\n  </PropertyGroup>\n</Project>\n");
        yield return CodeTrap("guid-or-id", "openai-org-and-project-ids", "    public const string OrganizationId = \"org-" + ThirdKeys.Body(r, 24, ThirdKeys.Alnum) + "\";\n    public const string ProjectId = \"proj" + "_" + ThirdKeys.Body(r, 24, ThirdKeys.Alnum) + "\";");
        yield return CodeTrap("guid-or-id", "build-and-correlation-ids", "    public const string SourceRevisionId = \"" + ThirdKeys.Body(r, 40, ThirdKeys.HexLower) + "\";\n    public const string CorrelationPrefix = \"" + ThirdKeys.Body(r, 32, ThirdKeys.Alnum) + "\";");

        // Hashes, digests, integrity attributes.
        byte[] h256 = SHA256.HashData(Encoding.UTF8.GetBytes("contoso-api-key-v2"));
        yield return CodeTrap("hash", "api-key-sha256-named", "    public const string ApiKeySha256 = \"" + Hex(h256) + "\";");
        yield return CodeTrap("hash", "etag-md5", "    public const string ETag = \"\\\"" + Hex(MD5.HashData(Encoding.UTF8.GetBytes("body"))) + "\\\"\";");
        yield return FileTrap("hash", "workflow-pinned-action-sha", "/src/.github/workflows/build.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@" + Hex(SHA1.HashData(Encoding.UTF8.GetBytes("v4.2.2"))) + " # v4.2.2\n      - uses: actions/setup-dotnet@" + Hex(SHA1.HashData(Encoding.UTF8.GetBytes("v4.3.0"))) + "\n");
        yield return FileTrap("hash", "dockerfile-digest", "/src/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0@sha256:" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes("aspnet"))) + "\nCOPY . /app\n");
        yield return FileTrap("hash", "packages.lock.json-contentHash", "/src/App/packages.lock.json", "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {\n      \"OpenAI\": {\n        \"type\": \"Direct\",\n        \"requested\": \"[2.1.0, )\",\n        \"resolved\": \"2.1.0\",\n        \"contentHash\": \"" + Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes("openai"))) + "\"\n      }\n    }\n  }\n}\n");
        yield return FileTrap("hash", "cshtml-sri-integrity", "/src/App/Pages/Shared/_Layout.cshtml", "<script src=\"https://cdn.contoso.example/lib.min.js\" integrity=\"sha384-" + Convert.ToBase64String(SHA384.HashData(Encoding.UTF8.GetBytes("lib"))) + "\" crossorigin=\"anonymous\"></script>\n");

        // Base64 of words, JWT examples, public keys.
        yield return CodeTrap("base64-of-words", "secret-named", "    public const string DefaultSecret = \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("This is not a secret, just a sentence for the demo")) + "\";");
        yield return FileTrap("base64-of-words", "appsettings-token", "/src/App/appsettings.json", "{\n  \"Jwt\": {\n    \"SigningKey\": \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("development signing key, replace in production please")) + "\"\n  }\n}\n");
        yield return CodeTrap("jwt-example", "jwt.io-example", "    public const string SampleToken = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\";");
        yield return CodeTrap("jwt-example", "jwt-header-only", "    public const string TokenHeader = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\";");
        yield return CodeTrap("public-key", "strong-name-internals-visible-to", "    public const int Version = 1;").WithExtra(new TSrc("AssemblyInfo.cs", "using System.Runtime.CompilerServices;\n\n[assembly: InternalsVisibleTo(\"Contoso.App.Tests, PublicKey=0024000004800000940000000602000000240000525341310004000001000100" + ThirdKeys.Body(r, 256, ThirdKeys.HexLower) + "\")]\n"));
        yield return CodeTrap("public-key", "pem-public-key", "    public const string Pem = \"\"\"\n        -----BEGIN PUBLIC KEY-----\n        " + Convert.ToBase64String(RandomBytes(r, 48)) + "\n        " + Convert.ToBase64String(RandomBytes(r, 48)) + "\n        -----END PUBLIC KEY-----\n        \"\"\";");
        yield return FileTrap("public-key", "workflow-known-hosts", "/src/.github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      KNOWN_HOSTS: \"deploy.contoso.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + Convert.ToBase64String(RandomBytes(r, 30)) + "\"\n    steps:\n      - run: ./deploy.sh\n");
        yield return FileTrap("public-key", "web.config-public-key-token", "/src/App/web.config", "<configuration>\n  <runtime>\n    <assemblyBinding xmlns=\"urn:schemas-microsoft-com:asm.v1\">\n      <dependentAssembly>\n        <assemblyIdentity name=\"System.Memory\" publicKeyToken=\"cc7b13ffcd2ddd51\" culture=\"neutral\" />\n        <bindingRedirect oldVersion=\"0.0.0.0-4.0.1.2\" newVersion=\"4.0.1.2\" />\n      </dependentAssembly>\n    </assemblyBinding>\n  </runtime>\n</configuration>\n");

        // Names that are words: configuration sections, DI keys, secret names, model ids.
        yield return CodeTrap("config-section-name", "get-section-pascal", "    public interface IConfig\n    {\n        IConfig GetSection(string key);\n    }\n\n    public static IConfig M(IConfig c) => c.GetSection(\"AzureAIInference\").GetSection(\"OpenAIChatCompletionEndpointSettings\");");
        yield return CodeTrap("config-section-name", "section-name-consts", "    public const string SectionName = \"AzureOpenAIEmbeddingGeneration\";\n    public const string KeyPath = \"AzureOpenAI:ApiKey\";\n    public const string ApiKeyHeaderName = \"X-Api-Key\";\n    public const string ApiKey = nameof(ApiKey);");
        yield return CodeTrap("di-key", "keyed-services", "    [AttributeUsage(AttributeTargets.Parameter)]\n    public sealed class FromKeyedServicesAttribute(object key) : Attribute\n    {\n        public object Key { get; } = key;\n    }\n\n    public static void Use([FromKeyedServices(\"openai-gpt4o-mini-chat-primary\")] object chat)\n    {\n    }\n\n    public const string ChatClientKey = \"AzureOpenAIChatClientPrimaryKey\";");
        yield return CodeTrap("secret-name-not-value", "key-vault-secret-names", "    public const string OpenAiKeySecretName = \"openai-api-key-prod\";\n    public const string AnthropicKeyEnvironmentVariable = \"ANTHROPIC_API_KEY\";");
        yield return CodeTrap("model-id", "model-and-deployment-names", "    public const string Chat = \"gpt-4o-mini-2024-07-18\";\n    public const string Claude = \"claude-3-5-sonnet-20241022\";\n    public const string Bedrock = \"anthropic.claude-3-5-sonnet-20240620-v1:0\";\n    public const string MistralDeployment = \"mistral-large-2411\";\n    public const string Arn = \"arn:aws:bedrock:us-east-1:123456789012:foundation-model/anthropic.claude-3-haiku-20240307-v1:0\";");

        // Templated values: the key comes from elsewhere.
        yield return FileTrap("template-reference", "compose-variable", "/src/docker-compose.yml", "services:\n  api:\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n      ANTHROPIC_API_KEY: \"${ANTHROPIC_API_KEY:?set it}\"\n");
        yield return FileTrap("template-reference", "workflow-secrets", "/src/.github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n    steps:\n      - run: dotnet test\n");
        yield return FileTrap("template-reference", "azure-pipelines-macro", "/src/azure-pipelines.yml", "variables:\n  - group: ai-keys\nsteps:\n  - script: dotnet test\n    env:\n      OPENAI_API_KEY: $(OpenAIApiKey)\n");
        yield return FileTrap("template-reference", "token-replacement", "/src/App/appsettings.Release.json", "{\n  \"OpenAI\": { \"ApiKey\": \"#{OpenAIApiKey}#\" },\n  \"Anthropic\": { \"ApiKey\": \"__ANTHROPIC_API_KEY__\" }\n}\n");
        yield return FileTrap("template-reference", "key-vault-reference", "/src/App/local.settings.json", "{\n  \"Values\": {\n    \"OPENAI_API_KEY\": \"@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/openai-key/)\"\n  }\n}\n");
        yield return FileTrap("template-reference", "http-dotenv", "/src/App/App.http", "GET https://api.openai.com/v1/models\nAuthorization: Bearer {{$dotenv OPENAI_API_KEY}}\n\n###\nGET https://api.anthropic.com/v1/models\nx-api-key: {{anthropicKey}}\n");
        yield return FileTrap("template-reference", "mcp-inputs", "/src/.vscode/mcp.json", "{\n  \"inputs\": [ { \"type\": \"promptString\", \"id\": \"openai-key\", \"password\": true } ],\n  \"servers\": {\n    \"ai\": { \"command\": \"npx\", \"env\": { \"OPENAI_API_KEY\": \"${input:openai-key}\", \"GITHUB_TOKEN\": \"${env:GITHUB_TOKEN}\" } }\n  }\n}\n");

        // Connection strings that hold no secret.
        yield return FileTrap("connection-string-no-secret", "appsettings", "/src/App/appsettings.json", "{\n  \"ConnectionStrings\": {\n    \"Default\": \"Server=(localdb)\\\\mssqllocaldb;Database=App;Trusted_Connection=True;MultipleActiveResultSets=true\",\n    \"Redis\": \"localhost:6379,abortConnect=false\",\n    \"AzureOpenAI\": \"Endpoint=https://contoso.openai.azure.com/;Deployment=gpt-4o\"\n  }\n}\n");
        yield return CodeTrap("connection-string-no-secret", "code", "    public const string Db = \"Host=localhost;Database=app;Username=app;Integrated Security=true\";\n    public const string Storage = \"UseDevelopmentStorage=true\";");

        // Test vectors from standards.
        yield return CodeTrap("test-vector", "crc-sha-aes", "    public const string CrcInput = \"123456789\";\n    public const string CrcCheck = \"cbf43926\";\n    public const string Sha256OfAbc = \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\";\n    public const string AesTestKey = \"2b7e151628aed2a6abf7158809cf4f3c\";\n    public const string HmacKey = \"0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b\";");

        // Look-alike strings: checksums that do not hold, identifiers after a prefix, CSS classes.
        yield return CodeTrap("lookalike", "github-wrong-checksum-neutral-name", "    public const string Value = \"" + ThirdKeys.GitHubWrongChecksum(r) + "\";");
        yield return CodeTrap("lookalike", "hf-camel-case-identifier", "    public const string Handler = \"hf" + "_downloadModelWeightsFromHubRepoNow\";");
        yield return CodeTrap("lookalike", "sk-css-class", "    public const string CssClass = \"sk-" + "proj-card-header-expanded-variant\";");

        // Key-named values that are public or identifiers by design.
        yield return FileTrap("public-by-design", "vapid-public-key-and-recaptcha-site-key", "/src/App/appsettings.json", "{\n  \"WebPush\": {\n    \"PublicKey\": \"B" + Convert.ToBase64String(RandomBytes(r, 64)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"\n  },\n  \"ReCaptcha\": {\n    \"SiteKey\": \"6Lc" + ThirdKeys.Body(r, 37, ThirdKeys.Url) + "\"\n  }\n}\n");
        yield return CodeTrap("public-by-design", "stripe-publishable-key", "    public const string PublishableKey = \"pk_" + "live_" + ThirdKeys.Body(r, 99, ThirdKeys.Alnum) + "\";");
        yield return FileTrap("public-by-design", "certificate-thumbprint", "/src/App/appsettings.json", "{\n  \"Signing\": {\n    \"CertificateThumbprint\": \"" + ThirdKeys.Body(r, 40, "0123456789ABCDEF") + "\",\n    \"KeyId\": \"" + ThirdKeys.Body(r, 32, ThirdKeys.HexLower) + "\"\n  }\n}\n");
        yield return CodeTrap("public-by-design", "key-vault-key-identifier", "    public const string SigningKeyId = \"https://contoso-kv.vault.azure.net/keys/signing/" + ThirdKeys.Body(r, 32, ThirdKeys.HexLower) + "\";");
        yield return CodeTrap("vendor-documented-example", "aws-second-example-pair", "    public const string AccessKeyId = \"AK" + "IAI44QH8DHB" + "EXAMPLE\";\n    public const string SecretAccessKey = \"je7MtGbClwBF/2Zp9Utk/" + "h3yCo8nvb" + "EXAMPLEKEY\";");
        yield return CodeTrap("vendor-documented-example", "github-docs-example-token", "    public const string Token = \"gh" + "p_16C7e42F292c6912E7710c838347Ae178B4a\";");
        yield return CodeTrap("doc-placeholder", "hex-counting-encryption-key", "    public const string EncryptionKey = \"0123456789abcdef0123456789abcdef\";");
        yield return CodeTrap("doc-placeholder", "unicode-ellipsis", "    public const string OpenAiApiKey = \"sk-" + "proj-\u2026\";\n    public const string AnthropicApiKey = \"sk-" + "ant-\u2026\";");

        // Round 2: values a real repository commits next to key names.
        yield return FileTrap("public-by-design", "app-insights-connection-string", "/src/App/appsettings.json", "{\n  \"ApplicationInsights\": {\n    \"ConnectionString\": \"InstrumentationKey=" + ThirdKeys.Uuid(r) + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/\"\n  }\n}\n");
        yield return FileTrap("template-reference", "npmrc-and-nuget-env", "/src/ClientApp/.npmrc", "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}\n");
        yield return FileTrap("template-reference", "nuget.config-percent-variable", "/src/nuget.config", "<configuration>\n  <packageSourceCredentials>\n    <github>\n      <add key=\"Username\" value=\"ci\" />\n      <add key=\"ClearTextPassword\" value=\"%GITHUB_TOKEN%\" />\n    </github>\n  </packageSourceCredentials>\n</configuration>\n");
        yield return FileTrap("template-reference", "azure-pipelines-system-access-token", "/src/azure-pipelines.yml", "steps:\n  - script: dotnet nuget push *.nupkg --api-key $(System.AccessToken)\n    env:\n      SYSTEM_ACCESSTOKEN: $(System.AccessToken)\n");
        yield return FileTrap("nonce-or-id", "cshtml-csp-nonce", "/src/App/Pages/Shared/_Scripts.cshtml", "<script nonce=\"" + Convert.ToBase64String(RandomBytes(r, 16)) + "\">window.cfg = {};</script>\n");
        yield return CodeTrap("config-section-name", "options-section-consts", "    public const string Section = \"AzureOpenAIChatCompletionKeyRotationOptions\";\n    public const string HeaderName = \"Ocp-Apim-Subscription-Key\";\n    public const string KeyHeader = \"x-functions-key\";");
        yield return CodeTrap("hash", "key-fingerprint-sha256-base64", "    public const string ApiKeyFingerprint = \"SHA256:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("fingerprint"))).TrimEnd('=') + "\";");
        yield return CodeTrap("doc-placeholder", "xml-doc-your-key", "    /// <param name=\"apiKey\">Your key, e.g. <c>sk-proj-...</c> or <c>sk-ant-api03-...</c>.</param>\n    public static object Make(string apiKey) => apiKey;");
        yield return FileTrap("doc-placeholder", "readme-placeholders", "/src/README.md", "# Setup\n\n```bash\nexport OPENAI_API_KEY=sk-...\nexport ANTHROPIC_API_KEY=<your key>\nexport GEMINI_API_KEY=YOUR_GEMINI_API_KEY\n```\n");
        yield return FileTrap("guid-or-id", "sln-project-guids", "/src/Contoso.sln", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Contoso.App\", \"src\\Contoso.App\\Contoso.App.csproj\", \"{" + ThirdKeys.Uuid(r).ToUpperInvariant() + "}\"\nEndProject\n");

        // Round 3: references to a secret kept elsewhere.
        yield return FileTrap("template-reference", "k8s-secretKeyRef", "/src/deploy/deployment.yaml", "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: MISTRAL_API_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: ai-keys\n                  key: mistral-api-key\n");
        yield return FileTrap("template-reference", "compose-secrets-file", "/src/docker-compose.yml", "services:\n  api:\n    secrets:\n      - openai_api_key\nsecrets:\n  openai_api_key:\n    file: ./secrets/openai_api_key.txt\n");
        yield return FileTrap("template-reference", "bicep-secure-param-and-keyvault", "/src/infra/main.bicep", "@secure()\nparam mistralApiKey string\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'contoso-kv'\n}\n\nvar openAiKey = kv.getSecret('openai-api-key')\n");
        yield return FileTrap("template-reference", "terraform-sensitive-variable", "/src/infra/variables.tf", "variable \"openai_api_key\" {\n  type      = string\n  sensitive = true\n}\n\nvariable \"mistral_api_key\" {\n  type    = string\n  default = \"\"\n}\n");
        yield return FileTrap("template-reference", "appsettings-env-expansion", "/src/App/appsettings.json", "{\n  \"Mistral\": { \"ApiKey\": \"${MISTRAL_API_KEY}\" },\n  \"Cohere\": { \"ApiKey\": \"%CO_API_KEY%\" }\n}\n");

        // Blobs: minified assets        // Blobs: minified assets        // Blobs: minified assets, embedded images, notebook outputs.
        string font = Convert.ToBase64String(RandomBytes(r, 600));
        yield return FileTrap("blob", "minified-css-font", "/src/App/wwwroot/css/site.min.css", "body{margin:0}@font-face{font-family:Icons;src:url(data:font/woff2;base64," + font + ") format(\"woff2\")}.btn{color:#0d6efd}\n");
        yield return FileTrap("blob", "minified-js", "/src/App/wwwroot/js/site.min.js", "!function(e,t){\"use strict\";var n=\"" + ThirdKeys.Body(r, 64, ThirdKeys.Alnum) + "\",r=function(e){return e.apiKey=window.cfg.apiKey,e};t.init=r}(window,{});\n");
        yield return CodeTrap("blob", "embedded-png-base64", "    public const string LogoPng = \"iVBORw0KGgo" + Convert.ToBase64String(RandomBytes(r, 240)) + "\";");
        yield return FileTrap("blob", "notebook-image-output", "/src/notebooks/plot.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"outputs\": [ { \"output_type\": \"display_data\", \"data\": { \"image/png\": \"iVBORw0KGgo" + Convert.ToBase64String(RandomBytes(r, 900)) + "\" }, \"metadata\": {} } ],\n   \"source\": [ \"plot()\" ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
    }

    private static byte[] RandomBytes(Random r, int n)
    {
        var b = new byte[n];
        r.NextBytes(b);
        return b;
    }

    private static TCase WithExtra(this TCase c, TSrc extra) => c with { Code = c.Code.Append(extra).ToArray() };
}
