using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// <see cref="TextFileSecrets.MightHoldNamedValue"/> lets GRD001 skip parsing a C# literal over several lines as
/// configuration. It may only say false where <see cref="TextFileSecrets.Scan"/> would find nothing: every named key of
/// the corpus, written as each configuration kind writes it, must keep it true.
/// </summary>
public class EmbeddedConfigurationPrefilterTests
{
    public static TheoryData<int> NamedKeyIndexes() => DetectionCorpus.Indexes(DetectionCorpus.NamedKeys.Length);

    [Theory]
    [MemberData(nameof(NamedKeyIndexes))]
    public void Every_named_key_the_reader_finds_keeps_the_text_worth_parsing(int index)
    {
        (string name, string value, _) = DetectionCorpus.NamedKeys[index];
        string leaf = name.Split(':', '.')[^1];
        string section = name.Contains(':') ? name[..name.LastIndexOf(':')] : "Settings";
        var texts = new (string Path, string Text)[]
        {
            ("embedded.json", "{\n  \"" + section + "\": {\n    \"" + leaf + "\": \"" + value + "\"\n  }\n}\n"),
            ("embedded.yaml", section + ":\n  " + leaf + ": " + value + "\n"),
            ("embedded.env", "# settings\n" + leaf.ToUpperInvariant() + "=" + value + "\n"),
            ("embedded.ini", "[" + section + "]\n" + leaf + " = " + value + "\n"),
        };

        foreach ((string path, string text) in texts)
        {
            var found = new List<SecretMatch>();
            TextFileSecrets.Scan(path, text, found);
            if (found.Count > 0)
            {
                Assert.True(TextFileSecrets.MightHoldNamedValue(text), path + " for " + name);
            }
        }
    }

    [Fact]
    public void A_key_the_reader_finds_in_each_kind_keeps_the_text_worth_parsing()
    {
        // Reference cases, so the theory above cannot pass by finding nothing at all.
        string mistral = FakeKeys.Mistral();
        string json = "{\n  \"Mistral\": {\n    \"ApiKey\": \"" + mistral + "\"\n  }\n}\n";
        string env = "MISTRAL_API_KEY=" + mistral + "\nOTHER=1\n";
        string bearer = "headers:\n  Authorization: Bearer " + FakeKeys.Body(40) + "\n";
        foreach ((string path, string text) in new[] { ("a.json", json), ("a.env", env), ("a.yaml", bearer) })
        {
            var found = new List<SecretMatch>();
            TextFileSecrets.Scan(path, text, found);
            Assert.NotEmpty(found);
            Assert.True(TextFileSecrets.MightHoldNamedValue(text), path);
        }
    }

    [Fact]
    public void An_escaped_value_keeps_the_text_worth_parsing()
    {
        // JSON decodes \u escapes: the raw text shows no token run, the value may still be a key.
        Assert.True(TextFileSecrets.MightHoldNamedValue("{\n  \"note\": \"\\u0041\"\n}"));
    }

    [Theory]
    [InlineData("SELECT o.OrderId, o.CustomerId\n  FROM sales.Orders o\n WHERE o.TenantId = @tenant")]
    [InlineData("<html>\n  <body>Primary key and token docs</body>\n</html>")]
    [InlineData("Dear customer,\nyour order 1234 has shipped.\n")]
    public void Text_with_no_candidate_value_is_not_parsed(string text)
    {
        Assert.False(TextFileSecrets.MightHoldNamedValue(text));
    }

    [Fact]
    public void Secret_words_with_only_hashes_urls_and_guids_are_not_parsed()
    {
        string json = "{\n  \"apiKey\": \"{{Environment.GetEnvironmentVariable(\\\"K\\\")}}\",\n" +
                      "  \"signature\": \"" + FakeKeys.Hex(64) + "\",\n  \"callback\": \"https://hooks.example.com/partners/1/events?tenant=0\"\n}";
        Assert.False(TextFileSecrets.MightHoldNamedValue(json.Replace("\\\"", "'")));

        // A GUID is a (legacy Pinecone) key under a Pinecone name: text holding one stays worth parsing.
        Assert.True(TextFileSecrets.MightHoldNamedValue("pinecone:\n  apiKey: " + FakeKeys.Guid() + "\n"));
    }

    [Fact]
    public void A_secret_word_and_a_random_token_are_parsed()
    {
        Assert.True(TextFileSecrets.MightHoldNamedValue("token: " + FakeKeys.Body(40) + "\n"));
        Assert.True(TextFileSecrets.MightHoldNamedValue("[api]\nsecret=" + FakeKeys.Body(40) + "\n"));
    }
}
