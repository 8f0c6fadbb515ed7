using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>Every self-identifying format: found alone, in context, at boundaries; not found when cut or extended.</summary>
public class ProviderFormatTests
{
    public static TheoryData<int> FixedKeyIndexes() => DetectionCorpus.Indexes(DetectionCorpus.FixedFormatKeys.Length);

    /// <summary>Formats whose length is a range: one more body character is still a key of that format.</summary>
    private static readonly HashSet<string> RangedFormats = new() { "anthropic-oauth", "fireworks", "xai", "aws-bedrock-long", "aws-bedrock-short", "nvidia" };

    /// <summary>The corpus key, or for the service-account JSON file the PEM block inside it.</summary>
    private static (string Id, string Key) Sample(int index)
    {
        (string id, string key) = DetectionCorpus.FixedFormatKeys[index];
        return (id, id == "google-service-account" ? PemBlock(key) : key);
    }

    private static string PemBlock(string json)
    {
        int start = json.IndexOf("-----BEGIN", StringComparison.Ordinal);
        int end = json.IndexOf("PRIVATE KEY-----", json.IndexOf("-----END", StringComparison.Ordinal), StringComparison.Ordinal) + 16;
        return json.Substring(start, end - start);
    }

    /// <summary>The service-account format needs its JSON around it; the PEM entry covers the bare block.</summary>
    private static bool NeedsItsFile(string id) => id == "google-service-account";

    private static List<SecretMatch> Scan(string text)
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan(text, found);
        return found;
    }

    [Theory]
    [MemberData(nameof(FixedKeyIndexes))]
    public void Finds_the_key_alone_with_its_format(int index)
    {
        (string id, string text) = DetectionCorpus.FixedFormatKeys[index];
        string key = Sample(index).Key;
        SecretMatch m = Assert.Single(Scan(text));
        Assert.Equal(id, m.Format.Id);
        Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), m.Start);
        Assert.Equal(key.Length, m.Length);
        Assert.True(SecretScanner.MightContainKey(text));
    }

    [Theory]
    [MemberData(nameof(FixedKeyIndexes))]
    public void Finds_the_key_in_code_json_env_and_url_contexts(int index)
    {
        (string id, string key) = Sample(index);
        if (NeedsItsFile(id))
        {
            return;
        }

        string[] contexts =
        {
            "var k = \"" + key + "\";",
            "{\"ApiKey\":\"" + key + "\"}",
            "API_KEY=" + key + "\n",
            "'" + key + "'",
            "https://example.test/v1?key=" + key + "&x=1",
            "Authorization: Bearer " + key,
            "first line\\n" + key + "\\nlast line",
            key + " at the start",
            "at the end " + key,
        };

        foreach (string text in contexts)
        {
            SecretMatch m = Assert.Single(Scan(text));
            Assert.Equal(id, m.Format.Id);
            Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), m.Start);
            Assert.Equal(key.Length, m.Length);
        }
    }

    [Theory]
    [MemberData(nameof(FixedKeyIndexes))]
    public void A_key_glued_to_more_token_characters_is_not_a_key(int index)
    {
        (string id, string key) = Sample(index);
        if (id == "pem-private-key" || NeedsItsFile(id))
        {
            return; // PEM blocks are delimited by their BEGIN/END lines, not by token characters
        }

        Assert.Empty(Scan("Q" + key));
        Assert.Empty(Scan("_" + key));
        if (!RangedFormats.Contains(id))
        {
            Assert.Empty(Scan(key + "Q"));
            Assert.Empty(Scan(key + "-"));
            Assert.Empty(Scan(key.Substring(0, key.Length - 1)));
        }
    }

    [Theory]
    [MemberData(nameof(FixedKeyIndexes))]
    public void Redaction_shows_at_most_the_prefix_and_the_last_four(int index)
    {
        (string id, string text) = DetectionCorpus.FixedFormatKeys[index];
        SecretMatch m = Assert.Single(Scan(text));
        string key = text.Substring(m.Start, m.Length);
        int ellipsis = m.Redacted.IndexOf('\u2026');
        Assert.True(ellipsis >= 0);
        string head = m.Redacted.Substring(0, ellipsis);
        string tail = m.Redacted.Substring(ellipsis + 1);
        Assert.StartsWith(head, key, StringComparison.Ordinal);
        Assert.Equal(m.Format.Prefix.Length == 0 ? 0 : head.Length, head.Length);
        Assert.True(head.Length <= 31, "the shown prefix is a fixed, public prefix");
        Assert.True(tail.Length <= 4);
        Assert.EndsWith(tail, key, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Substring(head.Length, key.Length - head.Length - tail.Length), m.Redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AWS_id_with_four_letters_in_sequence_by_chance_is_a_key_and_five_are_a_placeholder()
    {
        // A random 16-character base32 body holds a four-step sequence ("DCBA") about once in 1,500 ids (outsider corpus).
        Assert.Equal("aws-access-key-id", Assert.Single(Scan(FakeKeys.AwsAccessKeyId(body: "NGT4FAKEDQDCBATA"))).Format.Id);
        Assert.Equal("aws-access-key-id", Assert.Single(Scan(FakeKeys.AwsAccessKeyId(body: "WXYZQ7FAKEM3RT2N"))).Format.Id);
        Assert.Empty(Scan(FakeKeys.AwsAccessKeyId(body: "NGT4FAKEDQEDCBAT")));
        Assert.Empty(Scan(FakeKeys.AwsAccessKeyId(body: "VWXYZQ7FAKEM3RT2")));
    }

    [Fact]
    public void Finds_several_keys_in_one_text_in_order()
    {
        string text = "a=" + FakeKeys.GitHub('p') + "\nb=" + FakeKeys.Anthropic() + "\nc=" + FakeKeys.OpenAiProject() + "\nd=" + FakeKeys.AwsAccessKeyId();
        List<SecretMatch> found = Scan(text);
        Assert.Equal(new[] { "github-ghp", "anthropic-api", "openai-project", "aws-access-key-id" }, found.Select(m => m.Format.Id));
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Start < p.Second.Start));
    }

    [Fact]
    public void Finds_keys_on_both_sides_of_a_prefilter_chunk_boundary()
    {
        string key = FakeKeys.OpenAiProject();
        foreach (int offset in new[] { 16 * 1024 - 1, 16 * 1024 - 3, 16 * 1024 - 80, 16 * 1024 })
        {
            string text = new string(' ', offset) + key + new string(' ', 100) + FakeKeys.GitHub('u');
            List<SecretMatch> found = Scan(text);
            Assert.Equal(2, found.Count);
            Assert.Equal(offset, found[0].Start);
        }
    }

    [Fact]
    public void Appends_to_existing_results_without_touching_them()
    {
        var found = new List<SecretMatch> { new SecretMatch(5, 1, KeyCatalog.GenericSecret, "\u2026") };
        SecretScanner.Scan("k=" + FakeKeys.Groq(), found);
        Assert.Equal(2, found.Count);
        Assert.Equal(5, found[0].Start);
        Assert.Equal("groq", found[1].Format.Id);
    }

    [Fact]
    public void Google_service_account_json_reports_the_private_key_block()
    {
        string json = FakeKeys.GoogleServiceAccountJson();
        SecretMatch m = Assert.Single(Scan(json));
        Assert.Equal("Google Cloud", m.Format.Provider);
        Assert.StartsWith("-----BEGIN", json.Substring(m.Start), StringComparison.Ordinal);
        Assert.Equal("-----BEGIN PRIVATE KEY-----\u2026----", m.Redacted);
    }

    [Fact]
    public void Azure_identifiable_key_provider_follows_the_reserved_service_marker()
    {
        Assert.Equal("Azure OpenAI", Assert.Single(Scan(FakeKeys.AzureIdentifiable("AAAB"))).Format.Provider);
        Assert.Equal("Azure AI services", Assert.Single(Scan(FakeKeys.AzureIdentifiable("AAAC"))).Format.Provider);
        string noSignature = FakeKeys.AzureIdentifiable().Replace("ACOG", "ACOX", StringComparison.Ordinal);
        Assert.Empty(Scan(noSignature));
    }

    [Fact]
    public void Anthropic_redaction_shows_the_actual_version_prefix()
    {
        string key = FakeKeys.Anthropic().Replace("api03", "api04", StringComparison.Ordinal);
        SecretMatch m = Assert.Single(Scan(key));
        Assert.StartsWith("sk-ant-api04-\u2026", m.Redacted, StringComparison.Ordinal);
    }
}
