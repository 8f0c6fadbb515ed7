using System.Diagnostics;

namespace Guardrails.EndToEnd.Tests;

/// <summary>git as a CI checkout runs it: a repository around a test project, its commits and a fresh clone.</summary>
internal static class Git
{
    /// <summary>Runs git in <paramref name="dir"/> with a fixed identity and no signing; fails the test when git fails.</summary>
    public static void Run(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        long cpuBefore = DotNet.Timings.ChildCpuMilliseconds();
        var sw = Stopwatch.StartNew();
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        DotNet.Timings.Record("git", args, dir, p.ExitCode, sw.Elapsed, cpuBefore);
        Assert.True(p.ExitCode == 0, "git " + string.Join(" ", args) + ": " + output);
    }

    /// <summary>
    /// <c>git init</c> in <paramref name="dir"/> and one commit of everything in it (<paramref name="force"/>: ignored
    /// files too, as <c>git add -f</c>).
    /// </summary>
    public static void CommitAll(string dir, string message = "init", bool force = false)
    {
        Run(dir, "init", "-q");
        Run(dir, force ? new[] { "add", "-A", "-f", "." } : new[] { "add", "-A" });
        Run(dir, "commit", "-q", "-m", message);
    }

    /// <summary>
    /// Moves the repository in <paramref name="dir"/> aside and clones it back at the very same path (a CI agent's fixed
    /// work folder), then gives every checked-out file and the git index one time: a fast checkout writes them in the same
    /// clock tick (file times are coarse), the case where "the index is newer" does not hold.
    /// </summary>
    public static void CloneInPlaceWithOneFileTime(string dir)
    {
        string original = dir + ".orig";
        Directory.Move(dir, original);
        Run(Path.GetDirectoryName(original)!, "clone", "-q", original, dir);
        DateTime tick = DateTime.UtcNow;
        foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, tick);
        }
    }
}
