using System.Diagnostics;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 6 #16 and #21: a committed file whose name is not valid UTF-8, and a committed file checked out by git
/// in an encoding the key scan does not read (<c>working-tree-encoding</c>), were left out of `guardrails scan` in silence.
/// </summary>
public sealed class Round6NamesAndEncodingsTests
{
    private static (string Rule, string File, int Line, string Level)[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(e => (e.GetProperty("rule").GetString()!, e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("level").GetString()!))
            .ToArray();
    }

    private static void Shell(string dir, string script)
    {
        var start = new ProcessStartInfo("/bin/sh", new[] { "-c", script }) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using Process p = Process.Start(start)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }

    [Fact]
    public void A_committed_file_whose_name_is_not_UTF8_is_GRD312_and_its_committed_key_is_GRD002()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows file names are UTF-16: no byte sequence to be invalid
        }

        using var repo = new TempRepo();
        repo.Write("App/App.csproj", Documents.Project);
        string key = FakeKeys.OpenAiProject("BadNameFakeKeyNotReal");
        repo.Write("key.txt", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        // The name's one byte 0xFF is no UTF-8; the content is committed as a loose object by `git add`.
        Shell(repo.Root, "git init -q . && mv key.txt \"$(printf 'settings\\377.json')\" && git add -A && " +
                         "git -c user.email=t@example.test -c user.name=t commit -qm x");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var found = Findings(run);
        Assert.Contains(found, f => f.Rule == "GRD312" && f.File.StartsWith("settings", StringComparison.Ordinal) && f.Level == "error");
        Assert.Contains(found, f => f.Rule == "GRD002" && f.File.StartsWith("settings", StringComparison.Ordinal) && f.Line == 1 && f.Level == "error");
        Assert.DoesNotContain(key, run.Out + run.Err);
    }

    [Theory]
    [InlineData("*.cfg text working-tree-encoding=IBM037", true)]
    [InlineData("config/*.json text working-tree-encoding=SHIFT-JIS", true)]
    [InlineData("*.rc text working-tree-encoding=UTF-16LE-BOM", false)]
    [InlineData("*.txt text working-tree-encoding=UTF-16", false)]
    [InlineData("# *.cfg working-tree-encoding=IBM037", false)]
    public void A_working_tree_encoding_the_scan_does_not_read_is_GRD312_at_its_line(string line, bool reported)
    {
        using var repo = new TempRepo();
        repo.Write("App/App.csproj", Documents.Project);
        repo.Write(".gitattributes", "* text=auto\n" + line + "\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        var found = Findings(run).Where(f => f.File == ".gitattributes").ToArray();
        if (reported)
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(("GRD312", ".gitattributes", 2, "error"), Assert.Single(found));
        }
        else
        {
            Assert.Empty(found);
        }
    }
}
