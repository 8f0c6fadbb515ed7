using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;

namespace Guardrails.Cli.PolicyTools;

/// <summary>Reads a policy the way the build does: through <see cref="GuardrailsChecker"/>, with no manifest and no
/// footprints, so validation is exactly the build's (schema, semantics, file(line,col)).</summary>
internal static class PolicyLoad
{
    public static (CheckResult Result, List<Finding> Problems) Run(string path, DateTimeOffset now)
    {
        string full = Path.GetFullPath(path);
        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = full,
            PolicyPath = full,
            CheckFootprints = false,
            Now = now,
        });

        // The check also says that no manifest was given (GRD103); that is about a project, not about the policy.
        var problems = result.Findings.Where(f => f.Rule.Id != Guardrails.Core.Rules.RuleIds.ManifestMissing).ToList();
        return (result, problems);
    }

    public static GuardrailsPolicy? Valid(CheckResult result) => result.PolicyErrors == 0 ? result.Policy : null;
}
