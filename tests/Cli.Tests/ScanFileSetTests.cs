using System.Text.RegularExpressions;
using Guardrails.Cli.Scan;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>The scan reads the kinds of file the build passes to the key scan, from the one list (ScanFileKinds).</summary>
public sealed class ScanFileSetTests
{
    [Fact]
    public void Scan_reads_config_script_infrastructure_project_env_plain_text_and_other_languages_files_and_not_images_or_CSharp()
    {
        using var repo = new TempRepo();
        // Adversary round 3 #9: plain text, key files, tables, other languages' code and templates, Jenkinsfile and Makefile
        // held keys that neither the build nor the scan read.
        foreach (string name in new[]
                 {
                     "appsettings.Development.json", "deploy.sh", "settings.toml", ".env.local", ".envrc", "App.csproj", "notes.md", "Dockerfile", "main.tf", "readme.txt", "logo.svg", "Program.cs",
                     "openai.key", "keys.csv", "Jenkinsfile", "Makefile", "app.js", "index.html", "Comp.vue", "K.java", "main.go", "k.rb", "k.php", "deploy.tpl", "env.j2", "photo.jpg",
                 })
        {
            repo.Write("src/" + name, "x");
        }

        RepositoryFiles files = RepositoryFiles.List(repo.Root);

        Assert.Equal(
            new[]
            {
                ".env.local", ".envrc", "App.csproj", "Comp.vue", "Dockerfile", "Jenkinsfile", "K.java", "Makefile", "app.js", "appsettings.Development.json", "deploy.sh", "deploy.tpl",
                "env.j2", "index.html", "k.php", "k.rb", "keys.csv", "main.go", "main.tf", "notes.md", "openai.key", "readme.txt", "settings.toml",
            },
            files.Text.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("Program.cs", Path.GetFileName(Assert.Single(files.CSharp)));
        Assert.Equal("App.csproj", Path.GetFileName(Assert.Single(files.Projects)));
    }

    /// <summary>
    /// Adversary round 7 route 3: a project is known by its content (root &lt;Project), not by a .csproj extension; round 8
    /// route 8: a file of any name with that root that uses an SDK or imports anything is one even when nothing names it.
    /// </summary>
    [Fact]
    public void Scan_finds_projects_of_any_proj_extension_and_any_file_a_solution_or_reference_names()
    {
        using var repo = new TempRepo();
        foreach (string name in new[] { "P.proj", "P.msbuildproj", "P.esproj", "P.sqlproj", "P.csxproj" })
        {
            repo.Write("src/" + name.Replace('.', '_') + "/" + name, "\uFEFF<?xml version=\"1.0\"?>\n<!-- x -->\n<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n");
        }

        repo.Write("src/Not/readme.proj", "<Projection />");
        repo.Write("src/Named/Worker.build", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("src/Named/Unnamed.build", "<Project Sdk=\"Microsoft.NET.Sdk\" />"); // a project by its SDK (adversary round 8 route 8)
        repo.Write("src/Named/Settings.build", "<Project>\n  <PropertyGroup><Version>1.0</Version></PropertyGroup>\n</Project>\n"); // no SDK, no import: not one
        repo.Write("src/Named/Shared.props", "<Project>\n  <Import Project=\"Sdk.props\" Sdk=\"Microsoft.NET.Sdk\" />\n</Project>\n"); // imported, not built
        repo.Write("App.sln", "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"Worker\", \"src\\Named\\Worker.build\", \"{0}\"\nEndProject\n");

        RepositoryFiles files = RepositoryFiles.List(repo.Root);

        Assert.Equal(
            new[] { "P.csxproj", "P.esproj", "P.msbuildproj", "P.proj", "P.sqlproj", "Unnamed.build", "Worker.build" },
            files.Projects.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_reads_what_a_project_ships_whatever_its_kind_as_the_build_does()
    {
        // Kinds the scan does not read by extension (.css, .map, .dat, .liquid, .resx), read because the project ships them.
        using var repo = new TempRepo();
        repo.Write("src/Web/Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <ItemGroup>\n    <None Update=\"data/notes.dat\" CopyToOutputDirectory=\"PreserveNewest\" />\n" +
            "    <Content Include=\"assets/**/*.css\">\n      <CopyToPublishDirectory>Always</CopyToPublishDirectory>\n    </Content>\n    <EmbeddedResource Include=\"templates/mail.liquid\" />\n" +
            "    <None Include=\"packed/readme.dat\" Pack=\"true\" PackagePath=\"\\\" />\n  </ItemGroup>\n</Project>\n");
        foreach (string name in new[] { "wwwroot/css/site.css", "wwwroot/js/app.js.map", "wwwroot/img/logo.png", "Strings.resx", "data/notes.dat", "data/other.dat",
                     "assets/a/b/widget.css", "assets/top.css", "templates/mail.liquid", "templates/other.liquid", "packed/readme.dat", "scripts/tool.css" })
        {
            repo.Write("src/Web/" + name, "x");
        }

        // A library (not a web project): its wwwroot is not published by default, its .resx is embedded.
        repo.Write("src/Lib/Lib.csproj", Documents.Project);
        repo.Write("src/Lib/wwwroot/lib.css", "x");
        repo.Write("src/Lib/Messages.resx", "x");

        RepositoryFiles files = RepositoryFiles.List(repo.Root);
        string[] read = files.Text.Select(f => Path.GetRelativePath(repo.Root, f).Replace('\\', '/')).ToArray();

        foreach (string shipped in new[] { "src/Web/wwwroot/css/site.css", "src/Web/wwwroot/js/app.js.map", "src/Web/Strings.resx", "src/Web/data/notes.dat",
                     "src/Web/assets/a/b/widget.css", "src/Web/assets/top.css", "src/Web/templates/mail.liquid", "src/Web/packed/readme.dat", "src/Lib/Messages.resx" })
        {
            Assert.Contains(shipped, read);
        }

        foreach (string notShipped in new[] { "src/Web/wwwroot/img/logo.png", "src/Web/data/other.dat", "src/Web/templates/other.liquid", "src/Web/scripts/tool.css", "src/Lib/wwwroot/lib.css" })
        {
            Assert.DoesNotContain(notShipped, read);
        }
    }

    [Fact]
    public void A_key_in_a_web_projects_wwwroot_stylesheet_is_reported_by_scan()
    {
        using var repo = new TempRepo();
        string key = FakeKeys.OpenAiProject("ScanWwwrootFakeKeyNotReal");
        repo.Write("src/Web/Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("src/Web/wwwroot/css/site.css", "/* theme */\n.banner::after { content: \"" + key + "\"; }\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(run.Out);
        System.Text.Json.JsonElement f = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), e => e.GetProperty("rule").GetString() == "GRD002");
        Assert.Equal("src/Web/wwwroot/css/site.css", f.GetProperty("file").GetString());
        Assert.Equal(2, f.GetProperty("line").GetInt32());
        Assert.DoesNotContain(key, run.All);
    }

    [Fact]
    public void A_key_at_line_2_of_a_committed_text_file_padded_past_the_compilers_limit_fails_the_scan_with_GRD002()
    {
        // Adversary round 5 #11: deploy/values.yaml padded to 3.4 MB was a GRD007 warning only (scan exit 0).
        using var repo = new TempRepo();
        string key = FakeKeys.OpenAiProject("ScanPaddedValuesFakeKeyNotReal");
        var padded = new System.Text.StringBuilder("openai:\n  apiKey: " + key + "\n");
        while (padded.Length <= Guardrails.Core.Files.TextFileSecrets.MaxLength + 100_000)
        {
            padded.Append("# padding padding padding padding padding padding padding padding padding\n");
        }

        repo.Write("deploy/values.yaml", padded.ToString());
        repo.Write("deploy/near-end.txt", new string('#', Guardrails.Core.Files.TextFileSecrets.MaxLength + 10) + "\n" + key + "\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(run.Out);
        System.Text.Json.JsonElement[] findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        System.Text.Json.JsonElement values = Assert.Single(findings, e => e.GetProperty("rule").GetString() == "GRD002" && e.GetProperty("file").GetString() == "deploy/values.yaml");
        Assert.Equal(2, values.GetProperty("line").GetInt32());
        System.Text.Json.JsonElement end = Assert.Single(findings, e => e.GetProperty("rule").GetString() == "GRD002" && e.GetProperty("file").GetString() == "deploy/near-end.txt");
        Assert.Equal(2, end.GetProperty("line").GetInt32());
        Assert.DoesNotContain(findings, e => e.GetProperty("rule").GetString() == "GRD007");
        Assert.DoesNotContain(key, run.All);
    }

    [Fact]
    public void A_committed_text_file_over_the_streaming_limit_fails_the_scan_in_Enforce_with_GRD312()
    {
        using var repo = new TempRepo();
        string path = repo.Write("deploy/huge.yaml", "a: b\n");
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(Guardrails.Core.Files.TextFileSecrets.StreamMaxBytes + 1);
        }

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(run.Out);
        System.Text.Json.JsonElement gap = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), e => e.GetProperty("rule").GetString() == "GRD312");
        Assert.Equal("deploy/huge.yaml", gap.GetProperty("file").GetString());
    }

    [Fact]
    public void A_key_as_the_name_of_a_committed_file_fails_the_scan_with_GRD002_at_the_path_redacted()
    {
        // Adversary round 5 #12 ('fname3'): App/keys/<whole key>.txt holding only "openai".
        using var repo = new TempRepo();
        string key = FakeKeys.OpenAiProject("ScanFileNameFakeKeyNotReal");
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write("App/keys/" + key + ".txt", "openai\n");
        repo.Write("App/other/" + key + "/notes.dat", "x\n");

        CliRun json = CliRun.Of("scan", repo.Root, "--format", "json");
        CliRun text = CliRun.Of("scan", repo.Root);

        Assert.Equal(1, json.ExitCode);
        Assert.Equal(1, text.ExitCode);
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(json.Out);
        System.Text.Json.JsonElement[] named = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(e => e.GetProperty("rule").GetString() == "GRD002" && e.GetProperty("message").GetString()!.Contains("The name of this file", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, named.Length);
        Assert.Contains(named, e => e.GetProperty("file").GetString()!.StartsWith("App/keys/sk-proj-", StringComparison.Ordinal));
        Assert.DoesNotContain(key, json.All + text.All);
    }

    [Fact]
    public void A_key_as_the_target_text_of_a_dangling_symbolic_link_fails_the_scan_with_GRD002()
    {
        // Adversary round 5 ('fname2'): the scan skipped symbolic links, and git commits a link's target text as its blob.
        using var repo = new TempRepo();
        string key = FakeKeys.OpenAiProject("ScanDanglingLinkFakeKeyNotReal");
        repo.Write("App/App.csproj", Documents.Project);
        Directory.CreateDirectory(repo.PathOf("deploy"));
        File.CreateSymbolicLink(repo.PathOf("deploy/openai.env"), "OPENAI_API_KEY=" + key);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(run.Out);
        System.Text.Json.JsonElement f = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), e => e.GetProperty("rule").GetString() == "GRD002");
        Assert.Equal("deploy/openai.env", f.GetProperty("file").GetString());
        Assert.DoesNotContain(key, run.All);

        // Issue 12, "every message says what to do": the scan names itself, not the build's check, and says what to do.
        string message = f.GetProperty("message").GetString()!;
        Assert.Contains("Found by guardrails scan", message);
        Assert.DoesNotContain("Guardrails check", message);
        Assert.Contains("Remove the link from git", message);
    }

    [Fact]
    public void The_package_targets_keep_no_extension_list_of_their_own()
    {
        string targets = File.ReadAllText(Path.Combine(RepoPaths.Root, "nuget", "build", "Guardrails.targets"));

        Assert.DoesNotMatch(new Regex(@"Extension\)' == '\.(json|yml|env|toml)'"), targets);
        Assert.Contains("GuardrailsScanByKind=\"true\"", targets);
    }
}
