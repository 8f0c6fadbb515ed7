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

    [Fact]
    public void The_package_targets_keep_no_extension_list_of_their_own()
    {
        string targets = File.ReadAllText(Path.Combine(RepoPaths.Root, "nuget", "build", "Guardrails.targets"));

        Assert.DoesNotMatch(new Regex(@"Extension\)' == '\.(json|yml|env|toml)'"), targets);
        Assert.Contains("GuardrailsScanByKind=\"true\"", targets);
    }
}
