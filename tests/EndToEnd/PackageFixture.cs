using System.IO.Compression;
using System.Collections.Concurrent;
using System.Reflection;
using Guardrails.EndToEnd.Tests;
using Guardrails.Tests.Shared;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: CollectionBehavior("Guardrails.EndToEnd.Tests.PackedClassCollections", "Guardrails.EndToEnd.Tests")]
[assembly: TestFramework("Guardrails.EndToEnd.Tests.PackedRunFramework", "Guardrails.EndToEnd.Tests")]

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The real Guardrails package, packed once per test run into a temporary feed. Consumers restore it from that feed
/// into a private NUGET_PACKAGES folder (<see cref="PackagesFolder"/>, one per run, under <see cref="Root"/>), so no stale
/// cached copy can ever be used.
/// </summary>
/// <remarks>
/// Use it as before: <c>[Collection(PackageCollection.Name)]</c> on the class and a <c>PackageFixture</c> constructor
/// parameter. The classes of that collection run two at a time (one xUnit collection per class, see
/// <see cref="PackedClassCollections"/>; as many at once as the machine has cores), while the tests of one class still run
/// one after another: a class may keep state between its tests, and its tests may write packages and files under
/// <see cref="Root"/>. Every fixture instance shares the one pack, feed and packages folder of the run (deleted when the
/// test process ends). Two classes must therefore not write a package of the same id and version with different contents
/// into a feed they restore into <see cref="PackagesFolder"/> (the first restore wins in a shared packages folder): use
/// a version of your own, or give the project its own folder (<see cref="TestProject.PackagesFolder"/>).
/// </remarks>
public sealed class PackageFixture : IDisposable
{
    private static readonly Lazy<PackedRun> Run = new(() => new PackedRun(), LazyThreadSafetyMode.ExecutionAndPublication);

    public PackageFixture()
    {
        PackedRun run = Run.Value;
        Root = run.Root;
        Feed = run.Feed;
        PackagesFolder = run.PackagesFolder;
        PackagePath = run.PackagePath;
    }

    public string Version => PackedRun.Version;

    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string PackagePath { get; }

    public IReadOnlyList<string> PackageEntries()
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>A new project folder that consumes the packed package from the temporary feed only.</summary>
    public TestProject NewProject(string name = "App") => new TestProject(this, name);

    /// <summary>Nothing per class: the run's folder is deleted once, after the last test (<see cref="PackedRunFramework"/>).</summary>
    public void Dispose()
    {
    }

    /// <summary>Deletes the run's folder (pack, feed, packages, projects) when a fixture made one.</summary>
    internal static void DeleteRun()
    {
        if (Run.IsValueCreated)
        {
            PackedRun.Delete(Run.Value.Root);
        }
    }

    /// <summary>The one pack of the run (the first fixture makes it; the others wait for it).</summary>
    private sealed class PackedRun
    {
        public const string Version = "0.1.0-e2e";

        public PackedRun()
        {
            Root = Path.Combine(Path.GetTempPath(), "grd-e2e-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            PackagesFolder = Path.Combine(Root, "nuget-packages");
            Directory.CreateDirectory(Feed);
            Directory.CreateDirectory(PackagesFolder);

            string configuration = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Configuration").Value!;
            DotNet.Result pack = DotNet.Run(
                RepoPaths.Root,
                null,
                "pack", Path.Combine(RepoPaths.Root, "nuget", "Guardrails.Package.csproj"),
                "--no-build", "-c", configuration, "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + pack);
            }

            PackagePath = Path.Combine(Feed, "Guardrails." + Version + ".nupkg");
            if (!File.Exists(PackagePath))
            {
                throw new InvalidOperationException("dotnet pack did not produce " + PackagePath + ":\n" + pack);
            }
        }

        public string Root { get; }

        public string Feed { get; }

        public string PackagesFolder { get; }

        public string PackagePath { get; }

        public static void Delete(string root)
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "packed Guardrails";
}

/// <summary>
/// xUnit's framework for this assembly, xUnit's own with one addition: once every test has run, and before the run
/// reports itself finished, the run's packed folder is deleted (what the one collection fixture's Dispose did when all
/// classes shared one collection).
/// </summary>
public sealed class PackedRunFramework : XunitTestFramework
{
    public PackedRunFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor : XunitTestFrameworkExecutor
    {
        public Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
            : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
        {
        }

        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner : XunitTestAssemblyRunner
    {
        public Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
            : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
        {
        }

        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            PackageFixture.DeleteRun();
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}

/// <summary>
/// xUnit's collection factory for this assembly: every class in <see cref="PackageCollection"/> gets a collection of its
/// own (with the same <see cref="PackageFixture"/> definition), so the classes run in parallel, as many at once as
/// xUnit's MaxParallelThreads (default: the machine's cores; `dotnet test tests/EndToEnd -- xUnit.MaxParallelThreads=1`
/// runs them one at a time). Every other class is one collection per class, xUnit's default.
/// </summary>
public sealed class PackedClassCollections : IXunitTestCollectionFactory
{
    private readonly ITestAssembly _assembly;
    private readonly CollectionPerClassTestCollectionFactory _perClass;
    private readonly ConcurrentDictionary<string, ITestCollection> _packed = new(StringComparer.Ordinal);
    private readonly ITypeInfo _definition = Reflector.Wrap(typeof(PackageCollection));

    public PackedClassCollections(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink)
    {
        _assembly = testAssembly;
        _perClass = new CollectionPerClassTestCollectionFactory(testAssembly, diagnosticMessageSink);
    }

    public string DisplayName => "packed Guardrails, one collection per class";

    public ITestCollection Get(ITypeInfo testClass)
    {
        bool packed = testClass.GetCustomAttributes(typeof(CollectionAttribute))
            .Any(a => a.GetConstructorArguments().FirstOrDefault() as string == PackageCollection.Name);
        return packed
            ? _packed.GetOrAdd(testClass.Name, name => new TestCollection(_assembly, _definition, PackageCollection.Name + ": " + name))
            : _perClass.Get(testClass);
    }
}
