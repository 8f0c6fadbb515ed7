using System.Security.Cryptography;

namespace Guardrails.EndToEnd.Tests;

/// <summary>The policy and manifest documents the end-to-end tests share, and the setup of a governed project.</summary>
internal static class E2eDocuments
{
    /// <summary>Where a governed project keeps its copy of the central policy.</summary>
    public const string PolicyFile = "policy/guardrails.policy.json";

    /// <summary>Where a governed project keeps its team manifest.</summary>
    public const string ManifestFile = "ai-assistants.json";

    /// <summary>Where a build of a test project (Debug, net10.0) writes its audit record.</summary>
    public const string AuditRecordFile = "obj/Debug/net10.0/guardrails/guardrails.audit.json";

    /// <summary>Where a build of a test project (Debug, net10.0) writes the effective policy it hands to the analyzers.</summary>
    public const string EffectivePolicyFile = "obj/Debug/net10.0/guardrails/guardrails.effective-policy.json";

    /// <summary>The smallest valid manifest: no tier, no assistants.</summary>
    public const string MinimalManifest = """
        {
          "manifestFormat": "1.0",
          "repository": "example/e2e",
          "owner": { "team": "E2E", "contact": "e2e@example.test" },
          "assistants": []
        }
        """;

    /// <summary>
    /// A manifest with a tier and a data class (header on lines 1-6), then <paramref name="members"/>: top-level members
    /// (at least "assistants") written without indentation, one after another with commas.
    /// </summary>
    public static string Manifest(string tier, string dataClass, string members, string repository = "example/e2e", string team = "E2E", string contact = "e2e@example.test") => $$"""
        {
          "manifestFormat": "1.0",
          "repository": "{{repository}}",
          "tier": "{{tier}}",
          "dataClass": "{{dataClass}}",
          "owner": { "team": "{{team}}", "contact": "{{contact}}" }{{More(members)}}
        }
        """;

    /// <summary>
    /// A policy with the required header and owner (on lines 1-5, the revision at line 4 column 15), then
    /// <paramref name="members"/>: top-level members written without indentation, one after another with commas.
    /// </summary>
    public static string Policy(string policyId, int revision, string approver = "sec@example.test", string members = "") => $$"""
        {
          "policyFormat": "1.0",
          "policyId": "{{policyId}}",
          "revision": {{revision}},
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["{{approver}}"] }{{More(members)}}
        }
        """;

    /// <summary>A new project with <paramref name="policy"/> and <paramref name="manifest"/> written and the policy path set.</summary>
    public static TestProject NewGovernedProject(this PackageFixture fixture, string policy, string manifest, params (string Name, string Value)[] properties)
    {
        TestProject project = fixture.NewProject();
        project.Write(PolicyFile, policy);
        project.Write(ManifestFile, manifest);
        project.SetPolicyProperties(properties);
        return project;
    }

    /// <summary>A governed project (<see cref="NewGovernedProject"/>) whose policy is pinned as written (<see cref="PinPolicy"/>).</summary>
    public static TestProject NewPinnedProject(this PackageFixture fixture, string policy, string manifest, params (string Name, string Value)[] properties)
    {
        TestProject project = fixture.NewGovernedProject(policy, manifest);
        project.PinPolicy(properties);
        return project;
    }

    /// <summary>Sets GuardrailsPolicyPath to the project's policy and then <paramref name="properties"/> (replacing all set before).</summary>
    public static void SetPolicyProperties(this TestProject project, params (string Name, string Value)[] properties) =>
        project.SetProperties(properties.Prepend(("GuardrailsPolicyPath", project.PathOf(PolicyFile))).ToArray());

    /// <summary>Like <see cref="SetPolicyProperties"/>, also pinning the policy file as it is now; returns the pin.</summary>
    public static string PinPolicy(this TestProject project, params (string Name, string Value)[] properties)
    {
        string pin = Sha256(project.PathOf(PolicyFile));
        project.SetPolicyProperties(properties.Prepend(("GuardrailsPolicySha256", pin)).ToArray());
        return pin;
    }

    /// <summary>
    /// The real OpenAI 2.1.0 from nuget.org reaching the compiler with no package reference: a PackageDownload and a
    /// Reference by HintPath into the package folder (adversary route #12), so no assets-file library names it.
    /// </summary>
    public static void ReferenceOpenAiByHintPath(this TestProject project)
    {
        project.UseNuGetOrg();
        project.AddToProject("""
              <ItemGroup>
                <PackageDownload Include="OpenAI" Version="[2.1.0]" />
                <Reference Include="OpenAI" HintPath="$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot)))openai/2.1.0/lib/net6.0/OpenAI.dll" />
              </ItemGroup>
            """);
    }

    /// <summary>The SHA-256 of a file, upper-case hex (as a pin is written in GuardrailsPolicySha256).</summary>
    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Further top-level members, after a comma and indented to the top level of the document.</summary>
    private static string More(string members) =>
        members.Length == 0 ? string.Empty : ",\n  " + members.Replace("\n", "\n  ", StringComparison.Ordinal);
}
