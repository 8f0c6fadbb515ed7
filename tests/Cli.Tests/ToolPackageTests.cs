using System.Diagnostics;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>The README's way in: pack the tool, install it from the local feed, run `guardrails`.</summary>
public sealed class ToolPackageTests
{
    private static (int Code, string Output) Run(string file, string workingDirectory, string nugetPackages, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NUGET_PACKAGES"] = nugetPackages;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(8)), file + " " + string.Join(' ', args) + " did not finish in 8 minutes");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Packed_tool_installs_from_a_local_feed_and_scans()
    {
        using var work = new TempRepo();
        string feed = work.PathOf("feed"), tools = work.PathOf("tools");
        // The install's package folder lives in the test's own folder, so nothing is left behind in the temp folder.
        string packages = work.PathOf("nuget-packages");
        (int pack, string packOut) = Run("dotnet", RepoPaths.Root, Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "pack", "src/Cli", "-c", "Release", "-o", feed, "-nodeReuse:false", "-p:Version=0.1.0-test" + DateTime.UtcNow.ToString("HHmmss"));
        Assert.True(pack == 0, packOut);
        string nupkg = Assert.Single(Directory.GetFiles(feed, "Guardrails.Tool.*.nupkg"));
        string version = Path.GetFileNameWithoutExtension(nupkg)["Guardrails.Tool.".Length..];

        (int install, string installOut) = Run("dotnet", work.Root, packages, "tool", "install", "Guardrails.Tool", "--version", version, "--tool-path", tools, "--add-source", feed);
        Assert.True(install == 0, installOut);

        string guardrails = Path.Combine(tools, OperatingSystem.IsWindows() ? "guardrails.exe" : "guardrails");
        (int help, string helpOut) = Run(guardrails, work.Root, packages, "--help");
        Assert.Equal(0, help);
        Assert.Contains("guardrails [command] [options]", helpOut);

        (int scan, string scanOut) = Run(guardrails, work.Root, packages, "scan", Path.Combine(RepoPaths.Root, "samples", "Violations"), "--format", "json");
        Assert.Equal(1, scan);
        Assert.Contains("\"rule\": \"GRD001\"", scanOut);
        Assert.Contains("\"rule\": \"GRD111\"", scanOut);

        // Adversary round 9 route 12: the installed tool's runtimeconfig switches startup hooks off, and the installed
        // tool refuses an environment that hands it one (GRDCL34, exit 2), before the hook's "verified" can be printed.
        string runtimeConfig = Assert.Single(Directory.GetFiles(Path.Combine(tools, ".store"), "guardrails.runtimeconfig.json", SearchOption.AllDirectories));
        Assert.Contains("\"System.StartupHookProvider.IsSupported\": false", File.ReadAllText(runtimeConfig));
        string hook = GateEnvironmentTests.BuildHook(work);
        var psi = new ProcessStartInfo(guardrails) { WorkingDirectory = work.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("scan");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "samples", "Violations"));
        psi.Environment["DOTNET_STARTUP_HOOKS"] = hook;
        using Process hooked = Process.Start(psi)!;
        Task<string> hookedErr = hooked.StandardError.ReadToEndAsync();
        string hookedOut = hooked.StandardOutput.ReadToEnd();
        Assert.True(hooked.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.True(hooked.ExitCode == 2, hookedOut + hookedErr.Result);
        Assert.Contains("GRDCL34: refusing to run: the environment sets DOTNET_STARTUP_HOOKS", hookedErr.Result);
        Assert.DoesNotContain("hook ran", hookedOut);
    }
}
