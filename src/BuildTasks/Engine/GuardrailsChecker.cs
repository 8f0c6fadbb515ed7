using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Engine
{
    /// <summary>
    /// The check behind the GuardrailsCheck task: load the central policy and the team manifest, validate them,
    /// and resolve the effective policy for the analyzers. Pure .NET (no MSBuild types), so it is unit-testable.
    /// </summary>
    public static class GuardrailsChecker
    {
        /// <summary>
        /// A project that points at another policy (or at none) or changes the pin is judged under the central policy and pin
        /// all the same; GRD308 names what it set (BypassChecks). A project can make the build stricter, never choose the
        /// policy that governs it.
        /// </summary>
        private static void GovernByCentralPolicy(CheckRequest request)
        {
            if (request.ProjectPolicyPath == null && !string.IsNullOrWhiteSpace(request.CentralPolicyPath) && !BypassChecks.SamePath(request.CentralPolicyPath!, request.PolicyPath))
            {
                request.ProjectPolicyPath = request.PolicyPath ?? string.Empty;
                request.PolicyPath = request.CentralPolicyPath!.Trim();
            }

            if (request.ProjectPolicySha256 == null && !string.IsNullOrWhiteSpace(request.CentralPolicySha256) &&
                !string.Equals(request.CentralPolicySha256!.Trim(), (request.PolicySha256 ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase))
            {
                request.ProjectPolicySha256 = request.PolicySha256 ?? string.Empty;
                request.PolicySha256 = request.CentralPolicySha256!.Trim();
            }
        }

        /// <summary>
        /// The AI SDK assemblies the build copies to its output with no restored package of that SDK behind them (the AI-BOM
        /// and the audit record list them; GRD201 for the copy comes from the verification after the compiler). Decided by
        /// the one evaluator, through the catalog's (or the policy's own) assembly map.
        /// </summary>
        /// <summary>
        /// Route 13 (and issue 12 route R11, npm/PyPI package files): each notebook's, script's or package file's packages through the one package evaluator, one file at a time (a finding
        /// per file and line), without adding them to the project's resolved packages: the project does not reference them.
        /// </summary>
        private static void CheckScriptPackages(GuardrailsPolicy policy, CheckResult result, IReadOnlyList<DeclaredPackage> packages)
        {
            int resolved = result.Effective.Packages.Count;
            // A command file on the project's way to the root is read by the launcher reader and by the repository's file list:
            // one finding per package, file and line.
            packages = packages.GroupBy(p => (System.IO.Path.GetFullPath(p.File), p.Line, p.Column, p.Id)).Select(g => g.First()).ToList();
            // One origin per file and command: two install commands of one script (or a notebook's #r and its %pip) say each their own.
            foreach (var file in packages.GroupBy(p => (p.File, p.Kind)))
            {
                string name = System.IO.Path.GetFileName(file.Key.File);
                // The audit record and the AI-BOM list them as components, with where the repository uses them (approved
                // ones too: the record is the inventory of what the repository runs, not only of what failed).
                PackageChecker.CheckDeclared(policy, result.Effective, file.ToList(), result.Findings, result.AiPackages,
                    file.First().Kind is { } kind ? kind + " (" + name + ")"
                    : InteractiveScripts.IsScript(file.Key.File)
                        ? InteractiveScripts.Origin(file.Key.File)
                        : file.Key.File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                            ? FileBasedApp.Origin(file.Key.File)
                            : PackageManifests.Origin(file.Key.File),
                    recordWhere: true);
            }

            result.Effective.Packages.RemoveRange(resolved, result.Effective.Packages.Count - resolved);
        }

        private static void ListShippedSdkAssemblies(CheckRequest request, CheckResult result)
        {
            Core.Policy.PolicyVerdicts? verdicts = request.ShippedAssemblies.Length == 0 ? null : Core.Policy.PolicyVerdicts.From(result.Effective);
            if (verdicts == null)
            {
                return;
            }

            var seen = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in request.ShippedAssemblies)
            {
                string file;
                try
                {
                    file = Path.GetFileName(path.Trim());
                }
                catch (ArgumentException)
                {
                    continue;
                }

                string name = Path.GetFileNameWithoutExtension(file);
                if (!verdicts.TryGetSdkByAssemblyName(name, out Core.Sdks.AiSdk sdk) || sdk.IsNeutral || !seen.Add(file) ||
                    result.AiPackages.Exists(p => p.InProject && sdk.HasPackage(p.Id)))
                {
                    continue;
                }

                Core.Policy.Decision? decision = verdicts.Assembly(name);
                string package = sdk.PackageNamedBy(decision?.Subject);
                result.ShippedSdkAssemblies.Add(new ShippedSdkAssembly(file, sdk.Id, sdk.DisplayName, package, decision != null && decision.Passes));
            }
        }

        public static CheckResult Run(CheckRequest request)
        {
            var result = new CheckResult();
            GovernByCentralPolicy(request);
            ResolveMode(request, result);

            bool hasPolicyPath = !string.IsNullOrWhiteSpace(request.PolicyPath);
            if (hasPolicyPath)
            {
                string policyPath = request.PolicyPath!.Trim();
                // One read: the pin, the audit record's hash and the parser all see the same bytes.
                LoadedFile? file = request.Load(policyPath, RuleCatalog.PolicyUnavailable, "The Guardrails policy", out Finding? problem);
                result.Integrity.PolicySha256 = file?.Sha256;
                string? text = file == null ? null : SourceFile.TryDecode(file, "The Guardrails policy", out problem);
                if (problem != null)
                {
                    // Fail closed: without the policy nothing can be approved. Point at the project when the file is absent.
                    result.Findings.Add(problem.Line == 0
                        ? new Finding(problem.Rule, request.ProjectPath, 0, 0, problem.Message + " GuardrailsPolicyPath must name the central guardrails.policy.json; in Enforce mode the build cannot pass without it.")
                        : problem);
                }
                else
                {
                    PolicyIntegrity.CheckPin(request, result, policyPath);
                    PolicyReads.Entry read = PolicyReads.Read(request.PolicyReads, file!, text!, policyPath);
                    result.PolicyDocument = read.Document;
                    AddIf(result, read.ParseProblem);
                    if (result.PolicyDocument != null)
                    {
                        // The rollback finding comes before the policy's own findings, as it always has.
                        result.Policy = read.Policy;
                        if (result.Policy != null)
                        {
                            PolicyIntegrity.CheckRevision(request, result, result.Policy, policyPath);
                        }

                        result.Findings.AddRange(read.Findings);
                        result.PolicyErrors = result.Policy == null ? Math.Max(1, read.Errors) : read.Errors;
                    }

                    result.Effective.HasPolicy = result.Policy != null && result.PolicyErrors == 0;
                }
            }
            else
            {
                PolicyIntegrity.CheckPinWithoutPolicy(request, result);
            }

            bool hasManifestPath = !string.IsNullOrWhiteSpace(request.ManifestPath);
            if (hasManifestPath)
            {
                string manifestPath = request.ManifestPath!.Trim();
                LoadedFile? file = request.Load(manifestPath, RuleCatalog.ManifestMissing, "The team manifest", out Finding? problem);
                result.ManifestSha256 = file?.Sha256;
                string? text = file == null ? null : SourceFile.TryDecode(file, "The team manifest", out problem);
                if (problem != null)
                {
                    result.Findings.Add(problem.Line == 0
                        ? new Finding(problem.Rule, request.ProjectPath, 0, 0, problem.Message + " Create ai-assistants.json next to the project or the repository root, or correct GuardrailsManifestPath.")
                        : problem);
                }
                else
                {
                    result.ManifestDocument = SourceFile.TryParseJson(text!, manifestPath, "The team manifest", out problem);
                    AddIf(result, problem);
                    if (result.ManifestDocument != null)
                    {
                        // The manifest is read only by its reader, policy or not: the audit record and the AI-BOM describe
                        // it either way. Its findings count only under a policy (without one there is nothing to hold it to).
                        result.Manifest = ManifestReader.Read(result.ManifestDocument, manifestPath, hasPolicyPath ? result.Findings : new System.Collections.Generic.List<Finding>(), out _);
                    }
                }
            }
            else if (hasPolicyPath && result.Policy != null && result.Policy.Defaults.RequireManifest)
            {
                result.Findings.Add(new Finding(
                    RuleCatalog.ManifestMissing,
                    request.ProjectPath,
                    0,
                    0,
                    "No ai-assistants.json was found in the project folder or any folder above it, and the policy requires every project to declare its AI assistants. Add an ai-assistants.json at the repository root (an empty \"assistants\": [] declares that none are used), or set GuardrailsManifestPath."));
            }

            // Keys in files too large for the compiler are found here; files nobody can scan are judged as opt-outs.
            KeptBackFiles.Scan(request, result);

            // Every other committed file the compiler is not given, whatever its kind: keys that name their provider.
            CommittedKeyFiles.Scan(request, result);
            System.Collections.Generic.List<Finding> overrides = TargetOverrides.Find(request.LateBuildFiles ?? new string[0]);
            result.Findings.AddRange(overrides);
            foreach (Finding evaluated in request.EvaluatedTargetFindings)
            {
                // The same definition read from the text of a late build file is reported once.
                if (!overrides.Exists(f => f.Line == evaluated.Line && string.Equals(f.File, evaluated.File, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Findings.Add(evaluated);
                }
            }

            BypassChecks.Run(request, result);
            CommittedBuildOutput.Check(request, result);

            // The manifest is held against the policy only when the policy is valid: a broken policy already fails
            // closed, and judging a team against half a policy would only add noise.
            GuardrailsPolicy? policy = result.PolicyErrors == 0 ? result.Policy : null;

            // Assistant footprints from the project folder up to the repository root (GRD130-GRD137). Literal
            // credentials and committed personal files are reported with or without a policy.
            if (request.CheckFootprints)
            {
                FootprintChecker.Check(request, policy, policy != null ? result.Manifest : null, result.Findings);
            }

            if (policy != null)
            {
                if (result.Manifest != null)
                {
                    PolicyEvaluator.Evaluate(policy, result.Manifest, request.Now, result.Findings, request.BuildRepository, request.BuildRemotes, request.InCi);
                }

                // The effective policy first: the package gate decides with the same evaluator and model as the analyzers.
                EffectiveFacts.Write(policy, result.Effective, result.Manifest != null
                    ? Waivers.Usable(policy, result.Manifest, request.ProjectPath, request.Now, null)
                    : null);
                if (!string.IsNullOrWhiteSpace(request.ProjectAssetsFile))
                {
                    PackageChecker.Check(policy, result.Effective, request.ProjectAssetsFile!.Trim(), request.ProjectPath, result.Findings, result.AiPackages, request.TargetFramework,
                        request.PackageReferenceIds);

                    // guardrails scan gives the project file's packages too (conditions ignored): one the restore did not bring in
                    // is judged as declared (adversary round 8 route 5: a PackageReference under '$(_IsPublishing)' == 'true' is
                    // in no assets file a `dotnet build` writes, and `dotnet publish` compiles it).
                    if (request.DeclaredPackages != null)
                    {
                        var restored = new HashSet<string>(result.Effective.Packages.ConvertAll(p => p.Id), StringComparer.OrdinalIgnoreCase);
                        List<DeclaredPackage> missing = request.DeclaredPackages.Where(p => !restored.Contains(p.Id)).ToList();
                        foreach (IGrouping<string?, DeclaredPackage> kind in missing.GroupBy(p => p.Kind))
                        {
                            PackageChecker.CheckDeclared(policy, result.Effective, kind.ToList(), result.Findings, result.AiPackages, kind.Key ??
                                "declared in the project file but not in the restore's obj/project.assets.json: a condition this restore did not take (dotnet publish, another configuration or runtime) brings it in");
                        }
                    }
                }
                else if (request.DeclaredPackages != null)
                {
                    foreach (IGrouping<string?, DeclaredPackage> kind in request.DeclaredPackages.GroupBy(p => p.Kind))
                    {
                        PackageChecker.CheckDeclared(policy, result.Effective, kind.ToList(), result.Findings, result.AiPackages, kind.Key ?? request.DeclaredPackagesOrigin ?? "declared in the project file, not restored");
                    }
                }

                if (request.ScriptPackages != null && request.ScriptPackages.Count > 0)
                {
                    CheckScriptPackages(policy, result, request.ScriptPackages);
                }

                if (request.PackageFileProblems != null)
                {
                    result.Findings.AddRange(request.PackageFileProblems);
                }

                ListShippedSdkAssemblies(request, result);

                if (result.Manifest != null)
                {
                    Waivers.Apply(policy, result.Manifest, request.ProjectPath, request.Now, result.Findings);
                }
            }

            result.Effective.Mode = result.Enforce ? "Enforce" : "Audit";
            return result;
        }

        private static void ResolveMode(CheckRequest request, CheckResult result)
        {
            string mode = (request.Mode ?? string.Empty).Trim();
            if (mode.Length == 0 || string.Equals(mode, "Enforce", StringComparison.OrdinalIgnoreCase))
            {
                result.Enforce = true;
            }
            else if (string.Equals(mode, "Audit", StringComparison.OrdinalIgnoreCase))
            {
                result.Enforce = false;
            }
            else
            {
                // An unknown mode must not silently weaken enforcement.
                result.Enforce = true;
                result.Findings.Add(new Finding(
                    RuleCatalog.InvalidMode,
                    request.ProjectPath,
                    0,
                    0,
                    "GuardrailsMode is set to an unknown value; use 'Enforce' or 'Audit'. The check runs in Enforce mode."));
            }
        }

        private static void AddIf(CheckResult result, Finding? finding)
        {
            if (finding != null)
            {
                result.Findings.Add(finding);
            }
        }
    }
}
