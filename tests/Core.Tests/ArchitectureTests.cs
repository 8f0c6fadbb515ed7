using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Core.Tests;

/// <summary>
/// The architecture, checked on the sources with Roslyn's binder (every name bound to its symbol, so a fully qualified
/// name or a type found through a parent namespace counts as much as a using directive):
/// (a) src/Core holds only what both halves share: every Core type is reached, directly or through other Core types,
///     from the analyzers (src/Analyzers, src/CodeFixes) and from the task (src/BuildTasks, src/Cli);
/// (b) the folders of src/BuildTasks and src/Core are layers: a folder imports only folders of a lower layer.
/// The README's architecture section draws the same layers.
/// </summary>
public class ArchitectureTests
{
    /// <summary>src/BuildTasks, lowest layer first. A folder may use its own namespace and those of lower layers only.</summary>
    internal static readonly Dictionary<string, int> TaskLayers = new(StringComparer.Ordinal)
    {
        ["Formats"] = 0,    // TOML and YAML subset readers (to Core's positioned tree)
        ["Foundation"] = 0, // findings, the one file loader, redacting text, the check's input
        ["Policy"] = 1,     // policy and manifest models, readers, evaluator, package gate
        ["Footprints"] = 2, // assistant files: catalog, discovery, content, checks
        ["Results"] = 3,    // what one run found
        ["Integrity"] = 4,  // pin, revision, bypass and compile verification
        ["Engine"] = 5,     // the orchestrator
        ["Reports"] = 5,    // audit record, SARIF, AI-BOM, provenance
        [""] = 6,           // the MSBuild tasks
    };

    /// <summary>src/Core, lowest layer first.</summary>
    internal static readonly Dictionary<string, int> CoreLayers = new(StringComparer.Ordinal)
    {
        ["Text"] = 0,
        ["Json"] = 0,
        ["Rules"] = 0,
        ["Secrets"] = 0,
        ["Sdks"] = 1,
        ["Files"] = 1,
        ["Policy"] = 2,
    };

    private static readonly Lazy<SourceGraph> Graph = new(() => SourceGraph.Load(RepoPaths.Root));

    [Fact]
    public void Every_core_type_is_used_by_both_the_analyzers_and_the_task()
    {
        SourceGraph g = Graph.Value;
        HashSet<string> analyzers = g.CoreClosure("src/Analyzers/", "src/CodeFixes/");
        HashSet<string> task = g.CoreClosure("src/BuildTasks/", "src/Cli/");

        // The binder must really resolve names: both halves reach the catalogs and the evaluator.
        Assert.Contains("Guardrails.Core.Rules.RuleCatalog", analyzers);
        Assert.Contains("Guardrails.Core.Policy.PolicyVerdicts", task);

        string[] problems = g.CoreTypes
            .Where(t => !analyzers.Contains(t) || !task.Contains(t))
            .Select(t => t + " (" + g.DeclaredIn[t] + ") is used only by " + (analyzers.Contains(t) ? "the analyzers" : task.Contains(t) ? "the task" : "nobody") +
                         ": move it to " + (analyzers.Contains(t) ? "src/Analyzers" : task.Contains(t) ? "src/BuildTasks" : "the bin"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

        Assert.True(problems.Length == 0, "src/Core ships into the compiler and the IDE, so it holds only what both halves use:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void BuildTasks_folders_import_only_lower_layers() =>
        AssertLayered(Graph.Value, "src/BuildTasks/", "Guardrails.BuildTasks", TaskLayers);

    [Fact]
    public void Core_folders_import_only_lower_layers() =>
        AssertLayered(Graph.Value, "src/Core/", "Guardrails.Core", CoreLayers);

    [Fact]
    public void Core_references_nothing_of_the_task_or_the_analyzers()
    {
        SourceGraph g = Graph.Value;
        string[] problems = g.Imports
            .Where(i => i.File.StartsWith("src/Core/", StringComparison.Ordinal) &&
                        (i.Namespace.StartsWith("Guardrails.BuildTasks", StringComparison.Ordinal) || i.Namespace.StartsWith("Guardrails.Analyzers", StringComparison.Ordinal) || i.Namespace.StartsWith("Guardrails.Cli", StringComparison.Ordinal)))
            .Select(i => i.ToString())
            .Distinct()
            .ToArray();

        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_readme_diagram_shows_each_folder_at_its_layer()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        int start = readme.IndexOf("### Architecture", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '### Architecture' section");
        int end = readme.IndexOf("\n#", start + 4, StringComparison.Ordinal);
        string section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);
        int core = section.IndexOf("\nsrc/Core\n", StringComparison.Ordinal);
        int tasks = section.IndexOf("\nsrc/BuildTasks\n", StringComparison.Ordinal);
        Assert.True(core > 0 && tasks > 0 && tasks < core, "the diagram lists src/BuildTasks, then src/Core");

        var problems = new List<string>();
        void Check(string text, Dictionary<string, int> layers)
        {
            foreach (KeyValuePair<string, int> layer in layers)
            {
                string shown = layer.Key.Length == 0 ? "(root)" : layer.Key + "/";
                if (!System.Text.RegularExpressions.Regex.IsMatch(text, "(^|\\s)" + layer.Value + "  " + System.Text.RegularExpressions.Regex.Escape(shown) + "\\s", System.Text.RegularExpressions.RegexOptions.Multiline))
                {
                    problems.Add(shown + " at layer " + layer.Value);
                }
            }
        }

        Check(section.Substring(tasks, core - tasks), TaskLayers);
        Check(section.Substring(core), CoreLayers);
        Assert.True(problems.Count == 0, "README.md's architecture diagram does not show: " + string.Join(", ", problems));
    }

    private static void AssertLayered(SourceGraph g, string folder, string rootNamespace, Dictionary<string, int> layers)
    {
        string[] unknownFolders = g.Folders(folder).Where(f => !layers.ContainsKey(f)).ToArray();
        Assert.True(unknownFolders.Length == 0, "folders without a layer (add them to the layer table and the README diagram): " + string.Join(", ", unknownFolders));

        var problems = new List<string>();
        int checkedImports = 0;
        foreach (SourceGraph.Import i in g.Imports.Where(i => i.File.StartsWith(folder, StringComparison.Ordinal)))
        {
            if (i.Namespace != rootNamespace && !i.Namespace.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
            {
                continue;
            }

            string from = SourceGraph.FolderOf(i.File, folder);
            string to = i.Namespace == rootNamespace ? string.Empty : i.Namespace.Substring(rootNamespace.Length + 1).Split('.')[0];
            if (from == to)
            {
                continue;
            }

            checkedImports++;
            if (!layers.TryGetValue(to, out int toLayer) || toLayer >= layers[from])
            {
                problems.Add(i + ": " + Show(from) + " (layer " + layers[from] + ") may not import " + Show(to) + (layers.TryGetValue(to, out int l) ? " (layer " + l + ")" : string.Empty));
            }
        }

        Assert.True(checkedImports > 20, "too few cross-folder imports found (" + checkedImports + "): the binder resolved nothing?");
        Assert.True(problems.Count == 0, problems.Count + " imports point upward or sideways:\n" + string.Join("\n", problems.Distinct().Take(40)));
    }

    private static string Show(string folder) => folder.Length == 0 ? "(root)" : folder + "/";

    /// <summary>Every src/**/*.cs file bound in one compilation; what each file imports, and which Core types use which.</summary>
    internal sealed class SourceGraph
    {
        public List<Import> Imports { get; } = new();

        /// <summary>Top-level types declared in src/Core (full names).</summary>
        public HashSet<string> CoreTypes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> DeclaredIn { get; } = new(StringComparer.Ordinal);

        private readonly List<string> _files = new();

        /// <summary>Core type names referenced by the file (full names of top-level types).</summary>
        private readonly Dictionary<string, HashSet<string>> _coreUses = new(StringComparer.Ordinal);

        public static SourceGraph Load(string root)
        {
            var g = new SourceGraph();
            var trees = new List<SyntaxTree>();
            foreach (string path in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                g._files.Add(rel);
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), rel));
            }

            // The platform plus whatever this test carries (Roslyn for the analyzers' sources); what is missing (MSBuild,
            // the CLI's packages) only leaves those names unbound, never a Guardrails name.
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
                .Where(p => !Path.GetFileName(p).StartsWith("Guardrails", StringComparison.OrdinalIgnoreCase))
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(x => MetadataReference.CreateFromFile(x.First()));
            var compilation = CSharpCompilation.Create("Sources", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            // Only names spelt like a type declared in src/ are bound (binding every name takes ten times longer).
            var typeNames = new HashSet<string>(trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()).Select(t => t.Identifier.ValueText), StringComparer.Ordinal);
            foreach (SyntaxTree tree in trees)
            {
                string file = tree.FilePath;
                SemanticModel model = compilation.GetSemanticModel(tree);
                SyntaxNode rootNode = tree.GetRoot();
                if (file.StartsWith("src/Core/", StringComparison.Ordinal))
                {
                    foreach (BaseTypeDeclarationSyntax type in rootNode.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
                    {
                        string name = model.GetDeclaredSymbol(type)!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
                        g.CoreTypes.Add(name);
                        g.DeclaredIn[name] = file;
                    }
                }

                var uses = new HashSet<string>(StringComparer.Ordinal);
                g._coreUses[file] = uses;
                foreach (SyntaxNode node in rootNode.DescendantNodes())
                {
                    if (node is UsingDirectiveSyntax { Alias: null, StaticKeyword.RawKind: 0, Name: { } usingName })
                    {
                        g.Imports.Add(new Import(file, usingName.ToString(), usingName.ToString(), tree.GetLineSpan(node.Span).StartLinePosition.Line + 1));
                        continue;
                    }

                    // Namespace names (in namespace and using directives) bind to namespaces and are skipped below; the
                    // names in a using-static or alias directive bind to types and count as imports of those types.
                    if (node is not SimpleNameSyntax name || !typeNames.Contains(name.Identifier.ValueText))
                    {
                        continue;
                    }

                    SymbolInfo info = model.GetSymbolInfo(name);
                    ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    INamedTypeSymbol? type = symbol switch
                    {
                        INamedTypeSymbol t => t,
                        IMethodSymbol { MethodKind: MethodKind.Constructor } c => c.ContainingType,
                        { ContainingType: { } ct } => ct,
                        _ => null,
                    };
                    if (type == null || type.Locations.All(l => !l.IsInSource))
                    {
                        continue;
                    }

                    while (type.ContainingType != null)
                    {
                        type = type.ContainingType;
                    }

                    string ns = type.ContainingNamespace.ToDisplayString();
                    g.Imports.Add(new Import(file, ns, type.Name, tree.GetLineSpan(node.Span).StartLinePosition.Line + 1));
                    if (ns.StartsWith("Guardrails.Core", StringComparison.Ordinal))
                    {
                        uses.Add(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty));
                    }
                }
            }

            return g;
        }

        /// <summary>The Core types the files under the given folders use, and every Core type those use in turn.</summary>
        public HashSet<string> CoreClosure(params string[] folders)
        {
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            foreach (KeyValuePair<string, HashSet<string>> file in _coreUses.Where(f => folders.Any(p => f.Key.StartsWith(p, StringComparison.Ordinal))))
            {
                foreach (string t in file.Value)
                {
                    if (reached.Add(t))
                    {
                        queue.Enqueue(t);
                    }
                }
            }

            while (queue.Count > 0)
            {
                string t = queue.Dequeue();
                if (!DeclaredIn.TryGetValue(t, out string? declaringFile))
                {
                    continue;
                }

                // Type-level use inside Core: what the declaring file of t uses (a file holds one concern, usually one type).
                foreach (string u in _coreUses[declaringFile])
                {
                    if (reached.Add(u))
                    {
                        queue.Enqueue(u);
                    }
                }
            }

            return reached;
        }

        public IEnumerable<string> Folders(string folder) =>
            _files.Where(f => f.StartsWith(folder, StringComparison.Ordinal)).Select(f => FolderOf(f, folder)).Distinct();

        /// <summary>The first folder under <paramref name="folder"/> ("" for a file directly in it).</summary>
        public static string FolderOf(string file, string folder)
        {
            string rest = file.Substring(folder.Length);
            int slash = rest.IndexOf('/');
            return slash < 0 ? string.Empty : rest.Substring(0, slash);
        }

        internal sealed record Import(string File, string Namespace, string Name, int Line)
        {
            public override string ToString() => File + "(" + Line + "): " + Namespace + (Name == Namespace ? string.Empty : "." + Name);
        }
    }
}
