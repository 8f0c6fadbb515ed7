using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 11 route 4: an F# Interactive script (<c>dotnet fsi tools/ask.fsx</c>) restores <c>#r "nuget: OpenAI"</c>
/// itself, and a Cake build script (<c>dotnet cake</c>) loads <c>#addin nuget:?package=OpenAI&amp;version=2.1.0</c> into the
/// build; no project compiles either, and nothing read them as package references. The one script reader reads both.
/// </summary>
public sealed class FsxAndCakeScriptsTests
{
    private static string[] Found(string path, string text) =>
        InteractiveScripts.Parse(path, text).Select(p => p.Id + "|" + p.Version + "|" + p.Line + "|" + p.Column).ToArray();

    [Theory]
    [InlineData("tools/ask.fsx")]
    [InlineData("build.cake")]
    [InlineData("TOOLS/ASK.FSX")]
    public void Fsx_and_cake_files_are_scripts_the_build_and_the_scan_read(string path) => Assert.True(InteractiveScripts.IsScript(path));

    [Fact]
    public void An_fsx_script_s_nuget_references_are_read_like_a_csx_s()
    {
        string script = "// tools/ask.fsx\n" +
                        "#r \"nuget: OpenAI, 2.1.0\"\n" +
                        "#r \"nuget:Anthropic.SDK\"\n" +
                        "  #r \"nuget: Sdcb.DashScope, 3.0.0\"\n" +
                        "#r \"../lib/OpenAI.dll\"\n" +
                        "#i \"nuget: https://example.test/feed/index.json\"\n" +
                        "// #r \"nuget: Ollama\"\n" +
                        "open OpenAI.Chat\n";

        Assert.Equal(new[] { "OpenAI|2.1.0|2|1", "Anthropic.SDK||3|1", "Sdcb.DashScope|3.0.0|4|3", "OpenAI||5|1" }, Found("tools/ask.fsx", script));
    }

    [Fact]
    public void A_cake_script_s_addin_tool_module_and_load_directives_of_nuget_packages_are_read_at_their_lines()
    {
        string script = "#addin nuget:?package=OpenAI&version=2.1.0\n" +
                        "#tool nuget:?package=Anthropic.SDK&version=5.0.0\n" +
                        "#addin \"nuget:?package=Cnblogs.DashScope.Sdk&version=0.6.0&loaddependencies=true\"\n" +
                        "#module nuget:?package=Cake.OpenAI.Module\n" +
                        "#load nuget:https://example.test/v3/index.json?package=GeminiDotnet&version=1.0.0\n" +
                        "  #tool dotnet:?package=Standard.AI.OpenAI&version=1.0.0 // a comment\n" +
                        "#addin \"Cake.Git\"\n" +
                        "#load \"./build/helpers.cake\"\n" +
                        "#l local.cake\n" +
                        "#r \"tools/OpenAI.dll\"\n" +
                        "#reference \"tools/Anthropic.dll\"\n" +
                        "// #addin nuget:?package=Ollama\n" +
                        "var target = Argument(\"target\", \"Default\");\n" +
                        "Task(\"Default\").Does(() => Information(\"#addin nuget:?package=NotADirective\"));\n";

        Assert.Equal(new[]
        {
            "OpenAI|2.1.0|1|1", "Anthropic.SDK|5.0.0|2|1", "Cnblogs.DashScope.Sdk|0.6.0|3|1", "Cake.OpenAI.Module||4|1", "GeminiDotnet|1.0.0|5|1",
            "Standard.AI.OpenAI|1.0.0|6|3", "Cake.Git||7|1", "OpenAI||10|1", "Anthropic||11|1",
        }, Found("build.cake", script));
    }

    [Fact]
    public void A_cake_script_without_an_r_directive_is_still_read_from_disk()
    {
        string dir = Path.Combine(Path.GetTempPath(), "grd-cake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "build.cake");
            File.WriteAllText(file, "#addin nuget:?package=OpenAI&version=2.1.0\nTask(\"Default\");\n");
            Assert.Equal(new[] { "OpenAI|2.1.0|1|1" }, InteractiveScripts.Read(file).Select(p => p.Id + "|" + p.Version + "|" + p.Line + "|" + p.Column));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
