using System.Text.RegularExpressions;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Keeps the README's demo true: the samples build from this repository's source, Compliant passes and
/// Violations fails with Guardrails errors from both halves (an analyzer id and a build-task id).
/// </summary>
public class SamplesTests
{
    [Fact]
    public void Compliant_builds_and_Violations_fails_with_analyzer_and_task_errors()
    {
        DotNet.Result compliant = DotNet.Run(RepoPaths.Root, null, "build", Path.Combine(RepoPaths.Root, "samples", "Compliant"), "-nodeReuse:false");
        Assert.True(compliant.ExitCode == 0, compliant.ToString());
        Assert.DoesNotMatch(new Regex("(error|warning) GRD\\d{3}"), compliant.Output);

        // --no-incremental: analyzer errors are reported by the compiler, which an up-to-date build would skip.
        DotNet.Result violations = DotNet.Run(RepoPaths.Root, null, "build", Path.Combine(RepoPaths.Root, "samples", "Violations"), "-nodeReuse:false", "--no-incremental");
        Assert.True(violations.ExitCode != 0, violations.ToString());
        Assert.Matches(new Regex(@"Program\.cs\(\d+,\d+\): error GRD001:"), violations.Output);
        Assert.Matches(new Regex(@"error GRD[1-3]\d\d:"), violations.Output);
    }
}
