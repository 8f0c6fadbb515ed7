using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The projects whose dlls the compiler loads (Core, Analyzers, CodeFixes) may not reach files, the environment,
/// processes or the network: src/BannedSymbols.txt through Microsoft.CodeAnalysis.BannedApiAnalyzers, and
/// EnforceExtendedAnalyzerRules, on every one of them.
/// </summary>
public class CompilerLoadedProjectsTests
{
    public static TheoryData<string> CompilerLoadedProjects() => new()
    {
        "src/Core/Guardrails.Core.csproj",
        "src/Analyzers/Guardrails.Analyzers.csproj",
        "src/CodeFixes/Guardrails.CodeFixes.csproj",
    };

    [Theory]
    [MemberData(nameof(CompilerLoadedProjects))]
    public void Every_compiler_loaded_project_enforces_the_analyzer_rules_and_the_banned_api_list(string project)
    {
        DotNet.Result result = DotNet.Run(RepoPaths.Root, null, "msbuild", project, "-nologo",
            "-getProperty:EnforceExtendedAnalyzerRules", "-getProperty:TreatWarningsAsErrors", "-getItem:AdditionalFiles", "-getItem:PackageReference");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"EnforceExtendedAnalyzerRules\": \"true\"", result.Output);
        Assert.Contains("\"TreatWarningsAsErrors\": \"true\"", result.Output);
        Assert.Contains(Path.Combine(RepoPaths.Root, "src", "BannedSymbols.txt").Replace("\\", "\\\\"), result.Output);
        Assert.Contains("\"Identity\": \"Microsoft.CodeAnalysis.BannedApiAnalyzers\"", result.Output);
    }

    [Fact]
    public void Core_does_not_build_when_it_reads_a_file_the_environment_or_starts_a_process()
    {
        string root = Path.Combine(Path.GetTempPath(), "grd-banned-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "src/BannedSymbols.txt", "src/CompilerLoaded.props" })
            {
                Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(root, file));
            }

            string core = Path.Combine(RepoPaths.Root, "src", "Core");
            foreach (string file in Directory.EnumerateFiles(core, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(core, file);
                if (!relative.StartsWith("bin", StringComparison.Ordinal) && !relative.StartsWith("obj", StringComparison.Ordinal))
                {
                    Copy(file, Path.Combine(root, "src", "Core", relative));
                }
            }

            File.WriteAllText(Path.Combine(root, "src", "Core", "Probe.cs"),
                "namespace Guardrails.Core { internal static class Probe {\n"
                + "  public static string Read() => System.IO.File.ReadAllText(\"appsettings.json\");\n"
                + "  public static string Env() => System.Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") ?? \"\";\n"
                + "  public static void Run() => System.Diagnostics.Process.Start(\"git\");\n"
                + "} }\n");

            DotNet.Result result = DotNet.Run(root, null, "build", Path.Combine(root, "src", "Core", "Guardrails.Core.csproj"), "-nologo", "-nodeReuse:false");

            Assert.True(result.ExitCode != 0, result.ToString());
            Assert.Contains("error RS0030: The symbol 'File' is banned in this project", result.Output);
            Assert.Contains("error RS0030: The symbol 'Environment' is banned in this project", result.Output);
            Assert.Contains("error RS0030: The symbol 'Process' is banned in this project", result.Output);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
