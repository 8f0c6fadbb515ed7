using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Keys written in the script or container language's own quoting (adversary round 11 route 1): one word or literal that
/// the language joins from pieces (a quoted tail, empty quotes, a backslash-newline, a PowerShell backtick, a cmd caret,
/// Python adjacent literals, an empty interpolation). Found as the language joins them, reported at the key's first piece,
/// never as a GRD006 "possible secret" for the first piece alone.
/// </summary>
public class LanguageJoinScanTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("JoinedFakeKeyNotReal");
    private static readonly string A = Key.Substring(0, 60);
    private static readonly string B = Key.Substring(60);

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    // {0} = the key's first 60 characters, {1} = the rest.
    public static TheoryData<string, string> Spellings() => new()
    {
        { "Dockerfile", "FROM alpine\nENV OPENAI_API_KEY={0}\\\n{1}\nRUN true\n" },
        { "Dockerfile", "FROM alpine\nENV OPENAI_API_KEY={0}\"{1}\"\n" },
        { "Dockerfile", "FROM alpine\nARG OPENAI_API_KEY=\"{0}\\\n{1}\"\n" },
        { "scripts/summarize.sh", "#!/bin/sh\nexport OPENAI_API_KEY={0}\"{1}\"\npython3 x.py\n" },
        { "scripts/summarize.sh", "export OPENAI_API_KEY='{0}''{1}'\n" },
        { "scripts/summarize.sh", "export OPENAI_API_KEY={0}\"\"{1}\n" },
        { "scripts/summarize.sh", "export OPENAI_API_KEY={0}\\\n{1}\n" },
        { "scripts/summarize.bash", "export OPENAI_API_KEY={0}${{EMPTY:-}}{1}\n" },
        { "scripts/notes.ps1", "$env:OPENAI_API_KEY = \"{0}`{1}\"\n" },
        { "scripts/notes.cmd", "@echo off\r\nset OPENAI_API_KEY={0}^{1}\r\n" },
        { "scripts/settings.py", "OPENAI_API_KEY = (\"{0}\"\n                  \"{1}\")\n" },
        { "scripts/settings.py", "OPENAI_API_KEY = '{0}' \\\n    f'{1}'\n" },
        { "scripts/settings.py", "OPENAI_API_KEY = \"{0}\\\n{1}\"\n" },
        { "scripts/settings.py", "OPENAI_API_KEY = f\"{0}{{\"\"}}{1}\"\n" },
        { "infra/main.tf", "variable \"k\" {{\n  default = \"{0}${{\"\"}}{1}\"\n}}\n" },
        { "infra/main.bicep", "param k string = '{0}${{''}}{1}'\n" },
        { ".env.production", "OPENAI_API_KEY={0}${{EMPTY:-}}{1}\n" },
        { "docker-compose.yml", "services:\n  app:\n    environment:\n      OPENAI_API_KEY: \"{0}${{EMPTY:-}}{1}\"\n" },
        // MSBuild evaluation (adversary round 11 route 10): an undefined property, item list or metadata is nothing, and a
        // property function joins its quoted arguments.
        { "Directory.Build.targets", "<Project>\n  <PropertyGroup><LlmSetting>{0}$(Nothing){1}</LlmSetting></PropertyGroup>\n</Project>\n" },
        { "src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><OpenAiKey>{0}@(Nothing){1}</OpenAiKey></PropertyGroup>\n</Project>\n" },
        { "Directory.Build.props", "<Project>\n  <ItemGroup><ContainerEnvironmentVariable Include=\"OPENAI_API_KEY\" Value=\"{0}%(Nothing.Value){1}\" /></ItemGroup>\n</Project>\n" },
        { "build/llm.targets", "<Project>\n  <PropertyGroup><LlmSetting>$([System.String]::Concat('{0}', '{1}'))</LlmSetting></PropertyGroup>\n</Project>\n" },
        { "Properties/PublishProfiles/a.pubxml", "<Project>\n  <ItemGroup><ContainerAppCommandArgs Include=\"$([System.String]::Concat(`{0}`,`{1}`))\" /></ItemGroup>\n</Project>\n" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_key_the_language_joins_is_found_at_its_first_piece(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, A, B);
        Assert.DoesNotContain(Key, text); // the raw text does not hold the key

        List<SecretMatch> found = Scan(path, text);

        SecretMatch match = Assert.Single(found);
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf(A, StringComparison.Ordinal), match.Start);
        Assert.Equal(text.IndexOf(B, StringComparison.Ordinal) + B.Length, match.Start + match.Length);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Theory]
    [InlineData("scripts/run.sh", "echo \"{0}\" \"{1}\"\n")]              // two shell words
    [InlineData("scripts/settings.py", "a = \"{0}\"\nb = \"{1}\"\n")]      // two statements
    [InlineData("scripts/notes.cmd", "set A=\"{0}\" \"{1}\"\r\n")]         // cmd keeps quotes
    [InlineData("a.props", "<Project><Target Name=\"T\"><Message Text=\"{0} $(X) {1}\" /></Target></Project>\n")]  // a blank between
    public void Pieces_the_language_does_not_join_are_not_one_key(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, A, B);
        Assert.DoesNotContain(Scan(path, text), m => m.Format.Id == "openai-project");
    }

    [Fact]
    public void Malformed_quoting_and_ordinary_scripts_report_nothing_and_never_throw()
    {
        foreach (string path in new[] { "a.sh", "a.ps1", "a.cmd", "a.py", "Dockerfile", "a.tf", ".env" })
        {
            Assert.Empty(Scan(path, "\"'`^\\\n${\n${\"\"\n{\"\"\n\"\"\"\n'''\\"));
            Assert.Empty(Scan(path, "export PATH=\"$HOME/bin\":$PATH\nRUN apt-get install -y \\\n  curl git\nx = (\"a\"\n  \"b\")\n"));
        }
    }
    /// <summary>
    /// The joined view is built only from the first junction on (speed15: the text before it is copied at once, and a file
    /// with no junction builds no view): a key joined far into a file, after characters that could start a junction but do
    /// not (<c>$HOME</c>, <c>{</c> of a block, a lone quote, a caret), is still found at its first piece.
    /// </summary>
    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_joined_key_after_a_long_prefix_of_near_junctions_is_found_at_its_first_piece(string path, string format)
    {
        var prefix = new System.Text.StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            prefix.Append("# line ").Append(i).Append(" $HOME {x} ^ ` a\\b\n\n");
        }

        string tail = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, A, B);
        string text = prefix + tail;

        List<SecretMatch> found = Scan(path, text);

        SecretMatch match = Assert.Single(found, m => m.Format.Id == "openai-project");
        Assert.Equal(text.IndexOf(A, StringComparison.Ordinal), match.Start);
        Assert.Equal(text.IndexOf(B, StringComparison.Ordinal) + B.Length, match.Start + match.Length);
    }
}
