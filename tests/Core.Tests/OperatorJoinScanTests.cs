using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Keys the script and code languages join by an operator or a function of literals (adversary round 11 route 1
/// remainders): PowerShell <c>"…" + "…"</c> and <c>-join ("…","…")</c>, Python/JavaScript <c>+</c>, a JavaScript template's
/// empty interpolation and backslash-newline, C# script, F#, VB, SQL operators, Terraform <c>join</c>, Bicep and ARM
/// <c>concat</c>, a GitHub expression's <c>format</c>, Makefile and MSBuild variable references and MSBuild's <c>%2D</c>.
/// Found as the program holds the value, reported at the key's first piece, never as a GRD006 "possible secret".
/// </summary>
public class OperatorJoinScanTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("OperatorLinkFakeNotReal");
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
        { "scripts/notes.ps1", "$env:OPENAI_API_KEY = \"{0}\" + \"{1}\"\n" },
        { "scripts/notes.ps1", "$env:OPENAI_API_KEY = -join (\"{0}\",\"{1}\")\n" },
        { "scripts/notes.psm1", "$k = '{0}' +\n  '{1}'\n" },
        { "scripts/settings.py", "OPENAI_API_KEY = \"{0}\" + \"{1}\"\n" },
        { "scripts/settings.py", "OPENAI_API_KEY = \"\".join([\"{0}\", \"{1}\"])\n" },
        { "wwwroot/js/app.js", "const k = \"{0}\" + \"{1}\";\n" },
        { "wwwroot/js/app.js", "const k = `{0}${{\"\"}}{1}`;\n" },
        { "wwwroot/js/app.js", "const k = \"{0}\\\n{1}\";\n" },
        { "wwwroot/js/app.js", "const k = [\"{0}\", \"{1}\"].join(\"\");\n" },
        { "src/app.ts", "const k: string = '{0}' +\n  '{1}';\n" },
        { "tools/setup.csx", "var k = \"{0}\" + \"{1}\";\n" },
        { "tools/setup.csx", "var k = string.Concat(\"{0}\", \"{1}\");\n" },
        { "tools/ask.fsx", "let k = \"{0}\" + \"{1}\"\n" },
        { "src/Legacy/Keys.vb", "Dim k = \"{0}\" & \"{1}\"\n" },
        { "src/Legacy/Keys.vb", "Dim k = \"{0}\" & _\n        \"{1}\"\n" },
        { "infra/main.tf", "locals {{\n  k = join(\"\", [\"{0}\", \"{1}\"])\n}}\n" },
        { "infra/main.tf", "locals {{\n  k = \"${{\"{0}\"}}{1}\"\n}}\n" },
        { "infra/main.bicep", "var k = concat('{0}', '{1}')\n" },
        { "infra/azuredeploy.json", "{{ \"parameters\": {{ \"k\": {{ \"type\": \"string\", \"defaultValue\": \"[concat('{0}', '{1}')]\" }} }} }}\n" },
        { "chart/templates/secret.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n  value: \"{0}{{{{ \"\" }}}}{1}\"\n" },
        { ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${{{{ format('{{0}}{{1}}', '{0}', '{1}') }}}}\n" },
        { "Makefile", "K := {0}$(EMPTY){1}\nall:\n\techo ok\n" },
        { "db/seed.sql", "INSERT INTO settings VALUES ('k', '{0}' || '{1}');\n" },
        { "db/seed.sql", "SELECT CONCAT('{0}', '{1}');\n" },
        { "Directory.Build.props", "<Project><PropertyGroup><OpenAiKey>{0}$(Nothing){1}</OpenAiKey></PropertyGroup></Project>\n" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_key_joined_by_an_operator_or_a_function_of_literals_is_found_at_its_first_piece(string path, string format)
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

    [Fact]
    public void MSBuild_percent_escapes_in_a_property_are_read_as_MSBuild_unescapes_them()
    {
        string text = "<Project><PropertyGroup><K2>sk%2D" + Key.Substring(3) + "</K2></PropertyGroup></Project>\n";

        SecretMatch match = Assert.Single(Scan("Directory.Build.props", text));

        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf("sk%2D", StringComparison.Ordinal), match.Start);
    }

    [Theory]
    [InlineData("wwwroot/js/app.js", "const a = [\"{0}\", \"{1}\"];\n")]           // two array elements, no join
    [InlineData("scripts/settings.py", "a = \"{0}\" + b + \"{1}\"\n")]            // a variable between the literals
    [InlineData("src/app.js", "f(\"{0}\") + g(\"{1}\")\n")]                       // two calls
    [InlineData("scripts/run.sh", "echo \"{0}\" + \"{1}\"\n")]                    // a shell's + is a word
    [InlineData("wwwroot/js/app.js", "const a = \"{0}\" \"{1}\";\n")]            // JavaScript has no adjacent literals
    public void Literals_the_language_does_not_join_are_not_one_key(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, A, B);
        Assert.DoesNotContain(Scan(path, text), m => m.Format.Id == "openai-project");
    }

    [Fact]
    public void Ordinary_code_with_joins_reports_nothing_and_malformed_text_never_throws()
    {
        foreach (string path in new[] { "a.js", "a.ps1", "a.py", "a.vb", "a.fsx", "a.csx", "a.sql", "a.tf", "a.bicep", "a.json", "Makefile", "a.props", "a.yml" })
        {
            Assert.Empty(Scan(path, "\"'`+&|,\n\"a\" +\n\" + \"\n'x' || \n$(\n%2\n${\"\n{{ \"\n"));
            Assert.Empty(Scan(path, "url = \"https://example.com/api/v1/\" + \"chat/completions?model=gpt-4o-mini\"\nname = concat('resource-group-', 'production-westeurope')\n"));
        }
    }

    // One language table and one %XX decoder whose view the joins read (session 17): the forms the two former tables and
    // the two former decoders each missed.

    private static void AssertOneKey(string text, List<SecretMatch> found, string startsWith)
    {
        SecretMatch match = Assert.Single(found);
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf(startsWith, StringComparison.Ordinal), match.Start);
        Assert.Equal(text.IndexOf(B, StringComparison.Ordinal) + B.Length, match.Start + match.Length);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Theory]
    [InlineData("tools/settings.py", "OPENAI_API_KEY = (\"sk\\x2d{0}\"\n    \"{1}\")\n")]       // adjacent literals, one with an escape
    [InlineData("web/client.ts", "export const k = \"sk\\u002d{0}\" + \"{1}\";\n")]              // + of literals, one with an escape
    [InlineData("build/Directory.Build.props", "<Project><PropertyGroup><K2>sk%2D{0}$(Nothing){1}</K2></PropertyGroup></Project>\n")]
    public void A_key_both_escaped_and_joined_is_found_from_its_first_character(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, A.Substring(3), B);

        AssertOneKey(text, Scan(path, text), "sk");
    }

    [Theory]
    [InlineData("build/Custom.tasks")]   // MSBuild's task list files: imported as MSBuild, not read as MSBuild before
    [InlineData("db/Warehouse.sqlproj")] // an MSBuild project by its "proj" extension
    public void Every_MSBuild_file_joins_a_value_cut_by_a_property_reference(string path)
    {
        string text = "<Project><PropertyGroup><K2>" + A + "$(Nothing)" + B + "</K2></PropertyGroup></Project>\n";

        AssertOneKey(text, Scan(path, text), A);
    }

    [Theory]
    [InlineData("Rakefile")]
    [InlineData("Vagrantfile")]
    public void Ruby_files_known_by_name_read_Ruby_escapes(string path)
    {
        string text = "KEY = \"sk\\x2d" + Key.Substring(3) + "\"\n";

        SecretMatch match = Assert.Single(Scan(path, text));
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf("sk", StringComparison.Ordinal), match.Start);
    }

    [Fact]
    public void An_MSBuild_property_named_as_a_key_and_percent_encoded_is_the_key_not_a_possible_secret()
    {
        string text = "<Project><PropertyGroup><OpenAiApiKey>sk%2D" + Key.Substring(3) + "</OpenAiApiKey></PropertyGroup></Project>\n";

        SecretMatch match = Assert.Single(Scan("Directory.Build.props", text));
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf("sk%2D", StringComparison.Ordinal), match.Start);
    }
}
