using Guardrails.Core.Json;
using Guardrails.Core.Policy;

namespace Guardrails.Core.Tests;

/// <summary>
/// The readers of Guardrails' own documents refuse an object with the same member twice (parsers disagree on which
/// counts); other JSON (a repository's appsettings.json read for keys) is still read as before.
/// </summary>
public class DuplicateJsonMemberTests
{
    [Fact]
    public void The_refusing_reader_names_the_member_and_both_places()
    {
        var options = new JsonReaderOptions { RejectDuplicateMembers = true };
        JsonNode? root = JsonReader.TryParse("{\n  \"a\": { \"mode\": \"Enforce\",\n    \"mode\": \"Audit\" } }", out JsonParseException? error, options);

        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal(3, error!.Position.Line);
        Assert.Equal(5, error.Position.Column);
        Assert.Contains("\"mode\"", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void The_default_reader_still_reads_duplicates()
    {
        Assert.NotNull(JsonReader.TryParse("{ \"mode\": 1, \"mode\": 2 }", out _));
    }

    [Fact]
    public void The_effective_policy_with_mode_twice_is_refused()
    {
        var policy = new EffectivePolicy { Mode = "Enforce" };
        string text = policy.Write();
        Assert.NotNull(EffectivePolicy.Read(text, out _));

        string doubled = text.Replace("\"mode\":", "\"mode\": \"Audit\", \"mode\":", StringComparison.Ordinal);
        Assert.NotEqual(text, doubled);
        Assert.Null(EffectivePolicy.Read(doubled, out string? error));
        Assert.Contains("\"mode\"", error);
    }
}
