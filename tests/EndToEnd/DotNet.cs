using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Guardrails.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI and captures its output.</summary>
public static class DotNet
{
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed)
    {
        public override string ToString() => "exit " + ExitCode + "\n" + Output;
    }

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The test host's own MSBuild variables must not leak into the child build.
        foreach (string inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
        {
            psi.Environment.Remove(inherited);
        }

        if (environment != null)
        {
            foreach (var kv in environment)
            {
                psi.Environment[kv.Key] = kv.Value;
            }
        }

        var output = new StringBuilder();
        long cpuBefore = Timings.ChildCpuMilliseconds();
        var sw = Stopwatch.StartNew();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        p.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', args) + " did not finish in 5 minutes:\n" + output);
        }

        p.WaitForExit();
        var result = new Result(p.ExitCode, output.ToString(), sw.Elapsed);
        Timings.Record("dotnet", args, workingDirectory, result.ExitCode, sw.Elapsed, cpuBefore);
        return result;
    }

    /// <summary>
    /// With GUARDRAILS_E2E_TIMINGS set to a file path, every dotnet and git process the tests start appends one
    /// tab-separated line to that file: time, tool, verb, folder, exit code, wall ms, and the CPU ms of finished child
    /// processes of the test host in that span (exact while tests run one at a time; overlapping processes share it).
    /// Off (no file, no cost) otherwise. tools/e2e-timings.sh sums it per verb.
    /// </summary>
    internal static class Timings
    {
        private static readonly string? Log = Environment.GetEnvironmentVariable("GUARDRAILS_E2E_TIMINGS");
        private static readonly object Gate = new();

        public static long ChildCpuMilliseconds()
        {
            if (Log == null || !OperatingSystem.IsLinux() || getrusage(-1, out RUsage usage) != 0)
            {
                return 0;
            }

            return (usage.UserSeconds + usage.SystemSeconds) * 1000 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000;
        }

        public static void Record(string tool, IReadOnlyList<string> args, string folder, int exitCode, TimeSpan elapsed, long cpuBefore)
        {
            if (Log == null)
            {
                return;
            }

            string verb = args.Count == 0 ? "" : args[0].EndsWith(".dll", StringComparison.Ordinal) && args.Count > 1
                ? Path.GetFileNameWithoutExtension(args[0]) + " " + args[1]
                : args[0];
            string line = string.Join('\t', DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), tool, verb,
                Path.GetFileName(folder.TrimEnd('/')), exitCode.ToString(CultureInfo.InvariantCulture),
                ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                (ChildCpuMilliseconds() - cpuBefore).ToString(CultureInfo.InvariantCulture));
            lock (Gate)
            {
                File.AppendAllText(Log, line + "\n");
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, out RUsage usage);

        [StructLayout(LayoutKind.Sequential)]
        private struct RUsage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
        }
    }
}
