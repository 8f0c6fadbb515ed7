using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using NuGet.Versioning;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Reads guardrails.policy.json into a <see cref="GuardrailsPolicy"/>, reporting every structural problem
    /// (format, unknown fields, wrong types, duplicates, bad dates, bad ranges, undefined references, approvers).
    /// </summary>
    public static class PolicyReader
    {
        /// <summary>The major format this reader understands; "1.x" is accepted.</summary>
        public const int SupportedMajor = 1;

        private static readonly string[] TopFields =
        {
            "$schema", "policyFormat", "policyId", "revision", "reviewBy", "owner", "defaults", "dataClasses", "tiers", "assistants",
            "mcpServers", "packages", "routes", "endpoints", "waivers", "allowLocalSuppression", "minimumGuardrailsVersion",
        };

        /// <summary>Kinds of local bypass "allowLocalSuppression" may list (read by the integrity checks, GRD304-GRD308).</summary>
        public static readonly string[] LocalSuppressionKinds = { "code", "properties", "analyzerConfig", "analyzerRemoval", "auditMode", "optOut" };

        /// <summary>Permission ceilings the policy can set on an assistant.</summary>
        public static readonly string[] PermissionNames = { "bypassMode", "autoApprove", "alwaysAllowTools", "enableAllProjectMcpServers", "trustWorkspace", "hooks", "outsideRepository" };

        /// <summary>
        /// Rules a waiver may name: the team-side violations, not structural or waiver problems. Decided per rule in
        /// the rule catalog (<see cref="RuleInfo.IsWaivable"/>), which also generates the docs.
        /// </summary>
        public static readonly string[] WaivableRules = RuleCatalog.All.Where(r => r.IsWaivable).Select(r => r.Id).ToArray();

        /// <summary>
        /// Reads the policy. Returns null only when the format is missing or of an unsupported major version (then
        /// nothing else can be trusted). <paramref name="errors"/> counts the errors found (0 = the policy is valid).
        /// </summary>
        public static GuardrailsPolicy? Read(JsonNode root, string file, List<Finding> findings, out int errors)
        {
            var r = new DocumentReader(file, "The policy", unknownFieldIsError: true, findings);
            errors = 0;
            if (!root.IsObject)
            {
                r.Report(RuleCatalog.InvalidValue, root, "The policy must be a JSON object, not " + root.Describe() + ".");
                errors = r.ErrorCount;
                return null;
            }

            var policy = new GuardrailsPolicy(file, root);
            policy.PolicyFormat = r.String(root, "policyFormat", "the policy", required: false);
            if (!CheckFormat(r, root, policy.PolicyFormat, "policyFormat", "policy"))
            {
                errors = r.ErrorCount;
                return null;
            }

            r.CheckFields(root, "the policy", TopFields);
            policy.PolicyId = r.String(root, "policyId", "the policy", required: true);
            policy.Revision = r.Integer(root, "revision", "the policy", required: true, min: 0);
            ReadMinimumVersion(r, root);
            r.Date(root, "reviewBy", "the policy");
            policy.AllowLocalSuppression = ReadLocalSuppression(r, root, "the policy");
            ReadOwner(r, root, policy);
            ReadDefaults(r, root, policy);
            ReadDataClasses(r, root, policy);
            ReadTiers(r, root, policy);
            ReadAssistants(r, root, policy);
            ReadMcpServers(r, root, policy);
            ReadPackages(r, root, policy);
            ReadRoutes(r, root, policy);
            ReadEndpoints(r, root, policy);
            ReadWaivers(r, root, policy);
            errors = r.ErrorCount;
            return policy;
        }

        /// <summary>
        /// <c>minimumGuardrailsVersion</c>: the lowest Guardrails the central team allows to enforce this policy (releases
        /// before it leave holes later ones closed). The running Guardrails older than that is GRD319 at the field.
        /// </summary>
        private static void ReadMinimumVersion(DocumentReader r, JsonNode root)
        {
            Located<string>? minimum = r.String(root, "minimumGuardrailsVersion", "the policy");
            if (minimum == null)
            {
                return;
            }

            if (!VersionRanges.TryParseVersion(minimum.Value, out NuGet.Versioning.NuGetVersion? wanted) || wanted == null)
            {
                r.Report(RuleCatalog.InvalidValue, minimum.Node, "The policy: 'minimumGuardrailsVersion' must be a version (e.g. \"0.9.0\"), not '" + Text.Show(minimum.Value) + "'.");
                return;
            }

            string running = VersionRanges.GuardrailsVersion();
            if (VersionRanges.TryParseVersion(running, out NuGet.Versioning.NuGetVersion? current) && current != null && current.CompareTo(wanted) >= 0)
            {
                return;
            }

            r.Report(RuleCatalog.PolicyNeedsNewerGuardrails, minimum.Node,
                "The policy requires Guardrails " + wanted.ToNormalizedString() + " or later (minimumGuardrailsVersion), but this build runs Guardrails " + running +
                ": update the Guardrails package (its GlobalPackageReference) to " + wanted.ToNormalizedString() + " or later.");
        }

        /// <summary>"1.0", "1.3" are fine; a missing format, "2.0" or "abc" are GRD105.</summary>
        internal static bool CheckFormat(DocumentReader r, JsonNode root, Located<string>? format, string field, string what)
        {
            if (format == null)
            {
                r.Report(RuleCatalog.UnsupportedFormat, root, "The " + what + " has no '" + field + "'. Add \"" + field + "\": \"1.0\" (the format this version of Guardrails reads).");
                return false;
            }

            string text = format.Value;
            int dot = text.IndexOf('.');
            string major = dot >= 0 ? text.Substring(0, dot) : text;
            if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m != SupportedMajor)
            {
                r.Report(RuleCatalog.UnsupportedFormat, format.Node,
                    "The " + what + " is in format '" + Text.Show(text) + "', but this version of Guardrails reads format " + SupportedMajor + ".x only. " +
                    (m > SupportedMajor ? "Update the Guardrails package to a version that understands it, or ask the policy owner for a format " + SupportedMajor + ".x copy." : "Set '" + field + "' to \"1.0\"."));
                return false;
            }

            return true;
        }

        private static void ReadOwner(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? owner = r.Object(root, "owner", "the policy", required: true);
            if (owner == null)
            {
                return;
            }

            r.CheckFields(owner, "owner", "name", "contact", "approvers");
            policy.Owner.Name = r.String(owner, "name", "owner", required: true);
            policy.Owner.Contact = r.String(owner, "contact", "owner", required: true);
            List<Located<string>>? approvers = r.Strings(owner, "approvers", "owner", required: true);
            if (approvers != null)
            {
                NoDuplicates(r, approvers, "owner.approvers", "approver");
                policy.Owner.Approvers.AddRange(approvers);
                if (approvers.Count == 0)
                {
                    r.Report(RuleCatalog.InvalidValue, owner["approvers"], "The policy names no approvers in owner.approvers; approvals and waivers need at least one.");
                }
            }
        }

        private static void ReadDefaults(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? d = r.Object(root, "defaults", "the policy");
            if (d == null)
            {
                return;
            }

            r.CheckFields(d, "defaults", "unknownAssistant", "unknownFootprint", "unreadableFootprint", "expiryWarningDays", "requireManifest");
            policy.Defaults.UnknownAssistant = Handling(r, d, "unknownAssistant") ?? UnknownHandling.Deny;
            policy.Defaults.UnknownFootprint = Handling(r, d, "unknownFootprint") ?? UnknownHandling.Deny;
            UnknownHandling? unreadable = Handling(r, d, "unreadableFootprint");
            policy.Defaults.UnreadableFootprint = unreadable ?? UnknownHandling.Warn;
            policy.Defaults.UnreadableFootprintSet = unreadable != null;
            Located<long>? days = r.Integer(d, "expiryWarningDays", "defaults", min: 0);
            if (days != null)
            {
                policy.Defaults.ExpiryWarningDays = (int)Math.Min(days.Value, 3650);
            }

            policy.Defaults.RequireManifest = r.Boolean(d, "requireManifest", "defaults") ?? true;
        }

        private static UnknownHandling? Handling(DocumentReader r, JsonNode d, string name)
        {
            Located<string>? v = r.String(d, name, "defaults");
            if (v == null)
            {
                return null;
            }

            switch (v.Value.ToLowerInvariant())
            {
                case "deny": return UnknownHandling.Deny;
                case "warn": return UnknownHandling.Warn;
                case "allow": return UnknownHandling.Allow;
                default:
                    r.Report(RuleCatalog.InvalidValue, v.Node, "The policy: defaults." + name + " must be \"deny\", \"warn\" or \"allow\".");
                    return null;
            }
        }

        private static void ReadDataClasses(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            List<Located<string>>? classes = r.Strings(root, "dataClasses", "the policy");
            if (classes == null)
            {
                return;
            }

            NoDuplicates(r, classes, "dataClasses", "data class");
            policy.DataClasses.AddRange(classes);
        }

        private static void ReadTiers(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? tiers = r.Object(root, "tiers", "the policy");
            if (tiers == null)
            {
                return;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty p in tiers.Properties)
            {
                if (!seen.Add(p.Name))
                {
                    r.Report(RuleCatalog.DuplicateEntry, p.NameStart.Line, p.NameStart.Column, "The policy defines tier '" + Text.Show(p.Name) + "' twice. Keep one definition.");
                    continue;
                }

                string where = "tiers." + Text.Show(p.Name);
                if (!p.Value.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, p.Value, "The policy: " + where + " must be an object like { \"maxDataClass\": \"internal\" }, not " + p.Value.Describe() + ".");
                    continue;
                }

                r.CheckFields(p.Value, where, "maxDataClass", "mode", "description", "allowLocalSuppression", "repositories");
                Located<IReadOnlyList<string>>? allowLocalSuppression = ReadLocalSuppression(r, p.Value, where);
                var tier = new TierRule(p.Name, p.Value)
                {
                    AllowLocalSuppression = allowLocalSuppression,
                    MaxDataClass = r.String(p.Value, "maxDataClass", where),
                    Mode = r.String(p.Value, "mode", where),
                    Repositories = r.Strings(p.Value, "repositories", where),
                };
                r.String(p.Value, "description", where);
                CheckDataClass(r, policy, tier.MaxDataClass, where + ".maxDataClass");
                if (tier.Mode != null && !string.Equals(tier.Mode.Value, "Enforce", StringComparison.OrdinalIgnoreCase) && !string.Equals(tier.Mode.Value, "Audit", StringComparison.OrdinalIgnoreCase))
                {
                    r.Report(RuleCatalog.InvalidValue, tier.Mode.Node, "The policy: " + where + ".mode must be \"Enforce\" or \"Audit\".");
                }

                policy.Tiers.Add(tier);
            }
        }

        private static void ReadAssistants(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? list = r.Array(root, "assistants", "the policy");
            if (list == null)
            {
                return;
            }

            var seen = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode a in list.Items)
            {
                if (!a.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, a, "The policy: every entry of 'assistants' must be an object, not " + a.Describe() + ".");
                    continue;
                }

                Located<string>? id = r.String(a, "id", "an assistants entry", required: true);
                if (id == null)
                {
                    continue;
                }

                string where = "assistant '" + Text.Show(id.Value) + "'";
                if (seen.ContainsKey(id.Value))
                {
                    r.Report(RuleCatalog.DuplicateEntry, id.Node, "The policy lists assistant '" + Text.Show(id.Value) + "' twice (first at line " + seen[id.Value].Start.Line + "). Merge the two entries.");
                    continue;
                }

                seen[id.Value] = a;
                r.CheckFields(a, where, "id", "vendor", "status", "reason", "versions", "tiers", "maxDataClass", "repositories", "models", "permissions", "credentialRefs", "footprints", "approval");
                var rule = new AssistantRule(id.Value, a)
                {
                    Vendor = r.String(a, "vendor", where),
                    Reason = r.String(a, "reason", where),
                    MaxDataClass = r.String(a, "maxDataClass", where),
                    Tiers = r.Strings(a, "tiers", where),
                    Repositories = r.Strings(a, "repositories", where),
                    CredentialRefs = r.Strings(a, "credentialRefs", where),
                };
                Located<string>? status = r.String(a, "status", where);
                if (status != null)
                {
                    if (string.Equals(status.Value, "denied", StringComparison.OrdinalIgnoreCase))
                    {
                        rule.Denied = true;
                    }
                    else if (!string.Equals(status.Value, "approved", StringComparison.OrdinalIgnoreCase))
                    {
                        r.Report(RuleCatalog.InvalidValue, status.Node, "The policy: 'status' of " + where + " must be \"approved\" or \"denied\".");
                    }
                }

                rule.VersionsText = r.String(a, "versions", where);
                rule.Versions = ParseRange(r, rule.VersionsText, where + ".versions");
                CheckDataClass(r, policy, rule.MaxDataClass, where + ".maxDataClass");
                CheckTiers(r, policy, rule.Tiers, where + ".tiers");
                CheckGlobs(r, rule.Repositories, where + ".repositories");
                ReadModels(r, a, rule, where);
                ReadPermissions(r, a, rule, where);
                rule.Footprints.AddRange(r.Strings(a, "footprints", where) ?? new List<Located<string>>());
                rule.Approval = ReadApproval(r, policy, a, where, required: !rule.Denied);
                policy.Assistants.Add(rule);
            }
        }

        private static void ReadModels(DocumentReader r, JsonNode a, AssistantRule rule, string where)
        {
            JsonNode? models = r.Object(a, "models", where);
            if (models == null)
            {
                return;
            }

            r.CheckFields(models, where + ".models", "allow", "deny", "match");
            List<Located<string>>? allow = r.Strings(models, "allow", where + ".models");
            if (allow != null)
            {
                rule.Models.HasAllowList = true;
                rule.Models.Allow.AddRange(allow);
            }

            rule.Models.Deny.AddRange(r.Strings(models, "deny", where + ".models") ?? new List<Located<string>>());
            Located<string>? match = r.String(models, "match", where + ".models");
            if (match != null)
            {
                if (string.Equals(match.Value, "prefix", StringComparison.OrdinalIgnoreCase))
                {
                    rule.Models.Match = ModelMatch.Prefix;
                }
                else if (!string.Equals(match.Value, "exact", StringComparison.OrdinalIgnoreCase))
                {
                    r.Report(RuleCatalog.InvalidValue, match.Node, "The policy: " + where + ".models.match must be \"exact\" or \"prefix\" (patterns with '*' are always globs).");
                }
            }
        }

        private static void ReadPermissions(DocumentReader r, JsonNode a, AssistantRule rule, string where)
        {
            JsonNode? perms = r.Object(a, "permissions", where);
            if (perms == null)
            {
                return;
            }

            r.CheckFields(perms, where + ".permissions", PermissionNames);
            foreach (string name in PermissionNames)
            {
                Located<string>? v = r.String(perms, name, where + ".permissions");
                if (v == null)
                {
                    continue;
                }

                if (!string.Equals(v.Value, "forbid", StringComparison.OrdinalIgnoreCase) && !string.Equals(v.Value, "allow", StringComparison.OrdinalIgnoreCase))
                {
                    r.Report(RuleCatalog.InvalidValue, v.Node, "The policy: " + where + ".permissions." + name + " must be \"forbid\" or \"allow\".");
                    continue;
                }

                rule.Permissions[name] = v;
            }
        }

        private static ApprovalRecord? ReadApproval(DocumentReader r, GuardrailsPolicy policy, JsonNode entry, string where, bool required)
        {
            JsonNode? node = r.Object(entry, "approval", where, required);
            if (node == null)
            {
                return null;
            }

            string w = where + ".approval";
            r.CheckFields(node, w, "approvedBy", "approvedAt", "expiresAt", "ticket");
            var approval = new ApprovalRecord(node)
            {
                ApprovedBy = r.String(node, "approvedBy", w, required: true),
                ApprovedAt = r.Date(node, "approvedAt", w, required: true),
                ExpiresAt = r.Date(node, "expiresAt", w, required: true),
                Ticket = r.String(node, "ticket", w),
            };
            CheckApprover(r, policy, approval.ApprovedBy, w);
            CheckDateOrder(r, approval.ApprovedAt, approval.ExpiresAt, w);
            return approval;
        }

        private static void ReadMcpServers(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? mcp = r.Object(root, "mcpServers", "the policy");
            if (mcp == null)
            {
                return;
            }

            r.CheckFields(mcp, "mcpServers", "allow", "deny");
            var ids = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
            ReadMcpList(r, policy, mcp, "allow", policy.McpAllow, ids);
            ReadMcpList(r, policy, mcp, "deny", policy.McpDeny, ids);
        }

        private static void ReadMcpList(DocumentReader r, GuardrailsPolicy policy, JsonNode mcp, string name, List<McpServerRule> into, Dictionary<string, JsonNode> ids)
        {
            JsonNode? list = r.Array(mcp, name, "mcpServers");
            if (list == null)
            {
                return;
            }

            bool allow = name == "allow";
            foreach (JsonNode e in list.Items)
            {
                if (!e.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: every entry of mcpServers." + name + " must be an object, not " + e.Describe() + ".");
                    continue;
                }

                var rule = new McpServerRule(e) { Id = r.String(e, "id", "an mcpServers." + name + " entry", required: allow) };
                string where = "mcpServers." + name + " '" + Text.Show(rule.Id?.Value ?? "(no id)") + "'";
                if (rule.Id != null)
                {
                    if (ids.TryGetValue(rule.Id.Value, out JsonNode? first))
                    {
                        r.Report(RuleCatalog.DuplicateEntry, rule.Id.Node, "The policy uses MCP server id '" + Text.Show(rule.Id.Value) + "' twice (first at line " + first.Start.Line + "). Give each entry its own id.");
                    }
                    else
                    {
                        ids[rule.Id.Value] = e;
                    }
                }

                r.CheckFields(e, where, allow
                    ? new[] { "id", "url", "command", "package", "versions", "sha256", "tiers", "maxDataClass", "approval", "description" }
                    : new[] { "id", "url", "command", "package", "versions", "sha256", "reason" });
                rule.Url = r.String(e, "url", where);
                rule.Package = r.String(e, "package", where);
                rule.CommandNode = r.Array(e, "command", where);
                if (rule.CommandNode != null)
                {
                    List<Located<string>>? parts = r.Strings(e, "command", where);
                    rule.Command = parts?.ConvertAll(p => p.Node.Text ?? string.Empty);
                    if (rule.Command != null && rule.Command.Count == 0)
                    {
                        r.Report(RuleCatalog.InvalidValue, rule.CommandNode, "The policy: 'command' of " + where + " is empty; give the exact command line as an array, e.g. [\"npx\", \"-y\", \"@scope/server@1.2.3\"].");
                        rule.Command = null;
                    }
                }

                Located<string>? versions = r.String(e, "versions", where);
                rule.Versions = ParseRange(r, versions, where + ".versions");
                if (versions != null && rule.Package == null)
                {
                    r.Report(RuleCatalog.InvalidValue, versions.Node, "The policy: 'versions' of " + where + " applies only to a 'package' entry.");
                }

                int identities = (rule.Url != null ? 1 : 0) + (rule.Command != null ? 1 : 0) + (rule.Package != null ? 1 : 0);
                if (identities != 1)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: " + where + " must identify the server by exactly one of 'url', 'command' or 'package' (found " + identities + "); servers are matched by identity, never by name.");
                    continue;
                }

                if (rule.Url != null && !UrlPattern.IsValid(rule.Url.Value))
                {
                    r.Report(RuleCatalog.InvalidValue, rule.Url.Node, "The policy: 'url' of " + where + " must be an http(s) URL such as \"https://mcp.contoso.example/*\"; a '*' in the host may only stand for whole labels on the left (\"*.contoso.example\").");
                    continue;
                }

                rule.Sha256 = r.String(e, "sha256", where);
                if (rule.Sha256 != null && !IsSha256(rule.Sha256.Value))
                {
                    r.Report(RuleCatalog.InvalidValue, rule.Sha256.Node, "The policy: 'sha256' of " + where + " must be 64 hexadecimal characters.");
                    rule.Sha256 = null;
                }

                if (allow)
                {
                    rule.Tiers = r.Strings(e, "tiers", where);
                    rule.MaxDataClass = r.String(e, "maxDataClass", where);
                    CheckTiers(r, policy, rule.Tiers, where + ".tiers");
                    CheckDataClass(r, policy, rule.MaxDataClass, where + ".maxDataClass");
                    rule.Approval = ReadApproval(r, policy, e, where, required: false);
                    r.String(e, "description", where);
                }
                else
                {
                    rule.Reason = r.String(e, "reason", where);
                }

                into.Add(rule);
            }
        }

        private static void ReadPackages(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? packages = r.Object(root, "packages", "the policy");
            if (packages == null)
            {
                return;
            }

            r.CheckFields(packages, "packages", "approved", "denied", "sdks", "sources");
            var seen = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
            ReadPackageList(r, packages, "approved", policy.ApprovedPackages, seen);
            ReadPackageList(r, packages, "denied", policy.DeniedPackages, seen);
            policy.PackageSources.AddRange(r.Strings(packages, "sources", "packages") ?? new List<Located<string>>());

            JsonNode? sdks = r.Array(packages, "sdks", "packages");
            if (sdks == null)
            {
                return;
            }

            var sdkIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode e in sdks.Items)
            {
                if (!e.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: every entry of packages.sdks must be an object, not " + e.Describe() + ".");
                    continue;
                }

                Located<string>? id = r.String(e, "id", "a packages.sdks entry", required: true);
                if (id == null)
                {
                    continue;
                }

                string where = "packages.sdks '" + Text.Show(id.Value) + "'";
                if (!sdkIds.Add(id.Value))
                {
                    r.Report(RuleCatalog.DuplicateEntry, id.Node, "The policy defines AI SDK '" + Text.Show(id.Value) + "' twice in packages.sdks. Keep one entry.");
                    continue;
                }

                r.CheckFields(e, where, "id", "provider", "packageIds", "assemblies", "namespaces", "endpointHosts");
                var sdk = new CustomSdk(id, e) { Provider = r.String(e, "provider", where, required: true)?.Value ?? string.Empty };
                List<Located<string>>? packageIds = r.Strings(e, "packageIds", where, required: true);
                sdk.PackageIds.AddRange((packageIds ?? new List<Located<string>>()).ConvertAll(x => x.Value));
                sdk.Assemblies.AddRange((r.Strings(e, "assemblies", where) ?? new List<Located<string>>()).ConvertAll(x => x.Value));
                sdk.Namespaces.AddRange((r.Strings(e, "namespaces", where) ?? new List<Located<string>>()).ConvertAll(x => x.Value));
                sdk.EndpointHosts.AddRange((r.Strings(e, "endpointHosts", where) ?? new List<Located<string>>()).ConvertAll(x => x.Value));
                foreach (string value in Concat(sdk.PackageIds, sdk.Assemblies, sdk.Namespaces, sdk.EndpointHosts))
                {
                    if (value.IndexOf(',') >= 0 || value.IndexOf('|') >= 0)
                    {
                        r.Report(RuleCatalog.InvalidValue, e, "The policy: values in " + where + " must not contain ',' or '|'.");
                        break;
                    }
                }

                policy.CustomSdks.Add(sdk);
            }
        }

        private static void ReadPackageList(DocumentReader r, JsonNode packages, string name, List<PackageRule> into, Dictionary<string, JsonNode> seen)
        {
            JsonNode? list = r.Array(packages, name, "packages");
            if (list == null)
            {
                return;
            }

            foreach (JsonNode e in list.Items)
            {
                if (!e.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: every entry of packages." + name + " must be an object like { \"id\": \"OpenAI\", \"versions\": \"[2.0,3.0)\" }, not " + e.Describe() + ".");
                    continue;
                }

                Located<string>? id = r.String(e, "id", "a packages." + name + " entry", required: true);
                if (id == null)
                {
                    continue;
                }

                string where = "packages." + name + " '" + Text.Show(id.Value) + "'";
                if (seen.TryGetValue(id.Value, out JsonNode? first))
                {
                    r.Report(RuleCatalog.DuplicateEntry, id.Node, "The policy lists package '" + Text.Show(id.Value) + "' twice in packages.approved/denied (first at line " + first.Start.Line + "). Keep one entry.");
                    continue;
                }

                seen[id.Value] = e;
                r.CheckFields(e, where, "id", "versions", "reason");
                var rule = new PackageRule(id, e) { VersionsText = r.String(e, "versions", where), Reason = r.String(e, "reason", where) };
                rule.Versions = ParseRange(r, rule.VersionsText, where + ".versions");
                into.Add(rule);
            }
        }

        private static void ReadEndpoints(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? endpoints = r.Object(root, "endpoints", "the policy");
            if (endpoints == null)
            {
                return;
            }

            r.CheckFields(endpoints, "endpoints", "approved", "denied");
            ReadHosts(r, endpoints, "approved", "endpoints", policy.ApprovedEndpoints);
            ReadDeniedHosts(r, endpoints, policy.DeniedEndpoints);
        }

        /// <summary>
        /// endpoints.denied: each entry a host pattern, or <c>{ "host": "*.openai.azure.com", "except": ["contoso-*.openai.azure.com"],
        /// "reason": "…" }</c> — a deny with the hosts it leaves out, so "only our own resources" can be written while a deny
        /// still wins over every approval (an excepted host is judged as if the deny were not there).
        /// </summary>
        private static void ReadDeniedHosts(DocumentReader r, JsonNode endpoints, List<DeniedHost> into)
        {
            JsonNode? list = endpoints["denied"];
            if (list == null)
            {
                return;
            }

            if (list.Kind != JsonKind.Array)
            {
                var plain = new List<Located<string>>();
                ReadHosts(r, endpoints, "denied", "endpoints", plain);
                into.AddRange(plain.ConvertAll(h => new DeniedHost(h)));
                return;
            }

            foreach (JsonNode e in list.Items)
            {
                if (e.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(e.Text))
                {
                    var host = new Located<string>(e.Text!.Trim(), e);
                    if (ValidHost(r, host, "endpoints.denied"))
                    {
                        into.Add(new DeniedHost(host));
                    }

                    continue;
                }

                if (!e.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: every entry of endpoints.denied must be a host pattern (\"api.deepseek.com\", \"*.openai.azure.com\") or an object like { \"host\": \"*.openai.azure.com\", \"except\": [\"contoso-*.openai.azure.com\"] }, not " + e.Describe() + ".");
                    continue;
                }

                r.CheckFields(e, "an endpoints.denied entry", "host", "except", "reason");
                Located<string>? pattern = r.String(e, "host", "an endpoints.denied entry", required: true);
                if (pattern == null || !ValidHost(r, pattern, "endpoints.denied"))
                {
                    continue;
                }

                var deny = new DeniedHost(pattern) { Reason = r.String(e, "reason", "an endpoints.denied entry") };
                foreach (Located<string> except in r.Strings(e, "except", "endpoints.denied '" + Text.Show(pattern.Value) + "'") ?? new List<Located<string>>())
                {
                    if (ValidHost(r, except, "endpoints.denied '" + Text.Show(pattern.Value) + "'.except"))
                    {
                        deny.Except.Add(except);
                    }
                }

                into.Add(deny);
            }
        }

        private static bool ValidHost(DocumentReader r, Located<string> host, string where)
        {
            if (Guardrails.Core.Sdks.HostPattern.IsValid(host.Value))
            {
                return true;
            }

            r.Report(RuleCatalog.InvalidValue, host.Node, "The policy: " + where + " holds host names or host patterns (\"ai-gateway.contoso.example\", \"*.openai.azure.com\"), not URLs.");
            return false;
        }

        /// <summary>A list of host patterns (<see cref="Guardrails.Core.Sdks.HostPattern"/>, the one host grammar).</summary>
        private static void ReadHosts(DocumentReader r, JsonNode obj, string name, string where, List<Located<string>> into)
        {
            foreach (Located<string> host in r.Strings(obj, name, where) ?? new List<Located<string>>())
            {
                if (ValidHost(r, host, where + "." + name))
                {
                    into.Add(host);
                }
            }
        }

        private static void ReadRoutes(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? list = r.Array(root, "routes", "the policy");
            if (list == null)
            {
                return;
            }

            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode e in list.Items)
            {
                if (!e.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: every entry of 'routes' must be an object like { \"id\": \"azure-openai\", \"packages\": [\"Azure.AI.OpenAI\"], \"endpoints\": [\"*.openai.azure.com\"] }, not " + e.Describe() + ".");
                    continue;
                }

                Located<string>? id = r.String(e, "id", "a routes entry", required: true);
                if (id == null)
                {
                    continue;
                }

                string where = "route '" + Text.Show(id.Value) + "'";
                if (!ids.Add(id.Value))
                {
                    r.Report(RuleCatalog.DuplicateEntry, id.Node, "The policy defines route '" + Text.Show(id.Value) + "' twice. Route ids must be unique.");
                    continue;
                }

                r.CheckFields(e, where, "id", "description", "packages", "endpoints");
                var route = new RouteRule(id, e) { Description = r.String(e, "description", where) };
                JsonNode? packages = r.Array(e, "packages", where, required: true);
                foreach (JsonNode p in packages?.Items ?? (IReadOnlyList<JsonNode>)new JsonNode[0])
                {
                    if (p.IsString && p.Text!.Trim().Length > 0)
                    {
                        route.Packages.Add(new PackageRule(new Located<string>(p.Text.Trim(), p), p));
                    }
                    else if (p.IsObject)
                    {
                        Located<string>? pid = r.String(p, "id", where + " packages entry", required: true);
                        if (pid == null)
                        {
                            continue;
                        }

                        r.CheckFields(p, where + " package '" + Text.Show(pid.Value) + "'", "id", "versions");
                        var rule = new PackageRule(pid, p) { VersionsText = r.String(p, "versions", where) };
                        rule.Versions = ParseRange(r, rule.VersionsText, where + " package '" + Text.Show(pid.Value) + "'.versions");
                        route.Packages.Add(rule);
                    }
                    else
                    {
                        r.Report(RuleCatalog.InvalidValue, p, "The policy: the packages of " + where + " are package ids (\"Azure.AI.OpenAI\") or objects { \"id\": …, \"versions\": … }, not " + p.Describe() + ".");
                    }
                }

                if (packages != null && route.Packages.Count == 0)
                {
                    r.Report(RuleCatalog.InvalidValue, packages, "The policy: " + where + " names no package; a route approves the wrapper packages it lists.");
                }

                ReadHosts(r, e, "endpoints", where, route.Endpoints);
                policy.Routes.Add(route);
            }
        }

        private static void ReadWaivers(DocumentReader r, JsonNode root, GuardrailsPolicy policy)
        {
            JsonNode? list = r.Array(root, "waivers", "the policy");
            if (list == null)
            {
                return;
            }

            var seen = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode e in list.Items)
            {
                if (!e.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, e, "The policy: every entry of 'waivers' must be an object, not " + e.Describe() + ".");
                    continue;
                }

                Located<string>? id = r.String(e, "id", "a waivers entry", required: true);
                if (id == null)
                {
                    continue;
                }

                string where = "waiver '" + Text.Show(id.Value) + "'";
                if (seen.TryGetValue(id.Value, out JsonNode? first))
                {
                    r.Report(RuleCatalog.DuplicateEntry, id.Node, "The policy defines waiver '" + Text.Show(id.Value) + "' twice (first at line " + first.Start.Line + "). Waiver ids must be unique.");
                    continue;
                }

                seen[id.Value] = e;
                r.CheckFields(e, where, "id", "rule", "subject", "scope", "approvedBy", "approvedAt", "expiresAt", "reason", "ticket");
                var waiver = new WaiverRule(id.Value, e)
                {
                    Rule = r.String(e, "rule", where, required: true),
                    Subject = r.String(e, "subject", where, required: true),
                    ApprovedBy = r.String(e, "approvedBy", where, required: true),
                    ApprovedAt = r.Date(e, "approvedAt", where, required: true),
                    ExpiresAt = r.Date(e, "expiresAt", where, required: true),
                    Reason = r.String(e, "reason", where, required: true),
                    Ticket = r.String(e, "ticket", where),
                };
                if (waiver.Rule != null && Array.IndexOf(WaivableRules, waiver.Rule.Value.ToUpperInvariant()) < 0)
                {
                    r.Report(RuleCatalog.InvalidValue, waiver.Rule.Node, "The policy: " + where + " waives '" + Text.Show(waiver.Rule.Value) + "', which is not a rule a waiver can cover. Waivable rules: " + string.Join(", ", WaivableRules) + ".");
                }

                JsonNode? scope = r.Object(e, "scope", where);
                if (scope != null)
                {
                    r.CheckFields(scope, where + ".scope", "repositories", "projects");
                    waiver.Repositories = r.Strings(scope, "repositories", where + ".scope");
                    waiver.Projects = r.Strings(scope, "projects", where + ".scope");
                    CheckGlobs(r, waiver.Repositories, where + ".scope.repositories");
                }

                CheckApprover(r, policy, waiver.ApprovedBy, where);
                CheckDateOrder(r, waiver.ApprovedAt, waiver.ExpiresAt, where);
                policy.Waivers.Add(waiver);
            }
        }

        /// <summary>
        /// "allowLocalSuppression": true (every kind), false (none), or an array of bypass kinds. Unknown kinds are
        /// reported and ignored; kinds match case-insensitively; any other shape is reported and allows nothing.
        /// </summary>
        private static Located<IReadOnlyList<string>>? ReadLocalSuppression(DocumentReader r, JsonNode obj, string where)
        {
            JsonNode? value = obj["allowLocalSuppression"];
            if (value == null)
            {
                return null;
            }

            var allowed = new List<string>();
            if (value.TryGetBoolean(out bool all))
            {
                if (all)
                {
                    allowed.AddRange(LocalSuppressionKinds);
                }

                return new Located<IReadOnlyList<string>>(allowed, value);
            }

            foreach (Located<string> kind in r.Strings(obj, "allowLocalSuppression", where) ?? new List<Located<string>>())
            {
                if (System.Array.IndexOf(LocalSuppressionKinds, kind.Value) < 0)
                {
                    r.Report(RuleCatalog.InvalidValue, kind.Node, "The policy: allowLocalSuppression in " + where + " lists '" + Text.Show(kind.Value) + "'; use true, false or a list of " + string.Join(", ", LocalSuppressionKinds) + ".");
                }
            }

            // Only string items of an array count (a lone string allows nothing), compared as written, ignoring case.
            foreach (JsonNode item in value.Items)
            {
                foreach (string kind in LocalSuppressionKinds)
                {
                    if (item.IsString && string.Equals(item.Text, kind, StringComparison.OrdinalIgnoreCase) && !allowed.Contains(kind))
                    {
                        allowed.Add(kind);
                    }
                }
            }

            return new Located<IReadOnlyList<string>>(allowed, value);
        }

        private static void CheckApprover(DocumentReader r, GuardrailsPolicy policy, Located<string>? approvedBy, string where)
        {
            if (approvedBy != null && !policy.IsApprover(approvedBy.Value))
            {
                r.Report(RuleCatalog.ApproverNotAllowed, approvedBy.Node,
                    "The policy: " + where + " was approved by '" + Text.Show(approvedBy.Value) + "', who is not one of owner.approvers (" +
                    string.Join(", ", policy.Owner.Approvers.ConvertAll(a => a.Value)) + "). Only a named approver can approve; the entry does not count until one does.");
            }
        }

        private static void CheckDateOrder(DocumentReader r, Located<DateTimeOffset>? from, Located<DateTimeOffset>? to, string where)
        {
            if (from != null && to != null && to.Value < from.Value)
            {
                r.Report(RuleCatalog.InvalidValue, to.Node, "The policy: " + where + " expires (" + Dates.Show(to.Value) + ") before it was approved (" + Dates.Show(from.Value) + ").");
            }
        }

        private static void CheckDataClass(DocumentReader r, GuardrailsPolicy policy, Located<string>? dataClass, string where)
        {
            if (dataClass != null && policy.RankOf(dataClass.Value) < 0)
            {
                r.Report(RuleCatalog.UndefinedReference, dataClass.Node,
                    "The policy: " + where + " names data class '" + Text.Show(dataClass.Value) + "', which 'dataClasses' does not define (" +
                    (policy.DataClasses.Count == 0 ? "it defines none" : string.Join(", ", policy.DataClasses.ConvertAll(c => c.Value))) + ").");
            }
        }

        private static void CheckTiers(DocumentReader r, GuardrailsPolicy policy, List<Located<string>>? tiers, string where)
        {
            foreach (Located<string> t in tiers ?? new List<Located<string>>())
            {
                if (policy.FindTier(t.Value) == null)
                {
                    r.Report(RuleCatalog.UndefinedReference, t.Node,
                        "The policy: " + where + " names tier '" + Text.Show(t.Value) + "', which 'tiers' does not define (" +
                        (policy.Tiers.Count == 0 ? "it defines none" : string.Join(", ", policy.Tiers.ConvertAll(x => x.Name))) + ").");
                }
            }
        }

        private static void CheckGlobs(DocumentReader r, List<Located<string>>? globs, string where)
        {
            foreach (Located<string> g in globs ?? new List<Located<string>>())
            {
                if (g.Value == "!" || g.Value.Length > 500)
                {
                    r.Report(RuleCatalog.InvalidValue, g.Node, "The policy: '" + Text.Show(g.Value) + "' in " + where + " is not a usable pattern.");
                }
            }
        }

        private static VersionRange? ParseRange(DocumentReader r, Located<string>? text, string where)
        {
            if (text == null)
            {
                return null;
            }

            if (!VersionRanges.TryParse(text.Value, out VersionRange? range))
            {
                r.Report(RuleCatalog.InvalidValue, text.Node,
                    "The policy: " + where + " '" + Text.Show(text.Value) + "' is not a NuGet version range; write e.g. \"2.0\" (2.0 or later), \"[2.0,3.0)\", \"[1.4.2]\" or \"2.*\".");
                return null;
            }

            return range;
        }

        private static void NoDuplicates(DocumentReader r, List<Located<string>> values, string where, string what)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Located<string> v in values)
            {
                if (!seen.Add(v.Value))
                {
                    r.Report(RuleCatalog.DuplicateEntry, v.Node, "The policy lists " + what + " '" + Text.Show(v.Value) + "' twice in " + where + ".");
                }
            }
        }

        private static bool IsSha256(string value)
        {
            if (value.Length != 64)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static IEnumerable<string> Concat(params List<string>[] lists)
        {
            foreach (List<string> l in lists)
            {
                foreach (string s in l)
                {
                    yield return s;
                }
            }
        }
    }
}
