using Guardrails.Tests.Shared;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Adversary round 8 route 10: the check reads every committed file the compiler is not given for self-identifying keys
/// (Engine/CommittedKeyFiles), in this project's part of the repository and outside every project's part.
/// </summary>
public class CommittedKeyFilesTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("CommittedFilesUnitNotReal");

    /// <summary>
    /// A repository with the project at src/App, a second project at src/Other, files of route 10's kinds holding the key in
    /// each part and at the root, all committed.
    /// </summary>
    private static TempDir Repository()
    {
        var dir = new TempDir();
        GitIndexTests.Git(dir.Path, "init", "-q");
        dir.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("src/App/Program.cs", "class P { static void Main() { } }");
        dir.Write("src/App/.globalconfig", "is_global = true\nbuild_property.OpenAiApiKey = " + Key + "\n");
        dir.Write("src/App/Strings.resw", "<root>\n  <data name=\"Key\"><value>" + Key + "</value></data>\n</root>\n");
        dir.Write("src/App/appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + Key + "\" } }");
        dir.Write("src/Other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("src/Other/Info.plist", "<dict><key>K</key><string>" + Key + "</string></dict>");
        dir.Write("tools/dirs.proj", "<Project Sdk=\"Microsoft.Build.Traversal/4.1.0\"></Project>");
        dir.Write("tools/deploy.tmpl", "OPENAI_API_KEY=" + Key + "\n");
        dir.Write(".editorconfig", "root = true\n[*.cs]\nopenai_api_key = " + Key + "\n");
        dir.Write("nginx.conf.template", "proxy_set_header Authorization \"Bearer " + Key + "\";\n");
        dir.Write("CODEOWNERS", "# OPENAI_API_KEY=" + Key + "\n* @team\n");
        dir.Write("docs/notes.template", "mistral_api_key = " + FakeKeys.Mistral("UnitTemplateNamedNotReal") + "\n");
        dir.Write("docs/Strings.resx", "<root>\n  <data name=\"MistralApiKey\"><value>" + FakeKeys.Mistral("UnitResxNamedNotReal") + "</value></data>\n</root>\n");
        GitIndexTests.Git(dir.Path, "add", "-A");
        dir.Write("untracked.template", "OPENAI_API_KEY=" + Key + "\n");
        return dir;
    }

    private static (GuardrailsCheck Task, FakeBuildEngine Engine) Check(TempDir dir, params string[] compilerFiles)
    {
        var engine = new FakeBuildEngine();
        string project = Path.Combine(dir.Path, "src", "App", "App.csproj");
        var task = new GuardrailsCheck
        {
            BuildEngine = engine,
            ProjectPath = project,
            EffectivePolicyFile = Path.Combine(dir.Path, "src", "App", "obj", "guardrails.effective-policy.json"),
            CheckFootprints = "false",
            CompilerFiles = compilerFiles.Select(f => (ITaskItem)new TaskItem(Path.Combine(dir.Path, f))).ToArray(),
        };
        return (task, engine);
    }

    [Fact]
    public void The_check_reports_keys_in_its_projects_committed_files_and_the_repositorys_own_at_file_line_and_column()
    {
        using TempDir dir = Repository();
        var (task, engine) = Check(dir, "src/App/Program.cs", "src/App/appsettings.json", "src/App/App.csproj");

        Assert.False(task.Execute());

        var files = engine.Errors.Where(e => e.Code == "GRD002").Select(e => Path.GetRelativePath(dir.Path, e.File).Replace('\\', '/') + "(" + e.LineNumber + "," + e.ColumnNumber + ")").ToList();
        Assert.Equal(
            new[] { ".editorconfig(3,18)", "CODEOWNERS(1,18)", "docs/Strings.resx(2,37)", "nginx.conf.template(1,40)", "src/App/.globalconfig(2,31)", "src/App/Strings.resw(2,27)", "tools/deploy.tmpl(1,16)" },
            files.OrderBy(f => f, StringComparer.Ordinal));
        Assert.All(engine.Errors, e => Assert.DoesNotContain(Key.Substring(8, 30), e.Message));
        Assert.All(engine.Errors.Where(e => e.Code == "GRD002"), e => Assert.Contains("committed file the compiler is not given", e.Message));
    }

    [Fact]
    public void Another_projects_part_a_named_key_in_text_of_no_known_grammar_and_an_untracked_file_are_not_read()
    {
        using TempDir dir = Repository();
        var (task, engine) = Check(dir, "src/App/Program.cs", "src/App/appsettings.json", "src/App/App.csproj");

        task.Execute();

        Assert.DoesNotContain(engine.Errors, e => e.File.EndsWith("Info.plist", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Errors, e => e.File.EndsWith("untracked.template", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Errors.Cast<LazyFormattedBuildEventArgs>().Concat(engine.Warnings), e => e.Message!.Contains("notes.template", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Errors, e => e.File.EndsWith("notes.template", StringComparison.Ordinal)); // plain text: no name reader
        Assert.DoesNotContain(engine.Warnings, e => e.Code == "GRD006");
        Assert.DoesNotContain(engine.Errors, e => e.File.EndsWith("appsettings.json", StringComparison.Ordinal)); // the compiler's key scan reads it
    }

    [Fact]
    public void Without_the_compiler_files_or_with_GuardrailsScanFiles_false_nothing_is_read()
    {
        using TempDir dir = Repository();
        var (task, engine) = Check(dir);
        task.CompilerFiles = null;
        task.Execute();
        Assert.DoesNotContain(engine.Errors, e => e.Code == "GRD002");

        var (off, offEngine) = Check(dir, "src/App/Program.cs");
        off.ScanFiles = "false";
        off.Execute();
        Assert.DoesNotContain(offEngine.Errors, e => e.Code == "GRD002");
    }

    [Fact]
    public void GuardrailsScanRepositoryFiles_false_keeps_the_read_to_the_projects_folder()
    {
        using TempDir dir = Repository();
        var (task, engine) = Check(dir, "src/App/Program.cs", "src/App/appsettings.json", "src/App/App.csproj");
        task.ScanRepositoryFiles = "false";

        task.Execute();

        var files = engine.Errors.Where(e => e.Code == "GRD002").Select(e => Path.GetFileName(e.File)).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(new[] { ".globalconfig", "Strings.resw" }, files);
    }
}
