using System.CommandLine;
using Guardrails.Cli.Scan;

namespace Guardrails.Cli;

internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "The repository (or any folder) to scan.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "table (default), json or sarif.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var policy = new Option<string?>("--policy") { Description = "The central guardrails.policy.json (default: GuardrailsPolicyPath from the nearest Directory.Build.props)." };
        var sha = new Option<string?>("--policy-sha256") { Description = "The pin to check the policy against (default: GuardrailsPolicySha256 from Directory.Build.props)." };
        var mode = new Option<string?>("--mode") { Description = "Enforce or Audit (default: GuardrailsMode from Directory.Build.props, else Enforce)." };
        var staged = new Option<bool>("--staged") { Description = "Scan only the files in the git index (for a pre-commit hook)." };
        var since = new Option<string?>("--since") { Description = "Also read for keys every file a commit of the branch added or changed since this base (a commit id or a ref such as origin/main; CI passes the pull request's base), even one a later commit deleted: a key committed and removed is still pushed and merged. The base and the branch's commits must be in the clone (fetch-depth: 0), else GRDCL36, exit 2; a partial clone (--filter=blob:none, tree:0) missing them is GRDCL50, exit 2." };
        var command = new Command("scan", "Scan a repository without building it: keys in C# and config files (GRD001/GRD002/GRD006), unapproved AI endpoints (GRD004) and local suppressions (GRD005) by the package's own analyzers, the manifest against the policy, assistant footprints and AI packages (GRD2xx). GRD003 (an unapproved AI SDK used in code) only in a restored project whose packages are on disk: the analyzer decides on the SDK assemblies a compilation references, and without a restore the scan has only the .NET framework; the package itself is still reported as GRD201-GRD203. Exit 0 clean, 1 errors found, 2 the scan could not run.")
        {
            path, format, output, policy, sha, mode, staged, since,
        };
        command.SetAction(parse =>
        {
            string root = parse.GetValue(path) ?? ".";
            if (!Directory.Exists(root))
            {
                context.Problem("GRDCL01", "The folder '" + root + "' does not exist.");
                return Program.Failed;
            }

            string? policyPath = parse.GetValue(policy);
            if (policyPath != null && !File.Exists(policyPath))
            {
                context.Problem("GRDCL02", "The policy file '" + policyPath + "' does not exist.");
                return Program.Failed;
            }

            var options = new ScanOptions
            {
                Root = root,
                PolicyPath = policyPath,
                PolicySha256 = parse.GetValue(sha),
                Mode = parse.GetValue(mode),
                Staged = parse.GetValue(staged),
                Since = parse.GetValue(since),
            };
            ScanReport report;
            try
            {
                report = context.Interactive
                    ? ConsoleProgress.Run(context.Err, progress => RepositoryScan.Run(options, progress))
                    : RepositoryScan.Run(options, ScanProgress.None);
            }
            catch (ScanException e)
            {
                context.Problem(e.Code, e.Message);
                return Program.Failed;
            }

            if (report.StagedFromWorkingTree > 0)
            {
                context.Error.WriteLine($"guardrails: note: {report.StagedFromWorkingTree} staged file(s) could not be read from the git objects; their working-tree copies were scanned.");
            }

            if (report.History is { } history)
            {
                context.Error.WriteLine($"guardrails: note: --since: {history.Commits} commit(s) of the branch read, {history.Blobs} file version(s) they wrote and {history.Messages} commit or tag message(s) with their headers (author, committer, tagger) read for keys.");
            }

            if (report.SkippedByName.Count > 0)
            {
                // Not a failure: a folder outside git (a source archive) has no record of what was committed.
                context.Error.WriteLine("guardrails: note: GRDCL11: no readable git index at or above '" + root + "', so " + report.SkippedByName.Count + " folder(s) named " +
                    RepositoryFiles.SkippedNames + " were skipped by name (first: " + string.Join(", ", report.SkippedByName.Take(3)) + "); in a git checkout only what is committed there is read.");
            }

            string fmt = parse.GetValue(format) ?? "table";
            string? file = parse.GetValue(output);
            if (fmt == "table" && file == null)
            {
                ScanOutput.Table(report, context.Out);
            }
            else
            {
                string text = fmt switch
                {
                    "json" => ScanOutput.Json(report, Program.Version),
                    "sarif" => ScanOutput.Sarif(report, Program.Version),
                    _ => ScanOutput.Json(report, Program.Version),
                };
                if (file != null)
                {
                    if (!Output.TryWrite(file, text, context))
                    {
                        return Program.Failed;
                    }

                    context.Error.WriteLine($"guardrails: {report.Errors} error(s), {report.Warnings} warning(s); report written to {file}.");
                }
                else
                {
                    context.Output.WriteLine(text);
                }
            }

            return report.Errors > 0 ? Program.Findings : Program.Ok;
        });
        return command;
    }
}

internal static class Output
{
    public static bool TryWrite(string path, string text, CliContext context)
    {
        try
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new System.Text.UTF8Encoding(false));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Problem("GRDCL04", "Could not write '" + path + "': " + e.GetType().Name + ": " + e.Message);
            return false;
        }
    }
}
