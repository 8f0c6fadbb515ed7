namespace Guardrails.Analyzers.Tests;

/// <summary>The raw-text identifier search that lets GRD003 register nothing when no SDK name is ever written.</summary>
public class SourceIdentifiersTests
{
    private static readonly SourceIdentifiers Names = new(new[] { "ChatClient", "AddOpenAIChatCompletion" });

    [Theory]
    [InlineData("class C { ChatClient c; }")]
    [InlineData("builder.AddOpenAIChatCompletion(\"gpt\", key);")]
    [InlineData("using X = OpenAI.Chat.ChatClient;")]
    [InlineData("ChatClient")]
    public void Finds_a_whole_identifier(string text)
    {
        Assert.True(Names.AnyIn(text));
    }

    [Theory]
    [InlineData("class C { MyChatClient c; ChatClients d; _ChatClient e; ChatClient2 f; }")]
    [InlineData("builder.AddOpenAIChatCompletions();")]
    [InlineData("")]
    [InlineData("ChatClien")]
    public void Ignores_identifiers_that_only_contain_a_name(string text)
    {
        Assert.False(Names.AnyIn(text));
    }
}

/// <summary>The scan's character classes, now a table for ASCII: held to the range tests they replaced, for every char.</summary>
public class SourceIdentifiersCharacterClassTests
{
    [Fact]
    public void Every_character_is_classified_as_by_the_range_tests()
    {
        static bool OldStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && char.IsLetter(c));
        static bool OldPart(char c) => OldStart(c) || (c >= '0' && c <= '9') || (c > 127 && char.IsLetterOrDigit(c));

        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            Assert.True(OldStart(c) == SourceIdentifiers.IsStart(c), $"start U+{i:X4}");
            Assert.True(OldPart(c) == SourceIdentifiers.IsPart(c), $"part U+{i:X4}");
        }
    }

    [Fact]
    public void Names_after_digits_and_non_ascii_letters_are_found_as_before()
    {
        var names = new SourceIdentifiers(new[] { "ChatClient", "Model1" });
        var found = names.AllIn("1ChatClient ChatClient Model1 éChatClient ChatClienté x_ChatClient (Model1)");
        Assert.Equal(new[] { 1, 12, 23, 68 }, System.Linq.Enumerable.Select(found, f => f.Key));
    }
}
