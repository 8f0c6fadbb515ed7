using System.Text;
using Guardrails.Core.Files;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks.Tests;

/// <summary>GuardrailsSelectScanFiles: what the key scan may hand to the compiler, and what it names instead (GRD007).</summary>
public class SelectScanFilesTests
{
    private static (string[] Files, string Skipped) Run(TempDir dir, string projectDir, bool repositoryFiles, params string[] candidates)
    {
        string list = Path.Combine(dir.Path, "obj", "guardrails.scan-skipped.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(list)!);
        var engine = new FakeBuildEngine();
        var task = new GuardrailsSelectScanFiles
        {
            BuildEngine = engine,
            Candidates = candidates.Select(c => (ITaskItem)new TaskItem(c)).ToArray(),
            ProjectDirectory = projectDir,
            SkippedListFile = list,
            IncludeRepositoryFiles = repositoryFiles,
        };
        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        return (task.Files.Select(f => f.ItemSpec).ToArray(), File.ReadAllText(list));
    }

    [Fact]
    public void A_file_named_with_percent_escapes_is_handed_to_the_compiler_and_kept_back_under_its_real_name()
    {
        // Issue 16: openai-dotnet commits OutputFormatWorks(%aac%).json. MSBuild gives the task the real name but reads the
        // spec of every item the task hands back as escaped text: settings(%aac%).json came back as settings(ªc%).json,
        // which does not exist (CS2001, no Guardrails code).
        using var dir = new TempDir();
        string text = dir.Write("Fixtures/settings(%aac%).json", "{ \"a\": 1 }");
        string large = dir.Write("Fixtures/big%41.json", "{ \"a\": \"" + new string('x', TextFileSecrets.MaxLength + 10) + "\" }");
        string list = Path.Combine(dir.Path, "obj", "guardrails.scan-skipped.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(list)!);
        var task = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            Candidates = new[] { text, large }.Select(c => (ITaskItem)new TaskItem(c.Replace("%", "%25"))).ToArray(), // as MSBuild holds them
            ProjectDirectory = dir.Path,
            SkippedListFile = list,
            IncludeRepositoryFiles = false,
        };

        Assert.True(task.Execute());

        Assert.Contains(text, task.Files.Select(f => f.ItemSpec));
        Assert.Equal(new[] { large }, task.KeptBack.Select(f => f.ItemSpec));
        Assert.All(task.Files.Concat(task.KeptBack), f => Assert.True(File.Exists(f.ItemSpec), f.ItemSpec));
    }

    [Fact]
    public void A_dangling_symbolic_link_among_the_repository_files_is_kept_back_and_the_selection_never_falls_back_to_unchecked_candidates()
    {
        // Adversary round 5 ('fname', 'fname2'): deploy/openai.env, a committed symbolic link whose target text is
        // OPENAI_API_KEY=<key>, made the build fail with CS2001 on obj/.../apphost and no GRD code.
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "deploy"));
        string link = Path.Combine(dir.Path, "deploy", "openai.env");
        File.CreateSymbolicLink(link, "OPENAI_API_KEY=" + Guardrails.Tests.Shared.FakeKeys.OpenAiProject("DanglingLinkFakeKeyNotReal"));
        string project = dir.Write("App/App.csproj", "<Project />");
        string apphost = Path.Combine(dir.Path, "App", "obj", "Debug", "net10.0", "apphost"); // written after the compiler runs

        (string[] files, string skipped) = Run(dir, Path.GetDirectoryName(project)!, repositoryFiles: true, apphost);

        Assert.DoesNotContain(apphost, files);
        Assert.DoesNotContain(link, files);
        Assert.Equal((SkippedList.Link, link), SkippedList.Parse(skipped).Select(e => (e.Reason, e.Path)).Single());
    }

    [Fact]
    public void Binary_content_behind_a_text_extension_is_kept_back_and_listed_while_every_encoding_the_compiler_decodes_passes()
    {
        using var dir = new TempDir();
        string binary = dir.WriteBytes("data.json", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D });
        string utf16 = dir.WriteBytes("utf16.json", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{ \"a\": 1 }")).ToArray());
        string utf16be = dir.WriteBytes("utf16be.json", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("{ \"a\": 1 }")).ToArray());
        string utf32 = dir.WriteBytes("utf32.json", new UTF32Encoding(false, true).GetPreamble().Concat(Encoding.UTF32.GetBytes("{ }")).ToArray());
        string invalidUtf8 = dir.WriteBytes("bad.yml", new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28, 0xFF, (byte)'\n' });
        string text = dir.Write("appsettings.json", "{ }");

        (string[] files, string skipped) = Run(dir, dir.Path, repositoryFiles: false, binary, utf16, utf16be, utf32, invalidUtf8, text, Path.Combine(dir.Path, "missing.json"));

        Assert.DoesNotContain(binary, files);
        Assert.Contains(utf16, files);
        Assert.Contains(utf16be, files);
        Assert.DoesNotContain(utf32, files); // the compiler reads UTF-32 as UTF-16 full of NULs: the check scans it
        Assert.Contains(invalidUtf8, files);
        Assert.Contains(text, files);
        Assert.Equal(
            new[] { (SkippedList.Binary, 12L, binary), (SkippedList.Encoding, 16L, utf32) },
            SkippedList.Parse(skipped).ToArray());
        Assert.Contains(files, f => f.EndsWith(SkippedList.FileName, StringComparison.Ordinal)); // the list itself goes to the analyzer
    }

    [Fact]
    public void Text_the_compiler_cannot_decode_is_kept_back_for_the_check_even_when_it_is_shipped_and_binary_stays_quiet()
    {
        // Adversary round 3 #14: UTF-16LE without a byte-order mark (a shipped .txt) passed as "binary" and was never scanned.
        using var dir = new TempDir();
        const string Text = "OPENAI_API_KEY=read-it-from-somewhere-else\n";
        string le = dir.WriteBytes("k16.txt", new UnicodeEncoding(false, false).GetBytes(Text));
        string be = dir.WriteBytes("k16be.txt", new UnicodeEncoding(true, false).GetBytes(Text));
        string u32 = dir.WriteBytes("k32.json", new UTF32Encoding(false, false).GetBytes("{ \"a\": \"" + Text.Trim() + "\" }"));
        string u32be = dir.WriteBytes("k32be.json", new UTF32Encoding(true, true).GetPreamble().Concat(new UTF32Encoding(true, false).GetBytes("{ }")).ToArray());
        string image = dir.WriteBytes("logo.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0 });
        string zeros = dir.WriteBytes("zeros.txt", new byte[64]);

        var items = new[] { le, be, u32, u32be, image, zeros }.Select(f =>
        {
            var item = new TaskItem(f);
            item.SetMetadata(Guardrails.BuildTasks.Foundation.ScanFileKinds.ShippedMetadata, "true");
            return (ITaskItem)item;
        }).ToArray();
        string list = Path.Combine(dir.Path, "obj", SkippedList.FileName);
        var task = new GuardrailsSelectScanFiles { BuildEngine = new FakeBuildEngine(), Candidates = items, ProjectDirectory = dir.Path, SkippedListFile = list, IncludeRepositoryFiles = false };
        Assert.True(task.Execute());

        Assert.Equal(new[] { le, be, u32, u32be }, task.KeptBack.Select(k => k.ItemSpec).ToArray());
        Assert.All(SkippedList.Parse(File.ReadAllText(list)), e => Assert.Equal(SkippedList.Encoding, e.Reason));
        Assert.True(SkippedList.ScannedByCheck(SkippedList.Encoding)); // so the analyzer does not call them unscanned (GRD007)
        Assert.DoesNotContain(task.Files, f => f.ItemSpec == image || f.ItemSpec == zeros); // shipped binaries: nothing to scan
    }

    [Fact]
    public void A_100_MB_file_is_kept_back_by_its_size_without_being_read()
    {
        using var dir = new TempDir();
        string big = Path.Combine(dir.Path, "huge.json");
        using (var stream = File.Create(big))
        {
            stream.SetLength(100L * 1024 * 1024); // sparse: would read as 100 MB of NULs
        }

        string limit = dir.Write("at-limit.json", new string(' ', TextFileSecrets.MaxLength));
        string large = dir.Write("large.json", new string(' ', TextFileSecrets.MaxLength + 1));
        (string[] files, string skipped) = Run(dir, dir.Path, repositoryFiles: false, big, limit, large);

        Assert.DoesNotContain(big, files);
        Assert.DoesNotContain(large, files);
        Assert.Contains(limit, files);
        Assert.Equal(
            new[] { (SkippedList.TooLarge, 100L * 1024 * 1024, big), (SkippedList.Large, TextFileSecrets.MaxLength + 1L, large) },
            SkippedList.Parse(skipped).ToArray());
    }

    [Fact]
    public void Nothing_kept_back_passes_no_list_and_writes_only_the_header()
    {
        using var dir = new TempDir();
        string text = dir.Write("appsettings.json", "{ }");
        (string[] files, string skipped) = Run(dir, dir.Path, repositoryFiles: false, text);
        Assert.Equal(new[] { text }, files);
        Assert.Empty(SkippedList.Parse(skipped));
    }

    [Fact]
    public void The_repository_CI_and_container_files_are_added_from_the_root_above_the_project()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        string workflow = dir.Write(".github/workflows/build.yml", "on: push\n");
        string workflowYaml = dir.Write(".github/workflows/release.yaml", "on: push\n");
        string gitlab = dir.Write(".gitlab-ci.yml", "stages: [build]\n");
        string azure = dir.Write("azure-pipelines.yml", "trigger: [main]\n");
        string compose = dir.Write("docker-compose.override.yml", "services: {}\n");
        string deployEnv = dir.Write("deploy/.env", "A=1\n");
        string helmValues = dir.Write("deploy/helm/values.yaml", "openai: {}\n");
        string helmProd = dir.Write("helm/values.prod.yaml", "openai: {}\n");
        dir.Write("deploy/helm/Chart.yaml", "name: app\n");
        dir.Write(".github/workflows/notes.md", "not CI\n");
        dir.Write("other/docker-compose.yml", "not at the root\n");
        string project = Path.Combine(dir.Path, "src", "App");
        Directory.CreateDirectory(project);

        (string[] files, _) = Run(dir, project, repositoryFiles: true);
        Assert.Equal(new[] { workflow, workflowYaml, gitlab, azure, compose, deployEnv, helmValues, helmProd }.OrderBy(f => f, StringComparer.Ordinal), files.OrderBy(f => f, StringComparer.Ordinal));

        (string[] none, _) = Run(dir, project, repositoryFiles: false);
        Assert.Empty(none);
    }

    [Fact]
    public void Project_items_are_kept_only_of_a_scanned_kind_while_files_named_one_by_one_are_kept_whatever_their_kind()
    {
        using var dir = new TempDir();
        string json = dir.Write("appsettings.json", "{ }");
        string env = dir.Write(".env.production", "A=1");
        string markdown = dir.Write("notes.md", "# notes");
        string docker = dir.Write("Dockerfile.prod", "FROM scratch");
        string terraform = dir.Write("infra/main.tf", "variable \"k\" {}");
        string typescript = dir.Write("ClientApp/api.ts", "export const x = 1;");
        string video = dir.WriteBytes("media/clip.ts", new byte[] { 0x47, 0, 0x11, 0x10, 0, 0x42 }); // MPEG transport stream
        string text = dir.Write("notes.txt", "plain notes"); // adversary round 3 #9: plain text is read (it was not)
        string jenkins = dir.Write("Jenkinsfile", "pipeline { }");
        string image = dir.Write("logo.svg", "<svg/>");
        string named = dir.Write("runbook.txt", "named by GuardrailsScanFile");
        string list = Path.Combine(dir.Path, "obj", "guardrails.scan-skipped.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(list)!);
        ITaskItem ByKind(string path) => new TaskItem(path, new Dictionary<string, string> { ["GuardrailsScanByKind"] = "true" });
        var task = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            Candidates = new[] { ByKind(json), ByKind(env), ByKind(markdown), ByKind(docker), ByKind(terraform), ByKind(typescript), ByKind(video), ByKind(text), ByKind(jenkins), ByKind(image), new TaskItem(named) },
            ProjectDirectory = dir.Path,
            SkippedListFile = list,
            IncludeRepositoryFiles = false,
        };

        Assert.True(task.Execute());

        Assert.Equal(new[] { json, env, markdown, docker, terraform, typescript, text, jenkins, named }, task.Files.Select(f => f.ItemSpec));
        Assert.Empty(task.KeptBack); // the binary .ts is a video, not a text file hiding its content
    }

    [Fact]
    public void A_shipped_item_is_read_whatever_its_extension_when_it_is_text_and_a_shipped_binary_is_left_out_quietly()
    {
        using var dir = new TempDir();
        string script = dir.Write("wwwroot/app.js", "const x = 1;");
        string text = dir.Write("secrets.txt", "value");
        string resx = dir.Write("Resources.resx", "<root />");
        string image = dir.WriteBytes("logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        string model = dir.WriteBytes("model.bin", new byte[] { 1, 0, 2, 0, 3 });
        string markdown = dir.Write("README.svg", "<svg>not shipped, not of a scanned kind</svg>");
        string list = Path.Combine(dir.Path, "obj", "guardrails.scan-skipped.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(list)!);
        ITaskItem Shipped(string path) => new TaskItem(path, new Dictionary<string, string> { ["GuardrailsScanShipped"] = "true" });
        ITaskItem ByKind(string path) => new TaskItem(path, new Dictionary<string, string> { ["GuardrailsScanByKind"] = "true" });
        var task = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            Candidates = new[] { Shipped(script), Shipped(text), Shipped(resx), Shipped(image), Shipped(model), ByKind(markdown) },
            ProjectDirectory = dir.Path,
            SkippedListFile = list,
            IncludeRepositoryFiles = false,
        };

        Assert.True(task.Execute());

        Assert.Equal(new[] { script, text, resx }, task.Files.Select(f => f.ItemSpec));
        Assert.Empty(task.KeptBack);
        Assert.Empty(SkippedList.Parse(File.ReadAllText(list)));
    }
}
