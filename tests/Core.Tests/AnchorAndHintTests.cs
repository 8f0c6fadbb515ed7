using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// The raw-text entry points GRD001 uses to avoid walking a whole syntax tree: anchor positions, the name-independent
/// value check, and name hints. Each must never rule out what <see cref="SecretScanner.Scan"/> or
/// <see cref="SecretScanner.TryMatchNamedValue"/> would find.
/// </summary>
public class AnchorAndHintTests
{
    public static TheoryData<int> FixedFormatIndexes() => DetectionCorpus.Indexes(DetectionCorpus.FixedFormatKeys.Length);

    public static TheoryData<int> NamedKeyIndexes() => DetectionCorpus.Indexes(DetectionCorpus.NamedKeys.Length);

    [Theory]
    [MemberData(nameof(FixedFormatIndexes))]
    public void Every_key_scan_finds_has_an_anchor_position_inside_it(int index)
    {
        string key = DetectionCorpus.FixedFormatKeys[index].Key;
        string text = "class C { // lead-in task_id\n string K = \"" + key + "\"; }";
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(text, matches);
        var anchors = new List<int>();
        SecretScanner.CollectAnchors(text, anchors);

        Assert.NotEmpty(matches);
        foreach (SecretMatch match in matches)
        {
            Assert.Contains(anchors, a => a >= match.Start && a < match.Start + match.Length);
        }
    }

    [Fact]
    public void Anchor_positions_are_where_the_prefixes_start()
    {
        var anchors = new List<int>();
        SecretScanner.CollectAnchors("x sk-a AIza y ghp_", anchors);
        Assert.Equal(new[] { 2, 7, 14 }, anchors.OrderBy(a => a));

        anchors.Clear();
        SecretScanner.CollectAnchors("nothing to see here, no prefixes at all", anchors);
        Assert.Empty(anchors);
    }

    [Theory]
    [MemberData(nameof(NamedKeyIndexes))]
    public void A_named_key_passes_the_value_check_and_its_name_holds_a_hint(int index)
    {
        (string name, string value, string formatId) = DetectionCorpus.NamedKeys[index];
        Assert.True(SecretScanner.MightBeNamedValue(value));

        string text = "var x = \"" + value + "\";";
        Assert.True(SecretScanner.MightBeNamedValue(text, 9, value.Length, out IReadOnlyList<string>? hints));
        Assert.Equal(hints, SecretScanner.NameHints(value));
        if (formatId == "generic")
        {
            Assert.Null(hints);
        }
        else
        {
            // A generic value may also have a provider's shape; a provider-only value needs a hint in its name.
            Assert.True(hints == null || hints.Any(h => name.Contains(h, StringComparison.OrdinalIgnoreCase)), name + ": " + string.Join(",", hints ?? []));
        }
    }

    [Theory]
    [InlineData("azure_openai_key")]
    [InlineData("AOAI_KEY")]
    [InlineData("OpenAiApiKey")]
    [InlineData("OPEN_AI_KEY")]
    [InlineData("AzureOpenAI__ApiKey")]
    [InlineData("cognitiveServicesKey")]
    [InlineData("AI_SERVICES_KEY")]
    [InlineData("Ocp-Apim-Subscription-Key")]
    [InlineData("ElevenLabs:ApiKey")]
    [InlineData("XI_API_KEY")]
    [InlineData("MistralAI:Key")]
    [InlineData("DEEPINFRA_TOKEN")]
    [InlineData("assemblyAI_apiKey")]
    public void Every_name_that_makes_a_32_hex_value_a_provider_key_holds_one_of_its_hints(string name)
    {
        string value = FakeKeys.AzureHex32();
        Assert.True(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch match), name);
        Assert.False(match.Format.IsGeneric);
        IReadOnlyList<string>? hints = SecretScanner.NameHints(value);
        Assert.NotNull(hints);
        Assert.Contains(hints, h => name.Contains(h, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("CO_API_KEY")]
    [InlineData("CoApiKey")]
    [InlineData("co-api-key")]
    [InlineData("Cohere:ApiKey")]
    [InlineData("COHERE_API_KEY")]
    public void Every_name_that_makes_a_40_character_value_a_cohere_key_holds_one_of_its_hints(string name)
    {
        // 40 hexadecimal capitals: no generic secret (hashes are not), so only a Cohere name makes it a key.
        string value = FakeKeys.Hex(40).ToUpperInvariant();
        Assert.True(SecretScanner.TryMatchNamedValue(name, value, out SecretMatch match), name);
        Assert.Equal("Cohere", match.Format.Provider);
        IReadOnlyList<string>? hints = SecretScanner.NameHints(value);
        Assert.NotNull(hints);
        Assert.Contains(hints, h => name.Contains(h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_thumbprint_needs_a_name_a_compilation_rarely_has()
    {
        // 40 hex digits (a SHA-1 thumbprint or commit id) has Cohere's shape; "co" alone occurs in every compilation
        // ("const"), so a hint that short would send every thumbprint to the semantic model.
        IReadOnlyList<string>? hints = SecretScanner.NameHints(FakeKeys.Hex(40).ToUpperInvariant());
        Assert.NotNull(hints);
        Assert.DoesNotContain(hints, h => "public const string Thumbprint = Configure(collection);".Contains(h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_guid_is_only_a_key_under_a_pinecone_volcengine_ark_or_sambanova_name()
    {
        // Adversary round 11 route 11: Ark and SambaNova keys are UUIDs too.
        Assert.Equal(new[] { "pinecone", "ark", "volc", "doubao", "byteplus", "samba" }, SecretScanner.NameHints(FakeKeys.Guid()));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("12345678-1234-1234-1234-123456789012")]
    [InlineData("ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB")]
    [InlineData("abcdefab-cdef-abcd-efab-cdefabcdefab")]
    [InlineData("0F8fad5B-d9cb-469f-A165-70867728950e")]
    public void Every_guid_has_the_hints_of_every_other_guid(string guid)
    {
        // MightBeNamedValue keeps the hints of the first GUID it sees for every later one (the GUIDs of enterprise code
        // are most of its key-shaped literals): that holds only while no context rule looks at a GUID's digits.
        IReadOnlyList<string>? first = SecretScanner.NameHints(FakeKeys.Guid());
        Assert.Equal(first, SecretScanner.NameHints(guid));
        string text = "new(\"" + guid + "\")";
        SecretScanner.MightBeNamedValue(text, 5, guid.Length, out IReadOnlyList<string>? inText);
        Assert.Equal(first, inText);
    }

    [Theory]
    [InlineData("https://orders.example.com/api/v1")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("Handles orders for the tenant")]
    [InlineData("OrdersServiceConfiguration")]
    [InlineData("short")]
    public void Values_no_name_can_make_a_key_fail_the_value_check(string value)
    {
        Assert.False(SecretScanner.MightBeNamedValue(value));
        Assert.False(SecretScanner.MightBeNamedValue("\"" + value + "\"", 1, value.Length, out _));
    }

    [Fact]
    public void A_bearer_value_is_judged_by_its_token_in_the_substring_form_too()
    {
        string token = "FakeTok3nValueNotReal42x";
        string text = "h = \"Bearer " + token + "\";";
        Assert.True(SecretScanner.MightBeNamedValue(text, 5, "Bearer ".Length + token.Length, out IReadOnlyList<string>? hints));
        Assert.Null(hints);
        Assert.False(SecretScanner.MightBeNamedValue(text, 5, "Bearer ".Length + 3, out _));
    }

    public static TheoryData<string> JoinedTexts() => new()
    {
        FakeKeys.OpenAiProject(), FakeKeys.Groq(), FakeKeys.GitHub(), FakeKeys.GitHubFineGrained(), FakeKeys.AzureIdentifiable(),
        FakeKeys.AwsAccessKeyId(), FakeKeys.GoogleApiKey(), FakeKeys.BedrockShortTerm(), FakeKeys.Nvidia(), FakeKeys.PemPrivateKey(),
        "Server=tcp:orders.database.windows.net;Database=orders", "Information", "https://hooks.example.com/partners/1/events?tenant=0",
        "task-queue_primary-east_workers", "AK", "sk", "x",
    };

    [Theory]
    [MemberData(nameof(JoinedTexts))]
    public void Joined_might_contain_a_key_exactly_when_the_built_string_might_at_every_cut(string text)
    {
        // The file scan decides on two sibling values before joining them: the answer must be the joined string's.
        foreach (string other in new[] { string.Empty, "Information", "k-proj-", "IA", "QQJ99", "_pat_" })
        {
            string whole = text + other;
            for (int cut = 0; cut <= whole.Length; cut++)
            {
                string first = whole.Substring(0, cut), second = whole.Substring(cut);
                Assert.True(
                    SecretScanner.MightContainKey(whole) == SecretScanner.MightContainKeyJoined(first, second),
                    "cut " + cut + " of a " + whole.Length + "-character text");
            }
        }
    }
}

/// <summary>The quick name check in front of NamedValues.Classify must never reject a secret-like name.</summary>
public class SecretWordStemTests
{
    [Fact]
    public void Every_secret_word_contains_a_stem_the_quick_check_looks_for()
    {
        foreach (string word in NamedValues.SecretWords)
        {
            Assert.Contains(NamedValues.SecretWordStems, stem => word.Contains(stem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_name_without_a_secret_word_is_rejected_and_one_with_it_is_still_judged()
    {
        string mistral = FakeKeys.Mistral();
        Assert.False(SecretScanner.TryMatchNamedValue("MistralEtag", mistral, out _));
        Assert.True(SecretScanner.TryMatchNamedValue("MistralPassKey", mistral, out SecretMatch match));
        Assert.Equal("mistral", match.Format.Id);
    }
}
