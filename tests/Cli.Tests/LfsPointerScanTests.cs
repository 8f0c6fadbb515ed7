using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 10 route 8: a key committed through Git LFS. A checkout without LFS content holds the pointer
/// (<c>version https://git-lfs.github.com/spec/v1</c>, <c>oid sha256:…</c>, <c>size …</c>) and `guardrails scan` read the
/// pointer and said nothing. Now it reads the object from the clone's LFS store (<c>.git/lfs/objects/aa/bb/oid</c>, SHA-256
/// and size checked): GRD002 at the pointer file; without the object the file's content was not scanned: GRD312, an error.
/// git-lfs itself is not needed: the pointer and the object are written as git-lfs writes them.
/// </summary>
public sealed class LfsPointerScanTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("LfsPointerFakeKeyNotReal");

    private static readonly string Content = "{ \"OpenAI\": { \"ApiKey\": \"" + Key + "\" } }\n";

    internal static string Oid(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    internal static string Pointer(string content) =>
        "version https://git-lfs.github.com/spec/v1\noid sha256:" + Oid(content) + "\nsize " + Encoding.UTF8.GetByteCount(content) + "\n";

    private static (string Rule, string File, int Line, string Level, string Message)[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(e => (e.GetProperty("rule").GetString()!, e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(),
                          e.GetProperty("level").GetString()!, e.GetProperty("message").GetString()!))
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

    private static TempRepo Committed(string? pointer = null)
    {
        var repo = new TempRepo();
        repo.Write("src/App/App.csproj", Documents.Project);
        repo.Write(".gitattributes", "src/App/appsettings.Production.json filter=lfs diff=lfs merge=lfs -text\n");
        repo.Write("src/App/appsettings.Production.json", pointer ?? Pointer(Content));
        Shell(repo.Root, "git init -q . && git add -A && git -c user.email=t@example.test -c user.name=t commit -qm lfs");
        return repo;
    }

    [Fact]
    public void A_pointer_whose_object_this_clone_lacks_is_GRD312_an_error()
    {
        using TempRepo repo = Committed();

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var f = Assert.Single(Findings(run), f => f.File == "src/App/appsettings.Production.json");
        Assert.Equal(("GRD312", "error"), (f.Rule, f.Level));
        Assert.Contains("Git LFS pointer", f.Message, StringComparison.Ordinal);
        Assert.Contains("lfs: true", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pointer_whose_object_was_fetched_is_scanned_by_the_object_and_a_wrong_object_is_not_taken_for_it()
    {
        using TempRepo repo = Committed();
        string oid = Oid(Content);
        string stored = repo.Write(".git/lfs/objects/" + oid[..2] + "/" + oid[2..4] + "/" + oid, Content);

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var f = Assert.Single(Findings(run), f => f.File == "src/App/appsettings.Production.json");
        Assert.Equal(("GRD002", 1, "error"), (f.Rule, f.Line, f.Level));
        Assert.Contains("Git LFS object", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, run.Out + run.Err);

        // A store entry whose content is not the object (edited after the fetch) is not read as it: the file was not scanned.
        File.WriteAllText(stored, Content.Replace("OpenAI", "Nothing", StringComparison.Ordinal));
        run = CliRun.Of("scan", repo.Root, "--format", "json");
        Assert.Equal("GRD312", Assert.Single(Findings(run), f => f.File == "src/App/appsettings.Production.json").Rule);
    }

    /// <summary>
    /// Adversary round 12 route 2: git-lfs also accepts the pre-release version URLs and a pointer with white space around it
    /// (its decoder trims the pointer first); each is read by its object, or GRD312 without it.
    /// </summary>
    [Theory]
    [InlineData("https://hawser.github.com/spec/v1", "")]
    [InlineData("http://git-media.io/v/2", "")]
    [InlineData("https://git-lfs.github.com/spec/v1", "\n  ")]
    public void A_pointer_in_a_spelling_git_lfs_accepts_is_read_by_its_object_or_GRD312(string versionUrl, string before)
    {
        string pointer = before + Pointer(Content).Replace("https://git-lfs.github.com/spec/v1", versionUrl, StringComparison.Ordinal);
        using TempRepo repo = Committed(pointer);

        CliRun missing = CliRun.Of("scan", repo.Root, "--format", "json");
        Assert.Equal("GRD312", Assert.Single(Findings(missing), f => f.File == "src/App/appsettings.Production.json").Rule);

        string oid = Oid(Content);
        repo.Write(".git/lfs/objects/" + oid[..2] + "/" + oid[2..4] + "/" + oid, Content);
        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");
        Assert.Equal("GRD002", Assert.Single(Findings(run), f => f.File == "src/App/appsettings.Production.json").Rule);
        Assert.DoesNotContain(Key, run.Out + run.Err);
    }
}
