using System.Diagnostics;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 9 route 7: a pull request's first commit adds a key (appsettings.json and a C# file), its second deletes both
/// ("read the key from the environment"). The head is clean, so build, gate and scan passed; the key is pushed and merged with
/// the branch. <c>guardrails scan --since &lt;base&gt;</c> reads every blob the branch's commits wrote, from .git/objects —
/// loose or packed (CI clones are packed) — and a base the clone does not hold is a coded failure, never a pass.
/// </summary>
public class ScanSinceTests
{
    private static string GitOut(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-c", "user.email=t@example.test", "-c", "user.name=t", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "git " + string.Join(' ', args) + ": " + error);
        return output.Trim();
    }

    private static JsonElement[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>The repro: main with a clean app, a branch that adds the key in one commit and deletes it in the next.</summary>
    private static (string Base, string Key) PullRequest(TempRepo repo)
    {
        GitOut(repo.Root, "init", "-q", "-b", "main");
        repo.Write("src/App/Program.cs", "System.Console.WriteLine(\"hello\");\n");
        repo.Write("src/App/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "base");
        string baseSha = GitOut(repo.Root, "rev-parse", "HEAD");
        GitOut(repo.Root, "checkout", "-q", "-b", "feature");
        string key = FakeKeys.OpenAiProject();
        repo.Write("src/App/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }, \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        repo.Write("src/App/Cfg.cs", "static class Cfg\n{\n    public const string Key = \"" + key + "\";\n}\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "wire up OpenAI");
        repo.Write("src/App/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n");
        File.Delete(repo.PathOf("src/App/Cfg.cs"));
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "read the key from the environment");
        return (baseSha, key);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Since_reports_a_key_a_commit_of_the_branch_added_and_a_later_one_deleted(bool packed)
    {
        using var repo = new TempRepo();
        (string baseSha, string key) = PullRequest(repo);
        if (packed)
        {
            GitOut(repo.Root, "gc", "-q", "--aggressive", "--prune=now"); // as a clone has them: in a pack, with deltas
            Assert.Empty(Directory.GetDirectories(repo.PathOf(".git/objects"), "??"));
        }

        CliRun head = CliRun.Of("scan", repo.Root, "--format", "json");
        Assert.True(head.ExitCode == 0, head.All);

        foreach (string since in new[] { baseSha, "main" })
        {
            CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--since", since);

            Assert.True(run.ExitCode == 1, run.All);
            JsonElement[] findings = Findings(run);
            Assert.Equal(new[] { "src/App/Cfg.cs", "src/App/appsettings.json" }, findings.Select(f => f.GetProperty("file").GetString()).OrderBy(f => f, StringComparer.Ordinal).ToArray());
            Assert.All(findings, f => Assert.Equal("GRD002", f.GetProperty("rule").GetString()));
            string commit = GitOut(repo.Root, "rev-parse", "HEAD~1")[..12];
            Assert.All(findings, f => Assert.StartsWith("Commit " + commit + " of this branch wrote this file with a key, ", f.GetProperty("message").GetString()));
            Assert.DoesNotContain(key, run.All);
            Assert.Contains("2 commit(s) of the branch read", run.Err);
        }

        // The base's own history is not the branch's: nothing since HEAD itself.
        Assert.Equal(0, CliRun.Of("scan", repo.Root, "--format", "json", "--since", "HEAD").ExitCode);
    }

    /// <summary>
    /// Adversary round 14 route 13: a branch commits a key through Git LFS (the commit holds the pointer; a push uploads the
    /// object to the LFS store) and a later commit deletes it. CI clones without LFS content (actions/checkout's default), so
    /// the history holds only the pointer, which was read as text: exit 0. Now a pointer the branch wrote is read from the
    /// clone's LFS store (GRD002 in its object) and, when the store lacks it, is GRD312 naming the commit: never a pass.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Since_reads_a_Git_LFS_pointer_the_branch_wrote_from_the_store_or_fails(bool objectInStore)
    {
        using var repo = new TempRepo();
        GitOut(repo.Root, "init", "-q", "-b", "main");
        repo.Write("src/App/Program.cs", "System.Console.WriteLine(\"hello\");\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "base");
        string baseSha = GitOut(repo.Root, "rev-parse", "HEAD");
        GitOut(repo.Root, "checkout", "-q", "-b", "feature");
        string content = "OPENAI_API_KEY=" + FakeKeys.OpenAiProject("LfsHistoryFakeKeyNotReal") + "\n";
        string oid = LfsPointerScanTests.Oid(content);
        repo.Write(".gitattributes", "*.env filter=lfs diff=lfs merge=lfs -text\n");
        repo.Write("prod.env", LfsPointerScanTests.Pointer(content));
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "prod settings");
        File.Delete(repo.PathOf("prod.env"));
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "drop prod settings");
        if (objectInStore)
        {
            repo.Write(".git/lfs/objects/" + oid[..2] + "/" + oid.Substring(2, 2) + "/" + oid, content);
        }

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--since", baseSha);

        Assert.True(run.ExitCode == 1, run.All);
        JsonElement f = Assert.Single(Findings(run), e => e.GetProperty("file").GetString()!.EndsWith("prod.env", StringComparison.Ordinal));
        Assert.Equal(objectInStore ? "GRD002" : "GRD312", f.GetProperty("rule").GetString());
        Assert.Contains("Git LFS", f.GetProperty("message").GetString());
        Assert.DoesNotContain("LfsHistoryFakeKeyNotReal", run.All);
    }

    [Fact]
    public void A_base_the_clone_does_not_hold_is_GRDCL36_not_a_pass()
    {
        using var repo = new TempRepo();
        (string baseSha, _) = PullRequest(repo);
        using var clone = new TempRepo();
        GitOut(clone.Root, "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + repo.Root, "c");
        string shallow = Path.Combine(clone.Root, "c");

        CliRun missing = CliRun.Of("scan", shallow, "--format", "json", "--since", baseSha);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("GRDCL36", missing.Err);
        Assert.Contains("fetch-depth: 0", missing.Err);

        CliRun unknown = CliRun.Of("scan", repo.Root, "--format", "json", "--since", "no-such-branch");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("GRDCL36", unknown.Err);
    }
    /// <summary>
    /// Adversary round 11 route 12: the key is in the pull request's commit message (and an annotated tag's message), not in
    /// any file. <c>--since</c> read the branch's commits but only the file versions they wrote: exit 0. It now reads the
    /// messages of the commits it reads and of the annotated tags on them: GRD002 at <c>commit &lt;id&gt; (message)</c>.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Since_reports_a_key_in_a_commit_message_or_an_annotated_tags_message(bool packed)
    {
        using var repo = new TempRepo();
        GitOut(repo.Root, "init", "-q", "-b", "main");
        repo.Write("src/App/Program.cs", "System.Console.WriteLine(\"hello\");\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "base");
        GitOut(repo.Root, "checkout", "-q", "-b", "feature");
        string inCommit = FakeKeys.OpenAiProject("CommitMessageFakeNotReal");
        string inTag = FakeKeys.OpenAiProject("TagMessageFakeNotReal");
        repo.Write("src/App/Program.cs", "System.Console.WriteLine(\"hello, world\");\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "Add feature\n\nReproduced against prod with OPENAI_API_KEY=" + inCommit);
        string commit = GitOut(repo.Root, "rev-parse", "HEAD");
        GitOut(repo.Root, "tag", "-a", "v1.2.0", "-m", "release; smoke-tested with " + inTag);
        string tag = GitOut(repo.Root, "rev-parse", "v1.2.0");
        if (packed)
        {
            GitOut(repo.Root, "gc", "-q", "--aggressive", "--prune=now");
            GitOut(repo.Root, "pack-refs", "--all");
        }

        Assert.Equal(0, CliRun.Of("scan", repo.Root, "--format", "json").ExitCode);
        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--since", "main");

        Assert.True(run.ExitCode == 1, run.All);
        JsonElement[] findings = Findings(run);
        Assert.All(findings, f => Assert.Equal("GRD002", f.GetProperty("rule").GetString()));
        Assert.Equal(new[] { "commit " + commit[..12] + " (message)", "tag v1.2.0 " + tag[..12] + " (message)" },
            findings.Select(f => f.GetProperty("file").GetString()).OrderBy(f => f, StringComparer.Ordinal).ToArray());
        JsonElement inMessage = findings.Single(f => f.GetProperty("file").GetString()!.StartsWith("commit ", StringComparison.Ordinal));
        Assert.Equal(3, inMessage.GetProperty("line").GetInt32());
        Assert.Equal(45, inMessage.GetProperty("column").GetInt32());
        Assert.DoesNotContain(inCommit, run.All);
        Assert.DoesNotContain(inTag, run.All);
        Assert.Contains("2 commit or tag message(s)", run.Err);
    }

    /// <summary>
    /// Adversary round 12 route 7: the key is a folder name in the branch's history — commit 1 adds
    /// <c>docs/&lt;key&gt;/readme.txt</c>, commit 2 renames the folder — and a submodule path and a symbolic link's target the
    /// branch added and removed again. <c>--since</c> read the contents of the file versions only: exit 0. Every path a commit
    /// of the branch writes now has the checkout's file-name check, and a link's target is read as its content: GRD002 naming
    /// the commit, the key redacted in the path shown.
    /// </summary>
    [Fact]
    public void Since_reports_a_key_in_a_path_a_commit_of_the_branch_wrote()
    {
        using var repo = new TempRepo();
        GitOut(repo.Root, "init", "-q", "-b", "main");
        repo.Write("docs/index.md", "# docs\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "base");
        GitOut(repo.Root, "checkout", "-q", "-b", "feature");
        string inFolder = FakeKeys.OpenAiProject("FolderNameFakeNotReal");
        string inModule = FakeKeys.OpenAiProject("SubmodulePathFakeNotReal");
        string inLink = FakeKeys.OpenAiProject("LinkTargetFakeNotReal");
        repo.Write("docs/" + inFolder + "/readme.txt", "deployment notes\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "update-index", "--add", "--cacheinfo", "160000," + GitOut(repo.Root, "rev-parse", "HEAD") + ",libs/" + inModule);
        File.CreateSymbolicLink(repo.PathOf("current"), "/etc/keys/" + inLink);
        GitOut(repo.Root, "add", "current");
        GitOut(repo.Root, "commit", "-q", "-m", "notes");
        string written = GitOut(repo.Root, "rev-parse", "HEAD")[..12];
        GitOut(repo.Root, "mv", "docs/" + inFolder, "docs/notes");
        GitOut(repo.Root, "rm", "-q", "--cached", "libs/" + inModule);
        GitOut(repo.Root, "rm", "-q", "current");
        GitOut(repo.Root, "commit", "-q", "-m", "rename");

        Assert.Equal(0, CliRun.Of("scan", repo.Root, "--format", "json").ExitCode);
        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--since", "main");

        Assert.True(run.ExitCode == 1, run.All);
        JsonElement[] findings = Findings(run);
        Assert.All(findings, f => Assert.Equal("GRD002", f.GetProperty("rule").GetString()));
        string[] files = findings.Select(f => f.GetProperty("file").GetString()!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(3, files.Length);
        Assert.Equal("current", files[0]);
        Assert.StartsWith("docs/sk-proj-", files[1]);
        Assert.StartsWith("libs/sk-proj-", files[2]);
        Assert.All(findings, f => Assert.Contains("ommit " + written, f.GetProperty("message").GetString()));
        Assert.Contains(findings, f => f.GetProperty("message").GetString()!.Contains("name of this", StringComparison.Ordinal));
        Assert.DoesNotContain(inFolder, run.All);
        Assert.DoesNotContain(inModule, run.All);
        Assert.DoesNotContain(inLink, run.All);
    }

    /// <summary>
    /// Adversary round 12 route 8: the key is in the commit's author and committer lines (a bot identity set from a secret), in
    /// an annotated tag's tagger line, and in an extra header of a commit object (also a comment line of its signature header,
    /// and a key of letters and digits only as a line of the signature block's base64). <c>--since</c> read only the messages: exit 0. It now reads the
    /// whole object text: GRD002 at
    /// <c>commit &lt;id&gt; (author)</c>, <c>(committer)</c>, <c>(x-deploy)</c>, <c>(gpgsig)</c> and <c>tag &lt;name&gt; &lt;id&gt; (tagger)</c>.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Since_reports_a_key_in_the_identity_lines_and_headers_of_a_commit_or_tag(bool packed)
    {
        using var repo = new TempRepo();
        GitOut(repo.Root, "init", "-q", "-b", "main");
        repo.Write("src/App/Program.cs", "System.Console.WriteLine(\"hello\");\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "commit", "-q", "-m", "base");
        GitOut(repo.Root, "checkout", "-q", "-b", "feature");
        string inAuthor = FakeKeys.OpenAiProject("AuthorLineFakeNotReal");
        string inTagger = FakeKeys.OpenAiProject("TaggerLineFakeNotReal");
        string inHeader = FakeKeys.OpenAiProject("ExtraHeaderFakeNotReal");
        string inSignature = FakeKeys.OpenAiProject("SignatureCommentFakeNotReal");
        string inSignatureLine = FakeKeys.GoogleApiKey("SignatureLineFakeNotReal"); // letters and digits only: a base64 line
        repo.Write("src/App/Program.cs", "System.Console.WriteLine(\"payments v2\");\n");
        GitOut(repo.Root, "add", "-A");
        GitOut(repo.Root, "-c", "user.email=ci+" + inAuthor + "@contoso.example", "-c", "user.name=deploy bot", "commit", "-q", "-m", "v2");
        string identity = GitOut(repo.Root, "rev-parse", "HEAD");
        GitOut(repo.Root, "-c", "user.name=release " + inTagger, "tag", "-a", "v2", "-m", "release v2");
        string tag = GitOut(repo.Root, "rev-parse", "v2");

        // A commit object with an extra header and a signature header git accepts (a crafted push is the same bytes).
        string tree = GitOut(repo.Root, "rev-parse", "HEAD^{tree}");
        string body = "tree " + tree + "\nparent " + identity + "\nauthor dev <dev@example.test> 1700000000 +0000\ncommitter dev <dev@example.test> 1700000000 +0000\n" +
            "x-deploy token=" + inHeader + "\ngpgsig -----BEGIN PGP SIGNATURE-----\n Comment: " + inSignature + "\n \n iQEzBAABCAAdFiEEsk+proj/T3BlbkFJabc/def+ghi=\n " +
inSignatureLine + "\n =AbCd\n -----END PGP SIGNATURE-----\n\nchore\n";
        string objectFile = repo.Write(".git/crafted-commit", body);
        string crafted = GitOut(repo.Root, "hash-object", "-t", "commit", "-w", objectFile);
        GitOut(repo.Root, "update-ref", "refs/heads/feature", crafted);
        if (packed)
        {
            GitOut(repo.Root, "gc", "-q", "--prune=now");
            GitOut(repo.Root, "pack-refs", "--all");
        }

        Assert.Equal(0, CliRun.Of("scan", repo.Root, "--format", "json").ExitCode);
        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json", "--since", "main");

        Assert.True(run.ExitCode == 1, run.All);
        JsonElement[] findings = Findings(run);
        Assert.All(findings, f => Assert.Equal("GRD002", f.GetProperty("rule").GetString()));
        Assert.Equal(
            new[] { "commit " + crafted[..12] + " (gpgsig)", "commit " + crafted[..12] + " (gpgsig)", "commit " + crafted[..12] + " (x-deploy)", "commit " + identity[..12] + " (author)", "commit " + identity[..12] + " (committer)", "tag v2 " + tag[..12] + " (tagger)" }
                .OrderBy(f => f, StringComparer.Ordinal),
            findings.Select(f => f.GetProperty("file").GetString()).OrderBy(f => f, StringComparer.Ordinal).ToArray());
        JsonElement author = findings.Single(f => f.GetProperty("file").GetString()!.EndsWith("(author)", StringComparison.Ordinal));
        Assert.Equal(1, author.GetProperty("line").GetInt32());
        Assert.Equal("author deploy bot <ci+".Length + 1, author.GetProperty("column").GetInt32());
        foreach (string key in new[] { inAuthor, inTagger, inHeader, inSignature, inSignatureLine })
        {
            Assert.DoesNotContain(key, run.All);
        }

        Assert.Contains("3 commit or tag message(s)", run.Err);
    }

    /// <summary>
    /// Adversary round 12 route 9: a partial clone (<c>--filter=blob:none</c>, or <c>tree:0</c>) holds every commit of the
    /// branch but not the file versions (or folders) its older commits wrote. <c>--since</c> warned (GRD007) that a blob could
    /// not be read, and passed. The scan does not run git (so no lazy fetch from the promisor remote): a branch object the
    /// partial clone does not hold is GRDCL50, exit 2 — clone without a filter.
    /// </summary>
    [Theory]
    [InlineData("blob:none")]
    [InlineData("tree:0")]
    public void A_partial_clone_missing_the_branchs_file_versions_is_GRDCL50_not_a_pass(string filter)
    {
        using var repo = new TempRepo();
        (string baseSha, string key) = PullRequest(repo);
        GitOut(repo.Root, "config", "uploadpack.allowFilter", "true");
        using var clone = new TempRepo();
        GitOut(clone.Root, "clone", "-q", "--filter=" + filter, "--branch", "feature", "file://" + repo.Root, "c");
        string partial = Path.Combine(clone.Root, "c");
        Assert.Equal("false", GitOut(partial, "rev-parse", "--is-shallow-repository"));

        CliRun run = CliRun.Of("scan", partial, "--format", "json", "--since", baseSha);

        Assert.True(run.ExitCode == 2, run.All);
        Assert.Contains("GRDCL50", run.Err);
        Assert.Contains("partial clone", run.Err);
        Assert.DoesNotContain(key, run.All);

        // A clone without a filter (the settings docs/ci.md names) reads them: GRD002.
        GitOut(clone.Root, "clone", "-q", "--branch", "feature", "file://" + repo.Root, "full");
        CliRun full = CliRun.Of("scan", Path.Combine(clone.Root, "full"), "--format", "json", "--since", baseSha);
        Assert.True(full.ExitCode == 1, full.All);
        Assert.All(Findings(full), f => Assert.Equal("GRD002", f.GetProperty("rule").GetString()));
    }
}
