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
}
