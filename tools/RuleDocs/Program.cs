using Guardrails.Tools.RuleDocs;

// Usage: dotnet run --project tools/RuleDocs [-- --check] [-- --root DIR]
// Writes the generated parts of docs/rules/GRDnnn.md, README.md and docs/policy.md; --check only reports drift.
bool check = args.Contains("--check");
int rootAt = Array.IndexOf(args, "--root");
string root = rootAt >= 0 && rootAt + 1 < args.Length ? Path.GetFullPath(args[rootAt + 1]) : FindRoot(AppContext.BaseDirectory);

List<GeneratedFile> stale = RuleDocsGenerator.Compute(root).Where(f => !f.IsCurrent).ToList();
foreach (GeneratedFile f in stale)
{
    Console.WriteLine((check ? "out of date: " : "updated: ") + f.RelativePath);
    if (!check)
    {
        string full = Path.Combine(root, f.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, f.Expected);
    }
}

Console.WriteLine(stale.Count == 0 ? "Rule docs match src/Core/Rules/RuleCatalog.cs." : stale.Count + " file(s) " + (check ? "out of date; run: " + RuleDocsGenerator.Command : "regenerated."));
return check && stale.Count > 0 ? 1 : 0;

static string FindRoot(string start)
{
    for (string? dir = start; dir != null; dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar)))
    {
        if (File.Exists(Path.Combine(dir, "Guardrails.sln")))
        {
            return dir;
        }
    }

    throw new InvalidOperationException("Guardrails.sln not found above " + start + "; pass --root DIR.");
}
