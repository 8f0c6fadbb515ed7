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
