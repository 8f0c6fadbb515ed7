using System.Collections.Generic;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Policy;

namespace Guardrails.BuildTasks.Results
{
    /// <summary>What one run of the check found and resolved.</summary>
    public sealed class CheckResult
    {
        public List<Finding> Findings { get; } = new List<Finding>();

        /// <summary>True when the effective mode is Enforce.</summary>
        public bool Enforce { get; set; } = true;

        /// <summary>The facts handed to the analyzers.</summary>
        public EffectivePolicy Effective { get; } = new EffectivePolicy();

        /// <summary>The parsed policy document, when one was configured and could be read.</summary>
        public JsonNode? PolicyDocument { get; set; }

        /// <summary>Lower-case hex SHA-256 of the manifest bytes that were parsed, when the file could be read.</summary>
        public string? ManifestSha256 { get; set; }

        /// <summary>The parsed manifest document, when one was found and could be read.</summary>
        public JsonNode? ManifestDocument { get; set; }

        /// <summary>Policy hash, pin, revision and bypass facts (for the audit record).</summary>
        public IntegrityState Integrity { get; } = new IntegrityState();
        /// <summary>The policy model, when the policy could be read (it may still have errors: see <see cref="PolicyErrors"/>).</summary>
        public Guardrails.BuildTasks.Policy.GuardrailsPolicy? Policy { get; set; }

        /// <summary>Number of errors found in the policy itself; the manifest is held against it only when this is 0.</summary>
        public int PolicyErrors { get; set; }

        /// <summary>Files of the key scan that could not be scanned (GRD312); judged with the other local bypasses ("optOut").</summary>
        public List<LocalBypass> ScanGaps { get; } = new List<LocalBypass>();

        /// <summary>AI SDK packages in the restore graph (for the audit record and the AI-BOM).</summary>
        public List<Guardrails.BuildTasks.Policy.PackageUse> AiPackages { get; } = new List<Guardrails.BuildTasks.Policy.PackageUse>();

        /// <summary>
        /// AI SDK assemblies the build copies to its output with no restored package of that SDK behind them (a
        /// PackageDownload's dll in a None item, a committed dll): listed in the audit record and the AI-BOM; the copy
        /// itself is GRD201 from the verification after the compiler.
        /// </summary>
        public List<ShippedSdkAssembly> ShippedSdkAssemblies { get; } = new List<ShippedSdkAssembly>();

        /// <summary>The manifest model, when the manifest could be read.</summary>
        public Guardrails.BuildTasks.Policy.AssistantManifest? Manifest { get; set; }

        public bool HasErrors
        {
            get
            {
                foreach (Finding f in Findings)
                {
                    if (f.IsError(Enforce))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>An AI SDK assembly the build ships by copy (see <see cref="CheckResult.ShippedSdkAssemblies"/>).</summary>
    public sealed class ShippedSdkAssembly
    {
        public ShippedSdkAssembly(string file, string sdkId, string sdkName, string package, bool approved)
        {
            File = file;
            SdkId = sdkId;
            SdkName = sdkName;
            Package = package;
            Approved = approved;
        }

        /// <summary>The assembly's file name (OpenAI.dll).</summary>
        public string File { get; }

        public string SdkId { get; }

        public string SdkName { get; }

        /// <summary>The SDK's package the policy would have to approve.</summary>
        public string Package { get; }

        /// <summary>What the one evaluator says of that package.</summary>
        public bool Approved { get; }
    }
}
