using System.Text;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 4 #13: a repository-local package carrying a byte-identical copy of the published policy, depending on
/// the policy package so that NuGet imports its props after it, sets GuardrailsPolicyPath to its own copy (the pin still
/// matches) and the opt-outs: the package holding "the" policy file was its own, so it counted as the policy package and
/// its opt-outs as central (no GRD310, record clean, gate green). Only one package may name the policy: a second is GRD308.
/// </summary>
[Collection(PackageCollection.Name)]
public class SecondPolicyPackageTests
{
    private readonly PackageFixture _fixture;

    public SecondPolicyPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_second_package_naming_a_copy_of_the_policy_is_GRD308_at_its_props()
    {
        string version = "1.0." + Random.Shared.Next(1, 100000);
        string policy = E2eDocuments.Policy("e2e-second-policy-package", 2);
        TestPackages.WritePolicyPackage(_fixture.Feed, "E2e.Guardrails.Policy", version, policy, importsCentralCapture: true);
        string props = "<Project>\n  <PropertyGroup>\n" +
            "    <GuardrailsPolicyPath>$(MSBuildThisFileDirectory)../content/guardrails.policy.json</GuardrailsPolicyPath>\n" +
            "    <GuardrailsScanFiles>false</GuardrailsScanFiles>\n    <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>\n" +
            "  </PropertyGroup>\n  <Import Project=\"$(_GuardrailsCentralCaptureProps)\" Condition=\"'$(_GuardrailsCentralCaptureProps)' != ''\" />\n</Project>\n";
        TestPackages.Write(_fixture.Feed, "Zeta.Build", version, new[]
        {
            ("content/guardrails.policy.json", new UTF8Encoding(false).GetBytes(policy)),
            ("build/Zeta.Build.props", new UTF8Encoding(false).GetBytes(props)),
        }, new[] { ("E2e.Guardrails.Policy", version) });
        TestProject project = _fixture.NewProject();
        project.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        project.AddToProject("<ItemGroup><PackageReference Include=\"E2e.Guardrails.Policy\" Version=\"" + version + "\" PrivateAssets=\"all\" />" +
            "<PackageReference Include=\"Zeta.Build\" Version=\"" + version + "\" PrivateAssets=\"all\" /></ItemGroup>");
        project.Write(".cursor/mcp.json", "{ \"mcpServers\": {} }\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, "expected the second policy package to fail the build:\n" + result);
        Assert.Contains(result.Output.Split('\n'), l => l.Contains("zeta.build", StringComparison.OrdinalIgnoreCase) && l.Contains("Zeta.Build.props(3") && l.Contains("error GRD308") && l.Contains("only one package may name the central policy"));
    }
}
