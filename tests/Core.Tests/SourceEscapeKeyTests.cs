using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 13 routes 1, 5 and 11: a key written in an encoding its reader undoes. A URL's percent-escape
/// (<c>sk%2Dproj-…</c>: the server decodes it), the file language's own string escape (<c>sk\x2dproj-…</c> in Python,
/// <c>sk\u002dproj-…</c> in TypeScript, <c>sk&amp;#45;proj-…</c> in Markdown) and a notebook output whose list of
/// strings splits the key (Jupyter concatenates the list). Each is found and reported where its text starts in the file.
/// </summary>
public class SourceEscapeKeyTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("SourceEscapeFakeKeyNotReal");

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    /// <summary>The key with its first '-' (after "sk") written as <paramref name="escape"/>.</summary>
    private static string Escaped(string escape) => "sk" + escape + Key.Substring(3);

    private static string PercentAll(string s) => string.Concat(s.Select(c => "%" + ((int)c).ToString("X2")));

    public static TheoryData<string, string, string> PercentFiles() => new()
    {
        { "src/App/appsettings.json", "{ \"Llm\": { \"Url\": \"https://ai-gateway.contoso.example/v1/chat?api-key=", "\" } }\n" },
        { "call.sh", "#!/bin/sh\ncurl -s \"https://ai-gateway.contoso.example/v1/models?api-key=", "\"\n" },
        { "deploy/values.yaml", "llm:\n  url: https://u:", "@ai-gateway.contoso.example/v1\n" },
        { "notes.txt", "endpoint https://ai-gateway.contoso.example/v1?key=", "\n" },
    };

    [Theory]
    [MemberData(nameof(PercentFiles))]
    public void A_key_percent_encoded_in_a_url_is_found_at_its_first_character(string path, string before, string after)
    {
        string text = before + Escaped("%2D") + after;
        Assert.DoesNotContain("sk-", text);

        SecretMatch match = Assert.Single(Scan(path, text), m => !m.Format.IsGeneric);
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(before.Length, match.Start);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Theory]
    [InlineData(".env", "OPENAI_URL_TOKEN=")]
    [InlineData("appsettings.json", "{ \"Token\": \"")]
    public void A_value_wholly_percent_encoded_is_found(string path, string before)
    {
        string text = before + PercentAll(Key) + "\"\n";
        Assert.Contains(Scan(path, text), m => m.Format.Id == "openai-project" && m.Start == before.Length);
    }

    public static TheoryData<string, string, string> LanguageEscapes() => new()
    {
        { "tools/summarise.py", "from openai import OpenAI\nclient = OpenAI(api_key=\"", "\\x2d" },
        { "tools/octal.py", "k = '", "\\055" },
        { "tools/long.py", "k = '", "\\U0000002d" },
        { "go/key.go", "package main\nconst key = \"", "\\x2d" },
        { "lib/key.rb", "KEY = \"", "\\x2d" },
        { "lib/key2.rb", "KEY = \"", "\\u{2d}" },
        { "web/client.ts", "export const key = \"", "\\u002d" },
        { "web/client.js", "const key = '", "\\x2d" },
        { "java/Llm.java", "class Llm { static final String K = \"", "\\u002d" },
        { "app/Llm.kt", "val k = \"", "\\u002d" },
        { "src/main.rs", "const K: &str = \"", "\\u{2d}" },
        { "build.ps1", "$env:OPENAI_API_KEY = \"", "`u{2d}" },
        { "run.sh", "export K=$'", "\\x2d" },
        { "README.md", "Use the key ", "&#45;" },
        { "docs/setup.md", "Use the key ", "&#x2d;" },
        { "docs/more.markdown", "Use the key ", "&hyphen;" },
        { "Pages/Index.cshtml", "<script>const k = \"", "\\x2d" },
    };

    [Theory]
    [MemberData(nameof(LanguageEscapes))]
    public void A_key_written_with_the_languages_own_escape_is_found_at_its_first_character(string path, string before, string escape)
    {
        string text = before + Escaped(escape) + "\"\n";
        Assert.DoesNotContain("sk-", text);

        SecretMatch match = Assert.Single(Scan(path, text), m => !m.Format.IsGeneric);
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(before.Length, match.Start);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Theory]
    [InlineData("notes.txt", "\\x2d")]      // no language: a backslash is a backslash
    [InlineData("web/client.ts", "\\055")]  // TypeScript has no octal escapes in strings
    [InlineData("java/Llm.java", "\\x2d")]  // nor Java \x
    [InlineData("tools/k.py", "&#45;")]     // Python does not read HTML references
    [InlineData("tools/k.py", "\\\\x2d")]   // an escaped backslash, then "x2d": no escape
    public void Escapes_the_files_language_does_not_have_are_text(string path, string escape)
    {
        Assert.DoesNotContain(Scan(path, "k = \"" + Escaped(escape) + "\"\n"), m => m.Format.Id == "openai-project");
    }

    [Fact]
    public void Malformed_escapes_never_throw()
    {
        foreach (string body in new[] { "%", "%2", "%zz", "\\", "\\x", "\\x2", "\\u00", "\\u{", "\\u{2d", "\\u{zzzzzzzz}", "`u{", "&#", "&#;", "&hyphen", "\\777" })
        {
            foreach (string path in new[] { "a.py", "a.ts", "a.rs", "a.ps1", "a.md", "a.json", "a.rb" })
            {
                Scan(path, "k = \"" + body);
                Scan(path, body + Key.Substring(2));
            }
        }
    }

    [Fact]
    public void A_key_split_inside_a_notebook_outputs_text_list_is_found_at_its_first_piece()
    {
        string head = Key.Substring(0, 50);
        string tail = Key.Substring(50);
        string before = "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"source\": [\n    \"print(cfg)\\n\"\n   ],\n" +
                        "   \"outputs\": [\n    {\n     \"output_type\": \"stream\",\n     \"name\": \"stdout\",\n     \"text\": [\n      \"{'key': '";
        string text = before + head + "\",\n      \"" + tail + "'}\\n\"\n     ]\n    }\n   ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";

        SecretMatch match = Assert.Single(Scan("notebooks/explore.ipynb", text), m => !m.Format.IsGeneric);
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(before.Length, match.Start);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Fact]
    public void A_key_split_inside_a_notebook_outputs_data_list_is_found()
    {
        string text = "{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"cfg['key']\"],\"outputs\":[{\"output_type\":\"execute_result\",\"data\":{\"text/plain\":[\"'" +
                      Key.Substring(0, 30) + "\",\"" + Key.Substring(30) + "'\"]}}]}]}";
        Assert.Contains(Scan("n.ipynb", text), m => m.Format.Id == "openai-project");
    }

    [Fact]
    public void Two_unrelated_list_items_of_a_notebook_are_not_joined_into_a_finding()
    {
        string text = "{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"import os\\n\",\"print(os.getcwd())\\n\"],\"outputs\":[]}]}";
        Assert.Empty(Scan("n.ipynb", text));
    }
}
