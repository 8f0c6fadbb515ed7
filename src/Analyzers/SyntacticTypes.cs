using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>What a receiver expression stands for, as far as <see cref="SyntacticTypes"/> can tell without binding code.</summary>
    internal readonly struct Resolved
    {
        public static readonly Resolved Unknown = new Resolved(ResolvedKind.Unknown, null);

        public Resolved(ResolvedKind kind, ISymbol? symbol)
        {
            Kind = kind;
            Symbol = symbol;
        }

        public ResolvedKind Kind { get; }

        /// <summary>The value's type (<see cref="ResolvedKind.Value"/>), the type (<see cref="ResolvedKind.Type"/>) or the namespace.</summary>
        public ISymbol? Symbol { get; }

        public ITypeSymbol? Type => Symbol as ITypeSymbol;

        public static Resolved Value(ITypeSymbol? type) => type == null || type.TypeKind == TypeKind.Error ? Unknown : new Resolved(ResolvedKind.Value, type);
    }

    internal enum ResolvedKind
    {
        /// <summary>Only the compiler can tell: bind.</summary>
        Unknown,

        /// <summary>A value of <see cref="Resolved.Type"/>.</summary>
        Value,

        /// <summary>A type name (static members and nested types).</summary>
        Type,

        /// <summary>A namespace name.</summary>
        Namespace,
    }

    /// <summary>Members named like a use, as C# member lookup finds them on a type (overrides are not candidates).</summary>
    internal readonly struct MemberLookup
    {
        public MemberLookup(bool known, IReadOnlyList<ISymbol> members)
        {
            Known = known;
            Members = members;
        }

        /// <summary>False when only the compiler can tell (a type parameter, dynamic, an overload the syntax cannot pick).</summary>
        public bool Known { get; }

        /// <summary>The candidates: one for a field, property, event or a single applicable method; several for overloads.</summary>
        public IReadOnlyList<ISymbol> Members { get; }
    }

    /// <summary>
    /// The type of an expression from declarations alone, without binding any method body: locals and parameters by their
    /// declared type (a <c>var</c> by its initializer), fields, properties and method return types by the symbols of the
    /// types that declare them, type names by speculative binding at the enclosing type's declaration (which resolves
    /// usings, aliases, nested types and type parameters as the use site would). Anything it cannot be sure of is
    /// <see cref="Resolved.Unknown"/>, and the caller asks the compiler. One instance per syntax tree.
    /// </summary>
    internal sealed class SyntacticTypes
    {
        private const int MaximumDepth = 8;

        private SemanticModel _model;
        private CancellationToken _cancellationToken;
        private readonly Dictionary<KeyValuePair<int, string>, ISymbol?> _typeNames = new Dictionary<KeyValuePair<int, string>, ISymbol?>(PositionedNameComparer.Instance);
        private readonly Dictionary<SyntaxNode, INamedTypeSymbol?> _declaredTypes = new Dictionary<SyntaxNode, INamedTypeSymbol?>();
        private readonly Dictionary<SyntaxNode, List<KeyValuePair<string, LocalDeclaration>>> _locals = new Dictionary<SyntaxNode, List<KeyValuePair<string, LocalDeclaration>>>();
        private readonly Stack<List<KeyValuePair<string, LocalDeclaration>>> _freeTables = new Stack<List<KeyValuePair<string, LocalDeclaration>>>();
        private readonly Stack<SyntaxNode> _walk = new Stack<SyntaxNode>();

        private SharedTypeLookups? _shared;
        private readonly System.Func<BaseTypeDeclarationSyntax, INamedTypeSymbol?> _declaredType;
        private readonly Dictionary<SyntaxNode, SharedTypeLookups.Scope> _scopes = new Dictionary<SyntaxNode, SharedTypeLookups.Scope>();
        private readonly Dictionary<ExpressionSyntax, Resolved> _resolved = new Dictionary<ExpressionSyntax, Resolved>();

        /// <summary>
        /// A plain name that its member declares no local, parameter or range variable of, resolved through the enclosing
        /// types' members: the same at every use in that member (<c>_client.A()</c>, <c>_client.B</c>, <c>_client.C()</c>),
        /// so resolved once per (member, name).
        /// </summary>
        private readonly Dictionary<KeyValuePair<SyntaxNode, string>, Resolved> _memberNames = new Dictionary<KeyValuePair<SyntaxNode, string>, Resolved>(OwnedNameComparer.Instance);

        /// <summary>The tree's text, read when a member's text is first searched (<see cref="MayDeclare"/>).</summary>
        private string? _text;

        /// <param name="shared">What other trees of the compilation already found (type names at namespace level, member lookups).</param>
        public SyntacticTypes(SemanticModel model, CancellationToken cancellationToken, SharedTypeLookups? shared = null)
        {
            _model = model;
            _cancellationToken = cancellationToken;
            _shared = shared;
            _declaredType = DeclaredType;
        }

        /// <summary>
        /// The same instance for another tree (the caller keeps one per thread, so that the tables below keep their
        /// capacity from file to file instead of being made again); <c>null</c> drops every reference to the last tree.
        /// </summary>
        public void Reset(SemanticModel? model, CancellationToken cancellationToken, SharedTypeLookups? shared)
        {
            _model = model!;
            _cancellationToken = cancellationToken;
            _shared = shared;
            _typeNames.Clear();
            _declaredTypes.Clear();
            foreach (List<KeyValuePair<string, LocalDeclaration>> table in _locals.Values)
            {
                table.Clear();
                _freeTables.Push(table);
            }

            _locals.Clear();
            _scopes.Clear();
            _resolved.Clear();
            _memberNames.Clear();
            _text = null;
        }

        private sealed class PositionedNameComparer : IEqualityComparer<KeyValuePair<int, string>>
        {
            public static readonly PositionedNameComparer Instance = new PositionedNameComparer();

            public bool Equals(KeyValuePair<int, string> x, KeyValuePair<int, string> y) => x.Key == y.Key && string.Equals(x.Value, y.Value, System.StringComparison.Ordinal);

            public int GetHashCode(KeyValuePair<int, string> key) => unchecked((key.Key * 397) ^ System.StringComparer.Ordinal.GetHashCode(key.Value));
        }

        private sealed class OwnedNameComparer : IEqualityComparer<KeyValuePair<SyntaxNode, string>>
        {
            public static readonly OwnedNameComparer Instance = new OwnedNameComparer();

            public bool Equals(KeyValuePair<SyntaxNode, string> x, KeyValuePair<SyntaxNode, string> y) => ReferenceEquals(x.Key, y.Key) && string.Equals(x.Value, y.Value, System.StringComparison.Ordinal);

            public int GetHashCode(KeyValuePair<SyntaxNode, string> key) => unchecked((System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Key) * 397) ^ System.StringComparer.Ordinal.GetHashCode(key.Value));
        }

        /// <summary>A type (or namespace) written in source, bound as a name at its enclosing type's declaration.</summary>
        public ISymbol? BindTypeName(SyntaxNode name) => BindTypeName(name, null);

        /// <summary>
        /// <paramref name="text"/> (or, when null, the text of <paramref name="name"/>) bound as a type or namespace name
        /// where <paramref name="name"/> is written.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public ISymbol? BindTypeName(SyntaxNode name, string? text)
        {
            // A method's or local function's type parameter is not visible at the type's declaration.
            if (name is IdentifierNameSyntax identifier && IsMethodTypeParameter(identifier))
            {
                return null;
            }

            // Top-level statements are the body of a method the compiler makes up: bind the name where it is written.
            if (name.Parent != null && name.FirstAncestorOrSelf<GlobalStatementSyntax>() != null)
            {
                SymbolInfo inPlace = _model.GetSymbolInfo(name, _cancellationToken);
                ISymbol? found = inPlace.Symbol ?? (inPlace.CandidateSymbols.Length == 1 ? inPlace.CandidateSymbols[0] : null);
                found = found is IAliasSymbol inPlaceAlias ? inPlaceAlias.Target : found;
                return found is ITypeSymbol { TypeKind: TypeKind.Error } ? null : found;
            }

            // A plain identifier's text is the token's own string (no new string per name).
            text ??= name is IdentifierNameSyntax plain && !plain.Identifier.IsVerbatimIdentifier() ? plain.Identifier.Text : name.ToString();
            int position = ScopePosition(name);
            var positioned = new KeyValuePair<int, string>(position, text);
            if (_typeNames.TryGetValue(positioned, out ISymbol? cached))
            {
                return cached;
            }

            UsingDirectiveSyntax? fileAlias = null;
            SharedName? sharedKey = _shared?.TypeNameKey(name, text, _declaredType, _scopes, out fileAlias);
            if (sharedKey != null && _shared!.TryGetTypeName(sharedKey.Value, out ISymbol? shared))
            {
                _typeNames[positioned] = shared;
                return shared;
            }

            ISymbol? symbol;
            if (fileAlias != null)
            {
                // The file's own alias, which nothing here can hide: its target, bound once per compilation.
                symbol = _shared!.UsingTarget(fileAlias, fileAlias.NamespaceOrType, _model, _cancellationToken);
                sharedKey = null; // the alias's name is the file's own: not shared under it
            }
            else
            {
                TypeSyntax parsed = ParseName(text);
                SymbolInfo info = _model.GetSpeculativeSymbolInfo(position, parsed, SpeculativeBindingOption.BindAsTypeOrNamespace);
                symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            }

            if (symbol is IAliasSymbol alias)
            {
                symbol = alias.Target;
            }

            if (symbol is ITypeSymbol { TypeKind: TypeKind.Error })
            {
                symbol = null;
            }

            _typeNames[positioned] = symbol;
            if (sharedKey != null)
            {
                _shared!.AddTypeName(sharedKey.Value, symbol);
            }

            return symbol;
        }

        /// <summary>
        /// <paramref name="text"/> as a type name to bind speculatively. A plain (dotted) name is built as the parser would
        /// build it, without a parser per name; anything else is parsed.
        /// </summary>
        internal static TypeSyntax ParseName(string text)
        {
            NameSyntax? result = null;
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != '.')
                {
                    continue;
                }

                string part = text.Substring(start, i - start);
                if (!IsPlainIdentifier(part))
                {
                    return SyntaxFactory.ParseTypeName(text);
                }

                IdentifierNameSyntax identifier = SyntaxFactory.IdentifierName(part);
                result = result == null ? identifier : SyntaxFactory.QualifiedName(result, identifier);
                start = i + 1;
            }

            return result ?? SyntaxFactory.ParseTypeName(text);
        }

        /// <summary>Letters, digits and underscores, not starting with a digit, and no keyword (not even a contextual one).</summary>
        private static bool IsPlainIdentifier(string part)
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(part) == SyntaxKind.None;
        }

        /// <summary>The symbol of the type declared by <paramref name="declaration"/> (declarations are cheap to ask about).</summary>
        public INamedTypeSymbol? DeclaredType(BaseTypeDeclarationSyntax declaration)
        {
            if (!_declaredTypes.TryGetValue(declaration, out INamedTypeSymbol? type))
            {
                type = _model.GetDeclaredSymbol(declaration, _cancellationToken);
                _declaredTypes[declaration] = type;
            }

            return type;
        }

        /// <summary>The instance constructors of <paramref name="type"/>, shared by the trees of the compilation when a cache is.</summary>
        public ImmutableArray<IMethodSymbol> InstanceConstructors(INamedTypeSymbol type) => _shared != null ? _shared.InstanceConstructors(type) : type.InstanceConstructors;

        /// <summary>What <paramref name="expression"/> stands for: a value of some type, a type, a namespace, or unknown.</summary>
        public Resolved Resolve(ExpressionSyntax expression) => Resolve(expression, 0);

        [MethodImpl(HotPath.Optimized)]
        private Resolved Resolve(ExpressionSyntax expression, int depth)
        {
            if (depth > MaximumDepth)
            {
                return Resolved.Unknown;
            }

            // A chain `a.B().C().D()` has a site per member, each resolving its receiver: resolve each receiver once.
            if (_resolved.TryGetValue(expression, out Resolved known))
            {
                return known;
            }

            Resolved resolved = ResolveUncached(expression, depth);
            if (resolved.Kind != ResolvedKind.Unknown)
            {
                _resolved[expression] = resolved; // unknown may be the depth limit: not kept
            }

            return resolved;
        }

        [MethodImpl(HotPath.Optimized)]
        private Resolved ResolveUncached(ExpressionSyntax expression, int depth)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Resolve(parenthesized.Expression, depth + 1);
                case PostfixUnaryExpressionSyntax suppress when suppress.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    return Resolve(suppress.Operand, depth + 1);
                case CastExpressionSyntax cast:
                    return Resolved.Value(BindTypeName(cast.Type) as ITypeSymbol);
                case BinaryExpressionSyntax asExpression when asExpression.IsKind(SyntaxKind.AsExpression):
                    return Resolved.Value(BindTypeName(asExpression.Right) as ITypeSymbol);
                case ObjectCreationExpressionSyntax creation:
                    return Resolved.Value(BindTypeName(creation.Type) as ITypeSymbol);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return Resolved.Value(_model.Compilation.GetSpecialType(SpecialType.System_String));
                case InterpolatedStringExpressionSyntax _:
                    return Resolved.Value(_model.Compilation.GetSpecialType(SpecialType.System_String));
                case AwaitExpressionSyntax awaited:
                    Resolved task = Resolve(awaited.Expression, depth + 1);
                    return task.Kind == ResolvedKind.Value ? Resolved.Value(AwaitedType(task.Type!)) : Resolved.Unknown;
                case ThisExpressionSyntax _:
                    return Resolved.Value(ContainingType(expression));
                case BaseExpressionSyntax _:
                    return Resolved.Value(ContainingType(expression)?.BaseType);
                case IdentifierNameSyntax identifier:
                    return ResolveIdentifier(identifier, depth);
                case GenericNameSyntax generic:
                    // A generic type used as a receiver (`Factory<T>.Make()`); a generic method is not a value.
                    return BindTypeName(generic) is ITypeSymbol genericType ? new Resolved(ResolvedKind.Type, genericType) : Resolved.Unknown;
                case AliasQualifiedNameSyntax aliasQualified:
                    return AsTypeOrNamespace(BindTypeName(aliasQualified));
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    return ResolveMemberAccess(access, depth);
                case MemberBindingExpressionSyntax binding:
                    return ResolveMember(ConditionalReceiver(binding), binding.Name, invocation: null, depth);
                case InvocationExpressionSyntax invocation:
                    return ResolveInvocation(invocation, depth);
                case ElementAccessExpressionSyntax element:
                    Resolved collection = Resolve(element.Expression, depth + 1);
                    if (collection.Kind != ResolvedKind.Value)
                    {
                        return Resolved.Unknown;
                    }

                    if (collection.Type is IArrayTypeSymbol array)
                    {
                        return Resolved.Value(array.ElementType);
                    }

                    MemberLookup indexers = LookupMember(collection.Type!, "this[]", element.ArgumentList.Arguments.Count);
                    return indexers.Known && indexers.Members.Count == 1 && indexers.Members[0] is IPropertySymbol indexer ? Resolved.Value(indexer.Type) : Resolved.Unknown;
                default:
                    return Resolved.Unknown;
            }
        }

        /// <summary>The expression a member binding (<c>?.Name</c>) is applied to.</summary>
        public static ExpressionSyntax? ConditionalReceiver(MemberBindingExpressionSyntax binding)
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

        private Resolved ResolveMemberAccess(MemberAccessExpressionSyntax access, int depth)
        {
            // `OpenAI.Chat.ChatClient` as a receiver: a dotted name whose leftmost part is no local, parameter or member.
            if (IsDottedName(access, out IdentifierNameSyntax? leftmost) && (leftmost == null || ResolveIdentifier(leftmost, depth + 1).Kind == ResolvedKind.Namespace))
            {
                ISymbol? named = BindTypeName(access);
                if (named != null)
                {
                    return AsTypeOrNamespace(named);
                }
            }

            return ResolveMember(access.Expression, access.Name, invocation: null, depth);
        }

        private Resolved ResolveInvocation(InvocationExpressionSyntax invocation, int depth)
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    return ResolveMember(access.Expression, access.Name, invocation, depth);
                case MemberBindingExpressionSyntax binding:
                    return ResolveMember(ConditionalReceiver(binding), binding.Name, invocation, depth);
                case SimpleNameSyntax name:
                    INamedTypeSymbol? containing = ContainingType(invocation);
                    if (containing == null || FindLocal(name, name.Identifier.ValueText).Found)
                    {
                        return Resolved.Unknown;
                    }

                    return ReturnOrMemberType(ImplicitMember(containing, name.Identifier.ValueText, invocation.ArgumentList.Arguments.Count), name, true);
                default:
                    return Resolved.Unknown;
            }
        }

        /// <summary>The value of <c>receiver.name</c> (or <c>receiver.name(…)</c>).</summary>
        private Resolved ResolveMember(ExpressionSyntax? receiver, SimpleNameSyntax name, InvocationExpressionSyntax? invocation, int depth)
        {
            if (receiver == null)
            {
                return Resolved.Unknown;
            }

            Resolved owner = Resolve(receiver, depth + 1);
            if ((owner.Kind != ResolvedKind.Value && owner.Kind != ResolvedKind.Type) || owner.Type == null)
            {
                return Resolved.Unknown;
            }

            MemberLookup lookup = LookupMember(owner.Type, name.Identifier.ValueText, invocation?.ArgumentList.Arguments.Count);
            if (owner.Kind == ResolvedKind.Type && invocation == null && lookup.Known && lookup.Members.Count == 0)
            {
                // A nested type: `Outer.Inner.Member`.
                INamedTypeSymbol? nested = (owner.Type as INamedTypeSymbol)?.GetTypeMembers(name.Identifier.ValueText).FirstOrDefault();
                return nested != null ? new Resolved(ResolvedKind.Type, nested) : Resolved.Unknown;
            }

            return ReturnOrMemberType(lookup, name, invocation != null);
        }

        private Resolved ReturnOrMemberType(MemberLookup lookup, SimpleNameSyntax name, bool invoked)
        {
            if (!lookup.Known || lookup.Members.Count == 0)
            {
                return Resolved.Unknown;
            }

            ITypeSymbol? type = null;
            foreach (ISymbol member in lookup.Members)
            {
                ITypeSymbol? memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    IEventSymbol e => e.Type,
                    IMethodSymbol method when invoked => ReturnType(method, name),
                    _ => null,
                };

                if (memberType == null || (type != null && !SymbolEqualityComparer.Default.Equals(type, memberType)))
                {
                    return Resolved.Unknown;
                }

                type = memberType;
            }

            if (invoked && !(lookup.Members[0] is IMethodSymbol))
            {
                return Resolved.Unknown; // a delegate-typed member invoked: its Invoke's return type; rare, leave it to the compiler
            }

            return Resolved.Value(type);
        }

        private ITypeSymbol? ReturnType(IMethodSymbol method, SimpleNameSyntax name)
        {
            if (!method.IsGenericMethod)
            {
                return method.ReturnsVoid ? null : method.ReturnType;
            }

            if (name is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Count == method.TypeParameters.Length)
            {
                var arguments = new ITypeSymbol[method.TypeParameters.Length];
                for (int i = 0; i < arguments.Length; i++)
                {
                    if (!(BindTypeName(generic.TypeArgumentList.Arguments[i]) is ITypeSymbol argument))
                    {
                        return null;
                    }

                    arguments[i] = argument;
                }

                return method.Construct(arguments).ReturnType;
            }

            // Inferred type arguments: known only when the return type does not mention them.
            return MentionsTypeParameter(method.ReturnType, method) ? null : method.ReturnType;
        }

        private static bool MentionsTypeParameter(ITypeSymbol type, IMethodSymbol method)
        {
            switch (type)
            {
                case ITypeParameterSymbol parameter:
                    return SymbolEqualityComparer.Default.Equals(parameter.DeclaringMethod, method);
                case IArrayTypeSymbol array:
                    return MentionsTypeParameter(array.ElementType, method);
                case INamedTypeSymbol named:
                    return named.TypeArguments.Any(a => MentionsTypeParameter(a, method));
                default:
                    return false;
            }
        }

        /// <summary>The type produced by awaiting a value of <paramref name="type"/> (<c>Task&lt;T&gt;</c> → T), via GetAwaiter().GetResult().</summary>
        private ITypeSymbol? AwaitedType(ITypeSymbol type)
        {
            MemberLookup awaiter = LookupMember(type, "GetAwaiter", 0);
            if (!awaiter.Known || awaiter.Members.Count != 1 || !(awaiter.Members[0] is IMethodSymbol getAwaiter))
            {
                return null;
            }

            MemberLookup result = LookupMember(getAwaiter.ReturnType, "GetResult", 0);
            return result.Known && result.Members.Count == 1 && result.Members[0] is IMethodSymbol { ReturnsVoid: false } getResult ? getResult.ReturnType : null;
        }

        /// <summary>The element type of <c>foreach</c> over a value of <paramref name="type"/>.</summary>
        public ITypeSymbol? ElementType(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            MemberLookup enumerator = LookupMember(type, "GetEnumerator", 0);
            if (!enumerator.Known || enumerator.Members.Count != 1 || !(enumerator.Members[0] is IMethodSymbol getEnumerator))
            {
                return null;
            }

            MemberLookup current = LookupMember(getEnumerator.ReturnType, "Current", null);
            return current.Known && current.Members.Count == 1 && current.Members[0] is IPropertySymbol property ? property.Type : null;
        }

        /// <summary>
        /// Members named <paramref name="name"/> found on <paramref name="type"/>, as C# member lookup finds them: the most
        /// derived type that declares one (overrides are not candidates: the compiler binds to the member they override);
        /// for an invocation (<paramref name="argumentCount"/> set), the methods whose parameter count admits the arguments,
        /// looking further up when none does. Known and empty when nothing has the name.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public MemberLookup LookupMember(ITypeSymbol type, string name, int? argumentCount)
        {
            if (_shared != null && _shared.TryGetMembers(type, name, argumentCount, out MemberLookup cached))
            {
                return cached;
            }

            MemberLookup found = LookupMemberUncached(type, name, argumentCount);
            _shared?.AddMembers(type, name, argumentCount, found);
            return found;
        }

        private static MemberLookup LookupMemberUncached(ITypeSymbol type, string name, int? argumentCount)
        {
            if (type is ITypeParameterSymbol || type.TypeKind == TypeKind.Error || type.TypeKind == TypeKind.Dynamic || type is IPointerTypeSymbol)
            {
                return new MemberLookup(false, System.Array.Empty<ISymbol>());
            }

            if (type.TypeKind == TypeKind.Interface)
            {
                MemberLookup? inInterface = LookupIn(type, name, argumentCount);
                if (inInterface != null)
                {
                    return inInterface.Value;
                }

                foreach (INamedTypeSymbol inherited in type.AllInterfaces)
                {
                    MemberLookup? inInherited = LookupIn(inherited, name, argumentCount);
                    if (inInherited != null)
                    {
                        return inInherited.Value;
                    }
                }
            }
            else
            {
                for (ITypeSymbol? current = type; current != null; current = current.BaseType)
                {
                    MemberLookup? inType = LookupIn(current, name, argumentCount);
                    if (inType != null)
                    {
                        return inType.Value;
                    }
                }
            }

            return new MemberLookup(true, System.Array.Empty<ISymbol>());
        }

        /// <summary>What lookup finds in <paramref name="candidate"/> itself; null to look further up.</summary>
        private static MemberLookup? LookupIn(ITypeSymbol candidate, string name, int? argumentCount)
        {
            {
                List<ISymbol>? found = null;
                foreach (ISymbol member in candidate.GetMembers(name))
                {
                    if (member.IsOverride || member.IsImplicitlyDeclared || member is ITypeSymbol || (member is IMethodSymbol method && method.MethodKind != MethodKind.Ordinary))
                    {
                        continue;
                    }

                    (found ??= new List<ISymbol>()).Add(member);
                }

                if (found == null)
                {
                    return null;
                }

                bool anyMethod = false;
                foreach (ISymbol member in found)
                {
                    anyMethod |= member is IMethodSymbol;
                }

                if (argumentCount == null || !anyMethod)
                {
                    return new MemberLookup(true, found); // no method, or no call: every member found
                }

                // The members that can take that many arguments, kept in place (no predicate delegate per lookup).
                int kept = 0;
                for (int i = 0; i < found.Count; i++)
                {
                    if (found[i] is IMethodSymbol method && Admits(method, argumentCount.Value))
                    {
                        found[kept++] = found[i];
                    }
                }

                found.RemoveRange(kept, found.Count - kept);
                return found.Count > 0 ? new MemberLookup(true, found) : (MemberLookup?)null;
            }
        }

        /// <summary>True when <paramref name="method"/> can take <paramref name="arguments"/> arguments (optional and params parameters counted).</summary>
        public static bool Admits(IMethodSymbol method, int arguments)
        {
            int required = 0;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                required += !parameter.IsOptional && !parameter.IsParams ? 1 : 0;
            }

            bool isParams = method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams;
            return arguments >= required && (isParams || arguments <= method.Parameters.Length);
        }

        /// <summary>A name with no receiver: a member of the enclosing types (or their bases), innermost first.</summary>
        public MemberLookup ImplicitMember(INamedTypeSymbol containing, string name, int? argumentCount)
        {
            for (INamedTypeSymbol? type = containing; type != null; type = type.ContainingType)
            {
                MemberLookup lookup = LookupMember(type, name, argumentCount);
                if (!lookup.Known || lookup.Members.Count > 0)
                {
                    return lookup;
                }
            }

            return new MemberLookup(false, System.Array.Empty<ISymbol>()); // `using static`, top-level statements: ask the compiler
        }

        [MethodImpl(HotPath.Optimized)]
        private Resolved ResolveIdentifier(IdentifierNameSyntax identifier, int depth)
        {
            string name = identifier.Identifier.ValueText;
            SyntaxNode? owner = LocalOwner(identifier);
            var owned = new KeyValuePair<SyntaxNode, string>(owner!, name);
            if (owner != null && _memberNames.TryGetValue(owned, out Resolved known))
            {
                return known;
            }

            LocalLookup local = FindLocal(identifier, owner, name, out bool undeclared);
            if (local.Found)
            {
                return local.Resolve(this, depth);
            }

            // What the enclosing types' members make of the name does not depend on where in a member it is written (a
            // member's code has one innermost type), so a member that declares nothing of the name keeps it. Not for
            // the code of a type with a primary constructor (its base list and its nested types' base lists differ).
            bool keep = undeclared && !(owner is BaseTypeDeclarationSyntax) && !(owner is CompilationUnitSyntax);
            INamedTypeSymbol? containing = ContainingType(identifier);
            if (containing != null)
            {
                for (INamedTypeSymbol? type = containing; type != null; type = type.ContainingType)
                {
                    MemberLookup lookup = LookupMember(type, name, null);
                    if (!lookup.Known)
                    {
                        if (keep)
                        {
                            _memberNames[owned] = Resolved.Unknown;
                        }

                        return Resolved.Unknown;
                    }

                    if (lookup.Members.Count > 0)
                    {
                        Resolved value = ReturnOrMemberType(lookup, identifier, invoked: false);

                        // `Color Color`: a member named like its type may stand for the type.
                        value = value.Kind == ResolvedKind.Value && value.Type!.Name == name ? Resolved.Unknown : value;
                        if (keep)
                        {
                            _memberNames[owned] = value;
                        }

                        return value;
                    }

                    if (_shared != null ? _shared.NestedTypeNames(type)?.Contains(name) == true : type.GetTypeMembers(name).Length > 0)
                    {
                        break; // a nested type: bound as a name below
                    }
                }
            }

            ISymbol? symbol = BindTypeName(identifier);
            return symbol == null ? Resolved.Unknown : AsTypeOrNamespace(symbol);
        }

        private static Resolved AsTypeOrNamespace(ISymbol? symbol) => symbol switch
        {
            ITypeSymbol type => new Resolved(ResolvedKind.Type, type),
            INamespaceSymbol ns => new Resolved(ResolvedKind.Namespace, ns),
            _ => Resolved.Unknown,
        };

        /// <summary>`A.B.C` made only of names (leftmost set when it is a plain identifier, null for `global::`).</summary>
        private static bool IsDottedName(ExpressionSyntax expression, out IdentifierNameSyntax? leftmost)
        {
            leftmost = null;
            while (expression is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax)
            {
                expression = access.Expression;
            }

            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    leftmost = identifier;
                    return true;
                case AliasQualifiedNameSyntax _:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The type whose code <paramref name="node"/> is in.</summary>
        [MethodImpl(HotPath.Optimized)]
        public INamedTypeSymbol? ContainingType(SyntaxNode node)
        {
            BaseTypeDeclarationSyntax? declaration = node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
            return declaration == null ? null : DeclaredType(declaration);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsMethodTypeParameter(IdentifierNameSyntax identifier)
        {
            string name = identifier.Identifier.ValueText;
            for (SyntaxNode? node = identifier.Parent; node != null; node = node.Parent)
            {
                TypeParameterListSyntax? parameters = node switch
                {
                    MethodDeclarationSyntax method => method.TypeParameterList,
                    LocalFunctionStatementSyntax local => local.TypeParameterList,
                    DelegateDeclarationSyntax d => d.TypeParameterList,
                    _ => null,
                };

                if (parameters != null)
                {
                    foreach (TypeParameterSyntax parameter in parameters.Parameters)
                    {
                        if (parameter.Identifier.ValueText == name)
                        {
                            return true;
                        }
                    }
                }

                if (node is BaseTypeDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Where a type name written at <paramref name="node"/> is bound: inside the body of the innermost enclosing type
        /// (its nested types and type parameters are visible), else in the namespace or file (usings and aliases).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static int ScopePosition(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseTypeDeclarationSyntax type:
                        if (type.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken) && !type.OpenBraceToken.IsMissing && type.OpenBraceToken.Span.End <= node.SpanStart)
                        {
                            return type.OpenBraceToken.FullSpan.End;
                        }

                        continue; // the base list, or a type with no body: bound where the type is declared
                    case BaseNamespaceDeclarationSyntax ns:
                        // After the namespace's own usings (they are in scope inside it, not at its opening token).
                        return ns.Usings.Count > 0 ? ns.Usings[ns.Usings.Count - 1].FullSpan.End
                            : ns is NamespaceDeclarationSyntax block ? block.OpenBraceToken.FullSpan.End
                            : ((FileScopedNamespaceDeclarationSyntax)ns).SemicolonToken.FullSpan.End;
                    case CompilationUnitSyntax unit:
                        return unit.Usings.Count > 0 ? unit.Usings[unit.Usings.Count - 1].FullSpan.End
                            : unit.Externs.Count > 0 ? unit.Externs[unit.Externs.Count - 1].FullSpan.End
                            : 0;
                }
            }

            return 0;
        }

        /// <summary>True when <paramref name="name"/> names a local, parameter, range variable or local function where it is written.</summary>
        public bool IsLocal(SimpleNameSyntax name) => FindLocal(name, name.Identifier.ValueText).Found;

        /// <summary>The local, parameter, range variable or pattern variable that <paramref name="name"/> names at <paramref name="use"/>.</summary>
        private LocalLookup FindLocal(SyntaxNode use, string name) => FindLocal(use, LocalOwner(use), name, out _);

        /// <param name="owner">The member whose locals can be in scope at <paramref name="use"/> (<see cref="LocalOwner"/>).</param>
        /// <param name="undeclared">Set when <paramref name="owner"/> declares no local, parameter or range variable of that name anywhere.</param>
        [MethodImpl(HotPath.Optimized)]
        private LocalLookup FindLocal(SyntaxNode use, SyntaxNode? owner, string name, out bool undeclared)
        {
            undeclared = false;
            if (owner == null)
            {
                return default;
            }

            if (!_locals.TryGetValue(owner, out List<KeyValuePair<string, LocalDeclaration>>? table))
            {
                if (!(owner is TypeDeclarationSyntax) && !MayDeclare(owner, name))
                {
                    undeclared = true;
                    return PrimaryConstructorParameter(owner, name); // the member declares nothing of that name: no walk
                }

                table = _freeTables.Count > 0 ? _freeTables.Pop() : new List<KeyValuePair<string, LocalDeclaration>>();
                CollectLocals(owner, table, _walk);
                _locals[owner] = table;
            }

            LocalDeclaration? best = null;
            bool ambiguous = false;
            bool named = false;
            foreach (KeyValuePair<string, LocalDeclaration> entry in table)
            {
                if (!string.Equals(entry.Key, name, System.StringComparison.Ordinal))
                {
                    continue;
                }

                named = true;
                LocalDeclaration candidate = entry.Value;
                if (!candidate.Scope.Span.Contains(use.SpanStart))
                {
                    continue;
                }

                if (best == null || candidate.Scope.Span.Length < best.Scope.Span.Length)
                {
                    best = candidate;
                    ambiguous = false;
                }
                else if (candidate.Scope.Span.Length == best.Scope.Span.Length)
                {
                    ambiguous = true;
                }
            }

            if (!named)
            {
                undeclared = true;
                return PrimaryConstructorParameter(owner, name);
            }

            return best == null ? default : new LocalLookup(ambiguous ? null : best);
        }

        /// <summary>A primary constructor's parameter named <paramref name="name"/>, visible in every member of its type.</summary>
        private static LocalLookup PrimaryConstructorParameter(SyntaxNode owner, string name)
        {
            if (owner.Parent is TypeDeclarationSyntax { ParameterList: { } primary } type)
            {
                foreach (ParameterSyntax parameter in primary.Parameters)
                {
                    if (parameter.Identifier.ValueText == name)
                    {
                        return new LocalLookup(new LocalDeclaration(type, parameter.Type, null, false));
                    }
                }
            }

            return default;
        }

        /// <summary>
        /// False when nothing in <paramref name="owner"/> can declare a local called <paramref name="name"/>: its text holds
        /// the name only where an identifier token of that name is a name used (not a declarator, parameter, designation,
        /// range variable or local function). Then the member's locals need not be collected for this name: a member
        /// whose only SDK hit is a field or a type (<c>_client.CompleteChat(…)</c>, <c>Chat.Create(…)</c>) is not walked.
        /// <c>value</c> (declared by an accessor, with no text) and a member whose text has a unicode escape (an
        /// identifier spelled otherwise) always are.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool MayDeclare(SyntaxNode owner, string name)
        {
            if (name.Length == 0 || name == "value")
            {
                return true;
            }

            string text = _text ??= TreeText.Of(_model.SyntaxTree, _cancellationToken);
            TextSpan span = owner.Span;
            if (span.End > text.Length || text.IndexOf("\\u", span.Start, span.Length, System.StringComparison.Ordinal) >= 0 ||
                text.IndexOf("\\U", span.Start, span.Length, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            SyntaxNode near = owner;
            for (int at = text.IndexOf(name, span.Start, span.Length, System.StringComparison.Ordinal); at >= 0;
                 at = at + 1 < span.End ? text.IndexOf(name, at + 1, span.End - at - 1, System.StringComparison.Ordinal) : -1)
            {
                SyntaxToken token = StringValueSyntax.FindTokenNear(ref near, at);
                if (token.IsKind(SyntaxKind.IdentifierToken) && !(token.Parent is SimpleNameSyntax) && token.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member (or the file, for top-level statements) whose locals can be in scope at <paramref name="use"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static SyntaxNode? LocalOwner(SyntaxNode use)
        {
            for (SyntaxNode? node = use.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case GlobalStatementSyntax _:
                        return node.Parent;
                    case BaseMethodDeclarationSyntax _:
                    case BasePropertyDeclarationSyntax _:
                    case BaseFieldDeclarationSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return node;
                    case BaseTypeDeclarationSyntax type:
                        return type is TypeDeclarationSyntax { ParameterList: { } } ? node : null;
                }
            }

            return null;
        }

        /// <summary>
        /// Every local, parameter, range and pattern variable, local function and <c>value</c> declared in
        /// <paramref name="owner"/> (not in a nested type), with its name, into <paramref name="table"/>: one walk per member
        /// with a stack the caller keeps, and one flat list (a member declares few names).
        /// </summary>
        private static void CollectLocals(SyntaxNode owner, List<KeyValuePair<string, LocalDeclaration>> table, Stack<SyntaxNode> walk)
        {
            void Add(SyntaxToken identifier, SyntaxNode scope, TypeSyntax? type, ExpressionSyntax? initializer, bool element = false) =>
                AddNamed(identifier.ValueText, scope, type, initializer, element);

            void AddNamed(string name, SyntaxNode scope, TypeSyntax? type, ExpressionSyntax? initializer, bool element = false) =>
                table.Add(new KeyValuePair<string, LocalDeclaration>(name, new LocalDeclaration(scope, type, initializer, element)));

            if (owner is TypeDeclarationSyntax withParameters)
            {
                foreach (ParameterSyntax parameter in withParameters.ParameterList!.Parameters)
                {
                    Add(parameter.Identifier, owner, parameter.Type, null);
                }

                return;
            }

            walk.Clear();
            walk.Push(owner);
            while (walk.Count > 0)
            {
                SyntaxNode node = walk.Pop();
                if (!(node is BaseTypeDeclarationSyntax) || node == owner)
                {
                    foreach (SyntaxNodeOrToken child in node.ChildNodesAndTokens())
                    {
                        if (child.IsNode)
                        {
                            walk.Push(child.AsNode()!);
                        }
                    }
                }

                switch (node)
                {
                    case VariableDeclaratorSyntax declarator when declarator.Parent is VariableDeclarationSyntax declaration && !(declaration.Parent is BaseFieldDeclarationSyntax):
                        SyntaxNode scope = declaration.Parent is LocalDeclarationStatementSyntax statement ? statement.Parent ?? statement : declaration.Parent ?? declaration;
                        Add(declarator.Identifier, scope is GlobalStatementSyntax ? scope.Parent ?? scope : scope, declaration.Type, declarator.Initializer?.Value);
                        break;
                    case ForEachStatementSyntax forEach:
                        Add(forEach.Identifier, forEach, forEach.Type, forEach.Expression, element: true);
                        break;
                    case CatchDeclarationSyntax catchDeclaration when catchDeclaration.Identifier.ValueText.Length > 0:
                        Add(catchDeclaration.Identifier, catchDeclaration.Parent ?? catchDeclaration, catchDeclaration.Type, null);
                        break;
                    case ParameterSyntax parameter when parameter.Parent != null && parameter.Identifier.ValueText.Length > 0:
                        SyntaxNode parameterScope = parameter.Parent is BaseParameterListSyntax list && list.Parent != null ? list.Parent : parameter.Parent;
                        Add(parameter.Identifier, parameterScope, parameter.Type, null);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        TypeSyntax? patternType = designation.Parent switch
                        {
                            DeclarationPatternSyntax pattern => pattern.Type,
                            RecursivePatternSyntax recursive => recursive.Type,
                            DeclarationExpressionSyntax declared when !declared.Type.IsVar => declared.Type,
                            _ => null,
                        };
                        Add(designation.Identifier, DesignationScope(designation), patternType, null);
                        break;
                    case LocalFunctionStatementSyntax localFunction:
                        Add(localFunction.Identifier, localFunction.Parent ?? localFunction, null, null);
                        break;
                    case FromClauseSyntax from:
                        Add(from.Identifier, from.Parent ?? from, null, null);
                        break;
                    case LetClauseSyntax let:
                        Add(let.Identifier, let.Parent?.Parent ?? let, null, null);
                        break;
                    case JoinClauseSyntax join:
                        Add(join.Identifier, join.Parent?.Parent ?? join, null, null);
                        break;
                    case JoinIntoClauseSyntax into:
                        Add(into.Identifier, into.Parent?.Parent?.Parent ?? into, null, null);
                        break;
                    case QueryContinuationSyntax continuation:
                        Add(continuation.Identifier, continuation.Parent ?? continuation, null, null);
                        break;
                    case AccessorDeclarationSyntax accessor when accessor.Keyword.IsKind(SyntaxKind.SetKeyword) || accessor.Keyword.IsKind(SyntaxKind.InitKeyword) || accessor.Keyword.IsKind(SyntaxKind.AddKeyword) || accessor.Keyword.IsKind(SyntaxKind.RemoveKeyword):
                        TypeSyntax? valueType = (accessor.Parent?.Parent as BasePropertyDeclarationSyntax)?.Type;
                        AddNamed("value", accessor, valueType, null);
                        break;
                }
            }
        }

        /// <summary>Where a pattern or out variable is visible: the enclosing block, switch section, lambda or expression body.</summary>
        private static SyntaxNode DesignationScope(SyntaxNode designation)
        {
            for (SyntaxNode? node = designation.Parent; node != null; node = node.Parent)
            {
                if (node is BlockSyntax || node is SwitchSectionSyntax || node is AnonymousFunctionExpressionSyntax || node is ArrowExpressionClauseSyntax ||
                    node is EqualsValueClauseSyntax || node is WhileStatementSyntax || node is ForStatementSyntax || node is ForEachStatementSyntax ||
                    node is SwitchExpressionArmSyntax || node is QueryExpressionSyntax || node is GlobalStatementSyntax)
                {
                    return node is GlobalStatementSyntax ? node.Parent ?? node : node;
                }
            }

            return designation;
        }

        private readonly struct LocalLookup
        {
            private readonly LocalDeclaration? _declaration;

            public LocalLookup(LocalDeclaration? declaration)
            {
                Found = true;
                _declaration = declaration;
            }

            public bool Found { get; }

            public Resolved Resolve(SyntacticTypes types, int depth)
            {
                LocalDeclaration? declaration = _declaration;
                if (declaration == null)
                {
                    return Resolved.Unknown;
                }

                if (declaration.Type != null && !declaration.Type.IsVar)
                {
                    return Resolved.Value(types.BindTypeName(declaration.Type) as ITypeSymbol);
                }

                if (declaration.Type == null || declaration.Initializer == null)
                {
                    return Resolved.Unknown;
                }

                Resolved initializer = types.Resolve(declaration.Initializer, depth + 1);
                if (initializer.Kind != ResolvedKind.Value)
                {
                    return Resolved.Unknown;
                }

                return declaration.IsElement ? Resolved.Value(types.ElementType(initializer.Type!)) : initializer;
            }
        }

        private sealed class LocalDeclaration
        {
            public LocalDeclaration(SyntaxNode scope, TypeSyntax? type, ExpressionSyntax? initializer, bool isElement)
            {
                Scope = scope;
                Type = type;
                Initializer = initializer;
                IsElement = isElement;
            }

            public SyntaxNode Scope { get; }

            public TypeSyntax? Type { get; }

            public ExpressionSyntax? Initializer { get; }

            public bool IsElement { get; }
        }
    }
}
