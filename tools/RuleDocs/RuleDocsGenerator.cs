using System.Text;
using Guardrails.Core.Rules;

namespace Guardrails.Tools.RuleDocs;

/// <summary>One file the generator owns (wholly or in part): its expected text and whether the file already has it.</summary>
public sealed record GeneratedFile(string RelativePath, string Expected, string? Actual)
{
    public bool IsCurrent => Actual != null && Normalize(Actual) == Normalize(Expected);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>
/// The parts of the docs that state facts about rules, generated from <see cref="RuleCatalog"/>: the heading and
/// header table of every docs/rules/GRDnnn.md (the prose below stays hand-written), the README's rules table, the
/// waivable-rules table of docs/policy.md and the JSON Schemas' $id (the repository's address). One command regenerates them all: <see cref="Command"/>.
/// </summary>
public static class RuleDocsGenerator
{
    public const string Command = "dotnet run --project tools/RuleDocs";

    private static readonly System.Text.RegularExpressions.Regex SchemaId = new("\"\\$id\"\\s*:\\s*\"[^\"]*\"");

    public const string PageMarker = "<!-- The heading and the table above are generated from src/Core/Rules/RuleCatalog.cs: " + Command + " -->";

    public const string ReadmeBegin = "<!-- rules table: generated from src/Core/Rules/RuleCatalog.cs by " + Command + " -->";
    public const string ReadmeEnd = "<!-- end of rules table -->";

    public const string PolicyBegin = "<!-- waivable rules: generated from src/Core/Rules/RuleCatalog.cs by " + Command + " -->";
    public const string PolicyEnd = "<!-- end of waivable rules -->";

    /// <summary>Every generated file under <paramref name="root"/> with its expected and current text.</summary>
    public static List<GeneratedFile> Compute(string root) => Compute(root, RuleCatalog.All);

    public static List<GeneratedFile> Compute(string root, IReadOnlyList<RuleInfo> rules)
    {
        var files = new List<GeneratedFile>();
        foreach (RuleInfo rule in rules)
        {
            string relative = "docs/rules/" + rule.Id + ".md";
            string? actual = Read(root, relative);
            files.Add(new GeneratedFile(relative, Page(rule, actual), actual));
        }

        string? readme = Read(root, "README.md");
        files.Add(new GeneratedFile("README.md", Splice(readme, "README.md", ReadmeBegin, ReadmeEnd, ReadmeTable(rules)), readme));

        string? policy = Read(root, "docs/policy.md");
        files.Add(new GeneratedFile("docs/policy.md", Splice(policy, "docs/policy.md", PolicyBegin, PolicyEnd, WaivableTable(rules)), policy));

        // The JSON Schemas' $id: the repository's address, like the rules' help links (RuleCatalog.RepositoryUrl).
        string schemas = Path.Combine(root, "schemas");
        if (Directory.Exists(schemas))
        {
            foreach (string schema in Directory.GetFiles(schemas, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                string relative = "schemas/" + Path.GetFileName(schema);
                string text = File.ReadAllText(schema);
                string id = RuleCatalog.RepositoryUrl + "/blob/main/" + relative;
                files.Add(new GeneratedFile(relative, SchemaId.Replace(text, _ => "\"$id\": \"" + id + "\"", 1), text));
            }
        }

        return files;
    }

    /// <summary>The docs page of <paramref name="rule"/>: the generated header, then the hand-written body kept as it is.</summary>
    public static string Page(RuleInfo rule, string? existing)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append('\n');
        sb.Append('\n');
        sb.Append("| | |\n");
        sb.Append("|---|---|\n");
        sb.Append("| Category | ").Append(rule.Category).Append(" |\n");
        sb.Append("| Where | ").Append(Where(rule)).Append(" |\n");
        sb.Append("| Severity | ").Append(Severity(rule)).Append(" |\n");
        sb.Append("| Waivable | ").Append(Waivable(rule)).Append(" |\n");
        sb.Append("| Since | ").Append(rule.Since).Append(" |\n");
        sb.Append('\n');
        sb.Append(PageMarker).Append('\n');
        sb.Append('\n');
        string body = existing == null
            ? "## What it finds\n\n(Describe what the rule reports, with an example.)\n\n## How to fix\n\n(Describe the fix.)\n"
            : Body(existing);
        sb.Append(body);
        return sb.ToString();
    }

    /// <summary>The hand-written part of a page: everything after the marker, or (on a page not generated yet) after the heading and the first table.</summary>
    public static string Body(string page)
    {
        string text = page.Replace("\r\n", "\n", StringComparison.Ordinal);
        int marker = text.IndexOf(PageMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            return text.Substring(marker + PageMarker.Length).TrimStart('\n');
        }

        string[] lines = text.Split('\n');
        int i = 0;
        if (i < lines.Length && lines[i].StartsWith("# ", StringComparison.Ordinal))
        {
            i++;
        }

        while (i < lines.Length && lines[i].Trim().Length == 0)
        {
            i++;
        }

        if (i < lines.Length && lines[i].StartsWith("| |", StringComparison.Ordinal))
        {
            while (i < lines.Length && lines[i].StartsWith('|'))
            {
                i++;
            }
        }

        return string.Join("\n", lines, i, lines.Length - i).TrimStart('\n');
    }

    public static string Where(RuleInfo rule)
    {
        string host = rule.Host == RuleHost.Analyzer ? "Roslyn analyzer (IDE and build)" : rule.Host == RuleHost.Tool ? "`guardrails scan` (the CI gate's tool)" : "MSBuild check task";
        return rule.WhereNote == null ? host : host + ": " + rule.WhereNote;
    }

    public static string Severity(RuleInfo rule)
    {
        string text = rule.IsInfo
            ? "Info, in every mode (the IDE's error list, SARIF and binary logs; never fails the build)"
            : rule.IsErrorInEveryMode
            ? "Error, in every mode"
            : rule.IsErrorInEnforce
                ? "Error in `Enforce` mode (the default), warning in `Audit` mode"
                : "Warning, in every mode (never fails the build)";
        return rule.SeverityNote == null ? text : text + "; " + rule.SeverityNote;
    }

    public static string Waivable(RuleInfo rule) =>
        rule.IsWaivable ? "yes, subject = " + rule.WaiverSubject + " (see [waivers](../policy.md#waivers))" : "no";

    public static string ReadmeTable(IReadOnlyList<RuleInfo> rules)
    {
        var sb = new StringBuilder();
        sb.Append("| id | title | where | severity | waivable |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (RuleInfo rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            string severity = rule.IsInfo ? "info" : rule.IsErrorInEveryMode ? "error in every mode" : rule.IsErrorInEnforce ? "error" : "warning only";
            sb.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ")
                .Append(rule.Title).Append(" | ")
                .Append(rule.Host == RuleHost.Analyzer ? "analyzer" : rule.Host == RuleHost.Tool ? "`guardrails scan`" : "build task").Append(" | ")
                .Append(severity).Append(" | ")
                .Append(rule.IsWaivable ? "yes" : "no").Append(" |\n");
        }

        return sb.ToString();
    }

    public static string WaivableTable(IReadOnlyList<RuleInfo> rules)
    {
        var sb = new StringBuilder();
        sb.Append("| rule | title | the waiver's `subject` is matched against |\n");
        sb.Append("|---|---|---|\n");
        foreach (RuleInfo rule in rules.Where(r => r.IsWaivable).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sb.Append("| [").Append(rule.Id).Append("](rules/").Append(rule.Id).Append(".md) | ")
                .Append(rule.Title).Append(" | ")
                .Append(rule.WaiverSubject).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>Replaces the text between the <paramref name="begin"/> and <paramref name="end"/> marker lines.</summary>
    private static string Splice(string? text, string file, string begin, string end, string generated)
    {
        if (text == null)
        {
            throw new InvalidOperationException(file + " is missing.");
        }

        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        int b = normalized.IndexOf(begin, StringComparison.Ordinal);
        int e = normalized.IndexOf(end, StringComparison.Ordinal);
        if (b < 0 || e < b)
        {
            throw new InvalidOperationException(file + " has no generated section: put the lines '" + begin + "' and '" + end + "' where it belongs.");
        }

        int afterBegin = b + begin.Length;
        return normalized.Substring(0, afterBegin) + "\n" + generated + normalized.Substring(e);
    }

    private static string? Read(string root, string relative)
    {
        string full = Path.Combine(root, relative);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }
}
