using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Json;
using Spectre.Console;

namespace Guardrails.Cli.Scan;

/// <summary>The three renderings of a scan: a console table, JSON, SARIF 2.1.0 (the task's own SARIF writer).</summary>
internal static class ScanOutput
{
    public const string JsonFormat = "guardrails-scan/1";

    public static void Table(ScanReport report, IAnsiConsole console)
    {
        if (report.Findings.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Expand();
            table.AddColumn("Level");
            table.AddColumn("Rule");
            table.AddColumn("Location");
            table.AddColumn(new TableColumn("Message"));
            foreach (Finding f in report.Findings)
            {
                bool error = f.IsError(report.Enforce);
                table.AddRow(
                    new Markup(error ? "[red]error[/]" : "[yellow]warning[/]"),
                    new Text(f.Rule.Id),
                    new Text(SafeText.Clean(Location(report.Root, f))),
                    new Text(SafeText.Clean(f.Message)));
            }

            console.Write(table);
        }

        if (report.Endpoints.Count > 0)
        {
            // What the code can reach, as the record lists it: host (status, files).
            var shown = EndpointReach.Judge(report.Endpoints, Verdicts(report)).Select(e => e.Host + " (" + e.Status + ", " + e.Files + " file(s))");
            console.WriteLine("AI endpoints the code reaches: " + string.Join(", ", shown));
        }

        console.WriteLine(string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "{0} error(s), {1} warning(s) in {2} C# file(s), {3} config file(s), {4} project(s) under {5} ({6} mode, {7}; {8:0.0} s).",
            report.Errors, report.Warnings, report.CSharpFiles, report.TextFiles, report.Projects, report.Root,
            report.Enforce ? "Enforce" : "Audit",
            report.PolicyPath == null ? "no policy: secrets and footprints only" : "policy " + report.PolicyPath,
            report.Elapsed.TotalSeconds));
    }

    public static string Json(ScanReport report, string toolVersion)
    {
        var findings = new List<object?>();
        foreach (Finding f in report.Findings)
        {
            findings.Add(AuditRecord.Obj(
                ("rule", f.Rule.Id),
                ("title", f.Rule.Title),
                ("level", f.IsError(report.Enforce) ? "error" : "warning"),
                ("file", Relative(report.Root, f.File)),
                ("line", f.Line),
                ("column", f.Column),
                ("message", f.Message),
                ("subject", f.Subject),
                ("waivedBy", f.WaivedBy),
                ("helpUri", f.Rule.HelpLink)));
        }

        var root = AuditRecord.Obj(
            ("format", JsonFormat),
            ("tool", AuditRecord.Obj(("name", "guardrails"), ("version", toolVersion))),
            ("root", report.Root),
            ("mode", report.Enforce ? "Enforce" : "Audit"),
            ("policy", report.PolicyPath),
            ("summary", AuditRecord.Obj(
                ("errors", report.Errors),
                ("warnings", report.Warnings),
                ("csharpFiles", report.CSharpFiles),
                ("textFiles", report.TextFiles),
                ("projects", report.Projects))),
            ("findings", findings),
            ("endpoints", Endpoints(report)));
        return JsonWriter.Write(root, SafeText.Clean);
    }

    /// <summary>The audit record's "endpoints" (<see cref="EndpointReach"/>), filled the same way: the analyzers' GRD008, judged by the one evaluator.</summary>
    public static object Endpoints(ScanReport report)
    {
        Guardrails.Core.Policy.PolicyVerdicts? verdicts = Verdicts(report);
        var uses = report.Endpoints.Select(u => new EndpointUse(u.Host, Relative(report.Root, u.File)));
        return EndpointReach.Section(uses, verdicts, verdicts == null ? "no central policy: the analyzers record AI endpoints (GRD008) only under one" : Guardrails.BuildTasks.Foundation.EndpointsNotSearched.Because(report.EndpointsNotSearched), "guardrails scan");
    }

    private static Guardrails.Core.Policy.PolicyVerdicts? Verdicts(ScanReport report) =>
        Guardrails.Core.Policy.PolicyVerdicts.From(report.EffectivePolicy == null ? null : Guardrails.Core.Policy.EffectivePolicy.Read(report.EffectivePolicy, out _));

    public static string Sarif(ScanReport report, string toolVersion)
    {
        var result = new CheckResult { Enforce = report.Enforce };
        result.Findings.AddRange(report.Findings);
        return SarifReport.Build(result, toolVersion);
    }

    public static string Location(string root, Finding f)
    {
        string file = Relative(root, f.File);
        return f.Line > 0 ? file + "(" + f.Line + "," + f.Column + ")" : file;
    }

    public static string Relative(string root, string file)
    {
        if (string.IsNullOrEmpty(file) || !Path.IsPathRooted(file))
        {
            return file;
        }

        string relative = Path.GetRelativePath(root, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative.Replace('\\', '/');
    }
}
