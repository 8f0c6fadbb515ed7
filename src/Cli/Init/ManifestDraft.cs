using System.Text.RegularExpressions;
using System.Text;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Cli.Scan;
using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.Cli.Init;

/// <summary>
/// <c>guardrails init</c>: what a repository already shows about its AI use, as a draft ai-assistants.json. Assistants,
/// their MCP servers and models come from the footprint catalog and the footprint readers the build uses; AI packages
/// from the project files (or the assets file) by the Core SDK catalog; provider endpoints from URLs in C# and config
/// files matched against the catalog's provider hosts. Every entry carries a <c>// REVIEW</c> comment naming where it
/// was seen (the manifest is JSON with comments); nothing is approved by writing it down.
/// </summary>
internal sealed partial class ManifestDraft
{
    public SortedDictionary<string, DraftAssistant> Assistants { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<string, string> Packages { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<string, string> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Problems { get; } = new();

    public static ManifestDraft Gather(string root)
    {
        var draft = new ManifestDraft();
        RepositoryFiles files = RepositoryFiles.List(root);
        var levels = new SortedSet<string>(StringComparer.Ordinal) { root };
        foreach (string project in files.Projects)
        {
            levels.Add(Path.GetDirectoryName(project)!);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var configured = new List<(IReadOnlyList<string> Assistants, FootprintContent Content, string Where)>();
        foreach (string level in levels)
        {
            DiscoveryResult discovery = FootprintDiscovery.Discover(level);
            foreach (FootprintHit hit in discovery.Hits)
            {
                if (!seen.Add(hit.FullPath))
                {
                    continue;
                }

                string where = Path.GetRelativePath(root, hit.FullPath).Replace('\\', '/');
                foreach (string id in hit.Assistants)
                {
                    DraftAssistant a = draft.Assistant(id);
                    a.SeenIn.Add(where);
                }

                FootprintContent content = AssistantFileReader.Read(hit);
                if (content.Problem != null)
                {
                    draft.Problems.Add(where + ": " + content.Problem.Message);
                }

                configured.Add((hit.Assistants, content, where));
            }
        }

        // A file several assistants read (.mcp.json: Claude Code and Visual Studio) configures the one the repository
        // shows most signs of (the most files seen), the first listed on a tie.
        foreach ((IReadOnlyList<string> assistants, FootprintContent content, string where) in configured)
        {
            string owner = assistants.Count == 0 ? "unknown" : assistants.OrderByDescending(id => draft.Assistant(id).SeenIn.Count).First();
            foreach (McpServerUse server in content.Servers)
            {
                draft.Assistant(owner).Servers[server.Name] = (server, where + "(" + server.Line + "," + server.Column + ")");
            }

            foreach (ModelUse model in content.Models)
            {
                draft.Assistant(owner).Models[model.Model] = where + "(" + model.Line + "," + model.Column + ")";
            }
        }

        foreach (string project in files.Projects)
        {
            string where = Path.GetRelativePath(root, project).Replace('\\', '/');
            foreach (DeclaredPackage p in ProjectFiles.DeclaredPackages(project, root))
            {
                if (AiSdkCatalog.TryGetByPackageId(p.Id, out AiSdk sdk) && !sdk.IsNeutral)
                {
                    draft.Packages[p.Id + (p.Version.Length > 0 ? " " + p.Version : string.Empty)] = sdk.DisplayName + ", provider " + sdk.Provider + "; " + where + "(" + p.Line + ")";
                }
            }
        }

        foreach (string file in files.CSharp.Concat(files.Text))
        {
            draft.FindEndpoints(root, file);
        }

        return draft;
    }

    private DraftAssistant Assistant(string id)
    {
        if (!Assistants.TryGetValue(id, out DraftAssistant? a))
        {
            Assistants[id] = a = new DraftAssistant(id);
        }

        return a;
    }

    [GeneratedRegex(@"(?:https?|wss?)://([A-Za-z0-9.-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlHost();

    private void FindEndpoints(string root, string file)
    {
        Guardrails.BuildTasks.Foundation.LoadedFile? loaded = Guardrails.BuildTasks.Foundation.SourceFile.TryLoad(file, Guardrails.BuildTasks.Foundation.SourceFile.MaxBytes, out _, out _);
        string? text = loaded == null ? null : Guardrails.BuildTasks.Foundation.SourceFile.TryDecode(loaded, out _, out _);
        if (text == null)
        {
            return;
        }

        if (text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            return;
        }

        foreach (Match m in UrlHost().Matches(text))
        {
            string host = m.Groups[1].Value.TrimEnd('.').ToLowerInvariant();
            IReadOnlyList<AiProviderEndpoint> providers = AiSdkCatalog.FindEndpointsByHost(host);
            if (providers.Count > 0 && !Endpoints.ContainsKey(host))
            {
                int line = 1 + text.AsSpan(0, m.Index).Count('\n');
                Endpoints[host] = providers[0].Provider + "; " + Path.GetRelativePath(root, file).Replace('\\', '/') + "(" + line + ")";
            }
        }
    }

    /// <summary>The draft as JSON with comments: valid for the manifest reader once the REVIEW placeholders are filled.</summary>
    public string Write(string repository)
    {
        var sb = new StringBuilder();
        sb.Append("// DRAFT written by `guardrails init` from what this repository already holds. Nothing here is approved:\n");
        sb.Append("// review every entry marked REVIEW (keep what the team really uses, remove the rest), fill in the owner,\n");
        sb.Append("// tier and data class, then delete these comments. The central policy decides what is allowed.\n");
        sb.Append("{\n");
        sb.Append("  \"$schema\": \"https://raw.githubusercontent.com/guardrails-dotnet/guardrails/main/schemas/ai-assistants.schema.json\",\n");
        sb.Append("  \"manifestFormat\": \"1.0\",\n");
        sb.Append("  // REVIEW: the repository's canonical name; the policy's repository globs match it.\n");
        sb.Append("  \"repository\": ").Append(Str(repository)).Append(",\n");
        sb.Append("  // REVIEW: the tier and the highest data class this repository handles, as the policy names them.\n");
        sb.Append("  \"tier\": \"standard\",\n");
        sb.Append("  \"dataClass\": \"internal\",\n");
        sb.Append("  // REVIEW: the accountable team and how to reach it.\n");
        sb.Append("  \"owner\": { \"team\": \"REVIEW-team\", \"contact\": \"REVIEW-contact@example.invalid\" },\n");
        AppendList(sb, "AI SDK packages referenced (approved in the central policy, not here)", Packages);
        AppendList(sb, "AI provider endpoints named in code or config", Endpoints);
        if (Problems.Count > 0)
        {
            sb.Append("  // Files that could not be read (their content is not in this draft):\n");
            foreach (string p in Problems)
            {
                sb.Append("  //   ").Append(OneLine(p)).Append('\n');
            }
        }

        sb.Append("  \"assistants\": [");
        int i = 0;
        foreach (DraftAssistant a in Assistants.Values)
        {
            sb.Append(i++ == 0 ? "\n" : ",\n");
            sb.Append("    // REVIEW: seen in ").Append(OneLine(string.Join(", ", a.SeenIn.Take(6)))).Append(a.SeenIn.Count > 6 ? ", …" : string.Empty).Append('\n');
            sb.Append("    {\n      \"id\": ").Append(Str(a.Id));
            if (a.Models.Count > 0)
            {
                sb.Append(",\n      // REVIEW: models named in ").Append(OneLine(string.Join(", ", a.Models.Values.Distinct().Take(4)))).Append('\n');
                sb.Append("      \"models\": [").Append(string.Join(", ", a.Models.Keys.Select(Str))).Append(']');
            }

            if (a.Servers.Count > 0)
            {
                sb.Append(",\n      \"mcpServers\": [");
                int j = 0;
                foreach ((string name, (McpServerUse server, string where)) in a.Servers)
                {
                    sb.Append(j++ == 0 ? "\n" : ",\n");
                    sb.Append("        // REVIEW: configured in ").Append(OneLine(where)).Append(server.HasUnresolvedVariable ? " (uses a variable: fill in the real value)" : string.Empty).Append('\n');
                    sb.Append("        { \"id\": ").Append(Str(name));
                    if (server.Url != null)
                    {
                        sb.Append(", \"url\": ").Append(Str(server.Url));
                    }
                    else if (server.Command != null && server.Command.Count > 0)
                    {
                        sb.Append(", \"command\": [").Append(string.Join(", ", server.Command.Select(Str))).Append(']');
                    }

                    sb.Append(" }");
                }

                sb.Append("\n      ]");
            }

            sb.Append("\n    }");
        }

        sb.Append(i == 0 ? "]\n" : "\n  ]\n");
        sb.Append("}\n");
        return Scan.SafeOutput.Clean(sb.ToString());
    }

    private static void AppendList(StringBuilder sb, string title, SortedDictionary<string, string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        sb.Append("  // REVIEW: ").Append(title).Append(":\n");
        foreach ((string key, string where) in items)
        {
            sb.Append("  //   ").Append(OneLine(key)).Append(" (").Append(OneLine(where)).Append(")\n");
        }
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ').Replace("*/", "* /", StringComparison.Ordinal);

    private static string Str(string s)
    {
        var sb = new StringBuilder();
        JsonWriter.WriteString(sb, s);
        return sb.ToString();
    }
}

internal sealed class DraftAssistant
{
    public DraftAssistant(string id) => Id = id;

    public string Id { get; }

    public SortedSet<string> SeenIn { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Models { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, (McpServerUse Server, string Where)> Servers { get; } = new(StringComparer.Ordinal);
}
