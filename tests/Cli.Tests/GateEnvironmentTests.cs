using System.Diagnostics;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 9 route 12: a build step appends <c>DOTNET_STARTUP_HOOKS=&lt;a dll it built&gt;</c> to <c>$GITHUB_ENV</c>,
/// the runner hands it to the gate's step, and the hook runs inside the genuine tool, prints "verified" and exits 0.
/// The real tool runs here in a child process with that environment.
/// </summary>
public sealed class GateEnvironmentTests
{
    private const string HookSource = """
        internal class StartupHook
        {
            public static void Initialize()
            {
                System.Console.WriteLine("1 compiled output(s) verified by Guardrails.");
                System.Console.WriteLine("0 error(s), 0 warning(s) (hook ran)");
                System.Environment.Exit(0);
            }
        }
        """;

    /// <summary>The hook assembly the build would have produced, compiled against the running runtime's reference set.</summary>
    internal static string BuildHook(TempRepo work)
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        MetadataReference[] references = tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Console.dll" or "System.Private.CoreLib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        CSharpCompilation compilation = CSharpCompilation.Create("CiCache", new[] { CSharpSyntaxTree.ParseText(HookSource) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        string path = work.PathOf("tools/CiCache/bin/CiCache.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    /// <summary>`dotnet guardrails.dll ARGS` with the test host's environment plus <paramref name="environment"/>.</summary>
    internal static (int ExitCode, string Out, string Err) RunTool(string workingDirectory, (string Name, string Value)[] environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach ((string name, string value) in environment)
        {
            psi.Environment[name] = value;
        }

        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "guardrails " + string.Join(' ', args) + " did not finish");
        return (p.ExitCode, output, err.Result);
    }

    private static TempRepo RepositoryWithKey()
    {
        var repo = new TempRepo();
        repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        repo.Write("src/App/appsettings.json", "{ \"OpenAI\": { \"ApiKey\": \"" + FakeKeys.OpenAiProject() + "\" } }\n");
        ScanTests.Git(repo.Root, "init", "-q");
        ScanTests.Git(repo.Root, "add", "-A");
        return repo;
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("verify-build")]
    public void A_startup_hook_handed_on_by_the_build_is_refused_and_never_runs(string command)
    {
        using TempRepo repo = RepositoryWithKey();
        string hook = BuildHook(repo);

        var run = RunTool(repo.Root, new[] { ("DOTNET_STARTUP_HOOKS", hook) }, command, repo.Root);

        Assert.True(run.ExitCode == 2, run.Out + run.Err);
        Assert.Contains("GRDCL34", run.Err);
        Assert.Contains("DOTNET_STARTUP_HOOKS", run.Err);
        Assert.DoesNotContain("hook ran", run.Out);
        Assert.DoesNotContain("verified by Guardrails", run.Out);
    }

    [Theory]
    [InlineData("CORECLR_ENABLE_PROFILING", "1")]
    [InlineData("CORECLR_PROFILER_PATH_64", "/tmp/profiler.so")]
    [InlineData("DOTNET_ADDITIONAL_DEPS", "/tmp/extra.deps.json")]
    [InlineData("DOTNET_SHARED_STORE", "/tmp/guardrails-test-store")]
    [InlineData("DOTNET_DiagnosticPorts", "/tmp/guardrails-test-port,nosuspend")]
    public void Each_code_injection_variable_is_refused_by_name(string name, string value)
    {
        using TempRepo repo = RepositoryWithKey();

        var run = RunTool(repo.Root, new[] { (name, value) }, "scan", repo.Root);

        Assert.True(run.ExitCode == 2, run.Out + run.Err);
        Assert.Contains("GRDCL34", run.Err);
        Assert.Contains(name, run.Err);
    }

    [Fact]
    public void The_tool_switches_startup_hooks_off_in_its_runtimeconfig()
    {
        string runtimeConfig = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        Assert.Contains("\"System.StartupHookProvider.IsSupported\": false", File.ReadAllText(runtimeConfig));
    }

    [Fact]
    public void A_clean_environment_still_runs_the_scan()
    {
        using TempRepo repo = RepositoryWithKey();

        var run = RunTool(repo.Root, Array.Empty<(string, string)>(), "scan", repo.Root);

        Assert.True(run.ExitCode == 1, run.Out + run.Err);
        Assert.Contains("GRD002", run.Out + run.Err);
        Assert.DoesNotContain("GRDCL34", run.Err);
    }
}
