using System.Text;
using Guardrails.Tests.Shared;

namespace Guardrails.Benchmarks;

/// <summary>
/// Deterministic benchmark inputs, ~10 MB each, C#-like source and JSON-like configuration, in three contents:
/// <c>clean</c> holds no prefilter anchor at all (MightContainKey is false), <c>nearMiss</c> adds the near-misses
/// real text has (<c>task-queue</c>, <c>ask_count</c>, <c>highlight</c>: anchors that are not keys), and <c>keys</c>
/// is <c>nearMiss</c> with a correctly formatted fake key every ~16 KB. All hold hashes and GUIDs.
/// </summary>
public static class TextCorpus
{
    public const int TargetChars = 10 * 1024 * 1024;

    private static readonly string[] CleanWords =
    {
        "order", "customer", "invoice", "payment", "queue", "request", "response", "handler", "service",
        "repository", "context", "options", "settings", "result", "item", "weight", "height", "light", "through",
        "total", "amount", "discount", "tier", "cache", "flag", "span", "buffer", "node", "line", "file",
    };

    /// <summary>Words that make anchors that are not keys: "task" + "-" is "sk-", "disk" + "_" is "sk_", "spa" + "-" is "pa-"…</summary>
    private static readonly string[] NearMissWords = CleanWords.Concat(new[] { "task", "desk", "risk", "disk", "mask", "gh", "leaf", "xai", "spa", "lsv2" }).ToArray();

    private static readonly string[] Keys =
    {
        FakeKeys.OpenAiProject(), FakeKeys.Anthropic(), FakeKeys.GitHub('p'), FakeKeys.GoogleApiKey(),
        FakeKeys.AwsAccessKeyId(), FakeKeys.HuggingFace(), FakeKeys.Groq(), FakeKeys.OpenRouter(),
    };

    public static string Create(string language, string content)
    {
        Action<StringBuilder, Random, string[]> append = language == "json" ? AppendJson : AppendCSharp;
        return Build(content == "keys", content == "clean" ? CleanWords : NearMissWords, append);
    }

    public static int KeyCount(string text)
    {
        var found = new List<Guardrails.Core.Secrets.SecretMatch>();
        Guardrails.Core.Secrets.SecretScanner.Scan(text, found);
        return found.Count;
    }

    private static string Build(bool withKeys, string[] words, Action<StringBuilder, Random, string[]> append)
    {
        var random = new Random(42);
        var sb = new StringBuilder(TargetChars + 4096);
        int nextKey = 16 * 1024;
        int keyIndex = 0;
        while (sb.Length < TargetChars)
        {
            append(sb, random, words);
            if (withKeys && sb.Length >= nextKey)
            {
                sb.Append("        private const string Key = \"").Append(Keys[keyIndex++ % Keys.Length]).Append("\";\n");
                nextKey += 16 * 1024;
            }
        }

        return sb.ToString();
    }

    private static string Pascal(Random r, string[] words)
    {
        string w = words[r.Next(words.Length)];
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

    private static void AppendCSharp(StringBuilder sb, Random r, string[] words)
    {
        string type = Pascal(r, words) + Pascal(r, words);
        string field = "_" + words[r.Next(words.Length)] + Pascal(r, words);
        sb.Append("    /// <summary>Computes the ").Append(words[r.Next(words.Length)]).Append(" of the ").Append(words[r.Next(words.Length)])
          .Append(" through the highest ").Append(words[r.Next(words.Length)]).Append(" tier.</summary>\n");
        sb.Append("    public async Task<IReadOnlyList<").Append(type).Append(">> Get").Append(type)
          .Append("Async(int ").Append(words[r.Next(words.Length)]).Append("Id, CancellationToken cancellationToken)\n    {\n");
        sb.Append("        var ").Append(words[r.Next(words.Length)]).Append(" = await ").Append(field).Append(".QueryAsync(\"SELECT * FROM ")
          .Append(words[r.Next(words.Length)]).Append("_").Append(words[r.Next(words.Length)]).Append(" WHERE id = @id\", cancellationToken);\n");
        sb.Append("        if (").Append(words[r.Next(words.Length)]).Append(".Count > ").Append(r.Next(1000)).Append(" && ").Append(field)
          .Append(".IsEnabled(\"").Append(Pascal(r, words)).Append(":").Append(Pascal(r, words)).Append("\"))\n        {\n");
        sb.Append("            _logger.LogInformation(\"Processed {Count} ").Append(words[r.Next(words.Length)]).Append(" items for ")
          .Append(words[r.Next(words.Length)]).Append(" {Id}\", ").Append(r.Next(100)).Append(", \"").Append(NewGuid(r)).Append("\");\n");
        sb.Append("            return new ").Append(type).Append("[] { new(\"").Append(Hex(r, 32)).Append("\", ")
          .Append(r.NextDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture)).Append(") };\n        }\n\n");
        sb.Append("        return Array.Empty<").Append(type).Append(">();\n    }\n\n");
    }

    private static void AppendJson(StringBuilder sb, Random r, string[] words)
    {
        sb.Append("  {\n    \"id\": ").Append(r.Next(1_000_000)).Append(",\n    \"name\": \"").Append(words[r.Next(words.Length)]).Append('-')
          .Append(words[r.Next(words.Length)]).Append("\",\n    \"hash\": \"").Append(Hex(r, 64)).Append("\",\n    \"correlationId\": \"")
          .Append(NewGuid(r)).Append("\",\n    \"tags\": [\"").Append(words[r.Next(words.Length)]).Append("\", \"").Append(words[r.Next(words.Length)])
          .Append("\"],\n    \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },\n")
          .Append("    \"description\": \"The ").Append(words[r.Next(words.Length)]).Append(" ").Append(words[r.Next(words.Length)]).Append(" is weighted by the ")
          .Append(words[r.Next(words.Length)]).Append(" through the night.\",\n    \"enabled\": ").Append(r.Next(2) == 0 ? "true" : "false")
          .Append("\n  },\n");
    }
}
