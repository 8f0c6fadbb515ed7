using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Issue 12 route #14 (adversary round 3 #13): a key cut in two configuration values that code joins at run time
/// (<c>GetString("A") + GetString("B")</c>, <c>config["OpenAI:KeyHead"] + config["OpenAI:KeyTail"]</c>). Sound to report:
/// two sibling values, one right after the other under the same parent, whose join is a self-identifying key running
/// across the cut whose format proves itself (a marker or a checksum), or a prefix-and-length format when both names
/// are key-like. Reported at the first part.
/// </summary>
public class SplitKeyInFileTests
{
    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    private static void AssertReportedAtFirstPart(string path, string text, string head, string provider)
    {
        SecretMatch match = Assert.Single(Scan(path, text));
        Assert.Equal(provider, match.Format.Provider);
        Assert.Equal(text.IndexOf(head, StringComparison.Ordinal), match.Start);
        Assert.Equal(head.Length, match.Length);
        Assert.Contains("…", match.Redacted, StringComparison.Ordinal); // the redacted form: a prefix and the last four, never the key
        Assert.True(match.Redacted.Length < 24, match.Redacted.Length + " characters shown");
    }

    [Theory]
    [InlineData(80)] // adversary round 3 #13: cut just before the marker
    [InlineData(3)] // cut inside the prefix
    [InlineData(120)] // cut after the marker
    public void An_OpenAI_key_cut_in_two_appsettings_values_is_reported_at_the_first(int cut)
    {
        string key = FakeKeys.OpenAiProject();
        string head = key.Substring(0, cut);
        string text = "{\n  \"OpenAI\": {\n    \"Model\": \"gpt-4o\",\n    \"KeyHead\": \"" + head + "\",\n    \"KeyTail\": \"" + key.Substring(cut) + "\"\n  }\n}\n";
        AssertReportedAtFirstPart("appsettings.json", text, head, "OpenAI");
    }

    [Fact]
    public void A_key_cut_in_two_resx_entries_is_reported_at_the_first()
    {
        string key = FakeKeys.OpenAiProject();
        string head = key.Substring(0, 80);
        string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n  <data name=\"A\" xml:space=\"preserve\">\n    <value>" + head + "</value>\n  </data>\n  <data name=\"B\" xml:space=\"preserve\">\n    <value>" + key.Substring(80) + "</value>\n  </data>\n</root>\n";
        AssertReportedAtFirstPart("Strings.resx", text, head, "OpenAI");
    }

    [Fact]
    public void A_checksummed_GitHub_token_cut_in_two_env_lines_is_reported_at_the_first()
    {
        string key = FakeKeys.GitHub();
        string head = key.Substring(0, 12);
        AssertReportedAtFirstPart(".env", "GH_PART_1=" + head + "\nGH_PART_2=" + key.Substring(12) + "\n", head, "GitHub");
    }

    [Fact]
    public void A_long_Bedrock_short_term_key_cut_early_is_joined_too()
    {
        // A presigned-URL key of 600+ characters (more with a session token), cut where the head alone is too short to match.
        string key = FakeKeys.BedrockShortTerm();
        string longKey = key.Length >= 700 ? key : "bedrock-" + "api-key-" + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(
            System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(key.Substring(16))) + "&X-Amz-Security-Token=" + FakeKeys.Body(240, "FakeSessionTokenNotReal4Tests")));
        string head = longKey.Substring(0, 40);
        AssertReportedAtFirstPart(".env", "AWS_BEARER_TOKEN_BEDROCK_PART1=" + head + "\nAWS_BEARER_TOKEN_BEDROCK_PART2=" + longKey.Substring(40) + "\n", head, "Amazon Bedrock");
    }

    [Fact]
    public void A_prefix_only_key_is_joined_only_under_key_like_names()
    {
        string key = FakeKeys.GoogleApiKey();
        string head = key.Substring(0, 10);
        string tail = key.Substring(10);

        AssertReportedAtFirstPart("appsettings.json", "{ \"Gemini\": { \"KeyPart1\": \"" + head + "\", \"KeyPart2\": \"" + tail + "\" } }", head, "Google");

        // Neutral names: two values that happen to join into a prefix-and-length shape are not taken for a key.
        Assert.Empty(Scan("appsettings.json", "{ \"Labels\": { \"First\": \"" + head + "\", \"Second\": \"" + tail + "\" } }"));
    }

    [Fact]
    public void Values_that_are_not_siblings_or_not_adjacent_are_not_joined()
    {
        string key = FakeKeys.OpenAiProject();
        string head = key.Substring(0, 80);
        string tail = key.Substring(80);

        // Different parents.
        Assert.Empty(Scan("appsettings.json", "{ \"A\": { \"Head\": \"" + head + "\" }, \"B\": { \"Tail\": \"" + tail + "\" } }"));

        // A value in between.
        Assert.Empty(Scan("appsettings.json", "{ \"OpenAI\": { \"Head\": \"" + head + "\", \"Model\": \"gpt-4o\", \"Tail\": \"" + tail + "\" } }"));

        // The tail first: code that joins them the other way round is no literal key in this file.
        Assert.Empty(Scan(".env", "B=" + tail + "\nA=" + head + "\n"));
    }

    [Fact]
    public void A_GitHub_shaped_join_with_a_wrong_checksum_is_not_reported()
    {
        string key = FakeKeys.GitHubBadChecksum();
        Assert.Empty(Scan(".env", "GH_PART_1=" + key.Substring(0, 12) + "\nGH_PART_2=" + key.Substring(12) + "\n"));
    }

    [Fact]
    public void A_whole_key_next_to_another_value_is_reported_once_at_its_own_place()
    {
        string key = FakeKeys.OpenAiProject();
        string text = "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\", \"Suffix\": \"AbCdEfGh\" } }";
        SecretMatch match = Assert.Single(Scan("appsettings.json", text));
        Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), match.Start);
        Assert.Equal(key.Length, match.Length);
    }
}
