using System.Text;
using static Guardrails.Analyzers.Tests.IndependentCorpus.Cs;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>
/// Look-alikes that must stay silent. <see cref="Placeholder"/> traps are documentation fakes, public example keys
/// or non-secret values, silent even under a key name; the others are random look-alikes of a key shape (wrong
/// marker, wrong checksum, wrong length, a hash, a prefix alone), silent under a neutral name.
/// </summary>
internal sealed record Trap(string Kind, string Value, bool Placeholder);

internal static class Traps
{
    private static string Rep(char c, int n) => new(c, n);

    private static string CamelWords(KeyForge f, int length)
    {
        string[] words = { "model", "config", "loader", "token", "cache", "tensor", "pipeline", "dataset", "vision", "encoder", "weights", "batch", "reader", "adapter", "layer", "split", "train", "infer" };
        while (true)
        {
            var sb = new StringBuilder();
            while (sb.Length < length)
            {
                string w = words[f.Next(words.Length)];
                sb.Append(sb.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1));
            }

            if (sb.Length == length)
            {
                return sb.ToString();
            }
        }
    }

    public static IReadOnlyList<Trap> Build(KeyForge f)
    {
        string m = KeyForge.OpenAiMarker;
        var traps = new List<Trap>
        {
            // ---- shape look-alikes (neutral names) ----
            new("OpenAI prefix without the T3BlbkFJ marker", "sk-" + "proj-" + f.Body(156, KeyForge.UrlSafe), false),
            new("OpenAI marker inside a base64 blob", Convert.ToBase64String(Encoding.UTF8.GetBytes("OpenAI is the provider configured for this tenant.")), false),
            new("Anthropic body with wrong suffix", "sk-" + "ant-api03-" + f.Body(93, KeyForge.UrlSafe) + "Qz", false),
            new("Anthropic body too short", "sk-" + "ant-api03-" + f.Body(40, KeyForge.UrlSafe) + "AA", false),
            new("GitHub ghp_ with a wrong checksum", f.GitHubToken("gh" + "p_", validChecksum: false), false),
            new("GitHub gho_ with a wrong checksum", f.GitHubToken("gh" + "o_", validChecksum: false), false),
            new("GitHub ghp_ too short", "gh" + "p_" + f.Body(20, KeyForge.Alnum), false),
            new("Google AIza too short", "AI" + "za" + f.Body(30, KeyForge.UrlSafe), false),
            new("AWS id too short", "AK" + "IA" + f.Body(12, KeyForge.Base32), false),
            new("AWS id inside a longer upper-case word", "AK" + "IA" + f.Body(30, KeyForge.Upper), false),
            new("hf_ + camelCase identifier words", "hf" + "_" + CamelWords(f, 34), false),
            new("MD5 hex digest", f.Body(32, KeyForge.LowerHex), false),
            new("GUID without dashes", f.Guid().Replace("-", string.Empty), false),
            new("git commit SHA-1", f.Body(40, KeyForge.LowerHex), false),
            new("SHA-256 hex digest", f.Body(64, KeyForge.LowerHex), false),
            new("base64 hash of 30 bytes", Convert.ToBase64String(f.Bytes(30)), false),
            new("84 random base62 without Azure markers", f.Body(84, KeyForge.Alnum), false),
            new("sk- + 48 random (no marker, no name)", "sk-" + f.Body(48, KeyForge.Alnum), false),
            new("prefix alone sk-proj-", "sk-" + "proj-", false),
            new("prefix alone sk-ant-api03-", "sk-" + "ant-api03-", false),
            new("prefix alone nvapi-", "nv" + "api-", false),
            new("prefix alone github_pat_", "github" + "_pat_", false),
            new("format regex OpenAI", "sk-" + "(proj|svcacct|admin)-[A-Za-z0-9_-]{74}" + m + "[A-Za-z0-9_-]{74}", false),
            new("format regex AWS", "\\b(AK" + "IA|AS" + "IA)[A-Z2-7]{16}\\b", false),
            new("format regex GitHub", "gh" + "[pousr]_[A-Za-z0-9]{36}", false),

            // ---- placeholders, documentation fakes and public well-known values (any name) ----
            new("OpenAI x-filled with marker", "sk-" + "proj-" + Rep('x', 74) + m + Rep('x', 74), true),
            new("Anthropic x-filled", "sk-" + "ant-api03-" + Rep('x', 93) + "AA", true),
            new("GitHub x-filled", "gh" + "p_" + Rep('x', 36), true),
            new("AWS id X-filled", "AK" + "IA" + Rep('X', 16), true),
            new("AWS documented example id", "AKIA" + "IOSFODNN7" + "EXAMPLE", true),
            new("AWS documented example secret", "wJalrXUtnFEMI" + "/K7MDENG/bPxRfiCY" + "EXAMPLEKEY", true),
            new("Google X-filled", "AI" + "zaSy" + Rep('X', 33), true),
            new("NVIDIA x-filled", "nv" + "api-" + Rep('x', 64), true),
            new("hf_ x-filled", "hf" + "_" + Rep('x', 34), true),
            new("sk-...", "sk-" + "...", true),
            new("sk-your-key-here", "sk-" + "your-key-here", true),
            new("sequential sk-1234567890abcdef", "sk-" + "1234567890abcdef1234567890abcdef", true),
            new("abc123 repeated", "abc123abc123abc123abc123abc123ab", true),
            new("1234abcd repeated", "1234abcd1234abcd1234abcd1234abcd", true),
            new("32 x", Rep('x', 32), true),
            new("stars", Rep('*', 16), true),
            new("your-api-key-here", "your-api-key-here", true),
            new("<angle placeholder>", "<your-mistral-api-key>", true),
            new("${VAR}", "${MISTRAL_API_KEY}", true),
            new("{{ secrets.X }}", "{{ secrets.MISTRAL_API_KEY }}", true),
            new("%VAR%", "%MISTRAL_API_KEY%", true),
            new("$(Property)", "$(MistralApiKey)", true),
            new("REPLACE_ME", "REPLACE_ME", true),
            new("header name x-api-key", "x-api-key", true),
            new("env var name as value", "MISTRAL_API_KEY", true),
            new("key vault secret name", "mistral-api-key-prod", true),
            new("config section name with acronym", "AzureAIInference", true),
            new("URL of the key page", "https://console.mistral.ai/api-keys", true),
            new("Azurite well-known account key", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/" + "K1SZFPTOtr/KBHBeksoGMGw==", true),
            new("Cosmos DB emulator well-known key", "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/" + "Jw==", true),
            new("base64 of readable words", Convert.ToBase64String(Encoding.UTF8.GetBytes("this is not a secret, just a sentence")), true),
        };
        return traps;
    }

    /// <summary>Where a trap is placed: C# and files, with a neutral name or (placeholders only) a key name.</summary>
    public static IEnumerable<(string Placement, (string Path, string Text)[] Sources, (string Path, string Text)[] Files)> Placements(Trap t)
    {
        string v = t.Value;
        yield return ("C# neutral field", new[] { ("/src/Case.cs", Holder($"    public static readonly string Value = {Reg(v)};")) }, Array.Empty<(string, string)>());
        yield return ("C# verbatim + comment", new[] { ("/src/Case.cs", Holder($"    // e.g. {v.Replace("*/", string.Empty)}\n    public static readonly string Value = {Verb(v)};")) }, Array.Empty<(string, string)>());
        yield return ("C# StartsWith check", new[] { ("/src/Case.cs", Holder($"    public static bool Looks(string s) => s.StartsWith({Reg(v)}, StringComparison.Ordinal);")) }, Array.Empty<(string, string)>());
        yield return ("C# split literal", new[] { ("/src/Case.cs", Holder($"    public static readonly string Value = {Reg(v.Substring(0, v.Length / 2))} + {Reg(v.Substring(v.Length / 2))};")) }, Array.Empty<(string, string)>());
        yield return ("JSON file neutral", Array.Empty<(string, string)>(), new[] { ("/app/appsettings.json", "{\n  \"Settings\": {\n    \"Value\": \"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"\n  }\n}\n") });
        if (t.Placeholder)
        {
            yield return ("C# key-named field", new[] { ("/src/Case.cs", Holder($"    public static readonly string MistralApiKey = {Reg(v)};")) }, Array.Empty<(string, string)>());
            yield return ("C# AWS-named field", new[] { ("/src/Case.cs", Holder($"    public const string AWS_SECRET_ACCESS_KEY = {Reg(v)};")) }, Array.Empty<(string, string)>());
            yield return ("C# SetEnvironmentVariable", new[] { ("/src/Case.cs", Holder(Method($"        Environment.SetEnvironmentVariable(\"OPENAI_API_KEY\", {Reg(v)});", "void"))) }, Array.Empty<(string, string)>());
            yield return ("JSON file ApiKey", Array.Empty<(string, string)>(), new[] { ("/app/appsettings.json", "{\n  \"AzureOpenAI\": {\n    \"ApiKey\": \"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"\n  }\n}\n") });
            yield return (".env file", Array.Empty<(string, string)>(), new[] { ("/app/.env", "MISTRAL_API_KEY=" + v + "\n") });
            yield return ("connection string AccountKey", new[] { ("/src/Case.cs", Holder($"    public static readonly string ConnectionString = {Reg("DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=" + v + ";")};")) }, Array.Empty<(string, string)>());
        }
    }
}
