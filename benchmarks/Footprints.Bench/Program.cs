// Footprint discovery benchmark: generates a repository of N files (default 50,000) with every assistant's
// footprints, then times discovery + reading from a project folder deep in it.
//   dotnet run -c Release --project benchmarks/Footprints.Bench -- [files] [folder]
// "first" is the first call in a fresh process (JIT included); "warm" the median of 10 later calls (what a
// re-run of the check costs when a footprint changed). A no-op incremental build skips the check target entirely.
using System.Diagnostics;
using Guardrails.BuildTasks.Footprints;
using Guardrails.Tests.Shared;

int files = args.Length > 0 ? int.Parse(args[0]) : 50000;
string root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "grd-bench-" + files);
string project = Path.Combine(root, "src", "Service042", "App");
if (!Directory.Exists(root))
{
    Generate(root, files);
}

Console.WriteLine($"repository: {root} ({CountFiles(root):N0} files)");
var sw = Stopwatch.StartNew();
(int hits, int servers) = Run(project);
sw.Stop();
Console.WriteLine($"first: {sw.Elapsed.TotalMilliseconds:F1} ms ({hits} footprints, {servers} MCP servers)");

var times = new List<double>();
for (int i = 0; i < 10; i++)
{
    sw.Restart();
    Run(project);
    times.Add(sw.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine($"warm: median {times[5]:F1} ms, min {times[0]:F1} ms, max {times[9]:F1} ms");

// What every incremental build pays: the listing step (discovery only, nothing read) that keeps the check skipped.
times.Clear();
for (int i = 0; i < 10; i++)
{
    sw.Restart();
    FootprintDiscovery.Discover(project);
    times.Add(sw.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine($"discovery only (incremental listing): median {times[5]:F2} ms, min {times[0]:F2} ms");

// Exact under load, unlike the timings: bytes allocated by one discovery and by one discovery + reading every hit.
long before = GC.GetAllocatedBytesForCurrentThread();
FootprintDiscovery.Discover(project);
long discovery = GC.GetAllocatedBytesForCurrentThread() - before;
before = GC.GetAllocatedBytesForCurrentThread();
Run(project);
long whole = GC.GetAllocatedBytesForCurrentThread() - before;
Console.WriteLine($"allocated: discovery {discovery:N0} bytes, discovery + reading {whole:N0} bytes");

static (int Hits, int Servers) Run(string project)
{
    DiscoveryResult result = FootprintDiscovery.Discover(project);
    int servers = 0;
    foreach (FootprintHit hit in result.Hits)
    {
        servers += AssistantFileReader.Read(hit).Servers.Count;
    }

    return (result.Hits.Count, servers);
}

static void Generate(string root, int files)
{
    Directory.CreateDirectory(Path.Combine(root, ".git"));
    int written = 0;
    foreach (string assistant in AssistantFixtures.All.Keys)
    {
        AssistantFixtures.WriteTo(root, assistant);
        written += AssistantFixtures.All[assistant].Length;
    }

    void Write(string relative, string content)
    {
        string full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        written++;
    }

    for (int i = 0; i < 150; i++)
    {
        Write($".cursor/rules/rule{i:D3}.mdc", "---\ndescription: rule\nglobs: \"**/*.cs\"\n---\nBe nice.\n");
        Write($".github/ISSUE_TEMPLATE/t{i:D3}.md", "---\nname: t\n---\n");
    }

    for (int i = 0; i < 5000 && written < files; i++)
    {
        Write($"node_modules/pkg{i / 50:D3}/file{i:D4}.js", "module.exports = 1;\n");
    }

    for (int s = 0; written < files; s++)
    {
        string service = $"src/Service{s:D3}";
        Write($"{service}/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        for (int f = 0; f < 96 && written < files; f++)
        {
            Write($"{service}/App/Folder{f / 12}/Class{f:D3}.cs", "namespace N; class C" + f + " { }\n");
        }
    }
}

static int CountFiles(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
