using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// What <see cref="SyntacticTypes"/> finds that does not depend on the file, shared by every tree of one compilation:
    /// <list type="bullet">
    /// <item>a type name bound at namespace level, keyed by the name's text and what C# name lookup sees there (the
    /// chain of namespace declarations, their using directives and extern aliases, and only the aliases named like the
    /// name's first identifier), so that the same <c>ChatClient</c> under the same usings is bound once per compilation,
    /// not once per file. A name is shared only when its enclosing types (and their bases) declare no type or type
    /// parameter of that name, and the project's own source declares no type of that name (a <c>file</c>-local type is
    /// visible in its file only);</item>
    /// <item>member lookups by (type, name, argument count): the same few SDK members are looked up in every file.</item>
    /// </list>
    /// </summary>
    internal sealed class SharedTypeLookups
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SharedName, ISymbol?> _typeNames = new ConcurrentDictionary<SharedName, ISymbol?>();
        private readonly ConcurrentDictionary<SyntaxNode, Scope> _scopes = new ConcurrentDictionary<SyntaxNode, Scope>();
        private readonly Dictionary<int, List<string>> _scopeTexts = new Dictionary<int, List<string>>();
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IMethodSymbol>> _constructors = new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.IncludeNullability);
        private ICollection<string>? _sourceTypeNames;
        private readonly ConcurrentDictionary<string, ISymbol?> _usingTargets = new ConcurrentDictionary<string, ISymbol?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<INamespaceSymbol, HashSet<string>> _namespaceMembers = new ConcurrentDictionary<INamespaceSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>?> _lookupNames = new ConcurrentDictionary<INamedTypeSymbol, HashSet<string>?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>?> _nestedTypeNames = new ConcurrentDictionary<INamedTypeSymbol, HashSet<string>?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<LookupKey, MemberLookup> _members = new ConcurrentDictionary<LookupKey, MemberLookup>(new LookupKeyComparer());

        private static readonly ConditionalWeakTable<Compilation, SharedTypeLookups> s_byCompilation = new ConditionalWeakTable<Compilation, SharedTypeLookups>();

        private static readonly ConditionalWeakTable<Compilation, SharedTypeLookups>.CreateValueCallback s_create = c => new SharedTypeLookups(c);

        public SharedTypeLookups(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>
        /// The one instance for <paramref name="compilation"/>, shared by GRD003 and GRD004 (what one found for a type name or
        /// a member, the other reuses); held no longer than the compilation.
        /// </summary>
        public static SharedTypeLookups For(Compilation compilation) => s_byCompilation.GetValue(compilation, s_create);

        public bool TryGetTypeName(SharedName key, out ISymbol? symbol) => _typeNames.TryGetValue(key, out symbol);

        /// <summary>
        /// The target of <c>using A = X;</c> or <c>using static X;</c> (<paramref name="target"/> is X, in the tree of
        /// <paramref name="model"/>). A file-level directive's target is bound without the file's usings, so the same text
        /// means the same in every file with no extern alias and no file-local type of its names: bound once per
        /// compilation, by its text.
        /// </summary>
        public ISymbol? UsingTarget(UsingDirectiveSyntax directive, TypeSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            bool shared = directive.Parent is CompilationUnitSyntax unit && unit.Externs.Count == 0 && IsPlainSourceFreeName(target);
            string? text = shared ? target.ToString() : null;
            if (text != null && _usingTargets.TryGetValue(text, out ISymbol? known))
            {
                return known;
            }

            SymbolInfo info = model.GetSymbolInfo(target, cancellationToken);
            ISymbol? symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            symbol = symbol is IAliasSymbol alias ? alias.Target : symbol;
            if (text != null)
            {
                _usingTargets.TryAdd(text, symbol);
            }

            return symbol;
        }

        /// <summary>
        /// The directive of a file-level using alias named <paramref name="alias"/> when a plain name written inside
        /// <paramref name="innermost"/> (a namespace declaration or the file) can mean nothing else: no enclosing namespace
        /// (nor the global one) has a member of that name, no namespace declaration on the way has usings or extern
        /// aliases of its own, and the file has no extern alias. Then the name means the directive's target (bound once
        /// per compilation by <see cref="UsingTarget"/>), not a speculative binding per file.
        /// </summary>
        private UsingDirectiveSyntax? FileAlias(SyntaxNode innermost, Scope scope, string alias)
        {
            if (scope.Namespaces == null || !NoneDeclares(scope.Namespaces, alias) || MemberNames(_compilation.GlobalNamespace).Contains(alias))
            {
                return null;
            }

            for (SyntaxNode? current = innermost; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseNamespaceDeclarationSyntax ns when ns.Usings.Count > 0 || ns.Externs.Count > 0:
                        return null;
                    case CompilationUnitSyntax unit when unit.Externs.Count == 0:
                        foreach (UsingDirectiveSyntax directive in unit.Usings)
                        {
                            if (directive.Alias != null && directive.Alias.Name.Identifier.ValueText == alias)
                            {
                                return IsPlainSourceFreeName(directive.NamespaceOrType) ? directive : null;
                            }
                        }

                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// True for a dotted name (identifiers and generic names, no <c>::</c>) none of whose identifiers is the name of a
        /// type the project's source declares: its meaning cannot depend on the file it is written in (a file-local type).
        /// </summary>
        public bool IsPlainSourceFreeName(SyntaxNode name)
        {
            switch (name)
            {
                case QualifiedNameSyntax qualified:
                    return IsPlainSourceFreeName(qualified.Left) && IsPlainSourceFreeName(qualified.Right);
                case IdentifierNameSyntax identifier:
                    return !SourceTypeNames.Contains(identifier.Identifier.ValueText);
                case GenericNameSyntax generic:
                    if (SourceTypeNames.Contains(generic.Identifier.ValueText))
                    {
                        return false;
                    }

                    foreach (TypeSyntax argument in generic.TypeArgumentList.Arguments)
                    {
                        if (!(argument is PredefinedTypeSyntax) && !IsPlainSourceFreeName(argument))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        public void AddTypeName(SharedName key, ISymbol? symbol) => _typeNames.TryAdd(key, symbol);

        /// <summary>The instance constructors of <paramref name="type"/> (Roslyn builds a new array on every ask).</summary>
        public ImmutableArray<IMethodSymbol> InstanceConstructors(INamedTypeSymbol type) =>
            _constructors.GetOrAdd(type, t => t.InstanceConstructors);

        public bool TryGetMembers(ITypeSymbol type, string name, int? arguments, out MemberLookup lookup) =>
            _members.TryGetValue(new LookupKey(type, name, arguments), out lookup);

        public void AddMembers(ITypeSymbol type, string name, int? arguments, MemberLookup lookup) =>
            _members.TryAdd(new LookupKey(type, name, arguments), lookup);

        /// <summary>
        /// The key under which <paramref name="text"/>, written at <paramref name="name"/> and bound in the scope of its
        /// enclosing types, may be shared with other files; null when it may not (generic or alias-qualified text, a
        /// same-named type or type parameter in scope, a same-named type in the project's source). What the imports
        /// contribute is worked out once per namespace declaration (or file), not once per name.
        /// </summary>
        /// <param name="treeScopes">The caller's own memo of scopes for the tree (read without locking); null to use the shared one.</param>
        public SharedName? TypeNameKey(SyntaxNode name, string text, Func<BaseTypeDeclarationSyntax, INamedTypeSymbol?> declaredType, Dictionary<SyntaxNode, Scope>? treeScopes = null) =>
            TypeNameKey(name, text, declaredType, treeScopes, out _);

        /// <param name="fileAlias">Set when <paramref name="text"/> is a file-level using alias that can mean nothing else here (<see cref="FileAlias"/>).</param>
        [MethodImpl(HotPath.Optimized)]
        public SharedName? TypeNameKey(SyntaxNode name, string text, Func<BaseTypeDeclarationSyntax, INamedTypeSymbol?> declaredType, Dictionary<SyntaxNode, Scope>? treeScopes, out UsingDirectiveSyntax? fileAlias)
        {
            fileAlias = null;
            // The names that lookup starts from: the leftmost of each dotted run (`List`, `ChatCompletion` in
            // `System.Collections.Generic.List<ChatCompletion>`: System, ChatCompletion). Only they depend on the scope.
            // A plain name (the common case) is its own leading name: no list is made for it.
            string[]? leading = IsIdentifier(text) ? null : LeadingNames(text);
            if (leading == null && !IsIdentifier(text))
            {
                return null; // `::`, arrays, nullable, tuples, pointers: bound in the file
            }

            if (leading == null ? SourceTypeNames.Contains(text) : AnyIn(leading, SourceTypeNames))
            {
                return null;
            }

            SyntaxNode? current = name.Parent;
            for (; current != null && !(current is BaseNamespaceDeclarationSyntax) && !(current is CompilationUnitSyntax); current = current.Parent)
            {
                if (!(current is BaseTypeDeclarationSyntax type))
                {
                    continue;
                }

                if (!type.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken) || type.OpenBraceToken.IsMissing || type.OpenBraceToken.Span.End > name.SpanStart)
                {
                    continue; // a base list: bound outside the type
                }

                INamedTypeSymbol? symbol = declaredType(type);
                if (symbol == null)
                {
                    return null;
                }

                HashSet<string>? declared = LookupNames(symbol);
                if (declared != null && (leading == null ? declared.Contains(text) : AnyIn(leading, declared)))
                {
                    return null;
                }
            }

            if (current == null)
            {
                return null;
            }

            // A namespace declaration is never inside a type: from here up only imports matter.
            if (treeScopes == null || !treeScopes.TryGetValue(current, out Scope? scope))
            {
                if (!_scopes.TryGetValue(current, out scope))
                {
                    scope = _scopes.GetOrAdd(current, NewScope(current));
                }

                treeScopes?.Add(current, scope);
            }

            string? aliased = null;
            if (scope.Aliases != null)
            {
                if (leading == null)
                {
                    aliased = scope.Aliases.Contains(text) ? text : null;
                }
                else
                {
                    foreach (string lead in leading)
                    {
                        if (scope.Aliases.Contains(lead))
                        {
                            aliased = lead;
                            break;
                        }
                    }
                }
            }

            if (aliased != null && leading != null && leading.Length > 1)
            {
                return null; // an alias inside a generic name: bound in the file
            }

            if (aliased != null && leading == null)
            {
                fileAlias = FileAlias(current, scope, aliased);
            }

            string key = aliased != null ? AliasKey(scope, current, aliased)
                : scope.Namespaces != null && (leading == null ? NoneDeclares(scope.Namespaces, text) : NoneDeclaresAny(scope.Namespaces, leading)) ? scope.ImportsOnly
                : scope.Key;
            return new SharedName(text, key);
        }

        private static bool AnyIn(string[] names, ICollection<string> set)
        {
            foreach (string name in names)
            {
                if (set.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The key of a name starting with the using alias <paramref name="alias"/>: worked out once per scope and alias.</summary>
        private string AliasKey(Scope scope, SyntaxNode innermost, string alias)
        {
            lock (scope)
            {
                scope.AliasKeys ??= new Dictionary<string, string>(StringComparer.Ordinal);
                if (!scope.AliasKeys.TryGetValue(alias, out string? key))
                {
                    key = ScopeText(innermost, aliasNamed: alias, withNamespaceNames: true);
                    scope.AliasKeys.Add(alias, key);
                }

                return key;
            }
        }

        private bool NoneDeclaresAny(INamespaceSymbol[] namespaces, string[] leading)
        {
            foreach (string lead in leading)
            {
                if (!NoneDeclares(namespaces, lead))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The leftmost identifier of each dotted name in <paramref name="text"/> (a name, a qualified name, a generic
        /// name with such type arguments); null for any other text.
        /// </summary>
        private static string[]? LeadingNames(string text)
        {
            var leading = new List<string>(2);
            bool afterDot = false;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsLetter(c) || c == '_')
                {
                    int start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    if (!afterDot)
                    {
                        leading.Add(text.Substring(start, i - start));
                    }

                    afterDot = false;
                    continue;
                }

                switch (c)
                {
                    case '.':
                        afterDot = true;
                        break;
                    case '<':
                    case '>':
                    case ',':
                    case ' ':
                        afterDot = false;
                        break;
                    default:
                        return null;
                }

                i++;
            }

            return leading.Count == 0 ? null : leading.ToArray();
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private Scope NewScope(SyntaxNode innermost) =>
            new Scope(ScopeText(innermost, aliasNamed: null, withNamespaceNames: true), ScopeText(innermost, aliasNamed: null, withNamespaceNames: false), AliasNames(innermost), EnclosingNamespaces(innermost));

        /// <summary>
        /// The namespaces whose members name lookup sees before the global namespace, innermost first (<c>namespace
        /// A.B</c> is A.B, then A), merged over the project and its references; null when one cannot be found.
        /// </summary>
        private INamespaceSymbol[]? EnclosingNamespaces(SyntaxNode innermost)
        {
            List<string> names = t_names ??= new List<string>();
            names.Clear();
            for (SyntaxNode? current = innermost; current != null; current = current.Parent)
            {
                if (current is BaseNamespaceDeclarationSyntax ns && !AddNamesRightToLeft(ns.Name, names))
                {
                    names.Clear();
                    return null;
                }
            }

            var chain = new INamespaceSymbol[names.Count];
            INamespaceSymbol container = _compilation.GlobalNamespace;
            for (int i = names.Count - 1; i >= 0; i--)
            {
                INamespaceSymbol? next = null;
                foreach (ISymbol member in ((INamespaceOrTypeSymbol)container).GetMembers(names[i]))
                {
                    next = member as INamespaceSymbol ?? next;
                }

                if (next == null)
                {
                    names.Clear();
                    return null;
                }

                container = next;
                chain[i] = next;
            }

            names.Clear();
            return chain;
        }

        [ThreadStatic]
        private static List<string>? t_names;

        [ThreadStatic]
        private static KeyText? t_key;

        /// <summary>The identifiers of a dotted namespace name, rightmost first; false for any other kind of name.</summary>
        private static bool AddNamesRightToLeft(NameSyntax name, List<string> names)
        {
            switch (name)
            {
                case IdentifierNameSyntax identifier:
                    names.Add(identifier.Identifier.ValueText);
                    return true;
                case QualifiedNameSyntax qualified:
                    return AddNamesRightToLeft(qualified.Right, names) && AddNamesRightToLeft(qualified.Left, names);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when no namespace enclosing the name (in any assembly) has a member called <paramref name="first"/>: then
        /// only the imports decide what it means, and files in different namespaces with the same imports share it.
        /// </summary>
        private bool NoneDeclares(INamespaceSymbol[] namespaces, string first)
        {
            foreach (INamespaceSymbol ns in namespaces)
            {
                if (MemberNames(ns).Contains(first))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The names of a namespace's members (in any assembly), read once per compilation: asking the symbol by name makes an array each time.</summary>
        private HashSet<string> MemberNames(INamespaceSymbol ns)
        {
            if (!_namespaceMembers.TryGetValue(ns, out HashSet<string>? names))
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                foreach (ISymbol member in ((INamespaceOrTypeSymbol)ns).GetMembers())
                {
                    names.Add(member.Name);
                }

                names = _namespaceMembers.GetOrAdd(ns, names);
            }

            return names;
        }

        /// <summary>
        /// The names that, inside <paramref name="type"/>'s body, mean one of its type parameters or a type nested in it, a
        /// base of it or an interface it implements (null when there are none): worked out once per type.
        /// </summary>
        public HashSet<string>? LookupNames(INamedTypeSymbol type)
        {
            if (_lookupNames.TryGetValue(type, out HashSet<string>? names))
            {
                return names;
            }

            foreach (ITypeParameterSymbol parameter in type.TypeParameters)
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(parameter.Name);
            }

            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                HashSet<string>? nested = NestedTypeNames(current);
                if (nested != null)
                {
                    (names ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(nested);
                }
            }

            foreach (INamedTypeSymbol inherited in type.AllInterfaces)
            {
                HashSet<string>? nested = NestedTypeNames(inherited);
                if (nested != null)
                {
                    (names ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(nested);
                }
            }

            return _lookupNames.GetOrAdd(type, names);
        }

        /// <summary>The names of the types <paramref name="type"/> itself declares (null when none), once per type.</summary>
        public HashSet<string>? NestedTypeNames(INamedTypeSymbol type)
        {
            if (_nestedTypeNames.TryGetValue(type, out HashSet<string>? names))
            {
                return names;
            }

            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.Name);
            }

            return _nestedTypeNames.GetOrAdd(type, names);
        }

        /// <summary>Simple names of the types the project's own source declares (nested ones too).</summary>
        private ICollection<string> SourceTypeNames => _sourceTypeNames ??= _compilation.Assembly.TypeNames;

        /// <summary>The one string holding <paramref name="key"/>'s text: made only the first time that text is seen.</summary>
        private string Intern(KeyText key)
        {
            int hash = key.Hash();
            lock (_scopeTexts)
            {
                if (!_scopeTexts.TryGetValue(hash, out List<string>? texts))
                {
                    texts = new List<string>(1);
                    _scopeTexts.Add(hash, texts);
                }

                foreach (string text in texts)
                {
                    if (key.Is(text))
                    {
                        return text;
                    }
                }

                string made = key.ToString();
                texts.Add(made);
                return made;
            }
        }

        /// <summary>
        /// What C# name lookup sees from <paramref name="innermost"/> outwards: the chain of namespace declarations, their
        /// using directives and extern aliases; of the using aliases only those named <paramref name="aliasNamed"/>.
        /// Written into one buffer per thread and interned, so the text of a scope already seen makes no new string.
        /// </summary>
        private string ScopeText(SyntaxNode innermost, string? aliasNamed, bool withNamespaceNames)
        {
            KeyText key = t_key ??= new KeyText();
            key.Clear();
            for (SyntaxNode? current = innermost; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        key.Append(ns is FileScopedNamespaceDeclarationSyntax ? "file-ns " : "ns ");
                        if (withNamespaceNames)
                        {
                            key.AppendName(ns.Name);
                        }

                        key.Append('{');
                        AppendImports(key, ns.Externs, ns.Usings, aliasNamed);
                        key.Append('}');
                        break;
                    case CompilationUnitSyntax unit:
                        key.Append("unit{");
                        AppendImports(key, unit.Externs, unit.Usings, aliasNamed);
                        key.Append('}');
                        break;
                }
            }

            return Intern(key);
        }

        /// <summary>The names of the using aliases seen from <paramref name="innermost"/> outwards; null when there are none.</summary>
        private static HashSet<string>? AliasNames(SyntaxNode innermost)
        {
            HashSet<string>? names = null;
            for (SyntaxNode? current = innermost; current != null; current = current.Parent)
            {
                SyntaxList<UsingDirectiveSyntax> usings = current switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    CompilationUnitSyntax unit => unit.Usings,
                    _ => default,
                };

                foreach (UsingDirectiveSyntax directive in usings)
                {
                    if (directive.Alias != null)
                    {
                        (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(directive.Alias.Name.Identifier.ValueText);
                    }
                }
            }

            return names;
        }

        private static void AppendImports(KeyText key, SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings, string? aliasNamed)
        {
            foreach (ExternAliasDirectiveSyntax e in externs)
            {
                key.Append("extern ");
                key.Append(e.Identifier.Text);
                key.Append('\u0002');
            }

            foreach (UsingDirectiveSyntax directive in usings)
            {
                // An alias matters only to a name that starts with it; every other directive to every name.
                if (directive.Alias == null || directive.Alias.Name.Identifier.ValueText == aliasNamed)
                {
                    key.Append(directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) ? "global " : string.Empty);
                    key.Append(directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) ? "static " : string.Empty);
                    key.Append(directive.UnsafeKeyword.IsKind(SyntaxKind.UnsafeKeyword) ? "unsafe " : string.Empty);
                    if (directive.Alias != null)
                    {
                        key.Append(directive.Alias.Name.Identifier.Text);
                        key.Append(" = ");
                    }

                    key.AppendName(directive.NamespaceOrType);
                    key.Append('\u0002');
                }
            }
        }

        /// <summary>A growable character buffer for scope texts: hashed and compared without making a string.</summary>
        private sealed class KeyText
        {
            private char[] _chars = new char[256];
            private int _length;

            public void Clear() => _length = 0;

            public void Append(char c)
            {
                if (_length == _chars.Length)
                {
                    Array.Resize(ref _chars, _chars.Length * 2);
                }

                _chars[_length++] = c;
            }

            public void Append(string text)
            {
                if (_length + text.Length > _chars.Length)
                {
                    Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
                }

                text.CopyTo(0, _chars, _length, text.Length);
                _length += text.Length;
            }

            /// <summary>A type or namespace name as written, tokens only (no trivia): the same name gives the same text.</summary>
            public void AppendName(TypeSyntax name)
            {
                switch (name)
                {
                    case IdentifierNameSyntax identifier:
                        Append(identifier.Identifier.Text);
                        break;
                    case QualifiedNameSyntax qualified:
                        AppendName(qualified.Left);
                        Append('.');
                        AppendName(qualified.Right);
                        break;
                    case AliasQualifiedNameSyntax aliasQualified:
                        Append(aliasQualified.Alias.Identifier.Text);
                        Append("::");
                        AppendName(aliasQualified.Name);
                        break;
                    case GenericNameSyntax generic:
                        Append(generic.Identifier.Text);
                        Append('<');
                        for (int i = 0; i < generic.TypeArgumentList.Arguments.Count; i++)
                        {
                            if (i > 0)
                            {
                                Append(',');
                            }

                            AppendName(generic.TypeArgumentList.Arguments[i]);
                        }

                        Append('>');
                        break;
                    default:
                        Append(name.ToString());
                        break;
                }
            }

            public int Hash()
            {
                uint hash = 2166136261;
                for (int i = 0; i < _length; i++)
                {
                    hash = (hash ^ _chars[i]) * 16777619;
                }

                return (int)hash;
            }

            public bool Is(string text)
            {
                if (text.Length != _length)
                {
                    return false;
                }

                for (int i = 0; i < _length; i++)
                {
                    if (text[i] != _chars[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            public override string ToString() => new string(_chars, 0, _length);
        }

        /// <summary>The imports seen from one namespace declaration or file (aliases left out), and the aliases' names.</summary>
        internal sealed class Scope
        {
            public Scope(string key, string importsOnly, HashSet<string>? aliases, INamespaceSymbol[]? namespaces)
            {
                Key = key;
                ImportsOnly = importsOnly;
                Aliases = aliases;
                Namespaces = namespaces;
            }

            /// <summary>The namespace declarations' names and imports. Interned: the same text is the same instance.</summary>
            public string Key { get; }

            /// <summary>The same without the namespaces' names, for a name no enclosing namespace has a member called.</summary>
            public string ImportsOnly { get; }

            public HashSet<string>? Aliases { get; }

            /// <summary>The key of a name starting with each alias that has been asked for (under a lock on the scope).</summary>
            public Dictionary<string, string>? AliasKeys { get; set; }

            /// <summary>The enclosing namespaces, innermost first (not the global one); null when not all were found.</summary>
            public INamespaceSymbol[]? Namespaces { get; }
        }

        private readonly struct LookupKey
        {
            public LookupKey(ITypeSymbol type, string name, int? arguments)
            {
                Type = type;
                Name = name;
                Arguments = arguments;
            }

            public ITypeSymbol Type { get; }

            public string Name { get; }

            public int? Arguments { get; }
        }

        private sealed class LookupKeyComparer : IEqualityComparer<LookupKey>
        {
            public bool Equals(LookupKey x, LookupKey y) =>
                x.Arguments == y.Arguments && string.Equals(x.Name, y.Name, StringComparison.Ordinal) && SymbolEqualityComparer.IncludeNullability.Equals(x.Type, y.Type);

            public int GetHashCode(LookupKey key) =>
                unchecked((SymbolEqualityComparer.IncludeNullability.GetHashCode(key.Type) * 31 + StringComparer.Ordinal.GetHashCode(key.Name)) * 31 + (key.Arguments ?? -1));
        }
    }

    /// <summary>A type name's text and the (interned) imports it is bound under: equal keys bind alike in every file.</summary>
    internal readonly struct SharedName : IEquatable<SharedName>
    {
        public SharedName(string text, string scope)
        {
            Text = text;
            Scope = scope;
        }

        public string Text { get; }

        public string Scope { get; }

        public bool Equals(SharedName other) => ReferenceEquals(Scope, other.Scope) && string.Equals(Text, other.Text, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is SharedName other && Equals(other);

        public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Text) * 397) ^ RuntimeHelpers.GetHashCode(Scope));
    }
}
