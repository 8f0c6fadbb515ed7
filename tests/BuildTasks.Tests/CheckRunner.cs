using Microsoft.Build.Framework;

namespace Guardrails.BuildTasks.Tests;

/// <summary>Runs the GuardrailsCheck task against files in a temp folder and keeps what it logged.</summary>
internal sealed class CheckRunner
{
    // Minimal documents that are valid under the policy and manifest validation (GRD105-GRD126).
    public const string Policy = "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 3, \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] } }";
    public const string Manifest = "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [] }";

    public CheckRunner(TempDir dir, string? policy = Policy, string? manifest = Manifest)
    {
        Dir = dir;
        Engine = new FakeBuildEngine();
        Task = new GuardrailsCheck
        {
            BuildEngine = Engine,
            ProjectPath = System.IO.Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = policy == null ? null : dir.Write("guardrails.policy.json", policy),
            ManifestPath = manifest == null ? null : dir.Write("ai-assistants.json", manifest),
            EffectivePolicyFile = System.IO.Path.Combine(dir.Path, "obj", "guardrails", "guardrails.effective-policy.json"),
            RevisionStateFile = System.IO.Path.Combine(dir.Path, "obj", "guardrails", "policy-revisions.txt"),
            AuditFile = System.IO.Path.Combine(dir.Path, "obj", "guardrails", "guardrails.audit.json"),
            Language = "C#",
            Analyzers = new ITaskItem[]
            {
                new Microsoft.Build.Utilities.TaskItem("/packages/guardrails/0.1.0/analyzers/dotnet/cs/Guardrails.Analyzers.dll"),
                new Microsoft.Build.Utilities.TaskItem("/packages/guardrails/0.1.0/analyzers/dotnet/cs/Guardrails.Core.dll"),
            },
        };
    }

    /// <summary>A policy with the given allowLocalSuppression at the top, and optionally per tier.</summary>
    public static string PolicyAllowing(string topLevel = "false", string? sandbox = null) =>
        "{ \"policyFormat\": \"1.0\", \"policyId\": \"p\", \"revision\": 3, \"owner\": { \"name\": \"Gov\", \"contact\": \"gov@example.test\", \"approvers\": [\"sec\"] }, \"allowLocalSuppression\": " + topLevel +
        (sandbox == null ? string.Empty : ", \"tiers\": { \"sandbox\": { \"allowLocalSuppression\": " + sandbox + " } }") + " }";

    public static string ManifestInTier(string tier) => "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/app\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"tier\": \"" + tier + "\", \"assistants\": [] }";

    public TempDir Dir { get; }

    public GuardrailsCheck Task { get; }

    public FakeBuildEngine Engine { get; }

    public bool Passed { get; private set; }

    public CheckRunner Run()
    {
        Passed = Task.Execute();
        return this;
    }

    public IEnumerable<string> ErrorCodes => Engine.Errors.Select(e => e.Code);

    public IEnumerable<string> WarningCodes => Engine.Warnings.Select(e => e.Code);

    public BuildErrorEventArgs Error(string code) => Assert.Single(Engine.Errors, e => e.Code == code);

    public BuildWarningEventArgs Warning(string code) => Assert.Single(Engine.Warnings, e => e.Code == code);

    public string Effective => Guardrails.Tests.Shared.EffectivePolicyText.Render(File.ReadAllText(Task.EffectivePolicyFile));

    /// <summary>Everything the task logged, for "no secret anywhere" assertions.</summary>
    public string AllLogged => string.Join("\n",
        Engine.Errors.Select(e => e.Message).Concat(Engine.Warnings.Select(w => w.Message)).Concat(Engine.Messages.Select(m => m.Message)));

    public static string Sha256Of(string path) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
