using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Guardrails.Core.Files;
using Guardrails.Core.Json;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD004: a string used as an address whose host is an AI provider endpoint the policy does not approve.
    /// "Used as an address" means: an argument to a parameter named like an address (<c>new Uri(uriString)</c>,
    /// <c>HttpClient.GetAsync(requestUri)</c>, <c>new HttpRequestMessage(method, requestUri)</c>, an SDK's
    /// <c>endpoint</c>), a value assigned to or initializing a field, property, local or parameter named like an address
    /// (<c>BaseUrl</c>, <c>Endpoint</c>, <c>ApiHost</c>), a configuration default (<c>config["…"] ?? "https://…"</c>,
    /// <c>GetValue(key, defaultValue)</c>, an in-memory configuration entry whose key names an endpoint), or the value
    /// returned by a member named like an address. Values are constant-folded (concatenations, const chains,
    /// interpolations); a run-time hole stands for one unknown label, so <c>$"https://{name}.openai.azure.com"</c> is
    /// Azure OpenAI. Only the host is ever shown: URLs can carry keys in their query string.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnapprovedAiEndpointAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// Stands for a value known only at run time while a value is folded: a letter no host has (so the host is still
        /// extracted), shown and matched as <c>*</c>. A host with a hole is approved only by a pattern that covers every
        /// value of the hole (<c>*.openai.azure.com</c>, <c>*-aiplatform.googleapis.com</c>), never by a literal host.
        /// </summary>
        private const char HoleMark = '\u01C2';

        private const string Hole = "\u01C2";

        private static readonly string[] AddressWords = { "url", "uri", "endpoint", "address", "host" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.WithLockedTwins(Descriptors.UnapprovedEndpoint, Descriptors.EndpointUsed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Usage inside generated code is still usage (as BannedApiAnalyzers decides).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            PolicyGatedAnalysis.RegisterCompilationStart(context, (start, settings, verdicts) =>
            {
                // Driven by the raw text: only strings that name an endpoint domain, and the constants that hold them, are
                // looked at, and only their enclosing sink is bound. A compilation that names no endpoint registers nothing.
                EndpointDomains domains = EndpointDomains.For(verdicts);
                bool any = false;
                ConstantChain constants = ConstantChain.Compute(
                    start.Compilation,
                    tree =>
                    {
                        EndpointSpots spots = EndpointSpots.For(tree, domains, start.CancellationToken);
                        any |= spots.Literals.Count > 0;
                        return spots.Constants;
                    },
                    start.CancellationToken);
                var state = new State(settings, verdicts, domains, constants, SharedTypeLookups.For(start.Compilation));
                if (any)
                {
                    start.RegisterSemanticModelAction(state.AnalyzeTree);
                }

                // Endpoints in the project's configuration files (appsettings*.json, …), which reach the compiler as
                // AdditionalFiles for GRD002.
                start.RegisterAdditionalFileAction(state.AnalyzeConfigurationFile);
            });
        }

        private sealed class State
        {
            private readonly GuardrailsSettings _settings;
            private readonly PolicyVerdicts _verdicts;
            private readonly EndpointDomains _domains;
            private readonly ConstantChain _constants;
            private readonly SharedTypeLookups _shared;
            private readonly ConcurrentDictionary<string, Decision> _decisions = new ConcurrentDictionary<string, Decision>(StringComparer.OrdinalIgnoreCase);
            private readonly ConcurrentDictionary<KeyValuePair<string, string>, bool> _used = new ConcurrentDictionary<KeyValuePair<string, string>, bool>(PathAndHostComparer.Instance);
            private readonly ConcurrentDictionary<string, UseRecord> _records = new ConcurrentDictionary<string, UseRecord>(StringComparer.Ordinal);

            /// <summary>One tree's tables per thread, reused file after file (they keep their capacity); emptied after each.</summary>
            [ThreadStatic]
            private static TreeTables? t_tables;

            public State(GuardrailsSettings settings, PolicyVerdicts verdicts, EndpointDomains domains, ConstantChain constants, SharedTypeLookups shared)
            {
                _shared = shared;
                _settings = settings;
                _verdicts = verdicts;
                _domains = domains;
                _constants = constants;
            }

            public void AnalyzeTree(SemanticModelAnalysisContext context)
            {
                SyntaxTree tree = context.SemanticModel.SyntaxTree;
                CancellationToken cancellationToken = context.CancellationToken;
                SyntaxNode root = tree.GetRoot(cancellationToken);
                TreeTables tables = t_tables ?? new TreeTables();
                t_tables = null;
                try
                {
                    tables.Types.Reset(context.SemanticModel, cancellationToken, _shared);

                    // The spots come in text order: each literal is found from the last one's neighbourhood, not the root.
                    SyntaxNode near = root;
                    foreach (int position in EndpointSpots.For(tree, _domains, cancellationToken).Literals)
                    {
                        if (StringValueSyntax.StringTokenNear(ref near, position, out SyntaxToken token))
                        {
                            AnalyzeValueAround(context, tables, token.Parent);
                        }
                    }

                    foreach (SyntaxNode use in _constants.UsesIn(tree, cancellationToken))
                    {
                        AnalyzeValueAround(context, tables, use);
                    }
                }
                finally
                {
                    tables.Types.Reset(null, default, null);
                    tables.Done.Clear();
                    tables.Folded = tables.Folded.Capacity > 4096 ? new StringBuilder() : tables.Folded.Clear();
                    t_tables = tables;
                }
            }

            /// <summary>What the values of one tree are judged with: declarations, the values already judged, a buffer to fold into.</summary>
            private sealed class TreeTables
            {
                public readonly SyntacticTypes Types = new SyntacticTypes(null!, default, null);

                public readonly HashSet<TextSpan> Done = new HashSet<TextSpan>();

                public StringBuilder Folded = new StringBuilder();
            }

            /// <summary>
            /// From a string or a constant's name, up through what folding sees through (parentheses, <c>+</c>,
            /// interpolations) to the whole value; then the sink that value is used in decides, as the compiler binds it.
            /// </summary>
            private void AnalyzeValueAround(SemanticModelAnalysisContext context, TreeTables tables, SyntaxNode? leaf)
            {
                SyntacticTypes types = tables.Types;
                SyntaxNode? node = StringValueSyntax.OutermostValue(leaf);
                if (node == null)
                {
                    return;
                }

                // `string.Concat(…)` and `string.Format(…)` build one value from their arguments, as `+` does.
                while (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } && IsStringConcatOrFormat(call))
                {
                    node = StringValueSyntax.OutermostValue(call)!;
                }

                // The sink sees the value through any parentheses around it.
                SyntaxNode value = node;
                node = OutsideParentheses(node);
                if (!tables.Done.Add(value.Span))
                {
                    return;
                }

                // Made of literals and plainly run-time pieces, the value's text is known without binding: a value that
                // is no address, or whose host is approved, needs nothing more; the host of one that is not is kept for
                // a sink decided from declarations below.
                StringBuilder folded = tables.Folded.Clear();
                string? syntacticHost = null;
                switch (SyntacticFold(value, folded))
                {
                    case Folded.RunTimeOnly:
                        return; // nothing constant at all: Fold gives up too
                    case Folded.Text:
                        string text = folded.ToString();
                        if (!TryExtractHost(text, out string host) || !Matters(host))
                        {
                            return;
                        }

                        // A whole constant that is an AI endpoint's address or host is judged wherever it is written (a
                        // local, a field of any name, any method's argument, a log line: adversary round 9 route 2), at
                        // its first literal, once; a value with a run-time part only where it is used as an address.
                        if (IsWholeAddress(text))
                        {
                            Report(context.ReportDiagnostic, value.GetLocation(), host);
                            return;
                        }

                        syntacticHost = host;
                        break;
                }

                SemanticModel model = context.SemanticModel;
                CancellationToken cancellationToken = context.CancellationToken;

                // The same for a value only the compiler can fold (a constant's name in it, string.Concat): the folded
                // constant, wherever it is. A constant of this compilation named alone is judged where it is declared.
                if (syntacticHost == null && model.OperationOrNull(value, cancellationToken) is IOperation whole && MightBeText(whole) &&
                    Fold(whole, folded.Clear()) && folded.ToString() is string constant &&
                    IsWholeAddress(constant) && TryExtractHost(constant, out string constantHost))
                {
                    if (!IsConstantOfThisCompilation(whole) && Matters(constantHost))
                    {
                        Report(context.ReportDiagnostic, value.GetLocation(), constantHost);
                    }

                    return;
                }

                // The value reaches its sink through conditional and switch arms and collection elements: the sink is
                // where the whole conditional, switch or collection goes.
                while (true)
                {
                    SyntaxNode? parent = node.Parent;
                    if (parent is ConditionalExpressionSyntax conditional && conditional.Condition != node)
                    {
                        node = OutsideParentheses(conditional);
                    }
                    else if (parent is SwitchExpressionArmSyntax arm && arm.Expression == node && arm.Parent is SwitchExpressionSyntax switchExpression)
                    {
                        node = OutsideParentheses(switchExpression);
                    }
                    else if (parent is ExpressionElementSyntax && parent.Parent is CollectionExpressionSyntax collection)
                    {
                        node = OutsideParentheses(collection);
                    }
                    else if (parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                    {
                        // `{ "Groq:Endpoint", "https://…" }` in a dictionary initializer: the key names an address.
                        if (initializer.Expressions.Count == 2 && initializer.Expressions[1] == node &&
                            model.GetConstantValue(initializer.Expressions[0], cancellationToken) is { HasValue: true, Value: string key } && IsAddressName(key) &&
                            model.OperationOrNull(value, cancellationToken) is IOperation keyed && MightBeText(keyed))
                        {
                            Check(new Sink(context, model, node.SpanStart), keyed);
                        }

                        return;
                    }
                    else if (parent is InitializerExpressionSyntax elements &&
                             (elements.IsKind(SyntaxKind.ArrayInitializerExpression) || elements.IsKind(SyntaxKind.CollectionInitializerExpression)))
                    {
                        node = elements.Parent is ExpressionSyntax created && !(elements.Parent is AssignmentExpressionSyntax) ? OutsideParentheses(created) : elements;
                    }
                    else
                    {
                        break;
                    }
                }

                if (syntacticHost != null)
                {
                    bool? used = SyntacticSink(node, types);
                    if (used == false)
                    {
                        return;
                    }

                    if (used == true)
                    {
                        Report(context.ReportDiagnostic, value.GetLocation(), syntacticHost);
                        return;
                    }
                }

                var sink = new Sink(context, model, node.SpanStart);
                if (node != OutsideParentheses(value))
                {
                    // Through an arm or an element: the sink decides, the value itself is what is checked.
                    if (IsSink(sink, node, model, cancellationToken) && model.OperationOrNull(value, cancellationToken) is IOperation piece && MightBeText(piece))
                    {
                        Check(sink, piece);
                    }

                    return;
                }

                switch (node.Parent)
                {
                    case ArgumentSyntax argument:
                        // A parenthesized argument has no operation of its own syntax: go up from the value.
                        IArgumentOperation? argumentOperation = model.OperationOrNull(argument, cancellationToken) as IArgumentOperation;
                        for (IOperation? up = argumentOperation == null ? model.OperationOrNull(value, cancellationToken) : null; up != null && argumentOperation == null; up = up.Parent)
                        {
                            argumentOperation = up as IArgumentOperation;
                        }

                        if (argumentOperation != null)
                        {
                            AnalyzeArgument(sink, argumentOperation);
                        }

                        break;
                    case EqualsValueClauseSyntax equals:
                        IOperation? initialization = model.OperationOrNull(equals, cancellationToken);
                        if (initialization is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                        {
                            AnalyzeDeclarator(sink, declarator);
                        }
                        else if (initialization is ISymbolInitializerOperation member)
                        {
                            AnalyzeMemberInitializer(sink, member);
                        }

                        break;
                    case AssignmentExpressionSyntax assignment when assignment.Right == node:
                        if (model.OperationOrNull(assignment, cancellationToken) is ISimpleAssignmentOperation simple)
                        {
                            AnalyzeAssignment(sink, simple);
                        }

                        break;
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == node:
                        if (model.OperationOrNull(coalesce, cancellationToken) is ICoalesceOperation coalesceOperation)
                        {
                            AnalyzeCoalesce(sink, coalesceOperation);
                        }

                        break;
                    case ReturnStatementSyntax _:
                    case ArrowExpressionClauseSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                        if (model.OperationOrNull(value, cancellationToken) is IOperation returned)
                        {
                            AnalyzeReturn(sink, returned);
                        }

                        break;
                }
            }

            /// <summary>
            /// Whether <paramref name="carrier"/> (a conditional, a switch or a collection holding a candidate value) is used
            /// as an address: passed to an address-named parameter, or held by an address-named variable, field or property.
            /// </summary>
            private static bool IsSink(Sink sink, SyntaxNode carrier, SemanticModel model, CancellationToken cancellationToken)
            {
                switch (carrier.Parent)
                {
                    case ArgumentSyntax argument:
                        return model.OperationOrNull(argument, cancellationToken) is IArgumentOperation { Parameter: { } target } && IsAddressName(target.Name);
                    case EqualsValueClauseSyntax equals:
                        switch (model.OperationOrNull(equals, cancellationToken))
                        {
                            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                                return IsAddressName(declarator.Symbol.Name);
                            case IFieldInitializerOperation field:
                                return field.InitializedFields.Any(f => IsAddressName(f.Name));
                            case IPropertyInitializerOperation property:
                                return property.InitializedProperties.Any(p => IsAddressName(p.Name));
                            case IParameterInitializerOperation defaultValue:
                                return IsAddressName(defaultValue.Parameter.Name);
                            default:
                                return false;
                        }

                    case AssignmentExpressionSyntax assignment when assignment.Right == carrier:
                        return model.OperationOrNull(assignment, cancellationToken) is ISimpleAssignmentOperation simple && simple.Target switch
                        {
                            IMemberReferenceOperation member => IsAddressName(member.Member.Name),
                            ILocalReferenceOperation local => IsAddressName(local.Local.Name),
                            IParameterReferenceOperation assigned => IsAddressName(assigned.Parameter.Name),
                            _ => false,
                        };
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == carrier:
                        return true;
                    case ReturnStatementSyntax _:
                    case ArrowExpressionClauseSyntax _:
                        ISymbol? owner = sink.ContainingMember();
                        string? name = owner is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name : owner?.Name;
                        return name != null && IsAddressName(name);
                    default:
                        return false;
                }
            }

            /// <summary>
            /// <see cref="IsSink"/> and the sink checks below, decided from declarations (<see cref="SyntacticTypes"/>)
            /// without binding: true or false when the syntax and the declarations settle it, null when only the compiler can.
            /// </summary>
            private static bool? SyntacticSink(SyntaxNode carrier, SyntacticTypes types)
            {
                switch (carrier.Parent)
                {
                    case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list:
                        return ArgumentIsAddress(argument, list, types);
                    case EqualsValueClauseSyntax equals:
                        return equals.Parent switch
                        {
                            VariableDeclaratorSyntax declarator => IsAddressName(declarator.Identifier.ValueText),
                            PropertyDeclarationSyntax property => IsAddressName(property.Identifier.ValueText),
                            ParameterSyntax parameter => IsAddressName(parameter.Identifier.ValueText),
                            _ => null,
                        };
                    case AssignmentExpressionSyntax assignment when assignment.Right == carrier && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        return assignment.Left switch
                        {
                            IdentifierNameSyntax target => IsAddressName(target.Identifier.ValueText),
                            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => IsAddressName(member.Identifier.ValueText),
                            _ => null, // an indexer: its key decides
                        };
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                        return coalesce.Right == carrier ? true : (bool?)false;
                    case ReturnStatementSyntax _:
                    case ArrowExpressionClauseSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                        string? owner = ContainingMemberName(carrier);
                        return owner == null ? null : IsAddressName(owner);
                    default:
                        return false;
                }
            }

            /// <summary>The member whose code <paramref name="node"/> is in, through lambdas and local functions; null when unsure.</summary>
            private static string? ContainingMemberName(SyntaxNode node)
            {
                for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
                {
                    switch (current)
                    {
                        case MethodDeclarationSyntax method:
                            return method.Identifier.ValueText;
                        case PropertyDeclarationSyntax property:
                            return property.Identifier.ValueText;
                        case EventDeclarationSyntax e:
                            return e.Identifier.ValueText;
                        case VariableDeclaratorSyntax field when field.Parent?.Parent is BaseFieldDeclarationSyntax:
                            return field.Identifier.ValueText;
                        case ConstructorDeclarationSyntax _:
                        case DestructorDeclarationSyntax _:
                        case OperatorDeclarationSyntax _:
                        case ConversionOperatorDeclarationSyntax _:
                        case IndexerDeclarationSyntax _:
                        case GlobalStatementSyntax _:
                        case BaseTypeDeclarationSyntax _:
                            return null;
                    }
                }

                return null;
            }

            /// <summary>Whether every method the argument list may call takes this argument in a parameter named like an address.</summary>
            private static bool? ArgumentIsAddress(ArgumentSyntax argument, ArgumentListSyntax list, SyntacticTypes types)
            {
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return null;
                }

                int count = list.Arguments.Count;
                int index = list.Arguments.IndexOf(argument);
                string? named = argument.NameColon?.Name.Identifier.ValueText;
                bool? answer = null;
                switch (list.Parent)
                {
                    case ObjectCreationExpressionSyntax creation:
                        if (!(types.BindTypeName(creation.Type) is INamedTypeSymbol created))
                        {
                            return null;
                        }

                        ImmutableArray<IMethodSymbol> constructors = types.InstanceConstructors(created);
                        foreach (IMethodSymbol constructor in constructors)
                        {
                            if (SyntacticTypes.Admits(constructor, count) && !TakesAsAddress(constructor, index, named, ref answer))
                            {
                                return null;
                            }
                        }

                        return answer;
                    case InvocationExpressionSyntax invocation:
                        MemberLookup lookup;
                        if (invocation.Expression is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                        {
                            Resolved owner = types.Resolve(access.Expression);
                            if ((owner.Kind != ResolvedKind.Value && owner.Kind != ResolvedKind.Type) || owner.Type == null)
                            {
                                return null;
                            }

                            lookup = types.LookupMember(owner.Type, access.Name.Identifier.ValueText, count);
                        }
                        else if (invocation.Expression is SimpleNameSyntax name && !types.IsLocal(name) && types.ContainingType(invocation) is INamedTypeSymbol containing)
                        {
                            lookup = types.ImplicitMember(containing, name.Identifier.ValueText, count);
                        }
                        else
                        {
                            return null;
                        }

                        if (!lookup.Known || lookup.Members.Count == 0)
                        {
                            return null; // an extension method, or nothing the declarations know
                        }

                        for (int i = 0; i < lookup.Members.Count; i++)
                        {
                            if (!(lookup.Members[i] is IMethodSymbol))
                            {
                                return null; // a delegate
                            }
                        }

                        for (int i = 0; i < lookup.Members.Count; i++)
                        {
                            if (!TakesAsAddress((IMethodSymbol)lookup.Members[i], index, named, ref answer))
                            {
                                return null;
                            }
                        }

                        return answer;
                    default:
                        return null;
                }
            }

            /// <summary>
            /// Whether <paramref name="method"/> takes the argument (at <paramref name="index"/>, or <paramref name="named"/>)
            /// in a parameter named like an address, folded into <paramref name="answer"/>; false when the candidates
            /// disagree or the argument has no single parameter (no such name, a params array).
            /// </summary>
            private static bool TakesAsAddress(IMethodSymbol method, int index, string? named, ref bool? answer)
            {
                ImmutableArray<IParameterSymbol> parameters = method.Parameters;
                IParameterSymbol? parameter = null;
                if (named != null)
                {
                    foreach (IParameterSymbol candidate in parameters)
                    {
                        if (candidate.Name == named)
                        {
                            parameter = candidate;
                            break;
                        }
                    }
                }
                else if (index < parameters.Length)
                {
                    parameter = parameters[index];
                }

                if (parameter == null || parameter.IsParams)
                {
                    return false;
                }

                bool address = IsAddressName(parameter.Name) || string.Equals(parameter.Name, "defaultValue", StringComparison.Ordinal);
                if (answer != null && answer != address)
                {
                    return false;
                }

                answer = address;
                return true;
            }

            /// <summary><c>string.Concat(…)</c> or <c>string.Format(…)</c>, as written (<c>string</c>, <c>String</c>, <c>System.String</c>).</summary>
            private static bool IsStringConcatOrFormat(InvocationExpressionSyntax call) =>
                call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Concat" or "Format" } access &&
                (access.Expression is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.StringKeyword) ||
                 access.Expression is IdentifierNameSyntax { Identifier.ValueText: "String" } ||
                 access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "String", Expression: IdentifierNameSyntax { Identifier.ValueText: "System" } });

            private static SyntaxNode OutsideParentheses(SyntaxNode node)
            {
                while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
                {
                    node = parenthesized;
                }

                return node;
            }

            private enum Folded
            {
                /// <summary>Some piece is a string constant.</summary>
                Text,

                /// <summary>No piece is a string constant.</summary>
                RunTimeOnly,

                /// <summary>A piece only the compiler can judge (a name that may be a constant).</summary>
                NeedsBinding,
            }

            /// <summary><see cref="Fold"/> on syntax: run-time pieces become one <see cref="Hole"/> each, as there.</summary>
            private static Folded SyntacticFold(SyntaxNode node, StringBuilder text)
            {
                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        text.Append(literal.Token.ValueText);
                        return Folded.Text;
                    case LiteralExpressionSyntax _:
                        return Folded.RunTimeOnly; // a number, char, bool or null: no string constant
                    case ParenthesizedExpressionSyntax parenthesized:
                        return SyntacticFold(parenthesized.Expression, text);
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                        return Join(SyntacticFoldOrHole(add.Left, text), SyntacticFoldOrHole(add.Right, text));
                    case InterpolatedStringExpressionSyntax interpolated:
                        Folded result = Folded.RunTimeOnly;
                        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax part)
                            {
                                text.Append(part.TextToken.ValueText);
                                result = Join(result, Folded.Text);
                            }
                            else
                            {
                                result = Join(result, SyntacticFoldOrHole(((InterpolationSyntax)content).Expression, text));
                            }
                        }

                        return result;
                    case InvocationExpressionSyntax call when IsStringConcatOrFormat(call):
                        return Folded.NeedsBinding;
                    default:
                        return IsRunTimeValue(node) ? Folded.RunTimeOnly : Folded.NeedsBinding;
                }
            }

            private static Folded Join(Folded a, Folded b) =>
                a == Folded.NeedsBinding || b == Folded.NeedsBinding ? Folded.NeedsBinding
                : a == Folded.Text || b == Folded.Text ? Folded.Text
                : Folded.RunTimeOnly;

            private static Folded SyntacticFoldOrHole(SyntaxNode node, StringBuilder text)
            {
                int length = text.Length;
                Folded folded = SyntacticFold(node, text);
                if (folded == Folded.RunTimeOnly)
                {
                    text.Length = length;
                    text.Append(Hole);
                }

                return folded;
            }

            /// <summary>
            /// Never a constant: a call (other than <c>nameof</c>), an element access, <c>this</c>, a member of a call's
            /// result, of <c>this</c> or of a parameter or local (C# reaches constants through type names only), or a
            /// parameter or non-constant local of the code around it (which hides any constant of the same name).
            /// </summary>
            private static bool IsRunTimeValue(SyntaxNode node)
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        return !(invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });
                    case ElementAccessExpressionSyntax _:
                    case ThisExpressionSyntax _:
                    case BaseExpressionSyntax _:
                        return true;
                    case MemberAccessExpressionSyntax member:
                        ExpressionSyntax receiver = member.Expression;
                        while (receiver is MemberAccessExpressionSyntax inner)
                        {
                            receiver = inner.Expression;
                        }

                        // `Color Color`: a parameter named like its type may stand for the type, and so reach its constants.
                        return receiver is ThisExpressionSyntax || receiver is InvocationExpressionSyntax ||
                               (receiver is IdentifierNameSyntax owner && DeclaredType(owner) is TypeSyntax type &&
                                !(type is SimpleNameSyntax { Identifier.ValueText: var typeName } && typeName == owner.Identifier.ValueText) &&
                                !(type is QualifiedNameSyntax { Right.Identifier.ValueText: var rightName } && rightName == owner.Identifier.ValueText));
                    case IdentifierNameSyntax identifier:
                        return DeclaredType(identifier) != null;
                    default:
                        return false;
                }
            }

            /// <summary>
            /// The declared type of the parameter (of an enclosing method, local function, lambda or anonymous method) or
            /// non-const local (of an enclosing block) that <paramref name="identifier"/> names; null when it names neither,
            /// as far as the syntax shows. An implicitly typed lambda parameter or <c>var</c> local gives its own name.
            /// </summary>
            private static TypeSyntax? DeclaredType(IdentifierNameSyntax identifier)
            {
                string name = identifier.Identifier.ValueText;
                for (SyntaxNode? node = identifier.Parent; node != null; node = node.Parent)
                {
                    ParameterListSyntax? parameters = node switch
                    {
                        BaseMethodDeclarationSyntax method => method.ParameterList,
                        LocalFunctionStatementSyntax local => local.ParameterList,
                        ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                        AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList,
                        _ => null,
                    };

                    foreach (ParameterSyntax parameter in parameters?.Parameters ?? default)
                    {
                        if (parameter.Identifier.ValueText == name)
                        {
                            return parameter.Type ?? SyntaxFactory.IdentifierName("var");
                        }
                    }

                    if (node is SimpleLambdaExpressionSyntax simple && simple.Parameter.Identifier.ValueText == name)
                    {
                        return simple.Parameter.Type ?? SyntaxFactory.IdentifierName("var");
                    }

                    if (node is BlockSyntax block)
                    {
                        foreach (StatementSyntax statement in block.Statements)
                        {
                            if (statement is LocalDeclarationStatementSyntax local && !local.IsConst &&
                                local.Declaration.Variables.Any(v => v.Identifier.ValueText == name))
                            {
                                return local.Declaration.Type;
                            }
                        }
                    }

                    if (node is MemberDeclarationSyntax && !(node is BaseMethodDeclarationSyntax))
                    {
                        return null;
                    }
                }

                return null;
            }

            /// <summary>
            /// The host of a folded value, with each run-time hole shown as <c>*</c>; false for a page or file of a
            /// provider's website (a hub's model files, licence pages: <see cref="AiSdkCatalog.IsWebsitePage"/>).
            /// </summary>
            private static bool TryExtractHost(string folded, out string host)
            {
                if (!HostPattern.TryExtractHost(folded, HoleMark, out host) || AiSdkCatalog.IsWebsitePage(host, folded, HoleMark))
                {
                    return false;
                }

                host = host.Replace(HoleMark, '*').ToLowerInvariant(); // "HTTPS://API.OPEN" + "AI.COM": the host, as the record spells it
                return true;
            }

            /// <summary>A host worth following to its sink: one GRD004 reports (not passing) or GRD008 records (an AI endpoint, approved or not).</summary>
            private bool Matters(string host)
            {
                Decision decision = Decide(host);
                return !decision.Passes || decision.Verdict != Verdict.NotGoverned;
            }

            /// <summary>
            /// GRD008, once per host and file: the use of an AI endpoint, whatever the verdict, for the audit record
            /// (the compiler's error log carries it there). The host is in a property so the reader never parses the message.
            /// </summary>
            private void RecordUse(Action<Diagnostic> report, Location location, string host, Decision decision)
            {
                // The file is the source tree's path (what the location's line span would name), without a string made per use.
                string path = location.SourceTree?.FilePath ?? location.GetLineSpan().Path;
                if (decision.Verdict == Verdict.NotGoverned || !_used.TryAdd(new KeyValuePair<string, string>(path, host), true))
                {
                    return;
                }

                UseRecord record = RecordOf(host, decision);
                report(Diagnostic.Create(Descriptors.EndpointUsed, location, record.Properties, record.Arguments));
            }

            /// <summary>The properties and message arguments of a host's reports, the same at every use: made once per host.</summary>
            private UseRecord RecordOf(string host, Decision decision)
            {
                if (!_records.TryGetValue(host, out UseRecord? record))
                {
                    record = _records.GetOrAdd(host, new UseRecord(
                        ImmutableDictionary<string, string?>.Empty.Add(Descriptors.HostProperty, host),
                        new object[] { host, decision.Waiver != null ? decision.Reason + ", waived by " + decision.Waiver.Id : decision.Reason },
                        new object[] { host, decision.Provider ?? "an AI provider", _verdicts.OwnerContact, decision.Request, decision.Qualifier() }));
                }

                return record;
            }

            /// <summary>What GRD008 and GRD004 say about one host: GRD008's properties and message arguments, GRD004's message arguments.</summary>
            private sealed class UseRecord
            {
                public UseRecord(ImmutableDictionary<string, string?> properties, object[] arguments, object[] violationArguments)
                {
                    Properties = properties;
                    Arguments = arguments;
                    ViolationArguments = violationArguments;
                }

                public ImmutableDictionary<string, string?> Properties { get; }

                public object[] Arguments { get; }

                public object[] ViolationArguments { get; }
            }

            /// <summary>A file's path and a host, compared as the record's key was (ordinal, both parts).</summary>
            private sealed class PathAndHostComparer : IEqualityComparer<KeyValuePair<string, string>>
            {
                public static readonly PathAndHostComparer Instance = new PathAndHostComparer();

                public bool Equals(KeyValuePair<string, string> x, KeyValuePair<string, string> y) =>
                    string.Equals(x.Key, y.Key, StringComparison.Ordinal) && string.Equals(x.Value, y.Value, StringComparison.Ordinal);

                public int GetHashCode(KeyValuePair<string, string> key) =>
                    unchecked((StringComparer.Ordinal.GetHashCode(key.Key) * 397) ^ StringComparer.Ordinal.GetHashCode(key.Value));
            }

            /// <summary>Core's evaluator decides each host once per compilation.</summary>
            /// <remarks>Looked up first: the factory (a closure over this state) is made only for a host not decided yet.</remarks>
            public Decision Decide(string host) => _decisions.TryGetValue(host, out Decision? decided) ? decided : _decisions.GetOrAdd(host, h => _verdicts.Host(h));

            /// <summary>Where a value is used: reports, and the member whose code it is in (lambdas and local functions included).</summary>
            private readonly struct Sink
            {
                private readonly SemanticModelAnalysisContext _context;
                private readonly SemanticModel _model;
                private readonly int _position;

                public Sink(SemanticModelAnalysisContext context, SemanticModel model, int position)
                {
                    _context = context;
                    _model = model;
                    _position = position;
                }

                public void ReportDiagnostic(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);

                public ISymbol? ContainingMember()
                {
                    ISymbol? symbol = _model.GetEnclosingSymbol(_position, _context.CancellationToken);
                    while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                    {
                        symbol = symbol.ContainingSymbol;
                    }

                    return symbol;
                }
            }

            private void AnalyzeArgument(Sink context, IArgumentOperation argument)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter == null || !MightBeText(argument.Value))
                {
                    return;
                }

                string name = argument.Parameter.Name;
                if (IsAddressName(name) || string.Equals(name, "defaultValue", StringComparison.Ordinal))
                {
                    Check(context, argument.Value);
                }
            }

            private void AnalyzeAssignment(Sink context, ISimpleAssignmentOperation assignment)
            {
                if (!MightBeText(assignment.Value))
                {
                    return;
                }

                bool sink = assignment.Target switch
                {
                    IPropertyReferenceOperation { Arguments.Length: > 0 } indexer => IndexerKeyNamesAnAddress(indexer),
                    IMemberReferenceOperation member => IsAddressName(member.Member.Name),
                    ILocalReferenceOperation local => IsAddressName(local.Local.Name),
                    IParameterReferenceOperation parameter => IsAddressName(parameter.Parameter.Name),
                    _ => false,
                };

                if (sink)
                {
                    Check(context, assignment.Value);
                }
            }

            private void AnalyzeDeclarator(Sink context, IVariableDeclaratorOperation declarator)
            {
                IOperation? value = declarator.Initializer?.Value;
                if (value != null && MightBeText(value) && IsAddressName(declarator.Symbol.Name))
                {
                    Check(context, value);
                }
            }

            private void AnalyzeMemberInitializer(Sink context, ISymbolInitializerOperation initializer)
            {
                if (!MightBeText(initializer.Value))
                {
                    return;
                }

                bool sink = initializer switch
                {
                    IFieldInitializerOperation field => field.InitializedFields.Any(f => IsAddressName(f.Name)),
                    IPropertyInitializerOperation property => property.InitializedProperties.Any(p => IsAddressName(p.Name)),
                    IParameterInitializerOperation parameter => IsAddressName(parameter.Parameter.Name),
                    _ => false,
                };

                if (sink)
                {
                    Check(context, initializer.Value);
                }
            }

            /// <summary>`configuration["OpenAI:Endpoint"] ?? "https://api.openai.com/v1"`: a configuration default.</summary>
            private void AnalyzeCoalesce(Sink context, ICoalesceOperation coalesce)
            {
                if (MightBeText(coalesce.WhenNull))
                {
                    Check(context, coalesce.WhenNull);
                }
            }

            /// <summary>The value of a <c>return</c>, an expression body or a lambda body: a sink when the member is named like an address.</summary>
            private void AnalyzeReturn(Sink context, IOperation returned)
            {
                if (!MightBeText(returned))
                {
                    return;
                }

                ISymbol? owner = context.ContainingMember();
                string? name = owner is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name : owner?.Name;
                if (name != null && IsAddressName(name))
                {
                    Check(context, returned);
                }
            }

            private void Check(Sink context, IOperation value)
            {
                value = Unwrap(value);

                // `new Uri(Endpoint)` with `const string Endpoint = "https://…"`: reported where the constant is declared.
                if ((value is IFieldReferenceOperation field && IsAddressName(field.Field.Name)) ||
                    (value is ILocalReferenceOperation local && IsAddressName(local.Local.Name)) ||
                    (IsConstantOfThisCompilation(value) && value.ConstantValue.Value is string whole && IsWholeAddress(whole)))
                {
                    return;
                }

                var text = new StringBuilder();
                if (!Fold(value, text) || !TryExtractHost(text.ToString(), out string host))
                {
                    return;
                }

                Report(context.ReportDiagnostic, value.Syntax.GetLocation(), host);
            }

            private void Report(Action<Diagnostic> report, Location location, string host)
            {
                // The same few hosts come back all over a code base: each is decided once per compilation.
                // A waived violation is reported too, as a warning naming the waiver and its expiry.
                Decision decision = Decide(host);
                RecordUse(report, location, host, decision);
                if (!decision.IsViolation)
                {
                    return;
                }

                // What to ask for is the evaluator's (Decision.Request), as for GRD003 and the package gate: lift a deny
                // (approving would not help), otherwise the endpoint approval that would let this address pass.
                report(_settings.Create(Descriptors.UnapprovedEndpoint, location, decision, RecordOf(host, decision).ViolationArguments));
            }

            /// <summary>
            /// Any file the project passes to the compiler (the key scan's files: configuration, scripts, pages, code of
            /// other languages, plain text, the project file itself): an address or host of an AI endpoint the policy
            /// does not approve, reported in the file at its line. JSON is read by its structure: every string value that
            /// is an address or a host (escapes decoded); a JSON file that does not parse, and every other kind, is
            /// searched as raw text (<see cref="EndpointMentions"/>). Not searched: Guardrails' own files (the policy,
            /// the effective policy, the manifest, audit records, the kept-back list), which name endpoints without
            /// calling them, and documentation (Markdown, reStructuredText, AsciiDoc), which links to them. A provider's
            /// website page (<see cref="AiSdkCatalog.IsWebsitePage"/>) and a host the catalog and the policy do not
            /// know (platform.openai.com, docs sites) is no endpoint.
            /// </summary>
            public void AnalyzeConfigurationFile(AdditionalFileAnalysisContext context)
            {
                string path = context.AdditionalFile.Path;
                if (GuardrailsSettings.IsEffectivePolicyFile(path) || SkippedList.IsSkippedList(path) || NamesWithoutCalling(path))
                {
                    return;
                }

                SourceText? source = context.AdditionalFile.GetText(context.CancellationToken);
                if (source == null || source.Length > TextFileSecrets.MaxLength)
                {
                    return;
                }

                string text = source.ToString();
                if (InlineTaskCode.MayHold(path, text))
                {
                    ReportInlineTaskCode(context, path, source, text);
                }

                TextFileKind kind;
                string? decoded = null;
                int[] offsets = Array.Empty<int>();
                if (_domains.IndexIn(text, 0, text.Length) < 0)
                {
                    // A host spelled with the format's escapes (`api.openai&#46;com` in XML, `\u002e` in YAML: adversary round 9
                    // route 2) is read as the program reads it, by the key scan's one decoder (GRD002 reads keys the same way).
                    if (!MayHoldEscapes(text) || (kind = TextFileSecrets.KindOf(path, text)) == TextFileKind.Skipped ||
                        (decoded = FormatEscapes.Decode(path, kind, text, out offsets)) == null || _domains.IndexIn(decoded, 0, decoded.Length) < 0)
                    {
                        return;
                    }
                }
                else
                {
                    kind = TextFileSecrets.KindOf(path, text);
                    if (kind == TextFileKind.Skipped)
                    {
                        return;
                    }

                    if (kind != TextFileKind.Json && MayHoldEscapes(text))
                    {
                        decoded = FormatEscapes.Decode(path, kind, text, out offsets);
                    }
                }

                if (kind == TextFileKind.Json)
                {
                    JsonNode? root = JsonReader.TryParse(text, out _);
                    if (root != null)
                    {
                        // A Guardrails policy names endpoints (approves, denies, defines SDKs by them); it does not call them.
                        if (!(root.IsObject && root["policyFormat"] != null))
                        {
                            ReportConfiguredEndpoints(context, path, source, root, prose: false);
                        }

                        return;
                    }
                }

                // Decoded, each mention is mapped back to the characters of the file it was read from. The decoded view has
                // XML comments removed (they join the text around them), so the raw text, which holds the mentions in
                // comments, is read as well when it names a domain; a mention found in both is reported once.
                HashSet<int>? reported = decoded != null && _domains.IndexIn(text, 0, text.Length) >= 0 ? new HashSet<int>() : null;
                if (reported != null)
                {
                    ReportMentions(context, path, source, text, null, reported);
                }

                ReportMentions(context, path, source, decoded ?? text, decoded == null ? null : offsets, reported);
            }

            /// <summary>
            /// The hosts the C# of the file's inline MSBuild tasks joins from pieces (adversary round 12 route 10:
            /// <c>new Uri("https://api.open" + "ai.com/v1/")</c> in a <c>RoslynCodeTaskFactory</c> task), folded as C# is
            /// (<see cref="InlineTaskCode"/>), reported at the expression that joins them; a host written whole inside that
            /// expression is the raw reader's (<see cref="ReportMentions"/>), reported once.
            /// </summary>
            private void ReportInlineTaskCode(AdditionalFileAnalysisContext context, string path, SourceText source, string text)
            {
                foreach ((TextSpan span, string value) in InlineTaskCode.JoinedStrings(text, context.Compilation, context.CancellationToken))
                {
                    if (_domains.IndexIn(value, 0, value.Length) < 0)
                    {
                        continue;
                    }

                    string written = text.Substring(span.Start, span.Length);
                    var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (EndpointMention mention in EndpointMentions.Find(value, _domains.Lookup))
                    {
                        if (AiSdkCatalog.IsWebsitePage(mention.Host, mention.Address) || written.IndexOf(mention.Host, StringComparison.OrdinalIgnoreCase) >= 0 || !hosts.Add(mention.Host))
                        {
                            continue;
                        }

                        Report(context.ReportDiagnostic, Location.Create(path, span, source.Lines.GetLinePositionSpan(span)), mention.Host);
                    }
                }
            }

            private void ReportMentions(AdditionalFileAnalysisContext context, string path, SourceText source, string text, int[]? offsets, HashSet<int>? reported)
            {
                foreach (EndpointMention mention in EndpointMentions.Find(text, _domains.Lookup))
                {
                    if (AiSdkCatalog.IsWebsitePage(mention.Host, mention.Address))
                    {
                        continue;
                    }

                    var span = offsets == null ? new TextSpan(mention.Start, mention.Length)
                        : TextSpan.FromBounds(offsets[mention.Start], Math.Max(offsets[mention.Start], offsets[Math.Min(mention.Start + mention.Length, offsets.Length - 1)]));
                    if (reported == null || reported.Add(span.Start))
                    {
                        Report(context.ReportDiagnostic, Location.Create(path, span, source.Lines.GetLinePositionSpan(span)), mention.Host);
                    }
                }
            }

            /// <summary>
            /// A character reference (<c>&amp;#</c>), a backslash escape of a character (<c>\u</c>, <c>\U</c>, <c>\x</c>) or XML
            /// markup that may split a value (a comment, a CDATA section, a PI: adversary round 10 route 3) is in the text.
            /// </summary>
            private static bool MayHoldEscapes(string text) =>
                text.IndexOf("&#", StringComparison.Ordinal) >= 0 || text.IndexOf("<!", StringComparison.Ordinal) >= 0 || text.IndexOf("<?", StringComparison.Ordinal) >= 0 ||
                text.IndexOf("\\u", StringComparison.Ordinal) >= 0 ||
                text.IndexOf("\\U", StringComparison.Ordinal) >= 0 || text.IndexOf("\\x", StringComparison.Ordinal) >= 0;

            private static readonly HashSet<string> DocumentingKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "description", "markdownDescription", "title", "summary", "$comment", "comment", "comments", "help", "helpText", "notes",
            };

            private static bool IsDocumentingKey(string name) => DocumentingKeys.Contains(name);

            /// <summary>Files that name endpoints without calling them: Guardrails' own (manifest, audit record) and documentation.</summary>
            private static bool NamesWithoutCalling(string path)
            {
                string name = System.IO.Path.GetFileName(path);
                if (name.Equals("ai-assistants.json", StringComparison.OrdinalIgnoreCase) || name.Equals("guardrails.audit.json", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                string extension = System.IO.Path.GetExtension(name);
                return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".mdx", StringComparison.OrdinalIgnoreCase) ||
                       extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase) || extension.Equals(".rst", StringComparison.OrdinalIgnoreCase) ||
                       extension.Equals(".adoc", StringComparison.OrdinalIgnoreCase);
            }

            /// <param name="prose">The value is under a key that documents (a JSON schema's <c>description</c>, a <c>title</c>, a <c>$comment</c>): its text refers to an address, it does not configure one.</param>
            private void ReportConfiguredEndpoints(AdditionalFileAnalysisContext context, string path, SourceText source, JsonNode node, bool prose)
            {
                switch (node.Kind)
                {
                    case JsonKind.Object:
                        foreach (JsonProperty property in node.Properties)
                        {
                            // An address as a property name (`"Upstreams": { "https://api.openai.com/v1/": { … } }`, adversary
                            // round 9 route 2): configuration binds such names as dictionary keys, so it is an address too.
                            if (!prose && _domains.IndexIn(property.Name, 0, property.Name.Length) >= 0 && HostPattern.TryExtractHost(property.Name, out string nameHost) &&
                                !AiSdkCatalog.IsWebsitePage(nameHost, property.Name))
                            {
                                // From the name's opening quote to its closing one.
                                int at = Math.Min(property.NameStart.Offset, source.Length), end = at + 1;
                                while (end < source.Length && source[end] != '"')
                                {
                                    end += source[end] == '\\' ? 2 : 1;
                                }

                                var nameSpan = TextSpan.FromBounds(at, Math.Min(end + 1, source.Length));
                                Report(context.ReportDiagnostic, Location.Create(path, nameSpan, source.Lines.GetLinePositionSpan(nameSpan)), nameHost);
                            }

                            ReportConfiguredEndpoints(context, path, source, property.Value, IsDocumentingKey(property.Name));
                        }

                        break;
                    case JsonKind.Array:
                        foreach (JsonNode item in node.Items)
                        {
                            ReportConfiguredEndpoints(context, path, source, item, prose);
                        }

                        break;
                    case JsonKind.String when !prose && node.Text != null && _domains.IndexIn(node.Text, 0, node.Text.Length) >= 0:
                        int start = Math.Min(node.Start.Offset, source.Length);
                        var span = TextSpan.FromBounds(start, Math.Max(start, Math.Min(node.End.Offset, source.Length)));
                        if (HostPattern.TryExtractHost(node.Text, out string host))
                        {
                            if (!AiSdkCatalog.IsWebsitePage(host, node.Text))
                            {
                                Report(context.ReportDiagnostic, Location.Create(path, span, source.Lines.GetLinePositionSpan(span)), host);
                            }

                            break;
                        }

                        // A value that holds an address among other text ("curl https://api.openai.com/v1 -d …", a
                        // connection string): each host in it, at the value.
                        var named = new HashSet<string>(StringComparer.Ordinal);
                        foreach (EndpointMention mention in EndpointMentions.Find(node.Text, _domains.Lookup))
                        {
                            if (named.Add(mention.Host) && !AiSdkCatalog.IsWebsitePage(mention.Host, mention.Address))
                            {
                                Report(context.ReportDiagnostic, Location.Create(path, span, source.Lines.GetLinePositionSpan(span)), mention.Host);
                            }
                        }

                        break;
                }
            }

            /// <summary>`this["OpenAI:Endpoint"] = …` (in-memory configuration): the key names an address.</summary>
            private static bool IndexerKeyNamesAnAddress(IPropertyReferenceOperation indexer)
            {
                foreach (IArgumentOperation argument in indexer.Arguments)
                {
                    if (argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is string key && IsAddressName(key))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Cheap gate before folding: a string-typed value (or a constant) that is not a plain run-time value.</summary>
            private static bool MightBeText(IOperation value)
            {
                value = Unwrap(value);
                if (value.ConstantValue.HasValue)
                {
                    return value.ConstantValue.Value is string;
                }

                return value is IInterpolatedStringOperation ||
                       value is IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Concat" or "Format" } } ||
                       (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String);
            }

            /// <summary>Folds constants, concatenations and interpolations; a run-time part becomes one label. False when nothing is constant.</summary>
            private static bool Fold(IOperation operation, StringBuilder text)
            {
                operation = Unwrap(operation);
                if (operation.ConstantValue.HasValue)
                {
                    if (operation.ConstantValue.Value is string constant)
                    {
                        text.Append(constant);
                        return true;
                    }

                    return false;
                }

                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                        bool left = FoldOrHole(binary.LeftOperand, text);
                        bool right = FoldOrHole(binary.RightOperand, text);
                        return left || right;
                    case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Concat" } } concat:
                        bool concatenated = false;
                        foreach (IOperation piece in StringArguments(concat))
                        {
                            concatenated |= FoldOrHole(piece, text);
                        }

                        return concatenated;
                    case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Format" } } format:
                        return FoldFormat(format, text);
                    case IInterpolatedStringOperation interpolated:
                        bool any = false;
                        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                        {
                            IOperation piece = part is IInterpolatedStringTextOperation t ? t.Text : ((IInterpolationOperation)part).Expression;
                            any |= FoldOrHole(piece, text);
                        }

                        return any;
                    default:
                        return false;
                }
            }

            /// <summary>The values of a string method's arguments in order, a <c>params</c> array's elements spread out.</summary>
            private static List<IOperation> StringArguments(IInvocationOperation call, string? skip = null)
            {
                var values = new List<IOperation>();
                foreach (IArgumentOperation argument in call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
                {
                    if (argument.Parameter == null || argument.Parameter.Name == skip || argument.Parameter.Type.Name == "IFormatProvider")
                    {
                        continue;
                    }

                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                    {
                        values.AddRange(elements.ElementValues);
                    }
                    else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        values.Add(argument.Value);
                    }
                }

                return values;
            }

            /// <summary><c>string.Format("https://{0}.openai.azure.com", name)</c>: the format with each placeholder folded (or a hole).</summary>
            private static bool FoldFormat(IInvocationOperation format, StringBuilder text)
            {
                IArgumentOperation? formatArgument = format.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
                if (formatArgument == null || !(Unwrap(formatArgument.Value).ConstantValue is { HasValue: true, Value: string pattern }))
                {
                    return false;
                }

                List<IOperation> arguments = StringArguments(format, skip: "format");
                for (int i = 0; i < pattern.Length; i++)
                {
                    char c = pattern[i];
                    if ((c == '{' || c == '}') && i + 1 < pattern.Length && pattern[i + 1] == c)
                    {
                        text.Append(c);
                        i++;
                    }
                    else if (c == '{')
                    {
                        int end = pattern.IndexOf('}', i);
                        if (end < 0)
                        {
                            return true;
                        }

                        string hole = pattern.Substring(i + 1, end - i - 1);
                        int stop = hole.IndexOfAny(new[] { ',', ':' });
                        if (int.TryParse(stop >= 0 ? hole.Substring(0, stop) : hole, out int index) && index >= 0 && index < arguments.Count)
                        {
                            FoldOrHole(arguments[index], text);
                        }
                        else
                        {
                            text.Append(Hole);
                        }

                        i = end;
                    }
                    else
                    {
                        text.Append(c);
                    }
                }

                return true;
            }

            private static bool FoldOrHole(IOperation operation, StringBuilder text)
            {
                int length = text.Length;
                if (Fold(operation, text))
                {
                    return true;
                }

                text.Length = length;
                text.Append(Hole);
                return false;
            }

            private static IOperation Unwrap(IOperation operation)
            {
                while (operation is IConversionOperation { IsImplicit: true } conversion)
                {
                    operation = conversion.Operand;
                }

                return operation;
            }

            /// <summary>A <c>const</c> field or local of this compilation, named alone: its value is judged where it is declared.</summary>
            private static bool IsConstantOfThisCompilation(IOperation value)
            {
                value = Unwrap(value);
                return value is ILocalReferenceOperation { Local.IsConst: true } ||
                       (value is IFieldReferenceOperation { Field: { IsConst: true } constant } && !constant.Locations.IsEmpty && constant.Locations[0].IsInSource);
            }

            /// <summary>
            /// The whole value (no run-time part) reads as one address or host: <c>https://api.openai.com/v1</c>,
            /// <c>//api.openai.com</c>, <c>api.openai.com</c>, <c>api.openai.com/v1</c>; not a sentence or a value that
            /// merely holds one (<c>"Calling https://api.openai.com/v1 now"</c>, <c>"key=https://…"</c>).
            /// </summary>
            private static bool IsWholeAddress(string value)
            {
                string v = value.Trim();
                if (v.Length == 0 || v.IndexOf(HoleMark) >= 0)
                {
                    return false;
                }

                foreach (char c in v)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        return false;
                    }
                }

                int scheme = v.IndexOf("://", StringComparison.Ordinal);
                if (scheme < 0)
                {
                    return true; // a host (TryExtractHost found one), a network path, a host with a path
                }

                if (scheme == 0 || !((v[0] | 0x20) >= 'a' && (v[0] | 0x20) <= 'z'))
                {
                    return false;
                }

                for (int i = 1; i < scheme; i++)
                {
                    char c = v[i];
                    if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsAddressName(string name)
            {
                foreach (string word in AddressWords)
                {
                    if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
