using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The package's ReadyToRun analyzer copies (r2r/linux-x64/): a build by the .NET SDK on linux-x64 hands them to csc, and
/// stays green or red exactly as with the IL ones; GuardrailsReadyToRun=false keeps the IL copies.
/// </summary>
[Collection(PackageCollection.Name)]
public class ReadyToRunAnalyzersTests
{
    private readonly PackageFixture _fixture;

    public ReadyToRunAnalyzersTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_build_on_linux_x64_compiles_with_the_ReadyToRun_copies_and_the_IL_ones_when_turned_off()
    {
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            return; // the package ships ReadyToRun copies for linux-x64 only; elsewhere the IL ones are the only ones
        }

        TestProject project = _fixture.NewGovernedProject(E2eDocuments.Policy("e2e-r2r", 1), E2eDocuments.MinimalManifest);

        // -v:n prints the compiler's command line: its /analyzer: arguments are the compiler's inputs.
        DotNet.Result r2r = project.Build("-v:n");
        Assert.True(r2r.ExitCode == 0, r2r.ToString());
        Assert.Contains("r2r/linux-x64/Guardrails.Analyzers.dll", r2r.Output);
        Assert.Contains("r2r/linux-x64/Guardrails.Core.dll", r2r.Output);
        Assert.DoesNotContain("analyzers/dotnet/cs/Guardrails.Analyzers.dll", r2r.Output);

        // --no-incremental: the IL dlls are older than the assembly, so CoreCompile would be skipped as up to date.
        DotNet.Result il = project.Build("-v:n", "--no-incremental", "-p:GuardrailsReadyToRun=false");
        Assert.True(il.ExitCode == 0, il.ToString());
        Assert.Contains("analyzers/dotnet/cs/Guardrails.Analyzers.dll", il.Output);
        Assert.DoesNotContain("r2r/linux-x64/Guardrails.Analyzers.dll", il.Output);

        // Red as with IL: the ReadyToRun analyzers report a key.
        string key = FakeKeys.OpenAiProject("E2eR2rFakeKeyNotReal");
        project.Write("Program.cs", "class Program\n{\n    const string K = \"" + key + "\";\n    static void Main() { }\n}\n");
        DotNet.Result red = project.Build("-v:n");
        Assert.NotEqual(0, red.ExitCode);
        Assert.Contains("r2r/linux-x64/Guardrails.Analyzers.dll", red.Output);
        Assert.Matches(@"Program\.cs\(3,\d+\): error GRD001:", red.Output);
        Assert.DoesNotContain(key, red.Output);
    }
}
