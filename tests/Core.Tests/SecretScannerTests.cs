using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

public class SecretScannerTests
{
    [Fact]
    public void Finds_an_openai_project_key_and_redacts_it()
    {
        string key = FakeKeys.OpenAiProject();
        string text = "prefix \"" + key + "\" suffix";
        var found = new List<SecretMatch>();
        SecretScanner.Scan(text, found);

        SecretMatch m = Assert.Single(found);
        Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), m.Start);
        Assert.Equal(key.Length, m.Length);
        Assert.Equal("OpenAI", m.Format.Provider);
        Assert.Equal("sk-proj-\u2026" + key.Substring(key.Length - 4), m.Redacted);
        Assert.True(m.Redacted.Length < 20);
    }

    [Fact]
    public void Finds_a_legacy_openai_key()
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan(FakeKeys.OpenAiLegacy(), found);
        Assert.Equal("legacy user API key", Assert.Single(found).Format.TokenKind);
    }

    [Theory]
    [InlineData("sk-...")]
    [InlineData("sk-your-key-here")]
    [InlineData("the marker alone: T3BlbkFJ")]
    public void Ignores_placeholders_and_fragments(string text)
    {
        var found = new List<SecretMatch>();
        SecretScanner.Scan(text, found);
        Assert.Empty(found);
    }

    [Fact]
    public void Ignores_a_key_with_the_wrong_body_length()
    {
        string truncated = "sk-" + "proj-" + FakeKeys.Body(40) + FakeKeys.OpenAiMarker + FakeKeys.Body(40);
        var found = new List<SecretMatch>();
        SecretScanner.Scan(truncated, found);
        Assert.Empty(found);
    }
}
