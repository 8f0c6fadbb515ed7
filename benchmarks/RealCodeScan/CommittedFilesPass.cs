using System.Diagnostics;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;

/// <summary>
/// The build check's read of every committed file the compiler is not given (CommittedKeyFiles), over real repositories:
/// selection per committed project, self-identifying keys only, one process as one build node. See Program.cs, --committed-files.
/// </summary>
internal static class CommittedFilesPass
{
    public static int Run(IEnumerable<string> repos, string? detailsPath)
    {
        using var details = detailsPath == null ? null : new StreamWriter(detailsPath);
        int totalFindings = 0;
        foreach (string repoArg in repos)
        {
            string repo = Path.GetFullPath(repoArg).TrimEnd('/');
            HashSet<string>? tracked = GitIndex.TryReadTrackedPaths(repo);
            if (tracked == null)
            {
                Console.WriteLine($"{Path.GetFileName(repo)}: no readable git index, skipped");
                continue;
            }

            var projects = tracked.Where(MsBuildProjectFiles.HasLanguageProjectExtension).Select(r => Path.Combine(repo, r))
                .Where(p => File.Exists(p) && MsBuildProjectFiles.BuildsAssembly(p, (_, _) => true)).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var compiled = new HashSet<string>(tracked.Where(r => r.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Select(r => Path.Combine(repo, r)), StringComparer.Ordinal);
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            long selectedFiles = 0;
            var findings = new List<Finding>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            TimeSpan firstCpu = TimeSpan.Zero;
            for (int i = 0; i < projects.Count; i++)
            {
                List<string> selected = CommittedKeyFiles.Select(repo, tracked, projects[i], compiled, projectFolderOnly: false);
                selectedFiles += selected.Count;
                distinct.UnionWith(selected);

                var result = new CheckResult();
                CommittedKeyFiles.Scan(new CheckRequest { ProjectPath = projects[i], CommittedFiles = selected }, result);
                foreach (Finding finding in result.Findings)
                {
                    if (seen.Add(finding.File + "|" + finding.Line + "|" + finding.Column))
                    {
                        findings.Add(finding);
                    }
                }

                if (i == 0)
                {
                    firstCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                }
            }

            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            long distinctBytes = distinct.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"{Path.GetFileName(repo)}: {tracked.Count:N0} tracked files, {projects.Count} projects building an assembly; " +
                $"selected {selectedFiles:N0} files over all projects, {distinct.Count:N0} distinct files / {distinctBytes:N0} bytes read; " +
                $"CPU {cpu.TotalMilliseconds:N0} ms (first project {firstCpu.TotalMilliseconds:N0} ms), wall {wall.ElapsedMilliseconds:N0} ms, allocated {allocated / 1024.0 / 1024.0:N1} MB; " +
                $"findings {findings.Count}");
            foreach (Finding finding in findings)
            {
                details?.WriteLine($"{finding.Rule.Id} {Path.GetRelativePath(repo, finding.File)}({finding.Line},{finding.Column}): {finding.Message}");
                Console.WriteLine($"  {finding.Rule.Id} {Path.GetRelativePath(repo, finding.File)}({finding.Line},{finding.Column})");
            }

            totalFindings += findings.Count;
        }

        return totalFindings == 0 ? 0 : 1;
    }
}
