using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Keeps the README's demo true: the samples build from this repository's source, Compliant passes and
/// Violations fails with Guardrails errors from both halves (an analyzer id and a build-task id).
/// </summary>
[Collection(PackageCollection.Name)] // serialised with the packing fixture: both read src/*/bin
public class SamplesTests
{
    [Fact]
    public void Compliant_builds_and_Violations_fails_with_analyzer_and_task_errors()
    {
        DotNet.Result compliant = DotNet.Run(RepoPaths.Root, null, "build", Path.Combine(RepoPaths.Root, "samples", "Compliant"), "-nodeReuse:false");
        Assert.True(compliant.ExitCode == 0, compliant.ToString());
        Assert.DoesNotMatch(new Regex("(error|warning) GRD\\d{3}"), compliant.Output);

        // Analyzer errors are reported by the compiler, which an up-to-date build skips: start Violations from clean.
        // (Not --no-incremental: that would rebuild the src projects under the packing fixture's feet.)
        foreach (string output in new[] { "obj", "bin" })
        {
            string path = Path.Combine(RepoPaths.Root, "samples", "Violations", output);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        DotNet.Result violations = DotNet.Run(RepoPaths.Root, null, "build", Path.Combine(RepoPaths.Root, "samples", "Violations"), "-nodeReuse:false");
        Assert.True(violations.ExitCode != 0, violations.ToString());
        Assert.Matches(new Regex(@"Program\.cs\(\d+,\d+\): error GRD001:"), violations.Output);
        Assert.Matches(new Regex(@"error GRD[1-3]\d\d:"), violations.Output);
    }
}
