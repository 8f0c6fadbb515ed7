using System.Reflection;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>The guardrails tool built beside the tests, run on built projects as CI would.</summary>
internal static class GuardrailsTool
{
    /// <summary>The CI gate: <c>guardrails verify-build FOLDER OPTIONS</c>, run in <paramref name="folder"/>.</summary>
    public static DotNet.Result VerifyBuild(string folder, params string[] options) => Run("verify-build", folder, options);

    /// <summary><c>guardrails scan FOLDER OPTIONS</c>, run in <paramref name="folder"/>.</summary>
    public static DotNet.Result Scan(string folder, params string[] options) => Run("scan", folder, options);

    /// <summary>
    /// The gate as docs/rollout.md ("The CI gate") runs it: CI's pin of the published policy, the minimum revision and
    /// CI's own copy of the published policy for the re-scan, and with <paramref name="policyPackageSha512"/> CI's pin of the
    /// policy package itself (when the policy comes in a package).
    /// </summary>
    /// <param name="environment">Variables CI sets for the gate as for the build (NUGET_PACKAGES), none when null.</param>
    public static DotNet.Result DocumentedGate(string folder, string publishedPolicy, int minRevision, string? policyPackageSha512 = null, IDictionary<string, string>? environment = null) =>
        Run(
            "verify-build",
            folder,
            new[]
            {
                "--policy-sha256", E2eDocuments.Sha256(publishedPolicy).ToLowerInvariant(),
                "--min-revision", minRevision.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--rescan-with-policy", publishedPolicy,
            }.Concat(policyPackageSha512 == null ? Array.Empty<string>() : new[] { "--policy-package-sha512", policyPackageSha512 }).ToArray(),
            environment);

    /// <summary>The scan beside the gate as docs/rollout.md runs it: the published policy and its pin, over the whole repository.</summary>
    public static DotNet.Result DocumentedScan(string folder, string publishedPolicy, params string[] options) =>
        Scan(folder, new[] { "--policy", publishedPolicy, "--policy-sha256", E2eDocuments.Sha256(publishedPolicy).ToLowerInvariant() }.Concat(options).ToArray());

    /// <summary>
    /// The CI sequence for a route that ships something in bin/: `dotnet build`, then the documented gate
    /// (<see cref="DocumentedGate"/> with the project's policy, revision 2). Holds when the build fails with a Guardrails
    /// error; otherwise the build must have passed with <paramref name="ships"/> true (the route really ships) and the gate
    /// must fail with every one of <paramref name="gateFindings"/> in its output. No output may hold <paramref name="key"/>.
    /// </summary>
    public static void AssertBuildOrGateFails(this TestProject repo, string? key, Func<bool> ships, string route, params string[] gateFindings)
    {
        DotNet.Result build = repo.Build();
        if (key != null)
        {
            Assert.DoesNotContain(key, build.Output);
        }

        if (build.ExitCode != 0 && build.Output.Contains("error GRD", StringComparison.Ordinal))
        {
            return;
        }

        Assert.True(build.ExitCode == 0 && ships(), build.ToString());
        DotNet.Result gate = DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        if (key != null)
        {
            Assert.DoesNotContain(key, gate.Output);
        }

        Assert.True(gate.ExitCode != 0 && gateFindings.All(f => gate.Output.Contains(f, StringComparison.Ordinal)),
            route + " and neither the build nor the gate objects:\n" + build + "\n" + gate);
    }

    private static DotNet.Result Run(string command, string folder, string[] options, IDictionary<string, string>? environment = null)
    {
        string configuration = typeof(GuardrailsTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        string tool = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net8.0", "guardrails.dll");
        return DotNet.Run(folder, environment, new[] { tool, command, folder }.Concat(options).ToArray());
    }
}
