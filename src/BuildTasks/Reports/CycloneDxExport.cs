using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Reports
{
    /// <summary>
    /// A CycloneDX 1.6 AI-BOM of the project ($(GuardrailsCycloneDxPath)): assistants and MCP servers as services,
    /// models (machine-learning-model) and AI SDK packages (library, with a purl) as components, with guardrails:*
    /// properties for the approval (approver, date, expiry, ticket) and reach (tiers, data class, repositories).
    /// Deterministic apart from metadata.timestamp; no serialNumber (it would have to be random).
    /// </summary>
    public static class CycloneDxExport
    {
        public static string Build(CheckRequest request, CheckResult result, string toolVersion)
        {
            var services = new List<(string Key, object? Value)>();
            var components = new List<(string Key, object? Value)>();
            var dependencies = new List<(string Key, object? Value)>();
            GuardrailsPolicy? policy = result.Policy;
            AssistantManifest? manifest = result.Manifest;
            if (manifest != null)
            {
                foreach (ManifestAssistant a in manifest.Assistants)
                {
                    AssistantRule? rule = policy?.FindAssistant(a.Id.Value);
                    string assistantRef = "assistant:" + a.Id.Value;
                    var dependsOn = new List<string>();
                    var props = Approval(rule?.Approval);
                    Add(props, "guardrails:kind", "ai-assistant");
                    Add(props, "guardrails:tiers", rule?.Tiers == null ? "any" : Joined(rule.Tiers));
                    Add(props, "guardrails:maxDataClass", rule?.MaxDataClass?.Value);
                    Add(props, "guardrails:repositories", rule?.Repositories == null ? "any" : Joined(rule.Repositories));
                    Add(props, "guardrails:credentialRef", a.CredentialRef?.Value);
                    Add(props, "guardrails:policyStatus", rule == null ? "not in policy" : rule.Denied ? "denied" : "approved");
                    var service = O(
                        ("bom-ref", assistantRef),
                        ("name", a.Id.Value),
                        ("version", a.Version?.Value),
                        ("provider", rule?.Vendor == null ? null : O(("name", rule.Vendor.Value))),
                        ("trustZone", manifest.Tier?.Value),
                        ("data", manifest.DataClass == null ? null : new List<object?> { O(("flow", "bi-directional"), ("classification", manifest.DataClass.Value)) }),
                        ("properties", Properties(props)));
                    services.Add((assistantRef, service));

                    foreach (Located<string> model in a.Models)
                    {
                        string modelRef = "model:" + a.Id.Value + "/" + model.Value;
                        dependsOn.Add(modelRef);
                        bool allowed = rule != null && rule.Models.IsAllowed(model.Value, out _);
                        var modelProps = allowed ? Approval(rule!.Approval) : new List<(string, string)>();
                        Add(modelProps, "guardrails:kind", "model");
                        Add(modelProps, "guardrails:policyStatus", allowed ? "allowed" : "not allowed");
                        components.Add((modelRef, O(
                            ("type", "machine-learning-model"),
                            ("bom-ref", modelRef),
                            ("name", model.Value),
                            ("properties", Properties(modelProps)))));
                    }

                    foreach (ManifestMcpServer server in a.McpServers)
                    {
                        McpServerRule? allow = AuditRecord.McpAllowFor(policy, server);
                        string id = AuditRecord.McpId(allow, server);
                        string mcpRef = "mcp:" + id;
                        dependsOn.Add(mcpRef);
                        var mcpProps = Approval(allow?.Approval);
                        Add(mcpProps, "guardrails:kind", "mcp-server");
                        Add(mcpProps, "guardrails:identity", server.Identity?.Describe() ?? allow?.Label);
                        Add(mcpProps, "guardrails:tiers", allow == null ? null : allow.Tiers == null ? "any" : Joined(allow.Tiers));
                        Add(mcpProps, "guardrails:maxDataClass", allow?.MaxDataClass?.Value);
                        Add(mcpProps, "guardrails:policyStatus", allow == null ? "not approved" : "approved");
                        string? url = server.Identity?.Url ?? allow?.Url?.Value;
                        services.Add((mcpRef, O(
                            ("bom-ref", mcpRef),
                            ("name", id),
                            ("endpoints", url == null ? null : new List<object?> { url }),
                            ("trustZone", manifest.Tier?.Value),
                            ("properties", Properties(mcpProps)))));
                    }

                    dependsOn.Sort(StringComparer.Ordinal);
                    dependencies.Add((assistantRef, O(("ref", assistantRef), ("dependsOn", AuditRecord.Sorted(dependsOn)))));
                }
            }

            foreach (PackageUse p in result.AiPackages)
            {
                // A package of another ecosystem (a script's pip or npm install) is already a package URL: pkg:pypi/openai.
                string purl = (p.Id.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase) ? p.Id : "pkg:nuget/" + p.Id) +
                    (string.IsNullOrEmpty(p.Version) ? string.Empty : "@" + p.Version);
                var props = new List<(string, string)>();
                Add(props, "guardrails:kind", "ai-sdk-package");
                Add(props, "guardrails:sdk", p.Description);
                Add(props, "guardrails:direct", p.Direct ? "true" : "false");
                Add(props, "guardrails:usedIn", p.UsedIn.Count == 0 ? null : string.Join("; ", AuditRecord.Sorted(p.UsedIn).ConvertAll(u => (string)u!)));
                Add(props, "guardrails:policyStatus", p.ApprovedBy == null ? "not approved" : "approved by packages.approved '" + p.ApprovedBy.Id.Value + "'");
                components.Add((purl, O(
                    ("type", "library"),
                    ("bom-ref", purl),
                    ("name", p.Id),
                    ("version", p.Version),
                    ("purl", purl),
                    ("properties", Properties(props)))));
            }

            foreach (ShippedSdkAssembly a in result.ShippedSdkAssemblies)
            {
                // An AI SDK shipped by copy (no package reference): a file component, named by the assembly.
                string reference = "file:" + a.File;
                var props = new List<(string, string)>();
                Add(props, "guardrails:kind", "ai-sdk-assembly");
                Add(props, "guardrails:sdk", a.SdkName);
                Add(props, "guardrails:package", a.Package);
                Add(props, "guardrails:shippedAs", "copied to the output with no restored package of the SDK");
                Add(props, "guardrails:policyStatus", a.Approved ? "approved" : "not approved");
                components.Add((reference, O(
                    ("type", "library"),
                    ("bom-ref", reference),
                    ("name", a.File),
                    ("properties", Properties(props)))));
            }

            var metaProps = new List<(string, string)>();
            Add(metaProps, "guardrails:policyId", result.Integrity.PolicyId);
            Add(metaProps, "guardrails:policyRevision", result.Integrity.PolicyRevision?.ToString(CultureInfo.InvariantCulture));
            Add(metaProps, "guardrails:policySha256", result.Integrity.PolicySha256);
            Add(metaProps, "guardrails:repository", manifest?.Repository?.Value);
            Add(metaProps, "guardrails:tier", manifest?.Tier?.Value);
            Add(metaProps, "guardrails:dataClass", manifest?.DataClass?.Value);
            Add(metaProps, "guardrails:mode", result.Enforce ? "Enforce" : "Audit");
            string projectName = CheckRequest.ProjectName(request.ProjectPath);
            var bom = O(
                ("bomFormat", "CycloneDX"),
                ("specVersion", "1.6"),
                ("version", 1),
                ("metadata", O(
                    ("timestamp", request.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                    ("tools", O(("components", new List<object?> { O(("type", "application"), ("name", "Guardrails"), ("version", toolVersion)) }))),
                    ("component", O(("type", "application"), ("bom-ref", "project:" + projectName), ("name", projectName))),
                    ("properties", Properties(metaProps)))),
                ("components", SortedValues(components)),
                ("services", SortedValues(services)),
                ("dependencies", SortedValues(dependencies)));
            return JsonWriter.Write(bom, SafeText.Clean);
        }

        private static List<(string, string)> Approval(ApprovalRecord? approval)
        {
            var props = new List<(string, string)>();
            Add(props, "guardrails:approvedBy", approval?.ApprovedBy?.Value);
            Add(props, "guardrails:approvedAt", AuditRecord.Date(approval?.ApprovedAt));
            Add(props, "guardrails:expiresAt", AuditRecord.Date(approval?.ExpiresAt));
            Add(props, "guardrails:ticket", approval?.Ticket?.Value);
            return props;
        }

        private static string Joined(List<Located<string>> values)
        {
            var list = values.ConvertAll(v => v.Value);
            list.Sort(StringComparer.Ordinal);
            return string.Join(",", list);
        }

        private static void Add(List<(string, string)> props, string name, string? value)
        {
            if (value != null)
            {
                props.Add((name, value));
            }
        }

        private static List<object?> Properties(List<(string Name, string Value)> props)
        {
            props.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
            return props.ConvertAll(p => (object?)O(("name", p.Name), ("value", p.Value)));
        }

        private static List<object?> SortedValues(List<(string Key, object? Value)> items)
        {
            items.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
            return items.ConvertAll(x => x.Value);
        }

        /// <summary>An object with sorted keys and no null members (the schema wants absent, not null).</summary>
        private static System.Collections.Generic.SortedDictionary<string, object?> O(params (string Key, object? Value)[] members) =>
            AuditRecord.Obj(System.Array.FindAll(members, m => m.Value != null));
    }
}
