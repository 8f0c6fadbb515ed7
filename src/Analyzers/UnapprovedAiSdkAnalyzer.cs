using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD003: use of an AI SDK that the effective policy does not approve. Decided by the assembly that declares the
    /// symbol (<see cref="UnapprovedSdkSet"/>), never by text, and the same whatever the style: one diagnostic per use
    /// site.
    /// <list type="bullet">
    /// <item>a type written in a type position (declarations, base lists, generic arguments, casts, typeof, patterns,
    /// attributes, using aliases and using static) is reported on the whole (qualified) name, except the declared type of
    /// a variable, field or property whose initializer is itself a use (<c>ChatClient c = client.GetChatClient()</c> is
    /// one site, as <c>var c = client.GetChatClient()</c> is);</item>
    /// <item>a member used in an expression (invocations, extension methods, properties, fields, events, method groups,
    /// indexers, base constructor calls) is reported from the member's name to the end of the use, once for a chain of
    /// SDK members (at the outermost); an object creation on the whole <c>new …</c>;</item>
    /// <item><c>var</c> whose inferred type is an SDK type is reported when its initializer is not itself a use.</item>
    /// </list>
    /// Driven by the raw text of each file: only the names an unapproved SDK declares (types, members), the aliases and
    /// the source members whose signature names an SDK type are looked at. A receiver's type is read from declarations
    /// (<see cref="SyntacticTypes"/>: declared types of locals, parameters, fields, properties and method returns), so a
    /// method body is bound only when a use cannot be decided that way. With no effective policy, or when no referenced
    /// assembly is an unapproved SDK, nothing is registered.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnapprovedAiSdkAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.WithLockedTwins(Descriptors.UnapprovedSdk);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Usage inside generated code is still usage (as BannedApiAnalyzers decides).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            PolicyGatedAnalysis.RegisterCompilationStart(context, (start, settings, verdicts) =>
            {
                // An SDK loaded by reflection needs no reference: looked for whatever the compilation references.
                ReflectionSdkLoads.Register(start, settings, verdicts);
                UnapprovedSdkSet? unapproved = UnapprovedSdkSet.Create(start.Compilation, verdicts);
                if (unapproved == null)
                {
                    return;
                }

                // The names to search for are found once, here: computed lazily inside a tree action, every other
                // tree action would wait for them.
                var state = new CompilationState(settings, verdicts, unapproved, start.Compilation);
                state.Prepare(start.CancellationToken);
                start.RegisterSemanticModelAction(state.AnalyzeTree);
            });
        }

        private sealed class CompilationState
        {
            private const string VarWord = "var";
            private const string NewWord = "new";
            private const string BaseWord = "base";

            private readonly GuardrailsSettings _settings;
            private readonly PolicyVerdicts _verdicts;
            private readonly Compilation _compilation;
            private readonly ConcurrentDictionary<ISymbol, Reportable> _reportables = new ConcurrentDictionary<ISymbol, Reportable>(SymbolEqualityComparer.Default);
            private readonly object _gate = new object();
            private HashSet<string>? _aliasNames;
            private HashSet<string>? _signatureNames;
            private HashSet<string>? _derivedClientNames;
            private SourceIdentifiers? _scanner;

            public CompilationState(GuardrailsSettings settings, PolicyVerdicts verdicts, UnapprovedSdkSet sdks, Compilation compilation)
            {
                _settings = settings;
                _verdicts = verdicts;
                Sdks = sdks;
                _compilation = compilation;
                Shared = SharedTypeLookups.For(compilation);
            }

            public UnapprovedSdkSet Sdks { get; }

            /// <summary>Type names and member lookups found in one tree, reused by the others.</summary>
            public SharedTypeLookups Shared { get; }

            public HashSet<string> Aliases => _aliasNames!;

            public HashSet<string> SignatureNames => _signatureNames!;

            /// <summary>
            /// Names of the project's own types whose base list names an SDK type (or, transitively, one of these), when a
            /// route carries an SDK: such a type may derive from that SDK's own client, and constructing it constructs
            /// that client. Found from text and syntax only; decided by binding where the name is used.
            /// </summary>
            public HashSet<string> DerivedClientNames => _derivedClientNames!;

            public void Prepare(CancellationToken ct) => Scanner(ct);

            public void AnalyzeTree(SemanticModelAnalysisContext context)
            {
                CancellationToken ct = context.CancellationToken;
                SourceIdentifiers scanner = Scanner(ct);
                SyntaxTree tree = context.SemanticModel.SyntaxTree;
                string text = TreeText.Of(tree, ct);

                // One list of hits per thread, reused file after file.
                List<KeyValuePair<int, string>> hits = t_hits ?? new List<KeyValuePair<int, string>>();
                t_hits = null;
                try
                {
                    scanner.AllIn(text, hits);
                    AnalyzeHits(context, text, hits);
                }
                finally
                {
                    hits.Clear();
                    t_hits = hits;
                }
            }

            [ThreadStatic]
            private static List<KeyValuePair<int, string>>? t_hits;

            [ThreadStatic]
            private static TreeAnalysis? t_analysis;

            private void AnalyzeHits(SemanticModelAnalysisContext context, string text, List<KeyValuePair<int, string>> hits)
            {
                bool any = false;
                foreach (KeyValuePair<int, string> hit in hits)
                {
                    if (!IsKeyword(hit.Value))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    return;
                }

                // One analysis per thread, reused file after file (its tables keep their capacity); emptied after each.
                TreeAnalysis analysis = t_analysis ?? new TreeAnalysis();
                t_analysis = null;
                try
                {
                    analysis.Start(this, context, text);
                    analysis.Run(hits);
                }
                finally
                {
                    analysis.Finish();
                    t_analysis = analysis;
                }
            }

            public static bool IsKeyword(string word) => word == VarWord || word == NewWord || word == BaseWord;

            /// <summary>
            /// The names whose occurrence in a file's text makes it worth a look: the unapproved SDKs' type and member names,
            /// the using aliases, and the source members whose declared type names an SDK type or alias (so that
            /// <c>var c = Factory.Make();</c> is looked at in a file that names nothing else); plus <c>var</c>, <c>new</c>
            /// and <c>base</c>, looked at only in a file that has one of the others.
            /// </summary>
            [MethodImpl(HotPath.Optimized)]
            private SourceIdentifiers Scanner(CancellationToken ct)
            {
                SourceIdentifiers? scanner = Volatile.Read(ref _scanner);
                if (scanner != null)
                {
                    return scanner;
                }

                lock (_gate)
                {
                    if (_scanner != null)
                    {
                        return _scanner;
                    }

                    var aliases = new HashSet<string>(StringComparer.Ordinal);
                    foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                    {
                        if (tree.GetRoot(ct) is CompilationUnitSyntax unit)
                        {
                            AddAliases(unit.Usings, aliases);
                            AddAliases(unit.Members, aliases);
                        }
                    }

                    // Members whose declared type names an SDK type: found from the type names' occurrences, syntax only.
                    var typeScanner = new SourceIdentifiers(Sdks.TypeNames.Concat(aliases));
                    var typeHits = new List<KeyValuePair<int, string>>();
                    var signatures = new HashSet<string>(StringComparer.Ordinal);
                    var derived = new HashSet<string>(StringComparer.Ordinal);
                    foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                    {
                        typeScanner.AllIn(TreeText.Of(tree, ct), typeHits);
                        if (typeHits.Count == 0)
                        {
                            continue;
                        }

                        SyntaxNode near = tree.GetRoot(ct);
                        foreach (KeyValuePair<int, string> hit in typeHits)
                        {
                            SyntaxNode? node = StringValueSyntax.FindTokenNear(ref near, hit.Key).Parent;
                            while (node is TypeSyntax || node is TypeArgumentListSyntax || node is TupleElementSyntax)
                            {
                                node = node.Parent;
                            }

                            SyntaxToken? member = node switch
                            {
                                MethodDeclarationSyntax method => method.Identifier,
                                PropertyDeclarationSyntax property => property.Identifier,
                                LocalFunctionStatementSyntax local => local.Identifier,
                                VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax } field when field.Variables.Count > 0 => field.Variables[0].Identifier,
                                _ => null,
                            };

                            if (Sdks.HasCarried && node is BaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax declared } })
                            {
                                derived.Add(declared.Identifier.ValueText);
                            }

                            if (member != null)
                            {
                                signatures.Add(member.Value.ValueText);
                                if (node is VariableDeclarationSyntax fields)
                                {
                                    foreach (VariableDeclaratorSyntax variable in fields.Variables)
                                    {
                                        signatures.Add(variable.Identifier.ValueText);
                                    }
                                }
                            }
                        }
                    }

                    // Types deriving from those, at any depth (`class Inner : Gateway`): a few more passes over the text
                    // with only the newly found names, while there are any.
                    HashSet<string> fresh = new HashSet<string>(derived, StringComparer.Ordinal);
                    while (fresh.Count > 0)
                    {
                        var derivedScanner = new SourceIdentifiers(fresh);
                        var derivedHits = new List<KeyValuePair<int, string>>();
                        fresh = new HashSet<string>(StringComparer.Ordinal);
                        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                        {
                            derivedScanner.AllIn(TreeText.Of(tree, ct), derivedHits);
                            if (derivedHits.Count == 0)
                            {
                                continue;
                            }

                            SyntaxNode near = tree.GetRoot(ct);
                            foreach (KeyValuePair<int, string> hit in derivedHits)
                            {
                                SyntaxNode? node = StringValueSyntax.FindTokenNear(ref near, hit.Key).Parent;
                                while (node is TypeSyntax)
                                {
                                    node = node.Parent;
                                }

                                if (node is BaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax declared } } && derived.Add(declared.Identifier.ValueText))
                                {
                                    fresh.Add(declared.Identifier.ValueText);
                                }
                            }
                        }
                    }

                    _aliasNames = aliases;
                    _signatureNames = signatures;
                    _derivedClientNames = derived;
                    Volatile.Write(ref _scanner, new SourceIdentifiers(Sdks.TypeNames.Concat(Sdks.MemberNames).Concat(aliases).Concat(signatures).Concat(derived).Concat(new[] { VarWord, NewWord, BaseWord })));
                    return _scanner!;
                }
            }

            public void Report(Action<Diagnostic> report, Location location, ISymbol symbol, AiSdk sdk)
            {
                // A build that uses an unapproved SDK reports the same few members thousands of times: the decision and
                // the message arguments of each symbol are worked out once, on its first report.
                if (!_reportables.TryGetValue(symbol, out Reportable? reportable))
                {
                    reportable = _reportables.GetOrAdd(symbol, Reportable.For(symbol, sdk, Sdks, _verdicts));
                }

                report(_settings.Create(Descriptors.UnapprovedSdk, location, reportable.Decision, reportable.Arguments));
            }

            /// <summary>What a report of one symbol says: the decision and the message arguments, the same at every use.</summary>
            private sealed class Reportable
            {
                private Reportable(Decision? decision, object[] arguments)
                {
                    Decision = decision;
                    Arguments = arguments;
                }

                public Decision? Decision { get; }

                public object[] Arguments { get; }

                public static Reportable For(ISymbol symbol, AiSdk sdk, UnapprovedSdkSet sdks, PolicyVerdicts verdicts)
                {
                    // What to ask for comes from the evaluator, as for the package gate: lift a deny, widen a version
                    // range, declare the route through the wrapper that brings the SDK in, or approve the package. The
                    // package named is the one the evaluator decided on (the assembly's own package), so the message and
                    // the request name the same package.
                    Decision? decision = sdks.DecisionFor(symbol, sdk);
                    // A package that carries the SDK under another id and name (Acme.Http) is named as itself.
                    string package = decision?.Carries != null ? decision.Subject : sdk.PackageNamedBy(decision?.Subject);
                    return new Reportable(decision, new object[]
                    {
                        symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                        sdk.DisplayName,
                        package,
                        verdicts.OwnerContact,
                        decision?.Qualifier() ?? string.Empty,
                        decision?.Request ?? "add { \"id\": \"" + package + "\" } to packages.approved",
                    });
                }
            }

            private static void AddAliases(SyntaxList<MemberDeclarationSyntax> members, HashSet<string> names)
            {
                foreach (MemberDeclarationSyntax member in members)
                {
                    if (member is BaseNamespaceDeclarationSyntax ns)
                    {
                        AddAliases(ns.Usings, names);
                        AddAliases(ns.Members, names);
                    }
                }
            }

            private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> names)
            {
                foreach (UsingDirectiveSyntax directive in usings)
                {
                    if (directive.Alias != null)
                    {
                        names.Add(directive.Alias.Name.Identifier.ValueText);
                    }
                }
            }
        }

        /// <summary>One syntax tree: its candidate names, the use sites they are, and the reports.</summary>
        private sealed class TreeAnalysis
        {
            private readonly SyntacticTypes _types = new SyntacticTypes(null!, default, null);
            private readonly List<SimpleNameSyntax> _typeNames = new List<SimpleNameSyntax>();
            private readonly List<IdentifierNameSyntax> _vars = new List<IdentifierNameSyntax>();
            private readonly List<KeyValuePair<Site, ExpressionSyntax>> _declarationTypes = new List<KeyValuePair<Site, ExpressionSyntax>>();
            private readonly HashSet<TextSpan> _reported = new HashSet<TextSpan>();
            private CompilationState _state = null!;
            private UnapprovedSdkSet _sdks = null!;
            private SemanticModel _model = null!;
            private CancellationToken _ct;
            private SyntaxNode _root = null!;
            private string _text = string.Empty;
            private Action<Diagnostic> _report = null!;

            /// <summary>Expression sites (member uses, creations, indexers, constructor calls) by the node an outer member would have as receiver.</summary>
            private readonly Dictionary<SyntaxNode, Site> _sites = new Dictionary<SyntaxNode, Site>();

            /// <summary>The receivers of expression sites: a site that is one is part of the outer site's chain.</summary>
            private readonly HashSet<SyntaxNode> _receivers = new HashSet<SyntaxNode>();

            private readonly List<Site> _typeSites = new List<Site>();
            private readonly List<int> _namePositions = new List<int>();

            public void Start(CompilationState state, SemanticModelAnalysisContext context, string text)
            {
                _state = state;
                _sdks = state.Sdks;
                _model = context.SemanticModel;
                _ct = context.CancellationToken;
                _root = _model.SyntaxTree.GetRoot(_ct);
                _text = text;
                _types.Reset(_model, _ct, state.Shared);
                _report = context.ReportDiagnostic;
            }

            /// <summary>Drops every reference to the tree and the compilation, keeping the tables' capacity.</summary>
            public void Finish()
            {
                _types.Reset(null, default, null);
                _typeNames.Clear();
                _vars.Clear();
                _declarationTypes.Clear();
                _reported.Clear();
                _sites.Clear();
                _receivers.Clear();
                _typeSites.Clear();
                _namePositions.Clear();
                _state = null!;
                _sdks = null!;
                _model = null!;
                _root = null!;
                _text = string.Empty;
                _report = null!;
            }

            [MethodImpl(HotPath.Optimized)]
            public void Run(List<KeyValuePair<int, string>> hits)
            {
                List<SimpleNameSyntax> typeNames = _typeNames;
                List<IdentifierNameSyntax> vars = _vars;
                SyntaxNode near = _root;
                foreach (KeyValuePair<int, string> hit in hits)
                {
                    SyntaxToken token = StringValueSyntax.FindTokenNear(ref near, hit.Key);
                    if (token.SpanStart != hit.Key)
                    {
                        continue;
                    }

                    switch (hit.Value)
                    {
                        case "var":
                            if (token.Parent is IdentifierNameSyntax { IsVar: true } var)
                            {
                                vars.Add(var);
                            }

                            continue;
                        case "new":
                            if (token.IsKind(SyntaxKind.NewKeyword) && token.Parent is ImplicitObjectCreationExpressionSyntax implicitNew)
                            {
                                AnalyzeImplicitCreation(implicitNew);
                            }

                            continue;
                        case "base":
                            if (token.IsKind(SyntaxKind.BaseKeyword) && token.Parent is ConstructorInitializerSyntax baseCall)
                            {
                                AnalyzeBaseCall(baseCall, baseCall);
                            }

                            continue;
                    }

                    if (!token.IsKind(SyntaxKind.IdentifierToken) || !(token.Parent is SimpleNameSyntax name))
                    {
                        continue;
                    }

                    _namePositions.Add(hit.Key);
                    string text = hit.Value;
                    bool typeContext = SyntaxFacts.IsInNamespaceOrTypeContext(name) || (name.Parent is AttributeSyntax attribute && attribute.Name == name) || name.Parent is BaseTypeSyntax ||
                        (name.Parent is QualifiedNameSyntax || name.Parent is AliasQualifiedNameSyntax);
                    if (typeContext)
                    {
                        if (_sdks.TypeNames.Contains(text) || _state.Aliases.Contains(text) || _state.DerivedClientNames.Contains(text))
                        {
                            typeNames.Add(name);
                        }
                    }
                    else if (_sdks.MemberNames.Contains(text))
                    {
                        AnalyzeMemberName(name);
                    }
                }

                if (_sdks.HasIndexers)
                {
                    near = _root;
                    for (int bracket = _text.IndexOf('['); bracket >= 0; bracket = _text.IndexOf('[', bracket + 1))
                    {
                        SyntaxToken token = StringValueSyntax.FindTokenNear(ref near, bracket);
                        if (token.SpanStart == bracket && token.IsKind(SyntaxKind.OpenBracketToken) && token.Parent is BracketedArgumentListSyntax arguments &&
                            (arguments.Parent is ElementAccessExpressionSyntax || arguments.Parent is ElementBindingExpressionSyntax))
                        {
                            AnalyzeElementAccess((ExpressionSyntax)arguments.Parent, arguments);
                        }
                    }
                }

                List<KeyValuePair<Site, ExpressionSyntax>> declarationTypes = _declarationTypes;
                foreach (SimpleNameSyntax name in typeNames)
                {
                    AnalyzeTypeName(name, declarationTypes);
                }

                // The declared type of `T x = init` is the site only when init is not one itself (as `var x = init`).
                foreach (KeyValuePair<Site, ExpressionSyntax> declared in declarationTypes)
                {
                    if (!ContainsSite(declared.Value))
                    {
                        _typeSites.Add(declared.Key);
                    }
                }

                foreach (IdentifierNameSyntax var in vars)
                {
                    AnalyzeVar(var);
                }

                HashSet<TextSpan> reported = _reported;
                foreach (Site site in _typeSites)
                {
                    if (!IsConversionInChain(site.Node) && reported.Add(site.Span))
                    {
                        Report(site);
                    }
                }

                foreach (Site site in _sites.Values)
                {
                    if (!_receivers.Contains(site.Node) && reported.Add(site.Span))
                    {
                        Report(site);
                    }
                }
            }

            /// <summary>
            /// The type of a cast or <c>as</c> whose result is the receiver of an SDK site
            /// (<c>((OpenAIClient)azure).GetChatClient("m")</c>): one use, reported at the member.
            /// </summary>
            private bool IsConversionInChain(SyntaxNode typeSite)
            {
                SyntaxNode outer = typeSite;
                while (outer.Parent is TypeSyntax || outer.Parent is TypeArgumentListSyntax || outer.Parent is TupleElementSyntax)
                {
                    outer = outer.Parent;
                }

                return outer.Parent switch
                {
                    CastExpressionSyntax cast when cast.Type == outer => _receivers.Contains(cast),
                    BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AsExpression) && binary.Right == outer => _receivers.Contains(binary),
                    _ => false,
                };
            }

            private void Report(Site site) =>
                _state.Report(_report, Location.Create(_model.SyntaxTree, site.Span), site.Symbol, site.Sdk);

            /// <summary>A member name in an expression: <c>x.Name</c>, <c>x?.Name</c>, <c>Name(…)</c> with an implicit receiver.</summary>
            [MethodImpl(HotPath.Optimized)]
            private void AnalyzeMemberName(SimpleNameSyntax name)
            {
                SyntaxNode node;
                ExpressionSyntax? receiver = null;
                switch (name.Parent)
                {
                    case MemberAccessExpressionSyntax access when access.Name == name:
                        if (!access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                        {
                            return;
                        }

                        node = access;
                        receiver = access.Expression;
                        break;
                    case MemberBindingExpressionSyntax binding when binding.Name == name:
                        node = binding;
                        receiver = SyntacticTypes.ConditionalReceiver(binding);
                        if (receiver == null)
                        {
                            return;
                        }

                        break;
                    case NameColonSyntax _:
                    case NameEqualsSyntax _:
                    case ExpressionColonSyntax _:
                        return;
                    case AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax initializer &&
                                                                     (initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression)):
                        return; // part of the creation's site
                    default:
                        node = name;
                        break;
                }

                if (InNameOf(node))
                {
                    return;
                }

                var invocation = node.Parent as InvocationExpressionSyntax;
                if (invocation != null && invocation.Expression != node)
                {
                    invocation = null;
                }

                string text = name.Identifier.ValueText;
                int? arguments = invocation?.ArgumentList.Arguments.Count;
                MemberLookup lookup;
                if (receiver == null)
                {
                    INamedTypeSymbol? containing = _types.ContainingType(name);
                    if (_types.IsLocal(name))
                    {
                        return; // a local or parameter: never an SDK member
                    }

                    lookup = containing == null ? new MemberLookup(false, Array.Empty<ISymbol>()) : _types.ImplicitMember(containing, text, arguments);
                }
                else
                {
                    Resolved owner = _types.Resolve(receiver);
                    switch (owner.Kind)
                    {
                        case ResolvedKind.Value:
                        case ResolvedKind.Type:
                            lookup = _types.LookupMember(owner.Type!, text, arguments);
                            break;
                        case ResolvedKind.Namespace:
                            return;
                        default:
                            lookup = new MemberLookup(false, Array.Empty<ISymbol>());
                            break;
                    }
                }

                SyntaxNode siteNode = (SyntaxNode?)invocation ?? node;
                TextSpan span = TextSpan.FromBounds(name.SpanStart, siteNode.Span.End);
                ISymbol? member = null;
                bool bind = !lookup.Known;
                if (lookup.Known)
                {
                    int sdkMembers = 0;
                    for (int i = 0; i < lookup.Members.Count; i++)
                    {
                        sdkMembers += _sdks.TryGetSdk(lookup.Members[i], out _) ? 1 : 0;
                    }

                    if (lookup.Members.Count == 0)
                    {
                        bind = invocation != null && _sdks.ExtensionNames.Contains(text);
                    }
                    else if (sdkMembers == 1 && lookup.Members.Count == 1)
                    {
                        member = lookup.Members[0];
                        if (member is IMethodSymbol { IsGenericMethod: true } generic)
                        {
                            // Named with its type arguments, as the compiler binds it; inferred ones only the compiler knows.
                            member = name is GenericNameSyntax written ? Construct(generic, written) : null;
                            bind = member == null;
                        }
                    }
                    else
                    {
                        bind = sdkMembers > 0;
                    }
                }

                if (bind)
                {
                    IOperation? operation = _model.OperationOrNull(siteNode, _ct);
                    if (operation == null || operation.IsImplicit)
                    {
                        return;
                    }

                    member = operation switch
                    {
                        IInvocationOperation call => call.TargetMethod,
                        IMemberReferenceOperation reference => reference.Member,
                        _ => null,
                    };
                }

                if (member != null && _sdks.TryGetSdk(member, out AiSdk sdk))
                {
                    AddSite(siteNode, span, member, sdk, receiver);
                }
            }

            private IMethodSymbol? Construct(IMethodSymbol method, GenericNameSyntax written)
            {
                if (written.TypeArgumentList.Arguments.Count != method.TypeParameters.Length)
                {
                    return null;
                }

                var arguments = new ITypeSymbol[method.TypeParameters.Length];
                for (int i = 0; i < arguments.Length; i++)
                {
                    if (!(_types.BindTypeName(written.TypeArgumentList.Arguments[i]) is ITypeSymbol argument))
                    {
                        return null;
                    }

                    arguments[i] = argument;
                }

                return method.Construct(arguments);
            }

            /// <summary><c>client["x"]</c>, <c>client?["x"]</c>: an SDK indexer, used with no name in source.</summary>
            private void AnalyzeElementAccess(ExpressionSyntax access, BracketedArgumentListSyntax arguments)
            {
                ExpressionSyntax? receiver = access is ElementAccessExpressionSyntax element ? element.Expression : ConditionalReceiverOf(access);
                if (receiver == null)
                {
                    return;
                }

                Resolved owner = _types.Resolve(receiver);
                ISymbol? indexer = null;
                if (owner.Kind == ResolvedKind.Value)
                {
                    if (owner.Type is IArrayTypeSymbol)
                    {
                        return;
                    }

                    MemberLookup lookup = _types.LookupMember(owner.Type!, "this[]", arguments.Arguments.Count);
                    if (lookup.Known && !AnySdkMember(lookup.Members))
                    {
                        return;
                    }

                    if (lookup.Known && lookup.Members.Count == 1)
                    {
                        indexer = lookup.Members[0];
                    }
                }

                if (indexer == null && _model.OperationOrNull(access, _ct) is IPropertyReferenceOperation reference)
                {
                    indexer = reference.Property;
                }

                if (indexer != null && _sdks.TryGetSdk(indexer, out AiSdk sdk))
                {
                    AddSite(access, access.Span, indexer, sdk, receiver);
                }
            }

            private bool AnySdkMember(IReadOnlyList<ISymbol> members)
            {
                for (int i = 0; i < members.Count; i++)
                {
                    if (_sdks.TryGetSdk(members[i], out _))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static ExpressionSyntax? ConditionalReceiverOf(ExpressionSyntax binding)
            {
                for (SyntaxNode? node = binding.Parent; node != null; node = node.Parent)
                {
                    if (node is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull.Span.Contains(binding.Span))
                    {
                        return conditional.Expression;
                    }
                }

                return null;
            }

            /// <summary>
            /// Target-typed <c>new(…)</c> where no declared type is written next to it: only the compiler knows the type.
            /// Next to a declared type, the declared type is the site; but a type a route carries may be declared, so
            /// creating its own client there (<c>OpenAIClient c = new(key)</c>) is the site itself.
            /// </summary>
            private void AnalyzeImplicitCreation(ImplicitObjectCreationExpressionSyntax creation)
            {
                bool declared = creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax or ParameterSyntax };
                if (declared && !_sdks.HasCarried)
                {
                    return; // `ChatClient c = new(…)`: the declared type is the site
                }

                if (_model.OperationOrNull(creation, _ct) is IObjectCreationOperation operation && !operation.IsImplicit)
                {
                    if (_sdks.TryGetSdkInType(operation.Type, out AiSdk sdk))
                    {
                        if (!declared)
                        {
                            AddSite(creation, creation.Span, operation.Type!, sdk, receiver: null);
                        }
                    }
                    else if (_sdks.TryGetOwnClientType(operation.Type, out sdk, out INamedTypeSymbol client))
                    {
                        AddSite(creation, creation.Span, client, sdk, receiver: null);
                    }
                }
            }

            /// <summary><c>: base(…)</c> and a primary constructor's base call: an SDK constructor, used with no name in source.</summary>
            private void AnalyzeBaseCall(SyntaxNode call, SyntaxNode reported)
            {
                INamedTypeSymbol? type = _types.ContainingType(call);
                if (type?.BaseType == null || !(_sdks.TryGetSdk(type.BaseType, out _) || _sdks.TryGetOwnClientType(type.BaseType, out _)))
                {
                    return;
                }

                if (_model.GetSymbolInfo(call, _ct).Symbol is IMethodSymbol constructor && _sdks.TryGetSdk(constructor, out AiSdk sdk))
                {
                    AddSite(reported, reported.Span, constructor, sdk, receiver: null);
                }
            }

            /// <summary>An SDK type (or alias) written in a type position.</summary>
            [MethodImpl(HotPath.Optimized)]
            private void AnalyzeTypeName(SimpleNameSyntax name, List<KeyValuePair<Site, ExpressionSyntax>> declarationTypes)
            {
                // Only the rightmost part of a qualified name stands for the whole name.
                SyntaxNode site = name;
                while (true)
                {
                    if (site.Parent is QualifiedNameSyntax qualified)
                    {
                        if (qualified.Right != site)
                        {
                            return;
                        }

                        site = qualified;
                    }
                    else if (site.Parent is AliasQualifiedNameSyntax aliasQualified && aliasQualified.Name == site)
                    {
                        site = aliasQualified;
                    }
                    else
                    {
                        break;
                    }
                }

                var siteName = (NameSyntax)site;
                bool attribute = site.Parent is AttributeSyntax;
                if (!attribute && !(site.Parent is BaseTypeSyntax) && !SyntaxFacts.IsInNamespaceOrTypeContext(siteName))
                {
                    return; // a static member's receiver: the member is the site
                }

                // `new T(…)` (T, or a type argument of T, an SDK type): the creation is the site.
                SyntaxNode outer = site;
                while (outer.Parent is TypeSyntax || outer.Parent is TypeArgumentListSyntax || outer.Parent is TupleElementSyntax)
                {
                    outer = outer.Parent;
                }

                if (outer.Parent is ObjectCreationExpressionSyntax creation && creation.Type == outer)
                {
                    if (!_sites.ContainsKey(creation) && _types.BindTypeName(creation.Type) is ITypeSymbol created)
                    {
                        if (_sdks.TryGetSdkInType(created, out AiSdk creationSdk))
                        {
                            AddSite(creation, creation.Span, created, creationSdk, receiver: null);
                        }
                        else if (_sdks.TryGetOwnClientType(created, out creationSdk, out INamedTypeSymbol client))
                        {
                            AddSite(creation, creation.Span, client, creationSdk, receiver: null);
                        }
                    }

                    return;
                }

                ISymbol? symbol;
                if (site.Parent is UsingDirectiveSyntax { Alias: null } plainUsing && plainUsing.StaticKeyword.IsKind(SyntaxKind.None))
                {
                    return; // `using OpenAI.Chat;` names a namespace
                }

                if (attribute || site.Parent is UsingDirectiveSyntax)
                {
                    symbol = attribute ? BindAttributeName(siteName) : BindUsingTarget((UsingDirectiveSyntax)site.Parent!, siteName);
                }
                else
                {
                    symbol = _types.BindTypeName(site);
                }

                // A route-carried SDK's own client (or the project's own type deriving from it) that the DI container or
                // reflection creates (`services.AddSingleton<OpenAIClient>()`, `AddSingleton(typeof(OpenAIClient))`,
                // `ActivatorUtilities.CreateInstance<OpenAIClient>(sp)`, `Activator.CreateInstance(typeof(OpenAIClient), key)`,
                // `typeof(OpenAIClient).GetConstructor(…)!.Invoke(…)`): the activation is the use, as `new OpenAIClient(…)` is;
                // so is a derived type's base constructor call (`class Gateway(string k) : OpenAIClient(k)`).
                if (symbol is ITypeSymbol activated && _sdks.HasCarried && _sdks.TryGetOwnClientType(activated, out AiSdk ownSdk, out INamedTypeSymbol ownClient))
                {
                    if (DependencyInjectionActivation.TryFind(site, _model, _ct, out SyntaxNode registration, out TextSpan registrationSpan))
                    {
                        AddSite(registration, registrationSpan, ownClient, ownSdk, receiver: null);
                    }
                    else if (site.Parent is PrimaryConstructorBaseTypeSyntax carriedBase)
                    {
                        AnalyzeBaseCall(carriedBase, carriedBase);
                    }

                    return;
                }

                if (!(symbol is ITypeSymbol type) || !_sdks.TryGetSdk(type, out AiSdk sdk) || IsCoveredByEnclosingSite(site))
                {
                    return;
                }

                var found = new Site(site, site.Span, type, sdk);
                if (site.Parent is PrimaryConstructorBaseTypeSyntax primaryBase)
                {
                    AnalyzeBaseCall(primaryBase, primaryBase);
                }

                ExpressionSyntax? initializer = outer.Parent switch
                {
                    VariableDeclarationSyntax declaration when declaration.Type == outer && declaration.Variables.Count == 1 => declaration.Variables[0].Initializer?.Value,
                    PropertyDeclarationSyntax property when property.Type == outer => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    MethodDeclarationSyntax method when method.ReturnType == outer => method.ExpressionBody?.Expression,
                    LocalFunctionStatementSyntax local when local.ReturnType == outer => local.ExpressionBody?.Expression,
                    _ => null,
                };

                if (initializer != null)
                {
                    declarationTypes.Add(new KeyValuePair<Site, ExpressionSyntax>(found, initializer));
                }
                else
                {
                    _typeSites.Add(found);
                }
            }

            /// <summary>
            /// The attribute type an attribute's name stands for, as C# looks it up (<c>X</c> and <c>XAttribute</c>, of
            /// which exactly one must be an attribute type), through the type names shared by the files of the compilation;
            /// the compiler's semantic model (an attribute binding of its own) only for generic or alias-qualified names,
            /// top-level statements and names that find no attribute type.
            /// </summary>
            private ISymbol? BindAttributeName(NameSyntax site)
            {
                SimpleNameSyntax? last = site switch
                {
                    IdentifierNameSyntax identifier => identifier,
                    QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified when !(qualified.Left is AliasQualifiedNameSyntax) && IsDotted(qualified.Left) => right,
                    _ => null,
                };

                if (last != null && site.FirstAncestorOrSelf<GlobalStatementSyntax>() == null)
                {
                    string text = site is IdentifierNameSyntax plain && !plain.Identifier.IsVerbatimIdentifier() ? plain.Identifier.Text : site.ToString();
                    ITypeSymbol? exact = AttributeType(_types.BindTypeName(site, text));
                    ITypeSymbol? suffixed = last.Identifier.IsVerbatimIdentifier() ? null : AttributeType(_types.BindTypeName(site, text + "Attribute"));
                    if (exact != null && suffixed != null)
                    {
                        return null; // ambiguous: a compile error
                    }

                    if (exact != null || suffixed != null)
                    {
                        return exact ?? suffixed;
                    }
                }

                SymbolInfo info = _model.GetSymbolInfo(site, _ct);
                ISymbol? symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
                symbol = symbol is IAliasSymbol alias ? alias.Target : symbol;
                return symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor ? ctor.ContainingType : symbol;
            }

            private static bool IsDotted(NameSyntax name) =>
                name is IdentifierNameSyntax || (name is QualifiedNameSyntax { Right: IdentifierNameSyntax } qualified && IsDotted(qualified.Left));

            private ITypeSymbol? AttributeType(ISymbol? symbol)
            {
                for (INamedTypeSymbol? type = (symbol as INamedTypeSymbol)?.BaseType; type != null; type = type.BaseType)
                {
                    if (type.SpecialType == SpecialType.None && type.Name == "Attribute" && type.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace.IsGlobalNamespace)
                    {
                        return (ITypeSymbol)symbol!;
                    }
                }

                return null;
            }

            /// <summary>
            /// The target of <c>using A = X;</c> or <c>using static X;</c>. A file-level directive's target is bound without
            /// the file's usings, so the same text means the same in every file with no extern alias and no file-local type
            /// of its names: bound once per compilation.
            /// </summary>
            private ISymbol? BindUsingTarget(UsingDirectiveSyntax directive, NameSyntax site) => _state.Shared.UsingTarget(directive, site, _model, _ct);

            /// <summary>
            /// A type argument inside a larger site: <c>Sdk&lt;Sdk2&gt;</c> (the outer SDK type reports), or a generic SDK
            /// method's type argument (the invocation reports).
            /// </summary>
            private bool IsCoveredByEnclosingSite(SyntaxNode site)
            {
                SyntaxNode node = site;
                while (node.Parent is TypeSyntax || node.Parent is TypeArgumentListSyntax || node.Parent is TupleElementSyntax)
                {
                    node = node.Parent;
                    if (!(node is GenericNameSyntax generic))
                    {
                        continue;
                    }

                    if (SyntaxFacts.IsInNamespaceOrTypeContext(generic))
                    {
                        if (_sdks.TypeNames.Contains(generic.Identifier.ValueText) && _types.BindTypeName(generic) is ITypeSymbol outer && _sdks.TryGetSdk(outer, out _))
                        {
                            return true;
                        }
                    }
                    else
                    {
                        // A generic method: covered when its use is a site.
                        SyntaxNode use = generic.Parent is MemberAccessExpressionSyntax access && access.Name == generic ? access
                            : generic.Parent is MemberBindingExpressionSyntax binding ? binding
                            : generic;
                        if (use.Parent is InvocationExpressionSyntax invocation && invocation.Expression == use)
                        {
                            use = invocation;
                        }

                        if (_sites.ContainsKey(use))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            /// <summary><c>var</c> whose type is an SDK type, where the initializer is no site itself.</summary>
            private void AnalyzeVar(IdentifierNameSyntax var)
            {
                ExpressionSyntax? initializer;
                bool element = false;
                switch (var.Parent)
                {
                    case VariableDeclarationSyntax declaration when declaration.Variables.Count == 1:
                        initializer = declaration.Variables[0].Initializer?.Value;
                        break;
                    case ForEachStatementSyntax forEach when forEach.Type == var:
                        initializer = forEach.Expression;
                        element = true;
                        break;
                    case DeclarationExpressionSyntax declared when declared.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ExpressionSyntax call } }:
                        initializer = call; // `out var x`: the call is the site when it is an SDK use
                        element = true;
                        break;
                    default:
                        return;
                }

                // An initializer that mentions none of the names the file was searched for (SDK types and members,
                // aliases, members whose signature names an SDK type) does not produce an SDK object as far as the source
                // says (an element of a collection of them does: that collection's declaration is the site).
                if (initializer == null || !MentionsName(initializer.Span) || ContainsSite(initializer))
                {
                    return;
                }

                ITypeSymbol? type = null;
                if (!(var.Parent is DeclarationExpressionSyntax))
                {
                    Resolved resolved = _types.Resolve(initializer);
                    if (resolved.Kind == ResolvedKind.Value)
                    {
                        type = element ? _types.ElementType(resolved.Type!) : resolved.Type;
                    }
                }

                if (type == null)
                {
                    // Only the compiler knows.
                    type = _model.GetSymbolInfo(var, _ct).Symbol as ITypeSymbol;
                }

                if (type != null && _sdks.TryGetSdkInType(type, out AiSdk sdk))
                {
                    _typeSites.Add(new Site(var, var.Span, type, sdk));
                }
            }

            private bool MentionsName(TextSpan span)
            {
                foreach (int position in _namePositions)
                {
                    if (span.Contains(position))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool ContainsSite(SyntaxNode node)
            {
                TextSpan span = node.Span;
                foreach (SyntaxNode site in _sites.Keys)
                {
                    if (span.Contains(site.Span))
                    {
                        return true;
                    }
                }

                foreach (Site site in _typeSites)
                {
                    if (span.Contains(site.Span))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void AddSite(SyntaxNode node, TextSpan span, ISymbol symbol, AiSdk sdk, ExpressionSyntax? receiver)
            {
                if (_sites.ContainsKey(node))
                {
                    return;
                }

                _sites.Add(node, new Site(node, span, symbol, sdk));
                if (receiver != null)
                {
                    // The receiver seen through parentheses, `await` and `!`: an SDK site there is part of this chain.
                    SyntaxNode inner = receiver;
                    while (true)
                    {
                        _receivers.Add(inner);
                        switch (inner)
                        {
                            case ParenthesizedExpressionSyntax parenthesized:
                                inner = parenthesized.Expression;
                                continue;
                            case AwaitExpressionSyntax awaited:
                                inner = awaited.Expression;
                                continue;
                            case PostfixUnaryExpressionSyntax suppress when suppress.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                                inner = suppress.Operand;
                                continue;
                        }

                        break;
                    }
                }
            }

            /// <summary>`nameof(client.CompleteChat)` names a member; it does not use it.</summary>
            private static bool InNameOf(SyntaxNode node)
            {
                for (SyntaxNode? parent = node.Parent; parent != null && !(parent is StatementSyntax) && !(parent is MemberDeclarationSyntax); parent = parent.Parent)
                {
                    if (parent is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private readonly struct Site
        {
            public Site(SyntaxNode node, TextSpan span, ISymbol symbol, AiSdk sdk)
            {
                Node = node;
                Span = span;
                Symbol = symbol;
                Sdk = sdk;
            }

            public SyntaxNode Node { get; }

            public TextSpan Span { get; }

            public ISymbol Symbol { get; }

            public AiSdk Sdk { get; }
        }
    }
}
