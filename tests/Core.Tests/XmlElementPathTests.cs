using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// The XML reader names a value by its element path, as the JSON and YAML readers name one by its key path:
/// &lt;Mistral&gt;&lt;ApiKey&gt;…&lt;/ApiKey&gt;&lt;/Mistral&gt; is Mistral's key just as "Mistral": { "ApiKey": … } is.
/// </summary>
public class XmlElementPathTests
{
    // 32 letters and digits: a Mistral key has no prefix, only its name says whose it is.
    private static readonly string Key = FakeKeys.Mistral("MistralFakeKeyForXmlPathTests7");

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    public static TheoryData<string, string> Named() => new()
    {
        { "settings.xml", "<settings>\n  <Mistral>\n    <ApiKey>{0}</ApiKey>\n  </Mistral>\n</settings>\n" },
        { "settings.xml", "<settings>\n  <Providers>\n    <Mistral>\n      <Endpoint>https://api.mistral.ai</Endpoint>\n      <ApiKey>\n        {0}\n      </ApiKey>\n    </Mistral>\n  </Providers>\n</settings>\n" },
        { "App.config", "<configuration>\n  <mistral apiKey=\"{0}\" model=\"mistral-large\" />\n</configuration>\n" },
        { "App.config", "<configuration>\n  <Mistral>\n    <add key=\"ApiKey\" value=\"{0}\" />\n  </Mistral>\n</configuration>\n" },
        { "Directory.Build.props", "<Project>\n  <PropertyGroup Label=\"Mistral\">\n  </PropertyGroup>\n  <Mistral>\n    <Settings ApiKey=\"{0}\" />\n  </Mistral>\n</Project>\n" },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void A_key_named_by_its_enclosing_elements_is_the_providers_key(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Key);

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal("mistral", match.Format.Id);
        Assert.Equal(text.IndexOf(Key, StringComparison.Ordinal), match.Start);
        Assert.Equal(Key.Length, match.Length);
    }

    [Fact]
    public void A_closed_element_names_nothing_after_it()
    {
        // <Mistral> is closed before <ApiKey>: the key is an unattributed secret (generic), not Mistral's.
        string text = "<settings>\n  <Mistral>\n    <Model>mistral-large</Model>\n  </Mistral>\n  <Other />\n  <ApiKey>" + Key + "</ApiKey>\n</settings>\n";
        SecretMatch match = Assert.Single(Scan("settings.xml", text));
        Assert.NotEqual("mistral", match.Format.Id);

        // Self-closing <Mistral/> opens nothing either.
        string selfClosing = "<settings>\n  <Mistral />\n  <ApiKey>" + Key + "</ApiKey>\n</settings>\n";
        Assert.NotEqual("mistral", Assert.Single(Scan("settings.xml", selfClosing)).Format.Id);
    }

    [Theory]
    [InlineData("<settings><Mistral><ApiKey>your-mistral-api-key-here</ApiKey></Mistral></settings>")]
    [InlineData("<settings><Mistral><ApiKey>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</ApiKey></Mistral></settings>")]
    [InlineData("<settings><Mistral><ApiKey>$(MISTRAL_API_KEY)</ApiKey><Model>MistralLargeLatest2411Instruct</Model></Mistral></settings>")]
    [InlineData("<root><Mistral><data name=\"ApiKeyLabel\"><value>EnterYourMistralApiKeyHereToBegin</value></data></Mistral></root>")]
    public void Placeholders_under_a_named_element_stay_silent(string text)
    {
        Assert.Empty(Scan("settings.xml", text));
    }
}
