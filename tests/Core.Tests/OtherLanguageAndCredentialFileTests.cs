using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 6 #2: the key scan read neither the code of the other .NET languages (VB, F#, F# scripts), T4
/// templates, patches, nor .netrc credential files. Self-identifying keys are found in all of them as raw text; a key with
/// no fixed format is found where the file names it: <c>Dim mistralApiKey = "…"</c>, <c>let mistralApiKey = "…"</c>, and a
/// .netrc <c>password</c> under the <c>machine</c> it belongs to.
/// </summary>
public class OtherLanguageAndCredentialFileTests
{
    private static readonly string Mistral = FakeKeys.Mistral("MistralFakeKeyForNetrcFileTests7");

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    [Theory]
    [InlineData("Module1.vb", "Module M\n    Const K As String = \"{0}\"\nEnd Module\n")]
    [InlineData("Program.fs", "let key = \"{0}\"\n")]
    [InlineData("tool.fsx", "#r \"nuget: OpenAI\"\nlet key = \"{0}\"\n")]
    [InlineData("Settings.tt", "<#@ template language=\"C#\" #>\n<# var key = \"{0}\"; #>\n")]
    [InlineData("add-key.patch", "--- a/.env\n+++ b/.env\n@@ -1 +1,2 @@\n LOG=info\n+OPENAI_API_KEY={0}\n")]
    [InlineData("fix.diff", "-old\n+{0}\n")]
    [InlineData(".netrc", "machine api.openai.com login me password {0}\n")]
    public void A_self_identifying_key_is_found_in_the_other_languages_patches_and_netrc(string path, string format)
    {
        string key = FakeKeys.OpenAiProject();
        string text = format.Replace("{0}", key, StringComparison.Ordinal);

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), match.Start);
        Assert.DoesNotContain(key, match.Redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".netrc", "machine api.mistral.ai login me password {0}\n")]
    [InlineData("_netrc", "machine api.mistral.ai\n  login me\n  password {0}\n\nmachine example.com login x password y\n")]
    [InlineData("ci.netrc", "default login me password x\nmachine mistral-proxy.contoso.example login me password {0}\n")]
    [InlineData("Keys.vb", "Module M\n    Dim mistralApiKey = \"{0}\"\nEnd Module\n")]
    [InlineData("Keys.fs", "let mistralApiKey = \"{0}\"\n")]
    public void A_key_with_no_fixed_format_is_found_where_the_file_names_it(string path, string format)
    {
        string text = format.Replace("{0}", Mistral, StringComparison.Ordinal);

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal("mistral", match.Format.Id);
        Assert.Equal(text.IndexOf(Mistral, StringComparison.Ordinal), match.Start);
    }

    [Theory]
    [InlineData(".netrc", "machine api.mistral.ai login me password $MISTRAL_API_KEY\n")]
    [InlineData(".netrc", "machine github.com login me password hunter2\n")]
    [InlineData("Keys.vb", "Module M\n    Dim mistralApiKey = Environment.GetEnvironmentVariable(\"MISTRAL_API_KEY\")\nEnd Module\n")]
    public void References_and_ordinary_values_stay_silent(string path, string text) => Assert.Empty(Scan(path, text));
}
