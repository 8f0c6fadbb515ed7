using System.Text.Json;
using Guardrails.Cli.Scan;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 4 #19: the scan skipped <c>.idea/</c>, <c>.vs/</c>, <c>obj/</c>, <c>node_modules/</c> (and <c>bin/</c>)
/// by name, so a key committed there (Rider's shared run configurations, a scripts folder named obj) was read by nothing.
/// What is committed is scanned; only what git neither tracks nor is asked to (ignored or untracked) is skipped there.
/// </summary>
public sealed class ScanCommittedFoldersTests
{
    private static readonly string[] CommittedInSkippedFolders =
    {
        ".idea/runConfigurations/App.xml", ".vs/launch.vs.json", "scripts/obj/deploy.sh", "web/node_modules/cfg/.env", "tools/bin/run.sh",
    };

    private static TempRepo RepoWithKeysInSkippedFolders(string key)
    {
        var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        repo.Write(".gitignore", ".idea/\n.vs/\nobj/\nbin/\nnode_modules/\n");
        repo.Write(".idea/runConfigurations/App.xml", "<component name=\"ProjectRunConfigurationManager\">\n  <envs>\n    <env name=\"OPENAI_API_KEY\" value=\"" + key + "\" />\n  </envs>\n</component>\n");
        repo.Write(".vs/launch.vs.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write("scripts/obj/deploy.sh", "#!/bin/sh\nexport OPENAI_API_KEY=" + key + "\n");
        repo.Write("web/node_modules/cfg/.env", "OPENAI_API_KEY=" + key + "\n");
        repo.Write("tools/bin/run.sh", "#!/bin/sh\nexport OPENAI_API_KEY=" + key + "\n");
        repo.Write("tools/bin/Program.cs", "class P { const string K = \"" + key + "\"; }\n");

        // Ignored and untracked: a developer's own files, never in a clone: may be skipped.
        repo.Write(".idea/workspace.xml", "<env name=\"OPENAI_API_KEY\" value=\"" + key + "\" />\n");
        repo.Write("web/node_modules/other/.env", "OPENAI_API_KEY=" + key + "\n");
        ScanTests.Git(repo.Root, "add", ".gitignore");
        ScanTests.Git(repo.Root, "add", "-f", ".idea/runConfigurations/App.xml", ".vs/launch.vs.json", "scripts/obj/deploy.sh", "web/node_modules/cfg/.env", "tools/bin/run.sh", "tools/bin/Program.cs");
        return repo;
    }

    private static string[] FindingFiles(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(e => e.GetProperty("rule").GetString() is "GRD001" or "GRD002")
            .Select(e => e.GetProperty("file").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void A_key_committed_under_a_folder_named_idea_vs_obj_bin_or_node_modules_is_reported()
    {
        string key = FakeKeys.OpenAiProject("CommittedInSkippedFolderNotReal");
        using TempRepo repo = RepoWithKeysInSkippedFolders(key);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(CommittedInSkippedFolders.Append("tools/bin/Program.cs").Order(StringComparer.Ordinal), FindingFiles(run));
        Assert.DoesNotContain(key, run.All);
    }

    [Fact]
    public void Staged_scan_reads_committed_files_under_those_folders_too()
    {
        string key = FakeKeys.OpenAiProject("StagedInSkippedFolderNotReal");
        using TempRepo repo = RepoWithKeysInSkippedFolders(key);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--staged");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(CommittedInSkippedFolders.Append("tools/bin/Program.cs").Order(StringComparer.Ordinal), FindingFiles(run));
    }

    [Fact]
    public void Untracked_files_in_those_folders_are_skipped_and_other_untracked_files_are_still_scanned()
    {
        using var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        repo.Write("node_modules/pkg/.env", "OPENAI_API_KEY=" + FakeKeys.OpenAiProject() + "\n");
        repo.Write("src/appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + FakeKeys.OpenAiProject() + "\" } }");

        RepositoryFiles files = RepositoryFiles.List(repo.Root);

        Assert.Equal(new[] { "src/appsettings.json" }, files.Text.Select(f => Path.GetRelativePath(repo.Root, f).Replace('\\', '/')));
    }

    [Fact]
    public void Without_a_git_index_the_folders_are_skipped_by_name_and_the_scan_says_so()
    {
        using var repo = new TempRepo();
        repo.Write(".idea/runConfigurations/App.xml", "<env name=\"OPENAI_API_KEY\" value=\"" + FakeKeys.OpenAiProject() + "\" />\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Contains("GRDCL11", run.Err);
        Assert.Contains(".idea", run.Err);
    }
}
