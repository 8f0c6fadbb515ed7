using System.CommandLine;
using System.Globalization;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Policy;
using Guardrails.BuildTasks.Results;
using Guardrails.Cli.PolicyTools;
using Guardrails.Cli.Scan;
using Spectre.Console;

namespace Guardrails.Cli;

internal static class PolicyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("policy", "Work with the central guardrails.policy.json: validate, hash (the pin), diff two revisions.");
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(Hash(context));
        command.Subcommands.Add(Diff(context));
        return command;
    }

    private static Argument<string> FileArgument(string name, string description) => new(name) { Description = description };

    private static Command Validate(CliContext context)
    {
        var file = FileArgument("file", "The policy file.");
        var command = new Command("validate", "Validate a policy as the build reads it (format, fields, values, references); errors as file(line,col). Exit 0 valid, 1 invalid, 2 unreadable.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            (CheckResult result, List<Finding> problems) = PolicyLoad.Run(path, DateTimeOffset.UtcNow);
            foreach (Finding f in problems)
            {
                context.Output.WriteLine(SafeOutput.Clean(Line(f, result.Enforce)));
            }

            GuardrailsPolicy? policy = PolicyLoad.Valid(result);
            if (result.PolicyDocument == null && result.Policy == null && !File.Exists(path))
            {
                return Program.Failed;
            }

            if (policy == null)
            {
                context.Output.WriteLine($"{path}: invalid ({problems.Count(f => f.IsError(true))} error(s)).");
                return Program.Findings;
            }

            context.Output.WriteLine($"{path}: valid policy '{policy.PolicyId?.Value}' revision {policy.Revision?.Value.ToString(CultureInfo.InvariantCulture)}: {policy.Assistants.Count} assistant(s), {policy.McpAllow.Count} approved MCP server(s), {policy.ApprovedPackages.Count} approved package(s), {policy.Waivers.Count} waiver(s).");
            return Program.Ok;
        });
        return command;
    }

    internal static string Line(Finding f, bool enforce) =>
        f.File + (f.Line > 0 ? "(" + f.Line + "," + f.Column + ")" : string.Empty) + ": " + (f.IsError(enforce) ? "error " : "warning ") + f.Rule.Id + ": " + f.Message;

    private static Command Hash(CliContext context)
    {
        var file = FileArgument("file", "The policy file.");
        var command = new Command("hash", "Print the SHA-256 pin of a policy file (the bytes the build parses) and the property to paste into Directory.Build.props.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            // The hash of the bytes the build's loader read and parsed (one read, as in the build).
            CheckResult? result = File.Exists(path) ? PolicyLoad.Run(path, DateTimeOffset.UtcNow).Result : null;
            string? hash = result?.Integrity.PolicySha256;
            if (result == null || hash == null)
            {
                context.Problem("GRDCL02", "The policy file '" + path + "' does not exist or cannot be read.");
                return Program.Failed;
            }

            context.Output.WriteLine(hash);
            context.Output.WriteLine("<GuardrailsPolicySha256>" + hash + "</GuardrailsPolicySha256>");
            if (PolicyLoad.Valid(result) == null)
            {
                context.Error.WriteLine("guardrails: warning: this policy is not valid; run 'guardrails policy validate " + path + "' before pinning it.");
            }

            return Program.Ok;
        });
        return command;
    }

    private static Command Diff(CliContext context)
    {
        var before = FileArgument("old", "The policy revision in force.");
        var after = FileArgument("new", "The proposed revision.");
        var inventory = new Option<string?>("--inventory") { Description = "An inventory database (guardrails inventory --db): list the known repositories the new revision would break (their recorded uses re-evaluated by the build's check)." };
        var at = new Option<string?>("--at") { Description = "Judge expiry at this date (yyyy-MM-dd; default today)." };
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("diff", "What a new policy revision approves, revokes or lets expire, and (with --inventory) which known repositories it would break: each repository's latest recorded uses are re-evaluated by the build's own check under both revisions. Exit 0 nothing breaks, 1 repositories break or a revision is invalid, 2 unreadable input.")
        {
            before, after, inventory, at, format,
        };
        command.SetAction(parse =>
        {
            DateTimeOffset when = DateTimeOffset.UtcNow;
            string? atText = parse.GetValue(at);
            if (atText != null && !DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                context.Problem("GRDCL06", "--at must be a date such as 2026-12-31.");
                return Program.Failed;
            }

            GuardrailsPolicy? Load(string path)
            {
                if (!File.Exists(path))
                {
                    context.Problem("GRDCL02", "The policy file '" + path + "' does not exist.");
                    return null;
                }

                (CheckResult result, List<Finding> problems) = PolicyLoad.Run(path, when);
                GuardrailsPolicy? p = PolicyLoad.Valid(result);
                if (p == null)
                {
                    foreach (Finding f in problems)
                    {
                        context.Error.WriteLine(SafeOutput.Clean(Line(f, true)));
                    }
                }

                return p;
            }

            string oldPath = parse.GetValue(before)!, newPath = parse.GetValue(after)!;
            if (!File.Exists(oldPath) || !File.Exists(newPath))
            {
                Load(oldPath);
                Load(newPath);
                return Program.Failed;
            }

            GuardrailsPolicy? a = Load(oldPath), b = Load(newPath);
            if (a == null || b == null)
            {
                context.Problem("GRDCL07", "Both revisions must be valid policies to compare them (see the errors above).");
                return Program.Findings;
            }

            List<PolicyChange> changes = PolicyDiff.Compare(a, b, when);
            var replay = new Inventory.EstateReplay.Result(new(), new(), 0);
            string? db = parse.GetValue(inventory);
            if (db != null)
            {
                if (!File.Exists(db))
                {
                    context.Problem("GRDCL08", "The inventory database '" + db + "' does not exist; build it with 'guardrails inventory PATH... --db " + db + "'.");
                    return Program.Failed;
                }

                replay = Inventory.EstateReplay.WouldBreak(db, oldPath, newPath, when);
            }

            List<Inventory.Breakage> broken = replay.Breaks;

            if (parse.GetValue(format) == "json")
            {
                var root = BuildTasks.Reports.AuditRecord.Obj(
                    ("format", "guardrails-policy-diff/1"),
                    ("old", BuildTasks.Reports.AuditRecord.Obj(("path", oldPath), ("policyId", a.PolicyId?.Value), ("revision", a.Revision?.Value))),
                    ("new", BuildTasks.Reports.AuditRecord.Obj(("path", newPath), ("policyId", b.PolicyId?.Value), ("revision", b.Revision?.Value))),
                    ("at", when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ("changes", changes.Select(c => (object?)BuildTasks.Reports.AuditRecord.Obj(("change", c.Change), ("type", c.Type), ("id", c.Id), ("detail", c.Detail))).ToList()),
                    ("breaks", broken.Select(x => (object?)BuildTasks.Reports.AuditRecord.Obj(("repository", x.Repository), ("project", x.Project), ("owner", x.Owner), ("contact", x.Contact), ("rule", x.Rule), ("subject", x.Subject), ("because", x.Because))).ToList()),
                    ("repositoriesEvaluated", db == null ? null : replay.Evaluated),
                    ("notEvaluated", db == null ? null : replay.NotEvaluated.Select(x => (object?)x).ToList()));
                context.Output.WriteLine(Guardrails.Core.Json.JsonWriter.Write(root, SafeOutput.Clean));
            }
            else
            {
                context.Output.WriteLine($"Policy '{a.PolicyId?.Value}' revision {a.Revision?.Value} -> '{b.PolicyId?.Value}' revision {b.Revision?.Value}, judged at {when:yyyy-MM-dd}:");
                if (changes.Count == 0)
                {
                    context.Output.WriteLine("No entry changes meaning.");
                }
                else
                {
                    var table = new Table().Border(TableBorder.Rounded);
                    table.AddColumns("Change", "Type", "Entry", "Detail");
                    foreach (PolicyChange c in changes)
                    {
                        table.AddRow(new Spectre.Console.Text(c.Change), new Spectre.Console.Text(c.Type), new Spectre.Console.Text(c.Id), new Spectre.Console.Text(SafeOutput.Clean(c.Detail)));
                    }

                    context.Out.Write(table);
                }

                if (db != null)
                {
                    context.Output.WriteLine($"Re-evaluated {replay.Evaluated} known build(s) under both revisions with the build's own check.");
                    context.Output.WriteLine(broken.Count == 0
                        ? "No known repository in the inventory would break."
                        : $"{broken.Select(x => x.Repository).Distinct().Count()} known repository(ies) would break:");
                    foreach (Inventory.Breakage x in broken)
                    {
                        context.Output.WriteLine(SafeOutput.Clean($"  {x.Repository} (owner {x.Owner ?? "unknown"}{(x.Contact != null ? ", " + x.Contact : string.Empty)}), {x.Project}: error {x.Rule}: {x.Because}"));
                    }

                    foreach (string x in replay.NotEvaluated)
                    {
                        context.Output.WriteLine(SafeOutput.Clean($"  not re-evaluated: {x}: its records do not say what the build used (an AI-BOM only); build it again to get an audit record."));
                    }
                }
            }

            return broken.Count > 0 ? Program.Findings : Program.Ok;
        });
        return command;
    }
}
