using System.CommandLine;
using Guardrails.Cli.Init;

namespace Guardrails.Cli;

internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "The repository to draft a manifest for.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the draft (default: PATH/ai-assistants.json; '-' for standard output)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing manifest." };
        var repository = new Option<string?>("--repository") { Description = "The repository's canonical name (default: the folder name, marked for review)." };
        var command = new Command("init", "Write a draft ai-assistants.json from what the repository already holds (assistant files, MCP servers, models, AI packages, endpoints); every entry is marked for review.")
        {
            path, output, force, repository,
        };
        command.SetAction(parse =>
        {
            string root = Path.GetFullPath(parse.GetValue(path) ?? ".");
            if (!Directory.Exists(root))
            {
                context.Problem("GRDCL01", "The folder '" + root + "' does not exist.");
                return Program.Failed;
            }

            string target = parse.GetValue(output) ?? Path.Combine(root, "ai-assistants.json");
            if (target != "-" && File.Exists(target) && !parse.GetValue(force))
            {
                context.Problem("GRDCL05", "'" + target + "' already exists; pass --force to overwrite it, or --output to write the draft elsewhere.");
                return Program.Failed;
            }

            ManifestDraft draft = ManifestDraft.Gather(root);
            string text = draft.Write(parse.GetValue(repository) ?? "REVIEW/" + Path.GetFileName(root));
            if (target == "-")
            {
                context.Output.Write(text);
                return Program.Ok;
            }

            if (!Output.TryWrite(target, text, context))
            {
                return Program.Failed;
            }

            context.Output.WriteLine($"Wrote a draft manifest to {target}: {draft.Assistants.Count} assistant(s), {draft.Assistants.Values.Sum(a => a.Servers.Count)} MCP server(s), {draft.Assistants.Values.Sum(a => a.Models.Count)} model(s), {draft.Packages.Count} AI package(s), {draft.Endpoints.Count} endpoint(s). Every entry is marked REVIEW.");
            return Program.Ok;
        });
        return command;
    }
}
