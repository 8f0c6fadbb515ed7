using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.BuildTasks.Tests.Policy;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// The guardrails tool replays recorded builds under many policy revisions: the policy and manifest come from memory
/// (CheckRequest.HeldFiles) and each revision is read once (CheckRequest.PolicyReads). Neither may change what the
/// check decides.
/// </summary>
public class HeldInputsTests
{
    private static string Describe(CheckResult result) =>
        string.Join("\n", result.Findings.Select(f => f.Rule.Id + " " + Path.GetFileName(f.File) + "(" + f.Line + "," + f.Column + ") " + f.IsError(result.Enforce) + " " + f.Message));

    private static CheckRequest Request(string dir, string policy, string manifest) => new()
    {
        ProjectPath = Path.Combine(dir, "App.csproj"),
        PolicyPath = policy,
        ManifestPath = manifest,
        Now = PolicyHarness.Now,
        CheckFootprints = false,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_policy_and_manifest_held_in_memory_are_judged_as_the_same_files_on_disk(bool unknownPolicyField)
    {
        using var dir = new TempDir();
        // A model the policy does not allow (GRD114), or an unknown policy field (the reader's own error, GRD106).
        string policyText = unknownPolicyField ? PolicyHarness.BasePolicy.Edit("\"revision\": 3,", "\"revision\": 3, \"colour\": \"blue\",") : PolicyHarness.BasePolicy;
        string manifestText = PolicyHarness.BaseManifest.Edit("\"claude-sonnet-4-5\"", "\"gpt-4o\"");
        CheckResult onDisk = GuardrailsChecker.Run(Request(dir.Path, dir.Write("policy/guardrails.policy.json", policyText), dir.Write("ai-assistants.json", manifestText)));

        string elsewhere = Path.Combine(dir.Path, "never-created");
        string policy = Path.Combine(elsewhere, "policy", "guardrails.policy.json"), manifest = Path.Combine(elsewhere, "ai-assistants.json");
        CheckRequest held = Request(elsewhere, policy, manifest);
        held.HeldFiles = new Dictionary<string, LoadedFile>
        {
            [policy] = LoadedFile.FromBytes(policy, System.Text.Encoding.UTF8.GetBytes(policyText)),
            [manifest] = LoadedFile.FromBytes(manifest, System.Text.Encoding.UTF8.GetBytes(manifestText)),
        };
        CheckResult inMemory = GuardrailsChecker.Run(held);

        Assert.Contains(onDisk.Findings, f => f.Rule.Id == (unknownPolicyField ? "GRD106" : "GRD114"));
        Assert.Equal(Describe(onDisk), Describe(inMemory));
        Assert.Equal(onDisk.Integrity.PolicySha256, inMemory.Integrity.PolicySha256);
        Assert.Equal(onDisk.ManifestSha256, inMemory.ManifestSha256);
        Assert.False(Directory.Exists(elsewhere));
    }

    [Fact]
    public void A_policy_is_read_once_per_content_and_read_again_when_its_bytes_change()
    {
        using var dir = new TempDir();
        string policyText = PolicyHarness.BasePolicy.Edit("\"revision\": 3,", "\"revision\": 3, \"colour\": \"blue\",");
        string policy = dir.Write("policy/guardrails.policy.json", policyText);
        string manifest = dir.Write("ai-assistants.json", PolicyHarness.BaseManifest);
        var reads = new ReadCache();
        CheckRequest First() => new CheckRequest { ProjectPath = Path.Combine(dir.Path, "App.csproj"), PolicyPath = policy, ManifestPath = manifest, Now = PolicyHarness.Now, CheckFootprints = false, PolicyReads = reads };

        CheckResult first = GuardrailsChecker.Run(First());
        CheckResult again = GuardrailsChecker.Run(First());
        Assert.Equal(1, reads.Count);
        Assert.Equal(Describe(first), Describe(again));
        Assert.Single(again.Findings, f => f.Rule.Id == "GRD106"); // the reader's finding reaches each check once

        // A valid policy where the approval of claude-code ended before "now": the same path with other bytes is a new read.
        dir.Write("policy/guardrails.policy.json", PolicyHarness.BasePolicy.Replace("\"expiresAt\": \"2026-12-31\", \"ticket\": \"GOV-1\"", "\"expiresAt\": \"2026-05-01\", \"ticket\": \"GOV-1\"", StringComparison.Ordinal));
        CheckResult changed = GuardrailsChecker.Run(First());
        CheckRequest fresh = First();
        fresh.PolicyReads = null;
        Assert.Equal(2, reads.Count);
        Assert.DoesNotContain(changed.Findings, f => f.Rule.Id == "GRD106");
        Assert.Contains(changed.Findings, f => f.IsError(changed.Enforce) && f.Message.Contains("2026-05-01", StringComparison.Ordinal));
        Assert.Equal(Describe(GuardrailsChecker.Run(fresh)), Describe(changed));
    }
}
