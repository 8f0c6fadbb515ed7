using System.CommandLine;
using System.Globalization;
using Guardrails.Cli.Inventory;
using Guardrails.Core.Json;

namespace Guardrails.Cli;

internal static class InventoryCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders, audit records, AI-BOMs or CI artifact zips.", Arity = ArgumentArity.OneOrMore };
        var db = new Option<string>("--db") { Description = "The SQLite inventory to add to (kept between runs: first and last seen per repository).", DefaultValueFactory = _ => "guardrails-inventory.db" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the report (default: guardrails-inventory.html, or standard output for csv/json)." };
        var format = new Option<string>("--format", "-f") { Description = "html (default), csv or json.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "csv", "json");
        var now = new Option<string?>("--now") { Description = "Judge expiry at this date (yyyy-MM-dd; default today)." };
        var policy = new Option<string?>("--policy") { Description = "The central policy in force: the decommission view then says, for every assistant, model, MCP server, AI SDK and endpoint the estate uses, whose builds fail if it is revoked (each repository's recorded build replayed through the build's own check)." };
        var command = new Command("inventory", "Gather the estate's guardrails.audit.json records and CycloneDX AI-BOMs (folders, CI artifact zips) into a SQLite inventory and write one self-contained HTML report (or csv/json). Bad inputs are listed with a code; the rest is reported. Exit 0, or 2 when nothing could be read.")
        {
            paths, db, output, format, now, policy,
        };
        command.SetAction(parse =>
        {
            DateTimeOffset when = DateTimeOffset.UtcNow;
            string? nowText = parse.GetValue(now);
            if (nowText != null && !DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                context.Problem("GRDCL06", "--now must be a date such as 2026-12-31.");
                return Program.Failed;
            }

            var problems = new List<InputProblem>();
            string dbPath = parse.GetValue(db)!;
            InventoryStore store;
            try
            {
                store = InventoryStore.Open(dbPath);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                context.Problem("GRDCL09", "The inventory database '" + dbPath + "' could not be opened: " + e.Message);
                return Program.Failed;
            }

            using (store)
            {
                IEnumerable<(Record, string)> Records()
                {
                    foreach (InputDocument doc in AuditInput.Read(parse.GetValue(paths)!, problems))
                    {
                        JsonNode? root = AuditInput.Parse(doc, problems);
                        Record? record = root == null ? null : Record.From(root, doc.Source, problems);
                        if (record != null)
                        {
                            yield return (record, doc.Text);
                        }
                    }
                }

                (int added, int known) = store.Ingest(Records(), when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                foreach (InputProblem p in problems)
                {
                    context.Error.WriteLine(Scan.SafeOutput.Clean("guardrails: " + p.Code + ": " + p.Source + ": " + p.Message));
                }

                SortedDictionary<string, object?> model = InventoryReport.Model(store, problems, when);
                string? policyPath = parse.GetValue(policy);
                if (policyPath != null)
                {
                    if (!File.Exists(policyPath))
                    {
                        context.Problem("GRDCL10", "--policy: the policy file '" + policyPath + "' does not exist.");
                        return Program.Failed;
                    }

                    var components = ((List<object?>)model["components"]!).Cast<SortedDictionary<string, object?>>().ToList();
                    model["decommission"] = Decommission.Compute(dbPath, policyPath, components, when);
                }

                string fmt = parse.GetValue(format)!;
                string text = fmt switch
                {
                    "csv" => InventoryReport.Csv(store, model),
                    "json" => InventoryReport.Json(model),
                    _ => InventoryReport.Html(model),
                };
                string? file = parse.GetValue(output) ?? (fmt == "html" ? "guardrails-inventory.html" : null);
                if (file == null || file == "-")
                {
                    context.Output.Write(text);
                }
                else if (!Output.TryWrite(file, text, context))
                {
                    return Program.Failed;
                }
                else
                {
                    context.Output.WriteLine($"Inventory: {added} new record(s), {known} already known, {((List<object?>)model["repositories"]!).Count} repositories, {problems.Count} input problem(s); report written to {file}.");
                }

                long total = (long)model["recordCount"]!;
                return total == 0 && problems.Count > 0 ? Program.Failed : Program.Ok;
            }
        });
        return command;
    }
}
