using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD003: use of an AI SDK that the effective policy does not approve. Decided by the assembly that declares the
    /// symbol (<see cref="UnapprovedSdkSet"/>), never by text. One diagnostic per usage site:
    /// <list type="bullet">
    /// <item>types written in type positions (declarations, base lists, generic arguments, casts, typeof, patterns,
    /// attributes, using aliases and using static, and `var` whose inferred type is an SDK type), reported on the whole
    /// (qualified) name;</item>
    /// <item>members used in expressions (invocations, extension methods, property/field/event/method references) and
    /// object creations, reported on the outermost expression of a chain of SDK members.</item>
    /// </list>
    /// With no effective policy, or when no referenced assembly is an unapproved SDK, nothing is registered.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnapprovedAiSdkAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnapprovedSdk);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Usage inside generated code is still usage (as BannedApiAnalyzers decides).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            PolicyGatedAnalysis.RegisterCompilationStart(context, (start, settings, approval) =>
            {
                UnapprovedSdkSet? unapproved = UnapprovedSdkSet.Create(start.Compilation, approval);
                if (unapproved == null)
                {
                    return;
                }

                // A compilation that references an unapproved SDK (often transitively) but never writes the name of one
                // of its types or extension methods, with that name's namespace written somewhere too (a using, a
                // qualified name), cannot use it, short of values handed out by another library: register nothing.
                // A user type that merely shares a name with an SDK type does not count.
                var namespaceWritten = new Dictionary<string, bool>(StringComparer.Ordinal);
                bool NamespaceWritten(string name)
                {
                    foreach (string ns in unapproved.NamespacesByName[name])
                    {
                        if (!namespaceWritten.TryGetValue(ns, out bool written))
                        {
                            written = start.Compilation.SyntaxTrees.Any(t => t.GetText(start.CancellationToken).ToString().IndexOf(ns, StringComparison.Ordinal) >= 0);
                            namespaceWritten[ns] = written;
                        }

                        if (written)
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (!new SourceIdentifiers(unapproved.TypeNames.Concat(unapproved.ExtensionNames)).AnyIn(start.Compilation, NamespaceWritten, start.CancellationToken))
                {
                    return;
                }

                // Names first: a name in source that no unapproved SDK type or member has is never bound. No operation
                // actions, so no operation trees are built for code that does not touch an SDK.
                var state = new CompilationState(settings, approval, unapproved, start.Compilation);
                start.RegisterSyntaxNodeAction(state.AnalyzeName, SyntaxKind.IdentifierName, SyntaxKind.GenericName);
                start.RegisterSyntaxNodeAction(state.AnalyzeCreationSyntax, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
                start.RegisterSyntaxNodeAction(state.AnalyzeBaseCall, SyntaxKind.BaseConstructorInitializer, SyntaxKind.PrimaryConstructorBaseType);
                if (unapproved.HasIndexers)
                {
                    start.RegisterSyntaxNodeAction(state.AnalyzeElementAccess, SyntaxKind.ElementAccessExpression, SyntaxKind.ElementBindingExpression);
                }
            });
        }

        private sealed class CompilationState
        {
            private readonly GuardrailsSettings _settings;
            private readonly SdkApproval _approval;
            private readonly UnapprovedSdkSet _sdks;
            private readonly Compilation _compilation;
            private HashSet<string>? _aliasNames;
            private readonly ConcurrentDictionary<ISymbol, string> _displayNames = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);

            public CompilationState(GuardrailsSettings settings, SdkApproval approval, UnapprovedSdkSet sdks, Compilation compilation)
            {
                _settings = settings;
                _approval = approval;
                _sdks = sdks;
                _compilation = compilation;
            }

            /// <summary>
            /// A name in source: a type position naming an unapproved SDK type, or the name of an SDK member used in an
            /// expression (the invocation or member reference it stands for is then bound and judged).
            /// </summary>
            public void AnalyzeName(SyntaxNodeAnalysisContext context)
            {
                var name = (SimpleNameSyntax)context.Node;
                string text = name.Identifier.ValueText;
                bool isVar = text == "var";
                if (_sdks.MemberNames.Contains(text) && AnalyzeMemberName(context, name))
                {
                    return;
                }

                if (!isVar && !_sdks.TypeNames.Contains(text) && !AliasNames(context.CancellationToken).Contains(text))
                {
                    return;
                }

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

                // Expression positions (a static member's receiver) are covered by the member that is used.
                var siteName = (NameSyntax)site;
                if (!(site.Parent is AttributeSyntax) && !SyntaxFacts.IsInNamespaceOrTypeContext(siteName))
                {
                    return;
                }

                SemanticModel model = context.SemanticModel;
                CancellationToken ct = context.CancellationToken;
                if (isVar)
                {
                    AnalyzeVar(context, name, model, ct);
                    return;
                }

                ISymbol? symbol = Bind(model, site, ct);
                if (!(symbol is ITypeSymbol type) || !_sdks.TryGetSdk(type, out AiSdk sdk))
                {
                    return;
                }

                if (IsCoveredByEnclosingSite(site, model, ct))
                {
                    return;
                }

                Report(context.ReportDiagnostic, site.GetLocation(), type, sdk);
            }

            /// <summary>
            /// <paramref name="name"/> in an expression: the member access, conditional access or invocation it names is
            /// bound and judged by <see cref="AnalyzeMember"/>. False when the name is not in an expression position.
            /// </summary>
            private bool AnalyzeMemberName(SyntaxNodeAnalysisContext context, SimpleNameSyntax name)
            {
                SyntaxNode node = name;
                switch (name.Parent)
                {
                    case MemberAccessExpressionSyntax access when access.Name == name:
                        node = access;
                        break;
                    case MemberBindingExpressionSyntax binding when binding.Name == name:
                        node = binding;
                        break;
                    case QualifiedNameSyntax _:
                    case AliasQualifiedNameSyntax _:
                        return false;
                }

                if (node == name && SyntaxFacts.IsInNamespaceOrTypeContext(name))
                {
                    return false;
                }

                if (node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node)
                {
                    node = invocation;
                }

                IOperation? operation = context.SemanticModel.GetOperation(node, context.CancellationToken);
                if (operation is IInvocationOperation || operation is IMemberReferenceOperation)
                {
                    AnalyzeMember(context.ReportDiagnostic, operation);
                }

                return true;
            }

            /// <summary><c>new T(…)</c> whose type syntax names an SDK type, and target-typed <c>new(…)</c>.</summary>
            public void AnalyzeCreationSyntax(SyntaxNodeAnalysisContext context)
            {
                if (context.Node is ObjectCreationExpressionSyntax creation)
                {
                    bool named = false;
                    foreach (SyntaxNode node in creation.Type.DescendantNodesAndSelf())
                    {
                        if (node is SimpleNameSyntax simple && (_sdks.TypeNames.Contains(simple.Identifier.ValueText) || AliasNames(context.CancellationToken).Contains(simple.Identifier.ValueText)))
                        {
                            named = true;
                            break;
                        }
                    }

                    if (!named)
                    {
                        return;
                    }
                }
                else if (context.Node.Parent is EqualsValueClauseSyntax)
                {
                    return; // `ChatClient c = new("m")`: the declared type reports this site
                }

                if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IObjectCreationOperation operation)
                {
                    AnalyzeCreation(context.ReportDiagnostic, operation);
                }
            }

            /// <summary><c>: base(…)</c> and a primary constructor's base call: an SDK constructor, used with no name in source.</summary>
            public void AnalyzeBaseCall(SyntaxNodeAnalysisContext context)
            {
                // A primary constructor's base call is visited for the type and for the constructor: once is enough.
                if (context.Node.IsKind(SyntaxKind.PrimaryConstructorBaseType) && !(context.ContainingSymbol is IMethodSymbol))
                {
                    return;
                }

                if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IInvocationOperation call)
                {
                    AnalyzeMember(context.ReportDiagnostic, call);
                }
            }

            /// <summary><c>client["x"]</c>: an SDK indexer, used with no name in source.</summary>
            public void AnalyzeElementAccess(SyntaxNodeAnalysisContext context)
            {
                if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IPropertyReferenceOperation indexer)
                {
                    AnalyzeMember(context.ReportDiagnostic, indexer);
                }
            }

            /// <summary>Invocations and member references of an unapproved SDK's members.</summary>
            private void AnalyzeMember(Action<Diagnostic> report, IOperation operation)
            {
                if (operation.IsImplicit)
                {
                    return;
                }

                ISymbol? member = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IMemberReferenceOperation reference => reference.Member,
                    _ => null,
                };

                if (!_sdks.TryGetSdk(member, out AiSdk sdk))
                {
                    return;
                }

                // Members set in an object initializer are part of the creation's site.
                if (operation is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } })
                {
                    return;
                }

                if (IsReceiverOfSdkMember(operation) || IsInNameOf(operation))
                {
                    return;
                }

                Report(report, operation.Syntax.GetLocation(), member!, sdk);
            }

            /// <summary>`new T(…)` where T (or one of its type arguments) is an unapproved SDK type.</summary>
            private void AnalyzeCreation(Action<Diagnostic> report, IObjectCreationOperation creation)
            {
                if (creation.IsImplicit || !_sdks.TryGetSdkInType(creation.Type, out AiSdk sdk))
                {
                    return;
                }

                // `ChatClient c = new("m")`: the declared type already reported this site.
                if (creation.Syntax is ImplicitObjectCreationExpressionSyntax && creation.Syntax.Parent is EqualsValueClauseSyntax)
                {
                    return;
                }

                if (IsReceiverOfSdkMember(creation))
                {
                    return;
                }

                Report(report, creation.Syntax.GetLocation(), creation.Type!, sdk);
            }

            private void AnalyzeVar(SyntaxNodeAnalysisContext context, SimpleNameSyntax name, SemanticModel model, CancellationToken ct)
            {
                if (!(name is IdentifierNameSyntax identifier) || !identifier.IsVar)
                {
                    return;
                }

                if (!(model.GetSymbolInfo(identifier, ct).Symbol is ITypeSymbol type) || !_sdks.TryGetSdkInType(type, out AiSdk sdk))
                {
                    return;
                }

                // `var c = new ChatClient(…)` or `var r = client.Complete(…)`: the initializer is the site.
                SyntaxNode? initializer = identifier.Parent switch
                {
                    VariableDeclarationSyntax declaration when declaration.Variables.Count == 1 => declaration.Variables[0].Initializer?.Value,
                    ForEachStatementSyntax forEach => forEach.Expression,
                    DeclarationExpressionSyntax => identifier.Parent,
                    _ => null,
                };

                if (initializer != null && (ContainsReportedSite(model.GetOperation(initializer, ct)) || ContainsSdkTypeName(initializer, model, ct)))
                {
                    return;
                }

                Report(context.ReportDiagnostic, identifier.GetLocation(), type, sdk);
            }

            /// <summary>True when an operation inside <paramref name="root"/> is an SDK use this analyzer reports.</summary>
            private bool ContainsReportedSite(IOperation? root)
            {
                if (root == null)
                {
                    return false;
                }

                // `out var x` in a call: the call is the site when it is an SDK member.
                if (root is IDeclarationExpressionOperation && root.Parent is IArgumentOperation { Parent: IInvocationOperation call })
                {
                    return _sdks.TryGetSdk(call.TargetMethod, out _);
                }

                foreach (IOperation op in root.DescendantsAndSelf())
                {
                    switch (op)
                    {
                        case IInvocationOperation invocation when !invocation.IsImplicit && _sdks.TryGetSdk(invocation.TargetMethod, out _):
                        case IMemberReferenceOperation reference when !reference.IsImplicit && _sdks.TryGetSdk(reference.Member, out _):
                        case IObjectCreationOperation creation when !creation.IsImplicit && _sdks.TryGetSdkInType(creation.Type, out _):
                        case IConversionOperation conversion when !conversion.IsImplicit && _sdks.TryGetSdkInType(conversion.Type, out _):
                            return true;
                    }
                }

                return false;
            }

            /// <summary>True when an SDK type is written inside <paramref name="expression"/> (`Get&lt;ChatCompletion&gt;()`, `default(Role)`).</summary>
            private bool ContainsSdkTypeName(SyntaxNode expression, SemanticModel model, CancellationToken ct)
            {
                foreach (SyntaxNode node in expression.DescendantNodesAndSelf())
                {
                    if (node is SimpleNameSyntax name &&
                        _sdks.TypeNames.Contains(name.Identifier.ValueText) &&
                        SyntaxFacts.IsInNamespaceOrTypeContext(name) &&
                        Bind(model, name, ct) is ITypeSymbol type &&
                        _sdks.TryGetSdk(type, out _))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>True when <paramref name="operation"/> is the receiver of an SDK member that reports the whole chain.</summary>
            private bool IsReceiverOfSdkMember(IOperation operation)
            {
                IOperation? parent = operation.Parent;
                while (parent is IParenthesizedOperation || parent is IAwaitOperation || parent is IConversionOperation { IsImplicit: true })
                {
                    operation = parent;
                    parent = parent.Parent;
                }

                return parent switch
                {
                    IInvocationOperation invocation => !invocation.IsImplicit && invocation.Instance == operation && _sdks.TryGetSdk(invocation.TargetMethod, out _),
                    IMemberReferenceOperation reference => !reference.IsImplicit && reference.Instance == operation && _sdks.TryGetSdk(reference.Member, out _),
                    _ => false,
                };
            }

            /// <summary>`nameof(client.CompleteChat)` names a member; it does not use it.</summary>
            private static bool IsInNameOf(IOperation operation)
            {
                for (IOperation? parent = operation.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is INameOfOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A type argument inside a larger site that reports already: `Sdk&lt;Sdk2&gt;` (the outer SDK type), a
            /// generic SDK method's type argument (the invocation), or the type of `new T(…)` (the creation).
            /// </summary>
            private bool IsCoveredByEnclosingSite(SyntaxNode site, SemanticModel model, CancellationToken ct)
            {
                SyntaxNode node = site;
                while (node.Parent is TypeSyntax || node.Parent is TypeArgumentListSyntax || node.Parent is TupleElementSyntax || node.Parent is ArrayRankSpecifierSyntax)
                {
                    node = node.Parent;
                    if (node is GenericNameSyntax generic && _sdks.TypeNames.Contains(generic.Identifier.ValueText))
                    {
                        ISymbol? outer = Bind(model, generic, ct);
                        if (outer is ITypeSymbol || outer is IMethodSymbol)
                        {
                            if (_sdks.TryGetSdk(outer, out _))
                            {
                                return true;
                            }
                        }
                    }
                    else if (node is GenericNameSyntax method && !SyntaxFacts.IsInNamespaceOrTypeContext(method))
                    {
                        // A generic method's type argument: the invocation reports when the method is an SDK member.
                        if (_sdks.TryGetSdk(Bind(model, method, ct), out _))
                        {
                            return true;
                        }
                    }
                }

                return node.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node;
            }

            private static ISymbol? Bind(SemanticModel model, SyntaxNode node, CancellationToken ct)
            {
                SymbolInfo info = model.GetSymbolInfo(node, ct);
                ISymbol? symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
                if (symbol is IAliasSymbol alias)
                {
                    symbol = alias.Target;
                }

                // An attribute name binds to the attribute's constructor.
                if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor && node.Parent is AttributeSyntax)
                {
                    symbol = ctor.ContainingType;
                }

                return symbol;
            }

            /// <summary>Every using-alias name declared in the compilation (global aliases apply to all files).</summary>
            private HashSet<string> AliasNames(CancellationToken ct)
            {
                HashSet<string>? names = Volatile.Read(ref _aliasNames);
                if (names != null)
                {
                    return names;
                }

                names = new HashSet<string>(StringComparer.Ordinal);
                foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                {
                    if (tree.GetRoot(ct) is CompilationUnitSyntax unit)
                    {
                        AddAliases(unit.Usings, names);
                        AddAliases(unit.Members, names);
                    }
                }

                Interlocked.CompareExchange(ref _aliasNames, names, null);
                return _aliasNames!;
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

            private void Report(Action<Diagnostic> report, Location location, ISymbol symbol, AiSdk sdk)
            {
                // A build that uses an unapproved SDK reports the same few members thousands of times: name each once.
                string name = _displayNames.GetOrAdd(symbol, s => s.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
                report(_settings.Create(
                    Descriptors.UnapprovedSdk,
                    location,
                    name,
                    sdk.DisplayName,
                    sdk.PrimaryPackageId,
                    _approval.OwnerContact));
            }
        }
    }
}
