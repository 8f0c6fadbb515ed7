using System.Text;
using Guardrails.Tests.Shared;

namespace Guardrails.Benchmarks;

/// <summary>
/// Deterministic benchmark inputs: ~10 MB of C#-like source and of JSON-like configuration that hold no key
/// (but do hold the near-misses real text has: Task, ask_, highlight, hashes, GUIDs, base64), and the same text
/// with a correctly formatted fake key every ~16 KB.
/// </summary>
public static class TextCorpus
{
    public const int TargetChars = 10 * 1024 * 1024;

    private static readonly string[] Words =
    {
        "order", "customer", "invoice", "payment", "task", "queue", "request", "response", "handler", "service",
        "repository", "context", "options", "settings", "result", "item", "weight", "height", "light", "through",
        "total", "amount", "discount", "tier", "cache", "desk", "risk", "disk", "mask", "flag", "span", "buffer",
    };

    private static readonly string[] Keys =
    {
        FakeKeys.OpenAiProject(), FakeKeys.Anthropic(), FakeKeys.GitHub('p'), FakeKeys.GoogleApiKey(),
        FakeKeys.AwsAccessKeyId(), FakeKeys.HuggingFace(), FakeKeys.Groq(), FakeKeys.OpenRouter(),
    };

    public static string CSharp(bool withKeys) => Build(withKeys, AppendCSharp);

    public static string Json(bool withKeys) => Build(withKeys, AppendJson);

    public static int KeyCount(string text)
    {
        var found = new List<Guardrails.Core.Secrets.SecretMatch>();
        Guardrails.Core.Secrets.SecretScanner.Scan(text, found);
        return found.Count;
    }

    private static string Build(bool withKeys, Action<StringBuilder, Random> append)
    {
        var random = new Random(42);
        var sb = new StringBuilder(TargetChars + 4096);
        int nextKey = 16 * 1024;
        int keyIndex = 0;
        while (sb.Length < TargetChars)
        {
            append(sb, random);
            if (withKeys && sb.Length >= nextKey)
            {
                sb.Append("        private const string Key = \"").Append(Keys[keyIndex++ % Keys.Length]).Append("\";\n");
                nextKey += 16 * 1024;
            }
        }

        return sb.ToString();
    }

    private static string Word(Random r) => Words[r.Next(Words.Length)];

    private static string Pascal(Random r)
    {
        string w = Word(r);
        return char.ToUpperInvariant(w[0]) + w.Substring(1);
    }

    private static string Hex(Random r, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[r.Next(16)];
        }

        return new string(chars);
    }

    private static string NewGuid(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static void AppendCSharp(StringBuilder sb, Random r)
    {
        string type = Pascal(r) + Pascal(r);
        string field = "_" + Word(r) + Pascal(r);
        sb.Append("    /// <summary>Computes the ").Append(Word(r)).Append(" of the ").Append(Word(r))
          .Append(" through the highest ").Append(Word(r)).Append(" tier.</summary>\n");
        sb.Append("    public async Task<IReadOnlyList<").Append(type).Append(">> Get").Append(type)
          .Append("Async(int ").Append(Word(r)).Append("Id, CancellationToken cancellationToken)\n    {\n");
        sb.Append("        var ").Append(Word(r)).Append(" = await ").Append(field).Append(".QueryAsync(\"SELECT * FROM ")
          .Append(Word(r)).Append("_").Append(Word(r)).Append(" WHERE id = @id\", cancellationToken);\n");
        sb.Append("        if (").Append(Word(r)).Append(".Count > ").Append(r.Next(1000)).Append(" && ").Append(field)
          .Append(".IsEnabled(\"").Append(Pascal(r)).Append(":").Append(Pascal(r)).Append("\"))\n        {\n");
        sb.Append("            _logger.LogInformation(\"Processed {Count} ").Append(Word(r)).Append(" items for ")
          .Append(Word(r)).Append(" {Id}\", ").Append(r.Next(100)).Append(", \"").Append(NewGuid(r)).Append("\");\n");
        sb.Append("            return new ").Append(type).Append("[] { new(\"").Append(Hex(r, 32)).Append("\", ")
          .Append(r.NextDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture)).Append(") };\n        }\n\n");
        sb.Append("        return Array.Empty<").Append(type).Append(">();\n    }\n\n");
    }

    private static void AppendJson(StringBuilder sb, Random r)
    {
        sb.Append("  {\n    \"id\": ").Append(r.Next(1_000_000)).Append(",\n    \"name\": \"").Append(Word(r)).Append('-')
          .Append(Word(r)).Append("\",\n    \"hash\": \"").Append(Hex(r, 64)).Append("\",\n    \"correlationId\": \"")
          .Append(NewGuid(r)).Append("\",\n    \"tags\": [\"").Append(Word(r)).Append("\", \"").Append(Word(r))
          .Append("\"],\n    \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },\n")
          .Append("    \"description\": \"The ").Append(Word(r)).Append(" ").Append(Word(r)).Append(" is weighted by the ")
          .Append(Word(r)).Append(" through the night.\",\n    \"enabled\": ").Append(r.Next(2) == 0 ? "true" : "false")
          .Append("\n  },\n");
    }
}
