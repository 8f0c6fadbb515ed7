using Guardrails.Core.Files;

namespace Guardrails.Core.Tests;

/// <summary>The one extension/name → language table (<see cref="SourceLanguages.Of"/>) the joins and the escapes read.</summary>
public class SourceLanguageTableTests
{
    [Theory]
    [InlineData("a.sh", SourceLanguage.Shell)]
    [InlineData("a.ZSH", SourceLanguage.Shell)]
    [InlineData("a.psd1", SourceLanguage.PowerShell)]
    [InlineData("a.bat", SourceLanguage.Cmd)]
    [InlineData("a.pyi", SourceLanguage.Python)]
    [InlineData("a.svelte", SourceLanguage.JavaScript)]
    [InlineData("a.ttinclude", SourceLanguage.CSharpScript)]
    [InlineData("a.gradle", SourceLanguage.Jvm)]
    [InlineData("a.hpp", SourceLanguage.C)]
    [InlineData("Makefile", SourceLanguage.Make)]
    [InlineData("GNUmakefile.in", SourceLanguage.Make)]
    [InlineData("a.csproj", SourceLanguage.MsBuild)]
    [InlineData("a.csproj.user", SourceLanguage.MsBuild)]
    [InlineData("a.markdown", SourceLanguage.Markdown)]
    [InlineData("Pages/Index.cshtml", SourceLanguage.MarkupPage)]
    [InlineData("a.ipynb", SourceLanguage.Notebook)]
    [InlineData("a.txt", SourceLanguage.None)]
    [InlineData("a.json", SourceLanguage.None)]
    [InlineData("LICENSE", SourceLanguage.None)]
    [InlineData("", SourceLanguage.None)]
    [InlineData("a.", SourceLanguage.None)]
    [InlineData("src.d/Makefile", SourceLanguage.Make)]
    [InlineData("build.proj.d/notes", SourceLanguage.None)]
    [InlineData("tools\\run.BASH", SourceLanguage.Shell)]
    [InlineData("odd/a\"b<c>|d.py", SourceLanguage.Python)] // a name git keeps that Windows refuses: no exception
    public void The_language_of_a_file_is_read_from_its_extension_then_its_name(string path, SourceLanguage expected)
    {
        Assert.Equal(expected, SourceLanguages.Of(path));
    }
}
