using Guardrails.Core.Policy;
using System.Text.RegularExpressions;

namespace Guardrails.EndToEnd.Tests;

/// <summary>The policy and manifest check and the package check in real `dotnet build` runs.</summary>
[Collection(PackageCollection.Name)]
public class PolicyBuildTests
{
    private static readonly string Policy = E2eDocuments.Policy("e2e-policy", 1, approver: "dana", members: """
        "dataClasses": ["public", "internal", "confidential"],
        "tiers": { "standard": { "maxDataClass": "confidential" } },
        "assistants": [
          { "id": "claude-code", "versions": "[2.0,3.0)", "models": { "allow": ["claude-sonnet-4*"] },
            "approval": { "approvedBy": "dana", "approvedAt": "2026-01-01", "expiresAt": "2099-01-01" } },
          { "id": "old-bot", "approval": { "approvedBy": "dana", "approvedAt": "2020-01-01", "expiresAt": "2021-01-01", "ticket": "GOV-9" } }
        ],
        "packages": { "approved": [ { "id": "Anthropic" } ] },
        "waivers": [
          { "id": "WVR-OK", "rule": "GRD114", "subject": "claude-code/gpt-4o", "approvedBy": "dana", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31", "reason": "trial" },
          { "id": "WVR-OLD", "rule": "GRD114", "subject": "claude-code/gpt-3*", "approvedBy": "dana", "approvedAt": "2020-01-01", "expiresAt": "2020-12-31", "reason": "old trial" }
        ]
        """);

    private static readonly string Compliant = E2eDocuments.Manifest("standard", "internal", """
        "assistants": [ { "id": "claude-code", "version": "2.4.0", "models": ["claude-sonnet-4-5"], "credentialRef": "env:ANTHROPIC_API_KEY" } ]
        """);

    // Line numbers matter: the assertions below point into this text (the header takes lines 1-6).
    private static readonly string Violating = E2eDocuments.Manifest("standard", "internal", """
        "assistants": [
          { "id": "claude-code", "version": "3.1.0", "models": ["gpt-4o", "gpt-35-turbo"], "credentialRef": "NotAReferenceButAFakeLiteralValue9876" },
          { "id": "old-bot" },
          { "id": "rogue-agent" }
        ],
        "waivers": ["WVR-OK", "WVR-OLD"]
        """);

    private readonly PackageFixture _fixture;

    public PolicyBuildTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject Governed(string manifest, string mode = "Enforce") =>
        _fixture.NewGovernedProject(Policy, manifest, ("GuardrailsMode", mode));

    private static string[] Codes(string output, string severity) =>
        Regex.Matches(output, "ai-assistants\\.json\\((\\d+,\\d+)\\): Guardrails " + severity + " (GRD\\d{3})")
            .Select(m => m.Groups[2].Value + "@" + m.Groups[1].Value).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_compliant_manifest_builds_clean_and_publishes_the_policy_facts()
    {
        TestProject project = Governed(Compliant);
        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(new Regex("GRD\\d{3}"), result.Output);
        EffectivePolicy effective = EffectivePolicy.Read(File.ReadAllText(project.PathOf(E2eDocuments.EffectivePolicyFile)), out _)!;
        Assert.Equal("AI Governance", effective.OwnerName);
        Assert.Contains(effective.ApprovedPackages, p => p.Id == "Anthropic");
    }

    [Fact]
    public void Violations_fail_with_exact_codes_and_positions_a_waiver_applies_an_expired_one_does_not_and_audit_warns()
    {
        TestProject project = Governed(Violating);
        DotNet.Result enforce = project.Build();

        Assert.NotEqual(0, enforce.ExitCode);
        Assert.Equal(
            new[]
            {
                "GRD111@10,13",  // rogue-agent is not in the policy
                "GRD113@8,39",   // version 3.1.0 outside [2.0,3.0)
                "GRD114@8,69",   // gpt-35-turbo: the waiver for gpt-3* expired
                "GRD116@9,13",   // old-bot's approval expired in 2021
                "GRD120@8,103",  // literal credential
                "GRD124@12,25",  // WVR-OLD expired
            },
            Codes(enforce.Output, "error"));
        Assert.Equal(new[] { "GRD114@8,59" }, Codes(enforce.Output, "warning"));
        Assert.Contains("Waived by 'WVR-OK' (trial, approved by dana) until 2099-12-31", enforce.Output);
        Assert.Contains("expired on 2021-01-01", enforce.Output);
        Assert.DoesNotContain("NotAReferenceButAFakeLiteralValue9876", enforce.Output);
        Assert.DoesNotContain("NotAReference", enforce.Output);

        project.SetPolicyProperties(("GuardrailsMode", "Audit"));
        DotNet.Result audit = project.Build();
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Empty(Codes(audit.Output, "error"));
        Assert.Equal(
            new[] { "GRD111@10,13", "GRD113@8,39", "GRD114@8,59", "GRD114@8,69", "GRD116@9,13", "GRD120@8,103", "GRD124@12,25" },
            Codes(audit.Output, "warning"));
    }

    [Fact]
    public void A_transitive_ai_package_that_is_not_approved_fails_with_the_chain_and_a_package_change_reruns_the_check()
    {
        string feed = Path.Combine(_fixture.Root, "ai-feed");
        // Tiny local packages (a nuspec and an empty lib folder): nothing is downloaded from nuget.org.
        var emptyLib = new[] { ("lib/netstandard2.0/_._", Array.Empty<byte>()) };
        TestPackages.Write(feed, "OpenAI", "2.1.0", emptyLib);
        TestPackages.Write(feed, "Contoso.AiWrapper", "1.0.0", emptyLib, new[] { ("OpenAI", "2.1.0") });
        TestPackages.Write(feed, "Anthropic", "12.0.0", emptyLib);

        TestProject project = Governed(Compliant);
        project.UseLocalFeed(("ai-feed", feed));
        // The stand-in OpenAI 2.1.0 must not land in the run's shared packages folder, where other classes restore the
        // real OpenAI 2.1.0 (the first restore of an id and version wins there).
        project.PackagesFolder = Path.Combine(_fixture.Root, "ai-packages-" + Guid.NewGuid().ToString("N")[..8]);
        WriteProject(project, ("Anthropic", "12.0.0"));
        DotNet.Result approved = project.Build();
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.DoesNotMatch(new Regex("GRD2\\d{2}"), approved.Output);

        WriteProject(project, ("Anthropic", "12.0.0"), ("Contoso.AiWrapper", "1.0.0"));
        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        // Reported at the top-level PackageReference that brings it in (line 10 of the project file), not in obj/.
        Assert.Matches(new Regex("\\.csproj\\(10,5\\): Guardrails error GRD201: Package 'OpenAI' 2\\.1\\.0 \\(OpenAI"), result.Output);
        Assert.Contains("Contoso.AiWrapper 1.0.0 \u2192 OpenAI 2.1.0 (net10.0)", result.Output);
        Assert.DoesNotContain("'Contoso.AiWrapper' 1.0.0 (", result.Output);
    }

    private static void WriteProject(TestProject project, params (string Id, string Version)[] packages)
    {
        string refs = string.Concat(packages.Select(p => $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />\n"));
        project.Write(project.Name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Guardrails" Version="0.1.0-e2e" PrivateAssets="all" />
            {refs}  </ItemGroup>
            </Project>
            """);
    }
}
