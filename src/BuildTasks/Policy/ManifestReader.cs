using System;
using System.Collections.Generic;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>Reads ai-assistants.json into an <see cref="AssistantManifest"/>, reporting structural problems and literal credentials.</summary>
    public static class ManifestReader
    {
        private static readonly string[] TopFields = { "$schema", "manifestFormat", "repository", "tier", "dataClass", "owner", "assistants", "waivers" };

        private static readonly string[] AssistantFields = { "id", "version", "models", "mcpServers", "credentialRef", "permissions", "footprints" };

        public static AssistantManifest? Read(JsonNode root, string file, List<Finding> findings, out int errors)
        {
            var r = new DocumentReader(file, "The manifest", unknownFieldIsError: false, findings);
            errors = 0;
            if (!root.IsObject)
            {
                r.Report(RuleCatalog.InvalidValue, root, "The manifest must be a JSON object, not " + root.Describe() + ".");
                errors = r.ErrorCount;
                return null;
            }

            var m = new AssistantManifest(file, root) { ManifestFormat = r.String(root, "manifestFormat", "the manifest") };
            if (!PolicyReader.CheckFormat(r, root, m.ManifestFormat, "manifestFormat", "manifest"))
            {
                errors = r.ErrorCount;
                return null;
            }

            r.CheckFields(root, "the manifest", TopFields);
            ScanForKeys(r, root);
            // One spelling for every comparison (tiers, assistant/MCP repository lists, waiver scopes, GRD127): a scheme,
            // user-info, scp-style colon, ".git" or trailing slash must not make the value miss the policy's globs and
            // exclusions (adversary round 8 route 2: "github.com/acme/payments.git" escaped its tier).
            m.Repository = r.String(root, "repository", "the manifest", required: true);
            if (m.Repository != null && RepositoryUrl.Clean(m.Repository.Value) is string canonical && canonical.Length > 0 &&
                !string.Equals(canonical, m.Repository.Value, StringComparison.Ordinal))
            {
                m.Repository = new Located<string>(canonical, m.Repository.Node);
            }
            m.Tier = r.String(root, "tier", "the manifest");
            m.DataClass = r.String(root, "dataClass", "the manifest");
            m.OwnerNode = r.Object(root, "owner", "the manifest");
            if (m.OwnerNode != null)
            {
                r.CheckFields(m.OwnerNode, "owner", "team", "contact");
                m.OwnerTeam = r.String(m.OwnerNode, "team", "owner");
                m.OwnerContact = r.String(m.OwnerNode, "contact", "owner");
            }

            JsonNode? assistants = r.Array(root, "assistants", "the manifest", required: true);
            var seen = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode a in assistants?.Items ?? (IReadOnlyList<JsonNode>)new JsonNode[0])
            {
                if (!a.IsObject)
                {
                    r.Report(RuleCatalog.InvalidValue, a, "The manifest: every entry of 'assistants' must be an object like { \"id\": \"claude-code\", \"version\": \"2.1\" }, not " + a.Describe() + ".");
                    continue;
                }

                Located<string>? id = r.String(a, "id", "an assistants entry", required: true);
                if (id == null)
                {
                    continue;
                }

                if (seen.TryGetValue(id.Value, out JsonNode? first))
                {
                    r.Report(RuleCatalog.DuplicateEntry, id.Node, "The manifest lists assistant '" + Text.Show(id.Value) + "' twice (first at line " + first.Start.Line + "). Merge the two entries.");
                    continue;
                }

                seen[id.Value] = a;
                m.Assistants.Add(ReadAssistant(r, a, id));
            }

            foreach (Located<string> w in r.Strings(root, "waivers", "the manifest") ?? new List<Located<string>>())
            {
                if (m.Waivers.Exists(x => string.Equals(x.Value, w.Value, StringComparison.OrdinalIgnoreCase)))
                {
                    r.Report(RuleCatalog.DuplicateEntry, w.Node, "The manifest lists waiver '" + Text.Show(w.Value) + "' twice.");
                    continue;
                }

                m.Waivers.Add(w);
            }

            errors = r.ErrorCount;
            return m;
        }

        private static ManifestAssistant ReadAssistant(DocumentReader r, JsonNode a, Located<string> id)
        {
            string where = "assistant '" + Text.Show(id.Value) + "'";
            r.CheckFields(a, where, AssistantFields);
            var assistant = new ManifestAssistant(id, a) { Version = r.String(a, "version", where) };
            assistant.Models.AddRange(r.Strings(a, "models", where) ?? new List<Located<string>>());
            assistant.Footprints.AddRange(r.Strings(a, "footprints", where) ?? new List<Located<string>>());

            JsonNode? cred = a["credentialRef"];
            if (cred != null && cred.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(cred.Text))
            {
                string value = cred.Text!.Trim();
                if (CredentialReference.IsReference(value))
                {
                    assistant.CredentialRef = new Located<string>(value, cred);
                }
                else if (!HasKnownKey(value))
                {
                    // Never print the value: it may be a working credential of a format the catalog does not know.
                    r.Report(RuleCatalog.LiteralCredential, cred,
                        "The manifest: credentialRef of " + where + " holds a literal value (" + RedactUnknown(value) + "), not a reference. Remove it from the file, rotate it if it is real, and write a reference such as \"env:ANTHROPIC_API_KEY\" or \"vault:kv/ai/team/key\".");
                }
            }
            else
            {
                r.String(a, "credentialRef", where);
            }

            JsonNode? perms = r.Object(a, "permissions", where);
            if (perms != null)
            {
                r.CheckFields(perms, where + ".permissions", PolicyReader.PermissionNames);
                foreach (JsonProperty p in perms.Properties)
                {
                    if (Array.IndexOf(PolicyReader.PermissionNames, p.Name) >= 0 && p.Value.TryGetBoolean(out bool on))
                    {
                        assistant.Permissions[p.Name] = new Located<bool>(on, p.Value);
                    }
                    else if (Array.IndexOf(PolicyReader.PermissionNames, p.Name) >= 0)
                    {
                        r.Report(RuleCatalog.InvalidValue, p.Value, "The manifest: " + where + ".permissions." + p.Name + " must be true or false.");
                    }
                }
            }

            JsonNode? servers = r.Array(a, "mcpServers", where);
            foreach (JsonNode s in servers?.Items ?? (IReadOnlyList<JsonNode>)new JsonNode[0])
            {
                ManifestMcpServer? server = ReadServer(r, s, where);
                if (server != null)
                {
                    assistant.McpServers.Add(server);
                }
            }

            return assistant;
        }

        private static ManifestMcpServer? ReadServer(DocumentReader r, JsonNode s, string where)
        {
            if (s.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(s.Text))
            {
                return new ManifestMcpServer(s) { Id = s.Text!.Trim() };
            }

            if (!s.IsObject)
            {
                r.Report(RuleCatalog.InvalidValue, s, "The manifest: entries of " + where + ".mcpServers must be a policy server id (\"github\") or an object with 'url', 'command' or 'package', not " + s.Describe() + ".");
                return null;
            }

            string w = where + ".mcpServers";
            r.CheckFields(s, w, "id", "url", "command", "package", "version", "sha256");
            var identity = new McpServerIdentity
            {
                Url = r.String(s, "url", w)?.Value,
                Package = r.String(s, "package", w)?.Value,
                Version = r.String(s, "version", w)?.Value,
                Sha256 = r.String(s, "sha256", w)?.Value,
            };
            if (s["command"] != null)
            {
                identity.Command = r.Strings(s, "command", w)?.ConvertAll(x => x.Node.Text ?? string.Empty);
            }

            var server = new ManifestMcpServer(s) { Id = r.String(s, "id", w)?.Value, Identity = identity };
            if (identity.Url == null && identity.Command == null && identity.Package == null)
            {
                r.Report(RuleCatalog.InvalidValue, s, "The manifest: an entry of " + w + " must give 'url', 'command' or 'package' (or be the id of a policy entry as a plain string).");
                return null;
            }

            return server;
        }

        /// <summary>Any string in the manifest that holds a known provider key is GRD120, redacted by the catalog.</summary>
        private static void ScanForKeys(DocumentReader r, JsonNode node)
        {
            if (node.Kind == JsonKind.String && node.Text != null && node.Text.Length >= 20 && SecretScanner.MightContainKey(node.Text))
            {
                var matches = new List<SecretMatch>();
                SecretScanner.Scan(node.Text, matches);
                foreach (SecretMatch match in matches)
                {
                    r.Report(RuleCatalog.LiteralCredential, node,
                        "The manifest holds a literal " + match.Format.Provider + " " + match.Format.TokenKind + " (" + match.Redacted + "). Remove it, rotate it (" + match.Format.RotateUrl + "), and reference it instead, e.g. \"credentialRef\": \"env:" + match.Format.EnvironmentVariable + "\".");
                }
            }

            foreach (JsonProperty p in node.Properties)
            {
                ScanForKeys(r, p.Value);
            }

            foreach (JsonNode item in node.Items)
            {
                ScanForKeys(r, item);
            }
        }

        private static bool HasKnownKey(string value)
        {
            if (!SecretScanner.MightContainKey(value))
            {
                return false;
            }

            var matches = new List<SecretMatch>();
            SecretScanner.Scan(value, matches);
            return matches.Count > 0; // already reported by ScanForKeys, with the provider named
        }

        private static string RedactUnknown(string value) => Redaction.Redact(value, 0, value.Length, string.Empty);
    }
}
